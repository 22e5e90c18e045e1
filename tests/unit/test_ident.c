/* test_ident.c - check characters of 统一社会信用代码 (GB 32100 with the GB
 * 11714 organisation code inside) and 公民身份号码 (GB 11643), core/ident.h.
 *
 * Known-good codes are the standards' worked examples and the published
 * codes of well-known companies; each bad case breaks exactly one rule:
 * a check character, the length, a character outside the alphabet, the
 * division digits, lower case, or (identity numbers) the birth date. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/ident.h"
#include "core/rng.h"

/* ---- 统一社会信用代码 ---- */

struct uscc_case {
	const char *code;
	int valid;
	const char *why;
};

static const struct uscc_case uscc_cases[] = {
	{"91350100M000100Y43", 1, "GB 32100-2015 worked example"},
	{"91330100716105852F", 1, "阿里巴巴(中国)有限公司, public registration"},
	{"9144030071526726XG", 1, "腾讯科技(深圳)有限公司: GB 11714 check 'X'"},
	{"914403001922038216", 1, "华为技术有限公司, public registration"},
	{"91350100M000100Y44", 0, "wrong GB 32100 check character"},
	{"91350100M000100Y53", 0, "wrong GB 11714 check character (and so 18)"},
	{"91330900MA2A0X8K7T", 0, "organisation code check is 4, not 7"},
	{"9111000071093123XK", 0, "structurally fine, but the check is 'X', not 'K'"},
	{"91350100M000100Y4", 0, "17 characters"},
	{"91350100M000100Y430", 0, "19 characters"},
	{"91350100M00010OY43", 0, "letter O is not in the alphabet"},
	{"91350100M0001I0Y43", 0, "letter I is not in the alphabet"},
	{"91350100M000100Z43", 0, "letter Z is not in the alphabet"},
	{"9135A100M000100Y43", 0, "division part must be digits"},
	{"91350100m000100y43", 0, "lower case"},
	{"91350100M000100Y4 ", 0, "trailing space"},
	{"", 0, "empty"},
};

static void test_uscc_valid_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(uscc_cases) / sizeof(uscc_cases[0]); i++) {
		const struct uscc_case *c = &uscc_cases[i];
		if (ident_uscc_valid(c->code) != c->valid)
			fail_msg("%s: expected %s (%s)", c->code, c->valid ? "valid" : "invalid",
				 c->why);
	}
	assert_false(ident_uscc_valid(NULL));
}

static void test_uscc_check_chars(void **state)
{
	(void)state;
	assert_int_equal(ident_uscc_check_char("91350100M000100Y4"), '3');
	assert_int_equal(ident_uscc_check_char("91330100716105852"), 'F');
	assert_int_equal(ident_uscc_check_char("9144030071526726X"), 'G');
	/* the brief's guess 9111000071093123XK: computed check is X */
	assert_int_equal(ident_uscc_check_char("9111000071093123X"), 'X');
	assert_int_equal(ident_uscc_check_char("91350100M000I00Y4"), '\0');
	assert_int_equal(ident_orgcode_check_char("M000100Y"), '4');
	assert_int_equal(ident_orgcode_check_char("71610585"), '2');
	assert_int_equal(ident_orgcode_check_char("71526726"), 'X'); /* 11 - 1 = 10 */
	assert_int_equal(ident_orgcode_check_char("00000000"), '0'); /* 11 - 0 = 11 */
	assert_int_equal(ident_orgcode_check_char("7161058"), '\0');
	assert_int_equal(ident_orgcode_check_char("7161058-"), '\0');
	assert_int_equal(ident_uscc_char_value('0'), 0);
	assert_int_equal(ident_uscc_char_value('H'), 17);
	assert_int_equal(ident_uscc_char_value('J'), 18);
	assert_int_equal(ident_uscc_char_value('Y'), 30);
	assert_int_equal(ident_uscc_char_value('I'), -1);
	assert_int_equal(ident_uscc_char_value('\0'), -1);
}

