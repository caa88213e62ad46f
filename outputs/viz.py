"""viz: the graph as one self-contained, offline pyvis page.

Three layers, pure until the last:

* ``view_graph(graph, root_uid)`` (view.py, with the aggregated view of a
  whole archive) picks what to draw: REF's neighbourhood
  (chain links up and down within ``depth``, plus the issuing agencies) or
  the whole graph (documents and their issuers), filtered by level and cut at
  ``max_nodes`` in breadth-first order from the root, saying what it left out.
* ``build_page(graph, root_uid)`` lays it out top-down by level with
  precomputed positions (physics off, so a large view draws at once) and
  renders a pyvis ``Network`` through chidao's own template: vis-network and
  its CSS inlined from pyvis's package, no CDN tag, no ``tooltip_link``
  (innerHTML) path, the heading escaped, every piece of document text carried
  as JSON data and put on screen with ``textContent``.
* ``write_page`` (UTF-8, refuses a page that loads anything over http) and
  ``notebook_view`` (an ``IPython.display.HTML`` iframe) are the only I/O.

Why the page is built this way (docs/VIZ.md, /work/shared/TOOLING-NOTES.md):
pyvis 0.3.2 with ``cdn_resources="in_line"`` still links bootstrap from a CDN,
switches every tooltip to ``innerHTML`` when any title contains "href",
inserts the heading unescaped and writes files in the platform encoding.
The page also carries a Content-Security-Policy that allows no network
request at all and only the page's own inline scripts (by hash), so an
injected ``onerror=`` attribute could not run even if markup slipped through.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx

from ..loaders.errors import write_error
from ..loaders.vocabulary import LEVELS
from ..queries.base import LEVEL_ORDER
from .view import (AGGREGATE_ABOVE, AGGREGATED_MAX_NODES, DEFAULT_MAX_NODES, LEVEL_COLOURS, LEVEL_NAMES,
                   LEVEL_TINTS, Aggregate, Aggregation, UnknownNode, ViewError, _aggregated_data, _doc_label,
                   _level, _shorten, aggregate_view, choose_view, node_path, view_graph)

__all__ = ["DEFAULT_MAX_NODES", "AGGREGATE_ABOVE", "AGGREGATED_MAX_NODES", "Aggregate", "Aggregation", "Page",
           "view_graph", "choose_view", "aggregate_view", "node_path", "build_page", "write_page", "check_offline",
           "notebook_view", "LEVEL_COLOURS", "LINK_COLOURS", "ViewError", "UnknownNode"]

# Links by type: the chain links strong, the bookkeeping links (who issued, who received) pale and dashed.
LINK_COLOURS = {
    "IMPLEMENTS": "#6c3483", "BASED_ON": "#0e8c7a", "RESPONDS_TO": "#d35400", "FOLLOWS_UP": "#34495e",
    "CITES": "#7f8c8d", "AMENDS": "#a93226", "REPLACES": "#922b21", "REPEALS": "#641e16",
    "REPLIES_TO": "#ca6f1e", "MENTIONS": "#a6acaf",
    "ISSUED_BY": "#aeb6bf", "ADDRESSED_TO": "#c8cfd4", "COPIED_TO": "#c8cfd4", "SIGNED_BY": "#c8cfd4",
    "PART_OF": "#b3b6b7", "LOCATED_IN": "#d0d3d4",
}
OTHER_LINK_COLOUR = "#95a5a6"
PALE_LINKS = frozenset({"ISSUED_BY", "ADDRESSED_TO", "COPIED_TO", "SIGNED_BY", "PART_OF", "LOCATED_IN", "MENTIONS"})
# Layout (canvas pixels): a band per level, agencies on a line above their documents.
X_GAP = 190
LINE_GAP = 90
BAND_GAP = 170
TIP_SUBJECT_CHARS = 400
TIP_SENTENCES = 3
# An aggregated page carries up to AGGREGATED_MAX_NODES nodes: shorter tooltips keep it a few MB lighter
# (`chidao show` prints the whole evidence).
GROUPED_TIP_CHARS = 200
GROUPED_TIP_SENTENCES = 1

_ASSETS = Path(__file__).resolve().parent / "assets"
PYVIS_VIS_DIR = "lib/vis-9.1.2"  # the vis-network build pyvis 0.3.x bundles


# ---------------------------------------------------------------- layout


def _positions(view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """x, y for every node: a band per level (central on top), agencies on a line above their documents.

    Within a line, nodes sit as near as the spacing allows to the mean x of
    the nodes they link to in the bands above (one barycentre pass, top
    down), so an order's implementing documents gather under it and an agency
    over what it issued; long lines wrap so a large view stays roughly square.
    """
    band_of = {n: LEVEL_ORDER.get(_level(d), 4) for n, d in view.nodes(data=True)}
    rows: dict[tuple[int, bool], list[str]] = defaultdict(list)
    for n, d in view.nodes(data=True):
        rows[(band_of[n], d.get("label") == "Agency")].append(n)
    rank = {n: i for i, n in enumerate(view.nodes)}
    per_line = max(30, int(math.sqrt(view.number_of_nodes()) * 2.5))
    x: dict[str, float] = {}
    y: dict[str, float] = {}
    top = 0.0
    for band in range(5):
        lines = {}
        for agencies in (False, True):  # documents first: an agency then sits over what it issued
            members = rows.get((band, agencies), [])
            bary = {}
            for n in members:
                if agencies:
                    linked = [x[u] for u in view.predecessors(n) if u in x]
                else:
                    linked = [x[v] for v in view.successors(n) if v in x and band_of[v] < band]
                bary[n] = sum(linked) / len(linked) if linked else None
            ordered = (sorted((n for n in members if bary[n] is not None), key=lambda n: (bary[n], rank[n]))
                       + [n for n in members if bary[n] is None])
            chunks = [ordered[i:i + per_line] for i in range(0, len(ordered), per_line)]
            for chunk in chunks:
                xs, last = [], -math.inf
                for n in chunk:  # loose nodes (no linked node above) follow the placed ones
                    placed = bary[n]
                    want = placed if placed is not None else (0.0 if last == -math.inf else last + X_GAP)
                    last = max(want, last + X_GAP)
                    xs.append(last)
                wants = [b for b in (bary[n] for n in chunk) if b is not None]
                shift = (sum(wants) / len(wants) if wants else 0.0) - (xs[0] + xs[-1]) / 2
                for n, xv in zip(chunk, xs):
                    x[n] = xv + shift
            lines[agencies] = chunks
        stacked = lines[True] + lines[False]
        for i, chunk in enumerate(stacked):
            for n in chunk:
                y[n] = top + i * LINE_GAP
        if stacked:
            top += (len(stacked) - 1) * LINE_GAP + BAND_GAP
    return {n: (round(x[n], 1), round(y[n], 1)) for n in view.nodes}


# ---------------------------------------------------------------- nodes and links


def _issuer_name(graph, d: dict) -> str | None:
    issuer = d.get("issuer_uid")
    name = graph.nodes[issuer].get("name") if issuer in graph else None
    return name or d.get("issuer_as_written")


def _node_tip(graph, uid: str, d: dict, chars: int = TIP_SUBJECT_CHARS) -> str:
    if d.get("label") == "Agency":
        lines = [d.get("name") or uid, f"Agency · {d.get('kind') or 'kind unknown'} · {LEVEL_NAMES[_level(d)]}"]
        place = " / ".join(p for p in (d.get("province"), d.get("district"), d.get("commune")) if p)
        if place:
            lines.append(f"Place: {place}")
        return "\n".join(lines)
    lines = [_doc_label(d, uid), f"{d.get('doc_type') or 'Document'} · {LEVEL_NAMES[_level(d)]}"]
    issuer = _issuer_name(graph, d)
    if issuer:
        lines.append(f"Issuer: {issuer}")
    if d.get("date"):
        lines.append(f"Date: {d['date']}")
    place = " / ".join(p for p in (d.get("province"), d.get("district")) if p)
    if place:
        lines.append(f"Place: {place}")
    if d.get("subject"):
        lines.append(f"Subject: {_shorten(d['subject'], chars)}")
    if d.get("stub"):
        lines.append("(cited only: no file of it was read)")
    return "\n".join(lines)


def _vis_node(graph, uid: str, d: dict, pos, root_uid, chars: int = TIP_SUBJECT_CHARS) -> dict:
    level = _level(d)
    colour, tint = LEVEL_COLOURS[level], LEVEL_TINTS[level]
    # "kind", not vis's "group": vis restyles a node of a group (its palette) when the node is updated
    node: dict = {"id": uid, "tip": _node_tip(graph, uid, d, chars)}
    if pos is not None:
        node["x"], node["y"] = pos
    if d.get("label") == "Agency":
        node.update(label=_shorten(d.get("name") or uid, 60), shape="ellipse", kind="agency",
                    color={"background": "#ffffff", "border": colour, "highlight": {"background": tint, "border": "#000000"},
                           "hover": {"background": tint, "border": colour}},
                    font={"color": "#1c2833", "size": 14}, borderWidth=2)
    elif d.get("stub"):
        node.update(label=_doc_label(d, uid), shape="box", kind="stub",
                    color={"background": tint, "border": colour, "highlight": {"background": "#ffffff", "border": "#000000"},
                           "hover": {"background": "#ffffff", "border": colour}},
                    font={"color": "#1c2833", "size": 16}, borderWidth=2, shapeProperties={"borderDashes": [5, 4]})
    else:
        node.update(label=_doc_label(d, uid), shape="box", kind="document",
                    # hovered or selected, the box keeps its fill (the label is white) and gains a dark border
                    color={"background": colour, "border": colour, "highlight": {"background": colour, "border": "#000000"},
                           "hover": {"background": colour, "border": "#000000"}},
                    font={"color": "#ffffff", "size": 16}, borderWidth=1)
    if uid == root_uid:
        node["borderWidth"] = 5
        node["color"] = {**node["color"], "border": "#000000"}
        node["font"] = {**node["font"], "size": 20}
    node["level"] = level or "unplaced"
    return node


def _vis_edges(graph, view, pos, chars: int = TIP_SUBJECT_CHARS, sentences_shown: int = TIP_SENTENCES) -> list[dict]:
    """One drawn link per (from, to, type): parallel evidence is merged into its tooltip."""
    merged: dict[tuple, list[dict]] = {}
    for u, v, d in view.edges(data=True):
        merged.setdefault((u, v, d.get("type") or "LINK"), []).append(d)
    pair_count: dict[frozenset, int] = defaultdict(int)
    edges = []
    for i, ((u, v, t), ds) in enumerate(merged.items()):
        du, dv = graph.nodes[u], graph.nodes[v]
        name_u = du.get("name") if du.get("label") == "Agency" else _doc_label(du, u)
        name_v = dv.get("name") if dv.get("label") == "Agency" else _doc_label(dv, v)
        tip = [f"{t}: {name_u} → {name_v}"]
        cues = sorted({d["cue"] for d in ds if d.get("cue")})
        if cues:
            tip.append(f"Cue: {', '.join(cues)}")
        sentences = list(dict.fromkeys(d["sentence"] for d in ds if d.get("sentence")))
        for s in sentences[:sentences_shown]:
            tip.append(f"“{_shorten(s, chars)}”")
        if len(sentences) > sentences_shown:
            tip.append(f"(+{len(sentences) - sentences_shown} more sentences)")
        if len(ds) > 1:
            tip.append(f"({len(ds)} statements of this link)")
        colour = LINK_COLOURS.get(t, OTHER_LINK_COLOUR)
        edge = {"id": f"e{i}", "from": u, "to": v, "type": t, "tip": "\n".join(tip),
                "color": {"color": colour, "highlight": colour, "hover": colour},
                "width": 1 if t in PALE_LINKS else 2.5}
        if t in PALE_LINKS:
            edge["dashes"] = [4, 4]
        pair = frozenset((u, v))
        k = pair_count[pair]
        pair_count[pair] += 1
        if k:  # a second link between the same two nodes bends away from the first
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.18 * k}
        elif pos and pos[u][1] == pos[v][1] and abs(pos[u][0] - pos[v][0]) > X_GAP * 1.5:
            # along one line a straight link would run through the nodes between
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25}
        edges.append(edge)
    return edges


def _legend_html(view_types: list[str], has_stub: bool, has_agency: bool, grouped: str | None = None) -> str:
    esc = html_lib.escape
    parts = []
    if grouped is not None:
        parts.append('<div class="legend-title">Groups</div>')
        parts.append('<div class="legend-row"><span class="sw dot"></span>a province, district or commune:</div>')
        parts.append('<div class="legend-note">size = its documents; label: documents · agencies · citation '
                     f'links{esc(grouped)}. Click to open, double-click a member to close its group; a link '
                     'between groups says how many citations it stands for.</div>')
    parts.append('<div class="legend-title">Levels</div>')
    for lv in LEVELS + (None,):
        parts.append(f'<div class="legend-row"><span class="sw box" style="background:{LEVEL_COLOURS[lv]}"></span>'
                     f'{esc(LEVEL_NAMES[lv])}</div>')
    parts.append('<div class="legend-title">Kinds</div>')
    parts.append('<div class="legend-row"><span class="sw box" style="background:#566573"></span>document</div>')
    if has_stub:
        parts.append('<div class="legend-row"><span class="sw box stub"></span>cited only (not read)</div>')
    if has_agency:
        parts.append('<div class="legend-row"><span class="sw ellipse"></span>agency</div>')
    if view_types:
        parts.append('<div class="legend-title">Links</div>')
        for t in view_types:
            style = "dashed" if t in PALE_LINKS else "solid"
            parts.append(f'<div class="legend-row"><span class="sw line" style="border-top:3px {style} '
                         f'{LINK_COLOURS.get(t, OTHER_LINK_COLOUR)}"></span>{esc(t)}</div>')
    return "\n".join(parts)


# ---------------------------------------------------------------- the page


@dataclass(frozen=True)
class Page:
    """A rendered page: the HTML, the view's node and link counts, and what the view left out.

    An aggregated page carries every node of the view but first draws ``groups`` group nodes
    (and the root); ``groups`` is 0 on a detailed page."""

    html: str = field(repr=False)
    nodes: int
    edges: int
    omitted: dict
    groups: int = 0


def _asset(name: str) -> str:
    """A file of the page (script, style, template), shipped as package data in outputs/assets/."""
    return (_ASSETS / name).read_text(encoding="utf-8")


def _script_json(value) -> str:
    """JSON that is inert inside <script>: no <, >, & (no </script>, no <!--) and no U+2028/2029."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_PAGE_JS = _asset("page.js")

