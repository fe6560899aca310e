"""Configuration from environment variables (prefix OCOP_) or a .env file, in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OCOP_", env_file=".env", extra="ignore")

    archive: Path = Field(default=Path("data/archive.sqlite"), description="SQLite archive (source of truth)")
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
