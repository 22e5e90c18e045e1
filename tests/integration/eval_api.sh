# eval_api.sh - the routes of the contribution evaluation and performance
# pay against the real server on the demo database: GET /api/v1/evaluation
# gives the figures of `tvet evaluate --format json` (city index, every
# school's index and rank), its what-if weights give those of `tvet evaluate
# --config` on a copy of the configuration with the changed weight, bad
# weights are refused naming the parameter; each account sees what its role
# may (a school its own school, a viewer none); POST /api/v1/allocations
# computes as `tvet allocate`, saves a run with its audit entry when asked,
# and refuses bad input with a 400 that writes nothing; GET lists the runs.
. "$(dirname "$0")/lib.sh"
DB="$WORK/e.db"
DATA=${TVET_DATA:-$(dirname "$0")/../../data}
PW='correct horse battery'
OWN=330902S04
demo_db
adduser edu bureau
adduser dept department police
adduser school1 school "$OWN"
adduser public1 viewer

serve
started "the server starts"

# same DESC API CLI [nointerval]: the city index and every school's index
# and rank (and rank interval, unless nointerval) agree to 1e-9 between two
# evaluation documents.
same() {
	if python3 - "$WORK/$2.json" "$WORK/$3.json" "${4:-}" <<'EOF'; then ok "$1"; else not_ok "$1" "$(cat "$WORK/why")"; fi
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
why = []
if a["year"] != b["year"] or abs(a["city_index"] - b["city_index"]) > 1e-9:
    why.append(f"city {a['year']} {a['city_index']} vs {b['year']} {b['city_index']}")
sa = {s["school"]: s for s in a["schools"]}
sb = {s["school"]: s for s in b["schools"]}
if sorted(sa) != sorted(sb) or len(sa) < 9:
    why.append(f"schools {sorted(sa)} vs {sorted(sb)}")
for k in sa.keys() & sb.keys():
    x, y = sa[k], sb[k]
    if abs(x["index"] - y["index"]) > 1e-9 or x["rank"] != y["rank"] or (sys.argv[3] != "nointerval" and x["rank_interval"] != y["rank_interval"]):
        why.append(f"{k}: {x['index']} #{x['rank']} vs {y['index']} #{y['rank']}")
open(sys.argv[1].rsplit("/", 1)[0] + "/why", "w").write("; ".join(why))
sys.exit(1 if why else 0)
EOF
}
for u in edu dept school1 public1; do login $u $u; done

# --- the evaluation equals the CLI's ----------------------------------------
"$TVET" --db "$DB" evaluate --format json >"$WORK/cli.json" 2>"$WORK/err"
"$TVET" --db "$DB" evaluate --year 2023 --format json >"$WORK/cli2023.json" 2>>"$WORK/err"
get eval edu "/api/v1/evaluation"
status 200 "GET /api/v1/evaluation (bureau): 200"
pyok "the latest year with data, 2025, and the 9 demo schools" eval 'd["year"] == 2025 and len(d["schools"]) == 9 and d["target"] == 85'
same "city index and every school's index, rank and rank interval equal tvet evaluate --format json" eval cli
pyok "the city index of the demo, 67.6, below the target" eval 'round(d["city_index"], 1) == 67.6 and d["what_if"] == {}'
pyok "each school has its dimensions, its explanation in Chinese and English" eval \
	'all(set(s["dimensions"]) == {"fit","employers","employment","training"} and "指数" in s["explanation"] and "points" in s["explanation_en"] for s in d["schools"])'
get eval2023 edu "/api/v1/evaluation?year=2023"
status 200 "?year=2023: 200"
same "2023 equals tvet evaluate --year 2023" eval2023 cli2023
get again edu "/api/v1/evaluation"
cmp -s "$WORK/eval.json" "$WORK/again.json" && ok "asked again (the kept answer): the same bytes" || not_ok "asked again: the same bytes"

# --- what-if weights, computed by the server ----------------------------------
# A configuration file may not give a dimension weight 0 (eval_config_load
# refuses it), so the copy leaves the dimension and its indicators out: the
# same index, as the weights are renormalised over the dimensions that
# count. The rank intervals are not compared: their Monte Carlo draws one
# weight fewer.
python3 - "$DATA/evaluation/default.json" "$WORK/notraining.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
c["dimensions"] = [d for d in c["dimensions"] if d["code"] != "training"]
c["indicators"] = [i for i in c["indicators"] if i["dimension"] != "training"]
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
"$TVET" --db "$DB" evaluate --config "$WORK/notraining.json" --format json >"$WORK/cli_w.json" 2>"$WORK/err"
get whatif edu "/api/v1/evaluation?w.training=0"
status 200 "?w.training=0: 200"
same "w.training=0 equals tvet evaluate --config (a copy without training)" whatif cli_w nointerval
python3 - "$WORK/eval.json" "$WORK/whatif.json" <<'EOF' && ok "w.training=0 changes the indices and says so (what_if, the dimension's weight)" || not_ok "w.training=0 changes the indices"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ia = {s["school"]: s["index"] for s in a["schools"]}
changed = sum(abs(ia[s["school"]] - s["index"]) > 0.01 for s in b["schools"])
w = {x["code"]: x["weight"] for x in b["dimensions"]}
sys.exit(0 if changed >= 5 and b["what_if"] == {"training": 0} and w["training"] == 0 and w["fit"] == 25 else 1)
EOF
get whatif2 edu "/api/v1/evaluation?year=2025&w.fit=50&w.employers=25&w.employment=25&w.training=25"
pyok "w.fit=50 moves the index towards the fit score" whatif2 \
	'all(abs(s["index"] - (2*s["dimensions"]["fit"] + s["dimensions"]["employers"] + s["dimensions"]["employment"] + s["dimensions"]["training"]) / 5) < 1e-6 for s in d["schools"] if all(v is not None for v in s["dimensions"].values()))'
