/* test_utf8.c - the strict UTF-8 decoder (core/utf8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/utf8.h"

struct utf8_case {
	const char *bytes;
	size_t n;
	int len;     /* want: length, UTF8_BAD or UTF8_SHORT */
	uint32_t cp; /* want when len > 0 */
};

static const struct utf8_case cases[] = {
	{"A", 1, 1, 0x41},
	{"\xC2\xA0", 2, 2, 0xA0},
	{"\xE4\xB8\xAD", 3, 3, 0x4E2D},	      /* 中 */
	{"\xEF\xBC\x88", 3, 3, 0xFF08},	      /* （ */
	{"\xF0\xA0\xAE\xB7", 4, 4, 0x20BB7},  /* 𠮷 */
	{"\xE4\xB8", 2, UTF8_SHORT, 0},	      /* cut at the end of a buffer */
	{"\xE4\xB8\x00", 3, UTF8_BAD, 0},     /* cut by a NUL */
	{"\x80", 1, UTF8_BAD, 0},	      /* continuation byte */
	{"\xC0\xAF", 2, UTF8_BAD, 0},	      /* overlong */
	{"\xE0\x80\xAF", 3, UTF8_BAD, 0},     /* overlong */
	{"\xED\xA0\x80", 3, UTF8_BAD, 0},     /* surrogate */
	{"\xF4\x90\x80\x80", 4, UTF8_BAD, 0}, /* past U+10FFFF */
	{"\xFF", 1, UTF8_BAD, 0},
	{"\xB4\xFA", 2, UTF8_BAD, 0}, /* GBK bytes */
};

static void test_decode(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t cp = 0;
		int len = utf8_decode((const unsigned char *)cases[i].bytes, cases[i].n, &cp);

		if (len != cases[i].len)
			print_error("case %zu: length %d, want %d\n", i, len, cases[i].len);
		assert_int_equal(len, cases[i].len);
		if (len > 0)
			assert_int_equal(cp, cases[i].cp);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_decode)};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
