"""No input crashes extraction: generated hostile HTML gives an Article or an ExtractionError.

The pieces are what real pages carry and what broke the extractor before (an HTML comment next to a
related-news label raised lxml's "Input object is not an XML element: HtmlComment"): comments,
conditional comments, processing instructions, CDATA, inline SVG and MathML, <template>, scripts,
deep nesting, and markup cut off anywhere, in any byte encoding a server might send.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extraction.extract import ExtractionError, extract_article
from indexer.schema import Article

_WORDS = st.sampled_from(
    [
        "Sản phẩm OCOP",
        "đạt 4 sao",
        "Tin liên quan",
        "Có thể bạn quan tâm",
        "Theo TTXVN",
        "Thứ năm, 23/10/2025 21:14",
        "Tác giả: Nguyễn Văn A",
        ">>",
        "Ảnh: T.K",
        "Tổng biên tập",
        "x",
        "",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)
_TEXT = st.one_of(_SENTENCE, st.text(max_size=40))
_CLASS = st.sampled_from(["", "content", "sapo", "author", "date", "related", "tags", "caption", "hidden"])

_BROKEN_URLS = ["http://[hong/bai", "http://bao.example.vn:99999/bai", "http://bao.example.vn:abc/"]

_LEAVES = st.one_of(
    _TEXT,
    _TEXT.map(lambda t: f"<!-- {t} -->"),
    st.just("<!--[if IE]><p>old</p><![endif]-->"),
    st.just("<!-- unterminated comment"),
    st.just("<?php echo 'x'; ?>"),
    st.just("<?xml-stylesheet href='a.xsl'?>"),
    _TEXT.map(lambda t: f"<![CDATA[{t}]]>"),
    st.just("<svg><g><text>Nhãn</text><!-- c --></g><foreignObject><p>x</p></foreignObject></svg>"),
    st.just("<math><mi>x</mi><mo>=</mo><mn>1</mn></math>"),
    _TEXT.map(lambda t: f"<template><p class='content'>{t}</p></template>"),
    _TEXT.map(lambda t: f"<script>document.write('{t}');</script>"),
    st.just("<style>p{}</style>"),
    st.just("<br><hr><img src=x><input value='a'>"),
    st.just("&nbsp;&#7913;&#x1EA1;&bogus;&#0;&#xD800;"),
    # references to characters XML forbids, with and without their semicolon
    st.sampled_from(["&#1;", "&#x1f;", "&#65535;", "&#xFFFE;", "&#11", "&#x1", "&#00031;"]).map(
        lambda ref: f"Tên {ref}riêng"
    ),
    st.just("\u200b\ufeff\x00\x0b\ufffe\uffff"),
    st.sampled_from(_BROKEN_URLS).map(lambda u: f"<a href='{u}'>Xem thêm</a> {u}"),
    st.sampled_from(_BROKEN_URLS).map(
        lambda u: f"<!-- <rdf:Description rdf:about='{u}' dc:date='2020-01-02' /> -->"
    ),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tag = st.sampled_from(
        ["div", "p", "span", "article", "section", "h1", "h3", "a", "li", "ul", "td", "table"]
    )
    return st.tuples(tag, _CLASS, st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]} class='{t[1]}' href='/a'>{''.join(t[2])}</{t[0]}>"
    )


_TREE = st.recursive(_LEAVES, _element, max_leaves=30)


@st.composite
def hostile_pages(draw: st.DrawFn) -> bytes:
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0' encoding='utf-8'?>"]))
    title = draw(_TEXT)
    body = "".join(draw(st.lists(_TREE, min_size=1, max_size=6)))
    depth = draw(st.integers(min_value=0, max_value=400))
    body = "<div>" * depth + body + "</div>" * draw(st.integers(min_value=0, max_value=depth))
    page = f"{head}<html><head><title>{title}</title><!-- c --></head><body>{body}</body></html>"
    if draw(st.booleans()):  # markup cut off anywhere, as an interrupted download is
        page = page[: draw(st.integers(min_value=0, max_value=len(page)))]
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1258", "latin-1"]))
    return page.encode(encoding, errors="replace")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=hostile_pages())
def test_hostile_html_gives_an_article_or_an_extraction_error(page: bytes) -> None:
    try:
        article = extract_article(page, "https://example.vn/bai-viet.html")
    except ExtractionError as error:
        assert str(error)
        return
    assert isinstance(article, Article)
    assert article.text.strip()


@pytest.mark.parametrize(
    "markup",
    [
        # The shape that crashed: a related-news label followed by a comment among the link lists.
        "<div><h1>Tiêu đề bài viết khá dài</h1><p>{body}</p><div>Tin liên quan</div><!-- box -->"
        "<ul><li><a href='/a'>Bài khác một</a></li><li><a href='/b'>Bài khác hai</a></li></ul></div>",
        "<div><h1>Tiêu đề bài viết khá dài</h1><p>{body}</p><?pi data?><svg><!-- c --></svg></div>",
    ],
)
def test_comments_and_processing_instructions_next_to_chrome(markup: str) -> None:
    body = "Nội dung bài viết về sản phẩm OCOP của tỉnh, đủ dài để là một đoạn văn. " * 3
    head = "<html><head><title>Tiêu đề bài viết khá dài</title></head>"
    page = f"{head}<body>{markup.format(body=body)}</body></html>"
    article = extract_article(page.encode(), "https://example.vn/bai-viet.html")
    assert "Nội dung bài viết về sản phẩm OCOP" in article.text
    assert "Bài khác một" not in article.text


def test_control_characters_xml_forbids_are_dropped_not_a_crash() -> None:
    # Found by the property test above: an ESC alone in a div reached trafilatura's XML tree.
    head = "<html><head><title>Sản phẩm OCOP</title></head>"
    alone = head + "<body><div class='content'><div>\x1b</div></div></body></html>"
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article(alone.encode(), "https://example.vn/a.html")
    prose = "Hợp tác xã\x1b vừa đưa sản phẩm mật ong rừng vào hệ thống siêu thị của tỉnh trong tháng này."
    page = f"{head}<body><h1>Sản phẩm OCOP</h1><p>{prose}</p><p>{prose}x</p></body></html>"
    article = extract_article(page.encode(), "https://example.vn/b.html")
    assert "\x1b" not in article.text and "Hợp tác xã vừa đưa" in article.text


@pytest.mark.parametrize("reference", ["&#1;", "&#1", "&#x1F;", "&#65535;", "&#xfffe;", "\ufffe"])
def test_references_to_characters_xml_forbids_are_dropped_not_a_crash(reference: str) -> None:
    """Found by mutating real pages: "&#1" in a paragraph became a control character inside the
    parsed tree (libxml2 reads the reference), and wrapping the paragraph's loose text raised."""
    head = "<html><head><title>Sản phẩm OCOP</title></head>"
    prose = "Hợp tác xã vừa đưa sản phẩm mật ong rừng vào hệ thống siêu thị của tỉnh trong tháng này."
    loose = f"<div><b>Tin</b> {prose} Trường {reference}Kim Đồng<br>{prose} Lần hai.</div>"
    page = f"{head}<body><h1>Sản phẩm OCOP</h1>{loose}<p>{prose} Lần ba.</p></body></html>"
    article = extract_article(page.encode(), "https://example.vn/c.html")
    assert "Trường Kim Đồng" in article.text


