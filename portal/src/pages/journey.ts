// "Who used my data" and "the journey of my data", from the chain only.
//
// Source: the `cohort_whatCameOfMyData` JSON-RPC method (node/src/cohort_rpc.rs), which answers
// from the runtime's `CohortApi`: the licences whose revenue paid this member (from royalties'
// per-pool `RecentRevenue`, the last `MaxRecentRevenue` payments of each pool, joined with the
// member's participation spans), with the outcomes licensees reported under each, and the
// cohort's health insights. No block scanning, no health data: licensee, dataset, purpose,
// members' share, block.

import { api, blockWhen, formatBalance, nameOf, who, type CohortEntry, type FeedbackJson, type MembershipJson } from '../chain';
import { h, note } from '../ui';
import { purposeTitle } from '../words';

const OUTCOME_WORDS: Record<string, string> = {
  Publication: 'a publication',
  Preprint: 'a preprint',
  TrialRegistration: 'a registered trial',
  Product: 'a product',
  ModelCard: 'a model card',
  NoResult: 'no result (also worth knowing)',
};

export function timeline(feedback: FeedbackJson): HTMLElement {
  if (!feedback.licences.length && !feedback.insights.length) {
    return note('No licence has used your data yet. When one does, it appears here: who, which dataset, for what, and when.');
  }
  const items = [
    ...feedback.licences.map((l) => ({
      at: l.at,
      el: h(
        'li',
        { 'data-licence': String(l.request) },
        h('p', { class: 'when' }, blockWhen(l.at)),
        h(
          'p',
          {},
          h('strong', {}, who(l.licensee)),
          ` licensed dataset #${l.dataset} for `,
          h('strong', {}, purposeTitle(l.purpose).toLowerCase()),
          ` (request #${l.request}). The members’ share, ${formatBalance(l.membersShare)}, went to the royalty pool of everyone who consented.`,
        ),
        l.outcomes.length
          ? h('ul', { class: 'outcomes' }, l.outcomes.map((o) => h('li', {}, `They reported ${OUTCOME_WORDS[o.kind] ?? o.kind} (document hash ${o.outcomeHash.slice(0, 12)}…) at block ${o.at}.`)))
          : h('p', { class: 'muted small' }, 'No outcome reported yet.'),
      ),
    })),
    ...feedback.insights.map((i) => ({
      at: i.at,
      el: h('li', { class: 'insight' }, h('p', { class: 'when' }, blockWhen(i.at)), h('p', {}, h('strong', {}, 'Your cohort published a health insight: '), i.locator)),
    })),
  ].sort((a, b) => b.at - a.at);
  return h('ol', { class: 'timeline', 'aria-label': 'Licences that used my data, most recent first' }, items.map((i) => i.el));
}

interface Box {
  title: string;
  sub: string;
  cls: string;
  // Indexes of the boxes of the next level this one leads to.
  to: number[];
}

// An inline SVG: me → the cohort's datasets → the licences → my royalties. Drawn twice, across
// for wide screens and down for phones (CSS shows one).
export async function journeyPicture(cohort: CohortEntry, membership: MembershipJson, feedback: FeedbackJson): Promise<HTMLElement> {
  const datasetIds = [...new Set(feedback.licences.map((l) => l.dataset))];
  const datasets = await Promise.all(
    datasetIds.map(async (id) => ({ id, json: (await api.query.dataLicensing.datasets(id)).toJSON() as { recordCount?: number } | null })),
  );
  const licences = feedback.licences.slice(0, 5);
  const totalShare = feedback.licences.reduce((s, l) => s + BigInt(l.membersShare), 0n);
  const levels: Box[][] = [
    [{ title: 'You', sub: `${membership.units} units · ${membership.consent.length} purposes`, cls: 'me', to: datasets.length ? datasets.map((_, i) => i) : [0] }],
    datasets.length
      ? datasets.map((d) => ({ title: `Dataset #${d.id}`, sub: `${d.json?.recordCount?.toLocaleString('en') ?? '?'} records`, cls: 'dataset', to: licences.flatMap((l, i) => (l.dataset === d.id ? [i] : [])) }))
      : [{ title: cohort.name, sub: 'your contribution', cls: 'dataset', to: [] }],
    licences.length
      ? licences.map((l) => ({ title: nameOf(l.licensee), sub: `${purposeTitle(l.purpose)} · request #${l.request}`, cls: 'licence', to: [0] }))
      : [{ title: 'No licence yet', sub: 'waiting for one', cls: 'licence empty', to: [] }],
    [{ title: 'Royalties', sub: licences.length ? `members’ share ${formatBalance(totalShare)}` : 'none yet', cls: 'royalty', to: [] }],
  ];
  const desc = `You contribute to ${datasets.length || 'the cohort’s future'} dataset(s); ${feedback.licences.length} licence(s) used them; their members’ share went to the royalty pools you earn from.`;
  const figure = h('figure', { class: 'journey', 'data-journey': String(cohort.id) });
  figure.innerHTML = across(levels, cohort, desc) + down(levels, cohort, desc);
  figure.append(h('figcaption', {}, 'Built from the chain: your membership, the cohort’s datasets, the licences that paid you and their royalties. No health data is shown or needed.'));
  return figure;
}

