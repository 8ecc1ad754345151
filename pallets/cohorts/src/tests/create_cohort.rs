use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{DispatchError, Permill};

#[test]
fn anyone_creates_a_cohort_and_pays_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Cohorts::create_cohort(
			RuntimeOrigin::signed(BOB),
			long_covid(),
			cooperative_settings(),
			issuers(&[CLINIC, LAB]),
		));
		let cohort = Registry::<Test>::get(0).expect("stored");
		assert_eq!(cohort.creator, BOB);
		assert_eq!(cohort.deposit, DEPOSIT);
		assert_eq!(cohort.status, CohortStatus::Active);
		assert_eq!(cohort.accepted_issuers, 2);
		assert_eq!(cohort.settings, cooperative_settings());
		assert!(AcceptedIssuers::<Test>::contains_key(0, CLINIC));
		assert!(AcceptedIssuers::<Test>::contains_key(0, LAB));
		assert_eq!(NextCohortId::<Test>::get(), 1);
		assert_eq!(Balances::balance_on_hold(&HoldReason::CohortDeposit.into(), &BOB), DEPOSIT);
		// The creator opened the treasury with the existential deposit.
		let treasury = Pallet::<Test>::treasury_account(0);
		let ed = <Balances as frame_support::traits::fungible::Inspect<_>>::minimum_balance();
		assert_eq!(Balances::balance(&BOB), ENDOWMENT - DEPOSIT - ed);
		assert_eq!(Balances::balance(&treasury), ed);
		System::assert_has_event(
			Event::CohortCreated {
				cohort: 0,
				creator: BOB,
				condition: long_covid(),
				treasury: Pallet::<Test>::treasury_account(0),
				deposit: DEPOSIT,
			}
			.into(),
		);
		System::assert_has_event(Event::IssuerAccepted { cohort: 0, issuer: LAB }.into());
	});
}

#[test]
fn cohorts_get_consecutive_ids() {
	// (Distinct treasuries need 32-byte accounts: the runtime test checks them.)
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(create_cooperative(), 0);
		assert_eq!(create_trust(), 1);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::CohortDeposit.into(), &ALICE),
			2 * DEPOSIT
		);
	});
}

#[test]
fn a_cohort_may_start_with_no_issuer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Cohorts::create_cohort(
			RuntimeOrigin::signed(ALICE),
			long_covid(),
			cooperative_settings(),
			issuers(&[]),
		));
		assert_eq!(Registry::<Test>::get(0).map(|c| c.accepted_issuers), Some(0));
	});
}

fn create_with(settings: SettingsOf<Test>) -> sp_runtime::DispatchResult {
	Cohorts::create_cohort(RuntimeOrigin::signed(ALICE), long_covid(), settings, issuers(&[CLINIC]))
}

#[test]
fn the_members_share_leaves_room_for_the_largest_platform_share() {
	ExtBuilder::default().build_and_execute(|| {
		let mut settings = cooperative_settings();
		settings.members_share = Permill::from_percent(91);
		assert_noop!(create_with(settings), Error::<Test>::MembersShareTooHigh);
		let mut settings = cooperative_settings();
		settings.members_share = Permill::from_percent(90);
		assert_ok!(create_with(settings));
	});
}

#[test]
fn settings_must_be_valid() {
	ExtBuilder::default().build_and_execute(|| {
		let mut no_name = cooperative_settings();
		no_name.name = bounded(b"");
		assert_noop!(create_with(no_name), Error::<Test>::EmptyName);

		let mut no_floor = cooperative_settings();
		no_floor.k_anonymity_floor = 0;
		assert_noop!(create_with(no_floor), Error::<Test>::InvalidKAnonymityFloor);

		let voting = cooperative_settings().voting;
		for bad in [
			VotingParams { voting_period: 0, ..voting },
			VotingParams { epoch_length: 0, ..voting },
			VotingParams { voice_credits_per_epoch: 0, ..voting },
			VotingParams { quorum: Permill::zero(), ..voting },
		] {
			let mut settings = cooperative_settings();
			settings.voting = bad;
			assert_noop!(create_with(settings), Error::<Test>::InvalidVotingParams);
		}
	});
}

