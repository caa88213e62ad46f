"""Addressees (Kính gửi and Nơi nhận), the coverage question and its map, on documents written here.

A central Kết luận sent (Nơi nhận) to every province's committee; Lai Châu's provincial plan
(copied upward "(b/c)" to the Ban Bí thư, sent to its district committees); a Tam Đường district
plan. The map is loaded in Debian's Chromium, offline.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.queries import coverage, gaps
from chidao.queries.base import addressees, is_report_copy

KL = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 15-KL/TW

ĐẢNG CỘNG SẢN VIỆT NAM

Hà Nội, ngày 05 tháng 3 năm 2022

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về tăng cường công tác phòng, chống thiên tai

Bộ Chính trị yêu cầu các cấp ủy, tổ chức đảng quán triệt và tổ chức thực hiện nghiêm Kết luận này.

Nơi nhận:
- Các tỉnh ủy, thành ủy trực thuộc Trung ương,
- Lưu Văn phòng Trung ương Đảng.

T/M BỘ CHÍNH TRỊ
Võ Văn Thưởng
"""

PLAN = """TỈNH ỦY LAI CHÂU
*
Số: 40-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Lai Châu, ngày 20 tháng 3 năm 2022

KẾ HOẠCH
thực hiện Kết luận của Bộ Chính trị về công tác phòng, chống thiên tai

Thực hiện Kết luận số 15-KL/TW, ngày 05/3/2022 của Bộ Chính trị về tăng cường công tác phòng, chống thiên tai, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:

Các huyện ủy, thành ủy xây dựng kế hoạch của cấp mình.

Nơi nhận:
- Ban Bí thư (b/c),
- Các huyện ủy, thành ủy, đảng ủy trực thuộc,
- Lưu: VT.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Vương Đình Khải
"""

