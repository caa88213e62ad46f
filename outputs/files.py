"""graph -> files another tool loads: a Cypher script, neo4j-admin CSV files, GraphML.

The labels, types and properties come from the export schema (``graph/schema.py``), shared with the
live Bolt export (``outputs/neo4j.py``). The text makers (``cypher_script``, ``csv_files``) are
generators with no I/O; the ``write_*`` functions only write what they yield, UTF-8, and turn an
``OSError`` into a one-line ``ChidaoError``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from ..graph.schema import (EDGE_KEY_PROPERTY, EDGE_PROPERTIES, LABELS, LEVEL_LABELS, NODE_LABELS, NODE_PROPERTIES,
                            REL_TYPES, WORKSPACE_PROPERTY, NodeRow, RelationshipRow, constraint_statements,
                            edge_properties, iter_nodes, iter_relationships, nfc as _nfc, node_labels,
                            node_properties, ownership_clause)
from ..loaders.errors import write_error

__all__ = ["LABELS", "NODE_LABELS", "LEVEL_LABELS", "REL_TYPES", "NODE_PROPERTIES", "EDGE_PROPERTIES",
           "WORKSPACE_PROPERTY", "EDGE_KEY_PROPERTY", "NodeRow", "RelationshipRow", "node_labels", "node_properties",
           "edge_properties", "iter_nodes", "iter_relationships", "ownership_clause", "constraint_statements",
           "cypher_string", "cypher_value", "cypher_script", "write_cypher_script", "csv_files", "write_csv",
           "graphml_graph", "write_graphml", "grass_style", "BATCH_SIZE", "CSV_FILES"]

BATCH_SIZE = 500

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
    for rel in iter_relationships(graph):
        rel_groups[(rel.type, rel.start_label, rel.end_label)].append(rel)
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
    try:
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for chunk in cypher_script(graph, workspace_id=workspace_id, batch_size=batch_size):
                f.write(chunk)
    except OSError as e:
        raise write_error(path, e) from None
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
    for rel in iter_relationships(graph):
        rels[rel.type].append(rel)
        rel.props[EDGE_KEY_PROPERTY] = rel.key
        rel.props[WORKSPACE_PROPERTY] = owners
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
    written = []
    path = directory
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in csv_files(graph, workspace_id=workspace_id):
            path = directory / name
            with path.open("w", encoding="utf-8", newline="") as f:  # the CSV text carries its own CRLF
                f.write(text)
            written.append(path)
    except OSError as e:
        raise write_error(path, e) from None
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
    try:
        nx.write_graphml(graphml_graph(graph), path, encoding="utf-8")
    except OSError as e:
        raise write_error(path, e) from None
    return path


# -- Neo4j Browser style ------------------------------------------------------------------------------
def grass_style() -> str:
    """The Neo4j Browser style shipped as package data (``outputs/neo4j-style.grass``): drag the file
    onto Neo4j Browser, or run ``:style`` and paste it."""
    from importlib.resources import files

    return files(__package__).joinpath("neo4j-style.grass").read_text(encoding="utf-8")
