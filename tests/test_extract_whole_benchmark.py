"""Mechanisms found on trafilatura's whole evaluation set, dev half (session 21).

Each failure lost a real article's text to a rule meant for page furniture:
- the next-article rule measured the label before a heading with the template's indentation
  counted as text, so a sidebar card's heading took the article's whole column for its box;
- the teaser rules read a card in an exercise's link to its solution as a PDF (a download is
  no story), and in an item whose only link is a portrait or a logo under a heading of its own
  (a reviewer's verdict, a section of an event page over its sponsors);
- the comment rules removed a live report's entries one by one, each a small share of the
  page's paragraphs, although their box ("live-comments") prints most of the page and no <p>.
The guards: an appended next story still leaves, teaser lists with linked headlines or linked
pictures and a summary still leave, reader comments under an article still leave. The pages are
written for this test.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

HOST = "https://gartenverein.example.de"
CRAWLED = datetime(2026, 6, 2, 9, 0, tzinfo=VIETNAM_TZ)

PARAS = [
    "Im Frühjahr hat der Verein die alte Streuobstwiese am Ortsrand übernommen und mit zwanzig "
    "Freiwilligen die ersten morschen Bäume durch junge Hochstämme ersetzt.",
    "Die Pflege der Wiese teilen sich nun drei Gruppen, die jeweils einen Samstag im Monat mähen, "
    "Zäune flicken und die Nistkästen für Meisen und Stare kontrollieren.",
    "Im Herbst soll die erste eigene Ernte gepresst werden, der Saft geht an die Grundschule und "
    "an das Seniorenheim, die beide beim Pflanzen mitgeholfen haben.",
    "Für die seltenen Apfelsorten hat ein Pomologe aus dem Nachbarkreis die alten Bäume bestimmt "
    "und Edelreiser geschnitten, damit die Sorten auf jungen Unterlagen weiterwachsen.",
    "Der Gemeinderat hat zugesagt, den Weg zur Wiese im nächsten Jahr zu befestigen, damit auch "
    "Familien mit Kinderwagen und Menschen im Rollstuhl die Blüte erleben können.",
    "Wer mithelfen möchte, braucht keine Vorkenntnisse: Werkzeug und Handschuhe stellt der Verein, "
    "und erfahrene Mitglieder zeigen Neulingen, wie man einen Obstbaum richtig schneidet.",
]
CARDS = [
    (
        "Neue Bienenstöcke stehen jetzt am Rand der Kleingartenanlage Süd",
        "Zwei Imkerinnen betreuen die Völker und zeigen Schulklassen einmal im Monat die Waben.",
    ),
    (
        "Tauschbörse für Saatgut zieht mehr Besucher an als jemals zuvor",
        "An zwölf Tischen wechselten alte Tomatensorten und seltene Bohnen ihre Besitzer.",
    ),
    (
        "Gemeinschaftsbeet am Bahnhof bekommt eine neue Bewässerung",
        "Die Stadtwerke spendeten Schläuche und eine Regentonne, Mitglieder bauten die Anlage.",
    ),
]


def _paragraphs(indent: str) -> str:
    return "".join(f"{indent}<p>{text}</p>\n" for text in PARAS)


def _column_page(indent: str) -> bytes:
    """The article's column and a sidebar of linked cards in one wrapper, indented as templates
    print them: whitespace between the tags, the cards' headings and summaries inside their links."""
    pad = "\n" + indent * 6
    cards = "".join(
        f'{pad}<div class="row"><a href="/aktuell/meldung-{n}">'
        f'<div class="card"><div class="date">0{n}.05.2026</div><h2>{head}</h2>'
        f"<p>{summary}</p></div></a></div>"
        for n, (head, summary) in enumerate(CARDS[:2], start=1)
    )
    return f"""<html><head><title>Streuobstwiese gerettet</title></head><body>
<article><div class="intro"><h1>Streuobstwiese gerettet</h1></div>
<div class="wrapper">{pad}<div class="row main">{pad}<div class="left">{pad}<span>Drucken</span>{pad}</div>
{pad}<div class="content">{pad}{pad}{pad}{pad}
{_paragraphs(indent)}{pad}</div>{pad}<div class="side">{pad}<h3>Aktuell</h3>{cards}{pad}</div>{pad}</div>
</div></article></body></html>""".encode()


