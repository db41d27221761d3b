// Two round trips to the first screen: the page asks for one script
// (pkg/putokaz.js, the loader, the glue, the wasm's integrity hash and the
// stylesheet in one module), and that script asks for the wasm module as soon
// as it runs, whether or not an element is on the page yet, and for the
// language packs of the elements on the page beside it. Nothing else is
// requested on the way: no further script, no stylesheet.
//
// How it fails if the promise breaks: a static import in the module (another
// round trip before the wasm), a stylesheet fetched or linked, or a wasm
// request that waits for the first element to be connected shows up below as
// a longer chain, an extra file, or no wasm request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Every request of a fresh page, with the URL of what asked for it (from the DevTools protocol). */
async function requests(page) {
  const seen = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    const frames = [];
    for (let stack = e.initiator.stack; stack; stack = stack.parent) frames.push(...stack.callFrames);
    seen.push({ path: new URL(e.request.url).pathname, by: e.initiator.url ?? frames[0]?.url ?? e.initiator.type });
  });
  return seen;
}

test('page -> pkg/putokaz.js -> the wasm module, the Serbian pack and English country names: two round trips, nothing else', async () => {
  const page = await openPage(browser, null);
  const seen = await requests(page);
  await page.goto(`${BASE}/exit.html`);
  await mounted(page);
  const widgetFiles = seen.filter((r) => r.path !== '/exit.html' && r.path !== '/favicon.svg');
  assert.deepEqual(widgetFiles.map((r) => r.path), ['/pkg/putokaz.js', '/pkg/putokaz_bg.wasm', '/pkg/putokaz.sr-Latn.txt', '/pkg/putokaz.en.txt'], JSON.stringify(seen));
  assert.equal(widgetFiles[0].by, `${BASE}/exit.html`, 'the page asks for the script');
  assert.equal(widgetFiles[1].by, `${BASE}/pkg/putokaz.js`, 'the script asks for the wasm');
  assert.equal(widgetFiles[2].by, `${BASE}/pkg/putokaz.js`, 'and for the packs of the default languages');
  assert.equal(widgetFiles[3].by, `${BASE}/pkg/putokaz.js`);
  assert.deepEqual(page.errors, []);
});

test('the wasm request starts as the module runs, before any element is on the page', async () => {
  const page = await openPage(browser, null);
  const seen = await requests(page);
  // A page of the same site with the script but no element yet.
  await page.route('**/later.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><title>Later</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/pkg/putokaz.js"></script></head><body><main></main></body></html>',
  }));
  await page.goto(`${BASE}/later.html`);
  await page.waitForFunction(() => customElements.get('putokaz-screening') !== undefined);
  await page.waitForLoadState('networkidle');
  assert.ok(seen.some((r) => r.path === '/pkg/putokaz_bg.wasm'), `the wasm was requested without an element: ${JSON.stringify(seen)}`);
  assert.equal(await page.locator('putokaz-screening').count(), 0);
  // An element added later mounts from the module already loaded, asking for
  // nothing more than its language's pack (English's: its country names).
  const before = seen.length;
  await page.evaluate(() => {
    const element = document.createElement('putokaz-screening');
    element.setAttribute('lang', 'en');
    element.setAttribute('langs', 'en');
    document.querySelector('main').append(element);
  });
  await mounted(page);
  assert.equal(await widget(page).locator('h2.pk-title').textContent(), 'Check your situation');
  assert.deepEqual(seen.slice(before).map((r) => r.path), ['/pkg/putokaz.en.txt'], 'only its pack requested for the new element');
  assert.deepEqual(page.errors, []);
});
