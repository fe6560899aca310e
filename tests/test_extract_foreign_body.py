"""Body text on foreign pages (session 22, issue #10): a video page whose only prose is the summary
set in a caption-classed box under the player, a results table printed inside a <pre>, and a
portal's "who is online" counter kept as a line of the text."""

from __future__ import annotations

import pytest

from crawler.extraction.body import is_prompt
from crawler.extraction.extract import extract_article

URL = "https://tv-beispiel.example.de/sport/winterpause-im-stadion-100.html"
SUMMARY = (
    "In der kleinen Stadt am Fluss ruht der Ball seit Wochen. Die Vereine der Kreisliga sparen "
    "Strom, die Platzwarte warten auf den Frühling. Wie die Saison weitergeht, weiß noch niemand."
)
HEADLINE = "Winterpause im Stadion am Fluss"


def video_page(caption_box: str, description: str = SUMMARY) -> str:
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{HEADLINE} - Mediathek</title>"
        f'<meta name="description" content="{description}">'
        f'<meta property="og:title" content="{HEADLINE}">'
        "</head><body>"
        '<div class="b-header"><a href="/">Start</a> <a href="/sport">Sport</a></div>'
        f'<main><article class="b-item"><h1 class="item-title">{HEADLINE}</h1>'
        '<div class="b-player"><div class="player-box" data-video="clip-4711"></div></div>'
        f"{caption_box}"
        "</article></main>"
        '<div class="x-dialogs">'
        "<p>Gespeichert in deiner Liste! Entfernt aus deiner Liste. Bewertung gespeichert. "
        "Einbettungscode in die Zwischenablage kopiert, bitte beachte die Hinweise zur Nutzung.</p>"
        "<p>Dein neues Kennwort braucht mindestens zehn Zeichen, eine Ziffer und einen Großbuchstaben, "
        "damit wir es für dein Konto übernehmen können.</p>"
        "<p>Deine Anmeldung war erfolgreich. Bitte bestätige den Link in der E-Mail, die wir dir in "
        "Kürze schicken, innerhalb von zwei Tagen.</p>"
        "</div></body></html>"
    )


def summary_box(summary: str = SUMMARY) -> str:
    return (
        '<div class="item-caption"><div class="details">'
        '<span class="teaser-cat">von Jana Beispiel</span>'
        f'<p class="item-description">{summary}</p>'
        "<dl><dt>Länge</dt><dd>3 min</dd><dt>Datum</dt><dd>12.01.2021</dd></dl>"
        "</div></div>"
    )


def test_summary_in_a_caption_classed_box_is_the_text() -> None:
    article = extract_article(video_page(summary_box()), URL)
    assert article.text.startswith(SUMMARY)
    assert SUMMARY not in article.captions


def test_caption_box_saying_another_text_is_still_a_caption() -> None:
    other = (
        "Ein Platzwart kehrt Schnee von der Tribüne, während hinter ihm die Flutlichtmasten im "
        "Nebel verschwinden und die Anzeigetafel noch das letzte Ergebnis zeigt."
    )
    article = extract_article(video_page(summary_box(other)), URL)
    assert other not in article.text
    assert any(other in caption for caption in article.captions)


def test_short_description_or_headline_does_not_shield_a_caption() -> None:
    """A declared description that is the headline (or a few words) is no summary: a photo caption
    repeating it is still a caption."""
    body = (
        '<figure class="b-photo"><img src="/bilder/platz.jpg" alt="">'
        f"<figcaption>{HEADLINE}</figcaption></figure>"
        f"<p>{SUMMARY}</p>"
        "<p>Der Vorsitzende des Kreisverbands hofft auf einen milden Februar, damit die ersten "
        "Nachholspiele noch vor Ostern stattfinden können und die Tabelle wieder stimmt.</p>"
    )
    article = extract_article(video_page(body, description=HEADLINE), URL)
    assert HEADLINE in article.captions
    assert SUMMARY in article.text


RESULTS_URL = "https://kreis-laufsport.example.de/ergebnisse/hallenmeeting-2006/"


def results_page(table_holder: str) -> str:
    rows = "".join(
        f"<tr><td>{place}.</td><td>&nbsp;</td><td>{club}</td><td>{time}</td><td>sec.</td></tr>"
        for place, club, time in (
            (1, "SV Musterdorf", "51,20"),
            (2, "TG Beispielstadt", "52,75"),
            (3, "LAV Hinterwald", "53,08"),
        )
    )
    table = f'<table cellspacing="0" border="0"><colgroup><col width="20"></colgroup>{rows}</table>'
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Ergebnisse: Hallenmeeting 2006</title></head><body>"
        '<div id="main"><article class="post"><h1 class="entry-title">Ergebnisse: Hallenmeeting 2006</h1>'
        '<div class="entry-content">'
        "<p>Kreismeisterschaften der Jugend in der Halle am Stadtpark, Ergebnisliste des "
        "Veranstalters für alle Staffeln und Einzelläufe des Tages.</p>"
        f"<h3>Staffel 4 x 200 m</h3>{table_holder.format(table=table)}"
        "</div></article></div></body></html>"
    )


