# user.sh - `tvet user` and `tvet audit` end to end: accounts made with the
# password on standard input, listed without their hashes, changed,
# disabled; the audit trail of it all verified, listed, and caught when an
# entry is edited behind the program's back.
. "$(dirname "$0")/lib.sh"
DB="$WORK/t.db"
PW='correct horse battery'

# input FORMAT ARG CMD...: run CMD with the printf of FORMAT and ARG as its
# standard input (a pipe into `run` would lose $rc in a subshell).
input() {
	printf "$1" "$2" > "$WORK/in"
	shift 2
	run "$@" < "$WORK/in"
}

for cmd in user audit; do
	run "$TVET" "$cmd" --help
	expect_rc 0 "tvet $cmd --help exits 0"
	expect_out "Usage: tvet $cmd" "tvet $cmd --help prints usage"
done

run "$TVET" --db "$DB" init
expect_rc 0 "init"
# a school, as an import of schools would leave it
sql "INSERT INTO org(code, name, kind, school_level) VALUES ('S001', '一中', 'school', '中职')"

input '%s\n' "$PW" "$TVET" --db "$DB" user add admin1 --role admin --name '管理员'
expect_rc 0 "user add reads the password from stdin"
expect_out "account 'admin1' added (admin)" "user add says what it added"
if grep -qF "$PW" "$WORK/out" "$WORK/err"; then not_ok "the password is not echoed"; else ok "the password is not echoed"; fi

input '%s\n' "$PW" "$TVET" --db "$DB" user add edu1 --role department --scope edu
expect_rc 0 "a department account"
input '%s\r\n' "$PW" "$TVET" --db "$DB" user add school1 --role school --scope S001 --name '一中 教务处'
expect_rc 0 "a school account (a CRLF line end is not part of the password)"
input '%s' 'no newline at the end' "$TVET" --db "$DB" user add viewer1 --role viewer
expect_rc 0 "a password without a line end"

# refused: exit 2, one line saying why, nothing written
input '%s\n' "$PW" "$TVET" --db "$DB" user add admin1 --role viewer
expect_rc 2 "a login that exists is refused (exit 2)"
expect_err "account 'admin1' already exists" "the error names the login"
input '%s\n' "$PW" "$TVET" --db "$DB" user add xyz1 --role wizard
expect_rc 2 "an unknown role is bad input (exit 2)"
expect_err "unknown role 'wizard' (use admin, bureau, department, school, enterprise or viewer)" "the error lists the roles"
expect_one_line_err "the role error is one line"
input '%s\n' "$PW" "$TVET" --db "$DB" user add xyz1 --role school --scope S999
expect_rc 2 "an unknown school is bad input (exit 2)"
expect_err "scope 'S999' is not the org code of a school" "the error names the scope and its kind"
expect_one_line_err "the scope error is one line"
input '%s\n' "$PW" "$TVET" --db "$DB" user add xyz1 --role school --scope edu
expect_rc 2 "a department is no school's scope"
input '%s\n' "$PW" "$TVET" --db "$DB" user add xyz1 --role enterprise --scope 91330200MA2AAAAA1X
expect_rc 2 "an unknown enterprise is bad input"
expect_err "is not the 统一社会信用代码 of a known enterprise" "the error says what an enterprise scope is"
input '%s\n' "$PW" "$TVET" --db "$DB" user add xyz1 --role school
expect_rc 2 "a school account without a scope is refused"
expect_err "role school needs a scope" "the error says the scope is missing"
input '%s\n' "$PW" "$TVET" --db "$DB" user add xyz1 --role viewer --scope S001
expect_rc 2 "a viewer account with a scope is refused"
expect_err "role viewer takes no scope" "the error says the role takes none"
input '%s\n' short "$TVET" --db "$DB" user add xyz1 --role viewer
expect_rc 2 "a short password is refused"
expect_err "too short" "the error says it is too short"
run "$TVET" --db "$DB" user add xyz1 --role viewer </dev/null
expect_rc 2 "no password at all is refused"
expect_err "no password on standard input" "the error says where the password was expected"
input '%s\n' "$PW" "$TVET" --db "$DB" user add 'Bad Login' --role viewer
expect_rc 2 "a bad login is refused"
expect_err "login 'Bad Login' is not valid" "the error quotes the login"
run "$TVET" --db "$DB" user add xyz1 </dev/null
expect_rc 1 "user add without --role is a usage error"
run "$TVET" --db "$DB" user frobnicate
expect_rc 1 "an unknown action is a usage error"
run "$TVET" --db "$DB" user disable
expect_rc 1 "disable without a login is a usage error"

