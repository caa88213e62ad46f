"""Extraction grows linearly with a document, whatever is in it (issue 15).

The two cases of the issue: a real document's lines joined into one line and repeated,
and a line repeated many times; plus a run-on line dense with distinct citations (where
sentence lookups, number-only and unnumbered tests were quadratic) and its NFD form.
No wall-clock: each test counts the Python work done (line events in loaders/, traced)
for an input and for the same input 8 times longer, and asserts the ratio stays near 8
(a quadratic path gives ~64); memory is bounded per character.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

import chidao.loaders as _loaders
from chidao.loaders.extract import extract_text
from chidao.loaders.models import Record
from chidao.loaders.normalize import _nfc_with_offsets

# the loaders actually imported (a checkout run through a symlinked package traces those files, not its own)
LOADERS = str(Path(_loaders.__file__).parent)
REAL = Path(__file__).resolve().parent / "data" / "real" / "state" / "2025-ubnd-hanoi-72-qd.txt"
_FALLBACK = ("Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết; "
             "Căn cứ Quyết định số 17/2025/QĐ-UBND ngày 28 tháng 02 năm 2025 của Ủy ban nhân dân Thành phố.")


def _one_line() -> str:
    text = REAL.read_text(encoding="utf-8") if REAL.is_file() else _FALLBACK
    return " ".join(text.split("\n"))


def _make(kind: str, size: int) -> str:
    if kind == "joined-lines":
        one = _one_line() + " "
        return one * (size // len(one) + 1)
    if kind == "repeated-line":
        line = "Căn cứ Kế hoạch số 25-KH/TU ngày 02/8/2021 của Tỉnh ủy Lai Châu về thực hiện Chỉ thị số 05-CT/TW;\n"
        return line * (size // len(line) + 1)
    if kind in ("distinct-run-on", "distinct-run-on-nfd"):
        text = "".join(f"Căn cứ Kế hoạch số {i}-KH/TU ngày 02/8/2021 của Tỉnh ủy Lai Châu; Chỉ thị số {i}; "
                       f"Điện của Thường trực Ban Bí thư; " for i in range(size // 120 + 1))
        return unicodedata.normalize("NFD", text) if kind.endswith("nfd") else text
    raise ValueError(kind)


def _work(text: str) -> int:
    """Python line events in loaders/ while extracting text (a count of work, not of time)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(LOADERS) else None

    sys.settrace(tracer)
    try:
        extract_text(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("kind", ["joined-lines", "repeated-line", "distinct-run-on", "distinct-run-on-nfd"])
def test_work_grows_linearly(kind):
    small, large = _make(kind, 6_000), _make(kind, 48_000)
    ratio = _work(large) / _work(small)
    scale = len(large) / len(small)
    assert ratio < 1.6 * scale, f"{kind}: {scale:.1f}x the text took {ratio:.1f}x the work"


@pytest.mark.parametrize("kind", ["joined-lines", "distinct-run-on"])
def test_what_citations_carry_is_bounded_by_the_text(kind):
    """Each citation carries its sentence; in a text without sentence breaks the old code gave
    every citation the whole text (a 573 KB line: 20 GB). Together they stay a few times the text."""
    text = _make(kind, 200_000)
    record = extract_text(text)
    assert record.citations
    carried = sum(len(c.sentence) for c in record.citations) + sum(len(u.sentence) for u in record.unnumbered)
    assert carried < 8 * len(text)


def test_nfd_offsets_take_a_few_bytes_a_character():
    """The map back to a decomposed original: an array of machine integers, not a tuple of ints (~40 bytes each)."""
    text = _make("distinct-run-on-nfd", 400_000)
    tracemalloc.start()
    try:
        composed, offsets = _nfc_with_offsets(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(offsets) == len(composed)
    assert peak / len(text) < 16


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _extract_and_write(text: str) -> None:
    for _ in extract_text(text).json_chunks():
        pass


@pytest.mark.parametrize("kind", ["distinct-run-on", "repeated-line"])
def test_peak_memory_grows_linearly(kind):
    """Extraction and the --json line together: 4x the text, at most ~4x the peak (a quadratic
    path gives 16x; the old whole-line json.dumps stayed linear, so this guards the shape, not
    the 412 -> 188 MB of benchmarks/linear.py)."""
    small, large = _make(kind, 100_000), _make(kind, 400_000)
    ratio = _peak(lambda: _extract_and_write(large)) / _peak(lambda: _extract_and_write(small))
    assert ratio < 5.5, f"{kind}: 4x the text took {ratio:.1f}x the peak memory"


def test_json_chunks_are_the_json_line_one_reference_at_a_time():
    """What extract --json writes, in pieces no larger than one reference's object: a text with
    100,000 citations never holds them all as dicts, nor the whole line."""
    record = extract_text(_make("distinct-run-on", 100_000))
    assert len(record.citations) > 1000 and record.unnumbered
    chunks = list(record.json_chunks())
    line = json.dumps(record.to_json(), ensure_ascii=False)
    assert "".join(chunks) == line
    assert max(len(c) for c in chunks) < 2_000 and len(line) > 200 * 2_000
    peak = _peak(lambda: [None for _ in record.json_chunks()])
    assert peak < len(line) / 20


@pytest.mark.parametrize("record", [
    Record(path="a.txt", kind="article", doc=None),
    extract_text("Căn cứ Kế hoạch số 25-KH/TU ngày 02/8/2021 của Tỉnh ủy Lai Châu; Điện của Thường trực Ban Bí thư;"),
], ids=["empty", "one-of-each"])
def test_json_chunks_match_to_json_on_the_edges(record):
    assert "".join(record.json_chunks()) == json.dumps(record.to_json(), ensure_ascii=False)
