/* dedup.c - streaming deduplication of job adverts. See dedup.h.
 *
 * Four structures, all bounded by the adverts of the current window:
 *   - a ring of live adverts (id, day, cluster, sorted 32-bit shingle
 *     hashes), oldest first, popped as the window moves on;
 *   - the LSH index: chained buckets of (32-bit band key, ring sequence
 *     number) entries, as many buckets as pool slots; entries of popped
 *     adverts go stale and are skipped; when the pool fills, stale entries
 *     are dropped, and the pool doubles if live ones still fill half of it;
 *   - the exact-key map: 64-bit hash of (company, title, district) ->
 *     cluster and the day of its first advert, purged of expired clusters
 *     when it fills;
 *   - the forward map of united clusters (from -> into), folded into the
 *     ring and the key map at each compaction.
 * A 64-bit key hash stands for the key strings (a false match has odds of
 * about n^2 / 2^65 for n keys in a window), and a 32-bit band key for the
 * band values (a false candidate only costs its exact Jaccard check). */
#include "talent/dedup.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/rng.h"
#include "text/normalize.h"

#define DEDUP_MAX_HASHES 512
#define DEDUP_MAX_CANDIDATES 2000 /* Jaccard checks per advert, at most */
/* LSH entries looked at per key, newest first. A templated text shared by
 * hundreds of adverts in the window makes long chains of one key; a true
 * repost also shares its rarer bands, whose chains are short. */
#define DEDUP_MAX_CHAIN 32
#define DEDUP_NONE UINT32_MAX

struct dedup_rec {
	int64_t id;
	int64_t cluster;
	int32_t day;
	int32_t cluster_day;
	uint32_t nsh;
	uint32_t stamp;	    /* the query that last checked this advert */
	uint32_t company_h; /* field_hash() of the company, 0 when empty */
	uint32_t title_h;   /* of the title with the district, 0 when no title */
	uint32_t *sh;	    /* sorted, distinct shingle hashes; NULL when too few */
};

struct dedup_entry {
	uint32_t key;
	uint32_t seq; /* ring sequence number, modulo 2^32 */
	uint32_t next;
};

/* One slot of an open-addressing map from a 64-bit key to a cluster. */
struct dedup_slot {
	uint64_t key;
	int64_t cluster;
	int32_t day;
	int32_t used;
};

struct dedup_map {
	struct dedup_slot *slot;
	size_t cap, n; /* cap a power of two */
};

struct dedup {
	struct dedup_opt opt;
	int nhash;
	uint64_t *mul, *add; /* MinHash: h_i(x) = (mul_i x + add_i) >> 32 */
	/* ring of live adverts: sequence numbers [head, tail) */
	struct dedup_rec *ring;
	size_t ring_cap; /* a power of two */
	uint64_t head, tail;
	int32_t max_day;
	int have_day;
	/* LSH */
	uint32_t *bucket;
	size_t nbuckets; /* a power of two */
	struct dedup_entry *pool;
	size_t pool_n, pool_cap;
	/* maps */
	struct dedup_map keys, fwd;
	/* scratch */
	uint32_t *cps, *sig, *bandkey;
	size_t cps_cap;
	uint32_t query;
	struct dedup_merge *merges;
	size_t nmerges, merges_cap;
	size_t shingle_bytes;
	struct dedup_stats st;
};

void dedup_opt_default(struct dedup_opt *o)
{
	o->window_days = 60;
	o->shingle_chars = 5;
	o->bands = 16;
	o->rows = 8;
	o->jaccard_min = 0.8;
	o->min_shingles = 8;
	o->max_chars = 4000;
	o->near_same_field = 1;
	o->seed = 0x7476657464656475ULL; /* "tvetdedu" */
}

/* ---- the maps ------------------------------------------------------------------- */

static void map_init(struct dedup_map *m, size_t cap)
{
	m->slot = xcalloc(cap, sizeof(*m->slot));
	m->cap = cap;
	m->n = 0;
}

