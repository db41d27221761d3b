//! The widget in the page: it draws the engine's views ([`render`]) and
//! forwards what the person does as engine actions. Which screen comes next,
//! and what it says, is decided by the engine's [`Flow`].
//!
//! Each widget owns its state behind one `Rc<RefCell<_>>`; its listeners hold
//! only `Weak` references and are removed when the widget is dropped, so
//! removing the element frees everything, answers included.

mod build;
mod listener;
mod render;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::engine::builtin;
use crate::engine::catalog::fill;
use crate::engine::decimal;
use crate::engine::translit::fold;
use crate::engine::flow::{Action, Effect, Flow, Loaded, Now, Settings};
use crate::engine::CHECK;
use listener::Listener;

/// Why the DOM layer could not do something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error(pub &'static str);

impl Error {
    pub const DOM: Error = Error("Putokaz: a DOM call failed");
    pub const SKELETON: Error = Error("Putokaz: the widget's skeleton is missing");
    pub const STOPPED: Error = Error("Putokaz stopped after an internal error earlier on this page; reload the page to use it again");
}

struct State {
    content: Loaded,
    flow: Flow,
    /// The page's clock, given by the boundary.
    now: fn() -> Now,
    /// What the parts around the screen were last drawn from (see [`render::draw`]).
    drawn: String,
    /// Only in builds with the `test-panic` feature: panic on Start.
    #[cfg(feature = "test-panic")]
    test_panic: bool,
}

pub struct Widget {
    state: Rc<RefCell<State>>,
    container: HtmlElement,
    _listeners: Vec<Listener>,
}

impl Widget {
    /// Draws the intro into `container` and starts listening.
    pub fn mount(container: HtmlElement, settings: &Settings, now: fn() -> Now, test_panic: bool) -> Result<Widget, Error> {
        if has_panicked() {
            return Err(Error::STOPPED);
        }
        let _ = test_panic;
        let (flow, content) = Flow::new(builtin::content(), settings);
        let state = Rc::new(RefCell::new(State {
            content,
            flow,
            now,
            drawn: String::new(),
            #[cfg(feature = "test-panic")]
            test_panic,
        }));
        let doc = document(&container)?;
        render::skeleton(&doc, &container)?;
        show(&mut state.borrow_mut(), &container, Effect::Draw)?;

        let window = doc.default_view().ok_or(Error::DOM)?;
        let mut listeners = Vec::new();
        // Opening the exit in a new tab (middle button, context menu) is
        // leaving too: `action_of` takes those only on the exit.
        for kind in [
            "click",
            "submit",
            "change",
            "input",
            "auxclick",
            "contextmenu",
        ] {
            let weak = Rc::downgrade(&state);
            let target = container.clone();
            listeners.push(Listener::new(&container, kind, false, Box::new(move |event| {
                if let Some(action) = action_of(&event) {
                    dispatch(&weak, &target, action);
                }
            })));
        }
        // A web link gets its address as it is opened. (What the person does
        // is kept inside the widget by the loader: `KEPT` in www/loader.js.)
        for kind in ["click", "auxclick", "keydown"] {
            listeners.push(Listener::new(&container, kind, false, Box::new(|event| open(&event))));
        }
        // A disclosure opens and closes in the page alone: nothing the flow keeps.
        let target = container.clone();
        listeners.push(Listener::new(&container, "click", false, Box::new(move |event| toggle(&target, &event))));
        // The country box: typing keeps the names that match; Enter goes to
        // the first of them instead of sending the form.
        for kind in ["input", "keydown"] {
            let target = container.clone();
            listeners.push(Listener::new(&container, kind, false, Box::new(move |event| filter(&target, &event))));
        }
        let weak = Rc::downgrade(&state);
        let target = container.clone();
        listeners.push(Listener::new(&window, "keydown", true, Box::new(move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>().filter(|k| !k.repeat()) else { return };
            // Shift in a field of the host page types a capital there: it
            // does not count. (From inside the widget the target is the
            // host element, so there it always counts.)
            // (No type check: on a target that is not an element, `closest`
            // throws, which reads as "not a field".)
            if let Some(t) = event.target() {
                if let Ok(Some(_)) = t.unchecked_into::<Element>().closest("input,textarea,select,[contenteditable]") {
                    return;
                }
            }
            dispatch(&weak, &target, Action::Key { shift: key.key() == "Shift", at_ms: now().ms });
        })));
        // Leaving the page wipes the answers, so a page restored from the
        // back/forward cache shows the start again, never an answer.
        let weak = Rc::downgrade(&state);
        let target = container.clone();
        listeners.push(Listener::new(&window, "pagehide", false, Box::new(move |_| dispatch(&weak, &target, Action::Wipe))));
        Ok(Widget { state, container, _listeners: listeners })
    }

    /// Applies a changed attribute (`lang`, `region`, `mode`, `exit-url`);
    /// what is ticked but not sent stays ticked.
    pub fn set_attribute(&self, name: &str, value: Option<&str>) {
        let action = match name {
            "lang" => Action::SetLang(value.unwrap_or("en").into()),
            "region" => Action::SetRegion(value.unwrap_or_default().into()),
            "mode" => Action::SetMode(value.unwrap_or_default().into()),
            "exit-url" => Action::SetExitUrl(value.unwrap_or_default().into()),
            _ => return,
        };
        if has_panicked() {
            return;
        }
        let Ok(mut s) = self.state.try_borrow_mut() else { return };
        let State { content, flow, .. } = &mut *s;
        // An attribute never moves focus.
        if flow.apply(content, action) != Effect::None {
            let _ = show(&mut s, &self.container, Effect::Draw);
        }
    }

    /// The problems found in the partner config, one sentence each.
    pub fn config_problems(&self) -> Vec<String> {
        self.state.try_borrow().map(|s| s.flow.config_problems().to_vec()).unwrap_or_default()
    }

    /// What to write to the console (config problems, a refused exit address), once.
    pub fn take_warnings(&self) -> Vec<String> {
        self.state.try_borrow_mut().map(|mut s| s.flow.take_warnings()).unwrap_or_default()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            let State { content, flow, .. } = &mut *state;
            flow.apply(content, Action::Wipe);
        }
        self.container.replace_children_with_node_0();
    }
}

