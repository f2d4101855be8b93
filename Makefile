# Two commands on a fresh machine: `make run` (environment, ingest corpus/, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv system-packages ingest serve eval bench lint clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and pinned to the CPU build, before anything can pull a CUDA build of several GB
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# Debian packages listed in .ci/apt-packages.txt (chromium for the browser tests...), installed when missing
system-packages:
	bash .ci/system-packages

run: $(STAMP)
	$(VENV)/bin/lgnet ingest corpus/
	$(VENV)/bin/lgnet serve --host $(HOST) --port $(PORT)

ingest: $(STAMP)
	$(VENV)/bin/lgnet ingest corpus/ --verbose

serve: $(STAMP)
	$(VENV)/bin/lgnet serve --host $(HOST) --port $(PORT)

SERVER_TESTS := tests/retrieval/test_lexical.py tests/api/test_write_endpoints.py
test: $(STAMP) system-packages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q
	# The integration tests again, every store on a real `chroma run` server (a representative subset)
	$(VENV)/bin/pytest -q --chroma-server $(SERVER_TESTS)

# The README's pictures (docs/screenshots/) from the browser tests; `make test` only writes tests/artifacts/.
screenshots: $(STAMP) system-packages
	UPDATE_SCREENSHOTS=1 $(VENV)/bin/pytest -q tests/web/test_e2e.py

eval: $(STAMP)
	LGNET_DATA_DIR=.eval-data $(VENV)/bin/lgnet ingest corpus/ $(wildcard tests/unseen/documents)
	LGNET_DATA_DIR=.eval-data $(VENV)/bin/lgnet eval --write docs/search-quality.md --readme README.md --knowledge docs/knowledge-quality.md
	$(PY) -m ingest.ocr_eval

# 1k and 10k passages, embedded and server; the 100k run is separate (long): make bench SIZES=100000 MODES=embedded
SIZES ?= 1000,10000
MODES ?= embedded,server
bench: $(STAMP)
	$(PY) -c 'import matplotlib' 2>/dev/null || $(PY) -m pip install --quiet -e '.[bench]'
	$(PY) -m benchmarks.run --out docs/benchmarks.md --sizes $(SIZES) --modes $(MODES) --readme README.md
	# Reading speed per format (issue 14): OCR and text PDFs in pages/s, spreadsheets in rows/s
	$(PY) -m benchmarks.formats

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf data .eval-data .pytest_cache
