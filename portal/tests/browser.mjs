// The portal's end-to-end test in a real browser (Debian's Chromium, headless, driven by
// playwright-core; no browser download) against a running `cohort-node --dev`:
//
//   node portal/tests/browser.mjs --ws ws://127.0.0.1:9944 --out DIR [--wrap true|false]
//
// It serves portal/dist (build it first: npm --prefix portal run build), injects a test wallet
// as a browser extension would (`window.injectedWeb3['cohort-test-wallet']`, the
// injected-accounts standard), whose signer calls back into this process where
// @polkadot/keyring signs; it also keeps the metadata the portal gives it (`metadata.get` and
// `metadata.provide`). Then, through the portal's pages only (clicks and typing):
//   the Oversight Council (Alice and Bob, dev accounts) approves the clinic by a motion; Alice
//   creates a cohort accepting it; the clinic's wallet takes Cohort's metadata; the clinic
//   signs a credential in the portal and exports it; the patient opens the file and joins; the
//   clinic records contributions; the patient sets consent; members propose a study spend, a
//   dataset and a settings change (shorter votes), vote quadratically seeing the cost v² and
//   the credits left (one vote by keyboard only), close; the cohort publishes an offer; the
//   licensee requests it (escrow shown), the cohort approves; the licensee sees the grant; the
//   patient sees the licence in "who used my data" and the journey picture, claims; a member
//   recovers a lost key and leaves; Alice creates a private business (its operator, Dave,
//   accepts the clinic and sets the split directly) and a data trust (its trustees, Charlie,
//   set the delegated consent directly).
// The flows are in tests/flows/, one file per stage of a cohort's life; tests/kit.mjs holds
// the page helpers (open a page, sign in the transaction dialog, axe, screenshots).
// Every page is checked with axe-core: any "serious" or "critical" violation fails the test.
// Set-up the portal does not cover (funding accounts and the cohort treasury) is done here
// with @polkadot/api.
//
// `--wrap` (default true, as real extensions do) makes the test wallet's signRaw sign
// `<Bytes>…</Bytes>`-wrapped data; `--wrap false` (or COHORT_WALLET_WRAP=false) signs the raw
// payload, which runtimes built before pallet-membership accepted wrapped signatures need.
//
// Saves a full-page screenshot of each page into DIR; prints progress; ends with
// `portal: every flow passed` (exit 0), or `portal: FAILED: <reason>` and DIR/failure.png (exit 1).

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST, serveDist } from '../serve.mjs';
import { check, currentStep, pageHelpers, secondsSinceStart, send, step, UNIT, withTimeout } from './kit.mjs';
import { onboarding } from './flows/onboarding.mjs';
import { voting } from './flows/voting.mjs';
import { licensing } from './flows/licensing.mjs';
import { recoveryAndLeaving } from './flows/recovery-and-leaving.mjs';
import { businessAndTrust } from './flows/business-and-trust.mjs';

const LIMIT_S = 290;
const { values } = parseArgs({
  options: {
    ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
    out: { type: 'string', default: 'portal/test-output' },
    wrap: { type: 'string', default: process.env.COHORT_WALLET_WRAP ?? 'true' },
    chromium: { type: 'string', default: process.env.CHROMIUM ?? '/usr/bin/chromium' },
  },
});
// THE WALLET WRAP SWITCH: how the test wallet's signRaw signs (see the header).
const WRAP = values.wrap !== 'false' && values.wrap !== '0';
const OUT = values.out;
let page;
let browser;

