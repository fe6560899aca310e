"""Each extraction rule on its own: body cleanup on hand-made blocks, titles, bylines, URLs, chrome."""

from __future__ import annotations

import re
from datetime import datetime

import lxml.html
import pytest

from crawler.extraction.blocks import Block
from crawler.extraction.body import BodyContext, clean_body, is_date_line, is_prompt, is_widget
from crawler.extraction.byline import find_closing_byline, parse_byline, person_name
from crawler.extraction.chrome import find_labels, remove_related_boxes, take_captions, take_tag_lists
from crawler.extraction.dateline import find_printed_date
from crawler.extraction.dom import PageIndex
from crawler.extraction.extract import extract_article
from crawler.extraction.lead import find_lead
from crawler.extraction.outlet import OutletNames
from crawler.extraction.title import choose_title
from crawler.urls import canonicalize_url, host_of, same_site
from indexer.schema import VIETNAM_TZ

OUTLET = OutletNames(["Pháp luật & Xã hội"], "phapluatxahoi.kinhtedothi.vn")
PROSE = [
    "Hà Nội hiện có 1.236 sản phẩm OCOP, trong đó 812 sản phẩm đạt 4 sao và 407 sản phẩm đạt 3 sao.",
    "Các chủ thể được hỗ trợ thiết kế bao bì, truy xuất nguồn gốc và kết nối với hệ thống siêu thị.",
    "Năm 2024 thành phố mở 36 phiên chợ cuối tuần cho các hợp tác xã và hộ sản xuất - kinh doanh.",
]


def p(text: str, *, links: float = 0.0, bold: bool = False, kind: str = "p", group: int = -1) -> Block:
    return Block(kind, text, int(len(text) * links), bold, group)


def texts(blocks: list[Block], **context: object) -> list[str]:
    return clean_body(blocks, BodyContext(outlet=OUTLET, **context)).paragraphs  # type: ignore[arg-type]


# --- body cleanup -----------------------------------------------------------------------------


def test_headline_repeated_at_the_top_is_dropped() -> None:
    title = "Hà Nội mở phiên chợ OCOP cuối tuần"
    assert texts([p(title, kind="head"), *map(p, PROSE)], title=title) == PROSE


def test_header_clock_and_update_lines_are_dropped() -> None:
    blocks = [p("Thứ hai 17/03/2025 09:14"), *map(p, PROSE), p("Cập nhật: 07:45 ngày 02/10/2024")]
    assert texts(blocks) == PROSE
    assert is_date_line("LĐO | 14/05/2021 | 08:52")
    assert not is_date_line(
        "Ngày 1/10/2024, Hà Nội mở phiên chợ OCOP thứ năm bên đê Long Biên với 60 gian hàng."
    )


def test_prompts_are_dropped_but_sentences_about_zalo_or_qr_are_kept() -> None:
    keep = "Khách hàng có thể quét mã QR trên bao bì để truy xuất nguồn gốc sản phẩm OCOP."
    blocks = [
        p("Theo dõi Pháp luật & Xã hội trên"),
        p(PROSE[0]),
        p(keep),
        p("Mở Zalo, quét mã QR để đọc bài này trên điện thoại"),
        p("Chia sẻ"),
        p("Bình luận (19)"),
    ]
    assert texts(blocks) == [PROSE[0], keep]
    assert is_prompt("Mời bạn quét mã QR để nhận tin Pháp luật và Xã hội qua Zalo")


def test_captions_known_from_the_page_or_shaped_like_one() -> None:
    known = "Gian hàng OCOP bên đê Long Biên"
    blocks = [p(PROSE[0]), p(known), p("Sản phẩm chè Shan tuyết của HTX Tả Phìn - Ảnh: T.H"), p(PROSE[1])]
    result = clean_body(blocks, BodyContext(captions=[known]))
    assert result.paragraphs == PROSE[:2]
    assert result.captions == ["Sản phẩm chè Shan tuyết của HTX Tả Phìn - Ảnh: T.H"]


def test_tag_list_goes_to_tags() -> None:
    blocks = [
        *map(p, PROSE),
        p("Từ khóa", kind="item", group=9),
        p("OCOP", links=1, kind="item", group=9),
        p("Hà Nội", links=1, kind="item", group=9),
    ]
    result = clean_body(blocks, BodyContext())
    assert result.paragraphs == PROSE
    assert result.tags == ["OCOP", "Hà Nội"]
    inline = clean_body([*map(p, PROSE), p("Tags: OCOP, nông thôn mới", links=0.6)], BodyContext())
    assert inline.tags == ["OCOP", "nông thôn mới"] and inline.paragraphs == PROSE


def test_inline_related_box_goes_and_the_article_continues() -> None:
    blocks = [
        p(PROSE[0]),
        p("Tin liên quan"),
        p("Hà Nội có thêm 200 sản phẩm OCOP", links=1.0, kind="item", group=3),
        p("Khai mạc tuần hàng OCOP", links=1.0, kind="item", group=3),
        p(PROSE[1]),
        p(PROSE[2]),
    ]
    assert texts(blocks) == PROSE


def test_late_end_label_cuts_the_teaser_feed() -> None:
    teaser = "Cuốn sách gom 120 bức ảnh của bảy phóng viên, kể lại những đêm trực đê ở đồng bằng sông Hồng."
    blocks = [
        *map(p, PROSE),
        p("Có thể bạn quan tâm"),
        p("Tin mới hơn"),
        p(teaser),
        p("Giá xăng tăng nhẹ giữa tháng 3"),
    ]
    assert texts(blocks) == PROSE


def test_early_end_label_does_not_cut_the_article() -> None:
    blocks = [
        p(PROSE[0]),
        p("Có thể bạn quan tâm"),
        p("Hà Nội có thêm 200 sản phẩm OCOP", links=1.0),
        p(PROSE[1]),
        p(PROSE[2]),
    ]
    assert texts(blocks) == PROSE


def test_link_lists_and_widgets() -> None:
    stock_prose = "VN-Index tăng 12 điểm trong phiên sáng nhờ nhóm ngân hàng, thanh khoản đạt 15.000 tỷ đồng."
    blocks = [
        p(PROSE[0]),
        p("Gia Lâm thí điểm điểm bán OCOP trong nhà chờ xe buýt", links=1.0),
        p("XSMB 17/3/2025. KQXSMB 17/3/2025. Xổ số miền Bắc hôm nay 17/3/2025."),
        p("Chứng khoán phiên 17/3: VN-Index giằng co quanh 1.300 điểm", links=0.9),
        p(stock_prose),
        p(PROSE[1]),
    ]
    assert texts(blocks) == [PROSE[0], stock_prose, PROSE[1]]  # stock news as prose is an article's business
    assert is_widget(p("XSMT 17/3/2025. KQXSMT 17/3. Kết quả xổ số miền Trung"))
    assert not is_widget(p(stock_prose))


