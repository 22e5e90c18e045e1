/* server.c - libmicrohttpd transport: connections, limits, the database
 * pool, static files, security headers and the access log. See http.h; the
 * routes are in api.c. Bodies are handed to MHD without a copy: a route's
 * own buffer, or a kept answer or file shared by reference (http_shared),
 * and the access log is written in batches by a thread of its own, so a
 * kept answer costs about what nginx's sendfile of it costs nginx
 * (docs/internals/http.md, Performance). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "http/http_internal.h"

#define HTTP_STATIC_MAX (8u << 20) /* largest static file served */
#define HTTP_LOG_SIZE (256u << 10) /* bytes of access log lines held before a write */
#define HTTP_LOG_FLUSH_MS 100	   /* and the longest a line waits */
#define HTTP_LOG_LINE 1024	   /* bytes of one line at most */

/* The database handles, one per worker thread. */
struct http_pool {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	struct store **free;
	size_t nfree, n;
	struct store **all;
};

/* The access log: workers add their lines to a buffer that a thread of its
 * own writes out when it is half full or HTTP_LOG_FLUSH_MS after the first
 * line, so that no request pays a write(2) (nor waits on a slow reader of
 * stderr, until the buffer is full). http_stop() writes what is left. */
struct http_log {
	int fd; /* -1: no access log */
	pthread_mutex_t lock;
	pthread_cond_t wake, room;
	pthread_t writer;
	int running, stop;
	char *buf, *spare; /* HTTP_LOG_SIZE each: filling, and being written */
	size_t len;
};

/* Static files read before, kept while each is the file it was read from:
 * same device, inode, size, modification and status-change time (lstat;
 * the ctime moves with any write and cannot be set back, as the mtime can),
 * and changed long enough before the read (HTTP_SETTLE_NS, as api.c's kept
 * answers: a file's times move by the clock's tick) that a later change
 * moves its ctime. A hit costs an lstat instead of open, fstat, read and
 * close. */
#define HTTP_KEPT_FILES 64
#define HTTP_KEPT_MAX (512u << 10)	   /* bytes of a file kept at most */
#define HTTP_SETTLE_NS 20000000LL	   /* 20 ms */
#define HTTP_SETTLE_COARSE_NS 2000000000LL /* whole-second file times */

struct http_kept_file {
	char full[640]; /* the file's path, "" while the slot is free */
	struct stat st; /* as it was read */
	struct http_shared *body;
};

struct http_files {
	pthread_mutex_t lock;
	struct http_kept_file slot[HTTP_KEPT_FILES];
	size_t next;
};

struct http_server {
	struct MHD_Daemon *d;
	struct http_options o;
	struct http_pool pool;
	struct http_files files;
	struct http_log log;
	struct auth_memo *sessions; /* checked sessions, for api.c */
	int port;
};

/* The state of one request while its body arrives. */
struct http_conn {
	struct strbuf body;
	int too_large;
	struct timespec start;
};

static int http_pool_open(struct http_pool *p, const char *path, size_t n, struct err *e)
{
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->freed, NULL);
	p->all = xcalloc(n, sizeof(*p->all));
	p->free = xcalloc(n, sizeof(*p->free));
	for (size_t i = 0; i < n; i++) {
		int rc = store_open(&p->all[i], path, 0, e);
		if (rc < 0)
			return rc;
		if (!store_is_current(p->all[i]))
			return err_set(e, ERR_VERSION,
				       _("database '%s' is not at the current schema: run tvet init"),
				       path);
		p->free[p->nfree++] = p->all[i];
		p->n++;
	}
	return 0;
}

static struct store *http_pool_get(struct http_pool *p)
{
	struct store *s;

	pthread_mutex_lock(&p->lock);
	while (!p->nfree)
		pthread_cond_wait(&p->freed, &p->lock);
	s = p->free[--p->nfree];
	pthread_mutex_unlock(&p->lock);
	return s;
}

static void http_pool_put(struct http_pool *p, struct store *s)
{
	store_rollback(s); /* nothing a request left open survives it */
	pthread_mutex_lock(&p->lock);
	p->free[p->nfree++] = s;
	pthread_cond_signal(&p->freed);
	pthread_mutex_unlock(&p->lock);
}

