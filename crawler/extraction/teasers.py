"""Teasers of other stories: a link to another article with its lead, alone or in a list.

News templates print them everywhere: "Tin cùng mục" and "Các tin bài khác" boxes with a summary
under each headline, a single related story after the body, a sidebar of readers' photos with a
description each. Body extractors keep their summaries because they read like prose. A teaser is
recognised by its shape, not its label: a small block whose text is a link to another page (a
headline, or an image) plus a short summary outside the link — or, with no summary, a picture and
a headline linked to the same story, a time or a duration beside them (a carousel, a strip of
videos, two cards side by side: session 16). Picture cards count only on a page whose cards of
both kinds are a small part of its text; on a homepage they are the listing rules' evidence.

- A list of three or more sibling teasers (same tag and class) is removed from the page when it
  holds little of the page's paragraph text or stands outside the article (the headline's nearest
  container holding most of the other paragraphs); so is the box around it when the teasers are most of
  the box (its heading and "send your photo" line go with it).
- Every teaser's texts are also returned, so that the body rules can drop summaries that trail
  the article (a lone related story after the body) and the lead finder can skip them.
A list that holds much of the page's text is the article itself (a round-up whose items link to
the full texts) and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from lxml.html import HtmlElement

from crawler.extraction.dates import looks_like_date
from crawler.extraction.dom import (
    BLOCK_TAGS,
    NON_CONTENT_TAGS,
    PICTURE_EXTENSIONS,
    ancestors,
    attached,
    remove,
    short_raw_text,
)
from crawler.extraction.keys import squash

_CARD_TAGS = frozenset({"div", "li", "td", "article", "section", "dd", "tr"})
# A link to a picture or a file to download (a worksheet's PDF, a form): no other story's page.
_FILE_HREF = re.compile(
    rf"\.(?:{PICTURE_EXTENSIONS}|pdf|docx?|xlsx?|pptx?|odt|zip|rar|mp3|mp4)(?:[?#].*)?$", re.I
)
_HEADLINE_LINK_WORDS = 3
_SUMMARY_MIN_WORDS, _SUMMARY_MAX_WORDS = 8, 80
_CARD_MAX_WORDS = 120
_CARD_LEVELS = 4  # a teaser's link sits at most this deep in it
_CARD_MAX_CHARS = 2000  # raw text (whitespace included) beyond which no element is a teaser
_LIST_MIN_CARDS = 3
_LIST_MIN_PICTURE_CARDS = 2  # cards with a thumbnail each: two of one shape are already a list
_WHOLE_CARD_LEVELS = 2
_UNLINKED_IMAGES = ".//img[not(ancestor::a)]"
_PAINTED = ".//*[contains(@style, 'background-image')]"
_TEASER_PAGE_SHARE = 0.5  # cards this share of the text: a listing (seen 0.66-0.82, a card sidebar 0.31)
_PICTURE_PAGE_SHARE = 0.35  # all cards below this share: picture cards count (articles <=0.26, homepage 0.47)
_CARD_EXTRA_WORDS = 4  # a date or a section kicker beside a card's headline and summary
_ARTICLE_SHARE = 0.3  # a list of teasers holding more of the page's paragraph text is the article
_BOX_LEVELS = 2  # a box is at most this far above its list of teasers
_BOX_SHARE = 0.7  # teasers this much of a box's text: the box goes with them


@dataclass
class Teasers:
    cards: list[HtmlElement] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # folded texts of their headlines and summaries


def _words(text: str) -> int:
    return len(text.split())


def _story_link(link: HtmlElement) -> bool:
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:")) and not _FILE_HREF.search(href)


def _card_texts(
    element: HtmlElement, raw: str, link_texts_seen: dict[HtmlElement, str | None]
) -> tuple[str, str] | None:
    """(headline link text, summary) of a teaser-shaped element, or None. `raw` is the element's
    text_content(); `link_texts_seen` remembers each link's text (None: not a story link) across
    the nested elements examined around the same links."""
    if element.tag not in _CARD_TAGS or element.find(".//h1") is not None:
        return None
    total_words = _words(raw)
    if not total_words or total_words > _CARD_MAX_WORDS or len(element.findall(".//p")) > 3:
        return None
    links: list[HtmlElement] = []
    link_texts: list[str] = []
    for link in element.iter("a"):
        if link not in link_texts_seen:
            link_texts_seen[link] = link.text_content() if _story_link(link) else None
        text = link_texts_seen[link]
        if text is not None:
            links.append(link)
            link_texts.append(text)
    if not links:
        return None
    # The words outside the links (the summary) are about the words not in link text; a margin
    # covers words a link splits. Most elements fail here, before the exact walk below. A card
    # without a summary needs a picture linked to its headline's page (checked below).
    summary_words = total_words - sum(_words(text) for text in link_texts)
    if summary_words < _SUMMARY_MIN_WORDS - 2 and (summary_words > _CARD_EXTRA_WORDS + 2 or len(links) < 2):
        return None
    headline = ""
    headline_href = None
    image_hrefs: set[str] = set()
    for link, raw_text in zip(links, link_texts, strict=True):
        text = " ".join(raw_text.split())
        if _words(text) >= _HEADLINE_LINK_WORDS and not headline:
            parent = link.getparent()
            inline = parent is not None and parent.tag == "p" and _words(_outside_links(parent)) >= 5
            if inline or _closes_a_line(link):  # prose, or a "read more" link closing a line of it
                return None
            headline, headline_href = text, link.get("href")
        elif link.find(".//img") is not None:
            image_hrefs.add(link.get("href") or "")
    summary = _outside_links(element)
    if headline and headline_href in image_hrefs and _words(summary) <= _CARD_EXTRA_WORDS:
        # A picture card: thumbnail and headline link to the same story, with at most a time,
        # a duration or a kicker beside them ("35 phút trước", "03:25"): a carousel, a video strip.
        return None if _in_data_table(element) else (headline, "")
    if (
        summary_words < _SUMMARY_MIN_WORDS - 2
        or not (headline or image_hrefs)
        or not (_SUMMARY_MIN_WORDS <= _words(summary) <= _SUMMARY_MAX_WORDS)
        or (not headline and _own_heading(element))
        or _in_data_table(element)
    ):
        return None
    return headline, summary


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _in_data_table(element: HtmlElement) -> bool:
    """A row or a cell of a table whose columns have header cells: data the article shows (a
    platform support matrix of linked names and tick icons, a wiki's items with a picture and
    a description), not a list of other stories. Templates lay teasers out in tables without
    headers; unwrap_layout_tables has turned the tables holding page structure into divs."""
    if element.tag not in ("tr", "td"):
        return False
    table = next((node for node in ancestors(element) if node.tag == "table"), None)
    return table is not None and table.find(".//th") is not None


def _own_heading(element: HtmlElement) -> bool:
    """A heading of the element's own that links nowhere: with only a picture linked, the item is
    one of the page's own (a reviewer's verdict under their linked portrait, a section of an event
    page over its sponsors' logos), not a teaser, whose headline leads to the story it sells."""
    return any(
        heading.find(".//a") is None and not any(a.tag == "a" for a in heading.iterancestors())
        for heading in element.iter(*_HEADINGS)
    )