run "$TVET" --db "$DB" user list --format json
expect_rc 0 "user list --format json"
expect_out '"login": "admin1"' "the list has admin1"
expect_out '"name": "管理员"' "with its name"
expect_out '"scope": "edu"' "the department account's scope"
expect_out '"role": "school"' "the school account's role"
expect_out '"disabled": false' "the disabled flag"
[ "$(grep -c '"login"' "$WORK/out")" -eq 4 ] && ok "exactly the four accounts made" || not_ok "exactly the four accounts made" "$(cat "$WORK/out")"
if grep -qiE 'argon|hash|\$' "$WORK/out"; then not_ok "the list shows no hashes"; else ok "the list shows no hashes"; fi
run "$TVET" --db "$DB" user list --format csv
expect_out "login,name,role,scope,disabled" "csv has the key header"
run "$TVET" --db "$DB" user list
expect_out "school1" "the table lists the accounts"

input '%s\n' 'a brand new passphrase' "$TVET" --db "$DB" user passwd admin1
expect_rc 0 "user passwd"
expect_out "password of 'admin1' changed" "user passwd says so"
input '%s\n' "$PW" "$TVET" --db "$DB" user passwd nobody
expect_rc 2 "passwd of an unknown login (exit 2)"
expect_err "account 'nobody' does not exist" "the error names the login"
input '%s\n' short "$TVET" --db "$DB" user passwd admin1
expect_rc 2 "passwd keeps the password rules"

run "$TVET" --db "$DB" user disable viewer1
expect_rc 0 "user disable"
expect_out "account 'viewer1' disabled" "disable says so"
run "$TVET" --db "$DB" user list --format csv
expect_out "viewer1,,viewer,,1" "the list shows it disabled"
run "$TVET" --db "$DB" user enable viewer1
expect_rc 0 "user enable"
run "$TVET" --db "$DB" user list --format csv
expect_out "viewer1,,viewer,,0" "the list shows it enabled again"
run "$TVET" --db "$DB" user disable ghost
expect_rc 2 "disable of an unknown login (exit 2)"

# no password is in the database, in any form but its hash
if grep -qaF -e "$PW" -e 'a brand new passphrase' -e 'no newline at the end' "$DB" "$DB-wal" 2>/dev/null; then
	not_ok "no password is stored"
else
	ok "no password is stored"
fi

# the audit trail: 4 adds, 1 passwd, 1 disable, 1 enable
run "$TVET" --db "$DB" audit verify
expect_rc 0 "audit verify"
expect_out "audit trail intact: 7 entries" "every change was audited"
expect_out "last entry 7, hash " "verify prints the head of the chain"
run "$TVET" --db "$DB" audit list --format json
expect_rc 0 "audit list --format json"
expect_out '"action": "user.add"' "the trail has the adds"
expect_out '"action": "user.passwd"' "the password change"
expect_out '"action": "user.disable"' "the disable"
expect_out '"who": "cli:' "who: the unix user"
expect_out '"ip": "cli"' "from: the command line"
expect_out '"detail": "login=school1 role=school scope=S001 name=一中 教务处"' "the detail of an add"
if grep -qF "$PW" "$WORK/out"; then not_ok "the trail holds no password"; else ok "the trail holds no password"; fi
run "$TVET" --db "$DB" audit list --limit 2 --format csv
[ "$(wc -l < "$WORK/out")" -eq 3 ] && ok "--limit 2 gives two entries" || not_ok "--limit 2 gives two entries" "$(cat "$WORK/out")"
expect_out "user.enable" "newest first"
run "$TVET" --db "$DB" audit list --who nobody --format csv
[ "$(wc -l < "$WORK/out")" -eq 1 ] && ok "--who filters" || not_ok "--who filters" "$(cat "$WORK/out")"
run "$TVET" --db "$DB" audit list --limit 0
expect_rc 1 "--limit 0 is a usage error"
run "$TVET" --db "$DB" audit verify --limit 3
expect_rc 1 "verify takes no list options"
run "$TVET" --db "$DB" audit frobnicate
expect_rc 1 "an unknown audit action is a usage error"

# the database refuses edits of the trail ...
sql "UPDATE audit_log SET detail = 'x' WHERE id = 3" >/dev/null 2>&1
[ "$(sqlite3 "$DB" "SELECT detail FROM audit_log WHERE id = 3" 2>/dev/null || echo skip)" != "x" ] &&
	ok "the database refuses an UPDATE of the trail" || not_ok "the database refuses an UPDATE of the trail"
# ... and an edit made anyway, with the triggers dropped, is found
sql "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'login=edu1 role=admin' WHERE id = 2"
run "$TVET" --db "$DB" audit verify
expect_rc 2 "a tampered trail fails verify with exit 2"
expect_err "audit entry 2 " "the error names the first broken entry"
expect_one_line_err "the verify error is one line"

finish
