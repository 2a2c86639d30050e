#!/usr/bin/env bash
# Installs what the benchmarks need besides the JDK and Maven: wrk, the HTTP load generator
# ServeBenchmark drives. Does nothing when it is there; uses sudo when not run as root.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
else
  sudo=""
fi
echo "installing wrk (for ServeBenchmark)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
