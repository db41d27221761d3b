// The quick exit against a careless or hostile host page: no Referer to the
// exit site, a cover that host CSS cannot undo, the numbers back when a
// beforeunload handler keeps the page, middle-click and the context menu on
// the exit count as leaving, Shift typed in the host page's own fields does
// not, and no Shift hint on a touch-only device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, watchExit, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The widget page, arrived at from another page. */
async function arrive({ setup = async () => {}, context, query = '' } = {}) {
  const page = await openPage(browser, null, { context });
  await setup(page);
  await page.goto(`${BASE}/start.html`);
  await page.goto(`${BASE}/exit.html${query}`);
  await mounted(page);
  return { page, w: widget(page) };
}

test('the exit site gets no Referer, even from a page sent without a Referrer-Policy header', async () => {
  const referers = [];
  const { page, w } = await arrive({
    query: '?case=4711',
    setup: async (p) => {
      // The demo server sends Referrer-Policy: no-referrer; a partner's may not.
      await p.route('**/exit.html*', async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['referrer-policy'];
        await route.fulfill({ response, headers });
      });
      p.on('request', (r) => { if (r.url().includes('/neutral.html')) referers.push(r.headers().referer ?? null); });
    },
  });
  await start(w);
  await w.locator('a.pk-exit').click();
  await page.waitForURL(`${BASE}/neutral.html`);
  assert.deepEqual(referers, [null], 'no Referer header on the way out');
  assert.equal(await page.evaluate(() => document.referrer), '');
});

test('the exit and skip links send no Referer, even opened in a new tab', async () => {
  const { w } = await arrive();
  assert.equal(await w.locator('a.pk-exit').getAttribute('referrerpolicy'), 'no-referrer');
  assert.equal(await w.locator('a.pk-skip').getAttribute('referrerpolicy'), 'no-referrer');
});

for (const [name, css] of Object.entries({
  'body{display:flex}': 'body { display: flex !important; }',
  'hidden overridden': '[hidden] { display: block !important; } body { visibility: visible !important; }',
  'a fixed layer on top': '#on-top { position: fixed; inset: 0; z-index: 2147483647; background: red; }',
  'host colours': 'putokaz-screening { --putokaz-background: transparent; color: transparent; opacity: 0.5; }',
})) {
  test(`host CSS (${name}) cannot keep the page visible during the exit`, async () => {
    let exit;
    const { page, w } = await arrive({ setup: async (p) => { exit = await watchExit(p); } });
    await start(w);
    await page.evaluate((css) => {
      // A constructed sheet: the demo's CSP refuses inline styles.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const top = document.createElement('div');
      top.id = 'on-top';
      top.textContent = 'Host page text';
      document.body.append(top);
    }, css);
    // By Shift: a layer on top of everything would catch a click.
    const pressed = (async () => { for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift'); })();
    const during = await exit.snapshot;
    assert.equal(during.covered, true, 'nothing of the page shows');
    exit.release();
    await pressed;
    await page.waitForURL(`${BASE}/neutral.html`);
  });
}

test('a beforeunload handler that keeps the page: the fallback numbers come back', async () => {
  const { page, w } = await arrive();
  await page.evaluate(() => addEventListener('beforeunload', (event) => { event.preventDefault(); event.returnValue = ''; }));
  let asked = 0;
  // Playwright would dismiss the prompt anyway: "Stay on this page".
  page.on('dialog', (dialog) => { asked += 1; dialog.dismiss(); });
  await start(w);
  await answer(w, 'no');
  await w.locator('a.pk-exit').click({ noWaitAfter: true });
  await page.waitForTimeout(500);
  assert.equal(await page.locator('p.fallback').isVisible(), false, 'not at once: the cover first');
  await page.waitForTimeout(2500);
  assert.ok(asked >= 1, 'the page asked to stay');
  assert.equal(page.url(), `${BASE}/exit.html`, 'the page is still there');
  assert.ok(await page.locator('p.fallback').isVisible(), 'the fallback numbers show again');
  assert.ok(await page.locator('a[href="tel:192"]').isVisible());
  assert.equal(await w.locator('form.pk-question').count(), 0, 'no answer is back');
});

for (const [name, click] of Object.entries({
  'middle-click': (link) => link.click({ button: 'middle' }),
  'the context menu': (link) => link.click({ button: 'right' }),
})) {
  test(`opening the exit by ${name} leaves too`, async () => {
    const { page, w } = await arrive();
    const tabs = [];
    page.context().on('page', (p) => tabs.push(p));
    await start(w);
    await answer(w, 'no');
    await click(w.locator('a.pk-exit'));
    await page.waitForURL(`${BASE}/neutral.html`);
    assert.equal(tabs.length, 0, 'no other tab keeps the widget');
  });
}

test('Shift typed in the host page\'s own fields does not exit; in the widget it does', async () => {
  const { page, w } = await arrive();
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend',
    '<form><input id="f-input"><textarea id="f-area"></textarea><select id="f-select"><option>a</option></select></form><div id="f-edit" contenteditable>x</div>'));
  await start(w);
  for (const id of ['f-input', 'f-area', 'f-select', 'f-edit']) {
    await page.locator(`#${id}`).focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    await page.waitForTimeout(200);
    assert.equal(page.url(), `${BASE}/exit.html`, `Shift×3 in #${id} stays`);
  }
  await page.locator('#f-input').fill('typed by the person');
  assert.equal(await w.locator('form.pk-question').count(), 1, 'the widget is untouched');
  // In the widget (its own text box or a choice), Shift×3 always exits.
  await w.locator('input[value=no]').focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
  await page.waitForURL(`${BASE}/neutral.html`);
});

test('no Shift hint on a touch-only device; shown with a mouse and keyboard', async () => {
  for (const [context, shown] of [[{ hasTouch: true, isMobile: true }, false], [{}, true]]) {
    const { page, w } = await arrive({ context });
    assert.equal(await w.locator('.pk-exit-hint').isVisible(), shown, JSON.stringify(context));
    await page.context().close();
  }
});
