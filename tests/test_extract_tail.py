"""What follows the article (session 16): a next article appended below it, and cards between the
text and the closing signature.

Measured on the gold pages with boxes inserted (the second card round): a page that appends the
next story below the one it serves (infinite scroll: "Bài tiếp theo", its headline, date line,
lead and first paragraphs) gave that story's text as the end of the article. And a box of cards
set after the last paragraph, its markup left open (no closing tag: the parser closes it at the
column's end, so the signature after it becomes part of the box), took the signature away with
the box. The guards: an article whose last section opens with a subhead and goes on, a signature
after a real "Tin liên quan" box, cards a box holds after the signature is read. The pages are
written for this test.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

HOST = "https://baodongbang.example.vn"
URL = f"{HOST}/nong-nghiep/ruong-sen-ket-hop-nuoi-ca-cho-thu-nhap-gap-doi-lua-5521.html"
CRAWLED = datetime(2026, 6, 2, 9, 0, tzinfo=VIETNAM_TZ)
TITLE = "Ruộng sen kết hợp nuôi cá cho thu nhập gấp đôi trồng lúa"

PARAS = [
    "Đầu mùa mưa, cánh đồng trũng ở cuối xã đã phủ kín lá sen, dưới mặt nước là đàn cá rô đồng "
    "được thả từ tháng trước, thay cho những vụ lúa thường mất trắng vì ngập.",
    "Theo trưởng ấp, mười hai hộ đầu tiên chuyển đổi được hỗ trợ giống sen và cá, đổi lại phải "
    "ghi chép chi phí từng tháng để cán bộ nông nghiệp theo dõi hiệu quả.",
    "Một héc-ta sen cho hạt, ngó và lá bán được quanh năm, còn cá thu hoạch vào cuối vụ, nên "
    "người trồng có tiền đều đặn thay vì chờ đến mùa gặt như trước.",
    "Chị Phan Thị Cúc, một trong những hộ đầu tiên, cho biết năm đầu còn lúng túng vì chưa quen "
    "giữ mực nước, sang năm thứ hai thì đã tự tính được lịch thu hoạch.",
    "Xã dự kiến mở thêm điểm thu mua hạt sen ngay đầu cánh đồng và mời một cơ sở chế biến về "
    "khảo sát để làm trà sen, mứt sen bán vào dịp lễ tết.",
]
NEXT_HEAD = "Thanh niên hồi hương mở vườn dâu tây trên đất dốc"
NEXT_LEAD = "Bỏ việc văn phòng ở thành phố, anh kỹ sư trẻ về quê cải tạo mảnh đồi bỏ hoang thành vườn dâu."
NEXT_PARAS = [
    "Mảnh đồi trước kia chỉ mọc cỏ tranh, nay được chia thành từng luống có mái che, tưới nhỏ giọt "
    "và phủ bạt để giữ ẩm trong những tháng nắng gắt.",
    "Vụ đầu tiên anh mất gần nửa số cây vì nấm rễ, phải nhờ các kỹ sư trường nông lâm lên tận nơi "
    "hướng dẫn cách xử lý đất trước khi trồng lại.",
]
SECTION_HEAD = "Cần thêm vốn và đầu ra ổn định"
SECTION_PARAS = [
    "Dù hiệu quả đã rõ, nhiều hộ vẫn ngại chuyển đổi vì chi phí đắp bờ, làm cống và mua giống "
    "ban đầu cao hơn trồng lúa khá nhiều.",
    "Cán bộ khuyến nông xã đề nghị ngân hàng chính sách cho vay ưu đãi theo mô hình, đồng thời "
    "kết nối với các chuỗi cửa hàng đặc sản để bao tiêu sản phẩm.",
]
MORE_PARAS = [
    f"Ở vụ thứ {n}, nhóm hộ {word} ghi nhận giá hạt sen tươi nhích lên, còn cá rô đồng bán ngay tại "
    f"bờ ruộng cho thương lái, nên phần lãi chia đều theo số công góp của từng nhà."
    for n, word in (
        (2, "ven kênh"),
        (3, "đầu ấp"),
        (4, "cuối xóm"),
        (5, "giữa đồng"),
        (6, "bên đình"),
        (7, "gần chợ"),
    )
]
SIGNATURE = '<p style="text-align:right"><strong>Lâm Gia Bảo</strong></p>'
CARDS = [
    (
        "Nông dân ven sông thử nghiệm nuôi tôm càng xanh trong mương vườn",
        "Mô hình mới cho lãi khá ngay vụ đầu.",
    ),
    ("Hợp tác xã nấm rơm đưa sản phẩm vào bếp ăn trường học", "Mỗi tuần xã giao hàng trăm ký nấm tươi."),
    (
        "Chợ phiên vùng cao bày bán nông sản đóng gói có tem truy xuất",
        "Khách mua quét mã là biết vùng trồng.",
    ),
]


def _page(after: str = "", *, tail: str = "", column_end: str = "", long: bool = False) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in (*MORE_PARAS, *PARAS) if long or p in PARAS)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{TITLE} - Báo Đồng Bằng</title>
<meta property="article:published_time" content="2026-05-30T07:30:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/nong-nghiep">Nông nghiệp</a></nav>
<div class="c1"><div class="c2"><h1>{TITLE}</h1>{paras}{after}</div>{column_end}</div>{tail}
<footer><p>Báo Đồng Bằng điện tử</p></footer></body></html>""".encode()


