"""A real Neo4j (``.ci/neo4j start``, named by NEO4J_URI): the paths into it that tests/test_neo4j.py does not take.

* ``chidao export cypher``: the script runs on Neo4j statement by statement and writes the graph;
* ``.ci/neo4j import``: neo4j-admin's importer on ``chidao export csv`` gives a second server holding
  the same nodes and links as the live export, and the questions answer the same there;
* parity at scale: a generated corpus of 2,000 documents, built by ``chidao build`` and exported by
  ``chidao export neo4j``: every question's Cypher face returns the workspace's rows.

Like tests/test_neo4j.py, these need an empty database and leave it empty (every workspace they write
is removed again); they skip without NEO4J_URI.
"""

from __future__ import annotations

import os
import re
import unicodedata
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from neo4j_live import NEO4J_SKIP, drop_workspace, require_empty, total_counts

from chidao.cli import cli
from chidao.graph import load_graph, load_neighbourhood, load_question_graph, load_stats
from chidao.graph.gazetteer import REFORM
from chidao.outputs.files import cypher_script, write_csv
from chidao.outputs.neo4j import connect, export, graph_counts, run_query, run_question, server_counts
from chidao.queries import search
from chidao.queries.registry import QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
CI_NEO4J = ROOT / ".ci" / "neo4j"

@pytest.fixture(scope="module")
def target(neo4j_target):
    return require_empty(neo4j_target)


# ---------------------------------------------------------------- the Cypher script

def script_statements(text: str) -> list[str]:
    """The statements of a ``chidao export cypher`` script: each ends with ';' at the end of a line."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    return [s.strip() for s in re.split(r";\n", body + "\n") if s.strip()]


def test_cypher_script_runs_statement_by_statement(target, sample_graph):
    ws = "script"
    text = "".join(cypher_script(sample_graph, workspace_id=ws, batch_size=100))
    statements = script_statements(text)
    assert any(s.startswith("CREATE CONSTRAINT") for s in statements)
    assert sum(s.startswith("UNWIND") for s in statements) >= 10  # 100 rows a batch: many statements
    try:
        with target.session() as s:
            for statement in statements:
                s.run(statement).consume()  # a Neo4j error fails the test here, naming the statement
        assert server_counts(target, ws) == graph_counts(sample_graph)
        assert total_counts(target) == (sample_graph.number_of_nodes(), sample_graph.number_of_edges())
        with target.session() as s:  # a second run adds nothing
            for statement in statements:
                s.run(statement).consume()
        assert total_counts(target) == (sample_graph.number_of_nodes(), sample_graph.number_of_edges())
        # what the script wrote is what the live export writes: the questions cannot tell them apart
        uid = next(n for n, d in sample_graph.nodes(data=True) if d.get("symbol") == "07-KL/TW")
        assert run_question(target, "implements", uid=uid) == QUESTIONS["implements"].run(sample_graph, uid)
        assert run_question(target, "stats") == QUESTIONS["stats"].run(sample_graph)
    finally:
        drop_workspace(target, ws)
    assert total_counts(target) == (0, 0)


# ---------------------------------------------------------------- neo4j-admin import

def local_answer(graph, name: str, uid: str, *, workspace=None, **options) -> list[dict]:
    """The networkx face's rows as the export stores them: text in NFC (the sample holds two evidence
    sentences read in NFD from a decomposed file; the export normalises every string). With a
    ``workspace``, a question that reads one document's neighbourhood reads it as the CLI does."""
    question = QUESTIONS[name]
    if workspace is not None and question.graph == "neighbourhood":
        graph = load_neighbourhood(workspace, uid)
    rows = question.run(graph, uid, **options)
    if name != "show":
        return rows
    return [{**r, "sentence": unicodedata.normalize("NFC", r["sentence"]) if isinstance(r["sentence"], str)
             else r["sentence"]} for r in rows]


def importer_unavailable() -> str | None:
    if not os.environ.get("NEO4J_URI"):
        return NEO4J_SKIP
    if not shutil.which("java"):
        return "java is not installed: .ci/neo4j cannot run neo4j-admin"
    return None


def parse_env(text: str) -> dict[str, str]:
    return dict(m.groups() for m in re.finditer(r"^(NEO4J_[A-Z]+)=(.*)$", text, re.M))


