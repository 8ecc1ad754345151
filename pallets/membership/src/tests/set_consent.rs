use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_member_sets_consent_and_the_counts_follow() {
	ExtBuilder::default()
		.with_contributor(ALICE, 1, 10)
		.with_contributor(BOB, 2, 10)
		.build_and_execute(|| {
			hook_calls();
			let research = Consent::only(&[Purpose::AcademicResearch, Purpose::PublicHealth]);
			assert_ok!(Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, research));
			assert_ok!(Membership::set_consent(
				RuntimeOrigin::signed(BOB),
				COHORT,
				Consent::only(&[Purpose::AcademicResearch])
			));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AcademicResearch), 2);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::PublicHealth), 1);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
			assert_eq!(
				Memberships::<Test>::get(COHORT, person(1)).map(|r| r.consent),
				Some(research)
			);

			// Withdrawing consent is forward-only too: the counts drop, an event records it.
			assert_ok!(Membership::set_consent(
				RuntimeOrigin::signed(ALICE),
				COHORT,
				Consent::NONE
			));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AcademicResearch), 1);
			assert_eq!(Membership::consenting_members(COHORT, Purpose::PublicHealth), 0);
			assert_eq!(
				last_event(),
				Event::ConsentChanged {
					cohort: COHORT,
					account: ALICE,
					old: research,
					new: Consent::NONE
				}
				.into()
			);
			assert_eq!(
				hook_calls(),
				vec!["consent 0 p1 0->2", "consent 0 p2 0->1", "consent 0 p1 2->0"]
			);
		});
}

#[test]
fn a_suspended_members_consent_does_not_count() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		assert_ok!(Membership::set_consent(
			RuntimeOrigin::signed(ALICE),
			COHORT,
			Consent::only(&[Purpose::AiTraining])
		));
		assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
	});
}

#[test]
fn setting_the_same_consent_or_not_being_a_member_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, Consent::NONE),
			Error::<Test>::NotMember
		);
		join(ALICE, 1);
		assert_noop!(
			Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, Consent::NONE),
			Error::<Test>::ConsentUnchanged
		);
	});
}

/// Audit finding 8: the k-anonymity floor counted consenting members with no data, so a
/// cohort could license a "dataset" behind which fewer than k people's records stood.
#[test]
fn k_anonymity_counts_only_consenting_members_with_data() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			let ai = Consent::only(&[Purpose::AiTraining]);
			assert_ok!(Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, ai));
			assert_ok!(Membership::set_consent(RuntimeOrigin::signed(BOB), COHORT, ai));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
			assert_ok!(Membership::record_contribution(
				RuntimeOrigin::signed(CLINIC),
				COHORT,
				ALICE,
				5
			));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 1);
			// Suspension and restoration keep counting with data.
			assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
			assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
		});
}
