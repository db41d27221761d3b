// The country question offers every country: typing narrows the list (in
// either Serbian script, with or without accents), Enter goes to the first
// match, and "not sure" is in sight without opening anything; at 320 pixels
// wide, with no axe violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, axe, currentQuestion, focused, overflow } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A page at `width` pixels, on the country question ("where are you now"). */
async function countryQuestion(width, lang = 'en') {
  const page = await openPage(browser, '/exit.html', { viewport: { width, height: 740 } });
  await mounted(page);
  const w = widget(page);
  if (lang !== 'en') await w.locator('select.pk-lang').selectOption(lang);
  await start(w);
  for (const a of ['no', 'yes', 'self', '18_plus']) await answer(w, a);
  assert.equal(await currentQuestion(w), 'country_now');
  return { page, w };
}

const shown = (w) => w.locator('#pk-countries .pk-choice:not([hidden]) input').evaluateAll((inputs) => inputs.map((i) => i.value));

test('typing finds a country; Enter goes to it and the keyboard chooses it (320 px, no axe violation)', async () => {
  const { page, w } = await countryQuestion(320);
  assert.ok((await shown(w)).length >= 249, 'every country is offered');
  for (const value of ['not_sure', 'prefer_not', 'other']) {
    assert.ok(await w.locator(`input[value=${value}]`).isVisible(), `${value} is in sight without typing or opening anything`);
  }
  await w.locator('#pk-filter').fill('');
  await w.locator('#pk-filter').pressSequentially('nepa');
  assert.deepEqual(await shown(w), ['NP']);
  assert.equal(await w.locator('.pk-live').textContent(), 'Countries that match: 1');
  assert.ok(await w.locator('input[value=not_sure]').isVisible(), '"not sure" stays in sight');
  assert.deepEqual(await overflow(page), [], 'nothing sticks out at 320 px');
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press('Enter');
  assert.equal(await currentQuestion(w), 'country_now', 'Enter in the box does not send the form');
  assert.equal((await focused(page)).value, 'NP', 'Enter goes to the first match');
  await page.keyboard.press('Space');
  assert.ok(await w.locator('input[value=NP]').isChecked());
  await page.keyboard.press('Enter');
  assert.notEqual(await currentQuestion(w), 'country_now', 'the answer was sent');
});

test('"not sure" is chosen in one click, and clears a country chosen before', async () => {
  const { w } = await countryQuestion(390);
  await w.locator('#pk-filter').fill('germ');
  await w.locator('input[value=DE]').check();
  await w.locator('input[value=not_sure]').check();
  assert.ok(!(await w.locator('input[value=DE]').isChecked()), 'one answer at a time');
  await w.locator('button[type=submit]').click();
  assert.notEqual(await currentQuestion(w), 'country_now');
});

test('Serbian: a name is found without its accents, and in Cyrillic from Latin letters', async () => {
  const { w } = await countryQuestion(390, 'sr-Latn');
  await w.locator('#pk-filter').fill('ceska');
  assert.deepEqual(await shown(w), ['CZ'], 'Češka, typed without accents');
  await w.locator('select.pk-lang').selectOption('sr-Cyrl');
  await w.locator('#pk-filter').fill('nemac');
  assert.deepEqual(await shown(w), ['DE'], 'Немачка, typed in Latin');
  assert.equal(await w.locator('label[for=pk-option-DE]').textContent(), 'Немачка');
});
