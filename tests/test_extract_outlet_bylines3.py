"""Author metadata, writers' cards and bylines with contacts or postings: the third blind round (session 16).

The 14 gold pages were re-credited in 25 more styles (author meta tags and structured data, writers'
cards at the top or the end, a posting, a contact or a place after the name, translators, reader
letters); writers were lost to: a posting after the name ("X (từ Đà Lạt)", "X từ Seoul", "X,
Trưởng văn phòng đại diện Báo … tại …"), an e-mail or a phone number after the name (in the line or
in a mailto: link glued to it), "X dịch" and "Lược dịch: X", "Nhóm phóng viên: X, Y và Z", a card
per writer whose texts run together ("Lam Khuê Phạm Ngọc Ân"), a writer's card after the text (a
portrait and the name linked to one page), an author meta tag that appends the outlet's name ("X -
Nông thôn Mới"); and a byline repeated after the text without its date stayed in the text. Every
page below is written for these tests (invented names, opaque class names).
"""

from __future__ import annotations

import lxml.html
import pytest

from crawler.extraction.byline import find_closing_byline, is_posting, parse_byline
from crawler.extraction.outlet import OutletNames
from tests.test_extract_outlet_bylines import (
    PARAGRAPHS,
    _extract,
    _page,
)  # the same page of our own carries every round


@pytest.mark.parametrize(
    "line",
    [
        "Hà Thục Quyên (từ Đà Lạt)",
        "Hà Thục Quyên từ Seoul",
        "Hà Thục Quyên, phóng viên Báo Sông Lam",
        "Hà Thục Quyên - Phóng viên thường trú tại Tây Nguyên",
        "Hà Thục Quyên, Trưởng văn phòng đại diện Báo Sông Lam tại Quy Nhơn",
        "Hà Thục Quyên / PV thường trú tại miền Trung",
    ],
)
def test_a_posting_after_the_name_is_no_part_of_it(line: str) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and byline.authors == ["Hà Thục Quyên"]


@pytest.mark.parametrize(
    "line",
    [
        "Hà Thục Quyên - Email: quyenht@songlam.vn",
        "Hà Thục Quyên (quyenht@songlam.vn)",
        "Hà Thục Quyên | ĐT: 0912 345 678",
        "Hà Thục Quyên (0905.123.456)",
        "Hà Thục Quyên - SĐT: 0983123456",
    ],
)
def test_an_email_or_a_phone_after_the_name_is_no_part_of_it(line: str) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and byline.authors == ["Hà Thục Quyên"]


@pytest.mark.parametrize(
    ("line", "writers"),
    [
        ("Hà Thục Quyên dịch", ["Hà Thục Quyên"]),
        ("Hà Thục Quyên lược dịch", ["Hà Thục Quyên"]),
        ("Lược dịch: Hà Thục Quyên", ["Hà Thục Quyên"]),
        ("Người dịch: Hà Thục Quyên", ["Hà Thục Quyên"]),
        (
            "Nhóm phóng viên: Ông Văn Tín, Lò Ngọc Thịnh và Tùng Lâm",
            ["Ông Văn Tín", "Lò Ngọc Thịnh", "Tùng Lâm"],
        ),
    ],
)
def test_a_translator_or_a_team_label_names_the_writers(line: str, writers: list[str]) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and byline.authors == writers


def test_a_sentence_is_no_posting() -> None:
    """Guard: after the role word, a lower-case word no posting has makes the start of a sentence."""
    assert is_posting("phóng viên Báo Sông Lam")
    assert not is_posting("phóng viên báo Sông Lam cho biết")
    assert not is_posting("từ sáng sớm")
    assert parse_byline("Liên hệ tòa soạn qua thư điện tử toasoan@songlam.vn") is None


def test_an_author_field_drops_the_outlet_name_a_page_line_does_not() -> None:
    """An author meta tag holds no prose; a line on the page stays all-or-nothing (guard)."""
    field = parse_byline("Hà Thục Quyên - Nông thôn Mới", field=True)
    assert field is not None and field.authors == ["Hà Thục Quyên"]
    assert parse_byline("Hà Thục Quyên - Nông thôn Mới") is None


def _with_meta(page: str, meta: str) -> str:
    return page.replace("</head>", f"{meta}</head>")


def test_an_author_meta_tag_with_the_outlet_appended_names_the_writer() -> None:
    page = _with_meta(_page(), '<meta name="author" content="Hà Thục Quyên - Nông thôn Mới">')
    assert _extract(page).authors == ["Hà Thục Quyên"]


def _cards(cls: str = "author") -> str:
    return "".join(
        f'<div class="{cls}"><a class="x3b3b3b3" href="/tac-gia/{slug}.html"><img src="/a/{slug}.jpg" '
        f'alt="{name}"></a><a class="x4c4c4c4" href="/tac-gia/{slug}.html">{name}</a></div>'
        for slug, name in (("lam-khue", "Lam Khuê"), ("pham-ngoc-an", "Phạm Ngọc Ân"))
    )


def test_one_card_per_writer_reads_each_name() -> None:
    header = f'<div class="authors">{_cards()}</div>'
    assert _extract(_page(header)).authors == ["Lam Khuê", "Phạm Ngọc Ân"]


