//! Decisions for a cohort or the platform, by the route the step chose.

use super::*;

pub(super) fn decide(chain: &mut Chain, step: &Step, route: Route, decision: Decision) {
	let (cohort, call) = decision_call(chain, decision);
	// The platform's decisions are the council's: a natural route to them is its motion.
	let platform = matches!(
		decision,
		Decision::ApproveIssuer { .. }
			| Decision::RemoveIssuer { .. }
			| Decision::SetPlatformShare { .. }
			| Decision::SetMembersShareFloor { .. }
			| Decision::CancelProposal { .. }
			| Decision::Freeze { .. }
			| Decision::Unfreeze { .. }
	);
	let route = if platform && step.natural_signer && route != Route::Signed {
		Route::Council
	} else {
		route
	};
	match route {
		Route::Council => {
			world::council_passes(chain, call);
		},
		Route::Signed => {
			let natural = match cohort {
				Some(world::DATA_TRUST) => vec![TRUSTEES],
				Some(world::BUSINESS) => vec![OPERATOR],
				Some(cohort) => members(chain, cohort),
				None => COUNCIL.to_vec(),
			};
			let signer = if step.natural_signer {
				pick(&natural, step.who, account(step.who))
			} else {
				account(step.who)
			};
			chain.submit(signer, call, step.tampering);
		},
		Route::Members | Route::MembersPass => {
			let cohort = match cohort {
				Some(cohort) => cohort,
				None => self::cohort(chain, step.who),
			};
			let proposer = if step.natural_signer {
				member(chain, cohort, step.who)
			} else {
				account(step.who)
			};
			let name = call_name(&call);
			let propose = pallet_quadratic_voting::Call::propose {
				cohort,
				call: Box::new(call),
				description_hash: H256::repeat_byte(step.who),
			};
			let proposed = chain.submit(proposer, propose.into(), step.tampering);
			if route == Route::MembersPass && proposed == Applied::Ok {
				members_pass(chain, step.who, &name);
			}
		},
	}
}

/// Every member of the newest proposal's cohort votes aye; it is closed as its voting period
/// ends, and what its call did is counted under `name`.
pub(super) fn members_pass(chain: &mut Chain, who: u8, name: &str) {
	let proposal = chain.read(pallet_quadratic_voting::NextProposalId::<Runtime>::get) - 1;
	let Some(open) = chain.read(|| pallet_quadratic_voting::Proposals::<Runtime>::get(proposal))
	else {
		return;
	};
	for voter in members(chain, open.cohort) {
		let vote = pallet_quadratic_voting::Call::vote {
			proposal,
			choice: pallet_quadratic_voting::Choice::Aye,
			votes: 1,
		};
		chain.submit(voter, vote.into(), Tampering::None);
	}
	chain.jump_to(open.ends_at);
	chain.submit(
		account(who),
		pallet_quadratic_voting::Call::close { proposal }.into(),
		Tampering::None,
	);
	let outcome = chain.read(|| {
		frame_system::Pallet::<Runtime>::read_events_no_consensus()
			.filter_map(|record| match record.event {
				cohort_runtime::RuntimeEvent::QuadraticVoting(
					pallet_quadratic_voting::Event::Closed { proposal: closed, outcome, .. },
				) if closed == proposal => Some(outcome),
				_ => None,
			})
			.last()
	});
	if let Some(pallet_quadratic_voting::Outcome::Passed { result }) = outcome {
		let applied = match result {
			Ok(()) => Applied::Ok,
			Err(error) => Applied::Failed(crate::chain::error_name(error)),
		};
		chain.report.record(name, &applied, Tampering::None);
	}
}

