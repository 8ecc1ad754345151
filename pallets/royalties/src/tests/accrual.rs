//! Royalties of members who joined, consented, withdrew consent, were suspended, came back and
//! left at different times, against a straightforward computation: each payment divided among
//! the units eligible at that moment.

use crate::{mock::*, *};
use frame_support::assert_ok;
use std::collections::BTreeMap;

/// The straightforward computation: who is eligible for what, and what each is owed.
#[derive(Default)]
struct Ledger {
	/// account → (units, consented purposes, active).
	members: BTreeMap<AccountId, (u64, Vec<Purpose>, bool)>,
	owed: BTreeMap<AccountId, u128>,
}

impl Ledger {
	fn pay(&mut self, purpose: Purpose, amount: u128) {
		let eligible: Vec<(AccountId, u128)> = self
			.members
			.iter()
			.filter(|(_, (_, purposes, active))| *active && purposes.contains(&purpose))
			.map(|(who, (units, _, _))| (*who, u128::from(*units)))
			.collect();
		let total: u128 = eligible.iter().map(|(_, u)| u).sum();
		for (who, units) in eligible {
			assert_eq!(amount * units % total, 0, "the scenario divides exactly");
			*self.owed.entry(who).or_default() += amount * units / total;
		}
	}
}

#[test]
fn a_history_of_joins_consents_suspensions_and_departures_pays_exactly_the_fair_share() {
	ExtBuilder::default().build_and_execute(|| {
		use Purpose::*;
		let mut ledger = Ledger::default();
		macro_rules! step {
			(member $who:expr, $units:expr, $purposes:expr) => {{
				member($who, $units, $purposes);
				ledger.members.insert($who, ($units, $purposes.to_vec(), true));
			}};
			(pay $purpose:expr, $amount:expr) => {{
				pay(COHORT, $purpose, $amount);
				ledger.pay($purpose, u128::from($amount as u64));
			}};
			(consent $who:expr, $purposes:expr) => {{
				consent($who, $purposes);
				ledger.members.get_mut(&$who).unwrap().1 = $purposes.to_vec();
			}};
			(contribute $who:expr, $more:expr) => {{
				contribute($who, $more);
				ledger.members.get_mut(&$who).unwrap().0 += $more;
			}};
			(active $who:expr, $active:expr) => {{
				if $active {
					restore($who)
				} else {
					suspend($who)
				}
				ledger.members.get_mut(&$who).unwrap().2 = $active;
			}};
			(leave $who:expr) => {{
				leave($who);
				ledger.members.remove(&$who);
			}};
		}

		step!(member ALICE, 10, &[AiTraining]);
		step!(member BOB, 30, &[AiTraining, AcademicResearch]);
		step!(member CAROL, 60, &[AiTraining]);
		step!(pay AiTraining, 1_000);
		step!(member DAVE, 50, &[AiTraining]);
		step!(pay AiTraining, 1_500);
		step!(consent BOB, &[AcademicResearch]);
		step!(pay AiTraining, 1_200);
		step!(active CAROL, false);
		step!(pay AiTraining, 600);
		step!(active CAROL, true);
		step!(contribute ALICE, 30);
		step!(pay AiTraining, 3_000);
		step!(leave DAVE);
		step!(pay AiTraining, 500);
		step!(pay AcademicResearch, 300);

		// The figures by hand, as a check on the check.
		let expected: [(AccountId, u128); 4] =
			[(ALICE, 1_400), (BOB, 900), (CAROL, 3_300), (DAVE, 2_500)];
		for (who, amount) in expected {
			assert_eq!(ledger.owed[&who], amount);
			assert_eq!(u128::from(pending(who)), ledger.owed[&who], "pending of {who}");
		}
		let before: Vec<_> = expected.iter().map(|(who, _)| free(*who)).collect();
		for (who, _) in expected {
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(who), COHORT));
		}
		for ((who, amount), before) in expected.iter().zip(before) {
			assert_eq!(u128::from(free(*who)), u128::from(before) + amount);
		}
		// Everything paid in was paid out: the pot is back to its existential deposit.
		assert_eq!(pot(), ED);
		assert_eq!(PHARMA_FUNDS - free(PHARMA), 8_100);
	});
}

#[test]
fn uneven_divisions_leave_dust_in_the_pool_and_never_overpay() {
	ExtBuilder::default()
		.with_member(ALICE, 1, &[Purpose::AiTraining])
		.with_member(BOB, 1, &[Purpose::AiTraining])
		.with_member(CAROL, 1, &[Purpose::AiTraining])
		.build_and_execute(|| {
			for _ in 0..7 {
				pay(COHORT, Purpose::AiTraining, 100);
			}
			// 700 among three: 233.33… each.
			for who in [ALICE, BOB, CAROL] {
				assert_eq!(pending(who), 233);
				assert_ok!(Royalties::claim(RuntimeOrigin::signed(who), COHORT));
			}
			assert_eq!(pool(Purpose::AiTraining).balance, 1);
			assert_eq!(pot(), ED + 1);
		});
}
