/* mem.h - allocation that aborts on out-of-memory, and a growable string.
 *
 * Small internal allocations never fail visibly: x*alloc print a message and
 * abort() when the system is out of memory. Sizes that come from outside
 * (files, requests) must be capped by the caller before they get here. */
#ifndef TVET_MEM_H
#define TVET_MEM_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated byte string. Zero-initialise or strbuf_init(). */
struct strbuf {
	char *buf; /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb); /* frees buf, resets */
void strbuf_reset(struct strbuf *sb);	/* len = 0, keeps memory */
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Give buf to the caller (who frees it); sb is reset. Never NULL. */
char *strbuf_detach(struct strbuf *sb);
/* "" when nothing was added yet. */
const char *strbuf_str(const struct strbuf *sb);

#endif
