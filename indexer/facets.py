"""The facets journalists filter and count by, defined once for every engine and interface.

A facet knows which article field it reads, which stored values an article contributes, and how a
selected value becomes (field, value) filter terms. Engines only render those terms; the API's
parameters, the `ocop export` options (`SearchRequest.from_params`) and the page's labels
(`GET /facets`) are generated from `FACETS`, so adding a facet touches this module alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.errors import InvalidQuery
from indexer.schema import Article

MAX_FILTER_VALUES = 100  # more is no longer a search a person makes, and it would bloat every query


@dataclass(frozen=True)
class TermsFacet:
    """A keyword facet; an article may carry several values (provinces, stars)."""

    name: str  # the API parameter and the response key
    field: str  # the Article field and the stored/indexed field name
    label: str  # for the web page
    description: str = ""  # for the API documentation and `ocop export --help`
    counted: bool = True  # False: a filter only, never counted nor returned in `facets`
    # The Article field naming each value for people (`outlet` for a site key): buckets carry it
    # as their `label`, so the page shows "VnExpress" while links and filters keep the key.
    label_field: str | None = None
    kind = "terms"  # several values may be selected (OR); `boolean`: one yes/no choice

    def describe(self) -> dict[str, object]:
        """What a client needs to show this facet (GET /facets)."""
        return {
            "name": self.name,
            "label": self.label,
            "description": self.description,
            "kind": self.kind,
            "counted": self.counted,
            "labelled": self.label_field is not None,
        }

    def filter_terms(self, values: list[str]) -> list[tuple[str, str]]:
        return [(self.field, value) for value in values]

    def values_of(self, article: Article) -> list[str]:
        value = getattr(article, self.field)
        items = value if isinstance(value, list) else [value]
        return [as_term(v) for v in items if v not in (None, "")]

    def dsl_aggregation(self, size: int) -> dict[str, object]:
        """Elasticsearch/OpenSearch: the counts, ordered like the embedded engine (count desc, value asc)."""
        return {"terms": {"field": self.field, "size": size, "order": [{"_count": "desc"}, {"_key": "asc"}]}}


@dataclass(frozen=True)
class StarsFacet(TermsFacet):
    def filter_terms(self, values: list[str]) -> list[tuple[str, str]]:
        for value in values:
            if value not in ("3", "4", "5"):
                raise InvalidQuery(f"stars must be 3, 4 or 5, not {value!r}")
        return super().filter_terms(values)


@dataclass(frozen=True)
class BoolFacet(TermsFacet):
    kind = "boolean"

    def filter_terms(self, values: list[str]) -> list[tuple[str, str]]:
        terms = []
        for value in values:
            lowered = value.strip().lower()
            if lowered not in ("true", "false", "1", "0"):
                raise InvalidQuery(f"{self.name} must be true or false, not {value!r}")
            terms.append((self.field, "true" if lowered in ("true", "1") else "false"))
        return terms


@dataclass(frozen=True)
class ProductGroupFacet(TermsFacet):
    """Only the six official OCOP groups exist; anything else is a typo the user should hear about."""

    def filter_terms(self, values: list[str]) -> list[tuple[str, str]]:
        from indexer.ocop.groups import GROUP_ORDER

        for value in values:
            if value not in GROUP_ORDER:
                raise InvalidQuery(
                    f"unknown product_group {value!r}; the six groups are: {', '.join(GROUP_ORDER)}"
                )
        return super().filter_terms(values)


@dataclass(frozen=True)
class ProvinceFacet(TermsFacet):
    """Counts use the 2025 structure; a filter also accepts a pre-2025 name or an alias."""

    old_field: str = "provinces"

    def filter_terms(self, values: list[str]) -> list[tuple[str, str]]:
        from indexer.ocop import province_filter

        terms = []
        for value in values:
            resolved = province_filter(value)
            if resolved is None:
                raise InvalidQuery(f"unknown province {value!r}")
            terms.append(resolved)
        return terms


@dataclass(frozen=True)
class OutletProvinceFacet(TermsFacet):
    """A provincial paper's province (2025 structure); a filter also takes an alias ("TP.HCM")."""

    def filter_terms(self, values: list[str]) -> list[tuple[str, str]]:
        from indexer.ocop import province_filter

        terms = []
        for value in values:
            resolved = province_filter(value)
            if resolved is None or resolved[0] != "provinces_2025":
                raise InvalidQuery(f"outlet_province takes a province of the 2025 structure, not {value!r}")
            terms.append((self.field, resolved[1]))
        return terms


