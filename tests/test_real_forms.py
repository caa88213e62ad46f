"""Citation and header forms of real documents (issue 16), as tables: (text id, snippet, expected).

Every snippet is quoted character for character from the real development set
(tests/data/real/<part>/<id>.txt; the test checks it is there), so each rule is
held by the texts that showed it. Expected values are what the annotation of that
text says. Compare tests/test_citations.py, whose sentences are written from DOMAIN.md.
"""

from __future__ import annotations

import pytest

from chidao.loaders.citations import find_citations, repair_glued_code
from chidao.loaders.extract import extract_text
from chidao.loaders.normalize import normalize
from real_texts import quoted as _quoted, source as _source  # a sibling helper module of tests/


def cite(symbol, doc_type=None, *, date=None, cue=None, issuer=None, number=None):
    out = {"symbol": symbol, "doc_type": doc_type, "date": date, "cue": cue}
    if issuer is not None:
        out["issuer"] = issuer
    if number is not None:
        out["number"] = number
    return out


def _got(citations, keys):
    return [{k: getattr(c, k) for k in keys} for c in citations]


CITATIONS = [
    # -- numbers with a letter suffix ------------------------------------------------------------
    ("2019-ubnd-kiengiang-1961-qd", "suffix-and-lost-hyphen",
     "Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011 của Chính phủ",
     [cite("30c/NQ-CP", "Nghị quyết", date="2011-11-08", issuer="Chính phủ")]),
    ("2026-ubnd-xa-tandoan-langson-tb", "suffix", "Quyết định số 168a/QĐ-UBND ngày 6/9/2025",
     [cite("168a/QĐ-UBND", "Quyết định", date="2025-09-06", number="168a")]),
    # -- three or more segments, joint issuers, dots, trailing years ------------------------------
    ("2018-ubnd-angiang-186-qd", "joint-circular",
     "Thông tư liên tịch số: 183/2010/TTLT/BTC-BNN, ngày 15 tháng 11 năm 2010",
     [cite("183/2010/TTLT/BTC-BNN", "Thông tư liên tịch", date="2010-11-15")]),
    ("2023-hndtw-vankien-viii-danviet", "type-slash-issuer", "Quyết định số 5921/QĐ/HNDTW ngày 23/9/2022",
     [cite("5921/QĐ/HNDTW", "Quyết định", date="2022-09-23")]),
    ("2018-ubnd-nghean-12-cd-tin", "dot-joined", "công điện khẩn số 12/CĐ.UBND",
     [cite("12/CĐ.UBND", "Công điện")]),
    ("2025-cuchaiquan-39209-cv", "trailing-year", "công văn số 09/HDTLMM/2025",
     [cite("09/HDTLMM/2025", "Công văn")]),
    # -- hyphens lost in PDF text, repaired from the known codes (the span keeps the original) -----
    ("2021-byt-5556-qd", "lost-hyphen-decree", "Nghị định số 75/2017/NĐCP ngày 20 tháng 6 năm 2017 của Chính phủ",
     [cite("75/2017/NĐ-CP", "Nghị định", date="2017-06-20", issuer="Chính phủ")]),
    ("2019-ubnd-kiengiang-1961-qd", "lost-hyphen-decision", "Quyết định số 2468/QĐUBND ngày 02 tháng 11 năm 2018",
     [cite("2468/QĐ-UBND", "Quyết định", date="2018-11-02")]),
    ("2021-byt-5556-qd", "party-lost-hyphen", "Nghị quyết số 20NQ/TW ngày 25/10/2017",
     [cite("20-NQ/TW", "Nghị quyết", date="2017-10-25")]),
    # -- TƯ decided by the issuer ----------------------------------------------------------------
    ("2020-tu-dienbien-79-kh-dienbientv", "tu-slip-provincial",
     "Kế hoạch số 79-KH/TƯ, ngày 14/8/2019 của Ban Thường vụ Tỉnh ủy",
     [cite("79-KH/TU", "Kế hoạch", date="2019-08-14", issuer="Ban Thường vụ Tỉnh ủy")]),
    ("2025-thu-hanoi-03-ctr", "tu-slip-central", "Chỉ thị số 46-CT/TƯ ngày 16/5/2025 của Bộ Chính trị",
     [cite("46-CT/TW", "Chỉ thị", date="2025-05-16", issuer="Bộ Chính trị")]),
    # -- separators lost or typed as spaces (a slip read after "số") --------------------------------
    ("2025-ubtwmttq-baocao-t3-danviet", "space-for-slash", "số 57-NQ TW, ngày 22/12/2024 củ",
     [cite("57-NQ/TW", "Nghị quyết", date="2024-12-22")]),  # the type from its code
    # -- a law named between its type word and "số" ------------------------------------------------
    ("2025-ttg-1589-qd", "named-law",
     "Ngày 16 tháng 6 năm 2025, tại kỳ họp thứ 9, Quốc hội Khóa XV đã ban hành Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
     [cite("72/2025/QH15", "Luật", date="2025-06-16")]),
    # -- short forms: one citation carrying all its mentions --------------------------------------
    ("2018-btgtw-hd-kyniem-2019-vinhuni", "short-form-viet-tat",
     "Chỉ thị số 45-CT/TW ngày 22/7/2010 của Bộ Chính trị Về đổi mới, nâng cao hiệu quả tổ chức các ngày kỷ niệm, "
     "nghi thức trao tặng, đón nhận danh hiệu vinh dự Nhà nước và các hình thức khen thưởng cao (viết tắt là Chỉ "
     "thị 45 của Bộ Chính trị);",
     [cite("45-CT/TW", "Chỉ thị", date="2010-07-22")]),
    # -- dates shared by a list, and a news item's opening date ---------------------------------------
    ("2017-ubnd-ubmttq-daklak-01-qcph", "shared-date",
     "Căn cứ Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của",
     [cite("217-QĐ/TW", "Quyết định", date="2013-12-12", cue="can_cu"),
      cite("218-QĐ/TW", "Quyết định", date="2013-12-12", cue="can_cu")]),
    ("2017-tu-thuathienhue-27-ctr", "news-date-before",
     "Ngày 23/8/2017, Tỉnh Ủy Thừa Thiên Huế đã ban hành Chương trình số 27-CTr/TU",
     [cite("27-CTr/TU", "Chương trình", date="2017-08-23")]),
    # -- cues ----------------------------------------------------------------------------------
    ("2025-hdnd-hanoi-74-nq", "cue-xet", "*Xét Tờ trình số 423/TTr-UBND ngày 21 tháng 11",
     [cite("423/TTr-UBND", "Tờ trình", cue="theo")]),  # the year stands on the next line
    ("2021-ldld-yendinh-34-kh", "cue-tren-co-so",
     "Thực hiện Kế hoạch số 168/KH-LĐLĐ ngày 03/12/2021của LĐLĐ tỉnh Thanh Hóa, trên cơ sở Kế hoạch số 31/KH-LĐLĐ, "
     "ngày 12/11/2021 của LĐLĐ huyện",
     [cite("168/KH-LĐLĐ", "Kế hoạch", date="2021-12-03", cue="thuc_hien"),
      cite("31/KH-LĐLĐ", "Kế hoạch", date="2021-11-12", cue="theo")]),
    ("2021-du-huongvinh-ct02-ct05", "cue-theo-tinh-than-list",
     "theo tinh thần, nội dung của Chỉ thị 02-CT/TU, ngày 23/12/2020 của Tỉnh ủy và Chỉ thị 05-CT/TU, ngày "
     "25/12/2020 của Ban Thường vụ Thị ủy",
     [cite("02-CT/TU", "Chỉ thị", date="2020-12-23", cue="theo"),
      cite("05-CT/TU", "Chỉ thị", date="2020-12-25", cue="theo")]),
    ("2025-btctw-31-hd-vietnamplus", "reported-no-cue",
     "Căn cứ Nghị quyết 60-NQ/TW, ngày 12/4/2025 của Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 11, khóa XIII; "
     "Kế hoạch số 47-KH/BCĐ",
     [cite("60-NQ/TW", "Nghị quyết", date="2025-04-12", cue="can_cu"),
      cite("47-KH/BCĐ", "Kế hoạch", cue="can_cu")]),
    ("2025-btctw-31-hd-vietnamplus", "reported-no-cue-2",
     "Ban Tổ chức Trung ương đã ban hành Hướng dẫn số 31-HD/BTCTW, ngày 23/4/2025",
     [cite("31-HD/BTCTW", "Hướng dẫn", date="2025-04-23")]),
    # -- issuers: the subject is no part of them, and "của X tại" names X ---------------------------
    ("2018-btgtw-hd-kyniem-2019-vinhuni", "issuer-stops-at-capital-subject",
     "Nghị định số 145/2013/NĐ-CP ngày 29/10/2013 của Chính phủ Quy định",
     [cite("145/2013/NĐ-CP", "Nghị định", date="2013-10-29", issuer="Chính phủ")]),
    ("2020-ctubnd-hungyen-11-ct", "issuer-before-after-the-date",
     "-19\n\nNgày 16/4/2020 Ủy ban nhân dân tỉnh ban hành Chỉ thị số 11/CT-CTUBND",
     [cite("11/CT-CTUBND", "Chỉ thị", date="2020-04-16", issuer="Ủy ban nhân dân tỉnh")]),
    ("2025-dudcp-309-cv", "issuer-after-the-year",
     "Hướng dẫn 19-HD/BTGDVTW năm 2025 của Ban Tuyên giáo và Dân vận Trung ương về tuyên truyền",
     [cite("19-HD/BTGDVTW", "Hướng dẫn", issuer="Ban Tuyên giáo và Dân vận Trung ương")]),
    # -- issuers shared by a list: the one after its last item, the one of its header ---------------
    ("2020-ubnd-binhthuan-1766-qd", "shared-trailing-issuer",
     "Căn cứ Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 và Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ",
     [cite("48/2013/NĐ-CP", "Nghị định", date="2013-05-14", cue="can_cu", issuer="Chính phủ"),
      cite("92/2017/NĐ-CP", "Nghị định", date="2017-08-07", cue="can_cu", issuer="Chính phủ")]),
    # the first item's code (BT, a slip for BTP) is not the others': its issuer is left unread
    ("2020-ubnd-binhthuan-1766-qd", "shared-trailing-issuer-same-code-only",
     "Căn cứ Quyết định số 1217/QĐ-BT ngày 22/5/2020, Quyết định số 1183/QĐ-BTP ngày 20/5/2020, "
     "Quyết định số 1472/QĐ-BTP ngày 25/6/2020, Quyết định số 1329/QĐ-BTP ngày 01/6/2020, Quyết định số "
     "1565/QĐ-BTP ngày 13/7/2020, Quyết định số 1566/QĐ-BTP ngày 13/7/2020 của Bộ Tư pháp",
     [cite("1217/QĐ-BT", "Quyết định", date="2020-05-22", cue="can_cu", issuer=None)]
     + [cite(s, "Quyết định", date=d, cue="can_cu", issuer="Bộ Tư pháp") for s, d in (
         ("1183/QĐ-BTP", "2020-05-20"), ("1472/QĐ-BTP", "2020-06-25"), ("1329/QĐ-BTP", "2020-06-01"),
         ("1565/QĐ-BTP", "2020-07-13"), ("1566/QĐ-BTP", "2020-07-13"))]),
    ("2025-ubnd-langson-2512-qd", "list-header-issuer-wrapped",
     "Căn cứ các Thông tư của Bộ trưởng, Chủ nhiệm Văn\nphòng Chính phủ: số 02/2017/TT-VPCP ngày 31/10/2017 "
     "hướng dẫn về nghiệp vụ kiểm\nsoát thủ tục hành chính; số 03/2025/TT-VPCP hướng dẫn",
     [cite("02/2017/TT-VPCP", "Thông tư", date="2017-10-31", cue="can_cu",
           issuer="Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"),
      cite("03/2025/TT-VPCP", "Thông tư", cue="can_cu", issuer="Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")]),
    ("2025-bct-nq59-72-nghean24h", "list-header-counted-typed-items",
     "04 Nghị quyết của Bộ Chính trị, gồm: Nghị quyết số 59-NQ/TW về hội nhập quốc tế trong tình hình mới, "
     "Nghị quyết số 70-NQ/TW về bảo đảm an ninh năng lượng quốc gia",
     [cite("59-NQ/TW", "Nghị quyết", issuer="Bộ Chính trị"), cite("70-NQ/TW", "Nghị quyết", issuer="Bộ Chính trị")]),
    # -- a law's name before its number, wrapped or in a caps title ---------------------------------
    ("2025-hdnd-hanoi-56-nq", "law-name-wrapped",
     "*Căn cứ Luật Tổ chức\nchính quyền địa phương số 72/2025/QH15;*",
     [cite("72/2025/QH15", "Luật", cue="can_cu")]),
    ("2025-ttg-1589-qd", "law-name-in-caps-title",
     "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG SỐ 72/2025/QH15",
     [cite("72/2025/QH15", "Luật", cue="thuc_hien")]),  # "triển khai thi hành": the plan implements the law
    # -- cues of enumerated lists: an item with none of its own takes its lead's ------------------------
    ("2025-ubnd-phutho-100-qd", "list-lead-cue-thay-the",
     "2. Quyết định này thay thế\ncác Quyết định sau đây:\na) Quyết định số\n27/2009/QĐ-UBND ngày 26 tháng 8 năm 2009",
     [cite("27/2009/QĐ-UBND", "Quyết định", date="2009-08-26", cue="thay_the")]),
    ("2025-ubnd-daklak-032-qd", "list-lead-cue-bai-bo",
     "2. Bãi bỏ các Quyết định\nsau:\n\na) Quyết định số\n12/2023/QĐ-UBND ngày 20/4/2023",
     [cite("12/2023/QĐ-UBND", "Quyết định", date="2023-04-20", cue="bai_bo")]),
    ("2018-btgtw-hd-kyniem-2019-vinhuni", "list-lead-cue-alone-on-its-line",
     "Căn cứ\n\n- Chỉ thị số 45-CT/TW ngày 22/7/2010 của Bộ Chính trị Về đổi mới",
     [cite("45-CT/TW", "Chỉ thị", date="2010-07-22", cue="can_cu", issuer="Bộ Chính trị")]),
    ("2025-bnv-10989-cv", "tai-after-opinion",
     "Thực hiện ý kiến của Ban Tổ chức\nTrung ương tại Văn bản số 9151- CV/BTCTW ngày 29/7/2025",
     [cite("9151-CV/BTCTW", "Công văn", date="2025-07-29", cue="thuc_hien")]),
    # -- fresh3 (issue 16, fourth round): conventions of 24 new texts --------------------------------
    # a section heading naming the bases governs the numbered items below it ("1." split off as a sentence)
    ("2022-ubnd-tiengiang-383-kh", "bases-heading-over-numbered-items",
     "I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH\n1. Quyết định số 924/QĐ-TTg ngày 22\ntháng 8 năm 2022 của Thủ tướng Chính phủ phê duyệt",
     [cite("924/QĐ-TTg", "Quyết định", date="2022-08-22", cue="can_cu", issuer="Thủ tướng Chính phủ")]),
    # a capitalised subject verb ends the issuer
    ("2022-ubnd-tiengiang-383-kh", "issuer-before-capitalised-phe-duyet",
     "6. Quyết định số 605/QĐ-UBND ngày 16\ntháng 3 năm 2022 của Ủy ban nhân dân tỉnh Phê duyệt Đề án",
     [cite("605/QĐ-UBND", "Quyết định", date="2022-03-16", issuer="Ủy ban nhân dân tỉnh")]),
    # Chương trình hành động, code CTHĐ
    ("2020-tu-quangtri-sapxep-dvhc-leduan", "cthd-code",
     "Chương trình hành động số 147-CTHĐ/TU ngày 09/5/2019 của Tỉnh ủy",
     [cite("147-CTHĐ/TU", "Chương trình", date="2019-05-09", issuer="Tỉnh ủy")]),
    # documents a report lists as issued ("đã ban hành các văn bản ... như:") carry no cue; what they
    # implement does ("về thực hiện Nghị quyết số 18-NQ/TW")
    ("2020-tu-quangtri-sapxep-dvhc-leduan", "reported-list-no-cue",
     "Theo đó, Tỉnh ủy, HĐND, UBND tỉnh đã ban hành các văn bản làm cơ sở để địa phương thực hiện thống nhất như: "
     "Kế hoạch số 86-KH/TU ngày 07/5/2018 của Tỉnh ủy về thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017",
     [cite("86-KH/TU", "Kế hoạch", date="2018-05-07", cue=None, issuer="Tỉnh ủy"),
      cite("18-NQ/TW", "Nghị quyết", date="2017-10-25", cue="thuc_hien")]),
    # a copy that lost the space at line joins: "ngày" glued to the symbol, "về" glued to the subject
    ("2012-ttg-719-qd", "glued-ngay-after-symbol",
     "Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư Trung ương Đảng về tổ chức",
     [cite("70-TB/TW", "Thông báo", date="2012-01-06", cue="can_cu", issuer="Ban Bí thư Trung ương Đảng")]),
    ("2024-ubnd-thachkim-kh-cds", "glued-ve-after-issuer",
     "Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ vềphê duyệt",
     [cite("942/QĐ-TTg", "Quyết định", date="2021-06-15", issuer="Thủ tướng Chính phủ")]),
    # a news item's "X có văn bản số ...": X issued it (reported: no cue)
    ("2024-ubnd-tuyenquang-4912-cv-sonduong", "news-issuer-co-van-ban",
     "Ngày 24-10, UBND tỉnh có văn bản số 4912/UBND-NC về việc",
     [cite("4912/UBND-NC", "Công văn", cue=None, issuer="UBND tỉnh")]),
    # an opinion item of a "Thực hiện" list keeps the list's cue over its "tại"
    ("2018-sonv-langson-70nam-thidua", "opinion-item-in-a-list",
     "Thực hiện Thực hiện Chỉ thị số 22/CT-TW ngày 23/01/2018 của Ban Bí thư Trung ương Đảng về đẩy mạnh các phong "
     "trào thi đua yêu nước hướng tới kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi Thi đua ái quốc "
     "(11/6/1948 - 11/6/2018) và chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX ngày 19/3/2018",
     [cite("22/CT-TW", "Chỉ thị", date="2018-01-23", cue="thuc_hien", issuer="Ban Bí thư Trung ương Đảng"),
      cite("238/UBND-KGVX", "Công văn", date="2018-03-19", cue="thuc_hien", issuer="UBND tỉnh")]),
    # a line opening with a capitalised cue word starts a new clause, though the line before ends in a word
    ("2025-cp-300-bc", "line-opening-cue-after-title",
     "BỔ SUNG, CẬP NHẬT THÔNG TIN CHO BÁO CÁO SỐ 102/BC-CP NGÀY 15/02/2025 CỦA\nCHÍNH PHỦ VỀ THỰC HIỆN CÁC MỤC TIÊU "
     "QUỐC GIA VỀ BÌNH ĐẲNG GIỚI NĂM 2024\nKính gửi: Quốc hội\nThực hiện Thông báo số 1230/TB-VPQH ngày 23/4/2025 "
     "của Văn phòng Quốc hội",
     [cite("102/BC-CP", "Báo cáo", date="2025-02-15", cue=None),
      cite("1230/TB-VPQH", "Thông báo", date="2025-04-23", cue="thuc_hien", issuer="Văn phòng Quốc hội")]),
    # "ban hành kèm theo Quyết định số ...": the item's Căn cứ governs, not the "theo" of "kèm theo"
    ("2013-twdtn-367-qd-2mit", "attached-with-under-can-cu",
     "- Căn cứ Quy chế hoạt động của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh khoá X, nhiệm kỳ 2012 - 2017 ban "
     "hành kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn; - Căn cứ Quy định "
     "về thể loại, thẩm quyền ban hành và thể thức văn bản của Đoàn ban hành kèm theo Quyết định số 1836 QĐ/TWĐTN "
     "ngày 23/6/2006 của Ban Bí thư Trung ương Đoàn;",
     [cite("84-QĐ/TWĐTN", "Quyết định", date="2013-02-22", cue="can_cu", issuer="Ban Chấp hành Trung ương Đoàn"),
      cite("1836-QĐ/TWĐTN", "Quyết định", date="2006-06-23", cue="can_cu", issuer="Ban Bí thư Trung ương Đoàn")]),
    # number and year with no issuer code: a number-only reference (fresh7); the full symbol is still a symbol
    ("2025-qh-202-nq-khanhhoa-vov4", "number-and-year",
     "Nghị quyết số 202/2025 của Quốc hội khóa XV về việc hợp nhất toàn bộ địa giới hành chính",
     [cite(None, "Nghị quyết", number="202", issuer="Quốc hội khóa XV")]),
    ("2025-ttg-2609-qd", "number-year-and-code", "Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025",
     [cite("202/2025/QH15", "Nghị quyết", date="2025-06-12", number="202")]),
    # without a scoped cue, "kèm theo" stays a plain reference (2025-bnnmt-9476-cv annotates it theo)
    ("2025-bnnmt-9476-cv", "attached-with-alone",
     "khung giá ban hành kèm theo Thông tư số 283/2016/TT-BTC ngày 14/11/2016 của Bộ",
     [cite("283/2016/TT-BTC", "Thông tư", date="2016-11-14", cue="theo")]),
]


