//! `register_dataset`, `publish_version`, `retire_dataset`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::Mutate};

#[test]
fn members_register_a_dataset_paid_by_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register();
		let dataset = Datasets::<Test>::get(id).unwrap();
		assert_eq!(dataset.cohort, COHORT);
		assert_eq!(dataset.content_hash, content());
		assert_eq!(dataset.schema_tags, tags());
		assert_eq!(dataset.locator, locator());
		assert_eq!((dataset.record_count, dataset.version), (RECORDS, 1));
		assert_eq!(dataset.status, DatasetStatus::Active);
		assert_eq!((dataset.depositor, dataset.deposit), (TREASURY, DATASET_DEPOSIT));
		assert_eq!(held(HoldReason::DataRecord, TREASURY), DATASET_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::DatasetRegistered {
				dataset: id,
				cohort: COHORT,
				content_hash: content(),
				record_count: RECORDS
			}
			.into()
		);
	});
}

#[test]
fn trustees_register_for_a_data_trust_and_pay_themselves() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Licensing::register_dataset(
			RuntimeOrigin::signed(TRUSTEES),
			TRUST_COHORT,
			content(),
			tags(),
			locator(),
			RECORDS
		));
		assert_eq!(Datasets::<Test>::get(0).unwrap().depositor, TRUSTEES);
		assert_eq!(held(HoldReason::DataRecord, TRUSTEES), DATASET_DEPOSIT);
	});
}

#[test]
fn registering_needs_the_cohort_origin_an_active_cohort_and_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let register_as = |origin, cohort| {
			Licensing::register_dataset(origin, cohort, content(), tags(), locator(), RECORDS)
		};
		assert_noop!(
			register_as(RuntimeOrigin::signed(PHARMA), COHORT),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			register_as(RuntimeOrigin::signed(TRUSTEES), COHORT),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			register_as(members(UNKNOWN_COHORT), UNKNOWN_COHORT),
			Error::<Test>::UnknownCohort
		);
		let _ = Balances::set_balance(&TREASURY, ED);
		assert_noop!(register_as(members(COHORT), COHORT), Error::<Test>::InsufficientFunds);
		freeze(COHORT);
		assert_noop!(register_as(members(COHORT), COHORT), Error::<Test>::CohortFrozen);
	});
}

#[test]
fn dataset_ids_do_not_overflow() {
	ExtBuilder::default().build_and_execute(|| {
		NextDatasetId::<Test>::put(DatasetId::MAX);
		assert_noop!(
			Licensing::register_dataset(members(COHORT), COHORT, content(), tags(), locator(), 1),
			Error::<Test>::IdOverflow
		);
	});
}

#[test]
fn members_publish_a_new_version() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let id = FIRST_ID;
		let new_content = sp_core::H256::repeat_byte(0xc1);
		assert_ok!(Licensing::publish_version(members(COHORT), id, new_content, locator(), 1_500));
		let dataset = Datasets::<Test>::get(id).unwrap();
		assert_eq!(
			(dataset.version, dataset.content_hash, dataset.record_count),
			(2, new_content, 1_500)
		);
		assert_eq!(
			last_event(),
			Event::DatasetVersionPublished {
				dataset: id,
				version: 2,
				content_hash: new_content,
				record_count: 1_500
			}
			.into()
		);
	});
}

#[test]
fn versions_need_the_cohort_origin_and_a_live_dataset() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let id = FIRST_ID;
		assert_noop!(
			Licensing::publish_version(members(COHORT), id + 1, content(), locator(), 1),
			Error::<Test>::UnknownDataset
		);
		assert_noop!(
			Licensing::publish_version(members(TRUST_COHORT), id, content(), locator(), 1),
			sp_runtime::traits::BadOrigin
		);
		assert_ok!(Licensing::retire_dataset(members(COHORT), id));
		assert_noop!(
			Licensing::publish_version(members(COHORT), id, content(), locator(), 1),
			Error::<Test>::DatasetRetired
		);
	});
}

#[test]
fn a_frozen_cohort_publishes_no_version() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let id = FIRST_ID;
		freeze(COHORT);
		assert_noop!(
			Licensing::publish_version(members(COHORT), id, content(), locator(), 1),
			Error::<Test>::CohortFrozen
		);
	});
}

#[test]
fn members_retire_a_dataset_once() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let id = FIRST_ID;
		assert_noop!(
			Licensing::retire_dataset(RuntimeOrigin::signed(PHARMA), id),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::retire_dataset(members(COHORT), id + 1),
			Error::<Test>::UnknownDataset
		);
		assert_ok!(Licensing::retire_dataset(members(COHORT), id));
		assert_eq!(Datasets::<Test>::get(id).unwrap().status, DatasetStatus::Retired);
		assert_eq!(last_event(), Event::DatasetRetired { dataset: id }.into());
		assert_noop!(Licensing::retire_dataset(members(COHORT), id), Error::<Test>::DatasetRetired);
	});
}

/// Audit finding 9 (licensing's part): a retired dataset's record and deposit stayed for ever.
/// Once nothing refers to it (no offer, open request or grant) its cohort removes it and the
/// deposit comes back.
#[test]
fn finding_9_a_retired_dataset_nothing_refers_to_is_removed() {
	ExtBuilder::default().with_dataset().build_and_execute(|| {
		let dataset = FIRST_ID;
		let offer_id = offer(dataset, Purpose::AiTraining);
		set_consenting(COHORT, Purpose::AiTraining, K_FLOOR);
		let approved = request(PHARMA, offer_id);
		assert_ok!(Licensing::approve(members(COHORT), approved, rationale()));
		let open = request(AI_LAB, offer_id);
		assert_noop!(
			Licensing::remove_dataset(members(COHORT), dataset),
			Error::<Test>::DatasetNotRetired
		);
		assert_ok!(Licensing::retire_dataset(members(COHORT), dataset));
		assert_ok!(Licensing::withdraw_offer(members(COHORT), offer_id));
		assert_noop!(
			Licensing::remove_dataset(members(COHORT), dataset),
			Error::<Test>::DatasetInUse
		);
		assert_ok!(Licensing::reject(members(COHORT), open, rationale()));
		assert_noop!(
			Licensing::remove_dataset(members(COHORT), dataset),
			Error::<Test>::DatasetInUse,
		);
		assert_ok!(Licensing::revoke_grant(members(COHORT), dataset, PHARMA, Purpose::AiTraining));
		assert_noop!(
			Licensing::remove_dataset(RuntimeOrigin::signed(PHARMA), dataset),
			sp_runtime::traits::BadOrigin
		);

		let held_before = held(HoldReason::DataRecord, TREASURY);
		assert_ok!(Licensing::remove_dataset(members(COHORT), dataset));
		assert!(!Datasets::<Test>::contains_key(dataset));
		assert_eq!(held(HoldReason::DataRecord, TREASURY), held_before - DATASET_DEPOSIT);
		assert_eq!(last_event(), Event::DatasetRemoved { dataset }.into());
		assert_noop!(
			Licensing::remove_dataset(members(COHORT), dataset),
			Error::<Test>::UnknownDataset
		);
	});
}
