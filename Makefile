# Two commands do all the set-up on a fresh machine with Python 3.11–3.13 and make:
#   make reproduce   execute every notebook in order and regenerate figures/
#   make test        unit tests, strict nbval on every notebook, and a comparison of the
#                    figures the notebooks regenerate (in a temporary folder) with figures/
# Both create the virtual environment .venv/ from the lock (requirements.txt) if needed,
# with the newest supported Python found (tools/find-python) or the one named in PYTHON=.

PYTHON ?= $(shell tools/find-python newest)
VENV ?= .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
STAMP := $(VENV)/.installed-python$(PY_VERSION)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

# Same hash seed everywhere, so nothing can depend on set or dict-of-str iteration order.
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help env reproduce test test-fast lab check benchmark report clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

env: $(STAMP) ## Create .venv/ and install the pinned environment (done by the other targets when needed)

$(STAMP): requirements.txt pyproject.toml
	@case "$(PY_VERSION)" in 3.11|3.12|3.13) ;; \
	  *) echo "make: PYTHON=$(PYTHON) is not Python 3.11, 3.12 or 3.13 (it reports '$(PY_VERSION)')" >&2; exit 1;; esac
	@echo "make: building $(VENV)/ with $(PYTHON) from requirements.txt (about 1 minute and 1.3 GB; longer on a slow link)"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps --progress-bar off -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check --disable-pip-version-check
	touch $(STAMP)
	@echo "make: $(VENV)/ is ready"

reproduce: $(STAMP) ## Execute every notebook in order (in place) and regenerate figures/
	$(BIN)/python -m tools.run_notebooks $(NOTEBOOKS)

# No bytecode files: the tests write nothing inside the repository (figures and caches go
# to a temporary folder, see tests/conftest.py).
test: $(STAMP) ## Unit tests, strict nbval on every notebook, regenerated figures against figures/
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m pytest --nbval --nbval-current-env --durations=15 tests $(NOTEBOOKS)

test-fast: $(STAMP) ## Unit tests without the notebooks and the tests marked slow (about a minute)
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m pytest -m "not slow" --durations=15 tests

# Options for JupyterLab pass through: make lab LAB_ARGS="--allow-root --ip 0.0.0.0 --port 8889"
LAB_ARGS ?=

lab: $(STAMP) ## Open JupyterLab on notebooks/ (options: LAB_ARGS="--port 8889 …")
	$(BIN)/jupyter lab notebooks $(LAB_ARGS)

clean: ## Remove the environments and caches (not the committed outputs)
	rm -rf .venv .venv-* .cache *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

check: $(STAMP) ## Validate the manifest, texts, lexicon and themes before anything runs
	$(BIN)/python -m analysis check

report: $(STAMP) ## Write report/: a static site of the notebooks, figures and methods (open report/index.html)
	$(BIN)/python -m tools.report

benchmark: $(STAMP) ## Print throughput, speed-ups, memory and notebook times for this machine
	$(BIN)/python -m analysis benchmark
