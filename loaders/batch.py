"""Many files: walk, read, parse, in one or several processes; never stop on a bad file."""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .extract import extract_loaded
from .files import LoadError, iter_document_paths, read_document
from .models import Record
from .ocr import OcrOptions

__all__ = ["extract_paths", "extract_one", "parse_files"]


def extract_one(path: str | Path, ocr: OcrOptions | None = None) -> tuple[str, Record | None, str | None, int]:
    """(path, record, error, bytes read): bad input becomes an error string, never an exception."""
    try:
        loaded = read_document(path, ocr=ocr)
    except LoadError as e:
        return str(path), None, e.reason, 0
    try:
        record = extract_loaded(loaded)
    except Exception as e:  # a parser bug must not end the batch; report it as the file's reason
        return str(path), None, f"parser error: {type(e).__name__}: {e}".splitlines()[0][:200], loaded.size
    return str(path), record, None, loaded.size


def _walk(paths: Iterable[str | Path], errors: list) -> Iterator[Path]:
    for path in paths:
        try:
            yield from iter_document_paths([path])
        except LoadError as e:
            errors.append((str(path), e.reason))


def parse_files(paths: list, *, jobs: int = 1, chunksize: int = 32, worker: Callable = extract_one,
                ocr: OcrOptions | None = None) -> Iterator:
    """worker (default extract_one) over paths, in order, in ``jobs`` processes (0: one per core).

    ``worker`` must be a module-level function (it is sent to the processes by name).
    ``ocr`` is passed on to it: files run in parallel when there are enough of them,
    else the pages of a scan do (never both: ``jobs`` tesseracts at most).
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    pooled = jobs > 1 and len(paths) >= 8
    if ocr is not None:
        worker = functools.partial(worker, ocr=dataclasses.replace(ocr, jobs=1 if pooled else jobs))
    if not pooled:
        for path in paths:
            yield worker(path)
        return
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(worker, paths, chunksize=1 if ocr is not None and ocr.enabled else chunksize)


def extract_paths(paths: Iterable[str | Path], *, jobs: int = 1, ocr: OcrOptions | None = None,
                  ) -> Iterator[tuple[str, Record | None, str | None, int]]:
    """Yield extract_one's tuple for every document under paths, in walk order."""
    errors: list[tuple[str, str]] = []
    files = list(_walk(paths, errors))
    for path, reason in errors:
        yield path, None, reason, 0
    yield from parse_files(files, jobs=jobs, ocr=ocr or OcrOptions())
