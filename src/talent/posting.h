/* posting.h - reading the fields of one job advert.
 *
 * A scraped advert arrives as free text: a title dressed up with 急招 and
 * 【包吃住】, a salary written a dozen ways ("6-8K·13薪", "200元/天",
 * "1-1.5万", "面议"), an education and an experience requirement, a place
 * name at any depth ("舟山-定海区-临城", "沈家门") and a company name with
 * or without its legal form. The functions here turn each field into the
 * value the talent platform counts with: a cleaned title, a monthly CNY
 * range with flags, an ordered education level, minimum years of
 * experience, a division code and a company key for the enterprise
 * register.
 *
 * Pure functions: UTF-8 in (ingest/ converts other encodings first), no I/O,
 * no store. Every function first folds its input with text_normalize(), so
 * full-width digits, letters and brackets read as their ASCII forms. The
 * rules, their defaults and their sources are in docs/internals/talent.md. */
#ifndef TVET_TALENT_POSTING_H
#define TVET_TALENT_POSTING_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* ---- title ------------------------------------------------------------------ */

/* The default noise list of posting_title_clean(), NULL-terminated. Each
 * entry is a word removed wherever it occurs in a title ("急招", "包吃住",
 * "五险一金"); an entry written "^word" is removed only at the start of the
 * title ("^招聘": "招聘电焊工" -> "电焊工"); an entry written "!word" is
 * protected: the characters of each occurrence of word are never removed
 * ("!招聘专员" keeps the HR job whole). Entries are applied in list order,
 * so a longer word should come before a word it contains. */
extern const char *const posting_title_noise_default[];

/* A new string (the caller frees it): title folded by text_normalize(),
 * then
 *   1. bracketed notes removed with their brackets: 【…】 […] (…) 〔…〕
 *      「…」 『…』 〖…〗 (full-width （…） is ( ) by then) - they hold
 *      selling points and places, not the job ("电焊工(定海)");
 *   2. the noise words of the list removed (noise NULL: the default);
 *   3. decorations removed: symbols and emoji (U+2190-U+2BFF, U+1F000 and
 *      up, U+FE0F), '!', '?' and '*' anywhere; separators (space - _ / | ,
 *      . : ; ~ · 、 ， 。 and the like) at either end;
 *   4. spaces kept only between two ASCII letters or digits ("Java 开发"
 *      -> "Java开发", "PLC 编程" -> "PLC编程", "Office Word" kept).
 * When step 1 leaves nothing ("【电工】"), the bracket characters alone are
 * dropped and their contents kept. The result may be "" (a title that is
 * all noise). ASCII case is kept. title must not be NULL. */
char *posting_title_clean(const char *title, const char *const *noise);

/* ---- salary ------------------------------------------------------------------ */

/* Days and hours a month is paid for, in the national conversion of daily
 * and hourly pay: 月计薪天数 = (365 - 104) / 12 = 21.75 days of 8 hours
 * (劳社部发〔2008〕3号). */
#define POSTING_PAID_DAYS_PER_MONTH 21.75
#define POSTING_HOURS_PER_DAY 8.0

/* Monthly amounts outside [floor, ceiling] CNY are flagged absurd. */
#define POSTING_SALARY_FLOOR 500.0
#define POSTING_SALARY_CEILING 500000.0

enum posting_salary_kind {
	POSTING_SALARY_EMPTY,	   /* no text */
	POSTING_SALARY_UNPARSED,   /* text with no amount understood ("待遇优厚") */
	POSTING_SALARY_NEGOTIABLE, /* 面议, 薪资面议, 待遇面议, 协商 */
	POSTING_SALARY_RANGE,	   /* min and max known (equal for one value) */
	POSTING_SALARY_FROM,	   /* min known, no upper bound: "8000以上", "3000起", "3000+" */
	POSTING_SALARY_UPTO	   /* max known, no lower bound: "8000以下", "1万以内" */
};

