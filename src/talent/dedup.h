/* dedup.h - grouping reposted job adverts into postings, as a stream.
 *
 * Sites repost the same advert every few weeks and several sites carry the
 * same job, so raw adverts overstate demand; the platform keeps every
 * advert and counts clusters ("unique postings"). Two rules, after
 * Lightcast's and Textkernel's published practice (sources in
 * docs/internals/talent.md):
 *   1. exact key: the same normalised company, cleaned title and district
 *      within window_days (60) of the cluster's first advert joins that
 *      cluster; a repost after the window starts a new cluster;
 *   2. near-duplicate: a description whose character-shingle Jaccard
 *      similarity with an earlier advert's is at least jaccard_min (0.8),
 *      found through MinHash-LSH and then checked exactly, joins that
 *      advert's cluster, again only within window_days of its first advert,
 *      and (near_same_field) only when the two share the company or the
 *      title. Shingles stay inside a sentence, so reordered sentences match.
 * When one advert matches several clusters they are united (union-find):
 * the cluster whose first advert is earliest survives, and the others are
 * reported as merges so the caller can relabel what it already stored.
 *
 * Adverts are fed in date order, one call each; the context keeps only the
 * adverts of the last window_days (their shingle sets and LSH entries) and
 * the keys of clusters still inside the window, so memory stays bounded by
 * the busiest window, not by the whole stream. Results are deterministic:
 * every hash is seeded from opt.seed. No I/O. */
#ifndef TVET_TALENT_DEDUP_H
#define TVET_TALENT_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct dedup_opt {
	int window_days;     /* 60: how long after a cluster's first advert reposts join it */
	int shingle_chars;   /* 5: characters per shingle of the description */
	int bands;	     /* 16 LSH bands ... */
	int rows;	     /* ... of 8 MinHash values each (bands * rows <= 512) */
	double jaccard_min;  /* 0.8: shingle Jaccard a near-duplicate reaches */
	int min_shingles;    /* 8: shorter descriptions are never near-duplicates */
	int max_chars;	     /* 4000: characters of a description read */
	int near_same_field; /* 1: a near-duplicate must also have the same company or
			      * the same title (0: the text alone decides) */
	uint64_t seed;	     /* seeds every hash */
};

/* The defaults above. */
void dedup_opt_default(struct dedup_opt *o);

struct dedup;

/* A new context in *out (free with dedup_free()). o NULL takes the
 * defaults. Returns 0, or ERR_USAGE with e filled when an option is out of
 * range (window_days 0-3650, shingle_chars 1-16, bands and rows >= 1 with
 * bands * rows <= 512, jaccard_min in (0, 1], min_shingles >= 1,
 * max_chars >= shingle_chars). */
int dedup_new(struct dedup **out, const struct dedup_opt *o, struct err *e) WUR;
void dedup_free(struct dedup *d);

enum dedup_match {
	DEDUP_NEW,   /* the first advert of a new cluster */
	DEDUP_EXACT, /* joined by the exact key (perhaps also by text) */
	DEDUP_NEAR   /* joined by its description only */
};

struct dedup_result {
	int64_t cluster; /* the id of the cluster's first advert */
	enum dedup_match match;
	double jaccard; /* best Jaccard among the checked candidates, 0 if none */
};

/* Add the advert id posted on day (days since 1970-01-01; see
 * posting_date_days()) and return its cluster id: id itself for a new
 * cluster, else the id of the first advert of the cluster it joined.
 * company, title and district are the key fields as the pipeline
 * normalised them - posting_company_norm(), posting_title_clean() and the
 * county code of posting_place_code() - compared with ASCII case and
 * spaces ignored; the exact key is used only when company and title are
 * both non-empty. Any string may be NULL (read as ""). description is the
 * raw text; its letters, digits and ideographs (punctuation and spaces
 * dropped, ASCII lower-cased, after text_normalize()) are shingled. res
 * (may be NULL) receives the details. Adverts should come in date order:
 * adverts older than window_days before the latest day seen are forgotten. */
int64_t dedup_add(struct dedup *d, int64_t id, int32_t day, const char *company, const char *title,
		  const char *district, const char *description, struct dedup_result *res);

/* A cluster united into an earlier one: every advert the caller stored
 * with cluster `from` belongs to `into`. */
struct dedup_merge {
	int64_t from, into;
};

/* The merges since the last call, in the order they happened (apply them
 * in that order), in *out (the caller frees it; NULL when none). Returns
 * their number. */
size_t dedup_merges_take(struct dedup *d, struct dedup_merge **out);

struct dedup_stats {
	long added;	 /* adverts added */
	long clusters;	 /* new clusters started */
	long exact;	 /* adverts joined by the exact key */
	long near;	 /* adverts joined by their description only */
	long merges;	 /* clusters united into another */
	long candidates; /* candidate pairs whose Jaccard was computed */
	long live;	 /* adverts held now (inside the window) */
	long peak_live;	 /* most adverts held at once */
	size_t bytes;	 /* memory held now, all structures */
	size_t peak_bytes;
};

void dedup_stats(const struct dedup *d, struct dedup_stats *st);

#endif
