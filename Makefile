VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[web,test,dask]'
	command -v chromium || (apt-get update && apt-get install -y chromium chromium-driver)
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f dyad.duckdb
	$(VENV)/bin/dyad code ../shared/seed/article.jsonl --db dyad.duckdb --format table

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

clean:
	rm -rf $(VENV) dyad.duckdb
