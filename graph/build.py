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
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import networkx as nx

from ..loaders.models import Citation, Record, is_archive_note
from ..loaders.normalize import fold
from ..loaders.patterns import COMMUNE_WORD_RE, DISTRICT_PARENT_RE, PARENT_DISTRICT_RE, TYPED_COMMUNE_RE
from ..loaders.vocabulary import CUE_BY_NAME, DEFAULT_LINK
from .agencies import Agency, Context, agency_from_uid, context_for, expand_group, resolve_agency, resolve_code
from .checks import Issue, check
from .gazetteer import (LEGACY, REFORM, Place, find_place, gazetteer, get_place, in_system, slug, system_of_uid,
                        system_on)
from .records import PackedRecords
from .identity import (CENTRAL_SCOPE, CONGRESS_PREFIX, DocKey, congress_key, congress_scope, normalize_symbol, scope_of,
                       year_of)

__all__ = ["build_graph", "join", "GraphSink", "NetworkxSink", "chidao_version", "date_fields", "document_context", "place_record", "Placement", "Quotes"]

_EPOCH = _dt.date(1970, 1, 1)


def chidao_version() -> str:
    import importlib.metadata  # here, not at import: a question never asks (29 ms of every command's start)

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


def document_system(record: Record) -> tuple[str, str]:
    """(system of units in force for a document, how it was decided: date | citations | header | default).

    The document's date decides at its precision (a day or a month; a year unless it is 2025).
    Otherwise its citations: one dated on or after 1 July 2025 makes it post-reform; one
    naming a district-level issuer ("Huyện ủy", "UBND huyện") dated before makes it legacy
    unless it is later than every other. Otherwise its header: a district on the parent line
    is legacy. Otherwise legacy, by default (``check`` reports it).
    """
    doc = record.doc
    system = system_on(doc.date)
    if system is not None:
        return system, "date"
    dates = sorted(c.date for c in record.citations if c.date and system_on(c.date) is not None)
    if dates and system_on(dates[-1]) == REFORM:
        return REFORM, "citations"
    parent = fold(doc.issuer_parent or "")
    if DISTRICT_PARENT_RE.search(parent):
        return LEGACY, "header"
    if doc.date and dates:  # "2025": a citation of the first half of 2025 does not tell; of 2024 neither
        return LEGACY, "default"
    if dates and not doc.date and int(dates[-1][:4]) < 2025:
        return LEGACY, "citations"
    return LEGACY, "default"


def document_context(record: Record) -> tuple[Context, Agency | None]:
    """Where a document stands, and its issuer: from the issuer lines, else its place line."""
    ctx, agency, _system, _notes = _document_place(record)
    return ctx, agency


def _find_issuer_place(doc, hints: list[Place | None], system: str) -> Place | None:
    for hint in hints:
        if hint is not None and hint.system != system:
            continue
        district = hint if hint is not None and hint.level == "district" else None
        for text in (doc.issuer_canonical, doc.issuer):
            place = find_place(text, get_place(hint.province_uid) if hint else None, district, system) if text else None
            if place is not None:
                return place
    return None




