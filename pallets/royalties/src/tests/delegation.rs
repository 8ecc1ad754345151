//! Delegated consent: members of a data trust who leave their consent to the trustees earn
//! exactly as if they had set the trustees' consent themselves, and a change of the trustees'
//! consent is one step whatever their number.

use crate::{mock::*, *};
use frame_support::assert_ok;
use proptest::{
	prelude::*,
	sample::{select, subsequence},
};
use std::cell::Cell;

const AI: Purpose = Purpose::AiTraining;
const HEALTH: Purpose = Purpose::PublicHealth;

fn pending_in(who: AccountId, purpose: Purpose) -> Balance {
	Royalties::pending(COHORT, &who)[purpose.index()]
}

#[test]
fn delegating_members_earn_by_the_trustees_consent() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[AI])
		.with_member(BOB, 10, &[])
		.with_member(CAROL, 30, &[AI])
		.build_and_execute(|| {
			delegate(BOB);
			delegate(CAROL);
			// The trustees consent to nothing yet: only Alice is in the AI pool.
			assert_eq!(pool(AI).total_units, 10);
			assert_eq!(Blocs::<Test>::get(COHORT).units, 40);

			trustees_consent(&[AI]);
			assert_eq!(pool(AI).total_units, 50);
			pay(COHORT, AI, 100);
			assert_eq!(
				[pending_in(ALICE, AI), pending_in(BOB, AI), pending_in(CAROL, AI)],
				[20, 20, 60]
			);

			// The trustees move to public health only: AI revenue is Alice's alone.
			trustees_consent(&[HEALTH]);
			assert_eq!((pool(AI).total_units, pool(HEALTH).total_units), (10, 40));
			pay(COHORT, AI, 100);
			pay(COHORT, HEALTH, 100);
			assert_eq!(
				[pending_in(ALICE, AI), pending_in(BOB, AI), pending_in(CAROL, AI)],
				[120, 20, 60]
			);
			assert_eq!([pending_in(BOB, HEALTH), pending_in(CAROL, HEALTH)], [25, 75]);

			// Claiming works as for anyone.
			let before = free(CAROL);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(CAROL), COHORT));
			assert_eq!(free(CAROL), before + 135);
		});
}

#[test]
fn a_member_takes_their_consent_back_and_keeps_what_they_earned() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[])
		.with_member(BOB, 10, &[])
		.build_and_execute(|| {
			delegate(ALICE);
			delegate(BOB);
			trustees_consent(&[AI]);
			pay(COHORT, AI, 100);
			// Alice takes it back, to public health only: her AI earnings stay, none accrue.
			take_back(ALICE, &[HEALTH]);
			assert_eq!(Blocs::<Test>::get(COHORT).units, 10);
			assert_eq!((pool(AI).total_units, pool(HEALTH).total_units), (10, 10));
			pay(COHORT, AI, 100);
			pay(COHORT, HEALTH, 100);
			assert_eq!([pending_in(ALICE, AI), pending_in(ALICE, HEALTH)], [50, 100]);
			assert_eq!([pending_in(BOB, AI), pending_in(BOB, HEALTH)], [150, 0]);
			// Suspended while delegating: the bloc shrinks, earnings stay.
			suspend(BOB);
			assert_eq!((Blocs::<Test>::get(COHORT).units, pool(AI).total_units), (0, 0));
			restore(BOB);
			assert_eq!(pool(AI).total_units, 10);
			leave(BOB);
			assert_eq!(Blocs::<Test>::get(COHORT).units, 0);
			assert_eq!(pending_in(BOB, AI), 150, "what was earned stays claimable");
		});
}

#[test]
fn who_used_my_data_follows_the_trustees_consent() {
	ExtBuilder::default().with_member(ALICE, 10, &[]).build_and_execute(|| {
		delegate(ALICE);
		trustees_consent(&[AI]);
		pay(COHORT, AI, 100); // licence 0: Alice, through the trustees
		trustees_consent(&[]);
		member(BOB, 10, &[AI]);
		pay(COHORT, AI, 100); // licence 1: Bob only
		trustees_consent(&[AI]);
		pay(COHORT, AI, 100); // licence 2: both
		take_back(ALICE, &[]);
		pay(COHORT, AI, 100); // licence 3: Bob only
		let paying = |who| -> Vec<u32> {
			Royalties::licences_paying(COHORT, &who, 10)
				.into_iter()
				.map(|(_, revenue)| revenue.licence.request)
				.collect()
		};
		assert_eq!(paying(ALICE), vec![2, 0]);
		assert_eq!(paying(BOB), vec![3, 2, 1]);
	});
}

/// One step of the test below: the trustees consent to exactly these purposes (and Dave copies
/// them by hand), Bob and Dave each contribute this many more units, or PHARMA pays.
#[derive(Clone, Debug)]
enum Step {
	TrusteesConsent(Vec<Purpose>),
	Contribute(u64),
	Pay { purpose: Purpose, amount: Balance },
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		1 => subsequence(Purpose::ALL.to_vec(), 0..=Purpose::ALL.len())
			.prop_map(Step::TrusteesConsent),
		1 => (1..=5u64).prop_map(Step::Contribute),
		2 => (select(Purpose::ALL.to_vec()), 1..=1_000u64)
			.prop_map(|(purpose, amount)| Step::Pay { purpose, amount }),
	]
}

/// Bob leaves his consent to the trustees; Dave, with the same units, copies the trustees'
/// consent by hand every time it changes. Whatever happens, they earn the same, but for
/// rounding: Dave's position settles at each change he makes (rounding down, under one unit
/// each time), Bob's only when he acts himself, so Bob may be ahead by at most the number of
/// changes.
#[test]
fn following_the_trustees_pays_exactly_what_the_same_consent_would() {
	// A runner rather than `proptest!`, to count the changes over all cases. A fixed seed: CI
	// runs the same histories every time.
	let all_changes = Cell::new(0);
	let histories = prop::collection::vec(step(), 1..=150);
	cohort_test_kit::check_fixed_cases(4, 0xde1e, &histories, |history| {
		ExtBuilder::default()
			.with_member(ALICE, 7, &[AI, HEALTH])
			.with_member(BOB, 13, &[])
			.with_member(DAVE, 13, &[])
			.build_and_execute(|| {
				delegate(BOB);
				let mut changes = 0;
				for step in history {
					match step {
						Step::TrusteesConsent(purposes) => {
							trustees_consent(&purposes);
							consent(DAVE, &purposes);
							changes += 1;
						},
						Step::Contribute(more) => {
							contribute(BOB, more);
							contribute(DAVE, more);
						},
						Step::Pay { purpose, amount } => {
							let _ = offer(COHORT, purpose, amount);
						},
					}
					let (bob, dave) =
						(Royalties::pending(COHORT, &BOB), Royalties::pending(COHORT, &DAVE));
					for (bob, dave) in bob.into_iter().zip(dave) {
						assert!(dave <= bob && bob <= dave + changes, "bob {bob}, dave {dave}");
					}
				}
				all_changes.set(all_changes.get() + changes);
			});
	});
	assert!(all_changes.get() > 50, "the trustees changed their consent often");
}
