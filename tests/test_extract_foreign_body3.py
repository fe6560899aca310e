"""Body text on foreign pages, fourth round (session 24, issue #10): a data table whose first
column links its rows' pages (a support matrix with tick icons), a notice that the post is a
community member's, the server's PHP diagnostics, German and English "more stories" labels
naming their topic, and a kicker heading over the headline. Every page and line here is invented."""

from __future__ import annotations

import pytest

from crawler.extraction.body import is_prompt
from crawler.extraction.extract import extract_article

URL = "https://handbuch-beispiel.example.org/werkzeug/einrichten/"
INTRO = [
    "Das Werkzeug läuft auf den gängigen Rechnern, ob im Büro oder zu Hause. Welche Fassung zu "
    "Ihrem Gerät passt, zeigt die Übersicht unten; jede Zeile führt zur Anleitung für das System.",
    "Für Server gibt es eigene Pakete. Sie werden über die Paketquellen der jeweiligen Verteilung "
    "eingespielt und erhalten ihre Aktualisierungen auf demselben Weg wie der Rest des Systems.",
]
TICK = '<img src="/bilder/haken.svg" alt="ja" class="inline">'
SYSTEMS = (("fenster", "Fenstersysteme"), ("apfel", "Apfelrechner"), ("pinguin", "Pinguinsysteme"))


def page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Einrichten | Werkzeug-Handbuch</title></head><body>"
        '<nav class="menu"><a href="/">Start</a> <a href="/werkzeug/">Werkzeug</a></nav>'
        '<main><article class="doc"><h1>Einrichten</h1>'
        f"<p>{INTRO[0]}</p>{body}<p>{INTRO[1]}</p></article></main>"
        '<footer class="footer"><p>Impressum · Datenschutz</p></footer></body></html>'
    )


def matrix(header: bool) -> str:
    rows = "".join(
        f'<tr><td><a href="/werkzeug/{slug}/">Werkzeug für {name}</a></td>'
        f'<td><a href="/werkzeug/{slug}/">{TICK}</a></td><td><a href="/werkzeug/{slug}/">{TICK}</a></td></tr>'
        for slug, name in SYSTEMS
    )
    head = "<thead><tr><th>System</th><th>64 Bit</th><th>ARM</th></tr></thead>" if header else ""
    return f"<table>{head}<tbody>{rows}</tbody></table>"


def test_the_rows_of_a_data_table_with_linked_names_and_tick_icons_stay() -> None:
    """Each row links its name and its tick icons to the same page, the shape of a picture card;
    the table's header cells say it is the article's data, not a list of other stories."""
    text = extract_article(page(matrix(header=True)), URL).text
    for name in ("Fenstersysteme", "Apfelrechner", "Pinguinsysteme"):
        assert f"Werkzeug für {name}" in text
    assert text.startswith(INTRO[0]) and text.endswith(INTRO[1])


def test_the_same_rows_without_header_cells_are_still_cards() -> None:
    """The guard: the same rows in a table without a header are a strip of picture cards (a layout
    table of other pages) and go, as before."""
    text = extract_article(page(matrix(header=False)), URL).text
    assert text.split("\n\n") == INTRO


@pytest.mark.parametrize(
    "line",
    [
        "Bei diesem Beitrag handelt es sich um ein Blog aus der Gartenpost-Community",
        "Dieser Beitrag stammt aus unserer Leser-Community",
        "This post is from our community",
    ],
)
def test_a_notice_that_the_post_is_a_community_members_is_a_prompt(line: str) -> None:
    assert is_prompt(line)


@pytest.mark.parametrize(
    "line",
    [
        "Die Community der Imker im Tal trifft sich jeden Monat, und bei diesem Treffen ging es um Waben.",
        "This post is about how our community garden survived the dry summer.",
    ],
)
def test_a_sentence_about_a_community_is_no_prompt(line: str) -> None:
    assert not is_prompt(line)


@pytest.mark.parametrize(
    "line",
    [
        "Warning: Use of undefined constant teaser - assumed 'teaser' (this will throw an Error in a "
        "future version of PHP) in /srv/www/gartenpost/plugins/letzte-beitraege/liste.php on line 212",
        "Notice : Undefined index: autor in /home/verein/public_html/vorlagen/kopf.php on line 7",
        "Deprecated: Function kalender_alt() is deprecated in /var/www/blog/funktionen.php on line 88",
    ],
)
def test_the_servers_php_diagnostics_are_prompts(line: str) -> None:
    """A message of the server's script printed into the page: a label, a path to a .php file and
    its line number."""
    assert is_prompt(line)


def test_a_sentence_naming_a_warning_and_a_line_is_no_prompt() -> None:
    line = "Warning: the ferry on line 12 runs late today, so plan for the bus to Hafenstadt instead."
    assert not is_prompt(line)


STORY_URL = "https://reiseblatt-beispiel.example.de/touren/fjorde-im-herbst/"


def story(closing: str) -> str:
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Fjorde im Herbst | Reiseblatt</title></head><body>"
        '<nav class="menu"><a href="/">Start</a> <a href="/touren/">Touren</a></nav>'
        '<main><article class="story"><h1>Fjorde im Herbst</h1>'
        f"{''.join(f'<p>{text}</p>' for text in INTRO)}{closing}</article></main>"
        '<footer class="footer"><p>Impressum · Datenschutz</p></footer></body></html>'
    )


@pytest.mark.parametrize(
    "label",
    [
        "Weitere Reisetipps aus Norwegen",
        "Weitere aktuelle Themen aus der Arbeitswelt",
        "More stories from the coast",
    ],
)
def test_a_more_stories_label_naming_its_topic_does_not_close_the_text(label: str) -> None:
    """The label of a box of other stories whose links went: nothing left for it to introduce."""
    text = extract_article(story(f"<p>{label}</p>"), STORY_URL).text
    assert text.split("\n\n") == INTRO


def test_a_closing_sentence_about_more_tips_stays() -> None:
    """The guard: a sentence of the text that speaks of more tips is no label."""
    closing = "Weitere Tipps gibt es bei der Touristeninformation am Hafen."
    text = extract_article(story(f"<p>{closing}</p>"), STORY_URL).text
    assert text.split("\n\n") == [*INTRO, closing]


def kicked(kicker: str) -> str:
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Fjorde im Herbst | Reiseblatt</title></head><body>"
        '<nav class="menu"><a href="/">Start</a> <a href="/touren/">Touren</a></nav>'
        f'<main><div class="column"><h3 class="section">{kicker}</h3><h1>Fjorde im Herbst</h1>'
        f"{''.join(f'<p>{text}</p>' for text in INTRO)}</div></main>"
        '<footer class="footer"><p>Impressum · Datenschutz</p></footer></body></html>'
    )


def test_a_kicker_heading_over_the_headline_does_not_open_the_text() -> None:
    """A section's name set as a heading right over the h1 is the story's kicker."""
    text = extract_article(kicked("Reisen"), STORY_URL).text
    assert text.split("\n\n") == INTRO


def test_a_sentence_over_the_headline_still_opens_the_text() -> None:
    """The guard: a heading over the h1 that is a sentence (a teaser line of the story) is no
    kicker and stays where the page prints it."""
    opening = "Drei Wochen mit dem Rad entlang der Küste, von Bucht zu Bucht."
    text = extract_article(kicked(opening), STORY_URL).text
    assert text.split("\n\n")[0] == opening
