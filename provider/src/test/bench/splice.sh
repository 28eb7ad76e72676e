#!/usr/bin/env bash
# Puts the run's docs/bench/report.md and docs/bench/cluster.md into BENCHMARKS.md below its
# "## One run" heading, one heading level deeper, replacing what the previous run put there.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
marker='^## One run'
grep -q "$marker" BENCHMARKS.md || { echo "BENCHMARKS.md has no '## One run' heading" >&2; exit 1; }
{
    awk -v m="$marker" '{ print } $0 ~ m { exit }' BENCHMARKS.md
    for part in docs/bench/report.md docs/bench/cluster.md; do
        echo
        # Fenced blocks (class histograms) are copied as they are; the plots' links are made
        # relative to the repository's root.
        awk '/^```/ { fenced = !fenced } !fenced && /^#/ { $0 = "#" $0 } { print }' "$part" \
            | sed 's|](growth-|](docs/bench/growth-|'
    done
} > BENCHMARKS.md.new
mv BENCHMARKS.md.new BENCHMARKS.md
