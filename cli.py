"""The chidao command line: argument parsing and printing only.

Each command calls one library function and turns the library's errors into
click exceptions, so users see "Error: ..." and never a traceback.
Data goes to stdout; messages and progress go to stderr.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version

import click

try:
    __version__ = version("chidao")
except PackageNotFoundError:  # pragma: no cover - running from a checkout without install
    __version__ = "0+unknown"

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _warn(message: str) -> None:
    click.echo(f"chidao: {message}", err=True)


@contextmanager
def _progress(total: int, label: str):
    """A progress bar on stderr when a person is watching; silent for scripts and tests."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.console import Console

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="chidao")
def cli():
    """chidao: who ordered what, and how each order travelled down the hierarchy.

    Reads Vietnamese Party and State directives (txt, docx, pdf, html), extracts
    each document's header and every citation, and answers questions about the
    chains of implementation.

    \b
    A first tour, on the bundled sample corpus:
        chidao extract                          # what each document says and cites
        chidao build                            # resolve them into a graph in ./.chidao
        chidao implements "Kết luận 07-KL/TW"   # what carried that order down, level by level
        chidao gaps "312-KH/TU Lai Châu"        # who was told to act, with nothing in the corpus
        chidao viz "07-KL/TW" -o kl07.html      # an offline interactive picture

    Every command has --help with examples.
    """


# -- extract -------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per input file.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Parse in this many processes (0: one per core).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
def extract(paths, as_json, jobs, quiet):
    """Extract the header and every citation of each document.

    PATHS are files or directories (walked recursively for .txt, .docx, .pdf,
    .html). Without PATHS, the bundled sample corpus is read. A file that cannot
    be read gets a one-line warning and the others are still read; the exit
    status is 1 only when no file could be read.

    \b
    Examples:
        chidao extract archive/                       # readable summaries
        chidao extract archive/ --json > records.jsonl
        chidao extract archive/ --json -j 0 | jq .doc.symbol
    """
    from .loaders import extract_paths
    from .corpus import sample_corpus_path

    if not paths:
        paths = (str(sample_corpus_path()),)
        _warn(f"no PATH given: reading the bundled sample corpus ({paths[0]})")
    started = time.perf_counter()
    read = failed = citations = nbytes = 0
    results = extract_paths(paths, jobs=jobs)
    for path, record, error, size in results:
        if error is not None:
            failed += 1
            _warn(f"skipped {path}: {error}")
            continue
        read += 1
        nbytes += size
        citations += len(record.citations)
        if as_json:
            click.echo(json.dumps(record.to_json(), ensure_ascii=False))
        else:
            click.echo(_format_record(record))
    elapsed = time.perf_counter() - started
    if not quiet:
        rate = read / elapsed if elapsed else 0.0
        _warn(f"{read} file(s) read, {failed} skipped, {citations} citation(s); "
              f"{nbytes / 1e6:.1f} MB in {elapsed:.2f} s ({rate:.0f} files/s, {nbytes / 1e6 / elapsed if elapsed else 0:.1f} MB/s)")
    if read == 0:
        raise click.ClickException("no file could be read" if failed else "no document found under the given paths")


def _format_record(record) -> str:
    lines = [f"{record.path}  [{record.kind}]"]
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


# -- shared options and output -----------------------------------------------

def workspace_option(f):
    return click.option("-w", "--workspace", default=".chidao", show_default=True, envvar="CHIDAO_WORKSPACE",
                        type=click.Path(file_okay=False, path_type=str),
                        help="The workspace directory (also $CHIDAO_WORKSPACE).")(f)


def output_options(f):
    """--json / --csv for every command that prints rows."""
    f = click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row, for spreadsheets.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="JSON: one array of objects.")(f)
    return f


