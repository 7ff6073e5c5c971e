# Two commands do all the set-up on a fresh machine with Python 3.11 and make:
#   make reproduce   execute every notebook in order and regenerate figures/
#   make test        unit tests and strict nbval on every notebook
# Both create the virtual environment .venv/ from the lock (requirements.txt) if needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

# Same hash seed everywhere, so nothing can depend on set or dict-of-str iteration order.
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help env reproduce test lab check benchmark clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

env: $(STAMP) ## Create .venv/ and install the pinned environment (done by the other targets when needed)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check --disable-pip-version-check
	touch $(STAMP)

reproduce: $(STAMP) ## Execute every notebook in order (in place) and regenerate figures/
	$(BIN)/python tools/run_notebooks.py $(NOTEBOOKS)

test: $(STAMP) ## Unit tests, then strict nbval on every notebook
	$(BIN)/python -m pytest --nbval --nbval-current-env tests $(NOTEBOOKS)

lab: $(STAMP) ## Open JupyterLab on notebooks/
	$(BIN)/jupyter lab notebooks

clean: ## Remove the environment and caches (not the committed outputs)
	rm -rf $(VENV) .cache *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

check: $(STAMP) ## Validate the manifest, texts, lexicon and themes before anything runs
	$(BIN)/python -m analysis check

benchmark: $(STAMP) ## Print throughput, speed-ups, memory and notebook times for this machine
	$(BIN)/python -m analysis benchmark
