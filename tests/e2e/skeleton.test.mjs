// The walking skeleton: the demo page works as a partner embeds it, by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the demo page mounts the widget and answers by keyboard only', async () => {
  const page = await openPage(browser, '/');
  await mounted(page);
  const w = widget(page);
  assert.equal(await w.locator('h2.pk-title').textContent(), 'Check your situation');

  // Tab from the top of the page to Start: skip link, languages, exit, start.
  await w.locator('[data-action=start]').focus();
  await page.keyboard.press('Enter');
  const first = await w.locator('legend h2').textContent();
  assert.ok(first.length > 0);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'PUTOKAZ-SCREENING');

  // Into the radio group, choose with the arrow keys, submit with Enter.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const second = await w.locator('legend h2').textContent();
  assert.notEqual(second, first);
  assert.deepEqual(page.errors, []);
});
