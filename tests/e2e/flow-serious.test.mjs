// A construction worker whose passport is kept: the result says "several
// serious warning signs", lists what was noticed in plain words, grouped,
// and whom to call in the country where he is (Germany).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, complete, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a worker whose passport is kept gets a serious result with the signs grouped', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  assert.equal(await complete(w, scenario('construction_worker_passport_kept').answers), 'serious');

  const result = w.locator('section.pk-result');
  assert.equal(await result.locator('h2.pk-title').textContent(), 'Several serious warning signs');
  assert.match(await result.locator('.pk-summary').textContent(), /not a legal decision/);
  const groups = await result.locator('h4.pk-h4').allTextContents();
  assert.ok(groups.includes('Control and threats'), groups.join(' | '));
  assert.ok(groups.includes('Exploitation at work'), groups.join(' | '));
  const signs = await result.locator('.pk-sign').allTextContents();
  assert.ok(signs.some((s) => /keeps the passport/.test(s)), signs.join(' | '));
  assert.ok(signs.some((s) => /Pay is held back/.test(s)), signs.join(' | '));
  // He is in Germany now: the German emergency number, and German services first.
  assert.equal(await result.locator('.pk-sos a[href="tel:112"]').count(), 1);
  const services = await result.locator('.pk-referral__name').allTextContents();
  assert.ok(services.some((s) => /ASTRA/.test(s)), 'his home hotline still helps abroad');
  assert.ok(services.some((s) => /KOK|hilfetelefon|Violence against Women/.test(s)), services.join(' | '));
  assert.deepEqual(page.errors, []);
});
