"""The vocabulary of Vietnamese directives: one place for every code and cue word.

The parser (loaders/), the resolver (graph/) and the docs all read these tables.
Every spelling here is in the matching form produced by ``normalize.normalize``
(NFC, new tone placement, "Đ" U+0110), so patterns built from them match
documents typed in either convention.

Sources: Nghị định 30/2020/NĐ-CP (State documents), Hướng dẫn 36-HD/VPTW
(Party documents); see ../shared/DOMAIN.md sections 2 and 4.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DOC_TYPES",
    "TYPE_BY_CODE",
    "TYPE_NAMES",
    "UNNUMBERED_TYPES",
    "ORDINAL_WORDS",
    "CUES",
    "Cue",
    "SCOPED_WORDS",
    "ISSUER_CODES",
    "IssuerCode",
    "CENTRAL_CODES",
    "LEVELS",
    "CHAIN_LINKS",
    "CITATION_LINK_TYPES",
    "MENTION_LINK",
    "STRUCTURAL_LINK_TYPES",
    "LINK_TYPES",
    "UNIT_WORDS",
    "AGENCY_CASING",
    "AGENCY_ABBREVIATIONS",
    "YOUTH_NAMES",
    "OCR_CODE_FIXES",
    "OCR_WORD_FIXES",
    "OCR_PHRASE_FIXES",
    "OCR_TYPE_CODE_SLIPS",
    "REPORT_COPY_MARKS",
    "ADDRESSEE_SOURCES",
    "SURNAMES",
    "SIGNER_TITLES",
    "REPORTING_VERBS",
]

LEVELS = ("central", "province", "district", "commune")


@dataclass(frozen=True)
class DocType:
    name: str  # the full Vietnamese name, as shown to users: "Kết luận"
    codes: tuple[str, ...]  # the type codes used in symbols: ("KL",)
    aliases: tuple[str, ...] = ()  # other ways a text names it


# The type codes of DOMAIN.md section 2. "TT" is Thông tri in a Party symbol
# (number-TT/TW) and Thông tư in a State one (number/year/TT-BYT): see
# ``type_for_code``.
DOC_TYPES: tuple[DocType, ...] = (
    DocType("Công văn", ("CV",)),
    DocType("Nghị quyết", ("NQ", "NQLT")),  # NQLT: Nghị quyết liên tịch
    DocType("Quyết định", ("QĐ",)),
    DocType("Chỉ thị", ("CT",)),
    DocType("Kết luận", ("KL",), ("Thông báo kết luận",)),
    DocType("Kế hoạch", ("KH",)),
    DocType("Hướng dẫn", ("HD",)),
    DocType("Thông báo", ("TB",)),
    DocType("Thông tri", ()),
    DocType("Thông tư", ()),
    DocType("Thông tư liên tịch", ("TTLT",)),
    DocType("Quy chế", ("QC", "QCPH")),  # QCPH: Quy chế phối hợp
    DocType("Quy định", ("QyĐ",)),
    DocType("Chương trình", ("CTr", "CTHĐ")),  # CTHĐ: Chương trình hành động ("147-CTHĐ/TU", Quảng Trị)
    DocType("Báo cáo", ("BC",)),
    DocType("Tờ trình", ("TTr",)),
    DocType("Đề án", ("ĐA",)),
    DocType("Phương án", ("PA",)),
    DocType("Công điện", ("CĐ",)),
    DocType("Nghị định", ("NĐ",)),
    DocType("Giấy mời", ("GM",)),
    DocType("Đề cương", ()),  # Đề cương tuyên truyền
    DocType("Biên bản", ("BB",)),
    DocType("Luật", ()),
    DocType("Pháp lệnh", ()),
)

TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in DOC_TYPES)

TYPE_BY_CODE: dict[str, str] = {code: t.name for t in DOC_TYPES for code in t.codes}


def type_for_code(code: str | None, *, party: bool, has_year: bool) -> str | None:
    """The document type a symbol's type code stands for, or None.

    >>> type_for_code("TT", party=True, has_year=False)
    'Thông tri'
    >>> type_for_code("TT", party=False, has_year=True)
    'Thông tư'
    """
    if not code:
        return None
    if code == "TT":
        return "Thông tri" if party and not has_year else "Thông tư"
    return TYPE_BY_CODE.get(code)


# Specific documents that carry no number but name their issuer or date:
# "Điện của Thường trực Ban Bí thư", "Lời kêu gọi ... ngày 29/7/2021 của Tổng Bí thư".
UNNUMBERED_TYPES: tuple[str, ...] = ("Lời kêu gọi", "Công điện", "Điện")

# Ordinals as texts spell them out ("Hội nghị lần thứ tư Ban Chấp hành Trung ương", "lần thứ mười một"): the
# number of a Central Committee plenum (hội nghị trung ương), whose resolution is named by it.
ORDINAL_WORDS: dict[str, int] = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
}


@dataclass(frozen=True)
class Cue:
    name: str  # the value in records: "thuc_hien"
    words: tuple[str, ...]  # lower-case matching forms
    # A scoped cue governs every reference after it in its sentence ("Căn cứ A; B"),
    # an adjacent one only the reference right after it ("... theo Nghị quyết số 79").
    scoped: bool
    link: str  # the graph relationship it becomes


CUES: tuple[Cue, ...] = (
    Cue("can_cu", ("căn cứ",), True, "BASED_ON"),  # Căn cứ
    Cue(
        "thuc_hien",  # Thực hiện, Triển khai (thực hiện), Quán triệt, Tiếp tục thực hiện
        ("thực hiện", "triển khai", "quán triệt", "cụ thể hóa", "thi hành"),
        True,
        "IMPLEMENTS",
    ),
    Cue("huong_ung", ("hưởng ứng",), True, "RESPONDS_TO"),  # Hưởng ứng
    Cue("tiep_theo", ("tiếp theo",), False, "FOLLOWS_UP"),  # Tiếp theo Công văn số ...
    Cue("tra_loi", ("trả lời", "phúc đáp"), False, "REPLIES_TO"),  # Trả lời / Phúc đáp
    Cue("sua_doi", ("sửa đổi, bổ sung", "sửa đổi bổ sung", "sửa đổi"), False, "AMENDS"),
    Cue("thay_the", ("thay thế",), False, "REPLACES"),  # thay thế
    Cue("bai_bo", ("bãi bỏ",), False, "REPEALS"),  # bãi bỏ
    Cue("theo", ("theo", "tại", "trên cơ sở", "xét", "bám sát"), False, "CITES"),  # theo, tại, trên cơ sở, Xét (Tờ trình), bám sát (nội dung): a plain reference
)

# Words of an adjacent cue that govern a whole clause as a scoped cue does:
# "Xét đề nghị của Sở Nội vụ tại Tờ trình số 68/TTr-SNV và Báo cáo số ...", "Trên cơ sở Kế hoạch số A, B".
SCOPED_WORDS: frozenset[str] = frozenset({"xét", "trên cơ sở"})

CUE_BY_NAME: dict[str, Cue] = {c.name: c for c in CUES}

# Link type for a citation without a cue.
DEFAULT_LINK = "CITES"

# -- the link types of the graph, derived from the cues ----------------------------------------------
# Links that carry an order down the hierarchy: the citing document acts on the cited one.
CHAIN_LINKS: tuple[str, ...] = ("IMPLEMENTS", "BASED_ON", "RESPONDS_TO")
# What a citation becomes: the chain links first, then every other cue's link in cue order, the default last.
CITATION_LINK_TYPES: tuple[str, ...] = CHAIN_LINKS + tuple(
    link for link in dict.fromkeys([*(c.link for c in CUES), DEFAULT_LINK]) if link not in CHAIN_LINKS)
# A news article's citation (it orders nothing).
MENTION_LINK = "MENTIONS"
# The links the build makes besides citations: issuer, addressees, copies, signer, the agency and place trees.
STRUCTURAL_LINK_TYPES: tuple[str, ...] = ("ISSUED_BY", "ADDRESSED_TO", "COPIED_TO", "SIGNED_BY", "PART_OF", "LOCATED_IN")
LINK_TYPES: tuple[str, ...] = STRUCTURAL_LINK_TYPES + CITATION_LINK_TYPES + (MENTION_LINK,)


@dataclass(frozen=True)
class IssuerCode:
    code: str  # as in symbols, matching form: "BTGTU"
    name: str  # canonical name without place: "Ban Tuyên giáo Tỉnh ủy"
    kind: str  # party | state | mass
    level: str | None  # central | province | district | commune; None: decided by context
    parent: str | None = None  # the code of the body it belongs to: BTGTU -> TU


# Issuer codes of DOMAIN.md section 2. Board prefixes combine with a committee
# code (see ``_BOARD_PREFIXES``) so BTGTU, BDVHU, VPTU ... need not be listed.
_ISSUERS: tuple[IssuerCode, ...] = (
    IssuerCode("TW", "Trung ương", "party", "central"),  # Bộ Chính trị, Ban Bí thư, BCH TW all sign /TW
    IssuerCode("CP", "Chính phủ", "state", "central"),
    IssuerCode("TTg", "Thủ tướng Chính phủ", "state", "central"),
    IssuerCode("QH", "Quốc hội", "state", "central"),
    IssuerCode("UBTVQH", "Ủy ban Thường vụ Quốc hội", "state", "central"),
    IssuerCode("VPCP", "Văn phòng Chính phủ", "state", "central"),
    IssuerCode("BCĐ", "Ban Chỉ đạo", "state", None),
    IssuerCode("BYT", "Bộ Y tế", "state", "central"),
    IssuerCode("BCA", "Bộ Công an", "state", "central"),
    IssuerCode("BQP", "Bộ Quốc phòng", "state", "central"),
    IssuerCode("BNV", "Bộ Nội vụ", "state", "central"),
    IssuerCode("BTC", "Bộ Tài chính", "state", "central"),
    IssuerCode("BGDĐT", "Bộ Giáo dục và Đào tạo", "state", "central"),
    IssuerCode("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", "state", "central"),
    IssuerCode("BTTTT", "Bộ Thông tin và Truyền thông", "state", "central"),
    IssuerCode("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "state", "central"),
    IssuerCode("BKHĐT", "Bộ Kế hoạch và Đầu tư", "state", "central"),
    IssuerCode("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn", "state", "central"),
    IssuerCode("BTP", "Bộ Tư pháp", "state", "central"),
    IssuerCode("BCT", "Bộ Công Thương", "state", "central"),
    IssuerCode("BGTVT", "Bộ Giao thông vận tải", "state", "central"),
    IssuerCode("BXD", "Bộ Xây dựng", "state", "central"),
    IssuerCode("BTNMT", "Bộ Tài nguyên và Môi trường", "state", "central"),
    IssuerCode("TLĐ", "Tổng Liên đoàn Lao động Việt Nam", "mass", "central"),
    IssuerCode("TWĐTN", "Trung ương Đoàn", "mass", "central"),
    IssuerCode("MTTW", "Ủy ban Trung ương MTTQ Việt Nam", "mass", "central"),
    IssuerCode("TU", "Tỉnh ủy", "party", "province"),
    IssuerCode("ThU", "Thành ủy", "party", None),  # province for Hà Nội / TP HCM, district otherwise
    IssuerCode("HU", "Huyện ủy", "party", "district"),
    IssuerCode("QU", "Quận ủy", "party", "district"),
    IssuerCode("TxU", "Thị ủy", "party", "district"),
    IssuerCode("ĐU", "Đảng ủy", "party", None),
    IssuerCode("ĐUK", "Đảng ủy Khối", "party", "province"),
    IssuerCode("UBND", "Ủy ban nhân dân", "state", None),
    IssuerCode("HĐND", "Hội đồng nhân dân", "state", None),
    IssuerCode("SYT", "Sở Y tế", "state", "province"),
    IssuerCode("SNV", "Sở Nội vụ", "state", "province"),
    IssuerCode("SGDĐT", "Sở Giáo dục và Đào tạo", "state", "province"),
    IssuerCode("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội", "state", "province"),
    IssuerCode("STTTT", "Sở Thông tin và Truyền thông", "state", "province"),
    IssuerCode("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "state", "province"),
    IssuerCode("STC", "Sở Tài chính", "state", "province"),
    IssuerCode("LĐLĐ", "Liên đoàn Lao động", "mass", None),
    IssuerCode("TĐTN", "Tỉnh đoàn", "mass", "province"),
    IssuerCode("HĐTN", "Huyện đoàn", "mass", "district"),
    IssuerCode("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam", "mass", None),
    IssuerCode("HLHPN", "Hội Liên hiệp Phụ nữ", "mass", None),
    IssuerCode("HND", "Hội Nông dân", "mass", None),
    IssuerCode("HCCB", "Hội Cựu chiến binh", "mass", None),
)

# Board prefix + committee code: BTG + TU = Ban Tuyên giáo Tỉnh ủy.
_BOARD_PREFIXES: dict[str, str] = {
    "BTG": "Ban Tuyên giáo",
    "BTC": "Ban Tổ chức",
    "BDV": "Ban Dân vận",
    "BNC": "Ban Nội chính",
    "UBKT": "Ủy ban Kiểm tra",
    "VP": "Văn phòng",
}
_COMMITTEES: dict[str, str] = {"TW": "Trung ương", "TU": "Tỉnh ủy", "ThU": "Thành ủy",
                               "HU": "Huyện ủy", "QU": "Quận ủy", "TxU": "Thị ủy",
                               "ĐU": "Đảng ủy", "ĐUK": "Đảng ủy Khối"}


def _build_issuers() -> dict[str, IssuerCode]:
    table = {i.code: i for i in _ISSUERS}
    for prefix, board in _BOARD_PREFIXES.items():
        for code, committee in _COMMITTEES.items():
            parent = table[code]
            combined = prefix + code
            if combined in table:  # BTC is Bộ Tài chính; BTCTW is the board
                continue
            # "Ban Tuyên giáo Trung ương" reads without the committee's "Ban Chấp hành".
            table[combined] = IssuerCode(combined, f"{board} {committee}", "party", parent.level, code)
    return table


ISSUER_CODES: dict[str, IssuerCode] = _build_issuers()

# Issuers whose documents are national: one node however many provinces cite them.
CENTRAL_CODES: frozenset[str] = frozenset(c for c, i in ISSUER_CODES.items() if i.level == "central")

# OCR slips seen in symbols, mapped to the code they stand for ("ƯBND", "TƯ").
OCR_CODE_FIXES: dict[str, str] = {"ƯBND": "UBND", "TƯ": "TW", "UBNĐ": "UBND", "ƯB": "UB"}
# OCR slips of whole words in running text (same length, so offsets stay aligned): the
# codes above, and "cơng" for "công".
OCR_WORD_FIXES: dict[str, str] = {**OCR_CODE_FIXES, "cơng": "công", "Cơng": "Công"}

# Applied to OCR'd text only (a typed text may well say "bình đẳng"): the slips
# Tesseract's Vietnamese model made on the 200-dpi scans of the seed documents
# (benchmarks/ocr.py prints them): a hook added to "đảng" ("đẳng ủy",
# "ĐẲNG CỘNG SẢN"), a tone added to "chi" ("chỉ ủy": Chỉ thị stays), "chống"
# read "chổng". Same length, as every matching-form fix. Each key is matched
# as whole words, in any of its cases.
OCR_PHRASE_FIXES: dict[str, str] = {
    "đẳng ủy": "đảng ủy", "đẳng viên": "đảng viên", "đẳng bộ": "đảng bộ", "đẳng cộng sản": "đảng cộng sản",
    "đẳng đoàn": "đảng đoàn", "ban cán sự đẳng": "ban cán sự đảng", "của đẳng": "của đảng",
    "chỉ ủy": "chi ủy", "chỉ bộ": "chi bộ", "chỉ hội": "chi hội", "chỉ đoàn": "chi đoàn",
    "phòng, chổng": "phòng, chống", "phòng chổng": "phòng chống",
}

# Letters Tesseract reads for one another in the type code of a symbol (seen: "07-KU/TW"
# for 07-KL/TW on a blurred scan): a code not in the list one such letter away from
# exactly one code in it is that code.
OCR_TYPE_CODE_SLIPS: dict[str, str] = {"U": "L", "L": "U", "I": "LT", "1": "I", "0": "ĐO", "O": "ĐQ", "D": "Đ", "Q": "O"}

# -- agency and unit words (loaders/header.py; folded, graph/agencies.py) ------------------------------
# The youth union of a unit: "BCH Đoàn huyện X" is the Huyện đoàn (Đoàn Thanh niên).
YOUTH_NAMES = {"tỉnh": "Tỉnh đoàn", "huyện": "Huyện đoàn", "thành phố": "Thành đoàn", "quận": "Quận đoàn",
               "thị xã": "Thị đoàn"}

# Heads of agency names with their canonical casing (matching form, lower-case keys).
AGENCY_CASING = {
    "ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân",
    "đảng ủy khối": "Đảng ủy Khối", "đảng ủy": "Đảng ủy", "tỉnh ủy": "Tỉnh ủy", "thành ủy": "Thành ủy",
    "huyện ủy": "Huyện ủy", "quận ủy": "Quận ủy", "thị ủy": "Thị ủy", "ban tuyên giáo": "Ban Tuyên giáo",
    "ban dân vận": "Ban Dân vận", "ban tổ chức": "Ban Tổ chức", "ban nội chính": "Ban Nội chính",
    "ủy ban kiểm tra": "Ủy ban Kiểm tra", "văn phòng": "Văn phòng", "liên đoàn lao động": "Liên đoàn Lao động",
    "ủy ban mặt trận tổ quốc việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam", "mặt trận tổ quốc": "Mặt trận Tổ quốc",
    "tỉnh đoàn": "Tỉnh đoàn", "huyện đoàn": "Huyện đoàn", "ban chỉ đạo": "Ban Chỉ đạo", "bộ chính trị": "Bộ Chính trị",
    "ban bí thư": "Ban Bí thư", "chính phủ": "Chính phủ", "thủ tướng chính phủ": "Thủ tướng Chính phủ",
    "đảng bộ": "Đảng bộ", "ban thường trực": "Ban Thường trực", "ban thường vụ": "Ban Thường vụ",
    "sở": "Sở", "phòng": "Phòng", "bộ": "Bộ", "ban": "Ban", "hội": "Hội",
}
# Abbreviations in agency names, as written, and the words they stand for.
AGENCY_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "LĐLĐ": "Liên đoàn Lao động",
                        "MTTQ": "Mặt trận Tổ quốc", "BCĐ": "Ban Chỉ đạo", "ĐUK": "Đảng ủy Khối", "BTV": "Ban Thường vụ"}
# The words before a unit's name, as written: "huyện Tam Đường", "thị xã Sơn Tây" (đơn vị hành chính).
UNIT_WORDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "xã", "phường")

# Nơi nhận lines that send a copy upward "to report" (để báo cáo, "b/c"): not an order to act.
# Matched as substrings of the lower-cased line (the Cypher faces do the same with CONTAINS):
# "TT Tỉnh ủy, TT HĐND tỉnh (b/c)", "UBND tỉnh (để b/c)", "Thường trực Huyện ủy (để báo cáo)".
REPORT_COPY_MARKS: tuple[str, ...] = ("(b/c", "b/c)", "để b/c", "(báo cáo)", "để báo cáo")
# Where an addressee was named, by link type: "Kính gửi" (ADDRESSED_TO), "Nơi nhận" (COPIED_TO).
ADDRESSEE_SOURCES: dict[str, str] = {"ADDRESSED_TO": "Kính gửi", "COPIED_TO": "Nơi nhận"}

# -- news items (loaders/news.py) ------------------------------------------------------------------------
# Family names that open a signer's name after an office in news ("Thủ tướng Chính phủ Phạm Minh Chính vừa ký",
# "Chủ tịch UBND tỉnh Nguyễn Hoài Anh vừa ký"): the common ones that open no province's name (Hà, Hồ, Lâm, Cao, Mai,
# Thái open Hà Nội, Hồ Chí Minh, Lâm Đồng, Cao Bằng ... and stay out).
SURNAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
    "Lý", "Đinh", "Trịnh", "Đoàn", "Trương", "Lương", "Tô", "Lưu", "Hầu", "Nghiêm", "Đào", "Tạ", "Triệu",
)
# The offices a signer holds, at the head of a news item's subject: "Thủ tướng Phạm Minh Chính ký Công điện số".
SIGNER_TITLES: tuple[str, ...] = (
    "Thủ tướng", "Phó Thủ tướng", "Chủ tịch", "Phó Chủ tịch", "Bộ trưởng", "Thứ trưởng", "Tổng Bí thư",
    "Bí thư", "Phó Bí thư", "Giám đốc", "Phó Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng",
    "Chủ nhiệm", "Thường trực Ban Bí thư",
)
# What a body does in a news item whose document is named first ("Tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết
# định thành lập ...", "Tại Công điện số 174/CĐ-TTg ngày 27/9/2025, Thủ tướng Chính phủ Phạm Minh Chính chỉ đạo ...").
REPORTING_VERBS: tuple[str, ...] = (
    "quyết định", "chỉ đạo", "yêu cầu", "giao", "đề nghị", "thống nhất", "đồng ý", "cho phép", "phê duyệt",
    "nêu rõ", "nhấn mạnh", "xác định", "đề ra", "kết luận", "thông qua", "quy định", "ban hành",
)
