//! The types of memberships, attestations and credentials.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cohort_primitives::{CohortId, Consent, Nullifier, Purpose};
use frame_support::traits::fungible::Inspect;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{traits::Zero, ArithmeticError};

pub use cohort_primitives::MemberStatus;

/// The balance type of deposits.
pub type BalanceOf<T> =
	<<T as crate::Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A membership as stored.
pub type MembershipOf<T> =
	MembershipRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// An account's entry in a cohort as stored.
pub type AccountEntryOf<T> =
	AccountEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// An on-chain attestation as stored.
pub type AttestationOf<T> =
	Attestation<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// What stays of a membership once its person left.
pub type DepartedOf<T> = DepartedMember<BlockNumberFor<T>>;
/// A checked attestation or credential, as a person joins with it.
pub type AdmissionOf<T> = Admission<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A credential for this chain.
pub type CredentialOf<T> = Credential<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;
/// A rotation approval for this chain.
pub type RotationApprovalOf<T> =
	RotationApproval<<T as frame_system::Config>::AccountId, <T as frame_system::Config>::Hash>;

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
	/// The purposes the member consents to (none while they follow the trustees).
	pub consent: Consent,
	/// Whether the member left their consent to the trustees of their data trust: they then
	/// count as consenting to the trustees' consent (`TrusteeConsent`).
	pub delegated: bool,
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

impl<AccountId, Balance: Zero, BlockNumber> MembershipRecord<AccountId, Balance, BlockNumber> {
	/// The consent the member counts with: none until they contributed data, since a member
	/// with no units adds no records a licensee could be told apart from; then their own, or
	/// the trustees' if they left it to them.
	pub fn counted_consent(&self) -> CountedConsent {
		match (self.units > 0, self.delegated) {
			(false, _) => CountedConsent::Own(Consent::NONE),
			(true, false) => CountedConsent::Own(self.consent),
			(true, true) => CountedConsent::Trustees,
		}
	}

	/// A new active membership of `account` on `admission`'s attestation, holding `deposit` and
	/// consenting to nothing. A returning person (`previous`) keeps their units (they weight
	/// the data already contributed) and spent nonce.
	pub fn admit(
		account: AccountId,
		admission: Admission<AccountId, BlockNumber>,
		deposit: Balance,
		now: BlockNumber,
		previous: Option<DepartedMember<BlockNumber>>,
	) -> Self {
		let (units, nonce) = previous.map_or((0, 0), |p| (p.units, p.nonce));
		let joined_at = now;
		MembershipRecord {
			account,
			status: MemberStatus::Active,
			issuer: admission.issuer,
			expires_at: admission.expires_at,
			evidence: admission.evidence,
			consent: Consent::NONE,
			delegated: false,
			units,
			deposit,
			nonce: admission.nonce.unwrap_or(0).max(nonce),
			joined_at,
		}
	}

	/// Makes a suspended membership active again on `admission`'s fresh attestation.
	pub fn restore(&mut self, admission: Admission<AccountId, BlockNumber>) {
		self.status = MemberStatus::Active;
		self.issuer = admission.issuer;
		self.expires_at = admission.expires_at;
		self.evidence = admission.evidence;
		self.nonce = admission.nonce.unwrap_or(0).max(self.nonce);
	}

	/// The entry under `self.account` for `person`: the standing every call by the member
	/// checks, copied from this record.
	pub fn account_entry(&self, person: Nullifier) -> AccountEntry<AccountId, BlockNumber>
	where
		AccountId: Clone,
		BlockNumber: Copy,
	{
		AccountEntry {
			person,
			status: self.status,
			issuer: self.issuer.clone(),
			expires_at: self.expires_at,
		}
	}

	/// What stays once the person leaves at `now`: no account, issuer or evidence.
	pub fn departed(&self, now: BlockNumber) -> DepartedMember<BlockNumber> {
		DepartedMember { nonce: self.nonce, units: self.units, left_at: now }
	}
}

/// What an account's key holds in a cohort: the person behind it and the standing of their
/// membership (a copy of the record's). A call by a member checks the standing before any
/// work, so keeping it here makes that check one read: the record is keyed by person, so
/// that rotation moves nothing but this entry. Written with the record whenever the
/// standing changes (`store_with_standing`); `try_state` checks the two agree.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct AccountEntry<AccountId, BlockNumber> {
	/// The person the account acts for.
	pub person: Nullifier,
	/// Active or suspended (an account whose person left has no entry).
	pub status: MemberStatus,
	/// The issuer of the attestation in force.
	pub issuer: AccountId,
	/// When that attestation expires.
	pub expires_at: BlockNumber,
}

