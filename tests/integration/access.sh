# access.sh - who may call what, against the real server on the demo
# database: every route of `tvet serve --routes` for one account of each role
# (admin, bureau, department, school, enterprise, viewer) and an anonymous
# caller, written down as a table below; a route that names a school is asked
# for the school account's own school and for another. Writes carry the
# caller's CSRF token and a valid body, and a refused write must leave the
# accounts, the import batches, the submissions and the audit trail as they
# were. Then the same signed-in routes with a session made 13 hours old
# (401), and with the session of an account that was just disabled (401).
. "$(dirname "$0")/lib.sh"
DB="$WORK/a.db"
PW='correct horse battery'
OWN=330902S04   # the school account's school
OTHER=330903S01 # another school

demo_db
USCC=$(sql "SELECT uscc FROM enterprise ORDER BY id LIMIT 1")
adduser acc_admin admin
adduser acc_bureau bureau
adduser acc_department department hrss
adduser acc_school school "$OWN"
adduser acc_enterprise enterprise "$USCC"
adduser acc_viewer viewer
adduser acc_gone admin # disabled while signed in, at the end
adduser acc_target viewer # whose password the account routes set, disabled and enabled
# files of the kinds a department and an enterprise may import: a target the
# department (hrss) is responsible for (C4, action 2) and one it is not (C9,
# action 9); the enterprise's own demand rows and another enterprise's
USCC2=$(sql "SELECT uscc FROM enterprise ORDER BY id LIMIT 1 OFFSET 1")
for v in C4:assess-own C9:assess-other; do
	printf 'target,year,status,evidence,assessor,assessed_on\n%s,2025,on_track,文件,评估人,2025-12-01\n' "${v%%:*}" >"$WORK/${v#*:}.csv"
done
for v in "$USCC:demand-own" "$USCC2:demand-other"; do
	printf 'enterprise,year,period,occupation,education,headcount\n%s,2026,2026,6-23-02-02,中职,5\n' "${v%%:*}" >"$WORK/${v#*:}.csv"
done
# a valid file of each school for the import route
"$TVET" --db "$DB" export school_stats --school "$OWN" --year 2025 -o "$WORK/own.csv" >/dev/null 2>&1 &&
	"$TVET" --db "$DB" export school_stats --school "$OTHER" --year 2025 -o "$WORK/other.csv" >/dev/null 2>&1 ||
	not_ok "the school_stats files to import"
# the same figures as the web form sends them, for the form route:
# {"school_stats": {key: value}}, the headers mapped to keys by the kind
for v in own other; do
	python3 - "$WORK/$v.csv" "${TVET_DATA:-$(dirname "$0")/../../data}/kinds/school_stats.csv" >"$WORK/form_$v.json" <<'PY' ||
import csv, json, sys
keys = {}
for c in csv.DictReader(open(sys.argv[2], encoding='utf-8')):
    keys[c['header_en']] = keys[c['header_zh']] = keys[c['key']] = c['key']
head, row = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))[:2]
print(json.dumps({'school_stats': {keys[h]: float(v) if v else None for h, v in zip(head, row) if keys[h] not in ('school', 'year')}}))
PY
	not_ok "the form of $v"
done

