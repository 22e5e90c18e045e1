/* posting.c - parsing the fields of one job advert. See posting.h.
 *
 * Each parser folds its input with text_normalize() and then scans the
 * bytes: every word it looks for is UTF-8, so a byte comparison at a
 * character boundary is a character comparison. Numbers are ASCII by then
 * (full-width digits folded). The rules and their sources are in
 * docs/internals/talent.md. */
#include "talent/posting.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "text/normalize.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- small helpers ------------------------------------------------------------ */

static int has_prefix(const char *p, const char *w)
{
	return strncmp(p, w, strlen(w)) == 0;
}

/* Bytes of the UTF-8 character at p (1 for a stray byte, 0 at the end). */
static size_t char_len(const char *p)
{
	const char *q = p;

	if (!*p)
		return 0;
	text_utf8_next(&q);
	return (size_t)(q - p);
}

/* text_normalize(s) with every ASCII space removed and ASCII letters
 * lower-cased: the form the salary, education and experience parsers scan. */
static char *fold_compact(const char *s)
{
	char *t = text_normalize(s);
	char *w = t;

	for (const char *r = t; *r; r++) {
		if (*r == ' ')
			continue;
		*w++ = (char)tolower((unsigned char)*r);
	}
	*w = '\0';
	return t;
}

static int contains_any(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(s, words[i]))
			return 1;
	return 0;
}

/* ---- brackets ----------------------------------------------------------------- */

static const char *const bracket_pair[][2] = {
	{"【", "】"}, {"[", "]"},   {"(", ")"},	  {"〔", "〕"},
	{"「", "」"}, {"『", "』"}, {"〖", "〗"},
};

/* Copy s to out without its bracketed parts; with keep_contents, drop only
 * the bracket characters. An opening bracket with no closing one, and a
 * stray closing one, are dropped alone. */
static void strip_brackets(const char *s, int keep_contents, struct strbuf *out)
{
	const char *p = s;

	strbuf_reset(out);
	strbuf_addstr(out, "");
	while (*p) {
		size_t k, len = char_len(p);
		int done = 0;

		for (k = 0; k < N_ELEMS(bracket_pair) && !done; k++) {
			const char *open = bracket_pair[k][0], *close = bracket_pair[k][1];
			if (has_prefix(p, open)) {
				const char *inner = p + strlen(open);
				const char *end = strstr(inner, close);
				if (end && keep_contents)
					strbuf_add(out, inner, (size_t)(end - inner));
				p = end ? end + strlen(close) : inner;
				done = 1;
			} else if (has_prefix(p, close)) {
				p += strlen(close);
				done = 1;
			}
		}
		if (!done) {
			strbuf_add(out, p, len);
			p += len;
		}
	}
}

/* ---- title -------------------------------------------------------------------- */

const char *const posting_title_noise_default[] = {
	/* jobs whose names contain a noise word */
	"!招聘专员", "!招聘主管", "!招聘经理", "!招聘助理", "!招聘顾问", "!招商",
	/* urgency and recruiting formulas */
	"高薪诚聘", "高薪急招", "高薪急聘", "急招", "急聘", "急需", "诚聘", "诚招", "高薪", "直招",
	"直聘", "热招", "长期招聘", "常年招聘", "大量招聘", "火热招聘", "^招聘",
	/* benefits */
	"包吃包住", "包吃住", "包食宿", "包住宿", "包住", "包吃", "五险一金", "六险一金", "五险",
	"月薪过万", "周末双休", "双休", "单休", "日结", "周结", "年底双薪", "提供住宿",
	"可接受应届生", "应届生可", "无经验可", "名企", NULL};

/* Symbols and emoji that only decorate a title. */
static int is_decoration(uint32_t cp)
{
	return (cp >= 0x2190 && cp <= 0x2BFF) || cp >= 0x1F000 || cp == 0xFE0F || cp == 0x203B ||
	       cp == '!' || cp == '?' || cp == '*';
}

/* Characters trimmed from either end of a title. */
static int is_separator(uint32_t cp)
{
	static const uint32_t sep[] = {' ',    '-',    '_',    '/',    '\\',   '|',
				       ',',    '.',    ':',    ';',    '~',    '=',
				       0x00B7, 0x3001, 0x3002, 0x2014, 0x2013, 0x2026,
				       0x4E28, 0x301C, 0x2022, 0x00A6};

	for (size_t i = 0; i < N_ELEMS(sep); i++)
		if (cp == sep[i])
			return 1;
	return 0;
}

