#!/usr/bin/env bash
# The long run of src/domain/proptests.rs: every property with PROPTEST_CASES inputs (default 170,000 each,
# six properties: about a million inputs), in the test profile, so overflow checks are on.
# Usage: scripts/fuzz.sh [cases per property]
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-170000}"
start=$(date +%s)
PROPTEST_CASES="$cases" cargo test -q --lib domain::proptests -- --test-threads="${THREADS:-2}"
echo "fuzz: 6 properties x $cases inputs = $((6 * cases)) inputs, 0 panics, $(( $(date +%s) - start )) s"
