"""Bytes to text: UTF-8 (strict, then lossy), UTF-16, Windows-1258 and the legacy Vietnamese
8-bit encodings (TCVN3/ABC, VNI), told apart by how Vietnamese the decoded words look; and the
stray-control scan that tells a text with a NUL left by a Word conversion from a binary file.

``files.read_document`` calls :func:`decode_text_bytes` for plain text and for HTML without a
usable charset; this module knows nothing of file formats.

>>> decode_text_bytes("Kết luận".encode("utf-8"))
('Kết luận', 'utf-8')
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Callable

__all__ = ["UndecodableText", "decode_text_bytes"]


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
            lossy = _lossy_utf8(data[3:])
            if lossy is None:
                raise UndecodableText("undecodable (invalid UTF-8 after BOM)") from None
            text = lossy
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

    best: tuple | None = None
    for rank, (name, fn) in enumerate(candidates):
        good, bad = _vietnamese_score(fn(head))
        key = (good - bad, -rank)  # ties go to the earlier candidate (cp1258)
        if best is None or key > best[0]:
            best = (key, name, fn, good)
    assert best is not None  # tcvn3 and vni are always candidates
    _, name, fn, good = best
    if not good and not cp1258_ok:
        raise UndecodableText("undecodable (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)")
    try:
        text = fn(data)
    except UnicodeDecodeError:
        raise UndecodableText("undecodable (invalid Windows-1258)") from None
    _check_not_binary(text)
    return text, name


