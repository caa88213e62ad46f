"""The build's join straight into the rows of the new workspace file, without the graph in memory.

``chidao build`` resolves its records with ``build.join`` into a ``RowSink``: each node's row goes
to the ``nodes`` table when the node is made, each link's row to a work table when the link is made,
and ``finish`` writes what the questions read (the question index, the lookup tables, the counts and
the issues) from those rows. In memory stay only what resolution reads back (a small tuple of facts
per node: ``Facts``), the changes a node's row still takes (a duplicate file's path, a citation left
unresolved) and the issues' state: a few hundred bytes a document, where the networkx graph with its
evidence took ~10 KB (docs/PERFORMANCE.md).

The workspace is the same, table for table, as the one written from ``build_graph``'s networkx
graph: ``nodes`` in the order the nodes were made (networkx's node order), ``edges`` in networkx's
edge order (for each node in order, its neighbours in the order of their first link, then each
link's key): each link row carries that order's key, and the rows are copied into ``edges`` sorted
on it. Work tables live in their own file beside the new workspace, deleted after the build.
"""

from __future__ import annotations

import functools
import json
import os
import pickle
import sqlite3
import sys
from collections import Counter
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from .build import date_fields
from .checks import Checker, Issue
from .index import SearchParts, symbol_index_of
from .qindex import IndexWriter
from .records import row_json
from .stats import Counts

__all__ = ["RowSink", "QUESTION_LABELS", "QUESTION_LINKS_DROP", "EDGE_KEEP", "NODE_DROP"]

# What the questions read (workspace.question_graph and the question index): documents, agencies,
# articles and the links between them, with light attributes. Evidence stays in the edges table.
QUESTION_LABELS = frozenset({"Document", "Agency", "Source"})
QUESTION_LINKS_DROP = frozenset({"LOCATED_IN", "SIGNED_BY"})
EDGE_KEEP = ("type", "cue", "via_uid", "expanded_from", "as_written")
NODE_DROP = frozenset({"warnings", "sha256", "addressed_to_unresolved", "copied_to_unresolved"})

_BATCH = 5000  # rows per executemany


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


# What a node keeps in memory while the build runs: what join reads back (label, stub, date, year,
# province, issuer_uid), what check names a document by (symbol, district, level, doc_type,
# issuer_as_written), an article's path, an agency's name and place; and its place in the node order
# (seq) and in the question graph's (qid, None when the questions do not read it).
_FACT_FIELDS = ("seq", "qid", "label", "stub", "date", "year", "province", "issuer_uid", "symbol", "district",
                "level", "doc_type", "issuer_as_written", "path", "name", "place_uid")
_FACT_INDEX = {name: i for i, name in enumerate(_FACT_FIELDS)}
_DERIVED = frozenset({"day_number", "date_precision"})  # check's date comparison: from the date


class Facts(tuple):
    """A node's facts (``_FACT_FIELDS``) as a tuple, read like its attributes (``facts.get("date")``)."""

    __slots__ = ()

    def get(self, name: str, default=None):
        i = _FACT_INDEX.get(name)
        if i is not None:
            value = self[i]
            return default if value is None else value
        if name in _DERIVED:
            return _date_fields(self[4]).get(name, default)
        return default


@functools.lru_cache(maxsize=4096)
def _date_fields(date: str | None) -> dict:
    return date_fields(date)


def _facts(seq: int, qid: int | None, attrs: Mapping) -> Facts:
    label = attrs.get("label")
    intern = sys.intern

    def get(name: str):  # what a corpus repeats (dates, places, types, issuers) is held once
        value = attrs.get(name)
        return intern(value) if type(value) is str else value

    if label == "Document":
        return Facts((seq, qid, intern(label), get("stub"), get("date"), get("year"), get("province"),
                      get("issuer_uid"), attrs.get("symbol"), get("district"), get("level"), get("doc_type"),
                      get("issuer_as_written"), None, None, None))
    if label == "Source":
        return Facts((seq, qid, intern(label), None, None, None, None, None, None, None, None, None, None,
                      get("path"), None, None))
    if label == "Agency":
        return Facts((seq, qid, intern(label), None, None, None, get("province"), None, None, get("district"),
                      get("level"), None, None, None, get("name"), get("place_uid")))
    return Facts((seq, qid, label, None, None, None, None, None, None, None, None, None, None, None, None, None))