def as_term(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


FACETS: dict[str, TermsFacet] = {  # in the order the page shows them
    facet.name: facet
    for facet in (
        TermsFacet("site", "site", "Báo", "Outlet (site key; buckets carry its name)", label_field="outlet"),
        ProvinceFacet(
            "province",
            "provinces_2025",
            "Tỉnh/thành (2025)",
            "Province, 2025 structure; a pre-2025 name or alias also works",
        ),
        StarsFacet("stars", "stars", "Hạng sao OCOP", "OCOP star rating: 3, 4 or 5"),
        ProductGroupFacet(
            "product_group", "product_groups", "Nhóm sản phẩm", "One of the six OCOP product groups"
        ),
        TermsFacet("section", "section", "Chuyên mục", "The outlet's section"),
        TermsFacet(
            "outlet_kind",
            "outlet_kind",
            "Loại báo",
            "Kind of outlet from the site registry: national, provincial, trade, portal",
        ),
        OutletProvinceFacet(
            "outlet_province",
            "outlet_province",
            "Tỉnh của báo",
            "Province of a provincial outlet (2025 structure), from the site registry",
        ),
        BoolFacet("is_ocop", "is_ocop", "Tin về OCOP", "Only articles that are (or are not) about OCOP"),
        TermsFacet(  # near-duplicates of one story: a filter only
            "story",
            "story_id",
            "Cùng nội dung",
            "Story id (a hit's story_id): the near-duplicates of one story",
            counted=False,
        ),
        TermsFacet(  # what alerts ask: which of these new articles match the saved search
            "id", "id", "Bài", "Article id(s): only these articles", counted=False
        ),
    )
}

# The facets counted in every response (`story` only filters: its buckets would be one per story).
COUNTED_FACETS: dict[str, TermsFacet] = {name: facet for name, facet in FACETS.items() if facet.counted}

# Fields the engines keep beside the facets to name their values (`TermsFacet.label_field`).
LABEL_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(f.label_field for f in COUNTED_FACETS.values() if f.label_field)
)

# Fields stored as filterable keyword values: every facet's field plus the old province names.
KEYWORD_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys((*(f.field for f in FACETS.values()), "provinces", "story_id"))
)


def keyword_values(article: Article) -> list[tuple[str, str]]:
    """(field, value) pairs an article contributes to filters and facet counts.

    Each pair appears once: an article listing a province twice still counts once in its facet,
    as it does in the Elasticsearch/OpenSearch terms aggregation.
    """
    pairs: list[tuple[str, str]] = []
    for field in KEYWORD_FIELDS:
        value = getattr(article, field)
        items = value if isinstance(value, list) else [value]
        pairs.extend((field, as_term(v)) for v in items if v not in (None, ""))
    return list(dict.fromkeys(pairs))


def dsl_filter(terms: list[tuple[str, str]]) -> dict[str, object]:
    """Elasticsearch/OpenSearch: a facet's selected (field, value) terms, any of them (OR).

    The embedded engine renders the same terms as `keyword_values` rows in SQL.
    """
    by_field: dict[str, list[str]] = {}
    for field, value in terms:
        by_field.setdefault(field, []).append(value)
    clauses: list[dict[str, object]] = [{"terms": {field: values}} for field, values in by_field.items()]
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}


def resolve_filters(filters: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
    """Facet name -> the (field, value) terms it selects; unknown facets are a user error."""
    resolved: dict[str, list[tuple[str, str]]] = {}
    for name, values in filters.items():
        facet = FACETS.get(name)
        if facet is None:
            raise InvalidQuery(f"unknown filter {name!r}; known filters: {', '.join(FACETS)}")
        values = list(dict.fromkeys(v for v in values if v.strip()))
        if len(values) > MAX_FILTER_VALUES:
            raise InvalidQuery(f"at most {MAX_FILTER_VALUES} values for filter {name!r}, not {len(values)}")
        if values:
            resolved[name] = facet.filter_terms(values)
    return resolved