def _document_place(record: Record) -> tuple[Context, Agency | None, tuple[str, str], tuple[tuple[str, str], ...]]:
    """The context and issuer of a document, the system (and how it was decided), and notes on the
    placement for ``check``: (kind, message) with kind type_mismatch | contradicts_header |
    unknown_place | mapped."""
    doc = record.doc
    system, source = document_system(record)
    g = gazetteer(system)
    notes: list[tuple[str, str]] = []
    # The context first: the parent line ("ĐẢNG BỘ HUYỆN VĂN CHẤN") and the
    # provinces the document's own citations name ("của UBND tỉnh Bắc Kạn"),
    # so that "Đảng ủy xã Bình Thuận" is looked up inside them and not taken
    # for the province of Bình Thuận, and a "Chợ Mới" is the right one of two.
    parent = find_place(doc.issuer_parent, system=system) if doc.issuer_parent else None
    if parent is None and doc.issuer_parent and system == REFORM:  # a 2026 text under an old header
        other = find_place(doc.issuer_parent, system=LEGACY)
        parent = in_system(other, system)
        if other is not None:
            notes.append(("mapped", f"parent line {doc.issuer_parent!r} names {other.full_name} ({other.system}), "
                          f"read in the {system} system as {parent.full_name if parent else 'no single unit'}"))
    hints = [parent] if parent is not None else _place_hints(record, system)
    place = _find_issuer_place(doc, hints, system)
    issuer_text = doc.issuer_canonical or doc.issuer or ""
    if place is None and parent is None and doc.issuer_parent and system == LEGACY \
            and TYPED_COMMUNE_RE.search(fold(issuer_text)):
        # "UBND HUYỆN CHỢ MỚI / UBND XÃ MỸ HIỆP": two districts are called Chợ Mới (Bắc Kạn, An Giang);
        # the one that has the commune decides.
        m = PARENT_DISTRICT_RE.search(fold(doc.issuer_parent))
        found = {p.uid: p for d in (g.districts_by_name.get(m.group("name").strip(), ()) if m else ())
                 if (p := _find_issuer_place(doc, [d], system)) is not None and p.level == "commune"}
        if len(found) == 1:
            place = next(iter(found.values()))
    issuer_folded = fold(" ".join(x for x in (doc.issuer_canonical, doc.issuer) if x))
    if place is None and parent is not None and parent.level == "district":
        # The parent line decides: "ĐẢNG BỘ HUYỆN MÊ LINH / ĐẢNG ỦY XÃ QUANG MINH" is the thị trấn
        # Quang Minh of Mê Linh, whatever the unit word says.
        m = TYPED_COMMUNE_RE.search(fold(issuer_text))
        if m:
            same_name = [c for c in g.communes_of(parent) if fold(c.name) == m.group("name").strip()]
            if len(same_name) == 1:
                place = same_name[0]
                notes.append(("type_mismatch", f"issuer {issuer_text!r}: {parent.full_name} has no "
                              f"{m.group(0).split()[0]} of that name; read as {place.full_name} under the parent line"))
    national = None
    if place is None:
        national = _find_issuer_place(doc, [None], system)
        if national is not None and parent is not None and national.province_uid != parent.province_uid:
            notes.append(("contradicts_header", f"issuer {issuer_text!r} names {national.full_name} "
                          f"({national.province}) but the parent line {doc.issuer_parent!r} is in {parent.province}"))
        elif national is not None:
            place = national
    if place is None and national is None and system == REFORM:
        # A 2026 text naming a pre-reform unit, spelt exactly ("UBND xã Như Cố" of the former Chợ Mới).
        other = _find_issuer_place(doc, [None], LEGACY)
        if other is not None and other.level != "province" and _spelt(other, issuer_text):
            mapped = in_system(other, system)
            if mapped is not None:
                place = mapped
                notes.append(("mapped", f"issuer {issuer_text!r} names {other.full_name} of {other.province} "
                              f"({other.system}); in force on {doc.date or 'its date'}: {mapped.full_name}"
                              + (f" of {mapped.province}" if mapped.level != "province" else "") + f" ({system})"))
        elif _unknown_commune(issuer_text, g):
            notes.append(("unknown_place", f"issuer {issuer_text!r}: no such commune or ward in the {system} "
                          "system" + (f" under {parent.full_name}" if parent is not None else "")))
    if place is None:
        place = parent
    # The place line of a commune's document names the commune: never read it as a district elsewhere.
    if place is None and doc.place and not _COMMUNE_WORD_RE.search(issuer_folded):
        place = g.province(doc.place) or g.district(doc.place)
    ctx = context_for(place, system)
    agency = None
    for text in (doc.issuer_canonical, doc.issuer):
        agency = resolve_agency(text, ctx) if text else None
        if agency is not None:
            break
    if agency is None:
        agency = resolve_code(doc.issuer_code, ctx)
    if agency is not None and agency.place_uid and parent is not None \
            and get_place(agency.place_uid).province_uid != parent.province_uid:
        agency = None  # the parent line decides: an issuer outside it is not this document's (check says so)
    if agency is not None and agency.place_uid:
        ctx = context_for(get_place(agency.place_uid))
    return ctx, agency, (system, source), tuple(notes)


_OTHER = {LEGACY: REFORM, REFORM: LEGACY}


def _spelt(place: Place, text: str) -> bool:
    """Whether ``text`` spells the place's name with its accents (folding merges Vĩnh Thành and Vinh Thanh)."""
    return " ".join(place.name.lower().split()) in " ".join(text.lower().split())


def _unknown_commune(text: str, g) -> bool:
    """A commune or ward the text names that no unit of the system bears (not merely an ambiguous name)."""
    m = TYPED_COMMUNE_RE.search(fold(text))
    return bool(m) and not g.communes_by_name.get(m.group("name").strip())


_COMMUNE_WORD_RE = COMMUNE_WORD_RE


def _place_hints(record: Record, system: str = LEGACY) -> list[Place]:
    """Provinces and districts named by the issuers a document cites, most named first.

    Only unit-word mentions count ("UBND tỉnh Bắc Kạn", "UBND huyện Chợ Mới"),
    never a bare commune name.
    """
    counts: Counter[str] = Counter()
    places: dict[str, Place] = {}
    for c in record.citations:
        if not c.issuer:
            continue
        # A citation is read in the system of its own date, then mapped to the document's.
        place = find_place(c.issuer, system=system_on(c.date) or system)
        place = in_system(place, system) if place is not None and place.level in ("province", "district") else None
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
    system: str = LEGACY  # the system of units in force for the document (legacy | 2025)
    system_source: str = "default"  # date | citations | header | default
    notes: tuple[tuple[str, str], ...] = ()  # (kind, message) on how the document was placed

    @property
    def context(self) -> Context:
        return context_for(get_place(self.place_uid)) if self.place_uid else Context(system=self.system)


