//! Chain specifications: the built-in `dev` and `local` chains, or a JSON file.

use cohort_runtime::genesis_config_presets::PARA_ID;
use sc_chain_spec::{ChainSpecExtension, ChainSpecGroup, ChainType};
use serde::{Deserialize, Serialize};

/// A Cohort chain specification.
pub type ChainSpec = sc_service::GenericChainSpec<Extensions>;

/// The relay chain a local Cohort network attaches to.
const LOCAL_RELAY_CHAIN: &str = "rococo-local";

/// What a parachain's chain spec carries beyond the genesis: its relay chain and para id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ChainSpecGroup, ChainSpecExtension)]
pub struct Extensions {
	/// The relay chain's chain spec id.
	#[serde(alias = "relayChain", alias = "RelayChain")]
	pub relay_chain: String,
	/// The parachain id.
	#[serde(alias = "paraId", alias = "ParaId")]
	pub para_id: u32,
}

impl Extensions {
	/// The extensions of `chain_spec`, if it has them.
	pub fn try_get(chain_spec: &dyn sc_service::ChainSpec) -> Option<&Self> {
		sc_chain_spec::get_extension(chain_spec.extensions())
	}
}

/// The token's display properties, for Polkadot.js.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "COH".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	cohort_runtime::WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm blob was not built (SKIP_WASM_BUILD was set); rebuild without it"
			.to_string()
	})
}

/// The one-node development chain (`--dev`).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(
		wasm_binary()?,
		Extensions { relay_chain: LOCAL_RELAY_CHAIN.into(), para_id: PARA_ID },
	)
	.with_name("Cohort Development")
	.with_id("cohort_dev")
	.with_chain_type(ChainType::Development)
	.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
	.with_properties(properties())
	.build())
}

/// The local test network (zombienet): para 1000 on `rococo-local`.
pub fn local_testnet_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(
		wasm_binary()?,
		Extensions { relay_chain: LOCAL_RELAY_CHAIN.into(), para_id: PARA_ID },
	)
	.with_name("Cohort Local Testnet")
	.with_id("cohort_local_testnet")
	.with_chain_type(ChainType::Local)
	.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
	.with_protocol_id("cohort-local")
	.with_properties(properties())
	.build())
}

/// The chain spec named `id`: `dev`, `local`, or the path of a JSON chain spec.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "" => Box::new(development_chain_spec()?),
		"local" => Box::new(local_testnet_chain_spec()?),
		path => {
			let file = std::path::PathBuf::from(path);
			if !file.is_file() {
				return Err(format!(
					"unknown chain `{path}`: use `dev`, `local` or the path of a chain spec file"
				));
			}
			Box::new(ChainSpec::from_json_file(file)?)
		},
	})
}
