//! # Cohort primitives
//!
//! What Cohort's pallets share: the identifiers of cohorts and persons, the consent purposes,
//! and the small traits through which the pallets talk. Each pallet depends on these traits,
//! never on another pallet, so that each is tested alone with a mock; the runtime wires the
//! real implementations.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, One, Zero},
	DispatchError, Permill,
};

mod benchmarked_call;
mod membership;
#[cfg(test)]
mod tests;

pub use benchmarked_call::{BenchmarkedCall, Reported};
pub use membership::*;

/// Identifies a cohort. Assigned in order of creation.
pub type CohortId = u32;

/// Identifies a dataset (pallet-data-licensing). Assigned in order of registration.
pub type DatasetId = u32;

/// Identifies a licence request (pallet-data-licensing); an approved request names the grant and
/// the royalty payment it led to.
pub type RequestId = u32;

/// Identifies a proposal (pallet-quadratic-voting). Assigned in order of proposing.
pub type ProposalId = u32;

/// Identifies a person within a cohort, derived by every issuer with [`derive_nullifier`]. The
/// same person gets the same nullifier in a cohort whatever account they use (so they cannot
/// join twice), and unrelated nullifiers in two cohorts (so their memberships cannot be
/// linked). It reveals nothing about the person to anyone without the issuers' key.
pub type Nullifier = H256;

/// Domain separator of [`derive_nullifier`], version 1.
pub const NULLIFIER_DOMAIN: &[u8] = b"cohort/nullifier/v1";

/// The one derivation of a person's nullifier every issuer uses:
/// `blake2_256("cohort/nullifier/v1" ‖ key ‖ cohort as u32 little-endian ‖ identity)`.
///
/// - `key`: the 32-byte nullifier key all issuers of the network share (never on chain):
///   without it, no one can test a known identity number against the nullifiers on chain.
/// - `identity`: the person's canonical identity, `scheme:number` with the number's own
///   canonical form (e.g. `NHS:9434765919`, no spaces). Two issuers derive the same nullifier
///   only if they use the same scheme and number for the person.
///
/// Runs off chain, in issuers' tools; here so that there is one definition and a test vector.
pub fn derive_nullifier(key: &[u8; 32], cohort: CohortId, identity: &[u8]) -> Nullifier {
	let mut input = alloc::vec::Vec::with_capacity(NULLIFIER_DOMAIN.len() + 36 + identity.len());
	input.extend_from_slice(NULLIFIER_DOMAIN);
	input.extend_from_slice(key);
	input.extend_from_slice(&cohort.to_le_bytes());
	input.extend_from_slice(identity);
	<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&input)
}

/// A purpose a member may consent to their data being licensed for.
#[derive(
	Debug,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Purpose {
	/// Research at universities and public institutes.
	AcademicResearch,
	/// Research by companies, e.g. drug development.
	CommercialResearch,
	/// Training machine-learning models.
	AiTraining,
	/// Public-health surveillance and policy.
	PublicHealth,
}

impl Purpose {
	/// Every purpose, in a fixed order.
	pub const ALL: [Purpose; 4] = [
		Purpose::AcademicResearch,
		Purpose::CommercialResearch,
		Purpose::AiTraining,
		Purpose::PublicHealth,
	];

	/// The purpose's position in [`Purpose::ALL`].
	pub const fn index(self) -> usize {
		self as usize
	}

	/// Research in the public interest, which may be licensed for free or paid for by a cohort's
	/// treasury (so that research that cannot pay keeps access); commercial and AI-training
	/// licences always have a price.
	pub const fn is_public_interest(self) -> bool {
		matches!(self, Purpose::AcademicResearch | Purpose::PublicHealth)
	}
}

/// How many purposes there are: the length of per-purpose arrays (in the order of
/// [`Purpose::ALL`]).
pub const PURPOSES: usize = Purpose::ALL.len();

/// The purposes a member consents to, one flag each. Shown in Polkadot.js as four checkboxes.
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
pub struct Consent {
	pub academic_research: bool,
	pub commercial_research: bool,
	pub ai_training: bool,
	pub public_health: bool,
}

impl Consent {
	/// Consent to nothing: where every new member starts.
	pub const NONE: Consent = Consent {
		academic_research: false,
		commercial_research: false,
		ai_training: false,
		public_health: false,
	};

	/// Whether this consent covers `purpose`.
	pub const fn allows(&self, purpose: Purpose) -> bool {
		match purpose {
			Purpose::AcademicResearch => self.academic_research,
			Purpose::CommercialResearch => self.commercial_research,
			Purpose::AiTraining => self.ai_training,
			Purpose::PublicHealth => self.public_health,
		}
	}

