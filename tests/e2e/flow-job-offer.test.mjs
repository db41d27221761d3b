// Job-offer mode starts straight at the job-offer check and ends with its red
// flags, each with what to check, and where to get a contract checked
// (ASTRA's line in Serbia).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answerAll, resultLevel, currentQuestion, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a risky offer: red flags, each with what to check, and ASTRA to check the contract', async () => {
  const page = await openPage(browser, '/job-offer.html');
  await mounted(page);
  const w = widget(page);
  assert.equal(await w.locator('[data-action=start]').textContent(), 'Check a job offer');
  await start(w);
  assert.equal(await currentQuestion(w), 'jo_recruiter', 'no safety gate or age questions first');
  const asked = await answerAll(w, scenario('job_offer_risky_offer').answers);
  // The offer's own questions, then where the person is from (for help from home).
  assert.ok(asked.every((id) => id.startsWith('jo_') || id === 'origin'), asked.join(', '));
  assert.equal(await resultLevel(w), 'serious');

  const result = w.locator('section.pk-result');
  assert.ok((await result.locator('h3').allTextContents()).some((h) => /^Red flags in this job offer \(\d+\)$/.test(h)));
  const flags = result.locator('.pk-sign');
  const count = await flags.count();
  assert.ok(count >= 5, `${count} red flags`);
  for (let i = 0; i < count; i += 1) {
    const check = flags.nth(i).locator('.pk-check');
    assert.equal(await check.count(), 1, `red flag ${i} has what to check`);
    assert.match(await check.textContent(), /^What to check: \S/);
  }
  assert.ok((await flags.allTextContents()).some((f) => /passport/.test(f)));
  assert.match(await result.innerText(), /Red-flag score: \d+ of \d+/);
  assert.match(await result.innerText(), /weights set by experts/);

  // (The list of every service: the first two are also above it.)
  const services = result.locator('#pk-help .pk-referral');
  const astra = services.filter({ hasText: 'ASTRA Anti-Trafficking Action' });
  assert.equal(await astra.count(), 1, (await services.locator('h4').allTextContents()).join(' | '));
  assert.match(await astra.locator('.pk-referral__why').textContent(), /Checks job offers and contracts/);
  assert.equal(await astra.locator('a[href="tel:+381117850000"]').count(), 1);
  assert.equal(await result.locator('.pk-sos a[href="tel:192"]').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('a fair offer: no red flags, still "check before you sign", and ASTRA is listed', async () => {
  const page = await openPage(browser, '/job-offer.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answerAll(w, scenario('job_offer_fair_offer').answers);
  const result = w.locator('section.pk-result');
  await result.waitFor();
  assert.equal(await result.locator('.pk-sign').count(), 0);
  assert.match(await result.innerText(), /check the offer before you sign or pay anything/);
  assert.equal(await result.locator('#pk-help .pk-referral').filter({ hasText: 'ASTRA' }).count(), 1);
});

test("the demo page's second widget is the job-offer check", async () => {
  const page = await openPage(browser, '/');
  const second = widget(page, 'putokaz-screening[mode="job-offer"]');
  await second.locator('[data-action=start]').waitFor();
  await second.locator('[data-action=start]').click();
  assert.equal(await currentQuestion(second), 'jo_recruiter');
  // The first widget did not move.
  assert.equal(await widget(page).locator('section.pk-intro').count(), 1);
});