@pytest.mark.parametrize("text_id, case, snippet, expected", CITATIONS, ids=[c[1] for c in CITATIONS])
def test_real_citation_forms(text_id, case, snippet, expected):
    _quoted(text_id, snippet)
    norm = normalize(snippet)
    got, _ = find_citations(norm)
    keys = sorted({k for e in expected for k in e})
    assert _got(got, keys) == [{k: e.get(k) for k in keys} for e in expected]
    for c in got:  # the span keeps the original ("NĐCP" stays as typed)
        assert snippet[c.start:c.end] == c.text


def test_short_forms_are_mentions_of_the_full_citation():
    """2018-btgtw-hd-kyniem-2019-vinhuni: "(viết tắt là Chỉ thị 45 của Bộ Chính trị)" is the
    Chỉ thị 45-CT/TW cited just before, one citation with two mentions, not a second one."""
    snippet = ("Chỉ thị số 45-CT/TW ngày 22/7/2010 của Bộ Chính trị Về đổi mới, nâng cao hiệu quả tổ chức các ngày kỷ "
               "niệm, nghi thức trao tặng, đón nhận danh hiệu vinh dự Nhà nước và các hình thức khen thưởng cao (viết "
               "tắt là Chỉ thị 45 của Bộ Chính trị);")
    _quoted("2018-btgtw-hd-kyniem-2019-vinhuni", snippet)
    got, _ = find_citations(normalize(snippet))
    assert [c.symbol for c in got] == ["45-CT/TW"]
    (start, end), = got[0].mentions
    assert snippet[start:end].startswith("Chỉ thị 45")


