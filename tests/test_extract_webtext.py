"""The start of the text on foreign news pages (issue #10, session 20).

A kit of real foreign pages (outside the repository) showed the article's text opened by the
page's furniture: a pop-up form and a donation appeal that the lost-text recovery put back in
front of the lead, the site's own description printed in its footer taken for the sapo, a
breadcrumb trail and an update stamp printed over the lead, a picture's credit line. The pages
below are written for these tests; the story, names and figures are invented.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article

URL = "https://dailyharbor.example.com/2024/06/05/orchard-cooperative-doubles-cider-output"
HEADLINE = "Orchard cooperative doubles its cider output after a wet spring"
STORY = [
    "The Millbrook orchard cooperative pressed twice as many apples this season as last, its "
    "chairwoman told members at the annual meeting on Tuesday evening.",
    "A wet spring gave the trees an early start, and a new press bought with a regional grant "
    "let the twelve farms work through the harvest without the usual queues at the barn.",
    "Members voted to put part of the surplus into a cold store, so that the cider can be sold "
    "through the winter instead of in a rush before the first frost arrives in the valley.",
]


def _page(*, before: str = "", head: str = "", after: str = "", top: str = "") -> str:
    """The story page; `before` goes between the headline and the story's container, `top` inside
    that container over the first paragraph."""
    body = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<html><head><title>{HEADLINE} | Daily Harbor</title>{head}</head><body>"
        f"<div class='story'><h1>{HEADLINE}</h1>{before}"
        f"<article class='story-body'>{top}{body}</article></div>"
        f"{after}</body></html>"
    )


def _text(html: str) -> str:
    return extract_article(html.encode(), URL).text


def test_a_pop_up_form_or_a_donation_appeal_is_not_recovered_in_front_of_the_story() -> None:
    """Prose inside a box classed as an overlay or a donation appeal is the site's furniture:
    the recovery of text the body extractor skipped does not put it back (it opened the text)."""
    for box in ("signup_popup", "modal-dialog", "donate-box", "reader-donation"):
        html = _page(
            before=f"<div class='{box}'><p>Readers like you keep our reporting going, so please "
            "consider a small gift to the newsroom this month.</p></div>"
        )
        assert _text(html).split("\n\n") == STORY, box


def test_prose_between_the_headline_and_the_story_is_still_recovered() -> None:
    """The guard: the same prose in a box no furniture word names is the article's, and comes
    back in place."""
    html = _page(
        before="<div class='intro-box'><p>Readers like you keep our reporting going, so please "
        "consider a small gift to the newsroom this month.</p></div>"
    )
    assert _text(html).startswith("Readers like you keep our reporting going")


SITE_DESCRIPTION = "Local news, harbour traffic, weather, farming, schools and the council, every day."


def _described_page(*, footer: bool, headline: bool = True) -> str:
    head = f"<meta name='description' content='{SITE_DESCRIPTION}'>"
    where = f"<div id='site-foot'><p class='footNoteDesc'>{SITE_DESCRIPTION}</p></div>"
    html = _page(
        head=head, after=where if footer else "", before="" if footer else f"<p>{SITE_DESCRIPTION}</p>"
    )
    return html if headline else html.replace(f"<h1>{HEADLINE}</h1>", "")


def test_a_description_printed_after_the_story_is_not_its_lead() -> None:
    """The page's description printed after the body has begun (the site's own line in its footer,
    the same on every page) is no sapo: it does not open the text, with or without a headline found."""
    for headline in (True, False):
        article = extract_article(_described_page(footer=True, headline=headline).encode(), URL)
        assert article.text.split("\n\n") == STORY, headline
        assert article.lead == STORY[0]


def test_a_description_printed_under_the_headline_is_still_the_lead() -> None:
    article = extract_article(_described_page(footer=False).encode(), URL)
    assert article.lead == SITE_DESCRIPTION
    assert article.text.split("\n\n") == [SITE_DESCRIPTION, *STORY]


def test_an_update_stamp_in_a_foreign_calendar_over_the_story_goes() -> None:
    """A stamp the date rules cannot read (its words and calendar are another language's) still
    has a stamp's shape: short, no sentence, a year and a clock time. Over the first paragraph it
    goes; the same line inside the story stays."""
    stamp = "最后更新 2024年6月5日 北京时间 10:41"
    assert _text(_page(top=f"<div class='stamp'>{stamp}</div>")).split("\n\n") == STORY
    inside = _page().replace(f"<p>{STORY[1]}</p>", f"<p>{STORY[1]}</p><p>{stamp}</p>")
    assert _text(inside).split("\n\n") == [STORY[0], STORY[1], stamp, STORY[2]]


def test_a_breadcrumb_trail_printed_as_text_over_the_story_goes() -> None:
    trail = "<p class='where'>Home &gt; Regions &gt; Farming news</p>"
    assert _text(_page(top=trail)).split("\n\n") == STORY
    route = "<p>Orchard &gt; Press &gt; Cellar</p>"  # the same shape inside the story: a line of it
    inside = _page().replace(f"<p>{STORY[1]}</p>", f"<p>{STORY[1]}</p>{route}")
    assert _text(inside).split("\n\n") == [STORY[0], STORY[1], "Orchard > Press > Cellar", STORY[2]]


def test_a_notice_asking_for_a_newer_browser_goes() -> None:
    notice = "<p class='old-ie'>This website works best in a modern browser, so please update yours.</p>"
    assert _text(_page(top=notice)).split("\n\n") == STORY
    story = "<p>This website works best for growers who sell at the weekly market in town, she said.</p>"
    assert _text(_page(top=story)).split("\n\n")[0].startswith("This website works best for growers")


def test_a_credit_alone_on_its_line_is_a_caption() -> None:
    """A picture's credit line kept by the body extractor ("Image: …") is no paragraph; an
    interview's answer labelled "Anh:" (Vietnamese "you") is not a credit ("Ảnh:")."""
    credit = "<table class='pic'><tr><td><p class='source'>Image: Valley Press Agency</p></td></tr></table>"
    article = extract_article(_page(top=credit).encode(), URL)
    assert article.text.split("\n\n") == STORY
    assert "Image: Valley Press Agency" in article.captions
    answer = "<p>Anh: Vâng, chúng tôi đã sẵn sàng</p>"
    assert _text(_page(top=answer)).split("\n\n")[0] == "Anh: Vâng, chúng tôi đã sẵn sàng"


def test_a_description_after_a_wordy_notice_and_before_the_story_is_still_the_lead() -> None:
    """The guard of the footer rule: prose-sized furniture (a cookie notice, a contact box) may
    stand between the headline and the sapo; a description followed by the story is its sapo."""
    notice = (
        "<div class='notice'><p>We use cookies on this website to improve your experience, as our "
        "privacy statement explains in full detail.</p><p>Our travel desk is open every weekday "
        "from nine to one and will gladly call you back about your plans.</p></div>"
    )
    head = f"<meta name='description' content='{SITE_DESCRIPTION}'>"
    article = extract_article(_page(head=head, before=f"{notice}<p>{SITE_DESCRIPTION}</p>").encode(), URL)
    assert article.lead == SITE_DESCRIPTION


def test_the_printed_headline_worded_otherwise_than_the_title_goes_from_the_text() -> None:
    """og:title words the headline otherwise than the h1; the h1's copy kept by the body extractor
    over the first paragraph is no text. A header box classed "intro" that holds the h1 is no sapo:
    what it prints under the h1 may be."""
    printed = "Cider makers of Millbrook double their pressing"
    head = f"<meta property='og:title' content='{HEADLINE}'>"
    html = _page(head=head, top=f"<h2>{printed}</h2>").replace(f"<h1>{HEADLINE}</h1>", f"<h1>{printed}</h1>")
    article = extract_article(html.encode(), URL)
    assert article.title == HEADLINE
    assert article.text.split("\n\n") == STORY
    intro = f"<div class='intro'><div class='kicker'>Farming</div><h1>{printed}</h1></div>"
    html = _page(head=head).replace(f"<h1>{HEADLINE}</h1>", intro)
    assert extract_article(html.encode(), URL).text.split("\n\n") == STORY
    subtitle = "<h2>Twelve farms share a new press and plan a cold store for the winter</h2>"
    html = html.replace(f"<h1>{printed}</h1>", f"<h1>{printed}</h1>{subtitle}")
    article = extract_article(html.encode(), URL)  # the subtitle printed under the h1 is its sapo
    assert article.lead == "Twelve farms share a new press and plan a cold store for the winter"
    assert article.text.split("\n\n") == [article.lead, *STORY]


def test_a_subhead_inside_the_story_that_says_the_headline_stays() -> None:
    """Only the opening lines are read for the printed headline: a subhead after the first
    paragraph that repeats it is the writer's."""
    printed = "Cider makers of Millbrook double their pressing"
    head = f"<meta property='og:title' content='{HEADLINE}'>"
    html = _page(head=head).replace(f"<h1>{HEADLINE}</h1>", f"<h1>{printed}</h1>")
    html = html.replace(f"<p>{STORY[1]}</p>", f"<h3>{printed}</h3><p>{STORY[1]}</p>")
    assert extract_article(html.encode(), URL).text.split("\n\n") == [STORY[0], printed, *STORY[1:]]
