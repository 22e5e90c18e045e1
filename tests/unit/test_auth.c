/* test_auth.c - accounts, sessions, login throttling and the audit trail
 * (auth/auth.h).
 *
 * Each test gets a fresh migrated database in its own /tmp directory with
 * one school (S001), one department (edu) and one enterprise (USCC below),
 * inserted behind the store's back as an import would leave them. The clock
 * is the `now` each call takes, so expiry and throttling windows are
 * crossed by moving it. Tampering with the audit trail is done through a
 * raw SQLite connection, with the append-only triggers dropped first. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/err.h"
#include "core/mem.h"
#include "store/store.h"
#include "unit/testlib.h"

/* To reach the dummy hash and the audit hash. */
#include "auth/auth.c"

#define T0 ((int64_t)1700000000) /* 2023-11-14T22:13:20Z */
#define PW "correct horse battery"
#define USCC "91330200MA2AAAAA1X"

struct fixture {
	char dir[64];
	char db[128];
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	struct err e;

	*state = fx;
	if (testlib_tmpdir(fx->dir, sizeof(fx->dir), "auth") < 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/t.db", fx->dir);
	if (testlib_store_create(&fx->s, fx->db, NULL, &e) < 0) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	testlib_raw_exec(
		fx->db,
		"INSERT INTO org(code, name, kind, school_level) VALUES"
		" ('S001', '一中', 'school', '中职');"
		"INSERT INTO org(code, name, kind) VALUES ('edu', '市教育局', 'department');"
		"INSERT INTO enterprise(uscc, name, industry_code) VALUES"
		" ('" USCC "', '甬江船舶', 'C3731');");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	store_close(fx->s);
	if (testlib_rmtree(fx->dir) != 0)
		return -1;
	free(fx);
	return 0;
}

static void add_user(struct fixture *fx, const char *login, enum auth_role role, const char *scope)
{
	struct err e;

	if (auth_user_add(fx->s, login, "某人", role, scope, PW, "cli:test", T0, &e) < 0)
		fail_msg("auth_user_add %s: %s", login, e.msg);
}

static void login_ok(struct fixture *fx, const char *login, const char *pw, const char *ip,
		     int64_t now, struct auth_session *ss)
{
	struct err e;

	if (auth_login(fx->s, login, pw, ip, now, ss, &e) < 0)
		fail_msg("auth_login %s at %lld: %s", login, (long long)now, e.msg);
}

static int64_t count(struct fixture *fx, const char *sql)
{
	return testlib_raw_int(fx->db, sql);
}

/* ---- accounts ---- */

static void test_roles(void **state)
{
	static const char *const keys[] = {"admin",  "bureau",	   "department",
					   "school", "enterprise", "viewer"};
	enum auth_role r;
	struct err e;

	(void)state;
	for (int i = 0; i < 6; i++) {
		assert_int_equal(auth_role_parse(keys[i], &r, &e), 0);
		assert_int_equal((int)r, i);
		assert_string_equal(auth_role_key(r), keys[i]);
	}
	assert_int_equal(auth_role_parse("wizard", &r, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "'wizard'"));
	assert_int_equal(auth_role_parse("Admin", &r, &e), ERR_INPUT);
	assert_int_equal(auth_role_parse(NULL, &r, &e), ERR_INPUT);
	assert_string_equal(auth_role_key((enum auth_role)42), "?");
}

static void test_add_and_get(void **state)
{
	struct fixture *fx = *state;
	struct auth_user u;
	struct err e;

	add_user(fx, "alice", AUTH_SCHOOL, "S001");
	assert_int_equal(auth_user_get(fx->s, "alice", &u, &e), 0);
	assert_true(u.id > 0);
	assert_string_equal(u.login, "alice");
	assert_string_equal(u.name, "某人");
	assert_int_equal(u.role, AUTH_SCHOOL);
	assert_string_equal(u.scope, "S001");
	assert_int_equal(u.disabled, 0);
	assert_int_equal(auth_user_get(fx->s, "nobody", &u, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "'nobody'"));
	/* the hash is argon2id, the password itself is nowhere */
	assert_int_equal(count(fx, "SELECT count(*) FROM app_user WHERE login = 'alice'"
				   " AND pw_hash LIKE '$argon2id$%'"),
			 1);
	assert_int_equal(
		count(fx, "SELECT count(*) FROM app_user WHERE instr(pw_hash, '" PW "') > 0"), 0);
	/* audited, by whom, from the command line */
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'user.add'"
				   " AND who = 'cli:test' AND ip = 'cli'"
				   " AND detail = 'login=alice role=school scope=S001 name=某人'"),
			 1);
}

static void test_duplicate_login(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	add_user(fx, "alice", AUTH_VIEWER, NULL);
	assert_int_equal(auth_user_add(fx->s, "alice", "", AUTH_ADMIN, "", PW, "cli:test", T0, &e),
			 ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "'alice' already exists"));
	assert_int_equal(count(fx, "SELECT count(*) FROM app_user"), 1);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), 1);
}

struct add_case {
	const char *name;
	const char *login;
	const char *user_name;
	enum auth_role role;
	const char *scope;
	const char *password;
	int code;	     /* 0: accepted */
	const char *message; /* a part of the error message */
};

