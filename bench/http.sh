#!/bin/sh
# http.sh - the web benchmark of `make bench` (issue 5; also runs alone:
# sh bench/http.sh). Loads `tvet serve` on the demo city with wrk over
# loopback, BENCH_HTTP_SECONDS (default 10) per run, 64 connections and one
# wrk thread per core, in two cases:
#   - api: GET /api/v1/plan/status, signed in (the session cookie in a
#     header), every target of the plan assessed per request;
#   - static: GET /style.css, a small file of the dashboard;
# beside nginx, the peer, serving the same bytes as static files (the JSON
# answer saved with curl, the same style.css) from a temporary root on
# another loopback port: the speed limit of sending those bytes over HTTP.
# Goals: tvet at 0.5 or more of nginx's requests/s, p99 latency under 20 ms,
# no errors (non-2xx answers or socket errors), and tvet's memory flat: its
# RSS and peak RSS (VmRSS, VmHWM of /proc/PID/status) are read before the
# runs (after a second of warm-up in each case) and after each. Each server's CPU time per request (user + system,
# /proc/PID/stat, nginx's workers included) is printed too: requests/s
# move with whatever else the machine runs, the CPU a request costs much
# less, so it is the figure to compare across runs. Signing in hashes the password with argon2id, whose
# 64 MiB would hide any growth under it in the peak, so the peak is reset
# (clear_refs) after the sign-in: the peaks shown are those of the runs.
#
# Both servers get one worker per core (tvet serve --threads, nginx
# worker_processes) and share the cores with wrk. tvet's access log, which
# it cannot turn off, goes to a file; nginx's is off. wrk and nginx are not
# build dependencies (scripts/deps.sh leaves them out): when one is missing
# the script prints the apt-get command that installs it and fails.
# TVET (default ./build/tvet) names the program: `make bench` passes $(B)/tvet.
set -eu
cd "$(dirname "$0")/.."
T=${TVET:-./build/tvet}
SECS=${BENCH_HTTP_SECONDS:-10}
CONNS=64
CORES=$(nproc)
TICK=$(getconf CLK_TCK 2>/dev/null || echo 100)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

missing=
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
[ -x "$NGINX" ] || missing="$missing nginx"
if [ -n "$missing" ]; then
	echo "http.sh: missing$missing; run as root: apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi
if ! [ "$SECS" -ge 1 ] 2>/dev/null; then
	echo "http.sh: BENCH_HTTP_SECONDS must be 1 or more" >&2
	exit 1
fi

