#!/usr/bin/env bash
# Installs the programs the test suite needs besides the JDK and Maven: Debian's Chromium,
# which renders the Tuner's HTML report in a headless screenshot test, curl, with which
# DocsCurlIT runs the serving page's examples, and Debian's Jupyter (nbconvert), which executes
# the example notebooks against the Spark AIR kernel.
set -euo pipefail
"$(dirname "$0")/apt-install.sh" chromium chromium "for the headless report test"
"$(dirname "$0")/apt-install.sh" curl curl "for the serving page's examples"
"$(dirname "$0")/install-notebook.sh" --packages-only