def test_closing_byline_lines_become_the_byline() -> None:
    result = clean_body(
        [*map(p, PROSE), p("Trịnh Hà My", bold=True), p("Pháp luật và Xã hội")], BodyContext(outlet=OUTLET)
    )
    assert result.paragraphs == PROSE
    assert result.byline is not None and result.byline.agency is None
    assert result.byline.authors == ["Trịnh Hà My"]
    agency = clean_body([*map(p, PROSE), p("Minh Anh (TTXVN)")], BodyContext(outlet=OUTLET))
    assert agency.byline.authors == ["Minh Anh"] and agency.byline.agency == "TTXVN"


@pytest.mark.parametrize(("last", "authors", "agency"), [("HT", ["HT"], None), ("TTXVN", [], "TTXVN")])
def test_initials_alone_after_the_last_sentence_sign_the_article(
    last: str, authors: list[str], agency: str | None
) -> None:
    """Unstyled, alone on the last line after closed prose: a reporter's initials; an agency's
    acronym in the same place stays an agency."""
    result = clean_body([*map(p, PROSE), p(last)], BodyContext(outlet=OUTLET))
    assert result.paragraphs == PROSE
    assert result.byline is not None and (result.byline.authors, result.byline.agency) == (authors, agency)


def test_a_last_sentence_is_not_a_byline() -> None:
    last = "Ngày 12.3, Hội đồng tiếp tục phần chấm điểm."
    result = clean_body([*map(p, PROSE), p(last)], BodyContext(outlet=OUTLET))
    assert result.paragraphs[-1] == last and result.byline is None


def test_paragraph_repeated_verbatim_is_kept_once() -> None:
    assert texts([p(PROSE[0]), p(PROSE[0]), p(PROSE[1]), p(PROSE[2])]) == PROSE


@pytest.mark.parametrize(
    ("body", "lead", "expected"),
    [
        (PROSE, "Sapo nằm ngoài thân bài, ở phía trên.", ["Sapo nằm ngoài thân bài, ở phía trên.", *PROSE]),
        ([PROSE[1], PROSE[0], PROSE[2]], PROSE[0], PROSE),  # the lead found later moves first, once
        (PROSE, PROSE[0], PROSE),  # already first: unchanged
        (
            ["TTO - " + PROSE[0], *PROSE[1:]],
            PROSE[0],
            ["TTO - " + PROSE[0], *PROSE[1:]],
        ),  # a longer form stays
    ],
)
def test_lead_first_and_once(body: list[str], lead: str, expected: list[str]) -> None:
    result = clean_body([p(t) for t in body], BodyContext(lead=lead))
    assert result.paragraphs == expected
    assert result.lead == expected[0]


# --- titles -----------------------------------------------------------------------------------


def test_title_suffix_stripped_because_another_candidate_is_its_prefix() -> None:
    title = choose_title(
        [
            "Thanh tra việc đào đường ở phố cổ - Chính trị - Xã hội - Tuổi Trẻ Online",
            "Thanh tra việc đào đường ở phố cổ",
        ]
    )
    assert title == "Thanh tra việc đào đường ở phố cổ"


def test_title_suffix_stripped_by_outlet_and_section_names_alone() -> None:
    outlet = OutletNames(["Tin tức thời sự - Báo Tuổi Trẻ"], "tuoitre.vn")
    title = choose_title(
        ["Thanh tra việc đào đường ở phố cổ - Chính trị - Xã hội - Tuổi Trẻ Online"],
        outlet=outlet,
        sections=["Chính trị - Xã hội"],
    )
    assert title == "Thanh tra việc đào đường ở phố cổ"
    assert (
        choose_title(
            [],
            document_title="VnExpress - Ho khan kéo dài, đi khám phát hiện lao",
            outlet=OutletNames([], "vnexpress.net"),
        )
        == "Ho khan kéo dài, đi khám phát hiện lao"
    )


def test_a_dash_inside_a_headline_is_kept() -> None:
    outlet = OutletNames(["Báo Thanh Niên"], "thanhnien.vn")
    headline = "Hà Nội - Hải Phòng: 30 sản phẩm OCOP lên sàn thương mại điện tử"
    assert (
        choose_title([headline], document_title=headline + " | Kinh tế | Thanh Niên", outlet=outlet)
        == headline
    )


# --- bylines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "authors", "agency"),
    [
        ("Thành Vinh, Hữu Phước", ["Thành Vinh", "Hữu Phước"], None),
        ("MINH KHUÊ", ["Minh Khuê"], None),
        ("Bài và ảnh: Hà Linh", ["Hà Linh"], None),
        ("Minh Anh (TTXVN)", ["Minh Anh"], "TTXVN"),
        ("Theo TTXVN", [], "TTXVN"),
        ("Nhóm PV", [], "Nhóm PV"),
        ("PV", [], "PV"),
        ("CTV Lê Hoa", ["Lê Hoa"], None),
        ("Hoàng Lê - Minh Phương", ["Hoàng Lê", "Minh Phương"], None),
        ("Trịnh Hà My/Pháp luật và Xã hội", ["Trịnh Hà My"], None),
        ("Viết bởi Lý Thanh Sơn", ["Lý Thanh Sơn"], None),
        ("Posted by Hà My", ["Hà My"], None),
        ("Đỗ Quang/VOV-Tây Bắc", ["Đỗ Quang"], "VOV-Tây Bắc"),
        ("Thu Hằng (TTXVN-Cần Thơ)", ["Thu Hằng"], "TTXVN-Cần Thơ"),
        ("Hoàng Anh (t/h)", ["Hoàng Anh"], None),
        ("Thanh Hải/BNEWS/TTXVN", ["Thanh Hải"], "BNEWS/TTXVN"),
        ("Nguyên Minh | 07/03/2025 08:47", ["Nguyên Minh"], None),
        ("Nguyên Minh (Thứ sáu, 7/3/2025 08:47)", ["Nguyên Minh"], None),
        ("Story by Dat Nguyen", ["Dat Nguyen"], None),
        ("Vũ Hân (lược dịch)", ["Vũ Hân"], None),
        # a note on what the writer did: an interview, a told story, a translation
        ("Lê Văn Tâm (thực hiện)", ["Lê Văn Tâm"], None),
        ("Thu Hà (ghi)", ["Thu Hà"], None),
        ("Mai Lan (chuyển ngữ)", ["Mai Lan"], None),
        ("ThS. Nguyễn Thị Lan", ["Nguyễn Thị Lan"], None),
        ("Tùng Lâm - Đài PT-TH Sơn La", ["Tùng Lâm"], "Đài PT-TH Sơn La"),
        ("Ngọc Ánh - Báo Yên Bái", ["Ngọc Ánh"], "Báo Yên Bái"),
        ("Bảo Anh", ["Bảo Anh"], None),
        ("Trường Giang", ["Trường Giang"], None),
        # a reporter's initials alone; known agencies and abbreviations alone are not initials
        ("TP", ["TP"], None),
        ("NTH", ["NTH"], None),
        ("TTXVN", [], "TTXVN"),
        ("VTV", [], "VTV"),
        ("AFP", [], "AFP"),
        ("UBND", [], "UBND"),
        ("TTO", [], "TTO"),
        ("Hải Yến/TP", ["Hải Yến"], "TP"),
        ("HT (TTXVN)", ["HT"], "TTXVN"),
        ("HT/TTXVN", ["HT"], "TTXVN"),
        # a parenthesised outlet or desk beside a name is the source, not a second author
        ("Lan Chi (Truyền hình Online)", ["Lan Chi"], "Truyền hình Online"),
        ("Minh Hà (QTV Digital)", ["Minh Hà"], "QTV Digital"),
        ("Quốc Bảo (Báo điện tử Miền Tây)", ["Quốc Bảo"], "Báo điện tử Miền Tây"),
        ("Hải Đăng (Pháp luật và Xã hội)", ["Hải Đăng"], None),
    ],
)
def test_parse_byline(text: str, authors: list[str], agency: str | None) -> None:
    byline = parse_byline(text, OUTLET)
    assert byline is not None
    assert (byline.authors, byline.agency) == (authors, agency)


