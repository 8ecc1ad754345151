//! Read-only answers for the runtime API: nothing here writes.

use crate::*;

impl<T: Config> Pallet<T> {
	/// `cohort`'s record (settings, condition, status, accepted issuers), if it exists.
	pub fn cohort_record(cohort: CohortId) -> Option<CohortOf<T>> {
		Registry::<T>::get(cohort)
	}
}
