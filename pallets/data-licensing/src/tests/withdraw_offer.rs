use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn members_withdraw_an_offer_and_its_deposit_is_released() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let id = offer(dataset, Purpose::AiTraining);
		assert_ok!(Licensing::withdraw_offer(members(COHORT), id));
		assert!(Offers::<Test>::get(id).is_none());
		assert_eq!(Datasets::<Test>::get(dataset).unwrap().offers, 0);
		assert_eq!(held(HoldReason::DataRecord, TREASURY), DATASET_DEPOSIT);
		assert_eq!(last_event(), Event::OfferWithdrawn { offer: id }.into());
	});
}

#[test]
fn only_the_cohort_withdraws_its_offers() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer(register(), Purpose::AiTraining);
		assert_noop!(
			Licensing::withdraw_offer(RuntimeOrigin::signed(PHARMA), id),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::withdraw_offer(members(COHORT), id + 1),
			Error::<Test>::UnknownOffer
		);
	});
}
