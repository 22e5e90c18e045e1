/* auth.c - accounts, sessions, login throttling and the audit trail (auth.h).
 *
 * Passwords: argon2id through crypto_pwhash_str() at the INTERACTIVE
 * limits; a stored hash made with lower limits is replaced at the next
 * successful login. A password is never copied, logged or put in a message.
 * A login that does not exist is checked against a fixed dummy hash made
 * with the same limits, so it costs what a wrong password costs.
 *
 * Sessions: a token is 32 bytes from randombytes_buf(), in hex; the store
 * keeps hex(SHA-256(token text)) only, so reading the database opens no
 * session. A session ends when unused for AUTH_IDLE_SECONDS, at
 * AUTH_ABSOLUTE_SECONDS after login, on logout, and when its account is
 * disabled or its password changes.
 *
 * Throttling: each failed login adds a login_failure row under
 * 'login:<login>' and 'ip:<address>'. A login is refused (ERR_LIMIT, before
 * any password work) while the login has AUTH_FAIL_PER_LOGIN or the address
 * AUTH_FAIL_PER_IP failures younger than AUTH_FAIL_WINDOW. A refused
 * attempt is neither counted nor audited, so the lock lifts once the window
 * passes, and nobody can grow the tables without bound by hammering.
 *
 * The audit trail: entry n has prev_hash = hash of entry n-1 ("" for the
 * first) and
 *
 *     hash = hex(SHA-256(prev_hash "\n" at "\n" who "\n" ip "\n" action "\n" detail))
 *
 * over the texts exactly as stored, at being the UTC time
 * "YYYY-MM-DDTHH:MM:SSZ". who, ip and action are stored with every control
 * character (newlines included) replaced by '?'; detail, the last field,
 * keeps newlines and tabs. Invalid UTF-8 becomes '?' in all four, and each
 * has a length cap (cut at a character boundary). auth_audit_verify()
 * refuses an entry with a control character in at, who, ip or action: with
 * none there, the hashed text splits into its fields one way only, so no
 * "\n" can be moved from one field to another under the same hash. The
 * migration 0008_auth makes the database refuse UPDATE and DELETE on
 * audit_log, and a second entry after the same one. Removing the newest
 * entries leaves a shorter chain that still verifies: keep the head that
 * `tvet audit verify` prints somewhere else to detect that.
 *
 * sodium_init() is called at each entry point that needs libsodium, as
 * ingest/import.c does: it is thread-safe and returns at once after the
 * first call. */
#include "auth/auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/utf8.h"

#define AUTH_WHO_MAX 128      /* bytes kept of an audit entry's who */
#define AUTH_IP_MAX 64	      /* ... its ip */
#define AUTH_ACTION_MAX 64    /* ... its action */
#define AUTH_DETAIL_MAX 2048  /* ... its detail */
#define AUTH_KEY_LOGIN_MAX 64 /* bytes of a login or address in a throttle key */

/* crypto_pwhash_str() of a random password nobody knows, at the
 * INTERACTIVE limits of libsodium 1.0.18 (argon2id, 64 MiB, 2 passes);
 * test_auth.c checks it needs no rehash, i.e. the limits still match. */
static const char AUTH_DUMMY_HASH[crypto_pwhash_STRBYTES] =
	"$argon2id$v=19$m=65536,t=2,p=1$nyCh3iYaPD9rfXMEtY1h5w$"
	"WVBmsvg5YCALlAX8JJxzb+2ZZumeUTbheFq+WKMryig";

static const char *const auth_role_keys[] = {
	[AUTH_ADMIN] = "admin",		  [AUTH_BUREAU] = "bureau",
	[AUTH_DEPARTMENT] = "department", [AUTH_SCHOOL] = "school",
	[AUTH_ENTERPRISE] = "enterprise", [AUTH_VIEWER] = "viewer",
};
#define AUTH_NROLES ((int)(sizeof(auth_role_keys) / sizeof(auth_role_keys[0])))

/* ---- small helpers ---- */

static int auth_sodium(struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "libsodium failed to initialise");
	return 0;
}

static int auth_role_valid(enum auth_role role)
{
	return (int)role >= 0 && (int)role < AUTH_NROLES;
}

static int auth_role_scoped(enum auth_role role)
{
	return role == AUTH_DEPARTMENT || role == AUTH_SCHOOL || role == AUTH_ENTERPRISE;
}