impl<AccountId, BlockNumber: PartialOrd> AccountEntry<AccountId, BlockNumber> {
	/// Whether the membership gives rights at `now` as far as its own standing goes (the
	/// issuer must also still be accepted by the cohort).
	pub fn in_force(&self, now: BlockNumber) -> bool {
		self.status == MemberStatus::Active && self.expires_at > now
	}
}

/// What stays of a membership once its person left: only what stops a spent credential from
/// being replayed (the nonce, until `MaxAttestationPeriod` after leaving, when any credential
/// it could be replayed with has expired) and the units a returning person keeps. No account,
/// no issuer, no evidence: nothing links the person to an account or a clinic any more.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct DepartedMember<BlockNumber> {
	/// The highest nonce the person used.
	pub nonce: u64,
	/// The person's contribution units.
	pub units: u64,
	/// When they left.
	pub left_at: BlockNumber,
}

/// The attestation a person joins with, once checked: an issuer's on-chain attestation or a
/// verified credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admission<AccountId, BlockNumber> {
	/// The issuer that attested.
	pub issuer: AccountId,
	/// The person's nullifier for the cohort.
	pub person: Nullifier,
	/// When the attestation expires.
	pub expires_at: BlockNumber,
	/// The issuer's hash of its evidence.
	pub evidence: H256,
	/// The credential's nonce; `None` for an on-chain attestation, which has none.
	pub nonce: Option<u64>,
}

/// A rotation the cohort's members decided, waiting for its delay.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PendingRotation<AccountId, BlockNumber> {
	/// The account the membership moves to.
	pub new: AccountId,
	/// From when anyone may complete it.
	pub executable_at: BlockNumber,
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
	/// The block it was issued at (the chain's best block when signed): the issuer can
	/// withdraw every credential issued before a block, used or not.
	pub issued_at: BlockNumber,
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

/// What a browser wallet (polkadot{.js}, Talisman, SubWallet) signs when asked to sign raw
/// bytes (`signRaw`): the bytes wrapped in `<Bytes>`…`</Bytes>`, so that no raw signature can
/// pass for a transaction's. An issuer's signature is accepted over the payload as it is or so
/// wrapped, so that a clinic can sign with its browser wallet.
pub fn wrapped_for_wallets(payload: &[u8]) -> alloc::vec::Vec<u8> {
	[b"<Bytes>".as_slice(), payload, b"</Bytes>".as_slice()].concat()
}

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
	/// Active members who contributed data (units > 0) and consent to each purpose
	/// themselves, in the order of `Purpose::ALL`.
	pub consenting: [u32; Purpose::ALL.len()],
	/// Active members who contributed data and left their consent to the trustees: they count
	/// for every purpose the trustees consent to.
	pub delegating: u32,
}

/// Whose consent a membership counts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountedConsent {
	/// The member's own.
	Own(Consent),
	/// The trustees' (`TrusteeConsent`), whatever it is.
	Trustees,
}

impl CohortStats {
	/// Counts one more membership that is `status` and consents to `consent` (a left one is not
	/// counted). On overflow it fails and changes nothing.
	pub fn add(
		&mut self,
		status: MemberStatus,
		consent: CountedConsent,
	) -> Result<(), ArithmeticError> {
		let increment = |count: &mut u32| -> Result<(), ArithmeticError> {
			*count = count.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Ok(())
		};
		// Work on a copy so that an overflow half-way leaves the counts as they were.
		let mut next = *self;
		match status {
			MemberStatus::Active => {
				increment(&mut next.active)?;
				match consent {
					CountedConsent::Own(consent) => {
						for (count, purpose) in next.consenting.iter_mut().zip(Purpose::ALL) {
							if consent.allows(purpose) {
								increment(count)?;
							}
						}
					},
					CountedConsent::Trustees => increment(&mut next.delegating)?,
				}
			},
			MemberStatus::Suspended => increment(&mut next.suspended)?,
			MemberStatus::Left => {},
		}
		*self = next;
		Ok(())
	}

