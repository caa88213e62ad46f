"""The document card: what a document is, what it cites, and what cites it.

``run(graph, uid)`` gives one row per fact, in three sections:

* ``document``: the document itself (``relation``, ``cue`` and ``sentence``
  empty; ``path`` is the file it was read from, empty for a stub);
* ``cites``: each citation link leaving it (``relation`` is the link type,
  ``cue`` the cue word's name, ``sentence`` the sentence the link was read
  from and ``path`` the file that sentence is in);
* ``cited_by``: each citation link arriving at it, from a document or a news
  article (``MENTIONS``; an article row has no symbol).

Rows in a section are ordered by date, uid, link type, file and position,
so both faces return them in the same order. ``card(graph, uid)`` is the
nested form for people and JSON: every metadata field, the recipients, the
copies and the signer, and the two lists of links.
"""

from __future__ import annotations

from ..graph.checks import CITATION_LINKS
from .base import Question, doc_ref, document_row, load_cypher

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "card", "SECTIONS", "context", "reporter"]

NAME = "show"
COLUMNS = ("section", "relation", "uid", "symbol", "doc_type", "issuer", "date", "level", "cue", "sentence", "path")
SECTIONS = ("document", "cites", "cited_by")
CYPHER = load_cypher(NAME)


def _check(graph, uid: str) -> None:
    if uid not in graph or graph.nodes[uid].get("label") != "Document":
        from .refs import UnknownRef

        raise UnknownRef(uid, reason=f"no document {uid!r} in the graph")


def _node_row(graph, uid: str) -> dict:
    """symbol, doc_type, issuer, date, level of a document, or of an article (all empty but the uid)."""
    if graph.nodes[uid].get("label") == "Document":
        row = document_row(graph, uid)
    else:
        row = {"uid": uid, "symbol": None, "doc_type": None, "issuer": None, "date": None, "level": None}
    return {k: row[k] for k in ("uid", "symbol", "doc_type", "issuer", "date", "level")}


def _link_row(graph, section: str, other: str, data: dict) -> dict:
    return {"section": section, "relation": data.get("type"), **_node_row(graph, other),
            "cue": data.get("cue"), "sentence": data.get("sentence"), "path": data.get("path")}


def _order(row: dict, start) -> tuple:
    # Nulls last, as ORDER BY does in Cypher.
    return tuple((v is None, v if v is not None else "") for v in
                 (row["date"], row["uid"], row["relation"], row["path"])) + ((start is None, start or 0),)


def _links(graph, uid: str) -> tuple[list[dict], list[dict]]:
    cites, cited_by = [], []
    for _, other, data in graph.out_edges(uid, data=True):
        if data.get("type") in CITATION_LINKS:
            row = _link_row(graph, "cites", other, data)
            cites.append((_order(row, data.get("start")), row))
    for other, _, data in graph.in_edges(uid, data=True):
        if data.get("type") in CITATION_LINKS:
            row = _link_row(graph, "cited_by", other, data)
            cited_by.append((_order(row, data.get("start")), row))
    return [r for _, r in sorted(cites, key=lambda x: x[0])], [r for _, r in sorted(cited_by, key=lambda x: x[0])]


def run(graph, uid: str) -> list[dict]:
    """The card of ``uid`` as rows with COLUMNS: the document, then what it cites, then what cites it."""
    _check(graph, uid)
    d = graph.nodes[uid]
    head = {"section": "document", "relation": None, **_node_row(graph, uid), "cue": None, "sentence": None,
            "path": d.get("path")}
    cites, cited_by = _links(graph, uid)
    return [head, *cites, *cited_by]


def _agencies(graph, uid: str, link: str) -> list[dict]:
    """The agencies a document sends to (ADDRESSED_TO) or copies (COPIED_TO), then those not resolved."""
    out = []
    for _, agency, data in graph.out_edges(uid, data=True):
        if data.get("type") == link:
            a = graph.nodes[agency]
            out.append({"uid": agency, "name": a.get("name"), "level": a.get("level"),
                        "as_written": data.get("as_written"), "expanded_from": data.get("expanded_from")})
    out.sort(key=lambda r: (r["as_written"] or "", r["uid"]))
    out += [{"uid": None, "name": None, "level": None, "as_written": text, "expanded_from": None}
            for text in graph.nodes[uid].get(f"{link.lower()}_unresolved") or ()]
    return out


def card(graph, uid: str) -> dict:
    """The card as a nested dict: {"document": {...}, "cites": [...], "cited_by": [...]}.

    ``document`` holds every attribute of the node (subject, scope, sha256,
    warnings, unresolved citations...) plus ``issuer`` (the agency's name),
    ``recipients`` and ``copied_to`` (agency uid, name, level and the line as
    written; lines no agency was found for have uid None) and ``signer``
    (name and title, or None). The link rows are those of ``run`` without
    their ``section``.
    """
    _check(graph, uid)
    d = graph.nodes[uid]
    document = {k: v for k, v in d.items() if k != "label"}
    document["uid"] = uid
    document["issuer"] = document_row(graph, uid)["issuer"]
    document["recipients"] = _agencies(graph, uid, "ADDRESSED_TO")
    document["copied_to"] = _agencies(graph, uid, "COPIED_TO")
    signer = None
    for _, person, data in graph.out_edges(uid, data=True):
        if data.get("type") == "SIGNED_BY":
            signer = {"uid": person, "name": graph.nodes[person].get("name"), "title": data.get("title")}
            break
    document["signer"] = signer
    cites, cited_by = _links(graph, uid)
    strip = lambda rows: [{k: v for k, v in r.items() if k != "section"} for r in rows]  # noqa: E731
    return {"document": document, "cites": strip(cites), "cited_by": strip(cited_by)}


def reporter(graph, path: str | None) -> str | None:
    """Who reported a claim: the document read from ``path`` (its reference), else the file's name.

    A claim "45-KH/HU implements 312-KH/TU" may come from 45-KH/HU itself or from a commune plan
    that mentions both; the evidence's file says which.
    """
    if not path:
        return None
    index = graph.graph.get("_by_path")
    if index is None:
        index = graph.graph["_by_path"] = {d.get("path"): n for n, d in graph.nodes(data=True)
                                           if d.get("label") == "Document" and d.get("path")}
    doc = index.get(path)
    return doc_ref(graph, doc) if doc else path.rsplit("/", 1)[-1]


def context(graph, uid: str, rows: list[dict]) -> list[dict]:
    """For each row: ``reported_by``, the document (or file) whose text makes the claim."""
    return [{"reported_by": reporter(graph, r.get("path")) if r["section"] != "document" else None} for r in rows]


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER, graph="neighbourhood", server=False, formats=("json", "csv"), as_json=card,
    context=context, context_columns=("reported_by",),
    help="""The document card: metadata, what it cites and what cites it, with sentences.

    \b
    Examples:
        chidao show "294-CV/TU Lai Châu"
        chidao show corpus/sample/lai-chau/tinh/tu-kh-312-2021.txt --json
        chidao show "312-KH/TU Lai Châu" --csv --excel > 312.csv
    """,
)
