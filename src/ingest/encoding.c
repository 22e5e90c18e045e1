/* encoding.c - detecting a file's encoding and reading it as UTF-8. See encoding.h.
 *
 * encoding_open_utf8() works on a seekable stream (a pipe is first spooled
 * into a tmpfile()) in three steps: decide the encoding from the first
 * window of the file; read the whole file once a chunk at a time, checking
 * UTF-8 in place or converting anything else through iconv into a
 * tmpfile(); hand back a stream past the byte-order mark. Every pass keeps a
 * chunk and the few bytes of a character cut off at its end, nothing more.
 *
 * A file whose first window is pure ASCII says nothing about its encoding,
 * and Excel files with ASCII codes and numbers first are common, so then the
 * decision is taken on the window that starts at the first non-ASCII byte.
 *
 * The UTF-8 decoder here is the same as text/normalize.c's; it belongs in a
 * core/utf8 module both can use. */
#include "ingest/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/utf8.h"

/* Bytes read per step of a pass. Tests use smaller chunks to put characters
 * across chunk boundaries. */
#define ENC_CHUNK (64u * 1024u)
/* The longest character in any encoding here (UTF-8, GB18030: 4 bytes;
 * UTF-16: a surrogate pair). */
#define ENC_CHAR_MAX 4

/* Results of the enc_*_seq() decoders besides a length. */
#define ENC_SEQ_BAD 0
#define ENC_SEQ_SHORT (-1)

/* One pass over a file: where it is, and what has been read so far. */
struct enc_pass {
	const char *path;
	FILE *src;
	enum encoding enc;
	size_t chunk;
	unsigned char *in; /* chunk + ENC_CHAR_MAX bytes */
	size_t in_len;
	unsigned long long in_offset; /* file offset of in[0] */
	size_t line;		      /* line of the next byte, 1-based */
	int after_cr;
	int at_start; /* nothing written yet: a U+FEFF here is dropped */
};

const char *encoding_name(enum encoding enc)
{
	switch (enc) {
	case ENC_UTF8:
		return "UTF-8";
	case ENC_UTF8_BOM:
		return "UTF-8 (BOM)";
	case ENC_GB18030:
		return "GB18030";
	case ENC_UTF16LE:
		return "UTF-16LE";
	case ENC_UTF16BE:
		return "UTF-16BE";
	case ENC_UNKNOWN:
		break;
	}
	return "unknown";
}

int encoding_parse(const char *name, enum encoding *out, struct err *e)
{
	static const struct {
		const char *name;
		enum encoding enc;
	} names[] = {
		{"utf-8", ENC_UTF8},	  {"utf8", ENC_UTF8},	     {"gbk", ENC_GB18030},
		{"gb2312", ENC_GB18030},  {"gb18030", ENC_GB18030},  {"cp936", ENC_GB18030},
		{"utf-16", ENC_UTF16LE},  {"utf16", ENC_UTF16LE},    {"utf-16le", ENC_UTF16LE},
		{"utf16le", ENC_UTF16LE}, {"utf-16be", ENC_UTF16BE}, {"utf16be", ENC_UTF16BE},
		{"auto", ENC_UNKNOWN},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*out = names[i].enc;
			return 0;
		}
	}
	return err_set(e, ERR_USAGE,
		       _("unknown encoding '%s' (expected auto, utf-8, gbk, gb18030, utf-16le or "
			 "utf-16be)"),
		       name);
}

/* Length of the well-formed UTF-8 character at p (n > 0 bytes there),
 * ENC_SEQ_BAD, or ENC_SEQ_SHORT when the n bytes are a good start of one. */
static int enc_utf8_seq(const unsigned char *p, size_t n)
{
	int len = utf8_decode(p, n, NULL);

	return len == UTF8_SHORT ? ENC_SEQ_SHORT : len == UTF8_BAD ? ENC_SEQ_BAD : len;
}

/* The same for GB18030's structure: one byte 00-7F; two bytes 81-FE then
 * 40-7E or 80-FE; four bytes 81-FE 30-39 81-FE 30-39. Whether a four-byte
 * code is assigned is left to iconv. */
