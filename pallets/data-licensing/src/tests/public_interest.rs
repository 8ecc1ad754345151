//! Access for research that cannot pay: free academic and public-health offers, and requests a
//! cohort's members pay for from their treasury (`sponsor`).

use crate::{mock::*, *};
use cohort_test_kit::MockCohorts;
use frame_support::{assert_noop, assert_ok};

/// COHORT's members publish an offer for `purpose` at `price`; returns its id.
fn offer_at(dataset: DatasetId, purpose: Purpose, price: Balance) -> OfferId {
	let id = NextOfferId::<Test>::get();
	assert_ok!(Licensing::publish_offer(
		members(COHORT),
		dataset,
		purpose,
		price,
		DURATION,
		terms()
	));
	id
}

#[test]
fn only_public_interest_offers_may_be_free() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		for purpose in [Purpose::CommercialResearch, Purpose::AiTraining] {
			assert_noop!(
				Licensing::publish_offer(members(COHORT), dataset, purpose, 0, DURATION, terms()),
				Error::<Test>::PriceRequired
			);
		}
		let academic = offer_at(dataset, Purpose::AcademicResearch, 0);
		let public_health = offer_at(dataset, Purpose::PublicHealth, 0);
		assert_eq!(Offers::<Test>::get(academic).map(|o| o.price), Some(0));
		assert_eq!(Offers::<Test>::get(public_health).map(|o| o.price), Some(0));
	});
}

#[test]
fn a_free_licence_takes_the_same_review_k_floor_and_grant_without_escrow() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer = offer_at(dataset, Purpose::AcademicResearch, 0);
		let (treasury, platform) = (free(TREASURY), free(PLATFORM));
		let id = request(POOR, offer);
		assert_eq!(held(HoldReason::Escrow, POOR), 0);
		assert_eq!(held(HoldReason::LicenceRecord, POOR), REQUEST_DEPOSIT);

		set_consenting(COHORT, Purpose::AcademicResearch, K_FLOOR - 1);
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::BelowKAnonymityFloor
		);
		set_consenting(COHORT, Purpose::AcademicResearch, K_FLOOR);
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));

		assert!(royalties().is_empty(), "nothing paid, nothing to share");
		assert_eq!((free(TREASURY), free(PLATFORM)), (treasury, platform));
		assert_eq!(
			Licensing::live_grant(dataset, &POOR, Purpose::AcademicResearch),
			Some(1 + DURATION)
		);
		assert!(has_event(Event::LicenceApproved {
			request: id,
			licensee: POOR,
			dataset,
			cohort: COHORT,
			purpose: Purpose::AcademicResearch,
			members_share: 0,
			treasury_share: 0,
			platform_share: 0,
			operator_share: 0,
			rationale: rationale(),
		}));
	});
}

#[test]
fn members_sponsor_a_request_and_still_earn_royalties_from_it() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer = offer_at(dataset, Purpose::PublicHealth, PRICE);
		let id = request(AI_LAB, offer);
		let (lab, treasury) = (free(AI_LAB), free(TREASURY));

		assert_ok!(Licensing::sponsor(members(COHORT), id));
		assert_eq!(
			last_event(),
			Event::RequestSponsored { request: id, cohort: COHORT, price: PRICE }.into()
		);
		// The price moved from the licensee's escrow to the treasury's.
		assert_eq!(free(AI_LAB), lab + PRICE);
		assert_eq!(held(HoldReason::Escrow, AI_LAB), 0);
		assert_eq!(held(HoldReason::Escrow, TREASURY), PRICE);
		assert_eq!(free(TREASURY), treasury - PRICE);
		assert_eq!(Requests::<Test>::get(id).and_then(|r| r.payer), Some(TREASURY));

		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
		// The same settlement: 70% to the members' pool, 5% to the platform, 25% back.
		assert_eq!(royalties(), vec![(COHORT, Purpose::PublicHealth, 7_000)]);
		assert_eq!(free(PLATFORM), ED + 500);
		assert_eq!(free(TREASURY), treasury - PRICE + 2_500);
		assert_eq!(held(HoldReason::Escrow, TREASURY), 0);
		assert_eq!(free(AI_LAB), lab + PRICE, "the licensee paid nothing");
		assert!(Licensing::live_grant(dataset, &AI_LAB, Purpose::PublicHealth).is_some());
	});
}

#[test]
fn a_sponsored_request_rejected_or_withdrawn_returns_the_price_to_the_treasury() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer = offer_at(dataset, Purpose::AcademicResearch, PRICE);
		let (first, second) = (request(AI_LAB, offer), request(NOBODY, offer));
		let treasury = free(TREASURY);
		assert_ok!(Licensing::sponsor(members(COHORT), first));
		assert_ok!(Licensing::sponsor(members(COHORT), second));
		assert_eq!(free(TREASURY), treasury - 2 * PRICE);

		assert_ok!(Licensing::reject(members(COHORT), first, rationale()));
		assert_eq!(free(TREASURY), treasury - PRICE);
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Licensing::withdraw_request(RuntimeOrigin::signed(NOBODY), second));
		assert_eq!(free(TREASURY), treasury);
		assert_eq!(held(HoldReason::Escrow, TREASURY), 0);
	});
}

