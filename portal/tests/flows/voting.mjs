// Members' decisions: proposals made with forms (a spend, a dataset, a settings change),
// quadratic votes with the cost v² and the credits left shown (one by keyboard only), closing.
import { Keyring } from '@polkadot/keyring';
import { check, step, UNIT } from '../kit.mjs';

export async function voting({ api, page, ui, wallet }, cohortId) {
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
  const spendId = (await api.query.quadraticVoting.nextProposalId()).toNumber() - 2;
  const settingsId = spendId + 2;

  step('the other member proposes a settings change: votes last 10 blocks instead of 15');
  await ui.open('cohort', wallet.member.address);
  await ui.choose('[data-input=gov-cohort]', String(cohortId));
  await page.selectOption('[data-input=proposal-kind]', 'settings');
  await ui.expectText('[data-who-decides]', /members decide by quadratic vote.*Deposit: .*COH, held until the vote ends/);
  await page.fill('[data-input=new-voting-period]', '0');
  await page.click('[data-action=propose]');
  await ui.expectText('[data-page=cohort] .note.error', /the voting period must be a whole number from 1 to/);
  await page.fill('[data-input=new-voting-period]', '10');
  await page.fill('[data-input=description]', 'Shorter votes: ten blocks are enough on a dev chain');
  await ui.shot('cohort-settings-proposal');
  await page.click('[data-action=propose]');
  await ui.sign(/Propose: Change the cohort’s settings: a cooperative.*votes of 10 blocks/, /Changes: voting period \(blocks\) 15 → 10\..*Proposal deposit/s);

  step('members vote, seeing the cost v² and the credits left before signing');
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
  await ui.axe('vote');
  await page.click(`[data-action=vote-${spendId}]`);
  await ui.sign(/Vote aye on proposal/, /25 of your 100/);
  await ui.expectText(`[data-proposal="${spendId + 1}"] [data-cost]`, /You have 75;/);
  await page.fill(`[data-input=votes-${spendId + 1}]`, '3');
  await page.click(`[data-action=vote-${spendId + 1}]`);
  await ui.sign(/Vote aye/, /9 of your 75/);
  step('the other member votes nay by keyboard only: Tab to the vote, arrow keys, Enter to vote and to sign');
  await ui.open('vote', wallet.member.address);
  await ui.tabTo(`#aye-${spendId}`);
  await page.keyboard.press('ArrowRight');
  check(await page.isChecked(`#nay-${spendId}`), 'the arrow key chose Nay');
  await page.keyboard.press('Tab');
  await ui.expectFocus(`[data-input=votes-${spendId}]`);
  await page.keyboard.press('ArrowUp');
  await ui.expectText(`[data-proposal="${spendId}"] [data-cost]`, /2 votes cost 2² = 4 credits/);
  await page.keyboard.press('Tab');
  await ui.expectFocus(`[data-action=vote-${spendId}]`);
  await page.keyboard.press('Enter');
  await ui.sign(/Vote nay/, /4 of your 100/, null, { keyboard: true });
  await ui.expectText(`[data-proposal="${spendId}"] [data-tally]`, /5 aye · 2 nay · 2 voters/);
  await page.click(`[data-action=vote-${settingsId}]`);
  await ui.sign(/Vote aye on proposal/);
  await ui.expectText(`[data-proposal="${settingsId}"]`, /Your vote\s*1 aye/);
  await page.setViewportSize({ width: 375, height: 800 });
  await ui.shot('vote-phone');
  await ui.axe('vote at 375 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  await ui.closeWhenDue(spendId);
  await ui.closeWhenDue(spendId + 1);
  await ui.closeWhenDue(settingsId);
  check((await api.query.system.account(research)).data.free.toBigInt() === 300n * UNIT, 'the research team was paid 300 COH');
  const settings = (await api.query.cohorts.registry(cohortId)).unwrap().settings;
  check(settings.voting.votingPeriod.toNumber() === 10, `the members shortened votes to 10 blocks (now ${settings.voting.votingPeriod})`);

}
