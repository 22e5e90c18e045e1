/* classify.h - coding job postings to occupations of the 2022 大典.
 *
 * Two stages, as occupation autocoders do it (O*NET-SOC AutoCoder,
 * occupationcoder, the census coders; docs/methods/talent-analytics.md §2):
 *   1. a dictionary: the cleaned title exactly equal to an occupation name
 *      or a curated alias (data/talent/occupation_aliases.csv) codes the
 *      posting with confidence 1;
 *   2. a linear model: multinomial logistic regression over hashed
 *      character 1-3-grams of the cleaned title (weighted higher) and of
 *      the description, trained by SGD; its probability is the confidence.
 * Below a threshold at 细类 the result falls back to the 小类 or 中类 whose
 * summed probability reaches its threshold, else to no code at all; such
 * results are flagged for the review queue.
 *
 * Occupation codes are the 大典's: 细类 "6-18-02-04", 小类 "6-18-02", 中类
 * "6-18" (a coarser code is a prefix of the finer one). The model knows the
 * 细类 it was trained on, nothing else.
 *
 * Pure computation apart from the three named files (the model file and
 * the two dictionary CSVs): no store, no globals. A trained or loaded
 * classifier and a dictionary are read-only afterwards, so many threads may
 * predict with them at once. Same data and options (seed included) give the
 * same model, byte for byte, with the same compiler and flags.
 *
 * Formats, choices and measured accuracy: docs/internals/classify.md. */
#ifndef TVET_CLASSIFY_H
#define TVET_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define CLASSIFY_CODE_MAX 16 /* bytes of a code, NUL included ("6-18-02-04" is 10) */
#define CLASSIFY_MAX_TOP 10  /* most candidates a result holds */

/* Limits on the text the features read: longer titles and descriptions
 * are read up to this many characters (code points), the rest ignored. */
#define CLASSIFY_TITLE_MAX_CHARS 200
#define CLASSIFY_DESC_MAX_CHARS 3000

/* Levels of the 大典 hierarchy, numbered by depth (大类 = 1 is not used). */
enum classify_level {
	CLASSIFY_LEVEL_NONE = 0,   /* no code reached its threshold */
	CLASSIFY_LEVEL_MIDDLE = 2, /* 中类, "6-18" */
	CLASSIFY_LEVEL_MINOR = 3,  /* 小类, "6-18-02" */
	CLASSIFY_LEVEL_FINE = 4	   /* 细类, "6-18-02-04" */
};

enum classify_source {
	CLASSIFY_SOURCE_NONE = 0, /* nothing to go on: no dictionary hit, no model */
	CLASSIFY_SOURCE_DICT = 1, /* the cleaned title is a name or alias */
	CLASSIFY_SOURCE_MODEL = 2 /* the linear model */
};

/* Training and decision options. classify_opts_init() sets the defaults
 * (the values below); zero fields are NOT defaults, so always init first. */
struct classify_opts {
	int hash_bits; /* feature space 2^hash_bits buckets, 16..22 (18) */
	/* Weight of the title block against the description block's 1 (0.5).
	 * Each block is L2-normalised first, so one title n-gram (of ~15)
	 * still weighs about sqrt(300/15) * 0.5 = 2.2 times one description
	 * n-gram (of ~300): the title is weighted higher per n-gram. */
	double title_weight;
	int epochs;		 /* passes of SGD over the training set, 1..100 (4) */
	double learning_rate;	 /* SGD step at t = 0, > 0 (0.5) */
	double l2;		 /* L2 regularisation lambda, >= 0 (1e-6) */
	uint64_t seed;		 /* shuffling order (20251231) */
	double threshold_fine;	 /* code at 细类 when its probability >= this (0.5) */
	double threshold_minor;	 /* else at 小类 when the summed probability >= this (0.5) */
	double threshold_middle; /* else at 中类 likewise (0.5); else no code */
};

void classify_opts_init(struct classify_opts *o);

struct classify_candidate {
	char code[CLASSIFY_CODE_MAX]; /* a 细类 */
	double score;		      /* 1 for a dictionary hit, else the model's probability */
};