static int is_ascii_alnum(uint32_t cp)
{
	return cp < 0x80 && isalnum((int)cp);
}

/* Mark in removed[] the bytes of s that the noise list takes out. */
static void mark_noise(const char *s, const char *const *noise, char *removed)
{
	size_t n = strlen(s);
	char *protect = xcalloc(n + 1, 1);

	for (size_t i = 0; noise[i]; i++)
		if (noise[i][0] == '!' && noise[i][1]) {
			const char *w = noise[i] + 1, *at = s;
			while ((at = strstr(at, w))) {
				memset(protect + (at - s), 1, strlen(w));
				at += strlen(w);
			}
		}
	for (size_t i = 0; noise[i]; i++) {
		const char *w = noise[i];
		size_t wl;

		if (w[0] == '!')
			continue;
		if (w[0] == '^') {
			/* the first byte still there that is not a separator */
			size_t at = 0;
			w++;
			wl = strlen(w);
			while (at < n) {
				const char *q = s + at;
				uint32_t cp = text_utf8_next(&q);
				if (!removed[at] && !is_separator(cp) && !is_decoration(cp))
					break;
				at = (size_t)(q - s);
			}
			if (wl && at + wl <= n && memcmp(s + at, w, wl) == 0 &&
			    !memchr(protect + at, 1, wl) && !memchr(removed + at, 1, wl))
				memset(removed + at, 1, wl);
			continue;
		}
		wl = strlen(w);
		if (!wl)
			continue;
		for (const char *at = s; (at = strstr(at, w)); at += wl) {
			size_t off = (size_t)(at - s);
			if (!memchr(protect + off, 1, wl) && !memchr(removed + off, 1, wl))
				memset(removed + off, 1, wl);
		}
	}
	free(protect);
}

/* Steps 2-4 of posting_title_clean() on the bracket-free s. */
static char *title_finish(const char *s, const char *const *noise)
{
	size_t n = strlen(s);
	char *removed = xcalloc(n + 1, 1);
	struct strbuf kept = {0}, out = {0};
	const char *p, *start, *end;
	uint32_t prev = 0;

	mark_noise(s, noise, removed);
	/* keep what is neither noise nor decoration */
	strbuf_addstr(&kept, "");
	for (size_t i = 0; i < n;) {
		const char *q = s + i;
		uint32_t cp = text_utf8_next(&q);
		size_t len = (size_t)(q - (s + i));
		if (!removed[i] && !is_decoration(cp))
			strbuf_add(&kept, s + i, len);
		i += len ? len : 1;
	}
	free(removed);
	/* spaces only between ASCII letters or digits */
	strbuf_addstr(&out, "");
	for (p = kept.buf; *p;) {
		const char *q = p;
		uint32_t cp = text_utf8_next(&q);
		if (cp == ' ') {
			const char *r = q;
			uint32_t next = text_utf8_next(&r);
			if (!(is_ascii_alnum(prev) && is_ascii_alnum(next))) {
				p = q;
				continue;
			}
		}
		strbuf_add(&out, p, (size_t)(q - p));
		prev = cp;
		p = q;
	}
	strbuf_release(&kept);
	/* separators off both ends */
	start = out.buf;
	for (;;) {
		const char *q = start;
		uint32_t cp = text_utf8_next(&q);
		if (!cp || !is_separator(cp))
			break;
		start = q;
	}
	end = start;
	for (p = start; *p;) {
		const char *q = p;
		uint32_t cp = text_utf8_next(&q);
		if (!is_separator(cp))
			end = q;
		p = q;
	}
	{
		char *res = xstrndup(start, (size_t)(end - start));
		strbuf_release(&out);
		return res;
	}
}

char *posting_title_clean(const char *title, const char *const *noise)
{
	char *norm = text_normalize(title);
	struct strbuf sb = {0};
	char *res;

	if (!noise)
		noise = posting_title_noise_default;
	strip_brackets(norm, 0, &sb);
	res = title_finish(sb.buf, noise);
	if (!*res) {
		free(res);
		strip_brackets(norm, 1, &sb);
		res = title_finish(sb.buf, noise);
	}
	strbuf_release(&sb);
	free(norm);
	return res;
}