static void http_pool_close(struct http_pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		store_close(p->all[i]);
	free(p->all);
	free(p->free);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->freed);
}

/* ---- answers ------------------------------------------------------------ */

int http_status_of(int code)
{
	switch (code) {
	case ERR_OK:
		return 200;
	case ERR_USAGE:
	case ERR_INPUT:
		return 400;
	case ERR_AUTH:
		return 401;
	case ERR_DENIED:
		return 403;
	case ERR_NOTFOUND:
		return 404;
	case ERR_CONFLICT:
		return 409;
	case ERR_LIMIT:
		return 429;
	default:
		return 500;
	}
}

/* ---- shared bodies ------------------------------------------------------ */

struct http_shared {
	atomic_size_t refs;
	size_t len;
	char data[]; /* NUL-terminated */
};

struct http_shared *http_shared_new(const char *data, size_t len)
{
	struct http_shared *b = xmalloc(sizeof(*b) + len + 1);

	atomic_init(&b->refs, 1);
	b->len = len;
	if (len)
		memcpy(b->data, data, len);
	b->data[len] = '\0';
	return b;
}

struct http_shared *http_shared_ref(struct http_shared *b)
{
	atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
	return b;
}

void http_shared_unref(struct http_shared *b)
{
	if (b && atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) == 1)
		free(b);
}

/* MHD's free callback of a response that sends a shared body. */
static void http_shared_release(void *cls)
{
	http_shared_unref(cls);
}

void http_json(struct http_resp *w, int status, json_t *doc)
{
	char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);

	w->status = status;
	w->content_type = "application/json; charset=utf-8";
	strbuf_reset(&w->body);
	if (text)
		strbuf_addstr(&w->body, text);
	free(text);
	json_decref(doc);
}

void http_error(struct http_resp *w, const struct err *e)
{
	json_t *details = json_array();

	if (e->file[0] || e->row)
		json_array_append_new(details, json_pack("{s:s, s:I, s:I}", "file", e->file, "row",
							 (json_int_t)e->row, "column",
							 (json_int_t)e->column));
	/* internal failures say so without their inner detail */
	http_json(w, http_status_of(e->code),
		  json_pack("{s:{s:s, s:s, s:o}}", "error", "code", err_code_name(e->code),
			    "message",
			    http_status_of(e->code) == 500 ? "internal error" : e->msg, "details",
			    details));
}

const char *http_query(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value((struct MHD_Connection *)r->conn,
					   MHD_GET_ARGUMENT_KIND, name);
}

const char *http_header(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value((struct MHD_Connection *)r->conn, MHD_HEADER_KIND,
					   name);
}

/* ---- static files ------------------------------------------------------- */

