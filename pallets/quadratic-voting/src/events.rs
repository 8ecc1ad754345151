//! The pallet's events and errors: what it tells and what it refuses (a section of the pallet
//! module in `lib.rs`).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A member proposed a call.
		Proposed {
			/// The new proposal.
			proposal: ProposalId,
			/// The cohort that decides.
			cohort: CohortId,
			/// Who proposed it.
			proposer: T::AccountId,
			/// Hash of its description.
			description_hash: H256,
			/// The first block at which votes are no longer taken.
			ends_at: BlockNumberFor<T>,
			/// The deposit held on the proposer.
			deposit: BalanceOf<T>,
		},
		/// A member voted (or changed their vote).
		Voted {
			/// The proposal.
			proposal: ProposalId,
			/// The member's account.
			voter: T::AccountId,
			/// Which way.
			choice: Choice,
			/// How many votes.
			votes: u32,
			/// What they cost, in voice credits.
			cost: u32,
			/// The member's credits left in this epoch.
			credits_left: u32,
		},
		/// A member removed their vote.
		VoteRemoved {
			/// The proposal.
			proposal: ProposalId,
			/// The member's account.
			voter: T::AccountId,
			/// Credits given back to this epoch (zero if cast in an earlier epoch).
			refunded: u32,
		},
		/// A suspended or departed member's live votes left the tallies.
		VotesDropped {
			/// The cohort.
			cohort: CohortId,
			/// The person.
			person: Nullifier,
			/// On how many proposals.
			proposals: u32,
		},
		/// A proposal was closed after its voting period.
		Closed {
			/// The proposal.
			proposal: ProposalId,
			/// Its cohort.
			cohort: CohortId,
			/// The final tally.
			tally: Tally,
			/// How many voters the quorum required.
			quorum: u32,
			/// Passed (with the dispatch result), rejected, or quorum not reached.
			outcome: Outcome,
		},
		/// The council cancelled a proposal; its deposit went to the cohort treasury.
		Cancelled {
			/// The proposal.
			proposal: ProposalId,
			/// Its cohort.
			cohort: CohortId,
		},
		/// The proposer withdrew a proposal nobody had voted on; the deposit was returned.
		Withdrawn {
			/// The proposal.
			proposal: ProposalId,
			/// Its cohort.
			cohort: CohortId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cohort does not exist.
		UnknownCohort,
		/// The cohort is frozen: it takes no proposals, and passed proposals are not
		/// dispatched.
		CohortFrozen,
		/// The account holds no active membership of the cohort.
		NotActiveMember,
		/// The encoded call is longer than `MaxCallSize`.
		CallTooLarge,
		/// The call weighs more than `MaxCallWeight`.
		CallTooHeavy,
		/// The stored call no longer decodes (the runtime changed since it was proposed).
		CallUndecodable,
		/// The cohort has `MaxOpenProposals` open proposals: close or withdraw one first.
		TooManyOpenProposals,
		/// The proposer already has `MaxOpenProposalsPerPerson` open proposals in the cohort.
		TooManyProposalsOfPerson,
		/// The proposer cannot pay the deposit.
		InsufficientDeposit,
		/// No open proposal has this id.
		UnknownProposal,
		/// The voting period is over.
		VotingEnded,
		/// The voting period is not over yet.
		VotingOpen,
		/// Memberships of a withdrawn issuer are still being suspended in this cohort and
		/// still count; try again in a few blocks, once they are out.
		SweepUnderway,
		/// Zero votes: use `remove_vote` to take a vote back.
		ZeroVotes,
		/// The votes cost more credits than are left in this epoch.
		InsufficientCredits,
		/// The person holds `MaxLiveVotes` live votes: remove one, or wait for proposals to
		/// close.
		TooManyLiveVotes,
		/// The person has no vote on this proposal.
		NoVote,
		/// Only the proposer may withdraw a proposal.
		NotProposer,
		/// The proposal has votes: it can no longer be withdrawn.
		HasVotes,
		/// No more proposal ids.
		ProposalIdOverflow,
	}
}
