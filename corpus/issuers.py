"""Places and issuers of the synthetic corpus: the 63 legacy provinces with their districts and
communes, the central and local issuing bodies with their symbols, headers, signers and
recipients, and how many documents each numbers per day. It imports nothing of chidao (the corpus it writes is what the parser is scored against).
"""
from __future__ import annotations

import random
import unicodedata
import zlib

from .model import COMMUNE_SCOPE_INCLUDES_COMMUNE
from .text_banks import GIVENS, MIDDLES, OFFICES, SURNAMES

# --------------------------------------------------------------------------- gazetteer
class _Prov:
    __slots__ = ("idx", "name", "full", "word", "is_city", "slug", "districts", "reform", "communes")
    idx: int
    name: str
    full: str
    word: str
    is_city: bool
    slug: str
    districts: list[_Dist]


class _Dist:
    __slots__ = ("idx", "prov", "name", "full", "dtype", "word", "communes")
    idx: int
    prov: _Prov
    name: str
    full: str
    dtype: str
    word: str
    communes: list[_Comm]


class _Comm:
    __slots__ = ("idx", "dist", "name", "full", "word")
    idx: int
    dist: _Dist
    name: str
    full: str
    word: str


_GAZ: list | None = None
_GAZ_2025: list | None = None
_REFORM_IDX = 1000  # 2025 provinces' idx start here: issuer cache keys never meet the legacy ones


def _gazetteer_2025() -> list:
    """The 34 provinces of 1 July 2025 with their communes and wards, directly under them (loaded once)."""
    global _GAZ_2025
    if _GAZ_2025 is not None:
        return _GAZ_2025
    from vietnamadminunits.database import query
    rows = query("select province, provinceShort, ward, wardShort, wardType from admin_units")
    provs: dict = {}
    for row in rows:
        p = provs.setdefault(row["provinceShort"], {"full": row["province"], "w": {}})
        if row["ward"]:
            p["w"][row["wardShort"]] = (row["ward"], row["wardType"])
    out = []
    for pi, pname in enumerate(sorted(provs)):
        pd = provs[pname]
        province = _Prov()
        province.idx, province.name, province.full = _REFORM_IDX + pi, pname, pd["full"]
        province.is_city = pd["full"].startswith("Thành phố")
        province.word = "thành phố" if province.is_city else "tỉnh"
        province.slug = "2025-" + _slugify(pname)
        province.districts, province.reform, province.communes = [], True, []
        for wi, wname in enumerate(sorted(pd["w"])):
            full, wtype = pd["w"][wname]
            commune = _Comm()
            commune.idx, commune.dist, commune.name, commune.full = wi, None, wname, full
            commune.word = {"Xã": "xã", "Phường": "phường", "Đặc khu": "đặc khu"}.get(wtype, "xã")
            province.communes.append(commune)
        out.append(province)
    _GAZ_2025 = out
    return out


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
        province.reform, province.communes = False, []
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
        if province.reform:  # after 1 July 2025 the scope carries the system: "2025:Thái Nguyên[/Đức Xuân]"
            i.scope = f"2025:{province.name}" + (f"/{commune.name}" if level == "commune" else "")
            i.place = commune.name if level == "commune" else province.name
        elif level == "province":
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
        if province is not None and province.reform:
            if commune is not None:
                return self._commune_2025(kind, province, commune)
            i = self._province(kind, province)
            # No district level: the provincial bodies address the communes and wards.
            i.recipients = [_REFORM_RECIPIENTS.get(r, r) for r in i.recipients]
            return i
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
            _commune_body(i, kind, cloc, cw, header=[[f"ĐẢNG BỘ {DLOC}", f"ĐẢNG ỦY {CLOC}"], [f"ĐẢNG ỦY {CLOC}"]],
                          recipients=["Các chi bộ trực thuộc", "Các đồng chí Đảng ủy viên"],
                          copies=[f"Ban Thường vụ {'Huyện ủy' if district.word == 'huyện' else 'cấp ủy cấp trên'} (b/c)",
                                  "Như kính gửi"])
        else:  # UBX
            _commune_body(i, kind, cloc, cw, header=[["ỦY BAN NHÂN DÂN", CLOC], [f"UBND {DLOC}", f"UBND {CLOC}"]],
                          recipients=["Các ban, ngành, đoàn thể xã", "Trưởng các thôn, bản, tổ dân phố"],
                          copies=[f"UBND {district.word} (b/c)", f"TT Đảng ủy, HĐND {cw}", "Như kính gửi"])
        i.signers = _mk_signers(i.name + district.name + province.name)
        return i