static int enc_gb18030_seq(const unsigned char *p, size_t n)
{
	if (p[0] < 0x80)
		return 1;
	if (p[0] == 0x80 || p[0] == 0xFF)
		return ENC_SEQ_BAD;
	if (n < 2)
		return ENC_SEQ_SHORT;
	if (p[1] >= 0x40 && p[1] <= 0xFE && p[1] != 0x7F)
		return 2;
	if (p[1] < 0x30 || p[1] > 0x39)
		return ENC_SEQ_BAD;
	if (n < 3)
		return ENC_SEQ_SHORT;
	if (p[2] < 0x81 || p[2] == 0xFF)
		return ENC_SEQ_BAD;
	if (n < 4)
		return ENC_SEQ_SHORT;
	if (p[3] < 0x30 || p[3] > 0x39)
		return ENC_SEQ_BAD;
	return 4;
}

/* 1 when buf[0..n) is a run of good characters for seq. When prefix, a
 * character cut off at the end is good. Else 0 with *bad (if not NULL) at
 * the first bad character. */
static int enc_scan(const unsigned char *buf, size_t n, int (*seq)(const unsigned char *, size_t),
		    int prefix, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		int len = seq(buf + i, n - i);

		if (len == ENC_SEQ_SHORT && prefix)
			return 1;
		if (len <= 0) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += (size_t)len;
	}
	return 1;
}

int encoding_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
	return enc_scan((const unsigned char *)s, n, enc_utf8_seq, 0, bad_offset);
}

static int enc_has_utf8_bom(const unsigned char *buf, size_t n)
{
	return n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF;
}

/* ENC_UTF16LE or ENC_UTF16BE for a UTF-16 byte-order mark, else ENC_UNKNOWN. */
static enum encoding enc_utf16_bom(const unsigned char *buf, size_t n)
{
	if (n >= 2 && buf[0] == 0xFF && buf[1] == 0xFE)
		return ENC_UTF16LE;
	if (n >= 2 && buf[0] == 0xFE && buf[1] == 0xFF)
		return ENC_UTF16BE;
	return ENC_UNKNOWN;
}

enum encoding encoding_detect(const unsigned char *buf, size_t n)
{
	enum encoding bom;

	if (n == 0)
		return ENC_UTF8;
	if (enc_has_utf8_bom(buf, n))
		return ENC_UTF8_BOM;
	bom = enc_utf16_bom(buf, n);
	if (bom != ENC_UNKNOWN)
		return bom;
	if (memchr(buf, 0, n))
		return ENC_UNKNOWN;
	if (enc_scan(buf, n, enc_utf8_seq, 1, NULL))
		return ENC_UTF8;
	if (enc_scan(buf, n, enc_gb18030_seq, 1, NULL))
		return ENC_GB18030;
	return ENC_UNKNOWN;
}

/* ---- reading ---- */

/* Count the line ends in s the way the CSV reader does: CR, LF and CRLF
 * each end one line. */
static void enc_count_lines(struct enc_pass *p, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (!p->after_cr)
				p->line++;
			p->after_cr = 0;
		} else {
			if (s[i] == '\r')
				p->line++;
			p->after_cr = s[i] == '\r';
		}
	}
}

/* The bytes at offset in p->src, for a message: "C9 FA 2C", up to
 * ENC_CHAR_MAX of them, stopping at a line end (except in UTF-16, where 0A
 * can be half a character). Read from the file, not the chunk, so that what
 * is shown does not depend on the chunk size. */
static void enc_format_bytes(const struct enc_pass *p, unsigned long long offset,
			     char out[3 * ENC_CHAR_MAX + 1])
{
	static const char hex[] = "0123456789ABCDEF";
	int utf16 = p->enc == ENC_UTF16LE || p->enc == ENC_UTF16BE;
	unsigned char s[ENC_CHAR_MAX];
	size_t n = 0, k = 0;

	if (fseeko(p->src, (off_t)offset, SEEK_SET) == 0)
		n = fread(s, 1, sizeof(s), p->src);
	for (size_t i = 0; i < n; i++) {
		if (i && !utf16 && (s[i] == '\r' || s[i] == '\n'))
			break;
		if (i)
			out[k++] = ' ';
		out[k++] = hex[s[i] >> 4];
		out[k++] = hex[s[i] & 15];
	}
	out[k] = '\0';
}

