//! The invariants this pallet owns, checked by `try-runtime` and after every test.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// The invariants this pallet owns:
	///
	/// 1. every cohort id is below `NextCohortId`;
	/// 2. a cohort's `accepted_issuers` equals its entries in `AcceptedIssuers`, and is at
	///    most `MaxIssuersPerCohort`; no entry belongs to a cohort that does not exist;
	/// 3. every cohort's settings are valid (the members' share leaves room for the largest
	///    platform share, floor and voting params non-zero) and its condition code is well
	///    formed;
	/// 4. the deposit held on each creator equals the sum of their cohorts' deposits;
	/// 5. the platform share is at most `MaxPlatformShare`, and the members' share floor of
	///    operators' cohorts at most what that leaves;
	/// 6. every cohort divides a licence's price whole, its members taking at least their
	///    settings' share (and, run by an operator, at least the floor).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		ensure!(
			PlatformShare::<T>::get() <= T::MaxPlatformShare::get(),
			"the platform share exceeds MaxPlatformShare"
		);
		let floor = MembersShareFloor::<T>::get();
		ensure!(floor <= Self::most_members_share(), "the members' share floor is too high");
		let next = NextCohortId::<T>::get();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, cohort) in Registry::<T>::iter() {
			ensure!(id < next, "a cohort id is not below NextCohortId");
			let entries = AcceptedIssuers::<T>::iter_prefix(id).count() as u32;
			ensure!(entries == cohort.accepted_issuers, "accepted issuer count is off");
			ensure!(entries <= T::MaxIssuersPerCohort::get(), "a cohort accepts too many issuers");
			Self::validate_settings(&cohort.settings)
				.map_err(|_| "a cohort's settings are invalid")?;
			Self::validate_condition(&cohort.condition)
				.map_err(|_| "a cohort's condition code is invalid")?;
			let split = Self::revenue_split(&cohort);
			ensure!(split.is_whole(), "a cohort's revenue split is not whole");
			let run_by_operator = cohort.settings.governance.operator().is_some();
			ensure!(
				split.members >= cohort.settings.members_share
					&& (!run_by_operator || split.members >= floor),
				"a cohort pays its members less than its share or the floor"
			);
			let total = deposits.entry(cohort.creator.clone()).or_default();
			*total = total.saturating_add(cohort.deposit);
		}
		for (id, _, ()) in AcceptedIssuers::<T>::iter() {
			ensure!(Registry::<T>::contains_key(id), "an accepted issuer of no cohort");
		}
		for (creator, total) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::CohortDeposit.into(), &creator) == total,
				"held cohort deposits differ from the cohorts' deposits"
			);
		}
		Ok(())
	}
}
