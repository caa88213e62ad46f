"""What every question shares: its two faces and the row shape they both return.

A question module (``queries/<name>.py``) defines

* ``NAME`` and ``COLUMNS``: the keys of every row, in display order;
* ``run(graph, uid, **options) -> list[dict]``: the networkx face, rows with
  exactly ``COLUMNS`` as keys, in a deterministic order;
* ``CYPHER``: the Cypher face, read from ``queries/cypher/<name>.cypher``,
  taking the same options as ``$parameters`` and returning the same columns;
* ``QUESTION``: a ``Question`` naming all of these and the question's options
  (``Option``: data, not click), from which ``queries/registry.py`` lists the
  questions and ``cli.py`` makes one command each.

Both faces return plain values only (str, int, float, bool, None, lists of
them): no dates (FalkorDB crashes on returned temporal values), no nodes.
Lags are integer days from ``day_number`` (days since 1970-01-01).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..loaders.vocabulary import LEVELS

__all__ = ["load_cypher", "cypher_path", "CHAIN_LINKS", "DOWNSTREAM_LINKS", "LEVELS", "LEVEL_ORDER", "document_row",
           "Option", "Question"]

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"

# Links that carry an order down the hierarchy: the citing document acts on the cited one.
CHAIN_LINKS = ("IMPLEMENTS", "BASED_ON", "RESPONDS_TO")
# ... and their follow-ups (Tiếp theo): a follow-up continues the document it follows.
DOWNSTREAM_LINKS = CHAIN_LINKS + ("FOLLOWS_UP",)

# central 0, province 1, district 2, commune 3; an unknown level sorts last.
LEVEL_ORDER: dict[str | None, int] = {**{level: i for i, level in enumerate(LEVELS)}, None: len(LEVELS)}


def cypher_path(name: str) -> Path:
    """The file of a question's Cypher face: queries/cypher/<name>.cypher."""
    return CYPHER_DIR / f"{name}.cypher"


def load_cypher(name: str) -> str:
    """The Cypher face of a question: the text of queries/cypher/<name>.cypher."""
    return cypher_path(name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Option:
    """One option of a question: a keyword of its ``run`` and a ``$parameter`` of its Cypher face.

    Plain data: ``cli.py`` makes the click option (``--<name>`` with dashes, or ``flag``).
    """

    name: str
    help: str
    default: object = None
    choices: tuple[str, ...] = ()  # a choice among these
    bounds: tuple[int, int] | None = None  # an integer within these (inclusive)
    flag: str | None = None  # the command-line spelling when not --<name>


@dataclass(frozen=True)
class Question:
    """A question: its name, its row columns, its two faces and its options.

    ``subject`` is what the question is asked about: ``"ref"`` (a document, as people
    type it), ``"text"`` (search words) or ``""`` (the whole graph). ``graph`` is the
    graph its networkx face reads: ``"questions"`` (the question graph),
    ``"neighbourhood"`` (one document and its links with their evidence) or
    ``"stored"`` (what the build stored: ``run`` is then not called on a workspace).
    ``server`` says whether the CLI offers the Cypher face (``--neo4j``); ``formats``
    are the machine formats the CLI offers; ``as_json`` is the JSON form when it is
    not the rows (the nested card of ``show``). ``help`` is the command's help text.
    """

    name: str
    columns: tuple[str, ...]
    run: Callable[..., list[dict]]
    cypher: str
    help: str
    options: tuple[Option, ...] = ()
    subject: str = "ref"
    graph: str = "questions"
    server: bool = True
    formats: tuple[str, ...] = ("json", "csv")
    as_json: Callable[..., object] | None = None

    @property
    def cypher_file(self) -> Path:
        return cypher_path(self.name)


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
