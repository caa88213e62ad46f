"""Stage 2b: what a document says about itself (DOMAIN.md section 5).

The header is read line by line from the matching form: the issuing body
(often parent over child), the emblem, "Số: ...", "<place>, ngày ...", the
title or "V/v ...", "Kính gửi:", and at the end "Nơi nhận:" and the signing
block. PDF extraction interleaves the two header columns, so every element is
recognised by its own shape rather than by its position.

Values shown to users (subject, recipients, issuer) are the original text in
NFC with whitespace collapsed; positions come from the matching form.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .citations import doc_type_of, parse_symbol_match, provincial_tu
from .dates import DATE_RE, date_from_match, parse_date_text
from .models import DocHeader, Signer
from .normalize import Normalized, match_form
from .patterns import (BODY_ISSUER_RE, BODY_OPENING_RE, BULLET_RE, CELL_BAR_RE, DANGLING_UNIT_RE, EMBLEM_RE,
                       FLAT_BREAK_RE, HEADER_SYMBOL_RE, KINH_GUI_RE, NOI_NHAN_RE, PARENT_PLACE_RE, PERSON_NAME_RE,
                       PLACE_DATE_RE, PLACE_ON_LINE_RE, SEMICOLON_SPLIT_RE, SIGN_TITLE_RE, SYMBOL_RE, TITLE_LEAD_RE,
                       TITLE_RE, VV_RE)
from .patterns import AGENCY_ABBREVIATION_RE as _ABBREVIATION_RE
from .patterns import AGENCY_CASING_RE as _CASING_RE
from .patterns import BOARD_RE as _BOARD_RE
from .patterns import COLUMN_GAP_RE as _COLUMN_GAP_RE
from .patterns import COMMITTEE_RE as _COMMITTEE_RE
from .patterns import NOT_LETTER_RE as _NOT_LETTER_RE
from .patterns import PARENT_HEAD_RE as _PARENT_HEAD_RE
from .patterns import ROLE_ONLY_RE as _ROLE_ONLY_RE
from .patterns import ROLE_PREFIX_RE as _ROLE_PREFIX_RE
from .patterns import ROLE_SUFFIX_RE as _ROLE_SUFFIX_RE
from .patterns import UNIT_PHRASE_RE as _UNIT_PHRASE_RE
from .patterns import UNIT_RE as _UNIT_RE
from .patterns import YOUTH_RE as _YOUTH_RE
from .vocabulary import AGENCY_ABBREVIATIONS as _ABBREVIATIONS
from .vocabulary import AGENCY_CASING as _CASING
from .vocabulary import ISSUER_CODES, TYPE_NAMES
from .vocabulary import YOUTH_NAMES as _YOUTH_NAMES

__all__ = ["parse_header", "canonical_agency", "HeaderResult"]

_HEADER_ZONE = 3000  # characters: the header never runs longer
_TAIL_LINES = 45  # lines searched from the end for the signer
_CLOSING_ZONE = 4000  # characters from the end where "Nơi nhận" is looked for first
_TITLE_REACH = 600  # characters after the symbol within which the document's own title stands
_TITLE_ONLY_ZONE = 400  # characters from the start where a header without Số or date has its title


@dataclass(frozen=True)
class HeaderResult:
    doc: DocHeader | None
    symbol_span: tuple[int, int] | None  # the document's own "Số: ..." in normalised positions
    warnings: tuple[str, ...]


class _Line(NamedTuple):
    start: int
    end: int
    text: str  # matching form

    @property
    def bare(self) -> str:
        return self.text.strip(" \t*_")


def _lines(text: str, start: int = 0, end: int | None = None) -> list[_Line]:
    out, pos = [], start
    stop = len(text) if end is None else end
    for raw in text[start:stop].split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _lines_from(text: str, position: int, stop: int | None = None) -> Iterator[_Line]:
    """The lines of text from the one holding position on, made as they are read (a Kính gửi or Nơi
    nhận block needs a few, the issuer and subject the header's first: not the whole zone); up to
    ``stop``, the last one cut there (as ``_lines(text, 0, stop)``)."""
    n = len(text) if stop is None else stop
    pos = text.rfind("\n", 0, position) + 1
    while pos <= n:
        newline = text.find("\n", pos, n)
        if newline < 0:
            newline = n
        yield _Line(pos, newline, text[pos:newline])
        pos = newline + 1


def _last_lines(text: str, count: int) -> list[_Line]:
    """The last ``count`` lines of text (as ``_lines(text)[-count:]``)."""
    parts = text.rsplit("\n", count)  # split in C, where a loop of rfind calls was Python's
    if len(parts) <= count:  # no more lines than that: all of them
        return _lines(text)
    return _lines(text, len(parts[0]) + 1)


def _value(norm: Normalized, start: int, end: int) -> str:
    """Original text of a normalised span, NFC, whitespace collapsed, stars stripped."""
    s, e = norm.span(start, end)
    return " ".join(unicodedata.normalize("NFC", norm.original[s:e]).split()).strip(" *_")


class _DropLower(dict):
    """str.translate table removing lower-case letters, filled as characters are met."""

    def __missing__(self, codepoint: int) -> int | None:
        value = self[codepoint] = None if chr(codepoint).islower() else codepoint
        return value


_DROP_LOWER = _DropLower()


@functools.lru_cache(maxsize=4096)  # header and signature lines are tested many times
def _is_caps(line: str) -> bool:
    if len(line) > 160 or line == line.lower():  # body lines: decided without counting
        return False
    letters = _NOT_LETTER_RE.sub("", line)  # counted with C-level string operations: header
    if len(letters) < 3:                    # and signature lines are tested many times
        return False
    return len(letters.translate(_DROP_LOWER)) / len(letters) > 0.85


def _title_case_place(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def canonical_agency(name: str, place: str | None = None) -> str:
    """A canonical agency name from its written form.

    >>> canonical_agency("ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", "Bến Tre")
    'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre'
    >>> canonical_agency("Ban Thường vụ LĐLĐ tỉnh", "Lai Châu")
    'Liên đoàn Lao động tỉnh Lai Châu'
    >>> canonical_agency("TỈNH ỦY LAI CHÂU")
    'Tỉnh ủy Lai Châu'
    """
    name = " ".join(match_form(unicodedata.normalize("NFC", name)).split())
    name = _ROLE_PREFIX_RE.sub("", name)
    name = _ROLE_SUFFIX_RE.sub("", name)  # "ỦY BAN MTTQ ... TỈNH LAI CHÂU BAN THƯỜNG TRỰC"
    # "BCH ĐOÀN TỈNH LAI CHÂU" is the Tỉnh đoàn; "BCH Đoàn huyện X" the Huyện đoàn.
    name = _YOUTH_RE.sub(lambda m: _YOUTH_NAMES[m.group(1).lower()] + " ", name)
    name = _ABBREVIATION_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], name)
    lower = name.lower()
    words: list[str] = []
    rest = lower
    # Known heads take their canonical casing; a name after a head starts with a capital.
    while rest:
        m = _CASING_RE.match(rest)
        # One-word heads (Sở, Phòng, Bộ, Ban, Hội) only start a name: "và xã hội" stays lower case.
        if m and (" " in m.group(1) or not words):
            words.append(_CASING[m.group(1)])
            rest = rest[m.end():].lstrip()
            continue
        unit = _UNIT_RE.match(rest)
        if unit:
            words.append(unit.group(1))
            if unit.group("name"):
                words.append(_title_case_place(unit.group("name")))
            break
        head, _, rest = rest.partition(" ")
        capitalise = not words or words[-1] in _CASING.values() or words[-1] == "-"
        if capitalise and head and head not in ("và", "-"):
            head = head[:1].upper() + head[1:]
        words.append(head)
        if words[-2:-1] and words[-2] in _CASING.values() and rest and not _CASING_RE.match(rest) and not _UNIT_RE.match(rest):
            # "Tỉnh ủy lai châu": a bare place name after a committee is title case.
            if words[-2] in ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy"):
                words[-1] = _title_case_place(words[-1] + " " + rest)
                break
    result = " ".join(words)
    # "... tỉnh" left dangling: the place is the province the document is in.
    if place and DANGLING_UNIT_RE.search(result):
        result = f"{result} {place}"
    elif place and result in ("Tỉnh ủy", "Ủy ban nhân dân tỉnh"):
        result = f"{result} {place}"
    return result




def compose_agency(issuer: str, parent: str | None, place: str | None = None) -> str:
    """The canonical name of a header's issuer, qualified by its parent line.

    >>> compose_agency("BAN TUYÊN GIÁO", "TỈNH ỦY LAI CHÂU")
    'Ban Tuyên giáo Tỉnh ủy Lai Châu'
    >>> compose_agency("SỞ Y TẾ", "UBND TỈNH LAI CHÂU")
    'Sở Y tế tỉnh Lai Châu'
    >>> compose_agency("BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM TỈNH LAI CHÂU")
    'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu'
    """
    child = canonical_agency(issuer, _place_of(parent) or place)
    if not parent:
        return child
    parent_name = canonical_agency(parent, place)
    if _ROLE_ONLY_RE.match(" ".join(match_form(issuer).split())):
        return parent_name  # "BAN THƯỜNG TRỰC" under the body it serves: the body issues
    if _UNIT_PHRASE_RE.search(child) or (_place_of(parent) and _place_of(parent) in child):
        return child  # already placed: "Đảng ủy xã Bản Bo", "... tỉnh Bến Tre"
    if _COMMITTEE_RE.match(child):
        return child  # "Huyện ủy Tam Đường" under "Đảng bộ tỉnh Lai Châu" names itself
    if _BOARD_RE.match(child) and _COMMITTEE_RE.match(parent_name):
        return f"{child} {parent_name}"  # Ban Tuyên giáo + Tỉnh ủy Lai Châu
    if _BOARD_RE.match(child) and parent_name in ("Ban Chấp hành Trung ương", "Trung ương"):
        return f"{child} Trung ương"  # BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO
    for head in ("Ủy ban nhân dân ", "Đảng bộ ", "Hội đồng nhân dân "):
        if parent_name.startswith(head) and _UNIT_PHRASE_RE.search(parent_name):
            return f"{child} {parent_name[len(head):]}"  # Sở Y tế + tỉnh Lai Châu
    return child


def _split_items(lines: list[_Line], norm: Normalized, first: tuple[int, int] | None) -> list[str]:
    """Recipient or copy items: bullets, ";" separators, wrapped lines joined."""
    items: list[str] = []
    spans: list[tuple[int, int]] = ([first] if first else []) + [(l.start, l.end) for l in lines]
    for start, end in spans:
        raw = norm.text[start:end]
        bullet = BULLET_RE.match(raw)
        is_new = bool(bullet) or not items or items[-1].endswith((";", ",", "."))
        offset = bullet.end() if bullet else 0
        parts = [p for p in SEMICOLON_SPLIT_RE.split(raw[offset:])]
        pos = start + offset
        chunk_values: list = []
        for part in parts:
            if part == ";":
                if chunk_values:
                    chunk_values[-1] += ";"
                pos += 1
                continue
            value = _value(norm, pos, pos + len(part))
            pos += len(part)
            if value:
                chunk_values.append(value)
        for i, value in enumerate(chunk_values):
            if i == 0 and not is_new and items:
                items[-1] = f"{items[-1]} {value}"
            else:
                items.append(value)
    return [i.rstrip(" ,;.") for i in items if i.rstrip(" ,;.")]


def _block(text: str, label: int, *, started: bool = False) -> list[_Line]:
    """Lines after the "Kính gửi:" / "Nơi nhận:" line at position label, up to the
    end of the list. ``started``: the first item stood on the label's own line."""
    out: list[_Line] = []
    lines = _lines_from(text, label)
    next(lines)  # the label's own line
    for line in lines:
        bare = line.text.strip()
        if not bare:
            if out or started:
                break
            continue
        if out and not BULLET_RE.match(line.text) and out[-1].text.rstrip().endswith((".", ";")):
            break
        if len(bare) > 220 or PLACE_DATE_RE.match(line.text) or _is_sign_title(line):
            break
        if NOI_NHAN_RE.match(line.text) or KINH_GUI_RE.match(line.text):
            break
        out.append(line)
    return out


def _is_sign_title(line: _Line) -> bool:
    return not BULLET_RE.match(line.text) and _is_caps(line.bare) and bool(SIGN_TITLE_RE.match(line.bare))


def _signer(lines: list[_Line], norm: Normalized) -> Signer | None:
    """The signer from the document's last lines."""
    tail = [l for l in lines if l.bare]
    if not tail:
        return None
    name = None
    titles: list[_Line] = []
    i = len(tail) - 1
    if PERSON_NAME_RE.match(tail[i].bare) and not SIGN_TITLE_RE.match(tail[i].bare) and not BULLET_RE.match(tail[i].text):
        name = _value(norm, tail[i].start, tail[i].end)
        i -= 1
    while i >= 0 and _is_caps(tail[i].bare) and SIGN_TITLE_RE.match(tail[i].bare) or (
        i >= 0 and titles and _is_caps(tail[i].bare) and tail[i].bare.startswith(("T/M", "TM", "K/T", "KT"))
    ):
        titles.insert(0, tail[i])
        i -= 1
    if name is None and not titles:
        # Signing block above "Nơi nhận" (two columns read left then right).
        for j, line in enumerate(tail):
            if _is_caps(line.bare) and SIGN_TITLE_RE.match(line.bare) and not BULLET_RE.match(line.text):
                group = [line]
                k = j + 1
                # Further title lines: capitals that read as capitalised words ("PHÓ CHỦ TỊCH").
                while k < len(tail) and _is_caps(tail[k].bare) and PERSON_NAME_RE.match(tail[k].bare.title()):
                    group.append(tail[k])
                    k += 1
                if k < len(tail) and PERSON_NAME_RE.match(tail[k].bare):
                    titles, name = group, _value(norm, tail[k].start, tail[k].end)
                    break
    if name is None and not titles:
        return None
    title = " ".join(_value(norm, l.start, l.end) for l in titles) or None
    return Signer(name=name, title=title)


# Two header columns laid side by side ("Số: 92-CV/QĐTN      Bình Thạnh, ngày ...",
# as pdftotext -layout and plain-text archives write them): a wide gap is a column break.
# (Written to start with a character class so the scan is fast, see patterns.py;
# it means: after a non-space, four or more blanks, or one or more tabs.)


def _split_columns(text: str, end: int) -> str:
    """Turn wide gaps in the header zone into line breaks, keeping every position."""
    zone = text[:end]
    if "    " not in zone and "\t" not in zone:  # no wide gap: skip the scan
        return text
    return _COLUMN_GAP_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), zone) + text[end:]


