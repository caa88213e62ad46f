"""Which library reads each format best, on the made-up Công văn of tests/docmaker.py. Not a test.

    python benchmarks/formats.py        # needs the test extras, plus trafilatura and readability-lxml to compare

PDF text layer: pypdf vs pypdfium2 (ms a page, header and citations right, with the header's two
columns drawn line by line across the page as Word does). Word 97: catdoc vs antiword on
tests/fixtures/files/congvan.doc (character error rate, header, citations). Portal pages:
stdlib (every text node) vs trafilatura vs readability-lxml vs resiliparse (header, citations,
portal noise left in, ms a page). PDF rasterising for OCR: pypdfium2 vs pdftoppm vs pypdf's
embedded-image extraction.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docmaker as dm  # noqa: E402

from chidao.loaders.extract import extract_text  # noqa: E402
from chidao.loaders.html_text import html_all_text  # noqa: E402


def timed(fn, arg, n=20):
    fn(arg)
    t = time.perf_counter()
    for _ in range(n):
        out = fn(arg)
    return out, (time.perf_counter() - t) / n


def verdict(text: str) -> str:
    rec = extract_text(text, "x")
    return (f"header {'ok' if dm.header_facts(rec) == dm.EXPECTED else 'WRONG'}, "
            f"citations {'ok' if dm.citation_facts(rec)[:3] == dm.EXPECTED_CITATIONS and len(rec.citations) >= 3 else 'WRONG'}")


def pdf_text() -> None:
    from chidao.loaders.files import _pdf_pages

    def pypdf_text(data):
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)

    def pdfium_plain(data):
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(data)
        return "\n".join(doc[i].get_textpage().get_text_bounded() for i in range(len(doc))).replace("\r\n", "\n")

    def chidao_pdfium(data):
        return "\n\n".join(t for t in _pdf_pages(data).texts if t)

    print("PDF text layer (5 pages):")
    for two in (False, True):
        data = dm.pdf_bytes(pages=5, two_column=two)
        for name, fn in (("pypdf", pypdf_text), ("pypdfium2 plain", pdfium_plain), ("pypdfium2 + columns", chidao_pdfium)):
            try:
                text, dt = timed(fn, data)
            except ImportError:
                print(f"  {name}: not installed")
                continue
            print(f"  {'two-column header' if two else 'one-column header'}  {name:20s} {dt * 1000 / 5:5.1f} ms/page  "
                  f"{verdict(text)}  double spaces: {text.count('  ')}")


def word97() -> None:
    from rapidfuzz.distance import Levenshtein

    data = (ROOT / "tests/fixtures/files/congvan.doc").read_bytes()
    truth = " ".join(dm.plain_text().split())
    print("Word 97 .doc:")
    for name, argv in (("catdoc", ["catdoc", "-d", "utf-8", "-w", "-"]), ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0", "-"])):
        try:
            text, dt = timed(lambda d: subprocess.run(argv, input=d, capture_output=True, check=True).stdout.decode(), data, 10)
        except FileNotFoundError:
            print(f"  {name}: not installed")
            continue
        cer = Levenshtein.distance(" ".join(unicodedata.normalize("NFC", text).split()), truth) / len(truth)
        print(f"  {name:10s} {dt * 1000:4.0f} ms  CER {cer:.2%}  {verdict(text)}")


def portal() -> None:
    def traf(m):
        import trafilatura
        return trafilatura.extract(m, include_tables=True, favor_recall=True, deduplicate=False) or ""

    def readab(m):
        from readability import Document
        return html_all_text(Document(m).summary(html_partial=True))

    def resil(m):
        from chidao.loaders.html_text import _resiliparse_text
        return _resiliparse_text(m)

    print("Portal pages:")
    for with_table in (True, False):
        page = dm.portal_html(with_table=with_table)
        for name, fn in (("stdlib", html_all_text), ("trafilatura", traf), ("readability-lxml", readab), ("resiliparse", resil)):
            try:
                text, dt = timed(fn, page)
            except ImportError:
                print(f"  {name}: not installed")
                continue
            noise = sum(n in text for n in dm.PORTAL_NOISE)
            print(f"  header {'in a table' if with_table else 'in <p>'}  {name:17s} {dt * 1000:5.1f} ms  {verdict(text)}  "
                  f"portal noise {noise}/{len(dm.PORTAL_NOISE)}")


def rasterise() -> None:
    import scans
    from PIL import Image

    pages = [scans.to_jpeg(Image.new("L", scans.A4, 255)) for _ in range(6)]
    pdf = scans.pdf_of_images(pages)
    print("Rasterising a 6-page scan at 200 dpi:")
    import pypdfium2 as pdfium

    t = time.perf_counter()
    doc = pdfium.PdfDocument(pdf)
    for i in range(len(doc)):
        doc[i].render(scale=200 / 72, grayscale=True).to_pil()
    print(f"  pypdfium2 (to PIL)        {(time.perf_counter() - t) / 6:.3f} s/page")
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "s.pdf").write_bytes(pdf)
        for fmt in ("-png", None):
            t = time.perf_counter()
            subprocess.run(["pdftoppm", "-r", "200", "-gray", *([fmt] if fmt else []), f"{d}/s.pdf", f"{d}/p"], check=True)
            print(f"  pdftoppm {fmt or '(pgm)':16s} {(time.perf_counter() - t) / 6:.3f} s/page")
    try:
        from pypdf import PdfReader
    except ImportError:
        return
    t = time.perf_counter()
    for p in PdfReader(io.BytesIO(pdf)).pages:
        [im.data for im in p.images]
    print(f"  pypdf embedded images     {(time.perf_counter() - t) / 6:.3f} s/page (only for a page that is one picture)")


if __name__ == "__main__":
    pdf_text()
    word97()
    portal()
    rasterise()
