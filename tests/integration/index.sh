# index.sh - `tvet index run|weights|topsis` on published examples and on
# bad input. The ASEM example index (data/examples/coinr-asem, COINr's own
# data), built as COINr's build_example_coin() builds it, must give the
# scores COINr's "Presenting Results" vignette prints for its top six; the
# weights and TOPSIS figures are the published ones of Elsayed et al.
# (2017), Tuş & Adalı (2019) and Papathanasiou & Ploskas (2018). Each bad
# input exits 2 with one line naming the file, the place and the reason.
. "$(dirname "$0")/lib.sh"
ASEM="$TVET_DATA/examples/coinr-asem"

cat >"$WORK/asem.json" <<'EOF'
{"denominate": true, "impute": {"method": "group_mean", "group": "EurAsia_group"},
 "screen": {"min_availability": 0.9}, "treat": {"winmax": 5, "skew_thresh": 2, "kurt_thresh": 3.5},
 "normalise": {"method": "minmax", "lower": 0, "upper": 100}, "aggregate": {"method": "arithmetic"}}
EOF
run "$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/asem.json"
expect_rc 0 "tvet index run on COINr's ASEM example"
expect_out "uCode,Rank,Physical,ConEcFin,Political,Instit,P2P,Environ,Social,SusEcFin,Conn,Sust,Index" \
	"the CSV header: uCode, Rank, then the aggregates in META order"
[ "$(wc -l <"$WORK/out")" -eq 52 ] && ok "51 units and the header" || not_ok "51 units" "$(wc -l <"$WORK/out") lines"
# COINr's vignette (get_results, rounded to 2 places): uCode Rank Index Conn
# Sust Physical ConEcFin Political Instit P2P Environ Social SusEcFin
cat >"$WORK/published" <<'EOF'
CHE 1 68.38 62.79 73.98 63.41 32.87 74.78 85.94 56.93 77.21 87.85 56.88
NLD 2 64.82 61.94 67.70 64.87 46.62 84.55 71.74 41.92 58.73 86.58 57.78
DNK 3 64.80 57.10 72.51 50.52 30.43 78.13 75.35 51.04 69.83 86.40 61.29
NOR 4 64.47 57.44 71.50 58.18 25.70 80.03 89.46 33.80 70.90 87.00 56.59
BEL 5 63.54 63.99 63.09 71.97 48.22 80.84 75.60 43.32 53.01 86.17 50.09
SWE 6 63.00 53.87 72.12 51.51 23.87 80.98 74.51 38.50 66.37 87.74 62.27
EOF
awk -F, 'NR > 1 && $2 <= 6 {
	printf "%s %s %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n",
		$1, $2, $13, $11, $12, $3, $4, $5, $6, $7, $8, $9, $10 }' "$WORK/out" | sort -k2n >"$WORK/ours"
if cmp -s "$WORK/published" "$WORK/ours"; then
	ok "the top six's index, sub-index and pillar scores are COINr's published ones"
else
	not_ok "the top six are COINr's published scores" "$(diff "$WORK/published" "$WORK/ours" | tr '\n' ';')"
fi

# JSON: the effective weights and what treatment did, for the record
run "$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/asem.json" --format json
expect_rc 0 "tvet index run --format json"
python3 - "$WORK/out" >"$WORK/check" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
nodes = {n["iCode"]: n for n in d["nodes"]}
assert d["index"] == "Index", d["index"]
# Conn has 5 pillars, Sust 3: an indicator's effective weight is the
# product of its shares along its lineage
assert abs(nodes["LPI"]["effective_weight"] - 0.5 * 0.2 / 8) < 1e-12, nodes["LPI"]
assert abs(nodes["Renew"]["effective_weight"] - 0.5 / 3 / 5) < 1e-12, nodes["Renew"]
assert abs(sum(n["effective_weight"] for n in d["nodes"] if n["level"] == 1) - 1) < 1e-9
assert nodes["Services"]["winsorised"] == 4 and not nodes["Services"]["log_transformed"], nodes["Services"]
assert d["imputed"] == 65, d["imputed"]
che = [u for u in d["units"] if u["uCode"] == "CHE"][0]
assert che["rank"] == 1 and abs(che["scores"]["Index"] - 68.38) < 0.005, che
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "JSON: effective weights, treatment and imputation as COINr reports them" ||
	not_ok "JSON: effective weights, treatment, imputation" "$(tail -3 "$WORK/check")"

