"""Places: the 63 legacy provinces with their districts and communes.

The units come from the ``vietnamadminunits`` package (table
``admin_units_legacy``: one row per commune, with its district and province,
short names, unit types and coordinates). Documents before 1 July 2025 use
these units (DOMAIN.md section 1). The table is read once, on first use.

Every lookup works on the folded form (``loaders.normalize.fold``), so
"Lai Châu", "LAI CHÂU", "Lai Chau" and NFD input all find the same province.

>>> province("tỉnh Lai Châu").uid
'place:lai-chau'
>>> district("Tam Đường", province="Lai Châu").uid
'place:lai-chau/tam-duong'
>>> find_place("Đảng ủy xã Bình Lư", province="Lai Châu").uid
'place:lai-chau/tam-duong/binh-lu'
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
import unicodedata
from dataclasses import dataclass, field

from ..loaders.normalize import fold, match_form
from ..loaders.patterns import PLACE_TOKEN_RE, SLUG_BREAK_RE, UNIT_IN_TEXT_RE
from ..loaders.vocabulary import LEVELS

__all__ = [
    "Place",
    "Gazetteer",
    "gazetteer",
    "slug",
    "province",
    "district",
    "commune",
    "districts_of",
    "communes_of",
    "find_place",
    "get_place",
]


def slug(text: str) -> str:
    """A uid part from a name: folded, non-alphanumerics to single hyphens.

    >>> slug("Bà Rịa - Vũng Tàu")
    'ba-ria-vung-tau'
    """
    return SLUG_BREAK_RE.sub("-", fold(text)).strip("-")


@dataclass(frozen=True)
class Place:
    uid: str  # place:lai-chau, place:lai-chau/tam-duong, place:lai-chau/tam-duong/binh-lu
    name: str  # short name: "Tam Đường"
    full_name: str  # "Huyện Tam Đường"
    unit_type: str  # "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn"
    level: str  # province | district | commune
    province: str  # short name of the province: "Lai Châu"
    district: str | None = None
    commune: str | None = None
    lat: float | None = None
    lon: float | None = None
    code: str | None = None
    parent_uid: str | None = None

    @property
    def province_uid(self) -> str:
        return self.uid.split("/")[0]

    @property
    def district_uid(self) -> str | None:
        parts = self.uid.split("/")
        return "/".join(parts[:2]) if len(parts) >= 2 else None

    @property
    def scope(self) -> str:
        """The place part of a uid: "lai-chau/tam-duong"."""
        return self.uid.removeprefix("place:")

    def attrs(self) -> dict:
        """Node attributes for the graph."""
        return {
            "label": "Place", "uid": self.uid, "name": self.name, "full_name": self.full_name,
            "unit_type": self.unit_type, "level": self.level, "province": self.province,
            "district": self.district, "commune": self.commune, "lat": self.lat, "lon": self.lon,
            "code": self.code,
        }


# Unit words before a name, folded, longest first; "tp" is the common abbreviation.
_PROVINCE_WORDS = ("thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp.", "tp")
_DISTRICT_WORDS = ("thanh pho", "thi xa", "huyen", "quan", "tp.", "tp")
_COMMUNE_WORDS = ("thi tran", "phuong", "xa")
# Names a text may use for a province other than the gazetteer's short name.
_PROVINCE_ALIASES = {
    "thua thien hue": "Huế", "thua thien - hue": "Huế", "tp hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh",
    "hcm": "Hồ Chí Minh", "sai gon": "Hồ Chí Minh", "ba ria vung tau": "Bà Rịa - Vũng Tàu",
    "tp. hcm": "Hồ Chí Minh", "tp.hcm": "Hồ Chí Minh",
}


def _strip_unit(folded: str, words: tuple[str, ...]) -> str:
    for w in words:
        if folded.startswith(w + " "):
            return folded[len(w) + 1:].strip()
    return folded


def _exact(text: str) -> str:
    """Lower-case matching form that keeps the accents: tells "Tam Đường" from "Tam Dương"."""
    return " ".join(match_form(unicodedata.normalize("NFC", text)).lower().split())


def _choose(found: list[Place] | None, exact_text: str) -> Place | None:
    """The one place among fold-equal candidates, using the accents of the text when needed."""
    if not found:
        return None
    unique = list({p.uid: p for p in found}.values())
    if len(unique) == 1:
        return unique[0]
    agree = [p for p in unique if re.search(rf"(?<!\w){re.escape(_exact(p.name))}(?!\w)", exact_text)]
    return agree[0] if len(agree) == 1 else None


@dataclass
class Gazetteer:
    """Indexes over the legacy units. Build with ``Gazetteer.load()``; use the module functions.

    Every index maps a folded name (short or full) to a list of places: folding
    merges names that differ only by accents ("Tam Đường" in Lai Châu, "Tam
    Dương" in Vĩnh Phúc), so a lookup picks among them with ``_choose``.
    """

    places: dict[str, Place] = field(default_factory=dict)  # uid -> Place
    provinces_by_name: dict[str, list[Place]] = field(default_factory=dict)
    districts_by_province: dict[str, dict[str, list[Place]]] = field(default_factory=dict)  # province uid -> ...
    districts_by_name: dict[str, list[Place]] = field(default_factory=dict)
    communes_by_district: dict[str, dict[str, list[Place]]] = field(default_factory=dict)
    communes_by_province: dict[str, dict[str, list[Place]]] = field(default_factory=dict)
    communes_by_name: dict[str, list[Place]] = field(default_factory=dict)
    children: dict[str, list[Place]] = field(default_factory=dict)  # uid -> child places, in table order
    _names: re.Pattern | None = None  # every province name, for find_place's fallback

    @classmethod
    def load(cls, rows: list[dict] | None = None) -> "Gazetteer":
        if rows is None:
            from vietnamadminunits.database import query

            rows = query(
                "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, "
                "district, districtShort, districtType, districtCode, districtLat, districtLon, "
                "ward, wardShort, wardType, wardCode, wardLat, wardLon FROM admin_units_legacy"
            )
        g = cls()
        seen: dict[tuple, Place] = {}  # (level, full names up the tree) -> Place
        for r in rows:
            p_short = r["provinceShort"]
            p = seen.get(("p", r["province"]))
            if p is None:
                p_type = "Thành phố" if r["province"].startswith("Thành phố") else "Tỉnh"
                p = Place(g._free_uid(f"place:{slug(p_short)}", r.get("provinceCode")), p_short, r["province"],
                          p_type, "province", p_short, lat=r.get("provinceLat"), lon=r.get("provinceLon"),
                          code=r.get("provinceCode"))
                seen[("p", r["province"])] = p
                g._add(p, None)
                for key in {fold(p_short), fold(r["province"])}:
                    g.provinces_by_name.setdefault(key, []).append(p)
            if not r.get("district"):
                continue
            d = seen.get(("d", r["province"], r["district"]))
            if d is None:
                d_short = r["districtShort"] or r["district"]
                d = Place(g._free_uid(f"{p.uid}/{slug(d_short)}", r.get("districtCode")), d_short, r["district"],
                          r.get("districtType") or "", "district", p_short, d_short, lat=r.get("districtLat"),
                          lon=r.get("districtLon"), code=r.get("districtCode"), parent_uid=p.uid)
                seen[("d", r["province"], r["district"])] = d
                g._add(d, p.uid)
                index = g.districts_by_province.setdefault(p.uid, {})
                for key in {fold(d_short), fold(r["district"])}:
                    index.setdefault(key, []).append(d)
                    g.districts_by_name.setdefault(key, []).append(d)
            if not r.get("ward") or ("c", r["province"], r["district"], r["ward"]) in seen:
                continue
            c_short = r["wardShort"] or r["ward"]
            c = Place(g._free_uid(f"{d.uid}/{slug(c_short)}", r.get("wardCode")), c_short, r["ward"],
                      r.get("wardType") or "", "commune", p_short, d.name, c_short, lat=r.get("wardLat"),
                      lon=r.get("wardLon"), code=r.get("wardCode"), parent_uid=d.uid)
            seen[("c", r["province"], r["district"], r["ward"])] = c
            g._add(c, d.uid)
            index = g.communes_by_district.setdefault(d.uid, {})
            by_province = g.communes_by_province.setdefault(p.uid, {})
            for key in {fold(c_short), fold(r["ward"])}:
                index.setdefault(key, []).append(c)
                by_province.setdefault(key, []).append(c)
                g.communes_by_name.setdefault(key, []).append(c)
        for alias, short in _PROVINCE_ALIASES.items():
            target = g.provinces_by_name.get(fold(short))
            if target:
                g.provinces_by_name.setdefault(alias, list(target))
        return g

    def _free_uid(self, uid: str, code: str | None) -> str:
        # Two units of one parent whose names fold alike keep apart by their official code.
        return uid if uid not in self.places else f"{uid}-{code}"

    def _add(self, place: Place, parent_uid: str | None) -> None:
        self.places[place.uid] = place
        if parent_uid:
            self.children.setdefault(parent_uid, []).append(place)

    # -- lookups ---------------------------------------------------------------
    def province(self, name: str | None) -> Place | None:
        if not name:
            return None
        if name.startswith("place:"):
            hit = self.places.get(name)
            return self.places.get(hit.province_uid) if hit else None
        key = fold(name).strip(" .,")
        found = self.provinces_by_name.get(key) or self.provinces_by_name.get(_strip_unit(key, _PROVINCE_WORDS))
        return _choose(found, _exact(name))

    def district(self, name: str | None, province: str | Place | None = None) -> Place | None:
        """A district by name; within ``province`` when given, else only when the name is unique."""
        if not name:
            return None
        key = fold(name).strip(" .,")
        bare = _strip_unit(key, _DISTRICT_WORDS)
        p = self._as_province(province)
        if province is not None and p is None:
            return None
        index = self.districts_by_province.get(p.uid, {}) if p is not None else self.districts_by_name
        found = index.get(key) or index.get(bare) or []
        if key != bare and key not in index:
            found = [d for d in found if _type_agrees(key, d)]
        return _choose(found, _exact(name))

    def commune(self, name: str | None, district: str | Place | None = None,
                province: str | Place | None = None) -> Place | None:
        """A commune by name within a district, or a province, or the country: unique or None."""
        if not name:
            return None
        key = fold(name).strip(" .,")
        bare = _strip_unit(key, _COMMUNE_WORDS)
        p = self._as_province(province)
        d = district if isinstance(district, Place) else (self.district(district, p) if district else None)
        if (district is not None and d is None) or (province is not None and p is None):
            return None
        if d is not None:
            index = self.communes_by_district.get(d.uid, {})
        elif p is not None:
            index = self.communes_by_province.get(p.uid, {})
        else:
            index = self.communes_by_name
        found = index.get(key) or index.get(bare) or []
        if key != bare and key not in index:
            found = [c for c in found if _type_agrees(key, c)]
        return _choose(found, _exact(name))

    def districts_of(self, province: str | Place) -> list[Place]:
        p = self._as_province(province)
        return list(self.children.get(p.uid, ())) if p else []

    def communes_of(self, district: str | Place, province: str | Place | None = None) -> list[Place]:
        d = district if isinstance(district, Place) else self.district(district, province)
        return list(self.children.get(d.uid, ())) if d else []

    def _as_province(self, province: str | Place | None) -> Place | None:
        if province is None:
            return None
        if isinstance(province, Place):
            return self.places.get(province.province_uid)
        return self.province(province)

    def find_place(self, text: str | None, province: str | Place | None = None,
                   district: str | Place | None = None) -> Place | None:
        """The most specific unit an agency name names, or None.

        Unit words lead ("UBND huyện Tam Đường", "Đảng ủy xã Bình Lư"), so do
        committee names ("Tỉnh ủy Lai Châu", "Huyện ủy Tam Đường"). Without a
        unit word a province name standing alone counts ("Sở Y tế Lai Châu").
        ``province``/``district`` are the context: a commune or district name
        is looked up inside them first.
        """
        if not text:
            return None
        folded, exact = fold(text), _exact(text)
        p_ctx = self._as_province(province)
        d_ctx = district if isinstance(district, Place) else (
            self.district(district, p_ctx) if district and p_ctx else None)
        best: Place | None = None
        for m in _UNIT_IN_TEXT_RE.finditer(folded):
            hit = self._name_after(m.group("word"), folded[m.end():].strip(), exact, p_ctx, d_ctx, best)
            if hit is not None and (best is None or _LEVEL_RANK[hit.level] > _LEVEL_RANK[best.level]):
                best = hit
        if best is None:
            for m in self._province_names_re().finditer(folded):
                best = _choose(self.provinces_by_name[m.group(0)], exact)
                if best is not None:
                    break
        return best

    def _province_names_re(self) -> re.Pattern:
        """One pattern for every province name, longest first (built once)."""
        if self._names is None:
            names = sorted((k for k in self.provinces_by_name if len(k) > 3), key=len, reverse=True)
            self._names = re.compile(r"(?<![0-9a-z])(?:" + "|".join(map(re.escape, names)) + r")(?![0-9a-z])")
        return self._names

    def _name_after(self, word: str, rest: str, exact: str, p_ctx: Place | None, d_ctx: Place | None,
                    found: Place | None) -> Place | None:
        """The unit named by the first words of ``rest`` after the unit word ``word``."""
        tokens = PLACE_TOKEN_RE.findall(rest)[:6]
        if not tokens:
            return None
        p = self.places.get(found.province_uid) if found is not None else p_ctx
        d = self.places.get(found.district_uid) if found is not None and found.level != "province" else d_ctx
        kind = _WORD_KIND[word]
        typed_word = _TYPE_NAME_FOLDED.get(word, word)
        # A commune's name is taken whole: "xã Thanh Thịnh" is never the "xã Thanh" of another province.
        shortest = len(tokens) if _WORD_KIND[word] == "commune" else 1
        for n in range(len(tokens), shortest - 1, -1):
            cand = " ".join(tokens[:n])
            typed = f"{typed_word} {cand}"
            hit = None
            if kind in ("province", "committee-province"):
                hit = _choose(self.provinces_by_name.get(cand), exact)
            elif kind in ("district", "committee-district"):
                city = word in ("thanh pho", "tp", "tp.", "thanh uy")
                if p is not None:
                    index = self.districts_by_province.get(p.uid, {})
                    hit = _choose(index.get(typed) or (index.get(cand) if kind == "committee-district" or city
                                                       else None), exact)
                if hit is None and city:
                    prov = _choose(self.provinces_by_name.get(cand), exact)
                    if prov is not None and prov.unit_type == "Thành phố":
                        hit = prov
                if hit is None and p is None:
                    found_d = self.districts_by_name.get(typed) or []
                    if kind == "committee-district" and not found_d:
                        found_d = self.districts_by_name.get(cand, [])
                    hit = _choose(found_d, exact)
            elif kind == "commune":
                hit = self.commune(typed, d, p) if (d or p) else self.commune(typed)
                if hit is None and d is not None:
                    hit = self.commune(typed, None, p)
            if hit is not None:
                return hit
        return None


_LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS[1:])}  # province 0, district 1, commune 2
# Unit and committee words met before a place name in agency names (folded).
_WORD_KIND = {
    "tinh": "province", "thanh pho": "district", "tp": "district", "tp.": "district",
    "huyen": "district", "quan": "district", "thi xa": "district",
    "xa": "commune", "phuong": "commune", "thi tran": "commune",
    "tinh uy": "committee-province", "thanh uy": "committee-district", "huyen uy": "committee-district",
    "quan uy": "committee-district", "thi uy": "committee-district",
    # Youth unions of a district: "Huyện đoàn Phù Yên" names the district, not the province Phú Yên.
    "huyen doan": "committee-district", "quan doan": "committee-district", "thi doan": "committee-district",
}
_TYPE_NAME_FOLDED = {"tp": "thanh pho", "tp.": "thanh pho", "thanh uy": "thanh pho", "huyen uy": "huyen",
                     "quan uy": "quan", "thi uy": "thi xa", "huyen doan": "huyen", "quan doan": "quan",
                     "thi doan": "thi xa"}
_UNIT_IN_TEXT_RE = UNIT_IN_TEXT_RE


def _type_agrees(key: str, place: Place) -> bool:
    t = fold(place.unit_type)
    return key.startswith(t + " ") or (key.startswith(("tp ", "tp.")) and t == "thanh pho")


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use (about half a second)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = Gazetteer.load()
    return _loaded


def province(name: str | None) -> Place | None:
    """A province by name: "Lai Châu", "tỉnh Lai Châu", "TP Hồ Chí Minh", "Thừa Thiên Huế"."""
    return gazetteer().province(name)


def district(name: str | None, province: str | Place | None = None) -> Place | None:
    return gazetteer().district(name, province)


def commune(name: str | None, district: str | Place | None = None, province: str | Place | None = None) -> Place | None:
    return gazetteer().commune(name, district, province)


def districts_of(province: str | Place) -> list[Place]:
    return gazetteer().districts_of(province)


def communes_of(district: str | Place, province: str | Place | None = None) -> list[Place]:
    return gazetteer().communes_of(district, province)


@lru_cache(maxsize=65536)
def find_place(text: str | None, province: str | Place | None = None, district: str | Place | None = None) -> Place | None:
    return gazetteer().find_place(text, province, district)


def get_place(uid: str) -> Place | None:
    return gazetteer().places.get(uid)
