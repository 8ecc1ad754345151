//! Opening the node's database, with one clear error when it cannot be used: corrupt, locked by
//! another node, not a directory, or holding another chain than the chain spec's.
//!
//! Substrate reports the first three with the database engine's words but no path, and opens
//! another chain's database without a word, authoring blocks on top of a foreign genesis.

use crate::service::{ParachainBackend, ParachainExecutor};
use cohort_runtime::{opaque::Block, Hash};
use sc_service::{BuildGenesisBlock, Configuration, GenesisBlockBuilder};
use sp_runtime::traits::Block as _;
use std::{path::Path, sync::Arc};

/// Writes the chain spec's genesis block into a new database.
pub type GenesisBuilder = GenesisBlockBuilder<Block, ParachainBackend, ParachainExecutor>;

/// The node's database, open, and the genesis block its chain spec expects in it.
pub struct Database {
	pub backend: Arc<ParachainBackend>,
	/// Writes the genesis block when the database is new.
	pub genesis_builder: GenesisBuilder,
	/// The hash of the chain spec's genesis block.
	pub spec_genesis: Hash,
}

/// Opens the database `config` names and builds the chain spec's genesis block.
pub fn open(
	config: &Configuration,
	executor: &ParachainExecutor,
) -> Result<Database, sc_service::Error> {
	if let Some(not_a_directory) = config.database.path().and_then(file_in_the_way) {
		return Err(unusable(config, format!("{} is not a directory", not_a_directory.display())));
	}
	let backend = sc_service::new_db_backend(config.db_config()).map_err(|error| {
		let reason = match error {
			sp_blockchain::Error::Backend(reason) => reason,
			other => other.to_string(),
		};
		if reason.contains("lock file") {
			unusable(config, format!("{reason} (is another node running on this base path?)"))
		} else {
			unusable(config, reason)
		}
	})?;

	let genesis_storage = config
		.chain_spec
		.as_storage_builder()
		.build_storage()
		.map_err(sp_blockchain::Error::Storage)?;
	// Only computes the genesis block: an operation that is not committed writes nothing.
	let (spec_genesis_block, _) = GenesisBlockBuilder::<Block, _, _>::new_with_storage(
		genesis_storage.clone(),
		false,
		backend.clone(),
		executor.clone(),
	)?
	.build_genesis_block()?;
	let genesis_builder = GenesisBlockBuilder::new_with_storage(
		genesis_storage,
		!config.no_genesis(),
		backend.clone(),
		executor.clone(),
	)?;
	Ok(Database { backend, genesis_builder, spec_genesis: spec_genesis_block.hash() })
}

/// Refuses a database whose genesis block is not the chain spec's: it belongs to another chain.
pub fn ensure_same_chain(
	config: &Configuration,
	database_genesis: Hash,
	spec_genesis: Hash,
) -> Result<(), sc_service::Error> {
	if database_genesis == spec_genesis {
		return Ok(());
	}
	Err(unusable(
		config,
		format!(
			"it holds another chain (genesis {database_genesis:?}) than the chain spec `{}` \
			 (genesis {spec_genesis:?}), or one begun by a cohort-node with another runtime: \
			 use another --base-path, or remove the database to start afresh",
			config.chain_spec.name()
		),
	))
}

/// The first existing path among `path` and its parents, when it is not a directory.
fn file_in_the_way(path: &Path) -> Option<&Path> {
	path.ancestors()
		.find(|ancestor| ancestor.exists())
		.filter(|existing| !existing.is_dir())
}

/// The one-line error for a database that cannot be used.
fn unusable(config: &Configuration, reason: String) -> sc_service::Error {
	let location = config
		.database
		.path()
		.map_or("(in memory)".into(), |path| path.display().to_string());
	let message = format!("the database at {location} cannot be opened: {reason}");
	sc_service::Error::Client(sp_blockchain::Error::Application(message.into()))
}
