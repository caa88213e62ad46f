"""The export rows (``graph/schema.py``) of a graph, from a networkx graph or straight from a workspace.

Every exporter writes the same rows: ``NodeRow`` for each node, ``RelationshipRow`` for each link, in
graph order. ``GraphRows(graph)`` makes them from a networkx graph in memory; ``WorkspaceRows(dir)``
streams them from the workspace's tables, one row decoded at a time, so an export of a national archive
does not load the evidence graph (at 100,000 documents: ~10 s and ~1.5 GB saved before a row is written).

Both give the same rows in the same order: ``load_graph`` adds the stored nodes and links in table order,
so graph order *is* table order (``ORDER BY rowid``). What a row needs beyond its own table row is small
and held in memory: each node's main label (for a link's two ends) and each Document's ISSUED_BY
agency name (for ``search_text``): ~150 bytes a node.

A rows source is re-iterable: ``nodes()`` and ``relationships()`` start again at each call (the CSV
export makes two passes: which columns occur, then the rows), and knows ``number_of_nodes()`` and
``number_of_edges()``. The live Neo4j export can take either source the same way.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from .schema import (REL_TYPES, NodeRow, RelationshipRow, edge_properties, iter_nodes, iter_relationships, labels_of,
                     properties_of)
from .workspace import DEFAULT_DIR, WorkspaceError, _connect_existing, _db_path

__all__ = ["GraphRows", "WorkspaceRows", "rows_of", "with_evidence"]


class GraphRows:
    """The rows of a networkx graph in memory (``schema.iter_nodes`` / ``iter_relationships``)."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def number_of_nodes(self) -> int:
        return self.graph.number_of_nodes()

    def number_of_edges(self) -> int:
        return self.graph.number_of_edges()

    def nodes(self) -> Iterator[NodeRow]:
        return iter_nodes(self.graph)

    def nodes_with_attrs(self) -> Iterator[tuple[NodeRow, dict]]:
        """Each row with the node's stored attributes (GraphML names a node from them)."""
        return zip(iter_nodes(self.graph), (attrs for _, attrs in self.graph.nodes(data=True)))

    def relationships(self) -> Iterator[RelationshipRow]:
        return iter_relationships(self.graph)

    def node_items(self) -> Iterator[tuple[str, dict]]:
        """(uid, stored attributes) in graph order."""
        return iter(self.graph.nodes(data=True))

    def edge_items(self) -> Iterator[tuple[str, str, int, dict]]:
        """(start, end, key, stored attributes) in graph order."""
        return iter(self.graph.edges(keys=True, data=True))


