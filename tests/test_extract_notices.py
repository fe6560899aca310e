"""Notices, walls and redirects in place of a story; undated stories over a card grid (issue #10,
session 17, helper interstitials).

A blind stress round rebuilt the gold pages as pages that look like articles but are not (a soft
"not found" with the site's chrome and its latest stories, a maintenance page, a browser check, a
redirect stub, a taken-down story, a log-in or consent wall) and as articles that look like none
(undated notices and stories, paywalls over a visible lead). Found there and fixed by mechanism:
- a notice page that keeps the story's metadata (og:type article, a publication time) skipped every
  listing reason and was archived as an article made of the notice's sentence and the footer. A
  notice printed as the headline, a heading or a kept line (data/notices.toml, one signal) with
  fewer than a hundred words of anything else kept (the other), a wall with nothing of the story
  shown, or a `<meta http-equiv=refresh>` to another page with little text kept, is refused;
- a paywall's call to subscribe "… để đọc tiếp" was kept at the end of the visible lead;
- an undated story of several paragraphs over a grid of the site's latest stories was refused as a
  hub's introduction.
The pages below are invented for these tests; the guards pass before and after.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import ExtractionError, extract_article

SITE = "https://baodongbang.example.vn"
STORY_URL = f"{SITE}/nong-nghiep/hop-tac-xa-tra-san-moc-nhan-don-hang-lon-20240312093000123.htm"

HEADLINES = [
    "Hợp tác xã trà vùng núi nhận đơn hàng lớn từ chuỗi siêu thị",
    "Nông dân ven sông chuyển sang trồng bưởi theo hướng hữu cơ",
    "Làng nghề bánh đa mở rộng xưởng để kịp mùa lễ hội",
    "Tỉnh hỗ trợ tem truy xuất cho hai mươi sản phẩm đặc sản",
    "Thanh niên xã đảo bán cá khô qua sàn thương mại điện tử",
    "Đặc sản mật ong rừng được công nhận sản phẩm bốn sao",
    "Xã miền núi khôi phục giống lúa nếp cẩm của đồng bào",
    "Huyện ven biển mở hội chợ nông sản cuối tuần đầu tiên",
    "Cơ sở làm nước mắm truyền thống nhận thêm lao động nữ",
    "Vùng trồng cam được cấp mã số xuất khẩu sang châu Âu",
    "Hợp tác xã dược liệu đưa cao gừng vào siêu thị thành phố",
    "Nhà vườn chuẩn bị hàng nghìn chậu quất cho dịp Tết",
]
SUMMARY = (
    "Sau hai mùa thử nghiệm, mô hình cho thu nhập ổn định và được huyện đề nghị nhân rộng ra các xã lân cận."
)
STORY = [
    "Hợp tác xã trà Sơn Mộc vừa ký hợp đồng cung cấp mười hai tấn trà xanh mỗi năm cho một chuỗi siêu thị, "
    "mở ra đầu ra ổn định cho hơn sáu mươi hộ thành viên trồng chè trên các sườn đồi quanh xã.",
    "Ông Đinh Văn Thảo, giám đốc hợp tác xã, cho biết để đáp ứng đơn hàng, các hộ phải ghi nhật ký chăm sóc, "
    "không dùng thuốc diệt cỏ và hái búp đúng lứa, mỗi lô trà đều được kiểm nghiệm trước khi giao.",
    "Theo phòng nông nghiệp huyện, giá bán theo hợp đồng cao hơn giá thương lái khoảng một phần năm, "
    "giúp nhiều hộ yên tâm đầu tư thêm máy sao chè và mở rộng diện tích trồng mới.",
    "Trong năm tới, hợp tác xã dự kiến xây thêm một nhà sơ chế đạt chuẩn và mời khách du lịch đến "
    "tham quan đồi chè, trải nghiệm hái trà cùng bà con vào mùa xuân.",
]
MENU = "".join(
    f'<li><a href="{SITE}/{slug}">{name}</a></li>'
    for slug, name in [
        ("thoi-su", "Thời sự"),
        ("kinh-te", "Kinh tế"),
        ("nong-nghiep", "Nông nghiệp"),
        ("du-lich", "Du lịch"),
        ("van-hoa", "Văn hóa"),
        ("doi-song", "Đời sống"),
    ]
)
FOOTER = (
    '<footer class="site-footer"><p>Cơ quan chủ quản: Hội Nông dân tỉnh Đông Bằng</p>'
    "<p>Giấy phép số 123/GP-BTTTT cấp năm 2020</p><p>Địa chỉ: số 8 đường Bờ Sông, thành phố Đông Bằng</p>"
    "<p>© Bản quyền thuộc về Báo Đông Bằng</p></footer>"
)


def _cards(n: int = 12) -> str:
    return "".join(
        f'<div class="card"><a href="{SITE}/tin-{i + 1000}.htm"><img src="/t/{i}.jpg" alt=""></a>'
        f'<h3><a href="{SITE}/tin-{i + 1000}.htm">{HEADLINES[i % len(HEADLINES)]}</a></h3>'
        f"<p>Ghi nhận lần thứ {i + 1}: {SUMMARY}</p></div>"
        for i in range(n)
    )


def _page(main: str, *, title: str, head: str = "", story_meta: bool = True) -> str:
    meta = (
        f'<meta property="og:type" content="article"><meta property="og:title" content="{title}">'
        '<meta property="article:published_time" content="2024-03-12T09:30:00+07:00">'
        if story_meta
        else '<meta property="og:type" content="website">'
    )
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>{meta}{head}</head><body>"
        f'<header><a href="{SITE}/"><img src="/logo.png" alt="Báo Đông Bằng"></a>'
        f"<nav><ul>{MENU}</ul></nav></header>"
        f'<main class="container">{main}</main>{FOOTER}</body></html>'
    )


def _refused(html: str, url: str = STORY_URL) -> str:
    with pytest.raises(ExtractionError) as info:
        extract_article(html, url)
    return str(info.value)


# --------------------------------------------------------------- not articles (fail on main)


def test_soft_not_found_with_story_metadata_and_latest_grid_is_refused() -> None:
    html = _page(
        '<div class="nf"><h1>Bài viết không tồn tại hoặc đã bị xóa</h1><p>Đường dẫn bạn truy cập có thể đã '
        "bị thay đổi hoặc nội dung đã được chuyển sang chuyên mục khác. Mời bạn đọc xem các tin mới nhất "
        f"dưới đây.</p></div><section><h2>Tin mới nhất</h2>{_cards()}</section>",
        title="Hợp tác xã trà vùng núi nhận đơn hàng lớn",
    )
    assert "in place of a story" in _refused(html)


def test_takedown_keeping_headline_date_and_metadata_is_refused() -> None:
    title = "Hợp tác xã trà vùng núi nhận đơn hàng lớn từ chuỗi siêu thị Đông Bằng"
    html = _page(
        f'<article><h1>{title}</h1><div class="date">Thứ ba, 12/03/2024 09:30</div>'
        '<p class="removed"><em>Bài viết đã được gỡ theo yêu cầu. Mong bạn đọc thông cảm.</em></p></article>',
        title=title,
    )
    assert "Bài viết đã được gỡ theo yêu cầu" in _refused(html)


def test_maintenance_page_with_a_dated_paragraph_is_refused() -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>Hệ thống đang bảo trì</title></head><body>"
        '<div class="mt"><img src="/logo.png" alt=""><h1>Hệ thống đang bảo trì</h1>'
        "<p>Để phục vụ bạn đọc tốt hơn, tòa soạn nâng cấp máy chủ từ 22 giờ ngày 03/04/2024 đến 4 giờ "
        "sáng ngày 04/04/2024. Trong thời gian này một số chuyên mục có thể tạm thời không truy cập "
        "được.</p><p>Mong bạn đọc thông cảm.</p></div></body></html>"
    )
    assert "Hệ thống đang bảo trì" in _refused(html)


def test_login_wall_showing_only_the_headline_is_refused() -> None:
    title = "Nông dân ven sông chuyển sang trồng bưởi theo hướng hữu cơ ở Đông Bằng"
    html = _page(
        f'<article><h1>{title}</h1><div class="gate"><h3>Đăng nhập để tiếp tục đọc</h3>'
        "<p>Bài viết này dành cho bạn đọc đã có tài khoản.</p><form><input name='u'>"
        "<input type='password' name='p'><button>Đăng nhập</button></form></div></article>",
        title=title,
    )
    assert "a wall" in _refused(html)


def test_redirect_stub_is_refused() -> None:
    target = f"{SITE}/bai-viet-moi-778812.htm"
    html = (
        f"<html><head><meta charset='utf-8'><title>Hợp tác xã trà vùng núi nhận đơn hàng lớn</title>"
        f'<meta http-equiv="refresh" content="0; url={target}"></head><body><p>Vui lòng chờ trong giây lát, '
        f'trang sẽ mở bài viết ở địa chỉ mới.</p><p><a href="{target}">Mở ngay</a></p></body></html>'
    )
    assert target in _refused(html)


@pytest.mark.parametrize(
    "notice",
    [
        "<h2>Đã có lỗi xảy ra</h2><p>Hệ thống tạm thời không phản hồi, bạn đọc vui lòng thử lại sau.</p>",
        "<noscript>Vui lòng bật JavaScript để xem nội dung trang này.</noscript><div id='app'>Đang tải</div>",
        "<h1>Kết quả tìm kiếm: “bưởi hữu cơ”</h1><p>Không tìm thấy kết quả nào phù hợp với từ khóa.</p>",
    ],
)
def test_error_script_shell_and_empty_search_pages_are_refused(notice: str) -> None:
    """Kinds added after the held-out run (seen there): an error box, a JavaScript-only shell, no result."""
    assert "in place of a story" in _refused(_page(notice, title="Báo Đông Bằng - Tin tức"))


# --------------------------------------------------------------- articles (guards, and the paywall box)


def test_paywall_over_a_visible_lead_keeps_the_lead_without_the_box() -> None:
    title = "Hợp tác xã trà vùng núi nhận đơn hàng lớn từ chuỗi siêu thị Đông Bằng"
    html = _page(
        f"<article><h1>{title}</h1><p class='sapo'><strong>{STORY[0]}</strong></p><p>{STORY[1]}</p>"
        '<div class="pw"><div class="pw-title">Đăng ký gói Thành viên Vàng để đọc tiếp toàn bộ bài '
        "viết.</div>"
        '<a href="/goi">Đăng ký</a></div></article>',
        title=title,
    )
    article = extract_article(html, STORY_URL)
    assert STORY[0][:60] in article.text and STORY[1][:60] in article.text
    assert "để đọc tiếp" not in article.text


def test_login_wall_over_a_visible_paragraph_is_an_article() -> None:
    title = "Nông dân ven sông chuyển sang trồng bưởi theo hướng hữu cơ ở Đông Bằng"
    html = _page(
        f"<article><h1>{title}</h1><p>{STORY[2]}</p><div class='gate'><h3>Đăng nhập để tiếp tục đọc</h3>"
        "<form><input name='u'><input type='password' name='p'><button>Đăng nhập</button></form>"
        "</div></article>",
        title=title,
    )
    assert STORY[2][:60] in extract_article(html, STORY_URL).text


@pytest.mark.parametrize(
    "sentence",
    [
        "Đại diện sở cho biết bài viết đã được gỡ theo yêu cầu của chủ hợp tác xã sau khi thông tin "
        "được xác minh.",
        "Trang bán hàng giả mạo thương hiệu trà Sơn Mộc đã bị xóa sau khi hợp tác xã gửi đơn tới nền tảng.",
    ],
)
def test_a_short_story_that_mentions_a_removal_is_an_article(sentence: str) -> None:
    title = "Trang giả mạo thương hiệu trà Sơn Mộc đã bị xóa sau phản ánh của bà con"
    html = _page(
        f"<article><h1>{title}</h1><div class='date'>12/03/2024</div><p>{sentence}</p></article>", title=title
    )
    assert sentence[:50] in extract_article(html, STORY_URL).text


def test_a_page_that_reloads_itself_is_no_redirect() -> None:
    title = "Hợp tác xã trà vùng núi nhận đơn hàng lớn từ chuỗi siêu thị Đông Bằng"
    html = _page(
        f"<article><h1>{title}</h1><p>{STORY[0]}</p></article>",
        title=title,
        head='<meta http-equiv="refresh" content="600">',
    )
    assert STORY[0][:60] in extract_article(html, STORY_URL).text


def test_undated_story_over_a_latest_stories_grid_is_an_article() -> None:
    title = "Hợp tác xã trà vùng núi nhận đơn hàng lớn từ chuỗi siêu thị Đông Bằng"
    body = "".join(f"<p>{p}</p>" for p in STORY)
    html = _page(
        f'<div class="detail"><h1>{title}</h1><div class="content">{body}</div>'
        f'<div class="latest"><h2>Tin mới nhất</h2>{_cards(24)}</div></div>',
        title=title,
        story_meta=False,
    )
    text = extract_article(html, f"{SITE}/nong-nghiep/hop-tac-xa-tra-nhan-don-hang-lon.htm").text
    assert all(p[:60] in text for p in STORY)


def test_a_hub_introduction_over_cards_is_still_refused() -> None:
    html = _page(
        '<div class="hub"><h1>Chuyên đề: Trà vùng núi Đông Bằng</h1><div class="intro"><p>Tổng hợp tin tức, '
        "phóng sự và ý kiến chuyên gia về cây chè, nghề làm trà và những hợp tác xã trà trên các xã vùng cao "
        f"của tỉnh, cập nhật liên tục trong năm.</p></div>{_cards(24)}</div>",
        title="Chuyên đề: Trà vùng núi Đông Bằng",
        story_meta=False,
    )
    assert "listing" in _refused(html, f"{SITE}/chuyen-de/tra-vung-nui/")
