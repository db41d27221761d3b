// PROOF 5: host-page isolation, with the REAL closed shadow root.
//
// The host page (pages/host-hostile.*) sets `* { all: unset }`,
// `button { display: none }` and a 40px root font; its script (run before
// the widget) wraps DOM prototype methods and window.fetch, spies on JSON,
// pollutes Object.prototype with an exit address, a language, a region, a
// mode, the test-panic switch and a config that adds a fake "Trusted helper"
// hotline, and records every event it can hear at window (capture and
// bubble) and document. This test does not open the shadow root: it drives
// the widget by keyboard as a screen-reader user would, reading the browser's
// accessibility tree (DevTools protocol), and checks:
// - the widget renders at its own size and completes a screening;
// - none of the pollution reached it (English, Serbian numbers, no fake
//   hotline, its own exit address, no panic);
// - its styles do not leak out (host elements' computed styles are exactly
//   those of the same page without the widget; no stylesheet added to the
//   document);
// - the host cannot reach the answers: element.shadowRoot is null; no global
//   and nothing the host recorded (events, fetches, JSON) contains answer or
//   result text; every recorded event's target, relatedTarget and
//   composedPath stop at the <putokaz-screening> element.
//
// How it fails if the promise breaks: an open shadow root (or one exposed on
// a property) makes shadowRoot non-null; an answer mirrored to an attribute,
// a global, a dispatched event or a JSON round-trip shows up in the scans;
// a listener on `document` or an event created with composed: true from an
// inner element shows inner targets; a widget style without :host scoping
// changes #probe; reading options from a plain object lets the pollution in
// (it did, before the loader used prototype-free objects).
//
// Out of scope (SECURITY.md's "host page that is itself malicious"): a host
// script that records the ARGUMENTS and RESULTS of DOM methods (for example
// what querySelectorAll returns, or every textContent set) sees what the
// widget draws; the wrappers here only count calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenReader, closedDom, closedBox, widget, mounted, start, answerAll, resultLevel, scenario, BASE, ARTIFACTS } from './lib.mjs';
import { answer } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const MARKERS = ['Danger right now', 'in danger right now', 'Not sure', 'not_sure', 'danger_now', 'safe_to_continue', 'Check your situation'];

/** Computed styles of the host page's own elements. */
const hostStyles = (page) => page.evaluate(() => Object.fromEntries(['html', 'body', 'main', 'h1', '#probe', '#probe-heading', '#probe-button', '#away'].map((selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return [selector, Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]))];
})));

/** Every string reachable from window's own properties (two levels deep), with where it was. */
const globalStrings = (page) => page.evaluate(() => {
  const out = [];
  const seen = new Set();
  const visit = (value, where, depth) => {
    if (typeof value === 'string') { out.push([where, value]); return; }
    if (!value || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 2) return;
    seen.add(value);
    if (value instanceof Node || value === window) return;
    let keys = [];
    try { keys = Object.getOwnPropertyNames(value); } catch { return; }
    for (const key of keys.slice(0, 2000)) {
      let child;
      try { child = value[key]; } catch { continue; }
      visit(child, `${where}.${key}`, depth + 1);
    }
  };
  for (const key of Object.getOwnPropertyNames(window)) {
    let value;
    try { value = window[key]; } catch { continue; }
    visit(value, key, 0);
  }
  return out;
});

