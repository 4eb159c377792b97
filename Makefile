# make run   set up (Debian packages, .venv) and launch the app
# make test  set up and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench wheel screenshots clean

run: $(STAMP)
	@tools/debian-deps.sh app
	$(BIN)/glute-timer

test: $(STAMP)
	@tools/debian-deps.sh test
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: $(STAMP)
	$(BIN)/glute-timer check

bench: $(STAMP)
	$(BIN)/python benchmarks/timing.py

wheel: $(STAMP)
	$(BIN)/python -m build --outdir dist .

screenshots: $(STAMP)
	dbus-run-session -- $(BIN)/python tools/screenshots.py  # a session bus: the media controls are on
	$(BIN)/python tools/remote_screenshots.py

$(STAMP): pyproject.toml
	@PYTHON=$(PYTHON) tools/debian-deps.sh app
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
