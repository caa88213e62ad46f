"""OCR through Debian's Tesseract: the five seed documents rendered as 200-dpi scans.

The scans are made here (tests/scans.py: DejaVu Serif, a slight tilt, paper noise,
JPEG grain), as PDFs of page images, plus one page as PNG and one as JPEG; they are
OCR'd once per session (a dozen pages, about 20 s on 2 cores) and every test reads
that one result. Without tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)
the tests skip with the reason; CI installs it (.ci/run).
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from chidao.loaders.batch import extract_paths
from chidao.loaders.files import LoadError, read_document
from chidao.loaders.ocr import INSTALL_HINT, OcrCache, OcrOptions, tesseract_available

import scans
from conftest import SEEDS, seeds_available

CITATION_KEY = ("doc_type", "number", "symbol", "date", "cue")
HEADER_FIELDS = ("doc_type", "number", "symbol", "date", "place")


def _need_ocr():
    reason = tesseract_available()
    if reason:
        pytest.skip(f"OCR tests need Tesseract: {reason}")
    if not scans.fonts_available():
        pytest.skip(f"{scans.FONT} is missing: apt-get install fonts-dejavu-core")
    pytest.importorskip("PIL", reason="Pillow is not installed")
    pytest.importorskip("fpdf", reason="fpdf2 (test dependency) is not installed")


def _nfc_words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


@pytest.fixture(scope="session")
def scanned(tmp_path_factory, seeds_dir):
    """The seeds as scans in one folder, OCR'd once through the batch (2 pages at a time)."""
    _need_ocr()
    folder = tmp_path_factory.mktemp("scans")
    truth: dict[str, str] = {}  # file name -> the text drawn on its pages
    for src in sorted(seeds_dir.glob("*.txt")):
        text = src.read_text("utf-8")
        pages = scans.paginate(text)
        seed = int(src.name[:3])
        jpegs = [scans.to_jpeg(scans.render_page(lines, seed=seed * 100 + i)) for i, lines in enumerate(pages)]
        (folder / f"{src.stem}.pdf").write_bytes(scans.pdf_of_images(jpegs))
        truth[f"{src.stem}.pdf"] = "\n".join("\n".join(lines) for lines in pages)
    # One single page as a PNG (the one-page article) and one as a phone-style JPEG (page 1 of a Công văn).
    article = SEEDS / "003_631f745cf04c508a.txt"
    lines = scans.paginate(article.read_text("utf-8"))[0]
    (folder / "article.png").write_bytes(scans.to_png(scans.render_page(lines, seed=7)))
    truth["article.png"] = "\n".join(lines)
    first = scans.paginate((SEEDS / "000_dd2f34a81c24e1b6.txt").read_text("utf-8"))[0]
    (folder / "page1.jpg").write_bytes(scans.to_jpeg(scans.render_page(first, seed=8), quality=50))
    truth["page1.jpg"] = "\n".join(first)
    cache = tmp_path_factory.mktemp("ocr-cache") / "ocr.db"
    results = list(extract_paths([folder], jobs=2, ocr=OcrOptions(cache=str(cache))))
    records = {Path(p).name: (rec, err) for p, rec, err, _ in results}
    return folder, truth, records, cache


@pytest.fixture(scope="session")
def ocr_texts(scanned):
    """The OCR text of every scan, from the cache the batch filled (no second OCR)."""
    folder, truth, _records, cache = scanned
    out = {}
    for name in truth:
        lt = read_document(folder / name, ocr=OcrOptions(cache=str(cache)))
        out[name] = lt
    return out


def test_every_scan_is_read(scanned):
    _folder, truth, records, _ = scanned
    assert set(records) == set(truth)
    errors = {name: err for name, (rec, err) in records.items() if err}
    assert errors == {}


def test_records_say_their_text_came_from_ocr(scanned):
    _folder, _truth, records, _ = scanned
    for name, (rec, _err) in records.items():
        assert rec.encoding == ("pdf+ocr" if name.endswith(".pdf") else "ocr"), name
        assert rec.ocr_confidence is not None and 80 <= rec.ocr_confidence <= 100, (name, rec.ocr_confidence)


def test_character_error_rate_at_most_2_percent(ocr_texts, scanned):
    _folder, truth, _records, _ = scanned
    errors = total = 0
    per_file = {}
    for name, true_text in truth.items():
        got, want = _nfc_words(ocr_texts[name].text), _nfc_words(true_text)
        d = _distance(got, want)
        per_file[name] = round(d / len(want), 4)
        errors += d
        total += len(want)
    assert total > 30000  # the five documents, whole
    assert errors / total <= 0.02, per_file


