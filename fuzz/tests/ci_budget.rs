//! The fuzz run CI makes: a fixed seed and a fixed number of cases, so that it is the same
//! run every time, takes a bounded time, and must be clean. A failure prints the seed and the
//! shrunk steps; add them to `regressions.rs` once fixed.

use cohort_fuzz::campaign::Campaign;

/// Cases (fresh worlds) and steps per case: about two thousand transactions.
const CI_CAMPAIGN: Campaign = Campaign { seed: 20261122, cases: 16, max_steps: 160 };

#[test]
fn a_fixed_budget_of_random_transactions_breaks_no_invariant() {
	let mut cases = 0;
	let report = CI_CAMPAIGN
		.run(|case| {
			cases += 1;
			println!("case {cases}: {} transactions, {} blocks", case.transactions, case.blocks);
		})
		.unwrap_or_else(|failure| panic!("{failure}"));
	let markdown = report.to_markdown();
	println!("{markdown}");
	if let Ok(path) = std::env::var("COHORT_FUZZ_REPORT") {
		std::fs::write(&path, &markdown).expect("the report is written");
	}
	let (reached, missed) = report.coverage();
	println!("Cohort calls that succeeded: {} (never: {missed:?})", reached.len());
	assert!(report.transactions >= 1_000, "the budget ran {} transactions", report.transactions);
}
