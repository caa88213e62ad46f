"""chidao.loaders.files: real files in real encodings, written into tmp_path."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import unicodedata
import zipfile
from pathlib import Path

import pytest

from chidao.loaders import encodings, files
from chidao.loaders.files import (
    MAX_BYTES,
    SUPPORTED_SUFFIXES,
    LoadedText,
    LoadError,
    decode_text_bytes,
    iter_document_paths,
    read_document,
)
from chidao.loaders.ocr import OcrOptions, tesseract_available

FIXTURES = Path(__file__).parent / "fixtures" / "files"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _load_make_legacy():
    spec = importlib.util.spec_from_file_location("make_legacy", FIXTURES / "make_legacy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ML = _load_make_legacy()
SAMPLE = (FIXTURES / "sample.utf8.txt").read_text(encoding="utf-8")
NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 the way Word writes it: precomposed base letter + combining tone."""
    out = bytearray()
    for ch in NFC(text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in d if c in TONES)
            base = NFC("".join(c for c in d if c not in TONES))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def check_meta(lt: LoadedText, p: Path, data: bytes) -> None:
    assert lt.path == str(p)
    assert lt.size == len(data) == p.stat().st_size
    assert lt.sha256 == hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- plain text

SHORT = "Lai Châu, ngày 12 tháng 3 năm 1998, Ban Thường vụ Tỉnh uỷ"
ASCII_ONLY = "So: 15-CT/TU\nChi thi ve cong tac phong chong lut bao\n"