def test_the_same_symbol_again_is_one_citation():
    """2025-hdnd-vinhlong-21-nq cites Nghị định 145/2020/NĐ-CP three times: one citation, three mentions."""
    body = _source("2025-hdnd-vinhlong-21-nq")
    if body is None:
        pytest.skip("2025-hdnd-vinhlong-21-nq.txt is not in the development set")
    record = extract_text(body)
    symbols = [c.symbol for c in record.citations]
    assert symbols.count("145/2020/NĐ-CP") == 1
    cited = next(c for c in record.citations if c.symbol == "145/2020/NĐ-CP")
    assert len(cited.mentions) >= 2
    assert all("145/2020/NĐ-CP" in body[s:e] for s, e in cited.mentions)


@pytest.mark.parametrize("glued, repaired", [("QĐUBND", "QĐ-UBND"), ("NĐCP", "NĐ-CP"), ("TTVPCP", "TT-VPCP"),
                                             ("NQCP", "NQ-CP"), ("QĐBYT", "QĐ-BYT"),
                                             ("BCĐ389", "BCĐ389"), ("TTg", "TTg"), ("HDTLMM", "HDTLMM")])
def test_lost_hyphens_are_repaired_from_known_codes(glued, repaired):
    # QĐUBND, NĐCP, TTVPCP: 2019-ubnd-kiengiang-1961-qd; QĐBYT: 2021-byt-5556-qd; HDTLMM: 2025-cuchaiquan-39209-cv
    assert repair_glued_code(glued) == repaired


