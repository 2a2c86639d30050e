#!/usr/bin/env bash
# Installs Jupyter from Debian (the classic Notebook server, nbclient and nbconvert, for
# /usr/bin/python3) and registers the "Spark AIR (Java)" kernel of this checkout for this user,
# building the kernel first when it is not built. With --packages-only it installs Jupyter alone
# (what the test suite needs: its tests write a kernelspec of their own).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! /usr/bin/python3 -c "import notebook, nbclient, nbconvert, nbformat, ipykernel" 2>/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "installing Jupyter from Debian (for the notebook kernel)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    python3-notebook python3-nbclient python3-nbconvert python3-nbformat python3-ipykernel \
    >/dev/null
fi
if [ "${1:-}" = "--packages-only" ]; then
  exit 0
fi

if ! ls "$root"/notebook/target/notebook-*.jar >/dev/null 2>&1; then
  mvn -B -q -f "$root/pom.xml" -DskipTests install -pl notebook -am
fi
# The kernel's classpath: its jar and its compile, provided (Spark) and runtime dependencies, not
# its test ones.
classpath="$(ls "$root"/notebook/target/notebook-*.jar | head -1)"
for scope in compile runtime; do
  cp_file="$(mktemp)"
  mvn -B -q -f "$root/notebook/pom.xml" dependency:build-classpath \
    -Dmdep.includeScope="$scope" -Dmdep.outputFile="$cp_file"
  classpath="$classpath:$(cat "$cp_file")"
  rm -f "$cp_file"
done

kernel_dir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/spark-air-java"
mkdir -p "$kernel_dir"
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
/usr/bin/python3 - "$kernel_dir/kernel.json" "$(command -v java)" "$classpath" \
  "$root/serving/target/air-serve.jar" "${opens[@]}" <<'PY'
import json, sys
path, java, classpath, serve_jar, *opens = sys.argv[1:]
argv = [java, *opens, "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dspark.air.serve.jar=" + serve_jar, "-cp", classpath,
        "io.sparkair.notebook.AirKernel", "{connection_file}"]
json.dump({"argv": argv, "display_name": "Spark AIR (Java)", "language": "java"},
          open(path, "w"), indent=1)
PY
echo "registered the Spark AIR (Java) kernel in $kernel_dir" >&2
