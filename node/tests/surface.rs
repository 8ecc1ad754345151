//! The rest of Cohort's surface on a `cohort-node --dev` chain, through @polkadot/api with no
//! custom types (`e2e/surface.mjs`), beyond what the journey covers: rotation by the clinic and
//! by the cohort, leaving and rejoining, expiry, withdrawn attestations, rejection, withdrawal
//! refused within the review period, grant revocation and expiry, dataset versions, retirement
//! and removal, freeze and unfreeze, a data trust's trustees and delegated consent, quorum
//! forfeiture, cancelled and withdrawn proposals, clinics accepted and dropped by vote —
//! balances, holds and events checked to the unit.

mod common;

use common::{assert_script_passed, run_e2e_script, DevNode};
use std::time::Instant;

/// The script's own limit on its run, in seconds: a hang fails with one line instead of
/// stalling CI (it takes about 35 s on the project's 2-core machine).
const TIME_LIMIT_SECONDS: &str = "300";

#[test]
fn the_whole_surface_through_polkadot_js() {
	let started = Instant::now();
	let base = tempfile::tempdir().expect("a temporary base path");
	let mut node = DevNode::start(base.path(), 1000, "surface.log");
	println!("the node answers RPC after {:.0?}", started.elapsed());
	let output = run_e2e_script(
		"surface.mjs",
		&["--ws", &node.ws_url(), "--check", "--time-limit", TIME_LIMIT_SECONDS],
	);
	assert_script_passed(&output, &node, "the surface");
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(stdout.contains("surface: every flow passed"));
	node.stop();
	println!("the whole test took {:.0?}", started.elapsed());
}
