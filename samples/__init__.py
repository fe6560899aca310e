"""The bundled sample news site ("Báo Mẫu OCOP") that ``make demo`` crawls and many tests use.

Everything under ``samples/`` was written for the ocop-watch demo: the articles are fictional
news stories in our own words, loosely based on public facts about the OCOP programme. The
site is built from ``samples/articles/*.toml`` by :mod:`samples.sitegen` and served by
:mod:`samples.server`; see ``samples/README.md``.
"""
