// A fair job ends with "no warning signs", said kindly and never as "you are
// safe", and the emergency number and services are still on the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, complete, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a worker with a fair job sees "no warning signs", never "you are safe"', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  const level = await complete(w, scenario('worker_with_fair_job').answers);
  assert.equal(level, 'none_reported');

  const result = w.locator('section.pk-result');
  assert.equal(await result.locator('h2.pk-title').textContent(), 'No warning signs in your answers');
  const text = await result.innerText();
  assert.doesNotMatch(text, /you are safe/i);
  assert.match(text, /not a guarantee/);
  assert.match(text, /did not show the warning signs/);
  assert.equal(await result.locator('.pk-sign').count(), 0, 'no sign is listed when none fired');
  // Still: whom to call, with tap-to-call links.
  assert.equal(await result.locator('.pk-sos a[href="tel:192"]').count(), 1);
  assert.ok(await result.locator('.pk-referral').count() >= 3);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test('a job seeker with a fair offer from a licensed agency also ends at "no warning signs"', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  assert.equal(await complete(w, scenario('job_seeker_licensed_agency_fair_offer').answers), 'none_reported');
  assert.deepEqual(page.errors, []);
});
