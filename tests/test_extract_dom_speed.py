"""Guards for the extraction plumbing made cheaper in session 21 (issue #10): each cheaper path must
give exactly what the path it replaced gave, on markup made up for the purpose (market boxes and
teaser lists have their own tests: test_extract_widgets.py, test_extract_cards.py)."""

from __future__ import annotations

from copy import deepcopy

import lxml.html
from lxml import etree

from crawler.extraction.chrome import find_labels
from crawler.extraction.dom import PageElement, PageIndex, parse_html, printed_texts
from crawler.extraction.teasers import find_teasers

_PAGE = """<html><head><title>t</title><style>p { color: red }</style></head><body>
<div class="page main-wrap" id="top">Opening words <b>bold &amp; more</b> tail words
  <p class="lede">First <a href="/x">linked <i>nested</i></a> after &#233;t&eacute;</p>
  <script>var hidden = "never shown";</script>
  <table><tr><td>cell one</td><td> cell two </td></tr></table>
  <ul class="page"><li>item<br>broken line</li><li>   </li></ul>
</div>tail of div
<footer class="main-wrap">Foot note</footer></body></html>"""


def test_parsed_elements_read_their_text_as_lxml_html_does() -> None:
    tree = parse_html(_PAGE)
    string_value = etree.XPath("string()", smart_strings=False)
    elements = list(tree.iter(etree.Element))
    assert all(isinstance(element, PageElement) for element in elements)
    for element in elements:
        assert element.text_content() == string_value(element) == lxml.html.HtmlElement.text_content(element)
    assert isinstance(deepcopy(tree).find(".//p"), PageElement)  # trafilatura works on copies


def test_elements_made_later_in_the_page_read_their_text_too() -> None:
    paragraph = parse_html(_PAGE).xpath("//p")[0]
    added = etree.SubElement(paragraph, "span")
    added.text, added.tail = "inner", " outer"
    assert added.text_content() == "inner"
    assert paragraph.text_content().endswith("inner outer")


def test_the_page_index_finds_elements_by_class_and_id_words() -> None:
    tree = parse_html(_PAGE)
    index = PageIndex(tree)
    assert [element.tag for element in index.with_words(["page"])] == ["div", "ul"]
    assert [element.tag for element in index.with_words(["main", "top"])] == ["div", "footer"]
    assert [element.tag for element in index.with_word_containing(["led"])] == ["p"]


def test_printed_texts_are_the_strings_of_the_non_blank_text_nodes() -> None:
    tree = parse_html(_PAGE)
    every = tree.xpath("//body//text()[normalize-space()]")
    assert printed_texts(tree) == [str(node) for node in every]
    assert all(type(text) is str for text in printed_texts(tree))


def _cards_page(filler_words: int) -> str:
    filler = " ".join(["word"] * filler_words)
    cards = "".join(
        f"<div class='c'><a href='/story-{i}'>Headline number {i} about the town fair</a>"
        f"<p>A short summary of story {i} telling what happened there and who came along.</p></div>"
        for i in range(4)
    )
    return (
        f"<html><body><h1>The page headline</h1><article><p>{filler}</p>"
        f"<div class='list'>{cards}</div><p>{filler}</p>"
        f"<a href='/elsewhere'>A longer link that opens another story here</a></article></body></html>"
    )


def test_teasers_are_found_inside_a_container_too_long_to_be_one() -> None:
    tree = parse_html(_cards_page(600))
    teasers = find_teasers(tree, keep=[tree.find(".//h1")])
    assert len(teasers.cards) == 4
    assert all(card.get("class") == "c" for card in teasers.cards)


def test_labels_are_read_from_the_short_lines() -> None:
    tree = parse_html(
        "<html><body><h1>Headline</h1><p>Some article words here.</p>"
        "<div><span>Tags:</span><a href='/t/a'>alpha</a> <a href='/t/b'>beta</a></div></body></html>"
    )
    labels = find_labels(tree)
    assert [(label.element.tag, label.key) for label in labels] == [("span", "tags")]


def test_class_words_split_as_before_with_or_without_capitals() -> None:
    """Guard (session 22): names without a capital skip the camel-case split; the words are the
    same as splitting every name at capitals and at anything not a letter or a digit."""
    import re

    from crawler.extraction.dom import words_of

    def words(class_name: str) -> frozenset[str]:
        camel = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", f"{class_name} ").lower()
        return frozenset(w for w in re.split(r"[^a-z0-9]+", camel) if w)

    for name in ["imgCon news-detail", "post__title2", "tiêu-đề Box", "ALLCAPS x_y", "İstanbulCard", "  "]:
        element = lxml.html.fromstring(f'<div class="{name}">x</div>')
        assert words_of(element) == words(name)


def test_the_page_index_keeps_page_order_across_class_names() -> None:
    """Guard (session 22): elements are grouped by their class names before they are filed under
    each word; a word shared by several names still lists its elements in page order."""
    tree = parse_html(
        "<html><body><div class='card a'>1</div><div class='card b'>2</div>"
        "<div class='card a'>3</div><p id='card'>4</p><div class='card b'>5</div></body></html>"
    )
    index = PageIndex(tree)
    assert [element.text for element in index.with_words(["card"])] == ["1", "2", "3", "4", "5"]
    assert [element.text for element in index.with_words(["a", "b"])] == ["1", "2", "3", "5"]
    kept = index.without([index.with_words(["a"])[0]])
    assert [element.text for element in kept.with_words(["card"])] == ["2", "3", "4", "5"]
