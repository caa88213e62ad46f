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
from chidao.outputs.viz import (DEFAULT_MAX_NODES, HIDDEN_LINKS, build_page, check_offline, notebook_view, view_graph,
                              write_page)
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
