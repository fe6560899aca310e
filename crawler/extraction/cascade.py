"""trafilatura's extraction cascade for our settings, without work whose result is known beforehand.

`trafilatura.bare_extraction` copies the tree it is given, then prunes that copy with two lists of
XPaths (infinite-scroll boxes, share bars, comment sections) before its own cleaning makes copies
of its own. Those prunes test every element's class and id with EXSLT regular expressions, a
call back into Python per attribute: 4 % of our time on trafilatura's benchmark pages, where
about four pages in five have no class or id the tests can match. There the prunes remove
nothing and the copy protects nothing (every later step works on copies of its own): both are
skipped. Two more steps are skipped where their result is known: the backup copy of the cleaned
tree in the fast mode, which only the comparison with readability reads, and html2txt, the page
measure for the recall escalation, when an upper bound of it already rules the escalation out.

`run_cascade` restates `bare_extraction` and `trafilatura_sequence` of trafilatura 2.3 for the
settings `blocks.py` uses, calling trafilatura's own functions for every step. With another
version, or other settings, `bare_extraction` runs as before (the same body, only slower).
"""

from __future__ import annotations

import re
from contextlib import suppress
from copy import copy
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import core
from trafilatura.external import justext_rescue
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Document, Extractor
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

__all__ = ["Extraction", "prunes_may_apply", "run_cascade"]


@dataclass(frozen=True)
class Extraction:
    """What `bare_extraction` returns that `blocks.py` reads: the XML body and its text."""

    body: etree._Element
    raw_text: str


# The raw-tree prunes trafilatura runs on a page without reader comments: each expression keeps
# only elements one of whose class or id tests (`re:test` or `contains`) holds. Those tests are
# read from the expressions themselves; an expression holding any other attribute test, or none,
# leaves the check undecided, and the prunes then always run.
_PRUNES = (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH)
_TEST = re.compile(r"(re:test|contains)\(@(class|id), '([^']*)'\)")


def _attribute_tests(expressions: tuple[etree.XPath, ...]) -> dict[str, re.Pattern[str]] | None:
    """Per attribute ("class", "id"), one pattern matching a value any of the expressions' tests
    accept; None when some test is not of the two plain forms read here."""
    found: dict[str, list[str]] = {"class": [], "id": []}
    for expression in expressions:
        tests = _TEST.findall(expression.path)
        if not tests or len(tests) != expression.path.count("@"):
            return None
        for kind, attribute, argument in tests:
            found[attribute].append(argument if kind == "re:test" else re.escape(argument))
    return {
        attribute: re.compile("|".join(f"(?:{p})" for p in patterns)) for attribute, patterns in found.items()
    }


_ATTRIBUTE_TESTS = _attribute_tests(_PRUNES)
_VALUES = {
    "class": etree.XPath("//@class", smart_strings=False),
    "id": etree.XPath("//@id", smart_strings=False),
}

# The steps below are trafilatura 2.3's (trafilatura/core.py); another version may add or change one.
_CHECKED = trafilatura.__version__.startswith("2.3.")


def prunes_may_apply(tree: HtmlElement) -> bool:
    """Whether one of trafilatura's raw-tree prunes may remove an element of the tree: some class
    or id on the page passes one of their tests (True when the tests could not be read)."""
    if _ATTRIBUTE_TESTS is None:
        return True
    for attribute, pattern in _ATTRIBUTE_TESTS.items():
        if any(pattern.search(value) for value in set(_VALUES[attribute](tree))):
            return True
    return False


def _restated(options: Extractor) -> bool:
    """The settings this module's restatement covers: no comments, metadata, language or size
    filter, no deduplication, an XML body, and not the precision focus."""
    return (
        _CHECKED
        and options.format == "xml"
        and not options.comments
        and options.focus in ("balanced", "recall")
        and not options.with_metadata
        and not options.lang
        and not options.dedup
        and not options.max_tree_size
    )


