"""implements: everything downstream of a document, level by level.

A document is downstream of the root when it reaches the root through incoming
``DOWNSTREAM_LINKS`` edges (IMPLEMENTS, BASED_ON, RESPONDS_TO and their
FOLLOWS_UP), walked transitively: citing document -> cited document, so the
walk follows edges backwards from the root.

Each row is one downstream document (the root itself is not a row):

* ``depth``: hops from the root along a shortest path;
* ``parent_uid`` / ``link``: the document it acts on along a shortest path and
  that edge's type, for a tree view. When several documents at ``depth - 1``
  qualify, the one nearest in the hierarchy wins (the lowest level, then the
  latest date, then the link order IMPLEMENTS, BASED_ON, RESPONDS_TO,
  FOLLOWS_UP, then the uid): a UBND huyện plan based on both the provincial
  plan and its Huyện ủy's plan hangs under the Huyện ủy's plan;
* ``lag_days``: ``day_number(doc) - day_number(root)``, None when either date
  is unknown (a month-precision date counts from day 1 of the month).

Rows are ordered by level (central, province, district, commune, unknown),
then date (undated last), then symbol, then uid.
"""

from __future__ import annotations

from collections import deque

from .base import (DOWNSTREAM_LINKS, EVIDENCE_COLUMNS, LEVEL_ORDER, LEVELS, Option, Question, doc_ref,
                   document_row, evidence, load_cypher)

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "tree", "walk", "lag", "row_order", "context",
           "CONTEXT_COLUMNS", "parents"]

NAME = "implements"
COLUMNS = ("uid", "symbol", "doc_type", "issuer", "date", "level", "province", "district", "system", "stub",
           "depth", "parent_uid", "link", "lag_days")
CYPHER = load_cypher(NAME)
# Beside the rows, for --json and --csv (``context``): every document a row acts on, and the evidence.
CONTEXT_COLUMNS = ("parents", "ref", *EVIDENCE_COLUMNS)

LINK_RANK = {t: i for i, t in enumerate(DOWNSTREAM_LINKS)}
MAX_DEPTH = 10  # the Cypher face's literal bound (*1..10)


def lag(graph, later: str, earlier: str) -> int | None:
    """Days from ``earlier`` to ``later`` (day_number difference), None when either is undated."""
    a = graph.nodes[later].get("day_number")
    b = graph.nodes[earlier].get("day_number")
    if a is None or b is None:
        return None
    return int(a) - int(b)


def _is_document(graph, uid: str) -> bool:
    return graph.nodes[uid].get("label") == "Document"


def _neighbours(graph, uid: str, direction: str, links):
    """(other document, link type) over ``links``; ``direction`` "down" walks incoming edges."""
    edges = graph.in_edges(uid, data="type") if direction == "down" else graph.out_edges(uid, data="type")
    for u, v, t in edges:
        if t in links:
            other = u if direction == "down" else v
            if _is_document(graph, other):
                yield other, t


def _parent_key(graph, parent: str, link: str):
    d = graph.nodes[parent]
    day = d.get("day_number")
    # nearest in the hierarchy first: the lowest level, the latest date, the strongest link
    return (-LEVEL_ORDER.get(d.get("level"), 4), -(day if day is not None else -(1 << 40)),
            LINK_RANK.get(link, 99), parent)


def walk(graph, uid: str, *, depth: int = MAX_DEPTH, direction: str = "down",
         links=DOWNSTREAM_LINKS) -> dict[str, tuple[int, str | None, str | None]]:
    """Breadth-first walk from ``uid``: {document uid: (hops, via uid, link type)}.

    ``direction="down"`` follows incoming edges (documents acting on ``uid``),
    ``"up"`` outgoing ones (documents ``uid`` acts on). ``via`` is the
    neighbour one hop nearer to ``uid`` on a shortest path, chosen by
    ``_parent_key`` among all such neighbours. The start is not in the result.
    """
    if uid not in graph:
        raise KeyError(uid)
    depth = max(0, min(int(depth), MAX_DEPTH))
    seen = {uid: 0}
    best: dict[str, tuple] = {}
    frontier = deque([uid])
    while frontier:
        cur = frontier.popleft()
        hops = seen[cur]
        if hops >= depth:
            continue
        for other, link in _neighbours(graph, cur, direction, links):
            h = seen.get(other)
            if h is None:
                seen[other] = hops + 1
                frontier.append(other)
            elif h != hops + 1:
                continue
            key = _parent_key(graph, cur, link)
            if other not in best or key < best[other][0]:
                best[other] = (key, cur, link)
    return {other: (seen[other], via, link) for other, (_, via, link) in best.items() if other != uid}


