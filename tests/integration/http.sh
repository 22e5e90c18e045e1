# http.sh - `tvet serve` against the real server on 127.0.0.1 with port 0:
# sign-in, sessions and CSRF, the routes' happy paths, who may see what
# (401/403), bad input (400/404/405/413), static files and their headers,
# every route documented in the OpenAPI document, the access log, the audit
# trail, and a graceful stop on SIGTERM.
. "$(dirname "$0")/lib.sh"
DB="$WORK/h.db"
demo_db
PW='correct horse battery'
adduser root admin
adduser edu bureau
adduser school1 school 330902S04
adduser police1 department police

serve
started "tvet serve --port 0 prints its URL"

# --- public, and not signed in --------------------------------------------
req openapi "$URL/api/v1/openapi.json"
status 200 "the OpenAPI document is public"
pyok "it is OpenAPI 3" openapi 'd["openapi"].startswith("3.")'
"$TVET" serve --routes >"$WORK/routes"
missing=$(python3 - "$WORK/openapi.json" "$WORK/routes" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
for line in open(sys.argv[2]):
    method, path = line.split()
    if method.lower() not in doc["paths"].get(path, {}):
        print(method, path)
EOF
)
[ -z "$missing" ] && [ "$(wc -l < "$WORK/routes")" -ge 10 ] && ok "every route of tvet serve --routes is in the OpenAPI document" ||
	not_ok "every route is documented" "$missing"
req anon "$URL/api/v1/plan/status"
status 401 "the plan without a session: 401"
pyok "the error is {error: {code, message, details}}" anon 'd["error"]["code"] == "unauthenticated" and d["error"]["message"] and d["error"]["details"] == []'
req page "$URL/"
status 200 "the dashboard's page"
grep -qi '^content-type: text/html' "$WORK/page.h" && ok "served as HTML" || not_ok "served as HTML" "$(cat "$WORK/page.h")"
grep -qi "^content-security-policy: default-src 'self'; script-src 'self'" "$WORK/page.h" &&
	grep -qi "frame-ancestors 'none'" "$WORK/page.h" && ok "a CSP without inline script, no framing" || not_ok "CSP" "$(cat "$WORK/page.h")"
grep -qi '^x-content-type-options: nosniff' "$WORK/page.h" && ok "nosniff" || not_ok "nosniff"
req traversal --path-as-is "$URL/../../../../etc/passwd"
status 404 "no file outside web/ (../)"
req traversal2 --path-as-is "$URL/%2e%2e/%2e%2e/etc/passwd"
status 404 "no file outside web/ (%2e%2e)"
req dotfile "$URL/.git/config"
status 404 "no hidden files"
# ECharts, from node_modules/ (npm ci): only the names on the server's list
req vendor "$URL/vendor/echarts.min.js"
status 200 "/vendor/echarts.min.js is served"
grep -qi '^content-type: text/javascript' "$WORK/vendor.h" && ok "as JavaScript" || not_ok "as JavaScript" "$(cat "$WORK/vendor.h")"
cmp -s "$WORK/vendor.json" "$(dirname "$0")/../../node_modules/echarts/dist/echarts.min.js" &&
	ok "it is node_modules/echarts/dist/echarts.min.js" || not_ok "it is node_modules' echarts.min.js" "$(wc -c <"$WORK/vendor.json") bytes"
grep -qi '^cache-control: public, max-age=[1-9]' "$WORK/vendor.h" && grep -qi "^content-security-policy: default-src 'self'" "$WORK/vendor.h" &&
	grep -qi '^x-content-type-options: nosniff' "$WORK/vendor.h" && ok "cacheable, with the security headers" ||
	not_ok "cacheable, with the security headers" "$(cat "$WORK/vendor.h")"
req vendor_up --path-as-is "$URL/vendor/../index.html"
status 404 "/vendor/../index.html is refused"
req vendor_up2 --path-as-is "$URL/vendor/%2e%2e/echarts/dist/echarts.min.js"
status 404 "/vendor/%2e%2e/... is refused"
req vendor_path "$URL/vendor/echarts/dist/echarts.min.js"
status 404 "a path under node_modules/ is not a name on the list"
req vendor_other "$URL/vendor/echarts.js"
status 404 "another file of the package is not served"
req vendor_post -X POST "$URL/vendor/echarts.min.js"
status 405 "POST to a vendor file: 405"

