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

import textwrap

from ..queries import gaps as gaps_question
from ..queries import implements as implements_question
from ..queries import show as show_question
from ..queries import timeline as timeline_question
from ..queries import trace as trace_question
from ..queries.base import LEVELS, Question, document_row

# The one word for a document or agency with no known level or place.
UNPLACED = "unplaced"
# What the human forms fit into unless told otherwise (cli.py passes the terminal's width).
WIDTH = 80

__all__ = ["Answer", "Table", "render", "RENDERERS", "doc_label", "lag_text", "cell", "record_text",
           "addressee_lines", "fit", "UNPLACED", "WIDTH", "rich_table", "issue_lines", "SHORTENED_COLUMNS"]


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
    """A value as a table cell: None empty, lists joined with "; " (a missing item empty)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join("" if v is None else str(v) for v in value)
    return str(value)


def fit(line: str, width: int = WIDTH, indent: str = "      ") -> list[str]:
    """One line of text as lines of at most ``width`` columns, broken at spaces only: a symbol
    (07-KL/TW, 1105/SYT-NVY) is never split; continuation lines start with ``indent``."""
    if len(line) <= width:
        return [line]
    body = line.lstrip(" ")
    lead = line[:len(line) - len(body)]
    # The lead goes in as the first line's indent: wrapping it with the text would drop it
    # whenever the first word (a long path) does not fit, so the layout would depend on the path.
    return textwrap.wrap(body, width=width, initial_indent=lead, subsequent_indent=lead + indent,
                         break_long_words=False, break_on_hyphens=False, drop_whitespace=True) or [line]


def doc_label(row: dict) -> str:
    """ "Kết luận 07-KL/TW · Bộ Chính trị · 2021-06-11", "(cited only)" for a stub; an unnumbered
    document by its type, issuer and date: "Kế hoạch (no number) · Ủy ban nhân dân huyện ... · 2021-08"."""
    parts = [" ".join(x for x in (row.get("doc_type") or "document", row.get("symbol") or "(no number)") if x),
             row.get("issuer") or "?", row.get("date") or "no date"]
    label = " · ".join(parts)
    return label + ("  (cited only)" if row.get("stub") else "")


def lag_text(days) -> str:
    return "" if days is None else f"{days:+d} d"


def _table(answer: Answer, title: str | None = None) -> Output:
    return [Table(answer.rows, list(answer.question.columns), title)]


def implements(answer: Answer, width: int = WIDTH) -> Output:
    """The tree by level; each document with every document of the chain it acts on."""
    graph, uid, rows = answer.graph, answer.uid, answer.rows
    if uid is None:
        return _table(answer)
    out: Output = [doc_label(document_row(graph, uid)) if graph is not None else uid]
    if not rows:
        return out + ["  no implementing document in the corpus"]
    if graph is not None:
        acting = [", ".join(c["parents"]) for c in implements_question.context(graph, uid, rows)]
    else:  # a --neo4j answer: the one parent of each row, by symbol
        symbols = {r["uid"]: r["symbol"] or r["uid"] for r in rows}
        acting = [f"{r['link']} {symbols.get(r['parent_uid']) or r['parent_uid']}" for r in rows]
    for lvl in LEVELS + (None,):
        group = [(r, a) for r, a in zip(rows, acting) if r["level"] == lvl]
        if not group:
            continue
        out.append(f"{lvl or UNPLACED} ({len(group)})")
        for r, a in group:
            out.extend(fit(f"  {doc_label(r)}  {lag_text(r['lag_days'])}", width))
            out.extend(fit(f"      ← {a}", width, indent="  "))
    return out


def _chain_item(ref: str, issuer: str | None, place: str | None) -> str:
    where = issuer or place or UNPLACED
    return f"{ref} ({where})"


def trace(answer: Answer, width: int = WIDTH) -> Output:
    """One chain per paragraph: each document with its issuer (Lai Châu's 312-KH/TU is not Điện Biên's)."""
    out: Output = []
    rows = answer.rows
    if not rows:
        return [f"No chain reaches {answer.options.get('to')} level in the corpus."]
    if answer.graph is not None and answer.uid is not None:
        items = [[_chain_item(*t) for t in zip(c["refs"], c["issuers"], c["places"])]
                 for c in trace_question.context(answer.graph, answer.uid, rows)]
    else:
        items = [[s or "?" for s in r["symbols"]] for r in rows]
    for r, chain in zip(rows, items):
        lag = f"  ({lag_text(r['lag_days'])})" if r.get("lag_days") is not None else ""
        out.extend(fit(" → ".join(chain) + lag, width, indent="    "))
    return out


def basis(answer: Answer, width: int = WIDTH) -> Output:
    graph, uid, rows = answer.graph, answer.uid, answer.rows
    if uid is None:
        return _table(answer)
    # a --neo4j answer (no graph) is drawn the same way, headed by the uid
    out: Output = [doc_label(document_row(graph, uid)) if graph is not None else uid]
    if not rows:
        out.append("  rests on no document in the corpus")
    for r in sorted(rows, key=lambda r: r["depth"]):
        out.extend(fit(f"  {'  ' * (r['depth'] - 1)}↑ {doc_label(r)}  {lag_text(r['lag_days'])}", width))
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


def card_lines(card: dict, reported_by=None, width: int = WIDTH) -> list[str]:
    """The document card of ``queries.show.card`` for people; ``reported_by(path)`` names who
    reported each claim (the document read from that file)."""
    doc = card["document"]
    out = fit(doc_label(doc), width)
    for key in ("subject", "level", "province", "district", "path"):
        if doc.get(key):
            out.extend(fit(f"  {key}: {doc[key]}", width, indent="  "))
    for key, title in (("recipients", "Kính gửi"), ("copied_to", "Nơi nhận")):
        if doc.get(key):
            out.append(f"  {title}:")
            for line in addressee_lines(doc[key]):
                out.extend(fit(f"    {line}", width))
    if doc.get("signer"):
        signer = doc["signer"]
        out.append(f"  signed: {signer.get('name') if isinstance(signer, dict) else signer}")
    for title, rows in (("cites", card["cites"]), ("cited by", card["cited_by"])):
        out.extend(_link_group_lines(title, rows, reported_by or (lambda path: path), width))
    return out


def _link_group_lines(title: str, rows: list[dict], reported_by, width: int) -> list[str]:
    """Links grouped per other document: the document once, then each claim with who reported it."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r.get("uid") or "", []).append(r)
    out = [f"{title} ({len(groups)} document(s), {len(rows)} claim(s))"]
    for group in groups.values():
        out.extend(fit(f"  {doc_label(group[0]) if group[0].get('symbol') or group[0].get('doc_type') else 'news article'}",
                       width))
        for r in group:
            by = reported_by(r.get("path"))
            out.extend(fit(f"    {r.get('relation')}, reported by {by or '?'}", width))
            if r.get("sentence"):
                out.extend(fit(f"      “{r['sentence']}”", width, indent=""))
            if r.get("path"):
                out.extend(fit(f"      {r['path']}", width, indent=""))
    return out


