"""Page chrome removed from the DOM before the body is extracted: captions, tag lists, related boxes.

These are removed by what they ARE on every Vietnamese news site, not by where one site puts them:
- a caption is a <figcaption>, or an element whose class says caption/legend, or a description
  sitting in an image wrapper; its text is kept in `captions`, out of the body;
- a tag list is a block of links labelled "Từ khóa"/"Tags"/"Chủ đề" or classed tag/keyword; its
  link texts become `tags`;
- a related/teaser box is the smallest block of links under a label such as "Tin liên quan" or
  "Có thể bạn quan tâm" (lottery results, stock tickers and car ads live in those boxes).
Removing them here, not only in the text afterwards, also keeps trafilatura from choosing a teaser
box as "the article" on short pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dates import looks_like_date
from crawler.extraction.dom import (
    NON_CONTENT_TAGS,
    PageIndex,
    ancestors,
    attached,
    holding_boxes,
    in_chrome,
    in_image_box,
    is_image_box,
    machine_stamp,
    next_element,
    remove,
    short_raw_text,
    text_of,
    widest_box,
    words_of,
)
from crawler.extraction.image_captions import find_unclassed_captions, is_slide_counter
from crawler.extraction.keys import folded, squash
from crawler.extraction.vocab import load
from crawler.urls import is_web_url, same_site

_CAPTION_MAX_CHARS = 600
_PHOTO_STORY_MIN_CAPTIONS = 3
_PHOTO_STORY_SHARE = 1.0  # caption text at least equal to the other text of their container
_SUMMARY_MIN_WORDS = 12  # a declared description this long is a summary, not a title copied
_VIDEO_CAPTION = re.compile(r"^\s*(?:video|clip)\s*:", re.I)
# Label and class-word vocabularies: crawler/extraction/data/chrome_labels.toml
# (folded label texts, see label_key).
_VOCAB = load("chrome_labels")
_TAG_WORDS = frozenset(_VOCAB["tag_class_words"])
_TAG_LABELS = frozenset(_VOCAB["tag_labels"])
# Labels of teaser feeds that close an article page: after them nothing belongs to the article.
END_LABELS = frozenset(_VOCAB["end_labels"])
# Labels of related-article boxes, inline in the body or beside it, plus the feeds above.
RELATED_LABELS = END_LABELS | frozenset(_VOCAB["related_labels"])
_LABEL_PREFIXES = tuple(f"{prefix} " for prefix in _VOCAB["related_label_prefixes"])
_LABEL_GRAMMAR = re.compile("|".join(f"(?:{entry})" for entry in _VOCAB["related_label_grammar"]))
_LABEL_MAX_CHARS = 60
_PREFIXED_LABEL_MAX_WORDS = 10
_PROSE_WORDS = 12  # a sentence of the article (its own text, not its children's)


def is_related_key(key: str) -> bool:
    """A folded label key naming a related-articles box: exactly, by its opening words, or by the
    grammar of such labels (a wording the lists do not hold)."""
    return (
        key in RELATED_LABELS
        or (key.startswith(_LABEL_PREFIXES) and len(key.split()) <= _PREFIXED_LABEL_MAX_WORDS)
        or _LABEL_GRAMMAR.fullmatch(key) is not None
    )


def label_key(text: str) -> str:
    """Folded label text without decoration: "Tin liên quan:" / "TIN LIÊN QUAN »" → "tin lien quan"."""
    return squash(text)


def _label_of(element: HtmlElement) -> str | None:
    """The label key of a short element (cheap: no full normalisation), or None for long ones."""
    raw = short_raw_text(element, _LABEL_MAX_CHARS)
    if not raw:
        return None
    compact = " ".join(raw.split())
    return label_key(compact) if 0 < len(compact) <= _LABEL_MAX_CHARS else None


def is_related_label(text: str | None) -> bool:
    return text is not None and 0 < len(text) <= _LABEL_MAX_CHARS * 2 and is_related_key(label_key(text))


def is_tag_label(text: str | None) -> bool:
    return text is not None and 0 < len(text) <= _LABEL_MAX_CHARS * 2 and label_key(text) in _TAG_LABELS


@dataclass
class Label:
    element: HtmlElement
    key: str
    comment: bool = False  # a reader-comment box's label, its count left out of the key
    summary: bool = False  # a key-points or summary box's label ("Điểm chính", "Tóm tắt nhanh")


_COMMENT_LABELS = frozenset(_VOCAB["comment_labels"])
_SUMMARY_LABEL = re.compile("|".join(f"(?:{entry})" for entry in _VOCAB["summary_label_grammar"]))
_COUNT = re.compile(r"(?: \d+)+$")  # "Ý kiến bạn đọc (3)" → "y kien ban doc 3" → "y kien ban doc"


def _says_label(key: str, comment: bool, element: HtmlElement) -> bool:
    """The element's label key is `key`; a comment label's count is no part of its key."""
    own = _label_of(element)
    return (_COUNT.sub("", own) if comment and own else own) == key


def find_labels(tree: HtmlElement) -> list[Label]:
    """Elements whose whole text is a tag, related-box or comment-box label, widest such element
    first found.

    Found from the page's short text nodes rather than by asking every element for its text:
    a label is a short string, and a page has far fewer short strings than elements.
    """
    labels: list[Label] = []
    seen: set[HtmlElement] = set()
    for node in tree.xpath("//body//text()[normalize-space()]"):  # blank nodes dropped in C
        stripped = node.strip()
        if not 2 <= len(stripped) <= _LABEL_MAX_CHARS:
            continue
        key = label_key(stripped)
        summary = _SUMMARY_LABEL.fullmatch(key) is not None
        comment = not summary and key not in _TAG_LABELS and not is_related_key(key)
        if comment and (key := _COUNT.sub("", key) if key[-1:].isdigit() else key) not in _COMMENT_LABELS:
            continue
        says = partial(_says_label, key, comment)
        element = node.getparent()
        if element is not None and node.is_tail:
            element = element.getparent()
        if element is None or element.tag in NON_CONTENT_TAGS or not says(element):
            continue
        element = widest_box(element, (), says)
        if element not in seen:
            seen.add(element)
            labels.append(Label(element, key, comment, summary))
    return labels


def _links(element: HtmlElement, exclude: HtmlElement | None = None) -> list[HtmlElement]:
    inside = set(exclude.iter("a")) if exclude is not None else set()
    return [a for a in element.iter("a") if a not in inside and a.get("href") is not None]


_DESCRIPTION_WORDS = frozenset(_VOCAB["description_class_words"])


_CAPTION_PROPERTY = etree.XPath("//body//*/@itemprop[. = 'caption']/..")  # attribute axis: cheaper


def _classed_captions(tree: HtmlElement, index: PageIndex) -> list[HtmlElement]:
    """<figcaption>, itemprop=caption, and class words that say caption: caption/legend, or the
    Vietnamese "chú thích (ảnh)" written as one word or several ("chuthich", "chu-thich-anh")."""
    return [
        *tree.iter("figcaption"),
        *_CAPTION_PROPERTY(tree),
        *index.with_word_containing(("caption", "legend", "chuthich")),
        *(el for el in index.with_words(("thich",)) if "chu" in words_of(el)),
    ]


def _caption_candidates(
    tree: HtmlElement,
    index: PageIndex,
    descriptions: frozenset[str] = frozenset(),
    summaries: frozenset[str] = frozenset(),
) -> list[HtmlElement]:
    """Classed captions, descriptions sitting in an image wrapper (a sapo is classed "description"
    too, but not inside a figure) and captions marked up only by their place under an image or by
    saying its alt text (never the page's description: a sapo beside the photo it summarises)."""
    found = _classed_captions(tree, index)
    found += [el for el in index.with_words(_DESCRIPTION_WORDS) if in_image_box(el)]
    found += find_unclassed_captions(tree, descriptions)
    unique = {
        el: None
        for el in found
        if el.tag not in ("img", "a", "body", "html") and not _prints_summary(el, summaries)
    }
    return sorted(unique, key=lambda el: _position(index, el))


def _prints_summary(element: HtmlElement, summaries: frozenset[str]) -> bool:
    """A box classed as a caption that prints the page's declared summary (itself or in a block of
    its own) is the story's, not a picture's: a video page sets its only prose, the summary under
    the player, in an "item-caption" box beside the running time. Taken out as a caption, it left
    the body extractor nothing but the page's log-in and sharing dialogs. A declared description
    that is the headline (og:title copied) or a few words says nothing of the kind: a photo's
    caption often repeats the headline."""
    if not summaries:
        return False
    return any(
        squash(text_of(node)) in summaries
        for node in element.iter()
        if isinstance(node.tag, str) and node.tag not in ("img", "a")
    )


def _position(index: PageIndex, element: HtmlElement) -> int:
    """Document position; an element made during this run (a caption wrapped in a span) takes its
    parent's."""
    position = index.of(element)
    parent = element.getparent()
    return position if position >= 0 or parent is None else index.of(parent)


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    chains = [[el, *ancestors(el)] for el in elements]
    shared = set(chains[0]).intersection(*map(set, chains[1:]))
    return next((node for node in chains[0] if node in shared), None)


def _is_photo_story(chosen: list[HtmlElement], captions: list[str]) -> bool:
    """The captions carry the story: several of them, and at least as much text as everything
    else in the block that holds them (a gallery's narrative is written under its photos). Captions
    too long for one count with them (a paragraph told under a picture is the story's own), and an
    empty caption box (a lightbox template's placeholder, anywhere in the page) holds nothing."""
    chosen = [element for element in chosen if _size(element)]
    if len(captions) < _PHOTO_STORY_MIN_CAPTIONS:
        return False
    container = _common_ancestor(chosen)
    if container is None:
        return False
    caption_chars = sum(len(c) for c in captions)
    other = _size(container) - sum(_size(el) for el in chosen)
    return caption_chars >= _PHOTO_STORY_SHARE * max(other, 0)


def _is_video_caption(element: HtmlElement, text: str) -> bool:
    """ "Clip: …"/"Video: …", or the caption of a figure-sized box that holds a video."""
    boxes = [
        node for node in [element, *list(ancestors(element))[:2]] if _size(node) <= 2 * _CAPTION_MAX_CHARS
    ]
    return bool(_VIDEO_CAPTION.match(text)) or any(
        node.find(".//video") is not None or "video" in words_of(node) for node in boxes
    )


def _as_story_paragraph(caption: HtmlElement, headline: HtmlElement | None) -> None:
    """Make a photo story's caption a plain paragraph in place of its figure: body extractors
    drop <figure> and image boxes whole, with the text the story is told in. A box may hold the
    headline too ("width-detail-photo" around the h1 and the sapo): the headline is lifted out
    with the caption, or the page would lose it, and the date printed beside it would no longer
    be next to any headline."""
    caption.tag = "p"
    credit = _credit_apart(caption)
    box = None
    for parent in list(ancestors(caption))[:3]:
        if parent.tag == "figure" or (is_image_box(parent) and _size(parent) <= 2 * _CAPTION_MAX_CHARS):
            box = parent
    if box is None or box.getparent() is None:
        if credit is not None:
            credit.tail, caption.tail = caption.tail, None
            caption.addnext(credit)
        return
    if headline is not None and any(node is headline for node in box.iter()):
        beside = _headline_lines(headline)
        headline.tail = None
        box.addprevious(headline)
        for line in beside:  # the date printed beside the headline moves with it, in order
            line.tail = None
            box.addprevious(line)
    caption.tail = None
    box.addprevious(caption)
    if credit is not None:
        box.addprevious(credit)
    remove(box)


_STORY_CREDIT = re.compile(r"^\s*\(?\s*(?:ảnh|nguồn\s*ảnh|video|clip)\s*:", re.I)


def _credit_apart(caption: HtmlElement) -> HtmlElement | None:
    """A photo story's caption that ends in its credit set in an element of its own ("… <span>Ảnh:
    Minh Khuê</span>"): the credit is taken out as a line of its own (returned, for the caller to
    put after the paragraph), so that the paragraph reads as the story's text, not as a caption (a
    short block ending in "Ảnh: X"), and the credit as one."""
    last = caption[-1] if len(caption) else None
    if last is None or not isinstance(last.tag, str) or (last.tail or "").strip():
        return None
    if not _STORY_CREDIT.match(last.text_content()) or not (caption.text or "").strip() and len(caption) == 1:
        return None
    credit = caption.makeelement("p", {})
    credit.text = " ".join(last.text_content().split())
    caption.remove(last)
    return credit


_BESIDE_HEADLINE_CHARS = 80


def _headline_lines(headline: HtmlElement) -> list[HtmlElement]:
    """The short lines set right after the headline in its box ("Thứ năm, 5/3/2026, 07:45"): a
    line with a figure in it, no picture, no link. They leave the photo box with the headline."""
    lines: list[HtmlElement] = []
    node = headline.getnext()
    while node is not None and isinstance(node.tag, str):
        text = " ".join(node.text_content().split())
        if (
            not text
            or len(text) > _BESIDE_HEADLINE_CHARS
            or not any(ch.isdigit() for ch in text)
            or node.find(".//img") is not None
            or node.find(".//a") is not None
        ):
            break
        lines.append(node)
        node = node.getnext()
    return lines


_HEADLINE_BLOCK_LEVELS = 3
_SUBHEADS = ("h2", "h3", "h4", "h5", "h6")


def take_captions(
    tree: HtmlElement,
    index: PageIndex,
    after: int,
    headline: HtmlElement | None = None,
    descriptions: Iterable[str] = (),
) -> list[str]:
    """Collect and remove image captions that come after the headline (position `after`), and the
    classed captions printed before it in the headline's own block (a picture set beside the
    headline, as 2012 templates do).

    In a photo story the captions are the text: they stay in the page as paragraphs, for the body
    extractor to read in order, and only video captions ("Clip: …") are taken out.
    `descriptions`: the page's declared descriptions (a sapo), never taken for a caption; an image
    whose alt says one of them, or the headline, has no caption by its alt.
    """
    captions: list[str] = []
    chosen: list[HtmlElement] = []
    long: list[HtmlElement] = []  # too long for a caption, unless the captions tell the story
    above: list[HtmlElement] = []  # classed captions above the headline, in its block
    headline_blocks = (
        [a for a in list(ancestors(headline))[:_HEADLINE_BLOCK_LEVELS] if a.tag not in ("body", "html")]
        if headline is not None
        else []
    )
    classed = set(_classed_captions(tree, index)) if headline_blocks else set()
    known = [*descriptions, text_of(headline) if headline is not None else ""]
    keys = frozenset(key for key in map(squash, known) if key)
    summaries = frozenset(
        key
        for key in map(squash, descriptions)
        if len(key.split()) >= _SUMMARY_MIN_WORDS and key != squash(known[-1])
    )
    for element in _caption_candidates(tree, index, keys, summaries):
        if _position(index, element) < after:
            if (
                element in classed
                and not in_chrome(element)
                and len(text_of(element)) <= _CAPTION_MAX_CHARS
                and any(block in ancestors(element) for block in headline_blocks)
            ):
                above.append(element)
            continue
        if any(a in chosen for a in ancestors(element)) or in_chrome(element):
            continue
        text = text_of(element)
        if len(element.findall(".//p")) > 3 or next(element.iterdescendants(*_SUBHEADS), None) is not None:
            continue  # a box of paragraphs, or a chapter's heading set over a picture (an e-magazine overlay)
        if len(text) > _CAPTION_MAX_CHARS:
            long.append(element)
            continue
        chosen.append(element)
        if text and text not in captions and not is_slide_counter(text):
            captions.append(text)
    above_texts = [text for text in map(text_of, above) if text]
    for element in above:
        remove(element)
    if chosen and _is_photo_story([*chosen, *long], [*captions, *map(text_of, long)]):
        kept: list[str] = []
        for element in sorted([*chosen, *long], key=lambda el: _position(index, el)):
            text = text_of(element)
            if _is_video_caption(element, text):
                remove(element)
                kept.append(text)
            elif is_slide_counter(text):
                remove(element)  # a carousel's "2/5": neither a caption nor the story's
            else:
                _as_story_paragraph(element, headline)
        # A picture above the headline may repeat a line of the story: the line stays in the text.
        return [*kept, *(text for text in above_texts if text not in captions and text not in kept)]
    for element in chosen:
        remove(element)
    return [*(text for text in above_texts if text not in captions), *captions]


def _size(element: HtmlElement) -> int:
    """Characters of visible text, whitespace collapsed: enough to compare amounts of text, and
    far cheaper than full normalisation when a box holds dozens of links."""
    return len(" ".join(element.text_content().split()))


def _link_ratio(element: HtmlElement, exclude: HtmlElement | None = None) -> float:
    total = _size(element) - (_size(exclude) if exclude is not None else 0)
    if total <= 0:
        return 0.0
    return sum(_size(a) for a in _links(element, exclude)) / total


def _tag_container(label: HtmlElement) -> HtmlElement | None:
    for container in (label.getparent(), *(list(ancestors(label))[1:2])):
        if container is None:
            return None
        if _links(container, label) and _size(container) <= 1500:
            return container if _link_ratio(container, label) >= 0.4 else None
    return None


def take_tag_lists(index: PageIndex, labels: Iterable[Label]) -> list[str]:
    """Collect and remove tag/keyword link lists; their link texts are the article's tags."""
    containers: list[HtmlElement] = []
    for element in index.with_words(_TAG_WORDS):
        if element.tag == "a" or not _links(element) or _size(element) > 1000:
            continue
        if _link_ratio(element) >= 0.5:
            containers.append(element)
    for label in labels:
        if label.key in _TAG_LABELS and label.element.tag != "a" and not _links(label.element):
            container = _tag_container(label.element)
            if container is not None:
                containers.append(container)
    tags: list[str] = []
    removed: set[HtmlElement] = set()
    for container in containers:
        if container in removed or any(a in removed for a in ancestors(container)):
            continue
        for link in _links(container):
            text = text_of(link)
            if 1 <= len(text) <= 80 and not is_tag_label(text) and text not in tags:
                tags.append(text)
        removed.add(container)
        remove(container)
    return tags


def _paragraph_text(element: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))


