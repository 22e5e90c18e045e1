/* test_encoding.c - detecting encodings and reading files as UTF-8 (ingest/encoding.h).
 *
 * encoding_detect() and encoding_utf8_valid() are table-driven over byte
 * strings. The fixtures tests/data/enc_* hold the same small graduates table
 * as GBK, UTF-8 with a BOM and UTF-16 with either BOM, plus GB18030 four-byte
 * characters, a GBK file with a bad byte on line 3 and an empty file; each
 * is read through encoding_open_utf8() and the CSV reader. This file
 * includes encoding.c to reach enc_open(), whose chunk size can be set: every
 * fixture is read with every chunk size from 1 byte up, so each multi-byte
 * character falls across a chunk boundary at every one of its bytes. Cases
 * built from bytes are written to temporary files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/mem.h"
#include "ingest/csv.h"
#include "ingest/encoding.c"

#define FIXTURES TVET_DATADIR "/../tests/data"

/* "毕业生,升学" in GBK, and in UTF-8. */
#define GBK_GRADUATES "\xB1\xCF\xD2\xB5\xC9\xFA,\xC9\xFD\xD1\xA7"
#define UTF8_GRADUATES "毕业生,升学"

/* ---- helpers ---- */

/* Write n bytes to a new temporary file; its path goes into path, which
 * the caller unlink()s. */
static void temp_write(const void *data, size_t n, char path[256])
{
	const char *dir = getenv("TMPDIR");
	FILE *f;
	int fd;

	snprintf(path, 256, "%s/tvet_enc_XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* All of f, NUL-terminated, into out. */
static void slurp(FILE *f, struct strbuf *out)
{
	char buf[4096];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	assert_false(ferror(f));
}

/* Every record of f through the CSV reader, as "line:[f1][f2]...\n". */
static void read_records(FILE *f, const char *name, struct strbuf *out)
{
	struct csv_reader *r = csv_reader_from_stream(f, name);
	struct err e;
	int rc;

	err_clear(&e);
	while ((rc = csv_reader_next(r, &e)) == 1) {
		strbuf_addf(out, "%zu:", csv_reader_line(r));
		for (size_t i = 0; i < csv_reader_nfields(r); i++)
			strbuf_addf(out, "[%s]", csv_reader_field(r, i));
		strbuf_addch(out, '\n');
	}
	if (rc != 0)
		print_error("%s: %s\n", name, e.msg);
	assert_int_equal(rc, 0);
	csv_reader_free(r);
}

/* ---- encoding_detect ---- */

struct detect_case {
	const char *name;
	const char *bytes;
	size_t len; /* 0: strlen(bytes) */
	enum encoding want;
};

static const struct detect_case detect_cases[] = {
	{"empty", "", 0, ENC_UTF8},
	{"pure ASCII", "code,graduates\r\n6501001,120\r\n", 0, ENC_UTF8},
	{"UTF-8 Chinese", UTF8_GRADUATES "\n", 0, ENC_UTF8},
	{"UTF-8 cut at the end", "毕业\xE7\x94", 0, ENC_UTF8},
	{"UTF-8 four-byte", "\xF0\xA0\xAE\xB7田", 0, ENC_UTF8},
	{"UTF-8 BOM",
	 "\xEF\xBB\xBF"
	 "a,b\n",
	 0, ENC_UTF8_BOM},
	{"UTF-8 BOM alone", "\xEF\xBB\xBF", 0, ENC_UTF8_BOM},
	{"GBK Chinese", GBK_GRADUATES "\r\n", 0, ENC_GB18030},
	{"GBK cut at the end", GBK_GRADUATES "\xB1", 0, ENC_GB18030},
	{"GB18030 four-byte", "\x95\x34\xB2\x35\xCC\xEF", 0, ENC_GB18030},
	{"GB18030 four-byte cut", "\xCC\xEF\x95\x34\xB2", 0, ENC_GB18030},
	{"UTF-16LE BOM",
	 "\xFF\xFE"
	 "a\0,\0b\0",
	 8, ENC_UTF16LE},
	{"UTF-16BE BOM",
	 "\xFE\xFF"
	 "\0a\0,\0b",
	 8, ENC_UTF16BE},
	{"UTF-16LE without BOM", "a\0,\0b\0", 6, ENC_UNKNOWN},
	{"NUL in ASCII", "a,b\0c", 5, ENC_UNKNOWN},
	{"0xFF", "a,\xFF", 0, ENC_UNKNOWN},
	{"0x80 alone", "a,\x80,b", 0, ENC_UNKNOWN},
	{"GB lead then bad trail", "\xB1\x20", 0, ENC_UNKNOWN},
	{"four-byte GB with bad third byte", "\x81\x30\x20\x30", 0, ENC_UNKNOWN},
	{"UTF-8 surrogate, GB bad", "\xED\xA0\x80\xFF", 0, ENC_UNKNOWN},
};

static void test_encoding_detect(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(detect_cases) / sizeof(detect_cases[0]); i++) {
		const struct detect_case *c = &detect_cases[i];
		size_t len = c->len ? c->len : strlen(c->bytes);
		enum encoding got = encoding_detect((const unsigned char *)c->bytes, len);

		if (got != c->want)
			print_error("case '%s': got %s, want %s\n", c->name, encoding_name(got),
				    encoding_name(c->want));
		assert_int_equal(got, c->want);
	}
}

/* Random bytes are neither UTF-8 nor GB18030. */
static void test_encoding_detect_random(void **state)
{
	unsigned char buf[512];
	uint32_t x = 12345;

	(void)state;
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < sizeof(buf); i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (unsigned char)(x >> 24);
		}
		/* no BOM by chance */
		buf[0] = 'x';
		assert_int_equal(encoding_detect(buf, sizeof(buf)), ENC_UNKNOWN);
	}
}

