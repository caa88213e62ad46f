"""`chidao check` on a small archive written here (issue 13, point 7): what it must find, and what not.

The archive: a central Kết luận 07-KL/TW whose header names the Central Committee ("BAN CHẤP HÀNH
TRUNG ƯƠNG") with Nơi nhận to every province, Lai Châu's plan 312-KH/TU and two district plans that
all cite it "của Bộ Chính trị", a district plan whose place line names another district, and a
news article that mentions the provincial plan and a plan the archive does not hold by "Ban
Thường vụ Tỉnh ủy" only. The texts are made up for these tests.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.graph.checks import ISSUE_KINDS, Issue

KL = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 07-KL/TW

ĐẢNG CỘNG SẢN VIỆT NAM

Hà Nội, ngày 11 tháng 6 năm 2021

KẾT LUẬN
về các nhiệm vụ trọng tâm phòng, chống dịch Covid-19 và phục hồi kinh tế - xã hội

Bộ Chính trị yêu cầu các cấp ủy, chính quyền tập trung lãnh đạo thực hiện tốt các nhiệm vụ sau.

1. Kiên trì mục tiêu vừa phòng, chống dịch, vừa phục hồi sản xuất, kinh doanh.

Nơi nhận:
- Các tỉnh ủy, thành ủy trực thuộc Trung ương,
- Lưu Văn phòng Trung ương Đảng.

T/M BỘ CHÍNH TRỊ
THƯỜNG TRỰC BAN BÍ THƯ

Võ Văn Thưởng
"""

PLAN = """TỈNH ỦY LAI CHÂU
*
Số: 312-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Lai Châu, ngày 25 tháng 6 năm 2021

KẾ HOẠCH
thực hiện Kết luận về các nhiệm vụ trọng tâm phòng, chống dịch Covid-19

Kính gửi:
- Các huyện ủy, thành ủy, đảng ủy trực thuộc.

Thực hiện Kết luận số 07-KL/TW, ngày 11/6/2021 {issuer_kl}về các nhiệm vụ trọng tâm trong phòng, \
chống dịch và phục hồi kinh tế - xã hội, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:

1. Các huyện ủy, thành ủy xây dựng kế hoạch của cấp mình, hoàn thành trước ngày 10/7/2021.

Nơi nhận:
- Như kính gửi,
- Lưu: VT.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Vương Đình Khải
"""

DISTRICT = """ĐẢNG BỘ TỈNH LAI CHÂU
HUYỆN ỦY {DISTRICT}
*
Số: {number}-KH/HU

ĐẢNG CỘNG SẢN VIỆT NAM

{place}, ngày {day} tháng 7 năm 2021

KẾ HOẠCH
triển khai nhiệm vụ phòng, chống dịch Covid-19 trên địa bàn huyện

Kính gửi:
- Các chi bộ, đảng bộ trực thuộc.

Thực hiện Kế hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số \
07-KL/TW {issuer_kl}, Ban Thường vụ Huyện ủy {District} xây dựng Kế hoạch triển khai như sau:

1. Tổ chức quán triệt đến toàn thể cán bộ, đảng viên trong tháng 7/2021.

Nơi nhận:
- Thường trực Tỉnh ủy (b/c),
- Đảng ủy các xã, thị trấn,
- Lưu: VT.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn An
"""

ARTICLE = """Lai Châu triển khai Kết luận 07 của Bộ Chính trị

Báo Lai Châu - Ngày 30/6/2021, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt.

Theo Kế hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ Tỉnh ủy, các huyện ủy, thành ủy phải \
xây dựng kế hoạch trước ngày 10/7/2021. Cùng với đó, Kế hoạch số 318-KH/TU ngày 02/7/2021 của Ban \
Thường vụ Tỉnh ủy về tiêm chủng được phổ biến tới các xã. Phóng viên ghi nhận nhiều địa phương đã vào cuộc.
"""

BCT = "của Bộ Chính trị "


