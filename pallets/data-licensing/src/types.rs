//! The types of datasets, offers, requests and grants. None holds personal data: hashes, tags,
//! an encrypted locator, counts, prices and dates.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cohort_primitives::{CohortId, Purpose};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a dataset.
pub type DatasetId = u32;
/// Identifies an offer.
pub type OfferId = u32;
/// Identifies a licence request.
pub type RequestId = u32;

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
	/// Who holds the deposit for this record (the treasury, or the trustees).
	pub depositor: AccountId,
	/// The deposit held.
	pub deposit: Balance,
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
	/// Who asks and pays.
	pub licensee: AccountId,
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

/// A licensee's time-bound access to a dataset for a purpose. Keyed by (dataset, licensee,
/// purpose): it cannot be transferred.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Grant<Balance, BlockNumber> {
	/// The last block of access is the one before this.
	pub expires_at: BlockNumber,
	/// The approved request that granted (or last renewed) it.
	pub request: RequestId,
	/// The deposit held on the licensee for this record.
	pub deposit: Balance,
}
