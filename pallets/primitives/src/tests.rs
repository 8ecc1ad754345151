//! The arithmetic that lives on the shared types.

use super::*;
use proptest::{prelude::*, test_runner::RngSeed};

fn split(members: u32, treasury: u32, platform: u32) -> RevenueSplit {
	RevenueSplit {
		members: Permill::from_percent(members),
		treasury: Permill::from_percent(treasury),
		platform: Permill::from_percent(platform),
		operator: Permill::zero(),
	}
}

fn shares(members: u64, treasury: u64, platform: u64) -> RevenueShares<u64> {
	RevenueShares { members, treasury, platform, operator: 0 }
}

#[test]
fn a_price_divides_by_the_split() {
	assert_eq!(split(70, 25, 5).divide(10_000u64), shares(7_000, 2_500, 500));
	assert_eq!(split(100, 0, 0).divide(10_000u64), shares(10_000, 0, 0));
	assert_eq!(split(0, 100, 0).divide(10_000u64), shares(0, 10_000, 0));
	assert_eq!(split(70, 25, 5).divide(0u64), shares(0, 0, 0));
}

#[test]
fn members_and_platform_round_down_and_the_treasury_takes_the_rest() {
	// 70% of 9,999 = 6,999.3 → 6,999; 5% = 499.95 → 499; the treasury 2,501 (not 2,499.75).
	assert_eq!(split(70, 25, 5).divide(9_999u64), shares(6_999, 2_501, 499));
	// Too small for anyone but the treasury.
	assert_eq!(split(70, 25, 5).divide(1u64), shares(0, 1, 0));
	assert_eq!(split(70, 25, 5).divide(u128::MAX).members, Permill::from_percent(70) * u128::MAX);
}

/// Parts of a million: `Permill`'s whole.
const WHOLE: u32 = 1_000_000;

/// A whole split: members, platform and operator take random parts, the treasury the rest.
fn whole_split() -> impl Strategy<Value = RevenueSplit> {
	(0..=WHOLE)
		.prop_flat_map(|members| (Just(members), 0..=WHOLE - members))
		.prop_flat_map(|(members, platform)| {
			(Just(members), Just(platform), 0..=WHOLE - members - platform)
		})
		.prop_map(|(members, platform, operator)| RevenueSplit {
			members: Permill::from_parts(members),
			platform: Permill::from_parts(platform),
			operator: Permill::from_parts(operator),
			treasury: Permill::from_parts(WHOLE - members - platform - operator),
		})
}

/// A price of any magnitude: random bits shifted right, so that small prices, where rounding
/// matters most, are as likely as large ones.
fn price() -> impl Strategy<Value = u64> {
	(any::<u64>(), 0..64u32).prop_map(|(bits, shift)| bits >> shift)
}

proptest! {
	// A fixed seed: CI runs the same cases every time.
	#![proptest_config(ProptestConfig {
		cases: 1_000,
		rng_seed: RngSeed::Fixed(0x5eed),
		failure_persistence: None,
		..ProptestConfig::default()
	})]

	#[test]
	fn the_shares_always_sum_to_the_price(whole in whole_split(), price in price()) {
		prop_assert!(whole.is_whole());
		let divided = whole.divide(price);
		let sum = divided.members + divided.treasury + divided.platform + divided.operator;
		prop_assert_eq!(sum, price);
		prop_assert_eq!(divided.members, whole.members.mul_floor(price));
		prop_assert_eq!(divided.platform, whole.platform.mul_floor(price));
		prop_assert_eq!(divided.operator, whole.operator.mul_floor(price));
	}
}

#[test]
fn a_split_that_is_not_whole_still_divides_the_price_exactly() {
	// Members and platform over one: the platform gets only what the members leave.
	assert_eq!(split(80, 0, 30).divide(1_000u64), shares(800, 0, 200));
	// Under one: the treasury takes the gap.
	assert_eq!(split(10, 10, 10).divide(1_000u64), shares(100, 800, 100));
}

#[test]
fn purposes_are_listed_once_in_index_order() {
	assert_eq!(PURPOSES, 4);
	for (i, purpose) in Purpose::ALL.into_iter().enumerate() {
		assert_eq!(purpose.index(), i);
	}
}

/// The test vector of the nullifier derivation, computed independently with Python's
/// `hashlib.blake2b(b"cohort/nullifier/v1" + key + cohort.to_bytes(4, "little") + identity,
/// digest_size=32)`: issuers' tools must reproduce it.
#[test]
fn the_nullifier_derivation_matches_its_test_vector() {
	let key = [0x11u8; 32];
	let identity = b"NHS:9434765919";
	let expected: [(CohortId, &str); 2] = [
		(0, "9edaaa6e35abb80feea6a83229b8acfef2deb393f6483dd1a110236598a6c937"),
		(1, "9b646140643a9759ddfaa8ce755f536ac417c6460ee53226844d2873ec45af74"),
	];
	for (cohort, hex) in expected {
		let nullifier = derive_nullifier(&key, cohort, identity);
		assert_eq!(format!("{nullifier:x}"), hex, "cohort {cohort}");
	}
	// Another key, another cohort or another identity: an unrelated nullifier.
	let base = derive_nullifier(&key, 0, identity);
	assert_ne!(derive_nullifier(&[0x12; 32], 0, identity), base);
	assert_ne!(derive_nullifier(&key, 0, b"NHS:9434765918"), base);
}

#[test]
fn a_cohort_split_with_the_councils_platform_share_is_whole() {
	let percent = Permill::from_percent;
	let split = RevenueSplit::new(percent(70), Permill::zero(), percent(5));
	assert_eq!(split.treasury, percent(25));
	assert!(split.is_whole());
	let over = RevenueSplit::new(percent(96), Permill::zero(), percent(5));
	assert_eq!((over.platform, over.treasury), (percent(4), Permill::zero()), "members first");
	assert!(over.is_whole());
}

#[test]
fn an_operator_takes_only_what_members_and_platform_leave() {
	let percent = Permill::from_percent;
	let split = RevenueSplit::new(percent(50), percent(30), percent(5));
	assert_eq!((split.operator, split.treasury), (percent(30), percent(15)));
	assert!(split.is_whole());
	let greedy = RevenueSplit::new(percent(50), percent(60), percent(5));
	assert_eq!(
		(greedy.members, greedy.operator, greedy.treasury),
		(percent(50), percent(45), Permill::zero())
	);
	assert!(greedy.is_whole());
	let divided = split.divide(1_000u64);
	assert_eq!(divided, RevenueShares { members: 500, treasury: 150, platform: 50, operator: 300 });
}
