"""Stages 2-4: find references, read what surrounds them, decide their cue.

``find_citations(normalized, scanners=SCANNERS)`` runs each ``Scanner`` over the
matching form (symbols, number-only references, unnumbered ones: a new form of
reference is one more scanner, its pattern in patterns.py and its table test),
reads each reference's
type word, date and issuer from the text around it, and assigns the cue from
the sentence it stands in:

* a scoped cue (Căn cứ, Thực hiện, Triển khai, Quán triệt, Hưởng ứng) governs
  every later reference of its sentence, so list items inherit it;
* an adjacent cue (theo, tại, Tiếp theo, Trả lời, sửa đổi, thay thế, bãi bỏ)
  governs only the reference right after it;
* a reference right after another, joined only by a cue ("Kế hoạch số 25-KH/TU
  ... thực hiện Kết luận số 100-KL/TW"), is nested: ``via`` names the citation
  that itself cites it.

All positions are in the normalised text until ``_to_citation`` maps them back
to the original through ``Normalized.span``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from . import patterns as P
from .dates import date_from_match
from . import news
from .models import Citation, DocHeader, Unnumbered
from .normalize import Normalized, fold, match_form, symbol_key
from .reference import Ref, Scanner, canonical_type, read_after
from .unnumbered import (charter_refs, congress_resolution_refs, named_law_refs, plenum_resolution_refs, unnumbered_refs,
                         working_rules_refs)
from .vocabulary import CUE_BY_NAME, ISSUER_CODES, OCR_CODE_FIXES, SCOPED_WORDS, TYPE_BY_CODE, type_for_code

__all__ = ["find_citations", "Symbol", "parse_symbol_match", "sentence_spans", "Scanner", "SCANNERS"]

_LOOKBACK = 80  # characters searched before a symbol for its type word


@dataclass(frozen=True)
class Symbol:
    """A parsed symbol: the normalised text and its parts."""

    text: str | None  # "07-KL/TW"; None when the number is blank (draft)
    number: str | None
    type_code: str | None  # "KL"
    issuer_code: str | None  # "TW", "UBND" (first part of a State issuer: "UBND-VX")
    year: str | None  # "2021" in 23/2021/QĐ-TTg
    party: bool


_TYPE_CODES_LONGEST = sorted({*TYPE_BY_CODE, "TT"}, key=len, reverse=True)


def _is_issuer_code(code: str) -> bool:
    return code in ISSUER_CODES or bool(P.ASSEMBLY_CODE_RE.match(code))


def repair_glued_code(part: str) -> str:
    """A type code glued to an issuer code by a hyphen lost in PDF text, split again.

    >>> repair_glued_code("QĐUBND"), repair_glued_code("NĐCP"), repair_glued_code("TTBTC")
    ('QĐ-UBND', 'NĐ-CP', 'TT-BTC')
    >>> repair_glued_code("BCĐ389"), repair_glued_code("TTg")
    ('BCĐ389', 'TTg')
    """
    if _is_issuer_code(part) or part in TYPE_BY_CODE:
        return part
    for code in _TYPE_CODES_LONGEST:
        if part.startswith(code) and _is_issuer_code(part[len(code):]):
            return f"{code}-{part[len(code):]}"
    return part


def _clean_code(code: str) -> str:
    """Spaces out, OCR slips fixed per segment, the separators kept: "QCPH/UBND-LĐLĐ", "BNN&MT"."""
    pieces = P.CODE_JOIN_RE.split(code.strip())
    return "".join(OCR_CODE_FIXES.get(piece, piece) if i % 2 == 0 else piece for i, piece in enumerate(pieces))


_SYMBOL_GROUPS = ("p_number", "p_type", "p_issuer", "s_number", "s_year", "s_code", "tail_year")


def parse_symbol_match(m: re.Match) -> Symbol:
    """Read a SYMBOL_RE / HEADER_SYMBOL_RE match into its normalised parts."""
    return _parse_symbol_groups(*m.group(*_SYMBOL_GROUPS))


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the groups: a symbol is met at each of its mentions
def _parse_symbol_groups(p_number: str | None, p_type: str | None, p_issuer: str | None, s_number: str | None,
                         s_year: str | None, s_code: str | None, tail_year: str | None) -> Symbol:
    tail_year = tail_year or ""
    if p_type:
        number = p_number
        type_code = _clean_code(p_type)
        issuer = _clean_code(p_issuer or "")
        tail = f"-{type_code}/{issuer}{tail_year}"
        return Symbol(f"{number}{tail}" if number else None, number, type_code,
                      P.CODE_SEPARATOR_RE.split(issuer)[0], None, True)
    number = s_number
    year = s_year
    code = _clean_code(s_code or "")
    head, sep, rest = code.partition("-")
    if "/" not in head:  # 2204/QĐUBND: the hyphen the PDF lost comes back
        code = repair_glued_code(head) + sep + rest
    # 11/2019/TTLT/BTC-BNV, 03/QCPH/UBND-LĐLĐ: the type code stands before a further "/".
    first, slash, after = code.partition("/")
    parts = P.CODE_SEPARATOR_RE.split(first)
    if slash and type_for_code(first, party=False, has_year=bool(year)):
        type_code, issuer_code = first, P.CODE_SEPARATOR_RE.split(after)[0]
    # 15/CT-UBND: a type code then the issuer; 1198/UBND-VX: a Công văn has no type code.
    elif len(parts) > 1 and type_for_code(parts[0], party=False, has_year=bool(year)):
        type_code, issuer_code = parts[0], P.CODE_SEPARATOR_RE.split(parts[1])[0]
    else:
        type_code, issuer_code = None, P.CODE_SEPARATOR_RE.split(parts[0])[0]
    middle = f"/{year}" if year else ""
    text = f"{number}{middle}/{code}{tail_year}" if number else None
    return Symbol(text, number, type_code, issuer_code, year, False)


def doc_type_of(symbol: Symbol) -> str | None:
    """The type a symbol implies: its type code, or Công văn when it has none."""
    if symbol.type_code:
        return type_for_code(symbol.type_code, party=symbol.party, has_year=bool(symbol.year))
    if symbol.issuer_code and P.ASSEMBLY_CODE_RE.match(symbol.issuer_code):
        return None  # a law or a resolution of the National Assembly: the type word decides
    if not symbol.party:
        return "Công văn"  # number/ISSUER-UNIT is the Công văn shape (NĐ 30/2020)
    return None


def sentence_spans(text: str, until: int | None = None) -> list[tuple[int, int]]:
    """Split text into sentences: [(start, end)] covering it without gaps.

    With ``until``, stop after the sentence holding that position: the spans
    returned are the same as the first ones of the full split (references sit
    mostly in the opening paragraphs; the rest of a long text is not scanned).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in P.SENTENCE_BREAK_RE.finditer(text):
        if until is not None and start > until:
            return spans
        at = m.start()
        stop = text[at]  # ".", "!", "?" ends the sentence after it; a line break before it
        end = at if stop == "\n" else at + 1
        if end <= start:
            continue
        if stop == ".":
            word = text[max(start, end - 6) : end - 1].split()
            if word and word[-1].lower() in P.ABBREVIATIONS:
                continue
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    return spans



