//! # Data licensing
//!
//! Datasets, offers and the licensing escrow. No personal data: hashes, tags, an encrypted
//! locator, counts, prices and dates. Every call is O(1) and an event: the audit trail a
//! patient reads.
//!
//! The cohort origin (its members by vote, or a data trust's trustees) registers datasets and
//! publishes offers, paying their deposits. A licensee requests an offer: the price is held
//! ([`HoldReason::Escrow`]) until the cohort approves or rejects, or the review period ends and
//! the licensee withdraws. Approval, at or above the cohort's k-anonymity floor, divides the
//! price by the cohort's `RevenueSplit` (members' share as a credit to
//! [`RoyaltyPools::deposit`], which gives back what no pool can take; treasury; platform) and
//! records an access grant; a grant can be revoked for breach or removed once expired.
//!
//! Transparency and feedback: a licensee reports what came of a licence (an `Outcome`, with a
//! deposit, at most `MaxOutcomesPerGrant` per grant); a cohort publishes health insights for
//! its members. The runtime API joins a donor's licences with their outcomes.
//!
//! ## Where things are
//!
//! `lib.rs`: declarations and thin calls; `events.rs`: events and errors;
//! `dispatchable_impls.rs`: the `do_*` functions of datasets, offers and licences;
//! `feedback.rs`: those of outcomes and insights;
//! `utility_impls.rs`: holds, escrow, shared checks; `queries.rs`: what the runtime API asks;
//! `types.rs`: the records and their arithmetic; `try_state.rs`: the invariants.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod events;
mod feedback;
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
pub use cohort_primitives::{CohortId, DatasetId, Purpose, RequestId, RoyaltyPools};
pub use types::*;
pub use weights::WeightInfo;

