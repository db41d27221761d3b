// Leaving the page any other way (a link, typing an address) and coming back
// with Back must not show the answers either, even when the browser restores
// the page from its back/forward cache. Playwright turns that cache off by
// default; this file turns it back on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, complete, everything, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch({ ignoreDefaultArgs: ['--disable-back-forward-cache'] }); });
after(async () => { await browser.close(); });

async function leaveAndComeBack(page) {
  await page.click('#away');
  await page.waitForURL(`${BASE}/start.html`);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.shown !== undefined);
  return page.evaluate(() => window.shown);
}

async function open() {
  const page = await openPage(browser, null);
  // Records how the page came back: restored from the cache or loaded again.
  await page.addInitScript(() => addEventListener('pageshow', (e) => { window.shown = e.persisted ? 'restored' : 'loaded'; }));
  await page.goto(`${BASE}/exit.html`);
  await mounted(page);
  await page.evaluate(() => { delete window.shown; });
  return page;
}

test('a result, then a link away and Back: the restored page shows the start, no answers', async () => {
  const page = await open();
  const w = widget(page);
  await complete(w, scenario('construction_worker_passport_kept').answers);
  const signs = await w.locator('.pk-sign').allTextContents();
  assert.equal(await leaveAndComeBack(page), 'restored', 'the page really came from the back/forward cache');
  assert.equal(await w.locator('section.pk-intro').count(), 1);
  const left = await everything(page);
  for (const sign of signs) assert.ok(!left.includes(sign), `"${sign}" is gone`);
  // The widget still works after the restore, from a clean start.
  await start(w);
  assert.equal(await w.locator('input:checked').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('half-way through the questions, then away and Back: no answer is chosen anywhere', async () => {
  const page = await open();
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await answer(w, 'yes');
  await answer(w, 'other');
  await w.locator('input[value="under_14"]').check();
  assert.equal(await leaveAndComeBack(page), 'restored');
  assert.doesNotMatch(await everything(page), /\[checked|\[question/);
  await start(w);
  assert.equal(await w.locator('form').getAttribute('data-question'), 'danger_now');
});

// Hiding the page is not leaving it: someone who switches to the phone app
// to call a number from the result, or to another tab, comes back to the
// same result. (Answers go when the page itself goes: pagehide, above.)
test('switching to another app or tab and back keeps the result on screen', async () => {
  const page = await open();
  const w = widget(page);
  await complete(w, scenario('construction_worker_passport_kept').answers);
  const signs = await w.locator('.pk-sign').allTextContents();
  // Headless Chromium never hides a tab, so the page is told it is hidden as
  // a phone tells it when another app comes to the front; then frozen and
  // resumed, as a phone does with a tab in the background.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await page.evaluate(() => {
    delete document.visibilityState;
    delete document.hidden;
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  assert.equal(await page.evaluate(() => document.visibilityState), 'visible');
  assert.deepEqual(await w.locator('.pk-sign').allTextContents(), signs, 'the same result, still there');
  assert.ok(signs.length > 0);
  assert.deepEqual(page.errors, []);
});