/// The action an event in the widget asks for, if any.
fn action_of(event: &Event) -> Option<Action> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let form = || target.closest("form[data-question]").ok().flatten();
    let chosen = |form: Element| (form.get_attribute("data-question").unwrap_or_default(), chosen(&form));
    // The text check's forms: the text, and the pay check's fields, by name.
    let field = |form: &Element, name: &str| -> String {
        form.query_selector(&crate::engine::concat(&["#", name]))
            .ok()
            .flatten()
            .map(|f| f.unchecked_into::<HtmlInputElement>().value())
            .unwrap_or_default()
    };
    match event.type_().as_str() {
        "input" if CHECK && target.id() == "pk-text" => Some(Action::Text(
            target.unchecked_into::<HtmlInputElement>().value(),
        )),
        "input" => None,
        "submit" => {
            event.prevent_default();
            let form = target.closest("form").ok()??;
            match form.get_attribute("data-form").as_deref().filter(|_| CHECK) {
                Some("check") => return Some(Action::CheckText(field(&form, "pk-text"))),
                Some("pay") => {
                    let [country, amount, per, hours] =
                        ["pk-country", "pk-amount", "pk-per", "pk-hours"]
                            .map(|name| field(&form, name));
                    return Some(Action::PayCheck {
                        country,
                        amount,
                        per,
                        hours,
                    });
                }
                _ => {}
            }
            let (question, values) = chosen(form);
            Some(Action::Answer { question, values })
        }
        "change" => {
            // The language select: the language of the option chosen.
            if target.get_attribute("data-action").is_some() {
                let option = target.query_selector("option:checked").ok()??;
                return Some(Action::SetLang(option.get_attribute("value")?));
            }
            let form = form()?;
            keep_exclusive(&target);
            let (question, values) = chosen(form);
            Some(Action::Draft { question, values })
        }
        kind => {
            let actor = target.closest("[data-action]").ok().flatten()?;
            let name = actor.get_attribute("data-action")?;
            if kind != "click" && name != "exit" {
                return None;
            }
            let action = Action::button(&name)?;
            event.prevent_default();
            Some(action)
        }
    }
}

/// Gives a web link its address as the person opens it (a click, a middle
/// click, Enter): the browser then follows it as any link, since it checks
/// for an `href` only after the event has passed the widget's listeners.
fn open(event: &Event) {
    if event.dyn_ref::<KeyboardEvent>().is_some_and(|key| key.key() != "Enter") {
        return;
    }
    let link = event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[data-href]").ok().flatten());
    if let Some((link, href)) = link.and_then(|l| l.get_attribute("data-href").map(|h| (l, h))) {
        let _ = link.set_attribute("href", &href);
    }
}

/// Opens or closes what a disclosure button names by `aria-controls` (the
/// intro's "more", a result's sections, its discreet signs), and says so
/// with `aria-expanded`. Closed again whenever the screen is drawn anew.
fn toggle(container: &HtmlElement, event: &Event) {
    let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[aria-expanded]").ok().flatten()) else { return };
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let region = button.get_attribute("aria-controls").and_then(|id| container.query_selector(&crate::engine::concat(&["#", &id])).ok().flatten());
    if let Some(region) = region {
        region.unchecked_into::<HtmlElement>().set_hidden(!open);
    }
}

/// Hands an action to the flow and shows its effect.
fn dispatch(weak: &Weak<RefCell<State>>, container: &HtmlElement, action: Action) {
    let Some(state) = weak.upgrade() else { return };
    let Ok(mut s) = state.try_borrow_mut() else { return };
    #[cfg(feature = "test-panic")]
    if s.test_panic && action == Action::Start {
        panic!("test panic: the test-only trigger was pulled");
    }
    let State { content, flow, .. } = &mut *s;
    let effect = flow.apply(content, action);
    let _ = show(&mut s, container, effect);
}