static struct dedup_slot *map_find(const struct dedup_map *m, uint64_t key)
{
	size_t mask = m->cap - 1;

	for (size_t i = rng_mix64(key) & mask;; i = (i + 1) & mask) {
		if (!m->slot[i].used)
			return NULL;
		if (m->slot[i].key == key)
			return &m->slot[i];
	}
}

static void map_put_raw(struct dedup_map *m, uint64_t key, int64_t cluster, int32_t day)
{
	size_t mask = m->cap - 1;

	for (size_t i = rng_mix64(key) & mask;; i = (i + 1) & mask) {
		struct dedup_slot *s = &m->slot[i];
		if (!s->used || s->key == key) {
			if (!s->used)
				m->n++;
			s->used = 1;
			s->key = key;
			s->cluster = cluster;
			s->day = day;
			return;
		}
	}
}

/* Rehash m into a table of cap slots, keeping the slots keep() accepts. */
static void map_rebuild(struct dedup *d, struct dedup_map *m, size_t cap,
			int (*keep)(struct dedup *, struct dedup_slot *))
{
	struct dedup_map old = *m;

	map_init(m, cap);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slot[i].used && (!keep || keep(d, &old.slot[i])))
			map_put_raw(m, old.slot[i].key, old.slot[i].cluster, old.slot[i].day);
	free(old.slot);
}

/* The surviving cluster of cluster (through the forward map) and its day. */
static int64_t cluster_find(const struct dedup *d, int64_t cluster, int32_t *day)
{
	const struct dedup_slot *s;

	while ((s = map_find(&d->fwd, (uint64_t)cluster))) {
		cluster = s->cluster;
		*day = s->day;
	}
	return cluster;
}

static int key_still_useful(struct dedup *d, struct dedup_slot *s)
{
	s->cluster = cluster_find(d, s->cluster, &s->day);
	return s->day >= d->max_day - d->opt.window_days;
}

static void map_put(struct dedup *d, struct dedup_map *m, uint64_t key, int64_t cluster,
		    int32_t day, int purge)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap;
		if (purge) {
			map_rebuild(d, m, cap, key_still_useful);
			if ((m->n + 1) * 4 > cap)
				cap *= 2;
			if (cap != m->cap)
				map_rebuild(d, m, cap, NULL);
		} else {
			map_rebuild(d, m, cap * 2, NULL);
		}
	}
	map_put_raw(m, key, cluster, day);
}

/* ---- context ---------------------------------------------------------------------- */

