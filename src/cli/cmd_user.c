/* cmd_user.c - `tvet user add|passwd|disable|enable|list`: the accounts of
 * the web system (auth/auth.h). A password is read from standard input, one
 * line; on a terminal it is asked for twice with echo off. It is never
 * printed, and its buffers are wiped after use. Changes are audited as
 * "cli:<unix user>". */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/i18n.h"

#define USER_PW_BUF (AUTH_MAX_PASSWORD + 2) /* a line one byte too long is detected */

/* The terminal's settings while echo is off, for the signal handler. */
static struct termios user_tty_saved;
static volatile sig_atomic_t user_tty_changed;

/* A signal while echo is off: turn it back on, then die of the signal. */
static void user_tty_restore(int sig)
{
	if (user_tty_changed)
		tcsetattr(STDIN_FILENO, TCSANOW, &user_tty_saved);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Read one line from fd into buf[size] without its line end, byte by byte
 * (no stdio buffer keeps a copy). ERR_INPUT when there is no line or it
 * does not fit. */
static int user_read_line(int fd, char *buf, size_t size, struct err *e)
{
	size_t n = 0;
	int any = 0, too_long = 0;
	char ch;

	for (;;) {
		ssize_t r = read(fd, &ch, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return err_set(e, ERR_IO, _("cannot read the password: %s"),
				       strerror(errno));
		if (r == 0 || ch == '\n') {
			any |= r > 0;
			break;
		}
		any = 1;
		if (n + 1 < size)
			buf[n++] = ch;
		else
			too_long = 1;
	}
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	if (!any)
		return err_set(e, ERR_INPUT, _("no password on standard input"));
	if (too_long || n > AUTH_MAX_PASSWORD)
		return err_set(e, ERR_INPUT, _("the password is longer than %d bytes"),
			       AUTH_MAX_PASSWORD);
	return 0;
}

/* Ask on the terminal (standard input) with echo off. */
static int user_prompt(const char *prompt, char *buf, size_t size, struct err *e)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa, old[sizeof(sigs) / sizeof(sigs[0])];
	struct termios quiet;
	int rc;

	if (tcgetattr(STDIN_FILENO, &user_tty_saved) != 0)
		return err_set(e, ERR_IO, _("cannot read the terminal's settings: %s"),
			       strerror(errno));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = user_tty_restore;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, &old[i]);
	quiet = user_tty_saved;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	quiet.c_lflag |= ICANON;
	fputs(prompt, stderr);
	fflush(stderr);
	user_tty_changed = 1;
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
		rc = err_set(e, ERR_IO, _("cannot turn the terminal's echo off: %s"),
			     strerror(errno));
	else
		rc = user_read_line(STDIN_FILENO, buf, size, e);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &user_tty_saved);
	user_tty_changed = 0;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &old[i], NULL);
	fputc('\n', stderr);
	return rc;
}

/* The new password of login into pw[USER_PW_BUF]: twice from a terminal,
 * else one line of standard input. */
static int user_read_password(const char *login, char *pw, struct err *e)
{
	char again[USER_PW_BUF], prompt[128];
	int rc;

	if (!isatty(STDIN_FILENO))
		return user_read_line(STDIN_FILENO, pw, USER_PW_BUF, e);
	snprintf(prompt, sizeof(prompt), _("New password for '%s': "), login);
	if ((rc = user_prompt(prompt, pw, USER_PW_BUF, e)) < 0)
		return rc;
	if ((rc = user_prompt(_("The same password again: "), again, sizeof(again), e)) == 0 &&
	    strcmp(pw, again) != 0)
		rc = err_set(e, ERR_INPUT, _("the two passwords differ"));
	explicit_bzero(again, sizeof(again));
	return rc;
}

/* The accounts as JSON, each as GET /api/v1/users answers it: an empty
 * name or scope is "" (the table printer would make it null). */
static void user_list_json(const struct auth_user *users, size_t n, FILE *out)
{
	json_t *list = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:s, s:b}", "login", users[i].login,
					"name", users[i].name, "role", auth_role_key(users[i].role),
					"scope", users[i].scope, "disabled", users[i].disabled));
	json_dumpf(list, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(list);
}

static int user_list(struct store *s, enum out_format fmt, struct err *e)
{
	static const struct out_col cols[] = {
		{"login", N_("Login"), OUT_TEXT},	{"name", N_("Name"), OUT_TEXT},
		{"role", N_("Role"), OUT_TEXT},		{"scope", N_("Scope"), OUT_TEXT},
		{"disabled", N_("Disabled"), OUT_BOOL},
	};
	struct auth_user *users;
	struct out_table t;
	size_t n;
	int rc;

	if ((rc = auth_user_list(s, &users, &n, e)) < 0)
		return rc;
	if (fmt == OUT_JSON) {
		user_list_json(users, n, stdout);
		free(users);
		return 0;
	}
	out_table_init(&t, cols, sizeof(cols) / sizeof(cols[0]));
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {users[i].login, users[i].name, auth_role_key(users[i].role),
				     users[i].scope, users[i].disabled ? "1" : "0"};
		out_table_add(&t, row);
	}
	out_table_print(&t, fmt, stdout);
	out_table_release(&t);
	free(users);
	return 0;
}