def _closes_a_line(link: HtmlElement) -> bool:
    """Whether the link follows a summary's worth of words printed in its own line (its parent):
    the item's "read more" ("<li><b>Title</b> - text … <a>Xem chi tiết</a></li>", a digest's),
    not a teaser's headline, which is a line of its own or opens its line."""
    parent = link.getparent()
    if parent is None:
        return False
    before = [parent.text or ""]
    for sibling in parent:
        if sibling is link:
            break
        if sibling.tag in BLOCK_TAGS or sibling.tag == "br":  # a line of its own: the link's starts after it
            before = [sibling.tail or ""]
        else:
            before.extend((sibling.text_content(), sibling.tail or ""))
    return _words(" ".join(before)) >= _SUMMARY_MIN_WORDS


def _outside_links(element: HtmlElement) -> str:
    """Visible text of the element outside its links."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if not isinstance(node.tag, str) or node.tag in NON_CONTENT_TAGS:
            return
        if node.tag != "a":
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

    walk(element)
    return " ".join(" ".join(parts).split())


def _paragraph_chars(element: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))


def _article_root(headline: HtmlElement | None, page_text: int, excluded: int) -> HtmlElement | None:
    """The headline's nearest container that holds half of the page's paragraph text, not counting
    a list of teasers (`excluded` characters of it) under examination."""
    if headline is None:
        return None
    outside = max(page_text - excluded, 1)
    for node in ancestors(headline):
        if _paragraph_chars(node) >= 0.5 * outside:
            return node
    return None


def find_teasers(tree: HtmlElement, keep: Iterable[HtmlElement | None]) -> Teasers:
    """Find teaser cards (innermost first) and remove the lists of them that are page furniture.
    `keep` starts with the headline element (or None), then other elements never to remove."""
    keep = list(keep)
    headline_element = keep[0] if keep else None
    protected = [k for k in keep if k is not None]
    found = Teasers()
    texts: dict[HtmlElement, tuple[str, str]] = {}
    examined: set[HtmlElement] = set()
    too_long: set[HtmlElement] = set()  # examined, and too long to be a teaser: so are their ancestors
    link_texts: dict[HtmlElement, str | None] = {}
    # A teaser holds a story link: look only around links with a picture or a few words (the
    # XPath drops menu entries and icons in C; the word count below decides).
    for link in tree.xpath("//a[@href][.//img or string-length(normalize-space()) >= 5]"):
        if not _story_link(link):
            continue
        link_texts[link] = text = link.text_content()
        if link.find(".//img") is None and len(text.split()) < _HEADLINE_LINK_WORDS:
            continue  # a menu entry: neither a headline nor a picture
        for element in islice(ancestors(link), _CARD_LEVELS):
            if element in too_long:
                break  # larger still further up, and those were measured already
            if element.tag not in _CARD_TAGS or element in examined:
                continue
            examined.add(element)
            raw = element.text_content()
            if len(raw) > _CARD_MAX_CHARS:
                too_long.add(element)
                break  # larger still further up: no teaser there
            headline_and_summary = _card_texts(element, raw, link_texts)
            if headline_and_summary is not None:
                texts[element] = headline_and_summary
    # Innermost cards only: a box holding one teaser is not a second teaser. Picture cards (no
    # summary) are judged apart.
    pictured = {element: found_texts for element, found_texts in texts.items() if not found_texts[1]}
    innermost = _innermost(texts)
    texts = {element: found_texts for element, found_texts in texts.items() if found_texts[1]}
    cards = [card for card in innermost if card in texts]
    picture_cards = [card for card in innermost if card in pictured]
    if not cards and not picture_cards:
        return found
    # On a page of teasers (a listing) the listing rules judge the cards as they were found; picture
    # cards count only where all cards are a small part of the page (a homepage's are the listing's).
    whole = [_whole_card(card, texts) for card in cards]
    page_chars = _chars([tree])
    article_page = _chars(whole) <= _TEASER_PAGE_SHARE * page_chars
    if article_page:
        cards = whole
        if _chars(whole) + _chars(picture_cards) <= _PICTURE_PAGE_SHARE * page_chars:
            cards += picture_cards
            texts.update((card, pictured[card]) for card in picture_cards)
    page_text = max(_paragraph_chars(tree), 1)
    groups: dict[tuple[HtmlElement | None, str, str | None], list[HtmlElement]] = {}
    for card in cards:
        groups.setdefault((card.getparent(), str(card.tag), card.get("class")), []).append(card)
    for (parent, _, _), members in groups.items():
        chars = sum(_paragraph_chars(m) for m in members)
        if chars / page_text > _ARTICLE_SHARE:
            root = _article_root(headline_element, page_text, chars)
            if root is None or root in ancestors(members[0]):
                continue  # the article's own items (a round-up), not teasers
        for card in members:
            headline, summary = texts[card]
            # Printed on one line, a card's headline and summary make one block of the body (on a
            # listing, that block is the listing rules' evidence).
            one_line = squash(f"{headline} {summary}") if article_page else ""
            found.keys.update(key for key in (squash(headline), squash(summary), one_line) if key)
            found.cards.append(card)
        pictures = article_page and all(_has_picture(m) for m in members)
        least = _LIST_MIN_PICTURE_CARDS if pictures else _LIST_MIN_CARDS
        if len(members) < least or any(k is m or k in m.iter() for m in members for k in protected):
            continue
        box = _box_of(
            parent,
            members,
            levels=_BOX_LEVELS if len(members) >= _LIST_MIN_CARDS else 0,
            own_pictures=article_page,
        )
        if box is not None and not any(box is k or k in box.iter() for k in protected):
            _lift_closing_lines(box, members[-1])
            remove(box)
        else:
            for card in members:
                if attached(card, tree):
                    remove(card)
    return found


_CLOSING_LINE_CHARS = 60  # a signature, not a paragraph


def _lift_closing_lines(box: HtmlElement, last_card: HtmlElement) -> None:
    """Move out of the box the short lines it holds after its last card that link nowhere: a box
    whose closing tag the template left out holds the rest of the column (the parser closes it
    there), and the article's signature after it is no teaser (session 16, "tail")."""
    anchor = box
    for element in [last_card, *ancestors(last_card)]:
        if element is box:
            break
        for line in list(element.itersiblings()):
            text = " ".join(line.text_content().split()) if isinstance(line.tag, str) else ""
            if text and len(text) <= _CLOSING_LINE_CHARS and not line.xpath(".//a[@href]"):
                anchor.addnext(line)
                anchor = line


