// PROOF 4: hostile text is inert.
//
// A partner config (through the JS API and as inline JSON) and the element's
// attributes carry markup, <script>, <img onerror>, javascript: and data:
// URLs, bidi-override characters (U+202E) and 10,000-character strings, in
// referral names, contact labels and notes, and wording overrides. The page
// is served WITHOUT a CSP here, so if any of it were parsed as HTML its
// handlers would really run: the test does not lean on the CSP.
//
// How it fails if the promise breaks: a text set with innerHTML (or
// insertAdjacentHTML, or a template) instead of textContent creates <img>,
// <script>, <b>... elements, which the tag census finds, and the onerror
// handlers set window.pwned; a link made from unvalidated data shows an href
// outside tel:/sms:/mailto:/https:; a bidi override or a 10,000-character
// name that slipped through validation appears in the text; a long word that
// does not wrap makes the 320px layout overflow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answerAll, resultLevel, overflow, scenario, BASE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const evil = (n) => `<img src=x onerror="window.pwned=${n}"><script>window.pwned=${n}</script><b>bold</b>`;
const entry = (id, fields) => ({
  id, name: { original: `Service ${id}`, en: `Service ${id}` }, country: 'RS',
  contacts: [{ kind: 'voice', number: '+381111111111', display: '011 111 1111' }],
  services: ['trafficking_identification'], audience: ['anyone'], emergency: false,
  sources: ['https://example.org/'], last_verified: '2026-11', source_date: '2026', confidence: 'high', notes: evil(0),
  ...fields,
});
const BUILT_IN = ['rs-mup-natco', 'rs-czztlj', 'rs-astra-sos', 'rs-astra-116000', 'rs-atina', 'rs-vds', 'rs-nadel-116111',
  'rs-sos-women-0800222003', 'rs-zene-protiv-nasilja', 'rs-ombudsman', 'rs-minrzs-agency-register', 'rs-nsz', 'rs-consular', 'rs-iom'];
const CONFIG = {
  // The line on every screen: a partner entry whose number's label is markup.
  hotline: 'partner-markup',
  referrals: {
    hide: BUILT_IN,
    add: [
      entry('partner-markup', {
        name: { original: evil(1), en: evil(2) },
        area_name: '<svg onload="window.pwned=3">',
        contacts: [
          { kind: 'voice', number: '+381111111111', display: '011 111 1111', note: { en: '<img src=x onerror="window.pwned=4">' } },
          { kind: 'web', url: 'https://example.org/a?b=%3Cscript%3E' },
          { kind: 'email', address: 'help@example.org' },
          { kind: 'sms', number: '+381111111112', display: '011 111 1112' },
        ],
      }),
      entry('partner-js', { contacts: [{ kind: 'web', url: 'javascript:window.pwned=5' }] }),
      entry('partner-data', { contacts: [{ kind: 'web', url: 'data:text/html,<script>window.pwned=6</script>' }] }),
      entry('partner-spoof', { contacts: [{ kind: 'web', url: 'https:javascript:window.pwned=7' }] }),
      entry('partner-http', { contacts: [{ kind: 'web', url: 'http://example.org/' }] }),
      entry('partner-quote', { contacts: [{ kind: 'web', url: 'https://example.org/"><script>window.pwned=8</script>' }] }),
      entry('partner-mail', { contacts: [{ kind: 'email', address: 'a@example.org?body=<script>' }] }),
      entry('partner-tel', { contacts: [{ kind: 'voice', number: 'javascript:window.pwned=9', display: 'x' }] }),
      entry('partner-bidi', { name: { original: '\u202Eenilpleh', en: 'help\u202Eenil' } }),
      // A mark that reverses what follows it: the number would read 0000 785 011.
      entry('partner-rlm', { name: { original: 'ASTRA SOS\u200F 011 785 0000', en: 'ASTRA SOS\u200F 011 785 0000' } }),
      // A label that is not the number dialled, and a host with a Cyrillic а.
      entry('partner-display', { contacts: [{ kind: 'voice', number: '+381111111114', display: '<b>011</b>' }] }),
      entry('partner-homograph', { contacts: [{ kind: 'web', url: 'https://\u0430stra.rs' }] }),
      entry('partner-long', { name: { original: 'A'.repeat(10_000), en: 'B'.repeat(10_000) } }),
      entry('partner-long-note', { contacts: [{ kind: 'voice', number: '+381111111113', display: 'x', note: { en: 'N'.repeat(10_000) } }] }),
    ],
  },
  text: {
    en: {
      'ui.intro_title': evil(10),
      'ui.intro_body': `W${'w'.repeat(998)}`, // one unbroken 999-character word
      'ui.continue': '<button onclick="window.pwned=11">Go</button>',
      'ui.start': '\u202Etrats',
      'ui.exit': 'X'.repeat(10_000),
      'ui.result_help': 'L'.repeat(10_000),
    },
  },
};
const ALLOWED_TAGS = new Set(['link', 'div', 'a', 'p', 'button', 'section', 'h2', 'h3', 'h4', 'ul', 'li', 'span', 'strong',
  'form', 'fieldset', 'legend', 'input', 'label', 'select', 'option', 'details', 'summary', 'slot', 'bdi']);