def _read_before(text: str, ref: Ref, floor: int) -> None:
    """Extend ref back over its type word ("Kết luận số ") or "số "."""
    window_start = max(floor, ref.start - _LOOKBACK)
    before = text[window_start : ref.start]
    m = P.TYPE_BEFORE_RE.search(before)
    typed = m is not None
    if m:
        if m.group("type"):
            ref.doc_type = canonical_type(m.group("type"))
        elif m.group("code"):
            ref.doc_type = TYPE_BY_CODE[m.group("code")]
        ref.start = window_start + m.start()
    else:
        m = P.SO_BEFORE_RE.search(before)
        if m:
            ref.start = window_start + m.start()
            named = P.NAMED_LAW_BEFORE_RE.search(before, 0, m.start())
            if named and ref.doc_type in (None, "Công văn"):  # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
                ref.doc_type = canonical_type(named.group("type"))
    if ref.issuer is None and not typed:  # "Quyết định của Bộ Chính trị số31-QĐ/TW": the issuer between type and number
        glued = text[ref.start : ref.start + 2].lower() == "số"  # "số 31-QĐ/TW" read back, or "số31-QĐ/TW" glued
        owner = P.TYPE_OF_ISSUER_BEFORE_RE.search(text, window_start, ref.start + 2 if glued else ref.start)
        if owner:
            ref.issuer, ref.start = owner.span("issuer"), owner.start()
            ref.doc_type = ref.doc_type or canonical_type(owner.group("type"))
    if ref.issuer is None:
        base = max(floor, ref.start - 120)
        window = text[base : ref.start]
        # the patterns end in "ban hành", "có" or "tại" and a blank: tested before the searches, which try every position
        tail = window.rstrip()
        m = None
        if len(tail) < len(window):
            if tail.endswith(" ký ban hành"):  # signed on a body's behalf ("Thay mặt Ban Bí thư, ... đã ký ban hành")
                behalf = P.ON_BEHALF_BEFORE_RE.search(text, max(floor, ref.start - 260), ref.start)
                if behalf:
                    base, window, m = 0, text, behalf
            if m is None and tail.endswith(("hành", " có", " ký")):
                m = P.ISSUER_BEFORE_RE.search(window)
            if m is None and tail.endswith("tại"):
                m = P.ISSUER_TAI_BEFORE_RE.search(window)
        if m:
            ref.issuer = news.without_signer(text, (base + m.start("issuer"), base + m.end("issuer")))


def _read_news_date(text: str, ref: Ref, floor: int) -> None:
    """The date a news item gives before the document it reports ("Ngày 14-11-2016, Tỉnh ủy
    đã ban hành Nghị quyết số 10-NQ/TU"), for a reference that carries none after it."""
    if ref.date is not None:
        return
    base = max(floor, ref.start - 300)
    m = P.NEWS_DATE_BEFORE_RE.search(text, base, ref.start)
    if m:
        ref.date = date_from_match(m)


def _without_later_documents(text: str, refs: list[Ref], own: DocHeader | None) -> list[Ref]:
    """A page's note on the document itself, on one line with its symbol: "Quyết định 119/QĐ-UBND ... đã được thay
    thế bởi Quyết định 366/QĐ-UBND" names what replaced it later, no citation of it. (An item's own amendment, "Luật
    ... số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15", is cited: its subject is another document.)"""
    if own is None or not own.symbol:
        return refs
    own_key = symbol_key(own.symbol)
    kept: list[Ref] = []
    own_ref: Ref | None = None
    for ref in refs:
        if ref.symbol and symbol_key(ref.symbol) == own_key:
            own_ref = ref
        elif own_ref is not None and "\n" not in text[own_ref.end : ref.start] \
                and P.LATER_DOCUMENT_BEFORE_RE.search(text, own_ref.end, ref.start):
            continue
        kept.append(ref)
    return kept


_DO_REACH = 400  # characters after a reference searched for "do X ban hành" (the pattern reaches ~350)


