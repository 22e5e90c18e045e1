# forms_api.sh - the routes of 数据报送 against the real server on 127.0.0.1
# with port 0: templates to download (the CLI's own, as CSV and XLSX, scoped
# for schools), the web form (its values are the stored ones, as `tvet
# export` writes them; a dry run with bad values gives each issue with its
# field and writes nothing; a save writes what `tvet history` and `tvet
# export` then show, audited; an approved year is refused), another school's
# form (403), and the list of every school's submission (a school sees its
# own row only).
. "$(dirname "$0")/lib.sh"
DB="$WORK/f.db"
PW='correct horse battery'
OWN=330902S04
OTHER=330903S01
YEAR=2025
demo_db
adduser root admin
adduser edu bureau
adduser school1 school "$OWN"
adduser police1 department police
adduser viewer1 viewer

serve
started "tvet serve --port 0 prints its URL"

# as_en WHO NAME [CURL ARGS] URL: lib.sh's `as` (WHO's session and CSRF
# token), in English.
as_en() {
	w_=$1 n_=$2
	shift 2
	as "$w_" "$n_" -H 'Accept-Language: en' "$@"
}
# written: what a write leaves: import batches, audit entries, values.
written() { sql "SELECT (SELECT count(*) FROM import_batch) || '/' || (SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) || ':' || total(value) FROM datavalue)"; }
# each account's session: NAME:LOGIN
for a in school:school1 edu:edu police:police1 viewer:viewer1 root:root; do
	login "${a%%:*}" "${a#*:}" || not_ok "${a#*:} signs in" "$(cat "$WORK/login_${a%%:*}.json")"
done

# --- templates ----------------------------------------------------------------
as_en school tpl_csv "$URL/api/v1/templates/school_stats?year=$YEAR&format=csv"
status 200 "a school downloads its school_stats template as CSV"
grep -qi '^content-type: text/csv' "$WORK/tpl_csv.h" && ok "served as text/csv" || not_ok "served as text/csv" "$(cat "$WORK/tpl_csv.h")"
grep -qi "^content-disposition: attachment; filename=\"school_stats-$OWN-$YEAR.csv\"" "$WORK/tpl_csv.h" &&
	ok "Content-Disposition names the file for the kind, school and year" || not_ok "Content-Disposition" "$(cat "$WORK/tpl_csv.h")"
run "$TVET" --db "$DB" template school_stats --school "$OWN" --year $YEAR -o "$WORK/cli_tpl.csv"
cmp -s "$WORK/tpl_csv.json" "$WORK/cli_tpl.csv" && ok "it is byte for byte the template tvet template writes" ||
	not_ok "the CLI's template" "$(head -c 300 "$WORK/tpl_csv.json") vs $(head -c 300 "$WORK/cli_tpl.csv")"
run "$TVET" --db "$DB" import school_stats "$WORK/tpl_csv.json" --dry-run
expect_err "tpl_csv.json:2: Students who left: this cell is required" "the template imports as the school's row, its required cells reported empty"
req tpl_zh -b "$WORK/school.jar" -H 'Accept-Language: zh-CN' "$URL/api/v1/templates/school_stats?year=$YEAR"
head -c 40 "$WORK/tpl_zh.json" | grep -q '学校代码,年度' && ok "headers in Chinese for Accept-Language: zh (CSV by default)" || not_ok "Chinese headers" "$(head -c 100 "$WORK/tpl_zh.json")"
as_en school tpl_xlsx "$URL/api/v1/templates/school_major_stats?year=$YEAR&format=xlsx"
status 200 "a school downloads its school_major_stats template as XLSX"
grep -qi '^content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' "$WORK/tpl_xlsx.h" &&
	grep -qi "filename=\"school_major_stats-$OWN-$YEAR.xlsx\"" "$WORK/tpl_xlsx.h" && ok "as an XLSX workbook named for it" || not_ok "XLSX headers" "$(cat "$WORK/tpl_xlsx.h")"
