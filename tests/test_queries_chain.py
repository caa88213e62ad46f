"""The chain questions (implements, trace, basis, gaps, timeline) on the sample corpus, with and without the seeds.

Expected answers are derived from corpus/sample_truth.json (the facts written
with the texts) and the documents' dates, not from what the functions return.
"""

from __future__ import annotations

import json
import re
import statistics
from datetime import date
from pathlib import Path

import pytest

from chidao.graph import build_workspace, load_graph
from chidao.queries import basis, coverage, gaps, implements, timeline, trace
from chidao.queries.base import LEVEL_ORDER

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
TRUTH = json.loads((ROOT / "corpus" / "sample_truth.json").read_text(encoding="utf-8"))["documents"]

KL07 = ("07-KL/TW", "Bộ Chính trị")
KL07_DATE = "2021-06-11"  # Kết luận 07-KL/TW, as every citation of it in the truth says
# cue -> the link it makes; the downstream questions follow these four
DOWNSTREAM_CUES = {"thuc_hien": "IMPLEMENTS", "can_cu": "BASED_ON", "huong_ung": "RESPONDS_TO",
                   "tiep_theo": "FOLLOWS_UP"}
# Files the graph reads differently from the truth (a bug upstream of the queries, not here):
# Documents the graph once misread; both are read correctly now and kept here empty on purpose.
KNOWN_MISREADS: set[str] = set()
KNOWN_MISLINKED: set[str] = set()


# ---------------------------------------------------------------- truth helpers

def day(iso: str) -> int:
    """day_number of an ISO date or a YYYY-MM month (day 1)."""
    if len(iso) == 7:
        iso += "-01"
    return (date.fromisoformat(iso) - date(1970, 1, 1)).days


def truth_documents() -> dict[str, dict]:
    return {p: t for p, t in TRUTH.items() if t["kind"] == "document"}


def truth_downstream(root_key: tuple[str, str]) -> dict[str, int]:
    """{truth path: hops} of every document downstream of the document keyed (symbol, issuer)."""
    docs = truth_documents()
    key_of = {p: (t["doc"]["symbol"], t["doc"]["issuer"]) for p, t in docs.items()}
    # cited key -> citing paths, over the downstream cues; a nested (via) citation is the via document's link
    citing: dict[tuple, set[str]] = {}
    for p, t in docs.items():
        for c in t["citations"]:
            if c["cue"] in DOWNSTREAM_CUES and not c["via"]:
                citing.setdefault((c["symbol"], c["issuer"]), set()).add(p)
    hops: dict[str, int] = {}
    frontier, h = [root_key], 0
    while frontier:
        h += 1
        nxt = []
        for key in frontier:
            for p in citing.get(key, ()):
                if p not in hops:
                    hops[p] = h
                    nxt.append(key_of[p])
        frontier = nxt
    return hops


def rel(graph, uid: str) -> str | None:
    path = graph.nodes[uid].get("path")
    if not path:
        return None
    try:
        return Path(path).resolve().relative_to(SAMPLE.resolve()).as_posix()
    except ValueError:
        return None


def uid_of(graph, truth_path: str) -> str:
    hits = [u for u in graph if rel(graph, u) == truth_path]
    assert len(hits) == 1, (truth_path, hits)
    return hits[0]


def uid_by_symbol(graph, symbol: str, province: str | None = None) -> str:
    hits = [u for u, d in graph.nodes(data=True)
            if d.get("label") == "Document" and d.get("symbol") == symbol
            and (province is None or d.get("province") in (province, None))]
    assert len(hits) == 1, (symbol, province, hits)
    return hits[0]


def truth_path(symbol: str, province: str = "Lai Châu") -> str:
    hits = [p for p, t in truth_documents().items()
            if t["doc"]["symbol"] == symbol and t["doc"]["province"] == province]
    assert len(hits) == 1, (symbol, hits)
    return hits[0]


