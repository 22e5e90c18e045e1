# indicator.sh - `tvet indicator list|value|eval` end to end on the demo
# city: the demo's designed outcomes (docs/demo-data.md), the same figures
# recomputed with SQL from the stored rows, the schools' rows, formulas with
# filters, periods and count(), refused input, and a value that follows an
# import.
. "$(dirname "$0")/lib.sh"
DB="$WORK/ind.db"
demo_db
ind() { run "$TVET" --db "$DB" indicator "$@"; }
# field ORG N [YEAR]: column N of the csv row of stdout for ORG (and YEAR)
field() { tr -d '\r' < "$WORK/out" | awk -F, -v o="$1" -v n="$2" -v y="${3:-}" '$1 == o && (y == "" || $3 == y) { print $n; exit }'; }

# ---- list ----
ind list --format json
expect_rc 0 "indicator list"
[ "$(grep -c '"code":' "$WORK/out")" -eq 11 ] && ok "the 11 indicators are listed" ||
	not_ok "the 11 indicators are listed" "$(grep -c '"code":' "$WORK/out")"
for code in progression_rate_secondary progression_rate_higher training_ratio local_retention_rate \
	dropout_rate student_offences continuation_rate_junior secondary_places \
	higher_fulltime_enrolment shuanggao_share contribution_index_city; do
	grep -qF "\"code\": \"$code\"" "$WORK/out" || missing="${missing:-} $code"
done
[ -z "${missing:-}" ] && ok "every indicator of the plan's rate targets is there" || not_ok "indicators" "missing:$missing"
expect_out '"numerator": "graduates[destination=升学专科|升学本科]"' "the list shows a numerator"
expect_out '"scope": "level=中职|技工|技师学院"' "the list shows a scope"
ind list --format csv
[ "$(sed -n 2p "$WORK/out" | cut -d, -f1)" = progression_rate_secondary ] &&
	ok "the list is in file order" || not_ok "the list is in file order" "$(sed -n 2p "$WORK/out")"

# ---- the demo's designed outcomes ----
# values VAL VAL...: the value column of stdout's rows, in order
values() { tail -n +2 "$WORK/out" | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//'; }
designed() { # CODE EXPECTED
	ind value "$1" --years 2021-2025 --format csv
	if [ "$rc" -eq 0 ] && [ "$(values)" = "$2" ]; then ok "$1 2021-2025: $2"
	else not_ok "$1 2021-2025" "got '$(values)', wanted '$2'; $(head -c 200 "$WORK/err")"; fi
}
designed progression_rate_secondary "45.7 47.5 49.5 51.2 57.4"
designed dropout_rate "2.02 2.04 1.90 1.79 1.38"
designed training_ratio "1.63 1.77 1.91 2.05 2.21"
# and the 2021 and 2025 columns of that table for every rate target
ends() { # CODE 2021 2025
	ind value "$1" --years 2021-2025 --format csv
	got="$(field 3309 4 2021) $(field 3309 4 2025)"
	[ "$got" = "$2 $3" ] && ok "$1: $2 in 2021, $3 in 2025" || not_ok "$1 2021/2025" "got '$got', wanted '$2 $3'"
}
ends progression_rate_higher 8.6 12.0
ends local_retention_rate 27.0 32.2
ends student_offences 3 0
ends continuation_rate_junior 99.4 100.0
ends secondary_places 8670 11480
ends higher_fulltime_enrolment 8438 10072
ind value student_offences --year 2025 --format csv
[ "$(field 3309 5)" = 0 ] && ok "a stored 0 shows as 0" || not_ok "stored 0" "$(cat "$WORK/out")"
ind value contribution_index_city --year 2020 --format csv
expect_rc 0 "an indicator in a year without data"
[ "$(field 3309 4)/$(field 3309 5)" = "/" ] && ok "without data the value is empty, not 0" || not_ok "no data" "$(cat "$WORK/out")"
ind value progression_rate_secondary --year 2025 --format csv
expect_out "org,name,year,value,numerator,denominator" "value --format csv has the header"
[ "$(wc -l < "$WORK/out")" -eq 2 ] && ok "without --schools: the city's row only" || not_ok "one row" "$(cat "$WORK/out")"

# ---- recomputed with SQL: the ratio of sums over the schools in scope ----
for y in 2021 2023 2025; do
	ind value progression_rate_secondary --year $y --format csv
	got="$(field 3309 5)/$(field 3309 6)/$(field 3309 4)"
	want=$(sql "SELECT sum(CASE WHEN d.dims IN ('destination=升学专科', 'destination=升学本科')
		THEN d.value END) || '/' || sum(CASE WHEN d.dims = '' THEN d.value END) || '/' ||
		printf('%.1f', 100.0 * sum(CASE WHEN d.dims IN ('destination=升学专科', 'destination=升学本科')
		THEN d.value END) / sum(CASE WHEN d.dims = '' THEN d.value END))
		FROM datavalue d JOIN org o ON o.id = d.org_id
		WHERE o.kind = 'school' AND o.school_level IN ('中职', '技工', '技师学院')
		AND d.element = 'graduates' AND d.year = $y" | sed 's/\.0\//\//g')
	[ -n "$want" ] && [ "$got" = "$want" ] && ok "progression_rate_secondary $y = SQL's ratio of sums ($got)" ||
		not_ok "progression_rate_secondary $y = SQL" "tvet $got, SQL $want"
done
# the mean of the schools' rates is another (wrong) number
mean=$(sql "SELECT printf('%.1f', avg(r)) FROM (SELECT 100.0 * sum(CASE WHEN d.dims IN
	('destination=升学专科', 'destination=升学本科') THEN d.value END) /
	sum(CASE WHEN d.dims = '' THEN d.value END) AS r FROM datavalue d JOIN org o ON o.id = d.org_id
	WHERE o.school_level IN ('中职', '技工', '技师学院') AND d.element = 'graduates'
	AND d.year = 2025 GROUP BY o.id)")
