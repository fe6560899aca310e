"""The claims ledger: the product counts articles state, by 2025 province and month, and where
outlets disagree.

The claims were read at enrichment (`indexer.ocop.claims`, stored in `Article.ocop_claims`); this
module only gathers them over a search's articles (`SearchIndex.scan`, any engine), places each one
in the 2025 structure, and compares them. A claim's rating filter (`stars`) applies to the claim,
not to the article, which may mention several ratings; the province filter applies to both.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from itertools import islice
from typing import Literal

from pydantic import BaseModel, Field

from indexer.engines.base import SearchIndex
from indexer.errors import InvalidQuery
from indexer.ocop.places import gazetteer_rules
from indexer.ocop.vocab import places_vocab
from indexer.query import SearchRequest
from indexer.schema import VIETNAM_TZ, Article, OcopClaim
from indexer.text import fold, normalize

MAX_ARTICLES = 20_000  # articles read per ledger; beyond, the response says `truncated`
Scope = Literal["province", "local", "national"]
NATIONAL = "Cả nước"  # the group of claims about the whole country


class LedgerClaim(BaseModel):
    province: str  # 2025 structure; "" when the claim cannot be placed in one province
    period: str  # the article's month, "YYYY-MM" (Vietnam time); "" when undated
    count: int
    stars: int | None
    scope: Scope
    place: str | None  # as the sentence names it
    sentence: str
    outlet: str
    site: str
    published: datetime | None
    title: str
    url: str
    article_id: str
    link: str  # the article's page in the archive
    conflicting: bool = False


class LedgerGroup(BaseModel):
    province: str
    period: str
    conflicting: bool
    claims: list[LedgerClaim]


class Ledger(BaseModel):
    articles: int  # articles read
    truncated: bool  # more articles matched than MAX_ARTICLES
    claims: int
    conflicts: int  # (province, rating, month) triples where outlets disagree
    groups: list[LedgerGroup] = Field(default_factory=list)


def _national_words() -> frozenset[str]:
    return frozenset(fold(normalize(word)) for word in places_vocab()["national_places"])


def place_2025(place: str | None) -> str | None:
    """The 2025 province a place names, when it names a province (old names map to their successor)."""
    if not place:
        return None
    rules = gazetteer_rules()
    found = rules.filter_for(place)
    if found is None:
        return None
    field, name = found
    if field == "provinces_2025":
        return name
    old_key = next((key for key, old in rules.old_name.items() if old == name), None)
    return rules.new_name.get(rules.old_to_new.get(old_key, ""), None) if old_key else None


def placed(claim: OcopClaim, article: Article) -> tuple[str, Scope]:
    """(2025 province, scope) of one claim in its article (docs/analysis.md)."""
    province = place_2025(claim.place)
    if province is not None:
        return province, "province"
    only = article.provinces_2025[0] if len(article.provinces_2025) == 1 else ""
    if claim.place and fold(normalize(claim.place)) in _national_words():
        return NATIONAL, "national"
    return only, "local" if claim.place else "province"


def _period(published: datetime | None) -> str:
    return published.astimezone(VIETNAM_TZ).strftime("%Y-%m") if published else ""


def _stars_filter(values: list[str]) -> set[int]:
    for value in values:
        if value not in ("3", "4", "5"):
            raise InvalidQuery(f"stars must be 3, 4 or 5, not {value!r}")
    return {int(value) for value in values}


def ledger(index: SearchIndex, request: SearchRequest, max_articles: int = MAX_ARTICLES) -> Ledger:
    """The claims of the request's articles, grouped by province and month, conflicts marked."""
    stars = _stars_filter(request.filters.get("stars", []))
    provinces = {place_2025(value) or value for value in request.filters.get("province", [])}
    article_filters = {name: values for name, values in request.filters.items() if name != "stars"}
    scan = request.model_copy(update={"filters": article_filters, "sort": "oldest", "cursor": None})
    rows: list[LedgerClaim] = []
    read = 0
    for article in islice(index.scan(scan), max_articles + 1):
        read += 1
        if read > max_articles:
            break
        for claim in article.ocop_claims:
            if stars and claim.stars not in stars:
                continue
            province, scope = placed(claim, article)
            if provinces and province not in provinces:
                continue
            rows.append(
                LedgerClaim(
                    province=province,
                    period=_period(article.published),
                    count=claim.count,
                    stars=claim.stars,
                    scope=scope,
                    place=claim.place,
                    sentence=claim.sentence,
                    outlet=article.outlet or article.site,
                    site=article.site,
                    published=article.published,
                    title=article.title,
                    url=article.url,
                    article_id=article.id,
                    link=f"/a/{article.id}",
                )
            )
    conflicts = _mark_conflicts(rows)
    groups: dict[tuple[str, str], list[LedgerClaim]] = defaultdict(list)
    for row in rows:
        groups[(row.province, row.period)].append(row)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0] == "", item[0][0], item[0][1]))
    return Ledger(
        articles=min(read, max_articles),
        truncated=read > max_articles,
        claims=len(rows),
        conflicts=conflicts,
        groups=[
            LedgerGroup(
                province=province,
                period=period,
                conflicting=any(c.conflicting for c in claims),
                claims=sorted(
                    claims,
                    key=lambda c: (
                        c.stars or 0,
                        c.count,
                        c.published or datetime.min.replace(tzinfo=VIETNAM_TZ),
                    ),
                ),
            )
            for (province, period), claims in ordered
        ],
    )


def _mark_conflicts(rows: list[LedgerClaim]) -> int:
    """Flag province-scope claims of one province, rating and month where two outlets state
    different counts; returns how many such (province, rating, month) there are."""
    same: dict[tuple[str, int | None, str], list[LedgerClaim]] = defaultdict(list)
    for row in rows:
        if row.scope == "province" and row.province and row.period:
            same[(row.province, row.stars, row.period)].append(row)
    conflicts = 0
    for claims in same.values():
        disputed = [c for c in claims if any(o.site != c.site and o.count != c.count for o in claims)]
        for claim in disputed:
            claim.conflicting = True
        conflicts += bool(disputed)
    return conflicts


COLUMNS = [
    "province", "period", "stars", "count", "conflicting", "scope", "place", "outlet", "site",
    "published", "title", "sentence", "url", "article_id", "link",
]  # fmt: skip


def table(result: Ledger) -> tuple[list[str], list[list[object]]]:
    """One row per claim (for CSV), in the ledger's order."""
    return COLUMNS, [
        [getattr(claim, column) for column in COLUMNS] for group in result.groups for claim in group.claims
    ]
