"""graph: parsed records -> a resolved knowledge graph -> the local workspace.

Modules follow the data: ``gazetteer`` (places), ``agencies`` (bodies),
``identity`` (document keys), ``build`` (records -> MultiDiGraph, pure),
``checks`` (anomalies), ``records`` (Record JSON), ``schema`` (the export
property mapping), ``index`` and ``cache`` (lookup tables, once per graph),
``stats`` (counts), ``workspace`` (SQLite: it reads and writes the workspace;
the gazetteer reads package data).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import build_graph
    from .checks import Issue, check
    from .identity import DocKey
    from .workspace import (BuildSummary, WorkspaceError, build_workspace, load_graph, load_issues,
                            load_neighbourhood, load_question_graph, load_stats, question_graph)

# Imported when first asked for: ``chidao --help`` and a module of graph/ that needs only
# ``graph.cache`` do not pay for networkx and the whole build.
_HOMES = {"build_graph": "build", "Issue": "checks", "check": "checks", "DocKey": "identity",
          **dict.fromkeys(("BuildSummary", "WorkspaceError", "build_workspace", "load_graph", "load_issues",
                           "load_neighbourhood", "load_question_graph", "load_stats", "question_graph"), "workspace")}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)


__all__ = ["build_graph", "check", "Issue", "DocKey", "build_workspace", "load_graph", "load_issues",
           "BuildSummary", "WorkspaceError", "load_question_graph", "load_neighbourhood", "question_graph", "load_stats"]
