#!/bin/sh
# Refresh the message template and the Chinese catalogue from the sources.
#
#   scripts/update-po.sh        (run from the top of the repository)
#
# Extracts every string marked _() or N_() from src/**/*.c into po/tvet.pot,
# then merges it into po/zh_CN.po (created with msginit if missing). New or
# changed messages come out untranslated or "#, fuzzy": translate them, drop
# the fuzzy flag, and check with
#   msgfmt --check --statistics -o /dev/null po/zh_CN.po
set -eu

if [ ! -d src ] || [ ! -d po ]; then
	echo "update-po.sh: run from the top of the repository (src/ and po/ not found)" >&2
	exit 1
fi

# shellcheck disable=SC2046  # word splitting intended; file names have no spaces
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	--add-comments=TRANSLATORS --package-name=tvet \
	-o po/tvet.pot $(find src -name '*.c' | sort)

if [ -f po/zh_CN.po ]; then
	msgmerge --update --backup=none po/zh_CN.po po/tvet.pot
else
	msginit --no-translator --locale=zh_CN.UTF-8 \
		--input=po/tvet.pot --output-file=po/zh_CN.po
fi
