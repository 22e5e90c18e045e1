/* cmd_allocate.c - `tvet allocate`: the year's performance-pay pool shared
 * among the schools by their contribution evaluation (calc/allocate on
 * monitor/evaluate), capped at +50 % of each school's base, exact to the
 * fen; --save keeps the run unchangeable with the hash of its inputs. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "calc/allocate.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "ingest/csv.h"
#include "monitor/evaluate.h"
#include "monitor/payout.h"

static void allocate_usage(FILE *out)
{
	fprintf(out,
		_("Usage: tvet allocate --year Y --pool AMOUNT [--base FILE] [--rule uplift|share]\n"
		  "                     [--floor F] [--cap C] [--robust] [--smooth N]\n"
		  "                     [--max-change R] [--config FILE]\n"
		  "                     [--format table|json|csv] [--save]\n"
		  "Share the performance-pay pool AMOUNT (yuan, to the fen) among the schools\n"
		  "by their contribution evaluation of year Y (tvet evaluate). uplift (the\n"
		  "default): in proportion to base x (index - floor), floor 60; share: to base\n"
		  "x index. No school gets more than C (0.5: +50%%) of its base; what a capped\n"
		  "school cannot take goes to the others. --base: a CSV of school,base (yuan);\n"
		  "without it the bases are notional: pool / C shared by enrolment, so that\n"
		  "the caps together are the pool. --robust pays\n"
		  "on the lower end of each index's 5-95%% interval; --smooth N averages the\n"
		  "last N years' indices; --max-change R limits the change from last year's\n"
		  "saved reward to R (0.1: 10%%). --save keeps the run, unchangeable, with the\n"
		  "hash of everything it used (docs/evaluation.md).\n"));
}

/* "1234.5" yuan -> 123450 fen; ERR_USAGE unless digits with at most two
 * decimals. */
static int parse_fen(const char *what, const char *s, int64_t *out, struct err *e)
{
	int64_t yuan = 0, fen = 0;
	const char *p = s;
	int dec = 0;

	if (!*p)
		return err_set(e, ERR_USAGE, _("%s: empty"), what);
	for (; *p >= '0' && *p <= '9'; p++) {
		if (yuan > INT64_MAX / 1000)
			return err_set(e, ERR_USAGE, _("%s: '%s' is too large"), what, s);
		yuan = yuan * 10 + (*p - '0');
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && dec < 3; p++, dec++)
			fen = fen * 10 + (*p - '0');
	if (*p || dec > 2 || p == s)
		return err_set(e, ERR_USAGE, _("%s: '%s' is not an amount in yuan (e.g. 1200000 or 1200000.50)"),
			       what, s);
	*out = yuan * 100 + (dec == 1 ? fen * 10 : fen);
	return 0;
}

static void fmt_yuan(char *buf, size_t size, int64_t fen)
{
	snprintf(buf, size, "%lld.%02lld", (long long)(fen / 100), (long long)(fen % 100));
}

/* The base file: school,base rows (a header first). */
static int read_base(const char *path, struct payout_base **out, size_t *n, struct err *e)
{
	static const char *const names[] = {"school", "base"};
	struct csv_reader *r;
	int idx[2], rc;

	*out = NULL;
	*n = 0;
	if ((rc = csv_reader_open(&r, path, e)) < 0)
		return rc;
	if ((rc = csv_reader_header(r, names, 2, idx, e)) < 0)
		goto out;
	while ((rc = csv_reader_next(r, e)) == 1) {
		struct payout_base *b;
		struct err pe;

		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		b = &(*out)[(*n)++];
		memset(b, 0, sizeof(*b));
		snprintf(b->code, sizeof(b->code), "%s", csv_reader_col(r, idx[0]));
		err_clear(&pe);
		if (parse_fen("base", csv_reader_col(r, idx[1]), &b->fen, &pe) < 0 || b->fen <= 0) {
			rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r), (size_t)idx[1] + 1,
					_("base: '%s' is not an amount in yuan above 0"),
					csv_reader_col(r, idx[1]));
			goto out;
		}
		for (size_t k = 0; k + 1 < *n; k++)
			if (!strcmp((*out)[k].code, b->code)) {
				rc = err_set_at(e, ERR_INPUT, path, csv_reader_line(r),
						(size_t)idx[0] + 1, _("school '%s' is in the file twice"),
						b->code);
				goto out;
			}
	}
