#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs dramagraph with its test extras, then runs pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k store -x).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -e '.[test]'
python3 -m pytest "$@"
