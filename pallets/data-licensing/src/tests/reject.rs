use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn rejection_releases_the_escrow() {
	ExtBuilder::requested().build_and_execute(|| {
		let dataset = FIRST_ID;
		let id = FIRST_ID;
		assert_ok!(Licensing::reject(members(COHORT), id, rationale()));
		assert!(Requests::<Test>::get(id).is_none());
		assert_eq!(held(HoldReason::Escrow, PHARMA), 0);
		assert_eq!(held(HoldReason::LicenceRecord, PHARMA), 0);
		assert_eq!(free(PHARMA), FUNDS);
		assert!(Grants::<Test>::get((dataset, PHARMA, Purpose::AiTraining)).is_none());
		assert_eq!(
			last_event(),
			Event::LicenceRejected { request: id, licensee: PHARMA, rationale: rationale() }.into()
		);
	});
}

#[test]
fn only_the_cohort_rejects() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		assert_noop!(
			Licensing::reject(RuntimeOrigin::signed(PHARMA), id, rationale()),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::reject(members(COHORT), id + 1, rationale()),
			Error::<Test>::UnknownRequest
		);
	});
}
