// The licensee: browse cohorts, datasets and offers; request a licence (escrow and deposit shown
// before signing); my open requests and their review deadline; my grants and their expiry.

import type { Page } from '../main';
import { api, blockWhen, blocksToTime, cohorts, currentBlock, formatBalance, short, who } from '../chain';
import { submit } from '../tx';
import { button, h, note, section, show, table } from '../ui';
import { purposeTitle } from '../words';

interface Dataset {
  cohort: number;
  schemaTags: string[];
  recordCount: number;
  version: number;
  status: string;
  contentHash: string;
}
interface Offer {
  dataset: number;
  cohort: number;
  purpose: string;
  price: string;
  accessDuration: number;
  termsHash: string;
}
interface Request {
  licensee: string;
  payer: string | null;
  offer: number;
  dataset: number;
  cohort: number;
  purpose: string;
  price: string;
  submittedAt: number;
}

// Storage map entries as `[first key as number, value as JSON]`.
export async function entries<T>(query: { entries: () => Promise<Array<[{ args: Array<{ toString(): string }> }, { toJSON(): unknown }]>> }): Promise<Array<[number, T]>> {
  const all = await query.entries();
  return all.map(([k, v]) => [Number(k.args[0].toString()), v.toJSON() as T] as [number, T]).sort((a, b) => a[0] - b[0]);
}

export async function datasetsAndOffers() {
  const datasets = await entries<Dataset>(api.query.dataLicensing.datasets as never);
  const offers = await entries<Offer>(api.query.dataLicensing.offers as never);
  return { datasets: new Map(datasets), offers };
}

const tags = (d?: Dataset) => (d?.schemaTags ?? []).map((t) => (t.startsWith('0x') ? new TextDecoder().decode(Uint8Array.from(t.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16))) : t)).join(', ');

