use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn approval_settles_the_escrow_in_one_step_and_grants_access() {
	ExtBuilder::requested().build_and_execute(|| {
		let dataset = FIRST_ID;
		let id = FIRST_ID;
		let treasury_before = free(TREASURY);
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));

		// 70% to the members' pool, 5% to the platform, 25% to the treasury.
		assert_eq!(royalties(), vec![(COHORT, Purpose::AiTraining, 7_000)]);
		assert_eq!(free(POT), ED + 7_000);
		assert_eq!(free(PLATFORM), ED + 500);
		assert_eq!(free(TREASURY), treasury_before + 2_500);
		assert_eq!(held(HoldReason::Escrow, PHARMA), 0);
		assert_eq!(free(PHARMA), FUNDS - PRICE - REQUEST_DEPOSIT);
		// The request's deposit now pays for the grant.
		assert_eq!(held(HoldReason::LicenceRecord, PHARMA), REQUEST_DEPOSIT);
		assert!(Requests::<Test>::get(id).is_none());
		let grant = Grants::<Test>::get((dataset, PHARMA, Purpose::AiTraining)).unwrap();
		assert_eq!(
			grant,
			Grant { outcomes: 0, expires_at: 1 + DURATION, request: id, deposit: REQUEST_DEPOSIT }
		);
		assert_eq!(
			Licensing::live_grant(dataset, &PHARMA, Purpose::AiTraining),
			Some(1 + DURATION)
		);
		assert_eq!(Licensing::live_grant(dataset, &PHARMA, Purpose::PublicHealth), None);
		assert!(has_event(Event::LicenceApproved {
			request: id,
			licensee: PHARMA,
			dataset,
			cohort: COHORT,
			purpose: Purpose::AiTraining,
			members_share: 7_000,
			treasury_share: 2_500,
			platform_share: 500,
			operator_share: 0,
			rationale: rationale(),
		}));
		assert_eq!(
			last_event(),
			Event::GrantIssued {
				dataset,
				licensee: PHARMA,
				purpose: Purpose::AiTraining,
				expires_at: 1 + DURATION
			}
			.into()
		);
	});
}

#[test]
fn shares_add_up_to_the_price_exactly() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		assert_ok!(Licensing::publish_offer(
			members(COHORT),
			dataset,
			Purpose::AiTraining,
			9_999,
			DURATION,
			terms()
		));
		let id = request(PHARMA, 0);
		let (pot, platform, treasury) = (free(POT), free(PLATFORM), free(TREASURY));
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
		// 70% of 9,999 = 6,999.3 → 6,999; 5% = 499.95 → 499; the treasury takes the rest.
		assert_eq!(free(POT) - pot, 6_999);
		assert_eq!(free(PLATFORM) - platform, 499);
		assert_eq!(free(TREASURY) - treasury, 2_501);
	});
}

#[test]
fn without_contributing_members_their_share_goes_to_their_treasury() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		without_units(COHORT, Purpose::AiTraining);
		let treasury = free(TREASURY);
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
		assert!(royalties().is_empty());
		assert_eq!(free(TREASURY) - treasury, 9_500);
		assert_eq!(free(POT), ED);
	});
}

#[test]
fn a_renewal_extends_the_grant_from_its_end() {
	ExtBuilder::requested().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer = FIRST_ID;
		let first = FIRST_ID;
		assert_ok!(Licensing::approve(members(COHORT), first, rationale()));
		run_to(50);
		let second = request(PHARMA, offer);
		assert_ok!(Licensing::approve(members(COHORT), second, rationale()));
		let grant = Grants::<Test>::get((dataset, PHARMA, Purpose::AiTraining)).unwrap();
		assert_eq!(
			grant,
			Grant {
				outcomes: 0,
				expires_at: 1 + 2 * DURATION,
				request: second,
				deposit: REQUEST_DEPOSIT
			}
		);
		// One record, one deposit.
		assert_eq!(held(HoldReason::LicenceRecord, PHARMA), REQUEST_DEPOSIT);
	});
}

#[test]
fn approval_fails_below_the_k_anonymity_floor() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		set_consenting(COHORT, Purpose::AiTraining, K_FLOOR - 1);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::BelowKAnonymityFloor
		);
		set_consenting(COHORT, Purpose::AiTraining, K_FLOOR);
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
	});
}

#[test]
fn finding_1_no_approval_while_a_withdrawn_issuers_members_still_count() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		cohort_test_kit::MockMembership::set_sweeping(COHORT, true);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::SweepUnderway
		);
		cohort_test_kit::MockMembership::set_sweeping(COHORT, false);
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
	});
}

#[test]
fn a_frozen_cohort_approves_nothing() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		freeze(COHORT);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::CohortFrozen
		);
	});
}

#[test]
fn approval_fails_once_the_offer_is_gone_or_the_dataset_retired() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let gone = offer(dataset, Purpose::AiTraining);
		let kept = offer(dataset, Purpose::PublicHealth);
		let on_gone = request(PHARMA, gone);
		let on_kept = request(AI_LAB, kept);
		assert_ok!(Licensing::withdraw_offer(members(COHORT), gone));
		assert_noop!(
			Licensing::approve(members(COHORT), on_gone, rationale()),
			Error::<Test>::OfferGone
		);
		assert_ok!(Licensing::retire_dataset(members(COHORT), dataset));
		assert_noop!(
			Licensing::approve(members(COHORT), on_kept, rationale()),
			Error::<Test>::DatasetRetired
		);
	});
}

#[test]
fn only_the_cohort_approves() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		assert_noop!(
			Licensing::approve(RuntimeOrigin::signed(PHARMA), id, rationale()),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::approve(members(TRUST_COHORT), id, rationale()),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::approve(members(COHORT), id + 1, rationale()),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn a_share_that_cannot_be_paid_fails_the_whole_settlement() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		assert_ok!(Licensing::publish_offer(
			members(COHORT),
			dataset,
			Purpose::AcademicResearch,
			40,
			DURATION,
			terms()
		));
		let id = request(AI_LAB, 0);
		// The platform account is gone and its share (5% of 40 = 2) is below the existential
		// deposit: nothing at all may move.
		let _ = <Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&PLATFORM, 0);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::SettlementFailed
		);
	});
}

/// Audit finding 7: after the review period both `approve` and `withdraw_request` were valid,
/// so the outcome depended on ordering and a cohort could take an escrow months later.
/// Approval is possible only within the review period; withdrawal only after it.
#[test]
fn approval_cannot_race_withdrawal() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		run_to(1 + REVIEW_PERIOD);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::ReviewPeriodOver
		);
		run_to(1 + 10 * REVIEW_PERIOD);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::ReviewPeriodOver
		);
		assert_ok!(Licensing::withdraw_request(RuntimeOrigin::signed(PHARMA), id));
		assert_eq!(free(PHARMA), FUNDS);
	});
}

#[test]
fn approval_is_possible_until_the_last_block_of_the_review_period() {
	ExtBuilder::requested().build_and_execute(|| {
		run_to(REVIEW_PERIOD);
		assert_noop!(
			Licensing::withdraw_request(RuntimeOrigin::signed(PHARMA), FIRST_ID),
			Error::<Test>::ReviewPending
		);
		assert_ok!(Licensing::approve(members(COHORT), FIRST_ID, rationale()));
	});
}
