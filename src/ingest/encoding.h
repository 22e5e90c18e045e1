/* encoding.h - tell which encoding a CSV file is in and read it as UTF-8.
 *
 * Chinese users' files come from Excel and WPS as UTF-8, UTF-8 with a
 * byte-order mark, GB18030/GBK (Excel's "CSV" on Chinese Windows) or
 * UTF-16LE with a byte-order mark ("Unicode text"). encoding_open_utf8()
 * detects which (or takes the user's --encoding), checks every byte and
 * hands the CSV reader a stream of UTF-8 without a byte-order mark; the rest
 * of the program only ever sees UTF-8. Conversion goes through glibc's
 * iconv a chunk at a time, so memory stays flat however big the file. */
#ifndef TVET_ENCODING_H
#define TVET_ENCODING_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

enum encoding {
	ENC_UNKNOWN,
	ENC_UTF8,
	ENC_UTF8_BOM, /* UTF-8 that starts with EF BB BF */
	ENC_GB18030,  /* also GBK and GB2312, which it contains */
	ENC_UTF16LE,
	ENC_UTF16BE
};

/* How many bytes at the start of a file encoding_open_utf8() looks at. */
#define ENCODING_DETECT_BYTES (64u * 1024u)

/* A name to show the user: "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE",
 * "UTF-16BE" or "unknown". Never NULL. */
const char *encoding_name(enum encoding enc);

/* Parse a --encoding value, case-insensitively: utf-8, utf8, gbk, gb2312,
 * gb18030, cp936, utf-16, utf-16le, utf-16be. GBK, GB2312 and CP936 give
 * ENC_GB18030 (a superset); utf-16 gives ENC_UTF16LE (what Windows writes;
 * a file's big-endian byte-order mark still wins when it is opened). On an
 * unknown name returns ERR_USAGE quoting it and listing the choices. */
int encoding_parse(const char *name, enum encoding *out, struct err *e) WUR;

/* Guess the encoding of the first n bytes of a file:
 *   - a byte-order mark decides: ENC_UTF8_BOM, ENC_UTF16LE, ENC_UTF16BE;
 *   - a NUL byte anywhere (no text CSV has one) gives ENC_UNKNOWN;
 *   - valid UTF-8, pure ASCII included, gives ENC_UTF8;
 *   - else valid GB18030 gives ENC_GB18030;
 *   - else ENC_UNKNOWN.
 * buf is taken to be a prefix of the file: a multi-byte character cut off at
 * its end does not count against it. n == 0 gives ENC_UTF8. */
enum encoding encoding_detect(const unsigned char *buf, size_t n);

/* Open path to be read as UTF-8. When forced is ENC_UNKNOWN the encoding
 * is detected from the first ENCODING_DETECT_BYTES bytes (encoding_detect()),
 * with two refinements: where that window is all ASCII, the window from the
 * first non-ASCII byte decides; where it has bad bytes either way, the
 * encoding that reads further into it (past at least one non-ASCII
 * character) is used, so that the error points at those bytes. Otherwise
 * forced is used as given, except that a UTF-16 byte-order mark picks the
 * byte order.
 *
 * The whole file is checked before this returns. A byte sequence that is
 * not valid in the encoding, a character cut off by the end of the file or
 * a NUL character is ERR_INPUT with e->file = path, e->row = the line it is
 * on (CR, LF and CRLF each end a line, as in the CSV reader) and the byte
 * offset and the bytes in the message. An encoding that cannot be told is
 * ERR_INPUT asking for --encoding; a file that cannot be read is ERR_IO.
 *
 * On success *out is a stream of UTF-8 without a byte-order mark, positioned
 * at its start, which the caller fclose()s; *detected (when not NULL) is
 * the encoding the file was read as. UTF-8 from a regular file is read in
 * place (checked, then rewound); anything else is converted into a
 * tmpfile(), and a pipe is first copied into one, so memory use does not
 * grow with the file. On error *out is NULL and nothing stays open. */
int encoding_open_utf8(const char *path, enum encoding forced, FILE **out, enum encoding *detected,
		       struct err *e) WUR;

/* 1 when the n bytes at s are well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut off at the end), else 0
 * with *bad_offset (when not NULL) set to the offset of the first byte of
 * the first bad sequence. For checking cells from readers that do not go
 * through encoding_open_utf8(), e.g. xlsx. */
int encoding_utf8_valid(const char *s, size_t n, size_t *bad_offset);

#endif
