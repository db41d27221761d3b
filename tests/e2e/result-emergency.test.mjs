// The emergency number for the person's country is on every result level:
// urgent (first), serious, some and none_reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, openElement, widget, mounted, complete, scenario } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const cases = [
  ['danger_now_at_the_safety_gate', 'urgent', 'tel:192'],
  ['child_begging_adult_keeps_money', 'serious', 'tel:192'],
  ['past_worker_underpaid', 'some', 'tel:192'],
  ['worker_with_fair_job', 'none_reported', 'tel:192'],
  // In Germany now: the number that works there.
  ['construction_worker_passport_kept', 'serious', 'tel:112'],
];

for (const [name, level, href] of cases) {
  test(`${level} (${name}) shows ${href}`, async () => {
    const page = await openPage(browser, '/exit.html');
    await mounted(page);
    const w = widget(page);
    assert.equal(await complete(w, scenario(name).answers), level);
    const sos = w.locator('section.pk-result .pk-sos');
    assert.equal(await sos.count(), 1);
    assert.ok(await sos.isVisible());
    assert.equal(await sos.locator('.pk-sos__label').textContent(), 'In danger now? Call:');
    const link = sos.locator(`a.pk-call[href="${href}"]`);
    assert.equal(await link.count(), 1);
    assert.equal(await link.textContent(), href.slice(4));
    await page.context().close();
  });
}

// Each emergency number says what it is for, in the person's language (the
// labels of generated numbers are catalog texts, English's too in a pack):
// France's 17 is the police, 15 the ambulance, 18 fire; 112 is not narrowed.
for (const [lang, police, ambulance] of [['en', 'police', 'ambulance'], ['uk', 'поліція', 'швидка допомога'], ['sr-Cyrl', 'полиција', 'хитна помоћ']]) {
  test(`urgent in France, in ${lang}: 17 ${police}, 15 ${ambulance}`, async () => {
    const page = await openPage(browser, null);
    await openElement(page, `lang="${lang}" langs="en uk sr-Latn sr-Cyrl" region="RS" exit-url="/neutral.html"`);
    const w = widget(page);
    assert.equal(await complete(w, { danger_now: 'yes', country_now: 'FR' }), 'urgent');
    const name = (number) => w.locator('section.pk-result .pk-sos__item', { has: page.locator(`a.pk-call[href="tel:${number}"]`) }).locator('.pk-sos__name').textContent();
    assert.equal(await name('17'), police);
    assert.equal(await name('15'), ambulance);
    assert.notEqual(await name('112'), ambulance);
    await page.context().close();
  });
}