majors=$(sql "SELECT count(*) FROM school_major sm JOIN org o ON o.id = sm.school_id WHERE o.code = '$OWN' AND sm.year = $YEAR")
cnt=$(python3 - "$WORK/tpl_xlsx.json" "$OWN" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None and 'xl/workbook.xml' in z.namelist()
shared = z.read('xl/sharedStrings.xml').decode() if 'xl/sharedStrings.xml' in z.namelist() else ''
sheet = z.read('xl/worksheets/sheet1.xml').decode()
# the pre-filled rows: the school's code in the first column of each
print(len(re.findall(r'<c r="A\d+"[^>]*t="s"', sheet)) - 1 if sys.argv[2] in shared else -1)
EOF
)
[ "$cnt" = "$majors" ] && [ "$majors" -gt 5 ] && ok "a valid workbook with a row for each of the school's $majors majors" ||
	not_ok "the workbook's rows" "$cnt rows, $majors majors"
as_en edu tpl_bureau "$URL/api/v1/templates/enterprises?format=csv"
status 200 "the bureau downloads any kind's template"
as_en school tpl_kind "$URL/api/v1/templates/enterprises"
status 403 "a school may not download a kind it does not submit"
as_en school tpl_other "$URL/api/v1/templates/school_stats?school=$OTHER&year=$YEAR"
status 403 "nor another school's template"
as_en police tpl_dept "$URL/api/v1/templates/school_stats"
status 403 "a department does not submit schools' figures: 403"
as_en police tpl_assess "$URL/api/v1/templates/assessments?format=csv"
status 200 "but gets the template of the assessments it imports"
head -c 80 "$WORK/tpl_assess.json" | grep -q 'Target' && ok "(the assessments' headers)" || not_ok "the assessments' template" "$(head -c 200 "$WORK/tpl_assess.json")"
as_en viewer tpl_viewer "$URL/api/v1/templates/school_stats"
status 403 "a viewer gets no template"
as_en edu tpl_nokind "$URL/api/v1/templates/nonsense"
status 404 "an unknown kind: 404"
as_en edu tpl_fmt "$URL/api/v1/templates/school_stats?format=pdf"
status 400 "an unknown format: 400"
as_en edu tpl_noschool "$URL/api/v1/templates/school_stats?school=NOPE&year=$YEAR"
status 404 "an unknown school: 404"

# --- the form: what it shows ------------------------------------------------------
as_en school form "$URL/api/v1/forms/$OWN/$YEAR"
status 200 "a school reads its own form"
pyok "its school, year, status open, editable" form "d['school'] == '$OWN' and d['year'] == $YEAR and d['status'] == 'open' and d['editable'] is True"
pyok "two parts, school_stats and school_major_stats, with zh and en labels" form \
	"[s['kind'] for s in d['sections']] == ['school_stats', 'school_major_stats'] and d['sections'][0]['fields'][1] == {'key': 'dropouts', 'label': '流失学生数', 'label_en': 'Students who left', 'type': 'count', 'required': True, 'description': '未经转学或毕业而离校的学生数'}"
