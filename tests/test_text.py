"""Vietnamese normalisation and folding: the same forms at index time and query time."""

import unicodedata

import pytest

from indexer.text import (
    TOKEN,
    clean,
    fold,
    folded_syllables,
    has_diacritics,
    normalize,
    printed_syllables,
    syllable_forms,
    tokens,
    unify_tone_placement,
)


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


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("a b", "a b"),  # one plain space stays as it is
        ("a  b", "a b"),
        ("a\tb", "a b"),
        ("a\u00a0b", "a b"),
        ("a \u00a0\t\u3000 b", "a b"),
        ("a\u2002 b c\u202fd", "a b c d"),
        (" a \n  b\t", "a\nb"),
    ],
)
def test_clean_turns_every_run_of_spacing_characters_into_one_space(written: str, expected: str) -> None:
    assert clean(written) == expected


def test_fold_removes_diacritics_including_d_stroke() -> None:
    assert fold("Sản phẩm OCOP Đồng Tháp") == "san pham ocop dong thap"
    assert fold("đường") == "duong"


def test_fold_keeps_every_offset() -> None:
    text = normalize("Ông Lê Quang Vĩnh – Phó Giám đốc hợp tác xã: “Đạt 4 sao” 😀")
    assert len(fold(text)) == len(text)


def test_a_long_text_folds_as_every_character_does_alone() -> None:
    """Long texts are folded through an array of code points (`text._fold_long`): the same
    characters out as `str.translate` over the table, on every code point of the Basic
    Multilingual Plane, and texts holding an emoji or a lone surrogate."""
    every = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)
    assert fold(every) == "".join(fold(ch) for ch in every)
    padding = "Sản phẩm OCOP Đồng Tháp " * 20
    for odd in ("😀", "\ud800"):
        assert fold(padding + odd) == "san pham ocop dong thap " * 20 + odd


def test_tokens_and_diacritic_detection() -> None:
    assert tokens("TP.HCM, 1.236 sản phẩm") == ["TP", "HCM", "1", "236", "sản", "phẩm"]
    assert has_diacritics("hòa") and not has_diacritics("hoa")


def test_folding_keeps_every_letter_and_digit_one_and_nothing_else_becomes_one() -> None:
    """Why `syllable_forms` may split before it folds: on every code point, folding keeps whether a
    character belongs to a syllable (`TOKEN`), so a text and its folded form split in the same places."""
    changed = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and bool(TOKEN.fullmatch(chr(code))) != bool(TOKEN.fullmatch(fold(chr(code))))
    ]
    assert changed == []


def test_syllables_split_every_code_point_as_the_token_pattern_does() -> None:
    """`syllable_forms` splits through a table of the Basic Multilingual Plane and looks at characters
    beyond it one by one: on every code point between two letters, the same syllables as `TOKEN`."""
    beyond = [chr(code) for code in (0x1F600, 0x1D400, 0x20000, 0x10FFFF)]  # emoji, math, CJK, unassigned
    plane = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
    # Marks apart (and what NFC decomposes into one): a text holding one is split the slower way, so
    # the others are split by the table.
    marked = {p for p in plane if any(map(unicodedata.combining, unicodedata.normalize("NFC", p)))}
    points = [point for point in plane if point not in marked] + beyond + sorted(marked) + ["\U0001d165"]
    for start in range(0, len(points), 4096):
        text = " ".join(f"a{point}b" for point in points[start : start + 4096])
        assert syllable_forms(text)[0] == [syllable.lower() for syllable in tokens(normalize(text))], start


@pytest.mark.parametrize(
    "text",
    [
        "Thanh Hoá, Hòa Bình và khoẻ mạnh: thuỷ sản quý giá, QUÝ VỊ, HOÀ",
        "Sa\u0309n pha\u0302\u0309m OCOP\u200b\u00a0 Hà\u00adNội, TP.HCM 1.236 sản phẩm",
        "hoà_bình snake_case_hoà, \u0301lẻ dấu, İstanbul, Łódź, ＯＣＯＰ ①",
        "Đoạn một.\n\n\n\nĐoạn   hai.\r\n😀 “Đạt 4 sao”",
        "",
    ],
)
def test_syllable_forms_are_the_syllables_of_the_normalised_text(text: str) -> None:
    exact, folded = syllable_forms(text)
    assert exact == [syllable.lower() for syllable in tokens(normalize(text))]
    assert folded == tokens(fold(normalize(text)))
    printed, folded_too = printed_syllables(text)
    assert printed == tokens(normalize(text))
    assert folded_too == folded == [fold(syllable) for syllable in printed]


def test_folded_syllables_fold_each_word_as_fold_does() -> None:
    """The per-process table gives what `fold` gives, word for word, and in order (repeats too)."""
    words = ["Hòa", "ĐẮK", "thuỷ", "hòa", "OCOP", "Łódź", "１２", "Hòa"]
    assert folded_syllables(words) == [fold(word) for word in words]
    assert folded_syllables(iter(words[:2])) == ["hoa", "dak"]


def test_marks_of_scripts_written_with_them_stay() -> None:
    """Thai tone and vowel marks, a Devanagari vowel sign and virama are parts of their words (a
    Thai name in a border-trade story, an Indian product's name): `clean` once dropped them."""
    for word in ("แม่น้ำโขง", "ข้าวหอมมะลิ", "हिन्दी", "चाय"):
        assert clean(f"Sản phẩm {word} OCOP") == f"Sản phẩm {word} OCOP"
        assert len(fold(word)) == len(word)


def test_thai_tone_marks_on_vowel_signs_stay() -> None:
    """A Thai tone mark written over an upper vowel sign (itself a mark with no combining class)
    stays with its letter; a mark on a Latin letter is still debris and goes."""
    for word in ("เบื้องต้น", "สื่อสาร", "ขึ้นมา", "ที่นี่"):
        assert clean(f"Tin {word} OCOP") == f"Tin {word} OCOP"
    assert clean("ca\u0301\u0e49 OCOP") == "cá OCOP"


def test_stray_combining_marks_are_dropped_from_every_plane() -> None:
    """Marks NFC cannot attach (legacy encodings) go, whether in the first plane or beyond it;
    letters beyond it (emoji, mathematical letters) stay."""
    cleaned = clean("\u0301Hội chợ\U0001d165 OCOP\u20d0 2024 😀 𝐎𝐂𝐎𝐏")
    assert cleaned == "Hội chợ OCOP 2024 😀 𝐎𝐂𝐎𝐏"
    assert not any(unicodedata.combining(ch) for ch in cleaned)
