"""Headlines among h1s in other roles, behind links to the page itself, after icons (session 17,
issue #10).

A third blind round re-headlined the gold pages in more outlets' styles and found the extractor
taking an h1 the page hides from its reader (an SEO line, the site's name) for the headline, an
og:title that is the site's name and its tagline ("Báo X - Tin tức … mới nhất") over the
headline printed below, refusing a Joomla page whose headline is a link to the page itself,
keeping a badge ("Ảnh") after an icon in the title, missing a headline set in utility classes
("text-3xl"), anchoring on a box's heading over a list of other stories, and leaving a headline
printed with a medium mark ("… | Emagazine") in the text. Every page below is written for these
tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import Article

URL = "https://tin.example.vn/nong-nghiep/mat-ong-rung-u-minh-4471.html"
HEADLINE = "Tổ hợp tác nuôi ong dưới tán rừng tràm giữ giá mật suốt mùa mưa"
PARAGRAPHS = [
    "Mười bốn hộ thành viên thống nhất chỉ quay mật khi nắp sáp đã phủ kín bánh tổ, nhờ vậy độ ẩm "
    "của mật luôn dưới mức hai mươi phần trăm và không bị lên men khi cất lâu.",
    "Tổ trưởng cho biết mỗi năm tổ bán khoảng ba tấn mật cho các cửa hàng đặc sản, giá ổn định nhờ "
    "hợp đồng ký trước từ đầu vụ và nhãn truy xuất dán trên từng chai.",
    "Năm tới, tổ dự kiến đăng ký đánh giá sản phẩm theo chương trình OCOP và mở thêm một điểm "
    "giới thiệu hàng ngay bìa rừng cho khách tham quan.",
]
BOX = (
    '<div class="x7a7a7a7"><h3>Các tin bài được đọc nhiều trong tuần</h3><div class="x7b7b7b7"><ul>'
    '<li><a href="/tin/cho-noi-9001.html">Chợ nổi mở thêm phiên đêm phục vụ khách du lịch</a></li>'
    '<li><a href="/tin/lua-sach-9002.html">Nông dân vùng trũng chuyển sang lúa hữu cơ một vụ</a></li>'
    '<li><a href="/tin/duong-9003.html">Đường giao thông nông thôn về tới ấp cuối cùng của xã</a></li>'
    "</ul></div></div>"
)


def _page(head: str, zone: str, top: str = "", before: str = "") -> str:
    body = "".join(f'<p class="x5a5a5a5">{text}</p>' for text in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">{head}</head>
<body>{top}<div id="x0f0f0f0">{before}
<div class="x2d2d2d2"><div class="x3c3c3c3">
{zone}
<div class="x4b4b4b4">{body}</div>
</div></div>
<div class="x6969696">
<a href="/nong-nghiep/cho-phien-2201.html">Chợ phiên cuối tuần bày bán nhiều nông sản sạch</a></div>
</div></body></html>"""


def _extract(head: str, zone: str, top: str = "", before: str = "") -> Article:
    return extract_article(_page(head, zone, top, before), URL)


def _clean_text(article: Article) -> None:
    assert HEADLINE[:30] not in article.text
    assert article.text.startswith(PARAGRAPHS[0][:60])


@pytest.mark.parametrize(
    "hidden",
    [
        '<h1 class="hidden">Báo Miệt Vườn - Tin tức nông nghiệp, nông thôn mới nhất</h1>',
        '<h1 style="display:none">Báo Miệt Vườn</h1>',
        '<h1 class="sr-only">Tin tức Nông nghiệp Báo Miệt Vườn</h1>',
        "<h1 hidden>Báo Miệt Vườn - Tin tức nông nghiệp, nông thôn mới nhất</h1>",
    ],
)
@pytest.mark.parametrize(
    "head",
    [
        f"<title>{HEADLINE} - Báo Miệt Vườn</title>",
        "<title>Báo Miệt Vườn</title>"
        '<meta property="og:title" content="Báo Miệt Vườn - Tin tức nông nghiệp, nông thôn mới nhất">',
    ],
)
def test_a_hidden_h1_is_no_headline(hidden: str, head: str) -> None:
    article = _extract(head, f'<h2 class="title-detail">{HEADLINE}</h2>', top=hidden)
    assert article.title == HEADLINE
    _clean_text(article)


@pytest.mark.parametrize("head", [f"<title>{HEADLINE}</title>", f"<title>Báo Miệt Vườn - {HEADLINE}</title>"])
def test_a_headline_linking_to_its_own_page(head: str) -> None:
    zone = (
        '<table class="x8c8c8c8"><tr><td class="x8d8d8d8" width="100%">'
        f'<a href="{URL}" class="x8e8e8e8">{HEADLINE}</a></td>'
        '<td class="x8f8f8f8"><a href="#" title="In"><img src="/in.png" alt="In"></a></td></tr></table>'
    )
    article = _extract(head, zone)
    assert article.title == HEADLINE
    _clean_text(article)


@pytest.mark.parametrize(
    "badge",
    [
        '<i class="fa fa-camera"></i> <span class="lbl">Ảnh</span> ',
        '<img class="ico" src="/i/video.svg" alt=""><span class="lbl">Video</span>',
    ],
)
def test_an_icon_and_a_badge_before_the_headline(badge: str) -> None:
    head = f'<title>{HEADLINE} | Báo Miệt Vườn</title><meta property="og:title" content="{HEADLINE}">'
    article = _extract(head, f'<h1 class="x9a9a9a9">{badge}{HEADLINE}</h1>')
    assert article.title == HEADLINE
    _clean_text(article)


