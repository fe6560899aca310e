"""Is the text we kept an article, or the summaries of a listing page's stories?

A section page or a home page has no article; a body extractor still returns its largest run of
text, which there is the summaries under other stories' headlines ("teaser soup"). Returning
that as an article would archive a page nobody wrote under a section name. The difference is in
the page's structure, not its metadata (listing templates often declare `og:type=article`):

- an article's paragraphs sit in one large container with each other; a link to another story
  beside a paragraph is the exception (a related link after one paragraph);
- a listing's paragraphs each sit in a small box ("card") of their own, next to a link to a
  different story's headline (four words or more), or opening with that headline. A picture
  link alone does not count: a forum post or a comment sits beside its writer's avatar.

So every kept paragraph is located in the page, and we look at most four levels up from it for a
box that holds little more than the paragraph plus a story link whose text is not the
paragraph's. When most of the kept text (and at least four paragraphs, beside four different
stories) reads like that, the page is a listing. The crawler only sends article URLs; this is
what `ocop extract` of a section page answers, and what stops a misfiled listing from being
archived as an article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.extraction.dates import date_from_url, looks_like_date
from crawler.extraction.dom import (
    PageIndex,
    ancestors,
    holding_boxes,
    in_chrome,
    next_element,
    widest_box,
    words_of,
)
from crawler.extraction.keys import folded, squash, squash_many
from crawler.extraction.vocab import load

_PROBE_WORDS = 6
_CARD_LEVELS = 4
_CARD_EXTRA_WORDS = 60  # a card holds the summary plus a headline, a date, a section name …
_STORY_LINK_WORDS = 4
_MIN_CARD_PARAGRAPHS = 4
_LISTING_SHARE = 0.6
_CARD_MAX_PARAGRAPH_WORDS = 120  # a teaser summary (≤ 80 words) with its headline and date
_HEADLINE_LINK_WORDS = 6  # a link this long names a story (menus and tags are shorter)
_MIN_HEADLINE_LINKS = 20
_WORDS_PER_HEADLINE_LINK = 5  # an article outweighs its sidebars' headlines; a listing's leftovers do not
_SITE_CHROME = load("body")["site_chrome"]
_SITE_CHROME_WORDS = frozenset(_SITE_CHROME["words"])
_SITE_CHROME_SHARE = 0.6
_MASTHEAD = re.compile("|".join(_SITE_CHROME["masthead_lines"]))
_FOOTER_LINE = re.compile("|".join([*_SITE_CHROME["masthead_lines"], *_SITE_CHROME["contact_lines"]]))
_MASTHEAD_HINT = re.compile(r"\b(?:" + "|".join(map(re.escape, _SITE_CHROME["masthead_words"])) + r")\b")
_FOOTER_LINE_WORDS = 40
_BELOW_SHARE = 10  # a page's bottom: at most one story link below the kept text per ten above
_PROSE_WORDS = 20  # a paragraph of an article, not a menu entry, a form's message or a slogan
_FOOTER_MAX_WORDS = int(_SITE_CHROME["footer_max_words"])
_MIN_OWN_CARDS = (
    8  # a page's own list of stories; a related box under an article holds fewer or outweighs less
)
_DATE_LINE_CHARS = 80
_OWN_LIST_LEVELS = 2
_STORY_TYPES = ("article", "video")
_STORY_PARAGRAPHS = 3  # a hub's or an author's introduction is a paragraph or two; a story runs on
_SLUG = re.compile(r"[^\W\d_]{2,}-[^\W\d_]{2,}")  # two words of a story's name in its address


# Scripts written without spaces between words (Chinese characters, Japanese kana): a paragraph of
# them is one "word" by whitespace. Each such character counts half a word (a Japanese or Chinese
# sentence of 40 characters reads like 20 words), so that a page of Japanese prose is not outweighed
# by its footer's lines and read as furniture.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words_in(text: str) -> int:
    """Words of a text by whitespace, plus half a word per character of a script written without spaces."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


_words = words_in


def _story_href(link: HtmlElement) -> str:
    href = (link.get("href") or "").strip()
    return "" if not href or href.startswith(("#", "javascript:", "mailto:")) else href


