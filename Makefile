# Two commands for a newcomer: `make run` and `make test`. Everything else is set up on the way.
# Stamps in .make/ record what is installed, so a second run skips work that is already done.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .make
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails start with the address the server really answers on, unless SERVICE_URL says otherwise. A server
# listening on every interface (0.0.0.0 or ::) is reached by the machine's name.
LINK_HOST := $(if $(filter 0.0.0.0 :: [::],$(HOST)),$(shell hostname -f 2>/dev/null || hostname),$(HOST))
SERVICE_URL ?= http://$(LINK_HOST):$(PORT)
# apt-get needs root; use sudo when the person running make is not root.
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test test-national lint bench setup setup-dev chromium clean help

help:
	@echo "make run    set up, migrate SQLite, load reference and demo data, serve http://$(HOST):$(PORT)"
	@echo "            (another port: make run PORT=8100)"
	@echo "make test   set up and run the whole test suite (set DATABASE_URL for PostgreSQL)"
	@echo "make lint   ruff, template and migration checks"
	@echo "make bench  benchmarks that print their figures (benchmarks/)"
	@echo "make test-national  tests at national volume (minutes, PostgreSQL only)"

$(STAMPS):
	@mkdir -p $(STAMPS)

# WeasyPrint (PDF reports) needs Pango from the system; Debian's package is installed when missing.
$(STAMPS)/system: | $(STAMPS)
	@ldconfig -p | grep -q libpango-1.0 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0; }
	@touch $@

# pip and npm say only what went wrong: no progress, no version nags, no "running as root" warning.
PIP := PIP_ROOT_USER_ACTION=ignore $(PY) -m pip --quiet --disable-pip-version-check

$(STAMPS)/python: requirements.txt $(STAMPS)/system | $(STAMPS)
	@echo "Installing the Python packages into $(VENV) (first run only)"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip
	@$(PIP) install -r requirements.txt
	@touch $@

$(STAMPS)/python-dev: $(STAMPS)/python requirements-dev.txt
	@echo "Installing the test tools (first run only)"
	@$(PIP) install -r requirements-dev.txt
	@touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	@echo "Installing GOV.UK Frontend with npm (first run only)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(STAMPS)/python $(STAMPS)/npm

setup-dev: $(STAMPS)/python-dev $(STAMPS)/npm

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

# A newcomer sees what is happening in a few lines, then the accounts, the password, the two-factor key and the
# address; the server's own banner is left out (its errors and the request log still show).
run: setup
	@echo "Preparing the database: migrations, England's reference data and the demo world (a minute or two)"
	@$(PY) manage.py migrate --no-input -v 0
	@$(PY) manage.py createcachetable -v 0
	@$(PY) manage.py load_reference_data -v 0
	@$(PY) manage.py seed_demo -v 0
	@echo ""
	@echo "The Safeguarding Learning Platform is at http://$(HOST):$(PORT)/ (background jobs run beside it; Ctrl-C stops both)"
	@echo "Emails it sends are written to files in $${EMAIL_FILE_PATH:-$${XDG_DATA_HOME:-$$HOME/.local/share}/safeguarding-learning/emails}"
	@# The worker runs beside the web server; Ctrl-C reaches both (same process group), and the trap stops the
	@# worker if the server ends on its own.
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	SERVICE_URL="$(SERVICE_URL)" $(PY) manage.py run_worker -v 0 & worker=$$!; \
	SERVICE_URL="$(SERVICE_URL)" $(PY) manage.py runserver $(HOST):$(PORT) >/dev/null

# The suite runs on every core (pytest-xdist, one test database per worker); PYTEST_ARGS adds to it,
# e.g. `make test PYTEST_ARGS="-k sign_in"`.
PYTEST_WORKERS ?= auto
test: setup-dev chromium
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# Tests at national volume (minutes each, PostgreSQL only): seed_demo with a 10,000-report repository completes.
test-national: setup-dev
	NATIONAL_VOLUME_TESTS=1 $(VENV)/bin/pytest -p no:xdist -m national_volume $(PYTEST_ARGS)

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check_templates

# Each benchmark prints what it measured; none is a pass/fail test.
bench: setup-dev
	$(PY) benchmarks/child_death_linkage.py
	$(PY) benchmarks/mortality_scale.py
	$(PY) benchmarks/coding_suggestions.py
	$(PY) benchmarks/learning_search.py
	$(PY) benchmarks/learning_intelligence.py
	$(PY) benchmarks/clock_sweep.py
	$(PY) benchmarks/home_page.py
	$(PY) benchmarks/national_load.py
	$(PY) benchmarks/audit_write_path.py
	$(PY) benchmarks/incident_dashboard.py

clean:
	rm -rf $(VENV) node_modules $(STAMPS) staticfiles
