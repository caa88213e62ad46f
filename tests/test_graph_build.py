"""The graph built from the real seeds plus small documents written in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from chidao.graph.build import build_graph
from chidao.graph.checks import CITATION_LINKS, check
from chidao.graph.records import record_from_json
from chidao.loaders.batch import extract_one
from chidao.loaders.files import iter_document_paths

# A Tỉnh ủy letter; {cited} is a 272-CV/TU-style reference to its own Tỉnh ủy, with no province named.
LETTER = """ĐẢNG BỘ TỈNH {prov_up}
TỈNH ỦY
*
Số {num}-CV/TU

ĐẢNG CỘNG SẢN VIỆT NAM

{prov}, ngày {day} tháng {month} năm 2021

V/v tăng cường công tác phòng, chống dịch

Kính gửi:
- Các huyện ủy, thành ủy, đảng ủy trực thuộc.

Thực hiện Công văn số {cited}-CV/TU ngày 02/01/2021 của Ban Thường vụ Tỉnh ủy về việc phòng chống dịch, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau.

Căn cứ Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị, các cấp ủy tiếp tục triển khai.

Nơi nhận:
- Như trên,
- Lưu VPTU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An
"""


def letter(prov: str, num: int, cited: int, day: int = 15, month: int = 7) -> str:
    return LETTER.format(prov_up=prov.upper(), prov=prov, num=num, cited=cited, day=day, month=month)


def records_of(*dirs: Path):
    out = []
    for path in iter_document_paths(list(dirs)):
        _, record, error, _ = extract_one(path)
        assert error is None, error
        out.append(record)
    return out


def citation_edges(g):
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] in CITATION_LINKS]


def docs(g, symbol):
    return sorted(n for n, a in g.nodes(data=True) if a.get("label") == "Document" and a.get("symbol") == symbol)


@pytest.fixture(scope="module")
def seed_records(seeds_dir):
    return records_of(seeds_dir)


def test_one_node_for_07_kl_tw(seed_records, tmp_path):
    (tmp_path / "qn.txt").write_text(letter("Quảng Nam", 12, 3), encoding="utf-8")
    g, _ = build_graph(seed_records + records_of(tmp_path))
    assert docs(g, "07-KL/TW") == ["doc:07-KL/TW@VN:2021"]
    citing = {d["citing"] for u, v, d in g.in_edges("doc:07-KL/TW@VN:2021", data=True)}
    assert len(citing) == 2  # Lai Châu's 294-CV/TU and the Quảng Nam letter


def test_ben_tre_272_is_not_another_provinces(seed_records, tmp_path):
    # A Quảng Nam letter citing its own 272-CV/TU, and being one (a 272-CV/TU of Quảng Nam itself).
    (tmp_path / "qn.txt").write_text(letter("Quảng Nam", 300, 272), encoding="utf-8")
    g, _ = build_graph(seed_records + records_of(tmp_path))
    assert docs(g, "272-CV/TU") == ["doc:272-CV/TU@ben-tre:2021", "doc:272-CV/TU@quang-nam:2021"]
    ben_tre = g.nodes["doc:272-CV/TU@ben-tre:2021"]
    assert ben_tre["province"] == "Bến Tre" and ben_tre["issuer_uid"] == "agency:ben-tre:tu"
    sources = {g.nodes[u]["province"] for u, _ in g.in_edges("doc:272-CV/TU@ben-tre:2021")}
    assert sources == {"Bến Tre"}


def test_every_seed_citation_link_carries_its_sentence(seed_records):
    g, _ = build_graph(seed_records)
    edges = citation_edges(g)
    n_citations = sum(len(r.citations) + len(r.unnumbered) for r in seed_records)
    assert len(edges) == n_citations
    for u, v, d in edges:
        assert d["sentence"] and d["path"] and d["sha256"] and d["version"], (u, v)
        text = Path(d["path"]).read_text(encoding="utf-8")
        assert text[d["start"]:d["end"]] == d["text"]


def test_seed_link_types_follow_cues(seed_records):
    g, _ = build_graph(seed_records)
    types = {(g.nodes[u].get("symbol"), g.nodes[v].get("symbol")): d["type"] for u, v, d in citation_edges(g)}
    assert types[("294-CV/TU", "07-KL/TW")] == "IMPLEMENTS"
    assert types[("675/LĐLĐ", "132-CV/BTGTU")] == "BASED_ON"
    assert types[("159-CV/ĐUK", "272-CV/TU")] == "IMPLEMENTS"
    assert types[(None, "15/CT-UBND")] == "RESPONDS_TO"
    article = [d for u, v, d in citation_edges(g) if g.nodes[u]["label"] == "Source"]
    assert [d["type"] for d in article] == ["MENTIONS"]


def test_check_reports_the_79_nq_cp_anomaly(seed_records):
    g, issues = build_graph(seed_records)
    after = [i for i in check(g) if i.kind == "cited_after"]
    assert [i.uids for i in after] == [("doc:294-CV/TU@lai-chau:2021", "doc:79/NQ-CP@VN:2021")]
    assert after[0] in issues


def test_seed_recipients_expand_and_archive_notes_skip(seed_records):
    g, _ = build_graph(seed_records)
    sent = [(v, d) for u, v, d in g.out_edges("doc:294-CV/TU@lai-chau:2021", data=True) if d["type"] == "ADDRESSED_TO"]
    expanded = {v for v, d in sent if d.get("expanded_from")}
    assert "agency:lai-chau/tam-duong:hu" in expanded and len(expanded) == 8
    copies = [v for u, v, d in g.out_edges("doc:294-CV/TU@lai-chau:2021", data=True) if d["type"] == "COPIED_TO"]
    assert copies == []  # "Như trên", "Lưu VPTU"
    assert g.nodes["agency:lai-chau:btg-tu"]["level"] == "province"
    assert ("agency:lai-chau:btg-tu", "agency:lai-chau:tu") in {(u, v) for u, v, d in g.edges(data=True)
                                                                if d["type"] == "PART_OF"}


def test_stub_filled_when_its_text_arrives(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "citing.txt").write_text(letter("Quảng Nam", 300, 272), encoding="utf-8")
    g1, _ = build_graph(records_of(a))
    assert g1.nodes["doc:272-CV/TU@quang-nam:2021"]["stub"] is True
    (b / "cited.txt").write_text(letter("Quảng Nam", 272, 100, day=2, month=1), encoding="utf-8")
    g2, _ = build_graph(records_of(a, b))
    assert docs(g2, "272-CV/TU") == ["doc:272-CV/TU@quang-nam:2021"]
    node = g2.nodes["doc:272-CV/TU@quang-nam:2021"]
    assert node["stub"] is False and node["path"].endswith("cited.txt")
    assert g2.has_edge("doc:300-CV/TU@quang-nam:2021", "doc:272-CV/TU@quang-nam:2021")


def test_conflicting_claims_kept_apart_and_reported(tmp_path):
    (tmp_path / "one.txt").write_text(letter("Quảng Nam", 272, 100, day=2, month=1), encoding="utf-8")
    (tmp_path / "two.txt").write_text(letter("Quảng Nam", 272, 101, day=9, month=2), encoding="utf-8")
    (tmp_path / "cites.txt").write_text(letter("Quảng Nam", 300, 272), encoding="utf-8")
    g, issues = build_graph(records_of(tmp_path))
    assert docs(g, "272-CV/TU") == ["doc:272-CV/TU@quang-nam:2021", "doc:272-CV/TU@quang-nam:2021#2"]
    assert [i.kind for i in issues if i.kind == "conflict"] == ["conflict"]
    # The citation's date (02/01/2021) picks the first claimant, so it is not ambiguous.
    assert g.has_edge("doc:300-CV/TU@quang-nam:2021", "doc:272-CV/TU@quang-nam:2021")


def test_same_file_twice_is_one_document(tmp_path):
    text = letter("Quảng Nam", 272, 100, day=2, month=1)
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(text, encoding="utf-8")
    g, issues = build_graph(records_of(tmp_path))
    assert docs(g, "272-CV/TU") == ["doc:272-CV/TU@quang-nam:2021"]
    assert not [i for i in issues if i.kind == "conflict"]


def test_same_draft_twice_is_one_document(tmp_path):
    """A draft leaves its number blank ("Số: /CT-UBND"): no symbol, so the node is keyed by the
    file's hash; a copy of the file (a scan saved twice) is the same document, not a crash."""
    text = letter("Quảng Nam", 272, 100, day=2, month=1).replace("Số 272-CV/TU", "Số    -CV/TU")
    assert "272-CV/TU" not in text
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(text, encoding="utf-8")
    g, _ = build_graph(records_of(tmp_path))
    (uid,) = [u for u, a in g.nodes(data=True) if a.get("label") == "Document" and not a.get("stub")]
    assert g.nodes[uid]["duplicate_paths"] == [str(tmp_path / "one.txt")]
    cited = [g.nodes[v].get("symbol") for _, v, t in g.out_edges(uid, data="type") if t in CITATION_LINKS]
    assert sorted(cited) == ["07-KL/TW", "100-CV/TU"]  # its links once, not twice