def _opens(paragraph_key: str, link_key: str) -> bool:
    """The paragraph starts with the link's text and goes on for as long again."""
    return paragraph_key.startswith(link_key) and len(paragraph_key) >= 2 * len(link_key)


def _card_link(
    holder: HtmlElement, paragraph_key: str, paragraph_words: int, box_words: dict[HtmlElement, int]
) -> HtmlElement | None:
    """Another story's link in a small box around `holder`, or None. `box_words` remembers each
    box's word count: the paragraphs of one article share their large container."""
    for box in [holder, *list(ancestors(holder))[:_CARD_LEVELS]]:
        if box not in box_words:
            box_words[box] = _words(box.text_content())
        if box_words[box] > paragraph_words + _CARD_EXTRA_WORDS:
            return None
        for link in box.iter("a"):
            if not _story_href(link):
                continue
            text = squash(link.text_content())
            headline = len(text.split()) >= _STORY_LINK_WORDS
            # another story's headline beside the paragraph, or opening it (a card printed as one
            # line: "Headline 05/08/2021 lúc 07:15 Summary …")
            if headline and (text not in paragraph_key or _opens(paragraph_key, text)):
                return link
    return None


class _PageText:
    """The body's text nodes and their folded keys joined, to find where a kept paragraph is;
    read on the first question (a long article is told apart before)."""

    def __init__(self, tree: HtmlElement, headline: HtmlElement | None = None) -> None:
        self._tree = tree
        self._headline = headline
        self._read = False
        self._footer_at: int | None = None
        self._link_texts: frozenset[str] | None = None
        self.nodes: list = []
        self.starts: list[int] = []
        self.joined = ""

    def _read_page(self) -> None:
        self._read = True
        body = self._tree.find("body")
        self.nodes = (
            [node for node in body.xpath(".//text()[normalize-space()]") if node.strip()]
            if body is not None
            else []
        )
        keys = squash_many([str(node) for node in self.nodes])
        offset = 0
        for key in keys:
            self.starts.append(offset)
            offset += len(key) + 1
        self.joined = " ".join(keys)

    def body(self) -> HtmlElement | None:
        return self._tree.find("body")

    def holder(self, key: str) -> HtmlElement | None:
        """The element whose text opens like the paragraph with this key, or None; where the page
        prints that opening more than once (a section's teasers all open "(Agency) - Minister …"),
        the one the page's text goes on from like the paragraph the longest."""
        best, best_length = None, -1
        for found, _at, holder in self._found(key):
            length = _common_prefix(self.joined, found, key)
            if length > best_length:
                best, best_length = holder, length
            if length == len(key):
                break
        return best

    def holders(self, key: str) -> Iterator[HtmlElement]:
        """Every element whose text opens like the paragraph with this key, in page order (a
        page may print a paragraph twice: its first lines as a teaser above, then in the body)."""
        return (holder for _, holder in self.located(key))

    def located(self, key: str) -> Iterator[tuple[int, HtmlElement]]:
        """`holders`, each with the number of its text node in page order."""
        return ((at, holder) for _, at, holder in self._found(key))

    def _found(self, key: str) -> Iterator[tuple[int, int, HtmlElement]]:
        """`located`, each with the offset in the joined text where the paragraph opens."""
        if not self._read:
            self._read_page()
        probe = " ".join(key.split()[:_PROBE_WORDS])
        found = self.joined.find(probe) if probe else -1
        while found >= 0:
            at = max(bisect.bisect_right(self.starts, found) - 1, 0)
            holder = _holder(self.nodes[at])
            if holder is not None:
                yield found, at, holder
            found = self.joined.find(probe, found + 1)

    def link_texts(self) -> frozenset[str]:
        """The keys of every link's text that leads to another page: a menu entry, a story's
        headline. A paragraph that is all of one is no article's."""
        if self._link_texts is None:
            self._link_texts = frozenset(
                squash(link.text_content()) for link in self._tree.iter("a") if _story_href(link)
            )
        return self._link_texts

    def footer_at(self) -> int:
        """The number of the first text node of the site's footer read by its grammar (a
        masthead line and another footer line in one small box, `[site_chrome]` of
        data/body.toml), or past the last node when the page prints none."""
        if self._footer_at is None:
            if not self._read:
                self._read_page()
            self._footer_at = self._find_footer()
        return self._footer_at

    def _find_footer(self) -> int:
        after = self._headline_node() if _MASTHEAD_HINT.search(self.joined) else 0
        for match in _MASTHEAD_HINT.finditer(self.joined):
            at = max(bisect.bisect_right(self.starts, match.start()) - 1, 0)
            holder = _holder(self.nodes[at])
            if at > after and holder is not None and _is_line(self.nodes[at], _MASTHEAD):
                box = self._footer_box(holder)
                if box is not None:
                    while at > 0 and _inside(_holder(self.nodes[at - 1]), box):
                        at -= 1
                    return at
        return len(self.nodes)

    def _headline_node(self) -> int:
        """The number of the headline's first text node (-1 without a headline): a footer is
        printed after the headline, never above it (a licence line in a top bar is no footer)."""
        if self._headline is None:
            return -1
        inside = set(self._headline.iter())
        return next((at for at, node in enumerate(self.nodes) if _holder(node) in inside), -1)

    def _footer_box(self, holder: HtmlElement) -> HtmlElement | None:
        """The widest box around a masthead line that stays small and holds neither the headline
        nor an <article>, when it holds another footer line; None when there is none. (A wider box
        holds every line a narrower one does: the smallest box with two lines widens to this one.)"""
        box = widest_box(holder, holding_boxes([self._headline]), _fits_footer)
        if box is holder:
            return None
        texts = box.xpath(".//text()[normalize-space()]")
        return box if sum(_is_line(node, _FOOTER_LINE) for node in texts) >= 2 else None


