#!/bin/sh
# Install the Debian 12 packages TVET Observatory needs to build and test.
# As root: installs what is missing (and generates the zh_CN.UTF-8 locale).
# Otherwise: prints the exact apt-get line to run and exits 1 if anything is
# missing. Usage: scripts/deps.sh [--check]
set -eu

PKGS="build-essential pkg-config gettext locales sqlite3 libsqlite3-dev libjansson-dev libsodium-dev libzip-dev libexpat1-dev libxlsxwriter-dev libcmocka-dev libmicrohttpd-dev curl"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

need_locale=0
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	need_locale=1
fi

if [ -z "$missing" ] && [ $need_locale -eq 0 ]; then
	exit 0
fi

if [ "${1:-}" = "--check" ] || [ "$(id -u)" -ne 0 ]; then
	[ -n "$missing" ] && echo "missing packages; run as root: apt-get install -y$missing" >&2
	[ $need_locale -eq 1 ] && echo "missing locale zh_CN.UTF-8 (Chinese messages and tests); run as root: sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen && locale-gen" >&2
	[ -n "$missing" ] && exit 1
	exit 0
fi

if [ -n "$missing" ]; then
	echo "installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2 || true
	apt-get install -y -q --no-install-recommends $missing >&2
fi
if [ $need_locale -eq 1 ] && [ -f /etc/locale.gen ]; then
	if grep -q 'zh_CN.UTF-8' /etc/locale.gen; then
		sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen
	else
		echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
	fi
	locale-gen >&2
fi
