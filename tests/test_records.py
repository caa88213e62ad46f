"""graph/records.py and the models' pickling: what a build holds while it resolves gives back what went in.

A build keeps every record packed (``PackedRecords``) and unpacks it four times; the models pickle
through their own ``__getstate__``/``__setstate__`` (loaders/models.py, ``_quick_pickle``). Both must
give back equal records, agencies shared, in path order, and leave the records frozen.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from chidao.corpus import sample_corpus_path
from chidao.graph.build import place_record
from chidao.graph.records import PackedRecords, record_from_json, slim_record
from chidao.loaders.batch import extract_paths
from chidao.loaders.models import Citation, DocHeader, Record, Signer, Unnumbered

REAL = Path(__file__).resolve().parent / "data" / "real"


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found = [r for _, r, _, _ in extract_paths([sample_corpus_path(), REAL / "fresh"]) if r is not None]
    assert len(found) > 40
    return found


def _every_model(records):
    for r in records:
        yield r
        if r.doc is not None:
            yield r.doc
            if r.doc.signer is not None:
                yield r.doc.signer
        yield from r.citations
        yield from r.unnumbered


def test_each_model_pickles_back_equal_and_frozen(records):
    seen = set()
    for obj in _every_model(records):
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == obj and type(back) is type(obj)
        assert [getattr(back, f.name) for f in dataclasses.fields(obj)] == [getattr(obj, f.name)
                                                                            for f in dataclasses.fields(obj)]
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(back, dataclasses.fields(back)[0].name, None)
        seen.add(type(obj))
    assert seen == {Record, DocHeader, Signer, Citation, Unnumbered}  # the corpus exercised every model


def test_a_state_of_another_version_still_loads():
    # dataclasses' own state was a list of the fields' values: a pickle made so still loads
    signer = Signer("Nguyễn Văn A", "BÍ THƯ")
    back = Signer.__new__(Signer)
    back.__setstate__(["Nguyễn Văn A", "BÍ THƯ"])
    assert back == signer


def test_packed_records_give_back_every_pair_in_path_order_with_agencies_shared(records):
    pairs = [(slim_record(r, placed=True), place_record(r)) for r in reversed(records)]  # not in path order
    packed: PackedRecords = PackedRecords()
    for record, placement in pairs:
        packed.add(record, placement)
    assert len(packed) == len(pairs)
    expected = sorted(pairs, key=lambda pair: pair[0].path)
    assert list(packed) == expected
    again = list(packed)  # read as often as a build needs
    assert again == expected
    issuers = {}
    for _record, placement in again:
        if placement.issuer is not None:
            held = issuers.setdefault(placement.issuer, placement.issuer)
            assert held is placement.issuer  # one object per agency, however many records name it
    assert len(issuers) > 5 and len(issuers) < sum(1 for _, p in again if p.issuer is not None)
    assert list(packed.take()) == expected
    assert len(packed) == 0 and list(packed) == []


def test_a_record_from_its_json_is_the_record(records):
    for r in records:
        assert record_from_json(r.to_json()) == r
