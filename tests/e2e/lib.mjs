// Shared helpers for the end-to-end tests: one headless Chromium per test
// file, pages served by the test command's server (PUTOKAZ_URL).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';

export const BASE = process.env.PUTOKAZ_URL ?? 'http://127.0.0.1:8391';
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A page for the tests. The widget's shadow root is closed so that host
 * pages cannot read answers; the test harness (not the widget) opens it so
 * Playwright and axe can look inside.
 */
export async function openPage(browser, path = '/', { openShadow = true, viewport } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 800, height: 900 } });
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

/** The first widget on the page, or the one matching `selector`. */
export function widget(page, selector = 'putokaz-screening') {
  return page.locator(selector).first();
}

/** Waits until a widget has mounted (its intro heading shows). */
export async function mounted(page, selector = 'putokaz-screening') {
  await widget(page, selector).locator('.pk-title').first().waitFor();
}

/** Chooses an answer and continues, by mouse. */
export async function answer(w, value) {
  const values = Array.isArray(value) ? value : [value];
  const select = w.locator('select.pk-select');
  if (await select.count()) {
    await select.selectOption(values[0]);
  } else {
    for (const v of values) await w.locator(`input[value="${v}"]`).check();
  }
  await w.locator('button[type=submit]').click();
}

/** The id of the question on screen, or null. */
export async function currentQuestion(w) {
  const form = w.locator('form.pk-question');
  return (await form.count()) ? form.getAttribute('data-question') : null;
}

/**
 * Answers questions from a map until the result shows; questions not in the
 * map get "not_sure". Returns the ids asked, in order.
 */
export async function answerAll(w, answers, { limit = 60 } = {}) {
  const asked = [];
  for (let i = 0; i < limit; i += 1) {
    if (await w.locator('.pk-emergency').count()) {
      await w.locator('[data-action=continue]').click();
      continue;
    }
    const id = await currentQuestion(w);
    if (!id) return asked;
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
