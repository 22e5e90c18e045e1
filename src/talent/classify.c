/* classify.c - postings to occupations: title cleaning, the dictionary,
 * hashed character n-gram features, a softmax model trained by SGD, its
 * file format and its evaluation (contract and choices: classify.h and
 * docs/internals/classify.md).
 *
 * The model is multinomial logistic regression. Weights live only for the
 * feature buckets some training posting touched (a few tens of thousands
 * of the 2^18 buckets), each bucket a row of K weights padded to a
 * multiple of 8 floats, so the inner loops over classes have a fixed trip
 * count the compiler vectorises at -O2. Features are recomputed on every
 * pass instead of being cached: computing them costs about what one SGD
 * step costs, and the training set then needs no memory of its own. */
#include "talent/classify.h"

#include <assert.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/mem.h"
#include "core/rng.h"
#include "text/normalize.h"

#define CLS_BLOCK 8		/* classes per vectorised block */
#define CLS_MAX_LABELS 65536	/* most 细类 a model may know (the 大典 has 1,636) */
#define CLS_DICT_LINE_MAX 65536 /* longest CSV line the dictionary loaders read */
#define CLS_MAGIC "TVETOCC\n"
#define CLS_VERSION 1u
#define CLS_DICT_BONUS 2.0 /* added to a dictionary hit's rank score: beats any probability */

/* Hash namespaces: the same n-gram in the title and in the description are
 * different features. */
#define CLS_NS_TITLE 0x7469746c65ULL
#define CLS_NS_DESC 0x64657363ULL
#define CLS_MARK_BEGIN 0x02u /* title segment boundaries, never a character of text */
#define CLS_MARK_END 0x03u

/* ---- codes ------------------------------------------------------------------ */

static int cls_isdigit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* 1 when s is a 细类 code: "d-dd-dd-dd". */
static int cls_is_fine_code(const char *s)
{
	static const char shape[] = "0-00-00-00";

	if (!s || strlen(s) != sizeof(shape) - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == '0' ? !cls_isdigit(s[i]) : s[i] != '-')
			return 0;
	return 1;
}

/* Length of the code of level (a prefix of a 细类 code). */
static size_t cls_level_len(enum classify_level level)
{
	switch (level) {
	case CLASSIFY_LEVEL_FINE:
		return 10;
	case CLASSIFY_LEVEL_MINOR:
		return 7;
	case CLASSIFY_LEVEL_MIDDLE:
		return 4;
	default:
		return 0;
	}
}

