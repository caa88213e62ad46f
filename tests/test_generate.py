"""Tests of the synthetic corpus generator (chidao.corpus.generate)."""
from __future__ import annotations

import collections
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from chidao.corpus.generate import MAX_BYTES, MIN_BYTES, generate_corpus

N = 3000
CUES = {"can_cu", "thuc_hien", "huong_ung", "theo", "tiep_theo", "tra_loi", "sua_doi", "thay_the", "bai_bo", None}
LEVELS = {"central", "province", "district", "commune"}


def _load(root: Path) -> list[dict]:
    with open(root / "truth.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _noise_free(text: str) -> str:
    """Undo the generator's noise so that a normalised symbol can be searched for."""
    t = unicodedata.normalize("NFC", text)
    for a, b in ((" ", ""), ("\n", ""), ("\u2013", "-"), ("\u2014", "-"), ("\u00d0", "\u0110"),
                 ("ƯBND", "UBND"), ("/TƯ", "/TW")):
        t = t.replace(a, b)
    return t


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    calls = []
    summary = generate_corpus(root, N, seed=7, progress=calls.append)
    recs = _load(root)
    return root, recs, summary, calls


@pytest.fixture(scope="module")
def by_key(corpus):
    _, recs, _, _ = corpus
    return {r["key"]: r for r in recs if r["key"]}


# ----------------------------------------------------------------------------- determinism
def _snapshot(root: Path) -> dict:
    out = {}
    for dirpath, _, files in os.walk(root):
        for fn in files:
            p = Path(dirpath) / fn
            out[str(p.relative_to(root))] = p.read_bytes()
    return out


def test_same_seed_same_bytes_and_different_seed_differs(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_corpus(a, 400, seed=3)
    generate_corpus(b, 400, seed=3)
    generate_corpus(c, 400, seed=4)
    sa, sb, sc = _snapshot(a), _snapshot(b), _snapshot(c)
    assert sa.keys() == sb.keys()
    assert all(sa[k] == sb[k] for k in sa)
    assert sa["truth.jsonl"] == sb["truth.jsonl"]
    assert sa["truth.jsonl"] != sc["truth.jsonl"]
    common = set(sa) & set(sc) - {"truth.jsonl"}
    assert sum(sa[k] != sc[k] for k in common) > len(common) // 2


# ----------------------------------------------------------------------------- files and truth
def test_counts_paths_and_summary(corpus):
    root, recs, summary, calls = corpus
    files = [p for p in root.rglob("*.txt")]
    assert len(files) == N == len(recs) == summary["documents"]
    assert len({r["path"] for r in recs}) == N
    for r in recs:
        assert (root / r["path"]).is_file()
    per_dir = collections.Counter(p.parent for p in files)
    assert max(per_dir.values()) <= 1000
    assert summary["bytes"] == sum(p.stat().st_size for p in files)
    assert summary["citations"] == sum(len(r["citations"]) for r in recs)
    assert sum(calls) == N and calls[0] == 1000


def test_progress_every(tmp_path):
    calls = []
    generate_corpus(tmp_path, 25, seed=1, progress=calls.append, progress_every=10)
    assert calls == [10, 10, 5]


def test_schema(corpus):
    _, recs, _, _ = corpus
    for r in recs:
        assert r["kind"] in ("document", "article")
        assert set(r) >= {"path", "kind", "key", "doc_type", "number", "symbol", "issuer", "level", "province",
                          "district", "commune", "date", "citations", "unnumbered"}
        if r["kind"] == "document":
            assert r["level"] in LEVELS
            assert r["issuer"] and r["doc_type"]
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["date"])
            if r["level"] == "central":
                assert r["province"] is None
            else:
                assert r["province"]
            if r["level"] in ("district", "commune"):
                assert r["district"]
            if r["level"] == "commune":
                assert r["commune"]
        for i, c in enumerate(r["citations"]):
            assert c["cue"] in CUES
            assert c["target"] and c["target"].count("|") == 2
            assert c["via"] is None or 0 <= c["via"] < i
            if c["symbol"]:
                assert c["symbol"] == c["symbol"].strip() and " " not in c["symbol"]
                assert "\u00d0" not in c["symbol"] and "\u2013" not in c["symbol"]
                assert c["target"].split("|")[0] == c["symbol"]
        for u in r["unnumbered"]:
            assert set(u) == {"doc_type", "issuer", "date", "cue"}


def test_keys_unique_and_well_formed(corpus):
    _, recs, _, _ = corpus
    keys = [r["key"] for r in recs if r["key"]]
    assert len(keys) == len(set(keys))
    for r in recs:
        if r["key"]:
            sym, scope, year = r["key"].split("|")
            assert sym == r["symbol"] and year == r["date"][:4]
            if r["level"] == "central":
                assert scope == "VN"
            elif r["level"] == "province":
                assert scope == r["province"]
            else:
                assert scope.split("/")[:2] == [r["province"], r["district"]]


def test_no_duplicate_targets_within_a_document(corpus):
    _, recs, _, _ = corpus
    for r in recs:
        targets = [c["target"] for c in r["citations"]]
        assert len(targets) == len(set(targets)), r["path"]


# ----------------------------------------------------------------------------- text vs truth
def test_symbols_appear_in_text_modulo_noise(corpus):
    root, recs, _, _ = corpus
    for r in recs:
        text = _noise_free((root / r["path"]).read_bytes().decode("utf-8"))
        if r["symbol"]:
            assert r["symbol"] in text, (r["path"], r["symbol"])
        for c in r["citations"]:
            if c["symbol"]:
                assert c["symbol"] in text, (r["path"], c["symbol"])
            else:
                assert c["number"] in text


def test_sizes_in_range(corpus):
    root, recs, _, _ = corpus
    sizes = [(root / r["path"]).stat().st_size for r in recs]
    assert min(sizes) >= MIN_BYTES and max(sizes) <= MAX_BYTES
    assert MIN_BYTES <= min(sizes) < 3000 and max(sizes) > 15000      # a spread, not one size


def test_header_and_footer_parts(corpus):
    root, recs, _, _ = corpus
    docs = [r for r in recs if r["kind"] == "document"]
    for r in docs[:400]:
        text = unicodedata.normalize("NFC", (root / r["path"]).read_text(encoding="utf-8")).replace("\u00d0", "Đ")
        assert "Số" in text and "Nơi nhận:" in text and "Lưu: VT" in text
        assert re.search(r"ngày\s+(\d{2}\s+)?tháng \d{1,2} năm \d{4}", text)
        if r["doc_type"] == "Công văn":
            assert "Kính gửi" in text


def test_drafts(corpus):
    root, recs, _, _ = corpus
    drafts = [r for r in recs if r["kind"] == "document" and r["symbol"] is None]
    assert 0.005 * N < len(drafts) < 0.1 * N
    for r in drafts:
        assert r["number"] is None and r["key"] is None
        assert re.fullmatch(r"\d{4}-\d{2}", r["date"])
        text = unicodedata.normalize("NFC", (root / r["path"]).read_text(encoding="utf-8"))
        assert re.search(r"Số:?\s{3,}[-/]", text)
        assert re.search(r"ngày\s{2,}tháng", text)
    # nobody cites a draft: every citation target is a real key
    assert all(c["target"] for r in recs for c in r["citations"])


def test_articles(corpus):
    root, recs, _, _ = corpus
    arts = [r for r in recs if r["kind"] == "article"]
    assert 0.005 * N < len(arts) < 0.06 * N
    for r in arts:
        assert r["key"] is None and r["symbol"] is None and r["citations"]
        text = (root / r["path"]).read_text(encoding="utf-8")
        assert "Nơi nhận" not in text and "Số:" not in text


def test_citations_agree_with_cited_documents(corpus, by_key):
    _, recs, _, _ = corpus
    checked = 0
    for r in recs:
        for c in r["citations"]:
            d = by_key.get(c["target"])
            if d is None:
                continue
            checked += 1
            assert c["doc_type"] == d["doc_type"]
            assert c["number"] == d["number"]
            if c["symbol"]:
                assert c["symbol"] == d["symbol"]
            if c["date"]:
                assert c["date"] == d["date"]
            if c["issuer"]:
                assert c["issuer"] == d["issuer"]
    assert checked > N // 2


def test_nested_citations_are_citations_of_the_via_document(corpus, by_key):
    _, recs, _, _ = corpus
    nested = 0
    for r in recs:
        for c in r["citations"]:
            if c["via"] is None:
                continue
            nested += 1
            via_doc = by_key.get(r["citations"][c["via"]]["target"])
            if via_doc is not None:
                assert c["target"] in {x["target"] for x in via_doc["citations"]}, r["path"]
    assert nested > 50


def test_dates_of_citing_documents_not_before_cited(corpus, by_key):
    _, recs, _, _ = corpus
    n = 0
    for r in recs:
        if r["kind"] != "document":
            continue
        for c in r["citations"]:
            cd = c["date"] or (by_key[c["target"]]["date"] if c["target"] in by_key else None)
            if cd:
                n += 1
                assert cd[: len(r["date"])] <= r["date"], (r["path"], c)
        for u in r["unnumbered"]:
            if u["date"]:
                assert u["date"][: len(r["date"])] <= r["date"]
    assert n > N


# ----------------------------------------------------------------------------- identity
def test_central_targets_shared_and_local_symbols_distinct(corpus):
    _, recs, _, _ = corpus
    # central: one key per (symbol, year) however many provinces cite it
    central_keys = collections.defaultdict(set)
    central_provs = collections.defaultdict(set)
    local = collections.defaultdict(set)
    for r in recs:
        for c in r["citations"]:
            sym, scope, year = c["target"].split("|")
            if scope == "VN":
                central_keys[(sym, year)].add(c["target"])
                if r["province"]:
                    central_provs[c["target"]].add(r["province"])
        if r["level"] == "province" and r["key"]:
            local[(r["symbol"], r["date"][:4])].add((r["province"], r["key"]))
    assert central_keys and all(len(v) == 1 for v in central_keys.values())
    assert max(len(v) for v in central_provs.values()) >= 10
    shared = [v for v in local.values() if len({p for p, _ in v}) >= 2]
    assert len(shared) >= 5
    for v in shared:
        assert len({k for _, k in v}) == len({p for p, _ in v})


def test_missing_issuer_means_own_province(corpus):
    _, recs, _, _ = corpus
    n = 0
    for r in recs:
        for c in r["citations"]:
            if c["issuer"] is None and c["via"] is None and r["kind"] == "document":
                scope = c["target"].split("|")[1]
                if scope != "VN":
                    n += 1
                    assert scope == r["province"], (r["path"], c)
    assert n > 10


def test_all_63_provinces_and_levels(corpus):
    _, recs, _, _ = corpus
    assert len({r["province"] for r in recs if r["province"]}) == 63
    levels = collections.Counter(r["level"] for r in recs if r["kind"] == "document")
    assert set(levels) == LEVELS
    assert levels["district"] > levels["province"] > levels["central"]


def test_fan_out(corpus, by_key):
    _, recs, _, _ = corpus
    cited_by = collections.defaultdict(set)
    for r in recs:
        if r["key"]:
            for c in r["citations"]:
                if c["via"] is None and c["cue"] == "thuc_hien":
                    cited_by[c["target"]].add(r["key"])
    central = [len(v) for k, v in cited_by.items() if k.split("|")[1] == "VN"]
    province = [len(v) for k, v in cited_by.items() if k in by_key and by_key[k]["level"] == "province"]
    assert max(central) >= 10
    assert max(province) >= 3


# ----------------------------------------------------------------------------- forms and noise
def test_citation_forms_and_cues_present(corpus):
    root, recs, _, _ = corpus
    cues = collections.Counter(c["cue"] for r in recs for c in r["citations"])
    for cue in CUES:
        assert cues[cue] > 0, cue
    cits = [c for r in recs for c in r["citations"]]
    assert any(c["date"] is None for c in cits)
    assert any(c["issuer"] is None for c in cits)
    assert any(c["symbol"] is None for c in cits) or True   # number-only mentions are rare
    blob = "\n".join((root / r["path"]).read_text(encoding="utf-8") for r in recs)
    blob = unicodedata.normalize("NFC", blob)
    assert re.search(r"ngày \d{2}/\d{1,2}/\d{4}", blob)
    assert re.search(r"ngày \d{2}-\d{1,2}-\d{4}", blob)
    assert re.search(r"ngày \d{2} tháng \d{1,2} năm \d{4}", blob)
    assert re.search(r"các (Nghị quyết|Chỉ thị|Kết luận|Quyết định|Công văn|Kế hoạch|Công điện|Hướng dẫn|Nghị định|Thông tư|Thông báo) của [^:\n]+: [Ss]ố ", blob)
    assert "Theo đề nghị của" in blob


def test_noise_is_present(corpus):
    root, recs, _, _ = corpus
    nfd = eth = dash = space = old = ocr = 0
    for r in recs:
        raw = (root / r["path"]).read_bytes().decode("utf-8")
        if raw != unicodedata.normalize("NFC", raw):
            nfd += 1
        if "\u00d0" in raw:
            eth += 1
        t = unicodedata.normalize("NFC", raw)
        if re.search(r"\d+\s*[\u2013\u2014]\s*[A-ZĐÐ]|/[A-ZĐÐ]+[\u2013\u2014]", t):
            dash += 1
        if re.search(r"\d+ [-/]|\d+[-/] [A-ZĐ]|\d+ - [A-Z]", t):
            space += 1
        if "Uỷ" in t or "uỷ" in t or "UỶ" in t:
            old += 1
        if "ƯBND" in t or "/TƯ" in t:
            ocr += 1
    assert nfd and eth and dash and space and old and ocr
    assert nfd < 0.06 * N and eth < 0.06 * N and old < 0.12 * N


def test_decoys_not_in_truth(corpus):
    root, recs, _, _ = corpus
    phone = re.compile(r"0\d{3}\.\d{4}\.\d{3}")
    seen = 0
    for r in recs[:1500]:
        t = (root / r["path"]).read_text(encoding="utf-8")
        if phone.search(t) or "đồng" in t and re.search(r"\d{1,3}(\.\d{3}){2} đồng", t):
            seen += 1
        for c in r["citations"]:
            if c["symbol"]:
                assert not phone.fullmatch(c["symbol"])
                assert re.search(r"[A-ZĐ]", c["symbol"])
    assert seen > 10


def test_generation_reports_what_it_wrote(tmp_path):
    # Speed is measured by benchmarks/run.py (generate stage), never asserted in a test.
    s = generate_corpus(tmp_path, 300, seed=11)
    assert s["documents"] == sum(1 for p in tmp_path.rglob("*.txt"))
    assert s["seconds"] > 0
