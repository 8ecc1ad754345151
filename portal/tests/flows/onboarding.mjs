// The onboarding: the council approves the clinic, Alice creates a cohort, the clinic's wallet
// takes Cohort's metadata, the clinic signs a credential and the patient joins with it (file
// and QR), a second member joins by attestation, contributions are recorded, both consent.
import { join } from 'node:path';
import { check, rpcCall, send, step, UNIT } from '../kit.mjs';

// Returns the new cohort's id.
export async function onboarding({ api, page, ui, wallet, alice, bob, provided, out }) {
  step('the portal loads with the wallet and dev accounts');
  await ui.open('cohort', alice.address);
  const options = await page.locator('#account option').allTextContents();
  check(options.some((o) => o.includes('Pharma Ltd')) && options.some((o) => o.includes('Alice')), `accounts offered: ${options.join(', ')}`);

  step('the Oversight Council approves the clinic: Alice proposes a motion, Alice and Bob vote aye, Alice closes');
  await page.selectOption('[data-input=council-kind]', 'approve-issuer');
  await page.fill('[data-input=council-account]', 'not an address');
  await page.click('[data-action=council-propose]');
  await ui.expectText('[data-council] .note.error', /the issuer’s account is not a valid address/);
  await page.fill('[data-input=council-account]', wallet.clinic.address);
  await page.click('[data-action=council-propose]');
  await ui.sign(/Council motion: Approve St Mary’s Clinic .* as an issuer/, /Deposit\s*none: council members propose for free/);
  const motion = (await api.query.oversightCouncil.proposalCount()).toNumber() - 1;
  await ui.axe('cohort-council');
  await page.click(`[data-action=council-aye-${motion}]`);
  await ui.sign(/Vote aye on council motion/);
  await ui.open('cohort', bob.address);
  await ui.expectText(`[data-motion="${motion}"] [data-ayes]`, /1 of the 2 needed \(Alice/);
  await ui.shot('council');
  await page.click(`[data-action=council-aye-${motion}]`);
  await ui.sign(/Vote aye on council motion/);
  await page.click(`[data-action=council-close-${motion}]`);
  await ui.sign(/Close council motion/, /closing it does it/);
  check((await api.query.cohorts.issuers(wallet.clinic.address)).isSome, 'the council approved the clinic');
  await ui.open('cohort', alice.address);

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

  step('the clinic’s wallet takes Cohort’s metadata in one click (genesis hash and spec version checked)');
  await ui.open('clinic', wallet.clinic.address);
  await ui.shot('wallet-metadata');
  await page.click('[data-action=provide-metadata]');
  await ui.expectText('#wallet-metadata', /now has Cohort’s metadata \(spec version \d+\)/);
  const given = provided.at(-1);
  check(given?.genesisHash === api.genesisHash.toHex(), `the wallet got genesis hash ${given?.genesisHash}, the chain's is ${api.genesisHash.toHex()}`);
  check(given.specVersion === api.runtimeVersion.specVersion.toNumber(), `the wallet got spec version ${given.specVersion}, the chain runs ${api.runtimeVersion.specVersion}`);
  check(given.tokenSymbol === 'COH' && given.tokenDecimals === 12 && given.ss58Format === api.registry.chainSS58 && given.rawMetadata === api.runtimeMetadata.toHex(), 'the wallet got the token, the address format and the metadata');

  await page.reload();
  await page.locator('#wallet-metadata[data-metadata=known]').waitFor({ state: 'attached' });
  check(await page.locator('#wallet-metadata').isHidden(), 'a wallet that has the metadata is not offered it again');

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
  const credentialFile = join(out, 'credential.json');
  await download.saveAs(credentialFile);
  const [qrDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-credential-output] a[download$=".png"]').click()]);
  const credentialQr = join(out, 'credential-qr.png');
  await qrDownload.saveAs(credentialQr);
  await ui.shot('clinic-credential');
  await ui.axe('clinic');
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
  await ui.sign(/Join Long COVID Europe/, /Membership deposit/, 'tx-dialog-join', { axe: 'the transaction dialog' });
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
  await ui.axe('patient');
  return cohortId;
}
