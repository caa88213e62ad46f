"""The local workspace: parsed files and the built graph in one SQLite file.

``build_workspace(paths, dir)`` parses only what changed since the last build
(a file whose size and mtime, or failing that its sha256, are unchanged is
skipped), rebuilds the graph from every stored record (resolution is global),
and writes everything to ``<dir>/workspace.db.tmp-<pid>`` before
``os.replace`` puts it over ``<dir>/workspace.db``: a crash or Ctrl-C mid-build
leaves the previous workspace whole. ``load_graph(dir)`` reads the node and
edge tables back with one SELECT each.

The module of graph/ that reads and writes the workspace (the gazetteer reads its
package data; the rest of graph/ is pure).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import itertools
import json
import os
import pickle
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..loaders.batch import DEFAULT_BUDGET, Budget, extract_one, fork_lock, parse_files
from ..loaders.files import LoadError, display_path, iter_document_paths
from ..loaders.ocr import OcrOptions
from ..loaders.errors import ChidaoError
from ..loaders.models import Record
from .build import Join, Placement, Quotes, chidao_version, place_record
from .cache import give_back_free_memory, seed_tables, without_cyclic_gc
from .checks import Issue
from .gazetteer import preload as preload_gazetteer
from .qindex import QuestionIndex, load_graph_pieces
from .rowstore import EDGE_KEEP, NODE_DROP, QUESTION_LABELS, QUESTION_LINKS_DROP, RowSink
from .records import PackedRecords, record_from_json, row_json, slim_record
from .stats import count as count_stats

__all__ = ["BuildSummary", "WorkspaceError", "build_workspace", "load_graph", "load_issues", "write_graph", "without_cyclic_gc",
           "open_question_index", "reads_workspace", "workspace_id",
           "DEFAULT_DIR",
           "DB_NAME"]

DEFAULT_DIR = ".chidao"
DB_NAME = "workspace.db"
OCR_CACHE_NAME = "ocr.db"
# Files read without OCR (off, or tesseract missing): an error naming it, or a PDF whose scanned pages were left out.
_NEEDED_OCR = ("SELECT path FROM files WHERE error LIKE '%OCR is off%' OR error LIKE '%tesseract%' "
               "OR (path LIKE '%.pdf' AND record LIKE '%without a text layer left out%')")
LOCK_NAME = "build.lock"
SCHEMA_VERSION = "3"  # 3: the question index of INDEX_VERSION 2 (a workspace of 2 is built again)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT, record TEXT, error TEXT);
CREATE TABLE nodes (uid TEXT PRIMARY KEY, attrs TEXT NOT NULL);
CREATE TABLE edges (src TEXT NOT NULL, dst TEXT NOT NULL, key INTEGER NOT NULL, attrs TEXT NOT NULL);
CREATE TABLE issues (kind TEXT, message TEXT, uids TEXT, path TEXT);
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB);
"""
# Read by load_neighbourhood: the links of one document without loading the graph.
_INSERT_FILE = "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)"
_ROWS_PER_BATCH = 256  # parsed files written to the new workspace at a time
_INDEXES = "CREATE INDEX edges_src ON edges (src); CREATE INDEX edges_dst ON edges (dst);"


class WorkspaceError(ChidaoError):
    """A workspace that is missing or unreadable; the message is one line for the user."""


@dataclass
class BuildSummary:
    files_seen: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    documents: int = 0
    stubs: int = 0
    agencies: int = 0
    places: int = 0
    links: dict[str, int] = field(default_factory=dict)
    issues: int = 0
    parsed_paths: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def _reads_workspace(fn):
    """A reader of the workspace whose damage (bytes flipped, a junk pickle, a bad JSON row, a
    truncated file) ends in one WorkspaceError line, never an unexpected exception."""
    @functools.wraps(fn)
    def read(workspace_dir=DEFAULT_DIR, *args, **kwargs):
        try:
            return fn(workspace_dir, *args, **kwargs)
        except (ChidaoError, MemoryError, KeyboardInterrupt):
            raise
        except Exception as e:  # noqa: BLE001 - sqlite3, pickle, json, EOF...: all mean a damaged file
            raise WorkspaceError(f"workspace {display_path(_db_path(workspace_dir))} is damaged "
                                 f"({type(e).__name__}: {str(e).splitlines()[0][:120] if str(e) else ''}): "
                                 "delete it and build again") from None
    return read


