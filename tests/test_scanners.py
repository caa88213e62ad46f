"""The citation finder takes its forms of reference as a parameter (``find_citations(..., scanners=)``)."""

from __future__ import annotations

from chidao.loaders.citations import SCANNERS, Scanner, find_citations
from chidao.loaders.normalize import normalize

TEXT = ("Căn cứ Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị; thực hiện Công văn số 294 ngày "
        "21/7/2021 của Tỉnh ủy; thực hiện Điện của Thủ tướng Chính phủ ngày 20/7/2021 về phòng, chống dịch.")


def test_the_default_scanners_find_every_form():
    citations, unnumbered = find_citations(normalize(TEXT))
    assert [(c.symbol, c.number) for c in citations] == [("07-KL/TW", "07"), (None, "294")]
    assert [u.doc_type for u in unnumbered] == ["Điện"]
    assert [s.name for s in SCANNERS] == ["symbol", "symbol-slip", "number-only", "unnumbered", "named-law",
                                         "congress-resolution", "plenum-resolution", "charter",
                                         "working-rules"]


def test_leaving_a_scanner_out_leaves_its_form_out():
    by_name = {s.name: s for s in SCANNERS}
    citations, unnumbered = find_citations(normalize(TEXT), scanners=(by_name["symbol"],))
    assert [c.symbol for c in citations] == ["07-KL/TW"] and unnumbered == []
    citations, unnumbered = find_citations(normalize(TEXT), scanners=(by_name["number-only"], by_name["unnumbered"]))
    assert [c.number for c in citations] == ["294"]  # the symbol's digits are no longer taken: only "294" has a type
    assert [u.doc_type for u in unnumbered] == ["Điện"]


def test_a_new_form_is_one_more_scanner():
    """A scanner written outside the module joins the others (here: it re-finds what the symbol scanner finds,
    under another name, and the finder treats its references like any other)."""
    symbol = SCANNERS[0]
    renamed = Scanner("symbol-again", symbol.scan)
    citations, _ = find_citations(normalize(TEXT), scanners=(renamed, *SCANNERS[1:]))
    assert [(c.symbol, c.cue) for c in citations] == [("07-KL/TW", "can_cu"), (None, "thuc_hien")]
