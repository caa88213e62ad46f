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

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..loaders.normalize import fold
from ..loaders.vocabulary import CITATION_LINK_TYPES, MENTION_LINK
from .agencies import agency_from_uid
from .gazetteer import LEGACY, REFORM, Place, gazetteer, get_place, in_system

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Issue", "check", "Checker", "CITATION_LINKS", "PLACE_ISSUES", "ISSUE_KINDS"]

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


# What check reads of a node: anything with the attributes' ``get`` (a dict, or a build's ``rowstore.Facts``).
Attributes = Any


def _comparable(a: Attributes, b: Attributes) -> tuple[int, int] | None:
    """Day numbers of two documents at their common precision, or None."""
    day_a, day_b = a.get("day_number"), b.get("day_number")
    if day_a is None or day_b is None:
        return None
    if "day" in (a.get("date_precision"), b.get("date_precision")) and a.get("date_precision") == b.get("date_precision"):
        return day_a, day_b
    # Month or year precision: compare the coarser prefix of the ISO dates.
    date_a, date_b = a.get("date") or "", b.get("date") or ""
    n = min(len(date_a), len(date_b))
    return (int(date_a[:n].replace("-", "")), int(date_b[:n].replace("-", ""))) if n else None


def check(graph: nx.MultiDiGraph) -> list[Issue]:
    """Every issue of a built graph: its links' first (in edge order), then its nodes' (in node order)."""
    checker = Checker(graph._node.get)
    for u, v, data in graph.edges(data=True):
        checker.link(u, v, data)
    for uid, attrs in graph.nodes(data=True):
        checker.node(uid, attrs)
    return checker.issues