LC_ALL=C.UTF-8 "$TVET" --db "$DB" export school_stats --school "$OWN" --year $YEAR -o "$WORK/ss.csv" 2>/dev/null
LC_ALL=C.UTF-8 "$TVET" --db "$DB" export school_major_stats --school "$OWN" --year $YEAR -o "$WORK/sms.csv" 2>/dev/null
# same FORM_JSON: the form's values equal the exported files' (by key)
same() {
	python3 - "$1" "$WORK/ss.csv" "$WORK/sms.csv" "${TVET_DATA:-$(dirname "$0")/../../data}/kinds" <<'EOF'
import csv, json, sys
form = json.load(open(sys.argv[1]))
def rows(path, kind):
    keys = {}
    for c in csv.DictReader(open(f'{sys.argv[4]}/{kind}.csv', encoding='utf-8')):
        keys[c['header_en']] = c['key']
    r = list(csv.reader(open(path, encoding='utf-8-sig')))
    return [{keys[h]: v for h, v in zip(r[0], row)} for row in r[1:]]
num = lambda v: None if v == '' else float(v)
ss, sms = rows(sys.argv[2], 'school_stats'), rows(sys.argv[3], 'school_major_stats')
got_ss = form['sections'][0]['rows'][0]['values']
want_ss = {k: num(v) for k, v in ss[0].items() if k not in ('school', 'year')}
got_sms = {r['major']: r['values'] for r in form['sections'][1]['rows']}
want_sms = {r['major']: {k: num(v) for k, v in r.items() if k not in ('school', 'year', 'major')} for r in sms}
ok = got_ss == want_ss and got_sms == want_sms and len(got_sms) > 5 and all(r['major_name'] for r in form['sections'][1]['rows'])
if not ok:
    print(got_ss, want_ss, sorted(got_sms)[:3], sorted(want_sms)[:3], file=sys.stderr)
sys.exit(0 if ok else 1)
EOF
}
same "$WORK/form.json" 2>"$WORK/same.err" && ok "its values are the stored ones, as tvet export writes them (the school's row, a row per major)" ||
	not_ok "the form's values are the stored ones" "$(head -c 400 "$WORK/same.err")"
as_en police form_dept "$URL/api/v1/forms/$OWN/$YEAR"
status 200 "a department reads a school's form"
pyok "but may not edit it" form_dept "d['editable'] is False"
as_en school form_other "$URL/api/v1/forms/$OTHER/$YEAR"
status 403 "a school may not read another school's form"
as_en viewer form_viewer "$URL/api/v1/forms/$OWN/$YEAR"
status 403 "a viewer may not read a school's form"
as_en edu form_nope "$URL/api/v1/forms/NOPE/$YEAR"
status 404 "an unknown school's form: 404"
as_en edu form_year "$URL/api/v1/forms/$OWN/1999"
status 400 "a year out of range: 400"

# --- the form: validating and saving ------------------------------------------------
# body FORM_JSON OUT PY: the form's values as a POST body, changed by PY
# (ss: the school_stats values, sms: major -> values, m: the first major)
body() {
	python3 - "$1" "$3" >"$WORK/$2" <<'EOF'
import json, sys
form = json.load(open(sys.argv[1]))
ss = dict(form['sections'][0]['rows'][0]['values'])
sms = {r['major']: dict(r['values']) for r in form['sections'][1]['rows']}
m = sorted(sms)[0]
exec(sys.argv[2])
print(json.dumps({'school_stats': ss, 'school_major_stats': sms}))
EOF
}
before=$(written)
body "$WORK/form.json" bad.json "ss['dropouts'] = '12x'; sms[m]['graduates'] += 5"
as_en school dry_bad -H 'Content-Type: application/json' --data-binary "@$WORK/bad.json" "$URL/api/v1/forms/$OWN/$YEAR?dry_run=1"
status 400 "a dry run with a bad value and a broken row rule: 400"
first=$(python3 -c "import json,sys; print(sorted(r['major'] for r in json.load(open(sys.argv[1]))['sections'][1]['rows'])[0])" "$WORK/form.json")
pyok "the bad value's issue names its field, row and column" dry_bad \
	"any(i['field'] == 'school_stats.dropouts' and i['key'] == 'dropouts' and i['row'] == 2 and i['column'] == 'Students who left' and i['value'] == '12x' and i['rule'] == 'type' and i['severity'] == 'error' for i in d['error']['details'])"
pyok "the rule's issue names the major's field" dry_bad \
	"any(i['field'] == 'school_major_stats.$first.graduates' and i['major'] == '$first' and i['rule'] == 'rule' for i in d['error']['details'])"
pyok "and nothing else: every issue is one of the two" dry_bad \
	"{i['field'] for i in d['error']['details']} == {'school_stats.dropouts', 'school_major_stats.$first.graduates'} and d['error']['message'].startswith('3 errors')"