@pytest.mark.parametrize(
    "text",
    [
        "Theo bác sĩ Quyên, bệnh nhân cần chụp phim",
        "Tin liên quan",
        "Hà Nội, ngày 5/8",
        "Ho khan kéo dài",
        "thanhvinh@gmail.com",
        "By 2025, the province plans more products",
        "Viết bởi nhiều người",
        "Nguyễn Văn A/Công-Ty",
    ],
)
def test_not_bylines(text: str) -> None:
    assert parse_byline(text, OUTLET) is None


def test_a_parenthesised_place_is_not_an_outlet() -> None:
    """Capitals that abbreviate a place ("TP HCM") do not make the parenthesis an outlet credit."""
    byline = parse_byline("Thu Trang (TP HCM)", OUTLET)
    assert byline is None or byline.agency is None


def test_initials_need_a_place_that_allows_one_word_names() -> None:
    """Where a byline must have two words (an unstyled closing line), bare capitals stay an agency."""
    byline = parse_byline("HA", OUTLET, min_words=2)
    assert byline is not None and byline.authors == []
    assert parse_byline("HA", OUTLET, min_words=1) == parse_byline("HA", OUTLET)
    assert parse_byline("HA", OUTLET).authors == ["HA"]  # type: ignore[union-attr]


def test_outlet_line_is_recognised_without_being_an_author() -> None:
    byline = parse_byline("Pháp luật và Xã hội", OUTLET)
    assert byline is not None and byline.outlet_only and byline.authors == []
    assert person_name("TTXVN") is None


# --- URLs -------------------------------------------------------------------------------------


def test_canonical_url_drops_tracking_and_fragment() -> None:
    url = "HTTPS://Thanhnien.VN:443/cong-nghe/bai-1159593.html?utm_source=fb&fbclid=IwAR3&zarsrc=30&page=2#binh-luan"
    assert canonicalize_url(url) == "https://thanhnien.vn/cong-nghe/bai-1159593.html?page=2"
    assert host_of("https://www.vnexpress.net/a") == "vnexpress.net"
    assert same_site("https://m.dantri.com.vn/a", "https://dantri.com.vn/b")
    assert not same_site("https://a.com.vn/x", "https://b.com.vn/x")


def test_canonical_link_to_another_outlet_is_not_followed() -> None:
    from crawler.extraction.extract import extract_article

    html = (
        '<html><head><title>OCOP Bắc Giang</title><link rel="canonical" href="https://other.vn/goc.html">'
        "</head><body><h1>OCOP Bắc Giang</h1>" + "".join(f"<p>{t}</p>" for t in PROSE) + "</body></html>"
    )
    article = extract_article(html, "https://baobacgiang.vn/ocop-bac-giang.html?utm_medium=social")
    assert article.url == "https://baobacgiang.vn/ocop-bac-giang.html"
    assert article.site == "baobacgiang.vn"


# --- DOM rules --------------------------------------------------------------------------------