def _holder(node: str) -> HtmlElement | None:
    """The element whose text (or tail, then its parent) the text node is."""
    holder = node.getparent()  # type: ignore[attr-defined]
    if node.is_tail and holder is not None:  # type: ignore[attr-defined]
        holder = holder.getparent()
    return holder


def _common_prefix(text: str, start: int, key: str) -> int:
    """How many characters of `key` the text repeats from `start`."""
    length = 0
    for ours, theirs in zip(text[start : start + len(key)], key, strict=False):
        if ours != theirs:
            break
        length += 1
    return length


def _inside(element: HtmlElement | None, box: HtmlElement) -> bool:
    return element is not None and (element is box or any(a is box for a in element.iterancestors()))


def _fits_footer(box: HtmlElement) -> bool:
    """Small enough for a site footer, and no story: a footer holds no <article>."""
    return (
        len(box.text_content().split()) <= _FOOTER_MAX_WORDS
        and box.tag != "article"
        and box.find(".//article") is None
    )


def _is_line(node: str, grammar: re.Pattern[str]) -> bool:
    """A short text node that reads as one of the footer's lines."""
    text = node.strip()
    return len(text.split()) <= _FOOTER_LINE_WORDS and grammar.search(folded(text)) is not None


def listing_evidence(
    tree: HtmlElement,
    paragraphs: Sequence[str],
    *,
    headline: HtmlElement | None = None,
    cards: Sequence[HtmlElement] = (),
    index: PageIndex | None = None,
    url: str = "",
    og_type: str | None = None,
) -> str | None:
    """Why the kept paragraphs are not an article ("18 of 21 paragraphs …"), or None when they
    read as one. `headline`: the element on the page that shows the chosen headline, if any;
    `cards`: the other stories' teaser cards found on the page (removed or not) and `index` the
    page's element order from before they were removed; `url`: the address the page was fetched
    at (not its canonical one, which a template may copy from another page); `og_type`: the type
    the page declares (og:type), if any."""
    page = _PageText(tree, headline)
    # At a story's own address, the other stories' summaries kept with its text are its boxes.
    story = _story_address(url)
    if (
        len(paragraphs) >= _MIN_CARD_PARAGRAPHS
        and not story
        and not _dated_by_headline(page, paragraphs, headline, index)
        and not _opens_with_story(page, paragraphs, headline, index)
        and (evidence := _teaser_evidence(page, paragraphs))
    ):
        return evidence
    # A wall (consent, paywall) or a "page not found" over suggested stories is served at the
    # story's address too: there, only a page that declares itself a story (og:type article or
    # video) has its cards ("Video khác" under a video's one paragraph) read as its boxes.
    if headline is not None:
        evidence = (
            None
            if story and (og_type or "").startswith(_STORY_TYPES)
            else _intro_over_cards_evidence(page, paragraphs, headline, cards, index)
        )
    else:
        evidence = _unprinted_headline_evidence(tree, paragraphs) or _below_the_stories_evidence(
            page, paragraphs
        )
    return evidence or _site_chrome_evidence(page, paragraphs, headline_printed=headline is not None)


