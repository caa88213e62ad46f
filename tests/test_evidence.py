"""Evidence in every answer (issue 13, point 3) on the sample corpus, through the real CLI.

--json and --csv rows of implements, basis and trace carry the citing sentence, its file and
the cue; implements lists every document a row acts on; trace names who issued each document
of a chain; show groups its links per document and says who reported each claim.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from chidao.cli import cli


def run(ws, *args) -> str:
    result = CliRunner().invoke(cli, [*args, "-w", ws])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def test_implements_rows_carry_their_evidence_and_every_parent(ws):
    rows = json.loads(run(ws, "implements", "Kết luận 07-KL/TW", "--json"))
    assert rows
    for r in rows:
        assert r["sentence"] and r["path"] and r["cue"], r["uid"]
        assert Path(r["path"]).exists()
    by_symbol = {r["symbol"]: r for r in rows if r["symbol"]}
    letter = by_symbol["1105/SYT-NVY"]
    # It cites both the ministry's guide and the province's plan: both are its parents.
    assert {"IMPLEMENTS 5091/BYT-DP", "IMPLEMENTS 1520/KH-UBND"} <= set(letter["parents"])
    # The evidence is the letter's own sentence, read from its own file.
    assert Path(letter["path"]).name == "syt-cv-1105-2021.docx"
    parent = next(r for r in rows if r["uid"] == letter["parent_uid"])
    assert parent["symbol"].split("/")[0] in letter["sentence"]
    human = run(ws, "implements", "Kết luận 07-KL/TW")
    line = human.splitlines()[human.splitlines().index(next(x for x in human.splitlines() if "1105/SYT-NVY" in x)) + 1]
    assert "5091/BYT-DP" in line and "1520/KH-UBND" in line


def test_basis_csv_has_the_evidence_columns(ws):
    rows = list(csv.DictReader(io.StringIO(run(ws, "basis", "45-KH/HU", "--csv"))))
    assert rows
    assert {"sentence", "path", "cue"} <= set(rows[0])
    assert all(r["sentence"] and r["path"] and r["cue"] for r in rows)


def test_trace_names_issuer_and_place_of_each_document(ws):
    rows = json.loads(run(ws, "trace", "KL 07", "--to", "province", "--json"))
    ends = {(r["symbols"][-1], r["issuers"][-1], r["places"][-1]) for r in rows if r["symbols"][-1] == "312-KH/TU"}
    assert ends == {("312-KH/TU", "Tỉnh ủy Lai Châu", "Lai Châu"), ("312-KH/TU", "Tỉnh ủy Điện Biên", "Điện Biên")}
    assert all(r["sentence"] and r["path"] and r["last_link"] for r in rows)
    human = run(ws, "trace", "KL 07", "--to", "province")
    assert "312-KH/TU (Tỉnh ủy Lai Châu)" in human and "312-KH/TU (Tỉnh ủy Điện Biên)" in human


def test_show_groups_cited_by_per_document_and_names_who_reported_each_claim(ws):
    text = run(ws, "show", "312-KH/TU Lai Châu")
    cited_by = text[text.index("cited by ("):]
    # 45-KH/HU once, with two claims: its own, and a commune plan's that repeats it.
    assert cited_by.count("Kế hoạch 45-KH/HU · Huyện ủy Tam Đường") == 1
    block = cited_by.split("Kế hoạch 45-KH/HU · Huyện ủy Tam Đường")[1].split("\n  Kế hoạch")[0]
    assert "reported by 45-KH/HU" in block and "reported by du-kh-27-2021.txt" in block
    rows = list(csv.DictReader(io.StringIO(run(ws, "show", "312-KH/TU Lai Châu", "--csv"))))
    claims = [r for r in rows if r["section"] == "cited_by" and r["symbol"] == "45-KH/HU"]
    assert sorted(r["reported_by"] for r in claims) == ["45-KH/HU", "du-kh-27-2021.txt"]


def test_show_csv_and_json_are_one_format(ws):
    result = CliRunner().invoke(cli, ["show", "312-KH/TU Lai Châu", "--csv", "--json", "-w", ws])
    assert result.exit_code == 2
    assert "cannot be used together" in result.output


def test_a_server_answer_is_drawn_like_a_local_one(ws):
    """--neo4j answers have no graph: implements and basis still print their tree, not a raw table."""
    from chidao.graph import load_question_graph
    from chidao.outputs.render import Answer, render
    from chidao.queries import basis, implements
    from chidao.queries.refs import resolve_ref

    graph = load_question_graph(ws)
    for module, ref in ((implements, "Kết luận 07-KL/TW"), (basis, "45-KH/HU")):
        uid = resolve_ref(graph, ref)
        rows = module.run(graph, uid)
        local = render(Answer(module.QUESTION, rows, ref, uid, graph, {}))
        remote = render(Answer(module.QUESTION, rows, ref, uid, None, {}))
        assert all(isinstance(line, str) for line in remote)  # lines, no 13-column table
        assert remote[0] == uid and len(remote) == len(local)
        assert remote[1:] == local[1:] or module is implements
