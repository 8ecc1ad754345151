//! Delegated consent: members of a data trust who leave their consent to the trustees earn
//! exactly as if they had set the trustees' consent themselves, and a change of the trustees'
//! consent is one step whatever their number.

use crate::{mock::*, *};
use cohort_primitives::testing::Rng;
use frame_support::assert_ok;

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

/// Bob leaves his consent to the trustees; Dave, with the same units, copies the trustees'
/// consent by hand every time it changes. Whatever happens, they earn the same, but for
/// rounding: Dave's position settles at each change he makes (rounding down, under one unit
/// each time), Bob's only when he acts himself, so Bob may be ahead by at most the number of
/// changes.
#[test]
fn following_the_trustees_pays_exactly_what_the_same_consent_would() {
	ExtBuilder::default()
		.with_member(ALICE, 7, &[AI, HEALTH])
		.with_member(BOB, 13, &[])
		.with_member(DAVE, 13, &[])
		.build_and_execute(|| {
			delegate(BOB);
			let mut rng = Rng(0xde1e);
			let mut changes = 0;
			for _ in 0..300 {
				match rng.below(4) {
					0 => {
						let purposes: Vec<Purpose> =
							Purpose::ALL.into_iter().filter(|_| rng.below(2) == 1).collect();
						trustees_consent(&purposes);
						consent(DAVE, &purposes);
						changes += 1;
					},
					1 => {
						let more = rng.below(5) + 1;
						contribute(BOB, more);
						contribute(DAVE, more);
					},
					_ => {
						let purpose = Purpose::ALL[rng.below(4) as usize];
						let _ = offer(COHORT, purpose, rng.below(1_000) + 1);
					},
				}
				let (bob, dave) =
					(Royalties::pending(COHORT, &BOB), Royalties::pending(COHORT, &DAVE));
				for (bob, dave) in bob.into_iter().zip(dave) {
					assert!(dave <= bob && bob <= dave + changes, "bob {bob}, dave {dave}");
				}
			}
			assert!(changes > 50, "the trustees changed their consent often");
			Royalties::do_try_state().expect("invariants hold");
		});
}