[ "$(written)" = "$before" ] && ok "the dry run wrote nothing" || not_ok "the dry run wrote nothing" "$before -> $(written)"
as_en school save_bad -H 'Content-Type: application/json' --data-binary "@$WORK/bad.json" "$URL/api/v1/forms/$OWN/$YEAR"
status 400 "saving the same: 400"
[ "$(written)" = "$before" ] && ok "and nothing written" || not_ok "a refused save wrote nothing" "$before -> $(written)"
as_en school junk -H 'Content-Type: application/json' --data '{"school_stats": {"dropouts": 1, "nonsense": 2}}' "$URL/api/v1/forms/$OWN/$YEAR"
status 400 "an unknown field: 400"
pyok "naming it" junk "'school_stats.nonsense' in d['error']['message']"
as_en school junk2 -H 'Content-Type: application/json' --data '{"school_stats": {"dropouts": [1]}}' "$URL/api/v1/forms/$OWN/$YEAR"
status 400 "a value that is not a number, text or null: 400"
as_en school junk3 -H 'Content-Type: application/json' --data '{"enterprises": {}}' "$URL/api/v1/forms/$OWN/$YEAR"
status 400 "a part that is not the form's: 400"
as_en school junk4 -H 'Content-Type: application/json' --data '[1' "$URL/api/v1/forms/$OWN/$YEAR"
status 400 "malformed JSON: 400"
[ "$(written)" = "$before" ] && ok "none of them wrote anything" || not_ok "bad bodies wrote nothing" "$before -> $(written)"

dropouts=$(python3 -c "import json,sys; print(int(json.load(open(sys.argv[1]))['sections'][0]['rows'][0]['values']['dropouts']))" "$WORK/form.json")
new=$((dropouts + 7))
body "$WORK/form.json" good.json "ss['dropouts'] = $new"
as_en school dry_good -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OWN/$YEAR?dry_run=1"
status 200 "a valid dry run: 200"
pyok "valid, not saved, no batch" dry_good "d['valid'] is True and d['saved'] is False and d['batches'] == []"
[ "$(written)" = "$before" ] && ok "and nothing written" || not_ok "a valid dry run wrote nothing" "$before -> $(written)"
as_en school save -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OWN/$YEAR"
status 200 "saving the form: 200"
pyok "saved: a batch for each part, 1 value changed in school_stats" save \
	"d['saved'] is True and [b['kind'] for b in d['batches']] == ['school_stats', 'school_major_stats'] and d['batches'][0]['changed'] == 1 and d['batches'][1]['changed'] == 0 and d['submission']['last_import']"
run "$TVET" --db "$DB" history --school "$OWN" --element dropouts --format json
python3 -c "import json,sys; h=json.load(open(sys.argv[1]))[0]; sys.exit(0 if h['old'] == $dropouts and h['new'] == $new and h['who'] == 'school1' and h['file'].startswith('form-$OWN-$YEAR-school_stats') else 1)" "$WORK/out" &&
	ok "tvet history shows the change: $dropouts -> $new, by school1, from the form" || not_ok "tvet history shows the form's change" "$(head -c 400 "$WORK/out")"
LC_ALL=C.UTF-8 "$TVET" --db "$DB" export school_stats --school "$OWN" --year $YEAR -o "$WORK/ss.csv" 2>/dev/null
as_en school form2 "$URL/api/v1/forms/$OWN/$YEAR"
pyok "the form shows the new value" form2 "d['sections'][0]['rows'][0]['values']['dropouts'] == $new"
same "$WORK/form2.json" 2>"$WORK/same.err" && ok "and tvet export agrees with the form" || not_ok "tvet export agrees" "$(head -c 400 "$WORK/same.err")"
[ "$(sql "SELECT action || ' ' || who || ' ' || detail FROM audit_log ORDER BY id DESC LIMIT 1")" = \
	"form.save school1 $OWN $YEAR web form: school_stats batch $(sql "SELECT max(id) - 1 FROM import_batch") (1 rows, 1 changed) school_major_stats batch $(sql "SELECT max(id) FROM import_batch") ($(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['sections'][1]['rows']))" "$WORK/form.json") rows, 0 changed)" ] &&
	ok "the save is audited: who, which school and year, which batches" || not_ok "the save is audited" "$(sql "SELECT action || ' ' || who || ' ' || detail FROM audit_log ORDER BY id DESC LIMIT 1")"
