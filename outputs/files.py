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
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO
from pathlib import Path

import networkx as nx

from ..graph.schema import (EDGE_KEY_PROPERTY, EDGE_PROPERTIES, LABELS, LEVEL_LABELS, NODE_LABELS, NODE_PROPERTIES,
                            REL_TYPES, WORKSPACE_PROPERTY, NodeRow, RelationshipRow, constraint_statements,
                            edge_properties, iter_nodes, iter_relationships, nfc as _nfc, node_labels,
                            node_properties, ownership_clause)
from ..graph.rows import rows_of
from ..loaders.errors import write_error

__all__ = ["LABELS", "NODE_LABELS", "LEVEL_LABELS", "REL_TYPES", "NODE_PROPERTIES", "EDGE_PROPERTIES",
           "WORKSPACE_PROPERTY", "EDGE_KEY_PROPERTY", "NodeRow", "RelationshipRow", "node_labels", "node_properties",
           "edge_properties", "iter_nodes", "iter_relationships", "ownership_clause", "constraint_statements",
           "cypher_string", "cypher_value", "spreadsheet_safe", "cypher_script", "write_cypher_script", "csv_files",
           "write_csv", "graphml_graph", "graphml_text", "write_graphml", "grass_style", "BATCH_SIZE", "CSV_FILES"]

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


class _Spill:
    """Rows grouped by a key, each group's lines in a temporary file (one line per row): the export
    writes groups one after another in constant memory, in the order rows arrived within a group."""

    def __init__(self):
        self.files: dict[tuple, IO[str]] = {}
        self.counts: dict[tuple, int] = defaultdict(int)

    def add(self, key: tuple, line: str) -> None:
        f = self.files.get(key)
        if f is None:
            f = self.files[key] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
        f.write(line)
        f.write("\n")
        self.counts[key] += 1

    def lines(self, key: tuple) -> Iterator[str]:
        f = self.files[key]
        f.seek(0)
        for line in f:
            yield line[:-1]

    def close(self) -> None:
        for f in self.files.values():
            f.close()


def cypher_script(graph, *, workspace_id: str, batch_size: int = BATCH_SIZE) -> Iterator[str]:
    """The text of a Cypher script that loads graph into Neo4j 5, in chunks (each ends with a newline).

    graph is a networkx graph or a rows source (``graph.rows.WorkspaceRows``: streamed from the
    workspace, in constant memory). Constraints first, then nodes grouped by labels and relationships
    grouped by (start label, type, end label), ``batch_size`` rows per ``UNWIND [...] AS row MERGE ...``
    statement. Every value is a literal made by ``cypher_value`` (one line: line breaks are escaped);
    labels, types and keys come from the allow-lists. MERGE on uid (and on ``key`` for relationships)
    makes a second run add nothing; the workspace joins each ``chidao_ws`` list once.
    """
    source = rows_of(graph)
    ws = cypher_string(_nfc(str(workspace_id)))
    yield ("// chidao graph export: load with `cypher-shell -f FILE` or paste into Neo4j Browser\n"
           "// (multi-statement editor). Neo4j 5. Constraints first; MERGE on uid: running it twice\n"
           f"// adds nothing. {source.number_of_nodes()} nodes, {source.number_of_edges()} relationships.\n")
    for statement in constraint_statements():
        yield statement + "\n"

    groups = _Spill()
    try:
        for row in source.nodes():
            groups.add(row.labels, cypher_value({"uid": row.uid, "props": row.props}))
        for labels in sorted(groups.files, key=lambda ls: (NODE_LABELS.index(ls[0]), ls)):
            extra = "".join(f", n:`{label}`" for label in labels[1:])
            for batch in _batches(groups.lines(labels), batch_size):
                yield "UNWIND [\n"
                yield ",\n".join(batch)
                yield (f"\n] AS row\nMERGE (n:`{labels[0]}` {{uid: row.uid}})\n"
                       f"SET n += row.props, {ownership_clause('n', ws)}{extra};\n")
    finally:
        groups.close()

    rel_groups = _Spill()
    try:
        for rel in source.relationships():
            rel_groups.add((rel.type, rel.start_label, rel.end_label),
                           cypher_value({"start_uid": rel.start, "end_uid": rel.end, "rel_key": rel.key,
                                         "props": rel.props}))
        for rel_type, start_label, end_label in sorted(rel_groups.files, key=lambda g: (REL_TYPES.index(g[0]), g)):
            for batch in _batches(rel_groups.lines((rel_type, start_label, end_label)), batch_size):
                yield "UNWIND [\n"
                yield ",\n".join(batch)
                yield (f"\n] AS row\nMATCH (a:`{start_label}` {{uid: row.start_uid}})\n"
                       f"MATCH (b:`{end_label}` {{uid: row.end_uid}})\n"
                       f"MERGE (a)-[r:`{rel_type}` {{`{EDGE_KEY_PROPERTY}`: row.rel_key}}]->(b)\n"
                       f"SET r += row.props, {ownership_clause('r', ws)};\n")
    finally:
        rel_groups.close()