@pytest.fixture(scope="module")
def imported(tmp_path_factory, sample_graph):
    """`.ci/neo4j import` of the sample's CSV export into a second server of its own; stopped after."""
    reason = importer_unavailable()
    if reason:
        pytest.skip(reason)
    csv_dir = tmp_path_factory.mktemp("csv")
    write_csv(sample_graph, csv_dir, workspace_id="imported")
    run_dir = tmp_path_factory.mktemp("neo4j-import-run")
    env = {**os.environ, "NEO4J_RUN_DIR": str(run_dir), "NEO4J_HEAP": "512m", "NEO4J_PAGECACHE": "128m"}
    try:
        done = subprocess.run(["bash", str(CI_NEO4J), "import", str(csv_dir)], env=env, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=900)
        assert done.returncode == 0, done.stderr[-3000:]
        values = parse_env(done.stdout)
        t = connect(values["NEO4J_URI"], values["NEO4J_USER"], values["NEO4J_PASSWORD"])
        try:
            yield values, t
        finally:
            t.close()
    finally:
        subprocess.run(["bash", str(CI_NEO4J), "stop"], env=env, capture_output=True, stdin=subprocess.DEVNULL,
                       timeout=120)


def test_import_counts_equal_the_live_export(target, imported, sample_graph):
    values, imported_target = imported
    # the counts the script prints, and the counts per label and type, equal the graph's ...
    assert (int(values["NEO4J_NODES"]), int(values["NEO4J_RELATIONSHIPS"])) == (
        sample_graph.number_of_nodes(), sample_graph.number_of_edges())
    assert server_counts(imported_target, "imported") == graph_counts(sample_graph)
    # ... and the live export's, on the first server
    try:
        export(sample_graph, target, workspace_id="live")
        assert server_counts(target, "live") == server_counts(imported_target, "imported")
        assert total_counts(target) == total_counts(imported_target)
    finally:
        drop_workspace(target, "live")


def test_import_made_the_constraints(imported):
    _, t = imported
    rows = run_query(t, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, "
                        "properties AS properties, type AS type")
    assert {r["label"] for r in rows if r["properties"] == ["uid"] and r["type"] == "UNIQUENESS"} >= {
        "Document", "Agency", "Place"}


def test_questions_answer_the_same_on_the_imported_database(imported, sample_graph):
    _, t = imported
    docs = sorted(n for n, d in sample_graph.nodes(data=True) if d.get("label") == "Document" and d.get("level")
                  in ("central", "province"))
    assert docs
    for uid in docs:
        # after 1 July 2025 there is no district level to trace to (queries/trace.py says so)
        to = "commune" if sample_graph.nodes[uid].get("system") == REFORM else "district"
        for name in ("implements", "basis", "timeline", "gaps", "trace", "show"):
            options = {"to": to} if name == "trace" else {}
            assert run_question(t, name, uid=uid, **options) == local_answer(sample_graph, name, uid, **options), \
                (name, uid)
    assert run_question(t, "stats") == QUESTIONS["stats"].run(sample_graph)
    assert run_question(t, "search", text="kế hoạch") == search.run(sample_graph, "kế hoạch")


# ---------------------------------------------------------------- parity on 2,000 generated documents

CORPUS_DOCS, CORPUS_SEED = 2000, 18