CONGRESS_RESOLUTIONS = [
    # (text id, snippet, the congresses named, each once)
    ("2021-twdtn-26-ctr-nqxiii",
     "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, góp phần sớm đưa Nghị quyết Đại hội vào",
     ["Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"]),  # "đưa Nghị quyết Đại hội vào cuộc sống": no congress named
    ("2025-ubtvqh-1686-nq-badinh", "triển khai thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030",
     ["Đại hội Đảng bộ xã lần thứ I"]),
    # lower case and "NQ" in running text; "và NQ ..." ends the first congress's name
    ("2015-hu-lucnam-tuyentruyen-nqdh",
     "nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII và NQ đại hội Đảng bộ huyện lần thứ XXI;",
     ["Đại hội Đảng bộ tỉnh lần thứ XVIII", "đại hội Đảng bộ huyện lần thứ XXI"]),
    # one congress named three ways ("đại biểu", the commune's name, case): one reference
    ("2025-du-saovang-nqdh-i",
     "Xã Sao Vàng: Học tập, quán triệt Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030\n\n"
     "Chiều 2/10, Ban Chấp hành Đảng bộ xã Sao Vàng tổ chức Hội nghị học tập, quán triệt Nghị quyết Đại hội đảng bộ "
     "xã lần thứ I, nhiệm kỳ 2025- 2030",
     ["Đại hội đại biểu Đảng bộ xã lần thứ I"]),
    ("2025-du-saovang-nqdh-i",
     "chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ xã Sao Vàng lần thứ I, nhiệm kỳ 2025-2030",
     ["Đại hội đại biểu Đảng bộ xã Sao Vàng lần thứ I"]),  # alone, the name is kept as written
    # "từ" ends a congress's name ("... Đảng bộ thành phố Hà Nội từ đầu nhiệm kỳ")
    ("2024-bct-35-ct-baochinhphu-hanoi",
     "về tình hình thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị quyết Đại hội lần thứ "
     "XVII Đảng bộ thành phố Hà Nội từ đầu nhiệm kỳ đến nay;",
     ["Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Đại hội lần thứ XVII Đảng bộ thành phố Hà Nội"]),
    # "Điện Biên" is a province, not a telegram ("Điện ... của Bộ Chính trị" read no reference here)
    ("2026-bct-01-ct-giamsat-dienbien-nhandan",
     "Ngày 12/3, tại tỉnh Điện Biên, Đoàn giám sát số 30 của Bộ Chính trị, Ban Bí thư đã công bố", []),
]


@pytest.mark.parametrize("text_id, snippet, congresses", CONGRESS_RESOLUTIONS, ids=[c[0] for c in CONGRESS_RESOLUTIONS])
def test_congress_resolutions_are_unnumbered_references_of_their_congress(text_id, snippet, congresses):
    _quoted(text_id, snippet)
    _, unnumbered = find_citations(normalize(snippet))
    assert [(u.doc_type, u.issuer) for u in unnumbered] == [("Nghị quyết", c) for c in congresses]


