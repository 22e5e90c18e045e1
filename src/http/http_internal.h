/* http_internal.h - what server.c (transport) and api.c (routes) share. */
#ifndef TVET_HTTP_INTERNAL_H
#define TVET_HTTP_INTERNAL_H

#include <jansson.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/mem.h"
#include "http/http.h"
#include "store/store.h"

#define HTTP_MAX_PARAMS 4

/* One request, as a route sees it. */
struct http_req {
	const char *method, *path;
	const char *params[HTTP_MAX_PARAMS]; /* the {…} parts of the route, in order */
	const char *body;		     /* NUL-terminated, "" when none */
	size_t body_len;
	char ip[64];
	int64_t now;
	struct store *s; /* borrowed from the pool for this request */
	const struct http_options *o;
	/* the session, when the request carried a valid one */
	int signed_in;
	struct auth_session session;
	const char *token;	    /* the cookie's token, NULL when none */
	const char *csrf_header;    /* X-CSRF-Token */
	void *conn;		    /* struct MHD_Connection *, for query arguments */
	struct auth_memo *sessions; /* the server's memo of checked sessions */
	char gen[128];		    /* the database's generation as the request began (api_gen) */
};

/* A body kept by the answer cache and shared, read-only, by the responses
 * that send it, so a kept answer is never copied: made with one reference,
 * freed with the last (thread-safe counting). */
struct http_shared;
struct http_shared *http_shared_new(const char *data, size_t len);
struct http_shared *http_shared_ref(struct http_shared *b); /* returns b */
void http_shared_unref(struct http_shared *b);		    /* NULL: nothing */

/* What a route answers. */
struct http_resp {
	int status;
	struct strbuf body;
	const char *content_type;
	char set_cookie[256];	    /* "" for none */
	char disposition[256];	    /* Content-Disposition of a file to download, "" for none */
	char who[40];		    /* the login for the access log, "" when anonymous */
	struct http_shared *shared; /* a kept answer sent instead of body (a reference) */
};

/* A query argument, or NULL. */
const char *http_query(const struct http_req *r, const char *name);

/* A request header, or NULL. */
const char *http_header(const struct http_req *r, const char *name);

/* Answer with a JSON document (stolen reference) and status. */
void http_json(struct http_resp *w, int status, json_t *doc);

/* Answer with the error object for e (status from e->code). */
void http_error(struct http_resp *w, const struct err *e);

/* The status an error code maps to. */
int http_status_of(int code);

/* Forget the answers api.c keeps (when the server stops). */
void api_cache_clear(void);

/* Routing: find and run the route for r; 404/405 when there is none. */
void api_dispatch(struct http_req *r, struct http_resp *w);

#endif