# The matrix: method, route (as `tvet serve --routes` prints it), variant
# (own / other: the school in the URL is the school account's own or another;
# city: no school; -: no school involved; after a colon, the {verb}), then
# the status each caller gets. Parameters: {code} progression_rate_secondary
# (of /schools/{code}: the school),
# {id} G7, {kind} school_stats, {year} 2025 to read a submission and a year of
# its own (from 2031 on) for each move, made ready for the move (an approve
# or reopen finds the year submitted); {login} acc_target. Variants of an
# import: assess-own / assess-other, assessments of a target the department
# account is responsible for or not; demand-own / demand-other, demand rows of
# the enterprise account's own uscc or another's. Bodies: see cell().
cat >"$WORK/matrix" <<'EOF'
#    route                                      variant        admin bureau department school enterprise viewer anonymous
POST /api/v1/login                              -              200   200    200        200    200        200    200
POST /api/v1/logout                             -              200   200    200        200    200        200    401
GET  /api/v1/me                                 -              200   200    200        200    200        200    401
GET  /api/v1/openapi.json                       -              200   200    200        200    200        200    200
GET  /api/v1/orgs                               -              200   200    200        200    200        200    401
GET  /api/v1/indicators                         -              200   200    200        200    200        200    401
GET  /api/v1/indicators/{code}                  city           200   200    200        200    200        200    401
GET  /api/v1/indicators/{code}                  own            200   200    200        200    403        403    401
GET  /api/v1/indicators/{code}                  other          200   200    200        403    403        403    401
GET  /api/v1/plan/status                        -              200   200    200        200    200        200    401
GET  /api/v1/plan/targets/{id}                  -              200   200    200        200    200        200    401
GET  /api/v1/users                              -              200   403    403        403    403        403    401
POST /api/v1/users                              -              201   403    403        403    403        403    401
GET  /api/v1/audit/verify                       -              200   403    403        403    403        403    401
GET  /api/v1/audit                              -              200   403    403        403    403        403    401
POST /api/v1/users/{login}/password             -              200   403    403        403    403        403    401
POST /api/v1/users/{login}/disable              -              200   403    403        403    403        403    401
POST /api/v1/users/{login}/enable               -              200   403    403        403    403        403    401
POST /api/v1/me/password                        -              200   200    200        200    200        200    401
POST /api/v1/imports/{kind}                     own            200   200    403        200    403        403    401
POST /api/v1/imports/{kind}                     other          200   200    403        403    403        403    401
POST /api/v1/imports/{kind}                     assess-own     200   200    200        403    403        403    401
POST /api/v1/imports/{kind}                     assess-other   200   200    403        403    403        403    401
POST /api/v1/imports/{kind}                     demand-own     200   200    403        403    200        403    401
POST /api/v1/imports/{kind}                     demand-other   200   200    403        403    403        403    401
GET  /api/v1/imports                            own            200   200    200        200    403        403    401
GET  /api/v1/imports                            other          200   200    200        403    403        403    401
GET  /api/v1/history                            own            200   200    200        200    403        403    401
GET  /api/v1/history                            other          200   200    200        403    403        403    401
GET  /api/v1/submissions/{school}/{year}        own            200   200    200        200    403        403    401
GET  /api/v1/submissions/{school}/{year}        other          200   200    200        403    403        403    401
GET  /api/v1/submissions                        -              200   200    200        200    403        403    401
GET  /api/v1/templates/{kind}                   own            200   200    403        200    403        403    401
GET  /api/v1/templates/{kind}                   other          200   200    403        403    403        403    401
GET  /api/v1/forms/{school}/{year}              own            200   200    200        200    403        403    401
GET  /api/v1/forms/{school}/{year}              other          200   200    200        403    403        403    401
POST /api/v1/forms/{school}/{year}              own            200   200    403        200    403        403    401
POST /api/v1/forms/{school}/{year}              other          200   200    403        403    403        403    401
GET  /api/v1/schools                            -              200   200    200        200    403        403    401
GET  /api/v1/schools/{code}                     own            200   200    200        200    403        403    401
GET  /api/v1/schools/{code}                     other          200   200    200        403    403        403    401
POST /api/v1/submissions/{school}/{year}/{verb} own:submit     200   200    403        200    403        403    401
POST /api/v1/submissions/{school}/{year}/{verb} other:submit   200   200    403        403    403        403    401
POST /api/v1/submissions/{school}/{year}/{verb} own:approve    200   200    403        403    403        403    401
POST /api/v1/submissions/{school}/{year}/{verb} other:approve  200   200    403        403    403        403    401
POST /api/v1/submissions/{school}/{year}/{verb} own:reopen     200   200    403        403    403        403    401
POST /api/v1/submissions/{school}/{year}/{verb} other:reopen   200   200    403        403    403        403    401
GET  /api/v1/evaluation                         -              200   200    200        200    200        200    401
GET  /api/v1/allocations                        -              200   200    200        200    403        403    401
POST /api/v1/allocations                        -              201   201    403        403    403        403    401
EOF
ROLES="admin bureau department school enterprise viewer anonymous"

