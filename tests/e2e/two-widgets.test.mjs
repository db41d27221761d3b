// Two widgets on one page are independent: answers, screens, language and
// clearing in one never touch the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, currentQuestion, resultLevel, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('two screenings on one page keep their own answers, screens and language', async () => {
  const page = await openPage(browser, '/two.html');
  await mounted(page, '#first');
  await mounted(page, '#second');
  const first = widget(page, '#first');
  const second = widget(page, '#second');

  await start(first);
  await answer(first, 'no');
  assert.equal(await currentQuestion(first), 'safe_to_continue');
  assert.equal(await second.locator('section.pk-intro').count(), 1, 'the second did not move');

  await start(second);
  await answer(second, 'yes');
  assert.equal(await second.locator('section.pk-emergency').count(), 1);
  assert.equal(await currentQuestion(first), 'safe_to_continue', 'danger in one is not danger in the other');

  await second.locator('select.pk-lang').selectOption('sr-Latn');
  assert.equal(await second.locator('.pk').getAttribute('lang'), 'sr-Latn');
  assert.equal(await first.locator('.pk').getAttribute('lang'), 'en');

  // Finish the first; the second's answers stay as they were.
  await answerAll(first, scenario('construction_worker_passport_kept').answers);
  assert.equal(await resultLevel(first), 'serious');
  await second.locator('[data-action=continue]').click();
  await second.locator('[data-action=back]').click();
  assert.ok(await second.locator('input[value=yes]').isChecked());

  // Clearing the first leaves the second alone.
  await first.locator('[data-action=restart]').click();
  assert.equal(await first.locator('section.pk-intro').count(), 1);
  assert.ok(await second.locator('input[value=yes]').isChecked());
  assert.deepEqual(page.errors, []);
});
