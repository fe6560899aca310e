"""Extraction: one HTML page (bytes) → one `Article`, without Scrapy.

The crawl pipeline, `ocop extract` and `ocop reprocess --extract` all call
`crawler.extraction.extract.extract_article`; nothing in this package imports Scrapy, so the
archive can be re-extracted without a crawler. See docs/extraction.md.
"""
