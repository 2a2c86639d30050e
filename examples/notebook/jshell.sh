#!/usr/bin/env bash
# Opens jshell with the examples' classpath and Spark's JDK 17 flags, running the given scripts
# (by default the breast-cancer notebook), e.g.  examples/notebook/jshell.sh
# Build first: mvn -B -DskipTests install (the serving cell starts serving/target/air-serve.jar)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cp_file="$(mktemp)"
mvn -B -q -f "$here/../pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
classpath="$here/../target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  opens="$opens -R--add-opens=java.base/$p=ALL-UNNAMED"
done
# shellcheck disable=SC2086
exec jshell $opens -R-Djdk.reflect.useDirectMethodHandle=false \
  -R-Dspark.air.serve.jar="$here/../../serving/target/air-serve.jar" --class-path "$classpath" \
  "${@:-$here/breast_cancer.jsh}"