PLENUM_RESOLUTIONS = [
    # (text id, snippet, the plenum resolutions read: (issuer, cue)), each plenum once
    ("2021-btgtu-laocai-18-hd", "theo Chỉ thị số 05-CT/TW và Nghị quyết Trung ương 4 (khóa XII) của Đảng.",
     [("Trung ương 4 (khóa XII) của Đảng", "theo")]),
    ("2012-hu-thuanbac-tw4-xi", "Triển khai quán triệt, thực hiện NQ Hội nghị Trung ương 4 (khóa XI) gắn với",
     [("Hội nghị Trung ương 4 (khóa XI)", "thuc_hien")]),  # "NQ" for Nghị quyết
    # the plenum spelt two ways in one text ("BCHTW", "Ban Chấp hành Trung ương"): one reference, as first written
    ("2025-tw-hntw11-moj", "Hội nghị toàn quốc quán triệt, triển khai thực hiện Nghị quyết Hội nghị lần thứ 11 BCHTW "
     "Đảng khóa XIII\n\n16/04/2025\nHội nghị toàn quốc quán triệt, triển khai thực hiện Nghị quyết Hội nghị lần thứ 11 "
     "BCHTW Đảng khóa XIII\nSáng ngày 16/4/2025, Bộ Chính trị, Ban Bí thư tổ chức tổ chức Hội nghị toàn quốc quán triệt, "
     "triển khai thực hiện Nghị quyết Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII.",
     [("Hội nghị lần thứ 11 BCHTW Đảng khóa XIII", "thuc_hien")]),
    ("2012-hu-hamthuannam-tw4-xi", "quán triệt, tuyên truyền Nghị quyết Hội nghị lần thứ tư, Ban Chấp hành Trung ương "
     "Đảng khóa XI về", [("Hội nghị lần thứ tư, Ban Chấp hành Trung ương Đảng khóa XI", "thuc_hien")]),  # in words
    ("2016-btgtw-tw4-cand", "Nghị quyết Trung ương 4 khóa XII thể hiện rõ quyết tâm chính trị",
     [("Trung ương 4 khóa XII", None)]),  # the subject of its sentence: no cue
    ("2016-btgtw-tw4-cand", "thảo luận Dự thảo Chương trình thực hiện Nghị quyết Hội nghị Trung ương 4, khóa XII về xây "
     "dựng", [("Hội nghị Trung ương 4, khóa XII", "thuc_hien")]),
    ("2016-tw4-xii-hutech-05-ct", "Nghị quyết Hội nghị trung ương 4 khóa XII về", [("Hội nghị trung ương 4 khóa XII", None)]),
    # no resolution: the plenum's meeting, the plenum's several resolutions, a numbered resolution's plenum
    ("2016-tu-phuyen-tw4-baophuyen", "hội nghị thông báo nhanh kết quả Hội nghị Trung ương 4 (khóa XII) cho cán bộ", []),
    ("2012-btgtw-36-binhduong", "triển khai thực hiện các Nghị quyết Hội nghị Trung ương 4 (khóa XI).", []),
    ("2025-btctw-31-hd-vietnamplus", "Nghị quyết 60-NQ/TW, ngày 12/4/2025 của Hội nghị Ban Chấp hành Trung ương Đảng "
     "lần thứ 11, khóa XIII", []),
]


@pytest.mark.parametrize("text_id, snippet, plenums", PLENUM_RESOLUTIONS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(PLENUM_RESOLUTIONS)])
def test_plenum_resolutions_are_unnumbered_references_of_their_plenum(text_id, snippet, plenums):
    """fresh3/CONVENTIONS.md: a plenum's resolution is unnumbered, its issuer the plenum as written after
    "Nghị quyết" (fresh5: eight texts cite one so, none by number)."""
    _quoted(text_id, snippet)
    _, unnumbered = find_citations(normalize(snippet))
    assert [(u.doc_type, u.issuer, u.cue) for u in unnumbered] == [("Nghị quyết", i, c) for i, c in plenums]


