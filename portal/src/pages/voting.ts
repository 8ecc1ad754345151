// Member voting: the open proposals of a cohort with what they would do, their tally, the
// quorum and time left; a quadratic vote control showing the cost v² and the credits left before
// signing; closing when due.

import type { Page } from '../main';
import { api, bestBlock, blocksToTime, cohorts, currentBlock, rpc, who, type CohortEntry, type MembershipJson, type ProposalJson } from '../chain';
import { submit } from '../tx';
import { button, facts, field, h, note, section, select, show } from '../ui';
import { describeCall } from '../words';

interface CastVote {
  proposal: number;
  choice: string;
  votes: number;
}

export async function renderVoting(root: HTMLElement, page: Page): Promise<void> {
  show(root, h('h1', {}, 'Vote on what your cohort does'), h('p', { class: 'lead' }, 'Each member gets voice credits every epoch. Casting v votes costs v² credits: you can show how strongly you care, but strength is expensive.'));
  const me = page.account;
  if (!me) {
    root.append(note('Choose an account (top right).', 'warn'));
    return;
  }
  const all = await cohorts();
  if (!all.length) {
    root.append(note('There is no cohort on this chain yet.'));
    return;
  }
  const list0 = await Promise.all(all.map((c) => rpc<MembershipJson | null>('cohort_membership', [c.id, me.address])));
  // By cohort id.
  const memberships: Record<number, MembershipJson | null> = Object.fromEntries(all.map((c, i) => [c.id, list0[i]]));
  const mineFirst = [...all].sort((a, b) => Number(memberships[b.id]?.status === 'Active') - Number(memberships[a.id]?.status === 'Active'));
  const chosen = sessionStorage.getItem('cohort-vote-cohort');
  const sel = select(
    mineFirst.map((c) => [String(c.id), `${c.name} (#${c.id})${memberships[c.id]?.status === 'Active' ? ' · member' : ''}`]),
    { value: chosen && all.some((c) => String(c.id) === chosen) ? chosen : String(mineFirst[0].id), 'data-input': 'vote-cohort' },
  );
  const list = h('div', {});
  const refresh = button('Refresh', () => void draw(), { 'data-action': 'refresh-votes' });
  root.append(h('div', { class: 'row' }, field('Cohort', sel), refresh), list);
  const draw = async () => {
    sessionStorage.setItem('cohort-vote-cohort', sel.value);
    const cohort = all.find((c) => String(c.id) === sel.value)!;
    list.setAttribute('aria-busy', 'true');
    await drawProposals(list, cohort, memberships[cohort.id], page).finally(() => list.removeAttribute('aria-busy'));
  };
  sel.addEventListener('change', () => void draw());
  await draw();
}

