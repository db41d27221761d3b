// The language switcher inside the widget: en → sr-Latn → sr-Cyrl, keeping
// every answer and the place in the questions; lang and dir follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, currentQuestion, resultLevel, focused, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const CYRILLIC = /[\u0400-\u04FF]/;

test('switching language keeps the answers and the place, and changes every text', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  const container = w.locator('.pk');
  await start(w);
  await answer(w, 'no');
  await answer(w, 'yes');
  await answer(w, 'self');
  assert.equal(await currentQuestion(w), 'age');
  assert.equal(await w.locator('legend h2').textContent(), 'How old are you?');
  await w.locator('input[value="18_plus"]').check();

  await w.locator('select.pk-lang').selectOption('sr-Latn');
  assert.equal(await currentQuestion(w), 'age', 'the same question');
  assert.equal(await w.locator('legend h2').textContent(), 'Koliko imate godina?');
  assert.ok(await w.locator('input[value="18_plus"]').isChecked(), 'a choice not yet sent stays chosen');
  assert.equal(await container.getAttribute('lang'), 'sr-Latn');
  assert.equal(await container.getAttribute('dir'), 'ltr');
  assert.equal(await w.locator('select.pk-lang').inputValue(), 'sr-Latn');
  assert.equal(await w.locator('select.pk-lang option:checked').textContent(), 'Srpski');
  assert.equal((await focused(page)).tag, 'select', 'focus stays on the language select');
  assert.equal(await w.locator('button[type=submit]').textContent(), 'Nastavi');

  // Back: the earlier answer is still chosen, now in Serbian.
  await w.locator('[data-action=back]').click();
  assert.equal(await currentQuestion(w), 'who_for');
  assert.ok(await w.locator('input[value=self]').isChecked());
  assert.equal(await w.locator('label[for="pk-option-self"]').textContent(), 'Za sebe');

  await w.locator('select.pk-lang').selectOption('sr-Cyrl');
  assert.equal(await container.getAttribute('lang'), 'sr-Cyrl');
  assert.ok(await w.locator('input[value=self]').isChecked(), 'still chosen in Cyrillic');
  const heading = await w.locator('legend h2').textContent();
  assert.match(heading, CYRILLIC);
  assert.doesNotMatch(heading, /[a-z]{3}/, 'no Latin words left in the question');
  assert.match(await w.locator('.pk-exit').textContent(), CYRILLIC);

  // Finish in Cyrillic: the same result as in English.
  await answer(w, 'self');
  const { answers } = scenario('construction_worker_passport_kept');
  await answerAll(w, answers);
  assert.equal(await resultLevel(w), 'serious');
  assert.match(await w.locator('section.pk-result h2').textContent(), CYRILLIC);

  // And back to English on the result: nothing is lost.
  await w.locator('select.pk-lang').selectOption('en');
  assert.equal(await w.locator('section.pk-result h2').textContent(), 'Several serious warning signs');
  assert.deepEqual(page.errors, []);
});
