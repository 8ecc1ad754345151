use crate::{mock::*, *};
use frame_support::traits::{
	fungible::{Balanced, Inspect},
	tokens::imbalance::Imbalance,
};
use sp_runtime::{FixedU128, StateVersion};

#[test]
fn revenue_raises_the_counter_by_amount_per_unit() {
	ExtBuilder::default()
		.with_member(ALICE, 30, &[Purpose::AiTraining])
		.with_member(BOB, 70, &[Purpose::AiTraining, Purpose::PublicHealth])
		.build_and_execute(|| {
			assert_eq!(pool(Purpose::AiTraining).total_units, 100);
			assert_eq!(pool(Purpose::PublicHealth).total_units, 70);

			pay(COHORT, Purpose::AiTraining, 1_000);
			let ai = pool(Purpose::AiTraining);
			assert_eq!(ai.reward_per_unit, FixedU128::from_u32(10));
			assert_eq!((ai.balance, ai.paid_in), (1_000, 1_000));
			assert_eq!(pot(), ED + 1_000);
			assert_eq!(
				last_event(),
				Event::RevenueShared {
					cohort: COHORT,
					purpose: Purpose::AiTraining,
					amount: 1_000,
					total_units: 100
				}
				.into()
			);
			assert_eq!(pending(ALICE), 300);
			assert_eq!(pending(BOB), 700);
			// Another purpose's pool is untouched.
			assert_eq!(pool(Purpose::PublicHealth).reward_per_unit, FixedU128::from_u32(0));
		});
}

#[test]
fn a_pool_without_units_takes_no_revenue() {
	ExtBuilder::default()
		.with_member(ALICE, 30, &[Purpose::AiTraining])
		.with_member(BOB, 0, &[Purpose::PublicHealth])
		.build_and_execute(|| {
			assert!(!pool(Purpose::PublicHealth).has_units());
			assert!(pool(Purpose::AiTraining).has_units());
			for (cohort, purpose) in
				[(COHORT, Purpose::PublicHealth), (OTHER_COHORT, Purpose::AiTraining)]
			{
				let credit = Balances::issue(10);
				let root = sp_io::storage::root(StateVersion::V1);
				let back = <Royalties as RoyaltyPools<AccountId, CreditOf<Test>>>::deposit(
					cohort,
					purpose,
					credit,
					licence(),
				)
				.expect("no error");
				// The pool gives the revenue back whole and records nothing.
				assert_eq!(back.peek(), 10);
				assert_eq!(sp_io::storage::root(StateVersion::V1), root, "nothing was recorded");
			}
			// And PHARMA's offer comes back to PHARMA.
			let before = free(PHARMA);
			assert_eq!(offer(COHORT, Purpose::PublicHealth, 10), 10);
			assert_eq!(free(PHARMA), before);
			assert_eq!(pot(), ED);
		});
}

#[test]
fn the_pot_lives_from_genesis_and_takes_payments_below_the_existential_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(pot(), Balances::minimum_balance());
		member(ALICE, 1, &[Purpose::AcademicResearch]);
		pay(COHORT, Purpose::AcademicResearch, 1);
		assert_eq!(pot(), ED + 1);
		frame_support::assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT));
		assert_eq!(pot(), ED);
	});
}
