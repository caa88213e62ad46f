"""References as people type them resolve to one document, or say why not (queries/refs.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chidao.queries.refs import AmbiguousRef, UnknownRef, graph_cache, parse_ref, resolve_ref, symbol_key

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
KL07 = "doc:07-KL/TW@VN:2021"
CV294 = "doc:294-CV/TU@lai-chau:2021"
CV272 = "doc:272-CV/TU@ben-tre:2021"
CV272_FILE = SAMPLE / "ben-tre" / "tu-cv-272-2021.txt"




# Every way of typing Kết luận 07-KL/TW of the Bộ Chính trị (a stub: the sample only cites it).
KL07_FORMS = [
    ("Kết luận 07-KL/TW", "type and symbol"),
    ("07-KL/TW", "symbol"),
    ("KL 07", "type code and number"),
    ("kết luận số 07", "lower case, số"),
    ("ket luan 07", "no diacritics"),
    ("KET LUAN SO 07", "upper case, no diacritics"),
    ("Kết luận số 07-KL/TW của Bộ Chính trị", "full citation"),
    ("Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị", "with its date"),
    ("Kết luận 07 năm 2021", "number and year"),
    ("07 - KL / TW", "stray spaces"),
    ("07 –KL/TW", "en dash"),
    ("07-kl/tw", "lower-case symbol"),
    ("7-KL/TW", "no leading zero"),
    ("Ke\u0302\u0301t lua\u0323\u0302n 07", "NFD"),
    (KL07, "uid"),
]


@pytest.mark.parametrize("text", [t for t, _ in KL07_FORMS], ids=[i for _, i in KL07_FORMS])
def test_every_form_of_07_kl_tw_resolves_to_one_node(sample_graph, text):
    assert resolve_ref(sample_graph, text) == KL07
    assert sample_graph.nodes[KL07]["stub"]


def test_the_forms_resolve_alike_with_the_seeds(seeded_graph):
    assert {resolve_ref(seeded_graph, t) for t, _ in KL07_FORMS} == {KL07}


@pytest.mark.parametrize("text, uid", [
    ("294-CV/TU Lai Châu", CV294),
    ("294-CV/TU lai chau", CV294),
    ("Công văn 294 Lai Châu", CV294),
    ("272-CV/TU Bến Tre", CV272),
    ("Công văn số 272-CV/TU của Tỉnh ủy Bến Tre", CV272),
    ("312-KH/TU Lai Châu", "doc:312-KH/TU@lai-chau:2021"),
    ("312-KH/TU Điện Biên", "doc:312-KH/TU@dien-bien:2021"),
    ("Kế hoạch 312 tỉnh Điện Biên", "doc:312-KH/TU@dien-bien:2021"),
    ("1520/KH-UBND Hà Giang", "doc:1520/KH-UBND@ha-giang:2021"),
    ("23/2021/QD-TTG", "doc:23/2021/QĐ-TTg@VN:2021"),
], ids=["294 Lai Châu", "folded place", "type number place", "272 Bến Tre", "issuer names the place",
        "312 Lai Châu", "312 Điện Biên", "type number province", "state symbol and place", "folded state symbol"])
def test_a_place_narrows_the_scope(sample_graph, text, uid):
    assert resolve_ref(sample_graph, text) == uid


def test_a_symbol_two_provinces_have_is_ambiguous(sample_graph):
    with pytest.raises(AmbiguousRef) as err:
        resolve_ref(sample_graph, "312-KH/TU")
    candidates = err.value.candidates
    assert {c["uid"] for c in candidates} == {"doc:312-KH/TU@lai-chau:2021", "doc:312-KH/TU@dien-bien:2021"}
    assert {c["province"] for c in candidates} == {"Lai Châu", "Điện Biên"}
    assert all(c["symbol"] == "312-KH/TU" and c["issuer"] and c["date"] for c in candidates)
    assert "312-KH/TU" in str(err.value) and "\n" not in str(err.value)


def test_a_number_several_documents_of_that_type_have_is_ambiguous(sample_graph):
    with pytest.raises(AmbiguousRef) as err:
        resolve_ref(sample_graph, "Kế hoạch 1520")
    assert {c["province"] for c in err.value.candidates} == {"Lai Châu", "Hà Giang"}
    assert resolve_ref(sample_graph, "Kế hoạch 1520 Hà Giang") == "doc:1520/KH-UBND@ha-giang:2021"


def test_a_number_one_document_of_that_type_has_is_resolved(sample_graph):
    assert resolve_ref(sample_graph, "Chỉ thị 15") == "doc:15/CT-TTg@VN:2020"


def test_the_seeds_add_a_second_chi_thi_15(seeded_graph):
    with pytest.raises(AmbiguousRef) as err:
        resolve_ref(seeded_graph, "Chỉ thị 15")
    assert {c["symbol"] for c in err.value.candidates} == {"15/CT-TTg", "15/CT-UBND"}
    assert resolve_ref(seeded_graph, "Chỉ thị 15 năm 2020") == "doc:15/CT-TTg@VN:2020"
    assert resolve_ref(seeded_graph, "Chỉ thị 15 Lai Châu") == "doc:15/CT-UBND@lai-chau:2021"


@pytest.mark.parametrize("text, suggestion", [
    ("999-KL/TW", "07-KL/TW"),
    ("Kết luận 99", "07-KL/TW"),
    ("294-CV/TU Bến Tre", "294-CV/TU Lai Châu"),
    ("07-KL/TW năm 2019", "07-KL/TW"),
    ("doc:999-KL/TW@VN:2021", "07-KL/TW"),
], ids=["symbol", "type and number", "wrong province", "wrong year", "uid"])
def test_an_unknown_reference_suggests_the_closest(sample_graph, text, suggestion):
    with pytest.raises(UnknownRef) as err:
        resolve_ref(sample_graph, text)
    assert suggestion in err.value.suggestions
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text", ["", "   ", "nothing like a reference", "doc:nope", "missing/file.txt"])
def test_what_names_no_document_is_unknown(sample_graph, text):
    with pytest.raises(UnknownRef):
        resolve_ref(sample_graph, text)


def test_a_file_path_absolute_relative_or_a_copy(sample_graph, monkeypatch, tmp_path):
    assert resolve_ref(sample_graph, str(CV272_FILE)) == CV272
    monkeypatch.chdir(ROOT)
    assert resolve_ref(sample_graph, "corpus/sample/ben-tre/tu-cv-272-2021.txt") == CV272
    assert resolve_ref(sample_graph, "./corpus/sample/ben-tre/../ben-tre/tu-cv-272-2021.txt") == CV272
    copy = tmp_path / "renamed.txt"
    shutil.copyfile(CV272_FILE, copy)
    assert resolve_ref(sample_graph, str(copy)) == CV272  # same content, found by its hash


def test_the_seed_file_resolves_to_the_read_294(seeded_graph, seeds_dir):
    path = seeded_graph.nodes[CV294]["path"]
    assert not seeded_graph.nodes[CV294]["stub"]
    assert resolve_ref(seeded_graph, path) == CV294
    assert resolve_ref(seeded_graph, "294-CV/TU Lai Châu") == CV294


def test_the_index_is_built_once_per_graph(sample_graph):
    calls = []
    first = graph_cache(sample_graph, "test-probe", lambda g: calls.append(1) or object())
    assert graph_cache(sample_graph, "test-probe", lambda g: calls.append(1) or object()) is first
    assert len(calls) == 1
    other = sample_graph.copy()
    assert graph_cache(other, "test-probe", lambda g: object()) is not first
    other.add_node("doc:1-KL/TW@VN:2022", label="Document", uid="doc:1-KL/TW@VN:2022", symbol="1-KL/TW",
                   doc_type="Kết luận", number="1", scope="VN", level="central", year=2022, stub=True)
    assert resolve_ref(other, "1-KL/TW") == "doc:1-KL/TW@VN:2022"  # a new node rebuilds the index
    with pytest.raises(UnknownRef):
        resolve_ref(sample_graph, "1-KL/TW")


@pytest.mark.parametrize("text, expected", [
    ("Kết luận số 07-KL/TW của Bộ Chính trị", dict(symbol="07-KL/TW", issuer="bo chinh tri")),
    ("KL 07", dict(doc_type="Kết luận", number=7, symbol=None)),
    ("ket luan so 07", dict(doc_type="Kết luận", number=7)),
    ("Thông báo kết luận 15", dict(doc_type="Kết luận", number=15)),
    ("CV 294 Lai Châu", dict(doc_type="Công văn", number=294)),
    ("159 -CV/ĐUK", dict(symbol="159-CV/ĐUK")),
    ("23/2021/QĐ-TTg ngày 07/7/2021", dict(symbol="23/2021/QĐ-TTg", year=2021)),
    ("số 07", dict(doc_type=None, number=7)),
], ids=["full", "code", "folded", "alias", "code place", "stray space", "state year", "bare number"])
def test_parse_ref(text, expected):
    ref = parse_ref(text)
    for field, value in expected.items():
        assert getattr(ref, field) == value, field


def test_parse_ref_reads_the_place():
    assert parse_ref("294-CV/TU Lai Châu").place.uid == "place:lai-chau"
    assert parse_ref("Kết luận số 07-KL/TW của Bộ Chính trị").place is None


def test_symbol_key_unifies_spelling():
    assert symbol_key("07 – KL/TW") == symbol_key("7-kl/tw") == "7-kl/tw"
    assert symbol_key("159 -CV/ÐUK") == symbol_key("159-CV/ĐUK")


CONGRESS_LETTER = """ĐẢNG BỘ TỈNH {up}
TỈNH ỦY
*
Số {num}-CV/TU

