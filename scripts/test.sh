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
cohort_ensure_portal with-browser

# Weights true to the code: every call benchmarked, every weights.rs measured on its pallet's
# current storage layout (seconds; no build).
cohort_say "checking the weights against the code"
./scripts/benchmark.sh --check

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

# The runtime side with every feature set the runtime ships with: the pallets' tests and
# benchmarks on their mocks; the runtime flow tests and the fuzzer's fixed budget, checking
# every pallet's `try_state` (try-runtime) after each step and block; and every Cohort
# benchmark once on the real runtime (runtime-benchmarks). These features change the whole
# FRAME graph, so they build in a target dir of their own and never disturb the node's build;
# one cargo invocation, so that the graph is built once.
runtime_side=(-p cohort-runtime -p cohort-fuzz)
runtime_features=()
for manifest in pallets/*/Cargo.toml runtime/Cargo.toml fuzz/Cargo.toml; do
	package="$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)"
	for feature in try-runtime runtime-benchmarks; do
		grep -q "^$feature = " "$manifest" && runtime_features+=("$package/$feature")
	done
	case "$manifest" in pallets/*) grep -q '^runtime-benchmarks' "$manifest" && runtime_side+=(-p "$package") ;; esac
done
cohort_say "running the runtime side with try-runtime and runtime-benchmarks"
SKIP_WASM_BUILD=1 CARGO_TARGET_DIR="$CARGO_TARGET_DIR/runtime-features" \
	run_tests "${runtime_side[@]}" --features "$(IFS=,; echo "${runtime_features[*]}")" \
	--lib --test cohort_flows --test business_models --test benchmarks --test ci_budget \
	--test regressions

# Lints: no warning anywhere, and no unwrap, expect, indexing or panic in runtime code (the
# runtime crates take `[workspace.lints.clippy]`; clippy.toml allows them in tests).
cohort_say "linting the workspace (clippy, warnings denied)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

# Everything else, last, so that its summary closes the output (the fuzzer ran above).
run_tests --workspace --exclude cohort-fuzz "$@"