static const struct add_case add_cases[] = {
	/* logins */
	{"a fine login", "li.wei-2_x", "", AUTH_VIEWER, "", PW, 0, NULL},
	{"login of 3", "abc", "", AUTH_VIEWER, "", PW, 0, NULL},
	{"login of 2", "ab", "", AUTH_VIEWER, "", PW, ERR_INPUT, "login 'ab' is not valid"},
	{"login of 33", "abcdefghijabcdefghijabcdefghijabc", "", AUTH_VIEWER, "", PW, ERR_INPUT,
	 "is not valid"},
	{"login starting with a digit", "1abc", "", AUTH_VIEWER, "", PW, ERR_INPUT, "not valid"},
	{"login in capitals", "Alice", "", AUTH_VIEWER, "", PW, ERR_INPUT, "'Alice'"},
	{"login with a space", "li wei", "", AUTH_VIEWER, "", PW, ERR_INPUT, "not valid"},
	{"login in Chinese", "李伟", "", AUTH_VIEWER, "", PW, ERR_INPUT, "not valid"},
	{"empty login", "", "", AUTH_VIEWER, "", PW, ERR_INPUT, "not valid"},
	/* passwords */
	{"password of 9", "carol", "", AUTH_VIEWER, "", "123456789", ERR_INPUT, "too short"},
	{"password of 10", "carol", "", AUTH_VIEWER, "", "1234567890", 0, NULL},
	{"password of 10 Chinese characters", "carol", "", AUTH_VIEWER, "", "职业教育产教融合发展",
	 0, NULL},
	{"password of 9 Chinese characters (27 bytes)", "carol", "", AUTH_VIEWER, "",
	 "职业教育产教融合发", ERR_INPUT, "too short"},
	{"password in bad UTF-8", "carol", "", AUTH_VIEWER, "", "abcdefghij\xff", ERR_INPUT,
	 "UTF-8"},
	{"password that is the login", "carol.smith", "", AUTH_VIEWER, "", "carol.smith", ERR_INPUT,
	 "must not be the login"},
	{"empty password", "carol", "", AUTH_VIEWER, "", "", ERR_INPUT, "empty"},
	/* names */
	{"name with a newline", "carol", "Carol\nAdmin", AUTH_VIEWER, "", PW, ERR_INPUT,
	 "control characters"},
	{"name of 128 bytes", "carol",
	 "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"
	 "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefgh",
	 AUTH_VIEWER, "", PW, ERR_INPUT, "longer than 127 bytes"},
	/* scopes, role by role */
	{"admin without scope", "carol", "", AUTH_ADMIN, "", PW, 0, NULL},
	{"admin with a scope", "carol", "", AUTH_ADMIN, "S001", PW, ERR_INPUT,
	 "role admin takes no scope, but 'S001' was given"},
	{"bureau without scope", "carol", "", AUTH_BUREAU, NULL, PW, 0, NULL},
	{"bureau with a scope", "carol", "", AUTH_BUREAU, "edu", PW, ERR_INPUT, "takes no scope"},
	{"viewer with a scope", "carol", "", AUTH_VIEWER, USCC, PW, ERR_INPUT, "takes no scope"},
	{"school of a school", "carol", "", AUTH_SCHOOL, "S001", PW, 0, NULL},
	{"school without scope", "carol", "", AUTH_SCHOOL, "", PW, ERR_INPUT, "needs a scope"},
	{"school of a department", "carol", "", AUTH_SCHOOL, "edu", PW, ERR_INPUT,
	 "scope 'edu' is not the org code of a school"},
	{"school of nothing", "carol", "", AUTH_SCHOOL, "S999", PW, ERR_INPUT, "'S999'"},
	{"department of a department", "carol", "", AUTH_DEPARTMENT, "edu", PW, 0, NULL},
	{"department of a school", "carol", "", AUTH_DEPARTMENT, "S001", PW, ERR_INPUT,
	 "not the org code of a department"},
	{"department without scope", "carol", "", AUTH_DEPARTMENT, NULL, PW, ERR_INPUT,
	 "needs a scope"},
	{"enterprise of an enterprise", "carol", "", AUTH_ENTERPRISE, USCC, PW, 0, NULL},
	{"enterprise of a school", "carol", "", AUTH_ENTERPRISE, "S001", PW, ERR_INPUT,
	 "of a known enterprise"},
	{"enterprise with a long scope", "carol", "", AUTH_ENTERPRISE,
	 "91330200MA2AAAAA1X91330200MA2AAAAA1X", PW, ERR_INPUT, "of a known enterprise"},
	{"a role out of range", "carol", "", (enum auth_role)6, "", PW, ERR_INPUT, "unknown role"},
};

/* The table above, run in one test against one database: an accepted
 * case's account is deleted again before the next case. */
static void test_add_cases(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	for (size_t i = 0; i < sizeof(add_cases) / sizeof(add_cases[0]); i++) {
		const struct add_case *c = &add_cases[i];
		int64_t users = count(fx, "SELECT count(*) FROM app_user");
		int64_t entries = count(fx, "SELECT count(*) FROM audit_log");
		int rc;

		err_clear(&e);
		rc = auth_user_add(fx->s, c->login, c->user_name, c->role, c->scope, c->password,
				   "cli:test", T0, &e);
		if (rc != c->code || (c->message && !strstr(e.msg, c->message)))
			fail_msg("%s: got %d '%s', wanted %d '%s'", c->name, rc, e.msg, c->code,
				 c->message ? c->message : "");
		if (rc == 0) {
			struct auth_user u;

			assert_int_equal(count(fx, "SELECT count(*) FROM app_user"), users + 1);
			assert_int_equal(auth_user_get(fx->s, c->login, &u, &e), 0);
			assert_int_equal(u.role, c->role);
			assert_string_equal(u.scope, c->scope ? c->scope : "");
			/* make room for the next case of the same login */
			testlib_raw_exec(fx->db, "DELETE FROM app_user");
		} else {
			/* a refused account writes nothing, not even to the trail */
			assert_int_equal(count(fx, "SELECT count(*) FROM app_user"), users);
			assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), entries);
		}
		if (c->password && *c->password && rc < 0)
			assert_null(strstr(e.msg, c->password)); /* never quoted */
	}
}

