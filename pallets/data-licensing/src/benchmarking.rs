//! Benchmarks of every call (frame-benchmarking v2), each in its worst case: the longest tags
//! and locator, an approval that renews a grant and pays every share. Nothing depends on the
//! number of members, datasets or licences.

// A benchmark that cannot set up fails loudly: the lints against panics are for runtime code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::Pallet as Licensing;
use cohort_primitives::BenchmarkedCall;
use cohort_primitives::CohortsInspect;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOriginWithArg, Get,
};
use frame_support::BoundedVec;
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::Saturating;

/// What the benchmarks need from the runtime.
pub trait BenchmarkHelper<AccountId> {
	/// An active cohort with enough members consenting to every purpose, with units, to pass
	/// its k-anonymity floor and receive royalties.
	fn licensable_cohort() -> CohortId;
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(
		&who,
		T::Currency::minimum_balance().saturating_mul(10_000_000u32.into()),
	);
	who
}

fn members_origin<T: Config>(cohort: CohortId) -> T::RuntimeOrigin {
	T::CohortOrigin::try_successful_origin(&cohort).expect("the cohort origin exists")
}

fn longest_tags<T: Config>() -> SchemaTagsOf<T> {
	let tag: BoundedVec<u8, T::MaxTagLength> =
		BoundedVec::truncate_from(alloc::vec![b'T'; T::MaxTagLength::get() as usize]);
	BoundedVec::truncate_from(alloc::vec![tag; T::MaxSchemaTags::get() as usize])
}

fn longest_locator<T: Config>() -> LocatorOf<T> {
	BoundedVec::truncate_from(alloc::vec![b'b'; T::MaxLocatorLength::get() as usize])
}

/// A licensable cohort, its funded treasury, and a dataset of it.
fn dataset<T: Config>() -> (CohortId, DatasetId) {
	let cohort = T::BenchmarkHelper::licensable_cohort();
	let treasury = T::Cohorts::treasury_account(cohort);
	T::Currency::set_balance(
		&treasury,
		T::Currency::minimum_balance().saturating_mul(10_000_000u32.into()),
	);
	let id = Licensing::<T>::do_register_dataset(
		treasury,
		cohort,
		H256::repeat_byte(1),
		longest_tags::<T>(),
		longest_locator::<T>(),
		1_000,
	)
	.expect("registers");
	(cohort, id)
}

fn price<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// An AI-training offer on a new dataset.
fn offer<T: Config>() -> (CohortId, DatasetId, OfferId) {
	offer_for::<T>(Purpose::AiTraining)
}

/// An offer for `purpose` on a new dataset.
fn offer_for<T: Config>(purpose: Purpose) -> (CohortId, DatasetId, OfferId) {
	let (cohort, dataset) = dataset::<T>();
	let treasury = T::Cohorts::treasury_account(cohort);
	let offer = Licensing::<T>::do_publish_offer(
		treasury,
		dataset,
		purpose,
		price::<T>(),
		100u32.into(),
		H256::repeat_byte(2),
	)
	.expect("offers");
	(cohort, dataset, offer)
}

/// `licensee` reports `n` outcomes under their AI-training grant to `dataset`; returns the
/// number of the last.
fn report_outcomes<T: Config>(licensee: &T::AccountId, dataset: DatasetId, n: u32) -> u32 {
	let mut last = 0;
	for _ in 0..n {
		last = Licensing::<T>::do_report_outcome(
			licensee.clone(),
			dataset,
			Purpose::AiTraining,
			H256::repeat_byte(5),
			OutcomeKind::Preprint,
		)
		.expect("reports");
	}
	last
}

