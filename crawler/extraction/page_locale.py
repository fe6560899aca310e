"""The locale a page declares for itself, as far as the order of a numeric date depends on it.

A page's own markup says which language and country it is written for: `<html lang>` (or
`xml:lang`), `<meta property="og:locale">` and `<meta http-equiv="Content-Language">`. "10/04/16"
on a page declared en-US is 4 October; on a Vietnamese page, or one that declares nothing, it stays
10 April. The locales that write month first are listed in data/dates.toml (`[locale]`).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extraction.vocab import load

_MONTH_FIRST = frozenset(load("dates")["locale"]["month_first"])
_LANG_ATTRIBUTES = ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang")


def _normal(value: str) -> str:
    return value.strip().lower().replace("_", "-")


def declared_locales(tree: HtmlElement) -> list[str]:
    """Every locale the page declares, normalised ("en_US" -> "en-us"); a Content-Language header
    copied into a meta tag may list several, comma-separated."""
    root = tree.getroottree().getroot()
    found = [root.get(name) or "" for name in _LANG_ATTRIBUTES]
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        equiv = (meta.get("http-equiv") or "").strip().lower()
        if key == "og:locale" or equiv == "content-language":
            found.extend((meta.get("content") or "").split(","))
    return [locale for locale in (_normal(value) for value in found) if locale]


def declares_month_first(tree: HtmlElement) -> bool:
    """Whether the page declares a month-first locale and nothing that contradicts it. A bare
    language ("en" beside "en-US") is no contradiction; another locale or language is (html
    lang="vi" beside og:locale en_US): in doubt the day-first default stays, since a wrong date is
    worse than none."""
    locales = declared_locales(tree)
    regional = [locale for locale in locales if "-" in locale]
    if not regional or any(locale not in _MONTH_FIRST for locale in regional):
        return False
    languages = {locale.split("-")[0] for locale in regional}
    return all(locale in languages for locale in locales if "-" not in locale)
