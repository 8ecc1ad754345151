//! The types of royalty pools and members' positions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
pub use cohort_primitives::PURPOSES;
use cohort_primitives::{Consent, LicenceRef, MemberStatus, Purpose};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Saturating, Zero},
	FixedPointNumber, FixedU128, SaturatedConversion,
};

/// The royalty pool of one (cohort, purpose).
#[derive(
	Debug,
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Pool<Balance> {
	/// The units of the active members who consent to the purpose.
	pub total_units: u128,
	/// What one unit has earned since the pool began (fixed point, rounded down): a member's
	/// earnings are `units × (reward_per_unit − the value they last settled at)`.
	pub reward_per_unit: FixedU128,
	/// What of the pot belongs to this pool: unclaimed earnings plus rounding dust.
	pub balance: Balance,
	/// Everything ever paid into the pool.
	pub paid_in: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> Pool<Balance> {
	/// Whether anyone has units in the pool to share revenue among.
	pub fn has_units(&self) -> bool {
		self.total_units > 0
	}

	/// The rise of the counter if `amount` were shared among the pool's units, rounded down
	/// (so the pool never owes more than it took); `None` without units or if it overflows.
	pub fn rise_for(&self, amount: Balance) -> Option<FixedU128> {
		if !self.has_units() {
			return None;
		}
		FixedU128::checked_from_rational(amount.saturated_into::<u128>(), self.total_units)
	}

	/// Takes `amount`, shared as a counter rise of `rise` (from [`Pool::rise_for`]).
	pub fn take(&mut self, amount: Balance, rise: FixedU128) {
		self.reward_per_unit = self.reward_per_unit.saturating_add(rise);
		self.balance = self.balance.saturating_add(amount);
		self.paid_in = self.paid_in.saturating_add(amount);
	}

	/// Pays `owed` out of the pool's balance; `None` if the balance is short.
	pub fn pay_out(&mut self, owed: Balance) -> Option<()> {
		self.balance = self.balance.checked_sub(&owed)?;
		Some(())
	}

	/// A member's units in the pool change from `old` to `new`.
	pub fn replace_units(&mut self, old: u128, new: u128) {
		self.total_units = self.total_units.saturating_sub(old).saturating_add(new);
	}
}

/// A payment into a pool, kept (the most recent ones) so that members can see which licences
/// paid them.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Revenue<AccountId, Balance, BlockNumber> {
	/// The licence it came from.
	pub licence: LicenceRef<AccountId>,
	/// How much the members' pool received.
	pub amount: Balance,
	/// The pool's counter just before: it paid whoever had units in the pool then.
	pub counter_before: FixedU128,
	/// When.
	pub at: BlockNumber,
}

/// A span of a member's participation in a pool, in counter values: revenue paid in while the
/// counter was in `[from, to)` paid them.
#[derive(
	Debug,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Participation {
	/// The pool's purpose.
	pub purpose: Purpose,
	/// The counter when the member's units entered the pool.
	pub from: FixedU128,
	/// The counter when they left it.
	pub to: FixedU128,
	/// Whether the member followed the trustees' consent then: they were paid only while the
	/// delegated bloc was in the pool too.
	pub delegated: bool,
}

/// A person's position in a cohort's pools.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxPast))]
pub struct Position<
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	MaxPast: Get<u32>,
> {
	/// The account earnings are paid to (follows key rotation).
	pub account: AccountId,
	/// Active (accrues), suspended (accrues nothing, keeps what was earned) or left (keeps
	/// it until claimed; then the position is removed).
	pub status: MemberStatus,
	/// The purposes consented to (none while the member follows the trustees).
	pub consent: Consent,
	/// Whether the member follows the trustees' consent: their units are then in the cohort's
	/// [`DelegatedBloc`], and the counters below are the bloc's.
	pub delegated: bool,
	/// Contribution units.
	pub units: u64,
	/// Per purpose, the counter this position was last settled at: the pool's
	/// `reward_per_unit`, or the bloc's counter while it follows the trustees.
	pub settled: [FixedU128; PURPOSES],
	/// Per purpose, what was earned and not yet claimed.
	pub pending: [Balance; PURPOSES],
	/// Per purpose, the counter when the member's units entered the pool, while they are in it.
	pub since: [Option<FixedU128>; PURPOSES],
	/// The most recent past spans of participation.
	pub past: BoundedVec<Participation, MaxPast>,
}

