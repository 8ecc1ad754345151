//! What other pallets call: [`RoyaltyPools`] for pallet-data-licensing, which hands over the
//! members' share of a licence, and [`OnMembershipChange`] for pallet-cohort-membership, which tells
//! every change of a member's units, consent or status.

use super::*;
use cohort_primitives::{Consent, FollowedMember, LicenceRef, MembershipChange};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Balanced, tokens::imbalance::Imbalance},
};

impl<T: Config> RoyaltyPools<T::AccountId, CreditOf<T>> for Pallet<T> {
	fn deposit(
		cohort: CohortId,
		purpose: Purpose,
		revenue: CreditOf<T>,
		licence: LicenceRef<T::AccountId>,
	) -> Result<CreditOf<T>, DispatchError> {
		let mut pool = Pools::<T>::get(cohort, purpose);
		if !pool.has_units() {
			// Nobody to share it among: it goes back, for the caller to pay elsewhere.
			return Ok(revenue);
		}
		let amount = revenue.peek();
		let rise = pool.rise_for(amount).ok_or(Error::<T>::RevenueOverflow)?;
		// The money and its record arrive together: the pot covers the pool by construction.
		T::Currency::resolve(&Self::pot_account(), revenue)
			.map_err(|_| Error::<T>::PotCannotReceive)?;
		RecentRevenue::<T>::mutate(cohort, purpose, |recent| {
			push_dropping_oldest(
				recent,
				Revenue {
					licence,
					amount,
					counter_before: pool.reward_per_unit,
					at: frame_system::Pallet::<T>::block_number(),
				},
			)
		});
		pool.take(amount, rise);
		let total_units = pool.total_units;
		Pools::<T>::insert(cohort, purpose, pool);
		Self::deposit_event(Event::RevenueShared { cohort, purpose, amount, total_units });
		Ok(CreditOf::<T>::zero())
	}
}

impl<T: Config> OnMembershipChange<T::AccountId> for Pallet<T> {
	fn on_joined(
		cohort: CohortId,
		person: &Nullifier,
		account: &T::AccountId,
		units: u64,
	) -> DispatchResult {
		if let Some(other) = Payees::<T>::get(cohort, account) {
			ensure!(other == *person, Error::<T>::UnclaimedRoyalties);
		}
		let mut position = Positions::<T>::get(cohort, person).unwrap_or_else(|| {
			let counters = Purpose::ALL.map(|p| Pools::<T>::get(cohort, p).reward_per_unit);
			Position::new(account.clone(), units, counters)
		});
		Self::settle(cohort, &mut position);
		let before = position.clone();
		if position.account != *account {
			Payees::<T>::remove(cohort, &position.account);
		}
		position.account = account.clone();
		position.status = MemberStatus::Active;
		position.consent = Consent::NONE;
		position.delegated = false;
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
			p.delegated = false;
		})
	}

	fn on_rotated(
		cohort: CohortId,
		person: &Nullifier,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> DispatchResult {
		// As on joining: an account still owed a departed person's royalties takes no other
		// person's, or theirs could never be claimed.
		if let Some(other) = Payees::<T>::get(cohort, new) {
			ensure!(other == *person, Error::<T>::UnclaimedRoyalties);
		}
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

	fn on_rotating_by_cohort(
		cohort: CohortId,
		_person: &Nullifier,
		old: &T::AccountId,
	) -> DispatchResult {
		// The old account may not be lost: pay it what it earned before the person moves.
		match Self::do_claim(cohort, old) {
			Err(e)
				if e == Error::<T>::NothingToClaim.into() || e == Error::<T>::NoPosition.into() =>
			{
				Ok(())
			},
			other => other.map(|_| ()),
		}
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

	fn on_delegation_changed(
		cohort: CohortId,
		person: &Nullifier,
		delegated: bool,
	) -> DispatchResult {
		Self::update(cohort, person, |p| {
			p.delegated = delegated;
			p.consent = Consent::NONE;
		})
	}

	fn on_trustee_consent_changed(cohort: CohortId, _old: Consent, new: Consent) -> DispatchResult {
		let mut bloc = Blocs::<T>::get(cohort);
		for purpose in Purpose::ALL {
			let (was_in, is_in) = (bloc.consent.allows(purpose), new.allows(purpose));
			if was_in == is_in {
				continue;
			}
			let units = bloc.units;
			let counter = Pools::<T>::mutate(cohort, purpose, |pool| {
				if is_in {
					pool.replace_units(0, units);
				} else {
					pool.replace_units(units, 0);
				}
				pool.reward_per_unit
			});
			if is_in {
				bloc.enter(purpose, counter);
			} else {
				bloc.leave(purpose, counter);
			}
		}
		bloc.consent = new;
		Blocs::<T>::insert(cohort, bloc);
		Ok(())
	}

	fn weight(change: MembershipChange) -> Weight {
		match change {
			MembershipChange::Rotated => T::WeightInfo::on_rotated(),
			MembershipChange::RotatedByCohort => T::WeightInfo::claim(),
			MembershipChange::TrusteeConsentChanged => T::WeightInfo::trustee_consent_changed(),
			// Joining also moves the payee entry, which the other changes never write.
			MembershipChange::Joined => {
				T::WeightInfo::on_joined().max(T::WeightInfo::settle_and_move())
			},
			_ => T::WeightInfo::settle_and_move(),
		}
	}

	fn check_trustee_consent_follows(
		cohort: CohortId,
		consent: Consent,
	) -> Result<(), &'static str> {
		frame_support::ensure!(
			Blocs::<T>::get(cohort).consent == consent,
			"the delegated bloc follows another consent than the trustees'"
		);
		Ok(())
	}

	fn check_follows(
		cohort: CohortId,
		person: &Nullifier,
		member: &FollowedMember<T::AccountId>,
	) -> Result<(), &'static str> {
		Self::check_position_follows(cohort, person, member)
	}
}
