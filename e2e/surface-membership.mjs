// A membership's whole life in one cohort: attestations withdrawn (by the clinic, and by anyone
// once expired), a membership that expires and is restored, a lost key rotated by the clinic
// and one the cohort votes to rotate (scheduled, then cancelled by its owner), and a member who
// leaves and comes back. Deposits, holds and events are checked to the unit.

import { check, equal, expectEvent, finalizedAtLeast } from './common.mjs';

// `cohort` is a cooperative with a tiny quorum (one voter), so that its vote does not depend on
// how many members the other steps have suspended by then; `clinic` is its own issuer.
export async function membershipLifecycle(kit, { cohort, treasury, clinic, accounts }) {
  const { api } = kit;
  const say = kit.say('membership');
  const { member1, member1Key, member1Spare, member2, member2Key, member3, stranger, latecomer } = accounts;
  const { membershipDeposit, attestationDeposit } = kit.consts;
  const MEMBERSHIP = 'membership.Membership';
  const ATTESTATION = 'membership.Attestation';
  const PROPOSAL = 'quadraticVoting.ProposalDeposit';
  const membership = (account) => kit.rpc('cohort_membership', [cohort, account.address]);

  const ledgers = {};
  for (const [name, account] of Object.entries({ clinic, member1, member1Key, member1Spare, member2, member3, stranger, latecomer })) {
    ledgers[name] = await kit.ledger(account, name);
  }
  const treasuryBefore = await kit.free(treasury);

  say('the clinic attests three members, a stranger and a latecomer');
  const best = await kit.best();
  const lasting = best + 100_000;
  const member3Expiry = best + 14; // after member3 joins; then member3 is suspended at it
  const latecomerExpiry = best + 5; // before the latecomer tries to join
  await Promise.all([
    kit.attest(cohort, clinic, member1, 'member1', lasting),
    kit.attest(cohort, clinic, member2, 'member2', lasting),
    kit.attest(cohort, clinic, member3, 'member3', member3Expiry),
    kit.attest(cohort, clinic, stranger, 'stranger', lasting),
    kit.attest(cohort, clinic, latecomer, 'latecomer', latecomerExpiry),
  ]);
  await kit.expectHolds(clinic, { [ATTESTATION]: 5n * attestationDeposit }, 'the clinic, five attestations pending');

  say('three members join: each holds the membership deposit, the clinic gets its deposits back');
  await Promise.all(
    [member1, member2, member3].map(async (member) => {
      const { events } = await kit.send(api.tx.membership.join(cohort, null), member, 'join');
      expectEvent(events, 'membership', 'Joined', 'join');
      await kit.expectHolds(member, { [MEMBERSHIP]: membershipDeposit }, 'a member');
    }),
  );
  await kit.expectHolds(clinic, { [ATTESTATION]: 2n * attestationDeposit }, 'the clinic, two attestations pending');
  equal((await membership(member3)).expiresAt, member3Expiry, 'member3 expires when attested');

  // Three strands at once; the two that attest again wait for the first, whose checks of the
  // clinic's holds they would otherwise disturb.
  const withdrawn = attestationsWithdrawn();
  await Promise.all([withdrawn, expiryAndRestore(), rotations()]);

  say("every deposit is where it belongs, every balance moved by its deposits and fees");
  await kit.expectHolds(clinic, {}, 'the clinic');
  await ledgers.clinic.expect(0n, 'at the end');
  // member1's key moved: its membership deposit and its proposal's deposit moved with it, and
  // the proposal's deposit came back to the new key when the proposal closed.
  const proposalDeposit = kit.proposalDeposit(api.tx.membership.rotateByCohort(cohort, member2.address, member2Key.address));
  await kit.expectHolds(member1, {}, 'member1 (the lost key)');
  await ledgers.member1.expect(-membershipDeposit - proposalDeposit, 'at the end');
  await kit.expectHolds(member1Key, { [MEMBERSHIP]: membershipDeposit }, "member1's new key");
  await ledgers.member1Key.expect(proposalDeposit, 'at the end');
  await ledgers.member1Spare.expect(0n, 'at the end');
  for (const [name, member] of [['member2', member2], ['member3', member3]]) {
    await kit.expectHolds(member, { [MEMBERSHIP]: membershipDeposit }, name);
    await ledgers[name].expect(-membershipDeposit, 'at the end');
  }
  await ledgers.stranger.expect(0n, 'at the end');
  await ledgers.latecomer.expect(0n, 'at the end');
  equal(await kit.free(member2Key), 0n, 'the rotation that was cancelled moved nothing to its new key');
  equal(await kit.free(treasury), treasuryBefore, "the cohort's treasury is untouched");
  say.done();

  // Withdrawing attestations: the clinic's own at any time, anyone's once it expired.
  async function attestationsWithdrawn() {
    say('a stranger cannot withdraw an attestation; the clinic can');
    await kit.fails(
      api.tx.membership.withdrawAttestation(cohort, stranger.address),
      stranger,
      'membership.NotAttestationIssuer',
      'withdraw by a non-issuer',
    );
    const { events } = await kit.send(api.tx.membership.withdrawAttestation(cohort, stranger.address), clinic, 'clinic withdraws');
    expectEvent(events, 'membership', 'AttestationWithdrawn', 'clinic withdraws');
    await kit.expectHolds(clinic, { [ATTESTATION]: attestationDeposit }, 'the clinic, one attestation pending');
    check((await api.query.membership.attestations(cohort, stranger.address)).isNone, 'the attestation is gone');

    say('an expired attestation admits nobody, and anyone may withdraw it for the clinic');
    await finalizedAtLeast(api, latecomerExpiry);
    await kit.fails(api.tx.membership.join(cohort, null), latecomer, 'membership.Expired', 'join on an expired attestation');
    const withdrawal = await kit.send(api.tx.membership.withdrawAttestation(cohort, latecomer.address), latecomer, 'withdraw expired');
    const event = expectEvent(withdrawal.events, 'membership', 'AttestationWithdrawn', 'withdraw expired').data;
    equal(event.subject.toString(), latecomer.address, 'the withdrawn attestation');
    await kit.expectHolds(clinic, {}, 'the clinic, all deposits back');
  }

  // An attestation's expiry suspends the membership as its block starts; a fresh one restores it.
  async function expiryAndRestore() {
    say('member3 cannot be expired before the attestation runs out');
    await kit.fails(api.tx.membership.expire(cohort, member3.address), member3, 'membership.NotExpired', 'expire early');
    await finalizedAtLeast(api, member3Expiry);
    say(`block ${member3Expiry} starts by suspending member3`);
    const expired = (await kit.eventsBetween(member3Expiry, member3Expiry)).find(
      (e) => e.section === 'membership' && e.method === 'Expired' && e.data.account.toString() === member3.address,
    );
    check(expired && expired.data.cohort.toNumber() === cohort, `membership.Expired of member3 in block ${member3Expiry}`);
    equal((await membership(member3)).status, 'Suspended', 'member3 is suspended');
    equal(await kit.rpc('cohort_voiceCredits', [cohort, member3.address]), null, 'a suspended member has no credits');
    // The fallback finds nothing left to do: the block already suspended it.
    await kit.fails(api.tx.membership.expire(cohort, member3.address), member3, 'membership.NotActive', 'expire after');

    await withdrawn;
    say('a fresh attestation restores member3, with no second deposit');
    const renewed = (await kit.best()) + 100_000;
    await kit.attest(cohort, clinic, member3, 'member3', renewed);
    const { events } = await kit.send(api.tx.membership.join(cohort, null), member3, 'restore');
    equal(expectEvent(events, 'membership', 'Restored', 'restore').data.expiresAt.toNumber(), renewed, 'restored until');
    const restored = await membership(member3);
    equal([restored.status, restored.expiresAt], ['Active', renewed], 'member3 is active again');
  }

  async function rotations() {
    await kit.send(api.tx.membership.recordContribution(cohort, member2.address, 25), clinic, 'units of member2');

    say('member1 proposes that the cohort rotate member2 to a new key, and votes for it');
    const rotateMember2 = api.tx.membership.rotateByCohort(cohort, member2.address, member2Key.address);
    const proposal = await kit.propose(cohort, rotateMember2, member1, 'rotate member2');
    await kit.send(api.tx.quadraticVoting.vote(proposal.id, 'Aye', 1), member1, 'vote');
    await kit.expectHolds(member1, { [MEMBERSHIP]: membershipDeposit, [PROPOSAL]: kit.proposalDeposit(rotateMember2) }, 'member1');

    say("member1 lost the key: the clinic signs the rotation, the new key submits it");
    const person = (await membership(member1)).person;
    const approval = { cohort, person, from: member1, to: member1Key, nonce: 1 };
    const signature = kit.rotationApproval(clinic, approval);
    const { events } = await kit.send(api.tx.membership.rotate(cohort, member1.address, 1, signature), member1Key, 'rotate');
    const rotated = expectEvent(events, 'membership', 'Rotated', 'rotate').data;
    equal(
      [rotated.person.toHex(), rotated.from.toString(), rotated.to.toString()],
      [person, member1.address, member1Key.address],
      'Rotated',
    );
    equal(await membership(member1), null, 'the lost key is no member');
    equal((await membership(member1Key)).person, person, 'the new key is the same person');
    await kit.expectHolds(member1, {}, 'the lost key');
    await kit.expectHolds(member1Key, { [MEMBERSHIP]: membershipDeposit, [PROPOSAL]: kit.proposalDeposit(rotateMember2) }, 'the new key');
    equal((await kit.rpc('cohort_proposal', [proposal.id])).proposer, member1Key.address, 'the proposal follows the person');
    const credits = (await api.query.cohorts.registry(cohort)).unwrap().settings.voting.voiceCreditsPerEpoch.toNumber();
    equal(await kit.rpc('cohort_voiceCredits', [cohort, member1Key.address]), credits - 1, 'the new key has no fresh credits');

    say('the same approval nonce cannot be used again');
    const replay = kit.rotationApproval(clinic, { ...approval, from: member1Key, to: member1Spare });
    await kit.fails(api.tx.membership.rotate(cohort, member1Key.address, 1, replay), member1Spare, 'membership.NonceUsed', 'replay');

    say('the vote passes: the rotation of member2 waits out the rotation delay');
    const close = await kit.close(proposal, 'rotate member2');
    check(close.closed.outcome.isPassed && close.closed.outcome.asPassed.result.isOk, 'the rotation vote passed');
    const scheduled = expectEvent(close.events, 'membership', 'RotationScheduled', 'close').data;
    const executableAt = close.blockNumber + kit.consts.rotationDelay;
    // @polkadot/api names the field `new` as `new_` (`new` is a reserved word).
    equal(
      [scheduled.lost.toString(), scheduled.new_.toString(), scheduled.executableAt.toNumber()],
      [member2.address, member2Key.address, executableAt],
      'RotationScheduled',
    );
    await kit.expectHolds(member1Key, { [MEMBERSHIP]: membershipDeposit }, 'the new key, its proposal closed');
    // Completing it needs `RotationDelay` blocks (a week): not within a test.
    await kit.fails(
      api.tx.membership.completeRotation(cohort, member2.address),
      member1Spare,
      'membership.RotationDelayNotOver',
      'complete early',
    );

    say('member2 did not lose the key: cancelling the rotation proves it');
    const cancelled = await kit.send(api.tx.membership.cancelRotation(cohort), member2, 'cancel rotation');
    expectEvent(cancelled.events, 'membership', 'RotationCancelled', 'cancel rotation');
    check((await api.query.membership.pendingRotations(cohort, member2.address)).isNone, 'no rotation waits');
    await kit.fails(
      api.tx.membership.completeRotation(cohort, member2.address),
      member1Spare,
      'membership.NoPendingRotation',
      'complete a cancelled rotation',
    );

    say('member2 leaves: the deposit comes back, only the nonce and units stay');
    const member2Person = (await membership(member2)).person;
    const left = await kit.send(api.tx.membership.leave(cohort), member2, 'leave');
    expectEvent(left.events, 'membership', 'Left', 'leave');
    await kit.expectHolds(member2, {}, 'member2 after leaving');
    equal(await membership(member2), null, 'member2 is no member');
    const departed = (await api.query.membership.departed(cohort, member2Person)).unwrap();
    equal([departed.units.toNumber(), departed.leftAt.toNumber()], [25, left.blockNumber], 'what stays of member2');

    await withdrawn;
    say('member2 comes back with a fresh attestation: the units are kept, the consent starts empty');
    await kit.attest(cohort, clinic, member2, 'member2', (await kit.best()) + 100_000);
    const rejoined = await kit.send(api.tx.membership.join(cohort, null), member2, 'rejoin');
    equal(expectEvent(rejoined.events, 'membership', 'Joined', 'rejoin').data.person.toHex(), member2Person, 'the same person');
    const back = await membership(member2);
    equal([back.status, back.units, back.consent], ['Active', 25, []], 'member2 is back');
    check((await api.query.membership.departed(cohort, member2Person)).isNone, 'the departed record is gone');
  }
}
