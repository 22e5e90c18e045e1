/* kinds.h - the data kinds users submit, as defined in data/kinds/.
 *
 * data/kinds/kinds.csv lists the kinds (name, Chinese and English names,
 * grain); data/kinds/<kind>.csv lays out each kind's columns: a stable
 * English key, the Chinese and English headers a template shows and an
 * import accepts, a type, whether a cell is required, and for statistics
 * the data element and dimensions the column fills; data/kinds/rules.csv
 * holds the row rules ("graduates = to_zhuanke + ... ", "graduates <=
 * enrolment"). kind_load() validates all of it with file/line errors. */
#ifndef TVET_KINDS_H
#define TVET_KINDS_H

#include <stddef.h>

#include "core/err.h"

#define KIND_MAX_COLS 40
#define KIND_MAX_RULES 16
#define KIND_MAX_TERMS 8

enum kind_type {
	KT_SCHOOL,   /* organisation code of a school */
	KT_YEAR,     /* a year, 2000-2100 */
	KT_MAJOR,    /* a major code offered by the row's school that year */
	KT_COUNT,    /* a non-negative whole number */
	KT_AMOUNT,   /* a non-negative number */
	KT_TEXT,     /* free text */
	KT_USCC,     /* 统一社会信用代码, GB 32100-2015 check character */
	KT_INDUSTRY, /* a GB/T 4754-2017 code */
	KT_DIVISION, /* an administrative division code */
	KT_CHOICE,   /* one of the column's choices, by value or label */
	KT_DATE,     /* a calendar date, YYYY-MM-DD (also 2025/3/1) */
	KT_PERCENT,  /* a number from 0 to 100 */
	KT_LONGTEXT, /* free text up to IMPORT_MAX_LONGTEXT bytes */
	KT_OCCUPATION,	  /* an occupation code of the 2022 classification */
	KT_CLUSTER,	  /* an industry cluster code */
	KT_ALLIANCE,	  /* an alliance code */
	KT_REGISTRY_TYPE, /* a registry item type key */
	KT_TARGET,	  /* the id of a manually assessed plan target */
	KT_ENTERPRISE,	  /* the uscc of an enterprise of the register */
	KT_PERIOD,	  /* YYYY, YYYYH1-2 or YYYYQ1-4 */
	KT_CNID		  /* 居民身份证号码, GB 11643-1999; stored only hashed */
};

/* How rows map to the store: one row per school and year, or per school,
 * year and major (values then also add up into the school's totals), or
 * one row per enterprise (keyed by its uscc column; element names the
 * enterprise field a column fills). The grains from GRAIN_SCHOOL on are
 * records of a table (record.h): element names the record's field. */
enum kind_grain {
	GRAIN_SCHOOL_YEAR,
	GRAIN_SCHOOL_YEAR_MAJOR,
	GRAIN_ENTERPRISE,
	GRAIN_SCHOOL,	    /* org rows of kind school, by code */
	GRAIN_SCHOOL_MAJOR, /* majors offered, by school, year and major */
	GRAIN_SATISFACTION, /* employer satisfaction, by school, year, enterprise */
	GRAIN_DEMAND,	    /* talent demand, by enterprise, period, need */
	GRAIN_POSTING,	    /* job postings, by source and source_ref */
	GRAIN_REGISTRY,	    /* recognised items, by type, level, name, owner */
	GRAIN_ASSESSMENT    /* manual target assessments, by target and year */
};

#define KIND_MAX_CHOICES 12

struct kind_column {
	char key[40];
	char header_zh[96];
	char header_en[96];
	enum kind_type type;
	int required;
	char element[48]; /* data element, or enterprise field; "" for keys */
	char dims[128];	  /* canonical */
	char description[256];
	/* KT_CHOICE: the stored values and their Chinese labels (the value
	 * itself when it is Chinese already) */
	char choice_value[KIND_MAX_CHOICES][24];
	char choice_label[KIND_MAX_CHOICES][40];
	int nchoices;
};

/* lhs (= | <=) term + term ...; indexes into the kind's columns. Or
 * "a | b | ...": at least one of these cells is filled (any = 1, lhs the
 * first column, terms the others). */
struct kind_rule {
	int lhs;
	int le;	 /* 0: lhs = sum, 1: lhs <= sum */
	int any; /* 1: at least one of lhs and terms is filled */
	int terms[KIND_MAX_TERMS];
	int nterms;
	char text[256];
	char message_zh[256];
	char message_en[256];
};

struct kind {
	char name[48];
	char name_zh[96];
	char name_en[96];
	enum kind_grain grain;
	struct kind_column cols[KIND_MAX_COLS];
	size_t ncols;
	struct kind_rule rules[KIND_MAX_RULES];
	size_t nrules;
};

/* Load kind `name` from datadir/kinds/. ERR_USAGE for a kind that does not
 * exist (the message lists those that do), ERR_INPUT for a broken file. */
int kind_load(const char *datadir, const char *name, struct kind *k, struct err *e) WUR;

/* The names of every kind, comma-separated, into buf. */
int kind_names(const char *datadir, char *buf, size_t size, struct err *e) WUR;

/* Index of the column with this key, or -1. */
int kind_column(const struct kind *k, const char *key);

/* The kind's own copy of data element code (a column's element), or NULL
 * when no column of the kind stores it. */
const char *kind_element(const struct kind *k, const char *code);

/* The header a user sees in the current language. */
const char *kind_header(const struct kind_column *c);

/* The stored value of choice column c that text names (its value or its
 * label), or NULL. */
const char *kind_choice(const struct kind_column *c, const char *text);

/* The label of stored value v in the current language (the value itself
 * outside Chinese), or v when it is not one of the choices. */
const char *kind_choice_label(const struct kind_column *c, const char *v);

/* 1 for the grains whose rows are records of a table (record.h). */
int kind_is_record(const struct kind *k);

#endif
