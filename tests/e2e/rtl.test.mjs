// Right-to-left languages (Arabic, Persian): the widget's direction follows
// the language, its layout mirrors, numbers and Latin names read in order,
// axe finds nothing; and the language select, by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answerAll, axe, scenario, ARTIFACTS, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const PHONE = { viewport: { width: 390, height: 844 } };

/** Whether an element's characters (but spaces) are drawn left to right, in the order written. */
const inOrder = (locator) => locator.evaluate((element) => {
  const text = element.firstChild;
  const xs = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text.data[i] === ' ') continue;
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    xs.push(range.getBoundingClientRect().x);
  }
  return xs.every((x, i) => i === 0 || x > xs[i - 1]);
});

/** The page offering six languages, switched to `lang` by its select. */
async function inLanguage(lang) {
  const page = await openPage(browser, '/rtl.html', PHONE);
  await mounted(page);
  const w = widget(page);
  await w.locator('select.pk-lang').selectOption(lang);
  await w.locator(`.pk[lang="${lang}"]`).waitFor();
  return { page, w };
}

for (const lang of ['ar', 'fa']) {
  test(`${lang}: right to left, mirrored, numbers and names isolated, no axe violations`, async () => {
    const { page, w } = await inLanguage(lang);
    const container = w.locator('.pk');
    assert.equal(await container.getAttribute('dir'), 'rtl');
    assert.deepEqual(await axe(page), [], `${lang} intro`);
    await page.screenshot({ path: `${ARTIFACTS}rtl-${lang}-intro.png`, fullPage: true });

    await start(w);
    // Mirrored: the first option (its radio button, then its label) starts
    // at the right, as the text does.
    const box = await container.boundingBox();
    const radio = await w.locator('.pk-choice__input').first().boundingBox();
    const label = await w.locator('.pk-choice__label').first().boundingBox();
    const right = box.x + box.width;
    assert.ok(right - (radio.x + radio.width) < 40, `the first option's right edge (${radio.x + radio.width}) is near the widget's (${right})`);
    assert.ok(label.x + label.width <= radio.x + 1, 'its label is left of its radio button');
    assert.ok(right - (label.x + label.width) < 100, 'and the label starts near the right edge');
    const select = await w.locator('select.pk-lang').boundingBox();
    const title = await w.locator('legend .pk-title').boundingBox();
    assert.ok(title.y < 844 / 2, `the question is in the upper half of the screen (y ${title.y}), the select ${select.height}px high`);
    assert.deepEqual(await axe(page), [], `${lang} question`);
    await page.screenshot({ path: `${ARTIFACTS}rtl-${lang}-question.png`, fullPage: true });

    await answerAll(w, scenario('construction_worker_passport_kept').answers);
    await w.locator('section.pk-result').waitFor();
    // The emergency number: a link that holds only it, left to right,
    // its text the number as written.
    const call = w.locator('a.pk-call').first();
    assert.equal(await call.getAttribute('dir'), 'ltr');
    assert.match(await call.textContent(), /^\d[\d ]*$/);
    assert.equal(await call.evaluate((a) => a.innerText), await call.textContent());
    assert.ok(await inOrder(call), 'the emergency number reads in order');
    const hotline = w.locator('.pk-hotline__number');
    assert.equal(await hotline.getAttribute('dir'), 'ltr');
    assert.ok(await inOrder(hotline), `the hotline number ${await hotline.textContent()} reads in order`);
    // A service's phone number: on its own, left to right, as written.
    const phone = w.locator('.pk-contact__link[href^="tel:"] [dir=ltr]').first();
    const number = await phone.textContent();
    assert.match(number, /^\+?[\d ()]+$/);
    assert.equal(await phone.evaluate((s) => s.innerText), number);
    assert.ok(await inOrder(phone), `${number} reads in order`);
    // The Latin service names are isolated from the words around them.
    const names = await w.locator('.pk-referral__name bdi').allTextContents();
    assert.ok(names.some((name) => /ASTRA|La Strada/.test(name)), `a Latin service name among ${names.join(', ')}`);
    // Every contact's address, number or link is isolated too.
    const contacts = await w.locator('.pk-contact__link').evaluateAll((links) => links.map((l) => l.querySelector('[dir=ltr]')?.textContent ?? ''));
    assert.ok(contacts.length > 0 && contacts.every(Boolean), 'each contact link has its value in a dir=ltr element');
    await w.locator('summary.pk-details__summary').first().click();
    assert.deepEqual(await axe(page), [], `${lang} result`);
    await page.screenshot({ path: `${ARTIFACTS}rtl-${lang}-result.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the direction goes back to left to right with a left-to-right language', async () => {
  const { page, w } = await inLanguage('fa');
  await w.locator('select.pk-lang').selectOption('ru');
  await w.locator('.pk[lang="ru"]').waitFor();
  assert.equal(await w.locator('.pk').getAttribute('dir'), 'ltr');
  await w.locator('select.pk-lang').selectOption('ar');
  assert.equal(await w.locator('.pk').getAttribute('dir'), 'rtl');
  await page.context().close();
});

test('the language select by keyboard: Tab to it, ArrowDown, the next language, focus stays, no request', async () => {
  const page = await openPage(browser, '/rtl.html', PHONE);
  await mounted(page);
  await page.waitForLoadState('networkidle');
  const w = widget(page);
  const select = w.locator('select.pk-lang');
  // Labelled by "Language", each option named in its own language.
  assert.equal(await select.evaluate((s) => s.labels[0].textContent), 'Language');
  assert.equal(await select.getAttribute('role'), null);
  assert.equal(await w.getByRole('combobox', { name: 'Language', exact: true }).count(), 1, 'named by its label, a plain combo box');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.lang, o.textContent, o.selected]));
  assert.deepEqual(options.map(([value]) => value).sort(), ['ar', 'en', 'fa', 'ru', 'sr-Cyrl', 'sr-Latn'], 'one option per language offered');
  assert.ok(options.every(([value, lang]) => value === lang), 'each option has its language');
  assert.deepEqual(options.filter((o) => o[3]).map((o) => o[2]), ['English'], 'the current one selected, in its own name');
  assert.ok(options.some(([, , name]) => name === 'العربية') && options.some(([, , name]) => name === 'Srpski'));
  // ArrowDown goes to the option after the current one.
  const next = options[options.findIndex((o) => o[3]) + 1];
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  // Tab from the top of the page until the select has focus.
  await page.locator('h1').click();
  let reached = false;
  for (let i = 0; i < 8 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await select.evaluate((s) => s.getRootNode().activeElement === s);
  }
  assert.ok(reached, 'Tab reaches the language select');
  await page.keyboard.press('ArrowDown');
  await w.locator(`.pk[lang="${next[0]}"]`).waitFor();
  assert.equal(await select.evaluate((s) => s.getRootNode().activeElement === s), true, 'focus stays on the select');
  assert.equal(await select.inputValue(), next[0]);
  // Its label is now in the new language, and so is the screen.
  assert.notEqual(await select.evaluate((s) => s.labels[0].textContent), 'Language');
  assert.notEqual(await w.locator('h2.pk-title').textContent(), 'Check your situation');
  await select.selectOption('sr-Latn');
  assert.equal(await w.locator('h2.pk-title').textContent(), 'Proverite svoju situaciju');
  assert.equal(await select.evaluate((s) => s.labels[0].textContent), 'Jezik');
  assert.equal(await select.evaluate((s) => s.getRootNode().activeElement === s), true, 'focus stays on the select');
  assert.deepEqual(requested, [], 'switching asks for nothing');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a 390 px phone the select and its label take one short line, and the question stays high', async () => {
  const page = await openPage(browser, '/rtl.html', { viewport: { width: 390, height: 844 }, context: { isMobile: true, hasTouch: true } });
  await mounted(page);
  const w = widget(page);
  for (const lang of ['en', 'ar']) {
    await w.locator('select.pk-lang').selectOption(lang);
    const bar = await w.locator('.pk-bar').boundingBox();
    const label = await w.locator('.pk-langs label').boundingBox();
    const select = await w.locator('select.pk-lang').boundingBox();
    assert.ok(Math.abs((label.y + label.height / 2) - (select.y + select.height / 2)) < 4, `${lang}: the label beside the select`);
    assert.ok(bar.height < select.height + 16, `${lang}: the bar is one line (${bar.height}px)`);
  }
  await start(w);
  const title = await w.locator('legend .pk-title').boundingBox();
  assert.ok(title.y < 300, `the question starts ${title.y}px down`);
  await page.context().close();
});

test('a page that offers one language shows no language select', async () => {
  const page = await openPage(browser, null, PHONE);
  await page.route('**/one-language.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><title>One</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/pkg/putokaz.js"></script></head><body><main><putokaz-screening langs="en" region="RS"></putokaz-screening></main></body></html>',
  }));
  await page.goto(`${BASE}/one-language.html`);
  await mounted(page);
  const w = widget(page);
  assert.equal(await w.locator('select.pk-lang').count(), 0);
  assert.equal(await w.locator('.pk-langs').count(), 0);
  await page.context().close();
});
