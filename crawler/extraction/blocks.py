"""Run trafilatura on the pruned page and turn its XML body into a list of text blocks.

trafilatura finds the article container well; what it returns around the article (a repeated
headline, a caption table, a tag list, a byline) is cleaned afterwards by body.py, which needs
more than plain text to do so: whether a block is a heading, a list item or a table row, how much
of it is link text (related-article lists are all links), whether it is all bold (closing bylines).
So the XML body is kept (`include_links`, `include_formatting`) and read here into `Block`s.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.external import SANITIZED_XPATH
from trafilatura.settings import Extractor
from trafilatura.utils import safe_relative_url

from crawler.extraction.cascade import Extraction, prunes_may_apply, run_cascade
from crawler.extraction.dom import PICTURE_FILE, as_printed, raw_text
from crawler.extraction.keys import squash
from crawler.urls import is_web_url, same_site
from indexer.text import clean


def _body(source: HtmlElement, *, favor_recall: bool = False) -> etree._Element | None:
    """trafilatura's body element for the page, or None when it found no article.

    include_comments=False: reader comments are not the article. Tables stay (OCOP product lists are
    often tables); images are ignored (captions are collected from the DOM instead).

    Two settings only save time, the body is the same: no page URL, because trafilatura would then
    resolve every link of the page, twice or more, where only the few links of the kept blocks
    are asked where they lead (`_leaves_site` resolves those the same way); and `output_format`
    "xml", because the "python" format also renders the body as text, which is never read.

    trafilatura's standard mode checks its own extraction against readability's (and jusText's)
    on every page, about a third of its call on a short news page. Its fast mode skips that
    check; where `_standard_would_agree` shows the check could not have changed the body, the
    fast body is the standard one and is kept. Elsewhere the standard mode runs too, and the page
    costs both calls: so the fast mode is tried only on a page whose paragraphs hold most of its
    text (`_prose_page_chars`), where trafilatura's body usually passes the check."""
    prunes = prunes_may_apply(source)  # asked once for both calls: they prune alike
    if not favor_recall and _FAST_MODE_CHECKED and (page_chars := _prose_page_chars(source)):
        fast = run_cascade(source, _settings(fast=True, favor_recall=False), prunes=prunes)
        if fast is not None and _standard_would_agree(fast, page_chars):
            return fast.body
    standard = run_cascade(source, _settings(fast=False, favor_recall=favor_recall), prunes=prunes)
    return standard.body if standard is not None else None


@cache
def _settings(*, fast: bool, favor_recall: bool) -> Extractor:
    """trafilatura's settings for our calls, built once: given keyword arguments instead,
    `bare_extraction` builds them on every call from its config file (a tenth of a fast call)."""
    return Extractor(
        output_format="xml",
        fast=fast,
        recall=favor_recall,
        comments=False,
        tables=True,
        images=False,
        links=True,
        formatting=True,
        with_metadata=False,
        dedup=False,
    )


# `_standard_would_agree` restates trafilatura 2.3's cascade; another version may add or change a
# step, so there the standard mode runs alone (the same body, only slower) until it is checked again.
_FAST_MODE_CHECKED = trafilatura.__version__.startswith("2.3.")

# What trafilatura 2.3's standard mode does after its own extraction (trafilatura.core,
# trafilatura.external), and so what the fast body must rule out to be the standard body:
# readability replaces a body it finds half as long as its own text or without prose paragraphs,
# jusText replaces a short one (< min_extracted_size) or one holding page furniture (_UNCLEAN);
# a body under 3000 characters and 20 % of the page text is retried with jusText as well; the
# fast mode keeps "teaser"-classed blocks when it recovers wild text, the standard one drops them;
# and a body its own pass found too short is replaced by the baseline's plain paragraphs (joined
# by line breaks in `raw_text`), which the standard mode would have put to readability first.
_UNCLEAN = etree.XPath(SANITIZED_XPATH)  # trafilatura's own list of furniture that calls jusText in
# trafilatura matches "teaser" and "Teaser" in a class or id; "easer" takes both in one cheap scan
_TEASER_CLASSED = etree.XPath("boolean(//@class[contains(., 'easer')] | //@id[contains(., 'easer')])")


# Tried on the 43 dev article pages and trafilatura's 110 sdist pages: with paragraphs holding
# ≥ 60 % of the page's text, most fast bodies pass `_standard_would_agree`; below, most fail.
_PROSE_SHARE = 0.6
_PARAGRAPH_TEXT = etree.XPath("//p//text()", smart_strings=False)
# The page's text with XPath's whitespace (space, tab, CR, LF) collapsed, computed in C. Python's
# split() also collapses other spaces (NBSP), so this is never below the `trim`med text's length.
_PAGE_CHARS = etree.XPath("string-length(normalize-space(/))")


def _prose_page_chars(source: HtmlElement) -> int:
    """The page's text length (whitespace collapsed) when the page is worth trying trafilatura's
    fast mode on, else 0: no "teaser"-classed block (see `_standard_would_agree`), and paragraphs
    holding most of its text (trafilatura's body is mostly paragraphs, and it must hold half of the
    page's text to pass the check). Only the time depends on this guess, never the body."""
    if _TEASER_CLASSED(source):
        return 0
    page = int(_PAGE_CHARS(source))
    prose = len(" ".join(" ".join(_PARAGRAPH_TEXT(source)).split()))
    return page if prose >= _PROSE_SHARE * page else 0


def _standard_would_agree(fast: Extraction, page_chars: int) -> bool:
    """Whether trafilatura's standard mode must have returned this fast-mode body too.

    readability reads a part of the page trafilatura was given, so its text, whitespace collapsed,
    is at most the page's (`page_chars`, measured before the call pruned the page): a body holding
    half of that or more is never "much shorter" than readability's, and it is far above the 20 %
    under which jusText is retried. Measured on 380 dev pages: readability's text ≤ 1.0 of that
    bound, trafilatura's page text for the 20 % ≤ 0.87 of it. A page without "teaser"-classed
    blocks recovers the same wild text in both modes."""
    body, text = fast.body, fast.raw_text
    if len(text) < _settings(fast=False, favor_recall=False).min_extracted_size:
        return False
    if 2 * len(text) < page_chars:
        return False
    if text == "\n".join(child.text or "" for child in body):
        return False  # the baseline's paragraphs (or a one-element body: rare, and only slower)
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return False
    return not _UNCLEAN(body)


@dataclass
class Block:
    """One paragraph-level unit of the extracted body."""

    kind: str  # "p", "head", "item", "row", "quote"
    text: str
    link_chars: int = 0
    bold: bool = False
    group: int = -1  # index of the list/table an item/row belongs to
    italic: bool = False
    outbound_chars: int = 0  # link text pointing off the site (another host, mailto:)

    @cached_property
    def key(self) -> str:
        """The folded word sequence, for comparisons with the title, lead, captions and each other."""
        return squash(self.text)

    @property
    def link_ratio(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def links_out(self) -> bool:
        """All its links leave the site: references the author gives (a petition, a mail address,
        an event page), where the outlet's related headlines link to its own pages."""
        return self.link_chars > 0 and self.outbound_chars >= 0.9 * self.link_chars


def _text(element: etree._Element, *, paragraphs: bool = False) -> str:
    """Text of a trafilatura element: inline <hi>/<ref> run on, <lb/> is a line break;
    `paragraphs`: <p>s inside (a quote's) are a blank line apart, as <lb/><lb/> would be."""
    parts: list[str] = []
    _walk(element, parts, paragraphs)
    return clean("".join(parts))


_OWN_LINE_INSIDE = frozenset({"p", "head", "list", "item", "table", "row", "quote"})


def _walk(element: etree._Element, parts: list[str], paragraphs: bool = False) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif paragraphs and child.tag == "p":
            parts.append("\n\n")
            _walk(child, parts, paragraphs)
            parts.append("\n\n")
        elif child.tag in _OWN_LINE_INSIDE:
            # A paragraph or list inside a cell or an item ("<cell><hi>Bước 2:</hi><p>Dùng …</p>"):
            # a line of its own on screen, never glued to the text before or after it.
            parts.append("\n")
            _walk(child, parts, paragraphs)
            parts.append("\n")
        else:
            _walk(child, parts, paragraphs)
        if child.tail:
            parts.append(child.tail)


def _links(element: etree._Element) -> Iterator[etree._Element]:
    """The element's links: an `<a name>` anchor (a jump target, no href) is text, not a link, nor
    is a link to a picture file (a photo at full size): trafilatura moves the text after such a
    link into it when the link shows only the picture it dropped ("<a href=…jpg></a>Text" becomes
    "<ref>Text</ref>"), and the paragraph read as a link list (session 21)."""
    return (
        ref
        for ref in element.iter("ref")
        if (target := ref.get("target")) and not PICTURE_FILE.search(target)
    )


def _link_chars(element: etree._Element) -> int:
    return sum(len(_text(ref)) for ref in _links(element))


def _outbound_chars(element: etree._Element, url: str | None) -> int:
    return sum(len(_text(ref)) for ref in _links(element) if _leaves_site(ref.get("target") or "", url))


def _leaves_site(target: str, url: str | None) -> bool:
    if target.lower().startswith("mailto:"):
        return True
    if url is None:
        return False
    target = safe_relative_url(url, target) or target  # as trafilatura would have resolved it
    if not is_web_url(target):
        return False
    return not same_site(target, url)


def _is_bold(element: etree._Element, text: str, rend: str = "#b") -> bool:
    bold = " ".join(_text(hi) for hi in element.iter("hi") if rend in (hi.get("rend") or ""))
    return bool(text) and len(clean(bold)) >= 0.9 * len(text)


def _block(kind: str, element: etree._Element, url: str | None, group: int = -1) -> Block | None:
    text = _text(element, paragraphs=kind == "quote")
    if not text:
        return None
    return Block(
        kind,
        text,
        _link_chars(element),
        _is_bold(element, text),
        group,
        _is_bold(element, text, "#i"),
        _outbound_chars(element, url),
    )


_PROSE_LINE_WORDS = 12


def _paragraphs(block: Block) -> list[Block]:
    """One block per paragraph: blank-line separated parts (`<br><br>` between paragraphs) are
    paragraphs, and so is every line of a part holding two or more prose lines (trafilatura's
    whole-page fallback returns the page's text as one <p>, a line per paragraph). A part with a
    single prose line keeps its short lines ("…nữ tính.\nH.V.\nẢnh: Misso" is one paragraph and its
    signature)."""
    if "\n" not in block.text:
        return [block]
    pieces: list[str] = []
    for part in (part.strip() for part in block.text.split("\n\n")):
        lines = [line.strip() for line in part.split("\n") if line.strip()]
        if sum(len(line.split()) >= _PROSE_LINE_WORDS for line in lines) >= 2:
            pieces.extend(lines)
        elif part:
            pieces.append(part)
    if len(pieces) == 1:
        return [block]
    share = block.link_chars / max(len(block.text), 1)
    out_share = block.outbound_chars / max(len(block.text), 1)
    return [
        replace(
            block,
            text=piece,
            link_chars=int(share * len(piece)),
            outbound_chars=int(out_share * len(piece)),
        )
        for piece in pieces
    ]


# Elements that stand on their own line inside a container that trafilatura passed through
# unconverted (its readability fallback returns the chosen part of the page as divs).
_OWN_LINE = frozenset({
    "p", "head", "list", "table", "quote", "div", "section", "article", "main", "header", "footer",
    "aside", "nav", "figure", "blockquote", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
})  # fmt: skip
_TRAFILATURA_UNITS = frozenset({"p", "head", "list", "table", "quote"})


def _is_container(element: etree._Element) -> bool:
    return (
        isinstance(element.tag, str)
        and element.tag not in _TRAFILATURA_UNITS
        and any(isinstance(child.tag, str) and child.tag in _OWN_LINE for child in element)
    )


def _units(body: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraph-level elements. trafilatura's own extraction gives them as the body's
    children; its readability fallback gives a div of the page holding headings, paragraphs and
    divs, whose text read as one block ran the date line, the headline and every paragraph
    together (they came apart only where the page's source happened to break lines)."""
    for child in body:
        if _is_container(child):
            yield from _split_container(copy.deepcopy(child))
        else:
            yield child


def _split_container(container: etree._Element) -> Iterator[etree._Element]:
    """A container's block children in order, and the inline runs between them as paragraphs."""
    run = etree.Element("p")
    run.text = container.text
    for child in list(container):
        if not (isinstance(child.tag, str) and child.tag in _OWN_LINE):
            run.append(child)  # an inline element moves into the run, with its tail
            continue
        if (run.text or "").strip() or len(run):
            yield run
        if child.tag == "head":
            child.tag = "p"
        yield from _split_container(child) if _is_container(child) else (child,)
        run = etree.Element("p")
        run.text, child.tail = child.tail, None
    if (run.text or "").strip() or len(run):
        yield run


# A line break in the page's source is not one on screen: a browser shows any run of white space,
# newlines included, as one space (outside <pre>). trafilatura passes its text nodes through as
# the source wrote them, so a pretty-printed template's hard-wrapped paragraph, or an inline link
# on a line of its own, read as line breaks and then as paragraphs ("… chuẩn bị⏎⏎nguồn cung …").
def _collapse_source_line_breaks(body: etree._Element) -> None:
    """Source line breaks become spaces, as on screen; `<lb/>` (a `<br>`) stays a break. Not in
    trafilatura's whole-page fallback, a single paragraph whose lines are the page's text nodes
    (trimmed, so a line break there is one trafilatura put between two of them), nor in code."""
    if len(body) == 1 and body[0].tag == "p" and not len(body[0]):
        return
    for element in body.iter():
        if element.tag == "code":
            continue
        if element.text and "\n" in element.text:
            element.text = as_printed(element.text)
        parent = element.getparent()
        if element.tail and "\n" in element.tail and parent is not None and parent.tag != "code":
            element.tail = as_printed(element.tail)


# A paragraph's closing run after its last sentence, in an element of its own ("… xạ trị.
# <b>Lan Anh</b>", "… chủ nhật. <a>Xem chi tiết</a>"): on screen set apart from the sentence.
# An emphasised run of capitalised words is a signature, as a "<br>" sets one apart elsewhere: it
# goes on a line of its own, so the closing-byline rules read it as they read "…nữ tính.<br>H.V.".
# A short link in lower case is a "read more" link to another page (a digest item's "Xem chi
# tiết"), unless it prints an address (a cited URL): not text. A bold word mid-sentence, a bold
# last sentence, a bold product name ending a sentence without its full stop and a link inside a
# sentence stay where they are.
_CLOSED_SENTENCE = re.compile(r"""[.!?…]["'”»)]*\s*$""")
_SIGNATURE_RUN = re.compile(r"^(?:[(]?[A-ZÀ-ỸĐ][^\s]*\s*){1,5}$")
_EMPHASIS = ("#b", "#i")
_SENTENCE_WORDS = 4  # a sentence before it, not a label ("Ảnh:", "Nguồn.")
_READ_MORE_WORDS = 4
_STOPS = (".", "!", "?", "…")
_ADDRESS_LIKE = re.compile(r"[/@:]|\w\.\w")  # a printed address is a reference the text gives, kept


def _closing_run(paragraph: etree._Element) -> etree._Element | None:
    """The paragraph's last element when it closes the paragraph after a closed sentence."""
    if not len(paragraph):
        return None
    last = paragraph[-1]
    if (last.tail or "").strip() or last.tag not in ("hi", "ref"):
        return None
    before: list[str] = [paragraph.text or ""]
    for child in paragraph[:-1]:
        _walk(child, before)
        before.append(child.tail or "")
    text = "".join(before)
    if len(text.split()) < _SENTENCE_WORDS or not _CLOSED_SENTENCE.search(text):
        return None
    return last


def _set_apart_closing_run(paragraph: etree._Element) -> None:
    """A signature run goes on a line of its own; a "read more" link goes."""
    last = _closing_run(paragraph)
    if last is None:
        return
    run = _text(last)
    if last.tag == "ref":
        words = run.split()
        lower = any(word[:1].islower() for word in words) and not _ADDRESS_LIKE.search(run)
        if last.get("target") and 0 < len(words) <= _READ_MORE_WORDS and lower and not run.endswith(_STOPS):
            _drop_keeping_tail(last)
        return
    if not any(rend in (last.get("rend") or "") for rend in _EMPHASIS) or not _SIGNATURE_RUN.match(run):
        return
    if run.endswith(_STOPS) and " " in run:
        return  # a capitalised sentence of its own, not initials ("H.V.")
    last.addprevious(etree.Element("lb"))


def _drop_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "").rstrip() + (element.tail or "")
    else:
        parent.text = (parent.text or "").rstrip() + (element.tail or "")
    parent.remove(element)


# trafilatura converts a table into <row>s and <cell>s, except inside a <pre>, which it passes on as
# <code> with the markup inside unconverted: a results page set in a <pre> (a 2000s export of a
# timing program) reached us as <table><tr><td>, and read as "row"s only, every result was lost.
_ROWS = ("row", "tr")
_CELLS = ("cell", "td", "th")


def body_to_blocks(body: etree._Element, url: str | None = None) -> list[Block]:
    """Flatten trafilatura's <body>: lists into items, tables into rows, the rest into paragraphs.
    `url` (the page's) tells links that leave the site from the site's own."""
    _collapse_source_line_breaks(body)
    blocks: list[Block] = []
    for group, child in enumerate(_units(body)):
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            for item in child.iter("item"):
                if item.find(".//item") is None:
                    _set_apart_closing_run(item)  # a digest item's "read more" link goes too
                if item.find(".//item") is None and (block := _block("item", item, url, group)):
                    blocks.append(block)
        elif tag == "table":
            for row in child.iter(*_ROWS):
                cells = [_text(cell) for cell in row.iter(*_CELLS)]
                text = " | ".join(c for c in cells if c)
                if text:
                    blocks.append(
                        Block(
                            "row",
                            text,
                            _link_chars(row),
                            _is_bold(row, text),
                            group,
                            outbound_chars=_outbound_chars(row, url),
                        )
                    )
        elif tag == "head":
            if block := _block(tag, child, url):
                blocks.append(block)
        elif tag == "quote":
            if block := _block(tag, child, url):
                blocks.extend(_paragraphs(block))
        elif tag:
            if tag == "p":
                _set_apart_closing_run(child)
            if block := _block("p", child, url):
                blocks.extend(_paragraphs(block))
    return blocks


def _subdocument(tree: HtmlElement, containers: Sequence[HtmlElement]) -> HtmlElement:
    """A page made of copies of the chosen containers only (per-site `body_selectors`)."""
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    for container in containers:
        body.append(copy.deepcopy(container))
    from lxml.html import document_fromstring

    return document_fromstring(etree.tostring(root, encoding="unicode"))


_LAST_TOKEN = re.compile(r"\S+$")
_FIRST_TOKEN = re.compile(r"^\S+")


class _SourceText:
    """The page's visible text with whitespace collapsed, read once and only when asked."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree
        self._text: str | None = None

    def __contains__(self, piece: str) -> bool:
        if self._text is None:
            self._text = " ".join(raw_text(self._tree).split())
        return piece in self._text


def _needs_space(left: str, right: str, source: _SourceText) -> bool:
    """Two words glued at an inline element's edge that the page prints apart."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return False
    left_word = _LAST_TOKEN.search(left)
    right_word = _FIRST_TOKEN.search(right)
    if left_word is None or right_word is None:
        return False
    glued = left_word.group() + right_word.group()
    return glued not in source and f"{left_word.group()} {right_word.group()}" in source


def restore_spaces(body: etree._Element, tree: HtmlElement) -> int:
    """Put back the space trafilatura drops at a link or an italic's edge in some layouts
    ("lít <a>mật ong</a>" came out "lítmật ong" on a forum post), checked
    against the page: a drop cap ("<b>V</b>iệt") stays joined because the page joins it."""
    source = _SourceText(tree)
    restored = 0
    for element in body.iter("ref", "hi"):
        parent = element.getparent()
        inner = "".join(element.itertext())
        previous = element.getprevious()
        before = (previous.tail if previous is not None else parent.text if parent is not None else "") or ""
        if _needs_space(before, inner, source):
            if previous is not None:
                previous.tail = before + " "
            elif parent is not None:
                parent.text = before + " "
            restored += 1
        if _needs_space(inner, element.tail or "", source):
            element.tail = " " + (element.tail or "")
            restored += 1
    return restored


def extract_blocks(tree: HtmlElement, url: str | None, containers: Sequence[HtmlElement] = ()) -> list[Block]:
    """Body blocks of the page, or of the given containers when a site's selectors matched.

    With containers the question "where is the article?" is already answered, so trafilatura is
    told to favour recall inside them.
    """
    if containers:
        source = _subdocument(tree, containers)
        body = _body(source, favor_recall=True)
        if body is not None:
            restore_spaces(body, source)
        blocks = body_to_blocks(body, url) if body is not None else []
        if blocks:
            return blocks
        # The selectors matched something empty (a changed template): fall back to the whole page.
    body = _body(tree)
    if body is None:
        return []
    restore_spaces(body, tree)
    blocks = body_to_blocks(body, url)
    return _relinked(blocks, tree, url) if _plain_paragraphs(body) else blocks


_BASELINE_TAGS = ("p", "blockquote", "q", "pre", "code")


def _plain_paragraphs(body: etree._Element) -> bool:
    """trafilatura's last resort, its baseline: the page's paragraphs as bare text, their links no
    longer marked (`<p>` children holding no element)."""
    return len(body) > 0 and all(child.tag == "p" and len(child) == 0 for child in body)


def _relinked(blocks: list[Block], tree: HtmlElement, url: str | None) -> list[Block]:
    """The blocks with the link text their paragraph holds on the page: the baseline drops the
    marks, and a run of the site's own links after a paywall's notice (its menu, its account
    lines) would read as paragraphs of the story. A text printed twice on the page, once linked
    and once not, is left unmarked."""
    links: dict[str, tuple[int, int]] = {}
    for element in tree.iter(*_BASELINE_TAGS):
        key = "".join(element.text_content().split())  # the baseline spaces blocks apart; CJK has none
        if not key:
            continue
        refs = [a for a in element.iter("a") if not (a.get("href") or "#").startswith("#")]
        said = [len(" ".join(a.text_content().split())) for a in refs]
        out = sum(n for a, n in zip(refs, said, strict=True) if _leaves_site(a.get("href") or "", url))
        marks = (sum(said), out)
        links[key] = marks if links.get(key, marks) == marks else (0, 0)
    return [
        replace(block, link_chars=marked[0], outbound_chars=marked[1])
        if block.kind == "p" and not block.link_chars and (marked := links.get("".join(block.text.split())))
        else block
        for block in blocks
    ]
