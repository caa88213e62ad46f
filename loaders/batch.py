"""Many files: walk, read, parse, in one or several processes; never stop on a bad file.

Guards that keep a batch alive whatever slips through the parser: each document
has a :class:`Budget` (bytes read, seconds spent reading and parsing it); one
over it is reported in one line and skipped, the others go on. Worker processes
are replaced every few chunks so the memory one large document made a worker take
is given back to the system, and a worker that dies (a crash inside a C library, the
kernel's out-of-memory killer) costs only the file it was parsing: the pool is
pebble's, which notices a dead worker and replaces it (multiprocessing.Pool waits
for the lost task forever).
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import itertools
import multiprocessing
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .extract import extract_loaded
from .files import MAX_BYTES, LoadError, display_path, iter_document_paths, read_document
from .models import Record
from .ocr import IMAGE_SUFFIXES, OcrOptions

__all__ = ["Budget", "DEFAULT_BUDGET", "extract_paths", "extract_one", "parse_files", "DOCUMENTS_PER_WORKER",
           "fork_lock"]

# Documents a worker process handles before it is replaced by a fresh one (whatever the chunk size:
# a fork of the parent, which holds the gazetteer, costs ~0.1 s, so replacing a worker every few
# documents made a build of text files 14x slower). A build's parent grows as it parses, and each
# fork then costs both processes system time in page copies: 100,000 documents took 21.7 s of it
# with a worker per 2,048 documents and 13.0 s with one per 16,384 (docs/PERFORMANCE.md).
DOCUMENTS_PER_WORKER = 16384
# Files that may need OCR (a scan's pages are minutes of work): sent one at a time, so that one
# long scan does not hold a chunk of other files behind it.
MAY_NEED_OCR = frozenset({".pdf"}) | IMAGE_SUFFIXES


@dataclass(frozen=True)
class Budget:
    """What one document may cost: bytes on disk, seconds to read and parse, and memory (address
    space) taken on top of what the process held before it (0: no limit)."""

    max_bytes: int = MAX_BYTES
    max_seconds: float = 60.0
    max_memory: int = 2 * 2**30


DEFAULT_BUDGET = Budget()


class _OverTime(BaseException):
    """Raised by the alarm inside a document's parse; a BaseException so no ``except Exception`` in
    the parser swallows it."""


@contextmanager
def _time_limit(seconds: float):
    """SIGALRM after ``seconds`` (main thread of a POSIX process only; elsewhere no limit).

    Python runs the handler between bytecodes: one long call into C (a single regex
    match) is only stopped when it returns."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise _OverTime

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_STATM: dict[int, int] = {}  # pid -> an open /proc/<pid>/statm (a forked worker opens its own)
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), else None.

    The file stays open and is read again from offset 0 (the kernel writes it afresh each time):
    opening it for every document cost as much as parsing a short one."""
    pid = os.getpid()
    try:
        fd = _STATM.get(pid)
        if fd is None:
            fd = _STATM[pid] = os.open(f"/proc/{pid}/statm", os.O_RDONLY | os.O_CLOEXEC)
        return int(os.pread(fd, 128, 0).split()[0]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextmanager
def _memory_limit(extra: int):
    """Lower the soft RLIMIT_AS to what the process holds plus ``extra`` bytes while one
    document is parsed, so a runaway parse gets a MemoryError instead of the machine's
    memory; the previous limit is put back after. Linux only; elsewhere no limit."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    now = _address_space() if extra else None
    if now is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield  # already tighter
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def extract_one(path: str | Path, budget: Budget = DEFAULT_BUDGET,
                ocr: OcrOptions | None = None) -> tuple[str, Record | None, str | None, int]:
    """(path as shown, record, error, bytes read): bad input becomes an error string, never an exception.

    The time budget covers reading and parsing, except that a file read with OCR on gets it for
    the parse alone: tesseract's page time is its own (a 30-page scan is no runaway)."""
    shown = display_path(path)
    size = 0
    ocr_on = ocr is not None and ocr.enabled
    try:
        # Without OCR one alarm covers reading and parsing (setting one costs as much as parsing a short
        # page); with it, tesseract's page time is its own and the alarm covers the parse alone.
        with _time_limit(0 if ocr_on else budget.max_seconds):
            loaded = _read(path, budget, ocr)
            if isinstance(loaded, str):
                return shown, None, loaded, 0
            size = loaded.size
            with _time_limit(budget.max_seconds if ocr_on else 0):
                record_or_error = _parse(loaded, budget)
    except _OverTime:
        return shown, None, (f"over the time budget ({budget.max_seconds:g} s per document; "
                             "raise it with --max-seconds)"), size
    if isinstance(record_or_error, str):
        return shown, None, record_or_error, size
    return shown, record_or_error, None, size


