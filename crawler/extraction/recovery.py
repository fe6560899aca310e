"""Text the body extractor skipped inside the article: restored in place; and what it kept after
the article's container: cut.

trafilatura chooses the article's container well when class names tell it where the page's
furniture is; when they say nothing (hashed CSS-module names) it may keep the whole page below
the headline, footer and sidebar included. Blocks the page prints after the element around the
headline that holds most of the kept text are then cut (`_after_article`).

trafilatura also reads its container lossily in places: the first line
of a summary box written as `text<br>text<br>…` (a lead bullet), a paragraph in a sibling block it
scored low, a subhead styled like a caption. Such text sits between the headline and the last
block trafilatura kept, in the page's own order. So the blocks are located in the page's text,
and prose in the gaps between them that no block holds comes back as a block of its own, where
it stands. What comes back still passes every rule of body.py (prompts, bylines, captions …).

What counts as lost prose: outside links, form controls, page chrome and headings' link lists, at least
eight words (three for a heading or a line wholly in bold in a paragraph or list item; two for the
title of a box whose text is the article's), in a block whose text is not mostly links, not a short line
holding a date (the byline bar), not a piece of a kept paragraph, not a teaser summary or a
caption (those were taken out on purpose), and not inside a box classed as furniture (an author
bio, a newsletter form, a sidebar block, a teaser, a meta line) below the article's container. An
`<aside>` inside the article's container without links is the article's own box (a fact box).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence

from lxml.html import HtmlElement

from crawler.extraction.blocks import Block
from crawler.extraction.dates import looks_like_date
from crawler.extraction.dom import (
    BLOCK_TAGS,
    CHROME_LANDMARKS,
    NON_CONTENT_TAGS,
    ancestors,
    in_chrome,
    next_element,
    words_of,
)
from crawler.extraction.keys import squash, squash_many, word_count
from crawler.extraction.tickers import mostly_labelled_values
from crawler.extraction.vocab import load

_SKIP_TAGS = frozenset({"a", "button", "select", "option", "label", "textarea", "input", "h1", "title"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_MIN_WORDS = 8
_MIN_HEADING_WORDS = 3
_MIN_TITLE_WORDS = 2
_MIN_BOX_WORDS = 16  # a box title's box holds at least a sentence or two of the article
_MAX_LINK_SHARE = 0.3
_PROBE_WORDS = 6
_DATE_LINE_WORDS = 15
# A period of time ("từ ngày 12 đến ngày 18/6", "from 12 to 18 June"): what an event's notice says, never a
# page's stamp, which is one moment.
_PERIOD = re.compile(r"\b(?:từ|from|du)\b.*\d.*\b(?:đến|tới|to|until|au)\b.*\d", re.I)
# Class/id words of the boxes templates put beside the body (body.toml `[recovery]`): the
# closing-paragraph search stops at them, and no text inside them is recovered.
_FURNITURE_WORDS = frozenset(load("body")["recovery"]["furniture_words"])


def _unlinked(block: HtmlElement) -> str:
    """The block's folded text without its links' text."""
    return squash(" ".join(block.xpath("(.//text()[not(ancestor::a)])")))


def _block_ancestor(node: HtmlElement) -> HtmlElement:
    element = node
    while (parent := element.getparent()) is not None and element.tag not in BLOCK_TAGS:
        element = parent
    return element


def _skipped(holder: HtmlElement) -> bool:
    return any(
        not isinstance(node.tag, str) or node.tag in _SKIP_TAGS or node.tag in NON_CONTENT_TAGS
        for node in [holder, *ancestors(holder)]
    )


def _inline_link(holder: HtmlElement, block: HtmlElement) -> bool:
    """Text of an `<a href>` set inline in `block`, a line that is not mostly links, with no
    other skipped tag (a button, a form label) between it and the block."""
    chain = [holder, *ancestors(holder)]
    if block not in chain:
        return False
    inline = chain[: chain.index(block)]
    return (
        any(node.tag == "a" and node.get("href") for node in inline)
        and all(node.tag not in BLOCK_TAGS for node in inline)
        and not _skipped(block)
        and not any(node.tag in _SKIP_TAGS and node.tag != "a" for node in inline)
    )


def _link_share(block: HtmlElement) -> float:
    total = len(" ".join(block.text_content().split()))
    if not total:
        return 0.0
    return sum(len(" ".join(a.text_content().split())) for a in block.iter("a")) / total


def recover_lost_text(
    tree: HtmlElement,
    blocks: Sequence[Block],
    headline: HtmlElement | None,
    exclude: Collection[str] = (),
) -> list[Block]:
    """The blocks, without those printed after the article's container, with the prose
    trafilatura skipped between the headline and the last block put back in place. `exclude`
    holds folded texts taken out or placed on purpose (teasers, captions, the lead)."""
    if not blocks:
        return list(blocks)
    body = tree.find("body")
    if body is None:
        return list(blocks)
    # Only text after the headline can be lost article text: the text nodes following it (its
    # own text excluded) when it is in the body and prints something, else the whole body's.
    after_headline = (
        headline is not None
        and body in ancestors(headline)
        and any(piece.strip() for piece in headline.itertext())
    )
    # Blank text nodes are kept here: they tell where the page prints a space between two pieces.
    source = (
        headline.xpath("following::text()")  # type: ignore[union-attr]
        if after_headline
        else body.xpath(".//text()")
    )
    nodes = [node for node in source if node.strip()]
    # Whether the page prints a space before each node: inline pieces of one word ("m<span>ột")
    # join without one; a blank node between two pieces (an "&nbsp;" span) is a space.
    spaced = _spaced(source)
    keys = squash_many([str(node) for node in nodes])
    starts: list[int] = []
    joined_parts: list[str] = []
    offset = 0
    for key in keys:
        starts.append(offset)
        if key:  # a separator between links (" - ", "|") squashes to nothing: no gap in the probe text
            joined_parts.append(key)
            offset += len(key) + 1
    joined = " ".join(joined_parts)

    def node_at(position: int) -> int:
        return max(bisect.bisect_right(starts, position) - 1, 0)

    # Where each block starts in the page, in order; blocks not found (a lead put in front) are skipped.
    # A block saying the headline itself is skipped when the next block comes first: the search
    # starts after the headline, so the copy it finds may be a link far below (a comment's "Re: …",
    # a related box), and every block before it would be skipped, the whole page between them
    # read as lost text.
    headline_key = squash(headline.text_content()) if after_headline and headline is not None else ""
    located: list[tuple[int, int]] = []  # (block index, node index)
    cursor = 0
    for index, block in enumerate(blocks):
        probe = " ".join(block.key.split()[:_PROBE_WORDS])
        if not probe:
            continue
        found = joined.find(probe, cursor)
        if found < 0 or (
            headline_key
            and block.key == headline_key
            and _passes_next(joined, found, cursor, blocks[index + 1 :])
        ):
            continue
        located.append((index, node_at(found)))
        cursor = found + len(probe)
    if not located:
        return list(blocks)
    holders = [(index, _holder(nodes[node])) for index, node in located]
    sidebar_only = _sidebar_only(holders, headline) and _mostly_located(blocks, located)
    if cut := _after_article(blocks, holders, headline):
        blocks = [block for index, block in enumerate(blocks) if index not in cut]
        located = [(index - sum(c < index for c in cut), node) for index, node in located if index not in cut]
        if not located:
            return list(blocks)
    covered = " ".join(block.key for block in blocks)
    kept = frozenset(squash(line) for block in blocks for line in block.text.split("\n"))
    skip = set(exclude)
    inserts: dict[int, list[Block]] = {}
    bounds = [(-1, 0), *located]
    gaps = [
        (previous_block, [i for i in range(start, end) if not _kept(keys[i], nodes[i], covered, kept)])
        for (previous_block, start), (_, end) in zip(bounds, bounds[1:], strict=False)
    ]
    container = _common_container(nodes, located)
    outer = _outer(container, headline)
    last_line = blocks[located[-1][0]].text.split("\n")[-1]
    if len(last_line.split()) >= _MIN_WORDS:  # a short last line (a signature) ends the article
        gaps.append((located[-1][0], _closing_gap(nodes, keys, covered, located)))
    lost = [
        (previous_block, text, holder, kind)
        for previous_block, gap in gaps
        for text, holder, kind in _lines(nodes, gap, spaced, container)
        if _lost(text, holder, covered, skip, outer) and not _kept(squash(text), holder, covered, kept)
    ]
    if any(kind == "item" for _, _, _, kind in lost):  # a ticker above the story is no list of its own
        early = _before_prose(nodes)
        lost = [
            (previous_block, text, holder, kind)
            for previous_block, text, holder, kind in lost
            if kind != "item" or holder not in early or not _data_strip(holder)
        ]
    # a short line counts only as the title of a box inside the article whose text is kept
    known = " ".join([covered, *(squash(text) for _, text, _, kind in lost if kind not in _SHORT)])
    for previous_block, text, holder, kind in lost:
        titled = kind in _SHORT and _titles_kept_box(holder, container, known)
        if kind in _SHORT and not titled and (kind == "short" or not _heads_known(holder, known)):
            continue
        inserts.setdefault(previous_block, []).append(
            Block("head" if holder.tag in _HEADINGS else "p", text, bold=kind == "bold")
        )
    if not inserts:
        return list(blocks)
    out: list[Block] = list(inserts.get(-1, []))
    if sidebar_only and sum(len(block.text.split()) for block in out) >= _CONTINUATION_WORDS:
        return out  # the body extractor chose a sidebar; the article is the prose under the headline
    for index, block in enumerate(blocks):
        out.append(block)
        out.extend(inserts.get(index, []))
    return out


def _passes_next(joined: str, found: int, cursor: int, following: Sequence[Block]) -> bool:
    """Whether the next block with text is printed before `found`."""
    for block in following:
        if probe := " ".join(block.key.split()[:_PROBE_WORDS]):
            after = joined.find(probe, cursor)
            return 0 <= after < found
    return False


_ARTICLE_SHARE = 0.5
_CONTINUATION_WORDS = 40
_SENTENCE_END = (".", "!", "?", "…", '"', "”", ")")


def _after_article(
    blocks: Sequence[Block], holders: Sequence[tuple[int, HtmlElement | None]], headline: HtmlElement | None
) -> set[int]:
    """Indices of kept blocks the page prints after the article's container: its footer, a sidebar
    column, the comment prompt below it.

    The article's container is the smallest element around the headline that holds most of
    the kept words found after it. The body extractor keeps a single container when class names
    tell it what the page's furniture is; when they say nothing (hashed CSS-module names), it may
    keep the whole page, footer and sidebar calendar included. Nothing is cut when that container
    is the page itself, or when a block after it is a long prose paragraph (an article continued
    in a box of its own after an advert).

    Blocks in a sidebar or footer landmark (`<aside>`, `<footer>` … outside an `<article>`) weigh
    nothing in that choice and never continue the article: a sidebar's text widget (a party's
    sixteen-point programme) may outweigh a short story, which would widen the container to the
    whole column."""
    if headline is None:
        return set()
    chains = {index: {holder, *ancestors(holder)} for index, holder in holders if holder is not None}
    landmarked = {index for index, holder in holders if holder is not None and _in_landmark(holder)}
    words = {index: 0 if index in landmarked else len(blocks[index].text.split()) for index, _ in holders}
    total = sum(words.values())
    if not total:
        return set()
    container = None
    for candidate in ancestors(headline):
        if candidate.tag in ("body", "html", "form"):
            return set()
        inside = sum(words[index] for index, chain in chains.items() if candidate in chain)
        if inside >= _ARTICLE_SHARE * total:
            container = candidate
            break
    if container is None:
        return set()
    after = {index for index, chain in chains.items() if container not in chain}
    if any(_continues(blocks[index].text) for index in after - landmarked):
        return set()
    return after


def _sidebar_only(holders: Sequence[tuple[int, HtmlElement | None]], headline: HtmlElement | None) -> bool:
    """Every kept block is in a sidebar, header or footer landmark, and the headline is not: the
    body extractor took a sidebar's long text widget for the article (a short story beside a
    party's programme on a page whose class names say nothing). The prose recovered between the
    headline and that widget is then the article."""
    return (
        headline is not None
        and not in_chrome(headline, sectioned=True)
        and all(holder is not None and _in_landmark(holder) for _, holder in holders)
    )


def _mostly_located(blocks: Sequence[Block], located: Sequence[tuple[int, int]]) -> bool:
    """Whether the blocks found in the page after the headline hold at least half of the kept
    words. Blocks are found in order; a block whose words the page prints again near its end
    (a network menu's template after the footer) moves the search past the others, which are
    then not found at all, and where they stand is not known: the kept text is then not judged
    to be a sidebar's."""
    total = sum(len(block.text.split()) for block in blocks)
    found = sum(len(blocks[index].text.split()) for index, _ in located)
    return found >= _ARTICLE_SHARE * total


def _in_landmark(holder: HtmlElement) -> bool:
    """In the page's sidebar, header, navigation or footer by landmark, and not in an <article>
    (a regional paper prints its story in `<main><aside><section><article>`)."""
    return in_chrome(holder) and not any(node.tag == "article" for node in ancestors(holder))


def _continues(text: str) -> bool:
    """A paragraph of prose long enough to be the article's own, not a footer or sidebar line."""
    return len(text.split()) >= _CONTINUATION_WORDS and text.rstrip().endswith(_SENTENCE_END)


def _holder(node: object) -> HtmlElement | None:
    holder = node.getparent()  # type: ignore[attr-defined]
    if holder is not None and node.is_tail:  # type: ignore[attr-defined]
        holder = holder.getparent()
    return holder


_BOX_LINK_SHARE = 0.5


def _heads_link_box(heading: HtmlElement) -> bool:
    """The next element after the heading (or after its own small header block) is mostly links."""
    for element in (heading, heading.getparent()):
        if element is None:
            return False
        following = next_element(element)
        if following is not None:
            return _link_share(following) > _BOX_LINK_SHARE
    return False


def _common_container(nodes: list, located: list[tuple[int, int]]) -> HtmlElement | None:
    """The smallest element holding the first and the last kept block: the article's container."""
    first, last = _holder(nodes[located[0][1]]), _holder(nodes[located[-1][1]])
    if first is None or last is None:
        return None
    return next((a for a in [first, *ancestors(first)] if a is last or a in ancestors(last)), None)


def _in_furniture(holder: HtmlElement, outer: Collection[HtmlElement]) -> bool:
    """Whether an element between the holder and the article's container is classed as furniture.
    `outer`: the container, and the elements holding it or the headline (page wrappers classed
    "has-sidebar", an article header classed "author-head"), which do not count."""
    return any(words_of(el) & _FURNITURE_WORDS for el in [holder, *ancestors(holder)] if el not in outer)


def _outer(container: HtmlElement | None, headline: HtmlElement | None) -> set[HtmlElement]:
    outer: set[HtmlElement] = set()
    for element in (container, headline):
        if element is not None:
            outer.add(element)
            outer.update(ancestors(element))
    return outer


def _closing_gap(nodes: list, keys: list[str], covered: str, located: list[tuple[int, int]]) -> list[int]:
    """Text after the last kept block that still belongs to the article: a closing paragraph in a
    container of its own next to the body's (after a picture box, an embedded player, a page
    break). Only inside the container one level above the kept blocks' common container, and only
    up to the first thing that ends an article: a heading, a block that is mostly links (a related
    box, "Xem thêm: …"), page chrome, or the edge of that container. Not looked for when the
    last kept block ends in a short line: a signature or a source has closed the article."""
    first, last = _holder(nodes[located[0][1]]), _holder(nodes[located[-1][1]])
    if first is None or last is None:
        return []
    common = next((a for a in [first, *ancestors(first)] if a is last or a in ancestors(last)), None)
    scope = common.getparent() if common is not None else None
    if scope is None or scope.tag in ("body", "html", "form"):
        return []
    gap: list[int] = []
    for index in range(located[-1][1] + 1, len(nodes)):
        if keys[index] in covered:
            continue  # the last block's own text
        holder = _holder(nodes[index])
        if holder is None or not (holder is scope or scope in ancestors(holder)):
            break
        chain = [holder, *ancestors(holder)]
        inside = chain[: chain.index(scope)] if scope in chain else chain
        if any(el.tag in _HEADINGS or el.tag == "h1" for el in chain) or _in_chrome(holder, common):
            break  # an h1 after the body titles something else: a pop-up form, another page section
        if any(words_of(el) & _FURNITURE_WORDS for el in inside):
            break  # an author's bio, a newsletter form, a share bar: furniture beside the body
        if _link_share(_block_ancestor(holder)) > _MAX_LINK_SHARE:
            break
        gap.append(index)
    return gap


def _kept(key: str, node: object, covered: str, kept_lines: Collection[str]) -> bool:
    """Whether the kept blocks hold this text. A short heading or list item ("Cách làm", "2 quả
    trứng") that a kept sentence merely contains is kept only when a kept line says it whole."""
    if key not in covered:
        return False
    holder = node if isinstance(node, HtmlElement) else _holder(node)
    if holder is None or word_count(key) >= _MIN_WORDS:
        return True
    block = _block_ancestor(holder)
    return block.tag not in _HEADINGS and block.tag != "li" or squash(block.text_content()) in kept_lines


def _lost(
    text: str, holder: HtmlElement, covered: str, skip: Collection[str], outer: Collection[HtmlElement]
) -> bool:
    """Whether a line of a gap is lost article text, not something taken out or placed on purpose
    (whether the kept blocks hold it: `_kept`)."""
    key = squash(text)
    whole = squash(holder.text_content())
    if key in skip or whole in skip:
        return False  # taken out (or placed) on purpose
    if whole != key and (whole in covered or ((unlinked := _unlinked(holder)) and unlinked in covered)):
        # a piece of a kept paragraph split by a link, or kept without the link that closed it (a
        # digest item's "Xem chi tiết")
        return False
    if len(text.split()) <= _DATE_LINE_WORDS and looks_like_date(text) and not _PERIOD.search(text):
        return False  # the byline bar ("Published on 05-14-2013 09:30 PM Số lần xem: 412")
    if _in_furniture(holder, outer):
        return False  # an author box, a newsletter form, a sidebar block between kept blocks
    if not text.rstrip().endswith(_SENTENCE_END) and _in_card_run(holder):
        return False  # a headline of a carousel's or a playlist's card, not a subhead
    # "More ways to …" over a list of links: the box's heading, not a subhead
    return not (holder.tag in _HEADINGS and _heads_link_box(holder))


_CARD_LEVELS = 6  # how far above a line its card may begin (picture, headline, duration, source …)
_MIN_CARDS = 3


def _in_card_run(holder: HtmlElement) -> bool:
    """The line sits in a card of a run: an element with a picture among at least three siblings
    of its tag and class (a video playlist, a carousel of other stories). Trafilatura drops such
    runs; their headlines are no lost prose, whatever the language or the class words. A run of
    paragraphs shares tag and class too, but holds no picture in each."""
    for element in [holder, *ancestors(holder)][:_CARD_LEVELS]:
        parent, name = element.getparent(), element.get("class")
        if parent is None or not name:
            continue
        run = [sibling for sibling in parent if sibling.tag == element.tag and sibling.get("class") == name]
        if len(run) >= _MIN_CARDS and all(next(card.iter("img"), None) is not None for card in run):
            return True
    return False


_SHORT = frozenset({"short", "subhead"})  # lines kept only over text that is the article's
_MIN_LIST_ITEMS = 3


def _in_plain_list(item: HtmlElement) -> bool:
    """A list item of a list of at least three items that links nowhere and holds a sentence's worth
    of words: a recipe's ingredients, a review's pros and cons, a press release's practical details.
    Its short items are the article's, as a paragraph would be (a menu or a share bar links)."""
    if item.tag != "li":
        return False
    box = item.getparent()
    if box is None or box.tag not in ("ul", "ol"):
        return False
    items = [child for child in box if child.tag == "li"]
    return (
        len(items) >= _MIN_LIST_ITEMS
        and not any(link.get("href") for link in box.iter("a"))
        and word_count(box.text_content()) >= _MIN_WORDS
    )


def _before_prose(nodes: list) -> set[HtmlElement]:
    """The blocks printed after the headline and before its story's first sentence (a text of
    `_MIN_WORDS` words or more, not a link's): the byline bar, the site's strips and tickers."""
    early: set[HtmlElement] = set()
    for node in nodes:
        holder = _holder(node)
        if holder is None:
            continue
        if word_count(str(node)) >= _MIN_WORDS and not _skipped(holder):
            break
        early.add(_block_ancestor(holder))
    return early


def _data_strip(item: HtmlElement) -> bool:
    """The plain list holding `item` is a strip of figures (gold, dollar and fuel prices, the
    weather): nearly every item a label followed by its value ("USD 25.450 đ", "Hà Nội 24-31°C").
    An ingredient opens with its quantity ("400 g gạo nếp") and a pro or con is words; a review's
    spec list has this shape too, so the caller asks it only of a list printed before the story."""
    box = item.getparent()
    if box is None:
        return False
    return mostly_labelled_values([child.text_content().split() for child in box if child.tag == "li"])


def _heads_known(heading: HtmlElement, known: str) -> bool:
    """A short heading or bold line ("Nguyên liệu", "Ưu điểm:") right over an element whose text
    is the article's (kept, or brought back here) is that text's subhead."""
    following = next_element(heading)
    if following is None:
        return False
    key = squash(" ".join(following.itertext()))  # list items print apart
    return word_count(key) >= _MIN_WORDS and " ".join(key.split()[:_PROBE_WORDS]) in known


def _titles_kept_box(holder: HtmlElement, container: HtmlElement | None, known: str) -> bool:
    """A short line opening a box (not the article's container) above text that is the article's
    (kept or brought back) and links nowhere, is that box's title: "Thông tin thêm", "Những con số" over a
    fact box. A title ends no sentence (a reader comment's opening "Thanks for posting this." does).
    Elsewhere a short plain line may be anything (a counter, a button's text)."""
    box = holder.getparent()
    if box is None or container is None or box is container or box in ancestors(container):
        return False  # the article's own container (or above): its first line is no box title
    if (box.text or "").strip() or any(link.get("href") for link in box.iter("a")):
        return False
    rest = [child for child in box if child is not holder and child.text_content().strip()]
    first = next((child for child in box if child.text_content().strip()), None)
    if first is not holder or not rest:
        return False
    text = [squash(child.text_content()) for child in rest]
    return sum(len(t.split()) for t in text) >= _MIN_BOX_WORDS and all(t in known for t in text)


def _bold(holder: HtmlElement, block: HtmlElement) -> bool:
    """Whether text printed in `holder` is bold: a b/strong between it and its block."""
    for element in [holder, *ancestors(holder)]:
        if element is block:
            return False
        if element.tag in ("b", "strong"):
            return True
    return False


def _in_chrome(holder: HtmlElement, container: HtmlElement | None) -> bool:
    """Page chrome by landmark (`dom.in_chrome`), except an `<aside>` set inside the article's own
    container, among its paragraphs: HTML's aside for content about the text around it, which news
    templates use for the story's fact box ("Thông tin thêm", "Bối cảnh") or a timeline. The
    page's sidebar is an aside beside that container, never inside it; an aside that links to
    another page is a card of another story set into the text (the Guardian's "rich link")."""
    if not in_chrome(holder):
        return False
    chain = [holder, *ancestors(holder)]
    if container is None or container not in chain or in_chrome(container):
        return True
    inside = chain[: chain.index(container)]
    return any(
        (node.tag in CHROME_LANDMARKS and node.tag != "aside")
        or node.get("role") in _CHROME_ROLES
        or (node.tag == "aside" and any(link.get("href") for link in node.iter("a")))
        for node in inside
    )


_CHROME_ROLES = frozenset({"banner", "navigation", "contentinfo"})


def _spaced(source: list) -> list[bool]:
    """For each printed (non-blank) text node, whether whitespace separates it from the one
    before: at either edge, or in blank nodes between them."""
    spaced: list[bool] = []
    gap = True
    for node in source:
        text = str(node)
        if not text.strip():
            gap = True
            continue
        spaced.append(gap or text[:1].isspace())
        gap = text[-1:].isspace()
    return spaced


def _joint(current: list[str], piece: str, spaced: bool) -> str:
    """What goes between the line so far and its next piece: nothing inside a word split by an
    inline tag (a letter, then a lower-case letter, nothing printed between), else a space
    (two spans floated apart, "Thứ năm" and "Cao nhất 31°C", print no space in the markup)."""
    if not current:
        return ""
    glued = not spaced and current[-1][-1:].isalpha() and piece[:1].islower()
    return "" if glued else " "


def _lines(
    nodes: list, indices: list[int], spaced: list[bool], container: HtmlElement | None = None
) -> list[tuple[str, HtmlElement, str]]:
    """Lost lines: consecutive text nodes of one block, broken at <br>, that read as prose; the
    pieces are joined as printed (a word split by an inline tag stays one word). `container`: the
    kept blocks' common container, whose own asides are the article's (`_in_chrome`). Each line
    says what it is: "prose", "heading", "bold" (a paragraph or list item's line wholly in bold, a
    short one too), or "short": too short for prose, kept only as a box's title."""
    lines: list[tuple[str, HtmlElement, str]] = []
    current: list[str] = []
    plain: list[bool] = []  # pieces of the line not in bold
    linked: list[str] = []  # the line's link text: its words do not count toward a prose line
    current_block: HtmlElement | None = None
    previous = -2

    def flush() -> None:
        if current and current_block is not None:
            text = " ".join("".join(current).split())
            words = word_count(text) - word_count(" ".join(linked))
            # set apart as a heading is: a subhead, a live blog entry's title, an interview's question
            # or closing thanks, a list item's bold lead-in. A paragraph or item, not any box: a
            # widget's bold prompt sits in a div ("Fanden Sie diesen Artikel nützlich?" over a rating
            # widget, in trafilatura's benchmark with its class names hashed).
            bold = current_block.tag in ("p", "li") and not any(plain)
            if words >= _MIN_WORDS:
                lines.append((text, current_block, "bold" if bold else "prose"))
            elif (bold or current_block.tag in _HEADINGS) and words >= _MIN_HEADING_WORDS:
                lines.append((text, current_block, "bold" if bold else "heading"))
            elif words >= _MIN_TITLE_WORDS and not linked and _in_plain_list(current_block):
                lines.append((text, current_block, "item"))  # an ingredient, a spec, a pro or con
            elif (bold or current_block.tag in _HEADINGS) and words >= _MIN_TITLE_WORDS and not linked:
                lines.append((text, current_block, "subhead"))  # "Nguyên liệu", "Cách làm", "Ưu điểm:"
            elif words >= _MIN_TITLE_WORDS and not linked and not text.endswith(_SENTENCE_END):
                lines.append((text, current_block, "short"))  # a box's title, if the caller finds the box
        current.clear()
        linked.clear()
        plain.clear()

    for index in indices:
        node = nodes[index]
        holder = node.getparent()
        if holder is None:
            continue
        if node.is_tail:
            tail_of = holder
            holder = holder.getparent()
            if holder is None:
                continue
        else:
            tail_of = None
        if current_block is not None and index == previous + 1 and _inline_link(holder, current_block):
            current.append(_joint(current, str(node), spaced[index]) + str(node))
            linked.append(str(node))
            previous = index
            continue  # a link inside a sentence ("… thì một <a>kiểu trang điểm</a> là …") is its words
        if _skipped(holder) or _in_chrome(holder, container):
            flush()
            current_block = None
            previous = index
            continue
        block = _block_ancestor(holder)
        broken = tail_of is not None and tail_of.tag == "br"
        if block is not current_block or index != previous + 1 or broken:
            flush()
            current_block = block
            if _link_share(block) > _MAX_LINK_SHARE:
                current_block = None
        if current_block is not None:
            current.append(_joint(current, str(node), spaced[index]) + str(node))
            plain.append(not _bold(holder, current_block))
        previous = index
    flush()
    return lines
