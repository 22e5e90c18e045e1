# import.sh - `tvet template`, `tvet import`, `tvet history` and
# `tvet submission` end to end on the demo city: a valid file imports whole
# and idempotently; each broken file is refused with the row, the column and
# the rule, and leaves the database byte for byte as it was.
. "$(dirname "$0")/lib.sh"
DB="$WORK/i.db"
demo_db

# A school's 2025 figures by major, as the demo stored them.
S=330921S01
v() { echo "coalesce((SELECT value FROM datavalue WHERE element='$1' AND org_id=o.id AND year=2025 AND dims='$2'||sm.major_code),0)"; }
LC_ALL=zh_CN.UTF-8 "$TVET" --db "$DB" template school_major_stats > "$WORK/good.csv"
sqlite3 -csv "$DB" "SELECT o.code, 2025, sm.major_code, $(v enrolment major=), $(v new_entrants major=),
 $(v graduates major=), $(v graduates 'destination=升学专科;major='), $(v graduates 'destination=升学本科;major='),
 $(v graduates 'destination=本地就业;major='), $(v graduates 'destination=外地就业;major='),
 $(v graduates 'destination=未就业;major='), $(v enrolment_final major=)
 FROM org o JOIN school_major sm ON sm.school_id = o.id AND sm.year = 2025 WHERE o.code = '$S'
 AND $(v enrolment major=) > 0 ORDER BY sm.major_code" | sed 's/\.0,/,/g; s/\.0$//' >> "$WORK/good.csv"
rows=$(($(wc -l < "$WORK/good.csv") - 1))
[ "$rows" -ge 5 ] && ok "a school file of $rows majors" || not_ok "a school file" "$rows rows"

run "$TVET" template school_major_stats
expect_out "School code,Year,Major code" "the template has the English headers"
LC_ALL=zh_CN.UTF-8 run "$TVET" template school_major_stats
expect_out "学校代码,年度,专业代码,在校生数" "the template has the Chinese headers under zh_CN"
run "$TVET" template nosuchkind
expect_rc 1 "an unknown kind is a usage error"
expect_err "school_major_stats" "the error lists the kinds"

dump() { sqlite3 "$DB" .dump > "$WORK/$1"; }
dump before
run "$TVET" --db "$DB" import school_major_stats "$WORK/good.csv" --dry-run
expect_rc 0 "a valid file passes --dry-run"
expect_out "nothing written" "--dry-run says nothing was written"
dump after
cmp -s "$WORK/before" "$WORK/after" && ok "--dry-run writes nothing" || not_ok "--dry-run writes nothing"

run "$TVET" --db "$DB" import school_major_stats "$WORK/good.csv"
expect_rc 0 "the valid file imports"
expect_out "imported $rows rows" "the import reports its rows"
run "$TVET" --db "$DB" import school_major_stats "$WORK/good.csv"
expect_out "0 values changed" "re-importing the same file changes nothing (idempotent)"
run "$TVET" --db "$DB" history --imports --format csv
[ "$(grep -c school_major_stats "$WORK/out")" -eq 2 ] && ok "both imports are on record" || not_ok "both imports are on record"
expect_out "$S" "the record names the school"

# A changed value is written, its total follows, and the history keeps both.
awk -F, -v OFS=, 'NR==2 { $4 = $4 + 10 } { print }' "$WORK/good.csv" > "$WORK/more.csv"
total_before=$(sqlite3 "$DB" "SELECT value FROM datavalue d JOIN org o ON o.id=d.org_id WHERE o.code='$S' AND element='enrolment' AND year=2025 AND dims=''")
run "$TVET" --db "$DB" import school_major_stats "$WORK/more.csv"
expect_out "2 values changed" "one more student changes the major's and the school's enrolment"
total_after=$(sqlite3 "$DB" "SELECT value FROM datavalue d JOIN org o ON o.id=d.org_id WHERE o.code='$S' AND element='enrolment' AND year=2025 AND dims=''")
[ "$(awk "BEGIN { print $total_after - $total_before }")" = "10" ] &&
	ok "the school total follows its majors" || not_ok "the school total follows its majors" "$total_before -> $total_after"
run "$TVET" --db "$DB" history --school "$S" --element enrolment --format csv
expect_out "$total_before,$total_after" "the history keeps the old and new total"