async function main() {
  check(existsSync(join(DIST, 'index.html')), 'portal/dist is not built: run `npm --prefix portal run build` first');
  check(existsSync(values.chromium), `no Chromium at ${values.chromium}: apt-get install chromium`);
  mkdirSync(OUT, { recursive: true });
  await cryptoWaitReady();
  const api = await withTimeout(ApiPromise.create({ provider: new WsProvider(values.ws, 1000), noInitWarn: true }), `connecting to ${values.ws}`, 30_000);
  const keyring = new Keyring({ type: 'sr25519' });
  const dev = (n) => keyring.addFromUri(`//${n}`);
  const [alice, bob] = [dev('Alice'), dev('Bob')];
  // The test wallet's accounts: fresh names, so that they differ from the portal's dev accounts.
  const wallet = {
    clinic: keyring.addFromUri('//PortalClinic', { name: 'St Mary’s Clinic' }),
    patient: keyring.addFromUri('//PortalPatient', { name: 'Patient Pat' }),
    member: keyring.addFromUri('//PortalMember', { name: 'Member Mo' }),
    memberNew: keyring.addFromUri('//PortalMemberNew', { name: 'Member Mo (new key)' }),
    pharma: keyring.addFromUri('//PortalPharma', { name: 'Pharma Ltd' }),
  };
  const byAddress = new Map(Object.values(wallet).map((p) => [p.address, p]));

  step('set-up outside the portal: funding accounts');
  await send(api, api.tx.utility.batchAll(Object.values(wallet).map((p) => api.tx.balances.transferKeepAlive(p.address, 10_000n * UNIT))), alice);

  const { server, url } = await serveDist();
  const profile = mkdtempSync(join(tmpdir(), 'cohort-chromium-'));
  try {
    step('launching Chromium headless with the test wallet injected');
    // A persistent context on a fresh profile directory: Chromium's --user-data-dir.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: values.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      timeout: 60_000,
    });
    browser = context;
    context.setDefaultTimeout(30_000);
    // The wallet's keys stay here: the page asks, this process signs.
    // The wallet's metadata store: what the portal provided, by genesis hash and spec version.
    const provided = [];
    await context.exposeFunction('cohortTestWalletKnownMetadata', () => provided.map(({ genesisHash, specVersion }) => ({ genesisHash, specVersion })));
    await context.exposeFunction('cohortTestWalletProvideMetadata', (definition) => (provided.push(definition), true));
    await context.exposeFunction('cohortTestWalletAccounts', () => Object.values(wallet).map((p) => ({ address: p.address, name: p.meta.name, type: 'sr25519' })));
    await context.exposeFunction('cohortTestWalletSign', (kind, request) => {
      const pair = byAddress.get(request.address);
      if (!pair) throw new Error(`the test wallet has no account ${request.address}`);
      if (kind === 'raw') {
        const data = hexToU8a(request.data);
        return { id: 1, signature: u8aToHex(pair.sign(WRAP ? u8aWrapBytes(data) : data)) };
      }
      const payload = api.registry.createType('ExtrinsicPayload', request, { version: request.version });
      return { id: 1, signature: payload.sign(pair).signature };
    });
    await context.addInitScript(() => {
      window.injectedWeb3 = window.injectedWeb3 ?? {};
      window.injectedWeb3['cohort-test-wallet'] = {
        version: '1.0.0',
        enable: async () => ({
          accounts: { get: () => window.cohortTestWalletAccounts(), subscribe: (cb) => (window.cohortTestWalletAccounts().then(cb), () => {}) },
          metadata: { get: () => window.cohortTestWalletKnownMetadata(), provide: (definition) => window.cohortTestWalletProvideMetadata(definition) },
          signer: {
            signPayload: (payload) => window.cohortTestWalletSign('payload', payload),
            signRaw: (raw) => window.cohortTestWalletSign('raw', raw),
          },
        }),
      };
    });
    page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Each flow is a file of flows/, run in the order a cohort lives them.
    const ui = pageHelpers(api, page, { url, ws: values.ws, out: OUT });
    const t = { api, page, ui, wallet, alice, bob, charlie: dev('Charlie'), dave: dev('Dave'), provided, out: OUT };
    const cohortId = await onboarding(t);
    await voting(t, cohortId);
    await licensing(t, cohortId);
    await recoveryAndLeaving(t, cohortId);
    await businessAndTrust(t);
    check(!errors.length, `the page threw: ${errors.join('; ')}`);
  } finally {
    server.close();
  }
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  await api.disconnect();
  console.log(`portal: every flow passed (${Math.round(secondsSinceStart())} s; screenshots in ${OUT})`);
}

async function fail(error) {
  const where = String(error?.stack ?? '').match(/tests\/((?:flows\/)?[\w-]+\.mjs:\d+)/);
  const reason = `${String(error?.message ?? error).split('\n')[0]}${where ? ` [${where[1]}]` : ''}`;
  try {
    if (page) await page.screenshot({ path: join(OUT, 'failure.png'), fullPage: true, timeout: 10_000 });
  } catch {
    // No screenshot: the reason is still printed.
  }
  console.error(`portal: FAILED: ${reason} (while: ${currentStep()})`);
  await browser?.close().catch(() => {});
  process.exit(1);
}

setTimeout(() => fail(new Error(`over the time limit of ${LIMIT_S} s`)), LIMIT_S * 1000).unref();
main().then(() => process.exit(0), fail);