def _emit(rows: list[dict], columns: list[str], fmt: str | None, *, title: str | None = None) -> None:
    """Print rows as JSON, CSV or a table for people (stdout only)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(k)) for k in columns))
    # A pipe or a file gets the full width, not 80 columns.
    Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200).print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def _workspace_error(e) -> click.ClickException:
    return click.ClickException(str(e))


# -- build and check -------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@workspace_option
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Parse in this many processes (0: one per core).")
@click.option("--json", "as_json", is_flag=True, help="Print the build summary as JSON.")
def build(paths, workspace, jobs, as_json):
    """Read documents into the workspace and resolve them into one graph.

    Builds are incremental: an unchanged file is not parsed again, a changed
    file replaces its facts, a file removed from under PATHS loses its facts.
    The workspace is replaced only when the build completes, so an interrupted
    build leaves the previous one intact. Without PATHS, the bundled sample
    corpus is read.

    \b
    Examples:
        chidao build                           # the sample corpus into ./.chidao
        chidao build archive/ -j 0             # every core
        chidao build archive/ more/ -w ~/ws    # several folders, another workspace
    """
    from .corpus import sample_corpus_path
    from .graph import WorkspaceError, build_workspace

    if not paths:
        paths = (str(sample_corpus_path()),)
        _warn(f"no PATH given: building the bundled sample corpus ({paths[0]})")
    started = time.perf_counter()
    bar_state = {}

    def progress(done, total, path, _state=bar_state):
        advance = _state.get("advance")
        if advance is None and total > 1 and sys.stderr.isatty():
            _state["cm"] = _progress(total, "parsing")
            _state["advance"] = advance = _state["cm"].__enter__()
        if advance:
            advance(1)

    try:
        summary = build_workspace(paths, workspace, jobs=jobs, progress=progress)
    except WorkspaceError as e:
        raise _workspace_error(e)
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: the previous workspace is unchanged")
    finally:
        if "cm" in bar_state:
            bar_state["cm"].__exit__(None, None, None)
    elapsed = time.perf_counter() - started
    for path, reason in summary.unreadable:
        _warn(f"skipped {path}: {reason}")
    if as_json:
        out = summary.to_json()
        out.pop("parsed_paths", None)
        out["seconds"] = round(elapsed, 3)
        out["workspace"] = workspace
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if summary.parsed == 0 and summary.files_seen:
        click.echo(f"Nothing to parse: {summary.unchanged} file(s) unchanged.")
    click.echo(f"Workspace {workspace}: {summary.files_seen} file(s) seen, {summary.parsed} parsed, "
               f"{summary.unchanged} unchanged, {summary.removed} removed, {len(summary.unreadable)} unreadable "
               f"({elapsed:.1f} s).")
    click.echo(f"  {summary.documents} documents ({summary.stubs} cited only), {summary.agencies} agencies, "
               f"{summary.places} places; {summary.issues} issue(s): see `chidao check`.")
    links = ", ".join(f"{k} {v}" for k, v in sorted(summary.links.items(), key=lambda kv: -kv[1]))
    click.echo(f"  links: {links}")


@cli.command()
@workspace_option
@output_options
@click.option("--kind", multiple=True, help="Only these kinds of issue (repeatable): cited_after, conflict, "
              "ambiguous, no_date, no_issuer, unresolved, unscoped.")
def check(workspace, fmt, kind):
    """List what an analyst must know about the corpus before trusting it.

    Citations of a document dated after the citing one, conflicting claims for
    one document key, citations that resolve to several candidates, documents
    without a date or issuer, number-only citations that resolve to nothing.

    \b
    Examples:
        chidao check
        chidao check --kind cited_after --csv > anomalies.csv
    """
    from .graph import WorkspaceError, load_issues

    try:
        issues = load_issues(workspace)
    except WorkspaceError as e:
        raise _workspace_error(e)
    rows = [i.to_json() for i in issues if not kind or i.kind in kind]
    if not rows and fmt is None:
        click.echo("No issues found in the workspace.")
        return
    _emit(rows, ["kind", "message", "path", "uids"], fmt, title=f"{len(rows)} issue(s)")


def server_options(f):
    """Where the graph database is: options, else NEO4J_* environment variables."""
    f = click.option("--database", envvar="NEO4J_DATABASE", help="Database name (Neo4j only; $NEO4J_DATABASE).")(f)
    f = click.option("--password", envvar="NEO4J_PASSWORD", help="Password ($NEO4J_PASSWORD); never printed.")(f)
    f = click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="User ($NEO4J_USER).")(f)
    f = click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
                     help="Bolt URI of Neo4j or another Bolt server ($NEO4J_URI).")(f)
    return f


def _connect(uri, user, password, database):
    from .outputs.neo4j import ExportError, connect

    try:
        return connect(uri, user, password, database=database)
    except ExportError as e:
        raise click.ClickException(str(e))


# -- questions -----------------------------------------------------------------

LEVELS = ("central", "province", "district", "commune")


def _load(workspace):
    """The question graph of the workspace (documents, agencies and their links)."""
    from .graph import WorkspaceError, load_question_graph

    try:
        return load_question_graph(workspace)
    except WorkspaceError as e:
        raise _workspace_error(e)


def _resolve(graph, ref: str) -> str:
    """A document uid for REF, or exit: 2 with the candidates when ambiguous, 1 when unknown."""
    from .queries.refs import AmbiguousRef, UnknownRef, resolve_ref

    try:
        return resolve_ref(graph, ref)
    except AmbiguousRef as e:
        click.echo(f"Error: {ref!r} matches {len(e.candidates)} documents; add the issuer's place or the year:", err=True)
        for c in e.candidates:
            click.echo(f"  {c.get('symbol') or '?'}  {c.get('doc_type') or ''}  {c.get('issuer') or '?'}  "
                       f"{c.get('date') or 'no date'}  [{c.get('uid')}]", err=True)
        sys.exit(2)
    except UnknownRef as e:
        hint = f"; did you mean {', '.join(e.suggestions[:5])}?" if e.suggestions else ""
        raise click.ClickException(f"no document in the workspace matches {ref!r}{hint}")


def _doc_label(row: dict) -> str:
    parts = [" ".join(x for x in (row.get("doc_type"), row.get("symbol") or "(no number)") if x),
             row.get("issuer") or "?", row.get("date") or "no date"]
    label = " · ".join(parts)
    return label + ("  (cited only)" if row.get("stub") else "")


def _lag(days) -> str:
    return "" if days is None else f"{days:+d} d"


def ref_argument(f):
    return click.argument("ref", metavar="REF")(f)


def neo4j_option(f):
    """--neo4j: answer with the question's Cypher face on the graph database (see `chidao export neo4j`)."""
    f = server_options(f)
    return click.option("--neo4j", "on_server", is_flag=True,
                        help="Run the question's Cypher face on the graph database (--uri, $NEO4J_URI) "
                             "instead of the workspace.")(f)


