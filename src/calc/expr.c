/* expr.c - parsing, evaluating and printing formulas. See expr.h.
 *
 * A hand-written recursive-descent parser, one function per precedence
 * level, over a one-token lexer. The items of a reference's bracket groups
 * and of count() are not tokens of the expression language (a value may be
 * 升学* or key-major), so the parser reads them straight from the text: after
 * an identifier it looks at the next character itself, and small scanners
 * read the items up to the closing ']' or ')'.
 *
 * Every node and string of a formula lives in a few blocks owned by its
 * struct expr and freed at once. Recursion is bounded everywhere: the parser
 * counts nesting against EXPR_MAX_DEPTH, and EXPR_MAX_LEN bounds the length
 * of left-leaning chains such as 1+1+...+1, the only other way a tree grows
 * deep, so evaluation and printing cannot exhaust the stack either. Numbers
 * are read with strtod and printed with %g, which the program keeps in the
 * C locale (core/i18n.h). */
#include "calc/expr.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* ---- the compiled formula ---- */

#define EXPR_BLOCK_SIZE 4096

struct expr_block {
	struct expr_block *next;
	size_t used, cap;
	max_align_t mem[];
};

enum expr_kind { EXPR_NUM, EXPR_REF, EXPR_NEG, EXPR_NOT, EXPR_BINARY, EXPR_CALL };

enum expr_op {
	OP_OR,
	OP_AND,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE,
	OP_ADD,
	OP_SUB,
	OP_MUL,
	OP_DIV,
};

static const char *const expr_op_text[] = {
	[OP_OR] = "or", [OP_AND] = "and", [OP_LT] = "<",  [OP_LE] = "<=",
	[OP_GT] = ">",	[OP_GE] = ">=",	  [OP_EQ] = "==", [OP_NE] = "!=",
	[OP_ADD] = "+", [OP_SUB] = "-",	  [OP_MUL] = "*", [OP_DIV] = "/",
};

enum expr_func { FN_IF, FN_MIN, FN_MAX, FN_SUM, FN_AVG, FN_COALESCE, FN_ABS, FN_ROUND, FN_COUNT };

#define EXPR_VARIADIC INT_MAX

static const struct expr_func_def {
	const char *name;
	int min_args, max_args;
} expr_funcs[] = {
	[FN_IF] = {"if", 3, 3},
	[FN_MIN] = {"min", 1, EXPR_VARIADIC},
	[FN_MAX] = {"max", 1, EXPR_VARIADIC},
	[FN_SUM] = {"sum", 1, EXPR_VARIADIC},
	[FN_AVG] = {"avg", 1, EXPR_VARIADIC},
	[FN_COALESCE] = {"coalesce", 1, EXPR_VARIADIC},
	[FN_ABS] = {"abs", 1, 1},
	[FN_ROUND] = {"round", 1, 2},
	[FN_COUNT] = {"count", 1, 1}, /* parsed on its own: count(WHAT, items) */
};

struct expr_node {
	enum expr_kind kind;
	union {
		double num;
		struct expr_ref ref;
		struct expr_node *operand; /* EXPR_NEG, EXPR_NOT */
		struct {
			enum expr_op op;
			struct expr_node *lhs, *rhs;
		} bin;
		struct {
			enum expr_func func;
			struct expr_node *args; /* linked by next_arg */
			size_t nargs;
		} call;
	} u;
	struct expr_node *next_arg; /* the next argument of the call this is in */
	struct expr_node *next_ref; /* EXPR_REF: the next reference in the text */
};

struct expr {
	struct expr_block *blocks;
	struct expr_node *root;
	struct expr_node *refs, *refs_tail; /* EXPR_REF nodes in source order */
};

/* n zeroed bytes owned by x, aligned for any type. */
static void *expr_alloc(struct expr *x, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	struct expr_block *b = x->blocks;
	void *p;

	n = (n + align - 1) / align * align;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > EXPR_BLOCK_SIZE ? n : EXPR_BLOCK_SIZE;

		b = xmalloc(sizeof(*b) + cap);
		b->next = x->blocks;
		b->used = 0;
		b->cap = cap;
		x->blocks = b;
	}
	p = (unsigned char *)b->mem + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

static char *expr_strndup(struct expr *x, const char *s, size_t n)
{
	char *p = expr_alloc(x, n + 1);

	memcpy(p, s, n);
	return p;
}