out:
	csv_reader_free(r);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

struct alloc_opts_cli {
	int year, save, smooth, fmt_set;
	const char *base, *config;
	struct alloc_opts o;
	enum out_format fmt;
};

int cmd_allocate(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
					     {"pool", required_argument, NULL, 'p'},
					     {"base", required_argument, NULL, 'b'},
					     {"rule", required_argument, NULL, 'r'},
					     {"floor", required_argument, NULL, 'F'},
					     {"cap", required_argument, NULL, 'C'},
					     {"robust", no_argument, NULL, 'R'},
					     {"smooth", required_argument, NULL, 'S'},
					     {"max-change", required_argument, NULL, 'M'},
					     {"config", required_argument, NULL, 'c'},
					     {"format", required_argument, NULL, 'f'},
					     {"save", no_argument, NULL, 's'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct alloc_opts_cli a;
	char path[4096], who[96], at[32], detail[256], yuan[32], *end;
	struct store *s = NULL;
	struct monitor *m = NULL;
	struct eval_config *cfg = NULL;
	struct payout_request q;
	struct payout p;
	struct payout_base *bases = NULL;
	size_t nbases = 0;
	int opt, rc = 0, have_pool = 0;

	memset(&a, 0, sizeof(a));
	memset(&q, 0, sizeof(q));
	memset(&p, 0, sizeof(p));
	alloc_opts_default(&a.o);
	a.fmt = OUT_TABLE;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if ((rc = cli_parse_year(optarg, &a.year, e)) < 0)
				return rc;
			break;
		case 'p':
			if ((rc = parse_fen("--pool", optarg, &a.o.pool_fen, e)) < 0)
				return rc;
			have_pool = 1;
			break;
		case 'b':
			a.base = optarg;
			break;
		case 'r':
			if (strcmp(optarg, "uplift") && strcmp(optarg, "share"))
				return err_set(e, ERR_USAGE, _("--rule: '%s' is not uplift or share"),
					       optarg);
			a.o.rule = strcmp(optarg, "share") ? ALLOC_UPLIFT : ALLOC_SHARE;
			break;
		case 'F':
		case 'C':
		case 'M': {
			double v = strtod(optarg, &end);

			if (!*optarg || *end || !isfinite(v) || v < 0 || (opt == 'F' && v > 100))
				return err_set(e, ERR_USAGE, _("--%s: '%s' is not a number in range"),
					       opt == 'F' ? "floor" : opt == 'C' ? "cap" : "max-change",
					       optarg);
			*(opt == 'F' ? &a.o.floor : opt == 'C' ? &a.o.cap : &a.o.max_change) = v;
			break;
		}
		case 'R':
			a.o.robust = 1;
			break;
		case 'S':
			a.smooth = atoi(optarg);
			if (a.smooth < 1 || a.smooth > ALLOC_MAX_YEARS)
				return err_set(e, ERR_USAGE, _("--smooth: 1 to %d years"), ALLOC_MAX_YEARS);
			a.o.smooth_years = (size_t)a.smooth;
			break;
		case 'c':
			a.config = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &a.fmt, e)) < 0)
				return rc;
			break;
		case 's':
			a.save = 1;
			break;
		case 'h':
			allocate_usage(stdout);
			return 0;
		default:
			return cli_bad_option("allocate", argv, e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if (!a.year || !have_pool)
		return err_set(e, ERR_USAGE, _("tvet allocate needs --year and --pool"));
	if (!a.config) {
		snprintf(path, sizeof(path), "%s/evaluation/default.json", c->data_dir);
		a.config = path;
	}
	if (a.base && (rc = read_base(a.base, &bases, &nbases, e)) < 0)
		return rc;
	if ((rc = cli_open_store(c, &s, a.save ? 0 : STORE_READONLY, e)) < 0)
		goto out;
	if ((rc = eval_config_load(s, a.config, &cfg, e)) < 0 || (rc = monitor_open(s, &m, e)) < 0)
		goto out;
	q.year = a.year;
	q.o = a.o;
	q.bases = bases;
	q.nbases = nbases;
	q.base_source = a.base;
	if ((rc = payout_compute(m, cfg, &q, &p, e)) < 0)
		goto out;

	/* the rows */
	{
		static const struct out_col cols[] = {
			{"school", N_("School"), OUT_TEXT}, {"name", N_("Name"), OUT_TEXT},
			{"index", N_("Index"), OUT_REAL},   {"score_used", N_("Score used"), OUT_REAL},
			{"base", N_("Base"), OUT_REAL},	    {"reward", N_("Reward"), OUT_REAL},
			{"share_of_base", N_("Per cent of base"), OUT_REAL},
			{"capped", N_("Capped"), OUT_BOOL}, {"limited", N_("Limited"), OUT_BOOL},
		};
		struct out_table t;
		int zh = i18n_is_chinese();

		out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
		for (size_t u = 0; u < p.ev[0].nschools; u++) {
			const struct eval_school *x = &p.ev[0].schools[u];
			char idx[32] = "", used[32] = "", base[32], rew[32], pct[32];
			const char *row[9];

			if (!isnan(x->index))
				snprintf(idx, sizeof(idx), "%.1f", x->index);
			if (!isnan(p.res.used_score[u]))
				snprintf(used, sizeof(used), "%.1f", p.res.used_score[u]);
			fmt_yuan(base, sizeof(base), p.schools[u].base_fen);
			fmt_yuan(rew, sizeof(rew), p.res.fen[u]);
			snprintf(pct, sizeof(pct), "%.1f",
				 100.0 * (double)p.res.fen[u] / (double)p.schools[u].base_fen);
			row[0] = x->org->code;
			row[1] = zh || !x->org->name_en ? x->org->name : x->org->name_en;
			row[2] = idx[0] ? idx : NULL;
			row[3] = used[0] ? used : NULL;
			row[4] = base;
			row[5] = rew;
			row[6] = pct;
			row[7] = p.res.capped[u] ? "1" : "0";
			row[8] = p.res.limited[u] ? "1" : "0";
			out_table_add(&t, row);
		}
		out_table_print(&t, a.fmt, stdout);
		out_table_release(&t);
	}
	if (a.fmt == OUT_TABLE) {
		char pool[32], alloc[32], left[32];

		fmt_yuan(pool, sizeof(pool), a.o.pool_fen);
		fmt_yuan(alloc, sizeof(alloc), p.res.allocated_fen);
		fmt_yuan(left, sizeof(left), p.res.left_fen);
		printf(_("Pool %s yuan: allocated %s, left %s (rule %s, floor %g, cap +%g%%)\n"), pool,
		       alloc, left, a.o.rule == ALLOC_SHARE ? "share" : "uplift", a.o.floor,
		       100 * a.o.cap);
	}
	if (a.save) {
		time_t now = time(NULL);
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		cli_who(who, sizeof(who));
		monitor_end_read(m); /* the write needs the connection */
		fmt_yuan(yuan, sizeof(yuan), p.res.allocated_fen);
		snprintf(detail, sizeof(detail), "allocation %d: %s yuan to %zu schools, inputs %.16s",
			 a.year, yuan, p.ev[0].nschools, p.inputs_sha256);
		/* the run and its audit entry: one transaction */
		if ((rc = store_begin(s, e)) < 0 || (rc = payout_save(s, &p, who, at, e)) < 0 ||
		    (rc = auth_audit(s, who, "cli", "allocate", detail, (int64_t)now, e)) < 0 ||
		    (rc = store_commit(s, e)) < 0) {
			store_rollback(s);
			goto out;
		}
		fprintf(stderr, _("saved: allocation run of %d (inputs %.16s...)\n"), a.year,
			p.inputs_sha256);
	}
out:
	payout_release(&p);
	free(bases);
	eval_config_free(cfg);
	monitor_close(m);
	store_close(s);
	return rc < 0 ? rc : 0;
}
