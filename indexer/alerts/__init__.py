"""Saved searches that tell a journalist what is new: e-mail digests and webhooks (docs/monitoring.md)."""
