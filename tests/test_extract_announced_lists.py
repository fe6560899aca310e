"""A list of the outlet's own articles that the text announces is part of the text.

Round-ups ("the policies taking effect in March are:") list the outlet's own detailed reports,
one link each, under a sentence of the text that ends with a colon. Lists of the site's own
headlines are otherwise related-article boxes and go (round 6 kept only lists that link off the
site): a box label ("Xem thêm:", two words) is not a sentence announcing them, and a list after
the text with nothing announcing it is a related box. The page is written for this test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://tinchinhsach.example.vn/thoi-su/chinh-sach-moi-co-hieu-luc-thang-4-7731.html"
CRAWLED = datetime(2026, 4, 1, 7, 0, tzinfo=VIETNAM_TZ)

OPENING = (
    "Từ ngày 1/4, nhiều chính sách mới liên quan đến sản xuất nông nghiệp, thương mại điện tử và "
    "hỗ trợ hộ kinh doanh chính thức có hiệu lực trên cả nước."
)
INTRO = "Những quy định đáng chú ý nhất với các hợp tác xã và chủ thể OCOP gồm:"
ITEMS = [
    ("ho-tro-lai-suat-cho-hop-tac-xa-7701", "Hỗ trợ vốn vay ưu đãi cho hợp tác xã nông nghiệp"),
    ("truy-xuat-nguon-goc-bat-buoc-7702", "Bắt buộc truy xuất nguồn gốc với sản phẩm OCOP bốn sao"),
    ("giam-phi-san-thuong-mai-dien-tu-7703", "Giảm phí gian hàng trên sàn thương mại điện tử"),
]
CLOSING = (
    "Bộ Nông nghiệp và Môi trường đề nghị các địa phương phổ biến kịp thời những quy định này đến "
    "từng hợp tác xã để các chủ thể chủ động chuẩn bị hồ sơ và điều chỉnh kế hoạch sản xuất."
)
RELATED = [
    ("gia-lua-gao-hom-nay-7690", "Giá lúa gạo hôm nay tăng nhẹ ở đồng bằng sông Cửu Long"),
    ("thoi-tiet-nong-vu-7691", "Thời tiết nông vụ tuần tới có mưa rào diện rộng"),
    ("hoi-cho-nong-san-7692", "Hội chợ nông sản cuối tuần thu hút đông khách tham quan"),
]


def _list(items: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="/thoi-su/{slug}.html">{text}</a></li>' for slug, text in items)
    return f"<ul>{links}</ul>"


def _page(intro: str) -> str:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Chính sách mới có hiệu lực từ tháng 4 - Tin Chính Sách</title>
<meta property="article:published_time" content="2026-03-31T18:00:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
<article>
<h1>Chính sách mới có hiệu lực từ tháng 4</h1>
<p>{OPENING}</p>
<p>{intro}</p>
{_list(ITEMS)}
<p>{CLOSING}</p>
{_list(RELATED)}
</article>
</body></html>"""


def test_a_list_the_text_announces_stays_in_order() -> None:
    """Failed before round 7: the three items were dropped as a link list."""
    article = extract_article(_page(INTRO).encode(), URL, crawled=CRAWLED)
    text = article.text
    positions = [text.find(item) for _, item in ITEMS]
    assert all(position > text.find(INTRO) for position in positions), text
    assert positions == sorted(positions) and max(positions) < text.find(CLOSING)


def test_a_list_after_the_text_is_still_a_related_box() -> None:
    article = extract_article(_page(INTRO).encode(), URL, crawled=CRAWLED)
    for _, headline in RELATED:
        assert headline not in article.text


@pytest.mark.parametrize(
    "label",
    [
        "Xem thêm:",
        "Xem thêm các tin bài liên quan đến chính sách dưới đây:",
        "Bạn đọc có thể đọc thêm ở đây:",
    ],
)
def test_a_list_under_a_label_or_a_reading_invitation_is_still_a_related_box(label: str) -> None:
    """The controls: a box label, and sentences inviting to more reading, do not announce text."""
    article = extract_article(_page(label).encode(), URL, crawled=CRAWLED)
    for _, headline in ITEMS:
        assert headline not in article.text
