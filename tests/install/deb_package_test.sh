#!/usr/bin/env bash
# `cpack -G DEB` from the build tree, then the stancegraph package unpacked
# into a scratch root (not installed) and run from another directory: it
# must find its lexicons beside it. Skipped (77) without cpack or dpkg-deb.
#
#   deb_package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "deb_package_test: no $tool, skipped"; exit 77; }
done
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sg-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "deb_package_test: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$scratch"/out/stancegraph_*.deb 2>/dev/null | head -1)
dev=$(ls "$scratch"/out/libstancegraph-dev_*.deb 2>/dev/null | head -1)
[[ -n $deb && -n $dev ]] || fail "cpack made $(ls "$scratch/out")"

root=$scratch/root
dpkg-deb -x "$deb" "$root"
# The program's package depends on the package of every shared library the
# program needs (RocksDB is linked statically, as Debian's CMake package has it).
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libabsl* && $depends == *libstdc++6* ]] || fail "Depends is incomplete: $depends"
if command -v readelf >/dev/null; then
  ldd "$root/usr/bin/stancegraph" >"$scratch/ldd.txt"
  for lib in $(readelf -d "$root/usr/bin/stancegraph" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    # ldd names the dynamic loader by its path alone ("/lib64/ld-linux-x86-64.so.2 (0x...)").
    path=$(awk -v l="$lib" '$1 == l { print $3 } $1 ~ ("/" l "$") { print $1 }' "$scratch/ldd.txt" | head -1)
    [[ -n $path ]] || fail "$lib is not found on this machine"
    pkg=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(realpath "$path")" 2>/dev/null || dpkg -S "/usr$path" 2>/dev/null) ||
      continue  # not from a package
    pkg=${pkg%%:*}
    [[ $depends == *"$pkg"* ]] || fail "Depends lacks $pkg (for $lib): $depends"
  done
fi
[[ $(dpkg-deb -f "$dev" Depends) == *"stancegraph (= "* ]] || fail "libstancegraph-dev does not depend on stancegraph"
dpkg-deb -c "$dev" >"$scratch/dev-files.txt"
grep -q 'usr/lib/.*cmake/stancegraph/stancegraphConfig.cmake' "$scratch/dev-files.txt" ||
  fail "libstancegraph-dev has no CMake package"

for f in usr/bin/stancegraph usr/share/stancegraph/lexicons/wordnet.bin \
  usr/share/man/man1/stancegraph.1 usr/share/bash-completion/completions/stancegraph \
  usr/share/zsh/vendor-completions/_stancegraph; do
  [[ -e $root/$f ]] || fail "not in the package: $f"
done
cd "$scratch"
"$root/usr/bin/stancegraph" --version | grep -q '^stancegraph [0-9]' || fail "--version failed"
env -u STANCEGRAPH_LEXICON_DIR -u STANCEGRAPH_LEXICONS -u STANCEGRAPH_DB \
  "$root/usr/bin/stancegraph" import --quiet --db "$scratch/x.db" "$src/examples/articles" ||
  fail "the unpacked program could not import the example articles"
"$root/usr/bin/stancegraph" report --db "$scratch/x.db" --since 1970-01-01 --format json \
  >"$scratch/report.json" || fail "the unpacked program could not report"
# Every article read, and claims found in them: the lexicons were there.
articles=$(find "$src/examples/articles" -type f | wc -l)
grep -q "\"new_documents\": $articles," "$scratch/report.json" ||
  fail "the report does not count the $articles example articles"
grep -q '"new_mentions": [1-9]' "$scratch/report.json" || fail "no claims were extracted"
echo "deb_package_test: ok ($(basename "$deb"), $(basename "$dev"))"