def _issuers_named_after(text: str, refs: list[Ref]) -> None:
    """"Quy định 29-QĐ/TW năm 2016 thi hành Điều lệ Đảng do Ban Chấp hành Trung ương ban hành": the issuer named
    after the subject by "do X ban hành" is that of the first reference of its line or clause, never of one named
    inside that reference's subject (a legal site's title "Quyết định A ... bãi bỏ Quyết định B ... do X ban hành" is A's)."""
    previous_start = -1
    for ref in refs:
        clause = max(text.rfind("\n", 0, ref.start), text.rfind(";", 0, ref.start))
        first = previous_start <= clause
        previous_start = ref.start
        if ref.issuer is not None or not first:
            continue
        line_end = text.find("\n", ref.end, ref.end + _DO_REACH)
        line_end = min(len(text), ref.end + _DO_REACH) if line_end < 0 else line_end
        line = text[ref.end : line_end]
        if "do " not in line or "ban hành" not in line:  # most lines have neither: no regex run
            continue
        m = P.ISSUER_DO_AFTER_RE.match(text, ref.end, line_end)
        if m:
            ref.issuer = m.span("issuer")


def _share_list_dates(text: str, refs: list[Ref]) -> None:
    """"Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013": the date after a
    list's last item dates the items before it that carry none (read from the end: one pass)."""
    for i in range(len(refs) - 2, -1, -1):
        ref, after = refs[i], refs[i + 1]
        named_after = ref.issuer is not None and ref.issuer[0] >= ref.start  # "A của X và B ngày ...": A is X's
        if ref.date is None and after.date is not None and not named_after and not ref.unnumbered \
                and P.SHARED_DATE_GAP_RE.match(text, ref.end, after.start):
            ref.date = after.date


def _share_list_issuers(text: str, refs: list[Ref]) -> None:
    """"Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 và Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính
    phủ": the issuer after a list's last item ("của X") is the issuer of the items before it, joined by ","
    or "và", that name none of their own and carry the same issuer code (a law "…/QH13 và Nghị định … của
    Chính phủ" is not the Government's). Read from the end: one pass."""
    for i in range(len(refs) - 2, -1, -1):
        ref, after = refs[i], refs[i + 1]
        if ref.issuer is None and after.issuer is not None and after.issuer[0] >= after.start \
                and ref.issuer_code is not None and ref.issuer_code == after.issuer_code \
                and not ref.unnumbered and P.SHARED_DATE_GAP_RE.match(text, ref.end, after.start):
            ref.issuer = after.issuer


def _share_list_proposers(text: str, refs: list[Ref]) -> None:
    """"của Sở Tài chính tại Tờ trình số: 421/TTr-STC ngày 29/10/2025, 501/TTr-STC ngày 20/11/2025": an
    issuer named before a list (its "của X tại") is the issuer of the bare items after the first, joined
    by "," or "và", that carry no type word and no issuer of their own (one pass, in order)."""
    for i in range(1, len(refs)):
        ref, before = refs[i], refs[i - 1]
        if ref.issuer is None and before.issuer is not None and before.issuer[1] <= before.start \
                and not ref.unnumbered and ref.symbol and text[ref.start:ref.start + 1].isdigit() \
                and P.SHARED_DATE_GAP_RE.match(text, before.end, ref.start):
            ref.issuer = before.issuer


def _outside(candidates: list[Ref], refs: list[Ref]) -> list[Ref]:
    """The candidates that start outside every ref's span (refs sorted by start): a
    bisect over the starts and the running furthest end, not a test of every pair."""
    starts = [r.start for r in refs]
    furthest, reach = [], -1
    for r in refs:
        reach = max(reach, r.end)
        furthest.append(reach)
    kept = []
    for u in candidates:
        i = bisect.bisect_right(starts, u.start) - 1
        if i < 0 or furthest[i] <= u.start:
            kept.append(u)
    return kept


def _digit_runs(text: str) -> list[int]:
    """Where each run of digits starts. Symbols and number-only references can only
    start there, so one scan for digits serves both (each then tried by .match)."""
    return [m.start() for m in P.DIGIT_RUN_RE.finditer(text)]



def _symbol_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Kết luận số 07-KL/TW", "23/2021/QĐ-TTg", "159 -CV/ĐUK" (SYMBOL_RE at a run of digits)."""
    refs: list[Ref] = []
    end = 0
    for start in runs:
        if start < end:  # inside the symbol just read ("23/2021/QĐ-TTg")
            continue
        before = text[start - 1 : start]
        if before and (before in "/.-_" or before.isalnum()):
            continue  # SYMBOL's lookbehind refuses it (\w is isalnum or "_"): a test cheaper than the match
        m = P.SYMBOL_RE.match(text, start)
        if m:
            sym, stop = parse_symbol_match(m), m.end()
            if sym.text and not sym.party and sym.type_code is None and sym.issuer_code in TYPE_BY_CODE \
                    and "-" not in sym.text:  # "927/QĐ TTg": a space for the hyphen
                spaced = P.SPACED_STATE_ISSUER_RE.match(text, stop)
                issuer = ISSUER_CODES.get(spaced.group("issuer")) if spaced else None
                if spaced and issuer is not None and issuer.kind == "state":
                    middle = f"/{sym.year}" if sym.year else ""
                    sym = Symbol(f"{sym.number}{middle}/{sym.issuer_code}-{issuer.code}", sym.number,
                                 sym.issuer_code, issuer.code, sym.year, False)
                    stop = spaced.end()
            refs.append(Ref(m.start(), stop, doc_type_of(sym), sym.number, sym.text, sym.issuer_code))
            end = stop
    return refs


_TYPE_CODE_BY_UPPER = {code.upper(): code for code in (*TYPE_BY_CODE, "TT")}


