#!/usr/bin/env bash
# Measures the runtime's weights with release-built tools and writes them down.
#
# Usage:
#   ./scripts/benchmark.sh all [STEPS] [REPEAT]
#       Every pallet of the runtime (Cohort's and the SDK's), then the block and extrinsic base
#       weights (`benchmark overhead`), in one run on this machine; each file's header records
#       the machine's `benchmark machine` figures. Cohort's pallets are written to
#       pallets/<name>/src/weights.rs, the others to runtime/src/weights/<pallet>.rs.
#   ./scripts/benchmark.sh PALLET [STEPS] [REPEAT]
#       One pallet, as `frame-omni-bencher v1 benchmark pallet --list` names it.
#   ./scripts/benchmark.sh scale [REPEAT] [ROUNDS]
#       The calls of docs/performance.md (P1) in cohorts of 10 and of 100,000 members: each
#       benchmark runs on the usual wasm and, right after or before, on one built with
#       `benchmark-genesis-crowd`, whose genesis state holds 100,000 members in the cohort the
#       benchmarks create, exactly REPEAT (default 20) times on both sides (no minimum duration,
#       so that both are measured alike); then, alike and on the same two states, the floor:
#       Substrate's `transfer_keep_alive`. ROUNDS (default 3) rounds of
#       all that, into JSON files under $CARGO_TARGET_DIR/benchmarks/results/ (about 5 minutes
#       a round once the wasms are built).
#   ./scripts/benchmark.sh storage [ACCOUNTS | DIR]
#       The database weights (`benchmark storage`: every key of the chain read, then written)
#       into runtime/src/weights/rocksdb_weights.rs, on a populated RocksDB of the development
#       chain: by default one whose genesis holds ACCOUNTS (default 100000) more funded
#       accounts, made afresh under $CARGO_TARGET_DIR/benchmarks/results/storage-chain; or the
#       chain kept in DIR by `COHORT_LOAD_KEEP=DIR ./scripts/load.sh`. Needs a release
#       cohort-node built with `runtime-benchmarks` ($COHORT_BENCH_NODE, built if missing):
#       only that build exposes the node's database to the benchmark.
#   ./scripts/benchmark.sh --check
#       Fails when a Cohort pallet's call has no benchmark, or a weights.rs is missing a
#       benchmark or predates the pallet's storage layout (scripts/weights-check.mjs). No build;
#       CI runs it.
# STEPS and REPEAT default to 50 and 20. COHORT_BENCH_MIN_DURATION (seconds, default 10, the
# bencher's own) is how long the bencher keeps repeating a fast benchmark beyond REPEAT. A runtime wasm is built again only when the runtime's
# or the pallets' sources changed since it was built.
#
# The tools: `frame-omni-bencher` 0.28.0 (stable2609's), built once in release with
# `cargo install --locked` into $COHORT_BENCHER_ROOT (default ~/.cache/cohort-bencher),
# executes the runtime's wasm, built with `runtime-benchmarks` in its own target dir
# ($CARGO_TARGET_DIR/benchmarks). The bencher must be a release build: the host functions the
# runtime calls (hashing, signatures, the trie) run in it, and a debug build measures them
# several times too slow. `benchmark machine` is not in the omni-bencher: the release
# cohort-node built with `runtime-benchmarks` ($COHORT_BENCH_NODE, default
# ~/.cache/cohort-relay-target/release/cohort-node, where it shares the relay chain's compiled
# crates) or the relay chain's polkadot runs it; without either, that cohort-node is built.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

usage="usage: ./scripts/benchmark.sh all|PALLET [STEPS] [REPEAT] | scale [REPEAT] [ROUNDS] | storage [ACCOUNTS|DIR] | --check"
what="${1:?$usage}"
cd "$COHORT_ROOT"

if [ "$what" = --check ]; then
	command -v node >/dev/null || cohort_fail "node (Node.js) is needed for the check"
	exec node scripts/weights-check.mjs
fi

if [ "$what" = storage ]; then
	chain="${2:-100000}"
	if [[ ! "$chain" =~ ^[0-9]+$ ]]; then
		[ -f "$chain/chain-spec.json" ] && [ -d "$chain/chains" ] ||
			cohort_fail "$chain holds no chain: keep one with COHORT_LOAD_KEEP=$chain ./scripts/load.sh, or give a number of accounts"
	fi
elif [ "$what" = scale ]; then
	repeat="${2:-20}"
	rounds="${3:-3}"
	case "$repeat$rounds" in '' | *[!0-9]*) cohort_fail "$usage" ;; esac
else
	steps="${2:-50}"
	repeat="${3:-20}"
	min_duration="${COHORT_BENCH_MIN_DURATION:-10}"
	case "$steps$repeat$min_duration" in *[!0-9]*) cohort_fail "$usage (COHORT_BENCH_MIN_DURATION: whole seconds)" ;; esac
fi
cohort_setup

bencher_version=0.28.0
bencher_root="${COHORT_BENCHER_ROOT:-$HOME/.cache/cohort-bencher}"
bencher="$bencher_root/bin/frame-omni-bencher"
bench_target="$CARGO_TARGET_DIR/benchmarks"
results="$bench_target/results"
mkdir -p "$results"

