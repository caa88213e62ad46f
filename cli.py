"""The chidao command line: argument parsing and printing only.

Each command calls the library and prints what it returns. Every error a user
can cause is a ``ChidaoError`` (loaders/errors.py): the group turns it into
"Error: <one line>" and exit 1, so users never see a traceback. The question
commands are made from the registry (queries/registry.py); their text for
people comes from outputs/render.py. Data goes to stdout; messages and progress
go to stderr.
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path  # imported by click already

import click

from .loaders.errors import ChidaoError, printable


def _print_version(ctx: click.Context, _param, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # looked up only when asked: importlib.metadata is 29 ms of a start
        from .graph.build import chidao_version

        click.echo(f"chidao, version {chidao_version()}")
        ctx.exit()


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _warn(message: str) -> None:
    click.echo(f"chidao: {printable(message)}", err=True)  # a file name's ESC or newline is shown escaped


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


def _ocr_page_progress(path: str, done: int, total: int) -> None:
    """One line on the terminal per scan being OCR'd, rewritten page by page (also from worker processes)."""
    line = f"chidao: OCR {os.path.basename(path)}: page {done}/{total}"
    # Straight to the terminal: a progress bar's stderr proxy would hold a line without a newline.
    os.write(2, ("\r\x1b[K" + (line if done < total else "")).encode("utf-8", "replace"))


def _ocr_options(no_ocr: bool, jobs: int):
    """--no-ocr and -j as the loaders' OCR options; page progress only when a person watches."""
    from .loaders.ocr import OcrOptions

    return OcrOptions(enabled=not no_ocr, jobs=jobs or os.cpu_count() or 1,
                      progress=_ocr_page_progress if sys.stderr.isatty() else None)


def ocr_option(f):
    return click.option("--no-ocr", is_flag=True,
                        help="Do not OCR scans (PDF pages without text, .png/.jpg/.tif); they are skipped with a "
                             "line saying so. OCR needs: apt-get install tesseract-ocr tesseract-ocr-vie.")(f)


class _Group(click.Group):
    """The command group: a ChidaoError from any command becomes "Error: <message>" and exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ChidaoError as e:
            raise click.ClickException(printable(str(e))) from e


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.option("-V", "--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
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
        chidao coverage "Kết luận 07-KL/TW"     # per province: told?, first document, lag

    Every command has --help with examples.
    """


# -- extract -------------------------------------------------------------------

def budget_options(f):
    """--max-mb / --max-seconds / --max-memory-mb: what one document may cost before it is skipped with one line."""
    from .loaders.batch import DEFAULT_BUDGET

    f = click.option("--max-memory-mb", type=click.FloatRange(min=0), default=DEFAULT_BUDGET.max_memory / 2**20,
                     show_default=True, help="Skip a document whose parsing needs more memory than this (0: no limit).")(f)
    f = click.option("--max-seconds", type=click.FloatRange(min=0), default=DEFAULT_BUDGET.max_seconds,
                     show_default=True, help="Skip a document whose reading and parsing take longer (0: no limit).")(f)
    f = click.option("--max-mb", type=click.FloatRange(min=0, min_open=True),
                     default=DEFAULT_BUDGET.max_bytes / 2**20, show_default=True,
                     help="Skip a file larger than this many MiB.")(f)
    return f


def _budget(max_mb: float, max_seconds: float, max_memory_mb: float):
    from .loaders.batch import Budget

    return Budget(max_bytes=int(max_mb * 2**20), max_seconds=max_seconds, max_memory=int(max_memory_mb * 2**20))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per input file.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Parse in this many processes, or OCR this many pages of a scan at once (0: one per core).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@ocr_option
