"""Recognising the outlet's own name wherever a page repeats it (title suffixes, closing bylines).

No list of newspaper names is kept: the names come from the page itself (og:site_name, the
JSON-LD publisher, the registry's outlet name) and from its host ("tuoitre" in tuoitre.vn), and
are compared in a folded form where "Pháp luật & Xã hội", "Pháp luật và Xã hội" and the host
label "phapluatxahoi" all meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.text import fold

_CONNECTORS = re.compile(r"(?:\bva\b|\band\b|&)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Words outlets wrap around their name ("Báo Tuổi Trẻ", "Tuổi Trẻ Online", "Tin tức VnExpress").
# fmt: off
_GENERIC_WORDS = (
    "baodientu", "dientu", "online", "tapchi", "tintuc", "thoisu", "news", "bao", "tin", "com", "net", "vn",
    "www", "trang", "chu", "moi", "nhat", "24h",
)
# fmt: on
_HOST_NOISE = frozenset({"www", "m", "amp", "mobile", "com", "net", "org", "gov", "edu", "vn", "info"})


def site_key(text: str) -> str:
    """Folded, connector-free, alphanumeric-only form of a name: "Pháp luật & Xã hội" → "phapluatxahoi"."""
    return _NON_ALNUM.sub("", _CONNECTORS.sub(" ", fold(text)))


class OutletNames:
    """The names one outlet goes by, as gathered from its page and its host."""

    def __init__(self, names: Iterable[str], host: str = "") -> None:
        keys = {site_key(name) for name in names if name}
        keys |= {label for label in re.split(r"[.-]", host.lower()) if label and label not in _HOST_NOISE}
        self.keys = frozenset(key for key in keys if len(key) >= 3)

    def matches(self, text: str) -> bool:
        """Whether `text` is just the outlet's name ("Tuổi Trẻ Online", "Pháp luật và Xã hội")."""
        key = site_key(text)
        if len(key) < 3:
            return False
        for known in self.keys:
            if key == known or (
                len(known) >= 5 and known in key and len(_strip_generic(key.replace(known, ""))) == 0
            ):
                return True
            if len(key) >= 5 and key in known and len(key) >= 0.6 * len(known):
                return True
        return False

    def covers(self, text: str, extra: Iterable[str] = ()) -> bool:
        """Whether `text` consists only of outlet names, section names (`extra`) and generic words:
        the tail of "Title - Chính trị - Xã hội - Tuổi Trẻ Online" after the headline."""
        key = site_key(text)
        if not key:
            return False
        for known in sorted({*self.keys, *(site_key(e) for e in extra)}, key=len, reverse=True):
            if len(known) >= 4:
                key = key.replace(known, "")
        return len(_strip_generic(key)) <= 1


def _strip_generic(key: str) -> str:
    for word in _GENERIC_WORDS:
        key = key.replace(word, "")
    return key


_HOME_HREF = re.compile(r"^(?:/|\./|/index\.\w+|/default\.\w+|https?://[^/]+/?)$", re.I)


def is_home_href(href: str) -> bool:
    """The link points to the site's home page ("/", "/index.aspx", "https://host/")."""
    return bool(_HOME_HREF.match(href.strip()))


def names_on_home_links(links: Iterable[tuple[str, str]], candidates: Iterable[str]) -> list[str]:
    """The candidate names (<title> segments) that the page also writes on a link to its own home
    page (the logo: its text, title or image alt): "Headline | Báo X" with a logo "Báo X" linking
    to "/" names the outlet "Báo X", with no list of newspapers anywhere."""
    on_links = {site_key(text) for href, text in links if is_home_href(href) and text}
    return [name for name in candidates if len(site_key(name)) >= 3 and site_key(name) in on_links]
