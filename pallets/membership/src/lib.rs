//! # Cohort membership
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
//! - Members choose their **consent** per purpose — or, in a data trust, leave it to the
//!   trustees ([`Pallet::delegate_consent`]), who set it for all such members in one call
//!   ([`Pallet::set_trustee_consent`]); issuers record **contribution units**.
//! - Other pallets read memberships through [`MembershipInspect`] and follow changes through
//!   [`OnMembershipChange`].
//!
//! No personal data is stored: a nullifier, an evidence hash, an expiry, consent flags and a
//! unit count. Every call is O(1).
//!
//! ## Where things are
//!
//! - `lib.rs`: the configuration, storage, events, errors and calls (each checks its origin,
//!   then hands over to a `do_*` function);
//! - `events.rs`: the events and errors;
//! - `dispatchable_impls.rs`: the `do_*` functions, what each call does;
//! - `utility_impls.rs`: what they share (checking attestations and credentials, the counts);
//! - `impls.rs`: [`MembershipInspect`] for other pallets; `queries.rs`: the runtime API's;
//! - `types.rs`: memberships, attestations, credentials, the counts and their arithmetic;
//! - `try_state.rs`: the invariants; `benchmarking.rs`: the benchmarks; `migrations.rs`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod events;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
// Always built: runtime tests and `try-runtime` check the same invariants.
mod try_state;
pub mod types;
mod utility_impls;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkHelper;
pub use cohort_primitives::{CohortId, Consent, Nullifier, Purpose};
use cohort_primitives::{
	CohortsInspect, IssuerCredentials, MembershipInspect, OnIssuerWithdrawn, OnMembershipChange,
};
pub use types::*;
pub use utility_impls::EXPIRY_BLOCKS_TRIED;
pub use weights::WeightInfo;

