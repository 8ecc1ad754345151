//! The types of datasets, offers, requests and grants. None holds personal data: hashes, tags,
//! an encrypted locator, counts, prices and dates.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
pub use cohort_primitives::OutcomeKind;
use cohort_primitives::{CohortId, Purpose};
pub use cohort_primitives::{DatasetId, RequestId};
use core::fmt::Debug;
use frame_support::{
	traits::{
		fungible::{Credit, Inspect},
		EnsureOriginWithArg, Get,
	},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::traits::Saturating;

/// Identifies an offer.
pub type OfferId = u32;

/// The balance type of prices and deposits.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A dataset as stored.
pub type DatasetOf<T> = Dataset<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as Config>::MaxSchemaTags,
	<T as Config>::MaxTagLength,
	<T as Config>::MaxLocatorLength,
>;
/// Schema tags.
pub type SchemaTagsOf<T> =
	BoundedVec<BoundedVec<u8, <T as Config>::MaxTagLength>, <T as Config>::MaxSchemaTags>;
/// An encrypted locator.
pub type LocatorOf<T> = BoundedVec<u8, <T as Config>::MaxLocatorLength>;
/// An offer as stored.
pub type OfferOf<T> =
	Offer<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A request as stored.
pub type RequestOf<T> =
	Request<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A grant as stored.
pub type GrantOf<T> = Grant<BalanceOf<T>, BlockNumberFor<T>>;
pub type OutcomeOf<T> =
	Outcome<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type InsightOf<T> = Insight<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxLocatorLength,
>;
/// The outcomes reported under one licence, by number in their cohort.
pub type LicenceOutcomesOf<T> = BoundedVec<u32, <T as Config>::MaxOutcomesPerGrant>;
/// Funds taken out of an escrow on their way to the royalty pool, treasury and platform.
pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// What the cohort origin says about who acted (see `ActingAccount`).
pub type AuthorityOf<T> = <<T as Config>::CohortOrigin as EnsureOriginWithArg<
	<T as frame_system::Config>::RuntimeOrigin,
	CohortId,
>>::Success;

/// Whether a dataset can still be licensed.
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
pub enum DatasetStatus {
	/// Offers on it can be requested and approved.
	Active,
	/// Retired by the cohort: no new requests or approvals; existing grants run out.
	Retired,
}

/// A cohort's dataset, as registered on chain.
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
#[scale_info(skip_type_params(MaxTags, MaxTagLength, MaxLocatorLength))]
pub struct Dataset<
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	MaxTags: Get<u32>,
	MaxTagLength: Get<u32>,
	MaxLocatorLength: Get<u32>,
> {
	/// The cohort whose members' data it is.
	pub cohort: CohortId,
	/// Hash of the (encrypted) content of the current version.
	pub content_hash: H256,
	/// Schema tags, e.g. FHIR resource types (`Observation`, `Condition`).
	pub schema_tags: BoundedVec<BoundedVec<u8, MaxTagLength>, MaxTags>,
	/// Where the encrypted bundle is, e.g. an IPFS CID. Useless without the custodian's key.
	pub locator: BoundedVec<u8, MaxLocatorLength>,
	/// How many records the current version holds.
	pub record_count: u64,
	/// Starts at 1; each published version adds one.
	pub version: u32,
	/// Active or retired.
	pub status: DatasetStatus,
	/// How many offers are published on it.
	pub offers: u32,
	/// How many requests for it wait for a decision.
	pub open_requests: u32,
	/// How many grants of access to it exist (live or expired but not yet removed).
	pub grants: u32,
	/// Who holds the deposit for this record (the treasury, or the trustees).
	pub depositor: AccountId,
	/// The deposit held.
	pub deposit: Balance,
}

impl<
		AccountId: Clone + PartialEq + Eq + Debug,
		Balance: Clone + PartialEq + Eq + Debug,
		MaxTags: Get<u32>,
		MaxTagLength: Get<u32>,
		MaxLocatorLength: Get<u32>,
	> Dataset<AccountId, Balance, MaxTags, MaxTagLength, MaxLocatorLength>
{
	/// Whether it can still be offered, requested and licensed.
	pub fn is_active(&self) -> bool {
		self.status == DatasetStatus::Active
	}

	/// Makes the given content its next version; returns the new version number, or `None` if
	/// the numbers ran out (nothing changes then).
	pub fn publish_version(
		&mut self,
		content_hash: H256,
		locator: BoundedVec<u8, MaxLocatorLength>,
		record_count: u64,
	) -> Option<u32> {
		self.version = self.version.checked_add(1)?;
		self.content_hash = content_hash;
		self.locator = locator;
		self.record_count = record_count;
		Some(self.version)
	}
}

/// Terms on which a dataset is licensed.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Offer<AccountId, Balance, BlockNumber> {
	/// The dataset.
	pub dataset: DatasetId,
	/// Its cohort.
	pub cohort: CohortId,
	/// The purpose a licence under this offer allows; only members consenting to it share the
	/// revenue and count towards the k-anonymity floor.
	pub purpose: Purpose,
	/// The price.
	pub price: Balance,
	/// How long access lasts once granted, in blocks.
	pub access_duration: BlockNumber,
	/// Hash of the licence terms document.
	pub terms_hash: H256,
	/// Who holds the deposit for this record.
	pub depositor: AccountId,
	/// The deposit held.
	pub deposit: Balance,
}