def write_cypher_script(graph, path, *, workspace_id: str, batch_size: int = BATCH_SIZE) -> Path:
    """Write ``cypher_script`` (graph: a networkx graph or a rows source) to path (UTF-8, LF line ends)."""
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


def _pick_delimiter(used: set[str]) -> str:
    for ch in _ARRAY_DELIMITERS:
        if ch not in used:
            return ch
    raise ValueError("every array delimiter occurs inside an array element")


def _array_chars(props: dict, arrays: tuple[str, ...]) -> set[str]:
    return {ch for key in arrays for item in props.get(key) or () for ch in _ARRAY_DELIMITERS if ch in item}


def _delimiter_option(ch: str) -> str:
    return f"'{ch}'" if ch.isprintable() else f"'U+{ord(ch):04X}'"


def _csv_tables(source, workspace_id: str, open_file) -> list[str]:
    """Write every neo4j-admin CSV file, ``constraints.cypher`` and ``README.md`` through
    ``open_file(name)`` (a text file, closed here); returns the names in order.

    Two passes over the rows, none held: the first finds which property columns occur on each label
    and type and which array delimiter no element holds, the second writes the rows.
    """
    owners = [_nfc(str(workspace_id))]
    node_arrays = tuple(k for k, kind in NODE_PROPERTIES.items() if kind == "string[]")
    edge_arrays = tuple(k for k, kind in EDGE_PROPERTIES.items() if kind == "string[]")
    node_keys: dict[str, set[str]] = {}
    rel_keys: dict[str, set[str]] = {}
    used = set(ch for ch in _ARRAY_DELIMITERS if ch in owners[0])
    for row in source.nodes():
        node_keys.setdefault(row.labels[0], set()).update(row.props)
        used |= _array_chars(row.props, node_arrays)
    for rel in source.relationships():
        rel_keys.setdefault(rel.type, set()).update(rel.props)
        used |= _array_chars(rel.props, edge_arrays)
    delimiter = _pick_delimiter(used)
    for key_set in node_keys.values():
        key_set.add(WORKSPACE_PROPERTY)
    for key_set in rel_keys.values():
        key_set.update((EDGE_KEY_PROPERTY, WORKSPACE_PROPERTY))

    names: list[str] = []
    node_args: list[str] = []
    rel_args: list[str] = []
    files, writers, columns = {}, {}, {}
    try:
        for label in NODE_LABELS:
            if label not in node_keys:
                continue
            keys = [k for k in NODE_PROPERTIES if k != "uid" and k in node_keys[label]]
            files[label] = f = open_file(CSV_FILES[label])
            writers[label] = csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)  # RFC 4180
            writers[label].writerow(["uid:ID", ":LABEL", *(_header(k, NODE_PROPERTIES[k]) for k in keys)])
            columns[label] = keys
            names.append(CSV_FILES[label])
            node_args.append(f"--nodes={label}={CSV_FILES[label]}")
        for rel_type in REL_TYPES:
            if rel_type not in rel_keys:
                continue
            keys = [k for k in EDGE_PROPERTIES if k in rel_keys[rel_type]]  # key first
            files[rel_type] = f = open_file(CSV_FILES[rel_type])
            writers[rel_type] = csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
            writers[rel_type].writerow([":START_ID", ":END_ID", ":TYPE",
                                        *(_header(k, EDGE_PROPERTIES[k]) for k in keys)])
            columns[rel_type] = keys
            names.append(CSV_FILES[rel_type])
            rel_args.append(f"--relationships={rel_type}={CSV_FILES[rel_type]}")
        for r in source.nodes():
            label = r.labels[0]
            r.props[WORKSPACE_PROPERTY] = owners  # rows made for this call only
            writers[label].writerow([r.uid, delimiter.join(r.labels),
                                     *(_csv_field(r.props.get(k), NODE_PROPERTIES[k], delimiter)
                                       for k in columns[label])])
        for r in source.relationships():
            r.props[EDGE_KEY_PROPERTY] = r.key
            r.props[WORKSPACE_PROPERTY] = owners
            writers[r.type].writerow([r.start, r.end, r.type, *(_csv_field(r.props.get(k), EDGE_PROPERTIES[k], delimiter)
                                                                 for k in columns[r.type])])
    finally:
        for f in files.values():
            f.close()
    for name, text in (("constraints.cypher", "\n".join(constraint_statements()) + "\n"),
                       ("README.md", _csv_readme(node_args, rel_args, delimiter, source))):
        f = open_file(name)
        try:
            f.write(text)
        finally:
            f.close()
        names.append(name)
    return names