/* What is wrong with the bytes an error points at. */
enum enc_fault {
	ENC_FAULT_INVALID, /* not a character in the encoding */
	ENC_FAULT_CUT,	   /* a character cut off by the end of the file */
	ENC_FAULT_NUL	   /* a NUL character, which no text CSV has */
};

/* The error for the bytes at p->in[at]: the file, the line they are on,
 * their offset and what they are. */
static int enc_bad_bytes(const struct enc_pass *p, size_t at, enum enc_fault fault, struct err *e)
{
	char bytes[3 * ENC_CHAR_MAX + 1];
	unsigned long long offset = p->in_offset + at;
	const char *name = encoding_name(p->enc), *hint = "";

	enc_format_bytes(p, offset, bytes);
	if (p->enc == ENC_UTF8 || p->enc == ENC_UTF8_BOM) {
		name = encoding_name(ENC_UTF8);
		hint = _(" (if the file was saved as GBK, give --encoding gbk)");
	}
	switch (fault) {
	case ENC_FAULT_CUT:
		return err_set_at(
			e, ERR_INPUT, p->path, p->line, 0,
			_("the file ends inside a %s character at byte offset %llu: '%s'"), name,
			offset, bytes);
	case ENC_FAULT_NUL:
		return err_set_at(e, ERR_INPUT, p->path, p->line, 0,
				  _("NUL character at byte offset %llu: not a text file"), offset);
	case ENC_FAULT_INVALID:
		break;
	}
	return err_set_at(e, ERR_INPUT, p->path, p->line, 0,
			  _("invalid %s at byte offset %llu: '%s'%s"), name, offset, bytes, hint);
}

/* Read the next chunk of p->src after what is left in p->in. Sets *eof when
 * the file has ended. */
static int enc_read_chunk(struct enc_pass *p, int *eof, struct err *e)
{
	size_t got = fread(p->in + p->in_len, 1, p->chunk, p->src);

	if (got < p->chunk && ferror(p->src))
		return err_set(e, ERR_IO, _("cannot read '%s': %s"), p->path, strerror(errno));
	p->in_len += got;
	*eof = got < p->chunk;
	return 0;
}

/* Drop the first n bytes of p->in: they have been dealt with. */
static void enc_consume(struct enc_pass *p, size_t n)
{
	memmove(p->in, p->in + n, p->in_len - n);
	p->in_len -= n;
	p->in_offset += n;
}

static int enc_rewind(struct enc_pass *p, struct err *e)
{
	if (fseeko(p->src, 0, SEEK_SET) != 0)
		return err_set(e, ERR_IO, _("cannot read '%s': %s"), p->path, strerror(errno));
	p->in_len = 0;
	p->in_offset = 0;
	p->line = 1;
	p->after_cr = 0;
	p->at_start = 1;
	return 0;
}

/* Check that the whole of p->src is UTF-8 without NUL characters. */
static int enc_check_utf8(struct enc_pass *p, struct err *e)
{
	int eof = 0, rc;

	if ((rc = enc_rewind(p, e)) < 0)
		return rc;
	while (!eof) {
		size_t i = 0;

		if ((rc = enc_read_chunk(p, &eof, e)) < 0)
			return rc;
		while (i < p->in_len) {
			int len = enc_utf8_seq(p->in + i, p->in_len - i);

			if (len == ENC_SEQ_SHORT && !eof)
				break; /* the rest of it is in the next chunk */
			if (p->in[i] == 0)
				return enc_bad_bytes(p, i, ENC_FAULT_NUL, e);
			if (len <= 0)
				return enc_bad_bytes(p, i,
						     len == ENC_SEQ_SHORT ? ENC_FAULT_CUT
									  : ENC_FAULT_INVALID,
						     e);
			enc_count_lines(p, p->in + i, (size_t)len);
			i += (size_t)len;
		}
		enc_consume(p, i);
	}
	return 0;
}

/* Write n converted bytes to sink, minus a byte-order mark at the start. */
static int enc_emit(struct enc_pass *p, FILE *sink, const char *buf, size_t n, struct err *e)
{
	if (p->at_start && n) {
		p->at_start = 0;
		if (enc_has_utf8_bom((const unsigned char *)buf, n)) {
			buf += 3;
			n -= 3;
		}
	}
	enc_count_lines(p, (const unsigned char *)buf, n);
	if (n && fwrite(buf, 1, n, sink) != n)
		return err_set(e, ERR_IO, _("cannot write the UTF-8 copy of '%s': %s"), p->path,
			       strerror(errno));
	return 0;
}

