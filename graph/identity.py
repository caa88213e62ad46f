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

from dataclasses import dataclass

from ..loaders.normalize import symbol_form
from ..loaders.patterns import YEAR_PREFIX_RE
from ..loaders.vocabulary import CENTRAL_CODES
from .agencies import Agency

__all__ = ["DocKey", "normalize_symbol", "scope_of", "year_of", "CENTRAL_SCOPE"]

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
