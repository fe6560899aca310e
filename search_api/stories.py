"""GET /stories/{id}: one story's spread over time across outlets (see `indexer.story_spread`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from indexer.engines import SearchIndex
from indexer.story_spread import StorySpread, story_spread
from search_api.dependencies import get_index
from search_api.errors import responses

router = APIRouter(tags=["stories"])


@router.get("/stories/{story_id}", response_model=StorySpread, responses=responses(404, 503))
def story(index: Annotated[SearchIndex, Depends(get_index)], story_id: str) -> StorySpread:
    """Every copy of a story (a hit's `story_id`) in publication order: the original, the
    republications, the outlets and days it spread over, and the agencies the copies credit."""
    return story_spread(index, story_id)
