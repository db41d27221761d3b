// Putokaz loader: defines <putokaz-screening>, loads the WebAssembly module
// once per page, and mounts each element into its own closed shadow root.
//
// This is not served as it is: .ci/build joins wasm-bindgen's glue (which
// defines __wbg_init, mount, questions, assess and validate), two constants
// (WASM_INTEGRITY, the Subresource Integrity hash of the wasm module, and
// STYLES, the text of putokaz.css) and this file into one module,
// pkg/putokaz.js. So the page asks for one script, and that script asks for
// the wasm module as soon as it runs: two round trips before the big
// download starts, whatever the page does, and no stylesheet request at all.
//
// Promises kept here (see SECURITY.md):
// - After load, nothing is fetched: the only requests this file causes are
//   for the wasm module, once per page, and for the language packs of the
//   languages an element offers, each file once per page, as the element is
//   connected (never when the person chooses), with their integrity hashes.
// - Nothing is stored, and answers never leave the shadow root: no events,
//   no globals, no attributes carry them; the person's clicks, keys,
//   pointer, touch and focus events stop at its edge (KEPT).
// - If anything fails, the element's own children (the fallback hotline
//   numbers) stay on screen.

// WASM_FILE: putokaz_bg.wasm, or putokaz-check_bg.wasm in the module with the text check.
// It and the packs' files are URLs relative to this module; the offline single
// file (tools/package/offline.mjs) puts data: URLs in their place.
const WASM_URL = new URL(WASM_FILE, import.meta.url);
const ATTRIBUTES = ['lang', 'langs', 'region', 'mode', 'exit-url'];
// The languages of an element without `langs`: those of the first country.
const DEFAULT_LANGS = 'sr-Latn sr-Cyrl en';

let ready = null;

/**
 * A copy of `fields` with no prototype. A host page whose Object.prototype
 * was polluted (by a vulnerable library and a crafted link, say with
 * `exitUrl` or `config`) must not be able to slip settings into the widget.
 */
function bare(fields) {
  return Object.assign(Object.create(null), fields);
}

/** Loads the module once for the whole page. */
export function load() {
  // A Request carries the integrity hash: a module that is not the one we
  // built is refused by the browser instead of run.
  // (Its options have no prototype, so a polluted Object.prototype on the
  // host page, say a `mode`, cannot change or break the request.)
  ready ??= __wbg_init({ module_or_path: new Request(WASM_URL, bare({ integrity: WASM_INTEGRITY })) });
  return ready;
}

// The download starts now, not when the first element is connected. A
// failure is reported by each element that waits for it (and by the API
// functions), so it is not an unhandled rejection here.
load().catch(() => {});

/**
 * Language packs. English is built into the module; every other language is
 * a file of its own (PACKS, written by .ci/build: each language's file and
 * its Subresource Integrity hash; Serbian Cyrillic comes with Serbian
 * Latin). An element's packs are fetched as it is connected, before the
 * person can do anything, so no request ever depends on their choices, and
 * each file once per page. A pack that cannot be loaded only leaves its
 * language out of the switcher.
 *
 * Check packs (CHECKS): the text check of the job-offer modes, its rules
 * and minimum wages with English's texts, and each other language's texts,
 * fetched the same way by elements in those modes only.
 */
const packs = new Map();
const CHECK_MODES = ['job-offer', 'contract-check'];

/**
 * The file of a language tag in a table of packs: exact, else the first of
 * the same language (as the engine's `Catalogs::resolve` picks a catalog;
 * the loader must choose before the module is there).
 */
function packOf(table, tag) {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0];
  const tags = Object.keys(table);
  const found = tags.find((t) => t.toLowerCase() === lower) ?? tags.find((t) => t.split('-')[0].toLowerCase() === primary);
  return found === undefined ? null : table[found];
}

/**
 * Fetches a pack once per page, with its hash, and hands its text to `add`
 * once the module and `after` are there; resolves when it is added or has
 * failed (then `without` says what the page goes without).
 */
function once([file, integrity], add, after, without) {
  if (!packs.has(file)) {
    // The one fetch of Putokaz's files (tests/tidy.rs allows it): a pack
    // the element needs, as it is connected, with its hash; it carries nothing.
    const text = fetch(new URL(file, import.meta.url), bare({ integrity })).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
    packs.set(file, Promise.all([text, load(), ...after]).then(
      ([pack]) => { add(pack); },
      (error) => console.warn(`Putokaz: the pack ${file} could not be loaded, so ${without}.`, error),
    ));
  }
  return packs.get(file);
}

/** Loads the packs of these languages; resolves when each is added or has failed. */
function addLanguages(tags) {
  const waits = [];
  for (const tag of tags) {
    const pack = packOf(PACKS, tag);
    if (pack !== null) waits.push(once(pack, addLanguage, [], 'its language is not offered'));
  }
  return Promise.all(waits);
}

/** Loads the text check, and its texts in these languages (after each language's pack). */
function addChecks(tags) {
  // The module without the text check has no check packs.
  if (!CHECKS.en) return null;
  const english = once(CHECKS.en, addCheck, [], 'the text check is not offered');
  const waits = [english];
  for (const tag of tags) {
    const pack = packOf(CHECKS, tag);
    if (pack !== null && pack !== CHECKS.en) waits.push(once(pack, addCheck, [english, addLanguages([tag])], 'the text check is in English there'));
  }
  return Promise.all(waits);
}

/**
 * The stylesheet, built once from its text and adopted by every shadow root:
 * no request, no <style> element, nothing the page's CSP has to allow
 * (style-src governs stylesheets from URLs and inline styles, not a
 * constructed one). `null` in a browser without constructable stylesheets,
 * where the fallback stays rather than an unstyled widget.
 */
