"""Small lxml helpers shared by the extraction modules: parsing, text, class words, positions.

Every rule in the extractor asks the same few questions of an element ("what does it say",
"what do its class names say", "is it in the page header", "how far is it from the headline"),
so they are answered once here, the same way for every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from itertools import islice

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dates import looks_like_date
from indexer.errors import UnreadableInput
from indexer.text import clean

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# A link to a picture file (a photo at full size), not to a page.
PICTURE_EXTENSIONS = "jpe?g|png|gif|webp|avif|bmp|svg"
PICTURE_FILE = re.compile(rf"\.(?:{PICTURE_EXTENSIONS})(?:[?#].*)?$", re.I)
# "</head></html>" closing the document before its <body> (session 21: a template printed the body
# after it). Browsers read on; libxml2 drops everything after </html>, and the page had no text.
_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body[\s>]", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# <rt>/<rp>: a ruby annotation is a reading aid printed over the words (the kana over a kanji), not
# part of the sentence; a text that keeps it says every such word twice.
NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "rt", "rp")
# HTML5 landmarks that hold site chrome, never the article (a <header>/<footer> INSIDE an <article> is
# the article's own, which often carries the headline or the byline, so it is not chrome).
CHROME_LANDMARKS = frozenset({"header", "nav", "aside", "footer"})


class PageElement(lxml.html.HtmlElement):
    """An element of a parsed page: an HtmlElement whose `text_content` is read in one C call.

    lxml.html answers `text_content()` by evaluating the XPath `string()`, which sets up an XPath
    context on every call; the rules (and trafilatura, on its copies of the page) ask it hundreds
    of thousands of times on a benchmark, mostly of small elements, where that setup is most of
    the cost. libxml2 gives the same string (every text node below the element, in document
    order, the element's own tail left out) when it serialises the element as text, in half the
    time."""

    def text_content(self) -> str:
        return etree.tostring(self, method="text", encoding="unicode", with_tail=False)


# Comments and processing instructions are never shown to a reader, and as tree nodes they break
# every "next element" walk (lxml raises on text_content() of a comment): they are dropped at parse.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
# Every element is a PageElement, chosen in C: lxml.html's default lookup runs a Python
# function for each element proxy created (thousands per page, in every walk of the tree and in
# trafilatura's), only to give <form>/<input>/<select>/<textarea>/<label> form-handling classes
# that extraction never uses.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=PageElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


class NotHtmlError(UnreadableInput):
    """The text could not be parsed as an HTML document."""


def parse_html(text: str) -> HtmlElement:
    """Parse a decoded page; lxml refuses str input that still carries an XML encoding declaration.
    Control characters XML forbids are dropped first: never displayed, and text holding one
    cannot be set on the XML tree trafilatura builds (an ESC in a div crashed it)."""
    text = xml_safe(_XML_DECLARATION.sub("", text, count=1))
    if "&#" in text:
        text = _INVALID_REFERENCE.sub("", text)
    text = _without_early_end(text)
    if not text.strip():
        raise NotHtmlError("the page is empty")
    try:
        tree = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise NotHtmlError(f"the page is not parseable HTML ({error})") from error
    if tree is None or tree.find("body") is None and not len(tree):
        raise NotHtmlError("the page has no HTML body")
    return tree


def _without_early_end(text: str) -> str:
    """The page without an </html> printed before its <body>."""
    body = _BODY_START.search(text)
    if body is None or _HTML_END.search(text, 0, body.start()) is None:
        return text
    return _HTML_END.sub("", text[: body.start()]) + text[body.start() :]


def words_of(element: HtmlElement) -> frozenset[str]:
    """Lower-case words of the element's class and id ("details__author" → details, author;
    "imgCon" → img, con), so that rules can ask for a word instead of a whole class name."""
    raw = f"{element.get('class', '')} {element.get('id', '')}"
    return _words(raw) if raw.strip() else frozenset()


@lru_cache(maxsize=8192)
def _words(raw: str) -> frozenset[str]:
    lowered = raw.lower()
    if lowered != raw:  # a capital somewhere: "imgCon" is split where the capital starts a word
        lowered = _CAMEL.sub(" ", raw).lower()
    return frozenset(_WORD.findall(lowered))


# Elements that start a new line when rendered: their text must not run into the neighbour's.
# fmt: off
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
    "tbody", "section", "article", "header", "footer", "blockquote", "figure", "figcaption", "dd", "dt", "dl",
    "hr", "pre", "address", "aside", "nav", "main", "form",
})
# fmt: on


# A line break in the page's source is a space on screen (outside <pre>): pretty-printed templates
# hard-wrap a sapo or a caption ("… dự⏎                án …"), minified ones do not.
_SOURCE_LINE_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def as_printed(text: str) -> str:
    """Text from the page's source with its line breaks as the spaces a reader sees."""
    return _SOURCE_LINE_BREAK.sub(" ", text) if "\n" in text else text


