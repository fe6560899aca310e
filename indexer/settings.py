"""Every setting of every part (crawler, index, API, commands), from OCOP_* variables or a .env file.

One class, so the archive's default is written once, the crawler reads `.env` like the API does,
and a command that overrides a setting (`--archive`) does it by building a `Settings`, never by
changing the environment. docs/operators.md lists them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from indexer.errors import ConfigurationError

DEFAULT_CONTACT_URL = "https://github.com/ocop-watch/ocop-watch"


def _default_workers() -> int:
    """Two API worker processes at least (one slow request never holds every socket), at most four."""
    return max(2, min(4, os.cpu_count() or 1))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OCOP_", env_file=".env", extra="ignore")

    # --- the archive: written by the crawler, read by everything else ---------------------------
    archive: Path = Field(default=Path("data/archive.sqlite"), description="SQLite archive (source of truth)")

    # --- the search engine ------------------------------------------------------------------------
    engine: Literal["embedded", "elasticsearch", "opensearch"] = "embedded"
    engine_url: str = "http://127.0.0.1:9200"
    engine_username: str | None = None
    engine_password: str | None = None
    engine_api_key: str | None = None
    engine_verify_certs: bool = True
    engine_ca_certs: Path | None = None
    index_alias: str = "ocop-articles"
    engine_timeout: float = 30.0
    search_timeout: float = Field(
        default=10.0, gt=0, description="seconds a search may take before it is abandoned (503)"
    )
    embedded_index: Path | None = Field(
        default=None, description="the embedded engine's index folder (default: beside the archive)"
    )

    # --- the crawler --------------------------------------------------------------------------------
    sites_dir: Path | None = Field(default=None, description="Site registry directory (default: bundled)")
    contact_url: str = Field(default=DEFAULT_CONTACT_URL, description="Where outlets can reach us")
    user_agent: str | None = Field(default=None, description="The whole User-Agent (default: built)")
    retry_backoff: float = Field(default=2.0, ge=0, description="Seconds; doubled on every retry")
    log_level: str = "INFO"

    # --- the API server -----------------------------------------------------------------------------
    workers: int = Field(default_factory=_default_workers, ge=1, description="`ocop serve` processes")
    max_exports: int = Field(default=2, ge=1, description="Exports streaming at once, per worker")
    max_client_requests: int = Field(
        default=2,
        ge=0,
        description="Searches/exports one client address may have in progress, per worker (0: any)",
    )
    health_check_seconds: float = Field(
        default=300.0, ge=0, description="How long /health trusts its last archive integrity check"
    )

    # --- alerts (`ocop alerts`, docs/monitoring.md) ----------------------------------------------------
    smtp_host: str | None = Field(default=None, description="Mail server for e-mail alerts")
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = Field(default=True, description="Upgrade the connection with STARTTLS")
    smtp_ssl: bool = Field(default=False, description="Connect with TLS from the start (port 465)")
    smtp_from: str = Field(default="ocop-watch <ocop-watch@localhost>", description="The digests' sender")
    public_url: str | None = Field(default=None, description="The page's address, for links in digests")
    alert_attempts: int = Field(default=3, ge=1, le=10, description="Tries per delivery within one run")
    alert_retry_wait: float = Field(
        default=2.0, ge=0, description="Seconds before a retry; doubled each time"
    )
    alert_timeout: float = Field(default=20.0, gt=0, description="Seconds for the mail server or webhook")

    @property
    def crawler_user_agent(self) -> str:
        return self.user_agent or (
            f"ocop-watch/0.1 (+{self.contact_url}; research crawler for OCOP news coverage)"
        )


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment and .env, with a command's options on top; an invalid value
    is a ConfigurationError naming the variable, not a pydantic traceback."""
    given = {name: value for name, value in overrides.items() if value is not None}
    try:
        return Settings(**given)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(f"OCOP_{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        raise ConfigurationError(f"invalid setting: {problems}") from None