before=$(written)
as_en edu save_other -H 'Content-Type: application/json' --data '{"school_stats": {"dropouts": 1}}' "$URL/api/v1/forms/$OTHER/$YEAR?dry_run=1"
status 400 "the bureau validates another school's form (its empty required fields: 400)"
pyok "each empty required field named" save_other "{i['field'] for i in d['error']['details'] if i['rule'] == 'required'} >= {'school_stats.graduates_matched', 'school_stats.fulltime_teachers'}"
as_en school save_other2 -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OTHER/$YEAR"
status 403 "a school may not save another school's form"
as_en police save_dept -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OWN/$YEAR"
status 403 "nor a department"
[ "$(written)" = "$before" ] && ok "refused saves wrote nothing" || not_ok "refused saves wrote nothing" "$before -> $(written)"

# --- the list of submissions, and the lock ----------------------------------------------
as_en school submit -X POST "$URL/api/v1/submissions/$OWN/$YEAR/submit"
status 200 "the school submits"
as_en edu list "$URL/api/v1/submissions?year=$YEAR"
status 200 "the bureau lists every school's submission"
pyok "every school, by code, this one submitted by school1, the others open" list \
	"d['year'] == $YEAR and len(d['schools']) == $(sql "SELECT count(*) FROM org WHERE kind = 'school'") and [s['school'] for s in d['schools']] == sorted(s['school'] for s in d['schools']) and all((s['status'], s['changed_by']) == (('submitted', 'school1') if s['school'] == '$OWN' else ('open', '')) for s in d['schools'])"
as_en police list_dept "$URL/api/v1/submissions?year=$YEAR"
pyok "a department sees the list too" list_dept "len(d['schools']) > 5"
as_en school list_school "$URL/api/v1/submissions?year=$YEAR"
status 200 "a school asks for the list"
pyok "and gets its own row only" list_school "[s['school'] for s in d['schools']] == ['$OWN'] and d['schools'][0]['status'] == 'submitted'"
as_en viewer list_viewer "$URL/api/v1/submissions?year=$YEAR"
status 403 "a viewer may not list the submissions"
as_en edu list_bad "$URL/api/v1/submissions?year=20x5"
status 400 "a bad year: 400"
as_en edu list_latest "$URL/api/v1/submissions"
pyok "without ?year=, the latest year with data" list_latest "d['year'] == $(sql "SELECT max(year) FROM datavalue")"
as_en edu approve -X POST "$URL/api/v1/submissions/$OWN/$YEAR/approve"
status 200 "the bureau approves"
before=$(written)
as_en school locked -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OWN/$YEAR"
status 409 "saving the form of an approved year: 409"
pyok "saying it is locked" locked "'locked' in d['error']['message'] and d['error']['code'] == 'conflict'"
as_en edu locked2 -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OWN/$YEAR?dry_run=1"
status 409 "for the bureau too, until it reopens the year"
[ "$(written)" = "$before" ] && ok "nothing written to the locked year" || not_ok "nothing written to the locked year" "$before -> $(written)"
as_en school form3 "$URL/api/v1/forms/$OWN/$YEAR"
pyok "the form says approved, not editable" form3 "d['status'] == 'approved' and d['editable'] is False and d['changed_by'] == 'edu'"
as_en edu reopen -X POST "$URL/api/v1/submissions/$OWN/$YEAR/reopen"
as_en school save2 -H 'Content-Type: application/json' --data-binary "@$WORK/good.json" "$URL/api/v1/forms/$OWN/$YEAR"
status 200 "reopened, the school saves again"

stop_server "the server stops cleanly on SIGTERM (no sanitizer report)"
finish
