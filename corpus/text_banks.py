"""Text banks of the synthetic corpus: type names, cue words, names, laws, topics and generic sentences.

Fixed module data: the generator draws from it with its seeded random source. It imports nothing of chidao (the corpus it writes is what the parser is scored against).
"""
from __future__ import annotations

from typing import Any


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
TOPICS: list[dict[str, Any]] = [
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
for _topic in TOPICS:
    _topic["sentences"] = list(_topic["sentences"])

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