int dedup_new(struct dedup **out, const struct dedup_opt *o, struct err *e)
{
	struct dedup_opt def;
	struct dedup *d;
	uint64_t state;

	*out = NULL;
	if (!o) {
		dedup_opt_default(&def);
		o = &def;
	}
	if (o->window_days < 0 || o->window_days > 3650)
		return err_set(e, ERR_USAGE, "dedup window %d days: must be 0 to 3650",
			       o->window_days);
	if (o->shingle_chars < 1 || o->shingle_chars > 16)
		return err_set(e, ERR_USAGE, "dedup shingle of %d characters: must be 1 to 16",
			       o->shingle_chars);
	if (o->bands < 1 || o->rows < 1 || o->bands * o->rows > DEDUP_MAX_HASHES)
		return err_set(e, ERR_USAGE,
			       "dedup LSH of %d bands x %d rows: need at least 1 of each and at "
			       "most %d hashes",
			       o->bands, o->rows, DEDUP_MAX_HASHES);
	if (!(o->jaccard_min > 0 && o->jaccard_min <= 1))
		return err_set(e, ERR_USAGE, "dedup Jaccard threshold %g: must be in (0, 1]",
			       o->jaccard_min);
	if (o->min_shingles < 1 || o->max_chars < o->shingle_chars)
		return err_set(e, ERR_USAGE,
			       "dedup min_shingles %d, max_chars %d: need min_shingles >= 1 and "
			       "max_chars >= the shingle length",
			       o->min_shingles, o->max_chars);
	d = xcalloc(1, sizeof(*d));
	d->opt = *o;
	d->nhash = o->bands * o->rows;
	d->mul = xmalloc((size_t)d->nhash * sizeof(uint64_t));
	d->add = xmalloc((size_t)d->nhash * sizeof(uint64_t));
	state = o->seed;
	for (int i = 0; i < d->nhash; i++) {
		d->mul[i] = rng_splitmix64(&state) | 1;
		d->add[i] = rng_splitmix64(&state);
	}
	d->ring_cap = 1024;
	d->ring = xcalloc(d->ring_cap, sizeof(*d->ring));
	d->nbuckets = 1u << 16;
	d->bucket = xmalloc(d->nbuckets * sizeof(uint32_t));
	memset(d->bucket, 0xff, d->nbuckets * sizeof(uint32_t));
	d->pool_cap = 1u << 14;
	d->pool = xmalloc(d->pool_cap * sizeof(*d->pool));
	map_init(&d->keys, 1024);
	map_init(&d->fwd, 16);
	d->cps_cap = 2 * (size_t)o->max_chars + 1; /* characters and sentence breaks */
	d->cps = xmalloc(d->cps_cap * sizeof(uint32_t));
	d->sig = xmalloc((size_t)d->nhash * sizeof(uint32_t));
	d->bandkey = xmalloc(2 * (size_t)o->bands * sizeof(uint32_t));
	*out = d;
	return 0;
}

void dedup_free(struct dedup *d)
{
	if (!d)
		return;
	for (uint64_t s = d->head; s < d->tail; s++)
		free(d->ring[s & (d->ring_cap - 1)].sh);
	free(d->ring);
	free(d->mul);
	free(d->add);
	free(d->bucket);
	free(d->pool);
	free(d->keys.slot);
	free(d->fwd.slot);
	free(d->cps);
	free(d->sig);
	free(d->bandkey);
	free(d->merges);
	free(d);
}

static size_t dedup_bytes(const struct dedup *d)
{
	return sizeof(*d) + d->ring_cap * sizeof(*d->ring) + d->shingle_bytes +
	       d->nbuckets * sizeof(uint32_t) + d->pool_cap * sizeof(*d->pool) +
	       (d->keys.cap + d->fwd.cap) * sizeof(struct dedup_slot) +
	       d->cps_cap * sizeof(uint32_t) + d->merges_cap * sizeof(struct dedup_merge) +
	       (size_t)d->nhash * (2 * sizeof(uint64_t) + sizeof(uint32_t));
}

void dedup_stats(const struct dedup *d, struct dedup_stats *st)
{
	*st = d->st;
	st->live = (long)(d->tail - d->head);
	st->bytes = dedup_bytes(d);
}

size_t dedup_merges_take(struct dedup *d, struct dedup_merge **out)
{
	size_t n = d->nmerges;

	*out = d->merges;
	d->merges = NULL;
	d->nmerges = d->merges_cap = 0;
	return n;
}

/* ---- the ring and the LSH index ---------------------------------------------------- */

static struct dedup_rec *ring_at(const struct dedup *d, uint64_t seq)
{
	return &d->ring[seq & (d->ring_cap - 1)];
}

static int seq_live(const struct dedup *d, uint32_t seq32)
{
	return (uint32_t)(seq32 - (uint32_t)d->head) < (uint32_t)(d->tail - d->head);
}

static void ring_grow(struct dedup *d)
{
	size_t cap = d->ring_cap * 2;
	struct dedup_rec *ring = xcalloc(cap, sizeof(*ring));

	for (uint64_t s = d->head; s < d->tail; s++)
		ring[s & (cap - 1)] = *ring_at(d, s);
	free(d->ring);
	d->ring = ring;
	d->ring_cap = cap;
}

