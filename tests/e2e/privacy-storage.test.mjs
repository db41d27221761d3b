// PROOF 2: nothing is stored.
//
// Cookies, localStorage, sessionStorage, IndexedDB databases, Cache Storage,
// service workers, the origin's storage usage and history.length are read
// before the flows and after complete flows in both modes, a restart, a
// language switch, a removal, and a quick exit (read again on the neutral
// page of the same origin, where anything stored would still be).
//
// How it fails if the promise breaks: a widget that called
// localStorage.setItem, set document.cookie, opened an IndexedDB database,
// put anything in caches, registered a service worker, or pushed a history
// entry (history.pushState, a #hash link) changes one of the fields of
// `storage()`, and deepEqual prints which.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, resultLevel, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Everything a page can keep on this device for this origin. */
async function storage(page) {
  const inPage = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: Object.entries(localStorage),
    sessionStorage: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    usage: (await navigator.storage.estimate()).usage,
    historyLength: history.length,
    historyState: history.state,
  }));
  return { ...inPage, cookies: await page.context().cookies() };
}

/**
 * Reads the origin's storage on a page of the same site without the widget,
 * then follows a link to the widget's page: the baseline is taken before the
 * widget's code has run at all, so a write while loading is caught too. The
 * one link followed is the one history entry expected.
 */
async function arrive(page) {
  await page.goto(`${BASE}/start.html`);
  const before = await storage(page);
  await page.click('#to-widget');
  await mounted(page);
  before.historyLength += 1;
  assert.deepEqual(await storage(page), before, 'loading the widget');
  return before;
}

test('flows in both modes, restart, removal and quick exit store nothing and add no history', async () => {
  const page = await openPage(browser, null);
  const before = await arrive(page);
  assert.deepEqual(before.localStorage, []);
  assert.deepEqual(before.cookies, []);

  const w = widget(page);
  await start(w);
  await answerAll(w, scenario('construction_worker_passport_kept').answers);
  assert.equal(await resultLevel(w), 'serious');
  await w.locator('select.pk-lang').selectOption('sr-Latn');
  await w.locator('[data-action=print]').click();
  await w.locator('[data-action=back]').click();
  await w.locator('[data-action=restart]').click();
  assert.deepEqual(await storage(page), before, 'after a screening and a restart');

  await page.evaluate(() => document.querySelector('putokaz-screening').setAttribute('mode', 'job-offer'));
  await start(w);
  await answerAll(w, scenario('job_offer_risky_offer').answers);
  assert.equal(await resultLevel(w), 'serious');
  await page.evaluate(() => { const e = document.querySelector('putokaz-screening'); e.remove(); document.querySelector('main').append(e); });
  await mounted(page);
  assert.deepEqual(await storage(page), before, 'after a job-offer check and a removal');

  await start(w);
  await answer(w, 'licensed_agency');
  await w.locator('a.pk-exit').click();
  await page.waitForURL(`${BASE}/neutral.html`);
  assert.deepEqual(await storage(page), before, 'after the quick exit, on the same origin');
});

test('Shift×3 and the skip link store nothing either', async () => {
  for (const trigger of ['shift', 'skip']) {
    const page = await openPage(browser, null);
    const before = await arrive(page);
    const w = widget(page);
    await start(w);
    await answer(w, 'no');
    if (trigger === 'shift') {
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    } else {
      await w.locator('a.pk-skip').focus();
      await page.keyboard.press('Enter');
    }
    await page.waitForURL(`${BASE}/neutral.html`);
    assert.deepEqual(await storage(page), before, trigger);
    await page.context().close();
  }
});
