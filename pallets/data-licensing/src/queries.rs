//! What the runtime API asks: the data custodian's check of a licensee's access, and what came
//! of a cohort's data (outcomes, insights).

use super::*;
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

/// How many numbers a most-recent-first listing looks at per result asked for: withdrawn
/// outcomes and removed insights leave gaps, and a listing reads a bounded number of entries.
const SCAN_PER_RESULT: u32 = 4;

impl<T: Config> Pallet<T> {
	/// Until when `licensee` may access `dataset` for `purpose`, if a grant is live now.
	pub fn live_grant(
		dataset: DatasetId,
		licensee: &T::AccountId,
		purpose: Purpose,
	) -> Option<BlockNumberFor<T>> {
		Grants::<T>::get((dataset, licensee, purpose))
			.filter(|grant| grant.is_live(Self::now()))
			.map(|grant| grant.expires_at)
	}

	/// The outcomes reported under the licence `request`, oldest first (at most
	/// `MaxOutcomesPerGrant`).
	pub fn licence_outcomes(cohort: CohortId, request: RequestId) -> Vec<(u32, OutcomeOf<T>)> {
		LicenceOutcomes::<T>::get(request)
			.into_iter()
			.filter_map(|n| Outcomes::<T>::get(cohort, n).map(|o| (n, o)))
			.collect()
	}

	/// `cohort`'s outcomes, most recent first, at most `max` (looking at no more than
	/// `4 × max` numbers).
	pub fn recent_outcomes(cohort: CohortId, max: u32) -> Vec<(u32, OutcomeOf<T>)> {
		Self::most_recent(NextOutcome::<T>::get(cohort), max, |n| Outcomes::<T>::get(cohort, n))
	}

	/// `cohort`'s insights, most recent first, at most `max` (looking at no more than
	/// `4 × max` numbers).
	pub fn recent_insights(cohort: CohortId, max: u32) -> Vec<(u32, InsightOf<T>)> {
		Self::most_recent(NextInsight::<T>::get(cohort), max, |n| Insights::<T>::get(cohort, n))
	}

	/// The entries numbered below `next` that `get` finds, most recent first, at most `max`.
	fn most_recent<V>(next: u32, max: u32, get: impl Fn(u32) -> Option<V>) -> Vec<(u32, V)> {
		let scanned = max.saturating_mul(SCAN_PER_RESULT);
		let oldest = next.saturating_sub(scanned);
		(oldest..next)
			.rev()
			.filter_map(|n| get(n).map(|v| (n, v)))
			.take(max as usize)
			.collect()
	}
}
