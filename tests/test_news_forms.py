"""News and legal-site conventions of the real development set (fresh7, issue 16): tables of real snippets.

Every snippet is quoted character for character from tests/data/real/<part>/<id>.txt (the test checks it is
there); expected values are what the text's annotation says. The rules live in loaders/news.py, their patterns
in loaders/patterns.py and their words (SURNAMES, SIGNER_TITLES, REPORTING_VERBS) in loaders/vocabulary.py.
"""

from __future__ import annotations

import pytest

from chidao.loaders import news
from chidao.loaders.citations import find_citations
from chidao.loaders.extract import extract_text
from chidao.loaders.normalize import normalize
from real_texts import REAL, quoted as _quoted, source as _source  # a sibling helper module of tests/


def _read(snippet: str, keys: tuple[str, ...]) -> list[dict]:
    got, _ = find_citations(normalize(snippet))
    return [{k: getattr(c, k) for k in keys} for c in got]


# The office signs, not the person: a signer's name after the office is no part of the issuer.
SIGNERS = [
    ("2025-ttg-210-cd-vietnamplus", "prime-minister-full-title",
     "Thủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện số 210/CĐ-TTg ngày 6/11/2025",
     [("210/CĐ-TTg", "Thủ tướng Chính phủ")]),
    ("2025-ttg-143-cd-sggp", "prime-minister-short-title",
     "Tối 23-8, Thủ tướng Phạm Minh Chính ký Công điện số 143/CĐ-TTg",
     [("143/CĐ-TTg", "Thủ tướng")]),
    ("2026-ubnd-thanhhoa-208-qd-baothanhhoa", "chair-after-unit-word-three-syllables",
     "Chủ tịch UBND tỉnh Nguyễn Hoài Anh vừa ký Quyết định số 208/QĐ-UBND",
     [("208/QĐ-UBND", "Chủ tịch UBND tỉnh")]),
    ("2023-ubnd-hanoi-239-kh-tin", "chair-after-place-ky-ban-hanh",
     "Ngày 27/9/2023, Chủ tịch UBND thành phố Hà Nội Trần Sỹ Thanh ký ban hành Văn bản số 239/KH-UBND",
     [("239/KH-UBND", "Chủ tịch UBND thành phố Hà Nội")]),
    # signed by an office's order (T/L): the office ordering it, not the signer
    ("2018-ubnd-tuyenquang-3653-cv-tin", "thua-lenh",
     "Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND tỉnh Tuyên Quang Nguyễn "
     "Thanh đã ký ban hành văn bản số 3653/UBND-TNMT", [("3653/UBND-TNMT", "Chủ tịch UBND tỉnh Tuyên Quang")]),
    # a body's name is not cut: no office at its head
    ("2026-ubnd-thanhhoa-275-kh-baothanhhoa", "body-kept",
     "Ngày 31/12/2025, UBND tỉnh Thanh Hóa đã ban hành Kế hoạch số 275/KH-UBND",
     [("275/KH-UBND", "UBND tỉnh Thanh Hóa")]),
]


@pytest.mark.parametrize("text_id, case, snippet, expected", SIGNERS, ids=[c[1] for c in SIGNERS])
def test_the_office_signs_not_the_person(text_id, case, snippet, expected):
    _quoted(text_id, snippet)
    assert [(c["symbol"], c["issuer"]) for c in _read(snippet, ("symbol", "issuer"))] == expected


@pytest.mark.parametrize("issuer, kept", [
    ("Thủ tướng Chính phủ Phạm Minh Chính", "Thủ tướng Chính phủ"),
    ("Chủ tịch UBND tỉnh Nguyễn Hoài Anh", "Chủ tịch UBND tỉnh"),
    ("Chủ tịch UBND thành phố Phan Thiết", "Chủ tịch UBND thành phố Phan Thiết"),  # a place after a unit word
    ("Chủ tịch UBND TP Hồ Chí Minh", "Chủ tịch UBND TP Hồ Chí Minh"),  # "Hồ" opens a place: no family name here
    ("Ban Thường vụ Tỉnh ủy Hà Giang", "Ban Thường vụ Tỉnh ủy Hà Giang"),  # no office at the head
], ids=["office-name", "after-unit-word", "place-two-syllables", "place-ho", "body"])
def test_without_signer_cuts_only_a_name_after_an_office(issuer, kept):
    assert news.without_signer(issuer, (0, len(issuer))) == (0, len(kept))