/* Forget the adverts that fell out of the window. */
static void ring_evict(struct dedup *d)
{
	int32_t cutoff = d->max_day - d->opt.window_days;

	while (d->head < d->tail && ring_at(d, d->head)->day < cutoff) {
		struct dedup_rec *r = ring_at(d, d->head);
		d->shingle_bytes -= r->nsh * sizeof(uint32_t);
		free(r->sh);
		memset(r, 0, sizeof(*r));
		d->head++;
	}
}

/* Size the buckets to the pool (at most one entry per bucket on average)
 * and link every entry in, oldest first, so chains run newest first. */
static void lsh_relink(struct dedup *d)
{
	size_t want = d->nbuckets;

	while (want < d->pool_cap && want < ((size_t)1 << 30))
		want *= 2;
	if (want != d->nbuckets) {
		free(d->bucket);
		d->nbuckets = want;
		d->bucket = xmalloc(want * sizeof(uint32_t));
	}
	memset(d->bucket, 0xff, d->nbuckets * sizeof(uint32_t));
	for (size_t i = 0; i < d->pool_n; i++) {
		uint32_t b = d->pool[i].key & (uint32_t)(d->nbuckets - 1);
		d->pool[i].next = d->bucket[b];
		d->bucket[b] = (uint32_t)i;
	}
}

/* Drop stale LSH entries, relink the rest, fold the forward map into the
 * live adverts and clear it. */
static void dedup_compact(struct dedup *d)
{
	size_t live = 0;

	for (uint64_t s = d->head; s < d->tail; s++) {
		struct dedup_rec *r = ring_at(d, s);
		r->cluster = cluster_find(d, r->cluster, &r->cluster_day);
	}
	if (d->fwd.n) {
		map_rebuild(d, &d->keys, d->keys.cap, key_still_useful);
		free(d->fwd.slot);
		map_init(&d->fwd, 16);
	}
	for (size_t i = 0; i < d->pool_n; i++)
		if (seq_live(d, d->pool[i].seq))
			d->pool[live++] = d->pool[i];
	d->pool_n = live;
	lsh_relink(d);
}

static void lsh_insert(struct dedup *d, uint32_t key, uint32_t seq32)
{
	uint32_t b;

	if (d->pool_n == d->pool_cap) {
		dedup_compact(d);
		/* grow when live entries fill more than half the pool */
		if (d->pool_n * 2 > d->pool_cap) {
			d->pool_cap *= 2;
			d->pool = xrealloc(d->pool, d->pool_cap * sizeof(*d->pool));
			lsh_relink(d);
		}
	}
	b = key & (uint32_t)(d->nbuckets - 1);
	d->pool[d->pool_n] = (struct dedup_entry){key, seq32, d->bucket[b]};
	d->bucket[b] = (uint32_t)d->pool_n;
	d->pool_n++;
}

/* ---- text ------------------------------------------------------------------------- */

/* Is cp a letter, digit or ideograph (what shingles are made of)? */
static int shingle_char(uint32_t cp)
{
	if (cp < 0x80)
		return isalnum((int)cp);
	if (cp == TEXT_REPLACEMENT_CHAR)
		return 0;
	/* general punctuation, symbols, CJK punctuation, full-width forms */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF65) || cp == 0x00B7 ||
	    (cp >= 0x00A0 && cp <= 0x00BF))
		return 0;
	return 1;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Does cp end a sentence? (After text_normalize(): full-width ！？； are
 * ASCII by then; white space, line breaks included, is one space.) */
static int sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF61 || cp == '!' || cp == '?' || cp == ';';
}

static uint32_t shingle_hash(uint64_t seed, const uint32_t *cp, size_t k)
{
	uint64_t h = seed ^ k;

	for (size_t j = 0; j < k; j++)
		h = rng_mix64(h ^ cp[j]);
	return (uint32_t)(h >> 32);
}

/* The sorted distinct shingle hashes of text into a new array (*n of
 * them); NULL when there are fewer than min_shingles. Shingles stay inside
 * a sentence (split at 。 ! ? ;), so sites reordering sentences, the
 * commonest repost edit, change nothing; a sentence shorter than a shingle
 * is one shingle. */