def remove_related_boxes(
    tree: HtmlElement, labels: Iterable[Label], keep: Iterable[HtmlElement | None]
) -> int:
    """Remove boxes labelled as related/teaser lists; never a block holding a `keep` element
    (headline, lead) or most of the page's paragraph text. Returns how many were removed."""
    protected = [k for k in keep if k is not None]
    page_text: int | None = None
    removed = 0
    for label in (item.element for item in labels if is_related_key(item.key)):
        if label.getparent() is None or any(a.getparent() is None for a in ancestors(label) if a is not tree):
            continue  # already gone with an earlier box
        box = next((a for a in ancestors(label) if len(_links(a, label)) >= 2), None)
        too_big = box is None or any(box is k or k in box.iter() for k in protected)
        if not too_big and box is not None:
            page_text = page_text or max(_paragraph_text(tree), 1)
            too_big = (
                _paragraph_text(box) > 0.5 * page_text
                or not _is_link_box(box, label)
                or _prose_before(box, label) >= _PROSE_WORDS
                or _prose_after(box, label) >= _PROSE_WORDS
            )
        if not too_big and box is not None:
            remove(box)
            removed += 1
            continue
        removed += _remove_label_and_following_links(label)
    return removed


_LIST_LABEL_TAGS = frozenset({"p", "div", "span", "b", "strong", "h2", "h3", "h4", "h5", "h6"})
_SET_LABEL_WORDS = 5  # "Có thể bạn chưa đọc"; an announcing sentence ("… gồm:") is longer
_HEADLINE_WORDS = 4


