"""The pyvis page (outputs/viz.py): what it draws, that it is offline, that document text stays text.

The browser tests open the page in Debian's headless Chromium with every
request but the page itself aborted (tests/browser.py); they are skipped,
with the reason, only when chromium or playwright is missing.
"""

from __future__ import annotations

import html as html_lib
import re
import struct

import networkx as nx
import pytest

from browser import Browser, synthetic_graph, unavailable_reason
from chidao.outputs.view import DEFAULT_MAX_NODES, HIDDEN_LINKS, view_graph
from chidao.outputs.viz import build_page, check_offline, notebook_view, write_page
from chidao.queries import implements
from chidao.queries.refs import resolve_ref

IMG = """<img src=x onerror="document.title='pwned'">"""
SCRIPT = """</script><script>document.title='pwned'</script> see <a href="javascript:alert(1)">href</a>"""
TITLE = "Tiêu đề <script>document.title='pwned'</script> & <b>bold</b>"

# Kết luận 07-KL/TW of the Bộ Chính trị, as the sample corpus's documents cite it
# (corpus/sample: "Thực hiện Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị ...").
KL07_DIRECT = {"486-KH/TU", "1352-CV/BTGTW", "5091/BYT-DP", "156-KH/HU", "312-KH/TU"}
KL07_TWO_HOPS = {"3921/KH-UBND", "1520/KH-UBND", "205-KH/HU", "45-KH/HU"}  # based on a plan that implements it
KL07_THREE_HOPS = {"38-CV/BTGHU", "112-CV/ĐU"}


@pytest.fixture(scope="module")
def kl07(sample_graph):
    return resolve_ref(sample_graph, "07-KL/TW")


def symbols(graph, uids):
    return {graph.nodes[u].get("symbol") for u in uids if graph.nodes[u].get("label") == "Document"}


def evil_graph():
    """Three documents and an agency whose text is markup, written by anyone."""
    g = nx.MultiDiGraph()
    g.add_node("agency:x", label="Agency", name="Ủy ban <i>nhân dân</i> tỉnh", kind="state", level="province")
    g.add_node("doc:a", label="Document", symbol="01-KL/TW", doc_type="Kết luận", date="2021-06-11",
               level="central", subject=IMG, issuer_as_written="Bộ Chính trị")
    g.add_node("doc:b", label="Document", symbol="02/KH-UBND", doc_type="Kế hoạch", date="2021-07-01",
               level="province", subject=SCRIPT, issuer_uid="agency:x")
    g.add_node("doc:c", label="Document", symbol="</script><b>03</b>\u2028\u2029", doc_type="Công văn",
               level="province", subject="and <!-- comment -->", issuer_uid="agency:x")
    g.add_edge("doc:b", "agency:x", type="ISSUED_BY")
    g.add_edge("doc:c", "agency:x", type="ISSUED_BY")
    g.add_edge("doc:b", "doc:a", type="IMPLEMENTS", cue="thuc_hien", sentence=f"Thực hiện {IMG} ...")
    g.add_edge("doc:c", "doc:b", type="BASED_ON", cue="can_cu", sentence=SCRIPT)
    return g


# ---------------------------------------------------------------- the view (no browser)


def test_view_around_07_kl_tw_holds_its_chain(sample_graph, kl07):
    view, info = view_graph(sample_graph, kl07, depth=2, max_nodes=10_000)
    docs = symbols(sample_graph, view)
    assert KL07_DIRECT | KL07_TWO_HOPS <= docs
    assert not KL07_THREE_HOPS & docs
    # exactly the chain question's answer within two hops (nothing upstream of a Kết luận here), plus the root
    down = implements.walk(sample_graph, kl07, depth=2, direction="down")
    up = implements.walk(sample_graph, kl07, depth=2, direction="up")
    view_docs = {n for n, d in view.nodes(data=True) if d["label"] == "Document"}
    assert view_docs == {kl07} | set(down) | set(up)
    # ... and who issued them
    agencies = {d["name"] for n, d in view.nodes(data=True) if d["label"] == "Agency"}
    assert {"Bộ Chính trị", "Tỉnh ủy Bến Tre", "Ban Tuyên giáo Trung ương"} <= agencies
    assert {d["label"] for _, d in view.nodes(data=True)} == {"Document", "Agency"}
    assert info == {"nodes": view.number_of_nodes(), "edges": view.number_of_edges(), "omitted_nodes": 0,
                    "omitted_edges": 0, "reason": None}
    assert not {t for _, _, t in view.edges(data="type")} & HIDDEN_LINKS
    deeper, _ = view_graph(sample_graph, kl07, depth=3, max_nodes=10_000)
    assert KL07_THREE_HOPS <= symbols(sample_graph, deeper)


