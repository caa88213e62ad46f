"""The export schema: how the networkx graph maps onto a property graph (Neo4j and the files).

A fact about the graph, shared by every exporter (``outputs/neo4j.py`` over Bolt, ``outputs/files.py``
for the Cypher script, the neo4j-admin CSV and GraphML), so a graph loaded by script, by CSV import or
over Bolt holds the same labels, types and properties:

``LABELS``, ``NODE_LABELS``, ``LEVEL_LABELS``
    The allow-list of node labels. A node's label is its ``label`` attribute (one of ``NODE_LABELS``);
    a Document with a known level also gets the level label ``Central``, ``Province``, ``District`` or
    ``Commune`` (``node_labels``), which the Neo4j Browser style (``outputs/neo4j-style.grass``) colours.
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
    type, not properties. Documents get ``search_text`` (``graph.index.search_text`` with the
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
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from ..loaders.vocabulary import LEVELS, LINK_TYPES
from .index import search_text

__all__ = ["LABELS", "NODE_LABELS", "LEVEL_LABELS", "REL_TYPES", "NODE_PROPERTIES", "EDGE_PROPERTIES",
           "WORKSPACE_PROPERTY", "EDGE_KEY_PROPERTY", "NodeRow", "RelationshipRow", "node_labels", "node_properties",
           "edge_properties", "iter_nodes", "iter_relationships", "ownership_clause", "constraint_statements", "nfc",
           "labels_of", "properties_of"]

# -- the allow-lists ----------------------------------------------------------------------------------
NODE_LABELS = ("Document", "Agency", "Place", "Person", "Source")
LEVEL_LABELS = {level: level.capitalize() for level in LEVELS}  # "central" -> "Central"
LABELS = NODE_LABELS + tuple(LEVEL_LABELS.values())
REL_TYPES = LINK_TYPES  # loaders/vocabulary.py: the structural links, the cues' links, MENTIONS

WORKSPACE_PROPERTY = "chidao_ws"
EDGE_KEY_PROPERTY = "key"

# -- the property keys and their types (neo4j-admin header spelling) ------------------------------------
NODE_PROPERTIES: dict[str, str] = {
    "uid": "string",
    # Document
    "kind": "string", "doc_type": "string", "number": "string", "symbol": "string",
    "date": "string",            # ISO text "2021-05-10" (FalkorDB crashes returning native dates)
    "date_precision": "string", "year": "long", "year_inferred": "boolean",
    "day_number": "long",        # days since 1970-01-01 (graph.build): lag arithmetic on every server
    "subject": "string", "scope": "string", "level": "string", "province": "string", "district": "string",
    "commune": "string", "issuer_uid": "string", "issuer_as_written": "string", "place_as_written": "string", "path": "string",
    "sha256": "string", "stub": "boolean", "conflicts_with": "string",
    "warnings": "string[]", "addressed_to_unresolved": "string[]", "copied_to_unresolved": "string[]",
    "duplicate_paths": "string[]",
    "unresolved": "string[]",    # citations that found no document, each a JSON object
    "search_text": "string",     # graph.index.search_text: derived at export
    # Agency, Place, Person
    "name": "string", "parent_uid": "string", "place_uid": "string", "code": "string",
    "full_name": "string", "unit_type": "string", "lat": "double", "lon": "double",
    # the system of units (legacy | 2025) of a Document, Place or Agency; how a document's was decided
    # and how its place was read (each note a JSON object {kind, message})
    "system": "string", "system_source": "string", "place_notes": "string[]",
    WORKSPACE_PROPERTY: "string[]",
}
EDGE_PROPERTIES: dict[str, str] = {
    EDGE_KEY_PROPERTY: "long",
    # citation links (evidence)
    "cue": "string", "citing": "string", "path": "string", "sha256": "string", "text": "string",
    "sentence": "string", "start": "long", "end": "long", "version": "string", "via_uid": "string",
    "candidates": "string[]", "cited_issuer": "string", "cited_issuer_as_written": "string",
    # ADDRESSED_TO, COPIED_TO, SIGNED_BY
    "as_written": "string", "expanded_from": "string", "title": "string",
    WORKSPACE_PROPERTY: "string[]",
}
# Set by the exporters, not read from the graph's attributes.
_EXPORTER_KEYS = frozenset({WORKSPACE_PROPERTY, EDGE_KEY_PROPERTY, "search_text"})



def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _convert(value, kind: str):
    """A graph attribute as a property value of the given type, or None when it is to be left out."""
    if value is None:
        return None
    if kind == "string":
        return nfc(value if isinstance(value, str) else str(value))
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
        out = [nfc(x if isinstance(x, str)
                    else json.dumps(x, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str))
               for x in items if x is not None]
        return out or None
    raise ValueError(f"unknown property type {kind!r}")


def node_labels(graph: nx.MultiDiGraph, uid: str) -> tuple[str, ...]:
    """The node's labels: its ``label`` and, for a Document with a known level, the level label.

    Raises ValueError for a label outside the allow-list (it would otherwise reach Cypher text).
    """
    return labels_of(uid, graph.nodes[uid])


def labels_of(uid: str, attrs: dict) -> tuple[str, ...]:
    """``node_labels`` of a node given its attributes (the workspace rows, ``graph/rows.py``)."""
    label = attrs.get("label")
    if label not in NODE_LABELS:
        raise ValueError(f"node {uid!r} has label {label!r}, not one of {', '.join(NODE_LABELS)}")
    level = LEVEL_LABELS.get(attrs.get("level") or "") if label == "Document" else None
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
    return properties_of(uid, attrs, _issuer_name(graph, uid) if attrs.get("label") == "Document" else None)


def properties_of(uid: str, attrs: dict, issuer_name: str | None) -> dict:
    """``node_properties`` of a node given its attributes and its ISSUED_BY agency's name (Documents)."""
    props = {"uid": uid}
    get = attrs.get
    for key, kind in _NODE_KEYS:  # most keys are absent from a node: no call for those (a million rows)
        value = get(key)
        if value is not None and (value := _convert(value, kind)) is not None:
            props[key] = value
    if attrs.get("label") == "Document":
        props["search_text"] = nfc(search_text(attrs, issuer_name))
    return props


def edge_properties(attrs: dict) -> dict:
    """The Neo4j property map of one edge's attributes (``type`` is the relationship type; ``key`` and
    ``chidao_ws`` are added by the exporter: see ``RelationshipRow`` and ``ownership_clause``)."""
    props = {}
    get = attrs.get
    for key, kind in _EDGE_KEYS:
        value = get(key)
        if value is not None and (value := _convert(value, kind)) is not None:
            props[key] = value
    return props


# The properties read from a node's or an edge's attributes, in the schema's order.
_NODE_KEYS = tuple((k, kind) for k, kind in NODE_PROPERTIES.items() if k not in _EXPORTER_KEYS and k != "uid")
_EDGE_KEYS = tuple((k, kind) for k, kind in EDGE_PROPERTIES.items() if k not in _EXPORTER_KEYS)


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