def test_table_printed_inside_pre_keeps_its_rows() -> None:
    """trafilatura passes a <pre> on as <code> with its tables unconverted (<tr>/<td>)."""
    article = extract_article(results_page('<pre><span class="res">{table}</span></pre>'), RESULTS_URL)
    assert "SV Musterdorf" in article.text
    assert "3. | LAV Hinterwald | 53,08 | sec." in article.text


def test_table_outside_pre_reads_as_before() -> None:
    article = extract_article(results_page("{table}"), RESULTS_URL)
    assert "2. | TG Beispielstadt | 52,75 | sec." in article.text


WHO_IS_ONLINE = [
    "27 Besucher sind online (4 Besucher halten sich im Bereich Termine auf.) Mitglied(er): 1 Gäste: 26",
    "58 visitors online",
    "3 guests and 2 members online",
]
STORY_SENTENCES = [
    "Rund 400 Besucher kamen am Sonntag zum Dorffest, viele weitere verfolgten es online.",
    "12 Nutzer meldeten am Montag, dass das Portal der Gemeinde über Stunden nicht online erreichbar war.",
    "Online sind bisher 58 Anmeldungen für den Lauf am Stausee eingegangen.",
]


@pytest.mark.parametrize("line", WHO_IS_ONLINE)
def test_who_is_online_box_is_no_text(line: str) -> None:
    assert is_prompt(line)


@pytest.mark.parametrize("line", STORY_SENTENCES)
def test_sentences_about_visitors_online_stay(line: str) -> None:
    assert not is_prompt(line)


NEWS_URL = "https://motor-beispiel.example.de/neuheiten/kleiner-kombi-im-test-4711.html"
STORY = [
    "Der neue kleine Kombi des Herstellers aus Süddeutschland kommt im Frühjahr zu den Händlern und "
    "soll vor allem Familien mit wenig Platz in der Garage ansprechen.",
    "Unter der Haube arbeitet ein sparsamer Dreizylinder, der im Alltag knapp fünf Liter verbrauchen "
    "soll; eine Version mit Elektromotor folgt nach Angaben des Herstellers im Herbst.",
    "Im Innenraum fällt der große Kofferraum auf, der sich mit umgeklappter Rückbank auf fast "
    "fünfzehnhundert Liter erweitern lässt und eine ebene Ladefläche bietet.",
    "Die Preise beginnen bei knapp zweiundzwanzigtausend Euro, die besser ausgestattete Linie mit "
    "Navigationssystem und Sitzheizung kostet rund dreitausend Euro mehr.",
]
CUT_OFF = (
    "Der sportliche Zweisitzer feiert sein Jubiläum mit einer Sonderserie. War die Marke anfangs vom ..."
)


def news_page(summary: str) -> str:
    card = (
        '<div class="c-more"><div class="c-pic"><a href="/neuheiten/zweisitzer-4700.html">'
        '<img src="/bilder/4700.jpg" alt="Zweisitzer"></a></div>'
        '<div class="c-date">3. März 2021</div><div class="c-text">'
        '<h2 class="c-title"><a href="/neuheiten/zweisitzer-4700.html">'
        "Jubiläum für den kleinen Zweisitzer</a></h2>"
        f"<p>{summary}</p></div></div>"
    )
    paras = [f"<p>{text}</p>" for text in STORY]
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kleiner Kombi im Test</title>'
        '</head><body><div class="c-page"><h1>Kleiner Kombi im Test</h1><div class="c-body">'
        f"{''.join(paras[:2])}{card}{''.join(paras[2:])}"
        "</div></div></body></html>"
    )


def test_cut_off_teaser_between_paragraphs_is_no_text() -> None:
    article = extract_article(news_page(CUT_OFF), NEWS_URL)
    assert "Sonderserie" not in article.text
    assert all(paragraph in article.text for paragraph in STORY)


def test_whole_teaser_summary_between_paragraphs_is_left_as_before() -> None:
    """Only a summary cut off with an ellipsis is told apart; a whole one is left to the rules that
    judge it by its place (it may be the article's own sapo printed as a teaser)."""
    whole = CUT_OFF.replace(" War die Marke anfangs vom ...", "")
    article = extract_article(news_page(whole), NEWS_URL)
    assert whole in article.text
    assert all(paragraph in article.text for paragraph in STORY)
