#!/bin/sh
# make bench: wall time and peak memory of the main commands on a scratch
# database. No peer exists yet for these (the foundation issue names none);
# later benchmarks print their peer side by side as a ratio.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/bench
cc -O2 -o build/bench/measure bench/measure.c
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
M=build/bench/measure
T=./build/tvet
echo "tvet $($T --version | cut -d' ' -f2-) on $(nproc) cores, $(uname -m)"
$M "init (new database)" $T --db "$TMP/b.db" init >/dev/null
$M "init (unchanged)" $T --db "$TMP/b.db" init >/dev/null
$M "demo (seed 20251231)" $T --db "$TMP/b.db" demo >/dev/null
$M "check" $T --db "$TMP/b.db" check >/dev/null
$M "plan targets --format json" $T --db "$TMP/b.db" plan targets --format json >/dev/null
echo "database size: $(du -h "$TMP/b.db" | cut -f1)"
sh bench/import.sh
