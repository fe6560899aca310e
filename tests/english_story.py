"""An invented English-language story, shared by the extraction tests of foreign page shapes
(session 20): the text of an article, so that a test page needs only its own byline, date or
title markup around it."""

HEADLINE = "Ferry adds an evening crossing"
BODY = "".join(
    f"<p>The ferry company said the new timetable would add an evening crossing on weekdays {i}.</p>"
    for i in range(6)
)
