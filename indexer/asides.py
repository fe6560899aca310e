"""An article's text split into prose and asides: the related-headline lines extraction left in.

Extraction removes related-story boxes from pages (docs/extraction.md), but a list typed into the
body ("Tin liên quan: >> Tuyên Quang đưa cam sành lên sàn") reads as text. A place or product named
only there is a link to another story, not what this one is about: both engines index asides in a
field of their own, matched like the body but weighing a fraction of it, and never in the exact
fields (so they get no exact-diacritic tier). The vocabulary is data (indexer/data/asides.toml).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from indexer.text import TOKEN, fold, folded_syllables, tokens

DATA_FILE = Path(__file__).parent / "data" / "asides.toml"


@cache
def _vocab() -> dict[str, Any]:
    data = tomllib.loads(DATA_FILE.read_text("utf-8"))
    data["labels"] = {" ".join(tokens(label)) for label in data["labels"]}
    data["line_openings"] = tuple(data["line_openings"])
    data["opening_chars"] = max(map(len, data["line_openings"]))
    data["label_words"] = max(len(label.split()) for label in data["labels"])
    # a paragraph holding more syllables (TOKEN runs) than any label: no label, whatever it says
    data["longer_than_label"] = re.compile(rf"[\W_]*(?:[^\W_]+[\W_]+){{{data['label_words']}}}[^\W_]")
    return data


def split_asides(text: str) -> tuple[str, str]:
    """(prose, asides) of a text whose paragraphs are separated by blank lines.

    Only what a decision needs is read of a paragraph: its opening characters and at most its
    first few words (one more than a label or a headline may have), folded one by one (folding
    keeps every character where it is and never joins or splits a word), not the whole
    paragraph: most paragraphs are prose, and this runs for every article indexed. Outside a list, a
    paragraph of more syllables than any label is told by one regular expression (no label) and its
    opening characters."""
    vocab = _vocab()
    prose: list[str] = []
    asides: list[str] = []
    in_list = False
    for paragraph in text.split("\n\n"):
        stripped = paragraph.strip()
        if not in_list and vocab["longer_than_label"].match(stripped):  # most paragraphs: prose
            opens_aside = fold(stripped[: vocab["opening_chars"]]).startswith(vocab["line_openings"])
            (asides if opens_aside else prose).append(paragraph)
            continue
        counted = (vocab["max_headline_words"] if in_list else vocab["label_words"]) + 1
        words = folded_syllables(map(re.Match.group, islice(TOKEN.finditer(stripped), counted)))
        if " ".join(words) in vocab["labels"] and len(words) <= 6:
            asides.append(paragraph)
            in_list = True
        elif (
            fold(stripped[: vocab["opening_chars"]]).startswith(vocab["line_openings"])
            or in_list
            and len(words) <= vocab["max_headline_words"]
        ):
            asides.append(paragraph)
        else:
            prose.append(paragraph)
            in_list = False
    if not asides:  # most texts: the prose is the text itself, not joined again
        return text, ""
    return "\n\n".join(prose), "\n\n".join(asides)
