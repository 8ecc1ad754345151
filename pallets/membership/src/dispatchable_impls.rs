//! What each call does, once its origin is checked.

use crate::*;
use codec::Encode;
use cohort_primitives::MembershipChange;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_attest(
		issuer: T::AccountId,
		cohort: CohortId,
		subject: T::AccountId,
		person: Nullifier,
		expires_at: BlockNumberFor<T>,
		evidence: H256,
	) -> DispatchResult {
		ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortNotActive);
		ensure!(T::Cohorts::accepts_issuer(cohort, &issuer), Error::<T>::IssuerNotAccepted);
		Self::ensure_valid_expiry(expires_at)?;
		ensure!(!Attestations::<T>::contains_key(cohort, &subject), Error::<T>::AttestationExists);
		let deposit = T::AttestationDeposit::get();
		T::Currency::hold(&HoldReason::Attestation.into(), &issuer, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		Attestations::<T>::insert(
			cohort,
			&subject,
			Attestation { issuer: issuer.clone(), person, expires_at, evidence, deposit },
		);
		Self::deposit_event(Event::Attested { cohort, subject, issuer, expires_at });
		Ok(())
	}

	pub(crate) fn do_withdraw_attestation(
		who: T::AccountId,
		cohort: CohortId,
		subject: T::AccountId,
	) -> DispatchResult {
		let attestation =
			Attestations::<T>::get(cohort, &subject).ok_or(Error::<T>::NoAttestation)?;
		ensure!(
			who == attestation.issuer || attestation.expires_at <= Self::now(),
			Error::<T>::NotAttestationIssuer
		);
		Self::release_attestation(&attestation)?;
		Attestations::<T>::remove(cohort, &subject);
		Self::deposit_event(Event::AttestationWithdrawn { cohort, subject });
		Ok(())
	}

	/// Joins `cohort`, or restores the caller's suspended membership, on a credential or the
	/// caller's on-chain attestation.
	pub(crate) fn do_join(
		who: T::AccountId,
		cohort: CohortId,
		credential: Option<(CredentialOf<T>, T::Signature)>,
	) -> Result<MembershipChange, DispatchError> {
		ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortNotActive);
		let admission = Self::take_attestation(&who, cohort, credential)?;
		match PersonOf::<T>::get(cohort, &who) {
			Some(current) => Self::restore(who, cohort, current.person, admission)
				.map(|_| MembershipChange::Restored),
			None => Self::admit(who, cohort, admission).map(|_| MembershipChange::Joined),
		}
	}

	/// `who` is a member as `current`: only a suspended membership of the same person can be
	/// restored.
	fn restore(
		who: T::AccountId,
		cohort: CohortId,
		current: Nullifier,
		admission: AdmissionOf<T>,
	) -> DispatchResult {
		let person = admission.person;
		ensure!(current == person, Error::<T>::PersonMismatch);
		let mut record = Memberships::<T>::get(cohort, person).ok_or(Error::<T>::NotMember)?;
		ensure!(record.status == MemberStatus::Suspended, Error::<T>::AlreadyMember);
		Self::update_stats(cohort, |stats| {
			stats.remove(MemberStatus::Suspended, record.counted_consent());
			stats.add(MemberStatus::Active, record.counted_consent())
		})?;
		let mut admission = admission;
		admission.expires_at =
			Self::file_active(cohort, person, &admission.issuer, admission.expires_at)?;
		let expires_at = admission.expires_at;
		record.restore(admission);
		Self::store_with_standing(cohort, person, record);
		T::OnMembershipChange::on_restored(cohort, &person)?;
		Self::deposit_event(Event::Restored { cohort, account: who, expires_at });
		Ok(())
	}

	/// `who` holds no membership of `cohort`: they join as `admission`'s person, new or
	/// returning after leaving.
	fn admit(who: T::AccountId, cohort: CohortId, admission: AdmissionOf<T>) -> DispatchResult {
		let mut admission = admission;
		let person = admission.person;
		let issuer = admission.issuer.clone();
		ensure!(!Memberships::<T>::contains_key(cohort, person), Error::<T>::PersonAlreadyMember);
		let previous = Departed::<T>::take(cohort, person);
		let deposit = T::MembershipDeposit::get();
		T::Currency::hold(&HoldReason::Membership.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
		admission.expires_at = Self::file_active(cohort, person, &issuer, admission.expires_at)?;
		let record =
			MembershipRecord::admit(who.clone(), admission, deposit, Self::now(), previous);
		let units = record.units;
		Self::update_stats(cohort, |stats| {
			stats.add(MemberStatus::Active, CountedConsent::Own(Consent::NONE))
		})?;
		Self::store_with_standing(cohort, person, record);
		T::OnMembershipChange::on_joined(cohort, &person, &who, units)?;
		Self::deposit_event(Event::Joined { cohort, account: who, person, issuer });
		Ok(())
	}

	pub(crate) fn do_leave(who: T::AccountId, cohort: CohortId) -> DispatchResult {
		let (person, record) = Self::membership_of(cohort, &who)?;
		Self::update_stats(cohort, |stats| {
			stats.remove(record.status, record.counted_consent());
			Ok(())
		})?;
		T::Currency::release(
			&HoldReason::Membership.into(),
			&who,
			record.deposit,
			Precision::BestEffort,
		)?;
		if record.status == MemberStatus::Active {
			Self::unfile_active(cohort, person, &record);
		}
		Memberships::<T>::remove(cohort, person);
		Departed::<T>::insert(cohort, person, record.departed(Self::now()));
		PersonOf::<T>::remove(cohort, &who);
		PendingRotations::<T>::remove(cohort, &who);
		T::OnMembershipChange::on_left(cohort, &person)?;
		Self::deposit_event(Event::Left { cohort, account: who });
		Ok(())
	}

	/// Suspends an active membership.
	pub(crate) fn suspend_membership(
		cohort: CohortId,
		person: Nullifier,
		mut record: MembershipOf<T>,
	) -> DispatchResult {
		ensure!(record.status == MemberStatus::Active, Error::<T>::NotActive);
		Self::update_stats(cohort, |stats| {
			stats.remove(MemberStatus::Active, record.counted_consent());
			stats.add(MemberStatus::Suspended, record.counted_consent())
		})?;
		Self::unfile_active(cohort, person, &record);
		record.status = MemberStatus::Suspended;
		Self::store_with_standing(cohort, person, record);
		T::OnMembershipChange::on_suspended(cohort, &person)
	}

	pub(crate) fn do_revoke(
		issuer: T::AccountId,
		cohort: CohortId,
		member: T::AccountId,
	) -> DispatchResult {
		let (person, record) = Self::membership_of(cohort, &member)?;
		ensure!(record.issuer == issuer, Error::<T>::NotMembershipIssuer);
		Self::suspend_membership(cohort, person, record)?;
		Self::deposit_event(Event::Revoked { cohort, account: member, issuer });
		Ok(())
	}

	pub(crate) fn do_suspend_by_authority(
		cohort: CohortId,
		member: T::AccountId,
	) -> DispatchResult {
		let (person, record) = Self::membership_of(cohort, &member)?;
		Self::suspend_membership(cohort, person, record)?;
		Self::deposit_event(Event::Suspended { cohort, account: member });
		Ok(())
	}

	pub(crate) fn do_correct_units(
		cohort: CohortId,
		member: T::AccountId,
		units: u64,
	) -> DispatchResult {
		let (person, record) = Self::membership_of(cohort, &member)?;
		let old = record.units;
		ensure!(units < old, Error::<T>::UnitsNotLowered);
		Self::set_units(cohort, person, record, units)?;
		Self::deposit_event(Event::UnitsCorrected { cohort, account: member, old, new: units });
		Ok(())
	}

	pub(crate) fn do_forget_departed(cohort: CohortId, person: Nullifier) -> DispatchResult {
		let departed = Departed::<T>::get(cohort, person).ok_or(Error::<T>::NotDeparted)?;
		let replayable_until = sp_runtime::Saturating::saturating_add(
			departed.left_at,
			T::MaxAttestationPeriod::get(),
		);
		ensure!(Self::now() > replayable_until, Error::<T>::ReplayWindowOpen);
		Departed::<T>::remove(cohort, person);
		Self::deposit_event(Event::DepartedForgotten { cohort, person });
		Ok(())
	}

	pub(crate) fn do_expire(cohort: CohortId, member: T::AccountId) -> DispatchResult {
		let (person, record) = Self::membership_of(cohort, &member)?;
		ensure!(record.status == MemberStatus::Active, Error::<T>::NotActive);
		ensure!(record.expires_at <= Self::now(), Error::<T>::NotExpired);
		Self::suspend_membership(cohort, person, record)?;
		Self::deposit_event(Event::Expired { cohort, account: member });
		Ok(())
	}

	/// Rotates with the membership's issuer's signed approval, spending its nonce.
	pub(crate) fn do_rotate_with_issuer(
		cohort: CohortId,
		lost: T::AccountId,
		new: T::AccountId,
		nonce: u64,
		signature: T::Signature,
	) -> DispatchResult {
		let (person, record) = Self::membership_of(cohort, &lost)?;
		ensure!(nonce > record.nonce, Error::<T>::NonceUsed);
		ensure!(T::Cohorts::accepts_issuer(cohort, &record.issuer), Error::<T>::IssuerNotAccepted);
		let approval = RotationApproval {
			genesis_hash: Self::genesis_hash(),
			cohort,
			person,
			from: lost.clone(),
			to: new.clone(),
			nonce,
		};
		let payload = (ROTATION_TAG, &approval).encode();
		Self::verify_signature(&payload, &signature, &record.issuer)?;
		Memberships::<T>::mutate(cohort, person, |r| {
			if let Some(r) = r {
				r.nonce = nonce;
			}
		});
		Self::do_rotate(cohort, lost, new)
	}

	pub(crate) fn do_schedule_rotation(
		cohort: CohortId,
		lost: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		Self::membership_of(cohort, &lost)?;
		ensure!(!PersonOf::<T>::contains_key(cohort, &new), Error::<T>::NewAccountIsMember);
		ensure!(!PendingRotations::<T>::contains_key(cohort, &lost), Error::<T>::RotationPending);
		let executable_at =
			sp_runtime::Saturating::saturating_add(Self::now(), T::RotationDelay::get());
		let pending = PendingRotation { new: new.clone(), executable_at };
		PendingRotations::<T>::insert(cohort, &lost, pending);
		Self::deposit_event(Event::RotationScheduled { cohort, lost, new, executable_at });
		Ok(())
	}

	pub(crate) fn do_complete_rotation(cohort: CohortId, lost: T::AccountId) -> DispatchResult {
		let pending =
			PendingRotations::<T>::get(cohort, &lost).ok_or(Error::<T>::NoPendingRotation)?;
		ensure!(Self::now() >= pending.executable_at, Error::<T>::RotationDelayNotOver);
		let (person, _) = Self::membership_of(cohort, &lost)?;
		// Without the issuer's word the key may not be lost at all: what it earned stays its.
		T::OnMembershipChange::on_rotating_by_cohort(cohort, &person, &lost)?;
		Self::do_rotate(cohort, lost, pending.new)
	}

	pub(crate) fn do_rotate(
		cohort: CohortId,
		lost: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		let (person, mut record) = Self::membership_of(cohort, &lost)?;
		ensure!(!PersonOf::<T>::contains_key(cohort, &new), Error::<T>::NewAccountIsMember);
		PendingRotations::<T>::remove(cohort, &lost);
		// The deposit follows the person: moved, still held, to the new account.
		T::Currency::transfer_on_hold(
			&HoldReason::Membership.into(),
			&lost,
			&new,
			record.deposit,
			Precision::Exact,
			Restriction::OnHold,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::DepositNotMoved)?;
		record.account = new.clone();
		PersonOf::<T>::remove(cohort, &lost);
		Self::store_with_standing(cohort, person, record);
		T::OnMembershipChange::on_rotated(cohort, &person, &lost, &new)?;
		Self::deposit_event(Event::Rotated { cohort, person, from: lost, to: new });
		Ok(())
	}

	/// Sets the member's own consent, taking it back from the trustees if they had left it to
	/// them.
	pub(crate) fn do_set_consent(
		who: T::AccountId,
		cohort: CohortId,
		consent: Consent,
	) -> DispatchResult {
		let (person, mut record) = Self::membership_of(cohort, &who)?;
		let (old, took_back) = (record.consent, record.delegated);
		ensure!(took_back || old != consent, Error::<T>::ConsentUnchanged);
		let counted_before = record.counted_consent();
		record.consent = consent;
		record.delegated = false;
		Self::update_stats(cohort, |stats| {
			stats.remove(record.status, counted_before);
			stats.add(record.status, record.counted_consent())
		})?;
		Memberships::<T>::insert(cohort, person, record);
		if took_back {
			T::OnMembershipChange::on_delegation_changed(cohort, &person, false)?;
			Self::deposit_event(Event::ConsentTakenBack { cohort, account: who.clone() });
		}
		if old != consent {
			T::OnMembershipChange::on_consent_changed(cohort, &person, old, consent)?;
		}
		Self::deposit_event(Event::ConsentChanged { cohort, account: who, old, new: consent });
		Ok(())
	}

	/// The member follows the trustees' consent from now on; their own is none.
	pub(crate) fn do_delegate_consent(who: T::AccountId, cohort: CohortId) -> DispatchResult {
		ensure!(T::Cohorts::is_data_trust(cohort), Error::<T>::NotADataTrust);
		let (person, mut record) = Self::membership_of(cohort, &who)?;
		ensure!(!record.delegated, Error::<T>::AlreadyDelegated);
		let (old, counted_before) = (record.consent, record.counted_consent());
		record.consent = Consent::NONE;
		record.delegated = true;
		Self::update_stats(cohort, |stats| {
			stats.remove(record.status, counted_before);
			stats.add(record.status, record.counted_consent())
		})?;
		Memberships::<T>::insert(cohort, person, record);
		if old != Consent::NONE {
			T::OnMembershipChange::on_consent_changed(cohort, &person, old, Consent::NONE)?;
		}
		T::OnMembershipChange::on_delegation_changed(cohort, &person, true)?;
		Self::deposit_event(Event::ConsentDelegated { cohort, account: who });
		Ok(())
	}

	/// The trustees' consent changes for every member who follows it, in one write.
	pub(crate) fn do_set_trustee_consent(cohort: CohortId, consent: Consent) -> DispatchResult {
		let old = TrusteeConsent::<T>::get(cohort);
		ensure!(old != consent, Error::<T>::ConsentUnchanged);
		TrusteeConsent::<T>::insert(cohort, consent);
		T::OnMembershipChange::on_trustee_consent_changed(cohort, old, consent)?;
		Self::deposit_event(Event::TrusteeConsentSet { cohort, old, new: consent });
		Ok(())
	}

	pub(crate) fn do_record_contribution(
		issuer: T::AccountId,
		cohort: CohortId,
		member: T::AccountId,
		units: u64,
	) -> DispatchResult {
		ensure!(T::Cohorts::accepts_issuer(cohort, &issuer), Error::<T>::IssuerNotAccepted);
		ensure!(units > 0, Error::<T>::NoUnits);
		ensure!(units <= T::MaxUnitsPerCall::get(), Error::<T>::TooManyUnits);
		let (person, record) = Self::membership_of(cohort, &member)?;
		ensure!(record.status == MemberStatus::Active, Error::<T>::NotActive);
		let total = record.units.checked_add(units).ok_or(Error::<T>::UnitsOverflow)?;
		Self::set_units(cohort, person, record, total)?;
		Self::deposit_event(Event::ContributionRecorded { cohort, account: member, units, total });
		Ok(())
	}

	/// Stores `units` as the member's total, with the counts (a consenting member's first units
	/// make them count towards the k-anonymity floor) and the followers in step.
	fn set_units(
		cohort: CohortId,
		person: Nullifier,
		mut record: MembershipOf<T>,
		units: u64,
	) -> DispatchResult {
		let (old, counted_before) = (record.units, record.counted_consent());
		record.units = units;
		Self::update_stats(cohort, |stats| {
			stats.remove(record.status, counted_before);
			stats.add(record.status, record.counted_consent())
		})?;
		Memberships::<T>::insert(cohort, person, record);
		T::OnMembershipChange::on_units_changed(cohort, &person, old, units)
	}
}