@budget_options
def extract(paths, as_json, jobs, quiet, no_ocr, max_mb, max_seconds, max_memory_mb):
    """Extract the header and every citation of each document.

    PATHS are files or directories (walked recursively for .txt, .docx, .doc,
    .rtf, .pdf, .html and scans: .png, .jpg, .tif, OCR'd when tesseract is
    installed). Without PATHS, the bundled sample corpus is read. A file that cannot
    be read gets a one-line warning and the others are still read; the exit
    status is 1 only when no file could be read.

    \b
    Examples:
        chidao extract archive/                       # readable summaries
        chidao extract archive/ --json > records.jsonl
        chidao extract archive/ --json -j 0 | jq .doc.symbol
    """
    from .corpus import sample_corpus_path
    from .loaders import extract_paths
    from .outputs.render import record_text

    if not paths:
        paths = (str(sample_corpus_path()),)
        _warn(f"no PATH given: reading the bundled sample corpus ({paths[0]})")
    started = time.perf_counter()
    read = failed = citations = nbytes = 0
    results = extract_paths(paths, jobs=jobs, ocr=_ocr_options(no_ocr, jobs),
                            budget=_budget(max_mb, max_seconds, max_memory_mb))
    for path, record, error, size in results:
        if error is not None:
            failed += 1
            _warn(f"skipped {path}: {error}")
            continue
        read += 1
        nbytes += size
        citations += len(record.citations)
        if as_json:
            _echo_chunks(record.json_chunks())
        else:
            click.echo(record_text(record))
    elapsed = time.perf_counter() - started
    if not quiet:
        rate = read / elapsed if elapsed else 0.0
        _warn(f"{read} file(s) read, {failed} skipped, {citations} citation(s); "
              f"{nbytes / 1e6:.1f} MB in {elapsed:.2f} s ({rate:.0f} files/s, {nbytes / 1e6 / elapsed if elapsed else 0:.1f} MB/s)")
    if read == 0:
        raise click.ClickException("no file could be read" if failed else "no document found under the given paths")



def _echo_chunks(chunks, size: int = 1 << 16) -> None:
    """One line written in pieces of about ``size`` characters: a record with 100,000 citations
    is never one string in memory (issue 15: the 5 MB text's line alone took 140 MB)."""
    batch: list[str] = []
    held = 0
    for chunk in chunks:
        batch.append(chunk)
        held += len(chunk)
        if held >= size:
            click.echo("".join(batch), nl=False)
            batch, held = [], 0
    click.echo("".join(batch))


# -- shared options and output -----------------------------------------------

def workspace_option(f):
    return click.option("-w", "--workspace", default=".chidao", show_default=True, envvar="CHIDAO_WORKSPACE",
                        type=click.Path(file_okay=False, path_type=str),
                        help="The workspace directory (also $CHIDAO_WORKSPACE).")(f)


def _one_format(ctx, param, value):
    """--json and --csv name one format each: both at once is a usage error."""
    if value:
        chosen = ctx.meta.setdefault("chidao_formats", [])
        chosen.append(value)
        if len(set(chosen)) > 1:
            raise click.UsageError("--json and --csv cannot be used together: choose one format", ctx)
    return value


def output_options(f):
    """--json / --csv (one of them) and --excel for every command that prints rows."""
    f = click.option("--excel", is_flag=True, help="With --csv: start with a UTF-8 byte-order mark, so "
                     "spreadsheet programs read the Vietnamese text right.")(f)
    f = click.option("--csv", "csv_fmt", flag_value="csv", callback=_one_format, expose_value=True,
                     help="CSV with a header row, for spreadsheets.")(f)
    f = click.option("--json", "json_fmt", flag_value="json", callback=_one_format, expose_value=True,
                     help="JSON: one array of objects.")(f)

    import functools

    @functools.wraps(f)
    def wrapper(*args, json_fmt=None, csv_fmt=None, **kwargs):
        return f(*args, fmt=json_fmt or csv_fmt, **kwargs)
    return wrapper


