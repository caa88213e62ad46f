"""Write the sample-corpus files that cannot be kept as plain UTF-8 text.

Run from anywhere: ``python corpus/make_sample_binaries.py``. It (re)writes, under
``corpus/sample/``:

- ``lai-chau/tinh/syt-cv-1105-2021.docx``: Word file, header as a 2-column table
  (python-docx);
- ``lai-chau/than-uyen/ubnd-kh-1342-2021.pdf``: PDF with a text layer, header in
  two columns (fpdf2, DejaVuSans);
- ``lai-chau/than-uyen/muong-than/du-kh-35-2021.txt``: UTF-8 in Unicode NFD;
- ``lai-chau/tinh/tinh-doan-cv-215-2021.txt``: UTF-16 with BOM;
- ``lai-chau/tinh/ubnd-cv-2391-2021.txt``: UTF-8 with BOM.

The texts are fiction written for chidao about real public directives; the facts
of each file are in ``corpus/sample_truth.json``. Needs only the standard
library, python-docx and fpdf2.
"""

from __future__ import annotations

import sys
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "sample"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FIXED_DATE = datetime(2021, 10, 1, tzinfo=timezone.utc)  # reproducible metadata


def render_text(d: dict) -> str:
    """Plain-text layout of a document spec, in the order text extraction gives it.

    Keys: left (issuer block + Số [+ V/v]), right (emblem + place/date), title
    (list, may be empty), kg (Kính gửi lines or None), body (paragraphs),
    nn (Nơi nhận lines), sign (signing block lines).
    """
    parts = ["\n".join(d["left"]), "\n".join(d["right"])]
    if d.get("title"):
        parts.append("\n".join(d["title"]))
    if d.get("kg"):
        parts.append("\n".join(d["kg"]))
    parts.extend(d["body"])
    parts.append("\n".join(d["nn"]))
    parts.append("\n".join(d["sign"]))
    return "\n\n".join(parts) + "\n"


# --- Sở Y tế tỉnh Lai Châu, Công văn (written as .docx) -----------------------
SYT_1105 = {
    "left": ["UBND TỈNH LAI CHÂU", "SỞ Y TẾ", "", "Số: 1105/SYT-NVY",
             "V/v triển khai các biện pháp chuyên môn",
             "phòng, chống dịch Covid-19 trong ngành y tế"],
    "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "", "Lai Châu, ngày 08 tháng 7 năm 2021"],
    "title": [],
    "kg": ["Kính gửi:",
           "- Trung tâm Y tế các huyện, thành phố;",
           "- Phòng Y tế các huyện, thành phố;",
           "- Các bệnh viện tuyến tỉnh; Trung tâm Kiểm soát bệnh tật tỉnh."],
    "body": [
        "Thực hiện Công văn số 5091/BYT-DP ngày 24/6/2021 của Bộ Y tế về việc tăng "
        "cường giám sát, xét nghiệm sàng lọc và quản lý người về từ vùng có dịch; "
        "Kế hoạch số 1520/KH-UBND ngày 02/7/2021 của UBND tỉnh triển khai công tác "
        "phòng, chống dịch Covid-19 và phục hồi kinh tế - xã hội trên địa bàn tỉnh, "
        "Sở Y tế đề nghị các đơn vị khẩn trương thực hiện những việc sau:",
        "1. Rà soát phương án đáp ứng theo từng cấp độ dịch của đơn vị, bảo đảm có "
        "khu cách ly tạm thời, bố trí đủ nhân lực trực 24/24 giờ tại các chốt kiểm "
        "soát liên ngành ở cửa ngõ ra vào tỉnh và các cửa khẩu phụ, lối mở biên giới.",
        "2. Trung tâm Y tế các huyện, thành phố chủ trì lấy mẫu xét nghiệm cho người "
        "trở về từ các tỉnh, thành phố đang giãn cách xã hội; hằng ngày tổng hợp số "
        "liệu gửi Trung tâm Kiểm soát bệnh tật tỉnh trước 15 giờ để báo cáo Ban Chỉ "
        "đạo tỉnh.",
        "3. Các bệnh viện thực hiện nghiêm việc phân luồng, sàng lọc người bệnh ngay "
        "từ cổng; người nhà chăm sóc bệnh nhân phải khai báo y tế, hạn chế tối đa "
        "việc ra vào khoa phòng.",
        "4. Phòng Y tế các huyện, thành phố tham mưu UBND cùng cấp kiểm tra việc "
        "chấp hành các biện pháp phòng dịch tại nhà thuốc, phòng khám tư nhân và cơ "
        "sở lưu trú; kịp thời xử lý trường hợp vi phạm.",
        "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về Sở Y tế "
        "(qua Phòng Nghiệp vụ Y) để được hướng dẫn.",
    ],
    "nn": ["Nơi nhận:", "- Như trên;", "- UBND tỉnh (b/c);", "- Giám đốc, các PGĐ Sở;",
           "- Lưu: VT, NVY."],
    "sign": ["K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lường Thị Hoan"],
}

