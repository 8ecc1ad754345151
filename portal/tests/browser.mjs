// The portal's end-to-end test in a real browser (Debian's Chromium, headless, driven by
// playwright-core; no browser download) against a running `cohort-node --dev`:
//
//   node portal/tests/browser.mjs --ws ws://127.0.0.1:9944 --out DIR [--wrap true|false]
//
// It serves portal/dist (build it first: npm --prefix portal run build), injects a test wallet
// as a browser extension would (`window.injectedWeb3['cohort-test-wallet']`, the
// injected-accounts standard), whose signer calls back into this process where
// @polkadot/keyring signs. Then, through the portal's pages only (clicks and typing):
//   Alice (dev account) creates a cohort accepting the clinic; the clinic signs a credential
//   in the portal and exports it; the patient opens the file and joins; the clinic records
//   contributions; the patient sets consent; members propose a study spend and a dataset,
//   vote quadratically seeing the cost v² and the credits left, close; the cohort publishes an
//   offer; the licensee requests it (escrow shown), the cohort approves; the licensee sees the
//   grant; the patient sees the licence in "who used my data" and the journey picture, claims.
// Set-up the portal does not cover (funding accounts, the council approving the clinic,
// funding the cohort treasury) is done here with @polkadot/api.
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

const UNIT = 10n ** 12n;
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
const started = Date.now();
let doing = 'starting';
let page;
let browser;

