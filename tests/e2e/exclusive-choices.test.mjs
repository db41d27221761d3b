// On a "tick all that apply" question, "not sure", "prefer not to say" and
// "none of these" stand alone: ticking one clears the other boxes, and
// ticking another box clears it. What is sent is what the person sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, currentQuestion } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('an exclusive choice clears the others, and another choice clears it', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  for (const a of ['no', 'yes', 'self', '18_plus', 'RS']) await answer(w, a);
  assert.equal(await currentQuestion(w), 'situation');
  const box = (value) => w.locator(`input[value=${value}]`);

  await box('work_now').check();
  await box('journey').check();
  await box('not_sure').check();
  assert.ok(await box('not_sure').isChecked());
  assert.ok(!(await box('work_now').isChecked()) && !(await box('journey').isChecked()), '"not sure" clears the other boxes');

  await box('prefer_not').check();
  assert.ok(await box('prefer_not').isChecked() && !(await box('not_sure').isChecked()), 'one exclusive choice clears another');

  await box('work_now').check();
  assert.ok(await box('work_now').isChecked() && !(await box('prefer_not').isChecked()), 'another box clears the exclusive one');

  await w.locator('button[type=submit]').click();
  assert.notEqual(await currentQuestion(w), 'situation', 'the answer was accepted');
  await w.locator('[data-action=back]').click();
  assert.ok(await box('work_now').isChecked(), 'what was sent is what was ticked');
  assert.ok(!(await box('journey').isChecked()) && !(await box('prefer_not').isChecked()));
});
