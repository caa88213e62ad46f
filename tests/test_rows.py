"""graph/rows.py: the export rows streamed from a workspace equal those of the loaded graph, and every
file export (Cypher, CSV, GraphML) and the page made from them equal those made from the full graph."""

from __future__ import annotations

import io
import sqlite3

import networkx as nx
import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.graph import load_graph
from chidao.graph.rows import GraphRows, WorkspaceRows, rows_of, with_evidence
from chidao.graph.workspace import _SCHEMA, load_question_graph, write_graph
from chidao.loaders.errors import ChidaoError
from chidao.outputs import files as ef
from chidao.outputs import viz as v

NASTY = "a \\' b\r\nc\x85\u2028 ; | </script> \x00 end\\"


@pytest.fixture(scope="module")
def hostile_ws(tmp_path_factory) -> str:
    """A workspace whose tables hold awkward text, written by the build's own writer."""
    g = nx.MultiDiGraph()
    g.add_node("doc:1", label="Document", uid="doc:1", symbol="1/QĐ-UBND", subject=NASTY, level="province",
               issuer_uid="agency:x", warnings=[NASTY, "a;b"], unresolved=[{"text": NASTY, "reason": "x"}],
               stub=False, year=2021)
    g.add_node("doc:2", label="Document", uid="doc:2", subject="Quye\u0301t đi\u0323nh", level=None, stub=True)
    g.add_node("agency:x", label="Agency", uid="agency:x", name="UBND | tỉnh", level="province")
    g.add_node("agency:y", label="Agency", uid="agency:y", name="second issuer", level="province")
    g.add_node("place:x", label="Place", uid="place:x", name="Điện Biên", lat=21.38, lon=1e-05)
    g.add_edge("doc:1", "agency:x", type="ISSUED_BY")
    g.add_edge("doc:1", "agency:y", type="ISSUED_BY")  # only the first one names the search text
    g.add_edge("doc:2", "doc:1", type="IMPLEMENTS", sentence=NASTY, start=3, end=9, cue="Căn cứ")
    g.add_edge("doc:2", "doc:1", type="IMPLEMENTS", sentence="again", start=20, end=29)
    g.add_edge("agency:x", "place:x", type="LOCATED_IN")
    d = tmp_path_factory.mktemp("hostile")
    con = sqlite3.connect(d / "workspace.db")
    con.executescript(_SCHEMA)
    write_graph(con, g, [])
    con.close()
    return str(d)


@pytest.fixture(params=["sample", "hostile"])
def any_ws(request, ws, hostile_ws) -> str:
    return ws if request.param == "sample" else hostile_ws


def test_rows_equal_the_loaded_graphs(any_ws):
    graph = load_graph(any_ws)
    assert graph.number_of_edges() > 0
    streamed, loaded = WorkspaceRows(any_ws), GraphRows(graph)
    assert list(streamed.nodes()) == list(loaded.nodes())
    assert list(streamed.relationships()) == list(loaded.relationships())
    assert (streamed.number_of_nodes(), streamed.number_of_edges()) == (graph.number_of_nodes(),
                                                                       graph.number_of_edges())


def test_search_text_names_the_first_issuer(hostile_ws):
    doc = next(r for r in WorkspaceRows(hostile_ws).nodes() if r.uid == "doc:1")
    assert "ubnd" in doc.props["search_text"].lower() and "second issuer" not in doc.props["search_text"]


def test_cypher_script_from_the_workspace_equals_the_graphs(any_ws):
    graph = load_graph(any_ws)
    streamed = "".join(ef.cypher_script(WorkspaceRows(any_ws), workspace_id="w", batch_size=3))
    assert streamed == "".join(ef.cypher_script(graph, workspace_id="w", batch_size=3))
    assert streamed.count("UNWIND [") >= 2


def test_csv_files_from_the_workspace_equal_the_graphs(any_ws, tmp_path):
    graph = load_graph(any_ws)
    in_memory = dict(ef.csv_files(graph, workspace_id="w"))
    paths = ef.write_csv(WorkspaceRows(any_ws), tmp_path, workspace_id="w")
    assert {p.name: p.read_bytes().decode("utf-8") for p in paths} == in_memory
    assert any(name.startswith("rel_") for name in in_memory)


def test_csv_delimiter_avoids_every_array_character(hostile_ws):
    readme = dict(ef.csv_files(WorkspaceRows(hostile_ws), workspace_id="w"))["README.md"]
    assert "--array-delimiter='U+001F'" in readme  # ';' and '|' occur inside array elements


def test_graphml_from_the_workspace_equals_networkx(any_ws):
    graph = load_graph(any_ws)
    expected = io.BytesIO()
    nx.write_graphml(ef.graphml_graph(graph), expected, encoding="utf-8")
    assert "".join(ef.graphml_text(WorkspaceRows(any_ws))).encode("utf-8") == expected.getvalue()
    back = nx.read_graphml(io.BytesIO(expected.getvalue()))
    assert back.number_of_edges() == graph.number_of_edges()


@pytest.mark.parametrize("root", [None, "doc:1"])
def test_page_from_question_graph_and_evidence_equals_the_full_graphs(hostile_ws, root):
    full = load_graph(hostile_ws)
    expected = v.build_page(full, root)
    q = load_question_graph(hostile_ws)
    view, info = v.view_graph(q, root)
    assert any(d.get("sentence") for _, _, d in with_evidence(view, hostile_ws).edges(data=True))
    got = v.build_page(q, root, view=(with_evidence(view, hostile_ws), info))
    assert got.html == expected.html and got.nodes == expected.nodes > 0


def test_cli_exports_read_the_workspace(ws, tmp_path):
    runner = CliRunner()
    out = tmp_path / "x.cypher"
    result = runner.invoke(cli, ["export", "cypher", "-w", ws, "-o", str(out)])
    assert result.exit_code == 0, result.output
    from chidao.graph.workspace import workspace_id
    assert out.read_text(encoding="utf-8") == "".join(ef.cypher_script(load_graph(ws), workspace_id=workspace_id(ws)))


def test_missing_workspace_is_one_line(tmp_path):
    with pytest.raises(ChidaoError, match="no workspace"):
        WorkspaceRows(tmp_path / "nowhere")


def test_rows_of_refuses_other_things():
    with pytest.raises(TypeError):
        rows_of([1, 2])
