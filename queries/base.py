"""What every question shares: its two faces and the row shape they both return.

A question module (``queries/<name>.py``) defines

* ``NAME`` and ``COLUMNS``: the keys of every row, in display order;
* ``run(graph, uid, **options) -> list[dict]``: the networkx face, rows with
  exactly ``COLUMNS`` as keys, in a deterministic order;
* ``CYPHER``: the Cypher face, read from ``queries/cypher/<name>.cypher``,
  taking the same options as ``$parameters`` and returning the same columns.

Both faces return plain values only (str, int, float, bool, None, lists of
them): no dates (FalkorDB crashes on returned temporal values), no nodes.
Lags are integer days from ``day_number`` (days since 1970-01-01).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["load_cypher", "CHAIN_LINKS", "DOWNSTREAM_LINKS", "LEVEL_ORDER", "document_row"]

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"

# Links that carry an order down the hierarchy: the citing document acts on the cited one.
CHAIN_LINKS = ("IMPLEMENTS", "BASED_ON", "RESPONDS_TO")
# ... and their follow-ups (Tiếp theo): a follow-up continues the document it follows.
DOWNSTREAM_LINKS = CHAIN_LINKS + ("FOLLOWS_UP",)

LEVEL_ORDER = {"central": 0, "province": 1, "district": 2, "commune": 3, None: 4}


def load_cypher(name: str) -> str:
    """The Cypher face of a question: the text of queries/cypher/<name>.cypher."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def document_row(graph, uid: str) -> dict:
    """The columns every question shows for a document."""
    d = graph.nodes[uid]
    issuer = graph.nodes[d["issuer_uid"]].get("name") if d.get("issuer_uid") in graph else None
    return {
        "uid": uid,
        "symbol": d.get("symbol"),
        "doc_type": d.get("doc_type"),
        "issuer": issuer or d.get("issuer_as_written"),
        "date": d.get("date"),
        "level": d.get("level"),
        "province": d.get("province"),
        "district": d.get("district"),
        "stub": bool(d.get("stub")),
    }
