"""Of two metadata titles that word the story differently, the one the h1 prints is the headline
(tried in session 22, kept in session 23 with a guard in the body's recovery:
test_extract_recovery_headline.py).

Templates fill the JSON-LD headline and the <title> with a wording for search, and og:title or
twitter:title with the wording the page prints as its h1. The first metadata title won, and
the headline readers see was lost. Pages are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article

SEARCH = "Hochbeet bauen: Anleitung, Kosten und Tipps"
PRINTED = "Wie wir aus alten Brettern ein Hochbeet für den Schulgarten bauten"
BODY = """
<div class="article-body">
<p>Im Frühjahr haben die Kinder der dritten Klasse gemeinsam mit ihren Eltern ein Hochbeet für den
Schulgarten gebaut. Das Holz stammte von einem alten Zaun, den ein Nachbar abgebaut hatte.</p>
<p>Zuerst wurden die Bretter abgeschliffen und auf die richtige Länge gesägt. Danach schraubten
die Eltern den Rahmen zusammen, und die Kinder füllten ihn Schicht für Schicht mit Erde.</p>
<p>Inzwischen wachsen darin Radieschen, Salat und Kräuter. Die Klasse kümmert sich abwechselnd
um das Gießen, auch in den Ferien, wenn die Schule geschlossen ist.</p>
</div>"""


def page(second_title: str, h1: str) -> bytes:
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{SEARCH} | Gartenblatt</title>
<meta property="og:site_name" content="Gartenblatt">
<meta name="twitter:title" content="{second_title}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article",
"headline":"{SEARCH}","datePublished":"2024-04-12T08:00:00+02:00"}}</script></head>
<body><article><h1>{h1}</h1>
{BODY}
</article></body></html>""".encode()


URL = "https://gartenblatt.example.de/hochbeet-schulgarten/"


def test_the_metadata_title_the_h1_prints_is_the_headline() -> None:
    """Failed before session 23: the JSON-LD headline (the search wording) was the title."""
    assert extract_article(page(PRINTED, PRINTED), URL).title == PRINTED


@pytest.mark.parametrize(
    ("second_title", "h1", "title"),
    [
        # the h1 prints the first title: it stays
        (PRINTED, SEARCH, SEARCH),
        # no metadata title is what the h1 prints: the order of the metadata decides, as before
        ("Ein ganz anderer Titel für die Vorschau in sozialen Netzen", PRINTED, SEARCH),
    ],
)
def test_guards(second_title: str, h1: str, title: str) -> None:
    assert extract_article(page(second_title, h1), URL).title == title


WIKI_TITLE = "Hochbeet (Garten)"  # two words: too short for the <title> alone to confirm the h1
WIKI_DESCRIPTION = "Bau eines Beetes aus gebrauchtem Holz"


def wiki_page(name: str, h1: str) -> bytes:
    """A wiki's article page: its JSON-LD puts a one-line description in `headline` and the
    article's own title in `name`, and the <title> adds the wiki's name."""
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{WIKI_TITLE} – Gartenwiki</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article",
"name":"{name}","headline":"{WIKI_DESCRIPTION}",
"datePublished":"2024-04-12T08:00:00+02:00"}}</script></head>
<body><div id="content"><h1>{h1}</h1>
{BODY}
</div></body></html>""".encode()


def test_the_json_ld_items_name_the_h1_prints_is_the_headline() -> None:
    """Failed before: the item's headline (a description the page never prints) was the title."""
    assert extract_article(wiki_page(WIKI_TITLE, WIKI_TITLE), URL).title == WIKI_TITLE


def test_an_items_name_the_h1_does_not_print_changes_nothing() -> None:
    """The name counts only as a title the h1 prints; otherwise the headline leads as before."""
    page = wiki_page("Ein Name, den die Seite nirgends druckt", WIKI_DESCRIPTION)
    assert extract_article(page, URL).title == WIKI_DESCRIPTION