def test_view_levels_keeps_the_root_and_the_levels_asked(sample_graph, kl07):
    view, _ = view_graph(sample_graph, kl07, depth=3, levels=["district"])
    levels = {d.get("level") for n, d in view.nodes(data=True) if n != kl07}
    assert levels == {"district"} and kl07 in view
    assert {"156-KH/HU", "205-KH/HU"} <= symbols(sample_graph, view)


def test_view_over_max_nodes_keeps_the_nearest_and_says_what_it_left_out(sample_graph, kl07):
    full, full_info = view_graph(sample_graph, kl07, depth=3, max_nodes=10_000)
    view, info = view_graph(sample_graph, kl07, depth=3, max_nodes=12)
    assert list(view) == list(full)[:12] and list(view)[0] == kl07
    hops = full.graph["hops"]
    kept_docs = [n for n in view if n in hops]
    left_docs = [n for n in full if n in hops and n not in view]
    assert max(hops[n] for n in kept_docs) <= min(hops[n] for n in left_docs)
    assert info["nodes"] == 12 and info["omitted_nodes"] == full_info["nodes"] - 12
    assert info["edges"] + info["omitted_edges"] == full_info["edges"]
    assert "max_nodes=12" in info["reason"] and str(info["omitted_nodes"]) in info["reason"]


def test_whole_view_and_bad_arguments(sample_graph):
    view, info = view_graph(sample_graph, max_nodes=10_000)
    docs = [n for n, d in sample_graph.nodes(data=True) if d["label"] == "Document"]
    assert set(docs) <= set(view) and info["omitted_nodes"] == 0
    cut, cut_info = view_graph(sample_graph, max_nodes=5)
    assert cut_info["omitted_nodes"] == info["nodes"] - 5
    with pytest.raises(KeyError):
        view_graph(sample_graph, "doc:nope")
    with pytest.raises(ValueError, match="unknown level"):
        view_graph(sample_graph, levels=["ward"])
    with pytest.raises(ValueError):
        view_graph(sample_graph, max_nodes=0)


# ---------------------------------------------------------------- the HTML (no browser)


@pytest.mark.parametrize("snippet, remote", [
    ('<script src="https://cdn.example/vis.js"></script>', True),
    ('<link rel="stylesheet" href="http://cdn.example/x.css">', True),
    ('<script src="//cdn.example/vis.js"></script>', True),
    ('<style>@import "https://fonts.example/a.css";</style>', True),
    ('<style>body { background: url(https://img.example/a.png) }</style>', True),
    ('<div style="background:url(\'http://img.example/a.png\')"></div>', True),
    ('<img src="https://img.example/a.png">', True),
    ('<script>var s = document.createElement("script"); s.src = "https://cdn.example/x.js";</script>', True),
    ('<a href="https://example.org/">a link, not a load</a>', False),
    ('<script>var ns = "http://www.w3.org/2000/svg";</script>', False),
    ('<p>see https://example.org in the text</p>', False),
    ('<style>.x { background: url("data:image/png;base64,AAAA") }</style>', False),
], ids=["script-https", "stylesheet-http", "protocol-relative", "css-import", "css-url", "style-attr", "img",
        "script-writes-src", "anchor", "svg-namespace-string", "text", "data-url"])
def test_check_offline_table(snippet, remote):
    assert bool(check_offline(f"<html><head>{snippet}</head></html>")) is remote