# --- UBND huyện Than Uyên, Kế hoạch (written as .pdf) -------------------------
TU_1342 = {
    "left": ["ỦY BAN NHÂN DÂN", "HUYỆN THAN UYÊN", "", "Số: 1342/KH-UBND"],
    "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "", "Than Uyên, ngày 12 tháng 7 năm 2021"],
    "title": ["KẾ HOẠCH",
              "Tổ chức thực hiện công tác phòng, chống dịch Covid-19",
              "gắn với phát triển kinh tế - xã hội trên địa bàn huyện"],
    "kg": None,
    "body": [
        "Căn cứ Kế hoạch số 1520/KH-UBND ngày 02/7/2021 của UBND tỉnh Lai Châu; Kế "
        "hoạch số 118-KH/HU ngày 08/7/2021 của Ban Thường vụ Huyện ủy Than Uyên, Ủy "
        "ban nhân dân huyện ban hành Kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Cụ thể hóa nhiệm vụ của tỉnh và của Huyện ủy thành việc làm của từng cơ "
        "quan, từng xã, thị trấn; vừa kiểm soát chặt người vào địa bàn, vừa giữ nhịp "
        "sản xuất vụ mùa, thu hoạch chè và thi công các công trình trọng điểm.",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "1. Duy trì chốt kiểm soát tại đèo Khau Co và Quốc lộ 32 giáp tỉnh Yên Bái; "
        "phân công lực lượng công an, quân sự, y tế trực theo ca.",
        "2. Phòng Kinh tế - Hạ tầng, Phòng Nông nghiệp và Phát triển nông thôn hướng "
        "dẫn các hợp tác xã chè, doanh nghiệp thủy điện bảo đảm an toàn cho người lao "
        "động, không để gián đoạn sản xuất.",
        "3. Trung tâm Y tế huyện lập danh sách người về từ vùng dịch, tổ chức xét "
        "nghiệm, cách ly theo hướng dẫn của ngành.",
        "4. UBND các xã, thị trấn thành lập tổ giám sát cộng đồng ở từng bản, khu "
        "dân cư; báo cáo kết quả về UBND huyện vào thứ Sáu hằng tuần.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Văn phòng HĐND và UBND huyện theo dõi, đôn đốc; tổng hợp tình hình báo cáo "
        "UBND tỉnh và Ban Thường vụ Huyện ủy theo quy định.",
    ],
    "nn": ["Nơi nhận:", "- UBND tỉnh (b/c);", "- TT Huyện ủy, HĐND huyện;",
           "- Các cơ quan, đơn vị huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT."],
    "sign": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hoàng Văn Chiến"],
}

# --- Đảng ủy xã Mường Than, Kế hoạch (written as NFD) -------------------------
MT_35 = {
    "left": ["ĐẢNG BỘ HUYỆN THAN UYÊN", "ĐẢNG ỦY XÃ MƯỜNG THAN", "*",
             "Số: 35-KH/ĐU"],
    "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Mường Than, ngày 15 tháng 7 năm 2021"],
    "title": ["KẾ HOẠCH",
              "triển khai nhiệm vụ phòng, chống dịch Covid-19 ở cơ sở"],
    "kg": None,
    "body": [
        "Thực hiện Kế hoạch số 118-KH/HU ngày 08/7/2021 của Ban Thường vụ Huyện ủy "
        "Than Uyên thực hiện Kế hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ "
        "Tỉnh ủy, Ban Chấp hành Đảng bộ xã xây dựng Kế hoạch triển khai như sau:",
        "1. Các chi bộ bản tổ chức sinh hoạt chuyên đề để đảng viên nắm rõ yêu cầu "
        "của cấp trên; mỗi đảng viên phụ trách từ 5 đến 10 hộ gia đình, nhắc nhở "
        "người dân khai báo khi có người thân từ nơi khác về.",
        "2. Giao Ủy ban nhân dân xã bố trí điểm cách ly tạm thời tại nhà văn hóa "
        "bản Mứ, chuẩn bị lương thực dự phòng cho các hộ phải cách ly.",
        "3. Mặt trận Tổ quốc và các đoàn thể xã phát động người dân tham gia tổ "
        "giám sát cộng đồng, vận động các hộ nghèo thu hoạch lúa sớm, tránh tụ tập "
        "đông người khi mùa vụ.",
        "4. Văn phòng Đảng ủy theo dõi, tổng hợp kết quả báo cáo Ban Thường vụ "
        "Huyện ủy trước ngày 25 hằng tháng.",
    ],
    "nn": ["Nơi nhận:", "- Ban Thường vụ Huyện ủy (b/c);", "- Các chi bộ trực thuộc;",
           "- Lưu: VP Đảng ủy."],
    "sign": ["T/M ĐẢNG ỦY", "BÍ THƯ", "", "Lò Văn Phiêng"],
}

