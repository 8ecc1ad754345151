//! The pallet's events and errors: what it tells and what it refuses (a section of the pallet
//! module in `lib.rs`).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Licence revenue was shared among a pool's units.
		RevenueShared {
			/// The cohort.
			cohort: CohortId,
			/// The purpose the revenue was for.
			purpose: Purpose,
			/// How much.
			amount: BalanceOf<T>,
			/// Among how many units.
			total_units: u128,
		},
		/// A member's earnings were paid.
		Claimed {
			/// The cohort.
			cohort: CohortId,
			/// Who was paid.
			account: T::AccountId,
			/// How much, over all purposes.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account has no royalty position in this cohort.
		NoPosition,
		/// Nothing is pending.
		NothingToClaim,
		/// The revenue per unit is more than the pool's counter can hold.
		RevenueOverflow,
		/// The pot cannot pay (should never happen: the pot covers every pool's ledger).
		PotTooLow,
		/// The account is still owed royalties as another person of this cohort: claim them
		/// before joining or rotating onto it as someone else.
		UnclaimedRoyalties,
		/// The pot cannot receive the revenue (should never happen: it lives from genesis on
		/// its existential deposit).
		PotCannotReceive,
	}
}
