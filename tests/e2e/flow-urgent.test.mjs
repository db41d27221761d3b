// Danger now at the safety gate goes straight to the emergency panel with the
// number to call (192 for Serbia), and the person can still continue; the
// result is "urgent" with the emergency numbers first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, resultLevel, currentQuestion, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('danger now shows the emergency panel with tel:192, then the questions can continue', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  assert.equal(await currentQuestion(w), 'danger_now');
  await answer(w, 'yes');

  const panel = w.locator('section.pk-emergency');
  await panel.waitFor();
  assert.equal(await panel.locator('h2.pk-title').textContent(), 'If you are in danger now');
  const call = panel.locator('a.pk-call[href="tel:192"]');
  assert.equal(await call.textContent(), '192');
  assert.ok(await call.isVisible());
  // Focus is on the panel's heading, so a screen reader starts there.
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent), 'If you are in danger now');

  await panel.locator('[data-action=continue]').click();
  assert.equal(await currentQuestion(w), 'safe_to_continue');
  const { answers } = scenario('danger_now_at_the_safety_gate');
  await answerAll(w, answers);
  assert.equal(await resultLevel(w), 'urgent');
  const result = w.locator('section.pk-result');
  assert.equal(await result.locator('h2.pk-title').textContent(), 'Danger right now');
  // The numbers come right after the summary, before anything else.
  const order = await result.evaluate((section) => [...section.children].map((c) => c.className));
  assert.equal(order.indexOf('pk-sos'), order.indexOf('pk-summary') + 1, order.join(', '));
  assert.equal(await result.locator('.pk-sos a[href="tel:192"]').count(), 1);
  assert.match(await result.innerText(), /call 192 now/);
  assert.deepEqual(page.errors, []);
});

test('Back from the emergency panel returns to the question', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  await answer(w, 'yes');
  await w.locator('section.pk-emergency').waitFor();
  // The panel has no Back button of its own; continuing and going back works.
  await w.locator('[data-action=continue]').click();
  await w.locator('[data-action=back]').click();
  assert.equal(await currentQuestion(w), 'danger_now');
  assert.ok(await w.locator('input[value=yes]').isChecked(), 'the answer is kept');
});
