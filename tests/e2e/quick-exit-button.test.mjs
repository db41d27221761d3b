// Quick exit by the visible button, from every screen: the answers are
// dropped and the widget (and page) blanked at once, before the neutral page
// has even loaded; location.replace is used, so history does not grow and
// Back never returns to the answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, complete, everything, watchExit, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Opens the widget page the way a person arrives: from another page. */
async function arrive(before = async () => {}) {
  const page = await openPage(browser, null);
  await before(page);
  await page.goto(`${BASE}/start.html`);
  await page.click('#to-widget');
  await mounted(page);
  return page;
}

test('from a result: blank at once, answers dropped, page replaced, Back shows no answer', async () => {
  let exit;
  const page = await arrive(async (p) => { exit = await watchExit(p); });
  const w = widget(page);
  const length = await page.evaluate(() => history.length);
  assert.equal(await complete(w, scenario('construction_worker_passport_kept').answers), 'serious');
  const signs = await w.locator('.pk-sign').allTextContents();
  assert.ok(signs.length > 5);

  // The click resolves once the navigation it starts is done; the neutral
  // page is held back meanwhile, to look at the moment in between.
  const clicked = w.locator('a.pk-exit').click();
  const during = await exit.snapshot;
  assert.equal(during.path, '/exit.html', 'still on the widget page');
  assert.equal(during.covered, true, 'the whole page is covered at once');
  assert.deepEqual(during.widgets, ['Loading.'], 'the widget holds nothing but a neutral word');
  for (const sign of signs) assert.ok(!during.text.includes(sign), `"${sign}" is gone at once`);
  assert.doesNotMatch(during.text, /\[checked|\[selected/);
  exit.release();
  await clicked;
  await page.waitForURL(`${BASE}/neutral.html`);
  assert.equal(await page.title(), 'Weather');
  assert.equal(await page.evaluate(() => history.length), length, 'replaced, not pushed');

  await page.goBack();
  assert.equal(page.url(), `${BASE}/start.html`, 'Back skips the widget page');
  const left = await everything(page);
  for (const sign of signs) assert.ok(!left.includes(sign), `"${sign}" is gone`);
  await page.goForward();
  assert.equal(page.url(), `${BASE}/neutral.html`, 'Forward goes to the neutral page, not the answers');
});

test('the button exits from every screen', async () => {
  const screens = {
    intro: async () => {},
    question: async (w) => { await start(w); await answer(w, 'no'); },
    error: async (w) => { await start(w); await w.locator('button[type=submit]').click(); },
    emergency: async (w) => { await start(w); await answer(w, 'yes'); },
    print: async (w) => { await complete(w, scenario('worker_with_fair_job').answers); await w.locator('[data-action=print]').click(); },
  };
  for (const [name, reach] of Object.entries(screens)) {
    const page = await arrive();
    const w = widget(page);
    await reach(w);
    const exit = w.locator('a.pk-exit');
    assert.ok(await exit.isVisible(), `the exit button shows on the ${name} screen`);
    assert.equal(await exit.textContent(), 'Exit this page');
    await exit.click();
    await page.waitForURL(`${BASE}/neutral.html`);
    await page.context().close();
  }
});

test('Enter on the focused exit button exits too', async () => {
  const page = await arrive();
  const w = widget(page);
  await start(w);
  await w.locator('a.pk-exit').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/neutral.html`);
});