# every route is in the matrix, and the matrix has no route the server lacks
"$TVET" serve --routes >"$WORK/routes"
grep -v '^#' "$WORK/matrix" | awk 'NF { print $1, $2 }' | sort -u >"$WORK/covered"
sort -u "$WORK/routes" >"$WORK/served"
if [ -s "$WORK/served" ] && cmp -s "$WORK/covered" "$WORK/served"; then
	ok "the matrix covers every route of tvet serve --routes ($(wc -l <"$WORK/served") routes)"
else
	not_ok "the matrix covers every route of tvet serve --routes" "$(diff "$WORK/served" "$WORK/covered" | grep '^[<>]' | tr '\n' ';')"
fi

serve
started

# token_hash JAR: how the store keys the jar's session, hex(SHA-256(token)).
token_hash() {
	printf '%s' "$(awk '$6 == "tvet_session" { print $7 }' "$1")" | sha256sum | cut -d' ' -f1
}
# What a write leaves behind: accounts, import batches, audit entries,
# submissions.
written() {
	sql "SELECT (SELECT count(*) FROM app_user) || ' accounts, ' || (SELECT count(*) FROM import_batch) ||
	     ' batches, ' || (SELECT count(*) FROM audit_log) || ' audit entries, submissions ' ||
	     (SELECT coalesce(group_concat(school_id || '/' || year || '=' || status, ' '), 'none') FROM submission) ||
	     ', allocation runs ' || (SELECT count(*) FROM allocation_run)"
}
# submission_status SCHOOL YEAR: as the store has it, "" while never moved.
submission_status() {
	sql "SELECT s.status FROM submission s JOIN org o ON o.id = s.school_id WHERE o.code = '$1' AND s.year = $2"
}
MOVE_YEAR=2030 # the last year used for a submission move
# path_of ROUTE VARIANT: the URL path asked for a route and variant.
path_of() {
	p=$(printf '%s' "$1" | sed 's/{code}/progression_rate_secondary/; s/{id}/G7/; s/{kind}/school_stats/')
	case $2 in
	own*) sc=$OWN ;;
	other*) sc=$OTHER ;;
	*) sc= ;;
	esac
	case $1 in
	/api/v1/indicators/*) p="$p?year=2025${sc:+&org=$sc}" ;;
	/api/v1/imports/*)
		case $2 in
		assess-*) p=/api/v1/imports/assessments ;;
		demand-*) p=/api/v1/imports/demand ;;
		*) p="$p?school=$sc" ;;
		esac ;;
	/api/v1/imports) p="$p?school=$sc&year=2025&limit=5" ;;
	/api/v1/users/*) p=$(printf '%s' "$p" | sed 's/{login}/acc_target/') ;;
	/api/v1/templates/*) p="$p?school=$sc&year=2025" ;;
	/api/v1/forms/*) p=$(printf '%s' "$p" | sed "s/{school}/$sc/; s/{year}/2025/") ;;
	/api/v1/submissions) p="$p?year=2025" ;;
	/api/v1/history) p="$p?school=$sc&year=2025&limit=5" ;;
	/api/v1/schools) p="$p?year=2025" ;;
	/api/v1/evaluation | /api/v1/allocations) p="$p?year=2025" ;;
	/api/v1/schools/*) p="/api/v1/schools/$sc?year=2025" ;;
	*/{verb}) p=$(printf '%s' "$p" | sed "s/{school}/$sc/; s/{year}/$MOVE_YEAR/; s/{verb}/${2#*:}/") ;;
	/api/v1/submissions/*) p=$(printf '%s' "$p" | sed "s/{school}/$sc/; s/{year}/2025/") ;;
	esac
	printf '%s' "$p"
}

# cell WHO LOGIN METHOD ROUTE VARIANT WANT [JAR CSRF]: one request as WHO
# (LOGIN's credentials go in a sign-in body), one TAP line. A POST sends a
# valid body: LOGIN's sign-in, a new viewer account with a login never used,
# the school's own or other file (a submission's move has none). After a
# write answered 2xx its effect must be there; after any other answer nothing
# may have been written.
cell() {
	who=$1 login=$2 method=$3 route=$4 variant=$5 want=$6 jar=${7:-} csrf=${8:-}
	case "$method $route" in
	"POST /api/v1/submissions/"*)
		MOVE_YEAR=$((MOVE_YEAR + 1))
		case $variant in own*) sc=$OWN ;; *) sc=$OTHER ;; esac
		case $variant in
		*:approve | *:reopen)
			"$TVET" --db "$DB" submission submit --school "$sc" --year $MOVE_YEAR >/dev/null 2>"$WORK/err" </dev/null ||
				not_ok "the $MOVE_YEAR submission of $sc is submitted" "$(cat "$WORK/err")" ;;
		esac ;;
	esac
	path=$(path_of "$route" "$variant")
	label="$who $method $path"
	[ "$variant" = - ] || label="$label (${variant%:*})"
	label="$label: $want"
	set -- -s -o "$WORK/body" -w '%{http_code}' -X "$method"
	[ -n "$jar" ] && set -- "$@" -b "$jar"
	[ -n "$csrf" ] && set -- "$@" -H "X-CSRF-Token: $csrf"
	fresh=
	case "$method $route" in
	"POST /api/v1/login")
		set -- "$@" -H 'Content-Type: application/json' --data "{\"login\":\"$login\",\"password\":\"$PW\"}" ;;
	"POST /api/v1/users")
		fresh="new${n}_$login"
		set -- "$@" -H 'Content-Type: application/json' \
			--data "{\"login\":\"$fresh\",\"name\":\"$fresh\",\"role\":\"viewer\",\"password\":\"0123456789ab\"}" ;;
	"POST /api/v1/imports/"*)
		set -- "$@" -H 'Content-Type: text/csv' -H "X-File-Name: $variant.csv" --data-binary "@$WORK/$variant.csv" ;;
	"POST /api/v1/forms/"*)
		set -- "$@" -H 'Content-Type: application/json' --data-binary "@$WORK/form_$variant.json" ;;
	"POST /api/v1/users/{login}/password")
		set -- "$@" -H 'Content-Type: application/json' --data "{\"password\":\"$PW\"}" ;;
	"POST /api/v1/me/password")
		set -- "$@" -H 'Content-Type: application/json' --data "{\"old\":\"$PW\",\"new\":\"$PW\"}" ;;
	"POST /api/v1/allocations")
		set -- "$@" -H 'Content-Type: application/json' --data '{"year":2025,"pool":"300000.00","save":true}' ;;
	esac
	[ "$method" = POST ] && before=$(written) && batches=$(sql "SELECT count(*) FROM import_batch") &&
		runs=$(sql "SELECT count(*) FROM allocation_run")
	[ -n "$jar" ] && session=$(token_hash "$jar")
	code=$(curl "$@" "$URL$path" </dev/null)
	why=
	[ "$code" = "$want" ] || why="HTTP $code, wanted $want"
	case $code in
	401) grep -Eq '"code" *: *"unauthenticated"' "$WORK/body" || why="${why:-401} without error code unauthenticated" ;;
	403) grep -Eq '"code" *: *"forbidden"' "$WORK/body" || why="${why:-403} without error code forbidden"
		# the token sent is right: a 403 must be about the role, not CSRF
		! grep -q 'CSRF' "$WORK/body" || why="${why:-403} for the CSRF token, not the role" ;;
	esac
	if [ "$method" = POST ] && [ "$route" != /api/v1/login ]; then
		case "$code $route" in
		2??" /api/v1/users")
			"$TVET" --db "$DB" user list --format json >"$WORK/users" </dev/null
			grep -qF "\"$fresh\"" "$WORK/users" || why="${why:+$why; }answered $code but account $fresh is not there" ;;
		2??" /api/v1/logout")
			[ "$(sql "SELECT count(*) FROM app_session WHERE token_hash = '$session'")" = 0 ] ||
				why="${why:+$why; }answered $code but the session is still there" ;;
		2??" /api/v1/imports/"*)
			[ "$(sql "SELECT count(*) FROM import_batch")" -gt "$batches" ] ||
				why="${why:+$why; }answered $code but no import batch was written" ;;
		2??" /api/v1/forms/"*)
			[ "$(sql "SELECT count(*) FROM import_batch WHERE kind = 'school_stats' AND file_name LIKE 'form-%'")" -gt 0 ] &&
				[ "$(sql "SELECT count(*) FROM import_batch")" -gt "$batches" ] &&
				[ "$(sql "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")" = form.save ] ||
				why="${why:+$why; }answered $code but no form batch and audit entry were written" ;;
		2??" /api/v1/users/{login}/"*)
			# the newest audit entry is the change, and the account shows it
			verb=${route##*/}
			[ "$verb" = password ] && verb=passwd
			[ "$(sql "SELECT who || ' ' || action || ' ' || detail FROM audit_log ORDER BY id DESC LIMIT 1")" = "$login user.$verb login=acc_target" ] ||
				why="${why:+$why; }answered $code but the newest audit entry is not $login's user.$verb of acc_target"
			case $verb in
			disable) [ "$(sql "SELECT disabled FROM app_user WHERE login = 'acc_target'")" = 1 ] || why="${why:+$why; }acc_target is not disabled" ;;
			enable) [ "$(sql "SELECT disabled FROM app_user WHERE login = 'acc_target'")" = 0 ] || why="${why:+$why; }acc_target is still disabled" ;;
			esac ;;
		2??" /api/v1/me/password")
			[ "$(sql "SELECT count(*) FROM app_session WHERE token_hash = '$session'")" = 0 ] &&
				[ "$(sql "SELECT who || ' ' || action FROM audit_log ORDER BY id DESC LIMIT 1")" = "$login user.passwd" ] ||
				why="${why:+$why; }answered $code but the session lives on or no user.passwd entry of $login was written" ;;
		2??" /api/v1/allocations")
			[ "$(sql "SELECT count(*) FROM allocation_run")" -gt "$runs" ] &&
				[ "$(sql "SELECT who || ' ' || action FROM audit_log ORDER BY id DESC LIMIT 1")" = "$login allocate" ] ||
				why="${why:+$why; }answered $code but no allocation run and allocate entry of $login were written" ;;
		2??" /api/v1/submissions/"*)
			moved=$(submission_status "$sc" $MOVE_YEAR)
			case "${variant#*:} $moved" in
			"submit submitted" | "approve approved" | "reopen reopened") ;;
			*) why="${why:+$why; }answered $code but the submission is '$moved'" ;;
			esac ;;
		*)
			after=$(written)
			[ "$after" = "$before" ] || why="${why:+$why; }refused, yet wrote: $before before, $after after"
			if [ -n "$fresh" ]; then
				"$TVET" --db "$DB" user list --format json >"$WORK/users" </dev/null
				! grep -qF "\"$fresh\"" "$WORK/users" || why="${why:+$why; }refused, yet account $fresh exists"
			fi ;;
		esac
	fi
	if [ -z "$why" ]; then ok "$label"; else not_ok "$label" "$why: $(head -c 300 "$WORK/body")"; fi
}