def _on_server(name: str, uri, user, password, database, **params) -> list[dict]:
    from .outputs.neo4j import ExportError, run_question

    with _connect(uri, user, password, database) as target:
        try:
            return run_question(target, name, **params)
        except ExportError as e:
            raise click.ClickException(str(e))


def _server_uid(workspace: str, ref: str) -> str:
    """A uid for REF: resolved in the workspace when there is one, else REF must be a uid."""
    from pathlib import Path

    if ref.startswith("doc:") or not (Path(workspace) / "workspace.db").exists():
        if not ref.startswith("doc:"):
            raise click.ClickException(f"with --neo4j and no workspace at {workspace}, give REF as a uid (doc:...)")
        return ref
    return _resolve(_load(workspace), ref)


@cli.command()
@ref_argument
@workspace_option
@click.option("--depth", type=click.IntRange(1, 20), default=10, show_default=True, help="How many links down.")
@click.option("--level", type=click.Choice(LEVELS), help="Only documents at this level.")
@output_options
@neo4j_option
def implements(ref, workspace, depth, level, fmt, on_server, uri, user, password, database):
    """Everything downstream of REF: what implements, rests on or responds to it.

    Follows IMPLEMENTS, BASED_ON and RESPONDS_TO links (and follow-ups) down
    the hierarchy, grouped by level, with each document's lag in days after REF.
    REF is a reference as people type it: "Kết luận 07-KL/TW", "07-KL/TW",
    "KL 07", "ket luan 07", "294-CV/TU Lai Châu", a file path.

    \b
    Examples:
        chidao implements "Kết luận 07-KL/TW"
        chidao implements "KL 07" --level district --csv > districts.csv
    """
    from .queries import implements as q

    if on_server:
        rows = _on_server("implements", uri, user, password, database, uid=_server_uid(workspace, ref),
                          depth=depth, level=level)
        _emit(rows, list(q.COLUMNS), fmt)
        return
    graph = _load(workspace)
    uid = _resolve(graph, ref)
    rows = q.run(graph, uid, depth=depth, level=level)
    if fmt:
        _emit(rows, list(q.COLUMNS), fmt)
        return
    from .queries.base import document_row

    click.echo(_doc_label(document_row(graph, uid)))
    if not rows:
        click.echo("  no implementing document in the corpus")
        return
    symbols = {r["uid"]: r["symbol"] for r in rows}
    symbols[uid] = graph.nodes[uid].get("symbol")
    for lvl in LEVELS + (None,):
        group = [r for r in rows if r["level"] == lvl]
        if not group:
            continue
        click.echo(f"{lvl or 'unplaced'} ({len(group)})")
        for r in group:
            parent = symbols.get(r["parent_uid"]) or "?"
            click.echo(f"  {_doc_label(r)}  {_lag(r['lag_days'])}  ← {r['link']} {parent}")