# Each broken file: exit 2, the row/column/rule named, database unchanged.
broken() { # NAME AWK-PROGRAM EXPECTED-MESSAGE-FRAGMENT
	awk -F, -v OFS=, "$2" "$WORK/more.csv" > "$WORK/$1.csv"
	dump before
	run "$TVET" --db "$DB" import school_major_stats "$WORK/$1.csv" --errors-out "$WORK/$1.err.csv"
	expect_rc 2 "$1: refused (exit 2)"
	expect_err "$3" "$1: the error says why"
	expect_err "nothing imported" "$1: nothing imported"
	dump after
	cmp -s "$WORK/before" "$WORK/after" && ok "$1: the database is byte for byte unchanged" || not_ok "$1: database unchanged"
}
last=$((rows + 1))
broken negative 'NR==3 { $4 = -5 } { print }' "negative.csv:3: Full-time enrolment: '-5' is not a whole number"
broken not_a_number 'NR==2 { $5 = "many" } { print }' "'many' is not a whole number"
broken destinations "NR==$last { \$7 = \$7 + 1 } { print }" "the destinations must add up to the graduates"
broken unknown_school 'NR==2 { $1 = "999999S99" } { print }' "school '999999S99' does not exist"
broken not_offered 'NR==2 { $3 = "610101" } { print }' "does not offer major 610101"
broken unknown_major 'NR==2 { $3 = "123456" } { print }' "'123456' is not in the majors catalogue"
broken duplicate 'NR==3 { print } { print }' "repeats row"
broken final_year 'NR>1 && $6 > 0 && !done { $12 = $6 - 1; done = 1 } { print }' "the graduates cannot exceed the final-year students (Graduates"
broken missing_column '{ NF = NF - 2; print }' "required column 'Not employed' is missing"
broken empty_cell 'NR==2 { $6 = "" } { print }' "this cell is required"
head -c 3 "$WORK/negative.err.csv" | od -An -tx1 | grep -q "ef bb bf" && ok "--errors-out writes a CSV Excel opens as UTF-8" || not_ok "--errors-out BOM"
grep -q "type" "$WORK/negative.err.csv" && ok "--errors-out lists the rule" || not_ok "--errors-out lists the rule"
run "$TVET" --db "$DB" import school_major_stats "$WORK/negative.csv" --errors-out "$WORK/negative.err.xlsx"
expect_rc 2 "the broken file is refused again"
[ "$(head -c 2 "$WORK/negative.err.xlsx")" = "PK" ] && ok "--errors-out F.xlsx writes a workbook" || not_ok "--errors-out F.xlsx writes a workbook"

run "$TVET" --db "$DB" import school_major_stats "$WORK/more.csv" --year 2024
expect_rc 2 "--year refuses rows of another year"
run "$TVET" --db "$DB" import school_major_stats "$WORK/more.csv" --school 330902S01
expect_rc 2 "--school refuses rows of another school"
run "$TVET" --db "$DB" import school_major_stats "$WORK/nosuchfile.csv"
expect_rc 3 "a missing file is an I/O error"
truncate -s 1100M "$WORK/huge.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/huge.csv"
expect_rc 2 "a file over the size cap is refused before reading"
expect_err "are refused" "the error names the cap"
rm -f "$WORK/huge.csv"
: > "$WORK/empty.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/empty.csv"
expect_rc 2 "an empty file is refused"

# The same file as Excel on a Chinese Windows saves it: GBK, CRLF.
iconv -f UTF-8 -t GB18030 "$WORK/more.csv" | sed 's/$/\r/' > "$WORK/gbk.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/gbk.csv" --dry-run
expect_rc 0 "a GBK file with CRLF is read (encoding detected)"
run "$TVET" --db "$DB" import school_major_stats "$WORK/gbk.csv"
expect_out "(GB18030)" "the import names the encoding it detected"
expect_out "0 values changed" "the GBK file holds the same values as the UTF-8 one"
run "$TVET" --db "$DB" import school_major_stats "$WORK/gbk.csv" --encoding utf-8
expect_rc 2 "forcing UTF-8 on a GBK file is refused"
expect_err "give --encoding gbk" "the error suggests the right encoding"
printf '\357\273\277' > "$WORK/bom.csv"; cat "$WORK/more.csv" >> "$WORK/bom.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/bom.csv" --dry-run
expect_rc 0 "a UTF-8 file with a BOM is read"

# Export writes what import reads: export -> import changes nothing.
run "$TVET" --db "$DB" export school_stats --year 2025 -o "$WORK/ss.csv"
expect_rc 0 "export school_stats"
run "$TVET" --db "$DB" import school_stats "$WORK/ss.csv"
expect_out "0 values changed" "export -> import of school_stats is a no-op"
run "$TVET" --db "$DB" export school_major_stats --year 2024 -o "$WORK/sm1.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/sm1.csv"
expect_rc 0 "a whole city's export by major imports"
run "$TVET" --db "$DB" export school_major_stats --year 2024 -o "$WORK/sm2.csv"
cmp -s "$WORK/sm1.csv" "$WORK/sm2.csv" && ok "export -> import -> export gives the same file" || not_ok "export -> import -> export gives the same file"
run "$TVET" --db "$DB" import school_major_stats "$WORK/sm2.csv"
expect_out "0 values changed" "importing the re-export changes nothing"
run "$TVET" --db "$DB" export school_stats --school NOPE
expect_rc 2 "exporting an unknown school is refused"