def raw_text(element: HtmlElement) -> str:
    """Visible text of an element as a browser would run it together: inline tags joined without
    a space ("“<a>mạng xã hội</a>”" stays "“mạng xã hội”"), block tags separated, the source's
    line breaks as spaces; scripts left out."""
    parts: list[str] = []
    if isinstance(element.tag, str) and element.tag not in NON_CONTENT_TAGS:
        if element.text:
            parts.append(element.text)
        for child in element:
            _collect_text(child, parts)
    text = "".join(parts)
    return text if element.tag == "pre" else as_printed(text)


def _collect_text(element: HtmlElement, parts: list[str]) -> None:
    if isinstance(element.tag, str) and element.tag not in NON_CONTENT_TAGS:
        block = element.tag in BLOCK_TAGS
        if block:
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        for child in element:
            _collect_text(child, parts)
        if block:
            parts.append(" ")
    if element.tail:
        parts.append(element.tail)


def text_of(element: HtmlElement) -> str:
    """Normalised visible text (tail excluded)."""
    return clean(raw_text(element))


# The page's text nodes that print something, in document order, as plain strings: lxml's default
# "smart" strings (which know their element) cost an object holding the element for each.
_PRINTED_TEXTS = etree.XPath("//body//text()[normalize-space()]", smart_strings=False)


def printed_texts(tree: HtmlElement) -> list[str]:
    """The page's non-blank text nodes as plain strings, for rules that read only the words."""
    return _PRINTED_TEXTS(tree)


def short_raw_text(element: HtmlElement, limit: int = 60) -> str | None:
    """The element's raw (unnormalised) text if it is short, else None.

    Stops reading as soon as `limit` is passed, so asking every <div> of a page "are you just a
    label?" costs little even when the <div> holds the whole page.
    """
    size = 0
    parts: list[str] = []
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in NON_CONTENT_TAGS:
            continue
        if node.tag in BLOCK_TAGS:
            parts.append(" ")
        for piece in (node.text, node.tail if node is not element else None):
            if piece:
                size += len(piece.strip())
                if size > limit * 2:
                    return None
                parts.append(piece)
    return "".join(parts) if size <= limit * 2 else None


def short_text(element: HtmlElement, limit: int = 60) -> str | None:
    """Normalised text of the element if it is at most `limit` characters, else None."""
    raw = short_raw_text(element, limit)
    if raw is None:
        return None
    text = clean(raw)
    return text if len(text) <= limit else None


def ancestors(element: HtmlElement) -> Iterator[HtmlElement]:
    parent = element.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def next_element(element: HtmlElement) -> HtmlElement | None:
    """The next sibling that is an element: rules read blocks, and a sibling that is no element
    (an entity; a comment in a tree not parsed by `parse_html`) says nothing to them."""
    following = element.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    return following


def previous_element(element: HtmlElement) -> HtmlElement | None:
    """The previous sibling that is an element (see `next_element`)."""
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return previous


def holding_boxes(keep: Iterable[HtmlElement | None]) -> set[HtmlElement]:
    """The kept elements (the headline, the lead, the byline) and every box around them: removing
    any of these boxes would remove what the page must keep, so widget rules never take one."""
    return {a for k in keep if k is not None for a in (k, *ancestors(k))}


def widest_box(
    element: HtmlElement,
    holding: Collection[HtmlElement],
    fits: Callable[[HtmlElement], bool],
    stop: Collection[str] = ("body", "html"),
) -> HtmlElement:
    """The widest box around `element` that still `fits`, or `element` itself. The climb ends at a
    tag in `stop`, at a box in `holding` (around the headline, the lead, the byline) and at the
    first box that does not fit: a widget's rules say where it ends by its size and shape, since
    the class names that would say so are often hashed."""
    box = element
    for parent in ancestors(element):
        if parent.tag in stop or parent in holding or not fits(parent):
            break
        box = parent
    return box


