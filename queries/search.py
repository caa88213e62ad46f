"""Documents by symbol, subject words or issuer, accent- and case-insensitive.

``run(graph, text, limit=50)`` puts the text in search form (accents
stripped, đ -> d, lower case, punctuation to spaces: "Phòng, chống dịch" and
"phong chong dich" are the same query; "07-KL/TW" is "07 kl tw") and keeps
the documents whose ``search_text`` holds every word as a whole word ("tre"
finds Bến Tre, not "trên"; "covid" finds "Covid-19"). ``search_text`` is the
document's "symbol | issuer | type subject" in search form, the three parts
joined by " | " (a word is alphanumeric, so it never matches the separator nor
runs across two parts). A graph database stores it as ``d.search_text`` (the
exporter calls ``search_text``); here the parts of every document are made
once per graph, in one pass over one joined string per part.

Best matches first: all words in the symbol (rank 0: "KL 07", "294-CV/TU"),
else all in the issuer (rank 1: "huyen uy tam duong"), else the rest (rank 2);
then read documents before stubs, then by date (undated last), then uid.

The search form is ``loaders.normalize.fold`` for Vietnamese text, made with
whole-string C operations (NFD, encode, bytes.translate) instead of a Python
loop per character: folding 100,000 subjects one by one took 0.7 s. Other
scripts' letters (not Vietnamese, not Latin with accents) are dropped.
"""

from __future__ import annotations

import heapq
import unicodedata

from .base import document_row, load_cypher
from .refs import graph_cache

__all__ = ["NAME", "COLUMNS", "CYPHER", "run", "search_text", "search_form", "query_words", "cypher_parameters",
           "SEPARATOR"]

NAME = "search"
COLUMNS = ("uid", "symbol", "doc_type", "issuer", "date", "level", "province", "district", "stub", "subject")
CYPHER = load_cypher(NAME)
SEPARATOR = " | "

_RECORD = "\x01"  # kept through the form: it splits the joined texts back apart
# Letters NFD does not decompose, and punctuation that would otherwise vanish with the accents.
_BEFORE = (("đ", "d"), ("Đ", "d"), ("\u00d0", "d"), ("\u00f0", "d"),
           *((ch, " ") for ch in "\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\u2007\u202f\u200b\ufeff“”‘’«»…•·"))
_BYTES = bytearray(b" " * 256)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789" + _RECORD.encode():
    _BYTES[_c] = _c
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _BYTES[_c] = _c + 32
_BYTES = bytes(_BYTES)


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


def cypher_parameters(text: str, limit: int = 50) -> dict:
    """The $parameters of the Cypher face: Cypher cannot strip accents, so the text goes in search form."""
    return {"text": " ".join(query_words(text)), "limit": int(limit)}


class _Texts:
    """The search form of every document's three parts, made once per graph.

    Each list holds one part per document, padded with spaces (a word is
    present when " word " is). A part is made by joining that part of every
    document into one string, forming it at once and splitting it back.
    """

    def __init__(self, graph):
        attrs = graph._node  # the node attribute dicts; the NodeView costs a Python call per lookup
        docs = [(uid, d) for uid, d in attrs.items() if d.get("label") == "Document"]
        names = {uid: a.get("name") for uid, a in attrs.items() if a.get("label") == "Agency"}
        issuers: dict[tuple, str] = {}
        for pair in {(names.get(d.get("issuer_uid")), d.get("issuer_as_written")) for _, d in docs}:
            issuers[pair] = _parts({"issuer_as_written": pair[1]}, pair[0])[1]
        self.symbol = _form_all([d.get("symbol") or "" for _, d in docs])
        self.issuer = _form_all([issuers[(names.get(d.get("issuer_uid")), d.get("issuer_as_written"))]
                                 for _, d in docs])
        self.subject = _form_all([f"{d.get('doc_type') or ''} {d.get('subject') or ''}" for _, d in docs])
        # (stub, undated, date, uid): the order within a rank
        self.order = [(bool(d.get("stub")), d.get("date") is None, d.get("date") or "", uid) for uid, d in docs]


def _form_all(texts: list[str]) -> list[str]:
    """[" " + the search form of t + " " for t in texts], in one pass over one joined string."""
    if not texts:
        return []
    joined = f" {_RECORD} ".join(texts)
    if joined.count(_RECORD) != len(texts) - 1:  # a control character inside a text: clean each (never seen)
        joined = f" {_RECORD} ".join(t.replace(_RECORD, " ") for t in texts)
    # Padding the whole string pads the first and last piece like the others.
    return _form(f" {joined} ").split(_RECORD)


def _all_in(candidates, words: list[str], part: list[str]) -> list[int]:
    for w in words:
        candidates = [i for i in candidates if w in part[i]]
    return candidates


def run(graph, text: str, *, limit: int = 50) -> list[dict]:
    """Documents matching every word of ``text``, best first, at most ``limit`` rows."""
    words = [f" {w} " for w in query_words(text)]
    if not words or limit <= 0:
        return []
    texts = graph_cache(graph, "search", _Texts)
    symbol, issuer, subject = texts.symbol, texts.issuer, texts.subject
    # One pass per word over the survivors: substring tests at C speed.
    hits = range(len(symbol))
    for w in words:
        hits = [i for i in hits if w in symbol[i] or w in issuer[i] or w in subject[i]]
    rank = dict.fromkeys(hits, 2)
    rank.update(dict.fromkeys(_all_in(hits, words, issuer), 1))
    rank.update(dict.fromkeys(_all_in(hits, words, symbol), 0))
    order = texts.order
    rows = []
    for *_, uid in heapq.nsmallest(limit, [(rank[i], *order[i]) for i in hits]):
        row = document_row(graph, uid)
        row["subject"] = graph.nodes[uid].get("subject")
        rows.append({k: row[k] for k in COLUMNS})
    return rows
