//! "Who used my data": the licences whose revenue paid a member, most recent first.

use crate::{mock::*, *};

fn requests_paying(who: AccountId) -> Vec<u32> {
	Royalties::licences_paying(COHORT, &who, 10)
		.into_iter()
		.map(|(_, revenue)| revenue.licence.request)
		.collect()
}

#[test]
fn a_member_sees_the_licences_that_paid_them_and_only_those() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.with_member(BOB, 10, &[Purpose::AiTraining, Purpose::PublicHealth])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100); // licence 0: both
			consent(ALICE, &[]);
			pay(COHORT, Purpose::AiTraining, 100); // licence 1: Bob only
			System::set_block_number(2);
			consent(ALICE, &[Purpose::AiTraining]);
			pay(COHORT, Purpose::AiTraining, 100); // licence 2: both
			pay(COHORT, Purpose::PublicHealth, 100); // licence 3: Bob only
			suspend(ALICE);
			System::set_block_number(3);
			pay(COHORT, Purpose::AiTraining, 100); // licence 4: Bob only

			assert_eq!(requests_paying(ALICE), vec![2, 0]);
			assert_eq!(requests_paying(BOB), vec![4, 3, 2, 1, 0]);
			let (purpose, latest) = Royalties::licences_paying(COHORT, &ALICE, 1).remove(0);
			assert_eq!(purpose, Purpose::AiTraining);
			assert_eq!((latest.licence.licensee, latest.licence.dataset), (PHARMA, 7));
			assert_eq!((latest.amount, latest.at), (100, 2));
			assert!(requests_paying(OUTSIDER).is_empty());
		});
}

#[test]
fn each_pool_keeps_only_its_most_recent_payments() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			for _ in 0..6 {
				pay(COHORT, Purpose::AiTraining, 10);
			}
			// The pool keeps four; the oldest two are gone.
			assert_eq!(requests_paying(ALICE), vec![5, 4, 3, 2]);
			assert_eq!(RecentRevenue::<Test>::get(COHORT, Purpose::AiTraining).len(), 4);
		});
}
