/* auth.h - accounts, roles, sessions and the audit trail.
 *
 * Who may use the system and what each may see. An account has a login, a
 * display name, one role and, for the scoped roles, the organisation it
 * speaks for: a school's org code (role school), a department's code (role
 * department) or an enterprise's 统一社会信用代码 (role enterprise).
 * Passwords are stored only as argon2id hashes (libsodium crypto_pwhash_str,
 * rehashed on the next login when the parameters rise). A session is a
 * random token given to the client; the store keeps only its SHA-256. Every
 * login, failed login, account change and write is appended to the audit
 * trail, each entry chained to the one before by SHA-256, so editing or
 * deleting an entry is detected by auth_audit_verify(). Nothing here speaks
 * HTTP: the server (http/) and the CLI (tvet user, tvet audit) both call it.
 *
 * Times are Unix seconds passed in by the caller (now), so tests can move
 * the clock. Every function that writes runs in its own transaction unless
 * the caller has one open (then an error leaves the rollback to the
 * caller). The password hashing is done before the write lock is taken.
 * Passwords are never logged, audited or quoted in a message. How the
 * audit hash is computed: auth.c's opening comment and docs/internals/auth.md. */
#ifndef TVET_AUTH_H
#define TVET_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

#define AUTH_IDLE_SECONDS (30 * 60)	  /* a session unused this long ends */
#define AUTH_TOUCH_SECONDS 60		  /* last_seen is updated at most this often */
#define AUTH_ABSOLUTE_SECONDS (12 * 3600) /* and any session after this */
#define AUTH_FAIL_WINDOW (15 * 60)	  /* failed logins counted over this */
#define AUTH_FAIL_PER_LOGIN 5		  /* then the account is throttled */
#define AUTH_FAIL_PER_IP 20		  /* then the address is throttled */
#define AUTH_MIN_PASSWORD 10		  /* characters (UTF-8 code points) */
#define AUTH_MAX_PASSWORD 1024		  /* bytes */
#define AUTH_TOKEN_HEX 64		  /* a token or CSRF token: 32 random bytes, hex */

enum auth_role {
	AUTH_ADMIN,	 /* accounts, and everything bureau may do */
	AUTH_BUREAU,	 /* 市教育局: reads and writes everything, approves */
	AUTH_DEPARTMENT, /* 责任单位: reads all public data, assesses its targets */
	AUTH_SCHOOL,	 /* its own school's data only */
	AUTH_ENTERPRISE, /* its own surveys and records only */
	AUTH_VIEWER	 /* the public dashboard */
};

struct auth_user {
	int64_t id;
	char login[40];
	char name[128];
	enum auth_role role;
	char scope[32]; /* org code or USCC for scoped roles, else "" */
	int disabled;
};

struct auth_session {
	char token[AUTH_TOKEN_HEX + 1]; /* only in the answer to auth_login */
	char csrf[AUTH_TOKEN_HEX + 1];	/* send back on every state-changing request */
	struct auth_user user;
	int64_t created, last_seen;
};

/* "admin", "bureau", "department", "school", "enterprise", "viewer". */
const char *auth_role_key(enum auth_role role);
int auth_role_parse(const char *s, enum auth_role *role, struct err *e) WUR;

/* A new account. login: 3-32 of [a-z0-9_.-], starting with a letter;
 * name (NULL: ""): at most 127 bytes of UTF-8 without control characters;
 * password: valid UTF-8, at least AUTH_MIN_PASSWORD characters, at most
 * AUTH_MAX_PASSWORD bytes, not the login itself; scope (NULL: "") must name
 * an existing school (role school, its org code), department (role
 * department, its org code) or enterprise (role enterprise, its USCC), and
 * be "" for the other roles. by names who did it, for the audit trail
 * ("cli:root", or a login; audited with ip "cli" when it starts "cli:",
 * else ""). ERR_INPUT for a bad value, ERR_CONFLICT when the login exists. */
int auth_user_add(struct store *s, const char *login, const char *name, enum auth_role role,
		  const char *scope, const char *password, const char *by, int64_t now,
		  struct err *e) WUR;
/* Set a new password (the rules of auth_user_add) and end the account's
 * sessions. ERR_INPUT for a bad password, ERR_NOTFOUND for no such login. */
int auth_user_passwd(struct store *s, const char *login, const char *password, const char *by,
		     int64_t now, struct err *e) WUR;
/* Disable (disabled 1) or enable again (0) an account; disabling ends its
 * sessions. ERR_NOTFOUND when there is no such login. */
int auth_user_disable(struct store *s, const char *login, int disabled, const char *by, int64_t now,
		      struct err *e) WUR;
/* The three above as the web server calls them: audited as made from ip
 * (the caller's address; NULL stands for "") rather than from the address
 * `by` implies. */
int auth_user_add_from(struct store *s, const char *login, const char *name, enum auth_role role,
		       const char *scope, const char *password, const char *by, const char *ip,
		       int64_t now, struct err *e) WUR;
