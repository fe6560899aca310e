"""The cycle collector in larger steps while one page is extracted.

An extraction makes tens of thousands of short-lived objects (lxml's element proxies, strings,
tuples, small lists) and frees nearly all of them by reference counting as it goes; hardly any sit
in a reference cycle. With Python's default first threshold (700 objects) the collector still ran
three or four young collections a page, and a full one (the whole heap: the modules, trafilatura's
and our vocabularies) every few pages: 3 % of our CPU time on trafilatura's benchmark pages
(`gc.callbacks`, session 22), for garbage it hardly ever found. With `YOUNG_OBJECTS` it runs about
once in 70 pages there.

The threshold is the process's, so it is raised only for the extraction and set back after it.
Cyclic garbage, if any, is still collected, in larger steps. A caller that tuned the collector
itself (a larger first threshold, or 0: collection off) is left alone.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_OBJECTS = 50_000


@contextmanager
def collecting_less() -> Iterator[None]:
    """The collector's first threshold at `YOUNG_OBJECTS` for the block (or, as a decorator, for
    each call of the function: `extract_article`), then as it was. Set back
    only if nobody changed it meanwhile (a nested or concurrent extraction that raised it first
    sees it raised and leaves it to the outer one)."""
    before = gc.get_threshold()
    if not before[0] or before[0] >= YOUNG_OBJECTS:
        yield
        return
    gc.set_threshold(YOUNG_OBJECTS, *before[1:])
    try:
        yield
    finally:
        if gc.get_threshold()[0] == YOUNG_OBJECTS:
            gc.set_threshold(*before)