/* ---- salary ------------------------------------------------------------------- */

/* Read an ASCII decimal number at *p ("12", "1.5", "6,000"); 0 when there
 * is none, *p unchanged. */
static int read_number(const char **p, double *v)
{
	const char *s = *p;
	double x = 0, scale = 0.1;

	if (!isdigit((unsigned char)*s))
		return 0;
	for (;;) {
		if (isdigit((unsigned char)*s)) {
			/* past 10^15 the digits only say "absurd": stay finite */
			if (x < 1e15)
				x = x * 10 + (*s - '0');
			s++;
		} else if (*s == ',' && isdigit((unsigned char)s[1]) &&
			   isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
			   !isdigit((unsigned char)s[4])) {
			s++; /* a thousands separator */
		} else {
			break;
		}
	}
	if (*s == '.' && isdigit((unsigned char)s[1])) {
		s++;
		while (isdigit((unsigned char)*s)) {
			x += (*s - '0') * scale;
			scale /= 10;
			s++;
		}
	}
	*p = s;
	*v = x;
	return 1;
}

/* Read a unit after a number: its multiplier, or 0 when none is written. */
static double read_unit(const char **p)
{
	static const struct {
		const char *word;
		double mult;
	} unit[] = {{"万元", 1e4}, {"千元", 1e3}, {"k", 1e3},  {"千", 1e3}, {"w", 1e4},
		    {"万", 1e4},   {"百", 1e2},	  {"亿", 1e8}, {"元", 1}};

	for (size_t i = 0; i < N_ELEMS(unit); i++)
		if (has_prefix(*p, unit[i].word)) {
			*p += strlen(unit[i].word);
			/* "8k元", "1万元/月": the yuan adds nothing */
			if (unit[i].mult != 1 && has_prefix(*p, "元"))
				*p += strlen("元");
			return unit[i].mult;
		}
	return 0;
}

static int read_range_sep(const char **p)
{
	static const char *const sep[] = {"-", "~", "—", "–", "〜", "至", "到", "－"};

	for (size_t i = 0; i < N_ELEMS(sep); i++)
		if (has_prefix(*p, sep[i])) {
			*p += strlen(sep[i]);
			if (has_prefix(*p, "¥"))
				*p += strlen("¥");
			return 1;
		}
	return 0;
}

static enum posting_salary_period salary_period(const char *t)
{
	static const char *const month[] = {"/月", "月薪", "每月", "/mon"};
	static const char *const hour[] = {"/小时", "/时", "时薪", "每小时", "一小时", "/h"};
	static const char *const day[] = {"/天", "/日", "日薪", "每天", "一天", "每日", "/d"};
	static const char *const week[] = {"/周", "周薪", "每周"};
	static const char *const year[] = {"/年", "年薪", "每年", "/yr", "/a"};

	if (contains_any(t, month, N_ELEMS(month)))
		return POSTING_PER_MONTH;
	if (contains_any(t, hour, N_ELEMS(hour)))
		return POSTING_PER_HOUR;
	if (contains_any(t, day, N_ELEMS(day)))
		return POSTING_PER_DAY;
	if (contains_any(t, week, N_ELEMS(week)))
		return POSTING_PER_WEEK;
	if (contains_any(t, year, N_ELEMS(year)))
		return POSTING_PER_YEAR;
	return POSTING_PER_MONTH;
}

/* Find "N薪" in t, blank it out and return N; 0 when there is none. */
static int take_months_paid(char *t)
{
	const char *xin = "薪";
	size_t xl = strlen(xin);

	for (char *at = t; (at = strstr(at, xin)); at += xl) {
		char *d = at;
		int n = 0;
		while (d > t && isdigit((unsigned char)d[-1]))
			d--;
		if (d == at || at - d > 2)
			continue;
		for (char *q = d; q < at; q++)
			n = n * 10 + (*q - '0');
		memset(d, ' ', (size_t)(at - d) + xl);
		return n;
	}
	return 0;
}