# --- signing in ------------------------------------------------------------
req badpw -H 'Content-Type: application/json' --data '{"login":"root","password":"wrong"}' "$URL/api/v1/login"
status 401 "a wrong password: 401"
req badpw_zh -H 'Accept-Language: zh-CN,zh;q=0.9' -H 'Content-Type: application/json' --data '{"login":"root","password":"wrong"}' "$URL/api/v1/login"
pyok "Accept-Language: zh gives the message in Chinese" badpw_zh 'd["error"]["message"] == "账号或密码错误"'
req badpw_en -H 'Accept-Language: en-GB' -H 'Content-Type: application/json' --data '{"login":"root","password":"wrong"}' "$URL/api/v1/login"
pyok "Accept-Language: en gives it in English" badpw_en 'd["error"]["message"] == "wrong login or password"'
req nouser -H 'Content-Type: application/json' --data '{"login":"nobody","password":"wrong password"}' "$URL/api/v1/login"
status 401 "an unknown login: 401, the same answer"
req badjson -H 'Content-Type: application/json' --data '{"login":' "$URL/api/v1/login"
status 400 "malformed JSON: 400"
pyok "the error says where" badjson '"line 1" in d["error"]["message"]'
req badtype -H 'Content-Type: application/json' --data '{"login":5,"password":"x"}' "$URL/api/v1/login"
status 400 "a number for the login: 400"
login root root
[ "$code" = 200 ] && ok "the admin signs in" || not_ok "the admin signs in" "$code $(cat "$WORK/login_root.json")"
login root2 root
grep -qi '^set-cookie: tvet_session=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Strict' "$WORK/login_root.h" &&
	ok "the session cookie is HttpOnly and SameSite=Strict" || not_ok "the cookie" "$(grep -i set-cookie "$WORK/login_root.h")"
pyok "the answer has the account and a CSRF token" login_root 'd["user"]["role"] == "admin" and len(d["csrf"]) == 64'

# --- the plan and indicators -----------------------------------------------
get plan root "/api/v1/plan/status?year=2025"
status 200 "the plan's status"
pyok "47 criteria, counts, and the 9 actions that have targets" plan 'len(d["targets"]) == 47 and sum(d["counts"].values()) == 47 and len(d["actions"]) == 9'
pyok "G7 as the CLI says it" plan '[t for t in d["targets"] if t["id"] == "G7"][0]["explanation"] == "2025年中职毕业生升学率为57.4%，较上年提高6.2个百分点，已达成55%目标。"'
"$TVET" --db "$DB" plan status --year 2025 --format json >"$WORK/cli.json"
python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(0 if a == b else 1)" \
	"$WORK/plan.json" "$WORK/cli.json" && ok "the API and the CLI give the same JSON" || not_ok "the API and the CLI agree"
get unit root "/api/v1/plan/status?year=2025&unit=police"
pyok "?unit=police: action 1's three criteria" unit 'sorted(t["id"] for t in d["targets"]) == ["A1a", "A1b", "A1c"]'
get badyear root "/api/v1/plan/status?year=abc"
status 400 "?year=abc: 400"
get nounit root "/api/v1/plan/status?unit=330902S01"
status 404 "?unit= a school: 404"
get g7 root "/api/v1/plan/targets/G7?year=2025"
status 200 "one target"
pyok "G7 with its seven schools" g7 'len(d) == 1 and len(d[0]["by_school"]) == 7'
get nope root "/api/v1/plan/targets/NOPE"
status 404 "an unknown target: 404"
get ind root "/api/v1/indicators/progression_rate_secondary?year=2025"
status 200 "an indicator at the city"
pyok "57.4 % = 1946 / 3389" ind 'd["numerator"] == 1946 and d["denominator"] == 3389 and abs(d["value"] - 194600 / 3389) < 1e-9'
get inds root "/api/v1/indicators"
pyok "the 11 indicators" inds 'len(d) == 11'
get orgs root "/api/v1/orgs"
pyok "the city, 4 districts and 9 schools" orgs 'len(d) == 14'

