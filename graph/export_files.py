"""graph -> files another tool loads: a Cypher script, neo4j-admin CSV files, GraphML.

This module also owns the one **property mapping** from the networkx graph to Neo4j, shared with the
live Bolt export (``graph/neo4j.py``), so a graph loaded by script, by CSV import or over Bolt holds
the same labels, types and properties:

``LABELS``, ``NODE_LABELS``, ``LEVEL_LABELS``
    The allow-list of node labels. A node's label is its ``label`` attribute (one of ``NODE_LABELS``);
    a Document with a known level also gets the level label ``Central``, ``Province``, ``District`` or
    ``Commune`` (``node_labels``), which the Neo4j Browser style (``neo4j-style.grass``) colours.
``REL_TYPES``
    The allow-list of relationship types (an edge's ``type`` attribute).
``NODE_PROPERTIES``, ``EDGE_PROPERTIES``
    The fixed property keys and their types, in neo4j-admin spelling (``string``, ``long``, ``double``,
    ``boolean``, ``string[]``). A key has one type on every label. An attribute not listed is not
    exported (tests check that the graph builder makes none).
``node_properties(graph, uid)``, ``edge_properties(attrs)``
    The property map of one node or edge: ``None`` and empty lists dropped (Neo4j stores no null, and
    an empty CSV field is "no property"), ints as long, floats as double (NaN and infinities dropped),
    lists as string lists (a dict inside, e.g. an unresolved citation, as compact JSON), dates kept as
    ISO text beside the integer ``day_number``. ``label`` is the node label and ``type`` the relationship
    type, not properties. Documents get ``search_text`` (``queries.search.search_text`` with the
    ISSUED_BY agency's name), which the search question's Cypher face reads. Strings are NFC (a
    server compares code points: NFD text would not equal an NFC parameter).
``WORKSPACE_PROPERTY`` (``chidao_ws``)
    On every node and relationship: the *list* of the workspace ids whose export wrote it, as the live
    export keeps it (two workspaces share nodes such as 07-KL/TW; ``'ws' IN n.chidao_ws`` selects one
    workspace's part). Not part of the maps below: each exporter adds its workspace to the list
    (``ownership_clause``; a CSV import writes the one-element list).
``EDGE_KEY_PROPERTY`` (``key``)
    A MultiDiGraph holds parallel edges (two citations of one document in two sentences): a
    relationship is merged on (start uid, type, end uid, ``key``), ``key`` being the networkx edge key.
``iter_nodes(graph)``, ``iter_relationships(graph)``, ``constraint_statements()``
    The rows every exporter writes, and the Neo4j 5 uniqueness constraints on ``uid``.

The text makers (``cypher_script``, ``csv_files``) are generators with no I/O; the ``write_*``
functions only write what they yield, UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..queries.search import search_text

__all__ = ["LABELS", "NODE_LABELS", "LEVEL_LABELS", "REL_TYPES", "NODE_PROPERTIES", "EDGE_PROPERTIES",
           "WORKSPACE_PROPERTY", "EDGE_KEY_PROPERTY", "NodeRow", "RelationshipRow", "node_labels", "node_properties",
           "edge_properties", "iter_nodes", "iter_relationships", "ownership_clause", "constraint_statements",
           "cypher_string", "cypher_value", "cypher_script", "write_cypher_script", "csv_files", "write_csv",
           "graphml_graph", "write_graphml", "grass_style", "BATCH_SIZE", "CSV_FILES"]

# -- the allow-lists ----------------------------------------------------------------------------------
NODE_LABELS = ("Document", "Agency", "Place", "Person", "Source")
LEVEL_LABELS = {"central": "Central", "province": "Province", "district": "District", "commune": "Commune"}
LABELS = NODE_LABELS + tuple(LEVEL_LABELS.values())
REL_TYPES = ("ISSUED_BY", "ADDRESSED_TO", "COPIED_TO", "SIGNED_BY", "PART_OF", "LOCATED_IN", "IMPLEMENTS",
             "BASED_ON", "RESPONDS_TO", "FOLLOWS_UP", "REPLIES_TO", "AMENDS", "REPLACES", "REPEALS", "CITES",
             "MENTIONS")

WORKSPACE_PROPERTY = "chidao_ws"
EDGE_KEY_PROPERTY = "key"

# -- the property keys and their types (neo4j-admin header spelling) ------------------------------------
NODE_PROPERTIES: dict[str, str] = {
    "uid": "string",
    # Document
    "kind": "string", "doc_type": "string", "number": "string", "symbol": "string",
    "date": "string",            # ISO text "2021-05-10" (FalkorDB crashes returning native dates)
    "date_precision": "string", "year": "long", "year_inferred": "boolean",
    "day_number": "long",        # days since 0001-01-01: lag arithmetic on every server
    "subject": "string", "scope": "string", "level": "string", "province": "string", "district": "string",
    "commune": "string", "issuer_uid": "string", "issuer_as_written": "string", "path": "string",
    "sha256": "string", "stub": "boolean", "conflicts_with": "string",
    "warnings": "string[]", "addressed_to_unresolved": "string[]", "copied_to_unresolved": "string[]",
    "duplicate_paths": "string[]",
    "unresolved": "string[]",    # citations that found no document, each a JSON object
    "search_text": "string",     # queries.search.search_text: derived at export
    # Agency, Place, Person
    "name": "string", "parent_uid": "string", "place_uid": "string", "code": "string",
    "full_name": "string", "unit_type": "string", "lat": "double", "lon": "double",
    WORKSPACE_PROPERTY: "string[]",
}
EDGE_PROPERTIES: dict[str, str] = {
    EDGE_KEY_PROPERTY: "long",
    # citation links (evidence)
    "cue": "string", "citing": "string", "path": "string", "sha256": "string", "text": "string",
    "sentence": "string", "start": "long", "end": "long", "version": "string", "via_uid": "string",
    "candidates": "string[]",
    # ADDRESSED_TO, COPIED_TO, SIGNED_BY
    "as_written": "string", "expanded_from": "string", "title": "string",
    WORKSPACE_PROPERTY: "string[]",
}
# Set by the exporters, not read from the graph's attributes.
_EXPORTER_KEYS = frozenset({WORKSPACE_PROPERTY, EDGE_KEY_PROPERTY, "search_text"})

BATCH_SIZE = 500


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _convert(value, kind: str):
    """A graph attribute as a property value of the given type, or None when it is to be left out."""
    if value is None:
        return None
    if kind == "string":
        return _nfc(value if isinstance(value, str) else str(value))
    if kind == "long":
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "double":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return None
        return float(value)
    if kind == "boolean":
        return bool(value)
    if kind == "string[]":
        items = [value] if isinstance(value, (str, dict)) else list(value)
        out = [_nfc(x if isinstance(x, str)
                    else json.dumps(x, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str))
               for x in items if x is not None]
        return out or None
    raise ValueError(f"unknown property type {kind!r}")


def node_labels(graph: nx.MultiDiGraph, uid: str) -> tuple[str, ...]:
    """The node's labels: its ``label`` and, for a Document with a known level, the level label.

    Raises ValueError for a label outside the allow-list (it would otherwise reach Cypher text).
    """
    attrs = graph.nodes[uid]
    label = attrs.get("label")
    if label not in NODE_LABELS:
        raise ValueError(f"node {uid!r} has label {label!r}, not one of {', '.join(NODE_LABELS)}")
    level = LEVEL_LABELS.get(attrs.get("level")) if label == "Document" else None
    return (label, level) if level else (label,)


def _issuer_name(graph: nx.MultiDiGraph, uid: str) -> str | None:
    for _, target, data in graph.out_edges(uid, data=True):
        if data.get("type") == "ISSUED_BY" and graph.nodes[target].get("label") == "Agency":
            return graph.nodes[target].get("name")
    return None


def node_properties(graph: nx.MultiDiGraph, uid: str) -> dict:
    """The Neo4j property map of one node (``chidao_ws`` apart: see ``ownership_clause``).

    Keys come from ``NODE_PROPERTIES`` only, in its order; ``uid`` is always there. A Document also
    gets ``search_text`` made from its attributes and its ISSUED_BY agency's name.
    """
    attrs = graph.nodes[uid]
    props = {"uid": uid}
    for key, kind in NODE_PROPERTIES.items():
        if key in _EXPORTER_KEYS or key == "uid":
            continue
        value = _convert(attrs.get(key), kind)
        if value is not None:
            props[key] = value
    if attrs.get("label") == "Document":
        props["search_text"] = _nfc(search_text(attrs, _issuer_name(graph, uid)))
    return props


def edge_properties(attrs: dict) -> dict:
    """The Neo4j property map of one edge's attributes (``type`` is the relationship type; ``key`` and
    ``chidao_ws`` are added by the exporter: see ``RelationshipRow`` and ``ownership_clause``)."""
    props = {}
    for key, kind in EDGE_PROPERTIES.items():
        if key in _EXPORTER_KEYS:
            continue
        value = _convert(attrs.get(key), kind)
        if value is not None:
            props[key] = value
    return props


@dataclass(frozen=True)
class NodeRow:
    uid: str
    labels: tuple[str, ...]   # the main label first
    props: dict               # node_properties


@dataclass(frozen=True)
class RelationshipRow:
    start: str
    start_label: str
    type: str
    end: str
    end_label: str
    key: int                  # the networkx edge key, merged on as the property ``key``
    props: dict               # edge_properties


def iter_nodes(graph: nx.MultiDiGraph) -> Iterator[NodeRow]:
    """Every node as a row, in graph order (labels checked against the allow-list)."""
    for uid in graph.nodes:
        yield NodeRow(uid, node_labels(graph, uid), node_properties(graph, uid))


def iter_relationships(graph: nx.MultiDiGraph) -> Iterator[RelationshipRow]:
    """Every edge as a row, in graph order (types checked against the allow-list)."""
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        rel_type = attrs.get("type")
        if rel_type not in REL_TYPES:
            raise ValueError(f"edge {u!r} -> {v!r} has type {rel_type!r}, not in REL_TYPES")
        yield RelationshipRow(u, node_labels(graph, u)[0], rel_type, v, node_labels(graph, v)[0], int(k),
                              edge_properties(attrs))


def ownership_clause(var: str, workspace: str) -> str:
    """A SET item adding a workspace once to ``var.chidao_ws``; workspace is Cypher text: a parameter
    (``$ws``) over Bolt, a literal (``cypher_string(ws)``) in a script. var must be an identifier."""
    if not re.fullmatch(r"[a-z]\w*", var):
        raise ValueError(f"not a variable: {var!r}")
    return (f"{var}.`{WORKSPACE_PROPERTY}` = [x IN coalesce({var}.`{WORKSPACE_PROPERTY}`, []) "
            f"WHERE x <> {workspace}] + [{workspace}]")


def constraint_statements() -> list[str]:
    """Neo4j 5 uniqueness constraints on ``uid``, one per main label (each ends with ';')."""
    return [f"CREATE CONSTRAINT {label.lower()}_uid IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.uid IS UNIQUE;"
            for label in NODE_LABELS]


# -- Cypher literals ------------------------------------------------------------------------------------
_NAMED_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Backslash and quote end or bend a literal; control characters, the Unicode line separators and lone
# surrogates are written as \uXXXX so a literal is one line of valid UTF-8.
_TO_ESCAPE = re.compile("[\\\\'\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape_char(m: re.Match) -> str:
    ch = m.group()
    return _NAMED_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def cypher_string(text: str) -> str:
    r"""A single-quoted Cypher string literal that holds text exactly and cannot end early.

    >>> print(cypher_string("x'}) DETACH DELETE n //\n\\"))
    'x\'}) DETACH DELETE n //\n\\'
    """
    return "'" + _TO_ESCAPE.sub(_escape_char, text) + "'"


def _cypher_float(x: float) -> str:
    text = repr(x)
    if "e" in text:  # 1e-05 -> 1.0E-5: Cypher wants digits before E and no '+'
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        text = f"{mantissa}E{int(exponent)}"
    return text


def cypher_value(value) -> str:
    """A Cypher literal for a property value (str, bool, int, finite float, list, dict with safe keys)."""
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no Cypher literal for {value!r}")
        return _cypher_float(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_value(x) for x in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {cypher_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


_ROW_KEYS = frozenset({"uid", "props", "start_uid", "end_uid", "rel_key"})
_ALLOWED_KEYS = frozenset(NODE_PROPERTIES) | frozenset(EDGE_PROPERTIES) | _ROW_KEYS


def _key(key: str) -> str:
    """A backquoted map key, from the fixed set only."""
    if key not in _ALLOWED_KEYS:
        raise ValueError(f"property key {key!r} is not in the fixed set")
    return f"`{key}`"


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def cypher_script(graph: nx.MultiDiGraph, *, workspace_id: str, batch_size: int = BATCH_SIZE) -> Iterator[str]:
    """The text of a Cypher script that loads graph into Neo4j 5, in chunks (each ends with a newline).

    Constraints first, then nodes grouped by labels and relationships grouped by (start label, type,
    end label), ``batch_size`` rows per ``UNWIND [...] AS row MERGE ...`` statement. Every value is a
    literal made by ``cypher_value``; labels, types and keys come from the allow-lists. MERGE on uid
    (and on ``key`` for relationships) makes a second run add nothing; the workspace joins each
    ``chidao_ws`` list once.
    """
    ws = cypher_string(_nfc(str(workspace_id)))
    yield ("// chidao graph export: load with `cypher-shell -f FILE` or paste into Neo4j Browser\n"
           "// (multi-statement editor). Neo4j 5. Constraints first; MERGE on uid: running it twice\n"
           f"// adds nothing. {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships.\n")
    for statement in constraint_statements():
        yield statement + "\n"

    groups: dict[tuple, list[NodeRow]] = defaultdict(list)
    for row in iter_nodes(graph):
        groups[row.labels].append(row)
    for labels in sorted(groups, key=lambda ls: (NODE_LABELS.index(ls[0]), ls)):
        extra = "".join(f", n:`{label}`" for label in labels[1:])
        for batch in _batches(groups[labels], batch_size):
            yield "UNWIND [\n"
            yield ",\n".join(cypher_value({"uid": r.uid, "props": r.props}) for r in batch)
            yield (f"\n] AS row\nMERGE (n:`{labels[0]}` {{uid: row.uid}})\n"
                   f"SET n += row.props, {ownership_clause('n', ws)}{extra};\n")

    rel_groups: dict[tuple, list[RelationshipRow]] = defaultdict(list)
    for row in iter_relationships(graph):
        rel_groups[(row.type, row.start_label, row.end_label)].append(row)
    for rel_type, start_label, end_label in sorted(rel_groups, key=lambda g: (REL_TYPES.index(g[0]), g)):
        for batch in _batches(rel_groups[(rel_type, start_label, end_label)], batch_size):
            yield "UNWIND [\n"
            yield ",\n".join(cypher_value({"start_uid": r.start, "end_uid": r.end, "rel_key": r.key,
                                           "props": r.props}) for r in batch)
            yield (f"\n] AS row\nMATCH (a:`{start_label}` {{uid: row.start_uid}})\n"
                   f"MATCH (b:`{end_label}` {{uid: row.end_uid}})\n"
                   f"MERGE (a)-[r:`{rel_type}` {{`{EDGE_KEY_PROPERTY}`: row.rel_key}}]->(b)\n"
                   f"SET r += row.props, {ownership_clause('r', ws)};\n")


def write_cypher_script(graph: nx.MultiDiGraph, path, *, workspace_id: str, batch_size: int = BATCH_SIZE) -> Path:
    """Write ``cypher_script`` to path (UTF-8, LF line ends); returns the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for chunk in cypher_script(graph, workspace_id=workspace_id, batch_size=batch_size):
            f.write(chunk)
    return path


