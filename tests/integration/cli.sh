# cli.sh - the tvet program end to end: init, the catalogues, the plan,
# exit codes and one-line errors on bad input, nothing written on failure.
. "$(dirname "$0")/lib.sh"
DB="$WORK/t.db"

run "$TVET" --version
expect_rc 0 "--version exits 0"
expect_out "tvet " "--version prints the version"

run "$TVET" --help
expect_rc 0 "--help exits 0"
expect_out "catalog" "--help lists the commands"

run "$TVET" frobnicate
expect_rc 1 "an unknown command is a usage error (exit 1)"
expect_err "unknown command 'frobnicate'" "the error names the unknown command"
expect_one_line_err "the usage error is one line"

run "$TVET" --bogus init
expect_rc 1 "an unknown global option is a usage error"

for cmd in init demo catalog plan orgs status check; do
	run "$TVET" "$cmd" --help
	expect_rc 0 "tvet $cmd --help exits 0"
	expect_out "Usage: tvet" "tvet $cmd --help prints usage"
done

run "$TVET" --db "$DB" status
expect_rc 3 "status on a missing database is an I/O error (exit 3)"
expect_err "does not exist" "the error says the database does not exist"
[ ! -e "$DB" ] && ok "a read command does not create the database" || not_ok "a read command does not create the database"

run "$TVET" --db "$DB" init
expect_rc 0 "init creates the database"
expect_out "created with schema" "init reports the new schema"
expect_out "43 targets" "init loads the 43 targets of the plan"

run "$TVET" --db "$DB" init
expect_rc 0 "a second init succeeds"
expect_out "unchanged" "a second init loads nothing again"

TVET_DB="$DB" run "$TVET" status --format json
expect_rc 0 "TVET_DB selects the database"
expect_out '"value": "1490"' "status counts the 1,490 majors"

run "$TVET" --db "$DB" catalog majors --search 数控技术应用
expect_out "660103" "catalog finds 数控技术应用 (660103)"
run "$TVET" --db "$DB" catalog majors --search 船舶工程技术 --format csv
expect_out "船舶工程技术" "catalog finds 船舶工程技术"
expect_out "code,name,level" "csv output has the key header"
run "$TVET" --db "$DB" catalog occupations --search 2-02- --format json
expect_out '"code": "2-02-01-01"' "catalog finds 2-02-… occupations"
run "$TVET" --db "$DB" catalog industries --search 3731
expect_out "金属船舶制造" "catalog finds industry 3731"
run "$TVET" --db "$DB" catalog majors --level 中职 --format csv
[ "$(($(wc -l < "$WORK/out") - 1))" -eq 358 ] 2>/dev/null &&
	ok "358 中职 majors of the 2021 catalogue… or more" ||
	{ c=$(($(wc -l < "$WORK/out") - 1)); [ "$c" -ge 358 ] && ok "at least 358 中职 majors ($c)" || not_ok "中职 majors" "$c"; }
run "$TVET" --db "$DB" catalog clusters --format json
expect_out '"alliance": "绿色石化产教联盟"' "clusters carry their alliance"
run "$TVET" --db "$DB" catalog planets
expect_rc 1 "an unknown catalogue is a usage error"
run "$TVET" --db "$DB" catalog majors --format yaml
expect_rc 1 "an unknown format is a usage error"
expect_err "unknown format 'yaml'" "the error names the format"

run "$TVET" --db "$DB" plan targets --format json
expect_rc 0 "plan targets --format json"
for id in G1 G2 G3 G4 G5 G6 G7 G8 G9 G10 A1a A1b A1c A2 A5a A5b A5c A6 A7a A7b \
	A7c A7d A7e A8a A8b A9a A9b A9c A9d A9e A10a A10b C1 C2 C3 C4 C5 C6 C7 C8 \
	C9 C10 C11; do
	grep -qF "\"id\": \"$id\"" "$WORK/out" || missing="$missing $id"
done
[ -z "${missing:-}" ] && ok "every target of MISSION.md is listed" || not_ok "every target of MISSION.md is listed" "missing:$missing"
expect_out '"responsible": [' "targets carry their responsible departments"
expect_out '"name": "市教育局"' "the education bureau is named"
run "$TVET" --db "$DB" plan targets --action 1 --format csv
expect_out "A1a" "--action filters the targets"
[ "$(grep -c '^G' "$WORK/out")" -eq 0 ] && ok "--action 1 leaves out goals of other actions" || not_ok "--action 1 filter"
run "$TVET" --db "$DB" plan actions
expect_out "人才培养全纳兜底行动" "plan actions lists action 1"

LC_ALL=zh_CN.UTF-8 run "$TVET" --db "$DB" plan targets
expect_out "中职（含技工）毕业生" "under zh_CN the table shows Chinese titles"

run "$TVET" --db "$DB" orgs --kind district --format csv
expect_out "定海区" "the districts are organisations"
run "$TVET" --db "$DB" check
expect_rc 0 "the database passes the integrity check"

# Bad input: nothing written, one-line error, exit 2.
cp -r "$TVET_DATA" "$WORK/data"
sed -i '5s/,>=,/,=>,/' "$WORK/data/plan/targets.csv"
cp "$DB" "$WORK/before.db"
run "$TVET" --db "$DB" --data "$WORK/data" init
expect_rc 2 "a broken plan row is bad input (exit 2)"
expect_err "targets.csv:5:6" "the error names file, line and column"
expect_one_line_err "the error is one line"
run "$TVET" --db "$DB" plan targets --format csv
expect_out "G4" "the old plan is still there after a failed reload"

rm -f "$WORK/new.db"
run "$TVET" --db "$WORK/new.db" --data "$WORK/data" init
expect_rc 2 "init of a new database with a broken plan fails"
[ ! -e "$WORK/new.db" ] && ok "a failed init leaves no database behind" || not_ok "a failed init leaves no database behind"

head -c 4096 /dev/urandom > "$WORK/junk.db"
cp "$WORK/junk.db" "$WORK/junk.orig"
run "$TVET" --db "$WORK/junk.db" init
[ "$rc" -ne 0 ] && ok "a corrupt database file is refused" || not_ok "a corrupt database file is refused"
expect_one_line_err "the corrupt-file error is one line"
cmp -s "$WORK/junk.db" "$WORK/junk.orig" && ok "the corrupt file is left untouched" || not_ok "the corrupt file is left untouched"

cp "$DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "INSERT INTO schema_version VALUES (999, '0999_future', '2030-01-01')" 2>/dev/null ||
	python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO schema_version VALUES (999,'0999_future','2030-01-01')\"); c.commit()" "$WORK/newer.db"
run "$TVET" --db "$WORK/newer.db" init
expect_rc 2 "a database from a newer version is refused (exit 2)"
expect_err "newer than this program" "the error says the database is newer"

finish
