"""Records -> a resolved knowledge graph (networkx MultiDiGraph). No file I/O.

Nodes carry ``label`` (Document, Source, Agency, Place, Person) and ``uid``;
edges carry ``type`` (ISSUED_BY, ADDRESSED_TO, COPIED_TO, SIGNED_BY, PART_OF,
LOCATED_IN, and one citation link per citation: BASED_ON, IMPLEMENTS, ...,
CITES, MENTIONS from an article) with their provenance.

Resolution is global, in passes, so the result does not depend on the order
of the records: (1) every loaded document claims its key; (2) dated
citations resolve to a key (a stub when the document is not loaded);
(3) undated and number-only citations resolve against what passes 1-2 made.
"""

from __future__ import annotations

from collections import Counter

import datetime as _dt
import importlib.metadata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from ..loaders.models import Citation, Record, is_archive_note
from ..loaders.normalize import fold
from ..loaders.patterns import COMMUNE_WORD_RE
from ..loaders.vocabulary import CUE_BY_NAME, DEFAULT_LINK
from .agencies import Agency, Context, agency_from_uid, context_for, expand_group, resolve_agency, resolve_code
from .checks import Issue, check
from .gazetteer import Place, find_place, gazetteer, get_place, slug
from .identity import CENTRAL_SCOPE, DocKey, normalize_symbol, scope_of, year_of

__all__ = ["build_graph", "chidao_version", "date_fields", "document_context", "place_record", "Placement"]

_EPOCH = _dt.date(1970, 1, 1)


