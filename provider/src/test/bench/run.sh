#!/usr/bin/env bash
# The benchmark command (BENCHMARKS.md): installs wrk, builds, then runs LoadBenchmarkIT (one
# Keycloak 26.7.3 with the provider; writes docs/bench/report.md and results.json) and
# ClusterBenchmarkIT (two nodes on PostgreSQL, installed by ensure-postgres.sh when missing;
# writes docs/bench/cluster.md and cluster.json).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mvn -B -pl themes,provider -am verify -Dkcpat.bench=true -Dit.test=LoadBenchmarkIT,ClusterBenchmarkIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
