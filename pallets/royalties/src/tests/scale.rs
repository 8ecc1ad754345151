//! `deposit` and `claim` do the same work with 100,000 members as with 10: the same storage
//! items written, and a proof of what they read that grows only with the depth of the state
//! trie (logarithmically), not with the members.

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::{
		fungible::Balanced,
		tokens::{imbalance::Imbalance, Fortitude, Precision, Preservation},
	},
};

/// What one operation did: storage keys written, and trie nodes read (its storage proof).
#[derive(Debug, PartialEq)]
struct Work {
	keys_written: usize,
	nodes_read: usize,
}

fn measure(ext: &mut sp_io::TestExternalities, operation: impl FnOnce()) -> Work {
	ext.commit_all().expect("commits");
	let ((), proof) = ext.execute_and_prove(operation);
	let keys_written = ext.overlayed_changes().changes().count();
	ext.commit_all().expect("commits");
	Work { keys_written, nodes_read: proof.into_nodes().len() }
}

/// A cohort of `members` consenting members (ALICE among them), then ALICE's claim after a
/// deposit: returns the work of the deposit and of the claim.
fn deposit_and_claim_with(members: u32) -> (Work, Work) {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		member(ALICE, 10, &[Purpose::AiTraining]);
		for i in 1..members {
			let who = 1_000_000 + u64::from(i);
			join_as(COHORT, who, who, 1 + u64::from(i % 7));
			consent(who, &[Purpose::AiTraining]);
		}
		assert_eq!(Positions::<Test>::iter_prefix(COHORT).count() as u32, members);
		System::reset_events();
	});
	let credit = ext.execute_with(|| {
		Balances::withdraw(
			&PHARMA,
			1_000_000,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.expect("paid")
	});
	let deposit = measure(&mut ext, || {
		let back = <Royalties as RoyaltyPools<AccountId, CreditOf<Test>>>::deposit(
			COHORT,
			Purpose::AiTraining,
			credit,
			licence(),
		)
		.expect("deposits");
		assert_eq!(back.peek(), 0);
	});
	let claim = measure(&mut ext, || {
		assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT));
	});
	ext.execute_with(|| assert!(free(ALICE) > 100));
	(deposit, claim)
}

#[test]
fn deposit_and_claim_cost_the_same_for_100_000_members_as_for_10() {
	let (small_deposit, small_claim) = deposit_and_claim_with(10);
	let (large_deposit, large_claim) = deposit_and_claim_with(100_000);
	// The same storage items are written.
	assert_eq!(small_deposit.keys_written, large_deposit.keys_written);
	assert_eq!(small_claim.keys_written, large_claim.keys_written);
	// The same items are read; only the trie paths to them are longer (at most a few nodes
	// per item for 10,000 times the members).
	assert!(
		large_deposit.nodes_read <= small_deposit.nodes_read * 3,
		"deposit: {small_deposit:?} vs {large_deposit:?}"
	);
	assert!(
		large_claim.nodes_read <= small_claim.nodes_read * 3,
		"claim: {small_claim:?} vs {large_claim:?}"
	);
	println!("10 members: deposit {small_deposit:?}, claim {small_claim:?}");
	println!("100,000 members: deposit {large_deposit:?}, claim {large_claim:?}");
}