# "Tại <reference>, <body> <verb>": the body is the issuer and the news reports the document (no cue).
REPORTED = [
    ("2025-bct-328-qd-cafef", "tai-after-theo-do",
     "Theo đó, tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết định thành lập Đảng bộ tỉnh An Giang",
     [("328-QĐ/TW", "Bộ Chính trị", None)]),
    ("2025-bct-328-qd-cafef", "tai-at-line-start",
     "Tại Quyết định số 327-QĐ/TW, Bộ Chính trị quyết định thành lập Đảng bộ tỉnh Cà Mau",
     [("327-QĐ/TW", "Bộ Chính trị", None)]),
    ("2025-ttg-174-cd-vietnamplus", "tai-date-then-signer",
     "Tại Công điện số 174/CĐ-TTg ngày 27/9/2025, Thủ tướng Chính phủ Phạm Minh Chính chỉ đạo thành lập",
     [("174/CĐ-TTg", "Thủ tướng Chính phủ", None)]),
    # a list opened by "Tại": the body after its last item is every item's issuer
    ("2025-cp-125-nq-bacgiang", "tai-list",
     "Tại Nghị quyết số 125/NQ-CP và Nghị quyết số 126/NQ-CP ngày 9/5/2025, Chính phủ đã thông qua hồ sơ",
     [("125/NQ-CP", "Chính phủ", None), ("126/NQ-CP", "Chính phủ", None)]),
    # a reference naming its own issuer is cited: the body after it acts by it (party annotates theo)
    ("2022-hlhpn-bacninh-382-tb", "tai-own-issuer",
     "Năm 2010, tại thông báo số 382-TB/TW ngày 15/20/2010 của Ban Chấp Trung ương Đảng, Ban Bí thư đồng ý",
     [("382-TB/TW", "Ban Chấp Trung ương Đảng", "theo")]),
    # an article named before the reference: the reference is cited (theo), its issuer after it
    ("2022-ubkt-hoidap-22-qd-scribd", "tai-article-first",
     "- Tại Khoản 1, Điều 19, Quy định số 22-QĐ/TW, ngày 28/7/2021 của\nBan Chấp hành Trung ương về công tác",
     [("22-QĐ/TW", "Ban Chấp hành Trung ương", "theo")]),
]


@pytest.mark.parametrize("text_id, case, snippet, expected", REPORTED, ids=[c[1] for c in REPORTED])
def test_a_document_named_before_the_body_that_acts_by_it(text_id, case, snippet, expected):
    _quoted(text_id, snippet)
    assert [(c["symbol"], c["issuer"], c["cue"]) for c in _read(snippet, ("symbol", "issuer", "cue"))] == expected


# The subject before "ban hành" in a bulleted news line, and a capitalised "Ban hành".
NEWS_SUBJECTS = [
    ("2026-ubnd-nghean-02-ct-thongcao-nghean24h", "bulleted-line",
     "\n- UBND tỉnh đã ban hành Chỉ thị số 02/CT-UBND ngày 13/01/2026", [("02/CT-UBND", "UBND tỉnh")]),
    ("2023-byt-1512-cv-baomoi", "capital-ban-hanh",
     "Do đó, Bộ Y tế đã Ban hành Công văn 1512/BYT-DP", [("1512/BYT-DP", "Bộ Y tế")]),
]


@pytest.mark.parametrize("text_id, case, snippet, expected", NEWS_SUBJECTS, ids=[c[1] for c in NEWS_SUBJECTS])
def test_news_subjects_before_ban_hanh(text_id, case, snippet, expected):
    _quoted(text_id, snippet)
    assert [(c["symbol"], c["issuer"]) for c in _read(snippet, ("symbol", "issuer"))] == expected


