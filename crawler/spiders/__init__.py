"""Scrapy spiders; `news` is the one generic, registry-driven spider."""
