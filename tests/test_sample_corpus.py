"""The bundled sample corpus against the facts written down with it (corpus/sample_truth.json)."""

from __future__ import annotations

import json

import pytest

from chidao.corpus import sample_corpus_path
from chidao.loaders import extract_file
from chidao.loaders.normalize import fold

SAMPLE = sample_corpus_path()
TRUTH = json.loads((SAMPLE.parent / "sample_truth.json").read_text("utf-8"))["documents"]
NAMES = sorted(TRUTH)


@pytest.fixture(scope="module")
def records():
    return {name: extract_file(SAMPLE / name) for name in NAMES}


def test_every_sample_file_has_its_truth():
    files = {str(p.relative_to(SAMPLE)) for p in SAMPLE.rglob("*") if p.suffix in (".txt", ".docx", ".pdf", ".html")}
    assert files == set(NAMES)
    assert len(files) >= 40


@pytest.mark.parametrize("name", NAMES)
def test_header(records, name):
    expected, record = TRUTH[name], records[name]
    assert record.kind == expected["kind"]
    if expected["doc"] is None:
        return
    for field in ("doc_type", "number", "symbol", "date"):
        assert getattr(record.doc, field) == expected["doc"][field], field
    assert fold(record.doc.issuer_canonical or "") == fold(expected["doc"]["issuer"])


@pytest.mark.parametrize("name", NAMES)
def test_citations(records, name):
    expected = [(c["symbol"], c["number"], c["doc_type"], c["date"], c["cue"]) for c in TRUTH[name]["citations"]]
    truth = TRUTH[name]["citations"]
    vias = [truth[c.via]["symbol"] if c.via is not None else None for c in records[name].citations]
    assert vias == [c["via"] for c in truth]
    got = [(c.symbol, c.number, c.doc_type, c.date, c.cue) for c in records[name].citations]
    assert got == expected