const sheet = (() => {
  try {
    const built = new CSSStyleSheet();
    built.replaceSync(STYLES);
    return built;
  } catch {
    return null;
  }
})();

/**
 * A panic ends in a WebAssembly trap, which the browser would report again as
 * "Uncaught RuntimeError: unreachable". The panic hook has already said what
 * happened, once, in plain words; so the next such echo (and only that one)
 * is kept out of the console.
 */
function silenceTrapEcho() {
  const onError = (event) => {
    if (event.error instanceof WebAssembly.RuntimeError) {
      event.preventDefault();
      window.removeEventListener('error', onError);
    }
  };
  window.addEventListener('error', onError);
}

/**
 * What the person does stays inside the widget: where a pointer, a finger or
 * the wheel was, what got focus, which key was pressed, what an input method
 * composed (the `data` of composition events: a country typed in the search
 * box) would each tell the host page's bubbling listeners which answer was
 * chosen (on the danger question, "Yes" and "No" are at different heights). A host listener on
 * window in the capture phase still hears them first (see SECURITY.md).
 * Passive, so scrolling and touch never wait for them.
 */
const KEPT = ('click dblclick auxclick contextmenu keydown keyup keypress beforeinput input submit focusin focusout wheel '
  + 'dragstart pointerdown pointerup pointermove pointerover pointerout pointercancel mousedown mouseup mousemove mouseover '
  + 'mouseout touchstart touchend touchmove touchcancel DOMActivate compositionstart compositionupdate compositionend').split(' ');
const keep = (event) => event.stopPropagation();

class PutokazScreening extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #root = null;
  #widget = null;
  #config = null;
  #generation = 0;

  /** A partner config as a JS object, for sites that build the element in script. */
  set config(value) {
    this.#config = value;
    if (this.isConnected) this.#remount();
  }

  get config() {
    return this.#config;
  }

  connectedCallback() {
    if (!this.#root) {
      // Closed: page scripts (and session-replay tools) cannot read the answers.
      this.#root = this.attachShadow({ mode: 'closed' });
    }
    this.#remount();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#free();
    this.#showFallback();
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.#widget) return;
    // More languages, or the text check, need their packs first.
    if (name === 'langs' || (name === 'mode' && CHECK_MODES.includes(value))) {
      this.#remount();
      return;
    }
    try {
      this.#widget.setAttribute(name, value);
    } catch (error) {
      this.#fail(error);
    }
  }

  async #remount() {
    const generation = ++this.#generation;
    this.#free();
    this.#showFallback();
    try {
      if (!sheet) throw new Error('this browser cannot build the stylesheet (constructable stylesheets)');
      const languages = addLanguages(this.#langs());
      const checks = CHECK_MODES.includes(this.getAttribute('mode')) ? addChecks(this.#langs()) : null;
      await load();
      await languages;
      await checks;
      if (generation !== this.#generation || !this.isConnected) return;
      const container = document.createElement('div');
      for (const type of KEPT) container.addEventListener(type, keep, { passive: true });
      const widget = mount(container, this.#options(), () => this.#stopped());
      this.#widget = widget;
      this.#root.adoptedStyleSheets = [sheet];
      this.#root.replaceChildren(container);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  /** The languages this element offers: its `langs` (or the default ones) and its `lang`. */
  #langs() {
    const tags = (this.getAttribute('langs') ?? DEFAULT_LANGS).split(/\s+/).filter(Boolean);
    const lang = this.getAttribute('lang');
    if (lang && !tags.includes(lang)) tags.push(lang);
    return tags;
  }

  #options() {
    const options = bare({});
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name === 'exit-url' ? 'exitUrl' : name] = value;
    }
    options.langs = this.#langs().join(' ');
    if (this.#config !== null) {
      options.config = JSON.stringify(this.#config);
    } else {
      const script = this.querySelector('script[type="application/json"]');
      if (script) options.config = script.textContent;
    }
    if (this.hasAttribute('data-test-panic')) options.testPanic = true;
    return options;
  }

  #showFallback() {
    if (!this.#root) return;
    const slot = document.createElement('slot');
    this.#root.adoptedStyleSheets = [];
    this.#root.replaceChildren(slot);
  }

  #free() {
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      try {
        widget.free();
      } catch {
        // A module that has stopped cannot free; the page will drop it.
      }
    }
  }

  /**
   * The module panicked (its panic hook calls this for every widget): it can
   * never run again, so the widget is forgotten, not freed (freeing would
   * run the stopped module), and the fallback numbers come back.
   */
  #stopped() {
    this.#generation += 1;
    this.#widget = null;
    this.#showFallback();
    silenceTrapEcho();
  }

  #fail(error) {
    this.#widget = null;
    this.#showFallback();
    console.error('Putokaz could not start; the fallback content stays visible.', error);
  }
}

if (!customElements.get('putokaz-screening')) {
  customElements.define('putokaz-screening', PutokazScreening);
}

/** The questionnaire as an object, like `putokaz questions`. */
export async function getQuestions(lang = 'en', mode = 'screening') {
  await Promise.all([load(), addLanguages([lang])]);
  return JSON.parse(questions(lang, mode));
}

/** Assesses answers in this browser, like `putokaz assess`. Nothing is sent anywhere. */
export async function assessAnswers(lang, input) {
  await Promise.all([load(), addLanguages([String(lang)])]);
  return JSON.parse(assess(lang, JSON.stringify(input)));
}

/** The problems of a partner config, one sentence each (empty when fine). */
export async function validateConfig(config) {
  await load();
  return validate(typeof config === 'string' ? config : JSON.stringify(config));
}