function step(text) {
  doing = text;
  console.log(`- [${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);
}
function check(condition, message) {
  if (!condition) throw new Error(message);
}

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

  step('set-up outside the portal: funding accounts, the council approves the clinic');
  await send(api, api.tx.utility.batchAll(Object.values(wallet).map((p) => api.tx.balances.transferKeepAlive(p.address, 10_000n * UNIT))), alice);
  const approve = api.tx.cohorts.approveIssuer(wallet.clinic.address);
  const len = approve.method.encodedLength;
  const proposed = await send(api, api.tx.oversightCouncil.propose(2, approve, len), alice);
  const { proposalHash, proposalIndex } = proposed.find((e) => e.method === 'Proposed').data;
  await send(api, api.tx.oversightCouncil.vote(proposalHash, proposalIndex, true), alice);
  await send(api, api.tx.oversightCouncil.vote(proposalHash, proposalIndex, true), bob);
  const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(approve, len)).weight;
  await send(api, api.tx.oversightCouncil.close(proposalHash, proposalIndex, weight, len), alice);
  check((await api.query.cohorts.issuers(wallet.clinic.address)).isSome, 'the council approved the clinic');

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
          metadata: { get: async () => [], provide: async () => false },
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
    await flows(api, page, url, wallet, alice);
    check(!errors.length, `the page threw: ${errors.join('; ')}`);
  } finally {
    server.close();
  }
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  await api.disconnect();
  console.log(`portal: every flow passed (${Math.round((Date.now() - started) / 1000)} s; screenshots in ${OUT})`);
}

async function flows(api, page, url, wallet, alice) {
  const ui = helpers(api, page, url);
  step('the portal loads with the wallet and dev accounts');
  await ui.open('cohort', alice.address);
  const options = await page.locator('#account option').allTextContents();
  check(options.some((o) => o.includes('Pharma Ltd')) && options.some((o) => o.includes('Alice')), `accounts offered: ${options.join(', ')}`);

  step('Alice (dev account) creates a cohort accepting the clinic, through the Cohort page');
  await page.locator('details.create summary').click();
  await page.fill('[data-input=cohort-name]', 'Long COVID Europe');
  await page.fill('[data-input=condition-code]', 'U09.9');
  await page.fill('[data-input=k-floor]', '1');
  await page.fill('[data-input=voting-period]', '15');
  await page.click('[data-action=create-cohort]');
  await ui.sign(/Create the cohort/);
  const cohortId = (await api.query.cohorts.nextCohortId()).toNumber() - 1;
  const treasury = (await rpcCall(api, 'cohort_cohort', [cohortId])).treasury;
  step('set-up outside the portal: Alice funds the cohort treasury');
  await send(api, api.tx.balances.transferKeepAlive(treasury, 1_000n * UNIT), alice);

  step('the clinic signs a credential for the patient in the portal and exports it');
  await ui.open('clinic', wallet.clinic.address);
  await ui.choose('[data-input=clinic-cohort]', String(cohortId));
  await page.fill('[data-input=subject]', wallet.patient.address);
  await page.fill('[data-input=identity]', 'NHS:9434765919');
  await page.fill('[data-input=nullifier-key]', `0x${'42'.repeat(32)}`);
  await page.fill('[data-input=evidence]', 'diagnosis letter 2026-03');
  await page.click('[data-action=sign-credential]');
  await page.locator('[data-qr]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-credential-output] a[download$=".json"]').click()]);
  const credentialFile = join(OUT, 'credential.json');
  await download.saveAs(credentialFile);
  const [qrDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-credential-output] a[download$=".png"]').click()]);
  const credentialQr = join(OUT, 'credential-qr.png');
  await qrDownload.saveAs(credentialQr);
  await ui.shot('clinic-credential');
  step('the clinic attests a second member on chain');
  await page.fill('[data-input=subject]', wallet.member.address);
  await page.fill('[data-input=identity]', 'NHS:4010232137');
  await page.click('[data-action=attest]');
  await ui.sign(/Attest on chain/);

  step('the patient opens the credential file and joins');
  await ui.open('patient', wallet.patient.address);
  await page.setInputFiles('[data-input=credential-file]', credentialFile);
  await page.getByRole('heading', { name: 'Your credential' }).waitFor();
  await page.locator('[data-page] dl.facts').getByText('St Mary’s Clinic', { exact: false }).waitFor();
  step('... and the same credential from a picture of its QR code (decoded in the page)');
  await page.setInputFiles('[data-input=credential-file]', credentialQr);
  await page.getByRole('heading', { name: 'Your credential' }).waitFor();
  await page.click('[data-action=join-credential]');
  await ui.sign(/Join Long COVID Europe/, /Membership deposit/, 'tx-dialog-join');
  await page.locator(`[data-cohort="${cohortId}"] [data-status=Active]`).waitFor();
  step('the second member joins with the on-chain attestation');
  await ui.open('patient', wallet.member.address);
  await page.click(`[data-action=join-attested-${cohortId}]`);
  await ui.sign(/Join Long COVID Europe/);

  step('the clinic records contributions');
  await ui.open('clinic', wallet.clinic.address);
  for (const [who, units] of [[wallet.patient, 60], [wallet.member, 40]]) {
    await page.fill('[data-input=member]', who.address);
    await page.fill('[data-input=units]', String(units));
    await page.click('[data-action=record]');
    await ui.sign(/Record \d+ contribution units/);
  }
  await ui.shot('clinic');
  step('a failing transaction shows the pallet’s error in words: revoking a non-member');
  await page.fill('[data-input=member]', wallet.pharma.address);
  await page.click('[data-action=revoke]');
  const failure = await ui.sign(/Revoke a membership/, null, 'tx-failed', { expectFailure: true });
  check(/membership\.\w+: \w+/.test(failure), `the error is named and explained: "${failure}"`);

  step('the patients consent: AI training and academic research, with the forward-only explanation');
  for (const who of [wallet.patient, wallet.member]) {
    await ui.open('patient', who.address);
    const card = page.locator(`[data-cohort="${cohortId}"]`);
    await card.getByText('Consent is “forward only”').waitFor();
    await card.getByLabel(/AI training/).check();
    await card.getByLabel(/Academic research/).check();
    await card.getByRole('button', { name: 'Save my consent' }).click();
    await ui.sign(/Change my consent/);
  }
  await ui.shot('patient-joined');

  step('the patient proposes a study spend and a dataset, through the Cohort page');
  const research = new Keyring({ type: 'sr25519' }).addFromUri('//ResearchTeam').address;
  await ui.open('cohort', wallet.patient.address);
  await ui.choose('[data-input=gov-cohort]', String(cohortId));
  await page.selectOption('[data-input=proposal-kind]', 'spend');
  await page.fill('[data-input=beneficiary]', research);
  await page.fill('[data-input=amount]', '300');
  await page.fill('[data-input=description]', 'Study: exercise tolerance in Long COVID');
  await page.click('[data-action=propose]');
  await ui.sign(/Propose: Pay 300 COH from the cohort treasury/, /Proposal deposit/);
  await page.selectOption('[data-input=proposal-kind]', 'dataset');
  await page.fill('[data-input=content-hash]', 'encrypted bundle v1');
  await page.fill('[data-input=locator]', 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi');
  await page.fill('[data-input=records]', '12000');
  await page.click('[data-action=propose]');
  await ui.sign(/Propose: Register a dataset/);

  step('members vote, seeing the cost v² and the credits left before signing');
  const spendId = (await api.query.quadraticVoting.nextProposalId()).toNumber() - 2;
  await ui.open('vote', wallet.patient.address);
  await ui.choose('[data-input=vote-cohort]', String(cohortId));
  await page.locator(`[data-proposal="${spendId}"] [data-call]`).getByText(/Pay 300 COH from the cohort treasury to/).waitFor();
  await page.fill(`[data-input=votes-${spendId}]`, '5');
  await ui.expectText(`[data-proposal="${spendId}"] [data-cost]`, /5 votes cost 5² = 25 credits\. You have 100; 75 left after\./);
  await page.fill(`[data-input=votes-${spendId}]`, '11');
  check(await page.locator(`[data-action=vote-${spendId}]`).isDisabled(), 'voting beyond one’s credits is disabled');
  await ui.expectText(`[data-proposal="${spendId}"] [data-cost]`, /121 credits.*21 too many/);
  await page.fill(`[data-input=votes-${spendId}]`, '5');
  await ui.shot('vote');
  await page.click(`[data-action=vote-${spendId}]`);
  await ui.sign(/Vote aye on proposal/, /25 of your 100/);
  await ui.expectText(`[data-proposal="${spendId + 1}"] [data-cost]`, /You have 75;/);
  await page.fill(`[data-input=votes-${spendId + 1}]`, '3');
  await page.click(`[data-action=vote-${spendId + 1}]`);
  await ui.sign(/Vote aye/, /9 of your 75/);
  await ui.open('vote', wallet.member.address);
  await page.check(`#nay-${spendId}`);
  await page.fill(`[data-input=votes-${spendId}]`, '2');
  await page.click(`[data-action=vote-${spendId}]`);
  await ui.sign(/Vote nay/);
  await ui.expectText(`[data-proposal="${spendId}"] [data-tally]`, /5 aye · 2 nay · 2 voters/);
  await ui.closeWhenDue(spendId);
  await ui.closeWhenDue(spendId + 1);
  check((await api.query.system.account(research)).data.free.toBigInt() === 300n * UNIT, 'the research team was paid 300 COH');

  step('the cohort publishes an AI-training offer (propose, vote, close)');
  const dataset = (await api.query.dataLicensing.nextDatasetId()).toNumber() - 1;
  await ui.decide(cohortId, 'offer', async () => {
    await page.selectOption('[data-input=offer-dataset]', String(dataset));
    await page.selectOption('[data-input=offer-purpose]', 'AiTraining');
    await page.fill('[data-input=price]', '1000');
    await page.fill('[data-input=terms]', 'licence terms v1');
  }, /Propose: Offer dataset/, wallet.patient.address);
  const offer = (await api.query.dataLicensing.nextOfferId()).toNumber() - 1;

  step('the licensee browses offers and requests a licence, the escrow shown before signing');
  await ui.open('licensee', wallet.pharma.address);
  await page.locator('[data-offers]').getByText('AI training').waitFor();
  await page.click(`[data-action=request-${offer}]`);
  await ui.sign(/Request a licence under offer/, /Held in escrow.*1,000 COH/s);
  await page.locator('[data-requests]').getByRole('cell', { name: 'waiting for the cohort’s decision', exact: true }).waitFor();
  await ui.shot('licensee-request');
  const request = (await api.query.dataLicensing.nextRequestId()).toNumber() - 1;

  step('the cohort approves the request (propose, vote, close)');
  await ui.decide(cohortId, 'approve', async () => {
    await page.selectOption('[data-input=request]', String(request));
    await page.fill('[data-input=rationale]', 'approval minutes');
  }, /Propose: Approve licence request/, wallet.patient.address);
  await ui.open('cohort', wallet.patient.address);
  await ui.shot('cohort');

  step('the licensee sees the live grant');
  await ui.open('licensee', wallet.pharma.address);
  await page.locator('[data-grants] [data-grant=live]').waitFor();
  await ui.shot('licensee');

  step('the patient sees the licence in "who used my data", the journey, and claims');
  await ui.open('patient', wallet.patient.address);
  const card = page.locator(`[data-cohort="${cohortId}"]`);
  await card.locator(`[data-licence="${request}"]`).getByText('Pharma Ltd').waitFor();
  await card.locator(`[data-licence="${request}"]`).getByText(/members’ share, 700 COH/).waitFor();
  await card.locator('[data-journey] svg.across').getByText('Pharma Ltd', { exact: true }).waitFor();
  const total = await card.locator('[data-total-royalties]').getAttribute('data-total-royalties');
  check(BigInt(total) === (700n * UNIT * 60n) / 100n, `the patient's royalties: 60% of 700 COH, got ${total}`);
  await ui.shot('patient');
  await page.setViewportSize({ width: 375, height: 800 });
  await card.locator('[data-journey] svg.down').getByText('Pharma Ltd', { exact: true }).waitFor();
  await ui.shot('patient-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.locator('[data-action=claim]').click();
  await ui.sign(/Claim my royalties/, /420 COH/);
  await page.locator(`[data-cohort="${cohortId}"] [data-total-royalties="0"]`).waitFor();
  await ui.shot('patient-claimed');

  step('a member lost their key: the clinic signs a rotation approval, the new account recovers');
  await ui.open('clinic', wallet.clinic.address);
  await page.fill('[data-input=rotation-lost]', wallet.member.address);
  await page.fill('[data-input=rotation-new]', wallet.memberNew.address);
  await page.click('[data-action=sign-rotation]');
  const [approval] = await Promise.all([page.waitForEvent('download'), page.locator('[data-rotation-output] a[download]').click()]);
  const approvalFile = join(OUT, 'rotation.json');
  await approval.saveAs(approvalFile);
  await ui.open('patient', wallet.memberNew.address);
  await page.fill('[data-input=lost-account]', wallet.member.address);
  await page.setInputFiles('[data-input=rotation-file]', approvalFile);
  await page.click('[data-action=recover]');
  await ui.sign(/Recover my membership of Long COVID Europe/);
  await page.locator(`[data-cohort="${cohortId}"] [data-status=Active]`).waitFor();

  step('the member leaves the cohort');
  await page.locator(`[data-cohort="${cohortId}"] details.danger-zone summary`).click();
  await page.locator(`[data-cohort="${cohortId}"]`).getByRole('button', { name: 'Leave the cohort' }).click();
  await ui.sign(/Leave Long COVID Europe/);
  await page.locator(`[data-cohort="${cohortId}"] [data-status=Active]`).waitFor({ state: 'detached' });
  await ui.shot('patient-left');
}

function helpers(api, page, url) {
  const ui = {
    async open(route, address) {
      await page.goto(`${url}?ws=${encodeURIComponent(values.ws)}#/${route}`);
      await page.locator('body[data-ready=true]').waitFor({ timeout: 30_000 });
      if (address && (await page.inputValue('#account')) !== address) {
        await page.selectOption('#account', address);
      }
      // The page is drawn once its root is no longer busy (it marks itself while it queries).
      await page.locator(`[data-page=${route}]:not([aria-busy])`).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 30_000 });
    },
    // Waits for the transaction dialog, checks its title, costs and fee, signs, and waits
    // for a successful outcome.
    async sign(title, costs, shotName, { expectFailure = false } = {}) {
      const dialog = page.locator('dialog#tx[open]');
      await dialog.waitFor();
      const heading = await dialog.locator('h2').textContent();
      check(title.test(heading), `the dialog's title: expected ${title}, got "${heading}"`);
      await page.waitForFunction(() => /COH|unknown/.test(document.querySelector('[data-fee]')?.textContent ?? ''), null, { timeout: 30_000 });
      const fee = await dialog.locator('[data-fee]').textContent();
      check(/COH/.test(fee), `a fee estimate is shown before signing (got "${fee}")`);
      if (costs) check(costs.test(await dialog.textContent()), `the dialog shows ${costs}`);
      if (shotName && !expectFailure) await ui.shot(shotName);
      await dialog.locator('[data-action=sign]').click();
      const outcome = dialog.locator('[data-outcome]');
      await outcome.waitFor({ timeout: 60_000 });
      const text = await outcome.textContent();
      const succeeded = (await outcome.getAttribute('data-outcome')) === 'success';
      if (expectFailure) {
        check(!succeeded, `"${heading}" should have failed`);
        if (shotName) await ui.shot(shotName);
      } else if (!succeeded) {
        throw new Error(`"${heading}" failed: ${text}`);
      }
      await dialog.locator('[data-action=close-tx]').click();
      await page.locator('dialog#tx[open]').waitFor({ state: 'detached' }).catch(() => {});
      await page.waitForFunction(() => !document.querySelector('dialog#tx')?.open);
      return expectFailure ? text : fee;
    },
    // Chooses `value` in a select that redraws the page, and waits for the redraw.
    async choose(selector, value) {
      if ((await page.inputValue(selector)) !== value) await page.selectOption(selector, value);
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 30_000 });
    },
    async expectText(selector, pattern) {
      await page.waitForFunction(
        ([s, p]) => new RegExp(p, 's').test(document.querySelector(s)?.textContent ?? ''),
        [selector, pattern.source],
        { timeout: 30_000 },
      ).catch(async () => {
        throw new Error(`${selector} should match ${pattern}, shows "${await page.locator(selector).first().textContent().catch(() => 'nothing')}"`);
      });
    },
    // On the Vote page: waits for the proposal's end, closes it, checks that it passed.
    async closeWhenDue(id) {
      const ends = (await rpcCall(api, 'cohort_proposal', [id])).endsAt;
      await waitForBlock(api, ends);
      await page.click('[data-action=refresh-votes]');
      await page.click(`[data-action=close-${id}]`);
      await ui.sign(/Close proposal/);
      check(!(await api.query.quadraticVoting.proposals(id)).isSome, `proposal ${id} closed`);
    },
    // Proposes on the Cohort page with `fill` as `proposer`, votes for it, closes it.
    async decide(cohortId, kind, fill, title, proposer) {
      await ui.open('cohort', proposer);
      await ui.choose('[data-input=gov-cohort]', String(cohortId));
      await page.selectOption('[data-input=proposal-kind]', kind);
      await fill();
      await page.click('[data-action=propose]');
      await ui.sign(title);
      const id = (await api.query.quadraticVoting.nextProposalId()).toNumber() - 1;
      await ui.open('vote');
      await ui.choose('[data-input=vote-cohort]', String(cohortId));
      await page.click(`[data-action=vote-${id}]`);
      await ui.sign(/Vote aye/);
      await ui.closeWhenDue(id);
    },
    async shot(name) {
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      console.log(`  screenshot ${join(OUT, `${name}.png`)}`);
    },
  };
  return ui;
}

