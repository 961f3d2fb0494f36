#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs dramagraph with its test extras, then runs pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k store -x).
set -euo pipefail
cd "$(dirname "$0")/.."
# The HTML viewer test drives Debian's chromium; a fresh Debian machine (CI runs this as root) gets it here.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium
fi
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -e '.[test]'
python3 -m pytest "$@"
