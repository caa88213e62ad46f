"""Table tests for the header's and the folded-text patterns (loaders/patterns.py): real lines, and
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
    # folded text
    ("AGENCY_ROLE_RE", "ban thuong vu tinh uy lai chau", True),
    ("AGENCY_ROLE_RE", "chu tich nuoc", None),
    ("TRAILING_UNIT_RE", "uy ban nhan dan huyen", (1, "huyen")),
    ("TRAILING_UNIT_RE", "uy ban nhan dan huyen tam duong", None),
    ("LAST_UNIT_WORD_RE", "dang uy xa", (1, "xa")),
    ("PLACE_WORD_RE", "ubnd thi tran phong tho", (1, "thi tran")),
    ("PLACE_WORD_RE", "hoi nong dan", None),
    ("PARENTHESES_RE", "So Y te (nay la So Y te - Dan so)", True),
    ("GROUP_BODY_RE", "uy ban nhan dan cac xa, thi tran", ("units", "xa, thi tran")),
    ("GROUP_BODY_RE", "uy ban nhan dan huyen", None),
    ("CENTRAL_GROUP_RE", "cac tinh uy, thanh uy truc thuoc trung uong", ("committees", "tinh uy, thanh uy")),
    ("CENTRAL_GROUP_RE", "uy ban nhan dan cac tinh, thanh pho truc thuoc trung uong", ("head", "uy ban nhan dan")),
    ("CENTRAL_GROUP_RE", "cac tinh uy truc thuoc", None),
    ("GROUP_COMMITTEE_RE", "cac huyen uy, thanh uy, dang uy truc thuoc", True),
    ("GROUP_UNIT_RE", "xa, thi tran", True),
    ("UNIT_IN_TEXT_RE", "theo huyen uy tam duong ", ("word", "huyen uy")),
    ("COMMUNE_WORD_RE", "dang uy xa binh lu", True),
    ("COMMUNE_WORD_RE", "dang uy huyen tam duong", None),
    ("SLUG_BREAK_RE", "ba ria - vung tau", True),
    ("PLACE_TOKEN_RE", "ba ria - vung tau", True),
    ("YEAR_PREFIX_RE", "2021-06-11", True),
    ("YEAR_PREFIX_RE", "06/2021", None),
    ("NUMBER_REF_RE", "ket luan so 07", ("number", "07")),
    ("NUMBER_REF_RE", "kl 07", ("type", "kl")),
    ("NUMBER_REF_RE", "07-kl/tw", None),
    ("BARE_NUMBER_REF_RE", "so: 07", True),
    ("YEAR_RE", "nam 2021", True),
    ("YEAR_RE", "so 12021", None),
    ("ISSUER_TAIL_RE", "ket luan 07 cua bo chinh tri", ("issuer", "bo chinh tri")),
    ("DATE_WORDS_RE", "bo chinh tri ngay 11/6/2021", True),
    ("PATH_LIKE_RE", "./plan.docx", True),
    ("PATH_LIKE_RE", "07-KL/TW", None),
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


def test_every_header_and_folded_pattern_has_a_case():
    start = P.__all__.index("EMBLEM_RE")
    patterns = {name for name in P.__all__[start:] if name.endswith("_RE")}
    assert len(patterns) > 40 and patterns <= {c[0] for c in CASES}


def test_the_folded_unit_words_are_the_unit_words_folded():
    from chidao.loaders.normalize import fold
    from chidao.loaders.vocabulary import UNIT_WORDS

    assert P.FOLDED_UNIT_WORDS == tuple(fold(w) for w in UNIT_WORDS) and "thi tran" in P.FOLDED_UNIT_WORDS
    assert P.FOLDED_TYPE_WORDS["kl"] == "Kết luận" and P.FOLDED_TYPE_WORDS["ket luan"] == "Kết luận"
