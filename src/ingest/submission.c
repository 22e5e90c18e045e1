/* submission.c - a school's yearly submission. See submission.h. */
#include "ingest/submission.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"

/* Which moves are allowed: from -> to. */
static int submission_allowed(const char *from, const char *to)
{
	if (!strcmp(to, "submitted"))
		return !strcmp(from, "open") || !strcmp(from, "reopened");
	if (!strcmp(to, "approved"))
		return !strcmp(from, "submitted");
	if (!strcmp(to, "reopened"))
		return !strcmp(from, "approved") || !strcmp(from, "submitted");
	return 0;
}

static int submission_read(struct store *s, const char *school, int year, int64_t *school_id,
			   struct submission *out, struct err *e)
{
	struct store_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	snprintf(out->status, sizeof(out->status), "open");
	if ((rc = store_lookup(s, Q_SCHOOL_BY_CODE, school_id, e, "t", school)) <= 0)
		return rc < 0 ? rc
			      : err_set(e, ERR_NOTFOUND, _("school '%s' does not exist"), school);
	if (!(st = store_prepare(s, Q_SUBMISSION_GET, e)))
		return e->code;
	store_bindf(st, "ii", *school_id, (int64_t)year);
	if ((rc = store_step(st, e)) == STORE_ROW) {
		snprintf(out->status, sizeof(out->status), "%s", store_col_text(st, 0));
		snprintf(out->changed_at, sizeof(out->changed_at), "%s", store_col_text(st, 1));
		snprintf(out->changed_by, sizeof(out->changed_by), "%s", store_col_text(st, 2));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int submission_get(struct store *s, const char *school, int year, struct submission *out,
		   struct err *e)
{
	int64_t id;

	return submission_read(s, school, year, &id, out, e);
}

int submission_move(struct store *s, const char *school, int year, const char *verb,
		    const char *who, int64_t now, struct submission *out, struct err *e)
{
	static const char *const verbs[][2] = {
		{"submit", "submitted"}, {"approve", "approved"}, {"reopen", "reopened"}};
	const char *to = NULL;
	time_t t = (time_t)now;
	int64_t school_id;
	int rc;

	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(verb, verbs[i][0]))
			to = verbs[i][1];
	if (!to)
		return err_set(e, ERR_USAGE, _("unknown action '%s' (use submit, approve or reopen)"),
			       verb);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = submission_read(s, school, year, &school_id, out, e)) < 0)
		goto fail;
	if (!submission_allowed(out->status, to)) {
		rc = err_set(e, ERR_CONFLICT, _("the %d submission of '%s' is %s: cannot %s it"), year,
			     school, out->status, verb);
		goto fail;
	}
	strftime(out->changed_at, sizeof(out->changed_at), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	snprintf(out->status, sizeof(out->status), "%s", to);
	snprintf(out->changed_by, sizeof(out->changed_by), "%s", who);
	if ((rc = store_run(s, Q_SUBMISSION_PUT, e, "iittt", school_id, (int64_t)year, to,
			    out->changed_at, who)) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return rc;
}