def tree_of(body: str, head: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_tag_lists_by_label_and_by_class() -> None:
    tree = tree_of(
        '<div id="a"><p>Bài viết.</p></div><ul class="block-key"><li>Từ khóa</li>'
        '<li><a href="/t/1">OCOP</a></li><li><a href="/t/2">Hà Nội</a></li></ul>'
        '<div class="box-tags"><a href="/t/3">nông sản</a></div>'
    )
    tags = take_tag_lists(PageIndex(tree), find_labels(tree))
    assert tags == ["nông sản", "OCOP", "Hà Nội"]
    assert "Từ khóa" not in tree.text_content()


def test_related_box_removed_but_not_the_article_around_a_label() -> None:
    article = "".join(f"<p>{t}</p>" for t in PROSE)
    tree = tree_of(
        f'<h1>Tiêu đề</h1><div class="content">{article}<p><strong>Xem thêm:</strong> '
        '<a href="/b">Bài khác về OCOP</a></p><p>Đoạn cuối có <a href="/c">liên kết</a> và '
        '<a href="/d">một liên kết nữa</a> trong câu văn của bài.</p></div>'
        '<div class="box"><h3>Tin liên quan</h3><a href="/x">Tin X</a><a href="/y">Tin Y</a></div>'
    )
    remove_related_boxes(tree, find_labels(tree), keep=[tree.find(".//h1")])
    text = tree.text_content()
    assert "Tin X" not in text and "Tin liên quan" not in text
    assert "Xem thêm" not in text and "Bài khác về OCOP" not in text
    assert all(t in text for t in PROSE) and "Đoạn cuối có liên kết" in text


def test_captions_are_collected_and_removed() -> None:
    tree = tree_of(
        '<h1>Tiêu đề</h1><figure><img src="a.jpg"><figcaption>Gian hàng OCOP. Ảnh: N.S</figcaption>'
        '</figure><p class="description">Sapo của bài, không phải chú thích ảnh, đủ dài để là sapo.</p>'
        '<div class="imgCon"><img src="b.jpg"><div class="description">Toàn cảnh hội chợ.</div></div>'
    )
    index = PageIndex(tree)
    assert take_captions(tree, index, index.of(tree.find(".//h1"))) == [
        "Gian hàng OCOP. Ảnh: N.S",
        "Toàn cảnh hội chợ.",
    ]
    assert "Sapo của bài" in tree.text_content()


def test_a_vietnamese_caption_class_beside_the_headline_is_a_caption() -> None:
    # A picture set left of the headline, its caption classed "chú thích ảnh", all in the
    # article's top block; a promo picture in another column above is not the article's.
    tree = tree_of(
        '<div class="promo"><img src="p.jpg"><div class="chu-thich-anh">Ảnh quảng cáo</div></div>'
        '<div class="top"><div class="img200"><img src="a.jpg"><div class="chu-thich-anh">'
        "Nông dân hái chè buổi sớm.</div></div><div><h1>Tiêu đề</h1></div></div>"
        '<div class="body"><p><img src="b.jpg"></p><div class="ChuThich">Chè phơi trên nong.</div>'
        f"<p>{PROSE[0]}</p></div>"
    )
    index = PageIndex(tree)
    h1 = tree.find(".//h1")
    found = take_captions(tree, index, index.of(h1), h1)
    assert found == ["Nông dân hái chè buổi sớm.", "Chè phơi trên nong."]
    assert "Ảnh quảng cáo" in tree.text_content() and PROSE[0] in tree.text_content()


def test_lead_printed_description_beats_a_class_guess() -> None:
    description = "Ba sản phẩm từ sâm Ngọc Linh vừa được công nhận OCOP 5 sao cấp quốc gia."
    tree = tree_of(
        f'<h1>Tiêu đề</h1><div class="summary">Tóm tắt nhanh: một dòng tóm tắt khác của bài viết.</div>'
        f'<p class="intro-text">{description}</p>'
    )
    index = PageIndex(tree)
    lead, element = find_lead(
        tree, index, headline_at=index.of(tree.find(".//h1")), descriptions=[description]
    )
    assert lead == description and element is not None and element.tag == "p"
    lead, _ = find_lead(tree, index, headline_at=index.of(tree.find(".//h1")), descriptions=[])
    assert lead.startswith("Tóm tắt nhanh")  # without a description, the nearest sapo-classed block


def test_closing_byline_after_the_body_in_the_dom() -> None:
    tree = tree_of(
        "<div class='fck'>"
        + "".join(f"<p>{t}</p>" for t in PROSE)
        + "<div class='box'><a href='/a'>Tin khác về OCOP</a></div><div><iframe></iframe>"
        "<strong>MINH KHUÊ</strong></div></div>"
    )
    byline = find_closing_byline(tree, PROSE[-1], OUTLET)
    assert byline is not None and byline.authors == ["Minh Khuê"]
    assert find_closing_byline(tree_of("<p>" + PROSE[0] + "</p><p>Bình luận</p>"), PROSE[0], OUTLET) is None


def test_byline_date_ignores_the_header_clock() -> None:
    crawled = datetime(2025, 10, 23, 22, 0, tzinfo=VIETNAM_TZ)
    tree = tree_of(
        '<div class="header-top"><span class="date">Thứ năm 23/10/2025 21:14</span></div>'
        '<div class="main"><div class="detail"><h1>Tiêu đề</h1><div class="meta">'
        '<span class="time">09/06/2023 - 14:32</span></div><p>Nội dung</p></div></div>'
    )
    index = PageIndex(tree)
    printed = find_printed_date(tree, index, tree.find(".//h1"), crawled)
    assert printed is not None and printed.value == datetime(2023, 6, 9, 14, 32, tzinfo=VIETNAM_TZ)
    only_clock = tree_of(
        '<div class="header-top"><span class="date">Thứ năm 23/10/2025 21:14</span></div>'
        '<div class="main"><h1>Tiêu đề</h1><p>Nội dung</p></div>'
    )
    assert find_printed_date(only_clock, PageIndex(only_clock), only_clock.find(".//h1"), crawled) is None


def _page_with_description(description: str) -> str:
    title = "Hà Nội có 1.236 sản phẩm OCOP"
    head = f'<title>{title}</title><meta property="og:type" content="article">'
    head += f'<meta name="description" content="{description}">'
    body = "".join(f"<p>{t}</p>" for t in PROSE)
    return f"<html><head>{head}</head><body><h1>{title}</h1>{body}</body></html>"


def test_a_description_the_page_never_displays_is_not_put_in_front_of_the_body() -> None:
    from crawler.extraction.extract import extract_article

    sapo = "Phiên chợ cuối tuần đưa 1.236 sản phẩm OCOP của Hà Nội đến gần người mua, phần lớn đạt 4 sao."
    article = extract_article(_page_with_description(sapo), "https://example.vn/ocop-1.html")
    assert article.text.split("\n\n") == PROSE  # the reader never sees the meta description
    assert article.lead == PROSE[0]


def test_a_site_wide_description_is_not_a_lead() -> None:
    from crawler.extraction.extract import extract_article

    generic = (
        "Báo điện tử Mẫu - Tin tức mới nhất, nóng nhất về thời sự, kinh tế, xã hội, pháp luật 24 giờ qua."
    )
    article = extract_article(_page_with_description(generic), "https://example.vn/ocop-1.html")
    assert article.text.split("\n\n") == PROSE
    assert article.lead == PROSE[0]  # no marked sapo: the first paragraph


def test_script_written_text_and_hidden_copies() -> None:
    from crawler.extraction.dom import apply_script_writes, parse_html, remove_hidden

    tree = parse_html(
        "<html><body><h1>Tiêu đề</h1><span id='d'></span><div style='display: none'>bản sao</div>"
        '<p>Nội dung</p><script>document.getElementById("d").innerHTML="Thứ ba, 14/03/2017";</script>'
        "</body></html>"
    )
    assert apply_script_writes(tree) == 1
    assert tree.get_element_by_id("d").text == "Thứ ba, 14/03/2017"
    assert len(remove_hidden(tree)) == 1
    assert "bản sao" not in tree.text_content()


def test_an_index_without_removed_elements_is_the_index_of_the_page_after() -> None:
    from crawler.extraction.dom import PageIndex, parse_html, remove_hidden

    tree = parse_html(
        "<html><body><div class='top menu'><a class='logo'>Báo</a></div><h1 class='title'>Tiêu đề</h1>"
        "<div class='gallery' style='display:none'><p class='caption'>ảnh</p>"
        "<p class='caption x'>ảnh 2</p></div>"
        "<p class='sapo'>Mở đầu</p><div class='caption' hidden>ẩn</div><p class='caption'>Chú thích</p>"
        "</body></html>"
    )
    before = PageIndex(tree)
    removed = remove_hidden(tree)
    assert len(removed) == 2
    derived, fresh = before.without(removed), PageIndex(tree)
    assert derived.elements == fresh.elements
    assert all(derived.of(el) == fresh.of(el) for el in fresh.elements)
    words = ["caption", "sapo", "title", "menu", "gallery", "x"]
    assert [derived.with_words([w]) for w in words] == [fresh.with_words([w]) for w in words]
    assert derived.with_word_containing(["capt", "gall"]) == fresh.with_word_containing(["capt", "gall"])


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("Theo Phạm Trường", ["Phạm Trường"], None),
        ("Theo Sầm Hoa (Vietnamnet/Reuters)", ["Sầm Hoa"], "Vietnamnet/Reuters"),
        ("Theo Khổng Minh Hà (Dân trí)", ["Khổng Minh Hà"], "Dân trí"),  # a less frequent family name
        ("Theo Lò Văn Pó (TTXVN)", ["Lò Văn Pó"], "TTXVN"),
        ("Theo Tuổi Trẻ", [], "Tuổi Trẻ"),  # an outlet has a name's shape, but no family name
        ("K. Miên", ["K. Miên"], None),  # an initial's period is not a sentence break
    ],
)
def test_source_and_initial_bylines(line: str, authors: list[str], agency: str | None) -> None:
    from crawler.extraction.byline import parse_byline

    byline = parse_byline(line, OutletNames([], "example.vn"))
    assert byline is not None and (byline.authors, byline.agency) == (authors, agency)


