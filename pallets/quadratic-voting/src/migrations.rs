//! Storage migrations, one module per storage version.

use crate::*;
use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

/// Version 1: a voter's ledger records the block its epoch ends at (`Voter::epoch_ends_at`),
/// so that a vote within the epoch does not read the cohort's voting params.
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::Weight, traits::Get, BoundedVec};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::traits::Zero;

	/// A ledger as version 0 stored it.
	#[derive(Encode, Decode)]
	pub struct VoterV0<BlockNumber, MaxLiveVotes: Get<u32>> {
		pub epoch: BlockNumber,
		pub granted: u32,
		pub spent: u32,
		pub votes: BoundedVec<CastVote<BlockNumber>, MaxLiveVotes>,
	}

	/// Gives every ledger `epoch_ends_at` 0: its next vote reads the cohort's params and finds
	/// its epoch as every vote did before, so no ledger's credits change. One write a ledger,
	/// in one block: fine while ledgers number in the thousands (before launch, none); a chain
	/// with many more would run it as a multi-block migration.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut ledgers: u64 = 0;
			Voters::<T>::translate::<VoterV0<BlockNumberFor<T>, T::MaxLiveVotes>, _>(
				|_, _, old| {
					ledgers = ledgers.saturating_add(1);
					Some(Voter {
						epoch: old.epoch,
						epoch_ends_at: Zero::zero(),
						granted: old.granted,
						spent: old.spent,
						votes: old.votes,
					})
				},
			);
			T::DbWeight::get().reads_writes(ledgers, ledgers)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Voters::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "the ledger count")?;
			// `iter` decodes each value: a ledger left in the old layout would be skipped.
			let after = Voters::<T>::iter().count() as u64;
			frame_support::ensure!(before == after, "a ledger was lost in the migration");
			Ok(())
		}
	}

	/// [`InnerMigrateV0ToV1`], run only on storage version 0, which it moves to 1.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