def test_records_round_trip_through_json(seed_records):
    for r in seed_records:
        assert record_from_json(r.to_json()) == r


def test_slim_records_with_their_evidence_build_the_same_graph():
    # What a build does to hold less: records without the citations' sentences, and the
    # whole records read again, in path order, when the links are written.
    from chidao.corpus import sample_corpus_path
    from chidao.graph.records import slim_record

    records = records_of(sample_corpus_path())
    slim = [slim_record(r) for r in records]
    assert any(r.citations for r in slim) and all(c.sentence == "" for r in slim for c in r.citations)
    whole, _ = build_graph(records)
    lean, _ = build_graph(slim, evidence=lambda: iter(sorted(records, key=lambda r: r.path)))
    assert list(lean.nodes(data=True)) == list(whole.nodes(data=True))
    assert list(lean.edges(keys=True, data=True)) == list(whole.edges(keys=True, data=True))
    assert any(d.get("sentence") for *_, d in lean.edges(keys=True, data=True))


def test_placed_slim_records_with_quotes_for_evidence_build_the_same_graph():
    # A build's own case: records without their citations' texts and sentences (placed), and only
    # what the links quote read back (build.Quotes), never the records again.
    from chidao.corpus import sample_corpus_path
    from chidao.graph.build import Quotes, place_record
    from chidao.graph.records import slim_record

    records = sorted(records_of(sample_corpus_path()), key=lambda r: r.path)
    slim = [slim_record(r, placed=True) for r in records]
    assert all(c.text == "" and c.sentence == "" for r in slim for c in r.citations)
    quotes = [Quotes(r.path, tuple((c.text, c.sentence) for c in r.citations)) for r in records]
    whole, _ = build_graph(records)
    lean, _ = build_graph(slim, [(r.path, place_record(r)) for r in records], evidence=lambda: iter(quotes))
    assert list(lean.nodes(data=True)) == list(whole.nodes(data=True))
    assert list(lean.edges(keys=True, data=True)) == list(whole.edges(keys=True, data=True))
    assert any(d.get("sentence") and d.get("text") for *_, d in lean.edges(keys=True, data=True))