# --- who may see what --------------------------------------------------------
login s1 school1
get own s1 "/api/v1/indicators/progression_rate_secondary?year=2025&org=330902S04"
status 200 "a school sees its own figures"
get other s1 "/api/v1/indicators/progression_rate_secondary?year=2025&org=330903S01"
status 403 "a school does not see another school's figures"
get s1plan s1 "/api/v1/plan/targets/G7?year=2025"
pyok "in a target's schools a school sees only itself" s1plan '[s["school"] for s in d[0]["by_school"]] == ["330902S04"]'
get s1users s1 "/api/v1/users"
status 403 "a school may not list accounts"
login police1 police1
get poplan police1 "/api/v1/plan/targets/G7?year=2025"
pyok "a department sees every school of a target" poplan 'len(d[0]["by_school"]) == 7'
as police1 pousers -X POST \
	-H 'Content-Type: application/json' --data '{"login":"x1","role":"viewer","password":"0123456789ab"}' "$URL/api/v1/users"
status 403 "a department may not add accounts"

# --- writes: CSRF -----------------------------------------------------------
req nocsrf -b "$WORK/root.jar" -H 'Content-Type: application/json' \
	--data '{"login":"viewer1","role":"viewer","password":"0123456789ab"}' "$URL/api/v1/users"
status 403 "a write without the CSRF token: 403"
req wrongcsrf -b "$WORK/root.jar" -H "X-CSRF-Token: $(cat "$WORK/s1.csrf")" -H 'Content-Type: application/json' \
	--data '{"login":"viewer1","role":"viewer","password":"0123456789ab"}' "$URL/api/v1/users"
status 403 "a write with another session's CSRF token: 403"
run "$TVET" --db "$DB" user list --format json
grep -q viewer1 "$WORK/out" && not_ok "nothing was written" || ok "nothing was written"
as root adduser -H 'Content-Type: application/json' \
	--data '{"login":"viewer1","name":"公众","role":"viewer","password":"0123456789ab"}' "$URL/api/v1/users"
status 201 "the admin adds an account"
as root dupuser -H 'Content-Type: application/json' \
	--data '{"login":"viewer1","role":"viewer","password":"0123456789ab"}' "$URL/api/v1/users"
status 409 "the same login again: 409"
get users root "/api/v1/users"
pyok "the list has the new account and no hashes" users '"viewer1" in [u["login"] for u in d] and "pw_hash" not in json.dumps(d) and "argon2" not in json.dumps(d)'

# --- imports: the CLI's report through the API --------------------------------------
"$TVET" --db "$DB" export school_stats --school 330902S04 --year 2025 -o "$WORK/stats.csv" >/dev/null
as s1 imp_dry -H 'X-File-Name: 舟山职校2025.csv' \
	--data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/school_stats?dry_run=1"
status 200 "a school checks its own file (dry run)"
pyok "the report: one row, nothing written" imp_dry 'd["rows"] == 1 and d["errors"] == 0 and d["written"] is False and d["file"] == "舟山职校2025.csv"'
awk -F, -v OFS=, 'NR == 2 { $4 = -5 } { print }' "$WORK/stats.csv" >"$WORK/bad.csv"
# (sessions are touched by every request: left out)
sqlite3 "$DB" .dump | grep -v 'INSERT INTO app_session' >"$WORK/before.sql"
as s1 imp_bad -H 'X-File-Name: bad.csv' \
	--data-binary "@$WORK/bad.csv" "$URL/api/v1/imports/school_stats"
status 400 "a file with an error: 400"
pyok "the error lists the row, column and rule" imp_bad 'd["error"]["code"] == "bad_input" and d["error"]["details"][0]["row"] == 2 and d["error"]["details"][0]["rule"] and d["report"]["written"] is False'
sqlite3 "$DB" .dump | grep -v 'INSERT INTO app_session' >"$WORK/after.sql"
cmp -s "$WORK/before.sql" "$WORK/after.sql" && ok "the refused file changed nothing" || not_ok "the refused file changed nothing"
as s1 imp_ok -H 'X-File-Name: stats.csv' \
	--data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/school_stats"