[ -n "$mean" ] && [ "$mean" != "57.4" ] && ok "the city's 57.4 is not the mean of the schools' rates ($mean)" ||
	not_ok "mean differs" "$mean"
ind value dropout_rate --org 330902 --year 2025 --format csv
want=$(sql "SELECT printf('%.2f', 100.0 * sum(CASE WHEN element = 'dropouts' THEN value END) /
	sum(CASE WHEN element = 'enrolment' THEN value END)) FROM datavalue d JOIN org o ON o.id = d.org_id
	JOIN org p ON p.id = o.parent_id WHERE p.code = '330902' AND d.year = 2025 AND d.dims = ''")
[ "$(field 330902 4)" = "$want" ] && ok "dropout_rate at district 330902 = SQL ($want)" ||
	not_ok "dropout_rate at 330902" "tvet $(field 330902 4), SQL $want"

# ---- --schools ----
ind value progression_rate_secondary --year 2025 --schools --format csv
expect_rc 0 "value --schools"
schools=$(grep -c '^3309[0-9]*S' "$WORK/out")
want=$(sql "SELECT count(*) FROM org WHERE school_level IN ('中职', '技工', '技师学院')")
[ "$schools" -eq "$want" ] && ok "a row for each of the $want schools in scope" || not_ok "--schools rows" "$schools, wanted $want"
grep -q '^330902S01,' "$WORK/out" && not_ok "a 高职 school is out of this scope" || ok "a 高职 school is out of this scope"
sums=$(awk -F, '$1 ~ /S/ { n += $5; d += $6 } END { print n "/" d }' "$WORK/out")
[ "$sums" = "$(field 3309 5)/$(field 3309 6)" ] && ok "the schools' numerators and denominators add up to the city's" ||
	not_ok "schools add up" "$sums vs $(field 3309 5)/$(field 3309 6)"
s04=$(sql "SELECT printf('%.1f', 100.0 * sum(CASE WHEN dims IN ('destination=升学专科', 'destination=升学本科') THEN value END) /
	sum(CASE WHEN dims = '' THEN value END)) FROM datavalue WHERE element = 'graduates' AND year = 2025
	AND org_id = (SELECT id FROM org WHERE code = '330902S04')")
[ "$(field 330902S04 4)" = "$s04" ] && ok "a school's own rate ($s04)" || not_ok "school rate" "$(field 330902S04 4) vs $s04"
ind value progression_rate_secondary --year 2025 --org 330902 --schools --format csv
[ "$(grep -c '^3309' "$WORK/out")" -eq 4 ] && ok "--org 330902 --schools: the district and its 3 schools in scope" ||
	not_ok "--org 330902 --schools" "$(cat "$WORK/out")"

