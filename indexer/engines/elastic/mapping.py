"""What Elasticsearch/OpenSearch index: the template (data) and the document made from an Article.

Vietnamese is prepared here, in Python, with `indexer.text` — the one definition of
normalisation and folding that the embedded engine, the query parser and the highlighter use:

- `title`/`body` hold the normalised syllables (NFC, one tone placement), `title_folded`/
  `body_folded` the same syllables folded (no diacritics, đ→d, lower case);
- syllables are `indexer.text.tokens`, joined by single spaces, so the engine's `standard`
  tokenizer only has to split on spaces: `TP.HCM`, `16.000` or `a_b`, which UAX#29 would keep
  whole while the query parser splits them, arrive already split, as the query's phrases do.

So the template needs nothing but the standard tokenizer and the lowercase filter: no
`asciifolding`, no pattern tokenizer (the analysis-common module, absent from a bare node), and
folding cannot differ between Lucene and Python.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from indexer.asides import split_asides
from indexer.facets import LABEL_FIELDS, keyword_values
from indexer.highlight import searchable_body
from indexer.schema import Article
from indexer.text import fold, normalize, tokens

TEMPLATE_FILE = Path(__file__).parent.parent / "templates" / "articles.json"
# Goes up with every change of the template that needs a rebuild: an index of another mapping is
# not written into (indexer.sync) and is reported by `ocop index status`.
_TEMPLATE = json.loads(TEMPLATE_FILE.read_text("utf-8"))
MAPPING_VERSION: int = _TEMPLATE["template"]["mappings"]["_meta"]["ocop_mapping"]
EXACT_FIELDS = ("title", "body")  # normalised syllables, diacritics kept: ranking exact matches first
FOLDED_FIELDS = ("title_folded", "body_folded", "aside_folded")  # folded syllables: matching
# (aside_folded: the related-headline lines of the body, indexer.asides, weighing less)
SCOPED_FIELDS = {"author": "authors_folded", "source": "source_folded"}  # `author:`, `site:`/`outlet:`


def load_template(alias: str) -> dict[str, Any]:
    """The composable index template for `<alias>-v*` from templates/articles.json (data, not code).

    Two aliases' patterns overlap only when one alias extends the other (`a-v*` matches `a-vx-v1`);
    a priority growing with the alias's length lets the longer, more specific one win, where equal
    priorities would make the engine refuse the second template."""
    template = {k: v for k, v in copy.deepcopy(_TEMPLATE).items() if k != "_comment"}
    return {"index_patterns": [f"{alias}-v*"], "priority": 200 + len(alias), **template}


def syllables(text: str) -> str:
    """Normalised syllables joined by spaces: what the `standard` tokenizer reads as exactly those."""
    return " ".join(tokens(normalize(text)))


def document(article: Article) -> dict[str, Any]:
    """What the engine indexes: the syllables of title and body (exact and folded), the keyword
    values of every facet, and the article itself.

    The article is kept whole (not indexed) so hits, `get` and `scan` return exactly what the archive
    holds; the text fields are indexed but left out of `_source` (the template excludes them).
    """
    prose, asides = split_asides(searchable_body(article))
    title, body, aside = syllables(article.title), syllables(prose), syllables(asides)
    doc: dict[str, Any] = {
        "id": article.id,
        "title": title,
        "body": body,
        "title_folded": fold(title),
        "body_folded": fold(body),
        "aside_folded": fold(aside),
        "authors_folded": fold(syllables(" ; ".join(article.authors))),
        "source_folded": fold(syllables(f"{article.site} {article.outlet}")),
        "published": article.published.isoformat() if article.published else None,
        "article": article.model_dump(mode="json"),
    }
    for name, value in keyword_values(article):
        if name != "id":  # the document's own keyword field, set above
            doc.setdefault(name, []).append(value)
    for name in LABEL_FIELDS:
        doc[name] = getattr(article, name) or None
    return doc
