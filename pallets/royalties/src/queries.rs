//! What the runtime API asks: a member's pending earnings and the licences that paid them.

use super::*;
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// What `account` could claim in `cohort` now, per purpose (in the order of
	/// [`Purpose::ALL`]).
	pub fn pending(cohort: CohortId, account: &T::AccountId) -> [BalanceOf<T>; PURPOSES] {
		Payees::<T>::get(cohort, account)
			.and_then(|person| Positions::<T>::get(cohort, person))
			.map(|mut position| {
				Self::settle(cohort, &mut position);
				position.pending
			})
			.unwrap_or_default()
	}

	/// The licences whose revenue paid `account`'s person in `cohort` (as far as the pools'
	/// recent payments and the position's kept spans go), most recent first, at most `max`.
	/// "Who used my data."
	pub fn licences_paying(
		cohort: CohortId,
		account: &T::AccountId,
		max: u32,
	) -> Vec<(Purpose, RevenueOf<T>)> {
		let Some(position) = Payees::<T>::get(cohort, account)
			.and_then(|person| Positions::<T>::get(cohort, person))
		else {
			return Vec::new();
		};
		let bloc = Blocs::<T>::get(cohort);
		let mut paid: Vec<(Purpose, RevenueOf<T>)> = Purpose::ALL
			.into_iter()
			.flat_map(|purpose| {
				let (position, bloc) = (&position, &bloc);
				RecentRevenue::<T>::get(cohort, purpose)
					.into_iter()
					.filter(move |revenue| {
						position.was_paid_at(purpose, revenue.counter_before, bloc)
					})
					.map(move |revenue| (purpose, revenue))
			})
			.collect();
		paid.sort_by(|(_, a), (_, b)| {
			b.at.cmp(&a.at).then(b.licence.request.cmp(&a.licence.request))
		});
		paid.truncate(max as usize);
		paid
	}
}