TEXT_CASES = [
    # id, bytes, expected encoding, expected text
    ("utf-8", SAMPLE.encode("utf-8"), "utf-8", SAMPLE),
    ("utf-8-crlf", SAMPLE.replace("\n", "\r\n").encode(), "utf-8", SAMPLE.replace("\n", "\r\n")),
    ("utf-8-sig", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig", SAMPLE),
    ("utf-16-le-bom", b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16", SAMPLE),
    ("utf-16-be-bom", b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16", SAMPLE),
    ("utf-16-le-nobom", SAMPLE.encode("utf-16-le"), "utf-16-le", SAMPLE),
    ("utf-16-be-nobom", SAMPLE.encode("utf-16-be"), "utf-16-be", SAMPLE),
    ("utf-16-le-nobom-ascii", ASCII_ONLY.encode("utf-16-le"), "utf-16-le", ASCII_ONLY),
    ("nfd-kept", unicodedata.normalize("NFD", SAMPLE).encode(), "utf-8", unicodedata.normalize("NFD", SAMPLE)),
    ("tcvn3", (FIXTURES / "sample.tcvn3.txt").read_bytes(), "tcvn3", ML.tcvn3_roundtrip(SAMPLE)),
    ("vni", (FIXTURES / "sample.vni.txt").read_bytes(), "vni", SAMPLE),
    ("tcvn3-short", ML.encode_tcvn3(SHORT), "tcvn3", SHORT),
    ("vni-short", ML.encode_vni(SHORT), "vni", SHORT),
    ("tcvn3-motto", ML.encode_tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam"), "tcvn3",
     "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("vni-motto", ML.encode_vni("Độc lập - Tự do - Hạnh phúc"), "vni", "Độc lập - Tự do - Hạnh phúc"),
]


@pytest.mark.parametrize("data,encoding,expected", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_txt_encodings(tmp_path, data, encoding, expected):
    p = write(tmp_path, "doc.txt", data)
    lt = read_document(p)
    assert lt.encoding == encoding
    assert lt.text == expected
    check_meta(lt, p, data)
    assert decode_text_bytes(data) == (expected, encoding)


@pytest.mark.parametrize("text", [SAMPLE, SHORT], ids=["sample", "short"])
def test_windows_1258_kept_decomposed(tmp_path, text):
    data = encode_cp1258(text)
    assert data != text.encode("utf-8")
    p = write(tmp_path, "cp.txt", data)
    lt = read_document(p)
    assert lt.encoding == "windows-1258"
    assert NFC(lt.text) == text
    assert lt.text != text and "\u0323" in lt.text  # tone marks stay combining: not normalised
    assert lt.text == data.decode("cp1258")
    check_meta(lt, p, data)


def test_legacy_fixtures_match_their_script():
    assert (FIXTURES / "sample.tcvn3.txt").read_bytes() == ML.encode_tcvn3(SAMPLE)
    assert (FIXTURES / "sample.vni.txt").read_bytes() == ML.encode_vni(SAMPLE)
    # the fixtures really are the classic mojibake when read as Windows text
    assert "Céng hoµ x· héi chñ nghÜa ViÖt Nam" in (FIXTURES / "sample.tcvn3.txt").read_bytes().decode("cp1252")
    assert "Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam" in (FIXTURES / "sample.vni.txt").read_bytes().decode("cp1252")


def test_every_legacy_letter_round_trips():
    tcvn_letters = "".join(ML.TCVN3)
    assert decode_text_bytes(ML.encode_tcvn3(" ".join(["các", "của", tcvn_letters])))[0].endswith(tcvn_letters)
    for lower in ML.VNI_LOWER:
        for letter in (lower, lower.upper()):
            word = f"Việt Nam của các tỉnh {letter}"
            assert encodings._decode_vni(ML.encode_vni(word)) == word, letter
    for letter, byte in ML.TCVN3.items():
        assert encodings._decode_tcvn3(bytes([byte])) == letter


def test_utf8_cut_mid_character_is_kept_lossy(tmp_path):
    cut = SAMPLE[:-3].encode() + "ỵ".encode()[:2]  # file cut inside the last letter
    p = write(tmp_path, "cut.txt", cut)
    lt = read_document(p)
    assert lt.encoding == "utf-8-lossy"
    assert lt.text == SAMPLE[:-3] + "\ufffd"


def test_decode_text_bytes_raises_reason():
    with pytest.raises(files.UndecodableText) as ei:
        decode_text_bytes(b"abc\x00\x01\x02\xff\xfe\x00\x00\x9c\x81")
    assert ei.value.reason == "binary content (NUL bytes)"


# ---------------------------------------------------------------- refusals

def _docx_bytes(tmp_path: Path) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Chỉ thị số 15-CT/TU")
    p = tmp_path / "_src.docx"
    d.save(p)
    return p.read_bytes()


def _zip_without_document() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<styles/>")
    return buf.getvalue()


def _pdf_bytes(text: bool = True, encrypt: str | None = None) -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test dependency) is not installed")
    if not DEJAVU.exists():
        pytest.skip(f"font {DEJAVU} missing: apt-get install fonts-dejavu-core")
    from fpdf.enums import EncryptionMethod

    pdf = fpdf.FPDF()
    pdf.add_font("dejavu", fname=str(DEJAVU))
    pdf.set_font("dejavu", size=12)
    pdf.add_page()
    if text:
        pdf.multi_cell(0, 8, "Lai Châu, ngày 12 tháng 3 năm 1998\nChỉ thị số 15-CT/TU của Tỉnh uỷ")
    else:
        pdf.rect(10, 10, 50, 50)  # a page with drawing only: like a scan without OCR
    pdf.add_page()
    if text:
        pdf.cell(0, 8, "Độc lập - Tự do - Hạnh phúc")
    if encrypt == "user":
        pdf.set_encryption(owner_password="chu", user_password="mat-khau", encryption_method=EncryptionMethod.RC4)
    elif encrypt == "owner":
        pdf.set_encryption(owner_password="chu", encryption_method=EncryptionMethod.RC4)
    return bytes(pdf.output())


REFUSALS = [
    # id, file name, bytes (or a callable taking tmp_path), reason
    ("empty", "a.txt", b"", "empty file (0 bytes)"),
    ("whitespace", "a.txt", b" \r\n\t\n  ", "empty file (only whitespace)"),
    ("bom-only", "a.txt", b"\xef\xbb\xbf", "empty file (only whitespace)"),
    ("bom-space", "a.txt", b"\xef\xbb\xbf \n", "empty file (only whitespace)"),
    ("utf16-bom-only", "a.txt", b"\xff\xfe", "empty file (only whitespace)"),
    ("nul-bytes", "a.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb4\x9c", "binary content (NUL bytes)"),
    ("nul-in-utf8", "a.txt", "Số 15\x00 của".encode() * 5, "binary content (NUL bytes)"),  # 8% NUL: binary
    ("mostly-nul-8bit", "a.txt", b"\x00\x00\x01\xe0" * 50 + b"S\xf4 15", "binary content (NUL bytes)"),
    ("control-chars", "a.txt", b"Chi thi \x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f so 15", "binary content (control characters)"),
    ("undecodable", "a.txt", b"\x81\x8d\x8f\x90\x9d abc \x81\x8d", "undecodable (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)"),
    ("bad-utf16", "a.txt", b"\xff\xfea\x00\x00\xd8b\x00", "undecodable (invalid UTF-16)"),
    ("unsupported", "a.wps", b"\xd0\xcf\x11\xe0", "unsupported file type '.wps'"),
    ("unsupported-upper", "a.ODT", b"PK\x03\x04", "unsupported file type '.odt'"),
    ("doc-not-word", "a.doc", b"\xd0\xcf\x11\xe0", "corrupt .doc (not a Word 97-2003 file)"),
    ("rtf-empty", "a.RTF", b"{\\rtf1}", "empty document (no text)"),
    ("no-suffix", "README", b"text", "unsupported file type (no suffix)"),
    ("docx-not-zip", "a.docx", b"this is not a zip", "corrupt .docx (not a zip archive, or truncated)"),
    ("docx-truncated", "a.docx", lambda t: _docx_bytes(t)[:-200], "corrupt .docx (not a zip archive, or truncated)"),
    ("docx-no-document", "a.docx", lambda t: _zip_without_document(), "corrupt .docx (no word/document.xml)"),
    ("pdf-not-pdf", "a.pdf", b"<html>not a pdf</html>", "corrupt .pdf (no %PDF- header)"),
    ("pdf-truncated", "a.pdf", lambda t: _pdf_bytes()[:400], "corrupt .pdf (truncated: no %%EOF marker)"),
    ("pdf-encrypted", "a.pdf", lambda t: _pdf_bytes(encrypt="user"), "encrypted .pdf (password required)"),
    ("pdf-scanned", "a.pdf", lambda t: _pdf_bytes(text=False),
     "no text layer (scanned?) and no text found by OCR" if tesseract_available() is None
     else f"no text layer (scanned?): {tesseract_available()}"),
    ("html-only-script", "a.html", b"<html><head><title>x</title><script>var a=1;</script></head><body> </body></html>",
     "empty document (no text)"),
]


@pytest.mark.parametrize("name,data,reason", [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_refusals(tmp_path, name, data, reason):
    if callable(data):
        data = data(tmp_path)
    p = write(tmp_path, name, data)
    with pytest.raises(LoadError) as ei:
        read_document(p)
    e = ei.value
    assert e.reason == reason
    assert e.path == str(p)
    assert str(e) == f"{p}: {reason}"
    assert "\n" not in str(e)


def test_refuse_missing_and_directory(tmp_path):
    with pytest.raises(LoadError) as ei:
        read_document(tmp_path / "nope.txt")
    assert str(ei.value) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    with pytest.raises(LoadError) as ei:
        read_document(tmp_path)
    assert ei.value.reason == "is a directory"


def test_empty_docx(tmp_path):
    import docx

    p = tmp_path / "blank.docx"
    docx.Document().save(p)
    with pytest.raises(LoadError) as ei:
        read_document(p)
    assert ei.value.reason == "empty document (no text)"


def test_too_large_is_refused_without_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    with open(p, "wb") as f:  # sparse: 60 MiB on paper, nothing on disk
        f.truncate(60 * 1024 * 1024)
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(LoadError) as ei:
        read_document(p)
    assert ei.value.reason == f"file too large ({60 * 1024 * 1024} bytes, limit {MAX_BYTES})"
    assert opened == []
    monkeypatch.undo()
    small = write(tmp_path, "s.txt", b"x" * 101)
    with pytest.raises(LoadError) as ei:
        read_document(small, max_bytes=100)
    assert ei.value.reason == "file too large (101 bytes, limit 100)"
    assert read_document(small, max_bytes=101).text == "x" * 101


def test_unexpected_errors_are_wrapped_on_one_line(tmp_path, monkeypatch):
    def boom(data):
        raise RuntimeError("first line\nsecond line")

    monkeypatch.setattr(files, "decode_text_bytes", boom)
    p = write(tmp_path, "a.txt", b"abc")
    with pytest.raises(LoadError) as ei:
        read_document(p)
    assert ei.value.reason == "unreadable: RuntimeError: first line second line"
    assert ei.value.__cause__ is None and ei.value.__suppress_context__


def test_load_error_pickles():
    e = pickle.loads(pickle.dumps(LoadError("x/y.txt", "empty file (0 bytes)")))
    assert (e.path, e.reason, str(e)) == ("x/y.txt", "empty file (0 bytes)", "x/y.txt: empty file (0 bytes)")


def test_long_reason_is_trimmed():
    e = LoadError("p", "x" * 1000)
    assert len(e.reason) <= 300 and e.reason.endswith("…")


# ---------------------------------------------------------------- docx

def test_docx_header_table_in_document_order(tmp_path):
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Trang đầu: tiêu đề trang"  # page header: left out
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.text = "ĐẢNG BỘ TỈNH LAI CHÂU"
    for line in ("TỈNH UỶ", "*", "Số: 15-CT/TU"):
        left.add_paragraph(line)
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Lai Châu, ngày 12 tháng 3 năm 1998")
    d.add_paragraph("CHỈ THỊ")
    d.add_paragraph("về việc tăng cường công tác phòng, chống lụt bão")
    d.add_paragraph("")
    d.add_paragraph("Thực hiện Chỉ thị số 27-CT/TW của Ban Bí thư,")
    t2 = d.add_table(rows=2, cols=2)
    merged = t2.cell(0, 0).merge(t2.cell(0, 1))
    merged.text = "Nơi nhận:"
    t2.cell(1, 0).text = "- Ban Bí thư,"
    t2.cell(1, 1).text = "T/M BAN THƯỜNG VỤ"
    p = tmp_path / "ct.docx"
    d.save(p)

    lt = read_document(p)
    assert lt.encoding == "docx"
    assert lt.text == (
        "ĐẢNG BỘ TỈNH LAI CHÂU\nTỈNH UỶ\n*\nSố: 15-CT/TU\n"
        "\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nLai Châu, ngày 12 tháng 3 năm 1998\n"
        "\n"
        "CHỈ THỊ\nvề việc tăng cường công tác phòng, chống lụt bão\n"
        "\n"
        "Thực hiện Chỉ thị số 27-CT/TW của Ban Bí thư,\n"
        "\n"
        "Nơi nhận:\n\n- Ban Bí thư,\n\nT/M BAN THƯỜNG VỤ"
    )
    assert "Trang đầu" not in lt.text
    check_meta(lt, p, p.read_bytes())


# ---------------------------------------------------------------- pdf

def test_pdf_text_layer(tmp_path):
    data = _pdf_bytes()
    p = write(tmp_path, "ct.pdf", data)
    lt = read_document(p)
    assert lt.encoding == "pdf"
    assert NFC(lt.text).splitlines() == [
        "Lai Châu, ngày 12 tháng 3 năm 1998",
        "Chỉ thị số 15-CT/TU của Tỉnh uỷ",
        "",  # the page break
        "Độc lập - Tự do - Hạnh phúc",
    ]
    check_meta(lt, p, data)


def test_pdf_with_owner_password_only_is_read(tmp_path):
    p = write(tmp_path, "owner.pdf", _pdf_bytes(encrypt="owner"))
    assert "Lai Châu" in NFC(read_document(p).text)


# ---------------------------------------------------------------- html

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Tiêu đề không lấy</title>
<style>p { color: red; } /* Số: 99-CT/TU */</style>
<script>var s = "<p>Số: 98-CT/TU</p>";</script></head>
<body>
<table><tr><td>TỈNH UỶ LAI CHÂU<br>Số: 15-CT/TU</td><td>Lai Châu, ngày 12 tháng 3 năm 1998</td></tr></table>
<h1>CHỈ   THỊ</h1>
<p>Về việc &quot;phòng &amp; chống&quot;&nbsp;lụt bão &#7843; &#x1EA1; &lt;khẩn&gt;</p>
<!-- Số: 97-CT/TU -->
<ul><li>Ban Bí thư,</li><li>Lưu VP.</li></ul>
<script>document.write("x")</script>
</body></html>
"""
HTML_TEXT = (
    "TỈNH UỶ LAI CHÂU\nSố: 15-CT/TU\n\nLai Châu, ngày 12 tháng 3 năm 1998\n\nCHỈ THỊ\n\n"
    'Về việc "phòng & chống" lụt bão ả ạ <khẩn>\n\nBan Bí thư,\n\nLưu VP.'
)


def test_html_text(tmp_path):
    data = HTML_PAGE.encode("utf-8")
    p = write(tmp_path, "ct.html", data)
    lt = read_document(p)
    assert lt.encoding == "html:utf-8"
    assert lt.text == HTML_TEXT
    for noise in ("99-CT", "98-CT", "97-CT", "Tiêu đề", "document.write"):
        assert noise not in lt.text
    check_meta(lt, p, data)


@pytest.mark.parametrize(
    "data,encoding",
    [
        (HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').encode(), "html:utf-8"),
        (HTML_PAGE.replace('<meta charset="utf-8">', "").encode("utf-16"), "html:utf-16"),
        (b"\xef\xbb\xbf" + HTML_PAGE.encode(), "html:utf-8-sig"),
    ],
    ids=["declared-1252-but-utf8", "utf16-bom", "utf8-bom"],
)
def test_html_encodings(tmp_path, data, encoding):
    lt = read_document(write(tmp_path, "p.htm", data))
    assert (lt.encoding, lt.text) == (encoding, HTML_TEXT)


def test_html_tcvn3_page(tmp_path):
    body = "<html><head><meta charset=iso-8859-1></head><body><p>{}</p></body></html>"
    data = body.encode().replace(b"{}", ML.encode_tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam"))
    lt = read_document(write(tmp_path, "old.HTM", data))
    assert (lt.encoding, lt.text) == ("html:tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam")


# ---------------------------------------------------------------- walking

def test_iter_document_paths(tmp_path):
    root = tmp_path / "kho"
    for rel in [
        "b.txt", "a.docx", "Z.PDF", "notes.doc", ".an.txt", "~$a.docx", ".git/x.txt",
        "sub/d.htm", "sub/c.html", "sub/deeper/e.txt", "sub/deeper/f.md", ".hidden/g.txt", "scan.JPG", "x.odt",
    ]:
        write(root, rel, b"x")
    explicit = [root / "x.odt", root / ".an.txt"]
    got = list(iter_document_paths([root, *explicit]))
    assert got == [
        root / "Z.PDF", root / "a.docx", root / "b.txt", root / "notes.doc", root / "scan.JPG",
        root / "sub" / "c.html", root / "sub" / "d.htm", root / "sub" / "deeper" / "e.txt",
        root / "x.odt", root / ".an.txt",
    ]
    assert all(isinstance(p, Path) for p in got)
    assert list(iter_document_paths([str(root / "sub")])) == [
        root / "sub" / "c.html", root / "sub" / "d.htm", root / "sub" / "deeper" / "e.txt",
    ]
    with pytest.raises(LoadError) as ei:
        list(iter_document_paths([root, root / "missing"]))
    assert str(ei.value) == f"{root / 'missing'}: no such file or directory"
    # the explicit unsupported file is then refused by read_document, with a reason
    with pytest.raises(LoadError, match=r"unsupported file type '\.odt'$"):
        read_document(got[8])


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == frozenset({".txt", ".docx", ".doc", ".rtf", ".pdf", ".html", ".htm",
                                            ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
    assert MAX_BYTES == 50 * 1024 * 1024
    assert os.path.splitext("x.HTML")[1].lower() in SUPPORTED_SUFFIXES
