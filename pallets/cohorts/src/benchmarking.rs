//! Benchmarks of every call (frame-benchmarking v2; each call is O(1) but `create_cohort`,
//! which is linear in the issuers it accepts, at most `MaxIssuersPerCohort`), and the helper
//! other pallets' benchmarks make cohorts with.

// A benchmark that cannot set up fails loudly: the lints against panics are for runtime code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::Pallet as Cohorts;
use alloc::vec::Vec;
use cohort_primitives::BenchmarkedCall;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Bounded, Saturating},
	Permill,
};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

fn approved_issuer<T: Config>(index: u32) -> T::AccountId {
	let issuer: T::AccountId = account("issuer", index, 0);
	Issuers::<T>::insert(&issuer, IssuerInfo::approved(0u32.into()));
	issuer
}

fn condition<T: Config>() -> ConditionOf<T> {
	let code: Vec<u8> = b"U09.9"
		.iter()
		.copied()
		.cycle()
		.take(T::MaxCodeLength::get() as usize)
		.collect();
	ConditionCode { system: CodeSystem::Icd10, code: BoundedVec::truncate_from(code) }
}

fn settings<T: Config>(governance: Governance<T::AccountId>) -> SettingsOf<T> {
	CohortSettings {
		name: BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxNameLength::get() as usize]),
		governance,
		members_share: Permill::from_percent(70),
		k_anonymity_floor: 5,
		voting: VotingParams {
			voting_period: T::MaxVotingPeriod::get(),
			quorum: Permill::from_percent(10),
			voice_credits_per_epoch: 100,
			epoch_length: 1000u32.into(),
		},
	}
}

/// Creates cohort 0 (the cohort `EnsureMembersOrigin::try_successful_origin` acts for) with
/// `issuers`.
fn cohort_zero<T: Config>(issuers: u32) -> CohortId {
	let creator = funded::<T>("creator", 0);
	let list: Vec<T::AccountId> = (0..issuers).map(approved_issuer::<T>).collect();
	let cohort = Cohorts::<T>::do_create_cohort(
		creator,
		condition::<T>(),
		settings::<T>(Governance::Cooperative),
		BoundedVec::truncate_from(list),
	)
	.expect("cohort 0 is created");
	assert_eq!(cohort, 0, "benchmarks need a fresh chain state");
	cohort
}

