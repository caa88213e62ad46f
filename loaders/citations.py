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
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from . import patterns as P
from .dates import date_from_match
from .models import Citation, Unnumbered
from .normalize import Normalized
from .vocabulary import CUE_BY_NAME, OCR_CODE_FIXES, TYPE_BY_CODE, TYPE_NAMES, UNNUMBERED_TYPES, type_for_code

__all__ = ["find_citations", "Symbol", "parse_symbol_match", "sentence_spans", "Scanner", "SCANNERS"]

_TYPE_BY_FOLDED = {t.lower(): t for t in TYPE_NAMES}
_LOOKBACK = 80  # characters searched before a symbol for its type word
_LOOKAHEAD = 200  # characters searched after it for its date and issuer


@dataclass(frozen=True)
class Symbol:
    """A parsed symbol: the normalised text and its parts."""

    text: str | None  # "07-KL/TW"; None when the number is blank (draft)
    number: str | None
    type_code: str | None  # "KL"
    issuer_code: str | None  # "TW", "UBND" (first part of a State issuer: "UBND-VX")
    year: str | None  # "2021" in 23/2021/QĐ-TTg
    party: bool


def _clean_code(code: str) -> str:
    code = P.WHITESPACE_RE.sub("", code)
    return "-".join(OCR_CODE_FIXES.get(part, part) for part in code.split("-"))


def parse_symbol_match(m: re.Match) -> Symbol:
    """Read a SYMBOL_RE / HEADER_SYMBOL_RE match into its normalised parts."""
    if m.group("p_type"):
        number = m.group("p_number")
        type_code = _clean_code(m.group("p_type"))
        issuer = _clean_code(m.group("p_issuer"))
        tail = f"-{type_code}/{issuer}"
        return Symbol(f"{number}{tail}" if number else None, number, type_code, issuer.split("-")[0], None, True)
    number = m.group("s_number")
    year = m.group("s_year")
    code = _clean_code(m.group("s_code"))
    parts = code.split("-")
    # 15/CT-UBND: a type code then the issuer; 1198/UBND-VX: a Công văn has no type code.
    if len(parts) > 1 and type_for_code(parts[0], party=False, has_year=bool(year)):
        type_code, issuer_code = parts[0], parts[1]
    else:
        type_code, issuer_code = None, parts[0]
    middle = f"/{year}" if year else ""
    text = f"{number}{middle}/{code}" if number else None
    return Symbol(text, number, type_code, issuer_code, year, False)


def doc_type_of(symbol: Symbol) -> str | None:
    """The type a symbol implies: its type code, or Công văn when it has none."""
    if symbol.type_code:
        return type_for_code(symbol.type_code, party=symbol.party, has_year=bool(symbol.year))
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


@dataclass
class _Ref:
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


def _canonical_type(word: str) -> str:
    return _TYPE_BY_FOLDED.get(P.WHITESPACE_RE.sub(" ", word).lower(), word)


def _read_after(text: str, ref: _Ref) -> None:
    """Extend ref over ", ngày <date>" and "của <issuer>", in either order."""
    for _ in range(2):
        window = text[ref.end : ref.end + _LOOKAHEAD]
        m = P.DATE_AFTER_RE.match(window)
        if m and ref.date is None:
            ref.date = date_from_match(m)
            ref.end += m.end()
            continue
        m = P.ISSUER_AFTER_RE.match(window)
        if m and ref.issuer is None:
            ref.issuer = (ref.end + m.start("issuer"), ref.end + m.end("issuer"))
            ref.end += m.end("issuer")
            continue
        break
    if text[ref.end : ref.end + 1] == ")" and "(" in text[ref.start : ref.end]:
        ref.end += 1


def _read_before(text: str, ref: _Ref, floor: int) -> None:
    """Extend ref back over its type word ("Kết luận số ") or "số "."""
    window_start = max(floor, ref.start - _LOOKBACK)
    before = text[window_start : ref.start]
    m = P.TYPE_BEFORE_RE.search(before)
    if m:
        if m.group("type"):
            ref.doc_type = _canonical_type(m.group("type"))
        elif m.group("code"):
            ref.doc_type = TYPE_BY_CODE[m.group("code")]
        ref.start = window_start + m.start()
    else:
        m = P.SO_BEFORE_RE.search(before)
        if m:
            ref.start = window_start + m.start()
    if ref.issuer is None:
        base = max(floor, ref.start - 120)
        m = P.ISSUER_BEFORE_RE.search(text[base : ref.start])
        if m:
            ref.issuer = (base + m.start("issuer"), base + m.end("issuer"))


@dataclass(frozen=True)
class Scanner:
    """One form of reference. ``scan(text, digit_runs, taken)`` returns its references in the
    matching form, given where runs of digits start and the spans earlier scanners took.

    A numbered scanner's references get their type word, date and issuer read from around
    them and may become citations; an unnumbered one (``numbered=False``) reads its own and
    yields only where no numbered reference stands.
    """

    name: str
    scan: Callable[[str, list[int], list[tuple[int, int]]], list[_Ref]]
    numbered: bool = True


