//! Random deposits, unit and consent changes, suspensions, departures and claims: after every
//! step the invariants hold and no money is created or lost. proptest generates the histories
//! from a fixed seed and, when one fails, shrinks it and prints the shortest failing history.

use crate::{mock::*, *};
use proptest::{
	prelude::*,
	sample::{select, subsequence},
};
use std::{cell::RefCell, collections::BTreeMap};

const MEMBERS: [AccountId; 5] = [ALICE, BOB, CAROL, DAVE, OUTSIDER];

#[derive(Clone, Copy, PartialEq)]
enum State {
	Out,
	Active,
	Suspended,
}

/// One step of a history; `SuspendOrRestore` suspends an active member, restores a suspended
/// one. A step that does not fit the member's state (joining twice, a non-member's consent) is
/// skipped, so that any history, and any part of one, can be run.
#[derive(Clone, Debug)]
enum Step {
	Join { who: AccountId, units: u64 },
	Consent { who: AccountId, purposes: Vec<Purpose> },
	Contribute { who: AccountId, more: u64 },
	SuspendOrRestore { who: AccountId },
	Leave { who: AccountId },
	Pay { purpose: Purpose, amount: Balance },
	Claim { who: AccountId },
}

fn step() -> impl Strategy<Value = Step> {
	let who = || select(MEMBERS.to_vec());
	let purposes = subsequence(Purpose::ALL.to_vec(), 0..=Purpose::ALL.len());
	prop_oneof![
		1 => (who(), 0..50u64).prop_map(|(who, units)| Step::Join { who, units }),
		1 => (who(), purposes).prop_map(|(who, purposes)| Step::Consent { who, purposes }),
		1 => (who(), 1..=40u64).prop_map(|(who, more)| Step::Contribute { who, more }),
		1 => who().prop_map(|who| Step::SuspendOrRestore { who }),
		1 => who().prop_map(|who| Step::Leave { who }),
		// Payments and claims most often: they are what moves the money.
		3 => (select(Purpose::ALL.to_vec()), 1..=10_000u64)
			.prop_map(|(purpose, amount)| Step::Pay { purpose, amount }),
		3 => who().prop_map(|who| Step::Claim { who }),
	]
}

/// What the histories did, to show they reach the paths that move money.
#[derive(Default)]
struct Seen {
	payments: u32,
	claims: u32,
}

/// Runs `history` from genesis, checking the invariants and the conservation of money after
/// every step.
fn check(history: &[Step], seen: &mut Seen) {
	ExtBuilder::default().build_and_execute(|| {
		let mut state: BTreeMap<AccountId, State> =
			MEMBERS.iter().map(|w| (*w, State::Out)).collect();
		let initial: Balance = MEMBERS.iter().map(|w| free(*w)).sum();
		for (settlements, step) in (1u64..).zip(history) {
			match *step {
				Step::Join { who, units } if state[&who] == State::Out => {
					join_as(COHORT, who, who, units);
					state.insert(who, State::Active);
				},
				Step::Consent { who, ref purposes } if state[&who] != State::Out => {
					consent(who, purposes)
				},
				Step::Contribute { who, more } if state[&who] != State::Out => {
					contribute(who, more)
				},
				Step::SuspendOrRestore { who } => match state[&who] {
					State::Active => {
						suspend(who);
						state.insert(who, State::Suspended);
					},
					State::Suspended => {
						restore(who);
						state.insert(who, State::Active);
					},
					State::Out => {},
				},
				Step::Leave { who } if state[&who] != State::Out => {
					leave(who);
					state.insert(who, State::Out);
				},
				Step::Pay { purpose, amount } => {
					// A pool without units gives the payment back: only what it takes counts.
					let taken = offer(COHORT, purpose, amount) == 0;
					seen.payments += u32::from(taken);
				},
				Step::Claim { who } => {
					let claimed = Royalties::claim(RuntimeOrigin::signed(who), COHORT).is_ok();
					seen.claims += u32::from(claimed);
				},
				_ => {},
			}
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
}

#[test]
fn random_histories_conserve_funds() {
	// A runner rather than `proptest!`, to add up what the histories did over all cases. A
	// fixed seed: CI runs the same histories every time.
	let seen = RefCell::new(Seen::default());
	let histories = prop::collection::vec(step(), 1..=300);
	cohort_test_kit::check_fixed_cases(64, 0x9e37_79b9_7f4a_7c15, &histories, |history| {
		check(&history, &mut seen.borrow_mut())
	});
	let Seen { payments, claims } = seen.into_inner();
	assert!(payments > 500 && claims > 200, "too few payments ({payments}) or claims ({claims})");
}
