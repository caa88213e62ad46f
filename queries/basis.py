"""basis: what a document rests on, up to the central documents.

The walk follows the root's outgoing ``DOWNSTREAM_LINKS`` edges (IMPLEMENTS,
BASED_ON, RESPONDS_TO, FOLLOWS_UP) transitively, upwards: a district plan ->
the provincial plan it implements -> the central conclusion that plan
implements. It does not stop at the first central document, since central
documents act on each other too (1352-CV/BTGTW implements 07-KL/TW).

Each row is one upstream document (the root is not a row):

* ``depth``: hops up from the root along a shortest path;
* ``child_uid`` / ``link``: the document one hop nearer the root on a shortest
  path that acts on this one, and that edge's type (ties broken as in
  ``implements``);
* ``lag_days``: ``day_number(root) - day_number(doc)``: how many days after
  this basis the root came; None when either date is unknown.

Rows are ordered like ``implements``: level, date, symbol, uid.
"""

from __future__ import annotations

from functools import partial

from .base import EVIDENCE_COLUMNS, Question, load_cypher
from .implements import MAX_DEPTH, chain_rows, context

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run"]

NAME = "basis"
COLUMNS = ("uid", "symbol", "doc_type", "issuer", "date", "level", "province", "district", "system", "stub",
           "depth", "child_uid", "link", "lag_days")
CYPHER = load_cypher(NAME)


def run(graph, uid: str, *, depth: int = MAX_DEPTH, level: str | None = None) -> list[dict]:
    """Every document upstream of ``uid`` within ``depth`` hops; ``level`` keeps rows at that level.

    Raises KeyError when ``uid`` is not in the graph.
    """
    return chain_rows(graph, uid, direction="up", depth=depth, level=level, columns=COLUMNS, via_column="child_uid")


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER,
    help="""Upstream: what REF rests on, up to the central documents.

    \b
    Examples:
        chidao basis "45-KH/HU Tam Đường"
        chidao basis path/to/document.txt --json
    """,
    context=partial(context, via_column="child_uid"), context_columns=("ref", *EVIDENCE_COLUMNS),
)
