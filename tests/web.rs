//! Browser tests of the widget: mount it into a fresh element in headless
//! Chromium, use it as a person would, and check what the DOM and the
//! accessibility tree say. Run by `bash .ci/test` (wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A widget mounted in a fresh element, the way the loader does it.
struct Mounted {
    host: Element,
    container: HtmlElement,
    widget: Option<putokaz::wasm::Widget>,
}

impl Mounted {
    fn new(options: &[(&str, &str)]) -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
        let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
        root.append_child(&container).unwrap();
        let object = js_sys::Object::new();
        for (key, value) in options {
            js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
        }
        let noop = js_sys::Function::new_no_args("");
        let widget = putokaz::wasm::mount(container.clone(), object.into(), noop).expect("the widget mounts");
        Mounted { host, container, widget: Some(widget) }
    }

    fn find(&self, selector: &str) -> Element {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("the widget should have {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.get(i).unwrap().dyn_into().unwrap()).collect()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        self.find(selector).dyn_into::<HtmlElement>().unwrap().click();
    }

    fn choose(&self, value: &str) {
        let input: HtmlInputElement = self.find(&format!("input[value=\"{value}\"]")).dyn_into().unwrap();
        input.click();
    }

    /// Chooses a language in the select, as a person does: a `change`.
    fn choose_language(&self, lang: &str) {
        let choose = js_sys::Function::new_with_args("s, lang", "s.value = lang; s.dispatchEvent(new Event('change', { bubbles: true }))");
        choose.call2(&JsValue::NULL, &self.find("select.pk-lang"), &JsValue::from_str(lang)).unwrap();
    }

    fn answer(&self, value: &str) {
        self.choose(value);
        self.click("button[type=submit]");
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.take();
        self.host.remove();
    }
}

fn active_in(mounted: &Mounted) -> Option<Element> {
    let root = mounted.host.shadow_root()?;
    root.active_element()
}

#[wasm_bindgen_test]
fn intro_then_first_question_then_second() {
    let w = Mounted::new(&[("lang", "en")]);
    assert_eq!(w.text("h2.pk-title"), "Check your situation");
    assert_eq!(w.container.get_attribute("lang").as_deref(), Some("en"));
    w.click("[data-action=start]");

    // The first question is a real radio group in a fieldset with a legend,
    // with "not sure" and "prefer not to say", and focus on its heading.
    let first = w.text("legend h2");
    assert!(!first.is_empty());
    assert_eq!(w.all("fieldset input[type=radio]").len() >= 4, true);
    assert!(w.text("fieldset").contains("Not sure"));
    assert!(w.text("fieldset").contains("Prefer not to say"));
    assert_eq!(active_in(&w).map(|e| e.tag_name()), Some("H2".into()));
    assert!(w.text(".pk-live").contains(&first));

    w.answer("not_sure");
    let second = w.text("legend h2");
    assert_ne!(second, first, "answering moves to the next question");
    assert!(w.text(".pk-progress").contains("Question 2"));
}