static void test_uscc_build(void **state)
{
	char out[IDENT_USCC_LEN + 1];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ident_uscc_build(out, '9', '1', "350100", "M000100Y", &e), 0);
	assert_string_equal(out, "91350100M000100Y43");
	assert_int_equal(ident_uscc_build(out, '9', '1', "440300", "71526726", &e), 0);
	assert_string_equal(out, "9144030071526726XG");

	assert_int_equal(ident_uscc_build(out, '9', '1', "35010", "M000100Y", &e), ERR_INPUT);
	assert_non_null(strstr(e.msg, "35010"));
	assert_int_equal(ident_uscc_build(out, '9', '1', "3501A0", "M000100Y", &e), ERR_INPUT);
	assert_int_equal(ident_uscc_build(out, '9', '1', "350100", "M000100", &e), ERR_INPUT);
	assert_int_equal(ident_uscc_build(out, '9', '1', "350100", "M0001I0Y", &e), ERR_INPUT);
	assert_int_equal(ident_uscc_build(out, 'I', '1', "350100", "M000100Y", &e), ERR_INPUT);
	assert_int_equal(ident_uscc_build(out, '9', '1', NULL, "M000100Y", &e), ERR_INPUT);
	assert_string_equal(out, "");
}

/* Every code built from random parts is valid; changing any one character
 * to another alphabet character makes it invalid (the GB 32100 check
 * catches every single substitution). */
static void test_uscc_build_roundtrip(void **state)
{
	static const char *const divisions[] = {"330902", "330903", "330921", "330922"};
	struct rng r;

	(void)state;
	rng_seed(&r, 42);
	for (int n = 0; n < 2000; n++) {
		char body[9], out[IDENT_USCC_LEN + 1], kind = "123"[rng_below(&r, 3)];
		struct err e;

		for (int i = 0; i < 8; i++)
			body[i] = IDENT_USCC_ALPHABET[rng_below(&r, 31)];
		body[8] = '\0';
		assert_int_equal(ident_uscc_build(out, '9', kind, divisions[n % 4], body, &e), 0);
		assert_true(ident_uscc_valid(out));
		for (int pos = 0; pos < IDENT_USCC_LEN; pos++) {
			char saved = out[pos], other;
			do
				other = IDENT_USCC_ALPHABET[rng_below(&r, 31)];
			while (other == saved);
			out[pos] = other;
			if (ident_uscc_valid(out))
				fail_msg("%s still valid after changing position %d", out, pos + 1);
			out[pos] = saved;
		}
	}
}

/* ---- 公民身份号码 ---- */

static void test_cnid_known(void **state)
{
	(void)state;
	assert_true(ident_cnid_valid("11010519491231002X")); /* textbook example */
	assert_true(ident_cnid_valid("440524188001010014")); /* GB 11643 example */
	assert_int_equal(ident_cnid_check_char("11010519491231002"), 'X');
	assert_int_equal(ident_cnid_check_char("44052418800101001"), '4');
	assert_false(ident_cnid_valid("11010519491231002x"));  /* lower-case x */
	assert_false(ident_cnid_valid("110105194912310021"));  /* wrong check */
	assert_false(ident_cnid_valid("11010519491231002"));   /* 17 */
	assert_false(ident_cnid_valid("11010519491231002XX")); /* 19 */
	assert_false(ident_cnid_valid("1101051949123100AX"));  /* letter */
	assert_false(ident_cnid_valid(""));
	assert_false(ident_cnid_valid(NULL));
	assert_int_equal(ident_cnid_check_char("1101051949123100A"), '\0');
}

/* The check character right, the date wrong (or right on a leap day). */
static void test_cnid_dates(void **state)
{
	static const struct {
		const char *date;
		int valid;
	} dates[] = {
		{"20000229", 1}, {"20240229", 1}, {"19000229", 0}, {"20230229", 0}, {"19490230", 0},
		{"19491331", 0}, {"19490001", 0}, {"19490100", 0}, {"19490431", 0}, {"19490430", 1},
		{"17991231", 0}, {"21000101", 0}, {"18000101", 1}, {"20991231", 1},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		char id[IDENT_CNID_LEN + 1];

		snprintf(id, sizeof(id), "330902%s123", dates[i].date);
		id[17] = ident_cnid_check_char(id);
		id[18] = '\0';
		if (ident_cnid_valid(id) != dates[i].valid)
			fail_msg("%s: date %s should be %s", id, dates[i].date,
				 dates[i].valid ? "valid" : "invalid");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uscc_valid_table),
		cmocka_unit_test(test_uscc_check_chars),
		cmocka_unit_test(test_uscc_build),
		cmocka_unit_test(test_uscc_build_roundtrip),
		cmocka_unit_test(test_cnid_known),
		cmocka_unit_test(test_cnid_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