class Checker:
    """``check`` fed one link and one node at a time, so that a build that never holds the graph
    (graph/rowstore.py) finds the same issues: every link first, then every node with its final
    attributes. ``lookup(uid)`` gives what is known of any node, as a mapping with ``get`` (its
    attributes, or the facts a build keeps: label, stub, date, symbol, the place and issuer fields
    ``_ref`` names a document by, path; an agency's name and place_uid), None for no node.

    What a node's issues need from the links citing it is kept small as the links go by: only the
    documents whose citing documents all name one other issuer (issuer_conflict), only the stubs that
    news articles cite (article_only)."""

    def __init__(self, lookup: Callable[[str], Attributes | None]):
        self.lookup = lookup
        self.issues: list[Issue] = []
        # target -> [issuer named, as one citation writes it, citing documents]; None once it cannot conflict
        self._voices: dict[str, list | None] = {}
        self._sources: dict[str, set[str]] = {}  # stub -> the news articles citing it
        self._by_document: set[str] = set()  # stubs a document cites (they are not article_only)

    def link(self, u: str, v: str, data: Mapping) -> None:
        if data.get("type") not in CITATION_LINKS:
            return
        a, b = self.lookup(u) or {}, self.lookup(v) or {}
        pair = _comparable(a, b)
        if pair and pair[1] > pair[0]:
            self.issues.append(Issue("cited_after", f"{a.get('symbol') or u} ({a.get('date')}) cites "
                                     f"{b.get('symbol') or v} dated later ({b.get('date')})", (u, v), data.get("path")))
        if data.get("candidates"):
            self.issues.append(Issue("ambiguous", f"{data.get('text')!r} resolves to several documents: "
                                     + ", ".join(data["candidates"]), (u, *data["candidates"]), data.get("path")))
        # a nested citation counts for the document that writes it, not for the document it is nested in
        citing = data.get("citing") or u
        citer = self.lookup(citing) or {}
        if b.get("stub"):
            if citer.get("label") == "Source":
                self._sources.setdefault(v, set()).add(citing)
            else:
                self._by_document.add(v)
            return
        if not data.get("cited_issuer_as_written") or citer.get("label") != "Document":
            return
        named = data.get("cited_issuer")
        voice = self._voices.get(v, [])
        if voice is None:
            return
        if named is None or named == b.get("issuer_uid") or (voice and voice[0] != named):
            self._voices[v] = None  # two issuers named, one unknown, or the header's own: no conflict
            return
        if not voice:
            voice = self._voices[v] = [named, data["cited_issuer_as_written"], set()]
        voice[2].add(citing)

    def node(self, uid: str, attrs: Mapping) -> None:
        if attrs.get("label") != "Document":
            return
        issues = self.issues
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
            issues.append(Issue("unscoped", f"{self._ref(uid, attrs)}: neither the citation nor the citing source "
                                f"says whose it is ({uid})", (uid,), None))
        for item in attrs.get("unresolved") or ():
            issues.append(Issue("unresolved", f"{item['text']!r} in {uid}: {item['reason']}", (uid,), attrs.get("path")))
        if not attrs.get("stub"):
            issues.extend(self._issuer_conflict(uid, attrs))
            issues.extend(self._place_line(uid, attrs))
        else:
            issues.extend(self._article_only(uid, attrs))

    def _ref(self, uid: str, d: Attributes | None = None) -> str:
        """A document for a message: "312-KH/TU (Lai Châu)", "07-KL/TW", else "Kế hoạch of <issuer>, <date>"."""
        d = d if d is not None else (self.lookup(uid) or {})
        where = d.get("district") or d.get("province")
        if d.get("symbol"):
            return f"{d.get('symbol')} ({where})" if where and d.get("level") != "central" else str(d.get("symbol"))
        return f"{d.get('doc_type') or 'document'} of {self._agency_name(d.get('issuer_uid')) or d.get('issuer_as_written') or '?'}, " \
               f"{d.get('date') or 'undated'}"

    def _agency_name(self, uid: str | None, as_written: str | None = None) -> str | None:
        """An agency's name: its node's, else the standard one of its uid (a cited issuer is no node),
        else the name as written (with the uid)."""
        node = self.lookup(uid) if uid else None
        if node is not None:
            return node.get("name")
        agency = agency_from_uid(uid) if uid else None
        if agency is not None:
            return agency.name
        return f"{as_written} ({uid})" if as_written else uid

    def _issuer_conflict(self, uid: str, d: Attributes) -> list[Issue]:
        """The header names one issuer, every document citing it (two at least) another, the same one.

        Only citations that name an issuer speak ("Kết luận số 07-KL/TW" alone says nothing: Bộ Chính trị,
        Ban Bí thư and the Central Committee all sign /TW); news articles do not; a named issuer that
        resolves to no agency leaves the question open. Citations that disagree among themselves: no issue.
        """
        own = d.get("issuer_uid")
        voice = self._voices.pop(uid, None)
        if not own or voice is None or len(voice[2]) < 2 or voice[0] == own:
            return []  # no issuer: no_issuer says so
        other, written, citers = voice[0], voice[1], sorted(voice[2])
        return [Issue("issuer_conflict",
                      f"{self._ref(uid, d)}: its header names {self._agency_name(own)} as issuer, but every "
                      f"document citing it names {self._agency_name(other, written)}: "
                      + ", ".join(self._ref(c) for c in citers), (uid, *citers), d.get("path"))]

    def _article_only(self, uid: str, d: Attributes) -> list[Issue]:
        """A document the corpus does not hold that only news articles mention."""
        sources = sorted(self._sources.pop(uid, ()))
        if not sources or uid in self._by_document:
            return []
        paths = sorted((self.lookup(s) or {}).get("path") or s for s in sources)
        return [Issue("article_only", f"{self._ref(uid, d)}: mentioned by {len(sources)} news article(s) only, "
                      "cited by no document of the corpus (the first article's file here, all of them in uids)",
                      (uid, *sources), paths[0])]

    def _place_line(self, uid: str, d: Attributes) -> list[Issue]:
        """The header's place line ("Phong Thổ, ngày ...") names no unit on the issuer's line: not its own
        place, nor a unit above it or under it (a district's plan dated "Lai Châu" or at its town is fine)."""
        line = d.get("place_as_written")
        issuer = (self.lookup(d["issuer_uid"]) if d.get("issuer_uid") else None) or {}
        home = get_place(issuer.get("place_uid"))
        if not line or home is None:
            return []  # a central body has no place; an unplaced issuer, nothing to compare
        found = _named_places(line, d.get("system") or home.system)
        if not found or any(_on_one_line(p, home) for p in found):
            return []
        named = found[0]
        where = named.full_name + (f" ({named.province})" if named.level != "province" else "")
        at = home.full_name + (f" ({home.province})" if home.level != "province" else "")
        return [Issue("place_line", f"{self._ref(uid, d)}: the place line {line!r} names {where}, but the issuer "
                      f"{issuer.get('name')} is in {at}", (uid,), d.get("path"))]


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

