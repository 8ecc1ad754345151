// A member recovers a lost key with the clinic's rotation approval, then leaves.
import { join } from 'node:path';
import { step } from '../kit.mjs';

export async function recoveryAndLeaving({ page, ui, wallet, out }, cohortId) {
  step('a member lost their key: the clinic signs a rotation approval, the new account recovers');
  await ui.open('clinic', wallet.clinic.address);
  await page.fill('[data-input=rotation-lost]', wallet.member.address);
  await page.fill('[data-input=rotation-new]', wallet.memberNew.address);
  await page.click('[data-action=sign-rotation]');
  const [approval] = await Promise.all([page.waitForEvent('download'), page.locator('[data-rotation-output] a[download]').click()]);
  const approvalFile = join(out, 'rotation.json');
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
