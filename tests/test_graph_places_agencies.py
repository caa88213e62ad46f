"""Gazetteer lookups, agency resolution and document keys: tables of real names."""

from __future__ import annotations

import pytest

from chidao.graph.agencies import expand_group, resolve_agency, resolve_code
from chidao.graph.gazetteer import communes_of, district, districts_of, find_place, province
from chidao.graph.identity import DocKey, normalize_symbol, scope_of


@pytest.mark.parametrize("name, uid", [
    ("Lai Châu", "place:lai-chau"),
    ("tỉnh Lai Châu", "place:lai-chau"),
    ("LAI CHÂU", "place:lai-chau"),
    ("TP Hồ Chí Minh", "place:ho-chi-minh"),
    ("Hồ Chí Minh", "place:ho-chi-minh"),
    ("Thừa Thiên Huế", "place:hue"),
    ("Huế", "place:hue"),
    ("Bến Tre", "place:ben-tre"),
    ("Atlantis", None),
], ids=lambda v: str(v))
def test_province_lookup(name, uid):
    hit = province(name)
    assert (hit.uid if hit else None) == uid


def test_district_lookup_keeps_accents_apart():
    # "Tam Đường" (Lai Châu) and "Tam Dương" (Vĩnh Phúc) fold to the same letters.
    assert district("Tam Đường").uid == "place:lai-chau/tam-duong"
    assert district("Tam Dương").uid == "place:vinh-phuc/tam-duong"
    assert district("thành phố Lai Châu", "Lai Châu").uid == "place:lai-chau/lai-chau"
    assert district("Tam Đường", "Bến Tre") is None


def test_units_of_a_province_and_district():
    names = [d.name for d in districts_of("Lai Châu")]
    assert "Tam Đường" in names and "Lai Châu" in names and len(names) == 8
    communes = communes_of("Tam Đường", "Lai Châu")
    assert "Bình Lư" in [c.name for c in communes]
    assert all(c.level == "commune" and c.lat is not None for c in communes)


@pytest.mark.parametrize("text, ctx, uid", [
    ("UBND huyện Tam Đường", None, "place:lai-chau/tam-duong"),
    ("Đảng ủy xã Bình Lư", "Lai Châu", "place:lai-chau/tam-duong/binh-lu"),
    ("Ban Tuyên giáo Tỉnh ủy Lai Châu", None, "place:lai-chau"),
    ("Sở Y tế Lai Châu", None, "place:lai-chau"),
    ("Thành ủy Lai Châu", "Lai Châu", "place:lai-chau/lai-chau"),
    ("UBND quận 1, TP Hồ Chí Minh", None, "place:ho-chi-minh/quan-1"),
    ("Bộ Chính trị", None, None),
], ids=lambda v: str(v))
def test_find_place(text, ctx, uid):
    hit = find_place(text, ctx)
    assert (hit.uid if hit else None) == uid


