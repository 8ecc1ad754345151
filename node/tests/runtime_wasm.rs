//! The runtime the node ships, as a whole: its genesis presets (built through the wasm blob, as
//! the node builds them), a signed transaction through the executive, its metadata, and the
//! compiled wasm blob. Here rather than in the runtime's tests, so that those need no client
//! crates (the runtime's own tests build with every feature, in a target dir of their own).

use codec::{Decode, Encode};
use cohort_runtime::{
	genesis_config_presets::{DEV_ENDOWMENT, PARA_ID},
	Balances, Executive, Header, ParachainInfo, Runtime, RuntimeCall, RuntimeEvent, System,
	TxExtension, UncheckedExtrinsic, EXISTENTIAL_DEPOSIT, UNIT, VERSION, WASM_BINARY,
};
use sc_chain_spec::GenesisConfigBuilderRuntimeCaller;
use sc_executor::WasmExecutor;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Era, SignedPayload},
	traits::Header as _,
	MultiSignature,
};

/// Host functions a Cumulus runtime imports beyond Substrate's.
type ExtraHostFunctions =
	cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions;

const PRESETS: [&str; 2] = ["development", "local_testnet"];

fn wasm() -> &'static [u8] {
	WASM_BINARY.expect("the runtime tests need the wasm blob: build without SKIP_WASM_BUILD")
}

fn genesis_storage(preset: &str) -> sp_core::storage::Storage {
	GenesisConfigBuilderRuntimeCaller::<ExtraHostFunctions>::new(wasm())
		.get_storage_for_named_preset(Some(&preset.to_string()))
		.unwrap_or_else(|e| panic!("preset {preset} does not build: {e}"))
}

#[test]
fn the_runtime_offers_the_development_and_local_testnet_presets() {
	let names = GenesisConfigBuilderRuntimeCaller::<ExtraHostFunctions>::new(wasm())
		.preset_names()
		.unwrap();
	let names: Vec<String> = names.into_iter().collect();
	assert_eq!(names, PRESETS.map(String::from));
}

#[test]
fn an_unknown_preset_is_refused() {
	let result = GenesisConfigBuilderRuntimeCaller::<ExtraHostFunctions>::new(wasm())
		.get_storage_for_named_preset(Some(&"no-such-preset".to_string()));
	assert!(result.is_err());
}

#[test]
fn each_genesis_preset_builds_a_valid_state() {
	for preset in PRESETS {
		sp_io::TestExternalities::new(genesis_storage(preset)).execute_with(|| {
			assert_eq!(u32::from(ParachainInfo::parachain_id()), PARA_ID, "{preset}");

			let well_known: Vec<_> = Sr25519Keyring::well_known().collect();
			for key in &well_known {
				assert_eq!(Balances::free_balance(key.to_account_id()), DEV_ENDOWMENT, "{preset}");
			}
			// The royalty pot and the platform account live on their existential deposits.
			let pot = cohort_runtime::Royalties::pot_account();
			let platform =
				<cohort_runtime::configs::cohorts::PlatformAccount as frame_support::traits::Get<
					_,
				>>::get();
			for account in [&pot, &platform] {
				assert_eq!(Balances::free_balance(account), EXISTENTIAL_DEPOSIT, "{preset}");
			}
			assert_eq!(
				Balances::total_issuance(),
				DEV_ENDOWMENT * well_known.len() as u128 + 2 * EXISTENTIAL_DEPOSIT,
				"{preset}: issuance is exactly the endowments"
			);

			// pallet-collective keeps its members sorted.
			let mut council: Vec<_> =
				[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
					.map(|k| k.to_account_id())
					.into();
			council.sort();
			assert_eq!(
				pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
				council,
				"{preset}: a council of three"
			);
			assert_eq!(
				pallet_sudo::Key::<Runtime>::get(),
				Some(Sr25519Keyring::Alice.to_account_id())
			);

			let collators = if preset == "development" { 1 } else { 2 };
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), collators, "{preset}");
			assert_eq!(
				pallet_collator_selection::Invulnerables::<Runtime>::get().len(),
				collators,
				"{preset}"
			);
			assert_eq!(
				pallet_session::Validators::<Runtime>::get(),
				pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(),
				"{preset}: the session's validators are the invulnerable collators"
			);
			assert!(pallet_collator_selection::CandidacyBond::<Runtime>::get() > 0);
		});
	}
}

