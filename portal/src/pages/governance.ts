// Cohort governance: a cohort's settings, treasury, members per purpose, datasets, offers and
// open requests; who may do what; the forms to propose or decide (propose.ts), the Oversight
// Council's motions (council.ts), and creating a cohort (cohort-settings.ts).

import type { Page } from '../main';
import { api, blocksToTime, cohorts, formatBalance, percent, PURPOSES, who, type CohortEntry } from '../chain';
import { facts, field, h, note, section, select, show, table } from '../ui';
import { purposeTitle } from '../words';
import { createSection } from './cohort-settings';
import { councilSection } from './council';
import { datasetsAndOffers, entries } from './licensee';
import { proposalDeposit, proposeSection } from './propose';

export async function renderGovernance(root: HTMLElement, page: Page): Promise<void> {
  show(root, h('h1', {}, 'Cohort governance'), h('p', { class: 'lead' }, 'What a cohort owns and decides: its settings, treasury, members, datasets and offers. Members propose and vote; a data trust’s trustees or a business’s operator decide data matters directly; the Oversight Council steps in for issuers and emergencies.'));
  const all = await cohorts();
  if (!all.length) {
    root.append(note('There is no cohort yet: create the first one below.'), await createSection(page), await councilSection(undefined, page));
    return;
  }
  const saved = sessionStorage.getItem('cohort-gov-cohort');
  const sel = select(all.map((c) => [String(c.id), `${c.name} (#${c.id})`]), { value: saved && all.some((c) => String(c.id) === saved) ? saved : String(all[0].id), 'data-input': 'gov-cohort' });
  const body = h('div', {});
  root.append(field('Cohort', sel), body);
  const draw = async () => {
    sessionStorage.setItem('cohort-gov-cohort', sel.value);
    const cohort = all.find((c) => String(c.id) === sel.value)!;
    body.setAttribute('aria-busy', 'true');
    show(body, ...(await cohortView(cohort, page).finally(() => body.removeAttribute('aria-busy'))));
  };
  sel.addEventListener('change', () => void draw());
  await draw();
  root.append(await createSection(page));
}

// Who may do what in cohort `c`, in words, with the deposit a proposal holds.
function whoMayDoWhat(c: CohortEntry): HTMLElement {
  const manager = c.trustees ? `the trustees (${who(c.trustees)}), directly` : c.operator ? `the operator (${who(c.operator)}), directly` : null;
  const deposit = `${formatBalance(proposalDeposit(0))} + ${formatBalance(api.consts.quadraticVoting.proposalDepositPerByte.toString())} per byte of the call`;
  const members = `the members, by proposal and quadratic vote (${c.voting.votingPeriod} blocks, quorum ${percent(c.voting.quorum)})`;
  const rows: string[][] = [
    ['Pay from the treasury; change the settings', members],
    ['Accept or drop an issuer', manager ? `${manager}; or ${members}` : members],
    ['Register datasets, publish offers, approve or reject licence requests', manager ?? members],
    ...(c.trustees ? [['Set the consent of members who leave it to the trustees', `the trustees (${who(c.trustees)}), directly`]] : []),
    ...(c.operator ? [['Set the revenue split', `the operator (${who(c.operator)}), directly, leaving members at least the council’s floor`]] : []),
    ['Consent, claim royalties, leave', 'each member, for themselves'],
    ['Approve or remove issuers, freeze or unfreeze, cancel a proposal, suspend a member, set the platform’s share', 'the Oversight Council, by a two-thirds motion (no deposit)'],
    ['Create a cohort', `anyone, holding ${formatBalance(api.consts.cohorts.cohortDeposit.toString())} while it exists`],
  ];
  return h('div', {}, table('Who may do what', ['What', 'Who decides'], rows, { 'data-who-may': '' }), h('p', { class: 'muted small' }, `A proposal holds a deposit of ${deposit} until its vote ends; each active member may have ${api.consts.quadraticVoting.maxOpenProposalsPerPerson.toString()} open at once.`));
}

