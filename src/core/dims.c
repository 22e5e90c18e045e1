/* dims.c - canonical dimension strings. See dims.h. */
#include "core/dims.h"

#include <stdlib.h>
#include <string.h>

struct dims_pair {
	const char *key, *value;
	size_t klen, vlen;
};

static int dims_cmp(const void *a, const void *b)
{
	const struct dims_pair *x = a, *y = b;
	size_t n = x->klen < y->klen ? x->klen : y->klen;
	int c = memcmp(x->key, y->key, n);

	return c ? c : (x->klen > y->klen) - (x->klen < y->klen);
}

static int dims_split(const char *dims, struct dims_pair *p, size_t *n, struct err *e)
{
	const char *s = dims;

	*n = 0;
	while (*s) {
		const char *end = strchr(s, ';');
		const char *eq;
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len) {
			eq = memchr(s, '=', len);
			if (!eq || eq == s || eq == s + len - 1 ||
			    memchr(eq + 1, '=', len - (size_t)(eq - s) - 1))
				return err_set(e, ERR_INPUT, "dimension '%.*s' is not key=value",
					       (int)len, s);
			if (*n == DIMS_MAX_PAIRS)
				return err_set(e, ERR_INPUT, "more than %d dimensions in '%s'",
					       DIMS_MAX_PAIRS, dims);
			p[*n].key = s;
			p[*n].klen = (size_t)(eq - s);
			p[*n].value = eq + 1;
			p[*n].vlen = len - p[*n].klen - 1;
			(*n)++;
		}
		s += len;
		if (*s == ';')
			s++;
	}
	return 0;
}

static int dims_join(struct dims_pair *p, size_t n, struct strbuf *out, struct err *e)
{
	qsort(p, n, sizeof(*p), dims_cmp);
	strbuf_reset(out);
	for (size_t i = 0; i < n; i++) {
		if (i && dims_cmp(&p[i - 1], &p[i]) == 0)
			return err_set(e, ERR_INPUT, "dimension '%.*s' is given twice",
				       (int)p[i].klen, p[i].key);
		if (i)
			strbuf_addch(out, ';');
		strbuf_add(out, p[i].key, p[i].klen);
		strbuf_addch(out, '=');
		strbuf_add(out, p[i].value, p[i].vlen);
	}
	if (!out->buf)
		strbuf_addstr(out, "");
	return 0;
}

int dims_canonical(const char *dims, struct strbuf *out, struct err *e)
{
	struct dims_pair p[DIMS_MAX_PAIRS];
	size_t n;
	int rc;

	if ((rc = dims_split(dims, p, &n, e)) < 0)
		return rc;
	return dims_join(p, n, out, e);
}

int dims_with(const char *dims, const char *key, const char *value, struct strbuf *out,
	      struct err *e)
{
	struct dims_pair p[DIMS_MAX_PAIRS + 1];
	size_t n, klen = strlen(key);
	int rc;

	if ((rc = dims_split(dims, p, &n, e)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (p[i].klen == klen && memcmp(p[i].key, key, klen) == 0) {
			p[i] = p[--n];
			break;
		}
	}
	p[n].key = key;
	p[n].klen = klen;
	p[n].value = value;
	p[n].vlen = strlen(value);
	return dims_join(p, n + 1, out, e);
}

int dims_has_key(const char *dims, const char *key)
{
	size_t klen = strlen(key);

	for (const char *p = dims; *p; p++) {
		if ((p == dims || p[-1] == ';') && !strncmp(p, key, klen) && p[klen] == '=')
			return 1;
	}
	return 0;
}
