#!/usr/bin/env python3
"""Markdown tables (mean and p99 in us) from JMH JSON result files (-rf json) of the routing benchmarks.

Usage: results-tables.py [--long] file.json...
  default: one table per benchmark, a row per strategy (or per waiting-calls count), a column per size
  --long:  one row per result, with p50, p99.9 and bytes allocated per op (when run with -prof gc)
"""
import json
import sys
from collections import defaultdict

STRATEGIES = ["longest-idle", "round-robin", "fewest-calls", "least-talk-time", "random", "weighted-random",
              "skills-best-match", "ring-all"]

args = [a for a in sys.argv[1:] if a != "--long"]
long_form = "--long" in sys.argv[1:]
rows = defaultdict(dict)  # (benchmark, strategy, agents, calls) -> {mode: entry}
for path in args:
    with open(path) as f:
        for r in json.load(f):
            bench = ".".join(r["benchmark"].rsplit(".", 2)[-2:])
            p = r.get("params", {})
            key = (bench, p.get("strategy", "-"), int(p.get("agents", 0)), int(p.get("calls", 0)))
            m = r["primaryMetric"]
            entry = {"score": m["score"], "error": m.get("scoreError")}
            if r["mode"] == "sample":
                for q in ("50.0", "99.0", "99.9"):
                    entry[q] = m["scorePercentiles"][q]
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            if alloc:
                entry["alloc"] = alloc["score"]
            rows[key][r["mode"]] = entry


def fmt(x):
    if x is None or x != x:
        return "-"
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}"


def mean(modes):
    """The AverageTime score when there is one, else SampleTime's mean."""
    return modes.get("avgt", modes.get("sample", {})).get("score")


def cell(modes):
    if not modes:
        return "-"
    p99 = modes.get("sample", {}).get("99.0")
    return f"{fmt(mean(modes))} / {fmt(p99)}"


def order(strategy):
    return STRATEGIES.index(strategy) if strategy in STRATEGIES else len(STRATEGIES)


if long_form:
    print("| benchmark | strategy | agents | calls | mean avgt (± 99.9 % CI) | mean sample | p50 | p99 | p99.9 | B/op |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in sorted(rows, key=lambda k: (k[0], order(k[1]), k[2], k[3])):
        bench, strategy, agents, calls = key
        avgt, sample = rows[key].get("avgt", {}), rows[key].get("sample", {})
        alloc = sample.get("alloc", avgt.get("alloc"))
        avg = f"{fmt(avgt['score'])} ± {fmt(avgt['error'])}" if avgt else "-"
        print(f"| {bench} | {strategy} | {agents or '-'} | {calls or '-'} | {avg} | {fmt(sample.get('score'))} | "
              f"{fmt(sample.get('50.0'))} | {fmt(sample.get('99.0'))} | {fmt(sample.get('99.9'))} | "
              f"{fmt(alloc) if alloc is not None else '-'} |")
    sys.exit(0)

for bench in sorted({k[0] for k in rows}):
    keys = [k for k in rows if k[0] == bench]
    by_agents = defaultdict(dict)  # (strategy, calls) -> agents -> modes
    for k in keys:
        by_agents[(k[1], k[3])][k[2]] = rows[k]
    sizes = sorted({k[2] for k in keys})
    print(f"\n**{bench}**: mean / p99, us (mean: AverageTime when run, else SampleTime's mean)\n")
    print("| strategy | calls | " + " | ".join(f"{n} agents" for n in sizes) + " | growth ×10, ×10 (mean) |")
    print("|---|---:|" + "---:|" * len(sizes) + "---|")
    for (strategy, calls) in sorted(by_agents, key=lambda sc: (order(sc[0]), -sc[1])):
        cells = by_agents[(strategy, calls)]
        means = [mean(cells[n]) if n in cells else None for n in sizes]
        growth = ", ".join(f"×{b / a:.1f}" for a, b in zip(means, means[1:]) if a and b)
        print(f"| {strategy} | {calls or '-'} | " + " | ".join(cell(cells.get(n)) for n in sizes) + f" | {growth} |")
