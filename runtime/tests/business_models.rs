//! The three business models of the co-design research through `cohort-runtime`: a private
//! business licensing within the council's guard rails; a data trust whose member leaves their
//! consent to the trustees and earns by it, with the outcome of the licence reported back to
//! them; and research that cannot pay keeping access (a free academic licence, a public-health
//! licence the members sponsor).

// Tests fail by panicking: the runtime crates' lints against it do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use cohort_runtime::{configs::cohorts::PlatformAccount, DataLicensing, Royalties};
use common::*;
use sp_keyring::Sr25519Keyring::{AliceStash, BobStash, CharlieStash, DaveStash, EveStash};

const OPERATOR: Sr25519Keyring = AliceStash;
const PHARMA: Sr25519Keyring = BobStash;
const UNIVERSITY: Sr25519Keyring = CharlieStash;
const HEALTH_AGENCY: Sr25519Keyring = DaveStash;
const TRUSTEES: Sr25519Keyring = EveStash;

fn pct(p: u32) -> Permill {
	Permill::from_percent(p)
}

fn balance(who: &AccountId) -> u128 {
	Balances::balance(who)
}

#[test]
fn a_private_business_licenses_within_the_floor_and_never_spends_the_treasury_or_sets_consent() {
	run(|| {
		let mut business = settings();
		business.governance =
			Governance::Operator { operator: OPERATOR.to_account_id(), operator_share: pct(30) };
		business.members_share = pct(50);
		let cohort = cohort_with_clinic_and(business);
		for (member, n, units) in [(Dave, 1u8, 40u64), (Eve, 2, 60)] {
			joins(cohort, member, n);
			shares_data_for_ai_training(cohort, member, units);
		}

		// The operator runs the data and the licences, paying the deposits.
		let operator = || signed(OPERATOR);
		assert_ok!(register_dataset_call(cohort).dispatch_bypass_filter(operator()));
		let price = 1_000 * UNIT;
		assert_ok!(
			publish_offer_call(Purpose::AiTraining, price).dispatch_bypass_filter(operator())
		);
		assert_ok!(DataLicensing::request(signed(PHARMA), 0));
		let treasury = pallet_cohorts::Pallet::<Runtime>::treasury_account(cohort);
		let (treasury_before, platform_before, operator_before) = (
			balance(&treasury),
			balance(&PlatformAccount::get()),
			balance(&OPERATOR.to_account_id()),
		);
		let why = H256::repeat_byte(0x99);
		assert_ok!(DataLicensing::approve(operator(), 0, why));

		// Members 50% (500 by units: Dave 200, Eve 300), operator 30%, platform 5%, treasury 15%.
		assert_eq!(balance(&OPERATOR.to_account_id()) - operator_before, 300 * UNIT);
		assert_eq!(balance(&PlatformAccount::get()) - platform_before, 50 * UNIT);
		assert_eq!(balance(&treasury) - treasury_before, 150 * UNIT);
		let ai = Purpose::AiTraining.index();
		assert_eq!(Royalties::pending(cohort, &Dave.to_account_id())[ai], 200 * UNIT);
		assert_eq!(Royalties::pending(cohort, &Eve.to_account_id())[ai], 300 * UNIT);
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::DataLicensing(pallet_data_licensing::Event::LicenceApproved {
				rationale, operator_share, ..
			}) if *rationale == why && *operator_share == 300 * UNIT
		)));
		let summary = cohort_runtime::cohort_api::cohort(cohort).unwrap();
		assert_eq!(summary.operator, Some(OPERATOR.to_account_id()));
		assert_eq!(summary.revenue_split.operator, pct(30));

		// Below the council's floor (50% at genesis): refused.
		assert_noop!(
			Cohorts::set_revenue_split(operator(), cohort, pct(45), pct(30)),
			pallet_cohorts::Error::<Runtime>::MembersShareBelowFloor
		);
		assert_ok!(Cohorts::set_revenue_split(operator(), cohort, pct(60), pct(20)));

		// The operator cannot spend the treasury, change the settings or anyone's consent.
		assert_noop!(
			Cohorts::spend(operator(), cohort, OPERATOR.to_account_id(), UNIT),
			pallet_cohorts::Error::<Runtime>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::update_cohort(operator(), cohort, settings()),
			pallet_cohorts::Error::<Runtime>::NotCohortAuthority
		);
		assert_noop!(
			Membership::set_consent(operator(), cohort, Consent::only(&Purpose::ALL)),
			pallet_cohort_membership::Error::<Runtime>::NotMember
		);
		// The members can: they spend the treasury by vote and keep their personal rights.
		let before = balance(&Charlie.to_account_id());
		members_decide(
			cohort,
			RuntimeCall::Cohorts(pallet_cohorts::Call::spend {
				cohort,
				beneficiary: Charlie.to_account_id(),
				amount: 100 * UNIT,
			}),
		);
		assert_eq!(balance(&Charlie.to_account_id()) - before, 100 * UNIT);
		assert_ok!(Membership::set_consent(signed(Eve), cohort, Consent::NONE));
		assert_ok!(Royalties::claim(signed(Dave), cohort));
		let paying = cohort_runtime::cohort_api::licences_paying(cohort, Dave.to_account_id(), 10);
		assert_eq!(
			paying.iter().map(|l| l.licensee.clone()).collect::<Vec<_>>(),
			vec![PHARMA.to_account_id()]
		);
	});
}