int cmd_user(const struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"role", required_argument, NULL, 'r'},	 {"name", required_argument, NULL, 'n'},
		{"scope", required_argument, NULL, 's'}, {"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},	 {NULL, 0, NULL, 0}};
	enum out_format fmt = OUT_TABLE;
	const char *role_text = NULL, *name = NULL, *scope = NULL, *verb, *login = NULL;
	int has_format = 0, opt, rc;
	enum auth_role role = AUTH_VIEWER;
	struct store *s = NULL;
	struct auth_user u;
	char by[96], password[USER_PW_BUF] = "";
	int64_t now = (int64_t)time(NULL);

	optind = 0;
	while ((opt = getopt_long(argc, argv, "r:n:s:f:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			role_text = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 's':
			scope = optarg;
			break;
		case 'f':
			if ((rc = out_parse_format(optarg, &fmt, e)) < 0)
				return rc;
			has_format = 1;
			break;
		case 'h':
			printf(_("Usage: tvet user add LOGIN --role ROLE [--name NAME] [--scope "
				 "CODE]\n"
				 "       tvet user passwd LOGIN\n"
				 "       tvet user disable|enable LOGIN\n"
				 "       tvet user list [--format table|json|csv]\n"
				 "The accounts of the web system. The password is read from "
				 "standard input\n"
				 "(one line); on a terminal it is asked for twice, not shown. At "
				 "least %d characters.\n"
				 "Roles: admin, bureau, viewer (no scope); department, school "
				 "(--scope: its org\n"
				 "code), enterprise (--scope: its 统一社会信用代码).\n"),
			       AUTH_MIN_PASSWORD);
			return 0;
		default:
			return cli_bad_option("user", argv, e);
		}
	}
	if (optind >= argc)
		return err_set(e, ERR_USAGE,
			       _("expected add, passwd, disable, enable or list; see 'tvet user "
				 "--help'"));
	verb = argv[optind++];
	if (strcmp(verb, "list") == 0) {
		if (optind < argc)
			return err_set(e, ERR_USAGE, _("unexpected argument '%s'"), argv[optind]);
	} else if (!strcmp(verb, "add") || !strcmp(verb, "passwd") || !strcmp(verb, "disable") ||
		   !strcmp(verb, "enable")) {
		if (argc - optind != 1)
			return err_set(e, ERR_USAGE, _("'tvet user %s' takes one LOGIN"), verb);
		login = argv[optind];
	} else {
		return err_set(e, ERR_USAGE,
			       _("unknown action '%s' (use add, passwd, disable, enable or list)"),
			       verb);
	}
	if (strcmp(verb, "add") != 0 && (role_text || name || scope))
		return err_set(e, ERR_USAGE,
			       _("--role, --name and --scope are only for 'tvet user add'"));
	if (strcmp(verb, "list") != 0 && has_format)
		return err_set(e, ERR_USAGE, _("--format is only for 'tvet user list'"));
	if (!strcmp(verb, "add")) {
		if (!role_text)
			return err_set(e, ERR_USAGE, _("'tvet user add' needs --role"));
		if ((rc = auth_role_parse(role_text, &role, e)) < 0)
			return rc;
	}

	if ((rc = cli_open_store(c, &s, strcmp(verb, "list") ? 0 : STORE_READONLY, e)) < 0)
		return rc;
	if (!strcmp(verb, "list")) {
		rc = user_list(s, fmt, e);
		goto out;
	}
	cli_who(by, sizeof(by));
	/* Say what is wrong with the account before asking for a password. */
	rc = auth_user_get(s, login, &u, e);
	if (!strcmp(verb, "add")) {
		if (rc == 0) {
			rc = err_set(e, ERR_CONFLICT, _("account '%s' already exists"), login);
			goto out;
		}
		if (rc != ERR_NOTFOUND)
			goto out;
	} else if (rc < 0) {
		goto out;
	}

	if (!strcmp(verb, "add") || !strcmp(verb, "passwd")) {
		if ((rc = user_read_password(login, password, e)) < 0)
			goto out;
		if (!strcmp(verb, "add"))
			rc = auth_user_add(s, login, name, role, scope, password, by, now, e);
		else
			rc = auth_user_passwd(s, login, password, by, now, e);
		if (rc < 0)
			goto out;
		if (!strcmp(verb, "add"))
			printf(_("account '%s' added (%s%s%s)\n"), login, auth_role_key(role),
			       scope && *scope ? " " : "", scope && *scope ? scope : "");
		else
			printf(_("password of '%s' changed; its sessions are ended\n"), login);
	} else {
		int disable = !strcmp(verb, "disable");

		if ((rc = auth_user_disable(s, login, disable, by, now, e)) < 0)
			goto out;
		if (disable)
			printf(_("account '%s' disabled; its sessions are ended\n"), login);
		else
			printf(_("account '%s' enabled\n"), login);
	}
	rc = 0;
out:
	explicit_bzero(password, sizeof(password));
	store_close(s);
	return rc;
}