def _story_address(url: str) -> bool:
    """The address carries a publication day and goes on to a named page, as CMSs address a
    story ("/2021/08/15/ten-bai.html", "ten-bai-20221224093000123.htm"): the summaries kept with its
    text are its related boxes. A day's archive ends at the day ("/2021/08/15/", "/page/2/")."""
    if not url or date_from_url(url) is None:
        return False
    path = urlsplit(url).path.rstrip("/")
    return _SLUG.search(path.rsplit("/", 1)[-1]) is not None


def _intro_over_cards_evidence(
    page: _PageText,
    paragraphs: Sequence[str],
    headline: HtmlElement,
    cards: Sequence[HtmlElement],
    index: PageIndex | None,
) -> str | None:
    """The printed headline names a page of stories (an author, a tag, a "Chuyên đề" hub), not a
    story: after the kept text, in the container that holds it and the headline (or up to two
    levels above: a header box may hold both), the page lists eight or more other stories' cards
    (found, and taken out, as teasers) against which the kept text is small (the unprinted-headline
    rule's five words per story), and nothing between the container's start and the kept text
    prints a date. An article prints its date by its headline, and outweighs
    the related box under it; an author's bio or a hub's introduction does neither. Three
    paragraphs of prose or more are a story's, dated or not (session 17: an undated story over a
    grid of the site's latest stories); an introduction is a paragraph or two."""
    words = sum(_words(paragraph) for paragraph in paragraphs)
    if index is None or len(cards) < _MIN_OWN_CARDS or words > _WORDS_PER_HEADLINE_LINK * len(cards):
        return None
    if sum(_words(paragraph) >= _PROSE_WORDS for paragraph in paragraphs) >= _STORY_PARAGRAPHS:
        return None  # connected prose: an undated story over a "Tin mới nhất" grid, not an introduction
    holder = page.holder(squash(paragraphs[0]))
    if holder is None:
        return None
    around = {id(el) for el in ancestors(holder)}
    root = next((el for el in [headline, *ancestors(headline)] if id(el) in around), None)
    if root is None or root.tag in ("body", "html"):
        return None
    root = _own_box(root)  # the headline and the introduction may share a header box above the list
    start, after, end = index.of(root), index.of(holder), _end_of(root, index)
    inside = [card for card in cards if after < index.of(card) < end]
    if len(inside) < _MIN_OWN_CARDS or words > _WORDS_PER_HEADLINE_LINK * len(inside):
        return None
    for element in index.elements[start : max(index.of(holder), start)]:
        for text in (element.text, element.tail):
            if text and len(text) <= _DATE_LINE_CHARS and looks_like_date(text):
                return None
    return (
        f"its headline heads a list of {len(inside)} other stories and no date, and the {words} "
        "words kept are its introduction"
    )