static void cls_code_copy(char dst[CLASSIFY_CODE_MAX], const char *src, size_t len)
{
	size_t n = strlen(src);

	if (n > len)
		n = len;
	if (n >= CLASSIFY_CODE_MAX)
		n = CLASSIFY_CODE_MAX - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static double cls_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- characters ---------------------------------------------------------------- */

/* 1 for white space, punctuation and symbols: they separate n-grams and are
 * never features ('+' and '#' are kept for "C++", "C#"). */
static int cls_is_break(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			 (cp >= 'A' && cp <= 'Z') || cp == '+' || cp == '#');
	return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	       (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
	       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
	       (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	       cp == TEXT_REPLACEMENT_CHAR;
}

static int cls_is_ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static void cls_lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Append cp to sb as UTF-8. */
static void cls_put_utf8(struct strbuf *sb, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	strbuf_add(sb, b, n);
}

/* ---- title cleaning ---------------------------------------------------------- */

/* Advertising words, trimmed from either end of a title (longer first, so
 * "高薪诚聘" goes whole). They say how the job is sold, not what it is. */
static const char *const cls_noise_words[] = {
	"火热招聘",   "高薪诚聘", "长期招聘", "大量招聘", "紧急招聘", "可接受应届生",
	"接受应届生", "应届生可", "月薪过万", "五险一金", "包吃包住", "男女不限",
	"包吃住",     "包食宿",	  "长白班",   "急招",	  "急聘",     "诚聘",
	"高薪",	      "直招",	  "热招",     "急需",	  "双休",     "日结",
	"周结",	      "长期",	  NULL};

static int cls_is_open_bracket(uint32_t cp)
{
	return cp == '(' || cp == '[' || cp == 0x3010 || cp == 0x3014 || cp == 0x3016 ||
	       cp == 0x300C || cp == 0x300E;
}

static int cls_is_close_bracket(uint32_t cp)
{
	return cp == ')' || cp == ']' || cp == 0x3011 || cp == 0x3015 || cp == 0x3017 ||
	       cp == 0x300D || cp == 0x300F;
}

/* s without bracketed notes and without spaces other than between two
 * ASCII letters or digits. */
static void cls_strip_brackets(const char *s, struct strbuf *out)
{
	const char *p = s;
	int depth = 0;
	uint32_t prev = 0; /* last character kept */
	int pending_space = 0;

	strbuf_reset(out);
	strbuf_addstr(out, "");
	for (uint32_t cp; (cp = text_utf8_next(&p)) != 0;) {
		if (cls_is_open_bracket(cp)) {
			depth++;
			continue;
		}
		if (cls_is_close_bracket(cp)) {
			if (depth > 0)
				depth--;
			continue;
		}
		if (depth > 0)
			continue;
		if (cp == ' ') {
			pending_space = 1;
			continue;
		}
		if (pending_space && cls_is_ascii_alnum(prev) && cls_is_ascii_alnum(cp))
			strbuf_addch(out, ' ');
		pending_space = 0;
		cls_put_utf8(out, cp);
		prev = cp;
	}
}

/* Trim punctuation and noise words from both ends of sb, in place. */
static void cls_trim_noise(struct strbuf *sb)
{
	for (int changed = 1; changed && sb->len;) {
		changed = 0;
		/* punctuation at the start */
		for (;;) {
			const char *p = sb->buf;
			uint32_t cp = text_utf8_next(&p);
			if (!cp || !cls_is_break(cp))
				break;
			memmove(sb->buf, p, sb->len - (size_t)(p - sb->buf) + 1);
			sb->len -= (size_t)(p - sb->buf);
			changed = 1;
		}
		/* punctuation at the end: find the last character's start */
		while (sb->len) {
			size_t i = sb->len - 1;
			const char *p;
			while (i > 0 && ((unsigned char)sb->buf[i] & 0xC0) == 0x80)
				i--;
			p = sb->buf + i;
			if (!cls_is_break(text_utf8_next(&p)))
				break;
			sb->len = i;
			sb->buf[i] = '\0';
			changed = 1;
		}
		for (size_t w = 0; cls_noise_words[w]; w++) {
			size_t n = strlen(cls_noise_words[w]);
			if (sb->len >= n && memcmp(sb->buf, cls_noise_words[w], n) == 0) {
				memmove(sb->buf, sb->buf + n, sb->len - n + 1);
				sb->len -= n;
				changed = 1;
			}
			if (sb->len >= n &&
			    memcmp(sb->buf + sb->len - n, cls_noise_words[w], n) == 0) {
				sb->len -= n;
				sb->buf[sb->len] = '\0';
				changed = 1;
			}
		}
	}
}

char *classify_clean_title(const char *title)
{
	char *norm = text_normalize(title ? title : "");
	struct strbuf plain = {0}, clean = {0};

	cls_lower_ascii(norm);
	cls_strip_brackets(norm, &plain);
	strbuf_addstr(&clean, strbuf_str(&plain));
	cls_trim_noise(&clean);
	free(norm);
	if (clean.len == 0) {
		strbuf_release(&clean);
		return strbuf_detach(&plain);
	}
	strbuf_release(&plain);
	return strbuf_detach(&clean);
}

/* ---- features ------------------------------------------------------------------- */

/* A sparse vector: bucket indices and values, in no particular order, each
 * bucket once. */
struct cls_fvec {
	uint32_t *idx;
	float *val;
	size_t n, cap;
};

/* Reusable buffers of feature extraction: the code points of one text and
 * an open-addressing table bucket -> value that merges repeated n-grams. */
struct cls_scratch {
	uint32_t *cp;
	size_t cpcap;
	uint32_t *key; /* bucket + 1; 0 = empty slot */
	float *val;
	uint32_t *used; /* slots in use, for clearing */
	size_t nused, tcap;
	struct cls_fvec title; /* the title block while the description is read */
};

static void cls_fvec_reserve(struct cls_fvec *f, size_t n)
{
	if (n <= f->cap)
		return;
	f->cap = n > 2 * f->cap ? n : 2 * f->cap;
	f->idx = xrealloc(f->idx, f->cap * sizeof(*f->idx));
	f->val = xrealloc(f->val, f->cap * sizeof(*f->val));
}

static void cls_fvec_release(struct cls_fvec *f)
{
	free(f->idx);
	free(f->val);
	memset(f, 0, sizeof(*f));
}

static void cls_scratch_release(struct cls_scratch *s)
{
	free(s->cp);
	free(s->key);
	free(s->val);
	free(s->used);
	cls_fvec_release(&s->title);
	memset(s, 0, sizeof(*s));
}

/* Make room for n distinct entries in the table, which must be empty: at
 * most half full keeps the probes short. */
static void cls_table_reserve(struct cls_scratch *s, size_t n)
{
	size_t cap = 64;

	assert(s->nused == 0);
	while (cap < 2 * n)
		cap *= 2;
	if (cap <= s->tcap)
		return;
	free(s->key);
	free(s->val);
	free(s->used);
	s->key = xcalloc(cap, sizeof(*s->key));
	s->val = xmalloc(cap * sizeof(*s->val));
	s->used = xmalloc(cap * sizeof(*s->used));
	s->tcap = cap;
	s->nused = 0;
}

static void cls_table_add(struct cls_scratch *s, uint32_t bucket, float v)
{
	size_t mask = s->tcap - 1, i = (bucket * 2654435761u) & mask;

	while (s->key[i] && s->key[i] != bucket + 1)
		i = (i + 1) & mask;
	if (!s->key[i]) {
		s->key[i] = bucket + 1;
		s->val[i] = v;
		s->used[s->nused++] = (uint32_t)i;
	} else {
		s->val[i] += v;
	}
}

/* Move the table's entries, each times scale, to the end of f and empty the
 * table. Entries that cancelled out (signed hashing) are dropped. */
static void cls_table_drain(struct cls_scratch *s, struct cls_fvec *f, float scale)
{
	cls_fvec_reserve(f, f->n + s->nused);
	for (size_t u = 0; u < s->nused; u++) {
		size_t i = s->used[u];
		if (s->val[i] != 0.0f) {
			f->idx[f->n] = s->key[i] - 1;
			f->val[f->n] = s->val[i] * scale;
			f->n++;
		}
		s->key[i] = 0;
	}
	s->nused = 0;
}

static double cls_table_norm(const struct cls_scratch *s)
{
	double sum = 0;

	for (size_t u = 0; u < s->nused; u++) {
		double v = s->val[s->used[u]];
		sum += v * v;
	}
	return sqrt(sum);
}

/* The code points of s, at most max, into s->cp; returns how many. */
static size_t cls_decode(struct cls_scratch *s, const char *text, size_t max)
{
	const char *p = text;
	size_t n = 0;

	if (s->cpcap < max + 2) {
		s->cpcap = max + 2;
		s->cp = xrealloc(s->cp, s->cpcap * sizeof(*s->cp));
	}
	for (uint32_t cp; n < max && (cp = text_utf8_next(&p)) != 0;)
		s->cp[n++] = cp;
	return n;
}

/* Add the 1-3-grams of each run of non-break characters among the m code
 * points in s->cp to the table, in namespace ns; with marks, each run is
 * framed by begin and end marks (so "工$" differs from "工"), whose own
 * unigrams are not features. The hash of an n-gram chains its (n-1)-gram's
 * hash with the next character through the splitmix64 finaliser; bucket =
 * top hash_bits bits, sign = lowest bit (Weinberger et al. 2009). */
static void cls_add_ngrams(struct cls_scratch *s, size_t m, uint64_t ns, int marks, int bits)
{
	uint32_t run[CLASSIFY_DESC_MAX_CHARS + CLASSIFY_TITLE_MAX_CHARS + 4];
	size_t i = 0;

	while (i < m) {
		size_t len = 0;
		while (i < m && cls_is_break(s->cp[i]))
			i++;
		if (i >= m)
			break;
		if (marks)
			run[len++] = CLS_MARK_BEGIN;
		while (i < m && !cls_is_break(s->cp[i]))
			run[len++] = s->cp[i++];
		if (marks)
			run[len++] = CLS_MARK_END;
		for (size_t j = 0; j < len; j++) {
			uint64_t h = rng_mix64(ns ^ ((uint64_t)run[j] * 0x9E3779B97F4A7C15ULL));
			for (size_t n = 0; n < 3 && j + n < len; n++) {
				if (n > 0)
					h = rng_mix64(
						h ^
						((uint64_t)run[j + n] * 0xC2B2AE3D27D4EB4FULL + n));
				if (n == 0 && (run[j] == CLS_MARK_BEGIN || run[j] == CLS_MARK_END))
					continue;
				cls_table_add(s, (uint32_t)(h >> (64 - bits)),
					      (h & 1) ? -1.0f : 1.0f);
			}
		}
	}
}

/* The feature vector of one posting into f: the title block (n-gram counts
 * of the cleaned title, L2-normalised, times title_weight) plus the
 * description block (likewise, weight 1), the sum L2-normalised. clean is
 * the cleaned title (classify_clean_title). */
static void cls_features(struct cls_scratch *s, int bits, double title_weight, const char *clean,
			 const char *desc, struct cls_fvec *f)
{
	size_t m;
	double norm;

	f->n = 0;
	s->title.n = 0;
	m = cls_decode(s, clean ? clean : "", CLASSIFY_TITLE_MAX_CHARS);
	cls_table_reserve(s, 3 * (2 * m + 2));
	cls_add_ngrams(s, m, CLS_NS_TITLE, 1, bits);
	norm = cls_table_norm(s);
	cls_table_drain(s, &s->title, norm > 0 ? (float)(title_weight / norm) : 0.0f);

	if (desc && *desc) {
		char *d = text_normalize(desc);
		cls_lower_ascii(d);
		m = cls_decode(s, d, CLASSIFY_DESC_MAX_CHARS);
		free(d);
		/* room for the title's entries too, merged in below */
		cls_table_reserve(s, 3 * m + s->title.n);
		cls_add_ngrams(s, m, CLS_NS_DESC, 0, bits);
		norm = cls_table_norm(s);
		if (norm > 0)
			for (size_t u = 0; u < s->nused; u++)
				s->val[s->used[u]] = (float)(s->val[s->used[u]] / norm);
	}
	/* title and description may share a bucket: merge before the final norm */
	for (size_t j = 0; j < s->title.n; j++)
		cls_table_add(s, s->title.idx[j], s->title.val[j]);
	norm = cls_table_norm(s);
	cls_table_drain(s, f, norm > 0 ? (float)(1.0 / norm) : 0.0f);
}

/* ---- the dictionary ---------------------------------------------------------------- */

struct cls_dict_entry {
	char *name; /* cleaned; NULL = empty slot */
	char code[CLASSIFY_CODE_MAX];
	int ambiguous;
};

struct classify_dict {
	struct cls_dict_entry *slot;
	size_t cap, n, nambiguous;
};

struct classify_dict *classify_dict_new(void)
{
	struct classify_dict *d = xcalloc(1, sizeof(*d));

	d->cap = 256;
	d->slot = xcalloc(d->cap, sizeof(*d->slot));
	return d;
}

void classify_dict_free(struct classify_dict *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->cap; i++)
		free(d->slot[i].name);
	free(d->slot);
	free(d);
}

static size_t cls_dict_find(const struct cls_dict_entry *slot, size_t cap, const char *name)
{
	size_t mask = cap - 1, i = (size_t)rng_mix64(rng_fnv1a(RNG_FNV_OFFSET, name)) & mask;

	while (slot[i].name && strcmp(slot[i].name, name) != 0)
		i = (i + 1) & mask;
	return i;
}

static void cls_dict_grow(struct classify_dict *d)
{
	size_t cap = d->cap * 2;
	struct cls_dict_entry *slot = xcalloc(cap, sizeof(*slot));

	for (size_t i = 0; i < d->cap; i++)
		if (d->slot[i].name)
			slot[cls_dict_find(slot, cap, d->slot[i].name)] = d->slot[i];
	free(d->slot);
	d->slot = slot;
	d->cap = cap;
}

int classify_dict_add(struct classify_dict *d, const char *name, const char *code, struct err *e)
{
	char *clean;
	size_t i;

	if (!cls_is_fine_code(code))
		return err_set(e, ERR_INPUT,
			       "occupation code '%s' for '%s' is not a 细类 code (d-dd-dd-dd)",
			       code ? code : "", name ? name : "");
	clean = classify_clean_title(name);
	if (!*clean) {
		free(clean);
		return 0;
	}
	if ((d->n + 1) * 10 > d->cap * 7)
		cls_dict_grow(d);
	i = cls_dict_find(d->slot, d->cap, clean);
	if (d->slot[i].name) {
		if (!d->slot[i].ambiguous && strcmp(d->slot[i].code, code) != 0) {
			d->slot[i].ambiguous = 1;
			d->nambiguous++;
		}
		free(clean);
		return 0;
	}
	d->slot[i].name = clean;
	cls_code_copy(d->slot[i].code, code, CLASSIFY_CODE_MAX - 1);
	d->n++;
	return 0;
}

const char *classify_dict_lookup(const struct classify_dict *d, const char *title)
{
	char *clean = classify_clean_title(title);
	const char *code = NULL;
	size_t i;

	if (d && *clean) {
		i = cls_dict_find(d->slot, d->cap, clean);
		if (d->slot[i].name && !d->slot[i].ambiguous)
			code = d->slot[i].code;
	}
	free(clean);
	return code;
}

/* The same for a title already cleaned. */
static const char *cls_dict_lookup_clean(const struct classify_dict *d, const char *clean)
{
	size_t i;

	if (!d || !*clean)
		return NULL;
	i = cls_dict_find(d->slot, d->cap, clean);
	return d->slot[i].name && !d->slot[i].ambiguous ? d->slot[i].code : NULL;
}

size_t classify_dict_size(const struct classify_dict *d)
{
	return d ? d->n : 0;
}

size_t classify_dict_ambiguous(const struct classify_dict *d)
{
	return d ? d->nambiguous : 0;
}

/* Split one CSV line (no line break inside a field: the reference files
 * have none) into at most max fields, in place. Quoted fields may hold
 * commas and doubled quotes. Returns the number of fields, or -1 for a
 * quote that is never closed. */
static int cls_csv_split(char *line, char **field, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		char *out = p, *start = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"' && p[1] == '"') {
					*out++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					*out++ = *p++;
				}
			}
			while (*p && *p != ',')
				p++; /* junk after the closing quote is ignored */
		} else {
			while (*p && *p != ',')
				*out++ = *p++;
		}
		if (n < max)
			field[n++] = start;
		if (!*p) {
			*out = '\0';
			return n;
		}
		*out = '\0';
		p++;
	}
}

