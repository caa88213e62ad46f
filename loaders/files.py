"""Reading directive files (txt, docx, doc, rtf, pdf, html, and scans through OCR) into text.

The text returned is *not* normalised: downstream offsets refer to it, so an NFD
file stays NFD.  The only transformation applied to plain text is decoding, and
for legacy 8-bit Vietnamese encodings (TCVN3/ABC, VNI) the conversion of their
bytes to the Unicode letters the font would have drawn.

Fast path: a UTF-8 ``.txt`` costs one ``read``, one ``sha256`` and one strict
decode plus a NUL search and a control-character scan of the first 64 KiB.
All detection (UTF-16 sniffing, Windows-1258 vs TCVN3 vs VNI scoring) runs only
when strict UTF-8 fails.

A stray control byte in otherwise good text (a NUL left by a Word conversion) is
replaced by a space, same length, and named in ``LoadedText.warnings``; only a
file that is mostly control bytes is refused as binary. PDFs go through PDFium
page by page (a bad page is left out and named; a page without a text layer is
OCR'd), images through OCR (``ocr.py``), portal pages through ``html_text.py``.

Every failure surfaces as :class:`LoadError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import io
import os
import re
import shutil
import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ChidaoError
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
        self.path = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
        self.reason = _one_line(reason)
        super().__init__(self.path, self.reason)  # args match __init__: picklable

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UndecodableText(ValueError):
    """Raised by :func:`decode_text_bytes`; ``.reason`` is the LoadError reason."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


# --------------------------------------------------------------------------
# Legacy Vietnamese 8-bit encodings
# --------------------------------------------------------------------------

def _base_table() -> list[str]:
    """byte -> char as cp1252, with latin-1 for cp1252's five holes."""
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return out


# TCVN 5712:1993 VN3 (the "ABC" .VnTime fonts): one byte per letter.  There are
# no uppercase toned letters: headings set in .VnTimeH use the lowercase bytes
# and come back lowercase (the case lived in the font, not in the bytes).
_TCVN3_HIGH = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

_CP1252_TABLE = _base_table()
_TCVN3_DECODING = "".join(_TCVN3_HIGH.get(b, _CP1252_TABLE[b]) for b in range(256))
_CP1252_DECODING = "".join(_CP1252_TABLE)

# VNI-Windows: a base letter followed by a mark byte.  Marks (as cp1252 chars),
# lowercase / uppercase:
#   tone on a plain vowel:      sắc ù/Ù  huyền ø/Ø  hỏi û/Û  ngã õ/Õ  nặng ï/Ï
#   circumflex (a e o):         â/Â; with tone á/Á à/À å/Å ã/Ã ä/Ä
#   breve (a):                  ê/Ê; with tone é/É è/È ú/Ú ü/Ü ë/Ë
# Single bytes: ô/Ô = ơ/Ơ, ö/Ö = ư/Ư (then take a plain tone mark), ñ/Ñ = đ/Đ,
# and the i-family í ì æ ó ò = í ì ỉ ĩ ị (upper Í Ì Æ Ó Ò), î/Î = ỵ/Ỵ.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _build_vni() -> dict[str, str]:
    m: dict[str, str] = {}

    def add(lower_src: str, lower_dst: str) -> None:
        m[lower_src] = unicodedata.normalize("NFC", lower_dst)
        m[lower_src.upper()] = unicodedata.normalize("NFC", lower_dst).upper()

    for v in "aeiouy":
        for mark, tone in _VNI_TONES.items():
            add(v + mark, v + tone)
    for v in "aeo":
        for mark, tone in _VNI_CIRC.items():
            add(v + mark, v + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        add("a" + mark, "a\u0306" + tone)
    for base, dst in (("ô", "ơ"), ("ö", "ư")):
        add(base, dst)
        for mark, tone in _VNI_TONES.items():
            add(base + mark, dst + tone)
    for src, dst in (("ñ", "đ"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ")):
        add(src, dst)
    return m


_VNI_MAP = _build_vni()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_MAP, key=len, reverse=True)))


