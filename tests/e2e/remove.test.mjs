// Removing the element frees the widget: its answers and its page-wide
// listeners go (Shift×3 no longer exits), with no error; putting it back
// mounts a fresh widget with no answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, currentQuestion, everything, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('removing frees the widget and its listeners; re-adding starts fresh', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await answer(w, 'yes');
  await answer(w, 'other');
  assert.equal(await currentQuestion(w), 'age');

  await page.evaluate(() => { window.removed = document.querySelector('putokaz-screening'); window.removed.remove(); });
  // The shadow root holds only the fallback slot now: no widget, no answers.
  assert.deepEqual(await page.evaluate(() => [...window.removed.shadowRoot.children].map((c) => c.tagName)), ['SLOT']);
  // The page-wide key listener went with it: Shift three times does nothing.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
  assert.equal(page.url(), `${BASE}/exit.html`);
  assert.equal(await page.evaluate(() => document.body.hidden), false);

  await page.evaluate(() => document.querySelector('main').prepend(window.removed));
  await mounted(page);
  assert.equal(await w.locator('section.pk-intro').count(), 1, 'a fresh start');
  // Styled as before (from the stylesheet kept in memory, not loaded again).
  assert.equal(await w.locator('a.pk-exit').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(164, 38, 44)');
  assert.ok((await w.locator('.pk-live').boundingBox()).width <= 1);
  await start(w);
  assert.equal(await currentQuestion(w), 'danger_now');
  assert.equal(await w.locator('input:checked').count(), 0);
  assert.doesNotMatch(await everything(page), /\[checked|question (who_for|age)\]/);
  // And the new widget's own listener works.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
  await page.waitForURL(`${BASE}/neutral.html`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test('an element removed while the module loads never mounts, and no error follows', async () => {
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/putokaz_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE}/exit.html`);
  await page.evaluate(() => { window.removed = document.querySelector('putokaz-screening'); window.removed.remove(); });
  release();
  // Wait until the module is really there (another element mounts), then look.
  await page.evaluate(() => document.body.append(document.createElement('putokaz-screening')));
  await mounted(page);
  assert.deepEqual(await page.evaluate(() => [...window.removed.shadowRoot.children].map((c) => c.tagName)), ['SLOT']);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test('many mounts and removals leave no listeners behind', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  // Count the window listeners the widgets add, through a wrapper installed now.
  const counts = await page.evaluate(async () => {
    const live = new Map();
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (type, fn, options) {
      if (this === window) live.set(fn, (live.get(fn) ?? 0) + 1);
      return add.call(this, type, fn, options);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, options) {
      if (this === window && live.has(fn)) live.delete(fn);
      return remove.call(this, type, fn, options);
    };
    const element = document.querySelector('putokaz-screening');
    const parent = element.parentNode;
    for (let i = 0; i < 20; i += 1) {
      element.remove();
      parent.prepend(element);
      await new Promise((resolve) => { const check = () => (element.shadowRoot.querySelector('.pk-title') ? resolve() : setTimeout(check, 5)); check(); });
    }
    const mountedNow = live.size;
    element.remove();
    return { mountedNow, afterRemoval: live.size };
  });
  assert.ok(counts.mountedNow <= 3, `one widget holds ${counts.mountedNow} window listeners`);
  assert.equal(counts.afterRemoval, 0, 'removing the element removes them all');
  assert.deepEqual(page.errors, []);
});
