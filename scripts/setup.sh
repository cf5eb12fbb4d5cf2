#!/usr/bin/env bash
# Idempotent set-up of a development machine (Debian 12): system packages, .venv with the
# pinned tools of requirements-dev.txt, and gongwen itself installed editable. Safe to re-run:
# a second run with nothing changed takes seconds. PYTHON picks the interpreter (default python3).
# `--test` adds the optional programs that the test suite runs for real: LibreOffice (headless,
# without a GUI), the converter of DOC and WPS files, and antiword, its light fallback; `make
# demo` goes without.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
with_test_programs=false
[ "${1:-}" = "--test" ] && with_test_programs=true
step() { echo "setup: $*"; }

# 1. Debian packages: compilers, CMake, the C++ libraries of the core, clang-format for lint,
# and clang with its runtimes (ASan, UBSan, TSan, libFuzzer: libclang-rt-14-dev) for the
# sanitizer and fuzzing builds of `make test` and `make fuzz`.
packages=(g++ cmake ninja-build pkg-config libicu-dev libeigen3-dev libgtest-dev libgmock-dev
  libpoppler-cpp-dev libzip-dev libpugixml-dev libgumbo-dev clang-format clang libclang-rt-14-dev)
# The extension is compiled against the interpreter in use; Debian's python3 needs python3-dev
# for Python.h, while e.g. a pyenv interpreter ships its own headers.
$with_test_programs && packages+=(libreoffice-writer-nogui antiword)
include=$("$python" -c 'import sysconfig; print(sysconfig.get_path("include"))')
[ -f "$include/Python.h" ] || packages+=(python3-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
else
  step "Debian packages present"
fi

# 2. The virtual environment.
if [ -x .venv/bin/python ]; then
  step ".venv present"
else
  step "create .venv ($python)"
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip --disable-pip-version-check)

# 3. Python tools and dependencies, only when their pins or pyproject.toml changed since the
# last successful install (the stamp records their checksum).
stamp=.venv/.gongwen-setup-stamp
sum=$(cat requirements-dev.txt pyproject.toml | sha256sum)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
  step "requirements-dev.txt unchanged"
else
  step "pip install -r requirements-dev.txt"
  "${pip[@]}" install -q -r requirements-dev.txt
fi

# 4. gongwen itself, every time: the C++ sources may have changed, and the build in
# build/<wheel tag> is incremental, so an unchanged tree costs only a CMake no-op (~2 s).
# --no-deps: its dependencies are pinned in requirements-dev.txt, installed above.
step "pip install --no-build-isolation -e ."
"${pip[@]}" install -q --no-build-isolation --no-deps -e .
echo "$sum" >"$stamp"
step "done"
