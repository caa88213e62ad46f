"""gaps: who was addressed along a chain, and whether the corpus holds their implementing document.

The chain is the root and everything downstream of it (``implements``). Every
agency at ``level`` that a chain document addressed (ADDRESSED_TO, "Kính
gửi", including group phrases such as "Các huyện ủy, thành ủy, đảng ủy trực
thuộc" that the build expanded to the province's real units) is one row.
``has_document`` says whether the corpus holds a document issued by that
agency (ISSUED_BY) that is downstream of the root; ``documents`` lists their
symbols.

``has_document`` False means "no implementing document in the corpus", and
nothing more: archives are incomplete, the agency may have acted on paper
that was never collected, or through a board of its own (a Ban Tuyên giáo
Huyện ủy document does not count for the Huyện ủy).

Rows are ordered by province, district, agency name, agency uid (missing
values last).
"""

from __future__ import annotations

from .base import LEVELS, REPORT_COPY_MARKS, Option, Question, addressees, doc_ref, load_cypher
from .implements import walk

__all__ = ["QUESTION", "NAME", "COLUMNS", "CYPHER", "run", "coverage", "addressed"]

NAME = "gaps"
COLUMNS = ("agency_uid", "agency", "level", "province", "district", "addressed_by", "source", "has_document",
           "documents", "sentence", "path", "cue")
CYPHER = load_cypher(NAME)
# What the Cypher face takes beside the options: the marks of an upward copy.
CYPHER_PARAMETERS = {"report_marks": list(REPORT_COPY_MARKS)}


def _last(value):
    return (value is None, value or "")


def addressed(graph, chain, level: str | None = None) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """{agency uid: [(doc ref, source, line as written, doc path), ...]} for the agencies (at ``level``)
    that documents of ``chain`` send to (``base.addressees``: Kính gửi and Nơi nhận, no upward copies)."""
    out: dict[str, set] = {}
    for doc in chain:
        ref, path = doc_ref(graph, doc), graph.nodes[doc].get("path")
        for agency, source, written in addressees(graph, doc):
            if level is None or graph.nodes[agency].get("level") == level:
                out.setdefault(agency, set()).add((ref, source, written or "", path))
    return {a: sorted(v, key=lambda t: (t[0], t[1], t[2], t[3] or "")) for a, v in out.items()}


def run(graph, uid: str, *, level: str = "district") -> list[dict]:
    """Agencies at ``level`` addressed along ``uid``'s chain, each with its downstream documents.

    ``addressed_by`` lists the documents that named the agency, ``source`` where they did
    (Kính gửi, Nơi nhận); the evidence columns are those of the first of them: ``sentence``
    the line as written ("UBND các huyện, thành phố"), ``path`` its file, ``cue`` its source.
    Raises KeyError when ``uid`` is not in the graph.
    """
    downstream = set(walk(graph, uid, direction="down"))
    chain = downstream | {uid}
    by_agency = addressed(graph, chain, level)
    issued: dict[str, set[str]] = {}
    for doc in downstream:
        for _, agency, t in graph.out_edges(doc, data="type"):
            if t == "ISSUED_BY" and agency in by_agency:
                issued.setdefault(agency, set()).add(doc_ref(graph, doc))
    rows = []
    for agency, by in by_agency.items():
        a = graph.nodes[agency]
        docs = sorted(issued.get(agency, ()))
        first = by[0]
        rows.append({
            "agency_uid": agency,
            "agency": a.get("name"),
            "level": a.get("level"),
            "province": a.get("province"),
            "district": a.get("district"),
            "addressed_by": sorted({t[0] for t in by}),
            "source": sorted({t[1] for t in by}),
            "has_document": bool(docs),
            "documents": docs,
            "sentence": first[2] or None,
            "path": first[3],
            "cue": first[1],
        })
    rows.sort(key=lambda r: (_last(r["province"]), _last(r["district"]), _last(r["agency"]), r["agency_uid"]))
    return rows


def coverage(rows: list[dict]) -> list[dict]:
    """Per (province, level): addressed agencies, those with an implementing document in the corpus, and the share.

    ``share`` is with_document / addressed, rounded to 3 places. Ordered by province, then level.
    """
    from .base import LEVEL_ORDER

    groups: dict[tuple, list[int]] = {}
    for r in rows:
        g = groups.setdefault((r["province"], r["level"]), [0, 0])
        g[0] += 1
        g[1] += bool(r["has_document"])
    out = [{"province": p, "level": lvl, "addressed": n, "with_document": k, "share": round(k / n, 3)}
           for (p, lvl), (n, k) in groups.items()]
    out.sort(key=lambda c: (_last(c["province"]), LEVEL_ORDER.get(c["level"], 4)))
    return out


QUESTION = Question(
    NAME, COLUMNS, run, CYPHER,
    help="""Addressees of REF's chain with no implementing document in the corpus.

    Lists the agencies that a document in REF's chain addressed (Kính gửi and
    Nơi nhận, without the upward "(b/c)" copies; group phrases expanded to the real units through the gazetteer) and whether
    the corpus holds a document of theirs downstream of REF, with the coverage
    per province. Archives are incomplete: a gap says what the corpus holds,
    not what an agency did.

    \b
    Examples:
        chidao gaps "Kết luận 07-KL/TW" --level district
        chidao gaps "312-KH/TU Lai Châu" --csv > gaps.csv
    """,
    options=(Option("level", "The level of the addressees to check.", default="district", choices=LEVELS[1:]),),
)
