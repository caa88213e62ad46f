"""Issue 15's targets on hostile shapes: extraction time per MB against the median real document's,
and the peak memory of ``chidao extract FILE --json``. Not a test (timings), a benchmark.

    python benchmarks/linear.py                 # sizes 0.5, 1, 2, 5 MB; writes nothing
    python benchmarks/linear.py --sizes 5       # only the 5 MB inputs

The shapes are tests/test_linear.py's: a real decision's lines joined into one line and repeated,
a line repeated, a run-on line dense with distinct citations, and its NFD form. Each input is written
to a temporary file and run as ``chidao extract FILE --json -q`` in a child process: the wall time, the
child's peak RSS (``wait4``), and the time in process of reading and extracting it (best of two, from
a second child, so the CLI's start-up is left out). The median is over tests/data/real's texts, timed the
same way in process (s/MB of each document, then the median).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_linear import _make  # noqa: E402

SHAPES = ("joined-lines", "repeated-line", "distinct-run-on", "distinct-run-on-nfd")
CHIDAO = str(Path(sys.executable).with_name("chidao"))

_IN_PROCESS = """
import sys, time
from chidao.loaders.files import read_document
from chidao.loaders.extract import extract_loaded
best = []
for path in sys.argv[1:]:
    times = []
    for _ in range(2):
        t = time.perf_counter()
        record = extract_loaded(read_document(path))
        times.append(time.perf_counter() - t)
    best.append((path, min(times), len(record.citations) + len(record.unnumbered)))
print(repr(best))
"""


def in_process(paths: list[str]) -> list[tuple[str, float, int]]:
    out = subprocess.run([sys.executable, "-c", _IN_PROCESS, *paths], capture_output=True, text=True, check=True)
    return eval(out.stdout)  # our own repr of tuples


def cli_run(path: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of ``chidao extract PATH --json -q``."""
    t = time.perf_counter()
    proc = subprocess.Popen([CHIDAO, "extract", path, "--json", "-q"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, path
    return time.perf_counter() - t, usage.ru_maxrss * 1024


def make(kind: str, size: int) -> bytes:
    """The shape at about ``size`` bytes of UTF-8."""
    text = _make(kind, size)
    data = text.encode()
    while len(data) > size * 1.02:
        text = text[: int(len(text) * size / len(data))]
        data = text.encode()
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 5], help="MB (10^6 bytes)")
    args = parser.parse_args()
    real = sorted(str(p) for p in (ROOT / "tests" / "data" / "real").rglob("*.txt"))
    timed = in_process(real)
    per_mb = [t / (os.path.getsize(p) / 1e6) for p, t, _ in timed]
    median = statistics.median(per_mb)
    per_ref = statistics.median(t / n for _, t, n in timed if n) * 1e3
    sizes = [os.path.getsize(p) for p in real]
    print(f"median real document: {statistics.median(sizes) / 1e3:.1f} KB, {median:.3f} s/MB "
          f"(over {len(real)} texts of tests/data/real, in process); "
          f"{per_ref:.2f} ms a reference (median over those with one)")
    print("| input | size | references | extract (in process) | s/MB | x median | ms/reference | `chidao extract --json` wall | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in SHAPES:
            for mb in args.sizes:
                path = os.path.join(tmp, f"{kind}-{mb}mb.txt")
                Path(path).write_bytes(make(kind, int(mb * 1e6)))
                size = os.path.getsize(path)
                (_, seconds, refs), = in_process([path])
                wall, rss = cli_run(path)
                rate = seconds / (size / 1e6)
                rows.append({"kind": kind, "bytes": size, "references": refs, "seconds": seconds,
                             "s_per_mb": rate, "wall": wall, "peak_rss": rss})
                print(f"| {kind} | {size / 1e6:.1f} MB | {refs:,} | {seconds:.2f} s | {rate:.2f} | {rate / median:.1f} "
                      f"| {seconds / max(refs, 1) * 1e3:.2f} | {wall:.2f} s | {rss / 2**20:.0f} MiB |", flush=True)
    print(json.dumps({"median_s_per_mb": median, "median_ms_per_reference": per_ref, "rows": rows}), file=sys.stderr)


if __name__ == "__main__":
    main()
