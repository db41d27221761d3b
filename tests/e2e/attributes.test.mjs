// Changing an attribute after mount does the right thing: lang re-words the
// screen and keeps answers, mode starts the other check afresh (dropping the
// answers), region changes the numbers, exit-url changes where the exit goes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, currentQuestion, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const set = (page, name, value) => page.evaluate(([n, v]) => {
  const element = document.querySelector('putokaz-screening');
  if (v === null) element.removeAttribute(n); else element.setAttribute(n, v);
}, [name, value]);

test('lang after mount: same question, new words, answers kept; removing it falls back to English', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await w.locator('input[value=yes]').check();
  await set(page, 'lang', 'sr-Latn');
  assert.equal(await currentQuestion(w), 'safe_to_continue');
  assert.match(await w.locator('legend h2').textContent(), /bezbedno/);
  assert.ok(await w.locator('input[value=yes]').isChecked(), 'a choice not yet sent stays chosen');
  await w.locator('[data-action=back]').click();
  assert.ok(await w.locator('input[value=no]').isChecked(), 'the given answer is kept');
  await set(page, 'lang', null);
  assert.equal(await w.locator('.pk').getAttribute('lang'), 'en');
  assert.equal(await w.locator('legend h2').textContent(), 'Are you, or the person you are asking about, in danger right now?');
  await set(page, 'lang', 'sr-Cyrl');
  assert.match(await w.locator('legend h2').textContent(), /[\u0400-\u04FF]/);
  assert.deepEqual(page.errors, []);
});

test('mode after mount: the job-offer check starts afresh, with nothing of the screening kept', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await set(page, 'mode', 'job-offer');
  assert.equal(await w.locator('section.pk-intro').count(), 1);
  assert.equal(await w.locator('[data-action=start]').textContent(), 'Check a job offer');
  assert.equal(await w.locator('.pk').getAttribute('aria-label'), 'Questions about a job offer');
  await start(w);
  assert.equal(await currentQuestion(w), 'jo_recruiter');
  await set(page, 'mode', 'screening');
  await start(w);
  assert.equal(await currentQuestion(w), 'danger_now');
  assert.equal(await w.locator('input:checked').count(), 0, 'the earlier answer is gone');
  // An unknown mode means the screening.
  await set(page, 'mode', 'job-offer');
  await set(page, 'mode', 'nonsense');
  assert.equal(await w.locator('[data-action=start]').textContent(), 'Start');
});

test('region after mount: the emergency numbers follow', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'yes');
  const panel = w.locator('section.pk-emergency');
  assert.equal(await panel.locator('a.pk-call[href="tel:192"]').count(), 1);
  await set(page, 'region', 'DE');
  assert.equal(await panel.locator('a.pk-call[href="tel:192"]').count(), 0);
  assert.equal(await panel.locator('a.pk-call[href="tel:112"]').count(), 1);
  // A region that is not a country code changes nothing.
  await set(page, 'region', 'XX');
  assert.equal(await panel.locator('a.pk-call[href="tel:112"]').count(), 1);
});

test('exit-url after mount: the button and the skip link go to the new address', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await set(page, 'exit-url', '/neutral.html?changed');
  assert.equal(await w.locator('a.pk-exit').getAttribute('href'), '/neutral.html?changed');
  assert.equal(await w.locator('a.pk-skip').getAttribute('href'), '/neutral.html?changed');
  await w.locator('a.pk-exit').click();
  await page.waitForURL(`${BASE}/neutral.html?changed`);

  // A javascript: address is refused with a console warning; the neutral default is used.
  const other = await openPage(browser, '/exit.html');
  await mounted(other);
  const warnings = [];
  other.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await other.evaluate(() => document.querySelector('putokaz-screening').setAttribute('exit-url', 'javascript:alert(1)'));
  assert.equal(await widget(other).locator('a.pk-exit').getAttribute('href'), 'https://www.wikipedia.org/');
  assert.ok(warnings.some((m) => /exit-url must start with https:\/\/ or \//.test(m)), warnings.join('\n'));
});

test('attributes changed while the module is still loading are used when it mounts', async () => {
  const page = await openPage(browser, null);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/putokaz_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE}/exit.html`);
  await page.locator('putokaz-screening .fallback').waitFor();
  await set(page, 'lang', 'sr-Latn');
  await set(page, 'mode', 'job-offer');
  release();
  await mounted(page);
  const w = widget(page);
  assert.equal(await w.locator('.pk').getAttribute('lang'), 'sr-Latn');
  assert.equal(await w.locator('[data-action=start]').textContent(), 'Proveri ponudu za posao');
});