#[test]
fn research_that_cannot_pay_keeps_access_free_or_sponsored_by_the_members() {
	run(|| {
		let cohort = cohort_with_clinic();
		let public_interest = Consent::only(&[Purpose::AcademicResearch, Purpose::PublicHealth]);
		for (member, n, units) in [(Dave, 1u8, 40u64), (Eve, 2, 60)] {
			joins(cohort, member, n);
			assert_ok!(Membership::set_consent(signed(member), cohort, public_interest));
			assert_ok!(Membership::record_contribution(
				signed(CLINIC),
				cohort,
				member.to_account_id(),
				units
			));
		}
		let treasury = pallet_cohorts::Pallet::<Runtime>::treasury_account(cohort);
		assert_ok!(Balances::transfer_keep_alive(
			signed(Bob),
			treasury.clone().into(),
			1_000 * UNIT
		));
		members_decide(cohort, register_dataset_call(cohort));

		// Commercial offers keep a price.
		let members = || -> RuntimeOrigin { pallet_cohorts::Origin::Members(cohort).into() };
		assert_noop!(
			DataLicensing::publish_offer(
				members(),
				0,
				Purpose::CommercialResearch,
				0,
				1_000,
				H256::zero()
			),
			pallet_data_licensing::Error::<Runtime>::PriceRequired
		);

		// A free academic licence: no escrow, the same review and k-floor, the same grant.
		members_decide(cohort, publish_offer_call(Purpose::AcademicResearch, 0));
		let university_before = balance(&UNIVERSITY.to_account_id());
		assert_ok!(DataLicensing::request(signed(UNIVERSITY), 0));
		members_decide(
			cohort,
			RuntimeCall::DataLicensing(pallet_data_licensing::Call::approve {
				request: 0,
				rationale: H256::zero(),
			}),
		);
		let deposit = <Runtime as pallet_data_licensing::Config>::RequestDeposit::get();
		assert_eq!(balance(&UNIVERSITY.to_account_id()), university_before - deposit);
		assert!(DataLicensing::live_grant(
			0,
			&UNIVERSITY.to_account_id(),
			Purpose::AcademicResearch
		)
		.is_some());

		// A public-health licence the members pay for from their treasury, into the same
		// settlement: they earn royalties from research they chose to support.
		let price = 100 * UNIT;
		members_decide(cohort, publish_offer_call(Purpose::PublicHealth, price));
		let agency_before = balance(&HEALTH_AGENCY.to_account_id());
		assert_ok!(DataLicensing::request_sponsorship(signed(HEALTH_AGENCY), 1));
		let treasury_before = balance(&treasury);
		members_decide(
			cohort,
			RuntimeCall::DataLicensing(pallet_data_licensing::Call::sponsor { request: 1 }),
		);
		assert_eq!(treasury_before - balance(&treasury), price);
		members_decide(
			cohort,
			RuntimeCall::DataLicensing(pallet_data_licensing::Call::approve {
				request: 1,
				rationale: H256::zero(),
			}),
		);
		assert_eq!(balance(&HEALTH_AGENCY.to_account_id()), agency_before - deposit);
		// 70 to the members (Dave 28, Eve 42), 25 back to the treasury, 5 to the platform.
		assert_eq!(treasury_before - balance(&treasury), 75 * UNIT);
		let health = Purpose::PublicHealth.index();
		assert_eq!(Royalties::pending(cohort, &Dave.to_account_id())[health], 28 * UNIT);
		assert_eq!(Royalties::pending(cohort, &Eve.to_account_id())[health], 42 * UNIT);
	});
}