def test_sidebar_card_in_an_indented_column_takes_no_article_text_with_it() -> None:
    article = extract_article(_column_page(" " * 8), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert all(text in article.text for text in PARAS)


def test_next_article_rule_unchanged_without_indentation() -> None:
    """The same page written without whitespace between the tags: the article was kept before."""
    article = extract_article(_column_page(""), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert all(text in article.text for text in PARAS)


def test_appended_next_story_still_leaves() -> None:
    """Another story appended below the article, its heading linked to its own page, its box
    opened by a short label only: it leaves, indentation or not."""
    pad = "\n" + " " * 24
    nxt = "".join(f"{pad}<p>{summary} {summary}</p>" for _, summary in CARDS)
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body>
<article><h1>Streuobstwiese gerettet</h1><div class="content">{_paragraphs(pad)}</div></article>
<div class="next">{pad}<span>Weiterlesen</span>{pad}<h2><a href="/aktuell/bienen">{CARDS[0][0]}</a></h2>{nxt}
</div></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert all(text in article.text for text in PARAS)
    assert CARDS[0][1] not in article.text


EXERCISES = [
    ("Ein Würfel aus Holz hat eine Kantenlänge von 5 cm und wiegt 75 g. Berechne seine Dichte.", "0,6 g/cm³"),
    ("Eine Platte aus Stahl ist 2 m lang, 1 m breit und 1 cm dick. Wie schwer ist sie?", "156 kg"),
    ("Ein Aquarium fasst 60 Liter Wasser. Welche Masse hat die Füllung in Kilogramm?", "60 kg"),
]


def _exercises_page(href: str) -> bytes:
    items = "".join(
        f'<li>{question}<br><span>Lösung: {answer}</span><br><a href="{href}{n}">Ausführlicher Rechenweg '
        f"zum Nachlesen</a></li>"
        for n, (question, answer) in enumerate(EXERCISES, start=1)
    )
    return f"""<html><head><title>Dichte berechnen</title></head><body><article>
<h1>Dichte berechnen</h1><p>{PARAS[0]}</p><h2>Aufgaben</h2><ol>{items}</ol><p>{PARAS[1]}</p>
</article></body></html>""".encode()


def test_exercises_linking_their_solutions_as_documents_stay() -> None:
    article = extract_article(_exercises_page("/dateien/loesung.pdf?n="), f"{HOST}/dichte", crawled=CRAWLED)
    assert all(question in article.text and answer in article.text for question, answer in EXERCISES)


def test_items_linking_other_pages_with_a_headline_still_are_teasers() -> None:
    """The same items linking pages of the site: three items of a headline link and a summary
    are another story's teasers, as before."""
    article = extract_article(_exercises_page("/aufgaben/rechenweg-"), f"{HOST}/dichte", crawled=CRAWLED)
    assert EXERCISES[0][0] not in article.text
    assert PARAS[0] in article.text and PARAS[1] in article.text


VERDICTS = [
    (
        "Annas Urteil",
        "Der Laden ist klein, aber die Auswahl an Gebäck ist riesig und alles war frisch gebacken.",
    ),
    (
        "Bens Urteil",
        "Wir mussten lange anstehen, doch der Kaffee und der Apfelkuchen waren die Wartezeit wert.",
    ),
    (
        "Cems Urteil",
        "Freundliches Personal, faire Preise und ein schöner Platz am Fenster mit Blick auf den Hafen.",
    ),
]


def _verdicts_page(heading: str) -> bytes:
    """Verdicts of the site's writers, each under their linked portrait; `heading` wraps each
    verdict's heading (linked or not)."""
    items = "".join(
        f'<section class="verdict"><div class="avatar"><a href="/team/{name.split()[0].lower()}">'
        f'<img src="/img/{n}.jpg"></a></div><div class="body">{heading.format(name)}<p>{text}</p></div>'
        "</section>"
        for n, (name, text) in enumerate(VERDICTS, start=1)
    )
    return f"""<html><head><title>Die Bäckerei am Hafen</title></head><body><article>
<h1>Die Bäckerei am Hafen</h1>{_paragraphs("")}{items}</article></body></html>""".encode()


def test_verdicts_under_a_linked_portrait_and_their_own_heading_stay() -> None:
    article = extract_article(_verdicts_page("<h3>{}</h3>"), f"{HOST}/baeckerei", crawled=CRAWLED)
    assert all(text in article.text for _, text in VERDICTS)


def test_cards_of_a_linked_picture_and_a_summary_without_heading_still_leave() -> None:
    """No heading of their own: a thumbnail linking elsewhere and a summary, three in a row, are
    teasers as before."""
    article = extract_article(_verdicts_page(""), f"{HOST}/baeckerei", crawled=CRAWLED)
    assert not any(text in article.text for _, text in VERDICTS)
    assert PARAS[0] in article.text


ENTRIES = [
    "Anpfiff im ausverkauften Stadion, beide Mannschaften beginnen vorsichtig und tasten sich ab.",
    "Erster Eckball für die Gäste, der Kopfball nach der Hereingabe geht knapp über die Latte.",
    "Gelbe Karte für den Kapitän der Gastgeber nach einem harten Einsteigen im Mittelfeld.",
    "Der Ausgleich! Nach einem schnellen Konter trifft die Nummer neun flach ins linke Eck.",
    "Abpfiff, das Spiel endet unentschieden und beide Trainer zeigen sich zufrieden mit dem Punkt.",
]


def test_live_report_entries_classed_as_comments_stay() -> None:
    """A live report whose timed entries are set in divs classed "live-comment": the box prints
    most of the page and no paragraph."""
    entries = "".join(
        f'<div class="live-comment"><div class="live-comment-time">{minute}\'</div>'
        f'<div class="live-comment-body">{text}</div></div>'
        for minute, text in zip((1, 12, 34, 57, 90), ENTRIES, strict=True)
    )
    page = f"""<html><head><title>Nordstadt gegen Südhafen</title></head><body>
<nav><a href="/">Start</a> <a href="/fussball">Fußball</a> <a href="/handball">Handball</a></nav>
<h1>Nordstadt gegen Südhafen</h1><div class="live-comments">{entries}</div>
<footer><p>Alle Rechte vorbehalten.</p></footer></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/live/nordstadt-suedhafen", crawled=CRAWLED)
    assert all(text in article.text for text in ENTRIES)


def test_reader_comments_under_an_article_still_leave() -> None:
    """Reader comments set in divs under a longer article: the comment box prints less than half
    of the page and leaves, as before."""
    comments = "".join(
        f'<div class="comment"><div class="comment-author">Leser {n}</div>'
        f'<div class="comment-body">{text}</div></div>'
        for n, text in enumerate(ENTRIES[:2], start=1)
    )
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body>
<h1>Streuobstwiese gerettet</h1><div class="content">{_paragraphs("")}</div>
<div class="comments">{comments}</div></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert all(text in article.text for text in PARAS)
    assert not any(text in article.text for text in ENTRIES)


CAPTION = "Die Helferinnen pflanzen am Samstag die ersten jungen Hochstämme"


def _picture_page(line: str) -> bytes:
    """A picture in a box of its own (a link to the full size), the line under it in the next
    block: no centring, no italics, no class word."""
    return f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1><p>{PARAS[0]}</p><p>{PARAS[1]}</p>
<div class="media"><a href="/bilder/wiese-gross.jpg"><img src="/bilder/wiese.jpg"></a></div>
<div class="text-small">{line}</div><p>{PARAS[2]}</p><p>{PARAS[3]}</p></article></body></html>""".encode()


def test_line_under_a_picture_closing_with_a_credit_is_its_caption() -> None:
    for credit in (" | © Gartenverein Süd", ". (Foto: Erika Muster, Gartenverein)"):
        article = extract_article(_picture_page(CAPTION + credit), f"{HOST}/wiese", crawled=CRAWLED)
        assert CAPTION not in article.text
        assert all(text in article.text for text in PARAS[:4])


def test_line_under_a_picture_without_a_credit_stays() -> None:
    """A line of the story after a picture, a copyright sign inside it: no closing credit."""
    line = "Seit 1998 © trägt die Wiese ein Schild des Vereins, das an die Gründer und ihre Arbeit erinnert."
    article = extract_article(_picture_page(line), f"{HOST}/wiese", crawled=CRAWLED)
    assert line in article.text


def test_paragraph_after_an_empty_link_to_a_picture_is_no_link_list() -> None:
    """A paragraph opening with links to pictures whose images the page no longer shows:
    trafilatura moves the paragraph's text into the link, and it read as a link list."""
    opening = "Heute gibt es bei uns einen Apfelkuchen nach dem Rezept meiner Großmutter."
    page = f"""<html><head><title>Apfelkuchen</title></head><body><article><h1>Apfelkuchen</h1>
<div class="entry"><p><a href="/bilder/kuchen-1.jpg"></a><a href="/bilder/kuchen-2.jpg"></a>{opening}</p>
{_paragraphs("")}</div></article></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/apfelkuchen", crawled=CRAWLED)
    assert opening in article.text


def test_links_to_other_pages_still_make_a_link_list() -> None:
    """The same line as a link to another page: a related headline, dropped as before."""
    line = "Heute gibt es bei uns einen Apfelkuchen nach dem Rezept meiner Großmutter."
    page = f"""<html><head><title>Apfelkuchen</title></head><body><article><h1>Apfelkuchen</h1>
<div class="entry">{_paragraphs("")}<p><a href="/rezepte/kuchen">{line}</a></p></div></article>
</body></html>"""
    article = extract_article(page.encode(), f"{HOST}/apfelkuchen", crawled=CRAWLED)
    assert line not in article.text


def test_body_printed_after_an_early_html_end_is_read() -> None:
    """A template closes the document after its head ("</head></html>") and prints the body after
    it: browsers show the body, and so is it read."""
    page = f"""<!DOCTYPE html><html><head><title>Streuobstwiese gerettet</title></head></html>
<body><article><h1>Streuobstwiese gerettet</h1>{_paragraphs("")}</article></body>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert all(text in article.text for text in PARAS)


def test_text_after_the_final_html_end_is_still_left_out() -> None:
    """An </html> after the body closes the page as before: what a script wrote after it is no text."""
    stray = "Dieser Satz steht nach dem Ende des Dokuments und gehört nicht zum Artikel dazu."
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1>{_paragraphs("")}</article></body></html><p>{stray}</p>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert PARAS[0] in article.text and stray not in article.text


def test_short_line_closing_with_a_credit_is_a_caption_in_the_body() -> None:
    """A picture's line the body extractor kept without its picture (a lightbox link's text):
    its closing credit says what it is."""
    line = "Kinder der Grundschule pflanzen die ersten Bäume am Rand der Wiese (Foto: Gartenverein Süd)"
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1><p>{PARAS[0]}</p><p>{line}</p>{_paragraphs("")}</article></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert line not in article.text and PARAS[1] in article.text
    assert line in article.captions


def test_sentence_naming_a_photo_credit_midway_stays() -> None:
    line = "Wer ein Bild einreicht, nennt am Ende die Quelle (Foto: Name), damit der Verein es drucken darf."
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1><p>{PARAS[0]}</p><p>{line}</p>{_paragraphs("")}</article></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert line in article.text


def test_follow_us_prompts_in_other_languages_leave() -> None:
    prompts = [
        "Folgen Sie uns auf Instagram und Facebook, um keine Neuigkeit aus dem Verein zu verpassen!",
        "Síguenos en Telegram y Twitter para recibir todas las noticias del club",
    ]
    lines = "".join(f"<p>{line}</p>" for line in prompts)
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1>{_paragraphs("")}{lines}</article></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert all(text in article.text for text in PARAS)
    assert not any(line in article.text for line in prompts)


def test_a_sentence_about_following_on_a_network_stays() -> None:
    line = "Der Verein will seine Mitglieder künftig auch auf Instagram über die Ernte informieren."
    page = f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1>{_paragraphs("")}<p>{line}</p></article></body></html>"""
    article = extract_article(page.encode(), f"{HOST}/streuobstwiese", crawled=CRAWLED)
    assert line in article.text


def _labelled_box_page(label: str, after: str) -> bytes:
    """The label and what follows it set between the article's paragraphs."""
    first, rest = "".join(f"<p>{t}</p>" for t in PARAS[:3]), "".join(f"<p>{t}</p>" for t in PARAS[3:])
    return f"""<html><head><title>Streuobstwiese gerettet</title></head><body><article>
<h1>Streuobstwiese gerettet</h1>{first}<p><strong>{label}</strong></p>{after}{rest}</article>
</body></html>""".encode()


def test_related_box_labels_in_other_languages_leave_with_their_links() -> None:
    links = "".join(f'<p><a href="/aktuell/meldung-{n}">{head}</a></p>' for n, (head, _) in enumerate(CARDS))
    for label in ("Mehr zum Thema", "Das könnte Sie auch interessieren:", "Czytaj też", "Le puede interesar"):
        article = extract_article(_labelled_box_page(label, links), f"{HOST}/wiese", crawled=CRAWLED)
        assert label not in article.text
        assert not any(head in article.text for head, _ in CARDS)
        assert all(text in article.text for text in PARAS)


def test_prose_after_a_related_label_stays() -> None:
    """A label of the vocabulary over paragraphs of prose: the paragraphs are the article's."""
    more = "".join(f"<p>{summary} {summary}</p>" for _, summary in CARDS)
    article = extract_article(_labelled_box_page("Mehr zum Thema", more), f"{HOST}/wiese", crawled=CRAWLED)
    assert all(f"{summary} {summary}" in article.text for _, summary in CARDS)