ĐẢNG CỘNG SẢN VIỆT NAM

{prov}, ngày 15 tháng 7 năm 2021

V/v học tập nghị quyết

Kính gửi: Các huyện ủy, thành ủy trực thuộc.

Thực hiện {national} và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tổ chức học tập.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def congress_workspace(tmp_path_factory):
    from chidao.graph import build_workspace

    docs = tmp_path_factory.mktemp("congress-docs")
    for n, (prov, national) in enumerate((("Quảng Nam", "Nghị quyết Đại hội XIII của Đảng"),
                                          ("Lai Châu", "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII")), 1):
        (docs / f"{n}.txt").write_text(CONGRESS_LETTER.format(up=prov.upper(), prov=prov, num=40 + n, national=national),
                                       encoding="utf-8")
    ws = tmp_path_factory.mktemp("congress-ws")
    build_workspace([docs], ws)
    return ws


@pytest.mark.parametrize("resolver", ["question graph", "question index"])
def test_a_congress_resolution_is_found_by_its_congress(congress_workspace, resolver):
    import sqlite3

    from chidao.graph import load_question_graph
    from chidao.queries import touched

    def resolve(text):
        if resolver == "question graph":
            return resolve_ref(load_question_graph(congress_workspace), text)
        return touched.resolve(congress_workspace, text)

    con = sqlite3.connect(congress_workspace / "workspace.db")
    keys = {k for (k,) in con.execute("SELECT key FROM qkeys WHERE kind = 'congress'")}
    con.close()
    assert keys == {"dai-hoi-toan-quoc-xiii", "dai-hoi-dang-bo-tinh-xxii"}  # the index finds them, not the fallback
    for spelling in ("Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ 13 của Đảng"):
        assert resolve(spelling) == "ref:nghi-quyet/dai-hoi-toan-quoc-xiii"
    with pytest.raises(AmbiguousRef) as e:  # every province has its own 22nd congress
        resolve("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII")
    assert sorted(c["uid"] for c in e.value.candidates) == ["ref:nghi-quyet/dai-hoi-dang-bo-tinh-xxii@lai-chau",
                                                              "ref:nghi-quyet/dai-hoi-dang-bo-tinh-xxii@quang-nam"]
    assert resolve("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XXII Lai Châu") == \
        "ref:nghi-quyet/dai-hoi-dang-bo-tinh-xxii@lai-chau"
