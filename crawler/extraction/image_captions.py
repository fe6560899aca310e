"""Image captions that carry no caption markup: the line an editor typed under a picture.

Templates before figure/figcaption (2000s ASP.NET and SharePoint CMSs, the WordPress classic
editor) write a caption as plain text next to the image, told apart only by where it stands:
- after the image inside the same block (`<p align="center"><img><br><em>Caption</em></p>`);
- in the block right after a block that holds only images, when that block is centred or wholly
  italic (`<div style="text-align:center"><img></div><div style="text-align:center">Caption</div>`).
A caption is short and is not a paragraph of the story; chrome.take_captions collects and
removes these with the classed ones.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.extraction.dom import BLOCK_TAGS, NON_CONTENT_TAGS, text_of, xml_safe

_CAPTION_MAX_WORDS = 40
_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)
_ITALIC_TAGS = frozenset({"em", "i"})
_BLOCKS = ("p", "div", "td", "center", "span")


def _is_centred(element: HtmlElement) -> bool:
    return (
        element.tag == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(_CENTRED.search(element.get("style") or ""))
    )


def _only_images(element: HtmlElement) -> bool:
    """The block shows images and no text (links and formatting around the images allowed)."""
    if element.find(".//img") is None:
        return False
    return not any(
        (node.text or "").strip() or (node is not element and (node.tail or "").strip())
        for node in element.iter()
        if isinstance(node.tag, str) and node.tag not in NON_CONTENT_TAGS
    )


def _wholly_italic(element: HtmlElement) -> bool:
    children = [child for child in element if isinstance(child.tag, str) and child.tag != "br"]
    return (
        len(children) == 1
        and children[0].tag in _ITALIC_TAGS
        and not (element.text or "").strip()
        and not (children[0].tail or "").strip()
    )


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
    text = " ".join([tail, *(text_of(el) for el in after)]).strip()
    if not _short(text) or any(el.tag in BLOCK_TAGS and el.tag != "br" for el in after):
        return []
    # An icon at the start of a paragraph is not a picture with a caption: the text must stand on
    # its own line under the image, or the block be a centred picture box, or the text be italic.
    # (Text right after the image, before the break, stands beside it: a floated picture in prose.)
    on_own_line = bool(after) and after[0].tag == "br" and not tail
    italic = not tail and [el.tag for el in after if el.tag != "br"] in (["em"], ["i"])
    if not (on_own_line or _is_centred(block) or italic):
        return []
    if tail:  # bare text after the image: wrap it so it can be collected and removed
        span = block.makeelement("span", {})
        span.text, holder.tail = xml_safe(holder.tail or ""), None
        holder.addnext(span)
        after.insert(0, span)
    return [el for el in after if el.tag != "br" and text_of(el)]


def _centred_text_elsewhere(tree: HtmlElement) -> bool:
    """The page centres ordinary text too (a heading, a list, a closing line not under a picture):
    then a centred line under an image is just more text, not a caption."""
    seen = 0
    for block in tree.iter("p", "div", "center"):
        if not _is_centred(block) or block.find(".//img") is not None or len(text_of(block).split()) < 2:
            continue
        previous = block.getprevious()
        if previous is not None and isinstance(previous.tag, str) and _only_images(previous):
            continue
        seen += 1
        if seen >= 2:
            return True
    return False


def find_unclassed_captions(tree: HtmlElement) -> list[HtmlElement]:
    """Elements holding captions that are marked up only by their place under an image."""
    found: list[HtmlElement] = []
    centring_marks_captions: bool | None = None
    for image in tree.iter("img"):
        block = image.getparent()
        while block is not None and block.tag not in _BLOCKS[:4] and block.tag not in ("body", "html"):
            block = block.getparent()
        if block is None or block.tag in ("body", "html") or block.tag in NON_CONTENT_TAGS:
            continue
        inline = _text_after_image(block)
        if inline:
            found.extend(el for el in inline if el not in found)
            continue
        if not _only_images(block):
            continue
        following = block.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is None or following.tag not in _BLOCKS or following.find(".//img") is not None:
            continue
        text = text_of(following)
        if not _short(text) or following in found:
            continue
        if _is_centred(following) and centring_marks_captions is None:
            centring_marks_captions = not _centred_text_elsewhere(tree)
        if (_is_centred(following) and centring_marks_captions) or _wholly_italic(following):
            found.append(following)
    return found
