// PROOF 7: a quick exit leaves no answers: not in the page's DOM, not in the
// widget's shadow root, not in any form control, not after Back.
//
// For each way out (button, Shift×3, skip link), from a result with answers
// on screen and a choice ticked but not yet sent, the page is inspected in
// the moment between the exit and the neutral page's arrival (the neutral
// page's response is held back), then on the neutral page, then after Back.
//
// How it fails if the promise breaks: an exit that only navigates (without
// clearing and blanking first) leaves the result text and checked inputs in
// the snapshot taken before the neutral page arrives; an exit that uses
// location.assign or a link's default navigation (not replace) makes
// history.length grow and Back return to the widget page; a widget that
// kept answers somewhere the page can see (an attribute, the light DOM,
// document.title, the URL) shows them in every snapshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, everything, watchExit, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const triggers = {
  button: (page, w) => w.locator('a.pk-exit').click(),
  'Shift×3': async (page) => { for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift'); },
  'skip link': async (page, w) => { await w.locator('a.pk-skip').focus(); await page.keyboard.press('Enter'); },
};

for (const [name, trigger] of Object.entries(triggers)) {
  test(`quick exit by ${name}: no answer survives anywhere`, async () => {
    const page = await openPage(browser, null);
    const exit = await watchExit(page);
    await page.goto(`${BASE}/start.html`);
    await page.click('#to-widget');
    await mounted(page);
    const length = await page.evaluate(() => history.length);
    const w = widget(page);
    await start(w);
    await answerAll(w, scenario('child_begging_adult_keeps_money').answers);
    const shown = [...await w.locator('.pk-sign').allTextContents(), await w.locator('section.pk-result h2').textContent()];
    // First make sure the snapshot can see a ticked choice and the result,
    // so its silence afterwards means something.
    await w.locator('[data-action=back]').click();
    await w.locator('input[value=not_sure]').check();
    const before = await everything(page);
    assert.match(before, /\[checked not_sure\]/, 'the snapshot does see a ticked choice');
    await w.locator('button[type=submit]').click();
    assert.ok((await everything(page)).includes(shown[0]), 'the snapshot does see the result');

    const pressed = trigger(page, w);
    const during = await exit.snapshot;
    assert.equal(during.covered, true, 'the page is covered at once');
    assert.deepEqual(during.widgets, ['Loading.'], 'the shadow root holds only a neutral word');
    exit.release();
    await pressed;
    await page.waitForURL(`${BASE}/neutral.html`);
    const onNeutral = await everything(page);
    assert.equal(await page.evaluate(() => history.length), length, 'no history entry added');
    await page.goBack();
    assert.equal(page.url(), `${BASE}/start.html`, 'Back does not return to the widget page');
    const afterBack = await everything(page);

    for (const [when, text] of [['during the exit', during.text], ['on the neutral page', onNeutral], ['after Back', afterBack]]) {
      for (const s of shown) assert.ok(!text.includes(s), `${when}: "${s}" is gone`);
      assert.doesNotMatch(text, /\[checked|\[selected|\[question/, `${when}: no form state`);
    }
  });
}
