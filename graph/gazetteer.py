"""Places in force on a date: two systems of units (DOMAIN.md section 1).

``legacy`` (before 1 July 2025): the 63 provinces with their districts and
communes, table ``admin_units_legacy`` of the ``vietnamadminunits`` package.
``2025`` (from 1 July 2025): the 34 provinces and their 3,321 communes and
wards, directly under the province, table ``admin_units``; the package's
``converter_2025.json`` maps each legacy unit to the new ones. Each system is
read once, on first use. Legacy uids are ``place:lai-chau/tam-duong/binh-lu``;
2025 uids carry the system in their scope: ``place:2025.thai-nguyen/duc-xuan``.

Every lookup works on the folded form (``loaders.normalize.fold``), so
"Lai Châu", "LAI CHÂU", "Lai Chau" and NFD input all find the same province.

>>> province("tỉnh Lai Châu").uid
'place:lai-chau'
>>> district("Tam Đường", province="Lai Châu").uid
'place:lai-chau/tam-duong'
>>> find_place("Đảng ủy xã Bình Lư", province="Lai Châu").uid
'place:lai-chau/tam-duong/binh-lu'
>>> find_place("Đảng ủy phường Đức Xuân", system="2025").uid
'place:2025.thai-nguyen/duc-xuan'
>>> system_on("2025-07-01"), system_on("2025-06"), system_on("2025")
('2025', 'legacy', None)
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
    "LEGACY",
    "REFORM",
    "SYSTEMS",
    "REFORM_DATE",
    "system_on",
    "successors",
    "predecessors",
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
    "units_of",
    "in_system",
    "system_of_uid",
]


LEGACY = "legacy"  # 63 provinces, districts, communes
REFORM = "2025"  # 34 provinces, communes and wards under the province (from 1 July 2025)
SYSTEMS = (LEGACY, REFORM)
REFORM_DATE = "2025-07-01"
_SCOPE_PREFIX = {LEGACY: "", REFORM: "2025."}


def system_on(date: str | None) -> str | None:
    """The system in force on an ISO date at its precision; None when the precision cannot tell.

    A day or a month decides ("2025-07" is after the reform: it took effect on the 1st);
    a year decides unless it is 2025.
    """
    if not date or not re.match(r"^\d{4}", date):
        return None
    if len(date) >= 7:
        return REFORM if date[:10] >= REFORM_DATE[:len(date[:10])] else LEGACY
    year = int(date[:4])
    return None if year == 2025 else REFORM if year > 2025 else LEGACY


def system_of_uid(uid: str | None) -> str:
    """The system a place uid (or a scope) belongs to."""
    return REFORM if uid and uid.removeprefix("place:").startswith("2025.") else LEGACY


def slug(text: str) -> str:
    """A uid part from a name: folded, non-alphanumerics to single hyphens.

    >>> slug("Bà Rịa - Vũng Tàu")
    'ba-ria-vung-tau'
    """
    return SLUG_BREAK_RE.sub("-", fold(text)).strip("-")


def _index_names(place, names: tuple[str, str], *indexes: dict) -> None:
    """File ``place`` under its folded short and full names in each of ``indexes``, once per distinct
    key (a short and a full name may fold alike)."""
    for key in {fold(name) for name in names}:
        for index in indexes:
            index.setdefault(key, []).append(place)


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
    system: str = LEGACY  # legacy | 2025

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
            "code": self.code, "system": self.system,
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
    system: str = LEGACY
    by_key: dict[str, Place] = field(default_factory=dict)  # the package's keys ("tinhbackan_..._phuongducxuan")
    _names: re.Pattern | None = None  # every province name, for find_place's fallback

    @classmethod
    def load(cls, rows: list[dict] | None = None, system: str = LEGACY) -> "Gazetteer":
        if rows is None:
            from vietnamadminunits.database import query

            if system == LEGACY:
                rows = query(
                    "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, "
                    "district, districtShort, districtType, districtCode, districtLat, districtLon, "
                    "ward, wardShort, wardType, wardCode, wardLat, wardLon, provinceKey, districtKey, wardKey "
                    "FROM admin_units_legacy"
                )
            else:
                rows = query(
                    "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, "
                    "ward, wardShort, wardType, wardCode, wardLat, wardLon, provinceKey, wardKey FROM admin_units"
                )
        g = cls(system=system)
        prefix = _SCOPE_PREFIX[system]
        seen: dict[tuple, Place] = {}  # (level, full names up the tree) -> Place
        for r in rows:
            p_short = r["provinceShort"]
            p = seen.get(("p", r["province"]))
            if p is None:
                p_type = "Thành phố" if r["province"].startswith("Thành phố") else "Tỉnh"
                p = Place(g._free_uid(f"place:{prefix}{slug(p_short)}", r.get("provinceCode")), p_short,
                          r["province"], p_type, "province", p_short, lat=r.get("provinceLat"),
                          lon=r.get("provinceLon"), code=r.get("provinceCode"), system=system)
                seen[("p", r["province"])] = p
                g._add(p, None)
                if r.get("provinceKey"):
                    g.by_key[r["provinceKey"]] = p
                for key in {fold(p_short), fold(r["province"])}:
                    g.provinces_by_name.setdefault(key, []).append(p)
            if system == REFORM:
                if r.get("ward") and ("c", r["province"], r["ward"]) not in seen:
                    c_short = r["wardShort"] or r["ward"]
                    c = Place(g._free_uid(f"{p.uid}/{slug(c_short)}", r.get("wardCode")), c_short, r["ward"],
                              r.get("wardType") or "", "commune", p_short, None, c_short, lat=r.get("wardLat"),
                              lon=r.get("wardLon"), code=r.get("wardCode"), parent_uid=p.uid, system=system)
                    seen[("c", r["province"], r["ward"])] = c
                    g._add(c, p.uid)
                    if r.get("wardKey"):
                        g.by_key[f"{r['provinceKey']}_{r['wardKey']}"] = c
                    _index_names(c, (c_short, r["ward"]), g.communes_by_province.setdefault(p.uid, {}),
                                 g.communes_by_name)
                continue
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
                if r.get("districtKey"):
                    g.by_key[f"{r['provinceKey']}_{r['districtKey']}"] = d
                _index_names(d, (d_short, r["district"]), g.districts_by_province.setdefault(p.uid, {}),
                             g.districts_by_name)
            if not r.get("ward") or ("c", r["province"], r["district"], r["ward"]) in seen:
                continue
            c_short = r["wardShort"] or r["ward"]
            c = Place(g._free_uid(f"{d.uid}/{slug(c_short)}", r.get("wardCode")), c_short, r["ward"],
                      r.get("wardType") or "", "commune", p_short, d.name, c_short, lat=r.get("wardLat"),
                      lon=r.get("wardLon"), code=r.get("wardCode"), parent_uid=d.uid)
            seen[("c", r["province"], r["district"], r["ward"])] = c
            g._add(c, d.uid)
            if r.get("wardKey"):
                g.by_key[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"] = c
            _index_names(c, (c_short, r["ward"]), g.communes_by_district.setdefault(d.uid, {}),
                         g.communes_by_province.setdefault(p.uid, {}), g.communes_by_name)
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


_lock = threading.RLock()
_loaded: dict[str, Gazetteer] = {}


def gazetteer(system: str = LEGACY) -> Gazetteer:
    """The shared gazetteer of a system, loaded on first use (about half a second each)."""
    g = _loaded.get(system)
    if g is None:
        if system not in SYSTEMS:
            raise ValueError(f"unknown system of units {system!r}: choose {' or '.join(SYSTEMS)}")
        with _lock:
            g = _loaded.get(system)
            if g is None:
                g = _loaded[system] = Gazetteer.load(system=system)
    return g


def _system_of(system: str | None, *places) -> str:
    if system:
        return system
    for p in places:
        if isinstance(p, Place):
            return p.system
    return LEGACY


def province(name: str | None, system: str | None = None) -> Place | None:
    """A province by name: "Lai Châu", "tỉnh Lai Châu", "TP Hồ Chí Minh", "Thừa Thiên Huế"."""
    return gazetteer(_system_of(system)).province(name)


def district(name: str | None, province: str | Place | None = None, system: str | None = None) -> Place | None:
    return gazetteer(_system_of(system, province)).district(name, province)


def commune(name: str | None, district: str | Place | None = None, province: str | Place | None = None,
            system: str | None = None) -> Place | None:
    return gazetteer(_system_of(system, district, province)).commune(name, district, province)


def districts_of(province: str | Place, system: str | None = None) -> list[Place]:
    return gazetteer(_system_of(system, province)).districts_of(province)


def communes_of(district: str | Place, province: str | Place | None = None, system: str | None = None) -> list[Place]:
    return gazetteer(_system_of(system, district, province)).communes_of(district, province)


def units_of(province: Place) -> list[Place]:
    """The communes and wards directly under a 2025 province (every commune of a legacy one)."""
    g = gazetteer(province.system)
    p = g.places.get(province.province_uid)
    if p is None:
        return []
    if p.system == REFORM:
        return list(g.children.get(p.uid, ()))
    return [c for d in g.children.get(p.uid, ()) for c in g.children.get(d.uid, ())]


@lru_cache(maxsize=65536)
def find_place(text: str | None, province: str | Place | None = None, district: str | Place | None = None,
               system: str | None = None) -> Place | None:
    return gazetteer(_system_of(system, province, district)).find_place(text, province, district)


def get_place(uid: str | None) -> Place | None:
    if not uid:
        return None
    return gazetteer(system_of_uid(uid)).places.get(uid)


# -- the mapping between the systems ---------------------------------------
@dataclass(frozen=True)
class _Mapping:
    forward: dict[str, tuple[str, ...]]  # legacy uid -> 2025 uids (the default successor first)
    backward: dict[str, tuple[str, ...]]  # 2025 uid -> legacy uids


_mapping: _Mapping | None = None


def _load_mapping() -> _Mapping:
    import json
    from importlib.resources import files

    data = json.loads(files("vietnamadminunits").joinpath("data/converter_2025.json").read_text(encoding="utf-8"))
    old, new = gazetteer(LEGACY), gazetteer(REFORM)
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}

    def link(o: Place | None, n: Place | None, default: bool = True) -> None:
        if o is None or n is None:
            return
        f = forward.setdefault(o.uid, [])
        if n.uid not in f:
            f.insert(0, n.uid) if default else f.append(n.uid)
        b = backward.setdefault(n.uid, [])
        if o.uid not in b:
            b.append(o.uid)

    for new_p, old_ps in data["DICT_PROVINCE"].items():
        for old_p in old_ps:
            link(old.by_key.get(old_p), new.by_key.get(new_p))
    for new_p, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, old_ws in wards.items():
            n = new.by_key.get(f"{new_p}_{new_w}")
            for old_w in old_ws:
                link(old.by_key.get(old_w), n)
    for new_p, olds in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_w, news in olds.items():
            for w in sorted(news, key=lambda w: not w.get("isDefaultNewWard")):
                link(old.by_key.get(old_w), new.by_key.get(f"{new_p}_{w['newWardKey']}"), w.get("isDefaultNewWard"))
    # A legacy district maps to the new units of its communes.
    for uid, place in old.places.items():
        if place.level == "district":
            units = [n for c in old.children.get(uid, ()) for n in forward.get(c.uid, ())[:1]]
            forward[uid] = list(dict.fromkeys(units))
    return _Mapping({k: tuple(v) for k, v in forward.items()}, {k: tuple(v) for k, v in backward.items()})


def _the_mapping() -> _Mapping:
    global _mapping
    if _mapping is None:
        with _lock:
            if _mapping is None:
                _mapping = _load_mapping()
    return _mapping


def preload() -> None:
    """Both systems and the mapping between them, loaded now: a build's parent does it once before
    forking its workers, which then share them (each worker loading the 2025 system again cost
    0.15 s and an SQLite call in a process forked from a threaded parent)."""
    for system in SYSTEMS:
        gazetteer(system)
    _the_mapping()


def successors(place: Place) -> list[Place]:
    """The 2025 units a legacy unit became (the default one first); a 2025 place maps to itself."""
    if place.system == REFORM:
        return [place]
    return [p for uid in _the_mapping().forward.get(place.uid, ()) if (p := get_place(uid)) is not None]


def predecessors(place: Place) -> list[Place]:
    """The legacy units a 2025 unit was made of; a legacy place maps to itself."""
    if place.system == LEGACY:
        return [place]
    return [p for uid in _the_mapping().backward.get(place.uid, ()) if (p := get_place(uid)) is not None]


def in_system(place: Place | None, system: str) -> Place | None:
    """The one place of ``system`` that ``place`` corresponds to, or None when the mapping gives several
    (a legacy commune split over two wards gives its default ward; a new ward made of several legacy
    communes gives their common district, else their common province)."""
    if place is None or place.system == system:
        return place
    if system == REFORM:
        found = successors(place)
        if place.level == "district":
            provinces = {p.province_uid for p in found}
            return get_place(provinces.pop()) if len(provinces) == 1 else None
        return found[0] if found else None
    found = predecessors(place)
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    if place.level == "province":  # a merged province keeps one of its names: that one is its default
        same = [p for p in found if fold(p.name) == fold(place.name)]
        return same[0] if same else None
    for level_uid in (lambda p: p.district_uid, lambda p: p.province_uid):
        ups = {level_uid(p) for p in found}
        if len(ups) == 1 and None not in ups:
            return get_place(ups.pop())
    return None