/* ---- encoding_utf8_valid ---- */

struct valid_case {
	const char *name;
	const char *bytes;
	size_t len; /* 0: strlen(bytes) */
	int want;
	size_t bad;
};

static const struct valid_case valid_cases[] = {
	{"empty", "", 0, 1, 0},
	{"ASCII", "abc", 0, 1, 0},
	{"Chinese", "数控技术", 0, 1, 0},
	{"NUL is a character", "a\0b", 3, 1, 0},
	{"four-byte", "\xF0\xA0\xAE\xB7", 0, 1, 0},
	{"U+10FFFF", "\xF4\x8F\xBF\xBF", 0, 1, 0},
	{"U+FFFF", "\xEF\xBF\xBF", 0, 1, 0},
	{"lone continuation", "ab\x80", 0, 0, 2},
	{"overlong slash", "a\xC0\xAF", 0, 0, 1},
	{"overlong three-byte", "\xE0\x80\xAF", 0, 0, 0},
	{"overlong four-byte", "x\xF0\x80\x80\xAF", 0, 0, 1},
	{"surrogate", "ok\xED\xA0\x80", 0, 0, 2},
	{"past U+10FFFF", "\xF4\x90\x80\x80", 0, 0, 0},
	{"F5", "\xF5\x80\x80\x80", 0, 0, 0},
	{"cut at the end", "数\xE6\x8E", 0, 0, 3},
	{"GBK", GBK_GRADUATES, 0, 0, 0},
	{"bad second continuation", "\xE6\x8E\x41", 0, 0, 0},
};

static void test_encoding_utf8_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		const struct valid_case *c = &valid_cases[i];
		size_t len = c->len ? c->len : strlen(c->bytes);
		size_t bad = 999;
		int got = encoding_utf8_valid(c->bytes, len, &bad);

		if (got != c->want || (!got && bad != c->bad))
			print_error("case '%s': got %d at %zu\n", c->name, got, bad);
		assert_int_equal(got, c->want);
		if (!c->want)
			assert_int_equal(bad, c->bad);
		/* bad_offset may be NULL */
		assert_int_equal(encoding_utf8_valid(c->bytes, len, NULL), c->want);
	}
}

