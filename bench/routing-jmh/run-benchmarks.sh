#!/usr/bin/env bash
# Runs the routing benchmarks as reported in bench/RESULTS.md, one JMH process after the other (about 10
# minutes on 2 cores), and prints the Markdown tables. Build first: see bench/README.md.
# Usage: bench/routing-jmh/run-benchmarks.sh [output-dir]   (default: bench/routing-jmh/target/results)
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-target/results}
mkdir -p "$out"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B -q package' in $(pwd) first" >&2; exit 1; }
common=(-f 1 -wi 2 -w 1s -i 4 -r 1s -prof gc)

# 1. Each strategy's decide() alone: 8 strategies x 10/100/1000 candidates, SampleTime and AverageTime.
java -jar "$jar" StrategyDecisionBenchmark "${common[@]}" \
    -rf json -rff "$out/strategies.json" | tee "$out/strategies.log"

# 2. The whole distributor decision, all agents candidates, 10 000 calls waiting: 8 strategies x 10/100/1000 agents.
java -jar "$jar" 'DistributorDecisionBenchmark.offerToIdleAgents' -bm sample "${common[@]}" \
    -p calls=10000 -rf json -rff "$out/distributor-idle.json" | tee "$out/distributor-idle.log"

# 3. The overloaded floor (one free agent) and the churn baseline, longest-idle, 10 000 calls: 10/100/1000 agents.
java -jar "$jar" 'DistributorDecisionBenchmark.(offerToLastFreeAgent|queueChurnOnly)' -bm sample "${common[@]}" \
    -p strategy=longest-idle -p calls=10000 -rf json -rff "$out/distributor-load.json" | tee "$out/distributor-load.log"

# 4. Growth with the waiting calls: all three benchmarks, longest-idle, 1000 agents, 100/1000 calls.
java -jar "$jar" 'DistributorDecisionBenchmark' -bm sample "${common[@]}" \
    -p strategy=longest-idle -p agents=1000 -p calls=100,1000 -rf json -rff "$out/distributor-calls.json" \
    | tee "$out/distributor-calls.log"

python3 results-tables.py "$out"/*.json