class WorkspaceRows:
    """The rows of a workspace's stored graph, streamed from its SQLite tables."""

    def __init__(self, workspace_dir: str | Path = DEFAULT_DIR):
        self.workspace_dir = workspace_dir
        self._db = _db_path(workspace_dir)
        _connect_existing(self._db).close()  # a missing or stale workspace fails here, in one line
        self._labels: dict[str, str] | None = None
        self._issuers: dict[str, str | None] | None = None

    def _query(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        con = _connect_existing(self._db)
        try:
            yield from con.execute(sql, params)
        except sqlite3.DatabaseError as e:
            raise WorkspaceError(f"workspace {self.workspace_dir} is unreadable ({e}): delete it and build again") \
                from None
        finally:
            con.close()

    def _count(self, table: str) -> int:
        return next(self._query(f"SELECT count(*) FROM {table}"))[0]

    def number_of_nodes(self) -> int:
        return self._count("nodes")

    def number_of_edges(self) -> int:
        return self._count("edges")

    def _index(self) -> tuple[dict[str, str], dict[str, str | None]]:
        """uid -> main label (every node), and Document uid -> its first ISSUED_BY agency's name."""
        if self._labels is None:
            intern = sys.intern
            labels: dict[str, str] = {}
            names: dict[str, str] = {}
            for uid, label, name in self._query("SELECT uid, json_extract(attrs, '$.label'), "
                                                "json_extract(attrs, '$.name') FROM nodes ORDER BY rowid"):
                labels[uid] = intern(label) if isinstance(label, str) else label
                if label == "Agency" and isinstance(name, str):
                    names[uid] = name
            issuers: dict[str, str | None] = {}
            # graph.out_edges order is table order (see the module's docstring): the first one wins
            for src, dst in self._query("SELECT src, dst FROM edges WHERE json_extract(attrs, '$.type') = "
                                        "'ISSUED_BY' ORDER BY rowid"):
                if src not in issuers and labels.get(dst) == "Agency" and labels.get(src) == "Document":
                    issuers[src] = names.get(dst)
            self._labels, self._issuers = labels, issuers
        assert self._issuers is not None  # set with _labels
        return self._labels, self._issuers

    def node_items(self) -> Iterator[tuple[str, dict]]:
        where = self.workspace_dir
        for uid, attrs in self._query("SELECT uid, attrs FROM nodes ORDER BY rowid"):
            yield uid, _stored(attrs, where)

    def edge_items(self) -> Iterator[tuple[str, str, int, dict]]:
        where = self.workspace_dir
        for u, v, k, attrs in self._query("SELECT src, dst, key, attrs FROM edges ORDER BY rowid"):
            yield u, v, k, _stored(attrs, where)

    def nodes(self) -> Iterator[NodeRow]:
        return (row for row, _ in self.nodes_with_attrs())

    def nodes_with_attrs(self) -> Iterator[tuple[NodeRow, dict]]:
        """Each row with the node's stored attributes (GraphML names a node from them)."""
        _, issuers = self._index()
        for uid, attrs in self.node_items():
            issuer = issuers.get(uid) if attrs.get("label") == "Document" else None
            yield NodeRow(uid, labels_of(uid, attrs), properties_of(uid, attrs, issuer)), attrs

    def relationships(self) -> Iterator[RelationshipRow]:
        labels, _ = self._index()
        for u, v, k, attrs in self.edge_items():
            rel_type = attrs.get("type")
            if rel_type not in REL_TYPES:
                raise ValueError(f"edge {u!r} -> {v!r} has type {rel_type!r}, not in REL_TYPES")
            yield RelationshipRow(u, _main_label(u, labels), rel_type, v, _main_label(v, labels), int(k),
                                  edge_properties(attrs))


def _main_label(uid: str, labels: dict[str, str]) -> str:
    return labels_of(uid, {"label": labels.get(uid)})[0]


def rows_of(source) -> GraphRows | WorkspaceRows:
    """A rows source for a networkx graph or a rows source (returned as it is)."""
    if isinstance(source, nx.Graph):
        return GraphRows(source)
    if isinstance(source, (GraphRows, WorkspaceRows)):
        return source
    raise TypeError(f"not a graph or a rows source: {type(source).__name__}")


def _stored(attrs: str, workspace_dir) -> dict:
    """A row's stored attributes; a row that is not JSON (a damaged file) is one line, not a crash."""
    try:
        return json.loads(attrs)
    except (TypeError, ValueError):
        raise WorkspaceError(f"workspace {workspace_dir} is damaged (a stored row is not JSON): "
                             "build again into a new folder") from None


def with_evidence(view: nx.MultiDiGraph, workspace_dir: str | Path = DEFAULT_DIR) -> nx.MultiDiGraph:
    """A copy of view (a subgraph of the question graph, whose links carry light attributes) whose links
    carry their full stored attributes (sentence, cue, path...), read by (start, end) from the workspace's
    indexed edges table: the page draws a few thousand links, so it reads those, not the evidence graph.
    Node and link order are kept."""
    db = _db_path(workspace_dir)
    con = _connect_existing(db)
    out = nx.MultiDiGraph(**view.graph)
    out.add_nodes_from(view.nodes(data=True))
    stored: dict[tuple[str, str], dict[int, dict]] = {}
    try:
        for u, v, k in view.edges(keys=True):
            pair = stored.get((u, v))
            if pair is None:
                # +dst: look up by src (a few rows), not by dst (an agency receives thousands of links)
                pair = stored[(u, v)] = {key: _stored(attrs, workspace_dir) for key, attrs in con.execute(
                    "SELECT key, attrs FROM edges WHERE src = ? AND +dst = ?", (u, v))}
            out.add_edge(u, v, key=k, **pair.get(k, view.edges[u, v, k]))
    except sqlite3.DatabaseError as e:
        raise WorkspaceError(f"workspace {workspace_dir} is unreadable ({e}): delete it and build again") from None
    finally:
        con.close()
    return out