static void test_list(void **state)
{
	struct fixture *fx = *state;
	struct auth_user *users;
	struct err e;
	size_t n;

	assert_int_equal(auth_user_list(fx->s, &users, &n, &e), 0);
	assert_int_equal(n, 0);
	free(users);
	add_user(fx, "zhou", AUTH_ENTERPRISE, USCC);
	add_user(fx, "bureau1", AUTH_BUREAU, "");
	add_user(fx, "liwei", AUTH_DEPARTMENT, "edu");
	assert_int_equal(auth_user_disable(fx->s, "liwei", 1, "cli:test", T0, &e), 0);
	assert_int_equal(auth_user_list(fx->s, &users, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(users[0].login, "bureau1");
	assert_int_equal(users[0].role, AUTH_BUREAU);
	assert_string_equal(users[0].scope, "");
	assert_string_equal(users[1].login, "liwei");
	assert_int_equal(users[1].disabled, 1);
	assert_string_equal(users[1].scope, "edu");
	assert_string_equal(users[2].login, "zhou");
	assert_string_equal(users[2].scope, USCC);
	assert_int_equal(users[2].disabled, 0);
	free(users);
}

static void test_passwd(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, check;
	struct err e;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	assert_int_equal(
		auth_user_passwd(fx->s, "alice", "a new passphrase", "cli:test", T0 + 5, &e), 0);
	/* the old password fails, the new one works */
	assert_int_equal(auth_login(fx->s, "alice", PW, "10.0.0.1", T0 + 10, &check, &e), ERR_AUTH);
	assert_string_equal(check.token, "");
	login_ok(fx, "alice", "a new passphrase", "10.0.0.1", T0 + 11, &check);
	/* the session of the old password has ended */
	assert_int_equal(auth_session_check(fx->s, ss.token, T0 + 12, &check, &e), ERR_AUTH);
	/* the rules of a new account hold */
	assert_int_equal(auth_user_passwd(fx->s, "alice", "short", "cli:test", T0, &e), ERR_INPUT);
	assert_int_equal(auth_user_passwd(fx->s, "nobody", PW, "cli:test", T0, &e), ERR_NOTFOUND);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'user.passwd'"
				   " AND detail = 'login=alice'"),
			 1);
}

static void test_disable(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, other, check;
	struct auth_user u;
	struct err e;

	add_user(fx, "alice", AUTH_SCHOOL, "S001");
	add_user(fx, "bob", AUTH_VIEWER, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	login_ok(fx, "alice", PW, "10.0.0.2", T0 + 1, &other);
	login_ok(fx, "bob", PW, "10.0.0.3", T0 + 1, &check);
	assert_int_equal(count(fx, "SELECT count(*) FROM app_session"), 3);
	assert_int_equal(auth_user_disable(fx->s, "alice", 1, "cli:test", T0 + 2, &e), 0);
	assert_int_equal(auth_user_get(fx->s, "alice", &u, &e), 0);
	assert_int_equal(u.disabled, 1);
	/* both her sessions have ended, bob's has not */
	assert_int_equal(count(fx, "SELECT count(*) FROM app_session"), 1);
	assert_int_equal(auth_session_check(fx->s, ss.token, T0 + 3, &check, &e), ERR_AUTH);
	assert_int_equal(auth_session_check(fx->s, other.token, T0 + 3, &check, &e), ERR_AUTH);
	/* the right password does not open a disabled account, and says no more
	   than a wrong one */
	assert_int_equal(auth_login(fx->s, "alice", PW, "10.0.0.1", T0 + 4, &ss, &e), ERR_AUTH);
	assert_string_equal(e.msg, "wrong login or password");
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'login.failed'"
				   " AND detail = 'account disabled'"),
			 1);
	assert_int_equal(auth_user_disable(fx->s, "alice", 0, "cli:test", T0 + 5, &e), 0);
	login_ok(fx, "alice", PW, "10.0.0.1", T0 + 6, &ss);
	assert_int_equal(auth_user_disable(fx->s, "nobody", 1, "cli:test", T0, &e), ERR_NOTFOUND);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action IN"
				   " ('user.disable', 'user.enable')"),
			 2);
}

/* ---- logins and sessions ---- */

static void test_login(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, check;
	struct err e;
	int64_t before;

	add_user(fx, "alice", AUTH_DEPARTMENT, "edu");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	assert_int_equal(strlen(ss.token), AUTH_TOKEN_HEX);
	assert_int_equal(strlen(ss.csrf), AUTH_TOKEN_HEX);
	assert_string_not_equal(ss.token, ss.csrf);
	assert_string_equal(ss.user.login, "alice");
	assert_int_equal(ss.user.role, AUTH_DEPARTMENT);
	assert_string_equal(ss.user.scope, "edu");
	assert_int_equal(ss.created, T0);
	assert_int_equal(auth_session_check(fx->s, ss.token, T0 + 60, &check, &e), 0);
	assert_string_equal(check.token, "");
	assert_string_equal(check.csrf, ss.csrf);
	assert_string_equal(check.user.login, "alice");
	assert_int_equal(check.created, T0);
	assert_int_equal(check.last_seen, T0 + 60);
	assert_true(auth_csrf_ok(&check, ss.csrf));
	assert_false(auth_csrf_ok(&check, ss.token));
	assert_false(auth_csrf_ok(&check, NULL));
	assert_false(auth_csrf_ok(&check, ""));

	/* wrong password, unknown login: the same error, both audited */
	before = count(fx, "SELECT count(*) FROM audit_log");
	assert_int_equal(auth_login(fx->s, "alice", "wrong password!", "10.0.0.1", T0, &ss, &e),
			 ERR_AUTH);
	assert_string_equal(e.msg, "wrong login or password");
	assert_string_equal(ss.token, "");
	assert_int_equal(auth_login(fx->s, "mallory", PW, "10.0.0.1", T0, &ss, &e), ERR_AUTH);
	assert_string_equal(e.msg, "wrong login or password");
	assert_int_equal(auth_login(fx->s, "NOT A LOGIN\n", PW, "10.0.0.1", T0, &ss, &e), ERR_AUTH);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), before + 3);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'login.failed'"
				   " AND who = 'mallory' AND detail = 'unknown login'"),
			 1);
	/* the control character of a login is not stored as such */
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE who = 'NOT A LOGIN?'"), 1);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'login'"
				   " AND who = 'alice' AND ip = '10.0.0.1'"),
			 1);
	/* a password is never audited */
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE instr(detail, '" PW
				   "') > 0 OR instr(detail, 'wrong password!') > 0"),
			 0);

	/* bad tokens */
	assert_int_equal(auth_session_check(fx->s, NULL, T0, &check, &e), ERR_AUTH);
	assert_int_equal(auth_session_check(fx->s, "", T0, &check, &e), ERR_AUTH);
	assert_int_equal(auth_session_check(fx->s, "' OR 1=1 --", T0, &check, &e), ERR_AUTH);
	assert_int_equal(auth_session_check(
				 fx->s,
				 "0000000000000000000000000000000000000000000000000000000000000000",
				 T0, &check, &e),
			 ERR_AUTH);
}

