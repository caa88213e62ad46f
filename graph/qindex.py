"""The question index: the question graph as indexed SQLite tables in the workspace, so that a
question asked in a new process reads only the nodes and links it touches.

Written by ``chidao build`` into the same temporary database as the rest of the workspace (so the
atomic swap of graph/workspace.py puts it in place with everything else), from the question graph
(``workspace.question_graph``) and its search texts (``index.SearchTexts``):

* ``qnodes(id, uid, issuer, attrs)``: one row per node of the question graph; ``id`` is its place in
  the graph's node order, ``issuer`` the id of its ``issuer_uid`` node, ``attrs`` its attribute
  dict (pickled: the values come back with their exact types);
* ``qlinks(id, src, dst, key, type, attrs)``: one row per link, ``id`` its place in the graph's
  edge order, indexed on (dst, type) and (src, type): a walk down or up reads one index range per
  document;
* ``qkeys(kind, key, node)``: the keys a reference is looked up by (``sym``: the symbol key,
  ``num``: the number, ``path``: a path as read and normalised, ``uid``), indexed on (kind, key);
* ``qsearch``: an FTS5 table of every document's three search parts (symbol, issuer, type and
  subject, already in search form) with its order (stub, undated, date, uid); left out when
  Python's sqlite3 has no FTS5 (``search`` then loads the question graph).

``QuestionIndex(db)`` reads it: ``walk`` (the ids reached through some link types, down or up,
within a depth), ``keyed`` (ids by key), ``search`` (the first ids of a search, in the search
question's order) and ``subgraph`` (a small MultiDiGraph of some nodes, every link leaving them,
the nodes at the other ends and the issuers of all of these, added in the question graph's own
node and edge order, so that a question's networkx face walks it as it walks the whole graph).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from ..loaders.normalize import symbol_key
from .cache import without_cyclic_gc
from .identity import congress_base_of_uid

__all__ = ["INDEX_VERSION", "IndexWriter", "load_graph_pieces", "GRAPH_PIECE", "QuestionIndex", "has_fts5"]

INDEX_VERSION = "2"  # 2: qsearch rows stored in rank order (search reads each rank in rowid order)
GRAPH_PIECE = "qgraph:"  # blobs holding the question graph in pieces, in order: qgraph:000000:nodes, ..., qgraph:000003:links
_PIECE_NODES, _PIECE_LINKS = 20_000, 50_000
_CHUNK = 900  # ids per IN (...) list: under SQLite's oldest limit of 999 parameters

_SCHEMA = """
CREATE TABLE qnodes (id INTEGER PRIMARY KEY, uid TEXT NOT NULL, issuer INTEGER, attrs BLOB NOT NULL);
CREATE TABLE qlinks (id INTEGER PRIMARY KEY, src INTEGER NOT NULL, dst INTEGER NOT NULL, key INTEGER NOT NULL,
                     type TEXT, attrs BLOB NOT NULL);