# Class/id roots that mark an image/media wrapper: matched inside longer words ("imgCon",
# "imagefull", "PhotoCMS_Caption") for the distinctive ones, as whole words for the short ones.
_IMAGE_ROOTS = ("img", "image", "photo", "thumb", "figure", "gallery", "caption", "slide")
_IMAGE_WORDS = frozenset({"pic", "picture", "media", "video", "anh", "hinh", "avatar", "figcaption"})


_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)


def is_centred(element: HtmlElement) -> bool:
    """Set centred by its own markup: where a caption sits under a picture, or a heading over a box."""
    return (
        element.tag == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(_CENTRED.search(element.get("style") or ""))
    )


def is_image_box(element: HtmlElement) -> bool:
    """Whether the element is a figure/image wrapper, judged by tag and class/id words."""
    if element.tag in ("figure", "figcaption", "picture"):
        return True
    words = words_of(element)
    return bool(words & _IMAGE_WORDS) or any(root in word for word in words for root in _IMAGE_ROOTS)


FIGURE_MAX_CHARS = 1200  # text in a figure-sized box: an image and its caption, not an article


def in_image_box(element: HtmlElement, *, include_self: bool = False) -> bool:
    """Inside a figure-sized image box (one of its three nearest containers): an image class on a
    whole article container (`article#lightgallery`) makes neither its sapo nor its paragraphs
    captions."""
    chain = [element, *list(ancestors(element))[:3]] if include_self else list(ancestors(element))[:3]
    return any(
        is_image_box(node) and len(" ".join(node.text_content().split())) <= FIGURE_MAX_CHARS
        for node in chain
    )


def attached(element: HtmlElement, tree: HtmlElement) -> bool:
    """Whether the element is still in the page (an earlier rule may have removed its box)."""
    node = element
    while True:
        parent = node.getparent()
        if parent is None:
            return node is tree
        node = parent


_SECTIONS = frozenset({"section", "main"})


def in_chrome(element: HtmlElement, *, sectioned: bool = False) -> bool:
    """Inside the page's header, navigation, sidebar or site footer (by HTML5 landmark or role).

    A <header> or <footer> inside an <article> is that article's own (HTML sections them by their
    nearest sectioning element): WordPress themes put the h1 and the byline in
    `<article><header class="entry-header">`. With `sectioned`, one inside a <section> or <main>
    is that section's too, as HTML and ARIA's banner role have it (`<section class="single-post">
    <header><h1>`): asked of headline candidates only, since templates also put a comment form's
    or a widget's <footer> in a <section> that no other rule would then see as furniture."""
    chain = [element, *ancestors(element)]
    inside_article = any(a.tag == "article" for a in chain)
    for at, node in enumerate(chain):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in CHROME_LANDMARKS and not (
            tag in ("header", "footer")
            and (inside_article or (sectioned and any(a.tag in _SECTIONS for a in chain[at + 1 :])))
        ):
            return True
        if node.get("role") in ("banner", "navigation", "complementary", "contentinfo"):
            return True
    return False


