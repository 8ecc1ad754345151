//! Audit finding 1: containing a stolen issuer key. The council (root in the mock) or the
//! cohort suspends any membership and lowers units an issuer over-recorded; a credential
//! cannot outlive `MaxAttestationPeriod`; one call records at most `MaxUnitsPerCall`; a
//! withdrawn issuer's memberships give no rights at once and are suspended over the next
//! blocks; an issuer withdraws the credentials it handed out before a block.

use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use cohort_test_kit::MockCohorts;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, DispatchResult};

fn council() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

#[test]
fn a_stolen_key_cannot_sign_a_credential_that_never_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let forever = Credential { expires_at: u64::MAX, ..credential(CLINIC, BOB, 2, 1) };
		let signature = sign(CLINIC, &forever);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(BOB), COHORT, Some((forever, signature))),
			Error::<Test>::ExpiryTooFar
		);
		let longest = Credential { expires_at: 1 + MAX_PERIOD, ..credential(CLINIC, BOB, 2, 1) };
		let signature = sign(CLINIC, &longest);
		assert_ok!(Membership::join(
			RuntimeOrigin::signed(BOB),
			COHORT,
			Some((longest, signature))
		));
	});
}

#[test]
fn a_stolen_key_cannot_record_unbounded_units_in_one_call() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_noop!(
			Membership::record_contribution(
				RuntimeOrigin::signed(CLINIC),
				COHORT,
				ALICE,
				MAX_UNITS_PER_CALL + 1
			),
			Error::<Test>::TooManyUnits
		);
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			MAX_UNITS_PER_CALL
		));
	});
}

#[test]
fn the_council_or_the_cohort_suspends_a_fake_member() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			hook_calls();
			assert_ok!(Membership::suspend(council(), COHORT, ALICE));
			assert_eq!(Membership::active_person(COHORT, &ALICE), None);
			assert_eq!(last_event(), Event::Suspended { cohort: COHORT, account: ALICE }.into());
			assert_ok!(Membership::suspend(cohort_members(COHORT), COHORT, BOB));
			assert_eq!(stats().active, 0);
			assert_eq!(hook_calls(), vec!["suspended 0 p1", "suspended 0 p2"]);
			// Only they may; and only an active membership.
			assert_noop!(
				Membership::suspend(RuntimeOrigin::signed(CLINIC), COHORT, ALICE),
				DispatchError::BadOrigin
			);
			assert_noop!(Membership::suspend(council(), COHORT, ALICE), Error::<Test>::NotActive);
			assert_noop!(Membership::suspend(council(), COHORT, CAROL), Error::<Test>::NotMember);
		});
}

#[test]
fn the_council_or_the_cohort_lowers_over_recorded_units() {
	ExtBuilder::default().with_contributor(ALICE, 1, 500).build_and_execute(|| {
		hook_calls();
		assert_ok!(Membership::correct_units(council(), COHORT, ALICE, 20));
		let record = Memberships::<Test>::get(COHORT, person(1)).unwrap();
		assert_eq!(record.units, 20);
		assert_eq!(
			last_event(),
			Event::UnitsCorrected { cohort: COHORT, account: ALICE, old: 500, new: 20 }.into()
		);
		assert_eq!(hook_calls(), vec!["units 0 p1 500->20"]);
		assert_ok!(Membership::correct_units(cohort_members(COHORT), COHORT, ALICE, 0));
		assert_noop!(
			Membership::correct_units(council(), COHORT, ALICE, 0),
			Error::<Test>::UnitsNotLowered
		);
		assert_noop!(
			Membership::correct_units(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 0),
			DispatchError::BadOrigin
		);
	});
}

fn members_of(cohort: CohortId) -> CohortStats {
	Stats::<Test>::get(cohort)
}

fn join_with(who: AccountId, credential: CredentialOf<Test>) -> DispatchResult {
	let signature = sign(credential.issuer, &credential);
	Membership::join(RuntimeOrigin::signed(who), credential.cohort, Some((credential, signature)))
		.map(|_| ())
		.map_err(|e| e.error)
}

fn sorted(mut calls: Vec<String>) -> Vec<String> {
	calls.sort();
	calls
}