class _Text(io.StringIO):
    def close(self):  # kept readable after _csv_tables closes it
        pass


def csv_files(graph, *, workspace_id: str) -> Iterator[tuple[str, str]]:
    """(file name, text) for every neo4j-admin CSV file, then ``constraints.cypher`` and ``README.md``.

    One nodes file per main label with ``uid:ID`` (one global id space, the id also stored as ``uid``),
    ``:LABEL`` (all labels, level label included) and the typed property columns that occur on that
    label; one relationships file per type with ``:START_ID``, ``:END_ID``, ``:TYPE`` and properties.
    Only labels and types that occur get a file. (In memory: ``write_csv`` streams to files.)
    """
    texts: dict[str, _Text] = {}

    def open_text(name):
        texts[name] = _Text()
        return texts[name]

    for name in _csv_tables(rows_of(graph), workspace_id, open_text):
        yield name, texts[name].getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) from a
# document's text would be a link, +/-/@ start formulas too; tab and CR hide the start).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_rows_csv(rows: Iterable[dict], columns: list[str], stream: IO[str], *, excel: bool = False) -> None:
    """A question's rows as CSV on ``stream``: RFC 4180 line ends (a CR inside a cell is quoted too), every
    cell as the tables show it and safe for a spreadsheet; ``excel`` starts with a byte-order mark so that
    Excel reads UTF-8."""
    from .render import cell

    if excel:
        stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:  # document text that looks like a formula is neutralised (OWASP: CSV injection)
        writer.writerow({k: spreadsheet_safe(cell(row.get(k))) for k in columns})


def spreadsheet_safe(value: str) -> str:
    r"""A CSV cell a spreadsheet shows as text: OWASP's advice, a leading ``'`` before a cell that
    starts like a formula (the quote is not shown by Excel, LibreOffice or Sheets).

    >>> spreadsheet_safe('=HYPERLINK("http://x","y")'), spreadsheet_safe("- Căn cứ"), spreadsheet_safe("07-KL/TW")
    ('\'=HYPERLINK("http://x","y")', "'- Căn cứ", '07-KL/TW')
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_readme(node_args: list[str], rel_args: list[str], delimiter: str, graph) -> str:
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
file options. These files are for the import, not for a spreadsheet: values are exactly as in the
graph, so a text starting with `=`, `+`, `-` or `@` is not neutralised here (`chidao <question> --csv`
output is). `--overwrite-destination=true` replaces the database `neo4j`: drop it to keep an existing
one (the import then refuses a non-empty database). `--multiline-fields=true` is needed because document
sentences can hold line breaks. In Docker, put these files under the container's `/import` volume and
run the command inside the container (`docker exec`).

## After the import

Start the database, then create the uniqueness constraints (neo4j-admin import makes none):

```sh
cypher-shell -u neo4j -p PASSWORD -f constraints.cypher
```
"""


def write_csv(graph, directory, *, workspace_id: str) -> list[Path]:
    """Write the CSV files, ``constraints.cypher`` and ``README.md`` into directory (created if needed).

    graph is a networkx graph or a rows source (``graph.rows.WorkspaceRows``: constant memory)."""
    directory = Path(directory)
    state = {"path": directory}

    def open_file(name):
        state["path"] = directory / name
        return state["path"].open("w", encoding="utf-8", newline="")  # the CSV text carries its own CRLF

    try:
        directory.mkdir(parents=True, exist_ok=True)
        names = _csv_tables(rows_of(graph), workspace_id, open_file)
    except OSError as e:
        raise write_error(state["path"], e) from None
    return [directory / name for name in names]


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


