# talent.sh - `tvet talent supply|recommend` on the demo city: every supply
# figure is what `tvet indicator eval` gives for the same definition, the
# survey demand adds up to the surveys' headcount, and each rule of
# data/talent/advice.json fires on a fixture made for it (and only there),
# with its evidence.
. "$(dirname "$0")/lib.sh"
DB="$WORK/t.db"
run "$TVET" --db "$DB" init
run "$TVET" --db "$DB" demo
expect_rc 0 "the demo city"

run "$TVET" --db "$DB" talent supply --year 2025 --format json
expect_rc 0 "tvet talent supply --format json"
cp "$WORK/out" "$WORK/supply.json"
# the city's figures of three majors, by tvet indicator eval
for m in 460501 660103 730701; do
	for f in "enrolment[major=$m]" "graduates[major=$m]" "graduates[major=$m] - graduates[destination=升学*, major=$m]" \
		"(graduates[major=$m] - graduates[destination=未就业, major=$m]) / graduates[major=$m] * 100"; do
		v=$("$TVET" --db "$DB" indicator eval "$f" --year 2025 --format csv </dev/null | awk -F, 'NR == 2 { print $4 }')
		echo "$m|$f|$v" >>"$WORK/evals"
	done
done
python3 - "$WORK/supply.json" "$WORK/evals" >"$WORK/check" 2>&1 <<'EOF'
import json, sys
rows = {r["major"]: r for r in json.load(open(sys.argv[1]))}
keys = ["enrolment", "graduates", "supply", "destination_rate"]
lines = [l.rstrip("\n").split("|") for l in open(sys.argv[2])]
for i, (m, f, v) in enumerate(lines):
    got = rows[m][keys[i % 4]]
    assert v != "" and abs(got - float(v)) < 0.05 + 1e-9 * abs(got), (m, f, got, v)
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "enrolment, graduates, supply (less 升学) and destination rate are tvet indicator eval's" ||
	not_ok "supply figures" "$(tail -3 "$WORK/check")"
# a row reaches majors by its major, or by its occupation at its level
total=$(sql "SELECT sum(headcount) FROM demand_survey d WHERE year = 2025 AND (coalesce(major_code, '') <> ''
	OR EXISTS (SELECT 1 FROM major_occupation x WHERE x.occupation_code = d.occupation_code AND x.major_level <> '普通本科'
	AND (d.education = '不限' OR (d.education = '中职' AND x.major_level = '中职')
	  OR (d.education = '高职' AND x.major_level = '高职专科') OR (d.education = '本科' AND x.major_level = '职业本科'))))")
python3 -c 'import json,sys; print("%.3f" % sum(r["demand"] or 0 for r in json.load(open(sys.argv[1]))))' "$WORK/supply.json" >"$WORK/d"
python3 -c "import sys; a, b = float(open('$WORK/d').read()), float('$total' or 0); sys.exit(0 if abs(a - b) < 1 else 1)" &&
	ok "every surveyed opening that reaches a major is counted once ($total; shares shown to 0.1)" || not_ok "survey demand adds up" "$(cat "$WORK/d") vs $total"

# --- fixtures, one per rule ----------------------------------------------------
# destination rate: 330902S04's 660102 half unplaced in 2024 and 2025 (reduce),
# 330902S04's 660201 half unplaced 2023-2025 (stop)
unplace() { # SCHOOL MAJOR YEAR: half the graduates 未就业
	sql "UPDATE datavalue SET value = (SELECT value / 2 FROM datavalue d2 WHERE d2.org_id = datavalue.org_id
	     AND d2.year = datavalue.year AND d2.element = 'graduates' AND d2.dims = 'major=$2')
	     WHERE element = 'graduates' AND dims = 'destination=未就业;major=$2' AND year = $3
	     AND org_id = (SELECT id FROM org WHERE code = '$1')"
}
[ "$(sql "SELECT count(*) FROM datavalue v JOIN org o ON o.id = v.org_id WHERE o.code = '330902S04' AND v.dims = 'destination=未就业;major=660102' AND v.year IN (2024, 2025)")" = 2 ] ||
	not_ok "the fixture's rows exist"
unplace 330902S04 660102 2024
unplace 330902S04 660102 2025
unplace 330902S04 660201 2023
unplace 330902S04 660201 2024
unplace 330902S04 660201 2025
# demand: a major no school offers, surveyed at 40 a year (add)
ENT=$(sql "SELECT id FROM enterprise ORDER BY id LIMIT 1")
for y in 2024 2025; do
	sql "INSERT INTO demand_survey(enterprise_id, year, period, occupation_code, major_code, education, headcount) VALUES($ENT, $y, '$y', NULL, '460506', '高职', 40)"
done
run "$TVET" --db "$DB" talent recommend --year 2025 --format json
expect_rc 0 "tvet talent recommend --format json"
python3 - "$WORK/out" >"$WORK/check" 2>&1 <<'EOF'
import json, sys
adv = json.load(open(sys.argv[1]))
def find(action, rule, major, school=None):
    return [a for a in adv if a["action"] == action and a["rule"] == rule and a["major"] == major and a["school"] == school]
