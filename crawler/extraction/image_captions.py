"""Image captions that carry no caption markup: the line an editor typed under a picture.

Templates before figure/figcaption (2000s ASP.NET and SharePoint CMSs, the WordPress classic
editor) write a caption as plain text next to the image, told apart only by where it stands:
- after the image inside the same block (`<p align="center"><img><br><em>Caption</em></p>`);
- in the block right after a block that holds only images, when that block is centred or wholly
  italic (`<div style="text-align:center"><img></div><div style="text-align:center">Caption</div>`).
- in a centred picture box, the blocks after the image (`<div style="text-align:center"><img>
  <div><p>Caption</p><p>Credit</p></div></div>`, a layout table's cell once unwrapped);
- anywhere in the picture's own small box, a block that says what the image's `alt` (or `title`)
  says: templates fill the attribute with the caption, and hashed class names leave nothing else
  to tell the caption under the picture (`<div><figure><img alt="X"></figure><div><i>X</i></div>`);
- in a box built like a figure, with or without figure markup: the picture first, then short
  text blocks and nothing else (a one-column image table once unwrapped, a WordPress caption box
  whose class is hashed), inside a story that prints more around the box.
Session 15 (photo captions blind round): italics count through the size/colour wrappers set
around them, bare text on its own line after the picture's break counts, two photos side by side
(a table row, a row of divs) share the caption under the row, a short wholly italic line right
above a picture without a caption under it is its caption, and a gallery's row of picture boxes
stands in the story around it.
A caption is short and is not a paragraph of the story; chrome.take_captions collects and
removes these with the classed ones.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dom import (
    BLOCK_TAGS,
    FIGURE_MAX_CHARS,
    NON_CONTENT_TAGS,
    PICTURE_FILE,
    ancestors,
    is_centred,
    next_element,
    previous_element,
    text_of,
    xml_safe,
)
from crawler.extraction.keys import squash
from crawler.extraction.vocab import load

_CAPTION_MAX_WORDS = 40
_ITALIC_TAGS = frozenset({"em", "i"})
_BLOCKS = ("p", "div", "td", "center", "span")


def _only_images(element: HtmlElement) -> bool:
    """The block shows images and no text (links and formatting around the images allowed)."""
    if element.find(".//img") is None:
        return False
    return not any(
        (node.text or "").strip() or (node is not element and (node.tail or "").strip())
        for node in element.iter()
        if isinstance(node.tag, str) and node.tag not in NON_CONTENT_TAGS
    )


_WRAPPERS = frozenset({"span", "font", "small", "b", "strong"})  # set around the italics, adding nothing


def _wholly_italic(element: HtmlElement) -> bool:
    """The block prints one italic run and nothing else, however many wrappers hold it: editors
    set the caption's size or colour around the italics (`<p><span style="font-size:12px">
    <em>Caption</em></span></p>`)."""
    while True:
        children = [child for child in element if isinstance(child.tag, str) and child.tag != "br"]
        if len(children) != 1 or (element.text or "").strip() or (children[0].tail or "").strip():
            return False
        if children[0].tag in _ITALIC_TAGS:
            return True
        if children[0].tag not in _WRAPPERS:
            return False
        element = children[0]


def _short(text: str) -> bool:
    return 0 < len(text.split()) <= _CAPTION_MAX_WORDS


def _text_after_image(block: HtmlElement) -> list[HtmlElement]:
    """Inline elements (or a wrapper made for them) holding the text that follows the block's
    last image, when nothing but images precedes it: `<p><img><br><em>Caption</em></p>`."""
    images = list(block.iter("img"))
    if not images or (block.text or "").strip():
        return []
    last = images[-1]
    # Everything before the image must be images, breaks or empty wrappers.
    for node in block.iter():
        if node is last:
            break
        if node is not block and node.tag not in ("img", "br", "a", "i", "em", "b", "strong", "span", "font"):
            return []
        if node is not block and (node.text or "").strip() and last not in node.iter():
            return []
    holder = last
    while (parent := holder.getparent()) is not block and parent is not None:
        holder = parent
    after = []
    following = holder.getnext()
    for sibling in [following, *(following.itersiblings() if following is not None else [])]:
        if sibling is None:
            break
        after.append(sibling)
    tail = (holder.tail or "").strip()
    # bare text after a break (`<img><br>Caption`) is the break's tail
    tails = [el for el in after if (el.tail or "").strip()]
    text = " ".join([tail, *(text_of(el) for el in after), *((el.tail or "") for el in tails)]).strip()
    if not _short(text):
        return []
    if any(el.tag in BLOCK_TAGS and el.tag != "br" for el in after):
        if tails:
            return []
        # Blocks under the image: a caption only in a centred picture box that shows nothing else.
        if (
            not is_centred(block)
            or tail
            or any(el.find(".//img") is not None or el.tag == "img" for el in after)
        ):
            return []
        return [el for el in after if el.tag != "br" and text_of(el)]
    # An icon at the start of a paragraph is not a picture with a caption: the text must stand on
    # its own line under the image, or the block be a centred picture box, or the text be italic.
    # (Text right after the image, before the break, stands beside it: a floated picture in prose.)
    on_own_line = bool(after) and after[0].tag == "br" and not tail
    italic = not tail and not tails and [el.tag for el in after if el.tag != "br"] in (["em"], ["i"])
    if not (on_own_line or is_centred(block) or italic):
        return []
    for element in tails:  # wrap bare text so it can be collected and removed
        span = block.makeelement("span", {})
        span.text, element.tail = xml_safe(element.tail or ""), None
        element.addnext(span)
        after.insert(after.index(element) + 1, span)
    if tail:  # bare text after the image: wrap it so it can be collected and removed
        span = block.makeelement("span", {})
        span.text, holder.tail = xml_safe(holder.tail or ""), None
        holder.addnext(span)
        after.insert(0, span)
    return [el for el in after if el.tag != "br" and text_of(el)]


def _picture_row(block: HtmlElement) -> tuple[HtmlElement, HtmlElement | None]:
    """The widest picture-only block around `block` that nothing but pictures follows in its
    parent, and the block printed after it: two photos side by side (two cells of a table row, two
    columns of a div) share one caption under the row, not under either photo. The row's caption
    cell counts as a block."""
    following = next_element(block)
    while following is None or _only_images(following):
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html", "table", "tbody") or not _only_images(parent):
            break
        block, following = parent, next_element(parent)
    if following is not None and following.tag == "tr":
        cells = [cell for cell in following if isinstance(cell.tag, str)]
        following = cells[0] if len(cells) == 1 else None
    return block, following


_CREDITS = load("body")["credit_lines"]
# A credit closing the line: a label and a colon, or a mark ("©"), then a short name and nothing
# after it but a closing bracket ("… ausbilden. © Agentur", "… (Foto: A. Name, Institut)").
_CLOSING_CREDIT = re.compile(
    r"(?:^|[\s(|/])(?:"
    + "|".join(
        [*(re.escape(label) + r"\s*:" for label in _CREDITS["labels"]), *map(re.escape, _CREDITS["marks"])]
    )
    + rf")\s*[^.!?:©]{{1,{_CREDITS['max_chars']}}}\)?\s*$"
)


def closes_with_credit(text: str) -> bool:
    """The text ends with a picture's credit: under a picture, or short and in the body, it is
    a caption."""
    return bool(_CLOSING_CREDIT.search(text.lower()))


def _closes_with_credit(block: HtmlElement) -> bool:
    return closes_with_credit(text_of(block))


def _may_caption(block: HtmlElement | None) -> bool:
    return (
        block is not None and block.tag in _BLOCKS and block.find(".//img") is None and _short(text_of(block))
    )


def _told_under(block: HtmlElement | None) -> bool:
    """A block set as a caption under a picture (centred, or wholly italic) but as long as a paragraph."""
    return (
        block is not None
        and block.tag in _BLOCKS
        and block.find(".//img") is None
        and len(text_of(block).split()) > _CAPTION_MAX_WORDS
        and (is_centred(block) or _wholly_italic(block))
    )


def _caption_above(
    row: HtmlElement, found: list[HtmlElement], not_captions: frozenset[str]
) -> HtmlElement | None:
    """A short wholly italic line right above a picture that has no caption under it: some
    templates print the caption over the photo. Not a line that introduces what follows (":"),
    not the caption of a picture above it, not the headline or the sapo."""
    previous = previous_element(row)
    if (
        previous is None
        or previous.tag not in _BLOCKS
        or previous in found
        or previous.find(".//img") is not None
    ):
        return None
    text = text_of(previous)
    if not _short(text) or text.rstrip().endswith(":") or not _wholly_italic(previous):
        return None
    before = previous.getprevious()
    if before is not None and isinstance(before.tag, str) and _only_images(before):
        return None
    key = squash(text)
    return None if any(other and key.startswith(other) for other in not_captions) else previous


def _centred_text_elsewhere(tree: HtmlElement) -> bool:
    """The page centres ordinary text too (a heading, a list, a closing line not under a picture):
    then a centred line under an image is just more text, not a caption."""
    seen = 0
    for block in tree.iter("p", "div", "center"):
        if not is_centred(block) or block.find(".//img") is not None or len(text_of(block).split()) < 2:
            continue
        previous = block.getprevious()
        if previous is not None and isinstance(previous.tag, str) and _only_images(previous):
            continue
        seen += 1
        if seen >= 2:
            return True
    return False


_ALT_MIN_WORDS = 4  # "ảnh 1", "logo", a file name say nothing a caption would
# A caption is none of these: headings, links, the picture itself, non-content elements.
_NOT_CAPTION_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "img", *NON_CONTENT_TAGS})


_ECHO_LEVELS = 4  # img, its link, its figure, the figure's wrapper: the picture's own box


def _in_link(element: HtmlElement, box: HtmlElement) -> bool:
    for parent in element.iterancestors():
        if parent is box:
            return False
        if parent.tag == "a" and parent.get("href") is not None:
            return True
    return False


def _echoing_alt(image: HtmlElement, not_captions: frozenset[str]) -> list[HtmlElement]:
    """The blocks in the image's own box (its widest ancestor, at most four levels up, that is
    figure-sized) that say what its `alt` or `title` says, widest first and none inside another;
    not a heading or a link. An alt that opens with a text the caller knows to be something else
    says nothing of this picture: templates fill it with the headline ("Headline 1", "Headline
    2" …) or the sapo. A picture that links to another page is a teaser's, its alt that story's
    headline."""
    keys = {squash(value) for value in (image.get("alt"), image.get("title")) if value}
    keys = {
        key
        for key in keys
        if _ALT_MIN_WORDS <= len(key.split()) <= _CAPTION_MAX_WORDS
        and not any(key.startswith(other) for other in not_captions)
    }
    if not keys or _links_to_a_page(image):
        return []
    box, box_text = None, ""
    for parent in list(ancestors(image))[:_ECHO_LEVELS]:
        text = parent.text_content()
        # collapsing the whitespace of an ancestor that holds the whole article costs more than the
        # rest: a text that long raw (templates indent deeply) is not a figure's
        if (
            parent.tag in ("body", "html")
            or len(text) > 4 * FIGURE_MAX_CHARS
            or _size(text) > FIGURE_MAX_CHARS
        ):
            break
        box, box_text = parent, text
    said = squash(box_text) if box is not None else ""
    if box is None or not any(key in said for key in keys):
        return []
    found: list[HtmlElement] = []
    for element in box.iter(etree.Element):
        if element is box or element.tag in _NOT_CAPTION_TAGS or squash(element.text_content()) not in keys:
            continue
        if any(element is el or el in element.iterancestors() for el in found):
            continue
        if element.find(".//img") is not None or element.find(".//a[@href]") is not None:
            continue  # a teaser's headline link beside its picture says the alt too
        if not _in_link(element, box) and _set_apart(element, box):
            found.append(element)
    return found


def _size(text: str) -> int:
    return len(" ".join(text.split()))


def _links_to_a_page(image: HtmlElement) -> bool:
    """The picture is a link to another page (a story), not to itself at full size or to nothing."""
    for parent in list(image.iterancestors())[:2]:
        if parent.tag == "a":
            href = (parent.get("href") or "").strip()
            return bool(href) and not href.startswith(("#", "javascript:")) and not PICTURE_FILE.search(href)
    return False


_PHOTO_CREDIT = re.compile(r"(?:^|\W)(?:Ảnh|ẢNH|Nguồn ảnh|Photo)\s*:")


def _set_apart(element: HtmlElement, box: HtmlElement) -> bool:
    """Printed as a caption, not as the story told under its pictures (a 2012 photo story's
    sentences say what the photos' alt says too): inside the figure, wholly in italics, or
    carrying a photo credit ("… Ảnh: CTV")."""
    chain = [element, *(a for a in _up_to(element, box))]
    if any(node.tag in ("figure", "figcaption") for node in chain):
        return True
    text = " ".join(element.text_content().split())
    italic = " ".join(
        " ".join(el.text_content().split()) for el in element.iter("i", "em") if el is not element
    )
    return italic == text or element.tag in _ITALIC_TAGS or bool(_PHOTO_CREDIT.search(text))


def _up_to(element: HtmlElement, box: HtmlElement) -> list[HtmlElement]:
    chain = []
    for parent in element.iterancestors():
        if parent is box:
            break
        chain.append(parent)
    return chain


_LINE_TAGS = frozenset({"p", "div", "span", "em", "i", "small", "font", "b", "strong", "center"})
_STORY_AROUND_WORDS = 40  # what the box's surroundings print beyond it: the box is in a story
_STORY_PICTURES = 3  # pictures with lines under them that may tell the story (chrome's photo story)


def _alone_in(element: HtmlElement, parent: HtmlElement) -> bool:
    """The parent shows the element and nothing else (a picture's link, cell, row)."""
    return (
        parent.tag not in ("body", "html")
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (element.tail or "").strip()
    )


def _lines_under_picture(image: HtmlElement) -> list[HtmlElement]:
    """The text blocks of a figure-like box: the box opens with the picture (the image, or the
    widest element showing it alone) and holds after it only text blocks without links or
    pictures. Where figure markup, centring and class words are absent, this shape is what tells
    the line under a picture from a paragraph after it (which the article's container holds
    beside other paragraphs). Whether the lines are a caption is the caller's to judge."""
    if _links_to_a_page(image):
        return []
    picture = image
    while (parent := picture.getparent()) is not None and _alone_in(picture, parent):
        picture = parent
    box = picture.getparent()
    if box is None or box.tag in ("body", "html") or box.tag in NON_CONTENT_TAGS:
        return []
    if (box.text or "").strip() or picture.getprevious() is not None or (picture.tail or "").strip():
        return []
    lines = list(picture.itersiblings())
    if any(
        line.tag not in _LINE_TAGS
        or (line.tail or "").strip()
        or line.find(".//img") is not None
        or line.find(".//a[@href]") is not None
        for line in lines
    ):
        return []
    return [line for line in lines if text_of(line)]


def _holds_only(parent: HtmlElement) -> bool:
    return parent.tag not in ("body", "html") and len(parent) == 1


def _only_picture_boxes(element: HtmlElement) -> bool:
    children = [child for child in element if isinstance(child.tag, str)]
    return len(children) > 1 and all(child.find(".//img") is not None for child in children)


def _in_a_story(lines: list[HtmlElement]) -> bool:
    """The figure-like box stands in a story that prints more around it, not alone as the page's
    text: its surroundings (above the elements holding only the box) print ≥ 40 more words."""
    outer = lines[0].getparent()
    while outer is not None and (parent := outer.getparent()) is not None and _holds_only(parent):
        outer = parent
    around = outer.getparent() if outer is not None else None
    while around is not None and around.tag not in ("body", "html") and _only_picture_boxes(around):
        around = around.getparent()  # a gallery's row of picture boxes stands in the story above it
    said = sum(len(text_of(line).split()) for line in lines)
    return around is not None and len(around.text_content().split()) >= said + _STORY_AROUND_WORDS


def find_unclassed_captions(
    tree: HtmlElement, not_captions: frozenset[str] = frozenset()
) -> list[HtmlElement]:
    """Elements holding captions that are marked up only by their place under an image, or by
    saying what the image's `alt` says. `not_captions`: squashed texts that are something else
    (the headline, the page's description): an alt opening with one describes no picture."""
    found: list[HtmlElement] = []
    pictures_with_lines: list[tuple[HtmlElement, list[HtmlElement]]] = []
    centring_marks_captions: bool | None = None
    set_under: list[HtmlElement] = []  # lines set as captions (centred, italic) under picture blocks
    told = 0  # lines set the same way and too long for a caption
    # Lines under a picture block that close with a credit, however set: added last, so that the
    # gallery and photo-story rules below count only the pictures they counted before.
    credited: list[HtmlElement] = []
    for image in tree.iter("img"):
        found.extend(el for el in _echoing_alt(image, not_captions) if el not in found)
        block = image.getparent()
        while block is not None and block.tag not in _BLOCKS[:4] and block.tag not in ("body", "html"):
            block = block.getparent()
        if block is None or block.tag in ("body", "html") or block.tag in NON_CONTENT_TAGS:
            continue
        inline = _text_after_image(block)
        if inline:
            found.extend(el for el in inline if el not in found)
            continue
        if under := _lines_under_picture(image):
            pictures_with_lines.append((image, under))
        if not _only_images(block):
            continue
        row, following = _picture_row(block)
        if _told_under(following):
            told += 1  # set like a caption, long like a paragraph: counted, never taken
            following = None
        if not _may_caption(following):
            following = None
        elif following in found:
            continue
        if following is not None and is_centred(following) and centring_marks_captions is None:
            centring_marks_captions = not _centred_text_elsewhere(tree)
        if following is not None and (
            (is_centred(following) and centring_marks_captions) or _wholly_italic(following)
        ):
            found.append(following)
            set_under.append(following)
        elif following is not None and _closes_with_credit(following):
            credited.append(following)
        elif (above := _caption_above(row, found, not_captions)) is not None:
            found.append(above)
    if told and told + len(set_under) >= _STORY_PICTURES:
        # A numbered gallery whose text is told under its pictures: the lines set under the
        # pictures are all alike, the long ones are the story's paragraphs, so the short ones are
        # too ("(6/15) …" between "(5/15)" and "(7/15)"): none of them is a caption.
        found = [el for el in found if el not in set_under]
    # A carousel's slides are one set: the lines of each slide are caption candidates as its
    # classed siblings' are, whatever their class (chrome's photo-story rule then decides them
    # together: all text, or all captions).
    found.extend(line for line in _carousel_lines(pictures_with_lines) if line not in found)
    # Lines under one or two pictures of a story are their captions; under three or more they
    # may be the story itself (a photo story, recipe steps beside their photos): left as text.
    # Pictures whose lines another rule already took as captions (said by the alt, set in italics)
    # are captioned figures, not a photo story's pictures: they do not count towards three.
    pictures_with_lines = [
        (image, lines) for image, lines in pictures_with_lines if not all(line in found for line in lines)
    ]
    if len(pictures_with_lines) < _STORY_PICTURES:
        for image, lines in pictures_with_lines:
            said = squash(" ".join(text_of(line) for line in lines))
            if _short(said) and not _said_elsewhere(said, image, not_captions) and _in_a_story(lines):
                found.extend(line for line in lines if line not in found)
    found.extend(line for line in credited if line not in found)
    return found


_CAROUSEL_SLIDES = 3


def _slide(lines: list[HtmlElement]) -> HtmlElement | None:
    """The widest element that is one picture's figure-like box: its box, and the elements
    around it that hold nothing else (a slide's wrapper inside a slide)."""
    slide = lines[0].getparent()
    while slide is not None and (parent := slide.getparent()) is not None and _holds_only(parent):
        slide = parent
    return slide if slide is not None and slide.getparent() is not None else None


def _carousel_lines(pictures_with_lines: list[tuple[HtmlElement, list[HtmlElement]]]) -> list[HtmlElement]:
    """The lines of a carousel's slides: a run of three or more sibling elements of one tag, each
    a picture with one short line under it (a figure-like box, no link; `_a_caption`), that fills
    its box (the carousel's track: `_a_track`). Such a run is one set of
    pictures and captions; its caption elements may be classed apart from slide to slide, or not
    at all, which says nothing about what they are. A run where one slide prints more than a
    caption (the story told under its pictures, recipe steps) is left as it is: its short lines
    are the story's too."""
    lines_of: dict[HtmlElement, list[HtmlElement]] = {}
    for _, lines in pictures_with_lines:
        if (slide := _slide(lines)) is not None:
            lines_of.setdefault(slide, lines)
    runs: list[list[HtmlElement]] = []
    for slide in lines_of:  # in document order
        if runs and previous_element(slide) is runs[-1][-1] and slide.tag == runs[-1][-1].tag:
            runs[-1].append(slide)
        else:
            runs.append([slide])
    found: list[HtmlElement] = []
    for run in runs:
        if len(run) >= _CAROUSEL_SLIDES and _a_track(run) and all(_a_caption(lines_of[s]) for s in run):
            found.extend(line for slide in run for line in lines_of[slide])
            # the track's own counter ("Ảnh 2 của 6") goes with the slides (chrome drops it)
            found.extend(child for child in run[0].itersiblings() if _counts(child))
            found.extend(child for child in run[0].itersiblings(preceding=True) if _counts(child))
    return found


_TEXT_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


def _text_blocks(line: HtmlElement) -> list[HtmlElement]:
    """The innermost blocks holding the line's text (the line itself when it holds none)."""
    inner = [block for block in line.iterdescendants(*_TEXT_BLOCKS) if text_of(block)]
    leaves = [block for block in inner if not any(other in inner for other in block.iterdescendants())]
    return leaves or [line]


def _a_caption(lines: list[HtmlElement]) -> bool:
    """A slide's lines read as one caption: short, and one block of text besides a photo credit
    and the slide's counter ("2/5"). A card's title over its text ("<p>Title</p><p>Text …</p>", a
    feature grid) is two."""
    blocks = [block for line in lines for block in _text_blocks(line)]
    said = [block for block in blocks if not _PHOTO_CREDIT.search(text_of(block)) and not _counts(block)]
    return _short(squash(" ".join(map(text_of, lines)))) and len(said) <= 1


# A slide counter: "1/5", "2 / 6", "Ảnh 2 của 6", "Photo 3 of 8": two small numbers, the first not
# above the second, with a picture's word before them and a slash or "of" between them
# (chrome_labels.toml [slide_counter]).
_SLIDE_COUNTER = load("chrome_labels")["slide_counter"]
_COUNTER = re.compile(
    r"^(?:(?:" + "|".join(map(re.escape, _SLIDE_COUNTER["before"])) + r")\s+)?(\d{1,3})\s*"
    r"(?:"
    + "|".join(re.escape(w) if w == "/" else rf"\s{re.escape(w)}\s" for w in _SLIDE_COUNTER["between"])
    + r")\s*(\d{1,3})$",
    re.I,
)
_TRACK_TITLE_WORDS = 15


def _counts(element: HtmlElement) -> bool:
    return is_slide_counter(text_of(element))


def is_slide_counter(text: str) -> bool:
    """The text is a carousel's counter and nothing else: no caption, no line of a story."""
    found = _COUNTER.match(text)
    return found is not None and 0 < int(found[1]) <= int(found[2])


def _a_track(run: list[HtmlElement]) -> bool:
    """The slides are all their box prints: nothing but them in the box, besides blocks without
    text (the arrows and dots), a counter ("1/5", "Ảnh 2 của 6") and one short title line before
    them (the gallery's name). Pictures with their lines set among the story's paragraphs (recipe
    steps in picture-and-text tables) are the story's own blocks, not a carousel."""
    box = run[0].getparent()
    if box is None or (box.text or "").strip():
        return False
    members = set(run)
    titled = False
    for child in box:
        if not isinstance(child.tag, str) or child in members:
            continue
        if (child.tail or "").strip():
            return False
        if not text_of(child) or _counts(child):
            continue
        if titled or box.index(child) > box.index(run[0]) or not _a_title(child):
            return False
        titled = True
    return True


def _a_title(element: HtmlElement) -> bool:
    """A short line with no picture: a gallery's name over its slides, not a paragraph of a story."""
    return element.find(".//img") is None and len(text_of(element).split()) <= _TRACK_TITLE_WORDS


def _said_elsewhere(said: str, image: HtmlElement, not_captions: frozenset[str]) -> bool:
    """Lines a plain box cannot tell from text: what the image's alt says (a photo story prints
    its sentences under the pictures and in their alt; `_echoing_alt` decides them by how they
    are set), or what opens with the headline or the page's description (a sapo beside the hero
    picture)."""
    alts = {squash(value) for value in (image.get("alt"), image.get("title")) if value}
    return said in alts or any(other and said.startswith(other) for other in not_captions)