def _slip_symbol_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """Symbols typed with a slip, right after "số": glued to it ("số782-QĐ/HU"), a space for a
    separator ("Nghị quyết số 57-NQ TW", "Quyết định số 61 QĐ/TWĐTN"), a type code in lower
    case ("kết luận 48/kl TW"). Read as the symbol meant; the span keeps what was typed."""
    refs: list[Ref] = []
    t = 0
    for start in runs:
        before = text[start - 1 : start]  # one character tells which reading can apply (cheaper than a match)
        if before not in _GLUED_O and before not in _BLANK_OR_COLON:
            continue
        while t < len(taken) and taken[t][1] <= start:
            t += 1
        if t < len(taken) and taken[t][0] <= start:
            continue  # inside a symbol already read
        if before in _GLUED_O:
            if text[max(0, start - 2):start].lower() == "số":
                m = P.GLUED_SYMBOL_RE.match(text, start)
                if m:
                    sym = parse_symbol_match(m)
                    refs.append(Ref(m.start(), m.end(), doc_type_of(sym), sym.number, sym.text, sym.issuer_code))
            continue
        m = P.SLIP_SYMBOL_RE.match(text, start)
        if not m or not (P.SLIP_AFTER_SO_RE.search(text, max(0, start - 12), start)
                         or P.TYPE_THEN_NUMBER_RE.search(text, max(0, start - 40), start)):
            continue
        type_code = _TYPE_CODE_BY_UPPER[(m.group("type1") or m.group("type2")).upper()]
        issuer = _clean_code(m.group("issuer1") or m.group("issuer2"))
        head = ISSUER_CODES.get(P.CODE_SEPARATOR_RE.split(issuer)[0])
        if head is not None and head.kind == "state":
            continue  # "số 12 CV/UBND" is no Party symbol: left as the text has it
        sym = Symbol(f"{m.group('number')}-{type_code}/{issuer}", m.group("number"), type_code,
                     P.CODE_SEPARATOR_RE.split(issuer)[0], None, True)
        refs.append(Ref(m.start(), m.end(), doc_type_of(sym), sym.number, sym.text, sym.issuer_code))
    return refs


_GLUED_O = frozenset("ốỐ")  # the last letter of "số" glued to its number
_BLANK_OR_COLON = frozenset(" \t:\n")  # "\n": "$" also matches before a last line break


def _number_only_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[Ref]:
    """Number-only references at the digit runs outside the symbols already read (``taken``,
    in order: one pointer walks both lists, so the cost is linear in runs plus symbols)."""
    refs = []
    t = 0
    for start in runs:
        if text[start - 1 : start] not in _BLANK_OR_COLON:
            continue  # TYPE_THEN_NUMBER_RE ends in a blank or ":" (a test cheaper than the two regexes)
        while t < len(taken) and taken[t][1] <= start:
            t += 1
        if t < len(taken) and taken[t][0] <= start:
            continue  # inside a symbol
        m = P.NUMBER_ONLY_RE.match(text, start)
        if not m:
            continue
        typed = P.TYPE_THEN_NUMBER_RE.search(text, max(0, start - 40), start)
        if typed:
            refs.append(Ref(m.start(), m.end(), canonical_type(typed.group("type")), m.group("number"), None, None))
    return refs



def _apply_list_headers(text: str, refs: list[Ref], sentences: list[tuple[int, int]]) -> None:
    """Items after "các Nghị quyết của Chính phủ:" share the header's type and issuer: the bare items
    ("số 105/NQ-CP"), and the items of the header's type and the first item's issuer code ("04 Nghị quyết
    của Bộ Chính trị, gồm: Nghị quyết số 59-NQ/TW ..., Nghị quyết số 70-NQ/TW ...")."""
    starts = [s for s, _ in sentences]
    shared: tuple[str | None, tuple[int, int] | None, int, str | None] | None = None
    for ref in refs:
        if ref.unnumbered:
            continue
        sentence = sentences[bisect.bisect_right(starts, ref.start) - 1]
        base = max(sentence[0], ref.start - 160)
        window = text[base : ref.start]
        tail = window.rstrip()
        m = P.LIST_HEADER_RE.search(window) if tail.endswith((":", "-")) else None  # it ends in ":" or ": -"
        if m:
            issuer = (base + m.start("issuer"), base + m.end("issuer")) if m.group("issuer") else None
            shared = (canonical_type(m.group("type")), issuer, sentence[0], ref.issuer_code)
            ref.listed = True
        elif shared and shared[2] == sentence[0] and ref.doc_type in (None, shared[0]) and (
                text[ref.start : ref.start + 2].lower() == "số"
                or (ref.doc_type == shared[0] and ref.issuer_code is not None and ref.issuer_code == shared[3])):
            ref.listed = True
        else:
            shared = None
            continue
        if ref.doc_type is None:
            ref.doc_type = shared[0]
        if ref.issuer is None:
            ref.issuer = shared[1]


def _opinion_of(text: str, lo: int, cue: re.Match, at: int) -> bool:
    """Whether a "tại" at ``at`` gives where an opinion under a scoped cue is written: the
    opinion follows the cue ("Thực hiện ý kiến của Ban Tổ chức Trung ương tại Văn bản số") or
    opens a clause of its list ("Căn cứ ...; ý kiến chỉ đạo của Ban Bí thư tại Công văn số").
    A task "được giao tại Công văn số" stays a plain "tại"."""
    clause = max(lo, text.rfind(";", lo, at) + 1)
    start = cue.end() if clause <= cue.start() else clause
    return bool(P.OPINION_RE.match(text, start, at))


def _opinion_item(text: str, lo: int, hi: int) -> bool:
    """An opinion item "và chỉ đạo của UBND tỉnh tại văn bản số": the list's cue governs it, not its "tại"."""
    return bool(P.OPINION_RE.match(text, lo, hi)) and text[lo:hi].rstrip().endswith("tại")


