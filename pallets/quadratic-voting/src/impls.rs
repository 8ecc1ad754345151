//! What other pallets call: the [`OnMembershipChange`] subscriber through which membership
//! tells voting that a member was suspended or left.

use crate::*;
use cohort_primitives::{Consent, MembershipChange, OnMembershipChange};
use frame_support::weights::Weight;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Takes `person`'s live votes out of the tallies (suspension or departure). Their credits
	/// spent in the ledger's epoch come back, as with `remove_vote`.
	pub(crate) fn drop_votes(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		let Some(mut voter) = Voters::<T>::get(cohort, person) else { return Ok(()) };
		let mut dropped: u32 = 0;
		for vote in core::mem::take(&mut voter.votes) {
			let Some(mut proposal) = Proposals::<T>::get(vote.proposal) else {
				// Stale: the proposal has closed; its credits stay spent.
				continue;
			};
			proposal.tally.remove(vote.choice, vote.votes);
			Proposals::<T>::insert(vote.proposal, proposal);
			voter.refund(&vote);
			dropped = dropped.saturating_add(1);
		}
		Voters::<T>::insert(cohort, person, voter);
		if dropped > 0 {
			Self::deposit_event(Event::VotesDropped {
				cohort,
				person: *person,
				proposals: dropped,
			});
		}
		Ok(())
	}
}

impl<T: Config> OnMembershipChange<T::AccountId> for Pallet<T> {
	fn on_joined(_: CohortId, _: &Nullifier, _: &T::AccountId, _: u64) -> DispatchResult {
		Ok(())
	}
	fn on_suspended(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		Self::drop_votes(cohort, person)
	}
	fn on_restored(_: CohortId, _: &Nullifier) -> DispatchResult {
		Ok(())
	}
	fn on_left(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		Self::drop_votes(cohort, person)?;
		// The membership deposit that covered the ledger is released: the ledger goes too. A
		// returning person starts a fresh ledger (their live votes were refunded above anyway).
		Voters::<T>::remove(cohort, person);
		Ok(())
	}
	fn on_rotated(
		cohort: CohortId,
		person: &Nullifier,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> DispatchResult {
		// Ledgers are keyed by person: the new key finds the same credits and votes. Open
		// proposals (at most `MaxOpenProposalsPerPerson`) move with their deposits, so that the
		// new key can withdraw them and the deposit never returns to the lost one.
		for id in OpenProposalsOf::<T>::get(cohort, person) {
			Self::hand_proposal_over(id, old, new)?;
		}
		Ok(())
	}
	fn on_consent_changed(_: CohortId, _: &Nullifier, _: Consent, _: Consent) -> DispatchResult {
		Ok(())
	}
	fn on_units_changed(_: CohortId, _: &Nullifier, _: u64, _: u64) -> DispatchResult {
		Ok(())
	}
	fn weight(change: MembershipChange) -> Weight {
		match change {
			MembershipChange::Suspended | MembershipChange::Left => T::WeightInfo::drop_votes(),
			MembershipChange::Rotated => T::WeightInfo::hand_proposals_over(),
			_ => Weight::zero(),
		}
	}
}
