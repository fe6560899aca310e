"""Addresses urllib cannot read ("http://[…", a port that is no number or out of range) appear in
real pages' links and metadata. `urlsplit` raises ValueError on them; the URL helpers answer
instead, so one broken link never costs a page its extraction or a listing its other links."""

from __future__ import annotations

import pytest

from crawler.urls import address_key, canonicalize_url, host_of, is_web_url, joined_url

BROKEN = ["http://[hong/bai-viet", "http://bao.example.vn:99999/bai", "http://bao.example.vn:abc/bai"]


@pytest.mark.parametrize("url", BROKEN)
def test_a_broken_address_is_no_web_address(url: str) -> None:
    assert not is_web_url(url)
    assert joined_url("https://bao.example.vn/tag/ocop", url) is None
    assert canonicalize_url(url) == url  # nothing to normalise: kept as written


def test_a_broken_host_has_no_host_and_names_no_page() -> None:
    assert host_of("http://[hong/bai-viet") == ""
    assert address_key("http://[hong/bai-viet") == ""


def test_readable_addresses_are_read_as_before() -> None:
    base = "https://bao.example.vn/tag/ocop?page=2"
    assert joined_url(base, "/bai/ocop-1.html") == "https://bao.example.vn/bai/ocop-1.html"
    assert joined_url(base, "?page=3") == "https://bao.example.vn/tag/ocop?page=3"
    assert is_web_url("https://bao.example.vn:8443/bai")
    assert canonicalize_url("HTTPS://Bao.Example.vn:443/bai") == "https://bao.example.vn/bai"
    assert address_key("https://www.bao.example.vn/bai/.") == "bao.example.vn/bai"
