"""A playlist of video cards above the story: each card a picture, a headline, a duration.

trafilatura leaves such a run out of the body; the recovery of lost prose then put every
headline back as the article's opening paragraphs, because each is a line of eight words or
more between the headline and the text. A line in a card of a run (at least three siblings of
one tag and class, each with a picture) that does not end as a sentence is no lost prose. A run
of paragraph cards without pictures, and a sentence in a card, still come back. The page is
written for this test.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article

URL = "https://coast.example.com/local/harbour-market-opens-2231.html"

CARD_HEADLINES = [
    "Mayor answers questions from traders outside the new market hall",
    "Watch the first boats unload their catch at the new quay",
    "Fishermen explain why the winter season matters most for them",
    "How the old fish market looked before the move last spring",
]

BODY = [
    "The harbour town opened its new covered fish market on Saturday morning, after two years of "
    "building work that moved the stalls from the old quay to a hall beside the ferry terminal.",
    "Traders said the hall keeps the catch cooler in summer and lets them sell through the winter "
    "storms, when the open quay used to close for days at a time.",
    "The council expects the market to draw visitors from the ferry, and plans a weekend food fair "
    "in the spring to introduce the new hall to the region's restaurants.",
    "A second phase, with a smokehouse and a small museum of the town's fishing history, is due to "
    "open next year if the regional grant is confirmed in the autumn budget.",
]


def _card(headline: str, number: int) -> str:
    return (
        f'<div class="clip-card"><div class="clip-card__image"><img src="/img/clip{number}.jpg" alt=""></div>'
        f'<div class="clip-card__details"><div class="clip-card__headline">{headline}</div>'
        f'<span class="clip-card__duration">0{number}:1{number}</span></div></div>'
    )


PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour town opens a new fish market - Example Coast News</title>
<meta property="article:published_time" content="2025-11-19T08:00:00+00:00"></head>
<body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<main class="story">
<h1>Harbour town opens a new fish market</h1>
<div class="story-lede"><div class="clip-list">
{"".join(_card(headline, number) for number, headline in enumerate(CARD_HEADLINES, 1))}
</div></div>
<article class="story-body">
{"".join(f"<p>{paragraph}</p>" for paragraph in BODY)}
</article>
</main>
<footer>Example Coast News</footer>
</body></html>"""


def test_a_playlist_of_cards_is_not_the_story() -> None:
    """Failed before session 19: the four headlines opened the article's text."""
    article = extract_article(PAGE.encode(), URL)
    assert all(paragraph in article.text for paragraph in BODY)
    assert not any(headline in article.text for headline in CARD_HEADLINES)


def test_sentences_in_picture_cards_still_come_back() -> None:
    """A photo story whose cards carry the text: each line a sentence, so it is prose."""
    sentences = [f"{headline}, as the town's photographers saw it on the day." for headline in CARD_HEADLINES]
    page = PAGE
    for headline, sentence in zip(CARD_HEADLINES, sentences, strict=True):
        page = page.replace(f">{headline}<", f">{sentence}<")
    article = extract_article(page.encode(), URL)
    assert all(sentence in article.text for sentence in sentences)
