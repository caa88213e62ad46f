"""The real development set (tests/data/real/<part>/) holds its scores: each field at or above its floor.

Floors live in tests/data/real/floors.json as {part: {group: {field: floor}}} (group: excerpt, full,
overall), set from the scores the extractor has reached; raise them when the parser gets better.
The scorer is benchmarks/score_real.py (``python benchmarks/score_real.py --worst`` says what fails).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
FLOORS = REAL / "floors.json"

_spec = importlib.util.spec_from_file_location("score_real", ROOT / "benchmarks" / "score_real.py")
score_real = importlib.util.module_from_spec(_spec)
sys.modules["score_real"] = score_real  # dataclasses look their module up there
_spec.loader.exec_module(score_real)


def _floors() -> dict:
    if not FLOORS.is_file():
        return {}
    return json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("part", sorted(_floors()) or ["<none>"])
def test_scores_hold_their_floors(part):
    folder = REAL / part
    if part == "<none>" or not score_real.find_pairs([folder]):
        pytest.skip(f"no annotated real texts in {folder} (the development set lives in tests/data/real/<part>/)")
    scores, results = score_real.score_dirs([folder])
    below = []
    for group, fields in _floors()[part].items():
        for name, floor in fields.items():
            got = scores[group][name]
            if got is None or got < floor:
                below.append(f"{part}/{group}/{name}: {got} < floor {floor}")
    assert not below, "scores dropped below their floors:\n" + "\n".join(below)


def test_every_annotated_folder_has_floors():
    parts = {p.name for p in REAL.iterdir() if p.is_dir() and score_real.find_pairs([p])} if REAL.is_dir() else set()
    if not parts:
        pytest.skip(f"no annotated real texts under {REAL}")
    assert parts <= set(_floors()), f"folders without floors in {FLOORS}: {sorted(parts - set(_floors()))}"


def test_every_text_is_annotated_and_sourced():
    texts = sorted(REAL.rglob("*.txt")) if REAL.is_dir() else []
    if not texts:
        pytest.skip(f"no real texts under {REAL}")
    problems = []
    for txt in texts:
        ann = txt.with_suffix(".json")
        if not ann.is_file():
            problems.append(f"{txt}: no annotation")
            continue
        gold = json.loads(ann.read_text(encoding="utf-8"))
        if gold.get("id") != txt.stem:
            problems.append(f"{ann}: id {gold.get('id')!r} is not the file's name")
        if gold.get("probe") != "accounted":
            problems.append(f"{ann}: probe not accounted")
        body = txt.read_text(encoding="utf-8")
        for c in gold.get("citations", []):
            if c.get("first_mention") and c["first_mention"] not in body:
                problems.append(f"{ann}: first mention {c['first_mention'][:60]!r} is not in the text")
        if txt.stem not in score_real.read_shapes(txt.parent):
            problems.append(f"{txt}: no line in {txt.parent / 'SOURCES.tsv'}")
    assert not problems, "\n".join(problems)


# -- the scorer itself: a table of made-up cases ------------------------------------------------

def _cit(symbol, number="1", doc_type="Công văn", **kw):
    return {"symbol": symbol, "number": number, "doc_type": doc_type, **kw}


@pytest.mark.parametrize(
    "gold_symbol, pred_symbol, same",
    [
        ("294-CV/TU", "294-CV/TU", True),
        ("45/2019/NĐ-CP", "45/2019/N\u0110\u2013CP", True),  # en dash
        ("45/2019/NĐ-CP", "45/2019/N\u00d0-CP", True),  # Ð (U+00D0) typed for Đ
        ("45/2019/NĐ-CP", "45/2019/NĐ - CP", True),
        ("23/2021/QĐ-TTg", "23/2021/QD-TTg", False),
        ("12-KH/TU", "12-KH/HU", False),
    ],
)
def test_symbols_compare_on_normal_form(gold_symbol, pred_symbol, same):
    assert (score_real.norm_symbol(gold_symbol) == score_real.norm_symbol(pred_symbol)) is same


def test_nfd_symbol_matches_nfc():
    import unicodedata

    assert score_real.norm_symbol(unicodedata.normalize("NFD", "05-QĐ/TƯ")) == score_real.norm_symbol("05-QĐ/TƯ")


def test_repeated_and_number_only_mentions_are_false_positives():
    gold = {"doc": None, "citations": [_cit("08/CT-TTg", "08", "Chỉ thị", cue="thuc_hien")], "unnumbered": []}
    pred = {"doc": None, "unnumbered": [], "citations": [
        _cit("08/CT-TTg", "08", "Chỉ thị", cue="thuc_hien"),
        _cit("08/CT\u2013TTg", "08", "Chỉ thị", cue=None),  # the same document again
        _cit(None, "08", "Chỉ thị", cue=None),  # the short form "Chỉ thị số 08" read as a new citation
    ]}
    t = score_real.compare(gold, pred).tally
    assert (t.cit_tp, t.cit_fp, t.cit_fn, t.cue_ok) == (1, 2, 0, 1)


def test_header_needs_type_symbol_and_date():
    gdoc = {"doc_type": "Kế hoạch", "symbol": "312-KH/TU", "date": "2021-07-16"}
    ok = score_real.compare({"doc": gdoc, "citations": []}, {"doc": dict(gdoc), "citations": []}).tally
    wrong = score_real.compare({"doc": gdoc, "citations": []}, {"doc": {**gdoc, "date": None}, "citations": []}).tally
    assert (ok.header_ok, ok.header_n, wrong.header_ok, wrong.header_n) == (1, 1, 0, 1)


def test_issuers_match_loosely():
    assert score_real.loose_equal("Ban Thường vụ Tỉnh uỷ Lai Châu", "BAN THƯỜNG VỤ TỈNH ỦY  LAI CHÂU,")
    assert not score_real.loose_equal("Bộ Chính trị", "Bộ Chính trị Về đổi mới")  # the subject is no part of the issuer
    assert not score_real.loose_equal("Ban Bí thư", "Bộ Chính trị")
    assert score_real.loose_equal(None, "")
