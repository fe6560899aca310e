"""Related-story boxes set inside the article, worded and built the ways outlets do (session 15).

Measured on the gold pages with one box inserted (/work/coord/s15/inline): a label before the
headline on the same line with no colon ("TIN LIÊN QUAN <a>…</a>") left both in the text; labels
worded outside our lists ("Nội dung liên quan", "Có thể bạn chưa đọc", "Mời xem thêm") stayed
while their links went; and a box set into a boxed note took the note's sentences with it once its
label was known. The guards are the text's own links and lists, which must stay. The pages are
written for this test.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baonongthon.example.vn/kinh-te/hop-tac-xa-mien-nui-mo-rong-vung-trong-che-8841.html"
CRAWLED = datetime(2026, 5, 20, 9, 0, tzinfo=VIETNAM_TZ)

P1 = (
    "Sau ba năm liên kết sản xuất, hợp tác xã chè ở xã vùng cao đã mở rộng diện tích lên gần "
    "200 ha, phần lớn canh tác theo hướng hữu cơ và có chứng nhận truy xuất nguồn gốc."
)
P2 = (
    "Theo ban giám đốc hợp tác xã, mỗi năm đơn vị thu mua chè búp tươi của hơn 300 hộ thành viên "
    "với giá cao hơn thị trường khoảng mười phần trăm, giúp bà con yên tâm đầu tư chăm sóc."
)
P3 = (
    "Năm nay, hai sản phẩm chè xanh và chè đinh của hợp tác xã được công nhận đạt chuẩn bốn sao, "
    "mở ra cơ hội đưa hàng vào hệ thống siêu thị và các sàn thương mại điện tử lớn."
)
P4 = (
    "Chính quyền địa phương cho biết sẽ tiếp tục hỗ trợ vốn vay ưu đãi, tập huấn kỹ thuật và "
    "kết nối tiêu thụ để nhân rộng mô hình ra các xã lân cận trong những năm tới."
)
HEADLINES = [
    "Làng nghề mây tre đan đón đơn hàng xuất khẩu cuối năm",
    "Nông dân vùng cao thu lãi lớn nhờ trồng mận hậu theo chuẩn sạch",
    "Chợ phiên vùng biên tấp nập người mua kẻ bán dịp cuối tuần",
]


def _link(index: int) -> str:
    return f'<a href="/kinh-te/tin-{index}-{8800 + index}.html">{HEADLINES[index]}</a>'


def _page(middle: str, end: str = "") -> bytes:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hợp tác xã miền núi mở rộng vùng trồng chè - Báo Nông Thôn</title>
<meta property="article:published_time" content="2026-05-19T08:00:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></nav>
<div class="x1"><div class="x2">
<h1>Hợp tác xã miền núi mở rộng vùng trồng chè</h1>
<p>{P1}</p>
<p>{P2}</p>
{middle}
<p>{P3}</p>
<p>{P4}</p>
{end}
</div></div>
<div class="x9"><a href="/gioi-thieu">Giới thiệu</a> <a href="/lien-he">Liên hệ</a></div>
</body></html>""".encode()


def _text(middle: str, end: str = "") -> str:
    return extract_article(_page(middle, end), URL, crawled=CRAWLED).text


def _assert_clean(text: str, *gone: str) -> None:
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in text, text
    for string in gone:
        assert string not in text, (string, text)


def test_a_label_and_a_headline_on_one_line_without_a_colon() -> None:
    """Failed before session 15: both stayed (the ">>"/"Label:" line rule needs a mark, and the
    label's words keep the line under the link-list share)."""
    middle = f"<p>TIN LIÊN QUAN {_link(0)}</p><p>TIN LIÊN QUAN {_link(1)}</p>"
    _assert_clean(_text(middle), "TIN LIÊN QUAN", HEADLINES[0], HEADLINES[1])


def test_a_label_our_lists_do_not_hold_is_read_by_its_grammar() -> None:
    """Failed before session 15: the links went, "Nội dung liên quan" stayed in the text."""
    middle = (
        "<p><em><strong>Nội dung liên quan</strong></em></p>"
        f"<p><em>{_link(0)}</em></p><p><em>{_link(1)}</em></p>"
    )
    _assert_clean(_text(middle), "Nội dung liên quan", HEADLINES[0], HEADLINES[1])


def test_an_invitation_worded_another_way_labels_a_list() -> None:
    """Failed before session 15: "Có thể bạn chưa đọc" stayed over its removed links."""
    middle = f'<p><b>Có thể bạn chưa đọc</b></p><ul class="x5"><li>{_link(1)}</li><li>{_link(2)}</li></ul>'
    _assert_clean(_text(middle), "Có thể bạn chưa đọc", HEADLINES[1], HEADLINES[2])


