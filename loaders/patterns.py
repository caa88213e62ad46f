"""Every regular expression of the parser, compiled once, built from named parts.

Patterns run on the matching form of ``normalize.normalize`` (NFC, new tone
placement, Đ, plain hyphens). Each alternative carries a real example; the
table tests in tests/test_patterns.py and tests/test_citations.py exercise them.
"""

from __future__ import annotations

import re

from .normalize import fold
from .vocabulary import (AGENCY_ABBREVIATIONS, AGENCY_CASING, CUES, DOC_TYPES, ORDINAL_WORDS, REPORTING_VERBS,
                         SIGNER_TITLES, SURNAMES, TYPE_BY_CODE, TYPE_NAMES, UNIT_WORDS, UNNUMBERED_TYPES)

__all__ = [
    # group phrases, issuer places, issuers and cues of real texts (tables: tests/test_patterns.py)
    "GROUP_PLURAL_RE", "GROUP_UNDER_PROVINCE_RE", "GROUP_PROVINCE_COMMITTEES_RE", "GROUP_PROVINCES_RE",
    "TYPED_COMMUNE_RE", "PARENT_DISTRICT_RE", "DISTRICT_PARENT_RE", "SPACED_STATE_ISSUER_RE", "SITE_NOTICE_RE",
    "PASSIVE_AMENDMENT_RE", "DATE_RE", "NGAY_DATE_RE", "CELL_TAB_RE", "UNPRINTABLE_RE",
    "DIGIT_RUN_RE", "SYMBOL_RE", "HEADER_SYMBOL_RE", "NUMBER_ONLY_RE", "UNNUMBERED_RE", "TYPE_BEFORE_RE",
    "SO_BEFORE_RE", "LIST_HEADER_RE", "DATE_AFTER_RE", "ISSUER_AFTER_RE", "ISSUER_BEFORE_RE",
    "CUE_RE", "ADJACENT_TAIL_RE", "NESTED_GAP_RE", "SENTENCE_BREAK_RE", "LIST_ITEM_RE", "LIST_LEAD_TAIL_RE",
    "SEPARATOR_RE", "WHITESPACE_RE", "BASES_HEADING_RE", "ITEM_NUMBER_ONLY_RE",
    "LOOSE_NGAY_DATE_RE", "DESCRIPTIVE_BEFORE_RE", "SUBJECT_START_RE", "EMBLEM_RE", "PLACE_DATE_RE", "TITLE_RE",
    "VV_RE", "KINH_GUI_RE", "NOI_NHAN_RE", "SIGN_TITLE_RE", "PERSON_NAME_RE", "BULLET_RE", "BODY_ISSUER_RE",
    "ROLE_PREFIX_RE", "ROLE_SUFFIX_RE", "YOUTH_RE", "AGENCY_ABBREVIATION_RE", "AGENCY_CASING_RE", "UNIT_RE",
    "PARENT_HEAD_RE", "NOT_LETTER_RE", "DANGLING_UNIT_RE", "ROLE_ONLY_RE", "BOARD_RE", "COMMITTEE_RE",
    "UNIT_PHRASE_RE", "COLUMN_GAP_RE", "PARENT_PLACE_RE", "SEMICOLON_SPLIT_RE",
    # folded text (graph/ and queries/)
    "FOLDED_UNIT_WORDS", "FOLDED_TYPE_WORDS", "AGENCY_ROLE_RE", "TRAILING_UNIT_RE", "LAST_UNIT_WORD_RE",
    "PLACE_WORD_RE", "PARENTHESES_RE", "CENTRAL_GROUP_RE", "GROUP_BODY_RE", "GROUP_COMMITTEE_RE", "GROUP_UNIT_RE", "UNIT_IN_TEXT_RE",
    "COMMUNE_WORD_RE", "SLUG_BREAK_RE", "PLACE_TOKEN_RE", "YEAR_PREFIX_RE", "NUMBER_REF_RE",
    "BARE_NUMBER_REF_RE", "YEAR_RE", "ISSUER_TAIL_RE", "DATE_WORDS_RE", "PATH_LIKE_RE",
    # real layouts and slips (issue 16)
    "TITLE_LEAD_RE", "BODY_OPENING_RE",
    "CELL_BAR_RE", "FLAT_BREAK_RE", "PLACE_ON_LINE_RE", "NAMED_LAW_BEFORE_RE", "NEWS_DATE_BEFORE_RE",
    "SHARED_DATE_GAP_RE", "REPORTED_BEFORE_RE", "REPORTED_LIST_BEFORE_RE", "CODE_JOIN_RE", "ASSEMBLY_CODE_RE", "OPINION_RE", "ATTACHED_BEFORE_RE", "UNIT_WORD_RE",
    "TU_SLIP_RE", "PROVINCIAL_COMMITTEE_RE", "CODE_SEPARATOR_RE", "GLUED_SYMBOL_RE", "SLIP_SYMBOL_RE",
    "SLIP_AFTER_SO_RE", "ISSUER_TAI_BEFORE_RE", "NAMED_LAW_RE", "CONGRESS_RESOLUTION_RE",
    "CONGRESS_ORDINAL_RE", "CONGRESS_KEY_NOISE_RE", "ANNIVERSARY_BEFORE_RE", "PLENUM_RESOLUTION_RE",
    "CHARTER_RE", "CHARTER_SUBJECT_BEFORE_RE", "CONSTITUTION_RE", "WORKING_RULES_RE", "ISSUER_DO_AFTER_RE", "PURPOSE_CLAUSE_RE", "ON_BEHALF_BEFORE_RE", "TYPE_OF_ISSUER_BEFORE_RE", "NAMED_YEAR_AFTER_RE", "LATER_DOCUMENT_BEFORE_RE",
    # news items and legal-site pages (loaders/news.py; tables: tests/test_news_forms.py)
    "SIGNER_AFTER_OFFICE_RE", "UNIT_WORD_AT_END_RE", "REPORTED_AT_BEFORE_RE", "REPORTED_SUBJECT_AFTER_RE",
    "RELATED_ITEM_RE", "COUNTED_PROPOSER_RE",
]


# -- dates (loaders/dates.py reads their matches) ----------------------------------
# One named pattern for every numeric and spelled form; day and month may be
# blank in drafts (dots, spaces or nothing where the clerk leaves a gap).
DATE = r"""
    (?:
        (?P<d_day>\d{1,2}) \s*(?P<sep>[/.-])\s* (?P<d_month>\d{1,2}) \s*(?P=sep)\s* (?P<d_year>(?:19|20)[ ]?\d\d)
                                              # 06/5/2021, 11-6-2021, 11.6.2021; "16/7/20 21" (a legal site's
                                              # wrap inside the year, 2022-ubnd-soctrang-135-kh)
      | (?P<s_day>\d{1,2})? [\s.…_]* tháng [\s.…_]* (?P<s_month>\d(?:[ ]?\d)?)? [\s.…_]* năm \s* (?P<s_year>(?:19|20)\d\d)
                                              # 10 tháng 5 năm 2021; "   tháng 12 năm 2021" (draft)
    )
"""
DATE_RE = re.compile(DATE, re.VERBOSE | re.IGNORECASE)

# "ngày" before a date; the date pattern alone also stands after "ban hành".
NGAY_DATE_RE = re.compile(r"ngày [\s.…_]* " + DATE, re.VERBOSE | re.IGNORECASE)

# -- cells and printable text (loaders/html_text.py, loaders/errors.py) ---------------------
# A tab between table cells of a page's text (with the spaces around it): the cells go on lines of their own.
CELL_TAB_RE = re.compile(r"[ \t]*\t[ \t]*")
# Controls (C0, DEL, C1), lone surrogates (undecodable bytes of a file name), line and
# paragraph separators, bidi overrides and isolates: what could move a terminal's cursor,
# colour it, break a line or reverse the text around it.
UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# Upper-case Vietnamese letters: names of agencies and sentences start with one.
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = UPPER.lower()  # a-zđàáả...: the same letters in lower case


def _alternation(words, *, flexible_space: bool = True) -> str:
    """A regex matching any of words, longest first ("Thủ tướng Chính phủ" wins
    over "Thủ tướng"), factored as a trie so a scan fails fast on the first
    letter; with IGNORECASE each letter matches either case."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        for ch in sorted((c for c in node if c), key=lambda c: -_depth(node[c])):
            atom = r"\s+" if ch == " " and flexible_space else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        optional = "" in node
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


def _depth(node: dict) -> int:
    return 1 + max((_depth(child) for child in node.values()), default=0)


# A note on speed (measured): Python's regex engine skips quickly through a text
# only when a pattern starts with a literal or a character class; otherwise it
# tries the whole pattern at every position, and a leading lookbehind
# ("(?<!\w)...") makes each try expensive. So patterns that scan whole documents
# open with a character class (SENTENCE_BREAK_RE) or a cheap lookahead of what
# their first character can be ("(?=\d)(?<![\w/.-])..."), with the same meaning;
# symbols and number-only references are tried only where DIGIT_RUN_RE found digits.

# "\d\d*" matches what "\d+" matches, but opens with a class the engine skips to
# (benchmarks/matchers.py: 9 µs a real document, 25 µs a generated one).
DIGIT_RUN_RE = re.compile(r"\d\d*")

# -- symbols -----------------------------------------------------------------

# "ngày" glued to the word before it: HTML copies of legal sites (luatminhkhue) lose the space where the
# source wrapped its lines ("Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012", "Luật tổ chức Chính
# phủngày 25 tháng 12 năm 2001"); no Vietnamese word ends in "ngày" but the word itself.
GLUED_NGAY = r"ngày[ \t]*\d"
_SP = r"[ \t]{0,2}"  # stray spaces inside a symbol: "159 -CV/ĐUK", "100 - KL/TW"
_CODE = r"[A-ZĐƯ][A-Za-zĐđƯư0-9]{0,11}"  # CV, QĐ, QyĐ, TTg, BTGTU, LĐLĐ, BCĐ389
# Joins between code segments: "-" (UBND-VX), "&" (BNN&MT, "BNN& MT"), "." glued
# (CĐ.UBND, Sabeco.HCM) and "/" (QCPH/UBND-LĐLĐ, TTLT/BTC-BNV: three or more segments).
_JOIN = rf"(?:{_SP}-{_SP}|&[ ]?|\.|/)"
_ISSUER_PART = rf"{_CODE}(?:{_JOIN}{_CODE})*"  # UBND-VX, MTTQ-BTT, ĐUK, QĐ/HNDTW
_YEAR = r"(?:19|20)\d\d"
# A number, with a letter suffix when one follows the digits: 45b/NQ-CP, 12a/QĐ-UBND, 71B/SYT-NV.
_NUMBER = r"\d{1,5}(?:[a-zA-Z](?![a-zA-Z]))?"
# A trailing year after the code: 118/CV-Petrolimex/2019, 09/HDTLMM/2025.
_TAIL_YEAR = rf"(?:/{_YEAR}(?!\d))?"

# A document symbol in either official shape, not glued to a word or a number.
SYMBOL = rf"""
    (?=\d)(?<![\w/.-])          # lookahead first: see the note on speed above
    (?:
        (?P<p_number>{_NUMBER}) {_SP}-?{_SP} (?P<p_type>{_CODE}) {_SP}/{_SP} (?P<p_issuer>{_ISSUER_PART})
                                  # Party: 07-KL/TW, 132-CV/BTGTU, 159 -CV/ĐUK, 100 - KL/TW, 20NQ/TW
      | (?P<s_number>{_NUMBER}) {_SP}/{_SP} (?:(?P<s_year>{_YEAR}){_SP}/{_SP})? (?P<s_code>{_ISSUER_PART})
                                  # State: 15/CT-UBND, 23/2021/QĐ-TTg, 1198/UBND-VX, 675/LĐLĐ
    )
    (?P<tail_year>{_TAIL_YEAR})
    (?:(?![\w])|(?={GLUED_NGAY}))   # "70-TB/TWngày 06 tháng 01": a copy that lost the space at a line join
