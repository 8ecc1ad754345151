//! What the calls share: who pays a deposit, holds and releases, and the checks on a cohort.

use super::*;
use cohort_primitives::{ActingAccount, CohortsInspect};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, BalancedHold, InspectHold, MutateHold},
		tokens::{imbalance::Imbalance, Fortitude, Precision},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Who pays a cohort's record deposits: the treasury when its members act, the
	/// trustees' account when they do.
	pub(crate) fn depositor(cohort: CohortId, authority: AuthorityOf<T>) -> T::AccountId {
		authority
			.acting_account()
			.unwrap_or_else(|| T::Cohorts::treasury_account(cohort))
	}

	pub(crate) fn dataset_cohort(dataset: DatasetId) -> Result<CohortId, DispatchError> {
		Ok(Datasets::<T>::get(dataset).ok_or(Error::<T>::UnknownDataset)?.cohort)
	}

	pub(crate) fn ensure_active_cohort(cohort: CohortId) -> DispatchResult {
		ensure!(T::Cohorts::exists(cohort), Error::<T>::UnknownCohort);
		ensure!(T::Cohorts::is_active(cohort), Error::<T>::CohortFrozen);
		Ok(())
	}

	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientFunds.into())
	}

	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::release(&reason.into(), who, amount, Precision::BestEffort).map(|_| ())
	}

	/// Removes a request and releases its escrow and deposit.
	/// Updates the counts of what refers to `dataset` (kept so that removing it needs no
	/// iteration).
	pub(crate) fn count_on_dataset(dataset: DatasetId, change: impl FnOnce(&mut DatasetOf<T>)) {
		Datasets::<T>::mutate(dataset, |record| {
			if let Some(record) = record {
				change(record);
			}
		});
	}

	pub(crate) fn close_request(id: RequestId) -> Result<RequestOf<T>, DispatchError> {
		let request = Requests::<T>::take(id).ok_or(Error::<T>::UnknownRequest)?;
		Self::count_on_dataset(request.dataset, |d| {
			d.open_requests = d.open_requests.saturating_sub(1);
		});
		if let Some(payer) = &request.payer {
			Self::release(HoldReason::Escrow, payer, request.price)?;
		}
		Self::release(HoldReason::LicenceRecord, &request.licensee, request.deposit)?;
		Ok(request)
	}

	/// Takes `amount` out of `payer`'s escrow hold as a credit, straight from the hold (it
	/// never becomes free on the way). Like a transfer out of a hold, it does not take funds
	/// that a freeze keeps.
	pub(crate) fn take_escrow(
		payer: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<CreditOf<T>, DispatchError> {
		let liquid = T::Currency::reducible_total_balance_on_hold(payer, Fortitude::Polite);
		ensure!(amount <= liquid, Error::<T>::SettlementFailed);
		let (credit, missing) = T::Currency::slash(&HoldReason::Escrow.into(), payer, amount);
		ensure!(missing.is_zero(), Error::<T>::SettlementFailed);
		Ok(credit)
	}

	/// Pays `credit` into `to` (nothing to pay, nothing done).
	pub(crate) fn pay(to: &T::AccountId, credit: CreditOf<T>) -> DispatchResult {
		if credit.peek().is_zero() {
			let _ = credit.drop_zero();
			return Ok(());
		}
		T::Currency::resolve(to, credit).map_err(|_| Error::<T>::SettlementFailed.into())
	}
}