	/// Consent to exactly `purposes`.
	pub fn only(purposes: &[Purpose]) -> Consent {
		let has = |p| purposes.contains(&p);
		Consent {
			academic_research: has(Purpose::AcademicResearch),
			commercial_research: has(Purpose::CommercialResearch),
			ai_training: has(Purpose::AiTraining),
			public_health: has(Purpose::PublicHealth),
		}
	}
}

/// Where a membership stands.
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
pub enum MemberStatus {
	/// A member: votes, accrues royalties, counts towards k-anonymity.
	Active,
	/// The attestation was revoked or expired: no votes, no accrual; earnings stay claimable.
	/// A fresh attestation restores it.
	Suspended,
	/// The person left. The record stays (without deposit, consent or account) so that old
	/// credentials cannot be replayed and what was earned stays claimable.
	Left,
}

/// How a cohort votes: set by the cohort (pallet-cohorts), read by pallet-quadratic-voting.
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
pub struct VotingParams<BlockNumber> {
	/// How long a proposal is open for votes, in blocks.
	pub voting_period: BlockNumber,
	/// The share of active members who must vote for a decision to count.
	pub quorum: Permill,
	/// Voice credits each person receives per epoch; `v` votes cost `v²` credits.
	pub voice_credits_per_epoch: u32,
	/// The length of a credit epoch, in blocks.
	pub epoch_length: BlockNumber,
}

impl<BlockNumber: AtLeast32BitUnsigned + Copy> VotingParams<BlockNumber> {
	/// The credit epoch block `now` falls in, and the first block after it. A zero length
	/// (never valid) puts every block in epoch 0, which ends at once.
	pub fn epoch_at(&self, now: BlockNumber) -> (BlockNumber, BlockNumber) {
		let epoch = now.checked_div(&self.epoch_length).unwrap_or_else(Zero::zero);
		let ends_at = epoch.saturating_add(One::one()).saturating_mul(self.epoch_length);
		(epoch, ends_at)
	}
}

/// How a licence's price is divided. The four parts sum to exactly one.
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
pub struct RevenueSplit {
	/// To the royalty pool of the members who consented to the licence's purpose.
	pub members: Permill,
	/// To the cohort's treasury.
	pub treasury: Permill,
	/// To the platform.
	pub platform: Permill,
	/// To the operator of a private-business cohort (none in other cohorts).
	pub operator: Permill,
}

impl RevenueSplit {
	/// The split of a cohort whose members take `members` and whose operator (if any) asks for
	/// `operator`, while the council's platform share is `platform`. The members' share comes
	/// first, then the platform's, then the operator's (cut to what is left); the treasury takes
	/// the rest.
	pub fn new(members: Permill, operator: Permill, platform: Permill) -> Self {
		use sp_runtime::Saturating;
		let platform = platform.min(Permill::one().saturating_sub(members));
		let left = Permill::one().saturating_sub(members).saturating_sub(platform);
		let operator = operator.min(left);
		let treasury = left.saturating_sub(operator);
		RevenueSplit { members, treasury, platform, operator }
	}

	/// Whether the parts sum to exactly one.
	pub fn is_whole(&self) -> bool {
		let parts = [self.members, self.treasury, self.platform, self.operator];
		parts.iter().map(|p| u64::from(p.deconstruct())).sum::<u64>()
			== u64::from(Permill::one().deconstruct())
	}

	/// Divides `price` into the four shares. The members', the platform's and the operator's
	/// are rounded down, in that order each capped at what is left, and the treasury takes the
	/// rest: the shares always sum to `price` exactly, and rounding favours the cohort.
	pub fn divide<Balance>(&self, price: Balance) -> RevenueShares<Balance>
	where
		Balance: AtLeast32BitUnsigned + Copy,
	{
		let members = self.members.mul_floor(price);
		let mut left = price.saturating_sub(members);
		let platform = self.platform.mul_floor(price).min(left);
		left = left.saturating_sub(platform);
		let operator = self.operator.mul_floor(price).min(left);
		let treasury = left.saturating_sub(operator);
		RevenueShares { members, treasury, platform, operator }
	}
}

/// A licence's price divided by a [`RevenueSplit`]: four shares summing to the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevenueShares<Balance> {
	/// To the royalty pool of the consenting members.
	pub members: Balance,
	/// To the cohort's treasury.
	pub treasury: Balance,
	/// To the platform.
	pub platform: Balance,
	/// To the operator of a private-business cohort.
	pub operator: Balance,
}

/// The terms on which a cohort licenses its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicensingTerms<AccountId> {
	/// How a licence's price is divided.
	pub split: RevenueSplit,
	/// The fewest consenting members a licence needs (k-anonymity).
	pub k_anonymity_floor: u32,
	/// Who is paid the operator's share: the operator of a private-business cohort.
	pub operator: Option<AccountId>,
}

