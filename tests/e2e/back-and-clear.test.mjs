// Back keeps each given answer; Back from the first question returns to the
// intro; "Clear my answers and start again" forgets everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, currentQuestion, resultLevel, everything, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('Back walks back through the given answers, each still chosen', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'no');
  await answer(w, 'yes');
  await answer(w, 'self');
  await answer(w, '18_plus');
  await answer(w, 'DE');
  await answer(w, ['work_now', 'journey']);
  const progress = await w.locator('.pk-progress').textContent();
  assert.match(progress, /Question 7 of about \d+/);

  const back = async () => w.locator('[data-action=back]').click();
  await back();
  assert.equal(await currentQuestion(w), 'situation');
  assert.ok(await w.locator('input[value=work_now]').isChecked());
  assert.ok(await w.locator('input[value=journey]').isChecked());
  assert.ok(!(await w.locator('input[value=job_offer]').isChecked()));
  await back();
  assert.ok(await w.locator('input[value=DE]').isChecked());
  await back();
  assert.ok(await w.locator('input[value="18_plus"]').isChecked());
  await back();
  await back();
  await back();
  assert.equal(await currentQuestion(w), 'danger_now');
  assert.ok(await w.locator('input[value=no]').isChecked());
  await back();
  assert.equal(await w.locator('section.pk-intro').count(), 1, 'Back from the first question is the intro');
  // Start again continues where the answers are: they were not dropped by Back.
  await start(w);
  assert.ok(await w.locator('input[value=no]').isChecked());
});

test('changing an earlier answer changes the path after it', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  for (const a of ['no', 'yes', 'self', '18_plus', 'RS']) await answer(w, a);
  await answer(w, ['job_offer']);
  assert.equal(await currentQuestion(w), 'country_work');
  await answer(w, 'DE');
  assert.equal(await currentQuestion(w), 'jo_recruiter');
  await w.locator('[data-action=back]').click();
  await w.locator('[data-action=back]').click();
  assert.equal(await currentQuestion(w), 'situation');
  await w.locator('input[value=job_offer]').uncheck();
  await answer(w, ['family']);
  assert.notEqual(await currentQuestion(w), 'jo_recruiter');
});

test('Back from a result returns to the last question; clearing forgets every answer', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  const { answers } = scenario('construction_worker_passport_kept');
  const asked = await answerAll(w, answers);
  assert.equal(await resultLevel(w), 'serious');
  await w.locator('[data-action=back]').click();
  assert.equal(await currentQuestion(w), asked.at(-1));
  await w.locator('button[type=submit]').click();
  assert.equal(await resultLevel(w), 'serious');

  await w.locator('[data-action=restart]').click();
  assert.equal(await w.locator('section.pk-intro').count(), 1);
  assert.equal(await w.locator('.pk-live').textContent(), 'Check your situation', 'the change is announced');
  const left = await everything(page);
  assert.doesNotMatch(left, /passport|Several serious/);
  await start(w);
  assert.equal(await currentQuestion(w), 'danger_now');
  assert.equal(await w.locator('input:checked').count(), 0, 'nothing is chosen');
  assert.match(await w.locator('.pk-progress').textContent(), /Question 1 of/);
  await answer(w, 'no');
  await answer(w, 'yes');
  await answer(w, 'self');
  await answer(w, '18_plus');
  assert.equal(await w.locator('input:checked').count(), 0, 'no country is chosen');
});