#[test]
fn finding_1_a_dropped_issuers_members_stop_counting() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.with_member(CAROL, 3)
		.build_and_execute(|| {
			hook_calls();
			drop_issuer(COHORT, CLINIC);
			// At once, none of them may vote, consent or propose, and nothing the counts
			// decide may happen until they are out of them.
			for who in [ALICE, BOB, CAROL] {
				assert_eq!(Membership::active_person(COHORT, &who), None);
			}
			assert!(Membership::sweeping(COHORT));
			assert!(!Membership::sweeping(OTHER_COHORT));
			// `MaxSweptPerBlock` (2) a block leave the counts, the tallies and the pools.
			run_to_block(2);
			assert_eq!(stats().active, 1);
			assert!(Membership::sweeping(COHORT));
			run_to_block(3);
			assert_eq!((stats().active, stats().suspended), (0, 3));
			assert!(!Membership::sweeping(COHORT));
			assert_eq!(
				sorted(hook_calls()),
				vec!["suspended 0 p1", "suspended 0 p2", "suspended 0 p3"]
			);
			assert_eq!(
				last_event(),
				Event::SweepFinished { issuer: CLINIC, cohort: Some(COHORT) }.into()
			);
		});
}

#[test]
fn finding_1_a_removed_issuers_members_stop_counting_in_every_cohort() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		let other =
			|issuer, who, p| Credential { cohort: OTHER_COHORT, ..credential(issuer, who, p, 1) };
		assert_ok!(join_with(BOB, other(CLINIC, BOB, 2)));
		assert_ok!(join_with(CAROL, other(LAB, CAROL, 3)));
		remove_issuer(CLINIC);
		assert!(Membership::sweeping(COHORT) && Membership::sweeping(OTHER_COHORT));
		assert_eq!(Membership::active_person(OTHER_COHORT, &BOB), None);
		run_to_block(2);
		assert_eq!((members_of(COHORT).active, members_of(COHORT).suspended), (0, 1));
		assert_eq!((members_of(OTHER_COHORT).active, members_of(OTHER_COHORT).suspended), (1, 1));
		// LAB's member keeps every right.
		assert_eq!(Membership::active_person(OTHER_COHORT, &CAROL), Some(person(3)));
		run_to_block(3);
		assert!(!Membership::sweeping(COHORT));
	});
}

#[test]
fn an_issuer_accepted_again_before_its_sweep_suspends_nobody() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			drop_issuer(COHORT, CLINIC);
			MockCohorts::update(COHORT, |c| {
				c.issuers.insert(CLINIC);
			});
			assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)));
			run_to_block(2);
			assert_eq!(stats().active, 2);
			assert!(!Membership::sweeping(COHORT));
			assert_eq!(
				last_event(),
				Event::SweepFinished { issuer: CLINIC, cohort: Some(COHORT) }.into()
			);
		});
}

#[test]
fn a_swept_member_is_restored_by_an_accepted_issuers_attestation() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		drop_issuer(COHORT, CLINIC);
		run_to_block(2);
		assert_eq!(stats().suspended, 1);
		MockCohorts::update(COHORT, |c| {
			c.issuers.insert(LAB);
		});
		assert_ok!(join_with(ALICE, credential(LAB, ALICE, 1, 1)));
		assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)));
		assert!(ActiveByIssuer::<Test>::contains_key((LAB, COHORT, person(1))));
		assert!(!ActiveByIssuer::<Test>::contains_key((CLINIC, COHORT, person(1))));
	});
}

#[test]
fn finding_1_an_issuer_withdraws_the_credentials_it_handed_out() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		let handed_out = credential(CLINIC, BOB, 2, 1);
		// Its key was stolen at block 5: CLINIC withdraws everything it issued until then.
		MockCohorts::withdraw_credentials(CLINIC, 6);
		assert_noop!(join_with(BOB, handed_out), Error::<Test>::CredentialWithdrawn);
		run_to_block(6);
		assert_ok!(join_with(BOB, credential(CLINIC, BOB, 2, 1)));
	});
}

#[test]
fn a_credential_dated_ahead_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let ahead = Credential { issued_at: 2, ..credential(CLINIC, BOB, 2, 1) };
		assert_noop!(join_with(BOB, ahead), Error::<Test>::IssuedInTheFuture);
	});
}
