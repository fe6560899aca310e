"""The article is what the reader sees, however the page's source is laid out.

A browser shows any run of white space in HTML, line breaks included, as one space. Templates
are pretty-printed (paragraphs hard-wrapped, an inline link on a line of its own) or minified
(no white space between tags at all); neither may change the text, its paragraphs, the byline or
the chrome taken out. The pages are written for these tests.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from crawler.extraction.blocks import body_to_blocks
from crawler.extraction.body import BodyContext, clean_body
from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ, Article
from tests.test_extract_rules import OUTLET, PROSE, p

URL = "https://baomau.example.vn/kinh-te/hoi-cho-nong-san-vung-cao-2025-7731.html"
CRAWLED = datetime(2025, 11, 20, 9, 0, tzinfo=VIETNAM_TZ)

PARAGRAPHS = [
    "Hội chợ nông sản vùng cao năm nay quy tụ hơn một trăm gian hàng của các hợp tác xã, phần lớn là "
    "sản phẩm đã đạt chuẩn OCOP từ ba sao trở lên, theo ban tổ chức.",
    "Khách tham quan được nếm thử chè shan tuyết, mật ong bạc hà và thịt trâu gác bếp, đồng thời "
    "đặt mua trực tiếp với giá ưu đãi trong suốt bốn ngày diễn ra sự kiện.",
    "Các hộ sản xuất muốn đăng ký gian hàng năm sau được đề nghị gửi hồ sơ sớm, vì số chỗ có hạn và "
    "ưu tiên dành cho sản phẩm có mã truy xuất nguồn gốc.",
]


LEAD = (
    "Hơn một trăm hợp tác xã của các tỉnh miền núi mang sản phẩm OCOP về thủ đô trong bốn ngày, "
    "phần lớn là chè, mật ong và đặc sản từ rừng."
)
CAPTION = "Du khách chọn mua mật ong bạc hà tại gian hàng của một hợp tác xã vùng cao trong ngày khai mạc."


def _wrapped(text: str, indent: str) -> str:
    """A paragraph hard-wrapped at about 60 columns, as a formatter writes a template; the words
    "chè shan tuyết" are a link on a line of its own."""
    text = text.replace("chè shan tuyết", '\n<a href="/tag/che-shan-tuyet">chè shan tuyết</a>')
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) > 60:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    return f"\n{indent}".join(lines)


PRETTY = f"""<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8">
    <title>Hội chợ nông sản vùng cao 2025 khai mạc | Báo Mẫu</title>
  </head>
  <body>
    <nav><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></nav>
    <article>
      <h1>Hội chợ nông sản vùng cao 2025 khai mạc</h1>
      <h2>
        {_wrapped(LEAD, "        ")}
      </h2>
      <figure>
        <img src="/anh/gian-hang.jpg" alt="">
        <figcaption>
          {_wrapped(CAPTION, "          ")}
        </figcaption>
      </figure>
      <div>
        <p>
          {_wrapped(PARAGRAPHS[0], "          ")}
        </p>
        <p>
          {_wrapped(PARAGRAPHS[1], "          ")}
        </p>
        <p>
          {_wrapped(PARAGRAPHS[2], "          ")}
        </p>
      </div>
      <div>
        <span>Lò Văn Thành</span>
        <time>20/11/2025 | 08:15</time>
      </div>
    </article>
    <h2>
      Tin tức sự kiện về:
      <a href="/su-kien/hoi-cho">Hội chợ nông sản</a>
    </h2>
    <div><a href="/tin/1">Giá chè shan tuyết đầu vụ tăng mạnh so với năm trước</a></div>
    <div><a href="/tin/2">Mật ong bạc hà được cấp chỉ dẫn địa lý sau nhiều năm chờ đợi</a></div>
    <footer>Bản quyền thuộc về Báo Mẫu</footer>
  </body>
</html>"""

MINIFIED = re.sub(r">\s+<", "><", re.sub(r"\s+", " ", PRETTY))


def _article(page: str) -> Article:
    return extract_article(page.encode("utf-8"), URL, crawled=CRAWLED)


def test_a_hard_wrapped_paragraph_comes_out_as_one_paragraph() -> None:
    assert _article(PRETTY).text.split("\n\n") == [LEAD, *PARAGRAPHS]


def test_a_hard_wrapped_sapo_and_caption_come_out_on_one_line() -> None:
    article = _article(PRETTY)
    assert article.lead == LEAD and article.text.split("\n\n")[0] == LEAD
    assert article.captions == [CAPTION]


def test_a_minified_copy_of_the_page_gives_the_same_article() -> None:
    pretty, minified = _article(PRETTY), _article(MINIFIED)
    assert (minified.text, minified.lead, minified.captions) == (pretty.text, pretty.lead, pretty.captions)
    assert minified.authors == pretty.authors == ["Lò Văn Thành"]
    assert minified.published == pretty.published
    assert "Tin tức sự kiện về" not in pretty.text and "Giá chè shan tuyết" not in pretty.text


def test_a_line_break_tag_stays_a_line_break() -> None:
    body = etree.fromstring("<body><p>Dòng một của\n   đoạn<lb/>Dòng hai</p></body>")
    assert [block.text for block in body_to_blocks(body)] == ["Dòng một của đoạn\nDòng hai"]


def test_a_container_trafilatura_passed_through_is_read_block_by_block() -> None:
    # trafilatura's readability fallback returns part of the page as divs: the date line, the
    # headline and the paragraphs must stay apart even when the source has no line breaks.
    body = etree.fromstring(
        "<body><div><div>Thứ năm, 20/11/2025, 08:15 GMT+7</div><head rend='h1'>Hội chợ nông sản</head>"
        f"<p>{PARAGRAPHS[0]}</p>{PARAGRAPHS[1]}<p>{PARAGRAPHS[2]}</p></div></body>"
    )
    assert [block.text for block in body_to_blocks(body)] == [
        "Thứ năm, 20/11/2025, 08:15 GMT+7",
        "Hội chợ nông sản",
        *PARAGRAPHS,
    ]


def test_a_heading_naming_its_topic_as_a_link_opens_a_closing_box() -> None:
    teaser = "Giá chè shan tuyết đầu vụ tăng mạnh, nhiều hợp tác xã mở rộng vùng nguyên liệu trên sườn đồi"
    box = [p("Tin tức sự kiện về: Hội chợ nông sản", kind="head", links=0.5), p(teaser, links=0.45)]
    kept = clean_body([*map(p, PROSE), *box], BodyContext(outlet=OUTLET)).paragraphs
    assert kept == PROSE
    # A line of the text shaped "Label: link" is no heading and stays.
    item = p("Địa chỉ đăng ký: Hội chợ nông sản", links=0.5)
    kept = clean_body([*map(p, PROSE), item], BodyContext(outlet=OUTLET)).paragraphs
    assert kept[-1] == item.text
