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
  $TVET --db $DB evaluate                     # 贡献度评价 / the contribution evaluation
  $TVET --db $DB allocate --year 2025 --pool 3000000   # 绩效奖励分配 / performance pay
  $TVET --db $DB talent recommend             # 专业停减整增建议 / advice on majors

网页系统 / The web system: http://127.0.0.1:${DEMO_PORT:-8080}/  (Ctrl-C 停止 / to stop)
演示账号（密码均为 / password for all: $PW）/ Demo accounts:
  admin   系统管理员：账号、审计日志 / administrator: accounts, audit trail
  edu     市教育局：审核报送、贡献度评价与绩效奖励分配 / the bureau: approvals, evaluation, performance pay
  hrss    市人社局（责任单位）：评估本单位负责的目标 / a department: assesses its targets
  zsvts   舟山职业技术学校：报送本校数据 / a school (330902S04): submits its figures
  firm    企业：报送人才需求 / an enterprise ($ENT): reports its demand for skills
  public  公众：监测总览 / the public dashboard
MSG
[ "${DEMO_NO_SERVE:-}" ] && exit 0
exec $TVET --db "$DB" serve --port "${DEMO_PORT:-8080}"