struct classify_result {
	char code[CLASSIFY_CODE_MAX]; /* at `level`; "" when level is NONE */
	enum classify_level level;
	double confidence; /* probability of `code` (summed over its 细类 when coarser);
				       * for NONE the best 中类 sum; 1 for a dictionary hit; 0 when
				       * there was nothing to go on */
	enum classify_source source;
	int needs_review; /* 1 unless coded at 细类: the review queue takes it */
	size_t ncand;	  /* candidates filled, <= the k asked for */
	/* Best first: a dictionary hit first (score 1), then the model's 细类 by
	 * probability. */
	struct classify_candidate cand[CLASSIFY_MAX_TOP];
};

/* ---- titles ------------------------------------------------------------ */

/* A new string (the caller frees it): title as the dictionary and the
 * model read it. text_normalize() first (full-width to half-width, white
 * space folded), ASCII letters to lower case, bracketed notes removed
 * wherever they are ("（双休）", "(定海)", "【急聘】", "[...]", "〔...〕"),
 * advertising words removed from either end ("急招", "急聘", "诚聘", "高薪",
 * "直招", "热招", "包吃住", "五险一金", "双休", ...), spaces kept only between
 * two ASCII letters or digits, punctuation trimmed from the ends. When
 * nothing would be left, the title with only its brackets removed ("" when
 * that is empty too). title NULL reads as "". */
char *classify_clean_title(const char *title);

/* ---- the dictionary ---------------------------------------------------- */

struct classify_dict;

struct classify_dict *classify_dict_new(void);
void classify_dict_free(struct classify_dict *d); /* NULL is fine */

/* Add name -> code (code a 细类, "d-dd-dd-dd"). name is cleaned as a
 * title is; an empty cleaned name is ignored. The same name for two codes
 * makes it ambiguous: it then matches nothing (a guess would be worse than
 * the model). Returns 0, or ERR_INPUT for a code that is not a 细类 code. */
int classify_dict_add(struct classify_dict *d, const char *name, const char *code,
		      struct err *e) WUR;

/* Add the 细类 rows of the 大典 catalogue (data/reference/occupations_2022.csv:
 * a header with columns code, level and name; level "细类" rows are taken).
 * Returns 0; ERR_IO when the file cannot be read; ERR_INPUT (with file and
 * row) for a missing column, a broken line or a bad code. */
int classify_dict_load_occupations(struct classify_dict *d, const char *path, struct err *e) WUR;

/* Add aliases from a CSV with columns alias and occupation_code (others are
 * ignored; data/talent/occupation_aliases.csv). Errors as above. */
int classify_dict_load_aliases(struct classify_dict *d, const char *path, struct err *e) WUR;

/* The 细类 code of title (cleaned here) or NULL when it is no name or alias
 * or an ambiguous one. The pointer lives as long as d. */
const char *classify_dict_lookup(const struct classify_dict *d, const char *title);

/* Names (unambiguous and ambiguous) held. */
size_t classify_dict_size(const struct classify_dict *d);
size_t classify_dict_ambiguous(const struct classify_dict *d);

/* ---- the model ---------------------------------------------------------- */

struct classifier;

/* Train a model on n labelled postings: titles[i] and descs[i] (either may
 * be NULL or "") labelled with the 细类 labels[i]. o NULL means defaults.
 * On success *out owns a new classifier (classify_free). Returns 0;
 * ERR_USAGE for options out of range or n == 0; ERR_INPUT naming the row
 * (0-based) of the first label that is not a 细类 code. */
int classify_train(const char *const *titles, const char *const *descs, const char *const *labels,
		   size_t n, const struct classify_opts *o, struct classifier **out,
		   struct err *e) WUR;

void classify_free(struct classifier *c); /* NULL is fine */

/* The 细类 the model can predict, sorted, and the options it was trained
 * with (thresholds as they are now). */
size_t classify_nlabels(const struct classifier *c);
const char *classify_label(const struct classifier *c, size_t i);
void classify_get_opts(const struct classifier *c, struct classify_opts *o);

