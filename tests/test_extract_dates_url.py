"""The day in a page's address against the day its metadata or its date line gives (session 19).

On real blog and news pages outside Vietnam (htmldate's test pages, a held-out kit kept outside the
repository) a post re-dated two years after its address was made kept its old day in the path
(/2015/3/8/, month and day without their zeros) and got a new `datePublished`: the new day was
taken as the publication. When the address and the page disagree by more than a day, which one is
the publication is not known, so the date is null and the note gives both. Every page below is
written for these tests (invented text, opaque class names).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
TITLE = "Hợp tác xã trồng quế mở xưởng sấy bằng năng lượng mặt trời"
PARAGRAPHS = [
    "Xưởng sấy mới giúp các hộ trồng quế giữ được màu vỏ đẹp hơn trong những tuần mưa kéo dài cuối năm.",
    "Chủ nhiệm hợp tác xã cho biết mỗi mẻ sấy tiết kiệm gần một nửa lượng củi so với cách làm cũ của bà con.",
    "Cán bộ khuyến nông huyện hướng dẫn các thành viên ghi sổ từng mẻ để bán cho khách mua theo hợp đồng.",
]


def _page(head: str = "", header: str = "") -> str:
    body = "".join(f'<p class="w8k2d1">{text}</p>' for text in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body><div class="h3n5q7"><div class="j4p6r8">
<h1 class="k5s7t9">{TITLE}</h1>
{header}
<div class="m6u8v1">{body}</div>
</div></div></body></html>"""


def _meta(day: str) -> str:
    return f'<meta property="article:published_time" content="{day}T09:30:00+07:00">'


def test_a_page_re_dated_long_after_its_address_gets_no_date() -> None:
    url = "https://nhatky.example.vn/2019/4/3/xuong-say-que"
    article = extract_article(_page(head=_meta("2021-11-20")), url, crawled=CRAWLED)
    assert article.published is None
    assert article.published_conflict
    assert "2021-11-20" in (article.published_note or "") and "2019-04-03" in (article.published_note or "")


def test_a_printed_date_far_from_the_address_day_gets_no_date() -> None:
    url = "https://nhatky.example.vn/2019/04/03/xuong-say-que.html"
    header = '<div class="p7w9x2">Thứ hai, 15/06/2020 08:10</div>'
    article = extract_article(_page(header=header), url, crawled=CRAWLED)
    assert article.published is None
    assert "2019-04-03" in (article.published_note or "")


@pytest.mark.parametrize("day", ["2019-04-03", "2019-04-04", "2019-04-02"])
def test_metadata_within_a_day_of_the_address_is_kept(day: str) -> None:
    url = "https://nhatky.example.vn/2019/4/3/xuong-say-que"
    article = extract_article(_page(head=_meta(day)), url, crawled=CRAWLED)
    assert article.published is not None
    assert article.published.astimezone(VIETNAM_TZ).date().isoformat() == day
    assert not article.published_conflict


def test_an_address_without_zeros_dates_a_page_with_no_other_date() -> None:
    article = extract_article(_page(), "https://nhatky.example.vn/2019/4/3/xuong-say-que", crawled=CRAWLED)
    assert article.published == datetime(2019, 4, 3, tzinfo=VIETNAM_TZ)
    assert article.published_source == "url"