def test_citations_precision_and_recall_at_least_95_percent(scanned, seed_expected):
    _folder, _truth, records, _ = scanned
    expected: Counter = Counter()
    got: Counter = Counter()
    for name, facts in seed_expected.items():
        stem = Path(name).stem
        rec, _ = records[f"{stem}.pdf"]
        expected.update((stem, *(c[k] for k in CITATION_KEY)) for c in facts["citations"])
        got.update((stem, *(getattr(c, k) for k in CITATION_KEY)) for c in rec.citations)
    assert sum(expected.values()) >= 10
    hits = sum((expected & got).values())
    precision, recall = hits / max(1, sum(got.values())), hits / sum(expected.values())
    assert precision >= 0.95 and recall >= 0.95, {"precision": precision, "recall": recall,
                                                 "missed": expected - got, "extra": got - expected}


def test_headers_of_scanned_documents(scanned, seed_expected):
    _folder, _truth, records, _ = scanned
    compared = 0
    for name, facts in seed_expected.items():
        rec, _ = records[f"{Path(name).stem}.pdf"]
        assert rec.kind == facts["kind"], name
        if facts["doc"] is None:
            continue
        got = {k: getattr(rec.doc, k) for k in HEADER_FIELDS}
        assert got == {k: facts["doc"][k] for k in HEADER_FIELDS}, name
        compared += 1
    assert compared >= 3


def test_single_images_png_and_jpeg(scanned, seed_expected):
    _folder, _truth, records, _ = scanned
    article, _ = records["article.png"]
    assert article.kind == seed_expected["003_631f745cf04c508a.txt"]["kind"]
    page1, _ = records["page1.jpg"]
    want = seed_expected["000_dd2f34a81c24e1b6.txt"]
    assert (page1.doc.symbol, page1.doc.date) == (want["doc"]["symbol"], want["doc"]["date"])
    expected = [c["symbol"] for c in want["citations"]]
    got = [c.symbol for c in page1.citations]
    assert got and got == expected[: len(got)]  # page 1 holds the first citations, in order


def test_spans_point_into_the_ocr_text(scanned, ocr_texts):
    _folder, _truth, records, _ = scanned
    checked = 0
    for name, (rec, _) in records.items():
        text = ocr_texts[name].text
        for c in rec.citations:
            assert text[c.start:c.end] == c.text
            assert c.symbol.split("/")[0].split("-")[0] in text[c.start:c.end]
            checked += 1
    assert checked >= 10


def test_the_cache_answers_without_tesseract(scanned, monkeypatch):
    """A second read of a scan takes its text from the cache: tesseract is not run."""
    folder, truth, _records, cache = scanned
    from chidao.loaders import ocr

    def refuse(*a, **k):
        raise AssertionError("tesseract was run again")

    monkeypatch.setattr(ocr, "ocr_page", refuse)
    for name in truth:
        lt = read_document(folder / name, ocr=OcrOptions(cache=str(cache)))
        assert lt.text.strip() and lt.ocr_confidence is not None
    # Without the cache the same read needs tesseract.
    with pytest.raises(LoadError, match="OCR failed|tesseract was run again"):
        read_document(folder / "article.png", ocr=OcrOptions())


def test_cache_key_is_the_file_hash(scanned, tmp_path):
    """The same bytes under another name are a cache hit; one byte more is not."""
    folder, _truth, _records, cache = scanned
    data = (folder / "article.png").read_bytes()
    import hashlib

    c = OcrCache(cache)
    assert c.get(hashlib.sha256(data).hexdigest()) is not None
    assert c.get(hashlib.sha256(data + b"\0").hexdigest()) is None


# ---------------------------------------------------------------- bad input, one line each, batch goes on