/// The call a decision makes, with the cohort it is for (if any).
pub(super) fn decision_call(chain: &mut Chain, decision: Decision) -> (Option<u32>, RuntimeCall) {
	use pallet_cohorts::Call as Cohorts;
	use pallet_data_licensing::Call as Licensing;
	use Decision::*;
	let issuer = |choice: u8| pick(&[CLINIC, SECOND_CLINIC, Eve], choice, CLINIC).to_account_id();
	match decision {
		ApproveIssuer { issuer: i } => (None, Cohorts::approve_issuer { issuer: issuer(i) }.into()),
		RemoveIssuer { issuer: i } => (None, Cohorts::remove_issuer { issuer: issuer(i) }.into()),
		SetPlatformShare { percent: p } => {
			(None, Cohorts::set_platform_share { share: percent(p) }.into())
		},
		SetMembersShareFloor { percent: p } => {
			(None, Cohorts::set_members_share_floor { floor: percent(p) }.into())
		},
		CancelProposal { proposal: p } => {
			let proposal = proposal(chain, p);
			(None, pallet_quadratic_voting::Call::cancel { proposal }.into())
		},
		UpdateCohort { cohort: c, governance } => {
			let cohort = self::cohort(chain, c);
			let settings = world::settings(governance_of(governance));
			(Some(cohort), Cohorts::update_cohort { cohort, settings }.into())
		},
		AcceptIssuer { cohort: c, issuer: i } => {
			let cohort = self::cohort(chain, c);
			(Some(cohort), Cohorts::accept_issuer { cohort, issuer: issuer(i) }.into())
		},
		DropIssuer { cohort: c, issuer: i } => {
			let cohort = self::cohort(chain, c);
			(Some(cohort), Cohorts::drop_issuer { cohort, issuer: issuer(i) }.into())
		},
		Spend { cohort: c, beneficiary, amount: a } => {
			let cohort = self::cohort(chain, c);
			let beneficiary = account(beneficiary).to_account_id();
			(Some(cohort), Cohorts::spend { cohort, beneficiary, amount: amount(a) }.into())
		},
		Freeze { cohort: c } => {
			let cohort = self::cohort(chain, c);
			(Some(cohort), Cohorts::freeze { cohort }.into())
		},
		Unfreeze { cohort: c } => {
			let cohort = self::cohort(chain, c);
			(Some(cohort), Cohorts::unfreeze { cohort }.into())
		},
		SetRevenueSplit { cohort: c, members, operator } => {
			let cohort = self::cohort(chain, c);
			let call = Cohorts::set_revenue_split {
				cohort,
				members_share: percent(members),
				operator_share: percent(operator),
			};
			(Some(cohort), call.into())
		},
		RotateByCohort { cohort: c, lost, new } => {
			let cohort = self::cohort(chain, c);
			let lost = member(chain, cohort, lost).to_account_id();
			let new = account(new).to_account_id();
			(
				Some(cohort),
				pallet_cohort_membership::Call::rotate_by_cohort { cohort, lost, new }.into(),
			)
		},
		SetTrusteeConsent { cohort: c, purposes } => {
			let cohort = self::cohort(chain, c);
			let call = pallet_cohort_membership::Call::set_trustee_consent {
				cohort,
				consent: consent(purposes),
			};
			(Some(cohort), call.into())
		},
		Suspend { cohort: c, member: m } => {
			let cohort = self::cohort(chain, c);
			let member = member(chain, cohort, m).to_account_id();
			(Some(cohort), pallet_cohort_membership::Call::suspend { cohort, member }.into())
		},
		CorrectUnits { cohort: c, member: m, units } => {
			let cohort = self::cohort(chain, c);
			let member = member(chain, cohort, m).to_account_id();
			let call = pallet_cohort_membership::Call::correct_units {
				cohort,
				member,
				units: u64::from(units),
			};
			(Some(cohort), call.into())
		},
		RegisterDataset { cohort: c, records } => {
			let cohort = self::cohort(chain, c);
			(Some(cohort), world::register_dataset(cohort, u64::from(records)))
		},
		PublishVersion { dataset: d, records } => {
			let dataset = dataset(chain, d);
			let call = Licensing::publish_version {
				dataset,
				content_hash: H256::repeat_byte(records),
				locator: b"enc:v2".to_vec().try_into().expect("a short locator"),
				record_count: u64::from(records),
			};
			(cohort_of_dataset(chain, dataset), call.into())
		},
		RetireDataset { dataset: d } => {
			let dataset = dataset(chain, d);
			(cohort_of_dataset(chain, dataset), Licensing::retire_dataset { dataset }.into())
		},
		RemoveDataset { dataset: d } => {
			let dataset = dataset(chain, d);
			(cohort_of_dataset(chain, dataset), Licensing::remove_dataset { dataset }.into())
		},
		PublishOffer { dataset: d, purpose: p, price, duration } => {
			let dataset = dataset(chain, d);
			let call =
				world::publish_offer(dataset, purpose(p), amount(price), u32::from(duration));
			(cohort_of_dataset(chain, dataset), call)
		},
		WithdrawOffer { offer: o } => {
			let offer = offer(chain, o);
			let dataset = chain
				.read(|| pallet_data_licensing::Offers::<Runtime>::get(offer).map(|o| o.dataset));
			let cohort = dataset.and_then(|d| cohort_of_dataset(chain, d));
			(cohort, Licensing::withdraw_offer { offer }.into())
		},
		Approve { request: r } => {
			let request = request(chain, r);
			let rationale = H256::repeat_byte(1);
			(cohort_of_request(chain, request), Licensing::approve { request, rationale }.into())
		},
		Reject { request: r } => {
			let request = request(chain, r);
			let rationale = H256::repeat_byte(2);
			(cohort_of_request(chain, request), Licensing::reject { request, rationale }.into())
		},
		Sponsor { request: r } => {
			let request = request(chain, r);
			(cohort_of_request(chain, request), Licensing::sponsor { request }.into())
		},
		RevokeGrant { grant: g } => {
			let (dataset, licensee, purpose) = grant(chain, g);
			let cohort = cohort_of_dataset(chain, dataset);
			(cohort, Licensing::revoke_grant { dataset, licensee, purpose }.into())
		},
		PublishInsight { cohort: c } => {
			let cohort = self::cohort(chain, c);
			let call = Licensing::publish_insight {
				cohort,
				insight_hash: H256::repeat_byte(c),
				locator: b"enc:insight".to_vec().try_into().expect("a short locator"),
			};
			(Some(cohort), call.into())
		},
		RemoveInsight { cohort: c, insight } => {
			let cohort = self::cohort(chain, c);
			let call = Licensing::remove_insight { cohort, insight: u32::from(insight % 4) };
			(Some(cohort), call.into())
		},
	}
}

pub(super) fn governance_of(choice: u8) -> Governance<AccountId> {
	match choice % 3 {
		0 => Governance::Cooperative,
		1 => Governance::DataTrust { trustees: TRUSTEES.to_account_id() },
		_ => Governance::Operator {
			operator: OPERATOR.to_account_id(),
			operator_share: percent(choice / 3),
		},
	}
}