# --- round 2 of issue #10: bylines, layout tables, captions, teasers, subheads, recovery ----------


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("Theo Minh Nguyễn/Vcamp.vn", ["Minh Nguyễn"], "Vcamp.vn"),  # a family name last (Western order)
        ("Theo Hoàng Anh/VOV", ["Hoàng Anh"], "VOV"),
        ("Theo Tuổi Trẻ/AFP", [], "Tuổi Trẻ/AFP"),  # two outlets, no person
        ("Minh Khuê(theo techrepublic)", ["Minh Khuê"], "techrepublic"),
        ("Ca Dao (Theo online-tech-tips)", ["Ca Dao"], "online-tech-tips"),
        ("Tin, ảnh: Vũ Lan Anh", ["Vũ Lan Anh"], None),
    ],
)
def test_bylines_with_a_source(line: str, authors: list[str], agency: str | None) -> None:
    byline = parse_byline(line, OUTLET, min_words=1)
    assert byline is not None and (byline.authors, byline.agency) == (authors, agency)


def test_one_word_signatures_are_vietnamese_names() -> None:
    assert person_name("Trung") == "Trung" and person_name("H.V.") is not None
    assert person_name("Forbes") is None and person_name("Reuters") is None  # publications, not given names


def test_a_labelled_byline_above_the_story_is_the_byline() -> None:
    result = clean_body([p("Viết bởi Lý Thanh Sơn"), *map(p, PROSE)], BodyContext(outlet=OUTLET))
    assert result.paragraphs == PROSE and result.byline is not None
    assert result.byline.authors == ["Lý Thanh Sơn"]
    # not after prose has begun, and never without a label (a first line may be a subhead)
    assert texts([p(PROSE[0]), p("Viết bởi Lý Thanh Sơn"), *map(p, PROSE[1:])])[1] == "Viết bởi Lý Thanh Sơn"
    assert texts([p("Lý Thanh Sơn"), *map(p, PROSE)])[0] == "Lý Thanh Sơn"


def test_short_labels_above_the_story_are_the_templates() -> None:
    assert texts([p("Chi tiết"), p("Lượt xem: 312"), *map(p, PROSE)]) == PROSE
    # a line with a number, a sentence or a colon is not a bare label; after prose nothing goes
    for line in ("Năm 2025", "Kết quả:", "Chi tiết"):
        assert texts([p(PROSE[0]), p(line), *map(p, PROSE[1:])])[1] == line
    assert texts([p("Năm 2025"), *map(p, PROSE)])[0] == "Năm 2025"


def test_signatures_need_to_be_set_apart() -> None:
    # Unstyled, a one-word line is a signature only alone at the end after a closed sentence, and
    # only a Vietnamese syllable that is not an end marker.
    unstyled = clean_body([*map(p, PROSE), p("Trung")], BodyContext(outlet=OUTLET))
    assert unstyled.paragraphs == PROSE and unstyled.byline is not None
    assert unstyled.byline.authors == ["Trung"]
    open_sentence = [*map(p, PROSE), p("Sản phẩm được bày bán tại các cửa hàng của"), p("Trung")]
    assert texts(open_sentence)[-1] == "Trung"
    for word in ("Forbes", "Hết"):
        assert texts([*map(p, PROSE), p(word)])[-1] == word
    closing = p("Kết thúc hội nghị, các đại biểu đi thăm gian hàng.")
    assert texts([*map(p, PROSE), p("Trung"), closing])[-2] == "Trung"
    result = clean_body(
        [*map(p, PROSE), p("Trung")], BodyContext(outlet=OUTLET, signatures=frozenset({"trung"}))
    )
    assert result.paragraphs == PROSE and result.byline is not None and result.byline.authors == ["Trung"]
    credited = clean_body(
        [*map(p, PROSE), p("Theo Minh Nguyễn/Vcamp.vn"), p("Forbes")], BodyContext(outlet=OUTLET)
    )
    assert credited.paragraphs == PROSE and credited.byline is not None
    assert credited.byline.authors == ["Minh Nguyễn"]


def test_trailing_box_labels_and_headings_end_nothing() -> None:
    for label in (
        "Thông tin cập nhật về giá cà phê",
        "Bài viết khác",
        "Xem thêm trên Báo Mẫu",
        "Các tin bài khác",
    ):
        assert texts([*map(p, PROSE), p(label)]) == PROSE, label
    assert texts([*map(p, PROSE), p("Những điều cần biết", kind="head")]) == PROSE
    assert texts([*map(p, PROSE), p("Bài viết khác:", bold=True), p("Tin A", links=1.0)]) == PROSE


@pytest.mark.parametrize(
    "line",
    [
        "(6816 bình chọn, 9/10 điểm)",
        "Đánh giá bài viết:",
        "Báo Mẫu Online hoan nghênh ý kiến của bạn đọc. Các ý kiến sẽ được biên tập trước khi đăng.",
        "Tổng biên tập: NGUYỄN VĂN A",
        "Giấy phép số 112/GP-BC cấp ngày 05/06/2009. Tòa soạn: 18 Hoàng Văn Thụ",
        "© 2012 Bản quyền thuộc về Báo Mẫu",
        "Chia sẻ bài viết của bạn về môi trường tại đây.",
        "12 người thích",
        "Lượt xem: 1.203",
        "Mời quý độc giả theo dõi các chương trình đã phát sóng trên TV Online!",
        "Mời bạn đọc đón đọc kỳ tiếp theo.",
        "Xem bài gốc tại đây",
        "Trình duyệt của bạn không hỗ trợ video.",
        "Bạn đang đọc bài viết Chè Tân Cương tại chuyên mục Kinh tế. Mọi thông tin góp ý xin gửi về email",
        "Mọi thông tin góp ý xin gửi về hòm thư của tòa soạn.",
        "Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
        "Liên hệ quảng cáo: 0912 345 678",
        "Nhấn vào đây để xem video",
    ],
)
def test_widgets_notices_and_mastheads_are_prompts(line: str) -> None:
    assert is_prompt(line)


def test_a_sentence_about_an_editor_or_a_vote_is_not_a_prompt() -> None:
    assert not is_prompt("Mời bạn bè đến thăm vườn là cách anh quảng bá sản phẩm, theo lời anh kể.")
    assert not is_prompt("Liên hệ: Hợp tác xã chè Tân Cương, điện thoại 0912 345 678.")
    assert not is_prompt("Bạn đọc có thể mua sản phẩm tại các cửa hàng đặc sản của tỉnh.")
    assert not is_prompt("Tổng biên tập Nguyễn Văn A cho biết báo sẽ mở thêm chuyên mục về sản phẩm OCOP.")
    assert not is_prompt(
        "Hội đồng đã tổ chức bình chọn và công nhận 12 sản phẩm đạt 4 sao, "
        "cao hơn năm ngoái, theo báo cáo của tỉnh."
    )


