#!/usr/bin/env bash
# CTest's e2e_browser: installs playwright-core from the lock file (npm ci, never a
# browser download) next to the test in the build folder, then drives Debian's Chromium.
# Usage: run.sh VERBATIM_BINARY CORPUS_DIR OUTPUT_DIR   (run in the build's tests/browser)
set -euo pipefail

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "e2e_browser: $tool is missing: run scripts/deps.sh test" >&2; exit 1; }
done
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] ||
  { echo "e2e_browser: no Chromium at ${CHROMIUM:-/usr/bin/chromium}: run scripts/deps.sh test" >&2; exit 1; }

if ! npm ci --no-audit --no-fund --prefer-offline --loglevel=error >npm-ci.log 2>&1; then
  cat npm-ci.log >&2
  echo "e2e_browser: 'npm ci' could not install playwright-core (is the npm registry reachable?)" >&2
  exit 1
fi
exec node page.test.mjs "$@"
