"""Record <-> JSON: ``Record.to_json()`` inverted, so a workspace can keep parsed files."""

from __future__ import annotations

import sys
from dataclasses import replace

from ..loaders.models import Citation, DocHeader, Record, Signer, Unnumbered

__all__ = ["record_from_json", "slim_record"]


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


def slim_record(record: Record) -> Record:
    """The record as resolution needs it: each citation without its sentence and later mentions
    (the evidence, read back when the links are written), every other string but the texts interned.

    A build holds one per document while it resolves: the names, types, codes and dates a
    corpus repeats then take their memory once (5,000 generated documents: 4.1 KB of strings a
    record, 1.7 KB of them distinct; the sentences alone were 1.0 KB).
    """
    doc = record.doc
    if doc is not None:
        doc = _interned(doc, recipients=tuple(map(sys.intern, doc.recipients)),
                        copied_to=tuple(map(sys.intern, doc.copied_to)),
                        signer=_interned(doc.signer) if doc.signer else None)
    return _interned(
        record, path=record.path, sha256=record.sha256, doc=doc, warnings=tuple(map(sys.intern, record.warnings)),
        citations=tuple(_interned(c, text=c.text, sentence="", mentions=()) for c in record.citations),
        unnumbered=tuple(_interned(u) for u in record.unnumbered),
    )