def _emit(rows: list[dict], columns: list[str], fmt: str | None, *, title: str | None = None,
          excel: bool = False) -> None:
    """Print rows as JSON, CSV (with a byte-order mark for ``excel``) or a table for people (stdout only)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        from .outputs.files import write_rows_csv

        write_rows_csv(rows, columns, sys.stdout, excel=excel)
        return
    from rich.console import Console

    from .outputs.render import rich_table

    width = _width()
    Console(soft_wrap=False, width=width).print(rich_table(rows, columns, title, width))


def _width() -> int:
    """The terminal's width when a person is watching, else 80 columns (pipes, files, tests)."""
    from .outputs.render import WIDTH

    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size((WIDTH, 24)).columns
    return WIDTH


# -- build and check -------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@workspace_option
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Parse in this many processes, or OCR this many pages of a scan at once (0: one per core).")
@click.option("--json", "as_json", is_flag=True, help="Print the build summary as JSON.")
@ocr_option
@budget_options
def build(paths, workspace, jobs, as_json, no_ocr, max_mb, max_seconds, max_memory_mb):
    """Read documents into the workspace and resolve them into one graph.

    Builds are incremental: an unchanged file is not parsed again, a changed
    file replaces its facts, a file removed from under PATHS loses its facts.
    The workspace is replaced only when the build completes, so an interrupted
    build leaves the previous one intact; a second build on the same workspace
    refuses while one runs. A document over --max-mb, --max-seconds or
    --max-memory-mb is skipped with one line. Without PATHS, the bundled sample corpus is read.

    \b
    Examples:
        chidao build                           # the sample corpus into ./.chidao
        chidao build archive/ -j 0             # every core
        chidao build archive/ more/ -w ~/ws    # several folders, another workspace
    """
    from .corpus import sample_corpus_path
    from .graph import build_workspace

    if not paths:
        paths = (str(sample_corpus_path()),)
        _warn(f"no PATH given: building the bundled sample corpus ({paths[0]})")
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.ClickException(f"{missing[0]}: no such file or directory")
    started = time.perf_counter()
    bar_state = {}

    def progress(done, total, path, _state=bar_state):
        advance = _state.get("advance")
        if advance is None:  # decided once: a build calls this for every file (isatty is a system call)
            advance = _state["advance"] = False
            if total > 1 and sys.stderr.isatty():
                _state["cm"] = _progress(total, "parsing")
                _state["advance"] = advance = _state["cm"].__enter__()
        if advance:
            advance(1)

    def stage(what: str, _state=bar_state) -> None:
        if "cm" in _state:  # the parsing bar is done
            _state.pop("cm").__exit__(None, None, None)
        if sys.stderr.isatty():
            click.echo(f"chidao: {what}...", err=True)

    try:
        summary = build_workspace(paths, workspace, jobs=jobs, progress=progress, ocr=_ocr_options(no_ocr, jobs),
                                  budget=_budget(max_mb, max_seconds, max_memory_mb), stage=stage)
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
@click.option("--kind", multiple=True, type=click.Choice(tuple(__import__("chidao.graph.checks", fromlist=["x"]).ISSUE_KINDS)),
              help="Only these kinds of issue (repeatable).")
def check(workspace, fmt, kind, excel=False):
    """List what an analyst must know about the corpus before trusting it.

    Citations of a document dated after the citing one, conflicting claims for
    one document key, citations that resolve to several candidates, documents
    without a date or issuer, number-only citations that resolve to nothing;
    places that contradict the header (its parent line or its place line); a
    header whose issuer differs from the one every citing document names
    (header "Ban Chấp hành Trung ương", every citation "của Bộ Chính trị");
    documents known only from news articles. The kinds are listed under --kind.

    \b
    Examples:
        chidao check
        chidao check --kind issuer_conflict --kind article_only
        chidao check --kind cited_after --csv > anomalies.csv
    """
    from .graph import load_issues

    issues = load_issues(workspace)
    rows = [i.to_json() for i in issues if not kind or i.kind in kind]
    if not rows and fmt is None:
        click.echo("No issues found in the workspace.")
        return
    if fmt is not None:
        _emit(rows, ["kind", "message", "path", "uids"], fmt, excel=excel)
        return
    from .outputs.render import issue_lines

    for line in issue_lines(rows, _width()):
        click.echo(line)


