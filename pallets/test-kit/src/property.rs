//! Property tests with proptest, the same cases every run.

use proptest::{
	strategy::Strategy,
	test_runner::{Config, RngSeed, TestRunner},
};
use std::cell::RefCell;

/// Runs `test` on `cases` values of `strategy` drawn from a fixed `seed`, so that CI runs the
/// same cases every time; a failing case is shrunk (up to 10,000 tries, the default being four
/// per case) and reported with proptest's message, which prints the shrunk input.
pub fn check_fixed_cases<S: Strategy>(
	cases: u32,
	seed: u64,
	strategy: &S,
	test: impl FnMut(S::Value),
) {
	let mut runner = TestRunner::new(Config {
		cases,
		rng_seed: RngSeed::Fixed(seed),
		max_shrink_iters: 10_000,
		failure_persistence: None,
		..Config::default()
	});
	let test = RefCell::new(test);
	let result = runner.run(strategy, |value| {
		(test.borrow_mut())(value);
		Ok(())
	});
	if let Err(failure) = result {
		panic!("{failure}");
	}
}