/** Tab until the focused node satisfies `wanted`. */
async function tabTo(page, sr, wanted, what) {
  for (let i = 0; i < 40; i += 1) {
    const focus = await sr.focused();
    if (focus && wanted(focus)) return focus;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Answers "Yes" to danger now, continues past the emergency panel, and "Not sure" to the rest. */
async function screeningByScreenReader(page, sr) {
  await tabTo(page, sr, (f) => f.role === 'button' && f.name === 'Start', 'Start');
  await page.keyboard.press('Enter');
  for (let step = 0; step < 45; step += 1) {
    const heading = await sr.focused();
    assert.equal(heading.role, 'heading', `step ${step}: focus is on a heading (${JSON.stringify(heading)})`);
    if (heading.name === 'Danger right now') return step;
    if (heading.name === 'If you are in danger now') {
      assert.equal((await sr.find('link', '192')).length, 1, 'the emergency panel offers 192');
      await tabTo(page, sr, (f) => f.name === 'Continue the questions', 'Continue the questions');
      await page.keyboard.press('Enter');
      continue;
    }
    await page.keyboard.press('Tab');
    let focus = await sr.focused();
    if (focus.role === 'radio') {
      const wanted = step === 0 ? 'Yes' : 'Not sure';
      for (let i = 0; i < 12 && focus.name !== wanted; i += 1) { await page.keyboard.press('ArrowDown'); focus = await sr.focused(); }
      if (focus.checked !== 'true' && focus.checked !== true) await page.keyboard.press('Space');
    } else if (focus.role === 'checkbox') {
      focus = await tabTo(page, sr, (f) => f.name === 'Not sure', 'Not sure');
      await page.keyboard.press('Space');
    } else if (focus.role === 'searchbox') {
      // The country box: the list under it is one tab stop, then "another
      // country", "not sure" and "prefer not to say" are a group of their own.
      focus = await tabTo(page, sr, (f) => f.role === 'radio' && f.name === 'Another country', 'the group under the countries');
      for (let i = 0; i < 3 && focus.name !== 'Not sure'; i += 1) { await page.keyboard.press('ArrowDown'); focus = await sr.focused(); }
      assert.equal(focus.name, 'Not sure');
      if (focus.checked !== 'true' && focus.checked !== true) await page.keyboard.press('Space');
    } else {
      throw new Error(`unexpected control ${JSON.stringify(focus)}`);
    }
    await tabTo(page, sr, (f) => f.role === 'button' && f.name === 'Continue', 'Continue');
    await page.keyboard.press('Enter');
  }
  throw new Error('no result');
}

test('a hostile host page: the widget works, keeps its looks, and the host learns nothing', async () => {
  // The same page without the widget (its script refused), for the host's own styles.
  const bare = await openPage(browser, null, { openShadow: false });
  await bare.route('**/putokaz.js', (route) => route.abort());
  await bare.goto(`${BASE}/host-hostile.html`);
  const stylesWithout = await hostStyles(bare);
  await bare.context().close();

  const page = await openPage(browser, null, { openShadow: false });
  const violations = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') violations.push(m.text()); });
  await page.goto(`${BASE}/host-hostile.html`);
  const sr = await screenReader(page);
  await page.waitForFunction(() => document.querySelector('putokaz-screening').matches(':defined'));
  for (let i = 0; i < 50 && !(await sr.find('heading', 'Check your situation')).length; i += 1) await page.waitForTimeout(50);
  assert.equal((await sr.find('heading', 'Check your situation')).length, 1, 'the widget rendered, in English');
  assert.equal(await page.evaluate(() => document.querySelector('putokaz-screening').shadowRoot), null, 'the shadow root is closed');
  const attributesBefore = await page.evaluate(() => document.querySelector('putokaz-screening').getAttributeNames());

  // The widget's own sizes, whatever the host's root font size and resets.
  const dom = await closedDom(page);
  const exit = dom.find((n) => n.attributes?.class === 'pk-exit');
  assert.equal(exit.attributes.href, 'https://www.wikipedia.org/', 'a polluted exitUrl did not get in');
  const box = await closedBox(page, dom.find((n) => n.attributes?.class === 'pk').id);
  assert.ok(box.height > 300 && box.width > 300, `the widget is drawn (${box.width}x${box.height})`);
  // 42em of the person's own text size (16px), not of the host's 40px root.
  assert.ok(box.width <= 42 * 16 + 1, `the host's root font size did not blow the widget up (${box.width}px wide)`);
  const start = await closedBox(page, dom.find((n) => n.attributes?.['data-action'] === 'start').id);
  assert.ok(start.height >= 44 && start.height < 80, `Start is a normal, tappable button (${start.height}px high)`);
  await page.screenshot({ path: `${ARTIFACTS}host-hostile.png`, fullPage: true });

  const steps = await screeningByScreenReader(page, sr);
  assert.ok(steps > 10, `a whole screening (${steps} steps)`);
  assert.equal((await sr.find('link', '192')).length, 1, 'Serbian emergency number: the polluted region did not get in');
  assert.equal((await sr.find('heading', /Trusted helper/)).length, 0, 'the polluted config did not add a hotline');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(violations, [], 'no warning: the polluted config was never read');

  // Styles do not leak out. (Sizes that follow from the page's content, such
  // as the body's height with the widget in it, are left out.)
  const stylesWith = await hostStyles(page);
  const layout = /^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/;
  const changed = Object.entries(stylesWithout).flatMap(([selector, style]) => Object.entries(style)
    .filter(([name, value]) => !layout.test(name) && stylesWith[selector][name] !== value)
    .map(([name, value]) => `${selector} ${name}: ${value} -> ${stylesWith[selector][name]}`));
  assert.deepEqual(changed, [], 'host elements look exactly as without the widget');
  assert.ok(Object.keys(stylesWithout['#probe']).length > 200, 'every computed property was compared');
  assert.equal(stylesWith['#probe'].color, 'rgb(10, 20, 30)');
  assert.deepEqual(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]), [1, 0]);

  // The host cannot reach the answers.
  assert.equal(await page.evaluate(() => document.querySelector('putokaz-screening').shadowRoot), null);
  assert.deepEqual(await page.evaluate(() => document.querySelector('putokaz-screening').getAttributeNames()), attributesBefore);
  const leaks = (await globalStrings(page)).filter(([, value]) => MARKERS.some((m) => value.includes(m)));
  assert.deepEqual(leaks, [], 'no global holds answer or result text');
  const log = await page.evaluate(() => window.hostLog);
  assert.ok(log.events.length > 100, `the host heard ${log.events.length} events`);
  assert.ok(Object.values(log.calls).reduce((a, b) => a + b, 0) > 100, 'the patched methods were used and still worked');
  const inner = log.events.filter((e) => e.targetInside || e.pathInside || e.relatedInside);
  assert.deepEqual(inner.slice(0, 3), [], 'no event shows the host an element inside the widget');
  const targets = new Set(log.events.map((e) => e.target));
  assert.ok([...targets].every((t) => !t.startsWith('input') && !t.startsWith('button') && !t.startsWith('form')), [...targets].join(', '));
  const heard = JSON.stringify(log.events.map(({ value, data, checked }) => ({ value, data, checked })));
  for (const marker of MARKERS) assert.ok(!heard.includes(marker), `events carry no "${marker}"`);
  assert.ok(log.events.every((e) => e.value === null || e.value === ''), 'no event target exposes a value');
  assert.deepEqual(log.fetches.map((u) => new URL(u).pathname).sort(), ['/pkg/putokaz.en.txt', '/pkg/putokaz.sr-Latn.txt', '/pkg/putokaz_bg.wasm'], 'the only fetches are the module and the language packs, each once, at load');
  assert.equal(log.calls.dispatchEvent ?? 0, 0, 'the widget dispatches no event of its own (no custom event could carry answers)');
  for (const marker of MARKERS) assert.ok(!log.json.join('\n').includes(marker), `nothing passed through JSON carries "${marker}"`);
  // Events the widget keeps to itself (they do not bubble out of it).
  assert.deepEqual(log.events.filter((e) => e.type === 'submit' || e.type === 'change'), [], 'submit and change stay inside');
  const fromWidget = log.events.filter((e) => e.target === 'putokaz-screening');
  assert.ok(fromWidget.length > 50, `the host heard the widget's events (${fromWidget.length}), retargeted to the element`);
  assert.deepEqual(fromWidget.filter((e) => e.where !== 'window capture' && ['click', 'keydown', 'keyup', 'input'].includes(e.type)), [],
    'clicks and keys do not bubble out of the widget');
});

