//! # CohortApi
//!
//! The runtime API through which clients (Polkadot.js, the `cohort_*` JSON-RPC methods) and
//! the off-chain data custodian ask Cohort what they need without scanning storage. Every
//! answer is computed from a bounded number of storage reads.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use cohort_primitives::{
	CohortId, Consent, DatasetId, MemberStatus, Nullifier, OutcomeKind, ProposalId, Purpose,
	RequestId, RevenueSplit, VotingParams, PURPOSES,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// A cohort's settings and counts.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct CohortSummary<AccountId, Balance, BlockNumber> {
	/// Display name (UTF-8).
	pub name: Vec<u8>,
	/// The condition code (ASCII), e.g. `U09.9`.
	pub condition_code: Vec<u8>,
	/// Whether the council froze it.
	pub frozen: bool,
	/// The trustees' account of a data trust; `None` otherwise.
	pub trustees: Option<AccountId>,
	/// The operator's account of a private-business cohort; `None` otherwise.
	pub operator: Option<AccountId>,
	/// How licence revenue is divided.
	pub revenue_split: RevenueSplit,
	/// The fewest consenting members a licence needs.
	pub k_anonymity_floor: u32,
	/// How it votes.
	pub voting: VotingParams<BlockNumber>,
	/// Its treasury account and balance.
	pub treasury: AccountId,
	/// The treasury's balance.
	pub treasury_balance: Balance,
	/// Active members.
	pub active_members: u32,
	/// Suspended members.
	pub suspended_members: u32,
	/// Active members with data consenting to each purpose, themselves or through the
	/// trustees, in the order of [`Purpose::ALL`]: what the k-anonymity floor counts.
	pub consenting_members: [u32; PURPOSES],
	/// Active members with data who left their consent to the trustees.
	pub delegating_members: u32,
	/// The consent the trustees set for them.
	pub trustee_consent: Consent,
	/// Open proposals.
	pub open_proposals: u32,
}

/// An account's membership of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct MembershipSummary<BlockNumber> {
	/// Active, suspended or left.
	pub status: MemberStatus,
	/// The person (nullifier).
	pub person: Nullifier,
	/// The purposes the member counts as consenting to: their own, or the trustees' if they
	/// left it to them.
	pub consent: Consent,
	/// Whether the trustees decide the member's consent.
	pub delegated: bool,
	/// Contribution units.
	pub units: u64,
	/// When the attestation in force expires.
	pub expires_at: BlockNumber,
}

/// A proposal's standing.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ProposalSummary<AccountId, BlockNumber> {
	/// The cohort deciding.
	pub cohort: CohortId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// Votes for.
	pub ayes: u64,
	/// Votes against.
	pub nays: u64,
	/// Distinct voters.
	pub voters: u32,
	/// How many voters the quorum needs now (from the active members now).
	pub quorum: u32,
	/// The first block at which votes are no longer taken and `close` may be called.
	pub ends_at: BlockNumber,
}

/// A licence whose revenue paid a member: "who used my data".
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct LicenceUse<AccountId, Balance, BlockNumber> {
	/// The approved request.
	pub request: RequestId,
	/// Who licensed the data.
	pub licensee: AccountId,
	/// Which dataset.
	pub dataset: DatasetId,
	/// For what purpose.
	pub purpose: Purpose,
	/// What the members' pool received (shared by units).
	pub members_share: Balance,
	/// When.
	pub at: BlockNumber,
}

/// An outcome a licensee reported under a licence.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct OutcomeReport<AccountId, BlockNumber> {
	/// Its number in the cohort.
	pub number: u32,
	/// The licence (approved request) it was reported under.
	pub request: RequestId,
	pub licensee: AccountId,
	pub dataset: DatasetId,
	pub purpose: Purpose,
	pub kind: OutcomeKind,
	/// The hash of its document, published off chain.
	pub outcome_hash: H256,
	pub at: BlockNumber,
}

/// A health insight a cohort published for its members.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct InsightReport<BlockNumber> {
	/// Its number in the cohort.
	pub number: u32,
	/// The hash of the summary.
	pub insight_hash: H256,
	/// Where members fetch it (encrypted to them).
	pub locator: Vec<u8>,
	pub at: BlockNumber,
}

/// A licence that paid a donor, with the outcomes reported under it.
pub type LicenceWithOutcomes<AccountId, Balance, BlockNumber> =
	(LicenceUse<AccountId, Balance, BlockNumber>, Vec<OutcomeReport<AccountId, BlockNumber>>);

/// What came of a donor's data: the licences that paid them, each with the outcomes reported
/// under it, and their cohort's health insights.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct DataFeedback<AccountId, Balance, BlockNumber> {
	/// Most recent first.
	pub licences: Vec<LicenceWithOutcomes<AccountId, Balance, BlockNumber>>,
	/// Most recent first.
	pub insights: Vec<InsightReport<BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// What clients and the data custodian ask Cohort.
	pub trait CohortApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A cohort's settings and counts.
		fn cohort(cohort: CohortId) -> Option<CohortSummary<AccountId, Balance, BlockNumber>>;
		/// `account`'s membership of `cohort`.
		fn membership(cohort: CohortId, account: AccountId) -> Option<MembershipSummary<BlockNumber>>;
		/// The voice credits `account`'s person has left in `cohort` this epoch (`None` unless
		/// an active member).
		fn voice_credits(cohort: CohortId, account: AccountId) -> Option<u32>;
		/// A proposal's tally, quorum and end.
		fn proposal(proposal: ProposalId) -> Option<ProposalSummary<AccountId, BlockNumber>>;
		/// What `account` can claim in `cohort`, per purpose.
		fn pending_royalties(cohort: CohortId, account: AccountId) -> Vec<(Purpose, Balance)>;
		/// The live grants `licensee` holds to `dataset`: purpose and the block access ends.
		/// For the data custodian.
		fn live_grants(dataset: DatasetId, licensee: AccountId) -> Vec<(Purpose, BlockNumber)>;
		/// The licences whose revenue paid `account` in `cohort`, most recent first, at most
		/// `max` (and at most what the pools keep).
		fn licences_paying(
			cohort: CohortId,
			account: AccountId,
			max: u32,
		) -> Vec<LicenceUse<AccountId, Balance, BlockNumber>>;
		/// What came of `account`'s data in `cohort`: the licences that paid them (at most
		/// `max`, most recent first) with the outcomes reported under each, and the cohort's
		/// insights (at most `max`, most recent first).
		fn what_came_of_my_data(
			cohort: CohortId,
			account: AccountId,
			max: u32,
		) -> DataFeedback<AccountId, Balance, BlockNumber>;
		/// Every outcome of every grant of `cohort`, most recent first, at most `max`.
		fn cohort_outcomes(cohort: CohortId, max: u32) -> Vec<OutcomeReport<AccountId, BlockNumber>>;
	}
}
