use crate::{mock::*, Error, Event, Issuers};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn the_council_approves_an_issuer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Cohorts::approve_issuer(council(), REGISTRY));
		assert_eq!(Issuers::<Test>::get(REGISTRY).map(|i| i.approved_at), Some(1));
		assert_eq!(last_event(), Event::IssuerApproved { issuer: REGISTRY }.into());
	});
}

#[test]
fn only_the_council_approves() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::approve_issuer(RuntimeOrigin::signed(ALICE), REGISTRY),
			DispatchError::BadOrigin
		);
		assert_noop!(Cohorts::approve_issuer(members(0), REGISTRY), DispatchError::BadOrigin);
	});
}

#[test]
fn an_issuer_is_approved_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::approve_issuer(council(), CLINIC),
			Error::<Test>::IssuerAlreadyApproved
		);
	});
}