#[wasm_bindgen_test]
fn continuing_without_an_answer_explains_what_to_do() {
    let w = Mounted::new(&[]);
    w.click("[data-action=start]");
    w.click("button[type=submit]");
    let error = w.find("[role=alert]");
    assert!(error.text_content().unwrap().contains("Not sure"));
    assert_eq!(w.find("fieldset").get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
fn back_returns_to_the_previous_answer_kept() {
    let w = Mounted::new(&[]);
    w.click("[data-action=start]");
    let first = w.text("legend h2");
    w.answer("prefer_not");
    w.click("[data-action=back]");
    assert_eq!(w.text("legend h2"), first);
    let chosen: HtmlInputElement = w.find("input[value=prefer_not]").dyn_into().unwrap();
    assert!(chosen.checked(), "the earlier answer is still chosen");
    w.click("[data-action=back]");
    assert_eq!(w.text("h2.pk-title"), "Check your situation");
}

#[wasm_bindgen_test]
fn language_switch_keeps_the_answers() {
    // The Serbian pack, as the loader hands it over (the build wrote it).
    let pack = include_str!(concat!(env!("OUT_DIR"), "/packs/putokaz.sr-Latn.txt"));
    assert_eq!(putokaz::wasm::add_language(pack.to_string()).ok(), Some("sr-Latn".to_string()));
    let w = Mounted::new(&[("lang", "en")]);
    w.click("[data-action=start]");
    w.answer("no");
    w.choose_language("sr-Cyrl");
    assert_eq!(w.container.get_attribute("lang").as_deref(), Some("sr-Cyrl"));
    assert!(w.text(".pk-progress").contains('2'), "still on the second question");
    w.click("[data-action=back]");
    let kept: HtmlInputElement = w.find("input[value=no]").dyn_into().unwrap();
    assert!(kept.checked());
}

#[wasm_bindgen_test]
fn exit_links_point_to_the_exit_address() {
    let w = Mounted::new(&[("exitUrl", "https://example.org/weather")]);
    for link in w.all("a[data-action=exit]") {
        assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.org/weather"));
    }
    assert_eq!(w.all("a[data-action=exit]").len(), 2, "a button and a skip link");
    let unsafe_url = Mounted::new(&[("exitUrl", "javascript:alert(1)")]);
    for link in unsafe_url.all("a[data-action=exit]") {
        assert!(link.get_attribute("href").unwrap().starts_with("https://"));
    }
}

/// Counts the event listeners added and not yet removed, on every target,
/// by wrapping EventTarget.prototype's add and remove while it lives.
struct ListenerCount {
    tracker: JsValue,
}

impl ListenerCount {
    const CODE: &'static str = r#"
        const proto = EventTarget.prototype;
        const add = proto.addEventListener, remove = proto.removeEventListener;
        const capture = (options) => typeof options === 'boolean' ? options : !!(options && options.capture);
        const live = [];
        const find = (target, type, listener, options) =>
            live.findIndex((l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture(options));
        proto.addEventListener = function (type, listener, options) {
            if (find(this, type, listener, options) < 0) live.push({ target: this, type, listener, capture: capture(options) });
            return add.call(this, type, listener, options);
        };
        proto.removeEventListener = function (type, listener, options) {
            const i = find(this, type, listener, options);
            if (i >= 0) live.splice(i, 1);
            return remove.call(this, type, listener, options);
        };
        return {
            live: () => live.map((l) => l.type + ' on ' + (l.target === window ? 'window' : l.target.nodeName)).join(', '),
            count: () => live.length,
            restore: () => { proto.addEventListener = add; proto.removeEventListener = remove; },
        };
    "#;

    fn start() -> ListenerCount {
        ListenerCount { tracker: js_sys::Function::new_no_args(Self::CODE).call0(&JsValue::NULL).unwrap() }
    }

    fn call(&self, name: &str) -> JsValue {
        let function: js_sys::Function = js_sys::Reflect::get(&self.tracker, &name.into()).unwrap().dyn_into().unwrap();
        function.call0(&JsValue::NULL).unwrap()
    }

    fn count(&self) -> usize {
        self.call("count").as_f64().unwrap() as usize
    }

    fn live(&self) -> String {
        self.call("live").as_string().unwrap()
    }
}

impl Drop for ListenerCount {
    fn drop(&mut self) {
        self.call("restore");
    }
}

#[wasm_bindgen_test]
fn freeing_the_widget_removes_its_content_and_listeners() {
    let listeners = ListenerCount::start();
    let mut w = Mounted::new(&[("lang", "en")]);
    w.click("[data-action=start]");
    w.answer("no");
    assert!(w.container.query_selector("[data-action=start]").unwrap().is_none());
    let while_mounted = listeners.count();
    assert!(while_mounted >= 4, "the count sees the widget's listeners ({})", listeners.live());

    w.widget.take();
    assert_eq!(w.container.child_element_count(), 0, "no answers or screens remain");
    assert_eq!(listeners.count(), 0, "listeners left after freeing: {}", listeners.live());
    drop(listeners);

    // And by behaviour: a click on a start button inside the container
    // renders nothing, and now reaches the page (nothing stops it).
    let document = web_sys::window().unwrap().document().unwrap();
    let button: HtmlElement = document.create_element("button").unwrap().dyn_into().unwrap();
    button.set_attribute("data-action", "start").unwrap();
    w.container.append_child(&button).unwrap();
    let reached = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = reached.clone();
    let on_click = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || seen.set(true));
    let root = w.host.shadow_root().unwrap();
    root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()).unwrap();
    button.click();
    root.remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()).unwrap();
    assert!(reached.get(), "the click bubbles past the container");
    assert_eq!(w.container.child_element_count(), 1, "nothing is rendered again");
    assert!(w.container.query_selector(".pk-screen").unwrap().is_none());
}