int auth_user_passwd_from(struct store *s, const char *login, const char *password, const char *by,
			  const char *ip, int64_t now, struct err *e) WUR;
int auth_user_disable_from(struct store *s, const char *login, int disabled, const char *by,
			   const char *ip, int64_t now, struct err *e) WUR;
/* An account changes its own password: old_password must be its current
 * one, new_password follows the rules of auth_user_add. Throttled and
 * counted like a sign-in: ERR_LIMIT (before any password work) while the
 * login or ip has too many recent failures; a wrong old_password is
 * ERR_INPUT, counted against both and audited as "user.passwd.failed".
 * ERR_NOTFOUND for no such login. Success ends every session of the
 * account (the caller's too) and is audited as "user.passwd" by login. */
int auth_user_change_password(struct store *s, const char *login, const char *old_password,
			      const char *new_password, const char *ip, int64_t now,
			      struct err *e) WUR;
/* ERR_NOTFOUND when there is no such login. */
int auth_user_get(struct store *s, const char *login, struct auth_user *out, struct err *e) WUR;
/* Every account by login; *out is the caller's to free(). */
int auth_user_list(struct store *s, struct auth_user **out, size_t *n, struct err *e) WUR;

/* Check login and password and open a session: out gets the token (the
 * only time it is seen: the store keeps its SHA-256), the CSRF token and
 * the account. ERR_AUTH for a wrong password, an unknown login (after the
 * same work, so timing does not tell which) or a disabled account, all with
 * the same message; ERR_LIMIT, before any password work, when the login has
 * had AUTH_FAIL_PER_LOGIN or the ip (unless "") AUTH_FAIL_PER_IP failures
 * in the last AUTH_FAIL_WINDOW seconds. Successes and failures are audited
 * and a failure is counted against both; a refused (ERR_LIMIT) attempt is
 * neither, so the lock lifts when the window has passed. A success forgets
 * the login's failures and rehashes a password hashed with lower limits.
 * On error *out is zeroed. */
int auth_login(struct store *s, const char *login, const char *password, const char *ip,
	       int64_t now, struct auth_session *out, struct err *e) WUR;
/* The session of a token, touching it (last_seen = now, when it is
 * AUTH_TOUCH_SECONDS old or more): ERR_AUTH when
 * unknown or malformed, idle for AUTH_IDLE_SECONDS, AUTH_ABSOLUTE_SECONDS
 * old or of a disabled account (and then it is deleted). out->token is
 * left empty; on error *out is zeroed. */
int auth_session_check(struct store *s, const char *token, int64_t now, struct auth_session *out,
		       struct err *e) WUR;

/* A memo of checked sessions, for a server that sees the same sessions on
 * request after request: auth_session_check_memo() answers as
 * auth_session_check() does, but without reading the store when the token
 * was checked before under the same generation. The generation is the
 * caller's text for the state of the database, which must change whenever
 * the database may have changed (a write through the server, a commit by
 * another process: http/api.c's api_gen()) and be taken before the call;
 * "" or NULL means "unknown": the store is read and nothing is kept. Expiry
 * is still decided from now on every call, and a session due its touch
 * (AUTH_TOUCH_SECONDS) goes to the store, so a memo answer is always the
 * one auth_session_check() would give. Failures are not kept. The memo
 * keeps the tokens' SHA-256 only, as the store does, and a bounded number
 * of sessions (a newer one takes an older one's slot). Thread-safe. */
struct auth_memo;
struct auth_memo *auth_memo_new(void);
void auth_memo_free(struct auth_memo *m); /* NULL: nothing */
int auth_session_check_memo(struct auth_memo *m, const char *generation, struct store *s,
			    const char *token, int64_t now, struct auth_session *out,
			    struct err *e) WUR;
/* End the session of token (no error when there is none), audited as
 * "logout" of its account. */
int auth_logout(struct store *s, const char *token, const char *ip, int64_t now, struct err *e) WUR;

/* 1 when csrf (may be NULL) is the session's CSRF token, compared in
 * constant time; 0 otherwise. For every state-changing request. */
int auth_csrf_ok(const struct auth_session *session, const char *csrf);

/* Append to the audit trail: who (a login, or "cli:<user>"), from where (an
 * IP address or "cli"), what ("login", "login.failed", "user.add",
 * "import", "approve", ...) and a detail text; NULL stands for "". Control
 * characters in who, ip and action (in detail: other than newline and tab)
 * and invalid UTF-8 are stored as '?'; who is cut to 127 bytes, ip and
 * action to 63, detail to 2047. */
int auth_audit(struct store *s, const char *who, const char *ip, const char *action,
	       const char *detail, int64_t now, struct err *e) WUR;
/* Recompute the chain: *checked entries read; 0 when intact, else
 * ERR_CONFLICT naming the first entry whose hash does not follow (its
 * content was changed, or it does not follow the entry before it because
 * that was changed or removed). Removing the newest entries cannot be
 * seen from the chain alone: compare its head with one kept elsewhere. */
int auth_audit_verify(struct store *s, size_t *checked, struct err *e) WUR;

#endif