def _digit_runs(text: str) -> list[int]:
    """Where each run of digits starts. Symbols and number-only references can only
    start there, so one scan for digits serves both (each then tried by .match)."""
    return [m.start() for m in P.DIGIT_RUN_RE.finditer(text)]


def _symbol_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[_Ref]:
    """ "Kết luận số 07-KL/TW", "23/2021/QĐ-TTg", "159 -CV/ĐUK" (SYMBOL_RE at a run of digits)."""
    refs: list[_Ref] = []
    end = 0
    for start in runs:
        if start < end:  # inside the symbol just read ("23/2021/QĐ-TTg")
            continue
        m = P.SYMBOL_RE.match(text, start)
        if m:
            sym = parse_symbol_match(m)
            refs.append(_Ref(m.start(), m.end(), doc_type_of(sym), sym.number, sym.text, sym.issuer_code))
            end = m.end()
    return refs


def _number_only_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[_Ref]:
    """ "Công văn số 294 ngày ...": a number after a type word, outside the symbols already taken."""
    refs = []
    for start in runs:
        m = P.NUMBER_ONLY_RE.match(text, start)
        if not m or any(s <= start < e for s, e in taken):
            continue
        typed = P.TYPE_THEN_NUMBER_RE.search(text, max(0, start - 40), start)
        if typed:
            refs.append(_Ref(m.start(), m.end(), _canonical_type(typed.group("type")), m.group("number"), None, None))
    return refs


def _unnumbered_refs(text: str, runs: list[int], taken: list[tuple[int, int]]) -> list[_Ref]:
    """ "Điện của Thủ tướng Chính phủ ngày ...": a type word with no number, an issuer and a date."""
    refs: list[_Ref] = []
    if not any(word in text for word in UNNUMBERED_TYPES):  # most documents have none: skip the scan
        return refs
    for m in P.UNNUMBERED_RE.finditer(text):
        ref = _Ref(m.start(), m.end("type"), m.group("type"), None, None, None, unnumbered=True)
        rest = m.group("rest")
        dm = P.DATE_AFTER_RE.search(rest) or P.LOOSE_NGAY_DATE_RE.search(rest)
        if dm:
            ref.date = date_from_match(dm)
        ref.end = m.end("rest")
        _read_after(text, ref)
        if ref.issuer is None:
            continue  # "Điện" alone is too vague to be a reference
        refs.append(ref)
    return refs


def _apply_list_headers(text: str, refs: list[_Ref], sentences: list[tuple[int, int]]) -> None:
    """Items after "các Nghị quyết của Chính phủ:" share the header's type and issuer."""
    starts = [s for s, _ in sentences]
    shared: tuple[str | None, tuple[int, int] | None, int] | None = None
    for ref in refs:
        if ref.unnumbered:
            continue
        sentence = sentences[bisect.bisect_right(starts, ref.start) - 1]
        base = max(sentence[0], ref.start - 160)
        m = P.LIST_HEADER_RE.search(text[base : ref.start])
        if m:
            issuer = (base + m.start("issuer"), base + m.end("issuer")) if m.group("issuer") else None
            shared = (_canonical_type(m.group("type")), issuer, sentence[0])
            ref.listed = True
        elif shared and shared[2] == sentence[0] and ref.doc_type in (None, shared[0]) and text[ref.start : ref.start + 2].lower() == "số":
            ref.listed = True
        else:
            shared = None
            continue
        if ref.doc_type is None:
            ref.doc_type = shared[0]
        if ref.issuer is None:
            ref.issuer = shared[1]


def _last_cue(text: str, lo: int, hi: int) -> str | None:
    """The cue governing a reference at hi, looking back to lo.

    A plain "theo"/"tại" right before the reference yields to a more specific
    adjacent cue before it ("Sửa đổi, bổ sung một số nội dung tại Kế hoạch số");
    a verb after "đang" describes what others do ("các cấp đang triển khai
    Kế hoạch số ...") and is not the document's own cue.
    """
    found = None
    for m in reversed(list(P.CUE_RE.finditer(text, lo, hi))):
        name = P.CUE_BY_WORD.get(P.WHITESPACE_RE.sub(" ", m.group("cue")).lower())
        if name is None:
            continue
        scoped = CUE_BY_NAME[name].scoped
        adjacent = bool(P.ADJACENT_TAIL_RE.match(text[m.end() : hi]))
        if found == "theo":
            return name if adjacent and not scoped else found
        if scoped and P.DESCRIPTIVE_BEFORE_RE.search(text, max(lo, m.start() - 8), m.start()):
            return None
        if scoped or adjacent:
            if name != "theo":
                return name
            found = name
    return found


