use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn without_a_decision_the_licensee_withdraws_after_the_review_period() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		run_to(1 + REVIEW_PERIOD - 1);
		assert_noop!(
			Licensing::withdraw_request(RuntimeOrigin::signed(PHARMA), id),
			Error::<Test>::ReviewPending
		);
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Licensing::withdraw_request(RuntimeOrigin::signed(PHARMA), id));
		assert_eq!(free(PHARMA), FUNDS);
		assert_eq!(held(HoldReason::Escrow, PHARMA), 0);
		assert_eq!(last_event(), Event::RequestWithdrawn { request: id, licensee: PHARMA }.into());
	});
}

#[test]
fn only_the_licensee_withdraws_their_request() {
	ExtBuilder::requested().build_and_execute(|| {
		let id = FIRST_ID;
		run_to(1 + REVIEW_PERIOD);
		assert_noop!(
			Licensing::withdraw_request(RuntimeOrigin::signed(AI_LAB), id),
			Error::<Test>::NotLicensee
		);
		assert_noop!(
			Licensing::withdraw_request(RuntimeOrigin::signed(PHARMA), id + 1),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			Licensing::withdraw_request(RuntimeOrigin::none(), id),
			sp_runtime::traits::BadOrigin
		);
	});
}