def place_record(record: Record) -> Placement:
    """The Placement of one record (documents and articles alike)."""
    notes: tuple = ()
    source = "default"
    if record.kind == "document" and record.doc is not None:
        ctx, issuer, (system, source), notes = _document_place(record)
        addressees, unresolved = _addressees(record, ctx)
    else:
        ctx, issuer, addressees, unresolved = Context(), None, (), ()
    unknown = f"unknown-{_file_key(record)}"  # a scope nothing gives stays private
    cited = tuple(_cited_key(c, ctx, unknown) for c in record.citations)
    unnumbered = tuple(resolve_agency(u.issuer, ctx) if u.issuer else None for u in record.unnumbered)
    at = ctx.commune or ctx.district or ctx.province
    cited_notes = tuple(("mapped", f"{c.text!r}: {note}") for c, (_, _, note) in zip(record.citations, cited) if note)
    return Placement(at.uid if at else None, issuer, addressees, unresolved, tuple(k[:2] for k in cited), unnumbered,
                     ctx.system, source, notes + cited_notes)


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


def _in_system(ctx: Context, system: str) -> Context:
    """The citing context read in another system: its place mapped through the gazetteer's mapping."""
    if ctx.system == system:
        return ctx
    at = ctx.commune or ctx.district or ctx.province
    return context_for(in_system(at, system), system)


def _cited_key(c: Citation, ctx: Context, unknown: str) -> tuple[str, Agency | None, str | None]:
    """Scope and issuer of a cited document (``unknown`` when neither text nor context places it),
    and a note when it was read in the other system than the citing document's.

    A dated citation is read in the system of its own date (a 2026 plan citing a 2024 Huyện ủy
    plan: legacy); an undated one in the citing document's system, else in the other one when
    only that one knows the issuer ("Huyện ủy Chợ Mới" in 2026).
    """
    system = system_on(c.date) or ctx.system
    here = _in_system(ctx, system)
    agency = resolve_agency(c.issuer, here) if c.issuer else None
    if agency is None and c.issuer and not c.date:
        there = _in_system(ctx, _OTHER[system])
        agency = resolve_agency(c.issuer, there)
        if agency is not None and agency.level != "central":
            here, system = there, _OTHER[system]
        else:
            agency = None
    if agency is None:
        agency = resolve_code(c.issuer_code, here)
    note = None
    if system != ctx.system and agency is not None and agency.level != "central":
        note = f"read in the {system} system ({agency.name})"
    return scope_of(c.issuer_code, agency, _ctx_scope(here)) or unknown, agency, note


