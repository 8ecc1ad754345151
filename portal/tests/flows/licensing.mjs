// The data's path: the cohort offers its dataset, a licensee requests a licence (escrow shown),
// the cohort approves, the licensee sees the grant, the patient sees who used their data and
// claims their royalties.
import { check, step, UNIT } from '../kit.mjs';

export async function licensing({ api, page, ui, wallet }, cohortId) {
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
  await page.locator('[data-voting-period="10"]').waitFor();
  await ui.shot('cohort');
  await ui.axe('cohort');

  step('the licensee sees the live grant');
  await ui.open('licensee', wallet.pharma.address);
  await page.locator('[data-grants] [data-grant=live]').waitFor();
  await ui.shot('licensee');
  await ui.axe('licensee');

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
  await ui.axe('patient at 375 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.locator('[data-action=claim]').click();
  await ui.sign(/Claim my royalties/, /420 COH/);
  await page.locator(`[data-cohort="${cohortId}"] [data-total-royalties="0"]`).waitFor();
  await ui.shot('patient-claimed');

}