@pytest.mark.parametrize("broken", _BROKEN_URLS)
def test_addresses_urllib_cannot_read_cost_the_page_nothing(broken: str) -> None:
    """Raised ValueError from urlsplit before: a canonical link, a printed address in the text, a
    trackback description naming a broken address. Each is read as no address (or, with a port out
    of range, as written), and the page's own address stays the one it was fetched from."""
    prose = "Hợp tác xã vừa đưa sản phẩm mật ong rừng vào hệ thống siêu thị của tỉnh trong tháng này."
    head = (
        f"<html><head><title>Mật ong rừng vào siêu thị tỉnh</title><link rel='canonical' href='{broken}'>"
        f"<meta property='og:url' content='{broken}'></head>"
    )
    body = (
        f"<body><h1>Mật ong rừng vào siêu thị tỉnh</h1><p>{prose}</p><p>{prose} Lần hai.</p>"
        f"<p>Xem tại {broken}.</p><a href='{broken}'>Bài khác</a>"
        f'<!-- <rdf:Description rdf:about="{broken}" dc:date="2020-01-02T08:00:00+07:00" /> --></body></html>'
    )
    article = extract_article((head + body).encode(), "https://example.vn/mat-ong.html")
    assert article.url == "https://example.vn/mat-ong.html"
    assert "Hợp tác xã vừa đưa sản phẩm mật ong" in article.text


_PAGE = (
    "<html><head><title>Mật ong rừng vào siêu thị tỉnh</title></head>"
    "<body><h1>Mật ong rừng vào siêu thị tỉnh</h1>"
    "<p>Hợp tác xã vừa đưa sản phẩm mật ong rừng vào hệ thống siêu thị của tỉnh trong tháng này.</p>"
    "<p>Sản phẩm đạt chứng nhận OCOP 3 sao sau hai năm hoàn thiện bao bì và truy xuất nguồn gốc.</p>"
    "</body></html>"
).encode()
_ADDRESSES = st.tuples(
    st.sampled_from(["http://", "https://", "//", "", "ftp://"]),
    st.sampled_from(["bao.example.vn", "[bao", "bao]", "[::1", "[::1]", "", "đà-lạt.vn", "%zz", "a b"]),
    st.sampled_from(["", ":8080", ":99999", ":abc", ":"]),
    st.sampled_from(["", "/", "/2021/08/15/bai-viet.html", "/tin/bai-viet-20221224093000123.htm", "/?p=1#x"]),
).map("".join)


@settings(max_examples=80, deadline=None)
@given(url=st.one_of(_ADDRESSES, st.text(max_size=30)))
def test_any_page_address_gives_an_article_or_an_extraction_error(url: str) -> None:
    """The page's own address comes from the caller (a manifest line, the command line): one that
    urllib cannot split ("http://[…/2021/08/15/…" reached the listing and notice checks) is refused
    with a message, never a ValueError from deep inside."""
    try:
        article = extract_article(_PAGE, url)
    except ExtractionError as error:
        assert str(error)
        return
    assert "mật ong rừng" in article.text


def test_a_broken_page_address_is_refused_with_its_reason() -> None:
    with pytest.raises(
        ExtractionError, match="address 'http://\\[bao/2021/08/15/bai-viet.html' cannot be read"
    ):
        extract_article(_PAGE, "http://[bao/2021/08/15/bai-viet.html")