def _open_cells(text: str, end: int) -> str:
    """The cells of a legal-text site's table ("| Số: 1766/QĐ-UBND | Bình Thuận, ngày ... |")
    put on lines of their own: each "|" of the header zone becomes a line break, keeping every position."""
    zone = text[:end]
    if "|" not in zone:
        return text
    return CELL_BAR_RE.sub("\n", zone) + text[end:]


def _break_runs(text: str, end: int) -> str:
    """A header whose lines were run together (pages whose markup was stripped, PDF
    text layers) broken again at its elements, one space becoming one line break
    (positions kept). Only when the header zone has (almost) no line breaks; and on
    the "Số" line, before a place-and-date that follows the symbol."""
    zone = text[:end]
    if zone[:1500].count("\n") < 3:
        zone = FLAT_BREAK_RE.sub(lambda m: (m.group("title") or "") + "\n", zone)
    m = HEADER_SYMBOL_RE.search(zone)
    if m:
        m = _unglued_symbol(zone, m)
        line_end = zone.find("\n", m.end())
        line_end = len(zone) if line_end < 0 else line_end
        place = PLACE_ON_LINE_RE.search(zone, m.end(), line_end)
        if place:
            zone = zone[: place.start()] + "\n" + zone[place.start() + 1 :]
    return zone + text[end:]


