// The text check (mode="contract-check", the module with the check): a
// person pastes an ad, a message or a contract and sees its warning signs
// marked in the text, what a contract should say, a pay check, and who can
// check it; the text never leaves the widget, is never stored, and is gone
// after a restart, the quick exit and leaving the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, widget, mounted, axe, currentQuestion, answer, answerAll, watchExit, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const corpus = JSON.parse(readFileSync(new URL('../check/corpus.json', import.meta.url), 'utf8')).samples;
const sample = (id) => corpus.find((s) => s.id === id);

/** Opens the check page and the text box. */
async function openCheck(page) {
  await mounted(page);
  const w = widget(page);
  await w.locator('[data-action=check]').click();
  await w.locator('textarea#pk-text').waitFor();
  return w;
}

/** Pastes a text as a person would (the clipboard's text, one input event), then checks it. */
async function checkText(w, text) {
  await w.locator('textarea#pk-text').fill(text);
  await w.locator('form.pk-check button[type=submit]').click();
  await w.locator('section.pk-checked').waitFor();
  return w.locator('section.pk-checked');
}

test('a Serbian ad: each warning sign marked in the text, numbered as in the list, explained, with what to ask', async () => {
  const page = await openPage(browser, '/contract-check.html');
  const w = await openCheck(page);
  const box = w.locator('textarea#pk-text');
  // Labelled, and offered to no spelling, autocomplete or writing service.
  assert.equal(await w.locator('label[for=pk-text]').textContent(), 'Oglas, poruka ili ugovor');
  for (const [name, value] of [['spellcheck', 'false'], ['autocomplete', 'off'], ['writingsuggestions', 'false'], ['translate', 'no'], ['maxlength', '20000']]) {
    assert.equal(await box.getAttribute(name), value, name);
  }
  assert.deepEqual(await axe(page), [], 'the text box');

  const ad = sample('sr-Latn-message-dubai-hostess-1');
  const result = await checkText(w, ad.text);
  const flags = result.locator('.pk-flag');
  assert.equal(await flags.count(), ad.flags.length, (await flags.locator('.pk-flag__name').allTextContents()).join(' | '));
  assert.match(await result.locator('.pk-summary').textContent(), new RegExp(`našli ${ad.flags.length} znakova upozorenja`));
  // Every flag: its name, why it matters and what to ask; flags found in a sentence quote it.
  for (let i = 0; i < ad.flags.length; i += 1) {
    const flag = flags.nth(i);
    assert.match(await flag.innerText(), /Zašto je važno: \S[\s\S]*Pitajte: \S/);
    for (const quote of await flag.locator('q').allTextContents()) {
      assert.ok(ad.text.includes(quote), `the quote is the text's own sentence: ${quote}`);
    }
  }
  // The text, with each sign's words marked and numbered as in the list.
  const marks = result.locator('.pk-pasted mark.pk-mark');
  assert.ok((await marks.count()) >= ad.flags.length - 1, 'a mark for each sign found in a sentence');
  const numbers = new Set(await marks.locator('sup').allTextContents());
  for (const n of numbers) assert.ok(Number(n) >= 1 && Number(n) <= ad.flags.length, `mark ${n} is a sign of the list`);
  // What a contract should say: thirteen elements, each with its status in words.
  const elements = result.locator('.pk-element');
  assert.equal(await elements.count(), 13);
  for (const status of await elements.locator('.pk-status').allTextContents()) {
    assert.ok(['Piše u tekstu', 'Nije jasno', 'Ne piše u tekstu'].includes(status), status);
  }
  // Not legal advice, and who can check it with the person: ASTRA first.
  assert.match(await result.innerText(), /nije pravna provera|a ne pravna provera/);
  assert.equal(await result.locator('.pk-referral').first().locator('a[href="tel:+381117850000"]').count(), 1);
  assert.deepEqual(await axe(page), [], 'what the text shows');
  assert.deepEqual(page.errors, []);
});