/* Copy src (NULL: "") into dst[size], cut to fit. */
static void auth_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static void auth_sha256_hex(const char *text, char hex[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(hex, 65, digest, sizeof(digest));
}

/* AUTH_TOKEN_HEX / 2 random bytes in lower-case hex. */
static void auth_random_hex(char out[AUTH_TOKEN_HEX + 1])
{
	unsigned char raw[AUTH_TOKEN_HEX / 2];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

/* 1 when token has the form auth_random_hex() gives. */
static int auth_token_wellformed(const char *token)
{
	size_t i;

	if (!token)
		return 0;
	for (i = 0; i < AUTH_TOKEN_HEX; i++)
		if (!((token[i] >= '0' && token[i] <= '9') || (token[i] >= 'a' && token[i] <= 'f')))
			return 0;
	return token[i] == '\0';
}

static void auth_iso_time(int64_t now, char out[32])
{
	time_t t = (time_t)now;
	struct tm tm;

	if (gmtime_r(&t, &tm) && strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
		return;
	snprintf(out, 32, "%lld", (long long)now);
}

/* Copy src into dst[size] for the audit trail: invalid UTF-8 and control
 * characters become '?' (newline and tab are kept when keep_lines), and
 * the text is cut at a character boundary to fit. */
static void auth_clean(char *dst, size_t size, const char *src, int keep_lines)
{
	const unsigned char *p = (const unsigned char *)(src ? src : "");
	size_t o = 0;

	while (*p) {
		int len = utf8_decode(p, 4, NULL);

		if (len <= 0) { /* not UTF-8: one '?' for the byte */
			if (o + 1 >= size)
				break;
			dst[o++] = '?';
			p++;
			continue;
		}
		if (o + (size_t)len >= size)
			break;
		if (len == 1 && (*p < 0x20 || *p == 0x7f) &&
		    !(keep_lines && (*p == '\n' || *p == '\t')))
			dst[o++] = '?';
		else {
			memcpy(dst + o, p, (size_t)len);
			o += (size_t)len;
		}
		p += len;
	}
	dst[o] = '\0';
}

/* 1 when text has a control character (a newline, say). */
static int auth_has_control(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 1;
	return 0;
}

/* The address an account change made by `by` is audited with: "cli" for
 * the command line, else unknown (""). */
static const char *auth_by_ip(const char *by)
{
	return by && strncmp(by, "cli:", 4) == 0 ? "cli" : "";
}

/* Begin a transaction unless the caller has one open; *own says whether
 * this call did. */
static int auth_begin(struct store *s, int *own, struct err *e)
{
	*own = !store_in_transaction(s);
	return *own ? store_begin(s, e) : 0;
}

/* End what auth_begin() began: commit when rc is 0, else roll back.
 * Returns rc, or the commit's error. */
static int auth_end(struct store *s, int own, int rc, struct err *e)
{
	if (!own)
		return rc;
	if (rc < 0) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, e);
}

/* ---- validation ---- */

static int auth_check_login(const char *login, struct err *e)
{
	size_t n = login ? strlen(login) : 0;

	if (n < 3 || n > 32 || !(login[0] >= 'a' && login[0] <= 'z'))
		goto bad;
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
		      c == '-'))
			goto bad;
	}
	return 0;
bad:
	return err_set(e, ERR_INPUT,
		       _("login '%s' is not valid: use 3-32 of a-z, 0-9, '_', '.' and '-', "
			 "starting with a letter"),
		       login ? login : "");
}

static int auth_check_password(const char *login, const char *password, struct err *e)
{
	const unsigned char *p = (const unsigned char *)password;
	size_t chars = 0;

	if (!password || !*password)
		return err_set(e, ERR_INPUT, _("the password is empty"));
	if (strlen(password) > AUTH_MAX_PASSWORD)
		return err_set(e, ERR_INPUT, _("the password is longer than %d bytes"),
			       AUTH_MAX_PASSWORD);
	while (*p) {
		int len = utf8_decode(p, 4, NULL);
		if (len <= 0)
			return err_set(e, ERR_INPUT, _("the password is not valid UTF-8"));
		p += len;
		chars++;
	}
	if (chars < AUTH_MIN_PASSWORD)
		return err_set(e, ERR_INPUT,
			       _("the password is too short: use at least %d characters"),
			       AUTH_MIN_PASSWORD);
	if (login && strcmp(password, login) == 0)
		return err_set(e, ERR_INPUT, _("the password must not be the login"));
	return 0;
}

static int auth_check_name(const char *name, struct err *e)
{
	const unsigned char *p = (const unsigned char *)name;

	if (strlen(name) >= sizeof(((struct auth_user *)0)->name))
		return err_set(e, ERR_INPUT, _("name '%s' is longer than %zu bytes"), name,
			       sizeof(((struct auth_user *)0)->name) - 1);
	while (*p) {
		int len = utf8_decode(p, 4, NULL);
		if (len <= 0 || (len == 1 && (*p < 0x20 || *p == 0x7f)))
			return err_set(e, ERR_INPUT,
				       _("name '%s' is not valid: control characters or bad "
					 "UTF-8"),
				       name);
		p += len;
	}
	return 0;
}

/* The scope must name an existing organisation of the role's kind, and be
 * "" for the roles that see everything (or only the public part). */
