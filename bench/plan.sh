#!/bin/sh
# plan.sh - the plan-monitoring benchmark of `make bench` (issue 4; also
# runs alone: sh bench/plan.sh). Times, on the demo city and on a city
# BENCH_SCALE (default 20) times its size:
#   - `tvet plan status --format json`: every target of the plan assessed;
#   - one formula over all schools x years, `tvet indicator eval ... --schools
#     --years 2021-2025 --format csv`, beside a hand-written SQL query that
#     computes the same values, run by the sqlite3 shell on the same file:
#     the speed limit of reading the same rows. Both outputs, rounded to 6
#     decimals, must agree, else the benchmark fails. Goal: tvet within 2x.
# The larger city is the demo's schools cloned with the sqlite3 shell (new
# codes, same districts) with their datavalue, school_major and
# registry_item rows; `tvet check` proves the copy consistent.
#
# A time is the best of BENCH_RUNS (default 7, at least 5) runs under
# bench/measure; as measure shows milliseconds and a call on the demo city
# takes a few, each run is a batch of calls in a loop sized to last about
# 0.1 s, and the time per call is the batch's divided by its calls (process
# start included, as a user sees it). The runs of tvet and sqlite3
# alternate, so that a busy machine slows both. Peak memory is one call's.
# TVET (default ./build/tvet) names the program: `make bench` passes $(B)/tvet.
set -eu
cd "$(dirname "$0")/.."
T=${TVET:-./build/tvet}
RUNS=${BENCH_RUNS:-7}
SCALE=${BENCH_SCALE:-20}
M=build/bench/measure
FORMULA='graduates[destination=升学专科|升学本科] / graduates * 100'
FROM=2021
TO=2025
mkdir -p build/bench
cc -O2 -o $M bench/measure.c
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# dash runs the EXIT trap on exit only: make ^C exit, so the files go too.
trap 'exit 130' INT TERM

if [ "$RUNS" -lt 5 ] || [ "$SCALE" -lt 2 ]; then
	echo "plan.sh: BENCH_RUNS must be 5 or more and BENCH_SCALE 2 or more" >&2
	exit 1
fi

# measure LABEL COMMAND...: run it under bench/measure, stop the benchmark
# with its output if it fails, else set WALL (s) and PEAK (MiB).
measure()
{
	label=$1
	shift
	if ! $M "$label" "$@" >"$TMP/out" 2>"$TMP/err"; then
		echo "plan.sh: $label failed:" >&2
		tail -n 20 "$TMP/out" "$TMP/err" >&2
		exit 1
	fi
	# measure's own line is the last on stderr, after the command's.
	WALL=$(tail -n 1 "$TMP/err" | sed 's/.* wall *\([0-9.]*\) s.*/\1/')
	PEAK=$(tail -n 1 "$TMP/err" | sed 's/.* peak *\([0-9.]*\) MiB.*/\1/')
}

# first LABEL COMMAND...: one call, its output kept in $TMP/first and its
# peak in CALL_MIB; CALLS is the number of calls that fill a batch of about
# 0.1 s, from this call's time.
first()
{
	measure "$@"
	cp "$TMP/out" "$TMP/first"
	CALL_MIB=$PEAK
	CALLS=$(awk -v w="$WALL" 'BEGIN { n = int(0.1 / (w > 0.001 ? w : 0.001)); print n < 1 ? 1 : n }')
}

# batch LABEL CALLS BEST COMMAND...: CALLS calls in a loop under measure;
# prints the lower of BEST (ms per call, or empty) and this batch's.
batch()
{
	label=$1 calls=$2 best=$3
	shift 3
	measure "$label" sh -c 'n=$1; shift; i=0
		while [ "$i" -lt "$n" ]; do "$@" >/dev/null || exit 1; i=$((i + 1)); done' \
		sh "$calls" "$@"
	awk -v w="$WALL" -v n="$calls" -v b="$best" 'BEGIN { ms = w * 1000 / n
		printf "%.2f\n", (b == "" || ms < b + 0) ? ms : b }'
}

