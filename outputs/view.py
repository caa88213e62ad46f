"""Which nodes, links and groups a page of the graph draws (pure, over the graph; viz.py draws them).

* ``view_graph(graph, root_uid)``: REF's neighbourhood (chain links up and down within ``depth``, plus
  the issuing agencies) or the whole graph (documents and their issuers), filtered by level and cut at
  ``max_nodes`` in breadth-first order from the root, saying what it left out.
* ``aggregate_view`` / ``choose_view``: above ``AGGREGATE_ABOVE`` nodes a whole archive is drawn as one
  group per province (per district or commune inside it, opened in the page), with counts and lags.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict, deque
from dataclasses import dataclass

import networkx as nx

from ..loaders.errors import ChidaoError
from ..loaders.vocabulary import LEVELS
from ..queries.base import DOWNSTREAM_LINKS, LEVEL_ORDER
from ..queries.implements import walk

class ViewError(ChidaoError, ValueError):
    """A view that cannot be drawn as asked (an unknown level, a page that would load something remote)."""


class UnknownNode(ChidaoError, KeyError):
    """The root of a view is not a node of the graph."""

    def __str__(self) -> str:
        return f"{self.args[0]!r} is not in the graph"


# The largest generated view headless Chromium drew in under ~3 s on the CI
# machine (2 cores), navigation to first "afterDrawing": see docs/VIZ.md.
DEFAULT_MAX_NODES = 2000

LEVEL_NAMES = {"central": "central (Trung ương)", "province": "province (tỉnh)", "district": "district (huyện)",
               "commune": "commune (xã)", None: "unplaced (level unknown)"}
# Node fill by level; stubs (cited, never read) and agencies use the tint with a border in the colour.
LEVEL_COLOURS = {"central": "#b03a2e", "province": "#2471a3", "district": "#1e8449", "commune": "#b9770e",
                 None: "#717d7e"}
LEVEL_TINTS = {"central": "#f5d5d1", "province": "#d4e6f1", "district": "#d4efdf", "commune": "#fae5c3",
               None: "#e5e8e8"}
# Bookkeeping links left out of every view: dozens per document, they hide the chains (the question
# graph drops the same ones, plus ADDRESSED_TO here, which `chidao show` lists anyway).
HIDDEN_LINKS = frozenset({"ADDRESSED_TO", "COPIED_TO", "SIGNED_BY", "LOCATED_IN"})


# ---------------------------------------------------------------- the view


def _level(d: dict):
    lv = d.get("level")
    return lv if lv in LEVEL_ORDER and lv is not None else None


def _doc_key(graph, uid: str):
    d = graph.nodes[uid]
    return (LEVEL_ORDER.get(_level(d), 4), d.get("date") is None, d.get("date") or "", d.get("symbol") or "", uid)


def _issuers(graph, uid: str) -> list[str]:
    out = [v for _, v, t in graph.out_edges(uid, data="type") if t == "ISSUED_BY"]
    issuer = graph.nodes[uid].get("issuer_uid")
    if issuer is not None and issuer not in out:
        out.append(issuer)
    return [a for a in dict.fromkeys(out) if a in graph and graph.nodes[a].get("label") == "Agency"]


def _hops(graph, root_uid: str, depth: int) -> dict[str, int]:
    """Chain links from the root to every document within ``depth``, up or down."""
    hops = {root_uid: 0}
    for direction in ("down", "up"):
        for uid, (h, _, _) in walk(graph, root_uid, depth=depth, direction=direction).items():
            hops[uid] = min(h, hops.get(uid, h))
    return hops


def _whole_order(graph) -> list[str]:
    """Every document, breadth-first from the tops of the chains.

    The tops are the documents that act on no other document (the orders);
    a multi-source walk from them, in level/date order, over the chain links
    in both directions keeps whole chains together when the view is cut.
    """
    docs = sorted((n for n, d in graph.nodes(data=True) if d.get("label") == "Document"),
                  key=lambda u: _doc_key(graph, u))
    chain = set(DOWNSTREAM_LINKS)

    def neighbours(u):
        for _, v, t in graph.out_edges(u, data="type"):
            if t in chain:
                yield v
        for v, _, t in graph.in_edges(u, data="type"):
            if t in chain:
                yield v

    tops = [u for u in docs if not any(t in chain for _, _, t in graph.out_edges(u, data="type"))]
    seen: dict[str, None] = {}
    for seeds in (tops, docs):  # docs catches what only a cycle reaches
        queue = deque(u for u in seeds if u not in seen)
        for u in queue:
            seen[u] = None
        while queue:
            u = queue.popleft()
            nxt = sorted({v for v in neighbours(u) if v not in seen and graph.nodes[v].get("label") == "Document"},
                         key=lambda v: _doc_key(graph, v))
            for v in nxt:
                seen[v] = None
                queue.append(v)
    return list(seen)


def view_graph(graph: nx.MultiDiGraph, root_uid: str | None = None, *, depth: int = 2, levels=None,
               max_nodes: int = DEFAULT_MAX_NODES) -> tuple[nx.MultiDiGraph, dict]:
    """The subgraph to draw and what was left out.

    With ``root_uid``: the documents within ``depth`` chain links of it, both
    downstream (documents acting on it) and upstream (documents it acts on),
    plus the agencies that issued them. Without: every document and its
    issuers. ``levels`` (iterable of central/province/district/commune) keeps
    only nodes at those levels; the root is always kept. Nodes come in
    breadth-first order from the root (each document followed by its issuer);
    over ``max_nodes`` the first ``max_nodes`` are kept.

    Returns ``(view, info)``: ``view`` is a new MultiDiGraph holding the kept
    nodes (in that order, attributes shared with ``graph``) and every edge of
    ``graph`` between them except the bookkeeping ``HIDDEN_LINKS``; ``view.graph`` holds ``root``, ``depth`` and the
    ``hops`` of each document from the root. ``info`` is ``{"nodes", "edges",
    "omitted_nodes", "omitted_edges", "reason"}`` (``reason`` None when
    nothing was cut). Raises ``UnknownNode`` (a KeyError) for an unknown root and ``ViewError`` (a ValueError) for
    an unknown level or a max_nodes below 1.
    """
    if max_nodes < 1:
        raise ViewError(f"max_nodes must be at least 1, not {max_nodes}")
    wanted = None
    if levels is not None:
        wanted = set(levels)
        unknown = wanted - set(LEVELS)
        if unknown:
            raise ViewError(f"unknown level(s) {', '.join(sorted(map(str, unknown)))}: use {', '.join(LEVELS)}")
    if root_uid is not None:
        if root_uid not in graph:
            raise UnknownNode(root_uid)
        hops = _hops(graph, root_uid, depth)
        docs = sorted(hops, key=lambda u: (hops[u], _doc_key(graph, u)))  # nearest first
    else:
        hops, docs = {}, _whole_order(graph)

    def keep(uid):
        return uid == root_uid or wanted is None or graph.nodes[uid].get("level") in wanted

    order: dict[str, None] = {}
    for uid in docs:
        if keep(uid):
            order[uid] = None
            for agency in _issuers(graph, uid):
                if keep(agency):
                    order.setdefault(agency, None)
    full = list(order)
    kept = full[:max_nodes]
    kept_set = set(kept)
    full_set = set(full)

    view = nx.MultiDiGraph(root=root_uid, depth=depth if root_uid else None)
    view.add_nodes_from((u, graph.nodes[u]) for u in kept)
    total_edges = 0
    for u in full:
        for v, keyed in graph.succ[u].items():
            if v not in full_set:
                continue
            shown = [(u, v, k, d) for k, d in keyed.items() if d.get("type") not in HIDDEN_LINKS]
            total_edges += len(shown)
            if u in kept_set and v in kept_set:
                view.add_edges_from(shown)
    view.graph["hops"] = {u: h for u, h in hops.items() if u in kept_set}

    omitted_nodes = len(full) - len(kept)
    omitted_edges = total_edges - view.number_of_edges()
    reason = None
    if omitted_nodes:
        near = f"nearest {root_uid}" if root_uid else "nearest the tops of the chains"
        reason = (f"the view holds {len(full)} nodes, over max_nodes={max_nodes}: "
                  f"kept the {len(kept)} {near} (breadth-first), left out {omitted_nodes} nodes "
                  f"and {omitted_edges} links")
    info = {"nodes": view.number_of_nodes(), "edges": view.number_of_edges(),
            "omitted_nodes": omitted_nodes, "omitted_edges": omitted_edges, "reason": reason}
    return view, info


# ---------------------------------------------------------------- the aggregated view (a whole archive)

# Above this many nodes the page starts aggregated: one node per province (plus one for the central
# level and one for the unplaced), opened with a click (docs/PERFORMANCE.md "viz: aggregated page").
AGGREGATE_ABOVE = 300
# The nodes an aggregated page carries (all in the page, drawn only when their group is opened).
AGGREGATED_MAX_NODES = 10_000
# A district or commune with fewer nodes than this is not a group of its own: its nodes sit in the group above.
MIN_GROUP = 4
CENTRAL_GROUP = "central"
UNPLACED_GROUP = "unplaced"
# Links counted between groups: the links between two documents (citations), not who issued what.
NON_CITATION_LINKS = frozenset({"ISSUED_BY", "PART_OF"})


@dataclass(frozen=True)
class Aggregate:
    """One group of the aggregated page: a province, a district or a commune (ward), or the central level.

    ``members`` are every node of the view inside it (at any depth), ``direct`` those drawn on their
    own when it is opened (the rest are in the sub-groups ``children``). ``links`` counts the citation
    links (document to document) with at least one end inside, ``inner_links`` those with both ends
    inside. Lags are days after the view's ``origin`` (aggregation's), of the dated documents inside
    dated on or after it (the origin itself left out)."""

    id: str
    path: tuple[str, ...]
    level: str | None  # central, province, district, commune; None for the unplaced
    name: str
    parent: str | None
    members: tuple[str, ...]
    direct: tuple[str, ...]
    children: tuple[str, ...]
    documents: int
    agencies: int
    links: int
    inner_links: int
    first_lag: int | None
    median_lag: float | None


@dataclass(frozen=True)
class Aggregation:
    """The groups of a view: ``groups`` by id (top-level groups first, then depth first), ``top`` the
    top-level ids, ``loose`` the nodes always drawn on their own (the root), ``group_of`` each other
    node's innermost group, ``origin`` the document lags count from (None: no lag), ``links`` the
    citation links between top-level groups (and loose nodes): (from, to) -> {link type: count}."""

    groups: dict[str, Aggregate]
    top: tuple[str, ...]
    loose: tuple[str, ...]
    group_of: dict[str, str]
    origin: str | None
    links: dict[tuple[str, str], dict[str, int]]

    def top_of(self, uid: str) -> str:
        """The top-level group holding ``uid`` (``uid`` itself when it is loose)."""
        gid = self.group_of.get(uid)
        if gid is None:
            return uid
        parent = self.groups[gid].parent
        while parent is not None:
            gid, parent = parent, self.groups[parent].parent
        return gid


def _place_of(graph, uid: str, d: dict) -> dict:
    """The place node (or gazetteer entry) of a node: a document's scope, an agency's place_uid; {} when none."""
    place_uid = d.get("place_uid")
    if place_uid is None and d.get("scope") and d.get("label") == "Document":
        place_uid = f"place:{d['scope']}"
    if place_uid is None:
        return {}
    if place_uid in graph:
        return graph.nodes[place_uid]
    from ..graph.gazetteer import gazetteer, system_of_uid

    place = gazetteer(system_of_uid(place_uid)).places.get(place_uid)
    return place.attrs() if place is not None else {}


def node_path(graph, uid: str) -> tuple[str, ...]:
    """Where a node sits in the aggregated page: ("central",), ("unplaced",), (province, district,
    commune) before the reform or (province, commune-or-ward) after it, cut at the first unknown part.

    The province is the node's own (as every question counts it: a central document placed in Hà Nội
    is central, not Hà Nội's; a document of unknown province is unplaced); the district and commune
    come from its place (a document's scope, an agency's place) when that place is in the province.
    """
    d = graph.nodes[uid]
    if d.get("level") == "central":
        return (CENTRAL_GROUP,)
    province = d.get("province")
    if not province:
        return (UNPLACED_GROUP,)
    p = _place_of(graph, uid, d)
    if p.get("province") != province:
        p = d
    post_reform = (p.get("system") or d.get("system")) == "2025"
    parts = [province] if post_reform else [province, p.get("district")]
    parts.append(p.get("commune"))
    path: list[str] = []
    for part in parts:
        if not part:
            break
        path.append(str(part))
    return tuple(path)


def _group_id(path: tuple[str, ...]) -> str:
    return "agg:" + "/".join(path)


_GROUP_LEVELS = {1: "province", 2: "district", 3: "commune"}


def _group_level(path: tuple[str, ...], post_reform: bool) -> str | None:
    if path == (CENTRAL_GROUP,):
        return "central"
    if path == (UNPLACED_GROUP,):
        return None
    return "commune" if post_reform and len(path) == 2 else _GROUP_LEVELS[len(path)]


def _lag_origin(graph, view, root_uid: str | None) -> str | None:
    if root_uid is not None:
        return root_uid if graph.nodes[root_uid].get("day_number") is not None else None
    central = [(int(d["day_number"]), u) for u, d in view.nodes(data=True)
               if d.get("label") == "Document" and d.get("level") == "central" and d.get("day_number") is not None]
    return min(central)[1] if central else None


def aggregate_view(graph: nx.MultiDiGraph, view: nx.MultiDiGraph, root_uid: str | None = None) -> Aggregation:
    """Group the nodes of ``view`` (``view_graph``'s answer) by place, for the aggregated page.

    Top level: one group per province, one for the central level, one for the unplaced; inside a
    province one per district (legacy documents) or per commune or ward (post-reform documents), inside
    a district one per commune; a district or commune holding fewer than ``MIN_GROUP`` nodes is no group
    of its own. The root is loose (drawn on its own). Lags count from the root, or without one from the
    earliest dated central document of the view. Pure: reads the graphs, changes nothing.
    """
    loose = tuple(u for u in (root_uid,) if u is not None and u in view)
    paths: dict[str, tuple[str, ...]] = {}
    post: dict[tuple[str, ...], bool] = {}
    for u, d in view.nodes(data=True):
        if u in loose:
            continue
        path = paths[u] = node_path(graph, u)
        if len(path) >= 2:
            post.setdefault(path[:2], (_place_of(graph, u, d).get("system") or d.get("system")) == "2025")
    size: dict[tuple[str, ...], int] = defaultdict(int)
    for path in paths.values():
        for k in range(1, len(path) + 1):
            size[path[:k]] += 1
    group_of: dict[str, tuple[str, ...]] = {}
    for u, path in paths.items():
        k = len(path)
        while k > 1 and size[path[:k]] < MIN_GROUP:
            k -= 1
        group_of[u] = path[:k]
    members: dict[tuple[str, ...], list[str]] = defaultdict(list)
    direct: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for u, g in group_of.items():
        direct[g].append(u)
        for k in range(1, len(g) + 1):
            members[g[:k]].append(u)
    origin = _lag_origin(graph, view, root_uid)
    origin_day = int(graph.nodes[origin]["day_number"]) if origin is not None else None

    coords = _province_order(graph, [g[0] for g in members if len(g) == 1 and g[0] not in (CENTRAL_GROUP, UNPLACED_GROUP)])

    def order(g: tuple[str, ...]):
        if g == (CENTRAL_GROUP,):
            return (0, 0.0, "")
        if g == (UNPLACED_GROUP,):
            return (2, 0.0, "")
        return (1, coords.get(g[0], math.inf), g[0])

    citations: dict[tuple[str, str, str], None] = {}  # one per (from, to, type), as the page draws them
    for u, v, t in view.edges(data="type"):
        if t not in NON_CITATION_LINKS and view.nodes[u].get("label") == "Document" == view.nodes[v].get("label"):
            citations[(u, v, t or "LINK")] = None
    touching: dict[tuple[str, ...], int] = defaultdict(int)
    inner: dict[tuple[str, ...], int] = defaultdict(int)
    for u, v, _ in citations:
        gu, gv = group_of.get(u, ()), group_of.get(v, ())
        pu = {gu[:k] for k in range(1, len(gu) + 1)}
        pv = {gv[:k] for k in range(1, len(gv) + 1)}
        for g in pu | pv:
            touching[g] += 1
        for g in pu & pv:
            inner[g] += 1

    groups: dict[str, Aggregate] = {}
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for g in members:
        if len(g) > 1:
            children[g[:-1]].append(g)

    def add(g: tuple[str, ...]) -> None:
        docs = [u for u in members[g] if view.nodes[u].get("label") == "Document"]
        lags = sorted(int(graph.nodes[u]["day_number"]) - origin_day for u in docs  # type: ignore[operator]
                      if origin_day is not None and u != origin and graph.nodes[u].get("day_number") is not None
                      and int(graph.nodes[u]["day_number"]) >= origin_day)
        kids = sorted(children.get(g, ()), key=lambda c: c[-1])
        groups[_group_id(g)] = Aggregate(
            id=_group_id(g), path=g, level=_group_level(g, post.get(g[:2], False)), name=g[-1],
            parent=_group_id(g[:-1]) if len(g) > 1 else None, members=tuple(members[g]), direct=tuple(direct[g]),
            children=tuple(_group_id(c) for c in kids), documents=len(docs),
            agencies=sum(1 for u in members[g] if view.nodes[u].get("label") == "Agency"),
            links=touching[g], inner_links=inner[g], first_lag=lags[0] if lags else None,
            median_lag=statistics.median(lags) if lags else None)

    top = sorted((g for g in members if len(g) == 1), key=order)
    pending: list[tuple[str, ...]] = list(top)
    for g in top:
        add(g)
    while pending:  # then depth first
        g = pending.pop(0)
        for c in sorted(children.get(g, ()), key=lambda c: c[-1]):
            add(c)
            pending.append(c)
    ids = {u: _group_id(g) for u, g in group_of.items()}
    agg = Aggregation(groups=groups, top=tuple(_group_id(g) for g in top), loose=loose, group_of=ids,
                      origin=origin, links={})
    links: dict[tuple[str, str], dict[str, int]] = {}
    for u, v, t in citations:
        a, b = agg.top_of(u), agg.top_of(v)
        if a != b:
            counts = links.setdefault((a, b), {})
            counts[t] = counts.get(t, 0) + 1
    return Aggregation(groups=groups, top=agg.top, loose=loose, group_of=ids, origin=origin, links=links)


def _province_order(graph, names: list[str]) -> dict[str, float]:
    """A north-to-south rank for each province name (the gazetteer's latitude; unknown names last)."""
    from ..graph.gazetteer import LEGACY, REFORM, gazetteer

    out: dict[str, float] = {}
    for name in names:
        place = None
        for system in (LEGACY, REFORM):
            place = gazetteer(system).province(name)
            if place is not None and place.lat is not None:
                break
        if place is not None and place.lat is not None:
            out[name] = -place.lat
    return out


def choose_view(graph: nx.MultiDiGraph, root_uid: str | None = None, *, depth: int = 2, levels=None,
                max_nodes: int | None = None, aggregate: bool | None = None,
                aggregate_above: int = AGGREGATE_ABOVE) -> tuple[nx.MultiDiGraph, dict, bool]:
    """``view_graph``'s answer and whether the page starts aggregated.

    ``aggregate`` True or False forces it; None aggregates a view of more than ``aggregate_above``
    nodes. ``max_nodes`` defaults to ``AGGREGATED_MAX_NODES`` for an aggregated page (its nodes are
    drawn only when their group is opened) and to ``DEFAULT_MAX_NODES`` for a detailed one.
    """
    if aggregate_above < 1:
        raise ViewError(f"aggregate_above must be at least 1, not {aggregate_above}")
    if aggregate is False:
        view, info = view_graph(graph, root_uid, depth=depth, levels=levels, max_nodes=max_nodes or DEFAULT_MAX_NODES)
        return view, info, False
    view, info = view_graph(graph, root_uid, depth=depth, levels=levels, max_nodes=max_nodes or AGGREGATED_MAX_NODES)
    aggregated = aggregate is True or view.number_of_nodes() > aggregate_above
    if not aggregated and max_nodes is None and view.number_of_nodes() > DEFAULT_MAX_NODES:
        view, info = view_graph(graph, root_uid, depth=depth, levels=levels, max_nodes=DEFAULT_MAX_NODES)
    return view, info, aggregated


# Top-level groups on a grid, north to south (central first, unplaced last); groups are drawn as dots.
GROUP_X_GAP = 240
GROUP_Y_GAP = 190


def _fmt_days(days) -> str:
    if days is None:
        return "–"
    return f"{int(days)} d" if float(days).is_integer() else f"{days:.1f} d"


def _group_tip(a: Aggregate, origin: str | None) -> str:
    kind = {"central": "central level (Trung ương)", "province": "province (tỉnh)", "district": "district (huyện)",
            "commune": "commune or ward (xã, phường)", None: "unplaced (no province known)"}[a.level]
    lines = [" / ".join(a.path) if a.level not in ("central", None) else LEVEL_NAMES[a.level],
             f"Group · {kind}",
             f"{a.documents} documents, {a.agencies} agencies",
             f"{a.links} citation links ({a.inner_links} inside)"]
    if origin is not None:
        lines.append(f"Lag after {origin}: first {_fmt_days(a.first_lag)}, median {_fmt_days(a.median_lag)}")
    if a.children:
        lines.append(f"{len(a.children)} groups inside, {len(a.direct)} nodes of its own")
    lines.append("Click to open; double-click a member to close it again")
    return "\n".join(lines)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _group_label(a: Aggregate, with_lag: bool) -> str:
    name = "Trung ương" if a.level == "central" else ("unplaced" if a.level is None else a.name)
    label = (f"{_shorten(name, 40)}\n{_plural(a.documents, 'doc')} · {_plural(a.agencies, 'agency', 'agencies')}"
             f" · {_plural(a.links, 'link')}")
    if with_lag:
        label += f"\nlag first {_fmt_days(a.first_lag)}, median {_fmt_days(a.median_lag)}"
    return label


def _vis_group(a: Aggregate, origin: str | None) -> dict:
    colour, tint = LEVEL_COLOURS[a.level], LEVEL_TINTS[a.level]
    return {"id": a.id, "label": _group_label(a, origin is not None), "tip": _group_tip(a, origin), "shape": "dot",
            "kind": "aggregate", "value": max(1, a.documents), "level": a.level or "unplaced",
            "color": {"background": colour, "border": "#1c2833", "highlight": {"background": tint, "border": "#000000"},
                      "hover": {"background": tint, "border": "#000000"}},
            "font": {"color": "#1c2833", "size": 15, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 2, "widthConstraint": {"maximum": 230}}


def _grid_columns(n: int) -> int:
    return max(4, math.ceil(math.sqrt(n * 1.6)))


def _group_grid(agg: Aggregation) -> dict[str, tuple[float, float]]:
    """Positions of the top-level groups and loose nodes: the root and the central group on the first
    row, the provinces north to south in rows, the unplaced last."""
    first = list(agg.loose) + [g for g in agg.top if agg.groups[g].level == "central"]
    rest = [g for g in agg.top if g not in first and agg.groups[g].level is not None]
    last = [g for g in agg.top if agg.groups[g].level is None]
    cols = _grid_columns(len(rest))
    pos: dict[str, tuple[float, float]] = {}
    width = (min(cols, max(1, len(rest))) - 1) * GROUP_X_GAP
    for i, g in enumerate(first):
        pos[g] = (width / 2 + (i - (len(first) - 1) / 2) * GROUP_X_GAP, 0.0)
    for i, g in enumerate(rest):
        pos[g] = (float((i % cols) * GROUP_X_GAP), float((1 + i // cols) * GROUP_Y_GAP))
    rows = 1 + (len(rest) + cols - 1) // cols
    for i, g in enumerate(last):
        pos[g] = (width / 2 + i * GROUP_X_GAP, float(rows * GROUP_Y_GAP))
    return pos


def _aggregated_data(graph, view, root_uid, agg: Aggregation, nodes: list[dict], edges: list[dict]) -> dict:
    """What the page's script needs to draw and open the groups: every group, every node, the grid."""
    origin = None
    if agg.origin is not None:
        od = graph.nodes[agg.origin]
        origin = f"{_doc_label(od, agg.origin)}{' of ' + od['date'] if od.get('date') else ''}"
    kinds = {n["id"]: n for n in nodes}
    for e in edges:  # a link between two documents is a citation: counted between groups
        e["cite"] = (e["type"] not in NON_CITATION_LINKS and kinds[e["from"]]["kind"] != "agency"
                     and kinds[e["to"]]["kind"] != "agency")
    grid = _group_grid(agg)
    groups = []
    for a in agg.groups.values():
        g = _vis_group(a, origin)
        g.update(parent=a.parent, direct=list(a.direct), children=list(a.children), band=a.level or "unplaced")
        if a.id in grid:
            g["x"], g["y"] = grid[a.id]
        groups.append(g)
    loose = []
    for n in nodes:
        if n["id"] in grid:
            n["x"], n["y"] = grid[n["id"]]
            loose.append(n["id"])
    return {"groups": groups, "top": list(agg.top), "loose": loose, "origin": origin,
            "bottom": max((y for _, y in grid.values()), default=0.0), "columns": _grid_columns(len(agg.top))}


def _doc_label(d: dict, uid: str) -> str:
    return d.get("symbol") or (f"{d['doc_type']} (no number)" if d.get("doc_type") else uid)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