def _graphml_node(row: NodeRow, attrs: dict) -> dict:
    props = {k: _graphml_value(v) for k, v in row.props.items() if k != "search_text"}
    props["label"] = row.labels[0]
    props["name"] = attrs.get("symbol") or attrs.get("name") or row.uid
    return props


def _graphml_edge(rel: RelationshipRow) -> dict:
    return {"type": rel.type, **{key: _graphml_value(value) for key, value in rel.props.items()}}


def graphml_text(graph) -> Iterator[str]:
    """The GraphML text (in chunks) of ``graphml_graph(graph)`` as networkx's writer makes it, streamed:
    graph is a networkx graph or a rows source (``graph.rows.WorkspaceRows``).

    Two passes over the rows: networkx declares every ``<key>`` (one per property name, type and
    node/edge scope, numbered as first met, the last first) before the first node, so the first pass
    finds them and the second writes each node and edge with ElementTree's own escaping.
    """
    from xml.etree.ElementTree import Element as RootElement, tostring as root_text
    try:  # networkx writes with lxml when it is installed: the same serializer gives the same escapes
        from lxml.etree import Element, SubElement, tostring  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - lxml comes with most installs
        from xml.etree.ElementTree import Element, SubElement, tostring

    source = rows_of(graph)
    types = nx.readwrite.graphml.GraphMLWriter()  # networkx's Python type -> GraphML type table
    keys: dict[tuple[str, str, str], str] = {}

    def key(name, value, scope):
        k = (name, types.get_xml_type(type(value)), scope)
        found = keys.get(k)
        if found is None:
            found = keys[k] = f"d{len(keys)}"
        return found

    for row, attrs in source.nodes_with_attrs():
        for name, value in _graphml_node(row, attrs).items():
            key(str(name), value, "node")
    for rel in source.relationships():
        for name, value in _graphml_edge(rel).items():
            key(str(name), value, "edge")

    root = RootElement("graphml", {"xmlns": types.NS_GRAPHML, "xmlns:xsi": types.NS_XSI,
                                   "xsi:schemaLocation": types.SCHEMALOCATION})
    head = root_text(root, encoding="unicode")
    yield "<?xml version='1.0' encoding='utf-8'?>\n" + head[:head.rindex(" />")] + ">"
    for (name, xml_type, scope), key_id in reversed(keys.items()):
        key_element = Element("key", **{"id": key_id, "for": scope, "attr.name": name, "attr.type": xml_type})
        key_element.tail = "\n"
        yield tostring(key_element, encoding="unicode").replace(" />", "/>")  # as networkx's writer ends it
    yield '<graph edgedefault="directed">'

    def element(tag, attrib, data, scope):
        out = Element(tag, attrib)
        children = []
        for name, value in data.items():
            child = SubElement(out, "data", key=keys[(str(name), types.get_xml_type(type(value)), scope)])
            child.text = str(value)
            child.tail = "\n  "
            children.append(child)
        if children:
            out.text = "\n  "
            children[-1].tail = "\n"
        out.tail = "\n"
        return tostring(out, encoding="unicode")

    for row, attrs in source.nodes_with_attrs():
        yield element("node", {"id": str(row.uid)}, _graphml_node(row, attrs), "node")
    for rel in source.relationships():
        yield element("edge", {"source": str(rel.start), "target": str(rel.end), "id": str(rel.key)},
                      _graphml_edge(rel), "edge")
    yield "</graph></graphml>"


def write_graphml(graph, path) -> Path:
    """Write graph (a networkx graph or a rows source: streamed) as GraphML (UTF-8) for Gephi."""
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for chunk in graphml_text(graph):
                f.write(chunk)
    except OSError as e:
        raise write_error(path, e) from None
    return path


# -- Neo4j Browser style ------------------------------------------------------------------------------
def grass_style() -> str:
    """The Neo4j Browser style shipped as package data (``outputs/neo4j-style.grass``): drag the file
    onto Neo4j Browser, or run ``:style`` and paste it."""
    from importlib.resources import files

    return files(__package__).joinpath("neo4j-style.grass").read_text(encoding="utf-8")