static uint32_t *dedup_shingles(struct dedup *d, const char *text, uint32_t *n)
{
	char *t = text_normalize(text ? text : "");
	const char *p = t;
	size_t nc = 0, k = (size_t)d->opt.shingle_chars, ns = 0, start = 0, chars = 0;
	uint32_t cp, *sh;

	*n = 0;
	/* letters, digits and ideographs, 0 between sentences */
	while (chars < (size_t)d->opt.max_chars && (cp = text_utf8_next(&p)) != 0) {
		if (shingle_char(cp)) {
			d->cps[nc++] = cp < 0x80 ? (uint32_t)tolower((int)cp) : cp;
			chars++;
		} else if (sentence_end(cp) && nc && d->cps[nc - 1] != 0) {
			d->cps[nc++] = 0;
		}
	}
	free(t);
	sh = xmalloc((nc + 1) * sizeof(uint32_t));
	for (size_t i = 0; i <= nc; i++) {
		if (i < nc && d->cps[i] != 0)
			continue;
		/* the sentence [start, i) */
		if (i - start >= k)
			for (size_t j = start; j + k <= i; j++)
				sh[ns++] = shingle_hash(d->opt.seed, d->cps + j, k);
		else if (i > start)
			sh[ns++] = shingle_hash(d->opt.seed, d->cps + start, i - start);
		start = i + 1;
	}
	if (ns) {
		size_t w = 1;
		qsort(sh, ns, sizeof(uint32_t), cmp_u32);
		for (size_t i = 1; i < ns; i++)
			if (sh[i] != sh[w - 1])
				sh[w++] = sh[i];
		ns = w;
	}
	if (ns < (size_t)d->opt.min_shingles) {
		free(sh);
		return NULL;
	}
	*n = (uint32_t)ns;
	return xrealloc(sh, ns * sizeof(uint32_t));
}

/* MinHash signature of the shingles, then one 32-bit key per band. */
static void dedup_band_keys(struct dedup *d, const uint32_t *sh, uint32_t n)
{
	int nh = d->nhash;

	for (int i = 0; i < nh; i++)
		d->sig[i] = UINT32_MAX;
	for (uint32_t s = 0; s < n; s++) {
		uint64_t x = sh[s];
		for (int i = 0; i < nh; i++) {
			uint32_t h = (uint32_t)((d->mul[i] * x + d->add[i]) >> 32);
			if (h < d->sig[i])
				d->sig[i] = h;
		}
	}
	for (int b = 0; b < d->opt.bands; b++) {
		uint64_t h = rng_mix64(d->opt.seed ^ (uint64_t)(b + 1));
		for (int r = 0; r < d->opt.rows; r++)
			h = rng_mix64(h ^ d->sig[b * d->opt.rows + r]);
		d->bandkey[b] = (uint32_t)h;
	}
}

/* The LSH keys of an advert into d->bandkey; returns how many. With
 * near_same_field each band is filed twice, under band + company and under
 * band + title + district, so a lookup meets only adverts that may qualify:
 * templated texts of many employers no longer share chains. Without it,
 * each band is filed once as it is. */
static int dedup_lsh_keys(struct dedup *d, uint32_t company_h, uint32_t title_h)
{
	int n = 0, bands = d->opt.bands;

	if (!d->opt.near_same_field)
		return bands;
	/* the keys are rewritten in place: work from a copy */
	{
		uint32_t tmp[DEDUP_MAX_HASHES];
		memcpy(tmp, d->bandkey, (size_t)bands * sizeof(uint32_t));
		for (int b = 0; b < bands; b++) {
			if (company_h)
				d->bandkey[n++] = (uint32_t)rng_mix64(
					(uint64_t)tmp[b] << 32 ^ company_h ^ 0x6300000000000000ULL);
			if (title_h)
				d->bandkey[n++] = (uint32_t)rng_mix64(
					(uint64_t)tmp[b] << 32 ^ title_h ^ 0x7400000000000000ULL);
		}
	}
	return n;
}

