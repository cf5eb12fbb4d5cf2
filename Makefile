# Developer and CI entry points; README.md lists them. Every recipe line runs under
# `bash -eu -o pipefail`, so any failing command fails the target.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# Prerequisites run in the order written (setup before build); Ninja does the parallel work.
.NOTPARALLEL:

VENV := .venv/bin
CORE := build/core

.PHONY: setup build test lint format demo stubs clean

setup:
	scripts/setup.sh

# The C++ core and its GoogleTest suite, without Python (DESIGN.md, layering rule 1).
build:
	cmake -S . -B $(CORE) -G Ninja -DGONGWEN_BUILD_PYTHON=OFF -DGONGWEN_BUILD_TESTS=ON
	cmake --build $(CORE)

# pytest exits 5 when it collects nothing, so it runs only where there are test files.
test: setup build
	ctest --test-dir $(CORE) --output-on-failure
	if [ -n "$$(find tests/python -name 'test_*.py')" ]; then $(VENV)/pytest; \
	else echo "pytest: no test files under tests/python"; fi
	if [ -n "$$(find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)" ]; \
	then $(VENV)/pytest --nbmake notebooks/; fi
	scripts/lint.sh

lint: setup
	scripts/lint.sh

format: setup
	$(VENV)/ruff check --select I --fix  # import order is a lint rule in ruff, not a format one
	$(VENV)/ruff format
	find cpp python/bindings tests/cpp -name '*.h' -o -name '*.cc' | xargs --no-run-if-empty clang-format -i
	$(VENV)/python scripts/notebooks.py --strip

demo: setup
	$(VENV)/python -m gongwen report python/gongwen/data/sample --out build/report.html

# The type stub of the private extension, regenerated from the built module.
stubs: setup
	$(VENV)/pybind11-stubgen gongwen._core -o build/stubs
	cp build/stubs/gongwen/_core.pyi python/gongwen/_core.pyi

clean:
	rm -rf build