/// A licensee's request on a new offer.
fn requested<T: Config>() -> (CohortId, DatasetId, RequestId, T::AccountId) {
	let (cohort, dataset, offer) = offer::<T>();
	let licensee = funded::<T>("licensee", 0);
	let request_id = Licensing::<T>::do_request(licensee.clone(), offer, false).expect("requests");
	(cohort, dataset, request_id, licensee)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_dataset() {
		let cohort = T::BenchmarkHelper::licensable_cohort();
		let treasury = T::Cohorts::treasury_account(cohort);
		T::Currency::set_balance(
			&treasury,
			T::Currency::minimum_balance().saturating_mul(10_000_000u32.into()),
		);
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_register_dataset(
				cohort,
				H256::repeat_byte(1),
				longest_tags::<T>(),
				longest_locator::<T>(),
				1_000,
			),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Datasets::<T>::contains_key(0));
	}

	#[benchmark]
	fn publish_version() {
		let (cohort, dataset) = dataset::<T>();
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_publish_version(
				dataset,
				H256::repeat_byte(3),
				longest_locator::<T>(),
				2_000,
			),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Datasets::<T>::get(dataset).expect("exists").version, 2);
	}

	#[benchmark]
	fn retire_dataset() {
		let (cohort, dataset) = dataset::<T>();
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_retire_dataset(dataset),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Datasets::<T>::get(dataset).expect("exists").status, DatasetStatus::Retired);
	}

	#[benchmark]
	fn remove_dataset() {
		let (cohort, dataset) = dataset::<T>();
		Pallet::<T>::do_retire_dataset(dataset).expect("retires");
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_remove_dataset(dataset),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Datasets::<T>::contains_key(dataset));
	}

	#[benchmark]
	fn publish_offer() {
		let (cohort, dataset) = dataset::<T>();
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_publish_offer(
				dataset,
				Purpose::CommercialResearch,
				price::<T>(),
				100u32.into(),
				H256::repeat_byte(2),
			),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Datasets::<T>::get(dataset).expect("exists").offers, 1);
	}

	#[benchmark]
	fn withdraw_offer() {
		let (cohort, dataset, offer) = offer::<T>();
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_withdraw_offer(offer),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Datasets::<T>::get(dataset).expect("exists").offers, 0);
	}

	#[benchmark]
	fn request() {
		let (_, _, offer) = offer::<T>();
		let licensee = funded::<T>("licensee", 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_request(offer),
			RawOrigin::Signed(licensee),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Requests::<T>::contains_key(0));
	}

	/// A renewal: the grant exists, every share is paid (the licensable cohort of the runtime
	/// has an operator), the members' share into a pool.
	#[benchmark]
	fn approve() {
		let (cohort, dataset, first, licensee) = requested::<T>();
		let offer = Requests::<T>::get(first).expect("requested").offer;
		Licensing::<T>::do_approve(first, H256::zero()).expect("approves");
		let second = Licensing::<T>::do_request(licensee.clone(), offer, false).expect("requests");
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_approve(second, H256::repeat_byte(4)),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let grant = Grants::<T>::get((dataset, licensee, Purpose::AiTraining)).expect("granted");
		assert_eq!(grant.request, second);
	}

	#[benchmark]
	fn reject() {
		let (cohort, _, request_id, _) = requested::<T>();
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_reject(request_id, H256::repeat_byte(4)),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Requests::<T>::contains_key(request_id));
	}

	#[benchmark]
	fn sponsor() {
		let (cohort, _, offer) = offer_for::<T>(Purpose::AcademicResearch);
		let licensee = funded::<T>("licensee", 0);
		let request_id = Licensing::<T>::do_request(licensee, offer, false).expect("requests");
		let origin = T::TreasuryOrigin::try_successful_origin(&cohort).expect("members act");

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_sponsor(request_id),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let payer = Requests::<T>::get(request_id).map(|r| r.payer);
		assert_eq!(payer, Some(Some(T::Cohorts::treasury_account(cohort))));
	}

	#[benchmark]
	fn withdraw_request() {
		let (_, _, request_id, licensee) = requested::<T>();
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(T::ReviewPeriod::get()),
		);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_withdraw_request(request_id),
			RawOrigin::Signed(licensee),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Requests::<T>::contains_key(request_id));
	}

	#[benchmark]
	fn revoke_grant() {
		let (cohort, dataset, request_id, licensee) = requested::<T>();
		Licensing::<T>::do_approve(request_id, H256::zero()).expect("approves");
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_revoke_grant(
				dataset,
				licensee.clone(),
				Purpose::AiTraining,
			),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Grants::<T>::contains_key((dataset, licensee, Purpose::AiTraining)));
	}

	#[benchmark]
	fn remove_expired_grant() {
		let (_, dataset, request_id, licensee) = requested::<T>();
		Licensing::<T>::do_approve(request_id, H256::zero()).expect("approves");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into()),
		);
		let caller = funded::<T>("caller", 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_remove_expired_grant(
				dataset,
				licensee.clone(),
				Purpose::AiTraining,
			),
			RawOrigin::Signed(caller),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Grants::<T>::contains_key((dataset, licensee, Purpose::AiTraining)));
	}

	/// The last outcome a grant has room for.
	#[benchmark]
	fn report_outcome() {
		let (_, dataset, request_id, licensee) = requested::<T>();
		Licensing::<T>::do_approve(request_id, H256::zero()).expect("approves");
		report_outcomes::<T>(&licensee, dataset, T::MaxOutcomesPerGrant::get().saturating_sub(1));

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_report_outcome(
				dataset,
				Purpose::AiTraining,
				H256::repeat_byte(6),
				OutcomeKind::Publication,
			),
			RawOrigin::Signed(licensee.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let key = (dataset, licensee, Purpose::AiTraining);
		assert_eq!(Grants::<T>::get(key).map(|g| g.outcomes), Some(T::MaxOutcomesPerGrant::get()));
	}

	/// An outcome listed last under a full licence.
	#[benchmark]
	fn withdraw_outcome() {
		let (cohort, dataset, request_id, licensee) = requested::<T>();
		Licensing::<T>::do_approve(request_id, H256::zero()).expect("approves");
		let last = report_outcomes::<T>(&licensee, dataset, T::MaxOutcomesPerGrant::get());

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_withdraw_outcome(cohort, last),
			RawOrigin::Signed(licensee),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Outcomes::<T>::contains_key(cohort, last));
	}

	#[benchmark]
	fn publish_insight() {
		let (cohort, _) = dataset::<T>();
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_publish_insight(
				cohort,
				H256::repeat_byte(7),
				longest_locator::<T>(),
			),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Insights::<T>::contains_key(cohort, 0));
	}

	#[benchmark]
	fn remove_insight() {
		let (cohort, _) = dataset::<T>();
		let treasury = T::Cohorts::treasury_account(cohort);
		let insight = Licensing::<T>::do_publish_insight(
			treasury,
			cohort,
			H256::repeat_byte(7),
			longest_locator::<T>(),
		)
		.expect("publishes");
		let origin = members_origin::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_remove_insight(cohort, insight),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Insights::<T>::contains_key(cohort, insight));
	}

	impl_benchmark_test_suite!(Licensing, crate::mock::new_test_ext(), crate::mock::Test);
}
