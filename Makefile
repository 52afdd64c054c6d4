# Verkosto: `make demo` runs the platform with demo data, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: demo test bench lint messages clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $(STAMP)

$(STAMP_DEV): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP) $(STAMP_DEV)

demo: $(STAMP)
	@mkdir -p var
	DEBUG=1 DEMO_MODE=1 $(BIN)/python manage.py migrate --noinput -v 0
	DEBUG=1 DEMO_MODE=1 $(BIN)/python manage.py load_demo
	@echo "Verkosto is at http://127.0.0.1:$(PORT)/"
	DEBUG=1 DEMO_MODE=1 $(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

test: $(STAMP_DEV)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/textanalytics_bench.py
	$(BIN)/python bench/signals_bench.py
	$(BIN)/python bench/events_bench.py

lint: $(STAMP_DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy verkosto/directory/services.py verkosto/directory/selectors.py verkosto/directory/search.py verkosto/directory/facetstore.py verkosto/textanalytics \
		verkosto/networks/services.py verkosto/networks/selectors.py verkosto/networks/permissions.py \
		verkosto/networks/bulletins.py verkosto/networks/discussions.py verkosto/networks/worklog.py \
	verkosto/observations/capture.py verkosto/observations/selectors.py verkosto/observations/permissions.py \
	verkosto/observations/themes.py verkosto/observations/placement.py verkosto/observations/theme_selectors.py \
	verkosto/observations/keywords.py verkosto/observations/radar.py verkosto/observations/signal_import.py \
	verkosto/observations/plots.py \
	verkosto/events/services.py verkosto/events/selectors.py verkosto/events/permissions.py verkosto/events/registration.py \
	verkosto/events/emails.py verkosto/events/calendars.py verkosto/events/rounds.py verkosto/events/networking.py \
	verkosto/events/reach.py verkosto/events/attendance.py verkosto/events/feedback.py verkosto/events/api_feeds.py

# Extract UI strings into the catalogs and compile them (needs GNU gettext's xgettext).
messages: $(STAMP_DEV)
	cd verkosto && ../$(BIN)/python ../manage.py makemessages -l fi -l sv -l en --no-obsolete
	$(BIN)/python -m verkosto.core.compile_messages

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