impl<T: Config> Pallet<T> {
	/// A cohort accepting `issuer` (approved if need be), created by `creator`: for other
	/// pallets' benchmarks.
	pub fn benchmark_cohort_accepting(creator: T::AccountId, issuer: T::AccountId) -> CohortId {
		if !Issuers::<T>::contains_key(&issuer) {
			let _ = Self::do_approve_issuer(issuer.clone());
		}
		let condition = ConditionCode {
			system: CodeSystem::Icd10,
			code: BoundedVec::truncate_from(b"U09.9".to_vec()),
		};
		let settings = CohortSettings {
			name: BoundedVec::truncate_from(b"benchmark".to_vec()),
			governance: Governance::Cooperative,
			members_share: Permill::from_percent(70),
			k_anonymity_floor: 1,
			voting: VotingParams {
				voting_period: 10u32.into(),
				quorum: Permill::from_percent(10),
				voice_credits_per_epoch: 100,
				epoch_length: 100u32.into(),
			},
		};
		let issuers = BoundedVec::truncate_from(alloc::vec![issuer]);
		Self::do_create_cohort(creator, condition, settings, issuers).unwrap_or_default()
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn approve_issuer() -> Result<(), BenchmarkError> {
		let origin = T::IssuerAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let issuer: T::AccountId = account("issuer", 0, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_approve_issuer(issuer.clone()),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Issuers::<T>::contains_key(&issuer));
		Ok(())
	}

	#[benchmark]
	fn remove_issuer() -> Result<(), BenchmarkError> {
		let origin = T::IssuerAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let issuer = approved_issuer::<T>(0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_remove_issuer(issuer.clone()),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Issuers::<T>::contains_key(&issuer));
		Ok(())
	}

	#[benchmark]
	fn withdraw_credentials() {
		let issuer = approved_issuer::<T>(0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_withdraw_credentials(),
			RawOrigin::Signed(issuer.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let valid_from = frame_system::Pallet::<T>::block_number() + 1u32.into();
		assert_eq!(Issuers::<T>::get(&issuer).map(|i| i.credentials_valid_from), Some(valid_from));
	}

	#[benchmark]
	fn create_cohort(n: Linear<0, { T::MaxIssuersPerCohort::get() }>) {
		let creator = funded::<T>("creator", 0);
		let issuers: Vec<T::AccountId> = (0..n).map(approved_issuer::<T>).collect();
		let issuers = BoundedVec::truncate_from(issuers);
		let trustees: T::AccountId = account("trustees", 0, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_create_cohort(
				condition::<T>(),
				settings::<T>(Governance::DataTrust { trustees }),
				issuers,
			),
			RawOrigin::Signed(creator),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Registry::<T>::get(0).map(|c| c.accepted_issuers), Some(n));
	}

	#[benchmark]
	fn update_cohort() -> Result<(), BenchmarkError> {
		let cohort = cohort_zero::<T>(1);
		let origin = T::EnsureMembersOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let new = settings::<T>(Governance::DataTrust { trustees: account("trustees", 1, 0) });

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_update_cohort(cohort, new.clone()),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Registry::<T>::get(cohort).map(|c| c.settings), Some(new));
		Ok(())
	}

	#[benchmark]
	fn accept_issuer() -> Result<(), BenchmarkError> {
		let max = T::MaxIssuersPerCohort::get();
		let cohort = cohort_zero::<T>(max.saturating_sub(1));
		let issuer = approved_issuer::<T>(max);
		let origin = T::EnsureMembersOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_accept_issuer(cohort, issuer.clone()),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(AcceptedIssuers::<T>::contains_key(cohort, &issuer));
		Ok(())
	}

	#[benchmark]
	fn drop_issuer() -> Result<(), BenchmarkError> {
		let cohort = cohort_zero::<T>(T::MaxIssuersPerCohort::get());
		let issuer: T::AccountId = account("issuer", 0, 0);
		let origin = T::EnsureMembersOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_drop_issuer(cohort, issuer.clone()),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!AcceptedIssuers::<T>::contains_key(cohort, &issuer));
		Ok(())
	}

	#[benchmark]
	fn spend() -> Result<(), BenchmarkError> {
		let cohort = cohort_zero::<T>(1);
		let treasury = Cohorts::<T>::treasury_account(cohort);
		let budget = T::Currency::minimum_balance().saturating_mul(1000u32.into());
		T::Currency::set_balance(&treasury, budget);
		let beneficiary: T::AccountId = account("research-team", 0, 0);
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		let origin = T::EnsureMembersOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_spend(cohort, beneficiary.clone(), amount),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(T::Currency::balance(&beneficiary), amount);
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let cohort = cohort_zero::<T>(1);
		let origin =
			T::FreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_freeze(cohort),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Registry::<T>::get(cohort).map(|c| c.status), Some(CohortStatus::Frozen));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let cohort = cohort_zero::<T>(1);
		Cohorts::<T>::do_set_status(cohort, CohortStatus::Frozen).expect("active cohort");
		let origin =
			T::FreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_unfreeze(cohort),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Registry::<T>::get(cohort).map(|c| c.status), Some(CohortStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn set_platform_share() -> Result<(), BenchmarkError> {
		let origin = T::PlatformShareOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let share = T::MaxPlatformShare::get();

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_set_platform_share(share),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(PlatformShare::<T>::get(), share);
		Ok(())
	}

	#[benchmark]
	fn set_members_share_floor() -> Result<(), BenchmarkError> {
		let origin = T::PlatformShareOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let floor = Cohorts::<T>::most_members_share();

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_set_members_share_floor(floor),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(MembersShareFloor::<T>::get(), floor);
		Ok(())
	}

	#[benchmark]
	fn set_revenue_split() {
		let creator = funded::<T>("creator", 0);
		let operator: T::AccountId = account("operator", 0, 0);
		let governance =
			Governance::Operator { operator: operator.clone(), operator_share: Permill::zero() };
		let issuers = BoundedVec::truncate_from(alloc::vec![approved_issuer::<T>(0)]);
		let cohort = Cohorts::<T>::do_create_cohort(
			creator,
			condition::<T>(),
			settings::<T>(governance),
			issuers,
		)
		.expect("an operator's cohort is created");
		let (members_share, operator_share) =
			(Permill::from_percent(60), Permill::from_percent(20));

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_set_revenue_split(cohort, members_share, operator_share),
			RawOrigin::Signed(operator),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let settings = Registry::<T>::get(cohort).map(|c| c.settings);
		assert_eq!(settings.map(|s| s.governance.operator_share()), Some(operator_share));
	}

	impl_benchmark_test_suite!(Cohorts, crate::mock::new_test_ext(), crate::mock::Test);
}
