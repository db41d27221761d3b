// Putokaz benchmark (not a test: `node --test` does not pick it up).
//
// In headless Chromium with the CPU slowed and a slow network (no cache), in
// one of two profiles:
//   - default: 4× CPU slowdown, 400 kbit/s down and up, 400 ms round trip,
//     files served as they are (no compression);
//   - phone (BENCH_PROFILE=phone): 4× CPU slowdown, 1.6 Mbit/s down and up,
//     150 ms round trip, files served with brotli (`serve --compressed`, as
//     `bash .ci/bench` does for this profile),
// it measures:
//   - bytes transferred (encoded, as they crossed the wire) for everything
//     the widget loads, file by file;
//   - when the wasm module's request starts (after how many sequential
//     round trips the big download begins);
//   - the time from navigation to the intro visible, and to the first
//     question visible when Start is pressed as soon as the intro shows;
//   - the time from an answer (a click on Continue) to the next question
//     visible: the median of up to 20 (the "not sure" path ends sooner). "Visible" waits for the browser's next
//     frame, so at 60 frames a second it is never below about 16.7 ms and
//     jumps by a frame when the work does not fit; the work alone (the click
//     handler, then style and layout of the new screen, forced at once) is
//     printed beside it.
// It also prints each file's size gzipped (the test server sends no gzip; a
// partner's server usually does), against the budget of .ci/size.
//
//   node tests/e2e/bench/run.mjs            (needs PUTOKAZ_URL's server)
//   bash .ci/bench                          (builds, serves, runs)
//
// Options by environment: PUTOKAZ_URL, CHROMIUM, BENCH_PROFILE (default or
// phone), BENCH_RUNS (default 3), BENCH_WWW (the served folder, default
// www/), BENCH_PRELOAD=1 (the page carries the preload hint of README.md's
// embed snippet for the wasm module, with its integrity hash), and to change
// one number of the profile:
// BENCH_CPU, BENCH_KBPS, BENCH_RTT_MS.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = process.env.PUTOKAZ_URL ?? 'http://127.0.0.1:8391';
const PROFILES = {
  default: { cpu: 4, kbps: 400, rttMs: 400, encoding: null },
  phone: { cpu: 4, kbps: 1600, rttMs: 150, encoding: 'br' },
};
const PROFILE_NAME = process.env.BENCH_PROFILE || 'default';
const PROFILE = PROFILES[PROFILE_NAME];
if (!PROFILE) throw new Error(`BENCH_PROFILE: ${PROFILE_NAME}? (${Object.keys(PROFILES).join(', ')})`);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CPU = Number(process.env.BENCH_CPU ?? PROFILE.cpu);
const KBPS = Number(process.env.BENCH_KBPS ?? PROFILE.kbps);
const RTT = Number(process.env.BENCH_RTT_MS ?? PROFILE.rttMs);
const PRELOAD = process.env.BENCH_PRELOAD === '1';
const ANSWERS = 20;
// The budget is the one `.ci/size` enforces, read from it, so the two cannot drift.
const SIZE_SCRIPT = readFileSync(fileURLToPath(new URL('../../../.ci/size', import.meta.url)), 'utf8');
const BUDGET_KB = SIZE_SCRIPT.match(/^budget=\$\(\((\d+) \* 1024\)\)$/m);
if (!BUDGET_KB) throw new Error('.ci/size: no line budget=$((N * 1024))');
const BUDGET = Number(BUDGET_KB[1]) * 1024;
// The served folder, for the files' own sizes (BENCH_WWW when the server serves another).
const WWW = process.env.BENCH_WWW ?? fileURLToPath(new URL('../../../www/', import.meta.url));
const WIDGET_FILE = /\/(putokaz\.js|putokaz\.css|pkg\/[^/]+)$/;
const WASM_FILE = /\.wasm$/;