"""
SYMBOL_RE = re.compile(SYMBOL, re.VERBOSE)
# The same glued to "số" by a typing slip: "số782-QĐ/HU" (the lookbehind would refuse the "ố").
GLUED_SYMBOL_RE = re.compile(SYMBOL.replace(r"(?=\d)(?<![\w/.-])", r"(?<=[Ss]ố)", 1), re.VERBOSE)
assert GLUED_SYMBOL_RE.pattern != SYMBOL

# Typing slips in a Party symbol, read only after "số" (SLIP_AFTER_SO_RE): a space for the
# slash before a committee code ("Nghị quyết số 57-NQ TW", "kết luận 48/kl TW"), or for the
# hyphen after the number ("Quyết định số 61 QĐ/TWĐTN"); type codes in either case.
_COMMITTEE_CODE = r"(?:TW|TƯ|TU|HU|ThU|QU|TxU|ĐUK|ĐU)"
_ANY_CASE_TYPE_CODE = "(?i:" + "|".join(sorted(map(re.escape, {*TYPE_BY_CODE, "TT"}), key=len, reverse=True)) + ")"
SLIP_SYMBOL_RE = re.compile(
    rf"""
    (?P<number>{_NUMBER})
    (?: {_SP}[-/]{_SP} (?P<type1>{_ANY_CASE_TYPE_CODE}) [ \t]+ (?P<issuer1>{_COMMITTEE_CODE})   # 57-NQ TW, 48/kl TW
      | [ \t]+ (?P<type2>{_ANY_CASE_TYPE_CODE}) {_SP}/{_SP} (?P<issuer2>{_ISSUER_PART})         # 61 QĐ/TWĐTN
    )
    (?![\w/-])
    """,
    re.VERBOSE,
)
SLIP_AFTER_SO_RE = re.compile(r"(?<!\w)số[ \t]*:?[ \t]*$", re.IGNORECASE)
# A space typed for the hyphen of a State symbol: "Quyết định 927/QĐ TTg" (927/QĐ-TTg). Read after a
# State symbol whose code is a bare type code; the word after the space must be a State issuer code.
SPACED_STATE_ISSUER_RE = re.compile(r"[ \t](?P<issuer>[A-ZĐ][A-Za-zĐđ]{1,9})(?![\w/-])")

# A page's notice to its own users (a legal-text site's privacy notice after the document: "Kính gửi:
# Quý Thành viên, Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân ... Trân trọng cảm ơn"): no
# reference in it is the document's. From the salutation to its closing line.
SITE_NOTICE_RE = re.compile(
    r"^[ \t*]*Kính[ \t]+gửi[ \t*:]*[ \t]*Quý[ \t]+(?:[Tt]hành[ \t]+viên|[Kk]hách(?:[ \t]+hàng)?|[Bb]ạn[ \t]+đọc)"
    r"[^\n]*\n(?:(?![ \t*]*Trân[ \t]+trọng)[^\n]*\n){0,30}[ \t*]*Trân[ \t]+trọng[^\n]*",
    re.MULTILINE,
)

_TYPE_WORD = _alternation(TYPE_NAMES)

# In a header a draft leaves the number blank: "Số: /CT-UBND", "Số:      -KH/TU".
HEADER_SYMBOL_RE = re.compile(
    rf"""
    ^[ \t*>|_#-]*(?:(?i:{_TYPE_WORD})[ \t]+[Ss]ố[ \t]*:|Số\s*:?)   # "Nghị quyết số: 653/2019/UBTVQH14"
    [ \t*_]*(?:\n[ \t*_|]*)?     # "Số:\n72/2025/QĐ-UBND" (a legal site's table cell)
    (?:
        (?P<p_number>{_NUMBER})? {_SP}-{_SP} (?P<p_type>{_CODE}) {_SP}/{_SP} (?P<p_issuer>{_ISSUER_PART})
      | (?P<s_number>{_NUMBER})? {_SP}/{_SP} (?:(?P<s_year>{_YEAR}){_SP}/{_SP})? (?P<s_code>{_ISSUER_PART})
    )
    (?P<tail_year>{_TAIL_YEAR})
    """,
    re.VERBOSE | re.MULTILINE,
)

# "Chỉ thị số 17", "Kết luận 07": a number with a type word but no symbol. The scan
# is anchored on the digits (fast); TYPE_THEN_NUMBER_RE then reads the words before them.
NUMBER_ONLY_RE = re.compile(
    rf"""
    (?=\d)(?<![\w/.,-])(?P<number>\d{{1,5}})
    (?:/(?:19|20)\d\d(?![\w/.-]))?             # "Nghị quyết số 202/2025 của Quốc hội khóa XV": number and year, no code
    (?![\w/.,-]?\d)(?!{_SP}[-/]{_SP}[\w])     # not a symbol, a date or an amount
    (?!\s+(?:năm|tháng|lần|người|điều|khoản|giờ|phút|triệu|tỷ|nghìn|đồng|%)(?!\w))  # "2 năm một lần"
    """,
    re.VERBOSE | re.IGNORECASE,
)
# What a type word, a type code or "văn bản" can open with, in either case: the lookahead that opens
# the patterns searched before each reference makes a try at a position that cannot start one cheap.
_TYPE_FIRST = "(?=[" + "".join(sorted({c for w in (*TYPE_NAMES, *TYPE_BY_CODE, "văn bản", "VB")
                                      for c in (w[0].lower(), w[0].upper())})) + "])"
TYPE_THEN_NUMBER_RE = re.compile(
    rf"{_TYPE_FIRST}(?<!\w)(?P<type>{_TYPE_WORD})[ \t]+(?:số[ \t]*:?[ \t]*)?$",   # on one line: "hướng dẫn\n\n5." is a section
    re.IGNORECASE,
)

# "Điện của Thường trực Ban Bí thư", "Lời kêu gọi ... ngày 29/7/2021 của Tổng Bí thư":
# capitalised, and followed in the same clause by "của <issuer>".
# A law named and dated but not numbered: "Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "Luật
# Tiếp công dân năm 2013", "Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật ...
# ngày 22/11/2019" (one law: the names inside an amending law's title are its own). The name runs
# to its date, never over "số" (a numbered law is a citation) or a clause break.
# Opens with the words' first letters, each followed by the lookbehind ("L(?<!\wL)uật": no word
# character before the L): the engine then skips to the next B, L or P in C, where a pattern opening
# with a lookbehind (or a lookahead) is tried at every position (2.2x faster on the real texts).
NAMED_LAW_RE = re.compile(
    rf"(?P<type>B(?<!\wB)ộ\s+luật|L(?<!\wL)uật|P(?<!\wP)háp\s+lệnh)(?P<name>(?:\s+(?!(?:số|ngày|năm)(?!\w))"
    rf"[^\s;:.()\d][^\s;:.()]*){{0,24}}?)"
    rf"(?:\s+|(?<=[{LOWER}])(?={GLUED_NGAY}|năm[ \t]+(?:19|20)\d\d))"   # glued: "Luật Khiếu nại, tố cáonăm 1998"
    rf"(?P<when>ngày\s*{DATE}|năm\s+(?P<year>(?:19|20)\d\d)(?!\d))",
    re.VERBOSE,
)
# ("Điện Biên", "Điện Bàn": places, not a telegram)
# A type word followed by a reporting verb is the news's own document again, the verb's subject ("Công điện nhấn
# mạnh, để chủ động phòng, chống bão ... tài sản của Nhà nước": 143/CĐ-TTg, fresh7), no unnumbered reference.
UNNUMBERED_RE = re.compile(
    rf"(?<!\w)(?P<type>{_alternation(UNNUMBERED_TYPES)})(?!\w)(?!\s+số)(?![ \t]+B(?:iên|àn)(?!\w))"
    rf"(?![ \t]+(?:{_alternation(REPORTING_VERBS)}|khẳng[ \t]+định|chỉ[ \t]+rõ)(?!\w))"
    rf"(?P<rest>[^.;\n]{{0,160}}?)\s(?=của\s+[A-ZĐ])"
)

# A commemoration names the historical act it celebrates, which is no reference of the text: "hướng tới kỷ
# niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi Thi đua ái quốc (11/6/1948 - 11/6/2018)" (Lạng Sơn).
# Searched in the short window before an unnumbered type word.
ANNIVERSARY_BEFORE_RE = re.compile(r"[Kk]ỷ[ \t]+niệm[ \t]+\d{1,3}[ \t]+năm(?!\w)[^.;\n]{0,80}$")

# The type word right before a symbol: "Kết luận số ", its code "KL số ", "KH ",
# or the generic "văn bản số " (the symbol's code then says the type).
_TYPE_CODE = "(?-i:" + _alternation(TYPE_BY_CODE) + ")"
# An urgency or secrecy mark between the type word and "số": "Ban Thường vụ Tỉnh ủy Thanh Hóa đã ban hành Công điện
# khẩn số 07 - CĐ/TU", "Chủ tịch UBND tỉnh Nghệ An vừa có công điện khẩn số 12/CĐ.UBND", "Công văn hỏa tốc số ...".
_URGENCY = r"(?:khẩn|hỏa[ \t]+tốc|hoả[ \t]+tốc|thượng[ \t]+khẩn)(?!\w)"
TYPE_BEFORE_RE = re.compile(
    rf"{_TYPE_FIRST}(?<!\w)(?:(?P<type>{_TYPE_WORD})|(?P<code>{_TYPE_CODE})|(?P<generic>văn\s+bản|(?-i:VB)))"
    rf"(?:[ \t]+{_URGENCY})?\s*(?:\(\s*)?(?:số\s*:?\s*)?$",
    re.IGNORECASE,
)
SO_BEFORE_RE = re.compile(r"(?<!\w)số\s*:?\s*$", re.IGNORECASE)
# A law named between its type word and "số": "Luật Tổ chức chính quyền địa phương số 72/2025/QH15".
# The name may wrap onto a line that goes on in lower case ("Luật Tổ chức chính\nquyền địa phương số"), start
# in lower case ("Luật tiếp công dân số 42/2013/QH13") or stand in a caps title ("LUẬT TỔ CHỨC ... SỐ 72/2025/QH15").
NAMED_LAW_BEFORE_RE = re.compile(
    rf"(?<!\w)(?P<type>Bộ\s+luật|BỘ\s+LUẬT|Luật|LUẬT|Pháp\s+lệnh|PHÁP\s+LỆNH|Hiến\s+pháp|HIẾN\s+PHÁP)\s+\w"
    rf"(?:[^;:()\n]|\n[ \t]*(?=[{LOWER}])){{0,70}}?\s*$"
)

# ", ngày 06/5/2021" right after a symbol (also "ban hành ngày ...", "(ngày ...)").
DATE_AFTER_RE = re.compile(
    rf"^\s{{0,3}},?\s{{0,3}}\(?[ \t]*(?:ban[ \t]+hành[ \t]+)?ngày \s* {DATE} (?:[ \t]*\))?",
    re.VERBOSE | re.IGNORECASE,
)

# A news item's opening date before the document it reports: "Ngày 14-11-2016, Ban Chấp hành
# Đảng bộ tỉnh đã ban hành Nghị quyết số 10-NQ/TU", "Ngày 09/02/2021, Bộ Y tế đã có Công văn số 949".
# Searched in the short window before a reference (the text since the previous one).
NEWS_DATE_BEFORE_RE = re.compile(
    rf"(?:^|(?<=[\n.]))[ \t*]*(?:\([^)\n]{{1,20}}\)\s*-\s*)?[Nn]gày[ \t]+{DATE}[ \t]*(?:,|[ \t](?=[{UPPER}]))"
    rf"(?P<between>[^.;\n]{{0,160}}(?:\n[^.;\n]{{0,80}})?)"
    rf"(?<!\w)(?:ban[ \t]+hành|có|ký)[ \t]+(?:\w+[ \t]+){{0,8}}$",
    re.VERBOSE,
)
# "... A và Quyết định số 302-QĐ/TW ngày 05/3/2019": a list whose date stands after its last item.
SHARED_DATE_GAP_RE = re.compile(r"[ \t]*(?:,|và)[ \t\n]*$")

# Words that end an issuer phrase in running text.
_ISSUER_STOP = rf"""
    (?i:về|quy\s+định|sửa\s+đổi|hướng\s+dẫn|ban\s+hành|phê\s+duyệt)   # also capitalised: "của Bộ Chính trị Về đổi mới",
                                                           # "Chính phủ Quy định", "của Ủy ban nhân dân tỉnh Phê duyệt Đề án"
  | v/v | ngày | số | nhằm | phát\s+động | thực\s+hiện | triển\s+khai
  | đối\s+với | trong | tại | theo | để | cho | đã
  | và(?![ \t]+(?!(?:{_TYPE_WORD}|{_TYPE_CODE})(?!\w))[{UPPER}])   # "Thương binh và Xã hội" goes on; "và phong
                                                                # trào", "và Quyết định", "và NQ đại hội" stop
  | thay\s+thế | bãi\s+bỏ | kèm\s+theo | gửi | yêu\s+cầu | đề\s+nghị
  | đến | tới | kể\s+từ | từ | ký | có | được | đang | này | trên | với | nêu | đề\s+ra | xác\s+định | là
  | công\s+bố | tuyên\s+truyền | thi\s+hành | quyết\s+(?:định|nghị)   # the subject's verb
  | xây\s+dựng | quản\s+lý | đẩy\s+mạnh | tăng\s+cường | nâng\s+cao | tiếp\s+tục | hết\s+hiệu\s+lực
      # a subject with no "về": "Kế hoạch 84/KH-UBND năm 2025 của Ủy ban nhân dân tỉnh Cà Mau xây dựng và phát triển nhà
      # ở xã hội", "Nghị định số 147/2024/NĐ-CP ... của Chính phủ quản lý, cung cấp, sử dụng dịch vụ Internet", "của Bộ
      # Chính trị khóa IX đẩy mạnh phát triển"; "Quyết định số 0151/QĐ-UBND ... của Chủ tịch UBND tỉnh hết hiệu lực"
  | gắn\s+với | nhiệm\s+kỳ   # "Nghị quyết Đại hội ... lần thứ XIV gắn với ...", "... lần thứ I nhiệm kỳ 2013 - 2018"
                         # "từ": "Nghị quyết Đại hội lần thứ XVII Đảng bộ thành phố Hà Nội từ đầu nhiệm kỳ"
"""
# A line wrapped inside an issuer's name (legal-text sites and PDF text break lines anywhere):
# the next line goes on in lower case ("của Ủy\nban Thường vụ Quốc hội", "Sở Nông\nnghiệp và Môi
# trường") or a name's head stands alone at the line's end ("Bộ\nTài chính", "Ban Thường vụ\nTỉnh ủy").
_UNFINISHED_HEAD = "|".join(f"(?<={h})" for h in (
    "Bộ", "Sở", "Ban", "Ban Thường vụ", "Ban Chấp hành", "Ủy ban nhân dân", "Uỷ ban nhân dân",
    "Hội đồng nhân dân", "Văn phòng", "Thường trực", "Thủ tướng", "Chủ tịch", "Giám đốc"))
# Also a name broken after its "và": "Giám đốc Sở Nông nghiệp và\nMôi trường" (not before a type word: "của Bộ Y tế
# và\nKế hoạch số ..." is a list).
ISSUER_WRAP = (rf"(?:[ \t]*\n[ \t]*(?=[{LOWER}])|(?:{_UNFINISHED_HEAD})[ \t]*\n[ \t]*(?=[{UPPER}])"
               rf"|(?<=[ \t]và)[ \t]*\n[ \t]*(?=[{UPPER}])(?!(?i:{_TYPE_WORD})(?!\w)))")
# A comma inside one name: "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao
# động, Thương binh và Xã hội" (Kon Tum, 2014; usually "Lao động - Thương binh"); and the joint signers "của Bộ Chính
# trị, Ban Bí thư" (Kết luận 137-KL/TW, 191-KL/TW: one issuer, as the set annotates it).
ISSUER_INNER_COMMA = (r",[ \t]*(?=Chủ[ \t]+nhiệm[ \t]|Thể[ \t]+thao[ \t]+và[ \t]|Thương[ \t]+binh[ \t]+và[ \t])"
                      r"|(?<=Bộ[ \t]Chính[ \t]trị),[ \t]*(?=Ban[ \t]+Bí[ \t]+thư(?!\w))")
# "các Nghị quyết của Chính phủ:", "các Thông tư của Bộ trưởng, Chủ nhiệm Văn\nphòng Chính phủ:", "04 Nghị
# quyết của Bộ Chính trị, gồm:" before a list whose items share its type and issuer.
LIST_HEADER_RE = re.compile(
    rf"(?<!\w)(?:các|\d{{1,2}})\s+(?P<type>{_TYPE_WORD})"
    rf"(?:\s+của\s+(?P<issuer>(?:[^:;\n]|(?-i:{ISSUER_WRAP})){{2,80}}?))?"
    rf"\s*(?:,\s*gồm\s*)?:\s*(?:-\s*)?$",
    re.IGNORECASE,
)
# The issuer named between the type word and "số", as older Party texts write it: "Thi hành Điều 2 Quyết định của
# Bộ Chính trị số31-QĐ/TW, ngày 01-10-1997" (Văn phòng Trung ương, 2004). Searched up to the reference's "số", when
# no type word stands right before it.
TYPE_OF_ISSUER_BEFORE_RE = re.compile(
    rf"(?<!\w)(?P<type>{_TYPE_WORD})[ \t]+của[ \t]+(?P<issuer>[{UPPER}](?:[^.,;:\n()]|{ISSUER_WRAP}){{1,60}}?)"
    rf"[ \t]+số[ \t]*:?[ \t]*$")
_ISSUER_CHAR = rf"""(?:[^\n,;:.()\[\]“”"]|{ISSUER_WRAP}|{ISSUER_INNER_COMMA})"""
_ISSUER_END = rf"""
    (?= \s+(?:{_ISSUER_STOP})(?!\w) | [ \t]*(?!{ISSUER_WRAP}|{ISSUER_INNER_COMMA})[\n,;:.()\[\]“”"] | [ \t]*$
      | [ \t]*về(?=[{LOWER}]) | (?<=[{LOWER}]){GLUED_NGAY} )   # glued at a lost line join: "Chính phủ vềphê duyệt"
"""
# A steering committee named by its field, which holds commas and "và": "Ban Chỉ đạo Trung ương về phát triển khoa
# học, công nghệ, đổi mới sáng tạo và chuyển đổi số" (05-TB/BCĐTW, 01-KH/BCĐTW). Its field ends before the words that
# end an issuer in running text ("... chuyển đổi số về kết luận của ...", "... chuyển đổi số đã có Kế hoạch").
_STEERING_NAME = (r"Ban[ \t]+Chỉ[ \t]+đạo(?:[ \t]+(?:Trung[ \t]+ương|[Qq]uốc[ \t]+gia))?[ \t]+về[ \t]+"
                 r"[^\n;:.()\[\]“”\"]{1,160}?(?=[ \t]+(?:về|đã|vừa|ban[ \t]+hành|ngày|có|tại)(?!\w)|[ \t]*[;(\n]|[ \t]*$)")
_ISSUER_PHRASE = rf"(?P<issuer>{_STEERING_NAME}|[{UPPER}]{_ISSUER_CHAR}{{1,100}}?){_ISSUER_END}"
# "của Ban Tuyên giáo Tỉnh ủy Lai Châu về ..." after a symbol (and its date); legal-text sites name a
# document by its year first ("Hướng dẫn 19-HD/BTGDVTW năm 2025 của Ban Tuyên giáo và Dân vận Trung ương").
ISSUER_AFTER_RE = re.compile(rf"^\s{{0,3}},?\s{{0,3}}(?:năm[ \t]+(?:19|20)\d\d[ \t]+)?của\s+{_ISSUER_PHRASE}", re.VERBOSE)
# "năm 2025" right after a symbol, as legal-text sites name a document ("Quyết định 2638/QĐ-UBND năm 2025 bãi bỏ ...",
# "Kế hoạch 0219/KH-UBND năm 2025 thay thế Kế hoạch 84/KH-UBND năm 2025 của ..."); not a date.
NAMED_YEAR_AFTER_RE = re.compile(r"[ \t]+năm[ \t]+(?:19|20)\d\d(?![\d/.-])")
# A legal-text site's note on the document it shows: "Quyết định 119/QĐ-UBND bổ sung thủ tục hành chính đã được thay
# thế bởi Quyết định 366/QĐ-UBND ..." (vanbanphapluat.co) names a later document, which the text cannot cite.
LATER_DOCUMENT_BEFORE_RE = re.compile(
    r"(?<!\w)(?:đã[ \t]+)?(?:được|bị)[ \t]+(?:thay[ \t]+thế|bãi[ \t]+bỏ|hủy[ \t]+bỏ|sửa[ \t]+đổi(?:,?[ \t]+bổ[ \t]+sung)?)"
    r"[ \t]+(?:một[ \t]+phần[ \t]+)?bởi[ \t]+$")
# Legal-text sites and articles name the issuer after the subject: "Quy định 29-QĐ/TW năm 2016 thi hành Điều lệ
# Đảng do Ban Chấp hành Trung ương ban hành", "Hướng dẫn 26-HD/BTCTW năm 2014 về công tác nhân sự ... do Ban Tổ
# chức Trung ương ban hành". Searched on the reference's own line, after it (the finder gives it to the line's
# first reference only: in "Quyết định 2638/QĐ-UBND ... bãi bỏ Quyết định 636/QĐ-UBND ... do Ủy ban nhân dân thành
# phố Đà Nẵng ban hành" the issuer is 2638's, not 636's).
ISSUER_DO_AFTER_RE = re.compile(rf"[^;\n]{{0,240}}?(?<!\w)do[ \t]+{_ISSUER_PHRASE}[ \t]+ban[ \t]+hành(?!\w)", re.VERBOSE)

# "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX", "Nghị quyết Đại hội XIV của Đảng": a congress's
# resolution, named by its congress and numbered by none; the congress is its issuer. Opens with its first
# letter and the lookbehind, as NAMED_LAW_RE does.
# Running text also writes it in lower case or abbreviated: "thực hiện nghị quyết đại hội Đảng bộ tỉnh lần thứ
# XVIII", "NQ đại hội Đảng bộ huyện lần thứ XXI" (Lục Nam, Bắc Giang).
CONGRESS_RESOLUTION_RE = re.compile(
    rf"[Nn](?<!\w[Nn])(?:ghị[ \t]+quyết|(?<=N)Q)[ \t]+(?=[Đđ]ại[ \t]+hội(?!\w))"
    rf"(?P<issuer>[Đđ]ại[ \t]+hội{_ISSUER_CHAR}{{0,100}}?){_ISSUER_END}",
    re.VERBOSE,
)
# One congress however a text spells it: its key drops "đại biểu" and the unit's own name before the ordinal
# ("Đại hội đại biểu Đảng bộ xã Sao Vàng lần thứ I" is the "Đại hội Đảng bộ xã lần thứ I" of its title).
# On folded text; a match is replaced by its group "unit" (empty for "đại biểu").
CONGRESS_KEY_NOISE_RE = re.compile(
    r"(?<=\bdai hoi) dai bieu\b| cua dang$"   # "Nghị quyết Đại hội XIV của Đảng" and "... Đại hội XIV" again: one
    r"|\b(?P<unit>xa|phuong|tinh|huyen|quan|thi xa|thi tran|thanh pho) (?!lan thu )[a-z ]+?(?= lan thu )")
# What singles one congress out: its ordinal ("lần thứ XIX", "lần thứ xiii", "Đại hội XIV", "khóa XX"); a
# bare numeral only in capitals ("vì" folds to "vi").
CONGRESS_ORDINAL_RE = re.compile(
    r"(?<!\w)(?:lần\s+thứ|kh[oó]a|khoá)\s+(?P<spelt>(?i:[ivxlc]+)|\d{1,2})(?!\w)|(?<!\w)(?P<bare>[IVXLC]+)(?!\w)")

# A Central Committee plenum's resolution (nghị quyết hội nghị trung ương), named by its plenum and term and
# numbered by none; the plenum is its issuer, with "của Đảng" when the text adds it. The plenum's number, in
# digits, capitals or words, stands in one of three places:
_PLENUM_ORDINAL = rf"(?:\d{{1,2}}|(?-i:[IVX]{{1,5}})|{_alternation(ORDINAL_WORDS)})(?!\w)"
_CENTRAL = r"(?:Trung[ \t]+ương|T\.?Ư|TW)"
_CENTRAL_COMMITTEE = rf"(?:Ban[ \t]+Chấp[ \t]+hành[ \t]+|BCH[ \t]*){_CENTRAL}(?:[ \t]+Đảng)?"
_PLENUM = rf"""(?:
    (?:Hội[ \t]+nghị[ \t]+)?{_CENTRAL}[ \t]*(?:lần[ \t]+thứ[ \t]+)?(?P<plenum>{_PLENUM_ORDINAL})
                                          # Trung ương 4 (khóa XII); Hội nghị Trung ương 4, khóa XII; TW4 khóa 11
  | Hội[ \t]+nghị[ \t]+lần[ \t]+thứ[ \t]+(?P<plenum_nth>{_PLENUM_ORDINAL}),?[ \t]+{_CENTRAL_COMMITTEE}
                                          # Hội nghị lần thứ 11 BCHTW Đảng khóa XIII; lần thứ tư, Ban Chấp hành Trung ương Đảng khóa XI
  | Hội[ \t]+nghị[ \t]+{_CENTRAL_COMMITTEE}[ \t]+lần[ \t]+thứ[ \t]+(?P<plenum_after>{_PLENUM_ORDINAL})
                                          # Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 11, khóa XIII
)"""
# The term singles one plenum out ("Nghị quyết Trung ương" alone names none): "(khóa XII)", ", khóa XII", "khoá 11".
_PLENUM_TERM = r",?[ \t]*(?P<open>\()?[ \t]*kh(?:óa|oá)[ \t]+(?P<term>[IVX]{1,5}|\d{1,2})(?!\w)(?(open)[ \t]*\))"
# "thực hiện Nghị quyết Trung ương 4 (khóa XII) của Đảng", "NQ Hội nghị Trung ương 4 (khóa XI)" (Thuận Bắc,
# Ninh Thuận), "Nghị quyết Hội nghị lần thứ 11 BCHTW Đảng khóa XIII" (Bộ Tư pháp). Not "các Nghị quyết ..."
# (the plenum's several resolutions) nor a numbered one's head ("Nghị quyết Hội nghị ... khóa XI số 29-NQ/TW").
PLENUM_RESOLUTION_RE = re.compile(
    rf"[Nn](?<!\w[Nn])(?<!các[ \t][Nn])(?:ghị[ \t]+quyết|(?<=N)Q)[ \t]+"
    rf"(?P<issuer>{_PLENUM}{_PLENUM_TERM}(?:[ \t]+của[ \t]+Đảng(?!\w))?)(?![ \t]*,?[ \t]*số[ \t:]*\d)",
    re.VERBOSE | re.IGNORECASE,
)

# A Party or mass organisation's charter, named by its organisation and numbered by none: "Căn cứ Điều lệ Đảng;",
# "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;", "tại Khoản 2 Điều 21 Điều lệ Đảng Cộng sản Việt Nam 2011". No issuer
# (a congress adopts it; the set annotates none).
_CHARTER_BODY = (r"Đảng(?:[ \t]+Cộng[ \t]+sản[ \t]+Việt[ \t]+Nam)?"
                 r"|Đoàn(?:[ \t]+(?:TNCS|Thanh[ \t]+niên[ \t]+Cộng[ \t]+sản)[ \t]+Hồ[ \t]+Chí[ \t]+Minh)?"
                 r"|Công[ \t]+đoàn[ \t]+Việt[ \t]+Nam|Mặt[ \t]+trận[ \t]+Tổ[ \t]+quốc[ \t]+Việt[ \t]+Nam"
                 r"|Hội[ \t]+(?:Liên[ \t]+hiệp[ \t]+Phụ[ \t]+nữ|Nông[ \t]+dân|Cựu[ \t]+chiến[ \t]+binh)[ \t]+Việt[ \t]+Nam")
CHARTER_RE = re.compile(rf"(?<!\w)[Đđ]iều[ \t]+lệ[ \t]+(?P<body>{_CHARTER_BODY})(?!\w)")
# The State's: "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;" (the Standing Committee's resolutions and
# ordinances), named in full: "hiến pháp" alone is no one document.
CONSTITUTION_RE = re.compile(
    r"(?<!\w)Hiến[ \t]+pháp[ \t]+nước[ \t]+Cộng[ \t]+h(?:òa|oà)[ \t]+xã[ \t]+hội[ \t]+chủ[ \t]+nghĩa[ \t]+Việt[ \t]+Nam(?!\w)"
    r"(?:[ \t]+năm[ \t]+(?P<year>(?:19|20)\d\d)(?!\d))?")
# A charter named inside what implements it is that document's subject, no reference of the text: "Quy định số
# 30-QĐ/TW ... thi hành Chương VII và Chương VIII Điều lệ Đảng", "Quy định 29-QĐ/TW năm 2016 thi hành Điều lệ Đảng".
CHARTER_SUBJECT_BEFORE_RE = re.compile(r"thi[ \t]+hành(?:[ \t]+[^\s;.]+){0,6}[ \t]+$")
# A Party body's working rules, named by the body and its term: "Căn cứ Quy chế làm việc của Ban Chấp hành Trung
# ương, Bộ Chính trị, Ban Bí thư khoá XIII;", "Quy chế hoạt động của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh
# khoá X". The term, on the name's line, singles one out: "ban hành Quy chế hoạt động của Cổng Dịch vụ công" (the
# subject of the document that issues them) has none.
WORKING_RULES_RE = re.compile(
    rf"Q(?<!\wQ)(?<!ban[ \t]hành[ \t]Q)uy[ \t]+chế[ \t]+(?:làm[ \t]+việc|hoạt[ \t]+động)[ \t]+của[ \t]+"
    rf"(?P<issuer>[{UPPER}](?:[^;:.()\n]|{ISSUER_WRAP}){{1,120}}?[ \t]kh(?:óa|oá)[ \t]+(?:[IVX]{{1,5}}|\d{{1,2}})(?!\w))"
)

# "Ban Tuyên giáo Quận ủy vừa ban hành " before a type word (news items).
# "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số ...", "ý kiến của Ban Tổ chức Trung ương tại Văn bản số":
# the issuer named before "tại" and the reference.
# A second proposer of one clause is named after "và" ("... tại Tờ trình số 1818/TTr-VP ... và Giám đốc
# Sở Nội vụ tại Văn bản số 4836/SNV-TCBC").
# After "và" only a title or an agency's head opens a second proposer: "và Môi trường", "và Xã hội tại Tờ trình
# số" end a name wrapped over lines ("của\n**Giám đốc Sở Nông nghiệp và\nMôi trường tại Tờ trình số 955/TTr-SNNMT",
# "của Sở Lao động\n- Thương binh và Xã hội tại Tờ trình số 92/TTr-SLĐTBXH").
_PROPOSER_HEAD = (r"(?:Giám[ \t]+đốc|Chủ[ \t]+tịch|Thủ[ \t]+trưởng|Bộ[ \t]+trưởng|Trưởng|Chánh|Cục[ \t]+trưởng|Sở|Bộ|Ban"
                  r"|Ủy[ \t]+ban|Uỷ[ \t]+ban|UBND|Văn[ \t]+phòng|Cục|Chi[ \t]+cục|Phòng|Hội[ \t]+đồng|Thường[ \t]+trực)(?!\w)")
# "do X chuyển đến tại Văn bản số": what X forwarded, sent or submitted is X's ("kiến nghị của cử tri ... do Ủy ban
# Dân nguyện và Giám sát Quốc hội khóa XV chuyển\nđến tại Văn bản số 1691/UBDNGS15").
ISSUER_TAI_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:(?:của|do)\s+[*_]*|và[ \t]+(?={_PROPOSER_HEAD}))"
    rf"(?P<issuer>[{UPPER}](?:[^.,;:\n()*]|{ISSUER_WRAP}|{ISSUER_INNER_COMMA}){{1,80}}?)"
    rf"(?:\s+(?:chuyển(?:\s+đến)?|gửi|trình))?\s+tại\s+$")
ISSUER_BEFORE_RE = re.compile(
    # after a sentence break, a news item's dateline ("(LSVN) - ") or its opening date ("Ngày 16/4/2020 ")
    rf"(?:[Nn]gày[ \t]+{DATE}[ \t]*,?[ \t]+|^|[.,;:\n]\s*(?:[-+•–][ \t]+)?|\)\s*-\s*)"  # "\n- UBND tỉnh đã ban hành"
    r"(?![Nn]gày[ \t]+\d)"  # "\nNgày 16/4/2020 Ủy ban nhân dân tỉnh ban hành": the issuer follows the date
    rf"(?P<issuer>{_STEERING_NAME}|[{UPPER}][^.,;:\n]{{2,80}}?)\s+(?:vừa\s+|đã\s+|mới\s+)?(?:khẩn\s+trương\s+)?"
    rf"(?:(?:ký\s+)?[Bb]an\s+hành|có|ký)\s+$",   # "Ngày 24-10, UBND tỉnh có văn bản số 4912/UBND-NC" (Tuyên Quang);
    # "Bộ Y tế đã Ban hành Công văn 1512/BYT-DP"; "Thủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện số 210/CĐ-TTg"
    re.VERBOSE,
)

# A document signed on a body's or an office's behalf (also "thừa lệnh", "thừa ủy quyền": T/L, TUQ; "thừa lệnh Chủ tịch
# UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND tỉnh Tuyên Quang Nguyễn Thanh đã ký ban hành văn bản số 3653/UBND-TNMT"):
# "Thay mặt Ban Bí thư, Thường trực Ban Bí thư Trương Thị Mai đã ký ban hành
# Chỉ thị số 26-CT/TW", "Thay mặt Bộ Chính trị, đồng chí Võ Văn Thưởng, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư,
# vừa ký ban hành Kết luận số 34-KL/TW": the body is the issuer, not the signer (one news text ends the body's name
# with a stray "." before the signer: "thay mặt BCH Trung ương Đảng Cộng sản Việt Nam khóa XII. Tổng Bí thư ...").
ON_BEHALF_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:[Tt]hay[ \t]+mặt|[Tt]hừa[ \t]+(?:lệnh|ủy[ \t]+quyền))[ \t]+(?P<issuer>[{UPPER}][^.,;:\n]{{1,80}}?)[ \t]*[,.][^;:\n]{{1,160}}?"
    rf"(?<!\w)ký[ \t]+ban[ \t]+hành[ \t]+$")

