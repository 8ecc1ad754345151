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

pub use cohort_primitives::CohortId;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::{CohortLicensing, CohortVoting, CohortsInspect};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Preservation,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{AccountIdConversion, Saturating};

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

		/// A cohort's members acting together; gives the cohort id. In the runtime:
		/// [`EnsureMembers`], fed by pallet-quadratic-voting.
		type MembersOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CohortId>;

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

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council approved an issuer.
		IssuerApproved {
			/// The issuer's account.
			issuer: T::AccountId,
		},
		/// The council removed an issuer; it attests for no cohort any more.
		IssuerRemoved {
			/// The issuer's account.
			issuer: T::AccountId,
		},
		/// A cohort was created.
		CohortCreated {
			/// The new cohort.
			cohort: CohortId,
			/// Who created it and holds its deposit.
			creator: T::AccountId,
			/// Its condition code.
			condition: ConditionOf<T>,
			/// Its treasury account.
			treasury: T::AccountId,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// A cohort's settings changed.
		CohortUpdated {
			/// The cohort.
			cohort: CohortId,
			/// The new settings.
			settings: SettingsOf<T>,
		},
		/// A cohort accepts an issuer.
		IssuerAccepted {
			/// The cohort.
			cohort: CohortId,
			/// The issuer.
			issuer: T::AccountId,
		},
		/// A cohort no longer accepts an issuer.
		IssuerDropped {
			/// The cohort.
			cohort: CohortId,
			/// The issuer.
			issuer: T::AccountId,
		},
		/// A cohort paid from its treasury.
		TreasurySpent {
			/// The cohort.
			cohort: CohortId,
			/// Who was paid.
			beneficiary: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// The council froze a cohort.
		CohortFrozen {
			/// The cohort.
			cohort: CohortId,
		},
		/// The council unfroze a cohort.
		CohortUnfrozen {
			/// The cohort.
			cohort: CohortId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No cohort has this id.
		UnknownCohort,
		/// The revenue split's parts do not sum to exactly one (100%).
		RevenueSplitNotWhole,
		/// The cohort name is empty.
		EmptyName,
		/// The condition code is empty or has characters other than letters, digits and `.`.
		InvalidConditionCode,
		/// The voting period, epoch length or voice credits are zero, or the quorum is zero.
		InvalidVotingParams,
		/// The k-anonymity floor is zero: every licence needs at least one consenting member.
		InvalidKAnonymityFloor,
		/// The issuer is already approved.
		IssuerAlreadyApproved,
		/// The account is not an approved issuer.
		NotApprovedIssuer,
		/// The cohort already accepts this issuer.
		IssuerAlreadyAccepted,
		/// The cohort does not accept this issuer.
		IssuerNotAccepted,
		/// The cohort accepts the most issuers it may.
		TooManyIssuers,
		/// The issuer list names an issuer twice.
		DuplicateIssuer,
		/// The cohort is frozen.
		CohortFrozen,
		/// The cohort is not frozen.
		CohortNotFrozen,
		/// The origin is the cohort origin of another cohort.
		WrongCohort,
		/// The origin may not do this for the cohort (not its members, nor its trustees for
		/// what trustees may do).
		NotCohortAuthority,
		/// The treasury cannot pay this much and stay alive.
		InsufficientTreasury,
		/// The creator cannot pay the cohort deposit.
		InsufficientDeposit,
		/// No more cohort ids.
		CohortIdOverflow,
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

		/// Remove `issuer`: from now on it attests for no cohort. Memberships it attested stay
		/// until they expire or are revoked. Council (two thirds) only.
		///
		/// - `issuer`: the issuer's account.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_issuer())]
		pub fn remove_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::IssuerAdminOrigin::ensure_origin(origin)?;
			Self::do_remove_issuer(issuer)
		}

		/// Create a cohort. The caller pays `CohortDeposit`, held until the cohort is gone, and
		/// opens the cohort's treasury with the existential deposit.
		///
		/// - `condition`: the condition code (ICD-10 or SNOMED CT) the cohort is about.
		/// - `settings`: name, governance, revenue split (summing to one), k-anonymity floor
		///   and voting parameters.
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

		/// Stop accepting an issuer for a cohort. Its members, or its trustees.
		///
		/// - `cohort`: the cohort.
		/// - `issuer`: an issuer the cohort accepts.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::drop_issuer())]
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

	impl<T: Config> Pallet<T> {
		/// The treasury account of `cohort`.
		pub fn treasury_account(cohort: CohortId) -> T::AccountId {
			T::PalletId::get().into_sub_account_truncating(cohort)
		}

		/// Checks that `origin` may take `action` for `cohort`, and says on whose authority.
		pub fn ensure_cohort_authority(
			origin: OriginFor<T>,
			cohort: CohortId,
			action: CohortAction,
		) -> Result<CohortAuthority<T::AccountId>, DispatchError> {
			let record = Registry::<T>::get(cohort).ok_or(Error::<T>::UnknownCohort)?;
			match T::MembersOrigin::try_origin(origin) {
				Ok(members_of) => {
					ensure!(members_of == cohort, Error::<T>::WrongCohort);
					// In a data trust, the trustees decide the data.
					let trust = record.settings.governance.trustees().is_some();
					ensure!(
						!(trust && action == CohortAction::ManageData),
						Error::<T>::NotCohortAuthority
					);
					Ok(CohortAuthority::Members)
				},
				Err(origin) => {
					let who = ensure_signed(origin)?;
					let is_trustee = record.settings.governance.trustees() == Some(&who);
					let trustees_may =
						matches!(action, CohortAction::ManageData | CohortAction::ManageIssuers);
					ensure!(is_trustee && trustees_may, Error::<T>::NotCohortAuthority);
					Ok(CohortAuthority::Trustees(who))
				},
			}
		}

		pub(crate) fn do_approve_issuer(issuer: T::AccountId) -> DispatchResult {
			ensure!(!Issuers::<T>::contains_key(&issuer), Error::<T>::IssuerAlreadyApproved);
			let approved_at = frame_system::Pallet::<T>::block_number();
			Issuers::<T>::insert(&issuer, IssuerInfo { approved_at });
			Self::deposit_event(Event::IssuerApproved { issuer });
			Ok(())
		}

		pub(crate) fn do_remove_issuer(issuer: T::AccountId) -> DispatchResult {
			ensure!(Issuers::<T>::take(&issuer).is_some(), Error::<T>::NotApprovedIssuer);
			Self::deposit_event(Event::IssuerRemoved { issuer });
			Ok(())
		}

		fn validate_condition(condition: &ConditionOf<T>) -> DispatchResult {
			let valid = !condition.code.is_empty()
				&& condition.code.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'.');
			ensure!(valid, Error::<T>::InvalidConditionCode);
			Ok(())
		}

		fn validate_settings(settings: &SettingsOf<T>) -> DispatchResult {
			ensure!(!settings.name.is_empty(), Error::<T>::EmptyName);
			ensure!(settings.revenue_split.is_whole(), Error::<T>::RevenueSplitNotWhole);
			ensure!(settings.k_anonymity_floor > 0, Error::<T>::InvalidKAnonymityFloor);
			let voting = &settings.voting;
			let valid = !voting.voting_period.is_zero()
				&& !voting.epoch_length.is_zero()
				&& voting.voice_credits_per_epoch > 0
				&& !voting.quorum.is_zero();
			ensure!(valid, Error::<T>::InvalidVotingParams);
			Ok(())
		}

		/// Creates a cohort; returns its id.
		pub(crate) fn do_create_cohort(
			creator: T::AccountId,
			condition: ConditionOf<T>,
			settings: SettingsOf<T>,
			issuers: IssuerListOf<T>,
		) -> Result<CohortId, DispatchError> {
			Self::validate_condition(&condition)?;
			Self::validate_settings(&settings)?;
			for (i, issuer) in issuers.iter().enumerate() {
				ensure!(Issuers::<T>::contains_key(issuer), Error::<T>::NotApprovedIssuer);
				ensure!(!issuers[..i].contains(issuer), Error::<T>::DuplicateIssuer);
			}

			let cohort = NextCohortId::<T>::get();
			let next = cohort.checked_add(1).ok_or(Error::<T>::CohortIdOverflow)?;
			let deposit = T::CohortDeposit::get();
			T::Currency::hold(&HoldReason::CohortDeposit.into(), &creator, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			// The creator opens the treasury with the existential deposit, so that it can
			// receive revenue shares of any size from the start.
			let treasury = Self::treasury_account(cohort);
			let minimum = T::Currency::minimum_balance();
			let missing = minimum.saturating_sub(T::Currency::balance(&treasury));
			if !missing.is_zero() {
				T::Currency::transfer(&creator, &treasury, missing, Preservation::Preserve)
					.map_err(|_| Error::<T>::InsufficientDeposit)?;
			}

			for issuer in issuers.iter() {
				AcceptedIssuers::<T>::insert(cohort, issuer, ());
			}
			let record = Cohort {
				creator: creator.clone(),
				deposit,
				condition: condition.clone(),
				settings,
				status: CohortStatus::Active,
				accepted_issuers: issuers.len() as u32,
				created_at: frame_system::Pallet::<T>::block_number(),
			};
			Registry::<T>::insert(cohort, record);
			NextCohortId::<T>::put(next);

			Self::deposit_event(Event::CohortCreated {
				cohort,
				creator,
				condition,
				treasury,
				deposit,
			});
			for issuer in issuers {
				Self::deposit_event(Event::IssuerAccepted { cohort, issuer });
			}
			Ok(cohort)
		}

		pub(crate) fn do_update_cohort(
			cohort: CohortId,
			settings: SettingsOf<T>,
		) -> DispatchResult {
			Self::validate_settings(&settings)?;
			Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
				record.settings = settings.clone();
				Ok(())
			})?;
			Self::deposit_event(Event::CohortUpdated { cohort, settings });
			Ok(())
		}

		pub(crate) fn do_accept_issuer(cohort: CohortId, issuer: T::AccountId) -> DispatchResult {
			ensure!(Issuers::<T>::contains_key(&issuer), Error::<T>::NotApprovedIssuer);
			ensure!(
				!AcceptedIssuers::<T>::contains_key(cohort, &issuer),
				Error::<T>::IssuerAlreadyAccepted
			);
			Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
				ensure!(
					record.accepted_issuers < T::MaxIssuersPerCohort::get(),
					Error::<T>::TooManyIssuers
				);
				record.accepted_issuers = record.accepted_issuers.saturating_add(1);
				Ok(())
			})?;
			AcceptedIssuers::<T>::insert(cohort, &issuer, ());
			Self::deposit_event(Event::IssuerAccepted { cohort, issuer });
			Ok(())
		}

		pub(crate) fn do_drop_issuer(cohort: CohortId, issuer: T::AccountId) -> DispatchResult {
			ensure!(
				AcceptedIssuers::<T>::contains_key(cohort, &issuer),
				Error::<T>::IssuerNotAccepted
			);
			Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
				record.accepted_issuers = record.accepted_issuers.saturating_sub(1);
				Ok(())
			})?;
			AcceptedIssuers::<T>::remove(cohort, &issuer);
			Self::deposit_event(Event::IssuerDropped { cohort, issuer });
			Ok(())
		}

		pub(crate) fn do_spend(
			cohort: CohortId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let record = Registry::<T>::get(cohort).ok_or(Error::<T>::UnknownCohort)?;
			ensure!(record.status == CohortStatus::Active, Error::<T>::CohortFrozen);
			T::Currency::transfer(
				&Self::treasury_account(cohort),
				&beneficiary,
				amount,
				Preservation::Preserve,
			)
			.map_err(|_| Error::<T>::InsufficientTreasury)?;
			Self::deposit_event(Event::TreasurySpent { cohort, beneficiary, amount });
			Ok(())
		}

		pub(crate) fn do_set_status(cohort: CohortId, status: CohortStatus) -> DispatchResult {
			Registry::<T>::try_mutate(cohort, |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::UnknownCohort)?;
				match status {
					CohortStatus::Frozen => {
						ensure!(record.status == CohortStatus::Active, Error::<T>::CohortFrozen)
					},
					CohortStatus::Active => {
						ensure!(record.status == CohortStatus::Frozen, Error::<T>::CohortNotFrozen)
					},
				}
				record.status = status;
				Ok(())
			})?;
			Self::deposit_event(match status {
				CohortStatus::Frozen => Event::CohortFrozen { cohort },
				CohortStatus::Active => Event::CohortUnfrozen { cohort },
			});
			Ok(())
		}

		/// The cohort deposits held on `who`.
		#[cfg(any(feature = "try-runtime", test))]
		fn held_deposit(who: &T::AccountId) -> BalanceOf<T> {
			T::Currency::balance_on_hold(&HoldReason::CohortDeposit.into(), who)
		}

		/// A cohort accepting `issuer` (approved if need be), created by `creator`: for other
		/// pallets' benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		pub fn benchmark_cohort_accepting(creator: T::AccountId, issuer: T::AccountId) -> CohortId {
			use sp_runtime::Permill;
			if !Issuers::<T>::contains_key(&issuer) {
				let _ = Self::do_approve_issuer(issuer.clone());
			}
			let condition = ConditionCode {
				system: CodeSystem::Icd10,
				code: BoundedVec::truncate_from(b"U09.9".to_vec()),
			};
			let settings = CohortSettings {
				name: BoundedVec::truncate_from(b"benchmark".to_vec()),
				governance: Governance::Cooperative,
				revenue_split: RevenueSplit {
					members: Permill::from_percent(70),
					treasury: Permill::from_percent(25),
					platform: Permill::from_percent(5),
				},
				k_anonymity_floor: 1,
				voting: VotingParams {
					voting_period: 10u32.into(),
					quorum: Permill::from_percent(10),
					voice_credits_per_epoch: 100,
					epoch_length: 100u32.into(),
				},
			};
			let issuers = BoundedVec::truncate_from(alloc::vec![issuer]);
			Self::do_create_cohort(creator, condition, settings, issuers).unwrap_or_default()
		}

		/// The invariants this pallet owns:
		///
		/// 1. every cohort id is below `NextCohortId`;
		/// 2. a cohort's `accepted_issuers` equals its entries in `AcceptedIssuers`, and is at
		///    most `MaxIssuersPerCohort`; no entry belongs to a cohort that does not exist;
		/// 3. every cohort's settings are valid (split sums to one, floor and voting params
		///    non-zero) and its condition code is well formed;
		/// 4. the deposit held on each creator equals the sum of their cohorts' deposits.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use sp_runtime::Saturating;
			let next = NextCohortId::<T>::get();
			let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (id, cohort) in Registry::<T>::iter() {
				ensure!(id < next, "a cohort id is not below NextCohortId");
				let entries = AcceptedIssuers::<T>::iter_prefix(id).count() as u32;
				ensure!(entries == cohort.accepted_issuers, "accepted issuer count is off");
				ensure!(
					entries <= T::MaxIssuersPerCohort::get(),
					"a cohort accepts too many issuers"
				);
				Self::validate_settings(&cohort.settings)
					.map_err(|_| "a cohort's settings are invalid")?;
				Self::validate_condition(&cohort.condition)
					.map_err(|_| "a cohort's condition code is invalid")?;
				let total = deposits.entry(cohort.creator.clone()).or_default();
				*total = total.saturating_add(cohort.deposit);
			}
			for (id, _, ()) in AcceptedIssuers::<T>::iter() {
				ensure!(Registry::<T>::contains_key(id), "an accepted issuer of no cohort");
			}
			for (creator, total) in deposits {
				ensure!(
					Self::held_deposit(&creator) == total,
					"held cohort deposits differ from the cohorts' deposits"
				);
			}
			Ok(())
		}
	}

	impl<T: Config> CohortsInspect<T::AccountId> for Pallet<T> {
		fn is_active(cohort: CohortId) -> bool {
			Registry::<T>::get(cohort).is_some_and(|c| c.status == CohortStatus::Active)
		}

		fn exists(cohort: CohortId) -> bool {
			Registry::<T>::contains_key(cohort)
		}

		fn accepts_issuer(cohort: CohortId, issuer: &T::AccountId) -> bool {
			Issuers::<T>::contains_key(issuer) && AcceptedIssuers::<T>::contains_key(cohort, issuer)
		}

		fn treasury_account(cohort: CohortId) -> T::AccountId {
			Pallet::<T>::treasury_account(cohort)
		}
	}

	impl<T: Config> CohortLicensing for Pallet<T> {
		fn licensing_terms(cohort: CohortId) -> Option<(RevenueSplit, u32)> {
			Registry::<T>::get(cohort)
				.map(|c| (c.settings.revenue_split, c.settings.k_anonymity_floor))
		}
	}

	impl<T: Config> CohortVoting<BlockNumberFor<T>> for Pallet<T> {
		fn voting_params(cohort: CohortId) -> Option<VotingParams<BlockNumberFor<T>>> {
			Registry::<T>::get(cohort).map(|c| c.settings.voting)
		}
	}
}