@cli.command()
@ref_argument
@workspace_option
@click.option("--to", "to", type=click.Choice(["province", "district", "commune"]), default="district",
              show_default=True, help="The level each chain ends at.")
@output_options
@neo4j_option
def trace(ref, workspace, to, fmt, on_server, uri, user, password, database):
    """Every chain from REF down to documents at a level, one chain per line.

    \b
    Examples:
        chidao trace "07-KL/TW" --to district
        chidao trace "07-KL/TW" --to commune --json
    """
    from .queries import trace as q

    if on_server:
        rows = _on_server("trace", uri, user, password, database, uid=_server_uid(workspace, ref), to=to)
    else:
        graph = _load(workspace)
        rows = q.run(graph, _resolve(graph, ref), to=to)
    if fmt:
        _emit(rows, list(q.COLUMNS), fmt)
        return
    if not rows:
        click.echo(f"No chain reaches {to} level in the corpus.")
    for r in rows:
        click.echo(" → ".join(s or "?" for s in r["symbols"]) + (f"  ({_lag(r['lag_days'])})" if r.get("lag_days") is not None else ""))


@cli.command()
@ref_argument
@workspace_option
@output_options
@neo4j_option
def basis(ref, workspace, fmt, on_server, uri, user, password, database):
    """Upstream: what REF rests on, up to the central documents.

    \b
    Examples:
        chidao basis "45-KH/HU Tam Đường"
        chidao basis path/to/document.txt --json
    """
    from .queries import basis as q

    if on_server:
        rows = _on_server("basis", uri, user, password, database, uid=_server_uid(workspace, ref))
        _emit(rows, list(q.COLUMNS), fmt)
        return
    graph = _load(workspace)
    uid = _resolve(graph, ref)
    rows = q.run(graph, uid)
    if fmt:
        _emit(rows, list(q.COLUMNS), fmt)
        return
    from .queries.base import document_row

    click.echo(_doc_label(document_row(graph, uid)))
    if not rows:
        click.echo("  rests on no document in the corpus")
    for r in sorted(rows, key=lambda r: r["depth"]):
        click.echo(f"  {'  ' * (r['depth'] - 1)}↑ {_doc_label(r)}  {_lag(r['lag_days'])}")


