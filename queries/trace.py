"""trace: every chain of documents from the root down to a level.

A chain is a simple path (no document twice) from the root along incoming
``DOWNSTREAM_LINKS`` edges, at most 10 hops, that ends at a document at level
``to``. Documents inside a chain sit at ``to`` or above it (or have no known
level): a chain never dips below the target level and comes back up. A chain
may pass through another document at the target level (07-KL/TW -> 312-KH/TU
-> 45-KH/HU -> 1093/KH-UBND ends at a district plan based on a district plan),
so both that chain and its prefix ending at 45-KH/HU are rows.

Rows are ordered by ``chain`` (the list of uids, compared element by element),
which keeps a chain's extensions right after it; ``max_chains`` keeps the
first chains in that order.
"""

from __future__ import annotations

from ..graph.gazetteer import REFORM
from ..loaders.errors import ChidaoError
from .base import (DOWNSTREAM_LINKS, EVIDENCE_COLUMNS, LEVEL_ORDER, LEVELS, Option, Question, doc_ref, evidence,
                   issuer_of, load_cypher, place_of)

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "LEVELS_DOWN_TO", "context", "CONTEXT_COLUMNS"]

NAME = "trace"
COLUMNS = ("chain", "symbols", "levels", "systems", "end_uid", "end_level", "length", "lag_days")
CYPHER = load_cypher(NAME)
# Beside the rows, for --json and --csv (``context``): who issued each document of the chain, where,
# and the evidence of the chain's last link (the end document citing the one before it).
CONTEXT_COLUMNS = ("refs", "issuers", "places", "last_link", *EVIDENCE_COLUMNS)

MAX_DEPTH = 10  # the Cypher face's literal bound (*1..10)
# The levels a chain may pass through on its way down to each target level.
LEVELS_DOWN_TO = {lvl: tuple(l for l in LEVEL_ORDER if l is not None and LEVEL_ORDER[l] <= LEVEL_ORDER[lvl])
                  for lvl in LEVEL_ORDER if lvl is not None}


def _children(graph, uid: str) -> list[str]:
    kids = {u for u, _, t in graph.in_edges(uid, data="type")
            if t in DOWNSTREAM_LINKS and graph.nodes[u].get("label") == "Document"}
    return sorted(kids)


def run(graph, uid: str, *, to: str = "district", max_chains: int = 1000) -> list[dict]:
    """Chains from ``uid`` down to documents at level ``to``, at most ``max_chains`` rows.

    Raises KeyError when ``uid`` is not in the graph, ValueError for an unknown level.
    """
    if uid not in graph:
        raise KeyError(uid)
    if to not in LEVELS_DOWN_TO:
        raise ValueError(f"unknown level {to!r}: choose one of {', '.join(LEVELS_DOWN_TO)}")
    allowed = set(LEVELS_DOWN_TO[to]) | {None}
    nodes = graph.nodes
    root_day = nodes[uid].get("day_number")
    rows: list[dict] = []
    path = [uid]
    on_path = {uid}
    # Depth-first, children in uid order: chains come out in lexicographic order of their uid lists.
    stack = [iter(_children(graph, uid))]
    while stack and len(rows) < max_chains:
        nxt = next(stack[-1], None)
        if nxt is None:
            stack.pop()
            on_path.discard(path.pop())
            continue
        if nxt in on_path or nodes[nxt].get("level") not in allowed:
            continue
        path.append(nxt)
        on_path.add(nxt)
        d = nodes[nxt]
        if d.get("level") == to:
            day = d.get("day_number")
            rows.append({
                "chain": list(path),
                "symbols": [nodes[u].get("symbol") or u for u in path],
                "levels": [nodes[u].get("level") for u in path],
                "systems": [nodes[u].get("system") for u in path],
                "end_uid": nxt,
                "end_level": to,
                "length": len(path) - 1,
                "lag_days": None if day is None or root_day is None else int(day) - int(root_day),
            })
        if len(path) - 1 < MAX_DEPTH:
            stack.append(iter(_children(graph, nxt)))
        else:
            on_path.discard(path.pop())
    if not rows and to == "district" and nodes[uid].get("system") == REFORM:
        raise ChidaoError(f"{nodes[uid].get('symbol') or uid} is dated after 1 July 2025: there is no district "
                          "level in the system of units in force (provinces, then communes and wards); "
                          "trace it --to commune")
    return rows


def _link(graph, src: str, dst: str) -> str | None:
    types = {d.get("type") for d in graph[src][dst].values()} if graph.has_edge(src, dst) else set()
    return next((t for t in DOWNSTREAM_LINKS if t in types), None)


def context(graph, uid: str, rows: list[dict]) -> list[dict]:
    """For each chain: ``refs`` (symbol, else type, issuer and date), ``issuers`` and ``places`` of its
    documents (Lai Châu's 312-KH/TU and Điện Biên's are told apart), ``last_link`` and the evidence of
    the end document's link to the one before it (sentence, file, cue)."""
    out = []
    for r in rows:
        chain = [u for u in r["chain"] if u in graph]
        end, before = (chain[-1], chain[-2]) if len(chain) >= 2 else (None, None)
        link = _link(graph, end, before) if end and before else None
        out.append({"refs": [doc_ref(graph, u) for u in chain], "issuers": [issuer_of(graph, u) for u in chain],
                    "places": [place_of(graph, u) for u in chain], "last_link": link,
                    **evidence(graph, end, before, link)})
    return out


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER,
    help="""Every chain from REF down to documents at a level, one chain per line.

    \b
    Examples:
        chidao trace "07-KL/TW" --to district
        chidao trace "07-KL/TW" --to commune --json
    """,
    options=(Option("to", "The level each chain ends at.", default="district", choices=LEVELS[1:]),),
    context=context, context_columns=CONTEXT_COLUMNS,
)