# --- Tỉnh đoàn Lai Châu, Công văn (written as UTF-16 with BOM) ----------------
TD_215 = {
    "left": ["BCH ĐOÀN TỈNH LAI CHÂU", "***", "Số: 215-CV/TĐTN",
             "V/v tổ chức hoạt động tình nguyện",
             "hỗ trợ phòng, chống dịch Covid-19"],
    "right": ["ĐOÀN TNCS HỒ CHÍ MINH", "", "Lai Châu, ngày 07 tháng 7 năm 2021"],
    "title": [],
    "kg": ["Kính gửi: - Ban Thường vụ các huyện đoàn, thành đoàn;",
           "- Các đoàn, chi đoàn trực thuộc Tỉnh đoàn."],
    "body": [
        "Thực hiện Công văn số 148-CV/BTGTU ngày 01/7/2021 của Ban Tuyên giáo Tỉnh "
        "ủy về tuyên truyền, tổ chức thực hiện Kết luận của Bộ Chính trị; theo Kế "
        "hoạch số 312-KH/TU ngày 25/6/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ "
        "Tỉnh đoàn đề nghị các cơ sở đoàn triển khai một số hoạt động sau:",
        "1. Thành lập đội hình thanh niên tình nguyện hỗ trợ các chốt kiểm soát, "
        "điểm tiêm chủng và khu cách ly; mỗi huyện, thành phố có ít nhất một đội "
        "hình thường trực, sẵn sàng điều động khi có yêu cầu.",
        "2. Tuyên truyền trên trang mạng xã hội của các cơ sở đoàn về các biện pháp "
        "phòng dịch, hướng dẫn người dân cài đặt ứng dụng khai báo y tế; phản bác "
        "các thông tin sai sự thật về dịch bệnh và vắc xin.",
        "3. Vận động đoàn viên, thanh niên giúp đỡ các gia đình có người đang cách "
        "ly thu hoạch nông sản, dọn vệ sinh môi trường nơi ở.",
        "Kết quả thực hiện gửi về Ban Tuyên giáo Tỉnh đoàn trước ngày 30/7/2021 để "
        "tổng hợp, báo cáo.",
    ],
    "nn": ["Nơi nhận:", "- Ban Bí thư TW Đoàn (b/c);", "- Thường trực Tỉnh ủy (b/c);",
           "- Như kính gửi;", "- Lưu: VT, TG."],
    "sign": ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "PHÓ BÍ THƯ", "", "Tẩn Thị Mây"],
}

# --- UBND tỉnh Lai Châu, Công văn (written as UTF-8 with BOM) -----------------
UB_2391 = {
    "left": ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "", "Số: 2391/UBND-VX",
             "V/v triển khai chính sách hỗ trợ người lao động,",
             "người sử dụng lao động và doanh nghiệp"],
    "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "", "Lai Châu, ngày 01 tháng 10 năm 2021"],
    "title": [],
    "kg": ["Kính gửi:", "- Sở Lao động - Thương binh và Xã hội;",
           "- Bảo hiểm xã hội tỉnh; Cục Thuế tỉnh;",
           "- UBND các huyện, thành phố."],
    "body": [
        "Tiếp theo Công văn số 1596/UBND-VX ngày 12/7/2021 của UBND tỉnh về việc "
        "triển khai các gói hỗ trợ cho người lao động và doanh nghiệp; "
        "thực hiện các Nghị quyết của Chính phủ: số 105/NQ-CP ngày 09/9/2021 về tháo "
        "gỡ khó khăn cho doanh nghiệp, hợp tác xã, hộ kinh doanh; số 116/NQ-CP ngày "
        "24/9/2021 về chi hỗ trợ từ Quỹ bảo hiểm thất nghiệp cho người lao động và "
        "người sử dụng lao động chịu ảnh hưởng của dịch, Ủy ban nhân dân tỉnh yêu cầu:",
        "1. Bảo hiểm xã hội tỉnh rà soát, lập danh sách người lao động đang tham gia "
        "hoặc đã dừng đóng bảo hiểm thất nghiệp thuộc diện được hỗ trợ; chi trả đúng "
        "thời hạn, không để người lao động phải đi lại nhiều lần.",
        "2. Cục Thuế tỉnh hướng dẫn doanh nghiệp, hộ kinh doanh thủ tục gia hạn, "
        "giảm thuế, tiền thuê đất theo quy định mới; công khai đường dây nóng tiếp "
        "nhận phản ánh.",
        "3. Sở Lao động - Thương binh và Xã hội theo dõi chung, tổng hợp vướng mắc "
        "của các huyện, thành phố, đề xuất UBND tỉnh xử lý kịp thời.",
        "4. UBND các huyện, thành phố chỉ đạo UBND cấp xã niêm yết công khai đối "
        "tượng, mức hỗ trợ; báo cáo kết quả giải ngân định kỳ vào ngày 25 hằng tháng.",
    ],
    "nn": ["Nơi nhận:", "- Như trên;", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
           "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, VX."],
    "sign": ["K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Hữu Thịnh"],
}

