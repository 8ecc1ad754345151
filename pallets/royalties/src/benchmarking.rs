//! Benchmarks of every call and of the work membership changes cause (frame-benchmarking v2).
//! Nothing depends on the number of members: each is measured once, in its worst case (every
//! purpose's pool touched).

// A benchmark that cannot set up fails loudly: the lints against panics are for runtime code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::Pallet as Royalties;
use cohort_primitives::BenchmarkedCall;
use cohort_primitives::{Consent, OnMembershipChange};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Balanced, Inspect, Mutate},
	tokens::{imbalance::Imbalance, Fortitude, Precision, Preservation},
	Get,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::Zero, Saturating};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(
		&who,
		T::Currency::minimum_balance().saturating_mul(1_000_000u32.into()),
	);
	who
}

/// `amount` of `payer`'s money, taken as licensing takes a licence's price: a credit.
fn revenue<T: Config>(payer: &T::AccountId, amount: BalanceOf<T>) -> CreditOf<T> {
	T::Currency::withdraw(
		payer,
		amount,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.expect("pays")
}

/// Hands `amount` of `payer`'s money to the pool of (`cohort`, `purpose`), which must take it.
fn pay<T: Config>(cohort: CohortId, purpose: Purpose, payer: &T::AccountId, amount: BalanceOf<T>) {
	let back = <Royalties<T> as RoyaltyPools<_, _>>::deposit(
		cohort,
		purpose,
		revenue::<T>(payer, amount),
		licence::<T>(payer),
	)
	.expect("shares");
	assert!(back.peek().is_zero(), "the pool takes it all");
}

/// Pays revenue into every purpose's pool of `cohort`.
fn pay_every_pool<T: Config>(cohort: CohortId) {
	let payer = funded::<T>("licensee", 0);
	let amount = T::Currency::minimum_balance().saturating_mul(100u32.into());
	for purpose in Purpose::ALL {
		pay::<T>(cohort, purpose, &payer, amount);
	}
}

fn licence<T: Config>(licensee: &T::AccountId) -> cohort_primitives::LicenceRef<T::AccountId> {
	cohort_primitives::LicenceRef { request: 0, licensee: licensee.clone(), dataset: 0 }
}

/// Fills the AI-training pool's log of recent payments, so that the next one drops the oldest.
fn fill_recent_revenue<T: Config>(cohort: CohortId, payer: &T::AccountId) {
	for _ in 0..T::MaxRecentRevenue::get() {
		pay::<T>(cohort, Purpose::AiTraining, payer, T::Currency::minimum_balance());
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Earnings pending in every purpose.
	#[benchmark]
	fn claim() {
		let who = funded::<T>("member", 0);
		let (cohort, _) = T::BenchmarkHelper::member(&who, 0, 100);
		pay_every_pool::<T>(cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_claim(cohort),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Royalties::<T>::pending(cohort, &who).iter().all(|p| p.is_zero()));
	}

	#[benchmark]
	fn deposit() {
		let who = funded::<T>("member", 0);
		let (cohort, _) = T::BenchmarkHelper::member(&who, 0, 100);
		let amount = T::Currency::minimum_balance();
		let payer = funded::<T>("licensee", 0);
		fill_recent_revenue::<T>(cohort, &payer);
		let credit = revenue::<T>(&payer, amount);
		let paid_in = Pools::<T>::get(cohort, Purpose::AiTraining).paid_in;

		#[block]
		{
			let back = <Royalties<T> as RoyaltyPools<_, _>>::deposit(
				cohort,
				Purpose::AiTraining,
				credit,
				licence::<T>(&payer),
			)
			.expect("shares");
			assert!(back.peek().is_zero(), "the pool takes it all");
		}

		assert_eq!(Pools::<T>::get(cohort, Purpose::AiTraining).paid_in, paid_in + amount);
	}

	/// The heaviest change of a position: a member consenting to everything leaves their
	/// consent to the trustees, who consent to nothing. It settles all four pools, moves the
	/// units out of all of them into the bloc, and settles the position afresh at the bloc's
	/// counters. (A change of consent, units or status does the same or less.)
	#[benchmark]
	fn settle_and_move() {
		let who = funded::<T>("member", 0);
		let (cohort, person) = T::BenchmarkHelper::member(&who, 0, 100);
		pay_every_pool::<T>(cohort);

		#[block]
		{
			<Royalties<T> as OnMembershipChange<T::AccountId>>::on_delegation_changed(
				cohort, &person, true,
			)
			.expect("settles");
		}

		assert_eq!(Pools::<T>::get(cohort, Purpose::AiTraining).total_units, 0);
		assert_eq!(Blocs::<T>::get(cohort).units, 100);
	}

	/// A person who left with royalties pending returns under another account: the position
	/// is settled and moves to the new account (the old payee entry removed, the new written).
	#[benchmark]
	fn on_joined() {
		let who = funded::<T>("member", 0);
		let (cohort, person) = T::BenchmarkHelper::member(&who, 0, 100);
		pay_every_pool::<T>(cohort);
		<Royalties<T> as OnMembershipChange<T::AccountId>>::on_left(cohort, &person)
			.expect("leaves");
		let new = funded::<T>("member", 1);

		#[block]
		{
			<Royalties<T> as OnMembershipChange<T::AccountId>>::on_joined(
				cohort, &person, &new, 100,
			)
			.expect("returns");
		}

		assert_eq!(Payees::<T>::get(cohort, &new), Some(person));
		assert_eq!(Payees::<T>::get(cohort, &who), None);
	}

	/// The trustees consent to every purpose at once: the bloc enters all four pools.
	#[benchmark]
	fn trustee_consent_changed() {
		let who = funded::<T>("member", 0);
		let (cohort, person) = T::BenchmarkHelper::member(&who, 0, 100);
		<Royalties<T> as OnMembershipChange<T::AccountId>>::on_delegation_changed(
			cohort, &person, true,
		)
		.expect("delegates");
		let all = Consent::only(&Purpose::ALL);

		#[block]
		{
			<Royalties<T> as OnMembershipChange<T::AccountId>>::on_trustee_consent_changed(
				cohort,
				Consent::NONE,
				all,
			)
			.expect("moves the bloc");
		}

		assert_eq!(Pools::<T>::get(cohort, Purpose::AiTraining).total_units, 100);
	}

	#[benchmark]
	fn on_rotated() {
		let who = funded::<T>("member", 0);
		let (cohort, person) = T::BenchmarkHelper::member(&who, 0, 100);
		let new: T::AccountId = account("new", 0, 0);

		#[block]
		{
			<Royalties<T> as OnMembershipChange<T::AccountId>>::on_rotated(
				cohort, &person, &who, &new,
			)
			.expect("rotates");
		}

		assert_eq!(Payees::<T>::get(cohort, &new), Some(person));
	}

	impl_benchmark_test_suite!(Royalties, crate::mock::new_test_ext(), crate::mock::Test);
}
