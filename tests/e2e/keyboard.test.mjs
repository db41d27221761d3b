// A whole screening by keyboard only: Tab, arrow keys, Space and Enter. The
// test reads where focus is (as a sighted keyboard user would see it) but
// never clicks or sets values. Focus moves to each new question's heading.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, currentQuestion, resultLevel, focused, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Presses Tab until `wanted(focus)` holds; fails after 40 presses. */
async function tabTo(page, wanted, what) {
  for (let i = 0; i < 40; i += 1) {
    const focus = await focused(page);
    if (focus && wanted(focus)) return focus;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Answers the question on screen with the keyboard only. */
async function answerByKeyboard(page, w, value) {
  const values = Array.isArray(value) ? value : [value];
  const heading = await focused(page);
  assert.equal(heading.tag, 'h2', `focus starts on the question's heading, not ${JSON.stringify(heading)}`);
  const countries = (await w.locator('#pk-filter').count()) > 0;
  if (countries && /^[A-Z]{2}$/.test(values[0])) {
    // Type the name's start, Enter goes to the first match, Space chooses it.
    await tabTo(page, (f) => f.className === 'pk-filter', 'the country box');
    const name = await w.locator(`label[for="pk-option-${values[0]}"]`).textContent();
    await page.keyboard.type(name.slice(0, 5));
    await page.keyboard.press('Enter');
    const focus = await focused(page);
    assert.equal(focus.value, values[0], `Enter went to ${values[0]}, not ${JSON.stringify(focus)}`);
    await page.keyboard.press('Space');
  } else if (await w.locator('input[type=checkbox]').count()) {
    // Every box is a tab stop: tick the wanted ones with Space on the way to Continue.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await focused(page);
      if (focus.type === 'submit') break;
      if (focus.type === 'checkbox' && values.includes(focus.value) && !focus.checked) await page.keyboard.press('Space');
    }
  } else {
    // A radio group is one tab stop; the arrow keys move and choose.
    // Under the countries, "not sure" and the others are a group of their own.
    let focus = await tabTo(page, (f) => f.type === 'radio' && !(countries && /^[A-Z]{2}$/.test(f.value)), 'the choices');
    for (let i = 0; i < 20 && focus.value !== values[0]; i += 1) {
      await page.keyboard.press('ArrowDown');
      focus = await focused(page);
    }
    assert.equal(focus.value, values[0]);
    if (!focus.checked) await page.keyboard.press('Space');
  }
  for (const v of values) {
    assert.ok(await w.locator(`input[value="${v}"]`).isChecked(), `${v} is chosen`);
  }
  await tabTo(page, (f) => f.type === 'submit', 'Continue');
  await page.keyboard.press('Enter');
}

test('a whole screening, start to result to a fresh start, with the keyboard only', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  // From the top of the page: Tab reaches Start.
  await tabTo(page, (f) => f.action === 'start', 'Start');
  await page.keyboard.press('Enter');

  const { answers } = scenario('construction_worker_passport_kept');
  const asked = [];
  for (let id = await currentQuestion(w); id; id = await currentQuestion(w)) {
    asked.push(id);
    assert.ok(asked.length < 40, 'a path ends');
    await answerByKeyboard(page, w, answers[id] ?? 'not_sure');
  }
  // The country lists were answered too, by arrow keys.
  assert.ok(asked.includes('country_now') && asked.includes('country_work'), asked.join(', '));
  assert.ok(asked.includes('cond_work'), 'a multiple-choice question was answered with Space');
  assert.equal(await resultLevel(w), 'serious');
  assert.equal((await focused(page)).text, 'Several serious warning signs', 'focus moves to the result heading');

  // "Clear my answers and start again", by keyboard.
  await tabTo(page, (f) => f.action === 'restart', 'Clear my answers');
  await page.keyboard.press('Enter');
  assert.equal(await w.locator('section.pk-intro').count(), 1);
  assert.equal((await focused(page)).text, 'Check your situation');
  assert.deepEqual(page.errors, []);
});

test('the emergency panel is passed by keyboard', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await tabTo(page, (f) => f.action === 'start', 'Start');
  await page.keyboard.press('Enter');
  await answerByKeyboard(page, w, 'yes');
  await w.locator('section.pk-emergency').waitFor();
  assert.equal((await focused(page)).text, 'If you are in danger now');
  // The number is the first thing Tab reaches after the heading.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, '192');
  await tabTo(page, (f) => f.action === 'continue', 'Continue the questions');
  await page.keyboard.press('Enter');
  assert.equal(await currentQuestion(w), 'safe_to_continue');
});

test('visible focus: every control the keyboard reaches shows an outline', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await w.locator('[data-action=start]').click();
  const seen = new Set();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body || !el.closest('.pk')) return null;
      const s = getComputedStyle(el);
      return { what: `${el.tagName} ${el.className}`, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (!style) continue;
    seen.add(style.what);
    assert.notEqual(style.outline, 'none', `${style.what} shows focus`);
    assert.ok(style.width >= 2, `${style.what} outline ${style.width}px`);
  }
  assert.ok(seen.size >= 4, [...seen].join(', '));
});
