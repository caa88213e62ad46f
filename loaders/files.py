"""Reading directive files (txt, docx, doc, rtf, pdf, html, and scans through OCR) into text.

The text returned is *not* normalised: downstream offsets refer to it, so an NFD
file stays NFD.  The only transformation applied to plain text is decoding, and
for legacy 8-bit Vietnamese encodings (TCVN3/ABC, VNI) the conversion of their
bytes to the Unicode letters the font would have drawn.

Fast path: a UTF-8 ``.txt`` costs one ``read``, one ``sha256`` and one strict
decode plus a NUL search and a control-character scan of the first 64 KiB.
All detection (UTF-16 sniffing, Windows-1258 vs TCVN3 vs VNI scoring: ``encodings.py``)
runs only when strict UTF-8 fails.

A stray control byte in otherwise good text (a NUL left by a Word conversion) is
replaced by a space, same length, and named in ``LoadedText.warnings``; only a
file that is mostly control bytes is refused as binary. PDFs go through PDFium
page by page (a bad page is left out and named; a page without a text layer is
OCR'd), images through OCR (``ocr.py``), portal pages through ``html_text.py``.

Every failure surfaces as :class:`LoadError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import re
import shutil
import stat
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ChidaoError, printable
from .encodings import _NOT_CONTROL_BYTES, UndecodableText, _check_not_binary, _scrub_controls, decode_text_bytes
from .html_text import html_main_text
from .ocr import DPI as OCR_DPI
from .ocr import IMAGE_SUFFIXES, OcrCache, OcrOptions, OcrUnavailable, ocr_images, tesseract_available

__all__ = [
    "SUPPORTED_SUFFIXES",
    "MAX_BYTES",
    "LoadedText",
    "LoadError",
    "UndecodableText",
    "read_document",
    "iter_document_paths",
    "display_path",
    "decode_text_bytes",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".docx", ".doc", ".rtf", ".pdf", ".html", ".htm"}) | IMAGE_SUFFIXES
MAX_BYTES = 50 * 1024 * 1024

# A .docx whose parts inflate beyond this many times max_bytes is refused (zip bomb).
_DOCX_INFLATE_FACTOR = 10
_REASON_MAX = 300


@dataclass(frozen=True)
class LoadedText:
    path: str
    text: str
    encoding: str
    sha256: str
    size: int
    ocr_confidence: float | None = None  # mean word confidence (0-100) when the text came from OCR
    ocr_pages: int = 0  # pages read through OCR
    warnings: tuple[str, ...] = ()  # what was repaired or left out ("page 3: unreadable (...)")


def _one_line(s: str, limit: int = _REASON_MAX) -> str:
    s = " ".join(str(s).split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s


class LoadError(ChidaoError):
    """A file that cannot be read, with a one-line reason."""

    def __init__(self, path, reason):
        self.path = display_path(path if isinstance(path, (str, bytes, os.PathLike)) else str(path))
        self.reason = _one_line(reason)
        super().__init__(self.path, self.reason)  # args match __init__: picklable

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Declared 8-bit Western charsets on Vietnamese pages often hide TCVN3/VNI
# (.VnTime fonts); let the byte detector decide for those.
_EIGHT_BIT_DECLARED = {"cp1252", "iso8859-1", "cp1258", "ascii", "iso8859-15"}  # codecs.lookup names

def _decode_html(data: bytes) -> tuple[str, str]:
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text, name = decode_text_bytes(data)
        return text, "html:" + name
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            codec = codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            codec = None
        if codec and codec not in _EIGHT_BIT_DECLARED:
            if codec in ("utf-16", "utf-16-le", "utf-16-be"):
                codec = None  # a UTF-16 page without BOM cannot hold an ASCII meta; ignore
            else:
                try:
                    text = data.decode(codec)
                except UnicodeDecodeError:
                    pass
                else:
                    _check_not_binary(text)
                    return text, "html:" + codec
    text, name = decode_text_bytes(data)
    return text, "html:" + name


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------

def _docx_text(data: bytes, max_bytes: int) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UndecodableText("corrupt .docx (not a zip archive, or truncated)") from None
    with zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise UndecodableText("corrupt .docx (no word/document.xml)")
        inflated = sum(i.file_size for i in zf.infolist())
        if inflated > _DOCX_INFLATE_FACTOR * max_bytes:
            raise UndecodableText(
                f"corrupt .docx (inflates to {inflated} bytes, limit {_DOCX_INFLATE_FACTOR * max_bytes})"
            )
        bad = zf.testzip()
        if bad is not None:
            raise UndecodableText(f"corrupt .docx (bad CRC in {bad})")

    import docx  # python-docx; imported lazily, the txt path does not need it
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises a variety (KeyError, ValueError, lxml errors)
        raise UndecodableText(f"corrupt .docx ({type(e).__name__}: {e})") from None

    P, TBL, SDT, SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
    lines: list[str] = []

    def blank() -> None:
        if lines and lines[-1] != "":
            lines.append("")

    def walk(container_elm, parent) -> None:
        for child in container_elm.iterchildren():
            tag = child.tag
            if tag == P:
                lines.append(Paragraph(child, parent).text)
            elif tag == TBL:
                table(Table(child, parent))
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    walk(content, parent)

    def table(tbl) -> None:
        blank()
        seen: set[int] = set()
        for row in tbl.rows:
            for cell in row.cells:  # merged cells repeat: emit each once
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                start = len(lines)
                walk(cell._tc, cell)
                if all(not s.strip() for s in lines[start:]):
                    del lines[start:]
                    continue
                blank()
        blank()

    walk(document.element.body, document)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


# --------------------------------------------------------------------------
# PDF: text layer through PDFium, OCR for the pages that have none
# --------------------------------------------------------------------------

# pypdfium2 (PDFium) against pypdf on the made-up multi-page Công văn PDFs of
# the tests (benchmarks/pdf_text.py): 0.5 ms against 2.8 ms a page, single
# spaces where pypdf doubles them in justified lines, and the text runs' boxes,
# which let a header's two columns be read one after the other; the same
# library rasterises pages for OCR (0.05 s a page at 200 dpi).
_COLUMN_GAP_PT = 36  # half an inch of white between the header's two columns
_HEADER_TOP_SHARE = 0.45  # the header sits in the top part of the first page


@dataclass(frozen=True)
class PdfPages:
    """What the text layer gave: one entry per page (None: no text there), and
    the reasons for the pages that could not be read at all."""

    texts: tuple[str | None, ...]
    bad: tuple[tuple[int, str], ...] = ()


def _pdfium():
    import pypdfium2 as pdfium  # imported lazily: only PDFs need it

    return pdfium


def _open_pdf(data: bytes):
    pdfium = _pdfium()
    if b"%PDF-" not in data[:1024]:
        raise UndecodableText("corrupt .pdf (no %PDF- header)")
    truncated = b"%%EOF" not in data[-2048:]
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise UndecodableText("encrypted .pdf (password required)") from None
        if truncated:
            raise UndecodableText("corrupt .pdf (truncated: no %%EOF marker)") from None
        raise UndecodableText(f"corrupt .pdf ({msg})") from None


def _lines_of_rects(textpage) -> list[list[tuple[float, float, float, float]]]:
    """The text runs' boxes (left, bottom, right, top), grouped into lines top to bottom."""
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    lines: list[list[tuple[float, float, float, float]]] = []
    for r in sorted(rects, key=lambda r: (-r[3], r[0])):
        mid = (r[1] + r[3]) / 2
        if lines and lines[-1][0][1] <= mid <= lines[-1][0][3]:
            lines[-1].append(r)
        else:
            lines.append([r])
    return lines


