"""Stage 1, clean: the matching form of a text, with a map back to the original.

Documents arrive in NFC or NFD, with old or new tone placement ("Uỷ"/"Ủy"),
"Ð" (U+00D0) typed for "Đ" and assorted dashes. Patterns match the normalised
form; every offset a user sees refers to the original string, through
``Normalized.to_original``.

Only NFC composition changes the length of the text. Everything else
(tone re-placement, Ð→Đ, dashes, OCR slips) is length-preserving, so for the
common case of an NFC file the offset map is the identity and costs nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from .vocabulary import OCR_PHRASE_FIXES, OCR_TYPE_CODE_SLIPS, OCR_WORD_FIXES, TYPE_BY_CODE

__all__ = ["Normalized", "normalize", "fold", "match_form", "symbol_form", "symbol_key"]

# Length-preserving character fixes: Ð (U+00D0, Icelandic eth) looks like Đ
# (U+0110); en/em dashes, minus, non-breaking hyphen become "-"; exotic spaces become " ".
_CHAR_FIXES = str.maketrans({
    "\u00d0": "\u0110", "\u00f0": "\u0111",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2011": "-", "\u2010": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ",
})

# Old tone placement on open syllables oa, oe, uy (hoà, khoẻ, thuỷ) versus the
# new one (hòa, khỏe, thủy). Closed syllables (hoàn, thuyền) agree in both
# conventions, and after "q" the u is part of the consonant (quý), so only a
# two-vowel syllable ending the word is rewritten.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _old_to_new_pairs() -> dict[str, str]:
    pairs = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for case in (str.lower, str.upper, str.capitalize):
                old = case(first + unicodedata.normalize("NFC", second + tone))
                new = case(unicodedata.normalize("NFC", first + tone) + second)
                pairs[old] = new
    return pairs


_OLD_TO_NEW = _old_to_new_pairs()
# One character class per position keeps the scan in C; the pair table decides.
# (The lookbehind comes after the first letter so the scan can skip to o/u: see patterns.py.)
_OLD_TONE_RE = re.compile(
    r"[oOuU](?<![qQ].)[" + "".join(sorted({k[1] for k in _OLD_TO_NEW})) + r"](?!\w)"
)
_VOWELS = frozenset("aăâeêioôơuưy")


def _retone(match: re.Match) -> str:
    start = match.start()
    # "uoà" or "ươỷ" is not a two-vowel syllable: leave three-vowel nuclei alone.
    if start and _fold_char(match.string[start - 1]) in _VOWELS:
        return match.group(0)
    return _OLD_TO_NEW.get(match.group(0), match.group(0))


def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[0].lower()


# OCR slips of whole words, length-preserving ("cơng" for "công", "ƯBND" for "UBND").
_OCR_RE = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in OCR_WORD_FIXES})) + r"])(?<!\w)("
    + "|".join(map(re.escape, sorted(OCR_WORD_FIXES, key=len, reverse=True))) + r")(?!\w)"
)


@dataclass(frozen=True)
class Normalized:
    """A text in matching form. ``offsets[i]`` is the original index of ``text[i]``;
    None means the two strings align character for character."""

    original: str
    text: str
    offsets: Sequence[int] | None = None  # an array("i"): 4 bytes a character

    def to_original(self, index: int) -> int:
        """Map an index (a start, or an end) in ``text`` back to ``original``."""
        if self.offsets is None:
            return index
        if index >= len(self.text):
            return len(self.original)
        return self.offsets[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised slice text[start:end]."""
        if self.offsets is None:
            return start, end
        # The end maps to the start of the next cluster, so a composed
        # character is never cut in half in the original.
        return self.to_original(start), self.to_original(end)


_MARKS = frozenset(map(chr, range(0x300, 0x370)))  # the combining marks Vietnamese NFD uses
_MARK_RE = re.compile("[\u0300-\u036f]")


class _NotMark(dict):
    """str.translate table: a mark of _MARKS -> "\x00", any other character -> "\x01",
    filled as characters are met."""

    def __missing__(self, codepoint: int) -> str:
        value = self[codepoint] = "\x00" if chr(codepoint) in _MARKS else "\x01"
        return value


_NOT_MARK = _NotMark()


# Characters no combining mark is among: Latin, its marks U+0300-036F (what Vietnamese
# decomposes to), Latin Extended Additional (ạ...ỹ), general punctuation. Only runs of
# other characters are asked unicodedata.combining, so a Vietnamese text is checked in C.
_UNCOMMON_RE = re.compile("[^\x00-\u036f\u1e00-\u1eff\u2010-\u205f]+")


def _has_other_marks(text: str) -> bool:
    """Whether text holds a combining character outside U+0300-036F (Syriac, Hebrew points, ...):
    their clusters need the slow path, which groups a base with all its marks."""
    combining = unicodedata.combining
    return any(combining(ch) for m in _UNCOMMON_RE.finditer(text) for ch in m.group())


