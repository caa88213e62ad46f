"""The lookup tables the questions read, made once per graph: the symbol index and the search texts.

**Symbol keys.** ``symbol_key("07 – KL/TW") == "7-kl/tw"`` (``loaders.normalize``, the one lookup
key of a symbol: its ``symbol_form`` folded, no leading zero). ``SymbolIndex`` maps keys to document uids.

**Search form.** ``search_form`` puts text in the form the search question compares (accents
stripped, đ -> d, lower case, punctuation to spaces: "Phòng, chống dịch" and "phong chong dich" are
the same; "07-KL/TW" is "07 kl tw"). ``search_text`` is a document's "symbol | issuer | type subject"
in search form, the three parts joined by " | " (a word is alphanumeric, so it never matches the
separator nor runs across two parts). A graph database stores it as ``d.search_text`` (the export
schema calls ``search_text``); ``SearchTexts`` makes the parts of every document once per graph, in
one pass over one joined string per part.

The search form is ``loaders.normalize.fold`` for Vietnamese text, made with whole-string C
operations (NFD, encode, bytes.translate) instead of a Python loop per character: folding 100,000
subjects one by one took 0.7 s. Other scripts' letters (not Vietnamese, not Latin with accents) are
dropped.

``chidao build`` stores both tables (graph/rowstore.py, from the node rows: ``SearchParts``,
``symbol_index_of``), so that a first question in a new process costs what later ones cost.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..loaders.normalize import symbol_key

__all__ = ["symbol_key", "symbol_tail", "SymbolIndex", "build_symbol_index", "search_form", "search_text",
           "query_words", "SearchTexts", "SearchParts", "symbol_index_of", "SEPARATOR", "documents"]

SEPARATOR = " | "


# -- symbol keys -------------------------------------------------------------------

def symbol_tail(key: str) -> str:
    """A symbol key without its number: "7-kl/tw" -> "-kl/tw"."""
    return key.lstrip("0123456789")



def documents(graph):
    """(uid, attributes) of every Document node."""
    return ((uid, d) for uid, d in graph.nodes(data=True) if d.get("label") == "Document")


@dataclass
class SymbolIndex:
    by_key: dict[str, list[str]]  # symbol key -> uids
    by_tail: dict[str, list[str]]  # "-kl/tw" -> symbol keys
    display: dict[str, str]  # symbol key -> the symbol as stored


def build_symbol_index(graph) -> SymbolIndex:
    return symbol_index_of((uid, d.get("symbol")) for uid, d in documents(graph))


def symbol_index_of(symbols: Iterable[tuple[str, str | None]]) -> SymbolIndex:
    """The index of (document uid, its symbol) pairs, in graph order."""
    by_key: defaultdict[str, list[str]] = defaultdict(list)
    display: dict[str, str] = {}
    for uid, symbol in symbols:
        if symbol:
            key = symbol_key(symbol)
            by_key[key].append(uid)
            display.setdefault(key, symbol)
    by_tail = defaultdict(list)
    for key in sorted(by_key):
        by_tail[symbol_tail(key)].append(key)
        by_key[key].sort()
    return SymbolIndex(dict(by_key), dict(by_tail), display)



# -- search form -------------------------------------------------------------------

_RECORD = "\x01"  # kept through the form: it splits the joined texts back apart
# Letters NFD does not decompose, and punctuation that would otherwise vanish with the accents.
_BEFORE = (("đ", "d"), ("Đ", "d"), ("\u00d0", "d"), ("\u00f0", "d"),
           *((ch, " ") for ch in "\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\u2007\u202f\u200b\ufeff“”‘’«»…•·"))
_TABLE = bytearray(b" " * 256)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789" + _RECORD.encode():
    _TABLE[_c] = _c
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _TABLE[_c] = _c + 32
_BYTES = bytes(_TABLE)


def _form(text: str) -> str:
    """The search form of text, word breaks not collapsed. Every step maps characters one by one
    (NFD reorders only accents, which go), so forming a joined string forms each piece."""
    for a, b in _BEFORE:
        if a in text:
            text = text.replace(a, b)
    decomposed = unicodedata.normalize("NFD", text)
    return decomposed.encode("ascii", "ignore").translate(_BYTES).decode("ascii")


def search_form(text: str | None) -> str:
    """Accents stripped, đ -> d, lower case, punctuation to single spaces.

    >>> search_form("Phòng, chống dịch Covid-19 — Ðiện Biên")
    'phong chong dich covid 19 dien bien'
    """
    return " ".join(_form((text or "").replace(_RECORD, " ")).split())


def _parts(node_attrs: dict, issuer_name: str | None) -> tuple[str, str, str]:
    """Symbol, issuer (the agency's name and, when it differs, the issuer as written), type and subject."""
    written = node_attrs.get("issuer_as_written") or ""
    issuer = issuer_name or ""
    if written.lower() != issuer.lower():
        issuer = f"{issuer} {written}"
    subject = " ".join(x for x in (node_attrs.get("doc_type"), node_attrs.get("subject")) if x)
    return (node_attrs.get("symbol") or "", issuer, subject)


def search_text(node_attrs: dict, issuer_name: str | None) -> str:
    """The "symbol | issuer | type subject" of a document in search form, as stored in ``d.search_text``.

    >>> search_text({"symbol": "07-KL/TW", "doc_type": "Kết luận", "subject": "Phòng, chống dịch"}, "Bộ Chính trị")
    '07 kl tw | bo chinh tri | ket luan phong chong dich'
    """
    return SEPARATOR.join(search_form(part) for part in _parts(node_attrs, issuer_name))


def query_words(text: str) -> list[str]:
    """The words of a query in search form: "KL 07-KL/TW" -> ["kl", "07", "kl", "tw"]."""
    return search_form(text).split()


class SearchTexts:
    """The search form of every document's three parts, made once per graph.

    Each list holds one part per document, padded with spaces (a word is
    present when " word " is). A part is made by joining that part of every
    document into one string, forming it at once and splitting it back.
    """

    symbol: list[str]
    issuer: list[str]
    subject: list[str]
    order: list[tuple[bool, bool, str, str]]

    def __init__(self, graph=None):
        parts = SearchParts()
        if graph is not None:
            attrs = graph._node  # the node attribute dicts; the NodeView costs a Python call per lookup
            parts.names = {uid: a.get("name") for uid, a in attrs.items() if a.get("label") == "Agency"}
            for uid, d in attrs.items():
                if d.get("label") == "Document":
                    parts.add(uid, d)
        parts.into(self)


class SearchParts:
    """The raw parts of ``SearchTexts``, gathered one document at a time (a build that never holds the
    graph reads its node rows once); ``names`` maps agency uids to names, ``into`` forms them."""

    def __init__(self, names: dict[str, str | None] | None = None):
        self.names = names or {}
        self.symbol: list[str] = []
        self.issuer: list[tuple[str | None, str | None]] = []
        self.subject: list[str] = []
        self.order: list[tuple[bool, bool, str, str]] = []

    def add(self, uid: str, d: Mapping) -> None:
        self.symbol.append(d.get("symbol") or "")
        self.issuer.append((d.get("issuer_uid"), d.get("issuer_as_written")))
        self.subject.append(f"{d.get('doc_type') or ''} {d.get('subject') or ''}")
        # (stub, undated, date, uid): the order within a rank
        self.order.append((bool(d.get("stub")), d.get("date") is None, d.get("date") or "", uid))

    def into(self, texts: SearchTexts) -> SearchTexts:
        """The parts formed into ``texts``; each raw list is let go once formed (a national archive's
        subjects are ~150 MB of text). An issuer's form is made once and shared by its documents."""
        names = self.names
        pairs = list({(names.get(u), w): None for u, w in self.issuer})  # type: ignore[arg-type]
        formed = dict(zip(pairs, _form_all([_parts({"issuer_as_written": w}, n)[1] for n, w in pairs])))
        texts.issuer = [formed[(names.get(u), w)] for u, w in self.issuer]  # type: ignore[arg-type,index]
        self.issuer = []
        texts.symbol, self.symbol = _form_all(self.symbol), []
        texts.subject, self.subject = _form_all(self.subject), []
        texts.order, self.order = self.order, []
        return texts

    def texts(self) -> SearchTexts:
        return self.into(SearchTexts())


_FORM_AT_ONCE = 20_000  # texts joined into one string at a time: a whole archive's would be ~1 GB at its peak


def _form_all(texts: list[str]) -> list[str]:
    """[" " + the search form of t + " " for t in texts], in one pass over one joined string a few
    thousand texts at a time."""
    if len(texts) > _FORM_AT_ONCE:
        out: list[str] = []
        for i in range(0, len(texts), _FORM_AT_ONCE):
            out += _form_all(texts[i:i + _FORM_AT_ONCE])
        return out
    if not texts:
        return []
    joined = f" {_RECORD} ".join(texts)
    if joined.count(_RECORD) != len(texts) - 1:  # a control character inside a text: clean each (never seen)
        joined = f" {_RECORD} ".join(t.replace(_RECORD, " ") for t in texts)
    # Padding the whole string pads the first and last piece like the others.
    return _form(f" {joined} ").split(_RECORD)