// Where the person points, touches, scrolls and focuses would tell the host
// which answer was chosen (on the danger question, "Yes" is at one height and
// "No" at another): like clicks and keys, those events stop at the widget's
// edge. A listener on window in the capture phase still hears them, before
// the widget can do anything (SECURITY.md says so).
test('pointer, mouse, touch, wheel, focus and key events do not bubble out of the widget', async () => {
  const page = await openPage(browser, null, { context: { hasTouch: true } });
  await page.goto(`${BASE}/host-hostile.html`);
  await mounted(page);
  const w = widget(page);
  await page.evaluate(() => { window.hostLog.events.length = 0; });
  await w.locator('[data-action=start]').click();
  await w.locator('label[for="pk-option-no"]').hover();
  await page.mouse.wheel(0, 40);
  await w.locator('label[for="pk-option-no"]').click();
  await w.locator('label[for="pk-option-yes"]').tap();
  await w.locator('label[for="pk-option-yes"]').dblclick();
  await w.locator('label[for="pk-option-yes"]').click({ button: 'right' });
  await w.locator('label[for="pk-option-yes"]').click({ button: 'middle' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+Tab');
  await w.locator('button[type=submit]').click();
  await w.locator('.pk-emergency').waitFor();
  const log = await page.evaluate(() => window.hostLog.events);
  const heard = new Set(log.filter((e) => e.where === 'window capture' && e.target === 'putokaz-screening').map((e) => e.type));
  for (const type of ['pointerdown', 'pointermove', 'mousedown', 'mousemove', 'mouseover', 'touchstart', 'wheel', 'focusin', 'keypress', 'contextmenu', 'auxclick', 'dblclick']) {
    assert.ok(heard.has(type), `the test really made a ${type} event (heard in the capture phase)`);
  }
  const out = log.filter((e) => e.where !== 'window capture' && e.target === 'putokaz-screening');
  assert.deepEqual([...new Set(out.map((e) => `${e.where} ${e.type}`))], [], 'nothing bubbles out of the widget to the host');
  assert.deepEqual(page.errors, []);
});

// An input method's composition events carry what is typed (a country in
// the search box, in their `data`): they stop at the widget's edge too.
test('composition events from the country search do not bubble out of the widget', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await page.evaluate(() => {
    window.composed = [];
    for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) {
      window.addEventListener(type, (e) => window.composed.push(`window capture ${type} ${e.data}`), true);
      window.addEventListener(type, (e) => window.composed.push(`window bubble ${type} ${e.data}`));
      document.addEventListener(type, (e) => window.composed.push(`document bubble ${type} ${e.data}`));
    }
  });
  await start(w);
  for (const a of ['no', 'yes', 'self', '18_plus']) await answer(w, a);
  await w.locator('#pk-filter').focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'nep', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: 'nepa' });
  const heard = await page.evaluate(() => window.composed);
  for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) {
    assert.ok(heard.some((h) => h.startsWith(`window capture ${type}`)), `the test really made a ${type} event: ${heard}`);
  }
  assert.deepEqual(heard.filter((h) => !h.startsWith('window capture')), [], 'nothing composed bubbles out of the widget');
  assert.deepEqual(page.errors, []);
});

