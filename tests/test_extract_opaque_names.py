"""Pages whose class and id names say nothing (hashed CSS-module names, "x1a2b3c4").

Session 14 of issue #10 renamed every class and id of the gold pages to an opaque hash: several
rules that read class words ("comment", "caption", "footer", "popup" …) then had nothing to read,
and a reader item was refused as a listing, captions came into the text, and two section pages
were taken for articles. Each rule now falls back on what the reader sees: the labels the page
prints, the image a caption describes, the masthead that opens the site's footer. Every page
below is written for these tests, with opaque names only.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.blocks import Block
from crawler.extraction.body import BodyContext, clean_body
from crawler.extraction.extract import ExtractionError, extract_article
from indexer.schema import VIETNAM_TZ

CRAWLED = datetime(2025, 11, 3, 8, 0, tzinfo=VIETNAM_TZ)

# --- reader comments under a printed label -------------------------------------------------

LETTER_URL = "https://docgia.example.vn/ban-doc-viet/2025/11/rac-thai-ven-song-lang-ta-4471.html"
LETTER_LEAD = (
    "Mỗi sáng đi làm qua cây cầu đầu làng, tôi lại thấy thêm vài bao rác mới bị ném xuống mép sông, "
    "mùi hôi bốc lên đến tận đường cái."
)
LETTER_TEXT = "Ảnh chụp sáng thứ bảy tại bến đò cũ của thôn Đông, xã Hòa Bình, huyện Yên Sơn."
COMMENT_ONE = "Tôi ở xóm bên cạnh cũng khổ vì mùi này suốt mấy tháng nay rồi, mong xã sớm xử lý."
COMMENT_TWO = "Cần phạt thật nặng những người đổ trộm thì mới có tác dụng lâu dài được bạn ạ."


def _letter_page(label: str) -> str:
    comments = "".join(
        f'<div class="x7f3a9c1"><p class="x1b2c3d4">{text}</p>'
        f'<p class="x5e6f7a8"><span class="x2c4e6a8">{name}</span> - <span>{ago}</span></p></div>'
        for text, name, ago in (
            (COMMENT_ONE, "hoangnam88", "2 giờ trước"),
            (COMMENT_TWO, "thuytien", "5 giờ trước"),
        )
    )
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Rác thải ven sông làng ta - Bạn đọc</title></head>
<body><div id="x0a1b2c3">
<div class="x9d8e7f6"><a href="/">Bạn đọc</a> <a href="/ban-doc-viet">Bạn đọc viết</a></div>
<div class="x3c3c3c3">
<h1 class="x4d4d4d4">Rác thải ven sông làng ta</h1>
<h2 class="x5e5e5e5">{LETTER_LEAD}</h2>
<p class="x6f6f6f6">{LETTER_TEXT}</p>
<p class="x6f6f6f6" align="right"><strong>Lê Minh Khôi</strong></p>
</div>
<div class="x8a8a8a8"><div class="x9b9b9b9"><a name="x1c1c1c1">{label}</a></div></div>
<div id="x2d2d2d2">{comments}</div>
<div class="x3e3e3e3"><a href="/ban-doc-viet/2025/11/cho-que-4402.html">Chợ quê ngày giáp Tết
đông vui hơn mọi năm</a></div>
</div></body></html>"""


@pytest.mark.parametrize("label", ["Ý kiến bạn đọc <span>( 2 )</span>", "Bình luận (2)", "BÌNH LUẬN"])
def test_comments_under_a_printed_label_leave_the_page(label: str) -> None:
    """The comments' box has no class word to say so; the label "Ý kiến bạn đọc" printed above it
    does. Left in, the comments outweighed the two-paragraph reader letter and the page was refused
    as a listing (each comment beside a link to another story)."""
    article = extract_article(_letter_page(label), LETTER_URL, crawled=CRAWLED)
    assert LETTER_LEAD in article.text and LETTER_TEXT in article.text
    assert COMMENT_ONE not in article.text and COMMENT_TWO not in article.text
    assert "hoangnam88" not in article.text
    assert article.authors == ["Lê Minh Khôi"]