impl Mounted {
    /// Answers every remaining question with `value` (or the answer given
    /// for it), stepping past the emergency panel, until the result shows.
    fn finish(&self, answers: &[(&str, &str)], value: &str) {
        for _ in 0..80 {
            if self.container.query_selector(".pk-emergency").unwrap().is_some() {
                self.click("[data-action=continue]");
                continue;
            }
            let Some(form) = self.container.query_selector("form.pk-question").unwrap() else { return };
            let id = form.get_attribute("data-question").unwrap();
            assert!(self.container.query_selector(".pk-error").unwrap().is_none(), "{id} was not accepted");
            let choice = answers.iter().find(|(q, _)| *q == id).map_or(value, |(_, a)| *a);
            {
                for part in choice.split(',') {
                    let exists = self.container.query_selector(&format!("input[value=\"{part}\"]")).unwrap().is_some();
                    self.choose(if exists { part } else { "not_sure" });
                }
                self.click("button[type=submit]");
            }
        }
        panic!("no result after 80 steps");
    }
}

#[wasm_bindgen_test]
fn the_print_view_lists_help_and_no_answers() {
    let w = Mounted::new(&[("lang", "en"), ("region", "RS")]);
    w.click("[data-action=start]");
    let answers = [("danger_now", "no"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "RS"), ("situation", "work_now"), ("control_signs", "documents_kept,cannot_leave")];
    w.finish(&answers, "no");
    let result = w.text(".pk-screen");
    assert!(result.contains("Someone else keeps the passport"), "the result names the sign: {result}");
    w.click("[data-action=print]");
    let print = w.text(".pk-screen");
    assert!(print.contains("192"), "the emergency number is on the printed list");
    assert!(w.all(".pk-referral").len() >= 1);
    assert!(!print.contains("passport"), "no sign or answer is on the printed list: {print}");
    assert!(!print.contains("What we noticed"));
    w.click("[data-action=back]");
    assert!(w.text(".pk-screen").contains("Someone else keeps the passport"));
}

#[wasm_bindgen_test]
fn every_result_shows_the_emergency_number_and_tap_to_call_links() {
    let w = Mounted::new(&[("lang", "en"), ("region", "RS")]);
    w.click("[data-action=start]");
    w.finish(&[("danger_now", "no"), ("country_now", "RS")], "no");
    let links: Vec<String> = w.all("a[href^='tel:']").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert!(links.contains(&"tel:192".to_string()), "{links:?}");
    for link in w.all(".pk-screen a[href]") {
        let href = link.get_attribute("href").unwrap();
        assert!(["tel:", "sms:", "mailto:", "https:"].iter().any(|s| href.starts_with(s)), "unexpected link {href}");
    }
}

#[wasm_bindgen_test]
fn job_offer_mode_starts_at_the_job_offer_check() {
    let w = Mounted::new(&[("lang", "en"), ("mode", "job-offer")]);
    assert!(w.text("[data-action=start]").contains("job offer"));
    w.click("[data-action=start]");
    assert_eq!(w.find("form.pk-question").get_attribute("data-question").as_deref(), Some("jo_recruiter"));
    w.finish(&[("jo_signs", "fee,passport")], "not_sure");
    assert!(w.text(".pk-screen").contains("Red flags in this job offer"));
    assert!(w.text(".pk-screen").contains("What to check:"));
    assert!(w.text(".pk-screen").contains("ASTRA"), "where to get a contract checked");
}

#[wasm_bindgen_test]
fn not_safe_to_answer_offers_the_way_out_first() {
    let w = Mounted::new(&[("lang", "en"), ("exitUrl", "https://example.org/weather")]);
    w.click("[data-action=start]");
    w.answer("no");
    w.answer("no");
    assert_eq!(w.text("h2.pk-title"), "If it is not safe now");
    let exits: Vec<Element> = w.all(".pk-screen a[data-action=exit]");
    assert_eq!(exits.len(), 1, "the screen itself offers the exit");
    assert_eq!(exits[0].get_attribute("href").as_deref(), Some("https://example.org/weather"));
    assert_eq!(active_in(&w).map(|e| e.tag_name()), Some("H2".into()));
    w.click("[data-action=continue]");
    assert_eq!(w.find("form.pk-question").get_attribute("data-question").as_deref(), Some("who_for"));
}
