#!/usr/bin/env bash
# The benchmark command (BENCHMARKS.md): installs wrk, builds, then runs LoadBenchmarkIT and
# GrowthBenchmarkIT on one Keycloak 26.7.3 with the provider (docs/bench/report.md, results.json,
# growth.json, growth-*.png) and ClusterBenchmarkIT on two nodes on PostgreSQL, installed by
# ensure-postgres.sh when missing (docs/bench/cluster.md, cluster.json); then splice.sh copies
# report.md and cluster.md into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mvn -B -pl themes,provider -am verify -Dkcpat.bench=true \
    -Dit.test=LoadBenchmarkIT,GrowthBenchmarkIT,ClusterBenchmarkIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
bash provider/src/test/bench/splice.sh
