"""Related-headline lines (asides) told apart from prose, paragraph by paragraph."""

from __future__ import annotations

from indexer.asides import split_asides

PROSE = "Hợp tác xã mở rộng vùng trồng cam sành đạt chuẩn OCOP 4 sao trong năm nay."
LONG = f"{PROSE} {PROSE}"  # more words than a headline may have (max_headline_words)


def test_a_label_opens_a_list_of_short_headlines_that_long_prose_ends() -> None:
    text = "\n\n".join(
        [PROSE, "Tin liên quan:", "Tuyên Quang đưa cam sành lên sàn", PROSE, LONG, "Mật ong bạc hà"]
    )
    prose, asides = split_asides(text)
    assert prose == f"{PROSE}\n\n{LONG}\n\nMật ong bạc hà"
    assert asides == f"Tin liên quan:\n\nTuyên Quang đưa cam sành lên sàn\n\n{PROSE}"


def test_a_label_is_the_whole_paragraph_whatever_punctuation_surrounds_its_words() -> None:
    for label in ("XEM THÊM ……", "» Tin  liên   quan «", "__Đọc thêm__", "Có thể bạn quan tâm"):
        assert split_asides(f"{PROSE}\n\n{label}\n\nMột dòng tin") == (PROSE, f"{label}\n\nMột dòng tin")


def test_a_paragraph_longer_than_any_label_is_prose_unless_it_opens_like_a_headline_line() -> None:
    longer = "Tin liên quan đến sản phẩm OCOP của tỉnh được nhiều người đọc."  # a label's words, then more
    assert split_asides(f"{longer}\n\nMột dòng tin") == (f"{longer}\n\nMột dòng tin", "")
    opening = ">> Đồng Tháp có thêm 12 sản phẩm OCOP được công nhận trong đợt hai"
    assert split_asides(f"{PROSE}\n\n{opening}") == (PROSE, opening)
    assert split_asides(f"{PROSE}\n\nXem thêm: {PROSE}") == (PROSE, f"Xem thêm: {PROSE}")
    six = "a b c d e f"  # one word more than the longest label: prose
    assert split_asides(six) == (six, "")
