#!/usr/bin/env bash
# Measures a pallet's weights from a real run of its benchmarks and writes them down.
#
# Usage: ./scripts/benchmark.sh PALLET [STEPS] [REPEAT]
#   PALLET  a pallet of the runtime, as `frame-omni-bencher v1 benchmark pallet --list` names
#           it: one of Cohort's own (pallet_cohorts, …) is written to
#           pallets/<name>/src/weights.rs (trait `WeightInfo`, `SubstrateWeight<T>`, `()`); any
#           other to runtime/src/weights/<pallet>.rs.
#   STEPS, REPEAT  default 50 and 20.
#
# How: the runtime is compiled to wasm with `runtime-benchmarks` (in its own target dir, so the
# everyday build is not disturbed; `cargo check` is enough, since the wasm comes from the build
# script, which always optimises it), and `frame-omni-bencher` executes that wasm. The bencher
# must be a release build, as the host functions the runtime calls (hashing, signatures, the
# trie) run in it: weights measured with the debug cohort-node were several times too high. It
# is stable2609's, 0.28.0, built once with `cargo install --locked` into
# $COHORT_BENCHER_ROOT (default ~/.cache/cohort-bencher), sharing the relay build's target dir
# (about 700 crates; the relay chain's build leaves most of them compiled).
set -euo pipefail
source "$(dirname "$0")/setup.sh"

pallet="${1:?usage: ./scripts/benchmark.sh PALLET [STEPS] [REPEAT]}"
steps="${2:-50}"
repeat="${3:-20}"
cohort_setup
cd "$COHORT_ROOT"

bencher_version=0.28.0
bencher_root="${COHORT_BENCHER_ROOT:-$HOME/.cache/cohort-bencher}"
bencher="$bencher_root/bin/frame-omni-bencher"
if ! "$bencher" --version 2>/dev/null | grep -q "$bencher_version"; then
	cohort_say "building frame-omni-bencher $bencher_version (release; log: $bencher_root/build.log)"
	mkdir -p "$bencher_root"
	cohort_cargo_install "bencher build" "$bencher_root/build.log" \
		"$HOME/.cache/cohort-relay-target" --root "$bencher_root" "frame-omni-bencher@$bencher_version"
	"$bencher" --version 2>/dev/null | grep -q "$bencher_version" ||
		cohort_fail "the frame-omni-bencher build failed (log: $bencher_root/build.log)"
fi

bench_target="$CARGO_TARGET_DIR/benchmarks"
cohort_say "building the runtime wasm with runtime-benchmarks (target dir: $bench_target)"
WASM_BUILD_TYPE=release CARGO_TARGET_DIR="$bench_target" \
	cargo check -p cohort-runtime --features runtime-benchmarks
# The build script puts the (release) wasm under the outer build's `debug/` dir: copy it to a
# name that says what it is, which the weights' "Executed Command" records.
built="$bench_target/debug/wbuild/cohort-runtime/cohort_runtime.compact.compressed.wasm"
[ -f "$built" ] || cohort_fail "no benchmark wasm at $built"
wasm="$bench_target/release-wasm/cohort_runtime_benchmarks.compact.compressed.wasm"
mkdir -p "$(dirname "$wasm")"
cp "$built" "$wasm"

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
"$bencher" v1 benchmark pallet \
	--runtime "$wasm" \
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
