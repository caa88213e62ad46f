"""The five real documents: every fact of ../shared/seeds/expected.json."""

from __future__ import annotations

import json

import pytest

from chidao.loaders import extract_file
from chidao.loaders.normalize import fold

from conftest import SEEDS, seeds_available

NAMES = sorted(json.loads((SEEDS / "expected.json").read_text("utf-8"))["documents"]) if seeds_available() else []
DOC_FIELDS = ("doc_type", "number", "symbol", "date", "place", "subject", "recipients", "copied_to", "signer")
CITATION_FIELDS = ("doc_type", "number", "symbol", "date", "cue")


@pytest.fixture(scope="module")
def records(seeds_dir):
    return {name: extract_file(seeds_dir / name) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_kind(records, seed_expected, name):
    assert records[name].kind == seed_expected[name]["kind"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("field", DOC_FIELDS)
def test_doc_fields(records, seed_expected, name, field):
    expected = seed_expected[name]["doc"]
    got = records[name].to_json()["doc"]
    if expected is None:
        assert got is None
        return
    assert got[field] == expected[field]


@pytest.mark.parametrize("name", NAMES)
def test_issuer_as_written_and_canonical(records, seed_expected, name):
    expected = seed_expected[name]["doc"]
    if expected is None:
        pytest.skip("an article has no header")
    doc = records[name].doc
    assert doc.issuer == expected["issuer_as_written"]
    # Canonical names are compared accent- and case-sensitively except for
    # the case of words inside the name, which the documents themselves vary.
    assert fold(doc.issuer_canonical) == fold(expected["issuer"])


@pytest.mark.parametrize("name", NAMES)
def test_numbered_citations(records, seed_expected, name):
    expected = [{k: c[k] for k in CITATION_FIELDS} for c in seed_expected[name]["citations"]]
    got = [{k: getattr(c, k) for k in CITATION_FIELDS} for c in records[name].citations]
    assert got == expected


@pytest.mark.parametrize("name", NAMES)
def test_citation_issuers(records, seed_expected, name):
    got = [c.issuer for c in records[name].citations]
    assert got == [c["issuer_as_written"] for c in seed_expected[name]["citations"]]


def test_eleven_numbered_citations_in_all(records, seed_expected):
    assert sum(len(r.citations) for r in records.values()) == 11 == sum(
        len(d["citations"]) for d in seed_expected.values())


@pytest.mark.parametrize("name", NAMES)
def test_unnumbered(records, seed_expected, name):
    got = [(u.doc_type, u.date, u.issuer, u.cue) for u in records[name].unnumbered]
    assert got == [(u["doc_type"], u["date"], u["issuer"], u["cue"]) for u in seed_expected[name]["unnumbered"]]


@pytest.mark.parametrize("name", NAMES)
def test_spans_point_into_the_original_text(records, seeds_dir, name):
    text = (seeds_dir / name).read_text("utf-8")
    for c in records[name].citations:
        assert text[c.start:c.end] == c.text
        assert c.symbol is None or c.number in c.text
        assert c.text in c.sentence or " ".join(c.text.split()) in " ".join(c.sentence.split())
    for u in records[name].unnumbered:
        assert text[u.start:u.end] == u.text