/* Where in p->in the first NUL character starts, or p->in_len. p->in
 * always starts on a character boundary. */
static size_t enc_find_nul(const struct enc_pass *p)
{
	if (p->enc == ENC_UTF16LE || p->enc == ENC_UTF16BE) {
		for (size_t i = 0; i + 1 < p->in_len; i += 2)
			if (p->in[i] == 0 && p->in[i + 1] == 0)
				return i;
		return p->in_len;
	}
	/* GB18030: 00 is never part of a longer character */
	const unsigned char *nul = memchr(p->in, 0, p->in_len);
	return nul ? (size_t)(nul - p->in) : p->in_len;
}

/* Convert the whole of p->src from p->enc to UTF-8 into sink. */
static int enc_convert(struct enc_pass *p, FILE *sink, struct err *e)
{
	const char *from = p->enc == ENC_GB18030 ? "GB18030" : encoding_name(p->enc);
	size_t out_cap = p->chunk + p->chunk / 2 + 64; /* never too small for one character */
	char *out = NULL, *outptr;
	size_t outleft;
	iconv_t cd;
	int eof = 0, rc;

	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return err_set(e, ERR_IO, _("cannot convert '%s' from %s: %s"), p->path, from,
			       strerror(errno));
	if ((rc = enc_rewind(p, e)) < 0)
		goto out;
	out = xmalloc(out_cap);
	while (!eof) {
		size_t nul, inleft, done;
		char *inptr;

		if ((rc = enc_read_chunk(p, &eof, e)) < 0)
			goto out;
		/* Convert up to the first NUL, so that its offset is known exactly. */
		nul = enc_find_nul(p);
		inptr = (char *)p->in;
		inleft = nul;
		while (inleft > 0) {
			size_t r;
			int saved;

			outptr = out;
			outleft = out_cap;
			r = iconv(cd, &inptr, &inleft, &outptr, &outleft);
			saved = errno;
			if ((rc = enc_emit(p, sink, out, (size_t)(outptr - out), e)) < 0)
				goto out;
			if (r != (size_t)-1 || saved == EINVAL)
				break; /* all done, or a character continues past nul */
			if (saved != E2BIG) {
				rc = enc_bad_bytes(p, (size_t)((unsigned char *)inptr - p->in),
						   ENC_FAULT_INVALID, e);
				goto out;
			}
		}
		done = (size_t)((unsigned char *)inptr - p->in);
		if (nul < p->in_len) {
			/* a character cut off by a NUL is invalid in itself */
			rc = enc_bad_bytes(p, done, done == nul ? ENC_FAULT_NUL : ENC_FAULT_INVALID,
					   e);
			goto out;
		}
		if (eof && inleft > 0) {
			rc = enc_bad_bytes(p, done, ENC_FAULT_CUT, e);
			goto out;
		}
		enc_consume(p, done);
	}
	outptr = out;
	outleft = out_cap;
	iconv(cd, NULL, NULL, &outptr, &outleft);
	rc = enc_emit(p, sink, out, (size_t)(outptr - out), e);
	if (rc == 0 && fflush(sink) != 0)
		rc = err_set(e, ERR_IO, _("cannot write the UTF-8 copy of '%s': %s"), p->path,
			     strerror(errno));
out:
	free(out);
	iconv_close(cd);
	return rc;
}

/* Make *f seekable: a pipe or device is copied into a tmpfile() first,
 * which replaces it. */
