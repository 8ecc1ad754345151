//! A licensee reports what came of a licence; the donors' cohort sees it.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn paper() -> sp_core::H256 {
	sp_core::H256::repeat_byte(0xd0)
}

/// PHARMA's licence (request [`FIRST_ID`]) to the first dataset for AI training, approved.
fn licensed() -> ExtBuilder {
	ExtBuilder::requested()
}

fn approve_first() {
	assert_ok!(Licensing::approve(members(COHORT), FIRST_ID, rationale()));
}

fn report(kind: OutcomeKind) -> frame_support::dispatch::DispatchResult {
	Licensing::report_outcome(
		RuntimeOrigin::signed(PHARMA),
		FIRST_ID,
		Purpose::AiTraining,
		paper(),
		kind,
	)
}

#[test]
fn a_licensee_reports_an_outcome_under_its_grant() {
	licensed().build_and_execute(|| {
		approve_first();
		let held_before = held(HoldReason::LicenceRecord, PHARMA);
		assert_ok!(report(OutcomeKind::ModelCard));
		assert_eq!(held(HoldReason::LicenceRecord, PHARMA), held_before + OUTCOME_DEPOSIT);
		let outcome = Outcomes::<Test>::get(COHORT, 0).unwrap();
		assert_eq!(
			outcome,
			Outcome {
				request: FIRST_ID,
				licensee: PHARMA,
				dataset: FIRST_ID,
				purpose: Purpose::AiTraining,
				kind: OutcomeKind::ModelCard,
				outcome_hash: paper(),
				at: 1,
				deposit: OUTCOME_DEPOSIT,
			}
		);
		assert_eq!(LicenceOutcomes::<Test>::get(FIRST_ID).into_inner(), vec![0]);
		assert_eq!(
			last_event(),
			Event::OutcomeReported {
				cohort: COHORT,
				outcome: 0,
				request: FIRST_ID,
				licensee: PHARMA,
				dataset: FIRST_ID,
				purpose: Purpose::AiTraining,
				kind: OutcomeKind::ModelCard,
				outcome_hash: paper(),
			}
			.into()
		);
		assert_ok!(report(OutcomeKind::NoResult));
		// Most recent first, for the cohort; in order, for the licence.
		let recent: Vec<u32> =
			Licensing::recent_outcomes(COHORT, 10).into_iter().map(|(n, _)| n).collect();
		assert_eq!(recent, vec![1, 0]);
		let of_licence: Vec<u32> = Licensing::licence_outcomes(COHORT, FIRST_ID)
			.into_iter()
			.map(|(n, _)| n)
			.collect();
		assert_eq!(of_licence, vec![0, 1]);
		assert_eq!(Licensing::recent_outcomes(COHORT, 1).len(), 1);
	});
}

#[test]
fn reporting_needs_a_grant_and_room_and_funds() {
	licensed().build_and_execute(|| {
		// No grant yet (the request is open), and none for another purpose.
		assert_noop!(report(OutcomeKind::Publication), Error::<Test>::UnknownGrant);
		approve_first();
		assert_noop!(
			Licensing::report_outcome(
				RuntimeOrigin::signed(PHARMA),
				FIRST_ID,
				Purpose::PublicHealth,
				paper(),
				OutcomeKind::Publication
			),
			Error::<Test>::UnknownGrant
		);
		assert_noop!(
			Licensing::report_outcome(
				RuntimeOrigin::signed(AI_LAB),
				FIRST_ID,
				Purpose::AiTraining,
				paper(),
				OutcomeKind::Publication
			),
			Error::<Test>::UnknownGrant
		);
		for _ in 0..MAX_OUTCOMES {
			assert_ok!(report(OutcomeKind::Preprint));
		}
		assert_noop!(report(OutcomeKind::Publication), Error::<Test>::TooManyOutcomes);
		// A withdrawn outcome still counts against the bound.
		assert_ok!(Licensing::withdraw_outcome(RuntimeOrigin::signed(PHARMA), COHORT, 0));
		assert_noop!(report(OutcomeKind::Publication), Error::<Test>::TooManyOutcomes);
	});
}

#[test]
fn a_licensee_without_funds_for_the_deposit_reports_nothing() {
	licensed().build_and_execute(|| {
		approve_first();
		let spare = free(PHARMA) - OUTCOME_DEPOSIT + 1;
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(PHARMA), NOBODY, spare));
		assert_noop!(report(OutcomeKind::Publication), Error::<Test>::InsufficientFunds);
	});
}

#[test]
fn only_the_licensee_withdraws_an_outcome_and_its_deposit_comes_back() {
	licensed().build_and_execute(|| {
		approve_first();
		assert_ok!(report(OutcomeKind::TrialRegistration));
		let held_with = held(HoldReason::LicenceRecord, PHARMA);
		assert_noop!(
			Licensing::withdraw_outcome(RuntimeOrigin::signed(AI_LAB), COHORT, 0),
			Error::<Test>::NotLicensee
		);
		assert_noop!(
			Licensing::withdraw_outcome(RuntimeOrigin::signed(PHARMA), COHORT, 1),
			Error::<Test>::UnknownOutcome
		);
		assert_ok!(Licensing::withdraw_outcome(RuntimeOrigin::signed(PHARMA), COHORT, 0));
		assert_eq!(held(HoldReason::LicenceRecord, PHARMA), held_with - OUTCOME_DEPOSIT);
		assert!(Outcomes::<Test>::get(COHORT, 0).is_none());
		assert!(!LicenceOutcomes::<Test>::contains_key(FIRST_ID));
		assert_eq!(
			last_event(),
			Event::OutcomeWithdrawn { cohort: COHORT, outcome: 0, licensee: PHARMA }.into()
		);
	});
}

#[test]
fn an_outcome_outlives_its_grant() {
	licensed().build_and_execute(|| {
		approve_first();
		assert_ok!(report(OutcomeKind::Publication));
		run_to(1 + DURATION);
		assert_ok!(Licensing::remove_expired_grant(
			RuntimeOrigin::signed(NOBODY),
			FIRST_ID,
			PHARMA,
			Purpose::AiTraining
		));
		// Publications come after access ends: the record stays, and so may be withdrawn.
		assert!(Outcomes::<Test>::get(COHORT, 0).is_some());
		assert_noop!(report(OutcomeKind::Publication), Error::<Test>::UnknownGrant);
		assert_ok!(Licensing::withdraw_outcome(RuntimeOrigin::signed(PHARMA), COHORT, 0));
	});
}
