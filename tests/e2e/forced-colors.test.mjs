// Forced-colours mode (Windows High Contrast): controls keep visible borders,
// the chosen language is not shown by colour alone, focus uses the system
// highlight. Reduced motion: no transitions at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, ARTIFACTS } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const style = (locator, ...names) => locator.evaluate((el, n) => {
  const s = getComputedStyle(el);
  return Object.fromEntries(n.map((k) => [k, s[k]]));
}, names);

test('forced colours: every control has a visible border, and the widget still works', async () => {
  const page = await openPage(browser, null);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${process.env.PUTOKAZ_URL ?? 'http://127.0.0.1:8391'}/exit.html`);
  await mounted(page);
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  const w = widget(page);
  for (const selector of ['.pk-exit', '.pk-lang', '[data-action=start]']) {
    const s = await style(w.locator(selector).first(), 'borderTopStyle', 'borderTopWidth', 'borderTopColor', 'color');
    assert.equal(s.borderTopStyle, 'solid', `${selector} has a border`);
    assert.ok(parseFloat(s.borderTopWidth) >= 2, `${selector} border ${s.borderTopWidth}`);
    assert.notEqual(s.borderTopColor, 'rgba(0, 0, 0, 0)', `${selector} border is not transparent`);
  }
  await page.screenshot({ path: `${ARTIFACTS}forced-colors-intro.png` });

  await start(w);
  await w.locator('button[type=submit]').click();
  const error = await style(w.locator('.pk-error'), 'borderTopStyle', 'borderTopWidth');
  assert.equal(error.borderTopStyle, 'solid');
  assert.ok(parseFloat(error.borderTopWidth) >= 3);
  assert.equal(await w.locator('.pk-error__title').textContent(), 'There is a problem', 'the error says so in words');
  // Choices are real, visible controls.
  const box = await w.locator('input[value=no]').boundingBox();
  assert.ok(box.width >= 20 && box.height >= 20, `a radio of ${box.width}x${box.height}`);
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement.shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.equal(focus.style, 'solid');
  assert.ok(focus.width >= 2);
  await answer(w, 'yes');
  const sos = await style(w.locator('.pk-sos'), 'borderTopStyle', 'borderTopWidth');
  assert.equal(sos.borderTopStyle, 'solid');
  await page.screenshot({ path: `${ARTIFACTS}forced-colors-emergency.png` });
  assert.deepEqual(page.errors, []);
});

test('reduced motion: nothing moves; otherwise only a short colour fade', async () => {
  const page = await openPage(browser, null, { context: { reducedMotion: 'reduce' } });
  await page.goto(`${process.env.PUTOKAZ_URL ?? 'http://127.0.0.1:8391'}/exit.html`);
  await mounted(page);
  const w = widget(page);
  const durations = await w.locator('.pk-button, .pk-lang, .pk-exit').evaluateAll((els) => els.map((el) => getComputedStyle(el).transitionDuration));
  assert.ok(durations.every((d) => d === '0s'), durations.join(', '));
  await w.locator('[data-action=start]').hover();
  await start(w);
  const animations = await page.evaluate(() => document.querySelector('putokaz-screening').shadowRoot.getAnimations().length);
  assert.equal(animations, 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');

  const moving = await openPage(browser, '/exit.html', { context: { reducedMotion: 'no-preference' } });
  await mounted(moving);
  const fade = await widget(moving).locator('[data-action=start]').evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.equal(fade, '0.1s', 'the only motion is a 0.1s colour fade');
});