static int enc_make_seekable(const char *path, FILE **f, struct err *e)
{
	struct stat st;
	unsigned char *buf = NULL;
	FILE *spool = NULL;
	size_t got;
	int rc = 0;

	if (fstat(fileno(*f), &st) != 0)
		return err_set(e, ERR_IO, _("cannot read '%s': %s"), path, strerror(errno));
	if (S_ISREG(st.st_mode))
		return 0;
	if (S_ISDIR(st.st_mode))
		return err_set(e, ERR_IO, _("cannot read '%s': %s"), path, strerror(EISDIR));
	spool = tmpfile();
	if (!spool)
		return err_set(e, ERR_IO, _("cannot make a temporary copy of '%s': %s"), path,
			       strerror(errno));
	buf = xmalloc(ENC_CHUNK);
	while ((got = fread(buf, 1, ENC_CHUNK, *f)) > 0) {
		if (fwrite(buf, 1, got, spool) != got) {
			rc = err_set(e, ERR_IO, _("cannot make a temporary copy of '%s': %s"), path,
				     strerror(errno));
			goto out;
		}
	}
	if (ferror(*f)) {
		rc = err_set(e, ERR_IO, _("cannot read '%s': %s"), path, strerror(errno));
		goto out;
	}
	rewind(spool);
	fclose(*f);
	*f = spool;
	spool = NULL;
out:
	if (spool)
		fclose(spool);
	free(buf);
	return rc;
}

/* The first window of p->src was pure ASCII and the file goes on: decide
 * on the window from the first non-ASCII byte instead. Only a clear
 * GB18030 changes the answer; anything else stays UTF-8, whose check will
 * then point at the bad bytes. */
static int enc_detect_past_ascii(struct enc_pass *p, unsigned char *window, enum encoding *enc,
				 struct err *e)
{
	unsigned long long offset = ENCODING_DETECT_BYTES;
	size_t n, i;

	for (;;) {
		n = fread(window, 1, ENCODING_DETECT_BYTES, p->src);
		if (n < ENCODING_DETECT_BYTES && ferror(p->src))
			return err_set(e, ERR_IO, _("cannot read '%s': %s"), p->path,
				       strerror(errno));
		for (i = 0; i < n && window[i] < 0x80; i++)
			;
		if (i < n)
			break;
		if (n < ENCODING_DETECT_BYTES)
			return 0; /* ASCII to the end */
		offset += n;
	}
	offset += i;
	if (fseeko(p->src, (off_t)offset, SEEK_SET) != 0)
		return err_set(e, ERR_IO, _("cannot read '%s': %s"), p->path, strerror(errno));
	n = fread(window, 1, ENCODING_DETECT_BYTES, p->src);
	if (n < ENCODING_DETECT_BYTES && ferror(p->src))
		return err_set(e, ERR_IO, _("cannot read '%s': %s"), p->path, strerror(errno));
	if (encoding_detect(window, n) == ENC_GB18030)
		*enc = ENC_GB18030;
	return 0;
}

/* The error for a file whose encoding cannot be told from its first n
 * bytes in window. */
static int enc_unknown(const char *path, const unsigned char *window, size_t n, struct err *e)
{
	struct enc_pass where = {.path = path, .line = 1};
	size_t bad = 0;
	const unsigned char *nul = memchr(window, 0, n);

	if (nul) {
		enc_count_lines(&where, window, (size_t)(nul - window));
		return err_set_at(e, ERR_INPUT, path, where.line, 0,
				  _("cannot tell the encoding: NUL byte at byte offset %zu, so "
				    "not UTF-8 or GB18030 text (UTF-16 without a byte-order "
				    "mark? give --encoding utf-16le or utf-16be)"),
				  (size_t)(nul - window));
	}
	(void)enc_scan(window, n, enc_utf8_seq, 1, &bad);
	enc_count_lines(&where, window, bad);
	return err_set_at(e, ERR_INPUT, path, where.line, 0,
			  _("cannot tell the encoding: not UTF-8 (byte offset %zu) and not "
			    "GB18030 either; give it with --encoding"),
			  bad);
}

/* Decide p->enc from forced or the first n bytes of the file in window. */
static int enc_choose(struct enc_pass *p, enum encoding forced, unsigned char *window, size_t n,
		      struct err *e)
{
	enum encoding bom16 = enc_utf16_bom(window, n);

