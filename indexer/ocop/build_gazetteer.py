"""Generate `data/gazetteer.json` from the vietnamadminunits library.

Run `python -m indexer.ocop.build_gazetteer` after upgrading vietnamadminunits. The enrichment
step reads only the generated file, so classifying an article never imports the library (its
import costs ~0.5 s and its address parser is substring-based, which misfires on running text).

What is taken from the library, and how:
- the 63 pre-July-2025 provinces and the 34 provinces of the 2025 structure (table
  `admin_units_legacy` and `admin_units`), with their codes;
- the old→new province mapping, asked of `convert_address` for every old province, so the
  mapping is the library's, not ours;
- district and commune names (legacy) and the 2025 communes/wards/special zones, each with EVERY
  province that has a unit of that name: keyed by (kind, name), e.g. "huyen|son tay" is Quảng
  Ngãi while "city|son tay" (thị xã Sơn Tây) is Hà Nội, and "huyen|chau thanh" lists several
  provinces; the nearest province named in the article chooses among them (indexer.ocop.places).
  Each index exists folded (for text without diacritics) and with diacritics ("Tam Đường", Lai
  Châu, is not "Tam Dương", Vĩnh Phúc), and by name alone (all kinds of one level), which catches
  a town whose rank changed ("huyện Tịnh Biên", now a thị xã; Huế's Phong Điền, now a thị xã).
  Commune names need at least two syllables, because one-syllable names collide with ordinary
  words after a prefix ("xã hội").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from indexer.text import fold, normalize, tokens

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.json"

# Unit types as printed in the library, grouped into the kinds a text prefix can select.
DISTRICT_KINDS = {"Huyện": "huyen", "Quận": "quan", "Thị xã": "city", "Thành phố": "city"}
WARD_KINDS = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi tran", "Đặc khu": "dac khu"}


def unit_key(name: str) -> str:
    """Folded, space-joined syllables: the form the matcher looks up."""
    return " ".join(tokens(fold(normalize(name))))


def _short_name(unit_type: str, short: str) -> str:
    # "Quận 1" is stored with its type in the short name; the matcher sees "quận" as the prefix.
    return short[len(unit_type) :].strip() if short.startswith(unit_type + " ") else short


def accented_key(name: str) -> str:
    """Lower-case syllables WITH diacritics, for names that only their diacritics tell apart."""
    return " ".join(tokens(normalize(name).lower()))


def _indexes(
    entries: Iterable[tuple[str, str, str, str]], min_syllables: int
) -> dict[str, dict[str, list[list[str]]]]:
    """(kind, name, display, province_key) rows → four indexes of [display, province] candidates.

    `by_kind` (kind|folded name) and `by_name` (folded name, any kind of this level) serve texts
    without diacritics; `accented` (kind|name with diacritics) and `accented_name` (name with
    diacritics, any kind) serve texts with them. Each key lists one candidate per province.
    """
    indexes: dict[str, dict[str, dict[str, str]]] = {
        name: defaultdict(dict) for name in ("by_kind", "by_name", "accented", "accented_name")
    }
    for kind, name, display, province in sorted(entries):
        key = unit_key(name)
        if len(key.split()) < min_syllables:
            continue
        accent = accented_key(name)
        for index, k in (
            ("by_kind", f"{kind}|{key}"),
            ("by_name", key),
            ("accented", f"{kind}|{accent}"),
            ("accented_name", accent),
        ):
            indexes[index][k].setdefault(province, display)
    return {
        index: {k: [[display, p] for p, display in sorted(v.items())] for k, v in sorted(keys.items())}
        for index, keys in indexes.items()
    }


def build() -> dict[str, Any]:
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import get_data

    legacy = get_data(
        fields=[
            "provinceKey",
            "provinceShort",
            "provinceCode",
            "districtShort",
            "districtType",
            "wardShort",
            "wardType",
        ],
        table="admin_units_legacy",
    )
    current = get_data(
        fields=["provinceKey", "provinceShort", "provinceCode", "wardShort", "wardType"], table="admin_units"
    )

    provinces_2025 = sorted(
        {(r["provinceCode"], r["provinceKey"], normalize(r["provinceShort"])) for r in current}
    )
    new_by_key = {key: name for _, key, name in provinces_2025}
    old = sorted({(r["provinceCode"], r["provinceKey"], normalize(r["provinceShort"])) for r in legacy})
    provinces = []
    for code, key, name in old:
        converted = convert_address(name).province_key  # the library's own old→new mapping
        if converted not in new_by_key:
            raise SystemExit(f"vietnamadminunits maps {name!r} to unknown 2025 province {converted!r}")
        provinces.append({"key": key, "code": code, "name": name, "key_2025": converted})

    districts = {
        (
            DISTRICT_KINDS[r["districtType"]],
            _short_name(r["districtType"], r["districtShort"]),
            f"{r['districtType'].lower()} {_short_name(r['districtType'], r['districtShort'])}",
            r["provinceKey"],
        )
        for r in legacy
        if r["districtType"] in DISTRICT_KINDS
    }
    wards = {
        (
            WARD_KINDS[r["wardType"]],
            _short_name(r["wardType"], r["wardShort"]),
            f"{r['wardType'].lower()} {_short_name(r['wardType'], r['wardShort'])}",
            r["provinceKey"],
        )
        for r in legacy
        if r["wardType"] in WARD_KINDS
    }
    wards_2025 = {
        (
            WARD_KINDS[r["wardType"]],
            r["wardShort"],
            f"{r['wardType'].lower()} {r['wardShort']}",
            r["provinceKey"],
        )
        for r in current
        if r["wardType"] in WARD_KINDS
    }
    return {
        "generated_by": "python -m indexer.ocop.build_gazetteer",
        "library": f"vietnamadminunits {version('vietnamadminunits')}",
        "provinces": provinces,
        "provinces_2025": [{"key": key, "code": code, "name": name} for code, key, name in provinces_2025],
        "districts": _indexes(districts, 1),
        "wards": _indexes(wards, 2),
        "wards_2025": _indexes(wards_2025, 2),
    }


def main() -> None:
    data = build()
    DATA_FILE.write_text(
        json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    sizes = {k: {i: len(v[i]) for i in v} for k, v in data.items() if isinstance(v, dict) and "by_kind" in v}
    counts = f"{len(data['provinces'])} old, {len(data['provinces_2025'])} new provinces"
    print(f"wrote {DATA_FILE} ({counts}, {sizes})")


if __name__ == "__main__":
    main()