/* Change the decision thresholds (each in [0, 1]; others are kept as they
 * are). Saved with the model. Returns 0 or ERR_USAGE. */
int classify_set_thresholds(struct classifier *c, double fine, double minor, double middle,
			    struct err *e) WUR;

/* Classify one posting into *r with at most k (<= CLASSIFY_MAX_TOP)
 * candidates. c or d may be NULL (dictionary only, model only). title and
 * desc may be NULL. Never fails. */
void classify_predict(const struct classifier *c, const struct classify_dict *d, const char *title,
		      const char *desc, size_t k, struct classify_result *r);

/* Write the model to path (through path.tmp and a rename, so a reader
 * never sees half a file). Returns 0 or ERR_IO. The format is binary,
 * little-endian, checksummed; docs/internals/classify.md describes it. */
int classify_save(const struct classifier *c, const char *path, struct err *e) WUR;

/* Read a model written by classify_save(). Returns 0; ERR_IO when the file
 * cannot be read; ERR_VERSION for another format or version; ERR_INPUT for
 * a damaged file (checksum, sizes, codes out of order). */
int classify_load(const char *path, struct classifier **out, struct err *e) WUR;

/* ---- evaluation ---------------------------------------------------------- */

/* Mark each of n postings for the test side (is_test[i] = 1) or the
 * training side (0) by its cleaned title: the same cleaned title always
 * lands on the same side, a share of about test_share (0..1) of the
 * distinct titles on the test side, chosen by a hash of the title and
 * seed. Returns the number of test postings. */
size_t classify_split_by_title(const char *const *titles, size_t n, double test_share,
			       uint64_t seed, unsigned char *is_test);

struct classify_level_eval {
	double top1, top3; /* share of postings whose true code is the best / among the best 3 */
	double macro_f1;   /* top-1 F1 averaged over the codes true or predicted at this level */
	size_t nclasses;   /* codes in that union */
};

struct classify_eval {
	size_t n;	  /* postings evaluated */
	size_t dict_hits; /* of them coded by the dictionary */
	/* Rankings at 细类, 小类, 中类: a 小类 or 中类 scores the sum of its 细类'
	 * probabilities; a dictionary hit ranks first. */
	struct classify_level_eval fine, minor, middle;
	/* The thresholded decision: how many were coded at each level
	 * (index = enum classify_level; 0 = no code) and how many of those
	 * were right at that level. */
	size_t decided[5], decided_right[5];
	double seconds;	   /* spent classifying (monotonic clock) */
	double per_second; /* n / seconds; 0 when too fast to time */
};

/* Classify n labelled postings with c and d (either may be NULL) and
 * measure. Returns 0, or ERR_INPUT naming the first row whose label is not
 * a 细类 code. */
int classify_evaluate(const struct classifier *c, const struct classify_dict *d,
		      const char *const *titles, const char *const *descs,
		      const char *const *labels, size_t n, struct classify_eval *ev,
		      struct err *e) WUR;

struct classify_holdout {
	size_t n_train, n_test;		  /* postings */
	size_t titles_train, titles_test; /* distinct cleaned titles */
	double train_seconds;
	struct classify_eval model;    /* the model alone (no dictionary) */
	struct classify_eval pipeline; /* dictionary d, then the model */
};

/* What `tvet talent evaluate` does: split the n postings by distinct
 * cleaned title (classify_split_by_title with o->seed), train on the
 * training side with o, evaluate on the test side once with the model
 * alone and once with d first (d may be NULL: both are the model alone).
 * With out_model non-NULL the trained model is handed over there.
 * Returns 0; ERR_USAGE when a side is empty; the errors of classify_train
 * and classify_evaluate. */
int classify_holdout_run(const char *const *titles, const char *const *descs,
			 const char *const *labels, size_t n, const struct classify_opts *o,
			 const struct classify_dict *d, double test_share,
			 struct classify_holdout *out, struct classifier **out_model,
			 struct err *e) WUR;

#endif