def _two_column_header(textpage, height: float) -> tuple[str, float] | None:
    """A Công văn's header is two columns side by side (issuer and number on the left,
    motto, place and date on the right), drawn line by line across both. Read
    the left column, then the right one; return (header text, its bottom)."""
    lines = _lines_of_rects(textpage)
    split = None
    for line in lines:
        if line[0][3] < height * (1 - _HEADER_TOP_SHARE):
            break
        line.sort()
        for a, b in zip(line, line[1:]):
            if b[0] - a[2] >= _COLUMN_GAP_PT:
                split = (a[2] + b[0]) / 2  # the middle of the white between the columns
                break
        if split is not None:
            break
    if split is None:
        return None
    left: list[str] = []
    right: list[str] = []
    bottom = height
    for line in lines:
        if any(r[0] < split < r[2] for r in line):  # a line across the split: the body begins
            break
        if line[0][3] < height * (1 - _HEADER_TOP_SHARE):
            break
        for side, rs in ((left, [r for r in line if r[2] <= split]), (right, [r for r in line if r[0] >= split])):
            if rs:
                side.append(" ".join(textpage.get_text_bounded(*r).strip() for r in sorted(rs)))
        bottom = min(r[1] for r in line)
    if not left or not right:
        return None
    return "\n".join(left) + "\n\n" + "\n".join(right), bottom


