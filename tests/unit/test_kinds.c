/* test_kinds.c - the data kinds of data/kinds/: the shipped definitions
 * load, and every kind of broken definition is refused with its place. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/kinds.h"
#include "unit/testlib.h"

static void test_shipped_kinds(void **state)
{
	struct kind k;
	struct err e;
	char names[512];
	int col;

	(void)state;
	err_clear(&e);
	assert_int_equal(kind_names(TVET_DATADIR, names, sizeof(names), &e), 0);
	assert_non_null(strstr(names, "school_major_stats"));
	assert_non_null(strstr(names, "school_stats"));

	assert_int_equal(kind_load(TVET_DATADIR, "school_major_stats", &k, &e), 0);
	assert_int_equal(k.grain, GRAIN_SCHOOL_YEAR_MAJOR);
	assert_true(k.ncols >= 11);
	col = kind_column(&k, "to_benke");
	assert_true(col >= 0);
	assert_string_equal(k.cols[col].element, "graduates");
	assert_string_equal(k.cols[col].dims, "destination=升学本科");
	assert_string_equal(k.cols[col].header_zh, "升学（本科）");
	assert_int_equal(k.cols[kind_column(&k, "major")].type, KT_MAJOR);
	assert_true(k.nrules >= 1);
	assert_int_equal(k.rules[0].lhs, kind_column(&k, "graduates"));
	assert_int_equal(k.rules[0].nterms, 5);
	assert_int_equal(k.rules[0].le, 0);

	assert_int_equal(kind_load(TVET_DATADIR, "school_stats", &k, &e), 0);
	assert_int_equal(k.grain, GRAIN_SCHOOL_YEAR);
	assert_false(k.cols[kind_column(&k, "places")].required);
	assert_int_equal(k.cols[kind_column(&k, "training_revenue")].type, KT_AMOUNT);

	/* record kinds: choices with labels, the any-of rule */
	assert_int_equal(kind_load(TVET_DATADIR, "registry", &k, &e), 0);
	assert_int_equal(k.grain, GRAIN_REGISTRY);
	assert_true(kind_is_record(&k));
	col = kind_column(&k, "level");
	assert_int_equal(k.cols[col].type, KT_CHOICE);
	assert_int_equal(k.cols[col].nchoices, 3);
	assert_string_equal(kind_choice(&k.cols[col], "省级"), "province");
	assert_string_equal(kind_choice(&k.cols[col], "national"), "national");
	assert_null(kind_choice(&k.cols[col], "县级"));
	assert_int_equal(kind_load(TVET_DATADIR, "demand", &k, &e), 0);
	assert_int_equal(k.nrules, 1);
	assert_true(k.rules[0].any);
	assert_int_equal(k.rules[0].lhs, kind_column(&k, "occupation"));
	assert_int_equal(k.rules[0].terms[0], kind_column(&k, "major"));
	/* a choice value is its own label when it has none */
	assert_int_equal(kind_load(TVET_DATADIR, "schools", &k, &e), 0);
	col = kind_column(&k, "level");
	assert_string_equal(kind_choice(&k.cols[col], "技师学院"), "技师学院");
	assert_string_equal(kind_choice_label(&k.cols[col], "中职"), "中职");
	for (const char *n = "schools school_majors satisfaction postings assessments"; *n;) {
		char name[32];
		size_t len = strcspn(n, " ");

		snprintf(name, sizeof(name), "%.*s", (int)len, n);
		assert_int_equal(kind_load(TVET_DATADIR, name, &k, &e), 0);
		assert_true(kind_is_record(&k));
		n += len + (n[len] == ' ');
	}
}

static void test_unknown_kind(void **state)
{
	struct kind k;
	struct err e;

	(void)state;
	assert_int_equal(kind_load(TVET_DATADIR, "no_such_kind", &k, &e), ERR_USAGE);
	assert_non_null(strstr(e.msg, "no_such_kind"));
	assert_non_null(strstr(e.msg, "school_major_stats")); /* lists the kinds */
}

struct bad_kind {
	const char *name;
	const char *file;   /* under data/kinds/ */
	const char *prefix; /* the line to edit starts with this */
	const char *old, *new_text;
	const char *message; /* fragment of the error */
};

static const struct bad_kind bad_kinds[] = {
	{"unknown type", "school_stats.csv", "dropouts,", ",count,", ",counted,", "type 'counted'"},
	{"required not yes/no", "school_stats.csv", "dropouts,", ",yes,", ",maybe,",
	 "required must be yes or no"},
	{"bad dims", "school_major_stats.csv", "to_benke,", "destination=升学本科", "destination",
	 "is not key=value"},
	{"duplicate key", "school_stats.csv", "dropouts,", "dropouts,", "places,", "unique key"},
	{"unknown grain", "kinds.csv", "school_stats,", "school_year,", "district_year,",
	 "grain 'district_year'"},
	{"rule with an unknown column", "rules.csv", "school_major_stats,graduates =", "to_benke",
	 "to_phd", "'to_phd' is not a numeric column"},
	{"rule without an operator", "rules.csv", "school_major_stats,graduates =", " = ", " ",
	 "expected = or <="},
	{"choices on a count column", "schools.csv", "founded_year,", ",学校建校年份,",
	 ",学校建校年份,a|b", "choices go with type choice"},
	{"choice column without choices", "schools.csv", "ownership,", ",公办|民办", ",",
	 "choices go with type choice"},
	{"record column that fills no field", "registry.csv", "note,", ",note,,", ",remark,,",
	 "'remark' is not a field of a registry record"},
	{"rule ending in +", "rules.csv", "school_major_stats,graduates =", " + not_employed", " +",
	 "is incomplete"},
};

static void test_bad_definitions(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_kinds) / sizeof(bad_kinds[0]); i++) {
		const struct bad_kind *c = &bad_kinds[i];
		char dir[64], data[128], path[256];
		const char *kind =
			strstr(c->file, "school_major") || strstr(c->prefix, "school_major")
				? "school_major_stats"
			: strstr(c->file, "registry") ? "registry"
			: strstr(c->file, "schools")  ? "schools"
						      : "school_stats";
		struct kind k;
		struct err e;
		size_t line;
		int rc;

		assert_int_equal(testlib_tmpdir(dir, sizeof(dir), "kinds"), 0);
		assert_int_equal(testlib_copy_data(dir, "kinds", data, sizeof(data)), 0);
		snprintf(path, sizeof(path), "%s/kinds/%s", data, c->file);
		line = testlib_edit_line(path, c->prefix, c->old, c->new_text);
		err_clear(&e);
		rc = kind_load(data, kind, &k, &e);
		if (rc != ERR_INPUT || !strstr(e.msg, c->message))
			print_error("case '%s': rc %d, '%s'\n", c->name, rc, e.msg);
		assert_int_equal(rc, ERR_INPUT);
		assert_non_null(strstr(e.msg, c->message));
		assert_non_null(strstr(e.file, c->file));
		assert_int_equal(e.row, line);
		assert_int_equal(testlib_rmtree(dir), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_kinds),
		cmocka_unit_test(test_unknown_kind),
		cmocka_unit_test(test_bad_definitions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
