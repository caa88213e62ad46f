"""The questions' answers as text for people: what ``chidao <question>`` prints without --json/--csv.

``render(answer)`` gives the lines and tables of one answer; ``cli.py`` prints them
(a ``Table`` through rich). A question without a renderer here is shown as the
table of its rows. The record summary of ``chidao extract`` (``record_text``) and
the document label every listing uses (``doc_label``) live here too.

Pure: no printing, no files (the timeline chart is ``outputs/plot.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..queries import gaps as gaps_question
from ..queries import show as show_question
from ..queries import timeline as timeline_question
from ..queries.base import LEVELS, Question, document_row

__all__ = ["Answer", "Table", "render", "RENDERERS", "doc_label", "lag_text", "cell", "record_text",
           "addressee_lines"]


@dataclass(frozen=True)
class Table:
    """Rows to show as a table, with these columns and an optional title."""

    rows: list[dict]
    columns: list[str]
    title: str | None = None


@dataclass(frozen=True)
class Answer:
    """A question's rows and what they were asked about.

    ``graph`` and ``uid`` are None when the Cypher face answered (``--neo4j``): a
    renderer that needs the graph then shows the rows as a table.
    """

    question: Question
    rows: list[dict]
    subject: str | None = None  # the REF or the search text as typed
    uid: str | None = None
    graph: Any = None  # the networkx graph the rows were read from
    options: dict = field(default_factory=dict)


Output = list["str | Table"]


def cell(value) -> str:
    """A value as a table cell: None empty, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def doc_label(row: dict) -> str:
    """ "Kết luận 07-KL/TW · Bộ Chính trị · 2021-06-11", "(cited only)" for a stub."""
    parts = [" ".join(x for x in (row.get("doc_type"), row.get("symbol") or "(no number)") if x),
             row.get("issuer") or "?", row.get("date") or "no date"]
    label = " · ".join(parts)
    return label + ("  (cited only)" if row.get("stub") else "")


def lag_text(days) -> str:
    return "" if days is None else f"{days:+d} d"


def _table(answer: Answer, title: str | None = None) -> Output:
    return [Table(answer.rows, list(answer.question.columns), title)]


def implements(answer: Answer) -> Output:
    graph, uid, rows = answer.graph, answer.uid, answer.rows
    if graph is None or uid is None:
        return _table(answer)
    out: Output = [doc_label(document_row(graph, uid))]
    if not rows:
        return out + ["  no implementing document in the corpus"]
    symbols = {r["uid"]: r["symbol"] for r in rows}
    symbols[uid] = graph.nodes[uid].get("symbol")
    for lvl in LEVELS + (None,):
        group = [r for r in rows if r["level"] == lvl]
        if not group:
            continue
        out.append(f"{lvl or 'unplaced'} ({len(group)})")
        for r in group:
            parent = symbols.get(r["parent_uid"]) or "?"
            out.append(f"  {doc_label(r)}  {lag_text(r['lag_days'])}  ← {r['link']} {parent}")
    return out


def trace(answer: Answer) -> Output:
    out: Output = []
    if not answer.rows:
        out.append(f"No chain reaches {answer.options.get('to')} level in the corpus.")
    for r in answer.rows:
        out.append(" → ".join(s or "?" for s in r["symbols"])
                   + (f"  ({lag_text(r['lag_days'])})" if r.get("lag_days") is not None else ""))
    return out


def basis(answer: Answer) -> Output:
    graph, uid, rows = answer.graph, answer.uid, answer.rows
    if graph is None or uid is None:
        return _table(answer)
    out: Output = [doc_label(document_row(graph, uid))]
    if not rows:
        out.append("  rests on no document in the corpus")
    for r in sorted(rows, key=lambda r: r["depth"]):
        out.append(f"  {'  ' * (r['depth'] - 1)}↑ {doc_label(r)}  {lag_text(r['lag_days'])}")
    return out


def addressee_lines(items: Iterable) -> list[str]:
    """Addressees for people: a group phrase once, with the real units it stands for."""
    lines: list[str] = []
    groups: dict[str, list[str]] = {}
    for item in items:
        if not isinstance(item, dict):
            lines.append(str(item))
            continue
        group = item.get("expanded_from")
        if group:
            if group not in groups:
                groups[group] = []
                lines.append(group)
            groups[group].append(item.get("name") or "?")
        else:
            name, written = item.get("name"), item.get("as_written")
            lines.append(name if name and name == written else f"{written}" + (f"  → {name}" if name else ""))
    return [f"{line}  → {', '.join(groups[line])}" if line in groups else line for line in lines]


def card_lines(card: dict) -> list[str]:
    """The document card of ``queries.show.card`` for people."""
    doc = card["document"]
    out = [doc_label(doc)]
    for key in ("subject", "level", "province", "district", "path"):
        if doc.get(key):
            out.append(f"  {key}: {doc[key]}")
    for key, title in (("recipients", "Kính gửi"), ("copied_to", "Nơi nhận")):
        if doc.get(key):
            out.append(f"  {title}:")
            out.extend(f"    {line}" for line in addressee_lines(doc[key]))
    if doc.get("signer"):
        signer = doc["signer"]
        out.append(f"  signed: {signer.get('name') if isinstance(signer, dict) else signer}")
    for title, rows in (("cites", card["cites"]), ("cited by", card["cited_by"])):
        out.append(f"{title} ({len(rows)})")
        for r in rows:
            out.append(f"  {r.get('relation')}  {doc_label(r)}")
            if r.get("sentence"):
                out.append(f"      “{r['sentence']}”")
            if r.get("path"):
                out.append(f"      {r['path']}")
    return out