_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def is_hidden(element: HtmlElement) -> bool:
    """Hidden from the reader by its own markup: `hidden`, `aria-hidden=true` on a block,
    or an inline style display:none / visibility:hidden (a stylesheet's rules are not read)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return style is not None and bool(_HIDDEN_STYLE.search(style))


# On the attribute axis: only elements carrying the attribute are tested (twice as fast as a
# predicate evaluated on every element; the same elements, in page order).
_HIDDEN_OR_STYLED = etree.XPath("descendant-or-self::*/@hidden/.. | descendant-or-self::*/@style/..")


def remove_hidden(tree: HtmlElement, keep: Iterable[HtmlElement | None] = ()) -> list[HtmlElement]:
    """Drop what the page hides from its reader (a slide show's second copy of every caption, a
    schema.org block kept for search engines). A hidden element that holds a `keep` element (the
    headline) or most of the page's paragraph text is kept: some templates reveal the article
    itself by script, and losing the article is worse than keeping a duplicate. The story's rest
    folded under a read-more button (`_continues_text`) is unfolded: its wrapper goes, its
    paragraphs stay (body extractors drop a wrapper classed "expand" or styled hidden). Returns
    the elements removed."""
    protected = [k for k in keep if k is not None]
    marked = _HIDDEN_OR_STYLED(tree)
    hidden = [el for el in marked if el.tag != "html" and is_hidden(el)]
    if not hidden:
        return []
    page_text = max(sum(len(p.text_content()) for p in tree.iter("p")), 1)
    removed: list[HtmlElement] = []
    for element in hidden:
        if element.getparent() is None or not attached(element, tree):
            continue
        if any(k is element or k in element.iter() for k in protected):
            continue
        if sum(len(p.text_content()) for p in element.iter("p")) > 0.5 * page_text:
            continue
        if _continues_text(element):
            element.drop_tag()  # unfolded: its paragraphs stand in the text like the ones before
            removed.append(element)
            continue
        remove(element)
        removed.append(element)
    return removed


_SENTENCE_WORDS = 12


def _says_sentence(element: HtmlElement | None) -> bool:
    return element is not None and len(element.text_content().split()) >= _SENTENCE_WORDS


def _continues_text(element: HtmlElement) -> bool:
    """The story's own rest, folded under a "Đọc tiếp"/"Xem thêm" button (session 17): a hidden
    block right after a block that ends on a paragraph saying a sentence, with such a paragraph
    among its own first ones that the block before does not print already. A slide show's hidden
    captions follow no paragraph; a hidden second copy of the story repeats it."""
    previous = previous_element(element)
    if previous is None:
        return False
    paragraphs = [previous] if previous.tag == "p" else previous.findall(".//p")
    if not paragraphs or not _says_sentence(paragraphs[-1]):
        return False
    first = next((p for p in islice(element.iter("p"), 3) if _says_sentence(p)), None)
    return first is not None and " ".join(first.text_content().split()) not in " ".join(
        previous.text_content().split()
    )


_SCRIPT_WRITE = re.compile(
    r"""getElementById\(\s*["']([\w:-]+)["']\s*\)\.inner(?:HTML|Text)\s*=\s*(["'])(.{1,200}?)(?<!\\)\2"""
)


def apply_script_writes(tree: HtmlElement) -> int:
    """Fill empty elements with the short text an inline script writes into them
    (`document.getElementById("ngayDang").innerHTML = "Thứ ba, 14/03/2017, 09:25"`), and print
    in place of a script the date it writes there (`document.write("05/12/2025 14:20")`, or
    `document.write(fmt("2025-12-05T14:20:00+07:00"))`: the one date-time literal it formats):
    the reader sees that text, and some templates print the publication date only this way."""
    written = 0
    for script in tree.iter("script"):
        source = script.text or ""
        for element_id, _, value in _SCRIPT_WRITE.findall(source):
            target = tree.get_element_by_id(element_id, None)
            if target is None or len(target) or (target.text or "").strip():
                continue
            target.text = _as_text(value)
            written += 1
        if "document.write" in source and (date := _written_date(source)):
            script.tail = f" {date} {script.tail or ''}"
            written += 1
    return written


_DOCUMENT_WRITE = re.compile(r"""document\.write(?:ln)?\(\s*(["'])(.{1,200}?)(?<!\\)\1\s*\)""")
_DATE_LITERAL = re.compile(r"""["'](\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}[^"']{0,15})["']""")


def _as_text(value: str) -> str:
    return xml_safe(lxml.html.fromstring(f"<span>{value}</span>").text_content())


def _written_date(source: str) -> str | None:
    """The date a document.write script prints: its literal argument when that reads as a date,
    else the single date-time literal in the script (the value its formatting function is given)."""
    for _, value in _DOCUMENT_WRITE.findall(source):
        text = " ".join(_as_text(value).split())
        if text and len(text) <= 80 and looks_like_date(text):
            return text
    literals = set(_DATE_LITERAL.findall(source))
    return literals.pop() if len(literals) == 1 else None


# Characters lxml can hold when parsing but refuses to set: C0 controls other than tab/newline/CR,
# and the two noncharacters U+FFFE and U+FFFF.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_XML_INVALID_CHARS = tuple(
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)

# A numeric reference to one of those characters ("&#1;", "&#x1f;", "&#65535;", or "&#1" without its
# semicolon): libxml2's HTML parser turns it into the character itself, after `xml_safe` has looked
# at the raw text, and the next step that sets the text on an element raises.
_INVALID_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)