function rpcCall(api, method, params) {
  return api._rpcCore.provider.send(method, params);
}

async function waitForBlock(api, number) {
  const deadline = Date.now() + 60_000;
  while ((await api.rpc.chain.getHeader()).number.toNumber() < number) {
    check(Date.now() < deadline, `block ${number} did not come within a minute`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// Signs and sends `tx` from a set-up account; resolves with its events once in a block.
function send(api, tx, signer) {
  return withTimeout(
    new Promise((resolve, reject) => {
      tx.signAndSend(signer, ({ status, events, dispatchError }) => {
        if (dispatchError) {
          const reason = dispatchError.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(dispatchError.asModule)) : dispatchError.toString();
          reject(new Error(`set-up ${tx.method.section}.${tx.method.method} failed: ${reason}`));
        } else if (status.isInBlock || status.isFinalized) resolve(events.map(({ event }) => event));
        else if (status.isInvalid || status.isDropped) reject(new Error(`set-up ${tx.method.method}: ${status.type}`));
      }).catch(reject);
    }),
    `set-up ${tx.method.section}.${tx.method.method}`,
    60_000,
  );
}

function withTimeout(promise, what, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function fail(error) {
  const where = String(error?.stack ?? '').match(/browser\.mjs:(\d+)/);
  const reason = `${String(error?.message ?? error).split('\n')[0]}${where ? ` [browser.mjs:${where[1]}]` : ''}`;
  try {
    if (page) await page.screenshot({ path: join(OUT, 'failure.png'), fullPage: true, timeout: 10_000 });
  } catch {
    // No screenshot: the reason is still printed.
  }
  console.error(`portal: FAILED: ${reason} (while: ${doing})`);
  await browser?.close().catch(() => {});
  process.exit(1);
}

setTimeout(() => fail(new Error(`over the time limit of ${LIMIT_S} s`)), LIMIT_S * 1000).unref();
main().then(() => process.exit(0), fail);
