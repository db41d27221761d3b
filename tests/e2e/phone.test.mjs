// Phone-first screens (a frightened person on a small phone, perhaps with
// someone looking over their shoulder), at 320×568, 390×844 and 1280×800, in
// every language the build ships:
// - the intro shows Start without scrolling, and the full privacy and exit
//   text is one tap away (a disclosure, by keyboard too);
// - a result before any expansion is at most two screens tall at 390 px, for
//   each level and both modes; its sections open and close with aria-expanded;
// - the sticky exit bar is opaque, and nothing under it can be hit;
// - signs about sex are not in the visible text of a result until asked for;
// - on a long multiple-choice question, Continue is in view;
// - the page's title and the element's attributes never change with a result.
// Screenshots of each result level at 390 px go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, resultLevel, openSections, scenario, axe, ARTIFACTS, LANGUAGES } from './lib.mjs';

const VIEWPORTS = [{ width: 320, height: 568 }, { width: 390, height: 844 }, { width: 1280, height: 800 }];
const PHONE = { width: 390, height: 844 };
/** A phone-sized viewport is a touch phone (no Shift hint there); the desktop one is not. */
const device = (viewport) => ({ viewport, context: viewport.width < 1000 ? { hasTouch: true, isMobile: true } : {} });

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Switches the widget's language with its own select, and waits for the new screen. */
async function switchTo(w, lang) {
  const select = w.locator('select.pk-lang');
  if ((await select.inputValue()) === lang) return;
  await select.selectOption(lang);
  await w.locator(`.pk[lang="${lang}"]`).waitFor();
}

/** The text a person can see in the widget (innerText leaves out what is hidden). */
const visibleText = (page) => page.evaluate(() => document.querySelector('putokaz-screening').shadowRoot.querySelector('.pk').innerText);

test('intro: Start is in view without scrolling at every size in every language, and the rest is one tap away', async () => {
  for (const viewport of VIEWPORTS) {
    const page = await openPage(browser, '/phone.html', device(viewport));
    await mounted(page);
    const w = widget(page);
    for (const lang of LANGUAGES) {
      await switchTo(w, lang);
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await w.locator('[data-action=start]').boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${lang} at ${viewport.width}×${viewport.height}: Start at y ${Math.round(box.y)}–${Math.round(box.y + box.height)}`);
    }
    await switchTo(w, 'en');
    // The whole explanation is behind one button, by keyboard too.
    const toggle = w.locator('.pk-intro button.pk-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.doesNotMatch(await visibleText(page), /browser history/);
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.match(await visibleText(page), /browser history already shows/);
    assert.deepEqual(await axe(page), [], `intro, opened, at ${viewport.width}`);
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await page.context().close();
  }
});

const RESULTS = [
  ['/phone.html', 'danger_now_at_the_safety_gate', 'urgent'],
  ['/phone.html', 'construction_worker_passport_kept', 'serious'],
  ['/phone.html', 'deceived_but_free_worker', 'some'],
  ['/phone.html', 'worker_with_fair_job', 'none_reported'],
  ['/phone-job.html', 'job_offer_risky_offer', 'serious'],
  ['/phone-job.html', 'job_offer_some_red_flags', 'some'],
  ['/phone-job.html', 'job_offer_fair_offer', 'none_reported'],
];

for (const [path, name, level] of RESULTS) {
  test(`${path === '/phone-job.html' ? 'job-offer ' : ''}result ${level} (${name}): at most two screens tall at 390 px in every language, its sections open and close`, async () => {
    const page = await openPage(browser, path, device(PHONE));
    await mounted(page);
    const title = await page.title();
    const w = widget(page);
    await start(w);
    await answerAll(w, scenario(name).answers, { open: false });
    assert.equal(await resultLevel(w), level);
    await page.screenshot({ path: `${ARTIFACTS}phone-${path === '/phone-job.html' ? 'job-' : ''}${level}.png`, fullPage: true });
    for (const lang of LANGUAGES) {
      await switchTo(w, lang);
      const height = await w.evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(height <= 2 * PHONE.height, `${lang}: the result is ${Math.round(height)} px tall before anything is opened (at most ${2 * PHONE.height})`);
    }
    await switchTo(w, 'en');
    // Each section opens and closes, and says so.
    const toggles = w.locator('section.pk-result button.pk-toggle');
    assert.ok(await toggles.count() >= 1, 'the result has sections to open');
    for (let i = 0; i < await toggles.count(); i += 1) {
      const toggle = toggles.nth(i);
      const region = w.locator(`#${await toggle.getAttribute('aria-controls')}`);
      assert.equal(await region.isVisible(), false);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await region.isVisible(), true);
    }
    assert.deepEqual(await axe(page), [], 'every section open');
    await toggles.first().click();
    assert.equal(await toggles.first().getAttribute('aria-expanded'), 'false');
    assert.equal(await page.title(), title, 'the page title does not change with the result');
    assert.equal(await w.evaluate((el) => [...el.attributes].map((a) => a.name).sort().join(' ')), 'exit-url lang langs mode region', 'no attribute added to the element');
    await page.context().close();
  });
}