# --- uncertainty: reproducible, and the aggregation choice moves ranks most
cat >"$WORK/ua.json" <<'EOF'
{"denominate": true, "impute": {"method": "group_mean", "group": "EurAsia_group"},
 "treat": {"winmax": 5}, "normalise": {"method": "minmax", "lower": 1, "upper": 100},
 "aggregate": {"method": "arithmetic"},
 "uncertainty": {"reps": 500, "seed": 7, "weight_noise": 0.25,
   "normalise": [{"method": "minmax", "lower": 1, "upper": 100}, {"method": "zscore", "mean": 10, "sd": 2}],
   "aggregate": ["arithmetic", "geometric"]}}
EOF
run "$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/ua.json" --format json
expect_rc 0 "tvet index run with an uncertainty analysis"
cp "$WORK/out" "$WORK/ua1"
run "$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/ua.json" --format json
cmp -s "$WORK/out" "$WORK/ua1" && ok "the same seed gives the same analysis" || not_ok "the same seed, the same analysis"
python3 - "$WORK/ua1" >"$WORK/check" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["sensitivity"]
assert s["impute"] is None, s
assert s["aggregate"] > s["weights"] > 0 and s["aggregate"] > s["normalise"] > 0, s
assert set(s["remove"]) == {"Conn", "Sust"} and all(v > 0 for v in s["remove"].values()), s
assert s["most_influential"] == "aggregate", s
for u in d["units"]:
    q = u["uncertainty"]
    assert 1 <= q["q05"] <= q["median"] <= q["q95"] <= 51, u
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "the rank intervals are ordered, aggregation moves ranks most (as COINr's vignette finds)" ||
	not_ok "uncertainty figures" "$(tail -3 "$WORK/check")"
run "$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/ua.json"
head -1 "$WORK/out" | grep -q ',Index,Rank_median,Rank_q05,Rank_q95$' && ok "CSV: the rank interval after the aggregates" ||
	not_ok "CSV rank interval columns" "$(head -1 "$WORK/out")"

# TOPSIS as the aggregator: each pillar is the closeness (x 100) of the units
# on its normalised indicators, as tvet index topsis computes it
cat >"$WORK/topsis.json" <<'EOF'
{"denominate": true, "impute": {"method": "group_mean", "group": "EurAsia_group"},
 "treat": {"winmax": 5}, "normalise": {"method": "minmax", "lower": 0, "upper": 100},
 "aggregate": {"method": "topsis"}}
EOF
run "$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/topsis.json" --format json
expect_rc 0 "aggregate by TOPSIS"
python3 - "$WORK/out" "$ASEM/asem_iMeta.csv" "$WORK/m.csv" "$WORK/w.txt" >"$WORK/check" 2>&1 <<'EOF'
import csv, json, sys
d = json.load(open(sys.argv[1]))
meta = list(csv.DictReader(open(sys.argv[2])))
kids = [m["iCode"] for m in meta if m["Parent"] == "Physical" and m["Type"] == "Indicator"]
units = [u for u in d["units"] if all(u["scores"][k] is not None for k in kids)]
with open(sys.argv[3], "w") as f:
    f.write("unit," + ",".join(kids) + "\n")
    for u in units:
        f.write(u["uCode"] + "," + ",".join(repr(u["scores"][k]) for k in kids) + "\n")
open(sys.argv[4], "w").write(",".join("1" for _ in kids))
assert all(0 <= u["scores"]["Index"] <= 100 for u in d["units"] if u["scores"]["Index"] is not None)
print("ok")
EOF
"$TVET" index topsis --input "$WORK/m.csv" --weights "$(cat "$WORK/w.txt")" --format json >"$WORK/t.json" 2>"$WORK/err"
python3 - "$WORK/out" "$WORK/t.json" >>"$WORK/check" 2>&1 <<'EOF'
import json, sys
d = {u["uCode"]: u for u in json.load(open(sys.argv[1]))["units"]}
t = json.load(open(sys.argv[2]))
assert len(t) >= 40, len(t)
for r in t:
    got = d[r["unit"]]["scores"]["Physical"]
    assert abs(got - 100 * r["closeness"]) < 1e-9, (r, got)
