//! Delegated consent in a data trust: a member leaves their consent to the trustees, who set
//! it for every such member in one call; the member takes it back with `set_consent`.

use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use frame_support::{assert_noop, assert_ok};

fn trustees_set(consent: Consent) {
	assert_ok!(Membership::set_trustee_consent(RuntimeOrigin::signed(TRUSTEES), COHORT, consent));
}

fn delegates(who: AccountId) {
	assert_ok!(Membership::delegate_consent(RuntimeOrigin::signed(who), COHORT));
}

#[test]
fn delegating_members_count_for_what_the_trustees_consent_to() {
	ExtBuilder::default()
		.with_contributor(ALICE, 1, 10)
		.with_contributor(BOB, 2, 10)
		.with_member(CAROL, 3)
		.build_and_execute(|| {
			make_trust();
			hook_calls();
			assert_ok!(Membership::set_consent(
				RuntimeOrigin::signed(ALICE),
				COHORT,
				Consent::only(&[Purpose::AiTraining])
			));
			delegates(ALICE);
			assert_eq!(
				last_event(),
				Event::ConsentDelegated { cohort: COHORT, account: ALICE }.into()
			);
			delegates(BOB);
			// Carol has no units: she does not count, delegating or not.
			delegates(CAROL);
			let alice = Memberships::<Test>::get(COHORT, person(1)).unwrap();
			assert_eq!((alice.delegated, alice.consent), (true, Consent::NONE));
			assert_eq!(stats().delegating, 2);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);

			// One call sets every delegating member's consent.
			let research = Consent::only(&[Purpose::AcademicResearch, Purpose::PublicHealth]);
			trustees_set(research);
			assert_eq!(
				last_event(),
				Event::TrusteeConsentSet { cohort: COHORT, old: Consent::NONE, new: research }
					.into()
			);
			assert_eq!(TrusteeConsent::<Test>::get(COHORT), research);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AcademicResearch), 2);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::PublicHealth), 2);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
			assert_eq!(
				hook_calls(),
				vec![
					"consent 0 p1 0->1",
					"consent 0 p1 1->0",
					"delegated 0 p1 true",
					"delegated 0 p2 true",
					"delegated 0 p3 true",
					"trustee-consent 0 0->2",
				]
			);
		});
}

#[test]
fn a_member_takes_their_consent_back_at_any_time() {
	ExtBuilder::default()
		.with_contributor(ALICE, 1, 10)
		.with_contributor(BOB, 2, 10)
		.build_and_execute(|| {
			make_trust();
			delegates(ALICE);
			delegates(BOB);
			trustees_set(Consent::only(&[Purpose::AiTraining]));
			hook_calls();
			// Taking it back to the very consent the trustees gave is still a change of hands.
			let own = Consent::only(&[Purpose::AiTraining]);
			assert_ok!(Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, own));
			assert!(System::events()
				.iter()
				.any(|r| r.event
					== Event::ConsentTakenBack { cohort: COHORT, account: ALICE }.into()));
			let alice = Memberships::<Test>::get(COHORT, person(1)).unwrap();
			assert_eq!((alice.delegated, alice.consent), (false, own));
			assert_eq!(stats().delegating, 1);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 2);
			// Bob takes it back to nothing: forward only, from now on he counts for nothing.
			assert_ok!(Membership::set_consent(RuntimeOrigin::signed(BOB), COHORT, Consent::NONE));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 1);
			assert_eq!(
				hook_calls(),
				vec!["delegated 0 p1 false", "consent 0 p1 0->1", "delegated 0 p2 false",]
			);
			// A suspended delegating member counts for nothing either.
			delegates(ALICE);
			assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
			assert_eq!(stats().delegating, 0);
		});
}

#[test]
fn delegating_needs_a_data_trust_and_a_membership_once() {
	ExtBuilder::default().with_contributor(ALICE, 1, 10).build_and_execute(|| {
		assert_noop!(
			Membership::delegate_consent(RuntimeOrigin::signed(ALICE), COHORT),
			Error::<Test>::NotADataTrust
		);
		make_trust();
		assert_noop!(
			Membership::delegate_consent(RuntimeOrigin::signed(NOBODY), COHORT),
			Error::<Test>::NotMember
		);
		delegates(ALICE);
		assert_noop!(
			Membership::delegate_consent(RuntimeOrigin::signed(ALICE), COHORT),
			Error::<Test>::AlreadyDelegated
		);
		assert_noop!(
			Membership::delegate_consent(RuntimeOrigin::none(), COHORT),
			sp_runtime::traits::BadOrigin
		);
	});
}

#[test]
fn only_the_trustees_set_the_delegated_consent() {
	ExtBuilder::default().with_contributor(ALICE, 1, 10).build_and_execute(|| {
		make_trust();
		let consent = Consent::only(&[Purpose::AiTraining]);
		for who in [ALICE, CLINIC, cohort_test_kit::treasury(COHORT)] {
			assert_noop!(
				Membership::set_trustee_consent(RuntimeOrigin::signed(who), COHORT, consent),
				sp_runtime::traits::BadOrigin
			);
		}
		assert_noop!(
			Membership::set_trustee_consent(RuntimeOrigin::signed(TRUSTEES), COHORT, Consent::NONE),
			Error::<Test>::ConsentUnchanged
		);
		trustees_set(consent);
		assert_noop!(
			Membership::set_trustee_consent(RuntimeOrigin::signed(TRUSTEES), COHORT, consent),
			Error::<Test>::ConsentUnchanged
		);
	});
}