#[test]
fn a_trust_member_leaves_consent_to_the_trustees_earns_by_it_and_sees_what_came_of_it() {
	run(|| {
		let mut trust = settings();
		trust.governance = Governance::DataTrust { trustees: TRUSTEES.to_account_id() };
		let cohort = cohort_with_clinic_and(trust);
		joins(cohort, Dave, 1);
		assert_ok!(Membership::record_contribution(
			signed(CLINIC),
			cohort,
			Dave.to_account_id(),
			40
		));
		assert_ok!(Membership::delegate_consent(signed(Dave), cohort));
		joins(cohort, Eve, 2);
		shares_data_for_ai_training(cohort, Eve, 60);
		// Delegating needs a data trust; only the trustees decide for those who delegate.
		assert_noop!(
			Membership::set_trustee_consent(signed(Eve), cohort, Consent::NONE),
			sp_runtime::DispatchError::BadOrigin
		);

		let trustees = || signed(TRUSTEES);
		assert_ok!(register_dataset_call(cohort).dispatch_bypass_filter(trustees()));
		assert_ok!(publish_offer_call(Purpose::AiTraining, 1_000 * UNIT)
			.dispatch_bypass_filter(trustees()));
		assert_ok!(DataLicensing::request(signed(PHARMA), 0));
		// Only Eve consents to AI training yet: below the k-anonymity floor of 2.
		assert_noop!(
			DataLicensing::approve(trustees(), 0, H256::repeat_byte(1)),
			pallet_data_licensing::Error::<Runtime>::BelowKAnonymityFloor
		);
		// One call sets the consent of everyone who left it to the trustees.
		assert_ok!(Membership::set_trustee_consent(
			trustees(),
			cohort,
			Consent::only(&[Purpose::AiTraining])
		));
		let summary = cohort_runtime::cohort_api::cohort(cohort).unwrap();
		assert_eq!((summary.consenting_members, summary.delegating_members), ([0, 0, 2, 0], 1));
		let dave = cohort_runtime::cohort_api::membership(cohort, Dave.to_account_id()).unwrap();
		assert!(dave.delegated);
		assert_eq!(dave.consent, Consent::only(&[Purpose::AiTraining]));
		assert_ok!(DataLicensing::approve(trustees(), 0, H256::repeat_byte(1)));
		// 700 among 100 units: Dave 280 through the trustees, Eve 420 on her own.
		let ai = Purpose::AiTraining.index();
		assert_eq!(Royalties::pending(cohort, &Dave.to_account_id())[ai], 280 * UNIT);
		assert_eq!(Royalties::pending(cohort, &Eve.to_account_id())[ai], 420 * UNIT);

		// Pharma reports what came of it; the trustees publish an insight; Dave sees both.
		let paper = H256::repeat_byte(0xd0);
		assert_ok!(DataLicensing::report_outcome(
			signed(PHARMA),
			0,
			Purpose::AiTraining,
			paper,
			pallet_data_licensing::OutcomeKind::Publication
		));
		assert_ok!(DataLicensing::publish_insight(
			trustees(),
			cohort,
			H256::repeat_byte(0x15),
			b"bafy-insight".to_vec().try_into().unwrap()
		));
		let feedback =
			cohort_runtime::cohort_api::what_came_of_my_data(cohort, Dave.to_account_id(), 10);
		assert_eq!(feedback.licences.len(), 1);
		let (licence, outcomes) = &feedback.licences[0];
		assert_eq!((licence.request, licence.licensee.clone()), (0, PHARMA.to_account_id()));
		assert_eq!(outcomes.len(), 1);
		assert_eq!((outcomes[0].outcome_hash, outcomes[0].number), (paper, 0));
		assert_eq!(feedback.insights.len(), 1);
		assert_eq!(feedback.insights[0].locator, b"bafy-insight".to_vec());
		assert_eq!(cohort_runtime::cohort_api::cohort_outcomes(cohort, 10).len(), 1);

		// Dave takes his consent back, to nothing: the next licence pays Eve alone.
		assert_ok!(Membership::set_consent(signed(Dave), cohort, Consent::NONE));
		assert_ok!(DataLicensing::request(signed(UNIVERSITY), 0));
		assert_noop!(
			DataLicensing::approve(trustees(), 1, H256::repeat_byte(2)),
			pallet_data_licensing::Error::<Runtime>::BelowKAnonymityFloor
		);
	});
}
