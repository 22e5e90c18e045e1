#!/bin/sh
# import.sh - the import benchmark of `make bench` (also runs alone:
# sh bench/import.sh). Imports generated job postings and school statistics
# with `tvet import` and prints the rows per second beside those of the
# sqlite3 shell's .import of the same file into a table of the file's shape:
# the raw speed limit, with no validation at all. Goal: tvet at 0.50 or more
# of the raw rate, and peak memory flat in file size, which is why each kind
# is imported at two sizes, a tenth and the whole.
#
# BENCH_POSTINGS (default 1000000) and BENCH_STATS (default 100000, at most
# 100 years per school) set the sizes for a quick run.
set -eu
cd "$(dirname "$0")/.."
POSTINGS=${BENCH_POSTINGS:-1000000}
STATS=${BENCH_STATS:-100000}
SMALL=$((POSTINGS / 10))
STATS_SMALL=$((STATS / 10))
SCHOOLS=$(((STATS + 99) / 100))
T=./build/tvet
M=build/bench/measure
G=build/bench/gencsv
mkdir -p build/bench
cc -O2 -o $M bench/measure.c
cc -O2 -o $G bench/gencsv.c
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# dash runs the EXIT trap on exit only: make ^C exit, so the files go too.
trap 'exit 130' INT TERM

# measure LABEL COMMAND...: run it under bench/measure, stop the benchmark
# with its output if it fails, else set WALL (s) and PEAK (MiB).
measure()
{
	label=$1
	shift
	if ! $M "$label" "$@" >"$TMP/out" 2>"$TMP/err"; then
		echo "import.sh: $label failed:" >&2
		cat "$TMP/out" "$TMP/err" >&2
		exit 1
	fi
	# measure's own line is the last on stderr, after the command's.
	WALL=$(tail -n 1 "$TMP/err" | sed 's/.* wall *\([0-9.]*\) s.*/\1/')
	PEAK=$(tail -n 1 "$TMP/err" | sed 's/.* peak *\([0-9.]*\) MiB.*/\1/')
}

# expect_count DB SQL N: the import must have stored every row.
expect_count()
{
	got=$(sqlite3 "$1" "$2")
	if [ "$got" != "$3" ]; then
		echo "import.sh: $1: expected $3 rows, found $got ($2)" >&2
		exit 1
	fi
}

# The file's size in MiB, for the table.
mib()
{
	wc -c <"$1" | awk '{ printf "%.1f", $1 / 1048576 }'
}

# tvet_import LABEL KIND FILE ROWS COUNT_SQL: a fresh database with the
# benchmark's schools, then the import measured; TVET_S and TVET_MIB.
tvet_import()
{
	rm -f "$TMP/b.db" "$TMP/b.db-wal" "$TMP/b.db-shm"
	$T --db "$TMP/b.db" init >/dev/null
	$T --db "$TMP/b.db" import schools "$TMP/schools.csv" >/dev/null
	measure "tvet import $1" $T --db "$TMP/b.db" import "$2" "$3"
	# tvet's summary: rows imported and warnings (errors would have failed).
	echo "  $(tail -n 1 "$TMP/out")"
	expect_count "$TMP/b.db" "$5" "$4"
	TVET_S=$WALL TVET_MIB=$PEAK
}

# raw_import LABEL FILE ROWS DDL: the sqlite3 shell's .import of FILE into
# table t made by DDL, in a fresh database in tvet's journal mode (WAL) and
# synchronous setting (NORMAL); RAW_S and RAW_MIB.
raw_import()
{
	rm -f "$TMP/raw.db" "$TMP/raw.db-wal" "$TMP/raw.db-shm"
	printf '%s\n' "$4" | sqlite3 -cmd 'PRAGMA journal_mode=WAL' "$TMP/raw.db" >/dev/null
	measure "sqlite3 .import $1" sqlite3 -cmd 'PRAGMA synchronous=NORMAL' "$TMP/raw.db" \
		".import --csv --skip 1 \"$2\" t"
	expect_count "$TMP/raw.db" "SELECT count(*) FROM t" "$3"
	RAW_S=$WALL RAW_MIB=$PEAK
}

# The raw side's postings table: exactly the CSV's columns in the CSV's
# order, each with the type and NOT NULL of the posting column it fills
# (the CSV's enterprise fills enterprise_id, and so on), and every index of
# ours whose columns all come from the CSV. Our posting table has more
# columns (id, dup_of, the import's batch), which the file does not fill.
# Read from the database `tvet init` made, so it follows our migrations.
posting_ddl()
{
	sqlite3 "$1" <<'EOF'
WITH csv(pos, name, col) AS (VALUES
	(1, 'source', 'source'), (2, 'source_ref', 'source_ref'), (3, 'posted_on', 'posted_on'),
	(4, 'title', 'title'), (5, 'company', 'company'), (6, 'enterprise', 'enterprise_id'),
	(7, 'division', 'division_code'), (8, 'district_text', 'district_text'),
	(9, 'salary_text', 'salary_text'), (10, 'education_text', 'education_text'),
	(11, 'experience_text', 'experience_text'), (12, 'headcount', 'headcount'),
	(13, 'description', 'description'), (14, 'occupation', 'label_occupation'))
SELECT 'CREATE TABLE t (' || group_concat(def, ', ') || ');' FROM (
	SELECT csv.name || ' ' || ti.type || iif(ti."notnull", ' NOT NULL', '') AS def
	FROM csv JOIN pragma_table_info('posting') AS ti ON ti.name = csv.col ORDER BY csv.pos)
UNION ALL
SELECT * FROM (
	SELECT 'CREATE ' || iif(u, 'UNIQUE ', '') || 'INDEX ' || idx || ' ON t(' ||
		group_concat(c, ', ') || ');'
	FROM (SELECT il.name AS idx, il."unique" AS u, csv.name AS c
		FROM pragma_index_list('posting') AS il JOIN pragma_index_info(il.name) AS ii
		LEFT JOIN csv ON csv.col = ii.name
		WHERE il.origin <> 'pk' ORDER BY il.name, ii.seqno)
	GROUP BY idx HAVING count(c) = count(*));
EOF
}

