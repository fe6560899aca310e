"""Text written straight into a container, paragraphs separated by `<br><br>`, becomes `<p>`s.

Forum posts (BBCode renders to a `<blockquote>` or `<div>` of text and `<br>`s) and 2000s news
templates put the article's text directly in a `<div>` or `<td>`, without paragraphs. Asked to
keep links (blocks.py needs them to measure link density), trafilatura 2.x loses text in that
shape: in "vài chục lít <a>mật ong</a>, nhưng …" everything from the link to the next `<br>` is
dropped. Given the same text as `<p>`s it reads it whole, so the page is given paragraphs: each
run of inline content between block children or double line breaks is wrapped in a `<p>`; a
single `<br>` stays inside its paragraph as a line break. Only containers that hold a blank line
(`<br><br>`) are touched: that is how paragraphs are written without `<p>`.

A line break written as the last thing inside an inline element (`<em><strong>Label<br></strong>
text <a>link</a> text.</em>`) makes trafilatura 2.x cut the rest of the paragraph at every link
into separate paragraphs, losing the spaces around them; the last piece, a link and a full stop,
then reads as a link-only line. The break is moved just after the element, which the reader sees
the same way.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dom import BLOCK_TAGS, NON_CONTENT_TAGS

__all__ = ["lift_trailing_breaks", "wrap_loose_text"]

# No <td>: layout tables are divs by now (dom.unwrap_layout_tables), and a data cell keeps its lines.
_CONTAINERS = ("div", "blockquote", "article", "section", "center", "font")
_MIN_LOOSE_WORDS = 8  # below this the loose text is a label or a caption, not paragraphs

_Item = str | HtmlElement


def _loose_words(container: HtmlElement) -> int:
    """Words printed in the container outside its block children and outside links: its own
    text, and the text of its inline children (2000s editors wrap every paragraph in a `<span>` or
    a `<font>`: "<span>…</span><br><br><span>…</span>" is paragraphs written as text too).
    Link text is no paragraph text: a list of links set apart by blank lines, a bold
    "Podcast #12: … | <a>All episodes</a>" line over a player, are no paragraphs."""
    words = len((container.text or "").split())
    for child in container:
        if isinstance(child.tag, str) and child.tag not in _NOT_PROSE and not _stays_outside(child):
            words += len(child.text_content().split())
            words -= sum(len(link.text_content().split()) for link in child.iter("a"))
        words += len((child.tail or "").split())
    return words


_NOT_PROSE = frozenset({"a", "br"})


def _is_break(item: _Item) -> bool:
    return not isinstance(item, str) and item.tag == "br"


def _stays_outside(item: _Item) -> bool:
    """Block elements (and scripts) are paragraphs of their own, never inside a new <p>."""
    if isinstance(item, str) or not isinstance(item.tag, str):
        return False
    return item.tag != "br" and (item.tag in BLOCK_TAGS or item.tag in NON_CONTENT_TAGS)


def _items(container: HtmlElement) -> list[_Item]:
    items: list[_Item] = [container.text] if container.text else []
    for child in list(container):
        tail, child.tail = child.tail, None
        items.append(child)
        if tail:
            items.append(tail)
    container.text = None
    for child in list(container):
        container.remove(child)
    return items


def _append_text(container: HtmlElement, text: str) -> None:
    last = container[-1] if len(container) else None
    if last is None:
        container.text = (container.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _has_words(item: _Item) -> bool:
    if isinstance(item, str):
        return bool(item.strip())
    return isinstance(item.tag, str) and bool(item.text_content().strip())


_BOLD = ("b", "strong")


def _set_in_bold(run: list[_Item]) -> bool:
    """Every word of the run is inside a `<b>`/`<strong>`: a line set in bold."""
    bold = words = 0
    for item in run:
        if isinstance(item, str):
            if item.strip():
                return False
            continue
        words += len(item.text_content().split())
        if item.tag in _BOLD:
            bold += len(item.text_content().split())
        else:
            bold += sum(len(b.text_content().split()) for b in item.iterdescendants(*_BOLD))
    return bold >= words


def _flush(container: HtmlElement, run: list[_Item], ending: list[_Item], *, wrap: bool) -> None:
    """Wrap the run in a `<p>`, or put it back as it was, the breaks that ended it (`ending`)
    included, so the runs around it stay apart."""
    if not wrap:
        for item in [*run, *ending]:
            if isinstance(item, str):
                _append_text(container, item)
            else:
                container.append(item)
        return
    while run and (_is_break(run[-1]) or (isinstance(run[-1], str) and not run[-1].strip())):
        trailing = run.pop()
        if isinstance(trailing, str):
            _append_text(container, trailing)
    target = etree.SubElement(container, "p")
    for item in run:
        if isinstance(item, str):
            _append_text(target, item)
        else:
            target.append(item)


# A piece of the container: an inline run and the breaks that ended it, or a block child (run None).
_Piece = tuple[list[_Item] | None, list[_Item]]


def _pieces(container: HtmlElement) -> list[_Piece]:
    pieces: list[_Piece] = []
    run: list[_Item] = []
    for item in _items(container):
        if _stays_outside(item):
            pieces.extend([(run, []), (None, [item])])
            run = []
        elif _is_break(item):
            previous = next((i for i in reversed(run) if not (isinstance(i, str) and not i.strip())), None)
            if previous is not None and _is_break(previous):
                pieces.append((run, [item]))  # a blank line: the paragraph ends
                run = []
            else:
                run.append(item)
        else:
            run.append(item)
    pieces.append((run, []))
    return pieces


def _wrap(container: HtmlElement) -> None:
    """Each run holding words becomes a paragraph: loose text, or text inside inline elements
    (`<span>…</span>`, a signature in bold). A line set in bold that opens the container and is
    not followed by text (a podcast's name over its player) is its title, and is left as written."""
    pieces = _pieces(container)
    begun = False
    for i, (run, ending) in enumerate(pieces):
        if run is None:
            container.append(ending[0])  # type: ignore[arg-type]
            begun = begun or ending[0].tag == "p"  # type: ignore[union-attr]
            continue
        wrap = any(_has_words(item) for item in run)
        if wrap and not begun and _set_in_bold(run):
            following = pieces[i + 1][0] if i + 1 < len(pieces) else None
            wrap = following is not None and any(_has_words(item) for item in following)
        _flush(container, run, ending, wrap=wrap)
        begun = begun or wrap


def _has_blank_line(container: HtmlElement) -> bool:
    """A `<br>` followed by another with nothing between: paragraphs written as text. (Single
    breaks alone set lines apart inside one block: a teaser's title, date and summary.)"""
    for br in container.iterchildren("br"):
        following = br.getnext()
        if following is not None and following.tag == "br" and not (br.tail or "").strip():
            return True
    return False


def wrap_loose_text(tree: HtmlElement) -> int:
    """Wrap the loose paragraphs of every container that has them and blank-line breaks."""
    wrapped = 0
    for container in list(tree.iter(*_CONTAINERS)):
        if not _has_blank_line(container) or _loose_words(container) < _MIN_LOOSE_WORDS:
            continue
        _wrap(container)
        wrapped += 1
    return wrapped


# Inline elements a break can close without changing what the reader sees when it moves outside.
_INLINE = frozenset({"a", "b", "strong", "i", "em", "u", "span", "font", "small", "big"})


def lift_trailing_breaks(tree: HtmlElement) -> int:
    """Move each `<br>` that ends an inline element (nothing after it but whitespace) to just
    after that element, repeatedly up a chain of nested inline elements."""
    lifted = 0
    for br in list(tree.iter("br")):
        parent = br.getparent()
        while (
            parent is not None
            and parent.tag in _INLINE
            and br.getnext() is None
            and not (br.tail or "").strip()
            and parent.getparent() is not None
        ):
            parent.remove(br)  # the break's own tail is whitespace: it goes with it
            br.tail, parent.tail = parent.tail, None
            parent.addnext(br)
            lifted += 1
            parent = br.getparent()
    return lifted
