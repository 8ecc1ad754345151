//! # Data licensing
//!
//! Datasets, offers and the licensing escrow.
//!
//! - The cohort origin ([`Config::CohortOrigin`]: its members by vote, or the trustees of a
//!   data trust) **registers datasets** (content hash, schema tags, encrypted locator, record
//!   count), publishes new versions and retires them, and **publishes offers** on them
//!   (purpose, price, access duration, terms hash) and withdraws them. Their storage deposits
//!   are held on the cohort treasury (members) or the trustees' account.
//! - A licensee **requests** an offer: the price is **held** on their account
//!   ([`HoldReason::Escrow`]), never moved before the decision.
//! - The cohort origin **approves** (the escrow settles in one step: the members' share into
//!   the royalty pool of (cohort, purpose), the treasury share to the cohort treasury, the
//!   platform share to the platform account; a non-transferable **access grant** `(dataset,
//!   licensee, purpose) → expires_at` is recorded) or **rejects** (the hold is released).
//!   Without a decision within `ReviewPeriod` the licensee may **withdraw** the request.
//!   Approval fails below the cohort's k-anonymity floor of consenting members, for a frozen
//!   cohort, a retired dataset or a withdrawn offer.
//! - The cohort origin may **revoke a grant** for breach (no refund); anyone removes an
//!   **expired grant** (its deposit goes back to the licensee).
//! - Every request, approval, rejection, withdrawal, grant and revocation is an event: the
//!   audit trail a patient reads.
//!
//! No personal data: hashes, tags, an encrypted locator, counts, prices and dates. Every call
//! is O(1).

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