def _decode_tcvn3(data: bytes) -> str:
    return codecs.charmap_decode(data, "strict", _TCVN3_DECODING)[0]


def _decode_vni(data: bytes) -> str:
    text = codecs.charmap_decode(data, "strict", _CP1252_DECODING)[0]
    return _VNI_RE.sub(lambda mo: _VNI_MAP[mo.group()], text)


# --------------------------------------------------------------------------
# How Vietnamese does a decoded text look?
# --------------------------------------------------------------------------

_ONSETS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
    "ưa ưi ưu ươ iê yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu"
).split()
_CODAS = "c ch m n ng nh p t".split()


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


_SYLLABLE = re.compile(f"(?:{_alt(_ONSETS)})?(?:{_alt(_NUCLEI)})(?:{_alt(_CODAS)})?")
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=65536)
def _is_vietnamese_syllable(word: str) -> bool:
    d = unicodedata.normalize("NFD", word)
    toneless = d.translate(_TONE_MARKS)
    if len(d) - len(toneless) > 1:
        return False
    return _SYLLABLE.fullmatch(unicodedata.normalize("NFC", toneless)) is not None


def _vietnamese_score(text: str) -> tuple[int, int]:
    """(valid, invalid) counts over the words that carry a non-ASCII letter."""
    good = bad = 0
    for w in _WORD.findall(unicodedata.normalize("NFC", text)):
        if w.isascii():
            continue
        if _is_vietnamese_syllable(w.lower()):
            good += 1
        else:
            bad += 1
    return good, bad


# --------------------------------------------------------------------------
# Byte decoding
# --------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_SAMPLE_CHARS = 65536
_SCORE_BYTES = 8192  # enough words to tell the legacy encodings apart
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


# A text file with a few stray control bytes (checkbox glyphs a Word conversion left
# as NULs) is read, the bytes replaced by spaces (same length: offsets stay put) and
# warned about; a file whose first 64 KiB are more than this share control bytes is
# binary (compressed data and pictures run at about 11%).
_BINARY_CONTROL_PERCENT = 5
_CONTROL_NAMES = {"\x00": "NUL", "\x7f": "DEL"}


def _binary_reason(sample_has_nul: bool) -> str:
    return "binary content (NUL bytes)" if sample_has_nul else "binary content (control characters)"


def _check_not_binary(text: str) -> None:
    sample = text[:_SAMPLE_CHARS]
    n = len(_CONTROL.findall(sample))
    if n >= 4 and n * 100 > len(sample) * _BINARY_CONTROL_PERCENT:
        raise UndecodableText(_binary_reason("\x00" in sample))


def _check_utf8_not_binary(data: bytes) -> None:
    """_check_not_binary for valid UTF-8, on the bytes: C0 controls are single bytes there."""
    sample = data[:_SAMPLE_CHARS]
    n = len(sample.translate(None, _NOT_CONTROL_BYTES))
    if n >= 4 and n * 100 > len(sample) * _BINARY_CONTROL_PERCENT:
        raise UndecodableText(_binary_reason(b"\x00" in sample))


