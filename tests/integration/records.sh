# records.sh - the record kinds (schools, school_majors, satisfaction,
# demand, postings, registry, assessments) end to end on the demo city:
# export -> import changes nothing; one edited field is one change, on
# record with its old and new value; a re-import is idempotent; each broken
# file is refused with its row and rule and leaves the database byte for
# byte as it was; a file of a school's majors replaces that school's year;
# an ID number is stored only as its keyed hash.
. "$(dirname "$0")/lib.sh"
FIX="$(cd "$(dirname "$0")/../data/records" && pwd)"
DB="$WORK/r.db"
demo_db

KINDS="schools school_majors satisfaction demand postings registry assessments"
S=330921S01
NOT_IN_REGISTER=91330902123456788N # a valid GB 32100 code no demo enterprise has
ID=330902198001011233              # a valid 居民身份证号码 (GB 11643 check character 3)

dump() { sqlite3 "$DB" .dump > "$WORK/$1"; }
# export_kind KIND NAME [ARGS]: the stored KIND, as import reads it, into $WORK/NAME.csv.
export_kind() {
	k=$1 f=$2
	shift 2
	"$TVET" --db "$DB" export "$k" "$@" -o "$WORK/$f.csv" 2>/dev/null
}
# export_all NAME: every record kind into $WORK/NAME.<kind>.csv (postings of 2025).
export_all() {
	for k in $KINDS; do
		if [ "$k" = postings ]; then export_kind "$k" "$1.$k" --year 2025; else export_kind "$k" "$1.$k"; fi
	done
}
same_exports() { # DESC: every kind exports as it did at export_all before
	for k in $KINDS; do
		cmp -s "$WORK/before.$k.csv" "$WORK/after.$k.csv" || { not_ok "$1" "$k export differs"; return; }
	done
	ok "$1"
}
# field FILE ROW COL: that cell of a (simple, CRLF) export.
field() { awk -F, -v r="$2" -v c="$3" 'NR == r { sub(/\r$/, ""); print $c; exit }' "$1"; }
# fixture NAME: tests/data/records/NAME.csv with @ENTERPRISE@ filled in, as $WORK/NAME.csv.
fixture() { sed "s/@ENTERPRISE@/$ENT/g" "$FIX/$1.csv" > "$WORK/$1.csv"; }

# Assessments: two the demo does not have (2023), one with an assessor's ID.
run "$TVET" --db "$DB" import assessments "$FIX/assessments_valid.csv"
expect_out "imported 2 rows of assessments, 2 values changed" "two target assessments import"
hash=$(sqlite3 "$DB" "SELECT assessor_id_hash FROM target_assessment WHERE target_id = 'G6' AND year = 2023")

# Round trip: export -> import changes nothing, for each kind.
export_all before
hist=$(sqlite3 "$DB" "SELECT count(*) FROM entity_history")
for k in $KINDS; do
	run "$TVET" --db "$DB" import "$k" "$WORK/before.$k.csv"
	expect_out "0 values changed" "export -> import of $k changes nothing"
done
export_all after
same_exports "every kind exports the same after the round trip"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM entity_history")" = "$hist" ] &&
	ok "the round trip adds nothing to the history" || not_ok "the round trip adds nothing to the history"
awk -F, '$1 == "G6" { found = 1; if ($6 != "") id = $6 } END { exit !(found && id == "") }' "$WORK/before.assessments.csv" &&
	ok "the export of assessments leaves the ID cell empty" || not_ok "the export leaves the ID cell empty" "$(cat "$WORK/before.assessments.csv")"
