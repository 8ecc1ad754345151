//! What other pallets ask this pallet, and the cohorts' treasury accounts.

use crate::*;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::AccountIdConversion;

impl<T: Config> Pallet<T> {
	/// The treasury account of `cohort`.
	pub fn treasury_account(cohort: CohortId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(cohort)
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

impl<T: Config> IssuerCredentials<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn credentials_valid_from(issuer: &T::AccountId) -> Option<BlockNumberFor<T>> {
		Issuers::<T>::get(issuer).map(|info| info.credentials_valid_from)
	}
}

impl<T: Config> CohortLicensing for Pallet<T> {
	fn licensing_terms(cohort: CohortId) -> Option<(RevenueSplit, u32)> {
		Registry::<T>::get(cohort).map(|c| {
			(
				RevenueSplit::with_platform(c.settings.members_share, PlatformShare::<T>::get()),
				c.settings.k_anonymity_floor,
			)
		})
	}
}

impl<T: Config> CohortVoting<BlockNumberFor<T>> for Pallet<T> {
	fn voting_params(cohort: CohortId) -> Option<VotingParams<BlockNumberFor<T>>> {
		Registry::<T>::get(cohort).map(|c| c.settings.voting)
	}
}

/// Who pays a cohort's storage deposits when it acts: the trustees' account, or the treasury
/// (`None`) when the members acted.
impl<AccountId> cohort_primitives::ActingAccount<AccountId> for CohortAuthority<AccountId> {
	fn acting_account(self) -> Option<AccountId> {
		match self {
			CohortAuthority::Members => None,
			CohortAuthority::Trustees(trustees) => Some(trustees),
		}
	}
}
