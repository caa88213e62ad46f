"""Scanners of references without a number: telegrams and calls ("Điện của Thủ tướng Chính phủ ngày
..."), laws named and dated, congress and plenum resolutions, charters and working rules.

Each is a ``Scanner`` of citations.SCANNERS with ``numbered=False``: its references read their own
issuer and date, and yield only where no numbered reference stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator

from . import patterns as P
from .dates import date_from_match, iso_date
from .normalize import fold
from .reference import Ref, canonical_type, read_after
from .vocabulary import ORDINAL_WORDS, UNNUMBERED_TYPES

__all__ = ["unnumbered_refs", "named_law_refs", "congress_resolution_refs", "plenum_resolution_refs",
           "charter_refs", "working_rules_refs"]


def unnumbered_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Điện của Thủ tướng Chính phủ ngày ...": a type word with no number, an issuer and a date."""
    refs: list[Ref] = []
    if not any(word in text for word in UNNUMBERED_TYPES):  # most documents have none: skip the scan
        return refs
    for m in P.UNNUMBERED_RE.finditer(text):
        if P.ANNIVERSARY_BEFORE_RE.search(text, max(0, m.start() - 100), m.start()):
            continue  # "kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi ...": history, not a reference
        ref = Ref(m.start(), m.end("type"), m.group("type"), None, None, None, unnumbered=True)
        rest = m.group("rest")
        dm = P.DATE_AFTER_RE.search(rest) or P.LOOSE_NGAY_DATE_RE.search(rest)
        if dm:
            ref.date = date_from_match(dm)
        ref.end = m.end("rest")
        read_after(text, ref)
        if ref.issuer is None:
            continue  # "Điện" alone is too vague to be a reference
        refs.append(ref)
    return refs


def named_law_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015": a law named and dated, no number."""
    refs: list[Ref] = []
    if "uật" not in text and "Pháp lệnh" not in text:  # most documents name no law: skip the scan
        return refs
    for m in P.NAMED_LAW_RE.finditer(text):
        ref = Ref(m.start(), m.end(), canonical_type(m.group("type")), None, None, None, unnumbered=True)
        ref.date = date_from_match(m) if m.group("when").lower().startswith("ngày") else iso_date(m.group("year"))
        refs.append(ref)
    return refs


def congress_resolution_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030": a congress's resolution,
    its congress the issuer (the unit's highest document: plans implement it, and cite it by no number).
    Only a congress the text singles out by its ordinal; each one once (the later mentions name it again)."""
    refs: list[Ref] = []
    if "ại hội" not in text:  # most documents name no congress (Đại hội, đại hội): skip the scan
        return refs
    # "đưa Nghị quyết Đại hội vào cuộc sống", "Nghị quyết Đại hội các cấp": no one congress
    singled_out = (m for m in P.CONGRESS_RESOLUTION_RE.finditer(text) if P.CONGRESS_ORDINAL_RE.search(m.group("issuer")))
    for m in _first_of_each(singled_out, lambda m: P.CONGRESS_KEY_NOISE_RE.sub(lambda n: n.group("unit") or "",
                                                                                 fold(m.group("issuer")))):
        refs.append(_issued_ref(m, "Nghị quyết"))
    return refs


def _first_of_each(matches: Iterable[re.Match], key: Callable[[re.Match], Hashable]) -> Iterator[re.Match]:
    """The matches whose ``key`` no match before them had: a text names such a reference once, then mentions
    it again."""
    seen: set = set()
    for m in matches:
        k = key(m)
        if k not in seen:
            seen.add(k)
            yield m


def _issued_ref(m: re.Match, doc_type: str) -> Ref:
    """An unnumbered reference from the match's start to the end of its ``issuer`` group, that group its issuer."""
    ref = Ref(m.start(), m.end("issuer"), doc_type, None, None, None, unnumbered=True)
    ref.issuer = m.span("issuer")
    return ref


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def ordinal_value(spelt: str) -> int:
    """The number an ordinal writes, in digits, Roman numerals or words.

    >>> ordinal_value("11"), ordinal_value("XIII"), ordinal_value("tư"), ordinal_value("mười  một"), ordinal_value("IV")
    (11, 13, 4, 11, 4)
    """
    word = " ".join(spelt.lower().split())
    if word.isdigit():
        return int(word)
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    values = [_ROMAN_VALUES[c] for c in word]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def plenum_resolution_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "thực hiện Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Hội nghị lần thứ tư, Ban Chấp hành Trung ương
    Đảng khóa XI": a Central Committee plenum's resolution, the plenum its issuer (the Party cites it by its
    plenum, rarely by its number). Each plenum once, however spelt ("lần thứ 11 BCHTW Đảng khóa XIII" and "lần
    thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII" are one): keyed by its number and its term."""
    refs: list[Ref] = []
    if "ghị quyết" not in text and "NQ" not in text:  # cheap skip, as the other scanners do
        return refs
    def plenum_and_term(m: re.Match) -> tuple[int, int]:
        plenum = m.group("plenum") or m.group("plenum_nth") or m.group("plenum_after")
        return ordinal_value(plenum), ordinal_value(m.group("term"))

    for m in _first_of_each(P.PLENUM_RESOLUTION_RE.finditer(text), plenum_and_term):
        refs.append(_issued_ref(m, "Nghị quyết"))
    return refs


def charter_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Căn cứ Điều lệ Đảng;", "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;": an organisation's charter, no issuer.
    Each organisation's once; not one named in the subject of what implements it ("... thi hành Điều lệ Đảng").
    And the State's: "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;" (dated when the year is written)."""
    refs: list[Ref] = []
    if "Hiến pháp" in text and (m := P.CONSTITUTION_RE.search(text)):  # the State's, named in full, once
        refs.append(Ref(m.start(), m.end(), "Hiến pháp", None, None, None, unnumbered=True, date=iso_date(m.group("year"))))
    if "iều lệ" not in text:  # most documents name no charter: skip the scan
        return refs
    cited = (m for m in P.CHARTER_RE.finditer(text)
             if not P.CHARTER_SUBJECT_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()))
    # "dang", "doan", "cong", ...: one organisation however named
    for m in _first_of_each(cited, lambda m: fold(m.group("body")).split()[0]):
        refs.append(Ref(m.start(), m.end(), "Điều lệ", None, None, None, unnumbered=True))
    return refs


def working_rules_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư khoá XIII": a Party body's
    working rules for a term, the body its issuer; each body's once."""
    refs: list[Ref] = []
    if "Quy chế" not in text:
        return refs
    for m in _first_of_each(P.WORKING_RULES_RE.finditer(text), lambda m: fold(m.group("issuer"))):
        refs.append(_issued_ref(m, "Quy chế"))
    return refs
