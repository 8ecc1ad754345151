//! # Cohorts
//!
//! The registry of cohort DAOs, the Oversight Council's registry of issuers, cohort treasuries,
//! and the **cohort origin** with which a cohort acts.
//!
//! - The council (a 2/3 origin) approves and removes **issuers**: clinics, labs and registries
//!   that may attest diagnoses.
//! - Anyone creates a **cohort** around a condition code, choosing its governance, revenue
//!   split, k-anonymity floor, voting parameters and the approved issuers it accepts. A deposit
//!   is held on the creator's account for its storage.
//! - A cohort acts with the **cohort origin**: [`Origin::Members`] (a passed quadratic-vote
//!   proposal, produced by pallet-quadratic-voting) or, in a data trust, the signed trustees'
//!   account. Members change settings and accepted issuers and spend from the treasury;
//!   trustees decide data and accepted issuers. [`EnsureMembers`] and [`EnsureCohort`] give
//!   other pallets these checks.
//! - Each cohort has a **treasury** account derived from the pallet id and the cohort id.
//! - The council can **freeze** a cohort in an emergency: it then accepts no members, spends
//!   nothing and approves nothing.
//!
//! Every call is O(1) or bounded by `MaxIssuersPerCohort`.
//!
//! ## Where things are
//!
//! - `lib.rs`: the configuration, storage, events, errors, the [`Origin`] and the calls (each
//!   checks its origin, then hands over to a `do_*` function);
//! - `events.rs`: the events and errors;
//! - `dispatchable_impls.rs`: the `do_*` functions, what each call does;
//! - `origins.rs`: who may act for a cohort ([`Pallet::ensure_cohort_authority`]) and the
//!   origin checks other pallets use ([`EnsureMembers`], [`EnsureCohort`]);
//! - `impls.rs`: [`CohortsInspect`], [`CohortLicensing`] and [`CohortVoting`] for other
//!   pallets, and the cohorts' treasury accounts;
//! - `queries.rs`: read-only answers for the runtime API;
//! - `types.rs`: cohorts, settings, condition codes, issuers, authorities;
//! - `try_state.rs`: the invariants, checked after every test;
//! - `benchmarking.rs`: the benchmarks, and a helper other pallets' benchmarks use.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod events;
mod impls;
#[cfg(test)]
mod mock;
pub mod origins;
mod queries;
#[cfg(test)]
mod tests;
// Always built: runtime tests and `try-runtime` check the same invariants.
mod try_state;
pub mod types;
pub mod weights;

pub use cohort_primitives::CohortId;
use cohort_primitives::{
	CohortLicensing, CohortVoting, CohortsInspect, IssuerCredentials, LicensingTerms,
	OnIssuerWithdrawn,
};
pub use origins::*;
use sp_runtime::{traits::Zero, Permill};
pub use types::*;
pub use weights::WeightInfo;

