# Partner Hub — developer entry points.
#
#   make run    install what is missing, build SPA + release backend, serve on :8080
#   make test   every suite, in order, stopping at the first failure
#   make help   all targets
#
# Environment variables pass through to the server and the tests
# (e.g. `DATABASE_URL=postgres://… make run`).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps depend on each other's side effects (venv, node_modules, binaries) and cargo
# already uses both cores: never run targets in parallel.
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory

ROOT          := $(CURDIR)
CARGO         ?= cargo
NPM           ?= npm
PYTHON        ?= python3
VENV          := .venv
FRONTEND      := frontend
CHROMIUM      ?= /usr/bin/chromium
DEBUG_BIN     := target/debug/partner-hub
RELEASE_BIN   := target/release/partner-hub
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres

# Stamps live inside what they describe, so deleting .venv or node_modules also
# forgets that they were installed.
VENV_STAMP    := $(VENV)/.installed-requirements
NODE_STAMP    := $(FRONTEND)/node_modules/.installed-package-lock

# The smtp sink used by the backend's email tests (see scripts/smtp_sink.py).
export SMTP_SINK_PYTHON ?= $(ROOT)/$(VENV)/bin/python

# Steps of `make test`, in order.
TEST_STEPS := venv node-deps lint-backend test-backend test-frontend test-e2e test-schemathesis

.PHONY: help run build test venv node-deps frontend-build backend-debug backend-release lint-backend \
        chromium test-backend test-frontend test-e2e test-schemathesis test-pg openapi \
        test-schemathesis-pg \
        bench clean distclean docker-build

help: ## Show this help
	@echo "Partner Hub — make targets:"
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
	  | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}'

# ---------------------------------------------------------------------------
# Run and build

run: node-deps frontend-build backend-release ## Build everything (release) and serve on http://127.0.0.1:8080
	@mkdir -p data
	exec ./$(RELEASE_BIN) serve

build: node-deps frontend-build backend-release ## Build the SPA and the release backend

frontend-build: node-deps ## Build the SPA into frontend/dist
	cd $(FRONTEND) && $(NPM) run build

backend-debug: ## cargo build (debug) -> target/debug/partner-hub
	$(CARGO) build --workspace

backend-release: ## cargo build --release -> target/release/partner-hub
	$(CARGO) build --release --workspace

# ---------------------------------------------------------------------------
# Installs (each only when missing or out of date)

venv: $(VENV_STAMP) ## Python venv with schemathesis + aiosmtpd (requirements-dev.txt)

$(VENV_STAMP): requirements-dev.txt
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@

node-deps: $(NODE_STAMP) ## npm ci in frontend/ (when node_modules is missing or the lock file changed)

$(NODE_STAMP): $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && $(NPM) ci --no-audit --no-fund
	@touch $@

chromium: ## Install Debian's chromium when /usr/bin/chromium is missing (needs root or sudo)
	@scripts/apt-ensure.sh $(CHROMIUM) chromium

# ---------------------------------------------------------------------------
# Tests

test: ## Run every test suite in order, stopping at the first failure
	@t0=$$(date +%s); \
	for step in $(TEST_STEPS); do \
	  s0=$$(date +%s); \
	  echo "==> make $$step"; \
	  if ! $(MAKE) $$step; then \
	    echo "make test: step '$$step' FAILED after $$(( $$(date +%s) - s0 ))s" >&2; exit 1; \
	  fi; \
	  echo "<== make $$step: ok in $$(( $$(date +%s) - s0 ))s"; \
	done; \
	echo "make test: all steps passed in $$(( $$(date +%s) - t0 ))s"

lint-backend: ## rustfmt (rustfmt.toml) and clippy with every warning an error
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-backend: venv ## Backend tests on SQLite (cargo test; see test-pg for PostgreSQL)
	env -u TEST_DATABASE_URL $(CARGO) test --workspace

test-pg: venv ## Backend tests against PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
	TEST_DATABASE_URL='$(TEST_DATABASE_URL)' $(CARGO) test --workspace

test-frontend: node-deps ## Frontend type check, lint and unit tests (vitest, incl. spec drift)
	cd $(FRONTEND) && $(NPM) run typecheck
	cd $(FRONTEND) && $(NPM) run lint
	cd $(FRONTEND) && CI=true $(NPM) test

test-e2e: frontend-build backend-debug chromium ## End-to-end tests: Playwright + Debian chromium against the debug backend
	cd $(FRONTEND) && PARTNER_HUB_BIN='$(ROOT)/$(DEBUG_BIN)' $(NPM) run e2e

test-schemathesis: venv backend-debug ## Schemathesis gate against a throw-away server on SQLite (scripts/schemathesis.sh)
	env -u SCHEMATHESIS_DATABASE_URL PARTNER_HUB_BIN='$(ROOT)/$(DEBUG_BIN)' scripts/schemathesis.sh

test-schemathesis-pg: venv backend-debug ## Schemathesis gate on a fresh PostgreSQL database (created and dropped through TEST_DATABASE_URL)
	SCHEMATHESIS_DATABASE_URL='$(TEST_DATABASE_URL)' SCHEMATHESIS_REPORT_DIR='$(ROOT)/target/schemathesis-pg' \
	  PARTNER_HUB_BIN='$(ROOT)/$(DEBUG_BIN)' scripts/schemathesis.sh

# ---------------------------------------------------------------------------
# Developer tools

openapi: node-deps ## Regenerate openapi.yaml from the code and the frontend's typed client from it
	$(CARGO) run -q -p partner-hub -- openapi > openapi.yaml.tmp
	mv openapi.yaml.tmp openapi.yaml
	cd $(FRONTEND) && $(NPM) run gen:api

bench: backend-release ## Bounded load test (wrk, 10 s per path) of /livez and /readyz on a temp server
	PARTNER_HUB_BIN='$(ROOT)/$(RELEASE_BIN)' scripts/bench.sh

clean: ## Remove build outputs (target/, frontend/dist); keeps data/, .venv and node_modules
	$(CARGO) clean
	rm -rf $(FRONTEND)/dist $(FRONTEND)/e2e/artifacts openapi.yaml.tmp

distclean: clean ## Also remove .venv and frontend/node_modules (keeps data/)
	rm -rf $(VENV) $(FRONTEND)/node_modules

docker-build: ## Build the container image (needs a Docker engine; see docker/)
	docker build -f docker/Dockerfile -t partner-hub:latest .
