// Quick exit by the skip link, the first thing keyboard and screen-reader
// users reach in the widget: it exits like the button (blank at once, page
// replaced, Back shows no answers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, focused, everything, watchExit, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the skip link, reached by Tab from the top of the page, exits', async () => {
  const page = await openPage(browser, null);
  const exit = await watchExit(page);
  await page.goto(`${BASE}/start.html`);
  await page.click('#to-widget');
  await mounted(page);
  const length = await page.evaluate(() => history.length);
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await answer(w, 'yes');
  await w.locator('input[value=other]').check();
  await answer(w, 'other');

  // From the top of the page (the page heading), the first Tab reaches it.
  await page.locator('h1').click();
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Skip to exit this page');
  assert.equal(await w.locator('a.pk-skip').getAttribute('href'), '/neutral.html');
  const pressed = page.keyboard.press('Enter');
  const during = await exit.snapshot;
  assert.equal(during.covered, true);
  assert.deepEqual(during.widgets, ['Loading.']);
  assert.doesNotMatch(during.text, /\[checked|someone else/i);
  exit.release();
  await pressed;
  await page.waitForURL(`${BASE}/neutral.html`);
  assert.equal(await page.evaluate(() => history.length), length);
  await page.goBack();
  assert.equal(page.url(), `${BASE}/start.html`);
  assert.doesNotMatch(await everything(page), /\[checked|\[question/);
});

test('activating the skip link as a screen reader does (a click) exits too', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  await widget(page).locator('a.pk-skip').dispatchEvent('click');
  await page.waitForURL(`${BASE}/neutral.html`);
});