# -- symbol parts, issuers ---------------------------------------------------------------

# The joins between a code's segments, kept when spaces are taken out: "BNN& MT", "UBND - VX".
CODE_JOIN_RE = re.compile(r"\s*([-/&.])\s*")
# Codes of the National Assembly's laws and resolutions: 72/2025/QH15 (the type word says which).
# The separators between a code's segments: "UBND-VX", "QCPH/UBND", "BNN&MT", "CĐ.UBND".
CODE_SEPARATOR_RE = re.compile(r"[-/&.]")
ASSEMBLY_CODE_RE = re.compile(r"^(?:UBTV)?QH\d*$")
# An opinion whose place a "tại" gives: "ý kiến (chỉ đạo) của ... tại Văn bản số".
# "ban hành kèm theo Quyết định số ...": the decision a basis was issued with; its "theo" is no cue of its own
# ("Căn cứ Quy chế hoạt động ... ban hành kèm theo Quyết định số 84 QĐ/TWĐTN": the item's Căn cứ governs).
ATTACHED_BEFORE_RE = re.compile(r"(?<!\w)kèm[ \t]+theo[ \t]*$", re.IGNORECASE)
OPINION_RE = re.compile(r"[\s*+•-]*(?:ý\s+kiến|chỉ\s+đạo|đề\s+nghị)(?!\w)", re.IGNORECASE)
# The administrative unit an agency's name places it in: "Ủy ban MTTQ tỉnh Đắk Nông".
UNIT_WORD_RE = re.compile(r"(?<!\w)(tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường)(?!\w)", re.IGNORECASE)
# "TƯ" typed in a symbol ("512-KL/TƯ"), and the provincial committee it stands for TU under.
TU_SLIP_RE = re.compile(r"/\s*TƯ(?![\w])")
PROVINCIAL_COMMITTEE_RE = re.compile(r"(?<!\w)tỉnh\s+ủy(?!\w)", re.IGNORECASE)

