"""Typed records: what the loaders produce. Small frozen dataclasses, JSON-ready."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Signer", "DocHeader", "Citation", "Unnumbered", "Record"]


@dataclass(frozen=True)
class Signer:
    name: str | None
    title: str | None  # "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
        doc = None
        if self.doc is not None:
            doc = dict(vars(self.doc))
            doc["recipients"] = list(self.doc.recipients)
            doc["copied_to"] = list(self.doc.copied_to)
            doc["signer"] = dict(vars(self.doc.signer)) if self.doc.signer is not None else None
        out = dict(vars(self))
        out["doc"] = doc
        out["citations"] = [dict(vars(c)) for c in self.citations]
        out["unnumbered"] = [dict(vars(u)) for u in self.unnumbered]
        out["warnings"] = list(self.warnings)
        return out


def is_archive_note(line: str) -> bool:
    """"Lưu: VT, TgNc" is the archive copy, not an agency."""
    return line.strip().lower().startswith("lưu")