/* ---- encoding_parse, encoding_name ---- */

static void test_encoding_parse(void **state)
{
	static const struct {
		const char *name;
		enum encoding want;
	} good[] = {
		{"utf-8", ENC_UTF8},	 {"UTF8", ENC_UTF8},	    {"gbk", ENC_GB18030},
		{"GBK", ENC_GB18030},	 {"gb2312", ENC_GB18030},   {"GB18030", ENC_GB18030},
		{"utf-16", ENC_UTF16LE}, {"UTF-16LE", ENC_UTF16LE}, {"utf-16be", ENC_UTF16BE},
		{"Auto", ENC_UNKNOWN},
	};
	static const char *const bad[] = {"latin1", "", "utf-", "gbk "};
	enum encoding enc;
	struct err e;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		enc = ENC_UTF16BE + 1;
		assert_int_equal(encoding_parse(good[i].name, &enc, &e), 0);
		assert_int_equal(enc, good[i].want);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char quoted[32];

		assert_int_equal(encoding_parse(bad[i], &enc, &e), ERR_USAGE);
		snprintf(quoted, sizeof(quoted), "'%s'", bad[i]);
		assert_non_null(strstr(e.msg, quoted));
	}
}

static void test_encoding_name(void **state)
{
	(void)state;
	assert_string_equal(encoding_name(ENC_UTF8), "UTF-8");
	assert_string_equal(encoding_name(ENC_UTF8_BOM), "UTF-8 (BOM)");
	assert_string_equal(encoding_name(ENC_GB18030), "GB18030");
	assert_string_equal(encoding_name(ENC_UTF16LE), "UTF-16LE");
	assert_string_equal(encoding_name(ENC_UTF16BE), "UTF-16BE");
	assert_string_equal(encoding_name(ENC_UNKNOWN), "unknown");
	assert_string_equal(encoding_name((enum encoding)42), "unknown");
}

/* ---- reading fixtures ---- */

static const char graduates_records[] =
	"1:[学校代码][学校名称][专业][毕业生][升学]\n"
	"2:[6501001][乌鲁木齐职业技术学院][数控技术][120][45]\n"
	"3:[6501002][新疆交通职业技术学院（中职部）][汽车检测,维修][86][12]\n"
	"4:[6501003][城市建设学校][建筑工程施工][0][0]\n";

struct fixture_case {
	const char *file;
	enum encoding forced;
	enum encoding want_enc;
	const char *want;
};

static const struct fixture_case fixture_cases[] = {
	{"enc_gbk_graduates.csv", ENC_UNKNOWN, ENC_GB18030, graduates_records},
	{"enc_utf8_bom.csv", ENC_UNKNOWN, ENC_UTF8_BOM, graduates_records},
	{"enc_utf16le_bom.csv", ENC_UNKNOWN, ENC_UTF16LE, graduates_records},
	{"enc_utf16be_bom.csv", ENC_UNKNOWN, ENC_UTF16BE, graduates_records},
	{"enc_gb18030_fourbyte.csv", ENC_UNKNOWN, ENC_GB18030,
	 "1:[姓名][专业]\n2:[𠮷田][护理]\n3:[ئۈرۈمچى][数控技术]\n"},
	{"enc_empty.csv", ENC_UNKNOWN, ENC_UTF8, ""},
	/* forced, agreeing with what is in the file */
	{"enc_gbk_graduates.csv", ENC_GB18030, ENC_GB18030, graduates_records},
	{"enc_utf8_bom.csv", ENC_UTF8, ENC_UTF8_BOM, graduates_records},
	/* a UTF-16 byte-order mark picks the byte order */
	{"enc_utf16be_bom.csv", ENC_UTF16LE, ENC_UTF16BE, graduates_records},
	{"enc_utf16le_bom.csv", ENC_UTF16BE, ENC_UTF16LE, graduates_records},
	{"enc_empty.csv", ENC_GB18030, ENC_GB18030, ""},
};