def test_a_comment_button_is_not_a_comment_sections_label() -> None:
    """A "Bình luận" link between two blocks of the letter is a button (to the comments below):
    the block after it stays."""
    closing = "Mong chính quyền xã sớm cho người ra dọn và đặt biển cấm đổ rác ở khu vực bến đò."
    page = _letter_page("Ý kiến bạn đọc").replace(
        '<p class="x6f6f6f6" align="right">',
        '<div class="x7a7a7a7"><a href="#x2d2d2d2">Bình luận</a></div>'
        f'<div class="x7b7b7b7"><p>{closing}</p></div><p class="x6f6f6f6" align="right">',
    )
    article = extract_article(page, LETTER_URL, crawled=CRAWLED)
    assert closing in article.text
    assert COMMENT_ONE not in article.text


def test_a_comment_label_under_the_headline_before_any_text_is_a_kicker() -> None:
    """A genre kicker "Bình luận" (commentary) between the headline and the text labels the
    article, not a comment section: the box after it stays."""
    body = " ".join([LETTER_LEAD, LETTER_TEXT, COMMENT_ONE, COMMENT_TWO])
    page = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Rác thải ven sông làng ta</title></head><body>
<h1 class="x4d4d4d4">Rác thải ven sông làng ta</h1>
<div class="x1a1a1a1">Bình luận</div>
<div class="x2b2b2b2"><p>{body}</p><p>{LETTER_TEXT} {COMMENT_ONE}</p></div>
</body></html>"""
    article = extract_article(page, LETTER_URL, crawled=CRAWLED)
    assert COMMENT_ONE in article.text and LETTER_LEAD in article.text


# --- a section page whose stories are loaded by script: only the footer and pop-ups are text ---

SECTION_URL = "https://baophuongnam.example.vn/kinh-te.htm"
FOOTER = """<div class="x51a2b3c"><div class="x62b3c4d">
<p class="x73c4d5e">Tổng biên tập: Trần Văn Bình</p>
<p class="x73c4d5e">Giấy phép hoạt động báo điện tử số 128/GP-BTTTT, cấp ngày 12-3-2021.</p>
<p class="x73c4d5e">Địa chỉ: 45 đường Trần Phú, phường 4, thành phố Sóc Trăng</p>
<p class="x73c4d5e">Hotline: 0299.388.1234 - Email: toasoan@baophuongnam.example.vn</p>
</div><div class="x84d5e6f"><p>Nhận bản tin mỗi sáng qua thư điện tử của bạn</p>
<p>Luôn cập nhật tin tức kinh tế, đời sống mới nhất của vùng</p></div></div>"""
POPUPS = """<div class="x95e6f70"><div class="xa6f7081"><section><div class="xb708192">
<p>Thông tin của bạn đọc sẽ được giữ kín và chỉ dùng khi tòa soạn cần liên lạc lại với bạn.</p>
<input type="email" placeholder="Email"><p class="xc819203">Địa chỉ thư điện tử không đúng định dạng.</p>
<input type="password"><p class="xc819203">Mật khẩu phải có ít nhất tám ký tự, gồm cả chữ và số.</p>
<p class="xc819203">Tài khoản đã bị tạm khóa, vui lòng liên hệ bộ phận hỗ trợ bạn đọc.</p>
</div></section></div></div>
<div class="xd92a314"><div class="xea3b425"><p><b>Trở thành hội viên, đọc báo không quảng cáo</b></p>
<p>Từ đầu năm nay, hội viên của báo được đọc mọi chuyên mục không quảng cáo, nghe bản tin buổi sáng
và nhận ấn phẩm cuối tuần dưới dạng sách điện tử trên mọi thiết bị của mình.</p>
<p>Hội viên còn được tặng quà vào dịp sinh nhật báo và được mời tham dự các buổi gặp gỡ với các
nhà báo, chuyên gia kinh tế trong năm.</p></div></div>"""


def _section_page() -> str:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Kinh tế - Báo Phương Nam</title></head>
<body><div id="xf0f0f0f"><div class="x1f1f1f1">
<div class="x2a2a2a2"><a href="/">Trang chủ</a> <a href="/thoi-su.htm">Thời sự</a>
<a href="/kinh-te.htm">Kinh tế</a> <a href="/xa-hoi.htm">Xã hội</a></div>
<h1 class="x3b3b3b3">Kinh tế</h1>
<div class="x4c4c4c4" data-zone="kinh-te"></div>
{FOOTER}
{POPUPS}
</div></div></body></html>"""