# The page's text, whitespace (space, tab, CR, LF) collapsed, and its number of elements: in C.
_PAGE_CHARS = etree.XPath("string-length(normalize-space(/))")
_ELEMENTS = etree.XPath("count(//*)")


def _page_text_bound(tree: HtmlElement) -> int:
    """An upper bound of `len(html2txt(tree))`, trafilatura's measure of the page for its recall
    escalation, at a tenth of its cost: html2txt copies the page, deletes some of its parts, puts a
    space at the edges of each block element and collapses whitespace. Deleting text never
    lengthens the collapsed text, and Python's `split()` collapses more kinds of space than
    XPath's normalize-space; each space put in adds at most one character, two per element. So
    its text is at most the whole page's, collapsed in XPath, plus two per element. Where the
    body is long enough against this bound, it is long enough against html2txt's text."""
    return int(_PAGE_CHARS(tree)) + 2 * int(_ELEMENTS(tree))


def run_cascade(tree: HtmlElement, options: Extractor, *, prunes: bool = True) -> Extraction | None:
    """The body and text `trafilatura.bare_extraction(tree, options=options)` gives, or None when
    it finds no article; `prunes=False` says `prunes_may_apply(tree)` is False. The tree is left
    as it was."""
    if not _restated(options):
        document = trafilatura.bare_extraction(tree, options=options)
        if not isinstance(document, Document) or document.body is None:
            return None
        return Extraction(document.body, document.raw_text or "")
    try:
        body, text = _sequence(tree, options, prunes=prunes)
    except (TypeError, ValueError):  # bare_extraction's own answer to a failed step: no article
        return None
    if len(text) < options.min_output_size and options.min_output_comm_size > 0:  # no comments: length 0
        return None
    return Extraction(body, text)


def _sequence(tree: HtmlElement, options: Extractor, *, prunes: bool) -> tuple[etree._Element, str]:
    """`trafilatura_sequence` without comments: prune (a copy of) the raw tree, extract and
    compare, fall back to the baseline, escalate to recall. Every step after the prunes copies
    the tree before changing it, so without prunes the caller's tree is read, never changed."""
    if prunes:
        tree = copy(tree)
        is_forum = core._forum_thread_page(tree)
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        if not is_forum:
            tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    if options.fast:  # only the comparison with readability and jusText reads the backup copy
        body, text = extract_content(convert_tags(tree_cleaning(copy(tree), options), options, None), options)
    else:
        cleaned, backup = core._prepare_tree(tree, options, None)
        body, text = core._extract_and_compare(cleaned, backup, tree, options)

    if len(text) < options.min_extracted_size:  # the baseline on the raw tree, if it adds text
        baseline_body, baseline_text, baseline_length = core.baseline(tree)
        if baseline_length > len(text):
            body, text = baseline_body, baseline_text

    if (
        options.focus == "balanced"
        and 0 < len(text) < core.ESCALATION_MAX_LENGTH
        and len(text) < core.ESCALATION_PAGE_SHARE * _page_text_bound(tree)
        and len(text) < core.ESCALATION_PAGE_SHARE * len(core.html2txt(tree))
    ):
        recall = copy(options)
        recall.focus = "recall"
        # Both candidates are tried as trafilatura tries them: one that fails counts as empty.
        retry_text, justext_text = "", ""
        with suppress(Exception):
            retry_body, retry_text = core._recall_retry(tree, recall, None)
        if not options.fast:
            with suppress(Exception):
                justext_body, justext_text = justext_rescue(copy(tree), options)
        length = len(text)
        if len(justext_text) > len(retry_text) and len(justext_text) > core.ESCALATION_JUSTEXT_RATIO * length:
            body, text = justext_body, justext_text
        elif (
            len(retry_text) >= options.min_extracted_size
            and len(retry_text) > core.ESCALATION_ACCEPT_RATIO * length
        ):
            body, text = retry_body, retry_text
    return body, text
