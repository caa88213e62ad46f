"""Anomalies an analyst must know about, read off a built graph.

``check(graph)`` reports: a citation of a document dated after the citing one
(the real 294-CV/TU of 21/7/2021 cites 79/NQ-CP of 22/7/2021), conflicting
claims for one key, citations that resolve to several candidates, documents
without a date or an issuer, and number-only citations left unresolved; and on
places (issue 12): a document whose system of units (legacy or 2025) neither its
date nor its citations nor its header tell (``no_system``), a commune whose unit
word its header's district contradicts (``type_mismatch``), an issuer whose place
contradicts the header's parent line (``contradicts_header``) and a place the
gazetteer does not know in the document's system (``unknown_place``); and
(issue 13): a document whose header names another issuer than every document
citing it does (``issuer_conflict``: header "Ban Chấp hành Trung ương", every
citation "của Bộ Chính trị"), a document known only from news articles
(``article_only``) and a header whose place line ("Phong Thổ, ngày ...") names
a place off the issuer's own (``place_line``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..loaders.normalize import fold
from ..loaders.vocabulary import CITATION_LINK_TYPES, MENTION_LINK
from .agencies import agency_from_uid
from .gazetteer import LEGACY, REFORM, Place, gazetteer, get_place, in_system

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Issue", "check", "CITATION_LINKS", "PLACE_ISSUES", "ISSUE_KINDS"]

# Placement notes that are anomalies (a "mapped" note only records how a name was read).
PLACE_ISSUES = frozenset({"type_mismatch", "contradicts_header", "unknown_place"})

# Every kind of issue ``check`` reports, with what it means (the CLI's --kind choices and its headings).
ISSUE_KINDS: dict[str, str] = {
    "cited_after": "a citation of a document dated after the citing one",
    "conflict": "two documents claim one key with different dates or issuers",
    "ambiguous": "a citation that resolves to several documents",
    "no_date": "a document without a date",
    "no_issuer": "a document whose issuer is not resolved",
    "unresolved": "a number-only citation that resolves to nothing",
    "unscoped": "a cited document nothing says whose it is",
    "no_system": "a document that does not tell its system of units (before or after 1 July 2025)",
    "type_mismatch": "a commune whose unit word its header's district contradicts",
    "contradicts_header": "an issuer whose place contradicts the header's parent line",
    "unknown_place": "a place the gazetteer does not know in the document's system",
    "issuer_conflict": "the header's issuer is not the one every citing document names",
    "article_only": "a document known only from news articles",
    "place_line": "a header whose place line names a place off the issuer's own",
}

# Every link a citation becomes (loaders/vocabulary.py): the cues' links and an article's MENTIONS.
CITATION_LINKS = frozenset(CITATION_LINK_TYPES + (MENTION_LINK,))


@dataclass(frozen=True)
class Issue:
    kind: str  # one of ISSUE_KINDS
    message: str
    uids: tuple[str, ...] = ()
    path: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ISSUE_KINDS:
            raise ValueError(f"issue kind {self.kind!r} is not in ISSUE_KINDS")

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
        if not attrs.get("stub") and attrs.get("system_source") == "default":
            issues.append(Issue("no_system", f"{uid}: its date ({attrs.get('date') or 'none'}) does not say whether "
                                "it is before or after 1 July 2025, nor do its citations or header: read in the "
                                f"{attrs.get('system')} system", (uid,), attrs.get("path")))
        for note in attrs.get("place_notes") or ():
            if note["kind"] in PLACE_ISSUES:
                issues.append(Issue(note["kind"], f"{uid}: {note['message']}", (uid,), attrs.get("path")))
        if attrs.get("stub") and str(attrs.get("scope", "")).startswith("unknown-"):
            issues.append(Issue("unscoped", f"{_ref(graph, uid)}: neither the citation nor the citing source says "
                                f"whose it is ({uid})",
                                (uid,), None))
        for item in attrs.get("unresolved") or ():
            issues.append(Issue("unresolved", f"{item['text']!r} in {uid}: {item['reason']}", (uid,), attrs.get("path")))
        if not attrs.get("stub"):
            issues.extend(_issuer_conflict(graph, uid))
            issues.extend(_place_line(graph, uid))
        else:
            issues.extend(_article_only(graph, uid))
    return issues


def _ref(graph: nx.MultiDiGraph, uid: str) -> str:
    """A document for a message: "312-KH/TU (Lai Châu)", "07-KL/TW", else "Kế hoạch of <issuer>, <date>"."""
    d = graph.nodes[uid]
    where = d.get("district") or d.get("province")
    if d.get("symbol"):
        return f"{d['symbol']} ({where})" if where and d.get("level") != "central" else d["symbol"]
    return f"{d.get('doc_type') or 'document'} of {_agency_name(graph, d.get('issuer_uid')) or d.get('issuer_as_written') or '?'}, " \
           f"{d.get('date') or 'undated'}"


def _agency_name(graph: nx.MultiDiGraph, uid: str | None, as_written: str | None = None) -> str | None:
    """An agency's name: its node's, else the standard one of its uid (a cited issuer is no node),
    else the name as written (with the uid)."""
    if uid and uid in graph:
        return graph.nodes[uid].get("name")
    agency = agency_from_uid(uid) if uid else None
    if agency is not None:
        return agency.name
    return f"{as_written} ({uid})" if as_written else uid


def _citing(graph: nx.MultiDiGraph, uid: str) -> list[tuple[str, dict]]:
    """(citing node, link attributes) of every citation of ``uid`` (a nested one counts for the document
    that writes it, not for the document it is nested in)."""
    return [(data.get("citing") or u, data) for u, _, data in graph.in_edges(uid, data=True)
            if data.get("type") in CITATION_LINKS]


def _issuer_conflict(graph: nx.MultiDiGraph, uid: str) -> list[Issue]:
    """The header names one issuer, every document citing it (two at least) another, the same one.

    Only citations that name an issuer speak ("Kết luận số 07-KL/TW" alone says nothing: Bộ Chính trị,
    Ban Bí thư and the Central Committee all sign /TW); news articles do not; a named issuer that
    resolves to no agency leaves the question open. Citations that disagree among themselves: no issue.
    """
    d = graph.nodes[uid]
    own = d.get("issuer_uid")
    if not own:
        return []  # no_issuer says so
    voices: dict[str, set[str | None]] = {}  # citing document -> the issuers it names
    written: dict[str | None, str] = {}  # issuer -> as one citation writes it (when no node names it)
    for citing, data in _citing(graph, uid):
        if data.get("cited_issuer_as_written") and graph.nodes[citing].get("label") == "Document":
            voices.setdefault(citing, set()).add(data.get("cited_issuer"))
            written.setdefault(data.get("cited_issuer"), data["cited_issuer_as_written"])
    named = set().union(*voices.values()) if voices else set()
    if len(voices) < 2 or len(named) != 1 or None in named or own in named:
        return []
    [other] = named
    citers = sorted(voices)
    return [Issue("issuer_conflict",
                  f"{_ref(graph, uid)}: its header names {_agency_name(graph, own)} as issuer, but every "
                  f"document citing it names {_agency_name(graph, other, written.get(other))}: "
                  + ", ".join(_ref(graph, c) for c in citers), (uid, *citers), d.get("path"))]


def _article_only(graph: nx.MultiDiGraph, uid: str) -> list[Issue]:
    """A document the corpus does not hold that only news articles mention."""
    sources = sorted({c for c, _ in _citing(graph, uid)})
    if not sources or any(graph.nodes[s].get("label") != "Source" for s in sources):
        return []
    paths = sorted(graph.nodes[s].get("path") or s for s in sources)
    return [Issue("article_only", f"{_ref(graph, uid)}: mentioned by {len(sources)} news article(s) only, "
                  "cited by no document of the corpus (the first article's file here, all of them in uids)",
                  (uid, *sources), paths[0])]


def _named_places(text: str, system: str) -> list[Place] | None:
    """Every unit of ``system`` a place line's name can be (accents folded: the lenient reading),
    or None when one of them has no single counterpart in ``system`` (an old name under the new system)."""
    key = fold(text).strip(" .,")
    for sys in (system, REFORM if system == LEGACY else LEGACY):
        g = gazetteer(sys)
        found = [p for index in (g.provinces_by_name, g.districts_by_name, g.communes_by_name)
                 for p in index.get(key, ())]
        if found:
            mapped = [in_system(p, system) for p in found]
            return None if any(p is None for p in mapped) else [p for p in mapped if p is not None]
    return []


def _on_one_line(a: Place, b: Place) -> bool:
    """One place holds the other (or they are one): uids are paths, "place:lai-chau/tam-duong"."""
    return a.uid == b.uid or b.uid.startswith(a.uid + "/") or a.uid.startswith(b.uid + "/")


def _place_line(graph: nx.MultiDiGraph, uid: str) -> list[Issue]:
    """The header's place line ("Phong Thổ, ngày ...") names no unit on the issuer's line: not its own
    place, nor a unit above it or under it (a district's plan dated "Lai Châu" or at its town is fine)."""
    d = graph.nodes[uid]
    line = d.get("place_as_written")
    issuer = graph.nodes[d["issuer_uid"]] if d.get("issuer_uid") in graph else {}
    home = get_place(issuer.get("place_uid"))
    if not line or home is None:
        return []  # a central body has no place; an unplaced issuer, nothing to compare
    found = _named_places(line, d.get("system") or home.system)
    if not found or any(_on_one_line(p, home) for p in found):
        return []
    named = found[0]
    where = named.full_name + (f" ({named.province})" if named.level != "province" else "")
    at = home.full_name + (f" ({home.province})" if home.level != "province" else "")
    return [Issue("place_line", f"{_ref(graph, uid)}: the place line {line!r} names {where}, but the issuer "
                  f"{issuer.get('name')} is in {at}", (uid,), d.get("path"))]
