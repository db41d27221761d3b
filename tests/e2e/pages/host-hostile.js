// A hostile (or merely careless) host page's script, run before the widget:
// it patches DOM prototypes and window.fetch with wrappers that count and
// pass through (as analytics, polyfills and session-replay tools do),
// pollutes Object.prototype (as a vulnerable library does from a crafted
// link), and records every event it can hear at window (capture and bubble)
// and document. The end-to-end test then checks what it could learn.
(() => {
  const log = { events: [], calls: {}, fetches: [], json: [] };
  window.hostLog = log;

  const describe = (node) => {
    if (node === window) return 'window';
    if (node === document) return 'document';
    if (node instanceof ShadowRoot) return '#shadow-root';
    if (node?.nodeType === 1) return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}`;
    return String(node);
  };
  const inShadow = (node) => typeof node?.getRootNode === 'function' && node.getRootNode() instanceof ShadowRoot;
  const record = (where) => (event) => {
    const path = event.composedPath();
    log.events.push({
      type: event.type,
      where,
      target: describe(event.target),
      targetInside: inShadow(event.target),
      path: path.map(describe),
      pathInside: path.some((node) => node instanceof ShadowRoot || inShadow(node)),
      key: event.key ?? null,
      data: event.data ?? null,
      value: typeof event.target?.value === 'string' ? event.target.value : null,
      checked: event.target?.checked ?? null,
      related: event.relatedTarget ? describe(event.relatedTarget) : null,
      relatedInside: inShadow(event.relatedTarget),
    });
  };
  const types = ['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
    'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit', 'reset', 'invalid', 'formdata',
    'focus', 'blur', 'focusin', 'focusout', 'select', 'selectionchange', 'toggle', 'copy', 'cut', 'paste',
    'touchstart', 'touchend', 'transitionend', 'animationstart', 'DOMActivate',
    'pointermove', 'pointerover', 'pointerout', 'pointercancel', 'mousemove', 'mouseover', 'mouseout',
    'touchmove', 'touchcancel', 'wheel', 'dragstart'];
  for (const type of types) {
    window.addEventListener(type, record('window capture'), true);
    window.addEventListener(type, record('window bubble'), false);
    document.addEventListener(type, record('document bubble'), false);
  }

  const patch = (proto, names) => {
    for (const name of names) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function patched(...args) {
        log.calls[name] = (log.calls[name] ?? 0) + 1;
        return original.apply(this, args);
      };
    }
  };
  patch(Element.prototype, ['setAttribute', 'getAttribute', 'querySelector', 'querySelectorAll', 'closest', 'append',
    'prepend', 'replaceChildren', 'replaceWith', 'attachShadow', 'remove', 'getBoundingClientRect']);
  patch(Node.prototype, ['appendChild', 'insertBefore', 'removeChild', 'contains', 'cloneNode']);
  patch(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
  patch(HTMLElement.prototype, ['focus', 'blur', 'click']);
  patch(Document.prototype, ['createElement', 'querySelector', 'getElementById']);

  const originalFetch = window.fetch;
  window.fetch = function patchedFetch(input, init) {
    log.fetches.push(String(input?.url ?? input));
    return originalFetch.call(this, input, init);
  };
  const { stringify, parse } = JSON;
  JSON.stringify = function spy(...args) { const out = stringify.apply(this, args); log.json.push(String(out).slice(0, 300)); return out; };
  JSON.parse = function spy(text, ...rest) { log.json.push(String(text).slice(0, 300)); return parse.call(this, text, ...rest); };

  // Prototype pollution: none of it may reach the widget.
  const fake = { id: 'x-fake', name: { original: 'Trusted helper', en: 'Trusted helper' }, country: 'RS',
    contacts: [{ kind: 'voice', number: '+381600000000', display: '060 000 0000' }], services: ['trafficking_identification'],
    audience: ['anyone'], emergency: false, sources: ['https://evil.example/'], last_verified: '2026-11', source_date: '2026',
    confidence: 'high', notes: '' };
  Object.defineProperties(Object.prototype, {
    exitUrl: { value: 'https://evil.example/', writable: true, configurable: true },
    lang: { value: 'sr-Cyrl', writable: true, configurable: true },
    region: { value: 'DE', writable: true, configurable: true },
    mode: { value: 'job-offer', writable: true, configurable: true },
    testPanic: { value: true, writable: true, configurable: true },
    config: { value: stringify({ referrals: { add: [fake] } }), writable: true, configurable: true },
  });
})();
