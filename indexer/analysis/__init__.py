"""Analyses of a search's result set: queries compared over time (`timeline`), the words that
characterise it (`terms`), and the product counts its articles state (`claims`). Each reads
through `SearchIndex`, so it holds on every engine; docs/analysis.md."""
