#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs dramagraph with its test extras, then runs pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k store -x).
set -euo pipefail
cd "$(dirname "$0")/.."
# Real components from Debian: the HTML viewer test drives chromium, the SPARQL store and Wikidata tests
# start virtuoso-t on 127.0.0.1. A fresh Debian machine (CI runs this as root) gets them here.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v virtuoso-t >/dev/null || missing+=(virtuoso-opensource-7-bin)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -e '.[test]'
python3 -m pytest "$@"
