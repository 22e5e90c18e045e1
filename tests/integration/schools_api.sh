# schools_api.sh - the 学校 routes against the real server on the demo city:
# GET /api/v1/schools (the schools of a year) and GET /api/v1/schools/{code}
# (one school: registry, majors, indicators beside the city with weight and
# pull, submissions) for each role, their figures checked against the CLI
# (tvet orgs, tvet indicator value/eval, tvet plan status --target, tvet
# export school_majors, tvet submission), scoping (403), unknown schools
# (404), bad years (400), and kept answers following a CLI write.
. "$(dirname "$0")/lib.sh"
DB="$WORK/s.db"
OWN=330902S04   # the school account's school (中职, in 定海)
OTHER=330903S01 # another school
demo_db
PW='correct horse battery'
USCC=$(sql "SELECT uscc FROM enterprise ORDER BY id LIMIT 1")
adduser root admin
adduser edu bureau
adduser police1 department police
adduser school1 school "$OWN"
adduser firm1 enterprise "$USCC"
adduser public1 viewer

serve
started "tvet serve --port 0 prints its URL"

# pyok DESC EXPR [FILES...], this file's own (not lib.sh's): EXPR true with
# d the JSON of $WORK/$name.json and c0, c1 ... the JSON of $WORK/FILE.json
# for each FILE given.
pyok() {
	desc=$1 expr=$2
	shift 2
	if python3 - "$WORK" "$name" "$expr" "$@" <<'EOF' 2>"$WORK/pyerr"; then ok "$desc"; else not_ok "$desc" "$(tail -c 400 "$WORK/pyerr") body: $(head -c 300 "$WORK/$name.json")"; fi
import json, sys
work, name, expr = sys.argv[1:4]
d = json.load(open(f"{work}/{name}.json"))
env = {"d": d}
for i, f in enumerate(sys.argv[4:]):
    env[f"c{i}"] = json.load(open(f"{work}/{f}.json"))
if not eval(expr, env):
    sys.exit(f"false: {expr}")
EOF
}
for who in root edu police1 school1 firm1 public1; do
	signin "$who" "$WORK/$who.jar" >/dev/null
done

# --- the list ---------------------------------------------------------------
"$TVET" --db "$DB" orgs --kind school --format json >"$WORK/cli_orgs.json"
get list edu /api/v1/schools
status 200 "bureau: GET /api/v1/schools"
pyok "the latest year (2025) when none is asked" 'd["year"] == 2025'
pyok "every school of tvet orgs --kind school (9), by code, with its name and level" \
	'[(s["code"], s["name"], s["name_en"], s["level"]) for s in d["schools"]] == [(o["code"], o["name"], o["name_en"], o["school_level"]) for o in c0] and len(c0) == 9' cli_orgs
pyok "each school's district and township as tvet orgs gives them" \
	'[(s["district"], s["township_name"]) for s in d["schools"]] == [(o["parent"], o["division"]) for o in c0]' cli_orgs
pyok "$OWN: 中职 in 定海区, founded 1984, 12 majors in 2025, every submission open" \
	'(lambda s: s["level"] == "中职" and s["district_name"] == "定海区" and s["founded_year"] == 1984 and s["majors"] == 12)([s for s in d["schools"] if s["code"] == "'$OWN'"][0]) and {s["submission"] for s in d["schools"]} == {"open"}'
# each school's enrolment is tvet indicator eval enrolment at it
bad=
for sc in $(python3 -c 'import json,sys; print(" ".join(s["code"] for s in json.load(open(sys.argv[1]))["schools"]))' "$WORK/list.json"); do
	"$TVET" --db "$DB" indicator eval enrolment --org "$sc" --year 2025 --format json >"$WORK/cli_enr.json"
	python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["schools"]; c=json.load(open(sys.argv[2]))[0]; s=[x for x in l if x["code"]==sys.argv[3]][0]; sys.exit(0 if s["enrolment"] == c["value"] else 1)' \
		"$WORK/list.json" "$WORK/cli_enr.json" "$sc" || bad="$bad $sc"
