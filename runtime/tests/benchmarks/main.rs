//! Every benchmark of Cohort's pallets, run once on the real runtime (not the pallets' mocks)
//! at each component's lowest and highest value, with its verification: a benchmark that
//! cannot set up its worst case on the real runtime's configuration fails here, not in the
//! weight run. Natively, on the dev preset's genesis; `scripts/benchmark.sh` measures them in
//! wasm. Built with `--features runtime-benchmarks` (`scripts/test.sh` does).

// Tests fail by panicking: the runtime crates' lints against it do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(feature = "runtime-benchmarks")]

mod bench_ext;

use cohort_runtime::{genesis_config_presets, Runtime};
use frame_benchmarking::{BenchmarkParameter, Benchmarking};

/// The genesis state of the dev preset, as the weight runs use it.
fn dev_genesis() -> sp_core::storage::Storage {
	let mut ext = sp_state_machine::BasicExternalities::new_empty();
	ext.execute_with(|| {
		genesis_config_presets::build_state(&sp_genesis_builder::DEV_RUNTIME_PRESET.into()).unwrap()
	});
	ext.into_storages()
}

/// Runs every benchmark of `B` at the lowest and the highest value of each component (the
/// others at their highest), verifying each; returns how many runs passed.
fn run_all<B: Benchmarking>(pallet: &str) -> usize {
	let mut ext = bench_ext::BenchExt::new(dev_genesis());
	let mut runs = 0;
	sp_externalities::set_and_run_with_externalities(&mut ext, || {
		for benchmark in B::benchmarks(false) {
			let name = String::from_utf8_lossy(&benchmark.name).to_string();
			let highest: Vec<(BenchmarkParameter, u32)> =
				benchmark.components.iter().map(|(c, _, high)| (*c, *high)).collect();
			let mut selections = vec![highest.clone()];
			for (index, (_, low, high)) in benchmark.components.iter().enumerate() {
				if low != high {
					let mut lowest = highest.clone();
					lowest[index].1 = *low;
					selections.push(lowest);
				}
			}
			for components in selections {
				if let Err(error) = B::run_benchmark(&benchmark.name, &components, &[], true, 1) {
					panic!(
						"{pallet}::{name} at {components:?} fails on the real runtime: {error:?}"
					);
				}
				runs += 1;
			}
		}
	});
	println!("{pallet}: {runs} benchmark runs passed");
	runs
}

#[test]
fn cohorts_benchmarks_run_on_the_real_runtime() {
	assert!(run_all::<pallet_cohorts::Pallet<Runtime>>("pallet_cohorts") > 0);
}

#[test]
fn membership_benchmarks_run_on_the_real_runtime() {
	assert!(run_all::<pallet_cohort_membership::Pallet<Runtime>>("pallet_cohort_membership") > 0);
}

#[test]
fn voting_benchmarks_run_on_the_real_runtime() {
	assert!(run_all::<pallet_quadratic_voting::Pallet<Runtime>>("pallet_quadratic_voting") > 0);
}

#[test]
fn royalties_benchmarks_run_on_the_real_runtime() {
	assert!(run_all::<pallet_royalties::Pallet<Runtime>>("pallet_royalties") > 0);
}

#[test]
fn licensing_benchmarks_run_on_the_real_runtime() {
	assert!(run_all::<pallet_data_licensing::Pallet<Runtime>>("pallet_data_licensing") > 0);
}