static double jaccard(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
	uint32_t i = 0, j = 0, inter = 0;

	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			inter++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	return (double)inter / (double)(na + nb - inter);
}

/* The exact key's 64-bit hash: each field with ASCII case and spaces
 * ignored, fields separated. 0 when company or title is empty. */
static uint64_t exact_key(uint64_t seed, const char *company, const char *title,
			  const char *district)
{
	const char *field[3] = {company ? company : "", title ? title : "",
				district ? district : ""};
	uint64_t h = RNG_FNV_OFFSET ^ seed;
	size_t len[2] = {0, 0};

	for (int f = 0; f < 3; f++) {
		for (const char *p = field[f]; *p; p++) {
			unsigned char c = (unsigned char)*p;
			if (c == ' ')
				continue;
			c = (unsigned char)tolower(c);
			h = (h ^ c) * 0x100000001b3ULL;
			if (f < 2)
				len[f]++;
		}
		h = (h ^ 0x1f) * 0x100000001b3ULL; /* field separator */
	}
	if (!len[0] || !len[1])
		return 0;
	h = rng_mix64(h);
	return h ? h : 1;
}

/* A 32-bit hash of one key field, ASCII case and spaces ignored; 0 for
 * an empty field. */
static uint32_t field_hash(uint64_t seed, const char *s)
{
	uint64_t h = RNG_FNV_OFFSET ^ seed;
	int any = 0;

	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ')
			continue;
		h = (h ^ (unsigned char)tolower(c)) * 0x100000001b3ULL;
		any = 1;
	}
	if (!any)
		return 0;
	h = rng_mix64(h) >> 32;
	return h ? (uint32_t)h : 1;
}

/* ---- adding an advert --------------------------------------------------------------- */

struct dedup_join {
	int64_t cluster;
	int32_t day;
};

static void join_add(struct dedup_join *j, int *n, int max, int64_t cluster, int32_t day)
{
	for (int i = 0; i < *n; i++)
		if (j[i].cluster == cluster)
			return;
	if (*n < max)
		j[(*n)++] = (struct dedup_join){cluster, day};
}

static void merge_push(struct dedup *d, int64_t from, int64_t into)
{
	if (d->nmerges == d->merges_cap) {
		d->merges_cap = d->merges_cap ? d->merges_cap * 2 : 16;
		d->merges = xrealloc(d->merges, d->merges_cap * sizeof(*d->merges));
	}
	d->merges[d->nmerges++] = (struct dedup_merge){from, into};
	d->st.merges++;
}