static double period_factor(enum posting_salary_period period, int months_paid)
{
	switch (period) {
	case POSTING_PER_DAY:
		return POSTING_PAID_DAYS_PER_MONTH;
	case POSTING_PER_HOUR:
		return POSTING_PAID_DAYS_PER_MONTH * POSTING_HOURS_PER_DAY;
	case POSTING_PER_WEEK:
		return 52.0 / 12.0;
	case POSTING_PER_YEAR:
		return 1.0 / 12.0;
	default:
		return months_paid / 12.0;
	}
}

static void salary_flag(struct posting_salary *out, double v)
{
	if (v < POSTING_SALARY_FLOOR)
		out->flags |= POSTING_SALARY_LOW;
	if (v > POSTING_SALARY_CEILING)
		out->flags |= POSTING_SALARY_HIGH;
}

/* The amount of a range "n1[unit]-n2[unit]" at *p (past its first
 * number): both ends in yuan, ordered, into v[2]. 0 when no second number
 * follows (*p unchanged). */
static int read_range(const char **p, double n1, double u1, double v[2], unsigned *flags)
{
	const char *q = *p;
	double n2, u2;

	if (!read_range_sep(&q) || !read_number(&q, &n2))
		return 0;
	u2 = read_unit(&q);
	/* "6-8K": the unit after the second number is the first's too,
	 * unless that puts the first above the second ("5000-1万") */
	if (u1 == 0)
		u1 = u2 != 0 && n1 * u2 <= n2 * u2 ? u2 : 1;
	if (u2 == 0)
		u2 = 1;
	v[0] = n1 * u1;
	v[1] = n2 * u2;
	if (v[0] > v[1]) {
		double tmp = v[0];
		v[0] = v[1];
		v[1] = tmp;
		*flags |= POSTING_SALARY_SWAPPED;
	}
	*p = q;
	return 1;
}

/* The kind of a single amount: open above ("8000以上", "最低3000"), open
 * below ("1万以内", "最高12000") or exact. before is the text before the
 * number, after the text after it and its unit. */
static enum posting_salary_kind single_kind(const char *before, const char *after)
{
	static const char *const from_after[] = {"以上", "起", "+", "多", "不封顶"};
	static const char *const upto_after[] = {"以下", "以内", "封顶", "之内"};
	static const char *const from_before[] = {"最低", "不低于", "至少", "保底"};
	static const char *const upto_before[] = {"最高", "不超过", "最多"};

	if (contains_any(after, from_after, N_ELEMS(from_after)) ||
	    contains_any(before, from_before, N_ELEMS(from_before)))
		return POSTING_SALARY_FROM;
	if (contains_any(after, upto_after, N_ELEMS(upto_after)) ||
	    contains_any(before, upto_before, N_ELEMS(upto_before)))
		return POSTING_SALARY_UPTO;
	return POSTING_SALARY_RANGE;
}

/* Convert the yuan amounts v[2] by the period and set min, max and flags
 * as the kind allows. */
static void salary_set(struct posting_salary *out, const double v[2])
{
	double f = period_factor(out->period, out->months_paid);

	if (out->kind != POSTING_SALARY_UPTO) {
		out->min = v[0] * f;
		salary_flag(out, out->min);
	}
	if (out->kind != POSTING_SALARY_FROM) {
		out->max = v[1] * f;
		salary_flag(out, out->max);
	}
}

void posting_salary_parse(const char *s, struct posting_salary *out)
{
	static const char *const negotiable[] = {"面议", "协商", "商议", "面谈", "议定"};
	char *t, *before;
	const char *p;
	double n1, u1, v[2];
	int months;

	memset(out, 0, sizeof(*out));
	out->kind = POSTING_SALARY_EMPTY;
	out->months_paid = 12;
	if (!s)
		return;
	t = fold_compact(s);
	if (!*t)
		goto out;
	out->kind = POSTING_SALARY_UNPARSED;
	months = take_months_paid(t);
	if (months >= 12 && months <= 24)
		out->months_paid = months;
	else if (months)
		out->flags |= POSTING_SALARY_BAD_MONTHS;
	out->period = salary_period(t);

	for (p = t; *p && !isdigit((unsigned char)*p); p++)
		;
	before = xstrndup(t, (size_t)(p - t));
	if (!read_number(&p, &n1)) {
		if (contains_any(t, negotiable, N_ELEMS(negotiable)))
			out->kind = POSTING_SALARY_NEGOTIABLE;
	} else {
		u1 = read_unit(&p);
		if (read_range(&p, n1, u1, v, &out->flags)) {
			out->kind = POSTING_SALARY_RANGE;
		} else {
			v[0] = v[1] = n1 * (u1 != 0 ? u1 : 1);
			out->kind = single_kind(before, p);
		}
		salary_set(out, v);
	}
	free(before);
out:
	free(t);
}