def _dated_by_headline(
    page: _PageText, paragraphs: Sequence[str], headline: HtmlElement | None, index: PageIndex | None
) -> bool:
    """The page prints a date by its headline, with no other story's headline link between, and the
    kept text opens with a paragraph of its own (not a card's summary): a story's date line, so the
    summaries kept under it are its related boxes, not the page. The date is printed after the
    headline and before the kept text ("Thứ tư, 14/05/2025 08:30"), or just above the headline in
    the headline's own box (2012 layouts print "Thứ tư, 14/03/2012, 09:20" over the h1; a related
    box may then stand between the headline and the story). A listing's first date is its first
    card's, after that card's headline link, or the page's clock over its first card; a headline
    that is itself a link names another page's story."""
    if (
        headline is None
        or index is None
        or headline.tag == "a"
        or any(a.tag == "a" for a in ancestors(headline))
    ):
        return False
    key = squash(paragraphs[0])
    holder = page.holder(key)
    start = index.of(headline) + sum(1 for _ in headline.iterdescendants())
    end = -1 if holder is None else index.of(holder)
    if holder is None or start < 0 or end <= start or _card_link(holder, key, _words(key), {}) is not None:
        return False  # the text kept opens with a card's summary: the date is the page's clock or a card's
    if _dated_above(headline, index):
        return True
    for element in index.elements[start + 1 : end]:
        if _is_story_link(element):
            return False
        if _prints_date(element):
            return True
    return False


def _opens_with_story(
    page: _PageText, paragraphs: Sequence[str], headline: HtmlElement | None, index: PageIndex | None
) -> bool:
    """The kept text opens, below the printed headline, with three paragraphs of prose that sit in
    no card: a story's own text, dated or not (session 17: an undated story over a grid of the
    site's latest stories), and the summaries kept after it are its boxes. A listing opens with a
    card's summary; a hub or an author page with an introduction of a paragraph or two."""
    opening = paragraphs[:_STORY_PARAGRAPHS]
    if (
        headline is None
        or index is None
        or headline.tag == "a"
        or any(a.tag == "a" for a in ancestors(headline))
        or len(opening) < _STORY_PARAGRAPHS
        or any(_words(paragraph) < _PROSE_WORDS for paragraph in opening)
    ):
        return False
    box_words: dict[HtmlElement, int] = {}
    after = index.of(headline)
    for paragraph in opening:
        key = squash(paragraph)
        holder = page.holder(key)
        if (
            holder is None
            or index.of(holder) <= after
            or _card_link(holder, key, _words(key), box_words) is not None
        ):
            return False
    return True


def _own_box(element: HtmlElement) -> HtmlElement:
    """The box `_OWN_LIST_LEVELS` levels above the element, or the highest below <body>: a story's
    headline, its date and its introduction share a header box or two, whatever their classes."""
    box = element
    for _ in range(_OWN_LIST_LEVELS):
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        box = parent
    return box


def _dated_above(headline: HtmlElement, index: PageIndex) -> bool:
    """A date printed above the headline inside its nearest boxes (up to `_OWN_LIST_LEVELS` levels
    up), the nearest first, with no story link between it and the headline."""
    box = _own_box(headline)
    inside = set(ancestors(headline))
    for element in reversed(index.elements[index.of(box) : index.of(headline)]):
        if _is_story_link(element) or any(a.tag == "a" for a in ancestors(element) if a not in inside):
            return False
        if _prints_date(element, tail=element not in inside):
            return True
    return False


def _is_story_link(element: HtmlElement) -> bool:
    return (
        element.tag == "a"
        and bool(_story_href(element))
        and len(element.text_content().split()) >= _STORY_LINK_WORDS
    )


def _prints_date(element: HtmlElement, *, tail: bool = True) -> bool:
    """The element's own text (or its tail) is a short date line; the markup's indentation and line
    breaks are no part of its length."""
    for text in (element.text, element.tail if tail else None):
        if text and len(text := " ".join(text.split())) <= _DATE_LINE_CHARS and looks_like_date(text):
            return True
    return False


def _end_of(element: HtmlElement, index: PageIndex) -> int:
    """Document position just past the element: that of the next element outside it that is still
    on the page (past the end when none)."""
    for node in [element, *ancestors(element)]:
        following = next_element(node)
        if following is not None and index.of(following) >= 0:
            return index.of(following)
    return len(index.elements) + 1