pub use cohort_primitives::{CohortId, Purpose};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An active cohort with enough members consenting to every purpose, with units, to pass
	/// its k-anonymity floor and receive royalties.
	fn licensable_cohort() -> CohortId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cohort_primitives::{
		ActingAccount, CohortLicensing, CohortsInspect, LicenceRef, MembershipInspect, RoyaltyPools,
	};
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
	use sp_runtime::traits::{Saturating, Zero};

	/// The balance type of prices and deposits.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A dataset as stored.
	pub type DatasetOf<T> = Dataset<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		<T as Config>::MaxSchemaTags,
		<T as Config>::MaxTagLength,
		<T as Config>::MaxLocatorLength,
	>;
	/// Schema tags.
	pub type SchemaTagsOf<T> =
		BoundedVec<BoundedVec<u8, <T as Config>::MaxTagLength>, <T as Config>::MaxSchemaTags>;
	/// An encrypted locator.
	pub type LocatorOf<T> = BoundedVec<u8, <T as Config>::MaxLocatorLength>;
	/// An offer as stored.
	pub type OfferOf<T> =
		Offer<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A request as stored.
	pub type RequestOf<T> =
		Request<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A grant as stored.
	pub type GrantOf<T> = Grant<BalanceOf<T>, BlockNumberFor<T>>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of prices and deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The cohorts: whether one acts, its treasury, revenue split and k-anonymity floor.
		type Cohorts: CohortsInspect<Self::AccountId> + CohortLicensing;

		/// How many members consent to a purpose (pallet-membership).
		type Membership: MembershipInspect<Self::AccountId>;

		/// The royalty pools the members' share goes to (pallet-royalties).
		type Royalties: RoyaltyPools<Self::AccountId, BalanceOf<Self>>;

		/// The cohort origin for data decisions: its members, or the trustees of a data trust
		/// (pallet-cohorts' `EnsureCohort<_, ManageData>`). Says who acts, and so who pays the
		/// storage deposits: the treasury for members, the trustees' account for trustees.
		type CohortOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			CohortId,
			Success: ActingAccount<Self::AccountId>,
		>;

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

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A cohort registered a dataset.
		DatasetRegistered {
			/// The new dataset.
			dataset: DatasetId,
			/// Its cohort.
			cohort: CohortId,
			/// Hash of its content.
			content_hash: H256,
			/// How many records.
			record_count: u64,
		},
		/// A cohort published a new version of a dataset.
		DatasetVersionPublished {
			/// The dataset.
			dataset: DatasetId,
			/// The new version number.
			version: u32,
			/// Hash of its content.
			content_hash: H256,
			/// How many records.
			record_count: u64,
		},
		/// A cohort retired a dataset: no new licences.
		DatasetRetired {
			/// The dataset.
			dataset: DatasetId,
		},
		/// A cohort published an offer.
		OfferPublished {
			/// The new offer.
			offer: OfferId,
			/// Its dataset.
			dataset: DatasetId,
			/// The purpose it licenses.
			purpose: Purpose,
			/// Its price.
			price: BalanceOf<T>,
			/// How long access lasts, in blocks.
			access_duration: BlockNumberFor<T>,
			/// Hash of the terms.
			terms_hash: H256,
		},
		/// A cohort withdrew an offer.
		OfferWithdrawn {
			/// The offer.
			offer: OfferId,
		},
		/// A licensee requested a licence; the price is held in escrow.
		LicenceRequested {
			/// The new request.
			request: RequestId,
			/// Who asks.
			licensee: T::AccountId,
			/// The offer.
			offer: OfferId,
			/// Its dataset.
			dataset: DatasetId,
			/// The price held.
			price: BalanceOf<T>,
		},
		/// A cohort approved a request: the escrow was settled.
		LicenceApproved {
			/// The request.
			request: RequestId,
			/// The licensee.
			licensee: T::AccountId,
			/// The dataset.
			dataset: DatasetId,
			/// The cohort.
			cohort: CohortId,
			/// The purpose.
			purpose: Purpose,
			/// To the members' royalty pool (to the treasury if no consenting member has
			/// contribution units).
			members_share: BalanceOf<T>,
			/// To the cohort treasury.
			treasury_share: BalanceOf<T>,
			/// To the platform.
			platform_share: BalanceOf<T>,
		},
		/// A cohort rejected a request; the escrow was released.
		LicenceRejected {
			/// The request.
			request: RequestId,
			/// The licensee.
			licensee: T::AccountId,
		},
		/// A licensee withdrew an undecided request after the review period; the escrow was
		/// released.
		RequestWithdrawn {
			/// The request.
			request: RequestId,
			/// The licensee.
			licensee: T::AccountId,
		},
		/// Access was granted (or extended).
		GrantIssued {
			/// The dataset.
			dataset: DatasetId,
			/// The licensee.
			licensee: T::AccountId,
			/// The purpose.
			purpose: Purpose,
			/// Access ends at this block.
			expires_at: BlockNumberFor<T>,
		},
		/// A cohort revoked a grant for breach; nothing was refunded.
		GrantRevoked {
			/// The dataset.
			dataset: DatasetId,
			/// The licensee.
			licensee: T::AccountId,
			/// The purpose.
			purpose: Purpose,
		},
		/// An expired grant was removed; its deposit went back to the licensee.
		GrantExpired {
			/// The dataset.
			dataset: DatasetId,
			/// The licensee.
			licensee: T::AccountId,
			/// The purpose.
			purpose: Purpose,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cohort does not exist.
		UnknownCohort,
		/// The cohort is frozen: it registers, offers and approves nothing.
		CohortFrozen,
		/// No dataset has this id.
		UnknownDataset,
		/// The dataset is retired.
		DatasetRetired,
		/// No offer has this id (it may have been withdrawn).
		UnknownOffer,
		/// The offer was withdrawn since the request was made.
		OfferGone,
		/// The dataset has `MaxOffersPerDataset` offers.
		TooManyOffers,
		/// An offer's price or access duration is zero.
		InvalidOffer,
		/// No request has this id.
		UnknownRequest,
		/// Only the licensee may withdraw a request.
		NotLicensee,
		/// The review period is not over yet.
		ReviewPending,
		/// Fewer members consent to the purpose than the cohort's k-anonymity floor.
		BelowKAnonymityFloor,
		/// There is no such grant.
		UnknownGrant,
		/// The grant has not expired yet.
		GrantLive,
		/// The account cannot pay the price and the deposit.
		InsufficientFunds,
		/// The settlement could not pay a share (e.g. into an account that cannot exist).
		SettlementFailed,
		/// No more ids.
		IdOverflow,
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
		/// Register a dataset of the cohort. The cohort origin only; its deposit is held on
		/// the treasury (members) or the trustees' account.
		///
		/// - `cohort`: the cohort whose members' data it is.
		/// - `content_hash`: hash of the encrypted content.
		/// - `schema_tags`: e.g. FHIR resource types.
		/// - `locator`: where the encrypted bundle is (e.g. an IPFS CID).
		/// - `record_count`: how many records.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_dataset())]
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

		/// Publish a new version of a dataset. The cohort origin only.
		///
		/// - `dataset`: the dataset.
		/// - `content_hash`: hash of the new encrypted content.
		/// - `locator`: where it is.
		/// - `record_count`: how many records it holds.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::publish_version())]
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

		/// Retire a dataset: no new requests or approvals; grants run out. The cohort origin
		/// only.
		///
		/// - `dataset`: the dataset.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire_dataset())]
		pub fn retire_dataset(origin: OriginFor<T>, dataset: DatasetId) -> DispatchResult {
			let cohort = Self::dataset_cohort(dataset)?;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_retire_dataset(dataset)
		}

		/// Publish an offer on a dataset. The cohort origin only; its deposit is held like the
		/// dataset's.
		///
		/// - `dataset`: the dataset.
		/// - `purpose`: what a licence allows (a consent purpose).
		/// - `price`: what a licence costs.
		/// - `access_duration`: how long access lasts once granted, in blocks.
		/// - `terms_hash`: hash of the licence terms document.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::publish_offer())]
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

		/// Withdraw an offer. Open requests on it can no longer be approved. The cohort origin
		/// only.
		///
		/// - `offer`: the offer.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let cohort = Offers::<T>::get(offer).ok_or(Error::<T>::UnknownOffer)?.cohort;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_withdraw_offer(offer)
		}

		/// Request a licence under an offer. The price is held on the caller's account until
		/// the cohort decides, with `RequestDeposit` for the record.
		///
		/// - `offer`: the offer.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::request())]
		pub fn request(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_request(licensee, offer).map(|_| ())
		}

		/// Approve a request: the escrow settles (members' share to the royalty pool, treasury
		/// and platform shares) and access is granted. The cohort origin only.
		///
		/// - `request`: the request.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let cohort = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?.cohort;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_approve(request)
		}

		/// Reject a request: the escrow and deposit are released. The cohort origin only.
		///
		/// - `request`: the request.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let cohort = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?.cohort;
			T::CohortOrigin::ensure_origin(origin, &cohort)?;
			Self::do_reject(request)
		}

		/// Withdraw one's undecided request once the review period is over; the escrow and
		/// deposit are released.
		///
		/// - `request`: the request.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::withdraw_request())]
		pub fn withdraw_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let licensee = ensure_signed(origin)?;
			Self::do_withdraw_request(licensee, request)
		}

		/// Revoke a grant for breach of terms; nothing is refunded. The cohort origin only.
		///
		/// - `dataset`: the dataset.
		/// - `licensee`: the licensee.
		/// - `purpose`: the purpose of the grant.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke_grant())]
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

		/// Remove an expired grant; its deposit goes back to the licensee. Anyone may.
		///
		/// - `dataset`: the dataset.
		/// - `licensee`: the licensee.
		/// - `purpose`: the purpose of the grant.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_expired_grant())]
		pub fn remove_expired_grant(
			origin: OriginFor<T>,
			dataset: DatasetId,
			licensee: T::AccountId,
			purpose: Purpose,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_remove_grant(dataset, licensee, purpose, true)
		}
	}

	impl<T: Config> Pallet<T> {
		fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// Who pays a cohort's record deposits: the treasury when its members act, the
		/// trustees' account when they do.
		fn depositor(
			cohort: CohortId,
			authority: <T::CohortOrigin as EnsureOriginWithArg<T::RuntimeOrigin, CohortId>>::Success,
		) -> T::AccountId {
			authority
				.acting_account()
				.unwrap_or_else(|| T::Cohorts::treasury_account(cohort))
		}

		fn dataset_cohort(dataset: DatasetId) -> Result<CohortId, DispatchError> {
			Ok(Datasets::<T>::get(dataset).ok_or(Error::<T>::UnknownDataset)?.cohort)
		}

		fn ensure_active_cohort(cohort: CohortId) -> DispatchResult {
			ensure!(T::Cohorts::exists(cohort), Error::<T>::UnknownCohort);
			ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortFrozen);
			Ok(())
		}

		fn hold(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			T::Currency::hold(&reason.into(), who, amount)
				.map_err(|_| Error::<T>::InsufficientFunds.into())
		}

		fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			T::Currency::release(&reason.into(), who, amount, Precision::BestEffort).map(|_| ())
		}

		/// Pays `amount` of `licensee`'s escrow to `to`.
		fn settle(
			licensee: &T::AccountId,
			to: &T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			if amount.is_zero() {
				return Ok(());
			}
			T::Currency::transfer_on_hold(
				&HoldReason::Escrow.into(),
				licensee,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)
			.map(|_| ())
			.map_err(|_| Error::<T>::SettlementFailed.into())
		}

		pub(crate) fn do_register_dataset(
			depositor: T::AccountId,
			cohort: CohortId,
			content_hash: H256,
			schema_tags: SchemaTagsOf<T>,
			locator: LocatorOf<T>,
			record_count: u64,
		) -> Result<DatasetId, DispatchError> {
			Self::ensure_active_cohort(cohort)?;
			let id = NextDatasetId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
			let deposit = T::DatasetDeposit::get();
			Self::hold(HoldReason::DataRecord, &depositor, deposit)?;
			Datasets::<T>::insert(
				id,
				Dataset {
					cohort,
					content_hash,
					schema_tags,
					locator,
					record_count,
					version: 1,
					status: DatasetStatus::Active,
					offers: 0,
					depositor,
					deposit,
				},
			);
			NextDatasetId::<T>::put(next);
			Self::deposit_event(Event::DatasetRegistered {
				dataset: id,
				cohort,
				content_hash,
				record_count,
			});
			Ok(id)
		}

		pub(crate) fn do_publish_version(
			id: DatasetId,
			content_hash: H256,
			locator: LocatorOf<T>,
			record_count: u64,
		) -> DispatchResult {
			let version = Datasets::<T>::try_mutate(id, |dataset| -> Result<u32, DispatchError> {
				let dataset = dataset.as_mut().ok_or(Error::<T>::UnknownDataset)?;
				Self::ensure_active_cohort(dataset.cohort)?;
				ensure!(dataset.status == DatasetStatus::Active, Error::<T>::DatasetRetired);
				dataset.version = dataset.version.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
				dataset.content_hash = content_hash;
				dataset.locator = locator;
				dataset.record_count = record_count;
				Ok(dataset.version)
			})?;
			Self::deposit_event(Event::DatasetVersionPublished {
				dataset: id,
				version,
				content_hash,
				record_count,
			});
			Ok(())
		}

		pub(crate) fn do_retire_dataset(id: DatasetId) -> DispatchResult {
			Datasets::<T>::try_mutate(id, |dataset| -> DispatchResult {
				let dataset = dataset.as_mut().ok_or(Error::<T>::UnknownDataset)?;
				ensure!(dataset.status == DatasetStatus::Active, Error::<T>::DatasetRetired);
				dataset.status = DatasetStatus::Retired;
				Ok(())
			})?;
			Self::deposit_event(Event::DatasetRetired { dataset: id });
			Ok(())
		}

		pub(crate) fn do_publish_offer(
			depositor: T::AccountId,
			dataset: DatasetId,
			purpose: Purpose,
			price: BalanceOf<T>,
			access_duration: BlockNumberFor<T>,
			terms_hash: H256,
		) -> Result<OfferId, DispatchError> {
			ensure!(!price.is_zero() && !access_duration.is_zero(), Error::<T>::InvalidOffer);
			let mut record = Datasets::<T>::get(dataset).ok_or(Error::<T>::UnknownDataset)?;
			Self::ensure_active_cohort(record.cohort)?;
			ensure!(record.status == DatasetStatus::Active, Error::<T>::DatasetRetired);
			ensure!(record.offers < T::MaxOffersPerDataset::get(), Error::<T>::TooManyOffers);
			let id = NextOfferId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
			let deposit = T::OfferDeposit::get();
			Self::hold(HoldReason::DataRecord, &depositor, deposit)?;
			record.offers = record.offers.saturating_add(1);
			let cohort = record.cohort;
			Datasets::<T>::insert(dataset, record);
			Offers::<T>::insert(
				id,
				Offer {
					dataset,
					cohort,
					purpose,
					price,
					access_duration,
					terms_hash,
					depositor,
					deposit,
				},
			);
			NextOfferId::<T>::put(next);
			Self::deposit_event(Event::OfferPublished {
				offer: id,
				dataset,
				purpose,
				price,
				access_duration,
				terms_hash,
			});
			Ok(id)
		}

		pub(crate) fn do_withdraw_offer(id: OfferId) -> DispatchResult {
			let offer = Offers::<T>::take(id).ok_or(Error::<T>::UnknownOffer)?;
			Datasets::<T>::mutate(offer.dataset, |dataset| {
				if let Some(dataset) = dataset {
					dataset.offers = dataset.offers.saturating_sub(1);
				}
			});
			Self::release(HoldReason::DataRecord, &offer.depositor, offer.deposit)?;
			Self::deposit_event(Event::OfferWithdrawn { offer: id });
			Ok(())
		}

		pub(crate) fn do_request(
			licensee: T::AccountId,
			offer_id: OfferId,
		) -> Result<RequestId, DispatchError> {
			let offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::UnknownOffer)?;
			Self::ensure_active_cohort(offer.cohort)?;
			let dataset = Datasets::<T>::get(offer.dataset).ok_or(Error::<T>::UnknownDataset)?;
			ensure!(dataset.status == DatasetStatus::Active, Error::<T>::DatasetRetired);
			let id = NextRequestId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
			let deposit = T::RequestDeposit::get();
			Self::hold(HoldReason::Escrow, &licensee, offer.price)?;
			Self::hold(HoldReason::LicenceRecord, &licensee, deposit)?;
			Requests::<T>::insert(
				id,
				Request {
					licensee: licensee.clone(),
					offer: offer_id,
					dataset: offer.dataset,
					cohort: offer.cohort,
					purpose: offer.purpose,
					price: offer.price,
					access_duration: offer.access_duration,
					submitted_at: Self::now(),
					deposit,
				},
			);
			NextRequestId::<T>::put(next);
			Self::deposit_event(Event::LicenceRequested {
				request: id,
				licensee,
				offer: offer_id,
				dataset: offer.dataset,
				price: offer.price,
			});
			Ok(id)
		}

		pub(crate) fn do_approve(id: RequestId) -> DispatchResult {
			let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			let cohort = request.cohort;
			Self::ensure_active_cohort(cohort)?;
			ensure!(Offers::<T>::contains_key(request.offer), Error::<T>::OfferGone);
			let dataset = Datasets::<T>::get(request.dataset).ok_or(Error::<T>::UnknownDataset)?;
			ensure!(dataset.status == DatasetStatus::Active, Error::<T>::DatasetRetired);
			let (split, k_floor) =
				T::Cohorts::licensing_terms(cohort).ok_or(Error::<T>::UnknownCohort)?;
			ensure!(
				T::Membership::consenting_members(cohort, request.purpose) >= k_floor,
				Error::<T>::BelowKAnonymityFloor
			);

			// Members' and platform's shares rounded down; the treasury takes the rest, so the
			// three add up to the price exactly.
			let price = request.price;
			let mut members_share = split.members.mul_floor(price);
			let platform_share = split.platform.mul_floor(price);
			let mut treasury_share =
				price.saturating_sub(members_share).saturating_sub(platform_share);
			let licensee = &request.licensee;
			if !members_share.is_zero() {
				if T::Royalties::has_units(cohort, request.purpose) {
					Self::settle(licensee, &T::Royalties::pot_account(), members_share)?;
					let licence = LicenceRef {
						request: id,
						licensee: licensee.clone(),
						dataset: request.dataset,
					};
					T::Royalties::deposit(cohort, request.purpose, members_share, licence)?;
				} else {
					// No consenting member has contributed units: the members' share goes to
					// their treasury, which they control.
					treasury_share = treasury_share.saturating_add(members_share);
					members_share = Zero::zero();
				}
			}
			Self::settle(licensee, &T::PlatformAccount::get(), platform_share)?;
			Self::settle(licensee, &T::Cohorts::treasury_account(cohort), treasury_share)?;

			let key = (request.dataset, licensee.clone(), request.purpose);
			let now = Self::now();
			let grant = match Grants::<T>::get(&key) {
				Some(existing) => {
					// A renewal: access runs on from the later of now and the current end; the
					// grant keeps its deposit and this request's is released.
					Self::release(HoldReason::LicenceRecord, licensee, request.deposit)?;
					Grant {
						expires_at: existing
							.expires_at
							.max(now)
							.saturating_add(request.access_duration),
						request: id,
						deposit: existing.deposit,
					}
				},
				None => Grant {
					expires_at: now.saturating_add(request.access_duration),
					request: id,
					deposit: request.deposit,
				},
			};
			let expires_at = grant.expires_at;
			Grants::<T>::insert(&key, grant);
			Requests::<T>::remove(id);
			Self::deposit_event(Event::LicenceApproved {
				request: id,
				licensee: licensee.clone(),
				dataset: request.dataset,
				cohort,
				purpose: request.purpose,
				members_share,
				treasury_share,
				platform_share,
			});
			Self::deposit_event(Event::GrantIssued {
				dataset: request.dataset,
				licensee: licensee.clone(),
				purpose: request.purpose,
				expires_at,
			});
			Ok(())
		}

		/// Removes a request and releases its escrow and deposit.
		fn close_request(id: RequestId) -> Result<RequestOf<T>, DispatchError> {
			let request = Requests::<T>::take(id).ok_or(Error::<T>::UnknownRequest)?;
			Self::release(HoldReason::Escrow, &request.licensee, request.price)?;
			Self::release(HoldReason::LicenceRecord, &request.licensee, request.deposit)?;
			Ok(request)
		}

		pub(crate) fn do_reject(id: RequestId) -> DispatchResult {
			let request = Self::close_request(id)?;
			Self::deposit_event(Event::LicenceRejected { request: id, licensee: request.licensee });
			Ok(())
		}

		pub(crate) fn do_withdraw_request(licensee: T::AccountId, id: RequestId) -> DispatchResult {
			let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			ensure!(request.licensee == licensee, Error::<T>::NotLicensee);
			let decidable_until = request.submitted_at.saturating_add(T::ReviewPeriod::get());
			ensure!(Self::now() >= decidable_until, Error::<T>::ReviewPending);
			Self::close_request(id)?;
			Self::deposit_event(Event::RequestWithdrawn { request: id, licensee });
			Ok(())
		}

		pub(crate) fn do_remove_grant(
			dataset: DatasetId,
			licensee: T::AccountId,
			purpose: Purpose,
			only_if_expired: bool,
		) -> DispatchResult {
			let key = (dataset, licensee.clone(), purpose);
			let grant = Grants::<T>::get(&key).ok_or(Error::<T>::UnknownGrant)?;
			if only_if_expired {
				ensure!(Self::now() >= grant.expires_at, Error::<T>::GrantLive);
			}
			Grants::<T>::remove(&key);
			Self::release(HoldReason::LicenceRecord, &licensee, grant.deposit)?;
			Self::deposit_event(if only_if_expired {
				Event::GrantExpired { dataset, licensee, purpose }
			} else {
				Event::GrantRevoked { dataset, licensee, purpose }
			});
			Ok(())
		}

		/// Until when `licensee` may access `dataset` for `purpose`, if a grant is live now.
		pub fn live_grant(
			dataset: DatasetId,
			licensee: &T::AccountId,
			purpose: Purpose,
		) -> Option<BlockNumberFor<T>> {
			Grants::<T>::get((dataset, licensee, purpose))
				.map(|grant| grant.expires_at)
				.filter(|expires_at| Self::now() < *expires_at)
		}

		/// The invariants this pallet owns:
		///
		/// 1. each licensee's escrow hold equals the sum of their open requests' prices;
		/// 2. each licensee's licence-record hold equals the deposits of their open requests
		///    and grants;
		/// 3. each depositor's data-record hold equals the deposits of their datasets and
		///    offers;
		/// 4. a dataset's `offers` equals its offers; every offer and request names an existing
		///    dataset of the same cohort; ids are below their counters;
		/// 5. a grant exists only for an approved request: its request id was issued and is no
		///    longer open.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			type Sums<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
			fn add<T: Config>(sums: &mut Sums<T>, who: &T::AccountId, amount: BalanceOf<T>) {
				let total = sums.entry(who.clone()).or_default();
				*total = total.saturating_add(amount);
			}
			let (mut escrow, mut records, mut data) =
				(Sums::<T>::new(), Sums::<T>::new(), Sums::<T>::new());
			let mut offers: BTreeMap<DatasetId, u32> = BTreeMap::new();
			for (id, dataset) in Datasets::<T>::iter() {
				ensure!(id < NextDatasetId::<T>::get(), "a dataset id was never issued");
				add::<T>(&mut data, &dataset.depositor, dataset.deposit);
			}
			for (id, offer) in Offers::<T>::iter() {
				ensure!(id < NextOfferId::<T>::get(), "an offer id was never issued");
				let dataset = Datasets::<T>::get(offer.dataset).ok_or("an offer of no dataset")?;
				ensure!(dataset.cohort == offer.cohort, "an offer of another cohort's dataset");
				*offers.entry(offer.dataset).or_default() += 1;
				add::<T>(&mut data, &offer.depositor, offer.deposit);
			}
			for (id, dataset) in Datasets::<T>::iter() {
				ensure!(
					offers.get(&id).copied().unwrap_or_default() == dataset.offers,
					"a dataset's offer count differs from its offers"
				);
			}
			for (id, request) in Requests::<T>::iter() {
				ensure!(id < NextRequestId::<T>::get(), "a request id was never issued");
				let dataset =
					Datasets::<T>::get(request.dataset).ok_or("a request of no dataset")?;
				ensure!(dataset.cohort == request.cohort, "a request of another cohort");
				add::<T>(&mut escrow, &request.licensee, request.price);
				add::<T>(&mut records, &request.licensee, request.deposit);
			}
			for ((dataset, licensee, _), grant) in Grants::<T>::iter() {
				ensure!(Datasets::<T>::contains_key(dataset), "a grant of no dataset");
				ensure!(
					grant.request < NextRequestId::<T>::get()
						&& !Requests::<T>::contains_key(grant.request),
					"a grant without an approved request"
				);
				add::<T>(&mut records, &licensee, grant.deposit);
			}
			for (reason, sums) in [
				(HoldReason::Escrow, escrow),
				(HoldReason::LicenceRecord, records),
				(HoldReason::DataRecord, data),
			] {
				for (who, total) in sums {
					ensure!(
						T::Currency::balance_on_hold(&reason.into(), &who) == total,
						"a hold differs from the records it pays for"
					);
				}
			}
			Ok(())
		}
	}
}