# -- neo4j-admin CSV ------------------------------------------------------------------------------------
CSV_FILES = {
    "Document": "documents.csv", "Agency": "agencies.csv", "Place": "places.csv", "Person": "persons.csv",
    "Source": "sources.csv", **{t: f"rel_{t.lower()}.csv" for t in REL_TYPES},
}
# The first delimiter that no array element holds (neo4j-admin cannot escape one inside an element);
# the README written beside the files names the one used.
_ARRAY_DELIMITERS = (";", "|", "\x1f")


def _header(key: str, kind: str) -> str:
    return key if kind == "string" else f"{key}:{kind}"


def _csv_field(value, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string[]":
        return delimiter.join(value)
    if kind == "double":
        return repr(value)
    return str(value)


def _text(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)  # RFC 4180
    writer.writerows(rows)
    return buffer.getvalue()


def _pick_delimiter(rows: Iterable[dict], schema: dict) -> str:
    arrays = [key for key, kind in schema.items() if kind == "string[]"]
    used = {ch for props in rows for key in arrays for item in props.get(key) or () for ch in _ARRAY_DELIMITERS
            if ch in item}
    for ch in _ARRAY_DELIMITERS:
        if ch not in used:
            return ch
    raise ValueError("every array delimiter occurs inside an array element")


def _delimiter_option(ch: str) -> str:
    return f"'{ch}'" if ch.isprintable() else f"'U+{ord(ch):04X}'"


def csv_files(graph: nx.MultiDiGraph, *, workspace_id: str) -> Iterator[tuple[str, str]]:
    """(file name, text) for every neo4j-admin CSV file, then ``constraints.cypher`` and ``README.md``.

    One nodes file per main label with ``uid:ID`` (one global id space, the id also stored as ``uid``),
    ``:LABEL`` (all labels, level label included) and the typed property columns that occur on that
    label; one relationships file per type with ``:START_ID``, ``:END_ID``, ``:TYPE`` and properties.
    Only labels and types that occur get a file.
    """
    owners = [_nfc(str(workspace_id))]
    nodes: dict[str, list[NodeRow]] = defaultdict(list)
    for row in iter_nodes(graph):
        nodes[row.labels[0]].append(row)
        row.props[WORKSPACE_PROPERTY] = owners  # rows made for this call only
    rels: dict[str, list[RelationshipRow]] = defaultdict(list)
    for row in iter_relationships(graph):
        rels[row.type].append(row)
        row.props[EDGE_KEY_PROPERTY] = row.key
        row.props[WORKSPACE_PROPERTY] = owners
    delimiter = _pick_delimiter([r.props for rows in nodes.values() for r in rows]
                                + [r.props for rows in rels.values() for r in rows],
                                {**NODE_PROPERTIES, **EDGE_PROPERTIES})
    node_args, rel_args = [], []
    for label in NODE_LABELS:
        if label not in nodes:
            continue
        keys = [k for k in NODE_PROPERTIES if k != "uid" and any(k in r.props for r in nodes[label])]
        header = ["uid:ID", ":LABEL", *(_header(k, NODE_PROPERTIES[k]) for k in keys)]
        body = ([r.uid, delimiter.join(r.labels),
                 *(_csv_field(r.props.get(k), NODE_PROPERTIES[k], delimiter) for k in keys)] for r in nodes[label])
        yield CSV_FILES[label], _text([header, *body])
        node_args.append(f"--nodes={label}={CSV_FILES[label]}")
    for rel_type in REL_TYPES:
        if rel_type not in rels:
            continue
        keys = [k for k in EDGE_PROPERTIES if any(k in r.props for r in rels[rel_type])]  # key first
        header = [":START_ID", ":END_ID", ":TYPE", *(_header(k, EDGE_PROPERTIES[k]) for k in keys)]
        body = ([r.start, r.end, r.type, *(_csv_field(r.props.get(k), EDGE_PROPERTIES[k], delimiter) for k in keys)]
                for r in rels[rel_type])
        yield CSV_FILES[rel_type], _text([header, *body])
        rel_args.append(f"--relationships={rel_type}={CSV_FILES[rel_type]}")
    yield "constraints.cypher", "\n".join(constraint_statements()) + "\n"
    yield "README.md", _csv_readme(node_args, rel_args, delimiter, graph)


def _csv_readme(node_args: list[str], rel_args: list[str], delimiter: str, graph: nx.MultiDiGraph) -> str:
    command = " \\\n    ".join(["neo4j-admin database import full neo4j", *node_args, *rel_args,
                                f"--array-delimiter={_delimiter_option(delimiter)}", "--multiline-fields=true",
                                "--overwrite-destination=true"])
    return f"""# chidao graph: neo4j-admin import files

{graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships, UTF-8, RFC 4180 quoting
(fields with a comma, quote or line break are quoted, quotes doubled), one nodes file per label and one
relationships file per type. Node ids are the chidao uids, in one global id space (`uid:ID`, also stored
as the `uid` property). Arrays use the delimiter {_delimiter_option(delimiter)}; dates are ISO text
(`date`) beside an integer `day_number`; `chidao_ws` names the workspace.

## Import (Neo4j 5)

Stop the database first (`neo4j stop`, or the DBMS in Neo4j Desktop), then run from this directory:

```sh
{command}
```

This is the Neo4j 5 syntax (`neo4j-admin database import full`); from 5.19 the database name must come
before the options, as here. Neo4j 4.4 spells it `neo4j-admin import --database=neo4j ...` with the same
file options. `--overwrite-destination=true` replaces the database `neo4j`: drop it to keep an existing
one (the import then refuses a non-empty database). `--multiline-fields=true` is needed because document
sentences can hold line breaks. In Docker, put these files under the container's `/import` volume and
run the command inside the container (`docker exec`).

## After the import

Start the database, then create the uniqueness constraints (neo4j-admin import makes none):

```sh
cypher-shell -u neo4j -p PASSWORD -f constraints.cypher
```
"""


def write_csv(graph: nx.MultiDiGraph, directory, *, workspace_id: str) -> list[Path]:
    """Write the CSV files, ``constraints.cypher`` and ``README.md`` into directory (created if needed)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_files(graph, workspace_id=workspace_id):
        path = directory / name
        with path.open("w", encoding="utf-8", newline="") as f:  # the CSV text carries its own CRLF
            f.write(text)
        written.append(path)
    return written


# -- GraphML (Gephi) ------------------------------------------------------------------------------------
# XML 1.0 cannot hold these characters at all, not even as references: they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _graphml_value(value):
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(x) for x in value)
    if isinstance(value, str):
        return _NOT_XML.sub("\ufffd", value)
    return value


def graphml_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of graph that networkx's GraphML writer takes: the exported properties (``search_text``
    left out), None dropped, lists joined with "; ", characters XML 1.0 forbids (NUL and most other C0
    controls) replaced by U+FFFD, plus ``label``, ``name`` (the symbol of a Document,
    else the name; the uid when neither) on nodes and ``type`` on edges."""
    out = nx.MultiDiGraph()
    for uid in graph.nodes:
        attrs = graph.nodes[uid]
        props = {k: _graphml_value(v) for k, v in node_properties(graph, uid).items() if k != "search_text"}
        props["label"] = node_labels(graph, uid)[0]
        props["name"] = attrs.get("symbol") or attrs.get("name") or uid
        out.add_node(uid, **props)
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        rel_type = attrs.get("type")
        if rel_type not in REL_TYPES:
            raise ValueError(f"edge {u!r} -> {v!r} has type {rel_type!r}, not in REL_TYPES")
        props = {key: _graphml_value(value) for key, value in edge_properties(attrs).items()}
        out.add_edge(u, v, key=k, type=rel_type, **props)
    return out


def write_graphml(graph: nx.MultiDiGraph, path) -> Path:
    """Write graph as GraphML (UTF-8) for Gephi; returns the path."""
    path = Path(path)
    nx.write_graphml(graphml_graph(graph), path, encoding="utf-8")
    return path


# -- Neo4j Browser style ------------------------------------------------------------------------------
def grass_style() -> str:
    """The Neo4j Browser style shipped as package data (``graph/neo4j-style.grass``): drag the file
    onto Neo4j Browser, or run ``:style`` and paste it."""
    from importlib.resources import files

    return files(__package__).joinpath("neo4j-style.grass").read_text(encoding="utf-8")
