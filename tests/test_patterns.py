"""Tables for the named patterns and the normalisation they run on."""

from __future__ import annotations

import unicodedata

import pytest

from chidao.loaders.citations import parse_symbol_match
from chidao.loaders.dates import DATE_RE, date_from_match
from chidao.loaders.normalize import fold, normalize
from chidao.loaders.patterns import HEADER_SYMBOL_RE, SYMBOL_RE

SYMBOLS = [
    # text, normalised symbol, type code, issuer code, year
    ("07-KL/TW", "07-KL/TW", "KL", "TW", None),
    ("132-CV/BTGTU", "132-CV/BTGTU", "CV", "BTGTU", None),
    ("159 -CV/ĐUK", "159-CV/ĐUK", "CV", "ĐUK", None),
    ("100 - KL/TW", "100-KL/TW", "KL", "TW", None),
    ("08-QyĐ/TW", "08-QyĐ/TW", "QyĐ", "TW", None),
    ("15-CTr/TU", "15-CTr/TU", "CTr", "TU", None),
    ("07-KL/TƯ", "07-KL/TW", "KL", "TW", None),
    ("15/CT-UBND", "15/CT-UBND", "CT", "UBND", None),
    ("15/CT-ƯBND", "15/CT-UBND", "CT", "UBND", None),
    ("23/2021/QĐ-TTg", "23/2021/QĐ-TTg", "QĐ", "TTg", "2021"),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "NĐ", "CP", "2020"),
    ("1198/UBND-VX", "1198/UBND-VX", None, "UBND", None),
    ("675/LĐLĐ", "675/LĐLĐ", None, "LĐLĐ", None),
    ("412/MTTQ-BTT", "412/MTTQ-BTT", None, "MTTQ", None),
    ("1520 / KH-UBND", "1520/KH-UBND", "KH", "UBND", None),
    ("5599/BYT-DP", "5599/BYT-DP", None, "BYT", None),
    ("1068/CĐ-TTg", "1068/CĐ-TTg", "CĐ", "TTg", None),
]


@pytest.mark.parametrize("text, symbol, type_code, issuer_code, year", SYMBOLS, ids=[s[0] for s in SYMBOLS])
def test_symbol_shapes(text, symbol, type_code, issuer_code, year):
    m = SYMBOL_RE.fullmatch(normalize(text).text)
    assert m, text
    parsed = parse_symbol_match(m)
    assert (parsed.text, parsed.type_code, parsed.issuer_code, parsed.year) == (symbol, type_code, issuer_code, year)


NOT_SYMBOLS = ["30/4", "24/24", "06/5/2021", "3/4", "HIV/AIDS", "Covid-19", "2021 - 2026", "0213.3876.543",
               "PC-COVID", "1/2", "abc12/CT-UBND"]


@pytest.mark.parametrize("text", NOT_SYMBOLS)
def test_not_symbols(text):
    assert not SYMBOL_RE.search(normalize(text).text)


HEADER_SYMBOLS = [
    ("Số: 675/LĐLĐ", "675/LĐLĐ", "675"),
    ("Số 294-CV/TU", "294-CV/TU", "294"),
    ("Số 159 -CV/ĐUK", "159-CV/ĐUK", "159"),
    ("Số: /CT-UBND", None, None),
    ("Số:      -KH/TU", None, None),
    ("Số: 1520/KH-UBND", "1520/KH-UBND", "1520"),
    ("*Số: 45 -KH/HU*", "45-KH/HU", "45"),
]


@pytest.mark.parametrize("line, symbol, number", HEADER_SYMBOLS, ids=[h[0] for h in HEADER_SYMBOLS])
def test_header_symbols(line, symbol, number):
    m = HEADER_SYMBOL_RE.search(normalize(line).text)
    assert m
    parsed = parse_symbol_match(m)
    assert (parsed.text, parsed.number) == (symbol, number)