# The formula's values by hand: per school and year, and the city's (the sums
# over every organisation of the city's tree, as monitor/ adds them up), the
# graduates going on to study over all graduates. A missing numerator or
# denominator or a zero denominator gives no value, as in a formula. Printed
# with tvet's 10 significant digits, so that a value on a rounding boundary
# rounds the same way on both sides.
QUERY="WITH RECURSIVE years(y) AS (SELECT $FROM UNION ALL SELECT y + 1 FROM years WHERE y < $TO),
cell AS (
	SELECT org_id, year,
		sum(value) FILTER (WHERE dims IN ('destination=升学专科', 'destination=升学本科')) AS num,
		sum(value) FILTER (WHERE dims = '') AS den
	FROM datavalue WHERE element = 'graduates' AND year BETWEEN $FROM AND $TO
	GROUP BY org_id, year),
tree AS (SELECT id FROM org WHERE kind IN ('city', 'district', 'school')),
result(code, year, num, den) AS (
	SELECT o.code, years.y, cell.num, cell.den
	FROM org AS o CROSS JOIN years
	LEFT JOIN cell ON cell.org_id = o.id AND cell.year = years.y
	WHERE o.kind = 'school'
	UNION ALL
	SELECT (SELECT code FROM org WHERE kind = 'city'), years.y, sum(cell.num), sum(cell.den)
	FROM years LEFT JOIN (cell JOIN tree ON tree.id = cell.org_id) ON cell.year = years.y
	GROUP BY years.y),
rate(code, year, v) AS (SELECT code, year, num / nullif(den, 0) * 100 FROM result)
SELECT code, year, CASE WHEN v IS NOT NULL THEN printf('%.10g', v) END FROM rate
ORDER BY code, year;"

# Clone every school of the demo SCALE - 1 times: code 330902S01 gives
# 330902S01C01..., under the same district; the clones get copies of the
# school's values, majors and registry items. Foreign keys are on, so a
# dangling reference fails the insert; tvet check proves it afterwards.
CLONE="PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE clone AS
WITH RECURSIVE copies(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < $SCALE - 1)
SELECT o.id AS old_id, copies.k AS k,
	(SELECT max(id) FROM org) + row_number() OVER (ORDER BY copies.k, o.id) AS new_id
FROM org AS o, copies WHERE o.kind = 'school';
INSERT INTO org (id, code, name, name_en, kind, school_level, parent_id, division_code,
	ownership, founded_year, batch_id, batch_row)
SELECT c.new_id, o.code || printf('C%02d', c.k), o.name || printf('（%d）', c.k),
	o.name_en || printf(' (%d)', c.k), o.kind, o.school_level, o.parent_id, o.division_code,
	o.ownership, o.founded_year, o.batch_id, o.batch_row
FROM clone AS c JOIN org AS o ON o.id = c.old_id;
INSERT INTO datavalue (org_id, year, element, dims, value)
SELECT c.new_id, d.year, d.element, d.dims, d.value
FROM clone AS c JOIN datavalue AS d ON d.org_id = c.old_id;
INSERT INTO school_major (school_id, year, major_code, batch_id, batch_row)
SELECT c.new_id, m.year, m.major_code, m.batch_id, m.batch_row
FROM clone AS c JOIN school_major AS m ON m.school_id = c.old_id;
INSERT INTO registry_item (type_key, name, level, recognised_on, school_id, enterprise_id,
	major_code, cluster_code, alliance_code, note, batch_id, batch_row)
SELECT r.type_key, r.name || printf('（%d）', c.k), r.level, r.recognised_on, c.new_id,
	r.enterprise_id, r.major_code, r.cluster_code, r.alliance_code, r.note, r.batch_id,
	r.batch_row
FROM clone AS c JOIN registry_item AS r ON r.school_id = c.old_id;
COMMIT;"

# values FILE: "code,year,value" rounded to 6 decimals, sorted, from a CSV
# whose first field is the code and last two the year and value (tvet's
# name between them may hold quoted commas; its lines end in CRLF).
values()
{
	LC_ALL=C awk -F, '{ sub(/\r$/, ""); v = $NF; if (v != "") v = sprintf("%.6f", v)
		print $1 "," $(NF - 1) "," v }' "$1" | LC_ALL=C sort
}

