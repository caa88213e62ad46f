"""Extraction by stage on one core, in process: normalise, header, citations, next to the floor (a loop
that reads, hashes and decodes the same files). Best of PASSES; run it pinned to one core.

    taskset -c 1 python benchmarks/stages.py tests/data/real corpus/sample 6
    taskset -c 1 python benchmarks/stages.py /tmp/c3k 2          # a generated corpus

The three stages are those of ``loaders.extract.extract_text``, called one after the other on every file,
so that each is timed alone (docs/PERFORMANCE.md, "Extraction: where the time goes").
"""

from __future__ import annotations

import os
import sys
import time

from chidao.loaders import files
from chidao.loaders.citations import find_citations
from chidao.loaders.header import parse_header
from chidao.loaders.normalize import normalize
from run import read_hash_decode  # the floor of run.py's real stage (a sibling script)


def main(dirs: list[str], passes: int) -> None:
    paths = sorted(map(str, files.iter_document_paths(dirs)))
    loaded = [files.read_document(p) for p in paths]
    best: dict[str, float] = {}

    def timed(name, work):
        started = time.process_time()
        work()
        best[name] = min(best.get(name, float("inf")), time.process_time() - started)

    for _ in range(passes):
        timed("floor", lambda: read_hash_decode(paths))
        norms: list[str] = []
        timed("normalise", lambda: norms.extend(
            normalize(t.text, ocr=bool(t.encoding and t.encoding.endswith("ocr"))) for t in loaded))
        heads: list = []
        timed("header", lambda: heads.extend(parse_header(n) for n in norms))
        timed("citations", lambda: [find_citations(n, exclude=(h.symbol_span,) if h.symbol_span else (), own=h.doc)
                                    for n, h in zip(norms, heads)])
    floor = best.pop("floor")
    parse = sum(best.values())
    print(f"{len(paths)} files, {sum(map(os.path.getsize, paths)) / 1e6:.2f} MB")
    print(f"  {'read + sha256 + decode':24} {floor / len(paths) * 1e6:8.1f} us a file   1.0x")
    for name, seconds in [*best.items(), ("the three stages", parse)]:
        print(f"  {name:24} {seconds / len(paths) * 1e6:8.1f} us a file  {seconds / floor:4.1f}x"
              f"  {100 * seconds / parse:3.0f}% of the parse")


if __name__ == "__main__":
    main(sys.argv[1:-1], int(sys.argv[-1]))