def _unglued_symbol(text: str, m: re.Match) -> re.Match:
    """The Số line's symbol when the next header line ran into it (a header whose line breaks were lost):
    "Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH" is 367-QĐ/TWĐTN-VP, its last code cut where the issuer's
    next line ("ĐOÀN TNCS HỒ CHÍ MINH", an emblem or a name's head) starts. Unchanged unless a letter follows
    the symbol straight on and such a line starts inside its last code."""
    end = m.end()
    if not text[end:end + 1].isalpha():
        return m
    last = m.start("p_issuer") if m.group("p_issuer") else m.start("s_code")
    last = max(last, max(text.rfind(c, last, end) for c in "-/&.") + 1)
    for cut in range(last + 1, end):
        rest = text[cut:cut + 60]
        if EMBLEM_RE.match(rest) or _PARENT_HEAD_RE.match(rest):
            return HEADER_SYMBOL_RE.match(text, m.start(), cut) or m
    return m


def _date_near(text: str, start: int) -> re.Match | None:
    """The date of a place-and-date line broken over lines ("Hà Nội, ngày\n27 tháng 11 năm 2025")."""
    return DATE_RE.match(text, start, min(len(text), start + 80)) or DATE_RE.match(
        text, start + len(text[start:start + 80]) - len(text[start:start + 80].lstrip()), min(len(text), start + 80))


