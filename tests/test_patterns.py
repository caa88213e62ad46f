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