def assert_contract(module, rows):
    plain = (str, int, float, bool, type(None))
    for r in rows:
        assert tuple(r) == module.COLUMNS
        for v in r.values():
            assert isinstance(v, plain) or (isinstance(v, list) and all(isinstance(x, plain) for x in v)), v


# ---------------------------------------------------------------- graphs

@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws-sample")
    build_workspace([SAMPLE], ws)
    return load_graph(ws)


@pytest.fixture(scope="module")
def full_graph(tmp_path_factory, seeds_dir):
    ws = tmp_path_factory.mktemp("ws-full")
    build_workspace([SAMPLE, seeds_dir], ws)
    return load_graph(ws)


@pytest.fixture(params=["sample", "sample+seeds"])
def graph(request):
    return request.getfixturevalue("sample_graph" if request.param == "sample" else "full_graph")


# ---------------------------------------------------------------- implements

def test_implements_07_matches_the_truth_with_lags(graph):
    root = uid_by_symbol(graph, "07-KL/TW")
    rows = implements.run(graph, root)
    assert_contract(implements, rows)
    expected = truth_downstream(KL07)
    got = {rel(graph, r["uid"]): r for r in rows if rel(graph, r["uid"])}
    assert set(got) == set(expected)
    docs = truth_documents()
    for path, r in got.items():
        t = docs[path]["doc"]
        assert r["lag_days"] == day(t["date"]) - day(KL07_DATE), path
        assert r["date"] == t["date"], path
        if path not in KNOWN_MISREADS:
            assert r["level"] == t["level"], path
        if path not in KNOWN_MISLINKED:  # the graph may know a shorter way (nested citations)
            assert r["depth"] <= expected[path], path


def test_implements_07_reaches_every_level_of_lai_chau(graph):
    root = uid_by_symbol(graph, "07-KL/TW")
    rows = implements.run(graph, root)
    by_path = {rel(graph, r["uid"]): r for r in rows}
    # one document per level, each checked against its own date in the truth
    for symbol, level in [("312-KH/TU", "province"), ("1520/KH-UBND", "province"),
                          ("45-KH/HU", "district"), ("1093/KH-UBND", "district"),
                          ("27-KH/ĐU", "commune"), ("64/KH-UBND", "commune")]:
        path = truth_path(symbol)
        t = TRUTH[path]["doc"]
        assert t["level"] == level
        assert by_path[path]["level"] == level
        assert by_path[path]["lag_days"] == day(t["date"]) - day(KL07_DATE)
    plan = by_path[truth_path("312-KH/TU")]
    assert plan["lag_days"] == 14 and plan["depth"] == 1 and plan["link"] == "IMPLEMENTS"
    assert plan["parent_uid"] == root
    assert [LEVEL_ORDER[r["level"]] for r in rows] == sorted(LEVEL_ORDER[r["level"]] for r in rows)


def test_implements_parent_is_one_hop_nearer(graph):
    root = uid_by_symbol(graph, "07-KL/TW")
    rows = implements.run(graph, root)
    depth = {r["uid"]: r["depth"] for r in rows} | {root: 0}
    for r in rows:
        assert depth[r["parent_uid"]] == r["depth"] - 1
        assert r["link"] in {e["type"] for e in graph.get_edge_data(r["uid"], r["parent_uid"]).values()}
    # a UBND huyện plan based on the provincial plan and its Huyện ủy's plan hangs under the Huyện ủy's
    ubnd = next(r for r in rows if rel(graph, r["uid"]) == truth_path("1093/KH-UBND"))
    assert rel(graph, ubnd["parent_uid"]) == truth_path("45-KH/HU")


def test_implements_depth_and_level_options(sample_graph):
    root = uid_by_symbol(sample_graph, "07-KL/TW")
    everything = implements.run(sample_graph, root)
    one = implements.run(sample_graph, root, depth=1)
    assert {r["uid"] for r in one} == {r["uid"] for r in everything if r["depth"] == 1}
    communes = implements.run(sample_graph, root, level="commune")
    assert communes and all(r["level"] == "commune" for r in communes)
    assert communes == [r for r in everything if r["level"] == "commune"]
    with pytest.raises(KeyError):
        implements.run(sample_graph, "doc:nothing")


