//! The pools' and positions' bookkeeping: settling a position before it changes and moving its
//! units between pools.

use super::*;
use frame_support::{pallet_prelude::*, traits::Get};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	FixedU128,
};

impl<T: Config> Pallet<T> {
	/// The account all pools' revenue is held in.
	pub fn pot_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The counters a position settles against in `cohort`, per purpose: the pools', or the
	/// delegated bloc's if it follows the trustees.
	pub(crate) fn counters(cohort: CohortId, delegated: bool) -> [FixedU128; PURPOSES] {
		let pools = Purpose::ALL.map(|purpose| Pools::<T>::get(cohort, purpose).reward_per_unit);
		if !delegated {
			return pools;
		}
		let bloc = Blocs::<T>::get(cohort);
		let mut counters = pools;
		for (counter, purpose) in counters.iter_mut().zip(Purpose::ALL) {
			*counter = bloc.counter(purpose, *counter);
		}
		counters
	}

	/// Brings `position`'s earnings up to date with its counters: what it earned in each pool
	/// it has units in is added to `pending`; every counter is marked settled.
	pub(crate) fn settle(cohort: CohortId, position: &mut PositionOf<T>) {
		let counters = Self::counters(cohort, position.delegated);
		for (purpose, counter) in Purpose::ALL.into_iter().zip(counters) {
			position.settle(purpose, counter);
		}
	}

	/// Moves units between pools (and the delegated bloc) from what `before` had in them to
	/// what `after` has, records where `after`'s participation in a pool begins or ends, and,
	/// if it started or stopped following the trustees, marks it settled at its new counters.
	pub(crate) fn move_units(cohort: CohortId, before: &PositionOf<T>, after: &mut PositionOf<T>) {
		let mut bloc = Blocs::<T>::get(cohort);
		let (old_bloc, new_bloc) = (before.bloc_units(), after.bloc_units());
		if old_bloc != new_bloc {
			bloc.units = bloc.units.saturating_sub(old_bloc).saturating_add(new_bloc);
			Blocs::<T>::insert(cohort, &bloc);
		}
		for purpose in Purpose::ALL {
			let through_bloc = |units: u128| if bloc.consent.allows(purpose) { units } else { 0 };
			let old = before.units_in(purpose).saturating_add(through_bloc(old_bloc));
			let new = after.units_in(purpose).saturating_add(through_bloc(new_bloc));
			let (was_in, is_in) = (before.participation(purpose), after.participation(purpose));
			if old == new && was_in == is_in {
				continue;
			}
			let counter = Pools::<T>::mutate(cohort, purpose, |pool| {
				pool.replace_units(old, new);
				pool.reward_per_unit
			});
			after.track_participation(purpose, was_in, is_in, counter);
		}
		if before.delegated != after.delegated {
			after.settled = Self::counters(cohort, after.delegated);
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
