/* test_normalize.c - Chinese text folding and the UTF-8 iterator (text/normalize.h).
 *
 * text_normalize() is table-driven: each case gives the input and the
 * exact output, and every output must come back unchanged when normalised
 * again. Escapes spell out the characters that look alike on screen (the
 * ideographic space U+3000 is "\u3000"; C has no \u below U+00A0, so
 * those are bytes). text_utf8_len() and
 * text_utf8_next() have their own tables, ill-formed input included. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/normalize.h"

struct normalize_case {
	const char *name;
	const char *in;
	const char *want;
};

static const struct normalize_case normalize_cases[] = {
	{"full-width letters and digits", "ＡＢＣ１２３", "ABC123"},
	{"ideographic space", "数控\u3000技术", "数控 技术"},
	{"tabs and spaces", "  a\t\tb  ", "a b"},
	{"full-width parentheses", "（中职）", "(中职)"},
	{"full-width comma, colon, semicolon", "专业，名称：数控；", "专业,名称:数控;"},
	{"mixed", "\u3000２０２４年\u3000数控技术（中职）：招生１２０人，升学率９５％。  ",
	 "2024年 数控技术(中职):招生120人,升学率95%。"},
	{"Chinese punctuation kept", "《职业教育法》、条例。“双高”",
	 "《职业教育法》、条例。“双高”"},
	{"full-width ! ? . / ~", "！？．／～", "!?./~"},
	{"full-width space U+FF00 is not folded", "\uFF00", "\uFF00"},
	{"first and last of the range", "\uFF01\uFF5E\uFF5F", "!~\uFF5F"},
	{"yuan sign", "￥８０００／月", "¥8000/月"},
	{"full-width signs", "￠￡￢￤￦", "¢£¬¦₩"},
	{"full-width macron stays", "￣", "￣"},
	{"no-break spaces", "\u00A0a\u00A0\u00A0b\u202F", "a b"},
	{"line ends", "a\r\nb\n\nc\rd", "a b c d"},
	{"other Unicode spaces",
	 "a\u2003b\u2009c\u205Fd\u2028e\xC2\x85"
	 "f",
	 "a b c d e f"},
	{"zero-width space and BOM removed", "\uFEFF学校\u200B名称", "学校名称"},
	{"zero-width space between spaces", "a \u200B b", "a b"},
	{"empty", "", ""},
	{"only white space", " \t\u3000\u00A0\n", ""},
	{"ASCII unchanged", "Hello, World! (2024)", "Hello, World! (2024)"},
	{"four-byte characters kept", "𠮷田", "𠮷田"},
	{"Uyghur kept", "ئۈرۈمچى", "ئۈرۈمچى"},
	{"ill-formed bytes",
	 "a\xFF"
	 "b\xE6\x95",
	 "a\uFFFD"
	 "b\uFFFD\uFFFD"},
	{"overlong and surrogate", "\xC0\xAF\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
};

static void test_normalize_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(normalize_cases) / sizeof(normalize_cases[0]); i++) {
		const struct normalize_case *c = &normalize_cases[i];
		char *got = text_normalize(c->in);
		char *again = text_normalize(got);

		if (strcmp(got, c->want) != 0)
			print_error("case '%s': got '%s', want '%s'\n", c->name, got, c->want);
		assert_string_equal(got, c->want);
		/* normalising twice changes nothing */
		assert_string_equal(again, got);
		assert_true(strlen(got) <= 3 * strlen(c->in));
		free(got);
		free(again);
	}
}

struct len_case {
	const char *in;
	int want;
};

static const struct len_case len_cases[] = {
	{"", 0},
	{"abc", 3},
	{"数控技术", 4},
	{"𠮷田", 2},
	{"（中职）", 4},
	{"a\xFF"
	 "b",
	 3},
	{"\xE6\x95", 2}, /* a character cut short: two ill-formed bytes */
};

static void test_normalize_utf8_len(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(len_cases) / sizeof(len_cases[0]); i++) {
		if (text_utf8_len(len_cases[i].in) != len_cases[i].want)
			print_error("'%s': got %d\n", len_cases[i].in,
				    text_utf8_len(len_cases[i].in));
		assert_int_equal(text_utf8_len(len_cases[i].in), len_cases[i].want);
	}
}

struct next_case {
	const char *name;
	const char *in;
	uint32_t want[8]; /* ends with 0 */
};

static const struct next_case next_cases[] = {
	{"one of each length", "a\u00E9数𠮷", {'a', 0xE9, 0x6570, 0x20BB7, 0}},
	{"edges",
	 "\x7F\xC2\x80\u07FF\u0800\uFFFF\U00010000\U0010FFFF",
	 {0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0}},
	{"lone continuation",
	 "\x80"
	 "a",
	 {0xFFFD, 'a', 0}},
	{"overlong", "\xC1\xBF\xE0\x9F\xBF", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0}},
	{"surrogate", "\xED\xB0\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0}},
	{"past U+10FFFF", "\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0}},
	{"cut before the NUL", "\xF0\xA0\xAE", {0xFFFD, 0xFFFD, 0xFFFD, 0}},
	{"cut before ASCII",
	 "\xE6\x95"
	 "a",
	 {0xFFFD, 0xFFFD, 'a', 0}},
};

static void test_normalize_utf8_next(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(next_cases) / sizeof(next_cases[0]); i++) {
		const struct next_case *c = &next_cases[i];
		const char *p = c->in;
		size_t k = 0;

		for (;;) {
			uint32_t cp = text_utf8_next(&p);

			if (cp != c->want[k])
				print_error("case '%s', character %zu: got U+%04X, want U+%04X\n",
					    c->name, k, (unsigned)cp, (unsigned)c->want[k]);
			assert_int_equal(cp, c->want[k]);
			if (cp == 0)
				break;
			k++;
		}
		/* at the end, p stays on the NUL */
		assert_ptr_equal(p, c->in + strlen(c->in));
		assert_int_equal(text_utf8_next(&p), 0);
		assert_ptr_equal(p, c->in + strlen(c->in));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_table),
		cmocka_unit_test(test_normalize_utf8_len),
		cmocka_unit_test(test_normalize_utf8_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