@pytest.mark.parametrize("cls", ["text-2xl md:text-4xl font-bold", "fs-2 fw-bold", "fz-30 c-dark"])
def test_a_headline_set_in_utility_classes(cls: str) -> None:
    article = _extract("<title>Báo Miệt Vườn</title>", f'<div class="{cls}">{HEADLINE}</div>')
    assert article.title == HEADLINE
    _clean_text(article)


def test_a_box_heading_over_stories_is_no_headline() -> None:
    zone = f'<div class="title-detail">{HEADLINE}</div>'
    article = _extract("<title>Báo Miệt Vườn</title>", zone, before=BOX)
    assert article.title == HEADLINE
    _clean_text(article)


@pytest.mark.parametrize("printed", [f"{HEADLINE} | Emagazine", f"{HEADLINE} (Trực tiếp)"])
def test_a_marked_headline_leaves_the_text(printed: str) -> None:
    head = f'<title>{printed} - Báo Miệt Vườn</title><meta property="og:title" content="{printed}">'
    article = _extract(head, f'<h1 class="x9a9a9a9">{printed}</h1>')
    assert article.title == HEADLINE
    _clean_text(article)


# Guards: what the rules must leave alone.


def test_a_label_word_that_opens_the_sentence_stays() -> None:
    printed = "Trực tiếp thu mua mật ong tại bìa rừng, thương lái trả giá cao hơn mọi năm"
    article = _extract(f"<title>{printed} - Báo Miệt Vườn</title>", f"<h1>{printed}</h1>")
    assert article.title == printed


def test_a_headline_linking_elsewhere_is_still_a_teaser() -> None:
    """A link to another page around the only candidate: no headline is made of another story."""
    zone = f'<div class="x8d8d8d8"><a href="/tin/khac-7777.html">{HEADLINE}</a></div>'
    article = _extract("<title>Báo Miệt Vườn</title>", zone)
    assert article.title != HEADLINE


def test_an_og_title_saying_a_headline_after_the_site_name_is_kept() -> None:
    head = f'<title>Báo Miệt Vườn</title><meta property="og:title" content="Báo Miệt Vườn - {HEADLINE}">'
    article = _extract(head, f'<h2 class="title-detail">{HEADLINE}</h2>')
    assert article.title == HEADLINE


def test_a_visible_h1_with_a_hidden_twin_is_the_headline() -> None:
    hidden = '<h1 class="d-none">Báo Miệt Vườn</h1>'
    article = _extract(f"<title>{HEADLINE} - Báo Miệt Vườn</title>", f"<h1>{HEADLINE}</h1>", top=hidden)
    assert article.title == HEADLINE
    _clean_text(article)


def test_a_headline_over_an_author_box_is_kept() -> None:
    """Links to authors (short names) under the headline are no box of other stories."""
    authors = (
        '<div class="x1a1a1a1"><a href="/tac-gia/an-1.html">Lê An</a> <a href="/tac-gia/binh-2.html">'
        'Tô Bình</a> <a href="/tac-gia/chi-3.html">Hà Chi</a></div>'
    )
    zone = f'<div class="title-detail">{HEADLINE}</div>{authors}'
    article = _extract("<title>Báo Miệt Vườn</title>", zone)
    assert article.title == HEADLINE


# Fixed after the held-out run (not blind): section h1s linking to their page, a site's name
# after the headline in the <title> when nothing on the page says the headline whole.

SECTION_H1 = '<h1 class="x1b1b1b1"><a href="/nong-nghiep">Nông nghiệp - Nông thôn</a></h1>'


@pytest.mark.parametrize(
    "head",
    [
        f'<title>{HEADLINE} - Báo Miệt Vườn</title><meta property="og:title" content="Khởi nghiệp">',
        "<title>Nông nghiệp - Nông thôn - Báo Miệt Vườn</title>"
        f'<meta property="og:title" content="{HEADLINE}">',
    ],
)
@pytest.mark.parametrize("tag", ["h2", "h3"])
def test_a_section_h1_linking_to_its_page_is_no_headline(head: str, tag: str) -> None:
    article = _extract(head, f'{SECTION_H1}<{tag} class="x9a9a9a9">{HEADLINE}</{tag}>')
    assert article.title == HEADLINE
    _clean_text(article)


def test_a_logo_h1_does_not_print_the_site_title() -> None:
    top = '<h1 class="x1c1c1c1"><a href="/">Báo Miệt Vườn</a></h1>'
    article = _extract(
        "<title>Báo Miệt Vườn</title>", f'{SECTION_H1}<h3 class="x9a9a9a9">{HEADLINE}</h3>', top=top
    )
    assert article.title == HEADLINE


@pytest.mark.parametrize("site", ["Tạp chí Thương mại Miền Tây", "Báo Miệt Vườn điện tử"])
def test_a_site_named_by_grammar_leaves_the_title(site: str) -> None:
    half = len(HEADLINE) // 2
    cut = HEADLINE.rfind(" ", 0, half)
    zone = f'<div class="x9a9a9a9"><div>{HEADLINE[:cut]}</div><div>{HEADLINE[cut + 1 :]}</div></div>'
    article = _extract(f"<title>{HEADLINE} - {site}</title>", zone)
    assert article.title == HEADLINE


def test_a_headline_in_a_script_link_is_still_the_headline() -> None:
    """A heading whose link goes nowhere written ("javascript:;") is no link to another page."""
    zone = f'<h1 class="x9a9a9a9"><a href="javascript:;">{HEADLINE}</a></h1>'
    article = _extract(f"<title>{HEADLINE} - Báo Miệt Vườn</title>", zone)
    assert article.title == HEADLINE
    _clean_text(article)