def _innermost(texts: dict[HtmlElement, tuple[str, str]]) -> list[HtmlElement]:
    return [el for el in texts if not any(inner in texts for inner in el.iterdescendants(*_CARD_TAGS))]


def _whole_card(card: HtmlElement, texts: dict[HtmlElement, tuple[str, str]]) -> HtmlElement:
    """The card as printed: the block around the headline and summary that adds only their picture
    (a thumbnail link in a column of its own, "knswli-left" / "knswli-right", a table row with the
    picture in one cell), so that siblings of one shape are seen as a list. The found texts move up."""
    words = _words(card.text_content())
    for _ in range(_WHOLE_CARD_LEVELS):
        parent = card.getparent()
        if (
            parent is None
            or parent.tag not in _CARD_TAGS
            or _words(parent.text_content()) > words + _CARD_EXTRA_WORDS
            or not _has_picture(parent)
            or any(other in texts for other in parent.iterdescendants(*_CARD_TAGS) if other is not card)
        ):
            break
        texts[parent] = texts[card]
        card = parent
    return card


def _chars(elements: list[HtmlElement]) -> int:
    return sum(len("".join(element.text_content().split())) for element in elements)


def _has_picture(element: HtmlElement) -> bool:
    """A thumbnail in it: an image, or a block painted with a background image."""
    return element.find(".//img") is not None or bool(element.xpath(_PAINTED))


