//! What one person does: the call, and who would naturally send it.

use super::*;

/// A personal action's call, with who would naturally send it; `None` to skip the step.
pub(super) fn personal(
	chain: &mut Chain,
	step: &Step,
	action: &Action,
) -> Option<(Vec<Sr25519Keyring>, RuntimeCall)> {
	use pallet_cohort_membership::Call as Membership;
	use pallet_data_licensing::Call as Licensing;
	use pallet_quadratic_voting::Call as Voting;
	use Action::*;
	let clinics = vec![CLINIC, CLINIC, CLINIC, SECOND_CLINIC];
	let anyone = world::accounts();
	Some(match *action {
		Decide { .. } => return None,
		Attest { cohort: c, subject, person, lifetime } => {
			let cohort = cohort(chain, c);
			let call = Membership::attest {
				cohort,
				subject: account(subject).to_account_id(),
				person: world::person(cohort, person % 16),
				expires_at: expires_at(chain, lifetime),
				evidence: H256::repeat_byte(0xee),
			};
			(clinics, call.into())
		},
		WithdrawAttestation { cohort: c, subject } => {
			let cohort = cohort(chain, c);
			let subject = attested(chain, cohort, subject);
			(clinics, Membership::withdraw_attestation { cohort, subject }.into())
		},
		Join { cohort: c } => {
			let cohort = cohort(chain, c);
			let subjects: Vec<_> = chain.read(|| {
				pallet_cohort_membership::Attestations::<Runtime>::iter_key_prefix(cohort)
					.filter_map(|subject| keyring_of(&subject))
					.collect()
			});
			(subjects, Membership::join { cohort, credential: None }.into())
		},
		JoinWithCredential { cohort: c, person, lifetime } => {
			let cohort = cohort(chain, c);
			let subject = account(step.who);
			let credential = credential(chain, cohort, subject, person, lifetime);
			return Some((
				vec![subject],
				Membership::join { cohort, credential: Some(credential) }.into(),
			));
		},
		Leave { cohort: c } => {
			let cohort = cohort(chain, c);
			(members(chain, cohort), Membership::leave { cohort }.into())
		},
		Revoke { cohort: c, member: m } => {
			let cohort = cohort(chain, c);
			let member = member(chain, cohort, m).to_account_id();
			(clinics, Membership::revoke { cohort, member }.into())
		},
		Expire { cohort: c, member: m } => {
			let cohort = cohort(chain, c);
			let member = member(chain, cohort, m).to_account_id();
			(anyone, Membership::expire { cohort, member }.into())
		},
		Rotate { cohort: c, lost } => {
			let cohort = cohort(chain, c);
			let lost = member(chain, cohort, lost);
			let new = account(step.who);
			let (nonce, signature) = rotation_approval(chain, cohort, lost, new);
			let call = Membership::rotate { cohort, lost: lost.to_account_id(), nonce, signature };
			return Some((vec![new], call.into()));
		},
		CancelRotation { cohort: c } => {
			let cohort = cohort(chain, c);
			(members(chain, cohort), Membership::cancel_rotation { cohort }.into())
		},
		CompleteRotation { cohort: c, lost } => {
			let cohort = cohort(chain, c);
			let pending: Vec<AccountId> = chain.read(|| {
				pallet_cohort_membership::PendingRotations::<Runtime>::iter_key_prefix(cohort)
					.collect()
			});
			let lost = pick(&pending, lost, account(lost).to_account_id());
			(anyone, Membership::complete_rotation { cohort, lost }.into())
		},
		ForgetDeparted { cohort: c, person } => {
			let cohort = cohort(chain, c);
			let person = world::person(cohort, person % 16);
			(anyone, Membership::forget_departed { cohort, person }.into())
		},
		SetConsent { cohort: c, purposes } => {
			let cohort = cohort(chain, c);
			(
				members(chain, cohort),
				Membership::set_consent { cohort, consent: consent(purposes) }.into(),
			)
		},
		RecordContribution { cohort: c, member: m, units } => {
			let cohort = cohort(chain, c);
			let member = member(chain, cohort, m).to_account_id();
			let units = u64::from(units) * 1_000;
			(clinics, Membership::record_contribution { cohort, member, units }.into())
		},
		DelegateConsent { cohort: c } => {
			let cohort = cohort(chain, c);
			(members(chain, cohort), Membership::delegate_consent { cohort }.into())
		},
		CreateCohort { governance } => {
			let call = pallet_cohorts::Call::create_cohort {
				condition: pallet_cohorts::ConditionCode {
					system: pallet_cohorts::CodeSystem::SnomedCt,
					code: b"1119303003".to_vec().try_into().expect("a short code"),
				},
				settings: world::settings(governance_of(governance)),
				issuers: vec![CLINIC.to_account_id()].try_into().expect("one issuer"),
			};
			(anyone, call.into())
		},
		WithdrawCredentials => (clinics, pallet_cohorts::Call::withdraw_credentials {}.into()),
		Vote { proposal: p, aye, votes } => {
			let proposal = proposal(chain, p);
			let voters =
				proposal_cohort(chain, proposal).map(|c| members(chain, c)).unwrap_or_default();
			let choice = if aye {
				pallet_quadratic_voting::Choice::Aye
			} else {
				pallet_quadratic_voting::Choice::Nay
			};
			(voters, Voting::vote { proposal, choice, votes: u32::from(votes % 12) }.into())
		},
		RemoveVote { proposal: p } => {
			let proposal = proposal(chain, p);
			let voters =
				proposal_cohort(chain, proposal).map(|c| members(chain, c)).unwrap_or_default();
			(voters, Voting::remove_vote { proposal }.into())
		},
		Close { proposal: p } => (anyone, Voting::close { proposal: proposal(chain, p) }.into()),
		Withdraw { proposal: p } => {
			let proposal = proposal(chain, p);
			let proposer = chain
				.read(|| pallet_quadratic_voting::Proposals::<Runtime>::get(proposal))
				.and_then(|p| keyring_of(&p.proposer));
			(proposer.into_iter().collect(), Voting::withdraw { proposal }.into())
		},
		Claim { cohort: c } => {
			let cohort = cohort(chain, c);
			(members(chain, cohort), pallet_royalties::Call::claim { cohort }.into())
		},
		ClaimFor { cohort: c, member: m } => {
			let cohort = cohort(chain, c);
			let member = member(chain, cohort, m).to_account_id();
			(anyone, pallet_royalties::Call::claim_for { cohort, member }.into())
		},
		Request { offer: o } => {
			(LICENSEES.to_vec(), Licensing::request { offer: offer(chain, o) }.into())
		},
		WithdrawRequest { request: r } => {
			let request = request(chain, r);
			let licensee = chain
				.read(|| pallet_data_licensing::Requests::<Runtime>::get(request))
				.and_then(|r| keyring_of(&r.licensee));
			(licensee.into_iter().collect(), Licensing::withdraw_request { request }.into())
		},
		RemoveExpiredGrant { grant: g } => {
			let (dataset, licensee, purpose) = grant(chain, g);
			(anyone, Licensing::remove_expired_grant { dataset, licensee, purpose }.into())
		},
		ReportOutcome { grant: g, kind } => {
			let (dataset, licensee, purpose) = grant(chain, g);
			let kinds = [
				OutcomeKind::Publication,
				OutcomeKind::Preprint,
				OutcomeKind::TrialRegistration,
				OutcomeKind::Product,
				OutcomeKind::ModelCard,
				OutcomeKind::NoResult,
			];
			let call = Licensing::report_outcome {
				dataset,
				purpose,
				outcome_hash: H256::repeat_byte(kind),
				kind: kinds[kind as usize % kinds.len()],
			};
			(keyring_of(&licensee).into_iter().collect(), call.into())
		},
		WithdrawOutcome { cohort: c, outcome } => {
			let cohort = cohort(chain, c);
			let call = Licensing::withdraw_outcome { cohort, outcome: u32::from(outcome % 8) };
			(LICENSEES.to_vec(), call.into())
		},
		Transfer { to, amount: a } => {
			let call = pallet_balances::Call::transfer_allow_death {
				dest: account(to).to_account_id().into(),
				value: amount(a),
			};
			(anyone, call.into())
		},
		Raw { pallet, call, ref args } => (anyone, raw_call(pallet, call, args)?),
	})
}

