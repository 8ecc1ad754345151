//! The invariants this pallet owns, checked by `try-runtime` and after every test.

use super::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

/// What is held on each account, for one hold reason.
type Sums<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

fn add<T: Config>(sums: &mut Sums<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let total = sums.entry(who.clone()).or_default();
	*total = total.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// 1. each payer's escrow hold (a licensee's, or a sponsoring treasury's) equals the sum of
	///    the prices of the open requests they pay for; a free request, and one waiting for a
	///    sponsor, is for research in the public interest;
	/// 2. each licensee's licence-record hold equals the deposits of their open requests
	///    and grants;
	/// 3. each depositor's data-record hold equals the deposits of their datasets and
	///    offers;
	/// 4. a dataset's `offers` equals its offers; every offer and request names an existing
	///    dataset of the same cohort; ids are below their counters;
	/// 5. a grant exists only for an approved request: its request id was issued and is no
	///    longer open;
	/// 6. outcomes are numbered below their cohort's `NextOutcome` and listed under their
	///    licence in `LicenceOutcomes`, which lists nothing else; their deposits are in the
	///    licensees' licence-record holds; insights are numbered below `NextInsight` and their
	///    deposits are in the data-record holds.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut data = Self::check_datasets_and_offers()?;
		let (escrow, mut records) = Self::check_requests_and_grants()?;
		Self::check_feedback(&mut records, &mut data)?;
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

	/// Checks invariant 4 for datasets and offers; returns the data-record deposits.
	fn check_datasets_and_offers() -> Result<Sums<T>, TryRuntimeError> {
		let mut data = Sums::<T>::new();
		let mut offers: BTreeMap<DatasetId, u32> = BTreeMap::new();
		for (id, dataset) in Datasets::<T>::iter() {
			ensure!(id < NextDatasetId::<T>::get(), "a dataset id was never issued");
			add::<T>(&mut data, &dataset.depositor, dataset.deposit);
		}
		for (id, offer) in Offers::<T>::iter() {
			ensure!(id < NextOfferId::<T>::get(), "an offer id was never issued");
			let dataset = Datasets::<T>::get(offer.dataset).ok_or("an offer of no dataset")?;
			ensure!(dataset.cohort == offer.cohort, "an offer of another cohort's dataset");
			let count = offers.entry(offer.dataset).or_default();
			*count = count.saturating_add(1);
			add::<T>(&mut data, &offer.depositor, offer.deposit);
		}
		for (id, dataset) in Datasets::<T>::iter() {
			ensure!(
				offers.get(&id).copied().unwrap_or_default() == dataset.offers,
				"a dataset's offer count differs from its offers"
			);
			let requests = Requests::<T>::iter_values().filter(|r| r.dataset == id).count();
			ensure!(requests == dataset.open_requests as usize, "open request count is off");
			let grants = Grants::<T>::iter_keys().filter(|(d, _, _)| *d == id).count();
			ensure!(grants == dataset.grants as usize, "a dataset's grant count is off");
		}
		Ok(data)
	}

	/// Checks invariant 6; adds outcome deposits to `records` and insight deposits to `data`.
	fn check_feedback(records: &mut Sums<T>, data: &mut Sums<T>) -> Result<(), TryRuntimeError> {
		let mut listed = 0usize;
		for numbers in LicenceOutcomes::<T>::iter_values() {
			ensure!(!numbers.is_empty(), "an empty list of outcomes is kept");
			listed = listed.saturating_add(numbers.len());
		}
		let mut outcomes = 0usize;
		for (cohort, number, outcome) in Outcomes::<T>::iter() {
			ensure!(number < NextOutcome::<T>::get(cohort), "an outcome number was never issued");
			ensure!(
				LicenceOutcomes::<T>::get(outcome.request).contains(&number),
				"an outcome is not listed under its licence"
			);
			add::<T>(records, &outcome.licensee, outcome.deposit);
			outcomes = outcomes.saturating_add(1);
		}
		// Every outcome is in its licence's list, and the lists hold no more: nothing else.
		ensure!(listed == outcomes, "a licence lists an outcome that does not exist");
		for (cohort, number, insight) in Insights::<T>::iter() {
			ensure!(number < NextInsight::<T>::get(cohort), "an insight number was never issued");
			add::<T>(data, &insight.depositor, insight.deposit);
		}
		Ok(())
	}

	/// Checks invariants 4 and 5 for requests and grants; returns the escrowed prices and the
	/// licence-record deposits.
	fn check_requests_and_grants() -> Result<(Sums<T>, Sums<T>), TryRuntimeError> {
		let (mut escrow, mut records) = (Sums::<T>::new(), Sums::<T>::new());
		for (id, request) in Requests::<T>::iter() {
			ensure!(id < NextRequestId::<T>::get(), "a request id was never issued");
			let dataset = Datasets::<T>::get(request.dataset).ok_or("a request of no dataset")?;
			ensure!(dataset.cohort == request.cohort, "a request of another cohort");
			ensure!(
				!request.price.is_zero() || request.purpose.is_public_interest(),
				"a free request for a purpose that needs a price"
			);
			match &request.payer {
				Some(payer) => add::<T>(&mut escrow, payer, request.price),
				None => ensure!(
					request.purpose.is_public_interest(),
					"a request waits for a sponsor for a purpose none may sponsor"
				),
			}
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
		Ok((escrow, records))
	}
}
