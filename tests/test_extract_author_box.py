"""An author box inside the article's container: a few sentences about the writer, not the story.

Templates print it after the text, inside the same container, classed like a byline
("author-box", "tacgia-info"): the body extractor keeps its sentences as the article's last
paragraphs. Its sentences go; the writer's name stays the byline. The page is written for this
test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://nongthonmoi.example.vn/kinh-te/mat-ong-bac-ha-vao-mua-thu-hoach-8812.html"
CRAWLED = datetime(2025, 11, 20, 7, 30, tzinfo=VIETNAM_TZ)

BODY = [
    "Những ngày này, các hộ nuôi ong trên cao nguyên đá đang vào vụ thu hoạch mật ong bạc hà, loại "
    "mật chỉ có vào cuối thu khi hoa bạc hà dại nở trắng các sườn núi.",
    "Hợp tác xã của xã đã có ba sản phẩm đạt chuẩn OCOP bốn sao và đang hoàn thiện hồ sơ truy xuất "
    "nguồn gốc để đưa mật ong vào các chuỗi siêu thị ở thành phố trong năm tới.",
    "Theo chủ nhiệm hợp tác xã, giá mật năm nay nhích nhẹ so với năm trước nhờ thời tiết thuận lợi và "
    "đơn đặt hàng từ khách du lịch tăng mạnh sau mùa lễ hội hoa tam giác mạch.",
]
BIO = (
    "Hoàng Minh Tâm là phóng viên ban Kinh tế, theo dõi mảng nông nghiệp và phát triển nông thôn "
    "ở các tỉnh miền núi phía Bắc từ năm 2015."
)

PAGE = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Mật ong bạc hà vào mùa thu hoạch - Nông Thôn Mới</title>
<meta property="article:published_time" content="2025-11-19T08:00:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></nav>
<div class="detail-main">
<h1 class="detail-title">Mật ong bạc hà vào mùa thu hoạch</h1>
<div class="detail-content">
<p>{BODY[0]}</p>
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>
<div class="{{box}}">
<p><strong>Hoàng Minh Tâm</strong></p>
<p>{BIO}</p>
</div>
</div>
</div>
<footer>Nông Thôn Mới điện tử</footer>
</body></html>"""


@pytest.mark.parametrize("box", ["author-box", "tacgia-info"])
def test_an_author_box_leaves_the_text(box: str) -> None:
    """Failed before round 7: the bio was the article's last paragraph."""
    article = extract_article(PAGE.replace("{box}", box).encode(), URL, crawled=CRAWLED)
    for paragraph in BODY:
        assert paragraph in article.text
    assert "phóng viên ban Kinh tế" not in article.text


def test_the_same_sentence_outside_an_author_box_stays() -> None:
    """The control: a closing paragraph that is not in a box classed like a byline is text (when
    nothing else says it is the writer's bio: session 15 reads a sentence whose subject is the
    signature printed right before it as one, tests/test_extract_opaque_kinds.py)."""
    page = PAGE.replace("{box}", "detail-note").replace("<p><strong>Hoàng Minh Tâm</strong></p>\n", "")
    article = extract_article(page.encode(), URL, crawled=CRAWLED)
    assert BIO in article.text