void expr_free(struct expr *x)
{
	struct expr_block *b, *next;

	if (!x)
		return;
	for (b = x->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(x);
}

/* ---- the lexer ---- */

enum tok {
	T_END,
	T_NUM,
	T_IDENT,
	T_AND,
	T_OR,
	T_NOT,
	T_PLUS,
	T_MINUS,
	T_STAR,
	T_SLASH,
	T_LPAREN,
	T_RPAREN,
	T_LBRACKET,
	T_RBRACKET,
	T_COMMA,
	T_LT,
	T_LE,
	T_GT,
	T_GE,
	T_EQ,
	T_NE,
};

struct parser {
	const char *src; /* the whole formula */
	const char *p;	 /* the next byte the lexer reads */
	struct expr *x;
	struct err *e;
	int depth;
	enum tok tok; /* the current token: its kind, text and value */
	const char *tok_at;
	size_t tok_len;
	double num;
	char found[64]; /* what was found, for a message */
};

/* A reference's items while they are read. */
struct ref_items {
	struct expr_filter filters[EXPR_MAX_FILTERS];
	size_t nfilters;
	int has_period, year_is_absolute, year;
};

/* A value of a filter while its alternatives are read. */
struct value_list {
	const char *value;
	struct value_list *next;
};

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_ident_start(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static int is_ident_char(int c)
{
	return is_ident_start(c) || is_digit(c);
}

/* A character that may be part of a filter value (a byte of a multi-byte
 * character always is). */
static int is_value_char(int c)
{
	return c && !is_space(c) && !strchr(",][=|()", c);
}

static const char *skip_space(const char *p)
{
	while (is_space(*p))
		p++;
	return p;
}

static size_t skip_ident(const char *p)
{
	size_t n = 0;

	while (is_ident_char(p[n]))
		n++;
	return n;
}

/* The 1-based column, in characters, of at (the text is valid UTF-8). */
static size_t parser_column(const struct parser *ps, const char *at)
{
	size_t col = 1;

	for (const char *p = ps->src; p < at; p++)
		col += ((unsigned char)*p & 0xC0) != 0x80;
	return col;
}

static int parser_error(struct parser *ps, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ERR_INPUT at at: "column N: <message>", N also in e->column. */
static int parser_error(struct parser *ps, const char *at, const char *fmt, ...)
{
	char body[600];
	size_t col = parser_column(ps, at);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	return err_set_at(ps->e, ERR_INPUT, NULL, 0, col, "column %zu: %s", col, body);
}

/* Quote n bytes of text at s for a message; long names are cut short. */
static const char *parser_quote(struct parser *ps, const char *s, size_t n)
{
	if (n > 40)
		snprintf(ps->found, sizeof(ps->found), "'%.40s...'", s);
	else
		snprintf(ps->found, sizeof(ps->found), "'%.*s'", (int)n, s);
	return ps->found;
}

/* What the text holds at p, for "expected ... but found X": a name or
 * number whole, else one character. */
static const char *parser_found_at(struct parser *ps, const char *p)
{
	uint32_t cp = 0;
	int n;

	if (!*p)
		return "end of formula";
	if (is_ident_char(*p))
		return parser_quote(ps, p, skip_ident(p));
	n = utf8_decode((const unsigned char *)p, 4, &cp);
	if (n <= 0) /* cannot happen: the text was checked */
		n = 1;
	if (cp < 0x20 || cp == 0x7F) {
		snprintf(ps->found, sizeof(ps->found), "U+%04X", (unsigned)cp);
		return ps->found;
	}
	return parser_quote(ps, p, (size_t)n);
}

/* The current token, for "expected ... but found X". */
static const char *parser_found(struct parser *ps)
{
	if (ps->tok == T_END)
		return "end of formula";
	return parser_quote(ps, ps->tok_at, ps->tok_len);
}

static int lex_number(struct parser *ps, const char *start)
{
	const char *p = start;
	char *end;
	double v;

	while (is_digit(*p))
		p++;
	if (*p == '.')
		for (p++; is_digit(*p); p++)
			;
	if ((*p == 'e' || *p == 'E') &&
	    (is_digit(p[1]) || ((p[1] == '+' || p[1] == '-') && is_digit(p[2]))))
		for (p += 2; is_digit(*p); p++)
			;
	if (is_ident_char(*p) || *p == '.') {
		while (is_ident_char(*p) || *p == '.')
			p++;
		return parser_error(ps, start, "malformed number %s",
				    parser_quote(ps, start, (size_t)(p - start)));
	}
	v = strtod(start, &end);
	if (end != p)
		return parser_error(ps, start, "number %s is not understood",
				    parser_quote(ps, start, (size_t)(p - start)));
	if (!isfinite(v))
		return parser_error(ps, start, "number %s is out of range",
				    parser_quote(ps, start, (size_t)(p - start)));
	ps->tok = T_NUM;
	ps->tok_len = (size_t)(p - start);
	ps->num = v;
	ps->p = p;
	return 0;
}

/* Read the next token of the expression language into ps->tok. */
static int lex(struct parser *ps)
{
	const char *start = skip_space(ps->p), *p = start;
	enum tok t;

	ps->tok_at = start;
	if (is_digit(*p) || (*p == '.' && is_digit(p[1])))
		return lex_number(ps, start);
	if (is_ident_start(*p)) {
		size_t n = skip_ident(p);

		p += n;
		if (n == 3 && memcmp(start, "and", 3) == 0)
			t = T_AND;
		else if (n == 2 && memcmp(start, "or", 2) == 0)
			t = T_OR;
		else if (n == 3 && memcmp(start, "not", 3) == 0)
			t = T_NOT;
		else
			t = T_IDENT;
	} else {
		switch (*p) {
		case '\0':
			t = T_END;
			break;
		case '+':
			t = T_PLUS;
			break;
		case '-':
			t = T_MINUS;
			break;
		case '*':
			t = T_STAR;
			break;
		case '/':
			t = T_SLASH;
			break;
		case '(':
			t = T_LPAREN;
			break;
		case ')':
			t = T_RPAREN;
			break;
		case '[':
			t = T_LBRACKET;
			break;
		case ']':
			t = T_RBRACKET;
			break;
		case ',':
			t = T_COMMA;
			break;
		case '<':
			t = p[1] == '=' ? T_LE : T_LT;
			break;
		case '>':
			t = p[1] == '=' ? T_GE : T_GT;
			break;
		case '=':
			if (p[1] != '=')
				return parser_error(
					ps, p, "unexpected character '='; use '==' to compare");
			t = T_EQ;
			break;
		case '!':
			if (p[1] != '=')
				return parser_error(ps, p, "unexpected character '!'");
			t = T_NE;
			break;
		default:
			return parser_error(ps, p, "unexpected character %s",
					    parser_found_at(ps, p));
		}
		if (t != T_END)
			p += (t == T_LE || t == T_GE || t == T_EQ || t == T_NE) ? 2 : 1;
	}
	ps->tok = t;
	ps->tok_len = (size_t)(p - start);
	ps->p = p;
	return 0;
}

/* ---- the parser ---- */

static int parse_or(struct parser *ps, struct expr_node **out);

static struct expr_node *new_node(struct parser *ps, enum expr_kind kind)
{
	struct expr_node *n = expr_alloc(ps->x, sizeof(*n));

	n->kind = kind;
	return n;
}

static struct expr_node *new_binary(struct parser *ps, enum expr_op op, struct expr_node *lhs,
				    struct expr_node *rhs)
{
	struct expr_node *n = new_node(ps, EXPR_BINARY);

	n->u.bin.op = op;
	n->u.bin.lhs = lhs;
	n->u.bin.rhs = rhs;
	return n;
}

/* One level deeper, opened by the token at at. */
static int parser_enter(struct parser *ps, const char *at)
{
	if (++ps->depth > EXPR_MAX_DEPTH)
		return parser_error(ps, at, "formula nests deeper than %d levels", EXPR_MAX_DEPTH);
	return 0;
}

/* A run of digits at *p for a period: 1 to 4 of them, as *n; what names
 * what is expected there, for the messages. */
static int parse_year_number(struct parser *ps, const char **p, int *n, const char *what)
{
	const char *start = *p, *end = start;

	while (is_digit(*end))
		end++;
	if (end == start)
		return parser_error(ps, start, "expected %s but found %s", what,
				    parser_found_at(ps, start));
	*n = 0;
	if (end - start <= 4)
		for (const char *d = start; d < end; d++)
			*n = *n * 10 + (*d - '0');
	*p = end;
	return 0;
}

/* The period item, year[+-N|=YYYY], whose "year" is at key; p is after it. */
static int parse_period(struct parser *ps, struct ref_items *items, const char *key, const char *p)
{
	const char *num;
	int n, rc;

	if (items->has_period)
		return parser_error(ps, key, "period 'year' given twice");
	p = skip_space(p);
	if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1;

		num = p = skip_space(p + 1);
		if ((rc = parse_year_number(ps, &p, &n, "a number of years")))
			return rc;
		if (p - num > 4)
			return parser_error(ps, num, "year offset %s is out of range",
					    parser_quote(ps, num, (size_t)(p - num)));
		items->year = sign * n;
		items->year_is_absolute = 0;
	} else if (*p == '=') {
		num = p = skip_space(p + 1);
		if ((rc = parse_year_number(ps, &p, &n, "a year")))
			return rc;
		if (p - num > 4 || n == 0)
			return parser_error(ps, num, "year %s is out of range",
					    parser_quote(ps, num, (size_t)(p - num)));
		items->year = n;
		items->year_is_absolute = 1;
	} else {
		items->year = 0;
		items->year_is_absolute = 0;
	}
	items->has_period = 1;
	ps->p = p;
	return 0;
}

/* One value of a filter at *p: a run of value characters, '*' only last. */
static int parse_value(struct parser *ps, const char **p, const char *key, size_t key_len,
		       const char **value)
{
	const char *start = *p, *q = start;

	for (; is_value_char(*q); q++) {
		unsigned char c = (unsigned char)*q;

		if (c < 0x20 || c == 0x7F)
			return parser_error(ps, q, "unexpected character %s",
					    parser_found_at(ps, q));
		if (c == '*' && is_value_char(q[1]))
			return parser_error(ps, q, "'*' may only end a value, as in '升学*'");
	}
	if (q == start)
		return parser_error(ps, start, "expected a value for '%.*s' but found %s",
				    (int)key_len, key, parser_found_at(ps, start));
	*value = expr_strndup(ps->x, start, (size_t)(q - start));
	*p = q;
	return 0;
}

/* One item of a bracket group or of count(), at ps->p: a filter
 * key=v1|v2|... or the period. */
static int parse_item(struct parser *ps, struct ref_items *items)
{
	const char *key = skip_space(ps->p), *p;
	struct value_list *head = NULL, **tail = &head;
	struct expr_filter *f;
	const char **values;
	size_t key_len, nvalues = 0;
	int rc;

	if (!is_ident_start(*key))
		return parser_error(ps, key, "expected a filter key or 'year' but found %s",
				    parser_found_at(ps, key));
	key_len = skip_ident(key);
	p = key + key_len;
	if (key_len == 4 && memcmp(key, "year", 4) == 0)
		return parse_period(ps, items, key, p);
	for (size_t i = 0; i < items->nfilters; i++)
		if (strlen(items->filters[i].key) == key_len &&
		    memcmp(items->filters[i].key, key, key_len) == 0)
			return parser_error(ps, key, "filter '%.*s' given twice", (int)key_len,
					    key);
	if (items->nfilters == EXPR_MAX_FILTERS)
		return parser_error(ps, key, "more than %d filters in one reference",
				    EXPR_MAX_FILTERS);
	p = skip_space(p);
	if (*p != '=')
		return parser_error(ps, p, "expected '=' after '%.*s' but found %s", (int)key_len,
				    key, parser_found_at(ps, p));
	for (p++;; p++) {
		struct value_list *v = expr_alloc(ps->x, sizeof(*v));

		p = skip_space(p);
		if ((rc = parse_value(ps, &p, key, key_len, &v->value)))
			return rc;
		*tail = v;
		tail = &v->next;
		nvalues++;
		p = skip_space(p);
		if (*p != '|')
			break;
	}
	values = expr_alloc(ps->x, nvalues * sizeof(*values));
	nvalues = 0;
	for (struct value_list *v = head; v; v = v->next)
		values[nvalues++] = v->value;
	f = &items->filters[items->nfilters++];
	f->key = expr_strndup(ps->x, key, key_len);
	f->values = values;
	f->nvalues = nvalues;
	ps->p = p;
	return 0;
}

/* Items separated by ',' up to closer, from ps->p (just after the '[' or
 * the ',' that opens them); ps->p ends after closer. */
static int parse_items(struct parser *ps, struct ref_items *items, char closer)
{
	const char *p;
	int rc;

	for (;;) {
		if ((rc = parse_item(ps, items)))
			return rc;
		p = skip_space(ps->p);
		if (*p != ',' && *p != closer)
			return parser_error(ps, p, "expected ',' or '%c' but found %s", closer,
					    parser_found_at(ps, p));
		ps->p = p + 1;
		if (*p == closer)
			return 0;
	}
}

/* Fill n's reference from the items read, filters sorted by key, and
 * append it to the formula's list of references. */
static void finish_ref(struct parser *ps, struct expr_node *n, struct ref_items *items)
{
	struct expr_filter *filters = NULL;

	if (items->nfilters) {
		filters = expr_alloc(ps->x, items->nfilters * sizeof(*filters));
		for (size_t i = 0; i < items->nfilters; i++) {
			size_t j = i;

			for (; j > 0 && strcmp(filters[j - 1].key, items->filters[i].key) > 0; j--)
				filters[j] = filters[j - 1];
			filters[j] = items->filters[i];
		}
	}
	n->u.ref.filters = filters;
	n->u.ref.nfilters = items->nfilters;
	n->u.ref.year_is_absolute = items->year_is_absolute;
	n->u.ref.year = items->year;
	if (ps->x->refs_tail)
		ps->x->refs_tail->next_ref = n;
	else
		ps->x->refs = n;
	ps->x->refs_tail = n;
}

/* count(WHAT, items), from ps->p just after the '('. */
static int parse_count(struct parser *ps, struct expr_node **out)
{
	struct ref_items items = {0};
	struct expr_node *n;
	const char *p = skip_space(ps->p);
	size_t len;
	int rc;

	if (!is_ident_start(*p))
		return parser_error(ps, p, "expected what to count (a name) but found %s",
				    parser_found_at(ps, p));
	len = skip_ident(p);
	n = new_node(ps, EXPR_REF);
	n->u.ref.name = expr_strndup(ps->x, p, len);
	n->u.ref.is_count = 1;
	p = skip_space(p + len);
	if (*p != ',' && *p != ')')
		return parser_error(ps, p, "expected ',' or ')' but found %s",
				    parser_found_at(ps, p));
	ps->p = p + 1;
	if (*p == ',' && (rc = parse_items(ps, &items, ')')))
		return rc;
	finish_ref(ps, n, &items);
	*out = n;
	return 0;
}

/* A call of the function written at name (len bytes); ps->p is just after
 * its '('. */
static int parse_call(struct parser *ps, const char *name, size_t len, struct expr_node **out)
{
	const struct expr_func_def *def = NULL;
	struct expr_node *n, **tail;
	enum expr_func func = FN_IF;
	size_t nargs = 0;
	int rc;

	for (size_t i = 0; i < sizeof(expr_funcs) / sizeof(expr_funcs[0]); i++)
		if (strlen(expr_funcs[i].name) == len &&
		    memcmp(expr_funcs[i].name, name, len) == 0) {
			def = &expr_funcs[i];
			func = (enum expr_func)i;
		}
	if (!def)
		return parser_error(ps, name, "unknown function %s", parser_quote(ps, name, len));
	if ((rc = parser_enter(ps, name)))
		return rc;
	if (func == FN_COUNT) {
		if ((rc = parse_count(ps, out)))
			return rc;
		ps->depth--;
		return lex(ps);
	}
	n = new_node(ps, EXPR_CALL);
	n->u.call.func = func;
	tail = &n->u.call.args;
	if ((rc = lex(ps)))
		return rc;
	if (ps->tok != T_RPAREN)
		for (;;) {
			if ((rc = parse_or(ps, tail)))
				return rc;
			tail = &(*tail)->next_arg;
			nargs++;
			if (ps->tok == T_RPAREN)
				break;
			if (ps->tok != T_COMMA)
				return parser_error(ps, ps->tok_at,
						    "expected ',' or ')' but found %s",
						    parser_found(ps));
			if ((rc = lex(ps)))
				return rc;
		}
	if (nargs < (size_t)def->min_args || nargs > (size_t)def->max_args) {
		if (def->max_args == EXPR_VARIADIC)
			return parser_error(
				ps, name, "%s() takes at least %d argument%s but was given %zu",
				def->name, def->min_args, def->min_args == 1 ? "" : "s", nargs);
		if (def->min_args != def->max_args)
			return parser_error(ps, name,
					    "%s() takes %d or %d arguments but was given %zu",
					    def->name, def->min_args, def->max_args, nargs);
		return parser_error(ps, name, "%s() takes %d argument%s but was given %zu",
				    def->name, def->min_args, def->min_args == 1 ? "" : "s", nargs);
	}
	n->u.call.nargs = nargs;
	*out = n;
	ps->depth--;
	return lex(ps);
}

/* A name: a function call, or a data reference with its bracket groups. */
static int parse_name(struct parser *ps, struct expr_node **out)
{
	struct ref_items items = {0};
	const char *name = ps->tok_at, *p = skip_space(ps->p);
	size_t len = ps->tok_len;
	struct expr_node *n;
	int rc;

	if (*p == '(') {
		ps->p = p + 1;
		return parse_call(ps, name, len, out);
	}
	n = new_node(ps, EXPR_REF);
	n->u.ref.name = expr_strndup(ps->x, name, len);
	while (*p == '[') {
		ps->p = p + 1;
		if ((rc = parse_items(ps, &items, ']')))
			return rc;
		p = skip_space(ps->p);
	}
	finish_ref(ps, n, &items);
	*out = n;
	return lex(ps);
}

static int parse_primary(struct parser *ps, struct expr_node **out)
{
	const char *open;
	int rc;

	switch (ps->tok) {
	case T_NUM:
		*out = new_node(ps, EXPR_NUM);
		(*out)->u.num = ps->num;
		return lex(ps);
	case T_IDENT:
		return parse_name(ps, out);
	case T_LPAREN:
		open = ps->tok_at;
		if ((rc = parser_enter(ps, open)) || (rc = lex(ps)) || (rc = parse_or(ps, out)))
			return rc;
		if (ps->tok != T_RPAREN)
			return parser_error(ps, ps->tok_at, "expected ')' but found %s",
					    parser_found(ps));
		ps->depth--;
		return lex(ps);
	default:
		return parser_error(ps, ps->tok_at, "expected an operand but found %s",
				    parser_found(ps));
	}
}

static int parse_unary(struct parser *ps, struct expr_node **out)
{
	enum tok t = ps->tok;
	struct expr_node *operand;
	int rc;

	if (t != T_MINUS && t != T_PLUS)
		return parse_primary(ps, out);
	if ((rc = parser_enter(ps, ps->tok_at)) || (rc = lex(ps)) ||
	    (rc = parse_unary(ps, &operand)))
		return rc;
	ps->depth--;
	if (t == T_PLUS) {
		*out = operand;
	} else {
		*out = new_node(ps, EXPR_NEG);
		(*out)->u.operand = operand;
	}
	return 0;
}

static int parse_mul(struct parser *ps, struct expr_node **out)
{
	struct expr_node *lhs, *rhs;
	int rc;

	if ((rc = parse_unary(ps, &lhs)))
		return rc;
	while (ps->tok == T_STAR || ps->tok == T_SLASH) {
		enum expr_op op = ps->tok == T_STAR ? OP_MUL : OP_DIV;

		if ((rc = lex(ps)) || (rc = parse_unary(ps, &rhs)))
			return rc;
		lhs = new_binary(ps, op, lhs, rhs);
	}
	*out = lhs;
	return 0;
}

static int parse_add(struct parser *ps, struct expr_node **out)
{
	struct expr_node *lhs, *rhs;
	int rc;

	if ((rc = parse_mul(ps, &lhs)))
		return rc;
	while (ps->tok == T_PLUS || ps->tok == T_MINUS) {
		enum expr_op op = ps->tok == T_PLUS ? OP_ADD : OP_SUB;

		if ((rc = lex(ps)) || (rc = parse_mul(ps, &rhs)))
			return rc;
		lhs = new_binary(ps, op, lhs, rhs);
	}
	*out = lhs;
	return 0;
}

/* The comparison operator tok is, or -1. */
static int comparison_op(enum tok t)
{
	switch (t) {
	case T_LT:
		return OP_LT;
	case T_LE:
		return OP_LE;
	case T_GT:
		return OP_GT;
	case T_GE:
		return OP_GE;
	case T_EQ:
		return OP_EQ;
	case T_NE:
		return OP_NE;
	default:
		return -1;
	}
}

static int parse_comparison(struct parser *ps, struct expr_node **out)
{
	struct expr_node *lhs, *rhs;
	int op, rc;

	if ((rc = parse_add(ps, &lhs)))
		return rc;
	if ((op = comparison_op(ps->tok)) < 0) {
		*out = lhs;
		return 0;
	}
	if ((rc = lex(ps)) || (rc = parse_add(ps, &rhs)))
		return rc;
	if (comparison_op(ps->tok) >= 0)
		return parser_error(ps, ps->tok_at,
				    "comparisons do not chain: found %s after a comparison; "
				    "join them with 'and'",
				    parser_found(ps));
	*out = new_binary(ps, (enum expr_op)op, lhs, rhs);
	return 0;
}

static int parse_not(struct parser *ps, struct expr_node **out)
{
	struct expr_node *operand;
	int rc;

	if (ps->tok != T_NOT)
		return parse_comparison(ps, out);
	if ((rc = parser_enter(ps, ps->tok_at)) || (rc = lex(ps)) || (rc = parse_not(ps, &operand)))
		return rc;
	ps->depth--;
	*out = new_node(ps, EXPR_NOT);
	(*out)->u.operand = operand;
	return 0;
}

static int parse_and(struct parser *ps, struct expr_node **out)
{
	struct expr_node *lhs, *rhs;
	int rc;

	if ((rc = parse_not(ps, &lhs)))
		return rc;
	while (ps->tok == T_AND) {
		if ((rc = lex(ps)) || (rc = parse_not(ps, &rhs)))
			return rc;
		lhs = new_binary(ps, OP_AND, lhs, rhs);
	}
	*out = lhs;
	return 0;
}

static int parse_or(struct parser *ps, struct expr_node **out)
{
	struct expr_node *lhs, *rhs;
	int rc;

	if ((rc = parse_and(ps, &lhs)))
		return rc;
	while (ps->tok == T_OR) {
		if ((rc = lex(ps)) || (rc = parse_and(ps, &rhs)))
			return rc;
		lhs = new_binary(ps, OP_OR, lhs, rhs);
	}
	*out = lhs;
	return 0;
}

int expr_parse(const char *src, struct expr **out, struct err *e)
{
	struct parser ps = {.src = src, .p = src, .e = e};
	struct expr_node *root = NULL;
	int rc;

	*out = NULL;
	if (strnlen(src, EXPR_MAX_LEN + 1) > EXPR_MAX_LEN)
		return err_set(e, ERR_INPUT, "formula is longer than %d bytes", EXPR_MAX_LEN);
	for (const char *p = src; *p;) {
		int n = utf8_decode((const unsigned char *)p, 4, NULL);

		if (n <= 0)
			return parser_error(&ps, p, "invalid UTF-8");
		p += n;
	}
	if (!*skip_space(src))
		return err_set(e, ERR_INPUT, "formula is empty");
	ps.x = xcalloc(1, sizeof(*ps.x));
	rc = lex(&ps);
	if (!rc)
		rc = parse_or(&ps, &root);
	if (!rc && ps.tok != T_END)
		rc = parser_error(&ps, ps.tok_at,
				  "expected an operator or end of formula but found %s",
				  parser_found(&ps));
	if (rc) {
		expr_free(ps.x);
		return rc;
	}
	ps.x->root = root;
	*out = ps.x;
	return 0;
}

/* ---- evaluation ---- */

struct evaluator {
	const struct expr_env *env;
	int year; /* the context year */
	struct err *e;
};

static const struct expr_value expr_missing = {0, 0.0};

/* v as a result: missing unless finite, and never -0. */
static struct expr_value expr_present(double v)
{
	if (!isfinite(v))
		return expr_missing;
	return (struct expr_value){1, v == 0 ? 0.0 : v};
}

static const double expr_pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,	1e5,  1e6,  1e7,
				    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/* x rounded half away from zero to digits decimals (-15..15). */
static double round_half_away(double x, int digits)
{
	double scale = expr_pow10[digits < 0 ? -digits : digits];
	double y = digits >= 0 ? x * scale : x / scale;
	double ay = fabs(y), p;
	int mag;

	if (ay >= 1e15) /* no fraction left to round */
		return x;
	if (ay < 0.25)
		return 0.0;
	/* y carries the binary error of x (2.675 is 2.67499999...) and of the
	 * scaling; rounding it to 15 significant digits first gives back the
	 * decimal that was written, whose halves then round away from zero. */
	mag = (int)floor(log10(ay));
	if (mag > -1 && expr_pow10[mag] > ay)
		mag--;
	else if (mag < 14 && expr_pow10[mag + 1] <= ay)
		mag++;
	p = expr_pow10[14 - mag];
	y = round(y * p) / p;
	y = round(y);
	return digits >= 0 ? y / scale : y * scale;
}

static int eval_node(const struct evaluator *ev, const struct expr_node *n, struct expr_value *out);

static int eval_ref(const struct evaluator *ev, const struct expr_ref *ref, struct expr_value *out)
{
	const struct expr_env *env = ev->env;
	int (*fn)(void *, const struct expr_ref *, int, struct expr_value *, struct err *);
	long long year = ref->year_is_absolute ? ref->year : (long long)ev->year + ref->year;
	struct expr_value v = expr_missing;
	int rc;

	fn = ref->is_count ? env->count : env->lookup;
	if (!fn)
		return err_set(ev->e, ERR_INTERNAL, "%s '%s' in a formula but no %s callback",
			       ref->is_count ? "count of" : "reference to", ref->name,
			       ref->is_count ? "count" : "lookup");
	if (year < INT_MIN || year > INT_MAX)
		return err_set(ev->e, ERR_INTERNAL, "year %d%+d of '%s' is out of range", ev->year,
			       ref->year, ref->name);
	rc = fn(env->ud, ref, (int)year, &v, ev->e);
	if (rc < 0)
		return rc;
	if (rc > 0)
		return err_set(ev->e, ERR_INTERNAL, "%s callback for '%s' returned %d",
			       ref->is_count ? "count" : "lookup", ref->name, rc);
	*out = v.present ? expr_present(v.v) : expr_missing;
	return 0;
}

static struct expr_value eval_binary(enum expr_op op, double a, double b)
{
	switch (op) {
	case OP_OR:
		return expr_present(a != 0 || b != 0);
	case OP_AND:
		return expr_present(a != 0 && b != 0);
	case OP_LT:
		return expr_present(a < b);
	case OP_LE:
		return expr_present(a <= b);
	case OP_GT:
		return expr_present(a > b);
	case OP_GE:
		return expr_present(a >= b);
	case OP_EQ:
		return expr_present(a == b);
	case OP_NE:
		return expr_present(a != b);
	case OP_ADD:
		return expr_present(a + b);
	case OP_SUB:
		return expr_present(a - b);
	case OP_MUL:
		return expr_present(a * b);
	case OP_DIV:
		return b == 0 ? expr_missing : expr_present(a / b);
	}
	return expr_missing;
}

static int eval_call(const struct evaluator *ev, const struct expr_node *n, struct expr_value *out)
{
	enum expr_func func = n->u.call.func;
	const struct expr_node *arg = n->u.call.args;
	struct expr_value a, b;
	double acc = 0;
	size_t npresent = 0;
	int rc;

	switch (func) {
	case FN_IF:
		if ((rc = eval_node(ev, arg, &a)))
			return rc;
		if (!a.present)
			return 0;
		arg = a.v != 0 ? arg->next_arg : arg->next_arg->next_arg;
		return eval_node(ev, arg, out);
	case FN_COALESCE:
		for (; arg; arg = arg->next_arg) {
			if ((rc = eval_node(ev, arg, out)))
				return rc;
			if (out->present)
				return 0;
		}
		return 0;
	case FN_MIN:
	case FN_MAX:
	case FN_SUM:
	case FN_AVG:
		for (; arg; arg = arg->next_arg) {
			if ((rc = eval_node(ev, arg, &a)))
				return rc;
			if (!a.present)
				continue;
			if (npresent++ == 0)
				acc = a.v;
			else if (func == FN_SUM || func == FN_AVG)
				acc += a.v;
			else if (func == FN_MIN ? a.v < acc : a.v > acc)
				acc = a.v;
		}
		if (npresent)
			*out = expr_present(func == FN_AVG ? acc / (double)npresent : acc);
		return 0;
	case FN_ABS:
		if ((rc = eval_node(ev, arg, &a)))
			return rc;
		if (a.present)
			*out = expr_present(fabs(a.v));
		return 0;
	case FN_ROUND:
		if ((rc = eval_node(ev, arg, &a)))
			return rc;
		b = expr_present(0);
		if (arg->next_arg && (rc = eval_node(ev, arg->next_arg, &b)))
			return rc;
		if (a.present && b.present && b.v == trunc(b.v) && fabs(b.v) <= 15)
			*out = expr_present(round_half_away(a.v, (int)b.v));
		return 0;
	case FN_COUNT: /* a reference, never a call */
		break;
	}
	return err_set(ev->e, ERR_INTERNAL, "formula holds an unknown function");
}

static int eval_node(const struct evaluator *ev, const struct expr_node *n, struct expr_value *out)
{
	struct expr_value a, b;
	int rc;

	*out = expr_missing;
	switch (n->kind) {
	case EXPR_NUM:
		*out = expr_present(n->u.num);
		return 0;
	case EXPR_REF:
		return eval_ref(ev, &n->u.ref, out);
	case EXPR_NEG:
	case EXPR_NOT:
		if ((rc = eval_node(ev, n->u.operand, &a)))
			return rc;
		if (a.present)
			*out = expr_present(n->kind == EXPR_NEG ? -a.v : a.v == 0);
		return 0;
	case EXPR_BINARY:
		/* both sides always: see "and"/"or" in expr.h */
		if ((rc = eval_node(ev, n->u.bin.lhs, &a)) ||
		    (rc = eval_node(ev, n->u.bin.rhs, &b)))
			return rc;
		if (a.present && b.present)
			*out = eval_binary(n->u.bin.op, a.v, b.v);
		return 0;
	case EXPR_CALL:
		return eval_call(ev, n, out);
	}
	return err_set(ev->e, ERR_INTERNAL, "formula holds an unknown node");
}

int expr_eval(const struct expr *x, const struct expr_env *env, int year, struct expr_value *out,
	      struct err *e)
{
	struct evaluator ev = {env, year, e};
	int rc = eval_node(&ev, x->root, out);

	if (rc)
		*out = expr_missing;
	return rc;
}

/* ---- walking and printing ---- */

int expr_foreach_ref(const struct expr *x, int (*fn)(void *ud, const struct expr_ref *ref),
		     void *ud)
{
	for (const struct expr_node *n = x->refs; n; n = n->next_ref) {
		int rc = fn(ud, &n->u.ref);

		if (rc)
			return rc;
	}
	return 0;
}

int expr_filter_match(const struct expr_filter *f, const char *value)
{
	if (!f || !value)
		return 0;
	for (size_t i = 0; i < f->nvalues; i++) {
		const char *v = f->values[i];
		size_t n = strlen(v);

		if (n && v[n - 1] == '*' ? strncmp(value, v, n - 1) == 0 : strcmp(value, v) == 0)
			return 1;
	}
	return 0;
}

/* The shortest of %.15g and %.17g that reads back as v. */
static void format_number(double v, struct strbuf *out)
{
	char buf[40];

	snprintf(buf, sizeof(buf), "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof(buf), "%.17g", v);
	strbuf_addstr(out, buf);
}

/* The items of ref, separated by sep. */
static void format_items(const struct expr_ref *ref, const char *sep, struct strbuf *out)
{
	for (size_t i = 0; i < ref->nfilters; i++) {
		const struct expr_filter *f = &ref->filters[i];

		if (i)
			strbuf_addstr(out, sep);
		strbuf_addf(out, "%s=", f->key);
		for (size_t j = 0; j < f->nvalues; j++) {
			if (j)
				strbuf_addch(out, '|');
			strbuf_addstr(out, f->values[j]);
		}
	}
	if (!ref->year_is_absolute && ref->year == 0)
		return;
	if (ref->nfilters)
		strbuf_addstr(out, sep);
	if (ref->year_is_absolute)
		strbuf_addf(out, "year=%d", ref->year);
	else
		strbuf_addf(out, "year%+d", ref->year);
}

static int ref_has_items(const struct expr_ref *ref)
{
	return ref->nfilters || ref->year_is_absolute || ref->year;
}

static void format_node(const struct expr_node *n, struct strbuf *out)
{
	switch (n->kind) {
	case EXPR_NUM:
		format_number(n->u.num, out);
		break;
	case EXPR_REF:
		if (n->u.ref.is_count) {
			strbuf_addf(out, "count(%s", n->u.ref.name);
			if (ref_has_items(&n->u.ref)) {
				strbuf_addstr(out, ", ");
				format_items(&n->u.ref, ", ", out);
			}
			strbuf_addch(out, ')');
		} else {
			strbuf_addstr(out, n->u.ref.name);
			if (ref_has_items(&n->u.ref)) {
				strbuf_addch(out, '[');
				format_items(&n->u.ref, ",", out);
				strbuf_addch(out, ']');
			}
		}
		break;
	case EXPR_NEG:
	case EXPR_NOT:
		strbuf_addstr(out, n->kind == EXPR_NEG ? "(-" : "(not ");
		format_node(n->u.operand, out);
		strbuf_addch(out, ')');
		break;
	case EXPR_BINARY:
		strbuf_addch(out, '(');
		format_node(n->u.bin.lhs, out);
		strbuf_addf(out, " %s ", expr_op_text[n->u.bin.op]);
		format_node(n->u.bin.rhs, out);
		strbuf_addch(out, ')');
		break;
	case EXPR_CALL:
		strbuf_addf(out, "%s(", expr_funcs[n->u.call.func].name);
		for (const struct expr_node *a = n->u.call.args; a; a = a->next_arg) {
			if (a != n->u.call.args)
				strbuf_addstr(out, ", ");
			format_node(a, out);
		}
		strbuf_addch(out, ')');
		break;
	}
}

void expr_format(const struct expr *x, struct strbuf *out)
{
	format_node(x->root, out);
}
