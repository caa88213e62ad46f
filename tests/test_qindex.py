"""The question index (graph/qindex.py, queries/touched.py): a question asked from a new process
reads only what it touches, and gives the rows it gives on the whole question graph.

Every question x many references, on the sample workspace and on a 2,000-document generated
corpus: the rows (and the context columns) from the small graph equal those from the loaded
question graph; references resolve to the same uid or fail with the same error, candidates and
suggestions; a search gives the same rows at every limit.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from chidao.graph import build_workspace, load_question_graph
from chidao.graph.workspace import open_question_index
from chidao.queries import search, touched
from chidao.queries.refs import AmbiguousRef, RefError, resolve_ref
from chidao.queries.registry import QUESTIONS, reads

CHAIN_QUESTIONS = [name for name, q in QUESTIONS.items() if reads(q) in ("down", "up")]
# Options that change what is walked or kept.
OPTIONS = {"implements": ({}, {"level": "district"}, {"depth": 2}), "trace": ({}, {"to": "commune"}),
           "gaps": ({}, {"level": "commune"}), "basis": ({}, {"level": "central"}), "coverage": ({},),
           "timeline": ({},)}


def _answer(f):
    try:
        return ("rows", f())
    except AmbiguousRef as e:
        return ("ambiguous", str(e), e.candidates)
    except RefError as e:
        return ("error", type(e).__name__, str(e), getattr(e, "suggestions", None))
    except (KeyError, ValueError) as e:
        return ("error", type(e).__name__, str(e))
    except Exception as e:  # noqa: BLE001 - a ChidaoError of trace, compared as such
        return ("error", type(e).__name__, str(e))


def _documents(graph):
    return [(n, d) for n, d in graph.nodes(data=True) if d.get("label") == "Document"]


def _same_questions(ws: str, full, uids) -> int:
    compared = 0
    for uid in uids:
        for name in CHAIN_QUESTIONS:
            q = QUESTIONS[name]
            small = touched.graph_for(ws, q, uid)
            assert small.number_of_nodes() <= full.number_of_nodes()
            for options in OPTIONS.get(name, ({},)):
                a = _answer(lambda: q.run(full, uid, **options))
                b = _answer(lambda: q.run(small, uid, **options))
                assert a == b, (name, uid, options)
                if q.context is not None and a[0] == "rows":
                    assert q.context(full, uid, a[1]) == q.context(small, uid, b[1]), (name, uid, options)
                compared += 1
    return compared


def _reference_texts(graph, k: int, seed: int = 5) -> list[str]:
    rnd = random.Random(seed)
    docs = _documents(graph)
    texts = []
    for uid, d in rnd.sample(docs, min(k, len(docs))):
        texts.append(uid)
        symbol = d.get("symbol")
        if symbol:
            texts += [symbol, symbol.lower(), f"{symbol} {d.get('province') or ''}", f"{symbol} năm {d.get('year')}",
                      f"Kế hoạch số {symbol} của {d.get('issuer_as_written') or ''}"]
        if d.get("number"):
            texts += [f"{d.get('doc_type') or ''} {d['number']}", f"số {d['number']}"]
        if d.get("path"):
            texts.append(d["path"])
    return texts + ["999-KL/TW", "doc:999-KL/TW@VN:2021", "KL 99999", "", "Lai Châu", "ket luan 07", "07 - kl/tw"]


def _same_references(ws: str, full, texts) -> None:
    outcomes = set()
    for text in texts:
        a = _answer(lambda: resolve_ref(full, text))
        b = _answer(lambda: touched.resolve(ws, text))
        assert a == b, text
        outcomes.add(a[0])
    assert outcomes >= {"rows", "error"}  # both kinds of answer were compared


def _search_texts(graph, k: int = 40) -> list[str]:
    rnd = random.Random(9)
    out = ["phòng chống dịch", "Ban Tuyên giáo", "huyen uy", "ke hoach", "tỉnh ủy", "07", "kl tw", "zzzz",
           '"; DROP TABLE qnodes; --', "NEAR(a b) OR *", ""]
    for _, d in rnd.sample(_documents(graph), min(k, len(_documents(graph)))):
        words = (d.get("subject") or "").split()
        if words:
            out += [" ".join(words[:2]), words[-1]]
        if d.get("symbol"):
            out.append(d["symbol"])
    return out


def _same_searches(ws: str, full, texts) -> None:
    found = 0
    for text in texts:
        for limit in (1, 7, 50, 10000):
            a = search.run(full, text, limit=limit)
            small = touched.search_graph(ws, text, limit)
            assert search.run(small, text, limit=limit) == a, (text, limit)
            found += len(a)
    assert found > 0


# -- the sample workspace: every document -----------------------------------------------

@pytest.fixture(scope="module")
def sample_full(ws):
    return load_question_graph(ws)


def test_sample_every_document_every_chain_question(ws, sample_full):
    uids = [uid for uid, _ in _documents(sample_full)]
    assert _same_questions(ws, sample_full, uids) >= len(uids) * len(CHAIN_QUESTIONS)


def test_sample_references(ws, sample_full):
    _same_references(ws, sample_full, _reference_texts(sample_full, 1000))


def test_sample_searches(ws, sample_full):
    _same_searches(ws, sample_full, _search_texts(sample_full))


def test_show_reads_the_neighbourhood(ws, sample_full):
    uid = max((u for u, _ in _documents(sample_full)), key=sample_full.degree)
    small = touched.graph_for(ws, QUESTIONS["show"], uid)
    assert QUESTIONS["show"].run(small, uid)[0]["uid"] == uid
    assert small.number_of_nodes() < sample_full.number_of_nodes()


def test_a_workspace_without_the_index_is_answered_from_the_question_graph(ws, sample_full, tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "workspace.db").write_bytes((Path(ws) / "workspace.db").read_bytes())
    con = sqlite3.connect(old / "workspace.db")
    with con:
        con.execute("DELETE FROM meta WHERE key = 'qindex'")
    con.close()
    assert open_question_index(str(old)) is None
    uid = max((u for u, _ in _documents(sample_full)), key=sample_full.in_degree)
    assert touched.graph_for(str(old), QUESTIONS["implements"], uid).number_of_nodes() == sample_full.number_of_nodes()
    assert QUESTIONS["implements"].run(touched.graph_for(str(old), QUESTIONS["implements"], uid), uid) == \
        QUESTIONS["implements"].run(sample_full, uid)


def test_cli_answers_from_the_index(ws, sample_full):
    """End to end: `chidao implements --json` gives the rows of the loaded question graph."""
    import json

    from click.testing import CliRunner

    from chidao.cli import cli

    uid = max((u for u, _ in _documents(sample_full)), key=sample_full.in_degree)
    result = CliRunner().invoke(cli, ["implements", uid, "-w", ws, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    expected = QUESTIONS["implements"].run(sample_full, uid)
    assert expected and [{k: r[k] for k in QUESTIONS["implements"].columns} for r in rows] == expected


# -- a 2,000-document generated corpus: many references -------------------------------------

@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from chidao.corpus.generate import generate_corpus

    root = tmp_path_factory.mktemp("corpus2k")
    generate_corpus(root / "c", 2000, seed=7)
    ws = str(root / "ws")
    build_workspace([root / "c"], ws, jobs=2)
    return ws, load_question_graph(ws)


def test_generated_chain_questions(generated):
    ws, full = generated
    docs = _documents(full)
    rnd = random.Random(3)
    # the documents with most links to them (the long chains), and a spread of the rest
    busiest = sorted((u for u, _ in docs), key=lambda u: (-full.in_degree(u), u))[:10]
    uids = busiest + [u for u, _ in rnd.sample(docs, 60)]
    assert _same_questions(ws, full, uids) >= len(uids) * len(CHAIN_QUESTIONS)


def test_generated_references_and_searches(generated):
    ws, full = generated
    _same_references(ws, full, _reference_texts(full, 150))
    _same_searches(ws, full, _search_texts(full, 30))


def test_a_district_question_reads_a_small_part(generated):
    """What a question touches, not the archive: a district document's chain is a few nodes of thousands."""
    ws, full = generated
    district = next(u for u, d in _documents(full) if d.get("level") == "district" and full.out_degree(u) > 3)
    for name in ("implements", "basis"):
        small = touched.graph_for(ws, QUESTIONS[name], district)
        assert district in small
        assert small.number_of_nodes() * 20 < full.number_of_nodes(), name
    index = open_question_index(ws)
    try:
        assert index is not None and index.fts
    finally:
        index.close()
