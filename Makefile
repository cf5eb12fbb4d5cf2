# Developer and CI entry points; README.md lists them. Every recipe line runs under
# `bash -eu -o pipefail`, so any failing command fails the target.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# Prerequisites run in the order written (setup before build); Ninja does the parallel work.
.NOTPARALLEL:

VENV := .venv/bin
CORE := build/core

# The hardening builds (README, "Hardening: sanitizers and fuzzing"), all with Debian's clang,
# at -O1 with debug information and assertions on (no NDEBUG), each in a directory of its own.
CLANG_BUILD := -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DGONGWEN_BUILD_PYTHON=OFF
ASAN := build/asan
TSAN := build/tsan
FUZZ := build/fuzz
# A sanitizer report fails the run; ASan also reports leaks and use after return.
export ASAN_OPTIONS := detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS := halt_on_error=1:second_deadlock_stack=1
# Seconds of fuzzing per target: FUZZ_BRIEF in `make test`, FUZZ_SECONDS in `make fuzz`, which
# runs the targets in FUZZ_TARGETS (default: all) one after the other.
FUZZ_BRIEF := 10
FUZZ_SECONDS := 60
FUZZ_TARGETS :=

.PHONY: setup setup-test build check test lint format demo stubs clean sanitize fuzz-build fuzz-brief fuzz

setup:
	scripts/setup.sh

# setup, and the programs the tests run for real (LibreOffice for DOC/WPS).
setup-test:
	scripts/setup.sh --test

# The C++ core and its GoogleTest suite, without Python (DESIGN.md, layering rule 1).
build:
	cmake -S . -B $(CORE) -G Ninja -DGONGWEN_BUILD_PYTHON=OFF -DGONGWEN_BUILD_TESTS=ON
	cmake --build $(CORE)

# The edit-test loop: the C++ suite, pytest and lint, without the notebooks, the sanitizer
# builds and fuzzing that `make test` adds (a minute or two once built, against about 15).
check: setup-test build
	ctest --test-dir $(CORE) --output-on-failure
	$(VENV)/pytest -q
	scripts/lint.sh

# pytest exits 5 when it collects nothing, so it runs only where there are test files.
test: setup-test build
	ctest --test-dir $(CORE) --output-on-failure
	if [ -n "$$(find tests/python -name 'test_*.py')" ]; then $(VENV)/pytest; \
	else echo "pytest: no test files under tests/python"; fi
	if [ -n "$$(find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)" ]; \
	then $(VENV)/pytest --nbmake notebooks/; fi
	scripts/lint.sh
	$(MAKE) --no-print-directory sanitize fuzz-brief

# The GoogleTest suite under AddressSanitizer and UndefinedBehaviorSanitizer, then under
# ThreadSanitizer (for the tests that start threads: concurrency_test.cc, corpus loading,
# TokenizeMany, vectorizing, word discovery; the others cost it a few seconds).
sanitize: setup
	cmake -S . -B $(ASAN) $(CLANG_BUILD) -DGONGWEN_BUILD_TESTS=ON "-DGONGWEN_SANITIZE=address;undefined"
	cmake --build $(ASAN) --target gongwen_tests
	$(ASAN)/tests/cpp/gongwen_tests --gtest_brief=1
	cmake -S . -B $(TSAN) $(CLANG_BUILD) -DGONGWEN_BUILD_TESTS=ON -DGONGWEN_SANITIZE=thread
	cmake --build $(TSAN) --target gongwen_tests
	$(TSAN)/tests/cpp/gongwen_tests --gtest_brief=1

# The libFuzzer targets of tests/fuzz (ASan, UBSan and coverage instrumentation).
fuzz-build: setup
	cmake -S . -B $(FUZZ) $(CLANG_BUILD) -DGONGWEN_BUILD_TESTS=OFF -DGONGWEN_BUILD_FUZZERS=ON
	cmake --build $(FUZZ) --target gongwen_fuzzers

# `make test`'s share: the regressions, then FUZZ_BRIEF seconds per target from the seeds.
fuzz-brief: fuzz-build
	scripts/fuzz.sh brief $(FUZZ_BRIEF)

# A campaign: FUZZ_SECONDS per target, the corpus kept in build/fuzz-corpus/<target>.
fuzz: fuzz-build
	scripts/fuzz.sh campaign $(FUZZ_SECONDS) $(FUZZ_TARGETS)

lint: setup
	scripts/lint.sh

format: setup
	$(VENV)/ruff check --select I --fix  # import order is a lint rule in ruff, not a format one
	$(VENV)/ruff format
	find cpp python/bindings tests/cpp tests/fuzz -name '*.h' -o -name '*.cc' | xargs --no-run-if-empty clang-format -i
	$(VENV)/python scripts/notebooks.py --strip

demo: setup
	$(VENV)/python -m gongwen report python/gongwen/data/sample --out build/report.html

# The type stub of the private extension, regenerated from the built module.
stubs: setup
	$(VENV)/pybind11-stubgen gongwen._core -o build/stubs
	cp build/stubs/gongwen/_core.pyi python/gongwen/_core.pyi

clean:
	rm -rf build
