"""outputs/files.py (and the export schema, graph/schema.py): the Cypher script, neo4j-admin CSV, GraphML and the Neo4j Browser style.

The Cypher texts (every file in queries/cypher/ and generated scripts) go through Neo4j's own parser
(tests/cypher_lint.py, npm @neo4j-cypher/language-support); those tests skip when node/npm or the
package are unavailable. Everything else runs in plain Python.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

import cypher_lint
from chidao.outputs import files as ef

ROOT = Path(__file__).resolve().parent.parent
CYPHER_DIR = ROOT / "queries" / "cypher"
GRASS = ROOT / "outputs" / "neo4j-style.grass"

# The $parameters each query file takes (a new file must be added here).
QUERY_PARAMETERS = {
    "basis": ("uid", "depth", "level"),
    "coverage": ("uid", "level", "provinces", "report_marks"),
    "gaps": ("uid", "level", "report_marks"),
    "implements": ("uid", "depth", "level"),
    "search": ("text", "limit"),
    "show": ("uid",),
    "stats": (),
    "timeline": ("uid", "depth"),
    "trace": ("uid", "to", "max_chains"),
}

HOSTILE = "x'}) DETACH DELETE n //"
# Backslash before a quote, doubled backslashes, line breaks, comment markers, backticks, markup,
# control characters, Unicode line separators, a trailing backslash.
NASTY = ("a \\' b \\\\' c\nd\r\ne\tf */ /* `x` </script> \"q\" ; // \x00\x1f\x7f\x85\u2028\u2029 "
         "\\u0027 \U0001F600 end\\")
VIETNAMESE = 'Quyết định về "phòng, chống" dịch,\nCovid-19; Điện Biên'


# -- a small hostile graph ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("doc:1", label="Document", uid="doc:1", kind="document", doc_type="Quyết định", symbol="1/QĐ-UBND",
               subject=HOSTILE, date="2021-05-10", day_number=737920, year=2021, level="province", stub=False,
               warnings=[NASTY, "a;b"], addressed_to_unresolved=[], issuer_uid="agency:x",
               unresolved=[{"text": HOSTILE, "reason": "no document", "candidates": None}])
    g.add_node("doc:2", label="Document", uid="doc:2", kind="document", doc_type="Công văn", symbol=None,
               subject=VIETNAMESE, date=None, day_number=None, level="commune", stub=True, warnings=[])
    g.add_node("doc:3", label="Document", uid="doc:3", kind="document", subject=NASTY, level=None, stub=False)
    g.add_node("agency:x", label="Agency", uid="agency:x", name="UBND </script> tỉnh", kind="state",
               level="province", code=None)
    g.add_node("place:x", label="Place", uid="place:x", name="Điện Biên", lat=21.38, lon=1e-05)
    g.add_edge("doc:1", "agency:x", type="ISSUED_BY")
    g.add_edge("agency:x", "place:x", type="LOCATED_IN")
    g.add_edge("doc:1", "doc:2", type="IMPLEMENTS", cue="thuc_hien", sentence=NASTY, text=HOSTILE, start=3, end=9,
               via_uid=None, candidates=["doc:a;b", "doc:c"])
    g.add_edge("doc:1", "doc:2", type="CITES", sentence=VIETNAMESE, start=10, end=20, candidates=None)
    g.add_edge("doc:3", "doc:1", type="CITES", sentence=HOSTILE)
    return g


# -- a small Cypher literal reader: the script's UNWIND lists back into Python ---------------------------
_NUMBER = re.compile(r"-?\d+(\.\d+)?(E-?\d+)?")


def _string_end(text: str, i: int) -> int:
    """Index just past the string literal starting at text[i]."""
    quote, j = text[i], i + 1
    while text[j] != quote:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def read_literal(text: str, i: int):
    """(value, next index) of the Cypher literal at text[i]."""
    while text[i] in " \n":
        i += 1
    ch = text[i]
    if ch in "'\"":
        end = _string_end(text, i)
        return cypher_lint.decode_string_literal(text[i:end]), end
    if ch in "[{":
        closing, items, i = "]" if ch == "[" else "}", [], i + 1
        while True:
            while text[i] in " \n,":
                i += 1
            if text[i] == closing:
                return (items if ch == "[" else dict(items)), i + 1
            if ch == "[":
                value, i = read_literal(text, i)
                items.append(value)
            else:
                assert text[i] == "`", text[i:i + 40]
                end = text.index("`", i + 1)
                key = text[i + 1:end]
                assert text[end + 1] == ":", text[end:end + 40]
                value, i = read_literal(text, end + 2)
                items.append((key, value))
    for word, value in (("true", True), ("false", False), ("null", None)):
        if text.startswith(word, i):
            return value, i + len(word)
    m = _NUMBER.match(text, i)
    assert m, text[i:i + 40]
    return (float(m.group()) if m.group(1) or m.group(2) else int(m.group())), m.end()


def unwind_rows(script: str) -> list[list[dict]]:
    """The row list of every UNWIND statement in script, in order."""
    out, i = [], 0
    while (i := script.find("UNWIND [", i)) >= 0:
        rows, i = read_literal(script, i + len("UNWIND "))
        assert script.startswith("\n] AS row\n", i - 2) or script.startswith(" AS row", i), script[i:i + 40]
        out.append(rows)
    return out


def expected_rows(graph):
    nodes = {r.uid: {"uid": r.uid, "props": r.props} for r in ef.iter_nodes(graph)}
    rels = {(r.start, r.end, r.key): {"start_uid": r.start, "end_uid": r.end, "rel_key": r.key, "props": r.props}
            for r in ef.iter_relationships(graph)}
    return nodes, rels


def check_round_trip(graph, script, workspace_id):
    """The script's rows are the mapping's rows, and every statement adds workspace_id to chidao_ws."""
    owner = ef.ownership_clause("n", ef.cypher_string(workspace_id))
    assert script.count(owner) == script.count("MERGE (n:") > 0
    assert script.count(ef.ownership_clause("r", ef.cypher_string(workspace_id))) == script.count("MERGE (a)-[r:")
    nodes, rels = expected_rows(graph)
    got_nodes, got_rels = {}, {}
    for rows in unwind_rows(script):
        assert 0 < len(rows) <= ef.BATCH_SIZE
        for row in rows:
            if "props" in row and "start_uid" in row:
                got_rels[(row["start_uid"], row["end_uid"], row["rel_key"])] = row
            else:
                got_nodes[row["uid"]] = row
    assert got_nodes == nodes
    assert got_rels == rels


# -- the shared property mapping ----------------------------------------------------------------------
def _graphs(request):
    graphs = [request.getfixturevalue("sample_graph")]
    from conftest import seeds_available

    if seeds_available():
        graphs.append(request.getfixturevalue("seeded_graph"))
    return graphs


def test_every_graph_attribute_has_a_property_type(request):
    """A new attribute in the builder must be typed in NODE_PROPERTIES/EDGE_PROPERTIES, else it is not exported."""
    for g in _graphs(request):
        node_keys = {k for _, a in g.nodes(data=True) for k in a} - {"label"}
        edge_keys = {k for *_, a in g.edges(data=True) for k in a} - {"type"}
        assert node_keys <= set(ef.NODE_PROPERTIES), node_keys - set(ef.NODE_PROPERTIES)
        assert edge_keys <= set(ef.EDGE_PROPERTIES), edge_keys - set(ef.EDGE_PROPERTIES)
        assert {a["label"] for _, a in g.nodes(data=True)} <= set(ef.NODE_LABELS)
        assert {a["type"] for *_, a in g.edges(data=True)} <= set(ef.REL_TYPES)


_PYTHON_TYPES = {"string": str, "long": int, "double": float, "boolean": bool, "string[]": list}


def test_properties_have_their_declared_types(request):
    from chidao.graph.index import search_text

    for g in _graphs(request):
        for row in ef.iter_nodes(g):
            assert row.props["uid"] == row.uid and ef.WORKSPACE_PROPERTY not in row.props
            for key, value in row.props.items():
                assert type(value) is _PYTHON_TYPES[ef.NODE_PROPERTIES[key]], (row.uid, key, value)
                assert value != [] and value is not None
            if row.labels[0] == "Document":
                issuer = next((g.nodes[v]["name"] for _, v, a in g.out_edges(row.uid, data=True)
                               if a["type"] == "ISSUED_BY"), None)
                assert row.props["search_text"] == search_text(g.nodes[row.uid], issuer)
                level = g.nodes[row.uid].get("level")
                assert row.labels == (("Document", ef.LEVEL_LABELS[level]) if level in ef.LEVEL_LABELS
                                      else ("Document",))
        for row in ef.iter_relationships(g):
            for key, value in row.props.items():
                assert type(value) is _PYTHON_TYPES[ef.EDGE_PROPERTIES[key]], (row.start, key, value)


def test_mapping_converts_none_lists_and_dicts(hostile_graph):
    props = ef.node_properties(hostile_graph, "doc:1")
    assert "addressed_to_unresolved" not in props  # empty list: no property
    assert props["warnings"] == [NASTY, "a;b"]
    assert props["unresolved"] == ['{"candidates":null,"reason":"no document","text":"x\'}) DETACH DELETE n //"}']
    assert props["date"] == "2021-05-10" and props["day_number"] == 737920
    assert "label" not in props and "symbol" not in ef.node_properties(hostile_graph, "doc:2")
    assert ef.node_labels(hostile_graph, "doc:1") == ("Document", "Province")
    assert ef.node_labels(hostile_graph, "doc:3") == ("Document",)
    assert ef.edge_properties({"type": "CITES", "candidates": None, "start": 3, "via_uid": None}) == {"start": 3}


def test_strings_are_nfc():
    import unicodedata

    g = nx.MultiDiGraph()
    g.add_node("doc:n", label="Document", uid="doc:n", subject=unicodedata.normalize("NFD", "Điện Biên"),
               warnings=[unicodedata.normalize("NFD", "hòa")])
    props = ef.node_properties(g, "doc:n")
    assert props["subject"] == "Điện Biên" and props["warnings"] == ["hòa"]


def test_labels_and_types_outside_the_allow_lists_are_refused():
    g = nx.MultiDiGraph()
    g.add_node("a", label="Document`) DETACH DELETE n //", uid="a")
    with pytest.raises(ValueError, match="not one of"):
        list(ef.cypher_script(g, workspace_id="w"))
    g = nx.MultiDiGraph()
    g.add_node("a", label="Document", uid="a")
    g.add_edge("a", "a", type="CITES]->() DELETE n //")
    with pytest.raises(ValueError, match="not in REL_TYPES"):
        list(ef.cypher_script(g, workspace_id="w"))
    with pytest.raises(ValueError, match="fixed set"):
        ef.cypher_value({"evil`: 1} //": 1})


@pytest.mark.parametrize("text, literal", [
    ("plain", "'plain'"),
    (HOSTILE, "'x\\'}) DETACH DELETE n //'"),
    ("a\\'b", "'a\\\\\\'b'"),
    ("line\nbreak\r\ttab", "'line\\nbreak\\r\\ttab'"),
    ("\x00\x1f\x7f\u2028", "'\\u0000\\u001f\\u007f\\u2028'"),
    ("Điện Biên \"q\" `b` */", "'Điện Biên \"q\" `b` */'"),
], ids=["plain", "hostile", "backslash-quote", "whitespace", "controls", "vietnamese"])
def test_cypher_string(text, literal):
    assert ef.cypher_string(text) == literal
    assert cypher_lint.decode_string_literal(literal) == text


def test_cypher_values():
    assert ef.cypher_value([1, 2.5, True, 1e-05, 1e20, -3]) == "[1, 2.5, true, 1.0E-5, 1.0E20, -3]"
    with pytest.raises(ValueError):
        ef.cypher_value(float("nan"))


# -- the Cypher script ------------------------------------------------------------------------------
def test_script_shape(sample_graph):
    script = "".join(ef.cypher_script(sample_graph, workspace_id="sample"))
    lines = script.splitlines()
    constraints = [line for line in lines if line.startswith("CREATE CONSTRAINT")]
    assert constraints == ef.constraint_statements()
    assert script.index("CREATE CONSTRAINT") < script.index("UNWIND")
    for label in re.findall(r"\(\w:`(\w+)`", script) + re.findall(r", n:`(\w+)`", script):
        assert label in ef.LABELS
    for rel_type in re.findall(r"\[r:`(\w+)`", script):
        assert rel_type in ef.REL_TYPES
    check_round_trip(sample_graph, script, "sample")


def test_script_keeps_hostile_text_in_its_literals(hostile_graph):
    workspace_id = "ws'}) DETACH DELETE n //\n"
    script = "".join(ef.cypher_script(hostile_graph, workspace_id=workspace_id))
    check_round_trip(hostile_graph, script, workspace_id)
    outside = re.sub(r"'(?:[^'\\\n]|\\.)*'", "''", script)  # every string literal emptied
    assert "DETACH" not in outside and "</script>" not in outside and "*/" not in outside
    assert all(line.startswith(("//", "CREATE", "UNWIND", "{", "]", "MERGE", "MATCH", "SET"))
               for line in script.splitlines())


def test_write_cypher_script_is_utf8(tmp_path, hostile_graph):
    path = ef.write_cypher_script(hostile_graph, tmp_path / "load.cypher", workspace_id="w")
    text = path.read_bytes().decode("utf-8")
    assert "Điện Biên" in text and "\r" not in text


# -- Neo4j's parser ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def linted(sample_graph, hostile_graph):
    """Every Cypher text, linted in one Node process: {name: (text, LintResult)}."""
    cypher_lint.require_linter()
    texts = {f"queries/cypher/{p.name}": (p.read_text(encoding="utf-8"), QUERY_PARAMETERS[p.stem])
             for p in sorted(CYPHER_DIR.glob("*.cypher"))}
    texts["sample script"] = ("".join(ef.cypher_script(sample_graph, workspace_id="sample")), ())
    texts["hostile script"] = ("".join(ef.cypher_script(hostile_graph, workspace_id="ws'}) DETACH DELETE n //")),
                               ())
    texts["constraints"] = ("\n".join(ef.constraint_statements()), ())
    texts["broken"] = ("RETURN 'x'}) DETACH DELETE n //';", ())  # the linter does see a literal closed early
    results = cypher_lint.lint_many(list(texts.values()))
    return {name: (text, result) for (name, (text, _)), result in zip(texts.items(), results)}


def test_every_query_file_has_its_parameters_listed():
    assert {p.stem for p in CYPHER_DIR.glob("*.cypher")} == set(QUERY_PARAMETERS)


@pytest.mark.parametrize("name", [f"queries/cypher/{n}.cypher" for n in sorted(QUERY_PARAMETERS)]
                         + ["sample script", "hostile script", "constraints"])
def test_neo4j_parser_finds_no_error(linted, name):
    text, result = linted[name]
    assert result.errors == [], "\n".join(map(str, result.errors))


def test_linter_catches_a_literal_closed_early(linted):
    assert linted["broken"][1].errors


def test_neo4j_lexer_keeps_hostile_strings_whole(linted, hostile_graph):
    text, result = linted["hostile script"]
    groups = ({r.labels for r in ef.iter_nodes(hostile_graph)},
              {(r.type, r.start_label, r.end_label) for r in ef.iter_relationships(hostile_graph)})
    assert result.statements == len(ef.NODE_LABELS) + len(groups[0]) + len(groups[1])
    values = [cypher_lint.decode_string_literal(token) for token in result.strings]
    assert values.count(HOSTILE) == 3  # doc:1's subject, the IMPLEMENTS text, a CITES sentence
    assert NASTY in values and VIETNAMESE in values and "ws'}) DETACH DELETE n //" in values


def test_sample_script_lexes_to_the_graphs_strings(linted, sample_graph):
    text, result = linted["sample script"]
    values = Counter(cypher_lint.decode_string_literal(token) for token in result.strings)
    subjects = [a["subject"] for _, a in sample_graph.nodes(data=True) if a.get("subject")]
    assert all(values[s] >= 1 for s in subjects)


# -- CSV ----------------------------------------------------------------------------------------------
_HEADER = re.compile(r"^([a-z_0-9]+)(?::(long|double|boolean|string\[\]))?$")


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.fixture(scope="module")
def sample_csv(sample_graph, tmp_path_factory):
    directory = tmp_path_factory.mktemp("csv")
    ef.write_csv(sample_graph, directory, workspace_id="sample")
    return directory


def test_csv_headers_are_neo4j_admin_headers(sample_csv):
    for label in ef.NODE_LABELS:
        path = sample_csv / ef.CSV_FILES[label]
        if not path.exists():
            continue
        header = read_csv(path)[0]
        assert header[:2] == ["uid:ID", ":LABEL"]
        for column in header[2:]:
            key, kind = _HEADER.match(column).groups()
            assert ef.NODE_PROPERTIES[key] == (kind or "string"), column
    for rel_type in ef.REL_TYPES:
        path = sample_csv / ef.CSV_FILES[rel_type]
        if not path.exists():
            continue
        header = read_csv(path)[0]
        assert header[:4] == [":START_ID", ":END_ID", ":TYPE", "key:long"]
        assert header[-1] == "chidao_ws:string[]"
        for column in header[3:]:
            key, kind = _HEADER.match(column).groups()
            assert ef.EDGE_PROPERTIES[key] == (kind or "string"), column


def test_csv_row_counts_equal_the_graph(sample_graph, sample_csv):
    labels = Counter(a["label"] for _, a in sample_graph.nodes(data=True))
    types = Counter(a["type"] for *_, a in sample_graph.edges(data=True))
    for label in ef.NODE_LABELS:
        path = sample_csv / ef.CSV_FILES[label]
        assert (len(read_csv(path)) - 1 if path.exists() else 0) == labels[label], label
    for rel_type in ef.REL_TYPES:
        path = sample_csv / ef.CSV_FILES[rel_type]
        rows = read_csv(path)[1:] if path.exists() else []
        assert len(rows) == types[rel_type], rel_type
        assert all(r[2] == rel_type for r in rows)
    ids = [r[0] for label in ef.NODE_LABELS if (sample_csv / ef.CSV_FILES[label]).exists()
           for r in read_csv(sample_csv / ef.CSV_FILES[label])[1:]]
    assert len(ids) == len(set(ids)) == sample_graph.number_of_nodes()  # one global id space


def test_csv_readme_has_the_import_command(sample_csv):
    readme = (sample_csv / "README.md").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j" in readme
    for name in sorted(p.name for p in sample_csv.glob("*.csv")):
        assert f"={name}" in readme
    assert "--array-delimiter=';'" in readme and "--multiline-fields=true" in readme
    assert "Neo4j 5" in readme and "cypher-shell" in readme
    assert (sample_csv / "constraints.cypher").read_text(encoding="utf-8").splitlines() == ef.constraint_statements()


def test_csv_round_trips_hostile_text(hostile_graph, tmp_path):
    ef.write_csv(hostile_graph, tmp_path, workspace_id="w")
    docs = read_csv(tmp_path / "documents.csv")
    header, rows = docs[0], {r[0]: dict(zip(docs[0], r)) for r in docs[1:]}
    assert header[-1] == "chidao_ws:string[]" and rows["doc:1"]["chidao_ws:string[]"] == "w"
    assert len(set(map(len, docs))) == 1
    assert rows["doc:2"]["subject"] == VIETNAMESE
    assert rows["doc:1"]["subject"] == HOSTILE and rows["doc:3"]["subject"] == NASTY
    assert rows["doc:1"][":LABEL"] == "Document|Province"  # ';' occurs in an element: '|' is used
    assert rows["doc:1"]["warnings:string[]"].split("|") == [NASTY, "a;b"]
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "--array-delimiter='|'" in readme
    cites = read_csv(tmp_path / "rel_cites.csv")
    assert VIETNAMESE in [dict(zip(cites[0], r))["sentence"] for r in cites[1:]]


def test_csv_array_delimiter_semicolon_by_default(sample_csv):
    docs = read_csv(sample_csv / "documents.csv")
    labels = {r[1] for r in docs[1:]}
    assert labels <= {"Document", "Document;Central", "Document;Province", "Document;District", "Document;Commune"}


# -- GraphML ------------------------------------------------------------------------------------------
def test_graphml_loads_back(sample_graph, hostile_graph, tmp_path):
    for name, g in (("sample", sample_graph), ("hostile", hostile_graph)):
        path = ef.write_graphml(g, tmp_path / f"{name}.graphml")
        back = nx.read_graphml(path)
        assert back.number_of_nodes() == g.number_of_nodes()
        assert back.number_of_edges() == g.number_of_edges()
        for uid, attrs in g.nodes(data=True):
            assert back.nodes[uid]["label"] == attrs["label"]
            assert back.nodes[uid]["name"] == (attrs.get("symbol") or attrs.get("name") or uid)
        assert Counter(a["type"] for *_, a in back.edges(data=True)) == \
            Counter(a["type"] for *_, a in g.edges(data=True))
    back = nx.read_graphml(tmp_path / "hostile.graphml")
    assert back.nodes["doc:1"]["subject"] == HOSTILE
    # XML forbids NUL and most C0 controls (U+FFFD instead); an XML reader turns \r\n into \n.
    expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", f"{NASTY}; a;b".replace("\r\n", "\n"))
    assert back.nodes["doc:1"]["warnings"].replace("\r\n", "\n") == expected
    assert back.nodes["doc:2"]["subject"] == VIETNAMESE
    assert back.nodes["doc:1"]["stub"] is False


# -- the Neo4j Browser style --------------------------------------------------------------------------
# A rule: selector { key: value; ... }, values possibly quoted ("{symbol}" holds braces).
_RULE = re.compile(r"""\s*([A-Za-z_.]+)\s*\{((?:[^{}"]|"[^"]*")*)\}\s*""")
_DECLARATION = re.compile(r"""\s*([a-z-]+)\s*:\s*((?:[^;"]|"[^"]*")+);""")


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """The grass file's rules, {selector: {property: value}}; fails on anything else in the file."""
    rules, i = {}, 0
    while i < len(text):
        m = _RULE.match(text, i)
        assert m, f"not a rule at {text[i:i + 60]!r}"
        body = m.group(2)
        declarations = _DECLARATION.findall(body)
        assert _DECLARATION.sub("", body).strip() == "", body
        assert m.group(1) not in rules, f"{m.group(1)} twice"
        rules[m.group(1)] = {k: v.strip() for k, v in declarations}
        i = m.end()
    return rules


def test_grass_style():
    rules = parse_grass(GRASS.read_text(encoding="utf-8"))
    assert {"node", "relationship"} <= set(rules)
    for selector, props in rules.items():
        kind, _, name = selector.partition(".")
        assert kind in ("node", "relationship"), selector
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", props["color"]), selector
        assert props["caption"].startswith('"') and props["caption"].endswith('"'), selector
        if name:
            assert name in (ef.LABELS if kind == "node" else ef.REL_TYPES), selector
    captions = {s.partition(".")[2]: p["caption"] for s, p in rules.items() if s.startswith("node.")}
    assert captions["Document"] == '"{symbol}"'
    assert all(captions[level] == '"{symbol}"' for level in ef.LEVEL_LABELS.values())
    assert captions["Agency"] == captions["Place"] == captions["Person"] == '"{name}"'
    colours = [rules[f"node.{x}"]["color"].upper() for x in (*ef.LEVEL_LABELS.values(), "Agency")]
    assert len(set(colours)) == 5
    assert {f"relationship.{t}" for t in ef.REL_TYPES} <= set(rules)
    # Browser applies matching rules in file order: the level colours must come after Document's.
    order = list(rules)
    assert all(order.index(f"node.{level}") > order.index("node.Document") for level in ef.LEVEL_LABELS.values())


def test_grass_style_is_reachable_from_the_package():
    assert ef.grass_style() == GRASS.read_text(encoding="utf-8")