@pytest.mark.parametrize("text, ctx, uid, parent", [
    ("UBND tỉnh Lai Châu", None, "agency:lai-chau:ubnd", None),
    ("Ủy ban nhân dân tỉnh Lai Châu", None, "agency:lai-chau:ubnd", None),
    ("Uỷ ban Nhân dân tỉnh Lai Châu", None, "agency:lai-chau:ubnd", None),
    ("Uỷ ban Nhân dân tỉnh Lai Châu", None, "agency:lai-chau:ubnd", None),
    ("Ban Thường vụ Tỉnh ủy", "Bến Tre", "agency:ben-tre:tu", None),
    ("Thường trực Tỉnh ủy", "Bến Tre", "agency:ben-tre:tu", None),
    ("Ban Tuyên giáo Tỉnh ủy Lai Châu", None, "agency:lai-chau:btg-tu", "agency:lai-chau:tu"),
    ("BTGTU", "Lai Châu", "agency:lai-chau:btg-tu", "agency:lai-chau:tu"),
    ("Sở Y tế Lai Châu", None, "agency:lai-chau:so-y-te", "agency:lai-chau:ubnd"),
    ("Chủ tịch UBND huyện Tam Đường", None, "agency:lai-chau/tam-duong:ubnd", "agency:lai-chau:ubnd"),
    ("Đảng ủy xã Bình Lư", "Lai Châu", "agency:lai-chau/tam-duong/binh-lu:du", "agency:lai-chau/tam-duong:hu"),
    ("Thành ủy", "Lai Châu", "agency:lai-chau/lai-chau:thu", "agency:lai-chau:tu"),
    ("Thành ủy", "Hà Nội", "agency:ha-noi:thu", None),
    ("Bộ Chính trị", "Lai Châu", "agency:vn:bo-chinh-tri", "agency:vn:tw"),
    ("Thường trực Ban Bí thư", None, "agency:vn:ban-bi-thu", "agency:vn:tw"),
    ("Chính phủ", None, "agency:vn:cp", None),
    ("Thủ tướng Chính phủ", None, "agency:vn:ttg", "agency:vn:cp"),
    ("Ban Thường vụ LĐLĐ tỉnh", "Lai Châu", "agency:lai-chau:ldld", None),
    ("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh", "Lai Châu", None, None),
    ("Ban Tuyên giáo Quận ủy", None, None, None),  # which district is not said
], ids=lambda v: str(v))
def test_resolve_agency(text, ctx, uid, parent):
    a = resolve_agency(text, ctx)
    assert (a.uid if a else None) == uid
    if a is not None:
        assert a.parent_uid == parent


def test_one_agency_per_province():
    assert resolve_agency("UBND tỉnh Lai Châu").uid != resolve_agency("UBND tỉnh Bến Tre").uid
    assert resolve_code("TU", "Bến Tre").uid == resolve_agency("Tỉnh ủy Bến Tre").uid == "agency:ben-tre:tu"
    assert resolve_code("TW").uid == "agency:vn:tw"  # the body behind /TW, when the text does not say


def test_group_phrases_expand_to_real_units():
    communes = expand_group("UBND các xã, thị trấn", "Lai Châu", "Tam Đường")
    assert len(communes) == len(communes_of("Tam Đường", "Lai Châu")) == 13
    assert "agency:lai-chau/tam-duong/binh-lu:ubnd" in {a.uid for a in communes}
    committees = {a.uid for a in expand_group("Các huyện ủy, thành ủy, đảng ủy trực thuộc", "Lai Châu")}
    assert "agency:lai-chau/lai-chau:thu" in committees and "agency:lai-chau/tam-duong:hu" in committees
    assert len(committees) == 8
    assert expand_group("Các Công đoàn Ngành", "Lai Châu") == []


@pytest.mark.parametrize("code, agency_text, fallback, scope", [
    ("TW", None, "lai-chau", "VN"),
    ("CP", None, "ben-tre", "VN"),
    ("TTg", None, None, "VN"),
    ("BYT", None, "lai-chau", "VN"),
    ("TU", "Ban Thường vụ Tỉnh ủy", "ben-tre", "ben-tre"),  # the citing document's province
    ("TU", "Tỉnh ủy Lai Châu", "ben-tre", "lai-chau"),  # the citation names its own
    ("UBND", "UBND huyện Tam Đường", "lai-chau", "lai-chau/tam-duong"),
    ("BTGQU", None, None, None),
], ids=lambda v: str(v))
def test_scope(code, agency_text, fallback, scope):
    agency = resolve_agency(agency_text, fallback) if agency_text else None
    assert scope_of(code, agency, fallback) == scope


def test_doc_key():
    assert DocKey("07-KL/TW", "VN", 2021).uid == "doc:07-KL/TW@VN:2021"
    assert DocKey("272-CV/TU", "ben-tre", 2021) != DocKey("272-CV/TU", "quang-nam", 2021)
    assert DocKey("294-CV/TU", "lai-chau", None).uid == "doc:294-CV/TU@lai-chau:?"
    assert normalize_symbol("159 -CV/ÐUK") == "159-CV/ĐUK"