def _page_text(page, first: bool) -> str:
    textpage = page.get_textpage()
    try:
        if first:
            width, height = page.get_size()
            header = _two_column_header(textpage, height)
            if header is not None:
                head, bottom = header
                rest = textpage.get_text_bounded(top=bottom - 0.5)
                return head + "\n\n" + rest.replace("\r\n", "\n").replace("\r", "\n")
        text = textpage.get_text_bounded()
        return text.replace("\r\n", "\n").replace("\r", "\n")
    finally:
        textpage.close()


def _pdf_pages(data: bytes) -> PdfPages:
    doc = _open_pdf(data)
    try:
        n = len(doc)
        if n == 0:
            raise UndecodableText("corrupt .pdf (no pages)")
        texts: list[str | None] = []
        bad: list[tuple[int, str]] = []
        for i in range(n):
            try:
                page = doc[i]
                try:
                    t = _page_text(page, first=not any(texts))
                finally:
                    page.close()
            except Exception as e:  # noqa: BLE001 - one bad page keeps the others
                bad.append((i + 1, _one_line(f"{type(e).__name__}: {e}", 120)))
                texts.append(None)
                continue
            texts.append(t if t.strip() else None)
        return PdfPages(tuple(texts), tuple(bad))
    finally:
        doc.close()


# --------------------------------------------------------------------------
# Scans: images and PDF pages without a text layer, through OCR
# --------------------------------------------------------------------------

def _ocr_off_reason(options: OcrOptions) -> str | None:
    if not options.enabled:
        return "OCR is off (--no-ocr)"
    return tesseract_available()