static void test_encoding_open_fixtures(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(fixture_cases) / sizeof(fixture_cases[0]); i++) {
		const struct fixture_case *c = &fixture_cases[i];
		char path[512];
		struct strbuf got = {0};
		enum encoding enc;
		struct err e;
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", FIXTURES, c->file);
		err_clear(&e);
		if (encoding_open_utf8(path, c->forced, &f, &enc, &e) != 0)
			print_error("%s: %s\n", c->file, e.msg);
		assert_non_null(f);
		assert_int_equal(enc, c->want_enc);
		read_records(f, c->file, &got);
		if (strcmp(strbuf_str(&got), c->want) != 0)
			print_error("%s: got\n%s\nwant\n%s\n", c->file, strbuf_str(&got), c->want);
		assert_string_equal(strbuf_str(&got), c->want);
		fclose(f);
		strbuf_release(&got);
	}
}

/* The converted stream starts after the BOM: its first bytes are the header. */
static void test_encoding_open_strips_bom(void **state)
{
	static const char *const files[] = {"enc_utf8_bom.csv", "enc_utf16le_bom.csv",
					    "enc_utf16be_bom.csv"};
	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512];
		struct strbuf got = {0};
		struct err e;
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", FIXTURES, files[i]);
		assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, NULL, &e), 0);
		slurp(f, &got);
		assert_int_equal(strncmp(strbuf_str(&got), "学校代码,", strlen("学校代码,")), 0);
		fclose(f);
		strbuf_release(&got);
	}
}

/* GB18030 has a byte-order mark too: U+FEFF is 84 31 95 33. */
static void test_encoding_open_strips_gb18030_bom(void **state)
{
	static const char gb[] = "\x84\x31\x95\x33" GBK_GRADUATES "\n";
	char path[256];
	struct strbuf got = {0};
	enum encoding enc;
	struct err e;
	FILE *f;

	(void)state;
	temp_write(gb, sizeof(gb) - 1, path);
	assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, &enc, &e), 0);
	assert_int_equal(enc, ENC_GB18030);
	slurp(f, &got);
	assert_string_equal(strbuf_str(&got), UTF8_GRADUATES "\n");
	fclose(f);
	strbuf_release(&got);
	unlink(path);
}

/* Every chunk size from 1 byte to past the file size gives the same UTF-8:
 * every character is cut by a chunk boundary after each of its bytes. */
static void test_encoding_chunk_boundaries(void **state)
{
	static const char *const files[] = {"enc_gbk_graduates.csv", "enc_gb18030_fourbyte.csv",
					    "enc_utf16le_bom.csv", "enc_utf16be_bom.csv",
					    "enc_utf8_bom.csv"};
	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512];
		struct strbuf want = {0};
		struct err e;
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", FIXTURES, files[i]);
		assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, NULL, &e), 0);
		slurp(f, &want);
		fclose(f);
		assert_true(want.len > 0);
		for (size_t chunk = 1; chunk <= 300; chunk++) {
			struct strbuf got = {0};

			if (enc_open(path, ENC_UNKNOWN, chunk, &f, NULL, &e) != 0)
				print_error("%s, chunk %zu: %s\n", files[i], chunk, e.msg);
			assert_non_null(f);
			slurp(f, &got);
			if (strcmp(strbuf_str(&got), strbuf_str(&want)) != 0)
				print_error("%s, chunk %zu: output differs\n", files[i], chunk);
			assert_string_equal(strbuf_str(&got), strbuf_str(&want));
			fclose(f);
			strbuf_release(&got);
		}
		strbuf_release(&want);
	}
}

