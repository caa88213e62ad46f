"""The workspace: incremental builds, removal, crash safety, clear errors. Real files in tmp_path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from chidao.graph.workspace import WorkspaceError, build_workspace, load_graph, load_issues

LETTER = """ĐẢNG BỘ TỈNH {prov_up}
TỈNH ỦY
*
Số {num}-CV/TU

ĐẢNG CỘNG SẢN VIỆT NAM

{prov}, ngày {day} tháng 7 năm 2021

V/v tăng cường công tác phòng, chống dịch

Kính gửi:
- Các huyện ủy, thành ủy, đảng ủy trực thuộc.

Thực hiện Công văn số {cited}-CV/TU ngày 02/01/2021 của Ban Thường vụ Tỉnh ủy về việc phòng chống dịch, các cấp ủy thực hiện tốt các nội dung sau.

Căn cứ Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị, các cấp ủy tiếp tục triển khai.

Nơi nhận:
- Như trên,
- Lưu VPTU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An
"""
PROVINCES = ["Quảng Nam", "Lai Châu", "Bến Tre", "Nghệ An", "Cà Mau"]


def write_corpus(folder: Path, n: int, start: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        prov = PROVINCES[i % len(PROVINCES)]
        p = folder / f"doc{i:04d}.txt"
        p.write_text(LETTER.format(prov_up=prov.upper(), prov=prov, num=i, cited=1000 + i, day=1 + i % 28),
                     encoding="utf-8")
        paths.append(p)
    return paths


def same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    return dict(a.nodes(data=True)) == dict(b.nodes(data=True)) and \
        sorted(map(repr, a.edges(keys=True, data=True))) == sorted(map(repr, b.edges(keys=True, data=True)))


def test_second_build_parses_nothing(tmp_path):
    write_corpus(tmp_path / "docs", 6)
    ws = tmp_path / "ws"
    first = build_workspace([tmp_path / "docs"], ws)
    assert (first.files_seen, first.parsed, first.unchanged) == (6, 6, 0)
    assert first.documents == 6 and first.links["IMPLEMENTS"] == 6 and first.links["BASED_ON"] == 6
    g1 = load_graph(ws)
    db = next(ws.glob("*.db"))
    before = db.stat().st_mtime_ns
    second = build_workspace([tmp_path / "docs"], ws)
    assert (second.parsed, second.unchanged, second.removed) == (0, 6, 0)
    assert (second.documents, second.links) == (first.documents, first.links)
    assert same_graph(g1, load_graph(ws))
    assert db.stat().st_mtime_ns == before  # nothing changed: the graph is not rebuilt or rewritten


def test_changed_file_reparsed_alone_and_replaces_its_facts(tmp_path):
    paths = write_corpus(tmp_path / "docs", 6)
    ws = tmp_path / "ws"
    build_workspace([tmp_path / "docs"], ws)
    text = paths[2].read_text(encoding="utf-8").replace("Số 3-CV/TU", "Số 333-CV/TU")
    paths[2].write_text(text, encoding="utf-8")
    summary = build_workspace([tmp_path / "docs"], ws)
    assert summary.parsed_paths == [str(paths[2])] and summary.unchanged == 5
    g = load_graph(ws)
    symbols = {a.get("symbol") for _, a in g.nodes(data=True) if a.get("label") == "Document" and not a.get("stub")}
    assert "333-CV/TU" in symbols and "3-CV/TU" not in symbols


def test_touched_file_with_same_content_not_reparsed(tmp_path):
    paths = write_corpus(tmp_path / "docs", 3)
    ws = tmp_path / "ws"
    build_workspace([tmp_path / "docs"], ws)
    st = paths[0].stat()
    os.utime(paths[0], ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000_000))
    summary = build_workspace([tmp_path / "docs"], ws)
    assert summary.parsed == 0 and summary.unchanged == 3


def test_removed_file_removes_its_facts(tmp_path):
    paths = write_corpus(tmp_path / "docs", 4)
    ws = tmp_path / "ws"
    build_workspace([tmp_path / "docs"], ws)
    assert "doc:4-CV/TU@quang-nam:2021" not in load_graph(ws)  # doc 4 is Cà Mau's
    assert "doc:4-CV/TU@ca-mau:2021" in load_graph(ws)
    paths[3].unlink()
    summary = build_workspace([tmp_path / "docs"], ws)
    assert summary.removed == 1 and summary.documents == 3
    g = load_graph(ws)
    assert "doc:4-CV/TU@ca-mau:2021" not in g
    assert "doc:1004-CV/TU@ca-mau:2021" not in g  # the stub only doc 4 cited


def test_unreadable_file_reported_not_fatal(tmp_path):
    write_corpus(tmp_path / "docs", 2)
    (tmp_path / "docs" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    summary = build_workspace([tmp_path / "docs"], tmp_path / "ws")
    assert summary.documents == 2
    assert [Path(p).name for p, _ in summary.unreadable] == ["broken.pdf"]


def test_missing_or_corrupt_workspace_is_one_clear_error(tmp_path):
    with pytest.raises(WorkspaceError, match="no workspace"):
        load_graph(tmp_path / "nowhere")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "workspace.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(WorkspaceError, match="unreadable") as e:
        load_graph(tmp_path / "bad")
    assert "\n" not in str(e.value)


def test_seeds_workspace_keeps_issues(seeds_dir, tmp_path):
    summary = build_workspace([seeds_dir], tmp_path / "ws")
    assert summary.documents == 4 and summary.parsed == 5
    kinds = [i.kind for i in load_issues(tmp_path / "ws")]
    assert "cited_after" in kinds


_KILLED_BUILD = """
import sys
from chidao.graph.workspace import build_workspace
build_workspace([sys.argv[1]], sys.argv[2])
"""


def test_build_killed_while_writing_leaves_previous_workspace(tmp_path):
    docs, ws = tmp_path / "docs", tmp_path / "ws"
    write_corpus(docs, 5)
    build_workspace([docs], ws)
    before = load_graph(ws)
    write_corpus(docs, 300, start=6)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_BUILD, str(docs), str(ws)])
    caught = False
    deadline = time.monotonic() + 50
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if any(name.startswith("workspace.db.tmp-") for name in os.listdir(ws)):
                proc.send_signal(signal.SIGKILL)
                caught = True
                break
            time.sleep(0.0005)
    finally:
        if proc.poll() is None and not caught:
            proc.kill()
        proc.wait()
    if not caught:
        pytest.fail("the build finished before its temporary database was seen: no kill happened")
    assert proc.returncode == -signal.SIGKILL
    assert same_graph(before, load_graph(ws))
    # The next build recovers: it parses the 300 new files and leaves no temporary file behind.
    summary = build_workspace([docs], ws)
    assert summary.parsed == 300 and summary.documents == 305
    assert [n for n in os.listdir(ws) if n.startswith("workspace.db.tmp")] == []


def test_parallel_build_equals_the_graph_built_in_one_process(tmp_path):
    """Records are placed in the worker processes (Placement); joining them must give
    exactly what build_graph gives when it places every record itself."""
    from chidao.corpus.generate import generate_corpus
    from chidao.graph.build import build_graph
    from chidao.loaders.batch import extract_paths

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 120, seed=5)
    build_workspace([corpus], tmp_path / "ws", jobs=2)
    records = [record for _, record, _, _ in extract_paths([corpus]) if record is not None]
    in_one_process, _ = build_graph(records)
    stored = load_graph(tmp_path / "ws")
    assert stored.number_of_edges() > 200
    for g in (stored, in_one_process):  # the chidao version stamp is not what is compared
        for *_, d in g.edges(keys=True, data=True):
            d.pop("version", None)
    assert same_graph(stored, in_one_process)


def test_stored_lookup_tables_answer_like_fresh_ones(tmp_path):
    """The reference index and search texts stored by the build are the ones the
    loaded graph would compute: same answers, and they are read, not recomputed."""
    from chidao.graph.workspace import load_question_graph, question_graph
    from chidao.graph import cache
    from chidao.queries import refs, search

    write_corpus(tmp_path / "c", 12)
    build_workspace([tmp_path / "c"], tmp_path / "ws")
    loaded = load_question_graph(tmp_path / "ws")
    fresh = question_graph(load_graph(tmp_path / "ws"))
    store = cache._CACHE[id(loaded)][2]
    assert {"refs.symbols", "search"} <= set(store) and isinstance(store["search"], cache._Stored)
    for text in ("phòng chống dịch", "Quảng Nam", "07-KL/TW", "tang cuong cong tac"):
        rows = search.run(loaded, text)
        assert rows == search.run(fresh, text)
    assert search.run(loaded, "phòng chống dịch")  # not an empty comparison
    assert not isinstance(store["search"], cache._Stored)  # read from the workspace on first use
    for ref in ("07-KL/TW", "Công văn 1003-CV/TU Nghệ An", "1005-CV/TU"):
        assert refs.resolve_ref(loaded, ref) == refs.resolve_ref(fresh, ref)


def test_a_build_says_which_step_follows_parsing(tmp_path):
    """A national archive resolves and writes for minutes after its last file: the caller hears of each step."""
    write_corpus(tmp_path / "docs", 4)
    steps: list[str] = []
    build_workspace([tmp_path / "docs"], tmp_path / "ws", stage=steps.append)
    assert steps == ["resolving 4 records", "writing the links in order, the question index and the checks"]
    steps.clear()
    build_workspace([tmp_path / "docs"], tmp_path / "ws", stage=steps.append)
    assert steps == []  # nothing changed: nothing resolved


def test_a_table_is_stored_whole_without_its_pickle_in_memory(tmp_path):
    # _store_pickle writes a lookup table's pickle into its blob in place (pickled once to learn its
    # length): what comes back is the table, and a table that pickles differently the second time is
    # an error, never a short blob.
    import pickle
    import sqlite3

    from chidao.graph.workspace import _store_pickle

    con = sqlite3.connect(tmp_path / "t.db")
    con.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB)")
    table = {"texts": [f"Kế hoạch số {i}-KH/TU của Tỉnh ủy" for i in range(50_000)], "ids": list(range(50_000))}
    _store_pickle(con, "table:search", table)
    (data,) = con.execute("SELECT data FROM blobs WHERE name = 'table:search'").fetchone()
    assert pickle.loads(data) == table and len(data) > 1_000_000

    class Growing:  # pickles one byte longer each time
        calls = 0

        def __reduce__(self):
            Growing.calls += 1
            return (str, ("x" * Growing.calls,))

    with pytest.raises((RuntimeError, ValueError)):
        _store_pickle(con, "table:growing", Growing())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_freed_records_memory_goes_back_to_the_system():
    # What a build does with its packed records: ~1 KB objects from the C heap, freed below objects
    # that stay; free() keeps those pages, give_back_free_memory returns them.
    script = """
import os
from chidao.graph.cache import give_back_free_memory
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
held = [os.urandom(1100) for _ in range(200_000)]
stays = [os.urandom(1100) for _ in range(10)]  # above them in the heap
before = rss()
del held
freed = rss()
give_back_free_memory()
print(before, freed, rss())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    before, freed, after = map(int, out.split())
    assert before - freed < 50e6  # free() alone keeps the ~220 MB
    assert freed - after > 150e6  # given back