@cli.command()
@ref_argument
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="The card as one JSON object.")
def show(ref, workspace, as_json):
    """The document card: metadata, what it cites and what cites it, with sentences.

    \b
    Examples:
        chidao show "294-CV/TU Lai Châu"
        chidao show corpus/sample/lai-chau/tinh/tu-kh-312-2021.txt --json
    """
    from .queries import show as q

    from .graph import load_neighbourhood

    uid = _resolve(_load(workspace), ref)
    card = q.card(load_neighbourhood(workspace, uid), uid)  # the card needs the evidence: one hop, in full
    if as_json:
        click.echo(json.dumps(card, ensure_ascii=False, indent=2))
        return
    doc = card["document"]
    click.echo(_doc_label(doc))
    for key in ("subject", "level", "province", "district", "path"):
        if doc.get(key):
            click.echo(f"  {key}: {doc[key]}")
    for key, title in (("recipients", "Kính gửi"), ("copied_to", "Nơi nhận")):
        if doc.get(key):
            click.echo(f"  {title}:")
            for line in _addressee_lines(doc[key]):
                click.echo(f"    {line}")
    if doc.get("signer"):
        signer = doc["signer"]
        click.echo(f"  signed: {signer.get('name') if isinstance(signer, dict) else signer}")
    for title, rows in (("cites", card["cites"]), ("cited by", card["cited_by"])):
        click.echo(f"{title} ({len(rows)})")
        for r in rows:
            click.echo(f"  {r.get('relation')}  {_doc_label(r)}")
            if r.get("sentence"):
                click.echo(f"      “{r['sentence']}”")
            if r.get("path"):
                click.echo(f"      {r['path']}")


def _addressee_lines(items) -> list[str]:
    """Addressees for people: a group phrase once, with the real units it stands for."""
    lines, groups = [], {}
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


@cli.command()
@ref_argument
@workspace_option
@click.option("--level", type=click.Choice(("province", "district", "commune")), default="district", show_default=True,
              help="The level of the addressees to check.")
@output_options
@neo4j_option
def gaps(ref, workspace, level, fmt, on_server, uri, user, password, database):
    """Addressees of REF's chain with no implementing document in the corpus.

    Lists the agencies that a document in REF's chain addressed (Kính gửi,
    group phrases expanded to the real units through the gazetteer) and whether
    the corpus holds a document of theirs downstream of REF, with the coverage
    per province. Archives are incomplete: a gap says what the corpus holds,
    not what an agency did.

    \b
    Examples:
        chidao gaps "Kết luận 07-KL/TW" --level district
        chidao gaps "312-KH/TU Lai Châu" --csv > gaps.csv
    """
    from .queries import gaps as q

    if on_server:
        rows = _on_server("gaps", uri, user, password, database, uid=_server_uid(workspace, ref), level=level)
    else:
        graph = _load(workspace)
        rows = q.run(graph, _resolve(graph, ref), level=level)
    if fmt:
        _emit(rows, list(q.COLUMNS), fmt)
        return
    if not rows:
        click.echo(f"No {level}-level addressee in the chain.")
        return
    for c in q.coverage(rows):
        click.echo(f"{c['province'] or '?'}, {c['level']}: {c['with_document']} of {c['addressed']} addressees "
                   f"have an implementing document in the corpus ({c['share']:.0%})")
    missing = [r for r in rows if not r["has_document"]]
    if missing:
        click.echo("No implementing document in the corpus from:")
        for r in missing:
            click.echo(f"  {r['agency']}  (addressed by {_cell(r['addressed_by'])})")


@cli.command()
@ref_argument
@workspace_option
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False, writable=True),
              help="Also write a PNG chart of the lags per level (needs matplotlib).")
