"""Each format a real archive holds, on files made here: the header and citations that come out.

The made-up Công văn of tests/docmaker.py, as a PDF with a two-column header,
a Word 97 .doc and an .rtf (tests/fixtures/files, made once by make_doc.py), a
portal page with menus and related-article lists, and a text with stray NULs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import docmaker as dm
from chidao.loaders import files
from chidao.loaders.batch import extract_paths
from chidao.loaders.extract import extract_loaded
from chidao.loaders.files import LoadError, read_document
from chidao.loaders.ocr import OcrOptions

FIXTURES = Path(__file__).parent / "fixtures" / "files"
NO_OCR = OcrOptions(enabled=False)


def _record(path: Path, **kw):
    return extract_loaded(read_document(path, **kw))


def _needs_pdf_tools():
    pytest.importorskip("fpdf", reason="fpdf2 (test dependency) is not installed")
    pytest.importorskip("pypdfium2", reason="pypdfium2 is not installed")
    if not dm.DEJAVU.exists():
        pytest.skip(f"font {dm.DEJAVU} missing: apt-get install fonts-dejavu-core")


# ---------------------------------------------------------------- PDF text layer

@pytest.mark.parametrize("two_column", [True, False], ids=["header-columns-side-by-side", "header-one-column"])
def test_pdf_header_and_citations(tmp_path, two_column):
    _needs_pdf_tools()
    p = tmp_path / "cv.pdf"
    p.write_bytes(dm.pdf_bytes(pages=3, two_column=two_column))
    lt = read_document(p, ocr=NO_OCR)
    assert lt.encoding == "pdf" and lt.ocr_pages == 0 and lt.warnings == ()
    rec = extract_loaded(lt)
    assert dm.header_facts(rec) == dm.EXPECTED
    assert dm.citation_facts(rec)[:3] == dm.EXPECTED_CITATIONS
    assert "(Trang 3)" in lt.text  # every page is there
    if two_column:  # the left column is read whole before the right one
        left, right = lt.text.index("chống thiên tai năm 2022"), lt.text.index("ĐẢNG CỘNG SẢN VIỆT NAM")
        assert left < right < lt.text.index("Lai Châu, ngày 14")


def test_two_column_header_lines_are_never_glued(tmp_path):
    """Read line by line across the page, the header would say
    "ĐẢNG BỘ TỈNH LAI CHÂU ĐẢNG CỘNG SẢN VIỆT NAM" and "Số 145-CV/BTGTU Lai Châu, ngày ..."."""
    _needs_pdf_tools()
    p = tmp_path / "cv.pdf"
    p.write_bytes(dm.pdf_bytes(pages=1))
    lines = read_document(p, ocr=NO_OCR).text.splitlines()
    for left in dm.LEFT:
        assert left in lines
    for right in (r for r in dm.RIGHT if r):
        assert right in lines


def _with_bad_page(data: bytes, page: int) -> bytes:
    """The PDF with page ``page``'s content stream turned to garbage (same length, so the xref holds)."""
    streams = [m for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)]
    contents = [m for m in streams if b"BT" in m.group(1) or len(m.group(1)) > 200]
    m = contents[page - 1]
    garbage = bytes((b * 7 + 13) % 256 for b in m.group(1))
    return data[: m.start(1)] + garbage + data[m.end(1):]


def test_pdf_with_a_bad_page_keeps_the_others(tmp_path):
    _needs_pdf_tools()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_font("serif", fname=str(dm.DEJAVU))
    pdf.set_font("serif", size=11)
    for i, para in enumerate(dm.BODY[1:4]):
        pdf.add_page()
        pdf.multi_cell(0, 6, para)
    data = _with_bad_page(bytes(pdf.output()), 2)
    p = tmp_path / "bad-page.pdf"
    p.write_bytes(data)
    lt = read_document(p, ocr=NO_OCR)
    rec = extract_loaded(lt)
    assert [c.symbol for c in rec.citations] == ["42-CT/TW", "118-KH/TU", "1250/UBND-NC"]  # pages 1 and 3
    assert "sâu rộng" not in lt.text  # page 2 is lost ...
    assert lt.warnings == ("pages without a text layer left out (2): OCR is off (--no-ocr)",)  # ... and named


def test_encrypted_pdf_one_line(tmp_path):
    _needs_pdf_tools()
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_font("serif", fname=str(dm.DEJAVU))
    pdf.set_font("serif", size=11)
    pdf.add_page()
    pdf.cell(0, 8, "Số 15-CT/TU")
    pdf.set_encryption(owner_password="a", user_password="b", encryption_method=EncryptionMethod.RC4)
    p = tmp_path / "locked.pdf"
    p.write_bytes(bytes(pdf.output()))
    with pytest.raises(LoadError) as ei:
        read_document(p)
    assert ei.value.reason == "encrypted .pdf (password required)"


# ---------------------------------------------------------------- Word 97 and RTF

CONVERTERS = [name for name in ("catdoc", "antiword") if shutil.which(name)]


def test_doc_fixture_matches_its_script():
    """congvan.doc was made from docmaker.docx_bytes() by make_doc.py: same text."""
    assert (FIXTURES / "congvan.doc").read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert "make_doc.py" in (FIXTURES / "make_doc.py").name


