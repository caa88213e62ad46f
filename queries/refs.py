"""References as people type them -> one document uid.

``resolve_ref(graph, text)`` accepts what an analyst types at a prompt:

* a uid: ``doc:07-KL/TW@VN:2021``;
* a file path, absolute or relative to the current directory (a copy of a
  read file is found by its content hash);
* a symbol, alone or inside a citation: ``07-KL/TW``, ``Kết luận số 07-KL/TW
  của Bộ Chính trị``, ``07 - KL/TW``, ``07–KL/TW``, ``07-kl/tw``;
* a type and a number without the symbol: ``KL 07``, ``kết luận số 07``,
  ``ket luan 07`` (no diacritics), ``Chỉ thị 15``;
* any of these with a place, which narrows the scope (DOMAIN.md section 3:
  every Tỉnh ủy has a 294-CV/TU): ``294-CV/TU Lai Châu``, ``272-CV/TU Bến Tre``;
  and with a year (``năm 2021``, ``ngày 11/6/2021``) or an issuer (``của Bộ
  Chính trị``), which narrow further.

A reference that matches several documents raises ``AmbiguousRef`` (its
``candidates`` are ``document_row``s, so the caller can print symbol, issuer
and date); one that matches none raises ``UnknownRef`` with the closest
symbols in ``suggestions``. Nothing is ever guessed: a stub and a read
document with the same symbol and scope in different years are two candidates.

The lookup tables are built once per graph (``graph_cache``), so resolving a
reference costs a few dictionary lookups on a graph of any size.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..graph.cache import graph_cache
from ..graph.gazetteer import Place, find_place
from ..graph.identity import congress_base, congress_base_of_uid, congress_key
from ..graph.index import SymbolIndex, build_symbol_index, documents, search_form, symbol_key, symbol_tail
from ..loaders.citations import parse_symbol_match
from ..loaders.errors import ChidaoError
from ..loaders.normalize import fold, normalize
from ..loaders.patterns import (BARE_NUMBER_REF_RE, CONGRESS_RESOLUTION_RE, DATE_WORDS_RE, FOLDED_TYPE_WORDS,
                               ISSUER_TAIL_RE, NUMBER_REF_RE, PATH_LIKE_RE, SYMBOL_RE, YEAR_RE)
from .base import LEVEL_ORDER, document_row

__all__ = ["resolve_ref", "parse_ref", "Ref", "RefError", "AmbiguousRef", "UnknownRef", "symbol_key",
           "graph_cache", "fast_fold", "words_form"]


class RefError(ChidaoError):
    """A reference that does not name exactly one document."""


class AmbiguousRef(RefError):
    """Several documents match; ``candidates`` are their ``document_row``s, in display order."""

    def __init__(self, text: str, candidates: list[dict]):
        self.text = text
        self.candidates = candidates
        super().__init__(f"{text!r} matches {len(candidates)} documents; add a place, a year or the issuer")


class UnknownRef(RefError, LookupError):
    """No document matches; ``suggestions`` are the closest symbols in the graph, best first."""

    def __init__(self, text: str, suggestions: list[str] | None = None, reason: str | None = None):
        self.text = text
        self.suggestions = list(suggestions or ())
        message = reason or f"no document in the graph matches {text!r}"
        if self.suggestions:
            message += f" (closest: {', '.join(self.suggestions)})"
        super().__init__(message)

    def __reduce__(self):  # keep pickling (multiprocessing, pytest-xdist) working with the extra arguments
        return (type(self), (self.text, self.suggestions))


# -- folding ------------------------------------------------------------------------
# One fold (loaders.normalize.fold) and one words form (graph.index.search_form: folded,
# punctuation to single spaces), shared with the search question.


def fast_fold(text: str | None) -> str:
    """``loaders.normalize.fold``, accepting None: "Ủy ban Nhân dân" -> "uy ban nhan dan"."""
    return fold(text or "")


words_form = search_form  # "Phòng, chống dịch Covid-19" -> "phong chong dich covid 19"


# -- parsing a reference ---------------------------------------------------------

# Folded type names and codes -> the type name, and the patterns of a typed reference (loaders/patterns.py).
_TYPE_WORDS = FOLDED_TYPE_WORDS
_NUMBER_REF_RE, _YEAR_RE, _ISSUER_RE, _PATH_LIKE_RE = NUMBER_REF_RE, YEAR_RE, ISSUER_TAIL_RE, PATH_LIKE_RE


@dataclass(frozen=True)
class Ref:
    """What a typed reference says. Every field may be missing."""

    text: str
    symbol: str | None = None  # "07-KL/TW", normalised
    doc_type: str | None = None  # "Kết luận" (number-only references)
    number: int | None = None  # 7 (number-only references)
    year: int | None = None
    issuer: str | None = None  # folded: "bo chinh tri"
    where: str = ""  # the text around the symbol or number, as words: "lai chau"
    residue: str = field(default="", compare=False)  # ``where`` without type, issuer and date words
    congress: str | None = None  # "Nghị quyết Đại hội XIII của Đảng": identity.congress_base of its congress

    @property
    def key(self) -> str | None:
        return symbol_key(self.symbol) if self.symbol else None

    @cached_property
    def place(self) -> Place | None:
        """The place the text names (Lai Châu in "294-CV/TU Lai Châu"), from the gazetteer.

        Looked up only when asked: loading the gazetteer costs most of a second,
        and ``resolve_ref`` first tries the places of the candidates themselves.
        """
        return find_place(self.where) if self.residue else None


def parse_ref(text: str) -> Ref:
    """Read a typed reference into its parts (no graph needed).

    >>> r = parse_ref("Kết luận số 07-KL/TW của Bộ Chính trị")
    >>> r.symbol, r.issuer
    ('07-KL/TW', 'bo chinh tri')
    >>> r = parse_ref("ket luan 07")
    >>> r.doc_type, r.number
    ('Kết luận', 7)
    >>> parse_ref("294-CV/TU Lai Châu").where
    'lai chau'
    """
    norm = normalize(text.strip()).text
    symbol, rest = None, norm
    upper = norm.upper()  # "07-kl/tw": codes start upper-case in SYMBOL_RE
    for candidate in (norm, upper) if len(upper) == len(norm) else (norm,):
        m = SYMBOL_RE.search(candidate)
        if m is not None:
            parsed = parse_symbol_match(m)
            if parsed.text:
                symbol, rest = parsed.text, norm[: m.start()] + " " + norm[m.end():]
                break
    doc_type = number = None
    folded_rest = fast_fold(rest)
    if symbol is None:
        m = _NUMBER_REF_RE.search(folded_rest)
        if m is not None and (m.group("type") or BARE_NUMBER_REF_RE.fullmatch(folded_rest[: m.end()])):
            doc_type = _TYPE_WORDS[m.group("type")] if m.group("type") else None
            number = int(m.group("number"))
            folded_rest = folded_rest[: m.start()] + " " + folded_rest[m.end():]
    issuer = None
    m = _ISSUER_RE.search(folded_rest)
    if m is not None:
        issuer = _YEAR_RE.sub(" ", m.group("issuer"))
        issuer = " ".join(DATE_WORDS_RE.sub(" ", issuer).split()) or None
    congress = None
    if symbol is None:
        m = CONGRESS_RESOLUTION_RE.search(norm)
        key = congress_key(m.group("issuer"), None, "") if m else None
        congress = congress_base(key) if key else None
    year = _YEAR_RE.search(folded_rest)
    where = words_form(folded_rest)
    residue = _ISSUER_RE.sub(" ", folded_rest)
    residue = " ".join(w for w in words_form(residue).split() if w not in _NOT_PLACE_WORDS and not w.isdigit())
    return Ref(text=text, symbol=symbol, doc_type=doc_type, number=number,
               year=int(year.group(0)) if year else None, issuer=issuer, where=where, residue=residue,
               congress=congress)


# Words around a reference that name no place: type words, "số", date words.
_NOT_PLACE_WORDS = frozenset(w for t in _TYPE_WORDS for w in t.split()) | {"so", "ngay", "thang", "nam", "ban",
                                                                            "hanh", "ky", "hieu", "van", "cua"}


# -- the index -------------------------------------------------------------------
# Three tables, each built the first time a reference needs it: a symbol never
# pays for the path table, a uid for none.

@dataclass
class _Numbers:
    by_number: dict[tuple[str | None, int], list[str]]  # (doc_type, number) -> uids
    by_any_number: dict[int, list[str]]


@dataclass
class _Paths:
    by_path: dict[str, str]
    by_sha: dict[str, str]


def _build_numbers(graph) -> _Numbers:
    by_number, by_any = defaultdict(list), defaultdict(list)
    for uid, d in documents(graph):
        number = d.get("number")
        if number and str(number).isdigit():
            by_number[(d.get("doc_type"), int(number))].append(uid)
            by_any[int(number)].append(uid)
    for table in (by_number, by_any):
        for uids in table.values():
            uids.sort()
    return _Numbers(dict(by_number), dict(by_any))


def _build_paths(graph) -> _Paths:
    by_path: dict[str, str] = {}
    by_sha: dict[str, str] = {}
    for uid, d in documents(graph):
        for path in (d.get("path"), *(d.get("duplicate_paths") or ())):
            if path:
                by_path.setdefault(path, uid)
                by_path.setdefault(os.path.normpath(path), uid)
        if d.get("sha256") and not d.get("stub"):
            by_sha.setdefault(d["sha256"], uid)
    return _Paths(by_path, by_sha)


def _build_congresses(graph) -> dict[str, list[str]]:
    """congress_base -> the uids of its congress's resolution (one a province, say, for a local congress)."""
    found: dict[str, list[str]] = defaultdict(list)
    for uid in graph:
        base = congress_base_of_uid(uid) if isinstance(uid, str) else None
        if base is not None:
            found[base].append(uid)
    return {base: sorted(uids) for base, uids in found.items()}


