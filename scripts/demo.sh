#!/usr/bin/env bash
# Starts a fresh development chain and seeds it with the whole Cohort scenario, so that a
# newcomer opening Polkadot.js Apps sees a cohort, members, proposals, a dataset, an offer,
# grants, royalties and a pending licence request at once. The node keeps running (Ctrl-C
# stops it).
#
#   ./scripts/demo.sh            then open https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944
#
# The scenario is e2e/journey.mjs --seed: the council approves //Ferdie as a clinic; //Bob
# creates "Long COVID Europe"; //Dave, //Eve (off-chain credential) and //Charlie join, consent
# and get units; a study is funded by quadratic vote; a dataset and an AI-training offer are
# published by vote; //Pharma's licence is approved; Dave claims his royalties; the clinic
# revokes Charlie; //AiLab's licence is approved; //Pharma's next request waits for a decision.
# Environment: COHORT_DEMO_PORT (default 9944), CARGO_TARGET_DIR.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cohort_setup
cohort_ensure_e2e_client

cd "$COHORT_ROOT"
cohort_say "building cohort-node (target dir: $CARGO_TARGET_DIR)"
cargo build -p cohort-node

port="${COHORT_DEMO_PORT:-9944}"
base_path="$(mktemp -d "${TMPDIR:-/tmp}/cohort-demo.XXXXXX")"
cohort_say "starting a fresh development chain on ws://127.0.0.1:$port (state in $base_path)"
"$(cohort_node_binary)" --dev --dev-block-time 1000 --rpc-port "$port" --base-path "$base_path" \
	--no-prometheus --no-telemetry 2>"$base_path/node.log" &
node_pid=$!
trap 'kill -TERM "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; rm -rf "$base_path"' EXIT

for _ in $(seq 1 180); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
	kill -0 "$node_pid" 2>/dev/null || cohort_fail "cohort-node stopped; see $base_path/node.log"
	sleep 1
done

cohort_say "seeding the scenario (about a minute)"
node e2e/journey.mjs --ws "ws://127.0.0.1:$port" --seed

cohort_say "ready: https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:$port"
cohort_say "  Chain state: cohorts.registry, membership.memberships, quadraticVoting.proposals,"
cohort_say "  dataLicensing.datasets/offers/requests/grants, royalties.pools/positions;"
cohort_say "  Developer → Runtime calls: cohortApi.*; JSON-RPC: cohort_* (see README). Ctrl-C stops."
wait "$node_pid"
