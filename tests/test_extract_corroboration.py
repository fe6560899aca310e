"""The structured data's writer, printed on the page too, outranks a lone credit that names no
one of them (session 22).

The byline reader took a comment counter ("Keine Kommentare" has a name's shape) for the printed
byline, which outranks structured data; the writer named in the JSON-LD and printed in a card
after the text was lost. Names and pages are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article

BODY = """
<div class="text">
<p>Der Gemeinderat hat am Montag beschlossen, die alte Turnhalle neben der Grundschule bis zum
Herbst zu sanieren. Das Dach ist seit Jahren undicht, im Winter fiel mehrmals die Heizung aus.</p>
<p>Die Kosten teilen sich Gemeinde und Land. Während der Bauzeit turnen die Kinder in der Halle
des Nachbarorts, ein Bus bringt sie zweimal in der Woche dorthin.</p>
<p>Die Vereine müssen ihre Trainingszeiten für ein halbes Jahr verlegen. Der Sportverein kündigte
an, im Sommer vor allem draußen auf dem Platz hinter der Schule zu trainieren.</p>
</div>"""


COUNTER = '<a href="#comments">Keine Kommentare</a>'


def page(person: str | None, card: str, credit: str = COUNTER) -> bytes:
    ld = (
        '<script type="application/ld+json">{"headline":"Turnhalle wird bis zum Herbst saniert",'
        '"@type":"NewsArticle","datePublished":"2024-05-06T10:00:00+02:00","@context":"https://schema.org",'
        f'"author":{{"@type":"Person","name":"{person}"}}}}</script>'
        if person
        else ""
    )
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Turnhalle wird bis zum Herbst saniert | Dorfbote</title>
<meta property="og:site_name" content="Dorfbote">{ld}</head>
<body><article><h1>Turnhalle wird bis zum Herbst saniert</h1>
<ul class="post-info"><li class="post-info__item--type-author">{credit}</li>
<li>6. Mai 2024</li></ul>
{BODY}
{card}
</article></body></html>""".encode()


URL = "https://dorfbote.example.de/2024/05/turnhalle/"
CARD = (
    '<div class="card"><div class="name">Jana Vollmer</div>'
    '<a href="mailto:jv@dorfbote.example.de">E-Mail</a></div>'
)


def test_the_printed_person_of_the_structured_data_wins() -> None:
    """Failed before session 22: the comment counter was the page's only author."""
    assert extract_article(page("Jana Vollmer", CARD), URL).authors == ["Jana Vollmer"]


@pytest.mark.parametrize(
    ("credit", "person", "card", "authors"),
    [
        # the structured writer is printed nowhere: the printed credit stands
        ("Von Karl Brandt", "Jana Vollmer", "", ["Karl Brandt"]),
        # no structured writer: nothing confirms the card's name as the writer
        ("Von Karl Brandt", None, CARD, ["Karl Brandt"]),
        # the printed credit names the structured writer among others: all of them stand
        ("Von Karl Brandt, Jana Vollmer", "Jana Vollmer", CARD, ["Karl Brandt", "Jana Vollmer"]),
    ],
)
def test_guards(credit: str, person: str | None, card: str, authors: list[str]) -> None:
    assert extract_article(page(person, card, credit), URL).authors == authors
