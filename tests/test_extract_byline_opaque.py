"""Bylines whose class words are hashed (session 18): the structure around the name says it.

A bare name under the headline may be a kicker or a place, so it needs a mark beside it. With the
class and id names hashed, two marks remain: the date line printed as the next block of the same
bar, and a link to the writer's page ("/tac-gia/…"). The guards keep places, sections and a
name-shaped kicker with nothing beside it out of the authors. Pages and names are invented here.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article

URL = "https://langque.example.vn/nong-nghiep/che-shan-tuyet-vao-mua-2291.html"
TITLE = "Chè shan tuyết vào mùa hái búp đầu xuân"
LEAD = (
    "Những ngày này, bà con các bản vùng cao tất bật hái búp chè shan tuyết, mỗi ngày một hộ thu "
    "được vài chục cân búp tươi bán cho hợp tác xã ngay tại đồi."
)
BODY = [
    "Hợp tác xã chè của xã đã đầu tư thêm hai lò sao chè bằng điện, giúp mẻ chè khô đều màu và giữ "
    "được hương thơm đặc trưng mà khách quen vẫn tìm mua mỗi dịp cuối năm.",
    "Theo cán bộ khuyến nông, diện tích chè cổ thụ được khoanh vùng bảo vệ, bà con không dùng phân "
    "hóa học và chỉ hái búp theo đúng lứa để cây kịp ra lộc mới.",
    "Sản phẩm chè búp khô của hợp tác xã đã đạt chuẩn OCOP bốn sao và được bày bán tại nhiều cửa "
    "hàng đặc sản ở các thành phố lớn trong dịp lễ hội mùa xuân.",
]


def _page(under_headline: str) -> bytes:
    # Hashed class names, as `--opaque-names` serves a page: no class word says "author".
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} | Làng Quê</title></head><body>
<div class="c7f2a1"><a href="/">Làng Quê</a> <a href="/kinh-te-xa-hoi">Kinh tế - Xã hội</a>
<a href="/quoc-te">Quốc tế</a></div>
<div class="c91be0"><div class="c3d4aa"><h1 class="c0a9e2">{TITLE}</h1>{under_headline}
<div class="c55e01"><strong>{LEAD}</strong></div>
<div class="c2b7f9">{paragraphs}</div></div></div>
<div class="c8e4d3"><p>Làng Quê - Tạp chí điện tử của nông thôn mới</p></div>
</body></html>""".encode()


def _authors(under_headline: str) -> list[str]:
    return extract_article(_page(under_headline), URL).authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # a bare name, its date in the next block
        (
            "<div class='ca01'>Lương Thị Hiền</div><span class='ca02'>14/02/2025 07:35</span>",
            ["Lương Thị Hiền"],
        ),
        (
            "<div class='ca01'>Lương Thị Hiền</div><div class='ca02'><span>Ngày đăng: 14/02/2025</span>"
            " <span>Lượt xem: 830</span></div>",
            ["Lương Thị Hiền"],
        ),
        # two bare names joined by a dash, the date in the next block
        (
            "<p class='ca01'>Khánh Vy - Đình Toàn</p><p class='ca02'>07:35 ngày 14/2/2025</p>",
            ["Khánh Vy", "Đình Toàn"],
        ),
    ],
)
def test_a_bare_name_over_its_date_line_is_the_byline(line: str, authors: list[str]) -> None:
    assert _authors(line) == authors


def test_a_labelled_credit_whose_name_is_a_link_keeps_its_name() -> None:
    # the line's own link is the writer's name, not a section the page's links print
    line = (
        "<div class='ca01'>Tác giả: <a href='#'>Lương Thị Hiền</a></div><span class='ca02'>14/02/2025</span>"
    )
    assert _authors(line) == ["Lương Thị Hiền"]


def test_a_link_to_the_writers_page_under_the_headline_is_the_byline() -> None:
    card = (
        "<div class='cb01'><img src='/anh/tg/41.jpg' alt=''><div class='cb02'>"
        "<a href='/tac-gia/41' class='cb03'>Vi Thị Ngân</a><span class='cb04'>Phóng viên</span></div></div>"
    )
    article = extract_article(_page(card), URL)
    assert article.authors == ["Vi Thị Ngân"]
    assert "Vi Thị Ngân" not in article.text


@pytest.mark.parametrize(
    "line",
    [
        # a place kicker over the date line stays a place
        "<div class='ca01'>Lào Cai</div><span class='ca02'>14/02/2025 07:35</span>",
        # a section name over the date line names no one
        "<div class='ca01'>Nông nghiệp</div><span class='ca02'>14/02/2025 07:35</span>",
        # the section's name in capitals reads as names; the menu's link says it is a section
        "<div class='ca01'>KINH TẾ - XÃ HỘI</div><span class='ca02'>14/02/2025 07:35</span>",
        "<div class='ca01'>Quốc Tế</div><span class='ca02'>14/02/2025 07:35</span>",
        # a bare name with nothing beside it may be a kicker: still refused
        "<div class='ca01'>Lương Thị Hiền</div>",
        # a name over a line that is no date
        "<div class='ca01'>Lương Thị Hiền</div><div class='ca02'>Nghe bài viết</div>",
        # a name-shaped link to a story, not to a writer's page
        "<div class='cb02'><a href='/van-hoa/hoang-van-thu-7731.html'>Hoàng Văn Thụ</a></div>",
    ],
)
def test_lines_that_are_no_credit_stay_out_of_the_authors(line: str) -> None:
    assert _authors(line) == []


def test_a_writer_link_inside_the_lead_is_no_card() -> None:
    lead = (
        "<p>Bài viết của <a href='/tac-gia/41'>Vi Thị Ngân</a> kể lại mùa chè năm ngoái ở bản, khi "
        "mưa đá làm hỏng gần hết lứa búp đầu tiên và bà con phải chờ thêm một tháng mới hái lại.</p>"
    )
    assert _authors(lead) == []
