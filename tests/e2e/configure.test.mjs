// The partner configurator, www/configure.html: a partner who cannot write
// JSON configures the widget in a form and copies the finished code.
//
// Checked here, as a partner would notice it:
// - the page passes axe, at first and with errors shown;
// - a whole configuration (two languages, a region, the job-offer check, an
//   exit page, colours, a service added and made the main hotline, one
//   hidden) has no problems, the preview shows it, and the code loads
//   putokaz-check.js with the right attributes; the copied code, pasted into
//   a fresh page under the strict Content Security Policy with the widget's
//   files from PUTOKAZ_PACKAGE_DIR, shows the same widget; the downloaded
//   JSON is the config;
// - colours that are hard to read (#777 on #888) are refused, with the
//   pair and its ratio, and the code is not changed;
// - a service with letters in its phone number shows validateConfig's
//   problem, and the code is not changed;
// - not one CSP violation on any page;
// - www/referrals.json is what src/data/referrals/ gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, widget, mounted, start, answerAll, axe, BASE } from './lib.mjs';

const PACKAGE = process.env.PUTOKAZ_PACKAGE_DIR;
const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let browser;
before(async () => {
  assert.ok(PACKAGE, 'PUTOKAZ_PACKAGE_DIR must name the folder of the served widget files (www/pkg after a build)');
  assert.ok(readdirSync(PACKAGE).includes('putokaz-check.js'), `${PACKAGE} has no putokaz-check.js: run bash .ci/build`);
  browser = await launch();
});
after(async () => { await browser?.close(); });

/** Records every CSP violation of the context's pages, from their first script on. */
async function watch(context) {
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`.trim()), true);
  });
}
const violations = (page) => page.evaluate(() => window.violations);

/** The configurator, loaded, checked once and with its preview mounted. */
async function configurator(options = {}) {
  const page = await openPage(browser, null, { viewport: { width: 1280, height: 900 }, ...options });
  await watch(page.context());
  const response = await page.goto(`${BASE}/configure.html`);
  assert.equal(response.headers()['content-security-policy'], POLICY, 'the page is served under the strict policy');
  await idle(page);
  await mounted(page, '#preview');
  return page;
}

/** Waits until the check of the latest change has been shown. */
async function idle(page) {
  await page.locator('#status:not(:empty)').waitFor();
  await page.waitForFunction(() => {
    const status = document.getElementById('status');
    // The status is said after a pause; the problem list and the buttons are set at once.
    const problems = document.querySelectorAll('#problems li').length;
    return status.textContent !== '' && (problems === 0) === /^No problems/.test(status.textContent);
  });
}

const problems = (page) => page.locator('#problems li').allTextContents();
const snippet = (page) => page.locator('#snippet').inputValue();

/** The languages a widget's language menu offers, by tag (in the widget's own order, sorted here). */
const offered = (w) => w.locator('select.pk-lang option').evaluateAll((options) => options.map((o) => o.value).sort());

async function addService(page, fields) {
  for (const [id, value] of Object.entries(fields.text)) await page.fill(`#${id}`, value);
  for (const service of fields.services) await page.check(`#entry-service-${service}`);
  await page.locator('#entry-save').click();
}

const ORG = {
  text: {
    'entry-id': 'org-help',
    'entry-name-original': 'Org pomoć',
    'entry-name-en': 'Org Help',
    'entry-country': 'RS',
    'entry-phone': '+381111234567',
    'entry-phone-display': '011 123 4567',
    'entry-web': 'https://help.example.org',
    'entry-sources': 'https://help.example.org/about',
    'entry-verified': '2026-11',
    'entry-source-date': 'confirmed by phone, 3 Nov 2026',
    'entry-notes': 'Our own line.',
  },
  services: ['trafficking_identification', 'job_offer_check'],
};

test('referrals.json is what src/data/referrals/ gives', () => {
  // Fails when the directory changed and the file was not written again.
  execFileSync('node', [new URL('../../tools/configure/referrals.mjs', import.meta.url).pathname, '--check'], { stdio: 'pipe' });
});