	switch (forced) {
	case ENC_UTF8:
	case ENC_UTF8_BOM:
		p->enc = enc_has_utf8_bom(window, n) ? ENC_UTF8_BOM : ENC_UTF8;
		return 0;
	case ENC_GB18030:
		p->enc = ENC_GB18030;
		return 0;
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		p->enc = bom16 != ENC_UNKNOWN ? bom16 : forced;
		return 0;
	case ENC_UNKNOWN:
		break;
	default:
		return err_set(e, ERR_INTERNAL, "encoding_open_utf8: no encoding %d", (int)forced);
	}
	p->enc = encoding_detect(window, n);
	if (p->enc == ENC_UNKNOWN && !memchr(window, 0, n)) {
		/* Bad bytes either way: take the encoding that reads further,
		 * if it reads a non-ASCII character first, so that the error
		 * points at the bad bytes instead of giving up. UTF-8 Chinese
		 * often reads as GB18030 too, so on a tie UTF-8 wins, as in
		 * encoding_detect(). */
		size_t bad_utf8 = 0, bad_gb = 0, ascii;

		(void)enc_scan(window, n, enc_utf8_seq, 1, &bad_utf8);
		(void)enc_scan(window, n, enc_gb18030_seq, 1, &bad_gb);
		for (ascii = 0; ascii < n && window[ascii] < 0x80; ascii++)
			;
		if (bad_utf8 >= bad_gb && bad_utf8 > ascii)
			p->enc = ENC_UTF8; /* on a tie, as in encoding_detect() */
		else if (bad_gb > bad_utf8 && bad_gb > ascii)
			p->enc = ENC_GB18030;
	}
	if (p->enc == ENC_UNKNOWN)
		return enc_unknown(p->path, window, n, e);
	if (p->enc == ENC_UTF8 && n == ENCODING_DETECT_BYTES) {
		size_t i;

		for (i = 0; i < n && window[i] < 0x80; i++)
			;
		if (i == n)
			return enc_detect_past_ascii(p, window, &p->enc, e);
	}
	return 0;
}

/* encoding_open_utf8(), reading chunk bytes at a time. */
static int enc_open(const char *path, enum encoding forced, size_t chunk, FILE **out,
		    enum encoding *detected, struct err *e)
{
	struct enc_pass p = {.path = path, .chunk = chunk};
	unsigned char *window = NULL;
	FILE *utf8 = NULL;
	size_t n;
	int rc;

	*out = NULL;
	if (detected)
		*detected = ENC_UNKNOWN;
	p.src = fopen(path, "rb");
	if (!p.src)
		return err_set(e, ERR_IO, _("cannot open '%s': %s"), path, strerror(errno));
	if ((rc = enc_make_seekable(path, &p.src, e)) < 0)
		goto out;
	window = xmalloc(ENCODING_DETECT_BYTES);
	n = fread(window, 1, ENCODING_DETECT_BYTES, p.src);
	if (n < ENCODING_DETECT_BYTES && ferror(p.src)) {
		rc = err_set(e, ERR_IO, _("cannot read '%s': %s"), path, strerror(errno));
		goto out;
	}
	if ((rc = enc_choose(&p, forced, window, n, e)) < 0)
		goto out;
	free(window);
	window = NULL;

	p.in = xmalloc(chunk + ENC_CHAR_MAX);
	if (p.enc == ENC_UTF8 || p.enc == ENC_UTF8_BOM) {
		if ((rc = enc_check_utf8(&p, e)) < 0)
			goto out;
		if (fseeko(p.src, p.enc == ENC_UTF8_BOM ? 3 : 0, SEEK_SET) != 0) {
			rc = err_set(e, ERR_IO, _("cannot read '%s': %s"), path, strerror(errno));
			goto out;
		}
		utf8 = p.src;
		p.src = NULL;
	} else {
		utf8 = tmpfile();
		if (!utf8) {
			rc = err_set(e, ERR_IO, _("cannot make a temporary copy of '%s': %s"), path,
				     strerror(errno));
			goto out;
		}
		if ((rc = enc_convert(&p, utf8, e)) < 0)
			goto out;
		rewind(utf8);
	}
	*out = utf8;
	utf8 = NULL;
	if (detected)
		*detected = p.enc;
out:
	if (utf8)
		fclose(utf8);
	if (p.src)
		fclose(p.src);
	free(p.in);
	free(window);
	return rc;
}

int encoding_open_utf8(const char *path, enum encoding forced, FILE **out, enum encoding *detected,
		       struct err *e)
{
	return enc_open(path, forced, ENC_CHUNK, out, detected, e);
}