status 200 "a school imports its own file"
pyok "written as a batch" imp_ok 'd["written"] is True and d["batch"] > 0'
as s1 imp_other \
	--data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/school_stats?school=330903S01"
status 403 "a school may not import for another school"
"$TVET" --db "$DB" export school_stats --school 330903S01 --year 2025 -o "$WORK/other.csv" >/dev/null
as s1 imp_other2 \
	--data-binary "@$WORK/other.csv" "$URL/api/v1/imports/school_stats"
status 400 "another school's rows in a school's file are refused"
as s1 imp_kind \
	--data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/registry"
status 403 "a school may not import the registry"
as root2 imp_nokind \
	--data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/nosuchkind"
status 404 "an unknown kind: 404"
req imp_nocsrf -b "$WORK/s1.jar" --data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/school_stats"
status 403 "an import without the CSRF token: 403"
as s1 imp_empty -X POST "$URL/api/v1/imports/school_stats"
status 400 "an empty upload: 400"

# --- kept answers follow the data ----------------------------------------------------
get c8a root2 "/api/v1/plan/targets/C8?year=2025"
get c8b root2 "/api/v1/plan/targets/C8?year=2025"
pyok "C8 is off track (asked twice: the second answer is the kept one)" c8b 'd[0]["status"] == "off_track"'
printf 'Target,Year,Status,Evidence,Assessor,Assessor ID number,Assessed on\nC8,2025,achieved,试点已获批（测试）,市教育局 测试,,2025-12-30\n' >"$WORK/c8.csv"
run "$TVET" --db "$DB" import assessments "$WORK/c8.csv"
expect_rc 0 "the CLI imports an assessment while the server runs"
get c8c root2 "/api/v1/plan/targets/C8?year=2025"
pyok "the next answer has it: C8 achieved" c8c 'd[0]["status"] == "achieved" and "试点已获批" in d[0]["explanation"]'

# --- kept answers and sessions: shared, and ended by the CLI at once ---------------
# The server keeps answers and checked sessions while the database is
# unchanged, but nothing in the 20 ms after a change (a file's time moves by
# the clock's tick): each block waits that out, so that its second request
# is answered from what was kept.
settle() { sleep 0.2; }
settle
get k1 root2 "/api/v1/plan/status?year=2025"
get k2 root2 "/api/v1/plan/status?year=2025"
status 200 "a kept answer of the plan: 200"
[ -s "$WORK/k2.json" ] && cmp -s "$WORK/k1.json" "$WORK/k2.json" && ok "the kept answer is the first one, byte for byte" ||
	not_ok "the kept answer is the first one" "$(wc -c <"$WORK/k1.json") and $(wc -c <"$WORK/k2.json") bytes"
len=$(tr -d '\r' <"$WORK/k2.h" | sed -n 's/^[Cc]ontent-[Ll]ength: //p')
[ "$len" = "$(wc -c <"$WORK/k2.json")" ] && grep -qi '^content-type: application/json' "$WORK/k2.h" &&
	grep -qi '^cache-control: no-store' "$WORK/k2.h" && grep -qi "^content-security-policy: default-src 'self'" "$WORK/k2.h" &&
	grep -qi '^x-content-type-options: nosniff' "$WORK/k2.h" && ok "sent with its length, as JSON, no-store, with the security headers" ||
	not_ok "the kept answer's headers" "$(cat "$WORK/k2.h")"
get k3 s1 "/api/v1/plan/status?year=2025"
pyok "a school asking the same gets its own view, not the kept one: its school only" k3 \
	'all(s["school"] == "330902S04" for t in d["targets"] for s in t.get("by_school", [])) and any(t.get("by_school") for t in d["targets"])'
pyok "while the kept answer has other schools" k2 \
	'any(s["school"] != "330902S04" for t in d["targets"] for s in t.get("by_school", []))'
