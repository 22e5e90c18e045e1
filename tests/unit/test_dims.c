/* test_dims.c - canonical dimension strings (core/dims). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/dims.h"

struct canon_case {
	const char *in, *want; /* want NULL: an error */
};

static const struct canon_case canon_cases[] = {
	{"", ""},
	{"major=660103", "major=660103"},
	{"major=660103;destination=升学专科", "destination=升学专科;major=660103"},
	{"destination=升学专科;major=660103", "destination=升学专科;major=660103"},
	{";major=1;;", "major=1"},
	{"b=2;a=1;c=3", "a=1;b=2;c=3"},
	{"ab=1;a=2", "a=2;ab=1"},
	{"major", NULL},
	{"=x", NULL},
	{"major=", NULL},
	{"a=1=2", NULL},
	{"a=1;a=2", NULL},
	{"a=1;b=1;c=1;d=1;e=1;f=1;g=1;h=1;i=1", NULL},
};

static void test_canonical(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(canon_cases) / sizeof(canon_cases[0]); i++) {
		const struct canon_case *c = &canon_cases[i];
		struct strbuf out = {0};
		struct err e;
		int rc;

		err_clear(&e);
		rc = dims_canonical(c->in, &out, &e);
		if (c->want) {
			if (rc != 0)
				print_error("'%s': %s\n", c->in, e.msg);
			assert_int_equal(rc, 0);
			assert_string_equal(strbuf_str(&out), c->want);
		} else {
			if (rc != ERR_INPUT)
				print_error("'%s' gave '%s', wanted an error\n", c->in,
					    strbuf_str(&out));
			assert_int_equal(rc, ERR_INPUT);
			assert_true(e.msg[0] != '\0');
		}
		strbuf_release(&out);
	}
}

static void test_with(void **state)
{
	struct strbuf out = {0};
	struct err e;

	(void)state;
	assert_int_equal(dims_with("destination=本地就业", "major", "660103", &out, &e), 0);
	assert_string_equal(strbuf_str(&out), "destination=本地就业;major=660103");
	assert_int_equal(dims_with("", "major", "660103", &out, &e), 0);
	assert_string_equal(strbuf_str(&out), "major=660103");
	/* an existing key is replaced, not repeated */
	assert_int_equal(dims_with("major=1;destination=x", "major", "2", &out, &e), 0);
	assert_string_equal(strbuf_str(&out), "destination=x;major=2");
	assert_int_equal(dims_with("bad", "major", "2", &out, &e), ERR_INPUT);
	strbuf_release(&out);
}

static void test_has_key(void **state)
{
	(void)state;
	assert_true(dims_has_key("destination=本地就业;major=660103", "major"));
	assert_true(dims_has_key("major=660103", "major"));
	assert_false(dims_has_key("destination=major", "major")); /* a value, not a key */
	assert_false(dims_has_key("majors=1", "major"));
	assert_false(dims_has_key("", "major"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_with),
		cmocka_unit_test(test_has_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