static int auth_check_scope(struct store *s, enum auth_role role, const char *scope, struct err *e)
{
	enum store_query q = role == AUTH_SCHOOL       ? Q_SCHOOL_BY_CODE
			     : role == AUTH_DEPARTMENT ? Q_DEPARTMENT_EXISTS
						       : Q_ENTERPRISE_EXISTS;
	int rc = 0;

	if (!auth_role_scoped(role)) {
		if (*scope)
			return err_set(e, ERR_INPUT,
				       _("role %s takes no scope, but '%s' was given"),
				       auth_role_key(role), scope);
		return 0;
	}
	if (!*scope)
		return err_set(e, ERR_INPUT,
			       _("role %s needs a scope: the organisation it speaks for"),
			       auth_role_key(role));
	if (strlen(scope) < sizeof(((struct auth_user *)0)->scope) &&
	    (rc = store_lookup(s, q, NULL, e, "t", scope)) != 0)
		return rc < 0 ? rc : 0;
	if (role == AUTH_SCHOOL)
		return err_set(e, ERR_INPUT, _("scope '%s' is not the org code of a school"),
			       scope);
	if (role == AUTH_DEPARTMENT)
		return err_set(e, ERR_INPUT, _("scope '%s' is not the org code of a department"),
			       scope);
	return err_set(e, ERR_INPUT,
		       _("scope '%s' is not the 统一社会信用代码 of a known enterprise"), scope);
}

static int auth_hash_password(const char *password, char hash[crypto_pwhash_STRBYTES],
			      struct err *e)
{
	if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_INTERNAL, _("hashing the password failed (out of memory?)"));
	return 0;
}

/* ---- roles and accounts ---- */

const char *auth_role_key(enum auth_role role)
{
	return auth_role_valid(role) ? auth_role_keys[role] : "?";
}

int auth_role_parse(const char *s, enum auth_role *role, struct err *e)
{
	for (int r = 0; r < AUTH_NROLES; r++) {
		if (s && strcmp(s, auth_role_keys[r]) == 0) {
			*role = (enum auth_role)r;
			return 0;
		}
	}
	return err_set(e, ERR_INPUT,
		       _("unknown role '%s' (use admin, bureau, department, school, enterprise or "
			 "viewer)"),
		       s ? s : "");
}

/* Read id, login, name, role, scope, disabled from columns col.. of st. */
static int auth_user_from_row(struct store_stmt *st, int col, struct auth_user *u, struct err *e)
{
	memset(u, 0, sizeof(*u));
	u->id = store_col_int(st, col);
	auth_copy(u->login, sizeof(u->login), store_col_text(st, col + 1));
	auth_copy(u->name, sizeof(u->name), store_col_text(st, col + 2));
	auth_copy(u->scope, sizeof(u->scope), store_col_text(st, col + 4));
	u->disabled = store_col_int(st, col + 5) != 0;
	if (auth_role_parse(store_col_text(st, col + 3), &u->role, e) < 0)
		return err_set(e, ERR_DB, "account '%s' has an unknown role '%s'", u->login,
			       store_col_text(st, col + 3) ? store_col_text(st, col + 3) : "");
	return 0;
}

/* The account of login into *u and, when hash is not NULL, its password
 * hash into hash[crypto_pwhash_STRBYTES]: 1 when found, 0 when not, or a
 * negative error. */
static int auth_user_find(struct store *s, const char *login, struct auth_user *u, char *hash,
			  struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_AUTH_USER_GET, e);
	int rc;

	if (!st)
		return e->code;
	store_bindf(st, "t", login);
	if ((rc = store_step(st, e)) == STORE_ROW) {
		rc = auth_user_from_row(st, 0, u, e);
		if (rc == 0 && hash)
			auth_copy(hash, crypto_pwhash_STRBYTES, store_col_text(st, 6));
		rc = rc < 0 ? rc : 1;
	}
	store_reset(st);
	return rc;
}

int auth_user_add(struct store *s, const char *login, const char *name, enum auth_role role,
		  const char *scope, const char *password, const char *by, int64_t now,
		  struct err *e)
{
	return auth_user_add_from(s, login, name, role, scope, password, by, auth_by_ip(by), now,
				  e);
}

int auth_user_add_from(struct store *s, const char *login, const char *name, enum auth_role role,
		       const char *scope, const char *password, const char *by, const char *ip,
		       int64_t now, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES], detail[AUTH_DETAIL_MAX];
	struct auth_user u;
	int own = 0, rc;

	name = name ? name : "";
	scope = scope ? scope : "";
	if ((rc = auth_sodium(e)) < 0 || (rc = auth_check_login(login, e)) < 0)
		return rc;
	if (!auth_role_valid(role))
		return err_set(e, ERR_INPUT, _("unknown role %d"), (int)role);
	if ((rc = auth_check_name(name, e)) < 0 ||
	    (rc = auth_check_password(login, password, e)) < 0 ||
	    (rc = auth_check_scope(s, role, scope, e)) < 0)
		return rc;
	if ((rc = auth_user_find(s, login, &u, NULL, e)) < 0)
		return rc;
	if (rc > 0)
		return err_set(e, ERR_CONFLICT, _("account '%s' already exists"), login);
	/* The slow part, before the write lock is taken. */
	if ((rc = auth_hash_password(password, hash, e)) < 0)
		return rc;
	snprintf(detail, sizeof(detail), "login=%s role=%s%s%s name=%s", login, auth_role_key(role),
		 *scope ? " scope=" : "", scope, name);
	if ((rc = auth_begin(s, &own, e)) < 0)
		goto out;
	rc = store_run(s, Q_AUTH_USER_INSERT, e, "ttttti", login, name, auth_role_key(role), scope,
		       hash, now);
	if (rc == ERR_CONFLICT)
		rc = err_set(e, ERR_CONFLICT, _("account '%s' already exists"), login);
	if (rc == 0)
		rc = auth_audit(s, by, ip, "user.add", detail, now, e);
	rc = auth_end(s, own, rc, e);