static void test_throttle_per_login(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss;
	struct err e;

	add_user(fx, "alice", AUTH_ADMIN, "");
	for (int i = 0; i < AUTH_FAIL_PER_LOGIN; i++)
		assert_int_equal(
			auth_login(fx->s, "alice", "not the password", "10.0.0.1", T0 + i, &ss, &e),
			ERR_AUTH);
	/* the sixth attempt is refused even with the right password, from
	   anywhere, and is not counted or audited */
	int64_t entries = count(fx, "SELECT count(*) FROM audit_log");
	assert_int_equal(auth_login(fx->s, "alice", PW, "10.9.9.9", T0 + 10, &ss, &e), ERR_LIMIT);
	assert_non_null(strstr(e.msg, "too many failed logins for 'alice'"));
	assert_string_equal(ss.token, "");
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), entries);
	assert_int_equal(count(fx, "SELECT count(*) FROM login_failure WHERE key = 'login:alice'"),
			 AUTH_FAIL_PER_LOGIN);
	/* another login is not affected */
	add_user(fx, "bob", AUTH_VIEWER, "");
	login_ok(fx, "bob", PW, "10.0.0.1", T0 + 10, &ss);
	/* once the first failure is out of the window, one more attempt is
	   allowed; once all are, a success clears the count */
	assert_int_equal(
		auth_login(fx->s, "alice", PW, "10.0.0.1", T0 + AUTH_FAIL_WINDOW - 1, &ss, &e),
		ERR_LIMIT);
	login_ok(fx, "alice", PW, "10.0.0.1", T0 + AUTH_FAIL_WINDOW, &ss);
	assert_int_equal(count(fx, "SELECT count(*) FROM login_failure WHERE key = 'login:alice'"),
			 0);
	/* unknown logins are throttled alike, so throttling tells nothing */
	for (int i = 0; i < AUTH_FAIL_PER_LOGIN; i++)
		assert_int_equal(auth_login(fx->s, "ghost", PW, "10.0.0.7", T0, &ss, &e), ERR_AUTH);
	assert_int_equal(auth_login(fx->s, "ghost", PW, "10.0.0.7", T0, &ss, &e), ERR_LIMIT);
}

static void test_throttle_per_ip(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss;
	struct err e;
	char login[24];

	add_user(fx, "alice", AUTH_ADMIN, "");
	/* 20 failures of 20 different logins from one address */
	for (int i = 0; i < AUTH_FAIL_PER_IP; i++) {
		snprintf(login, sizeof(login), "guess%d", i);
		assert_int_equal(auth_login(fx->s, login, PW, "192.0.2.7", T0 + i, &ss, &e),
				 ERR_AUTH);
	}
	assert_int_equal(auth_login(fx->s, "alice", PW, "192.0.2.7", T0 + 30, &ss, &e), ERR_LIMIT);
	assert_non_null(strstr(e.msg, "too many failed logins from 192.0.2.7"));
	/* other addresses are not affected */
	login_ok(fx, "alice", PW, "192.0.2.8", T0 + 30, &ss);
	/* after the window the address may try again */
	login_ok(fx, "alice", PW, "192.0.2.7", T0 + AUTH_FAIL_PER_IP + AUTH_FAIL_WINDOW, &ss);
	/* and the old failures are purged */
	assert_int_equal(count(fx, "SELECT count(*) FROM login_failure"), 0);
}

static void test_session_idle(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, check;
	struct err e;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	/* used just before the idle limit: still open, and touched */
	assert_int_equal(
		auth_session_check(fx->s, ss.token, T0 + AUTH_IDLE_SECONDS - 1, &check, &e), 0);
	assert_int_equal(
		auth_session_check(fx->s, ss.token, T0 + 2 * AUTH_IDLE_SECONDS - 2, &check, &e), 0);
	/* then left alone for the idle limit */
	assert_int_equal(
		auth_session_check(fx->s, ss.token, T0 + 3 * AUTH_IDLE_SECONDS - 2, &check, &e),
		ERR_AUTH);
	assert_non_null(strstr(e.msg, "expired"));
	assert_int_equal(count(fx, "SELECT count(*) FROM app_session"), 0);
	assert_int_equal(
		auth_session_check(fx->s, ss.token, T0 + 3 * AUTH_IDLE_SECONDS - 1, &check, &e),
		ERR_AUTH);
}

static void test_session_absolute(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, check;
	struct err e;
	int64_t t;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	/* used every 20 minutes, never idle, it still ends at the absolute limit */
	for (t = T0 + 1200; t < T0 + AUTH_ABSOLUTE_SECONDS; t += 1200)
		assert_int_equal(auth_session_check(fx->s, ss.token, t, &check, &e), 0);
	assert_int_equal(
		auth_session_check(fx->s, ss.token, T0 + AUTH_ABSOLUTE_SECONDS - 1, &check, &e), 0);
	assert_int_equal(
		auth_session_check(fx->s, ss.token, T0 + AUTH_ABSOLUTE_SECONDS, &check, &e),
		ERR_AUTH);
	assert_int_equal(count(fx, "SELECT count(*) FROM app_session"), 0);
}

