#!/bin/sh
# Install what TVET Observatory needs to build and test on Debian 12: the
# Debian packages (with Chromium for the browser tests, and Debian's nodejs
# and npm when there is no node at all), the zh_CN.UTF-8 locale, and the
# npm packages of package-lock.json in node_modules/ (playwright-core for the
# browser tests, echarts for the dashboard's charts).
# As root: installs what is missing. Otherwise: prints the exact command to
# run for each thing missing, and exits 1 if a Debian package is missing.
# Usage: scripts/deps.sh [--check]
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)

# chromium and fonts-wqy-microhei: the browser tests (tests/browser/) and
# their screenshots, which need a Chinese font
PKGS="build-essential pkg-config gettext locales sqlite3 libsqlite3-dev libjansson-dev libsodium-dev libzip-dev libexpat1-dev libxlsxwriter-dev libcmocka-dev libmicrohttpd-dev curl chromium fonts-wqy-microhei"
# Debian's node and npm only where no node is installed (a newer one from
# elsewhere stays as it is)
if ! command -v node >/dev/null 2>&1; then
	PKGS="$PKGS nodejs npm"
fi

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

need_npm=0
for m in playwright-core/package.json echarts/dist/echarts.min.js; do
	[ -f "$TOP/node_modules/$m" ] || need_npm=1
done

if [ -z "$missing" ] && [ $need_locale -eq 0 ] && [ $need_npm -eq 0 ]; then
	exit 0
fi

if [ "${1:-}" = "--check" ] || [ "$(id -u)" -ne 0 ]; then
	[ -n "$missing" ] && echo "missing packages; run as root: apt-get install -y$missing" >&2
	[ $need_locale -eq 1 ] && echo "missing locale zh_CN.UTF-8 (Chinese messages and tests); run as root: sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen && locale-gen" >&2
	[ $need_npm -eq 1 ] && echo "missing node_modules/playwright-core or echarts (browser tests, the dashboard's charts); run: cd $TOP && npm ci --no-audit --no-fund" >&2
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
# Only the browser tests and the charts need node_modules/: a failure here
# is said, not fatal to the build (the dashboard then shows no charts and
# says why), and the test runner reports it as a failed test.
if [ $need_npm -eq 1 ]; then
	echo "installing node_modules/: npm ci --no-audit --no-fund" >&2
	(cd "$TOP" && npm ci --no-audit --no-fund) >&2 ||
		echo "npm ci failed; the browser tests cannot run until it succeeds (cd $TOP && npm ci --no-audit --no-fund)" >&2
fi