CREATE TABLE qkeys (kind TEXT NOT NULL, key TEXT NOT NULL, node INTEGER NOT NULL);
"""
_INDEXES = """
CREATE UNIQUE INDEX qnodes_uid ON qnodes (uid);
CREATE INDEX qlinks_dst ON qlinks (dst, type);
CREATE INDEX qlinks_src ON qlinks (src, type);
CREATE INDEX qkeys_key ON qkeys (kind, key);
"""
_FTS = ("CREATE VIRTUAL TABLE qsearch USING fts5(symbol, issuer, subject, node UNINDEXED, stub UNINDEXED, "
        "undated UNINDEXED, date UNINDEXED, uid UNINDEXED, detail=column)")


def has_fts5(con: sqlite3.Connection) -> bool:
    """Whether this SQLite has the FTS5 extension (Python's sqlite3 usually does)."""
    try:
        con.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        con.execute("DROP TABLE temp.fts5_probe")
        return True
    except sqlite3.OperationalError:
        return False


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _ref_keys(d: dict) -> Iterable[tuple[str, str]]:
    """(kind, key) of a Document node: what ``queries.refs.resolve_ref`` looks it up by."""
    symbol = d.get("symbol")
    if symbol:
        yield "sym", symbol_key(symbol)
    number = d.get("number")
    if number and str(number).isdigit():
        yield "num", str(int(number))
    for path in (d.get("path"), *(d.get("duplicate_paths") or ())):
        if path:
            yield "path", path
            yield "path", os.path.normpath(path)
    congress = congress_base_of_uid(d.get("uid") or "")
    if congress is not None:
        yield "congress", congress


class IndexWriter:
    """Writes the question index into ``con`` as a build makes it (graph/rowstore.py): the tables
    first (``IndexWriter(con)``), then ``node`` for every question node in order, ``links`` (rows
    already in the question graph's edge order), ``search`` with the ``index.SearchTexts``, and
    ``finish``. Part of the build's transaction: nothing is committed here."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        con.executescript(_SCHEMA)
        self._nodes: list[tuple] = []
        self._keys: list[tuple] = []
        self._chunk: list = []  # the graph's nodes (uid, attrs), then links (src, dst, key, attrs), in pieces
        self._chunks = 0

    def _piece(self, kind: str, item, size: int) -> None:
        self._chunk.append(item)
        if len(self._chunk) >= size:
            self._end_piece(kind)

    def _end_piece(self, kind: str) -> None:
        if self._chunk:
            self.con.execute("INSERT INTO blobs VALUES (?, ?)", (f"{GRAPH_PIECE}{self._chunks:06d}:{kind}",
                                                                 _dumps(self._chunk)))
            self._chunks += 1
            self._chunk = []

    def node(self, qid: int, uid: str, issuer: int | None, attrs: dict) -> None:
        """One node of the question graph: its id, uid, the id of its issuer, its question attributes."""
        self._piece("nodes", (uid, attrs), _PIECE_NODES)
        self._nodes.append((qid, uid, issuer, _dumps(attrs)))
        if attrs.get("label") == "Document":
            self._keys.extend((kind, key, qid) for kind, key in dict.fromkeys(_ref_keys(attrs)))
        if len(self._nodes) >= 5000:
            self._flush()

    def _flush(self) -> None:
        self.con.executemany("INSERT INTO qnodes VALUES (?, ?, ?, ?)", self._nodes)
        self.con.executemany("INSERT INTO qkeys VALUES (?, ?, ?)", self._keys)
        self._nodes.clear()
        self._keys.clear()

    def links(self, rows: Iterable[tuple]) -> None:
        """(id, src id, dst id, key, type, pickled attributes) rows, in the question graph's edge order
        (after every node)."""
        self._end_piece("nodes")
        shared: dict[bytes, dict] = {}  # equal link attributes: one dict (pickled once a piece)

        def each():
            for row in rows:
                data = shared.get(row[5])
                if data is None:
                    data = shared[row[5]] = pickle.loads(row[5])
                self._piece("links", (row[1], row[2], row[3], data), _PIECE_LINKS)
                yield row
        self.con.executemany("INSERT INTO qlinks VALUES (?, ?, ?, ?, ?, ?)", each())
        self._end_piece("links")

    def search(self, texts, ids: dict[str, int] | Callable[[str], int]) -> None:
        self._flush()
        if not has_fts5(self.con):
            return
        id_of = ids.__getitem__ if isinstance(ids, dict) else ids
        self.con.execute(_FTS)
        # Rows in the order the search question ranks documents within a rank (stub, undated, date, uid):
        # a search then reads each rank in rowid order and stops at its limit, however many documents
        # hold the words (at 1M documents "kế hoạch" holds most of them).
        order = texts.order

        def rows(ranked: list[int]):  # the ranking is let go with the rows
            for n in ranked:
                stub, undated, date, uid = order[n]
                yield texts.symbol[n], texts.issuer[n], texts.subject[n], id_of(uid), int(stub), int(undated), date, uid

        self.con.executemany("INSERT INTO qsearch VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             rows(sorted(range(len(order)), key=order.__getitem__)))
        self.con.execute("INSERT INTO qsearch(qsearch) VALUES ('optimize')")

    def finish(self) -> None:
        self._flush()
        self.con.executescript(_INDEXES)
        self.con.execute("INSERT INTO meta VALUES ('qindex', ?)", (INDEX_VERSION,))


def load_graph_pieces(con: sqlite3.Connection) -> nx.MultiDiGraph | None:
    """The whole question graph from the pieces ``IndexWriter`` stored in ``blobs`` (None when there
    are none): the graph ``workspace.question_graph`` makes, node for node and link for link, in the
    same order, each piece one ``pickle.loads``."""
    names = [name for (name,) in con.execute("SELECT name FROM blobs WHERE name LIKE ? ORDER BY name",
                                             (f"{GRAPH_PIECE}%",))]
    if not names:
        return None
    g = nx.MultiDiGraph()
    uid: list[str] = []
    succ, pred, node = g._succ, g._pred, g._node
    with without_cyclic_gc():
        for name in names:
            (data,) = con.execute("SELECT data FROM blobs WHERE name = ?", (name,)).fetchone()
            piece = pickle.loads(data)
            if name.endswith(":nodes"):
                for u, attrs in piece:  # what add_nodes_from does, without its checks
                    uid.append(u)
                    node[u], succ[u], pred[u] = attrs, {}, {}
                continue
            for s, d, k, attrs in piece:
                u, v = uid[s], uid[d]
                links = succ[u].get(v)
                if links is None:
                    links = succ[u][v] = pred[v][u] = {}  # one key dict, seen from both ends
                links[k] = attrs
    return g


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


class QuestionIndex:
    """A read-only view of a workspace's question index (see the module docstring).

    ``QuestionIndex.open(db)`` is None when the workspace has no index (written before it existed).
    """

    def __init__(self, con: sqlite3.Connection, db: Path):
        self.con = con
        self.db = db
        self.evidence: Callable[..., dict | None] | None = None  # the lookup of a link's stored evidence (workspace.evidence_reader), set by its opener
        self.fts = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'qsearch'").fetchone() is not None

    @classmethod
    def open(cls, con: sqlite3.Connection, db: Path) -> QuestionIndex | None:
        row = con.execute("SELECT value FROM meta WHERE key = 'qindex'").fetchone()
        if row is None or row[0] != INDEX_VERSION:
            return None
        return cls(con, db)

    def close(self) -> None:
        self.con.close()

    # -- ids -------------------------------------------------------------------------

    def ids(self, uids: Iterable[str]) -> set[int]:
        """The ids of these uids (those that are nodes)."""
        out: set[int] = set()
        wanted = list(dict.fromkeys(uids))
        for i in range(0, len(wanted), _CHUNK):
            part = wanted[i:i + _CHUNK]
            out.update(r[0] for r in self.con.execute(
                f"SELECT id FROM qnodes WHERE uid IN ({','.join('?' * len(part))})", part))
        return out

    def keyed(self, kind: str, keys: Iterable[str]) -> set[int]:
        """The ids of the documents with one of these keys of ``kind`` (sym, num, path)."""
        out: set[int] = set()
        wanted = list(dict.fromkeys(keys))
        for i in range(0, len(wanted), _CHUNK):
            part = wanted[i:i + _CHUNK]
            out.update(r[0] for r in self.con.execute(
                f"SELECT node FROM qkeys WHERE kind = ? AND key IN ({','.join('?' * len(part))})", (kind, *part)))
        return out

    def walk(self, start: Iterable[int], *, direction: str, types: tuple[str, ...], depth: int) -> set[int]:
        """Every id reached from ``start`` within ``depth`` hops over links of ``types``: ``"down"``
        from a link's target to its source (what acts on a document), ``"up"`` from source to target.
        The start is in the result."""
        near, far = ("dst", "src") if direction == "down" else ("src", "dst")
        type_marks = ",".join("?" * len(types))
        seen = set(start)
        frontier = list(seen)
        for _ in range(depth):
            found: set[int] = set()
            for part in _chunks(frontier):
                found.update(r[0] for r in self.con.execute(
                    f"SELECT {far} FROM qlinks WHERE {near} IN ({','.join('?' * len(part))}) "
                    f"AND type IN ({type_marks})", (*part, *types)))
            frontier = sorted(found - seen)
            if not frontier:
                break
            seen.update(frontier)
        return seen

    def search(self, words: list[str], limit: int) -> list[int] | None:
        """The ids of the first ``limit`` documents holding every word (search form), in the search
        question's order: all words in the symbol, else in the issuer, else anywhere; then read
        before stub, dated before undated, by date, by uid. None without FTS5."""
        if not self.fts:
            return None
        if not words or limit <= 0:
            return []
        quoted = [f'"{w}"' for w in words]  # words are [a-z0-9]+ (search form): never an FTS5 operator
        in_symbol = "(" + " AND ".join(f"symbol : {w}" for w in quoted) + ")"
        in_issuer = "(" + " AND ".join(f"issuer : {w}" for w in quoted) + ")"
        every = "(" + " AND ".join(quoted) + ")"
        # One rank after the other, each without the ranks before it; the rows are stored in the order
        # within a rank (IndexWriter.search), so each query stops at the limit instead of sorting every match.
        ranks = (in_symbol, f"{in_issuer} NOT {in_symbol}", f"{every} NOT ({in_symbol} OR {in_issuer})")
        found: list[int] = []
        for rank in ranks:
            found += (r[0] for r in self.con.execute(
                "SELECT node FROM qsearch WHERE qsearch MATCH ? ORDER BY rowid LIMIT ?", (rank, limit - len(found))))
            if len(found) >= limit:
                break
        return found

    # -- the small graph ------------------------------------------------------------

    def subgraph(self, core: Iterable[int], *, links_out: bool = True) -> nx.MultiDiGraph:
        """The nodes ``core``, every link leaving them, the nodes at their other ends and the
        issuers of all of these, as a MultiDiGraph in the question graph's order (``links_out``
        False: only the nodes and their issuers). ``graph.graph["evidence"]`` reads a link's
        evidence from the workspace, as on the loaded question graph."""
        core_ids = sorted(set(core))
        links: list[tuple] = []
        for part in _chunks(core_ids if links_out else []):
            links += self.con.execute(f"SELECT id, src, dst, key, attrs FROM qlinks WHERE src IN "
                                      f"({','.join('?' * len(part))})", part).fetchall()
        links.sort()
        wanted = set(core_ids) | {r[2] for r in links}
        rows: dict[int, tuple] = {}
        while wanted:  # the nodes, then the issuers of those not yet read
            ids = sorted(wanted)
            for part in _chunks(ids):
                for row in self.con.execute(f"SELECT id, uid, issuer, attrs FROM qnodes WHERE id IN "
                                            f"({','.join('?' * len(part))})", part):
                    rows[row[0]] = row
            wanted = {r[2] for r in rows.values() if r[2] is not None and r[2] not in rows}
        g = nx.MultiDiGraph()
        loads = pickle.loads
        with without_cyclic_gc():
            g.add_nodes_from((rows[i][1], loads(rows[i][3])) for i in sorted(rows))
            uid = {i: r[1] for i, r in rows.items()}
            g.add_edges_from((uid[s], uid[d], k, loads(a)) for _, s, d, k, a in links)
        g.graph["evidence"] = self.evidence
        return g