impl<AccountId> cohort_primitives::ActingAccount<AccountId> for CohortAuthority<AccountId> {
	fn acting_account(self) -> Option<AccountId> {
		match self {
			CohortAuthority::Members => None,
			CohortAuthority::Trustees(trustees) => Some(trustees),
		}
	}
}

/// The members of a cohort, acting through a passed proposal: [`Origin::Members`]. Succeeds
/// with the cohort's id.
pub struct EnsureMembers<T>(core::marker::PhantomData<T>);
impl<T, O> EnsureOrigin<O> for EnsureMembers<T>
where
	O: Into<Result<Origin, O>> + From<Origin>,
{
	type Success = CohortId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().map(|Origin::Members(cohort)| cohort)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Members(0)))
	}
}

/// The cohort origin of a given cohort, for `action`s other pallets guard: its members, or (for
/// data decisions and issuers) the trustees of a data trust. Succeeds with the authority.
pub struct EnsureCohort<T, A>(core::marker::PhantomData<(T, A)>);

/// Names the [`CohortAction`] an [`EnsureCohort`] checks.
pub trait CohortActionOf {
	/// The action.
	const ACTION: CohortAction;
}

/// Guards data decisions (datasets, offers, licences).
pub struct ManageData;
impl CohortActionOf for ManageData {
	const ACTION: CohortAction = CohortAction::ManageData;
}

/// Guards key-rotation approvals.
pub struct ApproveRotation;
impl CohortActionOf for ApproveRotation {
	const ACTION: CohortAction = CohortAction::ApproveRotation;
}

impl<T: Config, A: CohortActionOf> EnsureOriginWithArg<T::RuntimeOrigin, CohortId>
	for EnsureCohort<T, A>
{
	type Success = CohortAuthority<T::AccountId>;

	fn try_origin(
		o: T::RuntimeOrigin,
		cohort: &CohortId,
	) -> Result<Self::Success, T::RuntimeOrigin> {
		Pallet::<T>::ensure_cohort_authority(o.clone(), *cohort, A::ACTION).map_err(|_| o)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<T::RuntimeOrigin, ()> {
		let _ = cohort;
		T::MembersOrigin::try_successful_origin()
	}
}