def _unprinted_headline_evidence(tree: HtmlElement, paragraphs: Sequence[str]) -> str | None:
    """Nothing on the page prints the headline (the title is the section's or the site's) and the
    page links to many other stories' headlines, against which the kept text is small: a home or
    section page, its stories laid out where the body extractor kept only a stray box (or the
    headlines themselves, which are no article's text)."""
    hrefs = set()
    headlines = set()
    for link in tree.iter("a"):
        href = _story_href(link)
        if href and len((text := squash(link.text_content())).split()) >= _HEADLINE_LINK_WORDS:
            hrefs.add(href)
            headlines.add(text)
    words = sum(_words(paragraph) for paragraph in paragraphs if squash(paragraph) not in headlines)
    if len(hrefs) >= _MIN_HEADLINE_LINKS and words < _WORDS_PER_HEADLINE_LINK * len(hrefs):
        return (
            f"nothing on the page prints its headline, and it links to {len(hrefs)} other stories' "
            f"headlines against {words} words kept"
        )
    return None


def _below_the_stories_evidence(page: _PageText, paragraphs: Sequence[str]) -> str | None:
    """Nothing on the page prints the headline and all the kept text sits below the page's
    stories: ≥ 20 links to other stories (of a card's headline length) above it, hardly any
    below. That is a home page's bottom (the site's self-description, its footer) where the
    body extractor found no article; an article whose headline went unfound still has its
    sidebar's and related stories' links below its text."""
    holders = [holder for paragraph in paragraphs for _, holder in page.located(squash(paragraph))]
    body = page.body()
    if not holders or body is None:
        return None
    order = {element: n for n, element in enumerate(body.iter())}
    start = min(order.get(holder, 0) for holder in holders)
    above: set[str] = set()
    below: set[str] = set()
    for link in body.iter("a"):
        href = _story_href(link)
        if href and len(link.text_content().split()) >= _STORY_LINK_WORDS:
            (above if order[link] < start else below).add(href)
    if len(above) >= _MIN_HEADLINE_LINKS and len(below) * _BELOW_SHARE <= len(above):
        return (
            f"nothing on the page prints its headline, and the text kept sits below its links to "
            f"{len(above)} other stories"
        )
    return None


def _in_site_chrome(holder: HtmlElement) -> bool:
    """In a landmark or a box classed as furniture, and not in an <article>. The page's own
    <body>/<html> classes describe the whole page ("has-mega-menu", "footer-style-2") and say
    nothing about where a text sits. A text in an <article> is an article's, wherever the template
    put it (a regional paper's story pages hold theirs in `<main><aside>`); a page made of other
    stories' articles is the teaser reason's to judge."""
    chain = [holder, *ancestors(holder)]
    if any(el.tag == "article" for el in chain):
        return False
    boxes = (el for el in chain if el.tag not in ("body", "html"))
    return in_chrome(holder) or any(words_of(el) & _SITE_CHROME_WORDS for el in boxes)


def _site_chrome_evidence(
    page: _PageText, paragraphs: Sequence[str], *, headline_printed: bool
) -> str | None:
    """Most of the kept text is the site's own furniture (footer, menus, login forms). Longest
    paragraphs first: an article's are not furniture, and the answer is known after a few.

    Furniture known only by its structure (no class word or landmark says so) makes a listing
    only when nothing else kept is a paragraph of prose: a short article on a page whose footer
    and pop-ups the body extractor kept as well is still an article. Read by structure: the
    footer's grammar and what follows it; a paragraph that is all of a link's text (a menu entry,
    another story's headline: a page whose paragraphs are divs keeps its menus and headline
    lists); a teaser's summary kept with its own headline. On a page that prints no headline, a
    teaser's summary whose headline was not kept is no article's prose either, and weighs nothing
    in the share: a page of furniture and one stray teaser is no article (a short article's
    paragraph beside a related link is judged by its headline and the rest of what was kept)."""
    total = sum(_words(paragraph) for paragraph in paragraphs)
    other_budget = (1 - _SITE_CHROME_SHARE) * total
    chrome = other = teasers = count = 0
    by_structure = prose = False
    box_words: dict[HtmlElement, int] = {}
    kept = frozenset(squash(paragraph) for paragraph in paragraphs)
    for paragraph in sorted(paragraphs, key=_words, reverse=True):
        words = _words(paragraph)
        key = squash(paragraph)
        located = list(page.located(key))
        classed = bool(located) and all(_in_site_chrome(holder) for _, holder in located)
        reading = "" if classed or not located else _structure(page, key, words, located, kept, box_words)
        if classed or reading == _FURNITURE:
            chrome += words
            count += 1
            by_structure = by_structure or not classed
        elif reading == _STRAY_TEASER and not headline_printed:
            teasers += words
        else:
            other += words
            prose = prose or words >= _PROSE_WORDS
            if other > other_budget or (by_structure and prose):
                return None
    rest = total - teasers
    if rest and chrome >= _SITE_CHROME_SHARE * rest and not (by_structure and prose):
        return (
            f"{count} of the {len(paragraphs)} paragraphs kept are the site's footer, menus or forms, "
            "or other stories' headlines and summaries, and nothing else reads as an article"
        )
    return None