TMP=$(mktemp -d)
TVET_PID=
NGINX_PID=
cleanup()
{
	# by their ids: the server, and nginx's master, which ends its workers
	if [ -n "$TVET_PID" ]; then
		kill "$TVET_PID" 2>/dev/null || true
		wait "$TVET_PID" 2>/dev/null || true
	fi
	if [ -n "$NGINX_PID" ]; then
		kill "$NGINX_PID" 2>/dev/null || true
		wait "$NGINX_PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
# dash runs the EXIT trap on exit only: make ^C exit, so the cleanup runs too.
trap 'exit 130' INT TERM
# nginx's workers may run as another user (nobody, under root): the root
# they serve must be readable to them.
chmod 755 "$TMP"

# fail MESSAGE [FILE]: stop the benchmark, with the file's tail.
fail()
{
	echo "http.sh: $1" >&2
	[ $# -lt 2 ] || tail -n 20 "$2" >&2
	exit 1
}

# memory LABEL: the server's RSS and peak RSS (MiB, /proc/PID/status) now,
# a line of $TMP/memory.
memory()
{
	awk -v label="$1" '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 }
		END { printf "%s|%.1f|%.1f\n", label, rss / 1024, hwm / 1024 }' \
		"/proc/$TVET_PID/status" >>"$TMP/memory"
}

# settle URL: wait (up to 10 s) until the server behind URL holds no
# connection of an earlier run. tvet answers the requests a finished wrk left
# queued before it lets their connections go, and refuses a client's
# connections over its per-IP limit (64): a run that started before would
# count errors that are not its own.
settle()
{
	port=$(echo "$1" | sed 's|^http://[^:/]*:\([0-9]*\).*|\1|')
	i=0
	command -v ss >/dev/null 2>&1 || return 0
	while [ $i -lt 100 ] && [ -n "$(ss -Htn state established state close-wait \
		"( sport = :$port )")" ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# ticks PID...: the CPU time the processes have used, user and system, in
# clock ticks (their threads included).
ticks()
{
	for pid in "$@"; do
		cat "/proc/$pid/stat" 2>/dev/null
	done | awk '{ n += $14 + $15 } END { print n + 0 }'
}

# load SERVER CASE URL [WRK ARGS]: one wrk run; its figures into
# $TMP/SERVER.CASE as "req/s p50_ms p99_ms errors cpu_us_per_request".
load()
{
	out="$TMP/wrk.$1.$2"
	server=$1 case=$2 url=$3
	shift 3
	settle "$url"
	if [ "$server" = tvet ]; then pids=$TVET_PID; else pids=$NGINX_PIDS; fi
	t0=$(ticks $pids)
	wrk -t "$CORES" -c "$CONNS" -d "${SECS}s" --latency "$@" "$url" >"$out" 2>&1 ||
		fail "wrk against $server ($case) failed:" "$out"
	t1=$(ticks $pids)
	awk -v ticks=$((t1 - t0)) -v hz="$TICK" '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/) return v * 60000
		if (v ~ /s$/) return v * 1000
		return v + 0
	}
	$1 == "50%" { p50 = ms($2) }
	$1 == "99%" { p99 = ms($2) }
	/^Requests\/sec:/ { rps = $2 }
	/ requests in / { n = $1 }
	/Non-2xx or 3xx responses:/ { errors += $NF }
	/Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
	END {
		if (rps == "" || n + 0 == 0) exit 1
		printf "%s %.3f %.3f %d %.1f\n", rps, p50, p99, errors, ticks * 1e6 / hz / n
	}
	' "$out" >"$TMP/$server.$case" || fail "no figures in wrk's output:" "$out"
	echo "  $server $case: $(sed -n 's/^ *\([0-9]* requests in [^,]*\).*/\1/p' "$out")" \
		"$(sed -n 's/^ *\(Socket errors: .*\)/(\1)/p; s/^ *\(Non-2xx.*\)/(\1)/p' "$out")"
}

echo "http: tvet serve against nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') serving the same" \
	"bytes; wrk $CONNS connections, $CORES threads, ${SECS} s a run, $CORES cores"

# The demo city and an account to sign in with.
$T --db "$TMP/demo.db" init >/dev/null
$T --db "$TMP/demo.db" demo >/dev/null
printf 'bench password 1\n' | $T --db "$TMP/demo.db" user add bench --role bureau \
	--name bench >/dev/null

$T --db "$TMP/demo.db" serve --port 0 --threads "$CORES" --web "$PWD/web" \
	>"$TMP/serve.out" 2>"$TMP/serve.log" &
TVET_PID=$!
i=0
while [ $i -lt 100 ] && ! grep -q '^listening on' "$TMP/serve.out"; do
	kill -0 "$TVET_PID" 2>/dev/null || fail "tvet serve did not start:" "$TMP/serve.log"
	sleep 0.1
	i=$((i + 1))
done
TVET_URL=$(sed -n 's/^listening on \(http:[^ ]*\)\/$/\1/p' "$TMP/serve.out")
[ -n "$TVET_URL" ] || fail "tvet serve printed no URL:" "$TMP/serve.log"
memory "started"

code=$(curl -s -o "$TMP/login.json" -w '%{http_code}' -c "$TMP/jar" \
	-H 'Content-Type: application/json' \
	--data '{"login":"bench","password":"bench password 1"}' "$TVET_URL/api/v1/login")
[ "$code" = 200 ] || fail "sign-in: HTTP $code" "$TMP/login.json"
TOKEN=$(awk '$6 == "tvet_session" { print $7 }' "$TMP/jar")
[ -n "$TOKEN" ] || fail "sign-in: no tvet_session cookie" "$TMP/jar"
COOKIE="Cookie: tvet_session=$TOKEN"
memory "signed in (argon2id)"

# nginx's root: the API's answer at the same path, and the same style.css.
mkdir -p "$TMP/www/api/v1/plan" "$TMP/nginx"
code=$(curl -s -o "$TMP/www/api/v1/plan/status" -w '%{http_code}' -H "$COOKIE" \
	"$TVET_URL/api/v1/plan/status")
[ "$code" = 200 ] || fail "GET /api/v1/plan/status: HTTP $code" "$TMP/www/api/v1/plan/status"
code=$(curl -s -o "$TMP/www/style.css" -w '%{http_code}' "$TVET_URL/style.css")
[ "$code" = 200 ] && cmp -s "$TMP/www/style.css" web/style.css ||
	fail "GET /style.css: HTTP $code, or not web/style.css"
chmod -R a+rX "$TMP/www"
echo "  api answer $(wc -c <"$TMP/www/api/v1/plan/status") bytes, style.css" \
	"$(wc -c <"$TMP/www/style.css") bytes"

# nginx in the foreground (daemon off) as a child of this script, on the
# first free port from one drawn from the process id. Connections stay open
# as long as wrk likes (keepalive_requests), as they do with tvet.
port=$((20000 + $$ % 20000))
tries=0
while :; do
	cat >"$TMP/nginx/nginx.conf" <<EOF
daemon off;
worker_processes $CORES;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	types { text/css css; }
	default_type application/json;
	client_body_temp_path $TMP/nginx/body;
	proxy_temp_path $TMP/nginx/proxy;
	fastcgi_temp_path $TMP/nginx/fastcgi;
	uwsgi_temp_path $TMP/nginx/uwsgi;
	scgi_temp_path $TMP/nginx/scgi;
	server {
		listen 127.0.0.1:$port;
		root $TMP/www;
	}
}
EOF
	"$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" \
		>"$TMP/nginx/out" 2>&1 &
	NGINX_PID=$!
	i=0
	while [ $i -lt 50 ] && kill -0 "$NGINX_PID" 2>/dev/null &&
		! curl -s -o /dev/null "http://127.0.0.1:$port/style.css"; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -0 "$NGINX_PID" 2>/dev/null && break
	wait "$NGINX_PID" 2>/dev/null || true
	NGINX_PID=
	tries=$((tries + 1))
	grep -q 'in use' "$TMP/nginx/error.log" "$TMP/nginx/out" && [ $tries -lt 20 ] ||
		fail "nginx did not start:" "$TMP/nginx/error.log"
	port=$((port + 1))
done
NGINX_URL=http://127.0.0.1:$port
NGINX_PIDS="$NGINX_PID $(ps -o pid= --ppid "$NGINX_PID" | tr '\n' ' ')"
for p in /api/v1/plan/status /style.css; do
	curl -s -o "$TMP/check" "$NGINX_URL$p" && cmp -s "$TMP/check" "$TMP/www$p" ||
		fail "nginx does not serve $p as saved"
done

# A second of each case first, unmeasured: the server computes the plan's
# answer (the sign-in's write left it unkept for a moment) and its worker
# threads' allocators grow to what a request needs, so the memory read next
# is that of a server in use and the runs measure the steady state.
for url in "$TVET_URL/api/v1/plan/status" "$TVET_URL/style.css"; do
	settle "$url"
	wrk -t "$CORES" -c "$CONNS" -d 1s -H "$COOKIE" "$url" >/dev/null 2>&1 ||
		fail "wrk's warm-up against $url failed"
done

# 5: the peak back to the current RSS (Linux 4.0 and later)
{ echo 5 >"/proc/$TVET_PID/clear_refs"; } 2>/dev/null || echo "  (the peak RSS cannot be reset:" \
	"it includes the sign-in's)"
memory "before the runs"
load tvet api "$TVET_URL/api/v1/plan/status" -H "$COOKIE"
memory "after api ($SECS s)"
load nginx api "$NGINX_URL/api/v1/plan/status" -H "$COOKIE"
load tvet static "$TVET_URL/style.css"
memory "after static ($SECS s)"
load nginx static "$NGINX_URL/style.css"

# The server still answers, and stops cleanly on SIGTERM after the load.
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$COOKIE" "$TVET_URL/api/v1/me")
[ "$code" = 200 ] || fail "after the load, GET /api/v1/me: HTTP $code" "$TMP/serve.log"
kill -TERM "$TVET_PID"
rc=0
wait "$TVET_PID" || rc=$?
TVET_PID=
[ "$rc" -eq 0 ] || fail "tvet serve exited $rc on SIGTERM:" "$TMP/serve.log"
REQUESTS=$(grep -c '"GET ' "$TMP/serve.log" || true)
echo "  tvet's access log: $REQUESTS requests," \
	"$(grep -c '"GET [^"]*" [^2]' "$TMP/serve.log" || true) not 2xx"

for c in api static; do
	echo "$c $(cat "$TMP/tvet.$c") $(cat "$TMP/nginx.$c")"
done | awk -v hwm="$(sed -n 's/^after[^|]*|[^|]*|//p' "$TMP/memory" | tr '\n' ' ')" '
BEGIN {
	# the peak so far: the kernel updates VmHWM lazily, a later reading
	# may show less
	n = split(hwm, peak, " ")
	for (i = 2; i <= n; i++)
		if (peak[i] + 0 < peak[i - 1] + 0)
			peak[i] = peak[i - 1]
	printf "%-7s %10s %11s %6s %14s %15s %11s %13s %10s\n", "case", "tvet req/s",
		"nginx req/s", "ratio", "tvet p50/p99", "nginx p50/p99", "errors t/n", "cpu us/req t/n",
		"tvet peak"
}
{
	# (in parentheses: a bare > among the arguments of printf redirects)
	ratio = $2 / $7
	printf "%-7s %10.0f %11.0f %5.2f%s %6.2f/%6.2f%s %7.2f/%7.2f %5d/%5d %6.1f/%6.1f %6.1f MiB\n",
		$1, $2, $7, ratio, (ratio >= 0.5 ? " " : "!"), $3, $4, ($4 < 20 ? " " : "!"), $8, $9,
		$5, $10, $6, $11, peak[NR]
}
END {
	print "ratio = tvet req/s / nginx req/s, goal >= 0.50; p50/p99 latency in ms, goal" \
		" tvet p99 < 20; errors = non-2xx answers + socket errors (tvet/nginx), goal 0;" \
		" ! marks a goal missed; cpu us/req = CPU time (user + system) a server spent per" \
		" request; tvet peak = VmHWM after the run (since the sign-in)"
}'
awk -F'|' '
$1 == "before the runs" { rss0 = $2 }
/^after/ && $3 + 0 > peak { peak = $3 }
{ printf "tvet serve %-22s VmRSS %6.1f MiB  VmHWM %6.1f MiB\n", $1, $2, $3 }
END { printf "memory of tvet serve over %d requests: VmRSS %.1f MiB before the runs, %.1f after" \
	" them (x%.2f, goal: flat); peak %.1f MiB during them\n", requests, rss0, $2, $2 / rss0,
	peak }
' requests="$REQUESTS" "$TMP/memory"
