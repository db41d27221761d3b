// axe-core finds no violation on each result level (urgent, serious, some,
// none_reported), on the job-offer result, and on the print view (on screen
// and as printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, complete, axe, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const cases = [
  ['/exit.html', 'danger_now_at_the_safety_gate', 'urgent'],
  ['/exit.html', 'construction_worker_passport_kept', 'serious'],
  ['/exit.html', 'deceived_but_free_worker', 'some'],
  ['/exit.html', 'worker_with_fair_job', 'none_reported'],
  ['/job-offer.html', 'job_offer_risky_offer', 'serious'],
];

for (const [path, name, level] of cases) {
  test(`${path === '/job-offer.html' ? 'job-offer ' : ''}result ${level} (${name}): no violations`, async () => {
    const page = await openPage(browser, path);
    await mounted(page);
    const w = widget(page);
    assert.equal(await complete(w, scenario(name).answers), level);
    // Open one "details" too, so its content is checked.
    await w.locator('summary.pk-details__summary').first().click();
    assert.deepEqual(await axe(page), [], `result ${level}`);
    await page.context().close();
  });
}

test('print view, on screen and as printed: no violations, no answers on it, and a more discreet list without what services help with', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await complete(w, scenario('construction_worker_passport_kept').answers);
  await w.locator('[data-action=print]').click();
  const view = w.locator('section.pk-print');
  await view.waitFor();
  assert.deepEqual(await axe(page), [], 'print view');
  assert.doesNotMatch(await view.innerText(), /passport|What we noticed/, 'the printed list carries no answer');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await w.locator('.pk-bar').isVisible(), false, 'no exit bar on paper');
  assert.deepEqual(await w.locator('.pk-noprint').evaluateAll((els) => els.map((el) => el.checkVisibility())), [false, false], 'no buttons or choices on paper');
  assert.ok(await view.locator('.pk-referral').first().isVisible());
  assert.deepEqual(await axe(page), [], 'print media');
  await page.emulateMedia({ media: 'screen' });
  // The more discreet list: the services and their numbers, not what each helps with.
  const why = await view.locator('.pk-referral__why').allInnerTexts();
  assert.ok(why.length >= 2, 'the list says what services help with');
  await w.locator('#pk-plain').check();
  await page.emulateMedia({ media: 'print' });
  const plain = await view.innerText();
  for (const line of why) assert.ok(!plain.includes(line), `"${line}" is left out of the discreet list`);
  assert.ok(await view.locator('.pk-referral a[href^="tel:"]').first().isVisible(), 'the numbers stay');
  assert.deepEqual(await axe(page), [], 'discreet list, printed');
  await page.emulateMedia({ media: 'screen' });
  await w.locator('[data-action=back]').click();
  assert.equal(await w.locator('section.pk-result').count(), 1, 'back to the result');
});
