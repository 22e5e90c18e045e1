#!/bin/sh
# Run every test: the cmocka unit tests (build/tests/test_*), the
# integration scripts (tests/integration/*.sh) and the browser tests
# (tests/browser/*.mjs: node, playwright-core and Debian's Chromium). Each
# speaks TAP ("ok N - x", "not ok N - x"); this script counts the cases and
# ends with the line "N passed, N failed". A test program that dies without
# reporting counts as one failure; a browser test whose tools are missing is
# one failure that names them. Usage: tests/run.sh BUILD_DIR   (build or build/asan)
set -u
B=${1:-build}
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TVET="$TOP/$B/tvet"
export TVET_DATA="$TOP/data"
export TVET_LOCALEDIR="$TOP/build/locale"
export CMOCKA_MESSAGE_OUTPUT=TAP
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$TOP/tests/lsan.supp}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
passed=0
failed=0

run_one() {
	name=$1
	shift
	out="$TMP/out"
	(cd "$TMP" && "$@") >"$out" 2>&1
	status=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "FAIL $name: exited with status $status without reporting a failure"
	fi
	if [ "$f" -gt 0 ] || [ "$status" -ne 0 ]; then
		echo "---- $name"
		grep -v '^ok ' "$out" | head -60
	fi
	echo "$name: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
}

for t in "$TOP/$B"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in "$TOP"/tests/integration/*.sh; do
	[ -f "$t" ] || continue
	[ "$(basename "$t")" = lib.sh ] && continue
	run_one "integration/$(basename "$t" .sh)" sh "$t"
done
# browser_test FILE: runs a browser test, or, when node, Chromium or
# playwright-core is missing, says so as one failure (never a silent skip).
browser_test() {
	missing=""
	command -v node >/dev/null 2>&1 || missing="$missing node (apt-get install -y nodejs npm);"
	chromium=${TVET_CHROMIUM:-/usr/bin/chromium}
	[ -x "$chromium" ] || missing="$missing $chromium (apt-get install -y chromium);"
	[ -f "$TOP/node_modules/playwright-core/package.json" ] ||
		missing="$missing node_modules/playwright-core (cd $TOP && npm ci --no-audit --no-fund);"
	if [ -n "$missing" ]; then
		echo "not ok 1 - tests/browser/$(basename "$1") cannot run: missing${missing%;}; scripts/deps.sh run as root installs them all"
		echo "1..1"
		return 1
	fi
	node "$1"
}
for t in "$TOP"/tests/browser/*.mjs; do
	[ -f "$t" ] || continue
	[ "$(basename "$t")" = lib.mjs ] && continue # the shared harness, not a test
	run_one "browser/$(basename "$t" .mjs)" browser_test "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
