/* utf8.h - decoding one UTF-8 character, strictly.
 *
 * The one decoder the program uses: well-formed UTF-8 only (no overlong
 * forms, no surrogates, nothing past U+10FFFF), as RFC 3629 defines it.
 * encoding.c validates files with it, text/normalize.c walks strings with
 * it, the CLI measures display widths with it. */
#ifndef TVET_UTF8_H
#define TVET_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD 0	/* the bytes at p are not well-formed UTF-8 */
#define UTF8_SHORT (-1) /* the n bytes are a good start of a longer character */

/* Decode the character at p (n > 0 bytes readable there): its length in
 * bytes (1-4) with *cp set (cp may be NULL), UTF8_BAD or UTF8_SHORT. A NUL
 * byte inside a sequence makes it bad, so on a NUL-terminated string n may
 * be given as 4 without reading past the terminator. */
int utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);

#endif
