#!/bin/sh
# make demo: create demo.db with the demo city and show what to look at.
# Run from the top of the tree after the build (the Makefile does both).
set -eu
cd "$(dirname "$0")/.."
TVET=./build/tvet
DB=${DEMO_DB:-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
$TVET --db "$DB" init
$TVET --db "$DB" demo
$TVET --db "$DB" check
# One account per role, all with the same demo password (never in production).
PW=tvet-demo-2025
ENT=$(sqlite3 "$DB" "SELECT uscc FROM enterprise ORDER BY id LIMIT 1")
for a in "admin admin -" "edu bureau -" "hrss department hrss" "zsvts school 330902S04" \
	"firm enterprise $ENT" "public viewer -"; do
	set -- $a
	scope=$3
	[ "$scope" = - ] && scope=""
	printf '%s\n' "$PW" | $TVET --db "$DB" user add "$1" --role "$2" ${scope:+--scope "$scope"} >/dev/null
done
cat <<MSG

演示数据库已就绪 / The demo database is ready: $DB

看一看 / Have a look:
  $TVET --db $DB status                       # 数据概况 / what it holds
  $TVET --db $DB plan targets                 # 行动计划目标 / the plan's targets
  $TVET --db $DB plan targets --format json   # 同上，JSON
  $TVET --db $DB orgs --kind school           # 职业院校 / the schools
  $TVET --db $DB catalog majors --search 船舶  # 专业目录 / the majors catalogue
  $TVET --db $DB catalog clusters             # 六大产业集群 / the six clusters
  sqlite3 $DB 'SELECT title, salary_text FROM posting LIMIT 10'   # 招聘数据 / job postings

中文界面 / Chinese messages: LANG=zh_CN.UTF-8 $TVET --db $DB plan targets
  $TVET --db $DB plan status                  # 各目标进展 / where every target stands

网页系统 / The web system: http://127.0.0.1:${DEMO_PORT:-8080}/  (Ctrl-C 停止 / to stop)
演示账号（密码均为 / password for all: $PW）/ Demo accounts:
  admin   系统管理员 / administrator
  edu     市教育局 / the bureau
  hrss    市人社局（责任单位）/ a responsible department
  zsvts   舟山职业技术学校 / a school (330902S04)
  firm    企业 / an enterprise ($ENT)
  public  公众 / the public dashboard
MSG
[ "${DEMO_NO_SERVE:-}" ] && exit 0
exec $TVET --db "$DB" serve --port "${DEMO_PORT:-8080}"
