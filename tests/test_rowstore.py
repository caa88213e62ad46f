"""graph/rowstore.py: a build that never holds the graph writes what the networkx path writes.

``chidao build`` joins its records into rows (``RowSink``); ``build_graph`` joins the same records into
a networkx graph. The workspace must hold that graph exactly, in its order: nodes, links (with their
keys), issues, counts, lookup tables, and the question graph with its neighbours' order. The corpus
holds what the rows' bookkeeping must get right: a file copied (one document, two paths), a document
claimed twice with different dates (a conflict), an article copied (one Source node whose links come
from two files), nested citations (links leaving another document) and parallel links.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chidao.corpus.generate import generate_corpus
from chidao.graph import load_graph
from chidao.graph.build import build_graph
from chidao.graph.checks import check
from chidao.graph.index import SearchTexts, build_symbol_index
from chidao.graph.stats import count
from chidao.graph.workspace import (build_workspace, load_issues, load_question_graph, load_stats, question_graph)
from chidao.loaders.batch import extract_paths

SAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "sample"
REAL = Path(__file__).resolve().parent / "data" / "real"


def _corpus(root: Path) -> list[Path]:
    generate_corpus(root / "generated", 150, seed=5)
    shutil.copytree(SAMPLE, root / "sample")
    shutil.copytree(REAL / "fresh", root / "real")
    twin = root / "twins"
    twin.mkdir()
    document = SAMPLE / "ben-tre" / "tu-cv-272-2021.txt"
    shutil.copy(document, twin / "copy-of-272.txt")  # the same document twice
    text = document.read_text(encoding="utf-8")
    assert "ngày 11 tháng 01 năm 2021" in text
    # the same symbol, year and issuer with another date: a conflict, kept apart
    (twin / "272-other-date.txt").write_text(text.replace("ngày 11 tháng 01 năm 2021", "ngày 12 tháng 02 năm 2021"),
                                             encoding="utf-8")
    articles = sorted(p for p in (REAL / "fresh").glob("*.txt") if "vpthu" in p.name)
    assert articles, "an article of the real set"
    shutil.copy(articles[0], twin / "copy-of-article.txt")  # an article twice: one Source node
    return [root]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = tmp_path_factory.mktemp("rows")
    paths = _corpus(root / "corpus")
    build_workspace(paths, root / "ws", jobs=2)
    records = [record for _, record, _, _ in extract_paths(paths) if record is not None]
    graph, issues = build_graph(records)
    return root / "ws", graph, issues


def _without_version(edges):
    return [(u, v, k, {f: x for f, x in d.items() if f != "version"}) for u, v, k, d in edges]


def test_the_corpus_holds_what_the_rows_must_get_right(both):
    _, graph, issues = both
    nodes = dict(graph.nodes(data=True))
    assert any(d.get("duplicate_paths") for d in nodes.values())
    assert any(d.get("conflicts_with") for d in nodes.values())
    assert any(k > 0 for _, _, k in graph.edges(keys=True))
    assert any(d.get("via_uid") for *_, d in graph.edges(data=True))
    sources = {u for u, d in nodes.items() if d.get("label") == "Source"}
    paths_of: dict[str, set] = {}
    for u, _, d in graph.edges(data=True):
        if u in sources:
            paths_of.setdefault(u, set()).add(d.get("path"))
    assert any(len(paths) == 2 for paths in paths_of.values())  # one article node, links from two files
    assert {i.kind for i in issues} >= {"conflict", "cited_after", "unscoped"}


def test_nodes_and_links_are_the_graphs_in_its_order(both):
    ws, graph, _ = both
    stored = load_graph(ws)
    assert list(stored.nodes(data=True)) == list(graph.nodes(data=True))
    assert _without_version(stored.edges(keys=True, data=True)) == _without_version(graph.edges(keys=True, data=True))


def test_issues_counts_and_tables_are_the_graphs(both):
    ws, graph, issues = both
    assert load_issues(ws) == issues == check(graph)
    assert load_stats(ws) == count(graph)
    loaded = load_question_graph(ws)
    fresh = question_graph(graph)
    assert list(loaded.nodes(data=True)) == list(fresh.nodes(data=True))
    assert _without_version(loaded.edges(keys=True, data=True)) == _without_version(fresh.edges(keys=True, data=True))
    # and each node's citing neighbours in the same order (what the questions walk down)
    assert all(list(loaded.pred[n]) == list(fresh.pred[n]) for n in fresh)
    assert vars(SearchTexts(loaded)) == vars(SearchTexts(fresh))
    assert vars(build_symbol_index(loaded)) == vars(build_symbol_index(fresh))


def test_records_that_come_out_of_path_order_give_the_same_workspace(both, tmp_path, monkeypatch):
    # A fresh build makes the join's first half as the parsed records come, in path order; a record
    # that comes out of that order (here the first, last) makes it begin again after the parse, on
    # a new file of rows (each row written at once, so that what was begun is in the file).
    import chidao.graph.rowstore as rowstore
    import chidao.graph.workspace as workspace

    real_parse_files = workspace.parse_files

    def first_comes_last(paths, **kwargs):
        results = list(real_parse_files(paths, **kwargs))
        return results[1:] + results[:1]

    monkeypatch.setattr(workspace, "parse_files", first_comes_last)
    monkeypatch.setattr(rowstore, "_BATCH", 1)
    ws, graph, issues = both
    build_workspace([ws.parent / "corpus"], tmp_path / "ws", jobs=2)
    again = load_graph(tmp_path / "ws")
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert _without_version(again.edges(keys=True, data=True)) == _without_version(graph.edges(keys=True, data=True))
    assert load_issues(tmp_path / "ws") == issues
    assert not list(tmp_path.joinpath("ws").glob("*-work*"))  # the first half's work file is gone
