//! Hostile clients against a development node (`e2e/hostile-clients.mjs`): malformed
//! extrinsics, malformed and oversized JSON-RPC requests to every `cohort_*` method and to the
//! raw HTTP and WebSocket endpoint, and a burst of concurrent calls. Each bad request gets a
//! clear JSON-RPC error, the node keeps producing blocks, and its memory stays bounded.

mod common;

use common::{assert_script_passed, resident_memory, run_e2e_script_within, DevNode};
use std::time::Duration;

const MIB: u64 = 1024 * 1024;

/// The node's resident memory must stay under this. Measured on the 2-core machine with the
/// debug build: 401–407 MiB once a fresh node answers RPC, 437 MiB after one run of the script
/// (a 5.5 MiB extrinsic, 16 MiB requests, a batch of 500 and a burst of 2,000 calls) and at
/// most 467 MiB after five runs on the same node; the burst itself moved it by under 1 MiB.
/// 1.5 GiB leaves room for another allocator or build profile and still catches memory that
/// grows with the abuse.
const MAX_RESIDENT_MIB: u64 = 1536;

/// How much the resident memory may grow over one run of the script: measured 36 MiB (the
/// runtime's instances and caches warming up). Buffering each 16 MiB request, or keeping
/// per-call state after the burst's connections close, would exceed it.
const MAX_GROWTH_MIB: u64 = 256;

#[test]
fn hostile_clients_get_clear_errors_and_the_node_carries_on() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let mut node = DevNode::start(base.path(), 500, "hostile-clients.log");
	let pid = node.pid();
	let rss_at_start = resident_memory(pid);

	let output = run_e2e_script_within(
		"hostile-clients.mjs",
		&[
			"--ws",
			&node.ws_url(),
			"--pid",
			&pid.to_string(),
			"--max-rss-mib",
			&MAX_RESIDENT_MIB.to_string(),
			"--max-growth-mib",
			&MAX_GROWTH_MIB.to_string(),
		],
		Duration::from_secs(240),
	);
	assert_script_passed(&output, &node, "hostile clients");

	let rss_at_end = resident_memory(pid);
	println!(
		"node resident memory: {} MiB at the start, {} MiB at the end",
		rss_at_start / MIB,
		rss_at_end / MIB
	);
	assert!(rss_at_end < MAX_RESIDENT_MIB * MIB, "resident memory {} MiB", rss_at_end / MIB);
	assert!(
		rss_at_end.saturating_sub(rss_at_start) < MAX_GROWTH_MIB * MIB,
		"resident memory grew from {} MiB to {} MiB",
		rss_at_start / MIB,
		rss_at_end / MIB
	);
	// The runtime refusing undecodable bytes logs its own panic message; the node itself must
	// not have panicked (Substrate's panic handler says "This is a bug").
	let log = std::fs::read_to_string(&node.log_path).expect("the node's log");
	assert!(!log.contains("This is a bug"), "the node panicked:\n{}", node.log_tail());
	node.stop();
}
