"""Links the article's own text cites, as opposed to links the template adds around it.

A paragraph that is all link text is usually a related headline and goes; but an address the
author gives the reader (a mail box, a petition's URL, an event page on another site) is text,
and so is a jump anchor (`<a name>`, no href). A paragraph whose formatting closes with a line
break must come out whole, not cut at its links (trafilatura splits it there). The page below is
written for these tests. (trafilatura itself removes a link paragraph shorter than 30 characters,
60 as the container's last, before we see it; the addresses here are longer, as real ones often are.)
"""

from __future__ import annotations

from datetime import datetime

import lxml.html
import pytest

from crawler.extraction.extract import extract_article
from crawler.extraction.loose_text import lift_trailing_breaks
from indexer.schema import VIETNAM_TZ, Article

URL = "https://tinvung.example.vn/hoi-cho-nong-san-mua-thu-2025-5512.html"
CRAWLED = datetime(2025, 10, 2, 9, 0, tzinfo=VIETNAM_TZ)

PROSE = [
    "Hội chợ nông sản mùa thu năm nay quy tụ hơn hai trăm gian hàng của các hợp tác xã trong tỉnh, "
    "phần lớn là sản phẩm đã đạt chuẩn OCOP từ ba sao trở lên.",
    "Ban tổ chức cho biết khách tham quan có thể nếm thử miễn phí mật ong, chè xanh và miến dong, "
    "đồng thời đặt mua trực tiếp với giá ưu đãi trong suốt ba ngày diễn ra sự kiện.",
    "Các hộ sản xuất muốn đăng ký gian hàng cho năm sau được đề nghị gửi hồ sơ sớm, vì số chỗ có hạn "
    "và ưu tiên dành cho sản phẩm có mã truy xuất nguồn gốc.",
    "Phiên tọa đàm chiều thứ bảy bàn về cách đưa nông sản lên sàn thương mại điện tử và giữ giá ổn "
    "định khi vào mùa thu hoạch rộ.",
]

