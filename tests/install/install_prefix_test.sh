#!/usr/bin/env bash
# `cmake --install` into a scratch prefix, then use it as a user would: the
# installed program imports the example articles and reports from another
# directory, and the embedded-API example builds against the prefix as an
# outside project, with find_package(stancegraph) and with pkg-config.
#
#   install_prefix_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sg-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
prefix=$scratch/prefix
fail() { echo "install_prefix_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" ||
  { cat "$scratch/install.log" >&2; fail "cmake --install failed"; }
libdir=$(sed -n 's/^libdir=${prefix}\///p' "$(find "$prefix" -name stancegraph.pc)")
for f in bin/stancegraph \
  include/stancegraph/engine/database.h include/stancegraph/importers/import.h \
  include/stancegraph/query/contradictions.h \
  "$libdir/libstancegraph_engine.a" "$libdir/libstancegraph_importers.a" \
  "$libdir/libstancegraph_query.a" "$libdir/libstancegraph_schema.a" \
  "$libdir/cmake/stancegraph/stancegraphConfig.cmake" "$libdir/pkgconfig/stancegraph.pc" \
  share/stancegraph/lexicons/wordnet.bin share/stancegraph/lexicons/cues.json \
  share/stancegraph/lexicons/WORDNET-LICENSE share/man/man1/stancegraph.1 \
  share/bash-completion/completions/stancegraph share/zsh/vendor-completions/_stancegraph; do
  [[ -e $prefix/$f ]] || fail "not installed: $f"
done
# No private header of a module is installed.
if find "$prefix/include" -path '*/src/*' | grep -q .; then fail "private headers installed"; fi

# The installed program, run from elsewhere, finds its lexicons beside it.
cd "$scratch"
env -u STANCEGRAPH_LEXICON_DIR -u STANCEGRAPH_LEXICONS -u STANCEGRAPH_DB \
  "$prefix/bin/stancegraph" import --quiet --db "$scratch/articles.db" "$src/examples/articles" ||
  fail "the installed program could not import the example articles"
"$prefix/bin/stancegraph" stats --db "$scratch/articles.db" --format json | grep -q '"claims":[1-9]' ||
  fail "no claims were extracted from the example articles"
"$prefix/bin/stancegraph" report --db "$scratch/articles.db" --since 1970-01-01 --format md \
  >"$scratch/report.md" || fail "the installed program could not report"
grep -q '^# ' "$scratch/report.md" || fail "the report has no title: $(head -3 "$scratch/report.md")"

# The examples as an outside CMake project against the prefix.
cmake -S "$src/examples" -B "$scratch/examples" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/configure.log" 2>&1 ||
  { cat "$scratch/configure.log" >&2; fail "configuring examples/ against the prefix failed"; }
cmake --build "$scratch/examples" >"$scratch/build.log" 2>&1 ||
  { cat "$scratch/build.log" >&2; fail "building examples/ against the prefix failed"; }
"$scratch/examples/example_embedded_api" "$scratch/claims.db" \
  "$src/examples/claims/nato-enlargement.jsonl" Turkey >"$scratch/example.out" ||
  fail "the example program failed"
grep -q '^imported [1-9]' "$scratch/example.out" || fail "the example imported nothing"
grep -q 'Turkey' "$scratch/example.out" || fail "the example listed no claim of Turkey"

# pkg-config: the same example compiled and linked with what the .pc file says.
if command -v pkg-config >/dev/null; then
  export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
  flags=$(pkg-config --cflags --libs stancegraph) || fail "pkg-config cannot resolve stancegraph"
  [[ $(pkg-config --variable=lexicondir stancegraph) -ef $prefix/share/stancegraph/lexicons ]] ||
    fail "pkg-config's lexicondir is not the installed lexicon directory"
  # shellcheck disable=SC2086
  "${CXX:-c++}" -std=c++20 -O0 -o "$scratch/embedded_api_pc" "$src/examples/embedded_api.cc" $flags ||
    fail "the example does not build with pkg-config's flags"
  "$scratch/embedded_api_pc" "$scratch/claims-pc.db" "$src/examples/claims/nato-enlargement.jsonl" \
    Turkey | grep -q '^imported [1-9]' || fail "the pkg-config-built example failed"
fi
echo "install_prefix_test: ok"
