//! What the calls do, once `lib.rs` has checked their origin.

use super::*;
use cohort_primitives::{
	CohortLicensing, CohortsInspect, LicenceRef, LicensingTerms, MembershipInspect, RevenueShares,
};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Balanced, tokens::imbalance::Imbalance, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
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
				open_requests: 0,
				grants: 0,
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
			ensure!(dataset.is_active(), Error::<T>::DatasetRetired);
			let version = dataset.publish_version(content_hash, locator, record_count);
			version.ok_or_else(|| Error::<T>::IdOverflow.into())
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
			ensure!(dataset.is_active(), Error::<T>::DatasetRetired);
			dataset.status = DatasetStatus::Retired;
			Ok(())
		})?;
		Self::deposit_event(Event::DatasetRetired { dataset: id });
		Ok(())
	}

	pub(crate) fn do_remove_dataset(id: DatasetId) -> DispatchResult {
		let dataset = Datasets::<T>::get(id).ok_or(Error::<T>::UnknownDataset)?;
		ensure!(!dataset.is_active(), Error::<T>::DatasetNotRetired);
		let unused = dataset.offers == 0 && dataset.open_requests == 0 && dataset.grants == 0;
		ensure!(unused, Error::<T>::DatasetInUse);
		Self::release(HoldReason::DataRecord, &dataset.depositor, dataset.deposit)?;
		Datasets::<T>::remove(id);
		Self::deposit_event(Event::DatasetRemoved { dataset: id });
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
		ensure!(!access_duration.is_zero(), Error::<T>::InvalidOffer);
		ensure!(!price.is_zero() || purpose.is_public_interest(), Error::<T>::PriceRequired);
		let mut record = Datasets::<T>::get(dataset).ok_or(Error::<T>::UnknownDataset)?;
		Self::ensure_active_cohort(record.cohort)?;
		ensure!(record.is_active(), Error::<T>::DatasetRetired);
		ensure!(record.offers < T::MaxOffersPerDataset::get(), Error::<T>::TooManyOffers);
		let id = NextOfferId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
		let deposit = T::OfferDeposit::get();
		Self::hold(HoldReason::DataRecord, &depositor, deposit)?;
		record.offers = record.offers.saturating_add(1);
		let cohort = record.cohort;
		Datasets::<T>::insert(dataset, record);
		let offer = Offer {
			dataset,
			cohort,
			purpose,
			price,
			access_duration,
			terms_hash,
			depositor,
			deposit,
		};
		Offers::<T>::insert(id, offer);
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

	/// `licensee` requests `offer_id`, paying its price into escrow, or (`sponsored`) asking
	/// the cohort to pay it.
	pub(crate) fn do_request(
		licensee: T::AccountId,
		offer_id: OfferId,
		sponsored: bool,
	) -> Result<RequestId, DispatchError> {
		let offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::UnknownOffer)?;
		Self::ensure_active_cohort(offer.cohort)?;
		if sponsored {
			ensure!(offer.purpose.is_public_interest(), Error::<T>::NotSponsorable);
			ensure!(!offer.price.is_zero(), Error::<T>::NothingToSponsor);
		}
		let mut dataset = Datasets::<T>::get(offer.dataset).ok_or(Error::<T>::UnknownDataset)?;
		ensure!(dataset.is_active(), Error::<T>::DatasetRetired);
		dataset.open_requests = dataset
			.open_requests
			.checked_add(1)
			.ok_or(sp_runtime::ArithmeticError::Overflow)?;
		let id = NextRequestId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
		let deposit = T::RequestDeposit::get();
		let payer = (!sponsored).then(|| licensee.clone());
		if let Some(payer) = &payer {
			Self::hold(HoldReason::Escrow, payer, offer.price)?;
		}
		Self::hold(HoldReason::LicenceRecord, &licensee, deposit)?;
		let request =
			Request::for_offer(licensee.clone(), payer, offer_id, &offer, Self::now(), deposit);
		Requests::<T>::insert(id, request);
		Datasets::<T>::insert(offer.dataset, dataset);
		NextRequestId::<T>::put(next);
		Self::deposit_event(Event::LicenceRequested {
			request: id,
			licensee,
			offer: offer_id,
			dataset: offer.dataset,
			price: offer.price,
			sponsorship_asked: sponsored,
		});
		Ok(id)
	}

	/// Approves a request in three steps: check it may be approved, settle the escrow, grant
	/// (or extend) access.
	pub(crate) fn do_approve(id: RequestId, rationale: H256) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let terms = Self::ensure_approvable(&request)?;
		let shares = Self::settle_escrow(id, &request, terms)?;
		let expires_at = Self::grant_access(id, &request)?;
		Requests::<T>::remove(id);
		Self::count_on_dataset(request.dataset, |d| {
			d.open_requests = d.open_requests.saturating_sub(1);
		});
		let Request { licensee, dataset, cohort, purpose, .. } = request;
		Self::deposit_event(Event::LicenceApproved {
			request: id,
			licensee: licensee.clone(),
			dataset,
			cohort,
			purpose,
			members_share: shares.members,
			treasury_share: shares.treasury,
			platform_share: shares.platform,
			operator_share: shares.operator,
			rationale,
		});
		Self::deposit_event(Event::GrantIssued { dataset, licensee, purpose, expires_at });
		Ok(())
	}

	/// Approval, step 1: the cohort is active, the offer still published, the dataset not
	/// retired, and enough members consent to the purpose. Returns the cohort's terms.
	fn ensure_approvable(
		request: &RequestOf<T>,
	) -> Result<LicensingTerms<T::AccountId>, DispatchError> {
		let cohort = request.cohort;
		// Decided within the review period, or only withdrawn: never both valid at once.
		let review_ends = request.review_ends(T::ReviewPeriod::get());
		ensure!(Self::now() < review_ends, Error::<T>::ReviewPeriodOver);
		Self::ensure_active_cohort(cohort)?;
		ensure!(request.payer.is_some(), Error::<T>::AwaitingSponsor);
		ensure!(Offers::<T>::contains_key(request.offer), Error::<T>::OfferGone);
		let dataset = Datasets::<T>::get(request.dataset).ok_or(Error::<T>::UnknownDataset)?;
		ensure!(dataset.is_active(), Error::<T>::DatasetRetired);
		let terms = T::Cohorts::licensing_terms(cohort).ok_or(Error::<T>::UnknownCohort)?;
		// The k-floor and the royalty pools would still count a withdrawn issuer's members.
		ensure!(!T::Membership::sweeping(cohort), Error::<T>::SweepUnderway);
		ensure!(
			T::Membership::consenting_members(cohort, request.purpose) >= terms.k_anonymity_floor,
			Error::<T>::BelowKAnonymityFloor
		);
		Ok(terms)
	}

	/// Approval, step 2: the price leaves the payer's escrow as one credit, divided by the
	/// cohort's split. The members' share goes to their royalty pool, and what the pool gives
	/// back (no consenting member has units) to their treasury, which they control; so does an
	/// operator's share the operator's account cannot take. Returns the shares as paid.
	fn settle_escrow(
		id: RequestId,
		request: &RequestOf<T>,
		terms: LicensingTerms<T::AccountId>,
	) -> Result<RevenueShares<BalanceOf<T>>, DispatchError> {
		let mut shares = terms.split.divide(request.price);
		let payer = request.payer.as_ref().ok_or(Error::<T>::AwaitingSponsor)?;
		let escrow = Self::take_escrow(payer, request.price)?;
		let (members, rest) = escrow.split(shares.members);
		let (platform, rest) = rest.split(shares.platform);
		let (operator, treasury) = rest.split(shares.operator);
		let unshared = if shares.members.is_zero() {
			members
		} else {
			let licence = LicenceRef {
				request: id,
				licensee: request.licensee.clone(),
				dataset: request.dataset,
			};
			T::Royalties::deposit(request.cohort, request.purpose, members, licence)?
		};
		let unpaid = match terms.operator {
			Some(account) => T::Currency::resolve(&account, operator).err(),
			None => Some(operator),
		}
		.unwrap_or_else(CreditOf::<T>::zero);
		let to_treasury = unshared.peek().saturating_add(unpaid.peek());
		shares.members = shares.members.saturating_sub(unshared.peek());
		shares.operator = shares.operator.saturating_sub(unpaid.peek());
		shares.treasury = shares.treasury.saturating_add(to_treasury);
		Self::pay(&T::PlatformAccount::get(), platform)?;
		let treasury = treasury.merge(unshared).merge(unpaid);
		Self::pay(&T::Cohorts::treasury_account(request.cohort), treasury)?;
		Ok(shares)
	}

	/// Approval, step 3: records the licensee's grant, or extends the one they hold (which
	/// keeps its deposit; this request's is released). Returns when access ends.
	fn grant_access(
		id: RequestId,
		request: &RequestOf<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let key = (request.dataset, request.licensee.clone(), request.purpose);
		let (now, duration) = (Self::now(), request.access_duration);
		let grant = match Grants::<T>::get(&key) {
			Some(existing) => {
				Self::release(HoldReason::LicenceRecord, &request.licensee, request.deposit)?;
				existing.renewed(id, now, duration)
			},
			None => {
				Self::count_on_dataset(request.dataset, |d| d.grants = d.grants.saturating_add(1));
				Grant::new(id, now, duration, request.deposit)
			},
		};
		let expires_at = grant.expires_at;
		Grants::<T>::insert(&key, grant);
		Ok(expires_at)
	}

	pub(crate) fn do_reject(id: RequestId, rationale: H256) -> DispatchResult {
		let request = Self::close_request(id)?;
		let licensee = request.licensee;
		Self::deposit_event(Event::LicenceRejected { request: id, licensee, rationale });
		Ok(())
	}

	/// The cohort's treasury takes over (or takes on) the escrow of a public-interest request.
	pub(crate) fn do_sponsor(id: RequestId) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let cohort = request.cohort;
		Self::ensure_active_cohort(cohort)?;
		ensure!(request.purpose.is_public_interest(), Error::<T>::NotSponsorable);
		ensure!(!request.price.is_zero(), Error::<T>::NothingToSponsor);
		let treasury = T::Cohorts::treasury_account(cohort);
		ensure!(request.payer.as_ref() != Some(&treasury), Error::<T>::AlreadySponsored);
		let review_ends = request.review_ends(T::ReviewPeriod::get());
		ensure!(Self::now() < review_ends, Error::<T>::ReviewPeriodOver);
		Self::hold(HoldReason::Escrow, &treasury, request.price)
			.map_err(|_| Error::<T>::InsufficientTreasury)?;
		if let Some(payer) = &request.payer {
			Self::release(HoldReason::Escrow, payer, request.price)?;
		}
		request.payer = Some(treasury);
		let price = request.price;
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::RequestSponsored { request: id, cohort, price });
		Ok(())
	}

	pub(crate) fn do_withdraw_request(licensee: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.licensee == licensee, Error::<T>::NotLicensee);
		let review_ends = request.review_ends(T::ReviewPeriod::get());
		ensure!(Self::now() >= review_ends, Error::<T>::ReviewPending);
		Self::close_request(id)?;
		Self::deposit_event(Event::RequestWithdrawn { request: id, licensee });
		Ok(())
	}

	/// Removes a grant and releases its deposit: revoked by the cohort for breach, or removed
	/// by anyone once it expired (`only_if_expired`).
	pub(crate) fn do_remove_grant(
		dataset: DatasetId,
		licensee: T::AccountId,
		purpose: Purpose,
		only_if_expired: bool,
	) -> DispatchResult {
		let key = (dataset, licensee.clone(), purpose);
		let grant = Grants::<T>::get(&key).ok_or(Error::<T>::UnknownGrant)?;
		if only_if_expired {
			ensure!(!grant.is_live(Self::now()), Error::<T>::GrantLive);
		}
		Grants::<T>::remove(&key);
		Self::count_on_dataset(dataset, |d| d.grants = d.grants.saturating_sub(1));
		Self::release(HoldReason::LicenceRecord, &licensee, grant.deposit)?;
		Self::deposit_event(if only_if_expired {
			Event::GrantExpired { dataset, licensee, purpose }
		} else {
			Event::GrantRevoked { dataset, licensee, purpose }
		});
		Ok(())
	}
}
