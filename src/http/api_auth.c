/* api_auth.c - the routes of sessions (login, logout, me, one's own
 * password), of accounts and of the audit trail (administrators: the web
 * face of tvet user and tvet audit), and the API's own description. Account
 * changes are audited with the caller's login and address. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api_internal.h"

/* ---- sessions ----------------------------------------------------------- */

static void api_login(struct http_req *r, struct http_resp *w)
{
	json_t *doc = api_body(r, w);
	const char *login, *password;
	struct auth_session ss;
	struct err e;

	if (!doc)
		return;
	if (!(login = api_string(doc, "login", 1, w)) ||
	    !(password = api_string(doc, "password", 1, w))) {
		json_decref(doc);
		return;
	}
	err_clear(&e);
	if (auth_login(r->s, login, password, r->ip, r->now, &ss, &e) < 0) {
		json_decref(doc);
		http_error(w, &e);
		return;
	}
	json_decref(doc);
	snprintf(w->set_cookie, sizeof(w->set_cookie),
		 "tvet_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", ss.token,
		 AUTH_ABSOLUTE_SECONDS, r->o->secure_cookies ? "; Secure" : "");
	snprintf(w->who, sizeof(w->who), "%s", ss.user.login);
	http_json(w, 200, json_pack("{s:o, s:s}", "user", api_user_json(&ss.user), "csrf", ss.csrf));
	sodium_memzero(&ss, sizeof(ss));
}

static void api_logout(struct http_req *r, struct http_resp *w)
{
	struct err e;

	err_clear(&e);
	if (auth_logout(r->s, r->token, r->ip, r->now, &e) < 0) {
		http_error(w, &e);
		return;
	}
	snprintf(w->set_cookie, sizeof(w->set_cookie),
		 "tvet_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
		 r->o->secure_cookies ? "; Secure" : "");
	http_json(w, 200, json_pack("{s:b}", "signed_out", 1));
}

static void api_me(struct http_req *r, struct http_resp *w)
{
	http_json(w, 200,
		  json_pack("{s:o, s:s}", "user", api_user_json(&r->session.user), "csrf",
			    r->session.csrf));
}

static void api_openapi(struct http_req *r, struct http_resp *w)
{
	char path[4096];
	json_error_t je;
	json_t *doc;

	snprintf(path, sizeof(path), "%s/openapi.json", r->o->data_dir);
	if (!(doc = json_load_file(path, 0, &je))) {
		api_fail(w, ERR_IO, "the API description cannot be read: %s", je.text);
		return;
	}
	http_json(w, 200, doc);
}

/* ---- accounts and the audit trail --------------------------------------- */