CHARTERS_AND_RULES = [
    # (text id, snippet, the unnumbered references read: (type, issuer, cue))
    ("2026-bbt-09-qc-ts24", "- Căn cứ Điều lệ Đảng;\n\n- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính "
     "trị, Ban Bí thư khoá XIII;", [("Điều lệ", None, "can_cu"),
                                    ("Quy chế", "Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư khoá XIII", "can_cu")]),
    ("2013-twdtn-367-qd-2mit", "- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ Quy chế hoạt động của Ban Chấp hành "
     "Trung ương Đoàn TNCS Hồ Chí Minh khoá X, nhiệm kỳ", [
         ("Điều lệ", None, "can_cu"), ("Quy chế", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh khoá X", "can_cu")]),
    # the name wrapped after its head ("Ban\nChấp hành"): one name
    ("2016-tw-29-qd-dieule", "- Căn cứ Quy chế làm việc của Ban\nChấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XII;",
     [("Quy chế", "Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XII", "can_cu")]),
    # one charter however often named; not in the subject of what implements it
    ("2023-twdtn-btc-hd-kientoan-draft", "- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; Hướng dẫn thực hiện Điều lệ\nĐoàn TNCS "
     "Hồ Chí Minh;", [("Điều lệ", None, "can_cu")]),
    ("2018-ubkttw-06-hd", "của Ban Chấp hành Trung ương thi hành Chương VII và Chương VIII Điều lệ Đảng về công tác kiểm tra", []),
    # working rules without a term are some document's subject: "(ban hành) Quy chế hoạt động của Cổng Dịch vụ công ..."
    ("2022-ubnd-quangngai-1351-qd", "ban hành Quy chế hoạt động của Cổng Dịch vụ công và Hệ thống thông tin một cửa điện "
     "tử tỉnh Quảng Ngãi;", []),
    ("2013-ubnd-hagiang-1209-qd", "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động\ncủa Ban Chỉ đạo công tác Dân "
     "số - Kế hoạch hóa gia đình tỉnh Hà Giang, giai đoạn\n2013-2015.", []),
    # the State's charter, named in full
    ("2019-ubtvqh-653-nq", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", [("Hiến pháp", None, "can_cu")]),
    ("2025-ubtvqh-1677-nq", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một",
     [("Hiến pháp", None, "can_cu")]),
]


@pytest.mark.parametrize("text_id, snippet, expected", CHARTERS_AND_RULES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CHARTERS_AND_RULES)])
def test_charters_and_working_rules_are_unnumbered_references(text_id, snippet, expected):
    """Party and Youth Union bases cite their charter and a body's working rules for a term by name (seven texts
    of the set: 2016-tw-29-qd-dieule, 2021-twdtn-411-kh-daihoi, 2023-tw-97-qd-mattran, ...); the National Assembly's
    Standing Committee the Constitution (four texts)."""
    _quoted(text_id, snippet)
    _, unnumbered = find_citations(normalize(snippet))
    assert [(u.doc_type, u.issuer, u.cue) for u in unnumbered] == expected


def test_an_issuer_named_after_the_subject_by_do_x_ban_hanh():
    """2016-tw-29-qd-dvdn247: "Quy định 29-QĐ/TW năm 2016 thi hành Điều lệ Đảng do Ban Chấp hành Trung ương ban
    hành" names the issuer after the subject."""
    snippet = "Bên cạnh đó, tại Mục 19 Quy định 29-QĐ/TW năm 2016 thi hành Điều lệ Đảng do Ban Chấp hành Trung ương ban hành,"
    _quoted("2016-tw-29-qd-dvdn247", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations] == [("29-QĐ/TW", "Ban Chấp hành Trung ương")]


def test_do_x_ban_hanh_is_the_issuer_of_its_lines_first_reference_only():
    """2025-ubnd-danang-2638-qd: a legal site's title "Quyết định 2638/QĐ-UBND năm 2025 bãi bỏ Quyết định
    636/QĐ-UBND ... do Ủy ban nhân dân thành phố Đà Nẵng ban hành": Đà Nẵng issued 2638, not 636 (Quảng Nam's)."""
    snippet = ("Quyết định 2638/QĐ-UBND năm 2025 bãi bỏ Quyết định 636/QĐ-UBND thực hiện mua sắm trang thiết bị dạy và "
               "học bậc trung học phổ thông theo phương thức tập trung trên địa bàn tỉnh Quảng Nam do Ủy ban nhân dân "
               "thành phố Đà Nẵng ban hành")
    _quoted("2025-ubnd-danang-2638-qd", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations] == [("2638/QĐ-UBND", "Ủy ban nhân dân thành phố Đà Nẵng"),
                                                         ("636/QĐ-UBND", None)]


def test_a_purpose_clauses_cue_stays_in_it():
    """2025-ubnd-tuyenquang-08-kh: "Nhằm ... hưởng ứng phong trào thi đua ..., UBND tỉnh xây dựng Kế hoạch ...
    (Kế hoạch số 08/KH-UBND)": the plan responds to no document (the movement is none); it is the subject's, reported."""
    snippet = ("- Nhằm phát huy truyền thống tốt đẹp và hưởng ứng phong trào thi đua chào mừng Đại hội Đảng các cấp tiến "
               "tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, UBND tỉnh xây dựng Kế hoạch tổ chức Lễ phát động "
               "Tết trồng cây Xuân Ất Tỵ năm 2025 (Kế hoạch số 08/KH-UBND).")
    _quoted("2025-ubnd-tuyenquang-08-kh", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.cue, c.issuer) for c in citations] == [("08/KH-UBND", None, "UBND tỉnh")]


ON_BEHALF = [
    # (text id, snippet, symbol, the body it was signed for): the issuer, not the signer
    ("2023-bbt-26-ct-hoanhap", "Thay mặt Ban Bí thư, Thường trực Ban Bí thư Trương Thị Mai đã ký ban hành Chỉ thị số "
     "26-CT/TW ngày 23/11/2023", "26-CT/TW", "Ban Bí thư"),
    ("2022-bct-34-kl-baohanam", "Thay mặt Bộ Chính trị, đồng chí Võ Văn Thưởng, Ủy viên Bộ Chính trị, Thường trực Ban Bí "
     "thư, vừa ký ban hành Kết luận số 34-KL/TW ngày 18/4/2022", "34-KL/TW", "Bộ Chính trị"),
    ("2025-tu-angiang-ct45-dcs", "Ngày 14/4/2025, Tổng Bí thư Tô Lâm thay mặt Bộ Chính trị, ký ban hành Chỉ thị số 45-CT/TW",
     "45-CT/TW", "Bộ Chính trị"),
    # the body's name closed by a stray "." before the signer
    ("2016-tw-04-nq-hutech", "Ngày 30-10-2016, thay mặt BCH Trung ương Đảng Cộng sản Việt Nam khóa XII. Tổng Bí thư Nguyễn "
     "Phú Trọng đã ký ban hành Nghị quyết số 04-NQ/TW", "04-NQ/TW", "BCH Trung ương Đảng Cộng sản Việt Nam khóa XII"),
]


@pytest.mark.parametrize("text_id, snippet, symbol, issuer", ON_BEHALF, ids=[c[0] for c in ON_BEHALF])
def test_a_document_signed_on_a_bodys_behalf_is_the_bodys(text_id, snippet, symbol, issuer):
    _quoted(text_id, snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations] == [(symbol, issuer)]


PROPOSERS = [
    # (text id, snippet, symbol, issuer): the proposer before "tại", its name wrapped over lines
    ("2025-ubnd-langson-2512-qd", "*Theo đề nghị của\n**Giám đốc Sở Nông nghiệp và\nMôi trường tại Tờ trình số "
     "955/TTr-SNNMT ngày 19/11/2025.*", "955/TTr-SNNMT", "Giám đốc Sở Nông nghiệp và Môi trường"),
    ("2025-bnnmt-9476-cv", "của cử tri tỉnh Hà Tĩnh do Ủy ban Dân nguyện và Giám sát Quốc hội khóa XV chuyển\nđến tại Văn "
     "bản số 1691/UBDNGS15 ngày 28 tháng 10 năm 2025", "1691/UBDNGS15", "Ủy ban Dân nguyện và Giám sát Quốc hội khóa XV"),
    # a wrap before " - " is left unread rather than read as a second proposer "Xã hội"
    ("2021-ubnd-binhdinh-1528-qd", "Theo đề nghị của Sở Lao động\n- Thương binh và Xã hội tại Tờ trình số 92/TTr-SLĐTBXH",
     "92/TTr-SLĐTBXH", None),
]


@pytest.mark.parametrize("text_id, snippet, symbol, issuer", PROPOSERS, ids=[c[0] for c in PROPOSERS])
def test_proposers_named_over_wrapped_lines(text_id, snippet, symbol, issuer):
    _quoted(text_id, snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations] == [(symbol, issuer)]


def test_an_issuer_named_between_the_type_and_the_number():
    """2004-vptw-11-hd-phonha: the older Party style "Quyết định của Bộ Chính trị số31-QĐ/TW, ngày 01-10-1997" (the
    number glued to "số"); a type word right before the number keeps the issuer after it (2023-tu-kontum-ctr-nq45)."""
    snippet = ("Thi hành Điều 2 Quyết định của Bộ Chính trị số31-QĐ/TW, ngày 01-10-1997 ban hành Quy định “về thể loại, "
               "thẩm quyền banhành và thể thức văn bản của Đảng” và Điều 2 Quyết định của Ban Bí thư số91-QĐ/TW, ngày "
               "16-02-2004 bổ sung")
    _quoted("2004-vptw-11-hd-phonha", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.doc_type, c.issuer, c.date) for c in citations] == [
        ("31-QĐ/TW", "Quyết định", "Bộ Chính trị", "1997-10-01"), ("91-QĐ/TW", "Quyết định", "Ban Bí thư", "2004-02-16")]
    snippet = ("Chương trình của Ban Chấp hành Đảng bộ tỉnh Khóa XVI thực hiện Nghị quyết số 45-NQ/TW, ngày 24-11-2023 của "
               "Ban Chấp hành Trung ương Đảng")
    _quoted("2023-tu-kontum-ctr-nq45", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer, c.cue) for c in citations] == [("45-NQ/TW", "Ban Chấp hành Trung ương Đảng", "thuc_hien")]


ISSUER_ENDS = [
    # (text id, snippet, symbol, issuer): the issuer ends where its subject starts with no "về"
    ("2025-ubnd-camau-0219-kh", "thay thế Kế hoạch 84/KH-UBND năm 2025 của Ủy ban nhân dân tỉnh Cà Mau xây dựng và phát "
     "triển nhà ở xã hội", "84/KH-UBND", "Ủy ban nhân dân tỉnh Cà Mau"),
    ("2025-ubnd-phutho-100-qd", "*Căn cứ Nghị định số\n147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ quản lý, "
     "cung cấp,", "147/2024/NĐ-CP", "Chính phủ"),
    ("2014-ttg-275-qd-thuviennhadat", "Nghị quyết số 53-NQ/TW ngày 29 tháng 8 năm 2005 của Bộ Chính trị khóa IX đẩy\nmạnh "
     "phát triển kinh tế - xã hội", "53-NQ/TW", "Bộ Chính trị khóa IX"),
    ("2025-ubnd-daklak-02200-qd", "Quyết định số 0151/QĐ-UBND ngày 03/7/2025 của Chủ\ntịch UBND tỉnh hết hiệu lực kể từ "
     "ngày", "0151/QĐ-UBND", "Chủ tịch UBND tỉnh"),
    # a comma inside the ministry's name (usually "Lao động - Thương binh")
    ("2014-ubnd-kontum-2516-kh", "Công văn số 2928/LĐTBXH-BVCSTE ngày 12/8/2014 của Bộ Lao động, Thương binh và Xã hội "
     "vềviệc triển khai", "2928/LĐTBXH-BVCSTE", "Bộ Lao động, Thương binh và Xã hội"),
]


