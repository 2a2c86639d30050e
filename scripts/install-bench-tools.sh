#!/usr/bin/env bash
# Installs what the benchmarks need besides the JDK and Maven: wrk, the HTTP load generator
# ServeBenchmark drives.
set -euo pipefail
"$(dirname "$0")/apt-install.sh" wrk wrk "for ServeBenchmark"