def _image_pages(data: bytes) -> tuple[int, Iterator]:
    """(pages, iterator of PIL images) of an image file: every frame of a multi-page TIFF."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # Pillow warns (e.g. "Corrupt EXIF data") on what it then refuses or reads
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            image.load()
    except UnidentifiedImageError:
        raise UndecodableText("corrupt image (not a PNG, JPEG or TIFF picture)") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as e:
        raise UndecodableText(f"corrupt image (truncated or unreadable: {e})") from None

    def pages():
        for frame in ImageSequence.Iterator(image):
            try:
                yield frame.copy()
            except (OSError, ValueError) as e:
                yield UndecodableText(f"corrupt image frame ({e})")

    return frames, pages()


def _ocr_text(pages, total: int, options: OcrOptions, path: str, numbers: list[int] | None = None,
              ) -> tuple[list[str | None], list[float], list[str]]:
    """OCR the pages: (text per page or None, confidences, warnings naming the page numbers)."""
    report = options.progress
    progress = (lambda done, n: report(path, done, n)) if report else None
    try:
        results = ocr_images(pages, jobs=options.jobs, progress=progress, total=total)
    except OcrUnavailable as e:
        raise UndecodableText(f"scanned: {e}") from None
    texts: list[str | None] = []
    confs: list[float] = []
    warnings: list[str] = []
    for i, r in enumerate(results, 1):
        if isinstance(r, Exception):
            texts.append(None)
            reason = r.reason if isinstance(r, UndecodableText) else _one_line(str(r), 160)
            warnings.append(f"page {numbers[i - 1] if numbers else i}: OCR failed ({reason})")
            continue
        texts.append(r.text if r.text.strip() else None)
        if r.confidence is not None and r.text.strip():
            confs.append(r.confidence)
    return texts, confs, warnings


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _join_pages(texts: Iterable[str | None]) -> str:
    return "\n\n".join(t.strip("\n") for t in texts if t)


def _read_image(data: bytes, digest: str, options: OcrOptions, path: str) -> tuple[str, str, float | None, int, tuple[str, ...]]:
    cache = OcrCache(options.cache) if options.cache else None
    hit = cache.get(digest) if cache else None
    if hit is not None:
        text, conf, pages = hit
    else:
        total, pages_iter = _image_pages(data)  # a corrupt picture is refused before OCR is asked for
        off = _ocr_off_reason(options)
        if off:
            raise UndecodableText(f"scanned image: {off}")
        texts, confs, warnings = _ocr_text(pages_iter, total, options, path)
        if warnings and not any(texts):
            raise UndecodableText(warnings[0])
        text, conf, pages = _join_pages(texts), _mean(confs), total
        if cache is not None and not warnings:
            cache.put(digest, text, conf, pages)
    if not text.strip():
        raise UndecodableText("no text found by OCR (a picture without writing?)")
    return text, "ocr", conf, pages, ()


def _read_pdf(data: bytes, digest: str, options: OcrOptions, path: str) -> tuple[str, str, float | None, int, tuple[str, ...]]:
    layer = _pdf_pages(data)
    warnings = [f"page {n}: unreadable ({why})" for n, why in layer.bad]
    missing = [i for i, t in enumerate(layer.texts) if t is None and (i + 1) not in dict(layer.bad)]
    if not missing:
        if not any(layer.texts):
            raise UndecodableText(f"corrupt .pdf (no page could be read: {warnings[0]})")
        return _join_pages(layer.texts), "pdf", None, 0, tuple(warnings)
    cache = OcrCache(options.cache) if options.cache else None
    hit = cache.get(digest) if cache else None
    if hit is not None:
        text, conf, _pages = hit
        if not text.strip():
            raise UndecodableText("no text layer (scanned?) and no text found by OCR")
        return text, "pdf+ocr" if conf is not None else "pdf", conf, len(missing), tuple(warnings)
    off = _ocr_off_reason(options)
    if off:
        if not any(layer.texts):
            raise UndecodableText(f"no text layer (scanned?): {off}")
        pages = ", ".join(str(i + 1) for i in missing)
        warnings.append(f"pages without a text layer left out ({pages}): {off}")
        return _join_pages(layer.texts), "pdf", None, 0, tuple(warnings)

    def rasterised():
        doc = _open_pdf(data)
        try:
            for i in missing:
                try:
                    page = doc[i]
                    try:
                        yield page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
                    finally:
                        page.close()
                except Exception as e:  # noqa: BLE001 - a page PDFium cannot draw
                    yield UndecodableText(_one_line(f"cannot rasterise: {type(e).__name__}: {e}", 160))
        finally:
            doc.close()

    ocr_texts, confs, ocr_warnings = _ocr_text(rasterised(), len(missing), options, path, [i + 1 for i in missing])
    warnings += ocr_warnings
    failed = {w.split(":")[0] for w in ocr_warnings}
    blank = [str(i + 1) for i, t in zip(missing, ocr_texts) if t is None and f"page {i + 1}" not in failed]
    if blank and len(blank) < len(layer.texts):
        warnings.append(f"no text on page(s) {', '.join(blank)} (no text layer, nothing found by OCR)")
    merged = list(layer.texts)
    for i, t in zip(missing, ocr_texts):
        merged[i] = t
    text, conf = _join_pages(merged), _mean(confs)
    if cache is not None and not ocr_warnings:
        cache.put(digest, text, conf, len(missing))  # a blank scan is not OCR'd again either
    if not text.strip():
        raise UndecodableText("no text layer (scanned?) and no text found by OCR")
    return text, "pdf+ocr" if any(ocr_texts) else "pdf", conf if any(ocr_texts) else None, len(missing), tuple(warnings)


# --------------------------------------------------------------------------
# Word 97 (.doc) and RTF
# --------------------------------------------------------------------------

# catdoc against antiword on the Word 97 fixture (tests/fixtures/files/congvan.doc,
# made by LibreOffice from a .docx; benchmarks/doc_text.py): both keep every
# Vietnamese letter and take 1 ms, but antiword draws the header table as two
# columns side by side ("|ĐẢNG BỘ TỈNH ... |ĐẢNG CỘNG SẢN VIỆT NAM |"), which
# loses the date and place (9% character error); catdoc writes one cell after
# the other (0%). antiword is the fallback when only it is installed.
_DOC_CONVERTERS = (("catdoc", ["catdoc", "-d", "utf-8", "-w"]), ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"]))
DOC_INSTALL_HINT = "apt-get install catdoc"


def _doc_text(data: bytes) -> tuple[str, str]:
    import subprocess

    if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if data[:5] == b"{\\rtf":
            return _rtf_text(data), "rtf"
        raise UndecodableText("corrupt .doc (not a Word 97-2003 file)")
    for name, argv in _DOC_CONVERTERS:
        exe = shutil.which(argv[0])
        if exe is None:
            continue
        try:
            proc = subprocess.run([exe, *argv[1:], "-"], input=data, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            raise UndecodableText(f"{name} took over 120 s") from None
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UndecodableText(f"corrupt .doc ({name}: {err[-1] if err else f'exit {proc.returncode}'})")
        return proc.stdout.decode("utf-8", "replace"), f"doc:{name}"
    raise UndecodableText(f"Word 97 .doc needs antiword or catdoc (install it: {DOC_INSTALL_HINT})")


def _rtf_text(data: bytes) -> str:
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError:
        raise UndecodableText("an .rtf needs the optional striprtf package (pip install 'chidao[formats]')") from None
    try:
        markup = data.decode("ascii")
    except UnicodeDecodeError:
        markup = data.decode("cp1252", "replace")  # RTF is 7-bit; stray 8-bit bytes are Windows ANSI
    try:
        return rtf_to_text(markup, errors="replace")
    except Exception as e:  # noqa: BLE001 - striprtf raises a variety on broken groups
        raise UndecodableText(f"corrupt .rtf ({type(e).__name__}: {e})") from None


# --------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------

def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES, ocr: OcrOptions | None = None) -> LoadedText:
    """Read one file into :class:`LoadedText`; any failure is a :class:`LoadError`.

    ``ocr`` says whether and how scans are OCR'd (default: on, one page at a
    time, no cache).
    """
    spath = os.fspath(path)
    try:
        return _read(spath, max_bytes, ocr or OcrOptions())
    except LoadError:
        raise
    except UndecodableText as e:
        raise LoadError(spath, e.reason) from None
    except Exception as e:  # never let anything else escape
        raise LoadError(spath, f"unreadable: {type(e).__name__}: {e}") from None


def _read(spath: str, max_bytes: int, ocr: OcrOptions) -> LoadedText:
    try:
        st = os.stat(spath)
    except FileNotFoundError:
        raise LoadError(spath, "no such file or directory") from None
    except PermissionError:
        raise LoadError(spath, "permission denied") from None
    except NotADirectoryError:
        raise LoadError(spath, "no such file or directory") from None
    except OSError as e:  # a name too long, a symlink loop...
        raise LoadError(spath, _os_reason(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(spath, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError(spath, "not a regular file")

    suffix = os.path.splitext(spath)[1].lower()
    if suffix not in SUPPORTED_SUFFIXES:
        if suffix:
            raise LoadError(spath, f"unsupported file type {suffix!r}")
        raise LoadError(spath, "unsupported file type (no suffix)")

    if st.st_size > max_bytes:
        raise LoadError(spath, f"file too large ({st.st_size} bytes, limit {max_bytes})")
    try:
        # O_NONBLOCK: a file swapped for a FIFO since stat must not block the open
        fd = os.open(spath, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise LoadError(spath, "not a regular file")
        with open(fd, "rb") as f:
            # read(n) allocates n bytes up front: ask for the size stat gave, +1 to see growth
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += f.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise LoadError(spath, "vanished while being read") from None
    except OSError as e:
        raise LoadError(spath, _os_reason(e)) from None
    if len(data) > max_bytes:  # grew since stat
        raise LoadError(spath, f"file too large (over {max_bytes} bytes, limit {max_bytes})")
    if not data:
        raise LoadError(spath, "empty file (0 bytes)")

    digest = hashlib.sha256(data).hexdigest()
    size = len(data)
    confidence: float | None = None
    ocr_pages = 0
    warnings: tuple[str, ...] = ()

    if suffix == ".txt":
        text, encoding = decode_text_bytes(data)
        if not text or text.isspace():
            raise LoadError(spath, "empty file (only whitespace)")
    elif suffix in (".html", ".htm"):
        markup, encoding = _decode_html(data)
        if not markup or markup.isspace():
            raise LoadError(spath, "empty file (only whitespace)")
        text = html_main_text(markup)
        if not text.strip():
            raise LoadError(spath, "empty document (no text)")
    elif suffix == ".docx":
        text, encoding = _docx_text(data, max_bytes), "docx"
        if not text.strip():
            raise LoadError(spath, "empty document (no text)")
    elif suffix in (".doc", ".rtf"):
        if suffix == ".rtf":
            text, encoding = _rtf_text(data), "rtf"
        else:
            text, encoding = _doc_text(data)
        if not text.strip():
            raise LoadError(spath, "empty document (no text)")
    elif suffix in IMAGE_SUFFIXES:
        text, encoding, confidence, ocr_pages, warnings = _read_image(data, digest, ocr, spath)
    else:  # .pdf
        text, encoding, confidence, ocr_pages, warnings = _read_pdf(data, digest, ocr, spath)
    # UTF-8 holds C0 controls as single bytes: the bytes say in 1 ms a MB (the regex takes 6).
    if not (encoding == "utf-8" and not data.translate(None, _NOT_CONTROL_BYTES)):
        text, stray = _scrub_controls(text)
        if stray:
            warnings = (*warnings, stray)
    return LoadedText(path=display_path(spath), text=text, encoding=encoding, sha256=digest, size=size,
                      ocr_confidence=confidence, ocr_pages=ocr_pages, warnings=warnings)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def _os_reason(e: OSError) -> str:
    """The reason of an OSError, for one line (errno names the common ones)."""
    if isinstance(e, PermissionError):
        return "permission denied"
    if e.errno == errno.ENAMETOOLONG:
        return "path too long"
    if e.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return e.strerror or type(e).__name__


def display_path(path: str | os.PathLike) -> str:
    """``path`` as text that can be printed and stored (see ``errors.printable``): bytes that are
    not UTF-8 become ``\\xNN``, a newline or an ESC become escapes. The key under which a file is
    stored and shown; the file itself is always read under its real name."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        s = os.fsdecode(s)
    return printable(s)


