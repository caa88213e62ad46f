"""Text in, record out: the pipeline clean -> header -> citations.

``extract_text`` is pure (no I/O); ``extract_file`` reads a file through
``files.read_document`` and never raises for bad input: a file that cannot be
read becomes a ``LoadError`` the caller reports and skips.
"""

from __future__ import annotations

from pathlib import Path

from .citations import find_citations
from .header import parse_header
from .models import Record
from .normalize import normalize

__all__ = ["extract_text", "extract_file", "extract_loaded"]


def extract_text(text: str, path: str = "<text>", *, sha256: str | None = None, encoding: str | None = None,
                 ocr_confidence: float | None = None, warnings: tuple[str, ...] = ()) -> Record:
    """Parse one document's text into a Record (header, citations, warnings).

    ``warnings`` are the reader's (a page left out, stray bytes replaced); text
    whose ``encoding`` says it came from OCR is matched with the OCR repairs on."""
    norm = normalize(text, ocr=bool(encoding and encoding.endswith("ocr")))
    header = parse_header(norm)
    exclude = (header.symbol_span,) if header.symbol_span else ()
    citations, unnumbered = find_citations(norm, exclude=exclude)
    kind = "document" if header.doc is not None else "article"
    return Record(
        path=path, kind=kind, doc=header.doc, citations=tuple(citations), unnumbered=tuple(unnumbered),
        warnings=(*warnings, *header.warnings), sha256=sha256, encoding=encoding, ocr_confidence=ocr_confidence,
    )


def extract_file(path: str | Path, *, ocr=None) -> Record:
    """Read and parse one file; raises files.LoadError with a one-line reason.

    ``ocr``: an ``ocr.OcrOptions`` (default: OCR on when tesseract is installed)."""
    from .files import read_document

    return extract_loaded(read_document(path, ocr=ocr))


def extract_loaded(loaded) -> Record:
    """Parse a ``files.LoadedText``."""
    return extract_text(loaded.text, loaded.path, sha256=loaded.sha256, encoding=loaded.encoding,
                        ocr_confidence=loaded.ocr_confidence, warnings=loaded.warnings)