# bench_city NAME DB: the cases on one database, into the results. The
# batches of tvet and of sqlite3 alternate, so that both see the same load.
bench_city()
{
	schools=$(sqlite3 "$2" "SELECT count(*) FROM org WHERE kind = 'school'")
	what="$1, $schools schools"
	first "plan status ($what)" $T --db "$2" plan status --format json
	plan_mib=$CALL_MIB plan_calls=$CALLS plan_ms=
	first "indicator eval ($what)" $T --db "$2" indicator eval "$FORMULA" --schools \
		--years $FROM-$TO --format csv
	tail -n +2 "$TMP/first" >"$TMP/tvet.csv"
	eval_mib=$CALL_MIB eval_calls=$CALLS eval_ms=
	first "sqlite3 query ($what)" sqlite3 -csv "$2" "$QUERY"
	cp "$TMP/first" "$TMP/sqlite3.csv"
	sql_calls=$CALLS sql_ms=
	run=0
	while [ "$run" -lt "$RUNS" ]; do
		plan_ms=$(batch plan "$plan_calls" "$plan_ms" $T --db "$2" plan status --format json)
		eval_ms=$(batch eval "$eval_calls" "$eval_ms" $T --db "$2" indicator eval "$FORMULA" \
			--schools --years $FROM-$TO --format csv)
		sql_ms=$(batch sqlite3 "$sql_calls" "$sql_ms" sqlite3 -csv "$2" "$QUERY")
		run=$((run + 1))
	done
	echo "  $what: best of $RUNS runs of $plan_calls, $eval_calls and $sql_calls calls"
	echo "plan status ($what)|$plan_ms|-|$plan_mib" >>"$TMP/results"
	echo "indicator eval ($what)|$eval_ms|$sql_ms|$eval_mib" >>"$TMP/results"
	values "$TMP/tvet.csv" >"$TMP/tvet.values"
	values "$TMP/sqlite3.csv" >"$TMP/sqlite3.values"
	rows=$(((schools + 1) * (TO - FROM + 1)))
	if ! cmp -s "$TMP/tvet.values" "$TMP/sqlite3.values" ||
		[ "$(wc -l <"$TMP/tvet.values")" -ne "$rows" ] ||
		! grep -q '[0-9]$' "$TMP/tvet.values"; then
		echo "plan.sh: $1: tvet indicator eval and the sqlite3 query differ" \
			"(or lack the $rows rows of the city and each school x year):" >&2
		diff "$TMP/tvet.values" "$TMP/sqlite3.values" | head -n 20 >&2
		exit 1
	fi
	echo "  $what: tvet and sqlite3 agree on $rows values (6 decimals)"
}

echo "plan: tvet plan status; tvet indicator eval against a sqlite3 $(sqlite3 --version |
	cut -d' ' -f1) query of the same values"
$T --db "$TMP/demo.db" init >/dev/null
$T --db "$TMP/demo.db" demo >/dev/null
sqlite3 "$TMP/demo.db" ".backup '$TMP/big.db'"
printf '%s\n' "$CLONE" | sqlite3 "$TMP/big.db"
$T --db "$TMP/big.db" check >/dev/null
echo "  ${SCALE}x city: $(sqlite3 "$TMP/big.db" "SELECT (SELECT count(*) FROM org WHERE
	kind = 'school') || ' schools, ' || (SELECT count(*) FROM datavalue) || ' values, ' ||
	(SELECT count(*) FROM school_major) || ' majors, ' || (SELECT count(*) FROM
	registry_item) || ' registry items'"), tvet check ok"

bench_city demo "$TMP/demo.db"
bench_city "${SCALE}x" "$TMP/big.db"

awk -F'|' '
BEGIN { printf "%-38s %13s %16s %7s %9s\n", "case", "tvet ms/call", "sqlite3 ms/call",
	"ratio", "tvet MiB" }
{
	ratio = $3 == "-" ? "-" : sprintf("%.2f%s", $2 / $3, $2 / $3 > 2 ? "!" : "")
	printf "%-38s %13.2f %16s %7s %9.1f\n", $1, $2, $3, ratio, $4
}
END { print "ratio = tvet ms / sqlite3 ms per call (process start included), goal <= 2 (!: over);" \
	" MiB is peak RSS" }' "$TMP/results"
