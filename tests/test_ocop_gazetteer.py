"""The generated gazetteer agrees with vietnamadminunits (the maintained source of the 2025 structure)."""

from __future__ import annotations

from indexer.ocop import build_gazetteer
from indexer.ocop.vocab import gazetteer


def test_data_file_is_what_the_library_generates_today() -> None:
    assert build_gazetteer.build() == gazetteer(), "run: python -m indexer.ocop.build_gazetteer"


def test_old_to_new_mapping_follows_the_library() -> None:
    from vietnamadminunits import convert_address as convert  # a declared dependency: never skipped

    data = gazetteer()
    new_names = {p["key"]: p["name"] for p in data["provinces_2025"]}
    mapping = {p["name"]: new_names[p["key_2025"]] for p in data["provinces"]}
    assert len(mapping) == 63 and len(set(mapping.values())) == 34
    for old, new in [
        ("Phú Yên", "Đắk Lắk"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Hà Giang", "Tuyên Quang"),
        ("Hòa Bình", "Phú Thọ"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Hà Nội", "Hà Nội"),
    ]:
        assert mapping[old] == new
        assert convert(old).short_province == new


def test_unit_names_list_every_province_that_has_them() -> None:
    units = gazetteer()["districts"]["by_kind"]
    assert units["huyen|phuc tho"] == [["huyện Phúc Thọ", "thanhphohanoi"]]
    assert units["quan|hai ba trung"] == [["quận Hai Bà Trưng", "thanhphohanoi"]]
    assert units["city|son tay"] == [["thị xã Sơn Tây", "thanhphohanoi"]]
    assert units["huyen|son tay"] == [["huyện Sơn Tây", "tinhquangngai"]]
    chau_thanh = {province for _display, province in units["huyen|chau thanh"]}
    assert len(chau_thanh) >= 5  # a district name in several provinces: the article decides
    accented = gazetteer()["districts"]["accented"]
    assert [p for _d, p in accented["huyen|tam đường"]] == ["tinhlaichau"]  # not Tam Dương
    wards = gazetteer()["wards"]["by_kind"]
    assert all(len(key.split("|", 1)[1].split()) >= 2 for key in wards)  # never "xã Hội"