async function cohortView(c: CohortEntry, page: Page): Promise<HTMLElement[]> {
  const { datasets, offers } = await datasetsAndOffers();
  const mine = [...datasets].filter(([, d]) => d.cohort === c.id);
  const myOffers = offers.filter(([, o]) => o.cohort === c.id);
  const requests = (await entries<{ licensee: string; offer: number; purpose: string; price: string; submittedAt: number; dataset: number; cohort: number }>(api.query.dataLicensing.requests as never)).filter(([, r]) => r.cohort === c.id);
  const governance = c.trustees ? `Data trust (trustees: ${who(c.trustees)})` : c.operator ? `Private business (operator: ${who(c.operator)})` : 'Cooperative (members decide by quadratic vote)';
  const settings = section(
    'Settings and treasury',
    facts([
      ['Governance', governance],
      ['Condition code', c.conditionCode],
      ['Status', c.frozen ? 'frozen by the Oversight Council' : 'active'],
      ['Revenue split', `members ${percent(c.revenueSplit.members)} · treasury ${percent(c.revenueSplit.treasury)} · platform ${percent(c.revenueSplit.platform)}${c.revenueSplit.operator ? ` · operator ${percent(c.revenueSplit.operator)}` : ''}`],
      ['k-anonymity floor', `${c.kAnonymityFloor} consenting members with data before any licence`],
      ['Voting', h('span', { 'data-voting-period': String(c.voting.votingPeriod) }, `${c.voting.votingPeriod} blocks (${blocksToTime(c.voting.votingPeriod)}), quorum ${percent(c.voting.quorum)}, ${c.voting.voiceCreditsPerEpoch} credits per ${c.voting.epochLength.toLocaleString('en')}-block epoch`)],
      ['Treasury', h('span', { 'data-treasury': c.treasuryBalance }, `${formatBalance(c.treasuryBalance)} (${who(c.treasury)})`)],
      ['Members', `${c.activeMembers} active, ${c.suspendedMembers} suspended${c.delegatingMembers ? `, ${c.delegatingMembers} leave consent to the trustees` : ''}`],
      ...(c.trustees ? ([['Trustees’ consent', h('span', { 'data-trustee-consent': '' }, c.trusteeConsent.length ? c.trusteeConsent.map(purposeTitle).join(', ') : 'none yet')]] as Array<[string, HTMLElement]>) : []),
      ['Open proposals', String(c.openProposals)],
    ]),
    table('Members consenting, per purpose', ['Purpose', 'Members'], PURPOSES.map((p) => [purposeTitle(p), String(c.consentingMembers[p] ?? 0)]), { 'data-consenting': '' }),
    whoMayDoWhat(c),
  );
  const data = section(
    'Datasets, offers and requests',
    mine.length ? table('Datasets', ['Dataset', 'Records', 'Version', 'Status', 'Offers', 'Grants'], mine.map(([id, d]) => [`#${id}`, d.recordCount.toLocaleString('en'), String(d.version), d.status, String((d as unknown as { offers: number }).offers), String((d as unknown as { grants: number }).grants)])) : note('No dataset registered yet.'),
    myOffers.length ? table('Offers', ['Offer', 'Dataset', 'Purpose', 'Price', 'Access'], myOffers.map(([id, o]) => [`#${id}`, `#${o.dataset}`, purposeTitle(o.purpose), formatBalance(o.price), `${o.accessDuration.toLocaleString('en')} blocks`])) : note('No offer yet.'),
    requests.length ? table('Requests waiting for a decision', ['Request', 'Licensee', 'Offer', 'Purpose', 'Escrow'], requests.map(([id, r]) => [`#${id}`, who(r.licensee), `#${r.offer}`, purposeTitle(r.purpose), formatBalance(r.price)]), { 'data-open-requests': '' }) : note('No request is waiting.'),
  );
  const context = { datasets: mine.map(([id]) => id), requests: requests.map(([id, r]) => [id, r.licensee] as [number, string]) };
  const [propose, council] = await Promise.all([proposeSection(c, context, page), councilSection(c, page)]);
  return [settings, data, propose, council];
}
