/* i18n.c - locale set-up for gettext. See i18n.h. */
#include "core/i18n.h"

#include <locale.h>
#include <pthread.h>
#include <string.h>

static int i18n_chinese;
/* this thread's language: -1 the process's, 0 English, 1 Chinese */
static _Thread_local int i18n_thread_lang = -1;
static locale_t i18n_locales[2]; /* English, Chinese messages; made once */
static pthread_once_t i18n_once = PTHREAD_ONCE_INIT;

static void i18n_make_locales(void)
{
	static const char *const names[2] = {"C.UTF-8", "zh_CN.UTF-8"};

	for (int i = 0; i < 2; i++) {
		locale_t base = duplocale(LC_GLOBAL_LOCALE);
		locale_t l = base ? newlocale(LC_MESSAGES_MASK, names[i], base) : (locale_t)0;
		if (!l && base)
			freelocale(base);
		i18n_locales[i] = l;
	}
}

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
	return i18n_thread_lang >= 0 ? i18n_thread_lang : i18n_chinese;
}

int i18n_thread(int chinese)
{
	if (chinese < 0) {
		uselocale(LC_GLOBAL_LOCALE);
		i18n_thread_lang = -1;
		return 0;
	}
	pthread_once(&i18n_once, i18n_make_locales);
	chinese = chinese ? 1 : 0;
	if (!i18n_locales[chinese])
		return -1; /* the locale is not installed: the process's language stays */
	uselocale(i18n_locales[chinese]);
	i18n_thread_lang = chinese;
	return 0;
}
