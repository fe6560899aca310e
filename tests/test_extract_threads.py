"""Round 4 of issue #10, rule by rule: threaded pages (threads.py), paragraphs written as loose text
between `<br><br>` (loose_text.py) and spaces trafilatura drops at an inline element's edge
(blocks.restore_spaces). The whole pages are in tests/fixtures/pages/kinds/ (forum threads)."""

from __future__ import annotations

import lxml.html
from lxml import etree

from crawler.extraction.blocks import restore_spaces
from crawler.extraction.loose_text import wrap_loose_text
from crawler.extraction.threads import find_thread, prune_thread

PROSE = (
    "Hợp tác xã vừa đưa vào vận hành dây chuyền sấy lạnh mới, giúp giữ màu và mùi của sản phẩm lâu hơn "
    "so với cách phơi nắng truyền thống, đồng thời giảm hao hụt trong mùa mưa kéo dài ở vùng núi."
)


def _post(number: int, user: str, text: str, *, date: str = "12/05/2014") -> str:
    return (
        f'<div class="post" id="p{number}"><p class="author"><a href="/u/{user}">{user}</a> » {date}</p>'
        f'<div class="content">{text}</div><div class="signature">Chữ ký của {user}</div></div>'
    )


def _page(posts: str, before: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html><body><h1>Chủ đề thảo luận</h1>{before}<div id='topic'>{posts}</div></body></html>"
    )


def test_the_first_of_repeated_posts_is_the_article_and_its_poster_the_author() -> None:
    tree = _page(
        _post(1, "hoa_sen", PROSE + " " + PROSE)
        + _post(2, "ban_doc", "Cảm ơn bác đã chia sẻ.")
        + _post(3, "khach_qua", "Máy sấy này mua ở đâu vậy?"),
        before='<p class="starter">Chủ đề do <a href="/u/hoa_sen">hoa_sen</a> mở ngày 12/05/2014</p>',
    )
    thread = find_thread(tree, tree.find(".//h1"))
    assert thread is not None and thread.poster == "hoa_sen" and len(thread.replies) == 2
    message = prune_thread(tree, thread, keep=tree.find(".//h1"))
    text = tree.text_content()
    assert message.get("class") == "content"
    assert "dây chuyền sấy lạnh" in text
    for chrome in ("Cảm ơn bác", "mua ở đâu", "Chữ ký của", "mở ngày", "»"):
        assert chrome not in text, chrome
    assert tree.find(".//h1") is not None


def test_an_article_followed_by_reader_comments_is_not_a_thread() -> None:
    article = f"<div class='article'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
    comments = "".join(_post(n, f"doc_gia_{n}", PROSE[:120]) for n in range(1, 6))
    tree = _page(comments, before=article)
    assert find_thread(tree, tree.find(".//h1")) is None


def test_repeated_blocks_without_a_poster_each_are_not_a_thread() -> None:
    cards = "".join(
        f'<div class="card"><p>{PROSE}</p><span class="date">12/05/2014</span></div>' for _ in range(4)
    )
    tree = _page(cards)
    assert find_thread(tree, tree.find(".//h1")) is None


def test_loose_paragraphs_become_paragraphs_and_single_breaks_stay_lines() -> None:
    tree = lxml.html.fromstring(
        "<html><body><div id='a'>Câu đầu có <a href='/x'>liên kết</a> ở giữa và nhiều chữ nữa.<br><br>"
        "Đoạn hai có <i>chữ nghiêng</i>,<br>và một dòng tiếp theo.</div>"
        "<div id='b'>Tiêu đề tin<br>(20/12/2012)<br>Tóm tắt của tin khác với đủ tám chữ trở lên ở đây.</div>"
        "</body></html>"
    )
    assert wrap_loose_text(tree) == 1
    paragraphs = tree.get_element_by_id("a").findall("p")
    assert [p.text_content() for p in paragraphs] == [
        "Câu đầu có liên kết ở giữa và nhiều chữ nữa.",
        "Đoạn hai có chữ nghiêng,và một dòng tiếp theo.",
    ]
    assert paragraphs[1].find("br") is not None  # the single break is still a line break
    assert tree.get_element_by_id("b").find("p") is None  # single breaks only: a teaser's lines


def test_a_dropped_space_is_put_back_where_the_page_has_one_and_a_drop_cap_stays_joined() -> None:
    page = lxml.html.fromstring(
        "<html><body><p>vài chục lít <a href='/x'>mật ong</a>, và <b>V</b>iệt Nam</p></body></html>"
    )
    body = etree.fromstring(
        '<body><p>vài chục lít<ref target="/x">mật ong</ref>, và <hi rend="#b">V</hi>iệt Nam</p></body>'
    )
    assert restore_spaces(body, page) == 1
    assert "".join(body.itertext()) == "vài chục lít mật ong, và Việt Nam"
