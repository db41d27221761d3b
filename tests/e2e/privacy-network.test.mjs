// PROOF 1: nothing leaves the browser.
//
// Every request is recorded from the first byte of the page to the end of
// complete flows in both modes (both widgets of the demo page: a screening to
// a result, Back, language switches, the print view, clearing, a job-offer
// check to its result), at three levels: Playwright's page and context
// request events, the raw DevTools protocol (Network.requestWillBeSent, which
// also sees beacons, pings and prefetches), and the page's own Resource
// Timing buffer. WebSockets, workers and service workers are watched too.
//
// How it fails if the promise breaks: any request after the widget has
// mounted (a fetch, an XHR, navigator.sendBeacon, an <img src> or <link
// rel=prefetch> added to the DOM, a WebSocket, a Worker) shows up as a URL in
// `after`, as a new Resource Timing entry, or as a websocket/worker event,
// and the assertions list it. Before mount, only the page itself, the
// widget's files (its module, its wasm and the Serbian language pack of the
// default languages, each exactly once; the stylesheet is inside the module)
// and the page's icon may load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, widget, mounted, start, answer, answerAll, complete, resultLevel, scenario, BASE, openSections } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Starts recording every request, websocket and worker of a fresh page. */
async function record(page) {
  const seen = [];
  const note = (source) => (request) => seen.push(`${source} ${request.method()} ${request.url()}`);
  page.on('request', note('page'));
  page.context().on('request', note('context'));
  page.on('websocket', (ws) => seen.push(`websocket ${ws.url()}`));
  page.on('worker', (worker) => seen.push(`worker ${worker.url()}`));
  page.context().on('serviceworker', (worker) => seen.push(`serviceworker ${worker.url()}`));
  page.on('popup', (popup) => seen.push(`popup ${popup.url()}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => seen.push(`cdp ${e.type} ${e.request.method} ${e.request.url}`));
  cdp.on('Network.webSocketCreated', (e) => seen.push(`cdp websocket ${e.url}`));
  return seen;
}

const resources = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${e.initiatorType} ${e.name}`));

/** Everything the page may load before the widget is up: each once, from this origin. */
function checkLoad(seen) {
  const urls = seen.filter((s) => s.startsWith('cdp ')).map((s) => s.split(' ').at(-1));
  const allowed = /^\/(index\.html|exit\.html|job-offer\.html|demo\.css|favicon\.svg|pkg\/putokaz\.js|pkg\/putokaz_bg\.wasm|pkg\/putokaz\.sr-Latn\.txt|pkg\/putokaz\.en\.txt)?$/;
  for (const url of urls) {
    const parsed = new URL(url);
    assert.equal(parsed.origin, BASE, `only this site: ${url}`);
    assert.match(parsed.pathname, allowed, `only the page and the widget's files: ${url}`);
  }
  assert.equal(new Set(urls).size, urls.length, `each file once:\n${urls.join('\n')}`);
  assert.equal(urls.filter((u) => u.endsWith('/pkg/putokaz.js')).length, 1, 'the script once');
  assert.equal(urls.filter((u) => u.endsWith('.wasm')).length, 1, 'the module once');
  assert.equal(urls.filter((u) => u.endsWith('.txt')).length, 2, 'the language packs (Serbian, English country names) once, for both widgets');
  assert.equal(urls.filter((u) => u.endsWith('/putokaz.css')).length, 0, 'no stylesheet request: its text is in the script');
}

test('the demo page: after mount, complete flows in both modes send no request at all', async () => {
  const page = await openPage(browser, null);
  const seen = await record(page);
  await page.goto(`${BASE}/`);
  await mounted(page);
  await mounted(page, 'putokaz-screening[mode="job-offer"]');
  await page.waitForLoadState('networkidle');
  checkLoad(seen);
  const loaded = seen.length;
  const timing = await resources(page);

  // A screening to a serious result, with Back, languages, print view and clearing.
  const w = widget(page);
  await start(w);
  await answer(w, 'yes');
  await w.locator('[data-action=continue]').click();
  await w.locator('select.pk-lang').selectOption('sr-Latn');
  await answerAll(w, scenario('construction_worker_passport_kept').answers);
  assert.equal(await resultLevel(w), 'urgent');
  await w.locator('select.pk-lang').selectOption('sr-Cyrl');
  await openSections(w);
  await w.locator('summary').first().click();
  await w.locator('[data-action=print]').click();
  await w.locator('[data-action=back]').click();
  await w.locator('[data-action=back]').click();
  await w.locator('button[type=submit]').click();
  await w.locator('[data-action=restart]').click();
  await page.keyboard.press('Shift');

  // The job-offer check to its result.
  const job = widget(page, 'putokaz-screening[mode="job-offer"]');
  await start(job);
  await answerAll(job, scenario('job_offer_risky_offer').answers);
  assert.equal(await resultLevel(job), 'serious');

  // And a widget re-made by attribute changes and removal.
  await page.evaluate(() => {
    const element = document.querySelector('putokaz-screening');
    element.setAttribute('mode', 'job-offer');
    element.setAttribute('region', 'DE');
    element.remove();
    document.querySelector('main').append(element);
  });
  await mounted(page);

  await page.waitForLoadState('networkidle');
  assert.deepEqual(seen.slice(loaded), [], 'no request, websocket or worker after mount');
  assert.deepEqual(await resources(page), timing, 'no new entry in the Resource Timing buffer');
  assert.deepEqual(page.errors, []);
});

test('the quick exit is the only navigation, and it carries nothing: no query, no referrer', async () => {
  const page = await openPage(browser, null);
  const seen = await record(page);
  const headers = [];
  page.on('request', (r) => { if (r.url().includes('neutral')) headers.push(r.headers()); });
  await page.goto(`${BASE}/exit.html`);
  await mounted(page);
  await page.waitForLoadState('networkidle');
  const loaded = seen.length;
  const w = widget(page);
  await start(w);
  await answerAll(w, scenario('child_begging_adult_keeps_money').answers);
  await w.locator('a.pk-exit').click();
  await page.waitForURL(`${BASE}/neutral.html`);
  await page.waitForLoadState('networkidle');
  const after = seen.slice(loaded).filter((s) => s.startsWith('cdp '));
  assert.deepEqual(after.map((s) => s.replace(/^cdp \w+ /, '')).filter((s) => !s.endsWith('/favicon.svg')), [`GET ${BASE}/neutral.html`]);
  // The server sends Referrer-Policy: no-referrer; the exit adds nothing of its own either.
  assert.equal(headers[0].referer, undefined);
});

// The host page asks Chromium to prefetch every link on it as soon as it
// appears (document rules, from a Speculation-Rules response header, which
// the recommended CSP allows). Chromium's rules also look inside closed
// shadow roots, so a referral's web address would be fetched the moment the
// result renders: a request that depends on the answers. The widget's web
// links carry no address Chromium can see until the person opens one; the
// host's own link (#away) shows that the rules really run in this browser.
test('speculation rules on the host page prefetch nothing the result shows', async () => {
  const page = await openPage(browser, null);
  const seen = await record(page);
  const rules = {};
  for (const eagerness of ['immediate', 'eager', 'moderate']) {
    rules[eagerness] = { prefetch: [{ source: 'document', where: { not: { href_matches: '/never-*' } }, eagerness }] };
    await page.route(`${BASE}/rules-${eagerness}.json`, (route) => route.fulfill({
      contentType: 'application/speculationrules+json', body: JSON.stringify(rules[eagerness]) }));
  }
  await page.route(`${BASE}/exit.html`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'speculation-rules': Object.keys(rules).map((e) => `"/rules-${e}.json"`).join(', ') };
    await route.fulfill({ response, headers });
  });
  await page.goto(`${BASE}/exit.html`);
  await mounted(page);
  // The host's own link is prefetched: the rules are live.
  for (let i = 0; i < 40 && !seen.some((s) => s.endsWith('/start.html')); i += 1) await page.waitForTimeout(100);
  assert.ok(seen.some((s) => s.startsWith('cdp ') && s.endsWith('/start.html')), `the host's link was prefetched:\n${seen.join('\n')}`);
  const loaded = seen.length;

  const w = widget(page);
  await complete(w, scenario('construction_worker_passport_kept').answers);
  const web = await w.locator('.pk-contact__link').evaluateAll((links) => links
    .map((a) => a.getAttribute('href') ?? a.getAttribute('data-href')).filter((u) => u.startsWith('https:')));
  assert.ok(web.length > 0, 'the result lists web addresses');
  // Hovering over a link (moderate eagerness) does not fetch it either.
  await w.locator('.pk-contact__link[data-href], .pk-contact__link[href^="https:"]').first().hover();
  await page.waitForTimeout(1500);
  // (The host's own links, /start.html and the exit page, may be fetched again.)
  const after = seen.slice(loaded).filter((s) => !/ \S+\/(start|neutral)\.html$/.test(s));
  assert.deepEqual(after, [], `no request after the result rendered (its web links: ${web.join(', ')})`);
});

