//! # Cohort primitives
//!
//! What Cohort's pallets share: the identifiers of cohorts and persons, the consent purposes,
//! and the small traits through which the pallets talk. Each pallet depends on these traits,
//! never on another pallet, so that each is tested alone with a mock; the runtime wires the
//! real implementations.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::dispatch::DispatchResult;
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a cohort. Assigned in order of creation.
pub type CohortId = u32;

/// Identifies a person within a cohort: the issuer's hash of the person's real identity salted
/// with the cohort id. The same person gets the same nullifier in a cohort whatever account
/// they use (so they cannot join twice), and unrelated nullifiers in two cohorts (so their
/// memberships cannot be linked). It reveals nothing about the person.
pub type Nullifier = H256;

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
}

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

/// What the membership pallet needs to know about cohorts.
pub trait CohortsInspect<AccountId> {
	/// Whether `cohort` exists and is not frozen: it accepts members and acts.
	fn is_active(cohort: CohortId) -> bool;
	/// Whether `cohort` exists, frozen or not.
	fn exists(cohort: CohortId) -> bool;
	/// Whether `issuer` is approved by the council and accepted by `cohort`.
	fn accepts_issuer(cohort: CohortId, issuer: &AccountId) -> bool;
}

/// What other pallets may ask about memberships.
pub trait MembershipInspect<AccountId> {
	/// The person behind `account`, if it holds an *active* membership of `cohort`.
	fn active_person(cohort: CohortId, account: &AccountId) -> Option<Nullifier>;
	/// How many active members `cohort` has.
	fn active_members(cohort: CohortId) -> u32;
	/// How many active members of `cohort` consent to `purpose`.
	fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32;
}

/// Changes of a membership that other pallets follow (voting drops a suspended member's votes,
/// royalties settle before units or consent change). Each is called after the change is stored,
/// inside the same transaction; an error rolls the whole call back. Implementations must be
/// O(1) or bounded by a small constant.
pub trait MembershipHooks<AccountId> {
	/// `person` became a member, with `consent` and `units`.
	fn on_joined(cohort: CohortId, person: &Nullifier, account: &AccountId) -> DispatchResult;
	/// `person` was suspended (attestation revoked or expired): no votes, no accrual.
	fn on_suspended(cohort: CohortId, person: &Nullifier) -> DispatchResult;
	/// `person` is active again after a fresh attestation.
	fn on_restored(cohort: CohortId, person: &Nullifier) -> DispatchResult;
	/// `person` left the cohort; what they earned stays claimable.
	fn on_left(cohort: CohortId, person: &Nullifier) -> DispatchResult;
	/// `person` moved from account `old` to account `new` (key recovery).
	fn on_rotated(
		cohort: CohortId,
		person: &Nullifier,
		old: &AccountId,
		new: &AccountId,
	) -> DispatchResult;
	/// `person`'s consent changed from `old` to `new`.
	fn on_consent_changed(
		cohort: CohortId,
		person: &Nullifier,
		old: Consent,
		new: Consent,
	) -> DispatchResult;
	/// `person`'s contribution units changed from `old` to `new`.
	fn on_units_changed(cohort: CohortId, person: &Nullifier, old: u64, new: u64)
		-> DispatchResult;
}

/// No one listens (until the voting and royalty pallets do).
impl<AccountId> MembershipHooks<AccountId> for () {
	fn on_joined(_: CohortId, _: &Nullifier, _: &AccountId) -> DispatchResult {
		Ok(())
	}
	fn on_suspended(_: CohortId, _: &Nullifier) -> DispatchResult {
		Ok(())
	}
	fn on_restored(_: CohortId, _: &Nullifier) -> DispatchResult {
		Ok(())
	}
	fn on_left(_: CohortId, _: &Nullifier) -> DispatchResult {
		Ok(())
	}
	fn on_rotated(_: CohortId, _: &Nullifier, _: &AccountId, _: &AccountId) -> DispatchResult {
		Ok(())
	}
	fn on_consent_changed(_: CohortId, _: &Nullifier, _: Consent, _: Consent) -> DispatchResult {
		Ok(())
	}
	fn on_units_changed(_: CohortId, _: &Nullifier, _: u64, _: u64) -> DispatchResult {
		Ok(())
	}
}
