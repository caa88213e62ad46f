"""OCR: page images to text, through Debian's Tesseract and its Vietnamese model.

Choices, measured on 200-dpi scans of the seed documents (benchmarks/ocr.py,
2 cores; figures in README "Formats read"):

- Engine: the ``tesseract`` command line (Debian's tesseract-ocr 5.3 with
  tesseract-ocr-vie), one process per page with ``OMP_THREAD_LIMIT=1``.
  Tesseract's own OpenMP threads cost 11 s wall for a page that takes 1.4 s
  with one thread; a process starts and loads the model in 0.07 s, so a
  binding that keeps the model loaded (tesserocr) gains nothing and brings
  its own Tesseract build; pytesseract is this same command behind temp files.
- Confidence: one run writes both the text (``txt``) and the word table
  (``tsv``), whose word confidences give the page's mean.
- Pages go to tesseract as PNM on stdin (no temp files); ``jobs`` pages run
  at once, each in its own process.

Nothing here reads a file: the caller hands over image bytes or PIL images.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "INSTALL_HINT",
    "IMAGE_SUFFIXES",
    "OcrOptions",
    "OcrPage",
    "OcrUnavailable",
    "OcrCache",
    "tesseract_available",
    "ocr_images",
    "engine_id",
]

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
IMAGE_SUFFIXES: frozenset[str] = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
LANG = "vie"
DPI = 200  # rasterising a PDF page: what the scans were made at; 300 gained nothing measurable
_PAGE_TIMEOUT_S = 300


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is not installed; ``str`` says how to install it."""


@dataclass(frozen=True)
class OcrOptions:
    """How a batch OCRs: on or off, how many pages at once, where the cache is."""

    enabled: bool = True
    jobs: int = 1  # pages OCR'd at once within one file
    cache: str | None = None  # an OcrCache file; None: no cache
    # progress(path, pages done, pages) after each OCR'd page; a module-level function
    # (it travels to the worker processes by name)
    progress: Callable[[str, int, int], None] | None = None


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float | None  # mean word confidence 0..100; None when no word was read


def _tesseract() -> str | None:
    return shutil.which("tesseract")


_AVAILABLE: dict[str, str | None] = {}


def tesseract_available() -> str | None:
    """None when tesseract with the Vietnamese model can run; else the one-line reason."""
    exe = _tesseract()
    if exe is None:
        return f"tesseract is not installed (install it: {INSTALL_HINT})"
    if exe in _AVAILABLE:
        return _AVAILABLE[exe]
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
        langs = set(out.stdout.split())
        reason = None if LANG in langs else f"tesseract has no Vietnamese model (install it: {INSTALL_HINT})"
    except (OSError, subprocess.SubprocessError) as e:
        reason = f"tesseract does not run ({type(e).__name__}: {e}; reinstall: {INSTALL_HINT})"
    _AVAILABLE[exe] = reason
    return reason


