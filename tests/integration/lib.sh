# lib.sh - helpers for the integration scripts: TAP output and running the
# real binary ($TVET) on a scratch database in a private directory, reading
# that database (sql), and the server's API with curl: requests, their
# checks, signing in. Source it, call the check functions, end with `finish`.
n=0
fails=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
export LC_ALL=C.UTF-8
unset LANG LANGUAGE

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && printf '#   %s\n' "$2"; }

# run CMD...: runs it, keeps stdout in $WORK/out, stderr in $WORK/err and the
# exit status in $rc.
run() { "$@" >"$WORK/out" 2>"$WORK/err"; rc=$?; }

# expect_rc N DESC: the last run exited with N.
expect_rc() {
	if [ "$rc" -eq "$1" ]; then ok "$2"; else not_ok "$2" "exit $rc, wanted $1; stderr: $(head -c 400 "$WORK/err")"; fi
}
# expect_out TEXT DESC: stdout of the last run contains TEXT.
expect_out() {
	if grep -qF -- "$1" "$WORK/out"; then ok "$2"; else not_ok "$2" "stdout lacks '$1': $(head -c 300 "$WORK/out")"; fi
}
# expect_err TEXT DESC: stderr of the last run contains TEXT.
expect_err() {
	if grep -qF -- "$1" "$WORK/err"; then ok "$2"; else not_ok "$2" "stderr lacks '$1': $(head -c 300 "$WORK/err")"; fi
}
# expect_one_line_err DESC: stderr of the last run is exactly one line.
expect_one_line_err() {
	if [ "$(wc -l < "$WORK/err")" -eq 1 ]; then ok "$1"; else not_ok "$1" "stderr has $(wc -l < "$WORK/err") lines"; fi
}
# demo_db: `tvet init` and `tvet demo` on $DB; when they fail, a "not ok"
# and the end of the run.
demo_db() {
	run "$TVET" --db "$DB" init
	run "$TVET" --db "$DB" demo
	[ "$rc" -eq 0 ] || { not_ok "demo database" "$(cat "$WORK/err")"; finish; exit 1; }
}
# sql STATEMENTS: run on $DB with sqlite3, or with python3 where that is
# missing; rows on stdout, columns joined by '|', NULL as "", errors (a
# trigger's refusal) on stderr with a non-zero status.
sql() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$DB" "$1" </dev/null
	else
		python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
try:
    rows = c.execute(sys.argv[2]).fetchall()
except (sqlite3.ProgrammingError, sqlite3.Warning) as e:  # more than one statement
    if "one statement" not in str(e):
        raise
    c.executescript(sys.argv[2])
    rows = []
c.commit()
for r in rows:
    print("|".join("" if v is None else str(v) for v in r))
PY
	fi
}
# adduser LOGIN ROLE [SCOPE]: an account on $DB with the password $PW
# (its name is its login); a failure is a "not ok".
adduser() {
	printf '%s\n' "$PW" | "$TVET" --db "$DB" user add "$1" --role "$2" \
		${3:+--scope "$3"} --name "$1" >/dev/null 2>"$WORK/err" ||
		not_ok "user $1" "$(cat "$WORK/err")"
}
# serve: `tvet serve --port 0` on $DB in the background: $PID, and $URL
# from its first line ("" when it did not start within 10 s); its stdout
# in $WORK/serve.out, its access log in $WORK/serve.log.
serve() {
	"$TVET" --db "$DB" serve --port 0 --threads 2 >"$WORK/serve.out" 2>"$WORK/serve.log" &
	PID=$!
	i=0
	while [ $i -lt 100 ] && ! grep -q '^listening on' "$WORK/serve.out" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	URL=$(sed -n 's/^listening on \(http:[^ ]*\)\/$/\1/p' "$WORK/serve.out")
}
# started [DESC]: after serve, the check DESC that it printed its URL (no
# line without DESC); a server that did not start is "not ok - the server
# starts", and the end of the run.
started() {
	if [ -n "$URL" ]; then
		[ $# -eq 0 ] || ok "$1"
		return 0
	fi
	not_ok "the server starts" "$(cat "$WORK/serve.log")"
	kill $PID
	finish
	exit 1
}

# --- the API, once the server runs at $URL -----------------------------------
# req NAME [CURL ARGS] URL: a request; its body in $WORK/NAME.json, its
# headers in $WORK/NAME.h, its status in $code.
req() {
	name=$1
	shift
	code=$(curl -s -o "$WORK/$name.json" -D "$WORK/$name.h" -w '%{http_code}' "$@" </dev/null)
}
# status CODE DESC: the last req was answered CODE.
status() { if [ "$code" = "$1" ]; then ok "$2"; else not_ok "$2" "HTTP $code, wanted $1: $(head -c 300 "$WORK/$name.json")"; fi; }
# pyok DESC NAME EXPR: the python EXPR holds for d, the JSON body of NAME.
pyok() {
	if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" \
		"$WORK/$2.json" 2>/dev/null; then ok "$1"; else not_ok "$1" "$(head -c 400 "$WORK/$2.json")"; fi
}
# as WHO NAME [CURL ARGS] URL: req NAME with the session of WHO and its CSRF
# token (as login WHO leaves them in $WORK/WHO.jar and $WORK/WHO.csrf).
as() {
	who_=$1 nm_=$2
	shift 2
	req "$nm_" -b "$WORK/$who_.jar" -H "X-CSRF-Token: $(cat "$WORK/$who_.csrf")" "$@"
}
# login NAME LOGIN [PASSWORD]: signs LOGIN in (with $PW unless PASSWORD is
# given) as req login_NAME does: the session in the cookie jar $WORK/NAME.jar,
# its CSRF token in $WORK/NAME.csrf; fails when the answer has no token.
login() {
	req "login_$1" -c "$WORK/$1.jar" -H 'Content-Type: application/json' \
		--data "{\"login\":\"$2\",\"password\":\"${3:-$PW}\"}" "$URL/api/v1/login"
	python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['csrf'])" "$WORK/login_$1.json" >"$WORK/$1.csrf" 2>/dev/null
}
# signin LOGIN JAR: a new session of LOGIN (password $PW) in the cookie jar
# JAR, quietly (it may run in the background); prints its CSRF token, nothing
# when the sign-in failed.
signin() {
	curl -s -c "$2" -H 'Content-Type: application/json' \
		--data "{\"login\":\"$1\",\"password\":\"$PW\"}" "$URL/api/v1/login" </dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin).get("csrf", ""))' 2>/dev/null
}
# get NAME WHO PATH: req NAME of GET $URL/PATH with the session of WHO (its
# jar $WORK/WHO.jar), or signed out when WHO is "-".
get() {
	if [ "$2" = - ]; then req "$1" "$URL$3"; else req "$1" -b "$WORK/$2.jar" "$URL$3"; fi
}
# stop_server DESC: SIGTERM to the server, and the check DESC that it exits
# 0; when it does not, what it logged beyond its access log (a sanitizer's
# report, say).
stop_server() {
	kill -TERM $PID
	wait $PID
	stopped=$?
	if [ "$stopped" -eq 0 ]; then ok "$1"; else not_ok "$1" "exit $stopped: $(grep -v '^[0-9T:.-]*Z ' "$WORK/serve.log" | tail -n 15)"; fi
}
finish() { echo "1..$n"; [ "$fails" -eq 0 ]; }
