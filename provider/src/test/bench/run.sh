#!/usr/bin/env bash
# The benchmark command (BENCHMARKS.md): installs wrk, builds, starts one Keycloak 26.7.3 with the
# provider and runs LoadBenchmarkIT (docs/bench/results.json) and GrowthBenchmarkIT (1k/10k/100k tokens:
# docs/bench/growth.json, docs/bench/growth-*.png); each writes its section of docs/bench/report.md.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mvn -B -pl themes,provider -am verify -Dkcpat.bench=true -Dit.test=LoadBenchmarkIT,GrowthBenchmarkIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
