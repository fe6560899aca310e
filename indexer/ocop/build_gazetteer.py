"""Generate `data/gazetteer.json` from the vietnamadminunits library.

Run `python -m indexer.ocop.build_gazetteer` after upgrading vietnamadminunits. The enrichment
step reads only the generated file, so classifying an article never imports the library (its
import costs ~0.5 s and its address parser is substring-based, which misfires on running text).

What is taken from the library, and how:
- the 63 pre-July-2025 provinces and the 34 provinces of the 2025 structure (table
  `admin_units_legacy` and `admin_units`), with their codes;
- the old→new province mapping, asked of `convert_address` for every old province, so the
  mapping is the library's, not ours;
- district and commune names (legacy) and the 2025 communes/wards/special zones. A unit name is
  kept only when it points to ONE province: keyed by (kind, folded name), e.g. "huyen|son tay" is
  Quảng Ngãi while "city|son tay" (thị xã Sơn Tây) is Hà Nội; a second index keyed by the folded
  name alone (all kinds of one level) catches a town whose rank changed ("huyện Tịnh Biên", now a
  thị xã). Commune names need at least two syllables, because one-syllable names collide with
  ordinary words after a prefix ("xã hội").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

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


def _unique(entries: Iterable[tuple[str, str, str, str]], min_syllables: int) -> dict[str, dict]:
    """(kind, name, display, province_key) rows → the unambiguous ones, in three indexes.

    `by_kind` (kind|folded name) and `by_name` (folded name, any kind of this level) serve texts
    with or without diacritics; `accented` (kind|accented name) rescues names whose folded forms
    collide, such as huyện Tam Đường (Lai Châu) and huyện Tam Dương (Vĩnh Phúc).
    """
    by_kind: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_name: dict[str, set[tuple[str, str]]] = defaultdict(set)
    accented: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for kind, name, display, province in entries:
        key = unit_key(name)
        if len(key.split()) < min_syllables:
            continue
        by_kind[f"{kind}|{key}"].add((display, province))
        by_name[key].add((display, province))
        accented[f"{kind}|{accented_key(name)}"].add((display, province))

    def single(index: dict[str, set[tuple[str, str]]]) -> dict[str, list[str]]:
        out = {}
        for key, values in sorted(index.items()):
            if len({province for _, province in values}) == 1:
                display, province = sorted(values)[0]
                out[key] = [display, province]
        return out

    ambiguous = {key.split("|", 1)[1] for key, values in by_kind.items() if len({p for _, p in values}) > 1}
    rescued = {k: v for k, v in single(accented).items() if unit_key(k.split("|", 1)[1]) in ambiguous}
    return {"by_kind": single(by_kind), "by_name": single(by_name), "accented": rescued}


def build() -> dict:
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
        "districts": _unique(districts, 1),
        "wards": _unique(wards, 2),
        "wards_2025": _unique(wards_2025, 2),
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