# -- cues --------------------------------------------------------------------

_CUE_WORDS = {w: c.name for c in CUES for w in c.words}
_CUE_INITIALS = "".join(sorted({ch for w in _CUE_WORDS for ch in (w[0].lower(), w[0].upper())}))
CUE_BY_WORD = {re.sub(r"\s+", " ", w): name for w, name in _CUE_WORDS.items()}
CUE_RE = re.compile(rf"(?=[{_CUE_INITIALS}])(?<!\w)(?P<cue>{_alternation(_CUE_WORDS)})(?!\w)", re.IGNORECASE)

# What may stand between an adjacent cue and the reference it governs:
# "theo Nghị quyết", "tại Công văn", "sửa đổi, bổ sung một số điều của Quyết định".
_GUIDANCE = r"(?:quy\s+định|hướng\s+dẫn|chỉ\s+đạo|nội\s+dung|yêu\s+cầu|tinh\s+thần|đúng)"
# A part of a document named before it: "Khoản 1, ", "Điều 19 ", "Điểm 2.4, ", "Mục V, " (an inspection Q&A, fresh7).
_LOCATOR = r"(?:(?:khoản|điều|điểm|mục|chương|phần|tiết|phụ\s+lục)\s+[\dIVXa-zđ.]{1,6}(?:\s*,\s*|\s+))"
ADJACENT_TAIL_RE = re.compile(
    r"^\s*(?:toàn\s+bộ\s+)?"                                             # "Bãi bỏ toàn bộ Quyết định số"
    rf"(?:(?:các\s+)?{_GUIDANCE}(?:\s*,\s*{_GUIDANCE})*(?:\s+nêu)?\s+)?"   # "theo tinh thần, nội dung của", "theo các nội dung nêu trong"
    r"(?:(?:tại|trong)\s+)?"
    rf"{_LOCATOR}*"   # "Tại Khoản 1, Điều 19, Quy định số 22-QĐ/TW", "Tại Điểm 2.4, Khoản 2, Mục V, Hướng dẫn số 02-HD/TW"
    r"(?:một\s+số\s+(?:điều|nội\s+dung|điểm|khoản)\s+)?(?:tại\s+|của\s+)?(?:các\s+|những\s+)?$",
    re.IGNORECASE,
)