DISTRICT = """ĐẢNG BỘ TỈNH LAI CHÂU
HUYỆN ỦY TAM ĐƯỜNG
*
Số: 12-KH/HU

ĐẢNG CỘNG SẢN VIỆT NAM

Tam Đường, ngày 01 tháng 4 năm 2022

KẾ HOẠCH
thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy về phòng, chống thiên tai

Thực hiện Kế hoạch số 40-KH/TU ngày 20/3/2022 của Ban Thường vụ Tỉnh ủy về phòng, chống thiên tai, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:

Nơi nhận:
- Thường trực Tỉnh ủy (b/c),
- Đảng ủy các xã, thị trấn,
- Lưu: VT.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    for name, text in (("central/kl-15-2022.txt", KL), ("lai-chau/tu-kh-40-2022.txt", PLAN),
                       ("lai-chau/tam-duong/hu-kh-12-2022.txt", DISTRICT)):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def graph(archive):
    from conftest import graph_of

    return graph_of(archive)


@pytest.fixture(scope="module")
def workspace(archive, tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws")
    result = CliRunner().invoke(cli, ["build", str(archive), "-w", str(ws)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return str(ws)


def uid(graph, symbol):
    [u] = [n for n, d in graph.nodes(data=True) if d.get("symbol") == symbol and not d.get("stub")]
    return u


@pytest.mark.parametrize("line,upward", [
    ("Ban Bí thư (b/c)", True), ("TT Tỉnh ủy, TT HĐND tỉnh (b/c)", True), ("UBND tỉnh (để b/c)", True),
    ("Thường trực Huyện ủy (để báo cáo)", True), ("Các huyện ủy, thành ủy, đảng ủy trực thuộc", False),
    ("Đội ngũ báo cáo viên", False), ("UBND các xã, thị trấn", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_report_copies(line, upward):
    assert is_report_copy(line) is upward


def test_addressees_read_noi_nhan_without_upward_copies(graph):
    plan = uid(graph, "40-KH/TU")
    named = {(graph.nodes[a]["name"], source) for a, source, _ in addressees(graph, plan)}
    assert ("Huyện ủy Tam Đường", "Nơi nhận") in named
    assert not any("Bí thư" in name for name, _ in named)  # "Ban Bí thư (b/c)" is a report, not an order
    district = uid(graph, "12-KH/HU")
    assert not any(graph.nodes[a]["level"] == "province" for a, _, _ in addressees(graph, district))


def test_gaps_rows_say_where_the_addressee_came_from(graph):
    rows = gaps.run(graph, uid(graph, "15-KL/TW"), level="district")
    by_name = {r["agency"]: r for r in rows}
    tam_duong = by_name["Huyện ủy Tam Đường"]
    assert tam_duong["source"] == ["Nơi nhận"] and tam_duong["cue"] == "Nơi nhận"
    assert tam_duong["sentence"] == "Các huyện ủy, thành ủy, đảng ủy trực thuộc"
    assert tam_duong["path"].endswith("tu-kh-40-2022.txt")
    assert tam_duong["has_document"] and tam_duong["documents"] == ["12-KH/HU"]
    assert not by_name["Huyện ủy Sìn Hồ"]["has_document"]


def test_coverage_one_row_per_province(graph):
    rows = coverage.run(graph, uid(graph, "15-KL/TW"))
    assert len(rows) == 63 and len({r["province"] for r in rows}) == 63
    lai_chau = next(r for r in rows if r["province"] == "Lai Châu")
    assert lai_chau["addressed"] is True and lai_chau["addressed_by"] == ["15-KL/TW"]
    assert (lai_chau["first_document"], lai_chau["first_date"], lai_chau["first_lag_days"]) == ("40-KH/TU", "2022-03-20", 15)
    assert lai_chau["first_issuer"] == "Tỉnh ủy Lai Châu"
    assert lai_chau["implementing_district"] == 1 and lai_chau["addressed_district"] >= 8
    assert lai_chau["sentence"].startswith("Thực hiện Kết luận số 15-KL/TW") and lai_chau["cue"]
    dien_bien = next(r for r in rows if r["province"] == "Điện Biên")
    assert dien_bien["addressed"] is True and dien_bien["first_uid"] is None and dien_bien["documents"] == 0
    district_only = coverage.run(graph, uid(graph, "15-KL/TW"), level="district")
    assert next(r for r in district_only if r["province"] == "Lai Châu")["first_document"] == "12-KH/HU"


def test_cli_coverage_formats_and_files(workspace, tmp_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["coverage", "15-KL/TW", "-w", workspace, "--json"], catch_exceptions=False)
    assert out.exit_code == 0 and len(json.loads(out.output)) == 63
    both = runner.invoke(cli, ["coverage", "15-KL/TW", "-w", workspace, "--json", "--csv"])
    assert both.exit_code == 2 and "--json and --csv cannot be used together" in both.output
    csv = runner.invoke(cli, ["coverage", "15-KL/TW", "-w", workspace, "--csv", "--excel"], catch_exceptions=False)
    assert csv.output.startswith("\ufeffprovince,addressed,") and csv.output.count("\n") == 64
    bad = runner.invoke(cli, ["coverage", "15-KL/TW", "-w", workspace, "--map", str(tmp_path / "no" / "x.html")])
    assert bad.exit_code == 1 and bad.output.startswith("Error: cannot write")
    png = tmp_path / "map.png"
    done = runner.invoke(cli, ["coverage", "15-KL/TW", "-w", workspace, "--plot", str(png)], catch_exceptions=False)
    assert done.exit_code == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_refuses_unknown_kind_and_missing_build_path(workspace, tmp_path):
    runner = CliRunner()
    kind = runner.invoke(cli, ["check", "-w", workspace, "--kind", "cited_aftr"])
    assert kind.exit_code == 2 and "'cited_aftr' is not one of" in kind.output
    missing = runner.invoke(cli, ["build", str(tmp_path / "nonexist"), "-w", str(tmp_path / "ws")])
    assert missing.exit_code == 1 and "no such file or directory" in missing.output


def test_map_draws_one_mark_per_province_offline(graph):
    import browser as b

    reason = b.unavailable_reason()
    if reason:
        pytest.skip(reason)
    from chidao.outputs.coverage_map import map_html, map_points

    rows = coverage.run(graph, uid(graph, "15-KL/TW"))
    rows[0] = {**rows[0], "first_issuer": "<img src=x onerror=alert(1)></script>"}  # text stays text
    rows[0]["first_uid"] = rows[0]["first_uid"] or "doc:x"
    points = map_points(rows)
    assert len(points) == 63
    with b.Browser() as chromium:
        loaded = chromium.open(map_html(points, "Coverage of 15-KL/TW"))
        marks = loaded.evaluate("Array.from(document.querySelectorAll('circle.province')).map(c => c.dataset.province)")
        assert sorted(marks) == sorted(r["province"] for r in rows)
        assert loaded.evaluate("document.querySelectorAll('img').length") == 0
        colour = loaded.evaluate("document.querySelector('circle[data-province=\"Lai Châu\"]').getAttribute('fill')")
        assert colour == "#91cf60"  # first document after 15 days: the "≤ 30 days" band
        assert loaded.console_errors == [] and loaded.requests == []
