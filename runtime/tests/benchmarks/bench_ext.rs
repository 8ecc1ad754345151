//! Externalities for running benchmarks natively: plain in-memory storage (BasicExternalities)
//! plus what the benchmarking host functions need — `wipe` returns to the genesis state,
//! `commit` is a no-op (there is no database), and the database read/write counters read
//! zero (this runs benchmarks for their setup and verification, not to measure them). It
//! carries an in-memory keystore, for the benchmarks that sign as an issuer.

use sp_core::storage::{ChildInfo, StateVersion, Storage, TrackedStorageKey};
use sp_externalities::{Extension, ExtensionStore, Extensions, Externalities, MultiRemovalResults};
use sp_state_machine::BasicExternalities;
use std::any::{Any, TypeId};

pub struct BenchExt {
	genesis: Storage,
	state: BasicExternalities,
	extensions: Extensions,
	whitelist: Vec<TrackedStorageKey>,
}

impl BenchExt {
	pub fn new(genesis: Storage) -> Self {
		let mut extensions = Extensions::new();
		extensions
			.register(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
		Self {
			state: BasicExternalities::new(genesis.clone()),
			genesis,
			extensions,
			whitelist: Vec::new(),
		}
	}
}

impl ExtensionStore for BenchExt {
	fn extension_by_type_id(&mut self, type_id: TypeId) -> Option<&mut dyn Any> {
		self.extensions.get_mut(type_id)
	}

	fn register_extension_with_type_id(
		&mut self,
		type_id: TypeId,
		extension: Box<dyn Extension>,
	) -> Result<(), sp_externalities::Error> {
		self.extensions.register_with_type_id(type_id, extension)
	}

	fn deregister_extension_by_type_id(
		&mut self,
		type_id: TypeId,
	) -> Result<(), sp_externalities::Error> {
		if self.extensions.deregister(type_id) {
			Ok(())
		} else {
			Err(sp_externalities::Error::ExtensionIsNotRegistered(type_id))
		}
	}
}

impl Externalities for BenchExt {
	fn set_offchain_storage(&mut self, key: &[u8], value: Option<&[u8]>) {
		self.state.set_offchain_storage(key, value)
	}
	fn storage(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.state.storage(key)
	}
	fn storage_hash(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.state.storage_hash(key)
	}
	fn child_storage_hash(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.state.child_storage_hash(child_info, key)
	}
	fn child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.state.child_storage(child_info, key)
	}
	fn next_storage_key(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.state.next_storage_key(key)
	}
	fn next_child_storage_key(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.state.next_child_storage_key(child_info, key)
	}
	fn kill_child_storage(
		&mut self,
		child_info: &ChildInfo,
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.state.kill_child_storage(child_info, maybe_limit, maybe_cursor)
	}
	fn clear_prefix(
		&mut self,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.state.clear_prefix(prefix, maybe_limit, maybe_cursor)
	}
	fn clear_child_prefix(
		&mut self,
		child_info: &ChildInfo,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.state.clear_child_prefix(child_info, prefix, maybe_limit, maybe_cursor)
	}
	fn place_storage(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) {
		self.state.place_storage(key, value)
	}
	fn place_child_storage(
		&mut self,
		child_info: &ChildInfo,
		key: Vec<u8>,
		value: Option<Vec<u8>>,
	) {
		self.state.place_child_storage(child_info, key, value)
	}
	fn storage_root(&mut self, state_version: StateVersion) -> Vec<u8> {
		self.state.storage_root(state_version)
	}
	fn child_storage_root(
		&mut self,
		child_info: &ChildInfo,
		state_version: StateVersion,
	) -> Vec<u8> {
		self.state.child_storage_root(child_info, state_version)
	}
	fn storage_append(&mut self, key: Vec<u8>, value: Vec<u8>) {
		self.state.storage_append(key, value)
	}
	fn storage_start_transaction(&mut self) {
		self.state.storage_start_transaction()
	}
	fn storage_rollback_transaction(&mut self) -> Result<(), ()> {
		self.state.storage_rollback_transaction()
	}
	fn storage_commit_transaction(&mut self) -> Result<(), ()> {
		self.state.storage_commit_transaction()
	}
	fn wipe(&mut self) {
		self.state = BasicExternalities::new(self.genesis.clone());
	}
	fn commit(&mut self) {}
	fn read_write_count(&self) -> (u32, u32, u32, u32) {
		(0, 0, 0, 0)
	}
	fn reset_read_write_count(&mut self) {}
	fn get_whitelist(&self) -> Vec<TrackedStorageKey> {
		self.whitelist.clone()
	}
	fn set_whitelist(&mut self, new: Vec<TrackedStorageKey>) {
		self.whitelist = new;
	}
	fn get_read_and_written_keys(&self) -> Vec<(Vec<u8>, u32, u32, bool)> {
		Vec::new()
	}
}