# A reference right after another with only a cue between is nested: the first
# document itself cites the second ("Kế hoạch số 25-KH/TU ... thực hiện Kết luận số 100-KL/TW").
NESTED_GAP_RE = re.compile(
    rf"^\s*(?:về\s+(?:việc\s+)?)?(?:tiếp\s+tục\s+)?(?:(?P<cue>{_alternation(_CUE_WORDS)})\s*)*(?:các\s+)?$",
    re.IGNORECASE,
)

# Separators that end one list item: "...; Công văn số", "... và Quyết định số".
# A line break separates only where a line ends without a word: a legal-text site wraps its
# lines inside sentences ("Xét đề nghị của Ngân hàng Chính sách xã hội tại\nTờ trình số 127").
# A line that opens with a capitalised cue word is a new clause, wherever the line before ends: "...NĂM 2024⏎
# Kính gửi: Quốc hội⏎Thực hiện Thông báo số 1230/TB-VPQH" (a report's title, recipient and first basis).
_LINE_OPENING_CUE = "|".join(
    sorted((re.escape(w[0].upper() + w[1:]).replace(r"\ ", r"[ \t]+") for w in _CUE_WORDS), key=len, reverse=True))
SEPARATOR_RE = re.compile(
    rf";|,|\n(?<!\w\n)|(?<!\w)và(?!\w)|\n(?=[ \t*]*(?-i:{_LINE_OPENING_CUE})(?!\w))", re.IGNORECASE)