@pytest.mark.parametrize("text_id, snippet, symbol, issuer", ISSUER_ENDS, ids=[c[0] for c in ISSUER_ENDS])
def test_an_issuer_ends_where_its_subject_starts(text_id, snippet, symbol, issuer):
    _quoted(text_id, snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations][:1] == [(symbol, issuer)]


def test_a_year_naming_a_symbol_is_part_of_it():
    """2025-ubnd-camau-0219-kh, a legal site's list: "Kế hoạch 0219/KH-UBND năm 2025 thay thế Kế hoạch 84/KH-UBND năm
    2025 của ..." (the year names the plan, it dates nothing): 84 is replaced by 0219, nested in it."""
    snippet = ("5. Kế hoạch 0219/KH-UBND năm 2025 thay thế Kế hoạch 84/KH-UBND năm 2025 của Ủy ban nhân dân tỉnh Cà Mau xây "
               "dựng và phát triển nhà ở xã hội")
    _quoted("2025-ubnd-camau-0219-kh", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.date, c.cue, c.via) for c in citations] == [("0219/KH-UBND", None, None, None),
                                                                    ("84/KH-UBND", None, "thay_the", 0)]
    assert citations[0].text == "Kế hoạch 0219/KH-UBND năm 2025"


def test_a_year_split_by_a_space():
    """2022-ubnd-soctrang-135-kh: a legal site's cell wrapped inside the year ("ngày 16/7/20 21"), as "tháng 0 6" in
    2018-ttg-773-qd: the date is read, and the issuer after it."""
    snippet = ("Căn cứ Quyết định số\n24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ quy định quy trình rà\nsoát hộ "
               "nghèo")
    _quoted("2022-ubnd-soctrang-135-kh", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.date, c.issuer) for c in citations] == [("24/2021/QĐ-TTg", "2021-07-16", "Thủ tướng Chính phủ")]


def test_a_sites_note_of_a_later_document_is_no_citation():
    """2009-ubnd-bacgiang-119-qd: vanbanphapluat.co writes above the decision "Quyết định 119/QĐ-UBND bổ sung thủ tục
    hành chính đã được thay thế bởi Quyết định 366/QĐ-UBND ..." (2015): the 2009 text cites its bases only."""
    body = _source("2009-ubnd-bacgiang-119-qd")
    if body is None:
        pytest.skip("2009-ubnd-bacgiang-119-qd.txt is not in the development set")
    record = extract_text(body)
    assert record.doc is not None and record.doc.symbol == "119/QĐ-UBND"
    symbols = [c.symbol for c in record.citations]
    assert "366/QĐ-UBND" not in symbols and {"285/CCTTHC", "81/QĐ-UBND"} <= set(symbols)


def test_an_items_own_amendment_stays_a_citation():
    """2025-ctubnd-gialai-44-qd: "Luật ... số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15" cites both:
    the amended law is another document than the text."""
    snippet = "Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15;"
    _quoted("2025-ctubnd-gialai-44-qd", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [c.symbol for c in citations] == ["15/2017/QH14", "56/2024/QH15"]


STEERING = "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"


@pytest.mark.parametrize("text_id, snippet, symbol", [
    # its field holds commas and "và"; it ends before the subject's "về" and before "đã có"
    ("2026-bbt-09-qc-ts24", "- Căn cứ Thông báo số 05-TB/BCĐTW, ngày 04/7/2025 của Ban Chỉ đạo Trung ương về phát triển "
     "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số về kết luận của đồng chí Tổng Bí thư", "05-TB/BCĐTW"),
    ("2025-bcdtw-01-kh", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đã "
     "có Kế hoạch 01-KH/BCĐTW năm 2025 triển khai", "01-KH/BCĐTW"),
], ids=["after-cua", "news-subject"])
def test_a_steering_committee_named_by_its_field(text_id, snippet, symbol):
    _quoted(text_id, snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations] == [(symbol, STEERING)]


def test_the_joint_signers_politburo_and_secretariat_are_one_issuer():
    """2025-btgdvtw-36-kh-evn, 2025-bct-191-kl-vtcnews: "của Bộ Chính trị, Ban Bí thư" (as annotated)."""
    snippet = "Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị, Ban Bí thư"
    _quoted("2025-btgdvtw-36-kh-evn", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.issuer) for c in citations] == [("137-KL/TW", "Bộ Chính trị, Ban Bí thư")]
    snippet = "ký ban hành Kết luận 191 của Bộ Chính trị, Ban Bí thư về tiếp tục"
    _quoted("2025-bct-191-kl-vtcnews", snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.number, c.issuer) for c in citations] == [("191", "Bộ Chính trị, Ban Bí thư")]


URGENT = [
    # (text id, snippet, symbol, issuer): an urgency mark between the type word and "số" ("Công điện khẩn số")
    ("2022-tu-thanhhoa-07-cd-vtec", "Ngày 19-2-2022, Ban Thường vụ Tỉnh ủy Thanh Hóa đã ban hành Công điện khẩn số 07 - CĐ/TU "
     "về tăng cường", "07-CĐ/TU", "Ban Thường vụ Tỉnh ủy Thanh Hóa"),
    ("2018-ubnd-nghean-12-cd-tin", "Vào lúc 10h00 ngày 21/7, Chủ tịch UBND tỉnh Nghệ An vừa có công điện khẩn số 12/CĐ.UBND "
     "về khắc phục", "12/CĐ.UBND", "Chủ tịch UBND tỉnh Nghệ An"),
]


@pytest.mark.parametrize("text_id, snippet, symbol, issuer", URGENT, ids=[c[0] for c in URGENT])
def test_an_urgent_telegram_keeps_its_type_word_and_issuer(text_id, snippet, symbol, issuer):
    _quoted(text_id, snippet)
    citations, _ = find_citations(normalize(snippet))
    assert [(c.symbol, c.doc_type, c.issuer) for c in citations] == [(symbol, "Công điện", issuer)]


def test_an_urgent_telegrams_headline_is_the_numbered_one():
    """2022-tu-thanhhoa-07-cd-vtec: the headline "Công điện khẩn của Ban Thường vụ Tỉnh ủy Thanh Hóa: ..." names
    07-CĐ/TU (now read with its issuer), no second, unnumbered telegram."""
    body = _source("2022-tu-thanhhoa-07-cd-vtec")
    if body is None:
        pytest.skip("2022-tu-thanhhoa-07-cd-vtec.txt is not in the development set")
    record = extract_text(body)
    assert [c.symbol for c in record.citations][:1] == ["07-CĐ/TU"] and record.unnumbered == ()


def test_named_laws_without_a_number_are_unnumbered_references():
    """2020-ubnd-binhthuan-1766-qd: two laws named and dated, the second an amending law whose title
    names two more (its own words, not citations of this text)."""
    snippet = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật Sửa đổi, bổ sung một số Điều của "
               "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;")
    _quoted("2020-ubnd-binhthuan-1766-qd", snippet)
    citations, unnumbered = find_citations(normalize(snippet))
    assert citations == []
    assert [(u.doc_type, u.date, u.cue, u.issuer) for u in unnumbered] == [
        ("Luật", "2015-06-19", "can_cu", None), ("Luật", "2019-11-22", "can_cu", None)]