done
[ -z "$bad" ] && ok "each school's enrolment equals tvet indicator eval enrolment --org CODE" || not_ok "enrolment as the CLI" "differs for$bad"
get list_admin root /api/v1/schools
status 200 "admin: the list"
get list_dept police1 '/api/v1/schools?year=2025'
status 200 "department: the list"
pyok "a department gets every school too" 'len(d["schools"]) == 9'
get list_2021 edu '/api/v1/schools?year=2021'
status 200 "the list of 2021"
pyok "2021 lacks 330902S05 (founded 2022): 8 schools" 'd["year"] == 2021 and len(d["schools"]) == 8 and "330902S05" not in [s["code"] for s in d["schools"]]'
get list_school school1 /api/v1/schools
status 200 "school: the list"
pyok "a school account's list holds its own school alone" '[s["code"] for s in d["schools"]] == ["'$OWN'"]'
get list_firm firm1 /api/v1/schools
status 403 "enterprise: the list is 403"
pyok "with the error object" 'd["error"]["code"] == "forbidden" and "/api/v1/orgs" in d["error"]["message"]'
get list_public public1 /api/v1/schools
status 403 "viewer: the list is 403"
get list_anon - /api/v1/schools
status 401 "signed out: 401"
get list_badyear edu '/api/v1/schools?year=1999'
status 400 "?year=1999: 400"
pyok "the message names the year" '"1999" in d["error"]["message"]'
code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' -X POST -b "$WORK/edu.jar" "$URL/api/v1/schools")
[ "$code" = 405 ] && ok "POST /api/v1/schools: 405" || not_ok "POST /api/v1/schools: 405" "HTTP $code"

# --- one school ---------------------------------------------------------------
get own edu "/api/v1/schools/$OWN?year=2025"
status 200 "bureau: GET /api/v1/schools/$OWN"
pyok "its registry data are its row of the list" 'd["school"] == [s for s in c0["schools"] if s["code"] == "'$OWN'"][0] and d["year"] == 2025' list
"$TVET" --db "$DB" export school_majors --school "$OWN" --year 2025 -o "$WORK/majors.csv" >/dev/null 2>&1
python3 -c 'import csv,json,sys; print(json.dumps([r[2] for r in list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))[1:]]))' "$WORK/majors.csv" >"$WORK/cli_majors.json"
pyok "its majors are tvet export school_majors --school $OWN --year 2025 (12)" '[m["code"] for m in d["majors"]] == c0 and len(c0) == 12' cli_majors
pyok "each major has its name and the enrolments add up to the school's (2644)" \
	'all(m["name"] for m in d["majors"]) and sum(m["enrolment"] or 0 for m in d["majors"]) == d["school"]["enrolment"] == 2644'
pyok "660102 机械加工技术 is in the 临港制造 cluster" '[(m["name"], m["cluster_name"]) for m in d["majors"] if m["code"] == "660102"] == [("机械加工技术", "临港制造")]'
get indicators_list edu /api/v1/indicators
name=own
pyok "every indicator of /api/v1/indicators has its row, in file order" '[i["code"] for i in d["indicators"]] == [i["code"] for i in c0] and len(c0) >= 10' indicators_list
# school value and city value of each indicator, as tvet indicator value
bad=
for ind in $(python3 -c 'import json,sys; print(" ".join(i["code"] for i in json.load(open(sys.argv[1]))["indicators"]))' "$WORK/own.json"); do
	"$TVET" --db "$DB" indicator value "$ind" --org "$OWN" --year 2025 --format json >"$WORK/cli_s.json" 2>/dev/null
	"$TVET" --db "$DB" indicator value "$ind" --year 2025 --format json >"$WORK/cli_c.json" 2>/dev/null
	python3 - "$WORK/own.json" "$WORK/cli_s.json" "$WORK/cli_c.json" "$ind" <<'EOF' || bad="$bad $ind"