_FURNITURE = "furniture"
_STRAY_TEASER = "stray teaser"


def _structure(
    page: _PageText,
    key: str,
    words: int,
    located: list[tuple[int, HtmlElement]],
    kept: frozenset[str],
    box_words: dict[HtmlElement, int],
) -> str:
    """What a kept paragraph is by the page's structure when no class word or landmark says:
    furniture (in or after the footer read by its grammar; all of a link's text; a teaser's
    summary kept with its own headline), a stray teaser (a summary beside another story's
    headline, which was not kept), or "" (maybe an article's). A headline is words: a link that
    prints its URL is an article's citation."""
    if all(at >= page.footer_at() or _in_site_chrome(h) for at, h in located) or key in page.link_texts():
        return _FURNITURE
    holder = page.holder(key)
    link = None if holder is None else _card_link(holder, key, words, box_words)
    if link is None or len(link.text_content().split()) < _STORY_LINK_WORDS:
        return ""
    return _FURNITURE if squash(link.text_content()) in kept else _STRAY_TEASER


def _teaser_evidence(page: _PageText, paragraphs: Sequence[str]) -> str | None:
    """Most of the kept text is summaries in small boxes beside other stories' headline links."""
    keys_of = [squash(paragraph) for paragraph in paragraphs]
    total_words = sum(_words(key) for key in keys_of)
    # Words that cannot be a card's: paragraphs longer than any teaser summary and its headline.
    budget = (1 - _LISTING_SHARE) * max(total_words, 1)
    if sum(n for key in keys_of if (n := _words(key)) > _CARD_MAX_PARAGRAPH_WORDS) > budget:
        return None  # most of the text is long paragraphs: an article, found without a page walk
    box_words: dict[HtmlElement, int] = {}
    card_words = cards = other_words = 0
    stories: set[str] = set()
    for key in keys_of:
        words = _words(key)
        if other_words > budget:
            return None  # the rest cannot make the text a listing any more
        holder = page.holder(key)
        if holder is None:
            other_words += words
            continue
        link = _card_link(holder, key, words, box_words)
        if link is not None:
            href = _story_href(link)
            cards += 1
            card_words += words
            stories.add(href)
        else:
            other_words += words
    if (
        cards >= _MIN_CARD_PARAGRAPHS
        and len(stories) >= _MIN_CARD_PARAGRAPHS
        and card_words >= _LISTING_SHARE * max(total_words, 1)
    ):
        return (
            f"{cards} of the {len(paragraphs)} paragraphs kept are summaries beside links to "
            f"{len(stories)} other stories"
        )
    return None


def furniture_keys(
    tree: HtmlElement, paragraphs: Sequence[str], headline: HtmlElement | None = None
) -> frozenset[str]:
    """The keys (squashed) of the kept paragraphs that are the site's furniture, as the site-chrome
    reason reads them: in a landmark or a box classed as furniture, in or after the footer read by
    its grammar, all of a link's text, or another story's summary beside its headline link."""
    page = _PageText(tree, headline)
    kept = frozenset(squash(paragraph) for paragraph in paragraphs)
    box_words: dict[HtmlElement, int] = {}
    found = set()
    for paragraph in paragraphs:
        key = squash(paragraph)
        located = list(page.located(key))
        if not located:
            continue
        if all(_in_site_chrome(holder) for _, holder in located) or _structure(
            page, key, _words(paragraph), located, kept, box_words
        ):
            found.add(key)
    return frozenset(found)
