//! Random sequences of proposals, votes, removals, suspensions, restorations, closings and
//! cancellations, checked step by step against the pallet's invariants and a plain model of
//! tallies and credits.

use crate::{mock::*, *};
use cohort_primitives::testing::Rng;
use std::collections::BTreeMap;

const MEMBERS: [AccountId; 5] = [ALICE, BOB, CAROL, DAVE, EVE];

/// The model: what the tallies and credits must be, computed the plain way.
#[derive(Default)]
struct Model {
	/// Open proposals: id → (ends_at, person → (choice, votes, epoch paid)).
	open: BTreeMap<ProposalId, (u64, BTreeMap<AccountId, (Choice, u32, u64)>)>,
	/// Per member: (epoch, credits spent in it).
	spent: BTreeMap<AccountId, (u64, u32)>,
	suspended: BTreeMap<AccountId, bool>,
	/// Who proposed each proposal, open or not.
	proposers: BTreeMap<ProposalId, AccountId>,
}

impl Model {
	fn epoch(now: u64) -> u64 {
		now / EPOCH
	}
	fn spent_now(&self, who: AccountId, now: u64) -> u32 {
		match self.spent.get(&who) {
			Some((epoch, spent)) if *epoch == Self::epoch(now) => *spent,
			_ => 0,
		}
	}
	fn set_spent(&mut self, who: AccountId, now: u64, spent: u32) {
		self.spent.insert(who, (Self::epoch(now), spent));
	}
	/// Takes `who`'s vote on `id` out; refunds it if paid in the current epoch.
	fn take_vote(&mut self, who: AccountId, id: ProposalId, now: u64) {
		let Some((_, votes)) = self.open.get_mut(&id) else { return };
		if let Some((_, v, paid)) = votes.remove(&who) {
			if paid == Self::epoch(now) {
				let spent = self.spent_now(who, now) - v * v;
				self.set_spent(who, now, spent);
			}
		}
	}
	fn tally(&self, id: ProposalId) -> Tally {
		let mut tally = Tally::default();
		for (choice, votes, _) in self.open[&id].1.values() {
			tally.add(*choice, *votes);
		}
		tally
	}
}

fn active(model: &Model, who: AccountId) -> bool {
	!model.suspended.get(&who).copied().unwrap_or(false)
}

/// What a run exercised, to show the sequences reach every path.
#[derive(Default, Debug)]
struct Seen {
	votes: u32,
	credits_refused: u32,
	closed: u32,
	suspensions: u32,
}

fn run(seed: u64, steps: usize, seen: &mut Seen) {
	ExtBuilder::default().build_and_execute(|| {
		let mut rng = Rng(seed);
		let mut model = Model::default();
		for _ in 0..steps {
			let now = System::block_number();
			let who = MEMBERS[rng.below(5) as usize];
			let ids: Vec<ProposalId> = model.open.keys().copied().collect();
			let pick =
				|rng: &mut Rng| ids.get(rng.below(ids.len().max(1) as u64) as usize).copied();
			match rng.below(10) {
				0 => {
					let result = QuadraticVoting::propose(
						RuntimeOrigin::signed(who),
						COHORT,
						Box::new(remark()),
						description(),
					);
					if result.is_ok() {
						let id = NextProposalId::<Test>::get() - 1;
						model.open.insert(id, (now + VOTING_PERIOD, BTreeMap::new()));
						model.proposers.insert(id, who);
					} else {
						let of_who =
							model.open.keys().filter(|id| model.proposers[*id] == who).count();
						assert!(
							!active(&model, who)
								|| model.open.len() == MAX_OPEN as usize
								|| of_who == MAX_OPEN_PER_PERSON as usize
						);
					}
				},
				1..=4 => {
					let Some(id) = pick(&mut rng) else { continue };
					let choice = if rng.below(2) == 0 { Choice::Aye } else { Choice::Nay };
					let votes = 1 + rng.below(12) as u32;
					let result =
						QuadraticVoting::vote(RuntimeOrigin::signed(who), id, choice, votes);
					let open = now < model.open[&id].0;
					if result.is_ok() {
						seen.votes += 1;
						assert!(open && active(&model, who));
						model.take_vote(who, id, now);
						let spent = model.spent_now(who, now) + votes * votes;
						assert!(spent <= CREDITS, "the pallet let a person overspend");
						model.set_spent(who, now, spent);
						model
							.open
							.get_mut(&id)
							.unwrap()
							.1
							.insert(who, (choice, votes, Model::epoch(now)));
					} else if result == Err(Error::<Test>::InsufficientCredits.into()) {
						seen.credits_refused += 1;
						let refund = match model.open[&id].1.get(&who) {
							Some((_, v, paid)) if *paid == Model::epoch(now) => v * v,
							_ => 0,
						};
						let left = CREDITS - model.spent_now(who, now) + refund;
						assert!(votes * votes > left, "the pallet refused affordable votes");
					} else {
						assert!(
							!open
								|| !active(&model, who) || result
								== Err(Error::<Test>::TooManyLiveVotes.into())
						);
					}
				},
				5 => {
					let Some(id) = pick(&mut rng) else { continue };
					if QuadraticVoting::remove_vote(RuntimeOrigin::signed(who), id).is_ok() {
						model.take_vote(who, id, now);
					}
				},
				6 => {
					if active(&model, who) {
						suspend(COHORT, who);
						seen.suspensions += 1;
						model.suspended.insert(who, true);
						for id in ids.iter() {
							model.take_vote(who, *id, now);
						}
					} else {
						restore(COHORT, who);
						model.suspended.insert(who, false);
					}
				},
				7 => run_to(now + 1 + rng.below(8)),
				8 => {
					let Some(id) = pick(&mut rng) else { continue };
					let result = QuadraticVoting::close(RuntimeOrigin::signed(OUTSIDER), id);
					assert_eq!(result.is_ok(), now >= model.open[&id].0);
					if result.is_ok() {
						seen.closed += 1;
						model.open.remove(&id);
					}
				},
				_ => {
					if rng.below(4) == 0 {
						let Some(id) = pick(&mut rng) else { continue };
						frame_support::assert_ok!(QuadraticVoting::cancel(
							RuntimeOrigin::root(),
							id
						));
						model.open.remove(&id);
					}
				},
			}
			QuadraticVoting::do_try_state().expect("invariants hold after every step");
			let now = System::block_number();
			for (id, _) in model.open.iter() {
				assert_eq!(tally(*id), model.tally(*id), "tally of {id}");
			}
			for who in MEMBERS {
				if active(&model, who) {
					assert_eq!(
						credits_left(who),
						CREDITS - model.spent_now(who, now),
						"credits of {who}"
					);
				}
			}
		}
	});
}

#[test]
fn random_sequences_keep_tallies_and_credits_exact() {
	let mut seen = Seen::default();
	for seed in 1..=60u64 {
		run(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), 300, &mut seen);
	}
	assert!(
		seen.votes > 1_000
			&& seen.credits_refused > 100
			&& seen.closed > 100
			&& seen.suspensions > 100,
		"the sequences did not exercise every path: {seen:?}"
	);
}