def write_archive(root: Path, *, kl_issuers=(BCT, BCT, BCT), phong_tho_place="Tam Đường") -> Path:
    """The archive in ``root``; ``kl_issuers``: how 312-KH/TU and the plans of Tam Đường and Phong Thổ
    name the issuer of 07-KL/TW (an empty string: not at all)."""
    (root / "central").mkdir(parents=True)
    (root / "lai-chau" / "tam-duong").mkdir(parents=True)
    (root / "lai-chau" / "phong-tho").mkdir(parents=True)
    (root / "central" / "kl-07-2021.txt").write_text(KL, encoding="utf-8")
    (root / "lai-chau" / "tu-kh-312-2021.txt").write_text(PLAN.format(issuer_kl=kl_issuers[0]), encoding="utf-8")
    for folder, name, number, day, place, issuer in (
            ("tam-duong", "Tam Đường", "45", "06", "Tam Đường", kl_issuers[1]),
            ("phong-tho", "Phong Thổ", "203", "08", phong_tho_place, kl_issuers[2])):
        text = DISTRICT.format(DISTRICT=name.upper(), District=name, number=number, day=day, place=place,
                               issuer_kl=issuer.strip())
        (root / "lai-chau" / folder / f"hu-kh-{number}-2021.txt").write_text(text, encoding="utf-8")
    (root / "lai-chau" / "tin-tuc.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def invoke(*args, code: int = 0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, (result.output, result.exception)
    return result


def issues_of(tmp_path: Path, **archive) -> list[dict]:
    archive_dir = write_archive(tmp_path / "archive", **archive)
    ws = tmp_path / "ws"
    invoke("build", archive_dir, "-w", ws)
    return json.loads(invoke("check", "-w", ws, "--json").stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[dict]]:
    base = tmp_path_factory.mktemp("checks")
    return base / "ws", issues_of(base)


def of_kind(issues: list[dict], kind: str) -> list[dict]:
    return [i for i in issues if i["kind"] == kind]


def name(uid_or_path: str) -> str:
    return uid_or_path.rsplit("/", 1)[-1]


# ---------------------------------------------------------------- issuer_conflict

def test_header_issuer_against_every_citation_is_one_issue(built):
    _, issues = built
    [issue] = of_kind(issues, "issuer_conflict")
    assert issue["uids"][0] == "doc:07-KL/TW@VN:2021"
    assert [u.split("@")[0] for u in issue["uids"][1:]] == ["doc:203-KH/HU", "doc:312-KH/TU", "doc:45-KH/HU"]
    assert name(issue["path"]) == "kl-07-2021.txt"
    # both issuers and the citing documents, named for a person
    assert "header names Trung ương Đảng" in issue["message"] and "citing it names Bộ Chính trị" in issue["message"]
    for ref in ("312-KH/TU (Lai Châu)", "45-KH/HU (Tam Đường)", "203-KH/HU (Phong Thổ)"):
        assert ref in issue["message"]


def test_citations_that_disagree_are_no_issue(tmp_path):
    issues = issues_of(tmp_path, kl_issuers=(BCT, "của Ban Bí thư ", BCT))
    assert of_kind(issues, "issuer_conflict") == []


def test_citations_that_name_no_issuer_are_no_issue(tmp_path):
    issues = issues_of(tmp_path, kl_issuers=("", "", ""))
    assert of_kind(issues, "issuer_conflict") == []


def test_one_citing_document_is_not_enough(tmp_path):
    """Only 312-KH/TU names the issuer: one voice (the silent plans neither confirm nor deny)."""
    issues = issues_of(tmp_path, kl_issuers=(BCT, "", ""))
    assert of_kind(issues, "issuer_conflict") == []


def test_citations_that_agree_with_the_header_are_no_issue(tmp_path):
    text = "của Ban Chấp hành Trung ương "
    assert of_kind(issues_of(tmp_path, kl_issuers=(text, text, text)), "issuer_conflict") == []


# ---------------------------------------------------------------- article_only

def test_a_document_only_an_article_mentions_is_an_issue(built):
    _, issues = built
    [issue] = of_kind(issues, "article_only")
    assert issue["uids"][0].startswith("doc:318-KH/TU@")
    [source] = issue["uids"][1:]
    assert source.startswith("src:")
    assert name(issue["path"]) == "tin-tuc.txt"
    assert "318-KH/TU: mentioned by 1 news article(s) only" in issue["message"]
    # the plan the archive holds is not one: the article's mention of it resolved to it
    assert not [i for i in issues if "312-KH/TU" in i["message"] and i["kind"] == "article_only"]


# ---------------------------------------------------------------- place_line

def test_a_place_line_off_the_issuers_district_is_an_issue(built):
    _, issues = built
    [issue] = of_kind(issues, "place_line")
    assert issue["uids"][0].startswith("doc:203-KH/HU@")
    assert name(issue["path"]) == "hu-kh-203-2021.txt"
    assert "'Tam Đường'" in issue["message"] and "Huyện ủy Phong Thổ" in issue["message"]
    assert "Huyện Tam Đường (Lai Châu)" in issue["message"] and "Huyện Phong Thổ (Lai Châu)" in issue["message"]


@pytest.mark.parametrize("place", ["Phong Thổ", "Lai Châu"])
def test_a_place_line_on_the_issuers_line_is_no_issue(tmp_path, place):
    """Its own district, or the province above it."""
    assert of_kind(issues_of(tmp_path, phong_tho_place=place), "place_line") == []


def test_nothing_else_is_reported(built):
    """The archive holds no other anomaly: 318-KH/TU, named by the article alone, is also unscoped."""
    _, issues = built
    assert sorted(i["kind"] for i in issues) == ["article_only", "issuer_conflict", "place_line", "unscoped"]
    [unscoped] = of_kind(issues, "unscoped")
    assert unscoped["uids"][0].startswith("doc:318-KH/TU@")


# ---------------------------------------------------------------- the command

def test_every_kind_is_one_choice_of_kind(built):
    ws, issues = built
    for kind in ISSUE_KINDS:  # the place kinds among them (they were refused before)
        rows = json.loads(invoke("check", "-w", ws, "--kind", kind, "--json").stdout)
        assert rows == of_kind(issues, kind)
    rows = json.loads(invoke("check", "-w", ws, "--kind", "place_line", "--kind", "article_only", "--json").stdout)
    assert sorted(r["kind"] for r in rows) == ["article_only", "place_line"]


def test_an_unknown_kind_is_refused(built):
    ws, _ = built
    result = invoke("check", "-w", ws, "--kind", "cited_aftr", code=2)
    assert "'cited_aftr' is not one of" in result.output and "cited_after" in result.output
    assert "No issues" not in result.output


def test_an_issue_of_an_unlisted_kind_cannot_be_made():
    with pytest.raises(ValueError, match="not in ISSUE_KINDS"):
        Issue("cited_aftr", "x")


def test_csv_has_the_same_rows(built):
    ws, issues = built
    rows = list(csv.DictReader(io.StringIO(invoke("check", "-w", ws, "--csv").stdout)))
    assert [(r["kind"], r["message"], r["path"], r["uids"].split("; ")) for r in rows] == [
        (i["kind"], i["message"], i["path"] or "", i["uids"]) for i in issues]


def test_json_and_csv_together_are_a_usage_error(built):
    ws, _ = built
    invoke("check", "-w", ws, "--json", "--csv", code=2)


GOLDEN = Path(__file__).resolve().parent / "golden" / "check-archive.txt"


def test_human_output_is_exactly_the_golden_text(tmp_path, monkeypatch):
    """At 80 columns (what a pipe gets), the archive written under a relative path: the text does not
    depend on where the test runs."""
    monkeypatch.chdir(tmp_path)
    write_archive(Path("archive"))
    invoke("build", "archive", "-w", "ws")
    text = invoke("check", "-w", "ws").stdout.replace(str(Path("archive").resolve()), "<ARCHIVE>")
    if os.environ.get("CHIDAO_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 80
