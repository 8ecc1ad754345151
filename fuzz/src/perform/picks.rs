//! How a step's numbers pick among what exists now, and the values at the edges.

use super::*;

/// Who asks for licences.
pub(super) const LICENSEES: [Sr25519Keyring; 3] = [AliceStash, CharlieStash, Alice];

/// Amounts at the edges: nothing, dust, around the existential deposit, ordinary, more than
/// anyone has.
pub(super) fn amount(choice: u8) -> u128 {
	const AMOUNTS: [u128; 9] = [
		0,
		1,
		EXISTENTIAL_DEPOSIT - 1,
		EXISTENTIAL_DEPOSIT,
		UNIT,
		10 * UNIT,
		1_000 * UNIT,
		2_000_000 * UNIT,
		u128::MAX,
	];
	AMOUNTS[choice as usize % AMOUNTS.len()]
}

pub(super) fn percent(choice: u8) -> Permill {
	Permill::from_percent(u32::from(choice) % 105)
}

pub(super) fn purpose(choice: u8) -> Purpose {
	Purpose::ALL[choice as usize % Purpose::ALL.len()]
}

pub(super) fn consent(bits: u8) -> Consent {
	let chosen: Vec<Purpose> =
		Purpose::ALL.into_iter().filter(|p| bits & (1 << p.index()) != 0).collect();
	Consent::only(&chosen)
}

pub(super) fn account(choice: u8) -> Sr25519Keyring {
	let accounts = world::accounts();
	accounts[choice as usize % accounts.len()]
}

pub(super) fn keyring_of(account: &AccountId) -> Option<Sr25519Keyring> {
	world::accounts().into_iter().find(|k| &k.to_account_id() == account)
}

/// The `choice`th of `items`, or `fallback` when there are none.
pub(super) fn pick<T: Clone>(items: &[T], choice: u8, fallback: T) -> T {
	if items.is_empty() {
		fallback
	} else {
		items[choice as usize % items.len()].clone()
	}
}

/// A cohort: mostly one that exists, sometimes the next id (which does not).
pub(super) fn cohort(chain: &mut Chain, choice: u8) -> u32 {
	let next = chain.read(pallet_cohorts::NextCohortId::<Runtime>::get);
	u32::from(choice) % (next + 1)
}

/// The accounts holding a (not left) membership of `cohort`.
pub(super) fn members(chain: &mut Chain, cohort: u32) -> Vec<Sr25519Keyring> {
	chain.read(|| {
		pallet_cohort_membership::PersonOf::<Runtime>::iter_key_prefix(cohort)
			.filter_map(|account| keyring_of(&account))
			.collect()
	})
}

pub(super) fn member(chain: &mut Chain, cohort: u32, choice: u8) -> Sr25519Keyring {
	let members = members(chain, cohort);
	pick(&members, choice, account(choice))
}

/// Existing ids of a map keyed by `u32`, sorted, mostly; sometimes one that does not exist.
pub(super) fn id(existing: Vec<u32>, next: u32, choice: u8) -> u32 {
	if choice >= 224 {
		return next;
	}
	let mut existing = existing;
	existing.sort();
	pick(&existing, choice, next)
}

pub(super) fn proposal(chain: &mut Chain, choice: u8) -> u32 {
	chain.read(|| {
		let open = pallet_quadratic_voting::Proposals::<Runtime>::iter_keys().collect();
		id(open, pallet_quadratic_voting::NextProposalId::<Runtime>::get(), choice)
	})
}

pub(super) fn request(chain: &mut Chain, choice: u8) -> u32 {
	chain.read(|| {
		let open = pallet_data_licensing::Requests::<Runtime>::iter_keys().collect();
		id(open, pallet_data_licensing::NextRequestId::<Runtime>::get(), choice)
	})
}

pub(super) fn offer(chain: &mut Chain, choice: u8) -> u32 {
	chain.read(|| {
		let open = pallet_data_licensing::Offers::<Runtime>::iter_keys().collect();
		id(open, pallet_data_licensing::NextOfferId::<Runtime>::get(), choice)
	})
}

pub(super) fn dataset(chain: &mut Chain, choice: u8) -> u32 {
	chain.read(|| {
		let all = pallet_data_licensing::Datasets::<Runtime>::iter_keys().collect();
		id(all, pallet_data_licensing::NextDatasetId::<Runtime>::get(), choice)
	})
}

/// A grant `(dataset, licensee, purpose)`, or a made-up one when there are none.
pub(super) fn grant(chain: &mut Chain, choice: u8) -> (u32, AccountId, Purpose) {
	chain.read(|| {
		let mut grants: Vec<_> = pallet_data_licensing::Grants::<Runtime>::iter_keys().collect();
		grants.sort();
		pick(&grants, choice, (0, LICENSEES[0].to_account_id(), Purpose::AiTraining))
	})
}

/// The cohort whose data a dataset is, if it exists.
pub(super) fn cohort_of_dataset(chain: &mut Chain, dataset: u32) -> Option<u32> {
	chain.read(|| pallet_data_licensing::Datasets::<Runtime>::get(dataset).map(|d| d.cohort))
}

pub(super) fn cohort_of_request(chain: &mut Chain, request: u32) -> Option<u32> {
	chain.read(|| pallet_data_licensing::Requests::<Runtime>::get(request).map(|r| r.cohort))
}

/// Where the attestation of `lifetime` expires, relative to now: at the edges (already,
/// next block, soon) and beyond the longest allowed.
pub(super) fn expires_at(chain: &Chain, lifetime: u8) -> BlockNumber {
	let max = <Runtime as pallet_cohort_membership::Config>::MaxAttestationPeriod::get();
	let now = chain.block;
	match lifetime % 8 {
		0 => now,
		1 => now + 1,
		2 => now + 2,
		3 => now + 5,
		4 => now + 20,
		5 => now + max,
		6 => now + max + 1,
		_ => now + 2_000,
	}
}

pub(super) fn proposal_cohort(chain: &mut Chain, proposal: u32) -> Option<u32> {
	chain.read(|| pallet_quadratic_voting::Proposals::<Runtime>::get(proposal).map(|p| p.cohort))
}

/// A subject with an on-chain attestation in `cohort`, or any account.
pub(super) fn attested(chain: &mut Chain, cohort: u32, choice: u8) -> AccountId {
	let subjects: Vec<AccountId> = chain.read(|| {
		pallet_cohort_membership::Attestations::<Runtime>::iter_key_prefix(cohort).collect()
	});
	pick(&subjects, choice, account(choice).to_account_id())
}
