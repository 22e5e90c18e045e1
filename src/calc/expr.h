/* expr.h - the indicator formula language: parse once, evaluate many times.
 *
 * An indicator's formula, e.g.
 *
 *	graduates[destination=升学专科|升学本科] / graduates
 *	coalesce(graduates[year-1], 0) + count(registry, type=key_major, level=city)
 *
 * is parsed once into a tree (expr_parse) and evaluated for any number of
 * contexts (expr_eval). The module is pure: it reads no store and does no
 * I/O. Data come from the caller's callbacks in struct expr_env, which are
 * handed each reference with its filters and the absolute year it asks for.
 *
 * Syntax, lowest precedence first:
 *	or  /  and  /  not  /  < <= > >= == != (non-associative: a < b < c is an
 *	error)  /  + - (left)  /  * / (left)  /  unary - +  /  primary
 * A primary is a number (12, 3.5, .5, 1e3), a parenthesised expression, a
 * function call or a data reference: an identifier [A-Za-z_][A-Za-z0-9_]*
 * followed by zero or more groups "[item, item, ...]". An item is a filter
 * key=value or key=v1|v2 (a value ending in '*' is a prefix: 升学*; values
 * are runs of any characters but , ] [ = | ( ) and white space), or one
 * period: year (this year), year-1, year+2 (offsets) or year=2021
 * (absolute). Functions: if(c, a, b), min, max, sum, avg, coalesce (one or
 * more arguments), abs(x), round(x) and round(x, digits), and
 * count(WHAT, item, ...) whose items are those of a reference. "and", "or"
 * and "not" are keywords, not names.
 *
 * "No value" is never a silent 0. Every arithmetic operator, comparison
 * and logical operator (and, or, not) with a missing operand gives a
 * missing result; division by zero and any non-finite result are missing.
 * "and" and "or" do not short-circuit: both operands are always evaluated,
 * so a lookup error on either side is always reported, and 0 and <missing>
 * is missing, not 0. sum, avg, min and max skip missing arguments and are
 * missing only when all are; coalesce gives its first present argument and
 * evaluates no argument after it; if(c, a, b) is missing when c is, and
 * otherwise evaluates only a (c nonzero) or only b. round(x, d) rounds half
 * away from zero to d decimals (d an integer from -15 to 15, else missing);
 * it rounds the decimal a user sees, so round(2.675, 2) is 2.68. Comparisons
 * give 1 or 0 and compare exactly. */
#ifndef TVET_CALC_EXPR_H
#define TVET_CALC_EXPR_H

#include <stddef.h>

#include "core/err.h"
#include "core/mem.h"

#define EXPR_MAX_LEN 4096  /* bytes of formula text */
#define EXPR_MAX_DEPTH 64  /* nested parentheses, calls and unary operators */
#define EXPR_MAX_FILTERS 8 /* filters in one reference or count() */

/* A compiled formula; owns everything the structs below point into. */
struct expr;

/* One filter of a reference: key=values[0]|values[1]|... Each value may end
 * in '*', meaning "starts with the rest" (see expr_filter_match). */
struct expr_filter {
	const char *key;
	const char *const *values;
	size_t nvalues; /* >= 1 */
};

/* A data reference, or a count(). Filters are sorted by key (byte order),
 * keys are distinct. No period and "year" are the same: offset 0. */
struct expr_ref {
	const char *name; /* element code, or WHAT of count() */
	const struct expr_filter *filters;
	size_t nfilters;      /* <= EXPR_MAX_FILTERS */
	int year_is_absolute; /* year=2021 */
	int year;	      /* the absolute year, or the offset from the context year */
	int is_count;	      /* count(name, ...) rather than a data reference */
};

/* A result: present == 0 means "no value" (v is then 0 and meaningless).
 * A present v is always finite. */
struct expr_value {
	int present;
	double v;
};

/* Where the data come from. lookup answers data references, count answers
 * count(); either may be NULL when the formulas evaluated with this env
 * have none of that kind (evaluating one anyway is ERR_INTERNAL). Each is
 * given the reference and the absolute year it asks for (the context year
 * plus the offset, or the absolute year), and sets *out, which arrives as
 * "no value": leaving it so means missing, and a non-finite value counts as
 * missing too. Return 0, or a negative enum err_code with e filled in,
 * which ends the evaluation and is returned by expr_eval. */
struct expr_env {
	int (*lookup)(void *ud, const struct expr_ref *ref, int year, struct expr_value *out,
		      struct err *e);
	int (*count)(void *ud, const struct expr_ref *ref, int year, struct expr_value *out,
		     struct err *e);
	void *ud;
};

/* Parse the NUL-terminated formula src into *out, which the caller frees
 * with expr_free(). Names are not checked here (see expr_foreach_ref).
 * Returns 0, or ERR_INPUT with *out NULL and a message such as
 * "column 17: expected ')' but found end of formula"; the column is the
 * 1-based position in characters (UTF-8 code points) of the offending
 * token, and is also put in e->column. Formulas that are empty, longer than
 * EXPR_MAX_LEN bytes or not UTF-8, nest deeper than EXPR_MAX_DEPTH or give
 * a reference more than EXPR_MAX_FILTERS filters are refused likewise. */
int expr_parse(const char *src, struct expr **out, struct err *e) WUR;

/* Free x and everything it owns (references handed out included). NULL is
 * fine. */
void expr_free(struct expr *x);

/* Evaluate x for the context year into *out, calling env's callbacks (in
 * source order, each reference as often as it is evaluated; see the top of
 * this file for which arguments are evaluated). Returns 0 with *out set,
 * possibly to "no value"; or the negative code a callback returned (e as
 * it left it), or ERR_INTERNAL when a callback is missing or the year
 * asked for does not fit an int, with *out set to "no value". */
int expr_eval(const struct expr *x, const struct expr_env *env, int year, struct expr_value *out,
	      struct err *e) WUR;

/* Call fn once for each reference and count() written in x, in source
 * order (a name written twice is visited twice), e.g. to check the names
 * when an indicator is loaded. The ref stays valid until expr_free(x). A
 * nonzero return from fn stops the walk and is returned; otherwise 0. */
int expr_foreach_ref(const struct expr *x, int (*fn)(void *ud, const struct expr_ref *ref),
		     void *ud);

/* Append the canonical text of x to out: every operator application in
 * parentheses with single spaces around binary operators, numbers in their
 * shortest exact form, a reference's items merged into one group with the
 * filters sorted by key and the period last, offset 0 left out:
 * "((-2) * 3)", "graduates[destination=升学本科,year-1]",
 * "count(registry, level=city, type=key_major)". Parsing the text again gives
 * the same formula. */
void expr_format(const struct expr *x, struct strbuf *out);

/* 1 when value matches one of f's values: equal to it, or, for a value
 * ending in '*', starting with what precedes the '*' ("升学*" matches
 * "升学本科", "*" matches anything); else 0. A NULL value matches nothing. */
int expr_filter_match(const struct expr_filter *f, const char *value);

#endif