r = find("reduce", "reduce_destination", "660102", "330902S04")
assert len(r) == 1 and [e["year"] for e in r[0]["evidence"]] == [2024, 2025], r
assert all(e["value"] < 60 and e["threshold"] == 60 for e in r[0]["evidence"]), r
assert "连续2年低于60%" in r[0]["sentence"] and "建议调减招生计划" in r[0]["sentence"], r[0]["sentence"]
s = find("stop", "stop_destination", "660201", "330902S04")
assert len(s) == 1 and [e["year"] for e in s[0]["evidence"]] == [2023, 2024, 2025], s
assert not find("reduce", "reduce_destination", "660201", "330902S04"), "stop supersedes reduce"
a = find("add", "add_unsupplied", "460506")
assert len(a) == 1 and "全市尚无学校开设" in a[0]["sentence"], a
m = find("merge", "small_enrolment", "660301", "330922S01")
assert len(m) == 1 and [e["value"] for e in m[0]["evidence"]] == [13, 12, 13], m
order = ["stop", "reduce", "merge", "expand", "add"]
assert [order.index(x["action"]) for x in adv] == sorted(order.index(x["action"]) for x in adv)
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "each rule fires on its fixture with its evidence: stop, reduce, merge, add (unsupplied)" ||
	not_ok "advice on the fixtures" "$(tail -3 "$WORK/check")"
run "$TVET" --db "$DB" indicator eval "new_entrants[major=660301, school=330922S01]" --years 2023-2025 --format csv
[ "$(tr -d '\r' <"$WORK/out" | awk -F, 'NR > 1 { printf "%s ", $4 }')" = "13 12 13 " ] &&
	ok "the merge evidence (13, 12, 13 entrants) is what the statistics hold" || not_ok "merge evidence" "$(cat "$WORK/out")"

# forecasts: naive is the last value, drift the last plus h times the mean
# step, of the yearly survey demand of each cluster (tvet talent supply's)
for y in 2021 2022 2023 2024 2025; do
	"$TVET" --db "$DB" talent supply --year $y --format json </dev/null >"$WORK/s$y.json"
done
run "$TVET" --db "$DB" talent forecast --year 2025 --format json
expect_rc 0 "tvet talent forecast --format json"
python3 - "$WORK" >"$WORK/check" 2>&1 <<'EOF'
import json, sys
w = sys.argv[1]
series, count = {}, {}
for y in range(2021, 2026):
    for r in json.load(open(f"{w}/s{y}.json")):
        if r["cluster"] and r["demand"] is not None:
            series.setdefault(r["cluster"], {}).setdefault(y, 0)
            series[r["cluster"]][y] += r["demand"]
            count[r["cluster"]] = count.get(r["cluster"], 0) + 1
rows = json.load(open(f"{w}/out"))
assert len(rows) == 3 * 6, len(rows)  # six clusters, three years each
checked = 0
for r in rows:
    s = series[r["series"]]
    ys = [s[y] for y in sorted(s)]
    h = r["year"] - 2025
    if r["method"] == "naive":
        want = ys[-1]
    elif r["method"] == "drift":
        want = ys[-1] + h * (ys[-1] - ys[0]) / (len(ys) - 1)
    else:
        continue
    # each major's share is shown to 0.1: the sums here are that close
    assert abs(r["forecast"] - want) < 0.1 + 0.05 * count[r["series"]] * (1 + h), (r, want)
    assert (r["lo95"] or 0) <= (r["lo80"] or 0) <= r["forecast"] <= r["hi80"] <= r["hi95"], r
    checked += 1
assert checked >= 9, checked
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "each cluster's forecast is its method's (naive: the last value; drift: the mean step on), intervals nested" ||
	not_ok "forecasts" "$(tail -3 "$WORK/check")"

# coding postings to occupations: train on the labelled postings, measure
# on titles the model has not seen, classify one posting
run "$TVET" --db "$DB" talent train --model "$WORK/m.model"
expect_rc 0 "tvet talent train"
expect_out "trained on 60000 labelled postings" "it learns from every labelled posting"
run "$TVET" --db "$DB" talent evaluate --format csv
expect_rc 0 "tvet talent evaluate"
awk -F, '$1 == "model" && $2 == "细类" && $4 >= 0.97 { found = 1 } END { exit !found }' "$WORK/out" &&
	ok "held out by title, the model codes 细类 right at least 97 % of the time" || not_ok "evaluation" "$(cat "$WORK/out")"
row=$(sql "SELECT title || '|' || label_occupation FROM posting WHERE label_occupation IS NOT NULL ORDER BY id LIMIT 1")
run "$TVET" --db "$DB" talent classify --title "${row%|*}" --model "$WORK/m.model" --format csv
expect_rc 0 "tvet talent classify"
[ "$(sed -n 2p "$WORK/out" | cut -d, -f2)" = "${row#*|}" ] && ok "a demo posting's own occupation comes first (${row#*|})" ||
	not_ok "classify" "$(cat "$WORK/out")"
run "$TVET" --db "$DB" talent classify --title x --model "$WORK/none.model"
[ "$rc" -eq 3 ] && grep -q "run 'tvet talent train'" "$WORK/err" && ok "without a model: says to train one" || not_ok "no model" "exit $rc: $(cat "$WORK/err")"

# a bad rules file
printf '{"rules": {"stop_destination": {"years": 7}}}\n' >"$WORK/bad.json"
run "$TVET" --db "$DB" talent recommend --rules "$WORK/bad.json"
[ "$rc" -eq 2 ] && grep -q "rules.stop_destination.years must be 1 to 3" "$WORK/err" && ok "a rule's years out of range is refused, named" ||
	not_ok "bad rules" "exit $rc: $(cat "$WORK/err")"
finish
