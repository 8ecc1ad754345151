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

	fn is_data_trust(cohort: CohortId) -> bool {
		Registry::<T>::get(cohort).is_some_and(|c| c.settings.governance.trustees().is_some())
	}
}

impl<T: Config> IssuerCredentials<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn credentials_valid_from(issuer: &T::AccountId) -> Option<BlockNumberFor<T>> {
		Issuers::<T>::get(issuer).map(|info| info.credentials_valid_from)
	}
}

impl<T: Config> Pallet<T> {
	/// How `cohort`'s record divides a licence's price now.
	pub fn revenue_split(record: &CohortOf<T>) -> RevenueSplit {
		record.revenue_split(PlatformShare::<T>::get(), MembersShareFloor::<T>::get())
	}
}

impl<T: Config> CohortLicensing<T::AccountId> for Pallet<T> {
	fn licensing_terms(cohort: CohortId) -> Option<LicensingTerms<T::AccountId>> {
		Registry::<T>::get(cohort).map(|c| LicensingTerms {
			split: Self::revenue_split(&c),
			k_anonymity_floor: c.settings.k_anonymity_floor,
			operator: c.settings.governance.operator().cloned(),
		})
	}
}

impl<T: Config> CohortVoting<BlockNumberFor<T>> for Pallet<T> {
	fn voting_params(cohort: CohortId) -> Option<VotingParams<BlockNumberFor<T>>> {
		Registry::<T>::get(cohort).map(|c| c.settings.voting)
	}
}

/// Who pays a cohort's storage deposits when it acts: the trustees' or the operator's account,
/// or the treasury (`None`) when the members acted.
impl<AccountId> cohort_primitives::ActingAccount<AccountId> for CohortAuthority<AccountId> {
	fn acting_account(self) -> Option<AccountId> {
		match self {
			CohortAuthority::Members => None,
			CohortAuthority::Trustees(account) | CohortAuthority::Operator(account) => {
				Some(account)
			},
		}
	}
}