def _last_cue(text: str, lo: int, hi: int) -> str | None:
    """The cue governing a reference at hi, looking back to lo.

    A plain "theo"/"tại" right before the reference yields to a more specific
    adjacent cue before it ("Sửa đổi, bổ sung một số nội dung tại Kế hoạch số");
    a "tại" yields to a scoped cue of its clause ("Thực hiện ý kiến của Ban Tổ
    chức Trung ương tại Văn bản số ..." is thuc_hien); "Xét" and "trên cơ sở"
    govern their clause as a scoped cue does; a verb after "đang" describes what
    others do ("các cấp đang triển khai Kế hoạch số ...") and is not the document's own cue.
    """
    found = found_word = None
    found_at = hi
    for m in reversed(list(P.CUE_RE.finditer(text, lo, hi))):
        word = P.WHITESPACE_RE.sub(" ", m.group("cue")).lower()
        name = P.CUE_BY_WORD.get(word)
        if name is None:
            continue
        if name in ("sua_doi", "theo") and P.PASSIVE_AMENDMENT_RE.search(text, max(0, m.start() - 60), m.end()):
            continue  # "... được sửa đổi, bổ sung bởi Luật số": the item's own cue governs
        scoped = CUE_BY_NAME[name].scoped or word in SCOPED_WORDS
        adjacent = bool(P.ADJACENT_TAIL_RE.match(text[m.end() : hi]))
        if found == "theo":
            if found_word == "tại" and scoped and name != "theo" and _opinion_of(text, lo, m, found_at):
                return name
            if found_word == "theo" and scoped and name != "theo" and P.ATTACHED_BEFORE_RE.search(text, lo, found_at + 4):
                return name  # "Căn cứ Quy chế ... ban hành kèm theo Quyết định số": the Căn cứ governs
            return name if adjacent and not scoped else found
        if scoped and P.DESCRIPTIVE_BEFORE_RE.search(text, max(lo, m.start() - 8), m.start()):
            return None
        if scoped or adjacent:
            if name != "theo":
                return name
            found, found_word, found_at = name, word, m.start()
            if word in SCOPED_WORDS:
                return found
    return found


def _cue_in_subject(text: str, lo: int, hi: int) -> str | None:
    """The cue of a reference inside the previous reference's "về ..." subject.

    Only when the subject runs on without ";" or a line break, and the cue
    stands right before the reference without a comma opening a new item
    ("về phòng, chống dịch, thực hiện Kế hoạch số ..." is a list, not a subject).
    """
    gap = text[lo:hi]
    separators = list(P.SEPARATOR_RE.finditer(gap))  # "... về đẩy mạnh ... và chỉ đạo của UBND tỉnh tại": a new item
    if not P.SUBJECT_START_RE.match(gap) or ";" in gap or "\n" in gap or (
            separators and _opinion_item(text, lo + separators[-1].end(), hi)):
        return None
    tail_start = lo + gap.rfind(",") + 1 if "," in gap else lo
    for m in reversed(list(P.CUE_RE.finditer(text, tail_start, hi))):
        if not P.ADJACENT_TAIL_RE.match(text[m.end() : hi]):
            return None
        if not text[tail_start : m.start()].strip():
            return None
        return P.CUE_BY_WORD.get(P.WHITESPACE_RE.sub(" ", m.group("cue")).lower())
    return None


_LIST_REACH = 40  # items looked back over for a list's lead: a long list costs each item no more


def _list_lead_cue(text: str, sentences: list[tuple[int, int]], index: int) -> str | None:
    """The cue of the lead of the enumerated list whose item opens sentence ``index``.

    "2. Quyết định này thay thế các Quyết định sau đây:\na) Quyết định số 27/2009/QĐ-UBND ...;\nb) ...":
    the lead is the sentence before the items that ends in ":" (an item ending in ":" leads a list of its
    own), or a cue alone on its line ("Căn cứ\n\n- Chỉ thị số 45-CT/TW ..."), or a section heading naming
    the bases ("I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH\n1. Quyết định số ...": can_cu). No lead: no cue."""
    def number_only(j: int) -> bool:  # "1." split off as a sentence before " Quyết định số ..."
        return j >= 0 and bool(P.ITEM_NUMBER_ONLY_RE.match(text, sentences[j][0], sentences[j][1]))
    def is_item(j: int) -> bool:
        return bool(P.LIST_ITEM_RE.match(text, sentences[j][0])) or number_only(j - 1)
    if not is_item(index):
        return None
    # A ":" lead governs only bulleted items ("a) ", "- "), not prose items ("cụ thể:\n1. Cấp, thu hồi ...").
    bulleted = bool(P.LIST_ITEM_RE.match(text, sentences[index][0]))
    for j in range(index - 1, max(-1, index - 1 - _LIST_REACH), -1):
        if number_only(j):
            continue  # the number of the item after it
        lo, hi = sentences[j]
        line = text[lo:hi].strip(" \t\n*")
        heading_from = sentences[j - 1][0] if j > 0 else lo  # "I." may stand as a sentence of its own
        if P.BASES_HEADING_RE.search(text, max(heading_from, hi - 120), hi):
            return "can_cu"
        if bulleted and (line.endswith(":") or P.WHITESPACE_RE.sub(" ", line).lower() in P.CUE_BY_WORD):
            tail = P.LIST_LEAD_TAIL_RE.search(text, lo, hi)
            return _last_cue(text, lo, tail.start() if tail else hi)
        if not is_item(j):
            return None
    return None


