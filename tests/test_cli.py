"""The command line, end to end: click's runner and the real console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chidao.cli import cli

DOC = """ỦY BAN NHÂN DÂN
HUYỆN TAM ĐƯỜNG
Số: 210/UBND-VP
V/v triển khai Kế hoạch của Tỉnh ủy

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tam Đường, ngày 05 tháng 7 năm 2021

Kính gửi: UBND các xã, thị trấn.

Thực hiện Kế hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ Tỉnh ủy về phòng, chống dịch, UBND huyện yêu cầu các xã triển khai ngay.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH

Vàng A Dính
"""


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "good.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "utf16.txt").write_text(DOC.replace("210", "211"), encoding="utf-16")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return tmp_path


def test_extract_json_lines_parse(corpus):
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--json", "-q"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {Path(r["path"]).name for r in rows} == {"good.txt", "utf16.txt"}
    good = next(r for r in rows if r["path"].endswith("good.txt"))
    assert good["kind"] == "document"
    assert good["doc"]["symbol"] == "210/UBND-VP"
    assert good["doc"]["date"] == "2021-07-05"
    assert good["doc"]["signer"] == {"name": "Vàng A Dính", "title": "CHỦ TỊCH"}
    (citation,) = good["citations"]
    assert citation["symbol"] == "312-KH/TU" and citation["cue"] == "thuc_hien"
    text = (corpus / "good.txt").read_text("utf-8")
    assert text[citation["start"]:citation["end"]] == citation["text"]
    assert set(good) >= {"path", "kind", "doc", "citations", "unnumbered", "warnings"}


def test_bad_files_are_skipped_with_one_line_each(corpus):
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    warnings = [l for l in result.stderr.splitlines() if l.startswith("chidao: skipped")]
    assert len(warnings) == 2
    assert any("empty.txt" in w and "empty" in w.split(":")[-1] for w in warnings)
    assert any("broken.docx" in w for w in warnings)
    assert "Traceback" not in result.stderr


def test_exit_status_is_1_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "Error: no file could be read"


def test_missing_path(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert f"chidao: skipped {tmp_path / 'nope.txt'}: no such file or directory" in result.stderr


def test_human_summary(corpus):
    result = CliRunner().invoke(cli, ["extract", str(corpus / "good.txt")], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Công văn 210/UBND-VP · Ủy ban nhân dân huyện Tam Đường · 2021-07-05 · Tam Đường" in result.stdout
    assert "cites  thuc_hien  Kế hoạch 312-KH/TU  2021-06-25  Ban Thường vụ Tỉnh ủy" in result.stdout


def test_parallel_jobs_give_the_same_records(corpus):
    for i in range(10):
        (corpus / f"copy{i}.txt").write_text(DOC.replace("210", str(300 + i)), encoding="utf-8")
    one = CliRunner().invoke(cli, ["extract", str(corpus), "--json", "-q"], catch_exceptions=False)
    two = CliRunner().invoke(cli, ["extract", str(corpus), "--json", "-q", "-j", "2"], catch_exceptions=False)
    assert one.stdout == two.stdout and one.stdout.count("\n") == 12


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.stdout, f"{name} --help has no example"


def test_console_script_runs_in_a_subprocess(corpus):
    exe = shutil.which("chidao", path=os.path.dirname(sys.executable)) or shutil.which("chidao")
    assert exe, "the chidao console script is not installed"
    proc = subprocess.run([exe, "extract", str(corpus / "good.txt"), "--json"], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doc"]["symbol"] == "210/UBND-VP"


def test_python_dash_m(corpus):
    proc = subprocess.run([sys.executable, "-m", "chidao", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("chidao, version ")


def test_sample_corpus_is_the_default(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "--json", "-q"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 40
    assert sum(len(r["citations"]) for r in rows) > len(rows)
    assert "bundled sample corpus" in result.stderr