# --- the matrix: each role, and nobody -------------------------------------
for role in $ROLES; do
	[ "$role" = anonymous ] && continue
	signin "acc_$role" "$WORK/$role.jar" >"$WORK/$role.csrf"
	[ -s "$WORK/$role.csrf" ] || not_ok "acc_$role signs in"
done
cells=0
while read -r method route variant admin bureau department school enterprise viewer anonymous; do
	case $method in '' | '#'*) continue ;; esac
	for role in $ROLES; do
		eval "want=\$$role"
		if [ "$role" = anonymous ]; then
			cell anonymous acc_viewer "$method" "$route" "$variant" "$want"
		elif [ "$method $route" = "POST /api/v1/logout" ]; then
			# sign out a second session, so the one the matrix uses lives on
			csrf=$(signin "acc_$role" "$WORK/out.jar")
			cell "$role" "acc_$role" "$method" "$route" "$variant" "$want" "$WORK/out.jar" "$csrf"
		elif [ "$method $route" = "POST /api/v1/me/password" ]; then
			# a new password ends every session of the account: the
			# matrix's own is made again after it
			cell "$role" "acc_$role" "$method" "$route" "$variant" "$want" "$WORK/$role.jar" "$(cat "$WORK/$role.csrf")"
			signin "acc_$role" "$WORK/$role.jar" >"$WORK/$role.csrf"
		else
			cell "$role" "acc_$role" "$method" "$route" "$variant" "$want" "$WORK/$role.jar" "$(cat "$WORK/$role.csrf")"
		fi
		cells=$((cells + 1))
	done
