/* i18n.c - locale set-up for gettext. See i18n.h. */
#include "core/i18n.h"

#include <locale.h>
#include <string.h>

static int i18n_chinese;

void i18n_init(const char *localedir)
{
	const char *loc = setlocale(LC_ALL, "");
	const char *msgs;

	if (!loc)
		setlocale(LC_ALL, "C.UTF-8");
	/* Numbers are always printed the C way: "55.0", never "55,0". */
	setlocale(LC_NUMERIC, "C");
	msgs = setlocale(LC_MESSAGES, NULL);
	i18n_chinese = msgs && strncmp(msgs, "zh", 2) == 0;
	bindtextdomain("tvet", localedir);
	bind_textdomain_codeset("tvet", "UTF-8");
	textdomain("tvet");
}

int i18n_is_chinese(void)
{
	return i18n_chinese;
}