_PAGE_CSS = _asset("page.css")

# chidao's template for pyvis (rendered by pyvis's generate_html): the same
# variables as pyvis's own template.html, plus the ``chidao`` global. It
# includes vis-network from pyvis's package and nothing from the network.
_TEMPLATE = _asset("page.html")


def _pyvis_templates() -> Path:
    import pyvis

    root = Path(pyvis.__file__).resolve().parent / "templates"
    if not (root / PYVIS_VIS_DIR / "vis-network.min.js").is_file():
        raise RuntimeError(f"pyvis at {root.parent} does not bundle {PYVIS_VIS_DIR}: chidao needs pyvis 0.3.x")
    return root


def _render(title: str, nodes: list[dict], edges: list[dict], options: dict, *, counts: str, notice: str | None,
            legend: str, height: str, groups: dict | None = None) -> str:
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
    from markupsafe import Markup
    from pyvis.network import Network

    templates = _pyvis_templates()
    vis_js = (templates / PYVIS_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    if re.search(r"</script|<!--", vis_js, re.I):  # could end our <script> early
        raise RuntimeError("pyvis's vis-network.min.js contains </script or <!--: cannot inline it safely")
    data = _script_json({"nodes": nodes, "edges": edges, "options": options, "groups": groups})
    script_hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in (vis_js, _PAGE_JS))
    csp = (f"default-src 'none'; script-src {script_hashes}; style-src 'unsafe-inline'; img-src data:; "
           "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")

    net = Network(height=height, width="100%", directed=True, heading=title, cdn_resources="in_line")
    # pyvis gets no node: chidao's template reads the data above (from_nx copies every attribute,
    # add_node is O(N), and generate_html would serialise them all a second time)
    net.nodes, net.edges, net.node_ids = [], [], []
    net.options = options
    env = Environment(loader=ChoiceLoader([DictLoader({"chidao.html": _TEMPLATE}), FileSystemLoader(str(templates))]),
                      autoescape=True)
    env.globals["chidao"] = {
        "csp": csp, "css": Markup(_PAGE_CSS.replace("{height}", height)), "counts": counts, "notice": notice,
        "legend": Markup(legend), "data": Markup(data), "vis_js": Markup(vis_js), "page_js": Markup(_PAGE_JS),
    }
    net.templateEnv = env  # pyvis renders self.path from self.templateEnv
    net.path = "chidao.html"
    return net.generate_html()