def server_options(f):
    """Where the graph database is: options, else NEO4J_* environment variables."""
    f = click.option("--database", envvar="NEO4J_DATABASE", help="Database name (Neo4j only; $NEO4J_DATABASE).")(f)
    f = click.option("--password", envvar="NEO4J_PASSWORD", help="Password ($NEO4J_PASSWORD); never printed.")(f)
    f = click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="User ($NEO4J_USER).")(f)
    f = click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
                     help="Bolt URI of Neo4j or another Bolt server ($NEO4J_URI).")(f)
    return f


# The URI schemes of the Bolt protocol (the neo4j driver also takes http://, for a Query API it
# cannot reach without extra modules: the Bolt port is what chidao talks to).
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _connect(uri, user, password, database):
    from .outputs.neo4j import connect

    scheme = (uri or "").split("://", 1)[0].lower() if "://" in (uri or "") else ""
    if scheme not in BOLT_SCHEMES:
        shown = uri.split("@")[-1] if uri else uri
        raise click.ClickException(f"--uri {shown!r} is not a Bolt URI: use bolt://host:7687 or neo4j://host:7687 "
                                   "(the Bolt port, not the browser's http:// port)")

    return connect(uri, user, password, database=database)



# -- questions: one command per question of the registry (queries/registry.py) --------

def _load(workspace):
    """The question graph of the workspace (documents, agencies and their links)."""
    from .graph import load_question_graph

    return load_question_graph(workspace)


@contextmanager
def _ref_errors(ref: str):
    """An ambiguous REF exits 2 with the candidates; an unknown one is one line and exit 1."""
    from .queries.refs import AmbiguousRef, UnknownRef

    try:
        yield
    except AmbiguousRef as e:
        click.echo(f"Error: {ref!r} matches {len(e.candidates)} documents; add the issuer's place or the year:", err=True)
        for c in e.candidates:
            click.echo(f"  {c.get('symbol') or '?'}  {c.get('doc_type') or ''}  {c.get('issuer') or '?'}  "
                       f"{c.get('date') or 'no date'}  [{c.get('uid')}]", err=True)
        sys.exit(2)
    except UnknownRef as e:
        hint = f"; did you mean {', '.join(e.suggestions[:5])}?" if e.suggestions else ""
        raise click.ClickException(f"no document in the workspace matches {ref!r}{hint}")


def _resolve(graph, ref: str) -> str:
    """A document uid for REF in ``graph``, or exit (see ``_ref_errors``)."""
    from .queries.refs import resolve_ref

    with _ref_errors(ref):
        return resolve_ref(graph, ref)
    raise AssertionError("unreachable")  # pragma: no cover - _ref_errors exits or raises


def neo4j_option(f):
    """--neo4j: answer with the question's Cypher face on the graph database (see `chidao export neo4j`)."""
    f = server_options(f)
    return click.option("--neo4j", "on_server", is_flag=True,
                        help="Run the question's Cypher face on the graph database (--uri, $NEO4J_URI) "
                             "instead of the workspace.")(f)


def _on_server(name: str, uri, user, password, database, **params) -> list[dict]:
    from .outputs.neo4j import run_question

    with _connect(uri, user, password, database) as target:
        return run_question(target, name, **params)


def _server_uid(workspace: str, ref: str) -> str:
    """A uid for REF: resolved in the workspace when there is one, else REF must be a uid."""
    if ref.startswith("doc:") or not (Path(workspace) / "workspace.db").exists():
        if not ref.startswith("doc:"):
            raise click.ClickException(f"with --neo4j and no workspace at {workspace}, give REF as a uid (doc:...)")
        return ref
    from .queries.touched import resolve

    with _ref_errors(ref):
        return resolve(workspace, ref)
    raise AssertionError("unreachable")  # pragma: no cover - _ref_errors exits or raises