export async function renderLicensee(root: HTMLElement, page: Page): Promise<void> {
  show(root, h('h1', {}, 'Licence a cohort’s data'), h('p', { class: 'lead' }, 'Patients’ cohorts license their encrypted data for a purpose, a price and a time. You pay into escrow; the cohort decides; on approval you get a time-bound access grant, checked by the data custodian.'));
  const me = page.account;
  const [all, { datasets, offers }, now] = await Promise.all([cohorts(), datasetsAndOffers(), currentBlock()]);
  const cohortName = (id: number) => all.find((c) => c.id === id)?.name ?? `#${id}`;
  const deposit = api.consts.dataLicensing.requestDeposit.toString();
  const review = Number(api.consts.dataLicensing.reviewPeriod.toString());
  const request = async (id: number, offer: Offer, sponsored: boolean) => {
    const tx = sponsored ? api.tx.dataLicensing.requestSponsorship(id) : api.tx.dataLicensing.request(id);
    const outcome = await submit(tx, me, {
      title: sponsored ? `Ask ${cohortName(offer.cohort)} to sponsor offer #${id}` : `Request a licence under offer #${id}`,
      summary: `${purposeTitle(offer.purpose)} use of dataset #${offer.dataset} of ${cohortName(offer.cohort)}, access for ${offer.accessDuration.toLocaleString('en')} blocks (${blocksToTime(offer.accessDuration)}) once approved. The cohort has ${review.toLocaleString('en')} blocks to decide; after that you may withdraw.`,
      costs: [
        ...(sponsored ? [] : ([['Held in escrow until the cohort decides (refunded if rejected)', formatBalance(offer.price)]] as Array<[string, string]>)),
        ['Request deposit (held; returned when the grant or request ends)', formatBalance(deposit)],
      ],
    });
    if (outcome.ok) page.refresh();
  };
  root.append(
    section(
      'Cohorts',
      all.length
        ? table('Cohorts on this chain', ['Cohort', 'Condition', 'Active members', 'Members’ share', 'k-anonymity floor'], all.map((c) => [`${c.name} (#${c.id})`, c.conditionCode, String(c.activeMembers), `${c.revenueSplit.members / 10_000}%`, String(c.kAnonymityFloor)]))
        : note('No cohort yet.'),
    ),
    section(
      'Offers',
      offers.length
        ? table(
            'Published offers',
            ['Offer', 'Cohort · dataset', 'Purpose', 'Price', 'Access', 'Terms hash', 'Action'],
            offers.map(([id, o]) => {
              const d = datasets.get(o.dataset);
              const publicInterest = ['AcademicResearch', 'PublicHealth'].includes(o.purpose) && BigInt(o.price) > 0n;
              return [
                `#${id}`,
                `${cohortName(o.cohort)} · #${o.dataset} (${d?.recordCount?.toLocaleString('en') ?? '?'} records: ${tags(d)})`,
                purposeTitle(o.purpose),
                BigInt(o.price) === 0n ? 'free' : formatBalance(o.price),
                `${o.accessDuration.toLocaleString('en')} blocks (${blocksToTime(o.accessDuration)})`,
                h('code', { title: o.termsHash }, `${o.termsHash.slice(0, 10)}…`),
                me
                  ? h('div', { class: 'actions' },
                      button('Request a licence', () => void request(id, o, false), { class: 'primary', 'data-action': `request-${id}` }),
                      publicInterest ? button('Ask for sponsorship', () => void request(id, o, true)) : null)
                  : '',
              ];
            }),
            { 'data-offers': '' },
          )
        : note('No offer is published yet.'),
    ),
  );
  if (!me) return void root.append(note('Choose an account (top right) to request a licence.', 'warn'));

  const requests = (await entries<Request>(api.query.dataLicensing.requests as never)).filter(([, r]) => r.licensee === me.address);
  root.append(
    section(
      'My requests',
      requests.length
        ? table(
            'Requests waiting for the cohort’s decision',
            ['Request', 'Cohort · dataset', 'Purpose', 'Price', 'State', 'Review deadline', 'Action'],
            requests.map(([id, r]) => {
              const deadline = r.submittedAt + review;
              const lapsed = now > deadline;
              return [
                `#${id}`,
                `${cohortName(r.cohort)} · #${r.dataset}`,
                purposeTitle(r.purpose),
                formatBalance(r.price),
                r.payer && r.payer !== me.address ? 'sponsored by the cohort; waiting for its decision' : lapsed ? 'not decided in time' : 'waiting for the cohort’s decision',
                blockWhen(deadline),
                lapsed
                  ? button('Withdraw', async () => {
                      const outcome = await submit(api.tx.dataLicensing.withdrawRequest(id), me, { title: `Withdraw request #${id}`, summary: 'The escrow and deposit come back to you.' });
                      if (outcome.ok) page.refresh();
                    })
                  : '',
              ];
            }),
            { 'data-requests': '' },
          )
        : note('No open request. Approved requests become grants (below); rejected ones are refunded.'),
    ),
  );
  const grants = (await api.query.dataLicensing.grants.entries())
    .map(([k, v]) => ({ dataset: Number(k.args[0].toString()), licensee: k.args[1].toString(), purpose: k.args[2].toString(), g: v.toJSON() as { expiresAt: number; request: number; outcomes: number } }))
    .filter((x) => x.licensee === me.address);
  root.append(
    section(
      'My grants',
      grants.length
        ? table(
            'Access grants you hold',
            ['Dataset', 'Cohort', 'Purpose', 'From request', 'State', 'Expires'],
            grants.map((x) => [
              `#${x.dataset}`,
              cohortName(datasets.get(x.dataset)?.cohort ?? -1),
              purposeTitle(x.purpose),
              `#${x.g.request}`,
              h('span', { 'data-grant': x.g.expiresAt > now ? 'live' : 'expired' }, x.g.expiresAt > now ? 'live' : 'expired'),
              blockWhen(x.g.expiresAt),
            ]),
            { 'data-grants': '' },
          )
        : note('No grant yet.'),
      h('p', { class: 'muted small' }, `The data custodian checks a grant with the runtime API (cohort_liveGrants) before serving ${short(me.address)} the encrypted data.`),
    ),
  );
  void who;
}
