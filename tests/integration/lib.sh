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
finish() { echo "1..$n"; [ "$fails" -eq 0 ]; }