// Events and errors live in `events.rs`, so that this file reads as a table of contents.
#[import_section(events::events)]
// FRAME's generated storage code uses `expect`; the logic lives outside, under the lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	/// The balance type of the currency deposits and treasuries are in.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A cohort as stored.
	pub type CohortOf<T> = Cohort<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
		<T as Config>::MaxCodeLength,
	>;

	/// A cohort's settings.
	pub type SettingsOf<T> = CohortSettings<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
	>;

	/// A condition code.
	pub type ConditionOf<T> = ConditionCode<<T as Config>::MaxCodeLength>;

	/// The issuers a cohort is created with.
	pub type IssuerListOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxIssuersPerCohort>;

	/// The layout has not changed since launch.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of deposits and treasuries.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Approves and removes issuers: the Oversight Council's two-thirds.
		type IssuerAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Freezes and unfreezes cohorts: the Oversight Council's two-thirds.
		type FreezeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the platform's share of licence revenue: the Oversight Council's two-thirds.
		type PlatformShareOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest platform share the council may set. A cohort's members' share may be at
		/// most what it leaves, so that no change of the platform share can cut the members'.
		#[pallet::constant]
		type MaxPlatformShare: Get<Permill>;

		/// Checks that an origin is a cohort's members acting together, and gives the cohort id.
		/// In the runtime: [`EnsureMembers`], whose origin pallet-quadratic-voting dispatches
		/// passed proposals with.
		type EnsureMembersOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CohortId>;

		/// Derives the cohorts' treasury accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The deposit held for a cohort's storage (its record and accepted issuers).
		#[pallet::constant]
		type CohortDeposit: Get<BalanceOf<Self>>;

		/// The longest cohort name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The longest condition code, in bytes.
		#[pallet::constant]
		type MaxCodeLength: Get<u32>;

		/// The most issuers one cohort accepts.
		#[pallet::constant]
		type MaxIssuersPerCohort: Get<u32>;

		/// The longest voting period a cohort may choose. A cooperative approves a licence by
		/// vote, and a licence can be approved only within the licence review period: this
		/// must leave room inside it to propose, vote and close (the runtime sets half of it).
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest credit epoch a cohort may choose. A voter's epoch runs to its end
		/// whatever the cohort changes meanwhile, so this bounds how long a mistaken length
		/// keeps members from fresh credits once corrected.
		#[pallet::constant]
		type MaxEpochLength: Get<BlockNumberFor<Self>>;

		/// Told when an issuer is removed or a cohort drops it (membership in the runtime,
		/// which then stops counting the memberships it attested).
		type OnIssuerWithdrawn: OnIssuerWithdrawn<Self::AccountId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a cohort's storage.
		CohortDeposit,
	}

	/// The id the next cohort gets.
	#[pallet::storage]
	pub type NextCohortId<T> = StorageValue<_, CohortId, ValueQuery>;

	/// The cohorts.
	#[pallet::storage]
	pub type Registry<T: Config> = StorageMap<_, Blake2_128Concat, CohortId, CohortOf<T>>;

	/// The issuers the Oversight Council approved.
	#[pallet::storage]
	pub type Issuers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerInfo<BlockNumberFor<T>>>;

	/// The issuers each cohort accepts. An issuer attests for a cohort only if it is both
	/// approved (in `Issuers`) and accepted here.
	#[pallet::storage]
	pub type AcceptedIssuers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Blake2_128Concat, T::AccountId, ()>;

	/// The platform's share of every licence's price, set by the council (at most
	/// `MaxPlatformShare`). Each cohort sets its members' share; its treasury takes the rest.
	#[pallet::storage]
	pub type PlatformShare<T: Config> = StorageValue<_, Permill, ValueQuery>;

	/// The least share of licence revenue the operator of a private-business cohort must leave
	/// its members, set by the council (at most what `MaxPlatformShare` leaves). Raising it
	/// raises every operator's cohort's members' share at once.
	#[pallet::storage]
	pub type MembersShareFloor<T: Config> = StorageValue<_, Permill, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The platform share at launch.
		pub platform_share: Permill,
		/// The members' share floor of operators' cohorts at launch.
		pub members_share_floor: Permill,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.platform_share <= T::MaxPlatformShare::get(),
				"the platform share exceeds MaxPlatformShare"
			);
			PlatformShare::<T>::put(self.platform_share);
			assert!(
				self.members_share_floor <= Pallet::<T>::most_members_share(),
				"the members' share floor exceeds what MaxPlatformShare leaves"
			);
			MembersShareFloor::<T>::put(self.members_share_floor);
		}
	}

	/// A cohort's own origin.
	#[pallet::origin]
	#[derive(
		Debug, PartialEq, Eq, Clone, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub enum Origin {
		/// The members of the cohort, through a passed quadratic-vote proposal.
		Members(CohortId),
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// A cohort needs a name and a condition code (both non-empty), and an issuer to
			// admit its members.
			assert!(T::MaxNameLength::get() > 0, "MaxNameLength must be non-zero");
			assert!(T::MaxCodeLength::get() > 0, "MaxCodeLength must be non-zero");
			assert!(T::MaxIssuersPerCohort::get() > 0, "MaxIssuersPerCohort must be non-zero");
			assert!(!T::MaxEpochLength::get().is_zero(), "MaxEpochLength must be non-zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Approve `issuer` as a clinic, lab or registry that may attest for the cohorts that
		/// accept it. Council (two thirds) only.
		///
		/// - `issuer`: the issuer's account.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::approve_issuer())]
		pub fn approve_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::IssuerAdminOrigin::ensure_origin(origin)?;
			Self::do_approve_issuer(issuer)
		}

		/// Remove `issuer`: from now on it attests for no cohort, and the memberships it
		/// attested give no rights (membership suspends them over the next blocks, until an
		/// accepted issuer attests them again). Council (two thirds) only.
		///
		/// - `issuer`: the issuer's account.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_issuer().saturating_add(T::OnIssuerWithdrawn::weight()))]
		pub fn remove_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::IssuerAdminOrigin::ensure_origin(origin)?;
			Self::do_remove_issuer(issuer)
		}

		/// Create a cohort. The caller pays `CohortDeposit`, held until the cohort is gone, and
		/// opens the cohort's treasury with the existential deposit.
		///
		/// - `condition`: the condition code (ICD-10 or SNOMED CT) the cohort is about.
		/// - `settings`: name, governance, members' share of licence revenue (the platform's is
		///   the council's, the treasury takes the rest), k-anonymity floor and voting
		///   parameters.
		/// - `issuers`: approved issuers the cohort accepts (at most `MaxIssuersPerCohort`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::create_cohort(issuers.len() as u32))]
		pub fn create_cohort(
			origin: OriginFor<T>,
			condition: ConditionOf<T>,
			settings: SettingsOf<T>,
			issuers: IssuerListOf<T>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create_cohort(creator, condition, settings, issuers).map(|_| ())
		}

		/// Change a cohort's settings. Its members only (a passed proposal).
		///
		/// - `cohort`: the cohort.
		/// - `settings`: the new settings, whole.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::update_cohort())]
		pub fn update_cohort(
			origin: OriginFor<T>,
			cohort: CohortId,
			settings: SettingsOf<T>,
		) -> DispatchResult {
			Self::ensure_cohort_authority(origin, cohort, CohortAction::Govern)?;
			Self::do_update_cohort(cohort, settings)
		}

		/// Accept an approved issuer for a cohort. Its members, or its trustees.
		///
		/// - `cohort`: the cohort.
		/// - `issuer`: an approved issuer.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_issuer())]
		pub fn accept_issuer(
			origin: OriginFor<T>,
			cohort: CohortId,
			issuer: T::AccountId,
		) -> DispatchResult {
			Self::ensure_cohort_authority(origin, cohort, CohortAction::ManageIssuers)?;
			Self::do_accept_issuer(cohort, issuer)
		}

		/// Stop accepting an issuer for a cohort: the cohort's memberships it attested give no
		/// rights from now on (membership suspends them over the next blocks, until an accepted
		/// issuer attests them again). Its members, or its trustees.
		///
		/// - `cohort`: the cohort.
		/// - `issuer`: an issuer the cohort accepts.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::drop_issuer().saturating_add(T::OnIssuerWithdrawn::weight()))]
		pub fn drop_issuer(
			origin: OriginFor<T>,
			cohort: CohortId,
			issuer: T::AccountId,
		) -> DispatchResult {
			Self::ensure_cohort_authority(origin, cohort, CohortAction::ManageIssuers)?;
			Self::do_drop_issuer(cohort, issuer)
		}

		/// Pay from a cohort's treasury, e.g. to fund a study. Its members only (a passed
		/// proposal); not while frozen.
		///
		/// - `cohort`: the cohort.
		/// - `beneficiary`: who is paid.
		/// - `amount`: how much; the treasury stays above the existential deposit.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::spend())]
		pub fn spend(
			origin: OriginFor<T>,
			cohort: CohortId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			Self::ensure_cohort_authority(origin, cohort, CohortAction::Govern)?;
			Self::do_spend(cohort, beneficiary, amount)
		}

		/// Freeze a cohort in an emergency. Council (two thirds) only.
		///
		/// - `cohort`: the cohort.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_set_status(cohort, CohortStatus::Frozen)
		}

		/// Set the platform's share of licence revenue, for every cohort's next licences.
		/// Council (two thirds) only.
		///
		/// - `share`: at most `MaxPlatformShare`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_platform_share())]
		pub fn set_platform_share(origin: OriginFor<T>, share: Permill) -> DispatchResult {
			T::PlatformShareOrigin::ensure_origin(origin)?;
			ensure!(share <= T::MaxPlatformShare::get(), Error::<T>::PlatformShareTooHigh);
			PlatformShare::<T>::put(share);
			Self::deposit_event(Event::PlatformShareSet { share });
			Ok(())
		}

		/// Withdraw every credential the caller, an approved issuer, has handed out so far, used
		/// or not: from the next block, only credentials issued from then on let anyone join.
		/// What a clinic does when its signing key may have leaked (then it revokes the
		/// memberships that key should not have made).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::withdraw_credentials())]
		pub fn withdraw_credentials(origin: OriginFor<T>) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_withdraw_credentials(issuer)
		}

		/// Set the least share of licence revenue the operator of a private-business cohort must
		/// leave its members. Council (two thirds) only. Applies to every operator's cohort's
		/// next licences at once.
		///
		/// - `floor`: at most what `MaxPlatformShare` leaves.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_members_share_floor())]
		pub fn set_members_share_floor(origin: OriginFor<T>, floor: Permill) -> DispatchResult {
			T::PlatformShareOrigin::ensure_origin(origin)?;
			ensure!(floor <= Self::most_members_share(), Error::<T>::FloorTooHigh);
			MembersShareFloor::<T>::put(floor);
			Self::deposit_event(Event::MembersShareFloorSet { floor });
			Ok(())
		}

		/// Set a private-business cohort's revenue split, for its next licences. Its operator
		/// only.
		///
		/// - `cohort`: the cohort.
		/// - `members_share`: at least the council's `MembersShareFloor`.
		/// - `operator_share`: with the members', at most what `MaxPlatformShare` leaves; the
		///   treasury takes the rest.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_revenue_split())]
		pub fn set_revenue_split(
			origin: OriginFor<T>,
			cohort: CohortId,
			members_share: Permill,
			operator_share: Permill,
		) -> DispatchResult {
			Self::ensure_cohort_authority(origin, cohort, CohortAction::SetRevenueSplit)?;
			Self::do_set_revenue_split(cohort, members_share, operator_share)
		}

		/// Unfreeze a cohort. Council (two thirds) only.
		///
		/// - `cohort`: the cohort.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, cohort: CohortId) -> DispatchResult {
			T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_set_status(cohort, CohortStatus::Active)
		}
	}
}
