//! Read-only answers for the runtime API: nothing here writes.

use crate::*;

impl<T: Config> Pallet<T> {
	/// `account`'s membership of `cohort`, active or suspended (none once left), and the
	/// person behind it.
	pub fn membership(
		cohort: CohortId,
		account: &T::AccountId,
	) -> Option<(Nullifier, MembershipOf<T>)> {
		let person = PersonOf::<T>::get(cohort, account)?.person;
		Memberships::<T>::get(cohort, person).map(|record| (person, record))
	}

	/// `cohort`'s member counts.
	pub fn member_counts(cohort: CohortId) -> CohortStats {
		Stats::<T>::get(cohort)
	}

	/// The consent `cohort`'s trustees set for the members who left theirs to them.
	pub fn trustee_consent(cohort: CohortId) -> Consent {
		TrusteeConsent::<T>::get(cohort)
	}
}
