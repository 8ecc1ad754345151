// How a cohort's proposals end other than by passing, and how a cohort chooses its clinics:
// a proposal nobody else voted on forfeits its deposit to the treasury when it misses the
// quorum, one that others voted on gets it back; the council cancels one (the deposit goes to
// the treasury); a proposer withdraws one nobody voted on. Then the members vote to accept a
// second clinic, which admits a member, and vote to drop it: its member is swept out.

import { check, equal, expectEvent, finalizedAtLeast } from './common.mjs';

// `cohort` is a cooperative with a 60% quorum and no other flow acting in it; `clinic` admits
// its first members; `secondClinic` is approved by the council but not yet accepted.
export async function proposalsAndIssuers(kit, { cohort, treasury, clinic, secondClinic, accounts }) {
  const { api } = kit;
  const say = kit.say('governance');
  const { voter1, voter2, voter3 } = accounts;
  const { membershipDeposit, attestationDeposit } = kit.consts;
  const MEMBERSHIP = 'membership.Membership';
  const PROPOSAL = 'quadraticVoting.ProposalDeposit';
  const spend = (amount) => api.tx.cohorts.spend(cohort, voter1.address, amount);

  const ledgers = {};
  for (const [name, account] of Object.entries({ clinic, secondClinic, voter1, voter2, voter3 })) {
    ledgers[name] = await kit.ledger(account, name);
  }
  const treasuryBefore = await kit.free(treasury);

  say('two members join on the clinic\'s attestations');
  const lasting = (await kit.best()) + 100_000;
  await Promise.all([
    kit.attest(cohort, clinic, voter1, 'voter1', lasting),
    kit.attest(cohort, clinic, voter2, 'voter2', lasting),
  ]);
  await Promise.all([voter1, voter2].map((voter) => kit.send(api.tx.membership.join(cohort, null), voter, 'join')));

  say('four proposals at once, two from each member (the most a person may have open)');
  // Distinct amounts tell the four apart in the events; their calls are equally long.
  const [spam, withdrawable, contested, cancelled] = await Promise.all([
    kit.propose(cohort, spend(1n), voter1, 'a spend nobody else wants'),
    kit.propose(cohort, spend(2n), voter1, 'a spend its proposer withdraws'),
    kit.propose(cohort, spend(3n), voter2, 'a spend only others vote on'),
    kit.propose(cohort, spend(4n), voter2, 'a spend the council cancels'),
  ]);
  const deposit = kit.proposalDeposit(spend(1n));
  await kit.expectHolds(voter1, { [MEMBERSHIP]: membershipDeposit, [PROPOSAL]: 2n * deposit }, 'voter1');
  await kit.expectHolds(voter2, { [MEMBERSHIP]: membershipDeposit, [PROPOSAL]: 2n * deposit }, 'voter2');
  await kit.fails(
    api.tx.quadraticVoting.propose(cohort, spend(5n), '0x' + '00'.repeat(32)),
    voter1,
    'quadraticVoting.TooManyProposalsOfPerson',
    'a third proposal',
  );

  await Promise.all([withdrawals(), councilCancels(), missedQuorum()]);
  equal(await kit.free(treasury), treasuryBefore + 2n * deposit, 'the treasury received the spam and the cancelled deposits');
  await kit.expectHolds(voter1, { [MEMBERSHIP]: membershipDeposit }, 'voter1, proposals settled');
  await kit.expectHolds(voter2, { [MEMBERSHIP]: membershipDeposit }, 'voter2, proposals settled');
  await ledgers.voter1.expect(-membershipDeposit - deposit, 'after the proposals (spam forfeited)');
  await ledgers.voter2.expect(-membershipDeposit - deposit, 'after the proposals (cancelled forfeited)');

  say('the members vote to accept the second clinic');
  const accept = api.tx.cohorts.acceptIssuer(cohort, secondClinic.address);
  const accepted = await kit.membersDecide(cohort, accept, voter1, [voter1, voter2], 'accept the second clinic');
  const acceptedEvent = expectEvent(accepted.events, 'cohorts', 'IssuerAccepted', 'accept').data;
  equal([acceptedEvent.cohort.toNumber(), acceptedEvent.issuer.toString()], [cohort, secondClinic.address], 'IssuerAccepted');
  check((await api.query.cohorts.acceptedIssuers(cohort, secondClinic.address)).isSome, 'the cohort accepts the second clinic');

  say('the second clinic admits voter3');
  await kit.attest(cohort, secondClinic, voter3, 'voter3', (await kit.best()) + 100_000);
  await kit.expectHolds(secondClinic, { 'membership.Attestation': attestationDeposit }, 'the second clinic, attesting');
  await kit.send(api.tx.membership.join(cohort, null), voter3, 'join');
  await kit.expectHolds(secondClinic, {}, 'the second clinic, its attestation used');
  equal((await kit.rpc('cohort_membership', [cohort, voter3.address])).status, 'Active', 'voter3 is active');

  say('the members vote to drop it (voter3 against): its member is swept out the next block');
  const drop = api.tx.cohorts.dropIssuer(cohort, secondClinic.address);
  const proposal = await kit.propose(cohort, drop, voter2, 'drop the second clinic');
  await Promise.all([
    kit.send(api.tx.quadraticVoting.vote(proposal.id, 'Aye', 1), voter1, 'vote'),
    kit.send(api.tx.quadraticVoting.vote(proposal.id, 'Aye', 1), voter2, 'vote'),
    kit.send(api.tx.quadraticVoting.vote(proposal.id, 'Nay', 1), voter3, 'vote'),
  ]);
  const dropped = await kit.close(proposal, 'drop the second clinic');
  const { tally, quorum, outcome } = dropped.closed;
  equal([tally.ayes.toNumber(), tally.nays.toNumber(), tally.voters.toNumber(), quorum.toNumber()], [2, 1, 3, 2], 'the tally');
  check(outcome.isPassed && outcome.asPassed.result.isOk, `dropping passed (${outcome.toString()})`);
  expectEvent(dropped.events, 'cohorts', 'IssuerDropped', 'drop');
  const started = expectEvent(dropped.events, 'membership', 'SweepStarted', 'drop').data;
  equal([started.issuer.toString(), started.cohort.toJSON()], [secondClinic.address, cohort], 'SweepStarted');
  await finalizedAtLeast(api, dropped.blockNumber + 1);
  const sweep = await kit.eventsBetween(dropped.blockNumber + 1, dropped.blockNumber + 1);
  const swept = sweep.find((e) => e.section === 'membership' && e.method === 'IssuerWithdrawn');
  check(swept && swept.data.account.toString() === voter3.address, 'membership.IssuerWithdrawn of voter3 the next block');
  check(sweep.some((e) => e.section === 'membership' && e.method === 'SweepFinished'), 'the sweep finished in one block');
  equal((await kit.rpc('cohort_membership', [cohort, voter3.address])).status, 'Suspended', 'voter3 is suspended');
  await kit.fails(
    api.tx.membership.attest(cohort, voter3.address, kit.person(cohort, 'voter3'), (await kit.best()) + 1_000, '0x' + '11'.repeat(32)),
    secondClinic,
    'membership.IssuerNotAccepted',
    'the dropped clinic attests',
  );

  say('every deposit and balance to the unit');
  for (const [name, voter] of [['voter1', voter1], ['voter2', voter2], ['voter3', voter3]]) {
    await kit.expectHolds(voter, { [MEMBERSHIP]: membershipDeposit }, name);
  }
  await ledgers.voter1.expect(-membershipDeposit - deposit, 'at the end');
  await ledgers.voter2.expect(-membershipDeposit - deposit, 'at the end');
  await ledgers.voter3.expect(-membershipDeposit, 'at the end');
  for (const [name, issuer] of [['clinic', clinic], ['secondClinic', secondClinic]]) {
    await kit.expectHolds(issuer, {}, name);
    await ledgers[name].expect(0n, 'at the end');
  }
  say.done();

  // The proposer withdraws a proposal nobody voted on; not one with votes, nor someone else's.
  async function withdrawals() {
    say('voter1 withdraws a proposal nobody voted on; not one with a vote; voter2 not at all');
    await kit.send(api.tx.quadraticVoting.vote(spam.id, 'Aye', 1), voter1, 'vote on own spam');
    const { events } = await kit.send(api.tx.quadraticVoting.withdraw(withdrawable.id), voter1, 'withdraw');
    equal(expectEvent(events, 'quadraticVoting', 'Withdrawn', 'withdraw').data.proposal.toNumber(), withdrawable.id, 'Withdrawn');
    await kit.fails(api.tx.quadraticVoting.withdraw(spam.id), voter1, 'quadraticVoting.HasVotes', 'withdraw with votes');
    await kit.fails(api.tx.quadraticVoting.withdraw(spam.id), voter2, 'quadraticVoting.NotProposer', 'withdraw by another');
    equal(await kit.rpc('cohort_proposal', [withdrawable.id]), null, 'the withdrawn proposal is gone');
  }

  // The council cancels a proposal: the proposer's deposit goes to the cohort's treasury.
  async function councilCancels() {
    say('the council cancels a proposal');
    const events = await kit.council(api.tx.quadraticVoting.cancel(cancelled.id), 'cancel a proposal');
    const event = expectEvent(events, 'quadraticVoting', 'Cancelled', 'cancel').data;
    equal([event.proposal.toNumber(), event.cohort.toNumber()], [cancelled.id, cohort], 'Cancelled');
    equal(await kit.rpc('cohort_proposal', [cancelled.id]), null, 'the cancelled proposal is gone');
  }

  // Two proposals miss the 60% quorum (one voter of two): the spam, voted on by its proposer
  // alone, forfeits its deposit; the contested one, voted on by someone else, does not.
  async function missedQuorum() {
    await kit.send(api.tx.quadraticVoting.vote(contested.id, 'Nay', 1), voter1, 'vote against');
    await finalizedAtLeast(api, Math.max(spam.endsAt, contested.endsAt));
    say('two proposals close without quorum: the spam forfeits its deposit, the contested one not');
    const [spamClose, contestedClose] = await Promise.all([kit.close(spam, 'the spam'), kit.close(contested, 'the contested')]);
    for (const [close, forfeited, what] of [
      [spamClose, true, 'the spam'],
      [contestedClose, false, 'the contested proposal'],
    ]) {
      const { tally, quorum, outcome } = close.closed;
      equal([tally.voters.toNumber(), quorum.toNumber()], [1, 2], `${what}: one voter of the two needed`);
      check(outcome.isQuorumNotReached, `${what} missed the quorum (${outcome.toString()})`);
      equal(outcome.asQuorumNotReached.depositForfeited.isTrue, forfeited, `${what}: deposit forfeited`);
    }
  }
}