/// A transfer signed by `from`, as a wallet builds it.
fn signed_transfer(
	from: Sr25519Keyring,
	to: Sr25519Keyring,
	value: u128,
	nonce: u32,
) -> UncheckedExtrinsic {
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: to.to_account_id().into(),
		value,
	});
	let extension: TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim::new((
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
	));
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("valid payload");
	let signature = payload.using_encoded(|bytes| from.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		from.to_account_id().into(),
		MultiSignature::from(signature),
		extension,
	)
}

#[test]
fn a_signed_balance_transfer_applies_through_the_executive() {
	sp_io::TestExternalities::new(genesis_storage("development")).execute_with(|| {
		let header = Header::new(
			1,
			Default::default(),
			Default::default(),
			System::block_hash(0),
			Default::default(),
		);
		Executive::initialize_block(&header);

		let (alice, dave) = (Sr25519Keyring::Alice, Sr25519Keyring::Dave);
		let amount = 5 * UNIT;
		let result = Executive::apply_extrinsic(signed_transfer(alice, dave, amount, 0));
		assert_eq!(result, Ok(Ok(())));

		assert_eq!(Balances::free_balance(dave.to_account_id()), DEV_ENDOWMENT + amount);
		let fee = DEV_ENDOWMENT - amount - Balances::free_balance(alice.to_account_id());
		assert!(fee > 0, "the sender paid a fee");
		assert_eq!(System::account_nonce(alice.to_account_id()), 1);
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount: a })
				if *from == alice.to_account_id() && *to == dave.to_account_id() && *a == amount
		)));
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. }
			) if *actual_fee == fee
		)));

		// The same transaction again is stale: the nonce has moved on.
		let replay = Executive::apply_extrinsic(signed_transfer(alice, dave, amount, 0));
		assert!(replay.is_err(), "a replayed transaction is refused");
		assert_eq!(Balances::free_balance(dave.to_account_id()), DEV_ENDOWMENT + amount);
	});
}

#[test]
fn the_metadata_lists_every_pallet() {
	// (frame-metadata's own types, through frame-support: a direct dev-dependency would change
	// scale-info's features and make the test build recompile the node.)
	use frame_support::__private::metadata::RuntimeMetadata;
	let prefixed = sp_io::TestExternalities::default().execute_with(Runtime::metadata);
	let RuntimeMetadata::V14(metadata) = prefixed.1 else {
		panic!("metadata V14 expected");
	};
	let names: Vec<&str> = metadata.pallets.iter().map(|pallet| pallet.name.as_str()).collect();
	for expected in [
		"System",
		"ParachainSystem",
		"Timestamp",
		"ParachainInfo",
		"WeightReclaim",
		"Balances",
		"TransactionPayment",
		"Authorship",
		"CollatorSelection",
		"Session",
		"Aura",
		"AuraExt",
		"XcmpQueue",
		"PolkadotXcm",
		"CumulusXcm",
		"MessageQueue",
		"Utility",
		"Multisig",
		"Proxy",
		"OversightCouncil",
		"Cohorts",
		"Membership",
		"QuadraticVoting",
		"Royalties",
		"DataLicensing",
		"Sudo",
	] {
		assert!(names.contains(&expected), "{expected} is missing from {names:?}");
	}
	// Polkadot.js reads metadata V14 or later without custom types.
	assert!(Runtime::metadata_versions().contains(&14));
	assert!(Runtime::metadata_versions().contains(&15));
}

#[test]
fn the_wasm_blob_executes_and_reports_spec_name_cohort() {
	let executor =
		WasmExecutor::<(sp_io::SubstrateHostFunctions, ExtraHostFunctions)>::builder().build();
	let blob = sc_executor_common::runtime_blob::RuntimeBlob::uncompress_if_needed(wasm())
		.expect("a valid wasm blob");
	let mut externalities = sp_io::TestExternalities::default();
	let mut ext = externalities.ext();
	let output = executor
		.uncached_call(blob, &mut ext, false, "Core_version", &[])
		.expect("Core_version executes");
	let version = sp_version::RuntimeVersion::decode(&mut &output[..]).expect("a version");

	assert_eq!(version.spec_name, "cohort");
	assert_eq!(version.spec_version, VERSION.spec_version);
	assert_eq!(version.encode(), VERSION.encode(), "wasm and native agree");
	println!("compressed wasm blob: {} bytes", wasm().len());
}