def _click_option(option):
    """The click option of a question's ``Option``."""
    flag = option.flag or "--" + option.name.replace("_", "-")
    if option.choices:
        kind = click.Choice(option.choices)
    elif option.bounds:
        kind = click.IntRange(*option.bounds)
    else:
        kind = None
    return click.option(flag, option.name, type=kind, default=option.default, show_default=option.default is not None,
                        help=option.help)


def _plot_option(f):
    return click.option("--plot", "plot_path", type=click.Path(dir_okay=False, writable=True),
                        help="Also write a PNG chart of the lags per level (needs matplotlib).")(f)


def _map_plot_option(f):
    return click.option("--plot", "plot_path", type=click.Path(dir_okay=False),
                        help="Also write the map as a PNG (needs matplotlib).")(f)


def _map_option(f):
    return click.option("--map", "map_path", type=click.Path(dir_okay=False),
                        help="Also write the map as an offline HTML page.")(f)


# Options that write a file beside the answer, by question (the writers are in outputs/).
FILE_OPTIONS = {"timeline": (_plot_option,), "coverage": (_map_plot_option, _map_option)}


def _answer(question, workspace, subject, options, on_server, server):
    """The rows of ``question`` and what they were asked about (graph None when a server answered)."""
    from .outputs.render import Answer

    if on_server:
        params = dict(options)
        uid = None
        if question.subject == "ref":
            params["uid"] = uid = _server_uid(workspace, subject)
        elif question.subject == "text":
            params["text"] = subject
        return Answer(question, _on_server(question.name, *server, **params), subject, uid, None, options)
    if question.graph == "stored":
        from .graph import load_stats

        return Answer(question, load_stats(workspace), subject, None, None, options)
    # Only what the question touches, from the workspace's question index (queries/touched.py):
    # the chain of REF, the first hits of a search, one document's neighbourhood with its evidence.
    from .queries.touched import answer_graph

    with _ref_errors(subject or ""):
        graph, uid = answer_graph(workspace, question, subject, options)
    if question.subject == "ref":
        return Answer(question, question.run(graph, uid, **options), subject, uid, graph, options)
    if question.subject == "text":
        return Answer(question, question.run(graph, subject, **options), subject, None, graph, options)
    return Answer(question, question.run(graph, **options), subject, None, graph, options)


def _print(output) -> None:
    from .outputs.render import Table

    for item in output:
        if isinstance(item, Table):
            _emit(item.rows, item.columns, None, title=item.title)
        else:
            click.echo(item)


def _question_command(question):
    """The click command of one question: its subject argument, its options, the output formats, --neo4j."""

    def command(subject=None, workspace=".chidao", fmt=None, on_server=False, uri=None, user=None, password=None,
                database=None, plot_path=None, map_path=None, as_json=False, excel=False, **options):
        if as_json:
            fmt = "json"
        answer = _answer(question, workspace, subject, options, on_server, (uri, user, password, database))
        root = answer.graph.nodes[answer.uid].get("symbol") if answer.graph is not None and answer.uid else None
        if plot_path and question.name == "timeline":
            from .outputs.plot import plot_timeline

            plot_timeline(answer.rows, plot_path, root_symbol=root or answer.uid)
            _warn(f"wrote {plot_path}")
        if question.name == "coverage" and (plot_path or map_path):
            from .outputs import coverage_map

            points = coverage_map.map_points(answer.rows)
            title = f"Coverage of {root or answer.uid}: first implementing document per province"
            if map_path:
                _warn(f"wrote {coverage_map.write_map(points, map_path, title)}")
            if plot_path:
                _warn(f"wrote {coverage_map.plot_map(points, plot_path, title)}")
        if fmt == "json" and question.as_json is not None:
            click.echo(json.dumps(question.as_json(answer.graph, answer.uid), ensure_ascii=False, indent=2))
        elif fmt:
            from .queries.touched import with_context

            rows, columns = with_context(answer.question, answer.rows, workspace, answer.graph, answer.uid)
            _emit(rows, columns, fmt, excel=excel)
        else:
            from .outputs.render import render

            _print(render(answer, width=_width()))

    command.__name__ = question.name
    command.__doc__ = question.help
    if question.server:
        command = neo4j_option(command)
    if question.formats == ("json",):
        command = click.option("--json", "as_json", is_flag=True, help="The answer as one JSON object.")(command)
    else:
        command = output_options(command)
    for add in FILE_OPTIONS.get(question.name, ()):
        command = add(command)
    for option in reversed(question.options):
        command = _click_option(option)(command)
    command = workspace_option(command)
    if question.subject == "ref":
        command = click.argument("subject", metavar="REF")(command)
    elif question.subject == "text":
        command = click.argument("subject", metavar="TEXT")(command)
    return cli.command(question.name, help=question.help)(command)