import json, sys
d = json.load(open(sys.argv[1]))
i = [x for x in d["indicators"] if x["code"] == sys.argv[4]][0]
s, c = json.load(open(sys.argv[2]))[0], json.load(open(sys.argv[3]))[0]
def same(api, cli, places):
    # the CLI prints 10 significant digits: a numerator of 182118.749495 is 182118.7495
    return (api is None and cli is None) or (api is not None and cli is not None and
        (round(api, places) == round(cli, places) or abs(api - cli) <= 1e-9 * max(1, abs(cli))))
ok = (same(i["numerator"], s["numerator"], 6) and same(i["denominator"], s.get("denominator"), 6)
      and same(i["value"], s["value"], i["decimals"]) and same(i["city"]["numerator"], c["numerator"], 6)
      and same(i["city"]["value"], c["value"], i["decimals"]))
sys.exit(0 if ok else 1)
EOF
done
[ -z "$bad" ] && ok "each indicator's value, numerator and denominator at $OWN and at the city equal tvet indicator value" ||
	not_ok "indicator values as the CLI" "differ for$bad"
name=own
pyok "progression_rate_secondary at $OWN: 540 / 874 = 61.78%, the city 1946 / 3389, feeding G7" \
	'(lambda i: i["numerator"] == 540 and i["denominator"] == 874 and abs(i["value"] - 61.784897) < 1e-6 and i["city"]["numerator"] == 1946 and i["city"]["denominator"] == 3389 and [t["id"] for t in i["targets"]] == ["G7"] and i["applies"])([x for x in d["indicators"] if x["code"] == "progression_rate_secondary"][0])'
pyok "a sum (secondary_places, no denominator): $OWN's weight in the city's places, but no pull and no rank" \
	'(lambda i: round(i["weight"], 6) == round(i["numerator"] / i["city"]["numerator"], 6) and i["pull"] is None and i["rank"] is None and i["of"] == 0)([x for x in d["indicators"] if x["code"] == "secondary_places"][0])'
pyok "a 中职 school is outside the 高职 indicators (applies false, no value)" \
	'all(not i["applies"] and i["value"] is None for i in d["indicators"] if i["code"] in ("progression_rate_higher", "local_retention_rate", "higher_fulltime_enrolment"))'
# weight and pull of the school in every rate target: tvet plan status --target
"$TVET" --db "$DB" plan status --year 2025 --format json >"$WORK/cli_plan.json"
pyok "weight, pull and place of $OWN in every rate target equal tvet plan status's by_school" \
	'all((lambda i, ss: [(i["weight"], i["pull"], i["rank"], i["of"])] == [(s["weight"], s["pull"], k + 1, sum(1 for x in ss if x["pull"] is not None)) for k, s in enumerate(ss) if s["school"] == "'$OWN'"])([x for x in d["indicators"] if x["code"] == t["indicator"]][0], t["by_school"]) for t in c0["targets"] if t["by_school"] and "'$OWN'" in [s["school"] for s in t["by_school"]]) and sum(1 for t in c0["targets"] if "'$OWN'" in [s["school"] for s in t["by_school"]]) >= 4' cli_plan
"$TVET" --db "$DB" plan status --year 2025 --target G7 --format json >"$WORK/cli_g7.json"
pyok "in G7 (tvet plan status --target G7): weight 25.8%, pull +1.13, 6th of 7" \
	'(lambda i: i["weight"] == [s["weight"] for s in c0[0]["by_school"] if s["school"] == "'$OWN'"][0] and round(i["weight"], 3) == 0.258 and round(i["pull"], 2) == 1.13 and (i["rank"], i["of"]) == (6, 7))([x for x in d["indicators"] if x["code"] == "progression_rate_secondary"][0])' cli_g7
