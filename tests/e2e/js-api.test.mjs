// The JS API of pkg/putokaz.js, as www/putokaz.d.ts declares it, for sites
// that build their own pages: load, getQuestions, assessAnswers and
// validateConfig, and nothing else. The wasm-bindgen glue inside the module
// (mount, Widget, the module's memory) is not exported.
//
// How it fails if the promise breaks: a build that leaves a glue export in
// the module, or drops or renames an API function, changes the list of
// exports; a broken glue or loader makes the calls throw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the module exports the JS API only, and each function works', async () => {
  const page = await openPage(browser, '/start.html');
  const got = await page.evaluate(async () => {
    const api = await import('/pkg/putokaz.js');
    const questions = await api.getQuestions('en', 'screening');
    const result = await api.assessAnswers('en', { answers: { danger_now: 'yes' } });
    return {
      exports: Object.keys(api).sort(),
      lang: questions.lang,
      count: questions.questions.length,
      level: result.level,
      fine: await api.validateConfig({}),
      problems: await api.validateConfig('{"referrals": 5}'),
      loaded: (await api.load()) !== undefined,
    };
  });
  assert.deepEqual(got.exports, ['assessAnswers', 'getQuestions', 'load', 'validateConfig']);
  assert.equal(got.lang, 'en');
  assert.ok(got.count > 10, `${got.count} questions`);
  assert.equal(got.level, 'urgent');
  assert.deepEqual(got.fine, []);
  assert.ok(got.problems.length > 0, 'a broken config has problems');
  assert.ok(got.loaded);
  assert.deepEqual(page.errors, []);
});