def _scrub_controls(text: str) -> tuple[str, str | None]:
    """Stray control characters replaced by spaces, and the warning that says so."""
    found = _CONTROL.findall(text)
    if not found:
        return text, None
    counts: dict[str, int] = {}
    for ch in found:
        name = _CONTROL_NAMES.get(ch, f"U+{ord(ch):04X}")
        counts[name] = counts.get(name, 0) + 1
    what = ", ".join(f"{n} {name}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return _CONTROL.sub(" ", text), f"{len(found)} stray control character(s) replaced by spaces ({what})"


def _sniff_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd * 5 >= pairs and even * 50 <= pairs:
        return "utf-16-le"
    if even * 5 >= pairs and odd * 50 <= pairs:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise UndecodableText("undecodable (invalid UTF-16)") from None
    _check_not_binary(text)
    return text, name


def _lossy_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (e.g. a file cut mid-character), else None."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - bad
    if bad and non_ascii >= 20 * bad:
        return text
    return None


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a plain-text file: ``(text, encoding name)``.

    Raises :class:`UndecodableText` (a ValueError with ``.reason``) for binary or
    undecodable content.  Does not judge emptiness.
    """
    # BOMs first.
    if data[:3] == b"\xef\xbb\xbf":
        try:
            text = data[3:].decode("utf-8")
            name = "utf-8-sig"
        except UnicodeDecodeError:
            text = _lossy_utf8(data[3:])
            if text is None:
                raise UndecodableText("undecodable (invalid UTF-8 after BOM)") from None
            name = "utf-8-sig-lossy"
        _check_not_binary(text)
        return text, name
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _decode_utf16(data, "utf-16", "utf-16")

    # The common case: strict UTF-8.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" in data:  # ASCII-only UTF-16 is valid UTF-8 with NULs
            codec = _sniff_utf16(data)
            if codec:
                return _decode_utf16(data, codec, codec)
        _check_utf8_not_binary(data)
        return text, "utf-8"

    if b"\x00" in data:
        codec = _sniff_utf16(data)
        if codec:
            return _decode_utf16(data, codec, codec)
        _check_utf8_not_binary(data)  # control bytes are single bytes in every 8-bit encoding too

    lossy = _lossy_utf8(data)
    if lossy is not None:
        _check_not_binary(lossy)
        return lossy, "utf-8-lossy"

    return _decode_8bit(data)


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Windows-1258 vs TCVN3 vs VNI: keep whichever reads most like Vietnamese."""
    head = data[:_SCORE_BYTES]
    candidates: list[tuple[str, Callable[[bytes], str]]] = []
    try:
        head.decode("cp1258")
        cp1258_ok = True
    except UnicodeDecodeError:
        # A cut at _SCORE_BYTES cannot split a character in an 8-bit encoding.
        cp1258_ok = False
    if cp1258_ok:
        candidates.append(("windows-1258", lambda b: b.decode("cp1258")))
    candidates.append(("tcvn3", _decode_tcvn3))
    candidates.append(("vni", _decode_vni))

    best = None
    for rank, (name, fn) in enumerate(candidates):
        good, bad = _vietnamese_score(fn(head))
        key = (good - bad, -rank)  # ties go to the earlier candidate (cp1258)
        if best is None or key > best[0]:
            best = (key, name, fn, good)
    _, name, fn, good = best
    if not good and not cp1258_ok:
        raise UndecodableText("undecodable (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)")
    try:
        text = fn(data)
    except UnicodeDecodeError:
        raise UndecodableText("undecodable (invalid Windows-1258)") from None
    _check_not_binary(text)
    return text, name


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
        with open(spath, "rb") as f:
            # read(n) allocates n bytes up front: ask for the size stat gave, +1 to see growth
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += f.read(max_bytes + 1 - len(data))
    except PermissionError:
        raise LoadError(spath, "permission denied") from None
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
    return LoadedText(path=spath, text=text, encoding=encoding, sha256=digest, size=size,
                      ocr_confidence=confidence, ocr_pages=ocr_pages, warnings=warnings)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def _walk(directory: str) -> Iterator[Path]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        raise LoadError(directory, "permission denied") from None
    for entry in entries:
        if _skipped(entry.name):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path)
        elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES:
            yield Path(entry.path)


def iter_document_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read, in a deterministic order.

    Directories are walked recursively in sorted name order (symlinked
    directories are not followed; hidden entries and ``~$`` Word lock files are
    skipped) keeping :data:`SUPPORTED_SUFFIXES`.  A file named explicitly is
    yielded whatever its suffix.  A missing path raises :class:`LoadError`.
    """
    for p in paths:
        sp = os.fspath(p)
        if not os.path.exists(sp):
            raise LoadError(sp, "no such file or directory")
        if os.path.isdir(sp):
            yield from _walk(sp)
        else:
            yield Path(sp)