test('a Cyrillic message and an English contract are read; a fair offer shows what is missing, without alarm or "safe"', async () => {
  const page = await openPage(browser, '/contract-check.html');
  const w = await openCheck(page);
  const cyrillic = sample('sr-Cyrl-message-cleaning-mt-1');
  let result = await checkText(w, cyrillic.text);
  assert.equal(await result.locator('.pk-flag').count(), cyrillic.flags.length);

  await w.locator('select.pk-lang').selectOption('en');
  assert.match(await result.locator('.pk-summary').textContent(), /We found \d+ warning signs/, 'the same findings, in the new language');
  await w.locator('section.pk-checked [data-action=check]').click();
  assert.equal(await w.locator('textarea#pk-text').inputValue(), cyrillic.text, 'the text is still there to change');
  const fair = sample('en-contract-hotel-mt-1');
  result = await checkText(w, fair.text);
  assert.equal(await result.locator('.pk-flag').count(), 0);
  const summary = await result.locator('.pk-summary').textContent();
  assert.match(summary, /did not find the warning signs we look for/);
  assert.doesNotMatch(await result.innerText(), /you are safe|is safe\b/i);
  assert.equal(await result.locator('.pk-pasted').count(), 0, 'no marked text when nothing is marked');

  // A language the check cannot read: said, and the questions offered.
  await w.locator('section.pk-checked [data-action=check]').click();
  result = await checkText(w, 'Praca w Niemczech, dobre zarobki, zakwaterowanie zapewnione, dzwoń teraz, wyjazd w sobotę.');
  assert.match(await result.locator('.pk-summary').textContent(), /cannot read texts in this language yet/);
  assert.equal(await result.locator('.pk-element').count(), 0);
  assert.equal(await result.locator('[data-action=start]').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('an empty text is refused with an error that names the box; the questions come with the text\'s suggestions ticked and said so', async () => {
  const page = await openPage(browser, '/contract-check.html');
  const w = await openCheck(page);
  await w.locator('form.pk-check button[type=submit]').click();
  await w.locator('.pk-error').waitFor();
  assert.equal(await w.locator('textarea#pk-text').getAttribute('aria-invalid'), 'true');
  assert.match(await w.locator('textarea#pk-text').getAttribute('aria-describedby'), /pk-error/);
  assert.deepEqual(await axe(page), [], 'the error');

  await checkText(w, sample('sr-Latn-ad-malta-1').text);
  await w.locator('section.pk-checked [data-action=start]').click();
  await w.locator('form.pk-question').waitFor();
  assert.equal(await currentQuestion(w), 'jo_recruiter');
  await answer(w, 'not_sure');
  assert.equal(await currentQuestion(w), 'jo_signs');
  const ticked = await w.locator('input[name=answer]:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(ticked.sort(), ['employer_unknown', 'fee', 'hurry', 'only_phone']);
  assert.match(await w.locator('#pk-suggested').textContent(), /Predlog na osnovu teksta/);
  assert.match(await w.locator('fieldset').getAttribute('aria-describedby'), /pk-suggested/);
  // Nothing is answered until the person continues.
  await w.locator('input[value=fee]').uncheck();
  await w.locator('button[type=submit]').click();
  await w.locator('[data-action=back]').click();
  const kept = await w.locator('input[name=answer]:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(kept.sort(), ['employer_unknown', 'hurry', 'only_phone'], 'what the person sent, not the suggestion');
  assert.equal(await w.locator('#pk-suggested').count(), 0);
});

test('the pay check compares with the legal minimum in the country\'s money, and says when hours are over the maximum', async () => {
  const page = await openPage(browser, '/contract-check.html');
  const w = await openCheck(page);
  await checkText(w, sample('sr-Latn-ad-malta-1').text);
  await w.locator('[data-action=pay]').click();
  const form = w.locator('form.pk-pay');
  await form.waitFor();
  assert.deepEqual(await axe(page), [], 'the pay check');
  await form.locator('select#pk-country').selectOption('DE');
  await form.locator('input#pk-amount').fill('1.800');
  await form.locator('select#pk-per').selectOption('month');
  await form.locator('input#pk-hours').fill('60');
  await form.locator('button[type=submit]').click();
  const said = form.locator('.pk-said');
  await said.waitFor();
  const text = await said.innerText();
  assert.match(text, /Nemačka je 13\.90 EUR po satu/);
  assert.match(text, /niža od zakonskog minimuma/);
  assert.match(text, /maksimuma od 48 sati/);
  assert.match(await w.locator('.pk-live').textContent(), /\S/, 'the live region says the outcome');
  const source = form.locator('.pk-contact__link');
  assert.match(await source.getAttribute('data-href'), /^https:\/\//);
  assert.equal(await source.getAttribute('href'), null, 'no address to prefetch until it is opened');
  assert.equal(await form.locator('select#pk-country').inputValue(), 'DE', 'the form keeps what was entered');

  await form.locator('input#pk-amount').fill('dvesta');
  await form.locator('button[type=submit]').click();
  await w.locator('.pk-error').waitFor();
  assert.deepEqual(await axe(page), [], 'the pay check with its error');
});

test('the text never leaves the widget: no request after load, no storage, no host-page event or text, no clipboard read', async () => {
  const page = await openPage(browser, null);
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  await page.addInitScript(() => {
    window.hostSaw = [];
    for (const type of ['input', 'beforeinput', 'paste', 'keydown', 'change', 'submit', 'click']) {
      document.addEventListener(type, (e) => {
        const path = e.composedPath().map((n) => n.nodeName).join('>');
        window.hostSaw.push(`${type} ${e.target?.nodeName} ${e.target?.value ?? ''} ${path}`);
      }, true);
    }
    window.clipboardReads = 0;
    if (navigator.clipboard) {
      for (const name of ['read', 'readText']) {
        const original = navigator.clipboard[name]?.bind(navigator.clipboard);
        navigator.clipboard[name] = (...args) => { window.clipboardReads += 1; return original?.(...args); };
      }
    }
  });
  await page.goto(`${BASE}/contract-check.html`);
  const w = await openCheck(page);
  await page.waitForLoadState('networkidle');
  const files = seen.map((u) => new URL(u).pathname);
  for (const file of ['/pkg/putokaz-check.js', '/pkg/putokaz-check_bg.wasm', '/pkg/putokaz.sr-Latn.txt', '/pkg/putokaz.check.en.txt', '/pkg/putokaz.check.sr-Latn.txt']) {
    assert.equal(files.filter((f) => f === file).length, 1, `${file} once, at load`);
  }
  const loaded = seen.length;
  const length = await page.evaluate(() => history.length);
  const secret = 'TAJNA-4711 Poslodavac zadržava pasoš radnika. Javite se na Viber.';
  await w.locator('textarea#pk-text').click();
  await page.keyboard.type(secret.slice(0, 12));
  await w.locator('textarea#pk-text').fill(secret);
  await w.locator('form.pk-check button[type=submit]').click();
  await w.locator('section.pk-checked').waitFor();
  await w.locator('[data-action=pay]').click();
  await w.locator('input#pk-amount').fill('4711');
  await w.locator('form.pk-pay button[type=submit]').click();
  await page.waitForLoadState('networkidle');

  assert.deepEqual(seen.slice(loaded), [], 'no request after load');
  const host = await page.evaluate(() => ({
    saw: window.hostSaw,
    reads: window.clipboardReads,
    body: document.body.innerText,
    attributes: [...document.querySelector('putokaz-screening').attributes].map((a) => `${a.name}=${a.value}`).join(' '),
    storage: localStorage.length + sessionStorage.length,
    cookie: document.cookie,
    history: history.length,
  }));
  assert.equal(host.reads, 0, 'the widget never reads the clipboard');
  assert.ok(host.saw.length > 0, 'the host page does get events (retargeted)');
  for (const line of host.saw) {
    // (The harness opened the shadow root to drive the page, so the path
    // shows its nodes; in a closed root the host would not even see them.)
    assert.match(line, /^\w+ PUTOKAZ-SCREENING /, `every event the host sees comes from the element itself: ${line}`);
    assert.doesNotMatch(line, /TAJNA|4711/, `the host page sees none of the text: ${line}`);
  }
  assert.doesNotMatch(host.body + host.attributes, /TAJNA|4711/);
  assert.equal(host.storage, 0);
  assert.equal(host.cookie, '');
  assert.equal(host.history, length, 'no history entry');
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).length + (await caches.keys()).length), 0);
});

test('the text is gone after a restart, after leaving the page and coming back, and after the quick exit', async () => {
  const page = await openPage(browser, '/contract-check.html');
  let w = await openCheck(page);
  const text = sample('sr-Latn-ad-farm-sk-1').text;
  await checkText(w, text);
  // Restart, from the result of the questions: the box is empty again.
  await w.locator('section.pk-checked [data-action=start]').click();
  await answerAll(w, {});
  await w.locator('section.pk-result [data-action=restart]').click();
  await w.locator('[data-action=check]').click();
  assert.equal(await w.locator('textarea#pk-text').inputValue(), '', 'restart forgets the text');
  // A new mode from the host page starts again too.
  await w.locator('textarea#pk-text').fill(text);
  await page.evaluate(() => document.querySelector('putokaz-screening').setAttribute('mode', 'job-offer'));
  await page.evaluate(() => document.querySelector('putokaz-screening').setAttribute('mode', 'contract-check'));
  await mounted(page);
  w = widget(page);
  await w.locator('[data-action=check]').click();
  assert.equal(await w.locator('textarea#pk-text').inputValue(), '', 'a new mode starts with an empty box');

  // Typed, then the page is left and restored from the back/forward cache.
  await w.locator('textarea#pk-text').fill(text);
  await page.goto(`${BASE}/neutral.html`);
  await page.goBack();
  await mounted(page);
  w = widget(page);
  assert.equal(await w.locator('textarea#pk-text').count(), 0, 'the intro again, not the text');
  await w.locator('[data-action=check]').click();
  assert.equal(await w.locator('textarea#pk-text').inputValue(), '');

  assert.deepEqual(page.errors, []);

  // Typed and checked, then the quick exit: by the time the page goes, the
  // widget shows only its cover, with nothing of the text.
  const exit = await openPage(browser, null);
  const { snapshot, release } = await watchExit(exit);
  await exit.goto(`${BASE}/contract-check.html`);
  w = await openCheck(exit);
  await checkText(w, text);
  // The click resolves once its navigation is done; the neutral page is held
  // back meanwhile, to look at the moment in between.
  const clicked = w.locator('a.pk-exit').click();
  const seen = await snapshot;
  assert.ok(seen.covered);
  assert.deepEqual(seen.widgets, ['Učitavanje.'], 'the widget holds nothing but a neutral word');
  assert.doesNotMatch(seen.text, /SLOVAČKOJ|BERBA JABUKA|plastenic/i, 'nothing of the text');
  release();
  await clicked;
  assert.deepEqual(page.errors, []);
});