def _walk(directory: str, on_error: Callable[[str, str], None]) -> Iterator[Path]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        on_error(directory, _os_reason(e))
        return
    for entry in entries:
        if _skipped(entry.name):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, on_error)
        elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES:
            yield Path(entry.path)


def _raise(path: str, reason: str) -> None:
    raise LoadError(path, reason)


def iter_document_paths(paths: Iterable[str | Path],
                        on_error: Callable[[str, str], None] | None = None) -> Iterator[Path]:
    """Files to read, in a deterministic order.

    Directories are walked recursively in sorted name order (symlinked
    directories are not followed; hidden entries and ``~$`` Word lock files are
    skipped) keeping :data:`SUPPORTED_SUFFIXES`.  A file named explicitly is
    yielded whatever its suffix.  A path given that does not exist or cannot be
    read at all raises :class:`LoadError`.  A folder *under* it that cannot be
    read is reported to ``on_error(path, reason)`` and the walk goes on (without
    ``on_error``, it raises too).
    """
    report = on_error or _raise
    for p in paths:
        sp = os.fspath(p)
        try:
            st = os.stat(sp)
        except OSError as e:
            reason = "no such file or directory" if isinstance(e, FileNotFoundError) else _os_reason(e)
            raise LoadError(display_path(sp), reason) from None
        if stat.S_ISDIR(st.st_mode):
            try:
                os.scandir(sp).close()
            except OSError as e:
                raise LoadError(display_path(sp), f"cannot read the folder: {_os_reason(e)}") from None
            yield from _walk(sp, lambda path, reason: report(display_path(path), reason))
        else:
            yield Path(sp)
