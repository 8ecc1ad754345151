//! The portal in a real browser (`portal/tests/browser.mjs`): Debian's Chromium, headless,
//! driven by playwright-core against a `cohort-node --dev` chain, with a test wallet injected
//! as a browser extension is. Through the pages only: the council approves the clinic by a
//! motion, the clinic's wallet takes Cohort's metadata, the clinic signs a credential, the
//! patient joins with it and consents, members vote seeing the cost v² (one vote by keyboard
//! only) and pass a settings change, a licensee requests a licence that the cohort approves,
//! the patient sees it in "who used my data" and claims; a private business's operator and a
//! data trust's trustees decide directly, and a trust member leaves their consent to the
//! trustees. axe-core checks every page.
//! The screenshots of every page are kept under the test's output directory (printed).

mod common;

use common::{assert_script_passed, output_within, repo_root, DevNode};
use std::{process::Command, time::Duration};

#[test]
fn every_flow_of_the_portal_in_a_browser() {
	let portal = repo_root().join("portal");
	assert!(
		portal.join("dist/index.html").is_file() &&
			portal.join("node_modules/playwright-core").is_dir(),
		"the portal is not built: run ./scripts/test.sh (or npm --prefix portal ci && npm --prefix portal run build)"
	);
	let screenshots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-screenshots");
	let base = tempfile::tempdir().expect("a temporary base path");
	let mut node = DevNode::start(base.path(), 1000, "portal.log");

	let mut browser_test = Command::new("node");
	browser_test
		.arg(portal.join("tests/browser.mjs"))
		.args(["--ws", &node.ws_url(), "--out"])
		.arg(&screenshots)
		.current_dir(&portal);
	let output =
		output_within(browser_test, Duration::from_secs(6 * 60), "the portal's browser test");
	assert_script_passed(&output, &node, "the portal's browser test");
	assert!(String::from_utf8_lossy(&output.stdout).contains("portal: every flow passed"));
	println!("screenshots: {}", screenshots.display());
	for page in [
		"patient.png",
		"patient-phone.png",
		"vote.png",
		"vote-phone.png",
		"clinic-credential.png",
		"licensee.png",
		"cohort.png",
		"council.png",
		"cohort-trust.png",
		"patient-trust.png",
	] {
		assert!(
			screenshots.join(page).is_file(),
			"no screenshot {page} in {}",
			screenshots.display()
		);
	}
	node.stop();
}
