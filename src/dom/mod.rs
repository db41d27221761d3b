//! The widget in the page: state, events and the quick exit. Rendering is in
//! [`render`]; all screening logic is in the engine.
//!
//! Each widget owns its state behind one `Rc<RefCell<_>>`; its listeners hold
//! only `Weak` references and are removed when the widget is dropped, so
//! removing the element frees everything, answers included.

mod listener;
mod render;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, HtmlElement, KeyboardEvent};

use crate::engine::partner::PartnerConfig;
use crate::engine::{builtin, Answer, Content, Level, Mode, Session};
use listener::Listener;

/// Where a quick exit goes when the partner sets nothing: a neutral public
/// page, as in the GOV.UK "Exit this page" pattern.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.com/weather";
const SHIFT_WINDOW_MS: f64 = 5000.0;

/// What the loader passes in.
pub struct Settings {
    pub lang: String,
    pub region: String,
    pub mode: Mode,
    pub exit_url: String,
    pub config: String,
    pub test_panic: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Screen {
    Intro,
    Question { error: Option<&'static str> },
    Emergency,
    /// After "is it safe to answer now?" was answered "no": the way out first.
    NotSafe,
    Result,
    Print,
}

pub(crate) struct State {
    pub content: Rc<Content>,
    pub session: Session,
    pub screen: Screen,
    pub lang: String,
    pub region: String,
    pub exit_url: String,
    pub shift_presses: Vec<f64>,
    pub config_problems: Vec<String>,
    pub test_panic: bool,
}

impl State {
    fn set_mode(&mut self, mode: Mode) {
        self.session = Session::new(mode);
        self.screen = Screen::Intro;
    }
}

pub struct Widget {
    state: Rc<RefCell<State>>,
    container: HtmlElement,
    _listeners: Vec<Listener>,
    fail_id: u32,
}

impl Widget {
    pub fn mount(container: HtmlElement, settings: Settings, on_fail: js_sys::Function) -> Result<Widget, JsValue> {
        if has_panicked() {
            return Err("Putokaz stopped after an internal error earlier on this page; reload the page to use it again".into());
        }
        let builtin = builtin::content();
        let (content, config_problems, config_region) = if settings.config.trim().is_empty() {
            (builtin.clone(), Vec::new(), None)
        } else {
            let (config, problems) = PartnerConfig::parse(&settings.config, builtin);
            (config.apply(builtin), problems.iter().map(ToString::to_string).collect(), config.region.clone())
        };
        for problem in &config_problems {
            web_sys::console::warn_1(&format!("Putokaz config: {problem}").into());
        }
        // The element's attribute wins over the config's default region.
        let region = Some(settings.region.clone())
            .filter(|r| crate::engine::referral::is_country_code(r))
            .or(config_region)
            .unwrap_or_else(|| "RS".into());
        let lang = content.catalogs.resolve(if settings.lang.is_empty() { "en" } else { &settings.lang }).lang().to_string();
        let state = Rc::new(RefCell::new(State {
            content: Rc::new(content),
            session: Session::new(settings.mode),
            screen: Screen::Intro,
            lang,
            region,
            exit_url: checked_exit_url(&settings.exit_url),
            shift_presses: Vec::new(),
            config_problems,
            test_panic: settings.test_panic,
        }));
        render::skeleton(&container)?;
        render::render(&state.borrow(), &container, false)?;

        let window = web_sys::window().ok_or("no window")?;
        let mut listeners = Vec::new();
        for kind in ["click", "submit", "change"] {
            let weak = Rc::downgrade(&state);
            let target = container.clone();
            listeners.push(Listener::new(&container, kind, false, move |event| {
                handle(&weak, &target, &event);
            }));
        }
        // Keep the person's clicks and keys inside the widget, so the host
        // page's bubbling listeners learn as little as possible.
        for kind in ["click", "keydown", "keyup", "input", "submit"] {
            listeners.push(Listener::new(&container, kind, false, |event| event.stop_propagation()));
        }
        let weak = Rc::downgrade(&state);
        let target = container.clone();
        listeners.push(Listener::new(&window, "keydown", true, move |event| on_key(&weak, &target, &event)));
        // Leaving the page wipes the answers, so a page restored from the
        // back/forward cache shows the start again, never an answer.
        let weak = Rc::downgrade(&state);
        let target = container.clone();
        listeners.push(Listener::new(&window, "pagehide", false, move |_| {
            if let Some(state) = weak.upgrade() {
                let mut state = state.borrow_mut();
                state.session.clear();
                state.screen = Screen::Intro;
                let _ = render::render(&state, &target, false);
            }
        }));
        let fail_id = register_failure_callback(on_fail);
        Ok(Widget { state, container, _listeners: listeners, fail_id })
    }

    pub fn set_attribute(&self, name: &str, value: Option<&str>) {
        if has_panicked() {
            return;
        }
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        match name {
            "lang" => {
                let tag = value.unwrap_or("en");
                state.lang = state.content.catalogs.resolve(tag).lang().to_string();
            }
            "region" => {
                if let Some(code) = value.filter(|c| crate::engine::referral::is_country_code(c)) {
                    state.region = code.to_string();
                }
            }
            "mode" => {
                let mode = value.and_then(Mode::parse).unwrap_or(Mode::Screening);
                if mode != state.session.mode {
                    state.set_mode(mode);
                }
            }
            "exit-url" => state.exit_url = checked_exit_url(value.unwrap_or("")),
            _ => return,
        }
        let draft = render::draft(&self.container);
        let _ = render::render(&state, &self.container, false);
        render::restore_draft(&self.container, draft);
    }

    pub fn config_problems(&self) -> Vec<String> {
        self.state.try_borrow().map(|s| s.config_problems.clone()).unwrap_or_default()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        unregister_failure_callback(self.fail_id);
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.session.clear();
        }
        self.container.replace_children_with_node_0();
    }
}

/// An exit address must be https, or a path on the same site.
fn checked_exit_url(url: &str) -> String {
    let url = url.trim();
    let same_site_path = url.starts_with('/') && !url.starts_with("//") && !url.contains('\\');
    if crate::engine::referral::is_https_url(url) || (same_site_path && !url.chars().any(char::is_whitespace)) {
        url.to_string()
    } else {
        if !url.is_empty() {
            web_sys::console::warn_1(&"Putokaz: exit-url must start with https:// or /; using the default.".into());
        }
        DEFAULT_EXIT_URL.to_string()
    }
}

fn handle(weak: &Weak<RefCell<State>>, container: &HtmlElement, event: &Event) {
    let Some(state) = weak.upgrade() else { return };
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    match event.type_().as_str() {
        "submit" => {
            event.prevent_default();
            let Some(form) = target.closest("form").ok().flatten() else { return };
            on_answer(&state, container, &form);
        }
        "change" => render::on_choice_change(&target),
        "click" => {
            let Some(actor) = target.closest("[data-action]").ok().flatten() else { return };
            let action = actor.get_attribute("data-action").unwrap_or_default();
            if action == "answer" {
                return;
            }
            event.prevent_default();
            if action == "exit" {
                quick_exit(&state, container);
                return;
            }
            on_action(&state, container, &action, &actor);
        }
        _ => {}
    }
}

fn on_action(state: &Rc<RefCell<State>>, container: &HtmlElement, action: &str, actor: &web_sys::Element) {
    let mut s = state.borrow_mut();
    let content = s.content.clone();
    let mut focus = true;
    match action {
        "start" => {
            if s.test_panic {
                panic!("test panic: the test-only trigger was pulled");
            }
            s.screen = if s.session.is_finished() { Screen::Result } else { Screen::Question { error: None } };
        }
        "back" => {
            s.screen = match s.screen.clone() {
                Screen::Print => Screen::Result,
                Screen::Emergency | Screen::NotSafe => Screen::Question { error: None },
                Screen::Intro => Screen::Intro,
                _ if s.session.back(&content) => Screen::Question { error: None },
                _ => Screen::Intro,
            };
        }
        "continue" => {
            s.screen = if s.session.is_finished() { Screen::Result } else { Screen::Question { error: None } };
        }
        "restart" => {
            s.session.clear();
            s.screen = Screen::Intro;
        }
        "print" => s.screen = Screen::Print,
        "print-now" => {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
            return;
        }
        "lang" => {
            if let Some(lang) = actor.get_attribute("data-lang") {
                s.lang = content.catalogs.resolve(&lang).lang().to_string();
            }
            focus = false;
        }
        _ => return,
    }
    let draft = if action == "lang" { render::draft(container) } else { None };
    let _ = render::render(&s, container, focus);
    if action == "lang" {
        // Same screen in other words: what was ticked stays ticked.
        render::restore_draft(container, draft);
        let _ = render::focus_selector(container, &format!("[data-lang=\"{}\"]", s.lang));
    }
}

fn on_answer(state: &Rc<RefCell<State>>, container: &HtmlElement, form: &web_sys::Element) {
    let mut s = state.borrow_mut();
    let content = s.content.clone();
    let Some(question_id) = form.get_attribute("data-question") else { return };
    let answer = render::read_answer(form);
    let urgent_before = urgent_fired(&content, &s.session);
    let result = match answer {
        Some(answer) => s.session.answer(&content, &question_id, answer).map_err(|e| e.message_key()),
        None => Err("ui.error_choose"),
    };
    let not_safe = content.question(&question_id).is_some_and(|q| q.role == Some(crate::engine::content::Role::SafeNow))
        && s.session.answers().get(&question_id) == Some(&crate::engine::Answer::Choice("no".into()));
    s.screen = match result {
        Err(key) => Screen::Question { error: Some(key) },
        Ok(()) if !urgent_before && urgent_fired(&content, &s.session) => Screen::Emergency,
        Ok(()) if not_safe => Screen::NotSafe,
        Ok(()) if s.session.is_finished() => Screen::Result,
        Ok(()) => Screen::Question { error: None },
    };
    let _ = render::render(&s, container, true);
}

fn urgent_fired(content: &Content, session: &Session) -> bool {
    crate::engine::assess(content, session.mode, session.answers()).level == Level::Urgent
}

fn on_key(weak: &Weak<RefCell<State>>, container: &HtmlElement, event: &Event) {
    let Some(state) = weak.upgrade() else { return };
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
    if key.repeat() {
        return;
    }
    let now = js_sys::Date::now();
    let count = {
        let mut s = state.borrow_mut();
        if key.key() != "Shift" {
            // Shift used with another key is typing, not a request to leave.
            s.shift_presses.clear();
            return;
        }
        s.shift_presses.retain(|t| now - t <= SHIFT_WINDOW_MS);
        s.shift_presses.push(now);
        s.shift_presses.len()
    };
    if count >= 3 {
        quick_exit(&state, container);
    } else {
        let s = state.borrow();
        let text = crate::engine::catalog::fill(s.content.catalogs.text(&s.lang, "ui.exit_shift_progress"), &[("count", &count.to_string())]);
        let _ = render::announce(container, &text);
    }
}

/// Drops every answer, blanks the widget and the page at once, and replaces
/// the page with the exit address, so Back does not return to it.
fn quick_exit(state: &Rc<RefCell<State>>, container: &HtmlElement) {
    let exit_url = {
        let mut s = state.borrow_mut();
        s.session.clear();
        s.screen = Screen::Intro;
        s.shift_presses.clear();
        s.exit_url.clone()
    };
    let _ = render::blank(container, &state.borrow());
    let Some(window) = web_sys::window() else { return };
    if let Some(body) = window.document().and_then(|d| d.body()) {
        body.set_hidden(true);
    }
    let _ = window.location().replace(&exit_url);
}

thread_local! {
    static FAILURE_CALLBACKS: RefCell<Vec<(u32, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static PANICKED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the module has panicked: from then on nothing of it runs again.
pub(crate) fn has_panicked() -> bool {
    PANICKED.with(Cell::get)
}

fn register_failure_callback(callback: js_sys::Function) -> u32 {
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    FAILURE_CALLBACKS.with(|c| c.borrow_mut().push((id, callback)));
    id
}

fn unregister_failure_callback(id: u32) {
    FAILURE_CALLBACKS.with(|c| {
        if let Ok(mut callbacks) = c.try_borrow_mut() {
            callbacks.retain(|(i, _)| *i != id);
        }
    });
}

/// After a panic the module cannot run again, so every widget hands back to
/// its fallback numbers; the panic is reported to the console once.
///
/// The hook does not chain to std's default one: in this target that one
/// only writes to a stderr that goes nowhere, and chaining to it kept its
/// formatting code in the module.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if PANICKED.with(|p| p.replace(true)) {
            return;
        }
        web_sys::console::error_1(&format!("Putokaz stopped after an internal error; showing the fallback numbers. {info}").into());
        FAILURE_CALLBACKS.with(|c| {
            if let Ok(callbacks) = c.try_borrow() {
                for (_, callback) in callbacks.iter() {
                    let _ = callback.call0(&JsValue::NULL);
                }
            }
        });
    }));
}

/// Used by answer forms that offer "not sure" and "prefer not to say".
pub(crate) fn unknown_answer(value: &str) -> Option<Answer> {
    match value {
        Answer::NOT_SURE => Some(Answer::NotSure),
        Answer::PREFER_NOT => Some(Answer::PreferNot),
        _ => None,
    }
}