adduser kept1 admin
adduser kept2 admin
adduser kept3 admin
login kept1 kept1
login kept2 kept2
login kept3 kept3
settle
get kept1a kept1 "/api/v1/me"
get kept1b kept1 "/api/v1/me"
pyok "a session checked twice (the second from the memo)" kept1b 'd["user"]["login"] == "kept1"'
run "$TVET" --db "$DB" user disable kept1
get kept1c kept1 "/api/v1/me"
status 401 "the CLI disables the account: its kept session ends at once"
settle
get kept1d kept1 "/api/v1/me"
status 401 "and stays ended once the change has settled"
settle
get kept2a kept2 "/api/v1/me"
get kept2b kept2 "/api/v1/me"
status 200 "another kept session"
as kept2 kept2out -X POST "$URL/api/v1/logout"
get kept2c kept2 "/api/v1/me"
status 401 "signed out, a kept session ends at once"
settle
get kept2d kept2 "/api/v1/me"
status 401 "and stays ended once the sign-out has settled"
settle
get kept3a kept3 "/api/v1/me"
get kept3b kept3 "/api/v1/me"
status 200 "a third kept session"
h=$(printf '%s' "$(awk '$6 == "tvet_session" { print $7 }' "$WORK/kept3.jar")" | sha256sum | cut -d' ' -f1)
sqlite3 "$DB" "UPDATE app_session SET created = created - 46800 WHERE token_hash = '$h'"
get kept3c kept3 "/api/v1/me"
status 401 "made 13 hours old behind the server's back: a kept session ends at once"
settle
get kept3d kept3 "/api/v1/me"
status 401 "and stays ended once the change has settled"

# --- submissions and approval ----------------------------------------------------
SUB="$URL/api/v1/submissions/330902S04/2025"
req sub0 -b "$WORK/s1.jar" "$SUB"
status 200 "a school sees its submission"
pyok "open at first" sub0 'd["status"] == "open"'
get sub_other s1 "/api/v1/submissions/330903S01/2025"
status 403 "a school does not see another school's submission"
as s1 sub_appr_school -X POST "$SUB/approve"
status 403 "a school may not approve"
as s1 sub_submit -X POST "$SUB/submit"
status 200 "the school submits its year"
pyok "submitted, by the school's login" sub_submit 'd["status"] == "submitted" and d["changed_by"] == "school1"'
as s1 sub_again -X POST "$SUB/submit"
status 409 "submitting twice: 409"
login edu edu
as edu sub_approve -X POST "$SUB/approve"
status 200 "the bureau approves"
as s1 imp_locked \
	--data-binary "@$WORK/stats.csv" "$URL/api/v1/imports/school_stats"
status 400 "an import into the approved year is refused"
pyok "the report says the year is locked" imp_locked 'any("lock" in i["rule"] or "approved" in i["message"] for i in d["error"]["details"])'
as edu sub_reopen -X POST "$SUB/reopen"
status 200 "the bureau reopens"
as edu sub_bad -X POST "$SUB/explode"
status 404 "an unknown move: 404"
get sub_badyear edu "/api/v1/submissions/330902S04/20x5"
status 400 "a bad year in the path: 400"
run "$TVET" --db "$DB" submission status --school 330902S04 --year 2025 --format csv
expect_out "reopened" "the CLI sees the API's moves"

# --- routes and limits ---------------------------------------------------------
get unknown root "/api/v1/nothing"
status 404 "an unknown route: 404"
req method -b "$WORK/root.jar" -X DELETE "$URL/api/v1/plan/status"
status 405 "a wrong method: 405"
head -c 20000000 /dev/zero | tr '\0' 'a' >"$WORK/big"
req big -H 'Content-Type: application/json' --data-binary "@$WORK/big" "$URL/api/v1/login"
status 413 "a body over the cap: 413"

# --- sessions end ---------------------------------------------------------------
as root logout -X POST "$URL/api/v1/logout"
status 200 "sign out"
get after root "/api/v1/me"
status 401 "the old session no longer works"

# --- the trail and the log --------------------------------------------------------
run "$TVET" --db "$DB" audit verify
expect_rc 0 "the audit trail is intact"
run "$TVET" --db "$DB" audit list --format csv
grep -q 'login.failed' "$WORK/out" && grep -q 'user.add' "$WORK/out" && grep -q 'import' "$WORK/out" &&
	grep -q 'submission.approve' "$WORK/out" && ok "failed logins, the new account, the import and the approval are on the trail" ||
	not_ok "the audit trail has the logins" "$(head -c 400 "$WORK/out")"