#[test]
fn a_condition_code_must_be_well_formed() {
	ExtBuilder::default().build_and_execute(|| {
		for code in [&b""[..], b"U09 9", b"U09;9", b"\xff"] {
			let condition = ConditionCode { system: CodeSystem::Icd10, code: bounded(code) };
			assert_noop!(
				Cohorts::create_cohort(
					RuntimeOrigin::signed(ALICE),
					condition,
					cooperative_settings(),
					issuers(&[CLINIC]),
				),
				Error::<Test>::InvalidConditionCode
			);
		}
		let snomed = ConditionCode { system: CodeSystem::SnomedCt, code: bounded(b"1119303003") };
		assert_ok!(Cohorts::create_cohort(
			RuntimeOrigin::signed(ALICE),
			snomed,
			cooperative_settings(),
			issuers(&[CLINIC]),
		));
	});
}

#[test]
fn issuers_must_be_approved_and_distinct() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::create_cohort(
				RuntimeOrigin::signed(ALICE),
				long_covid(),
				cooperative_settings(),
				issuers(&[CLINIC, REGISTRY]),
			),
			Error::<Test>::NotApprovedIssuer
		);
		assert_noop!(
			Cohorts::create_cohort(
				RuntimeOrigin::signed(ALICE),
				long_covid(),
				cooperative_settings(),
				issuers(&[CLINIC, LAB, CLINIC]),
			),
			Error::<Test>::DuplicateIssuer
		);
	});
}

#[test]
fn the_creator_must_afford_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// POOR holds 150 but must keep the existential deposit; the hold is 100 — so spend first.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(POOR), BOB, 100));
		assert_noop!(
			Cohorts::create_cohort(
				RuntimeOrigin::signed(POOR),
				long_covid(),
				cooperative_settings(),
				issuers(&[CLINIC]),
			),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn a_cohort_is_created_by_a_signed_account() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::create_cohort(
				RuntimeOrigin::root(),
				long_covid(),
				cooperative_settings(),
				issuers(&[CLINIC]),
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn cohort_ids_do_not_overflow() {
	ExtBuilder::default().build_and_execute(|| {
		NextCohortId::<Test>::put(CohortId::MAX);
		assert_noop!(
			Cohorts::create_cohort(
				RuntimeOrigin::signed(ALICE),
				long_covid(),
				cooperative_settings(),
				issuers(&[CLINIC]),
			),
			Error::<Test>::CohortIdOverflow
		);
		NextCohortId::<Test>::put(0);
	});
}

/// Audit finding 7: a cooperative approves licences by vote, and a licence can be approved
/// only within the review period; a voting period longer than `MaxVotingPeriod` could never
/// end in time. And an epoch is at most `MaxEpochLength` (update_cohort's test says why).
#[test]
fn a_voting_period_must_fit_the_licence_review_period() {
	ExtBuilder::default().build_and_execute(|| {
		let mut settings = cooperative_settings();
		let mut long_epoch = cooperative_settings();
		long_epoch.voting.epoch_length = MAX_EPOCH_LENGTH + 1;
		settings.voting.voting_period = MAX_VOTING_PERIOD + 1;
		for (settings, error) in [
			(settings.clone(), Error::<Test>::VotingPeriodTooLong),
			(long_epoch, Error::<Test>::EpochTooLong),
		] {
			assert_noop!(
				Cohorts::create_cohort(
					RuntimeOrigin::signed(ALICE),
					long_covid(),
					settings,
					issuers(&[CLINIC])
				),
				error
			);
		}
		settings.voting.voting_period = MAX_VOTING_PERIOD;
		assert_ok!(Cohorts::create_cohort(
			RuntimeOrigin::signed(ALICE),
			long_covid(),
			settings,
			issuers(&[CLINIC])
		));
	});
}