class _Builder:
    def __init__(self, sink: GraphSink | None = None) -> None:
        self.sink = sink if sink is not None else NetworkxSink()
        self.citing_of: dict[str, tuple[str, int | None]] = {}  # path -> (the uid its record ended up with, year)
        self.duplicates: set[str] = set()  # paths of files that hold a document already read
        self.version = chidao_version()
        # The key indexes, held for every document of the corpus: one uid is a str, more a list or set
        # (an empty set or list and a key object cost ~300 bytes a document, at a million documents 1 GB).
        self.by_key: dict[tuple[str, str, int | None], str | list[str]] = {}  # (symbol, scope, year) -> uids
        self.by_base: dict[tuple[str, str], str | set[str]] = {}  # (symbol, scope) -> uids
        self.by_number: dict[tuple[str | None, str, str], str | set[str]] = {}  # (type, number, scope) -> uids

    # -- nodes ---------------------------------------------------------------
    def place(self, place: Place | None) -> None:
        while place is not None and not self.sink.has(place.uid):
            self.sink.add_node(place.uid, place.attrs())
            parent = get_place(place.parent_uid) if place.parent_uid else None
            if parent is not None:
                self.place(parent)
                self.sink.add_edge(place.uid, parent.uid, {"type": "LOCATED_IN"})
            place = None

    def agency(self, agency: Agency | None) -> str | None:
        if agency is None:
            return None
        if not self.sink.has(agency.uid):
            self.sink.add_node(agency.uid, agency.attrs())
            if agency.place_uid:
                self.place(get_place(agency.place_uid))
                self.sink.add_edge(agency.uid, agency.place_uid, {"type": "LOCATED_IN"})
            if agency.parent_uid:
                parent = agency_from_uid(agency.parent_uid)
                if parent is not None:
                    self.agency(parent)
                if self.sink.has(agency.parent_uid):
                    self.sink.add_edge(agency.uid, agency.parent_uid, {"type": "PART_OF"})
        return agency.uid

    def index(self, uid: str, key: DocKey | None, doc_type: str | None, number: str | None, scope: str | None) -> None:
        if key is not None:
            _add(self.by_base, key.base, uid)
        if number:
            if scope:
                _add(self.by_number, (doc_type and sys.intern(doc_type), sys.intern(number), sys.intern(scope)), uid)

    def claims(self, key: DocKey) -> list[str]:
        """The uids that claim a document key (several when documents conflict), in claim order."""
        held = self.by_key.get((key.symbol, key.scope, key.year))
        return [] if held is None else [held] if isinstance(held, str) else list(held)

    def claim(self, key: DocKey, uid: str) -> None:
        k = (key.symbol, key.scope, key.year)
        held = self.by_key.get(k)
        if held is None:
            self.by_key[k] = uid
        elif isinstance(held, str):
            if held != uid:
                self.by_key[k] = [held, uid]
        elif uid not in held:
            held.append(uid)

    # -- pass 1: the documents themselves -----------------------------------
    def own(self, record: Record, placement: Placement) -> None:
        doc = record.doc
        ctx, issuer = placement.context, placement.issuer
        issuer_uid = self.agency(issuer)
        scope = sys.intern(scope_of(doc.issuer_code, issuer, _ctx_scope(ctx)) or f"unknown-{_file_key(record)}")
        dates = date_fields(doc.date)
        key = DocKey(normalize_symbol(doc.symbol), scope, dates["year"]) if doc.symbol else None
        attrs = {
            "label": "Document", "kind": "document", "doc_type": doc.doc_type, "number": doc.number,
            "symbol": doc.symbol, **dates, "subject": doc.subject, "scope": scope,
            "level": issuer.level if issuer else ctx.level, "province": ctx.province.name if ctx.province else None,
            "district": ctx.district.name if ctx.district else None, "issuer_uid": issuer_uid,
            "issuer_as_written": doc.issuer, "place_as_written": doc.place, "path": record.path, "sha256": record.sha256, "stub": False,
            "warnings": list(record.warnings), "system": placement.system,
        }
        if placement.system_source != "date":
            attrs["system_source"] = placement.system_source
        if placement.notes:
            attrs["place_notes"] = [{"kind": k, "message": m} for k, m in placement.notes]
        if key is None:
            uid = f"doc:~{_file_key(record)}@{scope}:{dates['year'] or '?'}"
            if self.sink.has(uid) and not self.sink.get(uid, "stub"):  # the same bytes twice (a copied scan): one document, as below
                self.duplicate(uid, record.path)
                return
        else:
            uid = key.uid
            claimed = self.claims(key)
            for other in claimed:
                if self.sink.get(other, "stub"):
                    continue
                if self.sink.get(other, "date") == dates["date"] and self.sink.get(other, "issuer_uid") == issuer_uid:
                    self.duplicate(other, record.path)  # the same document twice
                    return
            if any(not self.sink.get(o, "stub") for o in claimed):
                attrs["conflicts_with"] = uid
                uid = f"{uid}#{len(claimed) + 1}"
            if uid not in claimed:
                self.claim(key, uid)
        # One string for what the key indexes and the sink hold of every document (a record comes
        # from a worker process: its strings are its own copies, not those of the records before it).
        attrs["uid"] = uid = sys.intern(uid)
        for link, items in placement.unresolved:
            attrs[f"{link.lower()}_unresolved"] = list(items)
        self.sink.add_node(uid, attrs)
        self.citing_of[record.path] = (uid, dates["year"])
        if issuer_uid:
            self.sink.add_edge(uid, issuer_uid, {"type": "ISSUED_BY"})
        self.index(uid, key, doc.doc_type, doc.number, scope)
        self.addressees(uid, placement)
        if doc.signer and doc.signer.name:
            person = f"person:{scope}:{slug(doc.signer.name)}"
            if not self.sink.has(person):
                self.sink.add_node(person, {"label": "Person", "uid": person, "name": doc.signer.name, "scope": scope})
            self.sink.add_edge(uid, person, {"type": "SIGNED_BY", "title": doc.signer.title})

    def duplicate(self, uid: str, path: str) -> None:
        """A file holding a document already read: its path goes to the document, its links come once."""
        self.sink.append(uid, "duplicate_paths", path)
        self.citing_of[path] = (uid, self.sink.get(uid, "year"))
        self.duplicates.add(path)

    def addressees(self, uid: str, placement: Placement) -> None:
        for link, item, agency, expanded in placement.addressees:
            if expanded:
                self.sink.add_edge(uid, self.agency(agency), {"type": link, "expanded_from": item, "as_written": item})
            else:
                self.sink.add_edge(uid, self.agency(agency), {"type": link, "as_written": item})

    # -- passes 2-3: citations ----------------------------------------------
    def stub(self, uid: str, key: DocKey | None, c: Citation, agency: Agency | None, scope: str) -> None:
        if self.sink.has(uid):
            return
        dates = date_fields(c.date)
        if key is not None and dates["year"] is None:
            dates["year"], dates["year_inferred"] = key.year, True
        place = get_place(agency.place_uid) if agency and agency.place_uid else None
        self.sink.add_node(uid, dict(
            label="Document", uid=uid, kind="document", stub=True, doc_type=c.doc_type,
            number=c.number, symbol=c.symbol, **dates, scope=scope,
            level=agency.level if agency else ("central" if scope == CENTRAL_SCOPE else None),
            province=agency.province if agency else (place.province if place else None),
            district=agency.district if agency else None,
            issuer_uid=self.agency(agency), issuer_as_written=c.issuer,
            system=(agency.system if agency is not None and agency.system else None)
            or system_on(c.date) or (system_of_uid(scope) if scope != CENTRAL_SCOPE
                                     and not scope.startswith("unknown-") else None)))
        if agency is not None:
            self.sink.add_edge(uid, agency.uid, {"type": "ISSUED_BY"})
        if key is not None:
            self.claim(key, uid)
        self.index(uid, key, c.doc_type, c.number, scope)

    def resolve_dated(self, c: Citation, scope: str, agency: Agency | None) -> tuple[str | None, list[str], str | None]:
        """(uid, other candidates, reason unresolved) for a citation with a symbol and a year."""
        key = DocKey(normalize_symbol(c.symbol), scope, year_of(c.date))
        claimed = self.claims(key)
        if not claimed:
            self.stub(key.uid, key, c, agency, scope)
            return key.uid, [], None
        if len(claimed) == 1:
            return claimed[0], [], None
        same_date = [u for u in claimed if self.sink.get(u, "date") == c.date]
        if len(same_date) == 1:
            return same_date[0], [], None
        return claimed[0], claimed, None

    def resolve_unscoped(self, c: Citation, scope: str, agency: Agency | None, near: set[str]
                         ) -> tuple[str | None, list[str], str | None]:
        """A citation nothing places (a news article's "Kế hoạch số 312-KH/TU ... của Ban Thường vụ
        Tỉnh ủy"): the corpus's own document of that symbol and year when one fits, before a stub.

        Several fit (Lai Châu's and Điện Biên's 312-KH/TU): the one of the same date, else the one
        in a province ``near`` (the provinces of the article's other resolved citations).
        """
        if not scope.startswith("unknown-") or not c.symbol:
            return self.resolve_dated(c, scope, agency)
        if not hasattr(self, "_owned_by_symbol"):
            index: dict[tuple[str, int | None], list[str]] = defaultdict(list)
            for (symbol, _scope, year), held in self.by_key.items():
                uids = [held] if isinstance(held, str) else held
                index[(symbol, year)].extend(u for u in uids if not self.sink.get(u, "stub"))
            self._owned_by_symbol = index
        found = sorted(set(self._owned_by_symbol.get((normalize_symbol(c.symbol), year_of(c.date)), ())))
        if len(found) > 1:
            found = ([u for u in found if self.sink.get(u, "date") == c.date] or
                     [u for u in found if self.sink.get(u, "province") in near] or found)
        if len(found) == 1:
            return found[0], [], None
        if found:
            return found[0], found, None
        return self.resolve_dated(c, scope, agency)

    def resolve_undated(self, c: Citation, scope: str, agency: Agency | None,
                        citing_year: int | None) -> tuple[str | None, list[str], str | None]:
        if c.symbol:
            found = [u for u in _members(self.by_base, (normalize_symbol(c.symbol), scope))
                     if citing_year is None or (self.sink.get(u, "year") or 0) <= citing_year]
            if found:
                latest = max(self.sink.get(u, "year") or 0 for u in found)
                best = sorted(u for u in found if (self.sink.get(u, "year") or 0) == latest)
                return best[0], (best if len(best) > 1 else []), None
            key = DocKey(normalize_symbol(c.symbol), scope, citing_year)
            self.stub(key.uid, key, c, agency, scope)
            return key.uid, [], None
        # Number only ("Chỉ thị số 17"): only a unique match of type, number and scope.
        scopes = {scope, CENTRAL_SCOPE} if not c.issuer and not c.issuer_code else {scope}
        found = sorted(u for s in scopes for u in _members(self.by_number, (c.doc_type, c.number, s))
                       if citing_year is None or c.date or (self.sink.get(u, "year") or 0) <= citing_year)
        if c.date:
            found = [u for u in found if self.sink.get(u, "date") == c.date] or found
        if len(found) == 1:
            return found[0], [], None
        reason = f"{len(found)} candidates" if found else "no document of that type and number in scope"
        return None, found, f"number-only reference not resolved ({reason})"


