"""coverage: who was told, who acted and how fast, one row per province.

For a document (typically central) the rows are the provinces it can reach:
every province of the gazetteer when the document is central, else its own
province. The chain is the root and everything downstream of it
(``implements``); the addressees are those of ``base.addressees`` (Kính gửi
and Nơi nhận, without the upward "(b/c)" copies). Per province:

* ``addressed``: a chain document from outside the province (the root, a
  central guide) sent to one of its units; None when that cannot be known
  (the root is a stub: its recipient list is not in the corpus and nothing
  else addressed the province); ``addressed_by`` the references of those
  documents;
* ``first_*``: the earliest-dated document of the province downstream of the
  root (at ``level`` when given; undated ones only when none is dated; then by
  uid), with its lag in days after the root (``first_document`` is its symbol,
  None when unnumbered: the renderer names it by type, issuer and date); ``sentence``, ``path`` and ``cue`` are the
  evidence of its link to the chain (the strongest link type, then the
  cited uid, then the position in its file);
* ``documents``: how many documents of the province are downstream;
* ``addressed_<level>`` / ``implementing_<level>``: distinct units of the
  province at that level named by a chain document / that issued a
  downstream document.

"No implementing document" means the corpus holds none; archives are
incomplete. Rows are ordered by province name.
"""

from __future__ import annotations

from .base import (DOWNSTREAM_LINKS, LEVELS, REPORT_COPY_MARKS, Option, Question, addressees, doc_ref, evidence,
                   load_cypher)
from .implements import walk

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "province_names", "COUNT_LEVELS"]

NAME = "coverage"
COUNT_LEVELS = LEVELS[1:]  # province, district, commune
COLUMNS = ("province", "addressed", "addressed_by", "first_uid", "first_document", "first_issuer", "first_level",
           "first_date", "first_lag_days", "documents",
           *(f"{kind}_{lvl}" for lvl in COUNT_LEVELS for kind in ("addressed", "implementing")),
           "sentence", "path", "cue")
CYPHER = load_cypher(NAME)

LINK_RANK = {t: i for i, t in enumerate(DOWNSTREAM_LINKS)}


def province_names() -> list[str]:
    """Every province of the gazetteer, by name (the rows of a central document)."""
    from ..graph.gazetteer import gazetteer

    return sorted({p.name for p in gazetteer().places.values() if p.level == "province"})


def __getattr__(name: str):
    """``CYPHER_PARAMETERS``: what the Cypher face takes beside the options, made when asked for,
    since the gazetteer costs every command (``extract`` included) ~1 s and ~75 MB at import."""
    if name == "CYPHER_PARAMETERS":
        return {"report_marks": list(REPORT_COPY_MARKS), "provinces": province_names()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _issuer(graph, uid: str) -> str | None:
    d = graph.nodes[uid]
    return graph.nodes[d["issuer_uid"]].get("name") if d.get("issuer_uid") in graph else d.get("issuer_as_written")


def _link_evidence(graph, doc: str, chain: set[str]) -> dict:
    """The evidence of ``doc``'s strongest link to a chain document."""
    best = None
    for _, target, data in graph.out_edges(doc, data=True):
        if data.get("type") in LINK_RANK and target in chain:
            key = (LINK_RANK[data["type"]], target, data.get("start") is None, data.get("start") or 0)
            if best is None or key < best[0]:
                best = (key, target, data["type"])
    return evidence(graph, doc, best[1], best[2]) if best else {"sentence": None, "path": None, "cue": None}


def run(graph, uid: str, *, level: str | None = None) -> list[dict]:
    """One row per province for ``uid`` (see the module docstring).

    Raises KeyError when ``uid`` is not in the graph.
    """
    down = set(walk(graph, uid, direction="down"))
    chain = down | {uid}
    root = graph.nodes[uid]
    provinces = province_names() if root.get("level") == "central" else [root.get("province")]
    provinces = [p for p in provinces if p]
    named: dict[str, dict[str, set[str]]] = {}  # province -> level -> agencies
    told_by: dict[str, set[str]] = {}  # province -> references of outside documents
    for doc in chain:
        home = graph.nodes[doc].get("province")
        for agency, _, _ in addressees(graph, doc):
            a = graph.nodes[agency]
            p = a.get("province")
            if p is None:
                continue
            named.setdefault(p, {}).setdefault(a.get("level"), set()).add(agency)
            if home != p:
                told_by.setdefault(p, set()).add(doc_ref(graph, doc))
    acting: dict[str, dict[str, set[str]]] = {}
    docs_in: dict[str, list[str]] = {}
    for doc in down:
        d = graph.nodes[doc]
        p = d.get("province")
        if p is None or d.get("level") == "central":  # a central guide placed in Hà Nội is not Hà Nội's
            continue
        docs_in.setdefault(p, []).append(doc)
        for _, agency, t in graph.out_edges(doc, data="type"):
            if t == "ISSUED_BY":
                acting.setdefault(p, {}).setdefault(graph.nodes[agency].get("level"), set()).add(agency)
    root_day = root.get("day_number")
    rows = []
    for p in provinces:
        candidates = [d for d in docs_in.get(p, ()) if level is None or graph.nodes[d].get("level") == level]
        candidates.sort(key=lambda d: (graph.nodes[d].get("day_number") is None, graph.nodes[d].get("day_number") or 0, d))
        first = candidates[0] if candidates else None
        f = graph.nodes[first] if first else {}
        by = sorted(told_by.get(p, ()))
        addressed = True if by else (None if root.get("stub") else False)
        day = f.get("day_number")
        row = {
            "province": p, "addressed": addressed, "addressed_by": by,
            "first_uid": first, "first_document": f.get("symbol"),
            "first_issuer": _issuer(graph, first) if first else None, "first_level": f.get("level"),
            "first_date": f.get("date"),
            "first_lag_days": None if day is None or root_day is None else int(day) - int(root_day),
            "documents": len(docs_in.get(p, ())),
        }
        for lvl in COUNT_LEVELS:
            row[f"addressed_{lvl}"] = len(named.get(p, {}).get(lvl, ()))
            row[f"implementing_{lvl}"] = len(acting.get(p, {}).get(lvl, ()))
        row.update(_link_evidence(graph, first, chain) if first else {"sentence": None, "path": None, "cue": None})
        rows.append({c: row[c] for c in COLUMNS})
    rows.sort(key=lambda r: str(r["province"]))
    return rows


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER,
    help="""Per province: was it told, who acted first and how fast, how many units.

    For REF (typically a central document), one row per province: addressed
    or not (Kính gửi and Nơi nhận of the chain, not the upward "(b/c)"
    copies), the first implementing document with its date and lag in days,
    and how many units at each lower level were addressed and issued an
    implementing document. --plot writes the map of Vietnam as a PNG and
    --map as an offline HTML page. Archives are incomplete: "no document"
    says what the corpus holds, not what a province did.

    \b
    Examples:
        chidao coverage "Kết luận 07-KL/TW"
        chidao coverage "Kết luận 07-KL/TW" --map kl07-map.html --plot kl07-map.png
        chidao coverage "07-KL/TW" --level district --csv --excel > coverage.csv
    """,
    options=(Option("level", "Only first documents at this level.", choices=LEVELS[1:]),),
)
