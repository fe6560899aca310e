"""Threaded pages: a forum thread, or any page printed as a run of posts, holds its article as
the FIRST post; the posts after it are members' replies, which are chrome to an archive of news.

The mechanism is structural, never per site. A thread is a run of at least `_MIN_POSTS` sibling
blocks of the same kind (same tag and first class word, or the same id stem: "post-123",
"post-124", or unclassed blocks of one tag), each with its own poster (an element classed
username/poster/author…, or a `data-author` attribute; where no class word says so, a link to a
member's page in the same place of every post, outside the first post's message, printing a
short name, at least two different names in the run) and its own date. It counts only when the
first post holds more prose than everything outside the run, so a news article followed by its
reader comments, where the article is outside the run, is never read as a thread; nor is a run
classed as comments.

What is done with a thread:
- the replies leave the tree;
- the first post keeps only its message: the chain of elements that holds nearly all its text,
  without the poster's card, the "edited by" note, the likes line or the post counter;
- the thread's opening line outside the posts ("Thảo luận trong … bắt đầu bởi <poster>, <date>"),
  a short block that links to the same poster, leaves too;
- the poster is the article's author.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement

from crawler.extraction.dom import BLOCK_TAGS, NON_CONTENT_TAGS, ancestors, remove, short_text, words_of
from crawler.extraction.vocab import load

__all__ = ["Thread", "find_thread", "prune_thread"]

_VOCAB = load("bylines")["threads"]
_COMMENT_ROOTS = tuple(load("bylines")["words"]["comment_class_roots"])
_POSTER_ROOTS = tuple(_VOCAB["poster_class_roots"])
_DATE_ROOTS = tuple(_VOCAB["date_class_roots"])
_POSTER_ATTRIBUTES = tuple(_VOCAB["poster_attributes"])
_MIN_POSTS = 3
_MIN_FIRST_POST_WORDS = 40
_MESSAGE_SHARE = 0.8  # a child holding this share of its parent's words is where the message is
_OPENING_LINE_WORDS = 40
_POSTER_CHARS = 40
_ID_STEM = re.compile(r"^([a-z_-]*?)[-_]?\d+$", re.I)
_DATE_TEXT = re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)|\b\d{1,2}:\d{2}\b")


@dataclass
class Thread:
    """The first post (the article), the replies, and who posted the first one."""

    first: HtmlElement
    replies: list[HtmlElement]
    poster: str | None
    poster_href: str | None


def _kind(element: HtmlElement) -> tuple[str, str] | None:
    """What makes siblings posts of one run: their tag and first class word, or their id stem."""
    if not isinstance(element.tag, str) or element.tag in NON_CONTENT_TAGS:
        return None
    classes = (element.get("class") or "").split()
    if classes:
        return element.tag, classes[0].lower()
    stem = _ID_STEM.match(element.get("id") or "")
    return (element.tag, "#" + stem.group(1).lower()) if stem else None


def _has_root(element: HtmlElement, roots: tuple[str, ...]) -> bool:
    return any(root in word for word in words_of(element) for root in roots)


def _poster(post: HtmlElement) -> tuple[str, str | None] | None:
    """The post's poster: a data attribute on the post, else the first element classed as a user
    name inside it (its link, if any, identifies the member elsewhere on the page)."""
    link = None
    named = None
    for element in post.iter():
        if element is post or not isinstance(element.tag, str) or not _has_root(element, _POSTER_ROOTS):
            continue
        anchor = element if element.tag == "a" else element.find(".//a")
        # "by <a>name</a> » date": the member's link names them, not the whole line
        text = short_text(anchor if anchor is not None else element, _POSTER_CHARS)
        if text:
            named = text
            link = anchor.get("href") if anchor is not None else None
            break
    for attribute in _POSTER_ATTRIBUTES:
        value = (post.get(attribute) or "").strip()
        if value and len(value) <= _POSTER_CHARS:
            return value, link
    return (named, link) if named else None


def _has_date(post: HtmlElement) -> bool:
    for element in post.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "time" or _has_root(element, _DATE_ROOTS):
            return True
    return bool(_DATE_TEXT.search(post.text_content()))


def _prose_words(element: HtmlElement, skip: frozenset[HtmlElement] = frozenset()) -> int:
    """Words of text not inside links (navigation and lists are links; prose is not)."""
    count = 0
    stack = [element]
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str) or node.tag in NON_CONTENT_TAGS or node in skip:
            continue
        if node.tag != "a" and node.text:
            count += len(node.text.split())
        for child in node:
            stack.append(child)
            if child.tail:  # a tail belongs to the parent's flow, outside the child's link
                count += len(child.tail.split())
    return count


_UNCLASSED_POST_TAGS = frozenset({"div", "li", "article", "section"})


def _runs(tree: HtmlElement) -> list[list[HtmlElement]]:
    """Runs of sibling posts: by kind (`_kind`), then unclassed blocks of one tag whatever their
    ids (hashed ids, "x3f9a1c2", name no stem)."""
    runs: list[list[HtmlElement]] = []
    for parent in tree.iter():
        if len(parent) < _MIN_POSTS:
            continue
        groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        unclassed: dict[str, list[HtmlElement]] = defaultdict(list)
        for child in parent:
            kind = _kind(child)
            if kind is not None:
                groups[kind].append(child)
            if child.tag in _UNCLASSED_POST_TAGS and not child.get("class"):
                unclassed[child.tag].append(child)
        found = [group for group in groups.values() if len(group) >= _MIN_POSTS]
        runs.extend(found)
        runs.extend(group for group in unclassed.values() if len(group) >= _MIN_POSTS and group not in found)
    return runs


_NAME_MAX_WORDS = 4


def _member_name(link: HtmlElement) -> str | None:
    """The short name a link prints, if it can be a member's: letters first, no date ("#2", a
    post's time as a permalink are not names)."""
    if link.get("href") is None:
        return None
    text = " ".join(link.text_content().split())
    if not text or len(text) > _POSTER_CHARS or len(text.split()) > _NAME_MAX_WORDS:
        return None
    return None if not text[0].isalpha() or _DATE_TEXT.search(text) else text


