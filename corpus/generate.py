"""Deterministic synthetic corpus of Vietnamese Party and State directives.

``generate_corpus(outdir, n_docs, seed)`` writes ``n_docs`` plain-text documents
(``outdir/<province-slug>/<bucket>/<nnnnnn>.txt``, at most 1,000 files per folder;
central documents go under ``trung-uong``) and ``outdir/truth.jsonl`` with one JSON
object per written document: its identity and every citation the text makes, each
with the truth key of the cited document.

Identity (see ../shared/DOMAIN.md §3): a document's key is
``"<normalised symbol>|<scope>|<year>"`` where scope is ``VN`` for central issuers,
the province (``Lai Châu``) for province issuers, ``Lai Châu/Tam Đường`` for
district issuers and, for commune issuers, ``Lai Châu/Tam Đường/Bình Lư`` (see
``COMMUNE_SCOPE_INCLUDES_COMMUNE``).

How the corpus is built: "campaigns" in rough chronological order. A campaign has
a topic and a sector (party, state, health, union, youth, front) and usually a
central root document (sometimes only a stub that is cited but not written); a
number of provinces implement it, some of each province's districts implement the
province document and some communes implement the district document, each after a
lag. Numbers come from per-(scope, symbol family, year) counters driven by the day
of the year, so the same local symbol recurs in many provinces in the same year
while keys stay unique. Everything is drawn from one ``random.Random(seed)``; the
text banks are fixed module data; output is byte-identical for the same arguments.
"""
from __future__ import annotations

import json
import math
import os
import random
import time
import unicodedata
import zlib
from datetime import date
from pathlib import Path
from typing import Callable

__all__ = ["generate_corpus", "truth_key", "normalise_symbol"]

# --------------------------------------------------------------------------- settings
#: Commune documents are scoped to province/district/commune.  With False the scope
#: is province/district (the same as the district's) and the number counters of a
#: district are shared by its communes so that keys still never collide.
COMMUNE_SCOPE_INCLUDES_COMMUNE = True
MAX_FILES_PER_DIR = 1000
MIN_BYTES = 2048
MAX_BYTES = 30 * 1024
PROGRESS_EVERY = 1000
_ROOT_START = date(2016, 1, 1).toordinal()
_ROOT_END = date(2024, 12, 31).toordinal()
_CAP = date(2025, 6, 30).toordinal()   # before the 1 July 2025 reform

# noise rates (per document unless said otherwise)
P_NFD = 0.02
P_OLD_TONE = 0.05
P_ETH = 0.02           # "Ð" (U+00D0) typed for "Đ" throughout the file
P_SYM_SPACE = 0.04     # per symbol mention
P_SYM_DASH = 0.03      # per symbol mention
P_SYM_OCR = 0.015      # per symbol mention: ƯBND / TƯ
P_DRAFT = 0.05         # of leaf documents
P_ARTICLE = 0.02
P_DECOY = 0.25
P_PAGEBREAK = 0.08


def normalise_symbol(s: str) -> str:
    """The normalised form used in the truth: no spaces, plain hyphen, U+0110."""
    s = s.replace(" ", "").replace("\u2013", "-").replace("\u2014", "-").replace("\u00d0", "\u0110")
    return unicodedata.normalize("NFC", s)


def truth_key(symbol: str, scope: str, year: int) -> str:
    return f"{symbol}|{scope}|{year}"


# --------------------------------------------------------------------------- vocabulary
TYPE_NAMES = {
    "CV": "Công văn", "KH": "Kế hoạch", "CT": "Chỉ thị", "NQ": "Nghị quyết", "KL": "Kết luận",
    "HD": "Hướng dẫn", "TB": "Thông báo", "QĐ": "Quyết định", "CĐ": "Công điện",
    "NĐ": "Nghị định", "TT": "Thông tư", "CTr": "Chương trình",
}
TYPE_TITLES = {k: v.upper() for k, v in TYPE_NAMES.items()}
TYPE_PLURAL_OK = ("NQ", "QĐ", "CT", "KL", "CV", "KH", "CĐ", "NĐ", "TT")

# cue words: (text at the start of a sentence, cue id)
CUES_IMPL = [("Thực hiện", "thuc_hien")] * 6 + [("Triển khai thực hiện", "thuc_hien"), ("Triển khai", "thuc_hien"),
             ("Quán triệt", "thuc_hien"), ("Tiếp tục thực hiện", "thuc_hien")]
CUES_BASIS = [("Căn cứ", "can_cu")]
CUES_RESP = [("Hưởng ứng", "huong_ung")]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Lò", "Giàng", "Sùng", "Hà", "Đinh", "Tạ", "Lương", "Triệu", "Mai", "Cao",
            "Lường", "Vàng", "Quàng", "Trịnh", "Đoàn", "Lâm", "Tống", "Kiều", "Thạch", "Danh"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân", "Công", "Hồng", "Thu",
           "Kim", "Anh", "Trọng", "Bá", "Đình", "A", "Seo", "Thị Thu", "Văn Hải", "Thị Hồng", "Mạnh", "Tiến"]
GIVENS = ["Hùng", "Lan", "Dũng", "Hương", "Tuấn", "Hải", "Nga", "Bình", "Sơn", "Hà", "Thảo", "Cường",
          "Long", "Mai", "Phong", "Tâm", "Trung", "Vinh", "Yến", "Giang", "Khánh", "Lực", "Nghĩa", "Páo",
          "Chinh", "Thắng", "Hiền", "Thủy", "Hòa", "Quý", "Lộc", "Toàn", "Huệ", "Phượng", "Chiến", "Dua",
          "Tính", "Sử", "Khoa", "Nhung", "Tuyết", "Định"]
STREETS = ["Trần Phú", "Lê Lợi", "Nguyễn Huệ", "Hùng Vương", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt",
           "Điện Biên Phủ", "Trần Hưng Đạo", "Võ Nguyên Giáp", "Nguyễn Trãi", "Lê Duẩn", "Phan Đình Phùng"]

# Unnumbered but specific acts: (text template, doc_type, issuer, (y, m, d) or None, cue)
LAWS = [  # public facts: name and date of adoption
    ("Luật Tổ chức chính quyền địa phương", (2015, 6, 19)),
    ("Luật Ban hành văn bản quy phạm pháp luật", (2015, 6, 22)),
    ("Luật Tổ chức Chính phủ", (2015, 6, 19)),
    ("Luật Phòng, chống bệnh truyền nhiễm", (2007, 11, 21)),
    ("Luật Phòng, chống thiên tai", (2013, 6, 19)),
    ("Luật An toàn thực phẩm", (2010, 6, 17)),
    ("Luật Lâm nghiệp", (2017, 11, 15)),
    ("Luật Nghĩa vụ quân sự", (2015, 6, 19)),
    ("Luật Phòng, chống tham nhũng", (2018, 11, 20)),
    ("Luật Thi đua, khen thưởng", (2003, 11, 26)),
    ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", (2019, 11, 22)),
]