static void api_users(struct http_req *r, struct http_resp *w)
{
	struct auth_user *users;
	json_t *list = json_array();
	size_t n;
	struct err e;

	err_clear(&e);
	if (auth_user_list(r->s, &users, &n, &e) < 0) {
		json_decref(list);
		http_error(w, &e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, api_user_json(&users[i]));
	free(users);
	http_json(w, 200, list);
}

static void api_user_add(struct http_req *r, struct http_resp *w)
{
	json_t *doc = api_body(r, w);
	const char *login, *name, *role, *scope, *password;
	enum auth_role rl;
	struct auth_user u;
	struct err e;

	if (!doc)
		return;
	err_clear(&e);
	if (!(login = api_string(doc, "login", 1, w)) || !(name = api_string(doc, "name", 0, w)) ||
	    !(role = api_string(doc, "role", 1, w)) || !(scope = api_string(doc, "scope", 0, w)) ||
	    !(password = api_string(doc, "password", 1, w))) {
		json_decref(doc);
		return;
	}
	if (auth_role_parse(role, &rl, &e) < 0 ||
	    auth_user_add_from(r->s, login, name, rl, scope, password, r->session.user.login, r->ip,
			       r->now, &e) < 0 ||
	    auth_user_get(r->s, login, &u, &e) < 0) {
		json_decref(doc);
		http_error(w, &e);
		return;
	}
	json_decref(doc);
	http_json(w, 201, api_user_json(&u));
}

/* Answer the account of login as it is now (200), or the error. */
static void api_user_answer(struct http_req *r, struct http_resp *w, const char *login)
{
	struct auth_user u;
	struct err e;

	err_clear(&e);
	if (auth_user_get(r->s, login, &u, &e) < 0) {
		http_error(w, &e);
		return;
	}
	http_json(w, 200, api_user_json(&u));
}

/* POST /api/v1/users/{login}/password {password}: an administrator sets
 * an account's password (the rules of tvet user passwd); its sessions end. */
static void api_user_passwd(struct http_req *r, struct http_resp *w)
{
	const char *login = r->params[0], *password;
	json_t *doc = api_body(r, w);
	struct err e;
	int rc;

	if (!doc)
		return;
	if (!(password = api_string(doc, "password", 1, w))) {
		json_decref(doc);
		return;
	}
	err_clear(&e);
	rc = auth_user_passwd_from(r->s, login, password, r->session.user.login, r->ip, r->now, &e);
	json_decref(doc);
	if (rc < 0) {
		http_error(w, &e);
		return;
	}
	api_user_answer(r, w, login);
}

/* POST /api/v1/users/{login}/disable and …/enable. Disabling ends the
 * account's sessions; an administrator may not disable its own account
 * (the last way in for it could go). */
static void api_user_set_disabled(struct http_req *r, struct http_resp *w, int disabled)
{
	const char *login = r->params[0];
	struct err e;

	if (disabled && !strcmp(login, r->session.user.login)) {
		api_fail(w, ERR_CONFLICT,
			 "an administrator may not disable its own account '%s': ask another "
			 "administrator",
			 login);
		return;
	}
	err_clear(&e);
	if (auth_user_disable_from(r->s, login, disabled, r->session.user.login, r->ip, r->now,
				   &e) < 0) {
		http_error(w, &e);
		return;
	}
	api_user_answer(r, w, login);
}

static void api_user_disable(struct http_req *r, struct http_resp *w)
{
	api_user_set_disabled(r, w, 1);
}

static void api_user_enable(struct http_req *r, struct http_resp *w)
{
	api_user_set_disabled(r, w, 0);
}

/* POST /api/v1/me/password {old, new}: any account changes its own
 * password with its current one. Every session of the account ends, this
 * one too: the answer clears the cookie, and the client signs in again. */
static void api_me_password(struct http_req *r, struct http_resp *w)
{
	const char *old_password, *new_password;
	json_t *doc = api_body(r, w);
	struct err e;
	int rc;

	if (!doc)
		return;
	if (!(old_password = api_string(doc, "old", 1, w)) ||
	    !(new_password = api_string(doc, "new", 1, w))) {
		json_decref(doc);
		return;
	}
	err_clear(&e);
	rc = auth_user_change_password(r->s, r->session.user.login, old_password, new_password,
				       r->ip, r->now, &e);
	json_decref(doc);
	if (rc < 0) {
		http_error(w, &e);
		return;
	}
	snprintf(w->set_cookie, sizeof(w->set_cookie),
		 "tvet_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
		 r->o->secure_cookies ? "; Secure" : "");
	http_json(w, 200, json_pack("{s:b, s:b}", "changed", 1, "signed_out", 1));
}

#define API_AUDIT_DEFAULT 50
#define API_AUDIT_MAX 10000

/* GET /api/v1/audit?limit=&who=: the newest entries first, as tvet audit
 * list shows them. */
static void api_audit_list(struct http_req *r, struct http_resp *w)
{
	const char *who = http_query(r, "who"), *ql = http_query(r, "limit");
	long limit = API_AUDIT_DEFAULT;
	struct store_stmt *st;
	json_t *list;
	struct err e;
	int rc;

	if (ql) {
		char *end;
		limit = strtol(ql, &end, 10);
		if (!*ql || *end || limit < 1 || limit > API_AUDIT_MAX) {
			api_fail(w, ERR_INPUT, "limit '%s' is not a number from 1 to %d", ql,
				 API_AUDIT_MAX);
			return;
		}
	}
	err_clear(&e);
	if (!(st = store_prepare(r->s, Q_AUTH_AUDIT_LIST, &e))) {
		http_error(w, &e);
		return;
	}
	store_bindf(st, "ti", who && *who ? who : NULL, (int64_t)limit);
	list = json_array();
	while ((rc = store_step(st, &e)) == STORE_ROW)
		json_array_append_new(
			list, json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s?}", "id",
					(json_int_t)store_col_int(st, 0), "at",
					store_col_text(st, 1), "who", store_col_text(st, 2), "ip",
					store_col_text(st, 3), "action", store_col_text(st, 4),
					"detail", store_col_text(st, 5)));
	store_reset(st);
	if (rc < 0) {
		json_decref(list);
		http_error(w, &e);
		return;
	}
	http_json(w, 200, list);
}

static void api_audit_verify(struct http_req *r, struct http_resp *w)
{
	size_t checked = 0;
	struct err e;

	err_clear(&e);
	if (auth_audit_verify(r->s, &checked, &e) < 0) {
		http_error(w, &e);
		return;
	}
	http_json(w, 200, json_pack("{s:b, s:I}", "intact", 1, "entries", (json_int_t)checked));
}

const struct api_route api_auth_routes[] = {
	{"POST", "/api/v1/login", API_PUBLIC, api_login},
	{"POST", "/api/v1/logout", API_SIGNED, api_logout},
	{"GET", "/api/v1/me", API_SIGNED, api_me},
	{"GET", "/api/v1/openapi.json", API_PUBLIC, api_openapi},
	{"GET", "/api/v1/users", API_ADMIN, api_users},
	{"POST", "/api/v1/users", API_ADMIN, api_user_add},
	{"POST", "/api/v1/users/{login}/password", API_ADMIN, api_user_passwd},
	{"POST", "/api/v1/users/{login}/disable", API_ADMIN, api_user_disable},
	{"POST", "/api/v1/users/{login}/enable", API_ADMIN, api_user_enable},
	{"POST", "/api/v1/me/password", API_SIGNED, api_me_password},
	{"GET", "/api/v1/audit", API_ADMIN, api_audit_list},
	{"GET", "/api/v1/audit/verify", API_ADMIN, api_audit_verify},
	{NULL, NULL, API_PUBLIC, NULL},
};