[ ${#hash} -eq 64 ] && [ "$(sqlite3 "$DB" "SELECT assessor_id_hash FROM target_assessment WHERE target_id = 'G6' AND year = 2023")" = "$hash" ] &&
	ok "re-importing the export (ID cell empty) keeps the stored hash" || not_ok "re-importing the export keeps the stored hash" "'$hash'"

# One edited field: one change, on record with the old and new value; again, no change.
# change KIND ENTITY COLUMN NEW DESC: set COLUMN of row 2 of the export to NEW.
change() {
	old=$(field "$WORK/before.$1.csv" 2 "$3")
	awk -F, -v OFS=, -v c="$3" -v v="$4" 'NR==2 { $c = v } { print }' "$WORK/before.$1.csv" > "$WORK/changed.$1.csv"
	run "$TVET" --db "$DB" import "$1" "$WORK/changed.$1.csv"
	expect_out "1 values changed" "$1: $5 is one change"
	run "$TVET" --db "$DB" history --records="$2" --format csv
	expect_out ",$old,$4" "$1: the history has the $5 from '$old' to '$4'"
	run "$TVET" --db "$DB" import "$1" "$WORK/changed.$1.csv"
	expect_out "0 values changed" "$1: importing the edited file again changes nothing"
}
change schools school 3 "Zhoushan Test College" "English name"
score=$(field "$WORK/before.satisfaction.csv" 2 4)
change satisfaction satisfaction 4 "$(awk "BEGIN { print ($score >= 99 ? $score - 1 : $score + 1) }")" "score"
change demand demand 7 $(($(field "$WORK/before.demand.csv" 2 7) + 5)) "headcount"
change postings posting 4 "测试岗位名称" "job title"
change registry registry 6 "2021-06-01" "recognition date"
change assessments assessment 3 at_risk "status"

# A file of a school's majors replaces the school's list for that year.
export_kind school_majors sm --school "$S" --year 2025
export_kind school_majors sm2024 --school "$S" --year 2024
gone1=$(field "$WORK/sm.csv" 3 3)
gone2=$(field "$WORK/sm.csv" 4 3)
awk 'NR != 3 && NR != 4' "$WORK/sm.csv" > "$WORK/sm_less.csv"
# Not while the school has statistics of them that year ...
dump before
run "$TVET" --db "$DB" import school_majors "$WORK/sm_less.csv"
expect_rc 2 "majors with statistics cannot leave the school's list"
expect_err "leaves out major $gone1 of school '$S' in 2025, which has statistics" "the error names the major and says what to do"
dump after
cmp -s "$WORK/before" "$WORK/after" && ok "the refused list changes nothing" || not_ok "the refused list changes nothing"
# ... but once the statistics are imported without them.
run "$TVET" --db "$DB" export school_major_stats --school "$S" --year 2025 -o "$WORK/sms_all.csv"
awk -F, -v a="$gone1" -v b="$gone2" '$3 != a && $3 != b' "$WORK/sms_all.csv" > "$WORK/sms_less.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/sms_less.csv"
expect_rc 0 "the statistics without the two majors import"
run "$TVET" --db "$DB" import school_majors "$WORK/sm_less.csv"
expect_out "2 values changed" "a school's year without two of its majors is two changes"
export_kind school_majors sm_after --school "$S" --year 2025
if grep -q ",$gone1" "$WORK/sm_after.csv" || grep -q ",$gone2" "$WORK/sm_after.csv"; then
	not_ok "majors $gone1 and $gone2 are no longer offered" "$(cat "$WORK/sm_after.csv")"
else
	ok "majors $gone1 and $gone2 are no longer offered"
fi
[ "$(wc -l < "$WORK/sm_after.csv")" -eq $(($(wc -l < "$WORK/sm.csv") - 2)) ] &&
	ok "the school's other majors stay" || not_ok "the school's other majors stay"
export_kind school_majors sm2024_after --school "$S" --year 2024
cmp -s "$WORK/sm2024.csv" "$WORK/sm2024_after.csv" && ok "the school's other years stay" || not_ok "the school's other years stay"
run "$TVET" --db "$DB" history --records=school_major --key "$S/2025/" --format csv
if grep -qF "$S/2025/$gone1,*," "$WORK/out" && grep -qF "$S/2025/$gone2,*," "$WORK/out"; then
	ok "the history shows both removed majors with field '*'"
else
	not_ok "the history shows both removed majors with field '*'" "$(cat "$WORK/out")"
fi
run "$TVET" --db "$DB" import school_majors "$WORK/sm_less.csv"
expect_out "0 values changed" "the shorter list imported again changes nothing"
# The school's statistics by major agree with the majors it now offers:
# exporting and importing them changes nothing.
run "$TVET" --db "$DB" export school_major_stats --school "$S" --year 2025 -o "$WORK/sms.csv"
run "$TVET" --db "$DB" import school_major_stats "$WORK/sms.csv"
expect_out "0 values changed" "the school's statistics no longer count the majors it dropped"

# Each broken file: exit 2, the row and the rule on stderr, the database
# byte for byte as it was.
ENT=$(sqlite3 "$DB" "SELECT uscc FROM enterprise WHERE id NOT IN (SELECT enterprise_id FROM demand_survey) ORDER BY uscc LIMIT 1")
DEPT=$("$TVET" --db "$DB" orgs --kind department --format csv | awk -F, 'NR==2 { print $1 }')
export_kind satisfaction sat
export_kind demand demand25 --year 2025
export_kind schools schools
export_kind postings postings25 --year 2025
dump before
# refused KIND FILE ROW MESSAGE [ARGS]: importing $WORK/FILE fails at ROW with MESSAGE.
refused() {
	k=$1 f=$2 row=$3 msg=$4
	shift 4
	run "$TVET" --db "$DB" import "$k" "$WORK/$f" "$@"
	dump after
	if [ "$rc" -eq 2 ] && cmp -s "$WORK/before" "$WORK/after"; then
		ok "$f: refused (exit 2), the database unchanged"
	else
		not_ok "$f: refused (exit 2), the database unchanged" "exit $rc; stderr: $(head -c 300 "$WORK/err")"
		dump before
	fi
	if grep -F "$f:$row: " "$WORK/err" | grep -qF -- "$msg"; then
		ok "$f: row $row: $msg"
	else
		not_ok "$f: row $row: $msg" "stderr: $(head -c 400 "$WORK/err")"
	fi
}
# derived FROM NAME AWK: NAME.csv is the export FROM.csv edited by AWK.
derived() { awk -F, -v OFS=, "$3" "$WORK/$1.csv" > "$WORK/$2.csv"; }

cp "$FIX/registry_level_county.csv" "$FIX/registry_date_feb30.csv" "$FIX/registry_type_unknown.csv" \
	"$FIX/registry_cluster_unknown.csv" "$FIX/assessments_target_not_manual.csv" \
	"$FIX/assessments_id_bad_check.csv" "$WORK/"
refused registry registry_level_county.csv 3 "'县级' is not one of: city, province, national"
refused registry registry_date_feb30.csv 4 "'2025-02-30' is not a date"
grep -F "registry_date_feb30.csv:3: " "$WORK/err" | grep -qF "'2025-02-29' is not a date" &&
	ok "2025-02-29 is not a date either (2025 is no leap year)" || not_ok "2025-02-29 is not a date" "$(cat "$WORK/err")"
refused registry registry_type_unknown.csv 3 "'golden_major': not a registry item type"
refused registry registry_cluster_unknown.csv 2 "'space_mining': not an industry cluster code"
derived sat satisfaction_score_101 'NR == 6 { $4 = 101 } { print }'
refused satisfaction satisfaction_score_101.csv 6 "'101' is not a number from 0 to 100"
derived sat satisfaction_uscc_bad_check \
	'NR == 5 { c = substr($3, 18, 1); $3 = substr($3, 1, 17) (c == "0" ? "1" : "0") } { print }'
refused satisfaction satisfaction_uscc_bad_check.csv 5 "GB 32100-2015 check character"
derived sat satisfaction_duplicate 'NR == 3 { print } { print }'
refused satisfaction satisfaction_duplicate.csv 4 "this row repeats row 3"
fixture demand_enterprise_unknown
refused demand demand_enterprise_unknown.csv 3 "'$NOT_IN_REGISTER': not in the enterprise register"
derived demand25 demand_occupation_unknown 'NR == 3 { $4 = "9-99-99-99" } { print }'
refused demand demand_occupation_unknown.csv 3 "'9-99-99-99': not a detailed occupation"
derived demand25 demand_period_other_year 'NR == 2 { $3 = "2024H1" } { print }'
refused demand demand_period_other_year.csv 2 "period 2024H1 is not in the year 2025"
derived demand25 demand_period_q5 'NR == 3 { $3 = "2025Q5" } { print }'
refused demand demand_period_q5.csv 3 "'2025Q5' is not a period"
derived demand25 demand_no_occupation_no_major 'NR == 4 { $4 = ""; $5 = "" } { print }'
refused demand demand_no_occupation_no_major.csv 4 "fill in an occupation code or a major code"
LC_ALL=zh_CN.UTF-8 run "$TVET" --db "$DB" import demand "$WORK/demand_no_occupation_no_major.csv"
expect_err "职业代码和专业代码至少填写一项" "under zh_CN the rule is told in Chinese"
# The layout asks for a 细类 (unit group) code: a 小类 code is in the
# catalogue but is not one.
derived demand25 demand_occupation_minor_group 'NR == 3 { $4 = "6-18-01" } { print }'
refused demand demand_occupation_minor_group.csv 3 "'6-18-01'"
refused assessments assessments_target_not_manual.csv 3 "'G7': not a manually assessed target"
refused assessments assessments_id_bad_check.csv 3 "not a valid 居民身份证号码" \
	--errors-out "$WORK/id_errors.csv"
if grep -q 330902198001011234 "$WORK/err" "$WORK/id_errors.csv" || grep -q 3309021980 "$WORK/err"; then
	not_ok "the refused ID number is not repeated in full" "$(cat "$WORK/err")"
else
	ok "the refused ID number is not repeated in full"
fi
derived schools schools_department_code "NR == 2 { \$1 = \"$DEPT\" } { print }"
refused schools schools_department_code.csv 2 "code '$DEPT' belongs to an organisation that is not a school"
derived postings25 postings_1000_last_row \
	'NR > 1001 { exit } NR > 1 { $2 = "T" $2 } NR == 1001 { $4 = "" } { print }'
refused postings postings_1000_last_row.csv 1001 "this cell is required"

# Approval locks a school's year; reopening unlocks it.
run "$TVET" --db "$DB" submission submit --school "$S" --year 2025
run "$TVET" --db "$DB" submission approve --school "$S" --year 2025
cp "$WORK/sm.csv" "$WORK/school_majors_locked.csv"
dump before
refused school_majors school_majors_locked.csv 2 "are locked"
run "$TVET" --db "$DB" submission reopen --school "$S" --year 2025
run "$TVET" --db "$DB" import school_majors "$WORK/sm.csv"
expect_out "2 values changed" "after reopening, the full list imports and restores both majors"

# --dry-run checks everything and writes nothing.
derived sat satisfaction_dry 'NR == 2 { $5 = $5 + 1 } { print }'
dump before
run "$TVET" --db "$DB" import satisfaction "$WORK/satisfaction_dry.csv" --dry-run
expect_out "nothing written" "--dry-run says nothing was written"
dump after
cmp -s "$WORK/before" "$WORK/after" && ok "--dry-run leaves the database unchanged" || not_ok "--dry-run leaves the database unchanged"

# XLSX: the template, and an exported workbook imported back.
run "$TVET" --db "$DB" template registry -o "$WORK/t.xlsx"
if [ "$rc" -eq 0 ] && [ "$(head -c 2 "$WORK/t.xlsx")" = PK ]; then
	ok "tvet template registry -o t.xlsx writes a workbook"
else
	not_ok "tvet template registry -o t.xlsx writes a workbook" "exit $rc: $(cat "$WORK/err")"
fi
run "$TVET" --db "$DB" export registry -o "$WORK/registry.xlsx"
run "$TVET" --db "$DB" import registry "$WORK/registry.xlsx"
expect_out "0 values changed" "an exported registry workbook imports back unchanged"

# A demand survey saved by Excel on a Chinese Windows: GBK, Chinese headers.
fixture demand_zh_headers
iconv -f UTF-8 -t GBK "$WORK/demand_zh_headers.csv" > "$WORK/demand_gbk.csv"
run "$TVET" --db "$DB" import demand "$WORK/demand_gbk.csv"
expect_out "imported 2 rows of demand, 2 values changed" "a GBK file with Chinese headers imports"
[ "$("$TVET" --db "$DB" export demand --year 2025 | grep -c "^$ENT,")" = 2 ] &&
	ok "the enterprise's two demand rows are stored" || not_ok "the enterprise's two demand rows are stored"

[ "$(sqlite3 "$DB" .dump | grep -c "$ID")" = 0 ] &&
	ok "the assessor's ID number is nowhere in the database" || not_ok "the assessor's ID number is nowhere in the database"
run "$TVET" --db "$DB" check
expect_rc 0 "the database passes the integrity check"
finish