impl<
		AccountId: Clone + PartialEq + Eq + Debug,
		Balance: AtLeast32BitUnsigned + Copy + Debug,
		MaxPast: Get<u32>,
	> Position<AccountId, Balance, MaxPast>
{
	/// A new position of `account`, settled at the pools' current `counters`: it earns nothing
	/// until the member joins (the caller makes it active) and consents.
	pub fn new(account: AccountId, units: u64, counters: [FixedU128; PURPOSES]) -> Self {
		Position {
			account,
			status: MemberStatus::Left,
			consent: Consent::NONE,
			delegated: false,
			units,
			settled: counters,
			pending: [Zero::zero(); PURPOSES],
			since: [None; PURPOSES],
			past: Default::default(),
		}
	}

	/// The units this position has in the pool of `purpose` itself: all of them if active
	/// and consenting on its own, none otherwise.
	pub fn units_in(&self, purpose: Purpose) -> u128 {
		let own = !self.delegated && self.consent.allows(purpose);
		if self.status == MemberStatus::Active && own {
			u128::from(self.units)
		} else {
			0
		}
	}

	/// The units this position has in the cohort's delegated bloc: all of them if active and
	/// following the trustees, none otherwise.
	pub fn bloc_units(&self) -> u128 {
		if self.status == MemberStatus::Active && self.delegated {
			u128::from(self.units)
		} else {
			0
		}
	}

	/// The units that earn as the counter of `purpose` this position settles against rises.
	fn earning_units(&self, purpose: Purpose) -> u128 {
		if self.delegated {
			self.bloc_units()
		} else {
			self.units_in(purpose)
		}
	}

	/// Whether the position takes part in the pool of `purpose`, and if so whether through
	/// the bloc (`Some(true)`) or on its own (`Some(false)`).
	pub fn participation(&self, purpose: Purpose) -> Option<bool> {
		(self.earning_units(purpose) > 0).then_some(self.delegated)
	}

	/// What was earned and not yet claimed, in every purpose.
	pub fn total_pending(&self) -> Balance {
		self.pending
			.iter()
			.fold(Zero::zero(), |total: Balance, p| total.saturating_add(*p))
	}

	/// What the position earned in the pool of `purpose` since it last settled there, now that
	/// the pool's counter is `counter`, rounded down; not yet in `pending`.
	pub fn unsettled(&self, purpose: Purpose, counter: FixedU128) -> u128 {
		let settled = self.settled.get(purpose.index()).copied().unwrap_or_default();
		counter.saturating_sub(settled).saturating_mul_int(self.earning_units(purpose))
	}

	/// Adds what the position earned in the pool of `purpose` to its pending earnings and marks
	/// it settled at the pool's `counter`.
	pub fn settle(&mut self, purpose: Purpose, counter: FixedU128) {
		let owed: Balance = self.unsettled(purpose, counter).saturated_into();
		let i = purpose.index();
		if let Some(pending) = self.pending.get_mut(i) {
			*pending = pending.saturating_add(owed);
		}
		if let Some(settled) = self.settled.get_mut(i) {
			*settled = counter;
		}
	}

	/// What is pending in the pool of `purpose`.
	pub fn pending_in(&self, purpose: Purpose) -> Balance {
		self.pending.get(purpose.index()).copied().unwrap_or_else(Zero::zero)
	}

	/// Records that the position's participation in the pool of `purpose` went from `before`
	/// to `after` (see [`Position::participation`]) when the pool's counter stood at
	/// `counter`: a span opens when it enters and is kept (the oldest dropped first) when it
	/// leaves or changes hands.
	pub fn track_participation(
		&mut self,
		purpose: Purpose,
		before: Option<bool>,
		after: Option<bool>,
		counter: FixedU128,
	) {
		if before == after {
			return;
		}
		let Some(since) = self.since.get_mut(purpose.index()) else { return };
		if let (Some(delegated), Some(from)) = (before, since.take()) {
			push_dropping_oldest(
				&mut self.past,
				Participation { purpose, from, to: counter, delegated },
			);
		}
		if after.is_some() {
			*since = Some(counter);
		}
	}

	/// Whether revenue paid into the pool of `purpose` when its counter stood at `counter`
	/// paid this member (as far as the kept spans tell; through `bloc` when delegated).
	pub fn was_paid_at<S: Get<u32>>(
		&self,
		purpose: Purpose,
		counter: FixedU128,
		bloc: &DelegatedBloc<S>,
	) -> bool {
		let through = |delegated: bool| !delegated || bloc.was_in(purpose, counter);
		let current = self.since.get(purpose.index()).copied().flatten();
		current.is_some_and(|from| from <= counter && through(self.delegated))
			|| self.past.iter().any(|span| {
				span.purpose == purpose
					&& span.from <= counter
					&& counter < span.to
					&& through(span.delegated)
			})
	}
}

