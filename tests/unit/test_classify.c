/* test_classify.c - coding postings to occupations (talent/classify.h).
 *
 * The module's .c is included to reach the feature extractor, whose
 * vectors are checked against n-gram counts worked out by hand. Then: the
 * title cleaner on the forms the demo's and real adverts use; the
 * dictionary (ambiguity, the catalogue and alias files, bad files); the
 * decision on small hand-made models (a dictionary hit with confidence 1,
 * unknown text falling back below 细类, ties between two 细类 of one 小类
 * coded at the 小类, of two 小类 at the 中类); the model file (round trip,
 * damage detected); the split by title; the metrics on a dictionary-only
 * case computed by hand; and the accuracy on the demo city's postings,
 * held out by distinct title, against floors the measurement justifies
 * (docs/internals/classify.md has the figures). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "talent/classify.c"

#include "demo/demo.h"
#include "ingest/plandef.h"
#include "ingest/refdata.h"
#include "store/store.h"
#include "unit/testlib.h"

#define OCCUPATIONS TVET_DATADIR "/reference/occupations_2022.csv"
#define ALIASES TVET_DATADIR "/talent/occupation_aliases.csv"

/* Demo postings the accuracy test trains and tests on: a fifth of the
 * default 60,000 keeps the test under a few seconds and still gives every
 * one of the demo's 86 occupations dozens of adverts. */
#define DEMO_POSTINGS 12000L

/* Floors on the held-out demo split (measured: see accuracy_on_demo). */
#define FLOOR_MODEL_FINE_TOP1 0.97
#define FLOOR_MODEL_FINE_TOP3 0.99
#define FLOOR_MODEL_MINOR_TOP1 0.97
#define FLOOR_MODEL_MIDDLE_TOP1 0.98
#define FLOOR_MODEL_FINE_F1 0.90
#define FLOOR_PIPELINE_FINE_TOP1 0.93

/* ---- helpers ---- */

static void expect_clean(const char *title, const char *want)
{
	char *got = classify_clean_title(title);

	if (strcmp(got, want) != 0)
		fail_msg("clean('%s') = '%s', want '%s'", title ? title : "(null)", got, want);
	free(got);
}

/* The features of (title, desc) with the default options. */
static void features_of(const char *title, const char *desc, struct cls_fvec *f)
{
	struct cls_scratch s = {0};
	char *clean = classify_clean_title(title);

	f->n = 0;
	cls_features(&s, 18, 0.5, clean, desc, f);
	free(clean);
	cls_scratch_release(&s);
}

/* Count entries of f whose |value| is v (within 1e-6). */
static size_t count_abs(const struct cls_fvec *f, double v)
{
	size_t n = 0;

	for (size_t j = 0; j < f->n; j++)
		n += fabs(fabs(f->val[j]) - v) < 1e-6;
	return n;
}

static double norm_of(const struct cls_fvec *f)
{
	double s = 0;

	for (size_t j = 0; j < f->n; j++)
		s += (double)f->val[j] * f->val[j];
	return sqrt(s);
}

