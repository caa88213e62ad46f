"""The registry of questions: every question module's ``QUESTION``, by name.

A new question is one module here (``NAME``, ``COLUMNS``, ``run``, ``CYPHER`` and
its ``QUESTION``), its Cypher face in ``cypher/<name>.cypher``, and its line in
``QUESTIONS`` below; ``cli.py`` makes its command and ``outputs/render.py`` may
give it a human form (the rows as a table otherwise).
"""

from __future__ import annotations

from . import basis, coverage, gaps, implements, search, show, stats, timeline, trace
from .base import Option, Question

__all__ = ["QUESTIONS", "Question", "Option", "question", "READS", "reads"]

QUESTIONS: dict[str, Question] = {q.name: q for q in (
    implements.QUESTION, trace.QUESTION, basis.QUESTION, show.QUESTION, gaps.QUESTION, coverage.QUESTION, timeline.QUESTION,
    search.QUESTION, stats.QUESTION,
)}


def question(name: str) -> Question:
    """The question called ``name``; KeyError for a name no module declares."""
    return QUESTIONS[name]


# What each question's networkx face reads of a workspace, when asked from a new process
# (queries/touched.py loads it from the question index, graph/qindex.py):
#   "down": the subject, every document within MAX_DEPTH chain links below it (what acts on it),
#           every link leaving these and the nodes at their other ends (addressees, issuers);
#   "up": the same above it (what it acts on);
#   "search": the documents of the first rows, from the search index;
#   "neighbourhood": one document and its links with their evidence (``Question.graph``);
#   "stored": what the build stored (``Question.graph``);
#   "questions": the whole question graph (a question not named here).
# A new question that walks only its subject's chain says so here; one that reads more stays off.
READS: dict[str, str] = {"implements": "down", "trace": "down", "gaps": "down", "timeline": "down",
                         "coverage": "down", "basis": "up", "search": "search"}


def reads(q: Question) -> str:
    """What ``q`` reads of a workspace (see ``READS``)."""
    if q.graph in ("neighbourhood", "stored"):
        return q.graph
    return READS.get(q.name, "questions")