def _congresses(graph) -> dict[str, list[str]]:
    return graph_cache(graph, "refs.congresses", _build_congresses)


def _symbols(graph) -> SymbolIndex:
    return graph_cache(graph, "refs.symbols", build_symbol_index)


def _numbers(graph) -> _Numbers:
    return graph_cache(graph, "refs.numbers", _build_numbers)


def _paths(graph) -> _Paths:
    return graph_cache(graph, "refs.paths", _build_paths)


# -- resolving -----------------------------------------------------------------

def resolve_ref(graph, text: str) -> str:
    """The uid of the one document ``text`` names.

    Raises ``AmbiguousRef`` (with ``.candidates``) when several documents
    match and ``UnknownRef`` (with ``.suggestions``) when none does.
    """
    text = (text or "").strip()
    if not text:
        raise UnknownRef(text, reason="an empty reference names no document")
    if text.startswith(("doc:", "ref:")):  # a uid is exact: never reread as a symbol somewhere else
        uid = _by_uid(graph, text)
        if uid is None:
            symbol = text[4:].rsplit("@", 1)[0]
            raise UnknownRef(text, _suggestions(graph, parse_ref(symbol), symbol) if symbol else [])
        return uid
    uid = _by_path(graph, text)
    if uid is not None:
        return uid
    ref = parse_ref(text)
    if ref.symbol is not None:
        found = _symbols(graph).by_key.get(ref.key or "", [])
    elif ref.congress is not None:
        found = _congresses(graph).get(ref.congress, [])
    elif ref.number is not None:
        numbers = _numbers(graph)
        found = (numbers.by_number.get((ref.doc_type, ref.number), []) if ref.doc_type
                 else numbers.by_any_number.get(ref.number, []))
    else:
        found = []
    if not found:
        if _PATH_LIKE_RE.search(text) and ref.symbol is None and ref.number is None:
            raise UnknownRef(text, _path_suggestions(graph, text), reason=f"no document was read from {text!r}")
        raise UnknownRef(text, _suggestions(graph, ref, text))
    narrowed = _narrow(graph, found, ref)
    if not narrowed:
        raise UnknownRef(text, _display(graph, found), reason=f"no document matches {text!r} there")
    if len(narrowed) > 1:
        rows = sorted((document_row(graph, u) for u in narrowed), key=_candidate_order)
        raise AmbiguousRef(text, rows)
    return narrowed[0]


