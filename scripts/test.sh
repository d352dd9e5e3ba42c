#!/usr/bin/env bash
# The README's test command: every unit, fuzz-regression, interop and end-to-end test in the reactor.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
