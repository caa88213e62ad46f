"""Documents by symbol, subject words or issuer, accent- and case-insensitive.

``run(graph, text, limit=50)`` folds the text (``loaders.normalize.fold``:
"Phòng, chống dịch" and "phong chong dich" are the same query), turns every
run of punctuation into a space ("07-KL/TW" -> "07 kl tw"), and keeps the
documents whose ``search_text`` holds every word as a whole word ("tre" finds
Bến Tre, not "trên"; "covid" finds "Covid-19"). ``search_text`` is the
document's "symbol | issuer | type and subject" in that same form, the three
parts joined by " | " (a query word is alphanumeric, so it never matches the
separator nor runs across two parts). A graph database stores it as
``d.search_text`` (the exporter calls ``search_text``); here it is computed
once per graph.

Best matches first: all words in the symbol (rank 0: "KL 07", "294-CV/TU"),
else all in the issuer (rank 1: "huyen uy tam duong"), else the rest (rank 2);
then read documents before stubs, then by date (undated last), then uid.
"""

from __future__ import annotations

import heapq

from .base import document_row, load_cypher
from .refs import graph_cache, words_form

__all__ = ["NAME", "COLUMNS", "CYPHER", "run", "search_text", "query_words", "cypher_parameters", "SEPARATOR"]

NAME = "search"
COLUMNS = ("uid", "symbol", "doc_type", "issuer", "date", "level", "province", "district", "stub", "subject")
CYPHER = load_cypher(NAME)
SEPARATOR = " | "
# The words form (refs.words_form) is loaders.normalize.fold with every run of
# punctuation turned into one space, computed with a translation table.
_words_form = words_form


def search_text(node_attrs: dict, issuer_name: str | None) -> str:
    """The folded "symbol | issuer | type subject" of a document, as stored in ``d.search_text``.

    The issuer part holds the agency's canonical name and, when it differs,
    the issuer as written ("Ban Thường vụ Tỉnh ủy").

    >>> search_text({"symbol": "07-KL/TW", "doc_type": "Kết luận", "subject": "Phòng, chống dịch"}, "Bộ Chính trị")
    '07 kl tw | bo chinh tri | ket luan phong chong dich'
    """
    issuer = _words_form(issuer_name)
    written = _words_form(node_attrs.get("issuer_as_written"))
    if written and written != issuer:
        issuer = f"{issuer} {written}".strip()
    subject = _words_form(" ".join(x for x in (node_attrs.get("doc_type"), node_attrs.get("subject")) if x))
    return SEPARATOR.join((_words_form(node_attrs.get("symbol")), issuer, subject))


def query_words(text: str) -> list[str]:
    """The words of a query in the form of ``search_text``: "KL 07-KL/TW" -> ["kl", "07", "kl", "tw"]."""
    return _words_form(text).split()


def cypher_parameters(text: str, limit: int = 50) -> dict:
    """The $parameters of the Cypher face: Cypher cannot strip accents, so the text goes in folded."""
    return {"text": " ".join(query_words(text)), "limit": int(limit)}


class _Texts:
    """The search texts of every document, built once per graph, padded with spaces
    so that a word is present when " word " is."""

    def __init__(self, graph):
        self.whole: list[str] = []
        self.symbol: list[str] = []
        self.issuer: list[str] = []
        self.order: list[tuple] = []  # (stub, undated, date, uid): the order within a rank
        nodes = graph.nodes
        for uid, d in graph.nodes(data=True):
            if d.get("label") != "Document":
                continue
            issuer = d.get("issuer_uid")
            name = nodes[issuer].get("name") if issuer in nodes else None
            text = search_text(d, name)
            symbol_part, issuer_part, _ = text.split(SEPARATOR, 2)
            self.whole.append(f" {text} ")
            self.symbol.append(f" {symbol_part} ")
            self.issuer.append(f" {issuer_part} ")
            date = d.get("date")
            self.order.append((bool(d.get("stub")), date is None, date or "", uid))


def run(graph, text: str, *, limit: int = 50) -> list[dict]:
    """Documents matching every word of ``text``, best first, at most ``limit`` rows."""
    words = [f" {w} " for w in query_words(text)]
    if not words or limit <= 0:
        return []
    texts = graph_cache(graph, "search", _Texts)
    # One pass per word over the survivors (C-speed substring tests), rarest last is not worth guessing.
    hits = range(len(texts.whole))
    for w in words:
        whole = texts.whole
        hits = [i for i in hits if w in whole[i]]
    ranked = []
    for i in hits:
        symbol_part, issuer_part = texts.symbol[i], texts.issuer[i]
        rank = 0 if all(w in symbol_part for w in words) else 1 if all(w in issuer_part for w in words) else 2
        ranked.append((rank, *texts.order[i]))
    rows = []
    for *_, uid in heapq.nsmallest(limit, ranked):
        row = document_row(graph, uid)
        row["subject"] = graph.nodes[uid].get("subject")
        rows.append({k: row[k] for k in COLUMNS})
    return rows
