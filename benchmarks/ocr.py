"""OCR figures on the five seed documents rendered as scans (tests/scans.py). Not a test.

    python benchmarks/ocr.py                 # 200-dpi scans as in tests/test_ocr.py
    python benchmarks/ocr.py --harsh         # two-thirds resolution, blur, JPEG quality 25, 1.2° tilt
    python benchmarks/ocr.py --bindings      # also: tesseract CLI threads vs one thread, tesserocr, pytesseract

Prints pages/s for -j 1 and -j 2 through chidao's own reader, the character
error rate against the drawn text, citation precision/recall against
../shared/seeds/expected.json with and without the OCR repairs of the
matching form, and which repairs fired (and whether the true text has the
repaired form there). Needs the test extras and tesseract-ocr-vie.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SEEDS = ROOT.parent / "shared" / "seeds"

import scans  # noqa: E402

from chidao.loaders.extract import extract_text  # noqa: E402
from chidao.loaders.files import read_document  # noqa: E402
from chidao.loaders.normalize import _OCR_PHRASE_RE, OCR_SYMBOL_RE, ocr_repairs  # noqa: E402
from chidao.loaders.ocr import OcrOptions  # noqa: E402

KEY = ("doc_type", "number", "symbol", "date", "cue")


def words(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def render(folder: Path, harsh: bool) -> dict[str, tuple[str, int]]:
    from PIL import ImageFilter

    out = {}
    for src in sorted(SEEDS.glob("*.txt")):
        pages = scans.paginate(src.read_text("utf-8"))
        jpegs = []
        for i, lines in enumerate(pages):
            img = scans.render_page(lines, seed=int(src.name[:3]) * 100 + i, tilt=1.2 if harsh else 0.4)
            if harsh:
                img = img.resize((img.width * 2 // 3, img.height * 2 // 3)).filter(ImageFilter.GaussianBlur(0.8))
            jpegs.append(scans.to_jpeg(img, quality=25 if harsh else 60))
        (folder / f"{src.stem}.pdf").write_bytes(scans.pdf_of_images(jpegs))
        out[f"{src.stem}.pdf"] = ("\n".join("\n".join(p) for p in pages), len(pages))
    return out


def prf(expected: Counter, got: Counter) -> tuple[float, float]:
    hits = sum((expected & got).values())
    return hits / max(1, sum(got.values())), hits / max(1, sum(expected.values()))


def bindings(image_paths: list[Path], harsh: bool = False) -> None:
    env1 = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def cli(env):
        return lambda f: subprocess.run(["tesseract", str(f), "-", "-l", "vie"], capture_output=True, env=env)

    for name, fn, jobs in [("cli, OpenMP threads", cli(dict(os.environ)), 1), ("cli, OMP_THREAD_LIMIT=1", cli(env1), 1),
                           ("cli, OMP_THREAD_LIMIT=1", cli(env1), 2)]:
        t = time.perf_counter()
        with ThreadPoolExecutor(jobs) as ex:
            list(ex.map(fn, image_paths))
        print(f"  {name:28s} -j {jobs}: {len(image_paths) / (time.perf_counter() - t):.2f} pages/s")
    try:
        import pytesseract
    except ImportError:
        print("  pytesseract: not installed")
    else:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        t = time.perf_counter()
        for f in image_paths:
            pytesseract.image_to_data(str(f), lang="vie")
        print(f"  pytesseract image_to_data     -j 1: {len(image_paths) / (time.perf_counter() - t):.2f} pages/s")
    try:
        import tesserocr
        from PIL import Image
    except ImportError:
        print("  tesserocr: not installed")
    else:
        os.environ["OMP_THREAD_LIMIT"] = "1"

        def worker(fs):
            with tesserocr.PyTessBaseAPI(path="/usr/share/tesseract-ocr/5/tessdata", lang="vie") as api:
                for f in fs:
                    api.SetImage(Image.open(f))
                    api.GetUTF8Text()
        for jobs in ((2,) if harsh else (1, 2)):
            t = time.perf_counter()
            with ThreadPoolExecutor(jobs) as ex:
                list(ex.map(worker, [image_paths[i::jobs] for i in range(jobs)]))
            print(f"  tesserocr {tesserocr.tesseract_version().split()[1]:18s} -j {jobs}: "
                  f"{len(image_paths) / (time.perf_counter() - t):.2f} pages/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--harsh", action="store_true")
    ap.add_argument("--bindings", action="store_true")
    args = ap.parse_args()
    expected_all = json.loads((SEEDS / "expected.json").read_text("utf-8"))["documents"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth = render(folder, args.harsh)
        n_pages = sum(n for _, n in truth.values())
        texts = {}
        for jobs in ((2,) if args.harsh else (1, 2)):
            t = time.perf_counter()
            for name in truth:
                texts[name] = read_document(folder / name, ocr=OcrOptions(jobs=jobs)).text
            dt = time.perf_counter() - t
            print(f"chidao reader, OCR -j {jobs}: {n_pages} pages in {dt:.1f} s = {n_pages / dt:.2f} pages/s")
        from rapidfuzz.distance import Levenshtein

        d = sum(Levenshtein.distance(words(texts[k]), words(v[0])) for k, v in truth.items())
        total = sum(len(words(v[0])) for v in truth.values())
        print(f"character error rate: {d}/{total} = {d / total:.4%}")
        for repaired in (False, True):
            exp, got = Counter(), Counter()
            for name, facts in expected_all.items():
                stem = Path(name).stem
                rec = extract_text(texts[f"{stem}.pdf"], name, encoding="pdf+ocr" if repaired else "pdf")
                exp.update((stem, *(c[k] for k in KEY)) for c in facts["citations"])
                got.update((stem, *(getattr(c, k) for k in KEY)) for c in rec.citations)
            p, r = prf(exp, got)
            print(f"citations {'with' if repaired else 'without'} OCR repairs: precision {p:.3f} recall {r:.3f}")
            if repaired and (exp != got):
                print("  missed:", sorted((exp - got).elements()))
                print("  extra: ", sorted((got - exp).elements()))
        fired: Counter = Counter()
        right: Counter = Counter()
        for name, (true_text, _) in truth.items():
            ocr, true_words = words(texts[name]), words(true_text)
            for rx in (_OCR_PHRASE_RE, OCR_SYMBOL_RE):
                for m in rx.finditer(ocr):
                    fixed = ocr_repairs(m.group(0))
                    if fixed != m.group(0):
                        fired[f"{m.group(0)} -> {fixed}"] += 1
                        right[f"{m.group(0)} -> {fixed}"] += fixed in true_words and m.group(0) not in true_words
        print("repairs fired on the OCR output (fired / the true text has the repaired form, never the slip):")
        for k, n in fired.most_common():
            print(f"  {k}: {n} / {right[k]}")
        if args.bindings:
            from PIL import Image
            import pypdfium2 as pdfium

            pngs = []
            doc = pdfium.PdfDocument(folder / "001_f7712588e8aae4fd.pdf")
            for i in range(len(doc)):
                p = folder / f"b{i}.png"
                doc[i].render(scale=200 / 72, grayscale=True).to_pil().save(p)
                pngs.append(p)
            print(f"bindings on {len(pngs)} pages:")
            bindings(pngs, args.harsh)
            del Image


if __name__ == "__main__":
    main()
