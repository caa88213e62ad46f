"""The OCR repairs of the matching form (normalize.ocr_repairs): a table of real slips.

The "seen" rows are what Tesseract's Vietnamese model wrote on the scans of
tests/test_ocr.py and benchmarks/ocr.py (--harsh); the symbol rows are the
confusions the repair exists for (O/0, l/I/1), which those DejaVu scans did
not happen to produce. No tesseract needed here.
"""

from __future__ import annotations

import pytest

from chidao.loaders.extract import extract_text
from chidao.loaders.normalize import match_form, normalize, ocr_repairs

REPAIRS = [
    # OCR output, repaired matching form
    ("Các chỉ ủy, đẳng ủy cơ sở", "Các chi ủy, đảng ủy cơ sở"),  # seen (seed 004, page 1)
    ("cán bộ, đẳng viên", "cán bộ, đảng viên"),  # seen (seed 001)
    ("TỈNH ĐẲNG CỘNG SẢN VIỆT NAM", "TỈNH ĐẢNG CỘNG SẢN VIỆT NAM"),  # seen (--harsh)
    ("ban cán sự đẳng, Ban Thường vụ", "ban cán sự đảng, Ban Thường vụ"),  # seen (--harsh)
    ("binh, chỉ hội Phụ nữ", "binh, chi hội Phụ nữ"),  # seen (seed 001)
    ("phòng, chổng dịch", "phòng, chống dịch"),  # seen (--harsh)
    ("Đẳng ủy Khối", "Đảng ủy Khối"),
    ("Kết luận số 07-KU/TW, ngày 11/6/2021", "Kết luận số 07-KL/TW, ngày 11/6/2021"),  # seen (--harsh)
    ("Chỉ thị số 15/CT-.UBND ngày 13/10/2021", "Chỉ thị số 15/CT- UBND ngày 13/10/2021"),  # seen (--harsh)
    ("Quyết định số 12/QD-UBND", "Quyết định số 12/QĐ-UBND"),
    ("Căn cứ Công văn số l32-CV/BTGTU", "Căn cứ Công văn số 132-CV/BTGTU"),
    ("Kế hoạch số 1O5-KH/TU", "Kế hoạch số 105-KH/TU"),
    ("Quyết định số 23/2O21/QĐ-TTg", "Quyết định số 23/2021/QĐ-TTg"),
    ("Công văn số 1198/UBND-VX", "Công văn số 1198/UBND-VX"),
    ("số 07-KL/TW", "số 07-KL/TW"),
    ("Chỉ thị số 15-CT/T1", "Chỉ thị số 15-CT/T1"),  # one letter then a digit: not enough to say
    ("số 19/KH-BCĐ389", "số 19/KH-BCĐ389"),  # digits that belong to the code stay
    ("số 12-CV/BTGT0", "số 12-CV/BTGTO"),
    ("số 12-CV/B1GTU", "số 12-CV/BIGTU"),
]

UNCHANGED = [
    "Chỉ thị số 05-CT/TW",  # Chỉ thị is not chi
    "bình đẳng giới",  # a real word with the hook
    "chỉ đạo",
    "Covid-19",
    "I-II",
    "lo-go",
    "ngày 10/5/2021",
    "số 07-KL/TW",
    "số 45-KH/TU",  # a known code stays
    "số 3-XY/TU",  # unknown, but no known code one slip away
]


@pytest.mark.parametrize("ocr_text,repaired", REPAIRS)
def test_repairs(ocr_text, repaired):
    assert ocr_repairs(ocr_text) == repaired
    assert len(ocr_repairs(ocr_text)) == len(ocr_text)  # same length: offsets hold


@pytest.mark.parametrize("text", UNCHANGED)
def test_left_alone(text):
    assert ocr_repairs(text) == text


def test_only_ocr_text_is_repaired():
    typed = "Các chỉ ủy, đẳng ủy"
    assert match_form(typed) == typed
    assert match_form(typed, ocr=True) == "Các chi ủy, đảng ủy"


def test_the_original_is_never_changed():
    text = "Căn cứ Kế hoạch số l32-KH/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy."
    n = normalize(text, ocr=True)
    assert n.original == text and "132-KH/TU" in n.text
    rec = extract_text(text, "scan.png", encoding="ocr")
    (c,) = rec.citations
    assert c.symbol == "132-KH/TU"
    assert c.text == text[c.start:c.end] and "l32" in c.text  # the span shows what the page says
    assert extract_text(text, "typed.txt", encoding="utf-8").citations == ()  # a typed "l32" is not a number