def _compact(target: tuple[str | None, list[str], str | None]) -> str | tuple:
    """A citation's target as ``join`` holds it: the uid alone when there are no candidates and no reason."""
    uid, candidates, reason = target
    return uid if uid is not None and not candidates and reason is None else target


def _target_uid(target: str | tuple | None) -> str | None:
    return target if target is None or isinstance(target, str) else target[0]


def _dated(c: Citation) -> bool:
    """Whether a citation is resolved in the first pass, by its symbol and year."""
    return bool(c.symbol and year_of(c.date))


def _add(index: dict, key: tuple, uid: str) -> None:
    """``uid`` into the uids of ``key`` (a str while there is one, then a set)."""
    held = index.get(key)
    if held is None:
        index[key] = uid
    elif isinstance(held, str):
        if held != uid:
            index[key] = {held, uid}
    else:
        held.add(uid)


def _members(index: dict, key: tuple) -> Iterable[str]:
    held = index.get(key)
    return () if held is None else (held,) if isinstance(held, str) else held


def _link_type(cue: str | None) -> str:
    return CUE_BY_NAME[cue].link if cue in CUE_BY_NAME else DEFAULT_LINK


def build_graph(records: Iterable[Record],
                placements: Mapping[str, Placement] | Iterable[tuple[str, Placement]] | None = None, *,
                evidence: Callable[[], Iterable[Record | Quotes]] | None = None) -> tuple[nx.MultiDiGraph, list[Issue]]:
    """The knowledge graph of ``records`` and the issues ``checks.check`` finds in it.

    ``placements`` (path -> ``place_record(record)``, or its pairs) may be given for records
    already placed, by the parse workers; the others are placed here. Each record and placement
    is let go once its links are made: given as iterators that hold no other reference to
    them, their memory goes back as the links grow.

    ``evidence``, when given, yields the same records once more, whole and in path order,
    when the links are written: ``records`` may then be ``records.slim_record``'s, without
    the citations' sentences (a build keeps those in its workspace file, not in memory).
    """
    sink = NetworkxSink()
    join(records, placements, sink, evidence=evidence)
    return sink.g, check(sink.g)


