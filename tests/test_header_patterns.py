"""Table tests for the header's patterns (loaders/patterns.py, "the header" section): real lines, and
near misses that must not match."""

from __future__ import annotations

import pytest

from chidao.loaders import patterns as P

CASES = [
    # (pattern, text, expected group or True for a match, None for no match)
    ("EMBLEM_RE", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("EMBLEM_RE", "ĐẢNG CỘNG SẢN VIỆT NAM", True),
    ("EMBLEM_RE", "Độc lập - Tự do - Hạnh phúc", True),
    ("EMBLEM_RE", "Đảng bộ tỉnh Lai Châu", None),
    ("PLACE_DATE_RE", "Lai Châu, ngày 10 tháng 5 năm 2021", ("place", "Lai Châu")),
    ("PLACE_DATE_RE", "Tam Đường, ngày 09 tháng 7 năm 2021", ("place", "Tam Đường")),
    ("PLACE_DATE_RE", "Thực hiện Công văn số 62/LĐLĐ, ngày 10/5/2021", None),
    ("TITLE_RE", "KẾ HOẠCH", ("title", "KẾ HOẠCH")),
    ("TITLE_RE", "** CÔNG ĐIỆN **", ("title", "CÔNG ĐIỆN")),
    ("TITLE_RE", "Kế hoạch thực hiện", None),
    ("VV_RE", "V/v tăng cường phòng, chống dịch Covid-19", ("subject", "tăng cường phòng, chống dịch Covid-19")),
    ("KINH_GUI_RE", "Kính gửi: Các huyện ủy, thành ủy", ("rest", "Các huyện ủy, thành ủy")),
    ("NOI_NHAN_RE", "Nơi nhận:", ("rest", "")),
    ("SIGN_TITLE_RE", "T/M BAN THƯỜNG VỤ", True),
    ("SIGN_TITLE_RE", "KT. CHỦ TỊCH", True),
    ("SIGN_TITLE_RE", "Nguyễn Văn A", None),
    ("PERSON_NAME_RE", "Nguyễn Văn Hùng", True),
    ("PERSON_NAME_RE", "nguyễn văn hùng", None),
    ("BULLET_RE", "- Như trên;", True),
    ("BULLET_RE", "2) Lưu VT.", True),
    ("BODY_ISSUER_RE", "Vì vậy, Ban Thường vụ LĐLĐ tỉnh yêu cầu các cấp công đoàn", ("who", "Ban Thường vụ LĐLĐ tỉnh")),
    ("ROLE_PREFIX_RE", "Ban Thường vụ Tỉnh ủy", True),
    ("ROLE_SUFFIX_RE", "Tỉnh ủy Ban Thường vụ", True),
    ("YOUTH_RE", "BCH Đoàn huyện Tam Đường", True),
    ("AGENCY_ABBREVIATION_RE", "UBND huyện", True),
    ("AGENCY_ABBREVIATION_RE", "UBNDX", None),
    ("AGENCY_CASING_RE", "ủy ban nhân dân huyện", True),
    ("UNIT_RE", "huyện Tam Đường", ("name", "Tam Đường")),
    ("UNIT_RE", "xã hội", None),
    ("PARENT_HEAD_RE", "ĐẢNG ỦY KHỐI CƠ QUAN", True),
    ("PARENT_HEAD_RE", "TỈNH LAI CHÂU", None),
    ("NOT_LETTER_RE", "UBND TỈNH 12", True),
    ("NOT_LETTER_RE", "UBND", None),
    ("DANGLING_UNIT_RE", "Ủy ban nhân dân tỉnh", True),
    ("DANGLING_UNIT_RE", "Ủy ban nhân dân tỉnh Lai Châu", None),
    ("ROLE_ONLY_RE", "Ban Thường vụ", True),
    ("ROLE_ONLY_RE", "Ban Thường vụ Tỉnh ủy", None),
    ("BOARD_RE", "Ban Tuyên giáo Tỉnh ủy", True),
    ("COMMITTEE_RE", "Huyện ủy Tam Đường", True),
    ("COMMITTEE_RE", "Huyện đoàn Tam Đường", None),
    ("UNIT_PHRASE_RE", "Ủy ban nhân dân thị trấn Phong Thổ", True),
    ("UNIT_PHRASE_RE", "các xã, thị trấn", None),
    ("COLUMN_GAP_RE", "TỈNH ỦY LAI CHÂU      ĐẢNG CỘNG SẢN VIỆT NAM", True),
    ("COLUMN_GAP_RE", "TỈNH ỦY LAI CHÂU ĐẢNG", None),
    ("PARENT_PLACE_RE", "ĐẢNG BỘ TỈNH BẾN TRE", (1, "BẾN TRE")),
    ("SEMICOLON_SPLIT_RE", "a; b", True),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_header_pattern(name, text, expected):
    m = getattr(P, name).search(text)
    if expected is None:
        assert m is None, m
    elif expected is True:
        assert m is not None
    else:
        group, value = expected
        assert m is not None and m.group(group).strip() == value


def test_every_header_pattern_has_a_case():
    start = P.__all__.index("EMBLEM_RE")
    assert set(P.__all__[start:]) <= {c[0] for c in CASES}
