"""Citation forms, as a table: (id, text, expected citations).

Each case is a sentence written for this table from the conventions of
../shared/DOMAIN.md (symbols, lists, nesting, noise), including sentences that
look like citations and are not. Every case also runs in NFD and checks that
spans point into the original text.
"""

from __future__ import annotations

import unicodedata

import pytest

from chidao.loaders.citations import find_citations
from chidao.loaders.normalize import normalize


def cite(symbol, doc_type=None, *, number=None, date=None, issuer=None, cue=None, via=None):
    if number is None and symbol:
        number = symbol.replace(" ", "").split("/")[0].split("-")[0]
    return dict(doc_type=doc_type, number=number, symbol=symbol, date=date, issuer=issuer, cue=cue, via=via)


CASES = [
    # -- Party shape --------------------------------------------------------
    ("party-full", "Thực hiện Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị về phòng, chống dịch.",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("party-comma-date", "Căn cứ Công văn số 132-CV/BTGTU, ngày 06/5/2021 của Ban Tuyên giáo Tỉnh ủy Lai Châu về tuyên truyền.",
     [cite("132-CV/BTGTU", "Công văn", date="2021-05-06", issuer="Ban Tuyên giáo Tỉnh ủy Lai Châu", cue="can_cu")]),
    ("party-no-so", "Quán triệt Kết luận 07-KL/TW của Bộ Chính trị đến toàn thể đảng viên.",
     [cite("07-KL/TW", "Kết luận", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("party-abbreviation-KL", "Thực hiện KL số 07-KL/TW, các cấp ủy xây dựng kế hoạch.",
     [cite("07-KL/TW", "Kết luận", cue="thuc_hien")]),
    ("party-type-from-code", "Tiếp tục thực hiện số 25-KH/TU của Ban Thường vụ Tỉnh ủy.",
     [cite("25-KH/TU", "Kế hoạch", issuer="Ban Thường vụ Tỉnh ủy", cue="thuc_hien")]),
    ("party-space-before-dash", "Thực hiện Công văn số 159 -CV/ĐUK ngày 14/01/2021 của Ban Thường vụ Đảng ủy Khối.",
     [cite("159-CV/ĐUK", "Công văn", date="2021-01-14", issuer="Ban Thường vụ Đảng ủy Khối", cue="thuc_hien")]),
    ("party-spaces-around-dash", "Thực hiện Kết luận số 100 - KL/TW ngày 30/6/2016 của Ban Bí thư.",
     [cite("100-KL/TW", "Kết luận", date="2016-06-30", issuer="Ban Bí thư", cue="thuc_hien")]),
    ("party-space-around-slash", "Căn cứ Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng.",
     [cite("36-HD/VPTW", "Hướng dẫn", date="2018-04-03", issuer="Văn phòng Trung ương Đảng", cue="can_cu")]),
    ("party-en-dash", "Thực hiện Kế hoạch số 312–KH/TU ngày 25/6/2021 của Tỉnh ủy.",
     [cite("312-KH/TU", "Kế hoạch", date="2021-06-25", issuer="Tỉnh ủy", cue="thuc_hien")]),
    ("party-em-dash", "Thực hiện Chỉ thị số 05—CT/TW ngày 15/5/2016 của Bộ Chính trị.",
     [cite("05-CT/TW", "Chỉ thị", date="2016-05-15", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("party-ocr-TU", "Thực hiện Kết luận số 07-KL/TƯ của Bộ Chính trị.",
     [cite("07-KL/TW", "Kết luận", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("party-board-district", "Ban Tuyên giáo Quận ủy vừa ban hành Công văn số 63-CV/BTGQU về tuyên truyền.",
     [cite("63-CV/BTGQU", "Công văn", issuer="Ban Tuyên giáo Quận ủy")]),
    ("party-district-committee", "Căn cứ Kế hoạch số 45-KH/HU ngày 02/8/2021 của Huyện ủy Tam Đường.",
     [cite("45-KH/HU", "Kế hoạch", date="2021-08-02", issuer="Huyện ủy Tam Đường", cue="can_cu")]),
    ("party-city-committee", "Thực hiện Công văn số 210-CV/ThU ngày 05/8/2021 của Thành ủy Lai Châu.",
     [cite("210-CV/ThU", "Công văn", date="2021-08-05", issuer="Thành ủy Lai Châu", cue="thuc_hien")]),
    ("party-commune", "Căn cứ Kế hoạch số 12-KH/ĐU ngày 20/8/2021 của Đảng ủy xã Bình Lư.",
     [cite("12-KH/ĐU", "Kế hoạch", date="2021-08-20", issuer="Đảng ủy xã Bình Lư", cue="can_cu")]),
    ("party-quy-dinh", "Căn cứ Quy định số 08-QyĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương.",
     [cite("08-QyĐ/TW", "Quy định", date="2018-10-25", issuer="Ban Chấp hành Trung ương", cue="can_cu")]),
    ("party-chuong-trinh", "Thực hiện Chương trình hành động số 15-CTr/TU ngày 10/3/2021 của Tỉnh ủy.",
     [cite("15-CTr/TU", "Chương trình", date="2021-03-10", issuer="Tỉnh ủy", cue="thuc_hien")]),
    ("party-thong-tri", "Căn cứ Thông tri số 03-TT/TW ngày 18/5/2021 của Ban Bí thư.",
     [cite("03-TT/TW", "Thông tri", date="2021-05-18", issuer="Ban Bí thư", cue="can_cu")]),
    ("party-youth", "Thực hiện Công văn số 88-CV/TĐTN ngày 12/7/2021 của Ban Thường vụ Tỉnh đoàn.",
     [cite("88-CV/TĐTN", "Công văn", date="2021-07-12", issuer="Ban Thường vụ Tỉnh đoàn", cue="thuc_hien")]),
    ("party-nghi-quyet", "Quán triệt Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5.",
     [cite("21-NQ/TW", "Nghị quyết", date="2022-06-16", issuer="Hội nghị Trung ương 5", cue="thuc_hien")]),
    ("party-thong-bao", "Thực hiện Thông báo số 264-TB/TW ngày 31/7/2009 của Bộ Chính trị.",
     [cite("264-TB/TW", "Thông báo", date="2009-07-31", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("party-de-an", "Triển khai Đề án số 03-ĐA/TU của Tỉnh ủy về chuyển đổi số.",
     [cite("03-ĐA/TU", "Đề án", issuer="Tỉnh ủy", cue="thuc_hien")]),
    # -- State shape --------------------------------------------------------
    ("state-full", "Căn cứ Chỉ thị số 15/CT-UBND ngày 13/10/2021 của UBND tỉnh Lai Châu về thi đua.",
     [cite("15/CT-UBND", "Chỉ thị", date="2021-10-13", issuer="UBND tỉnh Lai Châu", cue="can_cu")]),
    ("state-cong-van", "Căn cứ Công văn số 1198/UBND-VX, ngày 07/5/2021 của UBND tỉnh Lai Châu.",
     [cite("1198/UBND-VX", "Công văn", date="2021-05-07", issuer="UBND tỉnh Lai Châu", cue="can_cu")]),
    ("state-cong-van-type-from-shape", "Thực hiện số 2105/UBND-VX ngày 20/7/2021 của UBND tỉnh.",
     [cite("2105/UBND-VX", "Công văn", date="2021-07-20", issuer="UBND tỉnh", cue="thuc_hien")]),
    ("state-with-year", "Thực hiện Quyết định số 23/2021/QĐ-TTg ngày 07/7/2021 của Thủ tướng Chính phủ.",
     [cite("23/2021/QĐ-TTg", "Quyết định", date="2021-07-07", issuer="Thủ tướng Chính phủ", cue="thuc_hien")]),
    ("state-nghi-dinh", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     [cite("30/2020/NĐ-CP", "Nghị định", date="2020-03-05", issuer="Chính phủ", cue="can_cu")]),
    ("state-thong-tu", "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ.",
     [cite("01/2011/TT-BNV", "Thông tư", date="2011-01-19", issuer="Bộ Nội vụ", cue="can_cu")]),
    ("state-thong-tu-from-code", "Căn cứ số 05/2021/TT-BYT của Bộ Y tế.",
     [cite("05/2021/TT-BYT", "Thông tư", issuer="Bộ Y tế", cue="can_cu")]),
    ("state-nghi-quyet-cp", "Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ.",
     [cite("68/NQ-CP", "Nghị quyết", date="2021-07-01", issuer="Chính phủ", cue="thuc_hien")]),
    ("state-chi-thi-ttg", "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ.",
     [cite("16/CT-TTg", "Chỉ thị", date="2020-03-31", issuer="Thủ tướng Chính phủ", cue="thuc_hien")]),
    ("state-cong-dien", "Thực hiện Công điện số 1068/CĐ-TTg ngày 10/8/2021 của Thủ tướng Chính phủ.",
     [cite("1068/CĐ-TTg", "Công điện", date="2021-08-10", issuer="Thủ tướng Chính phủ", cue="thuc_hien")]),
    ("state-ministry", "Thực hiện Công văn số 5599/BYT-DP ngày 14/7/2021 của Bộ Y tế.",
     [cite("5599/BYT-DP", "Công văn", date="2021-07-14", issuer="Bộ Y tế", cue="thuc_hien")]),
    ("state-department", "Thực hiện Công văn số 845/SYT-NVY ngày 09/8/2021 của Sở Y tế.",
     [cite("845/SYT-NVY", "Công văn", date="2021-08-09", issuer="Sở Y tế", cue="thuc_hien")]),
    ("state-mass-org", "Căn cứ Công văn số 675/LĐLĐ ngày 10/5/2021 của LĐLĐ tỉnh.",
     [cite("675/LĐLĐ", "Công văn", date="2021-05-10", issuer="LĐLĐ tỉnh", cue="can_cu")]),
    ("state-front", "Thực hiện Công văn số 412/MTTQ-BTT ngày 02/8/2021 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.",
     [cite("412/MTTQ-BTT", "Công văn", date="2021-08-02",
           issuer="Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", cue="thuc_hien")]),
    ("state-ke-hoach", "Căn cứ Kế hoạch số 1520/KH-UBND ngày 28/6/2021 của Ủy ban nhân dân tỉnh Lai Châu.",
     [cite("1520/KH-UBND", "Kế hoạch", date="2021-06-28", issuer="Ủy ban nhân dân tỉnh Lai Châu", cue="can_cu")]),
    ("state-quyet-dinh-local", "Căn cứ Quyết định số 1017/QĐ-UBND ngày 20/8/2021 của Chủ tịch UBND tỉnh.",
     [cite("1017/QĐ-UBND", "Quyết định", date="2021-08-20", issuer="Chủ tịch UBND tỉnh", cue="can_cu")]),
    ("state-ocr-UBND", "Căn cứ Chỉ thị số 15/CT-ƯBND ngày 13/10/2021 của UBND tỉnh.",
     [cite("15/CT-UBND", "Chỉ thị", date="2021-10-13", issuer="UBND tỉnh", cue="can_cu")]),
    ("state-spaces", "Căn cứ Kế hoạch số 1520 / KH-UBND ngày 28/6/2021 của UBND tỉnh.",
     [cite("1520/KH-UBND", "Kế hoạch", date="2021-06-28", issuer="UBND tỉnh", cue="can_cu")]),
    ("state-to-trinh", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV ngày 02/3/2021.",
     # the one who proposes is the Tờ trình's issuer (so the real annotations: 2019-ubnd-thanhhoa-1649-qd)
     [cite("15/TTr-SNV", "Tờ trình", date="2021-03-02", issuer="Giám đốc Sở Nội vụ", cue="theo")]),
    ("state-bao-cao", "Tiếp theo Báo cáo số 210/BC-UBND ngày 30/7/2021 của UBND huyện Phong Thổ.",
     [cite("210/BC-UBND", "Báo cáo", date="2021-07-30", issuer="UBND huyện Phong Thổ", cue="tiep_theo")]),
    # -- dates ---------------------------------------------------------------
    ("date-dashes", "Thực hiện Kết luận số 07-KL/TW ngày 11-6-2021 của Bộ Chính trị.",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("date-dots", "Thực hiện Kết luận số 07-KL/TW ngày 11.6.2021 của Bộ Chính trị.",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("date-spelled", "Căn cứ Kế hoạch số 312-KH/TU ngày 25 tháng 6 năm 2021 của Tỉnh ủy.",
     [cite("312-KH/TU", "Kế hoạch", date="2021-06-25", issuer="Tỉnh ủy", cue="can_cu")]),
    ("date-issuer-first", "Thực hiện Kết luận số 07-KL/TW của Bộ Chính trị ngày 11/6/2021 về phòng, chống dịch.",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("date-ban-hanh", "Căn cứ Quyết định số 447/QĐ-UBND ban hành ngày 01/4/2020 của UBND tỉnh.",
     [cite("447/QĐ-UBND", "Quyết định", date="2020-04-01", issuer="UBND tỉnh", cue="can_cu")]),
    ("date-parenthesised", "Thực hiện Công văn số 294-CV/TU (ngày 21/7/2021) của Thường trực Tỉnh ủy.",
     [cite("294-CV/TU", "Công văn", date="2021-07-21", issuer="Thường trực Tỉnh ủy", cue="thuc_hien")]),
    ("date-invalid-day", "Căn cứ Công văn số 90-CV/TU ngày 31/02/2021 của Tỉnh ủy.",
     [cite("90-CV/TU", "Công văn", date=None, issuer="Tỉnh ủy", cue="can_cu")]),
    ("date-missing", "Thực hiện Công văn số 272-CV/TU của Ban Thường vụ Tỉnh ủy về phòng dịch.",
     [cite("272-CV/TU", "Công văn", issuer="Ban Thường vụ Tỉnh ủy", cue="thuc_hien")]),
    # -- number only ---------------------------------------------------------
    ("number-only-chi-thi", "Tiếp tục thực hiện Chỉ thị số 17 của Tỉnh ủy về phòng, chống dịch.",
     [cite(None, "Chỉ thị", number="17", issuer="Tỉnh ủy", cue="thuc_hien")]),
    ("number-only-ket-luan", "Thực hiện Kết luận 07 của Bộ Chính trị, các cấp ủy triển khai ngay.",
     [cite(None, "Kết luận", number="07", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("number-only-lowercase", "Các đơn vị tiếp tục quán triệt nghị quyết số 05 của Đảng ủy.",
     [cite(None, "Nghị quyết", number="05", issuer="Đảng ủy", cue="thuc_hien")]),
    ("number-only-date", "Căn cứ Chỉ thị số 15 ngày 27/3/2020 của Thủ tướng Chính phủ.",
     [cite(None, "Chỉ thị", number="15", date="2020-03-27", issuer="Thủ tướng Chính phủ", cue="can_cu")]),
    # -- lists ---------------------------------------------------------------
    ("list-shared-type-issuer",
     "Triển khai các Nghị quyết của Chính phủ: số 68/NQ-CP ngày 01/7/2021 về hỗ trợ người lao động; số 105/NQ-CP ngày 09/9/2021 về hỗ trợ doanh nghiệp.",
     [cite("68/NQ-CP", "Nghị quyết", date="2021-07-01", issuer="Chính phủ", cue="thuc_hien"),
      cite("105/NQ-CP", "Nghị quyết", date="2021-09-09", issuer="Chính phủ", cue="thuc_hien")]),
    ("list-three-items",
     "Căn cứ các Kế hoạch của Tỉnh ủy: số 312-KH/TU ngày 25/6/2021; số 330-KH/TU ngày 12/8/2021; số 341-KH/TU ngày 02/9/2021.",
     [cite("312-KH/TU", "Kế hoạch", date="2021-06-25", issuer="Tỉnh ủy", cue="can_cu"),
      cite("330-KH/TU", "Kế hoạch", date="2021-08-12", issuer="Tỉnh ủy", cue="can_cu"),
      cite("341-KH/TU", "Kế hoạch", date="2021-09-02", issuer="Tỉnh ủy", cue="can_cu")]),
    ("list-semicolon-different-types",
     "Căn cứ Công văn số 132-CV/BTGTU ngày 06/5/2021 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền; Công văn số 1198/UBND-VX ngày 07/5/2021 của UBND tỉnh về khai báo y tế.",
     [cite("132-CV/BTGTU", "Công văn", date="2021-05-06", issuer="Ban Tuyên giáo Tỉnh ủy", cue="can_cu"),
      cite("1198/UBND-VX", "Công văn", date="2021-05-07", issuer="UBND tỉnh", cue="can_cu")]),
    ("list-va", "Thực hiện Nghị quyết số 68/NQ-CP của Chính phủ và Quyết định số 23/2021/QĐ-TTg của Thủ tướng Chính phủ.",
     [cite("68/NQ-CP", "Nghị quyết", issuer="Chính phủ", cue="thuc_hien"),
      cite("23/2021/QĐ-TTg", "Quyết định", issuer="Thủ tướng Chính phủ", cue="thuc_hien")]),
    ("list-subject-with-cue-word",
     "Căn cứ Kế hoạch số 312-KH/TU ngày 25/6/2021 của Tỉnh ủy về phòng dịch; Công văn số 2105/UBND-VX của UBND tỉnh.",
     [cite("312-KH/TU", "Kế hoạch", date="2021-06-25", issuer="Tỉnh ủy", cue="can_cu"),
      cite("2105/UBND-VX", "Công văn", issuer="UBND tỉnh", cue="can_cu")]),
    ("list-cue-changes", "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ; thực hiện Kế hoạch số 312-KH/TU của Tỉnh ủy.",
     [cite("30/2020/NĐ-CP", "Nghị định", issuer="Chính phủ", cue="can_cu"),
      cite("312-KH/TU", "Kế hoạch", issuer="Tỉnh ủy", cue="thuc_hien")]),
    ("list-lines", "Căn cứ:\n- Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị;\n- Kế hoạch số 312-KH/TU ngày 25/6/2021 của Tỉnh ủy;",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="can_cu"),
      cite("312-KH/TU", "Kế hoạch", date="2021-06-25", issuer="Tỉnh ủy", cue="can_cu")]),
    # -- nesting -------------------------------------------------------------
    ("nested-thuc-hien",
     "Căn cứ Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW của Ban Bí thư.",
     [cite("25-KH/TU", "Kế hoạch", date="2016-11-30", issuer="Ban Thường vụ Tỉnh ủy", cue="can_cu"),
      cite("100-KL/TW", "Kết luận", issuer="Ban Bí thư", cue="thuc_hien", via=0)]),
    ("nested-ve-viec",
     "Thực hiện Công văn số 2105/UBND-VX ngày 20/7/2021 của UBND tỉnh về việc triển khai Nghị quyết số 68/NQ-CP của Chính phủ.",
     [cite("2105/UBND-VX", "Công văn", date="2021-07-20", issuer="UBND tỉnh", cue="thuc_hien"),
      cite("68/NQ-CP", "Nghị quyết", issuer="Chính phủ", cue="thuc_hien", via=0)]),
    ("nested-no-issuer", "Căn cứ Kế hoạch số 312-KH/TU thực hiện Kết luận số 07-KL/TW.",
     [cite("312-KH/TU", "Kế hoạch", cue="can_cu"), cite("07-KL/TW", "Kết luận", cue="thuc_hien", via=0)]),
    ("not-nested-after-comma",
     "Căn cứ Công văn số 132-CV/BTGTU của Ban Tuyên giáo Tỉnh ủy, thực hiện Kế hoạch số 1520/KH-UBND của UBND tỉnh.",
     [cite("132-CV/BTGTU", "Công văn", issuer="Ban Tuyên giáo Tỉnh ủy", cue="can_cu"),
      cite("1520/KH-UBND", "Kế hoạch", issuer="UBND tỉnh", cue="thuc_hien")]),
    ("nested-in-subject",
     "Thực hiện Công văn số 812/SLĐTBXH-LĐVL ngày 15/7/2021 của Sở Lao động - Thương binh và Xã hội về hướng dẫn chính sách hỗ trợ theo Nghị quyết số 68/NQ-CP của Chính phủ, UBND huyện chỉ đạo:",
     [cite("812/SLĐTBXH-LĐVL", "Công văn", date="2021-07-15", issuer="Sở Lao động - Thương binh và Xã hội", cue="thuc_hien"),
      cite("68/NQ-CP", "Nghị quyết", issuer="Chính phủ", cue="theo", via=0)]),
    ("list-after-subject-with-comma",
     "Căn cứ Công văn số 132-CV/BTGTU của Ban Tuyên giáo Tỉnh ủy về phòng, chống dịch, thực hiện Kế hoạch số 1520/KH-UBND của UBND tỉnh.",
     [cite("132-CV/BTGTU", "Công văn", issuer="Ban Tuyên giáo Tỉnh ủy", cue="can_cu"),
      cite("1520/KH-UBND", "Kế hoạch", issuer="UBND tỉnh", cue="thuc_hien")]),
    # -- cues ----------------------------------------------------------------
    ("cue-huong-ung", "Hưởng ứng Chỉ thị số 15/CT-UBND ngày 13/10/2021 của UBND tỉnh, huyện phát động thi đua.",
     [cite("15/CT-UBND", "Chỉ thị", date="2021-10-13", issuer="UBND tỉnh", cue="huong_ung")]),
    ("cue-trien-khai-thuc-hien", "Để triển khai thực hiện Kế hoạch số 312-KH/TU của Tỉnh ủy, UBND huyện yêu cầu:",
     [cite("312-KH/TU", "Kế hoạch", issuer="Tỉnh ủy", cue="thuc_hien")]),
    ("cue-far-scoped", "Các cấp ủy tiếp tục quán triệt nghiêm túc chỉ đạo của Trung ương, đặc biệt là Kết luận số 07-KL/TW của Bộ Chính trị.",
     [cite("07-KL/TW", "Kết luận", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("cue-theo-adjacent", "Mua sắm vật tư phục vụ phòng dịch theo Nghị quyết số 79/NQ-CP ngày 22/7/2021 của Chính phủ.",
     [cite("79/NQ-CP", "Nghị quyết", date="2021-07-22", issuer="Chính phủ", cue="theo")]),
    ("cue-tai", "Thực hiện nhiệm vụ được giao tại Công văn số 294-CV/TU của Tỉnh ủy.",
     [cite("294-CV/TU", "Công văn", issuer="Tỉnh ủy", cue="theo")]),
    ("cue-theo-quy-dinh-tai", "Các đơn vị báo cáo theo quy định tại Thông tư số 01/2011/TT-BNV của Bộ Nội vụ.",
     [cite("01/2011/TT-BNV", "Thông tư", issuer="Bộ Nội vụ", cue="theo")]),
    ("cue-theo-not-adjacent", "Theo đó, Sở Y tế ban hành Công văn số 845/SYT-NVY hướng dẫn các huyện.",
     [cite("845/SYT-NVY", "Công văn", issuer="Sở Y tế", cue=None)]),
    ("cue-tiep-theo", "Tiếp theo Công văn số 2105/UBND-VX ngày 20/7/2021, UBND tỉnh yêu cầu các huyện báo cáo.",
     [cite("2105/UBND-VX", "Công văn", date="2021-07-20", cue="tiep_theo")]),
    ("cue-tra-loi", "Trả lời Công văn số 56/UBND-VP ngày 03/8/2021 của UBND huyện Sìn Hồ, Sở Y tế có ý kiến như sau:",
     [cite("56/UBND-VP", "Công văn", date="2021-08-03", issuer="UBND huyện Sìn Hồ", cue="tra_loi")]),
    ("cue-phuc-dap", "Phúc đáp Công văn số 77-CV/HU của Huyện ủy Than Uyên, Ban Tổ chức Tỉnh ủy trả lời như sau.",
     [cite("77-CV/HU", "Công văn", issuer="Huyện ủy Than Uyên", cue="tra_loi")]),
    ("cue-sua-doi", "Sửa đổi, bổ sung một số điều của Quyết định số 447/QĐ-UBND ngày 01/4/2020 của UBND tỉnh.",
     [cite("447/QĐ-UBND", "Quyết định", date="2020-04-01", issuer="UBND tỉnh", cue="sua_doi")]),
    ("cue-thay-the", "Quyết định này thay thế Quyết định số 12/2019/QĐ-UBND ngày 05/4/2019 của UBND tỉnh.",
     [cite("12/2019/QĐ-UBND", "Quyết định", date="2019-04-05", issuer="UBND tỉnh", cue="thay_the")]),
    ("cue-bai-bo", "Bãi bỏ Quyết định số 30/2018/QĐ-UBND của UBND tỉnh kể từ ngày ký.",
     [cite("30/2018/QĐ-UBND", "Quyết định", issuer="UBND tỉnh", cue="bai_bo")]),
    ("cue-none-article", "Ban Tuyên giáo Huyện ủy Tam Đường vừa ban hành Công văn số 41-CV/BTGHU.",
     [cite("41-CV/BTGHU", "Công văn", issuer="Ban Tuyên giáo Huyện ủy Tam Đường")]),
    ("cue-not-carried-across-sentences", "Thực hiện Kết luận số 07-KL/TW của Bộ Chính trị. Sở Y tế ban hành Công văn số 845/SYT-NVY.",
     [cite("07-KL/TW", "Kết luận", issuer="Bộ Chính trị", cue="thuc_hien"),
      cite("845/SYT-NVY", "Công văn", issuer="Sở Y tế", cue=None)]),
    ("generic-van-ban", "Chủ động bố trí nguồn lực theo văn bản số 12/CT-TTg ngày 07/5/2024 của Thủ tướng Chính phủ.",
     [cite("12/CT-TTg", "Chỉ thị", date="2024-05-07", issuer="Thủ tướng Chính phủ", cue="theo")]),
    ("type-code-as-word", "Các đơn vị thực hiện theo KH 174-KH/TWĐTN-VP ngày 14/10/2020 của Trung ương Đoàn.",
     [cite("174-KH/TWĐTN-VP", "Kế hoạch", date="2020-10-14", issuer="Trung ương Đoàn", cue="theo")]),
    ("tiep-theo-van-ban", "Tiếp theo văn bản số 15-KH/TĐTN của Tỉnh đoàn, Ban Thường vụ đề nghị:",
     [cite("15-KH/TĐTN", "Kế hoạch", issuer="Tỉnh đoàn", cue="tiep_theo")]),
    ("descriptive-dang", "Văn bản ban hành trong bối cảnh các cấp đang triển khai Kế hoạch số 132-KH/TĐTN của Tỉnh đoàn.",
     [cite("132-KH/TĐTN", "Kế hoạch", issuer="Tỉnh đoàn", cue=None)]),
    ("sua-doi-tai", "Sửa đổi, bổ sung một số nội dung tại Kế hoạch số 4/KH-LĐLĐ ngày 04/01/2016 của Liên đoàn Lao động thành phố.",
     [cite("4/KH-LĐLĐ", "Kế hoạch", date="2016-01-04", issuer="Liên đoàn Lao động thành phố", cue="sua_doi")]),
    ("nested-then-list-item",
     "Căn cứ Công văn số 389-CV/TĐTN của Thành đoàn về phòng, chống dịch bệnh triển khai Kế hoạch số 180-KH/TWĐTN-VP của Trung ương Đoàn; Công văn 331/MTTQ-BTT của Ủy ban MTTQ thành phố.",
     [cite("389-CV/TĐTN", "Công văn", issuer="Thành đoàn", cue="can_cu"),
      cite("180-KH/TWĐTN-VP", "Kế hoạch", issuer="Trung ương Đoàn", cue="thuc_hien", via=0),
      cite("331/MTTQ-BTT", "Công văn", issuer="Ủy ban MTTQ thành phố", cue="can_cu")]),
    ("nested-two-cue-words",
     "Căn cứ Công văn số 366-CV/TĐTN ngày 24-10-2020 của Tỉnh đoàn Bình Phước triển khai thực hiện Kế hoạch số 174-KH/TWĐTN-VP ngày 14/10/2020 của Trung ương Đoàn.",
     [cite("366-CV/TĐTN", "Công văn", date="2020-10-24", issuer="Tỉnh đoàn Bình Phước", cue="can_cu"),
      cite("174-KH/TWĐTN-VP", "Kế hoạch", date="2020-10-14", issuer="Trung ương Đoàn", cue="thuc_hien", via=0)]),
    # -- noise ---------------------------------------------------------------
    ("old-tone-placement", "Thực hiện Kế hoạch số 1520/KH-UBND của Uỷ ban nhân dân tỉnh Lai Châu về hoà giải.",
     [cite("1520/KH-UBND", "Kế hoạch", issuer="Uỷ ban nhân dân tỉnh Lai Châu", cue="thuc_hien")]),
    ("eth-for-dj", "Căn cứ Kế hoạch số 12-KH/ÐU ngày 20/8/2021 của Ðảng ủy xã Bình Lư.",
     [cite("12-KH/ĐU", "Kế hoạch", date="2021-08-20", issuer="Ðảng ủy xã Bình Lư", cue="can_cu")]),
    ("nbsp-inside", "Thực hiện Kết luận số\u00a007-KL/TW của Bộ Chính trị.",
     [cite("07-KL/TW", "Kết luận", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("line-wrapped-citation", "Thực hiện Kết luận số 07-KL/TW, ngày 11/6/2021\ncủa Bộ Chính trị về phòng dịch.",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="thuc_hien")]),
    ("uppercase-cue", "CĂN CỨ Nghị định số 30/2020/NĐ-CP của Chính phủ.",
     [cite("30/2020/NĐ-CP", "Nghị định", issuer="Chính phủ", cue="can_cu")]),
    # -- not citations -------------------------------------------------------
    ("not-theo-de-nghi", "Theo đề nghị của Giám đốc Sở Nội vụ, Chủ tịch UBND tỉnh quyết định.", []),
    ("not-phone", "Mọi thông tin xin liên hệ số điện thoại 0213.3876.543 hoặc 0912-345-678.", []),
    ("not-address", "Trụ sở đặt tại số 5 đường Trần Phú, phường Tân Phong.", []),
    ("not-money", "Hỗ trợ 5.000.000 đồng cho mỗi hộ, tổng kinh phí 1.250/2021 triệu.", []),
    ("not-date-range", "Nghỉ lễ 30/4 - 01/5 và dịp 02/9/2021 các đơn vị trực 24/24 giờ.", []),
    ("not-covid", "Phòng, chống dịch Covid-19 và Covid – 19 trong nhiệm kỳ 2021 - 2026.", []),
    ("not-this-document", "Văn phòng Tỉnh ủy theo dõi việc thực hiện Công văn này.", []),
    ("not-generic-plural", "Các Nghị quyết của Đảng được quán triệt đầy đủ.", []),
    ("not-fraction", "Tỷ lệ tiêm đạt 3/4 dân số, 1/2 số xã hoàn thành.", []),
    ("not-ratio-code", "Ứng dụng PC-COVID và HIV/AIDS được tuyên truyền rộng rãi.", []),
    ("not-year-count", "Quyết định 2 năm một lần sơ kết công tác.", []),
    ("not-section-number", "Phòng Tài chính - Kế hoạch\n\n6. Tổ chức thực hiện", []),
    # a purpose clause's cue stays in it; what the main clause's subject drafts after it is the subject's, with no cue
    ("purpose-clause", "Nhằm triển khai thực hiện Kết luận số 07-KL/TW ngày 11/6/2021 của Bộ Chính trị, UBND tỉnh xây dựng "
     "Kế hoạch phòng, chống dịch năm 2021 (Kế hoạch số 25/KH-UBND).",
     [cite("07-KL/TW", "Kết luận", date="2021-06-11", issuer="Bộ Chính trị", cue="thuc_hien"),
      cite("25/KH-UBND", "Kế hoạch", issuer="UBND tỉnh")]),
    ("not-dieu-khoan", "Theo khoản 2 Điều 5 và điểm a khoản 1 Điều 3 của Luật.", []),
]

IDS = [c[0] for c in CASES]
assert len(CASES) >= 80 and len(set(IDS)) == len(IDS)


def _extract(text: str):
    citations, _ = find_citations(normalize(text))
    return citations


def _as_dicts(citations):
    return [dict(doc_type=c.doc_type, number=c.number, symbol=c.symbol, date=c.date,
                 issuer=c.issuer, cue=c.cue, via=c.via) for c in citations]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=IDS)
def test_citation_forms(text, expected):
    assert _as_dicts(_extract(text)) == expected


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=IDS)
def test_citation_forms_in_nfd(text, expected):
    """The same sentence typed in decomposed Unicode gives the same citations (values in NFC)."""
    nfd = unicodedata.normalize("NFD", text)
    got = _as_dicts(_extract(nfd))
    for item in got:
        item["issuer"] = item["issuer"] and unicodedata.normalize("NFC", item["issuer"])
    assert got == expected


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=IDS)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_spans_point_into_the_original(text, form):
    original = unicodedata.normalize(form, text)
    for c in _extract(original):
        assert original[c.start:c.end] == c.text
        assert c.text.strip() == c.text and c.text
        assert original.find(c.sentence) != -1
