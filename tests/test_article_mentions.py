"""A news article's mention of a plan the corpus holds resolves to that plan (issue 13, point 7).

"Theo Kế hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ Tỉnh ủy" names no province; an
article has no header to place it. It must not make a second, unplaced 312-KH/TU beside Lai
Châu's (and Điện Biên's, issued four days later, must not take the mention either).
"""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from chidao.cli import cli
from chidao.corpus import sample_corpus_path

ARTICLE = """Lai Châu triển khai Kết luận 07 của Bộ Chính trị

Báo Lai Châu - Ngày 30/6/2021, Ban Thường vụ Tỉnh ủy Lai Châu tổ chức hội nghị quán triệt.

Theo Kế hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ Tỉnh ủy, các huyện ủy, thành ủy phải \
xây dựng kế hoạch trước ngày 10/7/2021. Phóng viên ghi nhận nhiều địa phương đã vào cuộc.
"""


def invoke(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def test_an_article_mention_resolves_to_the_plan_the_corpus_holds(tmp_path):
    sample = sample_corpus_path()
    archive = tmp_path / "archive"
    for folder, name in (("lai-chau", "lai-chau/tinh/tu-kh-312-2021.txt"), ("dien-bien", "other/dien-bien/tu-kh-312-2021.txt")):
        (archive / folder).mkdir(parents=True)
        shutil.copy(sample / name, archive / folder / "tu-kh-312-2021.txt")
    (archive / "tin-tuc.txt").write_text(ARTICLE, encoding="utf-8")
    ws = str(tmp_path / "ws")
    invoke("build", str(archive), "-w", ws)
    docs = json.loads(invoke("search", "312", "-w", ws, "--json"))
    assert sorted((d["symbol"], d["province"], d["stub"]) for d in docs) == [
        ("312-KH/TU", "Lai Châu", False), ("312-KH/TU", "Điện Biên", False)]
    assert json.loads(invoke("check", "-w", ws, "--json")) == []
    rows = list(json.loads(invoke("show", "312-KH/TU Lai Châu", "-w", ws, "--json"))["cited_by"])
    assert [(r["relation"], r["path"].rsplit("/", 1)[-1]) for r in rows] == [("MENTIONS", "tin-tuc.txt")]
    assert json.loads(invoke("show", "312-KH/TU Điện Biên", "-w", ws, "--json"))["cited_by"] == []
