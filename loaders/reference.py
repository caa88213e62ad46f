"""A reference being assembled, and what every scanner reads around it.

``Ref`` holds a reference in normalised positions while the finder (citations.py) and the
scanners of unnumbered references (unnumbered.py) read its type word, date and issuer;
``Scanner`` is one form of reference (``find_citations(..., scanners=SCANNERS)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import patterns as P
from .dates import date_from_match
from .vocabulary import TYPE_NAMES

__all__ = ["Ref", "Scanner", "canonical_type", "read_after"]

_TYPE_BY_FOLDED = {t.lower(): t for t in TYPE_NAMES}
_LOOKAHEAD = 200  # characters searched after a reference for its date and issuer


@dataclass(slots=True)
class Ref:
    """A reference being assembled, in normalised positions."""

    start: int
    end: int  # end of the core: symbol, date, issuer
    doc_type: str | None
    number: str | None
    symbol: str | None
    issuer_code: str | None
    date: str | None = None
    issuer: tuple[int, int] | None = None  # span of the issuer as written
    unnumbered: bool = False
    cue: str | None = None
    via: int | None = None
    listed: bool = False  # an item of "các Nghị quyết của Chính phủ: số ...; số ..."
    mentions: list[tuple[int, int]] | None = None  # later mentions merged into this one
    reported: bool = False  # named before the body that acts by it ("Tại Quyết định số ..., Bộ Chính trị quyết định")


def canonical_type(word: str) -> str:
    """The type word as TYPE_NAMES spells it ("nghị  quyết" -> "Nghị quyết"), else as written."""
    return _TYPE_BY_FOLDED.get(P.WHITESPACE_RE.sub(" ", word).lower(), word)


def read_after(text: str, ref: Ref) -> None:
    """Extend ref over ", ngày <date>" and "của <issuer>", in either order; a symbol also over the year legal-text
    sites name it by ("Kế hoạch 0219/KH-UBND năm 2025 thay thế Kế hoạch 84/KH-UBND ...": no date, the year is
    the symbol's, and what follows it starts after it)."""
    if ref.symbol and (year := P.NAMED_YEAR_AFTER_RE.match(text, ref.end)):
        ref.end = year.end()
    for _ in range(2):
        window = text[ref.end : ref.end + _LOOKAHEAD]
        m = P.DATE_AFTER_RE.match(window)
        if m and ref.date is None:
            ref.date = date_from_match(m)
            ref.end += m.end()
            continue
        m = P.ISSUER_AFTER_RE.match(window)
        # its own "của X" after it wins over a name read before it ("ý kiến chỉ đạo của Thủ tướng ... tại
        # Thông báo số 253/TB-VPCP ngày 25/7/2020 của Văn phòng Chính phủ": the Thông báo is the VPCP's)
        if m and (ref.issuer is None or ref.issuer[1] <= ref.start):
            ref.issuer = (ref.end + m.start("issuer"), ref.end + m.end("issuer"))
            ref.end += m.end("issuer")
            continue
        break
    if text[ref.end : ref.end + 1] == ")" and "(" in text[ref.start : ref.end]:
        ref.end += 1


@dataclass(frozen=True)
class Scanner:
    """One form of reference. ``scan(text, digit_runs, taken)`` returns its references in the
    matching form, given where runs of digits start and the spans earlier scanners took
    (in order of their starts).

    A numbered scanner's references get their type word, date and issuer read from around
    them and may become citations; an unnumbered one (``numbered=False``) reads its own and
    yields only where no numbered reference stands.
    """

    name: str
    scan: Callable[[str, list[int], list[tuple[int, int]]], list[Ref]]
    numbered: bool = True
