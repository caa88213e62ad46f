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

__all__ = ["extract_text", "extract_file"]


def extract_text(text: str, path: str = "<text>", *, sha256: str | None = None, encoding: str | None = None) -> Record:
    """Parse one document's text into a Record (header, citations, warnings)."""
    norm = normalize(text)
    header = parse_header(norm)
    exclude = (header.symbol_span,) if header.symbol_span else ()
    citations, unnumbered = find_citations(norm, exclude=exclude, own=header.doc)
    kind = "document" if header.doc is not None else "article"
    return Record(
        path=path, kind=kind, doc=header.doc, citations=tuple(citations), unnumbered=tuple(unnumbered),
        warnings=header.warnings, sha256=sha256, encoding=encoding,
    )


def extract_file(path: str | Path) -> Record:
    """Read and parse one file; raises files.LoadError with a one-line reason."""
    from .files import read_document

    loaded = read_document(path)
    return extract_text(loaded.text, loaded.path, sha256=loaded.sha256, encoding=loaded.encoding)
