"""Shared fixtures. The real documents stay in ../shared/seeds: read from there, never copied."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run (a landing must not depend on a lucky draw);
# a developer's run explores new ones, and what it finds becomes an @example.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def seeds_available() -> bool:
    return (SEEDS / "expected.json").is_file()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not seeds_available():
        pytest.skip(f"the real seed documents are not here ({SEEDS} is absent): they live in ../shared beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def seed_expected(seeds_dir) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))["documents"]


def graph_of(*dirs: Path):
    """The graph of every document under dirs, built in memory (no workspace)."""
    from chidao.graph import build_graph
    from chidao.loaders.batch import extract_one
    from chidao.loaders.files import iter_document_paths

    records = []
    for path in iter_document_paths([str(d) for d in dirs]):
        _, record, error, _ = extract_one(path)
        assert error is None, error
        records.append(record)
    return build_graph(records)[0]


@pytest.fixture(scope="session")
def sample_graph():
    from chidao.corpus import sample_corpus_path

    return graph_of(sample_corpus_path())


@pytest.fixture(scope="session")
def seeded_graph(seeds_dir):
    from chidao.corpus import sample_corpus_path

    return graph_of(sample_corpus_path(), seeds_dir)


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> str:
    """A workspace built from the sample corpus by the real `chidao build` command."""
    from click.testing import CliRunner

    from chidao.cli import cli
    from chidao.corpus import sample_corpus_path

    ws = tmp_path_factory.mktemp("ws")
    result = CliRunner().invoke(cli, ["build", str(sample_corpus_path()), "-w", str(ws)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return str(ws)


@pytest.fixture(scope="session")
def neo4j_target():
    """One driver to the real Neo4j named by NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) for the
    whole run, or a skip without it. The Neo4j test modules share it (helpers: tests/neo4j_live.py)."""
    from neo4j_live import NEO4J_SKIP

    from chidao.outputs.neo4j import connect

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip(NEO4J_SKIP)
    target = connect(uri, os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD"),
                     database=os.environ.get("NEO4J_DATABASE"))
    try:
        assert target.dialect == "neo4j", f"{target.uri} is not Neo4j"
        yield target
    finally:
        target.close()
