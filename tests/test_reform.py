"""The country after 1 July 2025 (issue 12): places, levels, identity and group phrases by system of units.

Every expected set of units is counted from the gazetteer (vietnamadminunits), never typed in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chidao.graph.agencies import Context, context_for, expand_group, provinces, resolve_agency
from chidao.graph.checks import check
from chidao.graph.gazetteer import (LEGACY, REFORM, commune, find_place, gazetteer, in_system, predecessors,
                                    province, successors, system_on, units_of)
from chidao.loaders.errors import ChidaoError
from chidao.loaders.normalize import fold
from chidao.queries import gaps, implements, timeline, trace

from conftest import graph_of


@pytest.mark.parametrize("date, system", [
    ("2025-06-30", LEGACY), ("2025-07-01", REFORM), ("2025-07", REFORM), ("2025-06", LEGACY),
    ("2025", None), ("2026", REFORM), ("2024", LEGACY), ("2021-05-10", LEGACY), (None, None),
])
def test_system_on_respects_the_dates_precision(date, system):
    assert system_on(date) == system


def test_both_systems_and_their_mapping():
    assert len(provinces(LEGACY)) == 63 and len(provinces(REFORM)) == 34
    duc_xuan = find_place("Đảng ủy phường Đức Xuân", system=REFORM)
    assert (duc_xuan.province, duc_xuan.level, duc_xuan.district) == ("Thái Nguyên", "commune", None)
    assert {p.province for p in predecessors(duc_xuan)} == {"Bắc Kạn"}
    assert [p.uid for p in successors(province("Bắc Kạn"))] == [province("Thái Nguyên", REFORM).uid]
    assert in_system(duc_xuan, LEGACY).full_name == "Thành Phố Bắc Kạn"  # its three legacy wards' district
    assert in_system(province("Thái Nguyên", REFORM), LEGACY).uid == "place:thai-nguyen"


def test_central_group_phrases_expand_to_every_province_of_the_system():
    for system in (LEGACY, REFORM):
        ctx = Context(system=system)
        committees = expand_group("Các tỉnh ủy, thành ủy trực thuộc Trung ương", ctx)
        assert {a.place_uid for a in committees} == {p.uid for p in provinces(system)}
        assert {a.code for a in committees} == {"TU", "ThU"}
        health = expand_group("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", ctx)
        assert len(health) == len(provinces(system)) and {a.uid.rsplit(":", 1)[1] for a in health} == {"so-y-te"}
        assert all(a.system == system and a.level == "province" for a in health)


def test_local_group_phrases_after_the_reform_are_the_provinces_new_units():
    tn = province("Thái Nguyên", REFORM)
    units = units_of(tn)
    assert len(units) > 50
    ctx = context_for(tn)
    party = expand_group("Các đảng ủy xã, phường", ctx)
    assert {a.place_uid for a in party} == {u.uid for u in units if u.unit_type in ("Xã", "Phường")}
    assert {a.parent_uid for a in party} == {"agency:2025.thai-nguyen:tu"}
    assert {a.place_uid for a in expand_group("UBND các xã, phường", ctx)} == {a.place_uid for a in party}
    assert {a.uid for a in expand_group("các đảng ủy trực thuộc Tỉnh ủy", ctx)} == {f"agency:{u.scope}:du" for u in units}
    # Before the reform the same province's group means its districts' communes, legacy units.
    legacy = expand_group("UBND các xã, phường, thị trấn", context_for(province("Thái Nguyên")))
    assert legacy and all(a.system == LEGACY and a.district for a in legacy)


@pytest.fixture(scope="module")
def reform_graph():
    from chidao.corpus import sample_corpus_path

    root = Path(sample_corpus_path())
    return graph_of(root / "thai-nguyen", root / "bac-kan", root / "central")


def test_identity_includes_the_system(reform_graph):
    g = reform_graph
    plans = sorted(u for u, a in g.nodes(data=True) if a.get("symbol") == "210-KH/TU" and not a.get("stub"))
    assert plans == ["doc:210-KH/TU@2025.thai-nguyen:2026", "doc:210-KH/TU@bac-kan:2024"]
    assert [(g.nodes[u]["system"], g.nodes[u]["province"]) for u in plans] == [(REFORM, "Thái Nguyên"),
                                                                              (LEGACY, "Bắc Kạn")]


def test_a_ward_in_a_former_provinces_territory_belongs_to_the_new_province(reform_graph):
    d = reform_graph.nodes["doc:08-KH/ĐU@2025.thai-nguyen/duc-xuan:2026"]
    assert (d["system"], d["level"], d["province"], d["district"]) == (REFORM, "commune", "Thái Nguyên", None)
    issuer = reform_graph.nodes[d["issuer_uid"]]
    assert (issuer["system"], issuer["parent_uid"]) == (REFORM, "agency:2025.thai-nguyen:tu")
    # "Thực hiện Kế hoạch số 210-KH/TU ... của Ban Thường vụ Tỉnh ủy" (no place): its own system and province.
    targets = {v for _, v, t in reform_graph.out_edges("doc:08-KH/ĐU@2025.thai-nguyen/duc-xuan:2026", data="type")
               if t == "IMPLEMENTS"}
    assert "doc:210-KH/TU@2025.thai-nguyen:2026" in targets


def test_gaps_of_a_2026_plan_list_exactly_that_provinces_units(reform_graph):
    uid = "doc:210-KH/TU@2025.thai-nguyen:2026"
    rows = gaps.run(reform_graph, uid, level="commune")
    expected = {f"agency:{u.scope}:du" for u in units_of(province("Thái Nguyên", REFORM))
                if u.unit_type in ("Xã", "Phường")}
    assert {r["agency_uid"] for r in rows} == expected
    with_doc = {r["agency_uid"] for r in rows if r["has_document"]}
    assert with_doc == {"agency:2025.thai-nguyen/cho-moi:du", "agency:2025.thai-nguyen/duc-xuan:du"}


def test_a_chain_across_the_reform(reform_graph):
    g = reform_graph
    rows = trace.run(g, "doc:210-KH/TU@bac-kan:2024", to="commune")
    chains = [r["chain"] for r in rows]
    assert ["doc:210-KH/TU@bac-kan:2024", "doc:85-KH/HU@bac-kan/cho-moi:2024",
            "doc:15-KH/ĐU@2025.thai-nguyen/cho-moi:2026"] in chains
    row = next(r for r in rows if r["end_uid"] == "doc:15-KH/ĐU@2025.thai-nguyen/cho-moi:2026")
    assert row["systems"] == [LEGACY, LEGACY, REFORM] and row["levels"] == ["province", "district", "commune"]
    notes = g.nodes["doc:15-KH/ĐU@2025.thai-nguyen/cho-moi:2026"]["place_notes"]
    assert [n["kind"] for n in notes] == ["mapped"] and "85-KH/HU" in notes[0]["message"]
    down = {r["uid"]: r["system"] for r in implements.run(g, "doc:85-KH/HU@bac-kan/cho-moi:2024")}
    assert down == {"doc:15-KH/ĐU@2025.thai-nguyen/cho-moi:2026": REFORM}


def test_trace_to_district_after_the_reform_says_there_is_none(reform_graph):
    with pytest.raises(ChidaoError, match="no district level"):
        trace.run(reform_graph, "doc:210-KH/TU@2025.thai-nguyen:2026", to="district")
    assert trace.run(reform_graph, "doc:210-KH/TU@2025.thai-nguyen:2026", to="commune")


def test_timeline_keeps_the_systems_lags_apart(reform_graph):
    rows = timeline.run(reform_graph, "doc:57-NQ/TW@VN:2024")
    assert {r["system"] for r in rows} == {REFORM}
    rows = timeline.run(reform_graph, "doc:210-KH/TU@bac-kan:2024")
    summary = timeline.summary(rows)
    assert [(s["system"], s["level"]) for s in summary] == [(LEGACY, "district"), (REFORM, "commune")]
    assert summary[1]["min"] > summary[0]["max"]


# -- documents written here --------------------------------------------------------------------------
PLAN = """{parent}
{issuer}
*
Số {number}-KH/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