def test_the_whole_page_fallback_is_split_into_paragraphs() -> None:
    from crawler.extraction.blocks import _paragraphs

    blob = Block("p", "Tiêu đề\nThứ Năm, 04/05/2023 - 07:30\n\n" + "\n".join(PROSE))
    assert [b.text for b in _paragraphs(blob)] == ["Tiêu đề\nThứ Năm, 04/05/2023 - 07:30", *PROSE]
    signature = Block("p", PROSE[0] + "\nH.V.\nẢnh: Misso")
    assert _paragraphs(signature) == [signature]  # one prose line and its signature stay together


def test_a_second_copy_of_the_article_goes_with_its_short_lines() -> None:
    copy = [*map(p, PROSE), p("Trung")]
    twice = clean_body([*copy, *copy], BodyContext(outlet=OUTLET))
    assert twice.paragraphs == PROSE  # the copy's signature went with it; the last one signs
    assert twice.byline is not None and twice.byline.authors == ["Trung"]


def test_layout_tables_become_blocks_and_data_tables_stay() -> None:
    from crawler.extraction.dom import parse_html, unwrap_layout_tables

    tree = parse_html(
        "<html><body><table><tr><td><div><h3>Tiêu đề</h3><p>" + PROSE[0] + "</p></div></td>"
        "<td><ul><li>Menu</li></ul></td></tr></table>"
        "<table><tr><td><img src='a.jpg'><br>Chú thích ảnh</td></tr></table>"
        "<table><tr><th>Sản phẩm</th><th>Số sao</th></tr><tr><td><p>Mật ong</p></td><td>4</td></tr></table>"
        "</body></html>"
    )
    assert unwrap_layout_tables(tree) == 2
    assert [t.xpath("string(.)").strip()[:8] for t in tree.iter("table")] == ["Sản phẩm"]


def test_captions_without_markup_are_found_by_their_place_under_a_picture() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.image_captions import find_unclassed_captions

    tree = parse_html(
        "<html><body><p>" + PROSE[0] + "</p>"
        "<p align='center'><img src='a.jpg'><br><em>Chè búp sao trong chảo gang</em></p>"  # fmt: skip
        "<div style='text-align:center'><img src='b.jpg'></div>"
        "<div style='text-align:center'>Kiểm tra độ ẩm</div>"
        "<p><img src='icon.gif'> " + PROSE[1] + "</p>"  # an icon opening a paragraph
        # a floated picture with the text's first line beside it and more lines under it
        "<p><img src='d.jpg' align='left'>Dòng đầu thư nằm cạnh ảnh.<br>Dòng thứ hai của lá thư.</p>"
        "<p style='text-align:center'><img src='c.jpg'></p><p>" + PROSE[2] + "</p></body></html>"
    )
    found = [" ".join(el.text_content().split()) for el in find_unclassed_captions(tree)]
    assert found == ["Chè búp sao trong chảo gang", "Kiểm tra độ ẩm"]


def test_centred_lines_are_not_captions_on_a_page_that_centres_its_text() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.image_captions import find_unclassed_captions

    centred = "".join(f"<p align='center'>{line}</p>" for line in PROSE)
    tree = parse_html(
        f"<html><body>{centred}<p align='center'><img src='a.jpg'></p>"
        "<p align='center'>Chúc các bạn thành công.</p></body></html>"
    )
    assert find_unclassed_captions(tree) == []


def _teaser(title: str, summary: str, href: str) -> str:
    image = f"<a href='{href}'><img src='t.jpg'></a>"
    return f"<div class='item'>{image}<a href='{href}'>{title}</a><p>{summary}</p></div>"


def test_teaser_lists_outside_the_article_go_and_a_round_up_stays() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.teasers import find_teasers

    summary = "Một đoạn tóm tắt ngắn của bài viết khác, đủ dài để đọc như một đoạn văn xuôi."
    teasers = "".join(_teaser(f"Tin khác số {i} về nông sản", summary, f"/tin-{i}.html") for i in range(3))
    tree = parse_html(
        "<html><body><div class='main'><h1>Tiêu đề bài</h1>"
        + "".join(f"<p>{line}</p>" for line in PROSE)
        + f"</div><div class='side'><div class='box-title'>Đọc thêm</div>{teasers}</div></body></html>"
    )
    found = find_teasers(tree, keep=(tree.find(".//h1"),))
    assert len(found.cards) == 3 and "Đọc thêm" not in tree.text_content()  # the box went, heading and all
    items = "".join(
        _teaser(f"{i}. Chính sách mới số {i}", " ".join(PROSE), f"/cs-{i}.html") for i in range(4)
    )
    roundup = parse_html(
        f"<html><body><div class='main'><h1>Bốn chính sách mới</h1>{items}</div></body></html>"
    )
    found = find_teasers(roundup, keep=(roundup.find(".//h1"),))
    assert found.cards == [] and roundup.text_content().count(PROSE[0]) == 4


def test_linked_subheads_among_paragraphs_become_plain_headings() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.subheads import unwrap_linked_subheads

    body = "".join(
        f"<h2><a href='/cs-{i}.html'>{i}. Chính sách {i}</a></h2><p>{PROSE[i]}</p>" for i in range(3)
    )
    tree = parse_html(
        f"<html><body><div>{body}</div>"
        "<ul><li><h3><a href='/x.html'>Tin liên quan khác</a></h3></li></ul></body></html>"
    )
    assert unwrap_linked_subheads(tree) == 3
    assert [h.find("a") is None for h in tree.iter("h2", "h3")] == [True, True, True, False]


def test_prose_the_body_extractor_skipped_comes_back_in_place() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.recovery import recover_lost_text

    tree = parse_html(
        "<html><body><h1>Tiêu đề bài</h1>"
        "<div class='summary'>- Dòng tóm tắt thứ nhất của bài viết này nằm ở đây."
        "<br>- Dòng tóm tắt thứ hai của bài viết này nằm ở đây.</div>"
        + "".join(f"<p>{line}</p>" for line in PROSE)
        + "<p><a href='/x.html'>Một liên kết sang bài khác có nhiều hơn tám chữ</a></p></body></html>"
    )
    kept = [
        Block("p", "- Dòng tóm tắt thứ hai của bài viết này nằm ở đây."),
        Block("p", PROSE[0]),
        Block("p", PROSE[2]),
    ]
    restored = [b.text for b in recover_lost_text(tree, kept, tree.find(".//h1"))]
    assert restored == [
        "- Dòng tóm tắt thứ nhất của bài viết này nằm ở đây.",
        kept[0].text,
        PROSE[0],
        PROSE[1],
        PROSE[2],
    ]


