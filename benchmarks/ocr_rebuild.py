"""A rebuild of an OCR'd folder: 100 scanned pages (10 PDFs of 10 page images). Not a test.

    python benchmarks/ocr_rebuild.py [--pages-per-file 10] [--files 10] [--jobs 2]

Times `chidao build` three times: the first build (every page OCR'd), a rebuild with nothing
changed (target: under 1 s, no OCR), and a rebuild with the workspace database deleted, as after
a chidao upgrade (every file parsed again, OCR text from <workspace>/ocr.db, no OCR).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import scans  # noqa: E402


def build(docs: Path, ws: Path, jobs: int) -> tuple[float, dict]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "chidao", "build", str(docs), "-w", str(ws), "-j", str(jobs), "--json"],
                         capture_output=True, text=True, check=True)
    return time.perf_counter() - t, json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--pages-per-file", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs, ws = Path(tmp) / "docs", Path(tmp) / "ws"
        docs.mkdir()
        for f in range(args.files):
            pages = []
            for p in range(args.pages_per_file):
                lines = [f"Trang {p + 1} của văn bản {f + 1}.",
                         f"Căn cứ Kế hoạch số {100 + f * 10 + p}-KH/TU, ngày 12/5/2022 của Ban Thường vụ Tỉnh ủy."]
                pages.append(scans.to_jpeg(scans.render_page(lines, seed=f * 100 + p)))
            (docs / f"scan{f:02d}.pdf").write_bytes(scans.pdf_of_images(pages))
        n = args.files * args.pages_per_file
        for label in ("first build (OCR)", "rebuild, nothing changed", "rebuild, workspace.db deleted (OCR cache)"):
            if label.startswith("rebuild, workspace"):
                (ws / "workspace.db").unlink()
            dt, summary = build(docs, ws, args.jobs)
            print(f"{label:45s} {n} pages: {dt:6.2f} s  parsed {summary['parsed']}, unchanged {summary['unchanged']}, "
                  f"unreadable {len(summary['unreadable'])}")


if __name__ == "__main__":
    main()
