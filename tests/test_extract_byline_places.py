"""Bylines and headlines where templates put them, not where the dev pages did (round 11).

Each round had fixed the author miss the newest unseen set exposed. Round 11 moved one byline
around pages of our own instead — before the text and after it, inside and outside the
article's container, classed and unclassed, bare and with its marks ("(TTXVN)", "Theo", "PV",
"(thực hiện)", a label) — and the same for the headline's sources (og:title, JSON-LD, h1, h2,
`<title>`). These tests carry what that showed; the pages and names are written for them.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://nongthon.example.vn/kinh-te/gia-vai-thieu-tang-manh-4471.html"
CRAWLED = datetime(2026, 3, 9, 7, 30, tzinfo=VIETNAM_TZ)
SITE = "Nông Thôn Mới"
TITLE = "Giá vải thiều tăng mạnh đầu vụ ở vùng đồi"
WRITER = "Hoàng Minh Tuấn"
LEAD = (
    "Những ngày đầu vụ, giá vải thiều sớm tại các xã vùng đồi tăng gần gấp đôi so với năm ngoái, "
    "thương lái từ nhiều tỉnh đổ về thu mua ngay tại vườn từ sáng sớm."
)
BODY = [
    "Theo ông Trần Văn Hậu, chủ một nhà vườn rộng hai héc ta, mỗi ngày gia đình ông bán được khoảng "
    "một tấn quả, phần lớn được đóng thùng xốp để chuyển đi các chợ đầu mối phía Nam.",
    "Hợp tác xã nông nghiệp của xã cũng đưa sản phẩm vải sấy đạt chuẩn OCOP ba sao lên các sàn thương "
    "mại điện tử, giúp bà con có thêm đầu ra ổn định trong những tuần cao điểm thu hoạch.",
    "Chính quyền địa phương khuyến cáo người dân thu hái đúng độ chín, không chạy theo giá mà ảnh "
    "hưởng đến chất lượng quả và uy tín của thương hiệu vải thiều trên thị trường.",
]


def _page(
    *,
    under_headline: str = "",
    in_text_top: str = "",
    after_text: str = "",
    after_article: str = "",
    page_end: str = "",
    head: str = "",
    headline: str = f"<h1 class='title'>{TITLE}</h1>",
) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
{head or f'<title>{TITLE} - {SITE}</title><meta property="og:title" content="{TITLE} - {SITE}">'}
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2026-03-07T08:00:00+07:00"></head>
<body><div class="header"><a href="/"><img alt="{SITE}" src="/logo.png"></a>
<ul class="menu"><li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></div>
<div class="container"><article class="detail">{headline}
<div class="meta"><span class="date">07/03/2026 08:00</span></div>{under_headline}
<div class="sapo">{LEAD}</div>
<div class="content">{in_text_top}{paragraphs}{after_text}</div>{after_article}</article>
<div class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a-1.html">Nông dân phấn khởi vì vải được mùa được giá năm nay</a></li>
<li><a href="/a-2.html">Xuất khẩu vải thiều sang thị trường Nhật Bản tăng mạnh</a></li></ul></div></div>
{page_end}
<div class="footer"><p>Cơ quan chủ quản: Hội Nông dân. Giấy phép số 123/GP-BTTTT.</p></div>
</body></html>""".encode()


def _extract(page: bytes):  # noqa: ANN202 - an Article
    return extract_article(page, URL, crawled=CRAWLED)


# --- a byline element kept by the body extractor is the byline, not text -----------------------


@pytest.mark.parametrize(
    "line",
    [
        f'<p class="tacgia">{WRITER}</p>',  # classed like a byline, inside the article's container
        f"<p><strong>{WRITER}</strong></p>",  # a name set in bold on its own line
    ],
)
def test_a_byline_line_at_the_top_of_the_text_is_read_and_leaves_the_text(line: str) -> None:
    article = _extract(_page(in_text_top=line))
    assert article.authors == [WRITER]
    assert WRITER not in article.text
    assert article.text.startswith(LEAD[:40])


# --- an unclassed credit under the headline -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        (f"Tin, ảnh: {WRITER}", [WRITER], None),
        (f"{WRITER} (TTXVN)", [WRITER], "TTXVN"),
        (f"Theo {WRITER} (Báo Nông Nghiệp)", [WRITER], "Báo Nông Nghiệp"),
        (f"PV {WRITER}", [WRITER], None),
        (f"{WRITER} (thực hiện)", [WRITER], None),
        (f"{WRITER} - Báo Nông Nghiệp", [WRITER], "Báo Nông Nghiệp"),
    ],
)
def test_a_marked_credit_between_the_headline_and_the_lead_is_the_byline(
    line: str, authors: list[str], agency: str | None
) -> None:
    """Above the sapo, outside the text's container: trafilatura never sees it as text, so it must
    be read where it stands. What besides the name says "credit" is what makes it one."""
    article = _extract(_page(under_headline=f"<p>{line}</p>"))
    assert article.authors == authors
    assert article.source_agency == agency
    assert WRITER not in article.text