def row_order(row: dict):
    """The display order shared by implements, basis and timeline."""
    return (LEVEL_ORDER.get(row.get("level"), 4), row.get("date") is None, row.get("date") or "",
            row.get("symbol") is None, row.get("symbol") or "", row["uid"])


def chain_rows(graph, uid: str, *, direction: str, depth: int, level: str | None, columns: tuple[str, ...],
               via_column: str) -> list[dict]:
    """One row per document reached from ``uid`` through chain links (``walk``), sorted.

    ``via_column`` names the neighbour on the way (parent_uid going down, child_uid going
    up); lag_days is always later document minus earlier one. Shared by implements and basis.
    """
    rows = []
    for other, (hops, via, link) in walk(graph, uid, depth=depth, direction=direction).items():
        row = document_row(graph, other)
        if level is not None and row["level"] != level:
            continue
        later, earlier = (other, uid) if direction == "down" else (uid, other)
        row.update({"depth": hops, via_column: via, "link": link, "lag_days": lag(graph, later, earlier)})
        rows.append({c: row[c] for c in columns})
    rows.sort(key=row_order)
    return rows


def run(graph, uid: str, *, depth: int = MAX_DEPTH, level: str | None = None) -> list[dict]:
    """Every document downstream of ``uid`` within ``depth`` hops, one row each.

    ``level`` keeps only rows at that level (their parents may be absent).
    Raises KeyError when ``uid`` is not in the graph.
    """
    return chain_rows(graph, uid, direction="down", depth=depth, level=level, columns=COLUMNS,
                      via_column="parent_uid")


def parents(graph, uid: str, chain) -> list[tuple[str, str]]:
    """(link type, document uid) for every document of ``chain`` that ``uid`` acts on, strongest link first.

    A provincial health department's letter based on both the ministry's guide and the
    province's plan has both as parents; ``parent_uid`` is only the one the tree hangs it under.
    """
    found = {(t, v) for _, v, t in graph.out_edges(uid, data="type") if t in LINK_RANK and v in chain and v != uid}
    return sorted(found, key=lambda tv: (LINK_RANK[tv[0]], doc_ref(graph, tv[1]), tv[1]))


def context(graph, uid: str, rows: list[dict], *, via_column: str = "parent_uid") -> list[dict]:
    """For each row: ``parents`` ("IMPLEMENTS 5091/BYT-DP", every document of the chain it acts on),
    ``ref`` (its symbol, else type, issuer and date) and the evidence of the link to ``via_column``'s
    document: the sentence, the file and the cue, read from the workspace for these rows only."""
    chain = {uid} | {r["uid"] for r in rows}
    if rows and any(r.get(via_column) not in chain for r in rows):  # rows filtered by level: the whole chain
        chain |= set(walk(graph, uid, direction="down" if via_column == "parent_uid" else "up"))
    out = []
    for r in rows:
        doc, via = r["uid"], r.get(via_column)
        src, dst = (doc, via) if via_column == "parent_uid" else (via, doc)
        acts_on = parents(graph, doc, chain) if via_column == "parent_uid" else []
        out.append({"parents": [f"{t} {doc_ref(graph, v)}" for t, v in acts_on], "ref": doc_ref(graph, doc),
                    **evidence(graph, src, dst, r.get("link"))})
    return out


def tree(rows: list[dict], root_uid: str) -> dict:
    """Nest rows under their ``parent_uid`` for display: {"uid": root_uid, "children": [...]}.

    Each child is its row plus "children"; children keep the order of ``rows``.
    A row whose parent is not among the rows (filtered out by ``level``)
    hangs under the root.
    """
    nodes: dict[str, dict] = {r["uid"]: {**r, "children": []} for r in rows}
    top: dict = {"uid": root_uid, "children": []}
    for r in rows:
        parent = nodes.get(r.get("parent_uid") or "") if r.get("parent_uid") != root_uid else None
        (parent or top)["children"].append(nodes[r["uid"]])
    return top


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER,
    help="""Everything downstream of REF: what implements, rests on or responds to it.

    Follows IMPLEMENTS, BASED_ON and RESPONDS_TO links (and follow-ups) down
    the hierarchy, grouped by level, with each document's lag in days after REF.
    REF is a reference as people type it: "Kết luận 07-KL/TW", "07-KL/TW",
    "KL 07", "ket luan 07", "294-CV/TU Lai Châu", a file path.

    \b
    Examples:
        chidao implements "Kết luận 07-KL/TW"
        chidao implements "KL 07" --level district --csv > districts.csv
    """,
    options=(Option("depth", "How many links down.", default=MAX_DEPTH, bounds=(1, 20)),
             Option("level", "Only documents at this level.", choices=LEVELS)),
    context=context, context_columns=CONTEXT_COLUMNS,
)
