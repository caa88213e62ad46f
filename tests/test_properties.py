"""Property tests: the extractor never raises and every span points into its input."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.loaders.extract import extract_text

# Fragments of directive text mixed with arbitrary characters, so generated
# inputs reach the interesting code paths (symbols, dates, cues, headers).
FRAGMENTS = [
    "Căn cứ ", "Thực hiện ", "Kết luận số ", "07-KL/TW", " ngày 11/6/2021", " của Bộ Chính trị", "; ",
    "số 68/NQ-CP", "Công văn số 132-CV/BTGTU", "159 -CV/ĐUK", "Số: /CT-UBND", "Kính gửi: - ", "Nơi nhận:\n- Lưu: VT.",
    "Lai Châu, ngày 10 tháng 5 năm 2021", "ngày  tháng 12 năm 2021", "CHỈ THỊ\n", "V/v ", "các Nghị quyết của Chính phủ: ",
    "\n", "\n\n", ". ", "Uỷ ban nhân dân", "Ð", "–", "theo ", "Điện của Thường trực Ban Bí thư", "T/M BAN THƯỜNG VỤ\n",
    "Nguyễn Văn A", "(", ")", "/", "-", "2021", "Hưởng ứng Lời kêu gọi ngày 29/7/2021 của Tổng Bí thư ",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)


def _check(text: str) -> None:
    record = extract_text(text)
    assert record.kind in ("document", "article")
    for c in record.citations:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.cue in (None, "can_cu", "thuc_hien", "huong_ung", "theo", "tiep_theo", "tra_loi",
                         "sua_doi", "thay_the", "bai_bo")
        assert c.via is None or 0 <= c.via < len(record.citations)
        assert c.date is None or len(c.date) in (4, 7, 10)
    for u in record.unnumbered:
        assert text[u.start:u.end] == u.text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_spans_point_into_the_input(text):
    _check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_decomposed_input_keeps_spans_in_the_original(text):
    _check(unicodedata.normalize("NFD", text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    _check(text)