def _by_uid(graph, text: str) -> str | None:
    for uid in (text, normalize(text).text):
        if uid in graph and graph.nodes[uid].get("label") == "Document":
            return uid
    return None


def _by_path(graph, text: str) -> str | None:
    # A path starts with / . ~ or ends with an extension; "07-KL/TW" does neither (unless such a file exists).
    if not _PATH_LIKE_RE.search(text) and not ("/" in text and os.path.isfile(os.path.expanduser(text))):
        return None
    paths = _paths(graph)
    expanded = os.path.expanduser(text)
    for path in (text, os.path.normpath(expanded), os.path.abspath(expanded), os.path.realpath(expanded)):
        if path in paths.by_path:
            return paths.by_path[path]
    if os.path.isfile(expanded):  # a copy, or a path through a link: the same content
        digest = hashlib.sha256(Path(expanded).read_bytes()).hexdigest()
        return paths.by_sha.get(digest)
    return None


def _within(scope: str | None, place: Place) -> bool:
    if not scope:
        return False
    return scope == place.scope or scope.startswith(place.scope + "/")


def _names_its_place(scope: str | None, where: str) -> bool:
    """Whether the words around the reference name a unit of the document's own scope.

    "lai-chau/tam-duong" is named by "lai chau" or "tam duong" (whole words):
    the place is checked against the candidates first, so the common case
    never loads the gazetteer.
    """
    if not scope or scope == "VN" or not where:
        return False
    padded = f" {where} "
    return any(f" {part.replace('-', ' ')} " in padded for part in scope.split("/"))


