"""graph: parsed records -> a resolved knowledge graph -> the local workspace.

Modules follow the data: ``gazetteer`` (places), ``agencies`` (bodies),
``identity`` (document keys), ``build`` (records -> MultiDiGraph, pure),
``checks`` (anomalies), ``records`` (Record JSON), ``schema`` (the export
property mapping), ``index`` and ``cache`` (lookup tables, once per graph),
``stats`` (counts), ``workspace`` (SQLite: it reads and writes the workspace;
the gazetteer reads package data).
"""

from .build import build_graph
from .checks import Issue, check
from .identity import DocKey
from .workspace import (BuildSummary, WorkspaceError, build_workspace, load_graph, load_issues, load_neighbourhood,
                        load_question_graph, load_stats, question_graph)

__all__ = ["build_graph", "check", "Issue", "DocKey", "build_workspace", "load_graph", "load_issues",
           "BuildSummary", "WorkspaceError", "load_question_graph", "load_neighbourhood", "question_graph", "load_stats"]
