# lib.sh - helpers for the integration scripts: TAP output and running the
# real binary ($TVET) on a scratch database in a private directory.
# Source it, call the check functions, end with `finish`.
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
finish() { echo "1..$n"; [ "$fails" -eq 0 ]; }