def test_a_section_page_of_footer_and_pop_ups_is_refused_as_a_listing() -> None:
    """With real names the footer, the log-in form and the membership pop-up are classed
    footer/login/modal; hashed names say nothing, but the masthead ("Tổng biên tập: …", the
    press licence, the address) still opens the footer, and what follows it is furniture."""
    with pytest.raises(ExtractionError, match="footer, menus or forms"):
        extract_article(_section_page(), SECTION_URL, crawled=CRAWLED)


STORY_URL = "https://baophuongnam.example.vn/kinh-te/lua-mua-thu-dong-trung-gia-4412.htm"
STORY = [
    "Nông dân các huyện ven sông Hậu đang thu hoạch lúa thu đông với năng suất bình quân gần sáu tấn "
    "một héc-ta, cao hơn vụ trước, trong khi giá lúa tươi tại ruộng cũng nhích lên.",
    "Theo ngành nông nghiệp tỉnh, nhờ chủ động lịch xuống giống né lũ và dùng giống chịu mặn, phần "
    "lớn diện tích không bị ảnh hưởng bởi đợt triều cường giữa tháng mười vừa qua.",
    "Các thương lái cho biết đang thu mua lúa với giá cao hơn khoảng ba trăm đồng mỗi ký so với cùng "
    "kỳ năm ngoái, do nhu cầu xuất khẩu gạo thơm sang các thị trường mới tăng mạnh.",
]


def test_an_article_before_the_footer_is_not_furniture() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    page = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Lúa mùa thu đông trúng giá - Báo Phương Nam</title></head>
<body><div id="xf0f0f0f"><div class="x1f1f1f1">
<h1 class="x3b3b3b3">Lúa mùa thu đông trúng giá</h1>
<div class="x4c4c4c4">{paragraphs}</div>
{FOOTER}
{POPUPS}
</div></div></body></html>"""
    article = extract_article(page, STORY_URL, crawled=CRAWLED)
    assert all(text in article.text for text in STORY)


# --- captions told by the picture they describe --------------------------------------------

TRIAL_URL = "https://tinmiennam.example.vn/phap-luat/phien-toa-vu-dat-cong-ngay-thu-hai-5521.html"
TRIAL = [
    "Sáng nay, Tòa án nhân dân tỉnh tiếp tục phiên xét xử sơ thẩm vụ án sai phạm tại khu đất công "
    "ven biển, với phần xét hỏi các bị cáo nguyên là lãnh đạo sở tài nguyên.",
    "Trả lời hội đồng xét xử, các bị cáo cho rằng việc ký văn bản giao đất là theo chủ trương chung "
    "của tỉnh lúc bấy giờ, nhằm thu hút đầu tư cho khu du lịch.",
    "Đại diện viện kiểm sát đề nghị làm rõ vai trò của từng người trong việc định giá khu đất thấp "
    "hơn nhiều so với giá thị trường cùng thời điểm.",
]
CAPTION = "Bị cáo Nguyễn Văn Hậu trả lời thẩm vấn tại phiên tòa sáng nay."
SCREEN_CAPTION = "Trang thông tin của dự án vẫn giới thiệu khu đất là khu nghỉ dưỡng cao cấp"
SCREEN_CREDIT = "Ảnh chụp màn hình ngày 2.11"
TEASER = "Khởi tố thêm ba cán bộ trong vụ giao đất công sai quy định"


def _trial_page(picture: str) -> str:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Phiên tòa vụ đất công ngày thứ hai</title></head>
<body><div class="x11aa22b">
<h1 class="x22bb33c">Phiên tòa vụ đất công ngày thứ hai</h1>
<div class="x33cc44d"><p>{TRIAL[0]}</p>
{picture}
<p>{TRIAL[1]}</p><p>{TRIAL[2]}</p></div>
<div class="x44dd55e"><a href="/phap-luat/khoi-to-them-ba-can-bo-5510.html"><img src="/t/5510.jpg"
 alt="{TEASER}"></a><a href="/phap-luat/khoi-to-them-ba-can-bo-5510.html">{TEASER}</a></div>
</div></body></html>"""


