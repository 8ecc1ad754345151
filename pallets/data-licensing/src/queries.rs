//! What the runtime API asks: the data custodian's check of a licensee's access.

use super::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Until when `licensee` may access `dataset` for `purpose`, if a grant is live now.
	pub fn live_grant(
		dataset: DatasetId,
		licensee: &T::AccountId,
		purpose: Purpose,
	) -> Option<BlockNumberFor<T>> {
		Grants::<T>::get((dataset, licensee, purpose))
			.filter(|grant| grant.is_live(Self::now()))
			.map(|grant| grant.expires_at)
	}
}
