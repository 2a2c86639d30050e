#!/usr/bin/env bash
# apt-install.sh COMMAND PACKAGE WHY: installs Debian's PACKAGE unless COMMAND is already on the
# PATH; uses sudo when not run as root. The project's install scripts share it.
set -euo pipefail
command="$1" package="$2" why="$3"
if command -v "$command" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
else
  sudo=""
fi
echo "installing $package ($why)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null