# --------------------------------------------------------------------------- topics
# Each topic: id, years, cores (subject cores), objects (things to act on), sentences.
TOPICS = [
    dict(id="covid", years=(2020, 2022), ministry="BYT", cores=[
        "công tác phòng, chống dịch Covid-19", "các biện pháp cấp bách phòng, chống dịch Covid-19",
        "phòng, chống dịch Covid-19 trong tình hình mới", "công tác khai báo y tế, truy vết phòng, chống dịch Covid-19"],
        objects=["việc khai báo y tế và truy vết các trường hợp tiếp xúc gần", "công tác cách ly y tế tập trung",
                 "việc thực hiện thông điệp 5K tại nơi công cộng", "công tác xét nghiệm sàng lọc trong cộng đồng",
                 "các chốt kiểm soát dịch bệnh tại cửa ngõ ra vào địa bàn", "việc bảo đảm vật tư, trang thiết bị y tế phục vụ chống dịch",
                 "công tác điều trị người mắc Covid-19 tại nhà"],
        sentences=["Không tổ chức các hoạt động tập trung đông người khi chưa thật sự cần thiết; trường hợp phải tổ chức thì người chủ trì chịu trách nhiệm về bảo đảm an toàn phòng dịch.",
                   "Các trường hợp đi về từ vùng có dịch phải chủ động khai báo với Trạm Y tế nơi cư trú và thực hiện cách ly theo hướng dẫn của cơ quan chuyên môn.",
                   "Tổ Covid cộng đồng tăng cường giám sát người ra vào địa bàn, kịp thời phát hiện các trường hợp có biểu hiện ho, sốt, khó thở để báo cho cơ sở y tế gần nhất.",
                   "Bảo đảm đủ cơ số thuốc, hóa chất, sinh phẩm xét nghiệm theo phương châm bốn tại chỗ, không để bị động khi dịch bùng phát.",
                   "Đấu tranh, phản bác các thông tin sai sự thật về dịch bệnh trên không gian mạng, xử lý nghiêm các trường hợp cố tình lan truyền tin giả gây hoang mang dư luận."]),
    dict(id="vaccine", years=(2021, 2022), ministry="BYT", cores=[
        "chiến dịch tiêm vắc xin phòng Covid-19", "đẩy nhanh tiến độ tiêm vắc xin phòng Covid-19",
        "tiêm mũi nhắc lại vắc xin phòng Covid-19 cho người dân"],
        objects=["công tác rà soát, lập danh sách đối tượng tiêm chủng", "việc tổ chức các điểm tiêm chủng an toàn",
                 "việc bảo quản, vận chuyển vắc xin theo đúng quy trình", "công tác xử trí phản ứng sau tiêm",
                 "việc vận động người dân đi tiêm đầy đủ các mũi"],
        sentences=["Mỗi điểm tiêm phải bố trí đủ nhân lực khám sàng lọc, theo dõi sau tiêm và có đội cấp cứu lưu động sẵn sàng hỗ trợ.",
                   "Các xã, phường, thị trấn cập nhật danh sách người đã tiêm lên hệ thống quản lý tiêm chủng ngay trong ngày.",
                   "Ưu tiên tiêm cho người cao tuổi, người có bệnh nền và lực lượng tuyến đầu, không để sót đối tượng trong diện tiêm."]),
    dict(id="digital", years=(2019, 2025), ministry="BTTTT", cores=[
        "công tác chuyển đổi số", "xây dựng chính quyền số", "phát triển kinh tế số và xã hội số",
        "ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước"],
        objects=["việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "hệ thống quản lý văn bản và điều hành",
                 "việc cung cấp dịch vụ công trực tuyến toàn trình", "hoạt động của các tổ công nghệ số cộng đồng",
                 "công tác bảo đảm an toàn thông tin mạng", "việc thanh toán không dùng tiền mặt"],
        sentences=["Mỗi cơ quan, đơn vị phân công một lãnh đạo trực tiếp phụ trách chuyển đổi số và một cán bộ đầu mối theo dõi, tổng hợp.",
                   "Các tổ công nghệ số cộng đồng đến từng hộ gia đình hướng dẫn người dân cài đặt, sử dụng các ứng dụng thiết yếu.",
                   "Văn bản điện tử được ký số và gửi nhận trên môi trường mạng, trừ văn bản mật theo quy định.",
                   "Tỷ lệ hồ sơ giải quyết trực tuyến là một tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của người đứng đầu."]),
    dict(id="ntm", years=(2016, 2025), ministry=None, cores=[
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "xây dựng xã nông thôn mới nâng cao",
        "phong trào thi đua cả nước chung sức xây dựng nông thôn mới"],
        objects=["việc huy động nguồn lực xây dựng hạ tầng giao thông nông thôn", "các tiêu chí về môi trường và cảnh quan",
                 "chương trình mỗi xã một sản phẩm", "việc phát triển sản xuất gắn với tiêu thụ nông sản",
                 "các thiết chế văn hóa thôn, bản"],
        sentences=["Nhân dân hiến đất, góp công làm đường giao thông nội đồng cần được ghi nhận, biểu dương kịp thời.",
                   "Rà soát từng tiêu chí chưa đạt, xác định rõ lộ trình, nguồn lực và người chịu trách nhiệm hoàn thành.",
                   "Tránh chạy theo thành tích, nợ đọng xây dựng cơ bản trong thực hiện chương trình."]),
    dict(id="disaster", years=(2016, 2025), ministry=None, cores=[
        "công tác phòng, chống thiên tai và tìm kiếm cứu nạn", "chủ động ứng phó với mưa lũ, sạt lở đất",
        "khắc phục hậu quả mưa lũ, ổn định đời sống nhân dân"],
        objects=["phương án sơ tán dân khỏi khu vực nguy hiểm", "việc kiểm tra an toàn hồ đập, công trình thủy lợi",
                 "công tác trực ban phòng, chống thiên tai", "lực lượng, phương tiện cứu hộ, cứu nạn",
                 "việc dự trữ lương thực, thuốc men tại các khu vực dễ bị chia cắt"],
        sentences=["Tuyệt đối không để người dân đi qua ngầm tràn, khu vực nước chảy xiết khi chưa bảo đảm an toàn.",
                   "Trực ban nghiêm túc 24/24 giờ, báo cáo kịp thời diễn biến và thiệt hại do thiên tai gây ra.",
                   "Chủ động di dời các hộ dân sống ở ven sông, suối, chân taluy có nguy cơ sạt lở đến nơi an toàn."]),
    dict(id="election", years=(2016, 2016), ministry=None, cores=[
        "cuộc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp", "công tác chuẩn bị bầu cử"],
        objects=["việc lập và niêm yết danh sách cử tri", "công tác hiệp thương giới thiệu người ứng cử",
                 "việc bảo đảm an ninh, trật tự tại các khu vực bỏ phiếu", "công tác tuyên truyền về ngày bầu cử"],
        sentences=["Danh sách cử tri phải được niêm yết đúng thời gian, tạo điều kiện để cử tri kiểm tra, phát hiện sai sót.",
                   "Các tổ bầu cử chuẩn bị chu đáo hòm phiếu, phiếu bầu và tài liệu theo đúng hướng dẫn."]),
    dict(id="election21", years=(2021, 2021), ministry=None, cores=[
        "cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026"],
        objects=["việc lập và niêm yết danh sách cử tri", "công tác hiệp thương giới thiệu người ứng cử",
                 "việc bảo đảm an toàn phòng dịch tại các điểm bỏ phiếu"],
        sentences=["Các tổ bầu cử bố trí khu vực bỏ phiếu bảo đảm giãn cách, có nước sát khuẩn và khẩu trang dự phòng cho cử tri."]),
    dict(id="traffic", years=(2016, 2025), ministry=None, cores=[
        "bảo đảm trật tự, an toàn giao thông", "kiềm chế, giảm tai nạn giao thông",
        "tăng cường xử lý vi phạm nồng độ cồn khi tham gia giao thông"],
        objects=["công tác tuần tra, kiểm soát trên các tuyến trọng điểm", "việc xử lý các điểm đen về tai nạn giao thông",
                 "việc chấp hành quy định đội mũ bảo hiểm", "hoạt động kinh doanh vận tải hành khách"],
        sentences=["Xử lý nghiêm, không có vùng cấm đối với các trường hợp vi phạm nồng độ cồn, kể cả cán bộ, đảng viên.",
                   "Các trường học phối hợp với phụ huynh không để học sinh chưa đủ tuổi điều khiển xe mô tô đến trường."]),
    dict(id="tet", years=(2016, 2025), ministry=None, cores=[
        "tổ chức đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm", "chăm lo Tết cho các gia đình chính sách, hộ nghèo"],
        objects=["việc thăm hỏi, tặng quà các gia đình chính sách", "công tác bình ổn giá cả thị trường dịp Tết",
                 "việc tổ chức các hoạt động văn hóa, thể thao mừng Đảng, mừng Xuân", "công tác phòng, chống cháy nổ dịp Tết"],
        sentences=["Không tổ chức đi chúc Tết cấp trên, không dùng ngân sách nhà nước, phương tiện công vào hoạt động lễ hội trái quy định.",
                   "Bảo đảm mọi người, mọi nhà đều có Tết, không để hộ gia đình nào thiếu đói trong dịp Tết."]),
    dict(id="hcm", years=(2016, 2025), ministry=None, cores=[
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "xây dựng các mô hình học tập và làm theo gương Bác"],
        objects=["việc đăng ký và thực hiện nội dung làm theo của cán bộ, đảng viên", "công tác nhân rộng các điển hình tiên tiến",
                 "việc đưa nội dung học tập vào sinh hoạt chi bộ định kỳ"],
        sentences=["Mỗi cán bộ, đảng viên đăng ký ít nhất một việc làm cụ thể gắn với chức trách, nhiệm vụ được giao.",
                   "Người đứng đầu phải thực sự gương mẫu, nói đi đôi với làm, để cán bộ, đảng viên và nhân dân noi theo."]),
    dict(id="corruption", years=(2016, 2025), ministry=None, cores=[
        "công tác phòng, chống tham nhũng, tiêu cực", "kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn"],
        objects=["việc công khai, minh bạch trong hoạt động của cơ quan, đơn vị", "công tác giải quyết đơn thư khiếu nại, tố cáo",
                 "việc kê khai tài sản, thu nhập", "công tác thanh tra, kiểm tra trên các lĩnh vực dễ phát sinh tiêu cực"],
        sentences=["Kiên quyết xử lý nghiêm các hành vi nhũng nhiễu, gây phiền hà cho người dân và doanh nghiệp.",
                   "Việc kê khai tài sản, thu nhập phải trung thực, đúng thời hạn và được công khai theo quy định."]),
    dict(id="poverty", years=(2016, 2025), ministry=None, cores=[
        "thực hiện mục tiêu giảm nghèo bền vững", "rà soát hộ nghèo, hộ cận nghèo"],
        objects=["các chính sách hỗ trợ sinh kế cho hộ nghèo", "việc rà soát, phân loại hộ nghèo, hộ cận nghèo",
                 "chương trình hỗ trợ nhà ở cho hộ nghèo", "công tác đào tạo nghề, giải quyết việc làm"],
        sentences=["Việc rà soát hộ nghèo phải công khai, dân chủ, có sự tham gia của Ban công tác Mặt trận ở khu dân cư.",
                   "Khuyến khích các hộ thoát nghèo bền vững, không để tái nghèo do thiếu việc làm hoặc thiên tai."]),
    dict(id="admin", years=(2016, 2025), ministry="BNV", cores=[
        "đẩy mạnh cải cách hành chính", "nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
        "siết chặt kỷ luật, kỷ cương hành chính trong cơ quan nhà nước"],
        objects=["việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông", "công tác kiểm soát thủ tục hành chính",
                 "việc đánh giá mức độ hài lòng của người dân", "tinh thần, thái độ phục vụ của đội ngũ cán bộ, công chức"],
        sentences=["Hồ sơ trễ hạn phải có văn bản xin lỗi người dân, tổ chức và nêu rõ lý do, thời hạn trả kết quả.",
                   "Cán bộ, công chức có biểu hiện né tránh, đùn đẩy trách nhiệm sẽ bị xem xét, xử lý theo quy định."]),
    dict(id="fire", years=(2016, 2025), ministry=None, cores=[
        "tăng cường công tác phòng cháy, chữa cháy", "phòng cháy, chữa cháy tại khu dân cư và nhà ở kết hợp kinh doanh"],
        objects=["việc kiểm tra an toàn phòng cháy tại các cơ sở kinh doanh", "mô hình tổ liên gia an toàn phòng cháy",
                 "phương tiện chữa cháy tại chỗ", "việc tập huấn kỹ năng thoát nạn cho người dân"],
        sentences=["Các hộ gia đình kinh doanh phải trang bị bình chữa cháy và bố trí lối thoát nạn thứ hai.",
                   "Thực hiện nghiêm quy định về quản lý, sử dụng điện, không để hàng hóa dễ cháy gần nguồn nhiệt."]),
    dict(id="forest", years=(2016, 2025), ministry=None, cores=[
        "tăng cường quản lý, bảo vệ và phát triển rừng", "phòng cháy, chữa cháy rừng mùa khô"],
        objects=["công tác tuần tra, bảo vệ rừng tại gốc", "việc giao khoán bảo vệ rừng cho cộng đồng",
                 "việc xử lý các vụ phá rừng, lấn chiếm đất rừng", "công tác trồng rừng thay thế"],
        sentences=["Chủ rừng phải xây dựng phương án phòng cháy, chữa cháy rừng và bố trí lực lượng trực trong những ngày nắng nóng.",
                   "Mọi hành vi chặt phá, vận chuyển lâm sản trái phép đều phải được phát hiện và xử lý kịp thời."]),
    dict(id="asf", years=(2019, 2020), ministry=None, cores=[
        "phòng, chống bệnh Dịch tả lợn châu Phi", "kiểm soát dịch bệnh trên đàn gia súc, gia cầm"],
        objects=["việc giám sát, phát hiện sớm ổ dịch", "công tác tiêu hủy lợn bệnh đúng quy trình",
                 "việc kiểm soát vận chuyển, giết mổ gia súc", "công tác tiêu độc, khử trùng chuồng trại"],
        sentences=["Không giấu dịch, không bán chạy lợn bệnh, không vứt xác động vật chết ra môi trường.",
                   "Chốt kiểm dịch động vật hoạt động thường xuyên, kiểm soát chặt chẽ gia súc từ địa phương khác đến."]),
    dict(id="military", years=(2016, 2025), ministry=None, cores=[
        "công tác tuyển chọn và gọi công dân nhập ngũ", "tổ chức giao, nhận quân bảo đảm chất lượng"],
        objects=["việc khám sức khỏe nghĩa vụ quân sự", "công tác đăng ký nghĩa vụ quân sự cho công dân trong độ tuổi",
                 "chính sách hậu phương quân đội", "việc tổ chức lễ giao nhận quân"],
        sentences=["Việc xét duyệt công dân nhập ngũ phải công khai, dân chủ, đúng luật, không để xảy ra tiêu cực.",
                   "Quan tâm động viên gia đình thanh niên lên đường nhập ngũ, nhất là các gia đình có hoàn cảnh khó khăn."]),
    dict(id="drugs", years=(2016, 2025), ministry=None, cores=[
        "phòng, chống và kiểm soát ma túy", "xây dựng xã, phường, thị trấn không có ma túy"],
        objects=["công tác quản lý người nghiện và người sử dụng trái phép chất ma túy", "việc cai nghiện tại gia đình và cộng đồng",
                 "các đợt cao điểm tấn công, trấn áp tội phạm ma túy"],
        sentences=["Phát huy vai trò của người có uy tín trong cộng đồng vận động người nghiện tự nguyện cai nghiện.",
                   "Không để hình thành các điểm, tụ điểm phức tạp về ma túy trên địa bàn dân cư."]),
    dict(id="ideology", years=(2016, 2025), ministry=None, cores=[
        "bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch", "công tác định hướng dư luận xã hội"],
        objects=["hoạt động của Ban Chỉ đạo 35 các cấp", "công tác nắm bắt tình hình tư tưởng của cán bộ, đảng viên",
                 "việc cung cấp thông tin chính thống trên mạng xã hội", "đội ngũ cộng tác viên dư luận xã hội"],
        sentences=["Kịp thời cung cấp thông tin chính thống để định hướng dư luận, không để các luận điệu xuyên tạc lan rộng.",
                   "Mỗi cán bộ, đảng viên là một tuyên truyền viên, chủ động chia sẻ thông tin tích cực trên không gian mạng."]),
    dict(id="congress", years=(2019, 2020), ministry=None, cores=[
        "tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "công tác chuẩn bị nhân sự đại hội"],
        objects=["việc chuẩn bị văn kiện đại hội", "công tác nhân sự cấp ủy nhiệm kỳ mới", "việc tổ chức đại hội điểm",
                 "công tác bảo đảm an ninh, an toàn cho đại hội"],
        sentences=["Dự thảo văn kiện được gửi lấy ý kiến rộng rãi của cán bộ, đảng viên và nhân dân trước khi trình đại hội.",
                   "Công tác nhân sự phải thực hiện chặt chẽ, đúng quy trình, bảo đảm tính kế thừa, ổn định và phát triển."]),
    dict(id="dengue", years=(2016, 2025), ministry="BYT", cores=[
        "phòng, chống bệnh sốt xuất huyết", "phòng, chống dịch bệnh mùa mưa"],
        objects=["chiến dịch diệt lăng quăng, bọ gậy", "việc giám sát ca bệnh tại cộng đồng", "công tác phun hóa chất diệt muỗi tại ổ dịch"],
        sentences=["Người dân thường xuyên thu dọn vật dụng chứa nước đọng quanh nhà, đậy kín dụng cụ chứa nước sinh hoạt.",
                   "Các cơ sở khám, chữa bệnh sẵn sàng giường bệnh, thuốc và dịch truyền để tiếp nhận bệnh nhân."]),
    dict(id="party", years=(2016, 2025), ministry=None, cores=[
        "tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "nâng cao chất lượng sinh hoạt chi bộ",
        "công tác phát triển đảng viên"],
        objects=["chất lượng sinh hoạt chi bộ định kỳ", "công tác kiểm tra, giám sát của cấp ủy",
                 "việc tự phê bình và phê bình trong cấp ủy", "công tác đánh giá, xếp loại tổ chức đảng và đảng viên"],
        sentences=["Nội dung sinh hoạt chi bộ cần thiết thực, gắn với nhiệm vụ chính trị của cơ quan, đơn vị.",
                   "Kiên quyết đưa ra khỏi Đảng những đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống."]),
    dict(id="anniv", years=(2016, 2025), ministry=None, cores=[
        "tổ chức các hoạt động kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam", "tuyên truyền kỷ niệm các ngày lễ lớn trong năm"],
        objects=["các hoạt động tuyên truyền trực quan", "việc tổ chức gặp mặt, thăm hỏi các đồng chí lão thành cách mạng",
                 "các hoạt động văn hóa, văn nghệ chào mừng"],
        sentences=["Các hoạt động kỷ niệm tổ chức trang trọng, thiết thực, tiết kiệm, tạo không khí phấn khởi trong nhân dân.",
                   "Treo cờ Tổ quốc tại các cơ quan, đơn vị và hộ gia đình trong những ngày kỷ niệm."]),
    dict(id="mass", years=(2016, 2025), ministry=None, cores=[
        "tăng cường công tác dân vận trong tình hình mới", "thực hiện Quy chế dân chủ ở cơ sở"],
        objects=["phong trào thi đua dân vận khéo", "việc tiếp xúc, đối thoại trực tiếp với nhân dân",
                 "công tác nắm tình hình nhân dân ở khu dân cư"],
        sentences=["Cán bộ phải gần dân, hiểu dân, trọng dân và có trách nhiệm với dân, giải quyết dứt điểm những kiến nghị chính đáng.",
                   "Định kỳ tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân."]),
    dict(id="food", years=(2016, 2025), ministry="BYT", cores=[
        "bảo đảm an toàn thực phẩm", "Tháng hành động vì an toàn thực phẩm"],
        objects=["công tác hậu kiểm các cơ sở sản xuất, kinh doanh thực phẩm", "việc phòng ngừa ngộ độc thực phẩm tại bếp ăn tập thể",
                 "việc kiểm soát thực phẩm không rõ nguồn gốc"],
        sentences=["Bếp ăn tập thể phải lưu mẫu thức ăn và ghi chép đầy đủ nguồn gốc nguyên liệu theo quy định.",
                   "Kiên quyết đình chỉ hoạt động các cơ sở vi phạm nghiêm trọng điều kiện bảo đảm an toàn thực phẩm."]),
]
for _cumulative in TOPICS:
    _cumulative["sentences"] = list(_cumulative["sentences"])

SECTORS = [("party", 34), ("state", 30), ("health", 12), ("union", 8), ("youth", 8), ("front", 8)]

# --------------------------------------------------------------------------- generic text
ACTORS = {
    0: ["Các bộ, ngành, cơ quan ngang bộ", "Các tỉnh ủy, thành ủy, đảng đoàn, ban cán sự đảng",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Các ban đảng, đảng ủy trực thuộc Trung ương",
        "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội", "Các cơ quan báo chí, truyền thông",
        "Người đứng đầu các cơ quan, đơn vị, địa phương"],
    1: ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố", "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
        "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh", "Thủ trưởng các cơ quan, đơn vị",
        "Đài Phát thanh - Truyền hình và Báo của tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư", "Văn phòng Ủy ban nhân dân tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy"],
    2: ["Các cơ quan, ban, ngành, đoàn thể huyện", "Ủy ban nhân dân các xã, thị trấn", "Các chi, đảng bộ trực thuộc",
        "Phòng Văn hóa và Thông tin", "Phòng Tài chính - Kế hoạch", "Trung tâm Y tế huyện", "Công an huyện",
        "Ban Chỉ huy Quân sự huyện", "Phòng Nội vụ", "Phòng Giáo dục và Đào tạo",
        "Trung tâm Văn hóa, Thể thao và Truyền thông"],
    3: ["Các chi bộ trực thuộc", "Trưởng các thôn, bản, tổ dân phố", "Công an xã", "Ban Chỉ huy Quân sự xã",
        "Công chức Văn hóa - Xã hội", "Trạm Y tế xã", "Ủy ban Mặt trận Tổ quốc và các đoàn thể xã",
        "Các trường học trên địa bàn", "Đội ngũ cán bộ, công chức xã"],
}
VERBS = ["tập trung lãnh đạo, chỉ đạo thực hiện tốt", "tăng cường công tác kiểm tra, giám sát đối với",
         "chủ động xây dựng kế hoạch cụ thể về", "quán triệt sâu rộng đến cán bộ, đảng viên về",
         "đẩy mạnh thông tin, tuyên truyền về", "bố trí đủ nguồn lực, kinh phí cho",
         "phối hợp chặt chẽ với các lực lượng liên quan trong", "kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong",
         "định kỳ sơ kết, đánh giá kết quả", "nâng cao vai trò, trách nhiệm của người đứng đầu trong",
         "rà soát, bổ sung các giải pháp bảo đảm", "lựa chọn, xây dựng mô hình điểm về",
         "huy động sự tham gia của cả hệ thống chính trị vào", "chỉ đạo các đơn vị trực thuộc triển khai",
         "thường xuyên theo dõi, nắm chắc tình hình liên quan đến", "hướng dẫn, đôn đốc cơ sở thực hiện nghiêm"]
TAILS = ["", " trên địa bàn", ", bảo đảm thiết thực, hiệu quả", ", tránh hình thức, chiếu lệ",
         ", gắn với trách nhiệm của người đứng đầu", " theo chức năng, nhiệm vụ được giao",
         ", kịp thời báo cáo kết quả về cơ quan thường trực", " trong thời gian tới",
         ", phù hợp với điều kiện thực tế của từng địa phương", ", không để bị động, bất ngờ",
         " với tinh thần quyết liệt, chủ động, sáng tạo", ", coi đây là tiêu chí đánh giá thi đua cuối năm"]