@pytest.mark.skipif(not CONVERTERS, reason="neither catdoc nor antiword is installed (apt-get install catdoc)")
def test_word97_doc_header_and_citations():
    lt = read_document(FIXTURES / "congvan.doc")
    assert lt.encoding == f"doc:{CONVERTERS[0]}"
    rec = extract_loaded(lt)
    assert dm.citation_facts(rec) == dm.EXPECTED_CITATIONS
    if CONVERTERS[0] == "catdoc":  # antiword draws the header table side by side (see files.py)
        assert dm.header_facts(rec) == dm.EXPECTED


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword is not installed")
def test_antiword_keeps_the_vietnamese_letters(monkeypatch):
    """The fallback converter: every letter right, but the header's columns side by side."""
    monkeypatch.setattr(files, "_DOC_CONVERTERS", tuple(c for c in files._DOC_CONVERTERS if c[0] == "antiword"))
    lt = read_document(FIXTURES / "congvan.doc")
    assert lt.encoding == "doc:antiword"
    for para in dm.BODY[1:]:
        assert " ".join(para.split()[:8]) in " ".join(lt.text.split())
    # its own number, not recognised in the side-by-side header, shows up as one more citation
    assert set(dm.EXPECTED_CITATIONS) <= set(dm.citation_facts(extract_loaded(lt)))


def test_doc_without_a_converter_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(files.shutil, "which", lambda name: None)
    p = tmp_path / "a.doc"
    shutil.copyfile(FIXTURES / "congvan.doc", p)
    (tmp_path / "b.txt").write_text(dm.plain_text(), "utf-8")
    results = {Path(path).name: (rec, err) for path, rec, err, _ in extract_paths([tmp_path], ocr=NO_OCR)}
    assert results["a.doc"][1] == "Word 97 .doc needs antiword or catdoc (install it: apt-get install catdoc)"
    assert dm.header_facts(results["b.txt"][0]) == dm.EXPECTED


def test_rtf_header_and_citations():
    pytest.importorskip("striprtf", reason="striprtf (chidao[formats]) is not installed")
    rec = _record(FIXTURES / "congvan.rtf")
    assert rec.encoding == "rtf"
    assert dm.header_facts(rec) == dm.EXPECTED
    assert dm.citation_facts(rec) == dm.EXPECTED_CITATIONS


# ---------------------------------------------------------------- portal pages

@pytest.mark.parametrize("with_table", [True, False], ids=["header-in-a-table", "header-in-paragraphs"])
def test_portal_page_main_content(tmp_path, with_table):
    pytest.importorskip("resiliparse", reason="resiliparse (chidao[html]) is not installed")
    p = tmp_path / "cv.html"
    p.write_text(dm.portal_html(with_table=with_table), "utf-8")
    lt = read_document(p)
    rec = extract_loaded(lt)
    assert dm.header_facts(rec) == dm.EXPECTED
    assert dm.citation_facts(rec) == dm.EXPECTED_CITATIONS  # nothing from menus, related lists or the title
    for noise in dm.PORTAL_NOISE:
        assert noise not in lt.text
    # the header table's cells, in reading order: the left column, then the right one
    assert lt.text.index("Số 145-CV/BTGTU") < lt.text.index("ĐẢNG CỘNG SẢN VIỆT NAM") < lt.text.index("Kính gửi")


def test_portal_page_without_resiliparse_falls_back_to_every_text_node(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_resiliparse(name, *a, **k):
        if name.startswith("resiliparse"):
            raise ImportError(name)
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_resiliparse)
    p = tmp_path / "cv.html"
    p.write_text(dm.portal_html(), "utf-8")
    lt = read_document(p)
    rec = extract_loaded(lt)
    assert dm.header_facts(rec) == dm.EXPECTED
    assert "Tin liên quan" in lt.text  # the whole page: menus and lists included


# ---------------------------------------------------------------- stray control bytes

def test_text_with_stray_nuls_is_read_and_warned_about(tmp_path):
    """A real 89 KB text carried two NULs (checkbox glyphs from a Word conversion)."""
    text = dm.plain_text().replace("- Như trên,", "\x00 Như trên,").replace("- Lưu VT.", "\x00 Lưu VT.")
    text += "\n" + "Các cấp ủy tiếp tục quán triệt, triển khai thực hiện nghiêm túc.\n" * 1200  # ~80 KB
    p = tmp_path / "nul.txt"
    p.write_bytes(text.encode("utf-8"))
    lt = read_document(p)
    assert "\x00" not in lt.text and len(lt.text) == len(text)  # replaced in place: offsets hold
    assert lt.warnings == ("2 stray control character(s) replaced by spaces (2 NUL)",)
    rec = extract_loaded(lt)
    assert dm.header_facts(rec) == dm.EXPECTED
    assert dm.citation_facts(rec) == dm.EXPECTED_CITATIONS
    assert rec.warnings[0] == lt.warnings[0]


def test_mostly_binary_file_is_refused(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(LoadError) as ei:
        read_document(p)
    assert ei.value.reason.startswith("binary content")
