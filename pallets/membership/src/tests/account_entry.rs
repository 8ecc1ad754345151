//! An account's entry carries its membership's standing, which other pallets check in one
//! read: it must follow every change of the record's account, status, issuer and expiry.

use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use frame_support::assert_ok;

fn entry(who: AccountId) -> Option<AccountEntryOf<Test>> {
	PersonOf::<Test>::get(COHORT, who)
}

#[test]
fn the_entry_follows_suspension_restoration_and_rotation() {
	ExtBuilder::default().build_and_execute(|| {
		join(ALICE, 1);
		let joined = AccountEntry {
			person: person(1),
			status: MemberStatus::Active,
			issuer: CLINIC,
			expires_at: 101,
		};
		assert_eq!(entry(ALICE), Some(joined.clone()));

		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		let suspended = AccountEntry { status: MemberStatus::Suspended, ..joined.clone() };
		assert_eq!(entry(ALICE), Some(suspended));
		assert_eq!(Membership::active_person(COHORT, &ALICE), None);

		System::set_block_number(20);
		join(ALICE, 1);
		let restored = AccountEntry { expires_at: 120, ..joined };
		assert_eq!(entry(ALICE), Some(restored.clone()));

		let signature = sign_rotation(
			CLINIC,
			&RotationApproval {
				genesis_hash: Membership::genesis_hash(),
				cohort: COHORT,
				person: person(1),
				from: ALICE,
				to: ALICE_NEW,
				nonce: 1,
			},
		);
		assert_ok!(Membership::rotate(
			RuntimeOrigin::signed(ALICE_NEW),
			COHORT,
			ALICE,
			1,
			signature
		));
		assert_eq!(entry(ALICE), None);
		assert_eq!(entry(ALICE_NEW), Some(restored));
	});
}

#[test]
fn an_expired_entry_gives_no_rights_before_the_hook_suspends_it() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		let expires_at = entry(ALICE).expect("a member").expires_at;
		run_to_block(expires_at - 1);
		assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)));
		// At the expiry block before `on_initialize` ran (or had it failed), the entry's
		// expiry alone already withholds the rights.
		System::set_block_number(expires_at);
		assert_eq!(entry(ALICE).map(|e| e.status), Some(MemberStatus::Active));
		assert_eq!(Membership::active_person(COHORT, &ALICE), None);
		System::set_block_number(expires_at - 1);
		run_to_block(expires_at);
		assert_eq!(entry(ALICE).map(|e| e.status), Some(MemberStatus::Suspended));
	});
}

#[test]
fn a_standing_changed_behind_the_entrys_back_is_found() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		Memberships::<Test>::mutate(COHORT, person(1), |record| {
			if let Some(record) = record {
				record.status = MemberStatus::Suspended;
			}
		});
		assert_eq!(
			Membership::do_try_state(),
			Err("PersonOf's standing differs from the membership's".into())
		);
		// Put back, so that the invariants checked at the end hold.
		Memberships::<Test>::mutate(COHORT, person(1), |record| {
			if let Some(record) = record {
				record.status = MemberStatus::Active;
			}
		});
	});
}
