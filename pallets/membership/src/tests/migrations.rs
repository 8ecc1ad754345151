//! Storage migrations: what version 0 stored reads the same after the upgrade.

use crate::{migrations::v1, mock::*, *};
use codec::Encode;
use cohort_primitives::MembershipInspect;
use frame_support::{
	assert_ok,
	storage::unhashed,
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::RuntimeDbWeight,
};

#[test]
fn v1_gives_every_accounts_entry_its_memberships_standing() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, BOB));
			let entries = [(ALICE, entry_of(ALICE)), (BOB, entry_of(BOB))];
			// The entries as version 0 stored them: the person alone.
			for (who, entry) in &entries {
				let key = PersonOf::<Test>::hashed_key_for(COHORT, who);
				unhashed::put_raw(&key, &entry.person.encode());
			}
			StorageVersion::new(0).put::<Membership>();

			v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();

			assert_eq!(Membership::on_chain_storage_version(), 1);
			for (who, entry) in entries {
				assert_eq!(PersonOf::<Test>::get(COHORT, who), Some(entry));
			}
			assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)));
			assert_eq!(Membership::active_person(COHORT, &BOB), None);
			// Run again, it does nothing: the storage version is 1.
			let weight = v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			let one_read =
				<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(1);
			assert_eq!(weight, one_read);
		});
}

fn entry_of(who: AccountId) -> AccountEntryOf<Test> {
	PersonOf::<Test>::get(COHORT, who).expect("a member")
}