/* A small model: each (title, desc, label) row repeated `times` times. */
static struct classifier *train_rows(const char *const rows[][3], size_t nrows, int times,
				     double fine, double minor, double middle)
{
	size_t n = nrows * (size_t)times;
	const char **t = xmalloc(n * sizeof(*t)), **d = xmalloc(n * sizeof(*d)),
		   **l = xmalloc(n * sizeof(*l));
	struct classify_opts o;
	struct classifier *c = NULL;
	struct err e;

	for (size_t i = 0; i < n; i++) {
		t[i] = rows[i % nrows][0];
		d[i] = rows[i % nrows][1];
		l[i] = rows[i % nrows][2];
	}
	classify_opts_init(&o);
	o.threshold_fine = fine;
	o.threshold_minor = minor;
	o.threshold_middle = middle;
	err_clear(&e);
	if (classify_train(t, d, l, n, &o, &c, &e) < 0)
		fail_msg("train: %s", e.msg);
	free(t);
	free(d);
	free(l);
	return c;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* ---- title cleaning ---- */

static void clean_title_forms(void **state)
{
	(void)state;
	expect_clean("急招电焊工（包吃住）", "电焊工");
	expect_clean("【急聘】氩弧焊工", "氩弧焊工");
	expect_clean("直招二保焊工（双休）", "二保焊工");
	expect_clean("工艺员（机加工）（急招）", "工艺员");
	expect_clean("铆工（船厂）", "铆工");
	expect_clean("ＣＮＣ操作员", "cnc操作员");
	expect_clean("高薪诚聘 船厂电焊工 五险一金", "船厂电焊工");
	expect_clean("Java 开发工程师", "java开发工程师");
	expect_clean("Office Word 文员", "office word文员");
	expect_clean("  电工 - ", "电工");
	expect_clean("招聘专员", "招聘专员"); /* 招聘 is a job here, not noise */
	expect_clean("双休", "双休");	      /* all noise: keep it rather than nothing */
	expect_clean("【急招】", "");
	expect_clean("", "");
	expect_clean(NULL, "");
}

/* ---- features ---- */

static void features_by_hand(void **state)
{
	struct cls_fvec f = {0};

	(void)state;
	/* "ab" framed ^ab$: a b ^a ab b$ ^ab ab$ = 7 n-grams once each */
	features_of("ab", NULL, &f);
	assert_int_equal(f.n, 7);
	assert_int_equal(count_abs(&f, 1 / sqrt(7.0)), 7);

	/* "aa": a twice, then ^a aa a$ ^aa aa$ once: norm sqrt(4 + 5) = 3 */
	features_of("aa", NULL, &f);
	assert_int_equal(f.n, 6);
	assert_int_equal(count_abs(&f, 2.0 / 3), 1);
	assert_int_equal(count_abs(&f, 1.0 / 3), 5);

	/* title "ab" (block 0.5, each 0.5/sqrt 7) + description "c" (1):
	 * squared norm 7 * 0.25 / 7 + 1 = 1.25 */
	features_of("ab", "c", &f);
	assert_int_equal(f.n, 8);
	assert_int_equal(count_abs(&f, 1 / sqrt(1.25)), 1);
	assert_int_equal(count_abs(&f, 0.5 / sqrt(7.0) / sqrt(1.25)), 7);

	/* punctuation breaks the description: "a，b" has a and b, no "ab" */
	features_of("", "a，b", &f);
	assert_int_equal(f.n, 2);
	assert_int_equal(count_abs(&f, 1 / sqrt(2.0)), 2);

	/* the title and description n-grams of one string are different
	 * features; upper and full-width forms are the same as plain ones */
	features_of("", "abc", &f);
	{
		struct cls_fvec g = {0};
		features_of("", "ＡＢＣ", &g);
		assert_int_equal(f.n, 6);
		assert_int_equal(g.n, 6);
		for (size_t j = 0; j < 6; j++) {
			assert_int_equal(f.idx[j], g.idx[j]);
			assert_true(f.val[j] == g.val[j]);
		}
		features_of("abc", NULL, &g);
		assert_int_equal(g.n, 10); /* ^a ^ab a ab abc b bc bc$ c c$ */
		for (size_t j = 0; j < g.n; j++)
			for (size_t i = 0; i < f.n; i++)
				assert_int_not_equal(f.idx[i], g.idx[j]);
		cls_fvec_release(&g);
	}
	assert_true(fabs(norm_of(&f) - 1) < 1e-6);

	/* nothing to read: no features at all */
	features_of("", "", &f);
	assert_int_equal(f.n, 0);
	cls_fvec_release(&f);
}

/* ---- the dictionary ---- */

static void dict_add_and_lookup(void **state)
{
	struct classify_dict *d = classify_dict_new();
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(classify_dict_add(d, "焊工", "6-18-02-04", &e), 0);
	assert_int_equal(classify_dict_add(d, "前台", "4-03-01-01", &e), 0);
	assert_int_equal(classify_dict_add(d, "前台", "3-01-01-01", &e), 0);
	assert_int_equal(classify_dict_add(d, "焊工", "6-18-02-04", &e), 0); /* repeat: fine */
	assert_int_equal(classify_dict_add(d, "【急招】", "6-18-02-04", &e),
			 0); /* empty: ignored */
	assert_int_equal(classify_dict_add(d, "焊工", "6-18-02", &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "6-18-02"));
	assert_int_equal(classify_dict_size(d), 2);
	assert_int_equal(classify_dict_ambiguous(d), 1);
	assert_string_equal(classify_dict_lookup(d, "急招焊工（双休）"), "6-18-02-04");
	assert_null(classify_dict_lookup(d, "前台"));	/* ambiguous */
	assert_null(classify_dict_lookup(d, "电焊工")); /* exact match only */
	assert_null(classify_dict_lookup(NULL, "焊工"));
	/* many names: the table grows and keeps them all */
	for (int i = 0; i < 2000; i++) {
		char name[32];
		snprintf(name, sizeof(name), "工种%d", i);
		assert_int_equal(classify_dict_add(d, name, "6-18-02-04", &e), 0);
	}
	assert_int_equal(classify_dict_size(d), 2002);
	assert_string_equal(classify_dict_lookup(d, "工种1999"), "6-18-02-04");
	assert_string_equal(classify_dict_lookup(d, "焊工"), "6-18-02-04");
	classify_dict_free(d);
}

/* The codes of the 细类 rows of the catalogue, read here independently. */
static int catalogue_has_fine(const char *code)
{
	FILE *fp = fopen(OCCUPATIONS, "r");
	char line[1024];
	int found = 0;

	assert_non_null(fp);
	while (!found && fgets(line, sizeof(line), fp)) {
		size_t n = strlen(code);
		found = strncmp(line, code, n) == 0 && line[n] == ',' &&
			strncmp(line + n + 1, "细类,", strlen("细类,")) == 0;
	}
	fclose(fp);
	return found;
}

static void dict_files(void **state)
{
	struct classify_dict *d = classify_dict_new();
	FILE *fp;
	char line[1024];
	size_t rows = 0;
	struct err e;

	(void)state;
	err_clear(&e);
	if (classify_dict_load_occupations(d, OCCUPATIONS, &e) < 0)
		fail_msg("%s", e.msg);
	/* the catalogue's 1,636 细类 names are distinct */
	assert_int_equal(classify_dict_size(d), 1636);
	assert_int_equal(classify_dict_ambiguous(d), 0);
	assert_string_equal(classify_dict_lookup(d, "焊工"), "6-18-02-04");
	assert_string_equal(classify_dict_lookup(d, "金属船体制造工"), "6-23-02-01");
	assert_null(classify_dict_lookup(d, "船舶修理")); /* 小类 names are not loaded */
	if (classify_dict_load_aliases(d, ALIASES, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(classify_dict_ambiguous(d), 0);

	/* every alias names a 细类 of the catalogue and is found as that */
	fp = fopen(ALIASES, "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof(line), fp)); /* header */
	while (fgets(line, sizeof(line), fp)) {
		char *alias = strtok(line, ","), *code = strtok(NULL, ",\n");
		assert_non_null(code);
		if (!catalogue_has_fine(code))
			fail_msg("alias '%s': %s is not a 细类 of the catalogue", alias, code);
		assert_string_equal(classify_dict_lookup(d, alias), code);
		rows++;
	}
	fclose(fp);
	assert_true(rows >= 50);
	assert_int_equal(classify_dict_size(d), 1636 + rows);
	classify_dict_free(d);
}

static void dict_bad_files(void **state)
{
	char dir[64], path[128];
	struct classify_dict *d = classify_dict_new();
	struct err e;

	(void)state;
	assert_int_equal(testlib_tmpdir(dir, sizeof(dir), "classify"), 0);
	snprintf(path, sizeof(path), "%s/a.csv", dir);

	err_clear(&e);
	assert_int_equal(classify_dict_load_aliases(d, "/nonexistent/x.csv", &e), ERR_IO);

	write_file(path, "name,occupation_code\n电焊工,6-18-02-04\n");
	assert_int_equal(classify_dict_load_aliases(d, path, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "alias"));

	write_file(path, "alias,occupation_code\n电焊工,6-18-02-04\n\n叉车司机,6-30-05\n");
	assert_int_equal(classify_dict_load_aliases(d, path, &e), ERR_INPUT);
	assert_int_equal(e.row, 3); /* data rows count from 1; the empty line counts */
	assert_int_equal(e.column, 2);
	assert_non_null(strstr(e.msg, "6-30-05"));

	write_file(path, "\xEF\xBB\xBF"
			 "alias,occupation_code\n\"电焊工\",6-18-02-04\n");
	err_clear(&e);
	assert_int_equal(classify_dict_load_aliases(d, path, &e), 0);
	assert_string_equal(classify_dict_lookup(d, "电焊工"), "6-18-02-04");

	write_file(path, "alias,occupation_code\n\"电焊工,6-18-02-04\n");
	assert_int_equal(classify_dict_load_aliases(d, path, &e), ERR_INPUT);
	write_file(path, "");
	assert_int_equal(classify_dict_load_aliases(d, path, &e), ERR_INPUT);

	classify_dict_free(d);
	assert_int_equal(testlib_rmtree(dir), 0);
}

/* ---- decisions on hand-made models ---- */

static const char *const rows_three[][3] = {
	{"电焊工", "负责钢结构焊接，持焊工证", "6-18-02-04"},
	{"车工", "操作普通车床加工轴类零件", "6-18-01-01"},
	{"快递员", "负责片区快递派送和揽收", "4-02-07-08"},
};

static void predict_dictionary_and_unknown(void **state)
{
	struct classifier *c = train_rows(rows_three, 3, 30, 0.5, 0.5, 0.5);
	struct classify_dict *d = classify_dict_new();
	struct classify_result r;
	struct err e;

	(void)state;
	assert_int_equal(classify_nlabels(c), 3);
	assert_string_equal(classify_label(c, 0), "4-02-07-08"); /* sorted */
	assert_null(classify_label(c, 3));

	/* a title seen in training, by the model */
	classify_predict(c, NULL, "车工", "加工零件", 3, &r);
	assert_int_equal(r.source, CLASSIFY_SOURCE_MODEL);
	assert_int_equal(r.level, CLASSIFY_LEVEL_FINE);
	assert_string_equal(r.code, "6-18-01-01");
	assert_true(r.confidence >= 0.5 && r.confidence <= 1);
	assert_int_equal(r.needs_review, 0);
	assert_int_equal(r.ncand, 3);
	assert_string_equal(r.cand[0].code, "6-18-01-01");
	assert_true(r.cand[0].score == r.confidence);
	assert_true(r.cand[0].score >= r.cand[1].score && r.cand[1].score >= r.cand[2].score);
	assert_true(fabs(r.cand[0].score + r.cand[1].score + r.cand[2].score - 1) < 1e-9);

	/* a title that is an alias: the dictionary, confidence 1, first
	 * candidate; the model's others follow without repeating it */
	err_clear(&e);
	assert_int_equal(classify_dict_add(d, "氩弧焊工", "6-18-02-04", &e), 0);
	classify_predict(c, d, "急招氩弧焊工（包吃住）", "派送快递", 3, &r);
	assert_int_equal(r.source, CLASSIFY_SOURCE_DICT);
	assert_int_equal(r.level, CLASSIFY_LEVEL_FINE);
	assert_string_equal(r.code, "6-18-02-04");
	assert_true(r.confidence == 1);
	assert_int_equal(r.needs_review, 0);
	assert_int_equal(r.ncand, 3);
	assert_string_equal(r.cand[0].code, "6-18-02-04");
	assert_true(r.cand[0].score == 1);
	assert_string_equal(r.cand[1].code, "4-02-07-08"); /* the text says 快递 */
	assert_string_not_equal(r.cand[2].code, "6-18-02-04");
	/* ... also with no model at all */
	classify_predict(NULL, d, "氩弧焊工", NULL, 5, &r);
	assert_int_equal(r.source, CLASSIFY_SOURCE_DICT);
	assert_int_equal(r.ncand, 1);

	/* text the model has never seen: only the biases speak, about 1/3 for
	 * each of the three balanced 细类, so below 0.5 at 细类 and at 小类 (one
	 * 细类 each); the 中类 6-18 holds two of them, about 2/3: coded there,
	 * and to the review queue */
	classify_predict(c, d, "qwxz", "zzqq xxvv", 3, &r);
	assert_int_equal(r.source, CLASSIFY_SOURCE_MODEL);
	assert_true(r.cand[0].score > 0.3 && r.cand[0].score < 0.37);
	assert_int_equal(r.level, CLASSIFY_LEVEL_MIDDLE);
	assert_string_equal(r.code, "6-18");
	assert_true(r.confidence > 0.6 && r.confidence < 0.7);
	assert_int_equal(r.needs_review, 1);
	assert_int_equal(r.ncand, 3);

	/* nothing at all */
	classify_predict(NULL, NULL, "qwxz", NULL, 3, &r);
	assert_int_equal(r.source, CLASSIFY_SOURCE_NONE);
	assert_int_equal(r.level, CLASSIFY_LEVEL_NONE);
	assert_string_equal(r.code, "");
	assert_int_equal(r.ncand, 0);
	assert_int_equal(r.needs_review, 1);

	/* k = 0 and k above the maximum */
	classify_predict(c, NULL, "车工", NULL, 0, &r);
	assert_int_equal(r.ncand, 0);
	assert_string_equal(r.code, "6-18-01-01");
	classify_predict(c, NULL, "车工", NULL, 99, &r);
	assert_int_equal(r.ncand, 3);

	classify_dict_free(d);
	classify_free(c);
}

/* Two 细类 of one 小类 (车工 6-18-01-01, 铣工 6-18-01-02) trained on the same
 * text get about 1/2 each for it: below a 细类 threshold of 0.7, their 小类
 * 6-18-01 sums to nearly 1. With 焊工 (6-18-02, same 中类 6-18) instead, the
 * two 小类 get 1/2 each and only the 中类 6-18 reaches 0.7. */
static void predict_falls_back(void **state)
{
	static const char *const same_minor[][3] = {
		{"机加工", "操作机床加工零件", "6-18-01-01"},
		{"机加工", "操作机床加工零件", "6-18-01-02"},
		{"快递员", "负责片区快递派送", "4-02-07-08"},
	};
	static const char *const same_middle[][3] = {
		{"机加工", "操作机床加工零件", "6-18-01-01"},
		{"机加工", "操作机床加工零件", "6-18-02-04"},
		{"快递员", "负责片区快递派送", "4-02-07-08"},
	};
	struct classifier *c = train_rows(same_minor, 3, 30, 0.7, 0.7, 0.7);
	struct classify_result r;
	struct err e;

	(void)state;
	classify_predict(c, NULL, "机加工", "操作机床加工零件", 3, &r);
	assert_true(r.cand[0].score > 0.4 && r.cand[0].score < 0.6);
	assert_true(r.cand[1].score > 0.4 && r.cand[1].score < 0.6);
	assert_int_equal(r.level, CLASSIFY_LEVEL_MINOR);
	assert_string_equal(r.code, "6-18-01");
	assert_true(r.confidence >= 0.9 && r.confidence <= 1);
	assert_true(fabs(r.confidence - r.cand[0].score - r.cand[1].score) < 1e-9);
	assert_int_equal(r.needs_review, 1);
	/* with the 细类 threshold lowered to 0.4 the better 细类 is taken */
	err_clear(&e);
	assert_int_equal(classify_set_thresholds(c, 0.4, 0.7, 0.7, &e), 0);
	classify_predict(c, NULL, "机加工", "操作机床加工零件", 3, &r);
	assert_int_equal(r.level, CLASSIFY_LEVEL_FINE);
	assert_int_equal(classify_set_thresholds(c, 1.5, 0.7, 0.7, &e), ERR_USAGE);
	classify_free(c);

	c = train_rows(same_middle, 3, 30, 0.7, 0.7, 0.7);
	classify_predict(c, NULL, "机加工", "操作机床加工零件", 3, &r);
	assert_int_equal(r.level, CLASSIFY_LEVEL_MIDDLE);
	assert_string_equal(r.code, "6-18");
	assert_true(r.confidence >= 0.9);
	assert_int_equal(r.needs_review, 1);
	classify_free(c);
}

static void train_refuses_bad_input(void **state)
{
	const char *t[] = {"电焊工", "车工"}, *d[] = {"焊接", "车床"};
	const char *bad[] = {"6-18-02-04", "6-18-01"};
	struct classify_opts o;
	struct classifier *c = (struct classifier *)1;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(classify_train(t, d, bad, 2, NULL, &c, &e), ERR_INPUT);
	assert_null(c);
	assert_non_null(strstr(e.msg, "row 1"));
	assert_int_equal(classify_train(t, d, bad, 0, NULL, &c, &e), ERR_USAGE);
	classify_opts_init(&o);
	o.hash_bits = 30;
	assert_int_equal(classify_train(t, d, bad, 1, &o, &c, &e), ERR_USAGE);
	classify_opts_init(&o);
	o.epochs = 0;
	assert_int_equal(classify_train(t, d, bad, 1, &o, &c, &e), ERR_USAGE);
	/* no descriptions at all is fine */
	assert_int_equal(classify_train(t, NULL, bad, 1, NULL, &c, &e), 0);
	classify_free(c);
}

/* ---- the model file ---- */

static void save_load_round_trip(void **state)
{
	char dir[64], path[128], cmd[512];
	struct classifier *c = train_rows(rows_three, 3, 10, 0.5, 0.5, 0.5), *back = NULL;
	struct classify_opts o;
	struct classify_result r1, r2;
	struct err e;
	FILE *fp;
	long size;

	(void)state;
	assert_int_equal(testlib_tmpdir(dir, sizeof(dir), "classify"), 0);
	snprintf(path, sizeof(path), "%s/occ.model", dir);
	err_clear(&e);
	assert_int_equal(classify_set_thresholds(c, 0.6, 0.55, 0.45, &e), 0);
	if (classify_save(c, path, &e) < 0)
		fail_msg("%s", e.msg);
	if (classify_load(path, &back, &e) < 0)
		fail_msg("%s", e.msg);
	classify_get_opts(back, &o);
	assert_true(o.threshold_fine == 0.6 && o.threshold_minor == 0.55 &&
		    o.threshold_middle == 0.45);
	assert_int_equal(o.hash_bits, 18);
	assert_true(o.title_weight == 0.5);
	assert_int_equal(classify_nlabels(back), 3);
	for (size_t k = 0; k < 3; k++)
		assert_string_equal(classify_label(back, k), classify_label(c, k));
	classify_predict(c, NULL, "焊工学徒", "焊接", 3, &r1);
	classify_predict(back, NULL, "焊工学徒", "焊接", 3, &r2);
	assert_memory_equal(&r1, &r2, sizeof(r1)); /* same probabilities, to the bit */
	classify_free(back);

	/* size: header + 3 labels (16 + 4) + rows (4 + 3 * 4) + checksum */
	fp = fopen(path, "rb");
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fclose(fp);
	assert_int_equal((size - CLS_HEADER_BYTES - 3 * 20 - 8) % 16, 0);
	assert_int_equal((size_t)(size - CLS_HEADER_BYTES - 3 * 20 - 8) / 16, c->nrows);

	/* a flipped weight byte: the checksum catches it */
	snprintf(cmd, sizeof(cmd),
		 "printf '\\377' | dd of='%s' bs=1 seek=%ld conv=notrunc 2>/dev/null", path,
		 size - 20);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(classify_load(path, &back, &e), ERR_INPUT);
	assert_null(back);
	assert_non_null(strstr(e.msg, "checksum"));
	/* cut short */
	snprintf(cmd, sizeof(cmd), "truncate -s %ld '%s'", size - 9, path);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(classify_load(path, &back, &e), ERR_INPUT);
	/* not a model */
	write_file(path, "alias,occupation_code\n电焊工,6-18-02-04\n");
	assert_int_equal(classify_load(path, &back, &e), ERR_VERSION);
	assert_int_equal(classify_load("/nonexistent/occ.model", &back, &e), ERR_IO);
	assert_int_equal(classify_save(c, "/nonexistent/occ.model", &e), ERR_IO);

	classify_free(c);
	assert_int_equal(testlib_rmtree(dir), 0);
}

/* ---- the split ---- */

static void split_by_distinct_title(void **state)
{
	const char *same[] = {"电焊工", "急招电焊工", "电焊工（双休）", "【急聘】电焊工（定海）"};
	unsigned char side[4], *many;
	const char **titles;
	char(*buf)[32];
	size_t ntest;

	(void)state;
	for (uint64_t seed = 1; seed <= 20; seed++) {
		classify_split_by_title(same, 4, 0.5, seed, side);
		for (int i = 1; i < 4; i++)
			assert_int_equal(side[i], side[0]);
	}
	/* 4,000 distinct titles: the share is 0.2 within 4 standard errors */
	titles = xmalloc(4000 * sizeof(*titles));
	buf = xmalloc(4000 * sizeof(*buf));
	many = xmalloc(4000);
	for (int i = 0; i < 4000; i++) {
		snprintf(buf[i], sizeof(buf[i]), "工种%d", i);
		titles[i] = buf[i];
	}
	ntest = classify_split_by_title(titles, 4000, 0.2, 20251231, many);
	assert_true(ntest > 800 - 4 * 25 && ntest < 800 + 4 * 25);
	assert_int_equal(classify_split_by_title(titles, 4000, 0, 1, many), 0);
	assert_int_equal(classify_split_by_title(titles, 4000, 1, 1, many), 4000);
	free(titles);
	free(buf);
	free(many);
}

/* ---- the metrics, by hand ---- */

/* Dictionary only (焊工 -> 6-18-02-04, 车工 -> 6-18-01-01), four postings:
 *   焊工  true 6-18-02-04: right at every level
 *   车工  true 6-18-02-04: wrong 细类 and 小类, right 中类 (6-18)
 *   车工  true 6-18-01-01: right
 *   某某  true 4-02-07-08: no prediction
 * 细类 and 小类: top-1 = top-3 = 2/4; per-class F1 = 2TP / (2TP + FP + FN):
 * 焊工's 2/(2+0+1), 车工's 2/(2+1+0), 快递员's 0: macro (2/3 + 2/3 + 0)/3 = 4/9.
 * 中类: top-1 3/4; 6-18 F1 2*3/(6+0+0) = 1, 4-02 F1 0: macro 1/2. */
static void metrics_by_hand(void **state)
{
	const char *t[] = {"焊工", "车工", "车工", "某某"};
	const char *l[] = {"6-18-02-04", "6-18-02-04", "6-18-01-01", "4-02-07-08"};
	const char *bad[] = {"6-18-02-04", "x"};
	struct classify_dict *d = classify_dict_new();
	struct classify_eval ev;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(classify_dict_add(d, "焊工", "6-18-02-04", &e), 0);
	assert_int_equal(classify_dict_add(d, "车工", "6-18-01-01", &e), 0);
	assert_int_equal(classify_evaluate(NULL, d, t, NULL, l, 4, &ev, &e), 0);
	assert_int_equal(ev.n, 4);
	assert_int_equal(ev.dict_hits, 3);
	assert_true(fabs(ev.fine.top1 - 0.5) < 1e-12);
	assert_true(fabs(ev.fine.top3 - 0.5) < 1e-12);
	assert_true(fabs(ev.fine.macro_f1 - 4.0 / 9) < 1e-12);
	assert_int_equal(ev.fine.nclasses, 3);
	assert_true(fabs(ev.minor.top1 - 0.5) < 1e-12);
	assert_true(fabs(ev.minor.macro_f1 - 4.0 / 9) < 1e-12);
	assert_true(fabs(ev.middle.top1 - 0.75) < 1e-12);
	assert_true(fabs(ev.middle.macro_f1 - 0.5) < 1e-12);
	assert_int_equal(ev.middle.nclasses, 2);
	assert_int_equal(ev.decided[CLASSIFY_LEVEL_FINE], 3);
	assert_int_equal(ev.decided_right[CLASSIFY_LEVEL_FINE], 2);
	assert_int_equal(ev.decided[CLASSIFY_LEVEL_NONE], 1);
	assert_int_equal(classify_evaluate(NULL, d, t, NULL, bad, 2, &ev, &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "row 1"));
	classify_dict_free(d);
}

/* ---- accuracy on the demo city ---- */

struct demo_set {
	size_t n;
	char **title, **desc, **label;
};

static int demo_set_load(struct demo_set *ds)
{
	char dir[64], db[128];
	struct store *s = NULL;
	struct demo_options opt = {0};
	sqlite3 *ro = NULL;
	sqlite3_stmt *st = NULL;
	struct err e;
	int rc = -1;

	memset(ds, 0, sizeof(*ds));
	if (testlib_tmpdir(dir, sizeof(dir), "classify") < 0)
		return -1;
	snprintf(db, sizeof(db), "%s/demo.db", dir);
	if (testlib_store_create(&s, db, NULL, &e) < 0 ||
	    refdata_load_all(s, TVET_DATADIR, NULL, &e) < 0 ||
	    plandef_load(s, TVET_DATADIR, NULL, &e) < 0) {
		print_error("init: %s\n", e.msg);
		goto out;
	}
	demo_options_init(&opt);
	opt.postings = DEMO_POSTINGS;
	if (demo_generate(s, &opt, NULL, &e) < 0) {
		print_error("demo: %s\n", e.msg);
		goto out;
	}
	if (sqlite3_open_v2(db, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(ro,
			       "SELECT title, coalesce(description, ''), label_occupation"
			       " FROM posting WHERE label_occupation IS NOT NULL ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		goto out;
	ds->title = xmalloc((size_t)DEMO_POSTINGS * sizeof(char *));
	ds->desc = xmalloc((size_t)DEMO_POSTINGS * sizeof(char *));
	ds->label = xmalloc((size_t)DEMO_POSTINGS * sizeof(char *));
	while (sqlite3_step(st) == SQLITE_ROW && ds->n < (size_t)DEMO_POSTINGS) {
		ds->title[ds->n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		ds->desc[ds->n] = xstrdup((const char *)sqlite3_column_text(st, 1));
		ds->label[ds->n] = xstrdup((const char *)sqlite3_column_text(st, 2));
		ds->n++;
	}
	rc = ds->n == (size_t)DEMO_POSTINGS ? 0 : -1;
out:
	sqlite3_finalize(st);
	sqlite3_close(ro);
	store_close(s);
	testlib_rmtree(dir);
	return rc;
}

static void demo_set_release(struct demo_set *ds)
{
	for (size_t i = 0; i < ds->n; i++) {
		free(ds->title[i]);
		free(ds->desc[i]);
		free(ds->label[i]);
	}
	free(ds->title);
	free(ds->desc);
	free(ds->label);
}

static void print_eval(const char *what, const struct classify_eval *ev)
{
	print_message("%s: top-1/top-3/macro-F1  细类 %.4f/%.4f/%.4f  小类 %.4f/%.4f/%.4f"
		      "  中类 %.4f/%.4f/%.4f; dictionary %zu; coded at 细类 %zu (%zu right),"
		      " 小类 %zu, 中类 %zu, none %zu; %.0f postings/s\n",
		      what, ev->fine.top1, ev->fine.top3, ev->fine.macro_f1, ev->minor.top1,
		      ev->minor.top3, ev->minor.macro_f1, ev->middle.top1, ev->middle.top3,
		      ev->middle.macro_f1, ev->dict_hits, ev->decided[CLASSIFY_LEVEL_FINE],
		      ev->decided_right[CLASSIFY_LEVEL_FINE], ev->decided[CLASSIFY_LEVEL_MINOR],
		      ev->decided[CLASSIFY_LEVEL_MIDDLE], ev->decided[CLASSIFY_LEVEL_NONE],
		      ev->per_second);
}

static void accuracy_on_demo(void **state)
{
	struct demo_set ds;
	struct classify_dict *d = classify_dict_new();
	struct classify_holdout ho;
	struct classifier *c = NULL;
	struct classify_result r;
	struct err e;

	(void)state;
	if (demo_set_load(&ds) < 0)
		fail_msg("could not make the demo's postings");
	err_clear(&e);
	if (classify_dict_load_occupations(d, OCCUPATIONS, &e) < 0 ||
	    classify_dict_load_aliases(d, ALIASES, &e) < 0)
		fail_msg("%s", e.msg);
	if (classify_holdout_run((const char *const *)ds.title, (const char *const *)ds.desc,
				 (const char *const *)ds.label, ds.n, NULL, d, 0.2, &ho, &c,
				 &e) < 0)
		fail_msg("%s", e.msg);
	print_message("demo: %zu postings, train %zu (%zu titles), test %zu (%zu titles),"
		      " %zu occupations, trained in %.2f s\n",
		      ds.n, ho.n_train, ho.titles_train, ho.n_test, ho.titles_test,
		      classify_nlabels(c), ho.train_seconds);
	print_eval("model", &ho.model);
	print_eval("dictionary + model", &ho.pipeline);

	/* the split really is by title: no test title among the training ones */
	{
		unsigned char *side = xmalloc(ds.n);
		struct classify_dict *train_titles = classify_dict_new();
		classify_split_by_title((const char *const *)ds.title, ds.n, 0.2, 20251231, side);
		for (size_t i = 0; i < ds.n; i++)
			if (!side[i])
				assert_int_equal(classify_dict_add(train_titles, ds.title[i],
								   "1-01-00-01", &e),
						 0);
		for (size_t i = 0; i < ds.n; i++)
			if (side[i])
				assert_null(classify_dict_lookup(train_titles, ds.title[i]));
		classify_dict_free(train_titles);
		free(side);
	}
	assert_true(ho.titles_test >= 40);
	assert_true(ho.n_test > ds.n / 10 && ho.n_test < ds.n / 3);

	assert_true(ho.model.fine.top1 >= FLOOR_MODEL_FINE_TOP1);
	assert_true(ho.model.fine.top3 >= FLOOR_MODEL_FINE_TOP3);
	assert_true(ho.model.minor.top1 >= FLOOR_MODEL_MINOR_TOP1);
	assert_true(ho.model.middle.top1 >= FLOOR_MODEL_MIDDLE_TOP1);
	assert_true(ho.model.fine.macro_f1 >= FLOOR_MODEL_FINE_F1);
	assert_true(ho.pipeline.fine.top1 >= FLOOR_PIPELINE_FINE_TOP1);

	/* the demo's model on hand cases: an alias, unknown text */
	classify_predict(c, d, "叉车司机（双休）", "负责仓库叉车作业", 3, &r);
	assert_int_equal(r.source, CLASSIFY_SOURCE_DICT);
	assert_string_equal(r.code, "6-30-05-01");
	assert_true(r.confidence == 1);
	classify_predict(c, d, "qwxz", "zzqq xxvv", 3, &r);
	assert_int_not_equal(r.level, CLASSIFY_LEVEL_FINE);
	assert_true(r.confidence < 0.5);
	assert_int_equal(r.needs_review, 1);

	classify_free(c);
	classify_dict_free(d);
	demo_set_release(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_title_forms),
		cmocka_unit_test(features_by_hand),
		cmocka_unit_test(dict_add_and_lookup),
		cmocka_unit_test(dict_files),
		cmocka_unit_test(dict_bad_files),
		cmocka_unit_test(predict_dictionary_and_unknown),
		cmocka_unit_test(predict_falls_back),
		cmocka_unit_test(train_refuses_bad_input),
		cmocka_unit_test(save_load_round_trip),
		cmocka_unit_test(split_by_distinct_title),
		cmocka_unit_test(metrics_by_hand),
		cmocka_unit_test(accuracy_on_demo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
