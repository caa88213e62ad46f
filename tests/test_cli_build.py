"""`chidao build` and `chidao check` end to end, on the sample corpus plus the real seeds."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.corpus import sample_corpus_path
from chidao.graph import load_graph

CHAIN_LINKS = {"IMPLEMENTS", "BASED_ON", "RESPONDS_TO", "FOLLOWS_UP"}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, seeds_dir):
    ws = tmp_path_factory.mktemp("ws")
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(sample_corpus_path()), str(seeds_dir), "-w", str(ws), "--json"],
                          catch_exceptions=False)
    assert first.exit_code == 0, first.output
    return ws, json.loads(first.stdout)


@pytest.fixture(scope="module")
def graph(workspace):
    return load_graph(workspace[0])


def _docs(graph, symbol):
    return [n for n, d in graph.nodes(data=True) if d.get("label") == "Document" and d.get("symbol") == symbol]


def test_summary_counts(workspace):
    _, summary = workspace
    assert summary["files_seen"] == summary["parsed"] >= 52
    assert summary["unreadable"] == []
    assert summary["links"]["IMPLEMENTS"] > 20
    assert summary["stubs"] > 0 and summary["documents"] > 45


def test_exactly_one_node_for_07_kl_tw(graph):
    (node,) = _docs(graph, "07-KL/TW")
    implementers = {u for u, _, d in graph.in_edges(node, data=True) if d.get("type") == "IMPLEMENTS"}
    provinces = {graph.nodes[u].get("province") for u in implementers}
    assert {"Lai Châu", "Bến Tre"} <= provinces  # cited from two provinces, still one node


def test_ben_tre_272_is_ben_tres_and_filled_in(graph, seeds_dir):
    nodes = _docs(graph, "272-CV/TU")
    ben_tre = [n for n in nodes if graph.nodes[n].get("province") == "Bến Tre"]
    assert len(ben_tre) == 1
    node = ben_tre[0]
    assert graph.nodes[node]["stub"] is False  # the sample holds its text: the seed's stub was filled in
    citing = {graph.nodes[u].get("path", "") for u, _, d in graph.in_edges(node, data=True) if d.get("cue")}
    assert any(p.endswith("004_d266bbb7be9e8e63.txt") for p in citing)
    assert all(graph.nodes[n].get("province") != "Bến Tre" for n in nodes if n != node)


def test_every_seed_link_carries_its_sentence(graph, seeds_dir):
    seed_links = [d for _, _, d in graph.edges(data=True) if d.get("path", "").startswith(str(seeds_dir)) and "cue" in d]
    assert len(seed_links) >= 11
    for d in seed_links:
        text = (seeds_dir / d["path"].rsplit("/", 1)[1]).read_text("utf-8")
        assert d["sentence"] and d["sentence"] in text
        assert text[d["start"]:d["end"]] == d["text"]


def test_check_reports_the_79_nq_cp_date_anomaly(workspace):
    ws, _ = workspace
    result = CliRunner().invoke(cli, ["check", "-w", str(ws), "--json"], catch_exceptions=False)
    issues = json.loads(result.stdout)
    after = [i for i in issues if i["kind"] == "cited_after"]
    assert any("79/NQ-CP" in i["message"] and "294-CV/TU" in i["message"] for i in after)


def test_check_csv(workspace):
    ws, _ = workspace
    result = CliRunner().invoke(cli, ["check", "-w", str(ws), "--csv", "--kind", "cited_after"], catch_exceptions=False)
    lines = result.stdout.splitlines()
    assert lines[0] == "kind,message,path,uids"
    assert len(lines) >= 2 and all(l.startswith("cited_after,") for l in lines[1:])


def test_walk_from_07_kl_tw_down_to_a_commune(graph):
    (root,) = _docs(graph, "07-KL/TW")
    # Follow chain links backwards: who implements, rests on or responds to what.
    chain = nx.DiGraph((v, u) for u, v, d in graph.edges(data=True) if d.get("type") in CHAIN_LINKS)
    reached = nx.descendants(chain, root)
    levels = {graph.nodes[n].get("level") for n in reached}
    assert {"province", "district", "commune"} <= levels
    commune = next(n for n in reached if graph.nodes[n].get("level") == "commune")
    path = nx.shortest_path(chain, root, commune)
    assert [graph.nodes[n]["level"] for n in path][:2] == ["central", "province"]
    assert len(path) >= 4


def test_second_build_parses_nothing(workspace, seeds_dir):
    ws, summary = workspace
    result = CliRunner().invoke(cli, ["build", str(sample_corpus_path()), str(seeds_dir), "-w", str(ws)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Nothing to parse: {summary['files_seen']} file(s) unchanged.")


def test_missing_workspace_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["check", "-w", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: no workspace at {tmp_path / 'none'}: run `chidao build` first"
