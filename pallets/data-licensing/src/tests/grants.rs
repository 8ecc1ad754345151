//! `revoke_grant` and `remove_expired_grant`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn granted() -> DatasetId {
	let (dataset, _, id) = requested();
	assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
	dataset
}

#[test]
fn the_cohort_revokes_a_grant_for_breach_without_refund() {
	ExtBuilder::default().build_and_execute(|| {
		let dataset = granted();
		let pharma = free(PHARMA);
		assert_ok!(Licensing::revoke_grant(members(COHORT), dataset, PHARMA, Purpose::AiTraining));
		assert!(Grants::<Test>::get((dataset, PHARMA, Purpose::AiTraining)).is_none());
		assert_eq!(Licensing::live_grant(dataset, &PHARMA, Purpose::AiTraining), None);
		// Only the record's deposit comes back; the price does not.
		assert_eq!(free(PHARMA), pharma + REQUEST_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::GrantRevoked { dataset, licensee: PHARMA, purpose: Purpose::AiTraining }.into()
		);
	});
}

#[test]
fn only_the_cohort_revokes_existing_grants() {
	ExtBuilder::default().build_and_execute(|| {
		let dataset = granted();
		assert_noop!(
			Licensing::revoke_grant(
				RuntimeOrigin::signed(PHARMA),
				dataset,
				PHARMA,
				Purpose::AiTraining
			),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::revoke_grant(members(COHORT), dataset, AI_LAB, Purpose::AiTraining),
			Error::<Test>::UnknownGrant
		);
		assert_noop!(
			Licensing::revoke_grant(members(COHORT), dataset + 1, PHARMA, Purpose::AiTraining),
			Error::<Test>::UnknownDataset
		);
	});
}

#[test]
fn anyone_removes_an_expired_grant_and_the_deposit_goes_home() {
	ExtBuilder::default().build_and_execute(|| {
		let dataset = granted();
		run_to(DURATION);
		assert_eq!(
			Licensing::live_grant(dataset, &PHARMA, Purpose::AiTraining),
			Some(1 + DURATION)
		);
		assert_noop!(
			Licensing::remove_expired_grant(
				RuntimeOrigin::signed(NOBODY),
				dataset,
				PHARMA,
				Purpose::AiTraining
			),
			Error::<Test>::GrantLive
		);
		run_to(1 + DURATION);
		assert_eq!(Licensing::live_grant(dataset, &PHARMA, Purpose::AiTraining), None);
		let pharma = free(PHARMA);
		assert_ok!(Licensing::remove_expired_grant(
			RuntimeOrigin::signed(NOBODY),
			dataset,
			PHARMA,
			Purpose::AiTraining
		));
		assert_eq!(free(PHARMA), pharma + REQUEST_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::GrantExpired { dataset, licensee: PHARMA, purpose: Purpose::AiTraining }.into()
		);
		assert_noop!(
			Licensing::remove_expired_grant(
				RuntimeOrigin::signed(NOBODY),
				dataset,
				PHARMA,
				Purpose::AiTraining
			),
			Error::<Test>::UnknownGrant
		);
		assert_noop!(
			Licensing::remove_expired_grant(
				RuntimeOrigin::none(),
				dataset,
				PHARMA,
				Purpose::AiTraining
			),
			sp_runtime::traits::BadOrigin
		);
	});
}
