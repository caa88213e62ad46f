"""Table tests for the header's and the folded-text patterns (loaders/patterns.py): real lines, and
near misses that must not match."""

from __future__ import annotations

import pytest

from chidao.loaders import patterns as P

CASES = [
    # (pattern, text, expected group or True for a match, None for no match)
    ("EMBLEM_RE", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("EMBLEM_RE", "ĐẢNG CỘNG SẢN VIỆT NAM", True),
    ("EMBLEM_RE", "Độc lập - Tự do - Hạnh phúc", True),
    ("EMBLEM_RE", "Đảng bộ tỉnh Lai Châu", None),
    ("PLACE_DATE_RE", "Lai Châu, ngày 10 tháng 5 năm 2021", ("place", "Lai Châu")),
    ("PLACE_DATE_RE", "Tam Đường, ngày 09 tháng 7 năm 2021", ("place", "Tam Đường")),
    ("PLACE_DATE_RE", "Thực hiện Công văn số 62/LĐLĐ, ngày 10/5/2021", None),
    ("TITLE_RE", "KẾ HOẠCH", ("title", "KẾ HOẠCH")),
    ("TITLE_RE", "** CÔNG ĐIỆN **", ("title", "CÔNG ĐIỆN")),
    ("TITLE_RE", "Kế hoạch thực hiện", None),
    ("VV_RE", "V/v tăng cường phòng, chống dịch Covid-19", ("subject", "tăng cường phòng, chống dịch Covid-19")),
    ("KINH_GUI_RE", "Kính gửi: Các huyện ủy, thành ủy", ("rest", "Các huyện ủy, thành ủy")),
    ("NOI_NHAN_RE", "Nơi nhận:", ("rest", "")),
    ("SIGN_TITLE_RE", "T/M BAN THƯỜNG VỤ", True),
    ("SIGN_TITLE_RE", "KT. CHỦ TỊCH", True),
    ("SIGN_TITLE_RE", "Nguyễn Văn A", None),
    ("PERSON_NAME_RE", "Nguyễn Văn Hùng", True),
    ("PERSON_NAME_RE", "nguyễn văn hùng", None),
    ("BULLET_RE", "- Như trên;", True),
    ("BULLET_RE", "2) Lưu VT.", True),
    ("BODY_ISSUER_RE", "Vì vậy, Ban Thường vụ LĐLĐ tỉnh yêu cầu các cấp công đoàn", ("who", "Ban Thường vụ LĐLĐ tỉnh")),
    ("ROLE_PREFIX_RE", "Ban Thường vụ Tỉnh ủy", True),
    ("ROLE_SUFFIX_RE", "Tỉnh ủy Ban Thường vụ", True),
    ("YOUTH_RE", "BCH Đoàn huyện Tam Đường", True),
    ("AGENCY_ABBREVIATION_RE", "UBND huyện", True),
    ("AGENCY_ABBREVIATION_RE", "UBNDX", None),
    ("AGENCY_CASING_RE", "ủy ban nhân dân huyện", True),
    ("UNIT_RE", "huyện Tam Đường", ("name", "Tam Đường")),
    ("UNIT_RE", "xã hội", None),
    ("PARENT_HEAD_RE", "ĐẢNG ỦY KHỐI CƠ QUAN", True),
    ("PARENT_HEAD_RE", "TỈNH LAI CHÂU", None),
    ("NOT_LETTER_RE", "UBND TỈNH 12", True),
    ("NOT_LETTER_RE", "UBND", None),
    ("DANGLING_UNIT_RE", "Ủy ban nhân dân tỉnh", True),
    ("DANGLING_UNIT_RE", "Ủy ban nhân dân tỉnh Lai Châu", None),
    ("ROLE_ONLY_RE", "Ban Thường vụ", True),
    ("ROLE_ONLY_RE", "Ban Thường vụ Tỉnh ủy", None),
    ("BOARD_RE", "Ban Tuyên giáo Tỉnh ủy", True),
    ("COMMITTEE_RE", "Huyện ủy Tam Đường", True),
    ("COMMITTEE_RE", "Huyện đoàn Tam Đường", None),
    ("UNIT_PHRASE_RE", "Ủy ban nhân dân thị trấn Phong Thổ", True),
    ("UNIT_PHRASE_RE", "các xã, thị trấn", None),
    ("COLUMN_GAP_RE", "TỈNH ỦY LAI CHÂU      ĐẢNG CỘNG SẢN VIỆT NAM", True),
    ("COLUMN_GAP_RE", "TỈNH ỦY LAI CHÂU ĐẢNG", None),
    ("PARENT_PLACE_RE", "ĐẢNG BỘ TỈNH BẾN TRE", (1, "BẾN TRE")),
    ("SEMICOLON_SPLIT_RE", "a; b", True),
    # Real layouts (issue 16), quoted from tests/data/real (text id in the comment).
    ("TITLE_RE", "# THÔNG BÁO", ("title", "THÔNG BÁO")),  # 2025-vpcp-tb-ketluan-ocr
    ("TITLE_LEAD_RE", "ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ GIAI ĐOẠN 2023-2025",
     ("title", "ĐỀ CƯƠNG")),  # 2024-phanrang-decuong-sapxep
    ("TITLE_LEAD_RE", "Thông báo Lịch tiếp công dân của UBND xã Tân Đoàn năm 2026", None),  # a headline, not caps
    ("BODY_OPENING_RE", "I. Căn cứ pháp lý", True),  # 2024-phanrang-decuong-sapxep
    ("BODY_OPENING_RE", "Ban biên tập giới thiệu toàn văn Nghị quyết", None),
    ("CELL_BAR_RE", "| Số: 1766/QĐ-UBND | Bình Thuận, ngày 3 tháng 8 năm 2020 |", True),  # 2020-ubnd-binhthuan-1766-qd
    ("FLAT_BREAK_RE", "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG * Số 36-HD/VPTW ĐẢNG CỘNG SẢN VIỆT NAM", True),  # 2018-vptw-36-hd-docplayer
    ("FLAT_BREAK_RE", "về việc thực hiện nhiệm vụ năm 2021", None),
    ("PLACE_ON_LINE_RE", "Số: - HD/TWĐTN-BTC Hà Nội, ngày tháng năm 2023", True),  # 2023-twdtn-btc-hd-kientoan-draft
    ("PLACE_ON_LINE_RE", "Số: 12/QĐ-UBND", None),
    ("FLAT_BREAK_RE", "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN", True),  # 2013-twdtn-367-qd-2mit: "***" glued
    ("FLAT_BREAK_RE", "BAN CHẤP HÀNH TRUNG ƯƠNG***", None),
    # the place's words are capitalised: the line run together before it is no part of it (2013-twdtn-367-qd-2mit)
    ("PLACE_ON_LINE_RE", "VP ĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29 tháng 10 năm 2013", True),
    ("PLACE_ON_LINE_RE", "ĐOÀN TNCS HỒ CHÍ MINH, ngày 29 tháng 10 năm 2013", None),
    ("NAMED_LAW_BEFORE_RE", "Luật Tổ chức chính quyền địa phương ", ("type", "Luật")),  # 2025-ttg-1589-qd
    ("NAMED_LAW_BEFORE_RE", "*Căn cứ Luật Tổ chức\nchính quyền địa phương ", ("type", "Luật")),  # 2025-hdnd-hanoi-56-nq
    ("NAMED_LAW_BEFORE_RE", "Căn cứ Luật tiếp công dân ", ("type", "Luật")),  # 2025-ubnd-xa-tayson-gialai-tb
    ("NAMED_LAW_BEFORE_RE", "TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG ", ("type", "LUẬT")),  # 2025-ttg-1589-qd
    ("NAMED_LAW_BEFORE_RE", "Căn cứ Luật Đất đai;\n*Căn cứ Nghị định ", None),  # a clause break: another document
    ("NAMED_LAW_BEFORE_RE", "Căn cứ Nghị định ", None),
    ("NEWS_DATE_BEFORE_RE", "\nNgày 23/8/2017, Tỉnh Ủy Thừa Thiên Huế đã ban hành ", True),  # 2017-tu-thuathienhue-27-ctr
    ("NEWS_DATE_BEFORE_RE", "\nNgày 23/8/2017, Tỉnh Ủy họp. Các cấp ủy thực hiện ", None),
    ("LIST_HEADER_RE", "Căn cứ các Thông tư của Bộ trưởng, Chủ nhiệm Văn\nphòng Chính phủ: ",  # 2025-ubnd-langson-2512-qd
     ("issuer", "Bộ trưởng, Chủ nhiệm Văn\nphòng Chính phủ")),
    ("LIST_HEADER_RE", "triển khai thực hiện 04 Nghị quyết của Bộ Chính trị, gồm: ",  # 2025-bct-nq59-72-nghean24h
     ("issuer", "Bộ Chính trị")),
    ("LIST_HEADER_RE", "năm 2024 Nghị quyết của HĐND tỉnh: ", None),  # a year, not a count
    ("ISSUER_AFTER_RE", " năm 2025 của Ban Tuyên giáo và Dân vận Trung ương về tuyên truyền",  # 2025-dudcp-309-cv
     ("issuer", "Ban Tuyên giáo và Dân vận Trung ương")),
    ("ISSUER_AFTER_RE", " năm 2025 về việc triển khai", None),
    ("ISSUER_BEFORE_RE", "-19\n\nNgày 16/4/2020 Ủy ban nhân dân tỉnh ban hành ",  # 2020-ctubnd-hungyen-11-ct
     ("issuer", "Ủy ban nhân dân tỉnh")),
    ("LIST_ITEM_RE", "a) Quyết định số", True),  # 2025-ubnd-phutho-100-qd
    ("LIST_ITEM_RE", "- Chỉ thị số 45-CT/TW", True),  # 2018-btgtw-hd-kyniem-2019-vinhuni
    ("LIST_ITEM_RE", "Quyết định số 12", None),
    ("LIST_LEAD_TAIL_RE", "Quyết định này thay thế\ncác Quyết định sau đây:\n", True),  # 2025-ubnd-phutho-100-qd
    ("LIST_LEAD_TAIL_RE", "2. Bãi bỏ các Quyết định\nsau:", True),  # 2025-ubnd-daklak-032-qd
    ("LIST_LEAD_TAIL_RE", "Căn cứ:", None),
    ("CONGRESS_RESOLUTION_RE", "triển khai thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030",
     ("issuer", "Đại hội Đảng bộ xã lần thứ I")),  # 2025-ubtvqh-1686-nq-badinh
    ("CONGRESS_RESOLUTION_RE", "thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, góp phần",
     ("issuer", "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng")),  # 2021-twdtn-26-ctr-nqxiii
    ("CONGRESS_RESOLUTION_RE", "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIV gắn với", ("issuer", "Đại hội Đảng toàn quốc lần thứ XIV")),
    ("CONGRESS_RESOLUTION_RE", "thực hiện Nghị quyết số 18-NQ/TW", None),
    ("CONGRESS_ORDINAL_RE", "Đại hội XIV của Đảng", True),
    ("CONGRESS_ORDINAL_RE", "Đại hội đại biểu Đảng bộ tỉnh Nghệ An khóa XX", True),
    ("CONGRESS_ORDINAL_RE", "Đại hội các cấp", None),  # "Nghị quyết Đại hội các cấp": no one congress
    ("SHARED_DATE_GAP_RE", " và ", True),  # 2017-ubnd-ubmttq-daklak-01-qcph: "217-QĐ/TW và Quyết định số 218-QĐ/TW ngày ..."
    ("SHARED_DATE_GAP_RE", " của Bộ Chính trị; ", None),
    ("REPORTED_BEFORE_RE", "Ban Tổ chức Trung ương đã ban hành ", True),  # 2025-btctw-31-hd-vietnamplus
    ("REPORTED_BEFORE_RE", "Bộ Nội vụ đã có ", True),  # 2025-bnv-10989-cv
    ("REPORTED_BEFORE_RE", "ban hành kèm theo ", None),
    ("CODE_JOIN_RE", "BNN& MT-KH", True),
    ("CODE_JOIN_RE", "UBND", None),
    ("ASSEMBLY_CODE_RE", "QH15", True),  # 72/2025/QH15
    ("ASSEMBLY_CODE_RE", "QĐ", None),
    ("OPINION_RE", " ý kiến của Ban Tổ chức Trung ương ", True),  # 2025-bnv-10989-cv
    ("OPINION_RE", " nhiệm vụ được giao ", None),
    ("UNIT_WORD_RE", "Ủy ban MTTQ Việt Nam tỉnh Đắk Nông", True),
    ("UNIT_WORD_RE", "Bộ Chính trị", None),
    ("TU_SLIP_RE", "79-KH/TƯ", True),  # 2020-tu-dienbien-79-kh-dienbientv
    ("TU_SLIP_RE", "79-KH/TU", None),
    ("PROVINCIAL_COMMITTEE_RE", "Ban Thường vụ Tỉnh ủy", True),
    ("PROVINCIAL_COMMITTEE_RE", "Ban Thường vụ Huyện ủy", None),
    ("CODE_SEPARATOR_RE", "QCPH/UBND-LĐLĐ", True),  # 2017-ubnd-ubmttq-daklak-01-qcph
    ("CODE_SEPARATOR_RE", "HĐND", None),
    ("GLUED_SYMBOL_RE", "Quyết định số782-QĐ/HU", True),  # the form issue 16 names ("số782-QĐ/HU")
    ("GLUED_SYMBOL_RE", "Quyết định số 782-QĐ/HU", None),
    ("SLIP_SYMBOL_RE", "57-NQ TW, ngày 22/12/2024", True),  # 2025-ubtwmttq-baocao-t3-danviet: "số 57-NQ TW"
    ("SLIP_SYMBOL_RE", "61 QĐ/TWĐTN", True),
    ("SLIP_SYMBOL_RE", "100 người tham gia", None),
    ("SLIP_AFTER_SO_RE", "Nghị quyết số ", True),
    ("SLIP_AFTER_SO_RE", "có ", None),
    ("ISSUER_TAI_BEFORE_RE", "Xét đề nghị của Giám đốc Sở Nội vụ tại ", ("issuer", "Giám đốc Sở Nội vụ")),  # 2019-ubnd-thanhhoa-1649-qd
    ("ISSUER_TAI_BEFORE_RE", "được quy định tại ", None),
    # a name wrapped after its "và" (2025-ubnd-langson-2512-qd); "và Xã hội" ends a wrapped name, no second proposer
    # (2021-ubnd-binhdinh-1528-qd); "do X chuyển đến tại" (2025-bnnmt-9476-cv)
    ("ISSUER_TAI_BEFORE_RE", "*Theo đề nghị của\n**Giám đốc Sở Nông nghiệp và\nMôi trường tại ",
     ("issuer", "Giám đốc Sở Nông nghiệp và\nMôi trường")),
    ("ISSUER_TAI_BEFORE_RE", "Theo đề nghị của Sở Lao động\n- Thương binh và Xã hội tại ", None),
    ("ISSUER_TAI_BEFORE_RE", "do Ủy ban Dân nguyện và Giám sát Quốc hội khóa XV chuyển\nđến tại ",
     ("issuer", "Ủy ban Dân nguyện và Giám sát Quốc hội khóa XV")),
    ("NAMED_LAW_RE", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",  # 2020-ubnd-binhthuan-1766-qd
     ("name", "Tổ chức chính quyền địa phương")),
    ("NAMED_LAW_RE", "Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;", None),  # 2019-ubtvqh-653-nq: numbered
    ("NAMED_LAW_RE", "theo quy định của pháp luật năm 2020", None),
    # the word opens after no word character, though the lookbehind now stands after its first letter
    ("NAMED_LAW_RE", "Căn cứ Bộ luật Lao động ngày 20/11/2019;", ("type", "Bộ luật")),  # the Labour Code of 20/11/2019, as decisions cite it
    ("NAMED_LAW_RE", "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09/12/2020;", ("type", "Pháp lệnh")),
    ("NAMED_LAW_RE", "chínhLuật Tổ chức Chính phủ ngày 19/6/2015", None),  # a PDF's lost space: no law named here
    ("TYPE_BEFORE_RE", "Thực hiện Kế hoạch số ", ("type", "Kế hoạch")),
    ("TYPE_BEFORE_RE", "Thực hiệnKế hoạch số ", None),  # glued to the word before: not its type word
    ("TYPE_THEN_NUMBER_RE", "theo Chỉ thị ", ("type", "Chỉ thị")),
    ("TYPE_THEN_NUMBER_RE", "theo hướng dẫn\n\n", None),  # a section number on the next line
    # folded text
    ("AGENCY_ROLE_RE", "ban thuong vu tinh uy lai chau", True),
    ("AGENCY_ROLE_RE", "chu tich nuoc", None),
    ("TRAILING_UNIT_RE", "uy ban nhan dan huyen", (1, "huyen")),
    ("TRAILING_UNIT_RE", "uy ban nhan dan huyen tam duong", None),
    ("LAST_UNIT_WORD_RE", "dang uy xa", (1, "xa")),
    ("PLACE_WORD_RE", "ubnd thi tran phong tho", (1, "thi tran")),
    ("PLACE_WORD_RE", "hoi nong dan", None),
    ("PARENTHESES_RE", "So Y te (nay la So Y te - Dan so)", True),
    ("GROUP_BODY_RE", "uy ban nhan dan cac xa, thi tran", ("units", "xa, thi tran")),
    ("GROUP_BODY_RE", "uy ban nhan dan huyen", None),
    ("CENTRAL_GROUP_RE", "cac tinh uy, thanh uy truc thuoc trung uong", ("committees", "tinh uy, thanh uy")),
    ("CENTRAL_GROUP_RE", "uy ban nhan dan cac tinh, thanh pho truc thuoc trung uong", ("head", "uy ban nhan dan")),
    ("CENTRAL_GROUP_RE", "cac huyen uy, thanh uy truc thuoc", None),
    ("CENTRAL_GROUP_RE", "cac tinh uy truc thuoc", None),
    ("GROUP_COMMITTEE_RE", "cac huyen uy, thanh uy, dang uy truc thuoc", True),
    ("GROUP_UNIT_RE", "xa, thi tran", True),
    ("UNIT_IN_TEXT_RE", "theo huyen uy tam duong ", ("word", "huyen uy")),
    ("COMMUNE_WORD_RE", "dang uy xa binh lu", True),
    ("COMMUNE_WORD_RE", "dang uy huyen tam duong", None),
    ("SLUG_BREAK_RE", "ba ria - vung tau", True),
    ("PLACE_TOKEN_RE", "ba ria - vung tau", True),
    ("YEAR_PREFIX_RE", "2021-06-11", True),
    ("YEAR_PREFIX_RE", "06/2021", None),
    ("NUMBER_REF_RE", "ket luan so 07", ("number", "07")),
    ("NUMBER_REF_RE", "kl 07", ("type", "kl")),
    ("NUMBER_REF_RE", "07-kl/tw", None),
    ("BARE_NUMBER_REF_RE", "so: 07", True),
    ("YEAR_RE", "nam 2021", True),
    ("YEAR_RE", "so 12021", None),
    ("ISSUER_TAIL_RE", "ket luan 07 cua bo chinh tri", ("issuer", "bo chinh tri")),
    ("DATE_WORDS_RE", "bo chinh tri ngay 11/6/2021", True),
    ("PATH_LIKE_RE", "./plan.docx", True),
    ("PATH_LIKE_RE", "07-KL/TW", None),
    # fresh3 (tests/data/real/fresh3): the bases heading, split-off item numbers, congress keys, commemorations,
    # reported lists
    ("BASES_HEADING_RE", "KẾ HOẠCH\nI. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH", True),   # 2022-ubnd-tiengiang-383-kh
    ("BASES_HEADING_RE", "I. Căn cứ pháp lý", True),                        # 2024-phanrang-decuong-sapxep
    ("BASES_HEADING_RE", "Căn cứ Quyết định số 605/QĐ-UBND", None),        # a basis, not a heading
    ("BASES_HEADING_RE", "các đơn vị căn cứ tình hình thực tế", None),      # not at a line's start
    ("ITEM_NUMBER_ONLY_RE", "\n1.", True),
    ("ITEM_NUMBER_ONLY_RE", "1. Quyết định số 924/QĐ-TTg", None),
    ("CONGRESS_KEY_NOISE_RE", "dai hoi dai bieu dang bo xa sao vang lan thu i", True),
    ("CONGRESS_KEY_NOISE_RE", "dai hoi dang bo tinh lan thu xviii", None),
    ("ANNIVERSARY_BEFORE_RE", "hướng tới kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra ", True),  # 2018-sonv-langson-70nam-thidua
    ("ANNIVERSARY_BEFORE_RE", "Thực hiện ", None),
    ("REPORTED_LIST_BEFORE_RE", "đã ban hành các văn bản làm cơ sở để địa phương thực hiện thống nhất như: ", True),
    ("REPORTED_LIST_BEFORE_RE", "để địa phương thực hiện thống nhất như: ", None),
    ("ATTACHED_BEFORE_RE", "nhiệm kỳ 2012 - 2017 ban hành kèm theo ", True),   # 2013-twdtn-367-qd-2mit
    ("ATTACHED_BEFORE_RE", "theo ", None),
    ("SEPARATOR_RE", "NĂM 2024\nKính gửi: Quốc hội\nThực hiện ", True),      # 2025-cp-300-bc
    ("PLENUM_RESOLUTION_RE", "theo Nghị quyết Trung ương 4 (khóa XII) của Đảng.",    # 2021-btgtu-laocai-18-hd
     ("issuer", "Trung ương 4 (khóa XII) của Đảng")),
    ("PLENUM_RESOLUTION_RE", "thực hiện NQ Hội nghị Trung ương 4 (khóa XI) gắn với",  # 2012-hu-thuanbac-tw4-xi
     ("plenum", "4")),
    ("PLENUM_RESOLUTION_RE", "Nghị quyết Hội nghị lần thứ tư, Ban Chấp hành Trung ương Đảng khóa XI về",
     ("plenum_nth", "tư")),                                                       # 2012-hu-hamthuannam-tw4-xi
    ("PLENUM_RESOLUTION_RE", "Nghị quyết Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 11, khóa XIII",
     ("term", "XIII")),
    ("PLENUM_RESOLUTION_RE", "Nghị quyết TW4 khóa 11 ra đời", ("term", "11")),      # VOH (baomoi.com)
    ("PLENUM_RESOLUTION_RE", "Nghị quyết Trung ương 4 về xây dựng Đảng", None),     # no term: no one plenum
    ("PLENUM_RESOLUTION_RE", "kết quả Hội nghị Trung ương 4 (khóa XII)", None),     # the meeting
    ("PLENUM_RESOLUTION_RE", "các Nghị quyết Hội nghị Trung ương 4 (khóa XI)", None),
    ("PLENUM_RESOLUTION_RE", "Nghị quyết Hội nghị Trung ương 8 khóa XI số 29-NQ/TW", None),  # a numbered one's head
    ("CHARTER_RE", "Căn cứ Điều lệ Đảng;", ("body", "Đảng")),                          # 2016-tw-29-qd-dieule
    ("CHARTER_RE", "Căn cứ Điều lệ Đoàn và Chương trình công tác", ("body", "Đoàn")),  # 2021-twdtn-411-kh-daihoi
    ("CHARTER_RE", "bổ sung, sửa đổi Điều lệ Câu Lạc bộ", None),                       # 2018-hccb-gialai-kh-clb: a club's
    ("CHARTER_SUBJECT_BEFORE_RE", "Quy định 29-QĐ/TW năm 2016 thi hành ", True),        # 2016-tw-29-qd-dvdn247
    ("CHARTER_SUBJECT_BEFORE_RE", "Căn cứ ", None),
    ("CONSTITUTION_RE", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;", ("year", "2013")),
    ("CONSTITUTION_RE", "phù hợp với Hiến pháp và pháp luật", None),                   # no one document named
    ("WORKING_RULES_RE", "căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XIII, "
     "trước mắt", ("issuer", "Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XIII")),  # 2024-bct-tb-suckhoe-vnanet
    ("WORKING_RULES_RE", "ban hành Quy chế làm việc của Chính phủ;", None),            # 2025-cp-385-nq: no term
    ("ISSUER_DO_AFTER_RE", " năm 2016 về công tác nhân sự cấp ủy do Ban Tổ chức Trung ương ban hành",  # 2017-tld-134-hd-nhansu
     ("issuer", "Ban Tổ chức Trung ương")),
    ("ISSUER_DO_AFTER_RE", " do Bộ Chính trị quyết định thành lập", None),              # "do X" the subject's agent
    ("PURPOSE_CLAUSE_RE", "Tết trồng cây\n- Nhằm phát huy truyền thống tốt đẹp và hưởng ứng phong trào thi đua, UBND tỉnh "
     "xây dựng Kế hoạch", ("subject", "UBND tỉnh")),                                     # 2025-ubnd-tuyenquang-08-kh
    ("PURPOSE_CLAUSE_RE", "Thực hiện Kế hoạch số 21/KH-UBND, UBND xã xây dựng Kế hoạch", None),  # no purpose
    ("ON_BEHALF_BEFORE_RE", "Thay mặt Ban Bí thư, Thường trực Ban Bí thư Trương Thị Mai đã ký ban hành ",
     ("issuer", "Ban Bí thư")),                                                          # 2023-bbt-26-ct-hoanhap
    ("ON_BEHALF_BEFORE_RE", "Thường trực Ban Bí thư Trương Thị Mai đã ký ban hành ", None),  # no body named
    ("TYPE_OF_ISSUER_BEFORE_RE", "Thi hành Điều 2 Quyết định của Bộ Chính trị số", ("issuer", "Bộ Chính trị")),  # 2004-vptw-11-hd
    ("TYPE_OF_ISSUER_BEFORE_RE", "các Nghị quyết của Hội đồng nhân dân tỉnh: số", None),   # a list's header
    ("NAMED_YEAR_AFTER_RE", " năm 2025 thay thế Kế hoạch", True),                     # 2025-ubnd-camau-0219-kh
    ("NAMED_YEAR_AFTER_RE", " năm 2025/QĐ", None),
    ("TYPE_BEFORE_RE", "Ban Thường vụ Tỉnh ủy Thanh Hóa đã ban hành Công điện khẩn số ", ("type", "Công điện")),
    ("LATER_DOCUMENT_BEFORE_RE", " bổ sung thủ tục hành chính đã được thay thế bởi ", True),  # 2009-ubnd-bacgiang-119-qd
    ("LATER_DOCUMENT_BEFORE_RE", " thay thế ", None),
    # news items and legal-site pages (fresh7; loaders/news.py, tests/test_news_forms.py)
    ("ON_BEHALF_BEFORE_RE", "thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND tỉnh Tuyên Quang Nguyễn "
     "Thanh đã ký ban hành ", ("issuer", "Chủ tịch UBND tỉnh Tuyên Quang")),     # 2018-ubnd-tuyenquang-3653-cv-tin
    ("SIGNER_AFTER_OFFICE_RE", "Thủ tướng Chính phủ Phạm Minh Chính", ("office", "Thủ tướng Chính phủ")),  # 210/CĐ-TTg
    ("SIGNER_AFTER_OFFICE_RE", "Chủ tịch UBND tỉnh Nguyễn Hoài Anh", ("name", "Nguyễn Hoài Anh")),  # 208/QĐ-UBND
    ("SIGNER_AFTER_OFFICE_RE", "Ban Thường vụ Tỉnh ủy Hà Giang", None),                # no office at the head
    ("UNIT_WORD_AT_END_RE", "Chủ tịch UBND thành phố", True),
    ("UNIT_WORD_AT_END_RE", "Chủ tịch UBND thành phố Hà Nội", None),
    ("REPORTED_AT_BEFORE_RE", "Theo đó, tại ", True),                                  # 2025-bct-328-qd-cafef
    ("REPORTED_AT_BEFORE_RE", "- Tại Khoản 1, Điều 19, ", None),                       # 2022-ubkt-hoidap-22-qd-scribd
    ("REPORTED_SUBJECT_AFTER_RE", ", Bộ Chính trị quyết định thành lập", ("issuer", "Bộ Chính trị")),
    ("REPORTED_SUBJECT_AFTER_RE", " của Ban Chấp hành Trung ương về công tác", None),
    ("RELATED_ITEM_RE", "- 1Quyết định 672/QĐ-UBND phê duyệt điều chỉnh Kế hoạch sử dụng đất năm 2024", True),
    ("RELATED_ITEM_RE", "- 1. Quyết định số 672/QĐ-UBND", None),                       # an enumerated item
    ("COUNTED_PROPOSER_RE", "do Bộ Nội vụ trình tại 34 tờ trình. Cụ thể:", ("issuer", "Bộ Nội vụ")),  # 2025-cp-126-nq
    ("COUNTED_PROPOSER_RE", "do Bộ Nội vụ trình.", None),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_header_pattern(name, text, expected):
    m = getattr(P, name).search(text)
    if expected is None:
        assert m is None, m
    elif expected is True:
        assert m is not None
    else:
        group, value = expected
        assert m is not None and m.group(group).strip() == value


def test_every_header_and_folded_pattern_has_a_case():
    start = P.__all__.index("EMBLEM_RE")
    patterns = {name for name in P.__all__[start:] if name.endswith("_RE")}
    assert len(patterns) > 40 and patterns <= {c[0] for c in CASES}


def test_the_folded_unit_words_are_the_unit_words_folded():
    from chidao.loaders.normalize import fold
    from chidao.loaders.vocabulary import UNIT_WORDS

    assert P.FOLDED_UNIT_WORDS == tuple(fold(w) for w in UNIT_WORDS) and "thi tran" in P.FOLDED_UNIT_WORDS
    assert P.FOLDED_TYPE_WORDS["kl"] == "Kết luận" and P.FOLDED_TYPE_WORDS["ket luan"] == "Kết luận"