fn show(s: &mut State, container: &HtmlElement, effect: Effect) -> Result<(), Error> {
    let mut draw = || -> Result<_, Error> {
        let view = s.flow.view(&s.content, (s.now)());
        render::draw(&document(container)?, container, &view, &mut s.drawn)?;
        Ok(view)
    };
    match effect {
        Effect::None => Ok(()),
        Effect::Draw => draw().map(drop),
        Effect::NewScreen => render::focus_screen(container, &draw()?),
        // Same screen in other words: focus stays on the language select
        // (drawn anew, with its label in the new language).
        Effect::NewLanguage => draw().and_then(|_| render::focus(container, ".pk-lang")),
        Effect::Announce(text) => render::announce(container, &text),
        Effect::Print => {
            let _ = document(container)?.default_view().ok_or(Error::DOM)?.print();
            Ok(())
        }
        // Cover the widget and the page at once (the cover is in the top
        // layer, where no host CSS reaches), tell the browser to send no
        // Referer, and replace the page, so Back does not return to it.
        Effect::Leave(url) => {
            let _ = draw();
            let doc = document(container)?;
            if let Ok(cover) = render::part(container, ".pk-cover") {
                let _ = cover.unchecked_into::<HtmlElement>().show_popover();
            }
            if let (Ok(meta), Some(body)) = (doc.create_element("meta"), doc.body()) {
                let _ = meta.set_attribute("name", "referrer");
                let _ = meta.set_attribute("content", "no-referrer");
                let _ = body.append_child(&meta);
            }
            doc.location().ok_or(Error::DOM)?.replace(&url).map_err(|_| Error::DOM)
        }
    }
}

/// The widget's document, from its container: asking the container, not the
/// global `window`, needs one import instead of wasm-bindgen's four ways of
/// finding the global object.
fn document(container: &HtmlElement) -> Result<Document, Error> {
    container.owner_document().ok_or(Error::DOM)
}

/// The values ticked in a question's form.
fn chosen(form: &Element) -> Vec<String> {
    // The widget's own elements, found by their selectors, need no type
    // check: each `instanceof` is one more import.
    let mut values = Vec::new();
    if let Ok(checked) = form.query_selector_all("input[name^=answer]:checked") {
        for i in 0..checked.length() {
            if let Some(input) = checked.get(i).map(JsCast::unchecked_into::<HtmlInputElement>) {
                values.push(input.value());
            }
        }
    }
    values
}

/// Ticking "none of these", "not sure" or "prefer not to say" clears the
/// other boxes, and ticking another box clears those; choosing a radio
/// button clears those of the other group (a country, or "not sure").
fn keep_exclusive(target: &Element) {
    // A change event comes from a radio button or a check box.
    let input = target.unchecked_ref::<HtmlInputElement>();
    if !input.checked() {
        return;
    }
    let Some(form) = target.closest("form").ok().flatten() else { return };
    let radio = input.type_() == "radio";
    let exclusive = radio || input.has_attribute("data-exclusive");
    let Ok(boxes) = form.query_selector_all("input:checked") else { return };
    for i in 0..boxes.length() {
        let Some(other) = boxes.get(i).map(JsCast::unchecked_into::<HtmlInputElement>) else { continue };
        // Each box of a question has its own value (its id is made of it).
        if other.value() != input.value() && (exclusive || other.has_attribute("data-exclusive")) {
            other.set_checked(false);
        }
    }
}

/// Keeps in the country list the names that contain what is typed in the
/// box above it (and what is ticked), and says how many there are; Enter in
/// the box moves to the first of them.
fn filter(container: &HtmlElement, event: &Event) {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<Element>().ok()).filter(|i| i.id() == "pk-filter") else { return };
    let input = input.unchecked_into::<HtmlInputElement>();
    if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
        if key.key() == "Enter" {
            event.prevent_default();
            let _ = render::focus(container, "#pk-countries .pk-choice:not([hidden]) input");
        }
        return;
    }
    let typed = fold(input.value().trim());
    let Ok(choices) = container.query_selector_all("#pk-countries .pk-choice") else { return };
    let mut shown = 0;
    for i in 0..choices.length() {
        let Some(choice) = choices.get(i).map(JsCast::unchecked_into::<HtmlElement>) else { continue };
        let ticked = choice.query_selector("input:checked").ok().flatten().is_some();
        // Bytes, not `str::contains`, whose searcher would link std's
        // str-slicing panic (see .ci/build).
        let name = fold(&choice.text_content().unwrap_or_default());
        let show = ticked || typed.is_empty() || name.as_bytes().windows(typed.len()).any(|w| w == typed.as_bytes());
        choice.set_hidden(!show);
        shown += show as u64;
    }
    let found = input.get_attribute("data-found").unwrap_or_default();
    let _ = render::announce(container, &fill(&found, &[("n", &decimal(shown))]));
}

thread_local! {
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the module has panicked: from then on nothing of it runs again.
pub fn has_panicked() -> bool {
    STOPPED.with(Cell::get)
}

/// Marks the module as stopped (by the boundary's panic hook); returns
/// whether it already was.
pub fn stop() -> bool {
    STOPPED.with(|s| s.replace(true))
}