static const char *http_mime(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {{".html", "text/html; charset=utf-8"},
		     {".js", "text/javascript; charset=utf-8"},
		     {".css", "text/css; charset=utf-8"},
		     {".json", "application/json; charset=utf-8"},
		     {".svg", "image/svg+xml"},
		     {".png", "image/png"},
		     {".ico", "image/x-icon"},
		     {".woff2", "font/woff2"}};
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

static int http_file_same(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* 1 when st's file changed long enough ago that a change now would move
 * its status-change time (the later of its two). */
static int http_file_settled(const struct stat *st)
{
	struct timespec now;
	long long age;

	clock_gettime(CLOCK_REALTIME, &now);
	age = (long long)(now.tv_sec - st->st_ctim.tv_sec) * 1000000000LL +
	      (now.tv_nsec - st->st_ctim.tv_nsec);
	return age >= (st->st_ctim.tv_nsec ? HTTP_SETTLE_NS : HTTP_SETTLE_COARSE_NS);
}

/* The kept body of full (a reference), when st is still the file read. */
static struct http_shared *http_files_get(struct http_files *f, const char *full,
					  const struct stat *st)
{
	struct http_shared *hit = NULL;

	pthread_mutex_lock(&f->lock);
	for (size_t i = 0; i < HTTP_KEPT_FILES && !hit; i++)
		if (f->slot[i].body && !strcmp(f->slot[i].full, full) &&
		    http_file_same(&f->slot[i].st, st))
			hit = http_shared_ref(f->slot[i].body);
	pthread_mutex_unlock(&f->lock);
	return hit;
}

static void http_files_put(struct http_files *f, const char *full, const struct stat *st,
			   const struct strbuf *body)
{
	size_t n = strlen(full);
	struct http_shared *b, *old = NULL;
	struct http_kept_file *k = NULL;

	if (n >= sizeof(k->full) || body->len > HTTP_KEPT_MAX || !http_file_settled(st))
		return;
	b = http_shared_new(body->buf ? body->buf : "", body->len);
	pthread_mutex_lock(&f->lock);
	for (size_t i = 0; i < HTTP_KEPT_FILES && !k; i++)
		if (f->slot[i].body && !strcmp(f->slot[i].full, full))
			k = &f->slot[i]; /* a newer version of a kept file */
	if (!k)
		k = &f->slot[f->next++ % HTTP_KEPT_FILES];
	old = k->body;
	memcpy(k->full, full, n + 1);
	k->st = *st;
	k->body = b;
	pthread_mutex_unlock(&f->lock);
	http_shared_unref(old);
}

static void http_files_clear(struct http_files *f)
{
	for (size_t i = 0; i < HTTP_KEPT_FILES; i++)
		http_shared_unref(f->slot[i].body);
	pthread_mutex_destroy(&f->lock);
}

/* A file under the web directory: the path must be plain (no "..", no
 * backslash, no NUL, no hidden segment), and what it names a regular
 * file. "/" is index.html. */
static void http_static(struct http_server *h, const char *path, struct http_resp *w)
{
	struct err e;
	char full[4096];
	struct stat st;
	int fd;

	err_clear(&e);
	if (!strcmp(path, "/"))
		path = "/index.html";
	if (path[0] != '/' || strstr(path, "/.") || strchr(path, '\\') ||
	    strlen(path) > 512) {
		err_set(&e, ERR_NOTFOUND, "no such page");
		http_error(w, &e);
		return;
	}
	snprintf(full, sizeof(full), "%s%s", h->o.web_dir, path);
	/* lstat, as O_NOFOLLOW: a link in the file's place is no kept file */
	if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
	    (w->shared = http_files_get(&h->files, full, &st))) {
		w->status = 200;
		w->content_type = http_mime(path);
		return;
	}
	fd = open(full, O_RDONLY | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > HTTP_STATIC_MAX) {
		if (fd >= 0)
			close(fd);
		err_set(&e, ERR_NOTFOUND, "no such page");
		http_error(w, &e);
		return;
	}
	strbuf_reset(&w->body);
	{
		char buf[65536];
		ssize_t got;
		while ((got = read(fd, buf, sizeof(buf))) > 0)
			strbuf_add(&w->body, buf, (size_t)got);
	}
	close(fd);
	if (w->body.len == (size_t)st.st_size)
		http_files_put(&h->files, full, &st, &w->body);
	w->status = 200;
	w->content_type = http_mime(path);
}

/* ---- vendor files ------------------------------------------------------- */

/* Third-party files the dashboard loads (ECharts), served from the npm
 * packages: node_modules/ of the tree, or where make install put them;
 * $TVET_VENDOR overrides the compiled-in directory. Only the names of this
 * list are served, never a path a request makes up. */
#ifndef TVET_VENDORDIR
#define TVET_VENDORDIR "node_modules"
#endif
static const struct {
	const char *url, *file;
} http_vendor_files[] = {
	{"/vendor/echarts.min.js", "echarts/dist/echarts.min.js"},
};

/* Answers a /vendor/ path: 1 with the file, else 0 with a 404 that says
 * what is missing. */
static int http_vendor(const char *path, struct http_resp *w)
{
	const char *dir = getenv("TVET_VENDOR"), *file = NULL;
	char full[4096];
	struct stat st;
	struct err e;
	int fd = -1;

	err_clear(&e);
	for (size_t i = 0; i < sizeof(http_vendor_files) / sizeof(http_vendor_files[0]); i++)
		if (!strcmp(path, http_vendor_files[i].url))
			file = http_vendor_files[i].file;
	if (!dir || !*dir)
		dir = TVET_VENDORDIR;
	if (file) {
		snprintf(full, sizeof(full), "%s/%s", dir, file);
		fd = open(full, O_RDONLY);
	}
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > HTTP_STATIC_MAX) {
		if (fd >= 0)
			close(fd);
		if (file)
			err_set(&e, ERR_NOTFOUND, "%s is not installed: run npm ci", file);
		else
			err_set(&e, ERR_NOTFOUND, "no such page");
		http_error(w, &e);
		return 0;
	}
	strbuf_reset(&w->body);
	{
		char buf[65536];
		ssize_t got;
		while ((got = read(fd, buf, sizeof(buf))) > 0)
			strbuf_add(&w->body, buf, (size_t)got);
	}
	close(fd);
	w->status = 200;
	w->content_type = http_mime(path);
	return 1;
}

