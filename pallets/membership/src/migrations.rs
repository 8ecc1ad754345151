//! Storage migrations, one module per storage version.

use crate::*;
use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

/// Version 1: an account's entry (`PersonOf`) carries its membership's standing, so that a
/// member's call checks it in one read.
pub mod v1 {
	use super::*;
	use frame_support::{pallet_prelude::Weight, traits::Get};

	/// Gives every account's entry the standing of the membership it points at; an entry that
	/// points at none (which `try_state` rules out) is dropped rather than left undecodable.
	/// Two reads and a write an entry, in one block: fine while members number in the
	/// thousands (before launch, none); a chain with many more would run it as a multi-block
	/// migration.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut entries: u64 = 0;
			PersonOf::<T>::translate::<Nullifier, _>(|cohort, _, person| {
				entries = entries.saturating_add(1);
				Memberships::<T>::get(cohort, person).map(|record| record.account_entry(person))
			});
			T::DbWeight::get().reads_writes(entries.saturating_mul(2), entries)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((PersonOf::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..]).map_err(|_| "the entry count")?;
			// `iter` decodes each value: an entry left in the old layout would be skipped.
			let after = PersonOf::<T>::iter().count() as u64;
			frame_support::ensure!(before == after, "an account's entry was lost in the migration");
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