@pytest.fixture(scope="module")
def generated(tmp_path_factory, target):
    """`chidao demo-corpus --docs 2000`, `chidao build`, `chidao export neo4j`: (workspace, question graph)."""
    base = tmp_path_factory.mktemp("generated")
    corpus, ws = base / "corpus", base / "ws"
    runner = CliRunner()
    for args in (["demo-corpus", str(corpus), "--docs", str(CORPUS_DOCS), "--seed", str(CORPUS_SEED)],
                 ["build", str(corpus), "-w", str(ws)]):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    env = {"NEO4J_URI": os.environ["NEO4J_URI"], "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
           "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}
    result = runner.invoke(cli, ["export", "neo4j", "-w", str(ws)], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "counts on the server match the graph" in result.output
    # the export names its workspace after the folder: the one id on the server
    [row] = run_query(target, "MATCH (n) UNWIND n.chidao_ws AS w RETURN collect(DISTINCT w) AS ids")
    [workspace_id] = row["ids"]
    try:
        yield ws, workspace_id, load_question_graph(ws)
    finally:
        drop_workspace(target, workspace_id)
        assert total_counts(target) == (0, 0)


def roots_of(graph, level: str, n: int) -> list[str]:
    """The ``n`` documents at ``level`` with the most documents implementing them (ties by uid)."""
    docs = [u for u, d in graph.nodes(data=True) if d.get("label") == "Document" and d.get("level") == level]
    fan_in = {u: sum(1 for _, _, t in graph.in_edges(u, data="type") if t == "IMPLEMENTS") for u in docs}
    return sorted(docs, key=lambda u: (-fan_in[u], u))[:n]


# (question, options) for every root; trace reaches every level below the root
CHAIN_CASES = [
    ("implements", {}), ("implements", {"depth": 1}), ("implements", {"level": "district"}),
    ("implements", {"level": "commune"}),
    ("basis", {}), ("basis", {"depth": 1}),
    ("timeline", {}), ("timeline", {"depth": 2}),
    ("gaps", {}), ("gaps", {"level": "province"}), ("gaps", {"level": "commune"}),
    ("trace", {"to": "province"}), ("trace", {"to": "district"}), ("trace", {"to": "commune"}),
    ("trace", {"to": "commune", "max_chains": 5}),
    ("show", {}),
]


def test_generated_corpus_was_exported_whole(target, generated):
    ws, workspace_id, _ = generated
    graph = load_graph(ws)
    assert graph.number_of_nodes() > CORPUS_DOCS  # documents, agencies, places
    assert server_counts(target, workspace_id) == graph_counts(graph)


@pytest.mark.parametrize("level", ["central", "province", "district", "commune"])
def test_generated_corpus_chain_questions_match(target, generated, level):
    ws, _, graph = generated
    roots = roots_of(graph, level, 4)
    assert roots, f"the generated corpus has no {level} document"
    compared = 0
    for uid in roots:
        for name, options in CHAIN_CASES:
            local = local_answer(graph, name, uid, workspace=ws, **options)
            remote = run_question(target, name, uid=uid, **options)
            assert remote == local, (name, options, uid)
            compared += len(local)
    assert compared > 0  # the roots have answers to compare, not only empty lists


def test_generated_corpus_basis_from_the_leaves(target, generated):
    _, _, graph = generated
    leaves = roots_of(graph, "commune", 200)[-6:] + roots_of(graph, "district", 200)[-6:]
    answered = 0
    for uid in leaves:
        local = QUESTIONS["basis"].run(graph, uid)
        assert run_question(target, "basis", uid=uid) == local, uid
        answered += bool(local)
    assert answered


@pytest.mark.parametrize("text", ["covid", "kế hoạch", "chuyển đổi số", "ủy ban nhân dân", "quyet dinh", "KH/UBND",
                                  "nothingmatchesthis"])
def test_generated_corpus_search_matches(target, generated, text):
    _, _, graph = generated
    assert run_question(target, "search", text=text, limit=50) == search.run(graph, text, limit=50)


def test_generated_corpus_stats_match(target, generated):
    ws, _, _ = generated
    local = load_stats(ws)  # what `chidao stats` prints: the counts the build stored
    assert local and run_question(target, "stats") == local
    assert local == QUESTIONS["stats"].run(load_graph(ws))


# ---------------------------------------------------------------- coverage (not on FalkorDB: tests/test_neo4j.py)

def test_coverage_matches_on_neo4j(target, sample_graph, ws):
    """coverage.cypher, which FalkorDB 4.16 cannot run, answers as the networkx face does on Neo4j: every
    document of the sample as the root (central ones give 63 rows, stubs among them), at every level."""
    ws_id = "coverage"
    docs = sorted(n for n, d in sample_graph.nodes(data=True) if d.get("label") == "Document")
    central = [u for u in docs if sample_graph.nodes[u].get("level") == "central"]
    assert central and any(sample_graph.nodes[u].get("stub") for u in central)
    try:
        export(sample_graph, target, workspace_id=ws_id)
        told = 0
        for uid in docs:
            for level in (None, "province", "district", "commune"):
                local = [{**r, "sentence": unicodedata.normalize("NFC", r["sentence"]) if r["sentence"] else None}
                         for r in QUESTIONS["coverage"].run(sample_graph, uid, level=level)]
                assert run_question(target, "coverage", uid=uid, level=level) == local, (uid, level)
                told += sum(bool(r["addressed"]) for r in local)
        assert told  # the comparison saw provinces that were told, not only empty rows
        # `chidao coverage --neo4j` prints what the local command prints (human, --json, --csv, --level)
        server = ["--uri", os.environ["NEO4J_URI"], "--user", os.environ.get("NEO4J_USER") or "neo4j",
                  "--password", os.environ.get("NEO4J_PASSWORD") or ""]
        for extra in ([], ["--level", "district"], ["--json"], ["--csv"]):
            args = ["coverage", "Kết luận 07-KL/TW", "-w", ws, *extra]
            local, remote = CliRunner().invoke(cli, args), CliRunner().invoke(cli, [*args, "--neo4j", *server])
            assert local.exit_code == 0 and remote.exit_code == 0, (local.output, remote.output)
            assert unicodedata.normalize("NFC", remote.stdout) == unicodedata.normalize("NFC", local.stdout), extra
            assert "Lai Châu" in local.stdout
    finally:
        drop_workspace(target, ws_id)
