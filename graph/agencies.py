"""Agencies: one canonical node per body, placed at its level in its province.

``resolve_agency`` turns a name as written ("Uỷ ban Nhân dân tỉnh Lai Châu",
"Ban Thường vụ Tỉnh ủy", "BTGTU", "của Bộ Chính trị") into an ``Agency``,
given the place of the citing document as context. Names are compared in
folded form, after abbreviations are expanded (UBND, HĐND, LĐLĐ, MTTQ, BCĐ)
and role prefixes dropped ("Ban Thường vụ", "Thường trực", "Chủ tịch" ... name
the committee itself).

uids: ``agency:vn:bo-chinh-tri``, ``agency:lai-chau:ubnd``,
``agency:lai-chau:btg-tu``, ``agency:lai-chau/tam-duong:hu``,
``agency:lai-chau/tam-duong/binh-lu:du``, ``agency:lai-chau:so-y-te``.

>>> resolve_agency("Uỷ ban Nhân dân tỉnh Lai Châu").uid
'agency:lai-chau:ubnd'
>>> resolve_agency("BTGTU", province="Lai Châu").parent_uid
'agency:lai-chau:tu'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..loaders.normalize import fold, match_form
from ..loaders.patterns import (AGENCY_ROLE_RE, FOLDED_UNIT_WORDS, GROUP_BODY_RE, GROUP_COMMITTEE_RE, GROUP_PLURAL_RE,
                                GROUP_PROVINCE_COMMITTEES_RE, GROUP_PROVINCES_RE, GROUP_UNDER_PROVINCE_RE, GROUP_UNIT_RE,
                                LAST_UNIT_WORD_RE, PARENTHESES_RE, PLACE_WORD_RE, TRAILING_UNIT_RE)
from ..loaders.vocabulary import ISSUER_CODES
from .gazetteer import LEGACY, REFORM, Place, find_place, gazetteer, get_place, slug, units_of

__all__ = ["Agency", "Context", "resolve_agency", "resolve_code", "expand_group", "context_for"]


@dataclass(frozen=True)
class Agency:
    uid: str
    name: str  # canonical: "Ủy ban nhân dân tỉnh Lai Châu"
    kind: str  # party | state | mass
    level: str  # central | province | district | commune
    province: str | None = None  # short names: "Lai Châu"
    district: str | None = None
    commune: str | None = None
    parent_uid: str | None = None  # PART_OF
    place_uid: str | None = None  # LOCATED_IN
    code: str | None = None  # issuer code when it has one: "BTGTU"
    system: str | None = None  # the system of units of its place (legacy | 2025); None for a central body

    def attrs(self) -> dict:
        return {"label": "Agency", "uid": self.uid, "name": self.name, "kind": self.kind, "level": self.level,
                "province": self.province, "district": self.district, "commune": self.commune,
                "parent_uid": self.parent_uid, "place_uid": self.place_uid, "code": self.code,
                "system": self.system}


@dataclass(frozen=True)
class Context:
    """Where the citing document stands: names are read relative to it."""

    province: Place | None = None
    district: Place | None = None
    commune: Place | None = None
    system: str = LEGACY  # the system of units in force for the document (legacy | 2025)

    @property
    def level(self) -> str | None:
        return "commune" if self.commune else "district" if self.district else "province" if self.province else None


def context_for(place: Place | None, system: str = LEGACY) -> Context:
    """The context of a place (its system with it); ``system`` when there is no place."""
    if place is None:
        return Context(system=system)
    g = gazetteer(place.system)
    province = g.places.get(place.province_uid)
    # A 2025 commune sits directly under its province: no district.
    district = g.places.get(place.district_uid) if place.district_uid and place.system == LEGACY else None
    return Context(province, district, place if place.level == "commune" else None, place.system)


def _ctx(province, district, commune) -> Context:
    if isinstance(province, Context):
        return province
    system = next((x.system for x in (province, district, commune) if isinstance(x, Place)), LEGACY)
    g = gazetteer(system)
    p = province if isinstance(province, Place) else g.province(province) if province else None
    d = district if isinstance(district, Place) else g.district(district, p) if district and p else None
    c = commune if isinstance(commune, Place) else g.commune(commune, d, p) if commune and (d or p) else None
    if c is not None:
        return context_for(c)
    if d is not None:
        return context_for(d)
    return Context(g.places.get(p.province_uid) if p else None, system=system)


# -- spelling ----------------------------------------------------------------
# Abbreviations in folded form -> the words they stand for.
_ABBREV = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "ldld": "lien doan lao dong",
           "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc", "bcd": "ban chi dao",
           "duk": "dang uy khoi", "bch": "ban chap hanh", "tld": "tong lien doan lao dong",
           "tw": "trung uong", "tu": "tinh uy", "tp": "thanh pho", "tp.": "thanh pho"}
# Roles that stand for their committee: "Ban Thường vụ Tỉnh ủy" is the Tỉnh ủy.
_ROLE_RE = AGENCY_ROLE_RE
_UNIT_WORDS = FOLDED_UNIT_WORDS
_UNIT_LEVEL = {"tinh": "province", "thanh pho": None, "huyen": "district", "quan": "district",
               "thi xa": "district", "xa": "commune", "phuong": "commune", "thi tran": "commune"}
_UNIT_DISPLAY = {"Tỉnh": "tỉnh", "Thành phố": "thành phố", "Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã",
                 "Xã": "xã", "Phường": "phường", "Thị trấn": "thị trấn"}

# Central bodies: folded name -> (key, canonical name, kind, parent key).
_CENTRAL: dict[str, tuple[str, str, str, str | None]] = {
    "bo chinh tri": ("bo-chinh-tri", "Bộ Chính trị", "party", "tw"),
    "ban bi thu": ("ban-bi-thu", "Ban Bí thư", "party", "tw"),
    "ban chap hanh trung uong dang": ("tw", "Trung ương Đảng", "party", None),
    "ban chap hanh trung uong": ("tw", "Trung ương Đảng", "party", None),
    "trung uong dang": ("tw", "Trung ương Đảng", "party", None),
    "trung uong": ("tw", "Trung ương Đảng", "party", None),
    "tong bi thu": ("tong-bi-thu", "Tổng Bí thư", "party", "tw"),
    "chinh phu": ("cp", "Chính phủ", "state", None),
    "thu tuong chinh phu": ("ttg", "Thủ tướng Chính phủ", "state", "cp"),
    "thu tuong": ("ttg", "Thủ tướng Chính phủ", "state", "cp"),
    "van phong chinh phu": ("vpcp", "Văn phòng Chính phủ", "state", "cp"),
    "quoc hoi": ("qh", "Quốc hội", "state", None),
    "uy ban thuong vu quoc hoi": ("ubtvqh", "Ủy ban Thường vụ Quốc hội", "state", "qh"),
    "chu tich nuoc": ("chu-tich-nuoc", "Chủ tịch nước", "state", None),
    "tong lien doan lao dong viet nam": ("tld", "Tổng Liên đoàn Lao động Việt Nam", "mass", None),
    "tong lien doan lao dong": ("tld", "Tổng Liên đoàn Lao động Việt Nam", "mass", None),
    "trung uong doan": ("twdtn", "Trung ương Đoàn", "mass", None),
    "uy ban trung uong mat tran to quoc viet nam": ("mttw", "Ủy ban Trung ương MTTQ Việt Nam", "mass", None),
}
# Ministries from the vocabulary: "bo y te" -> ("bo-y-te", "Bộ Y tế").
for _code, _issuer in ISSUER_CODES.items():
    if _issuer.name.startswith("Bộ ") and _issuer.level == "central":
        _CENTRAL[fold(_issuer.name)] = (slug(_issuer.name), _issuer.name, "state", "cp")
_CENTRAL_NAMES = {key: (name, kind, parent) for key, name, kind, parent in _CENTRAL.values()}
_CENTRAL_BY_CODE = {"TW": "tw", "CP": "cp", "TTg": "ttg", "QH": "qh", "UBTVQH": "ubtvqh", "VPCP": "vpcp",
                    "TLĐ": "tld", "TWĐTN": "twdtn", "MTTW": "mttw"}

# Party committees by folded head -> (code, level or None when decided by context).
_COMMITTEES = {"tinh uy": ("TU", "province"), "thanh uy": ("ThU", None), "huyen uy": ("HU", "district"),
               "quan uy": ("QU", "district"), "thi uy": ("TxU", "district"), "dang uy khoi": ("ĐUK", "province"),
               "dang uy": ("ĐU", None), "dang bo tinh": ("TU", "province"), "dang bo huyen": ("HU", "district")}
_COMMITTEE_NAMES = {"TU": "Tỉnh ủy", "ThU": "Thành ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "TxU": "Thị ủy",
                    "ĐU": "Đảng ủy", "ĐUK": "Đảng ủy Khối"}
_BOARDS = {"ban tuyen giao": ("BTG", "Ban Tuyên giáo"), "ban to chuc": ("BTC", "Ban Tổ chức"),
           "ban dan van": ("BDV", "Ban Dân vận"), "ban noi chinh": ("BNC", "Ban Nội chính"),
           "uy ban kiem tra": ("UBKT", "Ủy ban Kiểm tra"), "van phong": ("VP", "Văn phòng")}
# State and mass bodies present at every level: folded head -> (key, name, kind).
_LEVELLED = {"uy ban nhan dan": ("ubnd", "Ủy ban nhân dân", "state"),
             "hoi dong nhan dan": ("hdnd", "Hội đồng nhân dân", "state"),
             "lien doan lao dong": ("ldld", "Liên đoàn Lao động", "mass"),
             "uy ban mat tran to quoc viet nam": ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "mass"),
             "uy ban mat tran to quoc": ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "mass"),
             "mat tran to quoc": ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "mass"),
             "hoi lien hiep phu nu": ("hlhpn", "Hội Liên hiệp Phụ nữ", "mass"),
             "hoi nong dan": ("hnd", "Hội Nông dân", "mass"), "hoi cuu chien binh": ("hccb", "Hội Cựu chiến binh", "mass")}
_YOUTH = {"tinh doan": ("tinh-doan", "Tỉnh đoàn", "province"), "huyen doan": ("huyen-doan", "Huyện đoàn", "district")}
# Named bodies: head -> (key prefix, display head, kind, fixed level, parent key at that level).
_NAMED = {"so": ("so", "Sở", "state", "province", "ubnd"), "phong": ("phong", "Phòng", "state", "district", "ubnd"),
          "ban chi dao": ("bcd", "Ban Chỉ đạo", "state", None, None),
          "cong doan": ("cd", "Công đoàn", "mass", None, "ldld")}


def _clean(text: str) -> str:
    return " ".join(match_form(unicodedata.normalize("NFC", text)).split()).strip(" .,;:-*")


_ABBREV_DISPLAY = {"ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân", "ldld": "Liên đoàn Lao động",
                   "mttq": "Mặt trận Tổ quốc", "ubmttq": "Ủy ban Mặt trận Tổ quốc", "bcd": "Ban Chỉ đạo",
                   "duk": "Đảng ủy Khối", "bch": "Ban Chấp hành", "tld": "Tổng Liên đoàn Lao động",
                   "tw": "Trung ương", "tu": "Tỉnh ủy", "tp": "thành phố", "tp.": "thành phố"}


def _expand(folded: str) -> str:
    return " ".join(_ABBREV.get(w, w) for w in folded.split())


def _expand_display(clean: str) -> str:
    return " ".join(_ABBREV_DISPLAY.get(fold(w), w) for w in clean.split())


def _strip_roles(folded: str) -> str:
    while True:
        m = _ROLE_RE.match(folded)
        if not m or not folded[m.end():]:
            return folded
        folded = folded[m.end():]


_HEADS_BY_WORD: dict[int, dict[str, list[str]]] = {}


def _head(folded: str, table) -> str | None:
    """The longest key of table that folded starts with, as whole words."""
    index = _HEADS_BY_WORD.get(id(table))
    if index is None:  # a head can only match a text that starts with its first word
        index = _HEADS_BY_WORD[id(table)] = {}
        for head in sorted(table, key=len, reverse=True):
            index.setdefault(head.split(" ", 1)[0], []).append(head)
    for head in index.get(folded.split(" ", 1)[0], ()):
        if folded == head or folded.startswith(head + " "):
            return head
    return None


def _place_phrase(place: Place) -> str:
    return f"{_UNIT_DISPLAY.get(place.unit_type, place.unit_type.lower())} {place.name}"


def _trailing_unit_level(folded: str) -> str | None:
    m = TRAILING_UNIT_RE.search(folded)
    return _UNIT_LEVEL[m.group(1)] if m else None


def _central(key: str) -> Agency:
    name, kind, parent = _CENTRAL_NAMES[key]
    return Agency(f"agency:vn:{key}", name, kind, "central", parent_uid=f"agency:vn:{parent}" if parent else None,
                  code=next((c for c, k in _CENTRAL_BY_CODE.items() if k == key), None))


def _at_level(level: str | None, ctx: Context, place: Place | None) -> Place | None:
    """The place an agency of ``level`` sits in, from the place its name gives, else the context."""
    if level is None:
        if place is not None:
            return place
        return ctx.commune or ctx.district or ctx.province
    if place is not None:
        if level == place.level:
            return place
        if level == "province":
            return get_place(place.province_uid)
        if level == "district" and place.level == "commune":
            return get_place(place.parent_uid) if place.parent_uid != place.province_uid else None
        if level == "district" and place.level == "province" and ctx.district and ctx.province \
                and ctx.province.uid == place.uid:
            return ctx.district
        if place.level == "province" and (ctx.province is None or ctx.province.uid != place.uid):
            return None  # a district body named only by its province: which district is unknown
    return {"province": ctx.province, "district": ctx.district, "commune": ctx.commune}.get(level)


def _local(key: str, name: str, kind: str, place: Place, parent_uid: str | None, code: str | None) -> Agency:
    return Agency(f"agency:{place.scope}:{key}", name, kind, place.level, place.province,
                  place.district, place.commune, parent_uid, place.uid, code, place.system)


def _committee(code: str, level: str | None, ctx: Context, place: Place | None) -> Agency | None:
    system = place.system if place is not None else ctx.system
    g = gazetteer(system)
    if code == "ThU" and system == REFORM:
        # From 1 July 2025 a Thành ủy is a city's under the centre: there are no district cities.
        prov = get_place(place.province_uid) if place is not None else ctx.province
        if prov is None or prov.unit_type != "Thành phố":
            return None
        place, level = prov, "province"
    elif code == "ThU":
        # A Thành ủy is province level for a city under the centre, district level otherwise (DOMAIN.md 1).
        if place is not None and place.level == "province" and place.unit_type == "Thành phố":
            level = "province"
        elif place is not None and place.level == "district":
            level = "district"
        elif place is None and ctx.province is not None and ctx.province.unit_type == "Thành phố":
            level = "province"
        else:
            level = "district"
            if place is None or place.level == "province":
                prov = place or ctx.province
                cities = [d for d in g.districts_of(prov) if d.unit_type == "Thành phố"] if prov else []
                if ctx.district is not None and ctx.district.unit_type == "Thành phố":
                    place = ctx.district
                elif len(cities) == 1:
                    place = cities[0]
                else:
                    return None
    if code == "ĐU" and level is None:
        level = "commune" if (place is not None and place.level == "commune") or (
            place is None and ctx.commune is not None) else None
        if level is None:
            return None  # "Đảng ủy" of an unnamed body: too vague to place
    at = _at_level(level, ctx, place)
    if at is None:
        return None
    name = _COMMITTEE_NAMES[code]
    if at.level == "commune":
        display = f"Đảng ủy {_place_phrase(at)}"
    else:
        display = f"{name} {at.name}"
    parent = _parent_committee(at)
    return _local(fold(code).replace(" ", ""), display, "party", at, parent, code)


def _parent_committee(at: Place) -> str | None:
    """The party committee one level up: Huyện ủy -> Tỉnh ủy, Đảng ủy xã -> Huyện ủy
    (from 1 July 2025: Đảng ủy xã, phường -> Tỉnh ủy / Thành ủy)."""
    g = gazetteer(at.system)
    if at.level == "district" or (at.level == "commune" and at.parent_uid == at.province_uid):
        prov = g.places[at.province_uid]
        return f"agency:{prov.scope}:{'thu' if prov.unit_type == 'Thành phố' else 'tu'}"
    if at.level == "commune":
        d = g.places[at.district_uid]
        return f"agency:{d.scope}:{_DISTRICT_COMMITTEE.get(d.unit_type, 'hu')}"
    return None


_DISTRICT_COMMITTEE = {"Huyện": "hu", "Quận": "qu", "Thị xã": "txu", "Thành phố": "thu"}
_DISTRICT_COMMITTEE_NAME = {"Huyện": "Huyện ủy", "Quận": "Quận ủy", "Thị xã": "Thị ủy", "Thành phố": "Thành ủy"}


def _levelled(key: str, name: str, kind: str, level: str | None, ctx: Context, place: Place | None) -> Agency | None:
    at = _at_level(level, ctx, place)
    if at is None:
        return None
    parent = None
    if at.level != "province":
        up = get_place(at.parent_uid)
        parent = f"agency:{up.scope}:{key}" if up else None
    return _local(key, f"{name} {_place_phrase(at)}", kind, at, parent, None)


def _segment(clean: str, folded: str, start: int, end: int) -> str:
    """The original-cased slice of a name, when folding kept the length; else the folded slice."""
    if len(clean) == len(folded):
        return clean[start:end]
    return folded[start:end]


def _named_part(clean: str, folded: str, head: str, place: Place | None) -> tuple[str, str]:
    """(display, folded) of what follows a head, without the trailing place: "Y tế" in "Sở Y tế tỉnh Lai Châu"."""
    rest = folded[len(head):].strip()
    offset = len(folded) - len(folded[len(head):].lstrip()) if rest else len(folded)
    cut = len(rest)
    if place is not None:
        for name in (fold(place.name), fold(place.province)):
            for unit in ("",) + tuple(u + " " for u in _UNIT_WORDS):
                tail = f"{unit}{name}"
                if rest.endswith(" " + tail) or rest == tail:
                    cut = min(cut, len(rest) - len(tail))
    m = LAST_UNIT_WORD_RE.search(rest[:cut])
    if m and not rest[:cut].endswith("xa hoi"):
        cut = m.start()
    part = rest[:cut].strip(" ,-")
    return _segment(clean, folded, offset, offset + len(part)).strip(" ,-"), part


_CODES_BY_FOLD = {fold(c): c for c in ISSUER_CODES}


@lru_cache(maxsize=65536)
def resolve_code(code: str | None, province=None, district=None, commune=None) -> Agency | None:
    """The agency an issuer code stands for in a context: "BTGTU" in Lai Châu -> Ban Tuyên giáo Tỉnh ủy Lai Châu."""
    if not code:
        return None
    code = code.split("-")[0]
    if code in _CENTRAL_BY_CODE:
        return _central(_CENTRAL_BY_CODE[code])
    issuer = ISSUER_CODES.get(code)
    if issuer is None:
        return None
    if issuer.level == "central":
        return resolve_agency(issuer.name, province, district, commune)
    ctx = _ctx(province, district, commune)
    if issuer.parent:  # a board: Ban Tuyên giáo + Tỉnh ủy
        committee = _committee(issuer.parent, ISSUER_CODES[issuer.parent].level, ctx, None)
        if committee is None:
            return None
        board = issuer.name.removesuffix(" " + ISSUER_CODES[issuer.parent].name)
        prefix = code[: len(code) - len(issuer.parent)]
        at = get_place(committee.place_uid)
        return _local(f"{fold(prefix)}-{committee.uid.rsplit(':', 1)[1]}", f"{board} {committee.name}", "party",
                      at, committee.uid, code)
    if code in ("TU", "ThU", "HU", "QU", "TxU"):
        return _committee(code, issuer.level, ctx, None)
    if code == "ĐU":
        return _committee(code, None, ctx, None)
    name = issuer.name
    if issuer.level == "province" and ctx.province is not None and code not in ("ĐUK",):
        name = f"{issuer.name} tỉnh" if not name.startswith(("Sở", "Tỉnh")) else issuer.name
    return resolve_agency(name, ctx)


@lru_cache(maxsize=65536)
def resolve_agency(text: str | None, province=None, district=None, commune=None, *, code: str | None = None) -> Agency | None:
    """The canonical agency a written name stands for, or None when it names no body we can place.

    ``province``/``district``/``commune`` (names, Places, or one ``Context``) are
    where the citing document stands; a place in the name itself wins.
    ``code`` (the issuer code of a symbol) is used when the text is empty.
    """
    ctx = _ctx(province, district, commune)
    if not text or not text.strip():
        return resolve_code(code, ctx)
    clean = _clean(PARENTHESES_RE.sub(" ", text))
    if not clean:
        return resolve_code(code, ctx)
    raw_fold = fold(clean)
    if raw_fold.startswith(("cac ", "nhu ", "luu", "d/c ", "dong chi", "dang website")):
        return None
    # A bare issuer code: "BTGTU", "UBND".
    bare_code = _CODES_BY_FOLD.get(raw_fold.replace(" ", ""))
    if bare_code is not None:
        return resolve_code(bare_code, ctx)
    expanded = _expand(raw_fold)
    folded = _strip_roles(expanded)
    # Roles were stripped in folded form; keep the display text aligned by dropping as many words.
    display = _expand_display(clean)
    if len(display.split()) == len(expanded.split()):
        clean = " ".join(display.split()[len(expanded.split()) - len(folded.split()):])
    else:
        clean = folded
    head = _head(folded, _CENTRAL)
    if head is not None and (folded == head or head.startswith(("bo ", "ban bi thu", "bo chinh tri"))
                             or folded.endswith("viet nam") or not _has_place_words(folded[len(head):])):
        if not (head == "trung uong" and folded != head and not folded.startswith("trung uong dang")):
            return _central(_CENTRAL[head][0])
    place = find_place(clean, ctx.province, ctx.district, ctx.system)
    # Boards of a committee: "Ban Tuyên giáo Tỉnh ủy Lai Châu", "Văn phòng Huyện ủy".
    board = _head(folded, _BOARDS)
    if board is not None:
        rest = folded[len(board):].strip()
        if rest.startswith("trung uong"):
            return Agency(f"agency:vn:{fold(_BOARDS[board][0])}-tw", f"{_BOARDS[board][1]} Trung ương", "party",
                          "central", parent_uid="agency:vn:tw", code=f"{_BOARDS[board][0]}TW")
        committee_head = _head(rest, _COMMITTEES)
        if committee_head is None:
            return None
        code_c, level = _COMMITTEES[committee_head]
        committee = _committee(code_c, level, ctx, place)
        if committee is None:
            return None
        prefix, display = _BOARDS[board]
        at = get_place(committee.place_uid)
        return _local(f"{fold(prefix)}-{committee.uid.rsplit(':', 1)[1]}", f"{display} {committee.name}", "party",
                      at, committee.uid, prefix + code_c)
    head = _head(folded, _COMMITTEES)
    if head is not None:
        code_c, level = _COMMITTEES[head]
        if code_c == "ĐUK":
            display, part = _named_part(clean, folded, head, place)
            at = _at_level("province", ctx, place)
            if at is None or not part:
                return None
            return _local(f"duk-{slug(part)}", f"Đảng ủy Khối {display} {_place_phrase(at)}", "party", at,
                          f"agency:{at.scope}:{'thu' if at.unit_type == 'Thành phố' else 'tu'}", "ĐUK")
        return _committee(code_c, level, ctx, place)
    head = _head(folded, _LEVELLED)
    if head is not None:
        key, name, kind = _LEVELLED[head]
        level = place.level if place is not None else _trailing_unit_level(folded) or ctx.level
        if place is not None and place.level == "province" and _trailing_unit_level(folded) not in (None, "province"):
            level = _trailing_unit_level(folded)
        return _levelled(key, name, kind, level, ctx, place)
    head = _head(folded, _YOUTH)
    if head is not None:
        key, name, level = _YOUTH[head]
        at = _at_level(level, ctx, place)
        return _local(key, f"{name} {at.name}", "mass", at, None, None) if at else None
    head = _head(folded, _NAMED)
    if head is not None:
        prefix, display_head, kind, level, parent_key = _NAMED[head]
        display, part = _named_part(clean, folded, head, place)
        if not part:
            return None
        level = level or (place.level if place is not None else _trailing_unit_level(folded) or ctx.level)
        at = _at_level(level, ctx, place)
        if at is None:
            return None
        parent = f"agency:{at.scope}:{parent_key}" if parent_key else None
        return _local(f"{prefix}-{slug(part)}", f"{display_head} {display} {_place_phrase(at)}", kind, at, parent, None)
    return None


def _has_place_words(folded: str) -> bool:
    return bool(PLACE_WORD_RE.search(folded))


# -- group phrases (their patterns: loaders/patterns.py, GROUP_*_RE) ----------------------
_GROUP_UNIT_TYPES = {"thanh pho": "Thành phố", "thi tran": "Thị trấn", "thi xa": "Thị xã", "huyen": "Huyện",
                     "quan": "Quận", "xa": "Xã", "phuong": "Phường", "dac khu": "Đặc khu"}


def expand_group(text: str, province=None, district=None, commune=None) -> list[Agency]:
    return list(_expand_group(text, province, district, commune))


def provinces(system: str = LEGACY) -> list[Place]:
    """Every province of a system, in the gazetteer's order."""
    return [p for p in gazetteer(system).places.values() if p.level == "province"]


