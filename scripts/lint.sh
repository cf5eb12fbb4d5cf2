#!/usr/bin/env bash
# The read-only checks of `make test` and `make lint`; `make format` applies the fixes.
# Uses the pinned ruff of .venv (scripts/setup.sh) and Debian's clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "lint: ruff format --check"
.venv/bin/ruff format --check
echo "lint: ruff check"
.venv/bin/ruff check
echo "lint: clang-format"
find cpp python/bindings tests/cpp tests/fuzz -name '*.h' -o -name '*.cc' |
  xargs --no-run-if-empty clang-format --dry-run -Werror
echo "lint: notebooks without outputs"
.venv/bin/python scripts/notebooks.py --check
