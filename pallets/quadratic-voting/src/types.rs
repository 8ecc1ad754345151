//! The types of proposals, tallies and voters' ledgers.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
pub use cohort_primitives::ProposalId;
use cohort_primitives::{CohortId, Nullifier};
use core::fmt::Debug;
use frame_support::{
	traits::Get, weights::Weight, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::DispatchResult;

/// Which way a vote goes.
#[derive(
	Debug,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Choice {
	/// For the proposal.
	Aye,
	/// Against the proposal.
	Nay,
}

/// The votes behind a proposal so far.
#[derive(
	Debug,
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally {
	/// Votes for (not credits: a person casting `v` votes adds `v`).
	pub ayes: u64,
	/// Votes against.
	pub nays: u64,
	/// How many persons have a live vote on it.
	pub voters: u32,
}

impl Tally {
	/// Adds one person's `votes` for `choice`.
	pub fn add(&mut self, choice: Choice, votes: u32) {
		match choice {
			Choice::Aye => self.ayes = self.ayes.saturating_add(votes.into()),
			Choice::Nay => self.nays = self.nays.saturating_add(votes.into()),
		}
		self.voters = self.voters.saturating_add(1);
	}

	/// Takes one person's `votes` for `choice` away again.
	pub fn remove(&mut self, choice: Choice, votes: u32) {
		match choice {
			Choice::Aye => self.ayes = self.ayes.saturating_sub(votes.into()),
			Choice::Nay => self.nays = self.nays.saturating_sub(votes.into()),
		}
		self.voters = self.voters.saturating_sub(1);
	}

	/// Whether at least `quorum` persons voted.
	pub fn reaches(&self, quorum: u32) -> bool {
		self.voters >= quorum
	}

	/// Whether more votes are for than against: a tie rejects.
	pub fn approves(&self) -> bool {
		self.ayes > self.nays
	}

	/// Whether no one but the proposer voted, given whether the proposer has a live vote: the
	/// case in which a proposal that missed its quorum forfeits its deposit.
	pub fn only_proposer(&self, proposer_voted: bool) -> bool {
		self.voters == 0 || (self.voters == 1 && proposer_voted)
	}
}

/// A proposal open for votes (or waiting to be closed).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxCallSize))]
pub struct Proposal<
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxCallSize: Get<u32>,
> {
	/// The cohort that decides, and in whose name the call is dispatched.
	pub cohort: CohortId,
	/// The account that proposed it and holds its deposit.
	pub proposer: AccountId,
	/// The person who proposed it.
	pub proposer_person: Nullifier,
	/// The SCALE-encoded call dispatched if it passes.
	pub call: BoundedVec<u8, MaxCallSize>,
	/// The call's weight when proposed: what voters see it costing.
	pub call_weight: Weight,
	/// Hash of the description (e.g. the study's protocol), published off chain.
	pub description_hash: H256,
	/// The deposit held on the proposer.
	pub deposit: Balance,
	/// The first block at which votes are no longer taken and `close` may be called.
	pub ends_at: BlockNumber,
	/// The live votes.
	pub tally: Tally,
}

impl<AccountId, Balance, BlockNumber, MaxCallSize>
	Proposal<AccountId, Balance, BlockNumber, MaxCallSize>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug + PartialOrd,
	MaxCallSize: Get<u32>,
{
	/// Whether votes are still taken at block `now`.
	pub fn voting_open(&self, now: &BlockNumber) -> bool {
		*now < self.ends_at
	}
}

/// One live vote of a person.
#[derive(
	Debug,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CastVote<BlockNumber> {
	/// The proposal.
	pub proposal: ProposalId,
	/// Which way.
	pub choice: Choice,
	/// How many votes; they cost `votes²` credits.
	pub votes: u32,
	/// The credit epoch the credits were spent in: a refund goes back to that epoch only.
	pub epoch: BlockNumber,
}

impl<BlockNumber> CastVote<BlockNumber> {
	/// What the vote cost, in voice credits.
	pub fn cost(&self) -> u32 {
		credits_for(self.votes).unwrap_or(u32::MAX)
	}
}

/// The voice credits `votes` votes cost: `votes²`, if that fits.
pub fn credits_for(votes: u32) -> Option<u32> {
	votes.checked_mul(votes)
}

/// A person's voice credits in a cohort, and their live votes. Keyed by person, not account:
/// a rotated key finds the same ledger, with the same credits spent.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxLiveVotes))]
pub struct Voter<BlockNumber: Clone + PartialEq + Eq + Debug, MaxLiveVotes: Get<u32>> {
	/// The credit epoch `granted` and `spent` refer to.
	pub epoch: BlockNumber,
	/// The first block after that epoch. Until then a vote needs not look the cohort's voting
	/// params up: a change to them applies to each ledger from its next epoch on.
	pub epoch_ends_at: BlockNumber,
	/// Credits granted for that epoch (the cohort's credits per epoch at the first vote in it).
	pub granted: u32,
	/// Credits spent in that epoch, net of refunds.
	pub spent: u32,
	/// Votes on proposals that were open when cast. Votes on proposals closed since are stale
	/// and are pruned when room is needed.
	pub votes: BoundedVec<CastVote<BlockNumber>, MaxLiveVotes>,
}

impl<BlockNumber: Clone + PartialEq + Eq + Debug, MaxLiveVotes: Get<u32>>
	Voter<BlockNumber, MaxLiveVotes>
{
	/// A ledger for `epoch`, which ends at `epoch_ends_at`, with `granted` credits, nothing
	/// spent and no votes.
	pub fn new(epoch: BlockNumber, epoch_ends_at: BlockNumber, granted: u32) -> Self {
		Self { epoch, epoch_ends_at, granted, spent: 0, votes: BoundedVec::new() }
	}

	/// Whether the ledger's epoch still runs at block `now`.
	pub fn in_epoch(&self, now: &BlockNumber) -> bool
	where
		BlockNumber: PartialOrd,
	{
		*now < self.epoch_ends_at
	}

	/// Moves the ledger to `epoch`, which ends at `epoch_ends_at`: if it was for another one,
	/// `granted` credits are granted afresh and nothing is spent yet. The votes stay (they
	/// remember their own epoch).
	pub fn roll_to(&mut self, epoch: BlockNumber, epoch_ends_at: BlockNumber, granted: u32) {
		self.epoch_ends_at = epoch_ends_at;
		if self.epoch != epoch {
			self.epoch = epoch;
			self.granted = granted;
			self.spent = 0;
		}
	}

	/// Credits left in the epoch.
	pub fn credits_left(&self) -> u32 {
		self.granted.saturating_sub(self.spent)
	}

	/// Whether the ledger holds a vote on `proposal`.
	pub fn has_vote_on(&self, proposal: ProposalId) -> bool {
		self.votes.iter().any(|v| v.proposal == proposal)
	}

	/// Takes the vote on `proposal` out of the ledger and refunds it (see [`Self::refund`]);
	/// returns the vote and the credits given back.
	pub fn take_vote(&mut self, proposal: ProposalId) -> Option<(CastVote<BlockNumber>, u32)> {
		let position = self.votes.iter().position(|v| v.proposal == proposal)?;
		let vote = self.votes.remove(position);
		let refunded = self.refund(&vote);
		Some((vote, refunded))
	}

	/// Takes `vote`'s cost out of the credits spent, if it was paid in the ledger's epoch;
	/// returns the credits given back. Credits of an earlier epoch do not carry over.
	pub fn refund(&mut self, vote: &CastVote<BlockNumber>) -> u32 {
		if vote.epoch != self.epoch {
			return 0;
		}
		let refund = vote.cost().min(self.spent);
		self.spent = self.spent.saturating_sub(refund);
		refund
	}

	/// Forgets the votes on proposals `is_open` says are closed.
	pub fn prune(&mut self, is_open: impl Fn(ProposalId) -> bool) {
		self.votes.retain(|v| is_open(v.proposal));
	}

	/// Records `vote`, paid with `cost` credits of the ledger's epoch; gives the vote back if
	/// the ledger is full. The caller checks that `cost` is within the credits left.
	pub fn record(
		&mut self,
		vote: CastVote<BlockNumber>,
		cost: u32,
	) -> Result<(), CastVote<BlockNumber>> {
		self.votes.try_push(vote)?;
		self.spent = self.spent.saturating_add(cost);
		Ok(())
	}
}

/// How a closed proposal ended.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum Outcome {
	/// Quorum reached and more ayes than nays: the call was dispatched with the cohort's
	/// `Members` origin; this is its result. The deposit was returned.
	Passed {
		/// The dispatch result of the call.
		result: DispatchResult,
	},
	/// Quorum reached, but no more ayes than nays (a tie rejects). The deposit was returned.
	Rejected,
	/// Too few persons voted.
	QuorumNotReached {
		/// Whether the deposit went to the cohort treasury because no one but the proposer
		/// voted; otherwise it was returned.
		deposit_forfeited: bool,
	},
}

/// Whether a vote had to read the cohort's voting params for the voter's ledger: only for a
/// new ledger or one whose epoch has ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpochLookup {
	/// The ledger's epoch still ran.
	Skipped,
	/// The params were read and the ledger moved to the current epoch.
	Done,
}

/// What a vote had to look up beyond the proposal, the membership and the ledger: what it
/// weighs after dispatch follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoteLookups {
	/// Whether the ledger was full, so that its votes' proposals were read to prune them.
	pub pruned: bool,
	/// Whether the cohort's voting params were read.
	pub epoch: EpochLookup,
}