def _next_article(*, address: bool = True, dated: bool = True, tag: str = "h2", linked: bool = False) -> str:
    href = f"{HOST}/nong-nghiep/thanh-nien-hoi-huong-mo-vuon-dau-tay-5530.html"
    data = f' data-url="{href}"' if address else ""
    head = f'<a href="{href}">{NEXT_HEAD}</a>' if linked else NEXT_HEAD
    date = '<div class="n3"><span>Thứ ba, 02/06/2026 06:40</span></div>' if dated else ""
    paras = "".join(f"<p>{p}</p>" for p in NEXT_PARAS)
    return (
        f'<div class="n1"{data}><div class="n2">Bài tiếp theo</div><{tag}>{head}</{tag}>{date}'
        f'<h2 class="n4">{NEXT_LEAD}</h2><div class="n5">{paras}</div></div>'
    )


def _extract(page: bytes):  # type: ignore[no-untyped-def]
    return extract_article(page, URL, crawled=CRAWLED)


def _cards(*, closed: bool) -> str:
    items = "".join(
        f'<div class="q2"><p class="q3">{summary}</p>'
        f'<h3><a href="{HOST}/nong-nghiep/tin-{i}-77{i}.html">{head}</a></h3>'
        f"<small>0{i + 1}/05/2026</small></div>"
        for i, (head, summary) in enumerate(CARDS)
    )
    return f'<div class="q1"><h2 class="q0">Tin khác</h2>{items}' + ("</div>" if closed else "")


def test_an_appended_next_article_is_not_the_articles_end() -> None:
    for page in (
        _page(tail=_next_article()),
        _page(tail=_next_article(address=False)),
        _page(tail=_next_article(dated=False, tag="h1")),
        _page(tail=_next_article(address=False, dated=False, tag="h1", linked=True)),
        _page(after=_next_article()),
    ):
        article = _extract(page)
        assert PARAS[-1] in article.text
        for text in (NEXT_HEAD, NEXT_LEAD, *NEXT_PARAS):
            assert text not in article.text
        assert article.title == TITLE


def test_a_last_section_that_opens_with_a_subhead_stays() -> None:
    link = f'<a href="{HOST}/nong-nghiep/von-vay-uu-dai-5400.html">cho vay ưu đãi</a>'
    paras = [SECTION_PARAS[0], SECTION_PARAS[1].replace("cho vay ưu đãi", link)]
    section = f"<h2>{SECTION_HEAD}</h2>" + "".join(f"<p>{p}</p>" for p in paras)
    for after in (section, f'<div class="s1">{section}</div>', f'<section data-id="7">{section}</section>'):
        article = _extract(_page(after=after))
        for text in (SECTION_HEAD, *SECTION_PARAS):
            assert text in article.text


def test_a_live_reports_updates_under_their_times_stay() -> None:
    updates = "".join(
        f'<div class="u1"><h2>{head}</h2><div class="u2">{time}</div>'
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</div>"
        for head, time, paras in (
            (NEXT_HEAD, "Thứ ba, 02/06/2026 08:15", NEXT_PARAS),
            (SECTION_HEAD + " cho các hộ trồng sen", "Thứ ba, 02/06/2026 09:40", SECTION_PARAS),
        )
    )
    article = _extract(_page(after=updates))
    for text in (NEXT_HEAD, *NEXT_PARAS, *SECTION_PARAS):
        assert text in article.text


def test_a_signature_after_an_open_card_box_is_the_author() -> None:
    # A long article: the signature is too far below the headline to be read as the page's byline.
    article = _extract(_page(after=_cards(closed=False) + SIGNATURE, long=True))
    assert article.authors == ["Lâm Gia Bảo"]
    for head, summary in CARDS:
        assert head not in article.text and summary not in article.text


def test_a_signature_after_cards_or_a_related_box_is_the_author() -> None:
    related = (
        '<div class="r1"><div class="r2">Tin liên quan</div><ul>'
        + "".join(
            f'<li><a href="{HOST}/nong-nghiep/tin-{i}-77{i}.html">{h}</a></li>'
            for i, (h, _) in enumerate(CARDS)
        )
        + "</ul></div>"
    )
    for page in (
        _page(after=_cards(closed=True) + SIGNATURE, long=True),
        _page(after=related + SIGNATURE, long=True),
    ):
        article = _extract(page)
        assert article.authors == ["Lâm Gia Bảo"]
        assert PARAS[-1] in article.text