# The enterprise register: check characters, codes, history.
run "$TVET" --db "$DB" export enterprises -o "$WORK/ent.csv"
[ "$(($(wc -l < "$WORK/ent.csv") - 1))" -ge 1800 ] && ok "export enterprises writes the register" || not_ok "export enterprises"
run "$TVET" --db "$DB" import enterprises "$WORK/ent.csv"
expect_out "0 values changed" "export -> import of the enterprises is a no-op"
awk -F, -v OFS=, 'NR==2 { $2 = "舟山测试更名有限公司" } { print }' "$WORK/ent.csv" > "$WORK/ent_renamed.csv"
run "$TVET" --db "$DB" import enterprises "$WORK/ent_renamed.csv"
expect_out "1 values changed" "a renamed enterprise is one change"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM entity_history WHERE field = 'name' AND new_value = '舟山测试更名有限公司'")" = 1 ] &&
	ok "the rename is on record with its old and new name" || not_ok "the rename is on record"
ent_broken() { # NAME AWK-PROGRAM MESSAGE
	awk -F, -v OFS=, "$2" "$WORK/ent.csv" > "$WORK/$1.csv"
	dump before
	run "$TVET" --db "$DB" import enterprises "$WORK/$1.csv"
	expect_rc 2 "$1: refused"
	expect_err "$3" "$1: the error says why"
	dump after
	cmp -s "$WORK/before" "$WORK/after" && ok "$1: the database is unchanged" || not_ok "$1: database unchanged"
}
ent_broken uscc_check 'NR==3 { c = substr($1, 18, 1); $1 = substr($1, 1, 17) (c == "0" ? "1" : "0") } { print }' "GB 32100-2015 check character"
ent_broken uscc_short 'NR==3 { $1 = "91330902" } { print }' "is not a valid unified social credit code"
ent_broken industry 'NR==4 { $3 = "9999" } { print }' "'9999' is not a GB/T 4754-2017 industry code"
ent_broken division 'NR==5 { $4 = "110101" } { print }' "'110101' is not an administrative division code"
ent_broken uscc_repeated 'NR==3 { print } { print }' "same enterprise"

# Approval locks the year; reopening unlocks it.
run "$TVET" --db "$DB" submission approve --school "$S" --year 2025
expect_rc 2 "an open submission cannot be approved before it is submitted"
run "$TVET" --db "$DB" submission submit --school "$S" --year 2025
expect_out "submitted" "a school submits its year"
run "$TVET" --db "$DB" submission approve --school "$S" --year 2025
expect_out "approved" "the bureau approves it"
run "$TVET" --db "$DB" import school_major_stats "$WORK/more.csv"
expect_rc 2 "an import into an approved year is refused"
expect_err "locked" "the error says the year is locked"
run "$TVET" --db "$DB" submission reopen --school "$S" --year 2025
run "$TVET" --db "$DB" import school_major_stats "$WORK/more.csv"
expect_rc 0 "after reopening, the import goes through"
# Plausibility: warnings that are shown and do not block. One school's
# teachers ten times over: far from its previous year and, per student,
# from the other schools.
run "$TVET" --db "$DB" export school_stats --year 2025 -o "$WORK/ss.csv"
row=$(awk -F, -v s=330921S01 '$1 == s { print NR; exit }' "$WORK/ss.csv")
awk -F, -v OFS=, -v r="$row" 'NR == r { sub(/\r$/, ""); $12 = $12 * 10 } { print }' "$WORK/ss.csv" > "$WORK/ss_odd.csv"
run "$TVET" --db "$DB" import school_stats "$WORK/ss_odd.csv" --dry-run
expect_rc 0 "implausible values are warnings, not errors"
expect_err "ss_odd.csv:$row: warning: Full-time teachers:" "the warning names the row and the column"
expect_err "in 2024: please check" "a value ten times the previous year's is questioned"
expect_err "far from the other schools' in 2025" "a value far from the other schools' per student is questioned"
run "$TVET" --db "$DB" import school_stats "$WORK/ss.csv" --dry-run
if grep -q "ss.csv:$row: warning: Full-time teachers.*far from" "$WORK/err"; then
	not_ok "the school's real figure raises no outlier" "$(cat "$WORK/err")"
else
	ok "the school's real figure raises no outlier"
fi
run "$TVET" --db "$DB" check
expect_rc 0 "the database passes the integrity check"
finish
