//! What the calls share: checking attestations, credentials and signatures, finding a
//! membership, keeping the counts.

use crate::*;
use alloc::vec::Vec;
use codec::Encode;
use cohort_primitives::MembershipChange;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Verify, Zero},
	ArithmeticError,
};

/// How many blocks, from an attestation's expiry block back, may take its membership's expiry
/// when that block is full: the blocks tried bound `join`'s reads.
pub const EXPIRY_BLOCKS_TRIED: u32 = 10;

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The chain's genesis hash, which credentials bind.
	pub fn genesis_hash() -> T::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// The Oversight Council, or the cohort origin of `cohort`.
	pub(crate) fn ensure_council_or_cohort(
		origin: T::RuntimeOrigin,
		cohort: CohortId,
	) -> DispatchResult {
		if T::OversightOrigin::ensure_origin(origin.clone()).is_ok() {
			return Ok(());
		}
		use frame_support::traits::EnsureOriginWithArg;
		T::CohortOrigin::ensure_origin(origin, &cohort).map(|_| ()).map_err(Into::into)
	}

	pub(crate) fn ensure_valid_expiry(expires_at: BlockNumberFor<T>) -> DispatchResult {
		let now = Self::now();
		ensure!(expires_at > now, Error::<T>::Expired);
		ensure!(
			expires_at <= now.saturating_add(T::MaxAttestationPeriod::get()),
			Error::<T>::ExpiryTooFar
		);
		Ok(())
	}

	/// `signature` by `signer` over `payload`, signed as it is or by a browser wallet
	/// ([`wrapped_for_wallets`]). The benchmarks sign the wrapped form, which checks both.
	pub(crate) fn verify_signature(
		payload: &[u8],
		signature: &T::Signature,
		signer: &T::AccountId,
	) -> DispatchResult {
		if signature.verify(payload, signer) {
			return Ok(());
		}
		ensure!(
			signature.verify(&wrapped_for_wallets(payload)[..], signer),
			Error::<T>::BadSignature
		);
		Ok(())
	}

	/// Panics on a configuration no chain could work with (`integrity_test`).
	pub(crate) fn assert_sound_config() {
		assert!(T::MaxExpiriesPerBlock::get() > 0, "MaxExpiriesPerBlock must be at least 1");
		assert!(T::MaxSweptPerBlock::get() > 0, "MaxSweptPerBlock must be at least 1");
		// Otherwise no attestation could be valid: each must expire after the block it is
		// made in, and at most `MaxAttestationPeriod` after it.
		assert!(
			!T::MaxAttestationPeriod::get().is_zero(),
			"MaxAttestationPeriod must be at least one block"
		);
	}

	/// The membership (and person) of `account` in `cohort`.
	pub(crate) fn membership_of(
		cohort: CohortId,
		account: &T::AccountId,
	) -> Result<(Nullifier, MembershipOf<T>), DispatchError> {
		let person = PersonOf::<T>::get(cohort, account).ok_or(Error::<T>::NotMember)?.person;
		let record = Memberships::<T>::get(cohort, person).ok_or(Error::<T>::NotMember)?;
		Ok((person, record))
	}

	/// Stores `person`'s record and, under its account, the entry with its standing: for a
	/// change of account, status, issuer or expiry (a change of anything else stores the
	/// record alone).
	pub(crate) fn store_with_standing(
		cohort: CohortId,
		person: Nullifier,
		record: MembershipOf<T>,
	) {
		PersonOf::<T>::insert(cohort, &record.account, record.account_entry(person));
		Memberships::<T>::insert(cohort, person, record);
	}

	/// Applies `change` to `cohort`'s counts; nothing changes if it overflows.
	pub(crate) fn update_stats(
		cohort: CohortId,
		change: impl FnOnce(&mut CohortStats) -> Result<(), ArithmeticError>,
	) -> DispatchResult {
		Stats::<T>::try_mutate(cohort, |stats| {
			change(stats).map_err(|_| Error::<T>::CountOverflow.into())
		})
	}

	/// Files a membership that becomes active on `issuer`'s attestation where an active one is
	/// found: in the queue of its expiry (see [`Self::schedule_expiry`]) and under its issuer.
	/// Returns the block it now expires at.
	pub(crate) fn file_active(
		cohort: CohortId,
		person: Nullifier,
		issuer: &T::AccountId,
		expires_at: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let at = Self::schedule_expiry(cohort, person, expires_at)?;
		ActiveByIssuer::<T>::insert((issuer, cohort, person), ());
		Ok(at)
	}

	/// Takes a membership that stops being active out of where [`Self::file_active`] put it.
	pub(crate) fn unfile_active(cohort: CohortId, person: Nullifier, record: &MembershipOf<T>) {
		Self::unschedule_expiry(cohort, person, record.expires_at);
		ActiveByIssuer::<T>::remove((&record.issuer, cohort, person));
	}

	/// Queues an active membership's suspension at `expires_at`, or, if that block is full, at
	/// the latest of the [`EXPIRY_BLOCKS_TRIED`] blocks before it that has room (earlier is
	/// always safe). Returns the block the membership now expires at.
	fn schedule_expiry(
		cohort: CohortId,
		person: Nullifier,
		expires_at: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let earliest = Self::now().saturating_add(One::one());
		let mut at = expires_at;
		for _ in 0..EXPIRY_BLOCKS_TRIED {
			if at < earliest {
				break;
			}
			let count = ExpiryCount::<T>::get(at);
			if count < T::MaxExpiriesPerBlock::get() {
				ExpiryCount::<T>::insert(at, count.saturating_add(1));
				Expiries::<T>::insert(at, (cohort, person), ());
				return Ok(at);
			}
			at = at.saturating_sub(One::one());
		}
		Err(Error::<T>::ExpiryQueueFull.into())
	}

	/// Takes a membership that stops being active out of the queue of its expiry.
	fn unschedule_expiry(cohort: CohortId, person: Nullifier, expires_at: BlockNumberFor<T>) {
		if Expiries::<T>::take(expires_at, (cohort, person)).is_some() {
			ExpiryCount::<T>::mutate_exists(expires_at, |count| {
				*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
			});
		}
	}

	/// Suspends the memberships whose attestation expires at `now`. Each is suspended in a
	/// storage layer of its own: one that fails (a follower's error) changes nothing, is
	/// reported, and still gives no rights.
	pub(crate) fn expire_due(now: BlockNumberFor<T>) -> Weight {
		let due = ExpiryCount::<T>::take(now);
		if due == 0 {
			return T::WeightInfo::expire_due(0);
		}
		for ((cohort, person), ()) in Expiries::<T>::drain_prefix(now).take(due as usize) {
			let Some(record) = Memberships::<T>::get(cohort, person) else { continue };
			let account = record.account.clone();
			let result = frame_support::storage::with_storage_layer(|| {
				Self::suspend_membership(cohort, person, record)
			});
			match result {
				Ok(()) => Self::deposit_event(Event::Expired { cohort, account }),
				Err(error) => Self::deposit_event(Event::ExpiryFailed { cohort, account, error }),
			}
		}
		let followers = T::OnMembershipChange::weight(MembershipChange::Suspended);
		T::WeightInfo::expire_due(due).saturating_add(followers.saturating_mul(due.into()))
	}

	/// Suspends up to `MaxSweptPerBlock` active memberships of the first withdrawn issuer
	/// still being swept, each in a storage layer of its own, as `expire_due` does. A sweep
	/// ends when none is left, or at once if the issuer was accepted again.
	pub(crate) fn sweep_withdrawn_issuer() -> Weight {
		let Some((scope, issuer, ())) = Sweeps::<T>::iter().next() else {
			return T::WeightInfo::sweep_withdrawn_issuer(0);
		};
		let accepted_again = match scope {
			Some(cohort) => T::Cohorts::accepts_issuer(cohort, &issuer),
			None => T::Cohorts::credentials_valid_from(&issuer).is_some(),
		};
		let limit = T::MaxSweptPerBlock::get();
		let due: Vec<(CohortId, Nullifier)> = match (accepted_again, scope) {
			(true, _) => Vec::new(),
			(false, Some(cohort)) => ActiveByIssuer::<T>::iter_key_prefix((&issuer, cohort))
				.take(limit as usize)
				.map(|person| (cohort, person))
				.collect(),
			(false, None) => {
				ActiveByIssuer::<T>::iter_key_prefix((&issuer,)).take(limit as usize).collect()
			},
		};
		let swept = due.len() as u32;
		for (cohort, person) in due {
			// Whatever happens below, it leaves the sweep: the next block moves on.
			ActiveByIssuer::<T>::remove((&issuer, cohort, person));
			let Some(record) = Memberships::<T>::get(cohort, person) else { continue };
			let account = record.account.clone();
			let result = frame_support::storage::with_storage_layer(|| {
				Self::suspend_membership(cohort, person, record)
			});
			let issuer = issuer.clone();
			match result {
				Ok(()) => Self::deposit_event(Event::IssuerWithdrawn { cohort, account, issuer }),
				Err(error) => Self::deposit_event(Event::SweepFailed { cohort, account, error }),
			}
		}
		if swept < limit {
			Sweeps::<T>::remove(scope, &issuer);
			Self::deposit_event(Event::SweepFinished { issuer, cohort: scope });
		}
		let followers = T::OnMembershipChange::weight(MembershipChange::Suspended);
		T::WeightInfo::sweep_withdrawn_issuer(swept)
			.saturating_add(followers.saturating_mul(swept.into()))
	}

	pub(crate) fn release_attestation(attestation: &AttestationOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::Attestation.into(),
			&attestation.issuer,
			attestation.deposit,
			Precision::BestEffort,
		)?;
		Ok(())
	}

	/// The attestation `who` joins `cohort` with: a verified credential, or their on-chain
	/// attestation (consumed, its deposit back with the issuer).
	pub(crate) fn take_attestation(
		who: &T::AccountId,
		cohort: CohortId,
		credential: Option<(CredentialOf<T>, T::Signature)>,
	) -> Result<AdmissionOf<T>, DispatchError> {
		match credential {
			Some((credential, signature)) => {
				Self::verify_credential(who, cohort, credential, &signature)
			},
			None => Self::take_onchain_attestation(who, cohort),
		}
	}

	/// Checks that `credential` was signed by an issuer `cohort` accepts, for this chain, this
	/// cohort and `who`, is unexpired and is not a replay.
	fn verify_credential(
		who: &T::AccountId,
		cohort: CohortId,
		credential: CredentialOf<T>,
		signature: &T::Signature,
	) -> Result<AdmissionOf<T>, DispatchError> {
		ensure!(credential.genesis_hash == Self::genesis_hash(), Error::<T>::WrongChain);
		ensure!(credential.cohort == cohort, Error::<T>::WrongCohort);
		ensure!(&credential.subject == who, Error::<T>::WrongSubject);
		// The same cap as on-chain attestations: a stolen key cannot sign one for ever.
		Self::ensure_valid_expiry(credential.expires_at)?;
		ensure!(
			T::Cohorts::accepts_issuer(cohort, &credential.issuer),
			Error::<T>::IssuerNotAccepted
		);
		// A credential dated ahead would outlive the issuer's next withdrawal.
		ensure!(credential.issued_at <= Self::now(), Error::<T>::IssuedInTheFuture);
		let valid_from = T::Cohorts::credentials_valid_from(&credential.issuer)
			.ok_or(Error::<T>::IssuerNotAccepted)?;
		ensure!(credential.issued_at >= valid_from, Error::<T>::CredentialWithdrawn);
		let payload = (CREDENTIAL_TAG, &credential).encode();
		Self::verify_signature(&payload, signature, &credential.issuer)?;
		let spent = Memberships::<T>::get(cohort, credential.person)
			.map(|record| record.nonce)
			.or_else(|| Departed::<T>::get(cohort, credential.person).map(|d| d.nonce));
		if let Some(spent) = spent {
			ensure!(credential.nonce > spent, Error::<T>::NonceUsed);
		}
		Ok(Admission {
			issuer: credential.issuer,
			person: credential.person,
			expires_at: credential.expires_at,
			evidence: credential.evidence,
			nonce: Some(credential.nonce),
		})
	}

	/// Consumes the unexpired on-chain attestation waiting for `who`, if its issuer is still
	/// accepted, and returns its deposit to the issuer.
	fn take_onchain_attestation(
		who: &T::AccountId,
		cohort: CohortId,
	) -> Result<AdmissionOf<T>, DispatchError> {
		let attestation = Attestations::<T>::get(cohort, who).ok_or(Error::<T>::NoAttestation)?;
		ensure!(attestation.expires_at > Self::now(), Error::<T>::Expired);
		ensure!(
			T::Cohorts::accepts_issuer(cohort, &attestation.issuer),
			Error::<T>::IssuerNotAccepted
		);
		Self::release_attestation(&attestation)?;
		Attestations::<T>::remove(cohort, who);
		Ok(Admission {
			issuer: attestation.issuer,
			person: attestation.person,
			expires_at: attestation.expires_at,
			evidence: attestation.evidence,
			nonce: None,
		})
	}
}

// For other pallets' benchmarks (the runtime's benchmark helpers).
#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Makes `who` an active member of `cohort` as `person`, attested by `issuer` (an issuer
	/// the cohort accepts, able to pay the attestation deposit): for other pallets'
	/// benchmarks.
	pub fn benchmark_member(
		cohort: CohortId,
		issuer: T::AccountId,
		who: T::AccountId,
		person: Nullifier,
	) -> DispatchResult {
		let expires_at = Self::now().saturating_add(T::MaxAttestationPeriod::get());
		Self::do_attest(issuer, cohort, who.clone(), person, expires_at, sp_core::H256::zero())?;
		Self::do_join(who, cohort, None).map(|_| ())
	}
}