out:
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int auth_user_passwd(struct store *s, const char *login, const char *password, const char *by,
		     int64_t now, struct err *e)
{
	return auth_user_passwd_from(s, login, password, by, auth_by_ip(by), now, e);
}

int auth_user_passwd_from(struct store *s, const char *login, const char *password, const char *by,
			  const char *ip, int64_t now, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES], detail[64];
	struct auth_user u;
	int own = 0, rc;

	if ((rc = auth_sodium(e)) < 0 || (rc = auth_check_password(login, password, e)) < 0)
		return rc;
	if ((rc = auth_user_find(s, login, &u, NULL, e)) < 0)
		return rc;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, _("account '%s' does not exist"), login);
	if ((rc = auth_hash_password(password, hash, e)) < 0)
		return rc;
	snprintf(detail, sizeof(detail), "login=%s", u.login);
	if ((rc = auth_begin(s, &own, e)) < 0)
		goto out;
	/* A new password ends the sessions the old one opened. */
	if ((rc = store_run(s, Q_AUTH_USER_SET_PASSWORD, e, "tt", login, hash)) == 0 &&
	    (rc = store_run(s, Q_AUTH_SESSION_DELETE_USER, e, "i", u.id)) == 0)
		rc = auth_audit(s, by, ip, "user.passwd", detail, now, e);
	rc = auth_end(s, own, rc, e);
out:
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int auth_user_disable(struct store *s, const char *login, int disabled, const char *by, int64_t now,
		      struct err *e)
{
	return auth_user_disable_from(s, login, disabled, by, auth_by_ip(by), now, e);
}

int auth_user_disable_from(struct store *s, const char *login, int disabled, const char *by,
			   const char *ip, int64_t now, struct err *e)
{
	char detail[64];
	struct auth_user u;
	int own = 0, rc;

	if ((rc = auth_user_find(s, login, &u, NULL, e)) < 0)
		return rc;
	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, _("account '%s' does not exist"), login);
	disabled = disabled != 0;
	snprintf(detail, sizeof(detail), "login=%s", u.login);
	if ((rc = auth_begin(s, &own, e)) < 0)
		return rc;
	rc = store_run(s, Q_AUTH_USER_SET_DISABLED, e, "ti", login, (int64_t)disabled);
	if (rc == 0 && disabled)
		rc = store_run(s, Q_AUTH_SESSION_DELETE_USER, e, "i", u.id);
	if (rc == 0)
		rc = auth_audit(s, by, ip, disabled ? "user.disable" : "user.enable", detail, now,
				e);
	return auth_end(s, own, rc, e);
}

int auth_user_get(struct store *s, const char *login, struct auth_user *out, struct err *e)
{
	int rc = auth_user_find(s, login ? login : "", out, NULL, e);

	if (rc == 0)
		return err_set(e, ERR_NOTFOUND, _("account '%s' does not exist"),
			       login ? login : "");
	return rc < 0 ? rc : 0;
}