DATES = [
    ("06/5/2021", "2021-05-06"),
    ("11-6-2021", "2021-06-11"),
    ("11.6.2021", "2021-06-11"),
    ("10 tháng 5 năm 2021", "2021-05-10"),
    ("14 tháng 01 năm 2021", "2021-01-14"),
    ("   tháng 12 năm 2021", "2021-12"),
    ("... tháng 8 năm 2021", "2021-08"),
    ("tháng  năm 2021", "2021"),
    ("31/02/2021", None),
    ("10 THÁNG 5 NĂM 2021", "2021-05-10"),
]


@pytest.mark.parametrize("text, iso", DATES, ids=[d[0] for d in DATES])
def test_dates(text, iso):
    m = DATE_RE.search(text)
    assert m
    assert date_from_match(m) == iso


NORMAL_FORMS = [
    ("Uỷ ban", "Ủy ban"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Khoá", "Khóa"),
    ("quý", "quý"), ("hoàn", "hoàn"), ("thuyền", "thuyền"), ("ngoài", "ngoài"), ("Ðảng", "Đảng"),
    ("312–KH/TU", "312-KH/TU"), ("07—CT", "07-CT"), ("ƯBND", "UBND"), ("cơng văn", "công văn"),
    ("HOÀ", "HÒA"), ("Tỉnh ủy", "Tỉnh ủy"),
]


@pytest.mark.parametrize("text, expected", NORMAL_FORMS, ids=[n[0] for n in NORMAL_FORMS])
def test_matching_form(text, expected):
    assert normalize(text).text == expected
    assert normalize(unicodedata.normalize("NFD", text)).text == expected


def test_offsets_map_back_to_decomposed_original():
    original = unicodedata.normalize("NFD", "Căn cứ Kết luận số 07-KL/TW của Bộ Chính trị")
    norm = normalize(original)
    i = norm.text.index("Bộ")
    start, end = norm.span(i, i + len("Bộ Chính trị"))
    assert unicodedata.normalize("NFC", original[start:end]) == "Bộ Chính trị"
    assert len(original) > len(norm.text)


@pytest.mark.parametrize("a, b", [("Ủy ban Nhân dân", "uỷ ban nhân dân"), ("ĐẢNG ỦY", "dang uy"), ("Kết luận", "ket luan")])
def test_fold(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("text", ["Ủy ban Nhân dân tỉnh Lai Châu", "ĐẢNG ỦY KHỐI", "Ðảng ủy", "Uỷ  ban\tnhân\ndân",
                                  "Phòng Lao động - Thương binh và Xã hội", "Cư M'gar", "Tr'Hy", "", "  ", "ﬁ ß İ"])
def test_fold_table_equals_the_slow_definition(text):
    from chidao.loaders.normalize import _fold_slowly

    assert fold(text) == _fold_slowly(text)
    assert fold(unicodedata.normalize("NFD", text)) == _fold_slowly(text)


# -- group phrases, issuer places, issuers and cues of real texts (issue 16 and the reform review) ------------
# Each named pattern of loaders/patterns.py's first __all__ group has rows here, from real texts
# (tests/data/real) or the group phrases of real Nơi nhận blocks; None: no match.

from chidao.loaders import patterns as P  # noqa: E402
from chidao.loaders.citations import find_citations  # noqa: E402
from chidao.loaders.normalize import normalize as _normalize  # noqa: E402

REAL_CASES = [
    # name, text (folded for group and place patterns), (group, value) | True | None
    ("GROUP_PLURAL_RE", "cac dang uy xa, phuong", ("units", "xa, phuong")),
    ("GROUP_PLURAL_RE", "cac uy ban nhan dan xa, thi tran va dac khu", ("units", "xa, thi tran va dac khu")),
    ("GROUP_PLURAL_RE", "cac dang uy truc thuoc", None),
    ("GROUP_UNDER_PROVINCE_RE", "cac dang uy truc thuoc tinh uy", True),
    ("GROUP_UNDER_PROVINCE_RE", "cac dang uy truc thuoc", True),
    ("GROUP_UNDER_PROVINCE_RE", "cac dang uy xa, phuong", None),
    ("GROUP_PROVINCE_COMMITTEES_RE", "cac tinh uy, thanh uy truc thuoc trung uong", True),
    ("GROUP_PROVINCE_COMMITTEES_RE", "ban tuyen giao cac tinh uy, thanh uy", ("board", "ban tuyen giao")),
    ("GROUP_PROVINCE_COMMITTEES_RE", "cac huyen uy, thanh uy", None),
    ("GROUP_PROVINCES_RE", "so y te cac tinh, thanh pho truc thuoc trung uong", ("body", "so y te")),
    ("GROUP_PROVINCES_RE", "uy ban nhan dan cac tinh, thanh pho", ("body", "uy ban nhan dan")),
    ("GROUP_PROVINCES_RE", "uy ban nhan dan cac xa, phuong", None),
    ("TYPED_COMMUNE_RE", "uy ban nhan dan xa ba dinh", ("name", "ba dinh")),
    ("TYPED_COMMUNE_RE", "dang uy phuong hoa chau", ("name", "hoa chau")),
    ("TYPED_COMMUNE_RE", "uy ban nhan dan tinh thanh hoa", None),
    ("PARENT_DISTRICT_RE", "uy ban nhan dan huyen tam duong", ("name", "tam duong")),
    ("PARENT_DISTRICT_RE", "thanh uy phan rang thap cham", None),
    ("DISTRICT_PARENT_RE", "huyen uy phu loc", True),
    ("DISTRICT_PARENT_RE", "ubnd thi xa nghi son", True),
    ("DISTRICT_PARENT_RE", "thanh uy ha noi", None),  # a city committee may be a province's
    ("SPACED_STATE_ISSUER_RE", " TTg năm 2024", ("issuer", "TTg")),  # "Quyết định 927/QĐ TTg năm 2024"
    ("SPACED_STATE_ISSUER_RE", " TTg/2024", None),
    ("SITE_NOTICE_RE", "**Kính gửi:** Quý Thành viên,\nNghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân\n"
                       "Trân trọng cảm ơn Quý Thành viên.", True),
    ("SITE_NOTICE_RE", "Kính gửi: Ủy ban nhân dân các xã, phường\nTrân trọng.", None),
    ("PASSIVE_AMENDMENT_RE", "số 15/2017/QH14 được sửa đổi, bổ sung bởi", True),
    ("PASSIVE_AMENDMENT_RE", "(được sửa đổi, bổ sung tại", True),
    ("PASSIVE_AMENDMENT_RE", "đã được sửa đổi, bổ sung một số điều theo", True),
    ("PASSIVE_AMENDMENT_RE", "Sửa đổi, bổ sung một số điều của", None),
    ("DATE_RE", "Kết luận số 100-KL/ĐU ngày 17/11/2025 của Đảng ủy", ("d_month", "11")),
    ("DATE_RE", "Kon Tum, ngày 27\ntháng 8 năm 2024", ("s_month", "8")),
    ("DATE_RE", "nhiệm kỳ 2025 - 2030", None),
    ("NGAY_DATE_RE", "Thanh Hóa, ngày 09 tháng 10 năm 2025", ("s_year", "2025")),
    ("NGAY_DATE_RE", "Ngày ban hành | 20/11/2025 |", None),
    ("CELL_TAB_RE", "Số: 130/KH-UBND \t Thanh Hoá, ngày 27 tháng 6 năm 2025", True),
    ("CELL_TAB_RE", "Số: 130/KH-UBND | Thanh Hoá", None),
    ("UNPRINTABLE_RE", "2025-hdnd\x1b[31m.txt", True),
    ("UNPRINTABLE_RE", "2025-ubnd-thanhhoa-128-qd.txt", None),
]


@pytest.mark.parametrize("name, text, expected", REAL_CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in REAL_CASES])
def test_real_patterns(name, text, expected):
    pattern = getattr(P, name)
    m = pattern.match(text) if name.startswith(("GROUP_", "SPACED_")) else pattern.search(text)
    if expected is None:
        assert m is None, (name, text)
    elif expected is True:
        assert m is not None, (name, text)
    else:
        group, value = expected
        assert m is not None and m.group(group).strip() == value, (name, text)


def test_every_pattern_of_the_first_group_has_a_case():
    first = P.__all__[: P.__all__.index("DIGIT_RUN_RE")]
    assert first and set(first) <= {c[0] for c in REAL_CASES}


def _issuers(text):
    citations, _ = find_citations(_normalize(text))
    return [(c.symbol, c.issuer, c.cue) for c in citations]


ISSUER_CASES = [
    # real texts (tests/data/real/fresh2, fresh, state): an issuer wrapped over a line, a comma inside a name,
    # a second proposer after "và", a list under one proposer, a news item's issuer after its dateline or date
    ("Nghị quyết số 26/2022/UBTVQH15 ngày 21 tháng 9 năm 2022 của Ủy\nban Thường vụ Quốc hội sửa đổi",
     [("26/2022/UBTVQH15", "Ủy ban Thường vụ Quốc hội", None)]),
    ("Căn cứ Thông tư số 283/2016/TT-BTC ngày 14/11/2016 của Bộ\nTài chính quy định",
     [("283/2016/TT-BTC", "Bộ Tài chính", "can_cu")]),
    ("Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn",
     [("03/2025/TT-VPCP", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "can_cu")]),
    ("Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh tại Tờ trình số 1818/TTr-VP ngày 21 tháng 8 năm 2025 "
     "và Giám đốc Sở Nội vụ tại Văn bản số 4836/SNV-TCBC ngày 04 tháng 9 năm 2025;",
     [("1818/TTr-VP", "Chánh Văn phòng Ủy ban nhân dân tỉnh", "theo"), ("4836/SNV-TCBC", "Giám đốc Sở Nội vụ", "theo")]),
    ("Theo đề nghị của Sở Tài chính tại Tờ trình số: 421/TTr-STC ngày 29/10/2025, 501/TTr-STC ngày 20/11/2025;",
     [("421/TTr-STC", "Sở Tài chính", "theo"), ("501/TTr-STC", "Sở Tài chính", "theo")]),
    ("(LSVN) - Ban Tổ chức Trung ương đã ban hành Hướng dẫn số 31 - HD/BTCTW ngày 23/4/2025 về việc",
     [("31-HD/BTCTW", "Ban Tổ chức Trung ương", None)]),
    ("Ngày 16/4/2020 Ủy ban nhân dân tỉnh ban hành Chỉ thị số 11/CT-CTUBND về việc",
     [("11/CT-CTUBND", "Ủy ban nhân dân tỉnh", None)]),
    # its own "của X" after the date wins over the opinion's author before "tại"
    ("Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ Nguyễn Xuân Phúc tại Thông báo số 253/TB-VPCP ngày 25/7/2020 "
     "của Văn phòng Chính phủ về Kết luận cuộc họp", [("253/TB-VPCP", "Văn phòng Chính phủ", "thuc_hien")]),
    # cues: a passive amendment keeps the item's cue; "bám sát nội dung" cites
    ("Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14 "
     "và Luật số 62/2025/QH15;",
     [("57/2014/QH13", None, "can_cu"), ("65/2020/QH14", None, "can_cu"), ("62/2025/QH15", None, "can_cu")]),
    ("- Các nhiệm vụ và giải pháp triển khai thực hiện phải bám sát nội dung Chỉ thị 34-CT/TW, Quyết định 927/QĐ TTg năm 2024;",
     [("34-CT/TW", None, "theo"), ("927/QĐ-TTg", None, "theo")]),
]


@pytest.mark.parametrize("text, expected", ISSUER_CASES, ids=[c[0][:40] for c in ISSUER_CASES])
def test_real_issuers_and_cues(text, expected):
    assert _issuers(text) == expected


def test_a_site_notice_cites_nothing():
    text = ("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ;\n"
            "**THÔNG BÁO **\n**Kính gửi:** Quý Thành viên,\n"
            "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu cầu xác nhận.\n"
            "Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế.\nTrân trọng cảm ơn Quý Thành viên.\n")
    assert [s for s, _, _ in _issuers(text)] == ["118/2025/NĐ-CP"]
