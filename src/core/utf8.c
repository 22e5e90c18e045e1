/* utf8.c - the strict UTF-8 decoder. See utf8.h. */
#include "core/utf8.h"

int utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t v;
	int len;

	if (p[0] < 0x80) {
		if (cp)
			*cp = p[0];
		return 1;
	}
	if (p[0] < 0xC2) /* a continuation byte, or an overlong 2-byte form */
		return UTF8_BAD;
	if (p[0] < 0xE0) {
		len = 2;
		v = p[0] & 0x1Fu;
	} else if (p[0] < 0xF0) {
		len = 3;
		v = p[0] & 0x0Fu;
		if (p[0] == 0xE0)
			lo = 0xA0; /* overlong */
		else if (p[0] == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (p[0] < 0xF5) {
		len = 4;
		v = p[0] & 0x07u;
		if (p[0] == 0xF0)
			lo = 0x90; /* overlong */
		else if (p[0] == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		return UTF8_BAD;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return UTF8_SHORT;
		if (p[i] < lo || p[i] > hi)
			return UTF8_BAD;
		v = v << 6 | (p[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	if (cp)
		*cp = v;
	return len;
}