SPECIAL: dict[str, tuple[str, dict]] = {
    "lai-chau/tinh/syt-cv-1105-2021.docx": ("docx", SYT_1105),
    "lai-chau/than-uyen/ubnd-kh-1342-2021.pdf": ("pdf", TU_1342),
    "lai-chau/than-uyen/muong-than/du-kh-35-2021.txt": ("nfd", MT_35),
    "lai-chau/tinh/tinh-doan-cv-215-2021.txt": ("utf-16", TD_215),
    "lai-chau/tinh/ubnd-cv-2391-2021.txt": ("utf-8-sig", UB_2391),
}


def write_docx(d: dict, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    def fill(cell, lines, bold_first=0):
        cell.text = ""
        first = True
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.bold = i < bold_first

    head = doc.add_table(rows=1, cols=2)
    fill(head.cell(0, 0), d["left"], bold_first=2)
    fill(head.cell(0, 1), d["right"], bold_first=2)
    for line in d.get("title") or []:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True
    for line in d.get("kg") or []:
        doc.add_paragraph(line)
    for para in d["body"]:
        p = doc.add_paragraph(para)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    foot = doc.add_table(rows=1, cols=2)
    fill(foot.cell(0, 0), d["nn"])
    fill(foot.cell(0, 1), d["sign"], bold_first=2)
    for p in foot.cell(0, 0).paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    doc.core_properties.title = d["left"][-1]
    doc.core_properties.created = FIXED_DATE
    doc.core_properties.modified = FIXED_DATE
    doc.save(str(path))


def write_pdf(d: dict, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD if FONT_BOLD.exists() else FONT))
    pdf.add_page()

    def mc(*args, **kw):  # every cell returns to the left margin, next line
        return pdf.multi_cell(*args, new_x="LMARGIN", new_y="NEXT", **kw)

    pdf.set_creation_date(FIXED_DATE)
    top = pdf.get_y()
    # Two header columns, like the table of a real document.
    pdf.set_font("DejaVu", "B", 10)
    pdf.set_xy(20, top)
    mc(70, 5, "\n".join(d["left"]), align="C")
    left_end = pdf.get_y()
    pdf.set_xy(92, top)
    mc(103, 5, "\n".join(d["right"]), align="C")
    pdf.set_y(max(left_end, pdf.get_y()) + 6)
    pdf.set_font("DejaVu", "B", 12)
    for line in d.get("title") or []:
        mc(0, 6, line, align="C")
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 10.5)
    for line in d.get("kg") or []:
        mc(0, 5.5, line)
    for para in d["body"]:
        mc(0, 5.5, para, align="J")
        pdf.ln(1.5)
    pdf.ln(4)
    y = pdf.get_y()
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(20, y)
    mc(80, 4.5, "\n".join(d["nn"]))
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.set_xy(110, y)
    mc(80, 5.5, "\n".join(d["sign"]), align="C")
    pdf.output(str(path))


def main(argv: list[str] | None = None) -> int:
    for rel, (kind, spec) in SPECIAL.items():
        path = SAMPLE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "docx":
            write_docx(spec, path)
        elif kind == "pdf":
            write_pdf(spec, path)
        elif kind == "nfd":
            path.write_bytes(unicodedata.normalize("NFD", render_text(spec)).encode("utf-8"))
        else:  # "utf-16" writes a BOM itself; "utf-8-sig" adds EF BB BF
            path.write_bytes(render_text(spec).encode(kind))
        print(f"wrote {path.relative_to(SAMPLE)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
