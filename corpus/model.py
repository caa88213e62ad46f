"""The synthetic corpus's settings, noise rates, truth keys and document record.

Shared by the generator's modules (``text_banks``, ``issuers``, ``citation_forms``,
``document_text``, ``generate``). It imports nothing of chidao (the corpus it writes is what the parser is scored against).
"""
from __future__ import annotations

import unicodedata
from datetime import date

__all__ = ["normalise_symbol", "truth_key", "MIN_BYTES", "MAX_BYTES"]

# --------------------------------------------------------------------------- settings
#: Commune documents are scoped to province/district/commune.  With False the scope
#: is province/district (the same as the district's) and the number counters of a
#: district are shared by its communes so that keys still never collide.
COMMUNE_SCOPE_INCLUDES_COMMUNE = True
MAX_FILES_PER_DIR = 1000
MIN_BYTES = 2048
MAX_BYTES = 30 * 1024
PROGRESS_EVERY = 1000
_ROOT_START = date(2016, 1, 1).toordinal()
_ROOT_END = date(2024, 12, 31).toordinal()
_CAP = date(2025, 6, 30).toordinal()   # before the 1 July 2025 reform

# noise rates (per document unless said otherwise)
P_NFD = 0.02
P_OLD_TONE = 0.05
P_ETH = 0.02           # "Ð" (U+00D0) typed for "Đ" throughout the file
P_SYM_SPACE = 0.04     # per symbol mention
P_SYM_DASH = 0.03      # per symbol mention
P_SYM_OCR = 0.015      # per symbol mention: ƯBND / TƯ
P_DRAFT = 0.05         # of leaf documents
P_ARTICLE = 0.02
P_DECOY = 0.25
P_PAGEBREAK = 0.08


def normalise_symbol(s: str) -> str:
    """The normalised form used in the truth: no spaces, plain hyphen, U+0110."""
    s = s.replace(" ", "").replace("\u2013", "-").replace("\u2014", "-").replace("\u00d0", "\u0110")
    return unicodedata.normalize("NFC", s)


def truth_key(symbol: str, scope: str, year: int) -> str:
    return f"{symbol}|{scope}|{year}"


_DATE_FMT_SLASH, _DATE_FMT_DASH, _DATE_FMT_WORDS = 0, 1, 2
# --------------------------------------------------------------------------- documents
class _Doc:
    __slots__ = ("issuer", "tcode", "number", "symbol", "day", "subject", "key", "parent", "parent2", "draft", "year",
                 "topic", "via_cue", "iso")


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