def _box_of(
    parent: HtmlElement | None, members: list[HtmlElement], levels: int, *, own_pictures: bool = False
) -> HtmlElement | None:
    """The largest container (up to two levels above the list) whose text is mostly the teasers:
    with its heading ("Cuộc sống qua ống kính độc giả") and a closing line it is one piece of
    page furniture; around picture cards, not one holding a picture of its own (the article's
    photo in whose cell the cards were set). A pair of cards takes its own container only: the
    few words of a box two levels up weigh more beside two cards (a step of a recipe in the next
    table cell)."""
    if parent is None:
        return None
    teaser_chars = sum(len(" ".join(m.text_content().split())) for m in members)
    pictures = sum(len(m.xpath(_UNLINKED_IMAGES)) for m in members)
    box = None
    for candidate in [parent, *list(ancestors(parent))[:levels]]:
        size = len(" ".join(candidate.text_content().split()))
        if candidate.tag in ("body", "html") or not size or teaser_chars / size < _BOX_SHARE:
            break
        if own_pictures and len(candidate.xpath(_UNLINKED_IMAGES)) > pictures:
            break  # a picture of the article's, not a link (the photo in whose box the cards were set)
        if own_pictures and _holds_prose(candidate, members):
            break  # the article's own paragraph (a video's or a brief's one paragraph above its cards)
        box = candidate
    return box