def _nfc_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """NFC-compose text, recording for each output character the index of
    the original cluster it came from. Only called for non-NFC input.

    In the usual case every cluster (a base letter and its marks) composes into
    one character, so the offsets are the positions of the characters that are
    not marks: one pass, no per-cluster normalisation. Anything else (a mark
    that does not compose, other combining ranges) takes the slow path."""
    composed = unicodedata.normalize("NFC", text)
    marks = _MARKS
    # An array of machine integers (4 bytes a character, not a list of int objects at
    # ~36): a 5 MB decomposed text maps back in 20 MB. Filled from iterators, in C.
    mask = text.translate(_NOT_MARK).encode("latin-1")  # b"\x01" a base, b"\x00" a mark
    offsets = array("i", compress(range(len(text)), mask))
    if (
        len(offsets) == len(composed)
        and not (text and text[0] in marks) and not _MARK_RE.search(composed)
        and not _has_other_marks(text)
    ):
        return composed, offsets
    return _nfc_with_offsets_slowly(text)


def _nfc_with_offsets_slowly(text: str) -> tuple[str, Sequence[int]]:
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        out.append(cluster)
        offsets.extend([i] * len(cluster))
        i = j
    return "".join(out), array("i", offsets)


# The fixes as (character, fix) pairs: a test and a replace per character a text holds run in C
# at memchr speed, where one str.translate over a dict walks the text in Python objects (9x slower
# over a generated document, 3 December).
_CHAR_FIX_PAIRS = tuple((chr(code), fix) for code, fix in _CHAR_FIXES.items())


def _fix_chars(text: str) -> str:
    """``text.translate(_CHAR_FIXES)``, faster (each fix is one character for one)."""
    for char, fix in _CHAR_FIX_PAIRS:
        if char in text:
            text = text.replace(char, fix)
    return text


# -- OCR'd text only ---------------------------------------------------------

def _cased(phrase: str) -> dict[str, str]:
    return {case(phrase): case(fix) for case in (str.lower, str.capitalize, str.upper)
            for fix in [OCR_PHRASE_FIXES[phrase]]}


_OCR_PHRASES: dict[str, str] = {k: v for phrase in OCR_PHRASE_FIXES for k, v in _cased(phrase).items()}
_OCR_PHRASE_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(p).replace(r"\ ", r"[ \t]") for p in
                           sorted(_OCR_PHRASES, key=len, reverse=True)) + r")(?!\w)"
)

# Inside a symbol, Tesseract confuses O with 0 and l, I with 1: in the number a
# letter stands for a digit, in the codes a digit between letters for a letter
# ("l32-CV/BTGTU", "1O5-KH/TU", "15/CT-UBN0", "TlNH"). Same length.
_NUMBER_CHARS = "0-9OolI"
_CODE_CHARS = "A-Za-zĐđƯư0-9"
OCR_SYMBOL_RE = re.compile(
    rf"(?<![\w/.-])(?P<number>[{_NUMBER_CHARS}]{{1,5}})(?P<sep>[ \t]{{0,2}}[-/][ \t]{{0,2}})"
    rf"(?P<codes>[A-ZĐƯ{_NUMBER_CHARS}][{_CODE_CHARS}]{{0,11}}(?:[ \t]{{0,2}}[-/][ \t]{{0,2}}[{_CODE_CHARS}]{{1,12}}){{0,3}})"
    r"(?!\w)"
)
_TO_DIGIT = str.maketrans("OolI", "0011")
_LETTER_DIGIT_RE = re.compile(r"(?<=[A-ZĐƯ])[01](?=[A-ZĐƯ])|(?<=[A-ZĐƯ]{2})[01]$|^[01](?=[A-ZĐƯ]{2})")
_TO_LETTER = {"0": "O", "1": "I"}


def _repair_symbol(m: re.Match) -> str:
    number, sep, codes = m.group("number"), m.group("sep"), m.group("codes")
    if not any(ch.isdigit() for ch in number) and not codes[:1].isdigit():
        return m.group(0)  # "I-II", "lo-go": no digit at all, not a symbol
    parts = re.split(r"([ \t]*[-/][ \t]*)", codes)
    for i in range(0, len(parts), 2):
        if _YEAR_RE.fullmatch(parts[i].translate(_TO_DIGIT)):
            parts[i] = parts[i].translate(_TO_DIGIT)  # 2O21 in 23/2O21/QĐ-TTg
        else:
            parts[i] = _LETTER_DIGIT_RE.sub(lambda d: _TO_LETTER[d.group()], parts[i])
    return number.translate(_TO_DIGIT) + sep + "".join(parts)


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


# A speck read as punctuation right after a symbol's hyphen ("15/CT-.UBND", seen):
# a space there, which the symbol patterns allow.
_SYMBOL_SPECK_RE = re.compile(r"(?<=\d[-/][A-ZĐ]{2}-)[.,'‘’`](?=[A-ZĐ])|(?<=\d[-/][A-ZĐ]{3}-)[.,'‘’`](?=[A-ZĐ])")
# The document type code right after the number ("07-KU/TW" for 07-KL/TW, seen) comes
# from a closed list: an unknown code one confusable letter away from a known one is it.
_TYPE_SLOT_RE = re.compile(r"(?<=\d)(?P<sep>[ \t]{0,2}[-/][ \t]{0,2})(?P<code>[A-ZĐ][A-Za-zĐđ]{0,3})(?=[ \t]{0,2}[-/])")


