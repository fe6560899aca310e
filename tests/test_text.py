"""Vietnamese normalisation and folding: the same forms at index time and query time."""

import pytest

from indexer.text import fold, has_diacritics, normalize, tokens, unify_tone_placement


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("thuỷ sản", "thủy sản"),
        ("sức khoẻ", "sức khỏe"),
        ("HOÀ", "HÒA"),
        ("quý", "quý"),  # u belongs to "qu": the tone stays on y
        ("hoàng", "hoàng"),  # a final consonant fixes the placement
        ("khoảng", "khoảng"),
        ("QUỶ", "QUỶ"),  # after "Q" too
        ("Uỷ ban", "Ủy ban"),
        ("thuà", "thuà"),  # not one of the pairs (oa, oe, uy): left as written
        ("Hoà, Quý và Thuỷ.", "Hòa, Quý và Thủy."),
    ],
)
def test_tone_placement_is_unified(written: str, expected: str) -> None:
    assert unify_tone_placement(written) == expected


def test_normalize_nfc_invisible_and_spaces() -> None:
    decomposed = "Sa\u0309n pha\u0302\u0309m"  # NFD "Sản phẩm"
    assert normalize(decomposed) == "Sản phẩm"
    assert normalize("OCOP\u200b\u00a0\u00a0 Hà\u00adNội") == "OCOP HàNội"
    assert normalize("Đoạn một.\n\n\n\nĐoạn   hai.\r\n") == "Đoạn một.\n\nĐoạn hai."
    # every run of spaces becomes one plain space, whatever it holds
    assert normalize("a \tb\t c\u2003d  \u202fe f") == "a b c d e f"


def test_fold_removes_diacritics_including_d_stroke() -> None:
    assert fold("Sản phẩm OCOP Đồng Tháp") == "san pham ocop dong thap"
    assert fold("đường") == "duong"


def test_fold_keeps_every_offset() -> None:
    text = normalize("Ông Nguyễn Văn Chí – Phó Chánh văn phòng: “Đạt 4 sao” 😀")
    assert len(fold(text)) == len(text)


def test_tokens_and_diacritic_detection() -> None:
    assert tokens("TP.HCM, 1.649 sản phẩm") == ["TP", "HCM", "1", "649", "sản", "phẩm"]
    assert has_diacritics("hòa") and not has_diacritics("hoa")
