"""What news items and legal-text pages add around a reference (issue 16, fresh7).

News names the office that signs with the signer's name after it ("Thủ tướng Chính phủ Phạm
Minh Chính vừa ký Công điện số 210/CĐ-TTg") and reports a document before the body that acts by
it ("Tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết định ..."); legal-text sites list related
documents of other issuers above the header ("- 1Quyết định 672/QĐ-UBND phê duyệt ..."). The
finder (citations.py) calls these on the references it assembles; patterns live in patterns.py.
"""

from __future__ import annotations

from . import patterns as P
from .reference import Ref, canonical_type

__all__ = ["without_signer", "read_reported_subjects", "share_counted_proposer", "related_list_spans"]

_SUBJECT_REACH = 120  # characters after a reference searched for ", <body> <verb>"
_LIST_GAP = " \t\n,;.*+•–-"  # all there may be between the items of a counted list ("...năm 2025,\nTờ trình ...")


def without_signer(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The issuer span without a signer's name after its office: "Thủ tướng Chính phủ Phạm Minh Chính" ->
    "Thủ tướng Chính phủ". After a unit word the name needs three syllables ("... thành phố Phan Thiết" is a place)."""
    m = P.SIGNER_AFTER_OFFICE_RE.match(text, *span)
    if m is None:
        return span
    if P.UNIT_WORD_AT_END_RE.search(m.group("office")) and len(m.group("name").split()) < 3:
        return span
    return span[0], m.end("office")


def read_reported_subjects(text: str, refs: list[Ref]) -> None:
    """"Tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết định ...", "Tại Nghị quyết số 125/NQ-CP và Nghị quyết số
    126/NQ-CP ngày 9/5/2025, Chính phủ đã thông qua ...": the body after a reference (or a list joined by "," or "và")
    opened by "Tại" is the issuer of its items, when none names its own (signer's name cut), and the items are
    reported, not cited (``Ref.reported``: the cue is dropped)."""
    i = 0
    while i < len(refs):
        first = refs[i]
        if not text[max(0, first.start - 6) : first.start].rstrip().endswith(("tại", "Tại")) \
                or not P.REPORTED_AT_BEFORE_RE.search(text, max(0, first.start - 40), first.start):  # most: no "tại"
            i += 1
            continue
        j = i
        while j + 1 < len(refs) and P.SHARED_DATE_GAP_RE.match(text, refs[j].end, refs[j + 1].start):
            j += 1
        m = P.REPORTED_SUBJECT_AFTER_RE.match(text, refs[j].end, min(len(text), refs[j].end + _SUBJECT_REACH))
        if m and all(ref.issuer is None for ref in refs[i : j + 1]):  # "tại thông báo số 382-TB/TW ... của Ban
            issuer = without_signer(text, m.span("issuer"))             # Chấp hành Trung ương Đảng, Ban Bí thư đồng
            for ref in refs[i : j + 1]:                                 # ý ...": its own issuer, cited (theo)
                ref.issuer, ref.reported = issuer, True
        i = j + 1


def share_counted_proposer(text: str, refs: list[Ref]) -> None:
    """"... do Bộ Nội vụ trình tại 34 tờ trình. Cụ thể:\nTờ trình 1976/TTr-BNV ngày ..., Tờ trình 1977/TTr-BNV ...":
    the proposer named before a counted list in a sentence of its own is the issuer of each item of the counted type
    that follows, up to the first reference of another type or an item with a sentence between (fresh5's convention)."""
    if "Cụ thể" not in text and "cụ thể" not in text:  # most texts have none: no regex run
        return
    for m in P.COUNTED_PROPOSER_RE.finditer(text):
        kind = canonical_type(m.group("type"))
        previous_end = m.end()
        for ref in refs:
            if ref.start < m.end():
                continue
            if ref.doc_type != kind or text[previous_end : ref.start].strip(_LIST_GAP):
                break
            if ref.issuer is None:
                ref.issuer = m.span("issuer")
            previous_end = ref.end


def related_list_spans(text: str) -> list[tuple[int, int]]:
    """The lines of a legal-text site's list of related documents ("- 1Quyết định 672/QĐ-UBND phê duyệt ...",
    "- 2Nghị quyết 26/NQ-HĐND năm 2024 ..."), numbered and glued to their type word."""
    if "- 1" not in text:  # most texts have none: no regex run
        return []
    return [m.span() for m in P.RELATED_ITEM_RE.finditer(text)]
