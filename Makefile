# The README's two commands. Both set everything up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint lock audit

# The whole dependency tree, with hashes (pip installs nothing that is not in it, unchanged).
$(STAMP): requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	@touch $(STAMP)

run: $(STAMP)
	$(PY) scripts/dev.py run

test: $(STAMP)
	$(PY) scripts/dev.py test $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# After changing a pin in requirements.txt or requirements-dev.txt: re-resolve the whole tree.
# requirements-prod.lock is the runtime part of it, for production installs.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links --no-emit-trusted-host
lock: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make lock" $(PY) -m piptools compile $(LOCK_FLAGS) \
		--output-file requirements.lock requirements-dev.txt
	CUSTOM_COMPILE_COMMAND="make lock" $(PY) -m piptools compile $(LOCK_FLAGS) \
		--constraint requirements.lock --output-file requirements-prod.lock requirements.txt

# Known vulnerabilities in the locked tree (needs network access to the advisory database).
audit: $(STAMP)
	$(PY) -m pip_audit --require-hashes --disable-pip -r requirements.lock
