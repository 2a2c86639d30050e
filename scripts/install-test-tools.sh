#!/usr/bin/env bash
# Installs the programs the test suite needs besides the JDK and Maven: Debian's Chromium,
# which renders the Tuner's HTML report in a headless screenshot test. Does nothing when they
# are already there; uses sudo when not run as root.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
else
  sudo=""
fi
echo "installing chromium (for the headless report test)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
