//! What other pallets ask this pallet.

use crate::*;
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// The person behind `account`'s active membership of `cohort`.
	pub fn active_person_of(cohort: CohortId, account: &T::AccountId) -> Option<Nullifier> {
		<Self as MembershipInspect<T::AccountId>>::active_person(cohort, account)
	}
}

impl<T: Config> MembershipInspect<T::AccountId> for Pallet<T> {
	fn active_person(cohort: CohortId, account: &T::AccountId) -> Option<Nullifier> {
		// The entry carries the standing: one read, not the record's too.
		let entry = PersonOf::<T>::get(cohort, account)?;
		// `on_initialize` suspends an expired membership as its expiry block starts, and a
		// withdrawn issuer's over the blocks after its withdrawal; until then (or should that
		// fail) the expiry and the issuer's standing still count here.
		let current =
			entry.in_force(Self::now()) && T::Cohorts::accepts_issuer(cohort, &entry.issuer);
		current.then_some(entry.person)
	}

	fn active_members(cohort: CohortId) -> u32 {
		Stats::<T>::get(cohort).active
	}

	fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32 {
		Stats::<T>::get(cohort).consenting_to(purpose, TrusteeConsent::<T>::get(cohort))
	}

	fn sweeping(cohort: CohortId) -> bool {
		// One key read each: is a sweep of this cohort, or of every cohort, under way?
		let sweeps = |scope: Option<CohortId>| Sweeps::<T>::iter_key_prefix(scope).next();
		sweeps(Some(cohort)).is_some() || sweeps(None).is_some()
	}
}

impl<T: Config> OnIssuerWithdrawn<T::AccountId> for Pallet<T> {
	/// Starts a sweep: the issuer's memberships give no rights from now on (`active_person`),
	/// and `on_initialize` suspends them, `MaxSweptPerBlock` a block, so that they leave the
	/// counts, the tallies and the royalty pools.
	fn on_issuer_withdrawn(issuer: &T::AccountId, cohort: Option<CohortId>) {
		Sweeps::<T>::insert(cohort, issuer, ());
		Self::deposit_event(Event::SweepStarted { issuer: issuer.clone(), cohort });
	}

	fn weight() -> Weight {
		T::DbWeight::get().writes(1)
	}
}
