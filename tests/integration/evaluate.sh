# evaluate.sh - `tvet evaluate` on the demo city: every figure recomputed
# here from its definition (data/evaluation/default.json) and from what
# `tvet indicator eval` gives for the same formulas; the city index is the
# enrolment-weighted mean and is what plan status shows for G3; --save
# keeps a batch with the inputs' hash; bad configurations are refused with
# the indicator named.
. "$(dirname "$0")/lib.sh"
DB="$WORK/e.db"
run "$TVET" --db "$DB" init
run "$TVET" --db "$DB" demo
expect_rc 0 "tvet demo (which saves the evaluation of 2021-2025)"
expect_out "contribution evaluation 2021-2025 saved: city index" "the demo says the evaluation was saved"

run "$TVET" --db "$DB" evaluate --year 2025 --format json
expect_rc 0 "tvet evaluate --year 2025 --format json"
cp "$WORK/out" "$WORK/eval.json"
# the formulas of the configuration, evaluated by tvet indicator eval
python3 - "$TVET_DATA/evaluation/default.json" >"$WORK/formulas" <<'EOF'
import json, sys
for i in json.load(open(sys.argv[1]))["indicators"]:
    if "formula" in i and "city_divisor" not in i:
        print(i["code"] + "\t" + i["formula"])
EOF
: >"$WORK/evals"
while IFS="$(printf '\t')" read -r code formula; do
	"$TVET" --db "$DB" indicator eval "$formula" --year 2025 --schools --format csv </dev/null |
		awk -F, -v c="$code" 'NR > 1 { print c "," $1 "," $4 }' >>"$WORK/evals"
done <"$WORK/formulas"
python3 - "$WORK/eval.json" "$TVET_DATA/evaluation/default.json" "$WORK/evals" >"$WORK/check" 2>&1 <<'EOF'
import csv, json, math, sys
d = json.load(open(sys.argv[1]))
cfg = json.load(open(sys.argv[2]))
evals = {(r[0], r[1]): float(r[2]) for r in csv.reader(open(sys.argv[3])) if r[2] != ""}
inds = {i["code"]: i for i in cfg["indicators"]}
dims = [x["code"] for x in cfg["dimensions"]]
dimw = {x["code"]: x["weight"] for x in cfg["dimensions"]}
assert d["year"] == 2025 and len(d["schools"]) == 9, (d["year"], len(d["schools"]))
assert sorted(s["rank"] for s in d["schools"]) == list(range(1, 10))
num = den = 0.0
checked = 0
for s in d["schools"]:
    for code, i in inds.items():
        raw, score = s["values"][code], s["scores"][code]
        levels = i.get("levels")
        if levels and s["level"] not in levels:
            assert raw is None and score is None, (s["school"], code, "applies to", levels)
            continue
        if (code, s["school"]) in evals:  # the same figure as tvet indicator eval
            assert abs(raw - evals[code, s["school"]]) < 1e-9 * max(1, abs(raw)), (s["school"], code, raw)
            checked += 1
        if raw is None:
            assert score is None
            continue
        lo, hi = i["goalposts"]
        want = 100 * min(1, max(0, (raw - lo) / (hi - lo)))
        assert abs(score - want) < 1e-9, (s["school"], code, score, want)
    # dimensions: the mean of the scores they have; the index: the
    # weighted mean of the dimensions it has
    parts = []
    for dim in dims:
        sc = [s["scores"][c] for c, i in inds.items() if i["dimension"] == dim and s["scores"][c] is not None]
        got = s["dimensions"][dim]
        if not sc:
            assert got is None
            continue
        assert abs(got - sum(sc) / len(sc)) < 1e-9, (s["school"], dim)
        parts.append((dimw[dim], got))
    idx = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    assert abs(s["index"] - idx) < 1e-9, (s["school"], s["index"], idx)
    lo, hi = s["rank_interval"]
    assert 1 <= lo <= hi <= 9 and 0 <= s["index_interval"][0] <= s["index_interval"][1] <= 100, s
    assert "可使指数提高" in s["explanation"] and "would add" in s["explanation_en"], s["explanation"]
    num += s["index"] * s["weight"]
    den += s["weight"]
assert checked >= 40, checked
assert abs(d["city_index"] - num / den) < 1e-9, (d["city_index"], num / den)
print("ok %.1f" % d["city_index"])
EOF
case $(cat "$WORK/check") in
ok*) ok "every value is tvet indicator eval's, every score the goalposts', every index the weighted mean; city $(cut -d' ' -f2 "$WORK/check")" ;;
*) not_ok "the evaluation's figures" "$(tail -3 "$WORK/check")" ;;
esac
city=$(python3 -c 'import json,sys; print("%.1f" % json.load(open(sys.argv[1]))["city_index"])' "$WORK/eval.json")
run "$TVET" --db "$DB" plan status --target G3 --year 2025 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d[0] if isinstance(d, list) else d["targets"][0]; print("%.1f" % c["actual"])' "$WORK/out" >"$WORK/g3" 2>&1
[ "$(cat "$WORK/g3")" = "$city" ] && ok "plan status shows the city index ($city) for G3" || not_ok "G3 is the city index" "$(cat "$WORK/g3") vs $city"

run "$TVET" --db "$DB" evaluate --year 2025
expect_rc 0 "the table"
expect_out "City index 2025: $city" "the table ends with the city index"

# --save twice: the second changes nothing, both are batches of kind evaluation
run "$TVET" --db "$DB" evaluate --year 2025 --save
expect_rc 0 "tvet evaluate --save"
run "$TVET" --db "$DB" history --imports --format csv
n=$(grep -c ',evaluation,' "$WORK/out")
[ "$n" -ge 6 ] && ok "the demo's 5 runs and this one are import batches of kind evaluation ($n)" || not_ok "evaluation batches" "$n: $(head -3 "$WORK/out")"
run "$TVET" --db "$DB" audit list --limit 1
expect_out "evaluate" "the save is in the audit trail"

# bad configurations: exit 2, the indicator named
bad() {
	python3 - "$TVET_DATA/evaluation/default.json" "$WORK/bad.json" "$1" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
	run "$TVET" --db "$DB" evaluate --config "$WORK/bad.json"
	if [ "$rc" -eq 2 ] && grep -qF -- "$2" "$WORK/err"; then ok "$3"; else not_ok "$3" "exit $rc: $(head -c 300 "$WORK/err")"; fi
}
bad 'c["indicators"][4]["goalposts"] = [98, 70]' "indicator 'destination_rate': goalposts must be [floor, target]" "goalposts the wrong way round"
bad 'c["indicators"][3]["formula"] = "graduates_partnr / graduates"' "indicator 'partner_hire_share'" "an unknown data element in a formula"
bad 'c["indicators"][0]["builtin"] = "magic"' "builtin 'magic' is not" "an unknown built-in measure"
bad 'c["indicators"][0]["dimension"] = "fun"' "dimension 'fun' is not one of the dimensions" "an unknown dimension"
finish