def parse_header(norm: Normalized) -> HeaderResult:
    """Read the header and closing of a document; doc is None for an article."""
    zone_end = min(len(norm.text), _HEADER_ZONE)
    text = _break_runs(_open_cells(_split_columns(norm.text, zone_end), zone_end), zone_end)
    warnings: list[str] = []

    symbol_match = HEADER_SYMBOL_RE.search(text, 0, zone_end)
    if symbol_match:
        symbol_match = _unglued_symbol(text, symbol_match)
    date_match = PLACE_DATE_RE.search(text, 0, zone_end)
    title_match = TITLE_RE.search(text, 0, zone_end)
    vv_match = VV_RE.search(text, 0, zone_end)
    emblem = EMBLEM_RE.search(text, 0, zone_end)
    if not symbol_match and not (date_match and (emblem or title_match or vv_match)):
        # A copy that kept only the title: a document when its body opens with a cue.
        lead = TITLE_RE.search(text, 0, _TITLE_ONLY_ZONE) or TITLE_LEAD_RE.search(text, 0, _TITLE_ONLY_ZONE)
        # (Not when what stands before the title already cites a document: an editor's line
        # presenting the text, "Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU ...".)
        if not (lead and _is_caps(lead.group(0).strip(" \t*_#")) and not SYMBOL_RE.search(text, 0, lead.start())
                and BODY_OPENING_RE.search(text, lead.end(), lead.end() + 1500)):
            return HeaderResult(None, None, ())
        title_match = lead

    # Symbol, number, type.
    symbol = number = issuer_code = None
    doc_type = None
    symbol_span = None
    if symbol_match:
        parsed = parse_symbol_match(symbol_match)
        symbol, number, issuer_code = parsed.text, parsed.number, parsed.issuer_code
        doc_type = doc_type_of(parsed)
        symbol_span = (symbol_match.start(), symbol_match.end())
        if number is None:
            warnings.append("draft: the number is left blank")
    code_type = doc_type if symbol_match and parsed.type_code else None
    if title_match and code_type and symbol_match.end() + _TITLE_REACH < title_match.start():
        title_match = None  # a title far below the symbol heads an appendix ("KẾ HOẠCH" under Quyết định 1589/QĐ-TTg)
    if title_match:
        doc_type = next(t for t in TYPE_NAMES if t.upper() == " ".join(title_match.group("title").split()))
        if title_match.re is TITLE_LEAD_RE and not _is_caps(title_match.group(0).strip(" \t*_#")):
            doc_type = None
    elif vv_match and (doc_type is None or not (symbol_match and parsed.party)):
        doc_type = "Công văn"  # "V/v" marks a Công văn: 5253/CT-CS is the Cục Thuế's CS unit, no Chỉ thị

    # Place and date.
    place = date = None
    if date_match:
        place = _value(norm, date_match.start("place"), date_match.end("place"))
        m = DATE_RE.search(date_match.group("rest")) or _date_near(text, date_match.start("rest"))
        date = date_from_match(m) if m else parse_date_text(date_match.group("rest"))
        if date is None:
            warnings.append(f"unreadable date: {date_match.group('rest').strip()[:40]!r}")
        elif len(date) < 10:
            warnings.append("date without a day (draft?)")
    else:
        warnings.append("no place and date line")

    subject = _subject(text, zone_end, norm, title_match, vv_match, symbol_match)

    # Issuer: caps lines that are neither emblem, motto, title nor symbol.
    issuer, parent = _issuer_lines(_lines_from(text, 0, zone_end), norm, symbol_match, title_match, vv_match)
    canonical = None
    if issuer:
        canonical = compose_agency(issuer, parent, place)
    else:
        body = _body_issuer(text, place, issuer_code)
        if body:
            issuer = _value(norm, body.start("who"), body.end("who"))
            canonical = canonical_agency(issuer, place)
        elif issuer_code in ISSUER_CODES:
            canonical = canonical_agency(ISSUER_CODES[issuer_code].name + (" tỉnh" if ISSUER_CODES[issuer_code].level in (None, "province") else ""), place)
        if issuer is None:
            warnings.append("issuer not named in the header")

    recipients: list[str] = []
    kg = KINH_GUI_RE.search(text, 0, min(len(text), _HEADER_ZONE + 2000))
    if kg:
        first = (kg.start("rest"), kg.end("rest")) if kg.group("rest").strip() else None
        recipients = _split_items(_block(text, kg.start(), started=first is not None), norm, first)

    copied: list[str] = []
    nn = None
    # The last "Nơi nhận": looked for in the closing first (the scan of a long body is
    # the cost); the last one in a suffix of the text is the last one in the text.
    for tail_start in (max(0, len(text) - _CLOSING_ZONE), 0):
        for nn in NOI_NHAN_RE.finditer(text, tail_start):
            pass
        if nn or tail_start == 0:
            break
    if nn:
        first = (nn.start("rest"), nn.end("rest")) if nn.group("rest").strip() else None
        copied = _split_items(_block(text, nn.start(), started=first is not None), norm, first)

    if symbol_match and issuer:
        fixed = provincial_tu(symbol, norm.original[slice(*norm.span(*symbol_span))],
                              match_form(" ".join(filter(None, (parent, issuer)))))
        if fixed != symbol:
            symbol, issuer_code = fixed, "TU"
    doc = DocHeader(
        doc_type=doc_type, number=number, symbol=symbol, issuer=issuer, issuer_canonical=canonical,
        issuer_parent=parent, issuer_code=issuer_code, date=date, place=place, subject=subject,
        recipients=tuple(recipients), copied_to=tuple(copied), signer=_signer(_last_lines(text, _TAIL_LINES), norm),
    )
    return HeaderResult(doc, symbol_span, tuple(warnings))


