"""Helpers for the tests on a real Neo4j (the ``neo4j_target`` fixture is in tests/conftest.py).

The tests need an empty database and leave it empty: each removes the workspaces it wrote
(``drop_workspace``) and never clears a server. ``.ci/neo4j start`` gives such a server; .ci/run does it.
"""

from __future__ import annotations

import networkx as nx
import pytest

from chidao.outputs.neo4j import Target, export, run_query

NEO4J_SKIP = ("NEO4J_URI is not set: start a server with `eval \"$(.ci/neo4j start)\"` (.ci/run does it), or "
              "point NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE for a scratch database) at one")


def total_counts(target: Target) -> tuple[int, int]:
    """(nodes, relationships) in the whole database."""
    [n] = run_query(target, "MATCH (n) RETURN count(n) AS c")
    [r] = run_query(target, "MATCH ()-[r]->() RETURN count(r) AS c")
    return n["c"], r["c"]


def drop_workspace(target: Target, workspace_id: str) -> None:
    """An empty export with replace removes what the workspace wrote."""
    export(nx.MultiDiGraph(), target, workspace_id=workspace_id, replace=True)


def require_empty(target: Target) -> Target:
    """The target, or a skip when its database holds anything (parity compares whole-database answers)."""
    n, _ = total_counts(target)
    if n:
        pytest.skip(f"{target.uri} holds {n} nodes: these checks need an empty scratch database (NEO4J_DATABASE)")
    return target
