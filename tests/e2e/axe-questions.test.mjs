// axe-core finds no violation on the intro, every question kind (yes/no,
// single, multiple, country), the error state, the emergency panel and the
// "not safe now" screen, on the
// demo page with both widgets, and in Serbian.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, axe } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('intro, each question kind, error and emergency panel: no violations', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  const check = async (screen, selector) => {
    assert.equal(await w.locator(selector).count(), 1, `${screen} is on screen`);
    assert.deepEqual(await axe(page), [], screen);
  };
  await check('intro', 'section.pk-intro');
  await start(w);
  await check('yes/no question', 'input[type=radio][value=yes]');
  await w.locator('button[type=submit]').click();
  await check('error state', '.pk-error');
  await answer(w, 'yes');
  await check('emergency panel', 'section.pk-emergency');
  await w.locator('[data-action=continue]').click();
  await answer(w, 'yes');
  await check('single choice', 'input[type=radio][value=self]');
  await answer(w, 'self');
  await answer(w, '18_plus');
  await check('country list', '#pk-filter');
  await answer(w, 'RS');
  await check('multiple choice', 'input[type=checkbox][value=work_now]');
  await w.locator('button[type=submit]').click();
  await check('error on a multiple choice', '.pk-error');
});

test('"not safe to answer now" puts the exit first: no violations', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await answer(w, 'no');
  assert.equal(await w.locator('section.pk-emergency h2').textContent(), 'If it is not safe now');
  assert.equal(await w.locator('section.pk-emergency a[data-action=exit]').count(), 1);
  assert.deepEqual(await axe(page), [], 'not-safe screen');
  await w.locator('[data-action=continue]').click();
  assert.equal(await w.locator('form.pk-question').getAttribute('data-question'), 'who_for');
});

test('the demo page with two widgets, and the widget in Serbian: no violations', async () => {
  const page = await openPage(browser, '/');
  await mounted(page);
  await mounted(page, 'putokaz-screening[mode="job-offer"]');
  assert.deepEqual(await axe(page), [], 'demo page');
  const w = widget(page);
  await w.locator('select.pk-lang').selectOption('sr-Latn');
  await start(w);
  assert.deepEqual(await axe(page), [], 'sr-Latn question');
  await w.locator('select.pk-lang').selectOption('sr-Cyrl');
  await w.locator('button[type=submit]').click();
  assert.deepEqual(await axe(page), [], 'sr-Cyrl error');
});
