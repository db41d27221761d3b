// Putokaz loader: defines <putokaz-screening>, loads the WebAssembly module
// once per page, and mounts each element into its own closed shadow root.
//
// Promises kept here (see SECURITY.md):
// - After load, nothing is fetched: the only requests this file causes are
//   for the wasm module and the stylesheet, once each per page.
// - Nothing is stored, and answers never leave the shadow root: no events,
//   no globals, no attributes carry them.
// - If anything fails, the element's own children (the fallback hotline
//   numbers) stay on screen.

import init, { mount, questions, assess, validate } from './pkg/putokaz.js';
import { WASM_INTEGRITY } from './pkg/integrity.js';

const WASM_URL = new URL('./pkg/putokaz_bg.wasm', import.meta.url);
const CSS_URL = new URL('./putokaz.css', import.meta.url);
const ATTRIBUTES = ['lang', 'region', 'mode', 'exit-url'];

let ready = null;

/**
 * A copy of `fields` with no prototype. A host page whose Object.prototype
 * was polluted (by a vulnerable library and a crafted link, say with
 * `exitUrl` or `config`) must not be able to slip settings into the widget.
 */
function bare(fields) {
  return Object.assign(Object.create(null), fields);
}

/**
 * The stylesheet, copied into memory from the first <link> that loaded it.
 * Every later mount (another widget, or this one moved, re-added or
 * re-configured) adopts the copy, so it requests nothing: after load, the
 * widget never touches the network again. `null` until then, and in
 * browsers without constructable stylesheets (they load the file again).
 */
let sharedSheet = null;

function copySheet(sheet) {
  try {
    const copy = new CSSStyleSheet();
    copy.replaceSync([...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
    return copy;
  } catch {
    return null;
  }
}

/** Loads the module once for the whole page. */
export function load() {
  // A Request carries the integrity hash: a module that is not the one we
  // built is refused by the browser instead of run.
  // (Its options have no prototype, so a polluted Object.prototype on the
  // host page, say a `mode`, cannot change or break the request.)
  ready ??= init({ module_or_path: new Request(WASM_URL, bare({ integrity: WASM_INTEGRITY })) });
  return ready;
}

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
      const link = this.#style();
      await Promise.all([load(), link?.loaded]);
      if (generation !== this.#generation || !this.isConnected) return;
      const container = document.createElement('div');
      const widget = mount(container, this.#options(), () => this.#stopped());
      this.#widget = widget;
      // Swap the fallback for the widget without moving the <link>: a
      // stylesheet taken out and put back is requested again.
      for (const node of [...this.#root.childNodes]) {
        if (node !== link) node.remove();
      }
      this.#root.append(container);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  /**
   * Styles the shadow root: with the copy in memory if there is one, else
   * with a <link> to the stylesheet (returned, with a `loaded` promise).
   */
  #style() {
    if (sharedSheet) {
      this.#root.adoptedStyleSheets = [sharedSheet];
      return null;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL.href;
    link.loaded = new Promise((resolve, reject) => {
      link.addEventListener('load', () => {
        sharedSheet ??= copySheet(link.sheet);
        resolve();
      }, { once: true });
      link.addEventListener('error', () => reject(new Error(`cannot load ${CSS_URL.href}`)), { once: true });
    });
    this.#root.append(link);
    return link;
  }

  #options() {
    const options = bare({});
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name === 'exit-url' ? 'exitUrl' : name] = value;
    }
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
  await load();
  return JSON.parse(questions(lang, mode));
}

/** Assesses answers in this browser, like `putokaz assess`. Nothing is sent anywhere. */
export async function assessAnswers(lang, input) {
  await load();
  return JSON.parse(assess(lang, JSON.stringify(input)));
}

/** The problems of a partner config, one sentence each (empty when fine). */
export async function validateConfig(config) {
  await load();
  return validate(typeof config === 'string' ? config : JSON.stringify(config));
}
