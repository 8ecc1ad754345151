use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_licensee_requests_and_the_price_is_held_not_moved() {
	ExtBuilder::default().build_and_execute(|| {
		let (dataset, offer, id) = requested();
		let request = Requests::<Test>::get(id).unwrap();
		assert_eq!(request.licensee, PHARMA);
		assert_eq!((request.offer, request.dataset, request.cohort), (offer, dataset, COHORT));
		assert_eq!((request.purpose, request.price), (Purpose::AiTraining, PRICE));
		assert_eq!((request.access_duration, request.submitted_at), (DURATION, 1));
		assert_eq!(held(HoldReason::Escrow, PHARMA), PRICE);
		assert_eq!(held(HoldReason::LicenceRecord, PHARMA), REQUEST_DEPOSIT);
		assert_eq!(free(PHARMA), FUNDS - PRICE - REQUEST_DEPOSIT);
		assert_eq!(free(TREASURY), FUNDS - DATASET_DEPOSIT - OFFER_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::LicenceRequested {
				request: id,
				licensee: PHARMA,
				offer,
				dataset,
				price: PRICE,
				sponsorship_asked: false,
			}
			.into()
		);
	});
}

#[test]
fn requests_need_a_live_offer_of_an_active_cohort_and_the_funds() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let id = offer(dataset, Purpose::AiTraining);
		assert_noop!(
			Licensing::request(RuntimeOrigin::signed(PHARMA), id + 1),
			Error::<Test>::UnknownOffer
		);
		// POOR has the price but not the deposit on top.
		assert_noop!(
			Licensing::request(RuntimeOrigin::signed(POOR), id),
			Error::<Test>::InsufficientFunds
		);
		assert_noop!(Licensing::request(RuntimeOrigin::none(), id), sp_runtime::traits::BadOrigin);
		freeze(COHORT);
		assert_noop!(
			Licensing::request(RuntimeOrigin::signed(PHARMA), id),
			Error::<Test>::CohortFrozen
		);
	});
}

#[test]
fn a_retired_dataset_takes_no_requests() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let id = offer(dataset, Purpose::AiTraining);
		assert_ok!(Licensing::retire_dataset(members(COHORT), dataset));
		assert_noop!(
			Licensing::request(RuntimeOrigin::signed(PHARMA), id),
			Error::<Test>::DatasetRetired
		);
	});
}