def _place(element: HtmlElement, post: HtmlElement) -> tuple[str, ...]:
    """The tags from the element up to the post ("a", "div", "div"): the same place in another post."""
    path: list[str] = []
    node: HtmlElement | None = element
    while node is not None and node is not post:
        path.append(str(node.tag))
        node = node.getparent()
    return tuple(path)


def _page_kind(href: str) -> tuple[str, str, tuple[str, ...]]:
    """What kind of page a link opens: host, folder, query keys ("member.php?u=215" and
    "member.php?u=388", "/members/a.12/" and "/members/b.40/" open the same kind)."""
    try:
        parts = urlsplit(href)
    except ValueError:  # "http://[…": a kind of its own
        return "", href, ()
    path = parts.path.rstrip("/")
    folder = path.rsplit("/", 1)[0] if "/" in path else path
    return parts.netloc.lower(), folder, tuple(sorted(parse_qs(parts.query, keep_blank_values=True)))


def _posters_by_place(run: list[HtmlElement]) -> tuple[str, str | None] | None:
    """The first post's poster where no class word marks one: the first link outside its
    message that prints a short name, when every post has a name link in the same place, all
    opening the same kind of page (a member's), and the run names two members or more (replies
    come from other readers; a link repeated in every card is the site's own)."""
    first = run[0]
    message = _message_path(first)[-1]
    if message is first:
        return None
    poster = next(
        (link for link in first.iter("a") if message not in link.iterancestors() and _member_name(link)),
        None,
    )
    if poster is None:
        return None
    place = _place(poster, first)
    links = [poster]
    for post in run[1:]:
        link = next((a for a in post.iter("a") if _place(a, post) == place and _member_name(a)), None)
        if link is None:
            return None
        links.append(link)
    names = {_member_name(link) for link in links}
    if len(names) < 2 or len({_page_kind(link.get("href") or "") for link in links}) > 1:
        return None
    name = _member_name(poster)
    return (name, poster.get("href")) if name else None