/* The period the amount was written for. */
enum posting_salary_period {
	POSTING_PER_MONTH, /* the default when none is written */
	POSTING_PER_DAY,   /* /天, /日, 日薪: x 21.75 */
	POSTING_PER_HOUR,  /* /小时, /时, 时薪: x 8 x 21.75 */
	POSTING_PER_WEEK,  /* /周: x 52 / 12 */
	POSTING_PER_YEAR   /* /年, 年薪: / 12 */
};

/* Flags of a parsed salary (bits). */
enum {
	POSTING_SALARY_LOW = 1,	      /* a monthly amount below POSTING_SALARY_FLOOR */
	POSTING_SALARY_HIGH = 2,      /* a monthly amount above POSTING_SALARY_CEILING */
	POSTING_SALARY_SWAPPED = 4,   /* written high-low ("8000-6000"); min and max swapped */
	POSTING_SALARY_BAD_MONTHS = 8 /* "N薪" with N outside 12-24: ignored */
};

struct posting_salary {
	enum posting_salary_kind kind;
	enum posting_salary_period period;
	int months_paid; /* 12, or N of "·N薪" (13, 14 ...) */
	unsigned flags;	 /* POSTING_SALARY_* bits */
	/* Monthly CNY, unrounded: the written amount converted by its period
	 * and, for a monthly amount, times months_paid / 12 (annual pay spread
	 * over 12 months). min is meaningful for RANGE and FROM, max for RANGE
	 * and UPTO; both are 0 otherwise. */
	double min, max;
};

/* Parse the salary text s (may be NULL or "") into *out. Never fails: what
 * is not understood is UNPARSED. Forms: "6000-8000元/月", "6-8K", "6k-8k",
 * "15-25K·13薪", "1-1.5万", "5千-8千", "8千-1.2万", "0.8-1.2万/月",
 * "200元/天", "25元/小时", "10-15万/年", "年薪20万", "8000", "8000以上",
 * "3000起", "底薪3000+提成", "1万以内", "面议", full-width digits. A unit
 * (K, 千, W, 万, 百, 亿) written only after the second number applies to the
 * first too ("6-8K", "1-1.5万") unless that would put the first above the
 * second ("5000-1万" is 5000 to 10000). Absurd amounts are kept and
 * flagged (POSTING_SALARY_LOW/HIGH): posting_salary_usable() says whether
 * to count them. */
void posting_salary_parse(const char *s, struct posting_salary *out);

/* 1 when sal has at least one bound and no LOW or HIGH flag: the figure
 * may go into salary statistics. */
int posting_salary_usable(const struct posting_salary *sal);

/* ---- education --------------------------------------------------------------- */

/* Education levels in order: a higher value is a higher requirement.
 * 中职 (中专/中技/技校/职高) sits below 高中, the order the sites list them. */
enum posting_edu {
	POSTING_EDU_UNKNOWN = -1, /* empty or not understood */
	POSTING_EDU_ANY = 0,	  /* 不限 */
	POSTING_EDU_JUNIOR,	  /* 初中 (and 小学) */
	POSTING_EDU_SEC_VOC,	  /* 中专, 中技, 技校, 职高, 中职 */
	POSTING_EDU_SENIOR,	  /* 高中 */
	POSTING_EDU_COLLEGE,	  /* 大专, 专科, 高职 */
	POSTING_EDU_BACHELOR,	  /* 本科, 学士 */
	POSTING_EDU_MASTER,	  /* 硕士, 研究生 */
	POSTING_EDU_DOCTOR	  /* 博士 */
};

enum posting_bound {
	POSTING_BOUND_EXACT,	/* the level as written ("大专"; sites mean a minimum) */
	POSTING_BOUND_AT_LEAST, /* "及以上", "以上" */
	POSTING_BOUND_AT_MOST	/* "及以下", "以下" */
};

struct posting_education {
	enum posting_edu level; /* the lowest level named ("高中/中专及以上": 中专) */
	enum posting_bound bound;
};

/* Parse the education requirement s (may be NULL) into *out. */
void posting_education_parse(const char *s, struct posting_education *out);

/* The level's Chinese name: "不限", "初中", "中专", "高中", "大专", "本科",
 * "硕士", "博士"; "" for POSTING_EDU_UNKNOWN. */
const char *posting_edu_name(enum posting_edu level);