int auth_user_list(struct store *s, struct auth_user **out, size_t *n, struct err *e)
{
	struct store_stmt *st = store_prepare(s, Q_AUTH_USER_LIST, e);
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		if ((rc = auth_user_from_row(st, 0, &(*out)[*n], e)) < 0)
			break;
		(*n)++;
	}
	store_reset(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

/* ---- logins and sessions ---- */

/* ERR_LIMIT when key has had limit failures in the window before now. */
static int auth_throttle(struct store *s, const char *key, int limit, int64_t now, struct err *e)
{
	int64_t failures;
	int rc = store_lookup(s, Q_AUTH_FAILURE_COUNT, &failures, e, "ti", key,
			      now - AUTH_FAIL_WINDOW);

	if (rc < 0)
		return rc;
	if (failures < limit)
		return 0;
	if (strncmp(key, "ip:", 3) == 0)
		return err_set(e, ERR_LIMIT,
			       _("too many failed logins from %s in the last %d minutes; try again "
				 "later"),
			       key + 3, AUTH_FAIL_WINDOW / 60);
	return err_set(e, ERR_LIMIT,
		       _("too many failed logins for '%s' in the last %d minutes; try again later"),
		       key + 6, AUTH_FAIL_WINDOW / 60);
}

/* The throttle's keys of a login and an address, each into a buffer of
 * AUTH_KEY_LOGIN_MAX + 8 bytes. */
static void auth_throttle_keys(const char *login, const char *ip, char *login_key, char *ip_key)
{
	snprintf(login_key, AUTH_KEY_LOGIN_MAX + 8, "login:%.*s", AUTH_KEY_LOGIN_MAX, login);
	snprintf(ip_key, AUTH_KEY_LOGIN_MAX + 8, "ip:%.*s", AUTH_KEY_LOGIN_MAX, ip);
}

static int auth_throttle_both(struct store *s, const char *login_key, const char *ip_key,
			      int64_t now, struct err *e)
{
	int rc = auth_throttle(s, login_key, AUTH_FAIL_PER_LOGIN, now, e);

	if (rc == 0 && ip_key[3])
		rc = auth_throttle(s, ip_key, AUTH_FAIL_PER_IP, now, e);
	return rc;
}

/* Forget failures and sessions past their time (inside a transaction). */
static int auth_purge(struct store *s, int64_t now, struct err *e)
{
	int rc = store_run(s, Q_AUTH_FAILURE_PURGE, e, "i", now - AUTH_FAIL_WINDOW);

	if (rc == 0)
		rc = store_run(s, Q_AUTH_SESSION_PURGE, e, "ii", now - AUTH_IDLE_SECONDS,
			       now - AUTH_ABSOLUTE_SECONDS);
	return rc;
}

int auth_login(struct store *s, const char *login, const char *password, const char *ip,
	       int64_t now, struct auth_session *out, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES] = "", rehash[crypto_pwhash_STRBYTES] = "";
	char login_key[AUTH_KEY_LOGIN_MAX + 8], ip_key[AUTH_KEY_LOGIN_MAX + 8];
	char token_hash[65];
	const char *why = NULL;
	struct auth_user u = {0};
	size_t pwlen;
	int found = 0, own = 0, rc;

	memset(out, 0, sizeof(*out));
	login = login ? login : "";
	password = password ? password : "";
	ip = ip ? ip : "";
	if ((rc = auth_sodium(e)) < 0)
		return rc;
	auth_throttle_keys(login, ip, login_key, ip_key);
	if ((rc = auth_throttle_both(s, login_key, ip_key, now, e)) < 0)
		return rc;

	/* The same work whether or not the login exists, whatever the
	 * password's length. */
	if (auth_check_login(login, NULL) == 0 &&
	    (found = auth_user_find(s, login, &u, hash, e)) < 0)
		return found;
	pwlen = strlen(password);
	if (crypto_pwhash_str_verify(found ? hash : AUTH_DUMMY_HASH, password,
				     pwlen < AUTH_MAX_PASSWORD ? pwlen : AUTH_MAX_PASSWORD) == 0 &&
	    found && pwlen <= AUTH_MAX_PASSWORD)
		why = u.disabled ? "account disabled" : NULL;
	else
		why = found ? "wrong password" : "unknown login";
	/* Stronger limits since the hash was made: replace it now, while the
	 * password is at hand (and before the write lock). */
	if (!why &&
	    crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0 &&
	    (rc = auth_hash_password(password, rehash, e)) < 0)
		return rc;

	if ((rc = auth_begin(s, &own, e)) < 0)
		return rc;
	if ((rc = auth_purge(s, now, e)) < 0)
		goto end;
	if (why) {
		if ((rc = store_run(s, Q_AUTH_FAILURE_INSERT, e, "ti", login_key, now)) == 0 &&
		    (!ip[0] ||
		     (rc = store_run(s, Q_AUTH_FAILURE_INSERT, e, "ti", ip_key, now)) == 0))
			rc = auth_audit(s, login, ip, "login.failed", why, now, e);
		if ((rc = auth_end(s, own, rc, e)) < 0)
			return rc;
		return err_set(e, ERR_AUTH, _("wrong login or password"));
	}
	/* Attempts running side by side all passed the check above: count
	 * again under the write lock, so at most those few get an answer. */
	if ((rc = auth_throttle_both(s, login_key, ip_key, now, e)) < 0)
		goto end;
	if (rehash[0] && (rc = store_run(s, Q_AUTH_USER_SET_PASSWORD, e, "tt", login, rehash)) < 0)
		goto end;
	if ((rc = store_run(s, Q_AUTH_FAILURE_CLEAR, e, "t", login_key)) < 0)
		goto end;
	auth_random_hex(out->token);
	auth_random_hex(out->csrf);
	auth_sha256_hex(out->token, token_hash);
	if ((rc = store_run(s, Q_AUTH_SESSION_INSERT, e, "titiit", token_hash, u.id, out->csrf, now,
			    now, ip)) < 0)
		goto end;
	rc = auth_audit(s, u.login, ip, "login", auth_role_key(u.role), now, e);
end:
	rc = auth_end(s, own, rc, e);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	else {
		out->user = u;
		out->created = out->last_seen = now;
	}
	sodium_memzero(rehash, sizeof(rehash));
	return rc;
}

