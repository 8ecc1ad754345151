//! The `do_*` functions behind the calls, and the helpers they share. The calls in `lib.rs`
//! check the origin and hand over here.

use crate::*;
use codec::{DecodeLimit, Encode};
use cohort_primitives::{CohortVoting, CohortsInspect, MembershipInspect};
use frame_support::{
	dispatch::{extract_actual_weight, DispatchResultWithPostInfo, GetDispatchInfo},
	ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{Convert, Dispatchable, Saturating, Zero},
	DispatchError, DispatchResult,
};

/// How deeply a stored call may nest when decoded (as in pallet-scheduler).
const CALL_DECODE_DEPTH_LIMIT: u32 = 256;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_propose(
		who: T::AccountId,
		cohort: CohortId,
		call: <T as Config>::RuntimeCall,
		description_hash: H256,
	) -> Result<ProposalId, DispatchError> {
		let params = T::Cohorts::voting_params(cohort).ok_or(Error::<T>::UnknownCohort)?;
		ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortFrozen);
		let person = Self::active_person(cohort, &who)?;
		let (encoded, call_weight) = Self::checked_call(&call)?;
		let open = OpenProposals::<T>::get(cohort);
		ensure!(open < T::MaxOpenProposals::get(), Error::<T>::TooManyOpenProposals);
		let mut open_of_person = OpenProposalsOf::<T>::get(cohort, person);
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::ProposalIdOverflow)?;

		open_of_person.try_push(id).map_err(|_| Error::<T>::TooManyProposalsOfPerson)?;
		let deposit = Self::deposit_for(encoded.len());
		T::Currency::hold(&HoldReason::ProposalDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;

		let ends_at = Self::now().saturating_add(params.voting_period);
		let proposal = Proposal {
			cohort,
			proposer: who.clone(),
			proposer_person: person,
			call: encoded,
			call_weight,
			description_hash,
			deposit,
			ends_at,
			tally: Tally::default(),
		};
		Proposals::<T>::insert(id, proposal);
		OpenProposals::<T>::insert(cohort, open.saturating_add(1));
		OpenProposalsOf::<T>::insert(cohort, person, open_of_person);
		NextProposalId::<T>::put(next);
		Self::deposit_event(Event::Proposed {
			proposal: id,
			cohort,
			proposer: who,
			description_hash,
			ends_at,
			deposit,
		});
		Ok(id)
	}

	/// Returns what the vote had to look up, which decides what it weighs.
	pub(crate) fn do_vote(
		who: T::AccountId,
		id: ProposalId,
		choice: Choice,
		votes: u32,
	) -> Result<VoteLookups, DispatchError> {
		let mut proposal = Self::open_proposal(id)?;
		ensure!(!votes.is_zero(), Error::<T>::ZeroVotes);
		let cohort = proposal.cohort;
		let person = Self::active_person(cohort, &who)?;
		let (mut voter, lookup) = Self::current_voter(cohort, &person)?;

		// Changing a vote: the old one leaves the tally and its credits come back first.
		if let Some((old, _)) = voter.take_vote(id) {
			proposal.tally.remove(old.choice, old.votes);
		}
		let cost = credits_for(votes).ok_or(Error::<T>::InsufficientCredits)?;
		ensure!(cost <= voter.credits_left(), Error::<T>::InsufficientCredits);
		let pruned = voter.votes.is_full();
		if pruned {
			// Room is needed: forget votes on proposals that have closed since.
			voter.prune(Proposals::<T>::contains_key);
		}
		let vote = CastVote { proposal: id, choice, votes, epoch: voter.epoch };
		voter.record(vote, cost).map_err(|_| Error::<T>::TooManyLiveVotes)?;
		proposal.tally.add(choice, votes);

		let credits_left = voter.credits_left();
		Voters::<T>::insert(cohort, person, voter);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Voted {
			proposal: id,
			voter: who,
			choice,
			votes,
			cost,
			credits_left,
		});
		Ok(VoteLookups { pruned, epoch: lookup })
	}

	pub(crate) fn do_remove_vote(who: T::AccountId, id: ProposalId) -> DispatchResult {
		let mut proposal = Self::open_proposal(id)?;
		let cohort = proposal.cohort;
		let person = Self::active_person(cohort, &who)?;
		let (mut voter, _) = Self::current_voter(cohort, &person)?;
		let (old, refunded) = voter.take_vote(id).ok_or(Error::<T>::NoVote)?;
		proposal.tally.remove(old.choice, old.votes);
		Voters::<T>::insert(cohort, person, voter);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::VoteRemoved { proposal: id, voter: who, refunded });
		Ok(())
	}

	pub(crate) fn do_close(id: ProposalId) -> DispatchResultWithPostInfo {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(!proposal.voting_open(&Self::now()), Error::<T>::VotingOpen);
		let cohort = proposal.cohort;
		// The quorum and the tally would still count a withdrawn issuer's members.
		ensure!(!T::Membership::sweeping(cohort), Error::<T>::SweepUnderway);
		let quorum = Self::quorum(cohort).ok_or(Error::<T>::UnknownCohort)?;
		let tally = proposal.tally;
		Self::remove_proposal(id, &proposal);

		let (outcome, weight) = if tally.reaches(quorum) {
			Self::release_deposit(&proposal)?;
			Self::decide(&proposal)
		} else {
			Self::settle_missed_quorum(id, &proposal)?
		};
		Self::deposit_event(Event::Closed { proposal: id, cohort, tally, quorum, outcome });
		Ok(Some(weight).into())
	}

	pub(crate) fn do_cancel(id: ProposalId) -> DispatchResult {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		Self::remove_proposal(id, &proposal);
		// The council cancels what should never have been proposed: the proposer pays for it.
		Self::forfeit_deposit(&proposal)?;
		Self::deposit_event(Event::Cancelled { proposal: id, cohort: proposal.cohort });
		Ok(())
	}

	pub(crate) fn do_withdraw(who: T::AccountId, id: ProposalId) -> DispatchResult {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.proposer == who, Error::<T>::NotProposer);
		ensure!(proposal.tally.voters == 0, Error::<T>::HasVotes);
		Self::remove_proposal(id, &proposal);
		Self::release_deposit(&proposal)?;
		Self::deposit_event(Event::Withdrawn { proposal: id, cohort: proposal.cohort });
		Ok(())
	}

	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	fn active_person(cohort: CohortId, who: &T::AccountId) -> Result<Nullifier, DispatchError> {
		T::Membership::active_person(cohort, who).ok_or_else(|| Error::<T>::NotActiveMember.into())
	}

	/// The proposal `id`, if it still takes votes.
	fn open_proposal(id: ProposalId) -> Result<ProposalOf<T>, DispatchError> {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.voting_open(&Self::now()), Error::<T>::VotingEnded);
		Ok(proposal)
	}

	/// `call` encoded within `MaxCallSize`, and its weight, within `MaxCallWeight`.
	pub(crate) fn checked_call(
		call: &<T as Config>::RuntimeCall,
	) -> Result<(BoundedVec<u8, T::MaxCallSize>, Weight), DispatchError> {
		let encoded: BoundedVec<u8, T::MaxCallSize> =
			call.encode().try_into().map_err(|_| Error::<T>::CallTooLarge)?;
		let call_weight = call.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::CallTooHeavy);
		Ok((encoded, call_weight))
	}

	/// The deposit for a proposal whose call is `length` bytes long.
	fn deposit_for(length: usize) -> BalanceOf<T> {
		// The call is at most `MaxCallSize` (a `u32`) long, so this never saturates.
		let length: BalanceOf<T> = u32::try_from(length).unwrap_or(u32::MAX).into();
		T::ProposalDepositBase::get()
			.saturating_add(T::ProposalDepositPerByte::get().saturating_mul(length))
	}

	/// `person`'s ledger in `cohort`, with the credits of the current epoch granted if the
	/// ledger was for an earlier one.
	pub(crate) fn current_voter(
		cohort: CohortId,
		person: &Nullifier,
	) -> Result<(VoterOf<T>, EpochLookup), DispatchError> {
		let now = Self::now();
		match Voters::<T>::get(cohort, person) {
			// Most votes: the ledger's epoch still runs, so the cohort's record is not read.
			Some(voter) if voter.in_epoch(&now) => Ok((voter, EpochLookup::Skipped)),
			stored => {
				let params = T::Cohorts::voting_params(cohort).ok_or(Error::<T>::UnknownCohort)?;
				let (epoch, ends_at) = params.epoch_at(now);
				let granted = params.voice_credits_per_epoch;
				let mut voter = stored.unwrap_or_else(|| Voter::new(epoch, ends_at, granted));
				voter.roll_to(epoch, ends_at, granted);
				Ok((voter, EpochLookup::Done))
			},
		}
	}

	fn release_deposit(proposal: &ProposalOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::ProposalDeposit.into(),
			&proposal.proposer,
			proposal.deposit,
			Precision::BestEffort,
		)
		.map(|_| ())
	}

	/// Moves open proposal `id` and its held deposit from `old` to `new` (a rotation).
	pub(crate) fn hand_proposal_over(
		id: ProposalId,
		old: &T::AccountId,
		new: &T::AccountId,
	) -> DispatchResult {
		Proposals::<T>::try_mutate(id, |proposal| -> DispatchResult {
			let proposal = proposal.as_mut().ok_or(Error::<T>::UnknownProposal)?;
			T::Currency::transfer_on_hold(
				&HoldReason::ProposalDeposit.into(),
				old,
				new,
				proposal.deposit,
				Precision::Exact,
				Restriction::OnHold,
				Fortitude::Force,
			)?;
			proposal.proposer = new.clone();
			Ok(())
		})
	}

	/// Pays the proposal's deposit to its cohort's treasury.
	fn forfeit_deposit(proposal: &ProposalOf<T>) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&HoldReason::ProposalDeposit.into(),
			&proposal.proposer,
			&T::Cohorts::treasury_account(proposal.cohort),
			proposal.deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.map(|_| ())
	}

	/// Removes an open proposal and its counts.
	fn remove_proposal(id: ProposalId, proposal: &ProposalOf<T>) {
		Proposals::<T>::remove(id);
		OpenProposals::<T>::mutate(proposal.cohort, |open| *open = open.saturating_sub(1));
		let person = proposal.proposer_person;
		OpenProposalsOf::<T>::mutate_exists(proposal.cohort, person, |open| {
			if let Some(ids) = open {
				ids.retain(|open_id| *open_id != id);
			}
			open.take_if(|ids| ids.is_empty());
		});
	}

	/// The outcome of a proposal that reached its quorum: dispatched if approved. Returns the
	/// weight `close` used.
	fn decide(proposal: &ProposalOf<T>) -> (Outcome, Weight) {
		if proposal.tally.approves() {
			let (result, used) = Self::dispatch(proposal);
			(Outcome::Passed { result }, T::WeightInfo::close_passed().saturating_add(used))
		} else {
			(Outcome::Rejected, T::WeightInfo::close_passed())
		}
	}

	/// Settles the deposit of a proposal that missed its quorum: forfeited to the cohort
	/// treasury if no one but the proposer voted (spam), returned otherwise.
	fn settle_missed_quorum(
		id: ProposalId,
		proposal: &ProposalOf<T>,
	) -> Result<(Outcome, Weight), DispatchError> {
		let proposer_voted = Voters::<T>::get(proposal.cohort, proposal.proposer_person)
			.is_some_and(|voter| voter.has_vote_on(id));
		let forfeited = proposal.tally.only_proposer(proposer_voted);
		if forfeited {
			Self::forfeit_deposit(proposal)?;
		} else {
			Self::release_deposit(proposal)?;
		}
		let outcome = Outcome::QuorumNotReached { deposit_forfeited: forfeited };
		Ok((outcome, T::WeightInfo::close_forfeited()))
	}

	/// Dispatches a passed proposal's call with its cohort's `Members` origin; returns the
	/// result and the weight the call used.
	fn dispatch(proposal: &ProposalOf<T>) -> (DispatchResult, Weight) {
		if !T::Cohorts::is_active(proposal.cohort) {
			return (Err(Error::<T>::CohortFrozen.into()), Weight::zero());
		}
		let Ok(call) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
			CALL_DECODE_DEPTH_LIMIT,
			&mut &proposal.call[..],
		) else {
			return (Err(Error::<T>::CallUndecodable.into()), Weight::zero());
		};
		let info = call.get_dispatch_info();
		if !info.call_weight.all_lte(T::MaxCallWeight::get()) {
			return (Err(Error::<T>::CallTooHeavy.into()), Weight::zero());
		}
		let outcome = call.dispatch(T::MembersOriginBuilder::convert(proposal.cohort));
		let used = extract_actual_weight(&outcome, &info);
		(outcome.map(|_| ()).map_err(|e| e.error), used)
	}
}
