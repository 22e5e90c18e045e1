/* test_err.c - struct err (err_set, err_set_at, err_wrap, err_code_name) and
 * the aborting allocators and struct strbuf of core/mem.h.
 *
 * err_set_at must put "file:row:column: " in front of the message and leave
 * out the parts that are unknown; err_wrap adds context in front and keeps
 * code and location; overlong input is cut short, never overflowed. strbuf
 * must stay NUL-terminated and correct across many reallocations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"

/* ---- err_set_at: the location prefix ---- */

struct where_case {
	const char *file;
	size_t row, column;
	const char *want; /* the whole message for body "bad value" */
};

static const struct where_case where_cases[] = {
	{"majors.csv", 3, 4, "majors.csv:3:4: bad value"},
	{"majors.csv", 3, 0, "majors.csv:3: bad value"},
	{"majors.csv", 0, 0, "majors.csv: bad value"},
	{"data/plan/targets.csv", 12, 7, "data/plan/targets.csv:12:7: bad value"},
	{"", 0, 0, "bad value"},
	{NULL, 0, 0, "bad value"},
};

static void test_err_set_at_prefix(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(where_cases) / sizeof(where_cases[0]); i++) {
		const struct where_case *c = &where_cases[i];
		struct err e;
		int rc;

		err_clear(&e);
		rc = err_set_at(&e, ERR_INPUT, c->file, c->row, c->column, "bad %s", "value");
		assert_int_equal(rc, ERR_INPUT);
		assert_int_equal(e.code, ERR_INPUT);
		assert_string_equal(e.msg, c->want);
		assert_string_equal(e.file, c->file ? c->file : "");
		assert_int_equal(e.row, c->row);
		assert_int_equal(e.column, c->column);
	}
}

static void test_err_set_clears_location(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(err_set_at(&e, ERR_INPUT, "a.csv", 2, 3, "x"), ERR_INPUT);
	assert_int_equal(err_set(&e, ERR_IO, "cannot open '%s'", "b.db"), ERR_IO);
	assert_int_equal(e.code, ERR_IO);
	assert_string_equal(e.msg, "cannot open 'b.db'");
	assert_string_equal(e.file, "");
	assert_int_equal(e.row, 0);
	assert_int_equal(e.column, 0);
}

static void test_err_null_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(err_set(NULL, ERR_DB, "x"), ERR_DB);
	assert_int_equal(err_set_at(NULL, ERR_INPUT, "f", 1, 2, "x"), ERR_INPUT);
	assert_int_equal(err_wrap(NULL, "ctx"), ERR_INTERNAL);
	err_clear(NULL);
}

static void test_err_clear(void **state)
{
	struct err e;

	(void)state;
	err_set_at(&e, ERR_INPUT, "a.csv", 2, 3, "x");
	err_clear(&e);
	assert_int_equal(e.code, ERR_OK);
	assert_string_equal(e.msg, "");
	assert_string_equal(e.file, "");
	assert_int_equal(e.row, 0);
	assert_int_equal(e.column, 0);
}

static void test_err_wrap(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	err_set_at(&e, ERR_INPUT, "t.csv", 5, 2, "'x' is not a number");
	assert_int_equal(err_wrap(&e, "loading the %s", "plan"), ERR_INPUT);
	assert_string_equal(e.msg, "loading the plan: t.csv:5:2: 'x' is not a number");
	assert_int_equal(err_wrap(&e, "init"), ERR_INPUT);
	assert_string_equal(e.msg, "init: loading the plan: t.csv:5:2: 'x' is not a number");
	/* Location survives the wrapping. */
	assert_string_equal(e.file, "t.csv");
	assert_int_equal(e.row, 5);
	assert_int_equal(e.column, 2);
}

