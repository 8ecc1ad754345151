#!/usr/bin/env bash
# Measures a pallet's weights from a real run of its benchmarks and writes them down.
#
# Usage: ./scripts/benchmark.sh PALLET [STEPS] [REPEAT]
#   PALLET  a pallet of the runtime, as `benchmark pallet --list` names it: one of Cohort's own
#           (pallet_cohorts, …) is written to pallets/<name>/src/weights.rs (trait `WeightInfo`,
#           `SubstrateWeight<T>`, `()`); any other to runtime/src/weights/<pallet>.rs.
#   STEPS, REPEAT  default 50 and 20.
#
# How: the runtime is compiled to wasm with `runtime-benchmarks` (in its own target dir, so the
# everyday build is not disturbed; `cargo check` is enough, since the wasm comes from the build
# script), and the ordinary cohort-node executes that wasm with `benchmark pallet --runtime`.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

pallet="${1:?usage: ./scripts/benchmark.sh PALLET [STEPS] [REPEAT]}"
steps="${2:-50}"
repeat="${3:-20}"
cohort_setup
cd "$COHORT_ROOT"

cohort_say "building cohort-node"
cargo build -p cohort-node

bench_target="$CARGO_TARGET_DIR/benchmarks"
cohort_say "building the runtime wasm with runtime-benchmarks (target dir: $bench_target)"
CARGO_TARGET_DIR="$bench_target" cargo check -p cohort-runtime --features runtime-benchmarks
wasm="$bench_target/debug/wbuild/cohort-runtime/cohort_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || cohort_fail "no benchmark wasm at $wasm"

# One of ours if a crate under pallets/ has the pallet's package name (`pallet_cohort_membership`
# is pallets/membership).
crate_dir=""
for manifest in pallets/*/Cargo.toml; do
	if grep -q "^name = \"${pallet//_/-}\"$" "$manifest"; then
		crate_dir="$(dirname "$manifest")"
	fi
done
if [ -n "$crate_dir" ]; then
	output="$crate_dir/src/weights.rs"
	template=(--template scripts/pallet-weight-template.hbs)
else
	output="runtime/src/weights/$pallet.rs"
	template=()
fi

cohort_say "running the benchmarks of $pallet (steps $steps, repeat $repeat) into $output"
"$(cohort_node_binary)" benchmark pallet \
	--runtime "$wasm" \
	--genesis-builder runtime \
	--genesis-builder-preset development \
	--pallet "$pallet" \
	--extrinsic '*' \
	--steps "$steps" \
	--repeat "$repeat" \
	--wasm-execution compiled \
	--heap-pages 4096 \
	--header scripts/weights-header.txt \
	"${template[@]}" \
	--output "$output"
cohort_say "wrote $output"
