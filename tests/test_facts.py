"""One place per fact: the tables derived from loaders/vocabulary.py stay in step with it, and the
one fold, words form and symbol key agree with the forms the graph stores."""

from __future__ import annotations

import re

import pytest

from chidao.graph import checks, schema
from chidao.graph.index import search_form, symbol_key as index_symbol_key
from chidao.loaders import vocabulary as V
from chidao.loaders.normalize import fold, symbol_form, symbol_key
from chidao.queries import base
from chidao.queries.registry import QUESTIONS


def test_every_cue_becomes_a_link_type_of_the_export():
    assert {c.link for c in V.CUES} | {V.DEFAULT_LINK} <= set(V.CITATION_LINK_TYPES)
    assert schema.REL_TYPES == V.LINK_TYPES and len(set(V.LINK_TYPES)) == len(V.LINK_TYPES)
    assert checks.CITATION_LINKS == set(V.CITATION_LINK_TYPES) | {V.MENTION_LINK}
    assert set(base.DOWNSTREAM_LINKS) <= set(V.CITATION_LINK_TYPES)


def test_the_links_the_build_makes_are_known(sample_graph):
    made = {d.get("type") for _, _, d in sample_graph.edges(data=True)}
    assert made and made <= set(V.LINK_TYPES)
    assert {"IMPLEMENTS", "BASED_ON", "ISSUED_BY"} <= made


def test_the_viz_colours_only_known_links_and_levels():
    from chidao.outputs import view, viz

    assert set(viz.LINK_COLOURS) == set(V.LINK_TYPES)
    assert viz.PALE_LINKS <= set(V.LINK_TYPES) and view.HIDDEN_LINKS <= set(V.LINK_TYPES)
    assert set(view.LEVEL_COLOURS) == set(V.LEVELS) | {None} and view.LEVELS is V.LEVELS


def test_levels_are_one_list():
    assert list(base.LEVEL_ORDER) == [*V.LEVELS, None]
    assert list(schema.LEVEL_LABELS) == list(V.LEVELS)
    for question in QUESTIONS.values():
        for option in question.options:
            if option.name in ("level", "to"):
                assert set(option.choices) <= set(V.LEVELS)


def test_the_cypher_faces_name_only_known_relationships_and_labels():
    known = set(V.LINK_TYPES) | set(schema.LABELS)
    for question in QUESTIONS.values():
        text = question.cypher_file.read_text(encoding="utf-8")
        named = set(re.findall(r":`?([A-Z][A-Za-z_]+)", text)) | set(re.findall(r"(?<=[A-Z_])\|:?`?([A-Z][A-Z_]+)", text))
        assert named and named <= known | {"Central"}, (question.name, named - known)


@pytest.mark.parametrize("text, form", [
    ("Phòng, chống dịch Covid-19", "phong chong dich covid 19"),
    ("Ủy ban nhân dân huyện Tam Đường", "uy ban nhan dan huyen tam duong"),
    ("Đảng ủy Khối – Cơ quan", "dang uy khoi co quan"),
])
def test_one_words_form(text, form):
    from chidao.queries.refs import fast_fold, words_form

    assert words_form(text) == search_form(text) == form
    assert fast_fold(text) == fold(text) and words_form(fast_fold(text)) == form


def test_one_symbol_key(sample_graph):
    """The lookup key is the stored form folded: the same function everywhere, on every symbol of the sample."""
    from chidao.graph.identity import normalize_symbol
    from chidao.queries.refs import symbol_key as refs_symbol_key

    assert index_symbol_key is symbol_key and refs_symbol_key is symbol_key and normalize_symbol is symbol_form
    symbols = [d["symbol"] for _, d in sample_graph.nodes(data=True) if d.get("symbol")]
    assert len(symbols) > 30
    for s in symbols:
        key = symbol_key(s)
        assert key == symbol_key(symbol_form(s)) == symbol_key(key)
        assert key == re.sub(r"^0+(?=\d)", "", "".join(fold(s).split()))  # the key as it was computed before
    assert symbol_key("007-KL/TW") == "7-kl/tw" and symbol_key("0-KL") == "0-kl" and symbol_key("00-x") == "0-x"