def build_page(graph: nx.MultiDiGraph, root_uid: str | None = None, *, depth: int = 2, levels=None,
               max_nodes: int | None = None, title: str | None = None, height: str = "100vh",
               view: tuple[nx.MultiDiGraph, dict] | None = None, aggregate: bool | None = None,
               aggregate_above: int = AGGREGATE_ABOVE) -> Page:
    """A self-contained page drawing ``view_graph(graph, root_uid, ...)`` (``choose_view`` picks it).

    Documents are boxes, agencies ellipses, coloured by level and placed in
    bands top-down (central, province, district, commune, unknown); links are
    coloured by type with arrows. Hovering shows the symbol, type, issuer,
    date, subject (or the citing sentence for a link) as text. The page holds
    a legend (beside the drawing, hidden with a button), a search box
    (accent-insensitive; the rest is dimmed; Enter selects and zooms to the
    matches, "only matches" hides the rest) and, when the view was cut, a
    notice saying what was left out.

    Over ``aggregate_above`` nodes (or with ``aggregate=True``) the page starts
    aggregated (``aggregate``): one dot per province, for the central level
    and for the unplaced, sized by documents, labelled with counts and lags,
    linked by the number of citations between them; a click opens a group
    into its districts or communes and its own nodes, all from data in the page.
    ``height`` is the page's height (CSS): the drawing fills what the header leaves.
    """
    # view: ``view_graph``'s answer made beforehand (the CLI adds the links' evidence to it: graph/rows.py)
    if view is None:
        drawn, info, aggregated = choose_view(graph, root_uid, depth=depth, levels=levels, max_nodes=max_nodes,
                                              aggregate=aggregate, aggregate_above=aggregate_above)
    else:
        drawn, info = view
        aggregated = aggregate if aggregate is not None else drawn.number_of_nodes() > aggregate_above
    pos = None if aggregated else _positions(drawn)
    chars, shown = (GROUPED_TIP_CHARS, GROUPED_TIP_SENTENCES) if aggregated else (TIP_SUBJECT_CHARS, TIP_SENTENCES)
    nodes = [_vis_node(graph, n, d, pos[n] if pos else None, root_uid, chars) for n, d in drawn.nodes(data=True)]
    edges = _vis_edges(graph, drawn, pos, chars, shown)
    groups = None
    if aggregated:
        agg = aggregate_view(graph, drawn, root_uid)
        groups = _aggregated_data(graph, drawn, root_uid, agg, nodes, edges)
    big = len(nodes) > 1000
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": True},
        "nodes": {"widthConstraint": {"maximum": 170}, "margin": 6,
                  "scaling": {"min": 14, "max": 56, "label": {"enabled": False}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.7}}, "smooth": False,
                  "selectionWidth": 2, "hoverWidth": 1.5},
    }
    if title is None:
        if root_uid is not None:
            d = graph.nodes[root_uid]
            title = f"chidao: around {_doc_label(d, root_uid)} (depth {depth})"
        else:
            title = "chidao: the whole workspace"
    types_present = sorted({e["type"] for e in edges},
                           key=lambda t: (t in PALE_LINKS, list(LINK_COLOURS).index(t) if t in LINK_COLOURS else 99, t))
    lag_note = None
    if groups is not None:
        lag_note = f"; lag in days after {groups['origin']}, first / median" if groups["origin"] else ""
    legend = _legend_html(types_present, any(n["kind"] == "stub" for n in nodes),
                          any(n["kind"] == "agency" for n in nodes), grouped=lag_note)
    counts = f"{len(nodes)} nodes, {len(edges)} links"
    if groups is not None:
        counts = f"{len(groups['top']) + len(groups['loose'])} groups of {counts}"
    if levels is not None:
        counts += f" · levels: {', '.join(lv for lv in LEVELS if lv in set(levels))}"
    notice = None
    if info["omitted_nodes"]:
        notice = (f"Partial view: {info['reason']}. Raise max_nodes, lower the depth or pick levels "
                  "to see the rest.")
    page_html = _render(title, nodes, edges, options, counts=counts, notice=notice, legend=legend, height=height,
                        groups=groups)
    return Page(html=page_html, nodes=len(nodes), edges=len(edges), omitted=info,
                groups=len(groups["top"]) + len(groups["loose"]) if groups else 0)