def _body_issuer(text: str, place: str | None, issuer_code: str | None) -> re.Match | None:
    """The body's "<agency> yêu cầu ...", preferring the one that names the
    document's place or its symbol's issuer code."""
    found = list(BODY_ISSUER_RE.finditer(text, 0, min(len(text), 6000)))
    for m in found:
        who = m.group("who")
        if (place and place in who) or (issuer_code and issuer_code in who):
            return m
    return found[0] if found else None


def _place_of(parent: str | None) -> str | None:
    """"ĐẢNG BỘ TỈNH BẾN TRE" -> "Bến Tre"."""
    if not parent:
        return None
    parent = match_form(unicodedata.normalize("NFC", parent))
    m = PARENT_PLACE_RE.search(parent)
    return _title_case_place(m.group(1).lower()) if m else None


def _is_header_element(line: _Line) -> bool:
    bare = line.bare
    return bool(
        not bare or EMBLEM_RE.search(bare) or HEADER_SYMBOL_RE.match(line.text) or PLACE_DATE_RE.match(line.text)
        or TITLE_RE.match(line.text) or VV_RE.match(line.text) or KINH_GUI_RE.match(line.text)
        or set(bare) <= set("*-_=. ")
    )


def _issuer_lines(lines, norm, symbol_match, title_match, vv_match) -> tuple[str | None, str | None]:
    """The issuing body's lines: (issuer as written, parent line or None).

    Shapes are tested on the matching form (so "ÐẢNG BỘ" typed with U+00D0, or
    "UỶ BAN", is recognised); the values returned are the original text.
    """
    stops = [m.start() for m in (symbol_match, title_match, vv_match) if m]
    stop = min(stops) if stops else None
    caps: list[tuple[str, str]] = []  # (matching form, original value)
    for line in lines:
        if stop is not None and line.start >= stop:
            break
        bare = line.bare
        if not bare:
            continue
        emblem = EMBLEM_RE.search(line.text)
        if emblem:  # PDF text can put both columns on one line: keep the other column
            before = line.text[: emblem.start()].strip(" \t*_")
            if before and _is_caps(before):
                caps.append((before, _value(norm, line.start, line.start + emblem.start())))
            continue
        if PLACE_DATE_RE.match(line.text) or KINH_GUI_RE.match(line.text) or set(bare) <= set("*-_=. "):
            continue
        if _is_caps(bare):
            caps.append((bare, _value(norm, line.start, line.end)))
        elif caps:
            break
    if not caps:
        return None, None
    if len(caps) > 1 and (_PARENT_HEAD_RE.match(caps[1][0].upper()) or caps[0][0].upper().startswith("ĐẢNG BỘ")):
        return " ".join(v for _, v in caps[1:]), caps[0][1]
    return " ".join(v for _, v in caps), None


def _subject(text: str, zone_end: int, norm, title_match, vv_match, symbol_match) -> str | None:
    """The V/v line and its wrapped continuation; or the paragraph under the
    title; or, for a Party Công văn without V/v, the paragraph under "Số"."""
    if vv_match:
        anchor = vv_match
        first = _value(norm, vv_match.start("subject"), vv_match.end("subject"))
        parts = [first] if first else []
    elif title_match or symbol_match:
        anchor, parts = title_match or symbol_match, []
    else:
        return None
    for line in _lines_from(text, anchor.end(), zone_end):
        if line.start <= anchor.end():
            continue
        if not line.bare:
            if parts:
                break
            continue
        if _is_header_element(line) or (not vv_match and _is_caps(line.bare)):
            if parts:
                break
            continue
        if len(line.bare) > 250 or len(parts) >= 5:
            break
        parts.append(_value(norm, line.start, line.end))
    subject = " ".join(parts).strip(" *_")
    return subject or None
