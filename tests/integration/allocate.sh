# allocate.sh - `tvet allocate` on the demo city: the pool shared exactly
# to the fen, nobody above +50 % of base, more index never less reward per
# base, a school at or below the floor nothing (uplift); a base file; the
# saved run unchangeable and the next year's phase-in limit read from it;
# bad amounts and base files refused with the place named.
. "$(dirname "$0")/lib.sh"
DB="$WORK/a.db"
run "$TVET" --db "$DB" init
run "$TVET" --db "$DB" demo
expect_rc 0 "the demo city, evaluated"

# check RULE FILE POOL_FEN: the invariants of one CSV answer
check() {
	python3 - "$2" "$3" "$1" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
pool, rule = int(sys.argv[2]), sys.argv[3]
fen = lambda s: int(round(float(s) * 100))
assert len(rows) == 9, len(rows)
total = sum(fen(r["reward"]) for r in rows)
assert total <= pool, (total, pool)
for r in rows:
    b, w = fen(r["base"]), fen(r["reward"])
    assert 0 <= w <= b // 2, r  # at most +50 %
    if rule == "uplift" and r["score_used"] and float(r["score_used"]) <= 60:
        assert w == 0, r
# more score, never a smaller share of base (among those with a score)
sc = sorted((float(r["score_used"]), fen(r["reward"]) / fen(r["base"])) for r in rows if r["score_used"])
for (s1, p1), (s2, p2) in zip(sc, sc[1:]):
    assert s2 == s1 or p2 >= p1 - 1e-5, (s1, p1, s2, p2)  # a cap is floored to the fen
# whatever is left, every school that could take more is capped
if total < pool:
    assert all(r["capped"] == "1" or fen(r["reward"]) == 0 for r in rows), rows
print("ok %d" % total)
EOF
}

run "$TVET" --db "$DB" allocate --year 2025 --pool 300000 --format csv
expect_rc 0 "tvet allocate --year 2025 --pool 300000 (uplift)"
out=$(check uplift "$WORK/out" 30000000 2>&1)
case $out in ok*) ok "uplift: exact fen, caps, floor, monotonic ($out fen)" ;; *) not_ok "uplift invariants" "$out" ;; esac
# a base file
printf 'school,base\n' >"$WORK/base.csv"
for s in 330902S01 330902S02 330902S03 330902S04 330902S05 330903S01 330921S01 330921S02 330922S01; do
	printf '%s,200000\n' "$s" >>"$WORK/base.csv"
done
run "$TVET" --db "$DB" allocate --year 2025 --pool 300000.01 --rule share --base "$WORK/base.csv" --format csv
expect_rc 0 "--rule share, a pool with fen, bases from a file"
out=$(check share "$WORK/out" 30000001 2>&1)
case $out in "ok 30000001") ok "share: the whole pool to the fen ($out)" ;; *) not_ok "share invariants" "$out" ;; esac
run "$TVET" --db "$DB" allocate --year 2025 --pool 300000 --robust --format csv
expect_rc 0 "--robust"
python3 - "$WORK/out" >"$WORK/c" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert all(float(r["score_used"]) <= float(r["index"]) + 1e-9 for r in rows), rows
assert any(float(r["score_used"]) < float(r["index"]) - 0.05 for r in rows), rows
print("ok")
EOF
[ "$(cat "$WORK/c")" = ok ] && ok "--robust pays on the lower end of each index's interval" || not_ok "--robust" "$(cat "$WORK/c")"

run "$TVET" --db "$DB" allocate --year 2025 --pool 300000 --base "$WORK/base.csv" --format csv
expect_rc 0 "uplift with --base FILE"
grep -q '^330902S01,.*,200000.00,' "$WORK/out" && ok "the bases are the file's" || not_ok "the bases are the file's" "$(head -3 "$WORK/out")"
printf 'school,base\n330902S01,abc\n' >"$WORK/bad.csv"
run "$TVET" --db "$DB" allocate --year 2025 --pool 300000 --base "$WORK/bad.csv"
[ "$rc" -eq 2 ] && grep -q "bad.csv:2:2: base: 'abc' is not an amount" "$WORK/err" && ok "a base that is not an amount: file, line, column" ||
	not_ok "bad base" "exit $rc: $(cat "$WORK/err")"
printf 'school,base\n330902S01,100\n' >"$WORK/short.csv"
run "$TVET" --db "$DB" allocate --year 2025 --pool 300000 --base "$WORK/short.csv"
[ "$rc" -eq 2 ] && grep -q "no base for school 330902S02" "$WORK/err" && ok "a school missing from the base file is named" ||
	not_ok "missing base" "exit $rc: $(cat "$WORK/err")"
run "$TVET" --db "$DB" allocate --year 2025 --pool 12.345
[ "$rc" -eq 1 ] && grep -q "not an amount in yuan" "$WORK/err" && ok "an amount with 3 decimals is refused" || not_ok "bad pool" "exit $rc: $(cat "$WORK/err")"

# --save: kept unchangeable; the next year's phase-in reads it
run "$TVET" --db "$DB" allocate --year 2024 --pool 300000 --base "$WORK/base.csv" --save --format csv
expect_rc 0 "--save the 2024 allocation"
cp "$WORK/out" "$WORK/y2024.csv"
[ "$(sql 'SELECT count(*), min(year), min(length(inputs_sha256)) FROM allocation_run')" = "1|2024|64" ] &&
	ok "the run is kept with its inputs' hash" || not_ok "the run is kept" "$(sql 'SELECT * FROM allocation_run')"
sql "UPDATE allocation_run SET pool_fen = 1" >"$WORK/u" 2>&1
grep -q "append-only" "$WORK/u" && ok "a kept run cannot be changed" || not_ok "a kept run cannot be changed" "$(cat "$WORK/u")"
sql "DELETE FROM allocation_run" >"$WORK/u" 2>&1
grep -q "append-only" "$WORK/u" && ok "a kept run cannot be removed" || not_ok "a kept run cannot be removed" "$(cat "$WORK/u")"
run "$TVET" --db "$DB" allocate --year 2025 --pool 300000 --base "$WORK/base.csv" --max-change 0.1 --format csv
expect_rc 0 "--max-change 0.1 against the saved 2024 run"
python3 - "$WORK/y2024.csv" "$WORK/out" >"$WORK/c" 2>&1 <<'EOF'
import csv, sys
fen = lambda s: int(round(float(s) * 100))
prev = {r["school"]: fen(r["reward"]) for r in csv.DictReader(open(sys.argv[1]))}
for r in csv.DictReader(open(sys.argv[2])):
    p, w = prev[r["school"]], fen(r["reward"])
    assert abs(w - p) <= 0.1 * p + 1, (r["school"], p, w)
print("ok")
EOF
[ "$(cat "$WORK/c")" = ok ] && ok "no reward moves more than 10 % from the saved 2024 one" || not_ok "phase-in" "$(cat "$WORK/c")"
run "$TVET" --db "$DB" audit list --limit 3
expect_out "allocate" "the save is in the audit trail"
finish
