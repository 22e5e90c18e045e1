/* http.h - the web server: the JSON API under /api/v1/ and the dashboard.
 *
 * One process serves both, on libmicrohttpd with an internal thread pool
 * (epoll). Each request borrows a database handle from a pool (SQLite
 * handles are not shared between threads), is checked for who may do what
 * (auth/), answers JSON through the same calc and monitor functions as the
 * CLI, and is written to the access log: one line, never a secret. Limits:
 * a connection timeout, connections per IP, a per-connection memory limit
 * and a request body cap (413 past it). Every response carries security
 * headers (a CSP without inline script, nosniff, no framing); static files
 * come only from inside the web directory.
 *
 * Errors are always {"error":{"code","message","details":[...]}} with the
 * status of their enum err_code: bad input 400, unauthenticated 401,
 * forbidden 403, not found 404, wrong method 405, conflict 409, too large
 * 413, too many attempts 429, anything else 500. */
#ifndef TVET_HTTP_H
#define TVET_HTTP_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

struct http_options {
	const char *bind;     /* address to listen on, "127.0.0.1" */
	int port;	      /* 0: any free port (see http_port) */
	const char *db_path;  /* the database, opened once per pool slot */
	const char *data_dir; /* definitions (openapi.json lives in data/) */
	const char *web_dir;  /* the dashboard's files */
	unsigned threads;     /* worker threads, and database handles */
	size_t max_body;      /* bytes; larger requests get 413 */
	unsigned timeout;     /* seconds of silence before a connection closes */
	unsigned per_ip;      /* concurrent connections from one address */
	int secure_cookies;   /* add Secure to the session cookie (behind TLS) */
	FILE *access_log;     /* NULL: no access log */
};

struct http_server;

/* Open the pool and start listening; returns once requests are served. */
int http_start(const struct http_options *o, struct http_server **out, struct err *e) WUR;

/* The port actually listened on (the chosen one when o->port was 0). */
int http_port(const struct http_server *h);

/* Stop accepting, finish the requests in flight, close everything. */
void http_stop(struct http_server *h);

/* The API's routes, one "METHOD /path/{param}" per line, for tests that
 * hold them against the OpenAPI document. */
void http_routes(FILE *out);

#endif