def _assign_cues(text: str, refs: list[Ref], sentences: list[tuple[int, int]]) -> None:
    starts = [s for s, _ in sentences]
    previous: Ref | None = None
    previous_index: int | None = None
    top: Ref | None = None  # the last reference that is not nested: list items inherit its cue
    # sentence -> where its purpose clause's main verb ends (-1: none) and the main clause's subject
    purpose_ends: dict[int, tuple[int, tuple[int, int] | None]] = {}
    for index, ref in enumerate(refs):
        s_index = bisect.bisect_right(starts, ref.start) - 1
        s_start = sentences[s_index][0]
        if s_index not in purpose_ends:  # once a sentence: a run-on sentence is not searched again per reference
            s_end = sentences[s_index][1]
            sentence = text[s_start:s_end]
            m = (P.PURPOSE_CLAUSE_RE.search(text, s_start, s_end)
                 if "Nhằm" in sentence or "Để" in sentence or "Với mục" in sentence else None)  # most have none
            purpose_ends[s_index] = (m.end(), m.span("subject")) if m else (-1, None)
        purpose_end, subject = purpose_ends[s_index]
        if previous is None or previous.end <= s_start or previous.end > ref.start:
            lo = purpose_end if 0 <= purpose_end <= ref.start else s_start  # past the purpose: its cue stays in it
            ref.cue = _last_cue(text, lo, ref.start) or (None if lo > s_start else _list_lead_cue(text, sentences, s_index))
        else:
            gap = text[previous.end : ref.start]
            nested = P.NESTED_GAP_RE.match(gap)
            if nested and not previous.unnumbered and not ref.listed and gap.strip():
                ref.via = previous_index
                cue = nested.group("cue")
                ref.cue = P.CUE_BY_WORD.get(P.WHITESPACE_RE.sub(" ", cue).lower()) if cue else None
            elif (subject_cue := _cue_in_subject(text, previous.end, ref.start)) is not None and not ref.listed:
                # "... của Sở về hướng dẫn ... theo Nghị quyết số 68": the
                # reference is part of the previous one's subject.
                ref.via, ref.cue = previous_index, subject_cue
            else:
                separators = list(P.SEPARATOR_RE.finditer(gap))
                tail_start = previous.end + (separators[-1].end() if separators else len(gap))
                inherited = top.cue if top is not None and previous.via is not None else previous.cue
                if previous.end <= purpose_end <= ref.start:
                    inherited = None  # the purpose's reference before, the main clause's after
                ref.cue = _last_cue(text, tail_start, ref.start) or inherited
                if ref.cue == "theo" and P.ATTACHED_BEFORE_RE.search(gap):  # "; - Căn cứ ... kèm theo": the item's cue
                    ref.cue = _last_cue(text, previous.end + gap.rfind(";") + 1 if ";" in gap else tail_start, ref.start)
                if ref.cue == "theo" and inherited not in (None, "theo") and (_opinion_item(text, tail_start, ref.start)
                                                                          or P.ATTACHED_BEFORE_RE.search(gap)):
                    ref.cue = inherited  # "Thực hiện Chỉ thị số 22 ... và chỉ đạo của UBND tỉnh tại văn bản số 238"
                if previous.via is not None and ref.via is None and not separators:
                    ref.via = previous.via
        if 0 <= purpose_end <= ref.start and (previous is None or previous.end <= purpose_end) and ref.issuer is None \
                and ref.doc_type and text[purpose_end:ref.start].lstrip().lower().startswith(ref.doc_type.lower()):
            ref.issuer = subject  # "..., UBND tỉnh xây dựng Kế hoạch ... (Kế hoạch số 08/KH-UBND)": the subject's
        if ref.cue is not None and (ref.reported or P.REPORTED_BEFORE_RE.search(text, max(0, ref.start - 30), ref.start)
                                    or P.REPORTED_LIST_BEFORE_RE.search(text, max(0, ref.start - 160), ref.start)):
            ref.cue = None
        previous, previous_index = ref, index
        if ref.via is None:
            top = ref


# The forms of reference, in the order they claim text: a symbol's digits are not read again
# as a number-only reference.
SCANNERS: tuple[Scanner, ...] = (
    Scanner("symbol", _symbol_refs),
    Scanner("symbol-slip", _slip_symbol_refs),
    Scanner("number-only", _number_only_refs),
    Scanner("unnumbered", unnumbered_refs, numbered=False),
    Scanner("named-law", named_law_refs, numbered=False),
    Scanner("congress-resolution", congress_resolution_refs, numbered=False),
    Scanner("plenum-resolution", plenum_resolution_refs, numbered=False),
    Scanner("charter", charter_refs, numbered=False),
    Scanner("working-rules", working_rules_refs, numbered=False),
)


def _number_key(number: str | None) -> str:
    n = (number or "").casefold()
    return n.lstrip("0") or n


def _unit_word(name: str | None) -> str | None:
    """The administrative unit an agency's name places it in ("... tỉnh Đắk Nông" -> "tỉnh")."""
    m = P.UNIT_WORD_RE.search(name or "")
    return " ".join(m.group(1).lower().split()) if m else None


def _is_other_with_own_symbol(text: str, ref: Ref, own_unit: str | None, own_date: str | None) -> bool:
    """A reference carrying the document's own symbol names another document when its date
    differs or its issuer sits at another level ("Số: 5/MTTQ-BTT" of a district committee
    citing "Công văn số 5/MTTQ-BTT của Ủy ban MTTQ tỉnh")."""
    if ref.date and own_date and ref.date != own_date:
        return True
    unit = _unit_word(text[slice(*ref.issuer)]) if ref.issuer else None
    return bool(unit and own_unit and unit != own_unit)


def _is_other(text: str, ref: Ref, first: Ref) -> bool:
    """Two references of one symbol name two documents when their dates or their issuers' levels differ."""
    if ref.date and first.date and ref.date != first.date:
        return True
    unit, first_unit = (_unit_word(text[slice(*r.issuer)]) if r.issuer else None for r in (ref, first))
    return bool(unit and first_unit and unit != first_unit)


