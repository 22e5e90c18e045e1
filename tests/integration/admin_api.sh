# admin_api.sh - the accounts, audit and history routes against the real
# server on 127.0.0.1 with port 0, on the demo database: an administrator
# adds accounts, sets passwords, disables and enables them (never its own),
# reads and verifies the audit trail; any account changes its own password;
# the imports and changed values are listed, a school seeing its own only;
# a department imports assessments of its own targets only, an enterprise
# its own demand rows only. Each refusal writes nothing, each write is in
# the audit trail. Also: `tvet user list --format json` says what
# GET /api/v1/users says.
. "$(dirname "$0")/lib.sh"
DB="$WORK/adm.db"
PW='correct horse battery'
OWN=330902S04
OTHER=330903S01

demo_db
USCC=$(sql "SELECT uscc FROM enterprise ORDER BY id LIMIT 1")
USCC2=$(sql "SELECT uscc FROM enterprise ORDER BY id LIMIT 1 OFFSET 1")
adduser root admin
adduser root2 admin
adduser edu bureau
adduser hrdept department hrss
adduser sch school "$OWN"
adduser sch2 school "$OTHER"
adduser firm enterprise "$USCC"
adduser pub viewer
# an account without a name: "" in the CLI's JSON as in the API's
printf '%s\n' "$PW" | "$TVET" --db "$DB" user add noname --role viewer >/dev/null 2>&1 || not_ok "user noname"

# two batches by the CLI, one per school, before the server starts: each
# school's 2025 places 10 more than the demo's (the school's own file, later
# imported through the API, puts its figure back)
"$TVET" --db "$DB" export school_stats --school "$OWN" --year 2025 -o "$WORK/own.csv" >/dev/null 2>&1 &&
	"$TVET" --db "$DB" export school_stats --school "$OTHER" --year 2025 -o "$WORK/other.csv" >/dev/null 2>&1 ||
	not_ok "the school_stats files"
PLACES=$(sed -n 2p "$WORK/own.csv" | cut -d, -f3) # the demo's places of $OWN in 2025
# the batches: the demo's own (its evaluations, no school's), then the CLI's
# of each school, then the school's through the API
B0=$(sql "SELECT coalesce(max(id), 0) FROM import_batch")
B_OWN=$((B0 + 1)) B_OTHER=$((B0 + 2)) B_API=$((B0 + 3))
for v in own other; do
	python3 - "$WORK/$v.csv" "$WORK/${v}_more.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
rows[1][2] = str(int(rows[1][2]) + 10)  # School places
csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline='')).writerows(rows)
PY
	"$TVET" --db "$DB" import school_stats "$WORK/${v}_more.csv" >/dev/null 2>"$WORK/err" </dev/null ||
		not_ok "the CLI imports ${v}_more.csv" "$(cat "$WORK/err")"
done

serve
started "tvet serve --port 0 prints its URL"