int posting_salary_usable(const struct posting_salary *sal)
{
	return (sal->kind == POSTING_SALARY_RANGE || sal->kind == POSTING_SALARY_FROM ||
		sal->kind == POSTING_SALARY_UPTO) &&
	       !(sal->flags & (POSTING_SALARY_LOW | POSTING_SALARY_HIGH));
}

/* ---- education ---------------------------------------------------------------- */

static const struct {
	const char *word;
	enum posting_edu level;
} edu_word[] = {
	/* longer words first: "高职高专" holds 职高, "博士研究生" holds 研究生 */
	{"博士研究生", POSTING_EDU_DOCTOR}, {"硕士研究生", POSTING_EDU_MASTER},
	{"无学历要求", POSTING_EDU_ANY},    {"技工学校", POSTING_EDU_SEC_VOC},
	{"技工院校", POSTING_EDU_SEC_VOC},  {"中等职业", POSTING_EDU_SEC_VOC},
	{"高职高专", POSTING_EDU_COLLEGE},  {"博士", POSTING_EDU_DOCTOR},
	{"硕士", POSTING_EDU_MASTER},	    {"研究生", POSTING_EDU_MASTER},
	{"本科", POSTING_EDU_BACHELOR},	    {"学士", POSTING_EDU_BACHELOR},
	{"大中专", POSTING_EDU_SEC_VOC},    {"大专", POSTING_EDU_COLLEGE},
	{"专科", POSTING_EDU_COLLEGE},	    {"高职", POSTING_EDU_COLLEGE},
	{"高专", POSTING_EDU_COLLEGE},	    {"高中", POSTING_EDU_SENIOR},
	{"中专", POSTING_EDU_SEC_VOC},	    {"中技", POSTING_EDU_SEC_VOC},
	{"技校", POSTING_EDU_SEC_VOC},	    {"职高", POSTING_EDU_SEC_VOC},
	{"中职", POSTING_EDU_SEC_VOC},	    {"初中", POSTING_EDU_JUNIOR},
	{"小学", POSTING_EDU_JUNIOR},	    {"不限", POSTING_EDU_ANY},
	{"无要求", POSTING_EDU_ANY},
};

void posting_education_parse(const char *s, struct posting_education *out)
{
	char *t;
	int found = 0, any = 0;
	enum posting_edu low = POSTING_EDU_DOCTOR;

	out->level = POSTING_EDU_UNKNOWN;
	out->bound = POSTING_BOUND_EXACT;
	if (!s)
		return;
	t = fold_compact(s);
	for (const char *p = t; *p;) {
		size_t i, len = 0;
		for (i = 0; i < N_ELEMS(edu_word); i++)
			if (has_prefix(p, edu_word[i].word)) {
				len = strlen(edu_word[i].word);
				break;
			}
		if (!len) {
			p += char_len(p);
			continue;
		}
		if (edu_word[i].level == POSTING_EDU_ANY) {
			any = 1;
		} else {
			if (edu_word[i].level < low)
				low = edu_word[i].level;
			found = 1;
		}
		p += len;
	}
	if (found) {
		out->level = low;
		if (strstr(t, "以上"))
			out->bound = POSTING_BOUND_AT_LEAST;
		else if (strstr(t, "以下"))
			out->bound = POSTING_BOUND_AT_MOST;
	} else if (any) {
		out->level = POSTING_EDU_ANY;
	}
	free(t);
}

const char *posting_edu_name(enum posting_edu level)
{
	static const char *const name[] = {"不限", "初中", "中专", "高中",
					   "大专", "本科", "硕士", "博士"};

	if (level < POSTING_EDU_ANY || level > POSTING_EDU_DOCTOR)
		return "";
	return name[level];
}

