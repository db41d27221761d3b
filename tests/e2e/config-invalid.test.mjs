// A partner config that fails validation (broken JSON, unknown settings, a
// javascript: link, hiding the police number) never breaks the widget: it
// mounts, tells the partner's developer exactly what is wrong in the console,
// tells the person only that some settings were not used, and the emergency
// number stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, complete, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open() {
  const page = await openPage(browser, null);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${BASE}/config-invalid.html`);
  for (const id of ['#bad-json', '#unknown', '#js-url']) await mounted(page, id);
  return { page, warnings };
}

test('each broken config is named precisely in a console warning', async () => {
  const { page, warnings } = await open();
  const expect = [
    /^Putokaz config: partner config:1:\d+: .*EOF while parsing/,
    /^Putokaz config: partner config: "colour": unknown setting/,
    /^Putokaz config: partner config: referrals\.remove: unknown setting \(known: add, replace, hide\)/,
    /^Putokaz config: partner config: referrals\.add.*"javascript:alert\(1\)" is not an https:\/\/ address/,
    /^Putokaz config: partner config: referrals\.hide.*"rs-police-192" is an emergency number; it is never hidden/,
  ];
  for (const pattern of expect) assert.ok(warnings.some((w) => pattern.test(w)), `${pattern}\n${warnings.join('\n')}`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, [], 'a warning, never an error that looks like a crash');
});

test('the person sees a working widget with a calm note, and the emergency number', async () => {
  const { page } = await open();
  for (const id of ['#bad-json', '#unknown', '#js-url']) {
    const w = widget(page, id);
    assert.equal(await w.locator('.pk-intro .pk-note').textContent(), 'Some settings of this page could not be used. The questions still work.');
    assert.doesNotMatch(await w.locator('.pk-intro').innerText(), /config|JSON|javascript/i, 'no developer words for the person');
    await start(w);
    await answer(w, 'yes');
    assert.equal(await w.locator('.pk-emergency a.pk-call[href="tel:192"]').count(), 1, `${id} keeps 192`);
  }
});

test('the rejected entry and the hidden police number: neither takes effect', async () => {
  const { page } = await open();
  const w = widget(page, '#js-url');
  await complete(w, scenario('worker_with_fair_job').answers);
  assert.equal(await w.locator('.pk-referral').filter({ hasText: 'Click me' }).count(), 0);
  assert.equal(await w.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await w.locator('.pk-sos a[href="tel:192"]').count(), 1);
});