/* Count a failed password check of login (and of ip, unless "") and
 * audit it as action; in its own transaction unless one is open. */
static int auth_count_failure(struct store *s, const char *login_key, const char *ip_key,
			      const char *who, const char *ip, const char *action, const char *why,
			      int64_t now, struct err *e)
{
	int own = 0, rc;

	if ((rc = auth_begin(s, &own, e)) < 0)
		return rc;
	if ((rc = store_run(s, Q_AUTH_FAILURE_INSERT, e, "ti", login_key, now)) == 0 &&
	    (!ip[0] || (rc = store_run(s, Q_AUTH_FAILURE_INSERT, e, "ti", ip_key, now)) == 0))
		rc = auth_audit(s, who, ip, action, why, now, e);
	return auth_end(s, own, rc, e);
}

int auth_user_change_password(struct store *s, const char *login, const char *old_password,
			      const char *new_password, const char *ip, int64_t now, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES] = "", fresh[crypto_pwhash_STRBYTES] = "";
	char login_key[AUTH_KEY_LOGIN_MAX + 8], ip_key[AUTH_KEY_LOGIN_MAX + 8], detail[64];
	struct auth_user u;
	size_t oldlen;
	int own = 0, rc;

	login = login ? login : "";
	old_password = old_password ? old_password : "";
	ip = ip ? ip : "";
	if ((rc = auth_sodium(e)) < 0)
		return rc;
	auth_throttle_keys(login, ip, login_key, ip_key);
	/* A session someone else picked up must not become a way to guess
	 * the password faster than the sign-in form allows. */
	if ((rc = auth_throttle_both(s, login_key, ip_key, now, e)) < 0)
		return rc;
	if ((rc = auth_user_find(s, login, &u, hash, e)) < 0)
		goto out;
	if (rc == 0) {
		rc = err_set(e, ERR_NOTFOUND, _("account '%s' does not exist"), login);
		goto out;
	}
	if (u.disabled) {
		rc = err_set(e, ERR_DENIED, _("account '%s' is disabled"), login);
		goto out;
	}
	/* The new password's rules need no secret: checked first. */
	if ((rc = auth_check_password(login, new_password, e)) < 0)
		goto out;
	oldlen = strlen(old_password);
	if (oldlen > AUTH_MAX_PASSWORD ||
	    crypto_pwhash_str_verify(hash, old_password, oldlen) != 0) {
		if ((rc = auth_count_failure(s, login_key, ip_key, login, ip, "user.passwd.failed",
					     "wrong current password", now, e)) == 0)
			rc = err_set(e, ERR_INPUT, _("the current password is wrong"));
		goto out;
	}
	if ((rc = auth_hash_password(new_password, fresh, e)) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "login=%s", u.login);
	if ((rc = auth_begin(s, &own, e)) < 0)
		goto out;
	/* As auth_user_passwd: the sessions the old password opened end. */
	if ((rc = store_run(s, Q_AUTH_USER_SET_PASSWORD, e, "tt", login, fresh)) == 0 &&
	    (rc = store_run(s, Q_AUTH_SESSION_DELETE_USER, e, "i", u.id)) == 0)
		rc = auth_audit(s, u.login, ip, "user.passwd", detail, now, e);
	rc = auth_end(s, own, rc, e);
out:
	sodium_memzero(hash, sizeof(hash));
	sodium_memzero(fresh, sizeof(fresh));
	return rc;
}

/* The clock's rules of a session read from the store: ended (idle too
 * long, too old, or its account disabled), and due its touch. */
static int auth_session_ended(const struct auth_session *ss, int64_t now)
{
	return now - ss->last_seen >= AUTH_IDLE_SECONDS ||
	       now - ss->created >= AUTH_ABSOLUTE_SECONDS || ss->user.disabled;
}

static int auth_session_due_touch(const struct auth_session *ss, int64_t now)
{
	return now - ss->last_seen >= AUTH_TOUCH_SECONDS;
}