def xml_safe(text: str) -> str:
    """The text without the control characters lxml refuses to set on an element. (Pages almost
    never hold one: looking for each with `in` costs a third of the regex's scan of a page.)"""
    return _XML_INVALID.sub("", text) if any(char in text for char in _XML_INVALID_CHARS) else text


def remove(element: HtmlElement) -> None:
    """Drop an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _XML_INVALID.sub("", (previous.tail or "") + element.tail)
        else:
            parent.text = _XML_INVALID.sub("", (parent.text or "") + element.tail)
    parent.remove(element)


def select(tree: HtmlElement, selectors: Sequence[str]) -> list[HtmlElement]:
    """Elements matching any CSS selector, in document order, nested matches collapsed."""
    if not selectors:
        return []
    from lxml.cssselect import CSSSelector

    found: dict[HtmlElement, None] = {}
    for selector in selectors:
        try:
            matcher = CSSSelector(selector)
        except Exception as error:  # cssselect raises its own SelectorSyntaxError family
            raise ValueError(f"invalid CSS selector {selector!r}: {error}") from error
        for element in matcher(tree):
            found[element] = None
    order = {element: i for i, element in enumerate(tree.iter())}
    ordered = sorted(found, key=lambda el: order.get(el, -1))
    chosen = set(ordered)
    return [el for el in ordered if not any(a in chosen for a in ancestors(el))]


# Elements with a class or an id, in page order; on the attribute axis, as `_HIDDEN_OR_STYLED`.
_CLASSED = etree.XPath("descendant-or-self::*/@class/.. | descendant-or-self::*/@id/..")


class PageIndex:
    """One pass over the page: document order of every element, and elements by class/id word.

    Rules ask "which elements are classed author / date / tag / caption / sapo?" and "how far is
    this from the headline?"; answering from one index instead of one XPath scan per rule keeps
    extraction close to trafilatura's own cost.
    """

    def __init__(self, tree: HtmlElement) -> None:
        # Element selection in C (iter over elements only, XPath for classed ones): this runs on
        # every element of every page.
        self.elements: list[HtmlElement] = list(tree.iter(etree.Element))
        self._position: dict[HtmlElement, int] = {element: i for i, element in enumerate(self.elements)}
        # A template repeats its class names: the elements are grouped by their (class, id) pair
        # first, and each distinct pair is split into words once, its group filed under each word.
        # A word's list is so in document order pair by pair, not overall: `with_words` sorts.
        groups: dict[tuple[str | None, str | None], list[HtmlElement]] = {}
        for element in _CLASSED(tree):
            names = (element.get("class"), element.get("id"))
            group = groups.get(names)
            if group is None:
                groups[names] = [element]
            else:
                group.append(element)
        self._by_word: dict[str, list[HtmlElement]] = {}
        for group in groups.values():
            for word in words_of(group[0]):
                self._by_word.setdefault(word, []).extend(group)

    def without(self, removed: Iterable[HtmlElement]) -> PageIndex:
        """The index of the page after these elements (and all inside them) were removed: the
        same as indexing the page again, without walking it."""
        gone = {node for element in removed for node in element.iter()}
        index = PageIndex.__new__(PageIndex)
        index.elements = [element for element in self.elements if element not in gone]
        index._position = {element: i for i, element in enumerate(index.elements)}
        index._by_word = {}
        for word, elements in self._by_word.items():
            kept = [element for element in elements if element not in gone]
            if kept:
                index._by_word[word] = kept
        return index

    @cached_property
    def links(self) -> list[HtmlElement]:
        """The page's `<a>` elements in document order, for rules that ask what the page's links
        print (a menu naming a section) without walking the tree again."""
        return [element for element in self.elements if element.tag == "a"]

    def of(self, element: HtmlElement | None) -> int:
        """Document position of the element (-1 when unknown or None)."""
        return -1 if element is None else self._position.get(element, -1)

    def with_words(self, words: Iterable[str]) -> list[HtmlElement]:
        """Elements having any of these class/id words, in document order."""
        found = {el for word in words for el in self._by_word.get(word, ())}
        return sorted(found, key=self._position.__getitem__)

    def with_word_containing(self, fragments: Iterable[str]) -> list[HtmlElement]:
        """Elements with a class/id word containing a fragment ("imgcaption" contains "caption")."""
        words = {word for fragment in fragments for word in self._by_word if fragment in word}
        return self.with_words(words)

    def window(self, start: int, end: int) -> list[HtmlElement]:
        return self.elements[max(start, 0) : max(end, 0)]


# Elements that make a table cell a page region rather than a data value.
_LAYOUT_CELL_CONTENT = (
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "form",
    "ul",
    "ol",
    "iframe",
    "dl",
)
_TABLE_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col")
_LONG_CELL_WORDS = 40


def _rows(table: HtmlElement) -> list[HtmlElement]:
    rows = [child for child in table if child.tag == "tr"]
    for section in (child for child in table if child.tag in ("tbody", "thead", "tfoot")):
        rows.extend(child for child in section if child.tag == "tr")
    return rows


def _paragraphs_written_as_text(cell: HtmlElement) -> int:
    """Runs of words directly in the cell that a blank line (`<br><br>`) sets apart: paragraphs
    written without `<p>`, as 2000s templates do ("<b>Bước 2:</b><br><br>Dùng …")."""
    runs, words, blank_line = 0, bool((cell.text or "").strip()), False
    children = list(cell)
    for i, child in enumerate(children):
        if child.tag == "br":
            following = children[i + 1] if i + 1 < len(children) else None
            if following is not None and following.tag == "br" and not (child.tail or "").strip():
                runs, words, blank_line = runs + words, False, True
                continue
        elif child.tag not in BLOCK_TAGS and child.text_content().strip():
            words = True
        if (child.tail or "").strip():
            words = True
    return runs + words if blank_line else 0


def _is_layout_table(table: HtmlElement) -> bool:
    """A table that lays out the page rather than holding data: 2000s templates (ASP.NET,
    SharePoint) build whole pages and image-with-caption boxes out of tables. A single-column
    table is never data; otherwise a cell holding page structure (divs, headings, lists, forms,
    other tables), several paragraphs (`<p>`s, or runs of text a blank line sets apart) or a
    paragraph-sized text makes it a layout table."""
    rows = _rows(table)
    cells = [cell for row in rows for cell in row if cell.tag in ("td", "th")]
    if not cells:
        return True
    if max(sum(1 for cell in row if cell.tag in ("td", "th")) for row in rows) <= 1:
        return True
    for cell in cells:
        if any(True for _ in cell.iter(*_LAYOUT_CELL_CONTENT)):
            return True
        if len(cell.findall(".//p")) + _paragraphs_written_as_text(cell) > 1:
            return True
        if len(cell.text_content().split()) > _LONG_CELL_WORDS:
            return True
    return False


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn layout tables into plain blocks (table, rows and cells become divs), so that the body
    extractor reads the article in them as paragraphs instead of one table row of run-together
    text, and image boxes built as tables expose their captions. Data tables are left alone.
    Innermost tables are judged first: an outer table's verdict must not depend on inner ones."""
    tables = [table for table in tree.iter("table")]
    unwrapped = 0
    for table in reversed(tables):
        if table.getparent() is None or not _is_layout_table(table):
            continue
        for part in [table, *(el for el in table.iter(*_TABLE_PARTS) if _owning_table(el) is table)]:
            part.tag = "div"
            for attribute in ("colspan", "rowspan", "cellpadding", "cellspacing", "border"):
                part.attrib.pop(attribute, None)
        unwrapped += 1
    return unwrapped


def _owning_table(element: HtmlElement) -> HtmlElement | None:
    return next((a for a in ancestors(element) if a.tag == "table"), None)


_STAMP_ATTRIBUTE = re.compile(r"^data-(?:[a-z]+-)*(?:date|datetime|time|timestamp|published|pubdate)$")
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def machine_stamp(element: HtmlElement) -> str | None:
    """A <time>'s machine-readable value: `datetime`, or else an ISO stamp in a data attribute
    named for it (`<time data-published="2016-12-09 09:13:00Z">4 hours ago</time>`: the printed
    text is relative, the attribute says when). An <abbr> gives its ISO `title` (the hAtom
    microformat's way, before <time>: `<abbr class="published" title="2017-07-23T17:06:45+0000">`
    around a day printed in words)."""
    if element.tag == "abbr":
        title = (element.get("title") or "").strip()
        return title if _ISO_STAMP.match(title) else None
    if value := element.get("datetime"):
        return value
    for name, value in element.attrib.items():
        if _STAMP_ATTRIBUTE.match(name) and _ISO_STAMP.match(value.strip()):
            return value.strip()
    return None