def test_a_block_saying_the_pictures_alt_is_its_caption() -> None:
    """Under the figure, in the picture's own box, an italic line says what the image's alt says:
    the caption, though no class word (caption, description …) says so."""
    picture = f"""<div class="x5a5a5a5"><a class="x6b6b6b6" href="/anh/hau.jpg"><figure class="x7c7c7c7">
<img src="/anh/hau.jpg" alt="{CAPTION}"></figure></a>
<div class="x8d8d8d8"><a href="https://facebook.com/sharer">Chia sẻ</a></div>
<div class="x9e9e9e9"><i>{CAPTION}</i></div></div>"""
    article = extract_article(_trial_page(picture), TRIAL_URL, crawled=CRAWLED)
    assert CAPTION not in article.text
    assert CAPTION in article.captions
    assert all(text in article.text for text in TRIAL)
    assert TEASER not in article.captions  # a teaser's headline link says its picture's alt too


def test_a_story_sentence_under_its_picture_is_not_a_caption() -> None:
    """A 2012 photo story tells its text under the pictures, each sentence also the photo's alt:
    printed plainly (not in the figure, not in italics, no photo credit), it is text."""
    picture = f"""<div class="x5a5a5a5"><p align="center"><img src="/anh/hau.jpg" alt="{CAPTION}"></p>
<div class="x9e9e9e9">{CAPTION}</div></div>"""
    article = extract_article(_trial_page(picture), TRIAL_URL, crawled=CRAWLED)
    assert CAPTION in article.text


def test_the_blocks_under_an_image_in_a_centred_picture_box_are_its_caption() -> None:
    """A picture box laid out as a one-cell table (unwrapped into divs), centred, with the caption
    and its credit in blocks of their own under the image, and an alt that says nothing."""
    picture = f"""<table class="xa1a1a1a" align="center"><tbody><tr><td>
<div style="text-align:center;color:#595959;"><img src="/anh/web.jpg" alt="Phiên tòa vụ đất công - ảnh 1">
<div class="xb2b2b2b"><div class="xc3c3c3c"><p>{SCREEN_CAPTION}</p>
<div class="xd4d4d4d"><p>{SCREEN_CREDIT}</p></div></div></div></div>
</td></tr></tbody></table>"""
    article = extract_article(_trial_page(picture), TRIAL_URL, crawled=CRAWLED)
    assert SCREEN_CAPTION not in article.text and SCREEN_CREDIT not in article.text
    assert any(SCREEN_CAPTION in caption for caption in article.captions)
    assert all(text in article.text for text in TRIAL)


def test_a_date_line_over_the_headline_in_its_block_is_the_publication_date() -> None:
    """A 2012 template prints "Thứ năm, 13/12/2012, 09:20 GMT+7" in the e-mail/print bar above the
    h1, inside the article's block; its class (a date word) was the only way it was read."""
    page = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Phiên tòa vụ đất công ngày thứ hai</title></head>