// An @font-face with a unicode-range loads only when a character in that
// range is drawn in the font. Through --putokaz-font, the host would learn
// that a result was urgent if its mark were a "!" drawn as text.
test('a host font cannot tell an urgent result: its mark is no character', async () => {
  const page = await openPage(browser, null, { context: { bypassCSP: true } });
  const fonts = [];
  await page.route(`${BASE}/probe-font-*`, (route) => { fonts.push(new URL(route.request().url()).pathname); return route.fulfill({ status: 404, body: '' }); });
  await page.goto(`${BASE}/exit.html`);
  await page.addStyleTag({ content: `
    @font-face { font-family: probe; src: url(/probe-font-bang.woff2); unicode-range: U+21; }
    @font-face { font-family: probe; src: url(/probe-font-letters.woff2); unicode-range: U+41-5A; }
    putokaz-screening { --putokaz-font: probe, sans-serif; }` });
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answerAll(w, scenario('danger_now_at_the_safety_gate').answers);
  assert.equal(await resultLevel(w), 'urgent');
  await page.waitForTimeout(500);
  assert.ok(fonts.includes('/probe-font-letters.woff2'), `the host's font is used (${fonts.join(', ')})`);
  assert.ok(!fonts.includes('/probe-font-bang.woff2'), 'no "!" is drawn in the host\'s font');
  const mark = await w.locator('.pk-title').evaluate((title) => getComputedStyle(title, '::before').content);
  assert.ok(mark !== 'none' && !mark.includes('!'), `the urgent title still has a mark, not a character (${mark})`);
});
