"""Documents by symbol, subject words or issuer, accent- and case-insensitive.

``run(graph, text, limit=50)`` puts the text in search form (``graph.index.search_form``:
accents stripped, đ -> d, lower case, punctuation to spaces) and keeps the documents whose
``search_text`` holds every word as a whole word ("tre" finds Bến Tre, not "trên"; "covid" finds
"Covid-19"). The search texts of every document are made once per graph
(``graph.index.SearchTexts``, stored by ``chidao build``).

Best matches first: all words in the symbol (rank 0: "KL 07", "294-CV/TU"),
else all in the issuer (rank 1: "huyen uy tam duong"), else the rest (rank 2);
then read documents before stubs, then by date (undated last), then uid.
"""

from __future__ import annotations

import heapq

from ..graph.cache import graph_cache
from ..graph.index import SEPARATOR, SearchTexts, query_words, search_form, search_text
from .base import Option, Question, document_row, load_cypher

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "search_text", "search_form", "query_words",
           "cypher_parameters",
           "SEPARATOR"]

NAME = "search"
COLUMNS = ("uid", "symbol", "doc_type", "issuer", "date", "level", "province", "district", "stub", "subject")
CYPHER = load_cypher(NAME)


def cypher_parameters(text: str, limit: int = 50) -> dict:
    """The $parameters of the Cypher face: Cypher cannot strip accents, so the text goes in search form."""
    return {"text": " ".join(query_words(text)), "limit": int(limit)}


def _all_in(candidates, words: list[str], part: list[str]) -> list[int]:
    for w in words:
        candidates = [i for i in candidates if w in part[i]]
    return candidates


def run(graph, text: str, *, limit: int = 50) -> list[dict]:
    """Documents matching every word of ``text``, best first, at most ``limit`` rows."""
    words = [f" {w} " for w in query_words(text)]
    if not words or limit <= 0:
        return []
    texts = graph_cache(graph, "search", SearchTexts)
    symbol, issuer, subject = texts.symbol, texts.issuer, texts.subject
    # One pass per word over the survivors: substring tests at C speed.
    hits: range | list[int] = range(len(symbol))
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


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER, subject="text", parameters=cypher_parameters,
    help="""Documents by symbol, subject words or agency; accents and case do not matter.

    \b
    Examples:
        chidao search "phong chong dich"
        chidao search "Ban Tuyên giáo" --csv
    """,
    options=(Option("limit", "At most this many documents.", default=50, bounds=(1, 10000)),),
)