/* Read the CSV at path and add (name, code) of each row where the column
 * filter_col (if given) equals filter_val. */
static int cls_dict_load(struct classify_dict *d, const char *path, const char *name_col,
			 const char *code_col, const char *filter_col, const char *filter_val,
			 struct err *e)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t linecap = 0, row = 0;
	ssize_t len;
	int col_name = -1, col_code = -1, col_filter = -1, rc = 0;

	if (!fp)
		return err_set(e, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	while ((len = getline(&line, &linecap, fp)) >= 0) {
		char *field[64], *text = line;
		int nf;

		if ((size_t)len > CLS_DICT_LINE_MAX) {
			rc = err_set_at(e, ERR_INPUT, path, row, 0, "line longer than %d bytes",
					CLS_DICT_LINE_MAX);
			goto out;
		}
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (row == 0 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
			text += 3;
		if (row > 0 && !*text) {
			row++;
			continue;
		}
		nf = cls_csv_split(text, field, 64);
		if (nf < 0) {
			rc = err_set_at(e, ERR_INPUT, path, row, 0, "a quoted field is not closed");
			goto out;
		}
		if (row == 0) {
			for (int i = 0; i < nf; i++) {
				if (strcmp(field[i], name_col) == 0)
					col_name = i;
				else if (strcmp(field[i], code_col) == 0)
					col_code = i;
				else if (filter_col && strcmp(field[i], filter_col) == 0)
					col_filter = i;
			}
			if (col_name < 0 || col_code < 0 || (filter_col && col_filter < 0)) {
				rc = err_set_at(e, ERR_INPUT, path, 0, 0,
						"header lacks column '%s'",
						col_name < 0   ? name_col
						: col_code < 0 ? code_col
							       : filter_col);
				goto out;
			}
			row++;
			continue;
		}
		if (nf <= col_name || nf <= col_code || (filter_col && nf <= col_filter)) {
			rc = err_set_at(e, ERR_INPUT, path, row, (size_t)nf + 1,
					"row has %d fields, too few", nf);
			goto out;
		}
		if (!filter_col || strcmp(field[col_filter], filter_val) == 0) {
			if (!cls_is_fine_code(field[col_code])) {
				rc = err_set_at(e, ERR_INPUT, path, row, (size_t)col_code + 1,
						"'%s' is not a 细类 code (d-dd-dd-dd)",
						field[col_code]);
				goto out;
			}
			if ((rc = classify_dict_add(d, field[col_name], field[col_code], e)) < 0)
				goto out;
		}
		row++;
	}
	if (ferror(fp))
		rc = err_set(e, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	else if (row == 0)
		rc = err_set_at(e, ERR_INPUT, path, 0, 0, "file is empty: no header");
out:
	free(line);
	fclose(fp);
	return rc;
}

int classify_dict_load_occupations(struct classify_dict *d, const char *path, struct err *e)
{
	return cls_dict_load(d, path, "name", "code", "level", "细类", e);
}

int classify_dict_load_aliases(struct classify_dict *d, const char *path, struct err *e)
{
	return cls_dict_load(d, path, "alias", "occupation_code", NULL, NULL, e);
}

/* ---- the model ---------------------------------------------------------------------- */

/* Coarser groups of the model's labels at one level: labels are sorted and
 * fixed-width, so a group is a run of consecutive labels. */
struct cls_groups {
	size_t n;
	uint32_t *of;			 /* label -> group */
	char (*code)[CLASSIFY_CODE_MAX]; /* group -> its code, sorted */
};

struct classifier {
	struct classify_opts opts;
	uint64_t n_train;
	size_t nlabels, kpad;
	char (*label)[CLASSIFY_CODE_MAX];
	size_t nrows;
	uint32_t *row_bucket; /* row -> bucket, increasing */
	int32_t *row_of;      /* bucket -> row, -1 = no weights */
	float *w;	      /* nrows x kpad */
	float *bias;	      /* kpad */
	struct cls_groups minor, middle;
};

void classify_opts_init(struct classify_opts *o)
{
	o->hash_bits = 18;
	o->title_weight = 0.5;
	o->epochs = 4;
	o->learning_rate = 0.5;
	o->l2 = 1e-6;
	o->seed = 20251231ULL;
	o->threshold_fine = 0.5;
	o->threshold_minor = 0.5;
	o->threshold_middle = 0.5;
}

static int cls_unit(double x)
{
	return x >= 0 && x <= 1;
}

static int cls_check_opts(const struct classify_opts *o, struct err *e)
{
	if (o->hash_bits < 16 || o->hash_bits > 22)
		return err_set(e, ERR_USAGE, "hash_bits %d is outside 16..22", o->hash_bits);
	if (!(o->title_weight > 0 && o->title_weight <= 100))
		return err_set(e, ERR_USAGE, "title weight %g is outside (0, 100]",
			       o->title_weight);
	if (o->epochs < 1 || o->epochs > 100)
		return err_set(e, ERR_USAGE, "epochs %d is outside 1..100", o->epochs);
	if (!(o->learning_rate > 0 && o->learning_rate <= 100))
		return err_set(e, ERR_USAGE, "learning rate %g is outside (0, 100]",
			       o->learning_rate);
	if (!(o->l2 >= 0 && o->l2 < 1))
		return err_set(e, ERR_USAGE, "l2 %g is outside [0, 1)", o->l2);
	if (!cls_unit(o->threshold_fine) || !cls_unit(o->threshold_minor) ||
	    !cls_unit(o->threshold_middle))
		return err_set(e, ERR_USAGE, "thresholds %g, %g, %g: each must be in [0, 1]",
			       o->threshold_fine, o->threshold_minor, o->threshold_middle);
	return 0;
}

static void cls_groups_release(struct cls_groups *g)
{
	free(g->of);
	free(g->code);
	memset(g, 0, sizeof(*g));
}

static void cls_groups_build(const struct classifier *c, enum classify_level level,
			     struct cls_groups *g)
{
	size_t len = cls_level_len(level);

	g->of = xcalloc(c->nlabels ? c->nlabels : 1, sizeof(*g->of));
	g->code = xcalloc(c->nlabels ? c->nlabels : 1, sizeof(*g->code));
	g->n = 0;
	for (size_t k = 0; k < c->nlabels; k++) {
		if (g->n == 0 || strncmp(g->code[g->n - 1], c->label[k], len) != 0)
			cls_code_copy(g->code[g->n++], c->label[k], len);
		g->of[k] = (uint32_t)(g->n - 1);
	}
}

static struct classifier *cls_new(const struct classify_opts *o, size_t nlabels)
{
	struct classifier *c = xcalloc(1, sizeof(*c));

	c->opts = *o;
	c->nlabels = nlabels;
	c->kpad = (nlabels + CLS_BLOCK - 1) / CLS_BLOCK * CLS_BLOCK;
	c->label = xcalloc(nlabels, sizeof(*c->label));
	c->bias = xcalloc(c->kpad, sizeof(*c->bias));
	c->row_of = xmalloc(((size_t)1 << o->hash_bits) * sizeof(*c->row_of));
	for (size_t b = 0; b < ((size_t)1 << o->hash_bits); b++)
		c->row_of[b] = -1;
	return c;
}

void classify_free(struct classifier *c)
{
	if (!c)
		return;
	free(c->label);
	free(c->row_bucket);
	free(c->row_of);
	free(c->w);
	free(c->bias);
	cls_groups_release(&c->minor);
	cls_groups_release(&c->middle);
	free(c);
}

size_t classify_nlabels(const struct classifier *c)
{
	return c ? c->nlabels : 0;
}

const char *classify_label(const struct classifier *c, size_t i)
{
	return c && i < c->nlabels ? c->label[i] : NULL;
}

void classify_get_opts(const struct classifier *c, struct classify_opts *o)
{
	*o = c->opts;
}

int classify_set_thresholds(struct classifier *c, double fine, double minor, double middle,
			    struct err *e)
{
	if (!cls_unit(fine) || !cls_unit(minor) || !cls_unit(middle))
		return err_set(e, ERR_USAGE, "thresholds %g, %g, %g: each must be in [0, 1]", fine,
			       minor, middle);
	c->opts.threshold_fine = fine;
	c->opts.threshold_minor = minor;
	c->opts.threshold_middle = middle;
	return 0;
}

/* y[0..kpad) += a * x[0..kpad), in blocks the compiler vectorises. */
static void cls_axpy(float *restrict y, const float *restrict x, float a, size_t kpad)
{
	for (size_t k = 0; k < kpad; k += CLS_BLOCK)
		for (size_t j = 0; j < CLS_BLOCK; j++)
			y[k + j] += a * x[k + j];
}

/* Class scores of f into s[0..kpad): bias + scale * W'x. Buckets the model
 * has no row for contribute nothing. */
static void cls_scores(const struct classifier *c, const struct cls_fvec *f, float scale, float *s)
{
	memset(s, 0, c->kpad * sizeof(*s));
	for (size_t j = 0; j < f->n; j++) {
		int32_t r = c->row_of[f->idx[j]];
		if (r >= 0)
			cls_axpy(s, c->w + (size_t)r * c->kpad, f->val[j], c->kpad);
	}
	for (size_t k = 0; k < c->nlabels; k++)
		s[k] = c->bias[k] + scale * s[k];
}

/* Softmax of s[0..K) into p[0..K), in double. */
static void cls_softmax(const float *s, size_t K, double *p)
{
	double max = -DBL_MAX, sum = 0;

	for (size_t k = 0; k < K; k++)
		if (s[k] > max)
			max = s[k];
	for (size_t k = 0; k < K; k++)
		sum += (p[k] = exp((double)s[k] - max));
	for (size_t k = 0; k < K; k++)
		p[k] /= sum;
}

static int cls_cmp_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

int classify_train(const char *const *titles, const char *const *descs, const char *const *labels,
		   size_t n, const struct classify_opts *o, struct classifier **out, struct err *e)
{
	struct classify_opts def;
	struct classifier *c = NULL;
	struct cls_scratch s = {0};
	struct cls_fvec f = {0};
	char(*codes)[CLASSIFY_CODE_MAX] = NULL;
	uint32_t *y = NULL;
	size_t *order = NULL, K = 0, nb;
	uint8_t *touched = NULL;
	char **clean = NULL;
	float *score = NULL, *grad = NULL;
	double *p = NULL, scale = 1, t = 0, total;
	struct rng r;
	int rc;

	*out = NULL;
	if (!o) {
		classify_opts_init(&def);
		o = &def;
	}
	if ((rc = cls_check_opts(o, e)) < 0)
		return rc;
	if (n == 0)
		return err_set(e, ERR_USAGE, "no labelled postings to train on");
	for (size_t i = 0; i < n; i++)
		if (!cls_is_fine_code(labels[i]))
			return err_set(e, ERR_INPUT,
				       "row %zu: label '%s' is not a 细类 code (d-dd-dd-dd)", i,
				       labels[i] ? labels[i] : "");

	/* the label set, sorted */
	codes = xcalloc(n, sizeof(*codes)); /* zeroed: codes compare and save byte for byte */
	for (size_t i = 0; i < n; i++)
		cls_code_copy(codes[i], labels[i], CLASSIFY_CODE_MAX - 1);
	qsort(codes, n, sizeof(*codes), cls_cmp_code);
	for (size_t i = 0; i < n; i++)
		if (K == 0 || strcmp(codes[K - 1], codes[i]) != 0)
			memcpy(codes[K++], codes[i], sizeof(*codes));
	if (K > CLS_MAX_LABELS) {
		rc = err_set(e, ERR_INPUT, "%zu distinct labels, more than %d", K, CLS_MAX_LABELS);
		goto out;
	}
	c = cls_new(o, K);
	memcpy(c->label, codes, K * sizeof(*codes));
	c->n_train = n;
	y = xmalloc(n * sizeof(*y));
	for (size_t i = 0; i < n; i++) {
		const char *hit = bsearch(labels[i], c->label, K, sizeof(*c->label), cls_cmp_code);
		y[i] = (uint32_t)((size_t)(hit - c->label[0]) / CLASSIFY_CODE_MAX);
	}

	/* pass 1: which buckets the data touches; the cleaned titles kept */
	nb = (size_t)1 << o->hash_bits;
	touched = xcalloc(nb, 1);
	clean = xmalloc(n * sizeof(*clean));
	for (size_t i = 0; i < n; i++) {
		clean[i] = classify_clean_title(titles[i]);
		cls_features(&s, o->hash_bits, o->title_weight, clean[i], descs ? descs[i] : NULL,
			     &f);
		for (size_t j = 0; j < f.n; j++)
			touched[f.idx[j]] = 1;
	}
	for (size_t b = 0; b < nb; b++)
		c->nrows += touched[b];
	c->row_bucket = xmalloc((c->nrows ? c->nrows : 1) * sizeof(*c->row_bucket));
	for (size_t b = 0, row = 0; b < nb; b++)
		if (touched[b]) {
			c->row_of[b] = (int32_t)row;
			c->row_bucket[row++] = (uint32_t)b;
		}
	c->w = xcalloc((c->nrows ? c->nrows : 1) * c->kpad, sizeof(*c->w));

	/* SGD on the softmax loss + l2/2 |W|^2 (the bias is not regularised).
	 * W is kept as scale * V so the decay of every weight at each step is
	 * one multiplication (Bottou's trick). The step falls linearly from
	 * eta0 to 0 over the run, as fastText's does: the last passes then
	 * settle instead of swinging with the last few postings seen (two
	 * classes trained on the same text end near 1/2 each). */
	score = xcalloc(c->kpad, sizeof(*score));
	grad = xcalloc(c->kpad, sizeof(*grad));
	p = xcalloc(c->kpad, sizeof(*p));
	order = xmalloc(n * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	rng_seed(&r, o->seed);
	total = (double)n * o->epochs;
	for (int epoch = 0; epoch < o->epochs; epoch++) {
		rng_shuffle(&r, order, n, sizeof(*order));
		for (size_t q = 0; q < n; q++) {
			size_t i = order[q];
			double eta = o->learning_rate * (1 - t / total);
			float coef;

			cls_features(&s, o->hash_bits, o->title_weight, clean[i],
				     descs ? descs[i] : NULL, &f);
			cls_scores(c, &f, (float)scale, score);
			cls_softmax(score, K, p);
			for (size_t k = 0; k < K; k++)
				grad[k] = (float)(p[k] - (k == y[i]));
			scale *= 1 - eta * o->l2;
			coef = (float)(-eta / scale);
			for (size_t j = 0; j < f.n; j++)
				cls_axpy(c->w + (size_t)c->row_of[f.idx[j]] * c->kpad, grad,
					 coef * f.val[j], c->kpad);
			for (size_t k = 0; k < K; k++)
				c->bias[k] -= (float)(eta * grad[k]);
			if (scale < 1e-3) {
				for (size_t w = 0; w < c->nrows * c->kpad; w++)
					c->w[w] *= (float)scale;
				scale = 1;
			}
			t++;
		}
	}
	for (size_t w = 0; w < c->nrows * c->kpad; w++)
		c->w[w] *= (float)scale;
	cls_groups_build(c, CLASSIFY_LEVEL_MINOR, &c->minor);
	cls_groups_build(c, CLASSIFY_LEVEL_MIDDLE, &c->middle);
	*out = c;
	c = NULL;
	rc = 0;
out:
	if (clean)
		for (size_t i = 0; i < n; i++)
			free(clean[i]);
	free(clean);
	free(codes);
	free(y);
	free(touched);
	free(order);
	free(score);
	free(grad);
	free(p);
	cls_fvec_release(&f);
	cls_scratch_release(&s);
	classify_free(c);
	return rc;
}

/* ---- prediction ---------------------------------------------------------------------- */

/* Buffers of one classification, reused across postings by evaluation. */
struct cls_work {
	struct cls_scratch s;
	struct cls_fvec f;
	float *score;
	double *p;	 /* per label */
	double *gminor;	 /* per 小类 group */
	double *gmiddle; /* per 中类 group */
};

static void cls_work_init(struct cls_work *w, const struct classifier *c)
{
	size_t kp = c ? c->kpad : 0;

	memset(w, 0, sizeof(*w));
	w->score = xcalloc(kp + 1, sizeof(*w->score));
	w->p = xcalloc(kp + 1, sizeof(*w->p));
	w->gminor = xcalloc((c ? c->minor.n : 0) + 1, sizeof(*w->gminor));
	w->gmiddle = xcalloc((c ? c->middle.n : 0) + 1, sizeof(*w->gmiddle));
}

static void cls_work_release(struct cls_work *w)
{
	cls_scratch_release(&w->s);
	cls_fvec_release(&w->f);
	free(w->score);
	free(w->p);
	free(w->gminor);
	free(w->gmiddle);
}

/* The model's probabilities for one posting into w->p, and their sums per
 * 小类 and 中类 into w->gminor and w->gmiddle. */
static void cls_model_probs(const struct classifier *c, struct cls_work *w, const char *clean,
			    const char *desc)
{
	cls_features(&w->s, c->opts.hash_bits, c->opts.title_weight, clean, desc, &w->f);
	cls_scores(c, &w->f, 1.0f, w->score);
	cls_softmax(w->score, c->nlabels, w->p);
	memset(w->gminor, 0, c->minor.n * sizeof(*w->gminor));
	memset(w->gmiddle, 0, c->middle.n * sizeof(*w->gmiddle));
	for (size_t k = 0; k < c->nlabels; k++) {
		w->gminor[c->minor.of[k]] += w->p[k];
		w->gmiddle[c->middle.of[k]] += w->p[k];
	}
}

/* Indices of the (at most) k highest of score[0..n), best first; ties go to
 * the lower index. Returns how many. */
static size_t cls_top(const double *score, size_t n, size_t k, size_t *top)
{
	size_t m = 0;

	if (k == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t pos = m;
		if (m == k && !(score[i] > score[top[m - 1]]))
			continue;
		while (pos > 0 && score[i] > score[top[pos - 1]])
			pos--;
		if (m < k)
			m++;
		memmove(top + pos + 1, top + pos, (m - 1 - pos) * sizeof(*top));
		top[pos] = i;
	}
	return m;
}

/* The thresholded decision from the probabilities in w. */
static void cls_decide(const struct classifier *c, const struct cls_work *w,
		       struct classify_result *r)
{
	size_t best;

	cls_top(w->p, c->nlabels, 1, &best);
	if (w->p[best] >= c->opts.threshold_fine) {
		cls_code_copy(r->code, c->label[best], CLASSIFY_CODE_MAX - 1);
		r->level = CLASSIFY_LEVEL_FINE;
		r->confidence = w->p[best];
		return;
	}
	cls_top(w->gminor, c->minor.n, 1, &best);
	if (w->gminor[best] >= c->opts.threshold_minor) {
		cls_code_copy(r->code, c->minor.code[best], CLASSIFY_CODE_MAX - 1);
		r->level = CLASSIFY_LEVEL_MINOR;
		r->confidence = w->gminor[best];
		return;
	}
	cls_top(w->gmiddle, c->middle.n, 1, &best);
	if (w->gmiddle[best] >= c->opts.threshold_middle) {
		cls_code_copy(r->code, c->middle.code[best], CLASSIFY_CODE_MAX - 1);
		r->level = CLASSIFY_LEVEL_MIDDLE;
		r->confidence = w->gmiddle[best];
		return;
	}
	r->code[0] = '\0';
	r->level = CLASSIFY_LEVEL_NONE;
	r->confidence = w->gmiddle[best];
}

/* Classify with buffers w; clean is the cleaned title. */
static void cls_predict_work(const struct classifier *c, const struct classify_dict *d,
			     struct cls_work *w, const char *clean, const char *desc, size_t k,
			     struct classify_result *r)
{
	const char *hit = cls_dict_lookup_clean(d, clean);
	size_t top[CLASSIFY_MAX_TOP + 1], m;

	memset(r, 0, sizeof(*r));
	if (k > CLASSIFY_MAX_TOP)
		k = CLASSIFY_MAX_TOP;
	if (hit) {
		cls_code_copy(r->code, hit, CLASSIFY_CODE_MAX - 1);
		r->level = CLASSIFY_LEVEL_FINE;
		r->confidence = 1;
		r->source = CLASSIFY_SOURCE_DICT;
		if (k > 0) {
			memcpy(r->cand[0].code, r->code, sizeof(r->code));
			r->cand[0].score = 1;
			r->ncand = 1;
		}
	}
	if (c) {
		cls_model_probs(c, w, clean, desc);
		m = cls_top(w->p, c->nlabels, k + 1, top);
		for (size_t j = 0; j < m && r->ncand < k; j++) {
			if (hit && strcmp(c->label[top[j]], hit) == 0)
				continue;
			memcpy(r->cand[r->ncand].code, c->label[top[j]], CLASSIFY_CODE_MAX);
			r->cand[r->ncand].score = w->p[top[j]];
			r->ncand++;
		}
		if (!hit) {
			cls_decide(c, w, r);
			r->source = CLASSIFY_SOURCE_MODEL;
		}
	}
	r->needs_review = r->level != CLASSIFY_LEVEL_FINE;
}

void classify_predict(const struct classifier *c, const struct classify_dict *d, const char *title,
		      const char *desc, size_t k, struct classify_result *r)
{
	struct cls_work w;
	char *clean = classify_clean_title(title);

	cls_work_init(&w, c);
	cls_predict_work(c, d, &w, clean, desc, k, r);
	cls_work_release(&w);
	free(clean);
}

/* ---- the model file -------------------------------------------------------------------- */

struct cls_io {
	FILE *fp;
	uint64_t hash; /* FNV-1a of every byte so far */
	int bad;
};

static void cls_put(struct cls_io *io, const void *p, size_t n)
{
	if (fwrite(p, 1, n, io->fp) != n)
		io->bad = 1;
	io->hash = rng_fnv1a_bytes(io->hash, p, n);
}

static void cls_put_u32(struct cls_io *io, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};
	cls_put(io, b, 4);
}

static void cls_put_u64(struct cls_io *io, uint64_t v)
{
	cls_put_u32(io, (uint32_t)v);
	cls_put_u32(io, (uint32_t)(v >> 32));
}

static void cls_put_f32(struct cls_io *io, float x)
{
	uint32_t v;

	memcpy(&v, &x, 4);
	cls_put_u32(io, v);
}

static void cls_put_f64(struct cls_io *io, double x)
{
	uint64_t v;

	memcpy(&v, &x, 8);
	cls_put_u64(io, v);
}

static void cls_get(struct cls_io *io, void *p, size_t n)
{
	if (io->bad || fread(p, 1, n, io->fp) != n) {
		io->bad = 1;
		memset(p, 0, n);
		return;
	}
	io->hash = rng_fnv1a_bytes(io->hash, p, n);
}

static uint32_t cls_get_u32(struct cls_io *io)
{
	unsigned char b[4];

	cls_get(io, b, 4);
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint64_t cls_get_u64(struct cls_io *io)
{
	uint64_t lo = cls_get_u32(io);

	return lo | (uint64_t)cls_get_u32(io) << 32;
}

static float cls_get_f32(struct cls_io *io)
{
	uint32_t v = cls_get_u32(io);
	float x;

	memcpy(&x, &v, 4);
	return x;
}

static double cls_get_f64(struct cls_io *io)
{
	uint64_t v = cls_get_u64(io);
	double x;

	memcpy(&x, &v, 8);
	return x;
}

/* Bytes of the header: magic, 5 x u32, 2 x u64, 6 x f64. */
#define CLS_HEADER_BYTES (8 + 5 * 4 + 2 * 8 + 6 * 8)

int classify_save(const struct classifier *c, const char *path, struct err *e)
{
	struct strbuf tmp = {0};
	struct cls_io io = {NULL, RNG_FNV_OFFSET, 0};
	int rc = 0;

	strbuf_addf(&tmp, "%s.tmp", path);
	io.fp = fopen(tmp.buf, "wb");
	if (!io.fp) {
		rc = err_set(e, ERR_IO, "cannot write '%s': %s", tmp.buf, strerror(errno));
		goto out;
	}
	cls_put(&io, CLS_MAGIC, 8);
	cls_put_u32(&io, CLS_VERSION);
	cls_put_u32(&io, (uint32_t)c->opts.hash_bits);
	cls_put_u32(&io, (uint32_t)c->nlabels);
	cls_put_u32(&io, (uint32_t)c->nrows);
	cls_put_u32(&io, (uint32_t)c->opts.epochs);
	cls_put_u64(&io, c->opts.seed);
	cls_put_u64(&io, c->n_train);
	cls_put_f64(&io, c->opts.title_weight);
	cls_put_f64(&io, c->opts.learning_rate);
	cls_put_f64(&io, c->opts.l2);
	cls_put_f64(&io, c->opts.threshold_fine);
	cls_put_f64(&io, c->opts.threshold_minor);
	cls_put_f64(&io, c->opts.threshold_middle);
	for (size_t k = 0; k < c->nlabels; k++) {
		char code[CLASSIFY_CODE_MAX] = {0};
		memcpy(code, c->label[k], strlen(c->label[k]));
		cls_put(&io, code, CLASSIFY_CODE_MAX);
	}
	for (size_t k = 0; k < c->nlabels; k++)
		cls_put_f32(&io, c->bias[k]);
	for (size_t row = 0; row < c->nrows; row++) {
		const float *wr = c->w + row * c->kpad;
		cls_put_u32(&io, c->row_bucket[row]);
		for (size_t k = 0; k < c->nlabels; k++)
			cls_put_f32(&io, wr[k]);
	}
	{
		uint64_t h = io.hash;
		cls_put_u64(&io, h);
	}
	if (fflush(io.fp) != 0)
		io.bad = 1;
	if (fclose(io.fp) != 0)
		io.bad = 1;
	if (io.bad) {
		rc = err_set(e, ERR_IO, "cannot write '%s': %s", tmp.buf, strerror(errno));
		remove(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, path) != 0) {
		rc = err_set(e, ERR_IO, "cannot rename '%s' to '%s': %s", tmp.buf, path,
			     strerror(errno));
		remove(tmp.buf);
	}
out:
	strbuf_release(&tmp);
	return rc;
}

int classify_load(const char *path, struct classifier **out, struct err *e)
{
	struct cls_io io = {NULL, RNG_FNV_OFFSET, 0};
	struct classifier *c = NULL;
	struct classify_opts o;
	struct stat st;
	char magic[8];
	uint32_t version, nlabels, nrows;
	uint64_t n_train, expect, h;
	int rc = 0;

	*out = NULL;
	io.fp = fopen(path, "rb");
	if (!io.fp)
		return err_set(e, ERR_IO, "cannot open model '%s': %s", path, strerror(errno));
	if (fstat(fileno(io.fp), &st) != 0) {
		rc = err_set(e, ERR_IO, "cannot stat model '%s': %s", path, strerror(errno));
		goto out;
	}
	cls_get(&io, magic, 8);
	version = cls_get_u32(&io);
	if (io.bad || memcmp(magic, CLS_MAGIC, 8) != 0) {
		rc = err_set(e, ERR_VERSION, "'%s' is not an occupation model file", path);
		goto out;
	}
	if (version != CLS_VERSION) {
		rc = err_set(e, ERR_VERSION,
			     "model '%s' has format version %u, this program reads %u", path,
			     version, CLS_VERSION);
		goto out;
	}
	classify_opts_init(&o);
	o.hash_bits = (int)cls_get_u32(&io);
	nlabels = cls_get_u32(&io);
	nrows = cls_get_u32(&io);
	o.epochs = (int)cls_get_u32(&io);
	o.seed = cls_get_u64(&io);
	n_train = cls_get_u64(&io);
	o.title_weight = cls_get_f64(&io);
	o.learning_rate = cls_get_f64(&io);
	o.l2 = cls_get_f64(&io);
	o.threshold_fine = cls_get_f64(&io);
	o.threshold_minor = cls_get_f64(&io);
	o.threshold_middle = cls_get_f64(&io);
	if (io.bad) {
		rc = err_set(e, ERR_INPUT, "model '%s' is truncated in its header", path);
		goto out;
	}
	{
		struct err bad;
		if (cls_check_opts(&o, &bad) < 0) {
			rc = err_set(e, ERR_INPUT, "model '%s' is damaged: %s", path, bad.msg);
			goto out;
		}
	}
	if (nlabels == 0 || nlabels > CLS_MAX_LABELS || nrows > (1u << o.hash_bits)) {
		rc = err_set(e, ERR_INPUT, "model '%s' is damaged: %u labels, %u rows", path,
			     nlabels, nrows);
		goto out;
	}
	expect = CLS_HEADER_BYTES + (uint64_t)nlabels * (CLASSIFY_CODE_MAX + 4) +
		 (uint64_t)nrows * (4 + 4 * (uint64_t)nlabels) + 8;
	if ((uint64_t)st.st_size != expect) {
		rc = err_set(e, ERR_INPUT, "model '%s' is %lld bytes, its header says %llu", path,
			     (long long)st.st_size, (unsigned long long)expect);
		goto out;
	}
	c = cls_new(&o, nlabels);
	c->n_train = n_train;
	c->nrows = nrows;
	for (size_t k = 0; k < nlabels; k++) {
		cls_get(&io, c->label[k], CLASSIFY_CODE_MAX);
		c->label[k][CLASSIFY_CODE_MAX - 1] = '\0';
		if (!cls_is_fine_code(c->label[k]) ||
		    (k > 0 && strcmp(c->label[k - 1], c->label[k]) >= 0)) {
			rc = err_set(e, ERR_INPUT, "model '%s' is damaged: label %zu '%s'", path, k,
				     c->label[k]);
			goto out;
		}
	}
	for (size_t k = 0; k < nlabels; k++)
		c->bias[k] = cls_get_f32(&io);
	c->row_bucket = xmalloc((nrows ? nrows : 1) * sizeof(*c->row_bucket));
	c->w = xcalloc((nrows ? nrows : 1) * c->kpad, sizeof(*c->w));
	for (size_t row = 0; row < nrows; row++) {
		uint32_t b = cls_get_u32(&io);
		float *wr = c->w + row * c->kpad;
		if (b >= (1u << o.hash_bits) || (row > 0 && b <= c->row_bucket[row - 1])) {
			rc = err_set(e, ERR_INPUT, "model '%s' is damaged: row %zu bucket %u", path,
				     row, b);
			goto out;
		}
		c->row_bucket[row] = b;
		c->row_of[b] = (int32_t)row;
		for (size_t k = 0; k < nlabels; k++)
			wr[k] = cls_get_f32(&io);
	}
	h = io.hash;
	if (cls_get_u64(&io) != h || io.bad) {
		rc = err_set(e, ERR_INPUT, "model '%s' is damaged: checksum mismatch", path);
		goto out;
	}
	for (size_t k = 0; k < nlabels; k++)
		if (!isfinite(c->bias[k])) {
			rc = err_set(e, ERR_INPUT, "model '%s' is damaged: bias %zu not finite",
				     path, k);
			goto out;
		}
	cls_groups_build(c, CLASSIFY_LEVEL_MINOR, &c->minor);
	cls_groups_build(c, CLASSIFY_LEVEL_MIDDLE, &c->middle);
	*out = c;
	c = NULL;
out:
	classify_free(c);
	fclose(io.fp);
	return rc;
}

/* ---- evaluation ---------------------------------------------------------------------- */

/* u in [0, 1) from a cleaned title and the seed. */
static double cls_title_draw(const char *clean, uint64_t seed)
{
	uint64_t h = rng_mix64(rng_fnv1a(rng_mix64(seed), clean));

	return (double)(h >> 11) * (1.0 / 9007199254740992.0);
}

size_t classify_split_by_title(const char *const *titles, size_t n, double test_share,
			       uint64_t seed, unsigned char *is_test)
{
	size_t ntest = 0;

	for (size_t i = 0; i < n; i++) {
		char *clean = classify_clean_title(titles[i]);
		is_test[i] = cls_title_draw(clean, seed) < test_share;
		ntest += is_test[i];
		free(clean);
	}
	return ntest;
}

/* One level's rankings: the true and the predicted (top-1) code of each
 * posting, for macro-F1, and the hit counts. */
struct cls_level_acc {
	enum classify_level level;
	char (*truth)[CLASSIFY_CODE_MAX];
	char (*pred)[CLASSIFY_CODE_MAX];
	size_t top1, top3;
};

static int cls_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Macro-F1 over the union of true and predicted codes ("" = no prediction
 * counts as a miss, not as a class). */
static double cls_macro_f1(const struct cls_level_acc *a, size_t n, size_t *nclasses)
{
	const char **all = xmalloc(2 * (n ? n : 1) * sizeof(*all));
	size_t m = 0, u = 0, *tp, *fp, *fn;
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		all[m++] = a->truth[i];
		if (a->pred[i][0])
			all[m++] = a->pred[i];
	}
	qsort(all, m, sizeof(*all), cls_cmp_str);
	for (size_t i = 0; i < m; i++)
		if (u == 0 || strcmp(all[u - 1], all[i]) != 0)
			all[u++] = all[i];
	tp = xcalloc(u + 1, sizeof(*tp));
	fp = xcalloc(u + 1, sizeof(*fp));
	fn = xcalloc(u + 1, sizeof(*fn));
	for (size_t i = 0; i < n; i++) {
		const char *t = a->truth[i], *p = a->pred[i];
		const char **ti = bsearch(&t, all, u, sizeof(*all), cls_cmp_str);
		if (p[0] && strcmp(t, p) == 0) {
			tp[ti - all]++;
			continue;
		}
		fn[ti - all]++;
		if (p[0]) {
			const char **pi = bsearch(&p, all, u, sizeof(*all), cls_cmp_str);
			fp[pi - all]++;
		}
	}
	for (size_t k = 0; k < u; k++)
		sum += 2.0 * (double)tp[k] / (double)(2 * tp[k] + fp[k] + fn[k]);
	*nclasses = u;
	free(all);
	free(tp);
	free(fp);
	free(fn);
	return u ? sum / (double)u : 0;
}

/* Rank the codes of one level for one posting and score it against truth.
 * score[0..ng) are the group scores (probability sums), code[g] their
 * codes; hit (or NULL) is a dictionary hit's code at this level, ranked
 * first. */
static void cls_rank_level(struct cls_level_acc *a, size_t i, const char *truth,
			   const double *score, const char *codes, size_t ng, const char *hit)
{
#define CLS_CODE(g) (codes + (g)*CLASSIFY_CODE_MAX)
	size_t top[4], m = cls_top(score, ng, 3, top), got = 0;
	const char *rank[4];

	if (hit)
		rank[got++] = hit;
	for (size_t j = 0; j < m && got < 3; j++)
		if (!hit || strcmp(CLS_CODE(top[j]), hit) != 0)
			rank[got++] = CLS_CODE(top[j]);
	cls_code_copy(a->truth[i], truth, cls_level_len(a->level));
	a->pred[i][0] = '\0';
	if (got)
		cls_code_copy(a->pred[i], rank[0], CLASSIFY_CODE_MAX - 1);
	for (size_t j = 0; j < got; j++)
		if (strcmp(rank[j], a->truth[i]) == 0) {
			a->top1 += j == 0;
			a->top3++;
			break;
		}
#undef CLS_CODE
}

int classify_evaluate(const struct classifier *c, const struct classify_dict *d,
		      const char *const *titles, const char *const *descs,
		      const char *const *labels, size_t n, struct classify_eval *ev, struct err *e)
{
	struct cls_level_acc acc[3] = {{CLASSIFY_LEVEL_FINE, NULL, NULL, 0, 0},
				       {CLASSIFY_LEVEL_MINOR, NULL, NULL, 0, 0},
				       {CLASSIFY_LEVEL_MIDDLE, NULL, NULL, 0, 0}};
	struct classify_level_eval *lev[3] = {&ev->fine, &ev->minor, &ev->middle};
	struct cls_work w;
	double t0;

	memset(ev, 0, sizeof(*ev));
	for (size_t i = 0; i < n; i++)
		if (!cls_is_fine_code(labels[i]))
			return err_set(e, ERR_INPUT,
				       "row %zu: label '%s' is not a 细类 code (d-dd-dd-dd)", i,
				       labels[i] ? labels[i] : "");
	for (int l = 0; l < 3; l++) {
		acc[l].truth = xcalloc(n ? n : 1, sizeof(*acc[l].truth));
		acc[l].pred = xcalloc(n ? n : 1, sizeof(*acc[l].pred));
	}
	cls_work_init(&w, c);
	t0 = cls_now();
	for (size_t i = 0; i < n; i++) {
		struct classify_result r;
		char *clean = classify_clean_title(titles[i]);
		const char *desc = descs ? descs[i] : NULL;
		size_t len;

		/* the thresholded decision (this also fills w with the model's
		 * probabilities, which the rankings below read) */
		cls_predict_work(c, d, &w, clean, desc, 0, &r);
		free(clean);
		ev->dict_hits += r.source == CLASSIFY_SOURCE_DICT;
		if (r.source == CLASSIFY_SOURCE_DICT) {
			ev->decided[CLASSIFY_LEVEL_FINE]++;
			ev->decided_right[CLASSIFY_LEVEL_FINE] += strcmp(r.code, labels[i]) == 0;
		} else {
			ev->decided[r.level]++;
			len = strlen(r.code);
			ev->decided_right[r.level] += r.level != CLASSIFY_LEVEL_NONE &&
						      strncmp(r.code, labels[i], len) == 0;
		}
		for (int l = 0; l < 3; l++) {
			char hit[CLASSIFY_CODE_MAX];
			const double *score = NULL;
			const char *codes = NULL;
			size_t ng = 0;

			if (r.source == CLASSIFY_SOURCE_DICT)
				cls_code_copy(hit, r.code, cls_level_len(acc[l].level));
			if (c) {
				score = l == 0 ? w.p : l == 1 ? w.gminor : w.gmiddle;
				codes = l == 0	 ? c->label[0]
					: l == 1 ? c->minor.code[0]
						 : c->middle.code[0];
				ng = l == 0 ? c->nlabels : l == 1 ? c->minor.n : c->middle.n;
			}
			cls_rank_level(&acc[l], i, labels[i], score, codes, ng,
				       r.source == CLASSIFY_SOURCE_DICT ? hit : NULL);
		}
	}
	ev->seconds = cls_now() - t0;
	ev->n = n;
	ev->per_second = ev->seconds > 0 ? (double)n / ev->seconds : 0;
	for (int l = 0; l < 3; l++) {
		lev[l]->top1 = n ? (double)acc[l].top1 / (double)n : 0;
		lev[l]->top3 = n ? (double)acc[l].top3 / (double)n : 0;
		lev[l]->macro_f1 = cls_macro_f1(&acc[l], n, &lev[l]->nclasses);
		free(acc[l].truth);
		free(acc[l].pred);
	}
	cls_work_release(&w);
	return 0;
}

/* Distinct cleaned titles among the postings i with side[i] == want. */
static size_t cls_distinct_titles(const char *const *titles, size_t n, const unsigned char *side,
				  unsigned char want)
{
	char **t = xmalloc((n ? n : 1) * sizeof(*t));
	size_t m = 0, u = 0;

	for (size_t i = 0; i < n; i++)
		if (side[i] == want)
			t[m++] = classify_clean_title(titles[i]);
	qsort(t, m, sizeof(*t), cls_cmp_str);
	for (size_t i = 0; i < m; i++)
		u += i == 0 || strcmp(t[i - 1], t[i]) != 0;
	for (size_t i = 0; i < m; i++)
		free(t[i]);
	free(t);
	return u;
}

int classify_holdout_run(const char *const *titles, const char *const *descs,
			 const char *const *labels, size_t n, const struct classify_opts *o,
			 const struct classify_dict *d, double test_share,
			 struct classify_holdout *out, struct classifier **out_model, struct err *e)
{
	struct classify_opts def;
	unsigned char *side;
	const char **tr[3], **te[3];
	struct classifier *c = NULL;
	size_t ntr = 0, nte = 0;
	double t0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (out_model)
		*out_model = NULL;
	if (!o) {
		classify_opts_init(&def);
		o = &def;
	}
	if (!(test_share > 0 && test_share < 1))
		return err_set(e, ERR_USAGE, "test share %g is outside (0, 1)", test_share);
	side = xmalloc(n ? n : 1);
	classify_split_by_title(titles, n, test_share, o->seed, side);
	for (int j = 0; j < 3; j++) {
		tr[j] = xmalloc((n ? n : 1) * sizeof(char *));
		te[j] = xmalloc((n ? n : 1) * sizeof(char *));
	}
	for (size_t i = 0; i < n; i++) {
		const char ***dst = side[i] ? te : tr;
		size_t *k = side[i] ? &nte : &ntr;
		dst[0][*k] = titles[i];
		dst[1][*k] = descs ? descs[i] : NULL;
		dst[2][*k] = labels[i];
		(*k)++;
	}
	if (ntr == 0 || nte == 0) {
		rc = err_set(e, ERR_USAGE,
			     "the split by title left %zu postings to train on and %zu to test",
			     ntr, nte);
		goto out;
	}
	out->n_train = ntr;
	out->n_test = nte;
	out->titles_train = cls_distinct_titles(titles, n, side, 0);
	out->titles_test = cls_distinct_titles(titles, n, side, 1);
	t0 = cls_now();
	if ((rc = classify_train(tr[0], tr[1], tr[2], ntr, o, &c, e)) < 0)
		goto out;
	out->train_seconds = cls_now() - t0;
	if ((rc = classify_evaluate(c, NULL, te[0], te[1], te[2], nte, &out->model, e)) < 0)
		goto out;
	if ((rc = classify_evaluate(c, d, te[0], te[1], te[2], nte, &out->pipeline, e)) < 0)
		goto out;
	if (out_model) {
		*out_model = c;
		c = NULL;
	}
out:
	classify_free(c);
	for (int j = 0; j < 3; j++) {
		free(tr[j]);
		free(te[j]);
	}
	free(side);
	return rc;
}
