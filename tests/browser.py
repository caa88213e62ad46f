"""Headless Chromium for the viz tests, with the network cable pulled.

Debian's chromium (/usr/bin/chromium, installed by .ci/run) driven by
Playwright's Python package; Playwright's own browser download is never used.
The page under test is served from a fake origin by a route handler; every
other request is aborted and recorded, so a test can assert that the page
asked for nothing.

Also the measurement behind DEFAULT_MAX_NODES (docs/VIZ.md)::

    /work/venv/bin/python tests/browser.py measure 500 1000 2000 5000 10000
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field

CHROMIUM = os.environ.get("CHIDAO_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE_URL = "http://chidao-page.invalid/graph.html"  # never resolved: the route handler answers it


def unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        return f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run does it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


@dataclass
class Loaded:
    """A page opened offline: the Playwright page and what it did while loading."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every request other than the page itself (all aborted)
    served: bool = False  # the page itself was answered once

    def evaluate(self, js, arg=None):
        return self.page.evaluate(js, arg)


class Browser:
    """One Chromium for many pages: ``with Browser() as b: loaded = b.open(html)``."""

    def __init__(self, viewport=(1280, 800)):
        self.viewport = viewport
        self._pw = self._browser = None
        self._contexts = []

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for ctx in self._contexts:
            try:
                ctx.close()
            except Exception:  # the browser may already be gone
                pass
        self._contexts.clear()
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._pw is not None:
            self._pw.stop()
            self._pw = None

    def open(self, html: str, *, wait_drawn: bool = True, timeout_ms: int = 60_000, viewport=None,
             bypass_csp: bool = False) -> Loaded:
        """Load ``html`` as the only thing the network will answer, and wait for the first drawing.

        ``bypass_csp`` ignores the page's Content-Security-Policy, to test what the page does without it.
        """
        width, height = viewport or self.viewport
        ctx = self._browser.new_context(viewport={"width": width, "height": height}, service_workers="block",
                                        bypass_csp=bypass_csp)
        self._contexts.append(ctx)
        page = ctx.new_page()
        loaded = Loaded(page)

        def route(r):
            if r.request.url == PAGE_URL and r.request.is_navigation_request() and not loaded.served:
                loaded.served = True
                r.fulfill(status=200, content_type="text/html; charset=utf-8", body=html.encode("utf-8"))
            else:
                loaded.requests.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: loaded.console_errors.append(f"pageerror: {e}"))
        page.on("websocket", lambda ws: loaded.requests.append(ws.url))
        page.goto(PAGE_URL, wait_until="load", timeout=timeout_ms)
        if wait_drawn:
            # a selector, not wait_for_function: the page's CSP forbids the eval that would need
            page.wait_for_selector("body[data-drawn]", state="attached", timeout=timeout_ms)
        return loaded

    def close_page(self, loaded: Loaded):
        ctx = loaded.page.context
        ctx.close()
        if ctx in self._contexts:
            self._contexts.remove(ctx)


# ---------------------------------------------------------------- generated graphs


def synthetic_graph(n_nodes: int, seed: int = 7):
    """A directive hierarchy of about ``n_nodes`` nodes (documents and their issuers), chidao's schema.

    Documents: 2 % central, 18 % province, 40 % district, 40 % commune; each
    implements a document one level up (a fifth also BASED_ON a second one);
    about one agency per three documents, each issuing several.
    """
    import networkx as nx

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    shares = (("central", 0.02), ("province", 0.18), ("district", 0.40), ("commune", 0.40))
    n_docs = max(4, round(n_nodes * 0.75))
    n_agencies = n_nodes - n_docs
    agencies = {}
    for level, share in shares:
        k = max(1, round(n_agencies * share))
        agencies[level] = [f"agency:{level}:{i}" for i in range(k)]
        for a in agencies[level]:
            g.add_node(a, label="Agency", uid=a, name=f"Cơ quan {level} {a.rsplit(':', 1)[1]}", kind="party",
                       level=level)
    docs_by_level: dict[str, list[str]] = {}
    previous = None
    for level, share in shares:
        docs = docs_by_level[level] = []
        for i in range(max(1, round(n_docs * share))):
            uid = f"doc:{level}:{i}"
            issuer = rng.choice(agencies[level])
            g.add_node(uid, label="Document", uid=uid, symbol=f"{i + 1}-KH/{level[:2].upper()}",
                       doc_type="Kế hoạch", date=f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       level=level, issuer_uid=issuer, subject=f"Thực hiện kế hoạch số {i + 1} về phòng, chống dịch",
                       stub=False)
            g.add_edge(uid, issuer, type="ISSUED_BY")
            if previous:
                g.add_edge(uid, rng.choice(previous), type="IMPLEMENTS", cue="thuc_hien",
                           sentence=f"Thực hiện văn bản cấp trên, {uid} ban hành kế hoạch.")
                if rng.random() < 0.2:
                    g.add_edge(uid, rng.choice(previous), type="BASED_ON", cue="can_cu")
            docs.append(uid)
        previous = docs
    # drop agencies that issued nothing, so the whole view holds every node
    g.remove_nodes_from([a for lv in agencies.values() for a in lv if g.in_degree(a) == 0])
    return g


def measure(sizes, repeats: int = 3) -> list[dict]:
    """Median navigation-to-first-drawing time of the whole-graph page of generated graphs."""
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from chidao.outputs.viz import build_page

    rows = []
    with Browser() as browser:
        for n in sizes:
            g = synthetic_graph(n)
            t0 = time.perf_counter()
            page = build_page(g, max_nodes=10 ** 9)
            build_s = time.perf_counter() - t0
            times = []
            for _ in range(repeats):
                loaded = browser.open(page.html, timeout_ms=180_000)
                drawn = loaded.evaluate("window.chidaoDrawnAt")
                drawn_nodes = loaded.evaluate("network.body.data.nodes.length")
                assert drawn_nodes == page.nodes, (drawn_nodes, page.nodes)
                assert not loaded.console_errors and not loaded.requests, (loaded.console_errors, loaded.requests)
                times.append(drawn / 1000)
                browser.close_page(loaded)
            rows.append({"nodes": page.nodes, "links": page.edges, "html_mb": len(page.html.encode()) / 1e6,
                         "build_s": build_s, "draw_s": statistics.median(times), "runs": times})
            print(f"{page.nodes:>6} nodes {page.edges:>6} links  html {rows[-1]['html_mb']:.1f} MB  "
                  f"build {build_s:.2f} s  draw median {rows[-1]['draw_s']:.2f} s  "
                  f"({', '.join(f'{t:.2f}' for t in times)})", flush=True)
    return rows


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "measure":
        reason = unavailable_reason()
        if reason:
            sys.exit(reason)
        measure([int(a) for a in sys.argv[2:]] or [500, 1000, 2000, 5000, 10000])
    else:
        sys.exit(f"usage: {sys.argv[0]} measure [N ...]")