# A document reported as issued, not cited: "Ban Tổ chức Trung ương đã ban hành Hướng dẫn số 31",
# "đã khẩn trương ban hành Kế hoạch số 08", "Bộ Nội vụ đã có Văn bản số 8091" (cue null).
REPORTED_BEFORE_RE = re.compile(r"(?<!\w)(?:ban\s+hành|(?:đã|vừa)\s+có)\s+$", re.IGNORECASE)
# The same for the items of a list the report opens: "Tỉnh ủy, HĐND, UBND tỉnh đã ban hành các văn bản làm cơ
# sở để địa phương thực hiện thống nhất như: Kế hoạch số 86-KH/TU ...; Chương trình hành động số 147-CTHĐ/TU"
# (Quảng Trị): the verb inside the lead ("để ... thực hiện") is no cue. Searched in the window before the first item.
REPORTED_LIST_BEFORE_RE = re.compile(
    r"(?<!\w)(?:đã|vừa)[ \t]+(?:\w+[ \t]+)?ban[ \t]+hành(?!\w)[^.;:\n]{0,100}?(?:như|gồm)[ \t]*:[ \t]*$", re.IGNORECASE)

# A passive amendment inside a cited item is no cue of the citing document: "Căn cứ Luật ... số
# 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15", "(được sửa đổi, bổ sung tại Luật số
# 03/2022/QH15 ...)", "đã được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14": the item's
# cue (Căn cứ) governs the amending law as well. Searched in the short window ending at the cue word.
PASSIVE_AMENDMENT_RE = re.compile(
    r"(?<!\w)được\s+sửa\s+đổi(?:\s*,\s*bổ\s+sung)?(?:\s+một\s+số\s+(?:điều|nội\s+dung))?(?:\s+(?:theo|tại|bởi))?$",
    re.IGNORECASE,
)

# -- sentences ---------------------------------------------------------------

# A sentence ends at . ! ? (or "./.") before a capital, a digit or a bullet,
# or at a blank line, or before a numbered section ("2. ", "b) ").
SENTENCE_BREAK_RE = re.compile(
    rf"""
    [.!?\n]                                                     # one class first: the scan skips to it
    (?:
      (?<=[.!?])(?:[ \t]*/[ \t]*\.)?[ \t]*(?:\n[ \t]*)*(?=[{UPPER}0-9"“(•*+-])   # "... nay. Thực hiện"
    | (?<=\n)[ \t]*\n\s*                                         # blank line
    | (?<=\n)(?=[ \t]*(?:\d{{1,2}}|[a-zđ])[.)][ \t])                # "\n2. ", "\nb) "
    )
    """,
    re.VERBOSE,
)
# An enumerated item opening a sentence ("- Chỉ thị số ...", "a) Quyết định số ...", "2. Quyết định số ..."):
# an item with no cue of its own takes the cue of the list's lead ("Quyết định này thay thế các Quyết
# định sau đây:", "Bãi bỏ các Quyết định sau:", "Căn cứ" alone on its line).
LIST_ITEM_RE = re.compile(r"[ \t*]*(?:[-+•–—]|\d{1,2}[.)]|[a-zđ]\))[ \t]")
# An item's number split off as a sentence of its own ("1." before " Quyết định số ...": a period before a
# capital ends a sentence): the sentence after it is the item.
ITEM_NUMBER_ONLY_RE = re.compile(r"[ \t\n*]*(?:\d{1,2}|[a-zđ])[.)][ \t]*$")
# The end of such a lead, from its type word on ("... thay thế các |Quyết định sau đây:"): the cue stands
# before it as before the reference itself.
LIST_LEAD_TAIL_RE = re.compile(
    rf"(?<!\w)(?:{_TYPE_WORD})(?:\s+(?:sau(?:\s+đây)?|dưới\s+đây|như\s+sau))?\s*:[\s*]*$", re.IGNORECASE)
# A section heading naming the plan's bases, over the enumerated items below it that carry no cue of their
# own: "I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH\n1. Quyết định số 924/QĐ-TTg ..." (Tiền Giang 383/KH-UBND), "II. Căn cứ
# pháp lý", "CĂN CỨ BAN HÀNH KẾ HOẠCH" (the heading may wrap once). Only the heading's own words: a line
# with a reference or a sentence is no heading. Searched at the end of the sentence before the items.
_SECTION_NUMBER = r"(?:[IVX]{1,4}|\d{1,2}|[A-Z])[.)/]"
_HEADING_WORD = rf"[{UPPER}{LOWER}]+"
BASES_HEADING_RE = re.compile(
    rf"(?<![^\n])[ \t*#_]*(?:{_SECTION_NUMBER}[ \t]*)?(?i:căn[ \t]+cứ)"
    rf"(?:[ \t]+{_HEADING_WORD}|[ \t]*\n[ \t]*{_HEADING_WORD}){{0,6}}[ \t*_]*:?[ \t*_]*$"
)
# Abbreviations whose period does not end a sentence: "TP. Hồ Chí Minh".
ABBREVIATIONS = frozenset({"tp", "tt", "q", "p", "ths", "ts", "pgs", "gs", "đ/c", "v.v", "tx", "st", "no"})


# -- small pieces the citation finder uses ----------------------------------------------------
# Any run of blanks: "Căn  cứ" -> "Căn cứ" before a cue word is looked up.
WHITESPACE_RE = re.compile(r"\s+")
# "ngày 10/5/2021", "ngày10 tháng 5 năm 2021": the date of an unnumbered act when DATE_AFTER_RE finds none.
LOOSE_NGAY_DATE_RE = re.compile(r"ngày\s*" + DATE, re.VERBOSE | re.IGNORECASE)
# "các cấp đang triển khai", "sẽ thực hiện": what others do, not the document's own cue.
DESCRIPTIVE_BEFORE_RE = re.compile(r"(?<!\w)(?:đang|sẽ)\s+$", re.IGNORECASE)
# A purpose clause opening a sentence or a line of it, up to the main clause's subject and verb: "Nhằm phát huy truyền thống tốt đẹp
# và hưởng ứng phong trào thi đua ..., UBND tỉnh xây dựng Kế hoạch ... (Kế hoạch số 08/KH-UBND)" (Báo Tuyên Quang).
# The purpose's cue governs its own clause only: what the subject drafts or issues after it takes none of it, and
# that document, when the verb's object names its type, is the subject's.
PURPOSE_CLAUSE_RE = re.compile(
    rf"(?:^|(?<=\n))[ \t*-]*(?:Nhằm|Để|Với[ \t]+mục[ \t]+đích)[ \t][^;\n]*?,[ \t]*(?P<subject>[{UPPER}][^,;.\n]{{0,60}}?)[ \t]"
    rf"(?:xây[ \t]+dựng|ban[ \t]+hành)(?!\w)")
# ", về phòng, chống dịch ...": the gap after a reference opens its subject.
SUBJECT_START_RE = re.compile(r"^\s*,?\s*về\s", re.IGNORECASE)


# -- the header (loaders/header.py) ----------------------------------------------------------------
_UNIT_WORD = "(?:" + "|".join(UNIT_WORDS) + ")"

EMBLEM_RE = re.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    r"|ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH|ĐOÀN\s+THANH\s+NIÊN\s+CỘNG\s+SẢN\s+HỒ\s+CHÍ\s+MINH"
    r"|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