def _run_poster(run: list[HtmlElement]) -> tuple[str, str | None] | None:
    """The first post's poster, when every post of the run has one: marked by class words or an
    attribute, else read from the place of a member link (`_posters_by_place`)."""
    poster = _poster(run[0])
    if poster is not None and all(_poster(post) is not None for post in run[1:]):
        return poster
    return _posters_by_place(run)


def find_thread(tree: HtmlElement, headline: HtmlElement | None = None) -> Thread | None:
    """The page's thread of posts, if it is one (see the module docstring for the tests)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    page_words: int | None = None
    for run in _runs(root):
        parent = run[0].getparent()
        if _has_root(run[0], _COMMENT_ROOTS) or (parent is not None and _has_root(parent, _COMMENT_ROOTS)):
            continue  # reader comments under an article: never the article (chrome.py removes them)
        # The prose count first: it rejects menus and link lists (most runs) for the least work.
        first_words = _prose_words(run[0])
        if first_words < _MIN_FIRST_POST_WORDS:
            continue
        poster = _run_poster(run)
        if poster is None or not all(_has_date(post) for post in run):
            continue
        if headline is not None and any(headline in post.iter() for post in run[1:]):
            continue
        page_words = page_words if page_words is not None else _prose_words(root)
        outside = page_words - _prose_words(run[0]) - sum(_prose_words(post) for post in run[1:])
        if outside >= first_words:
            continue
        return Thread(run[0], run[1:], poster[0], poster[1])
    return None


def _words_in(element: HtmlElement) -> int:
    return len(element.text_content().split())


def _message_path(post: HtmlElement) -> list[HtmlElement]:
    """From the post down to the element holding nearly all its words: the message itself."""
    path = [post]
    current = post
    while True:
        total = _words_in(current)
        children = [c for c in current if isinstance(c.tag, str) and c.tag not in NON_CONTENT_TAGS]
        if not children or total == 0:
            return path
        best = max(children, key=_words_in)
        if _words_in(best) < _MESSAGE_SHARE * total:
            return path
        path.append(best)
        current = best


def _opening_lines(tree: HtmlElement, thread: Thread) -> list[HtmlElement]:
    """Short blocks outside the posts that link to the first poster: the thread's opening line."""
    if not thread.poster_href:
        return []
    posts = [thread.first, *thread.replies]
    found = []
    for link in tree.iter("a"):
        if link.get("href") != thread.poster_href or any(p is link or p in ancestors(link) for p in posts):
            continue
        block = next((a for a in ancestors(link) if a.tag in BLOCK_TAGS), None)
        if block is not None and block.tag not in ("body", "html"):
            text = short_text(block, 400)
            if text and len(text.split()) <= _OPENING_LINE_WORDS and block not in found:
                found.append(block)
    return found


def prune_thread(tree: HtmlElement, thread: Thread, keep: HtmlElement | None = None) -> HtmlElement:
    """Replies, the first post's own chrome and the thread's opening line leave the tree (`keep`,
    the headline, stays wherever it is). Returns the first post's message: the article's body."""
    for line in _opening_lines(tree, thread):
        if line.getparent() is not None and not (keep is not None and keep in line.iter()):
            remove(line)
    for reply in thread.replies:
        remove(reply)
    path = _message_path(thread.first)
    for parent, kept in zip(path, path[1:], strict=False):
        for child in list(parent):
            if (
                child is not kept
                and isinstance(child.tag, str)
                and not (keep is not None and keep in child.iter())
            ):
                remove(child)
    return path[-1]
