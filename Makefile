# `make run`   installs into .venv and starts the explorer on the bundled documents.
# `make test`  installs test needs (pip and Debian packages) and runs the whole suite.
# `make test-fast` runs the suite without the browser and Bolt tests (no Chromium, no database server),
#              one worker per core (pytest-xdist); tests are dealt out one by one, so a slow file does not hold one worker.
# `make bench` prints speed and memory figures as ratios against baselines run alongside.
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test test-fast bench system-deps screenshot clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

system-deps:
	bash scripts/system-deps.sh

run: $(VENV)/.runtime
	$(PY) -m streamlit run streamlit_app.py --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

test: $(VENV)/.dev system-deps
	$(PY) -m pytest

# PYTHONDONTWRITEBYTECODE= : each worker and each child process (hostile input, command lines) would
# otherwise compile every project module from source again, and pytest rewrite every test module's
# asserts again, when the environment says not to keep bytecode (about 2 s a worker at collection).
test-fast: $(VENV)/.dev
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -m "not browser and not bolt" -p no:cacheprovider -n auto --dist load

bench: $(VENV)/.dev
	$(PY) -m bench

screenshot: $(VENV)/.dev system-deps
	EXPLORER_SCREENSHOT=docs/screenshot.png $(PY) -m pytest tests/test_browser.py -q -p no:doctest

clean:
	rm -rf $(VENV) .pytest_cache build out