/* The level of the vocational majors catalogue (majors_catalog.csv) whose
 * graduates a posting of this requirement is matched to: "中职" for 初中,
 * 中专 and 高中; "高职专科" for 大专; "职业本科" for 本科; NULL for 不限 (no
 * filter), 硕士, 博士 and unknown (no vocational level). */
const char *posting_edu_vocational(enum posting_edu level);

/* ---- experience -------------------------------------------------------------- */

struct posting_experience {
	int known;	  /* 0: empty or not understood; the rest is 0 */
	double min_years; /* 0 for 不限, 无经验, 应届生; 0.5 for 半年 */
	int has_max;	  /* "1-3年", "1年以内" */
	double max_years;
	int graduate; /* 应届生, 应届毕业生, 在校生 */
};

/* Parse the experience requirement s (may be NULL): "经验不限", "应届生",
 * "1年以内", "1-3年", "3-5年", "1年以上", "三年以上", "半年以上",
 * "6个月以上". Chinese numerals 一 to 十 and 两 are read. */
void posting_experience_parse(const char *s, struct posting_experience *out);

/* ---- district ---------------------------------------------------------------- */

/* One administrative division: its code (2 digits province, 4 city, 6
 * county, 9 township, as data/divisions/zhoushan_divisions.csv) and its
 * official name ("定海区", "沈家门街道"). */
struct posting_division {
	const char *code;
	const char *name;
};

/* An extra name for a division code ("新城" -> the 定海 county). */
struct posting_alias {
	const char *name;
	const char *code;
};

/* The default aliases, terminated by {NULL, NULL}: places the official
 * list does not name but adverts do (documented in docs/internals/talent.md). */
extern const struct posting_alias posting_alias_default[];

/* A place-name index built from a division list. Plain data; build with
 * posting_places_init(), free with posting_places_release(). */
struct posting_place_key {
	char *key;	  /* a name to find in a text */
	const char *code; /* points into the caller's rows or aliases */
	int depth;	  /* length of the code: deeper names win */
};
struct posting_places {
	struct posting_place_key *keys;
	size_t n;
};

/* Index the n divisions of rows and the aliases (NULL: the default; pass
 * an empty list for none): each division under its official name and,
 * when that ends in 区, 县, 市, 街道, 镇 or 乡 and at least two characters
 * stay, under its short name too ("定海区" and "定海", "沈家门街道" and
 * "沈家门", "岱山县" and "岱山"). The index points into rows and aliases,
 * which must outlive it. */
void posting_places_init(struct posting_places *p, const struct posting_division *rows, size_t n,
			 const struct posting_alias *aliases);
void posting_places_release(struct posting_places *p);

/* The code of the place named in text: of all names the index finds in
 * the folded text, the one with the deepest code, and among those the
 * longest name ("舟山-定海区-临城" -> the 临城街道 township, "舟山·普陀" -> 普陀区,
 * "舟山市" -> 3309). NULL when none is found or text is NULL. */
const char *posting_place_code(const struct posting_places *p, const char *text);

/* Write the county-level code of code (its first six digits) to out[7];
 * returns 0, or -1 (out "") when code is shorter than six digits. */
int posting_division_county(const char *code, char out[7]);

/* ---- company ----------------------------------------------------------------- */

/* A new string (the caller frees it): the company name as a key for the
 * enterprise register: folded by text_normalize(), ASCII upper-cased,
 * spaces and '·' dropped, bracketed parts removed ("(舟山)", "(普通合伙)"),
 * a branch suffix cut back to its parent ("X有限公司舟山分公司" -> "X"), and
 * the legal form removed from the end: 股份有限公司, 有限责任公司, 有限公司,
 * 股份公司, 分公司, 公司. "" when nothing is left. name must not be NULL. */
char *posting_company_norm(const char *name);

/* ---- date -------------------------------------------------------------------- */

/* Days since 1970-01-01 of the date "YYYY-MM-DD" (a time part after it is
 * ignored) into *day. Returns 0, or ERR_INPUT with e (may be NULL) naming
 * the value when it is not a valid date between 1900 and 2199. */
int posting_date_days(const char *s, int32_t *day, struct err *e) WUR;

#endif