def test_tree_holds_every_row_once(sample_graph):
    root = uid_by_symbol(sample_graph, "07-KL/TW")
    rows = implements.run(sample_graph, root)
    top = implements.tree(rows, root)
    seen = []

    def visit(node):
        for child in node["children"]:
            seen.append(child["uid"])
            visit(child)
    visit(top)
    assert sorted(seen) == sorted(r["uid"] for r in rows)
    plan = next(c for c in top["children"] if c["uid"] == uid_by_symbol(sample_graph, "312-KH/TU", "Lai Châu"))
    assert uid_of(sample_graph, truth_path("45-KH/HU")) in {c["uid"] for c in plan["children"]}
    # rows filtered by level lose their parents: they hang under the root
    communes = implements.run(sample_graph, root, level="commune")
    kept = {r["uid"] for r in communes}
    orphans = [r["uid"] for r in communes if r["parent_uid"] not in kept]
    assert [c["uid"] for c in implements.tree(communes, root)["children"]] == orphans
    assert len(orphans) < len(communes)  # 64/KH-UBND (Bình Lư) stays under its Đảng ủy's 27-KH/ĐU


# ---------------------------------------------------------------- trace

def test_trace_to_district(graph):
    root = uid_by_symbol(graph, "07-KL/TW")
    rows = trace.run(graph, root, to="district")
    assert_contract(trace, rows)
    chains = {tuple(r["symbols"]) for r in rows}
    for expected in [("07-KL/TW", "312-KH/TU", "45-KH/HU"),
                     ("07-KL/TW", "312-KH/TU", "45-KH/HU", "1093/KH-UBND"),
                     ("07-KL/TW", "312-KH/TU", "1520/KH-UBND", "1093/KH-UBND"),
                     ("07-KL/TW", "312-KH/TU", "118-KH/HU"),
                     ("07-KL/TW", "312-KH/TU", "87-KH/ThU"),
                     ("07-KL/TW", "486-KH/TU", "205-KH/HU")]:
        assert expected in chains
    if not graph.nodes[uid_by_symbol(graph, "294-CV/TU", "Lai Châu")]["stub"]:  # the seed letter is loaded
        assert ("07-KL/TW", "294-CV/TU", "1187/UBND-VP") in chains
    for r in rows:
        assert r["chain"][0] == root and r["end_uid"] == r["chain"][-1]
        assert len(set(r["chain"])) == len(r["chain"]) == r["length"] + 1
        assert r["end_level"] == r["levels"][-1] == "district"
        assert "commune" not in r["levels"]
    # every district document of the truth downstream of 07-KL/TW ends some chain, with its lag
    docs = truth_documents()
    ends = {rel(graph, r["end_uid"]): r["lag_days"] for r in rows}
    for path in truth_downstream(KL07):
        if docs[path]["doc"]["level"] == "district":
            assert ends[path] == day(docs[path]["doc"]["date"]) - day(KL07_DATE)
    assert [r["chain"] for r in rows] == sorted(r["chain"] for r in rows)


def test_trace_to_commune_and_limits(sample_graph):
    root = uid_by_symbol(sample_graph, "07-KL/TW")
    rows = trace.run(sample_graph, root, to="commune")
    assert ("07-KL/TW", "312-KH/TU", "45-KH/HU", "27-KH/ĐU") in {tuple(r["symbols"]) for r in rows}
    assert {r["end_level"] for r in rows} == {"commune"}
    assert trace.run(sample_graph, root, to="commune", max_chains=3) == rows[:3]
    with pytest.raises(ValueError):
        trace.run(sample_graph, root, to="hamlet")


# ---------------------------------------------------------------- basis

