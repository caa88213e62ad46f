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

from ..loaders.vocabulary import ADDRESSEE_SOURCES, CHAIN_LINKS, LEVELS, REPORT_COPY_MARKS

__all__ = ["load_cypher", "cypher_path", "CHAIN_LINKS", "DOWNSTREAM_LINKS", "LEVELS", "LEVEL_ORDER", "document_row",
           "Option", "Question", "EVIDENCE_COLUMNS", "evidence", "addressees", "is_report_copy",
           "ADDRESS_LINKS", "REPORT_COPY_MARKS", "doc_ref"]

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"

# CHAIN_LINKS (loaders/vocabulary.py) carry an order down the hierarchy: the citing document acts on the
# cited one; and their follow-ups (Tiếp theo): a follow-up continues the document it follows.
DOWNSTREAM_LINKS = CHAIN_LINKS + ("FOLLOWS_UP",)

# Links that name who a document is sent to: Kính gửi, Nơi nhận.
ADDRESS_LINKS = tuple(ADDRESSEE_SOURCES)
# The evidence every answer row carries: the sentence a link was read from, its file, its cue.
EVIDENCE_COLUMNS = ("sentence", "path", "cue")

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
    # The Cypher face's $parameters from the options, when they are not the options themselves
    # (search puts its text in search form: Cypher cannot strip accents).
    parameters: Callable[..., dict] | None = None

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


def evidence(graph, src: str | None, dst: str | None, link: str | None) -> dict:
    """{sentence, path, cue} of the ``link`` edge from ``src`` to ``dst`` (all None when there is none).

    The question graph keeps only the cue on its edges; the workspace that loaded it
    puts a lookup of the stored evidence in ``graph.graph["evidence"]`` (graph/workspace.py),
    asked only for the rows an answer shows.
    """
    empty = {"sentence": None, "path": None, "cue": None}
    if src is None or dst is None or link is None or not graph.has_edge(src, dst):
        return empty
    data = next((d for d in graph[src][dst].values() if d.get("type") == link), None)
    if data is None:
        return empty
    if data.get("sentence") is None and graph.graph.get("evidence") is not None:
        stored = graph.graph["evidence"](src, dst, link)
        if stored:
            data = {**data, **{k: v for k, v in stored.items() if v is not None}}
    return {"sentence": data.get("sentence"), "path": data.get("path"), "cue": data.get("cue")}


def is_report_copy(as_written: str | None) -> bool:
    """A Nơi nhận line that sends a copy upward to report ("UBND tỉnh (b/c)"), not an order."""
    text = (as_written or "").lower()
    return any(mark in text for mark in REPORT_COPY_MARKS)


def addressees(graph, doc: str):
    """(agency uid, source, line as written) for every agency ``doc`` sends to.

    Kính gửi (ADDRESSED_TO) and Nơi nhận (COPIED_TO) alike, except the copies that go
    upward to report: a line marked "(b/c)" / "để báo cáo", or an agency above the
    document's own level. "Lưu: VT" never becomes a link; "Như trên" / "Như kính gửi"
    stands for the Kính gửi list, whose agencies are already here as Kính gửi.
    Sources read "Kính gửi" or "Nơi nhận".
    """
    own = LEVEL_ORDER.get(graph.nodes[doc].get("level"), len(LEVELS))
    for _, agency, data in graph.out_edges(doc, data=True):
        link = data.get("type")
        if link not in ADDRESSEE_SOURCES:
            continue
        written = data.get("as_written")
        if link == "COPIED_TO":
            above = LEVEL_ORDER.get(graph.nodes[agency].get("level"), len(LEVELS)) < own
            if is_report_copy(written) or above:
                continue
        yield agency, ADDRESSEE_SOURCES[link], written


def doc_ref(graph, uid: str) -> str:
    """How a listing names a document: its symbol, else its type, issuer and date.

    "312-KH/TU"; an unnumbered draft: "Kế hoạch of Ủy ban nhân dân huyện Phong Thổ, 2021-08".
    The Cypher faces build the same string (coalesce of the same parts).
    """
    d = graph.nodes[uid]
    if d.get("symbol"):
        return d["symbol"]
    issuer = graph.nodes[d["issuer_uid"]].get("name") if d.get("issuer_uid") in graph else None
    return f"{d.get('doc_type') or 'document'} of {issuer or d.get('issuer_as_written') or '?'}, {d.get('date') or 'undated'}"