const BH = 50;
const fit = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const boxSvg = (x: number, y: number, w: number, b: Box, chars: number) =>
  `<g class="${b.cls}"><rect x="${x}" y="${y}" width="${w}" height="${BH}" rx="10"/>` +
  `<text x="${x + 10}" y="${y + 21}" class="t">${esc(fit(b.title, chars))}</text><text x="${x + 10}" y="${y + 39}" class="s">${esc(fit(b.sub, Math.round(chars * 1.3)))}</text></g>`;
const edge = (x1: number, y1: number, x2: number, y2: number, vertical = false) =>
  vertical
    ? `<path d="M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}" class="edge" marker-end="url(#arrow)"/>`
    : `<path d="M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}" class="edge" marker-end="url(#arrow)"/>`;
const svgOpen = (cls: string, w: number, hgt: number, cohort: CohortEntry, desc: string) =>
  `<svg class="${cls}" viewBox="0 0 ${w} ${hgt}" role="img" aria-labelledby="jt-${cls}-${cohort.id} jd-${cls}-${cohort.id}" xmlns="http://www.w3.org/2000/svg">` +
  `<title id="jt-${cls}-${cohort.id}">The journey of my data in ${esc(cohort.name)}</title><desc id="jd-${cls}-${cohort.id}">${esc(desc)}</desc>` +
  `<defs><marker id="arrow-${cls}-${cohort.id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>`;

// Four columns, left to right.
function across(levels: Box[][], cohort: CohortEntry, desc: string): string {
  const W = 760;
  const bw = 172;
  const gap = 12;
  const rows = Math.max(...levels.map((l) => l.length));
  const H = rows * (BH + gap) + 10;
  const x = (i: number) => 6 + i * ((W - 12 - bw) / 3);
  const y = (level: Box[], j: number) => H / 2 - (level.length * (BH + gap) - gap) / 2 + j * (BH + gap);
  const parts: string[] = [];
  levels.forEach((level, i) =>
    level.forEach((b, j) => {
      for (const k of b.to) if (levels[i + 1]?.[k]) parts.push(edge(x(i) + bw, y(level, j) + BH / 2, x(i + 1) - 2, y(levels[i + 1], k) + BH / 2));
    }),
  );
  levels.forEach((level, i) => level.forEach((b, j) => parts.push(boxSvg(x(i), y(level, j), bw, b, 19))));
  return `${svgOpen('across', W, H, cohort, desc)}${parts.join('').replaceAll('url(#arrow)', `url(#arrow-across-${cohort.id})`)}</svg>`;
}

// One column, top to bottom (phones).
function down(levels: Box[][], cohort: CohortEntry, desc: string): string {
  const W = 340;
  const bw = 300;
  const parts: string[] = [];
  let y = 4;
  const tops: number[][] = [];
  levels.forEach((level) => {
    tops.push(level.map((_, j) => y + j * (BH + 8)));
    y += level.length * (BH + 8) + 26;
  });
  levels.forEach((level, i) => {
    if (!levels[i + 1]) return;
    const lastBottom = tops[i][level.length - 1] + BH;
    parts.push(`<path d="M${W / 2},${lastBottom} L${W / 2},${tops[i + 1][0] - 2}" class="edge" marker-end="url(#arrow-down-${cohort.id})"/>`);
  });
  levels.forEach((level, i) => level.forEach((b, j) => parts.push(boxSvg(20, tops[i][j], bw, b, 34))));
  return `${svgOpen('down', W, y - 22, cohort, desc)}${parts.join('')}</svg>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