def test_pyvis_in_line_alone_is_not_offline_but_ours_is(sample_graph, kl07):
    from pyvis.network import Network

    net = Network(cdn_resources="in_line", directed=True)
    net.add_node("a", label="a")
    assert any("bootstrap" in r for r in check_offline(net.generate_html()))  # the trap the notes describe
    page = build_page(sample_graph, kl07)
    assert check_offline(page.html) == []
    assert not re.search(r"""(?i)<(script|link)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", page.html)


def test_page_text_is_escaped_and_cannot_end_the_script():
    page = build_page(evil_graph(), "doc:a", title=TITLE)
    h = page.html
    for raw in (IMG, SCRIPT, "<b>03</b>", "<i>nhân dân</i>", "<b>bold</b>", "\u2028", "\u2029", "<!-- comment"):
        assert raw not in h
    assert h.count("</script>") == 3  # the data, vis-network, chidao's code: nothing else closes a script
    for tag in ("title", "h1"):
        inner = re.search(rf"<{tag}>(.*?)</{tag}>", h).group(1)
        assert "<" not in inner and html_lib.unescape(inner) == TITLE
    assert "popup.innerHTML" not in h and "innerHTML" not in h.split('<script id="chidao-data"')[1].split("</script>", 2)[2]


def test_write_page_is_utf8_and_refuses_remote(tmp_path, sample_graph, kl07):
    page = build_page(sample_graph, kl07)
    out = write_page(page, tmp_path / "g.html")
    text = out.read_bytes().decode("utf-8")  # not the platform encoding
    assert "Bộ Chính trị" in text and text == page.html
    bad = type(page)(html=page.html.replace("</head>", '<script src="https://cdn.example/x.js"></script></head>'),
                     nodes=page.nodes, edges=page.edges, omitted=page.omitted)
    with pytest.raises(ValueError, match="cdn.example"):
        write_page(bad, tmp_path / "bad.html")
    assert not (tmp_path / "bad.html").exists()


def test_notebook_view_is_an_escaped_sandboxed_iframe(sample_graph, kl07):
    pytest.importorskip("IPython")
    shown = notebook_view(evil_graph(), "doc:a")
    body = shown.data
    assert body.startswith('<div class="chidao-viz" style="width:100%"><iframe srcdoc="') and 'sandbox="allow-scripts"' in body
    # as wide as the cell, a fixed height; the page inside fills the iframe (100vh is the iframe's height)
    assert "width:100%;height:640px" in body
    srcdoc = body.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc
    assert html_lib.unescape(srcdoc) == build_page(evil_graph(), "doc:a").html


# ---------------------------------------------------------------- in headless Chromium, offline

browser_reason = unavailable_reason()
needs_browser = pytest.mark.skipif(browser_reason is not None, reason=f"no headless browser: {browser_reason}")


@pytest.fixture(scope="module")
def browser():
    with Browser(viewport=(1400, 950)) as b:
        yield b


def drawn_counts(loaded):
    return loaded.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")


def assert_clean(loaded):
    assert loaded.console_errors == []
    assert loaded.requests == []


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def canvas_ink(loaded) -> float:
    """The share of the network canvas's pixels that are not white."""
    return loaded.evaluate("""() => {
        const c = document.querySelector('#mynetwork canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < px.length; i += 4) {
            if (px[i + 3] > 0 && (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235)) ink++;
        }
        return ink / (px.length / 4);
    }""")


def hover(loaded, node_id) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    x, y = loaded.evaluate("""(id) => {
        const d = network.canvasToDOM(network.getPositions([id])[id]);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y];
    }""", node_id)
    loaded.page.mouse.move(x - 30, y - 30)
    loaded.page.mouse.move(x, y, steps=4)
    loaded.page.wait_for_selector("#tooltip", state="visible", timeout=5000)
    return loaded.evaluate("document.getElementById('tooltip').textContent")


@needs_browser
def test_sample_page_draws_offline(browser, sample_graph, kl07, tmp_path):
    page = build_page(sample_graph, kl07)
    view, _ = view_graph(sample_graph, kl07)
    loaded = browser.open(page.html)
    assert_clean(loaded)
    assert drawn_counts(loaded) == [page.nodes, page.edges] == [view.number_of_nodes(), page.edges]
    ids = set(loaded.evaluate("network.body.data.nodes.getIds()"))
    assert ids == set(view)
    drawn = symbols(sample_graph, ids)
    assert KL07_DIRECT | KL07_TWO_HOPS <= drawn
    shot = loaded.page.screenshot(path=str(tmp_path / "sample.png"))
    assert png_size(shot) == (1400, 950) and len(shot) > 30_000
    assert canvas_ink(loaded) > 0.01
    assert "Bộ Chính trị" in hover(loaded, kl07)
    legend = loaded.evaluate("document.getElementById('legend').textContent")
    assert all(w in legend for w in ("central", "province", "district", "agency", "IMPLEMENTS", "BASED_ON"))
    assert_clean(loaded)
    browser.close_page(loaded)


@needs_browser
@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_markup_in_documents_stays_text(browser, bypass_csp):
    """With the page's CSP and without it (so the text handling alone is tested)."""
    graph = evil_graph()
    page = build_page(graph, "doc:a", title=TITLE)
    loaded = browser.open(page.html, bypass_csp=bypass_csp)
    assert_clean(loaded)
    assert drawn_counts(loaded) == [4, 4]
    assert loaded.evaluate("document.title") == TITLE
    assert loaded.evaluate("document.querySelector('h1').textContent") == TITLE
    assert "IMG" not in loaded.evaluate("Array.from(document.body.querySelectorAll('*'), e => e.tagName).join()")
    for uid, text in (("doc:a", IMG), ("doc:b", SCRIPT), ("doc:c", "</script><b>03</b>")):
        tip = hover(loaded, uid)
        assert text in tip
        assert loaded.evaluate("document.getElementById('tooltip').children.length") == 0
        loaded.page.mouse.move(2, 300)
    tip = hover(loaded, "doc:c")
    assert tip.startswith("</script><b>03</b>\u2028\u2029\n") and "and <!-- comment -->" in tip
    assert "Ủy ban <i>nhân dân</i> tỉnh" in hover(loaded, "agency:x")
    # the search box matches the text as typed, markup included, and shows only a count
    loaded.page.fill("#search", "onerror")
    loaded.page.press("#search", "Enter")
    assert loaded.evaluate("document.getElementById('count').textContent") == "1 match"
    assert loaded.evaluate("network.getSelectedNodes()") == ["doc:a"]
    assert loaded.evaluate("document.title") == TITLE
    assert_clean(loaded)
    browser.close_page(loaded)


@needs_browser
def test_search_is_accent_insensitive_and_filters(browser, sample_graph, kl07):
    loaded = browser.open(build_page(sample_graph, kl07).html)
    loaded.page.fill("#search", "lai chau")
    loaded.page.check("#only")
    loaded.page.press("#search", "Enter")
    count = int(loaded.evaluate("document.getElementById('count').textContent").split()[0])
    hidden = loaded.evaluate("network.body.data.nodes.get({filter: n => n.hidden}).length")
    total = loaded.evaluate("network.body.data.nodes.length")
    assert 0 < count < total and hidden == total - count
    assert_clean(loaded)
    browser.close_page(loaded)


@needs_browser
def test_over_max_nodes_the_page_says_what_it_left_out(browser, sample_graph, kl07):
    page = build_page(sample_graph, kl07, depth=3, max_nodes=10)
    loaded = browser.open(page.html)
    assert_clean(loaded)
    assert drawn_counts(loaded) == [10, page.edges]
    notice = loaded.evaluate("document.getElementById('notice').textContent")
    assert f"left out {page.omitted['omitted_nodes']} nodes" in notice
    assert f"{page.omitted['omitted_edges']} links" in notice and "max_nodes=10" in notice
    browser.close_page(loaded)


@needs_browser
def test_whole_workspace_and_a_default_sized_view_draw(browser, sample_graph):
    page = build_page(sample_graph)
    loaded = browser.open(page.html)
    assert_clean(loaded)
    assert drawn_counts(loaded) == [page.nodes, page.edges]
    browser.close_page(loaded)
    big = build_page(synthetic_graph(DEFAULT_MAX_NODES + 300), max_nodes=DEFAULT_MAX_NODES, aggregate=False)
    assert big.nodes == DEFAULT_MAX_NODES and big.omitted["omitted_nodes"] > 0
    loaded = browser.open(big.html, timeout_ms=120_000)
    assert_clean(loaded)
    assert drawn_counts(loaded) == [big.nodes, big.edges]
    assert canvas_ink(loaded) > 0.001
    browser.close_page(loaded)


@needs_browser
def test_notebook_iframe_draws(browser, sample_graph, kl07):
    pytest.importorskip("IPython")
    shown = notebook_view(sample_graph, kl07)
    loaded = browser.open(f"<!DOCTYPE html><html><body>{shown.data}</body></html>", wait_drawn=False)
    frame = loaded.page.frame_locator("iframe")
    frame.locator("body[data-drawn]").wait_for(state="attached", timeout=30_000)
    inner = next(f for f in loaded.page.frames if f != loaded.page.main_frame)
    assert inner.evaluate("network.body.data.nodes.length") == view_graph(sample_graph, kl07)[1]["nodes"]
    assert_clean(loaded)
    browser.close_page(loaded)


def test_the_drawing_fills_the_window_and_the_legend_sits_beside_it():
    """The standalone page is a column as high as the window (not a fixed 800 px): the drawing takes what
    the header leaves; the legend is a column beside it (never over the nodes) and a button hides it."""
    g = nx.MultiDiGraph()
    g.add_node("doc:a", label="Document", symbol="1-KH/TU", level="province", doc_type="Kế hoạch")
    page = build_page(g, "doc:a").html
    assert "body { height: 100vh; display: flex; flex-direction: column;" in page and "800px" not in page
    assert '<button id="legend-toggle" type="button"' in page
    css = page[page.index("#legend {"):page.index("}", page.index("#legend {"))]
    assert "position: absolute" not in css


# ---------------------------------------------------------------- the aggregated page (a whole archive)

from collections import Counter  # noqa: E402

from chidao.outputs.view import (AGGREGATE_ABOVE, AGGREGATED_MAX_NODES, aggregate_view, choose_view,  # noqa: E402
                                 node_path)


@pytest.fixture(scope="module")
def corpus_2000(tmp_path_factory):
    """The generated 2,000-document corpus (`chidao demo-corpus DIR --docs 2000 --seed 7`), built in memory."""
    from click.testing import CliRunner

    from chidao.cli import cli
    from conftest import graph_of

    out = tmp_path_factory.mktemp("c2000")
    result = CliRunner().invoke(cli, ["demo-corpus", str(out), "--docs", "2000", "--seed", "7"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return graph_of(out)


def expected_top(graph, uid) -> str:
    """The top group of a node, from its own attributes (not the page's place lookup)."""
    d = graph.nodes[uid]
    if d.get("level") == "central":
        return "agg:central"
    return f"agg:{d['province']}" if d.get("province") else "agg:unplaced"


def is_citation(view, u, v, t) -> bool:
    return (t not in ("ISSUED_BY", "PART_OF") and view.nodes[u]["label"] == "Document"
            and view.nodes[v]["label"] == "Document")


def check_aggregation(graph, view, root=None):
    agg = aggregate_view(graph, view, root)
    loose = set(agg.loose)
    # every node of the view is loose or in exactly one top group; the top groups hold them all
    assert set(agg.group_of) | loose == set(view) and not set(agg.group_of) & loose
    tops = [agg.groups[g] for g in agg.top]
    assert sum(len(g.members) for g in tops) == view.number_of_nodes() - len(loose)
    # documents and agencies per top group, counted again from the nodes' own province and level
    docs, agencies = Counter(), Counter()
    for u, d in view.nodes(data=True):
        if u in loose:
            continue
        (docs if d["label"] == "Document" else agencies)[expected_top(graph, u)] += 1
    assert {g.id: g.documents for g in tops if g.documents} == dict(docs)
    assert {g.id: g.agencies for g in tops if g.agencies} == dict(agencies)
    # citation links between top groups, counted again
    between, touching = Counter(), Counter()
    for u, v, t in {(u, v, t) for u, v, t in view.edges(data="type")}:  # parallel statements: one link
        if not is_citation(view, u, v, t):
            continue
        a = u if u in loose else expected_top(graph, u)
        b = v if v in loose else expected_top(graph, v)
        touching.update({a, b} - loose)
        if a != b:
            between[(a, b)] += 1
    assert {k: sum(c.values()) for k, c in agg.links.items()} == dict(between)
    assert {g.id: g.links for g in tops if g.links} == dict(touching)
    # sub-groups partition their group's members; a sub-group's path extends its parent's
    for g in agg.groups.values():
        kids = [agg.groups[c] for c in g.children]
        assert sorted(g.direct + tuple(m for k in kids for m in k.members)) == sorted(g.members)
        assert all(k.path[:-1] == g.path and k.parent == g.id for k in kids)
    return agg


def test_aggregation_of_the_sample_matches_the_graph(sample_graph):
    view, _ = view_graph(sample_graph, max_nodes=10_000)
    agg = check_aggregation(sample_graph, view)
    lai_chau = agg.groups["agg:Lai Châu"]
    assert lai_chau.level == "province" and lai_chau.documents == sum(
        1 for _, d in view.nodes(data=True) if d["label"] == "Document" and d.get("province") == "Lai Châu"
        and d.get("level") != "central")
    # the districts of Lai Châu that hold enough nodes are its sub-groups, at district level
    districts = {agg.groups[c].name for c in lai_chau.children}
    assert {"Tam Đường", "Than Uyên"} <= districts and all(agg.groups[c].level == "district" for c in lai_chau.children)
    # lags: days after the earliest dated central document of the view
    origin = agg.origin
    assert sample_graph.nodes[origin]["level"] == "central"
    day0 = sample_graph.nodes[origin]["day_number"]
    assert all(d.get("day_number") is None or d["day_number"] >= day0
               for _, d in view.nodes(data=True) if d["label"] == "Document" and d.get("level") == "central")
    lags = sorted(d["day_number"] - day0 for u, d in view.nodes(data=True) if d["label"] == "Document"
                  and d.get("province") == "Lai Châu" and d.get("level") != "central" and d.get("day_number"))
    assert lai_chau.first_lag == lags[0] and lai_chau.median_lag == __import__("statistics").median(lags)


def test_aggregation_around_a_root_keeps_it_loose_and_counts_lags_from_it(sample_graph, kl07):
    view, _ = view_graph(sample_graph, kl07, depth=3, max_nodes=10_000)
    agg = check_aggregation(sample_graph, view, kl07)
    assert agg.loose == (kl07,) and agg.origin == kl07 and kl07 not in agg.group_of
    first = min(d["day_number"] for u, d in view.nodes(data=True) if d.get("province") == "Lai Châu"
                and d["label"] == "Document" and d.get("level") != "central") - sample_graph.nodes[kl07]["day_number"]
    assert agg.groups["agg:Lai Châu"].first_lag == first


@pytest.mark.parametrize("symbol, path", [
    ("112-CV/ĐU", ("Lai Châu", "Tam Đường", "Bản Bo")),  # a legacy commune: province, district, commune
    ("15-KH/ĐU", ("Thái Nguyên", "Chợ Mới")),  # a post-reform commune: directly under the province
    ("210-KH/TU", ("Thái Nguyên",)),  # a post-reform provincial plan
    ("07-KL/TW", ("central",)),
], ids=["legacy-commune", "post-reform-commune", "post-reform-province", "central"])
def test_node_path_table(sample_graph, symbol, path):
    uids = [u for u, d in sample_graph.nodes(data=True) if d.get("symbol") == symbol
            and (symbol != "210-KH/TU" or d.get("system") == "2025")]
    assert uids and {node_path(sample_graph, u) for u in uids} == {path}


def test_aggregation_of_2000_generated_documents(corpus_2000):
    view, info = view_graph(corpus_2000, max_nodes=AGGREGATED_MAX_NODES)
    assert info["omitted_nodes"] == 0 and view.number_of_nodes() > AGGREGATE_ABOVE
    agg = check_aggregation(corpus_2000, view)
    provinces = {d["province"] for _, d in view.nodes(data=True) if d.get("province") and d.get("level") != "central"}
    assert len(provinces) > 20
    assert {g for g in agg.top} == {f"agg:{p}" for p in provinces} | {"agg:central", "agg:unplaced"} & set(agg.top)
    assert any(agg.groups[g].children for g in agg.top)  # districts inside provinces


def test_choose_view_aggregates_above_the_threshold(sample_graph):
    big = synthetic_graph(AGGREGATE_ABOVE + 100)
    assert choose_view(big)[2] is True
    assert choose_view(big, aggregate_above=10_000)[2] is False
    view, _, grouped = choose_view(synthetic_graph(DEFAULT_MAX_NODES + 300), aggregate=False)
    assert grouped is False and view.number_of_nodes() == DEFAULT_MAX_NODES
    assert choose_view(sample_graph)[2] is False and choose_view(sample_graph, aggregate=True)[2] is True
    with pytest.raises(ValueError):
        choose_view(sample_graph, aggregate_above=0)


def evil_places_graph():
    """The evil graph, its nodes placed in provinces and districts whose names are markup."""
    g = evil_graph()
    for u in ("doc:b", "doc:c", "agency:x"):
        g.nodes[u].update(province=IMG, district=SCRIPT)
    for i in range(6):  # enough nodes in the district to make it a group
        g.add_node(f"doc:d{i}", label="Document", symbol=f"{i}/KH-UBND", level="district", province=IMG,
                   district=SCRIPT, subject=TITLE, date="2021-08-01")
        g.add_edge(f"doc:d{i}", "doc:b", type="IMPLEMENTS", sentence=SCRIPT)
    return g


def test_aggregated_page_text_is_escaped():
    page = build_page(evil_places_graph(), title=TITLE, aggregate=True)
    assert page.groups >= 2
    for raw in (IMG, SCRIPT, "<b>03</b>", "<b>bold</b>", "\u2028"):
        assert raw not in page.html
    assert page.html.count("</script>") == 3
    assert check_offline(page.html) == []


def test_cli_viz_aggregates_and_expands(ws, tmp_path):
    from click.testing import CliRunner

    from chidao.cli import cli

    out = tmp_path / "a.html"
    r = CliRunner().invoke(cli, ["viz", "-w", ws, "-o", str(out), "--aggregate"], catch_exceptions=False)
    assert r.exit_code == 0 and "groups (click one to open it; --expand draws every node)" in r.output
    assert '"groups":{"groups":[' in out.read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["viz", "-w", ws, "-o", str(out), "--aggregate-above", "50"], catch_exceptions=False)
    assert "groups" in r.output
    r = CliRunner().invoke(cli, ["viz", "-w", ws, "-o", str(out), "--expand", "--aggregate-above", "50"],
                           catch_exceptions=False)
    assert r.exit_code == 0 and "groups" not in r.output and '"groups":null' in out.read_text(encoding="utf-8")


def drawn_ids(loaded) -> set[str]:
    return set(loaded.evaluate("network.body.data.nodes.getIds()"))


@needs_browser
def test_aggregated_page_draws_one_node_per_province_and_opens_offline(browser, corpus_2000):
    page = build_page(corpus_2000)
    view, _ = view_graph(corpus_2000, max_nodes=AGGREGATED_MAX_NODES)
    agg = aggregate_view(corpus_2000, view)
    assert page.groups == len(agg.top) and page.nodes == view.number_of_nodes()
    loaded = browser.open(page.html, timeout_ms=120_000)
    assert_clean(loaded)
    provinces = {d["province"] for _, d in view.nodes(data=True) if d.get("province") and d.get("level") != "central"}
    drawn = drawn_ids(loaded)
    assert {i for i in drawn if i not in ("agg:central", "agg:unplaced")} == {f"agg:{p}" for p in provinces}
    assert loaded.evaluate("chidao.aggregated") is True
    # the links drawn between groups carry the counts the aggregation says
    merged = loaded.evaluate("network.body.data.edges.get().map(e => [e.from, e.to, e.count, e.label])")
    assert {(a, b): c for a, b, c, _ in merged} == {k: sum(c.values()) for k, c in agg.links.items()}
    assert all(label == str(c) for *_, c, label in merged)
    assert canvas_ink(loaded) > 0.001
    # a real click on the biggest province opens it: its own nodes and its districts replace it
    big = max((agg.groups[g] for g in agg.top if agg.groups[g].level == "province"), key=lambda g: len(g.members))
    x, y = loaded.evaluate("""(id) => {
        const d = network.canvasToDOM(network.getPositions([id])[id]);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y];
    }""", big.id)
    loaded.page.mouse.click(x, y)
    loaded.page.wait_for_selector("body[data-opened='1']", state="attached", timeout=30_000)
    drawn = drawn_ids(loaded)
    assert big.id not in drawn and set(big.direct) | set(big.children) <= drawn
    assert drawn - set(big.direct) - set(big.children) == set(agg.top) - {big.id}
    # opening a district inside it (the page's own function) shows its members
    district = agg.groups[big.children[0]]
    assert loaded.evaluate("(id) => chidao.open(id)", district.id) is True
    drawn = drawn_ids(loaded)
    assert district.id not in drawn and set(district.direct) <= drawn
    # documents are now drawn as themselves, with their links and tooltips
    doc = next(u for u in district.direct if view.nodes[u]["label"] == "Document")
    assert view.nodes[doc]["symbol"] in hover(loaded, doc)
    loaded.evaluate("chidao.collapseAll()")
    assert drawn_ids(loaded) == set(agg.top)
    assert_clean(loaded)
    browser.close_page(loaded)


@needs_browser
def test_aggregated_search_lights_the_group_and_enter_opens_it(browser, corpus_2000):
    page = build_page(corpus_2000)
    view, _ = view_graph(corpus_2000, max_nodes=AGGREGATED_MAX_NODES)
    agg = aggregate_view(corpus_2000, view)
    target = next(u for u, d in view.nodes(data=True) if d["label"] == "Document" and d.get("level") == "commune"
                  and sum(1 for _, e in view.nodes(data=True) if e.get("symbol") == d["symbol"]) == 1)
    symbol = view.nodes[target]["symbol"]
    loaded = browser.open(page.html, timeout_ms=120_000)
    loaded.page.fill("#search", symbol)
    loaded.page.wait_for_function("document.getElementById('count').textContent !== ''") if False else None
    loaded.page.press("#search", "Enter")
    assert target in drawn_ids(loaded) and target in loaded.evaluate("network.getSelectedNodes()")
    opacity = dict(loaded.evaluate("network.body.data.nodes.get().map(n => [n.id, n.opacity])"))
    assert opacity[target] == 1 and sorted(set(opacity.values())) == [0.12, 1]
    assert sum(1 for o in opacity.values() if o == 1) < len(opacity) / 2  # the rest is dimmed
    assert agg.top_of(target) not in drawn_ids(loaded)  # its group was opened
    assert_clean(loaded)
    browser.close_page(loaded)


@needs_browser
def test_aggregated_markup_stays_text(browser):
    page = build_page(evil_places_graph(), title=TITLE, aggregate=True)
    loaded = browser.open(page.html)
    assert_clean(loaded)
    group = f"agg:{IMG}"
    assert group in drawn_ids(loaded)
    assert IMG in hover(loaded, group)
    assert loaded.evaluate("document.getElementById('tooltip').children.length") == 0
    assert loaded.evaluate("(id) => chidao.open(id)", group) is True
    assert f"agg:{IMG}/{SCRIPT}" in drawn_ids(loaded)
    assert "IMG" not in loaded.evaluate("Array.from(document.body.querySelectorAll('*'), e => e.tagName).join()")
    assert loaded.evaluate("document.title") == TITLE
    assert_clean(loaded)
    browser.close_page(loaded)


@needs_browser
def test_the_drawing_fills_the_window_and_the_legend_hides(browser, sample_graph):
    loaded = browser.open(build_page(sample_graph).html, viewport=(1200, 700))
    rect = "(s) => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
    net, legend, header = (loaded.evaluate(rect, s) for s in ("#mynetwork", "#legend", "header"))
    assert net[1] == pytest.approx(header[3], abs=2) and net[3] == pytest.approx(700, abs=1)  # down to the bottom
    assert legend[0] >= net[2] - 1  # beside the drawing, not over it
    loaded.page.click("#legend-toggle")
    assert loaded.evaluate("getComputedStyle(document.getElementById('legend')).display") == "none"
    assert loaded.evaluate(rect, "#mynetwork")[2] == pytest.approx(1200, abs=1)
    assert loaded.evaluate("document.getElementById('legend-toggle').textContent") == "Show legend"
    assert_clean(loaded)
    browser.close_page(loaded)
