// The element's own children (the hotline numbers) are what a person sees
// until the widget has really mounted, and they come back whenever loading
// fails: the wasm request aborted, missing or corrupt, no way to build the
// stylesheet, or scripts blocked by the page's CSP. Never a blank box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The fallback is on screen, readable, with a tap-to-call number, and the widget is not. */
async function showsFallback(page) {
  const fallback = page.locator('putokaz-screening .fallback');
  await fallback.waitFor({ state: 'visible' });
  const box = await fallback.boundingBox();
  assert.ok(box.height > 10 && box.width > 100, `the fallback is ${box.width}x${box.height}`);
  assert.equal(await fallback.locator('a[href="tel:+381117850000"]').isVisible(), true);
  assert.equal(await widget(page).locator('.pk').count(), 0, 'no half-drawn widget');
}

/** The loader's one console error when it gives up. */
const couldNotStart = (page) => page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && /Putokaz could not start/.test(m.text()), timeout: 10_000 });

async function failingWith(handler) {
  const page = await openPage(browser, null);
  await page.route('**/putokaz_bg.wasm', handler);
  const failed = couldNotStart(page);
  await page.goto(`${BASE}/exit.html`);
  await failed;
  await showsFallback(page);
  return page;
}

test('the fallback shows while the module loads, and gives way once it has mounted', async () => {
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/putokaz_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE}/exit.html`);
  await showsFallback(page);
  release();
  await mounted(page);
  assert.equal(await page.locator('putokaz-screening .fallback').isVisible(), false);
  assert.deepEqual(page.consoleErrors, []);
});

test('the wasm request is aborted: fallback', async () => {
  await failingWith((route) => route.abort('connectionreset'));
});

test('the wasm file is missing (404): fallback', async () => {
  await failingWith((route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
});

test('the wasm bytes are corrupt: fallback', async () => {
  const page = await failingWith(async (route) => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    for (let i = 100; i < bytes.length; i += 97) bytes[i] ^= 0xff;
    await route.fulfill({ response, body: bytes });
  });
  assert.deepEqual(page.errors, []);
});

test('not wasm at all (an HTML error page served instead): fallback', async () => {
  await failingWith((route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: '<html>oops</html>' }));
});

test('a browser that cannot build the stylesheet: fallback, not an unstyled widget', async () => {
  const page = await openPage(browser, null);
  // As in a browser without constructable stylesheets.
  await page.addInitScript(() => { CSSStyleSheet.prototype.replaceSync = () => { throw new TypeError('not supported'); }; });
  const failed = couldNotStart(page);
  await page.goto(`${BASE}/exit.html`);
  await failed;
  await showsFallback(page);
});

test("the page's CSP blocks every script: the fallback stays", async () => {
  const page = await openPage(browser, '/csp-blocked/exit.html');
  await page.waitForLoadState('load');
  await showsFallback(page);
  assert.equal(await page.evaluate(() => customElements.get('putokaz-screening')), undefined, 'the script never ran');
  assert.match(await page.locator('putokaz-screening').innerText(), /011 785 0000/);
});