def join(records: Iterable[Record] | PackedRecords[Placement], placements: Mapping[str, Placement] | Iterable[tuple[str, Placement]] | None,
         sink: GraphSink, *, evidence: Callable[[], Iterable[Record | Quotes]] | None = None) -> None:
    """Resolve ``records`` into ``sink``: every node and link of ``build_graph``'s graph, made in the
    same order (a node's attributes may still grow by ``sink.append`` until the last record's links
    are made). ``records`` may be a ``records.PackedRecords`` holding each record with its placement. ``build_graph`` joins into a networkx graph; ``chidao build`` into the rows of the
    new workspace file (graph/rowstore.py), without holding the graph."""
    pairs = records if isinstance(records, PackedRecords) else _Pairs(records, placements)
    joiner = Join(sink)
    for r, placement in pairs:
        joiner.first(r, placement)
    joiner.rest(pairs, evidence=evidence)


class Join:
    """``join`` in two halves, so that a build can make the first while its files are still parsed:
    ``first`` takes each record with its placement, in path order (its document's node, its issuer,
    its addressees: what needs no other record), and ``rest`` then resolves the citations against
    every record and makes their links (``pairs``: the same records again, in path order)."""

    def __init__(self, sink: GraphSink) -> None:
        self.sink = sink
        self.builder = _Builder(sink)
        self.articles: list[Record] = []
        # path -> per citation, what it resolved to: a uid, or (uid, candidates, reason) when there are
        # candidates or a reason (a tuple a citation would cost ~200 bytes more: 5 million at 1M documents)
        self.targets: dict[str, list] = {}
        self.undated: set[str] = set()  # the records the second pass must see: an undated or a nested citation
        self.last_path: str | None = None

    def takes(self, path: str) -> bool:
        """Whether a record of this path may come next (records come in path order)."""
        return self.last_path is None or path >= self.last_path

    def first(self, r: Record, placement: Placement) -> None:
        """One record, after every record whose path sorts before its own."""
        if not self.takes(r.path):
            raise ValueError(f"{r.path!r} came after {self.last_path!r}: join takes records in path order")
        self.last_path = r.path
        if r.kind == "document" and r.doc is not None:
            self.sink.boundary()
            self.builder.own(r, placement)
        else:
            self.articles.append(r)
        if r.citations:
            self.targets[r.path] = [None] * len(r.citations)
            if any(c.via is not None or not _dated(c) for c in r.citations):
                self.undated.add(r.path)

    def rest(self, pairs: PackedRecords[Placement] | _Pairs, *,
             evidence: Callable[[], Iterable[Record | Quotes]] | None = None) -> None:
        """The citations of every record ``first`` took, resolved and linked; ``pairs`` ends empty."""
        sink, b, targets, undated = self.sink, self.builder, self.targets, self.undated
        articles, self.articles = self.articles, []
        citing_of = b.citing_of  # the uid each record ended up with (a duplicate file shares its twin's node)
        for r in articles:
            uid = f"src:{_file_key(r)}"
            if sink.has(uid):
                sink.share(uid)  # the same article twice: both files' links leave one node
            sink.add_node(uid, {"label": "Source", "uid": uid, "kind": "article", "path": r.path, "sha256": r.sha256})
            citing_of[r.path] = (uid, None)
        del articles
        for phase, seen in (("dated", targets), ("undated", undated)):
            # each pass unpacks only the records it has work for (a build holds them packed)
            for r, placement in pairs.where(seen.__contains__):
                _citing, year = citing_of[r.path]
                cited = placement.cited
                found = targets[r.path]
                for i, c in enumerate(r.citations):
                    dated = _dated(c)
                    if (phase == "dated") != dated:
                        continue
                    via_year = year
                    if c.via is not None and (via := _target_uid(found[c.via])):
                        via_year = sink.get(via, "year") or year
                    scope, agency = cited[i]
                    if dated and sink.get(_citing, "label") == "Source":  # an article: resolve in the corpus
                        # its own citations resolved so far (a scan of every target made the pass quadratic)
                        near = {sink.get(t, "province") for j in range(i)
                                if (t := _target_uid(found[j])) and sink.has(t)} - {None}
                        found[i] = _compact(b.resolve_unscoped(c, scope, agency, near))
                        continue
                    found[i] = _compact(b.resolve_dated(c, scope, agency) if dated
                                        else b.resolve_undated(c, scope, agency, via_year))
                if phase == "undated":  # the record's targets are all known now
                    for c in r.citations:  # a nested citation's link leaves a document more than one file's links leave
                        if c.via is not None and (source := _target_uid(found[c.via])):
                            sink.share(source)
        duplicates = b.duplicates
        whole = iter(evidence()) if evidence is not None else None
        for r, placement in pairs.take():
            # Each record, its placement and its targets are let go once its links are made: the memory
            # they held goes to the links (and, in a build, handed over by the caller, comes back at once).
            if whole is not None:
                given = next(whole, None)
                if given is None or given.path != r.path:
                    raise ValueError(f"the evidence of {r.path!r} came out of step ({given.path if given else 'none'!r})")
                said = given.said if isinstance(given, Quotes) else _said(given)
            else:
                said = _said(r)
            held = targets.pop(r.path, ())
            if r.path in duplicates:
                continue  # the same document read twice: its links come once, from the first file
            sink.boundary()
            citing, _year = citing_of[r.path]
            article = sink.get(citing, "label") == "Source"
            cited = placement.cited
            found = [(t, [], None) if isinstance(t, str) else t for t in held]
            for i, c in enumerate(r.citations):
                uid, candidates, reason = found[i]
                text, sentence = said[i]
                if uid is None:
                    sink.append(citing, "unresolved", {"text": text, "sentence": sentence, "start": c.start,
                                                       "end": c.end, "reason": reason, "candidates": candidates})
                    continue
                source = citing
                if c.via is not None and found[c.via][0]:
                    source = found[c.via][0]
                sink.add_edge(source, uid, dict(
                    type="MENTIONS" if article else _link_type(c.cue), cue=c.cue,
                    citing=citing, path=r.path, sha256=r.sha256, text=text, sentence=sentence,
                    start=c.start, end=c.end, version=b.version,
                    via_uid=source if source != citing else None, candidates=candidates or None,
                    # the issuer the citation names ("của Bộ Chính trị"), for check's issuer_conflict
                    cited_issuer_as_written=c.issuer,
                    cited_issuer=cited[i][1].uid if c.issuer and cited[i][1] is not None else None))
            for u, agency in zip(r.unnumbered, placement.unnumbered):
                congress = _congress_of(u, placement, r)
                who = agency.uid.removeprefix("agency:") if agency else (slug(u.issuer) if u.issuer else "?")
                uid = f"{CONGRESS_PREFIX}{congress}" if congress else f"ref:{slug(u.doc_type)}/{who}/{u.date or '?'}"
                if not sink.has(uid):
                    where = congress_scope(congress) if congress else ""
                    level = "central" if where == CENTRAL_SCOPE else (agency.level if agency else None)
                    # a congress's scope, for the questions' place filter (none when private to its file)
                    scoped: dict[str, str] = {"scope": where} if where and not where.startswith("unknown-") else {}
                    sink.add_node(uid, dict(label="Document", uid=uid, kind="unnumbered", stub=True, doc_type=u.doc_type,
                                            **date_fields(u.date), issuer_uid=b.agency(agency), issuer_as_written=u.issuer,
                                            level=level, **scoped))
                    if agency is not None:
                        sink.add_edge(uid, agency.uid, {"type": "ISSUED_BY"})
                sink.add_edge(citing, uid, dict(
                    type="MENTIONS" if article else _link_type(u.cue), cue=u.cue, citing=citing,
                    path=r.path, sha256=r.sha256, text=u.text, sentence=_sentence_of(u, said), start=u.start,
                    end=u.end, version=b.version))


