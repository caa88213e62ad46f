"""Typed records: what the loaders produce. Small frozen dataclasses, JSON-ready."""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Signer", "DocHeader", "Citation", "Unnumbered", "Record"]


def _quick_pickle(cls):
    """Give a frozen slotted dataclass a ``__getstate__``/``__setstate__`` that read and write its
    slots directly. dataclasses' own (3.11) call ``fields()`` and ``object.__setattr__`` field by
    field: a build unpacks every record four times while it resolves (graph/records.py), and with
    these a record unpacks in 18 µs instead of 25 (2,000 generated documents, best of 5), the same
    values back."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    get_all = operator.attrgetter(*names) if len(names) > 1 else (lambda self: (getattr(self, names[0]),))
    setters = tuple(getattr(cls, name).__set__ for name in names)  # slot descriptors: no frozen check

    def __getstate__(self):
        return get_all(self)

    def __setstate__(self, state):
        for put, value in zip(setters, state):
            put(self, value)

    cls.__getstate__ = __getstate__
    cls.__setstate__ = __setstate__
    return cls


@_quick_pickle
@dataclass(frozen=True, slots=True)
class Signer:
    name: str | None
    title: str | None  # "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ"


@_quick_pickle
@dataclass(frozen=True, slots=True)
class DocHeader:
    """What a document says about itself in its header."""

    doc_type: str | None  # "Công văn"
    number: str | None  # "294"; None for a draft ("Số: /CT-UBND")
    symbol: str | None  # normalised: "294-CV/TU"
    issuer: str | None  # as written: "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH"
    issuer_canonical: str | None  # "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre"
    issuer_parent: str | None  # the parent line: "ĐẢNG BỘ TỈNH BẾN TRE"
    issuer_code: str | None  # from the symbol: "ĐUK"
    date: str | None  # "2021-07-21", or "2021-12" for a draft with a blank day
    place: str | None  # "Lai Châu"
    subject: str | None
    recipients: tuple[str, ...] = ()  # Kính gửi
    copied_to: tuple[str, ...] = ()  # Nơi nhận, as written ("Lưu: VT" included: see is_archive_note)
    signer: Signer | None = None


@_quick_pickle
@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered reference to another document, with where it was found."""

    doc_type: str | None  # "Kết luận"
    number: str  # "07"
    symbol: str | None  # "07-KL/TW"; None for "Chỉ thị số 17"
    date: str | None
    issuer: str | None  # as written: "Bộ Chính trị"
    cue: str | None  # can_cu, thuc_hien, huong_ung, theo, tiep_theo, tra_loi, sua_doi, thay_the, bai_bo
    text: str  # original[start:end]
    start: int
    end: int
    sentence: str
    issuer_code: str | None = None  # "TW"
    via: int | None = None  # index of the citation that itself cites this one (nested form)
    # Later mentions of the same document, (start, end) in the original: "Chỉ thị số 08" after
    # "Chỉ thị số 08/CT-TTg", "(sau đây gọi tắt là Nghị quyết 29)". One citation per cited document.
    mentions: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.mentions, tuple) or any(not isinstance(m, tuple) for m in self.mentions):
            object.__setattr__(self, "mentions", tuple(tuple(m) for m in self.mentions))  # read back from JSON


@_quick_pickle
@dataclass(frozen=True, slots=True)
class Unnumbered:
    """A specific reference without a number: "Điện của Thường trực Ban Bí thư"."""

    doc_type: str
    issuer: str | None
    date: str | None
    cue: str | None
    text: str
    start: int
    end: int
    sentence: str = ""


@_quick_pickle
@dataclass(frozen=True, slots=True)
class Record:
    """One input file, parsed."""

    path: str
    kind: str  # "document" | "article"
    doc: DocHeader | None
    citations: tuple[Citation, ...] = ()
    unnumbered: tuple[Unnumbered, ...] = ()
    warnings: tuple[str, ...] = ()
    sha256: str | None = None
    encoding: str | None = None  # "utf-8", "docx", "pdf", ...; "ocr" or "pdf+ocr" when the text came from OCR
    ocr_confidence: float | None = None  # Tesseract's mean word confidence (0-100) for OCR'd text

    def to_json(self) -> dict:
        """The JSON shape of ``chidao extract --json`` (one object per file).

        Written out rather than ``dataclasses.asdict``, which deep-copies every value:
        a build serialises every record (a tenth of the per-file time)."""
        out = self._json_head()
        out["citations"] = [_citation_json(c) for c in self.citations]
        out["unnumbered"] = [_unnumbered_json(u) for u in self.unnumbered]
        return out

    def json_chunks(self) -> Iterator[str]:
        """``json.dumps(self.to_json(), ensure_ascii=False)`` in pieces, one citation at a time:
        a text with 100,000 citations never holds all their dicts nor the whole line (issue 15)."""
        head = self._json_head()
        lists: dict[str, tuple[Callable[[Any], dict], tuple]] = {
            "citations": (_citation_json, self.citations), "unnumbered": (_unnumbered_json, self.unnumbered)}
        sep = "{"
        for key in head:
            yield f"{sep}{json.dumps(key, ensure_ascii=False)}: "
            sep = ", "
            if key not in lists:
                yield json.dumps(head[key], ensure_ascii=False)
                continue
            shape, items = lists[key]
            inner = "["
            for item in items:
                yield inner + json.dumps(shape(item), ensure_ascii=False)
                inner = ", "
            yield "[]" if inner == "[" else "]"
        yield "}"

    def _json_head(self) -> dict:
        """Every field in field order, the two lists left as None for the caller to fill."""
        doc = None
        if self.doc is not None:
            doc = {f: getattr(self.doc, f) for f in _fields(DocHeader)}
            doc["recipients"] = list(self.doc.recipients)
            doc["copied_to"] = list(self.doc.copied_to)
            doc["signer"] = {f: getattr(self.doc.signer, f) for f in _fields(Signer)} if self.doc.signer is not None else None
        out = {f: getattr(self, f) for f in _fields(Record)}
        out["doc"] = doc
        out["citations"] = out["unnumbered"] = None
        out["warnings"] = list(self.warnings)
        return out


@functools.cache
def _fields(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _citation_json(c: Citation) -> dict:
    out = {f: getattr(c, f) for f in _fields(Citation)}
    out["mentions"] = [list(m) for m in c.mentions]
    return out


def _unnumbered_json(u: Unnumbered) -> dict:
    return {f: getattr(u, f) for f in _fields(Unnumbered)}


def is_archive_note(line: str) -> bool:
    """"Lưu: VT, TgNc" is the archive copy, not an agency."""
    return line.strip().lower().startswith("lưu")