GENERIC = [
    "Thời gian qua, các cấp, các ngành đã có nhiều cố gắng trong lãnh đạo, chỉ đạo và đạt được những kết quả bước đầu quan trọng.",
    "Tuy nhiên, việc triển khai ở một số nơi còn chậm, chưa đồng bộ; sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ.",
    "Nguyên nhân chủ yếu là một số cấp ủy, chính quyền chưa nhận thức đầy đủ về vị trí, tầm quan trọng của nhiệm vụ này.",
    "Công tác kiểm tra, đôn đốc chưa thường xuyên, việc sơ kết, rút kinh nghiệm có nơi còn hình thức.",
    "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ cụ thể hóa nội dung phù hợp với tình hình thực tế.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách hằng năm theo phân cấp và các nguồn huy động hợp pháp khác.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời báo cáo để được hướng dẫn, giải quyết.",
    "Định kỳ hằng quý, sáu tháng và cả năm, các đơn vị báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp.",
    "Biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu; phê bình, nhắc nhở những nơi thực hiện chưa nghiêm.",
    "Phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu cấp ủy, cơ quan, đơn vị.",
    "Tăng cường phối hợp giữa cấp ủy, chính quyền với Mặt trận Tổ quốc và các đoàn thể trong tuyên truyền, vận động nhân dân.",
    "Chú trọng đổi mới nội dung, hình thức tuyên truyền, sử dụng hiệu quả hệ thống loa truyền thanh cơ sở và mạng xã hội.",
    "Cơ quan thường trực có trách nhiệm theo dõi, đôn đốc, tổng hợp tình hình và tham mưu sơ kết, tổng kết theo quy định.",
    "Không để xảy ra tình trạng đùn đẩy, né tránh trách nhiệm hoặc chậm trễ trong tổ chức thực hiện.",
    "Các nội dung đã được giao phải có sản phẩm cụ thể, thời gian hoàn thành và người chịu trách nhiệm rõ ràng.",
    "Việc triển khai cần bám sát thực tiễn, lắng nghe ý kiến của nhân dân và điều chỉnh giải pháp kịp thời.",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tăng cường giám sát, phản biện xã hội đối với việc thực hiện.",
    "Đưa kết quả thực hiện vào nội dung đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và cán bộ, công chức hằng năm.",
    "Bảo đảm sự lãnh đạo toàn diện của cấp ủy, sự quản lý, điều hành thống nhất của chính quyền trong suốt quá trình thực hiện.",
    "Những nơi làm tốt cần được tổng kết, nhân rộng; những nơi còn yếu kém phải chỉ rõ nguyên nhân và trách nhiệm.",
    "Lồng ghép nhiệm vụ này với việc thực hiện các chương trình, đề án khác để tránh chồng chéo, lãng phí nguồn lực.",
    "Cán bộ được phân công phụ trách địa bàn thường xuyên xuống cơ sở nắm tình hình, hướng dẫn và hỗ trợ giải quyết khó khăn.",
    "Các cơ quan báo chí mở chuyên trang, chuyên mục, phản ánh kịp thời những cách làm hay, mô hình hiệu quả.",
    "Tập trung giải quyết dứt điểm những vấn đề bức xúc, nổi cộm mà nhân dân quan tâm, không để phát sinh điểm nóng.",
    "Quá trình tổ chức thực hiện phải công khai, minh bạch, đúng quy định của pháp luật và hướng dẫn của cấp trên.",
    "Đội ngũ cán bộ cơ sở cần được tập huấn, bồi dưỡng kiến thức, kỹ năng để đáp ứng yêu cầu nhiệm vụ.",
    "Các đơn vị rà soát, bổ sung quy chế phối hợp, phân công rõ người, rõ việc, rõ thời gian, rõ kết quả.",
    "Tình hình kinh tế - xã hội tiếp tục có bước phát triển, đời sống vật chất và tinh thần của nhân dân từng bước được cải thiện.",
    "Bên cạnh kết quả đạt được, vẫn còn những hạn chế cần khắc phục, nhất là ở các địa bàn vùng sâu, vùng xa.",
    "Yêu cầu các đơn vị nghiêm túc triển khai, kịp thời phản ánh những vấn đề phát sinh vượt thẩm quyền.",
    "Công tác thông tin, báo cáo phải bảo đảm kịp thời, chính xác, đúng thời hạn quy định.",
    "Chủ động dự báo tình hình, xây dựng phương án xử lý các tình huống có thể xảy ra, không để bị động.",
    "Vận động nhân dân tích cực hưởng ứng, đồng thuận, chung tay thực hiện với tinh thần tự giác, trách nhiệm.",
    "Gắn việc thực hiện nhiệm vụ với công tác thi đua, khen thưởng và đánh giá cán bộ cuối năm.",
    "Các huyện, thành phố chỉ đạo cấp xã xây dựng kế hoạch cụ thể, phân công cán bộ phụ trách từng thôn, bản.",
    "Trưởng các thôn, bản, tổ dân phố phổ biến nội dung đến từng hộ gia đình thông qua các cuộc họp dân.",
]
GENERIC_OBJECTS = [
    "công tác thông tin, báo cáo định kỳ", "việc thực hiện nhiệm vụ chính trị của cơ quan, đơn vị",
    "công tác phối hợp giữa các cơ quan, đơn vị", "việc thực hiện quy chế làm việc", "công tác thi đua, khen thưởng",
    "việc thực hiện các nhiệm vụ được giao", "công tác cán bộ", "kỷ luật, kỷ cương hành chính",
]
KH_PURPOSE = [
    "Quán triệt sâu sắc, đầy đủ nội dung, tạo sự thống nhất cao về nhận thức và hành động trong toàn Đảng bộ và nhân dân.",
    "Xác định rõ nhiệm vụ, giải pháp, phân công trách nhiệm cụ thể cho các cơ quan, đơn vị, địa phương tổ chức thực hiện.",
    "Việc triển khai phải nghiêm túc, khoa học, hiệu quả, phù hợp với điều kiện thực tế và gắn với nhiệm vụ chính trị của từng nơi.",
    "Tạo chuyển biến rõ nét về ý thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức và nhân dân.",
    "Phát huy sức mạnh tổng hợp của cả hệ thống chính trị, sự vào cuộc đồng bộ của các cấp, các ngành.",
]
CLOSINGS = {
    "CV": ["Nhận được Công văn này, đề nghị các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.",
           "Đề nghị các đơn vị quan tâm phối hợp thực hiện và báo cáo kết quả về cơ quan thường trực đúng thời gian quy định./.",
           "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện, báo cáo kết quả kịp thời./."],
    "KH": ["Trên đây là Kế hoạch triển khai thực hiện; yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc tổ chức thực hiện./.",
           "Trong quá trình tổ chức thực hiện, nếu có vướng mắc, các đơn vị báo cáo về cơ quan thường trực để tổng hợp, xin ý kiến chỉ đạo./."],
    "CT": ["Yêu cầu các cấp, các ngành nghiêm túc quán triệt và tổ chức thực hiện Chỉ thị này./.",
           "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm tổ chức thực hiện nghiêm Chỉ thị này./."],
    "CTp": ["Chỉ thị này được phổ biến đến chi bộ và đảng viên./."],
    "QĐ": ["Quyết định này có hiệu lực kể từ ngày ký./."],
    "X": ["Yêu cầu các cơ quan, đơn vị, địa phương tổ chức thực hiện nghiêm túc./.",
          "Các cơ quan, đơn vị có liên quan chịu trách nhiệm tổ chức thực hiện./."],
}
REQUESTS = [
    "yêu cầu các cơ quan, đơn vị, địa phương tập trung thực hiện tốt một số nội dung sau:",
    "đề nghị các cấp, các ngành triển khai thực hiện một số nhiệm vụ trọng tâm sau:",
    "yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể thực hiện tốt các nội dung sau:",
    "đề nghị các đơn vị quan tâm chỉ đạo thực hiện một số nội dung cụ thể như sau:",
]
DECOYS = [
    "Mọi thông tin cần trao đổi, đề nghị liên hệ qua số điện thoại {phone} (đồng chí {name}, chuyên viên phụ trách).",
    "Địa điểm: Hội trường tầng 3, trụ sở cơ quan, số {num} đường {street}.",
    "Mức hỗ trợ cho mỗi đơn vị tham gia là {money} đồng, được chi từ nguồn kinh phí hoạt động thường xuyên năm {year}.",
    "Đường dây nóng tiếp nhận phản ánh của người dân: {phone}, hoạt động 24/24 giờ.",
    "Kinh phí được chuyển vào tài khoản số {acct} tại Kho bạc Nhà nước trước ngày {day}/{month}.",
    "Giải thưởng gồm 01 giải nhất trị giá {money} đồng và 02 giải nhì, mỗi giải {money2} đồng.",
    "Theo đề nghị của Giám đốc Sở Nội vụ, Thường trực đã thống nhất bổ sung thành viên Ban Chỉ đạo.",
    "Theo đề nghị của các đơn vị, thời gian tổ chức được điều chỉnh sang tuần thứ hai của tháng {month}.",
    "Thành phần dự họp tập trung tại phòng họp số {small}, nhà {small2}, bắt đầu lúc 14 giờ 00.",
]
OFFICES = ["VX", "KT", "TH", "NC", "KGVX", "TNMT", "KTN"]

_VERB_START = {"tăng", "đẩy", "thực", "triển", "tiếp", "nâng", "tổ", "chủ", "bảo", "khắc", "kiềm", "xây", "phòng,",
               "kiểm", "siết", "chăm", "rà", "phát", "công", "các", "chiến", "cuộc"}
_DATE_FMT_SLASH, _DATE_FMT_DASH, _DATE_FMT_WORDS = 0, 1, 2
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_WFLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


# --------------------------------------------------------------------------- gazetteer
class _Prov:
    __slots__ = ("idx", "name", "full", "word", "is_city", "slug", "districts")


class _Dist:
    __slots__ = ("idx", "prov", "name", "full", "dtype", "word", "communes")


class _Comm:
    __slots__ = ("idx", "dist", "name", "full", "word")


_GAZ: list | None = None


