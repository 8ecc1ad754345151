#!/usr/bin/env bash
# The throughput load test: starts a fresh development chain, runs e2e/load.mjs against it
# (set-up by real transactions, then transfers, quadratic votes, and consent changes with
# royalty claims, each filling several blocks), prints the table, stops the node and exits with
# the script's status. Builds nothing.
#
#   ./scripts/load.sh [NODE_BINARY] [load.mjs options: --accounts N --blocks N --max-txs N
#                                    --time-limit S --json PATH]
#
# NODE_BINARY: default $COHORT_NODE, else $CARGO_TARGET_DIR/release/cohort-node (build it with
# `cargo build --release -p cohort-node`; a debug node works too, but it runs the blocks too
# slowly to fill them). Environment:
#   COHORT_LOAD_BLOCK_TIME  ms between blocks (default 6000).
#   COHORT_LOAD_RUNTIME     a runtime wasm for the chain to run instead of the node's own: a node
#                           built with `runtime-benchmarks` (for `benchmark storage`) then runs the
#                           production runtime, e.g. the debug build's
#                           $CARGO_TARGET_DIR/debug/wbuild/cohort-runtime/cohort_runtime.compact.compressed.wasm.
#   COHORT_LOAD_KEEP        a directory for the node's database and chain spec, kept afterwards:
#                           a populated dev chain for `./scripts/benchmark.sh storage DIR`.
# The node's log is kept (its path is printed) when the test fails.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

binary="${COHORT_NODE:-$CARGO_TARGET_DIR/release/cohort-node}"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
	binary="$1"
	shift
fi
block_time="${COHORT_LOAD_BLOCK_TIME:-6000}"
[[ "$block_time" =~ ^[1-9][0-9]*$ ]] || cohort_fail "COHORT_LOAD_BLOCK_TIME must be milliseconds, not '$block_time'"
[ -e "$binary" ] || cohort_fail "no node binary at $binary: build it (cargo build --release -p cohort-node) or pass its path (usage: ./scripts/load.sh [NODE_BINARY] [options])"
[ -f "$binary" ] && [ -x "$binary" ] || cohort_fail "$binary is not an executable file"
version="$("$binary" --version 2>/dev/null)" || cohort_fail "$binary --version failed: is it cohort-node?"
[[ "$version" == cohort-node* ]] || cohort_fail "$binary is not cohort-node (it says: ${version%%$'\n'*})"
cohort_ensure_e2e_client
# The script from the checkout, the paths it is given (--json) from where we were called.
load=("node" "$COHORT_ROOT/e2e/load.mjs")
"${load[@]}" --check "$@" # bad options fail here, before a node starts

# A free port on 127.0.0.1, chosen by the kernel.
port="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
keep="${COHORT_LOAD_KEEP:-}"
if [ -n "$keep" ]; then
	[ ! -e "$keep" ] || [ -z "$(ls -A "$keep")" ] || cohort_fail "COHORT_LOAD_KEEP=$keep is not empty: the load needs a fresh chain"
	mkdir -p "$keep"
	base_path="$(cd "$keep" && pwd)"
else
	base_path="$(mktemp -d "${TMPDIR:-/tmp}/cohort-load.XXXXXX")"
fi
log="$base_path/node.log"
# The development chain's spec, with COHORT_LOAD_RUNTIME's code if given (the spec stays
# a development one, so the node seals blocks itself).
spec="$base_path/chain-spec.json"
"$binary" build-spec --dev 2>/dev/null >"$spec" || cohort_fail "$binary build-spec --dev failed"
if [ -n "${COHORT_LOAD_RUNTIME:-}" ]; then
	[ -f "$COHORT_LOAD_RUNTIME" ] || cohort_fail "COHORT_LOAD_RUNTIME=$COHORT_LOAD_RUNTIME: no such file"
	node "$COHORT_ROOT/scripts/chain-spec.mjs" "$spec" --code "$COHORT_LOAD_RUNTIME" ||
		cohort_fail "could not put $COHORT_LOAD_RUNTIME into the chain spec"
	cohort_say "the chain runs $COHORT_LOAD_RUNTIME"
fi
cohort_say "starting $version on ws://127.0.0.1:$port, a block every $block_time ms (log: $log)"
# RPC on 127.0.0.1 only (no --rpc-external); no peers; a pool large enough for many blocks'
# worth of transactions.
"$binary" --dev --chain "$spec" --base-path "$base_path" --dev-block-time "$block_time" --rpc-port "$port" \
	--listen-addr /ip4/127.0.0.1/tcp/0 --no-mdns --no-prometheus --no-telemetry \
	--no-hardware-benchmarks --pool-limit 500000 --pool-kbytes 1048576 >"$log" 2>&1 &
node_pid=$!
status=1
cleanup() {
	set +e # stop the node whatever its state (it may be gone already)
	kill -TERM "$node_pid" 2>/dev/null
	for _ in $(seq 1 30); do kill -0 "$node_pid" 2>/dev/null || break; sleep 1; done
	kill -KILL "$node_pid" 2>/dev/null
	wait "$node_pid" 2>/dev/null
	if [ -n "$keep" ]; then
		echo "the chain is kept in $base_path" >&2
	elif [ "$status" = 0 ]; then
		rm -rf "$base_path"
	else
		echo "node log kept: $log" >&2
	fi
}
trap cleanup EXIT
trap 'exit 130' INT # so that Ctrl-C and kill stop the node too (through the EXIT trap)
trap 'exit 143' TERM

started=$SECONDS
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
	kill -0 "$node_pid" 2>/dev/null || cohort_fail "cohort-node stopped at start-up: $(tail -1 "$log")"
	[ $((SECONDS - started)) -lt 300 ] || cohort_fail "cohort-node did not open its RPC port in 300 s"
	[ $(((SECONDS - started) % 15)) = 14 ] && cohort_say "waiting for the node ($((SECONDS - started)) s)"
	sleep 1
done
cohort_say "node up after $((SECONDS - started)) s; running e2e/load.mjs"
set +e
"${load[@]}" "ws://127.0.0.1:$port" --node-log "$log" "$@"
status=$?
set -e
cohort_say "load test finished with status $status after $((SECONDS - started)) s"
exit "$status"