/* ---- the request -------------------------------------------------------- */

static void http_client_ip(struct MHD_Connection *c, char *buf, size_t size)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(buf, size, "?");
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, buf,
			  (socklen_t)size);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, buf,
			  (socklen_t)size);
}

static void http_headers(struct MHD_Response *resp, const struct http_resp *w, int api)
{
	MHD_add_response_header(resp, "Content-Type", w->content_type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; "
				"img-src 'self' data:; connect-src 'self'; object-src 'none'; "
				"base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(resp, "Cache-Control", api ? "no-store" : "no-cache");
	if (w->set_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", w->set_cookie);
	if (w->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", w->disposition);
}

/* The writer thread of the access log (struct http_log). */
static void *http_log_writer(void *arg)
{
	struct http_log *l = arg;

	pthread_mutex_lock(&l->lock);
	for (;;) {
		struct timespec until;
		char *full;
		size_t n;

		while (!l->len && !l->stop)
			pthread_cond_wait(&l->wake, &l->lock);
		if (!l->len)
			break;
		if (!l->stop && l->len < HTTP_LOG_SIZE / 2) {
			/* gather the lines of a while (woken early when half full) */
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += HTTP_LOG_FLUSH_MS * 1000000L;
			if (until.tv_nsec >= 1000000000L) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000L;
			}
			(void)pthread_cond_timedwait(&l->wake, &l->lock, &until);
		}
		full = l->buf;
		n = l->len;
		l->buf = l->spare;
		l->spare = full;
		l->len = 0;
		pthread_cond_broadcast(&l->room);
		pthread_mutex_unlock(&l->lock);
		for (size_t done = 0; done < n;) {
			ssize_t put = write(l->fd, full + done, n - done);
			if (put < 0 && errno == EINTR)
				continue;
			if (put <= 0)
				break; /* the log is gone: its lines with it */
			done += (size_t)put;
		}
		pthread_mutex_lock(&l->lock);
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

static void http_log_open(struct http_log *l, FILE *out)
{
	memset(l, 0, sizeof(*l));
	l->fd = -1;
	if (!out)
		return;
	fflush(out);
	l->fd = fileno(out);
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->wake, NULL);
	pthread_cond_init(&l->room, NULL);
	l->buf = xmalloc(HTTP_LOG_SIZE);
	l->spare = xmalloc(HTTP_LOG_SIZE);
	l->running = pthread_create(&l->writer, NULL, http_log_writer, l) == 0;
}

/* Add a line; without the writer thread, write it at once. */
static void http_log_add(struct http_log *l, const char *line, size_t n)
{
	int first;

	pthread_mutex_lock(&l->lock);
	if (!l->running) {
		ssize_t put = write(l->fd, line, n);
		(void)put;
		pthread_mutex_unlock(&l->lock);
		return;
	}
	while (l->len + n > HTTP_LOG_SIZE) {
		pthread_cond_signal(&l->wake);
		pthread_cond_wait(&l->room, &l->lock);
	}
	first = !l->len;
	memcpy(l->buf + l->len, line, n);
	l->len += n;
	if (first || l->len >= HTTP_LOG_SIZE / 2)
		pthread_cond_signal(&l->wake);
	pthread_mutex_unlock(&l->lock);
}

/* Write what is left and end the writer (after the last request). */
static void http_log_close(struct http_log *l)
{
	if (l->fd < 0)
		return;
	if (l->running) {
		pthread_mutex_lock(&l->lock);
		l->stop = 1;
		pthread_cond_signal(&l->wake);
		pthread_mutex_unlock(&l->lock);
		pthread_join(l->writer, NULL);
	}
	pthread_mutex_destroy(&l->lock);
	pthread_cond_destroy(&l->wake);
	pthread_cond_destroy(&l->room);
	free(l->buf);
	free(l->spare);
	l->fd = -1;
}

/* Copy text into out[size] for a log line: bytes below 0x20, DEL, '"' and
 * '\\' as \xHH, so that a request cannot forge a line or a field (MHD
 * hands over the path %-decoded); cut to fit. */
static void http_log_clean(char *out, size_t size, const char *text)
{
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p && o + 5 < size; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\')
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", *p);
		else
			out[o++] = (char)*p;
	}
	out[o] = '\0';
}

static void http_log(struct http_server *h, const struct http_req *r, const struct http_resp *w,
		     size_t bytes, const struct http_conn *hc)
{
	/* the time as text, remade once a second per thread */
	static _Thread_local time_t second = -1;
	static _Thread_local char when[32];
	char line[HTTP_LOG_LINE], method[24], path[512];
	struct timespec end;
	time_t t = time(NULL);
	struct tm tm;
	double ms;
	int n;

	if (h->log.fd < 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &end);
	ms = (double)(end.tv_sec - hc->start.tv_sec) * 1e3 +
	     (double)(end.tv_nsec - hc->start.tv_nsec) / 1e6;
	if (t != second && gmtime_r(&t, &tm)) {
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		second = t;
	}
	http_log_clean(method, sizeof(method), r->method);
	/* the path only: query strings never carry secrets here, but the log
	 * stays free of them all the same */
	http_log_clean(path, sizeof(path), r->path);
	n = snprintf(line, sizeof(line), "%s %s %s \"%s %s\" %d %zu %.1fms\n", when, r->ip,
		     w->who[0] ? w->who : "-", method, path, w->status, bytes, ms);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line)) {
		n = (int)sizeof(line) - 1;
		line[n - 1] = '\n';
	}
	http_log_add(&h->log, line, (size_t)n);
}

