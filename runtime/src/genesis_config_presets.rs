//! Genesis presets: the starting state of a new Cohort chain.
//!
//! - `development` (`cohort-node --dev`): one node; Alice authors; the well-known dev accounts
//!   are funded; Alice, Bob and Charlie form the Oversight Council; Alice is sudo.
//! - `local_testnet` (zombienet): the same accounts and council, with Alice and Bob as the two
//!   collators of para 1000.

use crate::{
	AccountId, AuraId, BalancesConfig, CohortsConfig, CollatorSelectionConfig,
	OversightCouncilConfig, ParachainInfoConfig, PolkadotXcmConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, SudoConfig, EXISTENTIAL_DEPOSIT, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Permill;

/// The para id Cohort registers as on a local relay chain.
pub const PARA_ID: u32 = 1000;
/// What each dev account starts with: a million tokens.
pub const DEV_ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The bond a collator candidate puts up.
const CANDIDACY_BOND: u128 = EXISTENTIAL_DEPOSIT * 16;
/// The platform's share of licence revenue at launch; the council may change it.
pub const PLATFORM_SHARE: Permill = Permill::from_percent(5);
/// The least share an operator's cohort pays its members at launch.
pub const MEMBERS_SHARE_FLOOR: Permill = Permill::from_percent(50);
/// The XCM version assumed for peers that have not told us theirs.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;

/// The genesis state, from who holds what and who does which job.
fn cohort_genesis(
	collators: Vec<(AccountId, AuraId)>,
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
	root: AccountId,
	para_id: ParaId,
) -> serde_json::Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, DEV_ENDOWMENT)).collect(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: para_id },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|(account, _)| account.clone()).collect(),
			candidacy_bond: CANDIDACY_BOND,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(account, aura)| (account.clone(), account, SessionKeys { aura }))
				.collect(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
		oversight_council: OversightCouncilConfig { members: council },
		sudo: SudoConfig { key: Some(root) },
		cohorts: CohortsConfig {
			platform_share: PLATFORM_SHARE,
			members_share_floor: MEMBERS_SHARE_FLOOR,
		},
	})
}

/// The well-known dev accounts (Alice to Ferdie, and their `//stash` accounts).
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

fn council() -> Vec<AccountId> {
	vec![
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::Bob.to_account_id(),
		Sr25519Keyring::Charlie.to_account_id(),
	]
}

fn collator(key: Sr25519Keyring) -> (AccountId, AuraId) {
	(key.to_account_id(), key.public().into())
}

fn development() -> serde_json::Value {
	cohort_genesis(
		vec![collator(Sr25519Keyring::Alice)],
		dev_accounts(),
		council(),
		Sr25519Keyring::Alice.to_account_id(),
		PARA_ID.into(),
	)
}

fn local_testnet() -> serde_json::Value {
	cohort_genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		dev_accounts(),
		council(),
		Sr25519Keyring::Alice.to_account_id(),
		PARA_ID.into(),
	)
}

/// The JSON patch of preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

/// Builds the genesis state of preset `id` into the current externalities: the default config
/// with the preset's patch merged in, as the node's chain-spec builder makes it. For native
/// tests and the fuzzer, which build the state without the wasm blob.
#[cfg(feature = "std")]
pub fn build_state(id: &PresetId) -> Result<(), String> {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.map_err(|error| format!("the default config: {error}"))?;
	let preset = get_preset(id).ok_or_else(|| format!("no preset {id:?}"))?;
	let patch = serde_json::from_slice(&preset).map_err(|error| format!("the preset: {error}"))?;
	merge_json(&mut config, patch);
	let config = serde_json::to_vec(&config).map_err(|error| format!("the config: {error}"))?;
	frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(config)
		.map_err(|error| error.to_string())
}

/// Merges `patch` into `base` as a JSON merge patch does: objects key by key (a null removes
/// the key), anything else replaced.
#[cfg(feature = "std")]
fn merge_json(base: &mut serde_json::Value, patch: serde_json::Value) {
	use serde_json::Value;
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				if value.is_null() {
					base.remove(&key);
				} else {
					merge_json(base.entry(key).or_insert(Value::Null), value);
				}
			}
		},
		(base, patch) => *base = patch,
	}
}
