// Putokaz benchmark of the text check (not a test: `node --test` does not
// pick it up, and it never fails on a number).
//
// In headless Chromium at 4× CPU slowdown, on the text-check page
// (tests/e2e/pages/contract-check.html, the module with the check), it
// pastes a Serbian text of 5,000 characters or more with many warning
// signs (the longest Serbian contract of tests/check/corpus.json and an
// exploitative ad after it) and measures, median and slowest of 10, the
// time from sending the form to the result laid out (the work: the check,
// the new screen's DOM, style and layout, forced at once), and to the next
// frame drawn. The target: within 100 ms at 4× CPU slowdown.
//
//   node tests/e2e/bench/check.mjs      (needs PUTOKAZ_URL's server)
//   bash .ci/bench                      (builds, serves, runs all)
//
// Options by environment: PUTOKAZ_URL, CHROMIUM, BENCH_CPU (default 4),
// BENCH_RUNS (default 10).
import { readFileSync } from 'node:fs';
import { launch, openPage, BASE } from '../lib.mjs';

const CPU = Number(process.env.BENCH_CPU ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 100;

const samples = JSON.parse(readFileSync(new URL('../../check/corpus.json', import.meta.url), 'utf8')).samples;
const text = [samples.find((s) => s.id === 'sr-Latn-contract-factory-sk-long-1').text, samples.find((s) => s.id === 'sr-Latn-message-dubai-hostess-1').text].join('\n\n');

// Debian's Chromium, and the harness's open shadow root, as in the tests.
const browser = await launch();
const page = await openPage(browser, '/contract-check.html', { viewport: { width: 400, height: 800 } });
const context = page.context();
const w = page.locator('putokaz-screening');
await w.locator('.pk-title').first().waitFor({ timeout: 30_000 });
await page.waitForLoadState('networkidle');
await w.locator('[data-action=check]').click();
await w.locator('textarea#pk-text').fill(text);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });

/** Sends the text `runs` times; the times to the result laid out and to the next frame drawn, and the signs found. */
function measure(runs) {
  const root = document.querySelector('putokaz-screening').shadowRoot;
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return (async () => {
    const work = [];
    const drawn = [];
    const redraw = [];
    let signs = 0;
    let marks = 0;
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      root.querySelector('form.pk-check').requestSubmit();
      root.querySelector('section.pk-checked').getBoundingClientRect();
      work.push(performance.now() - start);
      signs = root.querySelectorAll('.pk-flag').length;
      marks = root.querySelectorAll('mark').length;
      await painted();
      drawn.push(performance.now() - start);
      // The same screen drawn again, without the check (another script of Serbian).
      const element = document.querySelector('putokaz-screening');
      const again = performance.now();
      element.setAttribute('lang', element.getAttribute('lang') === 'sr-Cyrl' ? 'sr-Latn' : 'sr-Cyrl');
      root.querySelector('section.pk-checked').getBoundingClientRect();
      redraw.push(performance.now() - again);
      await painted();
      // Back to the box ("check another text" keeps the text), for the next run.
      root.querySelector('section.pk-checked [data-action=check]').click();
      await painted();
    }
    return { work, drawn, redraw, signs, marks };
  })();
}

const result = await page.evaluate(measure, RUNS);
await browser.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x) => `${x.toFixed(1)} ms`;
console.log(`\nPutokaz: the text check on ${text.length} characters (${result.signs} warning signs, ${result.marks} marks), ${CPU}× CPU slowdown, ${RUNS} runs, ${BASE}`);
console.log(`  sent -> result laid out (the work)   median ${f(median(result.work))}, slowest ${f(Math.max(...result.work))}`);
console.log(`  sent -> next frame drawn             median ${f(median(result.drawn))}, slowest ${f(Math.max(...result.drawn))}`);
console.log(`  the same screen drawn again, without the check: median ${f(median(result.redraw))}`);
console.log(`  target: within ${TARGET_MS} ms: ${median(result.drawn) <= TARGET_MS ? 'met' : 'NOT met'}`);