def test_evidence_out_of_step_with_the_records_is_refused():
    from chidao.corpus import sample_corpus_path

    records = sorted(records_of(sample_corpus_path()), key=lambda r: r.path)
    with pytest.raises(ValueError, match="came out of step"):
        build_graph(records, evidence=lambda: iter(records[1:]))


def test_a_congress_resolution_is_its_congress_in_the_citing_province(tmp_path):
    """"Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII" is each province's own; the national
    congress's resolution is one node however it is spelt."""
    national = {"Quảng Nam": "Nghị quyết Đại hội XIII của Đảng",
                "Lai Châu": "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"}
    for n, prov in enumerate(national, 1):
        body = (f"Thực hiện {national[prov]} và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII, "
                "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau.")
        text = letter(prov, 40 + n, 3).replace(
            "Căn cứ Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị, các cấp ủy tiếp tục triển khai.", body)
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    g, _ = build_graph(records_of(tmp_path))
    congresses = {v: {u for u, _, d in g.in_edges(v, data=True) if d["type"] in CITATION_LINKS}
                  for v, d in g.nodes(data=True) if str(v).startswith("ref:nghi-quyet/dai-hoi")}
    national_uid = "ref:nghi-quyet/dai-hoi-toan-quoc-xiii"
    assert g.nodes[national_uid]["level"] == "central" and len(congresses.pop(national_uid)) == 2
    assert sorted(congresses) == ["ref:nghi-quyet/dai-hoi-dang-bo-tinh-xxii@lai-chau",
                                  "ref:nghi-quyet/dai-hoi-dang-bo-tinh-xxii@quang-nam"]
    assert all(len(citers) == 1 for citers in congresses.values())