class RowSink:
    """A ``build.GraphSink`` writing rows into the new workspace file ``con`` (see the module docstring).

    ``work`` is the path of the work file (attached as ``work``), removed by ``close``. ``lock`` is
    held around each SQLite call the sink makes while it takes records (``loaders.batch.fork_lock``
    when it joins beside the parse workers: see ``fork_lock``); ``finish`` runs after them, without it."""

    def __init__(self, con: sqlite3.Connection, work: Path, lock: AbstractContextManager = nullcontext()):
        self.con = con
        self.work = work
        self.lock = lock
        if work.exists():
            work.unlink()
        with lock:
            con.commit()  # no ATTACH inside a transaction
            con.execute("ATTACH DATABASE ? AS work", (str(work),))
            con.executescript("PRAGMA work.journal_mode = OFF; PRAGMA work.synchronous = OFF;"
                              "CREATE TABLE work.edge_rows (node INTEGER, pair INTEGER, key INTEGER, src TEXT, "
                              "dst TEXT, attrs TEXT); "
                              "CREATE TABLE work.qlink_rows (node INTEGER, pair INTEGER, key INTEGER, src INTEGER, "
                              "dst INTEGER, type TEXT, attrs BLOB);")
        self.facts: dict[str, Facts] = {}
        # uid -> {name: (True, values to append) | (False, new value)}: what a node's row still takes
        self.changes: dict[str, dict[str, tuple[bool, object]]] = {}
        self.checker = Checker(self._lookup)
        self.link_types: Counter = Counter()
        self._nodes: list[tuple] = []
        self._edges: list[tuple] = []
        self._qlinks: list[tuple] = []
        self._qlink_blobs: dict[tuple, bytes] = {}
        self._edge_issues: list[tuple[tuple[int, int, int], Issue]] = []
        self._pairs: dict[tuple[str, str], list[int]] = {}  # (u, v) -> [links so far, seq of the first]: this record
        self._shared_pairs: dict[tuple[str, str], list[int]] = {}  # the same for nodes ``share``d
        self._shared: set[str] = set()
        self._edge_seq = 0
        self._qids = 0

    def _lookup(self, uid: str) -> Facts | None:
        return self.facts.get(uid)

    # -- build.GraphSink ----------------------------------------------------------------
    def has(self, uid: str) -> bool:
        return uid in self.facts

    def get(self, uid: str, name: str):
        return self.facts[uid].get(name)

    def add_node(self, uid: str, attrs: dict) -> None:
        old = self.facts.get(uid)
        if old is not None:  # new values for a node already written (an article read twice)
            self.changes.setdefault(uid, {}).update((name, (False, value)) for name, value in attrs.items())
            self.facts[uid] = _facts(old[0], old[1], {**dict(zip(_FACT_FIELDS, old)), **attrs})
            return
        label = attrs.get("label")
        qid = None
        if label in QUESTION_LABELS:
            qid, self._qids = self._qids, self._qids + 1
        uid = sys.intern(uid)
        self.facts[uid] = _facts(len(self.facts), qid, attrs)
        self._nodes.append((uid, row_json(attrs)))
        if len(self._nodes) >= _BATCH:
            self._flush_nodes()

    def add_edge(self, u: str, v: str, attrs: dict) -> None:
        pairs = self._shared_pairs if u in self._shared else self._pairs
        seq = self._edge_seq
        self._edge_seq += 1
        pair = pairs.get((u, v))
        if pair is None:
            pair = pairs[(u, v)] = [0, seq]
        key = pair[0]
        pair[0] += 1
        fu, fv = self.facts[u], self.facts[v]
        order = (fu[0], pair[1], key)
        self._edges.append((*order, u, v, row_json(attrs)))
        link = attrs.get("type")
        self.link_types[link] += 1
        if link not in QUESTION_LINKS_DROP and fu[1] is not None and fv[1] is not None:
            items = tuple((f, attrs[f]) for f in EDGE_KEEP if attrs.get(f) is not None)
            blob = self._qlink_blobs.get(items)
            if blob is None:
                blob = self._qlink_blobs[items] = _dumps(dict(items))
            self._qlinks.append((*order, fu[1], fv[1], link, blob))
        before = len(self.checker.issues)
        self.checker.link(u, v, attrs)
        if len(self.checker.issues) > before:  # put back in edge order at the end
            self._edge_issues.extend((order, issue) for issue in self.checker.issues[before:])
            del self.checker.issues[before:]
        if len(self._edges) >= _BATCH:
            self._flush_edges()

    def append(self, uid: str, name: str, value) -> None:
        change = self.changes.setdefault(uid, {})
        if name not in change:
            change[name] = (True, [])
        change[name][1].append(value)  # type: ignore[attr-defined]

    def boundary(self) -> None:
        self._pairs.clear()

    def share(self, uid: str) -> None:
        self._shared.add(uid)

    # -- writing -------------------------------------------------------------------------
    def _flush_nodes(self) -> None:
        with self.lock:
            self.con.executemany("INSERT INTO nodes VALUES (?, ?)", self._nodes)
        self._nodes.clear()

    def _flush_edges(self) -> None:
        with self.lock:
            self.con.executemany("INSERT INTO work.edge_rows VALUES (?, ?, ?, ?, ?, ?)", self._edges)
            self.con.executemany("INSERT INTO work.qlink_rows VALUES (?, ?, ?, ?, ?, ?, ?)", self._qlinks)
        self._edges.clear()
        self._qlinks.clear()

    def finish(self) -> tuple[list[Issue], list[dict], dict[str, object]]:
        """Write everything left: the changed node rows, ``edges`` and the question index in order,
        and return (the issues, the stats rows, the lookup tables by ``graph_cache`` name)."""
        con = self.con
        self._flush_nodes()
        self._flush_edges()
        self._pairs.clear()
        self._shared_pairs.clear()
        self._qlink_blobs.clear()
        loads = json.loads
        for uid, change in self.changes.items():
            (row,) = con.execute("SELECT attrs FROM nodes WHERE uid = ?", (uid,)).fetchone()
            attrs = loads(row)
            for name, (appended, value) in change.items():
                if appended:
                    attrs.setdefault(name, []).extend(value)
                else:
                    attrs[name] = value
            con.execute("UPDATE nodes SET attrs = ? WHERE uid = ?", (row_json(attrs), uid))
        self.changes.clear()
        con.executescript("CREATE INDEX work.edges_order ON edge_rows (node, pair, key);"
                          "CREATE INDEX work.qlinks_order ON qlink_rows (node, pair, key);")
        con.execute("INSERT INTO main.edges SELECT src, dst, key, attrs FROM work.edge_rows ORDER BY node, pair, key")
        con.execute("DELETE FROM work.edge_rows")
        index = IndexWriter(con)
        # The nodes once more, whole and final, in order: their issues, counts, index rows and tables.
        counts = Counts()
        counts.link_types(self.link_types)
        parts = SearchParts({uid: f[14] for uid, f in self.facts.items() if f[2] == "Agency"})
        symbols: list[tuple[str, str | None]] = []
        checker = self.checker
        batch: list[dict] = []
        intern = sys.intern
        for uid, row in con.execute("SELECT uid, attrs FROM nodes ORDER BY rowid"):
            attrs = loads(row)
            checker.node(uid, attrs)
            batch.append(attrs)
            if len(batch) >= _BATCH:
                counts.nodes(batch)
                batch.clear()
            label = attrs.get("label")
            if label == "Document":
                parts.add(uid, attrs)
                symbols.append((uid, attrs.get("symbol")))
            if label in QUESTION_LABELS:
                facts = self.facts[uid]
                issuer = self.facts.get(attrs.get("issuer_uid") or "")
                index.node(facts[1], uid, issuer[1] if issuer is not None else None,
                           {k: intern(v) if isinstance(v, str) else v for k, v in attrs.items() if k not in NODE_DROP})
        counts.nodes(batch)
        index.links((n, *row) for n, row in enumerate(con.execute(  # after the nodes: see IndexWriter
            "SELECT src, dst, key, type, attrs FROM work.qlink_rows ORDER BY node, pair, key")))
        texts = parts.texts()
        every = self.facts
        index.search(texts, lambda uid: every[uid][1])
        index.finish()
        self._edge_issues.sort(key=lambda pair: pair[0])
        issues = [issue for _, issue in self._edge_issues] + checker.issues
        self._edge_issues.clear()
        tables = {"refs.symbols": symbol_index_of(symbols), "search": texts}
        return issues, counts.rows(), tables

    def close(self) -> None:
        try:
            self.con.commit()
            self.con.execute("DETACH DATABASE work")
        except sqlite3.Error:
            pass
        for path in (self.work, Path(f"{self.work}-journal")):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
