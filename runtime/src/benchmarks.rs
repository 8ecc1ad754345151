//! The runtime's benchmarks, as `frame-benchmarking-cli` (`cohort-node benchmark pallet`) runs
//! them. `scripts/benchmark.sh PALLET` writes a pallet's `weights.rs` from them. The state the
//! domain pallets' benchmarks start from (cohorts, issuers, members) is made in [`helpers`].

mod helpers;

#[cfg(feature = "benchmark-genesis-crowd")]
pub(crate) use helpers::genesis_crowd;
pub(crate) use helpers::{CohortBenchmarkHelper, MembershipBenchmarkHelper, VotingBenchmarkHelper};

use crate::*;
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkError, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};

use cumulus_pallet_session_benchmarking::Pallet as SessionBench;
use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

// A parachain stores a new runtime through parachain-system, which needs the relay chain's
// validation data: set it up as the SDK's parachain runtimes do.
impl frame_system_benchmarking::Config for Runtime {
	fn setup_set_code_requirements(code: &Vec<u8>) -> Result<(), BenchmarkError> {
		ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
		Ok(())
	}

	fn verify_set_code() {
		System::assert_last_event(
			cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into(),
		);
	}
}
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

impl cumulus_pallet_session_benchmarking::Config for Runtime {
	fn generate_session_keys_and_proof(owner: Self::AccountId) -> (Self::Keys, Vec<u8>) {
		use codec::Encode;
		let keys = SessionKeys::generate(&owner.encode(), None);
		(keys.keys, keys.proof.encode())
	}
}

// pallet-xcm's benchmarks send to the relay chain, the one destination Cohort's router reaches
// without a channel. The router charges no delivery price, so senders are given nothing (no
// existential deposit, no fees: `GetDefault` is `None`).
impl pallet_xcm::benchmarking::Config for Runtime {
	type DeliveryHelper = cumulus_primitives_utility::ToParentDeliveryHelper<
		configs::xcm_config::XcmConfig,
		frame_support::traits::GetDefault,
		(),
	>;

	fn reachable_dest() -> Option<xcm::latest::Location> {
		Some(xcm::latest::Location::parent())
	}

	fn get_asset() -> xcm::latest::Asset {
		(xcm::latest::Location::here(), EXISTENTIAL_DEPOSIT).into()
	}

	fn batch_call(calls: Vec<RuntimeCall>) -> Option<RuntimeCall> {
		Some(RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }))
	}
}

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_session, SessionBench::<Runtime>]
	[pallet_timestamp, Timestamp]
	[pallet_message_queue, MessageQueue]
	[pallet_sudo, Sudo]
	[pallet_collator_selection, CollatorSelection]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_collective, OversightCouncil]
	[cumulus_pallet_parachain_system, ParachainSystem]
	[cumulus_pallet_xcmp_queue, XcmpQueue]
	[cumulus_pallet_weight_reclaim, WeightReclaim]
	[pallet_xcm, pallet_xcm::benchmarking::Pallet::<Runtime>]
	[pallet_cohorts, Cohorts]
	[pallet_quadratic_voting, QuadraticVoting]
	[pallet_royalties, Royalties]
	[pallet_data_licensing, DataLicensing]
	[pallet_cohort_membership, Membership]
);

/// The benchmarks this runtime has, and the storage they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	let storage_info = AllPalletsWithSystem::storage_info();
	(list, storage_info)
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