def test_basis_of_a_district_plan_reaches_07(graph):
    start = uid_of(graph, truth_path("45-KH/HU"))
    rows = basis.run(graph, start)
    assert_contract(basis, rows)
    by_symbol = {r["symbol"]: r for r in rows}
    start_day = day(TRUTH[truth_path("45-KH/HU")]["doc"]["date"])
    kl = by_symbol["07-KL/TW"]
    assert kl["level"] == "central" and kl["depth"] == 2
    assert kl["lag_days"] == start_day - day(KL07_DATE) == 25
    plan = by_symbol["312-KH/TU"]
    assert plan["depth"] == 1 and plan["child_uid"] == start and plan["link"] == "IMPLEMENTS"
    assert plan["lag_days"] == start_day - day(TRUTH[truth_path("312-KH/TU")]["doc"]["date"])
    assert kl["child_uid"] == plan["uid"]
    assert rows[0]["level"] == "central"


def test_basis_of_a_commune_document(sample_graph):
    path = truth_path("64/KH-UBND")
    rows = basis.run(sample_graph, uid_of(sample_graph, path))
    symbols = {r["symbol"] for r in rows}
    assert {"27-KH/ĐU", "1093/KH-UBND", "45-KH/HU", "1520/KH-UBND", "312-KH/TU", "07-KL/TW"} <= symbols
    assert basis.run(sample_graph, uid_of(sample_graph, path), depth=1, level="district")[0]["symbol"] == "1093/KH-UBND"


# ---------------------------------------------------------------- gaps

LAI_CHAU_SILENT = ("Mường Tè", "Nậm Nhùn")  # README: no implementing document


def _party_committee(rows, district):
    return next(r for r in rows if r["district"] == district and r["agency_uid"].endswith(":hu"))


@pytest.mark.parametrize("symbol", ["312-KH/TU", "07-KL/TW"])
def test_gaps_name_the_silent_districts(graph, symbol):
    root = uid_by_symbol(graph, symbol, "Lai Châu")
    rows = gaps.run(graph, root, level="district")
    assert_contract(gaps, rows)
    assert all(r["level"] == "district" for r in rows)
    for district in LAI_CHAU_SILENT:
        r = _party_committee(rows, district)
        assert "312-KH/TU" in r["addressed_by"]
        assert r["has_document"] is False and r["documents"] == []
    covered = _party_committee(rows, "Tam Đường")
    assert covered["has_document"] is True and "45-KH/HU" in covered["documents"]
    # the five district committees that issued a plan in the truth
    for district, plan in [("Tam Đường", "45-KH/HU"), ("Than Uyên", "118-KH/HU"), ("Phong Thổ", "203-KH/HU"),
                           ("Tân Uyên", "156-KH/HU")]:
        assert plan in _party_committee(rows, district)["documents"]


def test_gaps_from_the_seed_letter(full_graph):
    root = uid_by_symbol(full_graph, "294-CV/TU", "Lai Châu")
    rows = gaps.run(full_graph, root, level="district")
    for district in LAI_CHAU_SILENT:
        r = _party_committee(rows, district)
        assert "294-CV/TU" in r["addressed_by"] and not r["has_document"]
    assert len([r for r in rows if r["agency_uid"].endswith(":hu") or r["agency_uid"].endswith(":thu")]) == 8


def test_coverage_counts(sample_graph):
    rows = gaps.run(sample_graph, uid_by_symbol(sample_graph, "312-KH/TU", "Lai Châu"))
    cov = gaps.coverage(rows)
    lai_chau = next(c for c in cov if c["province"] == "Lai Châu" and c["level"] == "district")
    assert lai_chau["addressed"] == len(rows)
    assert lai_chau["with_document"] == sum(r["has_document"] for r in rows)
    assert lai_chau["share"] == round(lai_chau["with_document"] / lai_chau["addressed"], 3)
    assert 0 < lai_chau["share"] < 1


