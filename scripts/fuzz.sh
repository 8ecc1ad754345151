#!/usr/bin/env bash
# The open-ended fuzz run of the whole runtime (CI runs a fixed budget of it: see
# docs/reliability.md). Builds `cohort-fuzz` with try-runtime (every pallet's `try_state`
# after each block), optimized, in a target dir of its own, and runs it until N transactions
# were sent, printing progress and then the report (Markdown).
#
# Usage: ./scripts/fuzz.sh [TRANSACTIONS] [SEED] [MAX_STEPS]   (defaults: 100000 1 400)
# On a failure it prints the seed and the shrunk steps, and exits 1: add them to
# fuzz/tests/regressions.rs once fixed.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

transactions="${1:-100000}"
seed="${2:-1}"
max_steps="${3:-400}"
for number in "$transactions" "$seed" "$max_steps"; do
	[[ "$number" =~ ^[0-9]+$ ]] || cohort_fail "not a number: '$number' (usage: ./scripts/fuzz.sh [TRANSACTIONS] [SEED] [MAX_STEPS])"
done
cohort_setup
cd "$COHORT_ROOT"

# The `fuzz` profile: optimized (many times faster than a debug build), with overflow checks
# and debug assertions on.
cohort_say "building cohort-fuzz with try-runtime, profile fuzz (target dir: $CARGO_TARGET_DIR/fuzz)"
export SKIP_WASM_BUILD=1 CARGO_TARGET_DIR="$CARGO_TARGET_DIR/fuzz"
cargo build -p cohort-fuzz --bin cohort-fuzz --profile fuzz --features cohort-fuzz/try-runtime
cohort_say "fuzzing: $transactions transactions, seed $seed, up to $max_steps steps a case"
COHORT_FUZZ_OPTIMIZED=1 exec "$CARGO_TARGET_DIR/fuzz/cohort-fuzz" --transactions "$transactions" \
	--seed "$seed" --max-steps "$max_steps"
