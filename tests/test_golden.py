"""Exact output ("golden") of the human forms of implements, show and gaps on the sample corpus.

The expected text is in tests/golden/<name>.txt, with the sample corpus's folder written
as ``<SAMPLE>`` (it depends on where chidao is installed). A change to what these
commands print for people fails here; when the change is meant, write the files again
with ``CHIDAO_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chidao.cli import cli
from chidao.corpus import sample_corpus_path

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {
    "implements-kl07": ["implements", "Kết luận 07-KL/TW"],
    "implements-kl07-district": ["implements", "KL 07", "--level", "district"],
    "show-294-lai-chau": ["show", "294-CV/TU Lai Châu"],
    "show-45-kh-hu": ["show", "45-KH/HU"],
    "gaps-312-lai-chau": ["gaps", "312-KH/TU Lai Châu"],
    "gaps-kl07-commune": ["gaps", "Kết luận 07-KL/TW", "--level", "commune"],
    "trace-kl07-district": ["trace", "KL 07"],
    "basis-45-kh-hu": ["basis", "45-KH/HU"],
    "coverage-kl07": ["coverage", "Kết luận 07-KL/TW"],
    "timeline-kl07": ["timeline", "KL 07"],
    "search-phong-chong-dich": ["search", "phòng chống dịch"],
}
WIDTH = 80  # what a pipe, a file and these tests get


@pytest.mark.parametrize("name", sorted(CASES))
def test_human_output_is_exactly_the_golden_text(ws, name):
    result = CliRunner().invoke(cli, [*CASES[name], "-w", ws])
    assert result.exit_code == 0, (result.output, result.exception)
    text = result.stdout.replace(str(sample_corpus_path()), "<SAMPLE>")
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("CHIDAO_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert expected.strip(), f"{path} is empty"
    assert text == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_human_output_fits_80_columns_and_never_splits_a_symbol(name):
    """Every golden line fits 80 columns; every symbol of the sample corpus that appears is whole on one line."""
    import re
    import unicodedata

    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    long = [line for line in text.splitlines() if len(unicodedata.normalize("NFC", line)) > WIDTH]
    assert not long, long
    # A symbol split across lines leaves a line ending in "-" or "/" (07-KL/ + TW).
    assert not [line for line in text.splitlines() if re.search(r"\w[/-]$", line.rstrip())]


@pytest.mark.parametrize("lead", ["", "  ", "      "])
def test_a_line_too_long_to_break_keeps_its_indent(lead):
    """A path longer than the width stays on its line with its lead, so the layout does not
    depend on where the corpus lives (a CI clone's path is longer than a developer's)."""
    from chidao.outputs.render import fit

    path = "/tmp/" + "x" * 90 + "/lai-chau/phong-tho/ubnd-kh-du-thao-2021-08.txt"
    assert fit(lead + path, 80) == [lead + path]
    wrapped = fit(lead + "Thực hiện Kế hoạch số 45-KH/HU " + path + " của Ban Thường vụ", 80)
    assert wrapped[0].startswith(lead + "Thực hiện") and all(line.startswith(lead) for line in wrapped)
    assert any(line.strip() == path for line in wrapped)  # whole, on a line of its own
