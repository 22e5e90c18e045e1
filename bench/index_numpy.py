"""index_numpy.py - the peer of `tvet index run` in bench/index.sh: the same
composite index and uncertainty analysis, written as a straightforward
vectorised NumPy program (Debian's python3-numpy).

Reads the bench's DATA and META (COINr layout, no groups or denominators)
and the replication count; computes the nominal index (mean imputation,
min-max to [1, 100], arithmetic mean up the levels), then REPS
replications drawing imputation (mean/median), normalisation (min-max
[1, 100] / z-score (10, 2)), aggregation (arithmetic/geometric) and weights
(each x (1 + U(-0.25, 0.25))), and each unit's median and 5-95 % rank; then
each choice alone (1000 weight draws, the other alternatives once) and the
removal of each dimension. Prints the nominal ranks, one per line, for the
bench to compare with tvet's.

Usage: python3 bench/index_numpy.py DATA.csv META.csv REPS
"""
import csv
import sys

import numpy as np


def read(data_path, meta_path):
    meta = list(csv.DictReader(open(meta_path)))
    nodes = [m for m in meta if m["Type"] in ("Indicator", "Aggregate")]
    code = [m["iCode"] for m in nodes]
    level = np.array([int(m["Level"]) for m in nodes])
    parent = np.array([code.index(m["Parent"]) if m["Parent"] != "NA" else -1 for m in nodes])
    weight = np.array([float(m["Weight"]) for m in nodes])
    direction = np.array([float(m["Direction"]) for m in nodes])
    rows = list(csv.DictReader(open(data_path)))
    ind = [i for i in range(len(nodes)) if level[i] == 1]
    x = np.array([[float(r[code[i]]) if r[code[i]] != "NA" else np.nan for i in ind] for r in rows])
    return [r["uCode"] for r in rows], code, level, parent, weight, direction, ind, x


def prepare(x, direction, impute, norm):
    x = x * direction
    fill = np.nanmean(x, axis=0) if impute == "mean" else np.nanmedian(x, axis=0)
    x = np.where(np.isnan(x), fill, x)
    if norm == "minmax":
        lo, hi = x.min(axis=0), x.max(axis=0)
        return (x - lo) / (hi - lo) * 99 + 1
    return (x - x.mean(axis=0)) / x.std(axis=0, ddof=1) * 10 + 100


def index(prep, levels, weight, agg):
    """levels: per level, (children's column indices, parent of each child)."""
    cols = prep
    for kids, pos, nparents in levels:
        w = weight[kids]
        W = np.zeros((len(kids), nparents))
        W[np.arange(len(kids)), pos] = w
        W /= W.sum(axis=0)
        cols = cols @ W if agg == "arithmetic" else np.exp(np.log(cols) @ W)
    return cols[:, 0]


def ranks(score):
    order = np.argsort(-score, kind="stable")
    r = np.empty(len(score), dtype=int)
    r[order] = np.arange(1, len(score) + 1)
    # ties at the minimum rank
    s = score[order]
    tie = np.concatenate(([False], s[1:] == s[:-1]))
    rr = np.arange(1, len(score) + 1)
    for k in np.nonzero(tie)[0]:
        rr[k] = rr[k - 1]
    r[order] = rr
    return r


def main():
    data, meta, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    units, code, level, parent, weight, direction, ind, x = read(data, meta)
    # the levels: the columns of one level aggregate into the next; column
    # order within a level follows META
    levels = []
    cur = ind
    for lev in range(2, level.max() + 1):
        up = [i for i in range(len(code)) if level[i] == lev]
        pos = np.array([up.index(parent[k]) for k in cur])
        levels.append((np.array(cur), pos, len(up)))
        cur = up
    rng = np.random.default_rng(7)
    imps, norms, aggs = ["mean", "median"], ["minmax", "zscore"], ["arithmetic", "geometric"]
    prep = {(i, n): prepare(x, direction[ind], i, n) for i in imps for n in norms}
    nominal = ranks(index(prep["mean", "minmax"], levels, weight, "arithmetic"))
    n = len(units)
    hist = np.zeros((n, n + 1), dtype=np.int64)
    for _ in range(reps):
        i, nm, a = imps[rng.integers(2)], norms[rng.integers(2)], aggs[rng.integers(2)]
        w = weight * (1 + 0.25 * (2 * rng.random(len(weight)) - 1))
        r = ranks(index(prep[i, nm], levels, w, a))
        hist[np.arange(n), r] += 1
    cum = np.cumsum(hist, axis=1)
    median = (cum >= (reps + 1) / 2).argmax(axis=1)
    q05 = (cum >= 0.05 * reps).argmax(axis=1)
    q95 = (cum >= 0.95 * reps).argmax(axis=1)
    shift = {}
    tot = 0.0
    for _ in range(min(reps, 1000)):
        w = weight * (1 + 0.25 * (2 * rng.random(len(weight)) - 1))
        tot += np.abs(ranks(index(prep["mean", "minmax"], levels, w, "arithmetic")) - nominal).mean()
    shift["weights"] = tot / min(reps, 1000)
    shift["normalise"] = np.abs(ranks(index(prep["mean", "zscore"], levels, weight, "arithmetic")) - nominal).mean()
    shift["impute"] = np.abs(ranks(index(prep["median", "minmax"], levels, weight, "arithmetic")) - nominal).mean()
    shift["aggregate"] = np.abs(ranks(index(prep["mean", "minmax"], levels, weight, "geometric")) - nominal).mean()
    root = int(np.nonzero(parent == -1)[0][0])
    for d in np.nonzero(parent == root)[0]:
        w = weight.copy()
        w[d] = 0
        shift[code[d]] = np.abs(ranks(index(prep["mean", "minmax"], levels, w, "arithmetic")) - nominal).mean()
    assert median.min() >= 1 and q05.min() >= 1 and q95.max() <= n and shift
    for u, r in zip(units, nominal):
        print(u, r)


main()