done <"$WORK/matrix"
echo "# $cells cells in the matrix"

# signed_in_rows: the matrix's rows an anonymous caller may not call.
signed_in_rows() { grep -v '^#' "$WORK/matrix" | awk 'NF && $10 == 401 { print $1, $2, $3 }'; }

# --- a session 13 hours old: 401 everywhere ---------------------------------
# The server takes the time from the clock, so the session is made old in the
# database instead: an admin's, so that nothing but its age refuses it. Each
# route gets a session of its own (signed in side by side, to be quick), so
# each answer is about age, not about a session an earlier request ended.
csrf=$(signin acc_admin "$WORK/old.jar")
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/old.jar" "$URL/api/v1/me")
[ "$code" = 200 ] && ok "a new session works before it is made old" || not_ok "a new session works" "HTTP $code"
# age JAR SECONDS_CREATED SECONDS_LAST_SEEN: move a session's times back.
age() {
	h=$(token_hash "$1")
	[ "$(sql "SELECT count(*) FROM app_session WHERE token_hash = '$h'")" = 1 ] ||
		not_ok "the session to age is in app_session" "$h"
	sql "UPDATE app_session SET created = created - $2, last_seen = last_seen - $3 WHERE token_hash = '$h'"
}
signed_in_rows >"$WORK/rows"
k=0
pids=
while read -r method route variant; do
	k=$((k + 1))
	[ $k = 1 ] && cp "$WORK/old.jar" "$WORK/old1.jar" && echo "$csrf" >"$WORK/old1.csrf" && continue
	signin acc_admin "$WORK/old$k.jar" >"$WORK/old$k.csrf" &
	pids="$pids $!"
