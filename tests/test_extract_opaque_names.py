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

from crawler.extraction.extract import extract_article
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
