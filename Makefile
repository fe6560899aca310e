# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make demo   crawl the bundled sample site, index it, serve the API and page on :$(PORT)
#   make test   run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
SAMPLE_PORT ?= 8765
DEMO_ARCHIVE ?= data/demo.sqlite

AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: demo test lint system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

# Headless Chromium for the browser tests, npm for their axe-core; a JDK (javac too: the
# Elasticsearch test node's launcher is compiled) and Maven for the OpenSearch and Elasticsearch
# test nodes. Debian's default JDK (17) runs Elasticsearch 8; a Java 21+ JDK, where one is
# installed, runs Elasticsearch 9 instead. Installed only when missing and only where we may
# (root, apt); elsewhere those tests skip with a printed reason.
system-deps: $(STAMP)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v javac >/dev/null || missing="$$missing default-jdk-headless"; \
	command -v mvn >/dev/null || missing="$$missing maven"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "note: missing$$missing and not root: the browser/engine tests will skip (fail with CI=true)"; fi; \
	fi

# The sample site is our own server on localhost, so the demo lifts the 1 s politeness floor
# (robots.txt and AutoThrottle stay on); real outlets keep their registry delays.
demo: $(STAMP)
	@mkdir -p data
	@$(BIN)/python -m samples.server --port $(SAMPLE_PORT) & server=$$!; \
	trap "kill $$server 2>/dev/null" EXIT INT TERM; \
	sleep 1; \
	$(BIN)/ocop crawl --site sample --base-url http://127.0.0.1:$(SAMPLE_PORT)/ --archive $(DEMO_ARCHIVE) \
	  --set LOG_LEVEL=WARNING --set DOWNLOAD_DELAY=0 && \
	$(BIN)/ocop serve --archive $(DEMO_ARCHIVE) --port $(PORT)

# axe-core (accessibility checks in the browser tests) from npm, at the version and hash the lock
# file pins, into tests/browser/node_modules (not committed). The tests inject it into the page.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "note: npm missing: the accessibility tests will skip (fail with CI=true)"; fi

test: system-deps $(AXE)
	$(BIN)/pytest

# ruff (lint and format) and mypy (its settings, strict for indexer/, are in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build data .pytest_cache tests/browser/node_modules