int64_t dedup_add(struct dedup *d, int64_t id, int32_t day, const char *company, const char *title,
		  const char *district, const char *description, struct dedup_result *res)
{
	enum { MAX_JOIN = 16 };
	struct dedup_join join[MAX_JOIN];
	int njoin = 0, by_key = 0;
	int32_t window = d->opt.window_days;
	uint64_t key = exact_key(d->opt.seed, company, title, district);
	uint32_t company_h = field_hash(d->opt.seed, company);
	uint32_t title_h = field_hash(d->opt.seed, title);
	uint32_t nsh = 0, *sh;
	int nkeys = 0;
	double best = 0;
	int64_t cluster = id;
	int32_t cluster_day = day;
	struct dedup_rec *rec;
	size_t bytes;

	/* the title counts together with its district: one title is common
	 * across the city, one title in one county much less so */
	if (title_h)
		title_h = (uint32_t)rng_mix64((uint64_t)title_h << 32 |
					      field_hash(d->opt.seed, district)) |
			  1;

	if (!d->have_day || day > d->max_day) {
		d->max_day = day;
		d->have_day = 1;
		ring_evict(d);
	}
	d->query++;

	/* 1. the exact key */
	if (key) {
		const struct dedup_slot *s = map_find(&d->keys, key);
		if (s) {
			int32_t cday = s->day;
			int64_t c = cluster_find(d, s->cluster, &cday);
			if (day - cday <= window && cday - day <= window) {
				join_add(join, &njoin, MAX_JOIN, c, cday);
				by_key = 1;
			}
		}
	}

	/* 2. near-duplicate descriptions */
	sh = dedup_shingles(d, description, &nsh);
	if (sh) {
		long checked = 0;
		dedup_band_keys(d, sh, nsh);
		nkeys = dedup_lsh_keys(d, company_h, title_h);
		for (int b = 0; b < nkeys && checked < DEDUP_MAX_CANDIDATES; b++) {
			uint32_t k = d->bandkey[b];
			int chain = 0;
			for (uint32_t e = d->bucket[k & (uint32_t)(d->nbuckets - 1)];
			     e != DEDUP_NONE && checked < DEDUP_MAX_CANDIDATES &&
			     chain < DEDUP_MAX_CHAIN;
			     e = d->pool[e].next) {
				const struct dedup_entry *en = &d->pool[e];
				struct dedup_rec *r;
				double jac;
				int32_t cday;
				int64_t c;

				if (en->key != k)
					continue;
				if (chain++, !seq_live(d, en->seq))
					continue;
				r = ring_at(d, d->head + (uint32_t)(en->seq - (uint32_t)d->head));
				if (r->stamp == d->query || !r->sh)
					continue;
				/* a repost keeps its employer, or its title in its district */
				if (d->opt.near_same_field &&
				    !(company_h && company_h == r->company_h) &&
				    !(title_h && title_h == r->title_h))
					continue;
				r->stamp = d->query;
				checked++;
				jac = jaccard(sh, nsh, r->sh, r->nsh);
				if (jac > best)
					best = jac;
				if (jac < d->opt.jaccard_min)
					continue;
				cday = r->cluster_day;
				c = cluster_find(d, r->cluster, &cday);
				if (day - cday <= window && cday - day <= window)
					join_add(join, &njoin, MAX_JOIN, c, cday);
			}
		}
		d->st.candidates += checked;
	}

	/* 3. join: the cluster with the earliest first advert survives */
	if (njoin) {
		int w = 0;
		for (int i = 1; i < njoin; i++)
			if (join[i].day < join[w].day ||
			    (join[i].day == join[w].day && join[i].cluster < join[w].cluster))
				w = i;
		cluster = join[w].cluster;
		cluster_day = join[w].day;
		for (int i = 0; i < njoin; i++)
			if (i != w) {
				map_put(d, &d->fwd, (uint64_t)join[i].cluster, cluster, cluster_day,
					0);
				merge_push(d, join[i].cluster, cluster);
			}
		if (by_key)
			d->st.exact++;
		else
			d->st.near++;
	} else {
		d->st.clusters++;
	}
	if (key)
		map_put(d, &d->keys, key, cluster, cluster_day, 1);

	/* 4. remember the advert */
	if (d->tail - d->head == d->ring_cap)
		ring_grow(d);
	rec = ring_at(d, d->tail);
	*rec = (struct dedup_rec){id, cluster, day, cluster_day, nsh, 0, company_h, title_h, sh};
	d->shingle_bytes += nsh * sizeof(uint32_t);
	d->tail++; /* live before its entries go in: a compaction keeps them */
	if (sh)
		for (int b = 0; b < nkeys; b++)
			lsh_insert(d, d->bandkey[b], (uint32_t)(d->tail - 1));

	d->st.added++;
	if ((long)(d->tail - d->head) > d->st.peak_live)
		d->st.peak_live = (long)(d->tail - d->head);
	bytes = dedup_bytes(d);
	if (bytes > d->st.peak_bytes)
		d->st.peak_bytes = bytes;
	if (res) {
		res->cluster = cluster;
		res->match = njoin ? (by_key ? DEDUP_EXACT : DEDUP_NEAR) : DEDUP_NEW;
		res->jaccard = best;
	}
	return cluster;
}
