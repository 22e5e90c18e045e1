/* cmd_demo.c - `tvet demo [--seed N]`: replace the database's data with the
 * deterministic demo city (docs/demo-data.md). The database must have been
 * initialised; the catalogues and the plan are kept. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "demo/demo.h"

static double demo_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct demo_progress {
	double start;
	double last;
};

static void demo_show_progress(const char *stage, long done, long total, void *ctx)
{
	struct demo_progress *p = ctx;
	double now = demo_now();

	if (now - p->last < 0.2 && done != total)
		return;
	p->last = now;
	fprintf(stderr, "\r%-14s %ld/%ld", stage, done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

static int demo_parse_number(const char *opt, const char *s, unsigned long long max,
			     unsigned long long *out, struct err *e)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);

	if (!*s || *end || *s == '-' || v > max)
		return err_set(e, ERR_USAGE, _("%s '%s' is not a number from 0 to %llu"), opt, s,
			       max);
	*out = v;
	return 0;
}

int cmd_demo(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"seed", required_argument, NULL, 's'},
					     {"postings", required_argument, NULL, 'p'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct demo_options o = {0};
	struct demo_summary sum = {0};
	struct demo_progress prog = {0};
	struct store *s = NULL;
	unsigned long long v;
	double t0, city[8];
	int opt, rc;

	o.seed = 20251231;
	o.first_year = 2021;
	o.last_year = 2025;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "s:p:h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			if ((rc = demo_parse_number("--seed", optarg, ~0ULL, &v, e)) < 0)
				return rc;
			o.seed = v;
			break;
		case 'p':
			if ((rc = demo_parse_number("--postings", optarg, DEMO_MAX_POSTINGS, &v,
						    e)) < 0)
				return rc;
			o.postings = (long)v;
			break;
		case 'h':
			printf(_("Usage: tvet demo [--seed N] [--postings N]\n"
				 "Replace all schools, enterprises, statistics, registries, "
				 "postings and\n"
				 "surveys with the demo city (a Zhoushan-like city, 2021-2025). "
				 "The same seed\n"
				 "always gives the same data. Default seed 20251231, 60000 "
				 "postings.\n"));
			return 0;
		default:
			return cli_bad_option("demo", argv, e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	if ((rc = cli_open_store(c, &s, 0, e)) < 0)
		return rc;
	if (isatty(2)) {
		prog.start = demo_now();
		o.progress = demo_show_progress;
		o.progress_ctx = &prog;
	}
	t0 = demo_now();
	rc = demo_generate(s, &o, &sum, e);
	/* the contribution evaluation of every year, as the bureau would run
	 * it: the plan's G3 reads the city index it keeps */
	for (int y = o.first_year; rc == 0 && y <= o.last_year; y++)
		rc = evaluate_and_save(s, c->data_dir, y, "demo", &city[y - o.first_year], e);
	store_close(s);
	if (rc < 0)
		return rc;
	printf(_("demo city (seed %llu) written in %.1f s:\n"), (unsigned long long)o.seed,
	       demo_now() - t0);
	printf(_("  %ld schools, %ld school-major-years, %ld enterprises, %ld registry items\n"),
	       sum.schools, sum.school_majors, sum.enterprises, sum.registry_items);
	printf(_("  %ld statistics values, %ld job postings (%ld reposts), %ld demand survey rows, "
		 "%ld satisfaction ratings\n"),
	       sum.datavalues, sum.postings, sum.posting_reposts, sum.demand_surveys,
	       sum.satisfaction_surveys);
	printf(_("  contribution evaluation %d-%d saved: city index"), o.first_year, o.last_year);
	for (int y = o.first_year; y <= o.last_year; y++)
		printf(" %.1f", city[y - o.first_year]);
	putchar('\n');
	return 0;
}
