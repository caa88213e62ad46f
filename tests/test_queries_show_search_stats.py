"""The document card, search and counts (queries/show.py, search.py, stats.py) and their Cypher texts."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from chidao.graph.checks import CITATION_LINKS
from chidao.queries import search, show, stats
from chidao.queries.refs import UnknownRef

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
KL07 = "doc:07-KL/TW@VN:2021"
CV294 = "doc:294-CV/TU@lai-chau:2021"




# -- show ----------------------------------------------------------------------

def test_show_294_lists_07_kl_tw_with_its_sentence_and_the_district_documents(seeded_graph, seeds_dir):
    rows = show.run(seeded_graph, CV294)
    assert all(tuple(r) == show.COLUMNS for r in rows)
    head = rows[0]
    assert (head["section"], head["uid"], head["symbol"], head["issuer"]) == (
        "document", CV294, "294-CV/TU", "Tỉnh ủy Lai Châu")
    assert Path(head["path"]).parent == seeds_dir
    cites = [r for r in rows if r["section"] == "cites"]
    kl07 = [r for r in cites if r["uid"] == KL07]
    assert len(kl07) == 1
    assert kl07[0]["relation"] == "IMPLEMENTS" and kl07[0]["cue"] == "thuc_hien"
    assert "07-KL/TW" in kl07[0]["sentence"] and kl07[0]["path"] == head["path"]
    cited_by = [r for r in rows if r["section"] == "cited_by"]
    districts = {r["symbol"] for r in cited_by if r["level"] == "district"}
    assert {"1187/UBND-VP", "1436/UBND-VX"} <= districts
    for r in cited_by:
        assert "294-CV/TU" in r["sentence"] and Path(r["path"]).is_relative_to(SAMPLE)
    assert [r["section"] for r in rows] == sorted((r["section"] for r in rows), key=show.SECTIONS.index)


def test_show_of_a_stub_lists_who_cites_it(sample_graph):
    rows = show.run(sample_graph, KL07)
    assert rows[0]["path"] is None and rows[0]["issuer"] == "Bộ Chính trị"
    assert not [r for r in rows if r["section"] == "cites"]
    citing = {r["uid"] for r in rows if r["section"] == "cited_by"}
    assert {"doc:312-KH/TU@lai-chau:2021", "doc:312-KH/TU@dien-bien:2021"} <= citing
    # One row per citation link, each with its evidence.
    links = [(u, d) for u, _, d in sample_graph.in_edges(KL07, data=True) if d["type"] in CITATION_LINKS]
    assert len(rows) - 1 == len(links)
    assert show.run(sample_graph, KL07) == rows  # deterministic


def test_show_an_article_mention_has_no_symbol(sample_graph):
    mentions = [(u, v) for u, v, d in sample_graph.edges(data=True) if d["type"] == "MENTIONS"]
    assert mentions
    source, cited = mentions[0]
    row = next(r for r in show.run(sample_graph, cited) if r["relation"] == "MENTIONS")
    assert row["uid"] == source and row["symbol"] is None and row["path"]


def test_card_is_the_nested_view(seeded_graph):
    c = show.card(seeded_graph, CV294)
    doc = c["document"]
    assert doc["subject"] and doc["symbol"] == "294-CV/TU" and doc["issuer"] == "Tỉnh ủy Lai Châu"
    names = {r["name"] for r in doc["recipients"]}
    assert "Huyện ủy Tam Đường" in names
    assert any(r["uid"] is None and r["as_written"] for r in doc["recipients"])  # a line no agency matched
    assert doc["signer"]["name"] and doc["signer"]["title"]
    rows = show.run(seeded_graph, CV294)
    strip = lambda rs: [{k: v for k, v in r.items() if k != "section"} for r in rs]  # noqa: E731
    assert c["cites"] == strip(r for r in rows if r["section"] == "cites")
    assert c["cited_by"] == strip(r for r in rows if r["section"] == "cited_by")
    json.dumps(c)  # plain values only


def test_show_of_what_is_not_a_document(sample_graph):
    with pytest.raises(UnknownRef):
        show.run(sample_graph, "doc:nothing@VN:2021")
    with pytest.raises(UnknownRef):
        show.card(sample_graph, "place:lai-chau")


# -- search ----------------------------------------------------------------------

def test_search_is_accent_and_case_insensitive(sample_graph):
    folded = search.run(sample_graph, "phong chong dich", limit=1000)
    assert len(folded) > 10
    assert search.run(sample_graph, "PHÒNG, CHỐNG DỊCH", limit=1000) == folded
    assert all(tuple(r) == search.COLUMNS for r in folded)
    for r in folded:
        text = search.search_text(sample_graph.nodes[r["uid"]], r["issuer"])
        assert all(f" {w} " in f" {text} " for w in ("phong", "chong", "dich"))


def test_search_every_word_must_be_present_as_a_word(sample_graph):
    ben_tre = search.run(sample_graph, "Bến Tre", limit=1000)
    assert ben_tre and all("Bến Tre" in ((r["issuer"] or "") + (r["province"] or "") + (r["subject"] or ""))
                           for r in ben_tre)
    assert search.run(sample_graph, "phong chong dich zzzz") == []
    assert search.run(sample_graph, "  ,; ") == []


def test_search_ranks_symbol_then_issuer_then_subject(sample_graph):
    assert search.run(sample_graph, "KL 07")[0]["uid"] == KL07
    assert search.run(sample_graph, "07-KL/TW")[0]["uid"] == KL07
    rows = search.run(sample_graph, "Huyện ủy Tam Đường", limit=1000)
    assert rows[0]["issuer"] == "Huyện ủy Tam Đường"
    # "Kết luận": in the symbol of no document, the subject of several; the stub comes after read ones.
    rows = search.run(sample_graph, "ket luan", limit=1000)
    stubs = [r["stub"] for r in rows]
    assert stubs == sorted(stubs)


def test_search_limit_and_order_are_stable(sample_graph):
    rows = search.run(sample_graph, "covid", limit=1000)
    assert search.run(sample_graph, "covid", limit=5) == rows[:5]
    assert search.run(sample_graph, "covid", limit=0) == []


def test_search_text_and_cypher_parameters():
    attrs = {"symbol": "159 -CV/ÐUK", "doc_type": "Công văn", "subject": "Phòng, chống dịch Covid-19",
             "issuer_as_written": "ĐẢNG ỦY KHỐI"}
    text = search.search_text(attrs, "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre")
    assert text == ("159 cv duk | dang uy khoi co quan doanh nghiep tinh ben tre dang uy khoi"
                    " | cong van phong chong dich covid 19")
    assert search.cypher_parameters("Phòng, chống   DỊCH", 7) == {"text": "phong chong dich", "limit": 7}


# -- stats ------------------------------------------------------------------------

def test_stats_equal_a_direct_count(sample_graph):
    rows = stats.run(sample_graph)
    assert all(tuple(r) == stats.COLUMNS for r in rows)
    facets = {}
    for r in rows:
        facets.setdefault(r["facet"], {})[r["value"]] = r["count"]
    assert list(facets) == list(stats.FACETS)
    nodes = [d for _, d in sample_graph.nodes(data=True)]
    docs = [d for d in nodes if d["label"] == "Document"]
    agencies = [d for d in nodes if d["label"] == "Agency"]
    assert facets["node.label"] == Counter(d["label"] for d in nodes)
    assert facets["document.status"] == Counter("stub" if d["stub"] else "read" for d in docs)
    assert sum(facets["document.status"].values()) == len(docs)
    assert facets["document.level"] == Counter(d.get("level") for d in docs)
    assert facets["document.doc_type"] == Counter(d.get("doc_type") for d in docs)
    assert facets["document.province"] == dict(Counter(d.get("province") for d in docs).most_common(stats.TOP_PROVINCES))
    assert facets["agency.kind"] == Counter(d["kind"] for d in agencies)
    assert facets["agency.level"] == Counter(d["level"] for d in agencies)
    assert facets["link.type"] == Counter(t for *_, t in sample_graph.edges(data="type"))
    for facet in stats.FACETS:  # most frequent first
        counts = [r["count"] for r in rows if r["facet"] == facet]
        assert counts == sorted(counts, reverse=True)


# -- the Cypher faces -------------------------------------------------------------

def _return_columns(cypher: str) -> list[list[str]]:
    """The projected names of every RETURN clause (one per UNION branch)."""
    body = "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))
    out = []
    for clause in re.findall(r"\bRETURN\b(.*?)(?=\bUNION\b|\bORDER BY\b|\bLIMIT\b|\Z)", body, re.S):
        depth, part, parts = 0, "", []
        for ch in clause:
            depth += ch in "([{"
            depth -= ch in ")]}"
            if ch == "," and depth == 0:
                parts.append(part)
                part = ""
            else:
                part += ch
        parts.append(part)
        out.append([re.split(r"\bAS\b", p)[-1].strip() for p in parts])
    return out


@pytest.mark.parametrize("module, parameters", [(show, {"uid"}), (search, {"text", "limit"}), (stats, set())],
                         ids=["show", "search", "stats"])
def test_cypher_face_returns_the_columns_and_takes_the_parameters(module, parameters):
    cypher = module.CYPHER
    assert (ROOT / "queries" / "cypher" / f"{module.NAME}.cypher").read_text(encoding="utf-8") == cypher
    assert cypher.lstrip().startswith("//")
    branches = _return_columns(cypher)
    assert branches and all(tuple(cols) == module.COLUMNS for cols in branches)
    body = "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))
    assert set(re.findall(r"\$(\w+)", body)) == parameters
    comments = "\n".join(line for line in cypher.splitlines() if line.lstrip().startswith("//"))
    assert all(f"${p}" in comments for p in parameters)
    # What FalkorDB cannot run (../shared/TOOLING-NOTES.md).
    for banned in (r"EXISTS\s*\{", r"COUNT\s*\{", "=~", r"shortestPath", r"\bdate\(", r"\bRETURN\s+\w+\s*$"):
        assert not re.search(banned, body, re.I), banned


def test_show_cypher_follows_every_citation_link():
    patterns = re.findall(r"\[r:([A-Z_|]+)\]", show.CYPHER)
    assert len(patterns) == 2  # cites, cited_by
    assert all(set(p.split("|")) == CITATION_LINKS for p in patterns)


def test_the_bulk_search_form_equals_search_text(sample_graph):
    """run() forms every document at once; the exporter forms one at a time: the same words."""
    from chidao.graph.cache import graph_cache
    from chidao.graph.index import SearchTexts

    texts = graph_cache(sample_graph, "search", SearchTexts)
    for i, (*_, uid) in enumerate(texts.order):
        d = sample_graph.nodes[uid]
        issuer = sample_graph.nodes[d["issuer_uid"]]["name"] if d.get("issuer_uid") in sample_graph else None
        parts = search.search_text(d, issuer).split(search.SEPARATOR)
        assert [" ".join(p.split()) for p in (texts.symbol[i], texts.issuer[i], texts.subject[i])] == parts


@pytest.mark.parametrize("text", ["Phòng, chống dịch Covid-19", "ĐẢNG ỦY KHỐI", "Ðiện Biên – “đợt” 4", "Uỷ ban",
                                  "Ke\u0302\u0301 hoa\u0323ch"])
def test_search_form_is_fold_for_vietnamese(text):
    from chidao.loaders.normalize import fold

    assert search.search_form(text) == " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())