def test_text_in_furniture_between_kept_blocks_is_not_recovered() -> None:
    """An author box, a newsletter form, a teaser or a meta line inside the article's container
    stays out; the same text in a plain block comes back, and so does a summary in a header
    block classed after its author (it holds the headline)."""
    from crawler.extraction.dom import parse_html
    from crawler.extraction.recovery import recover_lost_text

    lost = "Đoạn văn này bị bộ tách nội dung bỏ sót dù nằm giữa bài viết."
    boxes = "".join(
        f"<div class='{name}'><p>{label} có đủ tám chữ trở lên để trông như văn xuôi.</p></div>"
        for name, label in (
            ("post-author-box", "Tiểu sử tác giả"),
            ("newsletter__form", "Mời đăng ký bản tin"),
            ("home_tile_teaser", "Tóm tắt một bài khác"),
            ("entry-meta", "Dòng thông tin người viết"),
        )
    )
    tree = parse_html(
        "<html><body><div class='story'>"
        "<div class='author-head'><h1>Tiêu đề bài</h1>"
        "<p>Tóm tắt nằm trong phần đầu bài viết của tác giả.</p></div>"
        f"<p>{PROSE[0]}</p>{boxes}<div class='plain'><p>{lost}</p></div><p>{PROSE[1]}</p>"
        "</div></body></html>"
    )
    kept = [Block("p", PROSE[0]), Block("p", PROSE[1])]
    restored = [b.text for b in recover_lost_text(tree, kept, tree.find(".//h1"))]
    assert restored == ["Tóm tắt nằm trong phần đầu bài viết của tác giả.", PROSE[0], lost, PROSE[1]]


def test_heading_over_a_link_list_is_not_recovered_but_a_subhead_is() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.recovery import recover_lost_text

    links = "".join(
        f"<li><a href='/bai-{i}.html'>Bài viết khác số {i} về nông sản</a></li>" for i in range(4)
    )
    tree = parse_html(
        "<html><body><div class='story'><h1>Tiêu đề bài</h1>"
        f"<p>{PROSE[0]}</p><div class='box'><div class='box-head'><h4>Những cách khác để thưởng thức</h4>"
        f"</div><ul>{links}</ul></div><h3>Một tiêu đề phụ của bài</h3><p>{PROSE[1]}</p>"
        "</div></body></html>"
    )
    kept = [Block("p", PROSE[0]), Block("p", PROSE[1])]
    restored = [b.text for b in recover_lost_text(tree, kept, tree.find(".//h1"))]
    assert restored == [PROSE[0], "Một tiêu đề phụ của bài", PROSE[1]]


def test_headline_in_an_h2_bounds_what_is_recovered_above_it() -> None:
    """No h1 says the title, an h2 does: it is the headline element, so the promo box above it
    (a heading and a blurb about the outlet's series) is not recovered as the article's start."""
    page = (
        "<html><head><meta property='og:title' content='Hợp tác xã miến dong vào vụ Tết'></head>"
        "<body><main><section class='hero'><h2>Toàn bộ loạt bài điều tra của chúng tôi</h2>"
        "<p>Chúng tôi theo đuổi mỗi câu chuyện lâu dài sau lần đăng đầu tiên và cập nhật thường xuyên.</p>"
        "</section><article><h2>Hợp tác xã miến dong vào vụ Tết</h2>"
        + "".join(f"<p>{line}</p>" for line in PROSE)
        + "</article></main></body></html>"
    )
    article = extract_article(page.encode(), "https://tinvung.example.vn/mien-dong-5520.html")
    assert article.title == "Hợp tác xã miến dong vào vụ Tết"
    assert article.text.split("\n\n") == PROSE


def test_many_texts_fold_as_one_by_one() -> None:
    from crawler.extraction.keys import squash, squash_many

    texts = ["Tin liên quan:", "ĐÀ NẴNG", "", "  hoà  ", "Thanh Hoá (ảnh)"]
    assert squash_many(texts) == [squash(text) for text in texts]


def test_related_headings_under_the_lead_are_not_subheads() -> None:
    from crawler.extraction.dom import parse_html
    from crawler.extraction.subheads import unwrap_linked_subheads

    lead = "Đoạn mở đầu của bài tổng hợp này giới thiệu ba chính sách mới có hiệu lực từ đầu tháng."
    related = "".join(f"<h4><a href='/r-{i}.html'>Bài liên quan số {i} của mục</a></h4>" for i in range(2))
    classed = "<h4 class='RelatedNews'><a href='/r-9.html'>Một bài liên quan khác</a></h4>"
    subheads = "".join(
        f"<h2><a href='/cs-{i}.html'>{i}. Chính sách {i}</a></h2><p>{PROSE[i]}</p>" for i in range(3)
    )
    tree = parse_html(f"<html><body><div><p>{lead}</p>{related}{classed}{subheads}</div></body></html>")
    assert unwrap_linked_subheads(tree) == 3
    assert [h.find("a") is not None for h in tree.iter("h4")] == [True, True, True]


@pytest.mark.parametrize("credit", ["SEO, Traffic Team", "Web Content, SEO Team", "Admin", "Ban biên tập"])
def test_desks_teams_and_accounts_credit_no_one(credit: str) -> None:
    # the editorial board signing alone reads as the outlet itself (a credit line, no one named)
    byline = parse_byline(credit, OUTLET)
    assert byline is None or (byline.outlet_only and not byline.authors and not byline.agency)


def test_a_right_aligned_pen_name_signs_but_a_credited_publication_does_not() -> None:
    signed = clean_body(
        [*map(p, PROSE), p("Kuma", bold=True)], BodyContext(outlet=OUTLET, signatures=frozenset({"kuma"}))
    )
    assert signed.paragraphs == PROSE and signed.byline is not None and signed.byline.authors == ["Kuma"]
    unsigned = clean_body([*map(p, PROSE), p("Kuma", bold=True)], BodyContext(outlet=OUTLET))
    assert unsigned.byline is None  # bold alone: a one-word name must be a Vietnamese syllable
    credited = clean_body(
        [*map(p, PROSE), p("Theo Minh Nguyễn/Vcamp.vn"), p("Forbes", bold=True)],
        BodyContext(outlet=OUTLET, signatures=frozenset({"forbes"})),
    )
    assert credited.byline is not None and credited.byline.authors == ["Minh Nguyễn"]


def _page_with_bar(bar: str) -> str:
    title = "Tỉnh có thêm hai mươi sản phẩm OCOP đạt chuẩn"
    body = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        f"<html><head><title>{title} | Báo Mẫu</title></head><body><div class='detail'><h1>{title}</h1>"
        f"{bar}<div class='content'>{body}</div></div></body></html>"
    )


@pytest.mark.parametrize(
    "bar",
    [
        "<p>Thứ Sáu, 07/03/2025, 08:47 (GMT+7)</p><p><b>Nguyên Minh</b></p>",
        "<div class='info'><div><strong>Nguyên Minh</strong></div><div>07/03/2025</div></div>",
        "<div class='meta'>Nguyên Minh - 07/03/2025 08:47</div>",
    ],
)
def test_an_unclassed_byline_under_the_headline_is_read(bar: str) -> None:
    from crawler.extraction.extract import extract_article

    article = extract_article(_page_with_bar(bar).encode(), "https://baomau.example.vn/a-1.html")
    assert article.authors == ["Nguyên Minh"]
    assert "Nguyên Minh" not in article.text