/* "专业,学" in GBK is also well-formed UTF-8 ("רҵ,ѧ"): detection says
 * UTF-8, --encoding gbk reads it right. */
static void test_encoding_forced_overrides_detection(void **state)
{
	static const char gbk[] = "\xD7\xA8\xD2\xB5,\xD1\xA7\n";
	char path[256];
	struct strbuf got = {0};
	enum encoding enc;
	struct err e;
	FILE *f;

	(void)state;
	temp_write(gbk, sizeof(gbk) - 1, path);
	assert_int_equal(encoding_detect((const unsigned char *)gbk, sizeof(gbk) - 1), ENC_UTF8);
	assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, &enc, &e), 0);
	assert_int_equal(enc, ENC_UTF8);
	read_records(f, path, &got);
	assert_string_equal(strbuf_str(&got), "1:[רҵ][ѧ]\n");
	fclose(f);
	strbuf_reset(&got);

	assert_int_equal(encoding_open_utf8(path, ENC_GB18030, &f, &enc, &e), 0);
	assert_int_equal(enc, ENC_GB18030);
	read_records(f, path, &got);
	assert_string_equal(strbuf_str(&got), "1:[专业][学]\n");
	fclose(f);
	strbuf_release(&got);
	unlink(path);
}

/* Forcing UTF-8 on a GBK file fails, with a hint. "学校" (D1 A7 D0 A3) happens
 * to be well-formed UTF-8 as well; "代" (B4 FA) is not. */
static void test_encoding_forced_utf8_on_gbk(void **state)
{
	const char *path = FIXTURES "/enc_gbk_graduates.csv";
	enum encoding enc = ENC_UTF8;
	struct err e;
	FILE *f = (FILE *)&f; /* must be reset */

	(void)state;
	assert_int_equal(encoding_open_utf8(path, ENC_UTF8, &f, &enc, &e), ERR_INPUT);
	assert_null(f);
	assert_int_equal(enc, ENC_UNKNOWN);
	assert_string_equal(e.file, path);
	assert_int_equal(e.row, 1);
	assert_non_null(strstr(e.msg, "invalid UTF-8 at byte offset 4: 'B4 FA C2 EB'"));
	assert_non_null(strstr(e.msg, "--encoding gbk"));
}

/* ---- errors ---- */

/* tests/data/enc_gbk_bad_byte.csv: FF 31 on line 3 at byte offset 38, whatever
 * the chunk size. Detection reads it as GB18030, which goes furthest. */
static void test_encoding_bad_byte_fixture(void **state)
{
	const char *path = FIXTURES "/enc_gbk_bad_byte.csv";

	(void)state;
	for (size_t chunk = 1; chunk <= 64; chunk++) {
		enum encoding enc;
		struct err e;
		FILE *f;

		assert_int_equal(
			enc_open(path, ENC_UNKNOWN, chunk == 64 ? ENC_CHUNK : chunk, &f, &enc, &e),
			ERR_INPUT);
		assert_null(f);
		assert_string_equal(e.file, path);
		assert_int_equal(e.row, 3);
		if (!strstr(e.msg, "invalid GB18030 at byte offset 38: 'FF 31'"))
			print_error("chunk %zu: %s\n", chunk, e.msg);
		assert_non_null(strstr(e.msg, "invalid GB18030 at byte offset 38: 'FF 31'"));
	}
}

struct bad_case {
	const char *name;
	const char *bytes;
	size_t len; /* 0: strlen(bytes) */
	enum encoding forced;
	size_t row;
	const char *msg; /* a part of the message */
};