/** Tags, link schemes and the longest text inside every widget's (test-opened) shadow root. */
const census = (page) => page.evaluate(() => {
  const tags = {};
  const hrefs = [];
  let text = '';
  for (const host of document.querySelectorAll('putokaz-screening')) {
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      tags[tag] = (tags[tag] ?? 0) + 1;
      // A web link's address waits in data-href until the link is opened.
      const href = el.getAttribute('href') ?? el.getAttribute('data-href');
      if (href !== null && tag === 'a') hrefs.push([el.matches('.pk-exit, .pk-skip'), href]);
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr) || attr === 'style' || attr === 'srcdoc') tags[`@${attr}`] = 1;
    }
    text += host.shadowRoot.textContent;
  }
  const longest = Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  return { tags, hrefs, text, longest, pwned: window.pwned ?? null };
});

async function hostilePage(viewport) {
  const page = await openPage(browser, null, { viewport });
  // No CSP on this page: injected markup would run, so nothing hides a mistake.
  await page.route(`${BASE}/hostile.html`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('dialog', (d) => { warnings.push(`DIALOG ${d.message()}`); d.dismiss(); });
  await page.goto(`${BASE}/hostile.html`);
  assert.equal(await page.evaluate(() => document.querySelector('img, svg') === null), true);
  await page.evaluate((config) => {
    const element = document.querySelector('#api');
    element.setAttribute('lang', '"><img src=x onerror="window.pwned=20">');
    element.setAttribute('region', '<script>window.pwned=21</script>');
    element.setAttribute('mode', '<b>job</b>');
    element.setAttribute('exit-url', 'javascript:window.pwned=22');
    element.config = config;
  }, CONFIG);
  await mounted(page, '#api');
  await mounted(page, '#inline');
  return { page, warnings };
}

function checkInert({ tags, hrefs, text, longest, pwned }) {
  assert.equal(pwned, null, 'nothing ran');
  const unexpected = Object.keys(tags).filter((t) => !ALLOWED_TAGS.has(t));
  assert.deepEqual(unexpected, [], `no injected element or attribute: ${JSON.stringify(tags)}`);
  for (const [exit, href] of hrefs) {
    // The exit links may also be a path on the same site (the partner's exit-url).
    const allowed = exit ? /^(https:\/\/[^\s"<>]+|\/[^/\\\s][^\s"<>]*)$/ : /^(tel:\+?\d+|sms:\+?\d+|mailto:[\w.+-]+@[\w.-]+|https:\/\/[^\s"<>]+)$/;
    assert.match(href, allowed, `link ${href}`);
  }
  assert.ok(!text.includes('\u202E') && !text.includes('\u200F'), 'no bidi override or mark reaches the screen');
  assert.ok(!text.includes('\u0430stra'), 'no look-alike address reaches the screen');
  assert.ok(longest < 1100, `no 10,000-character string reaches the screen (longest word ${longest})`);
}

test('hostile config and attributes: shown as text or refused, never run, never injected', async () => {
  const { page, warnings } = await hostilePage();
  const api = widget(page, '#api');
  // Markup is shown as the characters it is.
  assert.equal(await api.locator('h2.pk-title').textContent(), evil(10));
  assert.equal(await widget(page, '#inline').locator('h2.pk-title').textContent(),
    '<img src=x onerror="window.pwned=\'inline\'"><b>Check</b> </script><script>window.pwned=\'inline2\'</script>');
  assert.equal(await api.locator('.pk').getAttribute('lang'), 'en', 'an unknown lang falls back to English');
  assert.equal(await api.locator('a.pk-exit').getAttribute('href'), 'https://www.wikipedia.org/', 'javascript: exit refused');
  assert.equal(await api.locator('[data-action=start]').textContent(), 'Start', 'a bidi override was refused');
  assert.equal(await api.locator('a.pk-hotline').getAttribute('href'), 'tel:+381111111111', "the partner's hotline");
  assert.equal(await api.locator('.pk-hotline__number').textContent(), '011 111 1111', 'its label, the number dialled');
  checkInert(await census(page));

  // The partner's developer learns exactly what was refused.
  for (const pattern of [/partner-js.*"javascript:window\.pwned=5" is not an https:\/\/ address/, /partner-data.*is not an https:\/\/ address/,
    /partner-spoof.*is not an https:\/\/ address/, /partner-http.*is not an https:\/\/ address/, /partner-quote.*is not an https:\/\/ address/,
    /partner-mail.*is not a plain e-mail address/, /partner-tel.*neither E\.164/, /partner-bidi.*/, /partner-long.*longer than 200/,
    /partner-rlm.*name\.en contains control or bidirectional-override characters/, /partner-display.*display "<b>011<\/b>" is not the number/,
    /partner-homograph.*with an ASCII host/,
    /ui\.start.*bidirectional/, /ui\.exit.*longer than 1000/, /exit-url must start with https:\/\/ or \//]) {
    assert.ok(warnings.some((w) => pattern.test(w)), `${pattern}\n${warnings.join('\n')}`);
  }
  assert.ok(!warnings.some((w) => w.startsWith('DIALOG')), 'no alert ever opened');

  // Through to a result, where the partner's services are listed.
  await start(api);
  await answerAll(api, scenario('child_begging_adult_keeps_money').answers);
  assert.equal(await resultLevel(api), 'serious');
  for (const summary of await api.locator('summary').all()) await summary.click();
  const partner = api.locator('.pk-referral').filter({ hasText: 'window.pwned=2' });
  assert.equal(await partner.count(), 1, 'the markup-named service is listed, as text');
  assert.equal(await partner.locator('.pk-referral__name').textContent(), evil(2));
  assert.deepEqual(await partner.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('data-href'))),
    ['tel:+381111111111', 'https://example.org/a?b=%3Cscript%3E', 'mailto:help@example.org', 'sms:+381111111112']);
  assert.equal(await api.locator('.pk-referral').filter({ hasText: /Service partner-(js|data|spoof|http|quote|mail|tel|display|homograph)/ }).count(), 0, 'refused entries are left out');
  assert.equal(await api.locator('.pk-sos a[href="tel:192"]').count(), 1, 'the emergency number is untouched');
  checkInert(await census(page));
  assert.deepEqual(page.errors, []);
});

test('hostile text at 320px: the layout stays usable, nothing overflows', async () => {
  const { page } = await hostilePage({ width: 320, height: 640 });
  assert.deepEqual(await overflow(page), [], 'intro with a 999-character word');
  const api = widget(page, '#api');
  await start(api);
  await answerAll(api, scenario('child_begging_adult_keeps_money').answers);
  assert.deepEqual(await overflow(page), [], 'result with markup names');
  // The buttons are still there and usable.
  await api.locator('[data-action=restart]').click();
  assert.equal(await api.locator('section.pk-intro').count(), 1);
});