/// The members of a data trust who left their consent to the trustees, as one participant in
/// the cohort's pools: its units (theirs, summed) are in the pool of each purpose the trustees
/// consent to. Its counter per purpose rises with the pool's only while it is in the pool, so
/// a change of the trustees' consent is O(1) whatever the number of members: each member
/// earns `units × (the bloc's counter − the value they last settled at)`.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	DefaultNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxPast))]
pub struct DelegatedBloc<MaxPast: Get<u32>> {
	/// The units of the active members who follow the trustees.
	pub units: u128,
	/// The trustees' consent.
	pub consent: Consent,
	/// Per purpose, what the bloc's counter rose by in the pool's past spans.
	pub earned: [FixedU128; PURPOSES],
	/// Per purpose, the pool's counter when the bloc last entered it, while it is in it.
	pub since: [Option<FixedU128>; PURPOSES],
	/// The bloc's most recent past spans in the pools, for "who used my data".
	pub past: BoundedVec<Participation, MaxPast>,
}

impl<MaxPast: Get<u32>> DelegatedBloc<MaxPast> {
	/// The units the bloc has in the pool of `purpose`.
	pub fn units_in(&self, purpose: Purpose) -> u128 {
		if self.consent.allows(purpose) {
			self.units
		} else {
			0
		}
	}

	/// The bloc's counter in the pool of `purpose`, whose own counter is `pool_counter`.
	pub fn counter(&self, purpose: Purpose, pool_counter: FixedU128) -> FixedU128 {
		let earned = self.earned.get(purpose.index()).copied().unwrap_or_default();
		let since = self.since.get(purpose.index()).copied().flatten();
		earned
			.saturating_add(since.map(|from| pool_counter.saturating_sub(from)).unwrap_or_default())
	}

	/// The bloc enters the pool of `purpose`, whose counter is `pool_counter`.
	pub fn enter(&mut self, purpose: Purpose, pool_counter: FixedU128) {
		if let Some(since) = self.since.get_mut(purpose.index()) {
			*since = Some(pool_counter);
		}
	}

	/// The bloc leaves the pool of `purpose`, whose counter is `pool_counter`: what it earned
	/// there is kept, and the span.
	pub fn leave(&mut self, purpose: Purpose, pool_counter: FixedU128) {
		let i = purpose.index();
		let Some(from) = self.since.get_mut(i).and_then(Option::take) else { return };
		if let Some(earned) = self.earned.get_mut(i) {
			*earned = earned.saturating_add(pool_counter.saturating_sub(from));
		}
		let span = Participation { purpose, from, to: pool_counter, delegated: true };
		push_dropping_oldest(&mut self.past, span);
	}

	/// Whether the bloc was in the pool of `purpose` when its counter stood at `counter`.
	pub fn was_in(&self, purpose: Purpose, counter: FixedU128) -> bool {
		let current = self.since.get(purpose.index()).copied().flatten();
		current.is_some_and(|from| from <= counter)
			|| self
				.past
				.iter()
				.any(|span| span.purpose == purpose && span.from <= counter && counter < span.to)
	}
}

/// Appends `item` to a log of the most recent entries, dropping the oldest when it is full.
/// (A bound of zero keeps nothing; `integrity_test` rules it out.)
pub fn push_dropping_oldest<T, S: Get<u32>>(log: &mut BoundedVec<T, S>, item: T) {
	if log.is_full() && !log.is_empty() {
		log.remove(0);
	}
	let _ = log.try_push(item);
}
