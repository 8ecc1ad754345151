//! The pools' and positions' bookkeeping: settling a position before it changes and moving its
//! units between pools.

use super::*;
use frame_support::{pallet_prelude::*, traits::Get};
use sp_runtime::traits::{AccountIdConversion, Zero};

impl<T: Config> Pallet<T> {
	/// The account all pools' revenue is held in.
	pub fn pot_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Brings `position`'s earnings up to date with the pools' counters: what it earned in
	/// each pool it has units in is added to `pending`; every counter is marked settled.
	pub(crate) fn settle(cohort: CohortId, position: &mut PositionOf<T>) {
		for purpose in Purpose::ALL {
			position.settle(purpose, Pools::<T>::get(cohort, purpose).reward_per_unit);
		}
	}

	/// Moves units between pools from what `before` had in them to what `after` has, and
	/// records where `after`'s participation in a pool begins or ends.
	pub(crate) fn move_units(cohort: CohortId, before: &PositionOf<T>, after: &mut PositionOf<T>) {
		for purpose in Purpose::ALL {
			let (old, new) = (before.units_in(purpose), after.units_in(purpose));
			if old == new {
				continue;
			}
			let counter = Pools::<T>::mutate(cohort, purpose, |pool| {
				pool.replace_units(old, new);
				pool.reward_per_unit
			});
			after.track_participation(purpose, old, new, counter);
		}
	}

	/// Settles `person`'s position, applies `change` to it and moves its units between
	/// pools. A position that left with nothing pending is removed.
	pub(crate) fn update(
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
	pub(crate) fn store(cohort: CohortId, person: &Nullifier, position: PositionOf<T>) {
		if position.status == MemberStatus::Left && position.total_pending().is_zero() {
			Payees::<T>::remove(cohort, &position.account);
			Positions::<T>::remove(cohort, person);
		} else {
			Positions::<T>::insert(cohort, person, position);
		}
	}
}
