//! The types of memberships, attestations and credentials.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cohort_primitives::{CohortId, Consent, Nullifier};
use scale_info::TypeInfo;
use sp_core::H256;

pub use cohort_primitives::MemberStatus;

/// A person's membership of a cohort. Keyed by (cohort, person): credits, units and history
/// follow the person when their key is rotated.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct MembershipRecord<AccountId, Balance, BlockNumber> {
	/// The account the person acts with.
	pub account: AccountId,
	/// Active, suspended or left.
	pub status: MemberStatus,
	/// The issuer of the attestation in force.
	pub issuer: AccountId,
	/// When that attestation expires.
	pub expires_at: BlockNumber,
	/// The issuer's hash of its evidence (e.g. of the clinical record). Not the evidence.
	pub evidence: H256,
	/// The purposes the member consents to.
	pub consent: Consent,
	/// Contribution units recorded by issuers: they weight royalties.
	pub units: u64,
	/// The deposit held on `account` for this record (zero once left).
	pub deposit: Balance,
	/// The highest credential or rotation nonce used for this person: signed approvals with
	/// this nonce or lower are spent.
	pub nonce: u64,
	/// When the person first joined.
	pub joined_at: BlockNumber,
}

/// An issuer's on-chain attestation, waiting for its subject to `join`.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Attestation<AccountId, Balance, BlockNumber> {
	/// The issuer, who holds its deposit.
	pub issuer: AccountId,
	/// The person's nullifier for this cohort.
	pub person: Nullifier,
	/// When the attestation (and the membership it grants) expires.
	pub expires_at: BlockNumber,
	/// The issuer's hash of its evidence.
	pub evidence: H256,
	/// The deposit held on the issuer.
	pub deposit: Balance,
}

/// An attestation an issuer signs off chain and gives to the patient, who submits it in `join`.
/// It binds the chain (genesis hash), the cohort, the subject account and a nonce, so that it
/// cannot be replayed, reused elsewhere or by another account.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Credential<AccountId, BlockNumber, Hash> {
	/// The genesis hash of the chain it is for.
	pub genesis_hash: Hash,
	/// The cohort.
	pub cohort: CohortId,
	/// The account that may use it.
	pub subject: AccountId,
	/// The person's nullifier for this cohort.
	pub person: Nullifier,
	/// When the attestation (and the membership it grants) expires.
	pub expires_at: BlockNumber,
	/// The issuer's hash of its evidence.
	pub evidence: H256,
	/// The issuer that signs it.
	pub issuer: AccountId,
	/// Must exceed the person's last used nonce.
	pub nonce: u64,
}

/// An issuer's approval of a key rotation, signed off chain.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct RotationApproval<AccountId, Hash> {
	/// The genesis hash of the chain it is for.
	pub genesis_hash: Hash,
	/// The cohort.
	pub cohort: CohortId,
	/// The person.
	pub person: Nullifier,
	/// The lost account.
	pub from: AccountId,
	/// The new account.
	pub to: AccountId,
	/// Must exceed the person's last used nonce.
	pub nonce: u64,
}

/// Domain separation: what an issuer signs is `(tag, payload)` encoded.
pub const CREDENTIAL_TAG: &[u8; 17] = b"cohort/credential";
/// Domain separation for rotation approvals.
pub const ROTATION_TAG: &[u8; 15] = b"cohort/rotation";

/// A cohort's member counts, kept exact by every call.
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
pub struct CohortStats {
	/// Active members.
	pub active: u32,
	/// Suspended members.
	pub suspended: u32,
	/// Active members consenting to each purpose, in the order of `Purpose::ALL`.
	pub consenting: [u32; 4],
}