/// What other pallets need to know about cohorts.
pub trait CohortsInspect<AccountId> {
	/// Whether `cohort` exists and is not frozen: it accepts members and acts.
	fn is_active(cohort: CohortId) -> bool;
	/// Whether `cohort` exists, frozen or not.
	fn exists(cohort: CohortId) -> bool;
	/// Whether `issuer` is approved by the council and accepted by `cohort`.
	fn accepts_issuer(cohort: CohortId, issuer: &AccountId) -> bool;
	/// Whether `cohort` is a data trust: its members may leave their consent to its trustees.
	fn is_data_trust(cohort: CohortId) -> bool;
	/// The treasury account of `cohort` (whether it exists or not).
	fn treasury_account(cohort: CohortId) -> AccountId;
}

/// What membership needs to know about an approved issuer's credentials.
pub trait IssuerCredentials<AccountId, BlockNumber> {
	/// The earliest issue block of `issuer`'s credentials that still count (the issuer
	/// withdrew those issued before); `None` if `issuer` is not approved.
	fn credentials_valid_from(issuer: &AccountId) -> Option<BlockNumber>;
}

/// Told when an issuer stops being accepted: by one cohort (`Some(cohort)`) or, removed by the
/// council, by every cohort (`None`). The memberships it attested stop counting.
pub trait OnIssuerWithdrawn<AccountId> {
	fn on_issuer_withdrawn(issuer: &AccountId, cohort: Option<CohortId>);
	/// The worst-case weight of [`Self::on_issuer_withdrawn`].
	fn weight() -> Weight;
}

impl<AccountId> OnIssuerWithdrawn<AccountId> for () {
	fn on_issuer_withdrawn(_: &AccountId, _: Option<CohortId>) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// What the licensing pallet needs to know about a cohort's terms.
pub trait CohortLicensing<AccountId> {
	/// How `cohort` divides licence revenue, its k-anonymity floor and its operator, if any;
	/// `None` if it does not exist.
	fn licensing_terms(cohort: CohortId) -> Option<LicensingTerms<AccountId>>;
}

/// What the voting pallet needs to know about a cohort's voting.
pub trait CohortVoting<BlockNumber> {
	/// The voting parameters of `cohort`, if it exists.
	fn voting_params(cohort: CohortId) -> Option<VotingParams<BlockNumber>>;
}

/// What a licensee reports came of a licence.
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
pub enum OutcomeKind {
	/// A peer-reviewed publication.
	Publication,
	/// A preprint.
	Preprint,
	/// A registered clinical trial.
	TrialRegistration,
	/// A product (a drug, a device, a service).
	Product,
	/// A model card of a trained model.
	ModelCard,
	/// Nothing came of it: also worth knowing.
	NoResult,
}

/// The licence a payment into a royalty pool came from: what a patient sees as "who used my
/// data".
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct LicenceRef<AccountId> {
	/// The approved request.
	pub request: RequestId,
	/// Who licensed the data.
	pub licensee: AccountId,
	/// Which dataset.
	pub dataset: DatasetId,
}

/// The royalty pools licence revenue is paid into (pallet-royalties), for pallet-data-licensing.
///
/// Royalties owns its money: the members' share is handed over as `Revenue` (in the runtime a
/// fungible `Credit`, the imbalance of funds taken out of the licensee's escrow) and royalties
/// puts it where it keeps it and records it in one step, so its ledgers cannot drift from its
/// funds whatever the caller does.
pub trait RoyaltyPools<AccountId, Revenue> {
	/// Shares `revenue`, paid for `licence`, among the units of the pool of (`cohort`,
	/// `purpose`). O(1) whatever the number of members.
	///
	/// Gives back what the pool cannot take: all of it when no consenting member has units
	/// (nobody to share it among), nothing otherwise; the caller decides where that goes. An
	/// error means nothing was recorded (the revenue is dropped, so the caller's transaction
	/// must fail too).
	fn deposit(
		cohort: CohortId,
		purpose: Purpose,
		revenue: Revenue,
		licence: LicenceRef<AccountId>,
	) -> Result<Revenue, DispatchError>;
}

/// Who acted with a cohort origin: the account of a data trust's trustees, or `None` when the
/// members acted (through a passed proposal). Decides who pays a cohort's storage deposits.
pub trait ActingAccount<AccountId> {
	/// The account that acted, if one did.
	fn acting_account(self) -> Option<AccountId>;
}

impl<AccountId> ActingAccount<AccountId> for Option<AccountId> {
	fn acting_account(self) -> Option<AccountId> {
		self
	}
}

/// Mints the existential deposit into `who` if it holds less, so that payments of any size can
/// be made to it: for accounts that receive revenue shares from genesis on (the royalty pot,
/// the platform account).
pub fn mint_existential_deposit<AccountId: Eq, Currency>(who: &AccountId)
where
	Currency: frame_support::traits::fungible::Mutate<AccountId>,
{
	let minimum = Currency::minimum_balance();
	if Currency::balance(who) < minimum {
		let _ = Currency::set_balance(who, minimum);
	}
}
