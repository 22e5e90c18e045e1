/* normalize.c - Chinese text folding and a UTF-8 iterator. See normalize.h.
 *
 * One pass over the input: decode a character, drop or fold it, and write
 * it unless it is white space, which is held back as one pending space so
 * that runs collapse and nothing trails. The UTF-8 decoder here is the same
 * as ingest/encoding.c's; it belongs in a core/utf8 module both can use. */
#include "text/normalize.h"

#include <assert.h>
#include <limits.h>

#include "core/mem.h"

uint32_t text_utf8_next(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t cp;
	int len;

	if (s[0] < 0x80) {
		if (s[0])
			(*p)++;
		return s[0];
	}
	if (s[0] < 0xC2) { /* a continuation byte, or an overlong 2-byte form */
		goto bad;
	} else if (s[0] < 0xE0) {
		len = 2;
		cp = s[0] & 0x1Fu;
	} else if (s[0] < 0xF0) {
		len = 3;
		cp = s[0] & 0x0Fu;
		if (s[0] == 0xE0)
			lo = 0xA0; /* overlong */
		else if (s[0] == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (s[0] < 0xF5) {
		len = 4;
		cp = s[0] & 0x07u;
		if (s[0] == 0xF0)
			lo = 0x90; /* overlong */
		else if (s[0] == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		goto bad;
	}
	/* The terminating NUL is below lo, so this never reads past it. */
	for (int i = 1; i < len; i++) {
		if (s[i] < lo || s[i] > hi)
			goto bad;
		cp = cp << 6 | (s[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*p += len;
	return cp;
bad:
	(*p)++;
	return TEXT_REPLACEMENT_CHAR;
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