# post NAME AS PATH [JSON]: a POST as the session AS, with its CSRF token.
post() {
	n_=$1 as_=$2 path_=$3
	shift 3
	if [ $# -gt 0 ]; then
		as "$as_" "$n_" -H 'Content-Type: application/json' --data "$1" "$URL$path_"
	else
		as "$as_" "$n_" -X POST "$URL$path_"
	fi
}
audits() { sql "SELECT count(*) FROM audit_log"; }
newest() { sql "SELECT who || ' ' || ip || ' ' || action || ' ' || detail FROM audit_log ORDER BY id DESC LIMIT 1"; }
# unchanged BEFORE DESC: the audit trail has as many entries as BEFORE.
unchanged() { [ "$(audits)" = "$1" ] && ok "$2" || not_ok "$2" "$1 audit entries before, $(audits) after: $(newest)"; }

for who in root root2 edu hrdept sch sch2 firm pub; do login "$who" "$who"; done
[ -s "$WORK/root.csrf" ] && [ -s "$WORK/pub.csrf" ] && ok "every account signs in" || not_ok "every account signs in"

# --- the account list: the CLI's JSON is the API's --------------------------
get users root /api/v1/users
status 200 "an administrator lists the accounts"
"$TVET" --db "$DB" user list --format json >"$WORK/cli_users.json" </dev/null
if python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(0 if a == b else 1)" \
	"$WORK/users.json" "$WORK/cli_users.json"; then ok "tvet user list --format json equals GET /api/v1/users"; else
	not_ok "tvet user list --format json equals GET /api/v1/users" "$(diff "$WORK/users.json" "$WORK/cli_users.json" | head -c 300)"; fi
pyok "an empty name and scope are \"\", not null" cli_users '[u for u in d if u["login"] == "noname"] == [{"login": "noname", "name": "", "role": "viewer", "scope": "", "disabled": False}]'

# --- adding an account --------------------------------------------------------
before=$(audits)
post add_weak root /api/v1/users '{"login":"newschool","name":"新学校","role":"school","scope":"330902S05","password":"short"}'
status 400 "a weak password: 400"
pyok "which says the rule" add_weak '"at least 10" in d["error"]["message"]'
post add_noscope root /api/v1/users '{"login":"newschool","role":"school","password":"0123456789ab"}'
status 400 "a school account without its school: 400"
unchanged "$before" "neither was written nor audited"
post add root /api/v1/users '{"login":"newschool","name":"新学校","role":"school","scope":"330902S05","password":"0123456789ab"}'
status 201 "an administrator adds a school account"
pyok "the answer is the account" add 'd == {"login": "newschool", "name": "新学校", "role": "school", "scope": "330902S05", "disabled": False}'
[ "$(newest)" = "root 127.0.0.1 user.add login=newschool role=school scope=330902S05 name=新学校" ] &&
	ok "audited as user.add by root from its address" || not_ok "audited as user.add" "$(newest)"
post add_bureau edu /api/v1/users '{"login":"another","role":"viewer","password":"0123456789ab"}'
status 403 "the bureau may not add accounts"

# --- an administrator sets a password ------------------------------------------
login newschool newschool 0123456789ab
get me_before newschool /api/v1/me
status 200 "the new account signs in"
before=$(audits)
post pw_weak root /api/v1/users/newschool/password '{"password":"newschool"}'
status 400 "a password too short (and the login itself): 400"
post pw_missing root /api/v1/users/newschool/password '{}'
status 400 "no password in the body: 400"
post pw_nobody root /api/v1/users/nobody/password '{"password":"a fine new password"}'
status 404 "an unknown login: 404"
pyok "which names it" pw_nobody '"nobody" in d["error"]["message"]'
post pw_bureau edu /api/v1/users/newschool/password '{"password":"a fine new password"}'
status 403 "the bureau may not set passwords"
post pw_school sch /api/v1/users/sch/password '{"password":"a fine new password"}'
status 403 "a school may not use the administrators' route, not even for itself"
req pw_nocsrf -b "$WORK/root.jar" -H 'Content-Type: application/json' --data '{"password":"a fine new password"}' "$URL/api/v1/users/newschool/password"
status 403 "without the CSRF token: 403"
unchanged "$before" "no refused change was written or audited"
post pw root /api/v1/users/newschool/password '{"password":"a fine new password"}'
status 200 "an administrator sets the password"
pyok "the answer is the account" pw 'd["login"] == "newschool" and d["disabled"] is False'
[ "$(newest)" = "root 127.0.0.1 user.passwd login=newschool" ] && ok "audited as user.passwd" || not_ok "audited as user.passwd" "$(newest)"
get me_after newschool /api/v1/me
status 401 "the account's session has ended"
login newschool_old newschool 0123456789ab
[ "$code" = 401 ] && ok "the old password no longer signs in" || not_ok "the old password no longer signs in" "HTTP $code"
login newschool newschool 'a fine new password'
[ "$code" = 200 ] && ok "the new password does" || not_ok "the new password does" "HTTP $code"

# --- disable and enable ---------------------------------------------------------
before=$(audits)
post dis_self root /api/v1/users/root/disable
status 409 "an administrator may not disable itself"
pyok "which says so" dis_self '"own account" in d["error"]["message"]'
post dis_nobody root /api/v1/users/nobody/disable
status 404 "disabling an unknown login: 404"
post en_nobody root /api/v1/users/nobody/enable
status 404 "enabling an unknown login: 404"
post dis_bureau edu /api/v1/users/newschool/disable
status 403 "the bureau may not disable accounts"
get dis_get root /api/v1/users/newschool/disable
status 405 "GET on the disable route: 405"
unchanged "$before" "no refused change was written or audited"
[ "$(sql "SELECT disabled FROM app_user WHERE login = 'root'")" = 0 ] && ok "root is still enabled" || not_ok "root is still enabled"
post dis root /api/v1/users/newschool/disable
status 200 "an administrator disables an account"
pyok "the answer says disabled" dis 'd["login"] == "newschool" and d["disabled"] is True'
[ "$(newest)" = "root 127.0.0.1 user.disable login=newschool" ] && ok "audited as user.disable" || not_ok "audited as user.disable" "$(newest)"
[ "$(sql "SELECT count(*) FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE u.login = 'newschool'")" = 0 ] &&
	ok "its sessions are gone from the store" || not_ok "its sessions are gone from the store"
get me_disabled newschool /api/v1/me
status 401 "its session no longer works"
login newschool_dis newschool 'a fine new password'
[ "$code" = 401 ] && ok "a disabled account cannot sign in" || not_ok "a disabled account cannot sign in" "HTTP $code"
post dis_other root2 /api/v1/users/root/disable
status 200 "another administrator may disable root"
get me_root root /api/v1/me
status 401 "and root's session ends"
post en root2 /api/v1/users/root/enable
status 200 "root is enabled again"
pyok "the answer says enabled" en 'd["login"] == "root" and d["disabled"] is False'
[ "$(newest)" = "root2 127.0.0.1 user.enable login=root" ] && ok "audited as user.enable" || not_ok "audited as user.enable" "$(newest)"
login root root
[ "$code" = 200 ] && ok "root signs in again" || not_ok "root signs in again" "HTTP $code"
post en2 root /api/v1/users/newschool/enable
status 200 "newschool is enabled again"
login newschool newschool 'a fine new password'
[ "$code" = 200 ] && ok "and signs in" || not_ok "newschool signs in once enabled" "HTTP $code"

# --- one's own password ------------------------------------------------------------
login pub2 pub
failures() { sql "SELECT count(*) FROM login_failure WHERE key = 'login:pub'"; }
before=$(audits)
post own_weak pub /api/v1/me/password "{\"old\":\"$PW\",\"new\":\"short\"}"
status 400 "a weak new password: 400"
post own_missing pub /api/v1/me/password "{\"old\":\"$PW\"}"
status 400 "no new password: 400"
unchanged "$before" "neither is written nor audited"
[ "$(failures)" = 0 ] && ok "nor counted as failures" || not_ok "nor counted as failures" "$(failures)"
post own_wrong pub /api/v1/me/password '{"old":"not my password","new":"a new passphrase"}'
status 400 "a wrong current password: 400, not 401 (the session lives on)"
pyok "which says the current password is wrong" own_wrong '"current password" in d["error"]["message"]'
[ "$(newest)" = "pub 127.0.0.1 user.passwd.failed wrong current password" ] && ok "audited as user.passwd.failed" ||
	not_ok "audited as user.passwd.failed" "$(newest)"
[ "$(failures)" = 1 ] && ok "and counted as a failed sign-in" || not_ok "and counted as a failed sign-in" "$(failures)"
get me_pub pub /api/v1/me
status 200 "the session still works"
post own pub /api/v1/me/password "{\"old\":\"$PW\",\"new\":\"a new passphrase\"}"
status 200 "a viewer changes its own password"
pyok "the answer says the session ended" own 'd == {"changed": True, "signed_out": True}'
grep -qi '^set-cookie: tvet_session=;.*Max-Age=0' "$WORK/own.h" && ok "the cookie is cleared" || not_ok "the cookie is cleared" "$(cat "$WORK/own.h")"
[ "$(newest)" = "pub 127.0.0.1 user.passwd login=pub" ] && ok "audited as user.passwd by pub" || not_ok "audited as user.passwd by pub" "$(newest)"
get me_pub pub /api/v1/me
status 401 "its session has ended"
get me_pub2 pub2 /api/v1/me
status 401 "and its other session too"
login pub pub
[ "$code" = 401 ] && ok "the old password no longer signs in" || not_ok "the old password no longer signs in" "HTTP $code"
login pub pub 'a new passphrase'
[ "$code" = 200 ] && ok "the new one does" || not_ok "the new one does" "HTTP $code"
# the sign-in with the new password forgot the failures: five wrong guesses
# are answered, the sixth is not
for i in 1 2 3 4 5 6; do post own_w$i pub /api/v1/me/password '{"old":"guess guess guess","new":"a new passphrase"}'; [ $i = 5 ] && c5=$code; done
[ "$c5" = 400 ] && [ "$code" = 429 ] && ok "guessing the current password is throttled like signing in (the sixth: 429)" ||
	not_ok "guessing the current password is throttled (429)" "HTTP $c5 then $code: $(cat "$WORK/own_w6.json")"
req anon_pw -H 'Content-Type: application/json' --data '{"old":"x","new":"y"}' "$URL/api/v1/me/password"
status 401 "without a session: 401"

# --- the audit trail -------------------------------------------------------------
get audit root '/api/v1/audit?limit=5'
status 200 "an administrator reads the audit trail"
pyok "five entries, newest first, with their fields" audit 'len(d) == 5 and [e["id"] for e in d] == sorted([e["id"] for e in d], reverse=True) and set(d[0]) == {"id", "at", "who", "ip", "action", "detail"}'
"$TVET" --db "$DB" audit list --limit 5 --format json >"$WORK/cli_audit.json" </dev/null
if python3 -c "
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
b = [{k: ('' if v is None else v) for k, v in e.items()} for e in b]
sys.exit(0 if a == b else 1)" "$WORK/audit.json" "$WORK/cli_audit.json"; then ok "the entries tvet audit list shows"; else
	not_ok "the entries tvet audit list shows" "$(head -c 300 "$WORK/cli_audit.json")"; fi
get audit_who root '/api/v1/audit?who=root2&limit=100'
pyok "?who= keeps that account's entries: root2's sign-in, disable and enable" audit_who '[e["action"] for e in d] == ["user.enable", "user.disable", "login"] and {e["who"] for e in d} == {"root2"}'
get audit_default root /api/v1/audit
pyok "50 entries unless ?limit= (of $(audits))" audit_default "len(d) == min(50, $(audits))"
get audit_bad root '/api/v1/audit?limit=0'
status 400 "limit 0: 400"
get audit_bad2 root '/api/v1/audit?limit=ten'
status 400 "limit ten: 400"
get audit_edu edu /api/v1/audit
status 403 "the bureau may not read the audit trail"
get verify root /api/v1/audit/verify
status 200 "the chain verifies"
pyok "intact, over every entry" verify "d['intact'] is True and d['entries'] == $(audits)"

# --- history: the imports and the changed values --------------------------------
as sch imp_school -H 'X-File-Name: own2025.csv' \
	--data-binary "@$WORK/own.csv" "$URL/api/v1/imports/school_stats"
status 200 "the school imports its file through the API"
get imports root /api/v1/imports
status 200 "an administrator lists the imports"
pyok "every batch, newest first: the school's, then the CLI's two, then the demo's $B0" imports "[b['batch'] for b in d][:3] == [$B_API, $B_OTHER, $B_OWN] and len(d) == $(sql "SELECT count(*) FROM import_batch") == $B_API"
pyok "with who, file, kind, school, year, rows and values changed" imports 'd[0]["who"] == "sch" and d[0]["file"] == "own2025.csv" and d[0]["kind"] == "school_stats" and d[0]["school"] == "'$OWN'" and d[0]["year"] == 2025 and d[0]["rows"] == 1 and d[0]["changed"] == 1 and d[2]["who"].startswith("cli") and d[2]["changed"] == 1 and d[2]["file"] == "own_more.csv"'
"$TVET" --db "$DB" history --imports --format json >"$WORK/cli_imports.json" </dev/null
pyok "the batches tvet history --imports lists" imports "[(b['batch'], b['file'], b['changed']) for b in d] == [(b['import'], b['file'], b['changed']) for b in json.load(open('$WORK/cli_imports.json'))]"
get imports_own root "/api/v1/imports?school=$OWN"
pyok "?school= keeps that school's files" imports_own "[b['batch'] for b in d] == [$B_API, $B_OWN]"
get imports_kind root "/api/v1/imports?kind=assessments"
pyok "?kind= keeps that kind's" imports_kind 'd == []'
get imports_year root "/api/v1/imports?year=2024"
pyok "?year= keeps that year's" imports_year "[b['batch'] for b in d] == [$(sql "SELECT group_concat(id, ', ') FROM (SELECT id FROM import_batch WHERE year = 2024 ORDER BY id DESC)")] and {b['year'] for b in d} <= {2024}"
get imports_limit root "/api/v1/imports?limit=1"
pyok "?limit=1: the newest" imports_limit "[b['batch'] for b in d] == [$B_API]"
get imports_badyear root "/api/v1/imports?year=1999"
status 400 "a year out of range: 400"
get imports_sch sch /api/v1/imports
status 200 "a school lists imports"
pyok "its own school's only" imports_sch "[b['batch'] for b in d] == [$B_API, $B_OWN] and {b['school'] for b in d} == {'$OWN'}"
get imports_sch_other sch "/api/v1/imports?school=$OTHER"
status 403 "another school's: 403"
get imports_sch2 sch2 /api/v1/imports
pyok "the other school sees its own batch only" imports_sch2 "[b['batch'] for b in d] == [$B_OTHER]"
get imports_hr hrdept /api/v1/imports
status 200 "a department lists every import"
pyok "all $B_API" imports_hr "len(d) == $B_API"
get imports_firm firm /api/v1/imports
status 403 "an enterprise may not"
get imports_pub pub /api/v1/imports
status 403 "a viewer may not"
get changes sch /api/v1/history
status 200 "a school reads the changed values"
pyok "its own school's only; its places back and forth, named" changes "[(c['batch'], c['old'], c['new'], c['element_name']) for c in d if c['element'] == 'places'] == [($B_API, $((PLACES + 10)), $PLACES, '学位数'), ($B_OWN, $PLACES, $((PLACES + 10)), '学位数')] and {c['school'] for c in d} == {'$OWN'} and all('old' in c and 'new' in c and 'element_name' in c for c in d)"
pyok "as many as the store has of it" changes "len(d) == $(sql "SELECT count(*) FROM datavalue_history h JOIN org o ON o.id = h.org_id WHERE o.code = '$OWN'")"
get changes_all root "/api/v1/history?element=places&year=2025"
pyok "?element= and ?year= filter, the name in both languages" changes_all "d and {c['element'] for c in d} == {'places'} and d[0]['element_name'] == '学位数' and d[0]['element_name_en'] == 'School places'"

# --- a department assesses its own targets, an enterprise its own rows -----------
# hrss leads or shares actions 2-8: C4 (action 2) is its own, C9 (action 9) not
printf 'target,year,status,evidence,assessor,assessed_on\nC4,2025,on_track,市人社局文件,王五,2025-12-01\n' >"$WORK/assess_own.csv"
printf 'target,year,status,evidence,assessor,assessed_on\nC4,2025,at_risk,x,王五,2025-12-01\nC9,2025,off_track,y,王五,2025-12-01\n' >"$WORK/assess_mixed.csv"
batches() { sql "SELECT count(*) FROM import_batch"; }
assessed() { sql "SELECT status FROM target_assessment WHERE target_id = '$1' AND year = 2025"; }
b0=$(batches) a0=$(audits) c9=$(assessed C9)
as hrdept dep_mixed -H 'X-File-Name: mixed.csv' -H 'Accept-Language: zh-CN' \
	--data-binary "@$WORK/assess_mixed.csv" "$URL/api/v1/imports/assessments"
status 403 "a department's file with another department's target: 403"
pyok "the row, column and value are named" dep_mixed 'd["error"]["code"] == "forbidden" and [(i["row"], i["value"], i["rule"]) for i in d["error"]["details"]] == [(3, "C9", "other_department")]'
pyok "in the caller's language" dep_mixed 'd["error"]["message"] == "有 1 行不属于本账号：未导入任何数据" and d["error"]["details"][0]["column"] == "目标编号" and "责任单位只能评估" in d["error"]["details"][0]["message"]'
[ "$(batches)" = "$b0" ] && [ "$(audits)" = "$a0" ] && [ "$(assessed C9)" = "$c9" ] && [ "$(assessed C4)" != at_risk ] &&
	ok "nothing was written, not even its own row" || not_ok "nothing was written" "batches $b0 -> $(batches), C4 $(assessed C4)"
as hrdept dep_own -H 'X-File-Name: 人社局评估.csv' \
	--data-binary "@$WORK/assess_own.csv" "$URL/api/v1/imports/assessments"
status 200 "a department assesses its own target"
[ "$(assessed C4)" = on_track ] && [ "$(batches)" -gt "$b0" ] && ok "the assessment is written" || not_ok "the assessment is written" "$(assessed C4)"
newest | grep -q '^hrdept 127.0.0.1 import assessments' && ok "audited as an import by hrdept" || not_ok "audited as an import by hrdept" "$(newest)"
get imports_ass hrdept "/api/v1/imports?kind=assessments"
pyok "the batch is listed with its kind and who" imports_ass 'len(d) == 1 and d[0]["who"] == "hrdept" and d[0]["rows"] == 1'
# every stored assessment as a workbook: the rows of other departments'
# targets are found in an XLSX file too, and only those
"$TVET" --db "$DB" export assessments -o "$WORK/assess_all.xlsx" >/dev/null 2>&1 </dev/null || not_ok "the assessments workbook"
theirs=$(sql "SELECT DISTINCT a.target_id FROM target_assessment a WHERE a.target_id NOT IN (SELECT t.id FROM plan_target t
	JOIN plan_action_department d ON d.action = t.action JOIN org o ON o.id = d.org_id WHERE o.code = 'hrss') ORDER BY 1" | tr '\n' ' ')
b0=$(batches)
as hrdept dep_xlsx -H 'X-File-Name: all.xlsx' \
	--data-binary "@$WORK/assess_all.xlsx" "$URL/api/v1/imports/assessments"
status 403 "a workbook of every department's assessments: 403"
pyok "its rows of other departments' targets are listed: $theirs" dep_xlsx "sorted({i['value'] for i in d['error']['details']}) == '$theirs'.split() and all(i['row'] >= 2 for i in d['error']['details'])"
[ "$(batches)" = "$b0" ] && ok "and nothing is written" || not_ok "and nothing is written"
as hrdept dep_stats --data-binary "@$WORK/own.csv" "$URL/api/v1/imports/school_stats"
status 403 "a department may not import a school's statistics"
printf 'enterprise,year,period,occupation,education,headcount\n%s,2026,2026,6-23-02-02,中职,7\n' "$USCC" >"$WORK/demand_own.csv"
printf 'enterprise,year,period,occupation,education,headcount\n%s,2026,2026,6-23-02-02,中职,7\n%s,2026,2026,6-23-02-02,中职,9\n' "$USCC" "$USCC2" >"$WORK/demand_mixed.csv"
demand() { sql "SELECT coalesce(sum(d.headcount), 0) FROM demand_survey d JOIN enterprise e ON e.id = d.enterprise_id WHERE e.uscc = '$1' AND d.year = 2026"; }
b0=$(batches)
as firm firm_mixed -H 'X-File-Name: demand.csv' \
	--data-binary "@$WORK/demand_mixed.csv" "$URL/api/v1/imports/demand"
status 403 "an enterprise's file with another enterprise's row: 403"
pyok "that row is named" firm_mixed "[(i['row'], i['value'], i['rule']) for i in d['error']['details']] == [(3, '$USCC2', 'other_enterprise')]"
[ "$(batches)" = "$b0" ] && [ "$(demand "$USCC")" = 0 ] && ok "nothing was written" || not_ok "nothing was written" "$(demand "$USCC")"
as firm firm_own -H 'X-File-Name: demand.csv' \
	--data-binary "@$WORK/demand_own.csv" "$URL/api/v1/imports/demand"
status 200 "an enterprise submits its own demand"
[ "$(demand "$USCC")" = 7 ] && ok "its rows are written" || not_ok "its rows are written" "$(demand "$USCC")"
as firm firm_sat --data-binary "@$WORK/demand_own.csv" "$URL/api/v1/imports/satisfaction"
status 403 "an enterprise may not import satisfaction ratings (a school's year is replaced for every enterprise)"
as firm firm_ass --data-binary "@$WORK/assess_own.csv" "$URL/api/v1/imports/assessments"
status 403 "nor assessments"
as hrdept dep_demand --data-binary "@$WORK/demand_own.csv" "$URL/api/v1/imports/demand"
status 403 "a department may not import demand rows"

get verify2 root /api/v1/audit/verify
pyok "the audit trail is still intact" verify2 "d['intact'] is True and d['entries'] == $(audits)"
grep -q 'correct horse\|a new passphrase\|0123456789ab\|a fine new password' "$WORK/serve.log" && not_ok "no password in the log" || ok "no password in the log"
stop_server "SIGTERM stops the server cleanly (no sanitizer report)"
finish