def _narrow(graph, uids: list[str], ref: Ref) -> list[str]:
    """Keep the documents the place, year and issuer of ``ref`` allow.

    The place and the year are hard filters (a 294-CV/TU of Bến Tre is not the
    one of Lai Châu), except that a place never excludes a central document
    when only central ones match. The issuer is soft: it only ever picks
    among several ("Kết luận 07 của Bộ Chính trị").
    """
    nodes = graph.nodes
    found = list(uids)
    named = [u for u in found if _names_its_place(nodes[u].get("scope"), ref.where)]
    if named:
        found = named
    elif ref.place is not None:  # the text names a place none of the candidates is in
        local = [u for u in found if _within(nodes[u].get("scope"), ref.place)]
        if local or any(nodes[u].get("level") != "central" for u in found):
            found = local
    if ref.year is not None:
        found = [u for u in found if nodes[u].get("year") == ref.year]
    if ref.issuer and len(found) > 1:
        by_issuer = [u for u in found if ref.issuer in _issuer_text(graph, u) or
                     (_issuer_text(graph, u) and _issuer_text(graph, u) in ref.issuer)]
        found = by_issuer or found
    return found


def _issuer_text(graph, uid: str) -> str:
    d = graph.nodes[uid]
    issuer = d.get("issuer_uid")
    name = graph.nodes[issuer].get("name") if issuer in graph else None
    return fast_fold(" ".join(x for x in (name, d.get("issuer_as_written")) if x))


def _candidate_order(row: dict) -> tuple:
    return (LEVEL_ORDER.get(row["level"], 4), row["province"] or "", row["district"] or "", row["date"] or "",
            row["uid"])


def _display(graph, uids: list[str]) -> list[str]:
    """Each candidate as a user can retype it: "294-CV/TU Bến Tre"."""
    out = []
    for u in sorted(uids, key=lambda u: _candidate_order(document_row(graph, u))):
        d = graph.nodes[u]
        where = d.get("district") or d.get("province") if d.get("level") != "central" else None
        text = " ".join(x for x in (d.get("symbol") or u, where) if x)
        if text not in out:
            out.append(text)
    return out[:5]


def _suggestions(graph, ref: Ref, text: str, n: int = 5) -> list[str]:
    """The closest symbols: same type code and issuer first ("999-KL/TW" -> other -KL/TW), then by spelling."""
    index = _symbols(graph)
    if ref.key is not None:
        same_tail = index.by_tail.get(symbol_tail(ref.key))
        if same_tail:
            close = difflib.get_close_matches(ref.key, same_tail, n=n, cutoff=0.0)
        else:
            close = difflib.get_close_matches(ref.key, list(index.display), n=n, cutoff=0.6)
        return [index.display[k] for k in close]
    if ref.number is not None:
        # Documents of the same type with the nearest numbers: "KL 99" -> "100-KL/TW", "07-KL/TW".
        numbers = _numbers(graph)
        if ref.doc_type:
            pool = [(number, uids) for (t, number), uids in numbers.by_number.items() if t == ref.doc_type]
        else:
            pool = list(numbers.by_any_number.items())
        wanted = ref.number
        pool.sort(key=lambda item: (abs(item[0] - wanted), item[0]))
        out: list[str] = []
        for _, uids in pool:
            for u in uids:
                symbol = graph.nodes[u].get("symbol")
                if symbol and index.display.get(symbol_key(symbol)) not in out:
                    out.append(index.display[symbol_key(symbol)])
            if len(out) >= n:
                break
        return out[:n]
    return [index.display[k] for k in difflib.get_close_matches(symbol_key(text), list(index.display), n=n,
                                                                 cutoff=0.6)]


def _path_suggestions(graph, text: str) -> list[str]:
    name = os.path.basename(text)
    return sorted(p for p in _paths(graph).by_path if os.path.basename(p) == name and os.path.isabs(p))[:5]
