"""A made-up Công văn, written out in each format the loaders read.

The text is invented for the tests (not a seed document); its header and
citations are known by construction, in EXPECTED and EXPECTED_CITATIONS.
"""

from __future__ import annotations

import io
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")

# The two columns of a Công văn's header, left (issuer) and right (motto, place and date).
LEFT = ["ĐẢNG BỘ TỈNH LAI CHÂU", "BAN TUYÊN GIÁO", "*", "Số 145-CV/BTGTU",
        "V/v tuyên truyền phòng,", "chống thiên tai năm 2022"]
RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "", "Lai Châu, ngày 14 tháng 6 năm 2022"]

BODY = [
    "Kính gửi: - Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy.",
    "Căn cứ Chỉ thị số 42-CT/TW, ngày 24/3/2020 của Ban Bí thư về tăng cường sự lãnh đạo "
    "của Đảng đối với công tác phòng ngừa, ứng phó, khắc phục hậu quả thiên tai; Kế hoạch số "
    "118-KH/TU, ngày 12/5/2022 của Ban Thường vụ Tỉnh ủy về công tác phòng, chống thiên tai "
    "năm 2022, Ban Tuyên giáo Tỉnh ủy đề nghị các cấp ủy tập trung thực hiện tốt một số nội dung sau:",
    "1. Tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân về tình hình mưa lũ, "
    "sạt lở đất trên địa bàn tỉnh; chủ động phương án sơ tán người dân ra khỏi vùng nguy hiểm.",
    "2. Thực hiện Công văn số 1250/UBND-NC, ngày 20/5/2022 của UBND tỉnh Lai Châu về việc "
    "chủ động ứng phó với mưa lớn, lũ quét; kịp thời biểu dương những tấm gương điển hình "
    "trong công tác cứu hộ, cứu nạn.",
    "3. Các cơ quan báo chí của tỉnh mở chuyên mục, tăng thời lượng thông tin về phòng, chống "
    "thiên tai; phản ánh kịp thời những khó khăn của người dân vùng bị ảnh hưởng.",
    "Đề nghị các cấp ủy triển khai thực hiện, báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy trước "
    "ngày 30/11/2022 để tổng hợp.",
]
CLOSING = ["Nơi nhận:", "- Như trên,", "- Lưu VT.", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Minh"]

EXPECTED = {
    "doc_type": "Công văn", "number": "145", "symbol": "145-CV/BTGTU", "date": "2022-06-14", "place": "Lai Châu",
}
EXPECTED_CITATIONS = [("42-CT/TW", "2020-03-24"), ("118-KH/TU", "2022-05-12"), ("1250/UBND-NC", "2022-05-20")]


def plain_text() -> str:
    """The document as a clerk would type it into a .txt (header columns one after the other)."""
    return "\n".join([*LEFT, "", *[r for r in RIGHT if r], "", *BODY, "", *CLOSING]) + "\n"


def header_facts(record) -> dict:
    d = record.doc
    return {k: getattr(d, k) for k in EXPECTED} if d is not None else {}


def citation_facts(record) -> list[tuple[str | None, str | None]]:
    return [(c.symbol, c.date) for c in record.citations]


# ---------------------------------------------------------------- PDF (text layer)

def pdf_bytes(*, pages: int = 3, two_column: bool = True, table: bool = False, font: Path = DEJAVU) -> bytes:
    """A Công văn PDF with a text layer: a two-column header table, the body, then
    ``pages - 1`` more pages of body text (repeating its numbered points)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("serif", fname=str(font))
    pdf.add_font("serif", style="B", fname=str(DEJAVU_BOLD))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("serif", "B", 11)
    if two_column:  # as Word draws it: line by line across both columns
        for left, right in zip(LEFT, RIGHT + [""] * len(LEFT)):
            y = pdf.get_y()
            pdf.set_xy(10, y)
            pdf.cell(80, 6, left, align="C")
            pdf.set_xy(95, y)
            pdf.cell(105, 6, right, align="C")
            pdf.ln(6)
    elif table:
        rows = max(len(LEFT), len(RIGHT))
        with pdf.table(col_widths=(80, 110), borders_layout="NONE", text_align="CENTER", first_row_as_headings=False,
                       line_height=6) as table:
            row = table.row()
            row.cell("\n".join(LEFT + [""] * (rows - len(LEFT))))
            row.cell("\n".join(RIGHT + [""] * (rows - len(RIGHT))))
    else:
        for line in LEFT + RIGHT:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("serif", size=11)
    for para in BODY:
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for i in range(1, pages):
        pdf.add_page()
        for para in BODY[2:5]:
            pdf.multi_cell(0, 6, f"(Trang {i + 1}) " + para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.ln(4)
    for line in CLOSING:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX (source of the .doc fixture)

def docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join(LEFT)
    table.cell(0, 1).text = "\n".join(r for r in RIGHT if r)
    for para in BODY:
        d.add_paragraph(para)
    for line in CLOSING:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- portal page

def portal_html(*, with_table: bool = True) -> str:
    """The Công văn as a provincial portal publishes it: menus, a breadcrumb, the
    article, a "related articles" list, a footer. The header sits in a table."""
    from html import escape as e

    menu = "".join(f'<li><a href="/m{i}">{e(t)}</a></li>' for i, t in enumerate(
        ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo", "Tuyên truyền", "Liên hệ"]))
    related = "".join(f'<li><a href="/r{i}">{e(t)}</a> <span class="date">(0{i + 1}/6/2022)</span></li>'
                      for i, t in enumerate([
                          "Công văn số 140-CV/BTGTU về tuyên truyền kỷ niệm Ngày Quốc khánh",
                          "Hướng dẫn số 12-HD/BTGTU về công tác tuyên truyền năm 2022",
                          "Kế hoạch số 99-KH/TU về chuyển đổi số trong các cơ quan đảng",
                          "Thông báo số 88-TB/TU kết luận của Thường trực Tỉnh ủy"]))
    if with_table:
        header = ("<table class='header'><tr><td>" + "<br>".join(map(e, LEFT)) + "</td><td>"
                  + "<br>".join(e(r) for r in RIGHT if r) + "</td></tr></table>")
    else:
        header = "".join(f"<p>{e(x)}</p>" for x in LEFT + [r for r in RIGHT if r])
    body = "".join(f"<p>{e(p)}</p>" for p in BODY)
    closing = "".join(f"<p>{e(x)}</p>" for x in CLOSING)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Công văn số 145-CV/BTGTU - Cổng thông tin Ban Tuyên giáo</title>
<script>window.dataLayer = [];</script><style>.menu li {{ display: inline; }}</style></head>
<body>
<div id="top"><div class="logo">BAN TUYÊN GIÁO TỈNH ỦY LAI CHÂU</div>
<nav class="menu"><ul>{menu}</ul></nav>
<form class="search"><input name="q" placeholder="Tìm kiếm"></form></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/vb">Văn bản chỉ đạo</a></div>
<div class="main">
<div class="content">
<article class="post">
<h1 class="title">Công văn số 145-CV/BTGTU về tuyên truyền phòng, chống thiên tai năm 2022</h1>
<div class="meta">Đăng ngày 15/6/2022 | Lượt xem: 1024</div>
<div class="post-content">
{header}
{body}
{closing}
</div>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> | <a href="#">In bài viết</a></div>
</article>
<div class="related"><h3>Tin liên quan</h3><ul>{related}</ul></div>
</div>
<aside class="sidebar"><h3>Văn bản mới</h3><ul>
<li><a href="/x1">Chỉ thị số 21-CT/TU về phòng chống ma túy</a></li>
<li><a href="/x2">Nghị quyết số 05-NQ/TU về phát triển du lịch</a></li></ul>
<h3>Liên kết website</h3><ul><li><a href="/l1">Báo Lai Châu</a></li><li><a href="/l2">Cổng TTĐT tỉnh</a></li></ul></aside>
</div>
<footer><p>BAN TUYÊN GIÁO TỈNH ỦY LAI CHÂU</p><p>Địa chỉ: Tầng 4, Nhà A, Khu hành chính - chính trị tỉnh</p>
<p>Điện thoại: 0213.3876.123 - Email: btg@laichau.org.vn</p><p>Giấy phép số 15/GP-TTĐT ngày 12/3/2019</p></footer>
</body></html>
"""


# Things only the portal's chrome says: none may reach the document's text.
PORTAL_NOISE = ["Trang chủ", "Tin liên quan", "140-CV/BTGTU", "12-HD/BTGTU", "99-KH/TU", "88-TB/TU", "21-CT/TU",
                "05-NQ/TU", "Lượt xem", "Facebook", "Giấy phép", "Liên kết website", "Tìm kiếm"]
