#!/usr/bin/env bash
# The network end-to-end test: a rococo-local relay chain with two validators, Cohort as para
# 1000 with two collators (zombienet/cohort-local.toml), checked by zombienet's DSL
# (zombienet/cohort-local.zndsl) and e2e/network.mjs:
#   1. validators finalize; para 1000 is registered; both collators reach height 10 and the
#      parachain's finalized head advances with the relay chain's;
#   2. a council motion, a cohort, a patient joining and voting via collator 1, read back from
#      collator 2;
#   3. collator 2 killed with -9 and restarted on its base path: it syncs back to the tip;
#   4. a runtime upgrade (spec_version + 1) authorized by sudo and applied on the live network.
# Every step has a time limit and names itself when it fails. Exits 0 when all pass.
#
# Usage: ./scripts/network-test.sh   (./scripts/network.sh --test does the same)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/setup.sh"
source "$here/network-setup.sh"
started=$(date +%s)
cohort_network_setup

cohort_ensure_network_ports_free

work="$(mktemp -d /tmp/cohort-network-test.XXXXXX)"

# The runtime to upgrade to: this checkout with spec_version + 1, built in a copy that shares
# the target dir. The copy stays in one place with the files' times kept, so that a second run
# rebuilds only the runtime.
upgrade_src="$HOME/.cache/cohort-upgrade-src"
cohort_say "building the upgrade runtime (spec_version + 1) in $upgrade_src"
mkdir -p "$upgrade_src"
(cd "$COHORT_ROOT" && git ls-files -z --cached --others --exclude-standard |
	xargs -0 cp --parents --preserve=timestamps -t "$upgrade_src")
spec_line="$(grep -E '^\s*spec_version: [0-9]+,' "$upgrade_src/runtime/src/lib.rs")" ||
	cohort_fail "no spec_version line in runtime/src/lib.rs"
spec="$(echo "$spec_line" | tr -cd '0-9')"
sed -i -E "s/^(\s*spec_version: )[0-9]+,/\1$((spec + 1)),/" "$upgrade_src/runtime/src/lib.rs"
(cd "$upgrade_src" && cargo build -p cohort-runtime)
export COHORT_UPGRADE_WASM="$work/cohort-runtime-spec$((spec + 1)).compact.compressed.wasm"
cp "$CARGO_TARGET_DIR/debug/wbuild/cohort-runtime/cohort_runtime.compact.compressed.wasm" \
	"$COHORT_UPGRADE_WASM"
cohort_say "upgrade runtime: $COHORT_UPGRADE_WASM ($(stat -c %s "$COHORT_UPGRADE_WASM") bytes)"

export COHORT_ROOT
export COHORT_NETWORK_LOG="$work/network-steps.log"
: >"$COHORT_NETWORK_LOG"
# zombienet captures the output of the script it runs; show the steps' progress as they go.
tail -n +1 -f "$COHORT_NETWORK_LOG" &
tail_pid=$!
trap 'kill $tail_pid 2>/dev/null || true' EXIT

cohort_say "spawning and testing the network (logs under $work/network)"
cd "$COHORT_ROOT/zombienet"
status=0
zombienet --provider native --dir "$work/network" --logType text test cohort-local.zndsl || status=$?
secs=$(($(date +%s) - started))
if [ "$status" -eq 0 ] && grep -q "network: every step passed" "$COHORT_NETWORK_LOG"; then
	echo "network test: every step passed in ${secs} s (logs: $work)"
else
	echo "network test: FAILED after ${secs} s (zombienet exit $status); logs: $work" >&2
	exit 1
fi
