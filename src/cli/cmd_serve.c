/* cmd_serve.c - `tvet serve`: the web system (API and dashboard) on the
 * database, until SIGTERM or SIGINT, which end it gracefully. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "http/http.h"

static int serve_number(const char *opt, const char *v, long lo, long hi, long *out,
			struct err *e)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (!*v || *end || n < lo || n > hi)
		return err_set(e, ERR_USAGE, _("--%s '%s' is not a number from %ld to %ld"), opt, v,
			       lo, hi);
	*out = n;
	return 0;
}

int cmd_serve(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"bind", required_argument, NULL, 'b'},
					     {"port", required_argument, NULL, 'p'},
					     {"threads", required_argument, NULL, 't'},
					     {"web", required_argument, NULL, 'w'},
					     {"max-body", required_argument, NULL, 'm'},
					     {"secure-cookies", no_argument, NULL, 's'},
					     {"routes", no_argument, NULL, 'r'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	struct http_options o = {"127.0.0.1", 8080, NULL, NULL, NULL, 4, 16u << 20, 30, 64, 0,
				 stderr};
	struct http_server *h = NULL;
	struct store *s = NULL;
	sigset_t set;
	long n;
	int opt, rc, sig;

	o.web_dir = getenv("TVET_WEB");
	if (!o.web_dir || !*o.web_dir)
		o.web_dir = TVET_WEBDIR;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "b:p:t:w:m:srh", opts, NULL)) != -1) {
		switch (opt) {
		case 'b':
			o.bind = optarg;
			break;
		case 'p':
			if ((rc = serve_number("port", optarg, 0, 65535, &n, e)) < 0)
				return rc;
			o.port = (int)n;
			break;
		case 't':
			if ((rc = serve_number("threads", optarg, 1, 256, &n, e)) < 0)
				return rc;
			o.threads = (unsigned)n;
			break;
		case 'w':
			o.web_dir = optarg;
			break;
		case 'm':
			if ((rc = serve_number("max-body", optarg, 1024, 1L << 30, &n, e)) < 0)
				return rc;
			o.max_body = (size_t)n;
			break;
		case 's':
			o.secure_cookies = 1;
			break;
		case 'r':
			http_routes(stdout);
			return 0;
		case 'h':
			printf(_("Usage: tvet serve [--bind 127.0.0.1] [--port 8080] [--threads 4]\n"
				 "                  [--web DIR] [--max-body BYTES] [--secure-cookies]\n"
				 "                  [--routes]\n"
				 "Serve the JSON API under /api/v1/ and the dashboard from DIR (default:\n"
				 "$TVET_WEB, then %s) until SIGTERM or SIGINT. --port 0 takes any\n"
				 "free port; the first line printed gives the URL. An access line per\n"
				 "request goes to stderr. --secure-cookies when served behind TLS.\n"
				 "--routes lists the API's routes and exits.\n"),
			       TVET_WEBDIR);
			return 0;
		default:
			return cli_bad_option("serve", argv, e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	/* the database must exist and be current before anything listens */
	if ((rc = cli_open_store(c, &s, 0, e)) < 0)
		return rc;
	store_close(s);
	o.db_path = c->db_path;
	o.data_dir = c->data_dir;
	/* the signals are taken by sigwait below, in this thread only; the
	 * server's threads start with them blocked */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if ((rc = http_start(&o, &h, e)) < 0)
		return rc;
	printf(_("listening on http://%s:%d/\n"), o.bind, http_port(h));
	fflush(stdout);
	sigwait(&set, &sig);
	fprintf(stderr, _("tvet serve: %s, stopping\n"), sig == SIGTERM ? "SIGTERM" : "SIGINT");
	http_stop(h);
	return 0;
}
