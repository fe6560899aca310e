"""Pages that print a notice, a wall or a redirect in place of a story (session 17).

A soft "page not found", a maintenance page, a browser check, a redirect stub, a taken-down story, a
log-in or consent wall: served with HTTP 200, often inside the site's whole chrome and at the story's
own address, and often with the story's metadata (its og:title, its publication time). What the body
extractor keeps there is a sentence or two of the notice and the site's furniture. A heading, a
paragraph and a date are not enough to be a story; what tells them apart is how much of a story's own
prose is kept once the notice's text and the furniture are set aside:

- a notice that replaces the story (data/notices.toml `[replaced]`: not found, removed, maintenance,
  browser check, redirect) is printed as the headline, a heading, a short line or in a kept
  paragraph, and fewer than `story_words` words are kept besides it;
- a wall (`[wall]`: log in to read, consent) is printed, and nothing of the story is shown (no
  paragraph's worth of prose, `_PROSE_WORDS`): a wall over a visible lead is an article, that lead
  its text;
- a `<meta http-equiv="refresh">` sends the reader to another address at once, and the page keeps
  little text.

The furniture alone refuses nothing here: a short article's paragraph can sit where the site-chrome
reading takes it for furniture (a video's description beside "Video khác"), and a page that declares
its publication time keeps it.

The phrases are one signal; the amount of the story's own prose is the other. A long article that
quotes a "không tồn tại" sentence or a page of a site's login box is out of reach of these rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.extraction.dom import printed_texts, text_of
from crawler.extraction.keys import folded, squash
from crawler.extraction.listing import furniture_keys, words_in
from crawler.extraction.vocab import load, pattern
from crawler.urls import joined_url

_VOCAB = load("notices")
# Searched line by line in the page's short texts joined (one fold, one search per page): "^" and "$"
# are a text's start and end.
_REPLACED = re.compile("|".join(pattern(p) for p in _VOCAB["replaced"]["patterns"]), re.M)
_WALL = re.compile("|".join(pattern(p) for p in _VOCAB["wall"]["patterns"]), re.M)
_STORY_WORDS = int(_VOCAB["replaced"]["story_words"])
_PROSE_WORDS = 20  # a paragraph of a story: a lead or a video's description is one
_READ_WORDS = 4 * _STORY_WORDS  # more kept text than this is an article's, and is not read further
_SHORT_TEXT_WORDS = 20
_REFRESH_SECONDS = 10
_REFRESH = re.compile(r"^\s*(\d+)\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"\s]*)", re.I)
_GLUED_WORDS = 60  # a notice glued to its neighbours; a longer paragraph is read from its start
_CAPITAL = re.compile(r"(?<!\S)[^\W\d_]")
_TITLE_PARTS = re.compile(r"\s+[-|–—:»]\s+")


def notice_evidence(
    tree: HtmlElement,
    paragraphs: Sequence[str],
    *,
    headline: HtmlElement | None,
    titles: Sequence[str],
    url: str = "",
) -> str | None:
    """Why the page shows a notice, a wall or a redirect and no story, or None. `titles`: the
    chosen headline and the document's <title>; `url`: the address the page was fetched at."""
    words = [words_in(paragraph) for paragraph in paragraphs]
    if sum(words) > _READ_WORDS:
        return None
    lines = _lines([*titles, *_TITLE_PARTS.split(titles[-1] if titles else ""), *_short_texts(tree)])
    replaced, wall = _said(_REPLACED, lines), _said(_WALL, lines)
    # the kept paragraphs that are a notice or a wall's text, read from each opening (one search a kind)
    openings = [
        (at, opening)
        for at, (paragraph, count) in enumerate(zip(paragraphs, words, strict=True))
        for opening in (_openings(paragraph) if count <= _GLUED_WORDS else [paragraph])
    ]
    kept = _lines([opening for _, opening in openings])
    notices: set[int] = set()
    for kind in (_REPLACED, _WALL):
        for line, text in _all_said(kind, kept):
            notices.add(openings[line][0])
            if kind is _REPLACED:
                replaced = replaced or text
            else:
                wall = wall or text
    target = _refresh_target(tree, url)
    if not (replaced or wall or target):
        return None
    furniture = furniture_keys(tree, paragraphs, headline)
    story = sum(
        count
        for at, (paragraph, count) in enumerate(zip(paragraphs, words, strict=True))
        if at not in notices and squash(paragraph) not in furniture
    )
    besides = f"{story} words of other text kept" if story else "no other text kept"
    if replaced and story < _STORY_WORDS:
        return f"the page prints “{_quote(replaced)}” in place of a story ({besides})"
    if target and story < _STORY_WORDS:
        return f"a redirect page: it sends the reader on to {target} ({besides})"
    if wall and story < _PROSE_WORDS:
        return f"a wall (“{_quote(wall)}”) over a story it does not show ({besides})"
    return None


def _openings(paragraph: str) -> list[str]:
    """The paragraph from each of its capitalised words on: a notice kept glued to the date line or
    the breadcrumb before it ("Thứ tư, 22/10/2025 Tin tức Bài viết đã được gỡ …") opens there, while
    a sentence that only mentions one goes on in lower case ("… cho biết bài viết đã được gỡ")."""
    starts = [0, *(m.start() for m in _CAPITAL.finditer(paragraph) if m.start() and m.group().isupper())]
    return [paragraph[start:] for start in starts]


def _lines(texts: list[str]) -> tuple[str, list[str]]:
    """The texts on one line each (whitespace collapsed), and all of them folded and joined."""
    lines = [" ".join(text.split()) for text in texts if text and not text.isspace()]
    return folded("\n".join(lines)), lines


def _said(notice: re.Pattern[str], lines: tuple[str, list[str]]) -> str | None:
    """The text that opens with a notice of this kind, as printed, or None."""
    match = notice.search(lines[0])
    return None if match is None else lines[1][lines[0].count("\n", 0, match.start())]


def _all_said(notice: re.Pattern[str], lines: tuple[str, list[str]]) -> list[tuple[int, str]]:
    """(number, text as printed) of every line that opens with a notice of this kind."""
    found = []
    for match in notice.finditer(lines[0]):
        line = lines[0].count("\n", 0, match.start())
        found.append((line, lines[1][line]))
    return found


def _short_texts(tree: HtmlElement) -> list[str]:
    """The page's headings and short texts: a notice is set as a heading ("Trang bạn tìm không tồn
    tại") or a line of its own, which the body extractor may not keep (an emphasised sentence
    under a taken-down story's headline)."""
    found = [text for element in tree.iter("h1", "h2", "h3", "h4") if _short(text := text_of(element))]
    found += [text for text in printed_texts(tree) if _short(text)]
    return found


def _short(text: str) -> bool:
    return bool(text) and len(text.split()) <= _SHORT_TEXT_WORDS


def _refresh_target(tree: HtmlElement, url: str) -> str | None:
    """The address a `<meta http-equiv="refresh">` sends the reader to within seconds, when it is
    another page than this one (a front page reloading itself every few minutes sends nowhere)."""
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        match = _REFRESH.match(meta.get("content") or "")
        if match is None or not match.group(2) or int(match.group(1)) > _REFRESH_SECONDS:
            continue
        target = joined_url(url, match.group(2)) if url else match.group(2)
        if target is None:
            continue  # an address urllib cannot read
        if not url or urlsplit(target)[1:3] != urlsplit(url)[1:3]:
            return target
    return None


def _quote(text: str) -> str:
    words = text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