/// An off-chain credential the clinic signs for `subject` (as `person`), as the portal's
/// clinic page would.
pub(super) fn credential(
	chain: &mut Chain,
	cohort: u32,
	subject: Sr25519Keyring,
	person: u8,
	lifetime: u8,
) -> (Credential<AccountId, BlockNumber, H256>, MultiSignature) {
	let genesis_hash = chain.read(|| frame_system::BlockHash::<Runtime>::get(0));
	let credential = Credential {
		genesis_hash,
		cohort,
		subject: subject.to_account_id(),
		person: world::person(cohort, person % 16),
		expires_at: expires_at(chain, lifetime),
		evidence: H256::repeat_byte(0xee),
		issuer: CLINIC.to_account_id(),
		nonce: u64::from(chain.block),
		issued_at: chain.block.saturating_sub(1),
	};
	let signature = CLINIC.sign(&(CREDENTIAL_TAG, &credential).encode()).into();
	(credential, signature)
}

/// The clinic's approval of moving `lost`'s membership of `cohort` to `new`.
pub(super) fn rotation_approval(
	chain: &mut Chain,
	cohort: u32,
	lost: Sr25519Keyring,
	new: Sr25519Keyring,
) -> (u64, MultiSignature) {
	let (genesis_hash, person, nonce) = chain.read(|| {
		let person =
			pallet_cohort_membership::PersonOf::<Runtime>::get(cohort, lost.to_account_id())
				.map(|entry| entry.person)
				.unwrap_or_default();
		let nonce = pallet_cohort_membership::Memberships::<Runtime>::get(cohort, person)
			.map(|record| record.nonce + 1)
			.unwrap_or(1);
		(frame_system::BlockHash::<Runtime>::get(0), person, nonce)
	});
	let approval = RotationApproval {
		genesis_hash,
		cohort,
		person,
		from: lost.to_account_id(),
		to: new.to_account_id(),
		nonce,
	};
	(nonce, CLINIC.sign(&(ROTATION_TAG, &approval).encode()).into())
}

/// A call of one of the runtime's other pallets decoded from `(pallet, call, args)`, if it
/// decodes; never one of the inherents' pallets, sudo (one key may do anything) or the
/// dispatch wrappers (which could carry either).
pub(super) fn raw_call(pallet: u8, call: u8, args: &[u8]) -> Option<RuntimeCall> {
	// Pallet indices are below 72 (sudo, 255, is excluded anyway): most choices name one.
	let bytes: Vec<u8> = [pallet % 72, call % 32].into_iter().chain(args.iter().copied()).collect();
	let call = RuntimeCall::decode_with_depth_limit(8, &mut &bytes[..]).ok()?;
	let name = call_name(&call);
	const EXCLUDED: [&str; 7] = [
		"System::",
		"Sudo::",
		"ParachainSystem::",
		"Timestamp::",
		"Utility::",
		"Proxy::",
		"Multisig::",
	];
	(!EXCLUDED.iter().any(|prefix| name.starts_with(prefix))).then_some(call)
}