PAGE = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hội chợ nông sản mùa thu 2025 khai mạc | Tin Vùng</title></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></nav>
<article>
<h1>Hội chợ nông sản mùa thu 2025 khai mạc</h1>
<p>{PROSE[0]}</p>
<p>{PROSE[1]}</p>
<p><a href="https://tinvung.example.vn/gia-mat-ong-tang-manh-5501.html">
Giá mật ong rừng tăng mạnh sau mùa mưa lũ</a></p>
<p>{PROSE[2]} Hồ sơ gửi về hộp thư của ban tổ chức:</p>
<p><a href="mailto:ban.to.chuc.hoi.cho.nong.san@example.org">ban.to.chuc.hoi.cho.nong.san@example.org</a></p>
<p><a name="toa-dam">Phiên tọa đàm có gì đáng chú ý với các hợp tác xã nhỏ?</a></p>
<p>{PROSE[3]}</p>
<p><a href="https://sukien.example.com/hoi-cho-mua-thu">Xem trang sự kiện của hội chợ trên mạng xã hội</a></p>
<p><em><strong>Đăng ký tham dự<br></strong>Khách mời xem chương trình trên <a
href="https://tinvung.example.vn/lich">trang lịch sự kiện</a> của tỉnh. Mời bấm vào đây để <a
href="https://dangky.example.com/">đăng ký</a>.</em></p>
<p>Người dân ký vào kiến nghị mở thêm điểm bán nông sản cố định tại địa chỉ sau:</p>
<p><a href="https://kiennghi.example.org/kien-nghi/mo-them-diem-ban-nong-san-co-dinh">https://kiennghi.example.org/kien-nghi/mo-them-diem-ban-nong-san-co-dinh</a></p>
</article>
<footer>Bản quyền thuộc về Tin Vùng</footer>
</body></html>"""


@pytest.fixture(scope="module")
def article() -> Article:
    return extract_article(PAGE.encode("utf-8"), URL, crawled=CRAWLED)


def test_mail_address_paragraph_cited_by_the_text_is_kept(article: Article) -> None:
    assert "ban.to.chuc.hoi.cho.nong.san@example.org" in article.text.split("\n\n")


def test_address_introduced_by_a_colon_at_the_end_is_kept(article: Article) -> None:
    assert (
        article.text.split("\n\n")[-1]
        == "https://kiennghi.example.org/kien-nghi/mo-them-diem-ban-nong-san-co-dinh"
    )


def test_link_to_another_site_between_paragraphs_is_kept(article: Article) -> None:
    assert "Xem trang sự kiện của hội chợ trên mạng xã hội" in article.text.split("\n\n")


def test_jump_anchor_is_text_not_a_link(article: Article) -> None:
    assert "Phiên tọa đàm có gì đáng chú ý với các hợp tác xã nhỏ?" in article.text.split("\n\n")


def test_related_headline_of_the_same_site_still_goes(article: Article) -> None:
    assert "Giá mật ong rừng tăng mạnh" not in article.text


def test_paragraph_whose_label_ends_in_a_break_comes_out_whole(article: Article) -> None:
    paragraph = next(p for p in article.text.split("\n\n") if "Khách mời xem" in p)
    assert paragraph.endswith(
        "Khách mời xem chương trình trên trang lịch sự kiện của tỉnh. Mời bấm vào đây để đăng ký."
    )


def test_every_prose_paragraph_is_kept(article: Article) -> None:
    for paragraph in PROSE:
        assert paragraph in article.text


def test_trailing_break_moves_out_of_nested_inline_elements() -> None:
    tree = lxml.html.fromstring(
        "<div><p><em><strong>Nhãn<br> </strong>chữ <a href='/x'>liên kết</a>.</em></p></div>"
    )
    assert lift_trailing_breaks(tree) == 1
    assert lxml.html.tostring(tree, encoding="unicode") == (
        '<div><p><em><strong>Nhãn</strong><br>chữ <a href="/x">liên kết</a>.</em></p></div>'
    )
    # a break with text after it inside the element stays where it is
    inner = lxml.html.fromstring("<p><b>một<br>hai</b> ba</p>")
    assert lift_trailing_breaks(inner) == 0


LIST_PAGE = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Quà tặng nông sản cuối năm | Tin Vùng</title></head>
<body><article>
<h1>Quà tặng nông sản cuối năm</h1>
<p>{PROSE[0]} Ban tổ chức giới thiệu mấy gian hàng trực tuyến của hội chợ:</p>
<ul>
<li><a href="https://cho.example.com/mat-ong-bac-ha">Mật ong bạc hà Hà Giang loại một</a></li>
<li><a href="https://cho.example.com/che-shan-tuyet">Chè shan tuyết cổ thụ Suối Giàng</a></li>
<li><a href="https://cho.example.com/mien-dong">Miến dong Bình Liêu đóng gói nửa cân</a></li>
</ul>
<p>{PROSE[1]}</p>
<ul>
<li><a href="https://tinvung.example.vn/gia-che-5490.html">Giá chè búp khô tăng vào dịp cuối năm</a></li>
<li><a href="/mien-dong-5491.html">Làng miến dong tất bật vào vụ sản xuất Tết</a></li>
<li><a href="/mat-ong-5492.html">Người nuôi ong lo mất mùa vì mưa kéo dài</a></li>
</ul>
<p>{PROSE[2]}</p>
<ul>
<li><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a></li>
<li><a href="https://zalo.example.com/share">Zalo</a></li>
</ul>
<p>{PROSE[3]}</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def list_article() -> Article:
    return extract_article(LIST_PAGE.encode("utf-8"), URL, crawled=CRAWLED)


def test_list_of_off_site_links_the_text_introduces_is_kept(list_article: Article) -> None:
    assert "Mật ong bạc hà Hà Giang loại một" in list_article.text
    assert "Chè shan tuyết cổ thụ Suối Giàng" in list_article.text


def test_list_of_the_sites_own_headlines_and_share_buttons_go(list_article: Article) -> None:
    # (a list under ~100 characters, as the share buttons here, trafilatura drops by itself)
    for chrome in ("Giá chè búp khô", "Làng miến dong tất bật", "Người nuôi ong lo", "Facebook", "Zalo"):
        assert chrome not in list_article.text
    for paragraph in PROSE:
        assert paragraph in list_article.text
