//! Storage migrations: a ledger stored by version 0 reads the same after the upgrade.

use crate::{migrations::v1, mock::*, *};
use codec::Encode;
use frame_support::{
	storage::unhashed,
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::RuntimeDbWeight,
};

#[test]
fn v1_gives_every_ledger_an_ended_epoch_and_keeps_its_credits_and_votes() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 5);
		let now = Voters::<Test>::get(COHORT, person(2)).unwrap();
		// The ledger as version 0 stored it, without `epoch_ends_at`.
		let old = v1::VoterV0::<u64, <Test as Config>::MaxLiveVotes> {
			epoch: now.epoch,
			granted: now.granted,
			spent: now.spent,
			votes: now.votes.clone(),
		};
		unhashed::put_raw(&Voters::<Test>::hashed_key_for(COHORT, person(2)), &old.encode());
		StorageVersion::new(0).put::<QuadraticVoting>();

		v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!(QuadraticVoting::on_chain_storage_version(), 1);
		let migrated = Voters::<Test>::get(COHORT, person(2)).unwrap();
		assert_eq!(migrated, Voter { epoch_ends_at: 0, ..now });
		// The next vote reads the params again and finds the same epoch: nothing is granted
		// afresh, and the vote being changed is refunded.
		assert_eq!(credits_left(BOB), CREDITS - 25);
		vote(BOB, id, Choice::Aye, 6);
		assert_eq!(credits_left(BOB), CREDITS - 36);
		assert_eq!(Voters::<Test>::get(COHORT, person(2)).unwrap().epoch_ends_at, EPOCH);
		// Run again, it does nothing: the storage version is 1.
		let weight = v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		let one_read =
			<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(1);
		assert_eq!(weight, one_read);
	});
}