// Events and errors live in `events.rs`, so that this file reads as a table of contents.
#[import_section(events::events)]
// FRAME's generated storage code uses `expect`; the logic lives outside, under the lints.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::{ActingAccount, CohortLicensing, CohortsInspect, MembershipInspect};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, InspectHold, Mutate, MutateHold},
			EnsureOriginWithArg,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::Zero;

	/// The layout of this pallet's storage. Version 0: as first released (no migration yet).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of prices and deposits. An approved price leaves the escrow hold as a
		/// `Credit` (`BalancedHold`), shared out without passing through the licensee's free
		/// balance.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>
			+ BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The cohorts: whether one acts, its treasury, revenue split and k-anonymity floor.
		type Cohorts: CohortsInspect<Self::AccountId> + CohortLicensing<Self::AccountId>;

		/// How many members consent to a purpose (pallet-cohort-membership).
		type Membership: MembershipInspect<Self::AccountId>;

		/// The royalty pools the members' share goes to (pallet-royalties), handed over as a
		/// credit; what a pool gives back goes to the cohort treasury.
		type Royalties: RoyaltyPools<Self::AccountId, CreditOf<Self>>;

		/// The cohort origin for data decisions: its members, or the trustees of a data trust,
		/// or the operator of a private business (pallet-cohorts' `EnsureCohort<_,
		/// ManageData>`). Says who acts, and so who pays the storage deposits: the treasury for
		/// members, the acting account otherwise.
		type CohortOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			CohortId,
			Success: ActingAccount<Self::AccountId>,
		>;

		/// The cohort origin for spending its treasury: its members only (pallet-cohorts'
		/// `EnsureCohort<_, Govern>`), never trustees or an operator.
		type TreasuryOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CohortId>;

		/// Receives the platform's share of every licence.
		type PlatformAccount: Get<Self::AccountId>;

		/// How long the cohort has to decide a request before the licensee may withdraw it.
		#[pallet::constant]
		type ReviewPeriod: Get<BlockNumberFor<Self>>;

		/// The deposit for a dataset's record.
		#[pallet::constant]
		type DatasetDeposit: Get<BalanceOf<Self>>;

		/// The deposit for an offer's record.
		#[pallet::constant]
		type OfferDeposit: Get<BalanceOf<Self>>;

		/// The deposit for a request's record, carried over to the grant it becomes.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;

		/// The most schema tags a dataset has.
		#[pallet::constant]
		type MaxSchemaTags: Get<u32>;

		/// The longest schema tag, in bytes.
		#[pallet::constant]
		type MaxTagLength: Get<u32>;

		/// The longest encrypted locator, in bytes.
		#[pallet::constant]
		type MaxLocatorLength: Get<u32>;

		/// The most offers one dataset has at once.
		#[pallet::constant]
		type MaxOffersPerDataset: Get<u32>;

		/// The deposit a licensee holds for each outcome they report.
		#[pallet::constant]
		type OutcomeDeposit: Get<BalanceOf<Self>>;

		/// The most outcomes a licensee reports under one grant.
		#[pallet::constant]
		type MaxOutcomesPerGrant: Get<u32>;

		/// The deposit held for each health insight a cohort publishes.
		#[pallet::constant]
		type InsightDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up a licensable cohort for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A licensee's payment, until the cohort decides.
		Escrow,
		/// The deposit for a request's record, then for the grant it becomes.
		LicenceRecord,
		/// The deposit for a dataset's or an offer's record.
		DataRecord,
	}

	/// The id the next dataset gets.
	#[pallet::storage]
	pub type NextDatasetId<T> = StorageValue<_, DatasetId, ValueQuery>;

	/// Datasets.
	#[pallet::storage]
	pub type Datasets<T: Config> = StorageMap<_, Blake2_128Concat, DatasetId, DatasetOf<T>>;

	/// The id the next offer gets.
	#[pallet::storage]
	pub type NextOfferId<T> = StorageValue<_, OfferId, ValueQuery>;

	/// Published offers.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Blake2_128Concat, OfferId, OfferOf<T>>;

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Requests waiting for the cohort's decision.
	#[pallet::storage]
	pub type Requests<T: Config> = StorageMap<_, Blake2_128Concat, RequestId, RequestOf<T>>;

	/// Access grants, by dataset, licensee and purpose.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, DatasetId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, Purpose>,
		),
		GrantOf<T>,
	>;

	/// The outcomes licensees reported, by cohort and number (in order of reporting).
	#[pallet::storage]
	pub type Outcomes<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Twox64Concat, u32, OutcomeOf<T>>;

	/// The number the next outcome reported in a cohort gets.
	#[pallet::storage]
	pub type NextOutcome<T: Config> = StorageMap<_, Blake2_128Concat, CohortId, u32, ValueQuery>;

	/// The outcomes reported under each licence (approved request), by number in its cohort:
	/// how "what came of my data" joins a donor's licences with their outcomes.
	#[pallet::storage]
	pub type LicenceOutcomes<T: Config> =
		StorageMap<_, Blake2_128Concat, RequestId, LicenceOutcomesOf<T>, ValueQuery>;

	/// The health insights cohorts published for their members, by cohort and number.
	#[pallet::storage]
	pub type Insights<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CohortId, Twox64Concat, u32, InsightOf<T>>;

	/// The number the next insight a cohort publishes gets.
	#[pallet::storage]
	pub type NextInsight<T: Config> = StorageMap<_, Blake2_128Concat, CohortId, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The platform account exists from genesis, so that a platform share of any size
			// can be paid to it.
			cohort_primitives::mint_existential_deposit::<_, T::Currency>(
				&T::PlatformAccount::get(),
			);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// With no room for an offer nothing could ever be licensed; with no review period a
			// licensee could withdraw a request before the cohort had a block to decide it.
			assert!(T::MaxOffersPerDataset::get() > 0, "`MaxOffersPerDataset` must not be zero");
			assert!(!T::ReviewPeriod::get().is_zero(), "`ReviewPeriod` must not be zero");
			// A dataset needs somewhere to be fetched from.
			assert!(T::MaxLocatorLength::get() > 0, "`MaxLocatorLength` must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	// Each call weighs what its benchmark of the same name measured.
	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Register a dataset of the cohort. The cohort origin only; its deposit is held on
		/// the treasury (members) or the trustees' account.
		///
		/// - `cohort`: the cohort whose members' data it is.
		/// - `content_hash`: hash of the encrypted content.
		/// - `schema_tags`: e.g. FHIR resource types.
		/// - `locator`: where the encrypted bundle is (e.g. an IPFS CID).
		/// - `record_count`: how many records.
		#[pallet::call_index(0)]
		pub fn register_dataset(
			origin: OriginFor<T>,
			cohort: CohortId,
			content_hash: H256,
			schema_tags: SchemaTagsOf<T>,
			locator: LocatorOf<T>,
			record_count: u64,
		) -> DispatchResult {
			let authority = T::CohortOrigin::ensure_origin(origin, &cohort)?;
			let depositor = Self::depositor(cohort, authority);
			Self::do_register_dataset(
				depositor,
				cohort,
				content_hash,
				schema_tags,
				locator,
				record_count,
			)
			.map(|_| ())
		}

		/// Publish a new version of `dataset`: the hash of its new encrypted content, where it
		/// is and how many records it holds. The cohort origin only.
		#[pallet::call_index(1)]
		pub fn publish_version(
			origin: OriginFor<T>,
			dataset: DatasetId,
			content_hash: H256,
			locator: LocatorOf<T>,
			record_count: u64,
		) -> DispatchResult {
			let cohort = Self::dataset_cohort(dataset)?;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_publish_version(dataset, content_hash, locator, record_count)
		}

		/// Retire `dataset`: no new requests or approvals; grants run out. The cohort origin
		/// only.
		#[pallet::call_index(2)]
		pub fn retire_dataset(origin: OriginFor<T>, dataset: DatasetId) -> DispatchResult {
			let cohort = Self::dataset_cohort(dataset)?;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_retire_dataset(dataset)
		}

		/// Remove a retired `dataset` that no offer, open request or grant refers to any more,
		/// and release its deposit. The cohort origin only.
		#[pallet::call_index(11)]
		pub fn remove_dataset(origin: OriginFor<T>, dataset: DatasetId) -> DispatchResult {
			let cohort = Self::dataset_cohort(dataset)?;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_remove_dataset(dataset)
		}

		/// Publish an offer on `dataset`. The cohort origin only; its deposit is held like the
		/// dataset's.
		///
		/// - `purpose`: what a licence allows (a consent purpose).
		/// - `price`: what a licence costs.
		/// - `access_duration`: how long access lasts once granted, in blocks.
		/// - `terms_hash`: hash of the licence terms document.
		#[pallet::call_index(3)]
		pub fn publish_offer(
			origin: OriginFor<T>,
			dataset: DatasetId,
			purpose: Purpose,
			price: BalanceOf<T>,
			access_duration: BlockNumberFor<T>,
			terms_hash: H256,
		) -> DispatchResult {
			let cohort = Self::dataset_cohort(dataset)?;
			let authority = T::CohortOrigin::ensure_origin(origin, &cohort)?;
			let depositor = Self::depositor(cohort, authority);
			Self::do_publish_offer(depositor, dataset, purpose, price, access_duration, terms_hash)
				.map(|_| ())
		}

		/// Withdraw `offer`. Open requests on it can no longer be approved. The cohort origin
		/// only.
		#[pallet::call_index(4)]
		pub fn withdraw_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let cohort = Offers::<T>::get(offer).ok_or(Error::<T>::UnknownOffer)?.cohort;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_withdraw_offer(offer)
		}

		/// Request a licence under `offer`. The price is held on the caller's account until
		/// the cohort decides, with `RequestDeposit` for the record.
		#[pallet::call_index(5)]
		pub fn request(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_request(licensee, offer, false).map(|_| ())
		}

		/// Request a licence under a public-interest `offer` (academic research, public
		/// health) with a price you cannot pay, asking the cohort to pay it from its treasury:
		/// only `RequestDeposit` is held. The cohort may `sponsor` it (then decide it as any
		/// other) or let it lapse; it cannot be approved unpaid.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::request())]
		pub fn request_sponsorship(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_request(licensee, offer, true).map(|_| ())
		}

		/// Approve `request`: the escrow settles (members' share to the royalty pool, treasury,
		/// platform and operator shares) and access is granted. The cohort origin only.
		///
		/// - `request`: an open request, within its review period.
		/// - `rationale`: the hash of the reasons, published off chain (trustees and operators
		///   answer for their decisions; members may give their proposal's).
		#[pallet::call_index(6)]
		pub fn approve(
			origin: OriginFor<T>,
			request: RequestId,
			rationale: H256,
		) -> DispatchResult {
			let cohort = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?.cohort;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_approve(request, rationale)
		}

		/// Reject a request: the escrow goes back to whoever paid it and the deposit to the
		/// licensee. The cohort origin only.
		///
		/// - `request`: an open request.
		/// - `rationale`: the hash of the reasons, published off chain (trustees and operators
		///   answer for their decisions; members may give their proposal's).
		#[pallet::call_index(7)]
		pub fn reject(origin: OriginFor<T>, request: RequestId, rationale: H256) -> DispatchResult {
			let cohort = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?.cohort;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_reject(request, rationale)
		}

		#[pallet::call_index(8)]
		pub fn withdraw_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_withdraw_request(licensee, request)
		}

		/// Revoke `licensee`'s grant to `dataset` for `purpose`, for breach of terms; nothing
		/// is refunded. The cohort origin only.
		#[pallet::call_index(9)]
		pub fn revoke_grant(
			origin: OriginFor<T>,
			dataset: DatasetId,
			licensee: T::AccountId,
			purpose: Purpose,
		) -> DispatchResult {
			let cohort = Self::dataset_cohort(dataset)?;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_remove_grant(dataset, licensee, purpose, false)
		}

		/// Remove `licensee`'s expired grant to `dataset` for `purpose`; its deposit goes back
		/// to the licensee. Anyone may.
		#[pallet::call_index(10)]
		pub fn remove_expired_grant(
			origin: OriginFor<T>,
			dataset: DatasetId,
			licensee: T::AccountId,
			purpose: Purpose,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_remove_grant(dataset, licensee, purpose, true)
		}

		/// Pay a request's price from the cohort's treasury, so that research that cannot pay
		/// keeps access: the price is held on the treasury until the request is decided (paid
		/// into the same settlement on approval, so members earn royalties from research they
		/// chose to support; back to the treasury otherwise) and the licensee's escrow, if they
		/// paid one, is released. The cohort's members only (a passed proposal); academic-research and
		/// public-health requests only.
		///
		/// - `request`: an open request, not yet sponsored, with a price.
		#[pallet::call_index(12)]
		pub fn sponsor(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let cohort = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?.cohort;
			T::TreasuryOrigin::ensure_origin(origin, &cohort)?;
			Self::do_sponsor(request)
		}

		/// Report what came of your licence to `dataset` for `purpose`, for its donors to see:
		/// a publication, preprint, trial registration, product, model card, or no result.
		/// Holds `OutcomeDeposit` until you withdraw it; at most `MaxOutcomesPerGrant` per
		/// grant.
		///
		/// - `outcome_hash`: the hash of the outcome's document, published off chain.
		#[pallet::call_index(13)]
		pub fn report_outcome(
			origin: OriginFor<T>,
			dataset: DatasetId,
			purpose: Purpose,
			outcome_hash: H256,
			kind: OutcomeKind,
		) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_report_outcome(licensee, dataset, purpose, outcome_hash, kind).map(|_| ())
		}

		/// Withdraw an outcome you reported (say, a wrong hash); its deposit is released. The
		/// event of its report stays in the chain's history.
		#[pallet::call_index(14)]
		pub fn withdraw_outcome(
			origin: OriginFor<T>,
			cohort: CohortId,
			outcome: u32,
		) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_withdraw_outcome(licensee, cohort, outcome)
		}

		/// Publish a health insight for the cohort's members: the hash of a summary of
		/// findings and the encrypted locator members fetch it from. The cohort origin only;
		/// holds `InsightDeposit` on the treasury (members) or the acting account.
		#[pallet::call_index(15)]
		pub fn publish_insight(
			origin: OriginFor<T>,
			cohort: CohortId,
			insight_hash: H256,
			locator: LocatorOf<T>,
		) -> DispatchResult {
			let authority = T::CohortOrigin::ensure_origin(origin, &cohort)?;
			let depositor = Self::depositor(cohort, authority);
			Self::do_publish_insight(depositor, cohort, insight_hash, locator).map(|_| ())
		}

		/// Remove a health insight; its deposit is released. The cohort origin only.
		#[pallet::call_index(16)]
		pub fn remove_insight(
			origin: OriginFor<T>,
			cohort: CohortId,
			insight: u32,
		) -> DispatchResult {
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_remove_insight(cohort, insight)
		}
	}
}
