//! The invariants this pallet owns, checked by `try-runtime` and after every test.

use super::*;
use alloc::collections::btree_map::BTreeMap;
use cohort_primitives::{Consent, FollowedMember};
use frame_support::{ensure, traits::fungible::Inspect};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion, TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// 1. a pool's `total_units` equals the units its active, consenting members have in it,
	///    on their own or through the delegated bloc if the trustees consent to its purpose;
	///    a bloc's units are those of the active members who follow the trustees, and it is in
	///    exactly the pools of the purposes the trustees consent to;
	/// 2. a pool's `balance` covers what all its members have pending and earned since they
	///    last settled (nothing can be claimed that was not paid in);
	/// 3. the pot holds at least the existential deposit plus every pool's `balance`;
	/// 4. every position has its account in `Payees`, and every payee names a position of
	///    that account; a position that left has something pending.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let (units, owed) = Self::positions_by_pool()?;
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

	/// Per pool, the units its members have in it and what it owes them (pending plus earned
	/// since they last settled); checks each position's payee entry on the way.
	#[allow(clippy::type_complexity)]
	fn positions_by_pool() -> Result<
		(BTreeMap<(CohortId, Purpose), u128>, BTreeMap<(CohortId, Purpose), BalanceOf<T>>),
		TryRuntimeError,
	> {
		let mut units: BTreeMap<(CohortId, Purpose), u128> = BTreeMap::new();
		let mut owed: BTreeMap<(CohortId, Purpose), BalanceOf<T>> = BTreeMap::new();
		let mut bloc_units: BTreeMap<CohortId, u128> = BTreeMap::new();
		for (cohort, person, position) in Positions::<T>::iter() {
			ensure!(
				Payees::<T>::get(cohort, &position.account) == Some(person),
				"a position's account is not its payee"
			);
			ensure!(
				position.status != MemberStatus::Left || !position.total_pending().is_zero(),
				"a position that left with nothing pending was kept"
			);
			let counters = Self::counters(cohort, position.delegated);
			let in_bloc = bloc_units.entry(cohort).or_default();
			*in_bloc = in_bloc.saturating_add(position.bloc_units());
			for (purpose, counter) in Purpose::ALL.into_iter().zip(counters) {
				let pool_units = units.entry((cohort, purpose)).or_default();
				*pool_units = pool_units.saturating_add(position.units_in(purpose));
				let due: BalanceOf<T> = position.unsettled(purpose, counter).saturated_into();
				let total = owed.entry((cohort, purpose)).or_default();
				*total = total.saturating_add(due).saturating_add(position.pending_in(purpose));
			}
		}
		for (cohort, bloc) in Blocs::<T>::iter() {
			let members = bloc_units.remove(&cohort).unwrap_or_default();
			ensure!(bloc.units == members, "a bloc's units differ from its members'");
			for purpose in Purpose::ALL {
				let pool_units = units.entry((cohort, purpose)).or_default();
				*pool_units = pool_units.saturating_add(bloc.units_in(purpose));
				let in_pool = bloc.since.get(purpose.index()).copied().flatten().is_some();
				ensure!(
					in_pool == bloc.consent.allows(purpose),
					"a bloc is in a pool the trustees did not consent to, or out of one they did"
				);
			}
		}
		ensure!(
			bloc_units.values().all(|u| *u == 0),
			"members follow the trustees in a cohort without a bloc"
		);
		Ok((units, owed))
	}

	/// The cross-pallet invariant, asked by membership for each of its memberships: a
	/// member's position has the member's account, status, consent and units; a person who
	/// left has no position, or one that left with no consent.
	pub(crate) fn check_position_follows(
		cohort: CohortId,
		person: &Nullifier,
		member: &FollowedMember<T::AccountId>,
	) -> Result<(), &'static str> {
		let position = Positions::<T>::get(cohort, person);
		if member.status == MemberStatus::Left {
			let left = position
				.is_none_or(|p| p.status == MemberStatus::Left && p.consent == Consent::NONE);
			ensure!(left, "royalties keep a left member as a member");
			return Ok(());
		}
		let position = position.ok_or("a member has no royalty position")?;
		ensure!(
			member.account.as_ref() == Some(&position.account),
			"a royalty position pays another account"
		);
		ensure!(position.status == member.status, "a royalty position has another status");
		ensure!(position.consent == member.consent, "a royalty position has another consent");
		ensure!(
			position.delegated == member.delegated,
			"a royalty position follows the trustees and the member does not, or the reverse"
		);
		ensure!(position.units == member.units, "a royalty position has other units");
		Ok(())
	}
}
