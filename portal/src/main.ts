// The portal's shell: connects to the node, finds the user's accounts, and shows one page per
// role (hash routes: #/patient, #/vote, #/clinic, #/licensee, #/cohort).

import './style.css';
import { connect, endpoint, isDevChain, short } from './chain';
import { h, note, show } from './ui';
import { drawMetadataOffer } from './metadata';
import { discoverAccounts, type Account } from './wallet';
import { renderPatient } from './pages/patient';
import { renderVoting } from './pages/voting';
import { renderClinic } from './pages/clinic';
import { renderLicensee } from './pages/licensee';
import { renderGovernance } from './pages/governance';

export interface Page {
  // The account acting, if any.
  account: Account | undefined;
  accounts: Account[];
  // Draws the page again (after a transaction).
  refresh: () => void;
}

const ROUTES: Array<{ path: string; label: string; render: (root: HTMLElement, page: Page) => Promise<void> }> = [
  { path: 'patient', label: 'Patient', render: renderPatient },
  { path: 'vote', label: 'Vote', render: renderVoting },
  { path: 'clinic', label: 'Clinic', render: renderClinic },
  { path: 'licensee', label: 'Licensee', render: renderLicensee },
  { path: 'cohort', label: 'Cohort', render: renderGovernance },
];

const main = document.getElementById('main')!;
const status = document.getElementById('status')!;
const accountSelect = document.getElementById('account') as HTMLSelectElement;
const metadataBar = document.getElementById('wallet-metadata')!;
let accounts: Account[] = [];
let chainName = '';

// Offers the chosen account's wallet Cohort's metadata, if it lacks it.
function drawWalletMetadata() {
  const account = accounts.find((a) => a.address === accountSelect.value);
  void drawMetadataOffer(metadataBar, account, chainName).catch((error: Error) => console.warn('wallet metadata:', error));
}

function route() {
  const path = location.hash.replace(/^#\/?/, '').split('?')[0] || 'patient';
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0];
}

function drawNav() {
  const current = route();
  show(
    document.getElementById('nav')!,
    ROUTES.map((r) =>
      h('li', {}, h('a', { href: `#/${r.path}${location.search ? '' : ''}`, 'aria-current': r === current ? 'page' : null }, r.label)),
    ),
  );
}

let drawing = 0;
async function draw() {
  const mine = ++drawing;
  drawNav();
  const r = route();
  document.title = `${r.label} · Cohort portal`;
  const account = accounts.find((a) => a.address === accountSelect.value);
  const root = h('div', { class: 'page', 'data-page': r.path });
  show(main, root);
  const page: Page = { account, accounts, refresh: () => void draw() };
  root.setAttribute('aria-busy', 'true');
  try {
    await r.render(root, page);
  } catch (error) {
    if (mine === drawing) show(root, note(`Something went wrong: ${(error as Error).message}`, 'error'));
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function drawAccounts() {
  const saved = sessionStorage.getItem('cohort-account');
  const groups = new Map<string, Account[]>();
  for (const a of accounts) groups.set(a.source, [...(groups.get(a.source) ?? []), a]);
  show(
    accountSelect,
    accounts.length ? null : h('option', { value: '' }, 'No account'),
    [...groups].map(([source, list]) =>
      h(
        'optgroup',
        { label: source === 'dev' ? 'Dev accounts (this dev chain only)' : `Wallet: ${source}` },
        list.map((a) => h('option', { value: a.address }, `${a.name} · ${short(a.address)}`)),
      ),
    ),
  );
  if (saved && accounts.some((a) => a.address === saved)) accountSelect.value = saved;
}

async function start() {
  const ws = endpoint();
  status.textContent = `Connecting to ${ws}…`;
  const timer = setTimeout(() => {
    status.textContent = `Still connecting to ${ws}… Is a Cohort node running? (./scripts/portal.sh starts one; ?ws=… chooses another)`;
    status.className = 'status warn';
  }, 5000);
  const api = await connect(ws);
  clearTimeout(timer);
  const found = await discoverAccounts();
  accounts = found.accounts;
  const chain = (await api.rpc.system.chain()).toString();
  chainName = chain;
  status.className = 'status';
  status.textContent = `Connected to ${chain}${isDevChain ? ' (development chain: dev accounts shown)' : ''}. ${
    found.wallets.length ? `Wallets: ${found.wallets.join(', ')}.` : 'No wallet extension found: install polkadot{.js}, Talisman or SubWallet.'
  }`;
  document.getElementById('chain-info')!.textContent = `Node: ${ws}.`;
  drawAccounts();
  // Only which account was chosen is remembered, for this tab.
  accountSelect.addEventListener('change', () => {
    sessionStorage.setItem('cohort-account', accountSelect.value);
    drawWalletMetadata();
    void draw();
  });
  drawWalletMetadata();
  window.addEventListener('hashchange', () => {
    void draw();
    main.focus();
  });
  await draw();
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  status.className = 'status error';
  status.textContent = `Could not connect: ${(error as Error).message}`;
});
