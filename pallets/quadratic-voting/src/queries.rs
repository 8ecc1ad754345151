//! Read-only answers for the runtime API and other readers: nothing here writes.

use crate::*;
use cohort_primitives::{CohortVoting, MembershipInspect};

impl<T: Config> Pallet<T> {
	/// Voice credits `person` has left in `cohort` in the current epoch.
	pub fn credits_left(cohort: CohortId, person: &Nullifier) -> u32 {
		Self::current_voter(cohort, person).map_or(0, |(voter, _)| voter.credits_left())
	}

	/// The open proposal `id` (not yet closed, cancelled or withdrawn).
	pub fn proposal(id: ProposalId) -> Option<ProposalOf<T>> {
		Proposals::<T>::get(id)
	}

	/// How many proposals `cohort` has open.
	pub fn open_proposals(cohort: CohortId) -> u32 {
		OpenProposals::<T>::get(cohort)
	}

	/// How many voters a proposal of `cohort` needs if it closes now: the cohort's quorum of
	/// its active members, rounded up. `None` if the cohort does not exist.
	pub fn quorum(cohort: CohortId) -> Option<u32> {
		let params = T::Cohorts::voting_params(cohort)?;
		Some(params.quorum.mul_ceil(T::Membership::active_members(cohort)))
	}
}
