//! `cohort-node --dev` end to end, through @polkadot/api: blocks are authored and finalized, a
//! signed transfer lands, and the chain survives a restart on the same base path.

mod common;

use common::{assert_script_passed, run_e2e_script, DevNode};

#[test]
fn a_dev_chain_finalizes_blocks_applies_a_transfer_and_survives_a_restart() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let state = base.path().join("e2e-state.json");
	let state = state.to_str().expect("a UTF-8 path");

	let mut node = DevNode::start(base.path(), 1000, "first-run.log");
	let output =
		run_e2e_script("dev-chain.mjs", &["transfer", "--ws", &node.ws_url(), "--state", state]);
	assert_script_passed(&output, &node, "transfer");
	node.stop();

	let mut node = DevNode::start(base.path(), 1000, "second-run.log");
	let output = run_e2e_script(
		"dev-chain.mjs",
		&["after-restart", "--ws", &node.ws_url(), "--state", state],
	);
	assert_script_passed(&output, &node, "after restart");
	node.stop();
}