{place}, {date}

KẾ HOẠCH
triển khai công tác chuyển đổi số

{body}

Nơi nhận:
- Lưu Văn phòng Đảng ủy.

T/M ĐẢNG ỦY
BÍ THƯ

Nguyễn Văn An
"""


def _doc(tmp_path: Path, name: str, **parts) -> Path:
    parts.setdefault("body", "Đảng ủy xây dựng Kế hoạch như sau: các chi bộ thực hiện.")
    path = tmp_path / name
    path.write_text(PLAN.format(**parts), encoding="utf-8")
    return path


def _placed(tmp_path):
    g = graph_of(tmp_path)
    docs = {a["path"].rsplit("/", 1)[-1]: (u, a) for u, a in g.nodes(data=True)
            if a.get("label") == "Document" and not a.get("stub")}
    return g, docs, check(g)


def test_the_parent_line_decides_a_wrong_unit_type(tmp_path):
    # Six provinces have a "xã Quang Minh"; Mê Linh (Hà Nội) has a "thị trấn Quang Minh".
    assert len({c.province for c in gazetteer().communes_by_name[fold("Quang Minh")]}) >= 6
    _doc(tmp_path, "quang-minh.txt", parent="ĐẢNG BỘ HUYỆN MÊ LINH", issuer="ĐẢNG ỦY XÃ QUANG MINH", number="12",
         place="Quang Minh", date="ngày 10 tháng 5 năm 2021")
    g, docs, issues = _placed(tmp_path)
    uid, d = docs["quang-minh.txt"]
    town = commune("thị trấn Quang Minh", "Mê Linh", "Hà Nội")
    assert g.nodes[d["issuer_uid"]]["place_uid"] == town.uid
    assert [i.kind for i in issues if i.uids == (uid,) and i.kind == "type_mismatch"] == ["type_mismatch"]


def test_check_reports_a_place_against_its_header_and_an_unknown_place(tmp_path):
    _doc(tmp_path, "against.txt", parent="ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", issuer="ĐẢNG ỦY PHƯỜNG ĐỨC XUÂN", number="3",
         place="Đức Xuân", date="ngày 10 tháng 5 năm 2021")
    _doc(tmp_path, "unknown.txt", parent="ĐẢNG BỘ TỈNH THÁI NGUYÊN", issuer="ĐẢNG ỦY XÃ KHÔNG TÊN", number="4",
         place="Thái Nguyên", date="ngày 10 tháng 3 năm 2026")
    g, docs, issues = _placed(tmp_path)
    against, unknown = docs["against.txt"][0], docs["unknown.txt"][0]
    assert {i.kind for i in issues if i.uids == (against,)} >= {"contradicts_header"}
    assert g.nodes[against]["district"] == "Tam Đường"  # the header's district, not Bắc Kạn's ward
    assert {i.kind for i in issues if i.uids == (unknown,)} >= {"unknown_place"}
    assert g.nodes[unknown]["system"] == REFORM and g.nodes[unknown]["province"] == "Thái Nguyên"


def test_an_old_header_in_2026_is_mapped_and_noted(tmp_path):
    _doc(tmp_path, "old-header.txt", parent="ĐẢNG BỘ TỈNH BẮC KẠN", issuer="ĐẢNG ỦY PHƯỜNG ĐỨC XUÂN", number="9",
         place="Đức Xuân", date="ngày 05 tháng 02 năm 2026")
    g, docs, _ = _placed(tmp_path)
    uid, d = docs["old-header.txt"]
    assert (d["system"], d["province"], d["level"]) == (REFORM, "Thái Nguyên", "commune")
    assert [n["kind"] for n in d["place_notes"]] == ["mapped"] and "Bắc Kạn" in d["place_notes"][0]["message"]


def test_an_undated_document_takes_its_system_from_its_citations_else_check_reports_it(tmp_path):
    body = ("Thực hiện Kế hoạch số 210-KH/TU ngày 12/01/2026 của Ban Thường vụ Tỉnh ủy Thái Nguyên, "
            "Đảng ủy xây dựng Kế hoạch như sau: các chi bộ thực hiện.")
    _doc(tmp_path, "cites-2026.txt", parent="ĐẢNG BỘ TỈNH THÁI NGUYÊN", issuer="ĐẢNG ỦY PHƯỜNG ĐỨC XUÂN",
         number="21", place="Đức Xuân", date="ngày   tháng   năm", body=body)
    _doc(tmp_path, "nothing.txt", parent="ĐẢNG BỘ TỈNH THÁI NGUYÊN", issuer="ĐẢNG ỦY PHƯỜNG ĐỨC XUÂN",
         number="22", place="Đức Xuân", date="ngày   tháng   năm")
    g, docs, issues = _placed(tmp_path)
    cites, nothing = docs["cites-2026.txt"], docs["nothing.txt"]
    assert (cites[1]["system"], cites[1]["system_source"], cites[1]["province"]) == (REFORM, "citations",
                                                                                    "Thái Nguyên")
    assert not [i for i in issues if i.kind == "no_system" and i.uids == (cites[0],)]
    assert [i.kind for i in issues if i.kind == "no_system" and i.uids == (nothing[0],)] == ["no_system"]


# -- the generator after the reform ------------------------------------------------------------------
def test_the_generator_writes_post_reform_documents_placed_in_their_system(tmp_path):
    import json
    import sys

    from chidao.corpus.generate import generate_corpus

    generate_corpus(tmp_path, 400, seed=5, post_reform=0.6)
    truth = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text("utf-8").splitlines()]
    docs = [r for r in truth if r["kind"] == "document"]
    after = [r for r in docs if r["system"] == REFORM]
    assert after and all(r["date"] >= "2025-07" for r in after)
    new_provinces = {p.name for p in provinces(REFORM)}
    local = [r for r in after if r["level"] != "central"]
    assert local and all(r["province"] in new_provinces and r["district"] is None for r in local)
    assert {r["level"] for r in local} == {"province", "commune"}
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from score_reform import score

    scored = score(tmp_path)
    assert scored[REFORM]["system"] >= 0.99 and scored[LEGACY]["system"] >= 0.99
    assert scored[REFORM]["system+province"] >= 0.85


def test_without_post_reform_the_generator_writes_the_legacy_corpus_unchanged(tmp_path):
    from chidao.corpus.generate import generate_corpus

    generate_corpus(tmp_path / "a", 150, seed=3)
    generate_corpus(tmp_path / "b", 150, seed=3, post_reform=0.0)
    a, b = (tmp_path / "a" / "truth.jsonl").read_bytes(), (tmp_path / "b" / "truth.jsonl").read_bytes()
    assert a == b and b"2025-07" not in a and b'"system"' not in a


def test_the_page_draws_three_levels_for_post_reform_documents(reform_graph):
    from chidao.outputs.viz import _positions, view_graph

    view, _ = view_graph(reform_graph, "doc:210-KH/TU@2025.thai-nguyen:2026", depth=1)
    pos = _positions(view)
    docs = {u: d for u, d in view.nodes(data=True) if d.get("label") == "Document"}
    level_y = {}
    for u, d in docs.items():
        level_y.setdefault(d.get("level"), set()).add(pos[u][1])
    assert set(level_y) == {"central", "province", "commune"}
    ys = sorted(min(v) for v in level_y.values())
    assert len(ys) == 3 and max(level_y["central"]) < min(level_y["province"]) < min(level_y["commune"])
    # Band by band: the communes and wards sit in the band right under the province's, none between.
    band_tops = sorted({min(v) for v in level_y.values()})
    assert min(level_y["commune"]) == band_tops[2]
