#!/usr/bin/env bash
# The headline benchmarks (fromDataFrame, XGBoostTrainer, BatchPredictor, Tuner) on each Spark
# line in turn, for BENCHMARKS.md's side-by-side table. Not part of CI: about 8 minutes a line
# on 2 cores. Usage: scripts/bench-lines.sh [line ...]   (default: 4.2 3.5)
# Each benchmark's figures are in its output; this prints the lines that carry them.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=("$@")
if [ ${#lines[@]} -eq 0 ]; then
  lines=(4.2 3.5)
fi
for line in "${lines[@]}"; do
  echo "=== Spark line $line"
  mvn -B -q -DskipTests "-Pspark-$line" install
  mvn -B -q "-Pspark-$line,bench" -pl spark-air-plugin test-compile exec:exec \
    | grep -E "MB/s|GB/s|rows x" || true
  for main in io.sparkair.train.bench.TrainerBenchmark io.sparkair.predict.bench.PredictBenchmark \
      io.sparkair.tune.bench.TunerBenchmark; do
    mvn -B -q "-Pspark-$line,bench" -pl ml-stages test-compile exec:exec "-Dbench.main=$main" \
      | grep -vE "^\[|WARN|INFO|^\s*$|Task [0-9] got rank" || true
  done
done
