"""The question commands end to end on the sample corpus: every command's --json parses,
--csv opens in a spreadsheet, references resolve, and mistakes exit with the right status."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.corpus import sample_corpus_path

SAMPLE_TRUTH = json.loads((sample_corpus_path().parent / "sample_truth.json").read_text("utf-8"))["documents"]


def run(*args, ok=True):
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    return result


COMMANDS = [
    ("implements", "Kết luận 07-KL/TW"),
    ("trace", "07-KL/TW"),
    ("basis", "45-KH/HU"),
    ("gaps", "312-KH/TU Lai Châu"),
    ("timeline", "KL 07"),
    ("search", "phong chong dich"),
    ("stats", None),
]


@pytest.mark.parametrize("command, ref", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_json_parses_and_has_rows(ws, command, ref):
    args = [command] + ([ref] if ref else []) + ["-w", ws, "--json"]
    rows = json.loads(run(*args).stdout)
    assert isinstance(rows, list) and rows and all(isinstance(r, dict) for r in rows)


@pytest.mark.parametrize("command, ref", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_csv_has_a_header_and_the_same_rows(ws, command, ref):
    args = [command] + ([ref] if ref else []) + ["-w", ws]
    rows = json.loads(run(*args, "--json").stdout)
    table = list(csv.DictReader(io.StringIO(run(*args, "--csv").stdout)))
    assert len(table) == len(rows)
    assert list(table[0]) == list(rows[0])


def test_show_json_card(ws):
    card = json.loads(run("show", "312-KH/TU Lai Châu", "-w", ws, "--json").stdout)
    assert card["document"]["symbol"] == "312-KH/TU"
    assert any(c["symbol"] == "07-KL/TW" and c["sentence"] for c in card["cites"])
    cited_by = {c["symbol"] for c in card["cited_by"]}
    assert {"45-KH/HU", "1520/KH-UBND"} <= cited_by


def test_implements_lists_every_level_with_lags(ws):
    rows = json.loads(run("implements", "Kết luận 07-KL/TW", "-w", ws, "--json").stdout)
    by_symbol = {(r["symbol"], r["province"]): r for r in rows}
    plan = by_symbol[("312-KH/TU", "Lai Châu")]
    assert plan["lag_days"] == 14 and plan["level"] == "province"  # 2021-06-25 after 2021-06-11
    assert {"province", "district", "commune"} <= {r["level"] for r in rows}
    text = run("implements", "Kết luận 07-KL/TW", "-w", ws).stdout
    assert text.splitlines()[0].startswith("Kết luận 07-KL/TW · Bộ Chính trị · 2021-06-11")
    assert "commune (" in text and "+14 d" in text


def test_reference_forms_resolve_to_one_document(ws):
    uids = set()
    for ref in ("Kết luận 07-KL/TW", "07-KL/TW", "KL 07", "kết luận số 07", "ket luan 07"):
        card = json.loads(run("show", ref, "-w", ws, "--json").stdout)
        uids.add(card["document"]["uid"])
    assert len(uids) == 1


def test_ambiguous_reference_exits_2_with_candidates(ws):
    result = run("implements", "312-KH/TU", "-w", ws, ok=False)
    assert result.exit_code == 2
    assert "Tỉnh ủy Lai Châu" in result.stderr and "Tỉnh ủy Điện Biên" in result.stderr


def test_unknown_reference_suggests(ws):
    result = run("basis", "999-KL/TW", "-w", ws, ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no document in the workspace matches '999-KL/TW'")


def test_gaps_words_what_the_corpus_shows(ws):
    text = run("gaps", "312-KH/TU Lai Châu", "-w", ws).stdout
    assert "No implementing document in the corpus from:" in text
    assert "Huyện ủy Mường Tè" in text and "Huyện ủy Nậm Nhùn" in text
    missing = text.split("No implementing document in the corpus from:")[1]
    assert "Huyện ủy Tam Đường " not in missing


def test_timeline_plot(ws, tmp_path):
    pytest.importorskip("matplotlib")
    png = tmp_path / "lags.png"
    result = run("timeline", "07-KL/TW", "-w", ws, "--plot", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "median" in result.stdout


def test_trace_chains_end_at_the_level(ws):
    rows = json.loads(run("trace", "07-KL/TW", "--to", "commune", "-w", ws, "--json").stdout)
    assert rows and all(r["symbols"][0] == "07-KL/TW" and r["end_level"] == "commune" for r in rows)


def test_questions_need_a_workspace(tmp_path):
    result = run("stats", "-w", str(tmp_path / "none"), ok=False)
    assert result.exit_code == 1
    assert "run `chidao build` first" in result.stderr


def test_console_script_answers_a_question(ws):
    exe = shutil.which("chidao", path=os.path.dirname(sys.executable)) or shutil.which("chidao")
    proc = subprocess.run([exe, "implements", "Kết luận 07-KL/TW", "-w", ws, "--json"], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert any(r["symbol"] == "45-KH/HU" for r in json.loads(proc.stdout))


def test_stats_count_the_whole_graph(ws):
    from chidao.graph import load_graph
    from chidao.queries import stats

    rows = json.loads(run("stats", "-w", ws, "--json").stdout)
    assert rows == stats.run(load_graph(ws))
    labels = {r["value"] for r in rows if r["facet"] == "node.label"}
    assert {"Place", "Person", "Document", "Agency"} <= labels


def test_demo_corpus_writes_documents_and_truth(tmp_path):
    out = tmp_path / "demo"
    result = run("demo-corpus", str(out), "--docs", "30", "--seed", "4")
    assert result.stdout.startswith("Wrote 30 documents")
    truth = [json.loads(line) for line in (out / "truth.jsonl").read_text("utf-8").splitlines()]
    assert len(truth) == 30 and all((out / t["path"]).is_file() for t in truth)
    again = tmp_path / "again"
    run("demo-corpus", str(again), "--docs", "30", "--seed", "4")
    assert (again / "truth.jsonl").read_bytes() == (out / "truth.jsonl").read_bytes()