int auth_session_check(struct store *s, const char *token, int64_t now, struct auth_session *out,
		       struct err *e)
{
	char token_hash[65];
	const char *stored;
	struct store_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!auth_token_wellformed(token))
		return err_set(e, ERR_AUTH, _("not signed in, or the session has ended"));
	if ((rc = auth_sodium(e)) < 0)
		return rc;
	auth_sha256_hex(token, token_hash);
	if (!(st = store_prepare(s, Q_AUTH_SESSION_GET, e)))
		return e->code;
	store_bindf(st, "t", token_hash);
	if ((rc = store_step(st, e)) < 0)
		return rc;
	stored = rc == STORE_ROW ? store_col_text(st, 0) : NULL;
	if (!stored || strlen(stored) != 64 || sodium_memcmp(stored, token_hash, 64) != 0) {
		store_reset(st);
		return err_set(e, ERR_AUTH, _("not signed in, or the session has ended"));
	}
	auth_copy(out->csrf, sizeof(out->csrf), store_col_text(st, 1));
	out->created = store_col_int(st, 2);
	out->last_seen = store_col_int(st, 3);
	rc = auth_user_from_row(st, 4, &out->user, e);
	store_reset(st);
	if (rc < 0)
		goto fail;
	/* One statement each: a transaction of its own. */
	if (auth_session_ended(out, now)) {
		if ((rc = store_run(s, Q_AUTH_SESSION_DELETE, e, "t", token_hash)) == 0)
			rc = err_set(e, ERR_AUTH, _("the session has expired; sign in again"));
		goto fail;
	}
	/* Touched at most once a minute: the idle limit is half an hour, and
	 * a write per request would take the write lock (and invalidate the
	 * server's cached answers) on every read. */
	if (auth_session_due_touch(out, now)) {
		if ((rc = store_run(s, Q_AUTH_SESSION_TOUCH, e, "ti", token_hash, now)) < 0)
			goto fail;
		out->last_seen = now;
	}
	return 0;
fail:
	memset(out, 0, sizeof(*out));
	return rc;
}

/* ---- the memo of checked sessions ---- */

#define AUTH_MEMO_SLOTS 256 /* sessions kept; the token's hash picks the slot */
#define AUTH_MEMO_GEN 128   /* bytes of a generation kept, NUL included */

struct auth_memo_slot {
	char token_hash[65]; /* all NUL while the slot is free */
	char generation[AUTH_MEMO_GEN];
	struct auth_session session;
};

struct auth_memo {
	pthread_mutex_t lock;
	struct auth_memo_slot slot[AUTH_MEMO_SLOTS];
};

struct auth_memo *auth_memo_new(void)
{
	struct auth_memo *m = xcalloc(1, sizeof(*m));

	pthread_mutex_init(&m->lock, NULL);
	return m;
}

void auth_memo_free(struct auth_memo *m)
{
	if (!m)
		return;
	pthread_mutex_destroy(&m->lock);
	sodium_memzero(m->slot, sizeof(m->slot)); /* the CSRF tokens */
	free(m);
}

/* The slot of a token: the first byte of its SHA-256 (hex), which nobody
 * can steer without a preimage. */
static struct auth_memo_slot *auth_memo_slot_of(struct auth_memo *m, const char *token_hash)
{
	unsigned char byte;

	if (sodium_hex2bin(&byte, 1, token_hash, 2, NULL, NULL, NULL) != 0)
		byte = 0;
	return &m->slot[byte % AUTH_MEMO_SLOTS];
}

int auth_session_check_memo(struct auth_memo *m, const char *generation, struct store *s,
			    const char *token, int64_t now, struct auth_session *out, struct err *e)
{
	char token_hash[65];
	struct auth_memo_slot *slot;
	int known = 0, rc;

	if (!m || !generation || !*generation || strlen(generation) >= AUTH_MEMO_GEN ||
	    !auth_token_wellformed(token))
		return auth_session_check(s, token, now, out, e);
	if ((rc = auth_sodium(e)) < 0) {
		memset(out, 0, sizeof(*out));
		return rc;
	}
	auth_sha256_hex(token, token_hash);
	slot = auth_memo_slot_of(m, token_hash);
	pthread_mutex_lock(&m->lock);
	if (sodium_memcmp(slot->token_hash, token_hash, 64) == 0 &&
	    strcmp(slot->generation, generation) == 0) {
		*out = slot->session;
		known = 1;
	}
	pthread_mutex_unlock(&m->lock);
	/* Read under this generation, the row is what the store holds now:
	 * only the clock can have ended it or made it due its touch. */
	if (known && !auth_session_ended(out, now) && !auth_session_due_touch(out, now))
		return 0;
	if ((rc = auth_session_check(s, token, now, out, e)) < 0)
		return rc;
	pthread_mutex_lock(&m->lock);
	memcpy(slot->token_hash, token_hash, sizeof(slot->token_hash));
	snprintf(slot->generation, sizeof(slot->generation), "%s", generation);
	slot->session = *out;
	pthread_mutex_unlock(&m->lock);
	return 0;
}

int auth_csrf_ok(const struct auth_session *session, const char *csrf)
{
	if (!session || !csrf || strlen(csrf) != AUTH_TOKEN_HEX ||
	    strlen(session->csrf) != AUTH_TOKEN_HEX)
		return 0;
	return sodium_memcmp(session->csrf, csrf, AUTH_TOKEN_HEX) == 0;
}

