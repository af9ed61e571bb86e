#!/usr/bin/env bash
# Installs the Debian packages verbatim needs that are not installed yet.
# Idempotent and quiet when everything is there. Usage: scripts/deps.sh [build|test]
set -euo pipefail

build_packages=(g++ cmake ninja-build pkg-config libxapian-dev libpoppler-cpp-dev libicu-dev
                nlohmann-json3-dev libcli11-dev libdtl-dev libcpp-httplib-dev libre2-dev)
# clang and its runtime libraries: the sanitizer build and the libFuzzer targets.
test_packages=(doctest-dev poppler-utils clang libclang-rt-14-dev xapian-tools)

wanted=("${build_packages[@]}")
[[ "${1:-build}" == test ]] && wanted+=("${test_packages[@]}")
# The browser test (e2e_browser): Debian's Chromium, and Node.js with npm unless a Node.js
# with npm is already there (another vendor's nodejs package conflicts with Debian's npm).
if [[ "${1:-build}" == test ]]; then
  [[ -x /usr/bin/chromium ]] || wanted+=(chromium)
  command -v node >/dev/null && command -v npm >/dev/null || wanted+=(nodejs npm)
fi

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

run_as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then run_as_root=(sudo); else
    echo "verbatim: missing Debian packages: ${missing[*]}" >&2
    echo "verbatim: run as root: apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq >/dev/null
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
