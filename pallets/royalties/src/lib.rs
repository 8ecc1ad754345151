//! # Royalties
//!
//! O(1) payouts of licence revenue to the members whose data was licensed.
//!
//! - **One pool per (cohort, purpose)** holds the units of the active members who consent to
//!   that purpose and a cumulative `reward_per_unit` counter (fixed point, rounded down), as in
//!   the reward counter of pallet-nomination-pools. Revenue for a pool ([`RoyaltyPools::deposit`],
//!   called by pallet-data-licensing) raises the counter by `amount / total_units`: O(1)
//!   whatever the number of members.
//! - **A member's position** holds their units, consent and status, and per purpose the
//!   counter value they last settled at and what they earned since. Every change of units,
//!   consent or status (told by pallet-membership through [`MembershipHooks`]) settles the
//!   position first, then moves its units between pools: a suspended member stops accruing and
//!   keeps what they earned; a member who left keeps it until they claim it.
//! - [`Pallet::claim`] pays the caller everything pending in a cohort; [`Pallet::claim_for`]
//!   lets anyone trigger it for a member (paid to the member).
//! - **Nothing is created or lost.** All pools share one pot account (kept alive by its
//!   existential deposit, minted at genesis); each pool keeps its own ledger of what in the pot
//!   is its own. Earnings are rounded down, so the pot never pays more than was paid in; the
//!   rounding dust stays in the pool's ledger.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use cohort_primitives::{CohortId, MemberStatus, Nullifier, Purpose, RoyaltyPools};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: a cohort with a member.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` an active member of a cohort as person `index`, consenting to every purpose
	/// with `units` units; returns the cohort and the person. Membership tells this pallet.
	fn member(who: &AccountId, index: u32, units: u64) -> (CohortId, Nullifier);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::{Consent, LicenceRef, MembershipChange, MembershipHooks};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::Preservation,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		SaturatedConversion,
	};

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
	/// A payment into a pool as kept.
	pub type RevenueOf<T> =
		Revenue<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency royalties are paid in.
		type Currency: Mutate<Self::AccountId>;

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
		/// The pool has no units: nobody to share revenue among.
		NoUnits,
		/// The pot cannot pay (should never happen: the pot covers every pool's ledger).
		PotTooLow,
		/// The account is still owed royalties as another person of this cohort: claim them
		/// before joining as someone else.
		UnclaimedRoyalties,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
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

	impl<T: Config> Pallet<T> {
		/// The account all pools' revenue is held in.
		pub fn pot_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// Brings `position`'s earnings up to date with the pools' counters: what it earned in
		/// each pool it has units in is added to `pending`; every counter is marked settled.
		fn settle(cohort: CohortId, position: &mut PositionOf<T>) {
			for purpose in Purpose::ALL {
				let i = purpose.index();
				let counter = Pools::<T>::get(cohort, purpose).reward_per_unit;
				let (Some(settled), Some(pending)) =
					(position.settled.get(i).copied(), position.pending.get(i).copied())
				else {
					continue;
				};
				let owed = earned(position.units_in(purpose), settled, counter);
				if let Some(p) = position.pending.get_mut(i) {
					*p = pending.saturating_add(owed.saturated_into());
				}
				if let Some(s) = position.settled.get_mut(i) {
					*s = counter;
				}
			}
		}

		/// Moves units between pools from what `before` had in them to what `after` has, and
		/// records where `after`'s participation in a pool begins or ends.
		fn move_units(cohort: CohortId, before: &PositionOf<T>, after: &mut PositionOf<T>) {
			for purpose in Purpose::ALL {
				let (old, new) = (before.units_in(purpose), after.units_in(purpose));
				if old == new {
					continue;
				}
				let counter = Pools::<T>::mutate(cohort, purpose, |pool| {
					pool.total_units = pool.total_units.saturating_sub(old).saturating_add(new);
					pool.reward_per_unit
				});
				let Some(since) = after.since.get_mut(purpose.index()) else { continue };
				match (old == 0, new == 0) {
					(true, false) => *since = Some(counter),
					(false, true) => {
						if let Some(from) = since.take() {
							if after.past.is_full() {
								after.past.remove(0);
							}
							let _ =
								after.past.try_push(Participation { purpose, from, to: counter });
						}
					},
					_ => {},
				}
			}
		}

		/// Settles `person`'s position, applies `change` to it and moves its units between
		/// pools. A position that left with nothing pending is removed.
		fn update(
			cohort: CohortId,
			person: &Nullifier,
			change: impl FnOnce(&mut PositionOf<T>),
		) -> DispatchResult {
			let Some(mut position) = Positions::<T>::get(cohort, person) else {
				return Ok(());
			};
			Self::settle(cohort, &mut position);
			let before = position.clone();
			change(&mut position);
			Self::move_units(cohort, &before, &mut position);
			Self::store(cohort, person, position);
			Ok(())
		}

		/// Stores `position`, or removes it (and its payee entry) once it left with nothing
		/// pending.
		fn store(cohort: CohortId, person: &Nullifier, position: PositionOf<T>) {
			if position.status == MemberStatus::Left && position.total_pending().is_zero() {
				Payees::<T>::remove(cohort, &position.account);
				Positions::<T>::remove(cohort, person);
			} else {
				Positions::<T>::insert(cohort, person, position);
			}
		}

		/// What `account` could claim in `cohort` now, per purpose (in the order of
		/// [`Purpose::ALL`]).
		pub fn pending(cohort: CohortId, account: &T::AccountId) -> [BalanceOf<T>; PURPOSES] {
			Payees::<T>::get(cohort, account)
				.and_then(|person| Positions::<T>::get(cohort, person))
				.map(|mut position| {
					Self::settle(cohort, &mut position);
					position.pending
				})
				.unwrap_or_default()
		}

		/// The licences whose revenue paid `account`'s person in `cohort` (as far as the pools'
		/// recent payments and the position's kept spans go), most recent first, at most `max`.
		/// "Who used my data."
		pub fn licences_paying(
			cohort: CohortId,
			account: &T::AccountId,
			max: u32,
		) -> alloc::vec::Vec<(Purpose, RevenueOf<T>)> {
			let Some(position) = Payees::<T>::get(cohort, account)
				.and_then(|person| Positions::<T>::get(cohort, person))
			else {
				return alloc::vec::Vec::new();
			};
			let mut paid: alloc::vec::Vec<(Purpose, RevenueOf<T>)> = Purpose::ALL
				.into_iter()
				.flat_map(|purpose| {
					let position = &position;
					RecentRevenue::<T>::get(cohort, purpose)
						.into_iter()
						.filter(move |revenue| {
							position.was_paid_at(purpose, revenue.counter_before)
						})
						.map(move |revenue| (purpose, revenue))
				})
				.collect();
			paid.sort_by(|(_, a), (_, b)| {
				b.at.cmp(&a.at).then(b.licence.request.cmp(&a.licence.request))
			});
			paid.truncate(max as usize);
			paid
		}

		pub(crate) fn do_claim(
			cohort: CohortId,
			account: &T::AccountId,
		) -> Result<BalanceOf<T>, DispatchError> {
			let person = Payees::<T>::get(cohort, account).ok_or(Error::<T>::NoPosition)?;
			let mut position = Positions::<T>::get(cohort, person).ok_or(Error::<T>::NoPosition)?;
			Self::settle(cohort, &mut position);
			let amount = position.total_pending();
			ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
			for purpose in Purpose::ALL {
				let owed = position.pending.get(purpose.index()).copied().unwrap_or_default();
				if !owed.is_zero() {
					Pools::<T>::try_mutate(cohort, purpose, |pool| -> DispatchResult {
						pool.balance =
							pool.balance.checked_sub(&owed).ok_or(Error::<T>::PotTooLow)?;
						Ok(())
					})?;
				}
			}
			position.pending = Default::default();
			T::Currency::transfer(&Self::pot_account(), account, amount, Preservation::Preserve)
				.map_err(|_| Error::<T>::PotTooLow)?;
			Self::store(cohort, &person, position);
			Self::deposit_event(Event::Claimed { cohort, account: account.clone(), amount });
			Ok(amount)
		}

		/// The invariants this pallet owns:
		///
		/// 1. a pool's `total_units` equals the units its active, consenting members have in it;
		/// 2. a pool's `balance` covers what all its members have pending and earned since they
		///    last settled (nothing can be claimed that was not paid in);
		/// 3. the pot holds at least the existential deposit plus every pool's `balance`;
		/// 4. every position has its account in `Payees`, and every payee names a position of
		///    that account; a position that left has something pending.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let mut units: BTreeMap<(CohortId, Purpose), u128> = BTreeMap::new();
			let mut owed: BTreeMap<(CohortId, Purpose), BalanceOf<T>> = BTreeMap::new();
			for (cohort, person, position) in Positions::<T>::iter() {
				ensure!(
					Payees::<T>::get(cohort, &position.account) == Some(person),
					"a position's account is not its payee"
				);
				ensure!(
					position.status != MemberStatus::Left || !position.total_pending().is_zero(),
					"a position that left with nothing pending was kept"
				);
				for purpose in Purpose::ALL {
					let i = purpose.index();
					let pool = Pools::<T>::get(cohort, purpose);
					let pool_units = units.entry((cohort, purpose)).or_default();
					*pool_units = pool_units.saturating_add(position.units_in(purpose));
					let settled = position.settled.get(i).copied().unwrap_or_default();
					let due: BalanceOf<T> =
						earned(position.units_in(purpose), settled, pool.reward_per_unit)
							.saturated_into();
					let pending = position.pending.get(i).copied().unwrap_or_default();
					let total = owed.entry((cohort, purpose)).or_default();
					*total = total.saturating_add(due).saturating_add(pending);
				}
			}
			let mut held = T::Currency::minimum_balance();
			for (cohort, purpose, pool) in Pools::<T>::iter() {
				let expected = units.get(&(cohort, purpose)).copied().unwrap_or_default();
				ensure!(pool.total_units == expected, "a pool's units differ from its members'");
				let due = owed.get(&(cohort, purpose)).copied().unwrap_or_default();
				ensure!(pool.balance >= due, "a pool owes more than it holds");
				held = held.saturating_add(pool.balance);
			}
			for ((cohort, purpose), expected) in units {
				ensure!(
					expected == 0 || Pools::<T>::contains_key(cohort, purpose),
					"members have units in a pool that does not exist"
				);
			}
			ensure!(
				T::Currency::balance(&Self::pot_account()) >= held,
				"the pot holds less than the pools' ledgers"
			);
			for (cohort, account, person) in Payees::<T>::iter() {
				let position =
					Positions::<T>::get(cohort, person).ok_or("a payee without a position")?;
				ensure!(position.account == account, "a payee of another account's position");
			}
			Ok(())
		}
	}

	impl<T: Config> RoyaltyPools<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn pot_account() -> T::AccountId {
			Pallet::<T>::pot_account()
		}

		fn has_units(cohort: CohortId, purpose: Purpose) -> bool {
			Pools::<T>::get(cohort, purpose).total_units > 0
		}

		fn deposit(
			cohort: CohortId,
			purpose: Purpose,
			amount: BalanceOf<T>,
			licence: LicenceRef<T::AccountId>,
		) -> DispatchResult {
			Pools::<T>::try_mutate(cohort, purpose, |pool| -> DispatchResult {
				let rise = counter_rise(amount.saturated_into(), pool.total_units)
					.ok_or(Error::<T>::NoUnits)?;
				RecentRevenue::<T>::mutate(cohort, purpose, |recent| {
					if recent.is_full() {
						recent.remove(0);
					}
					let _ = recent.try_push(Revenue {
						licence,
						amount,
						counter_before: pool.reward_per_unit,
						at: frame_system::Pallet::<T>::block_number(),
					});
				});
				pool.reward_per_unit = pool.reward_per_unit.saturating_add(rise);
				pool.balance = pool.balance.saturating_add(amount);
				pool.paid_in = pool.paid_in.saturating_add(amount);
				Self::deposit_event(Event::RevenueShared {
					cohort,
					purpose,
					amount,
					total_units: pool.total_units,
				});
				Ok(())
			})
		}

		fn deposit_weight() -> Weight {
			T::WeightInfo::deposit()
		}
	}

	impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
		fn on_joined(
			cohort: CohortId,
			person: &Nullifier,
			account: &T::AccountId,
			units: u64,
		) -> DispatchResult {
			if let Some(other) = Payees::<T>::get(cohort, account) {
				ensure!(other == *person, Error::<T>::UnclaimedRoyalties);
			}
			let counters = Purpose::ALL.map(|p| Pools::<T>::get(cohort, p).reward_per_unit);
			let mut position = Positions::<T>::get(cohort, person).unwrap_or(Position {
				account: account.clone(),
				status: MemberStatus::Left,
				consent: Consent::NONE,
				units,
				settled: counters,
				pending: Default::default(),
				since: Default::default(),
				past: Default::default(),
			});
			Self::settle(cohort, &mut position);
			let before = position.clone();
			if position.account != *account {
				Payees::<T>::remove(cohort, &position.account);
			}
			position.account = account.clone();
			position.status = MemberStatus::Active;
			position.consent = Consent::NONE;
			position.units = units;
			Self::move_units(cohort, &before, &mut position);
			Payees::<T>::insert(cohort, account, person);
			Positions::<T>::insert(cohort, person, position);
			Ok(())
		}

		fn on_suspended(cohort: CohortId, person: &Nullifier) -> DispatchResult {
			Self::update(cohort, person, |p| p.status = MemberStatus::Suspended)
		}

		fn on_restored(cohort: CohortId, person: &Nullifier) -> DispatchResult {
			Self::update(cohort, person, |p| p.status = MemberStatus::Active)
		}

		fn on_left(cohort: CohortId, person: &Nullifier) -> DispatchResult {
			Self::update(cohort, person, |p| {
				p.status = MemberStatus::Left;
				p.consent = Consent::NONE;
			})
		}

		fn on_rotated(
			cohort: CohortId,
			person: &Nullifier,
			old: &T::AccountId,
			new: &T::AccountId,
		) -> DispatchResult {
			if Payees::<T>::take(cohort, old).is_some() {
				Payees::<T>::insert(cohort, new, person);
			}
			Positions::<T>::mutate(cohort, person, |position| {
				if let Some(position) = position {
					position.account = new.clone();
				}
			});
			Ok(())
		}

		fn on_consent_changed(
			cohort: CohortId,
			person: &Nullifier,
			_old: Consent,
			new: Consent,
		) -> DispatchResult {
			Self::update(cohort, person, |p| p.consent = new)
		}

		fn on_units_changed(
			cohort: CohortId,
			person: &Nullifier,
			_old: u64,
			new: u64,
		) -> DispatchResult {
			Self::update(cohort, person, |p| p.units = new)
		}

		fn weight(change: MembershipChange) -> Weight {
			match change {
				MembershipChange::Rotated => T::WeightInfo::on_rotated(),
				_ => T::WeightInfo::settle_and_move(),
			}
		}
	}
}
