// Language packs: English is in the module; every other language is a file
// of its own, fetched with its integrity hash as the element is connected
// (never when the person chooses), once per page. An element offers the
// languages of its `langs` attribute; a pack that fails to load only leaves
// its language out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, openElement, widget, start } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A page of the site with one element carrying these attributes. */
async function pageWith(attributes, { routePack } = {}) {
  const page = await openPage(browser, null);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  page.warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') page.warnings.push(message.text()); });
  if (routePack) await page.route('**/pkg/putokaz.sr-Latn.txt', routePack);
  await openElement(page, attributes);
  await page.waitForLoadState('networkidle');
  return { page, requested, w: widget(page) };
}

const switcher = (w) => w.locator('select.pk-lang option').evaluateAll((options) => options.map((o) => o.value));

test('the languages a page names, and no request when the person switches', async () => {
  const { page, requested, w } = await pageWith('lang="sr-Latn" langs="sr-Latn en" region="RS"');
  assert.deepEqual(await switcher(w), ['sr-Latn', 'en'], 'only the languages named, in their order, though the pack also gives Cyrillic');
  assert.equal(requested.filter((p) => p === '/pkg/putokaz.sr-Latn.txt').length, 1, 'the pack, once, at load');
  assert.equal(await w.locator('h2.pk-title').textContent(), 'Proverite svoju situaciju');
  const before = requested.length;
  await w.locator('select.pk-lang').selectOption('en');
  await start(w);
  await w.locator('select.pk-lang').selectOption('sr-Latn');
  assert.equal(await w.locator('legend h2').count(), 1);
  assert.match(await w.locator('legend h2').textContent(), /opasnosti/);
  assert.deepEqual(requested.slice(before), [], 'switching asks for nothing');
  assert.deepEqual(page.errors, []);
});

test('a page that offers English only asks for English\'s pack alone (its country names and notes)', async () => {
  const { page, requested, w } = await pageWith('lang="en" langs="en" region="RS"');
  // (The module carries English but its country names, a pack of their own.)
  assert.deepEqual(requested.filter((p) => p.endsWith('.txt')), ['/pkg/putokaz.en.txt']);
  assert.deepEqual(await switcher(w), [], 'one language: no switcher');
  assert.deepEqual(page.errors, []);
});

for (const [how, routePack] of [
  ['is missing', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['was changed on the server (integrity)', async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: (await response.text()).replace('Srpski', 'Srbski') });
  }],
]) {
  test(`a pack that ${how} leaves its languages out, and the widget works in English`, async () => {
    const { page, w } = await pageWith('lang="sr-Latn" region="RS"', { routePack });
    assert.deepEqual(await switcher(w), [], 'English alone: no switcher');
    assert.equal(await w.locator('h2.pk-title').textContent(), 'Check your situation');
    await start(w);
    assert.equal(await w.locator('legend h2').count(), 1);
    assert.ok(page.warnings.some((m) => m.includes('putokaz.sr-Latn.txt could not be loaded')), page.warnings.join(' | '));
    assert.deepEqual(page.errors, []);
  });
}

test('the JS API loads the pack of the language it is asked for', async () => {
  const { page } = await pageWith('lang="en" langs="en" region="RS"');
  const title = await page.evaluate(async () => {
    const { getQuestions } = await import('/pkg/putokaz.js');
    return (await getQuestions('sr-Cyrl')).questions[0].text;
  });
  assert.match(title, /[\u0400-\u04FF]/);
  assert.deepEqual(page.errors, []);
});
