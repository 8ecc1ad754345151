use crate::{mock::*, *};
use cohort_primitives::IssuerCredentials;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn finding_1_an_issuer_withdraws_the_credentials_it_handed_out() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Cohorts::credentials_valid_from(&CLINIC), Some(1));
		frame_system::Pallet::<Test>::set_block_number(7);
		assert_ok!(Cohorts::withdraw_credentials(RuntimeOrigin::signed(CLINIC)));
		// Credentials issued until block 7 no longer count; from block 8 on they do.
		assert_eq!(Cohorts::credentials_valid_from(&CLINIC), Some(8));
		assert_eq!(
			last_event(),
			Event::CredentialsWithdrawn { issuer: CLINIC, valid_from: 8 }.into()
		);
	});
}

#[test]
fn only_an_approved_issuer_withdraws_credentials() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::withdraw_credentials(RuntimeOrigin::signed(REGISTRY)),
			Error::<Test>::NotApprovedIssuer
		);
		assert_noop!(
			Cohorts::withdraw_credentials(RuntimeOrigin::root()),
			DispatchError::BadOrigin
		);
		assert_eq!(Cohorts::credentials_valid_from(&REGISTRY), None);
	});
}
