"""Placement across the reform (issue 12): the share of generated documents placed in the right
system of units, province and commune, against the generator's truth.

    python benchmarks/score_reform.py N --post-reform 0.35 --seed 11 [--keep DIR]

Generates N documents (a share of the campaigns dated 1 July 2025 - November 2026, the rest
2016-2025), extracts and builds them in memory (``chidao.graph.build_graph``) and compares each
written document's node with its truth record: system (legacy | 2025), province (short name),
commune (short name, for commune documents). Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from chidao.corpus.generate import generate_corpus
from chidao.graph.build import build_graph
from chidao.loaders.batch import extract_one
from chidao.loaders.normalize import fold


def score(outdir: Path, since: str = "") -> dict:
    """Placement shares per system; ``since`` (an ISO date prefix) counts only documents dated from it
    (every document is still built, so citations resolve as in the whole corpus)."""
    truth = {}
    with open(outdir / "truth.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("kind") == "document":
                truth[r["path"]] = r
    records = []
    for rel in sorted(truth):
        _, record, error, _ = extract_one(str(outdir / rel))
        if record is not None:
            records.append(record)
    t = time.perf_counter()
    graph, issues = build_graph(records)
    seconds = time.perf_counter() - t
    root = str(outdir) + "/"
    nodes = {}
    for uid, a in graph.nodes(data=True):
        if a.get("label") == "Document" and not a.get("stub") and a.get("path"):
            for p in [a["path"], *a.get("duplicate_paths", ())]:
                nodes[p.removeprefix(root)] = a
    counts: Counter = Counter()
    misses: Counter = Counter()
    for rel, r in truth.items():
        if since and (r.get("date") or "") < since:
            continue
        a = nodes.get(rel)
        system = r.get("system", "legacy")
        group = system
        counts[(group, "n")] += 1
        if a is None:
            continue
        issuer = graph.nodes[a["issuer_uid"]] if a.get("issuer_uid") in graph else {}
        ok_system = a.get("system") == system
        central = r["level"] == "central"
        ok_province = central or (a.get("province") and fold(a["province"]) == fold(r["province"] or ""))
        ok_commune = None
        if r["level"] == "commune":
            ok_commune = bool(issuer.get("commune")) and fold(issuer["commune"]) == fold(r["commune"] or "")
            counts[(group, "communes")] += 1
            counts[(group, "commune_ok")] += ok_commune and ok_province and ok_system
        counts[(group, "system_ok")] += ok_system
        counts[(group, "province_ok")] += bool(ok_province) and ok_system
        counts[(group, "all_ok")] += bool(ok_system and ok_province and ok_commune is not False)
        if not (ok_system and ok_province and ok_commune is not False):
            misses[(system, r["level"], "system" if not ok_system else "province" if not ok_province else "commune")] += 1
    out = {"documents": len(truth), "scored_since": since or None, "build_seconds": round(seconds, 2), "issues": Counter(i.kind for i in issues)}
    for group in ("legacy", "2025"):
        n = counts[(group, "n")]
        if not n:
            continue
        out[group] = {
            "documents": n, "system": round(counts[(group, "system_ok")] / n, 4),
            "system+province": round(counts[(group, "province_ok")] / n, 4),
            "commune documents": counts[(group, "communes")],
            "system+province+commune (commune documents)": round(
                counts[(group, "commune_ok")] / max(1, counts[(group, "communes")]), 4),
            "all right": round(counts[(group, "all_ok")] / n, 4),
        }
    out["misses"] = {"/".join(k): v for k, v in misses.most_common(12)}
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--post-reform", type=float, default=0.35)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", help="write the corpus here instead of a temporary directory")
    ap.add_argument("--since", default="2021", help="score documents dated from this ISO prefix (default 2021)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        outdir = Path(a.keep or tmp)
        generate_corpus(outdir, a.n, a.seed, post_reform=a.post_reform)
        print(json.dumps(score(outdir, a.since), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
