#!/usr/bin/env bash
# Writes, on every supported Spark line, the XGBoost checkpoint CheckpointAcrossLinesTest reads
# (integration-tests/src/test/resources/checkpoints/<line>). Run it when the checkpoint format
# changes, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/integration-tests/src/test/resources/checkpoints"
opens=$(sed -n 's:.*<spark.jdk17.opens>\(.*\)</spark.jdk17.opens>.*:\1:p' pom.xml)
classpath=$(mktemp)
trap 'rm -f "$classpath"' EXIT
for line in 3.5 4.0 4.2; do
  mvn -B -q -DskipTests "-Pspark-$line" install
  mvn -B -q "-Pspark-$line" -pl integration-tests dependency:build-classpath \
    -Dmdep.includeScope=test "-Dmdep.outputFile=$classpath"
  # shellcheck disable=SC2086
  java $opens -cp "integration-tests/target/test-classes:$(cat "$classpath")" \
    io.sparkair.it.LineCheckpoints "$out"
done
