"""Landmarks a template misuses: an article page that holds its story inside an <aside>.

Round 6's listing reason refuses a page whose kept text sits mostly in the site's furniture
(header, nav, aside, footer landmarks, boxes classed "menu", "footer" …). A regional paper's story
pages put the whole story in `<main><aside><section>`, its sapo once more as a teaser in the
section's `<header>`: the text a reader came for then lay only in landmarks, and the page was
refused as a listing. A text in an <article> is an article's wherever the template put it, and
a paragraph printed twice is furniture only when every copy is. The page below is written for
this test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import ExtractionError, extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baovung.example.vn/thoi-su/hop-tac-xa-mien-nui-mo-rong-vung-trong-che-4410.html"
CRAWLED = datetime(2025, 11, 3, 8, 0, tzinfo=VIETNAM_TZ)

SAPO = (
    "Các hợp tác xã ở vùng cao của tỉnh vừa mở rộng thêm gần ba trăm héc-ta chè shan tuyết, với kỳ "
    "vọng nâng số sản phẩm OCOP bốn sao trong hai năm tới."
)
BODY = [
    "Theo lãnh đạo sở nông nghiệp, diện tích mới được trồng trên đất rừng nghèo kiệt, do các hộ đồng "
    "bào tự nguyện góp đất và nhận hỗ trợ giống từ ngân sách huyện trong ba năm đầu.",
    "Mỗi hợp tác xã phải có mã vùng trồng, nhật ký canh tác và hợp đồng bao tiêu với một doanh "
    "nghiệp chế biến trước khi được xét hỗ trợ, để tránh cảnh được mùa mất giá như mấy vụ trước.",
]

STORY_PAGE = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hợp tác xã miền núi mở rộng vùng trồng chè - Báo Vùng</title></head>
<body>
<header class="site-head"><a href="/">Báo Vùng</a>
<nav><a href="/thoi-su">Thời sự</a> <a href="/kinh-te">Kinh tế</a> <a href="/xa-hoi">Xã hội</a></nav>
</header>
<main>
<aside class="page-direct-content">
<section class="story-detail">
<header class="story-top">
<h1 class="story-headline">Hợp tác xã miền núi mở rộng vùng trồng chè</h1>
<div class="story-teaser"><p>{SAPO}</p></div>
</header>
<article>
<div class="story-text"><p>{SAPO}</p><p>{BODY[0]}</p><p>{BODY[1]}</p></div>
</article>
</section>
</aside>
</main>
<footer class="site-foot"><p>Cơ quan chủ quản: Báo Vùng. Giấy phép số 01/GP, mọi quyền bảo lưu.</p>
</footer>
</body></html>"""


@pytest.mark.parametrize("layout", ["aside", "div"])
def test_a_story_inside_an_aside_is_read_as_an_article(layout: str) -> None:
    """Failed before round 7 with "a listing page, not an article: … the site's footer, menus or
    forms"; the same page with a <div> in place of the <aside> was read (the control)."""
    page = STORY_PAGE.replace("<aside class=", f"<{layout} class=")
    page = page.replace("</aside>\n</main>", f"</{layout}>\n</main>")
    article = extract_article(page.encode(), URL, crawled=CRAWLED)
    for paragraph in BODY:
        assert paragraph in article.text
    assert SAPO in article.lead + article.text
    assert "Cơ quan chủ quản" not in article.text


def test_the_same_text_in_an_aside_without_an_article_is_still_furniture() -> None:
    """The control: with a plain <div> for the <article>, every copy of the text sits in the
    aside, and the page is refused as before."""
    page = STORY_PAGE.replace("<article>", '<div class="story-body">').replace("</article>", "</div>")
    with pytest.raises(ExtractionError, match="footer, menus or forms"):
        extract_article(page.encode(), URL, crawled=CRAWLED)
