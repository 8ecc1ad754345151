//! A fuzz campaign: proptest generates cases of steps from a seed (the same seed, the same
//! cases), runs each on a fresh world, and on a failure shrinks it to a minimal sequence.

use crate::{actions::Step, perform, report::Report, strategy};
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
use std::cell::RefCell;

/// What a campaign runs.
#[derive(Debug, Clone, Copy)]
pub struct Campaign {
	/// Seeds the generator: print it, and the same run follows.
	pub seed: u64,
	/// How many cases (fresh worlds) to run.
	pub cases: u32,
	/// The most steps a case has.
	pub max_steps: usize,
}

/// A failure, shrunk: the seed, the minimal steps and what broke.
#[derive(Debug)]
pub struct Failure {
	pub seed: u64,
	pub reason: String,
	pub steps: Vec<Step>,
}

impl std::fmt::Display for Failure {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		writeln!(f, "the fuzzer broke the runtime (seed {}): {}", self.seed, self.reason)?;
		writeln!(f, "minimal steps ({}):", self.steps.len())?;
		for step in &self.steps {
			writeln!(f, "  {step:?}")?;
		}
		Ok(())
	}
}

impl Campaign {
	/// Runs the campaign, calling `after_case` with each case's report.
	pub fn run(&self, after_case: impl FnMut(&Report)) -> Result<Report, Failure> {
		let config = Config {
			cases: self.cases,
			failure_persistence: None,
			max_shrink_iters: 1_024,
			max_shrink_time: 120_000,
			..Config::default()
		};
		let mut seed = [0u8; 32];
		seed[..8].copy_from_slice(&self.seed.to_le_bytes());
		let mut runner =
			TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
		let total = RefCell::new(Report::default());
		let after_case = RefCell::new(after_case);
		// A failing case is replayed many times while it shrinks: keep the output to the
		// shrunk case's report rather than a panic message per replay.
		// (`COHORT_FUZZ_PANICS=1` keeps them, with their backtraces, to find where one starts.)
		let quiet = std::panic::take_hook();
		if std::env::var_os("COHORT_FUZZ_PANICS").is_none() {
			std::panic::set_hook(Box::new(|_| {}));
		}
		let result = runner.run(&strategy::steps(self.max_steps), |steps| {
			let report = perform::run(&steps);
			total.borrow_mut().merge(&report);
			(after_case.borrow_mut())(&report);
			Ok(())
		});
		if std::env::var_os("COHORT_FUZZ_PANICS").is_none() {
			std::panic::set_hook(quiet);
		}
		match result {
			Ok(()) => Ok(total.into_inner()),
			Err(TestError::Fail(reason, steps)) => {
				Err(Failure { seed: self.seed, reason: reason.to_string(), steps })
			},
			Err(TestError::Abort(reason)) => {
				Err(Failure { seed: self.seed, reason: reason.to_string(), steps: Vec::new() })
			},
		}
	}
}
