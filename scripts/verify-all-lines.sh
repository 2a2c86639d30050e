#!/usr/bin/env bash
# The whole test suite on every supported Spark line, one line after the other (the README's
# test command, which .ci/run runs):
#   Spark 4.2, the default line: every test.
#   Spark 3.5 and Spark 4.0: every test of the modules that touch Spark. The Spark-free modules
#   (actor-runtime, ml-core, serving) build against one stack whatever the line, so their tests
#   run once, on 4.2; the later lines rebuild them and this script checks that their classes
#   come out identical. The notebooks (the notebook module's tests) run on 4.2; the other lines
#   build the kernel.
# Each line's benchmarks (the bench profiles, not run here) must compile too, and a runtime jar
# of one line must be refused by another (WrongLineRuntimeJarTest, given the jar built before).
# The default line's artifacts are installed, and the README's first command (the main example
# on the installed artifacts) must answer with its held-out accuracy.
# One line alone: mvn -B verify [-Pspark-3.5 | -Pspark-4.0]
set -euo pipefail
cd "$(dirname "$0")/.."

spark_free=(actor-runtime ml-core serving)
jars=$(mktemp -d)
trap 'rm -rf "$jars"' EXIT

classes_digest() {
  for module in "${spark_free[@]}"; do
    (cd "$module/target/classes" && find . -name '*.class' | LC_ALL=C sort | xargs sha256sum)
  done | sha256sum | cut -c1-16
}

timed() {
  local started=$SECONDS
  "$@"
  echo "== $* took $((SECONDS - started)) s"
}

benchmarks_compile() {
  timed mvn -B -q -DskipTests "-Pspark-$1,bench" test-compile \
    -pl actor-runtime,spark-air-plugin,ml-stages,serving -am
}

keep_runtime_jar() {
  cp spark-air-plugin/target/spark-air-runtime-"$1"_*.jar "$jars/$1.jar"
}

main_example() {
  mvn -B -q -pl examples exec:exec | tee "$jars/example.log"
  grep -q "held-out accuracy" "$jars/example.log"
}

timed mvn -B install
timed main_example
core=$(classes_digest)
keep_runtime_jar 4.2
benchmarks_compile 4.2

previous=4.2
for line in 3.5 4.0; do
  timed mvn -B clean verify "-Pspark-$line" -Dspark-free.tests.skip=true -Dnotebook.tests.skip=true \
    "-Dair.other.line.runtime.jar=$jars/$previous.jar"
  if [ "$(classes_digest)" != "$core" ]; then
    echo "the Spark-free modules' classes differ between Spark 4.2 and Spark $line" >&2
    exit 1
  fi
  keep_runtime_jar "$line"
  benchmarks_compile "$line"
  previous=$line
done
echo "== all lines passed; Spark-free classes identical on every line ($core)"
