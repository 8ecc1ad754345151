//! Random deposits, unit and consent changes, suspensions, departures and claims: after every
//! step the invariants hold and no money is created or lost.

use crate::{mock::*, *};
use cohort_primitives::testing::Rng;
use std::collections::BTreeMap;

const MEMBERS: [AccountId; 5] = [ALICE, BOB, CAROL, DAVE, OUTSIDER];

#[derive(Clone, Copy, PartialEq)]
enum State {
	Out,
	Active,
	Suspended,
}

fn run(seed: u64, steps: usize) -> (u32, u32) {
	let mut paid_in = 0;
	let mut claims = 0;
	ExtBuilder::default().build_and_execute(|| {
		let mut rng = Rng(seed);
		let mut state: BTreeMap<AccountId, State> =
			MEMBERS.iter().map(|w| (*w, State::Out)).collect();
		let initial: Balance = MEMBERS.iter().map(|w| free(*w)).sum();
		let mut settlements: u64 = 0;
		for _ in 0..steps {
			let who = MEMBERS[rng.below(MEMBERS.len() as u64) as usize];
			let purpose = Purpose::ALL[rng.below(4) as usize];
			match (rng.below(8), state[&who]) {
				(0, State::Out) => {
					join_as(COHORT, who, who, rng.below(50));
					state.insert(who, State::Active);
				},
				(1, State::Active | State::Suspended) => {
					let purposes: Vec<_> =
						Purpose::ALL.into_iter().filter(|_| rng.below(2) == 0).collect();
					consent(who, &purposes);
				},
				(2, State::Active | State::Suspended) => contribute(who, 1 + rng.below(40)),
				(3, State::Active) => {
					suspend(who);
					state.insert(who, State::Suspended);
				},
				(3, State::Suspended) => {
					restore(who);
					state.insert(who, State::Active);
				},
				(4, State::Active | State::Suspended) => {
					leave(who);
					state.insert(who, State::Out);
				},
				(5 | 6, _) => {
					let amount = 1 + rng.below(10_000);
					// A pool without units gives the payment back.
					if offer(COHORT, purpose, amount) == 0 {
						paid_in += 1;
					}
				},
				_ => {
					if Royalties::claim(RuntimeOrigin::signed(who), COHORT).is_ok() {
						claims += 1;
					}
				},
			}
			settlements += 1;
			Royalties::do_try_state().expect("invariants hold after every step");
			// Conservation: what PHARMA paid is with the members or in the pools, exactly.
			let paid = PHARMA_FUNDS - free(PHARMA);
			let claimed: Balance = MEMBERS.iter().map(|w| free(*w)).sum::<Balance>() - initial;
			let in_pools: Balance =
				Pools::<Test>::iter_values().map(|p| p.balance).sum::<Balance>();
			assert_eq!(paid, claimed + in_pools, "money was created or lost");
			assert_eq!(pot(), ED + in_pools);
			// What the members are owed never exceeds what is in the pools, and rounding
			// loses at most one unit of money per member, purpose and settlement.
			let owed: Balance = MEMBERS.iter().map(|w| pending(*w)).sum();
			assert!(owed <= in_pools);
			assert!(in_pools - owed <= settlements * 4 * MEMBERS.len() as u64);
		}
	});
	(paid_in, claims)
}

#[test]
fn random_histories_conserve_funds() {
	let (mut paid_in, mut claims) = (0, 0);
	for seed in 1..=40u64 {
		let (p, c) = run(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), 250);
		paid_in += p;
		claims += c;
	}
	assert!(paid_in > 500 && claims > 200, "too few payments ({paid_in}) or claims ({claims})");
}
