#!/usr/bin/env bash
# Installs what is missing, builds the workspace, and runs every test: unit, runtime,
# benchmarks-as-tests and the end-to-end tests that drive `cohort-node --dev` with
# @polkadot/api. The last lines are the test runner's summary.
#
# Usage: ./scripts/test.sh [extra cargo nextest/test arguments]
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cohort_setup

cd "$COHORT_ROOT"

cohort_ensure_e2e_client

# The node first, with progress, so that the end-to-end tests find it built.
cohort_say "building the workspace (target dir: $CARGO_TARGET_DIR)"
cargo build -p cohort-node

run_tests() {
	if cargo nextest --version >/dev/null 2>&1; then
		cargo nextest run --no-fail-fast "$@"
	else
		cargo test --no-fail-fast "$@"
	fi
}

# The pallets' benchmarks, run as tests on their mock runtimes. `runtime-benchmarks` changes
# the features of the whole FRAME graph, so they build in a target dir of their own and never
# disturb the node's build.
benchmark_pallets=()
for manifest in pallets/*/Cargo.toml; do
	grep -q '^runtime-benchmarks' "$manifest" &&
		benchmark_pallets+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
done
if [ ${#benchmark_pallets[@]} -gt 0 ]; then
	cohort_say "running the pallets' benchmarks as tests"
	SKIP_WASM_BUILD=1 CARGO_TARGET_DIR="$CARGO_TARGET_DIR/benchmark-tests" \
		run_tests "${benchmark_pallets[@]}" --features runtime-benchmarks --lib
fi

# Everything, last, so that its summary closes the output.
run_tests --workspace "$@"
