// What the portal's browser test shares: progress and checks, the page helpers (open a page,
// sign in the transaction dialog, expect text, axe, screenshots) and set-up calls to the chain.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const UNIT = 10n ** 12n;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const started = Date.now();
let doing = 'starting';

export function step(text) {
  doing = text;
  console.log(`- [${secondsSinceStart().toFixed(0).padStart(3)} s] ${text}`);
}
export function currentStep() {
  return doing;
}
export function secondsSinceStart() {
  return (Date.now() - started) / 1000;
}
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The page helpers; `ws` is the node the portal connects to, `out` where screenshots go.
export function pageHelpers(api, page, { url, ws, out }) {
  const ui = {
    async open(route, address) {
      await page.goto(`${url}?ws=${encodeURIComponent(ws)}#/${route}`);
      await page.locator('body[data-ready=true]').waitFor({ timeout: 30_000 });
      if (address && (await page.inputValue('#account')) !== address) {
        await page.selectOption('#account', address);
      }
      // The page is drawn once its root is no longer busy (it marks itself while it queries).
      await page.locator(`[data-page=${route}]:not([aria-busy])`).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 30_000 });
    },
    // Waits for the transaction dialog, checks its title, costs and fee, signs, and waits
    // for a successful outcome. `keyboard`: sign and close with Enter on the focused buttons;
    // `axe`: check the page with the dialog open, under that name.
    async sign(title, costs, shotName, { expectFailure = false, keyboard = false, axe = null } = {}) {
      const dialog = page.locator('dialog#tx[open]');
      await dialog.waitFor();
      const heading = await dialog.locator('h2').textContent();
      check(title.test(heading), `the dialog's title: expected ${title}, got "${heading}"`);
      await page.waitForFunction(() => /COH|unknown/.test(document.querySelector('[data-fee]')?.textContent ?? ''), null, { timeout: 30_000 });
      const fee = await dialog.locator('[data-fee]').textContent();
      check(/COH/.test(fee), `a fee estimate is shown before signing (got "${fee}")`);
      if (costs) check(costs.test(await dialog.textContent()), `the dialog shows ${costs}`);
      if (shotName && !expectFailure) await ui.shot(shotName);
      if (axe) await ui.axe(axe);
      if (keyboard) {
        await ui.expectFocus('dialog#tx [data-action=sign]');
        await page.keyboard.press('Enter');
      } else await dialog.locator('[data-action=sign]').click();
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
      if (keyboard) {
        await ui.expectFocus('dialog#tx [data-action=close-tx]');
        await page.keyboard.press('Enter');
      } else await dialog.locator('[data-action=close-tx]').click();
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
    // Presses Tab (at most 60 times) until `selector` has the focus.
    async tabTo(selector) {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    },
    async expectFocus(selector) {
      await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 10_000 }).catch(async () => {
        throw new Error(`${selector} should have the focus, ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))} has it`);
      });
    },
    // Runs axe-core on the page as it is; fails on any serious or critical violation.
    async axe(name) {
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })));
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of violations) console.log(`  axe ${name}: ${v.id} (${v.impact}) ${v.targets.slice(0, 6).join(', ')}${v.targets.length > 6 ? ` and ${v.targets.length - 6} more` : ''}`);
      if (!violations.length) console.log(`  axe ${name}: no violation`);
      check(!blocking.length, `axe found ${blocking.length} serious or critical violation(s) on ${name}: ${blocking.map((v) => v.id).join(', ')}`);
    },
    async shot(name) {
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
      console.log(`  screenshot ${join(out, `${name}.png`)}`);
    },
  };
  return ui;
}

export function rpcCall(api, method, params) {
  return api._rpcCore.provider.send(method, params);
}

export async function waitForBlock(api, number) {
  const deadline = Date.now() + 60_000;
  while ((await api.rpc.chain.getHeader()).number.toNumber() < number) {
    check(Date.now() < deadline, `block ${number} did not come within a minute`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// Signs and sends `tx` from a set-up account; resolves with its events once in a block.
export function send(api, tx, signer) {
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

export function withTimeout(promise, what, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