/* The MHD response of w, its body handed over without a copy: a shared
 * body by reference, else w's own buffer (taken from w). NULL when out of
 * memory (w keeps what it had). */
static struct MHD_Response *http_response(struct http_resp *w)
{
	struct MHD_Response *resp;

	if (w->shared) {
		resp = MHD_create_response_from_buffer_with_free_callback_cls(
			w->shared->len, w->shared->data, http_shared_release, w->shared);
		if (resp)
			w->shared = NULL; /* the response holds the reference now */
		return resp;
	}
	if (!w->body.len)
		return MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	resp = MHD_create_response_from_buffer_with_free_callback(w->body.len, w->body.buf, free);
	if (resp)
		strbuf_init(&w->body); /* the response frees the buffer */
	return resp;
}

static enum MHD_Result http_answer(void *cls, struct MHD_Connection *c, const char *url,
				   const char *method, const char *version,
				   const char *upload_data, size_t *upload_size, void **con_cls)
{
	struct http_server *h = cls;
	struct http_conn *hc = *con_cls;
	struct http_req r;
	struct http_resp w;
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t bytes;
	int api, vendor = 0;

	(void)version;
	if (!hc) {
		hc = xcalloc(1, sizeof(*hc));
		clock_gettime(CLOCK_MONOTONIC, &hc->start);
		*con_cls = hc;
		return MHD_YES;
	}
	if (*upload_size) {
		if (hc->body.len + *upload_size > h->o.max_body)
			hc->too_large = 1;
		else
			strbuf_add(&hc->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	memset(&r, 0, sizeof(r));
	memset(&w, 0, sizeof(w));
	r.method = method;
	r.path = url;
	r.body = strbuf_str(&hc->body);
	r.body_len = hc->body.len;
	r.now = (int64_t)time(NULL);
	r.o = &h->o;
	r.conn = c;
	r.sessions = h->sessions;
	http_client_ip(c, r.ip, sizeof(r.ip));
	api = !strncmp(url, "/api/", 5);
	if (hc->too_large) {
		struct err e;
		err_set(&e, ERR_LIMIT, "the request body is larger than %zu bytes", h->o.max_body);
		http_error(&w, &e);
		w.status = 413;
	} else if (api) {
		r.token = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "tvet_session");
		r.csrf_header = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
		r.s = http_pool_get(&h->pool);
		api_dispatch(&r, &w);
		http_pool_put(&h->pool, r.s);
	} else if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
		struct err e;
		err_set(&e, ERR_USAGE, "method %s is not allowed here", method);
		http_error(&w, &e);
		w.status = 405;
	} else if (!strncmp(url, "/vendor/", 8)) {
		vendor = http_vendor(url, &w);
	} else {
		http_static(h, url, &w);
	}
	bytes = w.shared ? w.shared->len : w.body.len;
	resp = http_response(&w);
	if (!resp) {
		http_shared_unref(w.shared);
		strbuf_release(&w.body);
		return MHD_NO;
	}
	http_headers(resp, &w, api);
	if (vendor) { /* versioned by package-lock.json: a day in the cache */
		MHD_del_response_header(resp, "Cache-Control", "no-cache");
		MHD_add_response_header(resp, "Cache-Control", "public, max-age=86400");
	}
	if (w.status == 405)
		MHD_add_response_header(resp, "Allow", api ? "GET, POST" : "GET, HEAD");
	ret = MHD_queue_response(c, (unsigned)w.status, resp);
	MHD_destroy_response(resp);
	http_log(h, &r, &w, bytes, hc);
	http_shared_unref(w.shared); /* unless the response took it */
	strbuf_release(&w.body);
	return ret;
}