# "Lai Châu, ngày 10 tháng 5 năm 2021"; the place is what stands before the comma.
PLACE_DATE_RE = re.compile(
    # A place is a short name: no digits or slashes ("Thực hiện Công văn số 62/LĐLĐ, ngày ..." is not one).
    rf"^[ \t*_>-]*(?P<place>(?![^\n,]*\bsố\b)[{UPPER}][^\n,/:;]{{1,40}}?)[ \t*_]*,[ \t]*ngày\b(?P<rest>[^\n]*)$", re.MULTILINE
)
_TITLE_WORDS = "|".join(sorted((t.upper() for t in TYPE_NAMES), key=len, reverse=True))
TITLE_RE = re.compile(rf"^[ \t*_#]*(?P<title>{_TITLE_WORDS})[ \t*_]*$", re.MULTILINE)  # "QUYẾT ĐỊNH", "# THÔNG BÁO"
# A title line that carries the type and goes on ("ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ ...",
# "KẾT LUẬN CỦA BAN BÍ THƯ ..."), and the cue opening a document's body ("Căn cứ Luật ...").
TITLE_LEAD_RE = re.compile(rf"^[ \t*_#]*(?P<title>{_TITLE_WORDS})[ \t]+[{UPPER}0-9][^\n]*$", re.MULTILINE)
BODY_OPENING_RE = re.compile(r"^[ \t*_#]*(?:[IVX]+\.[ \t]+)?(?:Căn\s+cứ|Thực\s+hiện)(?!\w)", re.MULTILINE)
# The cell bars of a legal-text site's table ("| Số: 1766/QĐ-UBND | Bình Thuận, ngày ... |").
CELL_BAR_RE = re.compile(r"\|")
# Where a header run together on one line breaks: before "Số" (and its number), before the
# emblem and motto, and after a caps title word ("QUYẾT ĐỊNH VỀ VIỆC ...": the subject follows).
FLAT_BREAK_RE = re.compile(
    rf"[ \t](?=[ \t]*(?:Số\s*:?\s*[\d/-]|CỘNG\s+HÒA|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+lập\s*-?\s*Tự\s+do))"
    rf"|\*(?=Số\s*:\s*\d)"   # the emblem's "***" glued to the Số line: "TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VP"
    rf"|(?<=[\s*])(?P<title>{_TITLE_WORDS})[ \t](?=\S)"
)
# The place of a place-and-date line standing on the "Số" line ("Số: - HD/TWĐTN-BTC Hà Nội, ngày ...").
# Its words are capitalised, not in capitals: in "... HỒ CHÍ MINH Hà Nội, ngày" (a header run together) the place is "Hà Nội".
_PLACE_WORD = rf"[{UPPER}][{LOWER}]*(?:-[{UPPER}][{LOWER}]*)?"   # Hà, Nội, Rang-Tháp
PLACE_ON_LINE_RE = re.compile(rf"[ \t](?={_PLACE_WORD}(?:[ \t]{_PLACE_WORD}){{0,3}},[ \t]*ngày(?!\w))")
VV_RE = re.compile(r"^[ \t*_>-]*V/v\b[ \t:.]*(?P<subject>[^\n]*)$", re.MULTILINE | re.IGNORECASE)
KINH_GUI_RE = re.compile(r"^[ \t*_>-]*Kính\s+gửi\s*:?[ \t*]*(?P<rest>[^\n]*)$", re.MULTILINE | re.IGNORECASE)
NOI_NHAN_RE = re.compile(r"^[ \t*_>-]*Nơi\s+nhận\s*:?[ \t*]*(?P<rest>[^\n]*)$", re.MULTILINE | re.IGNORECASE)
SIGN_TITLE_RE = re.compile(
    r"^(?:T/M|TM\.?|K/T|KT\.?|T/L|TL\.?|TUQ\.?|Q\.|Q/)?[ \t.]*"
    r".*(?:CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|THỦ\s+TRƯỞNG"
    r"|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|ỦY\s+BAN\s+NHÂN\s+DÂN|THƯỜNG\s+TRỰC"
    r"|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|BAN\s+CHỈ\s+ĐẠO|ĐẢNG\s+ỦY|TỈNH\s+ỦY|HUYỆN\s+ỦY|UBND)"
)
PERSON_NAME_RE = re.compile(rf"^[{UPPER}][\w]*(?:[ \t]+[{UPPER}][\w]*){{1,5}}$")
BULLET_RE = re.compile(r"^[ \t]*(?:[-+•*–—]|\d{1,2}[.)])[ \t]*")
# Who acts in the body when the header lost its issuer lines:
# "..., Ban Thường vụ LĐLĐ tỉnh yêu cầu", "Chủ tịch UBND huyện Tam Đường phát động".
_ROLE = r"(?:Ban\s+Thường\s+vụ|Thường\s+trực|Ban\s+Chấp\s+hành|Chủ\s+tịch|Giám\s+đốc|Trưởng\s+ban|Bí\s+thư)"
BODY_ISSUER_RE = re.compile(
    rf"(?:^|[,.;:]\s+|\n)(?P<who>(?:{_ROLE}\s+)?(?:UBND|Ủy\s+ban|HĐND|LĐLĐ|Liên\s+đoàn|Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy"
    rf"|Quận\s+ủy|Đảng\s+ủy|Ban|Sở|Phòng|Tỉnh\s+đoàn|Huyện\s+đoàn|MTTQ|Mặt\s+trận|Hội|Công\s+đoàn)[^,.;:\n]{{0,50}}?)"
    r"\s+(?:yêu\s+cầu|đề\s+nghị|phát\s+động|chỉ\s+đạo|thông\s+báo|hướng\s+dẫn|quyết\s+định|giao)(?!\w)"
)
ROLE_PREFIX_RE = re.compile(rf"^{_ROLE}\s+", re.IGNORECASE)
ROLE_SUFFIX_RE = re.compile(r"\s+(?:Ban\s+Thường\s+(?:trực|vụ)|Thường\s+trực)$", re.IGNORECASE)
YOUTH_RE = re.compile(r"^(?:BCH|Ban\s+Chấp\s+hành)\s+Đoàn\s+(tỉnh|huyện|thành\s+phố|quận|thị\s+xã)\s+", re.IGNORECASE)
# Agency names: abbreviations spelled out, heads given their casing, the unit word before a name.
AGENCY_ABBREVIATION_RE = re.compile(r"(?<!\w)(" + "|".join(AGENCY_ABBREVIATIONS) + r")(?!\w)")
AGENCY_CASING_RE = re.compile(r"^(" + "|".join(sorted(map(re.escape, AGENCY_CASING), key=len, reverse=True)) + r")(?!\w)")
UNIT_RE = re.compile(r"(?<!\w)(?!xã hội(?!\w))(" + "|".join(UNIT_WORDS) + r")(?:\s+(?P<name>[^\s].*))?$")
PARENT_HEAD_RE = re.compile(
    r"^(?:ĐẢNG\s+ỦY|BAN|SỞ|PHÒNG|VĂN\s+PHÒNG|HUYỆN\s+ỦY|THÀNH\s+ỦY|QUẬN\s+ỦY|ỦY\s+BAN|UBND|HỘI\s+ĐỒNG|LIÊN\s+ĐOÀN"
    r"|CÔNG\s+ĐOÀN|TRUNG\s+TÂM|CHI\s+CỤC|CỤC|BỘ|ĐOÀN|BCH|BAN\s+CHẤP\s+HÀNH|TỈNH\s+ĐOÀN|HUYỆN\s+ĐOÀN|LĐLĐ)(?!\w)"
)
# A name's letters only: "UBND TỈNH" -> "UBNDTỈNH" (the share of capitals of a header line).
NOT_LETTER_RE = re.compile(r"[\W\d_]+")
# "... tỉnh" left dangling at the end of an issuer: the place is the document's own.
DANGLING_UNIT_RE = re.compile(rf"(?<!\w){_UNIT_WORD}$")
# "Ban Thường vụ", "Thường trực": a role with no body of its own.
ROLE_ONLY_RE = re.compile(r"^(?:Ban\s+Thường\s+(?:trực|vụ)|Thường\s+trực|Ban\s+Chấp\s+hành)$", re.IGNORECASE)
# A board of a committee: "Ban Tuyên giáo", "Văn phòng", "Ủy ban Kiểm tra".
BOARD_RE = re.compile(r"^(?:Ban|Văn\s+phòng|Ủy\s+ban\s+Kiểm\s+tra)\s")
# A party committee: "Tỉnh ủy", "Huyện ủy", "Đảng ủy".
COMMITTEE_RE = re.compile(r"^(?:Tỉnh|Huyện|Thành|Quận|Thị|Đảng)\s+ủy\b")
# A unit word before a name: "huyện Tam Đường", "thị trấn Phong Thổ".
UNIT_PHRASE_RE = re.compile(rf"(?<!\w){_UNIT_WORD}\s+[{UPPER}]")
# Two header columns on one line (as pdftotext -layout and plain-text archives write them): a wide gap
# is a column break. (Written to start with a character class so the scan is fast, see above;
# it means: after a non-space, four or more blanks, or one or more tabs.)
COLUMN_GAP_RE = re.compile(rf"[ \t](?<=\S[ \t])(?:[ \t]{{3,}}|(?<=\t)\t*)(?=[{UPPER}])")
# The place of a parent line: "ĐẢNG BỘ TỈNH BẾN TRE" -> "BẾN TRE".
PARENT_PLACE_RE = re.compile(r"(?<!\w)(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ)\s+(.+)$", re.IGNORECASE)
# Kính gửi / Nơi nhận items: split on ";" keeping the separators.
SEMICOLON_SPLIT_RE = re.compile(r"(;)")


# -- folded text (loaders.normalize.fold: no accents, đ -> d, lower case) ----------------------------
# Read by graph/agencies.py, graph/gazetteer.py, graph/build.py, graph/identity.py, graph/index.py
# and queries/refs.py.
FOLDED_UNIT_WORDS = tuple(fold(w) for w in UNIT_WORDS)  # "thanh pho", "thi tran", ... "phuong"
_FOLDED_UNIT = "|".join(FOLDED_UNIT_WORDS)
_FOLDED_SUBUNIT = "|".join(w for w in FOLDED_UNIT_WORDS if w != "tinh")  # the units a province holds

# Roles that stand for their committee: "Ban Thường vụ Tỉnh ủy" is the Tỉnh ủy.
AGENCY_ROLE_RE = re.compile(
    r"^(?:t/m|k/t|tm\.?|kt\.?|ban thuong vu|ban thuong truc|btv|thuong truc|tt:?|ban chap hanh(?= dang bo)|chu tich(?! nuoc)"
    r"|pho chu tich|cac pct|bi thu|pho bi thu|giam doc|pho giam doc|truong ban|pho truong ban|lanh dao)\s+"
)
# "uy ban nhan dan huyen" ends with a unit word: the level of the body.
TRAILING_UNIT_RE = re.compile(rf"(?<![a-z])({_FOLDED_UNIT})$")
# "... xa" as the last word of a part of a name.
LAST_UNIT_WORD_RE = re.compile(rf"(?:^|\s)({_FOLDED_UNIT})$")
# Any unit word as a word: the text names a place.
PLACE_WORD_RE = re.compile(rf"(?<![a-z])({_FOLDED_UNIT})(?![a-z])")
# "(nay là ...)", "(sau đây gọi tắt là ...)": an aside inside a name.
PARENTHESES_RE = re.compile(r"\((?:[^()]*)\)")
# -- group phrases (graph/agencies.expand_group): one body at every unit of a kind ----------------
# The units a province holds, the special zone (đặc khu, from 1 July 2025) among them.
_GROUP_UNIT = f"{_FOLDED_SUBUNIT}|dac khu"
# "xã, thị trấn", "huyện, thành phố và xã": a list of unit words to the end of the phrase.
_GROUP_UNIT_LIST = rf"(?:(?:{_GROUP_UNIT})(?:\s*,\s*|\s+va\s+|\s*$))+"
# The bodies a group phrase names at each unit.
_GROUP_HEADS = r"uy ban nhan dan|hoi dong nhan dan|lien doan lao dong|uy ban mat tran to quoc|dang uy"
# The district committees (before 1 July 2025).
_DISTRICT_COMMITTEES = r"huyen uy|thanh uy|thi uy|quan uy"
# The boards of a provincial committee named before "các tỉnh ủy, thành ủy".
_PROVINCE_BOARDS = r"ban tuyen giao|ban to chuc|ban dan van|ban noi chinh|uy ban kiem tra|van phong"
_UNDER_CENTRE = r"(?:\s+truc thuoc trung uong)?"  # "... trực thuộc Trung ương"
_BOTH_PROVINCE_KINDS = r"tinh\s*(?:,|va)\s*(?:cac\s+)?thanh pho"  # "các tỉnh, thành phố"