<body><div class="x0d0d0d0"><span class="x0e0e0e0">Thứ hai, 20/10/2025</span></div>
<div class="x11aa22b"><div class="x1e1e1e1"><span class="x2f2f2f2">Thứ sáu, 31/10/2025, 14:46 GMT+7</span>
<div class="x3a3a3a3"><a href="/gui-email">Gửi email</a> <a href="/in-bai">In bài</a></div></div>
<h1 class="x22bb33c">Phiên tòa vụ đất công ngày thứ hai</h1>
<div class="x33cc44d">{"".join(f"<p>{text}</p>" for text in TRIAL)}</div>
</div></body></html>"""
    article = extract_article(page, "https://tinmiennam.example.vn/phap-luat/phien-toa.html", crawled=CRAWLED)
    assert article.published is not None
    assert (article.published.date().isoformat(), article.published_source) == ("2025-10-31", "page")


def test_the_headline_glued_to_the_date_line_over_it_is_not_text() -> None:
    """Once the comments leave, the body extractor may take the article's top block: the date line
    printed over the h1 and the h1 in one paragraph ("…14:46 GMT+7Headline"). That is the headline
    with its dateline, not text; a sentence that merely opens with the headline's words stays."""
    title = "Phiên tòa vụ đất công ngày thứ hai"
    glued = Block("p", f"Thứ sáu, 31/10/2025, 14:46 GMT+7{title}", 0)
    sentence = Block("p", f"{title} kéo dài đến chiều tối vì có thêm nhân chứng được triệu tập.", 0)
    result = clean_body([glued, *(Block("p", text, 0) for text in TRIAL), sentence], BodyContext(title=title))
    assert result.paragraphs == [*TRIAL, sentence.text]


def test_a_sapo_that_says_the_hero_pictures_alt_stays_the_lead() -> None:
    """Templates fill a hero picture's alt with the sapo (or the headline): the italic sapo beside
    it, declared as the page's description, is the lead, not the picture's caption."""
    sapo = (
        "Phiên xét xử vụ sai phạm đất công ven biển bước sang ngày thứ hai với phần xét hỏi các "
        "bị cáo nguyên là lãnh đạo sở tài nguyên."
    )
    page = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Phiên tòa vụ đất công ngày thứ hai</title>
<meta name="description" content="{sapo}"></head>
<body><div class="x11aa22b">
<h1 class="x22bb33c">Phiên tòa vụ đất công ngày thứ hai</h1>
<div class="x5a5a5a5"><figure class="x7c7c7c7"><img src="/anh/toa.jpg" alt="{sapo}"></figure>
<p class="x9e9e9e9"><em>{sapo}</em></p></div>
<div class="x33cc44d">{"".join(f"<p>{text}</p>" for text in TRIAL)}</div>
</div></body></html>"""
    article = extract_article(page, TRIAL_URL, crawled=CRAWLED)
    assert article.lead == sapo and article.text.startswith(sapo)
    assert sapo not in article.captions


def test_a_licence_in_the_top_bar_does_not_make_the_article_footer() -> None:
    """Some templates print the licence and hotline in a bar above the headline: a footer is
    printed after the headline, so the article under it is not furniture."""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    page = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Lúa mùa thu đông trúng giá - Báo Phương Nam</title></head>
<body><div id="xf0f0f0f"><div class="x0b0b0b0">
<p>Giấy phép số 128/GP-BTTTT</p><p>Hotline: 0299.388.1234</p></div>
<div class="x1f1f1f1"><h1 class="x3b3b3b3">Lúa mùa thu đông trúng giá</h1>
<div class="x4c4c4c4">{paragraphs}</div></div>
</div></body></html>"""
    article = extract_article(page, STORY_URL, crawled=CRAWLED)
    assert all(text in article.text for text in STORY)