# ---- eval: filters, periods, count() ----
ind eval 'graduates[level=高职]' --year 2025 --format csv
want=$(sql "SELECT sum(value) FROM datavalue d JOIN org o ON o.id = d.org_id WHERE o.school_level = '高职'
	AND element = 'graduates' AND year = 2025 AND dims = ''" | sed 's/\.0$//')
expect_rc 0 "eval a filtered reference"
[ "$(field 3309 4)" = "$want" ] && ok "graduates[level=高职] = SQL ($want)" || not_ok "graduates[level=高职]" "$(field 3309 4) vs $want"
ind eval 'graduates[level=高职] - graduates[level=高职, year-1]' --year 2025 --format csv
want=$(sql "SELECT sum(CASE WHEN year = 2025 THEN value ELSE -value END) FROM datavalue d JOIN org o ON o.id = d.org_id
	WHERE o.school_level = '高职' AND element = 'graduates' AND year IN (2024, 2025) AND dims = ''" | sed 's/\.0$//')
[ "$(field 3309 4)" = "$want" ] && ok "a year-1 offset: the change on 2024 ($want)" || not_ok "year-1" "$(field 3309 4) vs $want"
ind eval 'graduates[year=2021]' --years 2024-2025 --format csv
[ "$(tail -n +2 "$WORK/out" | cut -d, -f4 | sort -u | wc -l)" -eq 1 ] && ok "year=2021 is the same in every year" || not_ok "absolute year"
ind eval 'graduates[destination=升学*, school=330902S04]' --year 2025 --format csv
want=$(sql "SELECT sum(value) FROM datavalue WHERE element = 'graduates' AND year = 2025
	AND dims IN ('destination=升学专科', 'destination=升学本科')
	AND org_id = (SELECT id FROM org WHERE code = '330902S04')" | sed 's/\.0$//')
[ "$(field 3309 4)" = "$want" ] && ok "a prefix and a school filter ($want)" || not_ok "prefix" "$(field 3309 4) vs $want"
ind eval 'count(registry, type=key_major, level=city)' --years 2021-2025 --format csv
want=$(sql "SELECT count(*) FROM registry_item WHERE type_key = 'key_major' AND recognised_on <= '2025-12-31'")
[ "$(field 3309 4 2025)" = "$want" ] && [ "$want" -eq 16 ] && ok "count(registry, type=key_major, level=city) 2025 = 16" ||
	not_ok "count key_major" "$(field 3309 4 2025) vs $want"
want=$(sql "SELECT count(*) FROM registry_item WHERE type_key = 'key_major' AND recognised_on <= '2022-12-31'")
[ "$(field 3309 4 2022)" = "$want" ] && ok "… and $want by the end of 2022" || not_ok "count key_major 2022" "$(field 3309 4 2022) vs $want"
ind eval 'count(registry, type=industry_committee, level=city, distinct=cluster)' --year 2025 --format csv
[ "$(field 3309 4)" = 5 ] && ok "distinct=cluster: five clusters have a committee" || not_ok "distinct=cluster" "$(cat "$WORK/out")"
ind eval 'count(schools, level=中职)' --year 2021 --format csv
[ "$(field 3309 4)" = 4 ] && ok "count(schools, level=中职) 2021: the new school is not open yet" || not_ok "count(schools) 2021" "$(cat "$WORK/out")"
ind eval 'count(schools, level=中职)' --year 2025 --format csv
[ "$(field 3309 4)" = 5 ] && ok "count(schools, level=中职) 2025 = 5" || not_ok "count(schools) 2025" "$(cat "$WORK/out")"
ind eval 'graduates[destination=退休]' --year 2025 --format csv
[ "$(field 3309 4)" = "" ] && ok "no matching data: an empty value, not 0" || not_ok "no value" "$(cat "$WORK/out")"
ind eval 'graduates' --year 2025 --org 330903S01 --format json
expect_out '"org": "330903S01"' "eval --org at a school"

# ---- refused ----
ind eval 'graduates[destination=升学本科' --year 2025
expect_rc 2 "a formula that does not parse: exit 2"
expect_err "formula: column 27: expected ',' or ']'" "the error gives the column in the formula"
expect_one_line_err "the error is one line"
ind eval '1 + * 2'
expect_rc 2 "'1 + * 2': exit 2"
expect_err "column 5: expected" "the column points at the '*'"
ind eval 'graduats'
expect_rc 2 "an unknown element: exit 2"
expect_err "'graduats' is not a data element" "the error names the element"
ind eval 'graduates[colour=red]'
expect_rc 2 "an unknown dimension: exit 2"
expect_err "'graduates' has no dimension 'colour'" "the error names the dimension"
ind eval 'count(registry, type=no_such_type)'
expect_rc 2 "an unknown registry type: exit 2"
expect_err "registry type 'no_such_type' does not exist" "the error names the type"
ind value dropout_rate --org NOPE
expect_rc 2 "an unknown organisation: exit 2"
expect_err "organisation 'NOPE' is not the city, a district or a school" "the error names the organisation"
ind value dropout_rate --org edu
expect_rc 2 "a department is not an organisation of monitoring"
ind value no_such_indicator
expect_rc 2 "an unknown indicator: exit 2"
expect_err "indicator 'no_such_indicator' does not exist" "the error names the indicator"
ind value dropout_rate --years 2025-2021
expect_rc 1 "--years backwards is a usage error"
ind value
expect_rc 1 "value without a code is a usage error"
ind frobnicate
expect_rc 1 "an unknown indicator command is a usage error"

# ---- an import moves the value ----
# 岱山县职业技术学校's 2025 file by major, as the demo stored it (see import.sh;
# here with every major that has graduates, also one that no longer enrols:
# the school's totals are the sums of the file's rows)
S=330921S01
v() { echo "coalesce((SELECT value FROM datavalue WHERE element='$1' AND org_id=o.id AND year=2025 AND dims='$2'||sm.major_code),0)"; }
LC_ALL=zh_CN.UTF-8 "$TVET" template school_major_stats > "$WORK/good.csv"
sqlite3 -csv "$DB" "SELECT o.code, 2025, sm.major_code, $(v enrolment major=), $(v new_entrants major=),
 $(v graduates major=), $(v graduates 'destination=升学专科;major='), $(v graduates 'destination=升学本科;major='),
 $(v graduates 'destination=本地就业;major='), $(v graduates 'destination=外地就业;major='),
 $(v graduates 'destination=未就业;major='), $(v enrolment_final major=)
 FROM org o JOIN school_major sm ON sm.school_id = o.id AND sm.year = 2025 WHERE o.code = '$S'
 AND ($(v enrolment major=) > 0 OR $(v graduates major=) > 0) ORDER BY sm.major_code" |
	sed 's/\.0,/,/g; s/\.0$//' >> "$WORK/good.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/good.csv"
expect_out "0 values changed" "the school's file as stored changes nothing"
# five graduates of the first major with enough 本地就业 progress to 专科 instead
awk -F, -v OFS=, 'NR > 1 && $9 >= 5 && !done { $7 += 5; $9 -= 5; done = 1 } { print }' "$WORK/good.csv" > "$WORK/moved.csv"
cmp -s "$WORK/good.csv" "$WORK/moved.csv" && not_ok "a row to change" || ok "five graduates move from 本地就业 to 升学专科"
ind value progression_rate_secondary --year 2025 --format csv
num=$(field 3309 5); den=$(field 3309 6); before=$(field 3309 4)
run "$TVET" --db "$DB" import school_major_stats "$WORK/moved.csv"
expect_rc 0 "the changed file imports"
ind value progression_rate_secondary --year 2025 --format csv
want=$(awk -v n="$num" -v d="$den" 'BEGIN { printf "%.1f", 100 * (n + 5) / d }')
[ "$(field 3309 5)" = "$((num + 5))" ] && [ "$(field 3309 6)" = "$den" ] &&
	ok "the numerator grows by 5 ($num -> $((num + 5))), the denominator stays $den" ||
	not_ok "numerator after import" "$(cat "$WORK/out")"
[ "$(field 3309 4)" = "$want" ] && [ "$want" != "$before" ] && ok "the city's rate moves from $before to $want" ||
	not_ok "value after import" "got $(field 3309 4), wanted $want (before $before)"
ind value progression_rate_secondary --year 2025 --org $S --format csv
want=$(sql "SELECT printf('%.1f', 100.0 * sum(CASE WHEN dims IN ('destination=升学专科', 'destination=升学本科') THEN value END) /
	sum(CASE WHEN dims = '' THEN value END)) FROM datavalue WHERE element = 'graduates' AND year = 2025
	AND org_id = (SELECT id FROM org WHERE code = '$S')")
[ "$(field $S 4)" = "$want" ] && ok "the school's own rate follows its new destinations ($want)" || not_ok "school after import" "$(field $S 4) vs $want"
finish
