// Shared helpers for the end-to-end tests: one headless Chromium per test
// file, pages served by the test command's server (PUTOKAZ_URL).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

export const BASE = process.env.PUTOKAZ_URL ?? 'http://127.0.0.1:8391';

/**
 * The languages of the build (www/pkg): English, the language of each pack
 * (English's own pack holds its country names; the text check's packs,
 * putokaz.check.<lang>.txt, are no languages), and Serbian Cyrillic, which
 * the Serbian pack gives. So a new pack is tested without editing a test.
 */
export const LANGUAGES = (() => {
  const packs = readdirSync(new URL('../../www/pkg/', import.meta.url)).map((f) => /^putokaz\.(?!check\.)(.+)\.txt$/.exec(f)?.[1]).filter(Boolean);
  return [...new Set(['en', ...packs, ...(packs.includes('sr-Latn') ? ['sr-Cyrl'] : [])])];
})();
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    ...options,
  });
}

/**
 * A page for the tests. The widget's shadow root is closed so that host
 * pages cannot read answers; the test harness (not the widget) opens it so
 * Playwright and axe can look inside.
 */
export async function openPage(browser, path = '/', { openShadow = true, viewport, context: contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 800, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  page.consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
  if (openShadow) {
    await page.addInitScript(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
    });
  }
  if (path !== null) {
    await page.goto(BASE + path);
  }
  return page;
}

/**
 * Opens in `page` a page of the site with one element carrying `attributes`
 * (the fallback number inside it), which the test serves itself; resolves
 * once the widget has mounted.
 */
export async function openElement(page, attributes) {
  await page.route('**/element.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help and advice</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/pkg/putokaz.js"></script></head>
<body><main><h1>Help and advice</h1><putokaz-screening ${attributes}>
<p>If you need help, call ASTRA SOS: <a href="tel:+381117850000">011 785 0000</a>.</p></putokaz-screening></main></body></html>`,
  }));
  await page.goto(`${BASE}/element.html`);
  await mounted(page);
}

/** The first widget on the page, or the one matching `selector`. */
export function widget(page, selector = 'putokaz-screening') {
  return page.locator(selector).first();
}

/** Waits until a widget has mounted (its intro heading shows). */
export async function mounted(page, selector = 'putokaz-screening') {
  try {
    await widget(page, selector).locator('.pk-title').first().waitFor({ timeout: 15_000 });
  } catch (error) {
    // Say why, if the page did: a missing or mismatched build shows here.
    throw new Error(`${selector} did not mount: ${[...(page.consoleErrors ?? []), ...(page.errors ?? []).map(String)].join(' | ') || error.message}`);
  }
}

/** Chooses an answer and continues, by mouse. */
export async function answer(w, value) {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) await w.locator(`input[value="${v}"]`).check();
  await w.locator('button[type=submit]').click();
}

/** The id of the question on screen, or null. */
export async function currentQuestion(w) {
  const form = w.locator('form.pk-question');
  return (await form.count()) ? form.getAttribute('data-question') : null;
}

/**
 * Answers questions from a map until the result shows; questions not in the
 * map get "not_sure". Then opens the result's sections (unless `open` is
 * false), as someone reading it all would. Returns the ids asked, in order.
 */
export async function answerAll(w, answers, { limit = 60, open = true } = {}) {
  const asked = [];
  for (let i = 0; i < limit; i += 1) {
    if (await w.locator('.pk-emergency').count()) {
      await w.locator('[data-action=continue]').click();
      continue;
    }
    const id = await currentQuestion(w);
    if (!id) {
      if (open) await openSections(w);
      return asked;
    }
    asked.push(id);
    await answer(w, answers[id] ?? 'not_sure');
  }
  throw new Error(`no result after ${limit} steps: ${asked.join(', ')}`);
}

const require = createRequire(import.meta.url);
export const AXE_SOURCE = require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (including open shadow roots); returns its violations. */
export async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  });
}

/** A realistic answer set from tests/scenarios/. */
export function scenario(name) {
  return JSON.parse(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8'));
}

/** Presses Start on a mounted widget's intro. */
export async function start(w) {
  await w.locator('[data-action=start]').click();
  await w.locator('form.pk-question').waitFor();
}

/** Starts and answers a scenario to its result (its sections opened); returns the level shown. */
export async function complete(w, answers) {
  await start(w);
  await answerAll(w, answers);
  return resultLevel(w);
}

/** Opens every closed section of a result ("What we noticed", the steps, the services), by click. */
export async function openSections(w) {
  // (The first closed one each time: an opened one no longer matches.)
  const closed = w.locator('section.pk-result .pk-disclosure:not([data-discreet]) > .pk-h3 > button.pk-toggle[aria-expanded=false]');
  while (await closed.count()) await closed.first().click();
}

/** The level of the result on screen (`urgent`, `serious`, `some`, `none_reported`). */
export async function resultLevel(w) {
  const result = w.locator('section.pk-result');
  await result.waitFor();
  const match = /pk-result--(\w+)/.exec(await result.getAttribute('class'));
  return match?.[1];
}

/**
 * Everything a script could read on the page: the text of the document and
 * of every shadow root the harness could open, and the state of every form
 * control. Used to prove that answers are gone.
 */
export async function everything(page) {
  return page.evaluate(() => {
    const parts = [document.title, location.href, String(history.state)];
    const walk = (root) => {
      parts.push(root.textContent ?? '');
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.matches('input:checked')) parts.push(`[checked ${el.value}]`);
        if (el.matches('select') && el.value) parts.push(`[selected ${el.value}]`);
        if (el.matches('[data-question]')) parts.push(`[question ${el.getAttribute('data-question')}]`);
      }
    };
    walk(document);
    return parts.join('\n');
  });
}

/**
 * Elements that stick out sideways past the viewport (in the document and in
 * open shadow roots), and whether the page scrolls sideways. Visually hidden
 * elements (1px, or clipped, like the skip link until it has focus) are ignored.
 */
export async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).clipPath !== 'none') continue;
        if (box.right > width + 0.5 || box.left < -0.5) {
          out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
        }
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
          out.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways`);
        }
      }
    };
    walk(document);
    return out;
  });
}

