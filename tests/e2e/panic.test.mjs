// A panic inside the engine (a test-only trigger, compiled only into the
// build served at /panic/): every widget on the page gives way to its
// fallback numbers, the console says so exactly once, and nothing of the
// stopped module runs again (no error on later key presses or changes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a panic on Start: fallback numbers in every widget, reported once', async () => {
  const page = await openPage(browser, '/panic.html');
  const consoleAll = [];
  page.on('console', (m) => consoleAll.push(`${m.type()}: ${m.text()}`));
  await mounted(page, '#panics');
  await mounted(page, '#other');
  await widget(page, '#other').locator('[data-action=start]').click();
  await widget(page, '#panics').locator('[data-action=start]').click();

  for (const id of ['#panics', '#other']) {
    const fallback = page.locator(`${id} .fallback`);
    await fallback.waitFor({ state: 'visible' });
    assert.equal(await fallback.locator('a[href="tel:+381117850000"]').isVisible(), true, `${id} shows its numbers`);
    assert.equal(await widget(page, id).locator('.pk').count(), 0, `${id} shows no widget`);
  }

  // Afterwards: keys, clicks, attribute changes and removal stay quiet.
  await page.keyboard.press('a');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.mouse.click(5, 5);
  await page.evaluate(() => {
    document.querySelector('#other').setAttribute('lang', 'sr-Latn');
    document.querySelector('#panics').remove();
  });
  assert.equal(page.url().endsWith('/panic.html'), true, 'Shift×3 no longer runs the stopped module');
  await page.locator('#other .fallback').waitFor({ state: 'visible' });

  const reports = consoleAll.filter((m) => /Putokaz stopped after an internal error/.test(m));
  assert.equal(reports.length, 1, consoleAll.join('\n'));
  assert.match(reports[0], /^error: .*test panic: the test-only trigger was pulled/s);
  assert.deepEqual(page.consoleErrors, [reports[0].slice('error: '.length)], 'nothing else in the console');
  assert.deepEqual(page.errors.map(String), [], 'no uncaught error either');
});

test('after a panic, a widget added later does not start: it keeps its fallback', async () => {
  const page = await openPage(browser, '/panic.html');
  await mounted(page, '#panics');
  await widget(page, '#panics').locator('[data-action=start]').click();
  await page.locator('#panics .fallback').waitFor({ state: 'visible' });
  await page.evaluate(() => {
    const late = document.createElement('putokaz-screening');
    late.id = 'late';
    const p = document.createElement('p');
    p.className = 'fallback';
    p.textContent = 'Call 192';
    late.append(p);
    document.querySelector('main').append(late);
  });
  await page.waitForFunction(() => document.querySelector('#late').shadowRoot.querySelector('slot'));
  await page.locator('#late .fallback').waitFor({ state: 'visible' });
  assert.equal(await widget(page, '#late').locator('.pk').count(), 0);
});