@output_options
@neo4j_option
def timeline(ref, workspace, plot_path, fmt, on_server, uri, user, password, database):
    """Days from REF to each implementing document, with median and spread per level.

    \b
    Examples:
        chidao timeline "07-KL/TW"
        chidao timeline "07-KL/TW" --plot lags.png --csv > lags.csv
    """
    from .queries import timeline as q

    if on_server:
        uid = _server_uid(workspace, ref)
        rows = _on_server("timeline", uri, user, password, database, uid=uid)
        root_symbol = uid
    else:
        graph = _load(workspace)
        uid = _resolve(graph, ref)
        rows = q.run(graph, uid)
        root_symbol = graph.nodes[uid].get("symbol") or uid
    if plot_path:
        try:
            q.plot(rows, plot_path, root_symbol=root_symbol)
        except RuntimeError as e:
            raise click.ClickException(str(e))
        _warn(f"wrote {plot_path}")
    if fmt:
        _emit(rows, list(q.COLUMNS), fmt)
        return
    summary = q.summary(rows)
    if not summary:
        click.echo("No dated implementing document in the corpus.")
        return
    _emit(summary, list(summary[0].keys()), None, title="lag in days after the order, per level")


@cli.command()
@click.argument("text")
@workspace_option
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@output_options
@neo4j_option
def search(text, workspace, limit, fmt, on_server, uri, user, password, database):
    """Documents by symbol, subject words or agency; accents and case do not matter.

    \b
    Examples:
        chidao search "phong chong dich"
        chidao search "Ban Tuyên giáo" --csv
    """
    from .queries import search as q

    if on_server:
        rows = _on_server("search", uri, user, password, database, text=text, limit=limit)
    else:
        rows = q.run(_load(workspace), text, limit=limit)
    if not rows and not fmt:
        click.echo(f"No document matches {text!r}.")
        return
    columns = list(q.COLUMNS) if fmt else ["symbol", "doc_type", "issuer", "date", "level", "subject"]
    _emit(rows, columns, fmt, title=f"{len(rows)} document(s)")


@cli.command()
@workspace_option
@output_options
@neo4j_option
def stats(workspace, fmt, on_server, uri, user, password, database):
    """Counts by level, type, agency kind and link type.

    \b
    Examples:
        chidao stats
        chidao stats --csv > stats.csv
    """
    from .queries import stats as q

    if on_server:
        rows = _on_server("stats", uri, user, password, database)
    else:
        from .graph import WorkspaceError, load_stats

        try:
            rows = load_stats(workspace)  # counted over the full graph when the workspace was built
        except WorkspaceError as e:
            raise _workspace_error(e)
    _emit(rows, list(q.COLUMNS), fmt, title="workspace")


# -- a corpus to play with --------------------------------------------------------

@cli.command("demo-corpus")
@click.argument("outdir", type=click.Path(file_okay=False, writable=True))
@click.option("--docs", "n_docs", type=click.IntRange(min=1), default=1000, show_default=True,
              help="How many documents to write.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
def demo_corpus(outdir, n_docs, seed):
    """Write a realistic synthetic archive, and the truth it was generated from.

    Central documents and all 63 legacy provinces with their real districts and
    communes, implementation chains with realistic fan-out and lags, every
    citation form the parser supports, with the noise of real archives. The
    truth (every document's key and the citations it makes) goes to
    OUTDIR/truth.jsonl, so extraction and resolution can be scored.

    \b
    Examples:
        chidao demo-corpus /tmp/demo --docs 10000 --seed 1
        chidao build /tmp/demo -j 0
    """
    from .corpus.generate import generate_corpus

    with _progress(n_docs, "writing") as advance:
        summary = generate_corpus(outdir, n_docs, seed, progress=advance)
    click.echo(f"Wrote {summary['documents']} documents ({summary['bytes'] / 1e6:.1f} MB, "
               f"{summary['citations']} citations) to {outdir} in {summary['seconds']:.1f} s; "
               f"the truth is in {outdir}/truth.jsonl")


# -- the picture -------------------------------------------------------------------

@cli.command()
@click.argument("ref", required=False, metavar="[REF]")
@workspace_option
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False, writable=True),
              help="The HTML file to write.")
@click.option("--depth", type=click.IntRange(1, 10), default=2, show_default=True,
              help="Links up and down from REF.")
@click.option("--levels", help="Only these levels, comma-separated: central,province,district,commune.")
@click.option("--max-nodes", type=click.IntRange(min=10), help="Draw at most this many nodes (default: what a "
              "browser draws in about 3 s).")
