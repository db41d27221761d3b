// What assistive technology relies on: real radio buttons and checkboxes in a
// fieldset whose legend is the question; focus on each new heading; a live
// region (heard, not seen) that announces steps and errors; language and
// direction on the widget; the exit reachable first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, focused } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('questions are fieldsets of real inputs, labelled, with the question as legend', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  const region = w.locator('.pk');
  assert.equal(await region.getAttribute('role'), 'region');
  assert.equal(await region.getAttribute('aria-label'), 'Questions about your situation');
  assert.equal(await region.getAttribute('lang'), 'en');
  assert.equal(await region.getAttribute('dir'), 'ltr');
  await start(w);
  const fieldset = w.locator('form.pk-question fieldset');
  assert.equal(await fieldset.locator('legend h2').textContent(), 'Are you, or the person you are asking about, in danger right now?');
  const radios = fieldset.locator('input[type=radio][name=answer]');
  assert.deepEqual(await radios.evaluateAll((els) => els.map((e) => e.value)), ['yes', 'no', 'not_sure', 'prefer_not']);
  for (const value of ['yes', 'no', 'not_sure', 'prefer_not']) {
    const label = w.locator(`label[for="pk-option-${value}"]`);
    assert.equal(await label.count(), 1, `${value} has a label`);
    await label.click();
    assert.ok(await w.locator(`input[value="${value}"]`).isChecked(), `clicking the label of ${value} chooses it`);
  }
  assert.equal(await w.getByRole('radio', { name: 'Not sure' }).count(), 1, 'radios by role and name');
  assert.equal(await w.getByRole('group', { name: /in danger right now/ }).count(), 1, 'the fieldset is named by its legend');

  for (const a of ['no', 'yes', 'self', '18_plus', 'RS']) await answer(w, a);
  assert.equal(await fieldset.locator('input[type=checkbox]').count() > 3, true, 'a multiple choice uses checkboxes');
  assert.match(await fieldset.getAttribute('aria-describedby'), /pk-multi/);
  assert.equal(await w.locator('#pk-multi').textContent(), 'Choose all that apply.');
  // "Not sure" cannot be ticked together with an answer.
  await w.locator('input[value=work_now]').check();
  await w.locator('input[value=not_sure]').check();
  assert.ok(!(await w.locator('input[value=work_now]').isChecked()));
  await w.locator('input[value=journey]').check();
  assert.ok(!(await w.locator('input[value=not_sure]').isChecked()));
});

test('each step moves focus to its heading and is announced; errors too', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  const live = w.locator('.pk-live');
  assert.equal(await live.getAttribute('role'), 'status');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await start(w);
  const heading = await w.locator('legend h2').textContent();
  assert.equal((await focused(page)).text, heading);
  assert.equal(await live.textContent(), heading);

  await w.locator('button[type=submit]').click();
  const error = w.locator('.pk-error');
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.match(await live.textContent(), /Choose an answer/);
  assert.equal(await w.locator('fieldset').getAttribute('aria-invalid'), 'true');
  assert.match(await w.locator('fieldset').getAttribute('aria-describedby'), /pk-error/);
  assert.equal((await focused(page)).tag, 'h2', 'focus returns to the question');

  await answer(w, 'no');
  const next = await w.locator('legend h2').textContent();
  assert.equal((await focused(page)).text, next);
  assert.equal(await live.textContent(), next);
  assert.equal(await w.locator('.pk-error').count(), 0, 'the error goes once answered');
});

test('the live region is heard, not seen: it never shows text a second time', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  const live = w.locator('.pk-live');
  assert.ok((await live.textContent()).length > 0);
  const box = await live.boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, `the live region is ${box.width}x${box.height}`);
  // Shift progress is announced there, too.
  await page.keyboard.press('Shift');
  assert.equal(await live.textContent(), 'Shift pressed 1 of 3 times');
});

test('the skip link is the first stop in the widget and shows when focused', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  await page.keyboard.press('Tab');
  const focus = await focused(page);
  assert.equal(focus.text, 'Skip to exit this page');
  const box = await widget(page).locator('a.pk-skip').boundingBox();
  assert.ok(box.width > 44 && box.height >= 24, `the focused skip link is ${box.width}x${box.height}`);
});