const char *posting_edu_vocational(enum posting_edu level)
{
	switch (level) {
	case POSTING_EDU_JUNIOR:
	case POSTING_EDU_SEC_VOC:
	case POSTING_EDU_SENIOR:
		return "中职";
	case POSTING_EDU_COLLEGE:
		return "高职专科";
	case POSTING_EDU_BACHELOR:
		return "职业本科";
	default:
		return NULL;
	}
}

/* ---- experience --------------------------------------------------------------- */

/* A count at *p: ASCII digits, or one Chinese numeral 一 to 十, 两 or 半
 * (0.5). 0 when there is none. */
static int read_count(const char **p, double *v)
{
	static const char *const cn[] = {"半", "一", "两", "二", "三", "四",
					 "五", "六", "七", "八", "九", "十"};
	static const double cv[] = {0.5, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10};

	if (read_number(p, v))
		return 1;
	for (size_t i = 0; i < N_ELEMS(cn); i++)
		if (has_prefix(*p, cn[i])) {
			*p += strlen(cn[i]);
			*v = cv[i];
			return 1;
		}
	return 0;
}

/* Years of a count followed by its unit: 年 as is, 个月 / 月 in twelfths. */
static double read_years_unit(const char **p, double n, int *unit_seen)
{
	if (has_prefix(*p, "年")) {
		*p += strlen("年");
		*unit_seen = 1;
		return n;
	}
	if (has_prefix(*p, "个月") || has_prefix(*p, "月")) {
		*p += has_prefix(*p, "个月") ? strlen("个月") : strlen("月");
		*unit_seen = 1;
		return n / 12.0;
	}
	return n;
}

void posting_experience_parse(const char *s, struct posting_experience *out)
{
	static const char *const graduate[] = {"应届", "在校", "实习生", "毕业生"};
	static const char *const none[] = {"不限",   "无经验",	   "无需经验",	"无要求",
					   "零经验", "不需要经验", "无工作经验"};
	char *t;
	const char *p;

	memset(out, 0, sizeof(*out));
	if (!s)
		return;
	t = fold_compact(s);
	if (contains_any(t, graduate, N_ELEMS(graduate))) {
		out->known = 1;
		out->graduate = 1;
		goto out;
	}
	if (contains_any(t, none, N_ELEMS(none))) {
		out->known = 1;
		goto out;
	}
	for (p = t; *p; p += char_len(p)) {
		const char *q = p;
		double n1, n2;
		int unit = 0;

		if (!read_count(&q, &n1))
			continue;
		n1 = read_years_unit(&q, n1, &unit);
		{
			const char *r = q;
			int unit2 = 0;
			if (read_range_sep(&r) && read_count(&r, &n2)) {
				double raw2 = n2;
				n2 = read_years_unit(&r, n2, &unit2);
				/* "1-3年", "6-12个月": the unit after the second count is
				 * the first's too */
				if (unit2 && !unit && raw2 > 0)
					n1 *= n2 / raw2;
				if (unit2) {
					out->known = 1;
					out->min_years = n1;
					out->has_max = 1;
					out->max_years = n2;
					goto out;
				}
			}
		}
		if (!unit)
			continue; /* a number that is not a duration */
		out->known = 1;
		if (strstr(q, "以内") || strstr(q, "以下") || strstr(q, "之内") ||
		    has_prefix(q, "内")) {
			out->min_years = 0;
			out->has_max = 1;
			out->max_years = n1;
		} else {
			out->min_years = n1;
		}
		goto out;
	}
out:
	free(t);
}

/* ---- district ----------------------------------------------------------------- */

const struct posting_alias posting_alias_default[] = {
	/* 舟山新城 (the new town on 临城 and 千岛 streets) lies in 定海区 */
	{"新城", "330902"},
	/* 鱼山岛, the green petrochemical base, belongs to 岱山县 */
	{"鱼山", "330921"},
	{NULL, NULL},
};

static void places_add(struct posting_places *p, size_t *cap, const char *key, size_t keylen,
		       const char *code)
{
	if (p->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		p->keys = xrealloc(p->keys, *cap * sizeof(*p->keys));
	}
	p->keys[p->n].key = xstrndup(key, keylen);
	p->keys[p->n].code = code;
	p->keys[p->n].depth = (int)strlen(code);
	p->n++;
}