/** The element that has focus, looking through open shadow roots. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      value: el.value ?? null,
      action: el.getAttribute('data-action'),
      className: el.className,
      checked: el.checked ?? null,
      text: (el.textContent ?? '').trim().slice(0, 300),
    };
  });
}

/**
 * Records what the page looks like in the moment after a quick exit starts
 * and before the neutral page arrives (the exit-url's request is held until
 * `release()`). Call before navigating to the widget's page; then
 * `await snapshot` after triggering the exit. Page scripts cannot be
 * evaluated while a navigation is pending, so the page reports itself
 * through the console: when a navigation starts (beforeunload), right after
 * the click or key that started it has been handled.
 */
export async function watchExit(page, exitPath = '**/neutral.html') {
  await page.addInitScript(() => {
    addEventListener('beforeunload', () => setTimeout(() => {
      if (!document.querySelector('putokaz-screening')) return; // leaving another page
      const parts = [];
      const walk = (root) => {
        parts.push(root.textContent ?? '');
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el.matches('input:checked')) parts.push(`[checked ${el.value}]`);
          if (el.matches('select') && el.value) parts.push(`[selected ${el.value}]`);
        }
      };
      walk(document);
      const widgets = [...document.querySelectorAll('putokaz-screening')].map((el) => el.shadowRoot?.textContent ?? null);
      // What shows on a 5×5 grid over the window: the host page's elements,
      // or the widget (its cover, seen from outside), or nothing (hidden).
      const seen = new Set();
      for (let i = 0; i < 5; i += 1) {
        for (let j = 0; j < 5; j += 1) {
          const at = document.elementFromPoint((innerWidth * (i + 0.5)) / 5, (innerHeight * (j + 0.5)) / 5);
          seen.add(at === null || at === document.documentElement ? 'nothing' : at.localName === 'putokaz-screening' ? 'widget' : 'page');
        }
      }
      // Covered: only the widget's cover, or (the old way) a hidden page.
      const covered = !seen.has('page') && (seen.has('widget') || document.body.hidden || getComputedStyle(document.body).display === 'none');
      console.log(`PUTOKAZ-EXIT ${JSON.stringify({ path: location.pathname, covered, widgets, text: parts.join('\n') })}`);
    }, 0), true);
  });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(exitPath, async (route) => { await held; await route.continue(); });
  const snapshot = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('PUTOKAZ-EXIT '), timeout: 10_000 })
    .then((m) => JSON.parse(m.text().slice('PUTOKAZ-EXIT '.length)));
  snapshot.catch(() => {}); // a test that fails before the exit must not also leave a stray rejection
  return { snapshot, release };
}

/**
 * What a screen reader gets, through the browser's accessibility tree (the
 * DevTools protocol): it sees into closed shadow roots, which page scripts
 * and Playwright selectors cannot. For tests that keep the real closed root.
 */
export async function screenReader(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const nodes = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored);
  const prop = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
  const view = (n) => n && { role: n.role?.value, name: n.name?.value ?? '', value: n.value?.value ?? null, checked: prop(n, 'checked') ?? null };
  return {
    /** The focused control (not the page itself). */
    async focused() {
      return view((await nodes()).filter((n) => prop(n, 'focused') && n.role?.value !== 'RootWebArea').at(-1));
    },
    /** Every node, as { role, name, value, checked }. */
    async all() {
      return (await nodes()).map(view);
    },
    async find(role, name) {
      return (await nodes()).map(view).filter((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
    },
  };
}

/**
 * The elements inside every widget's shadow root, closed or not, through the
 * DevTools protocol's DOM (as an inspector sees them): tag, attributes, text.
 */
export async function closedDom(page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.detach();
  const out = [];
  const walk = (node, inside) => {
    if (inside && node.nodeType === 1) {
      const attributes = {};
      for (let i = 0; i < (node.attributes ?? []).length; i += 2) attributes[node.attributes[i]] = node.attributes[i + 1];
      out.push({ tag: node.nodeName.toLowerCase(), attributes, id: node.backendNodeId });
    }
    if (inside && node.nodeType === 3) out.push({ text: node.nodeValue });
    for (const child of node.children ?? []) walk(child, inside);
    for (const shadow of node.shadowRoots ?? []) walk(shadow, inside || node.nodeName === 'PUTOKAZ-SCREENING');
  };
  walk(root, false);
  return out;
}

/** The border box of an element found by closedDom(), in CSS pixels. */
export async function closedBox(page, backendNodeId) {
  const cdp = await page.context().newCDPSession(page);
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
  await cdp.detach();
  return { width: model.width, height: model.height };
}