grep -q '"GET /api/v1/plan/status" 200' "$WORK/serve.log" && ok "an access line per request" || not_ok "the access log" "$(head -5 "$WORK/serve.log")"
grep -q 'correct horse\|0123456789ab' "$WORK/serve.log" && not_ok "no password in the log" || ok "no password in the log"
req forge "$URL/x%0a2001-01-01T00:00:00Z%20127.0.0.1%20root%20%22GET%20/forged%22%20200"
req last "$URL/api/v1/last-before-stop"
stop_server "SIGTERM stops the server cleanly"
# The log is written in batches: after the stop it holds every request, the
# last one too, and a path cannot forge a line (MHD hands it %-decoded).
grep -q '"GET /api/v1/last-before-stop" 404' "$WORK/serve.log" && ok "the access log has the last request before the stop" ||
	not_ok "the access log has the last request" "$(tail -3 "$WORK/serve.log")"
grep -q '^2001-01-01T00:00:00Z' "$WORK/serve.log" && not_ok "a request cannot forge an access log line" "$(grep -n '^2001' "$WORK/serve.log")" ||
	ok "a request cannot forge an access log line"
grep -qF '"GET /x\x0a2001-01-01T00:00:00Z 127.0.0.1 root \x22GET /forged\x22 200" 404' "$WORK/serve.log" &&
	ok "control characters and quotes of a path are logged as \\xHH" || not_ok "a path's control characters are escaped" "$(grep -n 'forged' "$WORK/serve.log")"

# --- kept static files follow the files ----------------------------------------------
# A server of its own on a web directory the test may change. A file kept
# after its first read is served while it is the same file: same inode,
# size, mtime and ctime; a rewrite of the same size with its mtime set back
# still moves the ctime.
mkdir "$WORK/web"
printf 'one\n' >"$WORK/web/a.txt"
touch -d '2001-01-01 00:00:00' "$WORK/web/a.txt"
printf 'secret\n' >"$WORK/secret.txt"
"$TVET" --db "$DB" serve --port 0 --threads 2 --web "$WORK/web" >"$WORK/serve2.out" 2>"$WORK/serve2.log" &
PID2=$!
i=0
while [ $i -lt 100 ] && ! grep -q '^listening on' "$WORK/serve2.out" 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
URL2=$(sed -n 's/^listening on \(http:[^ ]*\)\/$/\1/p' "$WORK/serve2.out")
settle
req st1 "$URL2/a.txt"
req st2 "$URL2/a.txt"
[ "$code" = 200 ] && [ "$(cat "$WORK/st1.json")" = one ] && [ "$(cat "$WORK/st2.json")" = one ] &&
	ok "a static file, twice (the second kept)" || not_ok "a static file, twice" "HTTP $code: $(head -c 100 "$WORK/st2.json")"
grep -qi "^content-security-policy: default-src 'self'" "$WORK/st2.h" && grep -qi '^cache-control: no-cache' "$WORK/st2.h" &&
	ok "a kept file has the security headers" || not_ok "a kept file's headers" "$(cat "$WORK/st2.h")"
printf 'two\n' >"$WORK/web/a.txt"
touch -d '2001-01-01 00:00:00' "$WORK/web/a.txt"
req st3 "$URL2/a.txt"
[ "$(cat "$WORK/st3.json")" = two ] && ok "rewritten at the same size and time: the new text" ||
	not_ok "a rewritten file is served as it is now" "$(head -c 100 "$WORK/st3.json")"
settle
req st4 "$URL2/a.txt"
req st5 "$URL2/a.txt"
[ "$(cat "$WORK/st5.json")" = two ] && ok "and kept as it is now" || not_ok "kept as it is now" "$(head -c 100 "$WORK/st5.json")"
rm "$WORK/web/a.txt"
ln -s "$WORK/secret.txt" "$WORK/web/a.txt"
req st6 "$URL2/a.txt"
status 404 "a kept file replaced by a symbolic link: 404"
rm "$WORK/web/a.txt"
req st7 "$URL2/a.txt"
status 404 "a kept file removed: 404"
kill -TERM $PID2
wait $PID2
finish
