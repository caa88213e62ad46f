"""Document identity (DOMAIN.md section 3): a symbol alone is not a document.

A document is keyed by (normalised symbol, scope, year). The scope is "VN" for
central issuers (vocabulary.CENTRAL_CODES: TW, CP, TTg, QH, ministries) and
otherwise the place of the issuer: a province ("lai-chau"), or a district
("lai-chau/tam-duong"), or a commune, from the citation's issuer text, else
from the citing document. Every province's Tỉnh ủy has a 294-CV/TU: the scope
keeps them apart; the same central 07-KL/TW cited by ten provinces is one key.

>>> DocKey("07-KL/TW", "VN", 2021).uid
'doc:07-KL/TW@VN:2021'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..loaders.normalize import fold, symbol_form
from ..loaders.patterns import CONGRESS_ORDINAL_RE, YEAR_PREFIX_RE
from ..loaders.vocabulary import CENTRAL_CODES
from .agencies import Agency
from .gazetteer import Place, slug

__all__ = ["DocKey", "congress_key", "congress_base", "congress_base_of_uid", "congress_scope", "CONGRESS_PREFIX",
           "normalize_symbol", "scope_of", "year_of", "CENTRAL_SCOPE"]

CENTRAL_SCOPE = "VN"


@dataclass(frozen=True)
class DocKey:
    symbol: str  # normalised: "07-KL/TW"
    scope: str  # "VN", "lai-chau", "lai-chau/tam-duong"
    year: int | None  # from the date; None when unknown

    @property
    def uid(self) -> str:
        return f"doc:{self.symbol}@{self.scope}:{self.year if self.year is not None else '?'}"

    @property
    def base(self) -> tuple[str, str]:
        """(symbol, scope): what an undated citation can match on."""
        return self.symbol, self.scope


# The matching form of a symbol: NFC, one dash, no spaces ("159 -CV/ĐUK" -> "159-CV/ĐUK").
normalize_symbol = symbol_form


def year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and YEAR_PREFIX_RE.match(date) else None


def scope_of(issuer_code: str | None, agency: Agency | None, fallback: str | None) -> str | None:
    """The scope of an issuer: "VN" for a central code or agency, else the agency's place, else ``fallback``."""
    code = (issuer_code or "").split("-")[0]
    if code in CENTRAL_CODES:
        return CENTRAL_SCOPE
    if agency is not None:
        if agency.level == "central":
            return CENTRAL_SCOPE
        if agency.place_uid:
            return agency.place_uid.removeprefix("place:")
    return fallback


_ROMAN = (("c", 100), ("xc", 90), ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
_PROVINCE_WORDS = frozenset({"tinh", "thanh pho"})
_DISTRICT_WORDS = frozenset({"huyen", "quan", "thi xa"})
_CONGRESS_FILLER_RE = re.compile(r"^dai hoi |(?<!\w)(?:dai bieu|cua)(?!\w)")  # "Đại hội đại biểu ... của Đảng bộ"


def _roman(number: int) -> str:
    out = ""
    for numeral, value in _ROMAN:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def congress_key(congress: str, place: Place | None, private: str) -> str | None:
    """The key of a congress's resolution, which is named by its congress and numbered by none.

    The national congress is one whatever the spelling ("Đại hội XIII của Đảng", "Đại hội Đảng toàn
    quốc lần thứ XIII", "Đại hội đại biểu toàn quốc lần thứ xiii của Đảng"). A local one is its body
    and ordinal in the citing document's place, at the level its unit word says: every commune has a
    "Đại hội Đảng bộ xã lần thứ I"; ``private`` (the citing file's own scope) when the document has no place.

    >>> congress_key("Đại hội Đảng toàn quốc lần thứ XIII", None, "unknown-1")
    'dai-hoi-toan-quoc-xiii'
    >>> congress_key("Đại hội đại biểu Đảng bộ tỉnh lần thứ 19", None, "unknown-1")
    'dai-hoi-dang-bo-tinh-xix@unknown-1'
    """
    m = CONGRESS_ORDINAL_RE.search(congress)
    if m is None:
        return None
    spelt = (m.group("spelt") or m.group("bare")).lower()
    ordinal = _roman(int(spelt)) if spelt.isdigit() else spelt
    after = congress[m.end():].strip()  # only "của ..." after the ordinal is the congress's ("lần thứ VII của Đảng bộ xã")
    folded = fold(congress[: m.start()] + " " + (after if fold(after).startswith("cua ") else ""))
    if "toan quoc" in folded or folded.split() in (["dai", "hoi", "cua", "dang"], ["dai", "hoi", "dang"]):
        return f"dai-hoi-toan-quoc-{ordinal}"
    body = " ".join(_CONGRESS_FILLER_RE.sub(" ", folded).split())
    scope = place.scope if place is not None else private
    if place is not None:
        parts = scope.split("/")
        if any(f" {w} " in f" {body} " for w in _PROVINCE_WORDS):
            scope = parts[0]
        elif any(f" {w} " in f" {body} " for w in _DISTRICT_WORDS):
            scope = "/".join(parts[:2])
    return f"dai-hoi-{slug(body) or 'dang-bo'}-{ordinal}@{scope}"


CONGRESS_PREFIX = "ref:nghi-quyet/"  # a congress resolution's uid: this and its congress_key


def congress_base(key: str) -> str:
    """A congress key without its place: what a typed "Nghị quyết Đại hội ... lần thứ XIX" names.

    >>> congress_base("dai-hoi-dang-bo-tinh-xix@lai-chau")
    'dai-hoi-dang-bo-tinh-xix'
    """
    return key.split("@", 1)[0]


def congress_scope(key: str) -> str:
    """Where a congress stands: CENTRAL_SCOPE for the national one, else the place of its key
    ("unknown-..." when private to its file).

    >>> congress_scope("dai-hoi-toan-quoc-xiii"), congress_scope("dai-hoi-dang-bo-tinh-xix@lai-chau")
    ('VN', 'lai-chau')
    """
    return key.partition("@")[2] or CENTRAL_SCOPE


def congress_base_of_uid(uid: str) -> str | None:
    """The congress_base of a congress resolution's node uid, None for any other node."""
    if not uid.startswith(CONGRESS_PREFIX + "dai-hoi-"):
        return None
    return congress_base(uid.removeprefix(CONGRESS_PREFIX))
