"""loaders: files -> text -> records.

The stages, each a module: ``files`` (bytes to text, any encoding and format;
``ocr`` for scans, ``html_text`` for portal pages),
``normalize`` (the matching form and its offset map), ``citations`` and
``header`` (what a document cites and says about itself; ``reference`` holds a reference
being assembled, ``unnumbered`` the scanners of references without a number), ``extract``
(the pipeline). ``vocabulary`` holds every code and cue word; ``errors`` the one
exception type a user sees, ``ChidaoError``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import ChidaoError

if TYPE_CHECKING:
    from .extract import extract_file, extract_text
    from .models import Citation, DocHeader, Record, Signer, Unnumbered

# Imported when first asked for: ``loaders.errors`` and ``loaders.vocabulary`` alone do not
# compile every pattern of the parser.
_HOMES = {"extract_file": "extract", "extract_text": "extract",
          **dict.fromkeys(("Citation", "DocHeader", "Record", "Signer", "Unnumbered"), "models")}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)

__all__ = ["ChidaoError", "extract_text", "extract_file", "Record", "DocHeader", "Citation", "Unnumbered", "Signer", "extract_paths"]


def extract_paths(paths, *, jobs: int = 1, ocr=None, budget=None):
    """Yield (path, Record | None, error | None, size in bytes) for every document under paths.

    A file that cannot be read yields its one-line reason instead of a record
    (and size 0 when it could not be looked at); the batch goes on. ``jobs`` > 1
    parses in that many processes (or OCRs that many pages of one scan at once);
    ``ocr`` is an ``ocr.OcrOptions`` (default: scans are OCR'd when tesseract is
    installed); ``budget`` (a ``batch.Budget``) caps each document's bytes, seconds and memory.
    """
    from .batch import DEFAULT_BUDGET, extract_paths as _extract_paths

    return _extract_paths(paths, jobs=jobs, ocr=ocr, budget=budget or DEFAULT_BUDGET)