for q in "w.foo=1:w.foo" "w.fit=abc:w.fit" "w.fit=-2:w.fit" "w.fit=:w.fit" "w.fit=nan:w.fit" \
	"w.fit=0&w.employers=0&w.employment=0&w.training=0:w.*" "year=1999:1999"; do
	get bad edu "/api/v1/evaluation?${q%:*}"
	if [ "$code" = 400 ] && grep -qF "${q##*:}" "$WORK/bad.json" && grep -q '"bad_input"' "$WORK/bad.json"; then
		ok "?${q%:*}: 400 naming ${q##*:}"
	else
		not_ok "?${q%:*}: 400 naming ${q##*:}" "HTTP $code: $(head -c 200 "$WORK/bad.json")"
	fi
done

# --- who sees which schools --------------------------------------------------
get school school1 "/api/v1/evaluation"
status 200 "a school account: 200"
pyok "a school sees only its own school, and the city index" school \
	"[s['school'] for s in d['schools']] == ['$OWN'] and round(d['city_index'], 1) == 67.6 and len(d['dimensions']) == 4"
pyok "with the same figures as the bureau's" school \
	"abs(d['schools'][0]['index'] - [s for s in json.load(open('$WORK/eval.json'))['schools'] if s['school'] == '$OWN'][0]['index']) < 1e-12"
get school_w school1 "/api/v1/evaluation?w.training=0"
pyok "a school's what-if: still its own school only" school_w "[s['school'] for s in d['schools']] == ['$OWN']"
get viewer public1 "/api/v1/evaluation"
status 200 "a viewer: 200"
pyok "a viewer sees the city index and the framework, no school" viewer \
	'd["schools"] == [] and round(d["city_index"], 1) == 67.6 and len(d["indicators"]) == 11'
get dept dept "/api/v1/evaluation"
pyok "a department sees every school" dept 'len(d["schools"]) == 9'
req anon "$URL/api/v1/evaluation"
status 401 "not signed in: 401"

