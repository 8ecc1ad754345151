//! Who may act for a cohort: the check behind every cohort decision, and the origin checks
//! other pallets are configured with. The origin itself, [`Origin::Members`], is declared in
//! `lib.rs` (FRAME needs it in the pallet module).

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{EnsureOrigin, EnsureOriginWithArg},
};
use frame_system::{ensure_signed, pallet_prelude::OriginFor};

impl<T: Config> Pallet<T> {
	/// Checks that `origin` may take `action` for `cohort`, and says on whose authority.
	pub fn ensure_cohort_authority(
		origin: OriginFor<T>,
		cohort: CohortId,
		action: CohortAction,
	) -> Result<CohortAuthority<T::AccountId>, DispatchError> {
		let record = Registry::<T>::get(cohort).ok_or(Error::<T>::UnknownCohort)?;
		let governance = &record.settings.governance;
		match T::EnsureMembersOrigin::try_origin(origin) {
			Ok(members_of) => {
				ensure!(members_of == cohort, Error::<T>::WrongCohort);
				// In a data trust the trustees decide the data, in a private business the
				// operator decides the data and the split.
				let delegated = match action {
					CohortAction::ManageData => governance.data_manager().is_some(),
					CohortAction::SetRevenueSplit => governance.operator().is_some(),
					CohortAction::DecideDelegatedConsent => governance.trustees().is_some(),
					_ => false,
				};
				ensure!(!delegated, Error::<T>::NotCohortAuthority);
				Ok(CohortAuthority::Members)
			},
			Err(origin) => {
				let who = ensure_signed(origin)?;
				let data_or_issuers =
					matches!(action, CohortAction::ManageData | CohortAction::ManageIssuers);
				let trustees_may =
					data_or_issuers || action == CohortAction::DecideDelegatedConsent;
				if governance.trustees() == Some(&who) && trustees_may {
					return Ok(CohortAuthority::Trustees(who));
				}
				let operator_may = data_or_issuers || action == CohortAction::SetRevenueSplit;
				if governance.operator() == Some(&who) && operator_may {
					return Ok(CohortAuthority::Operator(who));
				}
				Err(Error::<T>::NotCohortAuthority.into())
			},
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

/// Guards spending the treasury (and settings): the members only.
pub struct Govern;
impl CohortActionOf for Govern {
	const ACTION: CohortAction = CohortAction::Govern;
}

/// Guards the consent of members who left theirs to the trustees.
pub struct DecideDelegatedConsent;
impl CohortActionOf for DecideDelegatedConsent {
	const ACTION: CohortAction = CohortAction::DecideDelegatedConsent;
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

	/// The account that decides for a trust or a business where one does, or else the members.
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<T::RuntimeOrigin, ()> {
		let governance = Registry::<T>::get(cohort).map(|c| c.settings.governance);
		let account = governance.and_then(|g| match A::ACTION {
			CohortAction::ManageData => g.data_manager().cloned(),
			CohortAction::DecideDelegatedConsent => g.trustees().cloned(),
			_ => None,
		});
		match account {
			Some(account) => Ok(frame_system::RawOrigin::Signed(account).into()),
			None => T::EnsureMembersOrigin::try_successful_origin(),
		}
	}
}