static int file_contains(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = {0};
	char chunk[4096];
	size_t n;
	int found;

	if (!f)
		return 0;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&sb, chunk, n);
	fclose(f);
	found = sb.len && memmem(sb.buf, sb.len, needle, strlen(needle)) != NULL;
	strbuf_release(&sb);
	return found;
}

static void test_token_stored_hashed(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss;
	char path[160], hash[65];

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	auth_sha256_hex(ss.token, hash);
	/* the hash is there, the token is not: neither in the file nor in its
	   write-ahead log, and neither is the password */
	assert_true(file_contains(fx->db, hash) ||
		    (snprintf(path, sizeof(path), "%s-wal", fx->db), file_contains(path, hash)));
	assert_false(file_contains(fx->db, ss.token));
	snprintf(path, sizeof(path), "%s-wal", fx->db);
	assert_false(file_contains(path, ss.token));
	assert_false(file_contains(fx->db, PW));
	assert_false(file_contains(path, PW));
	/* and after a checkpoint moves everything into the file */
	store_close(fx->s);
	fx->s = NULL;
	testlib_raw_exec(fx->db, "PRAGMA wal_checkpoint(TRUNCATE)");
	assert_true(file_contains(fx->db, hash));
	assert_false(file_contains(fx->db, ss.token));
	assert_false(file_contains(fx->db, PW));
}

static void test_logout(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, other, check;
	struct err e;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	login_ok(fx, "alice", PW, "10.0.0.2", T0, &other);
	assert_int_equal(auth_logout(fx->s, ss.token, "10.0.0.1", T0 + 5, &e), 0);
	assert_int_equal(auth_session_check(fx->s, ss.token, T0 + 6, &check, &e), ERR_AUTH);
	/* only that session */
	assert_int_equal(auth_session_check(fx->s, other.token, T0 + 6, &check, &e), 0);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'logout'"
				   " AND who = 'alice' AND ip = '10.0.0.1'"),
			 1);
	/* logging out twice, or with nonsense, is no error and is not audited */
	assert_int_equal(auth_logout(fx->s, ss.token, "10.0.0.1", T0 + 7, &e), 0);
	assert_int_equal(auth_logout(fx->s, "nonsense", "10.0.0.1", T0 + 7, &e), 0);
	assert_int_equal(auth_logout(fx->s, NULL, NULL, T0 + 7, &e), 0);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE action = 'logout'"), 1);
}

static void test_rehash(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss;
	char weak[crypto_pwhash_STRBYTES], sql[512], before[crypto_pwhash_STRBYTES];
	struct store_stmt *st;
	struct err e;

	assert_true(sodium_init() >= 0);
	/* the dummy hash of unknown logins costs what a real one costs */
	assert_int_equal(crypto_pwhash_str_needs_rehash(AUTH_DUMMY_HASH,
							crypto_pwhash_OPSLIMIT_INTERACTIVE,
							crypto_pwhash_MEMLIMIT_INTERACTIVE),
			 0);
	/* a fresh hash needs no rehash, and a login leaves it alone */
	add_user(fx, "alice", AUTH_ADMIN, "");
	st = store_prepare(fx->s, Q_AUTH_USER_GET, &e);
	store_bindf(st, "t", "alice");
	assert_int_equal(store_step(st, &e), STORE_ROW);
	snprintf(before, sizeof(before), "%s", store_col_text(st, 6));
	store_reset(st);
	assert_int_equal(crypto_pwhash_str_needs_rehash(before, crypto_pwhash_OPSLIMIT_INTERACTIVE,
							crypto_pwhash_MEMLIMIT_INTERACTIVE),
			 0);
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM app_user WHERE pw_hash = '%s'", before);
	assert_int_equal(count(fx, sql), 1);
	/* a hash made with lower limits is replaced at the next login */
	assert_int_equal(crypto_pwhash_str(weak, PW, strlen(PW), crypto_pwhash_OPSLIMIT_MIN,
					   crypto_pwhash_MEMLIMIT_MIN),
			 0);
	snprintf(sql, sizeof(sql), "UPDATE app_user SET pw_hash = '%s' WHERE login = 'alice'",
		 weak);
	testlib_raw_exec(fx->db, sql);
	login_ok(fx, "alice", PW, "10.0.0.1", T0 + 1, &ss);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM app_user WHERE pw_hash = '%s'", weak);
	assert_int_equal(count(fx, sql), 0);
	st = store_prepare(fx->s, Q_AUTH_USER_GET, &e);
	store_bindf(st, "t", "alice");
	assert_int_equal(store_step(st, &e), STORE_ROW);
	assert_int_equal(crypto_pwhash_str_needs_rehash(store_col_text(st, 6),
							crypto_pwhash_OPSLIMIT_INTERACTIVE,
							crypto_pwhash_MEMLIMIT_INTERACTIVE),
			 0);
	store_reset(st);
	login_ok(fx, "alice", PW, "10.0.0.1", T0 + 2, &ss);
}

/* ---- the audit trail ---- */

/* Five entries: the account, a login, a failure, two writes. */
static void make_trail(struct fixture *fx)
{
	struct auth_session ss;
	struct err e;

	add_user(fx, "alice", AUTH_BUREAU, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0 + 1, &ss);
	assert_int_equal(auth_login(fx->s, "alice", "nope nope nope", "10.0.0.1", T0 + 2, &ss, &e),
			 ERR_AUTH);
	assert_int_equal(auth_audit(fx->s, "alice", "10.0.0.1", "import", "school_major_stats.csv",
				    T0 + 3, &e),
			 0);
	assert_int_equal(auth_audit(fx->s, "alice", "10.0.0.1", "approve", "S001 2024\nline two",
				    T0 + 4, &e),
			 0);
}