	/// Stops counting a membership that was `status` and consented to `consent`.
	pub fn remove(&mut self, status: MemberStatus, consent: CountedConsent) {
		match status {
			MemberStatus::Active => {
				self.active = self.active.saturating_sub(1);
				match consent {
					CountedConsent::Own(consent) => {
						for (count, purpose) in self.consenting.iter_mut().zip(Purpose::ALL) {
							if consent.allows(purpose) {
								*count = count.saturating_sub(1);
							}
						}
					},
					CountedConsent::Trustees => self.delegating = self.delegating.saturating_sub(1),
				}
			},
			MemberStatus::Suspended => self.suspended = self.suspended.saturating_sub(1),
			MemberStatus::Left => {},
		}
	}

	/// Active members with data consenting to `purpose`, themselves or through the trustees,
	/// whose consent is `trustees`: what the k-anonymity floor counts.
	pub fn consenting_to(&self, purpose: Purpose, trustees: Consent) -> u32 {
		let own = self.consenting.get(purpose.index()).copied().unwrap_or_default();
		let delegated = if trustees.allows(purpose) { self.delegating } else { 0 };
		own.saturating_add(delegated)
	}

	/// [`CohortStats::consenting_to`] for every purpose, in the order of `Purpose::ALL`.
	pub fn consenting_with(&self, trustees: Consent) -> [u32; Purpose::ALL.len()] {
		Purpose::ALL.map(|purpose| self.consenting_to(purpose, trustees))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const SOME: Consent = Consent {
		academic_research: true,
		commercial_research: false,
		ai_training: true,
		public_health: false,
	};
	const OWN: CountedConsent = CountedConsent::Own(SOME);
	const NONE: CountedConsent = CountedConsent::Own(Consent::NONE);

	#[test]
	fn add_counts_a_membership_by_status_and_consent() {
		let mut stats = CohortStats::default();
		stats.add(MemberStatus::Active, OWN).unwrap();
		stats.add(MemberStatus::Suspended, OWN).unwrap();
		stats.add(MemberStatus::Left, OWN).unwrap();
		let expected =
			CohortStats { active: 1, suspended: 1, consenting: [1, 0, 1, 0], delegating: 0 };
		assert_eq!(stats, expected);
		assert_eq!(stats.consenting_to(Purpose::AiTraining, Consent::NONE), 1);
		assert_eq!(stats.consenting_to(Purpose::PublicHealth, Consent::NONE), 0);
	}

	#[test]
	fn a_delegating_member_counts_for_what_the_trustees_consent_to() {
		let mut stats = CohortStats::default();
		stats.add(MemberStatus::Active, OWN).unwrap();
		stats.add(MemberStatus::Active, CountedConsent::Trustees).unwrap();
		assert_eq!(stats.delegating, 1);
		let trustees = Consent::only(&[Purpose::AiTraining, Purpose::PublicHealth]);
		assert_eq!(stats.consenting_with(trustees), [1, 0, 2, 1]);
		assert_eq!(stats.consenting_with(Consent::NONE), [1, 0, 1, 0]);
		stats.remove(MemberStatus::Active, CountedConsent::Trustees);
		assert_eq!(stats.consenting_with(trustees), [1, 0, 1, 0]);
	}

	#[test]
	fn remove_undoes_add() {
		let mut stats = CohortStats::default();
		stats.add(MemberStatus::Active, NONE).unwrap();
		stats.add(MemberStatus::Active, OWN).unwrap();
		stats.remove(MemberStatus::Active, OWN);
		assert_eq!(stats, CohortStats { active: 1, ..Default::default() });
		stats.remove(MemberStatus::Active, NONE);
		stats.remove(MemberStatus::Suspended, OWN);
		assert_eq!(stats, CohortStats::default());
	}

	#[test]
	fn an_overflowing_add_changes_nothing() {
		let full = CohortStats { consenting: [0, 0, u32::MAX, 0], ..Default::default() };
		let mut stats = full;
		assert_eq!(stats.add(MemberStatus::Active, OWN), Err(ArithmeticError::Overflow));
		assert_eq!(stats, full);
		let full = CohortStats { delegating: u32::MAX, ..Default::default() };
		let mut stats = full;
		let overflow = stats.add(MemberStatus::Active, CountedConsent::Trustees);
		assert_eq!(overflow, Err(ArithmeticError::Overflow));
		assert_eq!(stats, full);
	}
}
