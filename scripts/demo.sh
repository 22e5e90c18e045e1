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
MSG