@pytest.mark.parametrize("text_id, listed, cited", [
    # other provinces' decisions the resolution never names: page chrome
    ("2024-hdnd-hagiang-97-nq", ("672/QĐ-UBND", "673/QĐ-UBND", "1913/QĐ-UBND", "26/NQ-HĐND"), ()),
    # both listed documents are the text's own bases: still cited
    ("2017-tld-134-hd-nhansu", (), ("26-HD/BTCTW", "52/KH-TLĐ")),
], ids=["unrelated-list", "cited-list"])
def test_a_legal_sites_related_documents_are_cited_only_when_the_text_names_them(text_id, listed, cited):
    body = _source(text_id)
    if body is None:
        pytest.skip(f"{text_id}.txt is not in {REAL}")
    symbols = {c.symbol for c in extract_text(body).citations}
    assert not symbols & set(listed)
    assert set(cited) <= symbols


def test_a_proposer_named_before_a_counted_list_is_each_items_issuer():
    text_id = "2025-cp-126-nq-totrinh"
    snippet = ("do Bộ Nội vụ trình tại 34 tờ trình. Cụ thể:\nTờ trình 1976/TTr-BNV ngày 02 tháng 5 năm 2025,\n"
               "Tờ trình 1977/TTr-BNV ngày 02 tháng 5 năm 2025,")
    _quoted(text_id, snippet)
    got = _read(snippet, ("symbol", "issuer", "date"))
    assert got == [{"symbol": "1976/TTr-BNV", "issuer": "Bộ Nội vụ", "date": "2025-05-02"},
                   {"symbol": "1977/TTr-BNV", "issuer": "Bộ Nội vụ", "date": "2025-05-02"}]
    # not counted, no list: the proposer names nothing after its sentence
    assert _read("do Bộ Nội vụ trình. Tờ trình 1976/TTr-BNV ngày 02 tháng 5 năm 2025", ("issuer",)) == [{"issuer": None}]


UNNUMBERED = [
    # the news's own telegram again, subject of a reporting verb: no unnumbered reference
    ("2025-ttg-143-cd-sggp", "type-word-then-reporting-verb",
     "Công điện nhấn mạnh, để chủ động phòng, chống bão và mưa lũ sau bão, bảo đảm an toàn tính mạng Nhân dân và "
     "giảm thiểu thiệt hại tài sản của Nhà nước", []),
    # a call named with its issuer is still one
    ("2021-mttq-hagiang-thu-keugoi", "call-with-issuer",
     "Lời kêu gọi của Đoàn Chủ tịch UB Trung ương MTTQ Việt Nam về vận động ủng hộ",
     [("Lời kêu gọi", "Đoàn Chủ tịch UB Trung ương MTTQ Việt Nam")]),
    # a legal site's copy lost the space where its source wrapped: "năm" glued to the law's name (as "ngày" is)
    ("2011-ubnd-khanhhoa-39-qd", "law-year-glued",
     "Căn cứ Luật Khiếu nại, tố cáonăm 1998; Luật sửa đổi, bổ sung một số điều của Luật Khiếu nại, tố cáo năm 2004và 2005;",
     [("Luật", None), ("Luật", None)]),
    # one congress named twice, with and without "của Đảng": one reference, issuer as first written
    ("2026-bct-kiemtra-tuyenquang-tienphong", "congress-with-and-without-cua-dang",
     "thực hiện Nghị quyết Đại hội XIV của Đảng; triển khai Chỉ thị số 01 ngày 23/1/2026 của Bộ Chính trị về quán "
     "triệt Nghị quyết Đại hội XIV;", [("Nghị quyết", "Đại hội XIV của Đảng")]),
]


@pytest.mark.parametrize("text_id, case, snippet, expected", UNNUMBERED, ids=[c[1] for c in UNNUMBERED])
def test_unnumbered_references_in_news(text_id, case, snippet, expected):
    _quoted(text_id, snippet)
    _, unnumbered = find_citations(normalize(snippet))
    assert [(u.doc_type, u.issuer) for u in unnumbered] == expected