def _read(path: str | Path, budget: Budget, ocr: OcrOptions | None):
    """The loaded text, or the reason it cannot be read."""
    try:
        return read_document(path, max_bytes=budget.max_bytes, ocr=ocr)
    except LoadError as e:
        return e.reason


def _parse(loaded, budget: Budget) -> Record | str:
    """The record of a loaded text, or the reason it could not be parsed (never an exception)."""
    try:
        with _memory_limit(budget.max_memory):
            return extract_loaded(loaded)
    except MemoryError:
        return (f"over the memory budget ({budget.max_memory / 2**20:g} MiB per document; "
                "raise it with --max-memory-mb)")
    except RecursionError:
        return "too deeply nested to parse (RecursionError)"
    except Exception as e:  # a parser bug must not end the batch; report it as the file's reason
        return f"parser error: {type(e).__name__}: {e}".splitlines()[0][:200]


def _walk(paths: Iterable[str | Path], errors: list) -> Iterator[Path]:
    for path in paths:
        try:
            yield from iter_document_paths([path], on_error=lambda p, reason: errors.append((p, reason)))
        except LoadError as e:
            errors.append((e.path, e.reason))


def _how_it_died(exitcode: int | None) -> str:
    """The reason given for a file whose worker process died on it."""
    how = f"exit code {exitcode}"
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        # SIGKILL is what the kernel's out-of-memory killer sends
        how = (f"{name}: killed, most likely by the system for want of memory" if name == "SIGKILL"
               else f"{name}: a crash in a library the parser calls")
    return f"the process parsing it died ({how})"


def _died_default(path, reason: str) -> tuple[str, None, str, int]:
    """extract_one's tuple for a file whose worker process died on it."""
    return display_path(path), None, reason, 0


_CHUNKS_AHEAD = 4  # chunks scheduled per worker beyond the one being read

# Held by the parent around its own SQLite calls while a pool runs; every fork waits for it.
# SQLite keeps process-wide mutexes (its allocator's among them) and no fork handlers: a worker
# that the pool's thread forked while the parent's main thread was inside SQLite inherited a
# mutex held by no thread of its own, and hung on its first SQLite call (the gazetteer's
# database, the OCR cache). A 100,000-document build stalled so; py-spy showed the new worker in
# pthread_mutex_lock under sqlite3Malloc, and tests/test_faults.py makes it happen in seconds.
fork_lock = threading.Lock()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=fork_lock.acquire, after_in_parent=fork_lock.release,
                        after_in_child=fork_lock.release)


def _run_chunk(worker: Callable, chunk: tuple) -> list:
    _read_ahead(chunk)
    return [worker(path) for path in chunk]


_WILLNEED = getattr(os, "POSIX_FADV_WILLNEED", None)


