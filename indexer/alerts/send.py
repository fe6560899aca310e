"""Sending a delivery: SMTP for e-mail digests, an HTTP POST for webhooks, retried with tenacity.

A transient failure (a refused connection, a timeout, a 5xx, 408 or 429) is retried a few times
within the run (`OCOP_ALERT_ATTEMPTS`, waits from `OCOP_ALERT_RETRY_WAIT`); anything else, or
the last failure, raises `DeliveryFailed` and the delivery waits, unsent, for the next run.
"""

from __future__ import annotations

import smtplib
import ssl
from typing import Protocol

import httpx
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from indexer import __version__
from indexer.alerts.digest import email_message, webhook_payload
from indexer.alerts.store import Alert, Delivery
from indexer.errors import ConfigurationError, OcopWatchError
from indexer.schema import Article
from indexer.settings import Settings


class DeliveryFailed(OcopWatchError):
    """A digest or webhook could not be delivered; it is retried by the next run."""


class _Transient(Exception):
    """A failure worth retrying within the run."""


class Sender(Protocol):
    def __call__(self, alert: Alert, delivery: Delivery, articles: list[Article]) -> None:
        """Deliver, or raise DeliveryFailed."""


class Channels:
    """Sends each delivery by its alert's channel, with the settings' SMTP server and retries."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, alert: Alert, delivery: Delivery, articles: list[Article]) -> None:
        send = self._email if alert.channel == "email" else self._webhook
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.alert_attempts),
            wait=wait_exponential(multiplier=self.settings.alert_retry_wait, max=60),
            retry=retry_if_exception(lambda exc: isinstance(exc, _Transient)),
            reraise=True,
        )
        try:
            retrying(send, alert, delivery, articles)
        except _Transient as exc:
            raise DeliveryFailed(str(exc)) from None

    def _email(self, alert: Alert, delivery: Delivery, articles: list[Article]) -> None:
        s = self.settings
        if not s.smtp_host:
            raise ConfigurationError(
                "e-mail alerts need an SMTP server: set OCOP_SMTP_HOST (docs/monitoring.md)"
            )
        message = email_message(alert, delivery, articles, s.smtp_from, s.public_url)
        try:
            if s.smtp_ssl:
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.smtp_host, s.smtp_port, timeout=s.alert_timeout, context=ssl.create_default_context()
                )
            else:
                client = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.alert_timeout)
            with client:
                if s.smtp_starttls and not s.smtp_ssl:
                    client.starttls(context=ssl.create_default_context())
                if s.smtp_username:
                    client.login(s.smtp_username, s.smtp_password or "")
                client.send_message(message)
        except smtplib.SMTPResponseException as exc:
            problem = (
                f"the mail server {s.smtp_host}:{s.smtp_port} answered {exc.smtp_code}: {exc.smtp_error!r}"
            )
            if 400 <= exc.smtp_code < 500:
                raise _Transient(problem) from exc
            raise DeliveryFailed(problem) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise _Transient(f"cannot send through {s.smtp_host}:{s.smtp_port}: {exc}") from exc

    def _webhook(self, alert: Alert, delivery: Delivery, articles: list[Article]) -> None:
        headers = {
            "Idempotency-Key": delivery.delivery_id,  # the same when a delivery is sent again
            "User-Agent": f"ocop-watch/{__version__} (alerts)",
        }
        try:
            response = httpx.post(
                alert.target,
                json=webhook_payload(alert, delivery, articles),
                headers=headers,
                timeout=self.settings.alert_timeout,
            )
        except httpx.HTTPError as exc:
            raise _Transient(f"POST {alert.target} failed: {exc}") from exc
        if response.is_success:
            return
        problem = f"POST {alert.target} answered {response.status_code}"
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise _Transient(problem)
        raise DeliveryFailed(problem)
