// Quick exit by pressing Shift three times within 5 seconds (the GOV.UK
// "Exit this page" pattern), from anywhere on the page. Not by Shift used to
// type capitals, not by a held Shift, and not by presses spread over more
// than 5 seconds (the clock is faked, so no test waits 5 real seconds).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, watchExit, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open({ clock = false, watch = false } = {}) {
  const page = await openPage(browser, null);
  if (clock) await page.clock.install();
  const exit = watch ? await watchExit(page) : null;
  await page.goto(`${BASE}/start.html`);
  await page.click('#to-widget');
  await mounted(page);
  return { page, exit, w: widget(page) };
}

const shift = (page) => page.keyboard.press('Shift');

test('Shift three times exits at once: blank, answers gone, page replaced', async () => {
  const { page, exit, w } = await open({ watch: true });
  const length = await page.evaluate(() => history.length);
  await start(w);
  await answer(w, 'no');
  await answer(w, 'yes');
  await w.locator('input[value=other]').check();
  await shift(page);
  await shift(page);
  assert.equal(page.url(), `${BASE}/exit.html`, 'two presses do nothing yet');
  assert.equal(await w.locator('.pk-live').textContent(), 'Shift pressed 2 of 3 times');
  const pressed = shift(page);
  const during = await exit.snapshot;
  assert.equal(during.covered, true);
  assert.deepEqual(during.widgets, ['Loading.']);
  assert.doesNotMatch(during.text, /\[checked/);
  exit.release();
  await pressed;
  await page.waitForURL(`${BASE}/neutral.html`);
  assert.equal(await page.evaluate(() => history.length), length);
  await page.goBack();
  assert.equal(page.url(), `${BASE}/start.html`);
});

test('Shift works with focus anywhere on the page, not only in the widget', async () => {
  const { page } = await open();
  await page.locator('#away').focus();
  for (let i = 0; i < 3; i += 1) await shift(page);
  await page.waitForURL(`${BASE}/neutral.html`);
});

test('typing capitals with Shift never exits', async () => {
  const { page, w } = await open();
  await start(w);
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Shift');
  }
  // Two clean presses, a key in between, then one more: the count starts again.
  await shift(page);
  await shift(page);
  await page.keyboard.press('Tab');
  await shift(page);
  assert.equal(await w.locator('.pk-live').textContent(), 'Shift pressed 1 of 3 times');
  assert.equal(page.url(), `${BASE}/exit.html`);
  assert.equal(await page.evaluate(() => document.body.hidden), false);
  assert.equal(await w.locator('form.pk-question').count(), 1, 'the widget is untouched');
});

test('a held Shift (key repeat) is one press', async () => {
  const { page, w } = await open();
  await page.keyboard.down('Shift');
  await page.keyboard.down('Shift');
  await page.keyboard.down('Shift');
  await page.keyboard.down('Shift');
  await page.keyboard.up('Shift');
  assert.equal(await w.locator('.pk-live').textContent(), 'Shift pressed 1 of 3 times');
  assert.equal(page.url(), `${BASE}/exit.html`);
});

test('presses spread over more than 5 seconds do not exit; three within 5 seconds do', async () => {
  // The faked clock still flows with real time between the steps, so every
  // window below is chosen with seconds to spare for a slow, busy machine:
  // real time only ever makes the first press older.
  const { page, w } = await open({ clock: true });
  await shift(page);
  await page.clock.fastForward(4000);
  await shift(page);
  await page.clock.fastForward(1100);
  await shift(page); // 5.1 s after the first: it has expired, two count.
  assert.equal(page.url(), `${BASE}/exit.html`);
  assert.equal(await w.locator('.pk-live').textContent(), 'Shift pressed 2 of 3 times');
  await page.clock.fastForward(1000);
  await shift(page); // 2.1 s after the second (plus real time).
  await page.waitForURL(`${BASE}/neutral.html`);
});