static void test_err_long_text_is_cut(void **state)
{
	struct err e;
	char big[3000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	err_set(&e, ERR_INPUT, "%s", big);
	assert_int_equal(strlen(e.msg), sizeof(e.msg) - 1);
	err_set_at(&e, ERR_INPUT, big, 1, 1, "%s", big);
	assert_int_equal(strlen(e.file), sizeof(e.file) - 1);
	assert_true(strlen(e.msg) < sizeof(e.msg));
	err_wrap(&e, "%s", big);
	assert_int_equal(strlen(e.msg), sizeof(e.msg) - 1);
	assert_int_equal(e.code, ERR_INPUT);
}

static void test_err_code_name(void **state)
{
	static const struct {
		int code;
		const char *name;
	} cases[] = {
		{ERR_OK, "ok"},
		{ERR_USAGE, "usage"},
		{ERR_INPUT, "bad_input"},
		{ERR_NOTFOUND, "not_found"},
		{ERR_CONFLICT, "conflict"},
		{ERR_VERSION, "version"},
		{ERR_IO, "io"},
		{ERR_DB, "database"},
		{ERR_INTERNAL, "internal"},
		{ERR_AUTH, "unauthenticated"},
		{ERR_DENIED, "forbidden"},
		{ERR_LIMIT, "limit"},
		{-99, "unknown"},
		{1, "unknown"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(err_code_name(cases[i].code), cases[i].name);
}

/* ---- allocators and strbuf ---- */

static void test_xstrdup(void **state)
{
	char *a = xstrdup("舟山");
	char *b = xstrndup("abcdef", 3);
	char *c = xstrndup("", 0);

	(void)state;
	assert_string_equal(a, "舟山");
	assert_string_equal(b, "abc");
	assert_string_equal(c, "");
	free(a);
	free(b);
	free(c);
}

static void test_strbuf_empty(void **state)
{
	struct strbuf sb = {0};
	char *p;

	(void)state;
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_reset(&sb); /* harmless on an empty buffer */
	assert_int_equal(sb.len, 0);
	p = strbuf_detach(&sb);
	assert_non_null(p);
	assert_string_equal(p, "");
	free(p);
	strbuf_release(&sb);
	assert_null(sb.buf);
}

/* Many small appends cross every power-of-two capacity up to ~64 KiB. */
static void test_strbuf_growth(void **state)
{
	struct strbuf sb;
	const size_t rounds = 10000;

	(void)state;
	strbuf_init(&sb);
	for (size_t i = 0; i < rounds; i++) {
		strbuf_addstr(&sb, "ab");
		strbuf_addch(&sb, (char)('0' + (int)(i % 10)));
		assert_int_equal(sb.len, (i + 1) * 3);
		assert_true(sb.cap > sb.len);
		assert_int_equal(sb.buf[sb.len], '\0');
	}
	assert_int_equal(strlen(sb.buf), rounds * 3);
	for (size_t i = 0; i < rounds; i++) {
		assert_int_equal(sb.buf[i * 3], 'a');
		assert_int_equal(sb.buf[i * 3 + 1], 'b');
		assert_int_equal(sb.buf[i * 3 + 2], '0' + (int)(i % 10));
	}
	strbuf_release(&sb);
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.cap, 0);
}

static void test_strbuf_add_bytes(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	strbuf_add(&sb, "a\0b", 3); /* counted bytes, NUL included */
	assert_int_equal(sb.len, 3);
	assert_memory_equal(sb.buf, "a\0b", 4);
	strbuf_add(&sb, "zzz", 0);
	assert_int_equal(sb.len, 3);
	strbuf_release(&sb);
}

static void test_strbuf_addf(void **state)
{
	struct strbuf sb;
	char big[5000];
	size_t n;

	(void)state;
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s=%d", "targets", 43);
	assert_string_equal(strbuf_str(&sb), "targets=43");
	strbuf_addf(&sb, "%s", "");
	assert_int_equal(sb.len, 10);
	/* One format result much larger than the current capacity. */
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strbuf_addf(&sb, ";%s;%05.1f", big, 2.5);
	n = 10 + 1 + sizeof(big) - 1 + 1 + 5;
	assert_int_equal(sb.len, n);
	assert_int_equal(strlen(sb.buf), n);
	assert_memory_equal(sb.buf, "targets=43;yyy", 14);
	assert_string_equal(sb.buf + n - 5, "002.5");
	/* reset keeps the memory */
	{
		size_t cap = sb.cap;
		strbuf_reset(&sb);
		assert_int_equal(sb.len, 0);
		assert_string_equal(strbuf_str(&sb), "");
		assert_int_equal(sb.cap, cap);
	}
	strbuf_release(&sb);
}

static void strbuf_addf_via_va(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void strbuf_addf_via_va(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

static void test_strbuf_vaddf(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	for (int i = 0; i < 200; i++)
		strbuf_addf_via_va(&sb, "%d,", i);
	assert_memory_equal(sb.buf, "0,1,2,", 6);
	assert_string_equal(sb.buf + sb.len - 4, "199,");
	strbuf_release(&sb);
}

static void test_strbuf_detach(void **state)
{
	struct strbuf sb;
	char *p;

	(void)state;
	strbuf_init(&sb);
	strbuf_addstr(&sb, "职业教育");
	p = strbuf_detach(&sb);
	assert_string_equal(p, "职业教育");
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.cap, 0);
	/* sb is usable again after detaching */
	strbuf_addstr(&sb, "x");
	assert_string_equal(strbuf_str(&sb), "x");
	free(p);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_err_set_at_prefix),
		cmocka_unit_test(test_err_set_clears_location),
		cmocka_unit_test(test_err_null_is_allowed),
		cmocka_unit_test(test_err_clear),
		cmocka_unit_test(test_err_wrap),
		cmocka_unit_test(test_err_long_text_is_cut),
		cmocka_unit_test(test_err_code_name),
		cmocka_unit_test(test_xstrdup),
		cmocka_unit_test(test_strbuf_empty),
		cmocka_unit_test(test_strbuf_growth),
		cmocka_unit_test(test_strbuf_add_bytes),
		cmocka_unit_test(test_strbuf_addf),
		cmocka_unit_test(test_strbuf_vaddf),
		cmocka_unit_test(test_strbuf_detach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
