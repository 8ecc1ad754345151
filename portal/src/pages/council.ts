// The Oversight Council (`oversightCouncil`, a pallet-collective instance): who sits on it, its
// open motions with their votes, and a form for each thing it may do. Its calls need two thirds
// of the council (the runtime's EnsureTwoThirdsCouncil): a member proposes the call as a motion
// (`oversightCouncil.propose`, no deposit), members vote, and anyone closes it once decided.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { Call } from '@polkadot/types/interfaces';
import type { Page } from '../main';
import { api, bestBlock, blockWhen, isAddress, percent, who, type CohortEntry } from '../chain';
import { submit } from '../tx';
import { button, facts, field, h, input, note, section, select, show, type Child } from '../ui';
import { describeCall } from '../words';

interface Votes {
  index: number;
  threshold: number;
  ayes: string[];
  nays: string[];
  end: number;
}
interface Motion {
  hash: string;
  call: Call | null;
  votes: Votes;
}
type Build = () => SubmittableExtrinsic<'promise'>;

async function openMotions(): Promise<Motion[]> {
  const hashes = (await api.query.oversightCouncil.proposals()).toJSON() as string[];
  const motions = await Promise.all(
    hashes.map(async (hash) => {
      const [call, votes] = await Promise.all([api.query.oversightCouncil.proposalOf(hash), api.query.oversightCouncil.voting(hash)]);
      const option = call as unknown as { isSome: boolean; unwrap(): Call };
      return { hash, call: option.isSome ? option.unwrap() : null, votes: votes.toJSON() as Votes | null };
    }),
  );
  return motions.filter((m): m is Motion => !!m.votes).sort((a, b) => a.votes.index - b.votes.index);
}