def test_gaps_word_the_absence_as_the_corpus_shows_it():
    assert "no implementing document in the corpus" in gaps.__doc__
    assert not re.search(r"did nothing|failed to|ignored", gaps.__doc__.replace("never \"did nothing\"", ""))


# ---------------------------------------------------------------- timeline

def test_timeline_rows_and_medians(graph):
    root = uid_by_symbol(graph, "07-KL/TW")
    rows = timeline.run(graph, root)
    assert_contract(timeline, rows)
    docs = truth_documents()
    lags: dict[str, list[int]] = {}
    for path in truth_downstream(KL07):
        if path in KNOWN_MISREADS:
            continue
        t = docs[path]["doc"]
        if t["province"] == "Lai Châu":
            lags.setdefault(t["level"], []).append(day(t["date"]) - day(KL07_DATE))
    lai_chau = [r for r in rows if r["province"] == "Lai Châu" and rel(graph, r["uid"]) not in KNOWN_MISREADS
                and rel(graph, r["uid"])]
    summary = {s["level"]: s for s in timeline.summary(lai_chau)}
    for level, values in lags.items():
        assert summary[level]["n"] == len(values)
        assert summary[level]["median"] == statistics.median(values)
        assert (summary[level]["min"], summary[level]["max"]) == (min(values), max(values))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


@pytest.mark.parametrize("lags, expected", [
    ([1, 2, 3, 4], {"n": 4, "median": 2.5, "min": 1, "max": 4, "q1": 1.75, "q3": 3.25, "iqr": 1.5}),
    ([10], {"n": 1, "median": 10, "min": 10, "max": 10, "q1": 10, "q3": 10, "iqr": 0}),
    ([14, 21, 20, 24, 40], {"n": 5, "median": 21, "min": 14, "max": 40, "q1": 20, "q3": 24, "iqr": 4}),
], ids=["even", "single", "odd"])
def test_summary_by_hand(lags, expected):
    rows = [{"level": "province", "lag_days": x} for x in lags] + [{"level": "province", "lag_days": None}]
    (s,) = timeline.summary(rows)
    assert s["undated"] == 1
    assert {k: s[k] for k in expected} == expected


def test_summary_orders_levels_and_handles_undated_only():
    rows = [{"level": "commune", "lag_days": 3}, {"level": "central", "lag_days": 1}, {"level": None, "lag_days": None}]
    out = timeline.summary(rows)
    assert [s["level"] for s in out] == ["central", "commune", None]
    assert out[-1]["n"] == 0 and out[-1]["median"] is None


def test_plot_writes_a_png(sample_graph, tmp_path):
    pytest.importorskip("matplotlib")
    root = uid_by_symbol(sample_graph, "07-KL/TW")
    out = tmp_path / "lags.png"
    from chidao.outputs.plot import plot_timeline

    plot_timeline(timeline.run(sample_graph, root), out, root_symbol="07-KL/TW")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- the Cypher faces

MODULES = [implements, trace, basis, gaps, timeline, coverage]
PARAMS = {"implements": {"uid", "depth", "level"}, "basis": {"uid", "depth", "level"},
          "timeline": {"uid", "depth"}, "trace": {"uid", "to", "max_chains"}, "gaps": {"uid", "level", "report_marks"},
          "coverage": {"uid", "level", "provinces", "report_marks"}}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_cypher_face_returns_the_columns(module):
    text = "\n".join(line.split("//")[0] for line in module.CYPHER.splitlines())
    ret = text[text.rindex("RETURN"):]
    for col in module.COLUMNS:
        assert re.search(rf"(AS {col}\b|RETURN {col}\b|, {col}\b)", ret), col
    assert set(re.findall(r"\$(\w+)", text)) == PARAMS[module.NAME]
    for banned in ("=~", "EXISTS {", "COUNT {", "shortestPath", "elementId", "apoc."):
        assert banned not in text
    assert "*1..10]" in text
