/* normalize.h - folding Chinese text to one canonical form, and walking UTF-8.
 *
 * Forms and job postings write the same thing many ways: full-width
 * letters and digits from a Chinese input method, ideographic and
 * no-break spaces, full-width commas and brackets. Importers and the talent
 * pipeline pass names and texts through text_normalize() before comparing,
 * matching or storing them, so "（中职）数控　技术" and "(中职)数控 技术" are
 * the same string. libc only; input is UTF-8 (ingest/ converts everything
 * else first). */
#ifndef TVET_NORMALIZE_H
#define TVET_NORMALIZE_H

#include <stdint.h>

/* The code point an ill-formed UTF-8 byte reads as. */
#define TEXT_REPLACEMENT_CHAR 0xFFFDu

/* Decode the character at *p and move *p past it. Returns the code point;
 * 0 at the terminating NUL (*p stays there); TEXT_REPLACEMENT_CHAR for a
 * byte that does not start a well-formed UTF-8 character (overlong forms,
 * surrogates and values past U+10FFFF included), moving *p one byte on. */
uint32_t text_utf8_next(const char **p);

/* The number of characters (code points) in the NUL-terminated s, each
 * ill-formed byte counting as one, as text_utf8_next() reads them. Capped
 * at INT_MAX. */
int text_utf8_len(const char *s);

/* A new string (the caller frees it) holding s folded for Chinese forms,
 * much as Unicode NFKC does for the characters that occur in them:
 *   - full-width ASCII U+FF01-U+FF5E becomes ASCII ("ＡＢＣ１２３" -> "ABC123",
 *     and so "，：；（）" -> ",:;()"); full-width currency and signs
 *     U+FFE0-U+FFE6 become their ordinary forms ("￥" -> "¥");
 *   - every run of white space (ASCII space, tab, CR, LF, VT, FF, U+0085,
 *     U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and the
 *     ideographic space U+3000) becomes one ASCII space, and white space at
 *     either end is removed;
 *   - the invisible U+200B (zero-width space) and U+FEFF (byte-order mark)
 *     are removed;
 *   - an ill-formed UTF-8 byte becomes U+FFFD, so the result is always
 *     well-formed UTF-8;
 *   - everything else stays as it is, Chinese punctuation such as 、。《》
 *     and “” included.
 * The result is never longer than 3 * strlen(s) bytes. s must not be NULL. */
char *text_normalize(const char *s);

#endif