print("ok")
EOF
[ "$(cat "$WORK/check")" = "ok
ok" ] && ok "a TOPSIS pillar is tvet index topsis's closeness of its normalised indicators, x 100" ||
	not_ok "TOPSIS as the aggregator" "$(tail -3 "$WORK/check")"

# --- weights --------------------------------------------------------------------
cat >"$WORK/elsayed.csv" <<'EOF'
unit,C1,C2,C3,C4,C5
A1,7,312,1891,6613,163
A2,72,88,728,941804,1078
A3,10,252,2594,3466,117471
A4,10,145,980,2371,86329
A5,65,54,350,501,29897
A6,29,48,380,912,34051
A7,7,476,3300,78470,2212
A8,70,87,650,733,819000
A9,4,86,591,3015,103
A10,12,79,579,3240,96098
A11,21,45,261,1253,453
A12,1,72,530,4333,0.104800
EOF
run "$TVET" index weights --method entropy --entropy-form raw --input "$WORK/elsayed.csv"
expect_rc 0 "entropy weights (raw form) of Elsayed et al. (2017)"
python3 -c 'import json,sys; w=json.load(open(sys.argv[1]))["weights"]; print(" ".join("%.6f" % x for x in w))' "$WORK/out" >"$WORK/w"
[ "$(cat "$WORK/w")" = "0.104991 0.069124 0.071373 0.449937 0.304575" ] && ok "their published weights" ||
	not_ok "Elsayed's weights" "$(cat "$WORK/w")"

cat >"$WORK/tus.csv" <<'EOF'
alt,cost,c2,c3,c4,c5,c6
A1,5000,3,3,4,3,2
A2,680,5,3,2,2,1
A3,2000,3,2,3,4,3
A4,600,4,3,1,2,2
A5,800,2,4,3,3,4
EOF
run "$TVET" index weights --method critic --critic-reverse no --types=-1,1,1,1,1,1 --input "$WORK/tus.csv"
expect_rc 0 "CRITIC weights of Tuş & Adalı (2019), cost not reversed"
python3 -c 'import json,sys; w=json.load(open(sys.argv[1]))["weights"]; print(" ".join("%.3f" % x for x in w))' "$WORK/out" >"$WORK/w"
[ "$(cat "$WORK/w")" = "0.157 0.249 0.168 0.121 0.154 0.151" ] && ok "their published weights" ||
	not_ok "Tuş & Adalı's weights" "$(cat "$WORK/w")"

cat >"$WORK/ahp.csv" <<'EOF'
,price,quality,service
price,1,2,4
quality,0.5,1,3
service,0.25,0.333333333333,1
EOF
run "$TVET" index weights --method ahp --input "$WORK/ahp.csv"
expect_rc 0 "AHP weights of a 3 x 3 pairwise matrix"
python3 - "$WORK/out" >"$WORK/check" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
g = [8 ** (1 / 3), 1.5 ** (1 / 3), (1 / 12) ** (1 / 3)]
want = [x / sum(g) for x in g]
lam = 1 + 1.5 ** (1 / 3) + 1.5 ** (-1 / 3)  # closed form for 3 x 3
assert all(abs(a - b) < 1e-6 for a, b in zip(d["weights"], want)), d
assert abs(d["lambda_max"] - lam) < 1e-6 and abs(d["cr"] - (lam - 3) / 2 / 0.58) < 1e-6, d
assert d["consistent"] is True and d["criteria"] == ["price", "quality", "service"], d
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "eigenvector, lambda_max and CR as the closed form gives" || not_ok "AHP figures" "$(tail -3 "$WORK/check")"

# --- TOPSIS ---------------------------------------------------------------------
cat >"$WORK/pp.csv" <<'EOF'
site,c1,c2,c3,c4
S1,8,7,2,1
S2,5,3,7,5
S3,7,5,6,4
S4,9,9,7,3
S5,11,10,3,7
S6,6,9,5,4
EOF
run "$TVET" index topsis --input "$WORK/pp.csv" --weights 0.4,0.3,0.1,0.2
expect_rc 0 "TOPSIS of Papathanasiou & Ploskas (2018)"
awk -F, 'NR > 1 { printf "%s %.3f %s\n", $1, $2, $3 }' "$WORK/out" | tr '\n' ' ' >"$WORK/t"
python3 - "$WORK/out" >"$WORK/check" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
pub = [0.387, 0.327, 0.391, 0.615, 0.868, 0.493]  # rounded along the way in the book
assert all(abs(float(r["closeness"]) - p) < 0.002 for r, p in zip(rows, pub)), rows
assert [int(r["rank"]) for r in rows] == [5, 6, 4, 2, 1, 3], rows
print("ok")
EOF
[ "$(cat "$WORK/check")" = ok ] && ok "their closeness figures and ranks" || not_ok "TOPSIS figures" "$(tail -3 "$WORK/check")"

# --- bad input: exit 2, one line, the place and the reason -------------------------
bad() { # bad DESC TEXT CMD...: exits 2 with TEXT on one line of stderr
	desc=$1 text=$2
	shift 2
	run "$@"
	if [ "$rc" -eq 2 ] && grep -qF -- "$text" "$WORK/err" && [ "$(wc -l <"$WORK/err")" -eq 1 ] && [ ! -s "$WORK/out" ]; then
		ok "$desc"
	else
		not_ok "$desc" "exit $rc, stderr: $(head -c 300 "$WORK/err"), stdout $(wc -c <"$WORK/out") bytes"
	fi
}
sed '3s/,4.108538,/,4,1O8,/' "$ASEM/asem_iData.csv" | sed '3s/4,1O8/4.1O8/' >"$WORK/bad_data.csv"
bad "a non-numeric cell: file, line, column and indicator" "bad_data.csv:3:10: LPI: '4.1O8' is not a number" \
	"$TVET" index run --idata "$WORK/bad_data.csv" --imeta "$ASEM/asem_iMeta.csv"
sed 's/^LPI,1,1,1,Physical,/LPI,1,1,1,Physicl,/' "$ASEM/asem_iMeta.csv" >"$WORK/bad_parent.csv"
bad "a parent that is not in META" "'LPI': its Parent 'Physicl' is not an Aggregate of META" \
	"$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$WORK/bad_parent.csv"
sed 's/^Conn,3,1,1,Index,/Conn,3,1,1,NA,/' "$ASEM/asem_iMeta.csv" >"$WORK/two_roots.csv"
bad "two tops: the parents do not form one tree" "structure must have one top" \
	"$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$WORK/two_roots.csv"
sed 's/^Physical,2,1,1,Conn,/Physical,2,1,1,Political,/' "$ASEM/asem_iMeta.csv" >"$WORK/sideways.csv"
bad "a parent of the same level" "a parent must be of a higher level" \
	"$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$WORK/sideways.csv"
sed 's/^\(Environ\|Social\|SusEcFin\),2,1,1,/\1,2,1,0,/' "$ASEM/asem_iMeta.csv" >"$WORK/zero_w.csv"
bad "weights that sum to zero" "aggregate 'Sust': its children's weights sum to 0" \
	"$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$WORK/zero_w.csv"
printf '{"normalise": {"method": "minmax", "lowr": 0}}\n' >"$WORK/typo.json"
bad "a settings key that does not exist" "settings: 'normalise' has no key 'lowr'" \
	"$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/typo.json"
printf '{"normalise": {"method": "minmax"}, "aggregate": {"method": "geometric"}}\n' >"$WORK/geo.json"
bad "a geometric mean of a zero score says which unit and aggregate" "this mean needs values > 0" \
	"$TVET" index run --idata "$ASEM/asem_iData.csv" --imeta "$ASEM/asem_iMeta.csv" --settings "$WORK/geo.json"
printf ',a,b\na,1,3\nb,0.5,1\n' >"$WORK/notrecip.csv"
bad "an AHP matrix that is not reciprocal" "not reciprocal: row 1, column 2 is 3 but row 2, column 1 is 0.5" \
	"$TVET" index weights --method ahp --input "$WORK/notrecip.csv"
printf ',a,b\na,1,3\n' >"$WORK/notsquare.csv"
bad "an AHP matrix that is not square" "must be square: 1 rows, 2 criteria" \
	"$TVET" index weights --method ahp --input "$WORK/notsquare.csv"
printf 'u,a,b\nx,1,5\ny,1,5\n' >"$WORK/flat.csv"
bad "entropy weights when every criterion is constant" "every criterion is constant" \
	"$TVET" index weights --method entropy --input "$WORK/flat.csv"

# a constant indicator and a unit without data: documented "no value", never NaN
cat >"$WORK/meta.csv" <<'EOF'
iCode,Level,Direction,Weight,Parent,Type,Denominator
a,1,1,1,Index,Indicator,NA
b,1,1,1,Index,Indicator,NA
Index,2,1,1,NA,Aggregate,NA
EOF
printf 'uCode,a,b\nU1,1,5\nU2,3,5\nU3,NA,NA\nU4,2,5\n' >"$WORK/data.csv"
printf '{"normalise": {"method": "minmax", "lower": 0, "upper": 100}}\n' >"$WORK/mm.json"
run "$TVET" index run --idata "$WORK/data.csv" --imeta "$WORK/meta.csv" --settings "$WORK/mm.json"
expect_rc 0 "a constant indicator and a unit with no data"
printf 'uCode,Rank,Index\nU1,3,0\nU2,1,100\nU3,NA,NA\nU4,2,50\n' >"$WORK/want"
cmp -s "$WORK/out" "$WORK/want" && ok "the constant indicator has no value and drops out; the empty unit has no rank, no NaN" ||
	not_ok "constant indicator and empty unit" "$(tr '\n' ';' <"$WORK/out")"
finish