static const struct bad_case bad_cases[] = {
	{"UTF-8 bad byte after CR, LF and CRLF lines", "a\rb\nc\r\nd,\xC3\x28", 0, ENC_UTF8, 4,
	 "invalid UTF-8 at byte offset 9: 'C3 28'"},
	{"UTF-8 cut at the end", "a,b\n数\xE6\x8E", 0, ENC_UNKNOWN, 2,
	 "the file ends inside a UTF-8 character at byte offset 7: 'E6 8E'"},
	{"UTF-8 NUL", "a,b\nc\0d\n", 8, ENC_UTF8, 2, "NUL character at byte offset 5"},
	{"NUL, detecting", "a,b\nc\0d\n", 8, ENC_UNKNOWN, 2,
	 "cannot tell the encoding: NUL byte at byte offset 5"},
	{"UTF-8, then a bad byte", "a,b\n数控,\xFF\n", 0, ENC_UNKNOWN, 2,
	 "invalid UTF-8 at byte offset 11: 'FF'"},
	{"GBK, then a bad byte", "a,b\n" GBK_GRADUATES "\r\n\x80\n", 0, ENC_UNKNOWN, 3,
	 "invalid GB18030 at byte offset 17: '80'"},
	{"bad at the first non-ASCII byte", "a,b\n\xFF\xC3\xA9", 0, ENC_UNKNOWN, 2,
	 "cannot tell the encoding: not UTF-8 (byte offset 4)"},
	{"UTF-8 with BOM, bad",
	 "\xEF\xBB\xBF"
	 "a\n\xFF",
	 0, ENC_UNKNOWN, 2, "invalid UTF-8 at byte offset 5: 'FF'"},
	{"GBK cut at the end", GBK_GRADUATES "\n" GBK_GRADUATES "\xB1", 0, ENC_UNKNOWN, 2,
	 "the file ends inside a GB18030 character at byte offset 23: 'B1'"},
	{"GBK NUL", GBK_GRADUATES "\n\0", 13, ENC_UNKNOWN, 2,
	 "cannot tell the encoding: NUL byte at byte offset 12"},
	{"forced GBK NUL", GBK_GRADUATES "\r\nx\0", 15, ENC_GB18030, 2,
	 "NUL character at byte offset 14"},
	{"forced GBK: unassigned four-byte code", "a\n\x84\x31\xA5\x30", 0, ENC_GB18030, 2,
	 "invalid GB18030 at byte offset 2: '84 31 A5 30'"},
	{"forced GBK: lead byte before NUL", "a\n\xB1\0", 4, ENC_GB18030, 2,
	 "invalid GB18030 at byte offset 2: 'B1 00'"},
	{"UTF-16LE odd length",
	 "\xFF\xFE"
	 "a\0\n\0b",
	 7, ENC_UNKNOWN, 2, "the file ends inside a UTF-16LE character at byte offset 6: '62'"},
	{"UTF-16LE lone low surrogate",
	 "\xFF\xFE"
	 "a\0\n\0\x00\xDC"
	 "b\0",
	 10, ENC_UNKNOWN, 2, "invalid UTF-16LE at byte offset 6: '00 DC 62 00'"},
	{"UTF-16LE high surrogate at the end",
	 "\xFF\xFE"
	 "a\0\x3D\xD8",
	 6, ENC_UNKNOWN, 1, "the file ends inside a UTF-16LE character at byte offset 4: '3D D8'"},
	{"UTF-16BE NUL",
	 "\xFE\xFF"
	 "\0a\0\r\0\0",
	 8, ENC_UNKNOWN, 2, "NUL character at byte offset 6"},
	{"UTF-16 without BOM", "a\0,\0b\0\r\0\n\0", 10, ENC_UNKNOWN, 1,
	 "UTF-16 without a byte-order mark"},
	{"unknown", "code\nname\n\xFF\xFE\xFD", 0, ENC_UNKNOWN, 3,
	 "cannot tell the encoding: not UTF-8 (byte offset 10) and not GB18030"},
};

