use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn members_publish_an_offer() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let id = offer(dataset, Purpose::CommercialResearch);
		let offer = Offers::<Test>::get(id).unwrap();
		assert_eq!(offer.dataset, dataset);
		assert_eq!(offer.cohort, COHORT);
		assert_eq!(offer.purpose, Purpose::CommercialResearch);
		assert_eq!(
			(offer.price, offer.access_duration, offer.terms_hash),
			(PRICE, DURATION, terms())
		);
		assert_eq!((offer.depositor, offer.deposit), (TREASURY, OFFER_DEPOSIT));
		assert_eq!(Datasets::<Test>::get(dataset).unwrap().offers, 1);
		assert_eq!(held(HoldReason::DataRecord, TREASURY), DATASET_DEPOSIT + OFFER_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::OfferPublished {
				offer: id,
				dataset,
				purpose: Purpose::CommercialResearch,
				price: PRICE,
				access_duration: DURATION,
				terms_hash: terms(),
			}
			.into()
		);
	});
}

#[test]
fn offers_need_a_price_a_duration_and_room() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let publish = |price, duration| {
			Licensing::publish_offer(
				members(COHORT),
				dataset,
				Purpose::AiTraining,
				price,
				duration,
				terms(),
			)
		};
		assert_noop!(publish(0, DURATION), Error::<Test>::PriceRequired);
		assert_noop!(publish(PRICE, 0), Error::<Test>::InvalidOffer);
		for _ in 0..MAX_OFFERS {
			assert_ok!(publish(PRICE, DURATION));
		}
		assert_noop!(publish(PRICE, DURATION), Error::<Test>::TooManyOffers);
	});
}

#[test]
fn offers_need_the_cohort_origin_and_a_live_dataset_of_an_active_cohort() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let publish = |origin, dataset| {
			Licensing::publish_offer(origin, dataset, Purpose::AiTraining, PRICE, DURATION, terms())
		};
		assert_noop!(
			publish(RuntimeOrigin::signed(PHARMA), dataset),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(publish(members(COHORT), dataset + 1), Error::<Test>::UnknownDataset);
		freeze(COHORT);
		assert_noop!(publish(members(COHORT), dataset), Error::<Test>::CohortFrozen);
	});
}

#[test]
fn a_retired_dataset_takes_no_offers() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		assert_ok!(Licensing::retire_dataset(members(COHORT), dataset));
		assert_noop!(
			Licensing::publish_offer(
				members(COHORT),
				dataset,
				Purpose::AiTraining,
				PRICE,
				DURATION,
				terms()
			),
			Error::<Test>::DatasetRetired
		);
	});
}