int auth_logout(struct store *s, const char *token, const char *ip, int64_t now, struct err *e)
{
	char token_hash[65], login[sizeof(((struct auth_user *)0)->login)];
	struct store_stmt *st;
	int own = 0, rc;

	if (!auth_token_wellformed(token))
		return 0;
	if ((rc = auth_sodium(e)) < 0)
		return rc;
	auth_sha256_hex(token, token_hash);
	if (!(st = store_prepare(s, Q_AUTH_SESSION_GET, e)))
		return e->code;
	store_bindf(st, "t", token_hash);
	if ((rc = store_step(st, e)) < 0)
		return rc;
	if (rc == STORE_ROW)
		auth_copy(login, sizeof(login), store_col_text(st, 5));
	store_reset(st);
	if (rc == STORE_DONE)
		return 0;
	if ((rc = auth_begin(s, &own, e)) < 0)
		return rc;
	if ((rc = store_run(s, Q_AUTH_SESSION_DELETE, e, "t", token_hash)) == 0)
		rc = auth_audit(s, login, ip, "logout", "", now, e);
	return auth_end(s, own, rc, e);
}

/* ---- the audit trail ---- */

/* hash = hex(SHA-256(prev "\n" at "\n" who "\n" ip "\n" action "\n" detail)) */
static void auth_audit_hash(const char *prev, const char *at, const char *who, const char *ip,
			    const char *action, const char *detail, char hash[65])
{
	const char *fields[] = {prev, at, who, ip, action, detail};
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (i > 0)
			crypto_hash_sha256_update(&st, (const unsigned char *)"\n", 1);
		crypto_hash_sha256_update(&st, (const unsigned char *)fields[i], strlen(fields[i]));
	}
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(hash, 65, digest, sizeof(digest));
}

int auth_audit(struct store *s, const char *who, const char *ip, const char *action,
	       const char *detail, int64_t now, struct err *e)
{
	char at[32], prev[65] = "", hash[65];
	char cwho[AUTH_WHO_MAX], cip[AUTH_IP_MAX], caction[AUTH_ACTION_MAX],
		cdetail[AUTH_DETAIL_MAX];
	struct store_stmt *st;
	int own = 0, rc;

	if ((rc = auth_sodium(e)) < 0)
		return rc;
	auth_iso_time(now, at);
	auth_clean(cwho, sizeof(cwho), who, 0);
	auth_clean(cip, sizeof(cip), ip, 0);
	auth_clean(caction, sizeof(caction), action, 0);
	auth_clean(cdetail, sizeof(cdetail), detail, 1);
	/* Reading the head and appending after it in one write transaction:
	 * two appenders cannot both follow the same entry (and the UNIQUE
	 * prev_hash would refuse the second if they did). */
	if ((rc = auth_begin(s, &own, e)) < 0)
		return rc;
	if (!(st = store_prepare(s, Q_AUTH_AUDIT_LAST, e))) {
		rc = e->code;
		goto end;
	}
	if ((rc = store_step(st, e)) == STORE_ROW)
		auth_copy(prev, sizeof(prev), store_col_text(st, 1));
	store_reset(st);
	if (rc < 0)
		goto end;
	auth_audit_hash(prev, at, cwho, cip, caction, cdetail, hash);
	rc = store_run(s, Q_AUTH_AUDIT_INSERT, e, "ttttttt", at, cwho, cip, caction, cdetail, prev,
		       hash);
end:
	return auth_end(s, own, rc, e);
}

int auth_audit_verify(struct store *s, size_t *checked, struct err *e)
{
	char prev[65] = "", hash[65];
	struct store_stmt *st;
	int rc;

	*checked = 0;
	if ((rc = auth_sodium(e)) < 0)
		return rc;
	if (!(st = store_prepare(s, Q_AUTH_AUDIT_ALL, e)))
		return e->code;
	while ((rc = store_step(st, e)) == STORE_ROW) {
		long long id = (long long)store_col_int(st, 0);
		const char *f[7];

		for (int c = 0; c < 7; c++) {
			f[c] = store_col_text(st, c + 1);
			f[c] = f[c] ? f[c] : "";
		}
		(*checked)++;
		if (strcmp(f[5], prev) != 0) {
			rc = err_set(e, ERR_CONFLICT,
				     _("audit entry %lld (%s, '%s' by '%s') is broken: it does not "
				       "follow the entry before it, which was changed or removed"),
				     id, f[0], f[3], f[1]);
			break;
		}
		/* The trail never writes these, and the hash alone could not
		 * tell a "\n" moved from detail into who from the original. */
		if (auth_has_control(f[0]) || auth_has_control(f[1]) || auth_has_control(f[2]) ||
		    auth_has_control(f[3])) {
			rc = err_set(
				e, ERR_CONFLICT,
				_("audit entry %lld is broken: its time, who, ip or action holds "
				  "a control character, which the trail never writes"),
				id);
			break;
		}
		auth_audit_hash(prev, f[0], f[1], f[2], f[3], f[4], hash);
		if (strcmp(hash, f[6]) != 0) {
			rc = err_set(e, ERR_CONFLICT,
				     _("audit entry %lld (%s, '%s' by '%s') is broken: its content "
				       "does not match its hash, so it was changed"),
				     id, f[0], f[3], f[1]);
			break;
		}
		memcpy(prev, hash, sizeof(prev));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}
