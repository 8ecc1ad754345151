//! The types of royalty pools and members' positions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cohort_primitives::{Consent, Purpose};
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

/// Where a person stands, for royalties.
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
pub enum Standing {
	/// Accrues in the pools of the purposes they consent to.
	Active,
	/// Accrues nothing; keeps what was earned.
	Suspended,
	/// Left; keeps what was earned until claimed, then the position is removed.
	Left,
}

/// A person's position in a cohort's pools.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Position<AccountId, Balance> {
	/// The account earnings are paid to (follows key rotation).
	pub account: AccountId,
	/// Active, suspended or left.
	pub standing: Standing,
	/// The purposes consented to.
	pub consent: Consent,
	/// Contribution units.
	pub units: u64,
	/// Per purpose, the pool's `reward_per_unit` when this position was last settled.
	pub settled: [FixedU128; PURPOSES],
	/// Per purpose, what was earned and not yet claimed.
	pub pending: [Balance; PURPOSES],
}

impl<AccountId, Balance: Copy + Zero + Saturating> Position<AccountId, Balance> {
	/// The units this position has in the pool of `purpose`: all of them if active and
	/// consenting, none otherwise.
	pub fn units_in(&self, purpose: Purpose) -> u128 {
		if self.standing == Standing::Active && self.consent.allows(purpose) {
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
