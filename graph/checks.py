"""Anomalies an analyst must know about, read off a built graph.

``check(graph)`` reports: a citation of a document dated after the citing one
(the real 294-CV/TU of 21/7/2021 cites 79/NQ-CP of 22/7/2021), conflicting
claims for one key, citations that resolve to several candidates, documents
without a date or an issuer, and number-only citations left unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..loaders.vocabulary import CITATION_LINK_TYPES, MENTION_LINK

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Issue", "check", "CITATION_LINKS"]

# Every kind of issue ``check`` reports (the CLI's --kind choices).
ISSUE_KINDS = ("cited_after", "conflict", "ambiguous", "no_date", "no_issuer", "unresolved", "unscoped")

# Every link a citation becomes (loaders/vocabulary.py): the cues' links and an article's MENTIONS.
CITATION_LINKS = frozenset(CITATION_LINK_TYPES + (MENTION_LINK,))


@dataclass(frozen=True)
class Issue:
    kind: str  # cited_after | conflict | ambiguous | no_date | no_issuer | unresolved | unscoped
    message: str
    uids: tuple[str, ...] = ()
    path: str | None = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "message": self.message, "uids": list(self.uids), "path": self.path}


def _comparable(a: dict, b: dict) -> tuple[int, int] | None:
    """Day numbers of two documents at their common precision, or None."""
    if a.get("day_number") is None or b.get("day_number") is None:
        return None
    if "day" in (a.get("date_precision"), b.get("date_precision")) and a.get("date_precision") == b.get("date_precision"):
        return a["day_number"], b["day_number"]
    # Month or year precision: compare the coarser prefix of the ISO dates.
    n = min(len(a.get("date") or ""), len(b.get("date") or ""))
    return (int(a["date"][:n].replace("-", "")), int(b["date"][:n].replace("-", ""))) if n else None


def check(graph: nx.MultiDiGraph) -> list[Issue]:
    issues: list[Issue] = []
    nodes = graph.nodes
    for u, v, data in graph.edges(data=True):
        if data.get("type") not in CITATION_LINKS:
            continue
        a, b = nodes[u], nodes[v]
        pair = _comparable(a, b)
        if pair and pair[1] > pair[0]:
            issues.append(Issue("cited_after", f"{a.get('symbol') or u} ({a.get('date')}) cites "
                                f"{b.get('symbol') or v} dated later ({b.get('date')})", (u, v), data.get("path")))
        if data.get("candidates"):
            issues.append(Issue("ambiguous", f"{data.get('text')!r} resolves to several documents: "
                                + ", ".join(data["candidates"]), (u, *data["candidates"]), data.get("path")))
    for uid, attrs in graph.nodes(data=True):
        if attrs.get("label") != "Document":
            continue
        if attrs.get("conflicts_with"):
            issues.append(Issue("conflict", f"{attrs.get('path')} claims {attrs['conflicts_with']} "
                                f"with a different date or issuer: kept apart as {uid}",
                                (attrs["conflicts_with"], uid), attrs.get("path")))
        if not attrs.get("stub") and attrs.get("kind") == "document":
            if not attrs.get("date"):
                issues.append(Issue("no_date", f"{uid} has no date", (uid,), attrs.get("path")))
            if not attrs.get("issuer_uid"):
                issues.append(Issue("no_issuer", f"{uid}: issuer {attrs.get('issuer_as_written')!r} not resolved",
                                    (uid,), attrs.get("path")))
        if attrs.get("stub") and str(attrs.get("scope", "")).startswith("unknown-"):
            issues.append(Issue("unscoped", f"{uid}: neither the citation nor the citing source says whose it is",
                                (uid,), None))
        for item in attrs.get("unresolved") or ():
            issues.append(Issue("unresolved", f"{item['text']!r} in {uid}: {item['reason']}", (uid,), attrs.get("path")))
    return issues
