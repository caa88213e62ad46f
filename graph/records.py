"""Record <-> JSON: ``Record.to_json()`` inverted, so a workspace can keep parsed files."""

from __future__ import annotations

import io
import json
import pickle
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Generic, TypeVar

from ..loaders.models import Citation, DocHeader, Record, Signer, Unnumbered
from .agencies import Agency


def _row_encoder() -> Callable[[object], str]:
    """``json.JSONEncoder(ensure_ascii=False).encode``, the same text, with its C encoder made once:
    ``encode`` makes a new one per call, through Python, which was half the cost of a small row
    (a build writes ten rows a document). The plain encoder where there is no C one."""
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython always has it
        return encoder.encode
    encode = make(None, encoder.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(encode(value, 0))


row_json = _row_encoder()  # the JSON text of a workspace row (node and link attributes, a record)

Placement = TypeVar("Placement")  # build.Placement (build imports this module)

__all__ = ["record_from_json", "slim_record", "PackedRecords"]


def record_from_json(data: dict) -> Record:
    """Rebuild a Record from ``Record.to_json()`` output (lists become tuples again)."""
    doc = data.get("doc")
    header = None
    if doc is not None:
        signer = doc.get("signer")
        header = DocHeader(**{**doc, "recipients": tuple(doc.get("recipients") or ()),
                              "copied_to": tuple(doc.get("copied_to") or ()),
                              "signer": Signer(**signer) if signer else None})
    return Record(
        path=data["path"], kind=data["kind"], doc=header,
        citations=tuple(Citation(**c) for c in data.get("citations") or ()),
        unnumbered=tuple(Unnumbered(**u) for u in data.get("unnumbered") or ()),
        warnings=tuple(data.get("warnings") or ()), sha256=data.get("sha256"), encoding=data.get("encoding"),
        ocr_confidence=data.get("ocr_confidence"),
    )


def _interned(obj, **changes):
    """``obj`` (a frozen dataclass) with ``changes`` and each of its other string fields interned."""
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        if name not in changes and isinstance(value, str):
            changes[name] = sys.intern(value)
    return replace(obj, **changes)


def slim_record(record: Record, *, placed: bool = False) -> Record:
    """The record as resolution needs it: each citation without its sentence and later mentions
    (the evidence, read back when the links are written), every other string but the texts interned.

    ``placed``: for a record whose placement is made already (``build.place_record``), also without
    its addressee lines and its citations' texts (the placement holds what they resolved to).

    A build holds one per document while it resolves: the names, types, codes and dates a
    corpus repeats then take their memory once (5,000 generated documents: 4.1 KB of strings a
    record, 1.7 KB of them distinct; the sentences alone were 1.0 KB).
    """
    doc = record.doc
    if doc is not None:
        doc = _interned(doc, recipients=() if placed else tuple(map(sys.intern, doc.recipients)),
                        copied_to=() if placed else tuple(map(sys.intern, doc.copied_to)),
                        signer=_interned(doc.signer) if doc.signer else None)
    return _interned(
        record, path=record.path, sha256=record.sha256, doc=doc, warnings=tuple(map(sys.intern, record.warnings)),
        citations=tuple(_interned(c, text="" if placed else c.text, sentence="", mentions=())
                        for c in record.citations),
        unnumbered=tuple(_interned(u) for u in record.unnumbered),
    )


class PackedRecords(Generic[Placement]):
    """Records with their placements, held as one compact pickle each (agencies by number, each
    agency once), read back one at a time in path order: what a build holds while it resolves.

    5,000 generated documents: 1.4 KB a document against ~3.8 KB as objects (slim records and their
    placements), for ~27 µs a document each time they are read (a build reads them four times).
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, bytes]] = []
        self._ids: dict[object, int] = {}
        self._agencies: list[object] = []
        self._sorted = True

    def __len__(self) -> int:
        return len(self._items)

    def add(self, record: Record, placement: Placement) -> None:
        """One record (its ``slim_record`` is enough) and its ``build.place_record`` placement."""
        out = io.BytesIO()
        _Packer(out, self).dump((record, placement))
        if self._items and record.path < self._items[-1][0]:
            self._sorted = False
        self._items.append((record.path, out.getvalue()))

    def _unpack(self, data: bytes) -> tuple[Record, Placement]:
        return _Unpacker(io.BytesIO(data), self._agencies).load()

    def _in_path_order(self) -> list[tuple[str, bytes]]:
        if not self._sorted:
            self._items.sort(key=lambda item: item[0])
            self._sorted = True
        return self._items

    def __iter__(self) -> Iterator[tuple[Record, Placement]]:
        """(record, placement) pairs in path order."""
        for _path, data in self._in_path_order():
            yield self._unpack(data)

    def where(self, keep: Callable[[str], bool]) -> Iterator[tuple[Record, Placement]]:
        """The pairs whose path ``keep`` accepts, in path order: the others are not unpacked."""
        for path, data in self._in_path_order():
            if keep(path):
                yield self._unpack(data)

    def take(self) -> Iterator[tuple[Record, Placement]]:
        """The pairs in path order once more, each let go as it is read (the holder ends empty)."""
        items, self._items = self._in_path_order(), []
        items.reverse()
        while items:
            yield self._unpack(items.pop()[1])


class _Packer(pickle.Pickler):
    def __init__(self, out, packed: PackedRecords):
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.packed = packed

    def persistent_id(self, obj):
        if isinstance(obj, Agency):
            ids = self.packed._ids
            n = ids.get(obj)
            if n is None:
                n = ids[obj] = len(self.packed._agencies)
                self.packed._agencies.append(obj)
            return n
        return None


class _Unpacker(pickle.Unpickler):
    def __init__(self, data, agencies: list):
        super().__init__(data)
        self.agencies = agencies

    def persistent_load(self, pid):
        return self.agencies[pid]