def _read_ahead(paths: Iterable) -> None:
    """Ask the kernel to start reading a chunk's files now, so that from an archive not in the page
    cache each file is read from disk while the ones before it are parsed (at 1,000,000 documents
    read cold, a worker otherwise spent about a quarter of its time waiting on reads). A hint
    only: any path it cannot open or advise on is left to the reader, which names the reason."""
    if _WILLNEED is None:
        return
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)  # never blocks on a FIFO, never takes a tty
        except (OSError, TypeError, ValueError):
            continue
        try:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_BYTES:  # what the reader would refuse is not read
                os.posix_fadvise(fd, 0, 0, _WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


def parse_files(paths: list, *, jobs: int = 1, chunksize: int = 32, worker: Callable = extract_one,
                ocr: OcrOptions | None = None, died: Callable[[object, str], object] = _died_default) -> Iterator:
    """worker (default extract_one) over paths, in order, in ``jobs`` processes (0: one per core).

    ``worker`` must be a module-level function, or a functools.partial of one (it is
    sent to the processes by name). Each process is replaced after about DOCUMENTS_PER_WORKER
    paths. ``ocr`` is passed on to it: files run in parallel when there are enough of them,
    else the pages of a scan do (never both: ``jobs`` tesseracts at most); with OCR on, a batch
    that holds a PDF or an image goes one file at a time.

    A worker process that dies takes no other file with it: the paths of its chunk are tried
    again one at a time, and one that kills its process again gives ``died(path, reason)``
    in its place (by default extract_one's tuple, the reason as its error).
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    pooled = jobs > 1 and len(paths) >= 8
    if ocr is not None:
        worker = functools.partial(worker, ocr=dataclasses.replace(ocr, jobs=1 if pooled else jobs))
    if not pooled:
        for i in range(0, len(paths), chunksize):
            window = paths[i:i + chunksize]
            _read_ahead(window)
            for path in window:  # one at a time: each result (and its progress line) as soon as it is made
                yield worker(path)
        return
    if ocr is not None and ocr.enabled and any(os.path.splitext(str(p))[1].lower() in MAY_NEED_OCR for p in paths):
        chunksize = 1
    import pebble  # here: a command that parses nothing in processes does not load it (34 ms, with asyncio)

    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    pool = pebble.ProcessPool(max_workers=jobs, max_tasks=max(1, DOCUMENTS_PER_WORKER // chunksize), context=ctx)
    try:
        chunks = (tuple(paths[i:i + chunksize]) for i in range(0, len(paths), chunksize))
        # A few chunks ahead of the reader, never all of them: results the caller has not taken yet
        # would pile up in memory (20,000 documents: 60 MB more at the build's peak).
        ahead: collections.deque = collections.deque()
        for chunk in itertools.islice(chunks, _CHUNKS_AHEAD * jobs):
            ahead.append((chunk, pool.schedule(_run_chunk, args=(worker, chunk))))
        while ahead:
            chunk, future = ahead.popleft()
            for following in itertools.islice(chunks, 1):
                ahead.append((following, pool.schedule(_run_chunk, args=(worker, following))))
            try:
                yield from future.result()
                continue
            except pebble.ProcessExpired:
                pass
            for path in chunk:  # which of them killed it: each alone, in order
                try:
                    yield pool.schedule(worker, args=(path,)).result()
                except pebble.ProcessExpired as e:
                    yield died(path, _how_it_died(e.exitcode))
        pool.close()
    except BaseException:  # Ctrl-C, or the caller stopped reading: no worker outlives the batch
        pool.stop()
        raise
    finally:
        pool.join()



def extract_paths(paths: Iterable[str | Path], *, jobs: int = 1, ocr: OcrOptions | None = None,
                  budget: Budget = DEFAULT_BUDGET) -> Iterator[tuple[str, Record | None, str | None, int]]:
    """Yield extract_one's tuple for every document under paths, in walk order; the
    folders and paths that could not be read first, one tuple each."""
    errors: list[tuple[str, str]] = []
    files = list(_walk(paths, errors))
    for path, reason in errors:
        yield path, None, reason, 0
    worker = extract_one if budget == DEFAULT_BUDGET else functools.partial(extract_one, budget=budget)
    yield from parse_files(files, jobs=jobs, worker=worker, ocr=ocr or OcrOptions())
