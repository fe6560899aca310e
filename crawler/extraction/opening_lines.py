"""Lines of the article's header that the body extractor keeps above the first paragraph, read by
their shape where no vocabulary knows their words (issue #10, session 20).

The date rules (dates.py, body.is_date_line) read the forms of the languages they were written
for. A foreign page prints its update stamp in its own words and calendar ("更新时间 …日,
… 10:41", an Arabic weekday and month), and a breadcrumb trail as plain text ("News > Economy >
Companies"). Over the lead both are furniture, and both have a shape no paragraph of a story has:
- a stamp: a short line, no sentence, holding a year and a clock time;
- a trail: three or more short names set apart by an arrow (">", "»", "›", "→").
The page's own h1, when the title chosen words the headline otherwise, is such a line too.
Only the lines before the first paragraph of prose are read so: inside the story such a line
may be a table's row or a timeline's entry.
"""

from __future__ import annotations

import re

from crawler.extraction.blocks import Block

_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
_CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
_STAMP_WORDS = 12
_STAMP_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
_ARROWS = re.compile(r"\s*[>»›→]\s*")
_TRAIL_NAME_WORDS = 4
_TRAIL_WORDS = 12
_PROSE_WORDS = 12  # a paragraph of the story (or a line longer than a stamp): the header has ended


def is_stamp(text: str) -> bool:
    """A short line that is no sentence and holds a year and a clock time: a date stamp, whatever
    its language writes around the figures."""
    text = " ".join(text.split())
    return (
        len(text.split()) <= _STAMP_WORDS
        and len(text) <= _STAMP_CHARS
        and not _SENTENCE_END.search(text)
        and _YEAR.search(text) is not None
        and _CLOCK.search(text) is not None
    )


def is_trail(text: str) -> bool:
    """Three or more short names set apart by arrows, and nothing else: a breadcrumb trail."""
    names = _ARROWS.split(" ".join(text.split()))
    if len(names) < 3 or len(" ".join(names).split()) > _TRAIL_WORDS:
        return False
    return all(
        0 < len(name.split()) <= _TRAIL_NAME_WORDS and not _SENTENCE_END.search(name) for name in names
    )


def opening_furniture(blocks: list[Block], headlines: frozenset[str] = frozenset()) -> set[int]:
    """Indexes of the stamps, trails and copies of the printed `headlines` (squashed h1 texts)
    among the blocks before the first paragraph of prose. A headline chosen in another wording
    (og:title) leaves its printed copy to this rule, when it opens the text (nothing but stamps
    and trails before it): blogs set subheads in h1 too."""
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if block.key in headlines and len(found) == index:
            found.add(index)  # the first line kept: an h1 further down is a subhead set big
            continue
        if len(block.text.split()) >= _PROSE_WORDS or len(block.text) > _STAMP_CHARS:
            break
        if is_stamp(block.text) or is_trail(block.text):
            found.add(index)
    return found
