"""What a question touches: the small graph its networkx face runs on, read from the workspace's
question index (graph/qindex.py) instead of the whole question graph.

``resolve(workspace, text)`` finds the document a reference names: the documents that could
match (by uid, path, symbol key, number) are read with their issuers into a small graph, and
``refs.resolve_ref`` runs on it unchanged; every document with the key it looks up is there,
so the answer, or the list of candidates of an ambiguous one, is the one the whole graph gives.
A reference that matches nothing is resolved again on the whole question graph, so that its
suggestions (the closest symbols of the whole archive) are the same as before.

``graph_for(workspace, question, uid)`` is the graph the question reads (``registry.READS``):
for ``down`` the documents within ``implements.MAX_DEPTH`` chain links below ``uid`` (``up``:
above), every link leaving them, the nodes at their other ends and their issuers. Every link a
walk down from ``uid`` follows has both ends in that set (a document at fewer than MAX_DEPTH
hops has all its citing documents in it), so ``walk``, ``trace``'s chains, the addressees and
the issuers are those of the whole graph. ``search_graph`` is the first ``limit`` documents of a
search and their issuers, found by the FTS5 index.

A workspace without the index (written before it existed) is answered from the question graph.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..graph.workspace import load_neighbourhood, load_question_graph, open_question_index, reads_workspace
from ..loaders.normalize import normalize
from .base import DOWNSTREAM_LINKS
from .implements import MAX_DEPTH
from .refs import UnknownRef, parse_ref, resolve_ref
from .registry import reads
from .search import query_words

__all__ = ["resolve", "graph_for", "search_graph", "answer_graph", "with_context"]


def _path_keys(text: str) -> list[str]:
    """The forms ``refs._by_path`` looks a path up by."""
    expanded = os.path.expanduser(text)
    return [text, os.path.normpath(expanded), os.path.abspath(expanded), os.path.realpath(expanded)]


def _candidates(index, text: str) -> set[int]:
    """Ids of every document ``resolve_ref`` could pick for ``text`` (and some more)."""
    text = (text or "").strip()
    found = index.ids([text, normalize(text).text]) if text else set()
    if text.startswith(("doc:", "ref:")):
        return found
    found |= index.keyed("path", _path_keys(text))
    ref = parse_ref(text)
    if ref.key is not None:
        found |= index.keyed("sym", [ref.key])
    elif ref.congress is not None:
        found |= index.keyed("congress", [ref.congress])
    elif ref.number is not None:
        found |= index.keyed("num", [str(ref.number)])
    return found


@reads_workspace
def resolve(workspace: str | Path, text: str) -> str:
    """The uid of the one document ``text`` names (``refs.resolve_ref``'s answer and errors)."""
    index = open_question_index(workspace)
    if index is None:
        return resolve_ref(load_question_graph(workspace), text)
    try:
        small = index.subgraph(_candidates(index, text), links_out=False)
    finally:
        index.close()
    try:
        return resolve_ref(small, text)
    except UnknownRef:  # the suggestions come from the whole archive
        return resolve_ref(load_question_graph(workspace), text)


@reads_workspace
def graph_for(workspace: str | Path, question, uid: str):
    """The graph ``question`` reads to answer about ``uid`` (see the module docstring)."""
    what = reads(question)
    if what == "neighbourhood":
        return load_neighbourhood(workspace, uid)
    index = open_question_index(workspace) if what in ("down", "up") else None
    if index is None:
        return load_question_graph(workspace)
    try:
        start = index.ids([uid])
        if not start:
            return load_question_graph(workspace)  # the question says how it is missing
        reached = index.walk(start, direction=what, types=DOWNSTREAM_LINKS, depth=MAX_DEPTH)
        return index.subgraph(reached)
    finally:
        index.close()


@reads_workspace
def search_graph(workspace: str | Path, text: str, limit: int = 50):
    """The documents of the first ``limit`` rows of a search for ``text``, with their issuers."""
    index = open_question_index(workspace)
    if index is None:
        return load_question_graph(workspace)
    try:
        hits = index.search(query_words(text), int(limit))
        if hits is None:  # no FTS5 in this SQLite
            return load_question_graph(workspace)
        return index.subgraph(hits, links_out=False)
    finally:
        index.close()


def answer_graph(workspace: str | Path, question, subject: str | None, options: dict):
    """(graph, uid) a question asked about ``subject`` runs on: uid None for a text or no subject."""
    if question.subject == "ref":
        uid = resolve(workspace, subject or "")
        return graph_for(workspace, question, uid), uid
    if question.subject == "text" and reads(question) == "search":
        return search_graph(workspace, subject or "", options.get("limit", 50)), None
    return load_question_graph(workspace), None


def with_context(question, rows: list[dict], workspace: str | Path, graph=None, uid: str | None = None
                 ) -> tuple[list[dict], list[str]]:
    """``rows`` with the question's context columns (the evidence, every parent...) and the columns to show,
    read for these rows only from ``graph`` (the answer's) or, for an answer from the Cypher face (no graph),
    from the workspace when there is one; empty context cells when neither holds ``uid``."""
    columns = list(question.columns)
    if question.context is None:
        return rows, columns
    if graph is None and uid and (Path(workspace) / "workspace.db").exists():
        graph = graph_for(workspace, question, uid)
    if graph is not None and uid in graph:
        extra = question.context(graph, uid, rows)
    else:
        extra = [dict.fromkeys(question.context_columns) for _ in rows]
    columns += [c for c in question.context_columns if c not in columns]
    return [{**r, **{c: x.get(c) for c in question.context_columns}} for r, x in zip(rows, extra)], columns