def test_a_colon_lead_gives_no_cue_to_an_item_whose_number_stands_alone():
    """2025-ubnd-quangngai-1617-qd: "Ủy quyền ... thực hiện nhiệm vụ ..., cụ thể:\n1. Cấp, ..." reads "1." as a
    sentence of its own; a lead ending in ":" governs only bulleted items, so the prose verb "thực hiện" is not
    given to the decree the item names (only a bases heading governs such items)."""
    snippet = ("nhiệm vụ trong lĩnh vực quản lý chất lượng nông lâm sản và thủy sản, cụ thể:\n1. Cấp, thu hồi Giấy "
               "chứng\nnhận cơ sở đủ điều kiện an toàn thực phẩm quy định tại khoản 6 Điều 38 Nghị\nđịnh số "
               "15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ")
    _quoted("2025-ubnd-quangngai-1617-qd", snippet)
    got, _ = find_citations(normalize(snippet))
    assert [c.symbol for c in got] == ["15/2018/NĐ-CP"] and got[0].cue != "thuc_hien"


def test_a_law_named_with_its_date_glued_on():
    """2012-ttg-719-qd: "Luật tổ chức Chính phủngày 25 tháng 12 năm 2001" (a line join lost its space)."""
    snippet = "Căn cứ Luật tổ chức Chính phủngày 25 tháng 12 năm 2001;"
    _quoted("2012-ttg-719-qd", snippet)
    citations, unnumbered = find_citations(normalize(snippet))
    assert citations == []
    assert [(u.doc_type, u.date, u.cue) for u in unnumbered] == [("Luật", "2001-12-25", "can_cu")]


@pytest.mark.parametrize("text_id, snippet, symbols", [
    # a commemoration names history, not a reference: no "Lời kêu gọi" of UBND tỉnh
    ("2018-sonv-langson-70nam-thidua",
     "hướng tới kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi Thi đua ái quốc (11/6/1948 - 11/6/2018) và "
     "chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX", ["238/UBND-KGVX"]),
    # a headline naming the telegram before its number is that telegram
    ("2021-btvtu-thanhhoa-07-cd",
     "Công điện của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo, chỉ đạo triển khai quyết liệt các biện pháp phòng, "
     "chống dịch Covid-19 trên địa bàn tỉnh\n\nBan Thường vụ Tỉnh ủy vừa ban hành công điện số 07-CĐ/TU", ["07-CĐ/TU"]),
], ids=["anniversary", "headline-of-a-numbered-telegram"])
def test_unnumbered_names_that_are_no_other_reference(text_id, snippet, symbols):
    _quoted(text_id, snippet)
    citations, unnumbered = find_citations(normalize(snippet))
    assert [c.symbol for c in citations] == symbols
    assert unnumbered == []


def test_an_unnumbered_telegram_of_another_issuer_stays():
    """Made up beside 2021-btvtu-thanhhoa-07-cd: a telegram of another body is another document."""
    snippet = ("Thực hiện Công điện của Thủ tướng Chính phủ về phòng, chống dịch, Ban Thường vụ Tỉnh ủy vừa ban hành "
               "công điện số 07-CĐ/TU")
    citations, unnumbered = find_citations(normalize(snippet))
    assert [c.symbol for c in citations] == ["07-CĐ/TU"]
    assert [(u.doc_type, u.issuer) for u in unnumbered] == [("Công điện", "Thủ tướng Chính phủ")]


# -- headers --------------------------------------------------------------------------------------

HEADERS = [
    # (text id, case, the header's first characters, expected type, symbol, date)
    ("2020-ubnd-binhthuan-1766-qd", "legal-site-markdown-table", None, "Quyết định", "1766/QĐ-UBND", "2020-08-03"),
    ("2025-ubnd-hanoi-72-qd", "so-and-date-split-over-lines", None, "Quyết định", "72/2025/QĐ-UBND", "2025-11-27"),
    ("2018-vptw-36-hd-docplayer", "no-line-breaks", None, "Hướng dẫn", "36-HD/VPTW", "2018-04-03"),
    ("2021-byt-5556-qd", "no-line-breaks-lost-hyphen", None, "Quyết định", "5556/QĐ-BYT", "2021-12-04"),
    ("2025-cucthue-5253-cv", "vv-marks-cong-van", None, "Công văn", "5253/CT-CS", "2025-11-17"),
    ("2025-ttg-1589-qd", "appendix-title-far-below", None, "Quyết định", "1589/QĐ-TTg", "2025-07-24"),
    ("2022-tu-thuathienhue-445-kl", "tu-slip-in-header", None, "Kết luận", "445-KL/TU", "2022-05-13"),
    ("2018-ttg-773-qd", "month-with-a-space", None, "Quyết định", "773/QĐ-TTg", "2018-06-26"),
    ("2019-ubtvqh-653-nq", "type-word-before-so", None, "Nghị quyết", "653/2019/UBTVQH14", "2019-03-12"),
    ("2023-twdtn-btc-hd-kientoan-draft", "place-date-on-the-so-line", None, "Hướng dẫn", None, "2023"),
    ("2026-ubnd-xa-tandoan-langson-tb", "title-only", None, "Thông báo", None, None),
    ("2024-phanrang-decuong-sapxep", "title-line-carrying-the-type", None, "Đề cương", None, None),
    # no line breaks, "***Số:" glued to the emblem, the symbol glued to the issuer's next line ("VPĐOÀN TNCS ...")
    ("2013-twdtn-367-qd-2mit", "no-line-breaks-symbol-glued-to-the-next-line", None, "Quyết định", "367-QĐ/TWĐTN-VP",
     "2013-10-29"),
]


@pytest.mark.parametrize("text_id, case, _unused, doc_type, symbol, date", HEADERS, ids=[h[1] for h in HEADERS])
def test_real_header_layouts(text_id, case, _unused, doc_type, symbol, date):
    body = _source(text_id)
    if body is None:
        pytest.skip(f"{text_id}.txt is not in the development set")
    record = extract_text(body)
    assert record.doc is not None
    assert (record.doc.doc_type, record.doc.symbol, record.doc.date) == (doc_type, symbol, date)
    if symbol:  # a document never cites itself
        assert symbol not in [c.symbol for c in record.citations]


def test_a_header_run_together_keeps_its_place_and_cites_not_its_own_symbol():
    """2013-twdtn-367-qd-2mit: "Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29 tháng 10 năm 2013":
    the place is Hà Nội, and the Số line (read as 367-QĐ/TWĐTN, its glued tail dropped) is no citation."""
    body = _source("2013-twdtn-367-qd-2mit")
    if body is None:
        pytest.skip("2013-twdtn-367-qd-2mit.txt is not in the development set")
    record = extract_text(body)
    assert record.doc is not None and record.doc.place == "Hà Nội"
    assert [c.symbol for c in record.citations] == ["84-QĐ/TWĐTN", "1836-QĐ/TWĐTN"]


def test_an_editors_line_before_the_title_keeps_an_article():
    """2021-tu-phuyen-10-nq-songcau: a page presenting a resolution ("Ban biên tập giới thiệu toàn
    văn Nghị quyết số 10-NQ/TU ...") before its title is an article, the resolution its citation."""
    body = _source("2021-tu-phuyen-10-nq-songcau")
    if body is None:
        pytest.skip("2021-tu-phuyen-10-nq-songcau.txt is not in the development set")
    record = extract_text(body)
    assert record.doc is None
    assert "10-NQ/TU" in [c.symbol for c in record.citations]