def _add_question_commands() -> None:
    from .queries.registry import QUESTIONS

    for question in QUESTIONS.values():
        _question_command(question)


_add_question_commands()


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

    from .loaders.errors import write_error

    try:
        with _progress(n_docs, "writing") as advance:
            summary = generate_corpus(outdir, n_docs, seed, progress=advance)
    except OSError as e:  # the generator imports nothing of chidao: its errors are plain OSErrors
        raise write_error(getattr(e, "filename", None) or outdir, e) from None
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
              "browser draws in about 3 s; an aggregated page carries up to 10,000).")
@click.option("--aggregate/--expand", default=None,
              help="Start grouped by province (click a group to open it) / draw every node at once "
                   "(default: grouped above --aggregate-above nodes).")
@click.option("--aggregate-above", type=click.IntRange(min=1), default=300, show_default=True,
              help="Group the page when the view holds more nodes than this.")
def viz(ref, workspace, output, depth, levels, max_nodes, aggregate, aggregate_above):
    """An interactive graph page that works offline: REF's neighbourhood, or the whole workspace.

    Laid out top-down by level (central, province, district, commune), coloured
    by level, shaped by kind, links coloured by type; hover for the details and
    the citing sentence; a search box and a legend. Above --aggregate-above
    nodes the page starts grouped: one dot per province (and the central
    level), sized by its documents, with counts and lags; a click opens it
    into districts, communes and documents. One self-contained file: no
    request leaves the page, and document text is shown as text, never markup.

    \b
    Examples:
        chidao viz "Kết luận 07-KL/TW" -o kl07.html
        chidao viz "312-KH/TU Lai Châu" --depth 3 --levels province,district,commune
        chidao viz -o archive.html                  # the whole workspace, grouped by province
        chidao viz -o all.html --expand             # every node drawn (cut at --max-nodes)
    """
    from .loaders.vocabulary import LEVELS
    from .outputs import viz as v

    from .graph.rows import with_evidence

    if ref is not None and not ref.strip():
        raise click.BadParameter("an empty REF names no document (leave REF out to draw the whole workspace)",
                                 param_hint="REF")
    graph = _load(workspace)  # the question graph; the drawn links' evidence is read from the workspace
    root = _resolve(graph, ref) if ref is not None else None
    wanted = tuple(x.strip() for x in levels.split(",")) if levels else None
    if wanted and not set(wanted) <= set(LEVELS):
        raise click.BadParameter(f"{levels!r}: use levels among {', '.join(LEVELS)}", param_hint="--levels")
    options = dict(depth=depth, levels=list(wanted) if wanted else None)
    view, info, grouped = v.choose_view(graph, root, **options, max_nodes=max_nodes, aggregate=aggregate,
                                        aggregate_above=aggregate_above)
    page = v.build_page(graph, root, **options, view=(with_evidence(view, workspace), info), aggregate=grouped)
    v.write_page(page, output)
    if page.groups:
        click.echo(f"Wrote {output}: {page.nodes} nodes, {page.edges} links, shown as {page.groups} groups "
                   "(click one to open it; --expand draws every node).")
    else:
        click.echo(f"Wrote {output}: {page.nodes} nodes, {page.edges} links.")
    omitted = page.omitted or {}
    if omitted.get("omitted_nodes"):
        _warn(f"{omitted.get('reason') or 'the view was cut at --max-nodes'}; narrow it with REF, --depth or --levels")


