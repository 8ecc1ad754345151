//! How the pallets follow memberships: what they may ask ([`MembershipInspect`]) and the
//! changes they are told of ([`OnMembershipChange`]), with the record they check theirs
//! against ([`FollowedMember`]).

use crate::{CohortId, Consent, MemberStatus, Nullifier, Purpose};
use frame_support::{dispatch::DispatchResult, weights::Weight};

/// What other pallets may ask about memberships.
pub trait MembershipInspect<AccountId> {
	/// The person behind `account`, if it holds an *active* membership of `cohort`.
	fn active_person(cohort: CohortId, account: &AccountId) -> Option<Nullifier>;
	/// How many active members `cohort` has.
	fn active_members(cohort: CohortId) -> u32;
	/// How many active members of `cohort` consent to `purpose`.
	fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32;
	/// Whether memberships of `cohort` whose issuer was withdrawn are still being suspended:
	/// until they are, the counts above include them, so nothing may be decided or paid by
	/// them (a proposal's close, a licence's approval).
	fn sweeping(cohort: CohortId) -> bool;
}

/// A kind of membership change, to ask a follower what following it weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipChange {
	Joined,
	Suspended,
	Restored,
	Left,
	Rotated,
	/// The step before a rotation the cohort's members decided: [`OnMembershipChange::on_rotating_by_cohort`].
	RotatedByCohort,
	ConsentChanged,
	UnitsChanged,
	/// A member left their consent to the trustees, or took it back.
	DelegationChanged,
	/// The trustees changed the consent of every member who left it to them.
	TrusteeConsentChanged,
}

/// Changes of a membership that other pallets follow (voting drops a suspended member's votes,
/// royalties settle before units or consent change). Each is called after the change is stored,
/// inside the same transaction; an error rolls the whole call back. Implementations must be
/// O(1) or bounded by a small constant, and say their worst-case weight in
/// [`OnMembershipChange::weight`], which the membership pallet adds to its calls' weights.
///
/// Implemented for tuples (every member is told, in order) and `()` (no one listens).
pub trait OnMembershipChange<AccountId> {
	/// `person` became a member with `account`, consenting to nothing, with the `units` they
	/// contributed (a returning person keeps theirs).
	fn on_joined(
		cohort: CohortId,
		person: &Nullifier,
		account: &AccountId,
		units: u64,
	) -> DispatchResult;
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
	/// The cohort's members, not the issuer, are moving `person` away from account `old`
	/// (called just before [`OnMembershipChange::on_rotated`]): the key may not be lost at
	/// all, so what belongs to `old` is settled to it first.
	fn on_rotating_by_cohort(
		_cohort: CohortId,
		_person: &Nullifier,
		_old: &AccountId,
	) -> DispatchResult {
		Ok(())
	}
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
	/// `person` left their consent to the trustees (`delegated`), or took it back; either way
	/// their own consent is none at this point (a personal choice follows with
	/// [`OnMembershipChange::on_consent_changed`]).
	fn on_delegation_changed(
		_cohort: CohortId,
		_person: &Nullifier,
		_delegated: bool,
	) -> DispatchResult {
		Ok(())
	}
	/// The trustees' consent, which every member who delegated follows, changed from `old`
	/// to `new`: one call for all of them.
	fn on_trustee_consent_changed(
		_cohort: CohortId,
		_old: Consent,
		_new: Consent,
	) -> DispatchResult {
		Ok(())
	}
	/// Whether the follower's record of `cohort`'s trustee consent agrees with `consent`,
	/// membership's own (checked by membership's `try_state` for every cohort that has one).
	fn check_trustee_consent_follows(
		_cohort: CohortId,
		_consent: Consent,
	) -> Result<(), &'static str> {
		Ok(())
	}
	/// The most that following one `change` weighs (from the follower's benchmarks).
	fn weight(change: MembershipChange) -> Weight;
	/// Whether the follower's record of `person` agrees with `member`, membership's own: the
	/// cross-pallet invariant membership's `try_state` checks for every membership.
	fn check_follows(
		_cohort: CohortId,
		_person: &Nullifier,
		_member: &FollowedMember<AccountId>,
	) -> Result<(), &'static str> {
		Ok(())
	}
}

/// What membership knows of a member, for followers to compare with theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowedMember<AccountId> {
	/// The member's account; `None` once the person left (membership forgets it).
	pub account: Option<AccountId>,
	pub status: MemberStatus,
	pub consent: Consent,
	/// Whether the member follows the trustees' consent (their own is then none).
	pub delegated: bool,
	pub units: u64,
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnMembershipChange<AccountId> for Tuple {
	fn on_joined(
		cohort: CohortId,
		person: &Nullifier,
		account: &AccountId,
		units: u64,
	) -> DispatchResult {
		for_tuples!( #( Tuple::on_joined(cohort, person, account, units)?; )* );
		Ok(())
	}
	fn on_suspended(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		for_tuples!( #( Tuple::on_suspended(cohort, person)?; )* );
		Ok(())
	}
	fn on_restored(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		for_tuples!( #( Tuple::on_restored(cohort, person)?; )* );
		Ok(())
	}
	fn on_left(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		for_tuples!( #( Tuple::on_left(cohort, person)?; )* );
		Ok(())
	}
	fn on_rotated(
		cohort: CohortId,
		person: &Nullifier,
		old: &AccountId,
		new: &AccountId,
	) -> DispatchResult {
		for_tuples!( #( Tuple::on_rotated(cohort, person, old, new)?; )* );
		Ok(())
	}
	fn on_consent_changed(
		cohort: CohortId,
		person: &Nullifier,
		old: Consent,
		new: Consent,
	) -> DispatchResult {
		for_tuples!( #( Tuple::on_consent_changed(cohort, person, old, new)?; )* );
		Ok(())
	}
	fn on_units_changed(
		cohort: CohortId,
		person: &Nullifier,
		old: u64,
		new: u64,
	) -> DispatchResult {
		for_tuples!( #( Tuple::on_units_changed(cohort, person, old, new)?; )* );
		Ok(())
	}
	fn weight(change: MembershipChange) -> Weight {
		let mut total = Weight::zero();
		for_tuples!( #( total = total.saturating_add(Tuple::weight(change)); )* );
		total
	}
	fn check_follows(
		cohort: CohortId,
		person: &Nullifier,
		member: &FollowedMember<AccountId>,
	) -> Result<(), &'static str> {
		for_tuples!( #( Tuple::check_follows(cohort, person, member)?; )* );
		Ok(())
	}
	fn on_rotating_by_cohort(
		cohort: CohortId,
		person: &Nullifier,
		old: &AccountId,
	) -> DispatchResult {
		for_tuples!( #( Tuple::on_rotating_by_cohort(cohort, person, old)?; )* );
		Ok(())
	}
	fn on_delegation_changed(
		cohort: CohortId,
		person: &Nullifier,
		delegated: bool,
	) -> DispatchResult {
		for_tuples!( #( Tuple::on_delegation_changed(cohort, person, delegated)?; )* );
		Ok(())
	}
	fn on_trustee_consent_changed(cohort: CohortId, old: Consent, new: Consent) -> DispatchResult {
		for_tuples!( #( Tuple::on_trustee_consent_changed(cohort, old, new)?; )* );
		Ok(())
	}
	fn check_trustee_consent_follows(
		cohort: CohortId,
		consent: Consent,
	) -> Result<(), &'static str> {
		for_tuples!( #( Tuple::check_trustee_consent_follows(cohort, consent)?; )* );
		Ok(())
	}
}
