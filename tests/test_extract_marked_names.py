"""Writers' names the markup marks: a rel="author" link or an hCard "fn" inside a byline, and
surnames with a prefix before an inner capital (session 22).

Blog templates print the account name of the writer ("von <a rel=author>kay77</a>"): in lower
case, with digits, or one word. Read as a bare line, such a text is no person's name, and the
page had no author at all. The markup says which text is the name; it is taken as printed. A
byline element whose markup marks nothing, a button row and a desk stay unread. Names, pages
and addresses are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.byline import parse_byline
from crawler.extraction.extract import extract_article

BODY = """
<div class="entry-content">
<p>Am Samstag haben wir den alten Schuppen hinter dem Garten ausgeräumt und die Bretter für das neue
Hochbeet zugeschnitten. Das Holz stammt von einem Nachbarn, der seinen Zaun erneuert hat.</p>
<p>Die Erde mischen wir aus Kompost und Sand, damit das Wasser im Frühjahr besser abläuft. Die
ersten Setzlinge kommen Anfang April hinein, sobald die Nächte frostfrei bleiben.</p>
<p>Wer ein ähnliches Beet bauen möchte, braucht vor allem Geduld und eine gute Säge. Im nächsten
Beitrag zeigen wir, wie die Bewässerung mit einem Regenfass funktioniert.</p>
</div>"""


def page(byline: str) -> bytes:
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Ein Hochbeet aus alten Brettern | Gartenzeilen</title>
<meta property="og:site_name" content="Gartenzeilen">
<meta property="article:published_time" content="2024-03-02T09:00:00+01:00"></head>
<body><header><a href="/">Gartenzeilen</a></header>
<article><h1 class="entry-title">Ein Hochbeet aus alten Brettern</h1>
{byline}
{BODY}
</article></body></html>""".encode()


URL = "https://gartenzeilen.example.de/2024/03/hochbeet/"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # a rel="author" link inside a dated byline row: the account name in lower case with digits
        (
            '<p class="post-byline">2. März 2024 · von <a href="/author/kay77/" rel="author">kay77</a></p>',
            ["kay77"],
        ),
        # the same row with a one-word name
        (
            '<p class="post-byline">2. März 2024 · von <a href="/author/ulla/" rel="author">Ulla</a></p>',
            ["Ulla"],
        ),
        # the hCard: "author vcard" around the formatted name ("fn"), with no rel
        (
            '<div class="entry-meta">Von <span class="author vcard"><a class="url fn n" href="/author/'
            'gartenfee/">gartenfee</a></span> | 2. März 2024</div>',
            ["gartenfee"],
        ),
        # a name with a particle in lower case, marked as the formatted name
        (
            '<div class="post-footer">Eingestellt von <span class="post-author vcard"><span class="fn">'
            "die Gartenfee</span></span></div>",
            ["die Gartenfee"],
        ),
    ],
)
def test_a_name_the_markup_marks_is_read_as_printed(byline: str, authors: list[str]) -> None:
    """Failed before session 22: the page had no author (a one-word or lower-case name is read
    nowhere without the markup that marks it)."""
    assert extract_article(page(byline), URL).authors == authors


@pytest.mark.parametrize(
    "byline",
    [
        # an author-classed row that marks no name: the lower-case word is not taken
        '<p class="post-byline">2. März 2024 · von gartenfee</p>',
        # a marked link whose text is a button row, not a name
        '<p class="post-byline">2. März 2024 · <a href="/author/x/" rel="author">Alle Beiträge</a></p>',
        # a marked name that is the outlet itself
        '<p class="post-byline">2. März 2024 · von <a href="/author/gz/" rel="author">gartenzeilen</a></p>',
        # a marked name that is a desk
        '<p class="post-byline">2. März 2024 · von <a href="/author/r/" rel="author">redaktion</a></p>',
    ],
)
def test_guards(byline: str) -> None:
    assert extract_article(page(byline), URL).authors == []


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("Niamh O'Doherty", "Niamh O'Doherty"),
        ("Carla DeMarco", "Carla DeMarco"),
        ("Ross McAllister", "Ross McAllister"),
        ("Jon LeGrand", "Jon LeGrand"),
    ],
)
def test_a_prefixed_surname_is_a_name(field: str, name: str) -> None:
    """Failed before session 22: a word with a capital inside it ("O'Doherty", "DeMarco") was no
    name word, so the author field read as no one."""
    byline = parse_byline(field, field=True)
    assert byline is not None and byline.authors == [name]


@pytest.mark.parametrize("field", ["Ross MacBOOK", "Ross YouTube", "Ross McX", "Ross O'"])
def test_other_inner_capitals_are_no_name(field: str) -> None:
    byline = parse_byline(field, field=True)
    assert byline is None or byline.authors == []


SIDEBAR = (
    '<div class="widget-area"><ul><li><a href="/neu">Jetzt Neu</a></li>'
    '<li><a href="/archiv">Altes Archiv</a></li><li><a href="/feed">Feed der Einträge</a></li>'
    '<li><a href="/links">Weitere Links</a></li></ul></div>'
)


def test_a_page_classed_for_its_writer_is_no_byline() -> None:
    """Failed before session 22: WordPress classes the <body> "single-author"; read as a byline
    element, it named every capitalised line of the page (the sidebar's links), and every byline
    inside it was skipped as a part of it."""
    byline = (
        '<div class="entry-meta">von <span class="author vcard"><a class="url fn n" href="/author/jv/">'
        "Jana Vollmer</a></span></div>"
    )
    html = (
        page(byline)
        .decode()
        .replace("<body>", '<body class="single single-author">')
        .replace("</article>", f"</article>{SIDEBAR}")
    )
    assert extract_article(html.encode(), URL).authors == ["Jana Vollmer"]