static void http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			   enum MHD_RequestTerminationCode toe)
{
	struct http_conn *hc = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (!hc)
		return;
	strbuf_release(&hc->body);
	free(hc);
	*con_cls = NULL;
}

int http_start(const struct http_options *o, struct http_server **out, struct err *e)
{
	struct http_server *h = xcalloc(1, sizeof(*h));
	struct sockaddr_in addr;
	const union MHD_DaemonInfo *info;
	int rc;

	*out = NULL;
	h->o = *o;
	if (!h->o.threads)
		h->o.threads = 4;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->bind, &addr.sin_addr) != 1) {
		free(h);
		return err_set(e, ERR_USAGE, _("--bind '%s' is not an IPv4 address"), o->bind);
	}
	if ((rc = http_pool_open(&h->pool, o->db_path, h->o.threads, e)) < 0) {
		http_pool_close(&h->pool);
		free(h);
		return rc;
	}
	h->sessions = auth_memo_new();
	pthread_mutex_init(&h->files.lock, NULL);
	http_log_open(&h->log, o->access_log);
	h->d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, 0, NULL,
		NULL, http_answer, h, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, h->o.threads, MHD_OPTION_CONNECTION_TIMEOUT,
		h->o.timeout ? h->o.timeout : 30u, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		h->o.per_ip ? h->o.per_ip : 64u, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED, http_completed, h,
		MHD_OPTION_END);
	if (!h->d) {
		int why = errno ? errno : EADDRINUSE; /* before the cleanup changes it */

		http_log_close(&h->log);
		http_files_clear(&h->files);
		auth_memo_free(h->sessions);
		http_pool_close(&h->pool);
		free(h);
		return err_set(e, ERR_IO, _("cannot listen on %s:%d: %s"), o->bind, o->port,
			       strerror(why));
	}
	info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	h->port = info ? info->port : o->port;
	*out = h;
	return 0;
}

int http_port(const struct http_server *h)
{
	return h->port;
}

void http_stop(struct http_server *h)
{
	if (!h)
		return;
	MHD_stop_daemon(h->d);
	http_log_close(&h->log);
	api_cache_clear();
	http_files_clear(&h->files);
	auth_memo_free(h->sessions);
	http_pool_close(&h->pool);
	free(h);
}