/**
 * Runs in the page before anything else: opens the shadow root for the
 * harness (as the e2e tests do), and times the widget from inside the page,
 * so no DevTools round trip is counted. "Visible" means the frame after the
 * change was painted (a requestAnimationFrame, then a task).
 */
function instrument(answers) {
  const marks = { answers: [], work: [] };
  window.benchMarks = marks;
  const painted = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    if (this.id !== 'bench') return root;
    const observer = new MutationObserver(() => {
      if (marks.intro === undefined && root.querySelector('.pk-intro')) {
        marks.introSeen = performance.now();
        observer.disconnect();
        painted(() => {
          marks.intro = performance.now();
          const started = performance.now();
          root.querySelector('[data-action=start]').click();
          if (!root.querySelector('form.pk-question')) { marks.error = 'Start did not show a question'; return; }
          painted(() => {
            marks.start = performance.now() - started;
            marks.firstQuestion = performance.now();
            answerNext(root, 0);
          });
        });
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
  // Answers "Not sure" (the path that asks the most questions), timing each
  // Continue click until the next question has been painted.
  function answerNext(root, n) {
    if (n >= answers) { marks.done = true; return; }
    const form = root.querySelector('form.pk-question');
    if (!form) { marks.error = `no question after ${n} answers`; return; }
    const before = form.getAttribute('data-question');
    const select = form.querySelector('select');
    if (select) select.value = 'not_sure';
    else form.querySelector('input[value=not_sure]').checked = true;
    const t0 = performance.now();
    form.querySelector('button[type=submit]').click();
    const next = root.querySelector('form.pk-question');
    // The last answer shows the result: the answers before it are the sample.
    if (!next && n >= 10) { marks.done = true; return; }
    if (!next || next.getAttribute('data-question') === before) { marks.error = `answer ${n} did not move on`; return; }
    // The work itself: the click handler, then the style and layout of the
    // new screen, forced here so that waiting for the next frame is not in it.
    next.getBoundingClientRect();
    marks.work.push(performance.now() - t0);
    painted(() => {
      marks.answers.push(performance.now() - t0);
      answerNext(root, n + 1);
    });
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function run(browser, page) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const tab = await context.newPage();
  await tab.addInitScript(instrument, ANSWERS);
  if (PRELOAD) {
    // The page as README.md's embed snippet has it: the wasm module preloaded, with its hash.
    const integrity = `sha256-${createHash('sha256').update(readFileSync(`${WWW}/pkg/putokaz_bg.wasm`)).digest('base64')}`;
    const hint = `<link rel="preload" href="/pkg/putokaz_bg.wasm" as="fetch" crossorigin integrity="${integrity}">`;
    await tab.route(`**/${page}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<script', `${hint}\n  <script`) });
    });
  }
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: RTT, downloadThroughput: (KBPS * 1000) / 8, uploadThroughput: (KBPS * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  const urls = new Map();
  const bytes = new Map();
  const encodings = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    encodings.set(e.response.url, headers['content-encoding'] ?? 'none');
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url) bytes.set(url, (bytes.get(url) ?? 0) + e.encodedDataLength);
  });
  await tab.goto(`${BASE}/${page}`, { waitUntil: 'commit' });
  await tab.waitForFunction(() => window.benchMarks?.done || window.benchMarks?.error, null, { timeout: 300_000, polling: 250 });
  const marks = await tab.evaluate((wasm) => ({
    ...window.benchMarks,
    // When the module's request started, and every resource's start and end, from the page's own timeline.
    wasmStart: performance.getEntriesByType('resource').find((e) => new RegExp(wasm).test(e.name))?.startTime,
    waterfall: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd]),
  }), WASM_FILE.source);
  if (marks.error) throw new Error(marks.error);
  await context.close();
  const ours = (url) => WIDGET_FILE.test(new URL(url).pathname);
  const files = [...bytes].filter(([url]) => ours(url)).map(([url, n]) => [new URL(url).pathname.slice(1), n, encodings.get(url)]);
  return { marks, files };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const results = [];
for (let i = 0; i < RUNS; i += 1) {
  results.push(await run(browser, 'bench.html'));
  process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
}
await browser.close();

// Bytes on the wire, per file (the same in every run).
const wire = new Map(results[0].files.map(([file, n]) => [file, n]));
const encoding = new Map(results[0].files.map(([file, , e]) => [file, e]));
const served = [...wire.keys()];
if (PROFILE.encoding && served.some((file) => encoding.get(file) !== PROFILE.encoding)) {
  throw new Error(`the ${PROFILE_NAME} profile needs every file sent with ${PROFILE.encoding}: ${[...encoding].join(', ')} (serve --compressed, after bash .ci/build)`);
}
console.log(`\nPutokaz benchmark, ${PROFILE_NAME} profile: ${CPU}× CPU slowdown, ${KBPS} kbit/s, ${RTT} ms RTT, cold cache, ${RUNS} runs, ${BASE}${PRELOAD ? ', wasm preloaded by the page' : ''}\n`);
console.log(`file                          on the wire (${PROFILE.encoding ?? 'none'})    raw file     gzip -9`);
let wireTotal = 0; let rawTotal = 0; let gzTotal = 0;
for (const file of served) {
  const content = readFileSync(`${WWW}/${file}`);
  // The same measure as .ci/size (GNU gzip -9), so the two never disagree.
  const gz = execFileSync('gzip', ['-9', '-c', `${WWW}/${file}`], { maxBuffer: 1 << 26 }).length;
  wireTotal += wire.get(file); rawTotal += content.length; gzTotal += gz;
  console.log(`${file.padEnd(28)} ${String(wire.get(file)).padStart(12)} ${String(content.length).padStart(11)} ${String(gz).padStart(11)}`);
}
console.log(`${'total'.padEnd(28)} ${String(wireTotal).padStart(12)} ${String(rawTotal).padStart(11)} ${String(gzTotal).padStart(11)}`);
console.log(`(on the wire = encoded bytes incl. headers, content encoding: ${[...new Set(encoding.values())].join(', ')}; budget ${BUDGET} bytes gzipped: ${gzTotal <= BUDGET ? 'within' : `OVER by ${gzTotal - BUDGET}`})\n`);
console.log('first run, from navigation: file starts → ends');
for (const [path, startTime, end] of results[0].marks.waterfall) console.log(`  ${path.padEnd(36)} ${ms(startTime).padStart(8)} → ${ms(end).padStart(8)}`);
console.log('');

const column = (f) => results.map((r) => f(r.marks));
const rows = [
  ['navigation → wasm request starts', column((m) => m.wasmStart)],
  ['navigation → intro visible', column((m) => m.intro)],
  ['navigation → first question visible', column((m) => m.firstQuestion)],
  ['Start → first question visible', column((m) => m.start)],
  [`answer → next question (median)`, column((m) => median(m.answers))],
  [`answer → next question (slowest)`, column((m) => Math.max(...m.answers))],
  [`answer → next question laid out, no frame wait (median)`, column((m) => median(m.work))],
];
console.log(`${'measure'.padEnd(44)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}`);
for (const [name, xs] of rows) {
  console.log(`${name.padEnd(44)} ${ms(median(xs)).padStart(9)} ${ms(Math.min(...xs)).padStart(9)} ${ms(Math.max(...xs)).padStart(9)}`);
}
console.log(`\nnavigation → intro visible, each run: ${column((m) => m.intro).map((x) => x.toFixed(0)).join(', ')} ms`);
console.log(`answer → next question, median of each run: ${column((m) => median(m.answers)).map((x) => x.toFixed(1)).join(', ')} ms`);
console.log(`answer → laid out, median of each run: ${column((m) => median(m.work)).map((x) => x.toFixed(1)).join(', ')} ms`);
console.log(`\n(${kb(gzTotal)} gzipped would take about ${ms(((gzTotal * 8) / (KBPS * 1000)) * 1000 + RTT * 3)} to arrive on this link.)`);