test('hard-to-read colours are refused with the pair and its ratio; axe finds nothing, with and without errors', async () => {
  const page = await configurator();
  assert.deepEqual(await axe(page), []);
  const before = await snippet(page);
  assert.match(before, /<putokaz-screening lang="sr-Latn"/);

  await page.fill('#colour-text', '#777');
  await page.fill('#colour-background', '#888');
  await idle(page);
  // WCAG 2.x: #777777 has a relative luminance of 0.1845, #888888 of 0.2462: (0.2962) / (0.2345) = 1.26.
  const error = page.locator('#colour-text-error');
  assert.match(await error.textContent(), /Text on the background has a contrast of 1\.26:1, below the 4\.5:1/);
  assert.match((await page.locator('#colour-text').getAttribute('aria-describedby')).split(' ').join(), /colour-text-error/);
  assert.equal(await page.locator('#colour-text').getAttribute('aria-invalid'), 'true');
  assert.ok((await problems(page)).some((p) => /1\.26:1/.test(p)), 'the problem is listed beside the form');
  // The other pairs read on that background fail too (links, errors, secondary text, borders).
  assert.match(await page.locator('#status').textContent(), /^\d+ problems to fix: the preview and the code were not changed/);
  const colourProblems = (await problems(page)).length;
  assert.equal(await snippet(page), before, 'the code is not changed');
  assert.equal(await page.locator('#copy').isDisabled(), true, 'nothing to copy');
  // A bad exit address too, so both kinds of error are on screen for axe.
  await page.fill('#exit-url', 'http://example.org');
  await idle(page);
  assert.equal((await problems(page)).length, colourProblems + 1);
  assert.deepEqual(await axe(page), []);

  await page.fill('#colour-background', '#ffffff');
  await page.fill('#exit-url', '');
  // #777 on white is 4.478:1, just below (shown rounded down, so it never reads as a pass).
  await idle(page);
  assert.deepEqual(await problems(page), ['Text on the background has a contrast of 4.47:1, below the 4.5:1 it needs.']);
  await page.fill('#colour-text', '#767676');
  await idle(page);
  assert.deepEqual(await problems(page), []);
  assert.equal(await page.locator('#colour-text-error').isHidden(), true);
  assert.equal(await page.locator('#copy').isDisabled(), false);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test("a service with letters in its phone number: validateConfig's problem is shown and the code is not changed", async () => {
  const page = await configurator();
  const before = await snippet(page);
  await addService(page, { ...ORG, text: { ...ORG.text, 'entry-phone': '+381 11 abc', 'entry-phone-display': '' } });
  await idle(page);
  const listed = await problems(page);
  assert.ok(listed.some((p) => /entry "org-help": contacts\[0\]: "\+381 11 abc" is neither E\.164/.test(p)), listed.join('\n'));
  // The problem leads to the service in the list.
  assert.equal(await page.locator('#problems a[href="#ref-add-org-help"]').count() > 0, true);
  assert.equal(await snippet(page), before, 'the code is not changed');
  assert.doesNotMatch(await snippet(page), /org-help/);
  assert.equal(await page.locator('#snippet-stale').isVisible(), true);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await violations(page), []);
});

test('a whole configuration: preview, code, copy, download, and the code pasted into a fresh page under the strict CSP', async () => {
  const page = await configurator({ context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await page.uncheck('#lang-sr-Cyrl');
  await page.selectOption('#first-lang', 'sr-Latn');
  await page.selectOption('#region', 'RS');
  await page.check('#mode-job-offer');
  await page.fill('#exit-url', 'https://www.example.org/weather');
  await page.fill('#colour-accent', '#00594f');
  await page.fill('#colour-exit', '#8b0000');
  await addService(page, ORG);
  await page.fill('#hide-id', 'rs-atina');
  await page.locator('#hide-button').click();
  await page.selectOption('#hotline', 'org-help');
  await idle(page);
  assert.deepEqual(await problems(page), []);

  // The preview: the two languages, the added service as the main hotline.
  const preview = widget(page, '#preview');
  await page.waitForFunction(() => document.getElementById('preview').getAttribute('mode') === 'job-offer');
  await mounted(page, '#preview');
  await page.waitForFunction(() => document.getElementById('preview').shadowRoot.textContent.includes('011 123 4567'));
  assert.deepEqual(await offered(preview), ['en', 'sr-Latn']);
  assert.equal(await preview.locator('[data-action=start]').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 89, 79)');

  // The code.
  const code = await snippet(page);
  assert.match(code, /^<script type="module" src="\/putokaz\/putokaz-check\.js"><\/script>\n/);
  assert.match(code, /<putokaz-screening lang="sr-Latn" langs="en sr-Latn" region="RS" mode="job-offer" exit-url="https:\/\/www\.example\.org\/weather">/);
  assert.match(code, /<p>ASTRA SOS: <a href="tel:\+381117850000">011 785 0000<\/a><\/p>/);
  const json = JSON.parse(/<script type="application\/json">([\s\S]*?)<\/script>/.exec(code)[1]);
  assert.equal(json.hotline, 'org-help');
  assert.deepEqual(json.referrals.hide, ['rs-atina']);
  assert.equal(json.referrals.add[0].contacts[0].number, '+381111234567');
  const style = await page.locator('#css-snippet').inputValue();
  assert.equal(style, 'putokaz-screening {\n  --putokaz-accent: #00594f;\n  --putokaz-exit: #8b0000;\n}\n');

  // Copy and download.
  await page.locator('#copy').click();
  await page.locator('#copy-status', { hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  assert.equal(download.suggestedFilename(), 'putokaz-config.json');
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), json);

  // The preview's result lists the added service and not the hidden one.
  await start(preview);
  await answerAll(preview, {});
  const result = preview.locator('section.pk-result');
  await result.waitFor();
  const shown = await result.textContent();
  assert.match(shown, /Org Help/);
  assert.doesNotMatch(shown, /Atina/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);

  // The code pasted into a fresh page of the same site, under the strict
  // CSP, with the widget's files at /putokaz/ and the colours in a stylesheet.
  const fresh = await openPage(browser, null);
  await watch(fresh.context());
  const types = { js: 'text/javascript', wasm: 'application/wasm', txt: 'text/plain; charset=utf-8' };
  const headers = (type) => ({ 'content-type': type, 'content-security-policy': POLICY, 'referrer-policy': 'no-referrer' });
  await fresh.route(`${BASE}/putokaz/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice('/putokaz/'.length);
    if (!/^[\w.-]+$/.test(name)) return route.fulfill({ status: 404 });
    return route.fulfill({ body: readFileSync(join(PACKAGE, name)), headers: headers(types[name.split('.').pop()]) });
  });
  await fresh.route(`${BASE}/partner.css`, (route) => route.fulfill({ body: style, headers: headers('text/css') }));
  await fresh.route(`${BASE}/partner.html`, (route) => route.fulfill({
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title><link rel="stylesheet" href="/partner.css"></head><body><main>\n${code}</main></body></html>`,
    headers: headers('text/html; charset=utf-8'),
  }));
  await fresh.goto(`${BASE}/partner.html`);
  await mounted(fresh);
  const pasted = widget(fresh);
  assert.deepEqual(await offered(pasted), ['en', 'sr-Latn']);
  assert.match(await pasted.locator('.pk-hotline').first().textContent(), /011 123 4567/);
  assert.equal(await pasted.locator('[data-action=start]').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 89, 79)');
  assert.equal(await pasted.locator('[data-action=check]').count(), 1, 'the job-offer check offers the text check');
  await start(pasted);
  await answerAll(pasted, {});
  const again = await pasted.locator('section.pk-result').textContent();
  assert.match(again, /Org Help/);
  assert.doesNotMatch(again, /Atina/);
  assert.deepEqual(await violations(fresh), []);
  assert.deepEqual(fresh.errors, []);
  assert.deepEqual(fresh.consoleErrors, []);
  await fresh.context().close();
});
