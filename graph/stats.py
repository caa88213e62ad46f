"""What the graph holds, counted: one row per (facet, value).

``chidao build`` stores the counts; the stats question (``queries/stats.py``) reads them.

Facets, in this order:

* ``node.label``: nodes by label (Document, Agency, Place, Person, Source);
* ``document.status``: documents read from a file ("read") or only cited ("stub");
* ``document.level``, ``document.doc_type``: documents by level and by type;
* ``document.province``: the ``TOP_PROVINCES`` provinces with most documents;
* ``agency.kind``, ``agency.level``: agencies by kind (party/state/mass) and level;
* ``link.type``: edges by type (ISSUED_BY, IMPLEMENTS, ...).

Within a facet: most frequent first, then by value (an empty value last).
Every document counts, stubs included; an unknown value is None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


__all__ = ["count", "Counts", "FACETS", "LABELS", "TOP_PROVINCES", "COLUMNS"]

COLUMNS = ("facet", "value", "count")
FACETS = ("node.label", "document.status", "document.level", "document.doc_type", "document.province",
          "agency.kind", "agency.level", "link.type")
LABELS = ("Document", "Agency", "Place", "Person", "Source")
TOP_PROVINCES = 20  # also written in stats.cypher


def _rows(facet: str, counts: Counter, limit: int | None = None) -> list[dict]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
    return [{"facet": facet, "value": value, "count": n} for value, n in ordered[:limit]]


def count(graph) -> list[dict]:
    """Counts by facet, as rows with COLUMNS, in the order of FACETS."""
    # Comprehensions feeding Counter: one pass each, no per-item Python call.
    attrs = [d for _, d in graph.nodes(data=True)]
    counts = Counts()
    counts.nodes(attrs)
    counts.link_types([d.get("type") for _, _, d in graph.edges(data=True)] if not graph.is_multigraph()
                      # graph._adj[u][v][key]: 8x faster than the edge view on a MultiDiGraph
                      else [d.get("type") for nbrs in graph._adj.values() for keyed in nbrs.values()
                            for d in keyed.values()])
    return counts.rows()


class Counts:
    """The counts of ``count``, taken as nodes and links go by (a build that never holds the graph
    counts its rows): ``nodes`` (attribute dicts), ``link_types``, then ``rows``."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {facet: Counter() for facet in FACETS}

    def nodes(self, attrs: list[dict]) -> None:
        docs = [d for d in attrs if d.get("label") == "Document"]
        agencies = [d for d in attrs if d.get("label") == "Agency"]
        c = self.counts
        c["node.label"].update(label for label in (d.get("label") for d in attrs) if label in LABELS)
        c["document.status"].update(["stub" if d.get("stub") else "read" for d in docs])
        c["document.level"].update([d.get("level") for d in docs])
        c["document.doc_type"].update([d.get("doc_type") for d in docs])
        c["document.province"].update([d.get("province") for d in docs])
        c["agency.kind"].update([d.get("kind") for d in agencies])
        c["agency.level"].update([d.get("level") for d in agencies])

    def link_types(self, types: Iterable[str | None] | Mapping[str | None, int]) -> None:
        self.counts["link.type"].update(types)

    def rows(self) -> list[dict]:
        rows = []
        for facet in FACETS:
            rows += _rows(facet, self.counts[facet], TOP_PROVINCES if facet == "document.province" else None)
        return rows
