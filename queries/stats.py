"""stats: what the graph holds, counted by facet (``graph.stats.count``: the build stores it).

See ``graph/stats.py`` for the facets and their order.
"""

from __future__ import annotations

from ..graph.stats import COLUMNS, FACETS, LABELS, TOP_PROVINCES, count
from .base import Question, load_cypher

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "FACETS", "LABELS", "TOP_PROVINCES"]

NAME = "stats"
CYPHER = load_cypher(NAME)


def run(graph) -> list[dict]:
    """Counts by facet, as rows with COLUMNS, in the order of FACETS."""
    return count(graph)


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER, subject="", graph="stored",
    help="""Counts by level, type, agency kind and link type.

    \b
    Examples:
        chidao stats
        chidao stats --csv > stats.csv
    """,
)