test('the exit bar is opaque and nothing under it can be hit, on a long result scrolled under it', async () => {
  for (const viewport of VIEWPORTS) {
    const page = await openPage(browser, '/phone.html', device(viewport));
    await mounted(page);
    const w = widget(page);
    await start(w);
    await answerAll(w, scenario('construction_worker_passport_kept').answers);
    await resultLevel(w);
    await openSections(w);
    await page.evaluate(() => window.scrollTo(0, 700));
    const bar = w.locator('.pk-exitbar');
    const background = await bar.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.match(background, /^rgb\(\d+, \d+, \d+\)$/, `the bar's background is opaque: ${background}`);
    const box = await bar.boundingBox();
    const hits = await page.evaluate(({ x, y, width, height }) => {
      const root = document.querySelector('putokaz-screening').shadowRoot;
      const bar = root.querySelector('.pk-exitbar');
      const out = [];
      for (let i = 0; i <= 10; i += 1) {
        for (const dy of [2, height / 2, height - 2]) {
          const hit = root.elementFromPoint(x + 1 + (width - 2) * i / 10, y + dy);
          if (!bar.contains(hit)) out.push(`${hit?.tagName}.${hit?.className} at ${i}/10, ${dy}`);
        }
      }
      return out;
    }, box);
    assert.deepEqual(hits, [], `${viewport.width}: what is under the bar cannot be hit`);
    await page.context().close();
  }
});

test('signs about sex are not on the screen until the person asks, in every language', async () => {
  const page = await openPage(browser, '/phone.html', device(PHONE));
  await mounted(page);
  const w = widget(page);
  const answers = scenario('review_adult_made_to_sell_sex').answers;
  await start(w);
  await answerAll(w, answers, { open: false });
  assert.equal(await resultLevel(w), 'serious');
  for (const lang of LANGUAGES) {
    await switchTo(w, lang);
    // The texts of the sexual signs in this language, from the module's own API.
    const signs = await page.evaluate(async ({ lang, answers }) => {
      const { assessAnswers } = await import('/pkg/putokaz.js');
      const result = await assessAnswers(lang, { answers });
      return result.indicators.filter((i) => i.id.startsWith('sexual_')).map((i) => i.text);
    }, { lang, answers });
    assert.ok(signs.length >= 2, `${lang}: the answers show signs about sex`);
    // "What we noticed" opened: the other signs show, these do not.
    await w.locator('button[aria-controls=pk-noticed]').click();
    const visible = await visibleText(page);
    for (const sign of signs) assert.ok(!visible.includes(sign), `${lang}: "${sign}" is on the screen before the person asks`);
    if (lang === 'en') assert.doesNotMatch(visible, /\bsex|sexual|intimate/i, 'no word about sex on the screen');
    const show = w.locator('.pk-disclosure[data-discreet] button.pk-toggle');
    assert.equal(await show.getAttribute('aria-expanded'), 'false');
    await show.click();
    const shown = await visibleText(page);
    for (const sign of signs) assert.ok(shown.includes(sign), `${lang}: "${sign}" shows once asked for`);
    await show.click();
    await w.locator('button[aria-controls=pk-noticed]').click();
  }
  assert.deepEqual(await axe(page), []);
  // Printed, every section is open but the signs kept hidden.
  await switchTo(w, 'en');
  await page.emulateMedia({ media: 'print' });
  for (const id of ['pk-noticed', 'pk-next', 'pk-help']) assert.equal(await w.locator(`#${id}`).isVisible(), true, `${id} is printed`);
  assert.equal(await w.locator('#pk-discreet').isVisible(), false, 'the hidden signs are not printed');
  await page.context().close();
});

test('on a long multiple-choice question, Continue is in view without scrolling', async () => {
  for (const viewport of VIEWPORTS.slice(0, 2)) {
    const page = await openPage(browser, '/phone.html', device(viewport));
    await mounted(page);
    const w = widget(page);
    await start(w);
    // The way to the longest list of choices: signs of control at work.
    const answers = { danger_now: 'no', safe_to_continue: 'yes', who_for: 'self', age: '18_plus', country_now: 'RS', situation: 'work_now' };
    for (let i = 0; i < 30; i += 1) {
      const form = w.locator('form.pk-question');
      const height = await form.evaluate((el) => el.getBoundingClientRect().height);
      if (height > viewport.height) break;
      const id = await form.getAttribute('data-question');
      await answer(w, answers[id] ?? 'not_sure');
    }
    const form = w.locator('form.pk-question');
    assert.ok(await form.evaluate((el) => el.getBoundingClientRect().height) > viewport.height, 'a question taller than the screen');
    const box = await w.locator('button[type=submit]').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${viewport.width}: Continue at y ${Math.round(box.y)}–${Math.round(box.y + box.height)} of ${viewport.height}`);
    await page.context().close();
  }
});