@pytest.mark.parametrize(
    "line",
    [f"{WRITER} (TTXVN)", f"Theo {WRITER}", f"PV {WRITER}", f"{WRITER} (thực hiện)"],
)
def test_a_marked_credit_opening_the_text_is_the_byline(line: str) -> None:
    article = _extract(_page(in_text_top=f"<p>{line}</p>"))
    assert article.authors == [WRITER]
    assert WRITER not in article.text


def test_a_bare_name_opening_the_text_is_the_byline_when_structured_data_agrees() -> None:
    ld = json.dumps(
        {"@type": "NewsArticle", "author": {"@type": "Person", "name": WRITER}}, ensure_ascii=False
    )
    head = f'<title>{TITLE} - {SITE}</title><script type="application/ld+json">{ld}</script>'
    article = _extract(_page(head=head, in_text_top=f"<p>{WRITER}</p>"))
    assert article.authors == [WRITER]
    assert WRITER not in article.text


def test_a_bare_name_opening_the_text_stays_text_when_nothing_agrees() -> None:
    """A line shaped like a name at the top may be a kicker or a place ("Hà Giang" starts with a
    family name): without a mark or a second source it is not credited."""
    article = _extract(_page(in_text_top=f"<p>{WRITER}</p>"))
    assert article.authors == []
    assert WRITER in article.text


# --- what follows the text: box headings and sentence pieces are not signatures ----------------


@pytest.mark.parametrize(
    "after",
    [
        '<section class="zone"><h3>Video Được Xem Nhiều</h3><ul><li><a href="/v-1.html">'
        "Mùa vải thiều trên những triền đồi</a></li></ul></section>",
        '<div class="tip">Chọn Báo <i>Nông Thôn</i> làm nguồn tin ưu tiên của bạn</div>',
    ],
)
def test_a_box_heading_or_a_piece_of_a_sentence_after_the_article_is_no_author(after: str) -> None:
    """The first text after the article's last paragraph is read as a byline only when it is a
    whole line, and not a heading: box titles are set in Title Case, and a tooltip's sentence may
    open with two capitalised words."""
    article = _extract(_page(page_end=after))
    assert article.authors == []


def test_a_signature_after_the_article_is_read_from_its_whole_line() -> None:
    article = _extract(_page(after_article=f"<p><strong>{WRITER.upper()}</strong> (TTXVN)</p>"))
    assert article.authors == [WRITER]
    assert article.source_agency == "TTXVN"


# --- headlines ------------------------------------------------------------------------------------


def _ld(item: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(item, ensure_ascii=False)}</script>'


LONG = (
    "Người trồng vải ở vùng đồi phấn khởi khi giá tăng gần gấp đôi so với năm ngoái, "
    "thương lái đổ về tận vườn thu mua"
)


@pytest.mark.parametrize(
    ("head", "headline", "expected"),
    [
        # og:title and <title> filled with the outlet's name alone, on every page of the site
        (f'<title>{SITE}</title><meta property="og:title" content="{SITE}">', f"<h1>{TITLE}</h1>", TITLE),
        # a metadata title cut to a length with an ellipsis; the h1 prints it whole
        (f'<title>{LONG}</title><meta property="og:title" content="{LONG[:70]}…">', f"<h1>{LONG}</h1>", LONG),
        (
            _ld({"@type": "NewsArticle", "headline": LONG[:80] + "..."}),
            f"<h1>{LONG}</h1>",
            LONG,
        ),
        # the same words in capitals in the metadata: the spelling readers see
        (f'<meta property="og:title" content="{TITLE.upper()}">', f"<h1>{TITLE}</h1>", TITLE),
        # no h1: an h2 that says the part of og:title before its separator corroborates the cut
        (
            f'<title>{TITLE} - NTM</title><meta property="og:title" content="{TITLE} - NTM">',
            f"<h2 class='detail-title'>{TITLE}</h2>",
            TITLE,
        ),
    ],
)
def test_the_headline_readers_see_wins_over_a_template_metadata_title(
    head: str, headline: str, expected: str
) -> None:
    assert _extract(_page(head=head, headline=headline)).title == expected
