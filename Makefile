# The course in two commands: `make lab` to learn, `make test` to check everything.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test test-fast nbval bench notebooks exercises check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip uninstall --quiet --yes minigrad 2>/dev/null || true  # the old distribution name
	$(BIN)/python -m pip install --quiet -e '.[course,dev]'
	touch $(STAMP)

# JupyterLab rooted at the repository (so notebooks/, exercises/ and solutions/ are all reachable),
# opening lesson 00; .jupyter/lab/settings/overrides.json turns off the news pop-up.
lab: $(STAMP)
	$(BIN)/jupyter trust notebooks/*.ipynb solutions/*.ipynb exercises/*.ipynb 2>/dev/null || true
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) --ServerApp.root_dir="$(CURDIR)" \
	    --LabApp.app_settings_dir="$(CURDIR)/.jupyter/lab/settings" notebooks/00_setup_and_tour.ipynb

# nbval runs once per OpenBLAS kernel family in NBVAL_CORETYPES: each family sums float32 products in
# its own order, so a stored output that depends on the CPU fails here, not on a learner's machine.
# Default: this CPU's own family and the next older one (SkylakeX needs AVX-512, Haswell AVX2 and FMA,
# Sandybridge AVX); `native` runs without OPENBLAS_CORETYPE. Override: make test NBVAL_CORETYPES=native
CPU_FLAGS := $(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
NBVAL_CORETYPES ?= $(strip $(if $(findstring avx512f,$(CPU_FLAGS)),SkylakeX Haswell,\
    $(if $(findstring avx2,$(CPU_FLAGS)),Haswell Sandybridge,\
    $(if $(findstring avx,$(CPU_FLAGS)),Sandybridge Nehalem,native))))
NBVAL := -m pytest -n auto --dist loadfile --nbval --nbval-current-env \
    --nbval-sanitize-with nbval_sanitize.cfg -p no:cacheprovider notebooks solutions

test: $(STAMP)
	$(BIN)/python -m pytest -n auto tests
	@set -e; for core in $(NBVAL_CORETYPES); do \
	    echo "nbval with OPENBLAS_CORETYPE=$$core"; \
	    if [ "$$core" = native ]; then $(BIN)/python $(NBVAL); \
	    else OPENBLAS_CORETYPE=$$core $(BIN)/python $(NBVAL); fi; \
	done

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n auto tests

# Course notebooks: course/*/NN_topic.py -> executed notebooks/ and solutions/, then exercises/.
notebooks: $(STAMP)
	$(BIN)/minigrad-course notebooks $(NAMES)

exercises: $(STAMP)
	$(BIN)/minigrad-course build

check: $(STAMP)
	$(BIN)/minigrad-course check

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_mlp.py
	$(BIN)/python benchmarks/bench_ops.py
	$(BIN)/python benchmarks/bench_cnn.py
	$(BIN)/python benchmarks/bench_resnet.py
	$(BIN)/python benchmarks/bench_memory.py
	$(BIN)/python benchmarks/bench_micrograd.py

clean:
	rm -rf $(VENV) build *.egg-info
