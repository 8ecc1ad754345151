//! # Royalties
//!
//! O(1) payouts of licence revenue to the members whose data was licensed.
//!
//! - **One pool per (cohort, purpose)** holds the units of the active members who consent to
//!   that purpose and a cumulative `reward_per_unit` counter (fixed point, rounded down), as in
//!   the reward counter of pallet-nomination-pools. Revenue for a pool ([`RoyaltyPools::deposit`],
//!   called by pallet-data-licensing with the members' share as a fungible `Credit`) goes into
//!   the pot and raises the counter by `amount / total_units` in one step: O(1) whatever the
//!   number of members. A pool without units takes nothing and gives the credit back.
//! - **A member's position** holds their units, consent and status, and per purpose the
//!   counter value they last settled at and what they earned since. Every change of units,
//!   consent or status (told by pallet-cohort-membership through [`OnMembershipChange`]) settles the
//!   position first, then moves its units between pools: a suspended member stops accruing and
//!   keeps what they earned; a member who left keeps it until they claim it.
//! - **Delegated consent.** Members of a data trust who leave their consent to the trustees
//!   are one participant in the pools, the cohort's [`DelegatedBloc`]: its units sit in the
//!   pool of every purpose the trustees consent to, and its own counter per purpose rises with
//!   the pool's while it is there. A change of the trustees' consent moves the bloc's units in
//!   one step (O(1) whatever the number of members); each such member settles against the
//!   bloc's counters as the others do against the pools'.
//! - [`Pallet::claim`] pays the caller everything pending in a cohort; [`Pallet::claim_for`]
//!   lets anyone trigger it for a member (paid to the member).
//! - **Nothing is created or lost.** All pools share one pot account (kept alive by its
//!   existential deposit, minted at genesis); each pool keeps its own ledger of what in the pot
//!   is its own. Earnings are rounded down, so the pot never pays more than was paid in; the
//!   rounding dust stays in the pool's ledger.
//!
//! ## Where things are
//!
//! - `lib.rs`: config, storage, events, errors, hooks and the calls (origin check, then `do_*`);
//! - `events.rs`: the events and errors;
//! - `dispatchable_impls.rs`: what the calls do (`do_claim`);
//! - `impls.rs`: what other pallets call: [`RoyaltyPools`] (licensing) and [`OnMembershipChange`]
//!   (membership);
//! - `utility_impls.rs`: the pot account; settling positions and moving units between pools;
//! - `queries.rs`: what the runtime API asks (`pending`, `licences_paying`);
//! - `types.rs`: pools, positions and their arithmetic; `try_state.rs`: the invariants.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod events;
mod impls;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
// Always built: runtime tests and `try-runtime` check the same invariants.
mod try_state;
pub mod types;
mod utility_impls;
pub mod weights;

pub use cohort_primitives::{
	CohortId, MemberStatus, Nullifier, OnMembershipChange, Purpose, RoyaltyPools,
};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: a cohort with a member.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` an active member of a cohort as person `index`, consenting to every purpose
	/// with `units` units; returns the cohort and the person. Membership tells this pallet.
	fn member(who: &AccountId, index: u32, units: u64) -> (CohortId, Nullifier);
}

// Events and errors live in `events.rs`, so that this file reads as a table of contents.
#[import_section(events::events)]
// FRAME's generated storage code uses `expect`; the logic lives outside, under the lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Balanced, Credit, Inspect, Mutate},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of royalties.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A pool as stored.
	pub type PoolOf<T> = Pool<BalanceOf<T>>;
	/// A position as stored.
	pub type PositionOf<T> = Position<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxPastParticipations,
	>;
	/// A cohort's delegated bloc as stored.
	pub type BlocOf<T> = DelegatedBloc<<T as Config>::MaxPastParticipations>;
	/// A payment into a pool as kept.
	pub type RevenueOf<T> =
		Revenue<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// Funds handed over to royalties (an imbalance: taken from somewhere, not yet anywhere).
	pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	/// The layout of this pallet's storage. Version 0: as first released (no migration yet).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency royalties are paid in; revenue arrives as its `Credit`.
		type Currency: Mutate<Self::AccountId> + Balanced<Self::AccountId>;

		/// Derives the pot account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// How many of its most recent payments each pool keeps, for members to see which
		/// licences paid them.
		#[pallet::constant]
		type MaxRecentRevenue: Get<u32>;

		/// How many past spans of participation a position keeps.
		#[pallet::constant]
		type MaxPastParticipations: Get<u32>;

		/// Weights of this pallet's calls and notifications.
		type WeightInfo: WeightInfo;

		/// Sets up members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The pools, by cohort and purpose.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Twox64Concat,
		Purpose,
		PoolOf<T>,
		ValueQuery,
	>;

	/// Per cohort, the bloc of the members who follow the trustees' consent (a data trust's):
	/// one record whatever their number.
	#[pallet::storage]
	pub type Blocs<T: Config> = StorageMap<_, Blake2_128Concat, CohortId, BlocOf<T>, ValueQuery>;

	/// Members' positions, by cohort and person. Paid for by the membership deposit while a
	/// member; a position that left stays (without deposit) only until its earnings are claimed.
	#[pallet::storage]
	pub type Positions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, Nullifier, PositionOf<T>>;

	/// Each pool's most recent payments, oldest first.
	#[pallet::storage]
	pub type RecentRevenue<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Twox64Concat,
		Purpose,
		BoundedVec<RevenueOf<T>, T::MaxRecentRevenue>,
		ValueQuery,
	>;

	/// The person each account is paid for, by cohort (kept after leaving until claimed).
	#[pallet::storage]
	pub type Payees<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, T::AccountId, Nullifier>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The pot lives from genesis on its existential deposit, so that revenue of any
			// size can be paid in and every earning paid out.
			cohort_primitives::mint_existential_deposit::<_, T::Currency>(
				&Pallet::<T>::pot_account(),
			);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// Both logs drop their oldest entry to make room: a bound of zero would keep nothing
			// and make "who used my data" always empty.
			assert!(T::MaxRecentRevenue::get() > 0, "`MaxRecentRevenue` must not be zero");
			assert!(
				T::MaxPastParticipations::get() > 0,
				"`MaxPastParticipations` must not be zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay the caller everything their person has earned and not claimed in `cohort`, in
		/// every purpose.
		///
		/// - `cohort`: the cohort.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(cohort, &who).map(|_| ())
		}

		/// Pay `member` everything they have earned and not claimed in `cohort`. Anyone may
		/// trigger it; the money goes to the member.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's (or former member's) account.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim_for(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(cohort, &member).map(|_| ())
		}
	}
}