def _cue_in_subject(text: str, lo: int, hi: int) -> str | None:
    """The cue of a reference inside the previous reference's "về ..." subject.

    Only when the subject runs on without ";" or a line break, and the cue
    stands right before the reference without a comma opening a new item
    ("về phòng, chống dịch, thực hiện Kế hoạch số ..." is a list, not a subject).
    """
    gap = text[lo:hi]
    if not P.SUBJECT_START_RE.match(gap) or ";" in gap or "\n" in gap:
        return None
    tail_start = lo + gap.rfind(",") + 1 if "," in gap else lo
    for m in reversed(list(P.CUE_RE.finditer(text, tail_start, hi))):
        if not P.ADJACENT_TAIL_RE.match(text[m.end() : hi]):
            return None
        if not text[tail_start : m.start()].strip():
            return None
        return P.CUE_BY_WORD.get(P.WHITESPACE_RE.sub(" ", m.group("cue")).lower())
    return None


def _assign_cues(text: str, refs: list[_Ref], sentences: list[tuple[int, int]]) -> None:
    starts = [s for s, _ in sentences]
    previous: _Ref | None = None
    previous_index: int | None = None
    top: _Ref | None = None  # the last reference that is not nested: list items inherit its cue
    for index, ref in enumerate(refs):
        s_start = sentences[bisect.bisect_right(starts, ref.start) - 1][0]
        if previous is None or previous.end <= s_start or previous.end > ref.start:
            ref.cue = _last_cue(text, s_start, ref.start)
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
                ref.cue = _last_cue(text, tail_start, ref.start) or inherited
                if previous.via is not None and ref.via is None and not separators:
                    ref.via = previous.via
        previous, previous_index = ref, index
        if ref.via is None:
            top = ref


# The forms of reference, in the order they claim text: a symbol's digits are not read again
# as a number-only reference.
SCANNERS: tuple[Scanner, ...] = (
    Scanner("symbol", _symbol_refs),
    Scanner("number-only", _number_only_refs),
    Scanner("unnumbered", _unnumbered_refs, numbered=False),
)


def find_citations(
    norm: Normalized, *, exclude: tuple[tuple[int, int], ...] = (), scanners: tuple[Scanner, ...] = SCANNERS
) -> tuple[list[Citation], list[Unnumbered]]:
    """All numbered and unnumbered references of a text, in order of appearance.

    ``exclude`` lists normalised spans that are not references (the document's
    own "Số: ..." line). ``scanners`` are the forms of reference looked for.
    """
    text = norm.text
    runs = _digit_runs(text)
    refs: list[_Ref] = []
    for scanner in scanners:
        if scanner.numbered:
            found = scanner.scan(text, runs, [(r.start, r.end) for r in refs])
            refs += [r for r in found if not any(s <= r.start < e for s, e in exclude)]
    refs.sort(key=lambda r: r.start)
    floor = 0
    for ref in refs:
        _read_before(text, ref, floor)
        _read_after(text, ref)
        floor = ref.end
    unnumbered = [u for scanner in scanners if not scanner.numbered
                  for u in scanner.scan(text, runs, [(r.start, r.end) for r in refs])
                  if not any(r.start <= u.start < r.end for r in refs)]
    if not refs and not unnumbered:
        return [], []
    sentences = sentence_spans(text, until=max(r.start for r in refs + unnumbered))
    _apply_list_headers(text, refs, sentences)
    sequence = sorted(refs + unnumbered, key=lambda r: r.start)
    _assign_cues(text, sequence, sentences)
    numbered_index = {id(r): i for i, r in enumerate(r for r in sequence if not r.unnumbered)}
    citations, others = [], []
    for ref in sequence:
        if ref.unnumbered:
            others.append(_to_unnumbered(norm, ref, _sentence_of(norm, sentences, ref.start)))
        else:
            via = sequence[ref.via] if ref.via is not None else None
            citations.append(_to_citation(norm, ref, sentences, numbered_index.get(id(via))))
    return citations, others


def _sentence_of(norm: Normalized, sentences: list[tuple[int, int]], position: int) -> str:
    starts = [s for s, _ in sentences]
    s, e = sentences[bisect.bisect_right(starts, position) - 1]
    o_start, o_end = norm.span(s, e)
    return norm.original[o_start:o_end].strip()


def _as_written(norm: Normalized, span: tuple[int, int] | None) -> str | None:
    """The original text of a span, in NFC with whitespace collapsed."""
    if span is None:
        return None
    s, e = norm.span(*span)
    return " ".join(unicodedata.normalize("NFC", norm.original[s:e]).split()) or None


def _to_citation(norm: Normalized, ref: _Ref, sentences, via: int | None) -> Citation:
    start, end = norm.span(ref.start, ref.end)
    return Citation(
        doc_type=ref.doc_type, number=ref.number, symbol=ref.symbol, date=ref.date,
        issuer=_as_written(norm, ref.issuer), cue=ref.cue, text=norm.original[start:end], start=start, end=end,
        sentence=_sentence_of(norm, sentences, ref.start), issuer_code=ref.issuer_code, via=via,
    )


def _to_unnumbered(norm: Normalized, ref: _Ref, sentence: str) -> Unnumbered:
    start, end = norm.span(ref.start, ref.end)
    return Unnumbered(doc_type=ref.doc_type, issuer=_as_written(norm, ref.issuer), date=ref.date, cue=ref.cue,
                      text=norm.original[start:end], start=start, end=end, sentence=sentence)
