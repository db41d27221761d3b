// A number on every screen: the main hotline (here the region's, ASTRA SOS
// for Serbia) is a tap-to-call link in view on every screen kind, on a
// 320 and a 390 CSS pixel wide phone, while the page is scrolled too; it
// never pushes a question's first option below the fold of a 390×844 phone,
// never covers a new screen's heading, and axe finds nothing on any screen.
// With the real closed shadow root, the host page cannot read it.
//
// How it fails if the promise breaks: a line drawn only on some screens (or
// replaced with the screen) is missing on one; a line in the scrolling part
// leaves the viewport on a long screen; a tall line moves the first option
// under the fold; a sticky line without room kept for it covers the heading.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, resultLevel, overflow, scenario, axe, screenReader, closedDom } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const TEL = 'tel:+381117850000';

/** Where the hotline link is, and whether it is the element seen at its middle (nothing covers it). */
const hotline = (w) => w.locator('a.pk-hotline').evaluateAll((links) => links.map((a) => {
  const box = a.getBoundingClientRect();
  const hit = a.getRootNode().elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { href: a.getAttribute('href'), text: a.textContent, top: box.top, bottom: box.bottom, width: box.width, height: box.height, uncovered: a.contains(hit) };
}));

/** Checks the line on the screen shown now. */
async function check(page, name, { width, height, fold }) {
  const w = widget(page);
  const where = `${name} at ${width}px`;
  const links = await hotline(w);
  assert.equal(links.length, 1, `${where}: one hotline`);
  const [link] = links;
  assert.equal(link.href, TEL, where);
  assert.match(link.text, /011 785 0000/, where);
  assert.ok(link.top >= 0 && link.bottom <= height, `${where}: the number is in view (${link.top}..${link.bottom})`);
  assert.ok(link.uncovered, `${where}: nothing covers the number`);
  assert.ok(link.height >= 44 && link.width >= 44, `${where}: a 44px target (${link.width}x${link.height})`);
  assert.deepEqual(await overflow(page), [], `${where}: nothing sticks out sideways`);
  // The new screen's heading (focused) is in view and not under the line.
  const title = await w.locator('.pk-screen .pk-title').first().boundingBox();
  assert.ok(title.y >= link.bottom - 0.5 && title.y + title.height <= height, `${where}: the heading (${title.y}) is below the line (${link.bottom})`);
  const first = w.locator('form.pk-question .pk-choice').first();
  if (fold && await first.count()) {
    const box = await first.boundingBox();
    assert.ok(box.y + box.height <= height, `${where}: the first option ends at ${box.y + box.height}, above the fold at ${height}`);
  }
  assert.deepEqual(await axe(page), [], where);
}

/** Every screen kind, including questions shown after a long one was scrolled. */
async function everyScreen(page, size) {
  const w = widget(page);
  const seen = [];
  const at = async (name) => { seen.push(name); await check(page, name, size); };
  await mounted(page);
  await at('intro');
  await start(w);
  await at('yes/no question');
  await w.locator('button[type=submit]').click();
  await at('error');
  await answer(w, 'yes');
  await at('emergency');
  await w.locator('[data-action=continue]').click();
  await answer(w, 'no');
  await at('not safe now');
  await w.locator('[data-action=continue]').click();
  await at('single choice');
  await answer(w, 'other');
  await answer(w, 'under_14');
  await at('country list');
  const answers = scenario('child_begging_adult_keeps_money').answers;
  for (let i = 0; i < 40 && !(await w.locator('section.pk-result').count()); i += 1) {
    const id = await w.locator('form.pk-question').getAttribute('data-question');
    await answer(w, answers[id] ?? 'not_sure');
    if (await w.locator('form.pk-question').count()) await at(`question ${await w.locator('form.pk-question').getAttribute('data-question')}`);
  }
  assert.ok(await resultLevel(w));
  await at('result');
  // Scrolled to the end of the result, the number is still in view.
  await w.locator('[data-action=restart]').scrollIntoViewIfNeeded();
  const [scrolled] = await hotline(w);
  assert.ok(scrolled.top >= 0 && scrolled.bottom <= size.height && scrolled.uncovered, `result scrolled at ${size.width}px`);
  await w.locator('[data-action=print]').click();
  await at('print view');
  return seen;
}

for (const size of [{ width: 320, height: 568 }, { width: 390, height: 844, fold: true }]) {
  test(`the hotline is on every screen at ${size.width}x${size.height}`, async () => {
    const page = await openPage(browser, '/exit.html', { viewport: { width: size.width, height: size.height } });
    const seen = await everyScreen(page, size);
    assert.ok(seen.filter((s) => s.startsWith('question ')).length >= 5, seen.join(', '));
  });
}

test('in Serbian and in the job-offer check, the line is in the person\'s language', async () => {
  const page = await openPage(browser, '/exit.html', { viewport: { width: 390, height: 844 } });
  await mounted(page);
  const w = widget(page);
  const english = (await hotline(w))[0].text;
  await w.locator('select.pk-lang').selectOption('sr-Latn');
  const [serbian] = await hotline(w);
  assert.equal(serbian.href, TEL);
  assert.notEqual(serbian.text, english, 'the words change with the language');
  assert.deepEqual(await axe(page), [], 'sr-Latn intro');
  const job = await openPage(browser, '/job-offer.html', { viewport: { width: 390, height: 844 } });
  await mounted(job);
  await start(widget(job));
  await check(job, 'job-offer question', { width: 390, height: 844, fold: true });
  await answerAll(widget(job), {}, { open: false });
  await check(job, 'job-offer result', { width: 390, height: 844 });
});

test('with the real closed shadow root, the host page cannot read the line; a screen reader hears it whole', async () => {
  const page = await openPage(browser, '/exit.html', { openShadow: false });
  await page.locator('putokaz-screening').first().waitFor();
  const reader = await screenReader(page);
  let links = [];
  for (let i = 0; i < 100 && !links.length; i += 1) {
    links = await reader.find('link', /011 785 0000/);
    if (!links.length) await page.waitForTimeout(100);
  }
  assert.equal(links.length, 1, 'one link with the number');
  assert.match(links[0].name, /\S 011 785 0000$/, `its name says what it is, then the number: "${links[0].name}"`);
  assert.ok((await closedDom(page)).some((n) => n.attributes?.class === 'pk-hotline' && n.attributes.href === TEL));
  const seen = await page.evaluate(() => {
    const host = document.querySelector('putokaz-screening');
    return { root: host.shadowRoot, found: document.querySelectorAll('.pk-hotline').length, text: document.body.innerText.toLowerCase().includes('talk to') };
  });
  assert.deepEqual(seen, { root: null, found: 0, text: false });
});