def _province_committee(p: Place) -> Agency | None:
    return _committee("ThU" if p.unit_type == "Thành phố" else "TU", "province", context_for(p), p)


@lru_cache(maxsize=16384)
def _expand_group(text: str, province=None, district=None, commune=None) -> tuple[Agency, ...]:
    """The real units a group phrase stands for, through the gazetteer of the context's system;
    () when it is not one.

    Local phrases need the context's province ("UBND các xã, phường" of a 2026 provincial
    plan: every commune and ward of that 2025 province). Phrases naming every province
    ("các tỉnh ủy, thành ủy trực thuộc Trung ương", "Sở Y tế các tỉnh, thành phố") expand
    to every province of the system in force, from any context.

    >>> [a.uid for a in expand_group("UBND các xã, thị trấn", "Lai Châu", "Tam Đường")][:2]
    ['agency:lai-chau/tam-duong/tam-duong:ubnd', 'agency:lai-chau/tam-duong/then-sin:ubnd']
    """
    ctx = _ctx(province, district, commune)
    clean = _clean(PARENTHESES_RE.sub(" ", text))
    folded = _expand(fold(clean))
    m = GROUP_PROVINCE_COMMITTEES_RE.match(folded)
    if m:
        out = []
        for p in provinces(ctx.system):
            committee = _province_committee(p)
            if committee is None:
                continue
            if m.group("board"):
                prefix, display = _BOARDS[m.group("board")]
                committee = _local(f"{fold(prefix)}-{committee.uid.rsplit(':', 1)[1]}", f"{display} {committee.name}",
                                   "party", p, committee.uid, prefix + committee.code)
            out.append(committee)
        return tuple(out)
    m = GROUP_PROVINCES_RE.match(folded)
    if m and not m.group("body").startswith("cac "):
        # The body as written ("Sở Y tế"), cut before the "các tỉnh" its folded words align with.
        words, folded_words = clean.split(), fold(clean).split()
        cut = next((i for i in range(len(folded_words) - 1)
                    if folded_words[i] == "cac" and folded_words[i + 1].startswith("tinh")), None)
        body = " ".join(words[:cut]) if cut and len(words) == len(folded_words) else m.group("body")
        out = [resolve_agency(f"{body} {p.full_name}", context_for(p)) for p in provinces(ctx.system)]
        return tuple(a for a in out if a is not None and a.level == "province")
    if ctx.province is None:
        return ()
    g = gazetteer(ctx.system)
    m = GROUP_BODY_RE.match(folded) or GROUP_PLURAL_RE.match(folded)
    if m:
        units = {_GROUP_UNIT_TYPES[u] for u in GROUP_UNIT_RE.findall(m.group("units"))}
        head = m.group("head")
        district_types = {"Thành phố", "Thị xã", "Huyện", "Quận"} & units
        commune_types = {"Thị trấn", "Xã", "Phường", "Đặc khu"} & units
        places: list[Place] = []
        if ctx.system == REFORM:
            # No district level: "các xã, phường" are the province's own units ("thành phố" names no unit here).
            places = [c for c in units_of(ctx.province) if c.unit_type in commune_types]
        elif district_types:
            places = [d for d in g.districts_of(ctx.province) if d.unit_type in district_types]
        elif commune_types:
            parents = [ctx.district] if ctx.district else g.districts_of(ctx.province)
            places = [c for d in parents for c in g.communes_of(d) if c.unit_type in commune_types]
        out = []
        for place in places:
            if head == "dang uy":
                if place.level == "commune":
                    out.append(_committee("ĐU", "commune", context_for(place), place))
                continue
            key, name, kind = _LEVELLED[head if head in _LEVELLED else "uy ban mat tran to quoc"]
            out.append(_levelled(key, name, kind, place.level, context_for(place), place))
        return tuple(a for a in out if a is not None)
    if ctx.system == REFORM and GROUP_UNDER_PROVINCE_RE.match(folded):
        out = [_committee("ĐU", "commune", context_for(c), c) for c in units_of(ctx.province)]
        return tuple(a for a in out if a is not None)
    m = GROUP_COMMITTEE_RE.match(folded)
    if m and ctx.system == LEGACY:
        wanted = {t for w, t in (("huyen uy", "Huyện"), ("thanh uy", "Thành phố"), ("thi uy", "Thị xã"),
                                 ("quan uy", "Quận")) if w in m.group("list")}
        out = []
        for d in g.districts_of(ctx.province):
            if d.unit_type in wanted:
                code = {"Huyện": "HU", "Thành phố": "ThU", "Thị xã": "TxU", "Quận": "QU"}[d.unit_type]
                a = _committee(code, "district", context_for(d), d)
                if a is not None:
                    out.append(a)
        return tuple(out)
    return ()


def agency_from_uid(uid: str) -> Agency | None:
    """Rebuild a standard agency from its uid (for a PART_OF parent no document named)."""
    try:
        _, scope, key = uid.split(":", 2)
    except ValueError:
        return None
    if scope == "vn":
        return _central(key) if key in _CENTRAL_NAMES else None
    place = get_place(f"place:{scope}")
    if place is None:
        return None
    ctx = context_for(place)
    for head, (k, name, kind) in _LEVELLED.items():
        if k == key:
            return _levelled(k, name, kind, place.level, ctx, place)
    codes = {"tu": "TU", "thu": "ThU", "hu": "HU", "qu": "QU", "txu": "TxU", "du": "ĐU"}
    if key in codes:
        return _committee(codes[key], place.level, ctx, place)
    return None