_PROSE_CHARS = 100  # a sentence of the article's, not a box's heading or closing line


def _holds_prose(candidate: HtmlElement, members: list[HtmlElement]) -> bool:
    """A paragraph in the container outside the cards, no link, a sentence long (session 16: a video
    page's one paragraph went with the "Video khác" cards under it)."""
    inside = set(members)
    for paragraph in candidate.iter("p"):
        if any(a in inside for a in [paragraph, *ancestors(paragraph)]) or paragraph.find(".//a") is not None:
            continue
        if len(" ".join(paragraph.text_content().split())) >= _PROSE_CHARS:
            return True
    return False


_TEASER_WORDS = 6  # a link this long is another story's headline, not a writer's or a section's name
_TEASER_LEVELS = 3  # the element's item: the element and its nearest wrappers not shared with the headline


def beside_a_teaser(element: HtmlElement, headline: HtmlElement, *, cards: bool = False) -> bool:
    """Whether the element (a date, a byline) sits in an item of a list of other stories
    ("<li><a>another story's headline</a> 08:00 03/12/2025</li>", and a sibling item like it): a
    related list with no heading, close enough to the headline on a short page to pass for its
    byline area. A writer's
    or a section's link is a few words; a story's headline is longer; a share bar's one long link
    ("Theo dõi … trên Google News") has no sibling item like it.

    With `cards`, the sibling items must also be classed like the element's item: a writer's box
    (a follow button, an alerts sign-up) beside the page's link boxes is no list of
    stories, while a list of other stories' cards repeats one class."""
    shared = set(ancestors(headline))
    for node in [element, *list(ancestors(element))[:_TEASER_LEVELS]]:
        parent = node.getparent()
        if node in shared or parent is None:
            return False
        if _holds_teaser_link(node) and any(
            _holds_teaser_link(sibling)
            for sibling in parent
            if sibling is not node
            and sibling.tag == node.tag
            and (not cards or sibling.get("class") == node.get("class"))
        ):
            return True
    return False


_TEASER_CHARS = 240  # a teaser item: a headline, a date, a line of summary at most


def _holds_teaser_link(node: HtmlElement) -> bool:
    """A short item (not the article's text, whose paragraphs link long phrases too) holding a
    link as long as a headline."""
    if short_raw_text(node, _TEASER_CHARS) is None:
        return False
    return any(
        len(text.split()) >= _TEASER_WORDS and not looks_like_date(text)
        for text in (" ".join(link.itertext()) for link in node.iter("a"))
    )


_ANY_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def in_a_story_card(element: HtmlElement) -> bool:
    """Whether the element (a date) sits inside a link that is a whole card of another story: the
    link holds a heading, or a headline's worth of words besides the element's own text. A card
    set alone in the article's text ("read also": a picture, a day, another story's title, all one
    link) is no list, so `beside_a_teaser` does not see it; its day is that story's. A link around
    the page's own date (a permalink or a day's archive, as blog templates print it) holds the date
    alone."""
    own = len(element.text_content().split())
    for link in ancestors(element):
        if link.tag != "a":
            continue
        if any(node.tag in _ANY_HEADING for node in link.iter()):
            return True
        return len(link.text_content().split()) - own >= _TEASER_WORDS
    return False