void posting_places_init(struct posting_places *p, const struct posting_division *rows, size_t n,
			 const struct posting_alias *aliases)
{
	static const char *const suffix[] = {"街道", "区", "县", "市", "镇", "乡", "省"};
	size_t cap = 0;

	p->keys = NULL;
	p->n = 0;
	if (!aliases)
		aliases = posting_alias_default;
	for (size_t i = 0; i < n; i++) {
		const char *name = rows[i].name;
		size_t len = strlen(name);

		if (!len || !rows[i].code)
			continue;
		places_add(p, &cap, name, len, rows[i].code);
		for (size_t k = 0; k < N_ELEMS(suffix); k++) {
			size_t sl = strlen(suffix[k]);
			if (len > sl && strcmp(name + len - sl, suffix[k]) == 0) {
				char *short_name = xstrndup(name, len - sl);
				if (text_utf8_len(short_name) >= 2)
					places_add(p, &cap, short_name, len - sl, rows[i].code);
				free(short_name);
				break;
			}
		}
	}
	for (size_t i = 0; aliases[i].name; i++)
		if (aliases[i].name[0] && aliases[i].code)
			places_add(p, &cap, aliases[i].name, strlen(aliases[i].name),
				   aliases[i].code);
}

void posting_places_release(struct posting_places *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->keys[i].key);
	free(p->keys);
	p->keys = NULL;
	p->n = 0;
}

const char *posting_place_code(const struct posting_places *p, const char *text)
{
	const struct posting_place_key *best = NULL;
	char *t;

	if (!text)
		return NULL;
	t = text_normalize(text);
	for (size_t i = 0; i < p->n; i++) {
		const struct posting_place_key *k = &p->keys[i];
		if (!strstr(t, k->key))
			continue;
		if (!best || k->depth > best->depth ||
		    (k->depth == best->depth && strlen(k->key) > strlen(best->key)))
			best = k;
	}
	free(t);
	return best ? best->code : NULL;
}

int posting_division_county(const char *code, char out[7])
{
	out[0] = '\0';
	if (!code || strlen(code) < 6)
		return -1;
	for (int i = 0; i < 6; i++)
		if (!isdigit((unsigned char)code[i]))
			return -1;
	memcpy(out, code, 6);
	out[6] = '\0';
	return 0;
}

/* ---- company ------------------------------------------------------------------ */

static int ends_with(const char *s, size_t len, const char *w)
{
	size_t wl = strlen(w);

	return len >= wl && memcmp(s + len - wl, w, wl) == 0;
}

char *posting_company_norm(const char *name)
{
	static const char *const form[] = {"股份有限公司", "有限责任公司", "有限公司",
					   "股份公司",	   "分公司",	   "公司"};
	char *t = text_normalize(name), *w = t, *res;
	struct strbuf sb = {0};
	size_t len;

	for (const char *r = t; *r;) {
		if (*r == ' ') {
			r++;
		} else if (has_prefix(r, "·")) {
			r += strlen("·");
		} else {
			*w++ = (char)toupper((unsigned char)*r);
			r++;
		}
	}
	*w = '\0';
	strip_brackets(t, 0, &sb);
	if (!sb.len)
		strip_brackets(t, 1, &sb);
	len = sb.len;
	/* "X有限公司舟山分公司" is a branch of X: cut after X's legal form */
	if (ends_with(sb.buf, len, "分公司")) {
		char *first = strstr(sb.buf, "公司");
		if (first && first < sb.buf + len - strlen("分公司"))
			len = (size_t)(first - sb.buf) + strlen("公司");
	}
	for (size_t i = 0; i < N_ELEMS(form); i++)
		if (ends_with(sb.buf, len, form[i])) {
			len -= strlen(form[i]);
			break;
		}
	res = xstrndup(sb.buf, len);
	strbuf_release(&sb);
	free(t);
	return res;
}

/* ---- date --------------------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (the era arithmetic of H. Hinnant's days_from_civil). */
static int32_t days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

int posting_date_days(const char *s, int32_t *day, struct err *e)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, leap;

	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			goto bad;
	if (s[10] && s[10] != ' ' && s[10] != 'T')
		goto bad;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap))
		goto bad;
	*day = days_from_civil(y, m, d);
	return 0;
bad:
	return err_set(e, ERR_INPUT, "posting date '%s': not a date YYYY-MM-DD", s ? s : "");
}
