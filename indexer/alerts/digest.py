"""What an alert sends: a Vietnamese e-mail digest (plain text and HTML) or a JSON payload.

Both carry the delivery's id: the e-mail as its Message-ID, the JSON as `delivery_id` (and the
webhook request as its `Idempotency-Key`), so a delivery sent again after a crash is recognisably
the same one (docs/monitoring.md).
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate
from functools import cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from indexer.alerts.store import Alert, Delivery
from indexer.schema import VIETNAM_TZ, Article

LEAD_CHARS = 280
EVERY_VI = {"crawl": "sau mỗi lần thu thập", "daily": "hằng ngày", "weekly": "hằng tuần"}


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("indexer.alerts", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def subject(alert: Alert, count: int) -> str:
    return f"[ocop-watch] {alert.name}: {count} bài mới"


def describe_search(alert: Alert) -> str:
    """`mật ong · province: Hà Giang`: the saved search in one line."""
    parts: list[str] = []
    for name, value in alert.params.items():
        values = value if isinstance(value, list) else [value]
        if name == "q":
            parts.insert(0, f"“{values[0]}”")
        else:
            parts.append(f"{name}: {', '.join(map(str, values))}")
    return " · ".join(parts)


def page_url(alert: Alert, public_url: str | None) -> str | None:
    if not public_url:
        return None
    pairs = [
        (k, v) for k, value in alert.params.items() for v in (value if isinstance(value, list) else [value])
    ]
    return f"{public_url.rstrip('/')}/?{urlencode([*pairs, ('sort', 'newest')])}"


def _item(article: Article, copies: int) -> dict[str, Any]:
    lead = " ".join((article.lead or article.text).split())
    if len(lead) > LEAD_CHARS:
        lead = lead[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"
    published = (
        article.published.astimezone(VIETNAM_TZ).strftime("%H:%M %d/%m/%Y") if article.published else ""
    )
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "site": article.site,
        "outlet": article.outlet or article.site,
        "published": published,
        "published_at": article.published.isoformat() if article.published else None,
        "lead": lead,
        "story_id": article.story_id,
        "copies": copies,
        "source_agency": article.source_agency,
    }


def digest_items(articles: list[Article]) -> list[dict[str, Any]]:
    """Newest first; copies of one story in this digest are one item (its earliest copy), saying
    how many copies there are."""
    by_story: dict[str, list[Article]] = {}
    for article in articles:
        by_story.setdefault(article.story_id or article.id, []).append(article)
    firsts = []
    for copies in by_story.values():
        copies.sort(key=lambda a: (a.published is None, a.published.timestamp() if a.published else 0, a.id))
        firsts.append((copies[0], len(copies)))
    firsts.sort(key=lambda pair: pair[0].published.timestamp() if pair[0].published else 0, reverse=True)
    return [_item(article, n) for article, n in firsts]


def email_message(
    alert: Alert, delivery: Delivery, articles: list[Article], sender: str, public_url: str | None
) -> EmailMessage:
    items = digest_items(articles)
    context = {
        "alert": alert,
        "items": items,
        "count": len(articles),
        "search": describe_search(alert),
        "page_url": page_url(alert, public_url),
        "every": EVERY_VI[alert.every],
        "subject": subject(alert, len(articles)),
    }
    message = EmailMessage()
    message["Subject"] = context["subject"]
    message["From"] = sender
    message["To"] = alert.target
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = f"<{delivery.delivery_id}@ocop-watch>"  # the same on a resend
    message["X-OCOP-Alert"] = alert.name
    message.set_content(_templates().get_template("digest.txt.j2").render(context))
    message.add_alternative(_templates().get_template("digest.html.j2").render(context), subtype="html")
    return message


def webhook_payload(alert: Alert, delivery: Delivery, articles: list[Article]) -> dict[str, Any]:
    """The JSON a webhook receives: every new article (newest first), the search, the delivery id."""
    items = [{**_item(article, 1), "published": None} for article in articles]
    items.sort(key=lambda item: item["published_at"] or "", reverse=True)
    return {
        "alert": alert.name,
        "delivery_id": delivery.delivery_id,
        "search": alert.params,
        "count": len(articles),
        "articles": [{k: v for k, v in item.items() if k not in ("published", "copies")} for item in items],
        "sent_at": datetime.now(VIETNAM_TZ).isoformat(timespec="seconds"),
    }