def remove_labelled_link_lists(tree: HtmlElement, url: str | None, keep: Iterable[HtmlElement | None]) -> int:
    """Lists of the outlet's own headlines under a label no vocabulary of ours holds (session 15):
    a list whose every item is one link to the same site, headline-long (four words or more),
    right after a short line set as a label — a heading, a wholly bold line or one ending in ":",
    of up to five words, no digit, no link, not written like a name — go with their label. The
    body extractor drops a short list on its own and left the label in the text ("Mời xem
    thêm" over one headline). A list that links off the site (sources the author cites) or
    that a sentence announces ("Các sản phẩm đạt chuẩn năm nay gồm:") stays."""
    protected = {k for k in keep if k is not None}
    removed = 0
    for listing in list(tree.iter("ul", "ol")):
        box = _headed_list_box(listing, url)
        if box is not None and not any(k in box.iter() for k in protected):
            remove(box)
            removed += 1
            continue
        label = listing.getprevious()
        if (
            label is None
            or not isinstance(label.tag, str)
            or (label.tail or "").strip()
            or label in protected
        ):
            continue
        if label.tag not in _LIST_LABEL_TAGS or not _is_set_label(label):
            continue
        items = [item for item in listing if isinstance(item.tag, str)]
        if items and all(_is_headline_item(item, url) for item in items):
            remove(listing)
            remove(label)
            removed += 1
    return removed