def show(answer: Answer, width: int = WIDTH) -> Output:
    if answer.graph is None or answer.uid is None:
        return _table(answer)
    graph = answer.graph
    return list(card_lines(show_question.card(graph, answer.uid), lambda path: show_question.reporter(graph, path),
                           width))


def gaps(answer: Answer, width: int = WIDTH) -> Output:
    rows = answer.rows
    if not rows:
        return [f"No {answer.options.get('level')}-level addressee in the chain."]
    out: Output = [f"{c['province'] or UNPLACED}, {c['level']}: {c['with_document']} of {c['addressed']} "
                   f"addressees acted in the corpus ({c['share']:.0%})"
                   for c in gaps_question.coverage(rows)]
    missing = [r for r in rows if not r["has_document"]]
    if missing:
        out.append("No implementing document in the corpus from:")
        for r in missing:
            out.extend(fit(f"  {r['agency']}  (addressed by {cell(r['addressed_by'])})", width))
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
    return [Table(answer.rows, ["symbol", "issuer", "date", "subject"],
                  f"{len(answer.rows)} document(s)")]


def stats(answer: Answer) -> Output:
    return _table(answer, "workspace")


RENDERERS: dict[str, Callable[[Answer], Output]] = {
    "implements": implements, "trace": trace, "basis": basis, "show": show, "gaps": gaps, "coverage": coverage,
    "timeline": timeline,
    "search": search, "stats": stats,
}