def _type_code_candidates(code: str) -> set[str]:
    out = set()
    for i, ch in enumerate(code):
        for alt in OCR_TYPE_CODE_SLIPS.get(ch, ""):
            fixed = code[:i] + alt + code[i + 1:]
            if fixed in TYPE_BY_CODE:
                out.add(fixed)
    return out


def _repair_type_code(m: re.Match) -> str:
    code = m.group("code")
    if code in TYPE_BY_CODE:
        return m.group(0)
    found = _type_code_candidates(code)
    return m.group("sep") + found.pop() if len(found) == 1 else m.group(0)


def ocr_repairs(text: str) -> str:
    """The OCR slips of symbols and cue words, repaired; same length (see vocabulary.OCR_PHRASE_FIXES)."""
    text = OCR_SYMBOL_RE.sub(_repair_symbol, text)
    text = _SYMBOL_SPECK_RE.sub(" ", text)
    text = _TYPE_SLOT_RE.sub(_repair_type_code, text)
    return _OCR_PHRASE_RE.sub(lambda m: _OCR_PHRASES.get(" ".join(m.group(1).split()), m.group(1))
                              if " " in m.group(1) else _OCR_PHRASES.get(m.group(1), m.group(1)), text)


def match_form(text: str, *, ocr: bool = False) -> str:
    """The length-preserving fixes applied to NFC text (no offset bookkeeping);
    ``ocr``: the text came from OCR, repair its slips too."""
    if len(text) <= _SHORT and not ocr:  # names, symbols, lines: met again and again
        return _match_form_short(text)
    return _match_form(text, ocr)


_SHORT = 200  # longer texts (a whole document) are not worth a cache slot


def _match_form(text: str, ocr: bool) -> str:
    text = _fix_chars(text)
    text = _OLD_TONE_RE.sub(_retone, text)
    if any(word in text for word in OCR_WORD_FIXES):  # substring search is 3x faster than the scan
        text = _OCR_RE.sub(lambda m: OCR_WORD_FIXES[m.group(1)], text)
    if ocr:
        text = ocr_repairs(text)
    return text


@functools.lru_cache(maxsize=1 << 16)
def _match_form_short(text: str) -> str:
    return _match_form(text, False)


def normalize(text: str, *, ocr: bool = False) -> Normalized:
    """Return the matching form of ``text`` and the map back to it.

    >>> n = normalize("Uỷ ban nhân dân tỉnh — Ð")
    >>> n.text
    'Ủy ban nhân dân tỉnh - Đ'
    """
    if unicodedata.is_normalized("NFC", text):
        composed, offsets = text, None
    else:
        composed, offsets = _nfc_with_offsets(text)
    return Normalized(text, match_form(composed, ocr=ocr), offsets)


_FOLD_FIXES = str.maketrans({"đ": "d", "Đ": "d"})


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_CHAR_FIXES).translate(_FOLD_FIXES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


class _FoldTable(dict):
    """codepoint -> its folded text, worked out the first time the character is seen.

    Folding is a per-character map (NFD is per character, combining marks are
    dropped, casefold is per character), so ``str.translate`` over this table
    gives what ``_fold_slowly`` gives, in C: building a 100,000-document graph
    folds hundreds of thousands of names.
    """

    def __missing__(self, codepoint: int) -> str:
        # Between two letters, so that a space (or what folds into one) survives the collapsing.
        value = self[codepoint] = _fold_slowly(f"a{chr(codepoint)}a")[1:-1]
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """An accent- and case-insensitive key: "Ủy ban Nhân dân" -> "uy ban nhan dan".

    đ has no decomposition and is mapped to d explicitly; spaces are collapsed.
    """
    return " ".join(text.translate(_FOLD_TABLE).split())


# -- the one form and the one key of a symbol ----------------------------------------------------------

def symbol_form(symbol: str) -> str:
    """A symbol as a document key holds it: NFC, the matching form, no spaces.

    >>> symbol_form("159 -CV/ĐUK")
    '159-CV/ĐUK'
    """
    return "".join(match_form(unicodedata.normalize("NFC", symbol)).split())


@functools.lru_cache(maxsize=1 << 16)  # each symbol is keyed again at every mention and in the graph
def symbol_key(symbol: str) -> str:
    """The key a symbol is looked up by: ``symbol_form`` folded, no leading zero.

    >>> symbol_key("07 – KL/TW")
    '7-kl/tw'
    >>> symbol_key("159 -CV/ĐUK")
    '159-cv/duk'
    """
    key = fold(symbol_form(symbol))
    if key[:1] == "0":  # the zeros before a digit go: "007-kl" -> "7-kl"; "0-kl" keeps its one
        stripped = key.lstrip("0")
        key = stripped if stripped[:1].isdigit() else "0" + stripped
    return key
