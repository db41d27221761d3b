// A relative answering about a child under 14 who begs while an adult keeps
// the money: the questions speak about "them", the child rules apply (no
// means needed), and the result points to services for children.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, currentQuestion, resultLevel, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a child who begs for an adult: serious, child rules, services for children', async () => {
  const page = await openPage(browser, '/exit.html');
  await mounted(page);
  const w = widget(page);
  await start(w);
  const asked = [];
  const headings = [];
  const { answers } = scenario('child_begging_adult_keeps_money');
  // Answer step by step to see each question's wording.
  for (let id = await currentQuestion(w); id; id = await currentQuestion(w)) {
    asked.push(id);
    headings.push(await w.locator('legend h2').textContent());
    await answer(w, answers[id] ?? 'not_sure');
  }
  assert.equal(await resultLevel(w), 'serious');
  assert.ok(asked.includes('child_work'), asked.join(', '));
  assert.ok(!asked.includes('jo_recruiter'), 'no job-offer questions about a child begging');
  // Once "someone else" is chosen, questions are about them, not "you".
  const afterWho = headings.slice(asked.indexOf('who_for') + 1).join(' ');
  assert.match(afterWho, /\b(they|them|their|the child|the person)\b/i);

  const result = w.locator('section.pk-result');
  assert.match(await result.innerText(), /we also used the rules for children/);
  const signs = await result.locator('.pk-sign').allTextContents();
  assert.ok(signs.some((s) => /adult keeps the money/.test(s)), signs.join(' | '));
  const steps = await result.locator('.pk-list li').allTextContents();
  assert.ok(steps.some((s) => /A child cannot agree/.test(s)), steps.join(' | '));
  assert.ok(steps.some((s) => /worried about someone else/.test(s)), steps.join(' | '));
  const why = await result.locator('.pk-referral__why').allTextContents();
  assert.ok(why.some((s) => /Works with children/.test(s)), why.join(' | '));
  assert.equal(await result.locator('.pk-sos a[href="tel:192"]').count(), 1);
  assert.deepEqual(page.errors, []);
});