def _slugify(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in s:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def _gazetteer() -> list:
    """The 63 legacy provinces with districts and communes (loaded once)."""
    global _GAZ
    if _GAZ is not None:
        return _GAZ
    from vietnamadminunits.database import query
    rows = query("select province, provinceShort, district, districtShort, districtType, ward, wardShort, "
                 "wardType from admin_units_legacy")
    provs: dict = {}
    for row in rows:
        p = provs.setdefault(row["provinceShort"], {"full": row["province"], "d": {}})
        d = p["d"].setdefault(row["districtShort"], {"full": row["district"], "type": row["districtType"], "w": {}})
        if row["ward"]:
            d["w"][row["wardShort"]] = (row["ward"], row["wardType"])
    out = []
    for pi, pname in enumerate(sorted(provs)):
        pd = provs[pname]
        province = _Prov()
        province.idx, province.name, province.full = pi, pname, pd["full"]
        province.is_city = pd["full"].startswith("Thành phố")
        province.word = "thành phố" if province.is_city else "tỉnh"
        province.slug = _slugify(pname)
        province.districts = []
        for di, dname in enumerate(sorted(pd["d"])):
            dd = pd["d"][dname]
            district = _Dist()
            district.idx, district.prov, district.name, district.full, district.dtype = di, province, dname, dd["full"], dd["type"]
            district.word = {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"}[dd["type"]]
            district.communes = []
            for wi, wname in enumerate(sorted(dd["w"])):
                full, wtype = dd["w"][wname]
                commune = _Comm()
                commune.idx, commune.dist, commune.name, commune.full = wi, district, wname, full
                commune.word = {"Xã": "xã", "Phường": "phường", "Thị trấn": "thị trấn"}.get(wtype, "xã")
                district.communes.append(commune)
            province.districts.append(district)
        out.append(province)
    _GAZ = out
    return out


# --------------------------------------------------------------------------- issuers
class _Issuer:
    __slots__ = ("kind", "level", "lvl", "name", "written", "noplace", "none_ok", "header", "emblem", "sym",
                 "types", "sign", "actor", "place", "scope", "cscope", "prov", "dist", "comm", "folder",
                 "recipients", "copies", "signers", "caps")

    def __init__(self):
        self.none_ok = False


_EMBLEMS = {
    "party": ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    "state": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    "youth": ["ĐOÀN TNCS HỒ CHÍ MINH"],
}


def _cumulative(*pairs):
    """(type code, weight) pairs -> cumulative list."""
    tot, out = 0.0, []
    for code, w in pairs:
        tot += w
        out.append((tot, code))
    return [(c / tot, code) for c, code in out]


def _mk_signers(name: str) -> list:
    rand = random.Random(zlib.crc32(name.encode()))
    return [f"{rand.choice(SURNAMES)} {rand.choice(MIDDLES)} {rand.choice(GIVENS)}" for _ in range(3)]


def _central_issuers() -> dict:
    def make_issuer(kind, name, written, header, emblem, sym, types, sign, actor, caps):
        i = _Issuer()
        i.kind, i.level, i.lvl, i.name = kind, "central", 0, name
        i.written, i.noplace, i.none_ok = written, [], True
        i.header, i.emblem, i.sym, i.types, i.sign, i.actor = header, emblem, sym, types, sign, actor
        i.place, i.scope, i.cscope, i.prov, i.dist, i.comm, i.folder = "Hà Nội", "VN", "VN", None, None, None, "trung-uong"
        i.recipients = ["Các tỉnh ủy, thành ủy trực thuộc Trung ương", "Các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương",
                        "Các bộ, ngành, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
        i.copies = ["Như trên", "Các đồng chí Ủy viên Bộ Chính trị, Ban Bí thư", "Văn phòng Trung ương Đảng", "Văn phòng Chính phủ"]
        i.signers, i.caps = _mk_signers(name), caps
        return i
    province = {"KL": ["-KL/TW"], "CT": ["-CT/TW"], "NQ": ["-NQ/TW"], "TB": ["-TB/TW"]}
    return {
        "BCT": make_issuer("BCT", "Bộ Chính trị", ["Bộ Chính trị"], [["BAN CHẤP HÀNH TRUNG ƯƠNG"]], "party",
                  {"KL": province["KL"], "CT": province["CT"], "NQ": province["NQ"]}, _cumulative(("KL", 5), ("CT", 3), ("NQ", 2)),
                  ["T/M BỘ CHÍNH TRỊ", "T/M BỘ CHÍNH TRỊ\nTHƯỜNG TRỰC BAN BÍ THƯ"], ["Bộ Chính trị"], "BỘ CHÍNH TRỊ"),
        "BBT": make_issuer("BBT", "Ban Bí thư", ["Ban Bí thư", "Ban Bí thư Trung ương Đảng"], [["BAN CHẤP HÀNH TRUNG ƯƠNG"]], "party",
                  {"CT": province["CT"], "KL": province["KL"], "TB": province["TB"]}, _cumulative(("CT", 5), ("KL", 3), ("TB", 2)),
                  ["T/M BAN BÍ THƯ", "T/M BAN BÍ THƯ\nTHƯỜNG TRỰC"], ["Ban Bí thư"], "BAN BÍ THƯ"),
        "BCHTW": make_issuer("BCHTW", "Ban Chấp hành Trung ương", ["Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"],
                    [["BAN CHẤP HÀNH TRUNG ƯƠNG"]], "party", {"NQ": province["NQ"]}, _cumulative(("NQ", 1)),
                    ["T/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ"], ["Ban Chấp hành Trung ương"], "BAN CHẤP HÀNH TRUNG ƯƠNG"),
        "BTGTW": make_issuer("BTGTW", "Ban Tuyên giáo Trung ương", ["Ban Tuyên giáo Trung ương"],
                    [["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TUYÊN GIÁO"]], "party",
                    {"HD": ["-HD/BTGTW"], "CV": ["-CV/BTGTW"]}, _cumulative(("HD", 6), ("CV", 4)),
                    ["K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "TRƯỞNG BAN"], ["Ban Tuyên giáo Trung ương"], "BAN TUYÊN GIÁO TRUNG ƯƠNG"),
        "CP": make_issuer("CP", "Chính phủ", ["Chính phủ"], [["CHÍNH PHỦ"]], "state",
                 {"NQ": ["/NQ-CP"], "NĐ": ["/{y}/NĐ-CP"]}, _cumulative(("NQ", 7), ("NĐ", 3)),
                 ["TM. CHÍNH PHỦ\nTHỦ TƯỚNG", "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG"], ["Chính phủ"], "CHÍNH PHỦ"),
        "TTg": make_issuer("TTg", "Thủ tướng Chính phủ", ["Thủ tướng Chính phủ"], [["THỦ TƯỚNG CHÍNH PHỦ"]], "state",
                  {"CT": ["/CT-TTg"], "QĐ": ["/{y}/QĐ-TTg", "/QĐ-TTg"], "CĐ": ["/CĐ-TTg"]}, _cumulative(("CT", 4), ("QĐ", 3), ("CĐ", 3)),
                  ["THỦ TƯỚNG", "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG"], ["Thủ tướng Chính phủ"], "THỦ TƯỚNG CHÍNH PHỦ"),
        "BYT": make_issuer("BYT", "Bộ Y tế", ["Bộ Y tế"], [["BỘ Y TẾ"]], "state",
                  {"CV": ["/BYT-DP", "/BYT-MT", "/BYT-KCB"], "TT": ["/{y}/TT-BYT"], "QĐ": ["/QĐ-BYT"]},
                  _cumulative(("CV", 7), ("TT", 1), ("QĐ", 2)), ["KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "BỘ TRƯỞNG"], ["Bộ Y tế"], "BỘ Y TẾ"),
        "BTTTT": make_issuer("BTTTT", "Bộ Thông tin và Truyền thông", ["Bộ Thông tin và Truyền thông"], [["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"]], "state",
                    {"CV": ["/BTTTT-THH", "/BTTTT-CĐSQG"], "TT": ["/{y}/TT-BTTTT"]}, _cumulative(("CV", 8), ("TT", 2)),
                    ["KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"], ["Bộ Thông tin và Truyền thông"], "BỘ THÔNG TIN VÀ TRUYỀN THÔNG"),
        "BNV": make_issuer("BNV", "Bộ Nội vụ", ["Bộ Nội vụ"], [["BỘ NỘI VỤ"]], "state",
                  {"CV": ["/BNV-CCHC", "/BNV-CCVC"], "TT": ["/{y}/TT-BNV"]}, _cumulative(("CV", 8), ("TT", 2)),
                  ["KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"], ["Bộ Nội vụ"], "BỘ NỘI VỤ"),
        "TLĐ": make_issuer("TLĐ", "Tổng Liên đoàn Lao động Việt Nam", ["Tổng Liên đoàn Lao động Việt Nam", "Tổng LĐLĐ Việt Nam"],
                  [["TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM"]], "state", {"CV": ["/TLĐ"], "KH": ["/KH-TLĐ"]}, _cumulative(("CV", 6), ("KH", 4)),
                  ["TM. ĐOÀN CHỦ TỊCH\nPHÓ CHỦ TỊCH"], ["Đoàn Chủ tịch Tổng Liên đoàn"], "ĐOÀN CHỦ TỊCH TỔNG LIÊN ĐOÀN"),
        "TWĐ": make_issuer("TWĐ", "Trung ương Đoàn TNCS Hồ Chí Minh", ["Trung ương Đoàn TNCS Hồ Chí Minh", "Ban Bí thư Trung ương Đoàn"],
                  [["BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐOÀN TNCS HỒ CHÍ MINH"]], "youth", {"CV": ["-CV/TWĐTN-VP"], "KH": ["-KH/TWĐTN-VP"]},
                  _cumulative(("CV", 5), ("KH", 5)), ["TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN\nBÍ THƯ"], ["Ban Bí thư Trung ương Đoàn"], "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN"),
        "MTTW": make_issuer("MTTW", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"],
                   [["ỦY BAN TRUNG ƯƠNG", "MẶT TRẬN TỔ QUỐC VIỆT NAM"]], "state", {"CV": ["/MTTW-BTT"], "KH": ["/KH-MTTW-BTT"]},
                   _cumulative(("CV", 6), ("KH", 4)), ["TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH"], ["Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"],
                   "BAN THƯỜNG TRỰC ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM"),
    }


# Number rates: documents numbered per day of year, by (issuer kind, type code)
_RATES = {
    ("BCT", "KL"): .05, ("BCT", "CT"): .02, ("BCT", "NQ"): .03, ("BBT", "CT"): .03, ("BBT", "KL"): .04, ("BBT", "TB"): .1,
    ("BCHTW", "NQ"): .02, ("BTGTW", "HD"): .15, ("BTGTW", "CV"): 1.2, ("CP", "NQ"): .4, ("CP", "NĐ"): .4,
    ("TTg", "CT"): .08, ("TTg", "QĐ"): .1, ("TTg", "CĐ"): 3.0, ("BYT", "CV"): 20, ("BYT", "TT"): .08, ("BYT", "QĐ"): 12,
    ("BTTTT", "CV"): 10, ("BTTTT", "TT"): .05, ("BNV", "CV"): 15, ("BNV", "TT"): .03, ("TLĐ", "CV"): 5, ("TLĐ", "KH"): .5,
    ("TWĐ", "CV"): 3, ("TWĐ", "KH"): .6, ("MTTW", "CV"): 4, ("MTTW", "KH"): .4, ("QH", "NQ"): .15,
    ("TU", "CV"): 1.5, ("TU", "KH"): .4, ("TU", "CT"): .05, ("TU", "TB"): .5, ("TU", "NQ"): .05, ("TU", "CTr"): .1,
    ("BTGTU", "CV"): .9, ("BTGTU", "HD"): .3, ("BTGTU", "KH"): .2, ("ĐUK", "CV"): .6, ("ĐUK", "KH"): .2,
    ("UBND", "CV"): 9, ("UBND", "KH"): 1.0, ("UBND", "CT"): .06, ("UBND", "QĐ"): 5, ("UBND", "TB"): 1.2, ("UBND", "CĐ"): .1,
    ("SO", "CV"): 6, ("SO", "KH"): .7, ("SO", "HD"): .3, ("SO", "QĐ"): 1.5,
    ("LĐ", "CV"): 2, ("LĐ", "KH"): .3, ("TĐ", "CV"): 1.2, ("TĐ", "KH"): .4, ("MT", "CV"): 1.0, ("MT", "KH"): .3,
    ("HU", "CV"): .8, ("HU", "KH"): .3, ("HU", "TB"): .4, ("HU", "CT"): .03, ("BTGHU", "CV"): .3, ("BTGHU", "HD"): .1,
    ("UBH", "CV"): 4, ("UBH", "KH"): .6, ("UBH", "CT"): .04, ("UBH", "QĐ"): 3, ("UBH", "TB"): .5,
    ("PH", "CV"): .8, ("PH", "KH"): .15, ("PH", "HD"): .1, ("LĐH", "CV"): .4, ("LĐH", "KH"): .1,
    ("ĐH", "CV"): .3, ("ĐH", "KH"): .1, ("MTH", "CV"): .3, ("MTH", "KH"): .1,
    ("ĐUX", "CV"): .2, ("ĐUX", "KH"): .1, ("ĐUX", "TB"): .1, ("UBX", "CV"): .8, ("UBX", "KH"): .25,
    ("UBX", "TB"): .2, ("UBX", "QĐ"): .6,
}

_SO = [  # provincial departments: (short, name, caps, symbol code, offices, topics or None)
    ("SYT", "Sở Y tế", "SỞ Y TẾ", "SYT", ["NVY", "NV", "VP"]),
    ("SNV", "Sở Nội vụ", "SỞ NỘI VỤ", "SNV", ["CCVC", "CCHC", "VP"]),
    ("SGDĐT", "Sở Giáo dục và Đào tạo", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT", ["CTTT", "VP", "GDTrH"]),
    ("STTTT", "Sở Thông tin và Truyền thông", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT", ["BCVT", "TTBCXB", "VP"]),
]
_PHONG = [  # district offices
    ("PVHTT", "Phòng Văn hóa và Thông tin", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "VHTT"),
    ("PYT", "Phòng Y tế", "PHÒNG Y TẾ", "PYT"),
    ("PGDĐT", "Phòng Giáo dục và Đào tạo", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "PGDĐT"),
]


def _cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Issuers:
    """Lazily built issuer objects, cached by (kind, province, district, commune)."""

    def __init__(self, gaz):
        self.gaz = gaz
        self.central = _central_issuers()
        self.cache: dict = {}

    def get(self, kind, province=None, district=None, commune=None):
        k = (kind, province.idx if province else -1, district.idx if district else -1, commune.idx if commune else -1)
        i = self.cache.get(k)
        if i is None:
            i = self._build(kind, province, district, commune)
            self.cache[k] = i
        return i

    # ---- builders
    def _base(self, kind, level, province, district, commune):
        i = _Issuer()
        i.kind, i.level = kind, level
        i.lvl = {"province": 1, "district": 2, "commune": 3}[level]
        i.prov, i.dist, i.comm = province, district, commune
        i.folder = province.slug
        if level == "province":
            i.scope = province.name
            i.place = "Thành phố Hồ Chí Minh" if province.name == "Hồ Chí Minh" else province.name
        elif level == "district":
            i.scope = f"{province.name}/{district.name}"
            i.place = district.name
        else:
            i.scope = f"{province.name}/{district.name}/{commune.name}" if COMMUNE_SCOPE_INCLUDES_COMMUNE else f"{province.name}/{district.name}"
            i.place = commune.name
        i.cscope = i.scope
        return i

    def _build(self, kind, province, district, commune):
        if kind in ("TU", "BTGTU", "ĐUK", "UBND", "SO0", "SO1", "SO2", "SO3", "LĐ", "TĐ", "MT"):
            return self._province(kind, province)
        if commune is None:
            return self._district(kind, province, district)
        return self._commune(kind, province, district, commune)

    def _province(self, kind, province):
        i = self._base(kind, "province", province, None, None)
        pw, pn = province.word, province.name
        if pn == "Hồ Chí Minh":
            pn = "Thành phố Hồ Chí Minh"
        PN = province.name.upper()
        ploc = f"{pw} {pn}"                       # "tỉnh Lai Châu"
        PLOC = f"{pw.upper()} {PN}"               # "TỈNH LAI CHÂU"
        ctte = "Thành ủy" if province.is_city else "Tỉnh ủy"
        CTTE = ctte.upper()
        if kind == "TU":
            i.name = f"{ctte} {pn}"
            i.written = [i.name, f"Ban Thường vụ {ctte} {pn}", f"Thường trực {ctte} {pn}"]
            i.noplace = [f"Ban Thường vụ {ctte}", ctte, f"Thường trực {ctte}"]
            i.header = [[f"{CTTE} {PN}"], [f"ĐẢNG BỘ {PLOC}", CTTE]]
            i.emblem, i.sym = "party", {c: [f"-{c}/TU"] for c in ("CV", "KH", "CT", "TB", "NQ", "CTr")}
            i.types = _cumulative(("CV", 45), ("KH", 30), ("CT", 6), ("TB", 10), ("NQ", 4), ("CTr", 5))
            i.sign = ["T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ\nBÍ THƯ", "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG"]
            i.actor = [f"Ban Thường vụ {ctte}", f"Thường trực {ctte}"]
            i.caps = f"BAN THƯỜNG VỤ {CTTE}"
            i.recipients = ["Các huyện ủy, thành ủy, đảng ủy trực thuộc", "Các ban đảng, đảng đoàn, ban cán sự đảng",
                            f"Các đồng chí Ủy viên Ban Chấp hành Đảng bộ {pw}", f"Ban Thường vụ {'Thành' if province.is_city else 'Tỉnh'} đoàn"]
            i.copies = ["Ban Bí thư Trung ương Đảng (b/c)", "Văn phòng Trung ương Đảng", f"Thường trực {ctte}", "Như kính gửi"]
        elif kind == "BTGTU":
            i.name = f"Ban Tuyên giáo {ctte} {pn}"
            i.written = [i.name]
            i.noplace = [f"Ban Tuyên giáo {ctte}"]
            i.header = [[f"{CTTE} {PN}", "BAN TUYÊN GIÁO"], [f"ĐẢNG BỘ {PLOC}", f"BAN TUYÊN GIÁO {CTTE}"]]
            i.emblem, i.sym = "party", {"CV": ["-CV/BTGTU"], "HD": ["-HD/BTGTU"], "KH": ["-KH/BTGTU"]}
            i.types = _cumulative(("CV", 6), ("HD", 3), ("KH", 1))
            i.sign = ["K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "TRƯỞNG BAN"]
            i.actor = [f"Ban Tuyên giáo {ctte}"]
            i.caps = f"BAN TUYÊN GIÁO {CTTE}"
            i.recipients = ["Ban tuyên giáo các huyện ủy, thành ủy, đảng ủy trực thuộc", "Các cơ quan báo chí của tỉnh",
                            "Báo cáo viên, tuyên truyền viên các cấp"]
            i.copies = ["Ban Tuyên giáo Trung ương (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        elif kind == "ĐUK":
            i.name = f"Đảng ủy Khối các cơ quan {ploc}"
            i.written = [i.name, f"Ban Thường vụ Đảng ủy Khối các cơ quan {ploc}"]
            i.noplace = ["Đảng ủy Khối các cơ quan", "Ban Thường vụ Đảng ủy Khối"]
            i.header = [[f"ĐẢNG BỘ {PLOC}", f"ĐẢNG ỦY KHỐI CÁC CƠ QUAN {pw.upper()}"]]
            i.emblem, i.sym = "party", {"CV": ["-CV/ĐUK"], "KH": ["-KH/ĐUK"]}
            i.types = _cumulative(("CV", 7), ("KH", 3))
            i.sign = ["T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ\nBÍ THƯ"]
            i.actor = ["Ban Thường vụ Đảng ủy Khối"]
            i.caps = "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI"
            i.recipients = ["Các chi ủy, đảng ủy cơ sở", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ Khối", "Ban Thường vụ Đoàn Khối"]
            i.copies = [f"Thường trực {ctte} (b/c)", f"Văn phòng {ctte}", "Như kính gửi"]
        elif kind == "UBND":
            i.name = f"Ủy ban nhân dân {ploc}"
            i.written = [i.name, f"UBND {ploc}", f"Chủ tịch UBND {ploc}"]
            i.noplace = [f"UBND {pw}", f"Ủy ban nhân dân {pw}", f"Chủ tịch UBND {pw}"]
            i.header = [["ỦY BAN NHÂN DÂN", PLOC], [f"UBND {PLOC}"]]
            i.emblem = "state"
            i.sym = {"CV": [f"/UBND-{o}" for o in OFFICES], "KH": ["/KH-UBND"], "CT": ["/CT-UBND"], "QĐ": ["/QĐ-UBND"],
                     "TB": ["/TB-UBND"], "CĐ": ["/CĐ-UBND"]}
            i.types = _cumulative(("CV", 38), ("KH", 30), ("CT", 8), ("QĐ", 12), ("TB", 7), ("CĐ", 5))
            i.sign = ["TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]
            i.actor = [f"Ủy ban nhân dân {pw}", f"UBND {pw}", f"Chủ tịch UBND {pw}"]
            i.caps = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {PLOC}"
            i.recipients = ["Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố", "Các cơ quan Trung ương đóng trên địa bàn tỉnh"]
            i.copies = [f"Thường trực {ctte} (b/c)", f"Thường trực HĐND {pw} (b/c)", "Chủ tịch, các PCT UBND tỉnh", "Như kính gửi", "Cổng thông tin điện tử tỉnh"]
        elif kind.startswith("SO"):
            sh, nm, caps, code, offices = _SO[int(kind[2])]
            i.name = f"{nm} {ploc}"
            i.written = [i.name]
            i.noplace = [nm]
            i.header = [[f"UBND {PLOC}", caps], [f"ỦY BAN NHÂN DÂN {PLOC}", caps]]
            i.emblem = "state"
            i.sym = {"CV": [f"/{code}-{o}" for o in offices], "KH": [f"/KH-{code}"], "HD": [f"/HD-{code}"], "QĐ": [f"/QĐ-{code}"]}
            i.types = _cumulative(("CV", 6), ("KH", 2.5), ("HD", 1), ("QĐ", 0.5))
            i.sign = ["GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"]
            i.actor = [nm]
            i.caps = f"GIÁM ĐỐC {caps}"
            i.recipients = ["Các đơn vị trực thuộc", "Phòng Y tế, Phòng Giáo dục và Đào tạo các huyện, thành phố", "UBND các huyện, thành phố"]
            i.copies = [f"UBND {pw} (b/c)", "Giám đốc, các Phó Giám đốc", "Như kính gửi"]
        elif kind == "LĐ":
            i.name = f"Liên đoàn Lao động {ploc}"
            i.written = [i.name, f"LĐLĐ {ploc}", f"Ban Thường vụ LĐLĐ {ploc}"]
            i.noplace = [f"LĐLĐ {pw}", f"Ban Thường vụ LĐLĐ {pw}", f"Liên đoàn Lao động {pw}"]
            i.header = [["TỔNG LĐLĐ VIỆT NAM", f"LĐLĐ {PLOC}"], ["LIÊN ĐOÀN LAO ĐỘNG", PLOC]]
            i.emblem, i.sym = "state", {"CV": ["/LĐLĐ"], "KH": ["/KH-LĐLĐ"]}
            i.types = _cumulative(("CV", 7), ("KH", 3))
            i.sign = ["TM. BAN THƯỜNG VỤ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH"]
            i.actor = [f"Ban Thường vụ LĐLĐ {pw}"]
            i.caps = f"BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG {PLOC}"
            i.recipients = ["LĐLĐ các huyện, thành phố", "Các Công đoàn ngành", "Công đoàn Viên chức", "Các Công đoàn cơ sở trực thuộc"]
            i.copies = ["Tổng LĐLĐ Việt Nam (b/c)", f"Ban Dân vận {ctte}", f"Ban Tuyên giáo {ctte}", "Như kính gửi"]
        elif kind == "TĐ":
            yd = "Thành đoàn" if province.is_city else "Tỉnh đoàn"
            i.name = f"{yd} {pn}"
            i.written = [i.name, f"Ban Thường vụ {yd} {pn}"]
            i.noplace = [yd, f"Ban Thường vụ {yd}"]
            i.header = [[f"BCH ĐOÀN {PLOC}", "***"], [f"BAN CHẤP HÀNH ĐOÀN {PLOC}"]]
            i.emblem, i.sym = "youth", {"CV": ["-CV/TĐTN"], "KH": ["-KH/TĐTN"]}
            i.types = _cumulative(("CV", 6), ("KH", 4))
            i.sign = [f"TM. BAN THƯỜNG VỤ {yd.upper()}\nPHÓ BÍ THƯ", f"TM. BAN THƯỜNG VỤ {yd.upper()}\nBÍ THƯ"]
            i.actor = [f"Ban Thường vụ {yd}"]
            i.caps = f"BAN THƯỜNG VỤ {yd.upper()}"
            i.recipients = ["Các huyện đoàn, thành đoàn, đoàn trực thuộc", "Các cơ sở đoàn trực thuộc"]
            i.copies = ["Trung ương Đoàn (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        elif kind == "MT":
            i.name = f"Ủy ban Mặt trận Tổ quốc Việt Nam {ploc}"
            i.written = [i.name, f"Ban Thường trực Ủy ban MTTQ Việt Nam {ploc}", f"Ủy ban MTTQ Việt Nam {ploc}"]
            i.noplace = [f"Ban Thường trực Ủy ban MTTQ {pw}", f"Ủy ban MTTQ Việt Nam {pw}"]
            i.header = [["ỦY BAN MTTQ VIỆT NAM", PLOC, "BAN THƯỜNG TRỰC"], ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", PLOC]]
            i.emblem, i.sym = "state", {"CV": ["/MTTQ-BTT"], "KH": ["/KH-MTTQ-BTT"]}
            i.types = _cumulative(("CV", 7), ("KH", 3))
            i.sign = ["TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH", "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH"]
            i.actor = [f"Ban Thường trực Ủy ban MTTQ Việt Nam {pw}"]
            i.caps = f"BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM {PLOC}"
            i.recipients = ["Ủy ban MTTQ Việt Nam các huyện, thành phố", "Các tổ chức thành viên của Mặt trận tỉnh"]
            i.copies = ["Ban Thường trực UBTW MTTQ Việt Nam (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        else:  # pragma: no cover
            raise KeyError(kind)
        i.signers = _mk_signers(i.name)
        return i

    def _district(self, kind, province, district):
        i = self._base(kind, "district", province, district, None)
        dw, dn, DN = district.word, district.name, district.name.upper()
        if dn.lower().startswith(dw):       # "Quận 10"
            dloc, DLOC = dn, DN
        else:
            dloc, DLOC = f"{dw} {dn}", f"{dw.upper()} {DN}"
        PLOC = f"{province.word.upper()} {province.name.upper()}"
        ctte, code = {"huyện": ("Huyện ủy", "HU"), "quận": ("Quận ủy", "QU"), "thị xã": ("Thị ủy", "TU"),
                      "thành phố": ("Thành ủy", "ThU")}[dw]
        CTTE = ctte.upper()
        if kind == "HU":
            i.name = f"{ctte} {dn}"
            i.written = [i.name, f"Ban Thường vụ {ctte} {dn}"]
            i.noplace = [f"Ban Thường vụ {ctte}", ctte]
            i.header = [[f"ĐẢNG BỘ {PLOC}", f"{CTTE} {DN}"], [f"{CTTE} {DN}"]]
            i.emblem, i.sym = "party", {c: [f"-{c}/{code}"] for c in ("CV", "KH", "TB", "CT")}
            i.types = _cumulative(("CV", 45), ("KH", 35), ("TB", 15), ("CT", 5))
            i.sign = ["T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ\nBÍ THƯ"]
            i.actor = [f"Ban Thường vụ {ctte}", f"Thường trực {ctte}"]
            i.caps = f"BAN THƯỜNG VỤ {CTTE}"
            i.recipients = [f"Các chi, đảng bộ trực thuộc", f"Các cơ quan, ban, ngành, đoàn thể {dw}",
                            f"Các đồng chí Ủy viên Ban Chấp hành Đảng bộ {dw}"]
            i.copies = [f"Thường trực Tỉnh ủy (b/c)", f"Thường trực {ctte}", "Như kính gửi"]
        elif kind == "BTGHU":
            bcode = {"HU": "BTGHU", "QU": "BTGQU", "ThU": "BTGThU"}[code]
            i.name = f"Ban Tuyên giáo {ctte} {dn}"
            i.written = [i.name]
            i.noplace = [f"Ban Tuyên giáo {ctte}"]
            i.header = [[f"{CTTE} {DN}", "BAN TUYÊN GIÁO"]]
            i.emblem, i.sym = "party", {"CV": [f"-CV/{bcode}"], "HD": [f"-HD/{bcode}"]}
            i.types = _cumulative(("CV", 7), ("HD", 3))
            i.sign = ["K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "TRƯỞNG BAN"]
            i.actor = [f"Ban Tuyên giáo {ctte}"]
            i.caps = f"BAN TUYÊN GIÁO {CTTE}"
            i.recipients = ["Các chi, đảng bộ trực thuộc", "Đội ngũ báo cáo viên, tuyên truyền viên"]
            i.copies = [f"Ban Tuyên giáo Tỉnh ủy (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        elif kind == "UBH":
            i.name = f"Ủy ban nhân dân {dloc}"
            i.written = [i.name, f"UBND {dloc}", f"Chủ tịch UBND {dloc}"]
            i.noplace = [f"UBND {dw}", f"Ủy ban nhân dân {dw}"]
            i.header = [["ỦY BAN NHÂN DÂN", DLOC], [f"UBND {DLOC}"]]
            i.emblem = "state"
            i.sym = {"CV": ["/UBND-VP", "/UBND"], "KH": ["/KH-UBND"], "CT": ["/CT-UBND"], "QĐ": ["/QĐ-UBND"], "TB": ["/TB-UBND"]}
            i.types = _cumulative(("CV", 40), ("KH", 33), ("CT", 5), ("QĐ", 14), ("TB", 8))
            i.sign = ["TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]
            i.actor = [f"Ủy ban nhân dân {dw}", f"UBND {dw}", f"Chủ tịch UBND {dw}"]
            i.caps = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {DLOC}"
            i.recipients = [f"Các cơ quan, đơn vị thuộc UBND {dw}", "UBND các xã, thị trấn"]
            i.copies = [f"TT {ctte}, HĐND {dw} (b/c)", f"Chủ tịch, các PCT UBND {dw}", "Như kính gửi"]
        elif kind.startswith("PH"):
            sh, nm, caps, code2 = _PHONG[int(kind[2])]
            i.name = f"{nm} {dloc}"
            i.written = [i.name]
            i.noplace = [nm]
            i.header = [[f"UBND {DLOC}", caps]]
            i.emblem, i.sym = "state", {"CV": [f"/{code2}"], "KH": [f"/KH-{code2}"], "HD": [f"/HD-{code2}"]}
            i.types = _cumulative(("CV", 7), ("KH", 2), ("HD", 1))
            i.sign = ["TRƯỞNG PHÒNG", "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG"]
            i.actor = [nm]
            i.caps = f"TRƯỞNG {caps}"
            i.recipients = ["UBND các xã, thị trấn", "Các trường học trên địa bàn", "Các đơn vị có liên quan"]
            i.copies = [f"UBND {dw} (b/c)", "Như kính gửi"]
        elif kind == "LĐH":
            i.name = f"Liên đoàn Lao động {dloc}"
            i.written = [i.name, f"LĐLĐ {dloc}"]
            i.noplace = [f"LĐLĐ {dw}"]
            i.header = [[f"LĐLĐ {PLOC}", f"LĐLĐ {DLOC}"]]
            i.emblem, i.sym = "state", {"CV": ["/LĐLĐ"], "KH": ["/KH-LĐLĐ"]}
            i.types = _cumulative(("CV", 7), ("KH", 3))
            i.sign = ["TM. BAN THƯỜNG VỤ\nCHỦ TỊCH"]
            i.actor = [f"Ban Thường vụ LĐLĐ {dw}"]
            i.caps = f"BAN THƯỜNG VỤ LĐLĐ {DLOC}"
            i.recipients = ["Các công đoàn cơ sở trực thuộc"]
            i.copies = [f"LĐLĐ {province.word} (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        elif kind == "ĐH":
            yd, ycode = {"huyện": ("Huyện đoàn", "HĐTN"), "quận": ("Quận đoàn", "QĐTN"),
                         "thị xã": ("Thị đoàn", "ThĐTN"), "thành phố": ("Thành đoàn", "ThĐTN")}[dw]
            i.name = f"{yd} {dn}"
            i.written = [i.name, f"Ban Thường vụ {yd} {dn}"]
            i.noplace = [yd, f"Ban Thường vụ {yd}"]
            i.header = [[f"BCH ĐOÀN {PLOC}", f"BCH ĐOÀN {DLOC}"], [f"BAN CHẤP HÀNH ĐOÀN {DLOC}", "***"]]
            i.emblem, i.sym = "youth", {"CV": [f"-CV/{ycode}"], "KH": [f"-KH/{ycode}"]}
            i.types = _cumulative(("CV", 6), ("KH", 4))
            i.sign = [f"TM. BAN THƯỜNG VỤ {yd.upper()}\nBÍ THƯ"]
            i.actor = [f"Ban Thường vụ {yd}"]
            i.caps = f"BAN THƯỜNG VỤ {yd.upper()}"
            i.recipients = ["Các chi đoàn, đoàn cơ sở trực thuộc"]
            i.copies = ["Tỉnh đoàn (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        elif kind == "MTH":
            i.name = f"Ủy ban Mặt trận Tổ quốc Việt Nam {dloc}"
            i.written = [i.name, f"Ban Thường trực Ủy ban MTTQ Việt Nam {dloc}"]
            i.noplace = [f"Ban Thường trực Ủy ban MTTQ {dw}"]
            i.header = [["ỦY BAN MTTQ VIỆT NAM", DLOC, "BAN THƯỜNG TRỰC"]]
            i.emblem, i.sym = "state", {"CV": ["/MTTQ-BTT"], "KH": ["/KH-MTTQ-BTT"]}
            i.types = _cumulative(("CV", 7), ("KH", 3))
            i.sign = ["TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH"]
            i.actor = [f"Ban Thường trực Ủy ban MTTQ Việt Nam {dw}"]
            i.caps = f"BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM {DLOC}"
            i.recipients = ["Ban Thường trực Ủy ban MTTQ các xã, thị trấn", "Các tổ chức thành viên"]
            i.copies = [f"Ủy ban MTTQ Việt Nam {province.word} (b/c)", f"Thường trực {ctte} (b/c)", "Như kính gửi"]
        else:  # pragma: no cover
            raise KeyError(kind)
        i.signers = _mk_signers(i.name + province.name)
        return i

    def _commune(self, kind, province, district, commune):
        i = self._base(kind, "commune", province, district, commune)
        cw, cn = commune.word, commune.name
        cloc = cn if cn.lower().startswith(cw) else f"{cw} {cn}"
        CLOC = cloc.upper()
        DLOC = (district.name if district.name.lower().startswith(district.word) else f"{district.word} {district.name}").upper()
        if kind == "ĐUX":
            i.name = f"Đảng ủy {cloc}"
            i.written = [i.name, f"Ban Thường vụ Đảng ủy {cloc}"]
            i.noplace = [f"Đảng ủy {cw}", f"Ban Thường vụ Đảng ủy {cw}"]
            i.header = [[f"ĐẢNG BỘ {DLOC}", f"ĐẢNG ỦY {CLOC}"], [f"ĐẢNG ỦY {CLOC}"]]
            i.emblem, i.sym = "party", {"CV": ["-CV/ĐU"], "KH": ["-KH/ĐU"], "TB": ["-TB/ĐU"]}
            i.types = _cumulative(("CV", 5), ("KH", 4), ("TB", 1))
            i.sign = ["T/M ĐẢNG ỦY\nBÍ THƯ", "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ"]
            i.actor = [f"Ban Thường vụ Đảng ủy {cw}", f"Đảng ủy {cw}"]
            i.caps = f"BAN CHẤP HÀNH ĐẢNG BỘ {CLOC}"
            i.recipients = ["Các chi bộ trực thuộc", f"Các đồng chí Đảng ủy viên"]
            i.copies = [f"Ban Thường vụ {'Huyện ủy' if district.word == 'huyện' else 'cấp ủy cấp trên'} (b/c)", "Như kính gửi"]
        else:  # UBX
            i.name = f"Ủy ban nhân dân {cloc}"
            i.written = [i.name, f"UBND {cloc}"]
            i.noplace = [f"UBND {cw}", f"Ủy ban nhân dân {cw}"]
            i.header = [["ỦY BAN NHÂN DÂN", CLOC], [f"UBND {DLOC}", f"UBND {CLOC}"]]
            i.emblem, i.sym = "state", {"CV": ["/UBND"], "KH": ["/KH-UBND"], "TB": ["/TB-UBND"], "QĐ": ["/QĐ-UBND"]}
            i.types = _cumulative(("CV", 4), ("KH", 4), ("TB", 1), ("QĐ", 1))
            i.sign = ["TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]
            i.actor = [f"Ủy ban nhân dân {cw}", f"UBND {cw}", f"Chủ tịch UBND {cw}"]
            i.caps = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {CLOC}"
            i.recipients = ["Các ban, ngành, đoàn thể xã", "Trưởng các thôn, bản, tổ dân phố"]
            i.copies = [f"UBND {district.word} (b/c)", f"TT Đảng ủy, HĐND {cw}", "Như kính gửi"]
        i.signers = _mk_signers(i.name + district.name + province.name)
        return i


# --------------------------------------------------------------------------- documents
class _Doc:
    __slots__ = ("issuer", "tcode", "number", "symbol", "day", "subject", "key", "parent", "parent2", "draft", "year",
                 "topic", "via_cue", "iso")


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


# --------------------------------------------------------------------------- banks
_BANKS: dict | None = None


def _build_banks() -> dict:
    """Paragraph pools per (topic, level): fixed text, built once."""
    global _BANKS
    if _BANKS is not None:
        return _BANKS
    rand = random.Random(20210510)
    pools = {}

    def para(actors, objs, own):
        sents: list = []
        for _ in range(rand.randint(2, 5)):
            for _try in range(6):
                x = rand.random()
                if x < 0.6 or not own:
                    s = f"{rand.choice(actors)} {rand.choice(VERBS)} {rand.choice(objs)}{rand.choice(TAILS)}."
                elif x < 0.8:
                    s = rand.choice(own)
                else:
                    s = rand.choice(GENERIC)
                if s not in sents:
                    sents.append(s)
                    break
        p = " ".join(sents)
        return (p, len(p.encode()))

    for ti, t in enumerate(TOPICS):
        objs = t["objects"] + t["cores"]
        for lvl in range(4):
            pools[(ti, lvl)] = [para(ACTORS[lvl], objs, t["sentences"] + GENERIC) for _ in range(150)]
    for lvl in range(4):
        pools[(-1, lvl)] = [para(ACTORS[lvl], GENERIC_OBJECTS, GENERIC) for _ in range(150)]
    _BANKS = pools
    return pools


# --------------------------------------------------------------------------- generator
class _Gen:
    def __init__(self, outdir: Path, n_docs: int, seed: int):
        self.out = outdir
        self.outs = str(outdir) + os.sep
        self.n = n_docs
        self.rng = random.Random(seed)
        self.rand = self.rng.random
        self.gaz = _gazetteer()
        self.issuer = _Issuers(self.gaz)
        self.banks = _build_banks()
        self.counters: dict = {}
        self.counter_year = 0
        self.last_by_issuer: dict = {}
        self.last_district_doc: dict = {}
        self.written = 0
        self.n_cit = 0
        self.bytes = 0
        self.prov_count: dict = {}
        self.dirs: set = set()
        self.prov_cycle: list = []
        self.truth = None
        self.progress = None
        self.progress_every = PROGRESS_EVERY

    # ---------------------------------------------------------------- helpers
    def pick(self, seq):
        return seq[int(self.rand() * len(seq))]

    def wpick(self, cum):
        x = self.rand()
        for c, v in cum:
            if x <= c:
                return v
        return cum[-1][1]

    def name(self):
        p = self.pick
        return f"{p(SURNAMES)} {p(MIDDLES)} {p(GIVENS)}"

    def alloc(self, issuer, tcode, day, year=None):
        """Allocate a number and symbol for a document of `iss` dated ordinal `od`."""
        d = date.fromordinal(day)
        y = d.year
        rest = self.pick(issuer.sym[tcode])
        fam = rest.split("-")[0] + "-*" if tcode == "CV" and "/UBND-" in rest else rest
        if issuer.level != "central" and y < self.counter_year - 1:
            y_ok = False
        else:
            y_ok = True
        ck = (issuer.cscope, fam, y)
        last = self.counters.get(ck, 0) if y_ok else 0
        rate = _RATES.get((issuer.kind if issuer.kind[:2] not in ("SO", "PH") else issuer.kind[:2], tcode), 0.5)
        doy = d.timetuple().tm_yday
        n = 1 + int(doy * rate) + int(self.rand() * (rate * 6 + 2))
        if n <= last:
            n = last + 1 + int(self.rand() * 3)
        self.counters[ck] = n
        party = "/" in rest and rest.startswith("-")
        num = f"{n:02d}" if party else str(n)
        if "{y}" in rest:
            rest = rest.replace("{y}", str(y))
        sym = num + rest
        return num, sym

    def prune_counters(self, year):
        if year <= self.counter_year:
            return
        self.counter_year = year
        keep = year - 1
        self.counters = {k: v for k, v in self.counters.items() if k[2] >= keep or k[0] == "VN"}

    def make_doc(self, issuer, tcode, day, subject, topic, parent=None, parent2=None, draft=False):
        d = _Doc()
        if parent is not None and parent.day > day:
            day = parent.day
        if parent2 is not None and parent2.day > day:
            day = parent2.day
        d.issuer, d.tcode, d.day, d.subject, d.topic = issuer, tcode, day, subject, topic
        d.parent, d.parent2, d.draft = parent, parent2, draft
        d.year = date.fromordinal(day).year
        d.iso = _iso(day)
        if draft:
            d.number = d.symbol = d.key = None
        else:
            d.number, d.symbol = self.alloc(issuer, tcode, day)
            d.key = f"{d.symbol}|{issuer.scope}|{d.year}"
        return d

    def subject_for(self, topic, year, parent=None):
        t = TOPICS[topic]
        rand = self.rand()
        core = self.pick(t["cores"])
        if rand < 0.55 and core.split(" ", 1)[0] not in _VERB_START:
            pre = self.pick(["tăng cường", "đẩy mạnh", "tiếp tục thực hiện tốt", "nâng cao hiệu quả", "tổ chức thực hiện",
                             "chấn chỉnh, nâng cao chất lượng", "triển khai", "thực hiện"])
            s = f"{pre} {core}"
        else:
            s = core
        x = self.rand()
        if x < 0.15:
            s += f" năm {year}"
        elif x < 0.25:
            s += " trong thời gian tới"
        elif x < 0.35:
            s += " trên địa bàn"
        return s

    # ---------------------------------------------------------------- rendering pieces
    def fmt_date(self, day, style=None):
        d = date.fromordinal(day)
        if style is None:
            x = self.rand()
            style = _DATE_FMT_SLASH if x < 0.62 else (_DATE_FMT_DASH if x < 0.75 else _DATE_FMT_WORDS)
        dd = f"{d.day:02d}"
        mm = f"{d.month:02d}" if (d.month < 3 or self.rand() < 0.15) else str(d.month)
        if style == _DATE_FMT_SLASH:
            return f"ngày {dd}/{mm}/{d.year}"
        if style == _DATE_FMT_DASH:
            return f"ngày {dd}-{mm}-{d.year}"
        return f"ngày {dd} tháng {mm} năm {d.year}"

    def noisy(self, sym):
        x = self.rand()
        if x < P_SYM_SPACE:
            if "-" in sym and (self.rand() < 0.6 or "/" not in sym):
                k = sym.index("-")
                sp = self.pick([" -", " - ", "- "])
                return sym[:k] + sp + sym[k + 1:]
            k = sym.index("/")
            return sym[:k] + self.pick([" /", " / ", "/ "]) + sym[k + 1:]
        x -= P_SYM_SPACE
        if x < P_SYM_DASH and "-" in sym:
            return sym.replace("-", "\u2013" if self.rand() < 0.7 else "\u2014", 1)
        x -= P_SYM_DASH
        if x < P_SYM_OCR:
            if "UBND" in sym:
                return sym.replace("UBND", "ƯBND")
            if sym.endswith("/TW"):
                return sym[:-2] + "TƯ"
        return sym

    def issuer_phrase(self, cited_issuer, citing, allow_none=True):
        """(text or None, canonical or None) for the cited issuer `ci` as seen from `citing`."""
        if citing is None:
            same = False
        elif cited_issuer.lvl == 1:
            same = citing.prov is cited_issuer.prov
        elif cited_issuer.lvl == 2:
            same = citing.dist is cited_issuer.dist
        elif cited_issuer.lvl == 3:
            same = citing.comm is cited_issuer.comm
        else:
            same = False
        x = self.rand()
        none_ok = allow_none and (cited_issuer.lvl == 0 or (cited_issuer.lvl == 1 and same))
        if none_ok and x < 0.1:
            return None, None
        if same and x < 0.45 and cited_issuer.noplace:
            return self.pick(cited_issuer.noplace), cited_issuer.name
        if x < 0.7:
            return cited_issuer.name, cited_issuer.name
        return self.pick(cited_issuer.written), cited_issuer.name

    def ref(self, d, citing, cue, citations, cited, via=None, nest_ok=True, tw_mode=0, iss_mode=0, subj_ok=True):
        """Render one citation of document `d`; append its truth (and a nested one's) to `cits`.

        tw_mode 0: type word chosen here; 1: no type word ("số ..."), type shared by a list.
        iss_mode 0: issuer chosen here; 1: no issuer (shared by the list).
        """
        rand = self.rand
        tname = TYPE_NAMES[d.tcode]
        sym_shown = d.symbol
        number_only = False
        parts = []
        if tw_mode == 0:
            x = rand()
            if x < 0.04:
                parts.append("văn bản số ")
            elif x < 0.07:
                parts.append(d.tcode + (" số " if rand() < 0.5 else " "))
            elif x < 0.16:
                parts.append(tname + " ")
            else:
                parts.append(tname + " số ")
            if d.issuer.lvl == 0 and x >= 0.07 and rand() < 0.03:
                number_only = True
        else:
            parts.append("số ")
        if number_only:
            parts.append(d.number)
        else:
            parts.append(self.noisy(sym_shown))
        x = rand()
        date_shown = None
        if x < 0.8:
            parts.append(", " if rand() < 0.3 else " ")
            parts.append(self.fmt_date(d.day))
            date_shown = d.iso
        iss_canon = None
        if iss_mode == 0:
            txt, iss_canon = self.issuer_phrase(d.issuer, citing, allow_none=not number_only)
            if txt:
                parts.append(" của ")
                parts.append(txt)
        else:
            iss_canon = d.issuer.name
        if subj_ok and rand() < 0.75:
            parts.append(" về việc " if rand() < 0.3 else " về ")
            parts.append(d.subject)
        idx = len(citations)
        citations.append({"doc_type": tname, "number": d.number, "symbol": None if number_only else d.symbol,
                     "date": date_shown, "issuer": iss_canon, "cue": cue, "target": d.key, "via": via})
        cited.add(d.key)
        text = "".join(parts)
        p = d.parent
        if nest_ok and p is not None and p.key not in cited and rand() < 0.3:
            w = self.pick(["thực hiện", "triển khai", "triển khai thực hiện", "thực hiện"])
            text += " " + w + " " + self.ref(p, citing, "thuc_hien", citations, cited, via=idx, nest_ok=False, subj_ok=False)
        return text

    def ref_list(self, docs, citing, cue, citations, cited):
        """'các Nghị quyết của Chính phủ: Số 68/NQ-CP ngày ... về ...; số 105/NQ-CP ...'"""
        d0 = docs[0]
        tname = TYPE_NAMES[d0.tcode]
        head = f"các {tname} của {self.pick(d0.issuer.written)}: "
        items = []
        for k, d in enumerate(docs):
            t = self.ref(d, citing, cue, citations, cited, nest_ok=False, tw_mode=1, iss_mode=1)
            if k == 0 and self.rand() < 0.5:
                t = "S" + t[1:]
            items.append(t)
        return head + "; ".join(items)

    # ---------------------------------------------------------------- unnumbered / decoys
    def unnumbered(self, doc, unnumbered_refs):
        rand = self.rand
        x = rand()
        day = doc.day
        topic = TOPICS[doc.topic]
        if x < 0.3:
            unnumbered_refs.append({"doc_type": "Điện", "issuer": "Thường trực Ban Bí thư", "date": None, "cue": "thuc_hien"})
            return f"Thực hiện Điện của Thường trực Ban Bí thư về {self.pick(topic['cores'])}."
        if x < 0.55:
            d = day - 3 - int(rand() * 60)
            unnumbered_refs.append({"doc_type": "Lời kêu gọi", "issuer": "Tổng Bí thư", "date": _iso(d), "cue": "huong_ung"})
            return (f"Hưởng ứng Lời kêu gọi của Tổng Bí thư {self.fmt_date(d)} về {self.pick(topic['cores'])}, "
                    f"{self.pick(doc.issuer.actor)} phát động đợt thi đua cao điểm trong toàn {['quốc', 'tỉnh', 'huyện', 'xã'][doc.issuer.lvl]}.")
        if x < 0.75:
            d = day - 2 - int(rand() * 40)
            unnumbered_refs.append({"doc_type": "Công điện", "issuer": "Thủ tướng Chính phủ", "date": _iso(d), "cue": "thuc_hien"})
            return f"Thực hiện Công điện khẩn {self.fmt_date(d)} của Thủ tướng Chính phủ, yêu cầu các đơn vị khẩn trương triển khai các biện pháp cần thiết."
        d = day - 5 - int(rand() * 90)
        unnumbered_refs.append({"doc_type": "Lời kêu gọi", "issuer": "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "date": _iso(d), "cue": "huong_ung"})
        return (f"Hưởng ứng Lời kêu gọi {self.fmt_date(d)} của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, "
                f"các tầng lớp nhân dân tích cực ủng hộ, chung tay vì cộng đồng.")

    def decoy(self, year):
        rand = self.rand
        t = self.pick(DECOYS)
        return t.format(
            phone=f"0{200 + int(rand() * 99)}.{3800 + int(rand() * 199)}.{100 + int(rand() * 899)}",
            name=self.name(), num=1 + int(rand() * 300), street=self.pick(STREETS),
            money=f"{1 + int(rand() * 19)}.000.000", money2=f"{1 + int(rand() * 9)}.500.000", year=year,
            acct=f"3761.0.{1000000 + int(rand() * 8999999)}", day=f"{1 + int(rand() * 28):02d}", month=1 + int(rand() * 12),
            small=1 + int(rand() * 9), small2=self.pick("ABC"))

    # ---------------------------------------------------------------- document text
    def paragraphs(self, doc, budget, out, prefix_mode):
        """Append body paragraphs of about `budget` bytes to `out`; return bytes added."""
        pool = self.banks[(doc.topic, doc.issuer.lvl)]
        gpool = self.banks[(-1, doc.issuer.lvl)]
        rand = self.rand
        n = len(pool)
        added = 0
        k = 0
        while added < budget:
            para, nb = (pool if rand() < 0.8 else gpool)[int(rand() * n)]
            k += 1
            if prefix_mode == 1:
                para = f"{k}. {para}"
            elif prefix_mode == 2:
                para = "- " + para
            elif prefix_mode == 3 and rand() < 0.5:
                para = f"{'abcdefgh'[min(k - 1, 7)]}) {para}"
            if rand() < 0.012:
                # a page break in the middle of a paragraph (PDF extraction)
                sp = para.find(" ", len(para) // 2)
                if sp > 0:
                    para = para[:sp] + "\n\n" + (f"{1 + int(rand() * 9)}\n\n" if rand() < 0.4 else "") + para[sp + 1:]
            out.append(para)
            added += nb + 2
        return added

    def header(self, doc, title_block, addressee_block):
        """Header lines as text: issuer lines, emblem, Số, place-date, title (or V/v)."""
        issuer = doc.issuer
        rand = self.rand
        left = list(self.pick(issuer.header))
        if issuer.emblem == "party" and rand() < 0.5:
            left.append("*")
        right = _EMBLEMS[issuer.emblem]
        if doc.draft:
            rest = self.pick(issuer.sym[doc.tcode]).replace("{y}", str(doc.year))
            sym = " " * (3 + int(rand() * 5)) + rest
        else:
            sym = self.noisy(doc.symbol)
        soline = ("Số " if (issuer.emblem == "party" and rand() < 0.5) else "Số: ") + sym
        d = date.fromordinal(doc.day)
        mm = f"{d.month:02d}" if d.month < 3 else str(d.month)
        if doc.draft:
            dline = f"{issuer.place}, ngày {' ' * (2 + int(rand() * 5))}tháng {mm} năm {d.year}"
        else:
            dline = f"{issuer.place}, ngày {d.day:02d} tháng {mm} năm {d.year}"
        lay = rand()
        vv = title_block if doc.tcode == "CV" else None
        if lay < 0.35:
            lines = []
            for k in range(max(len(left), len(right))):
                a = left[k] if k < len(left) else ""
                b = right[k] if k < len(right) else ""
                lines.append((a.ljust(44) + b).rstrip())
            lines.append((soline.ljust(44) + dline))
            head = "\n".join(lines)
            return "\n" + head + "\n\n" + title_block + ("\n\n" + addressee_block if addressee_block else "")
        if lay < 0.65:
            blocks = ["\n".join(left), soline, "\n".join(right), dline, title_block, addressee_block]
        elif lay < 0.8:
            blocks = ["\n".join(right), dline, "\n".join(left), soline, title_block, addressee_block]
        elif lay < 0.95 and vv:
            blocks = ["\n".join(left), "*", soline, vv, "\n".join(right), dline, addressee_block]
        elif lay < 0.95:
            blocks = ["\n".join(left), soline, title_block, "\n".join(right), dline, addressee_block]
        else:  # issuer lines lost in extraction
            blocks = [soline, title_block, dline, addressee_block]
        return "\n\n" + "\n\n".join(b for b in blocks if b)

    def render(self, doc, extra):
        """Full text and truth citations of a document."""
        rand = self.rand
        issuer = doc.issuer
        tc = doc.tcode
        citations: list = []
        unnumbered_refs: list = []
        cited: set = set()
        body: list = []
        lvl = issuer.lvl
        actor = self.pick(issuer.actor)
        subj = doc.subject
        # ---- title
        title_cite = None
        p = doc.parent
        if tc == "CV":
            title = "V/v " + subj if rand() < 0.85 else _cap_first(subj)
            if len(title) > 45 and rand() < 0.5:
                sp = title.find(" ", 30)
                if sp > 0:
                    title = title[:sp] + "\n" + title[sp + 1:]
        else:
            t2 = TYPE_TITLES[tc]
            if tc == "KL" and issuer.lvl == 0:
                t2 += "\nCỦA " + issuer.caps
            if p is not None and tc in ("KH", "CTr", "HD") and rand() < 0.25:
                title_cite = True
                tl = self.pick(["Thực hiện", "Triển khai thực hiện"])
                t = self.ref(p, issuer, "thuc_hien", citations, cited, nest_ok=False, subj_ok=True)
                title = f"{t2}\n{tl} {t}"
            elif tc in ("QĐ", "CT", "NQ", "NĐ", "TT"):
                title = f"{t2}\n{self.pick(['Về việc ', 'Về ', ''])}{subj}" if tc != "NĐ" else f"{t2}\nQuy định {subj}"
            else:
                title = f"{t2}\n{_cap_first(subj)}"
        # ---- Kính gửi
        addressee_block = ""
        if tc in ("CV", "CĐ") or (tc == "HD" and rand() < 0.3):
            rec = issuer.recipients
            k = 1 + int(rand() * len(rec))
            sel = rec[:k]
            if rand() < 0.5:
                addressee_block = "Kính gửi: - " + ";\n- ".join(sel) + "."
            else:
                addressee_block = "Kính gửi:\n\n- " + ",\n- ".join(sel) + "."
        head = self.header(doc, title, addressee_block)
        if tc == "CĐ":
            body.append(f"{issuer.caps} điện:" if lvl == 0 else f"{issuer.caps.split(' ỦY BAN')[0]} ỦY BAN NHÂN DÂN điện:")
        # ---- opening with citations
        opening = []
        if tc in ("QĐ", "NĐ", "TT"):
            opening.append(self.pick(["", ""]) + issuer.caps)
            laws = [l for l in LAWS if date(*l[1]).toordinal() <= doc.day]
            for _ in range(1 + int(rand() * 2)):
                ln, ld = self.pick(laws)
                ods = date(*ld).toordinal()
                key = ("law", ln)
                if key in cited:
                    continue
                cited.add(key)
                unnumbered_refs.append({"doc_type": "Luật", "issuer": None, "date": _iso(ods), "cue": "can_cu"})
                dd = date(*ld)
                mm = f"{dd.month:02d}" if dd.month < 3 else str(dd.month)
                opening.append(f"Căn cứ {ln} ngày {dd.day:02d} tháng {mm} năm {dd.year};")
            for d in extra.get("basis", []) + ([p] if p is not None and p.key not in cited else []):
                if d.key in cited:
                    continue
                opening.append("Căn cứ " + self.ref(d, issuer, "can_cu", citations, cited) + ";")
            if doc.parent2 is not None and doc.parent2.key not in cited:
                opening.append("Căn cứ " + self.ref(doc.parent2, issuer, "can_cu", citations, cited) + ";")
            opening.append(self.pick(["Theo đề nghị của Giám đốc Sở Nội vụ.", "Theo đề nghị của Chánh Văn phòng.",
                                      "Theo đề nghị của Trưởng phòng Nội vụ.", "Theo đề nghị của Bộ trưởng Bộ Y tế."]
                                     if lvl else ["Theo đề nghị của Bộ trưởng Bộ Y tế.", "Theo đề nghị của Bộ trưởng Bộ Nội vụ."]))
            opening.append("QUYẾT ĐỊNH:" if tc == "QĐ" else ("Chính phủ ban hành Nghị định." if tc == "NĐ" else "Bộ trưởng ban hành Thông tư."))
        else:
            pieces = []
            tt = extra.get("tiep_theo")
            if tt is not None and tt.key not in cited:
                pieces.append(("Tiếp theo " + self.ref(tt, issuer, "tiep_theo", citations, cited, nest_ok=False) + ", ", None))
            tl = extra.get("tra_loi")
            if tl is not None and tl.key not in cited:
                pieces.append((self.pick(["Trả lời ", "Phúc đáp "]) + self.ref(tl, issuer, "tra_loi", citations, cited, nest_ok=False) + ", ", None))
            if extra.get("unn_first"):
                opening.append(self.unnumbered(doc, unnumbered_refs))
            refs = []
            if p is not None and p.key not in cited:
                refs.append(p)
            if doc.parent2 is not None and doc.parent2.key not in cited:
                refs.append(doc.parent2)
            if refs and not pieces:
                x = rand()
                if extra.get("respond"):
                    cw, cue = "Hưởng ứng", "huong_ung"
                elif x < 0.25:
                    cw, cue = "Căn cứ", "can_cu"
                else:
                    cw, cue = self.pick(CUES_IMPL)
                rendered = []
                for d in refs:
                    if d.key not in cited:   # a nested mention may already have covered it
                        rendered.append(self.ref(d, issuer, cue, citations, cited))
                pieces.append((cw + " " + "; ".join(rendered) + ", ", None))
            elif refs:
                # the primary parent goes later, as a plain reference
                extra.setdefault("theo", []).extend(refs)
            intro = "".join(t for t, _ in pieces)
            if tc in ("KH", "CTr", "HD"):
                tail = self.pick([f"{actor} ban hành {TYPE_NAMES[tc]} triển khai thực hiện như sau:",
                                  f"{actor} xây dựng {TYPE_NAMES[tc]} thực hiện, cụ thể như sau:",
                                  f"{actor} ban hành {TYPE_NAMES[tc]} với những nội dung sau:"])
            elif tc == "KL" and lvl == 0:
                d0 = date.fromordinal(doc.day - 1 - int(rand() * 10))
                tail = f"tại phiên họp ngày {d0.day:02d}/{d0.month}/{d0.year}, sau khi nghe báo cáo, {actor} kết luận như sau:"
            elif tc == "CT":
                tail = f"{actor} yêu cầu:" if rand() < 0.5 else f"{actor} chỉ thị:"
            else:
                tail = f"{actor} {self.pick(REQUESTS)}"
            if intro:
                opening.append(intro + tail)
            else:
                ctx = self.pick(self.banks[(doc.topic, lvl)])[0]
                opening.append(ctx)
                opening.append(_cap_first(tail) if not tail.startswith(actor) else tail)
        # ---- body: plan extra citation blocks
        blocks = []   # list of callables producing text (in order)
        for d in extra.get("theo", []):
            if d.key not in cited:
                blocks.append(("theo", d))
        if extra.get("list"):
            blocks.append(("list", extra["list"]))
        if extra.get("narr") is not None:
            blocks.append(("narr", extra["narr"]))
        if extra.get("unn") and not extra.get("unn_first"):
            blocks.append(("unn", None))
        if extra.get("amend") is not None:
            blocks.append(("amend", extra["amend"]))
        if rand() < P_DECOY:
            blocks.append(("decoy", None))
        # ---- sizes
        target = extra["size"]
        fixed = len(head) + sum(len(x) for x in opening) + 400
        budget = max(200, int((target - fixed * 1.25)))
        prefix_mode = 1 if tc in ("CV", "CT", "KL", "TB", "CĐ") else (2 if rand() < 0.5 else 3)
        paras: list = []
        if tc in ("KH", "CTr", "HD"):
            secs = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, NHIỆM VỤ TRỌNG TÂM" if rand() < 0.5 else "II. NHIỆM VỤ VÀ GIẢI PHÁP",
                    "III. TỔ CHỨC THỰC HIỆN"]
            paras.append(secs[0])
            paras.append("1. Mục đích")
            paras.append("- " + self.pick(KH_PURPOSE))
            paras.append("2. Yêu cầu")
            paras.append("- " + self.pick(KH_PURPOSE))
            paras.append(secs[1])
            self.paragraphs(doc, budget * 0.7, paras, 1)
            paras.append(secs[2])
            self.paragraphs(doc, budget * 0.3, paras, 1)
        elif tc in ("QĐ", "NĐ", "TT"):
            if tc == "QĐ":
                paras.append(f"Điều 1. Ban hành kèm theo Quyết định này {self.pick(['Kế hoạch', 'Quy chế', 'Phương án'])} {subj}.")
                self.paragraphs(doc, budget * 0.8, paras, 2)
                paras.append("Điều 2. " + self.pick(GENERIC))
                self.paragraphs(doc, budget * 0.2, paras, 3)
            else:
                paras.append("Chương I\n\nQUY ĐỊNH CHUNG")
                paras.append("Điều 1. Phạm vi điều chỉnh")
                self.paragraphs(doc, budget * 0.5, paras, 3)
                paras.append("Điều 2. Đối tượng áp dụng")
                self.paragraphs(doc, budget * 0.5, paras, 3)
        else:
            self.paragraphs(doc, budget, paras, prefix_mode)
        # insert citation blocks at increasing positions
        if blocks:
            npar = len(paras)
            pos = sorted(int(rand() * (npar + 1)) for _ in blocks)
            out_paras = []
            bi = 0
            for k in range(npar + 1):
                while bi < len(blocks) and pos[bi] == k:
                    kind, payload = blocks[bi]
                    out_paras.append(self.block(doc, kind, payload, citations, unnumbered_refs, cited))
                    bi += 1
                if k < npar:
                    out_paras.append(paras[k])
            paras = out_paras
        # ---- closing
        if tc == "QĐ":
            clos = f"Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
        else:
            ck = "CTp" if (tc == "CT" and issuer.emblem == "party" and rand() < 0.6) else tc
            clos = self.pick(CLOSINGS.get(ck, CLOSINGS["X"]))
        copies = list(issuer.copies)
        k = 1 + int(rand() * len(copies))
        nn = "Nơi nhận:\n\n- " + ";\n- ".join(copies[:k]) + ";\n- " + ("Lưu: VT." if rand() < 0.8 else f"Lưu: VT, {self.pick(OFFICES)}.")
        signer = self.pick(issuer.signers)
        sign = self.pick(issuer.sign) + ("\n\n(Đã ký)" if rand() < 0.3 else "") + "\n\n" + signer
        tail = (nn + "\n\n" + sign) if rand() < 0.6 else (sign + "\n\n" + nn)
        text = head + "\n\n" + "\n\n".join(opening) + "\n\n" + "\n\n".join(paras) + "\n\n" + clos + "\n\n" + tail + "\n"
        return text, citations, unnumbered_refs, signer

    def block(self, doc, kind, payload, citations, unnumbered_refs, cited):
        rand = self.rand
        issuer = doc.issuer
        if kind == "theo":
            d = payload
            if d.key in cited:
                return self.pick(GENERIC)
            t = self.ref(d, issuer, "theo", citations, cited)
            return self.pick([f"Các cơ quan, đơn vị thực hiện nghiêm các nội dung theo {t}.",
                              f"Tổ chức triển khai các nhiệm vụ được giao tại {t}, bảo đảm đúng tiến độ.",
                              f"Chủ động bố trí nguồn lực theo {t}; báo cáo kết quả trước ngày 25 hằng tháng.",
                              f"Việc tổ chức thực hiện cần bám sát các yêu cầu đã nêu tại {t}."])
        if kind == "list":
            docs = [d for d in payload if d.key not in cited]
            if not docs:
                return self.pick(GENERIC)
            cw, cue = self.pick([("Triển khai hiệu quả", "thuc_hien"), ("Thực hiện nghiêm", "thuc_hien"),
                                 ("Tổ chức thực hiện tốt", "thuc_hien")])
            if len(docs) == 1:
                return f"{cw} {self.ref(docs[0], issuer, cue, citations, cited, nest_ok=False)}; {self.pick(GENERIC)[0].lower()}{self.pick(GENERIC)[1:]}"
            return f"{cw} {self.ref_list(docs, issuer, cue, citations, cited)}; kịp thời hỗ trợ các đối tượng chịu ảnh hưởng."
        if kind == "narr":
            d = payload
            if d.key in cited:
                return self.pick(GENERIC)
            t = self.ref(d, issuer, None, citations, cited, nest_ok=False)
            return _cap_first(t) + self.pick([" đã xác định rõ mục tiêu, nhiệm vụ và giải pháp trọng tâm.",
                                             " là cơ sở quan trọng để các cấp, các ngành tổ chức thực hiện.",
                                             " đã được quán triệt đến toàn thể cán bộ, đảng viên."])
        if kind == "unn":
            return self.unnumbered(doc, unnumbered_refs)
        if kind == "amend":
            mode, d = payload
            if d.key in cited:
                return self.pick(GENERIC)
            tn = TYPE_NAMES[doc.tcode]
            if mode == "thay_the":
                return f"{tn} này thay thế {self.ref(d, issuer, 'thay_the', citations, cited, nest_ok=False)}."
            if mode == "bai_bo":
                return f"Bãi bỏ {self.ref(d, issuer, 'bai_bo', citations, cited, nest_ok=False)}."
            return f"Sửa đổi, bổ sung một số nội dung tại {self.ref(d, issuer, 'sua_doi', citations, cited, nest_ok=False)} như sau: {self.pick(GENERIC)}"
        return self.decoy(doc.year)

    # ---------------------------------------------------------------- writing
    def emit(self, text: str, rec: dict, folder: str, nfd_ok=True):
        if self.written >= self.n:
            return False
        rand = self.rand
        x = rand()
        if x < P_OLD_TONE:
            for a, b in (("Ủy", "Uỷ"), ("ủy", "uỷ"), ("ỦY", "UỶ"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("thủy", "thuỷ"),
                         ("Thủy", "Thuỷ"), ("khóa", "khoá"), ("HÒA", "HOÀ"), ("òa", "oà")):
                text = text.replace(a, b)
        if rand() < P_ETH:
            text = text.replace("Đ", "\u00d0")
        data = text.encode()
        if rand() < P_NFD and len(data) * 1.3 < MAX_BYTES:
            data = unicodedata.normalize("NFD", text).encode()
        if len(data) > MAX_BYTES:  # rare: cut paragraphs from the middle
            cut = len(text) - (MAX_BYTES - 200) // 2
            a = text.find("\n\n", len(text) // 3)
            text = text[:a] + "\n\n" + text[a + cut:].split("\n\n", 1)[-1] if a > 0 else text[:MAX_BYTES // 3]
            data = text.encode()
        if len(data) < MIN_BYTES:
            data += ("\n\n" + " ".join(self.pick(GENERIC) for _ in range(20)) + "\n").encode()
        k = self.prov_count.get(folder, 0)
        self.prov_count[folder] = k + 1
        sub = f"{folder}/{k // MAX_FILES_PER_DIR:03d}"
        if sub not in self.dirs:
            os.makedirs(self.outs + sub, exist_ok=True)
            self.dirs.add(sub)
        rel = f"{sub}/{k:06d}.txt"
        fd = os.open(self.outs + rel, _WFLAGS, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        rec = {"path": rel, **rec}
        self.truth.write(_JSON(rec))
        self.truth.write("\n")
        self.written += 1
        self.bytes += len(data)
        self.n_cit += len(rec["citations"])
        if self.progress is not None and self.written % self.progress_every == 0:
            self.progress(self.progress_every)
        return True

    def write_doc(self, doc, extra):
        if self.written >= self.n:
            return False
        text, citations, unnumbered_refs, signer = self.render(doc, extra)
        issuer = doc.issuer
        rec = {"kind": "document", "key": doc.key, "doc_type": TYPE_NAMES[doc.tcode], "number": doc.number,
               "symbol": doc.symbol, "issuer": issuer.name, "level": issuer.level,
               "province": issuer.prov.name if issuer.prov else None, "district": issuer.dist.name if issuer.dist else None,
               "commune": issuer.comm.name if issuer.comm else None,
               "date": doc.iso[:7] if doc.draft else doc.iso, "subject": doc.subject, "signer": signer,
               "citations": citations, "unnumbered": unnumbered_refs}
        ok = self.emit(text, rec, issuer.folder)
        if ok and not doc.draft:
            self.last_by_issuer[id(issuer)] = doc
            if issuer.lvl == 2 and doc.tcode == "CV":
                self.last_district_doc[issuer.prov.idx] = doc
        return ok

    def write_article(self, doc):
        rand = self.rand
        issuer = doc.issuer
        citations: list = []
        cited: set = set()
        who = self.pick(issuer.written)
        tname = TYPE_NAMES[doc.tcode]
        d = date.fromordinal(doc.day)
        first = (f"{who} vừa ban hành {tname} số {self.noisy(doc.symbol)} về {doc.subject}. "
                 f"Theo đó, {self.pick(['đề nghị', 'yêu cầu'])} các địa phương, cơ quan, đơn vị tiếp tục thực hiện một số nhiệm vụ cụ thể sau:")
        citations.append({"doc_type": tname, "number": doc.number, "symbol": doc.symbol, "date": None, "issuer": issuer.name,
                     "cue": None, "target": doc.key, "via": None})
        cited.add(doc.key)
        paras = ["", first]
        target = 2300 + int(rand() * 5000)
        self.paragraphs(doc, target - len(first.encode()), paras, 4 if rand() < 0.5 else 0)
        for k in range(2, len(paras)):
            if rand() < 0.5:
                if k < 7:
                    paras[k] = ["Thứ nhất: ", "Thứ hai: ", "Thứ ba: ", "Thứ tư: ", "Thứ năm: "][k - 2] + paras[k]
        p = doc.parent
        if p is not None and rand() < 0.5:
            paras.append(f"Văn bản được ban hành trong bối cảnh các cấp đang triển khai "
                         f"{self.ref(p, None, None, citations, cited, nest_ok=False)}.")
        paras.append(self.name())
        text = "\n\n".join(paras) + "\n"
        rec = {"kind": "article", "key": None, "doc_type": None, "number": None, "symbol": None, "issuer": None,
               "level": None, "province": issuer.prov.name if issuer.prov else None, "district": None, "commune": None,
               "date": None, "subject": None, "signer": None, "citations": citations, "unnumbered": []}
        return self.emit(text, rec, issuer.folder)

    # ---------------------------------------------------------------- campaign
    def size(self):
        x = math.exp(self.rng.gauss(8.75, 0.55))   # median ~6.3 KB
        return int(min(26000, max(2400, x)))

    def central_doc(self, kind, day, topic, parent=None, materialise=True, tcode=None):
        issuer = self.issuer.central[kind]
        tc = tcode or self.wpick(issuer.types)
        subj = self.subject_for(topic, date.fromordinal(day).year)
        return self.make_doc(issuer, tc, day, subj, topic, parent=parent)

    def run(self):
        gaz = self.gaz
        rand = self.rand
        while self.written < self.n:
            frac = self.written / self.n
            day = _ROOT_START + int(frac * (_ROOT_END - _ROOT_START)) + int(rand() * 40) - 20
            day = max(_ROOT_START, min(_ROOT_END, day))
            year = date.fromordinal(day).year
            self.prune_counters(year)
            topics = [k for k, t in enumerate(TOPICS) if t["years"][0] <= year <= t["years"][1]]
            topic = self.pick(topics)
            sector = self.wpick(_SECTOR_CUM)
            self.campaign(day, topic, sector)

    def campaign(self, day, topic, sector):
        rand = self.rand
        T = TOPICS[topic]
        year = date.fromordinal(day).year
        root = None
        companions = []
        central_written = []
        if rand() < 0.72:
            # central root
            if sector == "party":
                kind = self.wpick(_cumulative(("BCT", 35), ("BBT", 35), ("BCHTW", 5), ("BTGTW", 25)))
            elif sector == "state":
                kind = self.pick(["CP", "TTg", "TTg"] + ([T["ministry"]] if T["ministry"] else []))
            elif sector == "health":
                kind = "BYT"
            else:
                kind = {"union": "TLĐ", "youth": "TWĐ", "front": "MTTW"}[sector]
            tc = self.wpick(self.issuer.central[kind].types)
            # companions: earlier central documents of the same issuer and type (list citations),
            # numbered before the root so that numbers grow with dates
            if kind in ("CP", "BCT", "BBT", "TTg", "BYT") and rand() < 0.6:
                cods = []
                cod = day
                for _ in range(1 + int(rand() * 3)):
                    cod -= 3 + int(rand() * 40)
                    cods.append(cod)
                for cod in reversed(cods):
                    companions.append(self.central_doc(kind, cod, topic, tcode=tc))
            root = self.central_doc(kind, day, topic, tcode=tc)
            if rand() < 0.7:
                central_written.append(root)
            if rand() < 0.3:
                # a second central document implementing the first (e.g. a guideline)
                k2 = {"BCT": "BTGTW", "BBT": "BTGTW", "BCHTW": "BCT", "CP": "TTg", "TTg": "BYT", "BYT": "BYT",
                      "BTGTW": "BTGTW", "BTTTT": "BTTTT", "BNV": "BNV", "TLĐ": "TLĐ", "TWĐ": "TWĐ", "MTTW": "MTTW"}[kind]
                c2 = self.central_doc(k2, day + 3 + int(rand() * 20), topic, parent=root)
                central_written.append(c2)
                root2 = c2
            else:
                root2 = None
            for c in central_written:
                extra = {"size": self.size()}
                if c is root and companions and rand() < 0.5:
                    extra["list"] = companions[:]
                if rand() < 0.15:
                    extra["unn"] = True
                if not self.write_doc(c, extra):
                    return
            k = int(3 + 60 * rand() ** 2.2)
        else:
            root2 = None
            k = 1
        provs = self.next_provinces(k)
        for province in provs:
            if not self.province_part(province, day, topic, sector, root, root2, companions):
                return

    def next_provinces(self, k):
        out = []
        while len(out) < k:
            if not self.prov_cycle:
                self.prov_cycle = list(self.gaz)
                self.rng.shuffle(self.prov_cycle)
            province = self.prov_cycle.pop()
            if province not in out:
                out.append(province)
            elif len(out) >= len(self.gaz):
                break
        return out

    def common_extra(self, doc, root, companions):
        rand = self.rand
        e = {"size": self.size()}
        issuer = doc.issuer
        if companions and rand() < 0.3:
            e["list"] = [c for c in companions if c.day <= doc.day]
        if root is not None and rand() < 0.12 and doc.parent is not root:
            e["narr"] = root
        if rand() < 0.12:
            e["unn"] = True
            if rand() < 0.3:
                e["unn_first"] = True
        prev = self.last_by_issuer.get(id(issuer))
        if prev is not None and prev.day <= doc.day and prev.key != (doc.parent.key if doc.parent else None):
            x = rand()
            if x < 0.08 and doc.tcode == "CV":
                e["tiep_theo"] = prev
            elif x < 0.2 and doc.tcode in ("QĐ", "KH", "CT") and prev.tcode == doc.tcode:
                e["amend"] = (self.pick(["sua_doi", "thay_the", "bai_bo"]), prev)
            elif x < 0.26:
                e["theo"] = [prev]
        if issuer.lvl == 1 and doc.tcode == "CV" and rand() < 0.06:
            lower = self.last_district_doc.get(issuer.prov.idx)
            if lower is not None and lower.day <= doc.day:
                e["tra_loi"] = lower
        if root is not None and doc.parent is not None and doc.parent is not root and root.key and rand() < 0.15:
            e.setdefault("theo", []).append(root)
        return e

    def lag(self, day, lo, hi):
        x = day + lo + int(self.rand() ** 1.7 * (hi - lo))
        return min(x, _CAP)

    def doc_for(self, issuer, parent, day, topic, parent2=None, draft=False, tcode=None):
        tc = tcode or self.wpick(issuer.types)
        subj = self.subject_for(topic, date.fromordinal(day).year)
        return self.make_doc(issuer, tc, day, subj, topic, parent=parent, parent2=parent2, draft=draft)

    def province_part(self, province, first_day, topic, sector, root, root2, companions):
        rand = self.rand
        I = self.issuer
        par = root2 if (root2 is not None and rand() < 0.6) else root
        lead_kind, sec_kinds, dl_kind, ds_kinds, c_kinds = _SECTOR_PLAN[sector]
        lead_iss = I.get(self.wpick(lead_kind), province)
        day = self.lag(par.day, 1, 30) if par is not None else first_day
        lead = self.doc_for(lead_iss, par, day, topic)
        e = self.common_extra(lead, root, companions)
        if par is None and rand() < 0.3:
            e["unn"] = True
        if sector in ("union", "youth", "front") and rand() < 0.3:
            e["respond"] = True
        if not self.write_doc(lead, e):
            return False
        if rand() < P_ARTICLE * 2.5 and not self.write_article(lead):
            return False
        prov_docs = [lead]
        for _ in range(int(rand() ** 1.5 * 3)):
            kind = self.wpick(sec_kinds)
            issuer = I.get(kind, province)
            if issuer is lead_iss:
                continue
            d2 = self.doc_for(issuer, lead, self.lag(lead.day, 0, 12), topic,
                              parent2=par if (par is not None and rand() < 0.3) else None)
            if not self.write_doc(d2, self.common_extra(d2, root, companions)):
                return False
            prov_docs.append(d2)
        # districts
        dists = province.districts
        m = min(len(dists), int(rand() ** 1.3 * 7))
        if m:
            chosen = self.rng.sample(dists, m)
            for district in chosen:
                if not self.district_part(province, district, prov_docs, topic, sector, root, companions):
                    return False
        return True

    def district_part(self, province, district, prov_docs, topic, sector, root, companions):
        rand = self.rand
        I = self.issuer
        _, _, dl_kind, ds_kinds, c_kinds = _SECTOR_PLAN[sector]
        parent = prov_docs[0] if rand() < 0.7 else self.pick(prov_docs)
        kind = self.wpick(dl_kind)
        if kind == "BTGHU" and district.word == "thị xã":
            kind = "HU"
        issuer = I.get(kind, province, district)
        communes = district.communes if c_kinds else []
        nc = min(len(communes), int(rand() ** 1.6 * 5))
        day = self.lag(parent.day, 1, 25)
        draft = nc == 0 and rand() < P_DRAFT
        p2 = prov_docs[1] if (len(prov_docs) > 1 and parent is prov_docs[0] and rand() < 0.3) else None
        lead = self.doc_for(issuer, parent, day, topic, parent2=p2, draft=draft)
        if not self.write_doc(lead, self.common_extra(lead, root, companions)):
            return False
        if not draft and rand() < P_ARTICLE * 1.5 and not self.write_article(lead):
            return False
        ddocs = [lead] if not draft else []
        if not draft and rand() < 0.35:
            k2 = self.wpick(ds_kinds)
            if k2 == "BTGHU" and district.word == "thị xã":
                k2 = "UBH"
            second_issuer = I.get(k2, province, district)
            if second_issuer is not issuer:
                d2 = self.doc_for(second_issuer, lead, self.lag(lead.day, 0, 10), topic,
                                  parent2=parent if rand() < 0.3 else None)
                if not self.write_doc(d2, self.common_extra(d2, root, companions)):
                    return False
                ddocs.append(d2)
        if not ddocs:
            return True
        for commune in (self.rng.sample(communes, nc) if nc else []):
            par = self.pick(ddocs)
            ck = self.wpick(c_kinds)
            cited_issuer = I.get(ck, province, district, commune)
            cd = self.doc_for(cited_issuer, par, self.lag(par.day, 1, 20), topic, draft=rand() < P_DRAFT)
            if not self.write_doc(cd, self.common_extra(cd, root, companions)):
                return False
        return True


_SECTOR_CUM = _cumulative(*SECTORS)
# sector -> (province lead kinds, province secondary kinds, district lead kinds, district secondary kinds, commune kinds)
_SECTOR_PLAN = {
    "party": (_cumulative(("TU", 8), ("BTGTU", 2)), _cumulative(("UBND", 35), ("BTGTU", 20), ("ĐUK", 10), ("LĐ", 10), ("TĐ", 10), ("MT", 15)),
              _cumulative(("HU", 85), ("BTGHU", 15)), _cumulative(("UBH", 50), ("BTGHU", 20), ("MTH", 15), ("LĐH", 15)), _cumulative(("ĐUX", 7), ("UBX", 3))),
    "state": (_cumulative(("UBND", 1),), _cumulative(("SO0", 2), ("SO1", 2), ("SO2", 2), ("SO3", 2), ("TU", 1), ("LĐ", 1), ("MT", 1)),
              _cumulative(("UBH", 1),), _cumulative(("PH0", 3), ("PH1", 2), ("PH2", 2), ("HU", 1)), _cumulative(("UBX", 8), ("ĐUX", 2))),
    "health": (_cumulative(("SO0", 6), ("UBND", 4)), _cumulative(("UBND", 4), ("LĐ", 2), ("TĐ", 2), ("SO2", 2)),
               _cumulative(("UBH", 6), ("PH1", 4)), _cumulative(("PH1", 5), ("PH2", 3), ("UBH", 2)), _cumulative(("UBX", 1),)),
    "union": (_cumulative(("LĐ", 1),), _cumulative(("MT", 1), ("TĐ", 1)), _cumulative(("LĐH", 1),), _cumulative(("MTH", 1),), None),
    "youth": (_cumulative(("TĐ", 1),), _cumulative(("LĐ", 1), ("MT", 1)), _cumulative(("ĐH", 1),), _cumulative(("MTH", 1),), None),
    "front": (_cumulative(("MT", 1),), _cumulative(("LĐ", 1), ("TĐ", 1)), _cumulative(("MTH", 1),), _cumulative(("ĐH", 1), ("LĐH", 1)), None),
}


def generate_corpus(outdir: str | Path, n_docs: int, seed: int = 0, *,
                    progress: Callable[[int], None] | None = None, progress_every: int = PROGRESS_EVERY) -> dict:
    """Write `n_docs` synthetic documents and `truth.jsonl` under `outdir`.

    `progress(k)` is called each time another `k` (= `progress_every`) documents have
    been written, and once at the end with the remainder (so the calls sum to n_docs).
    Returns {"documents", "citations", "bytes", "seconds", "outdir"}.
    """
    t0 = time.perf_counter()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    g = _Gen(out, int(n_docs), seed)
    g.progress = progress
    g.progress_every = max(1, int(progress_every))
    with open(out / "truth.jsonl", "w", encoding="utf-8", newline="\n", buffering=1 << 20) as tf:
        g.truth = tf
        if n_docs > 0:
            g.run()
    if progress is not None and g.written % g.progress_every:
        progress(g.written % g.progress_every)
    return {"documents": g.written, "citations": g.n_cit, "bytes": g.bytes,
            "seconds": round(time.perf_counter() - t0, 3), "outdir": str(out)}


def _main(argv=None):  # pragma: no cover - convenience entry point
    import argparse
    ap = argparse.ArgumentParser(description="Generate a synthetic chidao corpus")
    ap.add_argument("outdir")
    ap.add_argument("n_docs", type=int)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    s = generate_corpus(a.outdir, a.n_docs, a.seed)
    s["docs_per_s"] = round(s["documents"] / max(s["seconds"], 1e-9))
    s["MB_per_s"] = round(s["bytes"] / 1e6 / max(s["seconds"], 1e-9), 1)
    print(json.dumps(s))


if __name__ == "__main__":  # pragma: no cover
    _main()