static void test_encoding_bad_input(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		size_t len = c->len ? c->len : strlen(c->bytes);
		char path[256];

		temp_write(c->bytes, len, path);
		for (size_t chunk = 1; chunk <= 16; chunk++) {
			struct err e;
			FILE *f;
			int rc = enc_open(path, c->forced, chunk == 16 ? ENC_CHUNK : chunk, &f,
					  NULL, &e);

			if (rc != ERR_INPUT || !strstr(e.msg, c->msg) || e.row != c->row)
				print_error("case '%s', chunk %zu: rc %d, row %zu: %s\n", c->name,
					    chunk, rc, e.row, rc ? e.msg : "");
			assert_int_equal(rc, ERR_INPUT);
			assert_null(f);
			assert_string_equal(e.file, path);
			assert_int_equal(e.row, c->row);
			assert_non_null(strstr(e.msg, c->msg));
		}
		unlink(path);
	}
}

static void test_encoding_open_missing(void **state)
{
	struct err e;
	FILE *f = (FILE *)&f;

	(void)state;
	assert_int_equal(
		encoding_open_utf8(FIXTURES "/no_such_file.csv", ENC_UNKNOWN, &f, NULL, &e),
		ERR_IO);
	assert_null(f);
	assert_non_null(strstr(e.msg, "'" FIXTURES "/no_such_file.csv'"));

	f = (FILE *)&f;
	assert_int_equal(encoding_open_utf8(FIXTURES, ENC_UNKNOWN, &f, NULL, &e), ERR_IO);
	assert_null(f);
	assert_non_null(strstr(e.msg, "Is a directory"));
}

static void test_encoding_open_bad_forced(void **state)
{
	struct err e;
	FILE *f;

	(void)state;
	assert_int_equal(
		encoding_open_utf8(FIXTURES "/enc_empty.csv", (enum encoding)42, &f, NULL, &e),
		ERR_INTERNAL);
	assert_null(f);
}

/* ---- bigger than a window or a chunk ---- */

/* Build ascii_rows rows of ASCII (over 64 KiB), then tail. */
static void write_ascii_then(const char *tail, size_t tail_len, char path[256])
{
	struct strbuf sb = {0};

	strbuf_addstr(&sb, "school_code,graduates\r\n");
	for (int i = 0; i < 6000; i++)
		strbuf_addf(&sb, "65%05d,%d\r\n", i, i % 300);
	assert_true(sb.len > ENCODING_DETECT_BYTES);
	strbuf_add(&sb, tail, tail_len);
	temp_write(sb.buf, sb.len, path);
	strbuf_release(&sb);
}

/* The last record of the file at path, read as UTF-8. */
static void last_record(const char *path, enum encoding want_enc, const char *want)
{
	struct csv_reader *r;
	enum encoding enc;
	struct err e;
	FILE *f;
	char last[256] = "";
	int rc;

	assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, &enc, &e), 0);
	assert_int_equal(enc, want_enc);
	r = csv_reader_from_stream(f, path);
	while ((rc = csv_reader_next(r, &e)) == 1)
		snprintf(last, sizeof(last), "%zu:[%s][%s]", csv_reader_line(r),
			 csv_reader_field(r, 0), csv_reader_field(r, 1));
	assert_int_equal(rc, 0);
	assert_string_equal(last, want);
	csv_reader_free(r);
	fclose(f);
}

/* Excel files often have only codes and numbers in the first 64 KiB. */
static void test_encoding_ascii_window_then_gbk(void **state)
{
	static const char gbk_tail[] = "6599999," GBK_GRADUATES "\r\n";
	char path[256];

	(void)state;
	write_ascii_then(gbk_tail, sizeof(gbk_tail) - 1, path);
	last_record(path, ENC_GB18030, "6002:[6599999][毕业生]");
	unlink(path);
}

static void test_encoding_ascii_window_then_utf8(void **state)
{
	static const char tail[] = "6599999," UTF8_GRADUATES "\r\n";
	char path[256];

	(void)state;
	write_ascii_then(tail, sizeof(tail) - 1, path);
	last_record(path, ENC_UTF8, "6002:[6599999][毕业生]");
	unlink(path);
}

