"""Benchmarks: how chidao behaves as the corpus grows. Not tests: figures, written to a JSON file.

    python benchmarks/run.py 100000 --out benchmarks/results-100k.json            # the full run
    python benchmarks/run.py 1000000 --stages generate,extract,grep --jobs 2       # extraction only

Stages (comma-separated, default all): generate (chidao demo-corpus, skipped when the
directory holds the same number of documents), grep (the floor: one `grep -c` pass over
the same files), extract (chidao extract --json -j JOBS, documents/s and MB/s, then
precision/recall of (symbol, cue) per document against the generator's truth), build
(chidao build -j JOBS: wall time and peak memory), load (full graph and question graph),
questions (each question's latency after loading, median of 5, on the central document
with most implementers), cold (end to end from a new process, median of 3, wall and CPU seconds:
`implements`, `trace`, `gaps` on the central document with most documents acting on it, `basis` on the
district document citing most, `show` and `implements` on the busiest province document, two searches;
`--ws WS` measures an existing workspace, read-only; `--against WS2` asks a second one, e.g. of 2,000
documents, the same questions in turn and prints the ratio of the medians),
real (one core, in process: extraction over real text, tests/data/real and the sample corpus, in MB/s
next to a loop that only reads, hashes and decodes the same files).

    python benchmarks/run.py --compare main 2000      # the same stages on main and on this tree

``--compare REF`` checks REF out into a temporary git worktree, runs the stages with chidao imported
from there, then from this tree (same corpus, separate workspaces), and prints one table of the
differences: accuracy (precision, recall) and speed (seconds, MB/s, peak memory).
Peak memory comes from /usr/bin/time -v (GNU time), which Debian ships in the `time` package.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

STAGES = ("generate", "grep", "extract", "build", "load", "questions", "cold", "real")
HERE = Path(__file__).resolve().parent
REAL_DIRS = (HERE.parent / "tests" / "data" / "real", HERE.parent / "corpus" / "sample")


REAL_PASSES = 12  # with 3, two runs of one tree differed by 30% (2 December); with 12, by a few per cent


def read_hash_decode(paths) -> None:
    """The floor extraction is measured against: a loop that only reads, hashes and decodes each file."""
    for p in paths:
        data = Path(p).read_bytes()
        hashlib.sha256(data).hexdigest()
        data.decode("utf-8", errors="replace")


def real_text(dirs=REAL_DIRS) -> dict:
    """Extraction on real text on one core against the read-hash-decode floor (same files, in process)."""
    from chidao.loaders.batch import extract_one
    from chidao.loaders.files import iter_document_paths

    paths = list(iter_document_paths([str(d) for d in dirs if d.exists()]))
    size_mb = sum(os.path.getsize(p) for p in paths) / 1e6
    best_floor = best_extract = float("inf")
    for _ in range(REAL_PASSES):  # the best pass: 0.67 MB takes a quarter of a second, and a shared machine is noisy
        started = time.perf_counter()
        read_hash_decode(paths)
        best_floor = min(best_floor, time.perf_counter() - started)
        started = time.perf_counter()
        failed = sum(1 for p in paths if extract_one(p)[2] is not None)
        best_extract = min(best_extract, time.perf_counter() - started)
    return {"files": len(paths), "mb": round(size_mb, 2), "unreadable": failed,
            "floor_mb_per_s": round(size_mb / best_floor, 1), "extract_mb_per_s": round(size_mb / best_extract, 2),
            "extract_s": round(best_extract, 3), "x_floor": round(best_extract / best_floor, 1)}


def _flat(d: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in d.items():
        if k.startswith("_") or k == "stdout":
            continue
        if isinstance(v, dict):
            out |= _flat(v, f"{prefix}{k}.")
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out[f"{prefix}{k}"] = v
    return out


def compare(ref: str, argv: list[str]) -> None:
    """Run this script on ``ref`` (a temporary worktree) and on this tree; print the differences."""
    import tempfile

    repo = HERE.parent
    with tempfile.TemporaryDirectory(prefix="chidao-compare-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(repo), "worktree", "add", "--detach", str(tree), ref], check=True,
                       capture_output=True)
        try:
            (Path(tmp) / "pkg").mkdir()
            (Path(tmp) / "pkg" / "chidao").symlink_to(tree)  # the package root is the repository root
            results = {}
            for tag, env in ((ref, {"PYTHONPATH": str(Path(tmp) / "pkg")}), ("this tree", {})):
                out = Path(tmp) / f"{len(results)}.json"
                print(f"-- {tag}", flush=True)
                subprocess.run([sys.executable, str(Path(__file__).resolve()), *argv, "--tag", str(len(results)),
                                "--out", str(out)], check=True, env=os.environ | env)
                results[tag] = _flat(json.loads(out.read_text(encoding="utf-8")))
        finally:
            subprocess.run(["git", "-C", str(repo), "worktree", "remove", "--force", str(tree)], capture_output=True)
    base, new = results[ref], results["this tree"]
    print(f"\n{'measure':<40} {ref:>14} {'this tree':>14} {'change':>9}")
    for key in sorted(set(base) | set(new)):
        a, b = base.get(key), new.get(key)
        change = f"{(b - a) / a * 100:+.1f}%" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a \
            else ""
        print(f"{key:<40} {a if a is not None else '-':>14} {b if b is not None else '-':>14} {change:>9}")


def timed(cmd: list[str], **kwargs) -> dict:
    """Run cmd under GNU time: wall seconds and peak resident memory (MB)."""
    gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else shutil.which("time")
    kwargs.setdefault("stdout", subprocess.PIPE)
    proc = subprocess.run([gnu_time, "-v", *cmd], stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL, **kwargs)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr[-500:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else None
    cpu = [re.search(rf"{kind} time \(seconds\): ([\d.]+)", proc.stderr) for kind in ("User", "System")]
    return {"seconds": seconds, "peak_mb": int(rss.group(1)) / 1024 if rss else None, "stdout": proc.stdout,
            "cpu_seconds": round(sum(float(m.group(1)) for m in cpu if m), 2)}


def cold_refs(ws: Path) -> dict[str, str]:
    """The documents the cold questions are asked about, read from the question index (no graph loaded):
    the central document with most documents acting on it, the district document citing most, and
    the province document with most documents acting on it (each with a symbol)."""
    import pickle
    import sqlite3

    con = sqlite3.connect(f"file:{ws / 'workspace.db'}?mode=ro", uri=True)
    chain = "('IMPLEMENTS', 'BASED_ON', 'RESPONDS_TO', 'FOLLOWS_UP')"
    try:
        def most(level: str, end: str) -> str:
            ranked = con.execute(f"SELECT n.uid, n.attrs FROM qlinks l JOIN qnodes n ON n.id = l.{end} "
                                 f"WHERE l.type IN {chain} GROUP BY l.{end} ORDER BY count(*) DESC, n.uid")
            return next(uid for uid, attrs in ranked
                        if (d := pickle.loads(attrs)).get("level") == level and d.get("symbol"))

        return {"central": most("central", "dst"), "district": most("district", "src"),
                "province": most("province", "dst")}
    finally:
        con.close()


# The cold questions: (question, which document of cold_refs, arguments).
COLD = (("implements", "central", ()), ("trace", "central", ("--to", "district")), ("gaps", "central", ()),
        ("basis", "district", ()), ("show", "province", ()), ("implements", "province", ()),
        ("search", None, ("kế hoạch",)), ("search", None, ("an toàn thực phẩm",)), ("search", None, ("covid",)))


def cold(chidao: list[str], ws: Path, runs: int = 3, against: Path | None = None) -> dict:
    """Each cold question end to end from a new process (`chidao Q REF -w WS --json`): the median of
    ``runs`` wall and CPU seconds (user + system: what a loaded machine does not inflate), and the peak.

    ``against``: a second workspace (one of 2,000 documents, for the target's ratio) asked the same
    questions in turn, run after run, so that a machine that slows down slows both alike; each
    question then also gives that workspace's medians and the ratio of the wall medians."""
    places = [ws] + ([against] if against else [])
    refs = {w: cold_refs(w) for w in places}
    times: dict = {w: collections.defaultdict(list) for w in places}
    for _ in range(runs):
        for w in places:
            times[w]["process_floor"].append(timed(chidao + ["--help"]))
            for name, which, args in COLD:
                subject = list(args) if which is None else [refs[w][which], *args]
                times[w][f"{name}_{which or '_'.join(args[0].split())}"].append(
                    timed(chidao + [name, *subject, "-w", str(w), "--json"]))

    def medians(results: list[dict]) -> dict:
        return {"seconds_median": statistics.median(r["seconds"] for r in results),
                "cpu_median": statistics.median(r["cpu_seconds"] for r in results),
                "peak_mb": round(max(r["peak_mb"] for r in results), 1)}

    out: dict = {"refs": refs[ws]} | ({"against": str(against), "against_refs": refs[against]} if against else {})
    for key, results in times[ws].items():
        out[key] = medians(results)
        if key != "process_floor":
            out[key]["rows"] = len(json.loads(results[0]["stdout"]))
        if against:
            other = medians(times[against][key])
            out[key] |= {"against_seconds_median": other["seconds_median"], "against_cpu_median": other["cpu_median"],
                         "ratio": round(out[key]["seconds_median"] / other["seconds_median"], 2)}
    return out


def corpus_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.txt"))


def score(root: Path, jsonl: str) -> dict:
    truth = {}
    with open(root / "truth.jsonl", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            truth[t["path"]] = t
    tp = fp = fn = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = truth[os.path.relpath(r["path"], root)]
            got = Counter((c["symbol"] or c["number"], c["cue"]) for c in r["citations"])
            exp = Counter((c["symbol"] or c["number"], c["cue"]) for c in t["citations"])
            tp += sum((got & exp).values())
            fp += sum((got - exp).values())
            fn += sum((exp - got).values())
    return {"precision": round(tp / (tp + fp), 5) if tp + fp else None,
            "recall": round(tp / (tp + fn), 5) if tp + fn else None, "citations": tp + fn}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", type=int)
    ap.add_argument("--dir", type=Path, help="corpus directory (default /tmp/chidao-bench-N)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", metavar="REF", help="run on git REF too (e.g. main) and print the differences")
    ap.add_argument("--ws", help="the workspace of the cold stage (default: the one the build stage writes)")
    ap.add_argument("--against", type=Path, help="cold stage: a second workspace asked in turn (ratio of the medians)")
    ap.add_argument("--tag", default="", help=argparse.SUPPRESS)  # keeps --compare's two workspaces apart
    args = ap.parse_args(argv)
    if args.compare:
        raw = list(sys.argv[1:] if argv is None else argv)
        i = raw.index("--compare")
        rest = raw[:i] + raw[i + 2:]
        compare(args.compare, [a for j, a in enumerate(rest) if a != "--out" and (j == 0 or rest[j - 1] != "--out")])
        return
    stages = args.stages.split(",")
    root = args.dir or Path(f"/tmp/chidao-bench-{args.docs}")
    ws = Path(f"{root}-ws{args.tag}")
    chidao = [sys.executable, "-m", "chidao"]
    result: dict = {"docs": args.docs, "jobs": args.jobs, "cpu": os.cpu_count(), "python": sys.version.split()[0]}

    def report(key, value):
        result[key] = value
        print(json.dumps({key: value}, ensure_ascii=False), flush=True)
        if args.out:
            args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")

    if "generate" in stages:
        truth = root / "truth.jsonl"
        if not (truth.exists() and sum(1 for _ in truth.open()) == args.docs):
            shutil.rmtree(root, ignore_errors=True)
            report("generate", timed(chidao + ["demo-corpus", str(root), "--docs", str(args.docs), "--seed",
                                               str(args.seed)]) | {"stdout": None})
    files = corpus_files(root)
    size_mb = sum(os.path.getsize(p) for p in files) / 1e6
    report("corpus", {"files": len(files), "mb": round(size_mb, 1)})
    if "grep" in stages:
        started = time.perf_counter()
        for i in range(0, len(files), 2000):
            subprocess.run(["grep", "-c", "số", *files[i:i + 2000]], capture_output=True)
        floor = time.perf_counter() - started
        report("grep", {"seconds": round(floor, 2), "mb_per_s": round(size_mb / floor, 1)})
    if "extract" in stages:
        out = f"{root}-extract{args.tag}.jsonl"
        with open(out, "w", encoding="utf-8") as sink:
            run = timed(chidao + ["extract", str(root), "--json", "-q", "-j", str(args.jobs)], stdout=sink)
        run.pop("stdout")
        run |= {"docs_per_s": round(len(files) / run["seconds"], 1), "mb_per_s": round(size_mb / run["seconds"], 2)}
        if "grep" in result:
            run["x_grep_floor"] = round(run["seconds"] / result["grep"]["seconds"], 1)
        report("extract", run | score(root, out))
    if "build" in stages:
        shutil.rmtree(ws, ignore_errors=True)
        run = timed(chidao + ["build", str(root), "-w", str(ws), "-j", str(args.jobs), "--json"])
        summary = json.loads(run.pop("stdout"))
        report("build", run | {k: summary[k] for k in ("documents", "stubs", "agencies", "places", "issues")})
    if "load" in stages or "questions" in stages:
        from chidao.graph import load_graph, load_question_graph

        started = time.perf_counter()
        graph = load_question_graph(ws)
        question_load = time.perf_counter() - started
        loads = {"question_graph_s": round(question_load, 2), "nodes": graph.number_of_nodes(),
                 "links": graph.number_of_edges()}
        if "load" in stages:
            started = time.perf_counter()
            load_graph(ws)
            loads["full_graph_s"] = round(time.perf_counter() - started, 2)
        report("load", loads)
    if "questions" in stages:
        from chidao.queries import basis, gaps, implements, refs, search, timeline, trace

        docs = [(n, d) for n, d in graph.nodes(data=True) if d.get("label") == "Document"]
        root_uid = max((n for n, d in docs if d.get("level") == "central" and d.get("symbol")), key=graph.in_degree)
        district = next(n for n, d in docs if d.get("level") == "district" and graph.out_degree(n) > 3)
        symbol = graph.nodes[root_uid]["symbol"]
        timings = {}
        for name, fn in [("resolve_ref", lambda: refs.resolve_ref(graph, root_uid)),
                         ("implements", lambda: implements.run(graph, root_uid)),
                         ("trace_district", lambda: trace.run(graph, root_uid, to="district")),
                         ("basis", lambda: basis.run(graph, district)),
                         ("gaps_district", lambda: gaps.run(graph, root_uid, level="district")),
                         ("timeline", lambda: timeline.run(graph, root_uid)),
                         ("search", lambda: search.run(graph, "phong chong dich"))]:
            times = []
            for _ in range(5):
                started = time.perf_counter()
                fn()
                times.append(time.perf_counter() - started)
            timings[name] = {"first_ms": round(times[0] * 1000, 1), "median_ms": round(statistics.median(times) * 1000, 1)}
        report("questions", {"root": root_uid, "downstream": len(implements.run(graph, root_uid))} | timings)
        result["_symbol"] = symbol
    if "cold" in stages:
        report("cold", cold(chidao, Path(args.ws) if args.ws else ws, against=args.against))
    if "real" in stages:
        report("real", real_text())


if __name__ == "__main__":
    main()
