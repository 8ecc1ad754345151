//! What other pallets ask this pallet.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The person behind `account`'s active membership of `cohort`.
	pub fn active_person_of(cohort: CohortId, account: &T::AccountId) -> Option<Nullifier> {
		<Self as MembershipInspect<T::AccountId>>::active_person(cohort, account)
	}
}

impl<T: Config> MembershipInspect<T::AccountId> for Pallet<T> {
	fn active_person(cohort: CohortId, account: &T::AccountId) -> Option<Nullifier> {
		let person = PersonOf::<T>::get(cohort, account)?;
		let record = Memberships::<T>::get(cohort, person)?;
		// `on_initialize` suspends an expired membership as its expiry block starts; should
		// that have failed, the expiry still counts here.
		let current = record.status == MemberStatus::Active && record.expires_at > Self::now();
		current.then_some(person)
	}

	fn active_members(cohort: CohortId) -> u32 {
		Stats::<T>::get(cohort).active
	}

	fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32 {
		Stats::<T>::get(cohort).consenting_to(purpose)
	}
}
