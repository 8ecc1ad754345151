//! Transparency and feedback: what licensees report came of their licences, and the health
//! insights cohorts publish for their members.

use super::*;
use frame_support::pallet_prelude::*;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// Records an outcome under `licensee`'s grant to (`dataset`, `purpose`); returns its
	/// number in the cohort.
	pub(crate) fn do_report_outcome(
		licensee: T::AccountId,
		dataset: DatasetId,
		purpose: Purpose,
		outcome_hash: H256,
		kind: OutcomeKind,
	) -> Result<u32, DispatchError> {
		let key = (dataset, licensee.clone(), purpose);
		let mut grant = Grants::<T>::get(&key).ok_or(Error::<T>::UnknownGrant)?;
		ensure!(grant.outcomes < T::MaxOutcomesPerGrant::get(), Error::<T>::TooManyOutcomes);
		let cohort = Self::dataset_cohort(dataset)?;
		let number = NextOutcome::<T>::get(cohort);
		let next = number.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
		let request = grant.request;
		let mut listed = LicenceOutcomes::<T>::get(request);
		listed.try_push(number).map_err(|_| Error::<T>::TooManyOutcomes)?;
		let deposit = T::OutcomeDeposit::get();
		Self::hold(HoldReason::LicenceRecord, &licensee, deposit)?;
		grant.outcomes = grant.outcomes.saturating_add(1);
		Grants::<T>::insert(&key, grant);
		LicenceOutcomes::<T>::insert(request, listed);
		let at = Self::now();
		let record = Outcome {
			request,
			licensee: licensee.clone(),
			dataset,
			purpose,
			kind,
			outcome_hash,
			at,
			deposit,
		};
		Outcomes::<T>::insert(cohort, number, record);
		NextOutcome::<T>::insert(cohort, next);
		Self::deposit_event(Event::OutcomeReported {
			cohort,
			outcome: number,
			request,
			licensee,
			dataset,
			purpose,
			kind,
			outcome_hash,
		});
		Ok(number)
	}

	/// Removes `licensee`'s outcome `number` of `cohort` and releases its deposit. It still
	/// counts against its grant's `MaxOutcomesPerGrant`: the bound is on what was reported.
	pub(crate) fn do_withdraw_outcome(
		licensee: T::AccountId,
		cohort: CohortId,
		number: u32,
	) -> DispatchResult {
		let outcome = Outcomes::<T>::get(cohort, number).ok_or(Error::<T>::UnknownOutcome)?;
		ensure!(outcome.licensee == licensee, Error::<T>::NotLicensee);
		Outcomes::<T>::remove(cohort, number);
		LicenceOutcomes::<T>::mutate_exists(outcome.request, |listed| {
			if let Some(numbers) = listed {
				numbers.retain(|n| *n != number);
				if numbers.is_empty() {
					*listed = None;
				}
			}
		});
		Self::release(HoldReason::LicenceRecord, &licensee, outcome.deposit)?;
		Self::deposit_event(Event::OutcomeWithdrawn { cohort, outcome: number, licensee });
		Ok(())
	}

	/// Publishes an insight for `cohort`'s members, `depositor` paying its deposit; returns
	/// its number in the cohort.
	pub(crate) fn do_publish_insight(
		depositor: T::AccountId,
		cohort: CohortId,
		insight_hash: H256,
		locator: LocatorOf<T>,
	) -> Result<u32, DispatchError> {
		Self::ensure_active_cohort(cohort)?;
		let number = NextInsight::<T>::get(cohort);
		let next = number.checked_add(1).ok_or(Error::<T>::IdOverflow)?;
		let deposit = T::InsightDeposit::get();
		Self::hold(HoldReason::DataRecord, &depositor, deposit)?;
		let at = Self::now();
		Insights::<T>::insert(
			cohort,
			number,
			Insight { insight_hash, locator, at, depositor, deposit },
		);
		NextInsight::<T>::insert(cohort, next);
		Self::deposit_event(Event::InsightPublished { cohort, insight: number, insight_hash });
		Ok(number)
	}

	pub(crate) fn do_remove_insight(cohort: CohortId, number: u32) -> DispatchResult {
		let insight = Insights::<T>::take(cohort, number).ok_or(Error::<T>::UnknownInsight)?;
		Self::release(HoldReason::DataRecord, &insight.depositor, insight.deposit)?;
		Self::deposit_event(Event::InsightRemoved { cohort, insight: number });
		Ok(())
	}
}