static void test_audit_chain(void **state)
{
	struct fixture *fx = *state;
	char prev[65] = "", hash[65];
	struct store_stmt *st;
	struct err e;
	size_t checked;
	int rc;

	assert_int_equal(auth_audit_verify(fx->s, &checked, &e), 0);
	assert_int_equal(checked, 0);
	make_trail(fx);
	assert_int_equal(auth_audit_verify(fx->s, &checked, &e), 0);
	assert_int_equal(checked, 5);
	/* each hash is the documented SHA-256 over the fields and the hash
	   before it; the first follows "" */
	st = store_prepare(fx->s, Q_AUTH_AUDIT_ALL, &e);
	while ((rc = store_step(st, &e)) == STORE_ROW) {
		struct strbuf sb = {0};
		unsigned char d[32];

		assert_string_equal(store_col_text(st, 6), prev);
		/* prev_hash, at, who, ip, action, detail */
		strbuf_addf(&sb, "%s\n%s\n%s\n%s\n%s\n%s", prev, store_col_text(st, 1),
			    store_col_text(st, 2), store_col_text(st, 3), store_col_text(st, 4),
			    store_col_text(st, 5));
		crypto_hash_sha256(d, (const unsigned char *)sb.buf, sb.len);
		sodium_bin2hex(hash, sizeof(hash), d, sizeof(d));
		assert_string_equal(store_col_text(st, 7), hash);
		snprintf(prev, sizeof(prev), "%s", hash);
		strbuf_release(&sb);
	}
	assert_int_equal(rc, STORE_DONE);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE id = 1"
				   " AND at = '2023-11-14T22:13:20Z'"),
			 1);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE detail = "
				   "'S001 2024' || char(10) || 'line two'"),
			 1);
}

static void test_audit_cleaned(void **state)
{
	struct fixture *fx = *state;
	char detail[3000];
	struct err e;
	size_t checked;

	/* a newline in who would let a "\n" move between fields */
	assert_int_equal(auth_audit(fx->s, "eve\nx", "1.2.3.4\n", "a\tb", "ok\x01\xff", T0, &e), 0);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log WHERE who = 'eve?x'"
				   " AND ip = '1.2.3.4?' AND action = 'a?b' AND detail = 'ok?\?'"),
			 1);
	assert_int_equal(auth_audit(fx->s, NULL, NULL, "x", NULL, T0, &e), 0);
	memset(detail, 'x', sizeof(detail) - 1);
	detail[sizeof(detail) - 1] = '\0';
	assert_int_equal(auth_audit(fx->s, "eve", "", "long", detail, T0, &e), 0);
	assert_int_equal(count(fx, "SELECT max(length(detail)) FROM audit_log"), 2047);
	assert_int_equal(auth_audit_verify(fx->s, &checked, &e), 0);
	assert_int_equal(checked, 3);
}

static void test_audit_in_callers_transaction(void **state)
{
	struct fixture *fx = *state;
	struct err e;

	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(auth_audit(fx->s, "alice", "", "import", "x", T0, &e), 0);
	assert_true(store_in_transaction(fx->s));
	store_rollback(fx->s);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), 0);
	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(auth_audit(fx->s, "alice", "", "import", "x", T0, &e), 0);
	assert_int_equal(store_commit(fx->s, &e), 0);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), 1);
}

static void test_audit_triggers(void **state)
{
	struct fixture *fx = *state;
	sqlite3 *db;
	char *msg = NULL;

	make_trail(fx);
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit_log SET detail = 'x' WHERE id = 2",
					  NULL, NULL, &msg),
			     SQLITE_OK);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	assert_int_not_equal(
		sqlite3_exec(db, "DELETE FROM audit_log WHERE id = 5", NULL, NULL, &msg),
		SQLITE_OK);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit_log", NULL, NULL, &msg),
			     SQLITE_OK);
	sqlite3_free(msg);
	msg = NULL;
	/* nor can an entry follow the same one twice */
	assert_int_not_equal(
		sqlite3_exec(db,
			     "INSERT INTO audit_log(at,who,ip,action,detail,prev_hash,hash)"
			     " SELECT at,who,ip,action,detail,prev_hash,hash FROM audit_log"
			     " WHERE id = 3",
			     NULL, NULL, &msg),
		SQLITE_OK);
	sqlite3_free(msg);
	sqlite3_close(db);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), 5);
}

struct tamper_case {
	const char *name;
	const char *sql; /* run with the triggers dropped */
	long long entry; /* the entry verify must name */
	const char *why; /* a part of its message */
};

static const struct tamper_case tamper_cases[] = {
	{"a detail changed", "UPDATE audit_log SET detail = 'nothing' WHERE id = 3", 3,
	 "does not match its hash"},
	{"who changed", "UPDATE audit_log SET who = 'bob' WHERE id = 2", 2, "does not match"},
	{"a time changed", "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 1", 1,
	 "does not match"},
	{"an entry removed", "DELETE FROM audit_log WHERE id = 2", 3, "does not follow"},
	{"the first entry removed", "DELETE FROM audit_log WHERE id = 1", 2, "does not follow"},
	{"an entry rewritten with a matching hash",
	 "UPDATE audit_log SET detail = 'forged', hash = '"
	 "0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 4",
	 4, "does not match"},
	{"a newline added to who",
	 "UPDATE audit_log SET who = 'alice' || char(10) || '10.0.0.1', ip = '' WHERE id = 2", 2,
	 "control character"},
	/* entry 5 is alice, 10.0.0.1, approve, "S001 2024\nline two": shifting
	   every field by one newline hashes the very same text */
	{"fields shifted along a newline of the detail",
	 "UPDATE audit_log SET who = 'alice' || char(10) || '10.0.0.1', ip = 'approve',"
	 " action = 'S001 2024', detail = 'line two' WHERE id = 5",
	 5, "control character"},
};

