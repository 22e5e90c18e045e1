/* normalize.c - Chinese text folding and a UTF-8 iterator. See normalize.h.
 *
 * One pass over the input: decode a character, drop or fold it, and write
 * it unless it is white space, which is held back as one pending space so
 * that runs collapse and nothing trails. Characters are decoded by
 * core/utf8. */
#include "text/normalize.h"

#include <assert.h>
#include <limits.h>

#include "core/mem.h"
#include "core/utf8.h"

uint32_t text_utf8_next(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t cp;
	/* The terminating NUL breaks any sequence, so 4 never reads past it. */
	int len = utf8_decode(s, 4, &cp);

	if (len <= 0) {
		(*p)++;
		return TEXT_REPLACEMENT_CHAR;
	}
	if (cp)
		*p += len;
	return cp;
}

int text_utf8_len(const char *s)
{
	int n = 0;

	while (text_utf8_next(&s) != 0 && n < INT_MAX)
		n++;
	return n;
}

static void text_put_utf8(struct strbuf *sb, uint32_t cp)
{
	char b[4];

	if (cp < 0x80) {
		b[0] = (char)cp;
		strbuf_add(sb, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 4);
	}
}

static int text_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
	       cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* The folded form of cp; 0 for a character to drop. */
static uint32_t text_fold(uint32_t cp)
{
	/* U+FFE0-U+FFE6 as NFKC has them; U+FFE3 (full-width macron)
	 * decomposes to a space and a combining macron, and stays. */
	static const uint32_t fullwidth_signs[] = {0xA2, 0xA3, 0xAC, 0xFFE3, 0xA6, 0xA5, 0x20A9};

	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp >= 0xFFE0 && cp <= 0xFFE6)
		return fullwidth_signs[cp - 0xFFE0];
	if (cp == 0x200B || cp == 0xFEFF)
		return 0;
	return cp;
}

char *text_normalize(const char *s)
{
	struct strbuf out;
	int pending_space = 0;
	uint32_t cp;

	assert(s);
	strbuf_init(&out);
	while ((cp = text_utf8_next(&s)) != 0) {
		cp = text_fold(cp);
		if (cp == 0)
			continue;
		if (text_is_space(cp)) {
			pending_space = out.len > 0;
			continue;
		}
		if (pending_space) {
			strbuf_addch(&out, ' ');
			pending_space = 0;
		}
		text_put_utf8(&out, cp);
	}
	return strbuf_detach(&out);
}
