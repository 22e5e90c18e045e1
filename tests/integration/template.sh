# template.sh - `tvet template` end to end on the demo city: the CSV header
# as before (no database needed), an XLSX workbook for a school's year that
# the import reads (and, unfilled, refuses cell by cell without crashing),
# usage and not-found errors with their exit codes.
. "$(dirname "$0")/lib.sh"
DB="$WORK/t.db"
S=330921S01

# The CSV header needs no database, and is what it always was.
run "$TVET" --db "$WORK/absent.db" template school_major_stats
expect_rc 0 "the CSV header needs no database"
expect_out "School code,Year,Major code,Full-time enrolment,New entrants,Graduates" "the CSV header in English"
[ "$(wc -l < "$WORK/out")" -eq 1 ] && ok "the CSV template is the header alone" || not_ok "the CSV template is the header alone" "$(cat "$WORK/out")"
head -c 3 "$WORK/out" | od -An -tx1 | grep -q "ef bb bf" && not_ok "no BOM on stdout" || ok "no BOM on stdout"
run "$TVET" --db "$WORK/absent.db" template school_major_stats -o "$WORK/h.csv"
expect_rc 0 "the CSV header to a file"
head -c 3 "$WORK/h.csv" | od -An -tx1 | grep -q "ef bb bf" && ok "the CSV file starts with a BOM" || not_ok "the CSV file starts with a BOM"
run "$TVET" --db "$WORK/absent.db" template school_major_stats -o "$WORK/h.xlsx"
expect_rc 3 "an XLSX template needs the database"
[ -e "$WORK/h.xlsx" ] && not_ok "no workbook without the database" || ok "no workbook without the database"

demo_db

# The workbook of a school's year.
run "$TVET" --db "$DB" template school_major_stats --school "$S" --year 2025 -o "$WORK/t.xlsx"
expect_rc 0 "an XLSX template for a school's year"
[ "$(head -c 2 "$WORK/t.xlsx")" = "PK" ] && ok "the template is a zip (XLSX) file" || not_ok "the template is a zip (XLSX) file"
unzip -l "$WORK/t.xlsx" > "$WORK/parts" 2>&1
grep -q "xl/worksheets/sheet2.xml" "$WORK/parts" && ok "the workbook has an instructions sheet" || not_ok "the workbook has an instructions sheet"
unzip -p "$WORK/t.xlsx" xl/worksheets/sheet1.xml > "$WORK/sheet1.xml"
grep -q '<dataValidation type="list"' "$WORK/sheet1.xml" && ok "the codes are dropdown lists" || not_ok "the codes are dropdown lists"
grep -q '<dataValidation type="whole"' "$WORK/sheet1.xml" && ok "the counts are checked as whole numbers" || not_ok "the counts are checked as whole numbers"
majors=$(sqlite3 "$DB" "SELECT count(*) FROM school_major sm JOIN org o ON o.id = sm.school_id WHERE o.code = '$S' AND sm.year = 2025")

# Unfilled, it is read, refused cell by cell, and nothing is imported.
sqlite3 "$DB" .dump > "$WORK/before"
run "$TVET" --db "$DB" import school_major_stats "$WORK/t.xlsx" --errors-out "$WORK/errs.csv"
expect_rc 2 "the unfilled template is refused (exit 2), not a crash"
expect_err "t.xlsx:2: Full-time enrolment: this cell is required" "the error names row 2 and the column"
last=$((majors + 1))
grep -q "^$last,.*,required," "$WORK/errs.csv" && ok "the errors run to the last pre-filled row ($last)" ||
	not_ok "the errors run to the last pre-filled row ($last)" "$(tail -2 "$WORK/errs.csv")"
expect_err "nothing imported" "nothing is imported"
sqlite3 "$DB" .dump > "$WORK/after"
cmp -s "$WORK/before" "$WORK/after" && ok "the database is unchanged" || not_ok "the database is unchanged"
[ "$(grep -c ",required," "$WORK/errs.csv")" -eq $((majors * 8)) ] && ok "one error per empty value" ||
	not_ok "one error per empty value" "$(grep -c ",required," "$WORK/errs.csv") errors for $majors majors"
[ "$(wc -l < "$WORK/errs.csv")" -eq $((majors * 8 + 1)) ] && ok "no error but the empty values" || not_ok "no error but the empty values" "$(grep -v ",required," "$WORK/errs.csv")"

# --format decides; -o FILE.xlsx implies xlsx; CSV can carry the rows too.
run "$TVET" --db "$DB" template school_stats --year 2025 --format xlsx -o "$WORK/s.bin"
expect_rc 0 "--format xlsx whatever the file's name"
[ "$(head -c 2 "$WORK/s.bin")" = "PK" ] && ok "--format xlsx writes a zip" || not_ok "--format xlsx writes a zip"
run "$TVET" --db "$DB" template school_major_stats --school "$S" --year 2025
expect_rc 0 "a CSV template for a school's year"
[ "$(tr -d '\r' < "$WORK/out" | grep -c "^$S,2025,[0-9]\{6\},,,,,,,,,$")" -eq "$majors" ] && ok "the CSV lists the school's majors" || not_ok "the CSV lists the school's majors" "$(head -3 "$WORK/out")"
LC_ALL=zh_CN.UTF-8 run "$TVET" --db "$DB" template school_major_stats --school "$S" --year 2025 -o "$WORK/z.xlsx"
expect_rc 0 "an XLSX template under zh_CN"
unzip -p "$WORK/z.xlsx" xl/workbook.xml | grep -q '<sheet name="学校分专业年度统计"' && ok "the data sheet has the Chinese name" || not_ok "the data sheet has the Chinese name"

# Errors.
run "$TVET" --db "$DB" template school_major_stats --school NOPE --year 2025 -o "$WORK/n.xlsx"
expect_rc 2 "an unknown school is refused (exit 2)"
expect_err "school 'NOPE' does not exist" "the error names the school"
expect_one_line_err "the error is one line"
[ -e "$WORK/n.xlsx" ] && not_ok "no workbook for an unknown school" || ok "no workbook for an unknown school"
run "$TVET" --db "$DB" template school_stats --school NOPE -o "$WORK/n.csv"
expect_rc 2 "an unknown school is refused for CSV too"
[ -e "$WORK/n.csv" ] && not_ok "no CSV file for an unknown school" || ok "no CSV file for an unknown school"
run "$TVET" --db "$DB" template school_stats --format xlsx
expect_rc 1 "an XLSX template needs -o"
run "$TVET" --db "$DB" template school_stats --format pdf
expect_rc 1 "an unknown format is a usage error"
expect_err "use csv or xlsx" "the error names the formats"
run "$TVET" --db "$DB" template school_stats --year 1999
expect_rc 1 "a bad --year is a usage error"
run "$TVET" template --help
expect_rc 0 "tvet template --help exits 0"
expect_out "--format csv|xlsx" "the usage names the formats"
finish