# ---------------------------------------------------------------- checks and I/O


class _RemoteRefs(HTMLParser):
    """Collects every http(s) URL that a tag or a stylesheet would load."""

    LOADING_ATTRS = {"src", "href", "data", "poster", "srcset", "background", "action", "formaction"}
    NAVIGATION_TAGS = {"a", "area"}  # a click, not a load

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self._css(value, f"<{tag} style>")
            elif name in self.LOADING_ATTRS and tag not in self.NAVIGATION_TAGS:
                for url in re.findall(r"(?i)\bhttps?://\S+", value) if name == "srcset" else [value.strip()]:
                    if re.match(r"(?i)(https?:)?//", url):
                        self.found.append(f"<{tag} {name}={url}>")
            elif tag == "meta" and name == "content" and re.search(r"(?i)url\s*=\s*(https?:)?//", value):
                self.found.append(f"<meta content={value}>")
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self._css(data, "<style>")
        elif self._in == "script":
            # markup a script would write or create: src="https://...", href='//...', import("https://...")
            for m in re.finditer(r"""(?i)(?:\b(?:src|href)\s*=\s*\\?["']|\bimport\s*\(\s*["']|"""
                                 r"""\bimportScripts\s*\(\s*["'])((?:https?:)?//[^"'\\\s]+)""", data):
                self.found.append(f"<script> loads {m.group(1)}")

    def _css(self, text, where):
        for m in re.finditer(r"""(?i)(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", text):
            self.found.append(f"{where} loads {m.group(1)}")


def check_offline(html: str) -> list[str]:
    """Every http://, https:// or protocol-relative resource the page would load (scripts, stylesheets,
    images, frames, CSS imports and url()s): an offline page returns []."""
    parser = _RemoteRefs()
    parser.feed(html)
    parser.close()
    return parser.found


def write_page(page: Page, path) -> Path:
    """Write the page as UTF-8 (never the platform encoding); refuse one that would load anything remote."""
    remote = check_offline(page.html)
    if remote:
        raise ViewError(f"the page is not self-contained: {'; '.join(remote[:5])}")
    path = Path(path)
    try:
        path.write_text(page.html, encoding="utf-8", newline="\n")
    except OSError as e:
        raise write_error(path, e) from None
    return path


def notebook_view(graph: nx.MultiDiGraph, root_uid: str | None = None, *, height: int = 640, **options):
    """The page for Jupyter: an ``IPython.display.HTML`` holding it in a sandboxed ``<iframe srcdoc>``.

    No file is written; the iframe may run scripts but gets no access to the
    notebook (no ``allow-same-origin``). The iframe is as wide as the output
    cell and ``height`` pixels high; the page inside fills it (its height is
    the iframe's viewport), so nothing is cropped. ``options`` go to ``build_page``.
    """
    try:
        from IPython.display import HTML
    except ImportError:  # pragma: no cover - depends on the environment
        raise RuntimeError("notebook_view needs IPython (pip install ipython, or run it inside Jupyter); "
                           "outside a notebook use build_page and write_page") from None
    page = build_page(graph, root_uid, **options)
    srcdoc = html_lib.escape(page.html, quote=True)
    return HTML(f'<div class="chidao-viz" style="width:100%"><iframe srcdoc="{srcdoc}" sandbox="allow-scripts" '
                f'title="chidao graph" style="display:block;width:100%;height:{max(240, int(height))}px;'
                'box-sizing:border-box;border:1px solid #d5d8dc"></iframe></div>')