def _merge_mentions(sequence: list[Ref], text: str, own: DocHeader | None) -> list[Ref]:
    """One reference per cited document, as eyecite resolves short citations.

    A symbol seen again, or a number-only short form ("Chỉ thị số 08" for
    "08/CT-TTg", "Nghị quyết 29") whose number and type match a full citation
    of the text, becomes a mention of that citation (the latest full one
    before it, else the first after it; else the first short form of the same
    number and type). The document's own symbol, and a short form of its own
    number and type, are no citation. Linear: dictionaries keyed by symbol
    and by (number, type), the full citations' positions searched by bisect.
    """
    own_symbol = own.symbol if own else None
    own_type = own.doc_type if own else None
    own_key = symbol_key(own_symbol) if own_symbol else None
    own_number = _number_key(own.number) if own and own.number else None
    own_unit = _unit_word(match_form(" ".join(filter(None, (own.issuer, own.issuer_parent))))) if own else None
    own_date = own.date if own else None
    self_refs: set[int] = set()
    by_symbol: dict[str, list[Ref]] = {}  # symbol -> the distinct documents carrying it, in order
    same_as: dict[int, Ref] = {}  # id(ref) -> the first reference of its document
    # number, and (number, type) -> the full citations' starts and the citations, in order
    full_by_number: dict[object, tuple[list[int], list[Ref]]] = {}
    for ref in sequence:
        if not ref.unnumbered and ref.symbol:
            key = symbol_key(ref.symbol)
            if key == own_key and not _is_other_with_own_symbol(text, ref, own_unit, own_date):
                self_refs.add(id(ref))
                continue
            documents = by_symbol.setdefault(key, [])
            first = next((d for d in documents if not _is_other(text, ref, d)), None)
            if first is None:  # two documents of one symbol from two levels: both kept
                documents.append(ref)
                for number_key in (_number_key(ref.number), (_number_key(ref.number), ref.doc_type)):
                    starts, found = full_by_number.setdefault(number_key, ([], []))
                    starts.append(ref.start)
                    found.append(ref)
                first = ref
            same_as[id(ref)] = first
    short_first: dict[tuple[str, str | None], Ref] = {}
    canonical: dict[int, Ref | None] = {}  # id(ref) -> the reference it is a mention of (None: dropped)
    kept: list[Ref] = []
    for ref in sequence:
        target: Ref | None = ref
        if ref.unnumbered:
            pass
        elif ref.symbol:
            target = None if id(ref) in self_refs else same_as[id(ref)]
        else:
            number = _number_key(ref.number)
            if own_number and number == own_number and ref.doc_type == own_type:
                target = None  # "Nghị quyết số 21" in Nghị quyết 21/2025/NQ-HĐND itself
            else:
                fulls = full_by_number.get((number, ref.doc_type) if ref.doc_type else number)
                if fulls:
                    at = bisect.bisect_left(fulls[0], ref.start)  # the latest full one before, else the first after
                    target = fulls[1][at - 1] if at else fulls[1][0]
                else:
                    target = short_first.setdefault((number, ref.doc_type), ref)
        canonical[id(ref)] = target
        if target is ref:
            kept.append(ref)
        elif target is not None:
            if target.mentions is None:
                target.mentions = []
            target.mentions.append((ref.start, ref.end))
            target.date = target.date or ref.date
            target.issuer = target.issuer or ref.issuer
    index = {id(r): i for i, r in enumerate(kept)}
    for ref in kept:
        if ref.via is not None:
            via = canonical.get(id(sequence[ref.via]))
            ref.via = index.get(id(via)) if via is not None and via is not ref else None
    return kept


def find_citations(
    norm: Normalized, *, exclude: tuple[tuple[int, int], ...] = (), own: DocHeader | None = None,
    scanners: tuple[Scanner, ...] = SCANNERS,
) -> tuple[list[Citation], list[Unnumbered]]:
    """All numbered and unnumbered references of a text, in order of first mention.

    ``exclude`` lists normalised spans that are not references (the document's
    own "Số: ..." line); ``own`` is the document's header: a document never cites itself.
    ``scanners`` are the forms of reference looked for.
    """
    text = norm.text
    runs = _digit_runs(text)
    refs: list[Ref] = []
    for scanner in scanners:
        if scanner.numbered:
            found = scanner.scan(text, runs, sorted((r.start, r.end) for r in refs))
            refs += [r for r in found if not any(s <= r.start < e for s, e in exclude)]  # exclude: one span at most
    refs.sort(key=lambda r: r.start)
    notices = [m.span() for m in P.SITE_NOTICE_RE.finditer(text)] if "Quý" in text else []
    if notices:  # a page's notice to its users (privacy notice of a legal-text site) cites nothing
        refs = [r for r in refs if not _inside(r, notices)]
    if related := news.related_list_spans(text):  # a legal site's related documents the text never names again
        named_in_text = {symbol_key(r.symbol) for r in refs if r.symbol and not _inside(r, related)}
        refs = [r for r in refs if not _inside(r, related) or (r.symbol is not None and symbol_key(r.symbol) in named_in_text)]
    floor = 0
    for ref in refs:
        _read_before(text, ref, floor)
        read_after(text, ref)
        _read_news_date(text, ref, floor)
        floor = ref.end
    refs = _without_later_documents(text, refs, own)
    _issuers_named_after(text, refs)
    _share_list_dates(text, refs)
    news.read_reported_subjects(text, refs)  # after the dates: the list's date reaches its items first
    news.share_counted_proposer(text, refs)
    _share_list_proposers(text, refs)
    _share_list_issuers(text, refs)  # after the dates: an item's own issuer keeps the list's date off it
    unnumbered = _outside([u for scanner in scanners if not scanner.numbered
                           for u in scanner.scan(text, runs, [(r.start, r.end) for r in refs])], refs)
    # none of a numbered one's type and issuer, unless dated apart (a headline "Công điện của Ban Thường vụ Tỉnh ủy")
    named = {(r.doc_type, fold(text[slice(*r.issuer)])): r.date for r in refs if r.issuer is not None}
    unnumbered = [u for u in unnumbered if u.issuer is None or (k := (u.doc_type, fold(text[slice(*u.issuer)])))
                  not in named or u.date not in (None, named[k])]
    unnumbered.sort(key=lambda r: r.start)
    if not refs and not unnumbered:
        return [], []
    sentences = sentence_spans(text, until=max(r.start for r in refs + unnumbered))
    _apply_list_headers(text, refs, sentences)
    sequence = sorted(refs + unnumbered, key=lambda r: r.start)
    _assign_cues(text, sequence, sentences)
    sequence = _merge_mentions(sequence, text, own)
    numbered_index = {id(r): i for i, r in enumerate(r for r in sequence if not r.unnumbered)}
    sentence_of = _Sentences(norm, sentences)
    citations, others = [], []
    for i, ref in enumerate(sequence):
        lo = sequence[i - 1].start if i else 0
        hi = sequence[i + 1].end if i + 1 < len(sequence) else None
        sentence = sentence_of.of(ref.start, lo, hi)
        if ref.unnumbered:
            others.append(_to_unnumbered(norm, ref, sentence))
        else:
            via = sequence[ref.via] if ref.via is not None else None
            citations.append(_to_citation(norm, ref, sentence, numbered_index.get(id(via))))
    return citations, others