def test_a_mailto_link_glued_to_the_name_is_no_part_of_it() -> None:
    header = (
        '<div class="x2a2a2a2"><strong>Đoàn Gia Uyên</strong>'
        '<a href="mailto:uyendg@songlam.vn">uyendg@songlam.vn</a></div>'
    )
    article = _extract(_page(header))
    assert article.authors == ["Đoàn Gia Uyên"]
    assert "uyendg@songlam.vn" not in article.text


def test_writers_cards_after_the_text_name_the_writers() -> None:
    """Portrait and name linked to one page, after the article's last paragraph (link texts there
    are otherwise skipped as related headlines)."""
    cards = f'<div class="x6e6e6e6">{_cards("x7f7f7f7")}</div>'
    page = _page().replace('<div class="x8b8b8b8">', cards + '<div class="x8b8b8b8">')
    byline = find_closing_byline(lxml.html.fromstring(page), PARAGRAPHS[-1], OutletNames(()))
    assert byline is not None and byline.authors == ["Lam Khuê", "Phạm Ngọc Ân"]
    assert _extract(page).authors == ["Lam Khuê", "Phạm Ngọc Ân"]


def test_a_related_headline_after_the_text_is_no_writer() -> None:
    """Guard: a link whose text is not what a portrait to the same page shows names no one."""
    related = (
        '<div class="x6e6e6e6"><a href="/kinh-te/lua-9.html"><img src="/i/9.jpg" alt="Giá lúa tăng"></a>'
        '<a href="/kinh-te/lua-9.html">Giá lúa đầu vụ tăng nhẹ</a></div>'
    )
    page = _page().replace('<div class="x8b8b8b8">', related + '<div class="x8b8b8b8">')
    assert find_closing_byline(lxml.html.fromstring(page), PARAGRAPHS[-1], OutletNames(())) is None


def test_a_byline_repeated_after_the_text_leaves_the_text() -> None:
    header = '<div class="x1b2c3d4"><b>Vĩnh Thụy</b> · Thứ năm, 20/11/2025 - 07:30</div>'
    footer = '<p style="text-align: right;"><strong>Vĩnh Thụy</strong></p><p><em>(Còn nữa)</em></p>'
    article = _extract(_page(header, footer))
    assert article.authors == ["Vĩnh Thụy"]
    assert "Vĩnh Thụy" not in article.text


def test_a_place_and_a_date_after_the_name_name_no_one_else() -> None:
    """Guard (the weak spot named in the round's brief): the place before the date is no writer."""
    header = '<p class="x1b2c3d4"><b>Kỳ Duyên</b> - Lào Cai, 15/11/2025</p>'
    article = _extract(_page(header))
    assert article.authors == ["Kỳ Duyên"]


# After the held-out run (fixed once it had been measured, on what it showed): structured data
# against the printed byline, and a second JSON-LD item of the same article.
def _ld(author: str, headline: str = "") -> str:
    from tests.test_extract_outlet_bylines import TITLE

    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"headline": "{headline or TITLE}", "author": {author}}}</script>'
    )


def test_the_printed_byline_wins_over_structured_data_naming_someone_else() -> None:
    page = _with_meta(
        _page('<div class="x1b2c3d4">Bài và ảnh: <b>Thái Văn Thịnh</b> - 20/11/2025 07:30</div>'),
        '<meta name="author" content="Ngân Hà">' + _ld('{"@type": "Person", "name": "Ngân Hà"}'),
    )
    assert _extract(page).authors == ["Thái Văn Thịnh"]


def test_structured_data_names_the_writer_when_nothing_is_printed() -> None:
    """Guard: with no printed byline the JSON-LD writer stands."""
    page = _with_meta(_page(), _ld('[{"@type": "Person", "name": "Ngân Hà"}]'))
    assert _extract(page).authors == ["Ngân Hà"]


def test_a_second_jsonld_item_of_the_same_article_names_the_writer() -> None:
    page = _with_meta(_page(), _ld('""') + _ld('"Thái Ngọc Uyên"'))
    assert _extract(page).authors == ["Thái Ngọc Uyên"]


def test_a_jsonld_item_of_another_article_names_no_writer_of_this_one() -> None:
    """Guard: an item with another headline (a teaser's) does not lend its writer."""
    page = _with_meta(_page(), _ld('""') + _ld('"Thái Ngọc Uyên"', headline="Giá lúa đầu vụ tăng nhẹ"))
    assert _extract(page).authors == []


def test_a_contact_link_between_two_writers_cards_keeps_them_apart() -> None:
    """Guard: the e-mail link set after the first writer's name ends it; the next card's name is
    another writer, not the rest of one name."""
    card = (
        '<div class="x2a2a2a2"><a href="/tac-gia/{0}.html"><img src="/a/{0}.jpg" alt="{1}"></a>'
        '<div class="x3b3b3b3"><h4><a href="/tac-gia/{0}.html">{1}</a></h4>'
        '<fieldset><div class="x9c9c9c9" data-score="4"></div></fieldset>{2}</div></div>'
    )
    mail = '<a href="mailto:tinqv@songlam.vn">tinqv@songlam.vn</a>'
    header = (
        '<div class="author-list">'
        + card.format("quach-tin", "Quách Tín", mail)
        + card.format("lo-thinh", "Lò Thịnh", "")
        + "</div>"
    )
    assert _extract(_page(header)).authors == ["Quách Tín", "Lò Thịnh"]
