//! The world every fuzz case starts from, built with real transactions on the dev preset: the
//! council has approved two clinics; three cohorts exist, one of each governance model, with
//! short voting periods and epochs so that their edges are reached; patients have joined,
//! consented and contributed; the data trust and the operator have each published a dataset
//! with a paid and a free offer.

use crate::chain::{Applied, Chain, Tampering};
use codec::Encode;
use cohort_primitives::{Consent, Purpose};
use cohort_runtime::{Runtime, RuntimeCall, UNIT};
use pallet_cohorts::{CodeSystem, CohortSettings, ConditionCode, Governance, VotingParams};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::Hash, Permill};

/// Every account the fuzzer signs with: the twelve well-known dev accounts.
pub fn accounts() -> Vec<Sr25519Keyring> {
	Sr25519Keyring::well_known().collect()
}

/// The clinic every cohort accepts.
pub const CLINIC: Sr25519Keyring = Ferdie;
/// A second clinic, which only the data trust accepts at first.
pub const SECOND_CLINIC: Sr25519Keyring = FerdieStash;
/// The data trust's trustees.
pub const TRUSTEES: Sr25519Keyring = Eve;
/// The private business's operator.
pub const OPERATOR: Sr25519Keyring = Dave;
/// The council (two of three pass a motion).
pub const COUNCIL: [Sr25519Keyring; 3] = [Alice, Bob, Charlie];

/// Cohort 0: the members decide everything.
pub const COOPERATIVE: u32 = 0;
/// Cohort 1: trustees decide the data.
pub const DATA_TRUST: u32 = 1;
/// Cohort 2: an operator decides the data and the split.
pub const BUSINESS: u32 = 2;
/// How many cohorts the world has.
pub const COHORTS: u32 = 3;

/// The voting period and epoch of every cohort: short, so that the fuzzer reaches them.
pub const VOTING_PERIOD: u32 = 8;
pub const EPOCH_LENGTH: u32 = 24;

/// The world, built on a fresh dev chain; every step must succeed.
pub fn build() -> Chain {
	let mut chain = Chain::from_dev_preset();
	for clinic in [CLINIC, SECOND_CLINIC] {
		let approve = pallet_cohorts::Call::approve_issuer { issuer: clinic.to_account_id() };
		council_passes(&mut chain, approve.into());
	}
	let governances = [
		(Bob, Governance::Cooperative, vec![CLINIC]),
		(
			TRUSTEES,
			Governance::DataTrust { trustees: TRUSTEES.to_account_id() },
			vec![CLINIC, SECOND_CLINIC],
		),
		(
			OPERATOR,
			Governance::Operator {
				operator: OPERATOR.to_account_id(),
				operator_share: Permill::from_percent(10),
			},
			vec![CLINIC],
		),
	];
	for (creator, governance, issuers) in governances {
		let call = pallet_cohorts::Call::create_cohort {
			condition: ConditionCode {
				system: CodeSystem::Icd10,
				code: b"U09.9".to_vec().try_into().expect("a short code"),
			},
			settings: settings(governance),
			issuers: issuers
				.iter()
				.map(|issuer| issuer.to_account_id())
				.collect::<Vec<_>>()
				.try_into()
				.expect("few issuers"),
		};
		must(&mut chain, creator, call.into());
	}
	let members = [
		(COOPERATIVE, [Charlie, Dave, Eve, AliceStash]),
		(DATA_TRUST, [Alice, Bob, Charlie, BobStash]),
		(BUSINESS, [BobStash, CharlieStash, DaveStash, EveStash]),
	];
	for (cohort, patients) in members {
		for (n, patient) in patients.into_iter().enumerate() {
			// Some attestations run out soon, so that expiry happens during the run.
			let expires_at = if n == 0 { 60 } else { 5_000 };
			let person = person(cohort, n as u8);
			let attest = pallet_cohort_membership::Call::attest {
				cohort,
				subject: patient.to_account_id(),
				person,
				expires_at,
				evidence: H256::repeat_byte(0xee),
			};
			must(&mut chain, CLINIC, attest.into());
			must(
				&mut chain,
				patient,
				pallet_cohort_membership::Call::join { cohort, credential: None }.into(),
			);
			let consent = Consent::only(&[Purpose::AiTraining, Purpose::AcademicResearch]);
			must(
				&mut chain,
				patient,
				pallet_cohort_membership::Call::set_consent { cohort, consent }.into(),
			);
			let units = 10 + 5 * n as u64;
			let contribute = pallet_cohort_membership::Call::record_contribution {
				cohort,
				member: patient.to_account_id(),
				units,
			};
			must(&mut chain, CLINIC, contribute.into());
		}
	}
	for (cohort, manager) in [(DATA_TRUST, TRUSTEES), (BUSINESS, OPERATOR)] {
		let dataset = chain.read(pallet_data_licensing::NextDatasetId::<Runtime>::get);
		must(&mut chain, manager, register_dataset(cohort, 1));
		for (purpose, price) in [(Purpose::AiTraining, 100 * UNIT), (Purpose::AcademicResearch, 0)]
		{
			must(&mut chain, manager, publish_offer(dataset, purpose, price, 30));
		}
	}
	chain.advance(1);
	chain
}