# -- Neo4j and files --------------------------------------------------------------

def _rows(workspace):
    """The workspace's export rows, streamed from its tables (graph/rows.py): no graph in memory."""
    from .graph.rows import WorkspaceRows

    return WorkspaceRows(workspace)


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
@click.option("--sessions", type=click.IntRange(min=1, max=8),
              help="Sessions writing batches at once (Neo4j; default 2; FalkorDB: 1).")
def export_neo4j(workspace, uri, user, password, database, replace, batch_bytes, batch_rows, sessions):
    """Upsert every node and link into a Neo4j (or other Bolt) server.

    Creates uniqueness constraints first, then writes nodes, then links, in
    batches streamed from the workspace; every value travels as a query
    parameter. Into an empty database the batches CREATE; otherwise they MERGE
    on uid, so exporting twice creates no duplicate. At the end the counts on
    the server are checked against the workspace.

    \b
    Examples:
        NEO4J_PASSWORD=secret chidao export neo4j --uri bolt://localhost:7687
        chidao export neo4j --uri neo4j+s://xxxx.databases.neo4j.io --user neo4j --replace
    """
    from .outputs.neo4j import export as do_export
    from .graph.workspace import workspace_id

    rows = _rows(workspace)
    with _connect(uri, user, password, database) as target:
        total = rows.number_of_nodes() + rows.number_of_edges()
        with _progress(total, "exporting") as advance:
            done = {"n": 0}

            def progress(rows, _total):
                advance(rows - done["n"])
                done["n"] = rows

            summary = do_export(rows, target, workspace_id=workspace_id(workspace), replace=replace,
                                batch_bytes=batch_bytes, batch_rows=batch_rows, sessions=sessions, progress=progress)
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
    from .graph.workspace import workspace_id

    path = write_cypher_script(_rows(workspace), output, workspace_id=workspace_id(workspace))
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
    from .graph.workspace import workspace_id

    paths = write_csv(_rows(workspace), directory, workspace_id=workspace_id(workspace))
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

    click.echo(f"Wrote {write_graphml(_rows(workspace), path)}")


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
def cypher_command(query, params, uri, user, password, database, fmt, excel=False):
    """Run a read query on the configured graph database and print the rows.

    \b
    Examples:
        chidao cypher "MATCH (d:Document {symbol: $s}) RETURN d.uid AS uid, d.date AS date" --param s=07-KL/TW
        chidao cypher "MATCH (d:Document) RETURN d.level AS level, count(*) AS n" --csv
    """
    from .outputs.neo4j import refuse_writes, run_query

    refuse_writes(query)  # before connecting: a write is refused whatever the server
    parameters = dict(_param(p) for p in params)
    with _connect(uri, user, password, database) as target:
        rows = run_query(target, query, parameters)
    if not rows:
        if not fmt:
            click.echo("No rows.")
        else:
            click.echo("[]" if fmt == "json" else "")
        return
    _emit(rows, list(rows[0].keys()), fmt, excel=excel)


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
    except ChidaoError as e:  # raised outside a command (the group turns those inside into ClickException)
        click.echo(f"Error: {printable(str(e))}", err=True)
        sys.exit(1)
    except (click.Abort, KeyboardInterrupt):
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `chidao ... | head`: the reader left; nothing to say
        sys.stderr.close()
        sys.exit(0)
    except Exception as e:
        if os.environ.get("CHIDAO_DEBUG"):
            raise
        click.echo(f"Error: unexpected {type(e).__name__}: {printable(str(e).splitlines()[0]) if str(e) else ''} "
                   "(a bug in chidao: run again with CHIDAO_DEBUG=1 for the details, and report it)", err=True)
        sys.exit(1)