ensure_bencher() {
	"$bencher" --version 2>/dev/null | grep -q "$bencher_version" && return 0
	cohort_say "building frame-omni-bencher $bencher_version (release; log: $bencher_root/build.log)"
	mkdir -p "$bencher_root"
	cohort_cargo_install "bencher build" "$bencher_root/build.log" \
		"$HOME/.cache/cohort-relay-target" --root "$bencher_root" "frame-omni-bencher@$bencher_version"
	"$bencher" --version 2>/dev/null | grep -q "$bencher_version" ||
		cohort_fail "the frame-omni-bencher build failed (log: $bencher_root/build.log)"
}

# Builds the runtime wasm with runtime-benchmarks (and `$1`, extra features) and copies it to
# `$2`, unless `$2` was built from the same sources with the same features (its `.sources`
# file). `cargo check` is enough: the wasm comes from the build script, which always optimises
# it; the build script leaves it under the outer build's `debug/` dir.
build_wasm() {
	local features="runtime-benchmarks${1:+,$1}" wasm="$2" sources
	sources="$features $( (git ls-files -s Cargo.toml Cargo.lock runtime pallets
		git diff HEAD -- Cargo.toml Cargo.lock runtime pallets
		git ls-files --others --exclude-standard runtime pallets | xargs -r cat) | sha256sum)"
	if [ -f "$wasm" ] && [ "$(cat "$wasm.sources" 2>/dev/null)" = "$sources" ]; then
		cohort_say "the runtime wasm with $features is up to date ($wasm)"
		return 0
	fi
	cohort_say "building the runtime wasm with $features (target dir: $bench_target)"
	WASM_BUILD_TYPE=release CARGO_TARGET_DIR="$bench_target" \
		cargo check --quiet -p cohort-runtime --features "$features"
	local built="$bench_target/debug/wbuild/cohort-runtime/cohort_runtime.compact.compressed.wasm"
	[ -f "$built" ] || cohort_fail "no benchmark wasm at $built"
	mkdir -p "$(dirname "$wasm")"
	cp "$built" "$wasm"
	echo "$sources" >"$wasm.sources"
}

# The release cohort-node with `runtime-benchmarks`, built if missing: it measures the machine
# and the database.
bench_node="${COHORT_BENCH_NODE:-$HOME/.cache/cohort-relay-target/release/cohort-node}"
ensure_bench_node() {
	[ -x "$bench_node" ] && return 0
	[ -z "${COHORT_BENCH_NODE:-}" ] || cohort_fail "COHORT_BENCH_NODE=$bench_node is not an executable"
	cohort_say "building the release cohort-node with runtime-benchmarks (once; about an hour on 2 cores)"
	CARGO_TARGET_DIR="$HOME/.cache/cohort-relay-target" \
		cargo build --quiet --release -p cohort-node --features runtime-benchmarks
}
wasm="$bench_target/release-wasm/cohort_runtime_benchmarks.compact.compressed.wasm"

# The directory of the Cohort pallet named `$1` (pallet_cohorts → pallets/cohorts), or nothing.
cohort_pallet_dir() {
	local manifest
	for manifest in pallets/*/Cargo.toml; do
		grep -q "^name = \"${1//_/-}\"$" "$manifest" && dirname "$manifest"
	done
	return 0
}

# The header of every weights file of this run: the project's, and the machine's figures.
header="$results/header.txt"
write_header() {
	cp scripts/weights-header.txt "$header"
	# Any release build of stable2609's benchmarking CLI measures the same: the release
	# cohort-node, else the relay chain's polkadot (scripts/network-setup.sh), else build the
	# former.
	local node="$bench_node"
	local relay="${COHORT_RELAY_ROOT:-$HOME/.cache/cohort-relay}/bin/polkadot"
	if [ ! -x "$node" ] && [ -x "$relay" ]; then
		node="$relay"
	else
		ensure_bench_node
	fi
	cohort_say "measuring the machine ($(basename "$node") benchmark machine, release)"
	{
		echo "//! The machine, measured by \`$(basename "$node") benchmark machine\` (release) in this run:"
		"$node" benchmark machine --allow-fail --base-path "$results/machine" 2>&1 |
			sed 's/\x1b\[[0-9;]*m//g' | grep -E '^\| (Category|CPU|Memory|Disk)' | sed 's/^/\/\/!   /'
	} >>"$header"
	rm -rf "$results/machine"
}

# Runs the benchmarks of pallet `$1` into its weights file.
bench_pallet() {
	local pallet="$1" dir output template=() pallet_header="$header"
	dir="$(cohort_pallet_dir "$pallet")"
	if [ -n "$dir" ]; then
		output="$dir/src/weights.rs"
		template=(--template scripts/pallet-weight-template.hbs)
		pallet_header="$results/header-$pallet.txt"
		{
			cat "$header"
			echo "//! Storage layout: \`$(node scripts/weights-check.mjs --fingerprint "$dir")\` (scripts/weights-check.mjs)"
		} >"$pallet_header"
	else
		output="runtime/src/weights/$pallet.rs"
	fi
	cohort_say "benchmarking $pallet (steps $steps, repeat $repeat, min duration $min_duration s) into $output"
	"$bencher" v1 benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--min-duration "$min_duration" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--header "$pallet_header" \
		--json-file "$results/$pallet.json" \
		--quiet \
		"${template[@]}" \
		--output "$output"
}

# The block and extrinsic base weights, into runtime/src/weights/.
bench_overhead() {
	cohort_say "benchmarking the block and extrinsic overhead into runtime/src/weights/"
	"$bencher" v1 benchmark overhead \
		--runtime "$wasm" \
		--genesis-builder-preset development \
		--para-id "$(sed -n 's/.*PARA_ID: u32 = \([0-9_]*\).*/\1/p' runtime/src/genesis_config_presets.rs | tr -d _)" \
		--wasm-execution compiled \
		--header "$header" \
		--weight-path runtime/src/weights/
}