// The same links stay links: named and announced as links, opened by Enter
// and by a click, with no referrer and no opener.
for (const how of ['Enter', 'click']) {
  test(`a web link of the result opens by ${how}, as a link, with no referrer`, async () => {
    const page = await openPage(browser, '/exit.html');
    await mounted(page);
    const opened = [];
    await page.context().route(/^https:\/\//, (route) => {
      opened.push({ url: route.request().url(), referer: route.request().headers().referer });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>A service</title><p>A service' });
    });
    const w = widget(page);
    await complete(w, scenario('construction_worker_passport_kept').answers);
    // (In the list of every service: the first two are also above it.)
    const list = w.locator('#pk-help');
    const link = list.locator('.pk-contact__link[data-href]').first();
    const [url, name] = await link.evaluate((a) => [a.getAttribute('data-href'), a.textContent]);
    assert.equal(await link.getAttribute('href'), null, 'no address before it is opened');
    assert.equal(await list.getByRole('link', { name, exact: true }).count(), 1, `"${name}" is a link by role and name`);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    if (how === 'Enter') {
      await link.focus();
      await page.keyboard.press('Enter');
    } else {
      await link.click();
    }
    await page.waitForURL(new URL(url).href);
    assert.deepEqual(opened, [{ url: new URL(url).href, referer: undefined }]);
    assert.deepEqual(page.errors, []);
  });
}
