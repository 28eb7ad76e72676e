#!/usr/bin/env bash
# The benchmark command (BENCHMARKS.md): installs wrk, builds, starts one Keycloak 26.7.3 with the
# provider and runs LoadBenchmarkIT, which writes docs/bench/report.md and docs/bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mvn -B -pl provider -am verify -Dkcpat.bench=true -Dit.test=LoadBenchmarkIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
