"""A press contact box after the text (issue #10, session 23).

Institutions close their releases with who to call: a label ("Pressekontakt", "Kontakt:",
"Ansprechpartnerin für Rückfragen:") and then names, an address, a telephone line and a mail address,
each a short line. trafilatura keeps them with the text, and the benchmark's gold leaves them out:
they are the page's furniture, the same under every release. The box is read by its shape: a
label from the vocabulary (`[contact_boxes]` of data/body.toml) opening a short line, nothing but
short lines after it to the end of the text, and among them a mail address or a telephone number
(what makes it a contact box and not a closing section of the text under a "Kontakt" heading).
"""

from __future__ import annotations

import re

from crawler.extraction.blocks import Block
from crawler.extraction.keys import folded
from crawler.extraction.vocab import load

_VOCAB = load("body")["contact_boxes"]
_LABEL = re.compile(r"^\W*(?:" + "|".join(map(re.escape, _VOCAB["labels"])) + r")\b")
_LABEL_WORDS: int = _VOCAB["label_words"]
_LINE_WORDS: int = _VOCAB["line_words"]
_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+|\(0|\b0)[\d\s()/.-]{6,}\d")
_MAX_BLOCKS = 12  # a box of more blocks than this is no contact box


def _lines(block: Block) -> list[str]:
    return [line for line in block.text.split("\n") if line.strip()]


def _is_label(line: str) -> bool:
    return len(line.split()) <= _LABEL_WORDS and _LABEL.search(folded(line)) is not None


def contact_box_start(blocks: list[Block]) -> int | None:
    """Index of the block whose first line labels a contact box that runs to the end of the text,
    or None; of two labels ("Pressekontakt" over "Pressesprecherin …"), the first. The label's
    block never opens the text: a page that is all contact is left whole."""
    found = None
    for index in range(len(blocks) - 1, max(0, len(blocks) - _MAX_BLOCKS) - 1, -1):
        lines = _lines(blocks[index])
        if not lines or any(len(line.split()) > _LINE_WORDS for line in lines):
            break
        if index == 0 or not _is_label(lines[0]):
            continue
        box = [*lines[1:], *(line for block in blocks[index + 1 :] for line in _lines(block))]
        if any(_MAIL.search(line) or _PHONE.search(line) for line in box):
            found = index
    return found
