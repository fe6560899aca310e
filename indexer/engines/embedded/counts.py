"""Counts of a match that holds most of the archive, as those of the whole archive less the rest.

An aggregation (the total, every facet, the histogram: `render.aggregations`) costs about the
same for every article it counts, and a query matching nearly every article (a long OR chain of
common words, a word most articles print) counts all of them: as much as the whole archive, on
every request, growing with the archive. Its counts are also those of the whole archive (the
same aggregation over every article, which depends on the state of the index only and is kept)
less those of the articles it does not match, which are few: the match is still read to find
them, but nothing is counted for the articles in it. The counts are integers, so the difference
is exactly what counting the match gives, bucket for bucket (`without`); where the whole
archive's counts are not exact (a terms aggregation with more distinct values than it fetched),
the match is counted itself.
"""

from __future__ import annotations

from typing import Any

COUNT = "doc_count"
BUCKETS = "buckets"
UNCOUNTED = "sum_other_doc_count"  # documents of values beyond those fetched (tantivy's terms)
ERROR = "doc_count_error_upper_bound"


def exact(counts: dict[str, Any]) -> bool:
    """Whether every terms aggregation in `counts` fetched all its values (none left uncounted)."""
    if counts.get(UNCOUNTED) or counts.get(ERROR):
        return False
    for value in counts.values():
        inner = value if isinstance(value, list) else [value]
        if not all(exact(found) for found in inner if isinstance(found, dict)):
            return False
    return True


def without(whole: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The counts of `whole` less those of `part` (two results of one aggregation request, `part`
    over a subset of `whole`'s documents, `whole` `exact`): document counts subtracted, and the
    buckets left with no document dropped, as an aggregation over the difference leaves them out.
    A new result: neither argument is changed (`whole` is shared between requests)."""
    result: dict[str, Any] = {}
    for name, value in whole.items():
        if name == COUNT:
            result[name] = value - part.get(COUNT, 0)
        elif name == BUCKETS:
            theirs = {bucket["key"]: bucket for bucket in part.get(BUCKETS, [])}
            kept = [without(bucket, theirs.get(bucket["key"], {})) for bucket in value]
            result[name] = [bucket for bucket in kept if bucket[COUNT] > 0]
        elif isinstance(value, dict):
            result[name] = without(value, part.get(name, {}))
        else:
            result[name] = value
    return result
