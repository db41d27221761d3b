// Every language the build ships, one after another on a page that offers
// them all: a whole screening on the fast path (answered by option values,
// so the same steps in every language), and on the result no axe violation,
// `lang` and `dir` of the language (right to left for Arabic and Persian
// only), the texts of that language's catalog and none of English, no
// missing-glyph boxes, and not one request from load to result. Screenshots
// of the scripts that most need a font (Devanagari, Chinese, Arabic) go to
// artifacts/ for people to look at.
//
// The languages come from the build (www/pkg: English is in the module,
// every other language has a pack file, and the Serbian pack also gives
// Cyrillic), so a new pack is tested without editing this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { launch, widget, openElement, start, resultLevel, axe, ARTIFACTS, LANGUAGES } from './lib.mjs';

const CATALOGS = new URL('../../src/data/catalogs/', import.meta.url);
const RTL = ['ar', 'fa'];
const SCREENSHOTS = ['ne', 'hi', 'zh-Hans', 'ar', 'fa'];

/** A language's catalog texts, keyed (ui and content), or null if it has none of its own (sr-Cyrl is made from sr-Latn). */
function catalog(lang) {
  const dir = new URL(`${lang}/`, CATALOGS);
  if (!existsSync(dir)) return null;
  const texts = {};
  for (const file of ['ui.json', 'content.json']) {
    for (const [key, value] of Object.entries(JSON.parse(readFileSync(new URL(file, dir), 'utf8')))) {
      if (typeof value === 'string') texts[key] = value;
    }
  }
  return texts;
}
const ENGLISH = catalog('en');

// The fast path: the fewest questions to a result. Not in danger, safe to
// go on, for oneself, an adult in Serbia, a family matter: then control,
// threats, what the person was made to do, and gender (asked for family
// matters). Work, a journey or a job offer each add more questions; an age
// of "not sure" adds the children's questions.
const FAST = {
  danger_now: 'no',
  safe_to_continue: 'yes',
  who_for: 'self',
  age: '18_plus',
  country_now: 'RS',
  situation: 'family',
  control_signs: 'none',
  threats: 'none',
  made_to: 'none',
  gender: 'prefer_not',
};

let browser;
let context;
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  // The widget's shadow root is closed; the harness opens it to look inside (as lib.mjs does).
  await context.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
  });
});
after(async () => { await browser.close(); });

/**
 * One page that offers every language, with the element in `lang`. The
 * pages share one browser context (so its cache), as a person's tabs would.
 */
async function pageIn(lang) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  page.consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
  await openElement(page, `lang="${lang}" langs="${LANGUAGES.join(' ')}" region="RS" exit-url="/neutral.html"`);
  await page.waitForLoadState('networkidle');
  return page;
}

/**
 * Answers every question from `answers` by option value, as clicks in the
 * page (one round trip for the whole screening, to keep the file fast), until
 * the result shows; returns the questions asked.
 */
function answerInPage(answers) {
  const root = document.querySelector('putokaz-screening').shadowRoot;
  const asked = [];
  for (let form = root.querySelector('form.pk-question'); form; form = root.querySelector('form.pk-question')) {
    const id = form.getAttribute('data-question');
    if (asked.length > 20 || !(id in answers)) return { asked: [...asked, id], stuck: true };
    asked.push(id);
    form.querySelector(`input[value="${answers[id]}"]`).click();
    form.querySelector('button[type=submit]').click();
  }
  return { asked, stuck: false };
}

/**
 * Characters of the widget's text that its fonts cannot draw: each one is
 * drawn on a canvas in the widget's font and compared with the box drawn for
 * a code point no font has (U+0378, unassigned).
 */
function missingGlyphs() {
  const host = document.querySelector('putokaz-screening');
  const container = host.shadowRoot.querySelector('.pk');
  const font = getComputedStyle(container).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.font = `32px ${font}`;
  context.textBaseline = 'top';
  const draw = (text) => {
    context.clearRect(0, 0, 48, 48);
    context.fillText(text, 4, 4);
    return context.getImageData(0, 0, 48, 48).data.join(',');
  };
  const box = draw('\u0378');
  const chars = new Set([...container.innerText].filter((c) => c.trim() !== '' && !/\p{M}/u.test(c)));
  return [...chars].filter((c) => draw(c) === box).map((c) => `${c} U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

for (const lang of LANGUAGES) {
  test(`${lang}: a whole screening on the fast path, the result in ${lang}, no request after load`, async () => {
    const page = await pageIn(lang);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const w = widget(page);
    const container = w.locator('.pk');

    await start(w);
    const { asked } = await page.evaluate(answerInPage, FAST);
    assert.deepEqual(asked, Object.keys(FAST), 'the same questions in every language');
    const level = await resultLevel(w);

    assert.equal(await container.getAttribute('lang'), lang, 'lang of the widget');
    assert.equal(await container.getAttribute('dir'), RTL.includes(lang) ? 'rtl' : 'ltr', 'right to left for Arabic and Persian only');

    // The texts are the language's own.
    const title = (await w.locator('section.pk-result h2.pk-title').textContent()).trim();
    const text = await container.innerText();
    // The catalog key of the title: the one whose English is the English
    // title of the same answers (the JS API, nothing is fetched).
    const titles = await page.evaluate(async ([l, answers]) => {
      const { assessAnswers } = await import('/pkg/putokaz.js');
      return [(await assessAnswers('en', { answers })).title, (await assessAnswers(l, { answers })).title];
    }, [lang, FAST]);
    const keys = Object.keys(ENGLISH).filter((key) => ENGLISH[key] === titles[0]);
    assert.equal(keys.length, 1, `one catalog key for the title "${titles[0]}": ${keys.join(', ')}`);
    const own = catalog(lang);
    if (own) {
      assert.equal(title, own[keys[0]], `the result title is the catalog's ${keys[0]}`);
    } else {
      assert.equal(title, titles[1], 'the result title is the JS API text for this language');
    }
    if (lang !== 'en') {
      assert.notEqual(title, titles[0], 'not the English title');
      const source = own ?? catalog(lang.split('-')[0] === 'sr' ? 'sr-Latn' : lang);
      // English texts of 12 characters or more that this language words
      // otherwise must not show (no placeholders: those are filled in).
      const english = Object.entries(ENGLISH)
        .filter(([key, value]) => value.length >= 12 && !value.includes('{') && source?.[key] !== undefined && source[key] !== value)
        .map(([, value]) => value);
      assert.deepEqual(english.filter((value) => text.includes(value)), [], 'no English left on the result');
    }
    if (lang === 'sr-Cyrl') assert.doesNotMatch(title, /[A-Za-z]/, 'Cyrillic, not Latin');

    assert.ok(!text.includes('\uFFFD'), 'no replacement character');
    assert.deepEqual(await page.evaluate(missingGlyphs), [], 'every character has a glyph');
    assert.deepEqual(await axe(page), [], `axe on the result in ${lang}`);
    if (SCREENSHOTS.includes(lang)) {
      await page.screenshot({ path: `${ARTIFACTS}every-language-${lang}.png`, fullPage: true });
    }
    assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [], 'no request from load to result');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
}
