"""Property tests: the extractor never raises and every span points into its input."""

from __future__ import annotations

import bisect
import unicodedata

from hypothesis import HealthCheck, example, given, settings
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


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=0, max_value=600))
def test_sentences_cut_short_are_the_first_sentences(text, until):
    """find_citations splits sentences only up to its last reference: the spans it
    gets must be those of the full split, up to the one holding that position."""
    from chidao.loaders.citations import sentence_spans
    from chidao.loaders.normalize import normalize

    norm = normalize(text).text
    full = sentence_spans(norm)
    short = sentence_spans(norm, until=until)
    assert short == full[: len(short)]
    # The sentence a lookup of `until` picks (the last one starting at or before it; the
    # break characters between two sentences belong to the one before) is there.
    assert bisect.bisect_right([start for start, _ in full], until) - 1 < len(short)


@settings(max_examples=200, deadline=None)
@given(texts)
@example("0\u0730")  # a Syriac mark: combining, but outside U+0300-036F (found by hypothesis)
def test_nfd_offsets_match_the_cluster_by_cluster_reference(text):
    from chidao.loaders.normalize import _nfc_with_offsets, _nfc_with_offsets_slowly

    for variant in (unicodedata.normalize("NFD", text), text + "\u0301", "\u0323" + text):
        assert _nfc_with_offsets(variant) == _nfc_with_offsets_slowly(variant)


_FIXED_CHARS = st.sampled_from(["\u00d0", "\u00f0", "\u2013", "\u2014", "\u2212", "\u00a0", "\u200b", "\ufeff", "Đ", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FIXED_CHARS, st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join))
def test_character_fixes_are_the_translate_table(text):
    from chidao.loaders.normalize import _CHAR_FIXES, _fix_chars

    assert _fix_chars(text) == text.translate(_CHAR_FIXES)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=1, max_value=50))
def test_header_lines_point_into_the_text(text, count):
    from chidao.loaders.header import _last_lines, _lines, _lines_from

    lines = _lines(text)
    assert "\n".join(line.text for line in lines) == text
    for line in lines:
        assert text[line.start:line.end] == line.text and "\n" not in line.text
        assert line.bare == line.text.strip(" \t*_")
    assert _last_lines(text, count) == lines[-count:]
    stop = min(len(text), count * 3)  # a header zone's end, anywhere in the text
    assert list(_lines_from(text, 0, stop)) == _lines(text, 0, stop)
    if text:
        middle = len(text) // 2
        assert next(_lines_from(text, middle)) == next(l for l in lines if l.start <= middle <= l.end)
