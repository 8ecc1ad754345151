use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_member_claims_everything_pending_in_every_purpose() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining, Purpose::AcademicResearch])
		.with_member(BOB, 30, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 400);
			pay(COHORT, Purpose::AcademicResearch, 50);
			assert_eq!(Royalties::pending(COHORT, &ALICE), [50, 0, 100, 0]);

			assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT));
			assert_eq!(free(ALICE), 100 + 150);
			assert_eq!(pending(ALICE), 0);
			assert_eq!(pool(Purpose::AiTraining).balance, 300);
			assert_eq!(pool(Purpose::AcademicResearch).balance, 0);
			assert_eq!(pot(), ED + 300);
			assert_eq!(
				last_event(),
				Event::Claimed { cohort: COHORT, account: ALICE, amount: 150 }.into()
			);
			// Nothing is paid twice.
			assert_noop!(
				Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT),
				Error::<Test>::NothingToClaim
			);
		});
}

#[test]
fn anyone_triggers_a_claim_and_the_member_is_paid() {
	ExtBuilder::default()
		.with_member(BOB, 5, &[Purpose::PublicHealth])
		.build_and_execute(|| {
			pay(COHORT, Purpose::PublicHealth, 25);
			assert_ok!(Royalties::claim_for(RuntimeOrigin::signed(OUTSIDER), COHORT, BOB));
			assert_eq!(free(BOB), 125);
			assert_eq!(free(OUTSIDER), 100);
		});
}

#[test]
fn only_positions_claim() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			assert_noop!(
				Royalties::claim(RuntimeOrigin::signed(OUTSIDER), COHORT),
				Error::<Test>::NoPosition
			);
			assert_noop!(
				Royalties::claim(RuntimeOrigin::signed(ALICE), OTHER_COHORT),
				Error::<Test>::NoPosition
			);
			assert_noop!(
				Royalties::claim_for(RuntimeOrigin::signed(ALICE), COHORT, OUTSIDER),
				Error::<Test>::NoPosition
			);
			assert_noop!(
				Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT),
				Error::<Test>::NothingToClaim
			);
			assert_noop!(
				Royalties::claim(RuntimeOrigin::none(), COHORT),
				sp_runtime::traits::BadOrigin
			);
			assert_noop!(
				Royalties::claim_for(RuntimeOrigin::none(), COHORT, ALICE),
				sp_runtime::traits::BadOrigin
			);
		});
}

#[test]
fn a_pot_short_of_its_ledgers_refuses_to_pay() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100);
			// Only a bug could do this; the claim must fail rather than pay from other pools.
			Pools::<Test>::mutate(COHORT, Purpose::AiTraining, |p| p.balance = 10);
			assert_noop!(
				Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT),
				Error::<Test>::PotTooLow
			);
			Pools::<Test>::mutate(COHORT, Purpose::AiTraining, |p| p.balance = 100);
		});
}

#[test]
fn a_member_who_left_claims_and_the_position_is_then_removed() {
	ExtBuilder::default()
		.with_member(CAROL, 10, &[Purpose::AiTraining])
		.with_member(DAVE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100);
			leave(CAROL);
			pay(COHORT, Purpose::AiTraining, 100);
			assert_eq!(pending(CAROL), 50);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(CAROL), COHORT));
			assert_eq!(free(CAROL), 150);
			assert!(Positions::<Test>::get(COHORT, person(CAROL)).is_none());
			assert!(Payees::<Test>::get(COHORT, CAROL).is_none());
			assert_eq!(pending(DAVE), 150);
		});
}
