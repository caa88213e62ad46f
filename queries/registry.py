"""The registry of questions: every question module's ``QUESTION``, by name.

A new question is one module here (``NAME``, ``COLUMNS``, ``run``, ``CYPHER`` and
its ``QUESTION``), its Cypher face in ``cypher/<name>.cypher``, and its line in
``QUESTIONS`` below; ``cli.py`` makes its command and ``outputs/render.py`` may
give it a human form (the rows as a table otherwise).
"""

from __future__ import annotations

from . import basis, coverage, gaps, implements, search, show, stats, timeline, trace
from .base import Option, Question

__all__ = ["QUESTIONS", "Question", "Option", "question"]

QUESTIONS: dict[str, Question] = {q.name: q for q in (
    implements.QUESTION, trace.QUESTION, basis.QUESTION, show.QUESTION, gaps.QUESTION, coverage.QUESTION, timeline.QUESTION,
    search.QUESTION, stats.QUESTION,
)}


def question(name: str) -> Question:
    """The question called ``name``; KeyError for a name no module declares."""
    return QUESTIONS[name]