static void test_audit_tamper(void **state)
{
	struct fixture *fx = *state;
	struct err e;
	size_t checked;
	char want[32];

	for (size_t i = 0; i < sizeof(tamper_cases) / sizeof(tamper_cases[0]); i++) {
		const struct tamper_case *c = &tamper_cases[i];
		char sql[1024];

		/* a fresh trail each time */
		testlib_raw_exec(fx->db, "DROP TRIGGER IF EXISTS audit_log_no_update;"
					 "DROP TRIGGER IF EXISTS audit_log_no_delete;"
					 "DELETE FROM audit_log; DELETE FROM app_user;"
					 "DELETE FROM app_session; DELETE FROM login_failure;");
		make_trail(fx);
		assert_int_equal(auth_audit_verify(fx->s, &checked, &e), 0);
		snprintf(sql, sizeof(sql), "%s", c->sql);
		testlib_raw_exec(fx->db, sql);
		err_clear(&e);
		assert_int_equal(auth_audit_verify(fx->s, &checked, &e), ERR_CONFLICT);
		snprintf(want, sizeof(want), "audit entry %lld ", c->entry);
		if (!strstr(e.msg, want) || !strstr(e.msg, c->why))
			fail_msg("%s: '%s' lacks '%s' or '%s'", c->name, e.msg, want, c->why);
	}
	/* the forged entry's own hash matched its content? then the next one
	   breaks: rewrite entry 4 with a correct hash and see entry 5 named */
	testlib_raw_exec(fx->db, "DELETE FROM audit_log; DELETE FROM app_user;"
				 "DELETE FROM app_session; DELETE FROM login_failure;");
	make_trail(fx);
	{
		struct store_stmt *st = store_prepare(fx->s, Q_AUTH_AUDIT_ALL, &e);
		char prev[65] = "", hash[65], sql[512];
		int rc;

		while ((rc = store_step(st, &e)) == STORE_ROW && store_col_int(st, 0) < 4)
			snprintf(prev, sizeof(prev), "%s", store_col_text(st, 7));
		assert_int_equal(rc, STORE_ROW);
		auth_audit_hash(prev, store_col_text(st, 1), store_col_text(st, 2),
				store_col_text(st, 3), store_col_text(st, 4), "forged", hash);
		store_reset(st);
		snprintf(sql, sizeof(sql),
			 "UPDATE audit_log SET detail = 'forged', hash = '%s' WHERE id = 4", hash);
		testlib_raw_exec(fx->db, sql);
	}
	assert_int_equal(auth_audit_verify(fx->s, &checked, &e), ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "audit entry 5 "));
	assert_non_null(strstr(e.msg, "does not follow"));
	assert_int_equal(checked, 5);
}

static void test_clear_data_keeps_accounts(void **state)
{
	struct fixture *fx = *state;
	struct auth_session ss, check;
	struct err e;
	size_t checked;

	make_trail(fx);
	login_ok(fx, "alice", PW, "10.0.0.1", T0 + 10, &ss);
	assert_int_equal(store_begin(fx->s, &e), 0);
	assert_int_equal(store_clear_data(fx->s, &e), 0);
	assert_int_equal(store_commit(fx->s, &e), 0);
	assert_int_equal(count(fx, "SELECT count(*) FROM org WHERE kind = 'school'"), 0);
	assert_int_equal(count(fx, "SELECT count(*) FROM app_user"), 1);
	assert_int_equal(auth_session_check(fx->s, ss.token, T0 + 11, &check, &e), 0);
	assert_int_equal(auth_audit_verify(fx->s, &checked, &e), 0);
	assert_int_equal(checked, 6);
}

/* ---- the memo of checked sessions ---- */

/* Under one generation the memo answers without the store: a row removed
 * behind its back (as no real change could be, without a new generation)
 * still answers, and a new generation reads the store again. */
static void test_memo_answers_under_its_generation(void **state)
{
	struct fixture *fx = *state;
	struct auth_memo *m = auth_memo_new();
	struct auth_session ss, check;
	struct err e;

	add_user(fx, "alice", AUTH_SCHOOL, "S001");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	assert_int_equal(auth_session_check_memo(m, "g1", fx->s, ss.token, T0 + 1, &check, &e), 0);
	assert_string_equal(check.user.login, "alice");
	assert_string_equal(check.user.scope, "S001");
	assert_int_equal((int)check.user.role, AUTH_SCHOOL);
	assert_string_equal(check.csrf, ss.csrf);
	assert_int_equal(check.created, T0);
	assert_string_equal(check.token, "");
	testlib_raw_exec(fx->db, "DELETE FROM app_session");
	memset(&check, 0, sizeof(check));
	assert_int_equal(auth_session_check_memo(m, "g1", fx->s, ss.token, T0 + 2, &check, &e), 0);
	assert_string_equal(check.user.login, "alice");
	assert_string_equal(check.csrf, ss.csrf);
	/* a new generation: the store says the session is gone */
	assert_int_equal(auth_session_check_memo(m, "g2", fx->s, ss.token, T0 + 3, &check, &e),
			 ERR_AUTH);
	assert_string_equal(check.user.login, "");
	/* and a failure is not kept: g2 still asks the store */
	assert_int_equal(auth_session_check_memo(m, "g2", fx->s, ss.token, T0 + 4, &check, &e),
			 ERR_AUTH);
	auth_memo_free(m);
}