def test_bad_scans_give_one_line_each_and_the_batch_goes_on(tmp_path):
    _need_ocr()
    from PIL import Image

    good = scans.render_page(["Căn cứ Chỉ thị số 42-CT/TW, ngày 24/3/2020 của Ban Bí thư về phòng, chống thiên tai."],
                             seed=3)
    jpeg = scans.to_jpeg(good)
    (tmp_path / "a_good.jpg").write_bytes(jpeg)
    (tmp_path / "b_truncated.jpg").write_bytes(jpeg[: len(jpeg) // 3])
    (tmp_path / "c_empty.png").write_bytes(b"")
    blank = Image.new("L", scans.A4, 250)
    (tmp_path / "d_blank.png").write_bytes(scans.to_png(blank))
    pdf = scans.pdf_of_images([jpeg])
    (tmp_path / "e_truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (tmp_path / "f_not_an_image.tif").write_bytes(b"II*\x00 this is not a tiff")
    results = {Path(p).name: (rec, err) for p, rec, err, _ in extract_paths([tmp_path], jobs=1)}
    rec, err = results["a_good.jpg"]
    assert err is None and [c.symbol for c in rec.citations] == ["42-CT/TW"]
    reasons = {name: err for name, (rec, err) in results.items() if name != "a_good.jpg"}
    assert reasons["b_truncated.jpg"].startswith("corrupt image (truncated or unreadable")
    assert reasons["c_empty.png"] == "empty file (0 bytes)"
    assert reasons["d_blank.png"] == "no text found by OCR (a picture without writing?)"
    assert reasons["e_truncated.pdf"].startswith("corrupt .pdf")
    assert reasons["f_not_an_image.tif"].startswith("corrupt image")
    assert all(r and "\n" not in r for r in reasons.values())


def test_no_ocr_says_so(tmp_path):
    _need_ocr()
    (tmp_path / "s.png").write_bytes(scans.to_png(scans.render_page(["Số 15-CT/TU"], seed=1)))
    with pytest.raises(LoadError) as ei:
        read_document(tmp_path / "s.png", ocr=OcrOptions(enabled=False))
    assert ei.value.reason == "scanned image: OCR is off (--no-ocr)"


def test_missing_tesseract_says_how_to_install(tmp_path, monkeypatch):
    """Tesseract absent (PATH without it): one line with the install command, the batch goes on."""
    pytest.importorskip("PIL", reason="Pillow is not installed")
    from chidao.loaders import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    (tmp_path / "a.txt").write_text("Căn cứ Chỉ thị số 42-CT/TW của Ban Bí thư.", "utf-8")
    from PIL import Image

    (tmp_path / "b.png").write_bytes(scans.to_png(Image.new("L", (200, 100), 255)))
    results = {Path(p).name: (rec, err) for p, rec, err, _ in extract_paths([tmp_path])}
    assert results["a.txt"][1] is None
    assert results["b.png"][1] == f"scanned image: tesseract is not installed (install it: {INSTALL_HINT})"


def test_pdf_with_text_and_scanned_pages_keeps_both(tmp_path):
    """A signed scan appended to a typed PDF: page 1 from the text layer, page 2 through OCR."""
    _need_ocr()
    import io

    import docmaker
    from fpdf import FPDF

    typed = docmaker.pdf_bytes(pages=1)
    scan = scans.to_jpeg(scans.render_page(["Căn cứ Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị."], seed=5))
    # Join the two: the typed PDF's page, then a page that is only an image.
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument(typed)
    extra = pdfium.PdfDocument(scans.pdf_of_images([scan]))
    out.import_pages(extra)
    buf = io.BytesIO()
    out.save(buf)
    p = tmp_path / "mixed.pdf"
    p.write_bytes(buf.getvalue())
    lt = read_document(p)
    assert lt.encoding == "pdf+ocr" and lt.ocr_pages == 1
    from chidao.loaders.extract import extract_loaded

    rec = extract_loaded(lt)
    assert docmaker.header_facts(rec) == docmaker.EXPECTED
    assert [c.symbol for c in rec.citations][-1] == "07-KL/TW"
    assert FPDF  # fpdf2 made the typed part


def test_parallel_batch_reads_copies_from_the_cache(scanned, tmp_path, monkeypatch):
    """Eight and more files go to worker processes (-j 2); copies under other names are
    cache hits by hash, so no page is OCR'd again (the forked workers inherit the refusal)."""
    folder, truth, records, cache = scanned
    from chidao.loaders import ocr

    monkeypatch.setattr(ocr, "ocr_page", lambda *a, **k: (_ for _ in ()).throw(AssertionError("OCR'd again")))
    names = sorted(truth)
    for i in range(2):
        for name in names:
            (tmp_path / f"copy{i}-{name}").write_bytes((folder / name).read_bytes())
    results = list(extract_paths([tmp_path], jobs=2, ocr=OcrOptions(cache=str(cache))))
    assert len(results) == 2 * len(names) >= 8
    for path, rec, err, _ in results:
        original = Path(path).name.split("-", 1)[1]
        assert err is None, (path, err)
        assert [c.symbol for c in rec.citations] == [c.symbol for c in records[original][0].citations]


# ---------------------------------------------------------------- the CLI and the workspace

def _build(args):
    from click.testing import CliRunner

    from chidao.cli import cli

    result = CliRunner().invoke(cli, ["build", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_build_caches_ocr_in_the_workspace_and_never_ocrs_twice(scanned, tmp_path, monkeypatch):
    """chidao build OCRs a scan once: a rebuild after a touch, or after the workspace itself
    is gone (as after a chidao upgrade), takes the text from <workspace>/ocr.db."""
    folder, _truth, records, _cache = scanned
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cv.png").write_bytes((folder / "page1.jpg").read_bytes())  # a JPEG named .png reads the same
    (docs / "article.png").write_bytes((folder / "article.png").read_bytes())
    ws = tmp_path / "ws"
    first = _build([str(docs), "-w", str(ws), "-j", "2"])
    assert first["parsed"] == 2 and first["unreadable"] == []
    assert (ws / "ocr.db").exists()

    from chidao.loaders import ocr

    monkeypatch.setattr(ocr, "ocr_page", lambda *a, **k: (_ for _ in ()).throw(AssertionError("OCR'd again")))
    os.utime(docs / "cv.png")  # touched: same content
    (ws / "workspace.db").unlink()  # the workspace rebuilt from the files
    second = _build([str(docs), "-w", str(ws)])
    assert second["parsed"] == 2 and second["unreadable"] == [] and second["documents"] >= first["documents"]
    third = _build([str(docs), "-w", str(ws)])
    assert third["parsed"] == 0 and third["unchanged"] == 2

    # `chidao show` prints the passage of a citation, from the OCR text
    from click.testing import CliRunner

    from chidao.cli import cli

    page1 = records["page1.jpg"][0]
    shown = CliRunner().invoke(cli, ["show", page1.doc.symbol, "-w", str(ws)], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    flat = " ".join(shown.stdout.split())
    assert " ".join(page1.citations[0].sentence.split())[:60] in flat


def test_build_no_ocr_then_with_ocr(scanned, tmp_path):
    """--no-ocr leaves a scan out with one line; the next build with OCR on reads it (from the cache here)."""
    folder, _truth, _records, cache = scanned
    from click.testing import CliRunner

    from chidao.cli import cli

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.png").write_bytes((folder / "article.png").read_bytes())
    (docs / "b.txt").write_text("Căn cứ Chỉ thị số 42-CT/TW, ngày 24/3/2020 của Ban Bí thư.", "utf-8")
    ws = tmp_path / "ws"
    result = CliRunner().invoke(cli, ["build", str(docs), "-w", str(ws), "--no-ocr"], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"chidao: skipped {docs / 'a.png'}: scanned image: OCR is off (--no-ocr)" in result.stderr.splitlines()
    ws.joinpath("ocr.db").write_bytes(Path(cache).read_bytes())  # spare the second OCR
    out = _build([str(docs), "-w", str(ws)])
    assert out["parsed"] == 1 and out["unreadable"] == []


def test_extract_prints_ocr_records(scanned):
    folder, _truth, records, cache = scanned
    from click.testing import CliRunner

    from chidao.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(folder / "page1.jpg"), "--json", "--no-ocr"])
    assert result.exit_code == 1 and "OCR is off (--no-ocr)" in result.stderr
    # with OCR on it reads (and this one page is OCR'd again: no workspace here)
    result = CliRunner().invoke(cli, ["extract", str(folder / "page1.jpg"), "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["encoding"] == "ocr" and obj["ocr_confidence"] > 80
    assert obj["doc"]["symbol"] == records["page1.jpg"][0].doc.symbol
    from chidao.outputs.render import record_text

    first = record_text(records["page1.jpg"][0]).splitlines()[0]
    assert first.endswith(f"(read by OCR, mean confidence {records['page1.jpg'][0].ocr_confidence:.0f}%)")


def test_multipage_tiff_gives_every_frame():
    """A scanner's multi-page TIFF (bilevel, G4): each frame is a page (no OCR needed to see it)."""
    pytest.importorskip("PIL", reason="Pillow is not installed")
    import io

    from PIL import Image

    from chidao.loaders.files import _image_pages

    frames = [Image.new("1", (400, 300), 1), Image.new("1", (400, 300), 0)]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], compression="group4")
    total, pages = _image_pages(buf.getvalue())
    pages = list(pages)
    assert total == 2 and [p.getpixel((0, 0)) for p in pages] == [255, 0]
