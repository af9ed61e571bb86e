#!/usr/bin/env bash
# Builds the Debian package (cpack -G DEB) and checks it:
#  - its Depends name the runtime libraries (from dpkg-shlibdeps);
#  - extracted into a scratch root (dpkg -x, no root needed), the binary prints its
#    version, does not load Poppler, indexes corpus/ (its PDFs through the helper
#    /usr/libexec/verbatim/verbatim-pdf-reader) and finds "non-punishment", the man page
#    renders and the bash completion completes;
#  - with --install (as root, e.g. on a fresh Debian 12 in CI): `apt-get install ./x.deb`
#    pulls the dependencies, then `verbatim`, `man verbatim` and the completion are
#    checked as installed, and the package is removed again.
# Usage: scripts/test-deb.sh [--install]   (build folder: build-deb, or $VERBATIM_DEB_BUILD)
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
build=${VERBATIM_DEB_BUILD:-build-deb}
install=false
[[ "${1:-}" == --install ]] && install=true

scripts/deps.sh build
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVERBATIM_TESTS=OFF >/dev/null
cmake --build "$build"
rm -f "$build"/verbatim_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/verbatim_*.deb)
echo "package: $deb"

fail() { echo "test-deb: $*" >&2; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libxapian30 libpoppler-cpp0v5 libicu72 libcpp-httplib0.11 libstdc++6; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/verbatim ./usr/libexec/verbatim/verbatim-pdf-reader ./usr/share/man/man1/verbatim.1 \
            ./usr/share/bash-completion/completions/verbatim; do
  grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done

# Runs the checks against a verbatim binary, its man page and its completion file.
check() {
  local bin=$1 man_page=$2 completion=$3 scratch
  scratch=$(mktemp -d)
  "$bin" --version | grep -qx "verbatim [0-9.]*" || fail "$bin --version"
  # Poppler is loaded by the PDF reader only (../libexec/verbatim/verbatim-pdf-reader), never by verbatim.
  ! ldd "$bin" | grep -q poppler || fail "$bin links Poppler"
  [[ -x "$(dirname "$bin")/../libexec/verbatim/verbatim-pdf-reader" ]] || fail "no PDF reader beside $bin"
  "$bin" index --db "$scratch/db" "$root_dir/corpus" >/dev/null 2>"$scratch/index.err" || [[ $? -eq 1 ]] ||
    fail "index failed: $(cat "$scratch/index.err")"
  ! grep -q "PDF reader\|verbatim-pdf-reader" "$scratch/index.err" || fail "PDFs not read: $(cat "$scratch/index.err")"
  "$bin" search --db "$scratch/db" --limit 1 non-punishment | grep -q "CTOC/COP/WG.4/2020/4, para." ||
    fail "search found nothing"
  MANWIDTH=80 man -l "$man_page" 2>/dev/null | grep -q "verbatim serve" || fail "man page does not render"
  # shellcheck disable=SC1090
  (source "$completion"; COMP_WORDS=(verbatim se); COMP_CWORD=1; _verbatim; [[ "${COMPREPLY[*]}" == "search serve" ]]) ||
    fail "completion"
  rm -rf "$scratch"
}

scratch_root=$(mktemp -d)
trap 'rm -rf "$scratch_root"' EXIT
dpkg -x "$deb" "$scratch_root"
check "$scratch_root/usr/bin/verbatim" "$scratch_root/usr/share/man/man1/verbatim.1" \
      "$scratch_root/usr/share/bash-completion/completions/verbatim"
echo "extracted package: runs, indexes, searches; man page and completion work"

if $install; then
  [[ $(id -u) -eq 0 ]] || fail "--install needs root"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$root_dir/$deb" >/dev/null
  check /usr/bin/verbatim "$(man -w verbatim)" /usr/share/bash-completion/completions/verbatim
  echo "installed package: runs, indexes, searches; man verbatim and completion work"
  dpkg -r verbatim >/dev/null
fi