async function drawProposals(list: HTMLElement, cohort: CohortEntry, membership: MembershipJson | null, page: Page): Promise<void> {
  const me = page.account!;
  const now = await currentBlock();
  const entries = await api.query.quadraticVoting.proposals.entries();
  const open = entries
    .map(([key, value]) => ({ id: (key.args[0] as unknown as { toNumber(): number }).toNumber(), p: (value as unknown as { unwrap(): { cohort: { toNumber(): number }; call: { toU8a(b: boolean): Uint8Array }; proposer: { toString(): string } } }).unwrap() }))
    .filter(({ p }) => p.cohort.toNumber() === cohort.id)
    .sort((a, b) => a.id - b.id);
  const credits = await rpc<number | null>('cohort_voiceCredits', [cohort.id, me.address]);
  let myVotes: CastVote[] = [];
  if (membership) {
    const ledger = (await api.query.quadraticVoting.voters(cohort.id, membership.person)).toJSON() as { votes?: CastVote[] } | null;
    myVotes = ledger?.votes ?? [];
  }
  const active = membership?.status === 'Active';
  show(
    list,
    facts([
      ['Your voice credits this epoch', active ? h('strong', { 'data-credits': String(credits ?? 0) }, `${credits ?? 0} of ${cohort.voting.voiceCreditsPerEpoch}`) : 'you are not an active member of this cohort'],
      ['Voting period', `${cohort.voting.votingPeriod} blocks (${blocksToTime(cohort.voting.votingPeriod)})`],
      ['Quorum', `${cohort.voting.quorum / 10_000}% of the ${cohort.activeMembers} active members must vote`],
    ]),
    h('p', {}, 'To propose something — a spend, a dataset, an offer, a licence decision — use the ', h('a', { href: '#/cohort' }, 'Cohort page'), '.'),
    open.length ? null : note('No open proposal in this cohort.'),
  );
  for (const { id, p } of open) {
    const call = api.createType('Call', p.call.toU8a(true));
    const tally = (await rpc<ProposalJson | null>('cohort_proposal', [id]))!;
    const due = now >= tally.endsAt;
    const mine = myVotes.find((v) => v.proposal === id);
    const card = section(
      `Proposal #${id}: ${describeCall(call)}`,
      facts([
        ['What it would do', h('span', { 'data-call': '' }, describeCall(call))],
        ['Call', h('code', {}, `${call.section}.${call.method}`)],
        ['Proposed by', who(p.proposer.toString())],
        ['Tally', h('span', { 'data-tally': `${tally.ayes}-${tally.nays}` }, `${tally.ayes} aye · ${tally.nays} nay · ${tally.voters} voter${tally.voters === 1 ? '' : 's'}`)],
        ['Quorum needed', `${tally.quorum} voter${tally.quorum === 1 ? '' : 's'} (${tally.voters >= tally.quorum ? 'reached' : `${tally.quorum - tally.voters} more`})`],
        ['Voting ends', due ? `ended at block ${tally.endsAt}: it can be closed` : `block ${tally.endsAt}, ${blocksToTime(tally.endsAt - bestBlock())} left`],
        ...(mine ? ([['Your vote', `${mine.votes} ${mine.choice.toLowerCase()} (cost ${mine.votes ** 2} credits)`]] as Array<[string, string]>) : []),
      ]),
    );
    card.dataset.proposal = String(id);
    if (!due && active) card.append(voteControl(id, cohort, credits ?? 0, mine, page));
    if (due) {
      card.append(
        h('p', {}, 'It passes if ayes outnumber nays and enough members voted; then the cohort does it at once.'),
        button('Close and count', async () => {
          const outcome = await submit(api.tx.quadraticVoting.close(id), me, { title: `Close proposal #${id}`, summary: describeCall(call) });
          if (outcome.ok) page.refresh();
        }, { class: 'primary', 'data-action': `close-${id}` }),
      );
    }
    list.append(card);
  }
}

function voteControl(id: number, cohort: CohortEntry, credits: number, mine: CastVote | undefined, page: Page): HTMLElement {
  const refund = mine ? mine.votes ** 2 : 0;
  const votes = h('input', { type: 'number', id: `votes-${id}`, min: 1, max: 100, value: mine?.votes ?? 1, inputmode: 'numeric', 'data-input': `votes-${id}` });
  const aye = h('input', { type: 'radio', name: `choice-${id}`, id: `aye-${id}`, value: 'Aye', checked: mine?.choice !== 'Nay' });
  const nay = h('input', { type: 'radio', name: `choice-${id}`, id: `nay-${id}`, value: 'Nay', checked: mine?.choice === 'Nay' });
  const cost = h('output', { for: votes.id, 'aria-live': 'polite', class: 'cost', 'data-cost': '' });
  const send = button('Vote', () => void go(), { class: 'primary', 'data-action': `vote-${id}` });
  const update = () => {
    const v = Math.max(0, Math.floor(Number(votes.value) || 0));
    const price = v * v;
    const left = credits + refund - price;
    cost.dataset.cost = String(price);
    show(
      cost,
      h('strong', {}, `${v} vote${v === 1 ? '' : 's'} cost ${v}² = ${price} credits. `),
      `You have ${credits}${refund ? ` (+${refund} back from your current vote)` : ''}; ${left >= 0 ? `${left} left after.` : `that is ${-left} too many.`}`,
    );
    send.disabled = v < 1 || left < 0;
    cost.classList.toggle('over', left < 0);
  };
  votes.addEventListener('input', update);
  const go = async () => {
    const v = Math.floor(Number(votes.value));
    const choice = nay.checked ? 'Nay' : 'Aye';
    const outcome = await submit(api.tx.quadraticVoting.vote(id, choice, v), page.account, {
      title: `Vote ${choice.toLowerCase()} on proposal #${id}`,
      summary: `${v} ${choice.toLowerCase()} vote${v === 1 ? '' : 's'} in ${cohort.name}.`,
      costs: [['Voice credits', `${v * v} of your ${credits + refund}`]],
    });
    if (outcome.ok) page.refresh();
  };
  const form = h(
    'div',
    { class: 'vote' },
    h('fieldset', { class: 'inline' }, h('legend', {}, 'Your vote'), aye, h('label', { for: aye.id }, 'Aye (for)'), nay, h('label', { for: nay.id }, 'Nay (against)')),
    field('Number of votes', votes),
    cost,
    h('div', { class: 'actions' }, send),
  );
  update();
  return form;
}