/* "" and NULL generations, and no memo, always read the store. */
static void test_memo_unknown_generation(void **state)
{
	struct fixture *fx = *state;
	struct auth_memo *m = auth_memo_new();
	struct auth_session ss, check;
	struct err e;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	assert_int_equal(auth_session_check_memo(m, "", fx->s, ss.token, T0 + 1, &check, &e), 0);
	assert_int_equal(auth_session_check_memo(m, NULL, fx->s, ss.token, T0 + 1, &check, &e), 0);
	assert_int_equal(auth_session_check_memo(NULL, "g", fx->s, ss.token, T0 + 1, &check, &e),
			 0);
	testlib_raw_exec(fx->db, "DELETE FROM app_session");
	assert_int_equal(auth_session_check_memo(m, "", fx->s, ss.token, T0 + 2, &check, &e),
			 ERR_AUTH);
	assert_int_equal(auth_session_check_memo(m, NULL, fx->s, ss.token, T0 + 2, &check, &e),
			 ERR_AUTH);
	assert_int_equal(auth_session_check_memo(NULL, "g", fx->s, ss.token, T0 + 2, &check, &e),
			 ERR_AUTH);
	/* a malformed token never reaches the memo or the store */
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, "' OR 1=1 --", T0, &check, &e),
			 ERR_AUTH);
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, NULL, T0, &check, &e), ERR_AUTH);
	auth_memo_free(m);
}

/* The clock still rules a kept session: idle and absolute expiry end it
 * (and delete it, as the store's check does), and a session due its touch
 * is touched in the store. */
static void test_memo_expiry_from_the_clock(void **state)
{
	struct fixture *fx = *state;
	struct auth_memo *m = auth_memo_new();
	struct auth_session ss, other, check;
	struct err e;
	int64_t t;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &other);
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, ss.token, T0 + 1, &check, &e), 0);
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, other.token, T0 + 1, &check, &e),
			 0);
	/* due its touch: the store's last_seen moves */
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, ss.token, T0 + AUTH_TOUCH_SECONDS,
						 &check, &e),
			 0);
	assert_int_equal(check.last_seen, T0 + AUTH_TOUCH_SECONDS);
	assert_int_equal(count(fx, "SELECT max(last_seen) FROM app_session"),
			 T0 + AUTH_TOUCH_SECONDS);
	/* the other, left alone for the idle limit, has ended and is deleted */
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, other.token, T0 + AUTH_IDLE_SECONDS,
						 &check, &e),
			 ERR_AUTH);
	assert_non_null(strstr(e.msg, "expired"));
	assert_int_equal(count(fx, "SELECT count(*) FROM app_session"), 1);
	/* used every 20 minutes, the first still ends at the absolute limit */
	for (t = T0 + 1200; t < T0 + AUTH_ABSOLUTE_SECONDS; t += 1200)
		assert_int_equal(auth_session_check_memo(m, "g", fx->s, ss.token, t, &check, &e),
				 0);
	assert_int_equal(auth_session_check_memo(m, "g", fx->s, ss.token,
						 T0 + AUTH_ABSOLUTE_SECONDS, &check, &e),
			 ERR_AUTH);
	assert_int_equal(count(fx, "SELECT count(*) FROM app_session"), 0);
	auth_memo_free(m);
}

/* A disabled account loses its session as soon as the generation moves
 * (the server's moves with any commit, the CLI's included). */
static void test_memo_disabled_account(void **state)
{
	struct fixture *fx = *state;
	struct auth_memo *m = auth_memo_new();
	struct auth_session ss, check;
	struct err e;

	add_user(fx, "alice", AUTH_ADMIN, "");
	login_ok(fx, "alice", PW, "10.0.0.1", T0, &ss);
	assert_int_equal(auth_session_check_memo(m, "g1", fx->s, ss.token, T0 + 1, &check, &e), 0);
	assert_int_equal(auth_user_disable(fx->s, "alice", 1, "cli:test", T0 + 2, &e), 0);
	assert_int_equal(auth_session_check_memo(m, "g2", fx->s, ss.token, T0 + 3, &check, &e),
			 ERR_AUTH);
	auth_memo_free(m);
}

/* More sessions than slots: each still checks, against the store when its
 * slot was taken. */
static void test_memo_many_sessions(void **state)
{
	struct fixture *fx = *state;
	struct auth_memo *m = auth_memo_new();
	enum { N = 2 * AUTH_MEMO_SLOTS + 3 };
	static struct auth_session ss[N];
	struct auth_session check;
	struct err e;

	struct strbuf sql = {0};

	add_user(fx, "alice", AUTH_ADMIN, "");
	/* sessions made directly: N argon2id logins would take minutes */
	strbuf_addstr(&sql, "BEGIN;");
	for (int i = 0; i < N; i++) {
		char hash[65];

		auth_random_hex(ss[i].token);
		auth_sha256_hex(ss[i].token, hash);
		strbuf_addf(
			&sql,
			"INSERT INTO app_session(token_hash, user_id, csrf, created, last_seen, ip)"
			" SELECT '%s', id, 'c%d', %lld, %lld, '' FROM app_user"
			" WHERE login = 'alice';",
			hash, i, (long long)T0, (long long)T0);
	}
	strbuf_addstr(&sql, "COMMIT;");
	testlib_raw_exec(fx->db, strbuf_str(&sql));
	strbuf_release(&sql);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < N; i++) {
			char csrf[16];

			snprintf(csrf, sizeof(csrf), "c%d", i);
			assert_int_equal(auth_session_check_memo(m, "g", fx->s, ss[i].token, T0 + 1,
								 &check, &e),
					 0);
			assert_string_equal(check.csrf, csrf);
		}
	auth_memo_free(m);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		T(test_add_and_get),
		T(test_duplicate_login),
		T(test_add_cases),
		T(test_list),
		T(test_passwd),
		T(test_disable),
		T(test_login),
		T(test_throttle_per_login),
		T(test_throttle_per_ip),
		T(test_session_idle),
		T(test_session_absolute),
		T(test_token_stored_hashed),
		T(test_logout),
		T(test_rehash),
		T(test_audit_chain),
		T(test_audit_cleaned),
		T(test_audit_in_callers_transaction),
		T(test_audit_triggers),
		T(test_audit_tamper),
		T(test_clear_data_keeps_accounts),
		T(test_memo_answers_under_its_generation),
		T(test_memo_unknown_generation),
		T(test_memo_expiry_from_the_clock),
		T(test_memo_disabled_account),
		T(test_memo_many_sessions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
