"""trafilatura's fast mode is used only where its standard mode must have returned the same body.

`blocks._body` calls trafilatura with `fast=True` (no readability/jusText comparison) and keeps that
body only when `_standard_would_agree` rules out every step the standard mode would have taken
after it. These tests hold the pipeline to that promise on pages of our own: the whole Article
must be the one the standard mode gives. The sample site's section and tag pages are where the
fast mode alone changes the result (readability finds their teaser lists, trafilatura's own pass
does not), so they fail if the check is weakened.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from crawler.extraction import blocks
from crawler.extraction.cascade import Extraction
from crawler.extraction.extract import ExtractionError, extract_article

try:
    from samples import sitegen
except ModuleNotFoundError:  # plain `pytest` without the repository root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from samples import sitegen

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
CRAWLED = datetime(2026, 12, 5, tzinfo=UTC)


def _outcome(path: Path, url: str) -> dict[str, object]:
    try:
        return extract_article(path.read_bytes(), url, crawled=CRAWLED).model_dump(mode="json")
    except ExtractionError as error:
        return {"error": str(error)}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, str]]:
    """Our fixture pages, and the sample site's section and tag pages (listings)."""
    site = tmp_path_factory.mktemp("site")
    sitegen.build_site(site, "http://127.0.0.1:8765")
    listings = [  # the sections and their later pages, and the largest tag's pages
        page
        for page in sorted(site.rglob("index.html"))
        if page.relative_to(site).parts[0] not in ("tag", "admin")
        or page.relative_to(site).parts[:2] == ("tag", "ocop")
    ]
    return [(page, "https://bao.example.vn/bai.html") for page in sorted(FIXTURES.rglob("*.html"))] + [
        (page, "http://127.0.0.1:8765/" + page.relative_to(site).as_posix()) for page in listings
    ]


def test_the_fast_body_is_kept_only_where_the_standard_mode_agrees(
    pages: list[tuple[Path, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_shipped = {page: _outcome(page, url) for page, url in pages}
    # The fast mode tried on every page without a teaser-classed block, not only on prose pages:
    # the check alone must then keep the standard result.
    kept: list[bool] = []
    check = blocks._standard_would_agree

    def counted(fast: Extraction, page_chars: int) -> bool:
        kept.append(check(fast, page_chars))
        return kept[-1]

    monkeypatch.setattr(blocks, "_standard_would_agree", counted)
    monkeypatch.setattr(
        blocks,
        "_prose_page_chars",
        lambda source: 0 if blocks._TEASER_CLASSED(source) else int(blocks._PAGE_CHARS(source)),
    )
    always_tried = {page: _outcome(page, url) for page, url in pages}
    monkeypatch.setattr(blocks, "_prose_page_chars", lambda source: 0)
    standard = {page: _outcome(page, url) for page, url in pages}

    assert [page.name for page in as_shipped if as_shipped[page] != standard[page]] == []
    assert [page.name for page in always_tried if always_tried[page] != standard[page]] == []
    # Both answers are given: fast bodies kept on some pages, refused on others.
    assert kept.count(True) >= 10, kept
    assert kept.count(False) >= 3, kept


def test_the_fast_mode_alone_would_change_the_sample_listings(
    pages: list[tuple[Path, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why the check exists: without it, the section and tag pages come out differently."""
    listings = [(page, url) for page, url in pages if url.startswith("http://127.0.0.1")]
    standard = [_outcome(page, url) for page, url in listings]
    monkeypatch.setattr(blocks, "_standard_would_agree", lambda fast, page_chars: True)
    monkeypatch.setattr(blocks, "_prose_page_chars", lambda source: 1)
    fast_only = [_outcome(page, url) for page, url in listings]
    assert sum(a != b for a, b in zip(standard, fast_only, strict=True)) >= 3


def _document(body_xml: str, raw_text: str) -> Extraction:
    return Extraction(etree.fromstring(body_xml), raw_text)


SENTENCE = "Hợp tác xã giới thiệu sản phẩm mật ong đạt ba sao tại hội chợ nông sản của tỉnh. "


def test_the_check_refuses_what_the_standard_mode_could_replace() -> None:
    prose = SENTENCE * 5
    body = f"<body><p>{prose}</p><p>{prose}</p></body>"
    text = f"{prose} {prose}"
    assert blocks._standard_would_agree(_document(body, text), page_chars=len(text))
    # readability might find twice as much on a page whose text is more than twice the body's
    assert not blocks._standard_would_agree(_document(body, text), page_chars=2 * len(text) + 1)
    # a short body goes to jusText
    assert not blocks._standard_would_agree(_document("<body><p>Ngắn.</p></body>", "Ngắn."), page_chars=5)
    # page furniture inside the body goes to jusText
    furnished = f"<body><p>{prose}</p><figure>Ảnh</figure><p>{prose}</p></body>"
    assert not blocks._standard_would_agree(_document(furnished, text), page_chars=len(text))
    # no paragraph at all (table-dominated): readability may take over
    table = f"<body><table><row><cell>{prose}</cell></row></table></body>"
    assert not blocks._standard_would_agree(_document(table, prose), page_chars=len(prose))
    # the baseline's paragraphs, joined by line breaks: trafilatura's own pass found too little
    assert not blocks._standard_would_agree(_document(body, f"{prose}\n{prose}"), page_chars=len(text))


def test_teaser_classed_blocks_and_link_pages_keep_the_standard_mode() -> None:
    prose = "<p>" + SENTENCE * 4 + "</p>"
    article = etree.HTML(f"<html><body><div>{prose * 3}</div></body></html>")
    assert blocks._prose_page_chars(article) > 0
    teaser = etree.HTML(f'<html><body><div>{prose * 3}</div><div class="box-Teaser">x</div></body></html>')
    assert blocks._prose_page_chars(teaser) == 0
    links = "".join(f'<li><a href="/{i}.html">Tin số {i} về sản phẩm OCOP</a></li>' for i in range(40))
    menu_page = etree.HTML(f"<html><body><ul>{links}</ul>{prose}</body></html>")
    assert blocks._prose_page_chars(menu_page) == 0