# --- allocations -------------------------------------------------------------
CSRF=$(cat "$WORK/edu.csrf")
post() { # post NAME JAR CSRF BODY
	req "$1" -b "$WORK/$2.jar" -H "X-CSRF-Token: $3" -H 'Content-Type: application/json' --data "$4" "$URL/api/v1/allocations"
}
written() {
	sql "SELECT (SELECT count(*) FROM allocation_run) || ' runs, ' || (SELECT count(*) FROM audit_log) || ' audit entries'"
}
"$TVET" --db "$DB" allocate --year 2025 --pool 300000 --robust --format json >"$WORK/cli_alloc.json" 2>"$WORK/err"
before=$(written)
post calc edu "$CSRF" '{"year":2025,"pool":"300000.00","robust":true}'
status 200 "POST /api/v1/allocations without save: 200"
python3 - "$WORK/calc.json" "$WORK/cli_alloc.json" <<'EOF' && ok "the same rewards as tvet allocate --robust, summing to what was allocated" || not_ok "the same rewards as tvet allocate" "$(head -c 300 "$WORK/calc.json")"
import json, sys
a, cli = (json.load(open(p)) for p in sys.argv[1:3])
fen = {k: v["fen"] for k, v in a["schools"].items()}
want = {r["school"]: round(r["reward"] * 100) for r in cli}
ok = (fen == want and sum(fen.values()) == a["allocated"] and a["pool"] == 30000000
      and a["allocated"] + a["left"] == a["pool"] and a["saved"] is False and a["options"]["robust"] is True
      and all(v["fen"] <= v["base"] // 2 for v in a["schools"].values()))
sys.exit(0 if ok else 1)
EOF
[ "$(written)" = "$before" ] && ok "without save nothing is written" || not_ok "without save nothing is written" "$before -> $(written)"
post save edu "$CSRF" '{"year":2025,"pool_fen":30000000,"rule":"share","save":true}'
status 201 "with save: 201"
pyok "saved: true, rule share" save 'd["saved"] is True and d["rule"] == "share" and sum(s["fen"] for s in d["schools"].values()) == d["allocated"]'
[ "$(sql "SELECT count(*) || ' ' || max(year) || ' ' || max(who) || ' ' || max(rule) || ' ' || max(pool_fen) FROM allocation_run")" = "1 2025 edu share 30000000" ] &&
	ok "one row in allocation_run: 2025, edu, share, the pool in fen" || not_ok "a row in allocation_run" "$(sql "SELECT * FROM allocation_run")"
[ "$(sql "SELECT who || ' ' || action || ' ' || substr(detail, 1, 16) FROM audit_log ORDER BY id DESC LIMIT 1")" = "edu allocate allocation 2025:" ] &&
	ok "audited: edu allocate allocation 2025 ..." || not_ok "audited" "$(sql "SELECT who, action, detail FROM audit_log ORDER BY id DESC LIMIT 1")"
before=$(written)
bases=$(python3 -c "import json,sys; print(json.dumps({c: '200000.00' for c in json.load(open(sys.argv[1]))['schools']}))" "$WORK/save.json")
for b in '{"pool":"100"}:year' '{"year":2025}:pool' '{"year":2025,"pool":"12.345"}:pool' '{"year":2025,"pool":"-5"}:pool' \
	'{"year":2025,"pool":300000}:pool' '{"year":2025,"pool":"1","pool_fen":100}:pool' '{"year":2025,"pool":"1","rule":"most"}:rule' \
	'{"year":2025,"pool":"1","cap":-1}:cap' '{"year":2025,"pool":"1","smooth":1.5}:smooth' '{"year":2025,"pool":"1","robust":"yes"}:robust' \
	'{"year":2025,"pool":"1","colour":"red"}:colour' "{\"year\":2025,\"pool\":\"1\",\"save\":true,\"bases\":{\"330902S01\":\"0\"}}:330902S01" \
	"{\"year\":2025,\"pool\":\"1\",\"save\":true,\"bases\":${bases%\}}, \"339999S99\": \"100\"}}:339999S99" \
	'{"year":2025,"pool":"1","save":true,"bases":{"330902S01":"100"}}:no base' '[1]:JSON object'; do
	post bad edu "$CSRF" "${b%:*}"
	if [ "$code" = 400 ] && grep -qF "${b##*:}" "$WORK/bad.json" && grep -q '"bad_input"' "$WORK/bad.json"; then
		ok "POST ${b%:*}: 400 naming ${b##*:}"
	else
		not_ok "POST ${b%:*}: 400 naming ${b##*:}" "HTTP $code: $(head -c 200 "$WORK/bad.json")"
	fi
done
[ "$(written)" = "$before" ] && ok "bad input wrote nothing (runs, audit)" || not_ok "bad input wrote nothing" "$before -> $(written)"
post withbases edu "$CSRF" "{\"year\":2025,\"pool\":\"300000\",\"bases\":$bases}"
pyok "given bases are used: each 20000000 fen, no reward above 50 % of it" withbases \
	'all(s["base"] == 20000000 and s["fen"] <= 10000000 for s in d["schools"].values()) and d["options"]["base"] == "bases"'
post deny school1 "$(cat "$WORK/school1.csrf")" '{"year":2025,"pool":"300000","save":true}'
status 403 "a school may not compute an allocation"
post deny dept "$(cat "$WORK/dept.csrf")" '{"year":2025,"pool":"300000","save":true}'
status 403 "nor a department"
post nocsrf edu "" '{"year":2025,"pool":"300000","save":true}'
status 403 "without the CSRF token: 403"
[ "$(written)" = "$before" ] && ok "refused writes wrote nothing" || not_ok "refused writes wrote nothing" "$before -> $(written)"

get runs edu "/api/v1/allocations?year=2025"
status 200 "GET /api/v1/allocations: 200"
pyok "the saved run, with who and when and every school" runs 'len(d) == 1 and d[0]["who"] == "edu" and d[0]["rule"] == "share" and len(d[0]["schools"]) == 9 and d[0]["at"].endswith("Z")'
get runs_none edu "/api/v1/allocations?year=2024"
pyok "no run of 2024" runs_none 'd == []'
get runs_school school1 "/api/v1/allocations"
pyok "a school sees each run with its own row only" runs_school "len(d) == 1 and list(d[0]['schools']) == ['$OWN']"
get runs_dept dept "/api/v1/allocations"
pyok "a department reads every row" runs_dept 'len(d) == 1 and len(d[0]["schools"]) == 9'
get runs_viewer public1 "/api/v1/allocations"
status 403 "a viewer may not see allocations"
get runs_bad edu "/api/v1/allocations?year=abc"
status 400 "?year=abc: 400"
# the run saved changes nothing of the evaluation, and the cache knows the database changed
get eval_after edu "/api/v1/evaluation"
same "the evaluation after the run: unchanged" eval_after cli

kill -TERM $PID
wait $PID
finish
