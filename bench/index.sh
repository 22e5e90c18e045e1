#!/bin/sh
# index.sh - the composite-index benchmark of `make bench` (issue 6; also
# runs alone: sh bench/index.sh). 500 units x 60 indicators in a 3-level
# hierarchy (60 indicators, 10 pillars, the index), 2 % of values missing;
# `tvet index run` with an uncertainty analysis of BENCH_REPS (default
# 10000) replications - imputation mean/median, min-max/z-score,
# arithmetic/geometric, weights +-25 % - plus each choice alone and the
# removal of each pillar, beside the same computation as a straightforward
# vectorised NumPy program (bench/index_numpy.py, Debian's python3-numpy).
# Both must give the same nominal ranks, else the benchmark fails. Prints
# both times (best of BENCH_RUNS, default 3), tvet's peak memory and the
# ratio. Goal: tvet >= 10x faster, memory under 100 MB.
set -eu
cd "$(dirname "$0")/.."
T=${TVET:-./build/tvet}
REPS=${BENCH_REPS:-10000}
RUNS=${BENCH_RUNS:-3}
PY=/usr/bin/python3
M=build/bench/measure
if ! $PY -c 'import numpy' 2>/dev/null; then
	echo "bench/index.sh needs Debian's python3-numpy; run as root: apt-get install -y python3-numpy" >&2
	exit 1
fi
mkdir -p build/bench
[ -x $M ] || cc -O2 -o $M bench/measure.c
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
$PY - "$TMP" <<'PYEOF'
import random, sys
d = sys.argv[1]
random.seed(20261129)
with open(d + "/meta.csv", "w") as f:
    f.write("iCode,Level,Direction,Weight,Parent,Type,Denominator\n")
    for i in range(60):
        f.write("I%d,1,%d,%g,P%d,Indicator,NA\n" % (i + 1, -1 if i % 7 == 3 else 1, random.choice([1, 1, 2]), i // 6 + 1))
    for p in range(10):
        f.write("P%d,2,1,1,Index,Aggregate,NA\n" % (p + 1))
    f.write("Index,3,1,1,NA,Aggregate,NA\n")
with open(d + "/data.csv", "w") as f:
    f.write("uCode," + ",".join("I%d" % (i + 1) for i in range(60)) + "\n")
    for u in range(500):
        vals = ["NA" if random.random() < 0.02 else "%.6g" % random.lognormvariate(3, 0.5) for _ in range(60)]
        f.write("U%03d," % (u + 1) + ",".join(vals) + "\n")
PYEOF
cat >"$TMP/settings.json" <<JSON
{"impute": {"method": "mean"}, "normalise": {"method": "minmax", "lower": 1, "upper": 100},
 "aggregate": {"method": "arithmetic"},
 "uncertainty": {"reps": $REPS, "seed": 7, "weight_noise": 0.25,
   "impute": ["mean", "median"],
   "normalise": [{"method": "minmax", "lower": 1, "upper": 100}, {"method": "zscore", "mean": 100, "sd": 10}],
   "aggregate": ["arithmetic", "geometric"]}}
JSON
# best wall time of RUNS runs of a command, in seconds, from measure's line
best() {
	b=
	for _ in $(seq "$RUNS"); do
		t=$($M x "$@" 2>&1 >/dev/null | sed -n 's/.* \([0-9.]*\) s.*/\1/p' | tail -1)
		b=$(echo "$t ${b:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$b"
}
$T index run --idata "$TMP/data.csv" --imeta "$TMP/meta.csv" --settings "$TMP/settings.json" --format json >"$TMP/tvet.json"
$PY -c 'import json,sys; [print(u["uCode"], u["rank"]) for u in json.load(open(sys.argv[1]))["units"]]' "$TMP/tvet.json" >"$TMP/tvet.ranks"
$PY bench/index_numpy.py "$TMP/data.csv" "$TMP/meta.csv" 10 >"$TMP/numpy.ranks"
if ! cmp -s "$TMP/tvet.ranks" "$TMP/numpy.ranks"; then
	echo "index: tvet and NumPy disagree on the nominal ranks" >&2
	diff "$TMP/tvet.ranks" "$TMP/numpy.ranks" | head >&2
	exit 1
fi
mem=$($M x $T index run --idata "$TMP/data.csv" --imeta "$TMP/meta.csv" --settings "$TMP/settings.json" 2>&1 >/dev/null | tail -1)
tt=$(best $T index run --idata "$TMP/data.csv" --imeta "$TMP/meta.csv" --settings "$TMP/settings.json")
tn=$(best $PY bench/index_numpy.py "$TMP/data.csv" "$TMP/meta.csv" "$REPS")
echo "index: 500 units x 60 indicators, 3 levels, $REPS Monte Carlo replications (same nominal ranks)"
printf '  tvet index run   %8.3f s   (%s)\n' "$tt" "$mem"
printf '  NumPy            %8.3f s\n' "$tn"
echo "$tt $tn" | awk '{ printf "  tvet is %.1fx faster than NumPy (goal >= 10x)\n", $2 / $1 }'