// Events and errors live in `events.rs`, so that this file reads as a table of contents.
#[import_section(events::events)]
// FRAME's generated storage code uses `expect`; the logic lives outside, under the lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::MembershipChange;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{InspectHold, Mutate, MutateHold},
			EnsureOriginWithArg,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// Version 1: an account's entry carries the membership's standing (`migrations::v1`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The cohorts and their issuers (pallet-cohorts in the runtime).
		type Cohorts: CohortsInspect<Self::AccountId>
			+ IssuerCredentials<Self::AccountId, BlockNumberFor<Self>>;

		/// A cohort approving a key rotation: its members (pallet-cohorts' `EnsureCohort`).
		type CohortOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CohortId>;

		/// Who sets the consent of the members who left theirs to the trustees: the trustees
		/// of a data trust (pallet-cohorts' `EnsureCohort<_, DecideDelegatedConsent>`), never
		/// an operator.
		type TrusteeConsentOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CohortId>;

		/// The Oversight Council, which (like the cohort origin) suspends memberships and lowers
		/// units: how a stolen issuer key's work is undone.
		type OversightOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who follows membership changes (voting, royalties).
		type OnMembershipChange: OnMembershipChange<Self::AccountId>;

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

		/// The most units one `record_contribution` adds: a stolen issuer key cannot give a
		/// member all of a pool in one call.
		#[pallet::constant]
		type MaxUnitsPerCall: Get<u64>;

		/// The most memberships that may expire at one block: each is suspended as its expiry
		/// block starts, so this bounds that block's `on_initialize` work.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// The most memberships of a withdrawn issuer suspended as one block starts: this bounds
		/// the sweep's `on_initialize` work.
		#[pallet::constant]
		type MaxSweptPerBlock: Get<u32>;

		/// How long a rotation the cohort's members decided waits before anyone may complete
		/// it: time for the owner of the "lost" account, if it is not lost, to cancel it.
		#[pallet::constant]
		type RotationDelay: Get<BlockNumberFor<Self>>;

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

	/// Current (active or suspended) memberships, by cohort and person.
	#[pallet::storage]
	pub type Memberships<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Blake2_128Concat,
		Nullifier,
		MembershipOf<T>,
	>;

	/// What stays of the memberships of people who left, by cohort and person: until anyone
	/// calls `forget_departed` once no spent credential can be replayed.
	#[pallet::storage]
	pub type Departed<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, Nullifier, DepartedOf<T>>;

	/// Per account holding a (not left) membership: its person and standing, read in one.
	#[pallet::storage]
	pub type PersonOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Blake2_128Concat,
		T::AccountId,
		AccountEntryOf<T>,
	>;

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

	/// Per data trust, the consent its trustees set for the members who left theirs to them
	/// (none until they set one). One record per cohort, whatever the number of members.
	#[pallet::storage]
	pub type TrusteeConsent<T: Config> =
		StorageMap<_, Blake2_128Concat, CohortId, Consent, ValueQuery>;

	/// Rotations the cohort's members decided, by cohort and lost account, waiting out
	/// `RotationDelay`. At most one per membership, covered by its deposit.
	#[pallet::storage]
	pub type PendingRotations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CohortId,
		Blake2_128Concat,
		T::AccountId,
		PendingRotation<T::AccountId, BlockNumberFor<T>>,
	>;

	/// How many active memberships expire at each block (at most `MaxExpiriesPerBlock`).
	#[pallet::storage]
	pub type ExpiryCount<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The active memberships that expire at each block, by (cohort, person): suspended as that
	/// block starts, so that an expired attestation gives no rights in it.
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Blake2_128Concat,
		(CohortId, Nullifier),
		(),
	>;

	/// Active memberships by the issuer of the attestation in force, cohort and person: what a
	/// sweep suspends once that issuer is withdrawn. Covered by the membership's deposit.
	#[pallet::storage]
	pub type ActiveByIssuer<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, CohortId>,
			NMapKey<Blake2_128Concat, Nullifier>,
		),
		(),
	>;

	/// Withdrawn issuers whose active memberships are being suspended: in one cohort
	/// (`Some(cohort)`, which dropped the issuer) or in all (`None`, the council removed it).
	/// Made only by the council or a cohort's authority, and removed once swept.
	#[pallet::storage]
	pub type Sweeps<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Option<CohortId>, Blake2_128Concat, T::AccountId, ()>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Suspends the memberships whose attestation expires at `now`, and the next of a
		/// withdrawn issuer's, before any transaction of the block can use them.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::expire_due(now).saturating_add(Self::sweep_withdrawn_issuer())
		}

		fn integrity_test() {
			Self::assert_sound_config();
		}

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
				.max(T::WeightInfo::restore())
				.saturating_add(T::OnMembershipChange::weight(MembershipChange::Joined))
				.saturating_add(T::OnMembershipChange::weight(MembershipChange::Restored))
		)]
		pub fn join(
			origin: OriginFor<T>,
			cohort: CohortId,
			credential: Option<(CredentialOf<T>, T::Signature)>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let with_credential = credential.is_some();
			let change = Self::do_join(who, cohort, credential)?;
			// What the path taken used, followers included (`restore`: measured the dearer way).
			let own = match change {
				MembershipChange::Restored => T::WeightInfo::restore(),
				_ if with_credential => T::WeightInfo::join_with_credential(),
				_ => T::WeightInfo::join_with_attestation(),
			};
			Ok(Some(own.saturating_add(T::OnMembershipChange::weight(change))).into())
		}

		/// Leave a cohort. The deposit is released; consent ends; earnings stay claimable.
		///
		/// - `cohort`: the cohort.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::leave().saturating_add(T::OnMembershipChange::weight(MembershipChange::Left)))]
		pub fn leave(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave(who, cohort)
		}

		/// Revoke a membership the caller attested: it is suspended until a fresh attestation.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's account.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(T::OnMembershipChange::weight(MembershipChange::Suspended)))]
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
		#[pallet::weight(T::WeightInfo::expire().saturating_add(T::OnMembershipChange::weight(MembershipChange::Suspended)))]
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
		#[pallet::weight(T::WeightInfo::rotate().saturating_add(T::OnMembershipChange::weight(MembershipChange::Rotated)))]
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

		/// Decide, as the cohort's members, to move a lost membership to a new account. The
		/// move waits `RotationDelay`: if the account is not lost, its owner cancels it with
		/// [`Pallet::cancel_rotation`]; after that, anyone completes it with
		/// [`Pallet::complete_rotation`].
		///
		/// - `cohort`: the cohort.
		/// - `lost`: the account whose key was lost.
		/// - `new`: the person's new account (it must exist to receive the deposit).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::rotate_by_cohort())]
		pub fn rotate_by_cohort(
			origin: OriginFor<T>,
			cohort: CohortId,
			lost: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_schedule_rotation(cohort, lost, new)
		}

		/// Cancel the rotation the cohort's members decided for the caller's membership: the
		/// proof that the key was not lost.
		///
		/// - `cohort`: the cohort.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::cancel_rotation())]
		pub fn cancel_rotation(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			let lost = ensure_signed(origin)?;
			PendingRotations::<T>::take(cohort, &lost).ok_or(Error::<T>::NoPendingRotation)?;
			Self::deposit_event(Event::RotationCancelled { cohort, lost });
			Ok(())
		}

		/// Complete a rotation whose delay is over. Anyone may. What the lost account earned in
		/// royalties is paid to it first; the membership, deposit, votes and proposals move.
		///
		/// - `cohort`: the cohort.
		/// - `lost`: the account the rotation moves away from.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::complete_rotation()
			.saturating_add(T::OnMembershipChange::weight(MembershipChange::RotatedByCohort))
			.saturating_add(T::OnMembershipChange::weight(MembershipChange::Rotated)))]
		pub fn complete_rotation(
			origin: OriginFor<T>,
			cohort: CohortId,
			lost: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_complete_rotation(cohort, lost)
		}

		/// Suspend a membership: the Oversight Council or the cohort origin, e.g. for members a
		/// stolen issuer key admitted. A fresh attestation by an accepted issuer restores it.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's account.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(T::OnMembershipChange::weight(MembershipChange::Suspended)))]
		pub fn suspend(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
		) -> DispatchResult {
			Self::ensure_council_or_cohort(origin, cohort)?;
			Self::do_suspend_by_authority(cohort, member)
		}

		/// Lower a member's contribution units, e.g. what a stolen issuer key over-recorded:
		/// the Oversight Council or the cohort origin.
		///
		/// - `cohort`: the cohort.
		/// - `member`: the member's account.
		/// - `units`: the corrected total, below the current one.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::record_contribution().saturating_add(T::OnMembershipChange::weight(MembershipChange::UnitsChanged)))]
		pub fn correct_units(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
			units: u64,
		) -> DispatchResult {
			Self::ensure_council_or_cohort(origin, cohort)?;
			Self::do_correct_units(cohort, member, units)
		}

		/// Forget what stays of a person who left `MaxAttestationPeriod` ago or more: every
		/// credential they could replay has expired. Anyone may. A returning person starts
		/// again with no units.
		///
		/// - `cohort`: the cohort.
		/// - `person`: the person who left.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::forget_departed())]
		pub fn forget_departed(
			origin: OriginFor<T>,
			cohort: CohortId,
			person: Nullifier,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_forget_departed(cohort, person)
		}

		/// Set the purposes the caller consents to. Applies to future licences only. A member who
		/// left their consent to the trustees takes it back with this.
		///
		/// - `cohort`: the cohort.
		/// - `consent`: the purposes, one flag each.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_consent()
			.saturating_add(T::OnMembershipChange::weight(MembershipChange::DelegationChanged))
			.saturating_add(T::OnMembershipChange::weight(MembershipChange::ConsentChanged)))]
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
		#[pallet::weight(T::WeightInfo::record_contribution().saturating_add(T::OnMembershipChange::weight(MembershipChange::UnitsChanged)))]
		pub fn record_contribution(
			origin: OriginFor<T>,
			cohort: CohortId,
			member: T::AccountId,
			units: u64,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_record_contribution(issuer, cohort, member, units)
		}

		/// Leave your consent to your data trust's trustees ("trustees decide"): from now on
		/// you count as consenting to what they consent to (`TrusteeConsent`), for royalties
		/// and the k-anonymity floor alike, until you set your own with `set_consent`.
		///
		/// - `cohort`: a data trust you are a member of.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::delegate_consent()
			.saturating_add(T::OnMembershipChange::weight(MembershipChange::ConsentChanged))
			.saturating_add(T::OnMembershipChange::weight(MembershipChange::DelegationChanged)))]
		pub fn delegate_consent(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delegate_consent(who, cohort)
		}

		/// Set the consent of every member who left theirs to the trustees, in one step
		/// whatever their number. Applies to future licences only. The trustees of a data
		/// trust only.
		///
		/// - `cohort`: the data trust.
		/// - `consent`: the purposes, one flag each.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::set_trustee_consent().saturating_add(T::OnMembershipChange::weight(MembershipChange::TrusteeConsentChanged)))]
		pub fn set_trustee_consent(
			origin: OriginFor<T>,
			cohort: CohortId,
			consent: Consent,
		) -> DispatchResult {
			T::TrusteeConsentOrigin::ensure_origin(origin, &cohort)?;
			Self::do_set_trustee_consent(cohort, consent)
		}
	}
}