#[test]
fn only_the_members_sponsor_public_interest_requests_with_a_price_once() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let commercial = request(PHARMA, offer_at(dataset, Purpose::CommercialResearch, PRICE));
		let free_one = request(POOR, offer_at(dataset, Purpose::AcademicResearch, 0));
		assert_noop!(
			Licensing::sponsor(members(COHORT), commercial),
			Error::<Test>::NotSponsorable
		);
		assert_noop!(
			Licensing::sponsor(members(COHORT), free_one),
			Error::<Test>::NothingToSponsor
		);
		assert_noop!(Licensing::sponsor(members(COHORT), 99), Error::<Test>::UnknownRequest);
		assert_noop!(
			Licensing::sponsor(members(TRUST_COHORT), commercial),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::sponsor(RuntimeOrigin::signed(PHARMA), commercial),
			sp_runtime::traits::BadOrigin
		);
	});
}

#[test]
fn trustees_and_operators_cannot_spend_a_treasury_on_a_request() {
	new_test_ext().execute_with(|| {
		for (cohort, manager) in [(TRUST_COHORT, TRUSTEES), (OPERATOR_COHORT, OPERATOR)] {
			let origin = RuntimeOrigin::signed(manager);
			let (_, offer) =
				dataset_offered(origin.clone(), cohort, Purpose::AcademicResearch, PRICE);
			let id = request(AI_LAB, offer);
			assert_noop!(Licensing::sponsor(origin, id), sp_runtime::traits::BadOrigin);
			assert_ok!(Licensing::sponsor(members(cohort), id));
		}
		Licensing::do_try_state().expect("invariants hold");
	});
}

#[test]
fn sponsoring_needs_an_active_cohort_the_review_period_and_treasury_funds() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer = offer_at(dataset, Purpose::AcademicResearch, PRICE);
		let id = request(AI_LAB, offer);

		// All but the existential deposit leaves the treasury: it cannot hold the price.
		let spare = free(TREASURY) - ED;
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(TREASURY), NOBODY, spare));
		assert_noop!(Licensing::sponsor(members(COHORT), id), Error::<Test>::InsufficientTreasury);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(NOBODY), TREASURY, spare));

		freeze(COHORT);
		assert_noop!(Licensing::sponsor(members(COHORT), id), Error::<Test>::CohortFrozen);
		MockCohorts::unfreeze(COHORT);

		assert_ok!(Licensing::sponsor(members(COHORT), id));
		assert_noop!(Licensing::sponsor(members(COHORT), id), Error::<Test>::AlreadySponsored);

		let late = request(PHARMA, offer);
		run_to(System::block_number() + REVIEW_PERIOD);
		assert_noop!(Licensing::sponsor(members(COHORT), late), Error::<Test>::ReviewPeriodOver);
	});
}

#[test]
fn research_that_cannot_pay_asks_the_cohort_to_sponsor_it() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer = offer_at(dataset, Purpose::PublicHealth, PRICE);
		// POOR holds less than the price: it asks the cohort instead, holding the deposit only.
		let id = NextRequestId::<Test>::get();
		assert_ok!(Licensing::request_sponsorship(RuntimeOrigin::signed(POOR), offer));
		assert_eq!(
			last_event(),
			Event::LicenceRequested {
				request: id,
				licensee: POOR,
				offer,
				dataset,
				price: PRICE,
				sponsorship_asked: true,
			}
			.into()
		);
		assert_eq!(held(HoldReason::Escrow, POOR), 0);
		assert_eq!(held(HoldReason::LicenceRecord, POOR), REQUEST_DEPOSIT);
		assert_eq!(Requests::<Test>::get(id).and_then(|r| r.payer), None);
		// Unpaid, it cannot be approved.
		assert_noop!(
			Licensing::approve(members(COHORT), id, rationale()),
			Error::<Test>::AwaitingSponsor
		);
		let treasury = free(TREASURY);
		assert_ok!(Licensing::sponsor(members(COHORT), id));
		assert_eq!(free(TREASURY), treasury - PRICE);
		assert_ok!(Licensing::approve(members(COHORT), id, rationale()));
		assert_eq!(royalties(), vec![(COHORT, Purpose::PublicHealth, 7_000)]);
		assert!(Licensing::live_grant(dataset, &POOR, Purpose::PublicHealth).is_some());
	});
}

#[test]
fn an_unsponsored_request_lapses_leaving_nothing_held() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let offer = offer_at(FIRST_ID, Purpose::AcademicResearch, PRICE);
		let id = NextRequestId::<Test>::get();
		assert_ok!(Licensing::request_sponsorship(RuntimeOrigin::signed(POOR), offer));
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Licensing::withdraw_request(RuntimeOrigin::signed(POOR), id));
		assert_eq!(held(HoldReason::LicenceRecord, POOR), 0);
		assert_eq!(free(POOR), PRICE);
	});
}

#[test]
fn sponsorship_is_asked_only_for_public_interest_offers_with_a_price() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let commercial = offer_at(FIRST_ID, Purpose::AiTraining, PRICE);
		let free_offer = offer_at(FIRST_ID, Purpose::AcademicResearch, 0);
		assert_noop!(
			Licensing::request_sponsorship(RuntimeOrigin::signed(POOR), commercial),
			Error::<Test>::NotSponsorable
		);
		assert_noop!(
			Licensing::request_sponsorship(RuntimeOrigin::signed(POOR), free_offer),
			Error::<Test>::NothingToSponsor
		);
		assert_noop!(
			Licensing::request_sponsorship(RuntimeOrigin::signed(POOR), 99),
			Error::<Test>::UnknownOffer
		);
	});
}
