// Cohort governance: a cohort's settings, treasury, members per purpose, datasets, offers and
// open requests; proposing a spend, a dataset, an offer or a licence decision with a form (or,
// for a data trust's trustees or a business's operator, doing it directly); creating a cohort.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { Page } from '../main';
import { api, blocksToTime, cohorts, daysToBlocks, formatBalance, hashOf, isAddress, parseAmount, percent, PURPOSES, rpc, who, type CohortEntry, type MembershipJson } from '../chain';
import { submit } from '../tx';
import { button, facts, field, h, input, note, section, select, show, table } from '../ui';
import { describeCall, purposeTitle } from '../words';
import { datasetsAndOffers, entries } from './licensee';

export async function renderGovernance(root: HTMLElement, page: Page): Promise<void> {
  show(root, h('h1', {}, 'Cohort governance'), h('p', { class: 'lead' }, 'What a cohort owns and decides: its settings, treasury, members, datasets and offers. Members propose and vote; a data trust’s trustees or a business’s operator decide data matters directly.'));
  const all = await cohorts();
  if (!all.length) {
    root.append(note('There is no cohort yet: create the first one below.'), await createSection(page));
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
      ['Voting', `${c.voting.votingPeriod} blocks (${blocksToTime(c.voting.votingPeriod)}), quorum ${percent(c.voting.quorum)}, ${c.voting.voiceCreditsPerEpoch} credits per ${c.voting.epochLength.toLocaleString('en')}-block epoch`],
      ['Treasury', h('span', { 'data-treasury': c.treasuryBalance }, `${formatBalance(c.treasuryBalance)} (${who(c.treasury)})`)],
      ['Members', `${c.activeMembers} active, ${c.suspendedMembers} suspended${c.delegatingMembers ? `, ${c.delegatingMembers} leave consent to the trustees` : ''}`],
      ['Open proposals', String(c.openProposals)],
    ]),
    table('Members consenting, per purpose', ['Purpose', 'Members'], PURPOSES.map((p) => [purposeTitle(p), String(c.consentingMembers[p] ?? 0)]), { 'data-consenting': '' }),
  );
  const data = section(
    'Datasets, offers and requests',
    mine.length ? table('Datasets', ['Dataset', 'Records', 'Version', 'Status', 'Offers', 'Grants'], mine.map(([id, d]) => [`#${id}`, d.recordCount.toLocaleString('en'), String(d.version), d.status, String((d as unknown as { offers: number }).offers), String((d as unknown as { grants: number }).grants)])) : note('No dataset registered yet.'),
    myOffers.length ? table('Offers', ['Offer', 'Dataset', 'Purpose', 'Price', 'Access'], myOffers.map(([id, o]) => [`#${id}`, `#${o.dataset}`, purposeTitle(o.purpose), formatBalance(o.price), `${o.accessDuration.toLocaleString('en')} blocks`])) : note('No offer yet.'),
    requests.length ? table('Requests waiting for a decision', ['Request', 'Licensee', 'Offer', 'Purpose', 'Escrow'], requests.map(([id, r]) => [`#${id}`, who(r.licensee), `#${r.offer}`, purposeTitle(r.purpose), formatBalance(r.price)]), { 'data-open-requests': '' }) : note('No request is waiting.'),
  );
  return [settings, data, await proposeSection(c, mine.map(([id]) => id), requests.map(([id, r]) => [id, r.licensee] as [number, string]), page)];
}

