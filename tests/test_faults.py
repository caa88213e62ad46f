"""The fault suite: bad files, unreadable folders, odd names, kills, concurrent builds, damaged and
unwritable workspaces, servers that are not there. Every case ends in one line, and every good file of
the batch is still read. Runs the real `chidao` command in subprocesses (a bound on each: `timeout`).

Tests run as root here, where chmod 000 stops nothing: the permission cases run the command as
`nobody` (setpriv) and skip with the reason when that cannot be done.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from chidao.corpus import sample_corpus_path
from chidao.graph.workspace import _parse_and_place as _REAL_PARSE_AND_PLACE

CHIDAO = [sys.executable, "-m", "chidao"]
BOUND = 120  # seconds any one command may take here before the test calls it a hang
SAMPLE = sample_corpus_path()
GOOD = sorted((SAMPLE / "ben-tre").glob("*.txt"))  # three good documents


def run(args, *, cwd=None, user=None, timeout=BOUND, preexec=None, env=None) -> subprocess.CompletedProcess:
    cmd = [*CHIDAO, *map(str, args)]
    if user:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    e = dict(os.environ, **(env or {}))
    e.pop("CHIDAO_DEBUG", None)
    return subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, preexec_fn=preexec, env=e)


def err_lines(p) -> list[str]:
    return [line for line in p.stderr.decode("utf-8", "replace").splitlines() if line.strip()]


def assert_no_bug(p):
    text = p.stderr.decode("utf-8", "replace") + p.stdout.decode("utf-8", "replace")
    assert "Traceback" not in text and "a bug in chidao" not in text, text[-2000:]


def as_nobody_reason() -> str | None:
    if os.geteuid() != 0:
        return None  # not root: chmod itself stops us
    if not shutil.which("setpriv"):
        return "running as root without setpriv: an unreadable file cannot be made"
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"],
                           capture_output=True)
    return None if probe.returncode == 0 else f"setpriv cannot drop to nobody here: {probe.stderr!r}"


def nobody() -> str | None:
    """The user to run as so that chmod 000 means something (None when we are not root)."""
    return "nobody" if os.geteuid() == 0 else None


def open_to_nobody(*paths: Path) -> None:
    if os.geteuid() == 0:
        for top in paths:
            for p in [top, *top.rglob("*")]:
                if not p.is_symlink():
                    os.chown(p, 65534, 65534)


@pytest.fixture
def open_tmp():
    """A folder `nobody` can reach (pytest's tmp_path lies under a root-only 0700 folder)."""
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="chidao-faults-"))
    os.chmod(d, 0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            os.chmod(p, 0o755)
    shutil.rmtree(d)


def good_copy(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in GOOD:
        out.append(folder / src.name)
        shutil.copy(src, out[-1])
    return out


# -- the folder walk ----------------------------------------------------------------------------

@pytest.mark.skipif(as_nobody_reason() is not None, reason=str(as_nobody_reason()))
def test_unreadable_subfolder_is_one_line_and_the_rest_is_read(open_tmp):
    tmp_path = open_tmp
    tree = tmp_path / "tree"
    good_copy(tree / "a")
    good_copy(tree / "z")
    (tree / "m").mkdir()
    shutil.copy(GOOD[0], tree / "m" / "x.txt")
    ws = tmp_path / "ws"
    ws.mkdir()
    open_to_nobody(tree, ws)
    first = run(["build", tree, "-w", ws], user=nobody())
    assert first.returncode == 0, first.stderr
    os.chmod(tree / "m", 0)
    for args in (["extract", tree, "-q"], ["build", tree, "-w", ws]):
        p = run(args, user=nobody())
        assert_no_bug(p)
        assert p.returncode == 0, p.stderr
        lines = err_lines(p)
        assert [line for line in lines if "/m" in line] == [f"chidao: skipped {tree}/m: permission denied"]
    # the files under the folder that could not be read are kept, the others all read
    p = run(["build", tree, "-w", ws, "--json"], user=nobody())
    assert b'"removed": 0' in p.stdout and b'"files_seen": 6' in p.stdout
    # a root that cannot be read at all is an error, and the workspace stays as it was
    before = (ws / "workspace.db").read_bytes()
    os.chmod(tree, 0)
    try:
        p = run(["build", tree, "-w", ws], user=nobody())
    finally:
        os.chmod(tree, 0o755)
        os.chmod(tree / "m", 0o755)
    assert_no_bug(p)
    assert p.returncode != 0 and len(err_lines(p)) <= 3  # click's usage line, or ours
    assert (ws / "workspace.db").read_bytes() == before


def test_unreadable_root_raises_in_the_library(tmp_path):
    from chidao.graph import WorkspaceError, build_workspace

    loop = tmp_path / "loop"
    os.symlink(loop, loop)  # ELOOP: unreadable whoever we are
    with pytest.raises(WorkspaceError, match="cannot read .*loop: too many levels of symbolic links"):
        build_workspace([loop], tmp_path / "ws")


def test_path_longer_than_path_max_is_one_line(tmp_path):
    good_copy(tmp_path / "tree" / "a")
    deep = tmp_path / "tree" / "deep"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    try:  # build the chain relative to a descriptor: each mkdir stays under PATH_MAX
        for _ in range(25):
            os.mkdir("d" * 200, dir_fd=fd)
            nfd = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
        with open(os.open("doc.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "wb") as f:
            f.write(GOOD[0].read_bytes())
    finally:
        os.close(fd)
    for args in (["extract", tmp_path / "tree", "-q"], ["build", tmp_path / "tree", "-w", tmp_path / "ws"]):
        p = run(args)
        assert_no_bug(p)
        assert p.returncode == 0, p.stderr
        assert len([line for line in err_lines(p) if "path too long" in line]) == 1
    assert b"3 file(s) seen" in p.stdout


def test_odd_file_names_are_read_and_shown_escaped(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    names = [b"\xff\xfe-latin1.txt", "x\x1b[31mred\nline.txt".encode(), "Chỉ thị \u202eRTL.txt".encode()]
    for raw, src in zip(names, GOOD):
        with open(os.path.join(os.fsencode(tree), raw), "wb") as f:
            f.write(src.read_bytes())
    with open(os.path.join(os.fsencode(tree), b"\x1b]0;bad\x07.txt"), "wb") as f:
        f.write(bytes(range(256)) * 40)
    p = run(["extract", tree])
    assert_no_bug(p)
    assert p.returncode == 0
    assert b"\x1b" not in p.stderr and b"\x1b" not in p.stdout
    assert err_lines(p)[0] == f"chidao: skipped {tree}/\\x1b]0;bad\\x07.txt: binary content (NUL bytes)", p.stderr
    assert b"3 file(s) read" in p.stderr
    assert b"\\xff\\xfe-latin1.txt" in p.stdout and b"x\\x1b[31mred\\x0aline.txt" in p.stdout
    b = run(["build", tree, "-w", tmp_path / "ws"])
    assert_no_bug(b)
    assert b.returncode == 0 and b"4 file(s) seen, 4 parsed" in b.stdout and b"1 unreadable" in b.stdout
    again = run(["build", tree, "-w", tmp_path / "ws"])  # the stored keys match the names walked again
    assert b"Nothing to parse: 4 file(s) unchanged" in again.stdout, again.stdout


# -- build never hashes what it could not read ----------------------------------------------------

def test_build_does_not_hang_on_a_fifo_or_dev_zero(tmp_path):
    tree = tmp_path / "tree"
    good_copy(tree)
    os.mkfifo(tree / "fifo.txt")
    os.symlink("/dev/zero", tree / "zero.txt")
    for _ in range(2):  # the second build looks at the stored rows of both again
        p = run(["build", tree, "-w", tmp_path / "ws"], timeout=60)
        assert_no_bug(p)
        assert p.returncode == 0
        reasons = sorted(line for line in err_lines(p) if "skipped" in line)
        assert reasons == [f"chidao: skipped {tree}/fifo.txt: not a regular file",
                           f"chidao: skipped {tree}/zero.txt: not a regular file"]


def test_read_ahead_never_blocks_or_raises_on_what_is_not_a_document(tmp_path):
    from chidao.loaders.batch import _read_ahead, parse_files

    os.mkfifo(tmp_path / "fifo.txt")  # opened for reading without O_NONBLOCK, this would wait for a writer
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    (tmp_path / "folder.txt").mkdir()
    good = tmp_path / "good.txt"
    shutil.copy(GOOD[0], good)
    paths = [str(tmp_path / name) for name in ("fifo.txt", "zero.txt", "folder.txt", "missing.txt", "good.txt")]
    signal.alarm(20)  # a hang fails the test instead of holding the suite
    try:
        _read_ahead(paths + [tmp_path / "good.txt", "bad\x00name.txt"])  # Paths too; a name the OS refuses
        results = list(parse_files(paths, jobs=1, chunksize=2))
    finally:
        signal.alarm(0)
    assert [r[2] for r in results] == ["not a regular file", "not a regular file", "is a directory",
                                       "no such file or directory", None]
    assert results[-1][1] is not None and results[-1][1].doc is not None


def test_two_identical_unnumbered_documents_build(tmp_path):
    from chidao.graph import build_graph
    from chidao.loaders.batch import extract_one

    text = "\n".join(line for line in GOOD[0].read_text(encoding="utf-8").splitlines() if not line.startswith("Số"))
    for name in ("1.txt", "2.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    records = [extract_one(tmp_path / n)[1] for n in ("1.txt", "2.txt")]
    assert records[0].doc.symbol is None and records[0].sha256 == records[1].sha256
    graph, _ = build_graph(records)
    twins = [a for _, a in graph.nodes(data=True) if a.get("path") == str(tmp_path / "1.txt")]
    assert len(twins) == 1 and twins[0]["duplicate_paths"] == [str(tmp_path / "2.txt")]


# -- the bad-file suite -----------------------------------------------------------------------------

def _bad_files(folder: Path) -> dict[str, str]:
    """name -> a word the one-line reason must contain."""
    folder.mkdir()
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "x" * 5000 + "</w:document>")
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
           b"trailer<</Root 1 0 R/Encrypt<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -1>>>>\n%%EOF\n")
    files = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b" \n\t\n  ", "whitespace"),
        "binary.txt": (bytes(range(256)) * 40, "binary"),
        "photo.pdf": (b"\x89PNG\r\n\x1a\n" + os.urandom(3000), "pdf"),
        "cut.docx": (docx.getvalue()[: len(docx.getvalue()) // 2], "docx"),
        "cut.pdf": (pdf[:60], "pdf"),
        "locked.pdf": (pdf, "pdf"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as f:  # 50 MB and a byte: over the size budget, never read
        f.truncate(50 * 2**20 + 1)
    os.symlink("loop.txt", folder / "loop.txt")
    return {**{n: w for n, (_, w) in files.items()}, "huge.txt": "too large", "loop.txt": "symbolic links"}


def test_bad_files_get_one_line_each_and_every_good_file_is_read(tmp_path):
    tree = tmp_path / "tree"
    expected = _bad_files(tree)
    good = good_copy(tree / "good")
    for args in (["extract", tree, "-j", "2"], ["build", tree, "-w", tmp_path / "ws", "-j", "2"]):
        p = run(args)
        assert_no_bug(p)
        assert p.returncode == 0, p.stderr
        skipped = {line.split(": ", 2)[1].removeprefix("skipped ").rsplit("/", 1)[-1]: line
                   for line in err_lines(p) if line.startswith("chidao: skipped")}
        assert set(skipped) == set(expected), skipped
        for name, word in expected.items():
            assert word.lower() in skipped[name].lower(), skipped[name]
    assert f"{len(good)} documents".encode() in p.stdout or b"documents" in p.stdout
    from chidao.graph import load_graph

    paths = {a.get("path") for _, a in load_graph(tmp_path / "ws").nodes(data=True)}
    assert {str(g) for g in good} <= paths


def test_a_file_that_vanishes_mid_run_is_one_line(tmp_path):
    from chidao.loaders.batch import extract_paths

    tree = tmp_path / "tree"
    for i in range(40):
        shutil.copy(GOOD[i % 3], tree / f"{i:02}.txt") if tree.exists() else (tree.mkdir(), shutil.copy(GOOD[0], tree / "00.txt"))
    results = []
    for n, item in enumerate(extract_paths([tree])):
        results.append(item)
        if n == 5:  # the walk is done: remove files not read yet
            for i in range(20, 40, 2):
                (tree / f"{i:02}.txt").unlink()
    errors = [(p, e) for p, r, e, _ in results if e]
    assert len(results) == 40 and len(errors) == 10
    assert all(e == "no such file or directory" for _, e in errors)


# -- budgets and workers ---------------------------------------------------------------------------

def test_size_budget_skips_one_document_the_others_go_on(tmp_path):
    tree = tmp_path / "tree"
    good_copy(tree)
    (tree / "big.txt").write_bytes(GOOD[0].read_bytes() * 200)
    p = run(["extract", tree, "--max-mb", "0.1"])
    assert p.returncode == 0
    assert [line for line in err_lines(p) if line.startswith("chidao: skipped")] == [
        f"chidao: skipped {tree}/big.txt: file too large ({(tree / 'big.txt').stat().st_size} bytes, limit 104857)"]
    assert b"3 file(s) read" in p.stderr


def test_time_budget_stops_one_document(tmp_path):
    from chidao.loaders.batch import Budget, extract_one

    big = tmp_path / "big.txt"
    big.write_bytes(b"\n".join([GOOD[0].read_bytes()] * 300))  # ~1 MB: far more than 10 ms of parsing
    path, record, error, _ = extract_one(big, Budget(max_seconds=0.01))
    assert record is None and error.startswith("over the time budget (0.01 s per document")
    _, record, error, _ = extract_one(GOOD[0], Budget(max_seconds=30))  # the next one is parsed as usual
    assert error is None and record is not None


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the memory budget needs Linux's /proc")
def test_memory_budget_skips_one_document_the_others_go_on(tmp_path):
    tree = tmp_path / "tree"
    good_copy(tree)
    lines = GOOD[0].read_text(encoding="utf-8").splitlines()
    (tree / "big.txt").write_text("\n".join(lines[:10] + [lines[8]] * 120_000 + lines[10:]), encoding="utf-8")
    p = run(["extract", tree, "--max-memory-mb", "4"])
    assert_no_bug(p)
    assert p.returncode == 0
    assert [line for line in err_lines(p) if line.startswith("chidao: skipped")] == [
        f"chidao: skipped {tree}/big.txt: over the memory budget (4 MiB per document; raise it with --max-memory-mb)"]
    assert b"3 file(s) read" in p.stderr
    p = run(["extract", tree / "big.txt", "-q"])  # the default budget parses it
    assert p.returncode == 0 and not err_lines(p)


def test_memory_budget_puts_the_limit_back():
    import resource

    from chidao.loaders.batch import Budget, extract_one

    before = resource.getrlimit(resource.RLIMIT_AS)
    _, record, error, _ = extract_one(GOOD[0], Budget(max_memory=2**30))
    assert error is None and record is not None
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def _pid(path):
    return os.getpid()


def test_worker_processes_are_recycled(monkeypatch):
    from chidao.loaders import batch

    monkeypatch.setattr(batch, "DOCUMENTS_PER_WORKER", 256)  # read by each call: a smaller lifetime, same code
    n = 2 * batch.DOCUMENTS_PER_WORKER * 3  # three times what two workers may take before replacement
    pids = set(batch.parse_files(list(range(n)), jobs=2, chunksize=4, worker=_pid))
    assert len(pids) > 2


def _pid_ocr(path, ocr=None):
    return os.getpid()


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_workers_live_for_hundreds_of_documents_with_ocr_on(suffix):
    # A worker replaced every 8 documents (chunks of one with OCR on) made a build of text files 14x
    # slower: each replacement is a fork of the parent and its gazetteer. Text files go in chunks;
    # PDFs and images one at a time; either way a worker lives for DOCUMENTS_PER_WORKER paths.
    from chidao.loaders.batch import DOCUMENTS_PER_WORKER, parse_files
    from chidao.loaders.ocr import OcrOptions

    n = 640  # a worker per 8 documents would be 80 processes
    assert DOCUMENTS_PER_WORKER >= 200
    pids = list(parse_files([f"doc{i}{suffix}" for i in range(n)], jobs=2, worker=_pid_ocr,
                            ocr=OcrOptions(enabled=True)))
    assert len(pids) == n and len(set(pids)) <= 8  # one worker may take every chunk of such tiny tasks


def _frozen_in_worker(path):
    import gc

    from chidao.graph.workspace import own_collector

    own_collector()
    return gc.isenabled(), gc.get_freeze_count()


def test_a_worker_never_walks_the_heap_it_inherited():
    # A build's parent holds every record with its collector off; a worker that switched the collector
    # on walked (and copied) all of it: a 1M build slowed from 1,700 to 230 documents/s as it grew.
    from chidao.graph.workspace import without_cyclic_gc
    from chidao.loaders.batch import parse_files

    with without_cyclic_gc():
        held = [[i] for i in range(200_000)]  # what the parent holds, as container objects
        results = list(parse_files([f"doc{i}.txt" for i in range(16)], jobs=2, worker=_frozen_in_worker))
    assert len(held) == 200_000 and len(results) == 16
    assert all(enabled and frozen >= 200_000 for enabled, frozen in results)


def _dies_on_marked_files(path, **kwargs):
    """extract_one, except that a file named dies-SIGNAL-*.txt kills its own process with SIGNAL: what a crash
    inside a C library (SIGSEGV) or the kernel's out-of-memory killer (SIGKILL) does to a worker."""
    from chidao.loaders.batch import extract_one

    name = Path(path).name
    if name.startswith("dies-"):
        _die(getattr(signal, name.split("-")[1]))
    return extract_one(path, **kwargs)


def _die(signum: int) -> None:
    import faulthandler

    faulthandler.disable()  # pytest's would print a "Fatal Python error" page for a crash made on purpose
    os.kill(os.getpid(), signum)


def _marked_files(tmp_path: Path) -> list[Path]:
    """Twenty good files, with one that segfaults its worker and one that gets it SIGKILLed among them."""
    paths = []
    for i in range(20):
        name = {5: "dies-SIGSEGV-a.txt", 13: "dies-SIGKILL-b.txt"}.get(i, f"good-{i:02}.txt")
        paths.append(tmp_path / name)
        shutil.copy(GOOD[i % len(GOOD)], paths[-1])
    return paths


def test_a_worker_that_dies_costs_the_batch_only_its_own_file(tmp_path):
    # multiprocessing.Pool never noticed a dead worker: the build waited for its task forever.
    from chidao.loaders.batch import extract_one, parse_files

    paths = _marked_files(tmp_path)
    results = list(parse_files([str(p) for p in paths], jobs=2, chunksize=4, worker=_dies_on_marked_files))
    assert [Path(r[0]).name for r in results] == [p.name for p in paths]  # every file, in order
    for path, (_shown, record, error, _size) in zip(paths, results):
        if path.name.startswith("dies-SIGSEGV"):
            assert record is None and error == "the process parsing it died (SIGSEGV: a crash in a library the parser calls)"
        elif path.name.startswith("dies-SIGKILL"):
            assert record is None and error.startswith("the process parsing it died (SIGKILL: killed, most likely")
        else:
            assert error is None and record == extract_one(str(path))[1]


def _parse_and_place_dying(path, **kwargs):
    """The build's own worker, with the deaths of _dies_on_marked_files."""
    if Path(path).name.startswith("dies-"):
        _die(getattr(signal, Path(path).name.split("-")[1]))
    return _REAL_PARSE_AND_PLACE(path, **kwargs)


def test_a_build_whose_worker_dies_keeps_every_other_file(tmp_path, monkeypatch):
    import chidao.graph.workspace as workspace

    (tmp_path / "in").mkdir()
    paths = _marked_files(tmp_path / "in")
    monkeypatch.setattr(workspace, "_parse_and_place", _parse_and_place_dying)
    summary = workspace.build_workspace([tmp_path / "in"], tmp_path / "ws", jobs=2)
    assert summary.parsed == len(paths)  # every file was tried
    assert sorted(Path(p).name for p, _ in summary.unreadable) == ["dies-SIGKILL-b.txt", "dies-SIGSEGV-a.txt"]
    assert all(reason.startswith("the process parsing it died (SIG") for _, reason in summary.unreadable)
    assert summary.documents == len(GOOD)  # the good files are copies of the three sample documents


# -- kills, locks, concurrent builds -------------------------------------------------------------

def _snapshot(ws: Path):
    from chidao.graph import load_graph

    g = load_graph(ws)
    return sorted(g.nodes), g.number_of_edges()


def test_sigkill_at_random_moments_leaves_the_previous_workspace(tmp_path):
    ws = tmp_path / "ws"
    first = run(["build", SAMPLE / "ben-tre", "-w", ws])
    assert first.returncode == 0
    before = _snapshot(ws)
    whole = tmp_path / "whole"
    assert run(["build", SAMPLE, "-w", whole]).returncode == 0
    after = _snapshot(whole)  # what a build that got past its atomic swap leaves
    assert after != before
    rng = random.Random(15)
    kills = 0
    for _ in range(8):
        proc = subprocess.Popen([*CHIDAO, "build", str(SAMPLE), "-w", str(ws)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.2))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=BOUND)
        now = _snapshot(ws)
        # killed before the swap: the previous workspace; after it (or finished): the new one, whole
        assert now == before or now == after
        if now == after:  # start again from the small workspace: built afresh, since an incremental
            shutil.rmtree(ws)  # build of one root keeps the files of the others
            run(["build", SAMPLE / "ben-tre", "-w", ws])
            assert _snapshot(ws) == before
    assert kills >= 3, "the builds all finished before the kill: raise the delays"
    p = run(["build", SAMPLE, "-w", ws])  # and the next build cleans up and succeeds
    assert p.returncode == 0 and not list(ws.glob("workspace.db.tmp-*"))


def test_a_second_build_refuses_with_one_line_while_one_runs(tmp_path):
    from chidao.graph.workspace import workspace_lock

    ws = tmp_path / "ws"
    assert run(["build", SAMPLE / "ben-tre", "-w", ws]).returncode == 0
    before = (ws / "workspace.db").read_bytes()
    with workspace_lock(ws):
        p = run(["build", SAMPLE, "-w", ws])
    assert p.returncode == 1
    assert err_lines(p) == [f"Error: workspace {ws} is being built by another chidao (pid {os.getpid()}): "
                            "try again when it has finished"]
    assert (ws / "workspace.db").read_bytes() == before


def test_two_builds_at_once_never_corrupt(tmp_path):
    ws = tmp_path / "ws"
    clean = tmp_path / "clean"
    assert run(["build", SAMPLE, "-w", clean]).returncode == 0
    for _ in range(3):
        procs = [subprocess.Popen([*CHIDAO, "build", str(SAMPLE), "-w", str(ws)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for _ in range(2)]
        outs = [(p.wait(timeout=BOUND), p.stderr.read().decode()) for p in procs]
        assert any(rc == 0 for rc, _ in outs), outs
        for rc, err in outs:
            assert rc == 0 or "is being built by another chidao" in err, err
        assert _snapshot(ws) == _snapshot(clean)


# -- a damaged, unwritable or full workspace ---------------------------------------------------------

COMMANDS = [["stats"], ["check"], ["search", "phòng chống"], ["show", "272-CV/TU"], ["implements", "272-CV/TU"],
            ["trace", "272-CV/TU"], ["basis", "272-CV/TU"], ["gaps", "272-CV/TU"], ["timeline", "272-CV/TU"],
            ["viz", "-o", "{tmp}/g.html"], ["export", "graphml", "{tmp}/g.graphml"], ["build", "{corpus}"]]


def _damage(db: Path, how: str, rng: random.Random) -> None:
    if how == "flips":
        data = bytearray(db.read_bytes())
        for _ in range(200):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        db.write_bytes(bytes(data))
    elif how == "truncated":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 3])
    elif how == "junk":
        db.write_bytes(os.urandom(4096))
    elif how in ("pickle", "json"):
        con = sqlite3.connect(db)
        with con:
            if how == "pickle":
                con.execute("UPDATE blobs SET data = ?", (b"\x80\x05junk",))
                con.execute("UPDATE qnodes SET attrs = ?", (b"\x80\x05junk",))  # the question index's nodes
            else:
                con.execute("UPDATE nodes SET attrs = '{\"label\": ' WHERE rowid % 3 = 0")
                con.execute("UPDATE edges SET attrs = 'not json'")
        con.close()
    elif how == "folder":
        db.unlink()
        db.mkdir()


@pytest.mark.parametrize("how", ["flips", "truncated", "junk", "pickle", "json", "folder"])
def test_a_damaged_workspace_is_one_line_on_every_command(tmp_path, how):
    ws = tmp_path / "ws"
    assert run(["build", SAMPLE / "ben-tre", "-w", ws]).returncode == 0
    _damage(ws / "workspace.db", how, random.Random(how))
    failed = 0
    for command in COMMANDS:
        args = [a.format(tmp=tmp_path, corpus=SAMPLE / "ben-tre") for a in command]
        p = run([*args[:1], *args[1:], "-w", ws] if args[0] != "export" else [*args, "-w", ws])
        assert_no_bug(p)
        if p.returncode != 0:
            failed += 1
            assert len(err_lines(p)) == 1, (args, p.stderr)
    # what every command reads is gone: all fail; a flip or a bad row fails those that read that part
    assert failed >= {"truncated": 6, "junk": 6, "folder": 6}.get(how, 0 if how == "flips" else 1)


@pytest.mark.skipif(as_nobody_reason() is not None, reason=str(as_nobody_reason()))
def test_a_read_only_workspace_folder_is_one_line(open_tmp):
    tmp_path = open_tmp
    ws = tmp_path / "ws"
    assert run(["build", SAMPLE / "ben-tre", "-w", ws]).returncode == 0
    os.chmod(ws, 0o555)
    os.chmod(ws / "workspace.db", 0o444)
    os.chmod(ws / "build.lock", 0o444)
    try:
        p = run(["build", SAMPLE, "-w", ws], user=nobody())
        q = run(["stats", "-w", ws], user=nobody())
    finally:
        os.chmod(ws, 0o755)
    assert_no_bug(p)
    assert p.returncode == 1 and len(err_lines(p)) == 1 and "cannot write the workspace" in p.stderr.decode()
    assert q.returncode == 0  # reading still works


def test_a_full_disk_is_one_line_and_leaves_the_previous_workspace(tmp_path):
    import resource

    ws = tmp_path / "ws"
    assert run(["build", SAMPLE / "ben-tre", "-w", ws]).returncode == 0
    before = _snapshot(ws)
    limit = (ws / "workspace.db").stat().st_size + 4096  # the next, larger build cannot be written

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    p = run(["build", SAMPLE, "-w", ws], preexec=small_disk)
    assert_no_bug(p)
    assert p.returncode == 1 and len(err_lines(p)) == 1, p.stderr
    assert "cannot write the workspace" in p.stderr.decode()
    assert _snapshot(ws) == before and not list(ws.glob("workspace.db.tmp-*"))


# -- servers, queries, spreadsheets ------------------------------------------------------------------

@pytest.mark.parametrize("uri, word", [
    ("bolt://user:SECRETPW@127.0.0.1:1", "cannot reach"),
    ("http://localhost:7474", "is not a Bolt URI"),
    ("bolt://localhost:abc", "port must be a number"),
    ("neo4j://user:SECRETPW@localhost:notaport", "port must be a number"),
])
def test_bad_or_unreachable_server_is_one_line_without_the_password(tmp_path, uri, word):
    ws = tmp_path / "ws"
    assert run(["build", SAMPLE / "ben-tre", "-w", ws]).returncode == 0
    for args in (["export", "neo4j", "-w", ws, "--uri", uri, "--password", "OTHERSECRET"],
                 ["cypher", "MATCH (n) RETURN n", "--uri", uri]):
        p = run(args, timeout=60)
        assert_no_bug(p)
        out = p.stdout + p.stderr
        assert p.returncode == 1 and b"SECRETPW" not in out and b"OTHERSECRET" not in out
        assert len(err_lines(p)) == 1 and word in p.stderr.decode(), p.stderr


@pytest.mark.parametrize("query", ["CREATE (n:X) RETURN n", "MATCH (n) DETACH DELETE n",
                                   "MATCH (n) SET n.x = 1 RETURN n", "merge (n {a: 1})",
                                   "MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS"])
def test_cypher_refuses_write_queries_before_connecting(query):
    p = run(["cypher", query, "--uri", "bolt://127.0.0.1:1"], timeout=60)
    assert p.returncode == 1 and err_lines(p)[0].startswith("Error: refused:"), p.stderr


def test_cypher_lets_read_queries_through():
    from chidao.outputs.neo4j import refuse_writes

    for q in ["MATCH (d:Document {symbol: 'CREATE'}) RETURN d.set AS x, d.offset",
              "MATCH (n) /* DELETE */ RETURN n // SET", "CALL db.labels()", "RETURN `DELETE` AS x",
              "MATCH (d) WHERE d.symbol STARTS WITH '07' RETURN d"]:
        refuse_writes(q)


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(capsys):
    import csv

    from chidao.cli import _emit

    cells = ['=HYPERLINK("http://x.invalid","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "07-KL/TW", "a=b"]
    _emit([{"c": c} for c in cells], ["c"], "csv")
    got = [row["c"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out, newline=""))]
    assert got == ["'" + c for c in cells[:6]] + cells[6:]


def test_viz_of_an_empty_ref_is_an_error(tmp_path):
    ws = tmp_path / "ws"
    assert run(["build", SAMPLE / "ben-tre", "-w", ws]).returncode == 0
    p = run(["viz", "", "-w", ws, "-o", tmp_path / "g.html"])
    assert p.returncode == 2 and not (tmp_path / "g.html").exists()
    assert "empty REF" in p.stderr.decode()


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the memory budget reads /proc (Linux)")
def test_the_memory_budget_measures_the_process_it_runs_in_also_after_a_fork():
    """_address_space keeps /proc/<pid>/statm open: a forked worker must read its own, not its parent's."""
    from chidao.loaders.batch import _address_space

    before = _address_space()
    block = bytearray(64 * 2**20)
    assert _address_space() - before >= 60 * 2**20
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child grows by 128 MiB more than its parent
        try:
            more = bytearray(128 * 2**20)
            os.write(write_end, str(_address_space() if len(more) else 0).encode())
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    child = int(os.read(read_end, 64))
    assert child - _address_space() >= 120 * 2**20
    del block


def _mark_done(path, folder=None):
    Path(folder, Path(path).name).touch()
    return path


def test_workers_stay_a_few_chunks_ahead_of_a_slow_reader(tmp_path):
    # Every chunk scheduled at once let results the build had not taken yet pile up in memory
    # (20,000 documents: 60 MB more at the build's peak).
    import functools

    from chidao.loaders.batch import _CHUNKS_AHEAD, parse_files

    done = tmp_path / "done"
    done.mkdir()
    results = parse_files([f"doc{i:05}" for i in range(4000)], jobs=2, chunksize=4,
                          worker=functools.partial(_mark_done, folder=done))
    assert next(results) == "doc00000"
    time.sleep(1.5)  # long enough for two workers to do all 4,000 if nothing held them back
    ahead = len(list(done.iterdir()))
    # the chunk being read, the ones scheduled ahead, and one more per worker that pebble may have taken
    assert 4 <= ahead <= (1 + _CHUNKS_AHEAD * 2 + 2) * 4
    assert sum(1 for _ in results) == 3999 and len(list(done.iterdir())) == 4000


_FORK_WHILE_IN_SQLITE = '''
import sqlite3, sys
import chidao.loaders.batch as batch

batch.DOCUMENTS_PER_WORKER = 1  # a new worker, forked by the pool's thread, for every path


def uses_sqlite(path):  # what a worker does with the gazetteer's database or the OCR cache
    con = sqlite3.connect(":memory:")
    return path, con.execute("SELECT 1").fetchone()[0]


con = sqlite3.connect(":memory:")  # the parent writing the new workspace, as a build does
con.execute("CREATE TABLE files (record TEXT)")
n = 0
for path, one in batch.parse_files([f"doc{i}" for i in range(int(sys.argv[1]))], jobs=2, chunksize=1,
                                   worker=uses_sqlite):
    with batch.fork_lock:
        con.executemany("INSERT INTO files VALUES (?)", [("x" * 3000,)] * 2000)
    n += one
print(n)
'''


def test_a_worker_forked_while_the_parent_is_inside_sqlite_does_not_hang(tmp_path):
    # SQLite's mutexes have no fork handlers: a worker forked by the pool's thread while the parent's
    # main thread was inside SQLite hung on its first SQLite call (a 100,000-document build stalled at 5
    # minutes). Without the fork lock this script hung in 3 runs of 3 at 200 paths; with it, it ends.
    script = tmp_path / "fork_in_sqlite.py"
    script.write_text(_FORK_WHILE_IN_SQLITE)
    p = subprocess.Popen([sys.executable, str(script), "200"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=BOUND)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)  # the hung workers too
        p.communicate()
        pytest.fail(f"parse_files hung: a worker forked while the parent was inside SQLite ({BOUND} s)")
    assert p.returncode == 0, err.decode()[-2000:]
    assert out.decode().strip() == "200"
