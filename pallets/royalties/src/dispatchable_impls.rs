//! What the calls do, once `lib.rs` has checked their origin.

use super::*;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation},
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Pays `account` everything its person earned in `cohort`, out of each pool's ledger and
	/// the pot; returns how much.
	pub(crate) fn do_claim(
		cohort: CohortId,
		account: &T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		let person = Payees::<T>::get(cohort, account).ok_or(Error::<T>::NoPosition)?;
		let mut position = Positions::<T>::get(cohort, person).ok_or(Error::<T>::NoPosition)?;
		Self::settle(cohort, &mut position);
		let amount = position.total_pending();
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		for purpose in Purpose::ALL {
			let owed = position.pending_in(purpose);
			if !owed.is_zero() {
				Pools::<T>::try_mutate(cohort, purpose, |pool| {
					pool.pay_out(owed).ok_or(Error::<T>::PotTooLow)
				})?;
			}
		}
		position.pending = Default::default();
		T::Currency::transfer(&Self::pot_account(), account, amount, Preservation::Preserve)
			.map_err(|_| Error::<T>::PotTooLow)?;
		Self::store(cohort, &person, position);
		Self::deposit_event(Event::Claimed { cohort, account: account.clone(), amount });
		Ok(amount)
	}
}