def render(answer: Answer, width: int = WIDTH) -> Output:
    """The lines and tables that show ``answer`` to people, lines fitted to ``width`` columns."""
    import inspect

    renderer = RENDERERS.get(answer.question.name)
    if renderer is None:
        return _table(answer)
    return renderer(answer, width=width) if "width" in inspect.signature(renderer).parameters else renderer(answer)  # type: ignore[call-arg]


# Free text that is shortened rather than wrapped in a table for people.
SHORTENED_COLUMNS = frozenset({"subject", "message", "sentence"})


def rich_table(rows: list[dict], columns: list[str], title: str | None = None, width: int = WIDTH):
    """Rows as a rich ``Table`` that fits ``width`` columns (cli.py prints it): free text shortened
    with "…", other columns wrapped at spaces and never narrower than their longest word (up to 24)."""
    from rich import box
    from rich.table import Table as RichTable

    # No vertical rules: eight columns fit 80 characters.
    table = RichTable(title=title, show_lines=False, header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    cells = [[cell(row.get(k)) for k in columns] for row in rows]
    short = [i for i, c in enumerate(columns) if c in SHORTENED_COLUMNS]
    if short:  # what the other columns leave, shared by the shortened ones (at least 12 each)
        natural = [min(24, max([len(column)] + [len(r[i]) for r in cells])) for i, column in enumerate(columns)]
        room = width - sum(natural[i] for i in range(len(columns)) if i not in short) - 3 * len(columns)
        each = max(12, room // len(short))
        for r in cells:
            for i in short:
                r[i] = r[i] if len(r[i]) <= each else r[i][:each - 1].rstrip() + "…"
    for i, column in enumerate(columns):
        # A word never splits (07-KL/TW, 1105/SYT-NVY): the column is at least its longest word wide
        # (up to 24); text wraps at spaces.
        longest = max((len(w) for r in cells for w in r[i].split()), default=0)
        if column in SHORTENED_COLUMNS:  # one line each, shortened with "…"
            table.add_column(column, overflow="ellipsis", no_wrap=True)
        else:
            table.add_column(column, overflow="fold", min_width=min(max(longest, len(column)), 24))
    for r in cells:
        table.add_row(*r)
    return table


def issue_lines(rows: list[dict], width: int) -> list[str]:
    """The issues for people: one block per kind (in ISSUE_KINDS order, with what it means), each
    message wrapped at spaces and its file on a line of its own (a long path never moves the text)."""
    from ..graph.checks import ISSUE_KINDS

    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    counts = ", ".join(f"{k} {len(v)}" for k, v in sorted(by_kind.items(), key=lambda kv: list(ISSUE_KINDS).index(kv[0])))
    lines = fit(f"{len(rows)} issue(s): {counts}", width, "  ")
    for k in ISSUE_KINDS:
        if k not in by_kind:
            continue
        lines.append("")
        lines.extend(fit(f"{k}: {ISSUE_KINDS[k]}", width, "  "))
        for row in by_kind[k]:
            lines.extend(fit(f"  - {row['message']}", width, "  "))
            if row["path"]:
                lines.append(f"    {row['path']}")
    return lines


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
