"""Every file a command writes: a path it cannot write is one line "Error: cannot write …" and exit 1
(issue 13, point 4); a URI that is not Bolt gets a plain message before any driver is asked."""

from __future__ import annotations

import subprocess
import sys

import pytest

WRITES = [
    ["viz", "-o", "{bad}/x.html"],
    ["viz", "07-KL/TW", "-o", "{bad}/x.html"],
    ["timeline", "07-KL/TW", "--plot", "{bad}/x.png"],
    ["coverage", "07-KL/TW", "--map", "{bad}/x.html"],
    ["coverage", "07-KL/TW", "--plot", "{bad}/x.png"],
    ["export", "cypher", "-o", "{bad}/x.cypher"],
    ["export", "csv", "{bad}/dir"],
    ["export", "graphml", "{bad}/x.graphml"],
]


def chidao(*args):
    return subprocess.run([sys.executable, "-m", "chidao", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", WRITES, ids=lambda a: " ".join(a[:2]))
def test_an_unwritable_path_is_one_line_and_exit_1(ws, tmp_path, args):
    bad = tmp_path / "a-file"  # a file where a directory should be: unwritable even for root
    bad.write_text("x")
    result = chidao(*[a.format(bad=bad) for a in args], "-w", ws)
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(f"Error: cannot write {bad}/"), result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr


@pytest.mark.parametrize("args", [["export", "neo4j"], ["implements", "07-KL/TW", "--neo4j"]])
def test_a_uri_that_is_not_bolt_gets_a_plain_message(ws, args):
    result = chidao(*args, "--uri", "http://neo4j:secret@localhost:7474", "-w", ws)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: --uri 'localhost:7474' is not a Bolt URI: use bolt://host:7687 or neo4j://host:7687 "
        "(the Bolt port, not the browser's http:// port)"]
    assert "secret" not in result.stderr