pyok "dropout_rate (A1a, <= 2%) is lower-is-better, as A1a signs its pull" \
	'(lambda i: i["lower_is_better"] and i["targets"][0]["id"] == "A1a" and i["targets"][0]["comparator"] == "<=")([x for x in d["indicators"] if x["code"] == "dropout_rate"][0])'
pyok "each target's status and actual are the plan's" \
	'all(t["status"] == p["status"] and t["actual"] == p["actual"] for i in d["indicators"] for t in i["targets"] for p in c0["targets"] if p["id"] == t["id"] and p["part"] == t["part"])' cli_plan
pyok "its submissions: 2025 down to 2021, all open" '[(s["year"], s["status"]) for s in d["submissions"]] == [(y, "open") for y in range(2025, 2020, -1)]'

get own_again edu "/api/v1/schools/$OWN?year=2025"
cmp -s "$WORK/own.json" "$WORK/own_again.json" && ok "asked again (a kept answer): the same body" || not_ok "a kept answer is the same body"
# a CLI write while the server runs: the next answer shows it
run "$TVET" --db "$DB" submission submit --school "$OWN" --year 2025
expect_rc 0 "tvet submission submit --school $OWN --year 2025"
get own_sub edu "/api/v1/schools/$OWN?year=2025"
name=own_sub
pyok "the detail shows 2025 submitted (by the CLI), the year before still open" \
	'd["submissions"][0]["year"] == 2025 and d["submissions"][0]["status"] == "submitted" and d["submissions"][0]["changed_at"] and d["submissions"][1]["status"] == "open" and d["school"]["submission"] == "submitted"'
get list_sub edu /api/v1/schools
pyok "and so does the list" '[s["submission"] for s in d["schools"] if s["code"] == "'$OWN'"] == ["submitted"]'

get own_school school1 "/api/v1/schools/$OWN"
status 200 "school: its own school"
pyok "the same figures the bureau sees" 'd["indicators"] == c0["indicators"] and d["majors"] == c0["majors"]' own_sub
get other_school school1 "/api/v1/schools/$OTHER"
status 403 "school: another school is 403"
pyok "saying whose school it may see" 'd["error"]["code"] == "forbidden" and "'$OWN'" in d["error"]["message"]'
get nope_school school1 /api/v1/schools/NOPE
status 403 "school: an unknown code is 403 too (no telling which schools exist)"
get other_dept police1 "/api/v1/schools/$OTHER?year=2024"
status 200 "department: another school, 2024"
pyok "舟山航海学校 in 普陀区, 2024" 'd["school"]["name"] == "舟山航海学校" and d["school"]["district_name"] == "普陀区" and d["year"] == 2024'
get other_firm firm1 "/api/v1/schools/$OWN"
status 403 "enterprise: a school is 403"
get other_public public1 "/api/v1/schools/$OWN"
status 403 "viewer: a school is 403"
get other_anon - "/api/v1/schools/$OWN"
status 401 "signed out: a school is 401"
get nope edu /api/v1/schools/NOPE
status 404 "bureau: an unknown school is 404"
pyok "naming it" 'd["error"]["code"] == "not_found" and "NOPE" in d["error"]["message"]'
get city edu /api/v1/schools/3309
status 404 "the city's code is no school: 404"
get dept edu /api/v1/schools/police
status 404 "a department's code is no school: 404"
get long edu "/api/v1/schools/$(printf 'S%.0s' $(seq 1 200))"
status 404 "a 200-character code: 404"
get badyear edu "/api/v1/schools/$OWN?year=20x5"
status 400 "?year=20x5: 400"
get new2021 edu "/api/v1/schools/330902S05?year=2021"
status 200 "330902S05 in 2021, before it opened: 200"
pyok "with no enrolment, no majors and no school values" 'd["school"]["enrolment"] is None and d["majors"] == [] and all(i["value"] is None and not i["applies"] for i in d["indicators"])'

stop_server "the server stops cleanly on SIGTERM"
finish