# "UBND các xã, thị trấn", "LĐLĐ các huyện, thành phố": a body at every unit of a kind.
GROUP_BODY_RE = re.compile(rf"^(?:cac\s+)?(?P<head>{_GROUP_HEADS})\s+cac\s+(?P<units>{_GROUP_UNIT_LIST})")
# "Các đảng ủy xã, phường", "Các UBND xã, thị trấn": the same, the plural on the body.
GROUP_PLURAL_RE = re.compile(rf"^cac\s+(?P<head>{_GROUP_HEADS})\s+(?P<units>{_GROUP_UNIT_LIST})")
# "Các huyện ủy, thành ủy, đảng ủy trực thuộc": the district committees of the province.
GROUP_COMMITTEE_RE = re.compile(rf"^cac\s+(?P<list>(?:{_DISTRICT_COMMITTEES})(?:\s*,\s*|\s+va\s+|\s|$).*)")
# "Các đảng ủy trực thuộc Tỉnh ủy" (from 1 July 2025): the Đảng ủy of every commune and ward of the province.
GROUP_UNDER_PROVINCE_RE = re.compile(r"^cac\s+dang uy\s+truc thuoc(?:\s+(?:tinh uy|thanh uy)(?:\s+[a-z ]+)?)?$")
# "Các tỉnh ủy, thành ủy trực thuộc Trung ương", "Ban Tuyên giáo các tỉnh ủy, thành ủy": every province's committee.
GROUP_PROVINCE_COMMITTEES_RE = re.compile(
    rf"^(?:(?P<board>{_PROVINCE_BOARDS})\s+)?(?:cac\s+)?tinh uy\s*(?:,|va)\s*thanh uy{_UNDER_CENTRE}$")
# "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "UBND các tỉnh, thành phố": that body of every province.
GROUP_PROVINCES_RE = re.compile(rf"^(?P<body>.+?)\s+cac\s+{_BOTH_PROVINCE_KINDS}{_UNDER_CENTRE}$")
# From a central document: "Các tỉnh ủy, thành ủy trực thuộc Trung ương" (every province's
# committee), "UBND các tỉnh, thành phố trực thuộc Trung ương" (every province's UBND). Folded text.
CENTRAL_GROUP_RE = re.compile(
    r"^(?:cac\s+)?(?:(?P<committees>tinh uy\s*,\s*thanh uy)"
    r"|(?P<head>uy ban nhan dan|hoi dong nhan dan)\s+cac\s+tinh\s*,\s*thanh pho)\s+truc thuoc trung uong")
# Each unit word of a group phrase's list.
GROUP_UNIT_RE = re.compile(_GROUP_UNIT)

# -- issuer places (graph/build.py) ----------------------------------------------------------
_COMMUNE_UNITS = r"xa|phuong|thi tran"
_DISTRICT_UNITS = r"huyen|quan|thi xa|thanh pho"
# "ubnd xa tam duong": an issuer that ends with a typed commune's name.
TYPED_COMMUNE_RE = re.compile(rf"(?<![a-z])(?:{_COMMUNE_UNITS})\s+(?P<name>[a-z0-9 ]+?)\s*$")
# A parent line naming a district or its committee ("UBND huyện ...", "Huyện ủy ..."): a document of
# the two-level system before 1 July 2025.
DISTRICT_PARENT_RE = re.compile(r"(?<![a-z])(?:huyen|quan|thi xa|huyen uy|quan uy|thi uy)(?![a-z])")  # not "thanh uy": a city committee may be a province's
# "huyen tam duong": a parent line that ends with a typed district's name.
PARENT_DISTRICT_RE = re.compile(rf"(?<![a-z])(?:{_DISTRICT_UNITS})\s+(?P<name>[a-z0-9 ]+?)\s*$")
# A unit word (or a committee of one) before a name in running text: "huyen uy tam duong", "tp. lai chau".
UNIT_IN_TEXT_RE = re.compile(
    r"(?<![0-9a-z])(?P<word>tinh uy|thanh uy|huyen uy|quan uy|thi uy|huyen doan|quan doan|thi doan"
    r"|thanh pho|thi tran|thi xa|tinh|huyen|quan"
    r"|phuong|xa|tp\.?)(?=\s)"
)
# The issuer is a commune's body: "dang uy xa ...", "uy ban nhan dan phuong ...".
COMMUNE_WORD_RE = re.compile(rf"(?<![a-z])(?:{_COMMUNE_UNITS})\s")
# What a uid part may not hold: "Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau".
SLUG_BREAK_RE = re.compile(r"[^0-9a-z]+")
# The words of a place name, a hyphenated pair as one: "ba ria - vung tau".
PLACE_TOKEN_RE = re.compile(r"[0-9a-z]+(?:\s*-\s*[0-9a-z]+)?")
# An ISO date's year: "2021-06-11".
YEAR_PREFIX_RE = re.compile(r"^\d{4}")

# -- references as people type them (queries/refs.py) ------------------------------------------------
# Folded type names, aliases and codes -> the type name: "ket luan", "thong bao ket luan", "kl" -> "Kết luận".
FOLDED_TYPE_WORDS: dict[str, str] = {fold(t.name): t.name for t in DOC_TYPES}
FOLDED_TYPE_WORDS.update({fold(alias): t.name for t in DOC_TYPES for alias in t.aliases})
FOLDED_TYPE_WORDS.update({fold(code): name for code, name in TYPE_BY_CODE.items()})
# "KL 07", "kết luận số 07", "ket luan so: 07", "CV 294 Lai Châu", "số 07" (any type).
NUMBER_REF_RE = re.compile(
    r"(?<![\w/])(?:(?P<type>" + "|".join(sorted(map(re.escape, FOLDED_TYPE_WORDS), key=len, reverse=True)) + r")\s*)?"
    r"(?:so\s*:?\s*)?(?P<number>\d{1,5})(?![\w/-])"
)
# "07", "so 07", "so: 07" and nothing else before the number.
BARE_NUMBER_REF_RE = re.compile(r"\s*(?:so\s*:?\s*)?\d+\s*")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "... cua bo chinh tri": the issuer a reference names.
ISSUER_TAIL_RE = re.compile(r"(?<!\w)cua\s+(?P<issuer>.+)$")
# Date words and digits inside an issuer phrase: "ngay 11/6/2021".
DATE_WORDS_RE = re.compile(r"\b(?:ngay|nam|thang)\b|[\d/.-]+")
# "./a.txt", "~/x", "plan.docx": a reference that looks like a path.
PATH_LIKE_RE = re.compile(r"(?:^[~./\\]|\.[A-Za-z0-9]{1,5}$)")


# -- news items and legal-site pages (loaders/news.py) -------------------------------------------------------
# A signer's name after the office that signs, at the end of a news item's subject: "Thủ tướng Chính phủ Phạm Minh
# Chính" (vừa ký Công điện số 210/CĐ-TTg), "Thủ tướng Phạm Minh Chính", "Chủ tịch UBND tỉnh Nguyễn Hoài Anh" (vừa ký
# Quyết định số 208/QĐ-UBND): an office first (SIGNER_TITLES), then a family name (SURNAMES) and one to three
# capitalised syllables. The office is the issuer (the set annotates the title, as "Thay mặt Ban Bí thư, ... đã ký"
# names the body).
_NAME_SYLLABLE = rf"[{UPPER}][{LOWER}]*"
SIGNER_AFTER_OFFICE_RE = re.compile(
    rf"(?P<office>(?:{_alternation(SIGNER_TITLES)})(?!\w)[^\n]*?)[ \t]+(?:đồng[ \t]+chí[ \t]+)?"
    rf"(?P<name>(?:{_alternation(SURNAMES)})(?:[ \t]+{_NAME_SYLLABLE}){{1,3}})$")
# A unit word ending the office: the name after it is a place unless it has three syllables ("Chủ tịch UBND thành phố
# Phan Thiết" stays whole; "Chủ tịch UBND tỉnh Nguyễn Hoài Anh" is cut).
UNIT_WORD_AT_END_RE = re.compile(rf"(?<!\w)(?:{_alternation(UNIT_WORDS)}|TP\.?)$", re.IGNORECASE)
# A news item that names its document first, then the body that acts by it: "Tại Quyết định số 328-QĐ/TW, Bộ Chính trị
# quyết định thành lập Đảng bộ tỉnh An Giang", "Theo đó, tại Quyết định số ...", "Tại Công điện số 174/CĐ-TTg ngày
# 27/9/2025, Thủ tướng Chính phủ Phạm Minh Chính chỉ đạo thành lập ...". The body, before its verb, is the issuer and
# the news reports the document: no cue (fresh2's "Tại Nghị quyết số ..., Chính phủ đã thông qua"). "Tại Khoản 1, Điều
# 19, Quy định số 22-QĐ/TW ... nêu:" names an article first: no "Tại" right before the reference.
REPORTED_AT_BEFORE_RE = re.compile(
    r"(?:^|[.;:!?][ \t]+|\n[ \t]*|,[ \t]+|(?:^|\n)[ \t]*date[ \t]+[\d-]{4,10}[ \t]+)[Tt]ại[ \t]+$")  # " date 2025-09-28 Tại
# Công điện số 174/CĐ-TTg ...": the stored page's date stamp before its lead
REPORTED_SUBJECT_AFTER_RE = re.compile(
    rf"[ \t]*,[ \t]*(?P<issuer>[{UPPER}][^\s,;:.()]*(?:[ \t]+[^\s,;:.()]+){{0,9}}?)[ \t]+(?:đã[ \t]+|vừa[ \t]+)?"
    rf"(?:{_alternation(REPORTING_VERBS)})(?!\w)")
# A legal-text site's list of related documents above the header, numbered and glued to the type word: "- 1Quyết
# định 672/QĐ-UBND phê duyệt điều chỉnh Kế hoạch sử dụng đất năm 2024 huyện Sơn Động, tỉnh Bắc Giang", "- 4Nghị quyết
# 26/NQ-HĐND năm 2024 ..." (hethongphapluat.vn). An item the text names again is cited (party/2017-tld-134-hd-nhansu);
# one it never names is page chrome.
RELATED_ITEM_RE = re.compile(rf"^-[ \t]*\d{{1,2}}(?=(?:{_TYPE_WORD})[ \t])[^\n]*$", re.MULTILINE)
# A proposer named before a counted list, in a sentence of its own: "Thông qua 34 hồ sơ Đề án ... do Bộ Nội vụ trình
# tại 34 tờ trình. Cụ thể:\nTờ trình 1976/TTr-BNV ngày 02 tháng 5 năm 2025,\nTờ trình 1977/TTr-BNV ..." (the Government's
# 126/NQ-CP): each item of the counted type is the proposer's. Opens on its first letter (as NAMED_LAW_RE): the engine
# skips to the next "d".
COUNTED_PROPOSER_RE = re.compile(
    rf"d(?<!\wd)o[ \t]+(?P<issuer>[{UPPER}][^.,;:\n()]{{1,80}}?)[ \t]+(?:trình|gửi|đề[ \t]+nghị)[ \t]+tại[ \t]+\d{{1,3}}[ \t]+"
    rf"(?P<type>(?i:{_TYPE_WORD}))[ \t]*[.:][ \t]*(?:[Cc]ụ[ \t]+thể[ \t]*:?)?")
