"""trafilatura's cascade without the work whose result is known (cascade.py, session 23, issue #10).

`run_cascade` must give what `trafilatura.bare_extraction` gives, body and text, on every page
and setting `blocks.py` uses; it must leave the caller's tree as it was; and it must skip the
raw-tree prunes (with their copy of the page) and trafilatura's html2txt measure only where
their result is known. The pages here are invented: comment sections, an infinite-scroll box,
share buttons, a short body on a long page, a page without an article.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import core
from trafilatura.baseline import html2txt
from trafilatura.settings import Document
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from crawler.extraction import blocks, cascade
from crawler.extraction.cascade import prunes_may_apply, run_cascade
from crawler.extraction.dom import parse_html
from tests.english_story import BODY, HEADLINE

try:
    from samples import sitegen
except ModuleNotFoundError:  # plain `pytest` without the repository root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from samples import sitegen

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
_SETTINGS = [
    blocks._settings(fast=True, favor_recall=False),
    blocks._settings(fast=False, favor_recall=False),
    blocks._settings(fast=False, favor_recall=True),
]
_COMMENTS = (
    "<div class='comment-list'><div class='comment'><p>A reader wrote that the crossing was late "
    "again on Tuesday and that the café on board had closed early.</p></div></div>"
)
_NOTE = "<p>Tickets are sold at the pier office and on board.</p>"
_CARDS = "".join(
    f"<div class='card'><a href='/s/{i}'>Story {i} on the harbour timetable for the winter months</a></div>"
    for i in range(80)
)


def _page(inside: str = BODY, after: str = "") -> str:
    return (
        f"<html><head><title>{HEADLINE}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{HEADLINE}</h1>{inside}</article>{after}</body></html>"
    )


_INVENTED = {
    "plain": _page(),
    "comments": _page(after=_COMMENTS),
    "comments-by-id": _page(after=f"<div id='comments'>{_COMMENTS}</div>"),
    "commentary-kept": _page(after="<div class='commentary'><p>An editor's note on the timetable.</p></div>"),
    "infinite-scroll": _page(after=f"<div class='infinite-scroll'><h2>Next story</h2>{BODY}</div>"),
    "share-buttons": _page(after="<div class='elementor-share-buttons'><a href='#'>Share</a></div>"),
    "short-body-long-page": _page(inside=_NOTE * 3, after=_CARDS),
    "nothing": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
}


def _sample_pages() -> list[str]:
    pages = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.rglob("*.html"))]
    return [*_INVENTED.values(), *pages]


def _prepared(html: str) -> HtmlElement:
    """The page as our pipeline hands it to trafilatura: parsed, scripts and styles gone."""
    tree = parse_html(html)
    etree.strip_elements(tree, "script", "style", with_tail=False)
    return tree


def _theirs(tree: HtmlElement, options: Any) -> tuple[bytes, str] | None:
    document = trafilatura.bare_extraction(tree, options=options)
    if not isinstance(document, Document) or document.body is None:
        return None
    return etree.tostring(document.body), document.raw_text or ""


def _ours(tree: HtmlElement, options: Any, *, prunes: bool) -> tuple[bytes, str] | None:
    extraction = run_cascade(tree, options, prunes=prunes)
    return None if extraction is None else (etree.tostring(extraction.body), extraction.raw_text)


@pytest.mark.parametrize("options", _SETTINGS, ids=["fast", "standard", "recall"])
def test_the_cascade_gives_what_bare_extraction_gives(options: Any) -> None:
    for html in _sample_pages():
        prunes = prunes_may_apply(_prepared(html))
        assert _ours(_prepared(html), options, prunes=prunes) == _theirs(_prepared(html), options)
        assert _ours(_prepared(html), options, prunes=True) == _theirs(_prepared(html), options)


def test_the_sample_sites_listings_give_the_same_body(tmp_path: Path) -> None:
    sitegen.build_site(tmp_path, "http://127.0.0.1:8765")
    for path in sorted(tmp_path.glob("*/index.html"))[:6]:
        html = path.read_text(encoding="utf-8")
        for options in _SETTINGS:
            prunes = prunes_may_apply(_prepared(html))
            assert _ours(_prepared(html), options, prunes=prunes) == _theirs(_prepared(html), options)


@pytest.mark.parametrize("prunes", [True, False])
def test_the_callers_tree_is_left_as_it_was(prunes: bool) -> None:
    for name in ("plain", "short-body-long-page", "comments", "infinite-scroll"):
        if not prunes and prunes_may_apply(_prepared(_INVENTED[name])):
            continue
        tree = _prepared(_INVENTED[name])
        before = etree.tostring(tree)
        for options in _SETTINGS:
            run_cascade(tree, options, prunes=prunes)
        assert etree.tostring(tree) == before


def test_the_prunes_may_apply_only_where_a_class_or_id_passes_their_tests() -> None:
    assert not prunes_may_apply(_prepared(_INVENTED["plain"]))
    assert not prunes_may_apply(_prepared(_INVENTED["commentary-kept"]))
    for name in ("comments", "comments-by-id", "infinite-scroll", "share-buttons"):
        assert prunes_may_apply(_prepared(_INVENTED[name])), name


def test_where_the_prunes_match_the_check_says_they_may() -> None:
    expressions = (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH)
    for html in _sample_pages():
        tree = _prepared(html)
        if any(expression(tree) for expression in expressions):
            assert prunes_may_apply(tree)


def _recorded(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[object]:
    calls: list[object] = []
    real: Callable[..., Any] = getattr(module, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1] if len(args) > 1 else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return calls


def test_a_page_without_such_classes_is_neither_copied_nor_pruned(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _prepared(_INVENTED["plain"])
    pruned = _recorded(monkeypatch, core, "prune_unwanted_nodes")
    pruned_here = _recorded(monkeypatch, cascade, "prune_unwanted_nodes")
    copied: list[object] = []
    real_copy = cascade.copy
    monkeypatch.setattr(cascade, "copy", lambda thing: copied.append(thing) or real_copy(thing))
    assert blocks._body(tree) is not None
    raw = [RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH]
    assert [nodes for nodes in pruned + pruned_here if nodes in raw] == []
    # one copy, the one trafilatura's cleaning works on (in the fast mode, made here); none to prune
    assert sum(thing is tree for thing in copied) <= 1


def test_a_page_with_a_comment_section_is_pruned_as_trafilatura_prunes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _recorded(monkeypatch, cascade, "prune_unwanted_nodes")
    tree = _prepared(_INVENTED["comments"])
    body = blocks._body(tree)
    assert body is not None and "reader wrote" not in "".join(body.itertext())
    assert calls[:2] == [RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH]


def test_html2txt_is_not_asked_where_the_body_is_long_against_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _recorded(monkeypatch, core, "html2txt")
    tree = _prepared(_page(inside=BODY[: len(BODY) // 2]))
    assert blocks._body(tree) is not None
    assert calls == []


def test_html2txt_is_still_asked_where_the_body_may_be_short_against_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _recorded(monkeypatch, core, "html2txt")
    run_cascade(_prepared(_INVENTED["short-body-long-page"]), _SETTINGS[1], prunes=False)
    assert len(calls) == 1


def test_the_page_text_bound_is_never_below_html2txt() -> None:
    odd = _page(
        inside=(
            "<p>Ferry\u00a0\u00a0times\u2003changed</p><p>a<b>b</b>c<br>d<br/>e</p>"
            "<div>glued<div>words</div>apart</div><aside>side text</aside><ul><li>x</li><li>y</li></ul>"
            "<p>\x1ccontrol\x1dcharacters</p>"
        )
    )
    for html in [odd, *_sample_pages()]:
        tree = _prepared(html)
        assert cascade._page_text_bound(tree) >= len(html2txt(tree))