def _db_path(workspace_dir: str | Path) -> Path:
    return Path(workspace_dir) / DB_NAME


def _connect_existing(db: Path) -> sqlite3.Connection:
    if db.exists() and not db.is_file():
        raise WorkspaceError(f"workspace {db} is not a file: remove it and build again")
    if not db.is_file():
        raise WorkspaceError(f"no workspace at {db.parent}: run `chidao build` first")
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        version = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except (sqlite3.Error, OSError) as e:
        raise WorkspaceError(f"workspace {db} is unreadable ({e}): delete it and build again") from None
    if not version or version[0] != SCHEMA_VERSION:
        con.close()
        raise WorkspaceError(f"workspace {db} has schema {version and version[0]!r}, expected {SCHEMA_VERSION}: "
                             "delete it and build again")
    return con


def _sha256(path: str, max_bytes: int = DEFAULT_BUDGET.max_bytes) -> str | None:
    """The file's sha256; None for what is not a regular file or cannot be read (a FIFO, a
    device such as /dev/zero behind a symlink, a file over ``max_bytes``): never blocks."""
    h = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as f:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
                return None
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


@contextlib.contextmanager
def workspace_lock(workspace_dir: Path):
    """Hold the build lock of a workspace: a second build on it refuses with one line.

    ``fcntl.flock`` on ``<dir>/build.lock``: the kernel releases it when the holder
    exits, however it dies (a SIGKILLed build leaves no stale lock to clean up), and
    it needs no dependency. Where fcntl is missing (Windows), no lock is taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    path = workspace_dir / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise WorkspaceError(f"cannot write the workspace {workspace_dir}: {e.strerror or e}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            except OSError:
                holder = ""
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise WorkspaceError(f"workspace {workspace_dir} is being built by another chidao{who}: "
                                 "try again when it has finished") from None
        except OSError as e:  # a file system without locks
            raise WorkspaceError(f"cannot lock the workspace {workspace_dir}: {e.strerror or e}") from None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def build_workspace(paths: Iterable[str | Path], workspace_dir: str | Path = DEFAULT_DIR, *, jobs: int = 1,
                    progress: Callable[[int, int, str], None] | None = None,
                    ocr: OcrOptions | None = None, budget: Budget = DEFAULT_BUDGET,
                    stage: Callable[[str], None] | None = None) -> BuildSummary:
    """Parse what changed under ``paths``, rebuild the graph, and replace the workspace atomically.

    ``progress(done, total, path)`` is called after each file is looked at; ``stage(what)`` when the
    work after parsing begins a step ("resolving 1,000,000 records", "writing the links in order and
    the question index"), minutes each for a national archive.

    Parsed records go into the new workspace file as they arrive (a million
    records' JSON is not held in memory); the file replaces the old workspace
    only once everything is written. One build at a time holds the workspace
    (``workspace_lock``); a path given that cannot be read at all is an error,
    never an empty workspace; what lay under a folder that cannot be read now
    is kept as it was.
    """
    workspace_dir = Path(workspace_dir)
    try:
        workspace_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WorkspaceError(f"cannot create the workspace {workspace_dir}: {e.strerror or e}") from None
    # OCR text by file hash, beside the workspace and kept across its rebuilds (see loaders.ocr.OcrCache).
    ocr = dataclasses.replace(ocr or OcrOptions(), cache=str(workspace_dir / OCR_CACHE_NAME))
    db = _db_path(workspace_dir)
    if db.exists() and not db.is_file():
        raise WorkspaceError(f"workspace {db} is not a file: remove it and build again")
    with workspace_lock(workspace_dir):
        try:
            return _build(paths, workspace_dir, db, jobs, progress, budget, ocr, stage or (lambda what: None))
        except sqlite3.Error as e:
            raise WorkspaceError(f"cannot write the workspace {workspace_dir}: {e}") from None
        except OSError as e:
            where = e.filename or workspace_dir
            raise WorkspaceError(f"cannot write the workspace {display_path(where)}: "
                                 f"{e.strerror or type(e).__name__}") from None


def _build(paths, workspace_dir: Path, db: Path, jobs: int, progress, budget: Budget,
           ocr: OcrOptions, stage: Callable[[str], None]) -> BuildSummary:
    _remove_stale_temporaries(db)
    old: dict[str, tuple] = {}  # path -> (size, mtime_ns, sha256, error): the record stays on disk
    if db.exists():
        try:
            con = _connect_existing(db)
        except WorkspaceError:
            con = None  # another chidao version's or a damaged workspace: built again from the files
        if con is not None:
            try:
                for row in con.execute("SELECT path, size, mtime_ns, sha256, error FROM files"):
                    old[row[0]] = row[1:]
                if ocr.enabled:  # what was left unread for want of OCR is read again now that it is on
                    for (path,) in con.execute(_NEEDED_OCR):
                        old.pop(path, None)
            finally:
                con.close()
    summary = BuildSummary()
    # Files are known by their display_path (what is stored and printed), read under their real name.
    roots = [os.path.abspath(p) for p in paths]
    root_keys = [display_path(r) for r in roots]
    files: list[str] = []
    blind: list[str] = []  # folders under a root that could not be read: what was under them is kept

    def unreadable_folder(path: str, reason: str) -> None:
        summary.unreadable.append((path, reason))
        blind.append(path)

    for root in roots:
        try:
            files.extend(os.path.abspath(p) for p in iter_document_paths([root], on_error=unreadable_folder))
        except LoadError as e:
            raise WorkspaceError(f"cannot read {e.path}: {e.reason}; the workspace is unchanged") from None
    files = list(dict.fromkeys(files))
    summary.files_seen = len(files)
    kept: dict[str, tuple] = {p: r for p, r in old.items()  # other roots, and folders not readable now: kept
                              if not _under(p, root_keys) or _under(p, blind)}
    to_parse: list[tuple[str, str, int, int]] = []
    total = len(files)
    done = 0
    for path in files:
        key = display_path(path)
        try:
            st = os.stat(path)
        except OSError as e:
            summary.unreadable.append((key, f"cannot stat: {e.strerror}"))
            continue
        prev = old.get(key)
        if prev is not None and prev[0] == st.st_size and prev[1] == st.st_mtime_ns:
            kept[key] = prev
        elif (prev is not None and prev[0] == st.st_size and prev[2] and stat.S_ISREG(st.st_mode)
              and _sha256(path, budget.max_bytes) == prev[2]):
            kept[key] = (st.st_size, st.st_mtime_ns, *prev[2:])  # touched, same content
        else:
            to_parse.append((path, key, st.st_size, st.st_mtime_ns))
            continue
        summary.unchanged += 1
        if prev[3]:
            summary.unreadable.append((key, prev[3]))
        done += 1
        if progress:
            progress(done, total, key)
    parsing = {t[1] for t in to_parse}
    summary.removed = sum(1 for p in old if _under(p, root_keys) and p not in kept and p not in parsing)
    if not to_parse and summary.removed == 0 and set(kept) == set(old) and db.exists():
        # Nothing changed: the stored graph stands; only refresh touched files' times.
        stored = _stored_summary(db)
        if stored is not None:
            for key in ("documents", "stubs", "agencies", "places", "links", "issues"):
                setattr(summary, key, stored[key])
            if any(kept[p][:2] != old[p][:2] for p in kept):
                _refresh_times(db, kept)
            return summary
    del files, parsing, old  # a million paths each: the build holds only what it still reads
    tmp = db.with_name(f"{db.name}.tmp-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        with without_cyclic_gc():  # the parent keeps every record: see without_cyclic_gc
            # Every record and its placement, packed (graph/records.py): what resolution reads, four times.
            records: PackedRecords[Placement] = PackedRecords()
            if kept:
                _copy_kept(db, con, kept, records)
            # Parsed in path order, so that records come in the order the join takes them.
            to_parse.sort(key=lambda item: item[1])
            sizes = {p: (key, size, mtime) for p, key, size, mtime in to_parse}
            if to_parse:
                to_parse.clear()
                preload_gazetteer()  # loaded once here, shared with the forked workers instead of loaded in each
            work = tmp.with_name(f"{tmp.name}-work")
            # A build that parses every file again makes the join's first half as the records come, beside
            # the parse workers (docs/PERFORMANCE.md); one that keeps stored records makes it after the parse.
            sink: RowSink | None = None
            early: Join | None = None

            def parsed_rows():
                nonlocal done, early
                worker = functools.partial(_parse_and_place, budget=budget)
                for path, record_json, sha256, error, placed in parse_files(
                        list(sizes), jobs=jobs, chunksize=32, worker=worker, ocr=ocr,
                        died=lambda path, reason: (path, None, None, reason, None)):
                    key, size, mtime = sizes.pop(path)
                    if record_json is None:
                        summary.unreadable.append((key, error or "unreadable"))
                        # hashed only when it is a regular file (never a FIFO or a device)
                        sha256 = _sha256(path, budget.max_bytes)
                    else:
                        if placed is None:  # the worker could not place it: placed here, and what goes wrong is reported
                            whole = record_from_json(json.loads(record_json))
                            placed = (slim_record(whole, placed=True), place_record(whole))
                        slim, placement = placed
                        records.add(slim, placement)
                        if early is not None:
                            if early.takes(slim.path):
                                early.first(slim, placement)
                            else:
                                early = None  # out of path order (a name the walk sorts apart): joined after
                    summary.parsed += 1
                    summary.parsed_paths.append(key)
                    done += 1
                    if progress:
                        progress(done, total, key)
                    yield (key, size, mtime, sha256, record_json, error)

            if not kept:
                sink = RowSink(con, work, lock=fork_lock)
                early = Join(sink)
            try:
                # In batches, under the fork lock: a worker forked while this thread is inside SQLite would hang.
                rows = parsed_rows()
                while batch := list(itertools.islice(rows, _ROWS_PER_BATCH)):
                    with fork_lock:
                        con.executemany(_INSERT_FILE, batch)
                # Joined straight into the new file's rows (graph/rowstore.py): the graph is never held.
                if early is None:
                    if sink is not None:  # begun, then a record came out of order: begun again, in order
                        sink.close()
                        con.execute("DELETE FROM nodes")
                    sink = RowSink(con, work)
                    early = Join(sink)
                    for record, placement in records:
                        early.first(record, placement)
                assert sink is not None  # made with early
                stage(f"resolving {len(records):,} records")
                early.rest(records, evidence=functools.partial(_stored_quotes, con))
                give_back_free_memory()  # the records are let go: see give_back_free_memory
                stage("writing the links in order, the question index and the checks")
                issues, stats, tables = sink.finish()
                _write(con, issues, stats, tables, summary)
            finally:
                if sink is not None:
                    sink.close()
        con.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, db)
    finally:
        con.close()
        if tmp.exists():
            tmp.unlink()
    return summary


def _copy_kept(db: Path, con: sqlite3.Connection, kept: dict[str, tuple], records: PackedRecords[Placement]) -> None:
    """Copy the rows of files that were not parsed again into the new workspace
    (with their new times), and add their records, placed, to ``records``."""

    def rows(source):
        for path, record, error in source.execute("SELECT path, record, error FROM files"):
            meta = kept.get(path)
            if meta is not None:
                if record:
                    slim = slim_record(record_from_json(json.loads(record)))
                    records.add(slim_record(slim, placed=True), place_record(slim))
                yield path, meta[0], meta[1], meta[2], record, error

    source = _connect_existing(db)
    try:
        con.executemany(_INSERT_FILE, rows(source))
    finally:
        source.close()


def _stored_quotes(con: sqlite3.Connection) -> Iterator[Quotes]:
    """What each record of the new workspace file quotes, in path order (``Join.rest``'s evidence):
    read from its JSON without making the record again."""
    loads = json.loads
    for (record,) in con.execute("SELECT record FROM files WHERE record IS NOT NULL ORDER BY path"):
        data = loads(record)
        yield Quotes(data["path"], tuple((c["text"], c["sentence"]) for c in data.get("citations") or ()))


def own_collector() -> None:
    """In a worker forked from a parent whose collector was off: collect this process's own garbage.

    The parent's objects (every record parsed so far) are frozen first: otherwise each new worker's
    first full collection walks, and so copies, the whole inherited heap (a 1M build: 3.8 GB a
    worker, parsing slowed from 1,700 to 230 documents/s as the parent grew).
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _parse_and_place(path: str, ocr: OcrOptions | None = None, budget: Budget = DEFAULT_BUDGET
                     ) -> tuple[str, str | None, str | None, str | None, tuple[Record, Placement] | None]:
    """Build's per-file work, run in the worker processes: parse one file, write its record as
    the JSON the workspace keeps, and make what the join holds of it (its ``slim_record`` and
    placement), so that the parent, the one process a build cannot run twice, only stores both.

    Returns (path as given, record JSON or None, sha256, error, (slim record, placement) or None
    when the record could not be placed: the parent places it again and reports what goes wrong).
    """
    own_collector()
    _shown, record, error, _size = extract_one(path, budget, ocr)
    if record is None:
        return path, None, None, error, None
    record_json = row_json(record.to_json())
    try:
        placed = (slim_record(record, placed=True), place_record(record))
    except Exception:  # noqa: BLE001 - the parent places it again and reports what goes wrong
        placed = None
    return path, record_json, record.sha256, None, placed


def _stored_summary(db: Path) -> dict | None:
    """The counts the last build stored; None when they cannot be read (the graph is built again)."""
    try:
        con = _connect_existing(db)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'summary'").fetchone()
        finally:
            con.close()
        return json.loads(row[0]) if row else None
    except (WorkspaceError, sqlite3.Error, ValueError, TypeError):
        return None


def _refresh_times(db: Path, rows: dict[str, tuple]) -> None:
    """Record new modification times of files whose content did not change (no graph rebuild)."""
    con = sqlite3.connect(db)
    try:
        with con:
            con.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                            [(r[0], r[1], p) for p, r in rows.items()])
    finally:
        con.close()


def _remove_stale_temporaries(db: Path) -> None:
    """Delete temporary databases left by builds that were killed (their process is gone)."""
    for tmp in db.parent.glob(f"{db.name}.tmp-*"):
        try:
            pid = int(tmp.name.rsplit("-", 1)[1])
            os.kill(pid, 0)
            if pid != os.getpid():
                continue  # another build is running: leave its file alone
        except (ValueError, ProcessLookupError):
            pass
        except PermissionError:
            continue
        tmp.unlink(missing_ok=True)


class _Length:
    """A file that only counts what is written to it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        return len(data)


def _flat_pickler(out) -> pickle.Pickler:
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo (the tables' lists of strings hold no cycle): 1.16 million strings' took ~340 MB
    return pickler


def _store_pickle(con: sqlite3.Connection, name: str, obj) -> None:
    """``obj`` pickled into the blob ``name``, written in place: never the whole pickle in memory.

    At 1,000,000 documents the search table's pickle is 196 MB: held whole (and copied by SQLite as it
    was bound) it put ~520 MiB on the build's peak. It is pickled twice instead, once to learn its
    length and once into a blob of that length (``Connection.blobopen``): a second or two more."""
    length = _Length()
    _flat_pickler(length).dump(obj)
    con.execute("INSERT INTO blobs VALUES (?, zeroblob(?))", (name, length.size))
    (rowid,) = con.execute("SELECT rowid FROM blobs WHERE name = ?", (name,)).fetchone()
    with con.blobopen("blobs", "data", rowid) as blob:
        _flat_pickler(blob).dump(obj)
        if blob.tell() != length.size:  # the same object pickles the same way twice; never silently short
            raise RuntimeError(f"{name}: pickled to {length.size} bytes, then to {blob.tell()}")


def _write(con: sqlite3.Connection, issues: list[Issue], stats: list[dict], tables: dict[str, object],
           summary: BuildSummary) -> None:
    """The issues, the counts and the lookup tables into the new workspace (its nodes, links and question
    index are written by graph/rowstore.py); ``summary`` takes the counts."""
    by_facet: dict[str, dict] = {}
    for row in stats:
        by_facet.setdefault(row["facet"], {})[row["value"]] = row["count"]
    labels, status = by_facet.get("node.label", {}), by_facet.get("document.status", {})
    summary.documents, summary.stubs = status.get("read", 0), status.get("stub", 0)
    summary.agencies, summary.places = labels.get("Agency", 0), labels.get("Place", 0)
    summary.links = dict(sorted(by_facet.get("link.type", {}).items()))
    summary.issues = len(issues)
    counts = {k: getattr(summary, k) for k in ("documents", "stubs", "agencies", "places", "links", "issues")}
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("chidao", chidao_version()),
                                                       ("summary", json.dumps(counts))])
    dumps = row_json
    con.executemany("INSERT INTO issues VALUES (?, ?, ?, ?)",
                    ((i.kind, i.message, dumps(list(i.uids)), i.path) for i in issues))
    # the counts of the full graph, kept for `chidao stats`
    con.execute("INSERT INTO meta VALUES ('stats', ?)", (dumps(stats),))
    for name, table in tables.items():
        _store_pickle(con, f"table:{name}", table)
    con.executescript(_INDEXES)
    con.commit()


def write_graph(con: sqlite3.Connection, graph: nx.MultiDiGraph, issues: list[Issue] | None = None,
                summary: BuildSummary | None = None, *, work: Path | None = None) -> BuildSummary:
    """A graph made in Python into a new workspace file ``con`` (its tables created), by the build's own
    writer: its nodes and links in graph order, its issues (``check``'s when None)."""
    summary = summary or BuildSummary()
    path = con.execute("PRAGMA database_list").fetchone()[2]
    sink = RowSink(con, work or Path(f"{path}-work"))
    try:
        for uid, attrs in graph.nodes(data=True):
            sink.add_node(uid, dict(attrs))
        for u, v, attrs in graph.edges(data=True):
            sink.add_edge(u, v, dict(attrs))
        found, stats, tables = sink.finish()
        _write(con, found if issues is None else issues, stats, tables, summary)
    finally:
        sink.close()
    return summary


def workspace_id(workspace: str | Path) -> str:
    """A stable name for what one workspace exported: its folder name and a hash of its path."""
    import hashlib

    path = Path(workspace).resolve()
    return f"{path.parent.name}/{path.name}#{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"


@_reads_workspace
def load_graph(workspace_dir: str | Path = DEFAULT_DIR) -> nx.MultiDiGraph:
    """The stored graph: one SELECT per table, one json.loads per row."""
    con = _connect_existing(_db_path(workspace_dir))
    try:
        loads = json.loads
        g = nx.MultiDiGraph()
        with without_cyclic_gc():
            g.add_nodes_from((uid, loads(a)) for uid, a in con.execute("SELECT uid, attrs FROM nodes"))
            g.add_edges_from((u, v, k, loads(a)) for u, v, k, a in con.execute("SELECT src, dst, key, attrs FROM edges"))
    except sqlite3.DatabaseError as e:
        raise WorkspaceError(f"workspace {workspace_dir} is unreadable ({e}): delete it and build again") from None
    finally:
        con.close()
    return g


# What the questions read: documents, agencies, articles and the links between them.
# Evidence (sentence, span, file) stays in the edges table; load_neighbourhood reads it.


def question_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The part of the graph the questions walk, with light attributes.

    Strings are interned and identical edge attribute dicts shared, so the
    pickled form is small and quick to load (100,000 documents: from 18 s for
    the full graph to about 2.5 s). Treat it as read-only.
    """
    intern = sys.intern
    q = nx.MultiDiGraph()
    q.add_nodes_from((intern(n), {k: intern(v) if isinstance(v, str) else v for k, v in d.items() if k not in NODE_DROP})
                     for n, d in graph.nodes(data=True) if d.get("label") in QUESTION_LABELS)
    shared: dict[tuple, dict] = {}
    # Straight into networkx's adjacency dicts (what add_edge does, without its per-call
    # checks): a million links at 100,000 documents. Same order as graph.edges().
    succ, pred = q._succ, q._pred
    for u, neighbours in graph._succ.items():
        if u not in succ:
            continue
        u = intern(u)
        for v, keydict in neighbours.items():
            if v not in succ:
                continue
            v = intern(v)
            links = None
            for k, d in keydict.items():
                if d.get("type") in QUESTION_LINKS_DROP:
                    continue
                items = tuple((f, intern(d[f]) if isinstance(d[f], str) else d[f]) for f in EDGE_KEEP
                              if d.get(f) is not None)
                if links is None:
                    links = succ[u][v] = pred[v][u] = {}  # one key dict, seen from both ends
                links[k] = shared.setdefault(items, dict(items))
    return q


@_reads_workspace
def load_question_graph(workspace_dir: str | Path = DEFAULT_DIR) -> nx.MultiDiGraph:
    """The graph the questions walk (see ``question_graph``): one blob, fast to load.

    The lookup tables stored with it (reference index, search texts) are read
    when a question first needs them.
    """
    db = _db_path(workspace_dir)
    con = _connect_existing(db)
    try:
        row = con.execute("SELECT data FROM blobs WHERE name = 'question_graph'").fetchone()
        tables = [name for (name,) in con.execute("SELECT name FROM blobs WHERE name LIKE 'table:%'")]
    except sqlite3.DatabaseError:
        row, tables = None, []
    finally:
        con.close()
    if row is not None:  # written before the question index held the whole question graph
        # 100,000 documents: 1.4 s -> 0.7 s without the collector (see without_cyclic_gc).
        with without_cyclic_gc():
            graph = pickle.loads(row[0])
    else:
        index = open_question_index(workspace_dir)
        if index is None:  # a workspace written before the index existed
            return question_graph(load_graph(workspace_dir))
        try:
            pieces = load_graph_pieces(index.con)
        finally:
            index.close()
        if pieces is None:  # a workspace whose index came before the pieces
            return question_graph(load_graph(workspace_dir))
        graph = pieces
    # Nothing in the loaded graph is ever cyclic garbage: keep later collections off it
    # (the first one would otherwise walk every object, ~150 ms at 100,000 documents).
    gc.freeze()
    seed_tables(graph, {name.removeprefix("table:"): _blob_reader(db, name) for name in tables})
    graph.graph["evidence"] = evidence_reader(db)
    return graph


def evidence_reader(db: Path) -> Callable[..., dict | None]:
    """A lookup of one link's stored attributes (sentence, path, cue...) by (src, dst, type).

    The question graph leaves the evidence out (it would double its size); an answer asks
    for the few rows it shows, one indexed SELECT each, on one connection opened when first asked.
    """
    state: dict = {}

    def lookup(src: str, dst: str, link: str, path: str | None = None) -> dict | None:
        """The first such link, or the one read from ``path`` (the citing document's own file) when there is one."""
        con = state.get("con")
        if con is None:
            con = state["con"] = _connect_existing(db)
        first = None
        for (attrs,) in con.execute("SELECT attrs FROM edges WHERE src = ? AND dst = ?", (src, dst)):
            try:
                data = json.loads(attrs)
            except ValueError:
                raise WorkspaceError(f"workspace {db} is damaged (a link's evidence is not JSON): "
                                     "build again into a new folder") from None
            if data.get("type") == link:
                if path is None or data.get("path") == path:
                    return data
                first = first or data
        return first
    return lookup


def _blob_reader(db: Path, name: str) -> Callable[[], object]:
    def read():
        con = _connect_existing(db)
        try:
            (data,) = con.execute("SELECT data FROM blobs WHERE name = ?", (name,)).fetchone()
        finally:
            con.close()
        with without_cyclic_gc():
            return pickle.loads(data)
    return read


@_reads_workspace
def open_question_index(workspace_dir: str | Path = DEFAULT_DIR) -> QuestionIndex | None:
    """The workspace's question index (graph/qindex.py), open read-only; None when the workspace was
    written before it existed (a question then loads the question graph). Close it when done."""
    db = _db_path(workspace_dir)
    con = _connect_existing(db)
    try:
        index = QuestionIndex.open(con, db)
    except sqlite3.DatabaseError:
        index = None
    if index is None:
        con.close()
        return None
    index.evidence = evidence_reader(db)
    return index


# A reader of the workspace whose damage ends in one WorkspaceError line (queries/touched.py uses it).
reads_workspace = _reads_workspace


@_reads_workspace
def load_neighbourhood(workspace_dir: str | Path, uid: str) -> nx.MultiDiGraph:
    """One node, its links with all their evidence, and the nodes at their other ends."""
    con = _connect_existing(_db_path(workspace_dir))
    try:
        loads = json.loads
        edges = con.execute("SELECT src, dst, key, attrs FROM edges WHERE src = ? UNION ALL "
                            "SELECT src, dst, key, attrs FROM edges WHERE dst = ? AND src != ?", (uid, uid, uid)).fetchall()
        uids = {uid} | {e[0] for e in edges} | {e[1] for e in edges}
        # ... and who issued the neighbours, so their cards name the issuer.
        marks = ",".join("?" * len(uids))
        issued = [e for e in con.execute(f"SELECT src, dst, key, attrs FROM edges WHERE src IN ({marks})", tuple(uids))
                  if '"ISSUED_BY"' in e[3]]
        edges += [e for e in issued if e[0] != uid]
        uids |= {e[1] for e in issued}
        g = nx.MultiDiGraph()
        marks = ",".join("?" * len(uids))
        g.add_nodes_from((n, loads(a)) for n, a in con.execute(f"SELECT uid, attrs FROM nodes WHERE uid IN ({marks})",
                                                               tuple(uids)))
        g.add_edges_from((u, v, k, loads(a)) for u, v, k, a in edges)
    except sqlite3.DatabaseError as e:
        raise WorkspaceError(f"workspace {workspace_dir} is unreadable ({e}): delete it and build again") from None
    finally:
        con.close()
    return g


@_reads_workspace
def load_stats(workspace_dir: str | Path = DEFAULT_DIR) -> list[dict]:
    """The rows of ``graph.stats.count`` (the stats question) over the full graph, as stored by the last build."""
    con = _connect_existing(_db_path(workspace_dir))
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'stats'").fetchone()
    finally:
        con.close()
    if row is None:  # written before stats were kept
        return count_stats(load_graph(workspace_dir))
    return json.loads(row[0])


@_reads_workspace
def load_issues(workspace_dir: str | Path = DEFAULT_DIR) -> list[Issue]:
    con = _connect_existing(_db_path(workspace_dir))
    try:
        return [Issue(k, m, tuple(json.loads(u)), p) for k, m, u, p in con.execute("SELECT * FROM issues")]
    finally:
        con.close()