def test_a_box_set_into_a_boxed_note_takes_only_its_label_and_links() -> None:
    """Failed before session 15: the note's box, holding two links and little prose per link,
    was taken for the related box and its sentences went with it."""
    note_1 = (
        "Theo kế hoạch của tỉnh, đến năm 2030 toàn bộ vùng chè của huyện sẽ được cấp mã số vùng "
        "trồng và liên kết tiêu thụ với doanh nghiệp."
    )
    note_2 = "Tổng vốn hỗ trợ dự kiến khoảng 12 tỷ đồng từ ngân sách tỉnh và huyện."
    end = (
        f'<div class="x7" style="border:1px solid #999"><p>{note_1}</p><p>{note_2}</p>'
        f"<p><b>Tin liên quan</b></p><p>{_link(0)}</p><p>{_link(2)}</p></div>"
    )
    text = _text("", end)
    _assert_clean(text, "Tin liên quan", HEADLINES[0], HEADLINES[2])
    assert note_1 in text and note_2 in text


def test_a_sentence_holding_one_link_stays() -> None:
    """Guard: the label's words open a sentence that goes on after its link."""
    sentence = (
        "Xem thêm hướng dẫn đăng ký tại "
        '<a href="/kinh-te/huong-dan-dang-ky-8790.html">cổng thông tin của Sở Nông nghiệp</a>'
        " trước ngày 30/6 để được xét hỗ trợ."
    )
    text = _text(f"<p>{sentence}</p>")
    _assert_clean(text)
    assert "cổng thông tin của Sở Nông nghiệp trước ngày 30/6" in text


def test_an_authors_cited_link_after_a_reading_word_stays() -> None:
    """Guard: "Đọc thêm" + a link leaving the site, between paragraphs, is a source the author
    points to, not the outlet's own headline."""
    source = "https://worldbank.example.org/bao-cao-nong-nghiep"
    cited = f'Đọc thêm <a href="{source}">báo cáo của Ngân hàng Thế giới về chè</a>'
    text = _text(f"<p>{cited}</p>")
    _assert_clean(text)
    assert "báo cáo của Ngân hàng Thế giới về chè" in text


def test_a_list_of_items_in_the_text_stays() -> None:
    """Guard: a plain list the text announces, and a sentence opening with a label's words."""
    items = [
        "Chè xanh búp khô đóng hộp giấy, sản xuất theo quy trình hữu cơ",
        "Chè đinh đặc sản thu hái từ những nương chè cổ thụ trên núi cao",
        "Trà túi lọc hữu cơ dành cho khách du lịch và quà biếu dịp lễ Tết",
    ]
    listed = "".join(f"<li>{item}</li>" for item in items)
    middle = (
        "<p>Tin liên quan đến giá chè được hợp tác xã cập nhật hằng tuần cho các hộ thành viên.</p>"
        f"<p>Các sản phẩm được công nhận gồm:</p><ul>{listed}</ul>"
    )
    text = _text(middle)
    _assert_clean(text)
    assert "Tin liên quan đến giá chè" in text
    for item in items:
        assert item in text


def test_a_label_we_do_not_know_repeated_before_each_headline() -> None:
    """Failed before session 15: a wording in no list and outside the grammar ("Bạn đọc đừng bỏ lỡ"),
    printed before each headline, is the box's label by repetition (its words keep each line under
    the link-list share)."""
    middle = f"<p>Bạn đọc đừng bỏ lỡ {_link(0)}</p><p>Bạn đọc đừng bỏ lỡ {_link(2)}</p>"
    _assert_clean(_text(middle), "đừng bỏ lỡ", HEADLINES[0], HEADLINES[2])


def test_a_bold_label_we_do_not_know_over_one_headline() -> None:
    """Failed before session 15: the body extractor dropped the one-item list and left the
    label in the text."""
    middle = f'<p><strong>Đừng bỏ lỡ</strong></p><ul class="x4"><li>{_link(1)}</li></ul>'
    _assert_clean(_text(middle), "Đừng bỏ lỡ", HEADLINES[1])


def test_a_bold_name_over_related_links_is_not_a_label() -> None:
    """Guard: a signature set in bold over the outlet's related links is the writer."""
    end = f"<p><strong>Minh Anh</strong></p><ul><li>{_link(0)}</li><li>{_link(1)}</li></ul>"
    article = extract_article(_page("", end), URL, crawled=CRAWLED)
    assert "Minh Anh" in article.text or "Minh Anh" in article.authors, (article.text, article.authors)