case "$what" in
all)
	ensure_bencher
	build_wasm "" "$wasm"
	write_header
	started=$(date +%s)
	pallets=$("$bencher" v1 benchmark pallet --runtime "$wasm" --genesis-builder-preset development \
		--list=pallets --no-csv-header 2>/dev/null | sort -u)
	count=$(echo "$pallets" | wc -l)
	n=0
	for pallet in $pallets; do
		n=$((n + 1))
		cohort_say "[$n/$count]"
		bench_pallet "$pallet"
	done
	bench_overhead
	cohort_say "all $count pallets and the overhead measured in $(($(date +%s) - started)) s"
	;;
scale)
	ensure_bencher
	crowded="$bench_target/release-wasm/cohort_runtime_benchmarks_genesis_crowd.compact.compressed.wasm"
	build_wasm benchmark-genesis-crowd "$crowded"
	build_wasm "" "$wasm"
	# The calls of P1, by pallet: each benchmark at its components' highest values.
	declare -A calls=(
		[pallet_royalties]="deposit,claim"
		[pallet_quadratic_voting]="vote,close_passed"
		[pallet_cohort_membership]="join_with_attestation,leave,set_consent,revoke"
		[pallet_data_licensing]="approve"
	)
	rm -f "$results"/scale-*-pallet_*.json
	# Measures `$2` (pallet) `$3` (benchmarks) among `$1` members into round `$round`'s file.
	measure() {
		local members="$1" pallet="$2" extrinsics="$3" runtime="$wasm"
		[ "$members" = 100000 ] && runtime="$crowded"
		cohort_say "round $round/$rounds, $members: $pallet $extrinsics (repeat $repeat)"
		"$bencher" v1 benchmark pallet --runtime "$runtime" --genesis-builder-preset development \
			--pallet "$pallet" --extrinsic "$extrinsics" --steps 2 --repeat "$repeat" \
			--min-duration 0 --wasm-execution compiled --heap-pages 4096 --quiet \
			--json-file "$results/scale-round$round-$members-$pallet.json" >/dev/null
	}
	# This machine's speed drifts by more than the 5 % P1 looks for, within minutes: so each
	# call's two sizes run back to back, in the other order every other round, and the report
	# takes the median over the rounds.
	for round in $(seq "$rounds"); do
		sizes="10 100000"
		[ $((round % 2)) = 0 ] && sizes="100000 10"
		for pallet in "${!calls[@]}"; do
			for members in $sizes; do measure "$members" "$pallet" "${calls[$pallet]}"; done
		done
		# The floor: Substrate's own transfer to a new account, measured alike on the same two
		# states (the crowd's members have accounts): what a bigger state costs any call, which
		# no Cohort design can change, is in its growth.
		for members in $sizes; do measure "$members" pallet_balances transfer_keep_alive; done
	done
	cohort_say "wrote $results/scale-*.json; the table: node scripts/performance-report.mjs"
	;;
storage)
	ensure_bench_node
	[ -f "$header" ] || write_header
	if [[ "$chain" =~ ^[0-9]+$ ]]; then
		accounts="$chain"
		chain="$results/storage-chain"
		rm -rf "$chain"
		mkdir -p "$chain"
		cohort_say "a development chain whose genesis funds $accounts more accounts, in $chain"
		"$bench_node" build-spec --dev 2>/dev/null >"$chain/dev.json"
		node scripts/chain-spec.mjs "$chain/dev.json" --fund "$accounts" --out "$chain/chain-spec.json" ||
			cohort_fail "could not write the populated chain spec"
	fi
	cohort_say "benchmarking the database of $chain (every key read, then written) into runtime/src/weights/rocksdb_weights.rs"
	"$bench_node" benchmark storage --chain "$chain/chain-spec.json" --base-path "$chain" \
		--database rocksdb --state-version 1 --metric average --include-child-trees \
		--header "$header" --weight-path runtime/src/weights/
	;;
*)
	ensure_bencher
	build_wasm "" "$wasm"
	[ -f "$header" ] || write_header
	bench_pallet "$what"
	;;
esac