@pytest.mark.parametrize(
    "bar",
    [
        "<p>Tin từ <b>Lê Văn Tám</b> cho biết hội nghị kéo dài hai ngày.</p>",  # bold inside a sentence
        "<p><a href='/tac-gia'><b>Lê Văn Tám</b></a></p>",  # a link: another page's name
        "<div class='meta'>Lê Văn Tám</div>",  # no date, no bold: maybe a kicker
    ],
)
def test_names_under_the_headline_without_a_byline_shape_are_not_authors(bar: str) -> None:
    from crawler.extraction.extract import extract_article

    article = extract_article(_page_with_bar(bar).encode(), "https://baomau.example.vn/a-1.html")
    assert article.authors == []


# --- the visible headline over a reworded metadata title ------------------------------------

_REWORDED_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{meta} - Báo Làng Quê</title>
<meta property="og:title" content="{meta}"><meta property="og:type" content="article"></head>
<body><header><a class="logo" href="/">{logo}</a></header>
<div class="detail"><h1 class="detail-title">{h1}</h1>
<p>Hợp tác xã rau an toàn của xã vừa đưa ba sản phẩm mới vào hệ thống siêu thị ở thành phố.</p>
<p>Các thành viên được tập huấn ghi nhật ký sản xuất và dán tem truy xuất trên từng bó rau.</p>
<p>Năm tới, hợp tác xã dự kiến mở rộng vùng trồng thêm mười héc ta theo tiêu chuẩn an toàn.</p>
</div></body></html>"""


def _headline_of(meta: str, h1: str, logo: str = "Báo Làng Quê") -> str:
    page = _REWORDED_PAGE.format(meta=meta, h1=h1, logo=logo)
    return extract_article(page, "https://langque.example.vn/rau-an-toan-123.html").title


def test_the_visible_h1_wins_over_a_metadata_title_that_words_it_otherwise() -> None:
    """Editors revise the h1 after the og:title was filled in: readers see the h1."""
    meta = "Hợp tác xã rau an toàn đưa sản phẩm mới vào siêu thị thành phố"
    h1 = "Hợp tác xã rau an toàn đưa ba sản phẩm mới vào siêu thị thành phố"
    assert _headline_of(meta, h1) == h1


def test_a_different_h1_leaves_the_metadata_title() -> None:
    """An h1 that shares few words (a section name, a kicker) is not the headline reworded."""
    meta = "Hợp tác xã rau an toàn đưa sản phẩm mới vào siêu thị thành phố"
    assert _headline_of(meta, "Nông nghiệp sạch và chuyện làm giàu ở quê") == meta
    assert _headline_of(meta, "Báo Làng Quê") == meta


@pytest.mark.parametrize(
    "regex",
    [
        r"^ban dang doc (?:bai viet|tin)\b|\bghi ro nguon\b.{0,60}\bphat hanh lai\b|^lien he\W",
        r"vui long nhap|ban can dang nhap|de lai binh luan",
        r"\b\d[\d.,]* (?:luot )?binh chon\b|^danh gia bai viet\W*$",
        r"^xem them\W*$",
        r"\bab?c|[|(]x\|y|(?:p|q)z",  # a quantified last letter, a bar in a class, escaped and grouped
    ],
)
def test_a_data_regex_tried_branch_by_branch_answers_as_the_whole(regex: str) -> None:
    from crawler.extraction.vocab import AnyBranch

    texts = [
        "ban dang doc bai viet",
        "xin ghi ro nguon bao khi phat hanh lai",
        "ghi ro nguon",
        "lien he: 0123",
        "vui long nhap email",
        "12.345 luot binh chon",
        "danh gia bai viet",
        "xem them",
        "ac",
        "abc",
        "|x|y",
        "qz",
        "x|y",
        "",
        "mot cau van binh thuong ve san pham",
    ]
    whole = re.compile(regex)
    assert [AnyBranch(regex).search(t) for t in texts] == [whole.search(t) is not None for t in texts]


def test_limited_patterns_answer_as_each_pattern_within_its_limit() -> None:
    """The anchored branches of all patterns are tried in one match, largest limit first: a line that
    a small-limit branch matches is still found by a larger-limit one that matches it too."""
    from crawler.extraction.vocab import LimitedPatterns

    patterns = [
        (r"^xem(?: them)?\W*$|^(doc) them\b", 3),
        (r"^xem them (bai|tin) (?:khac|moi)|\bghi ro nguon\b|^doc them (?:tin|bai)\b", 12),
        (r"^(?:moi ban )?(?:chia se|binh luan)\b|^(x)\1", 6),
        (r"vui long nhap", 25),
    ]
    texts = [
        "xem them",
        "xem them bai khac cua chuyen muc",
        "xem them tin moi",
        "doc them",
        "doc them tin moi hom nay",  # a limit-3 branch matches it too
        "moi ban chia se bai viet nay len mang",
        "xx",
        "xin ghi ro nguon khi dang lai",
        "vui long nhap email",
        "",
        "mot cau binh thuong",
    ]
    compiled = [(re.compile(regex), limit) for regex, limit in patterns]
    together = LimitedPatterns(patterns)
    for text in texts:
        for words in (0, 2, 3, 5, 6, 7, 12, 13, 30):
            one_by_one = any(words <= limit and regex.search(text) for regex, limit in compiled)
            assert together.search(text, words) == one_by_one, (text, words)


def test_the_prompt_patterns_tried_together_answer_as_one_by_one() -> None:
    """`is_prompt` tries the prompt patterns together (`LimitedPatterns`, for speed); its answer
    must be the one of trying each pattern within its own word limit."""
    from crawler.extraction.body import _PROMPTS, _words, is_prompt
    from crawler.extraction.keys import folded

    lines = [
        "Mời bạn đọc gửi ý kiến",
        "Xem thêm >>",
        "Chia sẻ bài viết lên mạng xã hội",
        "Quảng cáo",
        "Bạn đang đọc bài viết thử nghiệm của chúng tôi",
        "Hợp tác xã trồng rau sạch bán hàng qua mạng từ tháng trước",
        "1.234 lượt bình chọn",
        ">> Đọc thêm",
        "",
        "Nhấn Ctrl + Enter để báo lỗi cho ban biên tập " + "rất " * 40,
    ]
    one_by_one = [
        any(_words(line) <= limit and pattern.search(folded(line)) for pattern, limit in _PROMPTS)
        for line in lines
    ]
    assert [is_prompt(line) for line in lines] == one_by_one
    assert True in one_by_one and False in one_by_one


def test_xml_safe_drops_exactly_the_control_characters_lxml_refuses() -> None:
    """Round 7 looks for the characters before running the regex; the answer must not change."""
    from crawler.extraction.dom import xml_safe

    for code in range(0x00, 0x21):
        text = f"Hà{chr(code)}Nội"
        expected = "HàNội" if code < 0x20 and chr(code) not in "\t\n\r" else text
        assert xml_safe(text) == expected, hex(code)
    assert xml_safe("Bản tin\x0b\x1f ngày 5/12") == "Bản tin ngày 5/12"
