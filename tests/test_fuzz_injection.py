"""Injection through document text, end to end: payloads written into documents' subjects,
citations, recipients and signers go through `chidao build`, then `chidao viz` (opened in headless
Chromium without its CSP, so the text handling alone is tested) and `chidao export cypher` (parsed by
the Cypher linter). The page must run none of them and the script must stay well-formed, every
payload arriving as the text of one string literal.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chidao.corpus import sample_corpus_path

SOURCE = sample_corpus_path() / "ben-tre" / "tu-cv-272-2021.txt"
PAYLOADS = [
    "</script><script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "javascript:window.__pwned='js'",
    "'}) MATCH (n) DETACH DELETE n //",
    "\"}) WITH 1 AS x CALL db.clear() //",
    "\\' RETURN 1 AS s //",
    "`) DELETE n //",
    "<!-- <svg onload=\"window.__pwned='svg'\"> -->",
]


def _documents(folder: Path) -> None:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    for i, payload in enumerate(PAYLOADS):
        doc = list(lines)
        doc[3] = f"V/v {payload}"  # the subject
        doc.insert(8, f"Căn cứ Công văn số {100 + i}-CV/BTGTU, ngày 06/5/2021 của Ban Tuyên giáo {payload} về {payload};")
        doc = [line.replace("Nơi nhận:", f"Nơi nhận:\n- {payload};") for line in doc]
        doc.append(payload)  # where the signer's name goes
        doc[2] = f"Số {300 + i}-CV/TU"
        (folder / f"evil{i}.txt").write_text("\n".join(doc), encoding="utf-8")


@pytest.fixture(scope="module")
def evil_ws(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("evil")
    (root / "docs").mkdir()
    _documents(root / "docs")
    p = subprocess.run([sys.executable, "-m", "chidao", "build", str(root / "docs"), "-w", str(root / "ws")],
                       capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return root


def _chidao(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chidao", *map(str, args)], capture_output=True, timeout=300)


def test_payloads_reach_the_graph_as_text(evil_ws):
    from chidao.graph import load_graph

    g = load_graph(evil_ws / "ws")
    values = " ".join(str(v) for _, a in g.nodes(data=True) for v in a.values()) + " ".join(
        str(v) for *_, a in g.edges(data=True) for v in a.values())
    assert sum(p in values for p in PAYLOADS) >= len(PAYLOADS) - 1  # they are in the data: the test means something


def test_the_cypher_script_stays_well_formed(evil_ws):
    from cypher_lint import decode_string_literal, lint, require_linter

    require_linter()
    out = evil_ws / "evil.cypher"
    assert _chidao("export", "cypher", "-w", evil_ws / "ws", "-o", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    result = lint(text)
    assert result.errors == [], result.errors[:3]
    literals = [decode_string_literal(s) for s in result.strings]
    assert any(p in lit for p in PAYLOADS for lit in literals)
    assert "DETACH DELETE n //" not in text.replace("\\'", "").split("'")[0::2][0]


def test_the_page_runs_none_of_them(evil_ws):
    from browser import Browser, unavailable_reason

    reason = unavailable_reason()
    if reason:
        pytest.skip(f"no headless browser: {reason}")
    page = evil_ws / "evil.html"
    p = _chidao("viz", "-w", evil_ws / "ws", "-o", page)
    assert p.returncode == 0, p.stderr
    html = page.read_text(encoding="utf-8")
    with Browser() as b:
        for bypass in (False, True):
            loaded = b.open(html, bypass_csp=bypass)
            assert loaded.requests == [] and loaded.console_errors == []
            assert loaded.evaluate("window.__pwned === undefined")
            tags = loaded.evaluate("Array.from(document.body.querySelectorAll('*'), e => e.tagName)")
            assert not {"IMG", "SVG", "svg"} & set(tags)
            assert loaded.evaluate("!Array.from(document.scripts).some(s => s.text.trim().startsWith('window.__pwned'))")
            shown = loaded.evaluate("JSON.stringify(network.body.data.nodes.get())")
            assert any(p.split("<")[0] in shown for p in PAYLOADS)
            b.close_page(loaded)
