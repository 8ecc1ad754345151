//! A private-business cohort licenses through its operator, who is paid its share of the
//! split; trustees and operators put their reasons on the record.

use crate::{mock::*, *};
use cohort_test_kit::MockCohorts;
use frame_support::{assert_noop, assert_ok};

/// OPERATOR registers a dataset of OPERATOR_COHORT and offers it for AI training; PHARMA
/// requests it. Returns (dataset, request).
fn operator_licence_requested() -> (DatasetId, RequestId) {
	let operator = RuntimeOrigin::signed(OPERATOR);
	let (dataset, offer) = dataset_offered(operator, OPERATOR_COHORT, Purpose::AiTraining, PRICE);
	(dataset, request(PHARMA, offer))
}

#[test]
fn an_operator_licenses_the_data_pays_the_deposits_and_takes_its_share() {
	new_test_ext().execute_with(|| {
		let (dataset, id) = operator_licence_requested();
		assert_eq!(
			held(HoldReason::DataRecord, OPERATOR),
			DATASET_DEPOSIT + OFFER_DEPOSIT,
			"the operator pays for the records it makes"
		);
		let (operator, treasury) =
			(free(OPERATOR), free(cohort_test_kit::treasury(OPERATOR_COHORT)));
		assert_ok!(Licensing::approve(RuntimeOrigin::signed(OPERATOR), id, rationale()));

		// 50% to the members, 5% to the platform, 30% to the operator, 15% to the treasury.
		assert_eq!(royalties(), vec![(OPERATOR_COHORT, Purpose::AiTraining, 5_000)]);
		assert_eq!(free(PLATFORM), ED + 500);
		assert_eq!(free(OPERATOR), operator + 3_000);
		assert_eq!(free(cohort_test_kit::treasury(OPERATOR_COHORT)), treasury + 1_500);
		assert!(has_event(Event::LicenceApproved {
			request: id,
			licensee: PHARMA,
			dataset,
			cohort: OPERATOR_COHORT,
			purpose: Purpose::AiTraining,
			members_share: 5_000,
			treasury_share: 1_500,
			platform_share: 500,
			operator_share: 3_000,
			rationale: rationale(),
		}));
		Licensing::do_try_state().expect("invariants hold");
	});
}

#[test]
fn the_members_of_an_operators_cohort_do_not_decide_its_licences() {
	new_test_ext().execute_with(|| {
		let (_, id) = operator_licence_requested();
		// The mock's cohort origin lets the members act only where no one else decides the
		// data; pallet-cohorts' own tests check the real rule.
		assert_noop!(
			Licensing::approve(RuntimeOrigin::signed(TRUSTEES), id, rationale()),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::reject(RuntimeOrigin::signed(PHARMA), id, rationale()),
			sp_runtime::traits::BadOrigin
		);
		Licensing::do_try_state().expect("invariants hold");
	});
}

#[test]
fn an_operator_share_its_account_cannot_take_goes_to_the_treasury() {
	new_test_ext().execute_with(|| {
		// A new operator without an account; a licence whose operator share (3 of 10) is below
		// the existential deposit, so no account can be opened with it.
		let newcomer = NOBODY + 100;
		MockCohorts::update(OPERATOR_COHORT, |c| c.operator = Some(newcomer));
		// (The mock's cohort origin lets the members act here too; the newcomer cannot pay.)
		let (dataset, offer) =
			dataset_offered(members(OPERATOR_COHORT), OPERATOR_COHORT, Purpose::AiTraining, 10);
		let id = request(PHARMA, offer);
		let treasury = free(cohort_test_kit::treasury(OPERATOR_COHORT));
		assert_ok!(Licensing::approve(members(OPERATOR_COHORT), id, rationale()));

		// Members 5, platform 0 (rounded down), operator 3 → treasury, treasury 2 + 3.
		assert_eq!(free(newcomer), 0);
		assert_eq!(free(cohort_test_kit::treasury(OPERATOR_COHORT)), treasury + 5);
		assert!(has_event(Event::LicenceApproved {
			request: id,
			licensee: PHARMA,
			dataset,
			cohort: OPERATOR_COHORT,
			purpose: Purpose::AiTraining,
			members_share: 5,
			treasury_share: 5,
			platform_share: 0,
			operator_share: 0,
			rationale: rationale(),
		}));
		Licensing::do_try_state().expect("invariants hold");
	});
}

#[test]
fn trustees_decisions_carry_their_rationale() {
	new_test_ext().execute_with(|| {
		let trustees = || RuntimeOrigin::signed(TRUSTEES);
		let (_, offer) =
			dataset_offered(trustees(), TRUST_COHORT, Purpose::CommercialResearch, PRICE);
		let id = request(PHARMA, offer);
		let why = sp_core::H256::repeat_byte(0x77);
		assert_ok!(Licensing::reject(trustees(), id, why));
		assert_eq!(
			last_event(),
			Event::LicenceRejected { request: id, licensee: PHARMA, rationale: why }.into()
		);
		Licensing::do_try_state().expect("invariants hold");
	});
}