def viz(ref, workspace, output, depth, levels, max_nodes):
    """An interactive graph page that works offline: REF's neighbourhood, or the whole workspace.

    Laid out top-down by level (central, province, district, commune), coloured
    by level, shaped by kind, links coloured by type; hover for the details and
    the citing sentence; a search box and a legend. One self-contained file: no
    request leaves the page, and document text is shown as text, never markup.

    \b
    Examples:
        chidao viz "Kết luận 07-KL/TW" -o kl07.html
        chidao viz "312-KH/TU Lai Châu" --depth 3 --levels province,district,commune
    """
    from .outputs import viz as v

    graph = _full_graph(workspace)
    root = _resolve(graph, ref) if ref else None
    wanted = tuple(x.strip() for x in levels.split(",")) if levels else None
    if wanted and not set(wanted) <= set(LEVELS):
        raise click.BadParameter(f"{levels!r}: use levels among {', '.join(LEVELS)}", param_hint="--levels")
    try:
        page = v.build_page(graph, root, depth=depth, levels=list(wanted) if wanted else None,
                            max_nodes=max_nodes or v.DEFAULT_MAX_NODES)
        v.write_page(page, output)
    except (KeyError, ValueError) as e:
        raise click.ClickException(str(e).strip("'\""))
    click.echo(f"Wrote {output}: {page.nodes} nodes, {page.edges} links.")
    omitted = page.omitted or {}
    if omitted.get("omitted_nodes"):
        _warn(f"{omitted.get('reason') or 'the view was cut at --max-nodes'}; narrow it with REF, --depth or --levels")


# -- Neo4j and files --------------------------------------------------------------

def _workspace_id(workspace: str) -> str:
    """A stable name for what one workspace exported: its folder name and a hash of its path."""
    import hashlib
    from pathlib import Path

    path = Path(workspace).resolve()
    return f"{path.parent.name}/{path.name}#{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"


def _full_graph(workspace):
    from .graph import WorkspaceError, load_graph

    try:
        return load_graph(workspace)
    except WorkspaceError as e:
        raise _workspace_error(e)


@cli.group()
def export():
    """Write the workspace's graph to Neo4j, a Cypher script, CSV files or GraphML.

    \b
    Examples:
        chidao export neo4j --uri bolt://localhost:7687 --user neo4j
        chidao export cypher -o chidao.cypher        # then: cypher-shell -f chidao.cypher
        chidao export csv neo4j-import/               # for neo4j-admin database import
        chidao export graphml chidao.graphml          # for Gephi
    """


@export.command("neo4j")
@workspace_option
@server_options
@click.option("--replace", is_flag=True, help="First delete what an earlier export of this workspace wrote (only that).")
@click.option("--batch-bytes", type=click.IntRange(min=500), help="Parameter bytes per message (FalkorDB; default 3500).")
@click.option("--batch-rows", type=click.IntRange(min=1), help="Rows per transaction (Neo4j; default 2000).")
def export_neo4j(workspace, uri, user, password, database, replace, batch_bytes, batch_rows):
    """Upsert every node and link into a Neo4j (or other Bolt) server.

    Creates uniqueness constraints first, then MERGEs nodes and links on their
    uid in batches; every value travels as a query parameter. Exporting twice
    creates no duplicate. At the end the counts on the server are checked
    against the graph.

    \b
    Examples:
        NEO4J_PASSWORD=secret chidao export neo4j --uri bolt://localhost:7687
        chidao export neo4j --uri neo4j+s://xxxx.databases.neo4j.io --user neo4j --replace
    """
    from .outputs.neo4j import ExportError, export as do_export

    graph = _full_graph(workspace)
    with _connect(uri, user, password, database) as target:
        total = graph.number_of_nodes() + graph.number_of_edges()
        with _progress(total, "exporting") as advance:
            done = {"n": 0}

            def progress(rows, _total):
                advance(rows - done["n"])
                done["n"] = rows

            try:
                summary = do_export(graph, target, workspace_id=_workspace_id(workspace), replace=replace,
                                    batch_bytes=batch_bytes, batch_rows=batch_rows, progress=progress)
            except ExportError as e:
                raise click.ClickException(str(e))
    click.echo(f"Exported {summary.nodes} nodes and {summary.relationships} relationships to {target_label(uri)} "
               f"({summary.dialect}) in {summary.seconds:.1f} s ({summary.rows_per_second:.0f} rows/s); "
               "counts on the server match the graph.")


