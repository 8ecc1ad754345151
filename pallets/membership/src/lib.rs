//! # Membership
//!
//! Soulbound membership of cohorts.
//!
//! - An approved issuer that a cohort accepts **attests** `(cohort, subject account, person,
//!   expiry, evidence hash)`: on chain with [`Pallet::attest`], or off chain as a signed
//!   [`Credential`] that the patient submits in [`Pallet::join`]. A credential's signature,
//!   expiry, chain (genesis hash), cohort, subject and nonce are checked: it cannot be forged,
//!   replayed, or used on another chain, in another cohort or by another account.
//! - The **person** is the issuer's nullifier: one membership per (cohort, person) and per
//!   (cohort, account). Nothing transfers a membership. A lost key is recovered with
//!   [`Pallet::rotate`] (issuer co-signature) or [`Pallet::rotate_by_cohort`] (the cohort's
//!   members); the person keeps consent, units, credits and history.
//! - [`Pallet::revoke`] (by the issuer) and [`Pallet::expire`] (by anyone, once expired)
//!   suspend a membership; a fresh attestation and `join` restore it. [`Pallet::leave`] ends
//!   it and returns the deposit; what was earned stays claimable.
//! - Members choose their **consent** per purpose; issuers record **contribution units**.
//! - Other pallets read memberships through [`MembershipInspect`] and follow changes through
//!   [`MembershipHooks`].
//!
//! No personal data is stored: a nullifier, an evidence hash, an expiry, consent flags and a
//! unit count. Every call is O(1).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use cohort_primitives::{CohortId, Consent, Nullifier, Purpose};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: a cohort, and issuers whose keys can sign.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A new issuer account whose key [`BenchmarkHelper::sign`] can use.
	fn issuer() -> AccountId;
	/// `issuer`'s signature of `payload`.
	fn sign(issuer: &AccountId, payload: &[u8]) -> Signature;
	/// An active cohort that accepts `issuer`.
	fn cohort_accepting(issuer: &AccountId) -> CohortId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::{CohortsInspect, MembershipChange, MembershipHooks, MembershipInspect};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
			EnsureOriginWithArg,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, Saturating, Verify, Zero};

	/// The balance type of deposits.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A membership as stored.
	pub type MembershipOf<T> =
		MembershipRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// An on-chain attestation as stored.
	pub type AttestationOf<T> =
		Attestation<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A credential for this chain.
	pub type CredentialOf<T> = Credential<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as frame_system::Config>::Hash,
	>;
	/// A rotation approval for this chain.
	pub type RotationApprovalOf<T> =
		RotationApproval<<T as frame_system::Config>::AccountId, <T as frame_system::Config>::Hash>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The cohorts (pallet-cohorts in the runtime).
		type Cohorts: CohortsInspect<Self::AccountId>;

		/// A cohort approving a key rotation: its members (pallet-cohorts' `EnsureCohort`).
		type CohortOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CohortId>;

		/// Who follows membership changes (voting, royalties).
		type Hooks: MembershipHooks<Self::AccountId>;

		/// The signature of issuers' credentials: the runtime's `MultiSignature` (sr25519,
		/// ed25519 or ecdsa).
		type Signature: Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>> + Parameter;

		/// The deposit a member holds for their membership record.
		#[pallet::constant]
		type MembershipDeposit: Get<BalanceOf<Self>>;

		/// The deposit an issuer holds for an on-chain attestation until it is used or
		/// withdrawn.
		#[pallet::constant]
		type AttestationDeposit: Get<BalanceOf<Self>>;

		/// The longest an attestation may run, in blocks.
		#[pallet::constant]
		type MaxAttestationPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up cohorts and signing issuers for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A member's deposit for their membership record.
		Membership,
		/// An issuer's deposit for an on-chain attestation.
		Attestation,
	}

	/// Memberships, by cohort and person.
	#[pallet::storage]
	pub type Memberships<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Blake2_128Concat,
		Nullifier,
		MembershipOf<T>,
	>;

	/// The person behind each account that holds a (not left) membership of a cohort.
	#[pallet::storage]
	pub type PersonOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, T::AccountId, Nullifier>;

	/// On-chain attestations waiting for their subject to join, by cohort and subject.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Blake2_128Concat,
		T::AccountId,
		AttestationOf<T>,
	>;

	/// Member counts per cohort.
	#[pallet::storage]
	pub type Stats<T: Config> = StorageMap<_, Blake2_128Concat, CohortId, CohortStats, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An issuer attested on chain for `subject`, who may now `join`.
		Attested {
			/// The cohort.
			cohort: CohortId,
			/// The account that may join.
			subject: T::AccountId,
			/// The issuer.
			issuer: T::AccountId,
			/// When the attestation expires.
			expires_at: BlockNumberFor<T>,
		},
		/// An unused attestation was withdrawn; its deposit is back with the issuer.
		AttestationWithdrawn {
			/// The cohort.
			cohort: CohortId,
			/// Its subject.
			subject: T::AccountId,
		},
		/// A person joined a cohort.
		Joined {
			/// The cohort.
			cohort: CohortId,
			/// The member's account.
			account: T::AccountId,
			/// The person.
			person: Nullifier,
			/// The issuer whose attestation admitted them.
			issuer: T::AccountId,
		},
		/// A suspended member is active again after a fresh attestation.
		Restored {
			/// The cohort.
			cohort: CohortId,
			/// The member's account.
			account: T::AccountId,
			/// The new expiry.
			expires_at: BlockNumberFor<T>,
		},
		/// An issuer revoked a membership; it is suspended.
		Revoked {
			/// The cohort.
			cohort: CohortId,
			/// The member's account.
			account: T::AccountId,
			/// The issuer.
			issuer: T::AccountId,
		},
		/// A membership's attestation expired; it is suspended.
		Expired {
			/// The cohort.
			cohort: CohortId,
			/// The member's account.
			account: T::AccountId,
		},
		/// A member left; their deposit is released and their earnings stay claimable.
		Left {
			/// The cohort.
			cohort: CohortId,
			/// The former member's account.
			account: T::AccountId,
		},
		/// A membership moved to a new account (key recovery).
		Rotated {
			/// The cohort.
			cohort: CohortId,
			/// The person.
			person: Nullifier,
			/// The lost account.
			from: T::AccountId,
			/// The new account.
			to: T::AccountId,
		},
		/// A member changed their consent. It applies to future licences only.
		ConsentChanged {
			/// The cohort.
			cohort: CohortId,
			/// The member's account.
			account: T::AccountId,
			/// The consent before.
			old: Consent,
			/// The consent now.
			new: Consent,
		},
		/// An issuer recorded a member's data contribution.
		ContributionRecorded {
			/// The cohort.
			cohort: CohortId,
			/// The member's account.
			account: T::AccountId,
			/// Units added.
			units: u64,
			/// The member's units now.
			total: u64,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cohort does not exist or is frozen.
		CohortNotActive,
		/// The cohort does not exist.
		UnknownCohort,
		/// The issuer is not approved, or the cohort does not accept it.
		IssuerNotAccepted,
		/// The attestation or credential has expired, or expires now.
		Expired,
		/// The expiry is further away than `MaxAttestationPeriod`.
		ExpiryTooFar,
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
		/// The membership is active.
		StillActive,
		/// The membership's attestation has not expired yet.
		NotExpired,
		/// Only the membership's issuer may revoke it.
		NotMembershipIssuer,
		/// The new account already holds a membership of the cohort.
		NewAccountIsMember,
		/// The consent is already so.
		ConsentUnchanged,
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

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Attest on chain that `subject` is the person `person` with the cohort's condition.
		/// The subject then calls `join`. The caller, an issuer the cohort accepts, holds
		/// `AttestationDeposit` until the attestation is used or withdrawn.
		///
		/// - `cohort`: the cohort.
		/// - `subject`: the account that may join with it.
		/// - `person`: the person's nullifier for this cohort (hash of their identity and the
		///   cohort id, computed by the issuer).
		/// - `expires_at`: when the membership needs a fresh attestation (block number).
		/// - `evidence`: the issuer's hash of its evidence.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			cohort: CohortId,
			subject: T::AccountId,
			person: Nullifier,
			expires_at: BlockNumberFor<T>,
			evidence: H256,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_attest(issuer, cohort, subject, person, expires_at, evidence)
		}

		/// Withdraw an unused attestation and return its deposit to the issuer: by the issuer
		/// at any time, by anyone once it has expired.
		///
		/// - `cohort`: the cohort.
		/// - `subject`: the attestation's subject.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_attestation())]
		pub fn withdraw_attestation(
			origin: OriginFor<T>,
			cohort: CohortId,
			subject: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_attestation(who, cohort, subject)
		}

		/// Join a cohort, or restore a suspended membership, with an issuer's attestation: the
		/// on-chain one waiting for the caller (`credential: None`), or a signed credential.
		/// A new member holds `MembershipDeposit` and starts consenting to nothing.
		///
		/// - `cohort`: the cohort.
		/// - `credential`: an issuer-signed credential and its signature, or `None` to use the
		///   caller's on-chain attestation.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::join_with_credential()
				.max(T::WeightInfo::join_with_attestation())
				.saturating_add(Pallet::<T>::hook_weight(MembershipChange::Joined))
				.saturating_add(Pallet::<T>::hook_weight(MembershipChange::Restored))
		)]
		pub fn join(
			origin: OriginFor<T>,
			cohort: CohortId,
			credential: Option<(CredentialOf<T>, T::Signature)>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let with_credential = credential.is_some();
			Self::do_join(who, cohort, credential)?;
			let weight = if with_credential {
				T::WeightInfo::join_with_credential()
			} else {
				T::WeightInfo::join_with_attestation()
			};
			Ok(Some(weight).into())
		}

		/// Leave a cohort. The deposit is released; consent ends; earnings stay claimable.
		///
		/// - `cohort`: the cohort.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::leave().saturating_add(Pallet::<T>::hook_weight(MembershipChange::Left)))]
		pub fn leave(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave(who, cohort)
		}

		/// Revoke a membership the caller attested: it is suspended until a fresh attestation.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's account.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(Pallet::<T>::hook_weight(MembershipChange::Suspended)))]
		pub fn revoke(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_revoke(issuer, cohort, member)
		}

		/// Suspend a membership whose attestation has expired, so that counts stay exact.
		/// Anyone may call it.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's account.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::expire().saturating_add(Pallet::<T>::hook_weight(MembershipChange::Suspended)))]
		pub fn expire(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire(cohort, member)
		}

		/// Move the caller's lost membership to the caller's (new) account, with the issuer's
		/// co-signature of a [`RotationApproval`]. The deposit moves with it.
		///
		/// - `cohort`: the cohort.
		/// - `lost`: the account whose key was lost.
		/// - `nonce`: the approval's nonce (above the person's last used nonce).
		/// - `signature`: the membership's issuer's signature of the approval.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::rotate().saturating_add(Pallet::<T>::hook_weight(MembershipChange::Rotated)))]
		pub fn rotate(
			origin: OriginFor<T>,
			cohort: CohortId,
			lost: T::AccountId,
			nonce: u64,
			signature: T::Signature,
		) -> DispatchResult {
			let new = ensure_signed(origin)?;
			Self::do_rotate_with_issuer(cohort, lost, new, nonce, signature)
		}

		/// Move a lost membership to a new account, as the cohort's members decided. The
		/// deposit moves with it; the new account must exist.
		///
		/// - `cohort`: the cohort.
		/// - `lost`: the account whose key was lost.
		/// - `new`: the person's new account.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::rotate_by_cohort().saturating_add(Pallet::<T>::hook_weight(MembershipChange::Rotated)))]
		pub fn rotate_by_cohort(
			origin: OriginFor<T>,
			cohort: CohortId,
			lost: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_rotate(cohort, lost, new)
		}

		/// Set the purposes the caller consents to. Applies to future licences only.
		///
		/// - `cohort`: the cohort.
		/// - `consent`: the purposes, one flag each.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_consent().saturating_add(Pallet::<T>::hook_weight(MembershipChange::ConsentChanged)))]
		pub fn set_consent(
			origin: OriginFor<T>,
			cohort: CohortId,
			consent: Consent,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_consent(who, cohort, consent)
		}

		/// Record data a member contributed, as units that weight their royalties. By an
		/// issuer the cohort accepts.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's account (active).
		/// - `units`: units to add (e.g. records contributed).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::record_contribution().saturating_add(Pallet::<T>::hook_weight(MembershipChange::UnitsChanged)))]
		pub fn record_contribution(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
			units: u64,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_record_contribution(issuer, cohort, member, units)
		}
	}

	impl<T: Config> Pallet<T> {
		/// What the followers of membership changes add to a call's weight.
		fn hook_weight(change: MembershipChange) -> Weight {
			T::Hooks::weight(change)
		}

		fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// The chain's genesis hash, which credentials bind.
		pub fn genesis_hash() -> T::Hash {
			frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
		}

		fn ensure_valid_expiry(expires_at: BlockNumberFor<T>) -> DispatchResult {
			let now = Self::now();
			ensure!(expires_at > now, Error::<T>::Expired);
			ensure!(
				expires_at <= now.saturating_add(T::MaxAttestationPeriod::get()),
				Error::<T>::ExpiryTooFar
			);
			Ok(())
		}

		fn verify_signature(
			payload: &[u8],
			signature: &T::Signature,
			signer: &T::AccountId,
		) -> DispatchResult {
			ensure!(signature.verify(payload, signer), Error::<T>::BadSignature);
			Ok(())
		}

		/// The membership (and person) of `account` in `cohort`.
		fn membership_of(
			cohort: CohortId,
			account: &T::AccountId,
		) -> Result<(Nullifier, MembershipOf<T>), DispatchError> {
			let person = PersonOf::<T>::get(cohort, account).ok_or(Error::<T>::NotMember)?;
			let record = Memberships::<T>::get(cohort, person).ok_or(Error::<T>::NotMember)?;
			Ok((person, record))
		}

		/// Moves `record`'s weight in the counts: out of its old status and consent, into the
		/// new ones.
		fn update_stats(
			cohort: CohortId,
			old: Option<(MemberStatus, Consent)>,
			new: Option<(MemberStatus, Consent)>,
		) -> DispatchResult {
			Stats::<T>::try_mutate(cohort, |stats| -> DispatchResult {
				if let Some((status, consent)) = old {
					match status {
						MemberStatus::Active => {
							stats.active = stats.active.saturating_sub(1);
							for purpose in Purpose::ALL {
								if consent.allows(purpose) {
									let count = &mut stats.consenting[purpose.index()];
									*count = count.saturating_sub(1);
								}
							}
						},
						MemberStatus::Suspended => {
							stats.suspended = stats.suspended.saturating_sub(1)
						},
						MemberStatus::Left => {},
					}
				}
				if let Some((status, consent)) = new {
					let add = |count: &mut u32| -> DispatchResult {
						*count = count.checked_add(1).ok_or(Error::<T>::CountOverflow)?;
						Ok(())
					};
					match status {
						MemberStatus::Active => {
							add(&mut stats.active)?;
							for purpose in Purpose::ALL {
								if consent.allows(purpose) {
									add(&mut stats.consenting[purpose.index()])?;
								}
							}
						},
						MemberStatus::Suspended => add(&mut stats.suspended)?,
						MemberStatus::Left => {},
					}
				}
				Ok(())
			})
		}

		/// Makes `who` an active member of `cohort` as `person`, attested by `issuer` (an issuer
		/// the cohort accepts, able to pay the attestation deposit): for other pallets'
		/// benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		pub fn benchmark_member(
			cohort: CohortId,
			issuer: T::AccountId,
			who: T::AccountId,
			person: Nullifier,
		) -> DispatchResult {
			let expires_at = Self::now().saturating_add(T::MaxAttestationPeriod::get());
			Self::do_attest(issuer, cohort, who.clone(), person, expires_at, H256::zero())?;
			Self::do_join(who, cohort, None)
		}

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
			ensure!(
				!Attestations::<T>::contains_key(cohort, &subject),
				Error::<T>::AttestationExists
			);
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

		fn release_attestation(attestation: &AttestationOf<T>) -> DispatchResult {
			T::Currency::release(
				&HoldReason::Attestation.into(),
				&attestation.issuer,
				attestation.deposit,
				Precision::BestEffort,
			)?;
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

		/// The attestation `who` joins with: a verified credential, or their on-chain
		/// attestation (consumed, its deposit back with the issuer). Returns the issuer, person,
		/// expiry, evidence and the credential nonce (if any).
		fn take_attestation(
			who: &T::AccountId,
			cohort: CohortId,
			credential: Option<(CredentialOf<T>, T::Signature)>,
		) -> Result<(T::AccountId, Nullifier, BlockNumberFor<T>, H256, Option<u64>), DispatchError>
		{
			match credential {
				Some((credential, signature)) => {
					ensure!(
						credential.genesis_hash == Self::genesis_hash(),
						Error::<T>::WrongChain
					);
					ensure!(credential.cohort == cohort, Error::<T>::WrongCohort);
					ensure!(&credential.subject == who, Error::<T>::WrongSubject);
					ensure!(credential.expires_at > Self::now(), Error::<T>::Expired);
					ensure!(
						T::Cohorts::accepts_issuer(cohort, &credential.issuer),
						Error::<T>::IssuerNotAccepted
					);
					let payload = (CREDENTIAL_TAG, &credential).encode();
					Self::verify_signature(&payload, &signature, &credential.issuer)?;
					if let Some(record) = Memberships::<T>::get(cohort, credential.person) {
						ensure!(credential.nonce > record.nonce, Error::<T>::NonceUsed);
					}
					Ok((
						credential.issuer,
						credential.person,
						credential.expires_at,
						credential.evidence,
						Some(credential.nonce),
					))
				},
				None => {
					let attestation =
						Attestations::<T>::get(cohort, who).ok_or(Error::<T>::NoAttestation)?;
					ensure!(attestation.expires_at > Self::now(), Error::<T>::Expired);
					ensure!(
						T::Cohorts::accepts_issuer(cohort, &attestation.issuer),
						Error::<T>::IssuerNotAccepted
					);
					Self::release_attestation(&attestation)?;
					Attestations::<T>::remove(cohort, who);
					Ok((
						attestation.issuer,
						attestation.person,
						attestation.expires_at,
						attestation.evidence,
						None,
					))
				},
			}
		}

		pub(crate) fn do_join(
			who: T::AccountId,
			cohort: CohortId,
			credential: Option<(CredentialOf<T>, T::Signature)>,
		) -> DispatchResult {
			ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortNotActive);
			let (issuer, person, expires_at, evidence, nonce) =
				Self::take_attestation(&who, cohort, credential)?;

			if let Some(current) = PersonOf::<T>::get(cohort, &who) {
				// The account is a member: only a suspended membership of the same person can
				// be restored.
				ensure!(current == person, Error::<T>::PersonMismatch);
				let mut record =
					Memberships::<T>::get(cohort, person).ok_or(Error::<T>::NotMember)?;
				ensure!(record.status == MemberStatus::Suspended, Error::<T>::AlreadyMember);
				Self::update_stats(
					cohort,
					Some((MemberStatus::Suspended, record.consent)),
					Some((MemberStatus::Active, record.consent)),
				)?;
				record.status = MemberStatus::Active;
				record.issuer = issuer;
				record.expires_at = expires_at;
				record.evidence = evidence;
				record.nonce = nonce.unwrap_or(record.nonce).max(record.nonce);
				Memberships::<T>::insert(cohort, person, record);
				T::Hooks::on_restored(cohort, &person)?;
				Self::deposit_event(Event::Restored { cohort, account: who, expires_at });
				return Ok(());
			}

			let previous = Memberships::<T>::get(cohort, person);
			if let Some(previous) = &previous {
				ensure!(previous.status == MemberStatus::Left, Error::<T>::PersonAlreadyMember);
			}
			let deposit = T::MembershipDeposit::get();
			T::Currency::hold(&HoldReason::Membership.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			let now = Self::now();
			let units = previous.as_ref().map_or(0, |p| p.units);
			let record = MembershipRecord {
				account: who.clone(),
				status: MemberStatus::Active,
				issuer: issuer.clone(),
				expires_at,
				evidence,
				consent: Consent::NONE,
				// A returning person keeps the units of the data they contributed.
				units,
				deposit,
				nonce: nonce.unwrap_or(0).max(previous.as_ref().map_or(0, |p| p.nonce)),
				joined_at: previous.as_ref().map_or(now, |p| p.joined_at),
			};
			Self::update_stats(cohort, None, Some((MemberStatus::Active, Consent::NONE)))?;
			Memberships::<T>::insert(cohort, person, record);
			PersonOf::<T>::insert(cohort, &who, person);
			T::Hooks::on_joined(cohort, &person, &who, units)?;
			Self::deposit_event(Event::Joined { cohort, account: who, person, issuer });
			Ok(())
		}

		pub(crate) fn do_leave(who: T::AccountId, cohort: CohortId) -> DispatchResult {
			let (person, mut record) = Self::membership_of(cohort, &who)?;
			Self::update_stats(cohort, Some((record.status, record.consent)), None)?;
			T::Currency::release(
				&HoldReason::Membership.into(),
				&who,
				record.deposit,
				Precision::BestEffort,
			)?;
			record.status = MemberStatus::Left;
			record.deposit = Zero::zero();
			record.consent = Consent::NONE;
			Memberships::<T>::insert(cohort, person, record);
			PersonOf::<T>::remove(cohort, &who);
			T::Hooks::on_left(cohort, &person)?;
			Self::deposit_event(Event::Left { cohort, account: who });
			Ok(())
		}

		/// Suspends an active membership.
		fn suspend(
			cohort: CohortId,
			person: Nullifier,
			mut record: MembershipOf<T>,
		) -> DispatchResult {
			ensure!(record.status == MemberStatus::Active, Error::<T>::NotActive);
			Self::update_stats(
				cohort,
				Some((MemberStatus::Active, record.consent)),
				Some((MemberStatus::Suspended, record.consent)),
			)?;
			record.status = MemberStatus::Suspended;
			Memberships::<T>::insert(cohort, person, record);
			T::Hooks::on_suspended(cohort, &person)
		}

		pub(crate) fn do_revoke(
			issuer: T::AccountId,
			cohort: CohortId,
			member: T::AccountId,
		) -> DispatchResult {
			let (person, record) = Self::membership_of(cohort, &member)?;
			ensure!(record.issuer == issuer, Error::<T>::NotMembershipIssuer);
			Self::suspend(cohort, person, record)?;
			Self::deposit_event(Event::Revoked { cohort, account: member, issuer });
			Ok(())
		}

		pub(crate) fn do_expire(cohort: CohortId, member: T::AccountId) -> DispatchResult {
			let (person, record) = Self::membership_of(cohort, &member)?;
			ensure!(record.status == MemberStatus::Active, Error::<T>::NotActive);
			ensure!(record.expires_at <= Self::now(), Error::<T>::NotExpired);
			Self::suspend(cohort, person, record)?;
			Self::deposit_event(Event::Expired { cohort, account: member });
			Ok(())
		}

		pub(crate) fn do_rotate_with_issuer(
			cohort: CohortId,
			lost: T::AccountId,
			new: T::AccountId,
			nonce: u64,
			signature: T::Signature,
		) -> DispatchResult {
			let (person, record) = Self::membership_of(cohort, &lost)?;
			ensure!(nonce > record.nonce, Error::<T>::NonceUsed);
			ensure!(
				T::Cohorts::accepts_issuer(cohort, &record.issuer),
				Error::<T>::IssuerNotAccepted
			);
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

		pub(crate) fn do_rotate(
			cohort: CohortId,
			lost: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			let (person, mut record) = Self::membership_of(cohort, &lost)?;
			ensure!(!PersonOf::<T>::contains_key(cohort, &new), Error::<T>::NewAccountIsMember);
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
			Memberships::<T>::insert(cohort, person, record);
			PersonOf::<T>::remove(cohort, &lost);
			PersonOf::<T>::insert(cohort, &new, person);
			T::Hooks::on_rotated(cohort, &person, &lost, &new)?;
			Self::deposit_event(Event::Rotated { cohort, person, from: lost, to: new });
			Ok(())
		}

		pub(crate) fn do_set_consent(
			who: T::AccountId,
			cohort: CohortId,
			consent: Consent,
		) -> DispatchResult {
			let (person, mut record) = Self::membership_of(cohort, &who)?;
			let old = record.consent;
			ensure!(old != consent, Error::<T>::ConsentUnchanged);
			Self::update_stats(cohort, Some((record.status, old)), Some((record.status, consent)))?;
			record.consent = consent;
			Memberships::<T>::insert(cohort, person, record);
			T::Hooks::on_consent_changed(cohort, &person, old, consent)?;
			Self::deposit_event(Event::ConsentChanged { cohort, account: who, old, new: consent });
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
			let (person, mut record) = Self::membership_of(cohort, &member)?;
			ensure!(record.status == MemberStatus::Active, Error::<T>::NotActive);
			let old = record.units;
			let total = old.checked_add(units).ok_or(Error::<T>::UnitsOverflow)?;
			record.units = total;
			Memberships::<T>::insert(cohort, person, record);
			T::Hooks::on_units_changed(cohort, &person, old, total)?;
			Self::deposit_event(Event::ContributionRecorded {
				cohort,
				account: member,
				units,
				total,
			});
			Ok(())
		}

		/// The invariants this pallet owns:
		///
		/// 1. every `PersonOf` entry points at a membership of the same cohort whose account it
		///    is, and which has not been left;
		/// 2. every membership not left is found again through `PersonOf` from its account — so
		///    there is at most one membership per (cohort, account) and per (cohort, person);
		/// 3. a left membership holds no deposit and no consent;
		/// 4. `Stats` equal the counts of active and suspended memberships, and of active ones
		///    consenting to each purpose;
		/// 5. the membership deposits held on each account equal the deposits of its
		///    memberships; the attestation deposits held on each issuer equal those of its
		///    waiting attestations.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			for (cohort, account, person) in PersonOf::<T>::iter() {
				let record = Memberships::<T>::get(cohort, person)
					.ok_or("PersonOf points at no membership")?;
				ensure!(record.account == account, "PersonOf points at another account");
				ensure!(
					record.status != MemberStatus::Left,
					"PersonOf points at a left membership"
				);
			}
			let mut counted: BTreeMap<CohortId, CohortStats> = BTreeMap::new();
			let mut member_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (cohort, person, record) in Memberships::<T>::iter() {
				let stats = counted.entry(cohort).or_default();
				match record.status {
					MemberStatus::Left => {
						ensure!(record.deposit.is_zero(), "a left membership holds a deposit");
						ensure!(record.consent == Consent::NONE, "a left membership consents");
						continue;
					},
					MemberStatus::Active => {
						stats.active += 1;
						for purpose in Purpose::ALL {
							if record.consent.allows(purpose) {
								stats.consenting[purpose.index()] += 1;
							}
						}
					},
					MemberStatus::Suspended => stats.suspended += 1,
				}
				ensure!(
					PersonOf::<T>::get(cohort, &record.account) == Some(person),
					"a membership is not reachable from its account"
				);
				let total = member_deposits.entry(record.account.clone()).or_default();
				*total = total.saturating_add(record.deposit);
			}
			for (cohort, stats) in Stats::<T>::iter() {
				let expected = counted.remove(&cohort).unwrap_or_default();
				ensure!(stats == expected, "member counts differ from the memberships");
			}
			for (_, leftover) in counted {
				ensure!(leftover == CohortStats::default(), "a cohort's members are not counted");
			}
			for (account, total) in member_deposits {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Membership.into(), &account) == total,
					"held membership deposits differ from the memberships'"
				);
			}
			let mut attestation_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (_, _, attestation) in Attestations::<T>::iter() {
				let total = attestation_deposits.entry(attestation.issuer.clone()).or_default();
				*total = total.saturating_add(attestation.deposit);
			}
			for (issuer, total) in attestation_deposits {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Attestation.into(), &issuer) == total,
					"held attestation deposits differ from the attestations'"
				);
			}
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The person behind `account`'s active membership of `cohort`.
		pub fn active_person_of(cohort: CohortId, account: &T::AccountId) -> Option<Nullifier> {
			<Self as MembershipInspect<T::AccountId>>::active_person(cohort, account)
		}
	}

	impl<T: Config> MembershipInspect<T::AccountId> for Pallet<T> {
		fn active_person(cohort: CohortId, account: &T::AccountId) -> Option<Nullifier> {
			let person = PersonOf::<T>::get(cohort, account)?;
			let record = Memberships::<T>::get(cohort, person)?;
			(record.status == MemberStatus::Active).then_some(person)
		}

		fn active_members(cohort: CohortId) -> u32 {
			Stats::<T>::get(cohort).active
		}

		fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32 {
			Stats::<T>::get(cohort).consenting[purpose.index()]
		}
	}
}