async function proposeSection(c: CohortEntry, datasetIds: number[], requestIds: Array<[number, string]>, page: Page): Promise<HTMLElement> {
  const me = page.account;
  const membership = me ? await rpc<MembershipJson | null>('cohort_membership', [c.id, me.address]) : null;
  const direct = !!me && (me.address === c.trustees || me.address === c.operator);
  const kind = select([
    ['spend', 'Pay from the treasury (e.g. fund a study)'],
    ['dataset', 'Register a dataset'],
    ['offer', 'Publish an offer'],
    ['approve', 'Approve a licence request'],
    ['reject', 'Reject a licence request'],
  ], { 'data-input': 'proposal-kind' });
  const fields = h('div', {});
  const description = h('textarea', { rows: 2, placeholder: 'What members should know (published off chain; its hash goes on chain)', 'data-input': 'description' });
  const out = h('div', { 'aria-live': 'polite' });
  let build: () => SubmittableExtrinsic<'promise'> = () => {
    throw new Error('choose what to propose');
  };
  const drawFields = () => {
    if (kind.value === 'spend') {
      const to = input({ placeholder: 'the research team’s account, 5…', 'data-input': 'beneficiary' });
      const amount = input({ inputmode: 'decimal', placeholder: '300', 'data-input': 'amount' });
      show(fields, field('Pay to', to), field(`Amount`, amount, `In ${formatBalance(0).split(' ')[1]}; the treasury holds ${formatBalance(c.treasuryBalance)}.`));
      build = () => {
        if (!isAddress(to.value)) throw new Error('the beneficiary is not a valid address');
        return api.tx.cohorts.spend(c.id, to.value.trim(), parseAmount(amount.value));
      };
    } else if (kind.value === 'dataset') {
      const content = input({ placeholder: 'hash of the encrypted bundle (0x…), or its name to hash', 'data-input': 'content-hash' });
      const tagsIn = input({ value: 'Observation, Condition', 'data-input': 'schema-tags' });
      const locator = input({ placeholder: 'e.g. an IPFS CID of the encrypted bundle', 'data-input': 'locator' });
      const records = h('input', { type: 'number', min: 1, value: 1000, 'data-input': 'records' });
      show(fields, field('Content hash', content), field('Schema tags (comma-separated)', tagsIn, 'E.g. FHIR resource types.'), field('Encrypted locator', locator), field('Number of records', records));
      build = () => api.tx.dataLicensing.registerDataset(c.id, hashOf(content.value || `bundle ${Date.now()}`), tagsIn.value.split(',').map((t) => t.trim()).filter(Boolean), locator.value.trim() || 'unpublished', Number(records.value));
    } else if (kind.value === 'offer') {
      const ds = select(datasetIds.map((id) => [String(id), `Dataset #${id}`]), { 'data-input': 'offer-dataset' });
      const purpose = select(PURPOSES.map((p) => [p, purposeTitle(p)]), { 'data-input': 'offer-purpose' });
      const price = input({ inputmode: 'decimal', value: '100', 'data-input': 'price' });
      const days = h('input', { type: 'number', min: 1, value: 30, 'data-input': 'access-days' });
      const terms = input({ placeholder: 'hash of the licence terms (0x…), or the terms’ title to hash', 'data-input': 'terms' });
      show(fields, datasetIds.length ? null : note('Register a dataset first.', 'warn'), field('Dataset', ds), field('Purpose', purpose), field('Price', price, 'Academic research and public health may be free (0).'), field('Access once granted (days)', days), field('Terms document hash', terms));
      build = () => api.tx.dataLicensing.publishOffer(Number(ds.value), purpose.value, parseAmount(price.value), daysToBlocks(Number(days.value)), hashOf(terms.value || `terms ${Date.now()}`));
    } else {
      const req = select(requestIds.map(([id, l]) => [String(id), `Request #${id} by ${who(l)}`]), { 'data-input': 'request' });
      const rationale = input({ placeholder: 'the reasons, published off chain (hashed here)', 'data-input': 'rationale' });
      show(fields, requestIds.length ? null : note('No request is waiting.', 'warn'), field('Request', req), field('Rationale', rationale));
      build = () => (kind.value === 'approve' ? api.tx.dataLicensing.approve : api.tx.dataLicensing.reject)(Number(req.value), hashOf(rationale.value || `decision ${Date.now()}`));
    }
  };
  kind.addEventListener('change', drawFields);
  drawFields();
  const go = async () => {
    try {
      const call = build();
      const isData = kind.value !== 'spend';
      if (direct && isData) {
        const outcome = await submit(call, me, { title: describeCall(call.method as never), summary: 'As the cohort’s trustees/operator you decide this directly.' });
        if (outcome.ok) page.refresh();
        return;
      }
      const bytes = call.method.encodedLength;
      const deposit = BigInt(api.consts.quadraticVoting.proposalDepositBase.toString()) + BigInt(api.consts.quadraticVoting.proposalDepositPerByte.toString()) * BigInt(bytes);
      const outcome = await submit(api.tx.quadraticVoting.propose(c.id, call, hashOf(description.value || describeCall(call.method as never))), me, {
        title: `Propose: ${describeCall(call.method as never)}`,
        summary: `Members vote for ${c.voting.votingPeriod} blocks (${blocksToTime(c.voting.votingPeriod)}); if it passes, the cohort does it.`,
        costs: [['Proposal deposit (held until it ends)', formatBalance(deposit)]],
      });
      if (outcome.ok) {
        show(out, note('Proposed. Members vote on the Vote page.', 'ok'));
        page.refresh();
      }
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  return section(
    'Propose',
    membership?.status === 'Active' || direct ? null : note('Only active members propose (and trustees or an operator decide data matters directly). You can still prepare a proposal here.', 'warn'),
    field('What to propose', kind),
    fields,
    field('Description', description),
    h('div', { class: 'actions' }, button(direct ? 'Decide' : 'Propose', () => void go(), { class: 'primary', 'data-action': 'propose' })),
    out,
  );
}

async function createSection(page: Page): Promise<HTMLElement> {
  const issuers = (await api.query.cohorts.issuers.keys()).map((k) => k.args[0].toString());
  const name = input({ placeholder: 'e.g. Long COVID Europe', 'data-input': 'cohort-name' });
  const system = select([['Icd10', 'ICD-10'], ['SnomedCt', 'SNOMED CT']]);
  const code = input({ placeholder: 'e.g. U09.9', 'data-input': 'condition-code' });
  const members = h('input', { type: 'number', min: 0, max: 95, value: 70, 'data-input': 'members-share' });
  const k = h('input', { type: 'number', min: 1, value: 2, 'data-input': 'k-floor' });
  const period = h('input', { type: 'number', min: 1, value: 100, 'data-input': 'voting-period' });
  const quorum = h('input', { type: 'number', min: 0, max: 100, value: 20, 'data-input': 'quorum' });
  const credits = h('input', { type: 'number', min: 1, value: 100, 'data-input': 'credits' });
  const boxes = issuers.map((i) => h('input', { type: 'checkbox', value: i, id: `issuer-${i}`, checked: true }));
  const out = h('div', { 'aria-live': 'polite' });
  const go = async () => {
    try {
      if (!name.value.trim() || !code.value.trim()) throw new Error('give a name and a condition code');
      const settings = {
        name: name.value.trim(),
        governance: 'Cooperative',
        membersShare: Math.round(Number(members.value) * 10_000),
        kAnonymityFloor: Number(k.value),
        voting: { votingPeriod: Number(period.value), quorum: Math.round(Number(quorum.value) * 10_000), voiceCreditsPerEpoch: Number(credits.value), epochLength: 100_000 },
      };
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      const outcome = await submit(api.tx.cohorts.createCohort({ system: system.value, code: code.value.trim() }, settings, chosen), page.account, {
        title: `Create the cohort ${settings.name}`,
        summary: `A cooperative: members decide by quadratic vote. Members take ${members.value}% of licence revenue.`,
        costs: [['Cohort deposit (held while the cohort exists)', formatBalance(api.consts.cohorts.cohortDeposit.toString())]],
      });
      if (outcome.ok) page.refresh();
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  return h(
    'details',
    { class: 'card create' },
    h('summary', {}, h('span', { class: 'h2like' }, 'Create a cohort')),
    h('div', { class: 'grid2' }, field('Name', name), field('Code system', system), field('Condition code', code, 'Public by design: it names the cohort, not a patient.'), field('Members’ share of licence revenue (%)', members), field('k-anonymity floor', k, 'Consenting members with data needed before any licence.'), field('Voting period (blocks)', period), field('Quorum (% of active members)', quorum), field('Voice credits per member per epoch', credits)),
    h('fieldset', {}, h('legend', {}, 'Clinics it accepts (approved by the council)'), issuers.length ? boxes.map((b) => h('div', { class: 'check' }, b, h('label', { for: b.id }, who(b.value)))) : note('No issuer approved yet.')),
    h('div', { class: 'actions' }, button('Create the cohort', () => void go(), { class: 'primary', 'data-action': 'create-cohort' })),
    out,
  );
}