def _inside(ref: Ref, spans: list[tuple[int, int]]) -> bool:
    """Whether the reference starts in one of the spans (a notice, a list of related documents: a few)."""
    return any(s <= ref.start < e for s, e in spans)


_SENTENCE_REACH = 300  # characters kept on either side of a reference in a run-on sentence


class _Sentences:
    """The sentence holding a position, found by bisect over starts made once (not per
    reference); the text of each sentence made once and shared by its references."""

    def __init__(self, norm: Normalized, spans: list[tuple[int, int]]):
        self.norm, self.spans, self.starts = norm, spans, [s for s, _ in spans]
        self.made: dict[tuple[int, int], str] = {}

    def of(self, position: int, lo_bound: int = 0, hi_bound: int | None = None) -> str:
        """The original text of the sentence holding position. A run-on "sentence" (a text
        without sentence breaks) is cut to _SENTENCE_REACH characters on either side of the
        reference and to its neighbours (lo_bound: where the reference before it starts,
        hi_bound: where the one after it ends), at a space: what all citations carry together
        stays linear in the text."""
        s, e = self.spans[bisect.bisect_right(self.starts, position) - 1]
        if e - s > 2 * _SENTENCE_REACH:
            text = self.norm.text
            lo = max(s, position - _SENTENCE_REACH, lo_bound)
            hi = min(e, position + _SENTENCE_REACH, hi_bound if hi_bound is not None else e)
            if lo > s:
                space = text.find(" ", lo, position)
                lo = space + 1 if space >= 0 else lo
            if hi < e:
                space = text.rfind(" ", position, hi)
                hi = space if space > position else hi
            s, e = lo, hi
        made = self.made.get((s, e))
        if made is None:
            o_start, o_end = self.norm.span(s, e)
            made = self.made[(s, e)] = self.norm.original[o_start:o_end].strip()
        return made


def _as_written(norm: Normalized, span: tuple[int, int] | None) -> str | None:
    """The original text of a span, in NFC with whitespace collapsed."""
    if span is None:
        return None
    s, e = norm.span(*span)
    return " ".join(unicodedata.normalize("NFC", norm.original[s:e]).split()) or None


def provincial_tu(symbol: str | None, original: str, issuer: str | None) -> str | None:
    """"TƯ" typed in a symbol is read as TW (the central committee) by normalize; for a
    Tỉnh ủy it is the slip for TU: "512-KL/TƯ" of a Tỉnh ủy is 512-KL/TU.

    >>> provincial_tu("79-KH/TW", "79-KH/TƯ", "Ban Thường vụ Tỉnh ủy")
    '79-KH/TU'
    >>> provincial_tu("46-CT/TW", "46-CT/TƯ", "Bộ Chính trị")
    '46-CT/TW'
    """
    if symbol and issuer and symbol.endswith("/TW") and P.TU_SLIP_RE.search(original) \
            and P.PROVINCIAL_COMMITTEE_RE.search(issuer):
        return symbol[:-2] + "TU"
    return symbol


def _to_citation(norm: Normalized, ref: Ref, sentence: str, via: int | None) -> Citation:
    start, end = norm.span(ref.start, ref.end)
    issuer = _as_written(norm, ref.issuer)
    symbol = provincial_tu(ref.symbol, norm.original[start:end], issuer and match_form(issuer))
    return Citation(
        doc_type=ref.doc_type, number=ref.number, symbol=symbol, date=ref.date,
        issuer=issuer, cue=ref.cue, text=norm.original[start:end], start=start, end=end,
        sentence=sentence,
        issuer_code="TU" if symbol != ref.symbol else ref.issuer_code, via=via,
        mentions=tuple(norm.span(s, e) for s, e in ref.mentions or ()),
    )


def _to_unnumbered(norm: Normalized, ref: Ref, sentence: str) -> Unnumbered:
    start, end = norm.span(ref.start, ref.end)
    return Unnumbered(doc_type=ref.doc_type, issuer=_as_written(norm, ref.issuer), date=ref.date, cue=ref.cue,
                      text=norm.original[start:end], start=start, end=end, sentence=sentence)
