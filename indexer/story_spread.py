"""One story over time and across outlets: every copy in publication order, and who credits whom.

A journalist following a story asks who published it first, who ran it after, how fast it spread,
and whether the copies credit a wire agency (TTXVN, VNA) or present it as their own. The answer is
read from the search engine (`SearchIndex.scan` filtered on the story), so it is the same on every
engine and needs nothing the search did not already index.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from pydantic import BaseModel

from indexer.engines.base import SearchIndex
from indexer.errors import NotFound
from indexer.query import Bucket, Copy, SearchRequest
from indexer.schema import VIETNAM_TZ

MAX_STORY_COPIES = 1_000  # a story republished more often is listed up to here (all are counted)


class StorySpread(BaseModel):
    story_id: str
    size: int  # copies in the index
    original: Copy  # the earliest-published copy (an undated copy only when none is dated)
    copies: list[Copy]  # publication order, undated last; at most MAX_STORY_COPIES
    first_published: datetime | None
    last_published: datetime | None
    outlets: list[Bucket]  # site key -> copies, labelled with the outlet's name, most first
    days: list[Bucket]  # publication day (Vietnam time) -> copies, in date order
    agencies: list[Bucket]  # the agency a copy credits -> copies
    credits_agency: bool  # whether any copy credits an agency


def story_spread(index: SearchIndex, story_id: str) -> StorySpread:
    """Raises NotFound when no indexed article belongs to the story."""
    copies: list[Copy] = []
    size = 0
    for article in index.scan(SearchRequest(filters={"story": [story_id]}, sort="oldest")):
        size += 1
        if len(copies) < MAX_STORY_COPIES:
            copies.append(Copy.of(article))
    if not copies:
        raise NotFound(f"no story with id {story_id!r}")
    dated = [c.published_at for c in copies if c.published_at is not None]
    outlets = Counter(c.site for c in copies)
    names = {c.site: c.outlet for c in copies if c.outlet}
    days = Counter(c.published_at.astimezone(VIETNAM_TZ).date().isoformat() for c in copies if c.published_at)
    agencies = Counter(c.source_agency for c in copies if c.source_agency)
    return StorySpread(
        story_id=story_id,
        size=size,
        original=copies[0],
        copies=copies,
        first_published=min(dated) if dated else None,
        last_published=max(dated) if dated else None,
        outlets=[
            Bucket(value=site, count=n, label=names.get(site))
            for site, n in sorted(outlets.items(), key=lambda item: (-item[1], item[0]))
        ],
        days=[Bucket(value=day, count=n) for day, n in sorted(days.items())],
        agencies=[Bucket(value=name, count=n) for name, n in agencies.most_common()],
        credits_agency=bool(agencies),
    )