class _Pairs:
    """Records and their placements in memory, in path order (``build_graph``; a build holds them
    packed: ``records.PackedRecords``). Records not placed yet are placed here."""

    def __init__(self, records: Iterable[Record],
                 placements: Mapping[str, Placement] | Iterable[tuple[str, Placement]] | None):
        self.records = sorted(records, key=lambda r: r.path)
        self.placements = dict(placements or {})
        for r in self.records:
            if r.path not in self.placements:
                self.placements[r.path] = place_record(r)

    def __iter__(self) -> Iterator[tuple[Record, Placement]]:
        return ((r, self.placements[r.path]) for r in self.records)

    def where(self, keep: Callable[[str], bool]) -> Iterator[tuple[Record, Placement]]:
        """The pairs whose path ``keep`` accepts, in path order."""
        return ((r, self.placements[r.path]) for r in self.records if keep(r.path))

    def take(self) -> Iterator[tuple[Record, Placement]]:
        """The pairs once more, each let go as it is taken."""
        records, self.records = self.records, []
        records.reverse()
        while records:
            r = records.pop()
            yield r, self.placements.pop(r.path)


class GraphSink(Protocol):
    """Where ``join`` puts the nodes and links it makes, and what it reads back of them."""

    def has(self, uid: str) -> bool: ...
    def get(self, uid: str, name: str):  # one attribute of a node: label, stub, date, year, province, issuer_uid
        ...
    def add_node(self, uid: str, attrs: dict) -> None: ...  # a new node, or new values for one (an article twice)
    def add_edge(self, u: str, v: str, attrs: dict) -> None: ...
    def append(self, uid: str, name: str, value) -> None: ...  # to a node's list attribute (made when missing)
    def boundary(self) -> None: ...  # the next record's nodes and links begin
    def share(self, uid: str) -> None: ...  # links from this node come from more than one record


