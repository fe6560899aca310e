"""A ready citation of an archived article, in plain text (Vietnamese and English) and BibTeX.

Journalists and researchers cite what they read. The date of access is the crawl date: the text on
the article page is the copy the archive fetched that day, which may differ from the outlet's page
today, so that is the version a citation must point to.
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel

from indexer.schema import VIETNAM_TZ, Article

_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Characters that mean something to (La)TeX inside a braced BibTeX value.
_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX_PATTERN = re.compile("|".join(re.escape(c) for c in _TEX_SPECIAL))


class Citation(BaseModel):
    article_id: str
    accessed: str  # YYYY-MM-DD, the day the archive fetched the page (Vietnam time)
    plain: dict[str, str]  # language code ("vi", "en") -> one line
    bibtex: str


def _local(moment: datetime) -> datetime:
    return moment.astimezone(VIETNAM_TZ)


def _vi_date(moment: datetime) -> str:
    return _local(moment).strftime("%d/%m/%Y")


def _en_date(moment: datetime) -> str:
    day = _local(moment)
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def _creators(article: Article) -> list[str]:
    """People first, then the agency the byline names, then the outlet as a corporate author."""
    if article.authors:
        return article.authors
    if article.source_agency:
        return [article.source_agency]
    return [article.outlet or article.site]


def _plain(article: Article, lang: str) -> str:
    vi = lang == "vi"
    published = article.published
    year = str(_local(published).year) if published else ("không rõ năm" if vi else "n.d.")
    outlet = article.outlet or article.site
    day = (_vi_date(published) if vi else _en_date(published)) if published else None
    accessed = _vi_date(article.crawled) if vi else _en_date(article.crawled)
    where = f"{outlet}, {day}" if day else outlet
    access = f"truy cập ngày {accessed}" if vi else f"accessed {accessed}"
    title = article.title.rstrip(".")
    return f"{', '.join(_creators(article))} ({year}). {title}. {where}. {article.url} ({access})."


def tex_escape(value: str) -> str:
    return _TEX_PATTERN.sub(lambda m: _TEX_SPECIAL[m.group()], value)


def _bibtex(article: Article) -> str:
    published = article.published
    key_site = re.sub(r"[^a-z0-9]", "", article.site.lower()) or "article"
    key = f"{key_site}{_local(published).year if published else ''}-{article.id[:8]}"
    # Each name braced whole: Vietnamese names are family name first, and BibTeX must not reorder them.
    fields = [
        ("author", " and ".join("{" + tex_escape(name) + "}" for name in _creators(article))),
        ("title", tex_escape(article.title)),
        ("organization", tex_escape(article.outlet or article.site)),
        ("date", _local(published).date().isoformat() if published else ""),
        ("url", article.url.replace("{", "%7B").replace("}", "%7D")),  # a verbatim field: braces only
        ("urldate", _local(article.crawled).date().isoformat()),
        ("langid", "vietnamese" if article.language == "vi" else tex_escape(article.language)),
    ]
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields if value)
    return f"@online{{{key},\n{body},\n}}\n"


def cite(article: Article) -> Citation:
    return Citation(
        article_id=article.id,
        accessed=_local(article.crawled).date().isoformat(),
        plain={lang: _plain(article, lang) for lang in ("vi", "en")},
        bibtex=_bibtex(article),
    )
