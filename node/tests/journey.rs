//! Every flow of DESIGN.md on a `cohort-node --dev` chain, through @polkadot/api with no custom
//! types (`e2e/journey.mjs`): the council, a cohort, three patients (on-chain attestations and
//! an off-chain credential), a study funded by quadratic vote, a dataset licensed through the
//! escrow, royalties by units, a revocation — checking balances, events, the `CohortApi`
//! runtime API and the `cohort_*` RPC methods at every step.

mod common;

use common::{assert_script_passed, run_e2e_script, DevNode};

#[test]
fn the_whole_journey_through_polkadot_js() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let mut node = DevNode::start(base.path(), 1000, "journey.log");
	let output = run_e2e_script("journey.mjs", &["--ws", &node.ws_url(), "--check"]);
	assert_script_passed(&output, &node, "the journey");
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(stdout.contains("journey: every flow passed"));
	node.stop();
}