/// The settings of every cohort of the world, under `governance`.
pub fn settings(
	governance: Governance<cohort_runtime::AccountId>,
) -> CohortSettings<
	cohort_runtime::AccountId,
	u32,
	<Runtime as pallet_cohorts::Config>::MaxNameLength,
> {
	CohortSettings {
		name: b"Long COVID".to_vec().try_into().expect("a short name"),
		governance,
		members_share: Permill::from_percent(70),
		k_anonymity_floor: 2,
		voting: VotingParams {
			voting_period: VOTING_PERIOD,
			quorum: Permill::from_percent(20),
			voice_credits_per_epoch: 100,
			epoch_length: EPOCH_LENGTH,
		},
	}
}

/// The nullifier of person `n` of `cohort`: unique per cohort, as a clinic derives it.
pub fn person(cohort: u32, n: u8) -> H256 {
	let mut bytes = [n; 32];
	bytes[0] = cohort as u8;
	H256(bytes)
}

/// A dataset of `records` records for `cohort`.
pub fn register_dataset(cohort: u32, records: u64) -> RuntimeCall {
	pallet_data_licensing::Call::register_dataset {
		cohort,
		content_hash: H256::repeat_byte(records as u8),
		schema_tags: Default::default(),
		locator: b"enc:locator".to_vec().try_into().expect("a short locator"),
		record_count: records,
	}
	.into()
}

/// An offer of `dataset` for `purpose` at `price`, for `duration` blocks of access.
pub fn publish_offer(dataset: u32, purpose: Purpose, price: u128, duration: u32) -> RuntimeCall {
	pallet_data_licensing::Call::publish_offer {
		dataset,
		purpose,
		price,
		access_duration: duration,
		terms_hash: H256::repeat_byte(7),
	}
	.into()
}

/// Passes `call` through the Oversight Council: Alice proposes, she and Bob vote aye (two of
/// three), Charlie closes.
/// Returns the outcome of the motion's own call.
pub fn council_passes(chain: &mut Chain, call: RuntimeCall) -> Applied {
	let length = call.encoded_size() as u32;
	let weight = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call).call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index =
		chain.read(pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get);
	let name = crate::chain::call_name(&call);
	let propose = pallet_collective::Call::propose {
		threshold: 2,
		proposal: Box::new(call),
		length_bound: length,
	};
	chain.submit(Alice, propose.into(), Tampering::None);
	for member in [Alice, Bob] {
		let vote = pallet_collective::Call::vote { proposal: hash, index, approve: true };
		chain.submit(member, vote.into(), Tampering::None);
	}
	let close = pallet_collective::Call::close {
		proposal_hash: hash,
		index,
		proposal_weight_bound: weight,
		length_bound: length,
	};
	chain.submit(Charlie, close.into(), Tampering::None);
	let result = chain.read(|| {
		frame_system::Pallet::<Runtime>::read_events_no_consensus()
			.filter_map(|record| match record.event {
				cohort_runtime::RuntimeEvent::OversightCouncil(
					pallet_collective::Event::Executed { proposal_hash, result },
				) if proposal_hash == hash => Some(result),
				_ => None,
			})
			.last()
	});
	let applied = match result {
		Some(Ok(())) => Applied::Ok,
		Some(Err(error)) => Applied::Failed(crate::chain::error_name(error)),
		None => Applied::Failed("the motion did not pass".into()),
	};
	chain.report.record(&name, &applied, Tampering::None);
	applied
}

/// Submits `call` as `signer`, failing the run unless it succeeds (for building the world).
fn must(chain: &mut Chain, signer: Sr25519Keyring, call: RuntimeCall) {
	let name = crate::chain::call_name(&call);
	let applied = chain.submit(signer, call, Tampering::None);
	assert_eq!(applied, Applied::Ok, "building the world: {name} by {signer:?}");
}