def target_label(uri: str) -> str:
    return uri.split("@")[-1]  # never echo credentials embedded in a URI


@export.command("cypher")
@workspace_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The script to write.")
def export_cypher(workspace, output):
    """A Cypher script that loads the graph: `cypher-shell -f FILE` or paste into Neo4j Browser.

    Constraints first, then batched MERGE statements; every string is escaped
    so that no document text can end a literal.

    \b
    Example:
        chidao export cypher -o chidao.cypher && cypher-shell -u neo4j -f chidao.cypher
    """
    from .outputs.files import write_cypher_script

    path = write_cypher_script(_full_graph(workspace), output, workspace_id=_workspace_id(workspace))
    click.echo(f"Wrote {path}")


@export.command("csv")
@workspace_option
@click.argument("directory", type=click.Path(file_okay=False, writable=True))
def export_csv(workspace, directory):
    """Node and relationship CSV files for `neo4j-admin database import`, with a README.

    \b
    Example:
        chidao export csv import/ && cat import/README.md
    """
    from .outputs.files import write_csv

    paths = write_csv(_full_graph(workspace), directory, workspace_id=_workspace_id(workspace))
    click.echo(f"Wrote {len(paths)} files to {directory} (the import command is in {directory}/README.md)")


@export.command("graphml")
@workspace_option
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def export_graphml(workspace, path):
    """A GraphML file for Gephi or yEd.

    \b
    Example:
        chidao export graphml chidao.graphml
    """
    from .outputs.files import write_graphml

    click.echo(f"Wrote {write_graphml(_full_graph(workspace), path)}")


def _param(value: str):
    """--param k=v: v as JSON when it parses (numbers, lists, null), else as text."""
    if "=" not in value:
        raise click.BadParameter(f"{value!r} is not of the form name=value")
    name, raw = value.split("=", 1)
    try:
        return name, json.loads(raw)
    except ValueError:
        return name, raw


@cli.command("cypher")
@click.argument("query")
@click.option("--param", "params", multiple=True, help="A query parameter: name=value (repeatable; JSON values allowed).")
@server_options
@output_options
def cypher_command(query, params, uri, user, password, database, fmt):
    """Run a read query on the configured graph database and print the rows.

    \b
    Examples:
        chidao cypher "MATCH (d:Document {symbol: $s}) RETURN d.uid AS uid, d.date AS date" --param s=07-KL/TW
        chidao cypher "MATCH (d:Document) RETURN d.level AS level, count(*) AS n" --csv
    """
    from .outputs.neo4j import ExportError, run_query

    parameters = dict(_param(p) for p in params)
    with _connect(uri, user, password, database) as target:
        try:
            rows = run_query(target, query, parameters)
        except ExportError as e:
            raise click.ClickException(str(e))
    if not rows:
        if not fmt:
            click.echo("No rows.")
        else:
            click.echo("[]" if fmt == "json" else "")
        return
    _emit(rows, list(rows[0].keys()), fmt)


def main():
    """The console script: errors a user can cause arrive as click exceptions; anything else
    still ends in one line (CHIDAO_DEBUG=1 shows the traceback), never a traceback."""
    import os

    try:
        cli(prog_name="chidao", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `chidao ... | head`: the reader left; nothing to say
        sys.stderr.close()
        sys.exit(0)
    except Exception as e:
        if os.environ.get("CHIDAO_DEBUG"):
            raise
        click.echo(f"Error: unexpected {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''} "
                   "(a bug in chidao: run again with CHIDAO_DEBUG=1 for the details, and report it)", err=True)
        sys.exit(1)
