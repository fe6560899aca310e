"""Canonical article URLs: the one spelling of a page's address that ids are derived from.

The same article reaches us with tracking parameters (`?utm_source=…`, `?fbclid=…`, Zalo's
`?zarsrc=…`), with a fragment, with `WWW.` in capitals, or from a mobile host. Every archive and
every search engine derive the article id from the canonical URL, so all of these must collapse to
one string. The crawler imports `canonicalize_url` from here too, for its seen-URL checks.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a click came from; they never select different content.
_TRACKING_EXACT = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "zarsrc",
        "gidzl",
        "zacc",
        "ref_src",
        "cmpid",
        "itm_source",
        "itm_medium",
        "itm_campaign",
        "itm_content",
        "itm_term",
        "vn_source",
        "vn_campaign",
        "vn_medium",
        "vn_term",
        "vn_content",
        "at_medium",
        "at_campaign",
    }
)
# utm_* is a whole family (Google Analytics campaign tags); the others are listed one by one.
_TRACKING_PREFIXES = ("utm_",)

# Second-level public suffixes used by Vietnamese outlets (baochinhphu.vn is a plain .vn domain).
_TWO_LEVEL_SUFFIXES = frozenset(
    {
        "com.vn",
        "net.vn",
        "org.vn",
        "gov.vn",
        "edu.vn",
        "info.vn",
        "biz.vn",
        "name.vn",
        "pro.vn",
        "health.vn",
        "ac.vn",
        "int.vn",
        "co.uk",
        "com.au",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """Normalise a URL: lower-case scheme and host, no default port, no fragment, no tracking
    parameters, remaining parameters kept in their original order.

    Order is kept (not sorted) because a few CMSs route on the first parameter; duplicates from
    the same page always arrive in the same order anyway.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # "http://[…", a port out of range: nothing to normalise, kept as written
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = host
    if port and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = parts.path or ("/" if host else "")
    path = re.sub(r"/{2,}", "/", path)
    query_pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = urlencode(query_pairs, doseq=True, safe="/:,")
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    """The URL's host in lower case, without a leading "www."."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # "http://[…" printed in a page: no host
        return ""
    return host[4:] if host.startswith("www.") else host


def registrable_domain(host: str) -> str:
    """tuoitre.vn for m.tuoitre.vn; baochinhphu.vn; dantri.com.vn for m.dantri.com.vn."""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) >= 3 and ".".join(labels[-2:]) in _TWO_LEVEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(url_a: str, url_b: str) -> bool:
    """Whether two URLs belong to one outlet (www./m./amp. subdomains of one domain count as one).

    A canonical link that points at another outlet (syndicated copies do this) must not replace
    the address we fetched: the article would then be filed under the wrong site.
    """
    host_a, host_b = host_of(url_a), host_of(url_b)
    return bool(host_a) and bool(host_b) and registrable_domain(host_a) == registrable_domain(host_b)


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # a port that is no number, or out of range, raises as a broken host does
    except ValueError:  # "http://[…" (a page's canonical link, say) is no web address
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def address_key(url: str) -> str:
    """The address without what two printings of one page vary: scheme, "www.", a trailing slash,
    and the sentence's punctuation after an address printed in running text ("…/story/.").
    "" for what `urlsplit` cannot read ("http://[…" in a page's text): it names no page."""
    url = url.strip().rstrip(".,;:!?)]»\"'").rstrip("/")
    try:
        parts = urlsplit(url)
        return f"{host_of(url)}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}".lower()
    except ValueError:
        return ""


def readable_url(url: str) -> bool:
    """Whether urllib can take the address apart ("" and a file path can; "http://[…" and a port out
    of range cannot): every later step splits it, so a caller's broken address is refused once."""
    try:
        _ = urlsplit(url.strip()).port
    except ValueError:
        return False
    return True


def joined_url(base: str, href: str) -> str | None:
    """`href` read against `base` (`urljoin`); None for a link urllib cannot read ("http://[…", a
    port out of range): one broken link on a listing is skipped, and the listing's other links
    are still followed."""
    try:
        url = urljoin(base, href)
    except ValueError:
        return None
    return url if readable_url(url) else None