_BOX_HEADING_LINES, _BOX_HEADING_WORDS = 2, 10
_BOX_TAGS = frozenset({"div", "aside", "section", "nav"})


def _headed_list_box(listing: HtmlElement, url: str | None) -> HtmlElement | None:
    """A box that holds nothing but a list of the outlet's headlines and, above it, a line or two
    that head it (a series' label and name: "Cùng loạt bài" / "Giữ nghề giữa thời hội nhập"):
    the box goes whole, whatever its heading says. Only headings: short lines, no link, no
    sentence's end; nothing after the list."""
    box = listing.getparent()
    if box is None or box.tag not in _BOX_TAGS or (listing.tail or "").strip() or (box.text or "").strip():
        return None
    if listing.getnext() is not None:
        return None
    headings = [el for el in box if el is not listing and isinstance(el.tag, str)]
    if not 1 <= len(headings) <= _BOX_HEADING_LINES:
        return None
    for heading in headings:
        text = " ".join(heading.text_content().split())
        if (
            not 1 <= len(text.split()) <= _BOX_HEADING_WORDS
            or (heading.tail or "").strip()
            or heading.find(".//a") is not None
            or heading.find(".//img") is not None
            or text.endswith((".", "!", "?", "…"))
        ):
            return None
    items = [item for item in listing if isinstance(item.tag, str)]
    if len(items) < 2 or not all(_is_headline_item(item, url) for item in items):
        return None
    return box