/* After an ASCII window, bytes that are neither: the UTF-8 check finds them. */
static void test_encoding_ascii_window_then_garbage(void **state)
{
	static const char tail[] = "6599999,\xFF\xFE\r\n";
	char path[256];
	struct err e;
	FILE *f;

	(void)state;
	write_ascii_then(tail, sizeof(tail) - 1, path);
	assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, NULL, &e), ERR_INPUT);
	assert_int_equal(e.row, 6002);
	assert_non_null(strstr(e.msg, "invalid UTF-8 at byte offset"));
	unlink(path);
}

/* A GBK file of several default-size chunks converts whole. */
static void test_encoding_many_chunks(void **state)
{
	struct strbuf sb = {0};
	struct strbuf got = {0};
	char path[256];
	enum encoding enc;
	struct err e;
	FILE *f;
	size_t rows = 0;

	(void)state;
	for (int i = 0; i < 30000; i++)
		strbuf_addstr(&sb, GBK_GRADUATES "\r\n");
	assert_true(sb.len > 4 * ENC_CHUNK);
	temp_write(sb.buf, sb.len, path);
	assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, &enc, &e), 0);
	assert_int_equal(enc, ENC_GB18030);
	slurp(f, &got);
	for (const char *p = got.buf; (p = strstr(p, UTF8_GRADUATES "\r\n")) != NULL;
	     p += strlen(UTF8_GRADUATES "\r\n"))
		rows++;
	assert_int_equal(rows, 30000);
	assert_int_equal(got.len, 30000 * strlen(UTF8_GRADUATES "\r\n"));
	fclose(f);
	unlink(path);
	strbuf_release(&sb);
	strbuf_release(&got);
}

/* A pipe cannot be read twice; it is spooled first. */
static void test_encoding_open_pipe(void **state)
{
	static const char gbk[] = "code,name\r\n6501001," GBK_GRADUATES "\r\n";
	char path[64];
	struct strbuf got = {0};
	enum encoding enc;
	struct err e;
	int fds[2];
	FILE *f;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], gbk, sizeof(gbk) - 1), (ssize_t)(sizeof(gbk) - 1));
	close(fds[1]);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[0]);
	assert_int_equal(encoding_open_utf8(path, ENC_UNKNOWN, &f, &enc, &e), 0);
	assert_int_equal(enc, ENC_GB18030);
	read_records(f, path, &got);
	assert_string_equal(strbuf_str(&got), "1:[code][name]\n2:[6501001][毕业生][升学]\n");
	fclose(f);
	close(fds[0]);
	strbuf_release(&got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_detect),
		cmocka_unit_test(test_encoding_detect_random),
		cmocka_unit_test(test_encoding_utf8_valid),
		cmocka_unit_test(test_encoding_parse),
		cmocka_unit_test(test_encoding_name),
		cmocka_unit_test(test_encoding_open_fixtures),
		cmocka_unit_test(test_encoding_open_strips_bom),
		cmocka_unit_test(test_encoding_open_strips_gb18030_bom),
		cmocka_unit_test(test_encoding_chunk_boundaries),
		cmocka_unit_test(test_encoding_forced_overrides_detection),
		cmocka_unit_test(test_encoding_forced_utf8_on_gbk),
		cmocka_unit_test(test_encoding_bad_byte_fixture),
		cmocka_unit_test(test_encoding_bad_input),
		cmocka_unit_test(test_encoding_open_missing),
		cmocka_unit_test(test_encoding_open_bad_forced),
		cmocka_unit_test(test_encoding_ascii_window_then_gbk),
		cmocka_unit_test(test_encoding_ascii_window_then_utf8),
		cmocka_unit_test(test_encoding_ascii_window_then_garbage),
		cmocka_unit_test(test_encoding_many_chunks),
		cmocka_unit_test(test_encoding_open_pipe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
