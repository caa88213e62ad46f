"""Neo4j Browser on the real Neo4j (``.ci/neo4j start``), and the analyst's query file docs/browser-queries.cypher.

The sample corpus is exported as workspace "browser" (removed again at the end: the database must be
empty before and is empty after). Every block of the query file runs with its own ``:param`` values,
which Neo4j itself evaluates, as the Browser does; the blocks that restate a chidao question return that
question's documents. Then headless Chromium (Debian's /usr/bin/chromium, tests/browser.py) opens Neo4j
Browser at NEO4J_HTTP, connects with the credentials, applies outputs/neo4j-style.grass with ``:style``,
runs the trace query and waits until every node of its answer is drawn in the style's colours. The
screenshot goes to the test's temporary folder; with CHIDAO_UPDATE_SCREENSHOTS=1 also to
docs/neo4j-browser.png (the README's picture).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import browser
from neo4j_live import drop_workspace, require_empty
from chidao.outputs.files import grass_style
from chidao.outputs.neo4j import export, run_query
from chidao.queries.registry import QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILE = ROOT / "docs" / "browser-queries.cypher"
SCREENSHOT = ROOT / "docs" / "neo4j-browser.png"
WS = "browser"
_BLOCK = re.compile(r"^// == (\w+): .*$", re.M)
_PARAM = re.compile(r"^:param (\w+) => (.+)$")


@dataclass(frozen=True)
class Block:
    name: str
    params: tuple[tuple[str, str], ...]  # (name, Cypher expression) as written after `:param`
    query: str


def blocks() -> dict[str, Block]:
    text = QUERY_FILE.read_text(encoding="utf-8")
    found = {}
    starts = list(_BLOCK.finditer(text))
    for m, nxt in zip(starts, starts[1:] + [None]):
        lines = text[m.end():nxt.start() if nxt else len(text)].strip().splitlines()
        params = tuple(_PARAM.match(line).groups() for line in lines if line.startswith(":param"))
        query = "\n".join(line for line in lines if not line.startswith((":", "//"))).strip()
        found[m.group(1)] = Block(m.group(1), params, query)
    return found


BLOCKS = blocks()


def test_the_query_file_has_the_common_questions():
    assert {"trace", "implements", "basis", "gaps", "timeline", "card", "evidence", "search", "stats"} <= set(BLOCKS)
    for b in BLOCKS.values():
        assert b.query and not b.query.rstrip().endswith(";"), b.name
        # parameterised: every $name the query uses has its :param line, and nothing else is set
        assert set(re.findall(r"\$(\w+)", b.query)) == {n for n, _ in b.params}, b.name


def test_the_gaps_block_knows_the_same_report_marks_as_the_question():
    """The query file cannot import vocabulary.py, so it repeats the marks; this keeps them one fact."""
    import ast

    from chidao.loaders.vocabulary import REPORT_COPY_MARKS

    [marks] = [expr for name, expr in BLOCKS["gaps"].params if name == "report_marks"]
    assert tuple(ast.literal_eval(marks)) == REPORT_COPY_MARKS


def test_the_readme_shows_the_trace_query():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert " ".join(BLOCKS["trace"].query.split()) in readme


@pytest.fixture(scope="module")
def target(neo4j_target, sample_graph):
    t = require_empty(neo4j_target)
    try:
        export(sample_graph, t, workspace_id=WS)
        yield t
    finally:
        drop_workspace(t, WS)


def params_of(target, block: Block) -> dict:
    """The :param values, evaluated by Neo4j (``RETURN expr``), as Neo4j Browser evaluates them."""
    return {name: run_query(target, f"RETURN {expr} AS v")[0]["v"] for name, expr in block.params}


def answer(target, name: str) -> tuple[dict, list[dict]]:
    block = BLOCKS[name]
    params = params_of(target, block)
    return params, run_query(target, block.query, params)


def uid_of(graph, symbol: str, province: str | None) -> str:
    [uid] = [n for n, d in graph.nodes(data=True) if d.get("label") == "Document" and d.get("symbol") == symbol
             and (province is None or d.get("province") == province)]
    return uid


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_every_block_runs_and_answers(target, name):
    _, rows = answer(target, name)
    assert rows, f"{name}: no rows for its own example parameters"


def test_trace_draws_what_implements_lists_within_four_hops(target, sample_graph):
    params, rows = answer(target, "trace")
    drawn = {n["uid"] for r in rows for n in r["p"]["nodes"]}
    uid = uid_of(sample_graph, params["symbol"], params["province"])
    expected = {r["uid"] for r in QUESTIONS["implements"].run(sample_graph, uid, depth=4)} | {uid}
    assert drawn == expected


def test_implements_block_lists_the_question_rows(target, sample_graph):
    params, rows = answer(target, "implements")
    uid = uid_of(sample_graph, params["symbol"], params["province"])
    local = QUESTIONS["implements"].run(sample_graph, uid)
    assert {(r["uid"], r["depth"], r["lag_days"]) for r in rows} == {(r["uid"], r["depth"], r["lag_days"])
                                                                     for r in local}


def test_basis_block_draws_the_question_rows(target, sample_graph):
    params, rows = answer(target, "basis")
    uid = uid_of(sample_graph, params["symbol"], params["province"])
    drawn = {n["uid"] for r in rows for n in r["p"]["nodes"]} - {uid}
    assert drawn == {r["uid"] for r in QUESTIONS["basis"].run(sample_graph, uid)}


def test_gaps_block_agrees_with_the_question(target, sample_graph):
    params, rows = answer(target, "gaps")
    uid = uid_of(sample_graph, params["symbol"], params["province"])
    local = QUESTIONS["gaps"].run(sample_graph, uid, level=params["level"])
    assert sorted((r["agency"], r["has_document"], sorted(r["documents"])) for r in rows) == sorted(
        (r["agency"], r["has_document"], sorted(r["documents"])) for r in local)


def test_timeline_block_counts_the_question_rows(target, sample_graph):
    params, rows = answer(target, "timeline")
    uid = uid_of(sample_graph, params["symbol"], params["province"])
    local = [r for r in QUESTIONS["timeline"].run(sample_graph, uid) if r["lag_days"] is not None]
    assert {r["level"]: r["documents"] for r in rows} == {
        level: sum(1 for r in local if r["level"] == level) for level in {r["level"] for r in local}}


# ---------------------------------------------------------------- Neo4j Browser in Chromium

def style_command() -> str:
    # Neo4j Browser 5.24 breaks ("Something went wrong ... reading 'replace'") on the next drawing when the
    # :style text spans several lines; the same rules on one line apply cleanly.
    return ":style " + " ".join(grass_style().split())


def grass_colours() -> dict[str, str]:
    return {m.group(1): m.group(2).upper() for m in
            re.finditer(r"node\.(\w+) \{[^}]*?\bcolor: (#[0-9A-Fa-f]{6})", grass_style())}


def _run(page, text: str) -> None:
    """Run a command or query from the editor; wait until its result frame is there."""
    frames = page.locator('[data-testid="frame"]').count()
    page.locator('[data-testid="activeEditor"]').first.click()
    page.keyboard.insert_text(text)  # typed text would be auto-closed and auto-indented by the editor
    page.locator('[data-testid="editor-Run"]').first.click()
    page.wait_for_function("n => document.querySelectorAll('[data-testid=\"frame\"]').length > n", arg=frames,
                           timeout=30_000)


@pytest.mark.skipif(browser.unavailable_reason() is not None, reason=str(browser.unavailable_reason()))
def test_neo4j_browser_draws_the_trace_in_the_style(target, sample_graph, tmp_path):
    from playwright.sync_api import sync_playwright

    http, uri = os.environ["NEO4J_HTTP"], os.environ["NEO4J_URI"]
    assert re.match(r"http://127\.0\.0\.1:\d+\Z", http) and uri.startswith("bolt://127.0.0.1:")
    params, rows = answer(target, "trace")
    expected = {n["uid"]: n for r in rows for n in r["p"]["nodes"]}
    colours = grass_colours()
    outside = []  # Browser 5.24 asks for fonts, telemetry and crash reports: every one is refused
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browser.CHROMIUM, args=browser.LAUNCH_ARGS, headless=True)
        try:
            context = chromium.new_context(viewport={"width": 1400, "height": 900})

            def route(r):
                if r.request.url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(http + "/browser/")
            page.wait_for_selector('[data-testid="boltaddress"]', timeout=60_000)
            page.select_option('[data-testid="bolt-scheme-select"]', "bolt://")
            page.fill('[data-testid="boltaddress"]', uri.split("//", 1)[1])
            page.fill('[data-testid="username"]', os.environ.get("NEO4J_USER", "neo4j"))
            page.fill('[data-testid="password"]', os.environ["NEO4J_PASSWORD"])
            page.click('[data-testid="connect"]')
            page.wait_for_selector("text=You are connected", timeout=60_000)
            _run(page, style_command())
            for name, expr in BLOCKS["trace"].params:
                _run(page, f":param {name} => {expr}")
            _run(page, BLOCKS["trace"].query)
            # the drawing: one SVG node per document of the answer, captioned by symbol
            deadline = time.monotonic() + 60
            drawn = []
            while time.monotonic() < deadline:
                drawn = page.evaluate("""() => Array.from(document.querySelectorAll('svg g.node')).map(g => ({
                    caption: (g.querySelector('text.caption') || {}).textContent || '',
                    fill: (g.querySelector('circle.b-outline') || {getAttribute: () => ''}).getAttribute('fill')}))""")
                if len(drawn) >= len(expected):
                    break
                time.sleep(0.5)
            time.sleep(3)  # let the force layout settle before the picture
            shot = tmp_path / "neo4j-browser.png"
            page.screenshot(path=str(shot))
        finally:
            chromium.close()
    assert not errors, errors
    assert page_ok(drawn, expected, colours)
    assert all(not u.startswith(("http://127.", "ws://127.")) for u in outside)
    assert shot.stat().st_size > 20_000
    if os.environ.get("CHIDAO_UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(shot, SCREENSHOT)


def page_ok(drawn: list[dict], expected: dict, colours: dict[str, str]) -> bool:
    assert len(drawn) == len(expected), (len(drawn), len(expected))
    # each document drawn in its level's colour, captioned by its symbol (cut short with '…' when long)
    level_label = {"central": "Central", "province": "Province", "district": "District", "commune": "Commune"}
    want = [(n.get("symbol") or "", colours[level_label.get(n.get("level"), "Document")]) for n in expected.values()]
    got = [(d["caption"].strip(), (d["fill"] or "").upper()) for d in drawn]
    assert sorted(c for _, c in want) == sorted(f for _, f in got)
    for caption, _ in got:
        assert any(s == caption or (caption.endswith("…") and s.startswith(caption[:-1])) for s, _ in want), caption
    return True
