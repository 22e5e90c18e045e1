/* api_auth.c - the routes of sessions (login, logout, me), of accounts
 * and of the audit trail (admins), and the API's own description. */
#include <sodium.h>
#include <stdio.h>
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
	    auth_user_add(r->s, login, name, rl, scope, password, r->session.user.login, r->now,
			  &e) < 0 ||
	    auth_user_get(r->s, login, &u, &e) < 0) {
		json_decref(doc);
		http_error(w, &e);
		return;
	}
	json_decref(doc);
	http_json(w, 201, api_user_json(&u));
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
	{"GET", "/api/v1/audit/verify", API_ADMIN, api_audit_verify},
	{NULL, NULL, API_PUBLIC, NULL},
};