def show(answer: Answer) -> Output:
    if answer.graph is None or answer.uid is None:
        return _table(answer)
    return list(card_lines(show_question.card(answer.graph, answer.uid)))


def gaps(answer: Answer) -> Output:
    rows = answer.rows
    if not rows:
        return [f"No {answer.options.get('level')}-level addressee in the chain."]
    out: Output = [f"{c['province'] or '?'}, {c['level']}: {c['with_document']} of {c['addressed']} addressees "
                   f"have an implementing document in the corpus ({c['share']:.0%})"
                   for c in gaps_question.coverage(rows)]
    missing = [r for r in rows if not r["has_document"]]
    if missing:
        out.append("No implementing document in the corpus from:")
        out.extend(f"  {r['agency']}  (addressed by {cell(r['addressed_by'])})" for r in missing)
    return out


def coverage(answer: Answer) -> Output:
    """Provinces that were told or acted (the others counted in one line), short columns for 80 columns."""
    rows = answer.rows
    shown = [r for r in rows if r["addressed"] or r["first_uid"]]
    quiet = len(rows) - len(shown)
    table = []
    for r in shown:
        told = {True: "yes", False: "no", None: "?"}[r["addressed"]]
        first = r["first_document"] or (f"({r['first_issuer'] or '?'})" if r["first_uid"] else "")
        table.append({"province": r["province"], "told": told, "first": first, "date": r["first_date"] or "",
                      "lag": lag_text(r["first_lag_days"]), "docs": r["documents"],
                      "district": f"{r['implementing_district']}/{r['addressed_district']}",
                      "commune": f"{r['implementing_commune']}/{r['addressed_commune']}"})
    out: Output = [Table(table, ["province", "told", "first", "date", "lag", "docs", "district", "commune"],
                         "first implementing document per province (units acting/addressed)")]
    if quiet:
        out.append(f"{quiet} other province(s): not told in the corpus and no implementing document.")
    return out


def timeline(answer: Answer) -> Output:
    summary = timeline_question.summary(answer.rows)
    if not summary:
        return ["No dated implementing document in the corpus."]
    return [Table(summary, list(summary[0].keys()), "lag in days after the order, per level")]


def search(answer: Answer) -> Output:
    if not answer.rows:
        return [f"No document matches {answer.subject!r}."]
    return [Table(answer.rows, ["symbol", "doc_type", "issuer", "date", "level", "subject"],
                  f"{len(answer.rows)} document(s)")]


def stats(answer: Answer) -> Output:
    return _table(answer, "workspace")


RENDERERS: dict[str, Callable[[Answer], Output]] = {
    "implements": implements, "trace": trace, "basis": basis, "show": show, "gaps": gaps, "coverage": coverage,
    "timeline": timeline,
    "search": search, "stats": stats,
}


def render(answer: Answer) -> Output:
    """The lines and tables that show ``answer`` to people."""
    renderer = RENDERERS.get(answer.question.name)
    return renderer(answer) if renderer else _table(answer)


def record_text(record) -> str:
    """One extracted record for people (``chidao extract`` without --json)."""
    lines = [f"{record.path}  [{record.kind}]"]
    if record.ocr_confidence is not None:
        lines[0] += f"  (read by OCR, mean confidence {record.ocr_confidence:.0f}%)"
    doc = record.doc
    if doc is not None:
        head = " · ".join(x for x in (
            " ".join(x for x in (doc.doc_type, doc.symbol or "(no number)") if x),
            doc.issuer_canonical or doc.issuer, doc.date, doc.place) if x)
        lines.append(f"  {head}")
        if doc.subject:
            lines.append(f"  {doc.subject}")
        if doc.recipients:
            lines.append(f"  Kính gửi: {'; '.join(doc.recipients)}")
        if doc.copied_to:
            lines.append(f"  Nơi nhận: {'; '.join(doc.copied_to)}")
        if doc.signer:
            lines.append(f"  Ký: {doc.signer.name or '?'}" + (f" ({doc.signer.title})" if doc.signer.title else ""))
    for c in record.citations:
        ref = " ".join(x for x in (c.doc_type, c.symbol or f"số {c.number}") if x)
        extra = "  ".join(x for x in (c.date, c.issuer) if x)
        nested = f"  (cited by #{c.via + 1})" if c.via is not None else ""
        lines.append(f"  cites  {c.cue or '-':<10} {ref}  {extra}{nested}")
    for u in record.unnumbered:
        lines.append(f"  cites  {u.cue or '-':<10} {u.doc_type} (no number)  {'  '.join(x for x in (u.date, u.issuer) if x)}")
    for w in record.warnings:
        lines.append(f"  warning: {w}")
    return "\n".join(lines)