def chidao_version() -> str:
    try:
        return importlib.metadata.version("chidao")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def date_fields(date: str | None) -> dict:
    """date, date_precision (day|month|year), year, day_number (days since 1970-01-01; the 1st for a month)."""
    if not date:
        return {"date": None, "date_precision": None, "year": None, "day_number": None}
    parts = [int(p) for p in date.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    try:
        day = _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return {"date": date, "date_precision": None, "year": parts[0], "day_number": None}
    return {"date": date, "date_precision": precision, "year": parts[0], "day_number": (day - _EPOCH).days}


def document_context(record: Record) -> tuple[Context, Agency | None]:
    """Where a document stands, and its issuer: from the issuer lines, else its place line."""
    doc = record.doc
    g = gazetteer()
    # The context first: the parent line ("ĐẢNG BỘ HUYỆN VĂN CHẤN") and the
    # provinces the document's own citations name ("của UBND tỉnh Bắc Kạn"),
    # so that "Đảng ủy xã Bình Thuận" is looked up inside them and not taken
    # for the province of Bình Thuận, and a "Chợ Mới" is the right one of two.
    parent = find_place(doc.issuer_parent) if doc.issuer_parent else None
    hints = [parent] if parent is not None else _place_hints(record)
    place: Place | None = None
    for hint in hints + [None]:
        province = hint.province if hint is not None else None
        district = hint if hint is not None and hint.level == "district" else None
        for text in (doc.issuer_canonical, doc.issuer):
            place = find_place(text, province, district) if text else None
            if place is not None:
                break
        if place is not None:
            break
    if place is None:
        place = parent
    issuer_folded = fold(" ".join(x for x in (doc.issuer_canonical, doc.issuer) if x))
    # The place line of a commune's document names the commune: never read it as a district elsewhere.
    if place is None and doc.place and not _COMMUNE_WORD_RE.search(issuer_folded):
        place = g.province(doc.place) or g.district(doc.place)
    ctx = context_for(place)
    agency = None
    for text in (doc.issuer_canonical, doc.issuer):
        agency = resolve_agency(text, ctx) if text else None
        if agency is not None:
            break
    if agency is None:
        agency = resolve_code(doc.issuer_code, ctx)
    if agency is not None and agency.place_uid:
        ctx = context_for(get_place(agency.place_uid))
    return ctx, agency


_COMMUNE_WORD_RE = COMMUNE_WORD_RE


def _place_hints(record: Record) -> list[Place]:
    """Provinces and districts named by the issuers a document cites, most named first.

    Only unit-word mentions count ("UBND tỉnh Bắc Kạn", "UBND huyện Chợ Mới"),
    never a bare commune name.
    """
    counts: Counter[str] = Counter()
    places: dict[str, Place] = {}
    for c in record.citations:
        if not c.issuer:
            continue
        place = find_place(c.issuer)
        if place is not None and place.level in ("province", "district"):
            counts[place.uid] += 1
            places[place.uid] = place
    return [places[uid] for uid, _ in counts.most_common()]


def _file_key(record: Record) -> str:
    """A short key of the file a record came from (its content hash, else its path)."""
    return (record.sha256 or slug(record.path))[:12]


def _ctx_scope(ctx: Context) -> str | None:
    p = ctx.commune or ctx.district or ctx.province
    return p.scope if p else None


@dataclass(frozen=True)
class Placement:
    """The half of resolution that needs one record only: where its document stands
    and what the names it writes stand for. Pure and independent of every other
    record, so ``chidao build`` works it out in the parse workers, in parallel;
    ``build_graph`` then only joins the records into one graph."""

    place_uid: str | None  # the context's most specific place ("place:lai-chau/tam-duong")
    issuer: Agency | None  # the document's issuing agency
    addressees: tuple[tuple[str, str, Agency, bool], ...]  # (link type, item as written, agency, from a group phrase)
    unresolved: tuple[tuple[str, tuple[str, ...]], ...]  # (link type, items no agency was found for)
    cited: tuple[tuple[str, Agency | None], ...]  # per citation: (scope of the cited document, its issuer)
    unnumbered: tuple[Agency | None, ...]  # per unnumbered reference: its issuer

    def shared(self, agencies: dict[Agency, Agency]) -> Placement:
        """This placement with its agencies replaced by the equal ones already in ``agencies``
        (records sent back by worker processes each carry their own copies)."""
        def one(a: Agency | None) -> Agency | None:
            return None if a is None else agencies.setdefault(a, a)

        return Placement(
            self.place_uid, one(self.issuer), tuple((link, item, one(a), g) for link, item, a, g in self.addressees),
            self.unresolved, tuple((scope, one(a)) for scope, a in self.cited), tuple(one(a) for a in self.unnumbered),
        )

    @property
    def context(self) -> Context:
        return context_for(get_place(self.place_uid)) if self.place_uid else Context()


def place_record(record: Record) -> Placement:
    """The Placement of one record (documents and articles alike)."""
    if record.kind == "document" and record.doc is not None:
        ctx, issuer = document_context(record)
        addressees, unresolved = _addressees(record, ctx)
    else:
        ctx, issuer, addressees, unresolved = Context(), None, (), ()
    unknown = f"unknown-{_file_key(record)}"  # a scope nothing gives stays private
    cited = tuple(_cited_key(c, ctx, unknown) for c in record.citations)
    unnumbered = tuple(resolve_agency(u.issuer, ctx) if u.issuer else None for u in record.unnumbered)
    at = ctx.commune or ctx.district or ctx.province
    return Placement(at.uid if at else None, issuer, addressees, unresolved, cited, unnumbered)


def _addressees(record: Record, ctx: Context) -> tuple[tuple, tuple]:
    """Kính gửi and Nơi nhận items resolved to agencies (group phrases expanded)."""
    links: list[tuple] = []
    unresolved_by_link: list[tuple] = []
    for link, items in (("ADDRESSED_TO", record.doc.recipients), ("COPIED_TO", record.doc.copied_to)):
        unresolved = []
        for item in items:
            if is_archive_note(item) or fold(item).startswith("nhu "):
                continue  # "Lưu: VT", "Như trên", "Như kính gửi"
            group = expand_group(item, ctx)
            if group:
                links.extend((link, item, a, True) for a in group)
                continue
            agency = resolve_agency(item, ctx)
            parts = [agency] if agency else [resolve_agency(p, ctx) for p in item.replace(";", ",").split(",")]
            parts = [a for a in parts if a is not None]
            if not parts:
                unresolved.append(item)
            links.extend((link, item, a, False) for a in parts)
        if unresolved:
            unresolved_by_link.append((link, tuple(unresolved)))
    return tuple(links), tuple(unresolved_by_link)


def _cited_key(c: Citation, ctx: Context, unknown: str) -> tuple[str, Agency | None]:
    """Scope and issuer of a cited document; ``unknown`` when neither text nor context places it."""
    agency = resolve_agency(c.issuer, ctx) if c.issuer else None
    if agency is None:
        agency = resolve_code(c.issuer_code, ctx)
    return scope_of(c.issuer_code, agency, _ctx_scope(ctx)) or unknown, agency


class _Builder:
    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self.version = chidao_version()
        self.by_key: dict[DocKey, list[str]] = defaultdict(list)  # key -> uids (conflicts keep apart)
        self.by_base: dict[tuple[str, str], set[str]] = defaultdict(set)  # (symbol, scope) -> uids
        self.by_number: dict[tuple[str | None, str, str], set[str]] = defaultdict(set)  # (type, number, scope)

    # -- nodes ---------------------------------------------------------------
    def place(self, place: Place | None) -> None:
        while place is not None and place.uid not in self.g:
            self.g.add_node(place.uid, **place.attrs())
            parent = get_place(place.parent_uid) if place.parent_uid else None
            if parent is not None:
                self.place(parent)
                self.g.add_edge(place.uid, parent.uid, type="LOCATED_IN")
            place = None

    def agency(self, agency: Agency | None) -> str | None:
        if agency is None:
            return None
        if agency.uid not in self.g:
            self.g.add_node(agency.uid, **agency.attrs())
            if agency.place_uid:
                self.place(get_place(agency.place_uid))
                self.g.add_edge(agency.uid, agency.place_uid, type="LOCATED_IN")
            if agency.parent_uid:
                parent = agency_from_uid(agency.parent_uid)
                if parent is not None:
                    self.agency(parent)
                if agency.parent_uid in self.g:
                    self.g.add_edge(agency.uid, agency.parent_uid, type="PART_OF")
        return agency.uid

    def index(self, uid: str, key: DocKey | None, doc_type: str | None, number: str | None) -> None:
        if key is not None:
            self.by_base[key.base].add(uid)
        if number:
            scope = self.g.nodes[uid].get("scope")
            if scope:
                self.by_number[(doc_type, number, scope)].add(uid)

    # -- pass 1: the documents themselves -----------------------------------
    def own(self, record: Record, placement: Placement) -> None:
        doc = record.doc
        ctx, issuer = placement.context, placement.issuer
        issuer_uid = self.agency(issuer)
        scope = scope_of(doc.issuer_code, issuer, _ctx_scope(ctx)) or f"unknown-{_file_key(record)}"
        dates = date_fields(doc.date)
        key = DocKey(normalize_symbol(doc.symbol), scope, dates["year"]) if doc.symbol else None
        attrs = {
            "label": "Document", "kind": "document", "doc_type": doc.doc_type, "number": doc.number,
            "symbol": doc.symbol, **dates, "subject": doc.subject, "scope": scope,
            "level": issuer.level if issuer else ctx.level, "province": ctx.province.name if ctx.province else None,
            "district": ctx.district.name if ctx.district else None, "issuer_uid": issuer_uid,
            "issuer_as_written": doc.issuer, "path": record.path, "sha256": record.sha256, "stub": False,
            "warnings": list(record.warnings),
        }
        if key is None:
            uid = f"doc:~{_file_key(record)}@{scope}:{dates['year'] or '?'}"
            if uid in self.g:  # the same bytes twice (a copied scan): one document, as below
                self.g.nodes[uid].setdefault("duplicate_paths", []).append(record.path)
                return
        else:
            uid = key.uid
            claimed = self.by_key[key]
            for other in claimed:
                o = self.g.nodes[other]
                if o.get("stub"):
                    continue
                if o.get("date") == dates["date"] and o.get("issuer_uid") == issuer_uid:
                    o.setdefault("duplicate_paths", []).append(record.path)  # the same document twice
                    return
            if any(not self.g.nodes[o].get("stub") for o in claimed):
                attrs["conflicts_with"] = uid
                uid = f"{uid}#{len(claimed) + 1}"
            if uid not in claimed:
                claimed.append(uid)
        attrs["uid"] = uid
        self.g.add_node(uid, **attrs)  # fills a stub in place when one was made earlier
        if issuer_uid:
            self.g.add_edge(uid, issuer_uid, type="ISSUED_BY")
        self.index(uid, key, doc.doc_type, doc.number)
        self.addressees(uid, placement)
        if doc.signer and doc.signer.name:
            person = f"person:{scope}:{slug(doc.signer.name)}"
            if person not in self.g:
                self.g.add_node(person, label="Person", uid=person, name=doc.signer.name, scope=scope)
            self.g.add_edge(uid, person, type="SIGNED_BY", title=doc.signer.title)

    def addressees(self, uid: str, placement: Placement) -> None:
        for link, item, agency, expanded in placement.addressees:
            if expanded:
                self.g.add_edge(uid, self.agency(agency), type=link, expanded_from=item, as_written=item)
            else:
                self.g.add_edge(uid, self.agency(agency), type=link, as_written=item)
        for link, items in placement.unresolved:
            self.g.nodes[uid][f"{link.lower()}_unresolved"] = list(items)

    # -- passes 2-3: citations ----------------------------------------------
    def stub(self, uid: str, key: DocKey | None, c: Citation, agency: Agency | None, scope: str) -> None:
        if uid in self.g:
            return
        dates = date_fields(c.date)
        if key is not None and dates["year"] is None:
            dates["year"], dates["year_inferred"] = key.year, True
        place = get_place(agency.place_uid) if agency and agency.place_uid else None
        self.g.add_node(uid, label="Document", uid=uid, kind="document", stub=True, doc_type=c.doc_type,
                        number=c.number, symbol=c.symbol, **dates, scope=scope,
                        level=agency.level if agency else ("central" if scope == CENTRAL_SCOPE else None),
                        province=agency.province if agency else (place.province if place else None),
                        district=agency.district if agency else None,
                        issuer_uid=self.agency(agency), issuer_as_written=c.issuer)
        if agency is not None:
            self.g.add_edge(uid, agency.uid, type="ISSUED_BY")
        if key is not None:
            self.by_key[key].append(uid)
        self.index(uid, key, c.doc_type, c.number)

    def resolve_dated(self, c: Citation, scope: str, agency: Agency | None) -> tuple[str | None, list[str], str | None]:
        """(uid, other candidates, reason unresolved) for a citation with a symbol and a year."""
        key = DocKey(normalize_symbol(c.symbol), scope, year_of(c.date))
        claimed = [u for u in self.by_key.get(key, ()) if u in self.g]
        if not claimed:
            self.stub(key.uid, key, c, agency, scope)
            return key.uid, [], None
        if len(claimed) == 1:
            return claimed[0], [], None
        same_date = [u for u in claimed if self.g.nodes[u].get("date") == c.date]
        if len(same_date) == 1:
            return same_date[0], [], None
        return claimed[0], claimed, None

    def resolve_undated(self, c: Citation, scope: str, agency: Agency | None,
                        citing_year: int | None) -> tuple[str | None, list[str], str | None]:
        if c.symbol:
            found = [u for u in self.by_base.get((normalize_symbol(c.symbol), scope), ())
                     if citing_year is None or (self.g.nodes[u].get("year") or 0) <= citing_year]
            if found:
                latest = max(self.g.nodes[u].get("year") or 0 for u in found)
                best = sorted(u for u in found if (self.g.nodes[u].get("year") or 0) == latest)
                return best[0], (best if len(best) > 1 else []), None
            key = DocKey(normalize_symbol(c.symbol), scope, citing_year)
            self.stub(key.uid, key, c, agency, scope)
            return key.uid, [], None
        # Number only ("Chỉ thị số 17"): only a unique match of type, number and scope.
        scopes = {scope, CENTRAL_SCOPE} if not c.issuer and not c.issuer_code else {scope}
        found = sorted(u for s in scopes for u in self.by_number.get((c.doc_type, c.number, s), ())
                       if citing_year is None or c.date or (self.g.nodes[u].get("year") or 0) <= citing_year)
        if c.date:
            found = [u for u in found if self.g.nodes[u].get("date") == c.date] or found
        if len(found) == 1:
            return found[0], [], None
        reason = f"{len(found)} candidates" if found else "no document of that type and number in scope"
        return None, found, f"number-only reference not resolved ({reason})"


def _link_type(cue: str | None) -> str:
    return CUE_BY_NAME[cue].link if cue in CUE_BY_NAME else DEFAULT_LINK


def build_graph(records: Iterable[Record],
                placements: Mapping[str, Placement] | None = None) -> tuple[nx.MultiDiGraph, list[Issue]]:
    """The knowledge graph of ``records`` and the issues ``checks.check`` finds in it.

    ``placements`` (path -> ``place_record(record)``) may be given for records
    already placed, by the parse workers; the others are placed here.
    """
    b = _Builder()
    records = sorted(records, key=lambda r: r.path)
    placements = dict(placements or {})
    for r in records:
        if r.path not in placements:
            placements[r.path] = place_record(r)
    for r in records:
        if r.kind == "document" and r.doc is not None:
            b.own(r, placements[r.path])
    citing_of: dict[str, tuple[str, int | None]] = {}  # path -> (citing uid, year)
    # The uid each record ended up with (a duplicate file shares its twin's node).
    for uid, attrs in list(b.g.nodes(data=True)):
        if attrs.get("label") == "Document" and not attrs.get("stub"):
            for path in [attrs["path"], *attrs.get("duplicate_paths", ())]:
                citing_of[path] = (uid, attrs.get("year"))
    for r in records:
        if not (r.kind == "document" and r.doc is not None):
            uid = f"src:{_file_key(r)}"
            b.g.add_node(uid, label="Source", uid=uid, kind="article", path=r.path, sha256=r.sha256)
            citing_of[r.path] = (uid, None)
    targets: dict[tuple[str, int], tuple[str | None, list[str], str | None]] = {}
    for phase in ("dated", "undated"):
        for r in records:
            _citing, year = citing_of[r.path]
            cited = placements[r.path].cited
            for i, c in enumerate(r.citations):
                dated = bool(c.symbol and year_of(c.date))
                if (phase == "dated") != dated:
                    continue
                via_year = year
                if c.via is not None and targets.get((r.path, c.via), (None,))[0]:
                    via_year = b.g.nodes[targets[(r.path, c.via)][0]].get("year") or year
                scope, agency = cited[i]
                targets[(r.path, i)] = (b.resolve_dated(c, scope, agency) if dated
                                        else b.resolve_undated(c, scope, agency, via_year))
    duplicates = {p for _, a in b.g.nodes(data=True) for p in a.get("duplicate_paths", ())}
    for r in records:
        if r.path in duplicates:
            continue  # the same document read twice: its links come once, from the first file
        citing, _year = citing_of[r.path]
        article = b.g.nodes[citing]["label"] == "Source"
        for i, c in enumerate(r.citations):
            uid, candidates, reason = targets[(r.path, i)]
            if uid is None:
                b.g.nodes[citing].setdefault("unresolved", []).append(
                    {"text": c.text, "sentence": c.sentence, "start": c.start, "end": c.end, "reason": reason,
                     "candidates": candidates})
                continue
            source = citing
            if c.via is not None and targets.get((r.path, c.via), (None,))[0]:
                source = targets[(r.path, c.via)][0]
            b.g.add_edge(source, uid, type="MENTIONS" if article else _link_type(c.cue), cue=c.cue,
                         citing=citing, path=r.path, sha256=r.sha256, text=c.text, sentence=c.sentence,
                         start=c.start, end=c.end, version=b.version,
                         via_uid=source if source != citing else None, candidates=candidates or None)
        for u, agency in zip(r.unnumbered, placements[r.path].unnumbered):
            who = agency.uid.removeprefix("agency:") if agency else (slug(u.issuer) if u.issuer else "?")
            uid = f"ref:{slug(u.doc_type)}/{who}/{u.date or '?'}"
            if uid not in b.g:
                b.g.add_node(uid, label="Document", uid=uid, kind="unnumbered", stub=True, doc_type=u.doc_type,
                             **date_fields(u.date), issuer_uid=b.agency(agency), issuer_as_written=u.issuer,
                             level=agency.level if agency else None)
                if agency is not None:
                    b.g.add_edge(uid, agency.uid, type="ISSUED_BY")
            b.g.add_edge(citing, uid, type="MENTIONS" if article else _link_type(u.cue), cue=u.cue, citing=citing,
                         path=r.path, sha256=r.sha256, text=u.text, sentence=_sentence_of(u, r), start=u.start,
                         end=u.end, version=b.version)
    return b.g, check(b.g)


def _sentence_of(u, record: Record) -> str | None:
    """Unnumbered references carry no sentence; borrow the one of a citation that spans them, if any."""
    for c in record.citations:
        if c.sentence and u.text and u.text in c.sentence:
            return c.sentence
    return u.text