def _is_set_label(element: HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    words = text.split()
    if not 1 <= len(words) <= _SET_LABEL_WORDS or any(ch.isdigit() for ch in text):
        return False
    if element.find(".//a") is not None or element.find(".//img") is not None:
        return False
    if text.endswith((".", "!", "?", "…")):
        return False
    if element.tag in ("h2", "h3", "h4", "h5", "h6") or text.endswith(":"):
        return True
    bold = element if element.tag in ("b", "strong") else element.find(".//b")
    if bold is None:
        bold = element.find(".//strong")
    if bold is None or " ".join(bold.text_content().split()) != text:
        return False
    return len(words) >= 2 and any(word[:1].islower() for word in words[1:])  # not a bold name


def _is_headline_item(item: HtmlElement, url: str | None) -> bool:
    links = item.findall(".//a[@href]")
    if item.tag != "li" or len(links) != 1:
        return False
    link_text = " ".join(links[0].text_content().split())
    if len(link_text.split()) < _HEADLINE_WORDS or _size(item) > len(link_text) + 3:
        return False
    href = links[0].get("href") or ""
    return not (url and is_web_url(href) and not same_site(href, url))


def _text_around(box: HtmlElement, label: HtmlElement) -> Iterator[tuple[bool, str, list[HtmlElement]]]:
    """The box's text nodes other than the label's own, each with whether the page prints it
    after the label and the elements it sits in, from its own up to the box."""
    after = False
    for node in box.xpath(".//text()"):
        owner = node.getparent()
        if node.is_tail:
            if owner is label:
                after = True
            owner = owner.getparent()
        chain = [owner]
        while chain[-1] is not box and (parent := chain[-1].getparent()) is not None:
            chain.append(parent)
        if label in chain:
            after = True
            continue
        yield after, str(node), chain


def _prose_before(box: HtmlElement, label: HtmlElement) -> int:
    """Words of text outside links that the box prints before the label (counted up to a
    sentence's worth). A related box opens with its label; a box with a sentence before it (a
    boxed note, a figure's caption, the article's container) is one the label was set into, and
    only the label and the links after it go."""
    words = 0
    for after, text, chain in _text_around(box, label):
        if after:
            break
        if not any(element.tag == "a" for element in chain):
            words += len(text.split())
            if words >= _PROSE_WORDS:
                break
    return words


def _prose_after(box: HtmlElement, label: HtmlElement) -> int:
    """Words of text outside links between the label and the box's first link (counted up to a
    sentence's worth). A related box's links follow its label, with a kicker or a date at most
    before the first; a sentence there ("The help pages tell more, and the maker's site
    explains …:") is the article's own closing section, set under a related label. The label
    and the links right after it go; the sentence stays."""
    words = 0
    for after, text, chain in _text_around(box, label):
        if not after:
            continue
        if any(element.tag == "a" and element.get("href") is not None for element in chain):
            break
        words += len(text.split())
        if words >= _PROSE_WORDS:
            break
    return words


def _is_link_box(box: HtmlElement, label: HtmlElement) -> bool:
    """A list of article links (with or without teaser summaries), not prose that happens to
    contain a couple of links: enough link text, or at most ~300 characters of prose per link."""
    links = _links(box, label)
    hrefs = {a.get("href") for a in links}
    if _link_ratio(box, label) >= 0.25:
        return True
    prose = _size(box) - sum(_size(a) for a in links)
    return len(hrefs) >= 3 and prose / len(hrefs) <= 300


def _remove_label_and_following_links(label: HtmlElement) -> int:
    """The label sits directly in a big block: drop it and the link lists right after it."""
    node = label
    while (parent := node.getparent()) is not None and node.getnext() is None and _size(parent) < 80:
        node = parent
    follower = node.getnext()
    remove(node)
    count = 1
    while follower is not None:
        following = follower.getnext()
        if _size(follower) and _link_ratio(follower) < 0.6:
            break
        remove(follower)
        count += 1
        follower = following
    return count


_COMMENT_ROOTS = tuple(load("bylines")["words"]["comment_class_roots"])
_COMMENT_SECTION_TAGS = frozenset({"div", "section", "ul", "ol", "form", "table", "aside", "article", "p"})
_COMMENT_BOX_TAGS = _COMMENT_SECTION_TAGS - {"p"}
_COMMENT_SHARE = 0.3  # a "comment" box holding more of the page's paragraphs than this is the article
# A "comment" box printing more than half of the page's text is its content, paragraphs or not: a
# live report's timed entries ("live-comment") set in divs hold no <p> for the share above to see.
_COMMENT_PAGE_SHARE = 0.5


def _printed_chars(element: HtmlElement) -> int:
    """The characters the element prints, whitespace left out."""
    return len("".join(element.text_content().split()))


_BYLINE_AREA = 60  # elements after the headline: a "comment" class there may be a comment counter
_COMMENT_TEXT_WORDS = 5


def _text_blocks(element: HtmlElement) -> int:
    """How many innermost blocks of five words or more the element holds: a comment thread holds
    comments, a byline bar that counts them ("0 Comments", the date, the author) holds one line."""
    count = 0
    for block in element.iter("p", "li", "div", "td"):
        innermost = (
            block.find(".//p") is None and block.find(".//div") is None and block.find(".//li") is None
        )
        if innermost and len(block.text_content().split()) >= _COMMENT_TEXT_WORDS:
            count += 1
    return count


def _labelled_comment_boxes(
    labels: Iterable[Label], holding: set[HtmlElement], index: PageIndex, headline_at: int
) -> list[HtmlElement]:
    """Comment boxes no class word marks, by the label heading them ("Ý kiến bạn đọc (3)"): the
    smallest box that opens with the label and holds two comments or more (blocks of five words
    or more), below a sentence of the article. A box with other text before the label
    (the article's container, where a comment count sits in the byline bar) is not headed by it,
    and one with no sentence between the headline and it opens the article (a section kicker
    "Bình luận" above the text)."""
    if headline_at < 0:
        return []
    boxes: list[HtmlElement] = []
    for element in (label.element for label in labels if label.comment):
        for box in ancestors(element):
            if box.tag in ("body", "html", "form") or box in holding or not _opens_with(box, element):
                break
            if _text_blocks(box) >= 2:
                if _below_a_sentence(index, headline_at, box):
                    boxes.append(box)
                break
    return boxes


def _boxes_after_labels(
    labels: Iterable[Label], holding: set[HtmlElement], index: PageIndex, headline_at: int
) -> dict[HtmlElement, HtmlElement]:
    """The box printed right after a comment label that is a box of its own ("Ý kiến bạn đọc ( 1 )"
    in a title bar, the comments in the next block: a 2012 reader item with a single comment),
    mapped to its label, below a sentence of the article. A label that is a link is a button
    ("Bình luận" in a share bar, to "#comments"); a paragraph or heading after a label is text."""
    if headline_at < 0:
        return {}
    boxes: dict[HtmlElement, HtmlElement] = {}
    for label in labels:
        if not label.comment or _links(label.element):
            continue
        box = next_element(label.element)
        if box is None or box.tag not in _COMMENT_BOX_TAGS or box in holding or not _size(box):
            continue
        if _below_a_sentence(index, headline_at, label.element):
            boxes[box] = label.element
    return boxes


def _below_a_sentence(index: PageIndex, headline_at: int, element: HtmlElement) -> bool:
    """Some element between the headline and this one says a sentence of its own: the article
    has begun, so a comment label here closes it rather than kicking it off."""
    between = index.window(headline_at + 1, index.of(element))
    return any(len((el.text or "").split()) >= _PROSE_WORDS for el in between)


def _fits_market_box(heading: HtmlElement, box: HtmlElement) -> bool:
    return len(box.text_content().split()) <= _MARKET_BOX_WORDS and _opens_with(box, heading)


def _opens_with(box: HtmlElement, label: HtmlElement) -> bool:
    """The box's first text is the label's."""
    first = next((text for text in box.itertext() if text.strip()), None)
    return first is not None and first.strip() in (label.text_content() or "")


_FORM_BOX_WORDS = 80  # a comment form's box: its title, notice and field labels
_FORM_CONTROLS = ("input", "button", "select")


def _comment_form_boxes(tree: HtmlElement, holding: set[HtmlElement]) -> list[HtmlElement]:
    """Comment forms without a <form> of their own (an ASP.NET page wraps the whole page in one)
    and without a class word saying so: the largest box around a text area, with a field or a
    button beside it, that holds no more than a form's title, notice and labels and not the
    headline. A lone text area (an embed code to copy) is no form. (A sign-up form's box grown
    the same way around its e-mail field took a 60-word post with it on a page whose markup
    nested the post in the form's box: measured in session 14, and left out.)"""
    boxes: list[HtmlElement] = []
    for field in tree.iter("textarea"):
        box = widest_box(
            field,
            holding,
            lambda parent: len(parent.text_content().split()) <= _FORM_BOX_WORDS,
            stop=("body", "html", "form"),
        )
        controls = (control for control in box.iter(*_FORM_CONTROLS) if control is not field)
        if box is not field and next(controls, None) is not None:
            boxes.append(box)
    return boxes


def remove_comment_sections(
    tree: HtmlElement,
    index: PageIndex,
    keep: Iterable[HtmlElement | None],
    headline_at: int = -1,
    labels: Iterable[Label] = (),
) -> int:
    """Reader comments, comment forms and their notices ("… hoan nghênh ý kiến của bạn đọc …")
    leave the page: boxes whose class/id words say comment/binhluan/ykien/phanhoi …, and forms
    with a text area. Body extractors keep such boxes when they look like prose; their names
    would also pass for bylines. A box holding the headline, the lead or much of the page's
    paragraph text (or, set in divs, most of all its text) is not a comment box, whatever its
    class says; nor is one in the byline area
    right under the headline ("author_date_comment" bars count comments, they hold none). Where
    no class word says so: a comment form's box around a text area, a box headed by one of the
    comment `labels` (`find_labels`), and the box right after such a label, with the label. The
    last is not held to the paragraph-share rule: its label says what it is, and a reader item's
    one comment may outweigh the item's two sentences."""
    protected = [k for k in keep if k is not None]
    candidates = [el for el in index.with_word_containing(_COMMENT_ROOTS) if el.tag in _COMMENT_SECTION_TAGS]
    candidates += [form for form in tree.iter("form") if form.find(".//textarea") is not None]
    holding = holding_boxes(protected)
    candidates += _comment_form_boxes(tree, holding)
    candidates += _labelled_comment_boxes(labels, holding, index, headline_at)
    labelled = _boxes_after_labels(labels, holding, index, headline_at)
    page_text = all_text = 0
    removed = 0
    content: list[HtmlElement] = []
    for element in sorted({*candidates, *labelled}, key=index.of):
        if element.getparent() is None or not attached(element, tree):
            continue
        if any(element is k or k in element.iter() for k in protected):
            continue
        in_byline_area = 0 <= index.of(element) - headline_at <= _BYLINE_AREA
        if (
            in_byline_area
            and element not in labelled
            and element.find(".//textarea") is None  # a form to write in, not a comment counter
            and _text_blocks(element) < 2
        ):
            continue
        page_text = page_text or max(_paragraph_text(tree), 1)
        if element not in labelled and _paragraph_text(element) > _COMMENT_SHARE * page_text:
            continue
        if any(box in content for box in element.iterancestors()):
            continue  # an entry of the content found below
        all_text = all_text or max(_printed_chars(tree), 1)
        if element not in labelled and _printed_chars(element) > _COMMENT_PAGE_SHARE * all_text:
            content.append(element)  # most of what the page prints, set in divs: a live report
            continue
        remove(element)
        removed += 1
        if (label := labelled.get(element)) is not None and label.getparent() is not None:
            remove(label)
    return removed


# Session 16: page widgets built around form controls. Reaction bars, polls, rating stars, sign-up
# and paywall boxes, audio players and weather pickers put a question or a label, a count, a price
# or a temperature next to their buttons, fields and pickers; body extractors drop the controls and
# keep that text as a short paragraph of the article.
_CONTROLS = ("button", "select", "input", "audio", "progress", "meter")
_CONTROL_BOX_WORDS = 40  # a widget's title, prompt and button labels; an article holds more


def _beside_prose(box: HtmlElement) -> bool:
    """The box is set into running text: loose text beside it says a sentence, or so does the
    element right before or after it (a paragraph, or the article's container with paragraphs of
    its own when the box sits between the headline and the text). Boxes elsewhere (a sidebar's
    search field, the fields of a comment form, a shop's sliders) are left to the body
    extractor, which leaves them out, and whose choice of the article's container their removal
    would only disturb (measured on the trafilatura sdist pages)."""
    parent = box.getparent()
    if parent is None:
        return False
    if any(len((text or "").split()) >= _PROSE_WORDS for text in (parent.text, box.tail)):
        return True
    neighbours = (box.getprevious(), box.getnext())
    for neighbour in neighbours:
        if neighbour is None or not isinstance(neighbour.tag, str):
            continue
        if len((neighbour.tail or "").split()) >= _PROSE_WORDS:
            return True
        if any(_says_a_sentence(block) for block in _near_leaf_blocks(neighbour)):
            return True
    return False


def _in_larger_form(control: HtmlElement, box: HtmlElement, holding: set[HtmlElement]) -> bool:
    """One field of a form larger than a widget (comments, an order, a search page): the form
    rules' business. A form around the whole page (ASP.NET wraps the page, headline included)
    says nothing."""
    form = next((a for a in ancestors(control) if a.tag == "form"), None)
    return form is not None and form not in holding and not any(node is form for node in box.iter("form"))


_LEAF_BLOCKS = ("p", "div", "td", "li", "blockquote")


def _near_leaf_blocks(element: HtmlElement) -> Iterator[HtmlElement]:
    """The element, its children and grandchildren that hold no other block: paragraphs however
    a page writes them (<p>, <div>s, a photo table's caption cell)."""
    for node in (
        element,
        *element.iterchildren(),
        *(g for c in element.iterchildren() for g in c.iterchildren()),
    ):
        if (
            isinstance(node.tag, str)
            and node.tag in _LEAF_BLOCKS
            and next(node.iterdescendants(*_LEAF_BLOCKS), None) is None
        ):
            yield node


def _says_a_sentence(block: HtmlElement) -> bool:
    return len(block.text_content().split()) >= _PROSE_WORDS


def in_byline_bar(box: HtmlElement, text: str, byline_lines: frozenset[str]) -> bool:
    """A widget's box (its `text`) that prints a date, holds a machine-readable one (`<time
    datetime>`: "Today 12:34pm" printed, the day in the attribute) or a line of the page's byline
    (`byline_lines`, squashed) is the byline bar with its share and follow buttons: the byline and
    date rules read it, so the widget rules leave it."""
    key = squash(text)
    return (
        looks_like_date(text)
        or any(line and line in key for line in byline_lines)
        or any(machine_stamp(stamp) for stamp in box.iter("time"))
    )


def remove_control_boxes(
    tree: HtmlElement,
    index: PageIndex,
    headline_at: int,
    keep: Iterable[HtmlElement | None],
    byline_lines: frozenset[str] = frozenset(),
) -> int:
    """Remove the largest box of at most 40 words around each form control (a hidden field
    aside) printed after the headline and set into the text (`_beside_prose`): what a widget
    prints beside its controls is not the article's. A box holding the headline, the lead, the
    page's byline or a date is left (a share button in the byline bar), and so is a field of a
    larger form (`_in_larger_form`). Before the headline, or on a page without one, the controls
    are the site's header (search, log-in, pickers): the listing rules read those."""
    if headline_at < 0:
        return 0
    holding = holding_boxes(keep)
    removed = 0
    for control in list(tree.iter(*_CONTROLS)):
        if control.tag == "input" and (control.get("type") or "").lower() == "hidden":
            continue
        if index.of(control) <= headline_at or not attached(control, tree):
            continue
        box = widest_box(
            control, holding, lambda parent: len(parent.text_content().split()) <= _CONTROL_BOX_WORDS
        )
        if box is control or not _beside_prose(box) or _in_larger_form(control, box, holding):
            continue
        if in_byline_bar(box, text_of(box), byline_lines):
            continue
        remove(box)
        removed += 1
    return removed


# Market, price and weather boxes set into the article column (session 16): a heading naming the
# market (body.toml [widgets] market, folded, whole words), then figures. Body extractors keep their
# rows as text when they are not links.
_MARKET = re.compile(r"\b(?:" + "|".join(load("body")["widgets"]["market"]) + r")\b")
_MARKET_BOX_WORDS = 60
_MARKET_HEADING_WORDS = 8
_FIGURES_SHARE = 0.25  # of the box's letters and digits: prices, rates, temperatures
_FIGURES_MIN = 8  # digits


def _mostly_figures(text: str) -> bool:
    """Digits make a quarter of the letters and digits (counted by character: a widget's cells are
    often run together, "USD25.32825.591"); a sentence about prices holds far fewer."""
    digits = sum(ch.isdigit() for ch in text)
    return digits >= _FIGURES_MIN and digits >= _FIGURES_SHARE * sum(ch.isalnum() for ch in text)


def remove_market_boxes(
    tree: HtmlElement, index: PageIndex, headline_at: int, keep: Iterable[HtmlElement | None]
) -> int:
    """Remove the largest box of at most 60 words, printed after the headline, that opens with a
    short heading naming a market ("Giá vàng hôm nay", "Tỷ giá ngoại tệ", "Bảng giá nông sản")
    and is mostly figures. An article's own price table stays when it sits in the article's
    container with the prose, which is longer; a box holding the headline or the lead stays too."""
    if headline_at < 0:
        return 0
    holding = holding_boxes(keep)
    removed = 0
    for node in tree.xpath("//body//text()[normalize-space()]"):
        words = node.split()
        if len(words) > _MARKET_HEADING_WORDS or not _MARKET.search(folded(str(node))):
            continue
        heading = node.getparent()
        if heading is None or node.is_tail or index.of(heading) <= headline_at or not attached(heading, tree):
            continue
        box = widest_box(
            heading,
            holding,
            partial(_fits_market_box, heading),
        )
        if box is heading or not _mostly_figures(box.text_content()):
            continue
        remove(box)
        removed += 1
    return removed


# Key-point and summary boxes (session 17, after its held-out run): an outlet's "Điểm chính",
# "Tóm tắt nhanh", an AI summary with its disclaimer. The points restate the story: a box of them
# is not its text.
_SUMMARY_BOX_WORDS = 150
_SUMMARY_SHARE = 0.3  # of the page's text: more, and the box is the article


def remove_summary_boxes(
    labels: Iterable[Label], tree: HtmlElement, keep: Iterable[HtmlElement | None]
) -> int:
    """Remove the smallest box that opens with a summary label (`Label.summary`) and holds two
    blocks of five words or more (the points), at most 150 words and a small share of the page's
    text; never one holding the headline. A heading "Tóm tắt" inside the article's
    container opens no box of its own (the container opens with other text), and the container
    holds too much."""
    holding = holding_boxes(keep)
    page_text = 0
    removed = 0
    for element in (label.element for label in labels if label.summary):
        if not attached(element, tree):
            continue
        for box in ancestors(element):
            if box.tag in ("body", "html") or box in holding or not _opens_with(box, element):
                break
            if _text_blocks(box) >= 2:
                page_text = page_text or max(_size(tree), 1)  # all of it: some pages hold no <p>
                if (
                    len(box.text_content().split()) <= _SUMMARY_BOX_WORDS
                    and _size(box) <= _SUMMARY_SHARE * page_text
                ):
                    remove(box)
                    removed += 1
                break
    return removed