class NetworkxSink:
    """``join`` into a networkx MultiDiGraph (``build_graph``)."""

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self._node = self.g._node

    def has(self, uid: str) -> bool:
        return uid in self._node

    def get(self, uid: str, name: str):
        return self._node[uid].get(name)

    def add_node(self, uid: str, attrs: dict) -> None:
        self.g.add_node(uid, **attrs)

    def add_edge(self, u: str, v: str, attrs: dict) -> None:
        self.g.add_edge(u, v, **attrs)

    def append(self, uid: str, name: str, value) -> None:
        self._node[uid].setdefault(name, []).append(value)

    def boundary(self) -> None:
        pass

    def share(self, uid: str) -> None:
        pass


def _congress_of(u, placement: Placement, record: Record) -> str | None:
    """A congress's resolution ("Nghị quyết Đại hội Đảng bộ xã lần thứ I"): the key of its congress
    (identity.congress_key), in the citing document's place; None for any other unnumbered reference."""
    if u.doc_type != "Nghị quyết" or not u.issuer or not fold(u.issuer).startswith("dai hoi"):
        return None
    place = get_place(placement.place_uid) if placement.place_uid else None
    return congress_key(u.issuer, place, f"unknown-{_file_key(record)}")


def _sentence_of(u, said: tuple[tuple[str, str], ...]) -> str | None:
    """Unnumbered references carry no sentence; borrow the one of a citation that spans them, if any."""
    for _text, sentence in said:
        if sentence and u.text and u.text in sentence:
            return sentence
    return u.text


class Quotes(NamedTuple):
    """What the links of one record quote, as ``Join.rest``'s evidence may give it instead of the
    whole record: its path and, per citation, (text, sentence). A build reads these from its
    workspace file without making the records again (half the cost of reading them back)."""

    path: str
    said: tuple[tuple[str, str], ...]


def _said(record: Record) -> tuple[tuple[str, str], ...]:
    return tuple((c.text, c.sentence) for c in record.citations)
