// A 320-pixel-wide phone and 200% zoom: nothing sticks out sideways on any
// screen, and a screenshot of a result is kept in artifacts/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, resultLevel, openSections, overflow, scenario, ARTIFACTS } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Walks through every screen kind, checking each with `check(name)`. */
async function everyScreen(page, check) {
  const w = widget(page);
  await mounted(page);
  await check('intro');
  await start(w);
  await check('yes_no question');
  await w.locator('button[type=submit]').click();
  await check('error');
  await answer(w, 'yes');
  await check('emergency panel');
  await w.locator('[data-action=continue]').click();
  await answer(w, 'yes');
  await answer(w, 'other');
  await check('single question');
  await answer(w, '14_17');
  await check('country question');
  await answer(w, 'RS');
  await check('multi question');
  await answerAll(w, scenario('child_begging_adult_keeps_money').answers);
  assert.equal(await resultLevel(w), 'urgent');
  await check('result');
  await w.locator('[data-action=print]').click();
  await check('print view');
}

test('at 320 CSS pixels nothing overflows, and the result screenshot is kept', async () => {
  const page = await openPage(browser, '/exit.html', { viewport: { width: 320, height: 640 } });
  await everyScreen(page, async (name) => {
    assert.deepEqual(await overflow(page), [], `${name} at 320px`);
    if (name === 'result') {
      await widget(page).locator('section.pk-result').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}result-320px.png`, fullPage: true });
    }
  });
  // The touch targets stay at least 44 by 44 CSS pixels on a narrow screen.
  const w = widget(page);
  await w.locator('[data-action=back]').click();
  await openSections(w);
  const small = await w.locator('.pk-button, .pk-lang, .pk-exit, .pk-choice__label, .pk-call, .pk-contact__link, .pk-toggle').evaluateAll((els) => els
    .map((el) => ({ el: `${el.className} ${el.textContent.slice(0, 20)}`, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.height < 44 || box.width < 44).map(({ el, box }) => `${el}: ${box.width}x${box.height}`));
  assert.deepEqual(small, []);
});

test('at 200% zoom (a 1280px window seen as 640 CSS pixels, zoomed twice) nothing overflows', async () => {
  const page = await openPage(browser, '/exit.html', { viewport: { width: 640, height: 720 }, context: { deviceScaleFactor: 2 } });
  assert.equal(await page.evaluate(() => devicePixelRatio), 2);
  await everyScreen(page, async (name) => assert.deepEqual(await overflow(page), [], `${name} at 200%`));
});

test('with the page zoomed by CSS to 200% on a 640px screen, nothing overflows', async () => {
  const page = await openPage(browser, '/exit.html', { viewport: { width: 640, height: 720 } });
  // Like a person's text zoom: everything, the widget included, twice as big.
  await page.evaluate(() => { document.documentElement.style.zoom = '2'; });
  await everyScreen(page, async (name) => assert.deepEqual(await overflow(page), [], `${name} at CSS zoom 2`));
});
