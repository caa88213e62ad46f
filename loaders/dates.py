"""Dates as documents write them, day first, keeping only the precision given.

"ngày 06/5/2021", "ngày 11-6-2021", "ngày 10 tháng 5 năm 2021", and drafts
with a blank day ("ngày    tháng 12 năm 2021" -> "2021-12"). Compiled patterns
do the work; dateparser is a fallback for the header line only, never per match.
"""

from __future__ import annotations

import datetime as _dt
import re

from .patterns import DATE, DATE_RE, NGAY_DATE_RE

__all__ = ["DATE", "DATE_RE", "iso_date", "parse_date_text"]

# The date patterns (DATE, DATE_RE, NGAY_DATE_RE) live in loaders/patterns.py.


def iso_date(year: str | int | None, month: str | int | None = None, day: str | int | None = None) -> str | None:
    """ISO text at the precision given; None when the parts do not make a date."""
    if not year:
        return None
    y = int(year)
    if not month:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if not day:
        return f"{y:04d}-{m:02d}"
    try:
        return _dt.date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def date_from_match(m: re.Match) -> str | None:
    """The ISO date of a DATE_RE / NGAY_DATE_RE match."""
    if m.group("d_year"):
        # A slip ("ngày 15/20/2010") keeps what can be read: the year.
        year = m.group("d_year").replace(" ", "")  # "20 21": a stray space
        if not 1 <= int(m.group("d_month")) <= 12:
            return iso_date(year)
        return iso_date(year, m.group("d_month"), m.group("d_day"))
    month = (m.group("s_month") or "").replace(" ", "") or None  # "tháng 0 6": a stray space
    # A day without a month cannot be placed: keep the year only.
    return iso_date(m.group("s_year"), month, m.group("s_day") if month else None)


def parse_date_text(text: str) -> str | None:
    """Parse a date phrase; dateparser (languages=["vi"]) only when no pattern fits."""
    m = DATE_RE.search(text)
    if m:
        return date_from_match(m)
    try:
        import dateparser  # imported lazily: it costs ~0.5 s at start-up
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, languages=["vi"], settings=settings)
    return parsed.date().isoformat() if parsed else None