@functools.lru_cache(maxsize=None)
def engine_id() -> str:
    """The engine's version: part of the cache key (another version may read differently)."""
    exe = _tesseract()
    if exe is None:
        return "none"
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
        first = (out.stdout or out.stderr).splitlines()[0].strip()
    except (OSError, subprocess.SubprocessError, IndexError):
        first = "tesseract ?"
    return f"{first} {LANG} {DPI}dpi"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _pnm(image) -> bytes:
    """A PIL image as PGM/PPM bytes: no compression, what leptonica reads fastest."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB" if image.mode in ("RGBA", "P", "CMYK", "LA") else "L")
    buf = io.BytesIO()
    image.save(buf, "PPM")
    return buf.getvalue()


def _mean_confidence(tsv: str) -> float | None:
    confs = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            try:
                c = float(cols[10])
            except ValueError:
                continue
            if c >= 0:
                confs.append(c)
    return round(sum(confs) / len(confs), 1) if confs else None


def ocr_page(image) -> OcrPage:
    """OCR one PIL image; raises OcrUnavailable or RuntimeError (one-line reason)."""
    reason = tesseract_available()
    exe = _tesseract()
    if reason or exe is None:
        raise OcrUnavailable(reason or f"tesseract is not installed (install it: {INSTALL_HINT})")
    with tempfile.TemporaryDirectory(prefix="chidao-ocr-") as tmp:
        base = os.path.join(tmp, "page")
        try:
            proc = subprocess.run(
                [exe, "stdin", base, "-l", LANG, "--dpi", str(DPI), "txt", "tsv"],
                input=_pnm(image), capture_output=True, env=_env(), timeout=_PAGE_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"tesseract took over {_PAGE_TIMEOUT_S} s on a page") from None
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"tesseract failed: {err[-1] if err else f'exit {proc.returncode}'}")
        text = Path(base + ".txt").read_text("utf-8", "replace")
        tsv = Path(base + ".tsv").read_text("utf-8", "replace")
    # Tesseract ends every page with a form feed; the text keeps its own line breaks.
    text = text.replace("\x0c", "").strip("\n")
    return OcrPage(text=text, confidence=_mean_confidence(tsv))


def ocr_images(images: Iterable, *, jobs: int = 1,
               progress: Callable[[int, int], None] | None = None, total: int | None = None) -> list[OcrPage | Exception]:
    """OCR pages, ``jobs`` at a time, in order.

    ``images`` yields PIL images, or an exception for a page that could not be
    made (it is passed through). It is consumed in the calling thread (PDFium is
    not thread-safe) and at most ``jobs + 1`` pages are held at once. A page that
    fails becomes its exception in the list; the others are kept. Raises
    OcrUnavailable before any work when tesseract cannot run.
    """
    reason = tesseract_available()
    if reason:
        raise OcrUnavailable(reason)
    out: list[OcrPage | Exception] = []

    def one(image):
        if isinstance(image, Exception):
            return image
        try:
            return ocr_page(image)
        except Exception as e:  # noqa: BLE001 - one bad page must not lose the others
            return e

    def record(page) -> None:
        out.append(page)
        if progress:
            progress(len(out), total if total is not None else len(out))

    if jobs <= 1:
        for image in images:
            record(one(image))
        return out
    pending: deque = deque()
    with ThreadPoolExecutor(max_workers=jobs) as pool:  # the work is in the tesseract processes
        for image in images:
            pending.append(pool.submit(one, image))
            while len(pending) > jobs:
                record(pending.popleft().result())
        while pending:
            record(pending.popleft().result())
    return out


# --------------------------------------------------------------------------
# Cache: OCR text by file hash, in the workspace directory
# --------------------------------------------------------------------------

class OcrCache:
    """sha256 of a file (+ the engine) -> its OCR text and confidence, in one SQLite file.

    Kept beside the workspace database and apart from it: a workspace is
    replaced whole on every build and rebuilt from the files when chidao's
    version changes; the OCR of a file stays valid as long as the file and the
    engine are the same. Several worker processes may read and write at once.
    """

    _SCHEMA = ("CREATE TABLE IF NOT EXISTS ocr (sha256 TEXT, engine TEXT, text TEXT, confidence REAL, "
               "pages INTEGER, PRIMARY KEY (sha256, engine))")

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self._engine: str | None = None

    @property
    def engine(self) -> str:
        if self._engine is None:
            self._engine = engine_id()
        return self._engine

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute(self._SCHEMA)
        return con

    def get(self, sha256: str, pages: int | None = None) -> tuple[str, float | None, int] | None:
        if not os.path.exists(self.path):
            return None
        try:
            con = self._connect()
            try:
                row = con.execute("SELECT text, confidence, pages FROM ocr WHERE sha256 = ? AND engine = ?",
                                  (sha256, self.engine)).fetchone()
            finally:
                con.close()
        except sqlite3.Error:
            return None  # a damaged cache is a miss, never a failure
        return (row[0], row[1], row[2]) if row else None

    def put(self, sha256: str, text: str, confidence: float | None, pages: int) -> None:
        try:
            con = self._connect()
            try:
                with con:
                    con.execute("INSERT OR REPLACE INTO ocr VALUES (?, ?, ?, ?, ?)",
                                (sha256, self.engine, text, confidence, pages))
            finally:
                con.close()
        except sqlite3.Error:
            pass  # no cache is slower, not wrong