# The statistics are stored one value per cell (datavalue); the raw side
# gets the file's shape instead: one row per school and year, keyed by both
# as our import requires, counts INTEGER and amounts REAL.
STATS_DDL='CREATE TABLE t (code TEXT NOT NULL, year INTEGER NOT NULL,
	places INTEGER, dropouts INTEGER, graduates_matched INTEGER,
	graduates_partner INTEGER, employed_pay_sum REAL, employed_pay_n INTEGER,
	training_person_times INTEGER, training_hours INTEGER,
	training_revenue REAL, fulltime_teachers INTEGER,
	PRIMARY KEY (code, year));'

# result KIND ROWS FILE: one line of the table, from the last two imports.
result()
{
	echo "$1 $2 $(mib "$3") $TVET_S $TVET_MIB $RAW_S $RAW_MIB" >>"$TMP/results"
}

echo "import: tvet import against sqlite3 $(sqlite3 --version | cut -d' ' -f1) .import of the same file"
$G schools "$SCHOOLS" >"$TMP/schools.csv"
$G postings "$SMALL" >"$TMP/postings_small.csv"
$G postings "$POSTINGS" >"$TMP/postings.csv"
$G school_stats "$STATS_SMALL" >"$TMP/stats_small.csv"
$G school_stats "$STATS" >"$TMP/stats.csv"
$T --db "$TMP/ddl.db" init >/dev/null
PDDL=$(posting_ddl "$TMP/ddl.db")
COUNT_POSTINGS="SELECT count(*) FROM posting"
COUNT_STATS="SELECT count(*) FROM datavalue WHERE element = 'fulltime_teachers'"

tvet_import "postings ($SMALL)" postings "$TMP/postings_small.csv" "$SMALL" "$COUNT_POSTINGS"
raw_import "postings ($SMALL)" "$TMP/postings_small.csv" "$SMALL" "$PDDL"
result postings "$SMALL" "$TMP/postings_small.csv"
tvet_import "postings ($POSTINGS)" postings "$TMP/postings.csv" "$POSTINGS" "$COUNT_POSTINGS"
raw_import "postings ($POSTINGS)" "$TMP/postings.csv" "$POSTINGS" "$PDDL"
result postings "$POSTINGS" "$TMP/postings.csv"
tvet_import "school_stats ($STATS_SMALL)" school_stats "$TMP/stats_small.csv" "$STATS_SMALL" \
	"$COUNT_STATS"
raw_import "school_stats ($STATS_SMALL)" "$TMP/stats_small.csv" "$STATS_SMALL" "$STATS_DDL"
result school_stats "$STATS_SMALL" "$TMP/stats_small.csv"
tvet_import "school_stats ($STATS)" school_stats "$TMP/stats.csv" "$STATS" "$COUNT_STATS"
raw_import "school_stats ($STATS)" "$TMP/stats.csv" "$STATS" "$STATS_DDL"
result school_stats "$STATS" "$TMP/stats.csv"

awk '
BEGIN {
	printf "%-12s %8s %8s %8s %11s %8s %9s %11s %8s %7s\n", "kind", "rows", "file MiB",
		"tvet s", "tvet rows/s", "tvet MiB", "sqlite3 s", "sqlite3 r/s", "sq3 MiB",
		"ratio"
}
{
	# A tiny quick run can take less than the millisecond measure shows.
	tvet = $2 / ($4 > 0 ? $4 : 0.001); raw = $2 / ($6 > 0 ? $6 : 0.001)
	printf "%-12s %8d %8.1f %8.3f %11.0f %8.1f %9.3f %11.0f %8.1f %7.2f\n", $1, $2, $3, $4,
		tvet, $5, $6, raw, $7, tvet / raw
	# Each kind comes at a tenth of its size, then whole.
	if ($1 in rows)
		memory = memory sprintf("memory of %s: tvet peak %.1f MiB at %d rows, " \
			"%.1f MiB at %d (x%.1f for x%.0f rows; goal: flat)\n", $1, peak[$1],
			rows[$1], $5, $2, $5 / peak[$1], $2 / rows[$1])
	rows[$1] = $2; peak[$1] = $5
}
END {
	print "ratio = tvet rows/s / sqlite3 rows/s, goal >= 0.50; MiB columns are peak RSS"
	printf "%s", memory
}' "$TMP/results"
