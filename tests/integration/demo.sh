# demo.sh - `tvet demo` end to end: the demo city is complete, deterministic
# for a seed, passes the integrity check, and `demo` refuses an
# uninitialised database.
. "$(dirname "$0")/lib.sh"
DB="$WORK/d.db"

run "$TVET" --db "$DB" demo
expect_rc 3 "demo on a missing database fails"

run "$TVET" --db "$DB" init
run "$TVET" --db "$DB" demo --seed 7
expect_rc 0 "tvet demo --seed 7 succeeds"
expect_out "seed 7" "demo reports its seed"

run "$TVET" --db "$DB" status --format csv
cp "$WORK/out" "$WORK/status1"
count() { grep "^$1," "$WORK/status1" | cut -d, -f2; }
[ "$(count schools)" -ge 7 ] && [ "$(count schools)" -le 10 ] && ok "about eight schools ($(count schools))" || not_ok "about eight schools" "$(count schools)"
[ "$(count enterprises)" -ge 1800 ] && ok "about 2,000 enterprises ($(count enterprises))" || not_ok "about 2,000 enterprises" "$(count enterprises)"
[ "$(count 'job postings')" -ge 50000 ] && ok "at least 50,000 postings ($(count 'job postings'))" || not_ok "at least 50,000 postings" "$(count 'job postings')"
[ "$(count 'registry items')" -gt 0 ] && ok "registry items exist" || not_ok "registry items exist"
[ "$(count 'statistics values')" -gt 1000 ] && ok "yearly statistics exist" || not_ok "yearly statistics exist"
[ "$(count 'demand survey rows')" -gt 0 ] && ok "demand surveys exist" || not_ok "demand surveys exist"

run "$TVET" --db "$DB" check
expect_rc 0 "the demo database passes the integrity check"

run "$TVET" --db "$DB" orgs --kind school --format csv
expect_out "高职" "the demo has 高职 schools"
expect_out "技师学院" "the demo has a 技师学院"

# Same seed, same data: a second run replaces everything with identical rows.
sqlite3 "$DB" "SELECT count(*), sum(length(title)), sum(length(salary_text)) FROM posting" > "$WORK/p1"
sqlite3 "$DB" "SELECT group_concat(uscc) FROM (SELECT uscc FROM enterprise ORDER BY id)" | md5sum > "$WORK/e1"
run "$TVET" --db "$DB" demo --seed 7
run "$TVET" --db "$DB" status --format csv
grep -v definitions "$WORK/out" > "$WORK/status2"
grep -v definitions "$WORK/status1" | diff -q - "$WORK/status2" >/dev/null && ok "a rerun with the same seed gives the same counts" || not_ok "a rerun with the same seed gives the same counts"
sqlite3 "$DB" "SELECT count(*), sum(length(title)), sum(length(salary_text)) FROM posting" > "$WORK/p2"
sqlite3 "$DB" "SELECT group_concat(uscc) FROM (SELECT uscc FROM enterprise ORDER BY id)" | md5sum > "$WORK/e2"
cmp -s "$WORK/p1" "$WORK/p2" && cmp -s "$WORK/e1" "$WORK/e2" && ok "a rerun with the same seed gives the same rows" || not_ok "a rerun with the same seed gives the same rows"

run "$TVET" --db "$DB" demo --seed 8
sqlite3 "$DB" "SELECT group_concat(uscc) FROM (SELECT uscc FROM enterprise ORDER BY id)" | md5sum > "$WORK/e3"
cmp -s "$WORK/e1" "$WORK/e3" && not_ok "another seed gives other data" || ok "another seed gives other data"

run "$TVET" --db "$DB" demo --seed abc
expect_rc 1 "a non-numeric seed is a usage error"
run "$TVET" --db "$DB" plan targets --format json
expect_out '"id": "G7"' "the plan survives tvet demo"
finish
