//! The types of royalty pools and members' positions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cohort_primitives::{Consent, LicenceRef, MemberStatus, Purpose};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Saturating, Zero},
	FixedPointNumber, FixedU128,
};

/// How many purposes there are: one pool each per cohort.
pub const PURPOSES: usize = Purpose::ALL.len();

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
	/// The purposes consented to.
	pub consent: Consent,
	/// Contribution units.
	pub units: u64,
	/// Per purpose, the pool's `reward_per_unit` when this position was last settled.
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
		Balance: Copy + Zero + Saturating + PartialEq + Eq + Debug,
		MaxPast: Get<u32>,
	> Position<AccountId, Balance, MaxPast>
{
	/// The units this position has in the pool of `purpose`: all of them if active and
	/// consenting, none otherwise.
	pub fn units_in(&self, purpose: Purpose) -> u128 {
		if self.status == MemberStatus::Active && self.consent.allows(purpose) {
			u128::from(self.units)
		} else {
			0
		}
	}

	/// What was earned and not yet claimed, in every purpose.
	pub fn total_pending(&self) -> Balance {
		self.pending
			.iter()
			.fold(Zero::zero(), |total: Balance, p| total.saturating_add(*p))
	}

	/// Whether revenue paid into the pool of `purpose` when its counter stood at `counter` paid
	/// this member (as far as the kept spans tell).
	pub fn was_paid_at(&self, purpose: Purpose, counter: FixedU128) -> bool {
		let current = self.since.get(purpose.index()).copied().flatten();
		current.is_some_and(|from| from <= counter)
			|| self
				.past
				.iter()
				.any(|span| span.purpose == purpose && span.from <= counter && counter < span.to)
	}
}

/// What `units` earned while the counter rose from `settled` to `now`, rounded down.
pub fn earned(units: u128, settled: FixedU128, now: FixedU128) -> u128 {
	now.saturating_sub(settled).saturating_mul_int(units)
}

/// The rise of the counter when `amount` is shared among `total_units`, rounded down; `None` if
/// there are no units.
pub fn counter_rise(amount: u128, total_units: u128) -> Option<FixedU128> {
	if total_units == 0 {
		return None;
	}
	FixedU128::checked_from_rational(amount, total_units)
}