/// A licensee's request, with the price held in escrow on their account.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Request<AccountId, Balance, BlockNumber> {
	/// Who asks (and pays, unless the cohort sponsors the request).
	pub licensee: AccountId,
	/// Whose escrow holds the price: the licensee's, the cohort treasury's once it sponsors
	/// the request, or nobody's yet (a request for sponsorship the cohort has not granted).
	pub payer: Option<AccountId>,
	/// The offer.
	pub offer: OfferId,
	/// Its dataset.
	pub dataset: DatasetId,
	/// Its cohort.
	pub cohort: CohortId,
	/// Its purpose.
	pub purpose: Purpose,
	/// The price held in escrow.
	pub price: Balance,
	/// The access duration asked for.
	pub access_duration: BlockNumber,
	/// When it was made: the cohort has until `submitted_at + ReviewPeriod` to decide.
	pub submitted_at: BlockNumber,
	/// The deposit held for this record (it carries over to the grant).
	pub deposit: Balance,
}

impl<AccountId: Clone, Balance: Copy, BlockNumber: Saturating + Copy>
	Request<AccountId, Balance, BlockNumber>
{
	/// `licensee`'s request under `offer` (number `offer_id`), made at `now`, holding
	/// `deposit` for its record and the price on `payer` (if anyone pays yet): the offer's
	/// terms, copied so that they cannot change under it.
	pub fn for_offer<Depositor>(
		licensee: AccountId,
		payer: Option<AccountId>,
		offer_id: OfferId,
		offer: &Offer<Depositor, Balance, BlockNumber>,
		now: BlockNumber,
		deposit: Balance,
	) -> Self {
		Request {
			payer,
			licensee,
			offer: offer_id,
			dataset: offer.dataset,
			cohort: offer.cohort,
			purpose: offer.purpose,
			price: offer.price,
			access_duration: offer.access_duration,
			submitted_at: now,
			deposit,
		}
	}

	/// The first block at which the licensee may withdraw it undecided.
	pub fn review_ends(&self, review_period: BlockNumber) -> BlockNumber {
		self.submitted_at.saturating_add(review_period)
	}
}

/// A licensee's time-bound access to a dataset for a purpose. Keyed by (dataset, licensee,
/// purpose): it cannot be transferred.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Grant<Balance, BlockNumber> {
	/// How many outcomes the licensee reported under it (at most `MaxOutcomesPerGrant`).
	pub outcomes: u32,
	/// The last block of access is the one before this.
	pub expires_at: BlockNumber,
	/// The approved request that granted (or last renewed) it.
	pub request: RequestId,
	/// The deposit held on the licensee for this record.
	pub deposit: Balance,
}

impl<Balance, BlockNumber: Saturating + Ord + Copy> Grant<Balance, BlockNumber> {
	/// The grant `request` gives from `now` for `duration` blocks, paid for by `deposit`.
	pub fn new(
		request: RequestId,
		now: BlockNumber,
		duration: BlockNumber,
		deposit: Balance,
	) -> Self {
		Grant { outcomes: 0, expires_at: now.saturating_add(duration), request, deposit }
	}

	/// This grant renewed by `request` for `duration` more blocks: access runs on from the later
	/// of `now` and its current end (time already paid for is not lost); it keeps its deposit.
	pub fn renewed(self, request: RequestId, now: BlockNumber, duration: BlockNumber) -> Self {
		Grant { expires_at: self.expires_at.max(now).saturating_add(duration), request, ..self }
	}

	/// Whether access is live at `now` (the last block of access is the one before
	/// `expires_at`).
	pub fn is_live(&self, now: BlockNumber) -> bool {
		now < self.expires_at
	}
}

/// An outcome a licensee reported under a licence: its kind and the hash of the document
/// (published off chain), for the donors to see what came of their data.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Outcome<AccountId, Balance, BlockNumber> {
	/// The licence (approved request) in force when it was reported.
	pub request: RequestId,
	/// Who reported it (the licensee) and holds its deposit.
	pub licensee: AccountId,
	pub dataset: DatasetId,
	pub purpose: Purpose,
	pub kind: OutcomeKind,
	/// The hash of the outcome's document (DOI landing page, registry entry, model card).
	pub outcome_hash: H256,
	pub at: BlockNumber,
	pub deposit: Balance,
}

/// A health insight a cohort published for its members: the hash of a summary of findings and
/// an encrypted locator of it.
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
#[scale_info(skip_type_params(MaxLocatorLength))]
pub struct Insight<
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxLocatorLength: Get<u32>,
> {
	pub insight_hash: H256,
	/// Where members fetch it, encrypted to them.
	pub locator: BoundedVec<u8, MaxLocatorLength>,
	pub at: BlockNumber,
	/// Who holds its deposit: the treasury, the trustees or the operator.
	pub depositor: AccountId,
	pub deposit: Balance,
}
