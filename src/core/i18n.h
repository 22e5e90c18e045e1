/* i18n.h - message translation (gettext convention).
 *
 * User-facing messages are written in English inside _() and translated
 * through the "tvet" gettext domain; po/zh_CN.po holds the Chinese. The
 * locale comes from the environment (LC_ALL, LC_MESSAGES, LANG): Chinese
 * under zh_CN.*, English otherwise. N_() marks a string for extraction
 * without translating it at that point. */
#ifndef TVET_I18N_H
#define TVET_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Set the locale from the environment and bind the "tvet" domain to
 * localedir (the directory holding zh_CN/LC_MESSAGES/tvet.mo). */
void i18n_init(const char *localedir);

/* 1 when messages are being shown in Chinese (in this thread). */
int i18n_is_chinese(void);

/* This thread's messages in Chinese (1) or English (0), e.g. for one web
 * request in the language it asked for, or back to the process's (-1).
 * -1 when that language's locale is not installed (nothing changes). */
int i18n_thread(int chinese);

#endif