done <"$WORK/rows"
wait $pids
k=0
while read -r method route variant; do
	k=$((k + 1))
	age "$WORK/old$k.jar" 46800 46800
	cell "admin(13h-old session)" acc_admin "$method" "$route" "$variant" 401 "$WORK/old$k.jar" "$(cat "$WORK/old$k.csrf")"
	if [ $k = 1 ]; then
		[ "$(sql "SELECT count(*) FROM app_session WHERE token_hash = '$(token_hash "$WORK/old1.jar")'")" = 0 ] &&
			ok "the expired session is deleted" || not_ok "the expired session is deleted"
	fi
done <"$WORK/rows"
signin acc_admin "$WORK/old.jar" >/dev/null
age "$WORK/old.jar" $((12 * 3600 + 60)) 0
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/old.jar" "$URL/api/v1/me")
[ "$code" = 401 ] && ok "a session in use but made 12h01m ago: 401" || not_ok "a session made 12h01m ago: 401" "HTTP $code"
signin acc_admin "$WORK/old.jar" >/dev/null
age "$WORK/old.jar" $((31 * 60)) $((31 * 60))
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/old.jar" "$URL/api/v1/me")
[ "$code" = 401 ] && ok "a session idle for 31 minutes: 401" || not_ok "a session idle for 31 minutes: 401" "HTTP $code"

# --- a disabled account loses its session at once ---------------------------
csrf=$(signin acc_gone "$WORK/gone.jar")
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/gone.jar" "$URL/api/v1/users")
[ "$code" = 200 ] && ok "acc_gone (admin) is signed in" || not_ok "acc_gone is signed in" "HTTP $code"
run "$TVET" --db "$DB" user disable acc_gone </dev/null
expect_rc 0 "tvet user disable acc_gone, while it is signed in"
[ "$(sql "SELECT count(*) FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE u.login = 'acc_gone'")" = 0 ] &&
	ok "disabling ends the account's sessions in the store" || not_ok "disabling ends the account's sessions in the store"
while read -r method route variant; do
	cell "admin(disabled)" acc_gone "$method" "$route" "$variant" 401 "$WORK/gone.jar" "$csrf"
done <"$WORK/rows"
cell "disabled" acc_gone POST /api/v1/login - 401

kill -TERM $PID
wait $PID
finish