# Legacy group phrases of a provincial body -> the post-reform ones (communes and wards under the province).
_REFORM_RECIPIENTS = {
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc": "Các đảng ủy xã, phường",
    "Ban tuyên giáo các huyện ủy, thành ủy, đảng ủy trực thuộc": "Các đảng ủy trực thuộc Tỉnh ủy",
    "UBND các huyện, thành phố": "UBND các xã, phường",
    "LĐLĐ các huyện, thành phố": "Các Công đoàn ngành",
    "Ủy ban MTTQ Việt Nam các huyện, thành phố": "Các tổ chức thành viên của Mặt trận tỉnh",
    "Phòng Y tế, Phòng Giáo dục và Đào tạo các huyện, thành phố": "UBND các xã, phường",
    "Các huyện đoàn, thành đoàn, đoàn trực thuộc": "Các cơ sở đoàn trực thuộc",
}


def _commune_body(i, kind: str, cloc: str, cw: str, *, header, recipients, copies) -> None:
    """What a commune's Đảng ủy (ĐUX) or UBND (UBX) is called, writes and signs, before and after the
    reform alike; ``header``, ``recipients`` and ``copies`` are where the two systems differ."""
    CLOC = cloc.upper()
    if kind == "ĐUX":
        i.name = f"Đảng ủy {cloc}"
        i.written = [i.name, f"Ban Thường vụ Đảng ủy {cloc}"]
        i.noplace = [f"Đảng ủy {cw}", f"Ban Thường vụ Đảng ủy {cw}"]
        i.emblem, i.sym = "party", {"CV": ["-CV/ĐU"], "KH": ["-KH/ĐU"], "TB": ["-TB/ĐU"]}
        i.types = _cumulative(("CV", 5), ("KH", 4), ("TB", 1))
        i.sign = ["T/M ĐẢNG ỦY\nBÍ THƯ", "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ"]
        i.actor = [f"Ban Thường vụ Đảng ủy {cw}", f"Đảng ủy {cw}"]
        i.caps = f"BAN CHẤP HÀNH ĐẢNG BỘ {CLOC}"
    else:  # UBX
        i.name = f"Ủy ban nhân dân {cloc}"
        i.written = [i.name, f"UBND {cloc}"]
        i.noplace = [f"UBND {cw}", f"Ủy ban nhân dân {cw}"]
        i.emblem, i.sym = "state", {"CV": ["/UBND"], "KH": ["/KH-UBND"], "TB": ["/TB-UBND"], "QĐ": ["/QĐ-UBND"]}
        i.types = _cumulative(("CV", 4), ("KH", 4), ("TB", 1), ("QĐ", 1))
        i.sign = ["TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]
        i.actor = [f"Ủy ban nhân dân {cw}", f"UBND {cw}", f"Chủ tịch UBND {cw}"]
        i.caps = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {CLOC}"
    i.header, i.recipients, i.copies = header, recipients, copies


def _commune_2025(self, kind, province, commune):
    """A commune or ward's Đảng ủy or UBND after 1 July 2025: directly under the province."""
    i = self._base(kind, "commune", province, None, commune)
    cw, cn = commune.word, commune.name
    cloc = cn if cn.lower().startswith(cw) else f"{cw} {cn}"
    CLOC = cloc.upper()
    PLOC = f"{province.word} {province.name}".upper()
    ctte = "Thành ủy" if province.is_city else "Tỉnh ủy"
    if kind == "ĐUX":
        _commune_body(i, kind, cloc, cw, header=[[f"ĐẢNG BỘ {PLOC}", f"ĐẢNG ỦY {CLOC}"]],
                      recipients=["Các chi bộ trực thuộc", "Các đồng chí Đảng ủy viên"],
                      copies=[f"Ban Thường vụ {ctte} (b/c)", "Như kính gửi"])
    else:  # UBX
        _commune_body(i, kind, cloc, cw, header=[["ỦY BAN NHÂN DÂN", CLOC]],
                      recipients=["Các ban, ngành, đoàn thể", "Trưởng các thôn, tổ dân phố"],
                      copies=[f"UBND {province.word} (b/c)", f"TT Đảng ủy, HĐND {cw}", "Như kính gửi"])
    i.signers = _mk_signers(i.name + province.name + "2025")
    return i


_Issuers._commune_2025 = _commune_2025
