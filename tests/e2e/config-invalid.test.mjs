// A partner config that fails validation (broken JSON, unknown settings, a
// javascript: link, hiding the police number) never breaks the widget: it
// mounts, tells the partner's developer exactly what is wrong in the console,
// tells the person only that some settings were not used, and the emergency
// number stays. Nor can a config move, disguise or hide the emergency
// numbers, empty the job-offer check, blank or swap the exit and start
// labels, or slip in invisible characters and look-alike web addresses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, complete, currentQuestion, resultLevel, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open() {
  const page = await openPage(browser, null);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${BASE}/config-invalid.html`);
  for (const id of ['#bad-json', '#unknown', '#js-url', '#spoof']) await mounted(page, id);
  return { page, warnings };
}

test('each broken config is named precisely in a console warning', async () => {
  const { page, warnings } = await open();
  const expect = [
    /^Putokaz config: partner config:1:\d+: .*EOF while parsing/,
    /^Putokaz config: partner config: "colour": unknown setting/,
    /^Putokaz config: partner config: referrals\.remove: unknown setting \(known: add, replace, hide\)/,
    /^Putokaz config: partner config: referrals\.add.*"javascript:alert\(1\)" is not an https:\/\/ address/,
    /^Putokaz config: partner config: referrals\.hide.*"rs-police-192" is an emergency number; it is never hidden/,
    /^Putokaz config: partner config: referrals\.replace\[0\] "rs-police-192": an emergency number can only be replaced by another emergency entry for the same country/,
    /^Putokaz config: partner config: referrals\.replace: entry "rs-ambulance-194": contacts\[0\]: display "194" is not the number \+381601234567/,
    /^Putokaz config: partner config: referrals\.add: entry "partner-rlm": name\.en contains control or bidirectional-override characters/,
    /^Putokaz config: partner config: referrals\.add: entry "partner-rlm": contacts\[0\]: .* is not an https:\/\/ address with an ASCII host/,
    /^Putokaz config: partner config: "modules": these modules leave a mode with no question about the situation/,
    /^Putokaz config: partner config: text\.en\.ui\.exit: an exit or start label .* cannot be empty/,
    /^Putokaz config: partner config: text\.en\.ui\.start_job: an exit or start label .* cannot be empty or another one's words/,
  ];
  for (const pattern of expect) assert.ok(warnings.some((w) => pattern.test(w)), `${pattern}\n${warnings.join('\n')}`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, [], 'a warning, never an error that looks like a crash');
});

test('the person sees a working widget with a calm note, and the emergency number', async () => {
  const { page } = await open();
  for (const id of ['#bad-json', '#unknown', '#js-url']) {
    const w = widget(page, id);
    assert.equal(await w.locator('.pk-intro .pk-note').textContent(), 'Some settings of this page could not be used. The questions still work.');
    assert.doesNotMatch(await w.locator('.pk-intro').innerText(), /config|JSON|javascript/i, 'no developer words for the person');
    await start(w);
    await answer(w, 'yes');
    assert.equal(await w.locator('.pk-emergency a.pk-call[href="tel:192"]').count(), 1, `${id} keeps 192`);
  }
});

test('moved or disguised emergency numbers, an empty job-offer check, blank or swapped labels: none takes effect', async () => {
  const { page } = await open();
  const w = widget(page, '#spoof');
  assert.equal(await w.locator('a.pk-exit').textContent(), 'Exit this page');
  assert.equal(await w.locator('[data-action=start]').textContent(), 'Check a job offer');
  await start(w);
  assert.equal(await currentQuestion(w), 'jo_recruiter', 'the job-offer check asks its questions');
  await answerAll(w, scenario('job_offer_risky_offer').answers);
  assert.equal(await resultLevel(w), 'serious');
  const sos = w.locator('section.pk-result .pk-sos');
  assert.equal(await sos.locator('a[href="tel:192"]').textContent(), '192', 'the police number, in Serbia');
  assert.equal(await w.locator('a[href="tel:+381601234567"]').count(), 0, 'no number disguised as another');
  assert.doesNotMatch(await w.locator('section.pk-result').textContent(), /\u200f|ASTRA SOS 011/, 'the entry with a hidden mark is left out');
  assert.deepEqual(page.errors, []);
});

test('the rejected entry and the hidden police number: neither takes effect', async () => {
  const { page } = await open();
  const w = widget(page, '#js-url');
  await complete(w, scenario('worker_with_fair_job').answers);
  assert.equal(await w.locator('.pk-referral').filter({ hasText: 'Click me' }).count(), 0);
  assert.equal(await w.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await w.locator('.pk-sos a[href="tel:192"]').count(), 1);
});

// The review's configs: emergency entries of other countries made to work in
// Germany, an added emergency number, ASTRA's Serbian number dialling Russia,
// and the exit and start labels swapped with near-identical words.
test('a config cannot move or add emergency numbers, dial another country, or swap labels in other words', async () => {
  const { page, warnings } = await open();
  const { readFileSync } = await import('node:fs');
  const builtIn = (id) => JSON.parse(readFileSync(new URL(`../../src/data/referrals/${id.slice(0, 2)}.json`, import.meta.url))).entries.find((e) => e.id === id);
  const germany = ['DE', 'FR', 'IT', 'ES', 'NL'];
  const entry = { name: { original: 'ASTRA SOS', en: 'ASTRA SOS' }, country: 'RS', services: ['trafficking_identification'], audience: ['anyone'], sources: ['https://example.org/'], last_verified: '2026-11', confidence: 'high' };
  const config = {
    referrals: {
      replace: ['ae-police-999', 'at-emergency', 'gb-999'].map((id) => ({ ...builtIn(id), works_in: germany })),
      add: [
        { ...entry, id: 'partner-russia', contacts: [{ kind: 'voice', number: '+7117850000', display: '011 785 0000' }] },
        { ...builtIn('rs-police-192'), id: 'partner-police', country: 'DE' },
      ],
    },
    text: { en: { 'ui.exit': 'Start the check', 'ui.start': 'Exit' } },
  };
  await page.evaluate((json) => {
    const element = document.createElement('putokaz-screening');
    element.id = 'audit';
    element.setAttribute('lang', 'en');
    element.setAttribute('region', 'RS');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = json;
    element.append(script);
    document.querySelector('main').append(element);
  }, JSON.stringify(config));
  await mounted(page, '#audit');
  const expect = [
    /referrals\.replace\[0\] "ae-police-999": an emergency number can only be replaced by another emergency entry for the same country, with the same works_in/,
    /referrals\.replace\[1\] "at-emergency": an emergency number can only be replaced/,
    /referrals\.replace\[2\] "gb-999": an emergency number can only be replaced/,
    /referrals\.add: entry "partner-russia": contacts\[0\]: display "011 785 0000" is not the number \+7117850000/,
    /referrals\.add\[1\] "partner-police": an added entry cannot be an emergency number/,
    /text\.en\.ui\.exit: .*cannot be empty or another one's words.*: it has the words of ui\.start/,
    /text\.en\.ui\.start: .*cannot be empty or another one's words.*: it has the words of ui\.exit/,
  ];
  for (const pattern of expect) assert.ok(warnings.some((w) => pattern.test(w)), `${pattern}\n${warnings.join('\n')}`);
  const w = widget(page, '#audit');
  assert.equal(await w.locator('a.pk-exit').textContent(), 'Exit this page');
  assert.equal(await w.locator('[data-action=start]').textContent(), 'Start');
  await start(w);
  await answer(w, 'yes');
  assert.equal(await w.locator('.pk-emergency a.pk-call[href="tel:192"]').count(), 1, 'Serbia keeps 192');
  assert.equal(await w.locator('a[href^="tel:+7"]').count(), 0, 'no number dials Russia');
  assert.deepEqual(page.errors, []);
});