export async function councilSection(c: CohortEntry | undefined, page: Page): Promise<HTMLElement> {
  const me = page.account;
  const [council, motions, approved, platformShare, floor, proposals] = await Promise.all([
    api.query.oversightCouncil.members().then((m) => m.toJSON() as string[]),
    openMotions(),
    api.query.cohorts.issuers.keys().then((keys) => keys.map((k) => k.args[0].toString())),
    api.query.cohorts.platformShare().then((s) => Number(s.toString())),
    api.query.cohorts.membersShareFloor().then((s) => Number(s.toString())),
    c ? api.query.quadraticVoting.proposals.entries().then((all) => all.filter(([, p]) => (p.toJSON() as { cohort: number } | null)?.cohort === c.id).map(([k]) => Number(k.args[0].toString()))) : [],
  ]);
  // Two thirds of the seats: the fewest ayes whose origin EnsureProportionAtLeast<2, 3> accepts.
  const threshold = Math.ceil((2 * council.length) / 3);
  const isMember = !!me && council.includes(me.address);
  const maxShare = Number(api.consts.cohorts.maxPlatformShare.toString()) / 10_000;

  const motionCard = (m: Motion): HTMLElement => {
    const { index, ayes, nays, end } = m.votes;
    const what = m.call ? describeCall(m.call) : `motion ${m.hash.slice(0, 10)}…`;
    const mine = me && (ayes.includes(me.address) ? 'aye' : nays.includes(me.address) ? 'nay' : null);
    const decided = ayes.length >= m.votes.threshold || nays.length > council.length - m.votes.threshold || bestBlock() >= end;
    const vote = (approve: boolean) => async () => {
      const outcome = await submit(api.tx.oversightCouncil.vote(m.hash, index, approve), me, { title: `Vote ${approve ? 'aye' : 'nay'} on council motion #${index}`, summary: what });
      if (outcome.ok) page.refresh();
    };
    const close = async () => {
      const call = m.call!;
      const length = call.encodedLength;
      const info = await api.call.transactionPaymentCallApi.queryCallInfo(call, length);
      const weight = (info as unknown as { weight: unknown }).weight;
      const outcome = await submit(api.tx.oversightCouncil.close(m.hash, index, weight, length), me, { title: `Close council motion #${index}`, summary: `${what}. ${ayes.length >= m.votes.threshold ? 'It has its ayes: closing it does it.' : 'It did not get its ayes: closing it drops it.'}` });
      if (outcome.ok) page.refresh();
    };
    return h(
      'div',
      { class: 'motion', 'data-motion': String(index) },
      h('h3', {}, `Motion #${index}: ${what}`),
      facts([
        ['Ayes', h('span', { 'data-ayes': String(ayes.length) }, `${ayes.length} of the ${m.votes.threshold} needed${ayes.length ? ` (${ayes.map(who).join(', ')})` : ''}`)],
        ['Nays', nays.length ? `${nays.length} (${nays.map(who).join(', ')})` : '0'],
        ['Open until', blockWhen(end)],
        ...(mine ? ([['Your vote', mine]] as Array<[string, Child]>) : []),
      ]),
      h(
        'div',
        { class: 'actions' },
        isMember && mine !== 'aye' ? button('Vote aye', () => void vote(true)(), { 'data-action': `council-aye-${index}` }) : null,
        isMember && mine !== 'nay' ? button('Vote nay', () => void vote(false)(), { 'data-action': `council-nay-${index}` }) : null,
        decided && m.call ? button('Close and count', () => void close(), { class: 'primary', 'data-action': `council-close-${index}` }) : null,
      ),
    );
  };

  const kinds: Array<{ value: string; label: string; fields: (into: HTMLElement) => Build }> = [
    { value: 'approve-issuer', label: 'Approve an issuer (a clinic, lab or registry)', fields: (into) => {
      const account = input({ placeholder: 'the clinic’s account, 5…', 'data-input': 'council-account' });
      show(into, field('Issuer’s account', account, 'Cohorts may then accept it; it attests diagnoses and signs credentials.'));
      return () => {
        if (!isAddress(account.value)) throw new Error('the issuer’s account is not a valid address');
        return api.tx.cohorts.approveIssuer(account.value.trim());
      };
    } },
    { value: 'remove-issuer', label: 'Remove an issuer everywhere', fields: (into) => {
      const issuer = select(approved.map((i) => [i, who(i)]), { 'data-input': 'council-issuer' });
      show(into, approved.length ? null : note('No issuer is approved.', 'warn'), field('Issuer', issuer), note('Every membership it attested stops giving rights until an accepted issuer attests it again.', 'warn'));
      return () => api.tx.cohorts.removeIssuer(issuer.value);
    } },
    ...(c ? [
      c.frozen
        ? { value: 'unfreeze', label: `Unfreeze ${c.name}`, fields: (into: HTMLElement) => (show(into, h('p', {}, 'It accepts members, spends and approves licences again.')), () => api.tx.cohorts.unfreeze(c.id)) }
        : { value: 'freeze', label: `Freeze ${c.name} (an emergency)`, fields: (into: HTMLElement) => (show(into, h('p', {}, 'It then accepts no members, spends nothing and approves nothing; members keep their memberships and earnings.')), () => api.tx.cohorts.freeze(c.id)) },
      { value: 'cancel', label: `Cancel a proposal of ${c.name}`, fields: (into: HTMLElement) => {
        const proposal = select(proposals.map((id) => [String(id), `Proposal #${id}`]), { 'data-input': 'council-proposal' });
        show(into, proposals.length ? null : note('The cohort has no open proposal.', 'warn'), field('Proposal', proposal, 'Its deposit goes to the cohort’s treasury.'));
        return () => {
          if (!proposal.value) throw new Error('the cohort has no open proposal');
          return api.tx.quadraticVoting.cancel(Number(proposal.value));
        };
      } },
      { value: 'suspend', label: `Suspend a member of ${c.name}`, fields: (into: HTMLElement) => {
        const member = input({ placeholder: 'the member’s account, 5…', 'data-input': 'council-member' });
        show(into, field('Member’s account', member, 'E.g. one a stolen issuer key admitted; a fresh attestation restores it.'));
        return () => {
          if (!isAddress(member.value)) throw new Error('the member’s account is not a valid address');
          return api.tx.membership.suspend(c.id, member.value.trim());
        };
      } },
    ] : []),
    ...(['platform', 'floor'] as const).map((which) => ({ value: which, label: which === 'platform' ? 'Set the platform’s share of licence revenue' : 'Set the least members’ share in operators’ cohorts', fields: (into: HTMLElement) => {
      const now = which === 'platform' ? platformShare : floor;
      const most = which === 'platform' ? maxShare : 100 - maxShare;
      const value = h('input', { type: 'number', min: 0, max: most, step: 'any', value: now / 10_000, 'data-input': `council-${which}` });
      show(into, field('Share (%)', value, `Now ${percent(now)}; at most ${most}%. Applies to every cohort’s next licences.`));
      return () => {
        const v = Number(value.value);
        if (value.value.trim() === '' || !(v >= 0 && v <= most)) throw new Error(`the share must be from 0% to ${most}%`);
        return which === 'platform' ? api.tx.cohorts.setPlatformShare(Math.round(v * 10_000)) : api.tx.cohorts.setMembersShareFloor(Math.round(v * 10_000));
      };
    } })),
  ];
  const kind = select(kinds.map((k) => [k.value, k.label]), { 'data-input': 'council-kind' });
  const fields = h('div', {});
  const out = h('div', { 'aria-live': 'polite' });
  let build: Build = () => {
    throw new Error('choose what the council should do');
  };
  const drawFields = () => {
    show(out);
    build = kinds.find((k) => k.value === kind.value)!.fields(fields);
  };
  kind.addEventListener('change', drawFields);
  fields.addEventListener('input', () => show(out));
  drawFields();
  const propose = async () => {
    try {
      const call = build();
      show(out);
      // With a threshold below 2, pallet-collective would do the call at once, as one member.
      const outcome = await submit(api.tx.oversightCouncil.propose(threshold, call, call.method.encodedLength), me, {
        title: `Council motion: ${describeCall(call.method as never)}`,
        summary: `It passes with ${threshold} of the ${council.length} members’ ayes (vote yours below). Then anyone closes it and the chain does it.`,
        costs: [['Deposit', 'none: council members propose for free']],
      });
      if (outcome.ok) page.refresh();
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  const card = section(
    'Oversight Council',
    h('p', {}, `The council — ${council.map(who).join(', ')} — approves and removes issuers, freezes cohorts in an emergency, cancels proposals, suspends members and sets the platform’s share. Each motion needs ${threshold} of its ${council.length} members’ ayes before its end block; members propose without a deposit; anyone closes a decided motion.`),
    motions.length ? h('div', { class: 'motions' }, motions.map(motionCard)) : note('No open council motion.'),
    isMember
      ? h('div', {}, h('h3', {}, 'Propose a council motion'), field('What the council should do', kind), fields, h('div', { class: 'actions' }, button('Propose to the council', () => void propose(), { class: 'primary', 'data-action': 'council-propose' })), out)
      : note('Only council members propose and vote. Choose a council member’s account to act.', 'info'),
  );
  card.dataset.council = '';
  return card;
}
