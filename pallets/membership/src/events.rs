//! The pallet's events and errors: what it tells and what it refuses (a section of the pallet
//! module in `lib.rs`).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `issuer` attested on chain that `subject` may join `cohort`, until `expires_at`.
		Attested {
			cohort: CohortId,
			subject: T::AccountId,
			issuer: T::AccountId,
			expires_at: BlockNumberFor<T>,
		},
		/// The unused attestation of `subject` was withdrawn; its deposit is back with the
		/// issuer.
		AttestationWithdrawn { cohort: CohortId, subject: T::AccountId },
		/// `person` joined `cohort` with `account`, on `issuer`'s attestation.
		Joined { cohort: CohortId, account: T::AccountId, person: Nullifier, issuer: T::AccountId },
		/// A suspended member is active again after a fresh attestation, until `expires_at`.
		Restored { cohort: CohortId, account: T::AccountId, expires_at: BlockNumberFor<T> },
		/// `issuer` revoked the membership of `account`; it is suspended.
		Revoked { cohort: CohortId, account: T::AccountId, issuer: T::AccountId },
		/// The attestation of `account`'s membership expired; it is suspended.
		Expired { cohort: CohortId, account: T::AccountId },
		/// `issuer` was withdrawn (from `cohort`, or by the council from every cohort if
		/// `None`): its memberships stop giving rights now and are suspended over the next blocks.
		SweepStarted { issuer: T::AccountId, cohort: Option<CohortId> },
		/// Every membership of the withdrawn `issuer` in scope is suspended (or it was accepted
		/// again first).
		SweepFinished { issuer: T::AccountId, cohort: Option<CohortId> },
		/// `account`'s membership is suspended because its issuer was withdrawn; an accepted
		/// issuer's fresh attestation restores it.
		IssuerWithdrawn { cohort: CohortId, account: T::AccountId, issuer: T::AccountId },
		/// The membership of `account` lost its issuer but could not be suspended (`error`): it
		/// gives no rights (see `MembershipInspect::active_person`); the council or the cohort
		/// may `suspend` it.
		SweepFailed { cohort: CohortId, account: T::AccountId, error: DispatchError },
		/// What stayed of `person`'s left membership is gone.
		DepartedForgotten { cohort: CohortId, person: Nullifier },
		/// The membership of `account` expired but could not be suspended as its block
		/// started (`error`): it gives no rights (see `MembershipInspect::active_person`) and
		/// anyone may suspend it with `expire`.
		ExpiryFailed { cohort: CohortId, account: T::AccountId, error: DispatchError },
		/// `account` left; its deposit is released and its earnings stay claimable.
		Left { cohort: CohortId, account: T::AccountId },
		/// `person`'s membership moved from the lost account `from` to `to` (key recovery).
		Rotated { cohort: CohortId, person: Nullifier, from: T::AccountId, to: T::AccountId },
		/// The cohort's members decided to move `lost`'s membership to `new`; anyone may
		/// complete it from block `executable_at` unless `lost` cancels it first.
		RotationScheduled {
			cohort: CohortId,
			lost: T::AccountId,
			new: T::AccountId,
			executable_at: BlockNumberFor<T>,
		},
		/// The owner of `lost` cancelled the rotation of their membership.
		RotationCancelled { cohort: CohortId, lost: T::AccountId },
		/// The council or the cohort suspended `account`'s membership.
		Suspended { cohort: CohortId, account: T::AccountId },
		/// The council or the cohort lowered `account`'s units from `old` to `new`.
		UnitsCorrected { cohort: CohortId, account: T::AccountId, old: u64, new: u64 },
		/// A member changed their consent from `old` to `new`. It applies to future licences
		/// only.
		ConsentChanged { cohort: CohortId, account: T::AccountId, old: Consent, new: Consent },
		/// A member of a data trust left their consent to the trustees: they follow
		/// `TrusteeConsent` until they set their own again.
		ConsentDelegated { cohort: CohortId, account: T::AccountId },
		/// A member took their consent back from the trustees (their own follows in
		/// `ConsentChanged`).
		ConsentTakenBack { cohort: CohortId, account: T::AccountId },
		/// The trustees set the consent every member who left theirs to them follows. It
		/// applies to future licences only.
		TrusteeConsentSet { cohort: CohortId, old: Consent, new: Consent },
		/// An issuer recorded `units` more of a member's data contribution; `total` is theirs
		/// now.
		ContributionRecorded { cohort: CohortId, account: T::AccountId, units: u64, total: u64 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cohort does not exist or is frozen.
		CohortNotActive,
		/// A rotation of this membership is already waiting.
		RotationPending,
		/// More units than `MaxUnitsPerCall` in one call.
		TooManyUnits,
		/// A correction must lower the units.
		UnitsNotLowered,
		/// No rotation of this account's membership is waiting.
		NoPendingRotation,
		/// The rotation's delay is not over yet.
		RotationDelayNotOver,
		/// The issuer is not approved, or the cohort does not accept it.
		IssuerNotAccepted,
		/// The attestation or credential has expired, or expires now.
		Expired,
		/// The expiry is further away than `MaxAttestationPeriod`.
		ExpiryTooFar,
		/// The credential says it was issued after the current block.
		IssuedInTheFuture,
		/// The issuer withdrew the credentials it issued before this one's issue block.
		CredentialWithdrawn,
		/// The subject already has an attestation waiting for this cohort.
		AttestationExists,
		/// There is no attestation for this account and cohort.
		NoAttestation,
		/// Only the attestation's issuer may withdraw it before it expires.
		NotAttestationIssuer,
		/// The credential is for another chain.
		WrongChain,
		/// The credential is for another cohort.
		WrongCohort,
		/// The credential is for another account.
		WrongSubject,
		/// The signature does not match the issuer and payload.
		BadSignature,
		/// The nonce was already used for this person: a replay.
		NonceUsed,
		/// This account already holds a membership of the cohort.
		AlreadyMember,
		/// This person already holds a membership of the cohort with another account.
		PersonAlreadyMember,
		/// The attestation names another person than this account's membership.
		PersonMismatch,
		/// This account holds no membership of the cohort.
		NotMember,
		/// The membership is not active.
		NotActive,
		/// The membership's attestation has not expired yet.
		NotExpired,
		/// The person has not left the cohort (or what stayed is forgotten already).
		NotDeparted,
		/// A credential the person used may still be replayed: wait `MaxAttestationPeriod`
		/// from their leaving.
		ReplayWindowOpen,
		/// As many memberships as a block may hold already expire at the attestation's expiry
		/// block and the blocks just before it: the issuer should choose another expiry.
		ExpiryQueueFull,
		/// Only the membership's issuer may revoke it.
		NotMembershipIssuer,
		/// The new account already holds a membership of the cohort.
		NewAccountIsMember,
		/// The consent is already so.
		ConsentUnchanged,
		/// Only in a data trust may members leave their consent to trustees.
		NotADataTrust,
		/// The member already follows the trustees' consent.
		AlreadyDelegated,
		/// Zero units.
		NoUnits,
		/// The units would overflow.
		UnitsOverflow,
		/// The account cannot pay the deposit.
		InsufficientDeposit,
		/// The deposit could not be moved to the new account (it must exist).
		DepositNotMoved,
		/// A count would overflow.
		CountOverflow,
	}
}
