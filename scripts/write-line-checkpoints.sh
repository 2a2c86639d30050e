#!/usr/bin/env bash
# Writes, on every supported Spark line, the XGBoost checkpoint CheckpointAcrossLinesTest reads
# (integration-tests/src/test/resources/checkpoints/<line>). Run it when the checkpoint format
# changes, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/integration-tests/src/test/resources/checkpoints"
for line in 3.5 4.0 4.2; do
  mvn -B -q -DskipTests "-Pspark-$line" install
  cp=$(mvn -B -q "-Pspark-$line" -pl integration-tests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
  java $(mvn -B -q help:evaluate -Dexpression=spark.jdk17.opens -DforceStdout) \
    -cp "integration-tests/target/test-classes:$cp" io.sparkair.it.LineCheckpoints "$out"
done
