"""What news items and legal-text pages add around a reference (issue 16, fresh7).

News names the office that signs with the signer's name after it ("Thủ tướng Chính phủ Phạm
Minh Chính vừa ký Công điện số 210/CĐ-TTg") and reports a document before the body that acts by
it ("Tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết định ..."); legal-text sites list related
documents of other issuers above the header ("- 1Quyết định 672/QĐ-UBND phê duyệt ..."). The
finder (citations.py) calls these on the references it assembles; patterns live in patterns.py.
"""

from __future__ import annotations

from . import patterns as P
from .reference import Ref

__all__ = ["without_signer", "read_reported_subject", "related_list_spans"]

_SUBJECT_REACH = 120  # characters after a reference searched for ", <body> <verb>"


def without_signer(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The issuer span without a signer's name after its office: "Thủ tướng Chính phủ Phạm Minh Chính" ->
    "Thủ tướng Chính phủ". After a unit word the name needs three syllables ("... thành phố Phan Thiết" is a place)."""
    m = P.SIGNER_AFTER_OFFICE_RE.match(text, *span)
    if m is None:
        return span
    if P.UNIT_WORD_AT_END_RE.search(m.group("office")) and len(m.group("name").split()) < 3:
        return span
    return span[0], m.end("office")


def read_reported_subject(text: str, ref: Ref) -> bool:
    """"Tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết định ...": the body after a reference opened by "Tại" is its
    issuer (signer's name cut) and the document is reported, not cited. True when read (the caller drops the cue)."""
    if ref.issuer is not None or not P.REPORTED_AT_BEFORE_RE.search(text, max(0, ref.start - 40), ref.start):
        return False
    m = P.REPORTED_SUBJECT_AFTER_RE.match(text, ref.end, min(len(text), ref.end + _SUBJECT_REACH))
    if m is None:
        return False
    ref.issuer = without_signer(text, m.span("issuer"))
    return True


def related_list_spans(text: str) -> list[tuple[int, int]]:
    """The lines of a legal-text site's list of related documents ("- 1Quyết định 672/QĐ-UBND phê duyệt ...",
    "- 2Nghị quyết 26/NQ-HĐND năm 2024 ..."), numbered and glued to their type word."""
    if "- 1" not in text:  # most texts have none: no regex run
        return []
    return [m.span() for m in P.RELATED_ITEM_RE.finditer(text)]
